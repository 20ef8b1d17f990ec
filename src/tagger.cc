#include "internal/tagger.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/base/optimization.h"
#include "absl/numeric/bits.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "internal/byte_masks.h"

namespace whosaid {
namespace internal {
namespace {

// "then-Gov.", "ex-Sen.": the word after the last hyphen is an abbreviation.
// (Out of line: it is rare, and the tokenizer's loop is hot.)
ABSL_ATTRIBUTE_NOINLINE bool TitleAfterHyphen(
    const absl::flat_hash_set<std::string>& abbreviations, absl::string_view w) {
  const char* h = static_cast<const char*>(memrchr(w.data(), '-', w.size()));
  return h != nullptr && h > w.data() && h + 3 <= w.data() + w.size() &&
         abbreviations.contains(w.substr(static_cast<size_t>(h + 1 - w.data())));
}

// Multi-byte punctuation that never belongs to a word: its length, and the
// tag it gets when it is not a paired quote mark.
// (Inlined: it is on the path of every word byte, through IsWordByte().)
ABSL_ATTRIBUTE_ALWAYS_INLINE inline int PunctuationAt(absl::string_view t,
                                                      size_t i, char* tag) {
  unsigned char c = t[i];
  if (c == 0xC2 && i + 1 < t.size()) {
    unsigned char d = t[i + 1];
    if (d == 0xAB || d == 0xBB) { *tag = '-'; return 2; }  // « »
    if (d == 0xA0) { *tag = ' '; return 2; }               // no-break space
    return 0;
  }
  if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = t[i + 2];
    switch (d) {
      case 0x9C: case 0x9D: case 0x9E: case 0x9F: case 0xB3:  // “ ” „ ‟ ″
      case 0x98: case 0x99:                                   // ‘ ’
        *tag = '-';
        return 3;
      case 0x93: case 0x94: case 0x95:  // – — ―
        *tag = '~';
        return 3;
      case 0xA6:  // …
        *tag = '.';
        return 3;
      case 0x8B: case 0xAF: case 0x89: case 0x8A: case 0x88: case 0x87:
        *tag = ' ';  // zero-width and narrow spaces
        return 3;
      default:
        return 0;
    }
  }
  return 0;
}

// ASCII letters and digits, by byte (every byte, so that a scan needs no
// test for ASCII first); and each byte lower-cased if an ASCII letter.
struct AsciiAlnumTable {
  bool is[256];
  char lower[256];
  // For IsWordByte(): 1 a word byte, 0 not, 2 the lead byte of a
  // character PunctuationAt() may know.
  uint8_t word[256];
  // Bytes after a run of ASCII letters and digits that may carry its word
  // on (- & . , ' and any byte of a multi-byte character); after any other
  // byte the word ends there.
  bool goes_on[256];
  // Letters and digits other than n and N: they can only begin a word (an
  // apostrophe, multi-byte punctuation and n't begin otherwise).
  bool starts_word[256];
  // The tag of ASCII punctuation that is a token of one byte wherever it
  // stands, unless a quote mark: , : ; . ! ? ( ) [ ]. Else 0.
  char punctuation[256];
};
constexpr AsciiAlnumTable MakeAsciiAlnumTable() {
  AsciiAlnumTable t{};
  for (int c = 0; c < 256; ++c) {
    t.is[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
              (c >= 'a' && c <= 'z');
    t.lower[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    t.word[c] = c < 0x80 ? t.is[c] : (c == 0xC2 || c == 0xE2 ? 2 : 1);
    t.goes_on[c] = c >= 0x80 || c == '-' || c == '&' || c == '.' || c == ',' ||
                   c == '\'';
    t.starts_word[c] = t.is[c] && c != 'n' && c != 'N';
  }
  for (char c : {',', ':', ';', '.', '(', ')'}) t.punctuation[static_cast<int>(c)] = c;
  t.punctuation[static_cast<int>('!')] = t.punctuation[static_cast<int>('?')] = '.';
  t.punctuation[static_cast<int>('[')] = '(';
  t.punctuation[static_cast<int>(']')] = ')';
  return t;
}
constexpr AsciiAlnumTable kAsciiAlnum = MakeAsciiAlnumTable();

// The tags after which a word begins a sentence (or what reads as one): an
// opening quote mark, a sentence end, a colon, a parenthesis, a dash.
struct OpensSentenceTable {
  bool after[256];
};
constexpr OpensSentenceTable MakeOpensSentenceTable() {
  OpensSentenceTable t{};
  for (char c : {'q', '.', ':', '(', ';', '~'}) t.after[static_cast<unsigned char>(c)] = true;
  return t;
}
constexpr OpensSentenceTable kOpensSentence = MakeOpensSentenceTable();

// Letters, digits and multi-byte characters other than the punctuation of
// PunctuationAt(), whose lead bytes are 0xC2 and 0xE2.
inline bool IsWordByte(absl::string_view t, size_t i) {
  const uint8_t w = kAsciiAlnum.word[static_cast<unsigned char>(t[i])];
  if (w != 2) return w != 0;
  char tag;
  return PunctuationAt(t, i, &tag) == 0;
}

bool IsApostrophe(absl::string_view t, size_t i, size_t* len) {
  if (t[i] == '\'') { *len = 1; return true; }
  if (i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
      static_cast<unsigned char>(t[i + 1]) == 0x80 &&
      static_cast<unsigned char>(t[i + 2]) == 0x99) {
    *len = 3;
    return true;
  }
  return false;
}

// The length of a contraction of an auxiliary at `k`, right after an
// apostrophe: d, ll, ve, re or m ("he'd", "we'll", "they've", "you're",
// "I'm") ending the word; 0 if none. (Not a name's apostrophe: "O'Neill",
// "D'Amato" go on past it.)
size_t ContractionLength(absl::string_view t, size_t k, size_t end) {
  size_t len = 0;
  const char a = k < end ? absl::ascii_tolower(t[k]) : 0;
  const char b = k + 1 < end ? absl::ascii_tolower(t[k + 1]) : 0;
  if (a == 'd' || a == 'm') {
    len = 1;
  } else if ((a == 'l' && b == 'l') || (a == 'v' && b == 'e') ||
             (a == 'r' && b == 'e')) {
    len = 2;
  } else {
    return 0;
  }
  return k + len >= end || !IsWordByte(t, k + len) ? len : 0;
}

bool StartsUpper(absl::string_view t, size_t i) {
  unsigned char c = t[i];
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 supplement upper case: U+00C0..U+00DE.
  if (c == 0xC3 && i + 1 < t.size()) {
    unsigned char d = t[i + 1];
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

#ifndef __SSE2__
// The high bit of each of the 8 bytes in `v` (in memory order, little
// endian) that is not an ASCII letter or digit. Per byte, for bytes below
// 0x80: x + (0x80 - lo) has its high bit set from lo on, x + (0x7F - hi)
// after hi, and no sum carries into the next byte. A byte from 0x80 on is
// marked by its own high bit; a carry out of it only changes the bytes
// after it, and only the first marked byte is read.
inline uint64_t NotAlnum8(uint64_t v) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  auto in_range = [](uint64_t x, uint64_t lo, uint64_t hi) {
    return (x + kOnes * (0x80 - lo)) & ~(x + kOnes * (0x7F - hi)) & kHigh;
  };
  const uint64_t letter = in_range(v | (kOnes * 0x20), 'a', 'z');
  const uint64_t digit = in_range(v, '0', '9');
  return (~(letter | digit) | v) & kHigh;
}
#endif  // __SSE2__

#ifdef __SSE2__
// Sixteen bytes a step: the tokenizer finds where a word ends and looks it
// up from one load of the bytes at its start (NotAlnum16(), byte_masks.h).

// Sixteen bytes of ones, then sixteen of zeros: the sixteen from
// kPrefixMask + 16 - n keep the first n bytes of a vector.
constexpr char kPrefixMask[32] = {-1, -1, -1, -1, -1, -1, -1, -1,
                                  -1, -1, -1, -1, -1, -1, -1, -1};

// Whether the run of ASCII letters and digits of a word that ends at t[j],
// before a byte that may carry a word on (kAsciiAlnum.goes_on; j < end), is
// a word of its own, as the general path of Tokenize() reads it (but an
// abbreviation keeps a period after it: see the caller): before multi-byte
// punctuation (a closing \u201D, a dash); before an apostrophe, ' or
// \u2019, that no word byte follows, or a possessive s ("voters'", "Trump's",
// "Trump\u2019s"); before a comma, but between digits ("1,000"); before a
// period that no word byte follows, or between a digit and a letter
// ("2016.The"; not "U.S", "3.5"). Where the general path reads on past the
// byte ("vice-president", "AT&T", "O'Neill", a letter of two bytes) or
// splits the word elsewhere ("don't", "he'd"), false.
// (A quote mark may stand at t[j], the closing single mark of "'Vote
// Trump'": the general path ends the word there too, and the loop then
// reads the mark.)
ABSL_ATTRIBUTE_ALWAYS_INLINE inline bool RunEndsBefore(absl::string_view t,
                                                       size_t j, size_t end) {
  const char* const p = t.data();
  auto word_at = [&](size_t k) { return k < end && IsWordByte(t, k); };
  // An apostrophe that ends at k.
  auto apostrophe_ends_run = [&](size_t k) {
    return !word_at(k) || ((p[k] == 's' || p[k] == 'S') && !word_at(k + 1));
  };
  const unsigned char d = p[j];
  if (d >= 0x80) {
    char tag;
    if (PunctuationAt(t, j, &tag) == 0) return false;
    // (PunctuationAt() read 0x80 after a lead byte 0xE2.)
    return d != 0xE2 || static_cast<unsigned char>(p[j + 2]) != 0x99 ||
           apostrophe_ends_run(j + 3);
  }
  switch (d) {
    case '\'':
      return apostrophe_ends_run(j + 1);
    case ',':
      return !(j + 1 < end && absl::ascii_isdigit(p[j - 1]) &&
               absl::ascii_isdigit(p[j + 1]));
    case '.':
      return !word_at(j + 1) ||
             absl::ascii_isdigit(p[j - 1]) != absl::ascii_isdigit(p[j + 1]);
    default:
      return false;
  }
}

// `x` with its ASCII upper-case letters lower-cased, and its bytes from
// `len` (at most 16) on zeroed.
inline __m128i LowerPrefix16(__m128i x, size_t len) {
  const __m128i upper =
      _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8(0x80 - 'A')),
                     _mm_set1_epi8(static_cast<char>(0x80 + 26)));
  const __m128i kept =
      _mm_loadu_si128(reinterpret_cast<const __m128i*>(kPrefixMask + 16 - len));
  return _mm_and_si128(_mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))),
                       kept);
}
#endif  // __SSE2__

// Lower-cases the ASCII letters of 8 (or 4) bytes at `in` into `out`, if
// every byte is ASCII; else returns false. With every byte below 0x80
// neither sum carries into the next byte: the high bit of a byte is set in
// the first from 'A' on, in the second after 'Z', and 0x80 >> 2 is 'a' - 'A'.
template <typename Word>
inline bool LowerAscii(const char* in, char* out) {
  constexpr Word kHigh = static_cast<Word>(0x8080808080808080ull);
  Word v;
  std::memcpy(&v, in, sizeof(v));
  if ((v & kHigh) != 0) return false;
  const Word upper = (v + static_cast<Word>(0x3F3F3F3F3F3F3F3Full)) &
                     ~(v + static_cast<Word>(0x2525252525252525ull)) & kHigh;
  v |= upper >> 2;
  std::memcpy(out, &v, sizeof(v));
  return true;
}

// Writes `word` with its ASCII letters lower-cased and each \u2019 made an
// apostrophe to `out` (room for word.size() bytes), and returns it.
// (Inlined: WordTag() calls it for every word.)
ABSL_ATTRIBUTE_ALWAYS_INLINE inline absl::string_view LowerWord(
    absl::string_view word, char* out) {
  // (Called for every word.) An ASCII word of 4 bytes or more goes a word
  // at a time, its last chunk overlapping the one before (lower-casing a
  // byte twice changes nothing); any other word, byte by byte below.
  const size_t size = word.size();
  const char* const p = word.data();
  if (size >= 8) {
    size_t k = 0;
    bool ascii = true;
    for (; ascii && k + 8 <= size; k += 8) {
      ascii = LowerAscii<uint64_t>(p + k, out + k);
    }
    if (ascii &&
        (k == size || LowerAscii<uint64_t>(p + size - 8, out + size - 8))) {
      return absl::string_view(out, size);
    }
  } else if (size >= 4 && LowerAscii<uint32_t>(p, out) &&
             LowerAscii<uint32_t>(p + size - 4, out + size - 4)) {
    return absl::string_view(out, size);
  } else if (size < 3 || (size == 3 && static_cast<unsigned char>(p[0]) != 0xE2)) {
    // Too short to hold a \u2019 after a first byte: byte by byte, with no
    // test for one.
    for (size_t k = 0; k < size; ++k) {
      out[k] = kAsciiAlnum.lower[static_cast<unsigned char>(p[k])];
    }
    return absl::string_view(out, size);
  }
  size_t n = 0;
  for (size_t k = 0; k < size; ++k) {
    const unsigned char c = p[k];
    if (c == 0xE2 && k + 2 < size && p[k + 1] == '\x80' && p[k + 2] == '\x99') {
      out[n++] = '\'';
      k += 2;
      continue;
    }
    out[n++] = kAsciiAlnum.lower[c];
  }
  return absl::string_view(out, n);
}

// `word`, one Tag() looked up as it read it (see WordTag()), lower-cased
// into `out` (16 bytes).
inline absl::string_view LowerLookedUp(absl::string_view word, char* out) {
#ifdef __SSE2__
  _mm_storeu_si128(
      reinterpret_cast<__m128i*>(out),
      LowerPrefix16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(word.data())),
                    word.size()));
  return absl::string_view(out, word.size());
#else
  return LowerWord(word, out);
#endif
}

// The text of a token. (Not substr(), which tests the bounds: a token lies
// inside the text, and this runs for every word.)
inline absl::string_view TokenText(absl::string_view text, const Token& t) {
  return absl::string_view(text.data() + t.begin, t.end - t.begin);
}

// Whether token j is a single quotation mark that opens a quotation: the
// tokenizer tags it as other punctuation, for it may be an apostrophe.
// (Not inside a quotation in double marks, where single marks quote
// someone the speaker quotes: "X tweeted: \"Recap ... Roe: 'Q'\"".)
inline bool IsSingleQuoteOpening(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t j) {
  if (j + 1 >= tokens.size() || tags[j] != '-') return false;
  const absl::string_view w = TokenText(text, tokens[j]);
  // (It opens a word: no space after it, a letter first; not a closing
  // mark after a colon inside the quotation, "'At what cost:' X agreed".)
  if ((w != "'" && w != "\u2018") || tokens[j + 1].begin != tokens[j].end ||
      !absl::ascii_isalpha(
          static_cast<unsigned char>(text[tokens[j + 1].begin]))) {
    return false;
  }
  const size_t open = tags.rfind('q', j);
  if (open != std::string::npos && tags.find('Q', open) > j) return false;
  // (Nor one whose closing mark runs on into a capitalised word, a dash or
  // a colon: the unit runs two lines together, "Cheney: 'Q' He says C",
  // "X: 'Q' - Fox News: \"Q\"", and the words after it are no part of
  // the quotation's line.)
  for (size_t c = j + 2; c < tokens.size(); ++c) {
    const absl::string_view m = TokenText(text, tokens[c]);
    if ((m != "'" && m != "\u2019") || tokens[c].begin != tokens[c - 1].end ||
        (c + 1 < tokens.size() && tokens[c + 1].begin == tokens[c].end)) {
      continue;
    }
    return c + 1 >= tokens.size() ||
           !(tokens[c + 1].cap || IsOneOf(":~", tags[c + 1]));
  }
  return true;
}

// Whether a token of two bytes is "in", in any case. (Only 'I' and 'i' are
// 'i' with 0x20 set, and only 'N' and 'n' are 'n'.)
inline bool IsWordIn(absl::string_view text, const Token& t) {
  const char* w = text.data() + t.begin;
  return (w[0] | 0x20) == 'i' && (w[1] | 0x20) == 'n';
}

// Whether token k + 1 opens an amount, a digit or "$" ("about $9 billion",
// "about 300 beds"), not a date ("about 9/11"): after one, a preposition
// that would close a cue's form ("spoke about") is no preposition.
bool AmountAfter(absl::string_view text, const std::vector<Token>& tokens, size_t k) {
  if (k + 1 >= tokens.size()) return false;
  const Token& t = tokens[k + 1];
  const char c = text[t.begin];
  return (absl::ascii_isdigit(c) || c == '$') && !(t.end < text.size() && text[t.end] == '/');
}

// True if a lower-case word has the shape of an attributive adjective:
// a derivational ending ("derogatory", "dangerous", "similar", "public") or
// a hyphenated compound of lower-case words ("early-morning").
// Only a guess from the spelling; the caller uses it where a noun reading
// of the next word is likely anyway.
bool AdjectiveShaped(absl::string_view w) {
  if (w.size() < 5) return false;
  for (char c : w) {
    if (!(c >= 'a' && c <= 'z') && c != '-') return false;
  }
  if (w.find('-') != absl::string_view::npos) {
    return w.front() != '-' && w.back() != '-';
  }
  static constexpr absl::string_view kEndings[] = {
      "ous", "ful", "less", "able", "ible", "ory", "ic", "ar", "ish"};
  // (Not "-ive", "-ent", "-ant", "-ary", "-al": "representative", "document",
  // "consultant", "secretary", "editorial" head noun phrases that speak.)
  for (absl::string_view e : kEndings) {
    if (absl::EndsWith(w, e)) return true;
  }
  return false;
}

// True if a lower-case word may be a verb in -s of a singular subject
// ("follows", "cites"): ends in "s", but not as a singular noun does ("-ss",
// "-us", "-is", "-ics": "press", "campus", "analysis", "politics").
// A plural noun in its place would have no verb in -s after it.
bool VerbShapedInS(absl::string_view w) {
  if (w.size() < 5) return false;  // (not "news")
  for (char c : w) {
    if (!(c >= 'a' && c <= 'z')) return false;
  }
  if (w.back() != 's') return false;
  static constexpr absl::string_view kSingularEndings[] = {"ss", "us", "is", "ics"};
  for (absl::string_view e : kSingularEndings) {
    if (absl::EndsWith(w, e)) return false;
  }
  return true;
}

// Whether the token modifies the noun after it: a modifier, or a
// lower-case word not in -s unless shaped like an adjective ("his
// infamous"; not "his aides claim": a word in -s there is a plural
// subject).
bool ModifiesNoun(absl::string_view text, const Token& token) {
  if (token.tag == 'j') return true;
  if (token.tag != 'o') return false;
  const absl::string_view w = TokenText(text, token);
  return !absl::EndsWith(w, "s") || AdjectiveShaped(w);
}

// Where the possessive stands that one or two modifiers separate from the
// word at i ("his infamous", "his famous recent"); an adverb-like word may
// come first ("her earlier", "his widely mocked"), but only after a
// possessive pronoun (after 's, which may be "is" or "has", it may open a
// verb phrase: "the mayor's now"); 0 if none.
// (Out of line: few words are noun cues.)
ABSL_ATTRIBUTE_NOINLINE size_t PossessiveBeforeModifiers(absl::string_view text,
                                                         const std::vector<Token>& tokens,
                                                         size_t i) {
  if (i < 2) return 0;
  const char before = tokens[i - 2].tag;
  if (tokens[i - 1].tag == 'l') return before == 'p' ? i - 2 : 0;
  if (!ModifiesNoun(text, tokens[i - 1])) return 0;
  if (before == 'p' || before == 'g') return i - 2;
  if (i < 3) return 0;
  const char first = tokens[i - 3].tag;
  return (before == 'l' && first == 'p') ||
                 (ModifiesNoun(text, tokens[i - 2]) && (first == 'p' || first == 'g'))
             ? i - 3
             : 0;
}

// Whether a cue form has the shape of a plural noun: four letters or more
// in -s, not -ss ("reports", "notes"; not "press").
bool PluralShaped(absl::string_view w) {
  return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's';
}

// Whether the cue at k stands beside a quotation: before a comma or a colon
// and its opening mark ('X remembered: "Q"'; not 'Anyone remember "Q"?',
// a quotation mentioned as an object), or after its
// closing mark (and a comma) with at most a short subject between ('"Q,"
// she remembered', '"Q," the aide remembered').
bool BesideQuotation(const char* tags, size_t n, size_t k) {
  if (k + 2 < n && (tags[k + 1] == ',' || tags[k + 1] == ':') && tags[k + 2] == 'q') {
    return true;
  }
  size_t j = k;
  while (j > 0 && k - j < 5 && IsOneOf("NRnPdpjogl0-", tags[j - 1])) --j;
  if (j > 0 && tags[j - 1] == ',') --j;
  return j > 0 && tags[j - 1] == 'Q';
}

// The tag WordTag() gives a capitalised word whose lower-case form its
// entry tags wherever it stands (WordInfo::plain_tag, not 0): where it
// reads as in lower case (`opens`: it begins a sentence), the tag of its
// class, or of a conjunction, 'x'; a modifier or a number word there, and
// any such word elsewhere, is a name or, if a title, a title.
inline char CapitalisedPlainTag(const WordInfo& info, bool opens) {
  if (opens) {
    // (The plain tag of a class ClassTag() tags is that tag.)
    if (ClassTag(info.word_class) != 0 || info.word_class == WordClass::kConj) {
      return info.plain_tag;
    }
    if (info.word_class == WordClass::kMod ||
        info.word_class == WordClass::kCount) {
      return 'N';
    }
  }
  return info.title ? 'R' : 'N';
}

// Makes the cue token a plural noun, no cue.
void TagPluralNoun(Token* t, char* tag) {
  t->tag = 'n';
  t->cue = -1;
  t->cue_words = 0;
  *tag = 'n';
}

// Whether the angle bracket at i (in [begin, end)) is one of the pair
// around a stock ticker, as wire copy writes one after a company's name
// ("Canon Inc <CANN.T> said C"): capitals, digits and periods between "<"
// and ">" with no space. Such a pair is a parenthesis, the name's aside.
bool BracketsTicker(absl::string_view text, size_t begin, size_t end, size_t i) {
  auto ticker_byte = [&](size_t k) {
    const char c = text[k];
    return absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == '.';
  };
  if (text[i] == '<') {
    size_t j = i + 1;
    while (j < end && ticker_byte(j)) ++j;
    return j > i + 1 && j < end && text[j] == '>';
  }
  size_t k = i;
  while (k > begin && ticker_byte(k - 1)) --k;
  return k < i && k > begin && text[k - 1] == '<';
}

}  // namespace

void AsciiLower(absl::string_view s, std::string* out) {
  out->assign(s.data(), s.size());
  for (char& c : *out) c = absl::ascii_tolower(c);
}

void QuoteMarks::Build(const TextLayout& layout) {
  sorted_.clear();
  sorted_.reserve(layout.quotes.size() * 2);
  for (const Quote& q : layout.quotes) {
    sorted_.push_back({q.open, 'q'});
    if (q.closed) sorted_.push_back({q.end, 'Q'});
  }
  // Quotes come in text order and never overlap, so this is sorted already;
  // should two marks share an offset, the later one is kept.
  std::stable_sort(sorted_.begin(), sorted_.end(),
                   [](const Mark& a, const Mark& b) { return a.offset < b.offset; });
  size_t n = 0;
  for (size_t k = 0; k < sorted_.size(); ++k) {
    if (n > 0 && sorted_[n - 1].offset == sorted_[k].offset) --n;
    sorted_[n++] = sorted_[k];
  }
  sorted_.resize(n);
}

char QuoteMarks::At(uint32_t offset) const {
  auto it = std::lower_bound(
      sorted_.begin(), sorted_.end(), offset,
      [](const Mark& m, uint32_t off) { return m.offset < off; });
  return it != sorted_.end() && it->offset == offset ? it->tag : 0;
}

namespace {

// What Tokenize() counts as it reads a sentence.
struct TokenCounts {
  // Words (tokens tagged 'o' that begin with an ASCII letter) and the
  // capitalised ones among them: see headline in Tagger::Tag().
  size_t words = 0;
  size_t capitals = 0;
  // The first and the last token that is a colon or a dash (none: first
  // past last): Tagger::Tag() looks for punctuation that attributes only
  // there, not over the whole sentence (no later pass makes a token one).
  size_t first_colon_or_dash = SIZE_MAX;
  size_t last_colon_or_dash = 0;
};

// Appends the tokens of text[range.begin, range.end) to `tokens` (empty),
// each with the tag its characters tell: a word 'o' (Tagger::WordTag() tags
// it), a possessive 'g', "n't" 'z', a quote mark 'q' or 'Q', punctuation.
// (Out of line: in a function of its own the loop keeps what it reads for
// every token in registers, where inside Tag() it spilled them.)
ABSL_ATTRIBUTE_NOINLINE void Tokenize(const Lexicon& lex, absl::string_view text,
                                      Range range, const QuoteMarks& marks,
                                      std::vector<Token>* tokens, TokenCounts* counts) {
  const size_t end = std::min<size_t>(range.end, text.size());
  size_t i = range.begin;
  // Room for a token per four bytes, about what prose has, so that the
  // vector (kept by callers from sentence to sentence) seldom grows token by
  // token.
  if (end > i) tokens->reserve((end - i) / 4 + 4);
  // The next quote mark at or after i.
  const std::vector<QuoteMarks::Mark>& mark_list = marks.sorted();
  auto next_mark = std::lower_bound(
      mark_list.begin(), mark_list.end(), range.begin,
      [](const QuoteMarks::Mark& m, uint32_t off) { return m.offset < off; });
  // (Called for every token: most are before the next mark, which one
  // comparison tells.)
  uint32_t next_offset = next_mark != mark_list.end() ? next_mark->offset : UINT32_MAX;
#ifdef __SSE2__
  // Where the fast path below stops: at the next quote mark, or where
  // sixteen bytes from a token's start would pass the end of the text (one
  // comparison a word for both).
  const size_t text_fast_end = text.size() >= 16 ? text.size() - 15 : 0;
  size_t fast_end = std::min<size_t>(next_offset, text_fast_end);
#endif
  auto mark_at = [&](size_t offset) -> char {
    if (offset < next_offset) return 0;
    while (next_mark != mark_list.end() && next_mark->offset < offset) ++next_mark;
    next_offset = next_mark != mark_list.end() ? next_mark->offset : UINT32_MAX;
#ifdef __SSE2__
    fast_end = std::min<size_t>(next_offset, text_fast_end);
#endif
    return next_offset == offset ? next_mark->tag : 0;
  };
  size_t words = 0, capitals = 0;
  // (Colons and dashes are rare: a token that is one is noted by its index.)
  size_t first_colon_or_dash = SIZE_MAX, last_colon_or_dash = 0;
  auto note_colon_or_dash = [&](size_t index) {
    if (first_colon_or_dash == SIZE_MAX) first_colon_or_dash = index;
    last_colon_or_dash = index;
  };
  // (The bytes read for every token go through a plain pointer: the
  // string_view's operator[] tests the bounds, and [i, end) lies inside.)
  const char* const p = text.data();
  // Whether the last token ends at `offset`: a possessive or a contraction
  // follows a word with no space. (Read from the token, not kept in a
  // variable every token would write: few tokens ask.)
  auto follows_token = [tokens](size_t offset) {
    return !tokens->empty() && tokens->back().end == offset;
  };
  while (i < end) {
    const unsigned char c = p[i];
#ifdef __SSE2__
    // Most tokens are words of ASCII letters and digits that end at a space
    // or at punctuation that cannot carry a word on: read from one load of
    // sixteen bytes, without the tests of the general path below (no quote
    // mark is here: one comparison tells). (Words in n too, "not", "new":
    // n't, which the general path reads from an n, goes on past the n to an
    // apostrophe, where no word ends here.)
    if (kAsciiAlnum.is[c] && i < fast_end) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // (NotAlnum16() in parts: the bytes with 0x20 set, from which it tells
      // the letters, are the word in lower case below. The mask has no bits
      // from 16 on, so its complement stops the count at 16.)
      const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));
      const uint32_t alnum =
          static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(
              BytesInRange16(folded, 'a', 26), BytesInRange16(x, '0', 10))));
      const size_t len = absl::countr_zero(~alnum);
      const size_t j = i + len;
      // (The byte after the run, read once, tells whether the word ends
      // there; most words end at a byte that cannot carry a word on.)
      size_t word_end = j;
      bool ends = false;
      if (len < 16 && j <= end) {
        // (The byte first: most words end at one. It lies in the text
        // even at the unit's end, sixteen bytes from i being inside.)
        if (!kAsciiAlnum.goes_on[static_cast<unsigned char>(p[j])] ||
            j == end) {
          ends = true;
        } else if (RunEndsBefore(text, j, end)) {
          ends = true;
          // An abbreviation or an initial keeps its period ("Sen.", "J."),
          // as on the general path.
          if (p[j] == '.' &&
              ((len == 1 && c >= 'A' && c <= 'Z') ||
               lex.IsAbbreviation(absl::string_view(p + i, len + 1)))) {
            ++word_end;
          }
        }
      }
      if (ends) {
        Token& word = tokens->emplace_back();
        word.begin = static_cast<uint32_t>(i);
        word.end = static_cast<uint32_t>(word_end);
        word.cap = c >= 'A' && c <= 'Z';
        if (!absl::ascii_isdigit(c)) {
          // Looked up for WordTag() (see there), lower-cased from the same
          // bytes, as every reader of Token::info would look it up.
          // (A letter with 0x20 set is in lower case, and a digit or the
          // period an abbreviation keeps has it set already; the bytes from
          // the word's end on are zeroed.)
          word.info = lex.WordKeyBranchFree(_mm_and_si128(
              folded, _mm_loadu_si128(reinterpret_cast<const __m128i*>(
                          kPrefixMask + 16 - (word_end - i)))));
          ++words;
          capitals += word.cap;
        }
        i = word_end;
        if (i < end && p[i] == ' ') ++i;
        continue;
      }
    }
#endif
    // Punctuation of one byte (most of the tokens that are no words), as the
    // general path reads it.
    if (const char tag = kAsciiAlnum.punctuation[c]; tag != 0 && i < next_offset) {
      Token& mark = tokens->emplace_back();
      mark.begin = static_cast<uint32_t>(i);
      mark.end = static_cast<uint32_t>(i + 1);
      mark.tag = tag;
      if (tag == ':') note_colon_or_dash(tokens->size() - 1);
      ++i;
      if (i < end && p[i] == ' ') ++i;
      continue;
    }
    if (absl::ascii_isspace(c)) { ++i; continue; }
    // A letter or digit other than n can only begin a word (an apostrophe,
    // multi-byte punctuation and n't begin otherwise): the tests for those
    // are skipped.
    const bool plain = kAsciiAlnum.starts_word[c];
    Token tok;
    tok.begin = static_cast<uint32_t>(i);
    char ptag;
    size_t nt_len = 0;
    if (char m = mark_at(i)) {
      // A paired quote mark: its length is that of the character there.
      size_t len = c == '"' ? 1 : (c == 0xC2 ? 2 : (c >= 0xE0 ? 3 : 1));
      if (c == '`' || c == '\'') {
        // `` and '', or a single ' where single marks quote.
        len = i + 1 < end && static_cast<unsigned char>(text[i + 1]) == c ? 2 : 1;
      }
      tok.end = static_cast<uint32_t>(std::min(end, i + len));
      tok.tag = m;
      // (The cursor moves on past the mark now, so that the word after it
      // is read on the fast path above.)
      ++next_mark;
      next_offset =
          next_mark != mark_list.end() ? next_mark->offset : UINT32_MAX;
#ifdef __SSE2__
      fast_end = std::min<size_t>(next_offset, text_fast_end);
#endif
    } else if (size_t alen = 0;
               !plain && IsApostrophe(text, i, &alen) && i + alen < end &&
               (text[i + alen] == 's' || text[i + alen] == 'S') &&
               (i + alen + 1 >= end || !IsWordByte(text, i + alen + 1)) &&
               follows_token(i)) {
      tok.end = static_cast<uint32_t>(i + alen + 1);  // possessive 's
      tok.tag = 'g';
    } else if (size_t clen = 0;
               !plain && follows_token(i) && IsApostrophe(text, i, &alen) &&
               (clen = ContractionLength(text, i + alen, end)) > 0) {
      // An auxiliary ("'d", "'ll", "'ve", "'re", "'m"): a word the lexicon
      // tags (function_words.tsv).
      tok.end = static_cast<uint32_t>(i + alen + clen);
      tok.tag = 'o';
    } else if (int n = plain ? 0 : PunctuationAt(text, i, &ptag)) {
      i += n;
      if (ptag == ' ') continue;
      tok.end = static_cast<uint32_t>(i);
      tok.tag = ptag;
      if (ptag == '~') note_colon_or_dash(tokens->size());
      tokens->push_back(tok);
      continue;
    } else if ((c == 'n' || c == 'N') && i + 1 < end &&
               IsApostrophe(text, i + 1, &nt_len) && i + 1 + nt_len < end &&
               (text[i + 1 + nt_len] == 't' || text[i + 1 + nt_len] == 'T') &&
               (i + 2 + nt_len >= end || !IsWordByte(text, i + 2 + nt_len))) {
      tok.end = static_cast<uint32_t>(i + 2 + nt_len);  // n't
      tok.tag = 'z';
    } else if (plain || IsWordByte(text, i)) {
      size_t j = i;
      // The run of ASCII letters and digits: sixteen (or eight) bytes a test
      // while the sentence has them, then byte by byte.
      bool run_ended = false;
#ifdef __SSE2__
      // (Up to the end of the text, which the run then stops at `end`
      // inside; most sentences end at a period.)
      while (j + 16 <= text.size()) {
        const uint32_t stop =
            NotAlnum16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j)));
        if (stop != 0) {
          j += absl::countr_zero(stop);
          run_ended = true;
          break;
        }
        j += 16;
      }
      if (j > end) j = end;
#else
      while (j + 8 <= end) {
        uint64_t v;
        std::memcpy(&v, p + j, 8);
        if (const uint64_t stop = NotAlnum8(v); stop != 0) {
          j += absl::countr_zero(stop) / 8;
          run_ended = true;
          break;
        }
        j += 8;
      }
#endif
      while (!run_ended && j < end &&
             kAsciiAlnum.is[static_cast<unsigned char>(p[j])]) {
        ++j;
      }
      // (Most words end at a space: the loop below only when they may not.)
      const bool goes_on =
          j < end && kAsciiAlnum.goes_on[static_cast<unsigned char>(p[j])];
      while (goes_on && j < end) {
        size_t alen = 0;
        if (IsWordByte(text, j)) { ++j; continue; }
        char x = text[j];
        bool next_word = j + 1 < end && IsWordByte(text, j + 1);
        if ((x == '-' || x == '&' || x == '.' || x == ',') && next_word) {
          // "vice-president", "AT&T", "U.S", "1,000" / "3.5" (digits only).
          if (x == ',' && !(absl::ascii_isdigit(text[j - 1]) &&
                            absl::ascii_isdigit(text[j + 1]))) break;
          if (x == '.' && absl::ascii_isdigit(text[j - 1]) !=
                              absl::ascii_isdigit(text[j + 1])) break;
          ++j;
          continue;
        }
        if (IsApostrophe(text, j, &alen) && j + alen < end &&
            IsWordByte(text, j + alen)) {
          // Possessive 's and n't become tokens of their own.
          size_t k = j + alen;
          bool s_end = (text[k] == 's' || text[k] == 'S') &&
                       (k + 1 >= end || !IsWordByte(text, k + 1));
          bool nt = j > i && (text[j - 1] == 'n' || text[j - 1] == 'N') &&
                    (text[k] == 't' || text[k] == 'T') &&
                    (k + 1 >= end || !IsWordByte(text, k + 1));
          if (s_end) break;
          if (nt) { --j; break; }
          // "he'd", "they've": the auxiliary becomes a token of its own.
          if (j > i && ContractionLength(text, k, end) > 0) break;
          j = k;
          continue;
        }
        break;
      }
      if (j == i) j = i + 1;  // a lone 'n' before 't: keep progress
      // A final period belongs to abbreviations and initials.
      if (j < end && p[j] == '.') {
        absl::string_view w = text.substr(i, j - i + 1);
        bool initial = j - i == 1 && StartsUpper(text, i);
        // (A title after a hyphen too, "then-Gov.", "ex-Sen.", inside the
        // unit: a period that ends it ends a sentence.)
        if (initial || lex.IsAbbreviation(w) ||
            absl::StrContains(text.substr(i, j - i), '.') ||
            (j + 2 < end && TitleAfterHyphen(lex.abbreviations(), w))) {
          ++j;
        }
      }
      tok.end = static_cast<uint32_t>(j);
      // (c is text[i]: StartsUpper() only for the lead byte of a Latin-1
      // letter.)
      tok.cap = (c >= 'A' && c <= 'Z') || (c == 0xC3 && StartsUpper(text, i));
      tok.tag = 'o';
      if (absl::ascii_isalpha(c)) {
        ++words;
        capitals += tok.cap;
      }
    } else {
      size_t alen = 0;
      if (IsApostrophe(text, i, &alen)) {
        size_t k = i + alen;
        if (k < end && (text[k] == 's' || text[k] == 'S') &&
            (k + 1 >= end || !IsWordByte(text, k + 1))) {
          tok.end = static_cast<uint32_t>(k + 1);
          tok.tag = 'g';
        } else if (follows_token(i) && text[i - 1] == 's') {
          tok.end = static_cast<uint32_t>(k);  // plural possessive: voters'
          tok.tag = 'g';
        } else {
          tok.end = static_cast<uint32_t>(k);
          tok.tag = '-';
        }
      } else {
        tok.end = static_cast<uint32_t>(i + 1);
        switch (c) {
          case ',': tok.tag = ','; break;
          case ':': tok.tag = ':'; break;
          case ';': tok.tag = ';'; break;
          case '.': case '!': case '?': tok.tag = '.'; break;
          case '(': case '[': tok.tag = '('; break;
          case ')': case ']': tok.tag = ')'; break;
          case '<': case '>':
            tok.tag = !BracketsTicker(text, range.begin, end, i) ? '-' : c == '<' ? '(' : ')';
            break;
          default: tok.tag = '-'; break;
        }
        if (c == '-' && i + 1 < end && text[i + 1] == '-') {
          tok.end = static_cast<uint32_t>(i + 2);  // "--" is a dash
          tok.tag = '~';
        } else if (c == '-' && i > 0 && text[i - 1] == ' ' && i + 1 < end &&
                   text[i + 1] == ' ' &&
                   !(i > 1 && absl::ascii_isdigit(text[i - 2]) &&
                     i + 2 < end && absl::ascii_isdigit(text[i + 2]))) {
          tok.tag = '~';  // " - " stands for a dash (not in "9 - 10")
        }
        if (tok.tag == ':' || tok.tag == '~') {
          note_colon_or_dash(tokens->size());
        }
      }
    }
    i = tok.end;
    tokens->push_back(tok);
    // (Most tokens are followed by one space: skipped here, without the
    // tests at the top of the loop.)
    if (i < end && p[i] == ' ') ++i;
  }
  counts->words = words;
  counts->capitals = capitals;
  counts->first_colon_or_dash = first_colon_or_dash;
  counts->last_colon_or_dash = last_colon_or_dash;
}

}  // namespace

void Tagger::Tag(absl::string_view text, Range range, const QuoteMarks& marks,
                 std::vector<Token>* tokens, std::string* tags) const {
  tokens->clear();
  // (`tags` is not emptied: it is resized to the tokens below and every tag
  // written; resizing an empty string would first fill it with zeros.)
  TokenCounts counts;
  Tokenize(*lex_, text, range, marks, tokens, &counts);
  const size_t words = counts.words, capitals = counts.capitals;
  std::string lower;
  // The tag string, written once the tokens are known (cheaper than a
  // push_back per token), by the loop over the words below.
  // (The loops below read the tokens and the tags through plain pointers:
  // a tag written through a char may be any byte to the compiler, which
  // would read the vectors' sizes and data again after each.)
  const size_t n = tokens->size();
  tags->resize(n);  // (what it held is overwritten below, tag by tag)
  Token* const tok_at = tokens->data();
  char* const tag_at = &(*tags)[0];
  // A headline in title case ("Mayor Says Pool Will Reopen") capitalises
  // its cues and function words: read every word as if it began a sentence.
  bool headline = words >= 4 && capitals * 5 >= words * 4;
  // Title case leaves its short function words in lower case ("Mike Pence
  // Calls for Special Prosecutor after Report Reveals Meetings with Donors"):
  // a unit whose only lower-case words are prepositions, articles,
  // conjunctions and subordinators of five letters or fewer is a headline too
  // ("Mike Pence and Tim Kaine met in Ohio" has a verb in lower case).
  if (!headline && capitals >= 4 && capitals * 2 >= words) {
    headline = true;
    for (size_t k = 0; k < n && headline; ++k) {
      const Token& tok = tok_at[k];
      if (tok.tag != 'o' || tok.cap || !absl::ascii_isalpha(text[tok.begin])) continue;
      const absl::string_view w = text.substr(tok.begin, tok.end - tok.begin);
      const WordInfo* info = w.size() <= 5 ? lex_->Word(w) : nullptr;
      headline = info != nullptr &&
                 (info->word_class == WordClass::kDet || info->word_class == WordClass::kPrep ||
                  info->word_class == WordClass::kAdjunctPrep ||
                  info->word_class == WordClass::kVenuePrep ||
                  info->word_class == WordClass::kAgent || info->word_class == WordClass::kConj ||
                  info->word_class == WordClass::kSub || info->word_class == WordClass::kTimeSub);
    }
  }
  // Whether a word was tagged as a cue: only then TagTimeAfterCue() has a
  // phrase of time to look for (most sentences have none).
  bool any_cue = false;
  // The classes of the words WordTag() looked up (bit 1 << WordClass): the
  // passes after the loop look for poll nouns and nouns of time, which
  // most sentences lack. (Every word tagged 'o' or read by those passes
  // goes through WordTag(), with the same lower-cased form: neither is a
  // word the lexicon gives a plain tag, whose class is not noted.)
  uint64_t classes = 0;
  // Tag words now that neighbours are known. (Each tag is copied as its
  // token is reached: the tags before it are final, and none after it is
  // read; a cue phrase writes the '_' of the words it skips.)
  for (size_t k = 0; k < n; ++k) {
    Token& t = tok_at[k];
    // Tokens other than words keep the tag the tokenizer gave them, but for
    // a possessive and a bracket in the names and clauses below. (Tested
    // first: most tokens are words. A word's tag is copied once known.)
    // (The token's tag in a local: the stores through tag_at may alias it.)
    const char given = t.tag;
    if (given != 'o') {
      tag_at[k] = given;
      // "he's", "that's", "who's": 's after a pronoun is "is" before an -ing
      // form ("he's claiming", "he's not saying": a copula), else "has"
      // ("she's said": an auxiliary), not a possessive.
      if (given == 'g' && k > 0 && IsOneOf("Ptw", tag_at[k - 1])) {
        size_t next = k + 1;
        // (Past a negation: "n't", or a word of function_words.tsv category
        // neg; the next token is not tagged yet.)
        if (k + 2 < n) {
          const WordInfo* w = EntryOf(text, tok_at[k + 1]);
          if (tok_at[k + 1].tag == 'z' ||
              (w != nullptr && w->word_class == WordClass::kNeg)) {
            next = k + 2;
          }
        }
        const bool ing =
            next < n &&
            absl::EndsWith(text.substr(tok_at[next].begin,
                                       tok_at[next].end - tok_at[next].begin),
                           "ing");
        t.tag = ing ? 'b' : 'v';
        tag_at[k] = t.tag;
        continue;
      }
      // "Moody's said C", "Lloyd's said": a name's "'s" before a form of a
      // verb of saying that reads as no noun (function_words.tsv list
      // verb_after_name) ends the name; the form is its verb.
      if (given == 'g' && k > 0 && tag_at[k - 1] == 'N' && k + 1 < n &&
          lex_->InListAnyCase(TokenText(text, tok_at[k + 1]), WordList::kVerbAfterName)) {
        t.tag = 'N';
        tag_at[k] = t.tag;
        continue;
      }
      // "Cheung Kong (Holdings) Ltd told X", "Fleming (Securities) Ltd": a
      // capitalised word or two in brackets between a name and a corporate
      // suffix (function_words.tsv list corp_suffix) belong to the company's
      // name, which runs on to the suffix; the brackets join it.
      if (given == ')' && k >= 3 && k + 1 < n && tok_at[k + 1].cap &&
          tag_at[k - 1] == 'N' &&
          lex_->InListAnyCase(TokenText(text, tok_at[k + 1]), WordList::kCorpSuffix)) {
        size_t open = k - 2;
        if (tag_at[open] == 'N' && open >= 2) --open;
        if (tag_at[open] == '(' && open >= 1 && tag_at[open - 1] == 'N') {
          tok_at[open].tag = 'N';
          tag_at[open] = 'N';
          t.tag = 'N';
          tag_at[k] = 'N';
        }
        continue;
      }
      continue;
    }
    // (A word the tokenizer looked up and found in no lexicon, the
    // commonest, is tagged by its shape here, as WordTag() would tag it:
    // the loop stays small for it.)
    // (The tag in a local until it is final: the stores through tag_at
    // below may alias the token's.)
    // (And a known word in lower case that the word alone tags, most
    // function words, by the tag the lexicon holds for it, as WordTag()
    // would tag it.)
    const WordInfo* const info = t.info;
    char tag;
    if (info == nullptr) {
      tag = t.cap ? 'N' : ShapeTag(TokenText(text, t));
    } else if (info->plain_tag != 0 && !t.cap) {
      tag = info->plain_tag;
    } else if (info->plain_tag != 0) {
      // (Capitalised, "The", "He", "House": as WordTag() tags it, which
      // reads it as in lower case only where it begins a sentence, or is
      // "I".)
      const bool opens =
          headline || k == 0 ||
          kOpensSentence.after[static_cast<unsigned char>(tag_at[k - 1])] ||
          (t.end - t.begin == 1 && text[t.begin] == 'I');
      tag = CapitalisedPlainTag(*info, opens);
    } else {
      tag = WordTag(text, tokens, k, headline, &lower, &classes);
    }
    // "Two years later, he said C", "Four hours earlier, X said C": a
    // capitalised counting number (list number_word) that opens a sentence
    // before a noun of time is tagged as digits are ("3 years later"): it
    // opens a phrase of time and names no one (the speaker is the subject
    // of the clause after it).
    // (The noun of time first: the tokenizer looked it up.)
    // A capitalised word that opens a sentence may also be an adverb or a
    // participle rather than a name ("Similarly, ..."): see OpenerTag().
    // (Both tests in one: most names stand inside their sentence.)
    if (tag == 'N' && !headline && k + 1 < n &&
        (k == 0 ||
         kOpensSentence.after[static_cast<unsigned char>(tag_at[k - 1])])) {
      if (!tok_at[k + 1].cap) {
        const WordInfo* next = EntryOf(text, tok_at[k + 1]);
        if (next != nullptr && next->word_class == WordClass::kTimeNoun &&
            lex_->InListAnyCase(TokenText(text, t), WordList::kNumberWord)) {
          tag = '0';
        }
      }
      if (tag == 'N' && t.end - t.begin > 5) {
        tag = OpenerTag(text, tok_at + k, tok_at + n);
      }
    } else if (tag == 'o' && k + 2 < n &&
               tok_at[k + 1].end - tok_at[k + 1].begin == 2 &&
               IsWordIn(text, tok_at[k + 1]) &&
               lex_->InListAnyCase(TokenText(text, t), WordList::kNumberWord) &&
               (lex_->InListAnyCase(TokenText(text, tok_at[k + 2]),
                                    WordList::kNumberWord) ||
                (tok_at[k + 2].end > tok_at[k + 2].begin &&
                 tok_at[k + 2].end - tok_at[k + 2].begin <= 3 &&  // not a year
                 std::all_of(text.begin() + tok_at[k + 2].begin,
                             text.begin() + tok_at[k + 2].end,
                             [](char c) { return absl::ascii_isdigit(c); })))) {
      // "about one in four say C", "three in ten said C", "nine in 10 said
      // C": a counting number written as a word (list number_word) before
      // "in" and another such word or a number in digits is a share, a noun
      // phrase as "1 in 4" is: both are tagged as digits are.
      tag = '0';
    } else if (tag == 'o' && k >= 2 && tag_at[k - 2] == '0' &&
               tok_at[k - 1].end - tok_at[k - 1].begin == 2 &&
               IsWordIn(text, tok_at[k - 1]) &&
               lex_->InListAnyCase(TokenText(text, t), WordList::kNumberWord)) {
      tag = '0';
    }
    // (Only a cue, and an adverb, have the neighbours looked at below.)
    t.tag = tag;
    tag_at[k] = tag;
    if (tag == 'C') {
      any_cue = true;
      // "has since said", "had since denied": a subordinator between an
      // auxiliary and a cue is an adverb there, not the start of a clause.
      // (Here, with the tags before the cue final, rather than in a pass of
      // its own; the words after it read no 's' two tokens back.)
      if (k >= 2 && tag_at[k - 1] == 's' && tag_at[k - 2] == 'v') {
        tok_at[k - 1].tag = 'l';
        tag_at[k - 1] = 'l';
      }
      // "Reports say C", "Reports suggest C": a capitalised cue form in -s
      // that opens the sentence right before another cue is its subject, a
      // plural noun.
      if (k == 1 && tag_at[0] == 'C' && tok_at[0].cap &&
          tok_at[0].cue_words == 1) {
        if (PluralShaped(TokenText(text, tok_at[0]))) TagPluralNoun(&tok_at[0], &tag_at[0]);
      }
      // "The police chief said C": the title that WordTag() let head the noun
      // phrase before the cue is its head, not a modifier.
      if (k >= 1 && tag_at[k - 1] == 'j' &&
          IsTitleWord(text, tok_at[k - 1])) {
        tok_at[k - 1].tag = 'R';
        tag_at[k - 1] = 'R';
      }
      // "The coach once said: \"Q\"", "X, the coach, once said C": a
      // subordinator of list preverb in lower case between a word of the
      // subject (or the comma that closes its aside) and a cue is an adverb of
      // time.
      if (k >= 2 && tag_at[k - 1] == 's' && !tok_at[k - 1].cap &&
          IsOneOf("NnPR,", tag_at[k - 2])) {
        if (lex_->InListAnyCase(TokenText(text, tok_at[k - 1]), WordList::kPreVerb)) {
          tok_at[k - 1].tag = 'l';
          tag_at[k - 1] = 'l';
        }
      }
      // (Only a cue phrase spans several words: WordTag() tags no other
      // word with cue_words above 1.)
      if (t.cue_words > 1) {
        for (size_t m = 1; m < t.cue_words && k + m < n; ++m) {
          tok_at[k + m].tag = '_';
          tag_at[k + m] = '_';
        }
        k += t.cue_words - 1;
      }
    } else if (tag == 'l') {
      // "First Chicago Corp said C": a capitalised ordinal (list ordinal)
      // that opens a run of capitalised words ending in a corporate suffix
      // (list corp_suffix) is the first word of the company's name.
      if (t.cap && k + 2 < n && tok_at[k + 1].cap &&
          lex_->InListAnyCase(TokenText(text, t), WordList::kOrdinal)) {
        size_t m = k + 1;
        while (m + 1 < n && m - k < 5 && tok_at[m + 1].cap) ++m;
        if (m > k + 1 &&
            lex_->InListAnyCase(TokenText(text, tok_at[m]), WordList::kCorpSuffix)) {
          t.tag = 'N';
          tag_at[k] = 'N';
          continue;
        }
      }
      // "have so far said", "Producers so far refused", "he once again
      // said": a plain subordinator (class sub, not an adverbial one such as
      // "while") in lower case right before an adverb, after an auxiliary or
      // a word of the subject, is part of an adverb phrase, not the start of
      // a clause.
      if (!t.cap && k >= 2 && tag_at[k - 1] == 's' &&
          !tok_at[k - 1].cap && IsOneOf("vNnPR", tag_at[k - 2])) {
        const absl::string_view sub = TokenText(text, tok_at[k - 1]);
        char buf[16];
        const WordInfo* info =
            sub.size() <= sizeof(buf) ? lex_->Word(LowerWord(sub, buf)) : nullptr;
        if (info != nullptr && info->word_class == WordClass::kSub) {
          tok_at[k - 1].tag = 'l';
          tag_at[k - 1] = 'l';
        }
      }
    }
  }
  // "X reportedly said C": an adverb cue (verbs.tsv flag adverb) right
  // before another cue (perhaps after an auxiliary, an adverb or a
  // negation) is a plain adverb there; the cue after it reports the claim.
  // (The cues found with memchr: most tokens are none.)
  for (const void* at = any_cue ? std::memchr(tag_at, 'C', n) : nullptr;
       at != nullptr;
       at = static_cast<const char*>(at) + 1 < tag_at + n
                ? std::memchr(static_cast<const char*>(at) + 1, 'C',
                              tag_at + n - (static_cast<const char*>(at) + 1))
                : nullptr) {
    const size_t k = static_cast<size_t>(static_cast<const char*>(at) - tag_at);
    Token& t = tok_at[k];
    // "Critics have in recent weeks noted C", "X has in the past blamed Y":
    // a short phrase (a preposition, perhaps a determiner, one or two plain
    // words) between an auxiliary and a cue is an adverb of the verb.
    if (k >= 3 && tag_at[k - 1] == 'o') {
      size_t m = k - 1;
      while (m > k - 2 && tag_at[m - 1] == 'o') --m;
      if (m >= 2 && tag_at[m - 1] == 'd') --m;
      if (m >= 2 && tag_at[m - 1] == 'r' && tag_at[m - 2] == 'v') {
        for (size_t j = m - 1; j < k; ++j) {
          tok_at[j].tag = 'l';
          tag_at[j] = 'l';
        }
      }
    }
    // "The FBI notes do raise questions", "Media reports have said C": a cue
    // form in -s right before an auxiliary or a copula, after a noun phrase
    // that opens the sentence (or the line after a label's colon), is a
    // plural noun heading the subject. As a verb it would leave the
    // auxiliary without a subject: a clause with a gap needs a head before
    // it ("the cost, which some say would rise"; "the plan officials say is
    // hampering growth"), and then the words before the cue are no noun
    // phrase that opens the sentence.
    if (t.cue_words == 1 && k >= 1 && k + 1 < n &&
        (tag_at[k + 1] == 'v' || tag_at[k + 1] == 'b') && !t.cap &&
        IsOneOf("NnRoji", tag_at[k - 1])) {
      // (Not before "having" or "being": "The commission says having voters
      // register C" opens the content with a gerund.)
      if (PluralShaped(TokenText(text, t)) &&
          !absl::EndsWith(TokenText(text, tok_at[k + 1]), "ing")) {
        size_t m = k - 1;
        while (m > 0 && IsOneOf("NnRjoi0g", tag_at[m - 1])) --m;
        // (Without a determiner, only after a common noun in lower case:
        // "Media reports have said C", "Government estimates have shown C";
        // a headline drops the subject of the clause after a name or a
        // title, "Haley says does not want X", "U.S. general says would
        // resist X".)
        // (Nor is a capital in the way before an auxiliary or a copula that
        // agrees only with a plural, "are", "were", "have", "do": the
        // subject a headline drops is the one before the verb in -s, a
        // singular ("Tehran warns is running out"); "Media reports have
        // said C", "Criminal charges are expected".)
        const bool determiner = m > 0 && IsOneOf("dp", tag_at[m - 1]);
        if (determiner) --m;
        if ((m == 0 || IsOneOf(":q", tag_at[m - 1])) &&
            (determiner ||
             (k - 1 > m && !tok_at[k - 1].cap &&
              IsOneOf("noji", tag_at[k - 1])) ||
             AgreesWith(text, tok_at[k + 1], 'p'))) {
          TagPluralNoun(&t, &tag_at[k]);
          continue;
        }
      }
    }
    // "The jobs report was released", "The Fox News report did not say
    // why": the cue's base form before a copula or an auxiliary that agrees
    // only with a singular ("is", "was", "has", "does"), in a noun phrase
    // that a determiner opens at the start of the sentence, is the noun
    // heading the subject, even after a word in -s (WordTag() leaves "The
    // Iranians say C" a subject and its verb): a plural subject's verb
    // would leave the auxiliary without a subject of its own.
    if (t.cue_words == 1 && k >= 2 && k + 1 < n &&
        (tag_at[k + 1] == 'v' || tag_at[k + 1] == 'b') && !t.cap &&
        IsOneOf("Nnoj", tag_at[k - 1]) &&
        AgreesWith(text, tok_at[k + 1], 's') &&
        !lex_->cues()[t.cue].verb_only) {
      const std::string& lemma = lex_->cues()[t.cue].lemma;
      if (absl::EqualsIgnoreCase(
              TokenText(text, t),
              absl::string_view(lemma).substr(0, lemma.find(' ')))) {
        size_t m = k - 1;
        while (m > 0 && IsOneOf("NnRjoi0g", tag_at[m - 1])) --m;
        if (m > 0 && tag_at[m - 1] == 'd' &&
            (m == 1 || IsOneOf(":q", tag_at[m - 2]))) {
          TagPluralNoun(&t, &tag_at[k]);  // (the same tag for a singular)
          continue;
        }
      }
    }
    // A cue of flag quoted ("remember") is one only beside a quotation.
    if (t.cue >= 0 && lex_->cues()[t.cue].quoted_only && !BesideQuotation(tag_at, n, k)) {
      t.tag = 'o';
      t.cue = -1;
      t.cue_words = 0;
      tag_at[k] = 'o';
      continue;
    }
    if (t.cue < 0 || !lex_->cues()[t.cue].adverb_only) continue;
    size_t m = k + 1;
    while (m < n && IsOneOf("lvbz", tag_at[m])) ++m;
    if (m < n && tag_at[m] == 'C') {
      t.tag = 'l';
      t.cue = -1;
      t.cue_words = 0;
      tag_at[k] = 'l';
    }
  }
  // (kCausativeBare is the last class.)
  static_assert(static_cast<int>(WordClass::kCausativeBare) < 64,
                "a class per bit");
  constexpr auto bit = [](WordClass c) { return uint64_t{1} << static_cast<int>(c); };
  // A preposition of class source makes a cue only before a poll noun.
  if (classes & bit(WordClass::kPollNoun)) any_cue |= TagSourceCue(text, tokens, tags);
  if (any_cue && (classes & bit(WordClass::kTimeNoun))) TagTimeAfterCue(text, tokens, tags);
  // Punctuation that attributes a quotation when the lexicon lists it as a
  // cue: a colon before one ("Pew Research: \"...\""), a dash after one
  // ("\"...\" \u2015 Esther Tapia").
  for (size_t k = counts.first_colon_or_dash;
       k <= counts.last_colon_or_dash && k < n; ++k) {
    const char tag = tag_at[k];
    // Only colons and dashes; the loops below look back over the sentence,
    // so they run for colons alone.
    if (tag != ':' && tag != '~') continue;
    // (Not after a verb that introduces the quote itself: "adding:".) A
    // colon after a short name that opens a headline or a transcript line
    // labels what follows ("Graham: Trump Is Wrong"; "TAPPER: Take a
    // listen.").
    // (A transcript quoted in full opens each of its paragraphs with a
    // quotation mark: "\"WALLACE: If I may, ...": the name comes after it.)
    const size_t first = (*tags)[0] == 'q' ? 1 : 0;
    // (Not a single letter: "Q:" and "A:" mark the question and the answer
    // of an interview, and name nobody.)
    bool name_label = tag == ':' && k > first && k - first <= 5 &&
                      k + 1 < tokens->size() &&
                      !(k == first + 1 &&
                        (*tokens)[first].end - (*tokens)[first].begin == 1);
    bool shouted = true;  // the name in capitals, as transcripts write it
    for (size_t m = first; name_label && m < k; ++m) {
      char c = (*tags)[m];
      name_label = c == 'N' || c == 'R' || (c == 'n' && m > first) || c == 'g';
      for (size_t b = (*tokens)[m].begin; b < (*tokens)[m].end; ++b) {
        shouted &= !absl::ascii_islower(text[b]);
      }
    }
    // Without capitals throughout, a name of proper nouns only before a
    // colon that opens a capitalised sentence still labels it ("Keller:
    // Bridge will reopen in June"); a list item after a name ("Keller: Stay
    // the course") is too short to be a sentence.
    bool proper = name_label;
    for (size_t m = first; proper && m < k; ++m) proper = (*tags)[m] == 'N';
    // (Nor too short when the line speaks in the first person: "Clinton: I
    // support statehood", "Hewitt: We did": a pronoun that points at the
    // speaker, pronouns.tsv flag deictic, not hearer.)
    const auto first_person = [&](size_t j) {
      const absl::string_view w = TokenText(text, (*tokens)[j]);
      char buf[8];
      if ((*tags)[j] != 'P' || w.size() > sizeof(buf)) return false;
      const PronounInfo* p = lex_->Pronoun(LowerWord(w, buf));
      return p != nullptr && p->deictic && !p->hearer;
    };
    name_label &= headline || shouted ||
                  (proper && (*tokens)[k + 1].cap &&
                   (tokens->size() >= k + 7 || first_person(k + 1)));
    // A capitalised cue word alone before a colon that opens a capitalised
    // line is the noun of a document that reports it ("Report: Walker to
    // speak at the convention", "Reports: C"): tagged as a nominal, it
    // speaks as a name would.
    if (tag == ':' && k == first + 1 && (*tags)[first] == 'C' &&
        (*tokens)[first].cap && (*tokens)[first].cue_words == 1 && k + 1 < n &&
        (*tokens)[k + 1].cap) {
      const WordInfo* w = EntryOf(text, (*tokens)[first]);
      if (w != nullptr && w->nominal == v1::ENTITY_TYPE_DOCUMENT) {
        Token& noun = (*tokens)[first];
        noun.cue_words = 0;
        noun.cue = -1;
        noun.tag = 'n';
        (*tags)[first] = 'n';
        name_label = true;
      }
    }
    // A headline's speaker, a preposition of list label_prep and the topic
    // or the one addressed, before a colon that opens a quotation or a
    // capitalised line, label it too ("Mayor Keller on Ferry Dock: 'It Will
    // Open'", "Teachers to Council: Fund the Schools"): names and titles
    // that open the sentence, the preposition, and up to five capitalised
    // words ("Follow Keller on Twitter: @keller" labels nothing:
    // a handle after the colon; "More on the Vote:" has no name before):
    // LabelsTopicLine, in the test of the colon below.
    // Nor when a finite verb before it in the sentence attributes the quote
    // ("the campaign said in a statement: ..."; but "From X writing at Y:").
    // (Not one inside a phrase of a preposition that opens the sentence and
    // ends at its first comma: "With leaders worried about X, Obama has one
    // message: \"Q\""; a subordinate clause keeps its cue: "As the office
    // lays out online, the case turns on one point: \"Q\"".)
    size_t fronted_end = 0;
    {
      size_t f = 0;
      while (f < k && ((*tags)[f] == 'x' || (*tags)[f] == 'l')) ++f;
      if (f < k && (*tags)[f] == 'r') {
        const size_t comma = tags->find(',', f);
        if (comma != std::string::npos && comma < k) fronted_end = comma;
      }
    }
    bool verb_before = false;
    for (size_t m = fronted_end; tag == ':' && m < k; ++m) {
      const Token& v = (*tokens)[m];
      verb_before |= (*tags)[m] == 'C' &&
                     !absl::EndsWith(text.substr(v.begin, v.end - v.begin), "ing");
    }
    // Nor right after a cue, which introduces the quotation itself
    // ("..., saying: \"Q\"", "goes on to say: \"Q\"").
    const bool after_cue = k > 0 && ((*tags)[k - 1] == 'C' || (*tags)[k - 1] == '_');
    // Nor after a participle tell cue and its addressee ("..., telling
    // reporters: \"Q\"", "with X telling MPs: \"Q\""): the participle
    // introduces the quotation; the one told is no speaker.
    bool after_tell_object = false;
    if (tag == ':' && k > 1) {
      size_t m = k;
      while (m > 0 && k - m < 4 && std::strchr("dpjNRno0g", (*tags)[m - 1]) != nullptr) --m;
      if (m < k && m > 0 && (*tags)[m - 1] == 'C') {
        const Token& v = (*tokens)[m - 1];
        after_tell_object =
            v.cue_words > 0 && v.cue >= 0 &&
            lex_->cues()[static_cast<size_t>(v.cue)].cue_class == CueClass::kTell &&
            absl::EndsWith(text.substr(v.begin, v.end - v.begin), "ing");
      }
    }
    // A quotation in single marks after the colon is labelled only by a
    // name, a title or a noun before it ("Somali official: 'Q'"; not
    // "Obama visits Red Cross: 'Q'", whose speaker opens a clause).
    const auto named = [&] {
      if (k <= first || k - first > 5) return false;
      for (size_t m = first; m < k; ++m) {
        if (!IsOneOf("NRng", (*tags)[m])) return false;
      }
      return true;
    };
    bool colon =
        tag == ':' && k + 1 < tokens->size() &&
        ((*tags)[k + 1] == 'q' ||
         (IsSingleQuoteOpening(text, *tokens, *tags, k + 1) && named()) ||
         name_label ||
         (first == 0 && LabelsTopicLine(text, *tokens, *tags, k))) &&
        !verb_before && !after_cue && !after_tell_object;
    // Nor when the words before it label a topic or a part of the article
    // and name nobody ("VERDICT: It's complicated", "ESTATE TAX: The bill
    // doubles the exemption"; but "TAPPER: Take a listen."). (Asked last:
    // the test reads the text around the colon.)
    colon = colon && !LabelsNoSpeaker(text, *tokens, *tags, k);
    // (A dash after a quote labels it only when a name follows.)
    bool dash = tag == '~' && k > 0 && (*tags)[k - 1] == 'Q' &&
                k + 1 < tokens->size() &&
                ((*tags)[k + 1] == 'N' || (*tags)[k + 1] == 'R');
    if (!colon && !dash) continue;
    Token& t = (*tokens)[k];
    auto it = lex_->cue_forms().find(text.substr(t.begin, t.end - t.begin));
    if (it == lex_->cue_forms().end()) continue;
    t.cue_words = 1;
    t.cue = it->second;
    t.tag = 'C';
    (*tags)[k] = 'C';
  }
}

bool Tagger::LabelsNoSpeaker(absl::string_view text, const std::vector<Token>& tokens,
                             const std::string& tags, size_t k) const {
  // (After the quotation mark that opens a line of a transcript quoted in
  // full; up to five words.)
  const size_t first = tags[0] == 'q' ? 1 : 0;
  if (k <= first || k - first > 5) return false;
  const absl::string_view head = TokenText(text, tokens[k - 1]);
  if (lex_->InListAnyCase(head, WordList::kLabelWord) ||
      lex_->InListAnyCase(TokenText(text, tokens[first]), WordList::kLabelWord)) {
    return true;
  }
  // A label of a script names its speaker, often by a role ("KING:",
  // "MODERATOR:"); only a name or a common noun is left to tell apart.
  char buf[kShortWord];
  if (head.size() < 3 || head.size() > sizeof(buf) || tags[k - 1] == 'R') return false;
  // (Only a label in capitals: not a year, "2018: \"Kids in cages.\"".)
  // A single word with only its first letter capitalised that opens the
  // line labels it too when it is a common noun ("Deal: Britain will sign
  // on", "Money: Trump didn't need much of it"): tested as one in capitals
  // is, but a first name ("Annie:") or a word the text writes as a
  // surname, after a capitalised word ("Charlie Rose" and "Rose: ..."),
  // names the one who speaks.
  const bool titled =
      k == first + 1 &&
      absl::ascii_isupper(static_cast<unsigned char>(head[0])) &&
      absl::ascii_islower(static_cast<unsigned char>(head[1]));
  bool upper = false;
  for (size_t i = titled ? 1 : 0; i < head.size(); ++i) {
    const char c = head[i];
    if (titled ? absl::ascii_isupper(c) : absl::ascii_islower(c)) return false;
    upper |= absl::ascii_isupper(c);
  }
  if (!upper && !titled) return false;
  if (titled && lex_->FirstNameGender(head) != 0) return false;
  const absl::string_view lower = LowerWord(head, buf);
  // (Nor a noun of a speaker, "MODERATOR:", or of a document that can
  // speak, "VIDEO:" in a debate's transcript.)
  if (lex_->Nominal(lower) != v1::ENTITY_TYPE_UNSPECIFIED) return false;
  // A common noun: the article writes it in lower case near the label (the
  // paragraph it heads, the one before); a name it does not. (A window of
  // bounded size: a script of many labels stays linear.)
  constexpr size_t kNear = 1500;
  const size_t at = tokens[k].begin;
  const size_t lo = at > kNear ? at - kNear : 0;
  const absl::string_view near = text.substr(lo, std::min(text.size(), at + kNear) - lo);
  // (memmem: a script of many labels asks this for each of them.)
  const char* const base = near.data();
  const char* const stop = base + near.size();
  bool common = false;
  for (const char* hit = base; hit < stop && !common; ++hit) {
    hit = static_cast<const char*>(
        memmem(hit, static_cast<size_t>(stop - hit), lower.data(), lower.size()));
    if (hit == nullptr) break;
    const char* const end = hit + lower.size();
    const bool starts = hit == base || !absl::ascii_isalnum(static_cast<unsigned char>(hit[-1]));
    const bool ends = end == stop || !absl::ascii_isalnum(static_cast<unsigned char>(*end));
    common = starts && ends;
  }
  if (!common || !titled) return common;
  // (The word as a surname: a space and a capitalised word before it.)
  for (const char* hit = base; hit < stop; ++hit) {
    hit = static_cast<const char*>(
        memmem(hit, static_cast<size_t>(stop - hit), head.data(), head.size()));
    if (hit == nullptr) return true;
    const char* const end = hit + head.size();
    if (end < stop && absl::ascii_isalnum(static_cast<unsigned char>(*end)))
      continue;
    const char* w = hit - 1;
    if (w <= base || *w != ' ') continue;
    while (w > base && absl::ascii_isalpha(static_cast<unsigned char>(w[-1])))
      --w;
    if (w < hit - 1 && absl::ascii_isupper(static_cast<unsigned char>(*w)))
      return false;
  }
  return true;
}

bool Tagger::LabelsTopicLine(absl::string_view text, const std::vector<Token>& tokens,
                             const std::string& tags, size_t k) const {
  const size_t n = tokens.size();
  // Names and titles (a name among them: a title alone names an office,
  // "Ambassador to Chile:"), the preposition, and the topic or the one
  // addressed in capitals (an article may stand inside it).
  size_t m = 0;
  bool has_name = false;
  while (m < k && m < 4 && (tags[m] == 'N' || tags[m] == 'R' || (tags[m] == 'g' && m > 0))) {
    has_name |= tags[m] == 'N';
    ++m;
  }
  // A quotation after the colon is what was said whatever the topic's case
  // ("Romney on minimum wage: 'We ought to raise it'"): then the topic may
  // be longer and hold lower-case words, modifiers, prepositions and a
  // quoted word ("Trump on media 'hostility': ...").
  // (A single quotation mark after the colon may be tagged as other
  // punctuation.)
  const bool quoted =
      k + 1 < n &&
      (tags[k + 1] == 'q' || IsSingleQuoteOpening(text, tokens, tags, k + 1));
  if (!has_name || tags[m - 1] == 'g' || m + 1 >= k ||
      k - (m + 1) > (quoted ? 7 : 5) || tags[m] != 'r') {
    return false;
  }
  for (size_t j = m + 1; j < k; ++j) {
    const char c = tags[j];
    if (!(c == 'N' || c == 'R' || c == 'g' || (c == 'd' && j + 1 < k) ||
          ((c == 'n' || c == 'o') && tokens[j].cap) ||
          (quoted && IsOneOf("dpjonirs0qQ-", c)))) {
      return false;
    }
  }
  // (Else a capital after the colon, or after a quotation mark tagged as
  // other punctuation.)
  const auto opens_line = [&](size_t j) { return j < n && (tags[j] == 'q' || tokens[j].cap); };
  const auto quote_mark = [&](size_t j) {
    const absl::string_view w = TokenText(text, tokens[j]);
    return w == "'" || w == "\u2018" || w == "\u201c";
  };
  if (!quoted && !opens_line(k + 1) &&
      !(k + 1 < n && tags[k + 1] == '-' && quote_mark(k + 1) &&
        opens_line(k + 2))) {
    return false;
  }
  // (Not a handle after it: "Follow Keller on Twitter: @keller".)
  const size_t after = tokens[k].end;
  if (after + 1 < text.size() &&
      (text[after] == '@' || (text[after] == ' ' && text[after + 1] == '@'))) {
    return false;
  }
  // (A name: not a closed-class word first, "More on the Vote:", "June to
  // July:".)
  const WordInfo* head = EntryOf(text, tokens[0]);
  if (head != nullptr && head->word_class != WordClass::kNone) return false;
  return lex_->InListAnyCase(TokenText(text, tokens[m]), WordList::kLabelPrep);
}

int Tagger::NonePhraseEndingAt(absl::string_view text, const std::vector<Token>& tokens,
                               size_t i) const {
  // A sentence adverb is set off by punctuation: "All told, C", "C, all
  // told." ("They all told the court C" is a claim.) A noun compound
  // ("tax credits", flag compound) is one anywhere.
  const bool set_off = i + 1 >= tokens.size() || tokens[i + 1].tag == ',' ||
                       tokens[i + 1].tag == '.';
  // The phrase from the word `n` words before token i up to it, lower-cased
  // in a buffer as the forward lookup in WordTag() builds its phrases.
  for (int n = 1; n < lex_->max_none_end_words() && static_cast<size_t>(n) <= i; ++n) {
    char phrase_buf[Lexicon::kMaxCueForm];
    size_t size = 0;
    bool fits = true;
    for (size_t k = i - n; k <= i; ++k) {
      const absl::string_view w = TokenText(text, tokens[k]);
      if (w.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(w[0])) ||
          size + (k > i - n) + w.size() > sizeof(phrase_buf)) {
        fits = false;
        break;
      }
      if (k > i - n) phrase_buf[size++] = ' ';
      for (char c : w) phrase_buf[size++] = absl::ascii_tolower(c);
    }
    if (!fits) return -1;
    auto it = lex_->cue_forms().find(absl::string_view(phrase_buf, size));
    if (it != lex_->cue_forms().end() && lex_->cues()[it->second].backward &&
        (set_off || lex_->cues()[it->second].compound)) {
      return it->second;
    }
  }
  return -1;
}

bool Tagger::AgreesWith(absl::string_view text, const Token& token,
                        char number) const {
  const absl::string_view w = TokenText(text, token);
  char buf[kShortWord];
  return w.size() <= sizeof(buf) &&
         lex_->VerbNumber(LowerWord(w, buf)) == number;
}

const WordInfo* Tagger::EntryOf(absl::string_view text, const Token& token) const {
  if (token.info != &kWordNotLookedUp) return token.info;
  const absl::string_view w = TokenText(text, token);
  char buf[kShortWord];
  return w.size() <= sizeof(buf) ? lex_->Word(LowerWord(w, buf)) : nullptr;
}

bool Tagger::IsTitleWord(absl::string_view text, const Token& token) const {
  const WordInfo* info = EntryOf(text, token);
  return info != nullptr && info->title;
}

bool Tagger::TagSourceCue(absl::string_view text, std::vector<Token>* tokens,
                          std::string* tags) const {
  const size_t n = tokens->size();
  auto info_at = [&](size_t m) -> const WordInfo* {
    char buf[16];
    absl::string_view w = TokenText(text, (*tokens)[m]);
    return w.size() > sizeof(buf) ? nullptr : lex_->Word(LowerWord(w, buf));
  };
  auto is_of = [&](size_t m) {
    return absl::EqualsIgnoreCase(TokenText(text, (*tokens)[m]), "of");
  };
  // Where the sentence opens: after "and", "but" or an adverb ("But in the
  // latest poll, C").
  size_t front = 0;
  while (front < n && ((*tags)[front] == 'x' || (*tags)[front] == 'l')) ++front;
  bool made = false;
  for (size_t k = tags->find('r'); k != std::string::npos && k + 2 < n;
       k = tags->find('r', k + 1)) {
    char buf[16];
    absl::string_view prep = TokenText(text, (*tokens)[k]);
    if (prep.size() > sizeof(buf)) continue;
    const int cue = lex_->SourceCue(LowerWord(prep, buf));
    if (cue < 0) continue;
    // The noun phrase: determiners, modifiers, names, nouns, numbers and
    // possessives ("the latest Washington Post-ABC News poll", "Monday's
    // poll"), up to its last poll noun; a phrase whose head is another noun
    // ("In the context of election polls") names no poll. Inside the
    // sentence, "of" may join a quantity to the polls ("the vast majority
    // of the polls").
    size_t m = k + 1;
    size_t poll = 0;
    bool specific = false;
    // (A determiner opens the phrase ("the most recent"), or follows
    // "of": one after other words opens another phrase, "in South Carolina
    // atop the polls".)
    while (m < n && m - k <= 10) {
      const char tag = (*tags)[m];
      if (tag == 'r' && k != front && is_of(m) && m > k + 1) {
        // "of" joins the quantity to the polls.
      } else if (!IsOneOf("dpjoNRn0g-", tag) ||
                 (tag == 'd' && m > k + 1 && (*tags)[m - 1] != 'r' &&
                  (*tags)[m - 1] != 'd')) {
        break;
      }
      const WordInfo* w = info_at(m);
      if (w != nullptr && w->word_class == WordClass::kPollNoun) poll = m;
      ++m;
    }
    if (poll == 0) continue;
    // A poll the writer names or counts: a name, a possessive, a number or
    // "of" in the phrase, or a singular determiner ("a poll", "this
    // survey"); not "the polls" nor "national polls", the polls at large.
    for (size_t j = k + 1; j < poll && !specific; ++j) {
      const char tag = (*tags)[j];
      specific = tag == 'N' || tag == 'g' || tag == '0' || tag == 'r';
      if (j == k + 1 && tag == 'd') {
        const WordInfo* w = info_at(j);
        specific = w != nullptr && w->det_number == 's';
      }
    }
    if (k == front) {
      // After the poll noun, a phrase of its own up to the comma
      // ("conducted in May", "last month"): no cue, pronoun, clause word
      // or quotation; then what the poll found.
      m = poll + 1;
      while (m < n && m - poll <= 8 &&
             !IsOneOf(",.;:qQCPtwbv", (*tags)[m])) {
        ++m;
      }
      if (m + 1 >= n || (*tags)[m] != ',') continue;
    } else {
      // "Rubio moved from third to second in a survey from Florida": the
      // clause before the preposition is what the poll found, when the
      // phrase closes the clause (perhaps with a phrase of its own,
      // "released Sunday", "from Quinnipiac") and the poll is one the
      // writer names or counts.
      if (!specific || k == 0 ||
          IsOneOf(",;:~(sxr", (*tags)[k - 1])) {
        continue;
      }
      m = poll + 1;
      while (m < n && m - poll <= 6 &&
             !IsOneOf(",.;:~()qQCPtwbvxs", (*tags)[m])) {
        ++m;
      }
      if (m < n && !IsOneOf(",.;:~(xs", (*tags)[m])) {
        continue;
      }
    }
    Token& t = (*tokens)[k];
    t.cue_words = 1;
    t.cue = cue;
    t.tag = 'C';
    (*tags)[k] = 'C';
    made = true;
  }
  return made;
}

void Tagger::TagTimeAfterCue(absl::string_view text, std::vector<Token>* tokens,
                             std::string* tags) const {
  auto word_class = [&](size_t k) {
    const Token& t = (*tokens)[k];
    char buf[16];
    absl::string_view w = text.substr(t.begin, t.end - t.begin);
    if (w.size() > sizeof(buf)) return WordClass::kNone;
    // (Word(): its shape filter answers for most words without a hash.)
    const WordInfo* info = lex_->Word(LowerWord(w, buf));
    return info == nullptr ? WordClass::kNone : info->word_class;
  };
  const size_t n = tokens->size();
  // (Called for every sentence: find() skips to the cues.)
  for (size_t k = tags->find('C'); k != std::string::npos && k + 2 < n;
       k = tags->find('C', k + 1)) {
    size_t j = k + 1;
    while (j < n && (*tags)[j] == '_') ++j;
    // The words that open a phrase of time: one or two of an adverb
    // ("last", "earlier"), a number or a determiner ("this", "a week ago"),
    // or a weekday alone ("Tuesday night"; not a name, "told Smith last
    // week"); then the noun of time, and perhaps "ago".
    // (Tags first: a word is looked up only where a noun of time can be.
    // A lower-case word opens the phrase only before another, "two days".)
    size_t m = j;
    if (m < n && (*tags)[m] == 'N' && (*tokens)[m].time) {
      ++m;
    } else {
      while (m < n && m - j < 2 &&
             ((*tags)[m] == 'l' || (*tags)[m] == '0' || (*tags)[m] == 'd' ||
              ((*tags)[m] == 'o' && m + 1 < n && (*tags)[m + 1] == 'o'))) {
        ++m;
      }
    }
    if (m == j || m >= n || (*tags)[m] != 'o' || word_class(m) != WordClass::kTimeNoun) {
      continue;
    }
    size_t end = m + 1;
    while (end < n && (*tags)[end] == 'o' && word_class(end) == WordClass::kTimeNoun) ++end;
    // A number in words only before a word that measures back from then
    // ("two days ago", "two days later": function_words.tsv list timeback);
    // other words before a noun of time are its adjectives ("said the past
    // week").
    const bool ago =
        lex_->InListAnyCase(TokenText(text, (*tokens)[end - 1]), WordList::kTimeBack);
    bool lead_ok = true;
    for (size_t q = j; q < m; ++q) lead_ok &= (*tags)[q] != 'o' || ago;
    if (!lead_ok) continue;
    // Not a noun phrase that goes on ("said this week's vote", "said the
    // year ahead", "called for a week of protests").
    if (end < n && IsOneOf("gonNRij0", (*tags)[end])) continue;
    if (end < n && (*tags)[end] == 'r' &&
        absl::EqualsIgnoreCase(TokenText(text, (*tokens)[end]), "of")) {
      continue;
    }
    // A determiner only as one that places the time from now ("this week",
    // "next year": list timedet) or counts it ("a week ago", "each day":
    // list time_count); not "the year", "his day".
    bool ok = true;
    for (size_t q = j; ok && q < m; ++q) {
      if ((*tags)[q] != 'd') continue;
      const absl::string_view w = TokenText(text, (*tokens)[q]);
      ok = lex_->InListAnyCase(w, WordList::kTimeDet) ||
           lex_->InListAnyCase(w, WordList::kTimeCount);
    }
    if (!ok) continue;
    for (size_t q = j; q < end; ++q) {
      (*tokens)[q].tag = 'l';
      (*tags)[q] = 'l';
    }
    k = end - 1;
  }
  // The same before the cue, between its subject and it ("The mayor last
  // week said", "A poll this month found"): an adverb or "this"/"next"
  // and the noun of time, right before the cue or its auxiliaries.
  for (size_t k = tags->find('C'); k != std::string::npos && k >= 2;
       k = tags->find('C', k + 1)) {
    size_t e = k;
    while (e > 0 && ((*tags)[e - 1] == 'v' || (*tags)[e - 1] == 'z')) --e;
    size_t m = e;
    while (m > 0 && (*tags)[m - 1] == 'o' && word_class(m - 1) == WordClass::kTimeNoun) --m;
    if (m == e || m == 0) continue;
    const size_t lead = m - 1;
    if ((*tags)[lead] == 'd') {
      const Token& t = (*tokens)[lead];
      char buf[8];
      absl::string_view w = text.substr(t.begin, t.end - t.begin);
      absl::string_view lw = w.size() <= sizeof(buf) ? LowerWord(w, buf) : "";
      if (lw != "this" && lw != "next") continue;
    } else if ((*tags)[lead] != 'l') {
      continue;
    }
    // A subject before it ("The mayor last week"), not the sentence's start.
    if (lead == 0) continue;
    for (size_t q = lead; q < e; ++q) {
      (*tokens)[q].tag = 'l';
      (*tags)[q] = 'l';
    }
  }
}

bool Tagger::LightVerbObject(absl::string_view text, const std::vector<Token>& tokens,
                             size_t i) const {
  int modifiers = 0;
  bool determiner = false;
  for (size_t k = i; k-- > 1;) {
    const Token& t = tokens[k];
    if ((t.tag == 'o' || t.tag == 'i') && !t.cap) {
      const absl::string_view w = TokenText(text, t);
      char buf[16];
      const WordInfo* info = w.size() <= sizeof(buf) ? lex_->Word(LowerWord(w, buf)) : nullptr;
      if (info != nullptr && info->word_class == WordClass::kLightVerb) return true;
    }
    if (determiner) return false;
    if (t.tag == 'd' || t.tag == 'p' || t.tag == 'z') {
      determiner = true;
    } else if (modifiers < 2 && (t.tag == 'l' || t.tag == 'i' || ModifiesNoun(text, t))) {
      ++modifiers;
    } else {
      return false;
    }
  }
  return false;
}

int Tagger::AddresseeGapCue(absl::string_view text, const std::vector<Token>& tokens,
                            size_t i, int* cue) const {
  constexpr size_t kMaxAddresseeWords = 12;  // ("spoke to X News Saturday on Y Channel 125 about")
  auto info_at = [&](size_t k, char* buf, size_t size) -> const WordInfo* {
    absl::string_view w = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    return w.size() <= size ? lex_->Word(LowerWord(w, buf)) : nullptr;
  };
  char buf[16];
  if (i + 3 >= tokens.size() || tokens[i + 1].tag != 'o' || tokens[i + 1].cap) return 0;
  const WordInfo* prep = info_at(i + 1, buf, sizeof(buf));
  // "spoke to reporters about", "spoke at length about": the prepositions of
  // the gap forms in verbs.tsv.
  if (prep == nullptr || (prep->word_class != WordClass::kPrep &&
                          prep->word_class != WordClass::kVenuePrep)) {
    return 0;
  }
  absl::string_view prep_word =
      text.substr(tokens[i + 1].begin, tokens[i + 1].end - tokens[i + 1].begin);
  for (size_t k = i + 2; k < tokens.size() && k <= i + 2 + kMaxAddresseeWords; ++k) {
    if (tokens[k].tag != 'o') return 0;
    const WordInfo* w = info_at(k, buf, sizeof(buf));
    if (k > i + 2 && !tokens[k].cap && w != nullptr &&
        (w->word_class == WordClass::kPrep || w->word_class == WordClass::kVenuePrep)) {
      std::string phrase(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
      phrase.push_back(' ');
      phrase.append(prep_word.data(), prep_word.size());
      phrase += " ... ";
      absl::string_view next = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
      phrase.append(next.data(), next.size());
      for (char& c : phrase) c = absl::ascii_tolower(c);
      auto it = lex_->cue_forms().find(phrase);
      // "spoke at the hall on Monday about": a phrase of place or time in
      // the gap; the gap goes on to a preposition that closes a form.
      if (it == lex_->cue_forms().end()) continue;
      // "worth about $9 billion": "about" before an amount is no preposition.
      if (AmountAfter(text, tokens, k)) return 0;
      *cue = it->second;
      return static_cast<int>(k - i + 1);
    }
    if (w == nullptr || w->cue >= 0) {
      if (w != nullptr) return 0;
      continue;
    }
    switch (w->word_class) {
      case WordClass::kNone:
      case WordClass::kDet:
      case WordClass::kPoss:
      case WordClass::kPron:
      case WordClass::kMod:
      case WordClass::kWeekday:
      case WordClass::kMediumNoun:
      case WordClass::kJudgement:
      case WordClass::kStanceNoun:
      case WordClass::kPollNoun:
      case WordClass::kPageControl:
      case WordClass::kAdjective:
      case WordClass::kParticle:
      case WordClass::kCausativeBare:
        break;
      // "apologized to his staff and to the mayor for": a second addressee
      // after "and"/"or" and the gap's own preposition again.
      case WordClass::kConj:
        if (k + 1 >= tokens.size() ||
            !absl::EqualsIgnoreCase(TokenText(text, tokens[k + 1]), prep_word)) {
          return 0;
        }
        break;
      default:
        return 0;
    }
  }
  return 0;
}

// "Similarly, ...", "Shortly after the vote, ...", "Hastily leaving the
// room, ...": a word in -ly before a comma, a word in -ing or a function
// word is an adverb; "Speaking at a rally, ...", "Following the vote, ...":
// a word in -ing before a determiner, a possessive or a preposition (not
// "of": "Polling of voters shows ...") is a participle when a comma ends its
// clause. Not a first name ("Beverly", "Sterling"), nor a surname in -elly,
// -illy, -olly or -ully ("Donnelly", "Reilly", "Connolly").
char Tagger::OpenerTag(absl::string_view text, const Token* word,
                       const Token* end) const {
  const absl::string_view w = TokenText(text, *word);
  const Token* next = word + 1;
  const absl::string_view nw = TokenText(text, *next);
  if (nw.empty() || w.size() < 6) return 'N';
  auto ends_with = [&](const char* suffix, size_t len) {
    for (size_t j = 0; j < len; ++j) {
      if (absl::ascii_tolower(static_cast<unsigned char>(w[w.size() - len + j])) != suffix[j]) {
        return false;
      }
    }
    return true;
  };
  const bool ly = ends_with("ly", 2);
  if (ly) {
    if (ends_with("elly", 4) || ends_with("illy", 4) || ends_with("olly", 4) ||
        ends_with("ully", 4)) {
      return 'N';
    }
    if (nw == ",") return lex_->FirstNameGender(w) == 0 ? 'l' : 'N';
  } else if (!ends_with("ing", 3)) {
    return 'N';
  }
  if (!absl::ascii_islower(static_cast<unsigned char>(nw[0]))) return 'N';
  char buf[16];
  const WordInfo* n = nw.size() <= sizeof(buf) ? lex_->Word(LowerWord(nw, buf)) : nullptr;
  bool opens = false;
  if (n != nullptr) {
    switch (n->word_class) {
      case WordClass::kDet:
      case WordClass::kPoss:
      case WordClass::kAdjunctPrep:
      case WordClass::kVenuePrep:
      case WordClass::kAgent:
      case WordClass::kTimeSub:
        opens = true;
        break;
      case WordClass::kPrep:
        opens = nw != "of";
        break;
      default:
        break;
    }
  }
  if (ly) {
    opens |= absl::EndsWith(nw, "ing");
  } else {
    bool comma = false;
    for (const Token* t = next + 1; opens && !comma && t < end; ++t) {
      comma = t->end == t->begin + 1 && text[t->begin] == ',';
    }
    opens = comma;
  }
  if (!opens || lex_->FirstNameGender(w) != 0) return 'N';
  return ly ? 'l' : 'i';
}

// (Inlined into Tag(), its only caller: once per word.)
ABSL_ATTRIBUTE_ALWAYS_INLINE
char Tagger::WordTag(absl::string_view text, std::vector<Token>* token_list,
                     size_t i, bool headline, std::string* buffer,
                     uint64_t* classes) const {
  const std::vector<Token>& tokens = *token_list;
  Token& t = (*token_list)[i];
  // Whether the word begins a sentence, or what reads as one: asked only
  // where it matters: for a word the lexicons know.
  auto sentence_start = [&] {
    return headline || i == 0 ||
           kOpensSentence.after[static_cast<unsigned char>(tokens[i - 1].tag)];
  };
  absl::string_view word = TokenText(text, t);
  // (Tag() looked most words up as it read them, a word of ASCII letters
  // and digits, no number, with sixteen bytes of text from its start, and
  // tags one no lexicon knows, the commonest, by its shape: t.info is not
  // nullptr here.)
  char small[32];
  // The word in lower case; for a word Tag() looked up, the word as
  // written until lower_case() makes it so: most known words are function
  // words their class alone tags, and ShapeTag() reads either case.
  absl::string_view lower;
  bool lowered = true;
  auto lower_case = [&] {
    if (!lowered) lower = LowerLookedUp(word, small);
    lowered = true;
  };
  const WordInfo* info;
  if (t.info != &kWordNotLookedUp) {
    info = t.info;
    lower = word;
    lowered = false;
  } else {
    if (word.empty()) return '-';
    // (A number is tagged by its first byte, which lower-casing keeps.)
    if (absl::ascii_isdigit(static_cast<unsigned char>(word[0]))) return '0';
    // Zeroed: LowerWord() writes no byte past the word, so a short word
    // stands in `small` as Lexicon::PaddedWord() takes it.
    std::memset(small, 0, sizeof(small));
    if (word.size() > sizeof(small) && buffer->size() < word.size()) {
      buffer->resize(word.size());
    }
    lower =
        LowerWord(word, word.size() <= sizeof(small) ? small : &(*buffer)[0]);
    info = lower.data() == small && lower.size() <= kShortWord ? lex_->PaddedWord(small)
                                                               : lex_->Word(lower);
    // (A word whose \u2019 was read as an apostrophe is not the word the
    // attribution rules would look up.)
    if (lower.size() == word.size()) t.info = info;
  }
  if (info != nullptr) *classes |= uint64_t{1} << static_cast<int>(info->word_class);
  // "her denial", "the senator's sharp warning", "his infamous recent
  // comment": a noun cue (class nominal) right after a possessive, perhaps
  // with one or two modifiers between.
  bool possessed_noun = false;
  // Whether the possessive pronoun of those modifiers follows a
  // preposition ("to his controversial remarks"): no subject, so no verb.
  bool possessed_object = false;
  // Whether a light verb takes it as its object ("made the case"): a noun.
  bool light_object = false;
  // Whether it reports a clause of "that" with no possessor (below).
  bool bare_noun = false;
  if (info != nullptr && info->noun_cue >= 0 && !t.cap && i > 0) {
    const char prev = tokens[i - 1].tag;
    const size_t possessive = prev == 'p' || prev == 'g' ? 0 : PossessiveBeforeModifiers(text, tokens, i);
    const bool light_only = lex_->cues()[info->noun_cue].light_only;
    light_object = (light_only || (prev != 'p' && prev != 'g' && possessive == 0)) &&
                   LightVerbObject(text, tokens, i);
    // Its tag stays that of the noun ("Y's remarks" is no cue to the rules
    // of other cues); only the rules of its class attribute it.
    if (light_object ||
        (!light_only && (prev == 'p' || prev == 'g' || possessive > 0))) {
      t.cue_words = 1;
      t.cue = info->noun_cue;
      possessed_noun = true;
      possessed_object = possessive > 0 && tokens[possessive].tag == 'p' &&
                         tokens[possessive - 1].tag == 'r';
    }
    // "Despite complaints that C", "there were complaints that C", "The
    // announcement that C": with no possessor and right before "that", a noun
    // cue that opens its clause, perhaps with a determiner and two modifiers,
    // reports that clause from no one named (rule noun_that): at the
    // sentence's start, after a subordinator, or after "there" and a copula.
    // (The object of a verb or preposition, "said in a statement that C",
    // "persisted in arguments that C", is mostly the act of that verb's
    // subject.)
    const WordInfo* next =
        i + 1 < tokens.size() ? EntryOf(text, tokens[i + 1]) : nullptr;
    if (!possessed_noun && next != nullptr &&
        next->word_class == WordClass::kThat) {
      size_t s = i;
      while (s > 0 && i - s < 2 && IsOneOf("jloi", tokens[s - 1].tag)) --s;
      if (s > 0 && tokens[s - 1].tag == 'd') --s;
      size_t o = s;  // (after "But" or "Still,": the start still)
      while (o > 0 && IsOneOf("xl,", tokens[o - 1].tag)) --o;
      size_t v = s;
      while (v > 0 && i - v < 5 && IsOneOf("bv", tokens[v - 1].tag)) --v;
      // (Not before a light verb: "the promise that the firm made" is
      // what the firm made.)
      bool made = false;
      for (size_t k = i + 2; k < tokens.size() && k < i + 6 && !made; ++k) {
        const WordInfo* w = tokens[k].cap ? nullptr : EntryOf(text, tokens[k]);
        made = w != nullptr && w->word_class == WordClass::kLightVerb;
      }
      if (!made && (o == 0 || tokens[s - 1].tag == 's' ||
                    (v < s && v > 0 && tokens[s - 1].tag == 'b' &&
                     lex_->InListAnyCase(TokenText(text, tokens[v - 1]),
                                         WordList::kLocative)))) {
        t.cue_words = 1;
        t.cue = info->noun_cue;
        bare_noun = true;
      }
    }
  }
  // Cues: lower case (or first in the sentence), not after a determiner
  // ("the report", "his call": nouns).
  if (info != nullptr && (info->cue >= 0 || info->cue_prefix) &&
      (!t.cap || sentence_start())) {
    lower_case();
    char prev = i > 0 ? tokens[i - 1].tag : ' ';
    // "the report", "his call": nouns.
    bool noun_slot = prev == 'd' || prev == 'p' || prev == 'g' || prev == 'j';
    // "The police chief said C": a modifier that is also a title
    // (titles.tsv: "chief") heads its noun phrase before a cue form with
    // no noun reading ("said", "says"; not "the chief claims of").
    if (prev == 'j' && info->noun_cue < 0 && IsTitleWord(text, tokens[i - 1])) {
      noun_slot = false;
    }
    // A cue of flag infinitive ("attack") is one only right after the
    // marker of an infinitive ("to": function_words.tsv list inf_to).
    if (info->cue >= 0 && lex_->cues()[info->cue].infinitive_only) {
      if (prev != 'r' ||
          !lex_->InListAnyCase(TokenText(text, tokens[i - 1]), WordList::kInfinitiveTo)) {
        noun_slot = true;
      }
    }
    // A cue of flag subject ("states") is one only right after a subject
    // pronoun ("it states that C") or a noun of a document (nominals.tsv
    // type document: "the memo states that C"), perhaps with an adverb
    // between ("the memo also states"); elsewhere it is the plural noun it
    // mostly is ("in swing states that C", "the states that voted").
    if (info->cue >= 0 && lex_->cues()[info->cue].subject_only) {
      size_t s = i;
      if (s >= 2 && prev == 'l') --s;
      const char before = s >= 1 ? tokens[s - 1].tag : ' ';
      const WordInfo* head = before == 'n' ? EntryOf(text, tokens[s - 1]) : nullptr;
      if (before != 'P' &&
          (head == nullptr || head->nominal != v1::ENTITY_TYPE_DOCUMENT)) {
        noun_slot = true;
      }
    }
    // A noun cue after a possessive and its modifiers is a noun ("his
    // infamous comment", "her earlier warning"), but a form in -s after a
    // word not shaped like an adjective may be a verb ("his spokesman
    // claims that C"), unless a preposition stands before the possessive.
    // So is one after a single modifier in -ed or -est right after the
    // possessive ("his repeated claims that C", "her latest remarks on C"),
    // or after an adjective of function_words.tsv class adj ("Trump's false
    // claims that C").
    if (possessed_noun && !noun_slot) {
      const absl::string_view before = TokenText(text, tokens[i - 1]);
      const WordInfo* modifier = EntryOf(text, tokens[i - 1]);
      noun_slot =
          !absl::EndsWith(lower, "s") || prev == 'j' || possessed_object ||
          light_object || AdjectiveShaped(before) ||
          (modifier != nullptr &&
           modifier->word_class == WordClass::kAdjective) ||
          (i >= 2 && (tokens[i - 2].tag == 'g' || tokens[i - 2].tag == 'p') &&
           before.size() >= 5 &&
           (absl::EndsWith(before, "ed") || absl::EndsWith(before, "est")));
    }
    // "her Wall Street remarks", "their Fifth Amendment claims": a cue
    // form with a noun reading right after a possessive pronoun and names
    // is the noun the names modify (a name after "her" is no subject).
    if (!noun_slot && prev == 'N' && info->cue >= 0 &&
        !lex_->cues()[info->cue].verb_only) {
      size_t s = i - 1;
      while (s > 0 && i - s < 4 && tokens[s - 1].tag == 'N') --s;
      noun_slot = s > 0 && tokens[s - 1].tag == 'p' && !tokens[s - 1].cap;
    }
    // "derogatory comments", "early-morning tweets": a form in -s after an
    // adjective is a plural noun, not a verb (a subject before a verb in -s
    // is a noun or a name, rarely shaped like an adjective).
    // "an earlier report", "his widely shared post": an adverb-like word
    // between a determiner or possessive and the cue form (but "Some also
    // say": a determiner that stands for its noun phrase).
    if (!noun_slot && prev == 'l' && i >= 2 &&
        (tokens[i - 2].tag == 'p' || tokens[i - 2].tag == 'd')) {
      absl::string_view det = text.substr(tokens[i - 2].begin,
                                          tokens[i - 2].end - tokens[i - 2].begin);
      char dl[16];
      const WordInfo* d =
          det.size() <= sizeof(dl) ? lex_->Word(LowerWord(det, dl)) : nullptr;
      noun_slot = d == nullptr || (d->word_class != WordClass::kPronDet &&
                                   d->word_class != WordClass::kPronDetSingular);
    }
    if (!noun_slot && prev == 'o' && absl::EndsWith(lower, "s") &&
        !absl::EndsWith(lower, "ss")) {
      absl::string_view before = text.substr(tokens[i - 1].begin,
                                             tokens[i - 1].end - tokens[i - 1].begin);
      // "The trip follows claims that C", "her arrest follows reports
      // that C": after a determiner or a possessive, a noun not in -s and
      // a lower-case word in -s, a verb that agrees with it, a form in -s
      // with a noun reading (no flag verb in verbs.tsv) is that verb's
      // object ("The party headquarters says C" keeps its verb). (Not after a
      // plural noun that ends a longer phrase: "a review of attacks on federal
      // agencies shows C", "the average of the past two weeks shows C".)
      //
      // "those recent comments": after a plural determiner and a word not in
      // -s, the form in -s heads the noun phrase (its verb would agree with no
      // plural subject).
      const WordInfo* det = i >= 2 && tokens[i - 2].tag == 'd'
                                ? EntryOf(text, tokens[i - 2])
                                : nullptr;
      // "The project, too, raises questions", "it draws complaints": so after
      // a form in -s of a verb right after its subject, a pronoun, an adverb
      // or the comma that closes an aside (not "-ies": "the series claims").
      noun_slot =
          AdjectiveShaped(before) ||
          (det != nullptr && det->det_number == 'p' &&
           !absl::EndsWith(before, "s")) ||
          (i >= 2 && IsOneOf(",lP", tokens[i - 2].tag) &&
           VerbShapedInS(before) && !absl::EndsWith(before, "ies") &&
           info->cue >= 0 && !lex_->cues()[info->cue].verb_only) ||
          (info->cue >= 0 && !lex_->cues()[info->cue].verb_only && i >= 3 &&
           (tokens[i - 3].tag == 'd' || tokens[i - 3].tag == 'p') &&
           (tokens[i - 2].tag == 'o' || tokens[i - 2].tag == 'n') &&
           !tokens[i - 2].cap && text[tokens[i - 2].end - 1] != 's' &&
           VerbShapedInS(before) &&
           !lex_->InListAnyCase(TokenText(text, tokens[i - 2]),
                                WordList::kNumberWord));
      // "raised questions", "unveiled plans", "settled charges that C": a
      // form in -s right after a lower-case past form is its object or the
      // noun a participle modifies, not the verb of a subject ending in it.
      // (Not before a preposition or "that": a noun of speech with its
      // topic or its content, "faced questions about C", "prompted calls
      // for C", "amid published reports that C", reports a claim still.)
      if (!noun_slot && before.size() >= 5 && absl::EndsWith(before, "ed") &&
          i + 1 < tokens.size()) {
        const WordInfo* n = EntryOf(text, tokens[i + 1]);
        noun_slot = n == nullptr ||
                    (n->word_class != WordClass::kPrep && n->word_class != WordClass::kAgent &&
                     n->word_class != WordClass::kVenuePrep &&
                     n->word_class != WordClass::kAdjunctPrep &&
                     n->word_class != WordClass::kThat);
      }
    }
    // "Olympic champion Kim Lee", "world champion Johnson": the base form
    // of a cue that is also a title word (titles.tsv) right before a
    // capitalised word is the title of the name it opens, not a verb.
    if (!noun_slot && info->cue >= 0 && info->title && i + 1 < tokens.size() &&
        tokens[i + 1].cap && lower == lex_->cues()[info->cue].lemma) {
      noun_slot = true;
    }
    // "White House press secretary", ", press secretary Dana Lee": a base
    // form right before a title in lower case modifies it (a verb before a
    // title meets it capitalised, with a name: "urge President Hart").
    if (!noun_slot && info->cue >= 0 && i + 1 < tokens.size() &&
        !tokens[i + 1].cap && lower == lex_->cues()[info->cue].lemma) {
      const Token& next = tokens[i + 1];
      absl::string_view nw = text.substr(next.begin, next.end - next.begin);
      char nl[32];
      const WordInfo* n = nw.size() <= sizeof(nl) ? lex_->Word(LowerWord(nw, nl)) : nullptr;
      noun_slot = n != nullptr && n->title;
    }
    // "a simple question", "an angry call": the base form after "a" and a
    // word is a noun (a verb there would agree with a plural subject).
    // The same after "his", "the" and a word not in -s ("his conclusory
    // comment"; but "his aides say", "those surveyed say": plural subjects;
    // nor a verb with no noun reading, "people across the state say").
    if (!noun_slot && prev == 'o' && i >= 2 &&
        (tokens[i - 2].tag == 'd' || tokens[i - 2].tag == 'p') &&
        info->cue >= 0 && lower == lex_->cues()[info->cue].lemma) {
      absl::string_view det = text.substr(tokens[i - 2].begin,
                                          tokens[i - 2].end - tokens[i - 2].begin);
      absl::string_view before = text.substr(tokens[i - 1].begin,
                                             tokens[i - 1].end - tokens[i - 1].begin);
      char dl[16];
      const WordInfo* d =
          det.size() <= sizeof(dl) ? lex_->Word(LowerWord(det, dl)) : nullptr;
      noun_slot = (d != nullptr && d->det_number == 's') ||
                  (!lex_->cues()[info->cue].verb_only && !absl::EndsWith(before, "s") &&
                   d != nullptr && d->det_number != 'p' &&
                   d->word_class != WordClass::kPronDet &&
                   d->word_class != WordClass::kPronDetSingular);
    }
    // "a 2014 estimate", "the 9/11 comment", "his 2005 vote": a cue form
    // after a determiner or a possessive and a number in digits (a year, a
    // date) is a noun the number modifies ("the 40 say" is rare; "the two
    // say" has no digits; "a 21-year-old wanted" ends in its noun).
    if (!noun_slot && prev == '0' && i >= 2 &&
        absl::ascii_isdigit(static_cast<unsigned char>(text[tokens[i - 1].end - 1]))) {
      size_t k = i - 1;
      while (k > 0 && (tokens[k - 1].tag == '0' ||
                       (tokens[k - 1].tag == '-' && k >= 2 && tokens[k - 2].tag == '0' &&
                        tokens[k - 1].end == tokens[k].begin &&
                        tokens[k - 2].end == tokens[k - 1].begin))) {
        --k;
      }
      if (k > 0) {
        const char before_tag = tokens[k - 1].tag;
        if (before_tag == 'p' || before_tag == 'g') {
          noun_slot = true;
        } else if (before_tag == 'd') {
          const WordInfo* d = EntryOf(text, tokens[k - 1]);
          noun_slot = d != nullptr && d->word_class == WordClass::kDet;
        }
      }
    }
    // A noun compound: "the tax plan", "his conference call", "the Clinton
    // plan": the base form right after a word not in -s ("aides say") is a
    // noun when that word follows a plain determiner, or, in lower case, a
    // possessive or a modifier: a verb there would need a plural subject.
    // (Not after "those", "each", a number, a preposition or a name: "those
    // surveyed say", "voters in each state want", "41 percent say", "the
    // GOP nomination say" end a subject.)
    // "the sniper posts and bunkers", "asylum requests were", "the tax
    // credits have": the base or -s form after a lower-case word not in -s
    // and before an auxiliary, a copula, "and"/"or" or another cue heads the
    // subject; it is no verb.
    if (!noun_slot && (prev == 'o' || prev == 'N' || prev == 'i') && i >= 2 &&
        info->cue >= 0 &&
        !absl::EndsWith(TokenText(text, tokens[i - 1]), "s")) {
      const std::string& lemma = lex_->cues()[info->cue].lemma;
      const bool base = lower == lemma;
      const bool s_form = !base && absl::StartsWith(lower, lemma) &&
                          absl::EndsWith(lower, "s") && lower.size() <= lemma.size() + 2;
      const char before_tag = tokens[i - 2].tag;
      bool compound_start =
          prev == 'o' && (before_tag == 'p' || before_tag == 'g' || before_tag == 'j');
      if (before_tag == 'd') {
        absl::string_view det = TokenText(text, tokens[i - 2]);
        char dl[16];
        const WordInfo* d =
            det.size() <= sizeof(dl) ? lex_->Word(LowerWord(det, dl)) : nullptr;
        // (After "a" and an -ing word the bare form may still report what
        // follows: "a passing promise that C".)
        compound_start = d != nullptr && d->word_class == WordClass::kDet &&
                         d->det_number != 'p' &&
                         (prev != 'i' || d->det_number != 's');
      }
      // "A new Pew Research report compares", "the Clinton deposition
      // request": so after a longer run of modifiers, names and nouns that
      // such a determiner opens, none in -s ("The Iranians wanna see C") nor
      // in -ed but right after the determiner ("the ACLU helped defend C";
      // "a pointed follow-up question"), but not one after a preposition
      // ("residents of a Chicago suburb claim C" may end the subject
      // there), a conjunction ("X and the White House question C") or an
      // auxiliary ("Did the Clinton Foundation refuse to C?").
      if (base && !compound_start && IsOneOf("oijNn0-", before_tag)) {
        size_t s = i - 2;
        while (s > 0 && i - s < 6 && IsOneOf("oijNn0-", tokens[s].tag) &&
               text[tokens[s].end - 1] != 's' &&
               (tokens[s - 1].tag == 'd' ||
                !absl::EndsWith(TokenText(text, tokens[s]), "ed"))) {
          --s;
        }
        if (tokens[s].tag == 'd' &&
            (s == 0 || !IsOneOf("rvx", tokens[s - 1].tag))) {
          const WordInfo* d = EntryOf(text, tokens[s]);
          compound_start = d != nullptr && d->word_class == WordClass::kDet &&
                           d->det_number != 'p';
        }
      }
      if (base && compound_start && !lex_->cues()[info->cue].verb_only) {
        noun_slot = true;
      } else if (prev == 'o' && (base || s_form) && i + 1 < tokens.size()) {
        absl::string_view nw = TokenText(text, tokens[i + 1]);
        char nl[16];
        const WordInfo* n =
            nw.size() <= sizeof(nl) ? lex_->Word(LowerWord(nw, nl)) : nullptr;
        noun_slot = n != nullptr && absl::ascii_islower(static_cast<unsigned char>(nw[0])) &&
                    (n->word_class == WordClass::kAux || n->word_class == WordClass::kModal ||
                     n->word_class == WordClass::kCop || n->word_class == WordClass::kConj ||
                     n->cue >= 0);
      }
    }
    // '"Keep out," the sign read.': right after a closing quotation mark,
    // a determiner and a word, a base form that ends the sentence is the
    // verb of the attribution (a past form like the base: "read", "put").
    if (noun_slot && prev == 'o' && i >= 3 && tokens[i - 3].tag == 'Q' &&
        (tokens[i - 2].tag == 'd' || tokens[i - 2].tag == 'p') &&
        (i + 1 == tokens.size() || tokens[i + 1].tag == '.')) {
      noun_slot = false;
    }
    // "Some say", "Another said": a determiner that opens its noun phrase
    // and stands for it, before a verb form (a form in -s is a noun there:
    // "some reports").
    if (prev == 'd' && !absl::EndsWith(lower, "s") &&
        (i < 2 || (tokens[i - 2].tag != 'd' && tokens[i - 2].tag != 'p' &&
                   tokens[i - 2].tag != 'j' && tokens[i - 2].tag != 'g'))) {
      absl::string_view det = text.substr(tokens[i - 1].begin,
                                          tokens[i - 1].end - tokens[i - 1].begin);
      char dl[16];
      if (det.size() <= sizeof(dl)) {
        const WordInfo* d = lex_->Word(LowerWord(det, dl));
        if (d != nullptr && d->word_class == WordClass::kPronDet) noun_slot = false;
        // After "another", "each": a past form only (not a base form).
        if (d != nullptr && d->word_class == WordClass::kPronDetSingular &&
            info->cue >= 0) {
          const std::string& lemma = lex_->cues()[info->cue].lemma;
          noun_slot = !(absl::EndsWith(lower, "ed") ||
                        (lower != lemma && !absl::EndsWith(lower, "ing")));
        }
      }
    }
    // "A Financial Times report said C", "the NBC News report also said
    // C": the base or -s form of a cue with a noun reading (a nominal of
    // nominals.tsv, "report", or a noun cue, "claim") right after a name or
    // a nominal, before the finite verb of another cue (a past form, or a
    // form of a cue of flag verb, "says"; perhaps after one adverb), heads
    // the subject: a verb there would take no second verb. (Not before a
    // noun, "Democrats demand answers"; nor a verb with no noun reading
    // before a participle that modifies its object, "Critics blast
    // proposed rules".)
    if (!noun_slot && (prev == 'N' || prev == 'n' || prev == 'o') && info->cue >= 0 &&
        (info->nominal != v1::ENTITY_TYPE_UNSPECIFIED || info->noun_cue >= 0) &&
        !lex_->cues()[info->cue].verb_only && i + 1 < tokens.size()) {
      const std::string& lemma = lex_->cues()[info->cue].lemma;
      const bool base = lower == lemma;
      const bool s_form = !base && absl::StartsWith(lower, lemma) &&
                          absl::EndsWith(lower, "s") && lower.size() <= lemma.size() + 2;
      size_t j = i + 1;
      if (base || s_form) {
        const WordInfo* a = EntryOf(text, tokens[j]);
        if (a != nullptr && a->word_class == WordClass::kAdv && !tokens[j].cap &&
            j + 1 < tokens.size()) {
          ++j;
        }
      }
      const WordInfo* v = (base || s_form) && !tokens[j].cap ? EntryOf(text, tokens[j]) : nullptr;
      if (v != nullptr && v->cue >= 0) {
        const CueEntry& next = lex_->cues()[v->cue];
        const absl::string_view nw = TokenText(text, tokens[j]);
        const bool ing = absl::EndsWithIgnoreCase(nw, "ing");
        const bool past = !ing && !absl::EndsWithIgnoreCase(nw, "s") &&
                          !absl::EqualsIgnoreCase(nw, next.lemma);
        // "a police report indicates C": a base form before a form in -s;
        // "company reports show C": a form in -s before a base form of a
        // verb with no noun reading ("Trump claims support from X" is a
        // verb and its object).
        const bool agrees =
            (base && !ing && absl::EndsWithIgnoreCase(nw, "s") &&
             absl::StartsWithIgnoreCase(nw, next.lemma)) ||
            (s_form && absl::EqualsIgnoreCase(nw, next.lemma) &&
             v->noun_cue < 0 && v->nominal == v1::ENTITY_TYPE_UNSPECIFIED &&
             (next.verb_only || next.cue_class == CueClass::kEvidence));
        noun_slot = next.cue_class != CueClass::kNone &&
                    (past || (next.verb_only && !ing) || agrees);
      }
    }
    // "a self-described socialist" (flag attributive): a cue only right
    // after a determiner of one or a conjunction.
    if (info->cue >= 0 && lex_->cues()[info->cue].attributive_only) {
      noun_slot = !(prev == 'x' ||
                    (prev == 'd' && lex_->InListAnyCase(TokenText(text, tokens[i - 1]),
                                                        WordList::kDetOne)));
    }
    // "amid fears that C", "despite false claims that C": such a noun
    // cue right after a subordinator or a modifier is no verb (a verb there
    // would have no subject).
    // (Not a form in -ing: "after warning that C" is a gerund.)
    if (bare_noun && IsOneOf("sj", prev) && !absl::EndsWith(lower, "ing")) {
      noun_slot = true;
    }
    if (!noun_slot) {
      if (info->cue >= 0) {
        t.cue_words = 1;
        t.cue = info->cue;
      }
      if (info->cue_prefix) {
        // The phrase so far, lower-cased, on the stack: a phrase longer
        // than the buffer is longer than every cue form (see Lexicon's
        // kMaxCueForm), and `lower`, the first word of one, fits.
        char phrase_buf[Lexicon::kMaxCueForm];
        size_t phrase_size = lower.size();
        std::memcpy(phrase_buf, lower.data(), phrase_size);
        // One adverb in -ly may stand inside the phrase ("spoke briefly
        // about", "spoke out sharply against"): it is one of the cue's words,
        // not of the phrase looked up.
        size_t skipped = 0;
        for (int n = 2; n <= lex_->max_cue_words(); ++n) {
          size_t k = i + n - 1 + skipped;
          if (k >= tokens.size() || tokens[k].tag != 'o' ||
              (tokens[k].cap && !sentence_start())) {
            break;
          }
          const absl::string_view w = TokenText(text, tokens[k]);
          if (skipped == 0 && w.size() > 4 &&
              absl::EndsWithIgnoreCase(w, "ly")) {
            skipped = 1;
            --n;
            continue;
          }
          if (phrase_size + 1 + w.size() > sizeof(phrase_buf)) break;
          phrase_buf[phrase_size++] = ' ';
          for (char c : w) phrase_buf[phrase_size++] = absl::ascii_tolower(c);
          // (No form begins with the phrase: no longer one is looked up.)
          const Lexicon::CuePhrase* phrase =
              lex_->FindCuePhrase(absl::string_view(phrase_buf, phrase_size));
          if (phrase == nullptr) break;
          if (phrase->cue >= 0) {
            // "opened up about 300 beds": "about" before an amount is no
            // preposition (AmountAfter; as in AddresseeGapCue).
            if (absl::EqualsIgnoreCase(w, "about") && AmountAfter(text, tokens, k)) break;
            t.cue_words = static_cast<uint8_t>(n + skipped);
            t.cue = phrase->cue;
          }
          if (!phrase->longer) break;
        }
        if (ABSL_PREDICT_FALSE(t.cue_words == 0 && info->gap_cue_prefix)) {
          int gap_cue = -1;
          const int words = AddresseeGapCue(text, tokens, i, &gap_cue);
          if (words > 0) {
            t.cue_words = static_cast<uint8_t>(words);
            t.cue = gap_cue;
          }
        }
      }
      // "All told, C", "Truth be told, C": the cue word ends a phrase of
      // class none that the words before it begin.
      if (ABSL_PREDICT_FALSE(t.cue_words == 1 && info->none_phrase_end)) {
        const int index = NonePhraseEndingAt(text, tokens, i);
        if (index >= 0) t.cue = index;
      }
      // "adding to her lead", "known as": a longer form of class none
      // reports nothing; the word is tagged as any other.
      if (t.cue_words > 0 && lex_->cues()[t.cue].cue_class == CueClass::kNone) {
        t.cue_words = 0;
        t.cue = -1;
      }
      if (t.cue_words > 0) return 'C';
    }
  }
  // "Friday" keeps the tag of a name (so noun phrases hold together:
  // "the footage released Friday by his family"), but not before a
  // possessive ("Friday's vote").
  if (info != nullptr && info->word_class == WordClass::kWeekday) {
    size_t len = 0;
    t.time = t.end >= text.size() || !IsApostrophe(text, t.end, &len);
    // ("Officials late Friday said C", "said early Tuesday that C": after
    // a lower-case adverb, the day ends that adverb's phrase of time.)
    if (t.time && i > 0 && tokens[i - 1].tag == 'l' && !tokens[i - 1].cap)
      return 'l';
  }
  if (info != nullptr &&
      (!t.cap || sentence_start() || absl::EqualsIgnoreCase(lower, "i"))) {
    // (Most function words: their class alone tags them, ClassTag().)
    if (const char tag = ClassTag(info->word_class); tag != 0) return tag;
    switch (info->word_class) {
      case WordClass::kConj: {
        // "has yet to", "not yet", "yet again": an adverb (list conj_adverb).
        lower_case();
        if (lex_->InList(lower, WordList::kConjAdverb)) {
          const char before = i > 0 ? tokens[i - 1].tag : ' ';
          if (before == 'v' || before == 'b' || before == 'z') return 'l';
          if (i + 1 < tokens.size()) {
            const WordInfo* n = EntryOf(text, tokens[i + 1]);
            if (n != nullptr && !tokens[i + 1].cap && n->word_class == WordClass::kAdv) return 'l';
          }
        }
        return 'x';
      }
      case WordClass::kTime:
        t.time = true;  // "yesterday" (not "USA Today")
        return 'l';
      case WordClass::kTimeNoun:
        // A noun of time is a plain word whatever its shape ("morning",
        // "evening" are no forms in -ing: "announced Monday morning on
        // Twitter"); after a day or a word of time it is part of that time
        // ("Tuesday morning", "yesterday evening"), no part of a name, a
        // speaker or what was said, as the day is.
        if (t.cap) break;
        t.time = i > 0 && tokens[i - 1].time;
        // ("On Sunday morning Mr. Trump wrote C": before a name the time
        // is an adverb, as "yesterday" is; the name begins the subject.)
        return t.time && i + 1 < tokens.size() && tokens[i + 1].cap ? 'l' : 'o';
      case WordClass::kMod: {
        if (t.cap) return 'N';
        // "The chief of staff says C", "The agency's chief, Ruth Dole,
        // said C": a modifier that is also a title (titles.tsv: "chief")
        // heads its noun phrase before a preposition or punctuation; no
        // noun follows it.
        if (info->title && i + 1 < tokens.size()) {
          const absl::string_view next = TokenText(text, tokens[i + 1]);
          if (!next.empty() && !absl::ascii_isalnum(static_cast<unsigned char>(next[0])) &&
              next[0] != '-' && next[0] != '\'' && static_cast<unsigned char>(next[0]) < 0x80) {
            return 'R';
          }
          const WordInfo* n = tokens[i + 1].cap ? nullptr : EntryOf(text, tokens[i + 1]);
          if (n != nullptr && n->word_class == WordClass::kPrep) return 'R';
        }
        return 'j';
      }
      case WordClass::kCount: return t.cap ? 'N' : '0';
      default:
        break;  // (the others: ClassTag() gave none)
    }
  }
  if (info != nullptr && info->title) return 'R';
  if (t.cap) return 'N';
  if (info != nullptr && info->nominal != v1::ENTITY_TYPE_UNSPECIFIED) return 'n';
  return ShapeTag(lower);
}

}  // namespace internal
}  // namespace whosaid
