#include "whosaid/extractor.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include "absl/base/optimization.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/types/span.h"
#include "internal/attribution.h"
#include "internal/byte_masks.h"
#include "internal/lexicon.h"
#include "internal/part_walk.h"
#include "internal/speakers.h"
#include "internal/text_layout.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "whosaid/topic_tagger.h"

namespace whosaid {

const char kExtractorVersion[] = "whosaid-" WHOSAID_VERSION;

namespace {

using internal::Finding;
using internal::Range;

// FNV-1a, 64 bits: stable across builds and platforms, unlike absl::Hash.
uint64_t Fnv1a(absl::string_view s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// One byte more of FNV-1a.
inline uint64_t Fnv1aByte(unsigned char c, uint64_t h) {
  return (h ^ c) * 1099511628211ull;
}

// "00" to "99", two digits a number.
constexpr struct DigitPairs {
  char pair[200];
  constexpr DigitPairs() : pair() {
    for (int v = 0; v < 100; ++v) {
      pair[2 * v] = static_cast<char>('0' + v / 10);
      pair[2 * v + 1] = static_cast<char>('0' + v % 10);
    }
  }
} kDigitPairs;

// Fnv1a() of the two digits of `v` < 100 ("07" for 7), from `h`.
inline uint64_t Fnv1aPair(uint32_t v, uint64_t h) {
  h = Fnv1aByte(kDigitPairs.pair[2 * v], h);
  return Fnv1aByte(kDigitPairs.pair[2 * v + 1], h);
}

// Fnv1a() of `v` in decimal, from `h`: the digits from the first, two a
// step, with no buffer between (offsets have four or five).
inline uint64_t Fnv1aDecimal(uint32_t v, uint64_t h) {
  if (v >= 1000000) {
    h = Fnv1aDecimal(v / 1000000, h);
    v %= 1000000;
    h = Fnv1aPair(v / 10000, h);
    v %= 10000;
  } else if (v >= 10000) {
    if (v >= 100000) {
      h = Fnv1aPair(v / 10000, h);
    } else {
      h = Fnv1aByte(static_cast<unsigned char>('0' + v / 10000), h);
    }
    v %= 10000;
  } else if (v < 100) {
    if (v >= 10) return Fnv1aPair(v, h);
    return Fnv1aByte(static_cast<unsigned char>('0' + v), h);
  } else if (v < 1000) {
    h = Fnv1aByte(static_cast<unsigned char>('0' + v / 100), h);
    return Fnv1aPair(v % 100, h);
  }
  // The last four digits of a number of four or more.
  h = Fnv1aPair(v / 100, h);
  return Fnv1aPair(v % 100, h);
}

// Fnv1a() of `mark`, r.begin in decimal, "-", r.end in decimal: what
// absl::StrCat(mark, r.begin, "-", r.end) hashes to, without building the
// string (a claim id hashes one per part).
uint64_t Fnv1aRange(char mark, Range r, uint64_t h) {
  h = Fnv1aByte(mark, h);
  h = Fnv1aDecimal(r.begin, h);
  h = Fnv1aByte('-', h);
  return Fnv1aDecimal(r.end, h);
}

// Two cues can report the same words ("X said and Y agreed that ..."), so
// the cue is part of the identity. (The hash of
// "doc_id:b1-e1:b2-e2...@cb-ce", as 16 lower-case hex digits.)
// (Its digits in place: a std::string of 16 would be allocated.)
// `doc_hash` is Fnv1a(doc_id), hashed once for the claims of a document.
struct ClaimIdText {
  char digits[16];
  absl::string_view view() const { return absl::string_view(digits, 16); }
};
ClaimIdText ClaimId(uint64_t doc_hash, absl::Span<const Range> parts,
                    Range cue) {
  uint64_t h = doc_hash;
  for (const Range& r : parts) h = Fnv1aRange(':', r, h);
  h = Fnv1aRange('@', cue, h);
  // Two hex digits a byte, from a table (most significant byte first).
  static constexpr struct HexPairs {
    char pair[512];
    constexpr HexPairs() : pair() {
      for (int b = 0; b < 256; ++b) {
        pair[2 * b] = "0123456789abcdef"[b >> 4];
        pair[2 * b + 1] = "0123456789abcdef"[b & 15];
      }
    }
  } kHex;
  ClaimIdText id;
  for (int i = 7; i >= 0; --i, h >>= 8) {
    std::memcpy(id.digits + 2 * i, kHex.pair + 2 * (h & 0xff), 2);
  }
  return id;
}

// *field = s, in the memory the field has already (a claim's strings are
// filled again from document to document). (Emptied, then appended to:
// assign() first tests whether s lies inside the field, about twice the
// instructions for these short strings.) REQUIRES: s is not inside *field.
void Assign(std::string* field, absl::string_view s) {
  field->clear();
  field->append(s.data(), s.size());
}

// A canonical name, with each run of spaces as one when read from text
// whose Unicode spaces were blanked (BlankUnicodeSpaces()): it has a run
// where the text has one such space. (Other names stay as they are: the
// test is not worth its instructions on every mention.)
// Appends `s` to *out with each run of spaces as one (a run that *out
// ends with included): blanked text (BlankUnicodeSpaces(), BlankLinkTexts())
// as a reader sees it.
void AppendClosingUpSpaces(std::string* out, absl::string_view s) {
  for (char c : s) {
    if (c != ' ' || out->empty() || out->back() != ' ') out->push_back(c);
  }
}

void AssignName(std::string* field, absl::string_view s, bool blanked) {
  if (!blanked || s.find("  ") == absl::string_view::npos) {
    Assign(field, s);
    return;
  }
  field->clear();
  AppendClosingUpSpaces(field, s);
}

// A canonical name without the marks a cut at a quotation's edge leaves on
// it: quote marks and spaces before it ("‘California Democrats", "’
// judge"); after it quote marks, a colon or a comma ("State Department:"),
// a sentence's period before a closing quote mark ("Breitbart Media.”"),
// and the lone mark of a plural's possessive ("Bernie Sanders’"). (Not
// the period of an abbreviation with no quote mark after it: "Calif.",
// "Jr.".) Only the name written out: the resolver keys and the entity's id
// keep the name as found, so who is who does not change.
absl::string_view WithoutStrayMarks(absl::string_view name) {
  // (Most names open and end with a letter: none of the loops below would
  // take a byte off them.)
  if (name.size() >= 2 &&
      absl::ascii_isalnum(static_cast<unsigned char>(name.front())) &&
      absl::ascii_isalnum(static_cast<unsigned char>(name.back()))) {
    return name;
  }
  absl::string_view n = name;
  auto starts = [&](absl::string_view m) { return absl::StartsWith(n, m); };
  auto ends = [&](absl::string_view m) { return absl::EndsWith(n, m); };
  // (A mark that pairs with one inside the name stays: "'Ashamed' Franken",
  // "the \"clawback\" plan", "standards of \u201cfairness.\u201d"; so does
  // the apostrophe of a decade, "'80s".)
  auto closes_inside = [&](size_t from) {
    for (size_t i = from; i + 1 < n.size(); ++i) {
      if (n[i + 1] != ' ') continue;
      if (n[i] == '"' || n[i] == '\'') return true;
      if (i >= 2 && n.substr(i - 2, 3) == "\xE2\x80\x99") return true;
      if (i >= 2 && n.substr(i - 2, 3) == "\xE2\x80\x9D") return true;
    }
    return false;
  };
  for (;;) {
    if ((starts("\xE2\x80\x9C") || starts("\xE2\x80\x98") || starts("\xE2\x80\x99") ||
         starts("\xE2\x80\x9D")) &&
        !closes_inside(3)) {
      n.remove_prefix(3);
    } else if ((starts("\"") || starts("'")) && !closes_inside(1) &&
               !(n.size() > 1 && absl::ascii_isdigit(static_cast<unsigned char>(n[1])))) {
      n.remove_prefix(1);
    } else if (starts(" ")) {
      n.remove_prefix(1);
    } else {
      break;
    }
  }
  bool quote = false;
  for (;;) {
    if ((ends("\xE2\x80\x9D") && !absl::StrContains(n, "\xE2\x80\x9C")) ||
        ends("\xE2\x80\x99")) {
      n.remove_suffix(3);
      quote = true;
    } else if ((ends("\"") && std::count(n.begin(), n.end(), '"') % 2 == 1) || ends("'")) {
      n.remove_suffix(1);
      quote = true;
    } else if (ends(":") || ends(",") || ends(" ")) {
      n.remove_suffix(1);
    } else if (quote && ends(".") && n.size() >= 3 &&
               absl::ascii_islower(static_cast<unsigned char>(n[n.size() - 2])) &&
               absl::ascii_islower(static_cast<unsigned char>(n[n.size() - 3]))) {
      n.remove_suffix(1);
    } else {
      break;
    }
  }
  return n.size() >= 2 ? n : name;
}

void SetSpan(Range r, v1::Span* span) {
  span->set_begin(r.begin);
  span->set_end(r.end);
}

absl::string_view Slice(absl::string_view text, Range r) {
  return text.substr(r.begin, r.end - r.begin);
}

// `text` with the Unicode spaces the layout found (TextLayout::
// unicode_spaces) blanked with as many ASCII spaces as they have bytes,
// in *copy: the same length, so offsets into it are offsets into `text`.
// `text` itself when it has none. Web pages put no-break spaces between
// words ("Ted Cruz\u00a0at"), and every stage (tagger, rules, resolver)
// then reads them as the spaces they are without a test of its own.
absl::string_view BlankUnicodeSpaces(absl::string_view text,
                                     const internal::TextLayout& layout,
                                     std::string* copy) {
  if (layout.unicode_spaces.empty()) return text;
  copy->assign(text.data(), text.size());
  for (uint32_t at : layout.unicode_spaces) {
    const size_t n = static_cast<unsigned char>(text[at]) == 0xC2 ? 2 : 3;
    std::memset(&(*copy)[at], ' ', n);
  }
  return *copy;
}

// Whether t[begin, end) is the rest of a full name, as The Hill writes it
// in a link: words that open with a capital or a bracket ("Addison
// (Mitch) Mitchell ", "Juan C. "), nothing in lower case.
bool FullNameBetween(absl::string_view t, size_t begin, size_t end) {
  bool word_start = true;
  for (size_t i = begin; i < end; ++i) {
    const unsigned char c = t[i];
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (word_start && !absl::ascii_isupper(c) && c != '(') return false;
    word_start = false;
  }
  return true;
}

// The end of The Hill's inline link text, when " MORE" at t[more] closes
// one: a name, the person's full name run into a list of headlines, then
// "MORE" ("Sen. Mitch McConnell Addison (Mitch) Mitchell McConnellGOP
// senators balk at ... trial MORE (R-Ky.) said"). Returns where the name
// the text goes on from ends (after the first "McConnell"), or 0. The
// full name and the first headline are written together with no space
// ("McConnellGOP"): a word whose capitalised head ends a word shortly
// before; "MORE" is in capitals after a space, on the same line, and no
// capitalised word follows it (a verb, a party in brackets, punctuation).
size_t LinkTextStart(absl::string_view t, size_t more) {
  constexpr size_t kMaxRun = 700;  // the name and three headlines
  constexpr size_t kMaxFullName = 80;
  const size_t after = more + 5;
  if (after < t.size()) {
    const unsigned char c = t[after];
    if (absl::ascii_isalnum(c) || c == '-') return 0;
    if (c == ' ' && after + 1 < t.size()) {
      const unsigned char d = t[after + 1];
      if (!absl::ascii_islower(d) && d != '(') return 0;
    }
  }
  const size_t lim = more > kMaxRun ? more - kMaxRun : 0;
  for (size_t g = more; g > lim + 1; --g) {
    const unsigned char c = t[g], b = t[g - 1];
    if (c == '\n') return 0;
    if (!absl::ascii_islower(b) ||
        !(absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == '"')) {
      continue;
    }
    size_t w = g - 1;
    while (w > lim && absl::ascii_isalpha(static_cast<unsigned char>(t[w - 1]))) --w;
    if (!absl::ascii_isupper(static_cast<unsigned char>(t[w])) || g - w < 3) continue;
    const absl::string_view head = t.substr(w, g - w);
    // The same word as a word of its own just before: the link's name.
    // (It needs room for itself and a space before `w`: a word at the
    // start of the text has no name before it.)
    if (w < head.size() + 2) continue;
    const size_t from = w > kMaxFullName ? w - kMaxFullName : 0;
    for (size_t e = w - 1; e > from + head.size(); --e) {
      const size_t b0 = e - head.size();
      if (t.substr(b0, head.size()) == head && t[b0 - 1] == ' ' &&
          !absl::ascii_islower(static_cast<unsigned char>(t[e])) &&
          FullNameBetween(t, e, w)) {
        return e;
      }
    }
  }
  return 0;
}

// Blanks (in *copy, made from `text` if `*copied` is false) The Hill's
// inline link texts (LinkTextStart()) from the end of the name to the end
// of "MORE", so that the name reads on to what follows it ("Sen. Mitch
// McConnell (R-Ky.) said"). Returns whether it blanked any.
bool BlankLinkTexts(absl::string_view text, std::string* copy, bool* copied) {
  bool any = false;
  // (Looked for by its "M", a rare byte, then the space before it.)
  for (size_t m = text.find("MORE"); m != absl::string_view::npos;
       m = text.find("MORE", m + 1)) {
    if (m == 0 || text[m - 1] != ' ') continue;
    const size_t begin = LinkTextStart(text, m - 1);
    if (begin == 0) continue;
    if (!*copied) {
      copy->assign(text.data(), text.size());
      *copied = true;
    }
    std::memset(&(*copy)[begin], ' ', m + 4 - begin);
    any = true;
  }
  return any;
}

// The text every stage reads, segmented into `layout`: `original` with its
// Unicode spaces (BlankUnicodeSpaces()) and The Hill's link texts
// (BlankLinkTexts()) blanked, in *copy when there are any; `original`
// itself when there are none. Blanked link texts change the sentences, so
// the layout is then made again.
struct ReadableText {
  absl::string_view text;
  bool links = false;    // link texts were blanked
  bool blanked = false;  // `text` is the copy
};
ReadableText MakeReadable(absl::string_view original,
                          const internal::Segmenter& segmenter,
                          internal::TextLayout* layout, std::string* copy) {
  segmenter.Segment(original, layout);
  ReadableText r;
  r.text = BlankUnicodeSpaces(original, *layout, copy);
  bool copied = r.text.data() != original.data();
  r.links = BlankLinkTexts(r.text, copy, &copied);
  if (r.links) {
    r.text = *copy;
    segmenter.Segment(r.text, layout);
  }
  r.blanked = copied;
  return r;
}

// Whether `word` (a short word with its period, "Mr.", "Dr.") is a title
// of titles.tsv.
bool IsTitleAbbreviation(const internal::Lexicon& lex, absl::string_view word) {
  char lower[8];
  if (word.size() > sizeof(lower)) return false;
  for (size_t i = 0; i < word.size(); ++i) lower[i] = absl::ascii_tolower(word[i]);
  return lex.IsTitle(absl::string_view(lower, word.size()));
}

// The words a quotation may call someone by: "True, Florence, but ...",
// "Curtis, ring the bell", "Good night, Mr. Denham." A capitalised word
// after the start or a comma, before a comma or final punctuation (after
// any titles: "Mr. Denham"), in text order.
// With `wide` (in a book), a name may also follow a stop of exclamation or
// question, a semicolon or a dash, and "and" or "but" after any of these:
// "Nonsense, Fergus! But isn't it strange, mamma?", "--and Fergus, what
// have you been doing?".
// A word with a period before another capitalised word is a title only if
// the lexicon lists it as one ("Mr. Denham", "Dr. Lee"): "But I forgive
// ye, Tom. I reckon ..." calls Tom.
template <typename Fn>
void ForEachVocativeWord(absl::string_view text, const internal::Lexicon& lex, Range r,
                         Fn&& fn, bool wide = false) {
  const uint32_t end = std::min<uint32_t>(r.end, static_cast<uint32_t>(text.size()));
  uint32_t i = r.begin;
  bool after_break = true;  // at the start, or after ", "
  bool after_dash = false;
  while (i < end) {
    if (!wide && !after_break) {
      // Outside a book only a comma makes a break again: the words up to
      // the next one call nobody. (Quotations are long; most of their
      // words are skipped so.)
      const void* comma = std::memchr(text.data() + i, ',', end - i);
      if (comma == nullptr) return;
      i = static_cast<uint32_t>(static_cast<const char*>(comma) - text.data());
    }
    const unsigned char c = text[i];
    if (!absl::ascii_isalpha(c)) {
      if (c == ',' || (wide && (c == '!' || c == '?' || c == ';'))) {
        after_break = true;
      } else if (wide && (c == '-' || (c == 0xE2 && i + 2 < end && text[i + 1] == '\x80' &&
                                       (text[i + 2] == '\x94' || text[i + 2] == '\x93')))) {
        // A dash (hyphens, an em or en dash): a name only after "and" or
        // "but" ("--Mrs. Joe Gargery,--" is an aside, not a call).
        after_break = false;
        after_dash = true;
        i += c == '-' ? 1 : 3;
        continue;
      } else if (c != ' ' && c != '\n') {
        after_break = false;
        after_dash = false;
      }
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < end && (absl::ascii_isalpha(static_cast<unsigned char>(text[j])) ||
                       text[j] == '.')) {
      ++j;
    }
    // Titles before the name: "Mr. Denham", "Uncle John".
    // A longer word with a period ends a sentence: "..., Hollis. And ...".
    uint32_t k = j;
    while (after_break && absl::ascii_isupper(c) && k + 1 < end && text[k] == ' ' &&
           absl::ascii_isupper(static_cast<unsigned char>(text[k + 1])) &&
           (text[k - 1] != '.' || (k - i <= 4 && IsTitleAbbreviation(lex, text.substr(i, k - i))))) {
      uint32_t m = k + 1;
      while (m < end && absl::ascii_isalpha(static_cast<unsigned char>(text[m]))) ++m;
      i = k + 1;
      j = k = m;
    }
    // The word takes in a period: "Good night, Mr. Denham." ends there.
    // In a book so does a name after a title that ends a sentence ("I can
    // tell you nothing, Aunt Juley.  I know no more than you do."): the
    // title's words were read without the period.
    if (after_break && absl::ascii_isupper(c) &&
        (j >= end || text[j] == ',' || text[j] == '!' || text[j] == '?' ||
         text[j] == ';' ||
         (text[j - 1] == '.' && (text[j] == ' ' || text[j] == '\n')) ||
         (wide && text[j] == '.' &&
          (j + 1 >= end || text[j + 1] == ' ' || text[j + 1] == '\n')))) {
      absl::string_view w = text.substr(i, j - i);
      while (!w.empty() && w.back() == '.') w.remove_suffix(1);
      if (!w.empty() && fn(w)) return;
    }
    // "--and Fergus, what have you been doing?": a conjunction after a
    // break keeps it.
    const absl::string_view word = text.substr(i, j - i);
    after_break = wide && (after_break || after_dash) &&
                  (absl::EqualsIgnoreCase(word, "and") || absl::EqualsIgnoreCase(word, "but"));
    after_dash = false;
    i = j;
  }
}

// A noun for a person of one sex (nominals.tsv: "uncle", "papa", "aunt",
// "girl") that a quotation calls someone by: at its start or after a comma,
// before a comma or a stop ("Surely, uncle, you cannot mean----", "I don't
// know, aunt."). Its span, or an empty range.
Range KinVocative(absl::string_view text, const internal::Lexicon& lex, Range r) {
  const uint32_t end = std::min<uint32_t>(r.end, static_cast<uint32_t>(text.size()));
  for (uint32_t i = r.begin; i < end;) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    uint32_t j = i;
    while (j < end && absl::ascii_isalpha(static_cast<unsigned char>(text[j]))) ++j;
    uint32_t b = i;  // before the word: the start or ", "
    while (b > r.begin && text[b - 1] == ' ') --b;
    const bool opens = b == r.begin || text[b - 1] == ',';
    const bool closes = j >= end || text[j] == ',' || text[j] == '.' || text[j] == '!' ||
                        text[j] == '?';
    if (opens && closes && j - i <= 12) {
      char lower[12];
      for (uint32_t k = i; k < j; ++k) {
        lower[k - i] = absl::ascii_tolower(static_cast<unsigned char>(text[k]));
      }
      const internal::WordInfo* info = lex.Word(absl::string_view(lower, j - i));
      if (info != nullptr && info->person_gender != 0) return Range{i, j};
    }
    i = j;
  }
  return Range();
}

// A word of two or more letters all in capitals ("TOMMY") as a name is
// written, its first letter a capital and the rest small ("Tommy"), in
// `buf`; else an empty view. (Only words that fit in the buffer: names are
// short.)
absl::string_view CapitalsAsName(absl::string_view w,
                                 std::array<char, 24>* buf) {
  if (w.size() < 2 || w.size() > buf->size()) return absl::string_view();
  for (size_t k = 0; k < w.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(w[k]);
    if (!absl::ascii_isupper(c)) return absl::string_view();
    (*buf)[k] = k == 0 ? static_cast<char>(c) : absl::ascii_tolower(c);
  }
  return absl::string_view(buf->data(), w.size());
}

// The person a quotation speaks to by name, among the known; -1 if none.
int Vocative(absl::string_view text, Range r,
             const internal::SpeakerResolver& resolver, bool wide = false) {
  int e = -1;
  std::array<char, 24> name_buf;
  ForEachVocativeWord(
      text, resolver.lexicon(), r,
      [&](absl::string_view w) {
        e = resolver.PersonNamed(w);
        // In a book a name in capitals ('"TOMMY, old thing!"': the first
        // words of a chapter are set in capitals) is the name as the text
        // writes it elsewhere, "Tommy".
        if (e < 0 && wide)
          e = resolver.PersonNamed(CapitalsAsName(w, &name_buf));
        return e >= 0;
      },
      wide);
  // A name that is the whole first sentence ("Stroud. Stroud, sir.") answers
  // with that name; it calls nobody.
  uint32_t j = r.begin;
  while (j < r.end && absl::ascii_isalpha(static_cast<unsigned char>(text[j]))) ++j;
  if (e >= 0 && j < r.end && text[j] == '.' && j > r.begin &&
      resolver.PersonNamed(text.substr(r.begin, j - r.begin)) == e) {
    return -1;
  }
  return e;
}

// Calls fn(offset) for each place `word` stands as a word of its own in
// `text` (no letter on either side), in text order, until fn returns true;
// returns whether it did.
template <typename Fn>
bool AnyWordAt(absl::string_view text, absl::string_view word, Fn&& fn) {
  for (size_t at = text.find(word); at != absl::string_view::npos;
       at = text.find(word, at + 1)) {
    const size_t after = at + word.size();
    if ((at == 0 || !absl::ascii_isalpha(static_cast<unsigned char>(text[at - 1]))) &&
        (after >= text.size() ||
         !absl::ascii_isalpha(static_cast<unsigned char>(text[after]))) &&
        fn(at)) {
      return true;
    }
  }
  return false;
}

// Whether `word` stands as a word of its own in `text`.
bool HasWord(absl::string_view text, absl::string_view word) {
  return AnyWordAt(text, word, [](size_t) { return true; });
}

// Whether `name` stands as a word outside the quotations of `layout`.
bool NamedInNarration(absl::string_view text, const internal::TextLayout& layout,
                      absl::string_view name) {
  size_t qi = 0;
  return AnyWordAt(text, name, [&](size_t at) {
    while (qi < layout.quotes.size() && layout.quotes[qi].close_end <= at) ++qi;
    return qi >= layout.quotes.size() || layout.quotes[qi].open > at;
  });
}

// Whether `word` stands somewhere in `text` inside a sentence: not after
// the start of the text, a sentence end or an opening quotation mark.
bool CapitalisedInSentence(absl::string_view text, absl::string_view word) {
  return AnyWordAt(text, word, [&](size_t at) {
    size_t b = at;
    while (b > 0 && absl::ascii_isspace(static_cast<unsigned char>(text[b - 1]))) --b;
    if (b == 0) return false;
    const unsigned char c = static_cast<unsigned char>(text[b - 1]);
    // '.', '!', '?', a straight quote, or the last byte of a curly one.
    return !(c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == 0x9C ||
             c == 0x98 || c == 0x9D || c == 0x99 || c == ':' || c == ';' || c == '(' ||
             c == '[' || c == '-');
  });
}

// Whether the paragraph ends in a running time after a space ("Boehner
// responds to immigration order 04:13", "Listen · 3:37 3:37"): a media
// player's caption, the title of a video or a recording the page links to,
// not the article's reporting.
bool MediaCaption(absl::string_view text, Range para) {
  const uint32_t e = para.end;
  if (e > text.size() || e < para.begin + 6) return false;
  auto digit = [&](uint32_t k) { return absl::ascii_isdigit(static_cast<unsigned char>(text[k])); };
  if (!digit(e - 1) || !digit(e - 2) || text[e - 3] != ':' || !digit(e - 4)) return false;
  uint32_t b = e - 4;
  if (digit(b - 1)) --b;  // mm:ss
  return b > para.begin && text[b - 1] == ' ';
}

// "You understand what I mean", "you realize how hard it is": a cue of
// coming to know (verbs.tsv flag factive) with the hearer as its subject
// (pronouns.tsv: "you", flag hearer) is a generic address to the reader or
// listener, no one's belief. (Not a want or a feeling, "if you want to C",
// which PolNeAR reports; nor a cue of speech, "you said C".)
bool GenericHearerBelief(absl::string_view text,
                         const internal::Lexicon& lexicon,
                         const internal::Finding& f) {
  if (f.mixed || f.cue_index < 0) return false;
  if (!lexicon.cues()[f.cue_index].factive) return false;
  const internal::PronounInfo* pronoun =
      lexicon.Pronoun(absl::AsciiStrToLower(Slice(text, f.speaker)));
  return pronoun != nullptr && pronoun->hearer;
}

// "materials produced to help police understand C", "making members of both
// parties understand C": a belief cue in its base form whose speaker span
// holds a verb that takes an object and a bare infinitive (function_words.tsv
// class causative_bare, "help", "let"; or class light, of which only "make"
// takes one), in lower case, before a word that is no preposition and no
// number: the cue is that infinitive, and tells what someone is brought to,
// no one's belief. ("Americans making $10,000 see C": "making" earns.)
bool CausedBelief(absl::string_view text, const internal::Lexicon& lexicon,
                  const internal::Finding& f) {
  if (f.mixed || f.cue_index < 0) return false;
  const internal::CueEntry& cue = lexicon.cues()[f.cue_index];
  if (cue.cue_class != internal::CueClass::kBelief) return false;
  if (!absl::EqualsIgnoreCase(Slice(text, f.cue), cue.lemma)) return false;
  const absl::string_view span = Slice(text, f.speaker);
  bool causative = false;  // the word before was such a verb
  for (absl::string_view word : absl::StrSplit(span, ' ', absl::SkipEmpty())) {
    const internal::WordInfo* info = lexicon.WordAnyCase(word);
    if (causative && absl::ascii_isalpha(static_cast<unsigned char>(word[0]))) {
      if (info == nullptr ||
          (info->word_class != internal::WordClass::kPrep &&
           info->word_class != internal::WordClass::kVenuePrep &&
           info->word_class != internal::WordClass::kAdjunctPrep &&
           info->word_class != internal::WordClass::kTimeSub)) {
        return true;
      }
    }
    causative = info != nullptr &&
                absl::ascii_islower(static_cast<unsigned char>(word[0])) &&
                (info->word_class == internal::WordClass::kCausativeBare ||
                 info->word_class == internal::WordClass::kLightVerb);
  }
  return false;
}

// "By signing up, you agree to our Privacy Policy", "By clicking Submit I
// accept the terms": a web page's consent line, where the reader (or the
// writer) as a deictic singular pronoun (pronouns.tsv: "you", "I") follows a
// means clause, the agent preposition (function_words.tsv class agent: "by")
// and a word in -ing, in the same sentence and at most eight words before.
// It states the terms of the page; nobody said anything. (A claim of a
// named subject after such a clause stays: "By signing the accord, Iran
// agreed to C".)
bool ConsentLine(absl::string_view text, const internal::Lexicon& lexicon,
                 internal::Range speaker) {
  const internal::PronounInfo* pronoun =
      lexicon.Pronoun(absl::AsciiStrToLower(Slice(text, speaker)));
  if (pronoun == nullptr || !pronoun->deictic || pronoun->plural) return false;
  // The words before the speaker, right to left: `next` is the word after
  // the one read.
  absl::string_view next;
  size_t at = speaker.begin;
  for (int words = 0; words < 8 && at > 0; ++words) {
    size_t e = at;
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == ',')) --e;
    size_t b = e;
    while (b > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
    if (b == e) return false;  // a sentence end, a quote mark, a line break
    const absl::string_view word = text.substr(b, e - b);
    const internal::WordInfo* info = lexicon.Word(absl::AsciiStrToLower(word));
    if (info != nullptr && info->word_class == internal::WordClass::kAgent &&
        next.size() > 4 && absl::EndsWith(next, "ing")) {
      return true;
    }
    next = word;
    at = b;
  }
  return false;
}

// "Her name was Martha Quill", "His name is Tom Reed" in the narration: the
// person the pronoun points back to is called so (when known only by a
// description). Up to three capitalised words.
void NameTheDescribed(absl::string_view text, const internal::TextLayout& layout,
                      const internal::Lexicon& lexicon,
                      internal::SpeakerResolver* resolver) {
  size_t qi = 0;
  for (absl::string_view verb : {"name was ", "name is "}) {
    qi = 0;
    for (size_t at = text.find(verb); at != absl::string_view::npos;
         at = text.find(verb, at + 1)) {
      // The possessive before, of a sex (pronouns.tsv: "her", "his"; a line
      // may break between them).
      if (at < 4 || (text[at - 1] != ' ' && text[at - 1] != '\n')) continue;
      const size_t after = at + verb.size();  // where the name begins
      size_t b = at - 1;
      while (b > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
      const internal::PronounInfo* possessive =
          lexicon.Possessive(absl::AsciiStrToLower(text.substr(b, at - 1 - b)));
      const char gender = possessive == nullptr ? 0 : possessive->gender;
      if (gender != 'm' && gender != 'f') continue;
      // Narration only: not inside a quotation.
      while (qi < layout.quotes.size() && layout.quotes[qi].close_end <= b) ++qi;
      if (qi < layout.quotes.size() && layout.quotes[qi].open <= b) continue;
      // The name: up to three capitalised words.
      size_t e = after, end = e;
      for (int words = 0; words < 3 && e < text.size(); ++words) {
        size_t w = e;
        while (w < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) ++w;
        // (A title is a name here too: "Her name was Countess".)
        if (w == e || !absl::ascii_isupper(static_cast<unsigned char>(text[e])) ||
            absl::EqualsIgnoreCase(text.substr(e, w - e), "the")) {
          break;
        }
        end = w;
        if (w + 1 >= text.size() || (text[w] != ' ' && text[w] != '\n')) break;
        e = w + 1;
      }
      if (end == after) continue;
      std::string name(text.substr(after, end - after));
      std::replace(name.begin(), name.end(), '\n', ' ');
      // Whom "her" points back to: the last person noun of that sex before
      // it, in the sentence or the two before ("I have never forgotten my
      // grandmother's inn; everybody was a little afraid of her ... Her name
      // was").
      const size_t from = b > 400 ? b - 400 : 0;
      int person = -1;
      for (size_t w = b; w > from && person < 0;) {
        --w;
        if (!absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) continue;
        size_t s = w;
        while (s > from && absl::ascii_isalpha(static_cast<unsigned char>(text[s - 1]))) --s;
        if (absl::ascii_islower(static_cast<unsigned char>(text[s]))) {
          person = resolver->DescribedPerson(text.substr(s, w + 1 - s), gender);
        }
        w = s;
      }
      resolver->NameDescribed(person, name);
    }
  }
}

// "I", or "I." ending a sentence ('said I.').
bool IsI(absl::string_view w) { return w == "I" || w == "I."; }

// The narrator of a story told in the first person ('"...," said I'), by
// name: the name the narration gives itself ("I called myself Tom", "my
// name is Ishmael"), else the name the others call the narrator by, at
// least twice, which the narration never uses for anyone it tells about
// ('"I think, Hollis, that ..."'). -1 if none.
int NarratorEntity(absl::string_view text, const internal::TextLayout& layout,
                   const std::vector<Finding>& findings,
                   const std::vector<internal::Resolution>& speaker,
                   internal::SpeakerResolver* resolver) {
  // Turns whose speaker the conversation decides later do not count.
  auto is_narrator = [&](size_t i) {
    const Finding& f = findings[i];
    return !f.turn_open && speaker[i].entity < 0 && speaker[i].kind == v1::MENTION_KIND_PRONOUN &&
           IsI(Slice(text, f.speaker));
  };
  int narrator_turns = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (!findings[i].drop && is_narrator(i)) ++narrator_turns;
  }
  if (narrator_turns < 2) return -1;
  // The narration names the narrator.
  auto inside_quote = [&](size_t at) {
    for (const internal::Quote& q : layout.quotes) {
      if (q.open > at) return false;
      if (at < q.close_end) return true;
    }
    return false;
  };
  for (absl::string_view cue : {"I called myself ", "my name is ", "My name is ",
                                "my name was ", "My name was ", "Call me "}) {
    for (size_t at = text.find(cue); at != absl::string_view::npos;
         at = text.find(cue, at + 1)) {
      size_t b = at + cue.size(), e = b;
      while (e < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[e]))) {
        ++e;
      }
      const absl::string_view w = text.substr(b, e - b);
      if (e > b && !inside_quote(at) && resolver->MayBeName(w)) {
        return resolver->NamedPerson(w);
      }
    }
  }
  // The others call the narrator by name, once at least after other words
  // (a quotation opens with "Oh," and "Well," as well).
  struct Called {
    absl::string_view name;
    int count = 0;
    bool after_words = false;
  };
  std::vector<Called> called;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.drop || !f.direct || is_narrator(i)) continue;
    for (const Range& part : f.content) {
      ForEachVocativeWord(text, resolver->lexicon(), part, [&](absl::string_view w) {
        if (!resolver->MayBeName(w)) return false;
        auto it = std::find_if(called.begin(), called.end(),
                               [&](const Called& c) { return c.name == w; });
        if (it == called.end()) it = called.insert(called.end(), Called{w});
        ++it->count;
        it->after_words |= w.data() != text.data() + part.begin;
        return false;
      });
    }
  }
  std::stable_sort(called.begin(), called.end(),
                   [](const Called& a, const Called& b) { return a.count > b.count; });
  for (const Called& c : called) {
    if (c.count < 2) break;
    // A name is never written in lower case ("Well," and "Oh," are).
    if (!c.after_words || HasWord(text, absl::AsciiStrToLower(c.name))) continue;
    if (!NamedInNarration(text, layout, c.name)) return resolver->NamedPerson(c.name);
  }
  return -1;
}

// In a book, the one the narration after a turn's quotation, in its
// paragraph, is about ('"Oh, Emil! ..." She went to the foot of the
// pole.'): its first words name or point at the speaker. -1 if none.
int BeatSubject(absl::string_view text, const internal::TextLayout& layout,
                const Finding& f, const internal::SpeakerResolver& resolver) {
  if (!layout.hard_wrapped || f.paragraph < 0 ||
      f.paragraph >= static_cast<int>(layout.paragraphs.size())) {
    return -1;
  }
  const Range para = layout.paragraphs[f.paragraph];
  uint32_t b = f.content.back().end;
  while (b < para.end && !absl::ascii_isalpha(static_cast<unsigned char>(text[b]))) {
    const unsigned char c = static_cast<unsigned char>(text[b]);
    // Only the closing mark, punctuation and space: not another quotation.
    if (c == '"' || (c == 0xE2 && b + 2 < para.end &&
                     static_cast<unsigned char>(text[b + 1]) == 0x80 &&
                     static_cast<unsigned char>(text[b + 2]) == 0x9C)) {
      if (b != f.content.back().end) return -1;
    }
    ++b;
  }
  if (b + 2 >= para.end) return -1;
  return resolver.SubjectOf(Range{b, para.end});
}

// The one the last sentence that begins inside `r`, after its start, is
// about (SpeakerResolver::SubjectOf()); -1 if none or if `r` is one sentence.
int LastSentenceSubject(const internal::TextLayout& layout,
                        const internal::SpeakerResolver& resolver, Range r,
                        Range* where = nullptr) {
  if (r.end <= r.begin + 1) return -1;
  auto s = std::upper_bound(
      layout.sentences.begin(), layout.sentences.end(), r.end - 1,
      [](uint32_t pos, const internal::Sentence& x) { return pos < x.begin; });
  if (s == layout.sentences.begin()) return -1;
  --s;
  if (s->begin <= r.begin || s->begin >= r.end) return -1;
  return resolver.SubjectOf(Range{s->begin, r.end}, where);
}

// 'm' or 'f' for a pronoun of one person of that sex ("he", "she" in
// pronouns.tsv), else 0.
char PronounSex(const internal::Lexicon& lex, absl::string_view word) {
  const internal::PronounInfo* p = lex.Pronoun(absl::AsciiStrToLower(word));
  if (p == nullptr || p->plural || p->relative) return 0;
  return p->gender == 'm' || p->gender == 'f' ? p->gender : 0;
}

// BeatSubject(), only when the narration after the quotation opens with a
// name ("And Beth looked up"), not a pronoun.
int NamedBeatSubject(absl::string_view text, const internal::TextLayout& layout,
                     const Finding& f, const internal::SpeakerResolver& resolver) {
  const int e = BeatSubject(text, layout, f, resolver);
  if (e < 0) return -1;
  uint32_t b = f.content.back().end;
  const uint32_t end = layout.paragraphs[f.paragraph].end;
  while (b < end && !absl::ascii_isalpha(static_cast<unsigned char>(text[b]))) ++b;
  size_t w = b;
  while (w < end && absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) ++w;
  // A pronoun or possessive (pronouns.tsv) names nobody.
  const std::string first = absl::AsciiStrToLower(text.substr(b, w - b));
  const internal::Lexicon& lex = resolver.lexicon();
  const internal::PronounInfo* p = lex.Pronoun(first);
  if ((p != nullptr && !p->relative) || lex.Possessive(first) != nullptr) return -1;
  return e;
}

// A description that brings in somebody new: "a gentleman", "another
// voice", "somebody else".
bool IsIndefinite(absl::string_view description) {
  const absl::string_view first_word = description.substr(0, description.find(' '));
  return absl::EqualsIgnoreCase(first_word, "a") || absl::EqualsIgnoreCase(first_word, "an") ||
         absl::EqualsIgnoreCase(first_word, "one") ||
         absl::EqualsIgnoreCase(first_word, "another") ||
         absl::StartsWithIgnoreCase(first_word, "some") ||
         absl::StartsWithIgnoreCase(first_word, "any");
}

// Whether the byte at `i` starts a letter or a digit: an ASCII one, or the
// lead byte of a code point beyond Latin-1's symbols that is not general
// punctuation (U+2000..U+207F: dashes, curly quotes, the ellipsis).
bool StartsLetter(absl::string_view text, size_t i) {
  const unsigned char c = text[i];
  if (c < 0x80) return absl::ascii_isalnum(c);
  if (c < 0xC3) return false;  // (continuation bytes; U+0080..U+00BF)
  if (c == 0xE2 && i + 1 < text.size()) {
    const unsigned char d = text[i + 1];
    return d != 0x80 && d != 0x81;
  }
  return true;
}

// The kind of a claim as readers see its content: direct when every letter
// of it is inside quotation marks (but for a quotation after "that", below),
// indirect when none is, mixed otherwise.
// (The rules judge the kind of the content they first find; a content cut
// later, "denounced C and pledged ...", "said \"Q\" on Sunday", keeps a
// kind the words shown no longer have.) A quotation that holds the cue too
// quotes someone else's words that report the claim ("\"... his allies
// believe that C ...,\" the paper wrote"): its marks are not the claim's;
// nor are the marks of a markup attribute ('<tweet author="@x">').
v1::ClaimKind KindOfContent(absl::string_view text, const internal::TextLayout& layout,
                            absl::Span<const Range> content, Range cue) {
  // Whether [b, e) holds a letter (a scan that stops at the first).
  auto has_letter = [&text](uint32_t b, uint32_t e) {
    e = std::min<uint32_t>(e, text.size());
    for (uint32_t i = b; i < e; ++i) {
      if (StartsLetter(text, i)) return true;
    }
    return false;
  };
  auto counts = [&text, cue](const internal::Quote& q) {
    return !(q.open > 0 && text[q.open - 1] == '=') &&
           !(cue.end > cue.begin && q.begin <= cue.begin && cue.end <= q.end);
  };
  // (The first part's, which every content has, looked up once.)
  auto first_quote_of = [&layout](const Range& r) {
    return std::lower_bound(layout.quotes.begin(), layout.quotes.end(), r.begin,
                            [](const internal::Quote& q, uint32_t b) { return q.end <= b; });
  };
  const auto front_quote = first_quote_of(content.front());
  auto first_quote = [&](const Range& r) {
    return &r == &content.front() ? front_quote : first_quote_of(r);
  };
  // Letters inside quotation marks (most contents have no quote to look at).
  bool inside = false;
  for (const Range& r : content) {
    for (auto q = first_quote(r); !inside && q != layout.quotes.end() && q->begin < r.end; ++q) {
      if (counts(*q)) inside = has_letter(std::max(q->begin, r.begin), std::min(q->end, r.end));
    }
    if (inside) break;
  }
  if (!inside) return v1::CLAIM_KIND_INDIRECT;
  // Letters outside them: the stretches of the parts between the quotes.
  for (const Range& r : content) {
    uint32_t at = r.begin;
    for (auto q = first_quote(r); q != layout.quotes.end() && q->begin < r.end; ++q) {
      if (!counts(*q)) continue;
      if (at < q->begin && has_letter(at, q->begin)) return v1::CLAIM_KIND_MIXED;
      at = std::max(at, q->end);
    }
    if (at < r.end && has_letter(at, r.end)) return v1::CLAIM_KIND_MIXED;
  }
  // 'said that "we will win"': a quotation after the conjunction "that" is
  // the clause of an indirect report, quoted word for word; the report is
  // mixed (PolNeAR marks it so, with "that").
  const auto q = front_quote;
  if (q != layout.quotes.end() && q->begin <= content.front().begin) {
    uint32_t e = q->open;
    while (e > 0 && text[e - 1] == ' ') --e;
    if (e >= 5 && absl::EqualsIgnoreCase(text.substr(e - 4, 4), "that") &&
        !StartsLetter(text, e - 5) && text[e - 5] != '-' &&
        text[e - 5] != '\'') {
      return v1::CLAIM_KIND_MIXED;
    }
  }
  return v1::CLAIM_KIND_DIRECT;
}

// Whether the word right before `at` (after `from`) is a preposition:
// "said to reporters" names the one spoken to.
bool FollowsPreposition(absl::string_view text,
                        const internal::Lexicon& lexicon, uint32_t from,
                        uint32_t at) {
  uint32_t e = at;
  while (e > from && text[e - 1] == ' ') --e;
  uint32_t b = e;
  while (b > from &&
         absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1])))
    --b;
  if (b == e || (b > from && text[b - 1] != ' ')) return false;
  const internal::WordInfo* info = lexicon.WordAnyCase(text.substr(b, e - b));
  return info != nullptr &&
         (info->word_class == internal::WordClass::kPrep ||
          info->word_class == internal::WordClass::kVenuePrep ||
          info->word_class == internal::WordClass::kAdjunctPrep);
}

// Where the reporter's clause that a quoted fragment goes on with begins,
// or 0 when the quotation is no such fragment. "Cruz said the people of
// upstate New York \"have been suffering ...\"", "Clinton says Trump's
// \"latest twitter meltdown is unhinged\"": the quotation opens in lower
// case right after words of the clause the cue reports (its subject, a
// determiner, an auxiliary), so its words are verbatim but not whole, and
// the claim is the clause: the words after the cue (after the one spoken
// to, or a speaker named after the cue) up to the quotation. Not a
// quotation right after the cue ("called it \"rigged\""), after "that"
// ("said that \"as a nation, we have to do better\"": the clause is all
// quoted), after prepositions only ("warned of \"dire consequences\"":
// the quotation is what the cue's phrase names), nor across punctuation
// or a word of time, a conjunction or an adverb ("said Tuesday \"...\"",
// "said, but \"...\"").
uint32_t FragmentClauseStart(absl::string_view text,
                             const internal::TextLayout& layout,
                             const internal::Lexicon& lexicon,
                             const Finding& f) {
  constexpr int kMaxWords = 6;
  if (!f.direct || f.content.size() != 1 || f.cue.end <= f.cue.begin ||
      f.cue_index < 0) {
    return 0;
  }
  // Only a cue whose noun phrase after it can be no object of its own
  // ("praised Pompeo for his \"tremendous energy\"", "urged them to
  // \"act\"" name someone else; verbs.tsv noinvert, class directive).
  const internal::CueEntry& cue = lexicon.cues()[f.cue_index];
  if ((cue.cue_class != internal::CueClass::kSay &&
       cue.cue_class != internal::CueClass::kBelief) ||
      cue.no_inversion) {
    return 0;
  }
  const auto q = internal::QuoteAt(layout, f.content.front().begin);
  if (q == layout.quotes.end() || q->open < f.cue.end || q->begin >= q->end)
    return 0;
  // The quotation's first letter is a lower-case one.
  uint32_t i = q->begin;
  while (i < q->end && (text[i] == ' ' || text[i] == '\'' || text[i] == '"'))
    ++i;
  if (i >= q->end || !absl::ascii_islower(static_cast<unsigned char>(text[i])))
    return 0;
  uint32_t start = f.cue.end;
  if (f.speaker.end > f.speaker.begin && f.speaker.begin >= f.cue.end &&
      f.speaker.end <= q->open) {
    start = f.speaker.end;
  }
  const Range a = f.addressee;
  if (a.end > a.begin && a.begin >= start && a.end <= q->open &&
      FollowsPreposition(text, lexicon, start, a.begin)) {
    start = a.end;
  }
  // The words between, back from the opening mark.
  uint32_t e = q->open;
  int words = 0;
  bool clause_word = false;  // one that is no preposition
  bool first_prep = false;   // the first word is a preposition
  uint32_t first = 0;
  while (true) {
    while (e > start && text[e - 1] == ' ') --e;
    if (e <= start) break;
    uint32_t b = e;
    while (b > start && text[b - 1] != ' ') --b;
    const uint32_t n = e - b;
    if (n >= 32 || ++words > kMaxWords) return 0;
    bool alnum = false;  // (a lone "-" is a dash)
    for (uint32_t k = 0; k < n; ++k) {
      const unsigned char c = text[b + k];
      // Letters, digits, apostrophes (also U+2019) and hyphens only.
      if (!(absl::ascii_isalnum(c) || c == '\'' || c == '-' || c >= 0x80))
        return 0;
      if (c == 0xE2 &&
          !(k + 2 < n && static_cast<unsigned char>(text[b + k + 1]) == 0x80 &&
            static_cast<unsigned char>(text[b + k + 2]) == 0x99)) {
        return 0;  // a dash, a quotation mark: punctuation
      }
      alnum = alnum || absl::ascii_isalnum(c);
    }
    if (!alnum) return 0;
    const absl::string_view word = text.substr(b, n);
    const internal::WordInfo* info = lexicon.WordAnyCase(word);
    const internal::WordClass wc =
        info ? info->word_class : internal::WordClass::kNone;
    switch (wc) {
      case internal::WordClass::kThat:
      case internal::WordClass::kConj:
      case internal::WordClass::kSub:
      case internal::WordClass::kAdverbialSub:
      case internal::WordClass::kCondSub:
      case internal::WordClass::kTimeSub:
      case internal::WordClass::kAdv:
      case internal::WordClass::kProAdv:
      case internal::WordClass::kTime:
      case internal::WordClass::kWeekday:
      case internal::WordClass::kMonth:
      case internal::WordClass::kTimeNoun:
      case internal::WordClass::kRel:
        return 0;
      case internal::WordClass::kPrep:
      case internal::WordClass::kVenuePrep:
      case internal::WordClass::kAdjunctPrep:
      case internal::WordClass::kAgent:
        // ("applauded the agency for \"transforming ...\"": the quotation
        // is what the preposition takes, not the rest of a clause.)
        if (words == 1) return 0;
        first_prep = true;
        first = b;
        e = b;
        continue;
      default:
        if (!lexicon.InListAnyCase(word, internal::WordList::kInfinitiveTo))
          clause_word = true;
    }
    first_prep = false;
    first = b;
    e = b;
  }
  // ("the items referenced by the FDA were \"topical ...\"": a clause
  // does not open with a preposition.)
  return clause_word && !first_prep ? first : 0;
}

// Past the closing mark of a finding's last quotation and the punctuation
// after it, within its paragraph `para`.
uint32_t AfterQuote(absl::string_view text, const Finding& f, const Range& para) {
  uint32_t after = f.content.back().end;
  while (after < para.end && !absl::ascii_isalpha(static_cast<unsigned char>(text[after]))) {
    ++after;
  }
  return after;
}

// Whether `name`, found by SpeakerResolver::SubjectOf() in the words that
// follow quotation `q` (from `after`, their first letter, to `end`, its
// paragraph's end), names who said it. When the quotation's sentence goes
// on (it ends in a comma, a question or an exclamation, or a dash follows
// it), the short tag of news, whatever its verb: the name and its verb
// ('"Q," Hannity started.', '"Q," Connolly pondered in an interview.'), a
// word and the name ('"Q?" reacted Trump.'), or the name and an apposition
// ('"Q," Gabriel Zucman, an economist at ...'); not a verb with someone
// after it ('"Q," Barr quotes Mueller as saying.'). After a quotation that
// ends its sentence, only a byline, the name and no sentence ('"Q." David
// Frum, The Atlantic'): not '"Q." Tom Ruiz, the banker, left.'. Not a
// pronoun (SubjectOf() resolves those its own way).
bool NameTagsQuote(absl::string_view text, const internal::Lexicon& lexicon,
                   const internal::SpeakerResolver& resolver, Range q, uint32_t after,
                   uint32_t end, Range name) {
  if (name.end <= name.begin || name.end > end || name.begin < after || q.end <= q.begin ||
      q.end > after) {
    return false;
  }
  if (lexicon.Pronoun(absl::AsciiStrToLower(Slice(text, name))) != nullptr) return false;
  const char last = text[q.end - 1];
  bool joined = last == ',' || last == '?' || last == '!';
  for (uint32_t k = q.end; k < after && !joined; ++k) {
    // '-', or the first byte of an en, em or horizontal-bar dash (E2 80 93-95).
    joined = text[k] == '-' || (static_cast<unsigned char>(text[k]) == 0xE2 && k + 2 < after &&
                                static_cast<unsigned char>(text[k + 1]) == 0x80 &&
                                static_cast<unsigned char>(text[k + 2]) >= 0x93 &&
                                static_cast<unsigned char>(text[k + 2]) <= 0x95);
  }
  if (!joined) {
    return name.begin == after &&
           text.substr(name.end, end - name.end).find_first_of(".?!") == absl::string_view::npos;
  }
  auto word_end = [&](uint32_t k) {
    while (k < end && absl::ascii_isalpha(static_cast<unsigned char>(text[k]))) ++k;
    return k;
  };
  auto closes = [&](uint32_t k) {
    return k >= end || text[k] == ',' ||
           (text[k] == '.' && (k + 1 >= end || text[k + 1] == ' ' || text[k + 1] == '\n'));
  };
  if (name.begin > after) {
    // A word in lower case, then the name: '"Q," kvelled Ernst.'
    const uint32_t w = word_end(after);
    return w > after && absl::ascii_islower(static_cast<unsigned char>(text[after])) &&
           w + 1 == name.begin && text[w] == ' ' && closes(name.end);
  }
  if (closes(name.end)) return true;
  // The name, then a word in lower case (its verb: '"Q," Geng Shuang said
  // Tuesday.', '"Q," Dille texted the group.'), but not one with someone
  // else after it, whose words the name may report ('"Q," Barr quotes
  // Mueller as saying.', '"Q," Ruiz quotes her as saying.').
  if (text[name.end] != ' ' || name.end + 1 >= end ||
      !absl::ascii_islower(static_cast<unsigned char>(text[name.end + 1]))) {
    return false;
  }
  const uint32_t verb_end = word_end(name.end + 1);
  if (closes(verb_end)) return true;
  if (text[verb_end] != ' ' || verb_end + 1 >= end) return false;
  const uint32_t next_end = word_end(verb_end + 1);
  const absl::string_view next = Slice(text, Range{verb_end + 1, next_end});
  return !next.empty() && lexicon.PronounFormOf(next) == nullptr &&
         resolver.PersonNamed(next) < 0;
}

// Whether the finding's cue reports a clause, not an object: its content
// is quoted or comes before the cue ('C, Politico reports'), or "that"
// follows the cue ("reported that C"); not "Clark reported her assault".
bool ReportsClause(absl::string_view text, const internal::Lexicon& lexicon,
                   const Finding& f) {
  if (f.direct || f.mixed) return true;
  if (f.content.empty()) return false;
  if (f.content.front().begin < f.cue.begin) return true;
  size_t b = f.cue.end;
  while (b < text.size() && text[b] == ' ') ++b;
  size_t e = b;
  while (e < text.size() && e - b < 5 &&
         absl::ascii_isalpha(static_cast<unsigned char>(text[e]))) {
    ++e;
  }
  if (e == b || (e < text.size() &&
                 absl::ascii_isalpha(static_cast<unsigned char>(text[e])))) {
    return false;
  }
  const internal::WordInfo* info = lexicon.WordAnyCase(text.substr(b, e - b));
  return info != nullptr && info->word_class == internal::WordClass::kThat;
}

// '"Come in," called a girl's voice': a speaker that is the voice
// (function_words.tsv list voice_of) of someone named by a possessive
// before it is that someone ("a girl", "his mother"); else `speaker` as it
// is.
Range VoiceOwner(absl::string_view text, const internal::Lexicon& lexicon, Range speaker) {
  uint32_t b = speaker.end;
  while (b > speaker.begin && absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b == speaker.end || b <= speaker.begin + 3 || text[b - 1] != ' ' ||
      !lexicon.InList(Slice(text, Range{b, speaker.end}), internal::WordList::kVoiceOf)) {
    return speaker;
  }
  // The possessive before it: "'s", "’s", or a plural's lone mark.
  uint32_t e = b - 1;
  if (e >= speaker.begin + 2 && text[e - 1] == 's' && text[e - 2] == '\'') {
    e -= 2;
  } else if (e >= speaker.begin + 4 && text[e - 1] == 's' &&
             text.substr(e - 4, 3) == "\xE2\x80\x99") {
    e -= 4;
  } else if (e >= speaker.begin + 2 && text[e - 1] == '\'' && text[e - 2] == 's') {
    e -= 1;
  } else {
    return speaker;
  }
  if (e <= speaker.begin || !absl::ascii_isalpha(static_cast<unsigned char>(text[e - 1]))) {
    return speaker;
  }
  return Range{speaker.begin, e};
}

// "His accuser, Christine Blasey Ford, is refusing to testify", "One
// Republican fiscal hawk, Senator Bob Corker, said C": a description (its
// last word in lower case, no pronoun) that a comma and a name in
// capitals (perhaps with titles and initials) follow, closed by a comma or
// a parenthesis, is that name's person. The name's range, or an empty one.
Range ApposedName(absl::string_view text, const internal::Lexicon& lexicon, Range speaker) {
  // (The comma and capital first: most speakers have neither after them.)
  uint32_t at = speaker.end;
  if (at + 2 >= text.size() || text[at] != ',' || text[at + 1] != ' ' ||
      !absl::ascii_isupper(static_cast<unsigned char>(text[at + 2]))) {
    return Range();
  }
  // (The last word's letters, accented ones too: "Velázquez" is a name.)
  uint32_t b = speaker.end;
  while (b > speaker.begin && (absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1])) ||
                               static_cast<unsigned char>(text[b - 1]) >= 0x80)) {
    --b;
  }
  // (Not two people: "Both Trump and the doctor, Harold Bornstein, insisted"
  // names the second only.)
  if (b == speaker.end || !absl::ascii_islower(static_cast<unsigned char>(text[b])) ||
      absl::StrContains(Slice(text, speaker), " and ") ||
      lexicon.Pronoun(absl::AsciiStrToLower(Slice(text, Range{b, speaker.end}))) != nullptr) {
    return Range();
  }
  at += 2;
  const uint32_t begin = at;
  uint32_t end = at;
  // Up to six words in capitals ("Army Gen. Keith Alexander", "Robert C.
  // O'Brien"), each letters with inner apostrophes, hyphens or a closing
  // period.
  for (int words = 0; words < 6 && at < text.size(); ++words) {
    if (!absl::ascii_isupper(static_cast<unsigned char>(text[at]))) break;
    uint32_t w = at;
    while (w < text.size() &&
           (absl::ascii_isalpha(static_cast<unsigned char>(text[w])) || text[w] == '\'' ||
            text[w] == '-' || text[w] == '.' || static_cast<unsigned char>(text[w]) >= 0x80)) {
      ++w;
    }
    // (Not a word of a place and a modifier: "Cincinnati-based".)
    const absl::string_view word = text.substr(at, w - at);
    const size_t hyphen = word.find('-');
    if (hyphen != absl::string_view::npos && hyphen + 1 < word.size() &&
        absl::ascii_islower(static_cast<unsigned char>(word[hyphen + 1]))) {
      return Range();
    }
    end = w;
    if (w >= text.size() || text[w] != ' ') break;
    at = w + 1;
  }
  if (end == begin || end >= text.size()) return Range();
  // The apposition closes, and the sentence goes on in lower case (not a
  // list of names or a title: "the report, Intifada, Closures and ...").
  if (text[end] == ',') {
    if (end + 2 >= text.size() || text[end + 1] != ' ' ||
        !absl::ascii_islower(static_cast<unsigned char>(text[end + 2]))) {
      return Range();
    }
  } else if (!(text[end] == ' ' && end + 1 < text.size() && text[end + 1] == '(')) {
    return Range();
  }
  return Range{begin, end};
}

// A speaker mention of one lower-case word (ASCII letters) that resolved to
// nothing the lexicons type (no person, body, group or document noun, no
// pronoun, no title), that does not end in "s" as a plural does, and that no
// determiner or possessive comes right before. See the caller.
bool BareUnknownNounSpeaker(absl::string_view text, const internal::Lexicon& lexicon,
                            Range span, const internal::Resolution& res,
                            const internal::SpeakerResolver& resolver) {
  if (span.end <= span.begin + 1 || res.kind != v1::MENTION_KIND_NOMINAL) return false;
  if (res.entity >= 0 &&
      resolver.entities()[res.entity].type != v1::ENTITY_TYPE_UNKNOWN) {
    return false;
  }
  const absl::string_view w = Slice(text, span);
  for (char c : w) {
    if (!absl::ascii_islower(static_cast<unsigned char>(c))) return false;
  }
  // (Plurals: "dealers", and "women", "children".)
  if (w.back() == 's' || absl::EndsWith(w, "men") || absl::EndsWith(w, "ren")) return false;
  // (Nor a pronoun, "him" too, a word of amount or a number: "according
  // to him", "more call themselves C", "eight said".)
  if (lexicon.Pronoun(w) != nullptr ||
      lexicon.InList(w, internal::WordList::kObjectPronoun) ||
      lexicon.InList(w, internal::WordList::kAmount) ||
      lexicon.InList(w, internal::WordList::kNumberWord)) {
    return false;
  }
  const internal::WordInfo* info = lexicon.Word(w);
  if (info != nullptr &&
      (info->nominal != v1::ENTITY_TYPE_UNSPECIFIED || info->title ||
       info->person_gender != 0)) {
    return false;
  }
  // (Nor a word that stands for a noun phrase by itself: "some", "others",
  // "someone", "who", "that".)
  if (info != nullptr) {
    switch (info->word_class) {
      case internal::WordClass::kDet:
      case internal::WordClass::kPoss:
      case internal::WordClass::kPron:
      case internal::WordClass::kRel:
      case internal::WordClass::kThat:
      case internal::WordClass::kPronDet:
      case internal::WordClass::kPronDetSingular:
      case internal::WordClass::kIndefinite:
      case internal::WordClass::kFreeRel:
      case internal::WordClass::kPossRel:
      case internal::WordClass::kAgent:
      case internal::WordClass::kMediumNoun:
        return false;
      default:
        break;
    }
  }
  // The word before it, if a determiner, a demonstrative or a possessive
  // ("a banner reading C", "that person said", "its chair said").
  // Nor after a closing quotation mark or a word in capitals, which may
  // end a modifier after a determiner further back ('the "Avatar" star',
  // "the GOP contingent").
  uint32_t e = span.begin;
  while (e > 0 && text[e - 1] == ' ') --e;
  if (e > 0 && (text[e - 1] == '"' || text[e - 1] == '\'' ||
                (e >= 3 && (text.substr(e - 3, 3) == "\xE2\x80\x9D" ||
                            text.substr(e - 3, 3) == "\xE2\x80\x99")))) {
    return false;
  }
  uint32_t b = e;
  while (b > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b < e && absl::ascii_isupper(static_cast<unsigned char>(text[b])) &&
      !(b == 0 || text[b - 1] == '\n' ||
        (b >= 2 && text[b - 1] == ' ' && text[b - 2] == '.'))) {
    return false;
  }
  if (b < e && e - b <= 12) {
    const internal::WordInfo* before =
        lexicon.Word(absl::AsciiStrToLower(text.substr(b, e - b)));
    if (before != nullptr &&
        (before->word_class == internal::WordClass::kDet ||
         before->word_class == internal::WordClass::kPoss ||
         before->word_class == internal::WordClass::kThat ||
         before->word_class == internal::WordClass::kPronDet ||
         before->word_class == internal::WordClass::kPronDetSingular ||
         before->det_number != 0)) {
      return false;
    }
  }
  return true;
}

// Who speaks a turn of dialogue that names no speaker. After a turn that
// speaks to someone ("he asked Katharine"), that someone answers; in an
// exchange ("A," said X. / "B," said Y.) the other party of the
// conversation speaks next: the latest earlier turn's speaker who is not
// the last one's. Otherwise a quotation paragraph goes on in the voice of
// the one before it (follow_on_quote keeps its speaker), or stays without a
// speaker.
bool AssignDialogueTurns(absl::string_view text,
                         const internal::TextLayout& layout,
                         const internal::SpeakerResolver& resolver,
                         std::vector<Finding>* findings,
                         std::vector<internal::Resolution>* speaker,
                         std::vector<internal::Resolution>* addressee,
                         bool* dialogue) {
  // Who a finding's speaker is: its entity, else its words.
  auto same_speaker = [&](int a, int b) {
    const internal::Resolution& ra = (*speaker)[a];
    const internal::Resolution& rb = (*speaker)[b];
    if (ra.entity >= 0 || rb.entity >= 0) return ra.entity == rb.entity;
    return absl::EqualsIgnoreCase(Slice(text, (*findings)[a].speaker),
                                  Slice(text, (*findings)[b].speaker));
  };
  auto has_speaker = [&](int a) {
    return (*findings)[a].speaker.end > (*findings)[a].speaker.begin ||
           (*speaker)[a].entity >= 0;
  };
  // In a book, a turn said by "it" (a neuter singular pronoun, pronouns.tsv:
  // '"Be in your chamber at eight," it said.': a letter read out) is no
  // party of the conversation: the turns go back and forth between the
  // people talking.
  auto party = [&](int a) {
    if (!layout.hard_wrapped) return true;
    const internal::PronounInfo* p = resolver.lexicon().Pronoun(
        absl::AsciiStrToLower(Slice(text, (*findings)[a].speaker)));
    return p == nullptr || p->gender != 'n' || p->plural;
  };
  // The turns of the conversation going on, latest last. A conversation
  // ends where more than kGap paragraphs pass without a turn.
  constexpr int kGap = 3;
  constexpr size_t kMemory = 4;
  int turns[kMemory];
  size_t num_turns = 0;
  // Conversation, not a speech reported at length: short turns follow one
  // another. Then a bare quotation after a turn is a reply, not more of it.
  // In a book a turn of two or three sentences is still short: a speech
  // reported at length runs to paragraphs. (LitBank dev: 120 -> 200
  // characters, speaker canonical 682 -> 687 of 989, the same from 160 to
  // 300; in the news it cost PolNeAR 4 speakers.)
  const uint32_t kShortTurn = layout.hard_wrapped ? 200 : 120;
  int short_pairs = 0;
  for (size_t i = 1, prev = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    if (!f.turn || f.needs_conversation) continue;
    const Finding& p = (*findings)[prev];
    if (p.turn && p.paragraph == f.paragraph - 1 &&
        p.content.front().end - p.content.front().begin < kShortTurn &&
        f.content.front().end - f.content.front().begin < kShortTurn) {
      ++short_pairs;
    }
    prev = i;
  }
  // (By finding; kept per thread with their memory, as the scratch of
  // Extract(): two allocations a document otherwise.)
  thread_local std::vector<int> vocative;
  vocative.assign(findings->size(), -1);
  int vocatives = 0;
  // '"What name?" / "Marlow, from the second floor."': a name opening
  // the answer to a question for a name is the speaker's own.
  thread_local std::vector<int> own_name;
  own_name.assign(findings->size(), -1);
  for (size_t i = 0, prev_turn = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    if (!f.turn) continue;
    vocative[i] = Vocative(text, f.content.front(), resolver, layout.hard_wrapped);
    const Finding& p = (*findings)[prev_turn];
    if (vocative[i] >= 0 && i > 0 && p.turn && p.paragraph == f.paragraph - 1) {
      bool asks_name = false;
      for (const Range& r : p.content) {
        const absl::string_view part = Slice(text, r);
        const size_t at = part.rfind("name");
        asks_name |= at != absl::string_view::npos &&
                     part.find_first_of("?!", at) != absl::string_view::npos;
      }
      const absl::string_view first = Slice(text, f.content.front());
      size_t w = 0;
      while (w < first.size() && absl::ascii_isalpha(static_cast<unsigned char>(first[w]))) ++w;
      if (asks_name && w > 0 && resolver.PersonNamed(first.substr(0, w)) == vocative[i]) {
        own_name[i] = vocative[i];
        vocative[i] = -1;
      }
      // '"... Dorian Gray's good looks ..." / "Dorian Gray? Is that his
      // name?"': in a book a turn that opens with a name and a question
      // mark, a name the paragraph of the turn before said, echoes the
      // name; it calls nobody (who answers is not Dorian Gray).
      if (layout.hard_wrapped && vocative[i] >= 0 && own_name[i] < 0) {
        size_t e = 0;  // past the name's words
        while (e < first.size() &&
               (absl::ascii_isalpha(static_cast<unsigned char>(first[e])) || first[e] == ' ' ||
                first[e] == '.')) {
          ++e;
        }
        const absl::string_view name = first.substr(0, e);
        const absl::string_view last_word = name.substr(name.rfind(' ') + 1);
        if (e > 0 && e < first.size() && first[e] == '?' &&
            (resolver.PersonNamed(last_word) == vocative[i] ||
             resolver.PersonNamed(name.substr(0, name.find(' '))) == vocative[i])) {
          if (HasWord(Slice(text, layout.paragraphs[p.paragraph]), name)) vocative[i] = -1;
        }
      }
    }
    if (vocative[i] >= 0 && !f.needs_conversation) ++vocatives;
    prev_turn = i;
  }
  // People who call each other by name are talking to each other.
  const bool conversation = short_pairs >= 2 || vocatives >= 2;
  // In a book, three or more paragraphs in a row that each open with a
  // quotation, two of them in a row short, are an exchange of their own
  // ('"What's up, Jim?"' / '"The army's going to move."' / '"How do you
  // know?"'), in a document with no other conversation too: its turns are
  // kept.
  std::vector<char> in_exchange;
  if (!conversation && layout.hard_wrapped) {
    in_exchange.assign(findings->size(), 0);
    size_t run_start = 0;
    int run_paragraphs = 0, run_short_pairs = 0, last_para = -2;
    bool last_short = false;
    auto close_run = [&](size_t end) {
      if (run_paragraphs >= 3 && run_short_pairs >= 1) {
        for (size_t k = run_start; k < end; ++k) in_exchange[k] = 1;
      }
    };
    for (size_t i = 0; i < findings->size(); ++i) {
      const Finding& f = (*findings)[i];
      if (f.drop || !f.turn || f.paragraph == last_para) continue;
      const bool is_short = f.content.front().end - f.content.front().begin < kShortTurn;
      if (f.paragraph == last_para + 1) {
        ++run_paragraphs;
        if (is_short && last_short) ++run_short_pairs;
      } else {
        close_run(i);
        run_start = i;
        run_paragraphs = 1;
        run_short_pairs = 0;
      }
      last_para = f.paragraph;
      last_short = is_short;
    }
    close_run(findings->size());
  }
  for (size_t i = 0; i < findings->size(); ++i) {
    Finding& f = (*findings)[i];
    if (f.needs_conversation && !conversation && (in_exchange.empty() || !in_exchange[i])) {
      f.drop = true;
    }
    if (!f.turn || f.drop) continue;
    if (num_turns > 0) {
      const int last_para = (*findings)[turns[num_turns - 1]].paragraph;
      if (last_para == f.paragraph) continue;
      if (f.paragraph - last_para > kGap) num_turns = 0;
    }
    // '"...," he said' two turns after his last: in an exchange of two the
    // pronoun is the one whose turn it is, not the last man named.
    if (!f.turn_open && conversation && num_turns >= 2 &&
        (*speaker)[i].kind == v1::MENTION_KIND_PRONOUN && (*speaker)[i].entity >= 0) {
      const int last = turns[num_turns - 1], before = turns[num_turns - 2];
      const Finding& prev = (*findings)[last];
      const int b = (*speaker)[before].entity;
      if (prev.paragraph == f.paragraph - 1 &&
          (*findings)[before].paragraph == f.paragraph - 2 && b >= 0 &&
          b != (*speaker)[last].entity && b != (*speaker)[i].entity &&
          resolver.entities()[b].type == v1::ENTITY_TYPE_PERSON &&
          resolver.entities()[b].gender == resolver.entities()[(*speaker)[i].entity].gender &&
          // In a book, not when the narration since the last turn (after
          // its attribution) names the one the pronoun found, who did not
          // just speak: he is the one it is about ('"...," Anna said. Tom
          // frowned. "...," he asked.').
          (!layout.hard_wrapped || (*speaker)[i].entity == (*speaker)[last].entity ||
           !resolver.MentionedIn((*speaker)[i].entity,
                                 std::max(prev.content.back().end, prev.speaker.end),
                                 f.content.front().begin))) {
        (*speaker)[i].entity = b;
      }
    }
    // '"It is your best work, Basil," said Lord Henry.' / '"I shall not
    // send it," he answered': the one the turn before spoke to answers,
    // when the pronoun fits.
    if (!f.turn_open && conversation && num_turns >= 1 &&
        (*speaker)[i].kind == v1::MENTION_KIND_PRONOUN) {
      const int last = turns[num_turns - 1];
      const Finding& prev = (*findings)[last];
      const char gender = PronounSex(resolver.lexicon(), Slice(text, f.speaker));
      int spoken_to = -1;
      if (prev.addressee.end > prev.addressee.begin) {
        spoken_to = (*addressee)[last].entity;
      } else {
        spoken_to = vocative[last];
      }
      if (gender != 0 && prev.paragraph == f.paragraph - 1 && spoken_to >= 0 &&
          spoken_to != (*speaker)[last].entity &&
          resolver.entities()[spoken_to].type == v1::ENTITY_TYPE_PERSON &&
          resolver.entities()[spoken_to].gender == gender) {
        (*speaker)[i].entity = spoken_to;
      }
    }
    // '"...," said his step-son' (or "the mother") in an exchange of two:
    // a description of the one whose turn it is, when that one is named.
    // Not "said a gentleman" or "somebody else": an indefinite brings in
    // somebody new.
    if (!f.turn_open && conversation && num_turns >= 2 &&
        (*speaker)[i].kind == v1::MENTION_KIND_NOMINAL &&
        f.speaker.end > f.speaker.begin) {
      const int last = turns[num_turns - 1], before = turns[num_turns - 2];
      const int b = (*speaker)[before].entity;
      const int own = (*speaker)[i].entity;
      const auto& entities = resolver.entities();
      const bool indefinite = IsIndefinite(Slice(text, f.speaker));
      if (!indefinite && (*findings)[last].paragraph == f.paragraph - 1 &&
          (*findings)[before].paragraph == f.paragraph - 2 && b >= 0 &&
          b != own && b != (*speaker)[last].entity &&
          entities[b].type == v1::ENTITY_TYPE_PERSON && !entities[b].described &&
          (own < 0 || entities[own].gender == 0 ||
           entities[own].gender == entities[b].gender)) {
        (*speaker)[i].entity = b;
      }
    }
    // '"I must go now, Walter," he said. / "Go where?" asked the artist.':
    // a description of someone the text knows by no name ("the artist",
    // "the captain") answering a turn that calls a person by
    // name is that person. Not an indefinite ("a voice"): somebody new.
    if (!f.turn_open && conversation && (*speaker)[i].kind == v1::MENTION_KIND_NOMINAL &&
        f.speaker.end > f.speaker.begin) {
      // The last quotation of the paragraph before, a turn or not.
      int last = -1;
      for (size_t j = i; j-- > 0;) {
        const Finding& g = (*findings)[j];
        if (g.paragraph < f.paragraph - 1) break;
        if (g.paragraph == f.paragraph - 1 && g.direct && !g.drop) {
          last = static_cast<int>(j);
          break;
        }
      }
      // A name after the first word ("I must go now, Walter"): a name
      // opening the turn may answer a question with the speaker's own
      // ("Stroud, sir.").
      int called = -1;
      if (last >= 0 && !(last < static_cast<int>(i) && own_name[last] >= 0)) {
        for (const Range& r : (*findings)[last].content) {
          ForEachVocativeWord(text, resolver.lexicon(), r, [&](absl::string_view w) {
            if (w.data() == text.data() + r.begin) return false;
            called = resolver.PersonNamed(w);
            return called >= 0;
          });
          if (called >= 0) break;
        }
      }
      const int own = (*speaker)[i].entity;
      const auto& entities = resolver.entities();
      if ((own < 0 || entities[own].described) && called >= 0 &&
          called != (*speaker)[last].entity && !IsIndefinite(Slice(text, f.speaker)) &&
          entities[called].type == v1::ENTITY_TYPE_PERSON &&
          (own < 0 || entities[own].gender == 0 || entities[called].gender == 0 ||
           entities[own].gender == entities[called].gender)) {
        (*speaker)[i].entity = called;
      }
    }
    // In a book, a quotation paragraph that took its speaker from a claim
    // of the narration before it that is no quotation and whose speaker is
    // no person ("A snap of the gate between the bamboos added a metallic
    // note ...", "two sets of horses, one going by steam") follows
    // narration: the one the narration is about speaks.
    if (layout.hard_wrapped && f.turn_open && !f.narrated &&
        f.speaker.end > f.speaker.begin &&
        (*speaker)[i].entity >= 0 &&
        resolver.entities()[(*speaker)[i].entity].type != v1::ENTITY_TYPE_PERSON) {
      for (size_t j = i; j-- > 0;) {
        const Finding& g = (*findings)[j];
        if (g.paragraph < f.paragraph - 1) break;
        if (g.speaker.begin == f.speaker.begin && g.speaker.end == f.speaker.end) {
          if (!g.direct && !g.mixed) {
            f.narrated = true;
            f.speaker = Range();
            (*speaker)[i] = internal::Resolution();
          }
          break;
        }
      }
    }
    const bool after_narration = f.narrated;
    if (after_narration) {
      // A turn after narration: the one the narration is about speaks.
      int other = -1;
      if (num_turns > 0) {
        const int last = turns[num_turns - 1];
        for (size_t k = num_turns - 1; k > 0 && has_speaker(last); --k) {
          const int t = turns[k - 1];
          if (has_speaker(t) && !same_speaker(t, last) && party(t)) {
            other = t;
            break;
          }
        }
      }
      // The one its last sentence is about ("The light was going. Tom
      // stopped at the water."), else its first words.
      int e = LastSentenceSubject(layout, resolver, layout.paragraphs[f.paragraph - 1]);
      if (e < 0) e = resolver.SubjectOf(layout.paragraphs[f.paragraph - 1]);
      const int beat = e < 0 && other < 0 ? BeatSubject(text, layout, f, resolver) : -1;
      if (e >= 0) {
        (*speaker)[i] = internal::Resolution{e, v1::MENTION_KIND_NAME};
        f.narration_subject = true;
      } else if (other >= 0) {
        f.speaker = (*findings)[other].speaker;
        (*speaker)[i] = (*speaker)[other];
      } else if (beat >= 0) {
        (*speaker)[i] = internal::Resolution{beat, v1::MENTION_KIND_NAME};
      } else if (f.needs_conversation) {
        // '"Uncle, you are not looking well." / "I'm not well, Florence."':
        // in a book, a turn that opens a conversation no narration names
        // is said by the one the reply calls by name.
        int called = -1;
        for (size_t j = i + 1; layout.hard_wrapped && conversation && j < findings->size(); ++j) {
          const Finding& g = (*findings)[j];
          if (g.paragraph > f.paragraph + 1) break;
          if (g.paragraph != f.paragraph + 1 || !g.turn || g.drop) continue;
          called = vocative[j];
          break;
        }
        if (called < 0 || resolver.entities()[called].type != v1::ENTITY_TYPE_PERSON) {
          f.drop = true;
          continue;
        }
        (*speaker)[i] = internal::Resolution{called, v1::MENTION_KIND_NAME};
      }
    } else if (f.turn_open && num_turns > 0) {
      const int last = turns[num_turns - 1];
      const Finding& prev = (*findings)[last];
      // In a book a new paragraph of quotation right after another is a
      // new speaker (one who goes on leaves the quotation open), in a
      // conversation or not.
      const bool alternate =
          conversation || (layout.hard_wrapped && prev.paragraph == f.paragraph - 1);
      int other = -1;
      if (prev.paragraph == f.paragraph - 1 && has_speaker(last)) {
        for (size_t k = num_turns - 1; k > 0; --k) {
          const int t = turns[k - 1];
          if (has_speaker(t) && !same_speaker(t, last) && party(t)) {
            other = t;
            break;
          }
        }
      }
      // The narration that closes the paragraph of the turn before, after
      // its last quotation, tells who speaks next: the one its last
      // sentence is about, whether the one who just spoke ('"Mother gave
      // it in the loft," said Tom. His father grunted. Tom took another bite
      // of bread.' -- Tom goes on) or someone else. Only in books.
      int beat = -1;
      if (layout.hard_wrapped && prev.paragraph == f.paragraph - 1) {
        const uint32_t after = prev.content.back().end;
        const Range para = layout.paragraphs[prev.paragraph];
        // The last sentence that begins in that paragraph: narration (it
        // opens with a letter, not a quotation mark) after the quotation.
        auto s = std::lower_bound(
            layout.sentences.begin(), layout.sentences.end(), para.end,
            [](const internal::Sentence& x, uint32_t pos) { return x.begin < pos; });
        if (s != layout.sentences.begin()) {
          --s;
          if (s->begin >= after && s->begin > para.begin && s->paragraph == prev.paragraph &&
              absl::ascii_isalpha(static_cast<unsigned char>(text[s->begin]))) {
            beat = resolver.SubjectOf(Range{s->begin, s->end});
          }
        }
      }
      if (beat >= 0) {
        f.speaker = Range();
        (*speaker)[i] = internal::Resolution{beat, v1::MENTION_KIND_NAME};
      } else if (prev.paragraph == f.paragraph - 1 &&
                 prev.addressee.end > prev.addressee.begin) {
        f.speaker = prev.addressee;
        (*speaker)[i] = (*addressee)[last];
      } else if (alternate && prev.paragraph == f.paragraph - 1 &&
                 vocative[last] >= 0 && vocative[last] != (*speaker)[last].entity &&
                 vocative[last] != vocative[i]) {
        // "..., Florence?" -- Florence answers.
        f.speaker = Range();
        (*speaker)[i] = internal::Resolution{vocative[last], v1::MENTION_KIND_NAME};
      } else if (other >= 0 && alternate) {
        f.speaker = (*findings)[other].speaker;
        (*speaker)[i] = (*speaker)[other];
      } else if (alternate && prev.paragraph == f.paragraph - 1 &&
                 has_speaker(last)) {
        // The first reply: the one the last speaker called by name in a
        // turn of the conversation ('"Hallo, Bessie!" he said. ... "Is it
        // time to go in?" he asked.' -- Bessie answers), else the person named
        // last who did not just speak.
        int e = -1;
        for (size_t k = num_turns; k-- > 0 && e < 0;) {
          const int t = turns[k];
          if (same_speaker(t, last) && vocative[t] >= 0 &&
              vocative[t] != (*speaker)[last].entity) {
            e = vocative[t];
          }
        }
        if (e < 0) e = resolver.OtherPerson((*speaker)[last].entity, f.content.front().begin);
        // In a book, '"Surely, uncle, you cannot mean----"' with nobody else
        // named: the one it calls "uncle" answers.
        const Range kin = e < 0 && layout.hard_wrapped
                              ? KinVocative(text, resolver.lexicon(), prev.content.front())
                              : Range();
        if (e >= 0) {
          f.speaker = Range();
          (*speaker)[i] = internal::Resolution{e, v1::MENTION_KIND_NAME};
        } else if (kin.end > kin.begin) {
          f.speaker = kin;
          (*speaker)[i] = internal::Resolution{-1, v1::MENTION_KIND_NOMINAL};
        }
      } else if (layout.hard_wrapped && prev.paragraph == f.paragraph - 1 &&
                 !has_speaker(last) && !has_speaker(static_cast<int>(i))) {
        // So too after a turn that found no speaker ('"I don't know,
        // aunt."' -- the aunt answers).
        const Range kin = KinVocative(text, resolver.lexicon(), prev.content.front());
        if (kin.end > kin.begin) {
          f.speaker = kin;
          (*speaker)[i] = internal::Resolution{-1, v1::MENTION_KIND_NOMINAL};
        } else if (num_turns >= 2) {
          // '"You are an American?" he said.' / '"Yes."' / '"A patriotic
          // one?"': three turns in three paragraphs in a row, the middle
          // one nobody's we know, go back and forth: the third is the
          // first one's.
          const int before = turns[num_turns - 2];
          const Finding& b = (*findings)[before];
          if (b.paragraph == f.paragraph - 2 && has_speaker(before) &&
              party(before)) {
            f.speaker = b.speaker;
            (*speaker)[i] = (*speaker)[before];
          }
        }
      }
    }
    // '"It's naughty to fret, but ..." And Beth looked at her sister': a
    // turn that no cue attributes, followed in its paragraph by narration
    // about someone by name, is that one's.
    if (f.turn_open && layout.hard_wrapped) {
      const int beat = NamedBeatSubject(text, layout, f, resolver);
      if (beat >= 0) {
        f.speaker = Range();
        (*speaker)[i] = internal::Resolution{beat, v1::MENTION_KIND_NAME};
      }
    }
    if (f.turn_open && own_name[i] >= 0) {
      f.speaker = Range();
      (*speaker)[i] = internal::Resolution{own_name[i], v1::MENTION_KIND_NAME};
    }
    // Nobody calls himself by name: "True, Florence, but ..." is not
    // Florence's.
    if (f.turn_open && vocative[i] >= 0 && (*speaker)[i].entity == vocative[i]) {
      const int e = resolver.OtherPerson(vocative[i], f.content.front().begin);
      f.speaker = Range();
      (*speaker)[i] = e >= 0 ? internal::Resolution{e, v1::MENTION_KIND_NAME}
                             : internal::Resolution();
    }
    if (num_turns == kMemory) {
      std::copy(turns + 1, turns + kMemory, turns);
      --num_turns;
    }
    turns[num_turns++] = static_cast<int>(i);
  }
  // A turn kept only for its exchange (see in_exchange) that found no
  // speaker is left out: the exchange of a document with no conversation
  // names too few people to tell who speaks.
  for (size_t i = 0; i < in_exchange.size(); ++i) {
    Finding& f = (*findings)[i];
    if (in_exchange[i] && f.needs_conversation && !f.drop && !has_speaker(static_cast<int>(i))) {
      f.drop = true;
    }
  }
  // '"We ought to have brought food." / "Right you are, Lucy. ..."': a
  // bare turn is said by the one the reply calls by name.
  if (conversation) {
    for (size_t i = 0; i < findings->size(); ++i) {
      const Finding& f = (*findings)[i];
      if (!f.turn_open || f.drop) continue;
      for (size_t j = i + 1; j < findings->size(); ++j) {
        const Finding& g = (*findings)[j];
        if (g.paragraph > f.paragraph + 1) break;
        if (g.paragraph != f.paragraph + 1 || !g.turn || g.drop) continue;
        const int called = vocative[j];
        if (called >= 0 && called != (*speaker)[j].entity &&
            resolver.entities()[called].type == v1::ENTITY_TYPE_PERSON) {
          (*findings)[i].speaker = Range();
          (*speaker)[i] = internal::Resolution{called, v1::MENTION_KIND_NAME};
        }
        break;
      }
    }
  }
  *dialogue = conversation;
  return conversation;
}


// An exchange between two people: a run of quotation paragraphs, with at
// most one paragraph of narration between two of them, where the speakers
// take turns. When the turns said by a name ('"...," said Anna', or "said
// the parson" for a person known by name) all fall to one person on the
// even turns and to another on the odd ones, the run is their exchange:
// every turn its attribution does not name (a bare quotation, "he" or
// "she", a description known by no name such as "the gentleman") is the
// one of the two whose turn it is. A pronoun of the other sex keeps its
// own, and so does "I".
void AlternateExchanges(absl::string_view text,
                        const internal::SpeakerResolver& resolver,
                        std::vector<Finding>* findings,
                        std::vector<internal::Resolution>* speaker) {
  const auto& entities = resolver.entities();
  // Findings by paragraph, in text order: runs of consecutive paragraphs.
  std::vector<int> order;
  for (size_t i = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    if (!f.drop && f.direct && f.paragraph >= 0) order.push_back(static_cast<int>(i));
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return (*findings)[a].paragraph < (*findings)[b].paragraph;
  });
  auto named = [&](int i) {
    const Finding& f = (*findings)[i];
    const internal::Resolution& r = (*speaker)[i];
    return f.rule >= 0 && f.speaker.end > f.speaker.begin && r.entity >= 0 &&
           entities[r.entity].type == v1::ENTITY_TYPE_PERSON &&
           (r.kind == v1::MENTION_KIND_NAME ||
            (r.kind == v1::MENTION_KIND_NOMINAL && !entities[r.entity].described));
  };
  auto pronoun = [&](int i) {
    const Finding& f = (*findings)[i];
    return f.rule >= 0 && f.speaker.end > f.speaker.begin &&
           (*speaker)[i].kind == v1::MENTION_KIND_PRONOUN && (*speaker)[i].entity >= 0;
  };
  // '"...," answered the old woman': a cue's description of a person the
  // text knows by no name.
  auto described = [&](int i) {
    const Finding& f = (*findings)[i];
    const int e = (*speaker)[i].entity;
    return f.rule >= 0 && f.speaker.end > f.speaker.begin &&
           (*speaker)[i].kind == v1::MENTION_KIND_NOMINAL && e >= 0 &&
           entities[e].type == v1::ENTITY_TYPE_PERSON && entities[e].described;
  };
  constexpr int kMinRun = 3;
  constexpr int kStep = 2;
  size_t start = 0;
  while (start < order.size()) {
    // The run: quotation paragraphs, at most kStep - 1 others between two.
    size_t end = start + 1;
    while (end < order.size() &&
           (*findings)[order[end]].paragraph - (*findings)[order[end - 1]].paragraph <= kStep) {
      ++end;
    }
    // Each finding's turn: how many paragraphs of the run come before its own.
    std::vector<int> turn(end - start, 0);
    for (size_t k = start + 1; k < end; ++k) {
      turn[k - start] = turn[k - start - 1] +
                        ((*findings)[order[k]].paragraph != (*findings)[order[k - 1]].paragraph);
    }
    auto side_of = [&](size_t k) { return turn[k - start] % 2; };
    if (turn.back() + 1 >= kMinRun) {
      // Per parity: the one person its named turns give (-2: several), and
      // how often pronoun turns point at each candidate.
      int party[2] = {-1, -1};
      bool any_named = false;
      for (size_t k = start; k < end; ++k) {
        const int i = order[k];
        if (!named(i)) continue;
        const int side = side_of(k);
        const int e = (*speaker)[i].entity;
        if (party[side] == -1) {
          party[side] = e;
        } else if (party[side] != e) {
          party[side] = -2;
        }
        any_named = true;
      }
      // A side no name gives: the person its pronoun turns point at most,
      // or the one its cues describe ('"...," answered the old woman': not
      // a man named in the narration before the run).
      for (int side = 0; side < 2 && any_named; ++side) {
        if (party[side] != -1) continue;
        std::vector<std::pair<int, int>> votes;  // entity, count
        for (size_t k = start; k < end; ++k) {
          const int i = order[k];
          if (side_of(k) != side || !(pronoun(i) || described(i))) continue;
          const int e = (*speaker)[i].entity;
          auto it = std::find_if(votes.begin(), votes.end(),
                                 [&](const std::pair<int, int>& v) { return v.first == e; });
          if (it == votes.end()) {
            votes.emplace_back(e, 1);
          } else {
            ++it->second;
          }
        }
        // A pronoun that points at the other side's speaker was resolved to
        // the last man named, not to the one whose turn it is: then the
        // other person of its sex named last before the run. So too for a
        // side with no pronoun either (bare turns, "said her cousin").
        int best = -1, best_count = 0;
        for (const auto& [e, n] : votes) {
          if (e != party[1 - side] && n > best_count) best = e, best_count = n;
        }
        if (best < 0 && party[1 - side] >= 0) {
          best = resolver.OtherNamedPerson(
              party[1 - side], (*findings)[order[start]].content.front().begin,
              votes.empty() ? 0 : entities[votes.front().first].gender);
        }
        party[side] = best;
      }
      // Nobody calls himself by name: a turn that speaks to the one whose
      // turn it would be ("Don't, Jo.") shows more than two people talking.
      bool two = any_named && party[0] >= 0 && party[1] >= 0 && party[0] != party[1];
      for (size_t k = start; k < end && two; ++k) {
        const Finding& f = (*findings)[order[k]];
        const int own = party[side_of(k)];
        // (A name that answers "What name?" is the speaker's own, and was
        // given so.)
        two = (*speaker)[order[k]].entity == own ||
              Vocative(text, f.content.front(), resolver, /*wide=*/true) != own;
      }
      if (two) {
        for (size_t k = start; k < end; ++k) {
          const int i = order[k];
          if (named(i)) continue;
          Finding& f = (*findings)[i];
          if (f.narration_subject) continue;
          const int e = party[side_of(k)];
          internal::Resolution& r = (*speaker)[i];
          if (r.entity == e) continue;
          if (r.kind == v1::MENTION_KIND_PRONOUN && f.speaker.end > f.speaker.begin) {
            // "I said" is the narrator's, whoever's turn it is; "she" is not
            // the man whose turn it is.
            const char sex = PronounSex(resolver.lexicon(), Slice(text, f.speaker));
            if (sex == 0 || (entities[e].gender != 0 && entities[e].gender != sex)) continue;
          }
          if (r.kind == v1::MENTION_KIND_NOMINAL && f.rule >= 0 && r.entity >= 0 &&
              !entities[r.entity].described) {
            continue;  // "said his uncle", "said another": somebody else
          }
          // '"...," Big Medicine bellowed': a name the cue gives, even one
          // the resolver could not place, is the speaker's own.
          if (f.rule >= 0 && f.speaker.end > f.speaker.begin &&
              r.kind == v1::MENTION_KIND_NAME) {
            continue;
          }
          if (f.rule < 0) f.speaker = Range();  // the span was another turn's
          r.entity = e;
          if (f.speaker.end <= f.speaker.begin) r.kind = v1::MENTION_KIND_NAME;
        }
      }
    }
    start = end;
  }
}

// Whether `text` has a byte above 0x7F.
bool HasNonAscii(absl::string_view text) {
  return internal::NextNonAscii(text, 0) < text.size();
}

// A screen for an RE2::Set of case-insensitive patterns: re2::FilteredRE2
// names the strings ("atoms", lower-cased) a pattern cannot match without,
// as a monotone and/or of them. From it Build() draws, for each pattern,
// sets of atoms ("clauses") the pattern needs one atom of each of. One pass
// of an Aho-Corasick automaton over a text finds the atoms it holds, and
// only a text that meets every clause of some pattern need be matched.
// (Most contents meet none of the content stances'.)
class AtomScreen {
 public:
  // Builds the screen for `patterns` (compiled with `options`); false if it
  // cannot screen them (a pattern needs no atom, or there are too many).
  bool Build(const std::vector<std::string>& patterns,
             const RE2::Options& options) {
    if (patterns.size() > 64) return false;  // (Candidates() is a mask)
    all_patterns_ = patterns.size() == 64
                        ? ~uint64_t{0}
                        : (uint64_t{1} << patterns.size()) - 1;
    std::vector<std::string> atoms;  // every pattern's, each once
    clauses_.assign(patterns.size(), {});
    filters_.clear();
    filters_.reserve(patterns.size());
    for (size_t p = 0; p < patterns.size(); ++p) {
      // A filter of one pattern: it has few atoms, and each
      // AllPotentials() call costs little. (Kept: Pattern().)
      filters_.emplace_back(/*min_atom_len=*/3);
      re2::FilteredRE2& filter = filters_.back();
      int id;
      if (filter.Add(patterns[p], options, &id) != RE2::NoError) return false;
      std::vector<std::string> own;
      filter.Compile(&own);
      std::vector<int> potential;
      filter.AllPotentials({}, &potential);
      if (!potential.empty() || own.empty()) return false;
      std::vector<int> index(own.size());  // in `atoms`
      for (size_t a = 0; a < own.size(); ++a) {
        auto it = std::find(atoms.begin(), atoms.end(), own[a]);
        index[a] = static_cast<int>(it - atoms.begin());
        if (it == atoms.end()) atoms.push_back(own[a]);
      }
      if (atoms.size() > 64) return false;
      // From all its atoms, drop each in turn while the pattern still
      // cannot match with the others absent. Dropping the shorter atoms
      // first keeps the longer ones, which are rarer in a text; the other
      // order keeps another clause where the pattern needs one word of each
      // of several lists.
      std::vector<size_t> order(own.size());
      for (size_t a = 0; a < order.size(); ++a) order[a] = a;
      std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return own[x].size() < own[y].size();
      });
      std::vector<int> present;
      for (int pass = 0; pass < 2; ++pass) {
        std::vector<bool> kept(own.size(), true);
        for (size_t k = 0; k < order.size(); ++k) {
          const size_t a = pass == 0 ? order[k] : order[order.size() - 1 - k];
          kept[a] = false;
          present.clear();
          for (size_t b = 0; b < own.size(); ++b) {
            if (!kept[b]) present.push_back(static_cast<int>(b));
          }
          filter.AllPotentials(present, &potential);
          if (!potential.empty()) kept[a] = true;
        }
        uint64_t clause = 0;
        for (size_t b = 0; b < own.size(); ++b) {
          if (kept[b]) clause |= uint64_t{1} << index[b];
        }
        clauses_[p].push_back(clause);
      }
    }
    // The trie of the atoms, then its failure links breadth first.
    for (const std::string& atom : atoms) {
      if (atom.size() > 0xff) return false;  // (depth_ is a byte)
      for (unsigned char c : atom) {
        // (A letter outside ASCII may be written in either case: any byte
        // above 0x7F then sends the text to the set.)
        if (c >= 0x80) non_ascii_atoms_ = true;
        if (class_of_[c] == 0) class_of_[c] = static_cast<uint8_t>(classes_++);
      }
    }
    for (int c = 'A'; c <= 'Z'; ++c) class_of_[c] = class_of_[c - 'A' + 'a'];
    // (Class 0, a byte in no atom, leads every state back to the root.)
    std::vector<uint16_t> next(classes_, 0);  // state 0: the root
    std::vector<uint64_t> found(1, 0);         // by state: the atoms ending there
    std::vector<uint8_t> depth(1, 0);          // by state: its prefix's length
    for (size_t a = 0; a < atoms.size(); ++a) {
      size_t s = 0;
      for (unsigned char c : atoms[a]) {
        uint16_t& to = next[s * classes_ + class_of_[c]];
        if (to == 0) {
          to = static_cast<uint16_t>(found.size());
          found.push_back(0);
          depth.push_back(static_cast<uint8_t>(depth[s] + 1));
          next.resize(next.size() + classes_, 0);
        }
        s = next[s * classes_ + class_of_[c]];
      }
      found[s] |= uint64_t{1} << a;
    }
    if (found.size() > 0xffff) return false;
    std::vector<uint16_t> fail(found.size(), 0);
    std::vector<uint16_t> queue;
    for (int c = 1; c < classes_; ++c) {
      if (next[c] != 0) queue.push_back(next[c]);
    }
    for (size_t q = 0; q < queue.size(); ++q) {
      const size_t s = queue[q];
      found[s] |= found[fail[s]];
      for (int c = 1; c < classes_; ++c) {
        uint16_t& to = next[s * classes_ + c];
        const uint16_t via = next[fail[s] * classes_ + c];
        if (to != 0) {
          fail[to] = via;
          queue.push_back(to);
        } else {
          to = via;
        }
      }
    }
    // The states renumbered, those where no atom ends first (the root
    // stays 0), each as the offset of its row in next_: its number shifted
    // by shift_, rows a power of two long, so that a row's state number
    // is a shift away (MayMatch() takes it at every found atom).
    while ((1 << shift_) < classes_) ++shift_;
    const size_t states = found.size();
    if ((states << shift_) > 0x10000) return false;  // rows as uint16_t
    std::vector<uint16_t> row(states);
    uint32_t count = 0;
    for (int pass = 0; pass < 2; ++pass) {
      if (pass == 1) found_from_ = count << shift_;
      for (size_t s = 0; s < states; ++s) {
        if ((found[s] != 0) == (pass == 1)) {
          row[s] = static_cast<uint16_t>(count++ << shift_);
        }
      }
    }
    next_.assign(states << shift_, 0);
    found_.assign(states, 0);
    depth_.assign(states, 0);
    for (size_t s = 0; s < states; ++s) {
      for (int c = 0; c < classes_; ++c) {
        next_[row[s] + c] = row[next[s * classes_ + c]];
      }
      found_[row[s] >> shift_] = found[s];
      depth_[row[s] >> shift_] = depth[s];
    }
    return true;
  }

  // Pattern `p` of those Build() took, compiled with its options (as
  // RE2::Set compiles it: it matches what the set's pattern `p` matches).
  const RE2& Pattern(size_t p) const { return filters_[p].GetRE2(0); }

  // The patterns that may match `text` (bit i: pattern i); 0 if none can.
  uint64_t Candidates(absl::string_view text) const {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    const uint16_t* const next = next_.data();
    const size_t found_from = found_from_;
    const int shift = shift_;
    uint64_t found = 0;
    // Four parts at once (WalkInParts()): a step is a load that waits on
    // the one before. A part starts at the root, so its state at each byte
    // is the longest atom prefix that ends there and begins within the part
    // or after it: whatever it finds the text holds. Its prefix begun at or
    // after the next part's start, the two parts are in the same state.
    constexpr size_t kMinPart = 8;  // bytes of a part, at least
    size_t cut1 = n, cut2 = n, cut3 = n;
    if (n >= 4 * kMinPart) {
      cut1 = n / 4;
      cut2 = n / 2;
      cut3 = n - n / 4;
    } else if (n >= 2 * kMinPart) {
      cut1 = cut2 = cut3 = n / 2;  // two parts: the middle two are empty
    }
    const uint8_t* const depth = depth_.data();
    internal::WalkInParts(
        n, cut1, cut2, cut3,
        [&](size_t * row, size_t i) __attribute__((always_inline)) {
          *row = next[*row + class_of_[p[i]]];
          // (Most states end no atom: only those from row found_from_ do.)
          if (ABSL_PREDICT_FALSE(*row >= found_from)) {
            found |= found_[*row >> shift];
          }
        },
        [depth, shift](size_t row, size_t i, size_t to) {
          return depth[row >> shift] <= i - to;
        });
    // Bytes above 0x7F (which most texts have none of): any, when an atom
    // holds one, and U+017F and U+212A, which RE2 folds to "s" and "k",
    // send the text to the set. (No atom holds the others: class 0, back
    // to the root.) (Looked for 16 bytes at a time, not in the walk.)
    if (ABSL_PREDICT_FALSE(HasNonAscii(text)) &&
        (non_ascii_atoms_ || absl::StrContains(text, "\xc5\xbf") ||
         absl::StrContains(text, "\xe2\x84\xaa"))) {
      return all_patterns_;
    }
    if (found == 0) return 0;
    uint64_t candidates = 0;
    for (size_t p = 0; p < clauses_.size(); ++p) {
      if (std::all_of(clauses_[p].begin(), clauses_[p].end(),
                      [found](uint64_t clause) { return found & clause; })) {
        candidates |= uint64_t{1} << p;
      }
    }
    return candidates;
  }

 private:
  // By pattern: atom sets (bit i: atom i) each of which the pattern needs
  // one of.
  std::vector<std::vector<uint64_t>> clauses_;
  // By pattern: a filter that holds it alone (its RE2 is Pattern()).
  std::vector<re2::FilteredRE2> filters_;
  uint64_t all_patterns_ = 0;  // a bit for each pattern
  bool non_ascii_atoms_ = false;
  uint8_t class_of_[256] = {};  // 0: a byte in no atom
  int classes_ = 1;
  int shift_ = 0;  // classes_ rounded up to a power of two: 1 << shift_
  // next_[row + class]: the automaton, failure links folded in. A state's
  // row is its number shifted by shift_; the states where an atom ends
  // come last, from row found_from_. The root is row 0.
  std::vector<uint16_t> next_;
  uint32_t found_from_ = 0;
  std::vector<uint64_t> found_;  // by state number: the atoms ending there
  std::vector<uint8_t> depth_;   // by state number: its prefix's length
};
// The first byte in [p, end) that is no ASCII letter or digit, or end.
const char* AlnumEnd(const char* p, const char* end) {
#if defined(__SSE2__)
  // 16 bytes tested at once: a loop of a byte a round mispredicts its exit
  // at the end of most words.
  while (end - p >= 16) {
    const uint32_t other = internal::NotAlnum16(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
    if (other != 0) return p + __builtin_ctz(other);
    p += 16;
  }
#endif
  while (p < end && absl::ascii_isalnum(static_cast<unsigned char>(*p))) ++p;
  return p;
}

// The ConfidenceFeatures (a bit for each) of finding `f`, whose speaker
// resolved to `speaker`: what its rule cannot tell of how likely the claim
// is right end to end.
uint8_t ConfidenceFeatures(absl::string_view text, const internal::Lexicon& lexicon,
                           const Finding& f, const internal::Resolution& speaker) {
  using internal::ConfidenceFeature;
  auto bit = [](ConfidenceFeature k) { return static_cast<uint8_t>(1u << static_cast<int>(k)); };
  uint8_t out = 0;
  // The content's words: how many, and whether any of them makes it a
  // clause (a word of WordInfo::clause_sign: a subject pronoun, an
  // auxiliary, copula, modal or negation, a verb form the lexicons know; or
  // a past "-ed" form) rather than a noun
  // phrase ("offered a pathway to citizenship"). Read only as far as both
  // answers need: a content of more than kClauseWords words with no sign of
  // a clause in them is taken for one all the same (its verb one the
  // lexicons do not know: "the economy grows"), not for a noun phrase.
  constexpr int kClauseWords = 25;
  const bool quoted = f.direct || f.mixed;  // a clause or not, no matter
  int words = 0;
  bool clause = false;
  for (const Range& r : f.content) {
    const char* p = text.data() + r.begin;
    const char* const end = text.data() + r.end;
    while (p < end) {
      if (!absl::ascii_isalnum(static_cast<unsigned char>(*p))) {
        ++p;
        continue;
      }
      const char* const word = p;
      p = AlnumEnd(p + 1, end);
      const size_t n = p - word;
      ++words;
      // Four words tell a short content; then only a clause not yet seen
      // within kClauseWords words needs more.
      if (clause || quoted || words > kClauseWords) {
        if (words > 3) break;
        continue;
      }
      // A capitalised word past the first is a name, no sign of a clause
      // (but "I"): no need to look it up.
      if (n > internal::kShortWord ||
          (words > 1 && n > 1 && absl::ascii_isupper(static_cast<unsigned char>(*word)))) {
        continue;
      }
      if (n >= 5 && (word[n - 2] | 0x20) == 'e' && (word[n - 1] | 0x20) == 'd') {
        clause = true;  // a past "-ed" form
        continue;
      }
      // (Most words are no clause sign: the shape filter, which reads the
      // word in any case, before the lower-casing and the lookup.)
      if (!lexicon.MayBeClauseSign(absl::string_view(word, n))) continue;
      char lower[internal::kShortWord] = {};  // zeroed, as PaddedWord() takes it
      for (size_t k = 0; k < n; ++k) lower[k] = absl::ascii_tolower(static_cast<unsigned char>(word[k]));
      const internal::WordInfo* info = lexicon.PaddedWord(lower);
      clause = info != nullptr && info->clause_sign;
    }
    if (words > 3 && (clause || quoted || words > kClauseWords)) break;
  }
  if (!quoted && !clause && words <= kClauseWords) out |= bit(ConfidenceFeature::kNpContent);
  if (!lexicon.IsSpeechCue(f.cue_index)) out |= bit(ConfidenceFeature::kNonSpeechCue);
  if (speaker.entity < 0 && speaker.kind == v1::MENTION_KIND_PRONOUN) {
    out |= bit(ConfidenceFeature::kUnresolvedPronoun);
  }
  if (words <= 3) out |= bit(ConfidenceFeature::kShortContent);
  return out;
}

// A claim's confidence: `base` (its rule's) with the weights of `model` for
// its `features` added to its log-odds, kept within [0.01, 0.99]. With no
// weights, `base` itself.
float ClaimConfidence(const internal::ConfidenceModel& model, float base, uint8_t features) {
  float z = model.bias;
  for (int k = 0; k < internal::kConfidenceFeatures; ++k) {
    if (features & (1u << k)) z += model.weight[k];
  }
  if (z == 0) return base;
  const float p = std::min(0.99f, std::max(0.01f, base));
  const float odds = p / (1 - p) * std::exp(z);
  return std::min(0.99f, std::max(0.01f, odds / (1 + odds)));
}

}  // namespace

// The cues and mentions (with their spans) of the claims an Extraction held
// before, to be filled again: Clear() would free every claim's cue and
// mentions for the next document to allocate them anew. Each part taken
// is as a new one (cleared; strings keep their memory).
class ClaimParts {
 public:
  ClaimParts() = default;
  ClaimParts(const ClaimParts&) = delete;
  ClaimParts& operator=(const ClaimParts&) = delete;

  // Takes the cues and mentions out of the claims of `out`, and its
  // document.
  void TakeFrom(v1::Extraction* out) {
    if (out->has_document()) {
      document_.reset(out->release_document());
      document_->Clear();
    }
    for (v1::Claim& c : *out->mutable_claims()) {
      if (c.has_cue()) Keep(c.release_cue(), &cues_);
      if (c.has_speaker()) Keep(c.release_speaker(), &mentions_);
      if (c.has_addressee()) Keep(c.release_addressee(), &mentions_);
      if (c.has_reported_via()) Keep(c.release_reported_via(), &mentions_);
    }
  }

  // c->mutable_cue(), mutable_speaker() ... with a kept part when the
  // claim has none yet.
  v1::Cue* Cue(v1::Claim* c) {
    if (!c->has_cue()) c->set_allocated_cue(Take(&cues_));
    return c->mutable_cue();
  }
  v1::Mention* Speaker(v1::Claim* c) {
    if (!c->has_speaker()) c->set_allocated_speaker(Take(&mentions_));
    return c->mutable_speaker();
  }
  v1::Mention* Addressee(v1::Claim* c) {
    if (!c->has_addressee()) c->set_allocated_addressee(Take(&mentions_));
    return c->mutable_addressee();
  }
  v1::Mention* ReportedVia(v1::Claim* c) {
    if (!c->has_reported_via()) c->set_allocated_reported_via(Take(&mentions_));
    return c->mutable_reported_via();
  }
  // out->mutable_document(), the one taken when `out` has none yet.
  v1::Document* Document(v1::Extraction* out) {
    if (!out->has_document() && document_ != nullptr) {
      out->set_allocated_document(document_.release());
    }
    return out->mutable_document();
  }
  // m->mutable_span() for a cue or a mention.
  template <typename M>
  v1::Span* SpanOf(M* m) {
    if (!m->has_span()) m->set_allocated_span(Take(&spans_));
    return m->mutable_span();
  }

 private:
  template <typename M>
  void Keep(M* m, std::vector<std::unique_ptr<M>>* pool) {
    if (m->has_span()) Keep(m->release_span(), &spans_);
    m->Clear();
    pool->emplace_back(m);
  }
  void Keep(v1::Span* span, std::vector<std::unique_ptr<v1::Span>>* pool) {
    span->Clear();
    pool->emplace_back(span);
  }
  template <typename M>
  static M* Take(std::vector<std::unique_ptr<M>>* pool) {
    if (pool->empty()) return new M;
    M* m = pool->back().release();
    pool->pop_back();
    return m;
  }

  std::vector<std::unique_ptr<v1::Cue>> cues_;
  std::vector<std::unique_ptr<v1::Mention>> mentions_;
  std::vector<std::unique_ptr<v1::Span>> spans_;
  // (Extraction::Clear() would delete it, and every document allocate its
  // id, url, title, outlet and language anew.)
  std::unique_ptr<v1::Document> document_;
};

class ExtractorImpl {
 public:
  std::unique_ptr<internal::Lexicon> lexicon;
  std::unique_ptr<internal::Segmenter> segmenter;
  std::unique_ptr<internal::Attributor> attributor;
  std::unique_ptr<TopicTagger> topics;
  // The stance lines of content_stances.tsv, one pattern each; the first
  // match wins. (Its "none" and "noevidence" lines are the attributor's.)
  // Compiled only when content_stance_screen cannot be built.
  std::unique_ptr<RE2::Set> content_stances;
  std::vector<v1::Stance> content_stance_of;  // by pattern index in the set
  // Screens contents for the set; null if it cannot. A content it passes
  // is asked of the patterns it names, one by one (AtomScreen::Pattern()):
  // each a small automaton that stops at its first match, not the whole
  // set's.
  std::unique_ptr<AtomScreen> content_stance_screen;
  size_t max_bytes = 0;
  float min_confidence = 0;
  bool rule_with_confidence_features = false;

  // text_checked: the caller has run CheckDocumentText() on doc.text().
  // The claims' cues and mentions come from `parts` when it has some.
  absl::Status Extract(const v1::Document& doc, v1::Extraction* out,
                       bool text_checked, ClaimParts* parts,
                       bool with_entities = true) const;

  // Compiles content_stances.tsv; errors name the line.
  absl::Status CompileContentStances();

 private:
  // The stance a content phrase gives a neutral claim, or `stance`.
  v1::Stance ContentStance(absl::string_view content, v1::Stance stance) const;
  // `entity_ids` caches SpeakerResolver::EntityId() by entity; empty
  // entries are computed here.
  void FillMention(absl::string_view text, bool links, bool blanked, Range span,
                   const internal::Resolution& res,
                   const internal::SpeakerResolver& resolver,
                   std::vector<std::string>* entity_ids,
                   ClaimParts* parts, v1::Mention* m) const;
};

absl::Status ExtractorImpl::CompileContentStances() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  content_stances.reset();
  content_stance_of.clear();
  content_stance_screen.reset();
  std::vector<std::string> patterns;
  for (const internal::ContentStance& cs : lexicon->content_stances()) {
    if (cs.no_claim || cs.no_evidence) continue;
    content_stance_of.push_back(cs.stance);
    patterns.push_back(cs.pattern);
  }
  if (content_stance_of.empty()) return absl::OkStatus();
  // The screen compiles each pattern alone (it fails on a pattern RE2
  // refuses): with it ContentStance() never asks the set, which is then
  // neither parsed nor compiled (2.8M instructions of the start-up). Without
  // it, the set as before, whose errors name the line.
  auto screen = std::make_unique<AtomScreen>();
  if (screen->Build(patterns, options)) {
    content_stance_screen = std::move(screen);
    return absl::OkStatus();
  }
  content_stances = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  size_t p = 0;
  for (const internal::ContentStance& cs : lexicon->content_stances()) {
    if (cs.no_claim || cs.no_evidence) continue;
    std::string error;
    if (content_stances->Add(patterns[p++], &error) < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "content_stances.tsv:", cs.line, ": bad pattern: ", error));
    }
  }
  if (!content_stances->Compile()) {
    return absl::ResourceExhaustedError(
        "content_stances.tsv: patterns too large to compile");
  }
  return absl::OkStatus();
}

v1::Stance ExtractorImpl::ContentStance(absl::string_view content,
                                        v1::Stance stance) const {
  if (content_stance_of.empty()) return stance;
  const re2::StringPiece piece(content.data(), content.size());
  if (content_stance_screen != nullptr) {
    // The first pattern that matches, of those the screen names (no other
    // can match).
    for (uint64_t may = content_stance_screen->Candidates(content); may != 0;
         may &= may - 1) {
      const int p = __builtin_ctzll(may);
      if (RE2::PartialMatch(piece, content_stance_screen->Pattern(p))) {
        return content_stance_of[p];
      }
    }
    return stance;
  }
  // (Most contents match no pattern: a test without the list of hits first,
  // which allocates nothing.)
  if (!content_stances->Match(piece, nullptr)) return stance;
  std::vector<int> hits;
  if (!content_stances->Match(piece, &hits) ||
      hits.empty()) {
    return stance;
  }
  return content_stance_of[*std::min_element(hits.begin(), hits.end())];
}

void ExtractorImpl::FillMention(absl::string_view text, bool links,
                                bool blanked, Range span,
                                const internal::Resolution& res,
                                const internal::SpeakerResolver& resolver,
                                std::vector<std::string>* entity_ids,
                                ClaimParts* parts, v1::Mention* m) const {
  AssignName(m->mutable_text(), Slice(text, span), links);
  SetSpan(span, parts->SpanOf(m));
  m->set_kind(res.kind);
  if (res.entity >= 0) {
    const internal::ResolvedEntity& e = resolver.entities()[res.entity];
    std::string& id = (*entity_ids)[res.entity];
    if (id.empty()) internal::SpeakerResolver::EntityId(e, &id);
    Assign(m->mutable_entity_id(), id);
    AssignName(m->mutable_canonical_name(), WithoutStrayMarks(e.canonical), blanked);
    m->set_entity_type(e.type);
  } else {
    Assign(m->mutable_canonical_name(), WithoutStrayMarks(m->text()));
    m->set_entity_type(v1::ENTITY_TYPE_UNKNOWN);
  }
}

absl::Status ExtractorImpl::Extract(const v1::Document& doc,
                                    v1::Extraction* out, bool text_checked,
                                    ClaimParts* parts, bool with_entities) const {
  // Output text is sliced from the document as written; `text`, which
  // every stage reads, has its Unicode spaces blanked (BlankUnicodeSpaces()).
  const std::string& original = doc.text();
  if (original.size() > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "document is ", original.size(), " bytes, more than the limit of ",
        max_bytes));
  }
  if (!text_checked) {
    absl::Status s = internal::ValidateUtf8(original);
    if (!s.ok()) return s;
  }

  // The layout and findings of the thread's last document, cleared and
  // filled again: their vectors keep the memory they grew to.
  thread_local internal::TextLayout layout;
  thread_local std::vector<Finding> findings;
  thread_local std::string blanked_text;
  const ReadableText readable =
      MakeReadable(original, *segmenter, &layout, &blanked_text);
  const absl::string_view text = readable.text;
  const bool links = readable.links;
  // (Names read from `text` may then hold runs of spaces: AssignName().)
  const bool blanked = readable.blanked;
  // The text claims show: the document as written, or with link texts
  // blanked (and runs of spaces closed up) when it has them.
  const absl::string_view shown = links ? text : absl::string_view(original);
  attributor->Find(text, layout, &findings);
  if (findings.empty()) return absl::OkStatus();
  int caption_paragraph = -1;  // the last paragraph tested, and its answer
  bool caption = false;
  for (Finding& f : findings) {
    if (f.paragraph != caption_paragraph && f.paragraph >= 0 &&
        static_cast<size_t>(f.paragraph) < layout.paragraphs.size()) {
      caption_paragraph = f.paragraph;
      caption = MediaCaption(text, layout.paragraphs[f.paragraph]);
    }
    if (caption) {
      f.drop = true;
      continue;
    }
    if (!f.direct && f.speaker.end > f.speaker.begin &&
        f.speaker.end - f.speaker.begin <= 3 &&
        (ConsentLine(text, *lexicon, f.speaker) ||
         GenericHearerBelief(text, *lexicon, f))) {
      f.drop = true;
    }
    if (!f.direct && f.speaker.end > f.speaker.begin &&
        CausedBelief(text, *lexicon, f)) {
      f.drop = true;
    }
  }

  // The thread's resolver, reset for this document: its containers keep
  // their memory from one document to the next.
  thread_local std::unique_ptr<internal::SpeakerResolver> resolver_of_thread;
  if (resolver_of_thread == nullptr) {
    resolver_of_thread = std::make_unique<internal::SpeakerResolver>(
        lexicon.get(), text, &layout);
  } else {
    resolver_of_thread->Reset(lexicon.get(), text, &layout);
  }
  internal::SpeakerResolver& resolver = *resolver_of_thread;
  // In a book, one who speaks by a single name ('"...," said Holmes') that
  // no list of first names knows is a person from the start: the
  // narration's earlier "Holmes" is then an antecedent for "he". By the
  // full name the text gives somewhere ("Sherlock Holmes"), if any.
  if (layout.hard_wrapped) {
    for (const Finding& f : findings) {
      const absl::string_view w = Slice(text, f.speaker);
      if (f.rule < 0 || w.size() <= 2 ||
          w.find_first_of(" \n.'") != absl::string_view::npos ||
          !resolver.MayBeName(w) || lexicon->FirstNameGender(w) != 0 ||
          resolver.PersonNamed(w) >= 0) {  // learnt from an earlier turn
        continue;
      }
      // The word before it in "Sherlock Holmes"; the word after it in
      // "Hugh Bray", where it is the given name.
      absl::string_view first, surname;
      const absl::string_view all = text;  // views, not copies, of its words
      AnyWordAt(all, w, [&](size_t at) {
        const size_t after = at + w.size();
        if (after + 2 < text.size() && (text[after] == ' ' || text[after] == '\n')) {
          size_t e = after + 1;
          while (e < text.size() && absl::ascii_isalpha(static_cast<unsigned char>(text[e]))) ++e;
          const absl::string_view y = all.substr(after + 1, e - after - 1);
          if (y.size() > 1 && resolver.MayBeName(y)) surname = y;
        }
        if (!surname.empty()) return true;
        if (at < 3 || (text[at - 1] != ' ' && text[at - 1] != '\n')) return false;
        size_t b = at - 1;
        while (b > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
        const absl::string_view x = all.substr(b, at - 1 - b);
        // Not a capitalised word opening a sentence ("Poor Holmes!").
        size_t c = b;
        while (c > 0 && (all[c - 1] == ' ' || all[c - 1] == '\n')) --c;
        const bool opens = c == 0 || absl::string_view(".!?\"'(").find(all[c - 1]) !=
                                         absl::string_view::npos ||
                           static_cast<unsigned char>(all[c - 1]) >= 0x80;
        if (first.empty() && !opens && x.size() > 1 && resolver.MayBeName(x)) first = x;
        return false;
      });
      if (!surname.empty()) {
        resolver.LearnPerson(w, surname);
      } else {
        resolver.LearnPerson(first, w);
      }
    }
  }
  resolver.Index();
  // The per-finding and per-entity vectors below, kept per thread from one
  // document to the next with the memory they grew to; each is assigned
  // here before it is read.
  struct Scratch {
    std::vector<size_t> order;
    std::vector<internal::Resolution> speaker, addressee;
    std::vector<int> via;
    std::vector<ClaimIdText> ids;
    std::vector<bool> used_entity;
    std::vector<std::string> entity_ids;
    std::vector<std::string> topic_names;
    std::vector<size_t> by_paragraph;
    std::vector<float> confidence;
    std::vector<uint8_t> features;
  };
  thread_local Scratch scratch;
  // Resolve speakers in the order they appear.
  std::vector<size_t>& order = scratch.order;
  order.resize(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  // (By index among equal starts: the order a stable sort gives, with no
  // buffer allocated for each document.)
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const uint32_t x = findings[a].speaker.begin, y = findings[b].speaker.begin;
    return x < y || (x == y && a < b);
  });
  std::vector<internal::Resolution>& speaker = scratch.speaker;
  std::vector<internal::Resolution>& addressee = scratch.addressee;
  speaker.assign(findings.size(), internal::Resolution());
  addressee.assign(findings.size(), internal::Resolution());
  for (size_t i : order) {
    bool by_name = false;
    if (findings[i].speaker.end > findings[i].speaker.begin) {
      findings[i].speaker = VoiceOwner(text, *lexicon, findings[i].speaker);
      // A description with a person's name after it is that person (in
      // the news: a book's "the artist himself, Walter Tarrant" the
      // resolver knows).
      const Range name = layout.hard_wrapped
                             ? Range()
                             : ApposedName(text, *lexicon, findings[i].speaker);
      if (name.end > name.begin) {
        const internal::Resolution named = resolver.Resolve(name);
        if (named.kind == v1::MENTION_KIND_NAME && named.entity >= 0 &&
            resolver.entities()[named.entity].type == v1::ENTITY_TYPE_PERSON) {
          speaker[i] = internal::Resolution{named.entity, v1::MENTION_KIND_NOMINAL};
          by_name = true;
        }
      }
      if (!by_name) speaker[i] = resolver.Resolve(findings[i].speaker);
      if (findings[i].cue_index >= 0) {
        resolver.NoteIssuer(speaker[i], findings[i].speaker, findings[i].cue,
                            lexicon->cues()[findings[i].cue_index].lemma);
        // (Only where it reports a clause: 'C, Politico reports', "reported
        // that C", a quotation; not an object, "Clark reported her assault".)
        if (lexicon->cues()[findings[i].cue_index].press &&
            ReportsClause(text, *lexicon, findings[i])) {
          resolver.NotePress(speaker[i]);
        }
      }
    }
    if (findings[i].addressee.end > findings[i].addressee.begin) {
      addressee[i] = resolver.ResolveAddressee(findings[i].addressee, speaker[i].entity >= 0);
    }
  }
  // A turn kept only for the narration after it ('"I'll have to go up
  // after her." Carl thrust his hands into his pockets.') is that one's.
  for (size_t i = 0; i < findings.size(); ++i) {
    Finding& f = findings[i];
    if (!f.needs_beat || f.drop) continue;
    // Only a name that opens the narration ("Carl thrust", "Mrs. Hall
    // hung"): a description ("the parson rode on") may be anybody's.
    const int beat = NamedBeatSubject(text, layout, f, resolver);
    bool named = false;
    if (beat >= 0) {
      const uint32_t end = layout.paragraphs[f.paragraph].end;
      uint32_t b = f.content.back().end;
      for (int w = 0; w < 2 && !named; ++w) {
        while (b < end && !absl::ascii_isalpha(static_cast<unsigned char>(text[b]))) ++b;
        uint32_t e = b;
        while (e < end && absl::ascii_isalpha(static_cast<unsigned char>(text[e]))) ++e;
        if (e == b || !absl::ascii_isupper(static_cast<unsigned char>(text[b]))) break;
        named = resolver.PersonNamed(text.substr(b, e - b)) == beat;
        b = e;
      }
    }
    if (!named || resolver.entities()[beat].type != v1::ENTITY_TYPE_PERSON) {
      f.drop = true;
      continue;
    }
    f.speaker = Range();
    speaker[i] = internal::Resolution{beat, v1::MENTION_KIND_NAME};
    f.turn_open = false;
    f.needs_conversation = false;
    f.narration_subject = true;
  }
  // In a book (hard-wrapped text) each quotation is an utterance of its
  // own, in a conversation or not ('"The road is flooded," said the
  // carrier, "and I must go round."' in a page of narration too): '"A,"
  // said X. "B."' gives two claims, as fiction is read, not one claim in two
  // parts, as news reports a statement interrupted by its attribution.
  // (Until session 23 only in a conversation: LitBank dev content@0.5
  // 1023 -> 1054 of 1193, end-to-end 731 -> 750.)
  // A novel's narrator tells what its people know, feel and think ("she
  // felt that ..."): thought, not a claim anybody made. In a book
  // (hard-wrapped text) belief cues report only quotations. Label cues
  // without one name things ("he called her Wren", "a stone called
  // the Giant's Tooth"): nobody claims anything.
  if (layout.hard_wrapped) {
    for (Finding& f : findings) {
      if (f.direct || f.cue_index < 0) continue;
      const internal::CueClass c = lexicon->cues()[f.cue_index].cue_class;
      if (c == internal::CueClass::kBelief || c == internal::CueClass::kSeem ||
          (c == internal::CueClass::kLabel && !f.mixed)) {
        f.drop = true;
      }
    }
  }
  // In a book a report in the narrator's words tells what someone said,
  // not what a verb of speech is about: not a single word standing for
  // somebody or something ("mentioned it", "told him", "tells us", "which
  // he observed"; a word standing for what was said, "said so", is one),
  // nor what comes after a preposition ("exclaimed against female
  // acquirements", "said in her praise", "insisted on her husband buying
  // it"; function_words.tsv prep, venue and venue_place, not inf_to),
  // unless a "that" in it opens what was said after all ("wrote from the
  // coast that he was engaged": the content's start is wrong, the claim
  // is one).
  if (layout.hard_wrapped) {
    for (Finding& f : findings) {
      if (f.drop || f.direct || f.mixed || f.content.size() != 1) continue;
      const Range r = f.content.front();
      const absl::string_view c = Slice(text, r);
      size_t b = 0;
      while (b < c.size() && !absl::ascii_isalpha(static_cast<unsigned char>(c[b]))) ++b;
      size_t e = b;
      while (e < c.size() && absl::ascii_isalpha(static_cast<unsigned char>(c[e]))) ++e;
      bool one_word = e > b;
      for (size_t k = e; k < c.size() && one_word; ++k) {
        one_word = !absl::ascii_isalnum(static_cast<unsigned char>(c[k]));
      }
      if (one_word) {
        if (!internal::StandsForWhatWasSaid(
                lexicon->Word(absl::AsciiStrToLower(c.substr(b, e - b))))) {
          f.drop = true;
          continue;
        }
      }
      // The word right before the content, after the cue.
      if (f.cue.end <= f.cue.begin || f.cue.end > r.begin) continue;
      uint32_t we = r.begin;
      while (we > f.cue.end && !absl::ascii_isalpha(static_cast<unsigned char>(text[we - 1]))) {
        --we;
      }
      uint32_t wb = we;
      while (wb > f.cue.end && absl::ascii_isalpha(static_cast<unsigned char>(text[wb - 1]))) {
        --wb;
      }
      if (wb == we || wb <= f.cue.end) continue;  // the cue's own word
      const std::string before = absl::AsciiStrToLower(text.substr(wb, we - wb));
      const internal::WordInfo* info = lexicon->Word(before);
      if (info == nullptr ||
          (info->word_class != internal::WordClass::kPrep &&
           info->word_class != internal::WordClass::kVenuePrep) ||
          lexicon->InList(before, internal::WordList::kInfinitiveTo)) {
        continue;
      }
      bool that = false;
      for (size_t k = 0; k < c.size() && !that;) {
        while (k < c.size() && !absl::ascii_isalpha(static_cast<unsigned char>(c[k]))) ++k;
        size_t m = k;
        while (m < c.size() && absl::ascii_isalpha(static_cast<unsigned char>(c[m]))) ++m;
        if (m > k) {
          const internal::WordInfo* w = lexicon->Word(absl::AsciiStrToLower(c.substr(k, m - k)));
          that = w != nullptr && w->word_class == internal::WordClass::kThat;
        }
        k = m;
      }
      if (!that) f.drop = true;
    }
  }
  // '"She crouched beside him and whispered in eager, tense tones:
  // \"Dreams!\""': in a book, what a cue of narration reports up to a
  // colon that opens a quotation ending its content is how it was said;
  // the quotation is what was said.
  if (layout.hard_wrapped) {
    for (Finding& f : findings) {
      if (f.drop || f.direct || !f.mixed || f.content.size() != 1) continue;
      const Range c = f.content.front();
      auto it = std::lower_bound(
          layout.quotes.begin(), layout.quotes.end(), c.end,
          [](const internal::Quote& q, uint32_t off) { return q.open < off; });
      if (it == layout.quotes.begin()) continue;
      const internal::Quote& q = *--it;
      if (!q.closed || q.open <= c.begin || q.close_end + 1 < c.end || q.end > c.end + 1 ||
          q.end <= q.begin) {
        continue;
      }
      uint32_t b = q.open;
      while (b > c.begin && text[b - 1] == ' ') --b;
      const char lead = b > c.begin ? text[b - 1] : 0;
      if (lead != ':') continue;
      f.content.front() = Range{q.begin, q.end};
      f.direct = true;
      f.mixed = false;
    }
  }
  // A quotation after narration in its paragraph, with no cue: the one the
  // narration before it is about.
  // A quotation in news that no rule took (orphan_quote): the same, or the
  // person named right after it ("\"Q,\" Blige sings to Clinton"), or the
  // speaker of the claim before it; with none, no claim.
  // (In a book, the findings by paragraph and by where their content
  // begins, then by index: the claim before a narration quotation in its
  // paragraph is looked up there, not in a pass over all of them.)
  std::vector<size_t>& by_paragraph = scratch.by_paragraph;
  by_paragraph.clear();
  if (layout.hard_wrapped) {
    for (size_t i = 0; i < findings.size(); ++i) by_paragraph.push_back(i);
    std::sort(by_paragraph.begin(), by_paragraph.end(), [&](size_t a, size_t b) {
      const Finding& x = findings[a];
      const Finding& y = findings[b];
      if (x.paragraph != y.paragraph) return x.paragraph < y.paragraph;
      if (x.content.front().begin != y.content.front().begin) {
        return x.content.front().begin < y.content.front().begin;
      }
      return a < b;
    });
  }
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.builtin_rule == nullptr) continue;
    const absl::string_view rule = f.builtin_rule;
    if (rule != "narration_quote" && rule != "orphan_quote") continue;
    const Range& para = layout.paragraphs[f.paragraph];
    // (In news, the words that name the speaker in the paragraph are the
    // claim's speaker mention.)
    Range where;
    Range* const named = rule == "orphan_quote" || layout.hard_wrapped ? &where : nullptr;
    // The sentence right before it first: in a book ("The light was going.
    // Tom stopped at the water. \"We may cross.\""), and in news, the
    // sentence that leads into it ("This weekend, Ryan took issue with him.
    // Trump swiped at Ryan in a series of tweets: \"Q\""). (News, before
    // session 24 the first words of the paragraph: PolNeAR dev end-to-end
    // 8912 -> 8915.)
    uint32_t open = f.content.front().begin;  // back over the opening mark
    while (open > para.begin && text[open - 1] != ' ' && text[open - 1] != '\n') --open;
    int e = LastSentenceSubject(layout, resolver, Range{para.begin, open}, named);
    if (e < 0) e = resolver.SubjectOf(Range{para.begin, f.content.front().begin}, named);
    if (e < 0 && rule == "orphan_quote") {
      e = resolver.SubjectOf(Range{AfterQuote(text, f, para), para.end}, named);
    }
    if (e >= 0 && where.end > where.begin && rule == "orphan_quote") findings[i].speaker = where;
    // In a book, after a claim in its paragraph ('"Fellows, he is not here
    // yet," he called. "Put the horses under the shed."'), a quotation the
    // narration gives nobody is no claim; and a "he" or "she" of that
    // narration ('"I know them," Big Medicine stated. He jerked his thumb
    // toward Miguel. "I can tell you ..."') is that claim's speaker, when of
    // that sex (not the man named last before it). The turns of an exchange
    // do not override it.
    // The last claim before it in its paragraph (of those that begin at the
    // same byte, the first found).
    int before = -1;
    if (layout.hard_wrapped && rule == "narration_quote") {
      // Past the findings of its paragraph that begin before it ...
      auto at = std::lower_bound(
          by_paragraph.begin(), by_paragraph.end(), i, [&](size_t a, size_t) {
            const Finding& x = findings[a];
            return x.paragraph < f.paragraph ||
                   (x.paragraph == f.paragraph &&
                    x.content.front().begin < f.content.front().begin);
          });
      // ... and back over them to the last one not dropped.
      while (at != by_paragraph.begin()) {
        const size_t j = *--at;
        const Finding& g = findings[j];
        if (g.paragraph != f.paragraph) break;
        if (g.drop) continue;
        if (before >= 0 &&
            g.content.front().begin != findings[before].content.front().begin) {
          break;
        }
        before = static_cast<int>(j);
      }
    }
    if (before >= 0 && e < 0) {
      findings[i].drop = true;
    } else if (before >= 0) {
      const char sex = where.end > where.begin ? PronounSex(*lexicon, Slice(text, where)) : 0;
      const int e2 = speaker[before].entity;
      if (sex != 0 && e2 >= 0 && e2 != e &&
          (resolver.entities()[e2].gender == 0 || resolver.entities()[e2].gender == sex)) {
        e = e2;
      }
      findings[i].narration_subject = true;
    }
    // Else the speaker of the claim before it, in its paragraph or the one
    // before (news goes on quoting the last speaker).
    for (size_t j = i; e < 0 && rule == "orphan_quote" && j-- > 0;) {
      if (findings[j].paragraph < f.paragraph - 1) break;
      if (!findings[j].drop && speaker[j].entity >= 0) e = speaker[j].entity;
    }
    if (e >= 0) speaker[i] = internal::Resolution{e, v1::MENTION_KIND_NAME};
    if (e < 0 && rule == "orphan_quote") findings[i].drop = true;
  }
  // A speaker that is one lower-case word the lexicons know as no noun of
  // people, bodies or documents, with no determiner before it and no plural
  // ending, is no noun phrase that can say anything: a singular count noun
  // takes a determiner ("the analyst said"), so a bare one is a verb, an
  // adjective or a noun modifier before a cue word ("He cast doubt on C",
  // "Manafort all but begged reporters to ask", "tax credits"). The claim
  // keeps no speaker rather than that word: what was said may still be
  // right (PolNeAR annotates "cast doubt on C"), who said it is not known.
  // Bare plurals ("dealers said") and known nouns ("officials") stay.
  // (News only: a book's narration has its own bare words, "the boy half
  // cried"; and after the quotations with no cue took the speakers of the
  // claims before them.)
  for (size_t i = 0; i < findings.size() && !layout.hard_wrapped; ++i) {
    Finding& f = findings[i];
    // (Not a quotation with no cue, which keeps a speaker or nothing.)
    // (Only a word before its cue: "said loyalist" puts the noun after it.)
    if (f.drop || f.cue_index < 0 || f.speaker.end > f.cue.begin ||
        !BareUnknownNounSpeaker(text, *lexicon, f.speaker, speaker[i], resolver)) {
      continue;
    }
    f.speaker = Range();
    speaker[i] = internal::Resolution();
  }
  // '"Q," Mayor Keller went on.': a quotation paragraph that goes on in the
  // voice of the claim before it and names that speaker right after the
  // quotation is said by that mention. A quotation paragraph whose short tag
  // names someone else, with a verb no rule knows for speech ('"Q,"
  // Hannity started.'), or that ends with its speaker's name as a byline,
  // is that one's: the paragraph says so, not the claim before it.
  for (size_t i = 0; i < findings.size() && !layout.hard_wrapped; ++i) {
    Finding& f = findings[i];
    if (f.builtin_rule == nullptr || absl::string_view(f.builtin_rule) != "follow_on_quote" ||
        f.paragraph < 0) {
      continue;
    }
    // A claim reported inside the content of another speaks for its own
    // clause only: after 'Gat says he sees no hope.' or 'Trump said an
    // investigation will confirm C.', the quotation goes on in the voice of
    // the claim that holds it, not of "he" or "an investigation".
    if (f.follows >= 0 && static_cast<size_t>(f.follows) < i) {
      const Finding& inner = findings[f.follows];
      const int o = inner.via;
      if (o >= 0 && o != f.follows && !findings[o].drop &&
          findings[o].speaker.end > findings[o].speaker.begin &&
          speaker[o].entity != speaker[i].entity) {
        const Finding& outer = findings[o];
        for (const Range& r : outer.content) {
          if (r.begin <= f.speaker.begin && f.speaker.end <= r.end) {
            f.speaker = outer.speaker;
            f.cue_index = outer.cue_index;  // (its stance too)
            speaker[i] = speaker[o];
            break;
          }
        }
      }
    }
    const Range& para = layout.paragraphs[f.paragraph];
    // (The tag follows the first part of a quotation that goes on after it:
    // '"Q1," Trump said from his desk. "Q2."'.)
    Range q = f.content.back();
    uint32_t after = AfterQuote(text, f, para);
    if (f.content.size() > 1) {
      uint32_t a = f.content.front().end;
      while (a < para.end && !absl::ascii_isalpha(static_cast<unsigned char>(text[a]))) ++a;
      if (a < f.content[1].begin) {
        q = f.content.front();
        after = a;
      }
    }
    Range where;
    const int e = resolver.SubjectOf(Range{after, para.end}, &where);
    if (e < 0 || where.end <= where.begin) continue;
    // ('"Q," Moore said.' after Johnnie Moore's claim: the one it goes on
    // from, when the two share the surname the tag names.)
    bool same = e == speaker[i].entity;
    if (!same && speaker[i].entity >= 0) {
      const absl::string_view tag = Slice(text, where);
      const absl::string_view surname = tag.substr(tag.rfind(' ') + 1);
      const absl::string_view before = resolver.entities()[speaker[i].entity].canonical;
      same = before.size() > surname.size() && absl::EndsWith(before, surname) &&
             before[before.size() - surname.size() - 1] == ' ';
    }
    if (same) {
      f.speaker = where;
    } else if (NameTagsQuote(text, *lexicon, resolver, q, after, para.end, where)) {
      f.speaker = where;
      speaker[i] = internal::Resolution{e, v1::MENTION_KIND_NAME};
    }
  }
  // "said I" in a story its narrator tells: the narrator, when named.
  if (layout.hard_wrapped) {
    const int narrator = NarratorEntity(text, layout, findings, speaker, &resolver);
    if (narrator >= 0) {
      for (size_t i = 0; i < findings.size(); ++i) {
        if (speaker[i].entity < 0 && speaker[i].kind == v1::MENTION_KIND_PRONOUN &&
            IsI(Slice(text, findings[i].speaker))) {
          speaker[i].entity = narrator;
        }
      }
    }
  }
  // A novel's narration reports in its own words what its people said
  // ("Mr. Hale muttered something"), and, in the same words, what things
  // do ("loud cries shook the barn", "old tales describe the stone"). In
  // a book a report in the narrator's words is a claim only when someone
  // makes it: a person, a name, or a pronoun for a person that the
  // resolver could not place. Not "it", a generic "you", or a noun the
  // resolver knows for no person (which also drops some people it does not
  // know by their noun: "the curate explained that ...").
  if (layout.hard_wrapped) {
    // Each answer reads the whole book: asked once per word, not once per
    // claim (a book's speakers are few words said many times).
    absl::flat_hash_map<absl::string_view, bool> known;
    const auto lower_case_word = [&](absl::string_view w) {
      auto [it, added] = known.try_emplace(w, false);
      if (added) {
        it->second = HasWord(text, absl::AsciiStrToLower(w)) &&
                     !CapitalisedInSentence(text, w);
      }
      return it->second;
    };
    for (size_t i = 0; i < findings.size(); ++i) {
      Finding& f = findings[i];
      if (f.drop || f.direct || f.speaker.end <= f.speaker.begin) continue;
      const internal::Resolution& r = speaker[i];
      if (r.kind == v1::MENTION_KIND_NAME) {
        // A name speaks; not a capitalised word opening a sentence that
        // the text writes in lower case and never capitalises inside a
        // sentence ("Well may the mill stand idle", "Cart horses, ..., adding").
        const absl::string_view w = Slice(text, f.speaker);
        if (w.find_first_of(" \n") == absl::string_view::npos &&
            lower_case_word(w)) {
          f.drop = true;
          continue;
        }
        if (r.entity < 0) continue;
      }
      if (r.entity >= 0) {
        if (resolver.entities()[r.entity].type != v1::ENTITY_TYPE_PERSON) f.drop = true;
        continue;
      }
      if (r.kind != v1::MENTION_KIND_PRONOUN) {
        f.drop = true;
        continue;
      }
      const std::string word = absl::AsciiStrToLower(Slice(text, f.speaker));
      if (word != "i" && word != "he" && word != "she" && word != "we" && word != "they") {
        f.drop = true;
      }
    }
  }
  // '"Oh yes," he replied, "... Do you know him?" Strether wound up.': in a
  // book, a name right after the last quotation of a paragraph whose cue
  // says "he" or "she" ends the same utterance: the pronoun is that person
  // (not the man named last before it), when of the pronoun's sex.
  if (layout.hard_wrapped) {
    for (size_t i = 0; i < findings.size(); ++i) {
      const Finding& f = findings[i];
      if (f.drop || !f.direct || f.speaker.end <= f.speaker.begin ||
          speaker[i].kind != v1::MENTION_KIND_PRONOUN || f.speaker.end > f.content.back().begin) {
        continue;
      }
      const char sex = PronounSex(*lexicon, Slice(text, f.speaker));
      if (sex == 0) continue;
      int e = NamedBeatSubject(text, layout, f, resolver);
      if (e < 0 && BeatSubject(text, layout, f, resolver) < 0) {
        // A name the resolver placed nowhere in the narration yet: the
        // capitalised word right after the closing mark, then a word in
        // lower case ("Strether wound up").
        uint32_t b = f.content.back().end;
        const uint32_t end = layout.paragraphs[f.paragraph].end;
        while (b < end && !absl::ascii_isalpha(static_cast<unsigned char>(text[b]))) ++b;
        uint32_t w = b;
        while (w < end && absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) ++w;
        if (w > b && absl::ascii_isupper(static_cast<unsigned char>(text[b])) && w + 1 < end &&
            text[w] == ' ' && absl::ascii_islower(static_cast<unsigned char>(text[w + 1]))) {
          e = resolver.PersonNamed(text.substr(b, w - b));
        }
      }
      if (e < 0 || e == speaker[i].entity) continue;
      const internal::ResolvedEntity& named = resolver.entities()[e];
      if (named.type != v1::ENTITY_TYPE_PERSON) continue;
      // The quotation ends its sentence with a period ('"I'll see to it."
      // Anna went in.'): what follows is a new sentence about whoever.
      const Range last = f.content.back();
      uint32_t q = last.end;
      while (q > last.begin && !absl::ascii_isalpha(static_cast<unsigned char>(text[q - 1])) &&
             text[q - 1] != '.' && text[q - 1] != '?' && text[q - 1] != '!' &&
             text[q - 1] != ',') {
        --q;
      }
      if (q == last.begin || text[q - 1] == '.') continue;
      speaker[i].entity = e;
    }
  }
  bool dialogue = false;
  AssignDialogueTurns(text, layout, resolver, &findings, &speaker, &addressee,
                      &dialogue);
  if (dialogue && layout.hard_wrapped) {
    AlternateExchanges(text, resolver, &findings, &speaker);
  }
  // "Her name was Martha Quill, but the carters called her Granny": in a
  // book the narration names one it knew only by a description ("my
  // grandmother"); her turns are hers by that name.
  if (layout.hard_wrapped) NameTheDescribed(text, layout, *lexicon, &resolver);
  // Nobody calls himself by name: in a book a quotation the narration
  // gives its speaker (narration_quote, narrated_turn: the one the
  // narration is about) that calls that one by name after other words
  // ('"Wait a minute, Alexandra. Why can't I drive you?"') is the other
  // one's, the person named last before it. (A name that opens the
  // quotation may answer with the speaker's own: "Stroud, of Bristol.")
  if (layout.hard_wrapped) {
    for (size_t i = 0; i < findings.size(); ++i) {
      Finding& f = findings[i];
      if (f.drop || !f.direct || f.builtin_rule == nullptr || speaker[i].entity < 0) continue;
      const absl::string_view rule = f.builtin_rule;
      if (rule != "narration_quote" && rule != "narrated_turn") continue;
      bool calls_speaker = false;
      for (const Range& r : f.content) {
        ForEachVocativeWord(
            text, resolver.lexicon(), r,
            [&](absl::string_view w) {
              calls_speaker = w.data() != text.data() + r.begin &&
                              resolver.PersonNamed(w) == speaker[i].entity;
              return calls_speaker;
            },
            /*wide=*/true);
        if (calls_speaker) break;
      }
      if (!calls_speaker) continue;
      const int e = resolver.OtherPerson(speaker[i].entity, f.content.front().begin);
      f.speaker = Range();
      speaker[i] = e >= 0 ? internal::Resolution{e, v1::MENTION_KIND_NAME}
                          : internal::Resolution();
    }
  }
  // A claim that goes on reporting the same speaker as the one before keeps
  // its intermediary only while it goes on with what the intermediary
  // reports: in the same sentence ("X reaffirmed C and said C2, according
  // to the statement"), as a quotation that continues the claim ("'A,' X
  // told Y, according to The Post. 'B,' he added."), or in the sentence
  // right after a document's report, where the speaker comes back as a
  // title or pronoun ("a statement said X told Y C. / The minister also
  // called on ..."). A speaker named anew, or one a person or outlet
  // relayed once ("X said C, according to Y. / On Tuesday, X said C2"),
  // speaks for themselves.
  std::vector<int>& via = scratch.via;
  via.assign(findings.size(), -1);
  for (size_t i = 0; i < findings.size(); ++i) {
    via[i] = findings[i].via;
    // "X said he had told aides that C": what a speaker reports of their own
    // words is no claim reported through an intermediary.
    if (via[i] >= 0 && speaker[i].entity >= 0 && speaker[via[i]].entity == speaker[i].entity) {
      via[i] = -1;
    }
    if (via[i] < 0 && i > 0 && via[i - 1] >= 0 && speaker[i].entity >= 0 &&
        speaker[i].entity == speaker[i - 1].entity &&
        findings[i].paragraph - findings[i - 1].paragraph <= 1) {
      const Finding& f = findings[i];
      const Finding& prev = findings[i - 1];
      const bool goes_on =
          f.unit == prev.unit || f.follows == static_cast<int>(i) - 1 ||
          (findings[via[i - 1]].document && f.unit == prev.unit + 1 &&
           speaker[i].kind != v1::MENTION_KIND_NAME);
      if (goes_on) via[i] = via[i - 1];
    }
  }

  // A quoted fragment that goes on with the reporter's clause: the claim
  // is the clause, its kind mixed (FragmentClauseStart).
  if (!layout.hard_wrapped) {
    for (Finding& f : findings) {
      if (f.drop) continue;
      const uint32_t start = FragmentClauseStart(text, layout, *lexicon, f);
      if (start == 0) continue;
      const auto q = internal::QuoteAt(layout, f.content.front().begin);
      f.content.front() = Range{start, q->closed ? q->close_end : q->end};
      // "said the people of upstate New York \"have ...\"": the noun phrase
      // the rule took for the one spoken to is the clause's subject.
      if (f.addressee.begin >= start && f.addressee.end <= q->open)
        f.addressee = Range{};
      f.direct = false;
      f.mixed = true;
    }
  }

  const auto& rules = lexicon->rules();
  // The confidence of each finding's claim: its rule's (less for a turn of
  // dialogue or a quote paragraph inherited from another claim), moved by
  // what the rule cannot tell of the claim (confidence.tsv).
  std::vector<float>& confidence = scratch.confidence;
  std::vector<uint8_t>& features = scratch.features;
  confidence.resize(findings.size());
  features.resize(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.drop) continue;  // no claim
    float base = f.rule >= 0 ? rules[f.rule].confidence : 0.6f;
    if (f.inherited) base *= 0.9f;
    features[i] = ConfidenceFeatures(text, *lexicon, f, speaker[i]);
    confidence[i] = ClaimConfidence(lexicon->confidence_model(), base, features[i]);
    if (min_confidence > 0 && confidence[i] < min_confidence) findings[i].drop = true;
  }
  std::vector<ClaimIdText>& ids = scratch.ids;
  ids.assign(findings.size(), ClaimIdText());
  const uint64_t doc_hash = Fnv1a(doc.id());
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].drop) continue;  // no claim, no id
    ids[i] = ClaimId(doc_hash, findings[i].content, findings[i].cue);
  }
  std::vector<bool>& used_entity = scratch.used_entity;
  used_entity.assign(resolver.entities().size(), false);
  // (Empty strings, each with the memory an id of the last document gave it.)
  std::vector<std::string>& entity_ids = scratch.entity_ids;
  entity_ids.resize(resolver.entities().size());
  for (std::string& id : entity_ids) id.clear();
  const int first_claim = out->claims_size();
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (f.drop) continue;
    const bool split =
        layout.hard_wrapped && f.direct && f.content.size() > 1;
    for (size_t part = 0; part < (split ? f.content.size() : 1); ++part) {
    absl::Span<const Range> content = f.content;
    if (split) content = absl::Span<const Range>(&f.content[part], 1);
    v1::Claim* c = out->add_claims();
    Assign(c->mutable_id(),
           (split ? ClaimId(doc_hash, content, f.cue) : ids[i]).view());
    Assign(c->mutable_document_id(), doc.id());
    // The parts joined by " ... ", built in place.
    std::string* joined = c->mutable_content();
    for (const Range& r : content) {
      if (&r != &content.front()) joined->append(" ... ");
      absl::string_view part = Slice(shown, r);
      if (links) {
        AppendClosingUpSpaces(joined, part);
      } else {
        joined->append(part.data(), part.size());
      }
      // '"No," she said.': a part that is a whole quotation spans its
      // quotation marks too (both gold corpora mark the quotation as
      // written, and the marks weigh most on the shortest quotations);
      // the content text stays the words.
      Range marked = r;
      const auto q = internal::QuoteAt(layout, r.begin);
      if (q != layout.quotes.end() && q->end == r.end && q->closed) {
        marked = Range{q->open, q->close_end};
      }
      SetSpan(marked, c->add_content_parts());
    }
    c->set_kind(KindOfContent(text, layout, content, f.cue));
    const internal::CueEntry* cue =
        f.cue_index >= 0 ? &lexicon->cues()[f.cue_index] : nullptr;
    if (f.cue.end > f.cue.begin) {
      Assign(parts->Cue(c)->mutable_text(), Slice(shown, f.cue));
      SetSpan(f.cue, parts->SpanOf(parts->Cue(c)));
    }
    if (cue != nullptr) Assign(parts->Cue(c)->mutable_lemma(), cue->lemma);
    // "did not say C": readers see the negation (and no stance, below).
    if (f.negated) parts->Cue(c)->set_negated(true);
    if (f.speaker.end > f.speaker.begin) {
      FillMention(shown, links, blanked, f.speaker, speaker[i], resolver, &entity_ids, parts,
                  parts->Speaker(c));
      if (speaker[i].entity >= 0) used_entity[speaker[i].entity] = true;
    } else if (speaker[i].entity >= 0) {
      // A turn of dialogue given to a person not named at the quote.
      const internal::ResolvedEntity& e = resolver.entities()[speaker[i].entity];
      v1::Mention* m = parts->Speaker(c);
      AssignName(m->mutable_text(), e.canonical, blanked);
      m->set_kind(speaker[i].kind);
      std::string& id = entity_ids[speaker[i].entity];
      if (id.empty()) internal::SpeakerResolver::EntityId(e, &id);
      Assign(m->mutable_entity_id(), id);
      AssignName(m->mutable_canonical_name(), WithoutStrayMarks(e.canonical), blanked);
      m->set_entity_type(e.type);
      used_entity[speaker[i].entity] = true;
    }
    if (f.addressee.end > f.addressee.begin) {
      FillMention(shown, links, blanked, f.addressee, addressee[i], resolver, &entity_ids, parts,
                  parts->Addressee(c));
      if (addressee[i].entity >= 0) used_entity[addressee[i].entity] = true;
    }
    if (via[i] >= 0) {
      const Finding& outer = findings[via[i]];
      if (outer.speaker.end > outer.speaker.begin) {
        FillMention(shown, links, blanked, outer.speaker, speaker[via[i]], resolver, &entity_ids,
                    parts, parts->ReportedVia(c));
        if (speaker[via[i]].entity >= 0) used_entity[speaker[via[i]].entity] = true;
      }
      if (!outer.drop) Assign(c->mutable_reported_via_claim_id(), ids[via[i]].view());
    }
    v1::Stance stance = cue != nullptr ? cue->stance : v1::STANCE_ASSERT;
    if (cue != nullptr && cue->stance_from_content) {
      // The first claim whose cue lies in this one's content.
      for (size_t j = i + 1; j < findings.size() && stance == cue->stance; ++j) {
        const Finding& g = findings[j];
        if (g.cue_index < 0 || g.cue.end <= g.cue.begin) continue;
        for (const Range& r : f.content) {
          if (r.begin <= g.cue.begin && g.cue.end <= r.end) {
            stance = lexicon->cues()[g.cue_index].stance;
            break;
          }
        }
      }
    }
    if (stance == v1::STANCE_ASSERT && !f.direct) {
      stance = ContentStance(c->content(), stance);
    }
    if (f.without_evidence &&
        (stance == v1::STANCE_ASSERT || stance == v1::STANCE_CLAIM)) {
      stance = v1::STANCE_CLAIM;
      c->set_without_evidence(true);
    }
    // "did not deny C" neither denies nor asserts C: no stance.
    if (f.negated) stance = v1::STANCE_UNSPECIFIED;
    c->set_stance(stance);
    c->set_confidence(confidence[i]);
    Assign(c->mutable_rule(), f.rule >= 0 ? absl::string_view(rules[f.rule].name)
                              : absl::string_view(f.builtin_rule ? f.builtin_rule : ""));
    if (rule_with_confidence_features) {
      for (int k = 0; k < internal::kConfidenceFeatures; ++k) {
        if (features[i] & (1u << k)) {
          absl::StrAppend(c->mutable_rule(), "+", internal::kConfidenceFeatureNames[k]);
        }
      }
      if (f.inherited) absl::StrAppend(c->mutable_rule(), "+inherited");
    }
    Assign(c->mutable_extractor_version(), kExtractorVersion);
    if (doc.has_published()) *c->mutable_published() = doc.published();
    }  // part
  }
  // Topics, the document's claims one after another: the tagger's table is
  // larger than the first-level cache, and each claim's other work leaves
  // little of it there, so tagged between them each claim's walk began
  // with some twenty misses; in a row, the lines its common states use
  // stay for the next claim.
  if (topics != nullptr) {
    std::vector<std::string>& topic_names = scratch.topic_names;  // a claim's
    for (int k = first_claim; k < out->claims_size(); ++k) {
      v1::Claim* c = out->mutable_claims(k);
      topic_names.clear();
      topics->Tag(c->content(), &topic_names);
      for (std::string& name : topic_names) c->add_topics(std::move(name));
    }
  }
  // (A writer of claims alone reads none of them: no need to gather them.)
  for (size_t e = 0; with_entities && e < used_entity.size(); ++e) {
    if (!used_entity[e]) continue;
    const internal::ResolvedEntity& re = resolver.entities()[e];
    v1::Entity* ent = out->add_entities();
    if (entity_ids[e].empty()) {
      internal::SpeakerResolver::EntityId(re, &entity_ids[e]);
    }
    ent->set_id(std::move(entity_ids[e]));
    AssignName(ent->mutable_canonical_name(), WithoutStrayMarks(re.canonical), blanked);
    ent->set_type(re.type);
    Assign(ent->mutable_affiliation(), re.affiliation);
    for (const std::string& role : re.roles) {
      v1::Role* r = ent->add_roles();
      Assign(r->mutable_title(), role);
      Assign(r->mutable_document_id(), doc.id());
      if (doc.has_published()) *r->mutable_seen() = doc.published();
    }
    for (const std::string& alias : re.aliases) ent->add_aliases(alias);
  }
  return absl::OkStatus();
}

Extractor::Extractor(std::unique_ptr<ExtractorImpl> impl)
    : impl_(std::move(impl)) {}
std::vector<Extractor::TaggedUnit> Extractor::TagUnits(
    absl::string_view text) const {
  std::vector<TaggedUnit> out;
  if (!internal::ValidateUtf8(text).ok()) return out;
  internal::TextLayout layout;
  std::string blanked;
  // (The text the rules read, as Extract() makes it.)
  text = MakeReadable(text, *impl_->segmenter, &layout, &blanked).text;
  std::vector<std::pair<Range, std::string>> units;
  impl_->attributor->TagUnits(text, layout, &units);
  for (auto& [range, tags] : units) {
    out.push_back(TaggedUnit{range.begin, range.end, std::move(tags)});
  }
  return out;
}

Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    const ExtractorOptions& options) {
  if (!(options.min_confidence >= 0 && options.min_confidence <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "min_confidence must be from 0 to 1, not ", options.min_confidence));
  }
  auto impl = std::make_unique<ExtractorImpl>();
  auto lex = internal::Lexicon::Load(options.lexicon_dir);
  if (!lex.ok()) return lex.status();
  impl->lexicon = *std::move(lex);
  impl->segmenter = std::make_unique<internal::Segmenter>(
      impl->lexicon->abbreviation_lexicon());
  auto attributor = internal::Attributor::Create(impl->lexicon.get());
  if (!attributor.ok()) return attributor.status();
  impl->attributor = *std::move(attributor);
  auto topics = options.topics_file.empty()
                    ? TopicTagger::Create(impl->lexicon->topics_text(),
                                          "topics.textproto")
                    : TopicTagger::CreateFromFile(options.topics_file);
  if (!topics.ok()) return topics.status();
  absl::Status stances = impl->CompileContentStances();
  if (!stances.ok()) return stances;
  impl->topics = *std::move(topics);
  impl->max_bytes = options.max_document_bytes;
  impl->min_confidence = options.min_confidence;
  impl->rule_with_confidence_features = options.rule_with_confidence_features;
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

absl::Status Extractor::Extract(const v1::Document& doc,
                                v1::Extraction* out) const {
  absl::Status s = ExtractClaims(doc, out);
  if (s.ok()) out->mutable_document()->set_text(doc.text());
  return s;
}

absl::Status Extractor::ExtractClaims(const v1::Document& doc,
                                      v1::Extraction* out) const {
  return ExtractClaims(doc, out, /*text_checked=*/false);
}

absl::Status Extractor::ExtractClaims(const v1::Document& doc,
                                      v1::Extraction* out, bool text_checked,
                                      bool with_entities) const {
  // The claims' cues and mentions are kept for this document's claims, not
  // freed by Clear(). The pool outlives the call (one per thread): the
  // parts a short document leaves over serve the next long one, which would
  // otherwise allocate them anew while the short one's were freed.
  thread_local ClaimParts parts;
  parts.TakeFrom(out);
  out->Clear();
  absl::Status s = impl_->Extract(doc, out, text_checked, &parts, with_entities);
  if (!s.ok()) {
    out->Clear();
    return s;
  }
  // Everything but the text, which callers of this variant keep already.
  v1::Document* d = parts.Document(out);
  d->set_id(doc.id());
  d->set_url(doc.url());
  d->set_title(doc.title());
  d->set_outlet(doc.outlet());
  if (doc.has_published()) *d->mutable_published() = doc.published();
  d->set_language(doc.language());
  return s;
}

}  // namespace whosaid
