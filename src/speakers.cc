#include "internal/speakers.h"

#include <algorithm>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/base/attributes.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "internal/byte_masks.h"
#include "internal/store_util.h"

namespace whosaid {
namespace internal {
namespace {

bool IsUpperStart(absl::string_view w) {
  if (w.empty()) return false;
  unsigned char c = w[0];
  if (c >= 'A' && c <= 'Z') return true;
  return c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
         static_cast<unsigned char>(w[1]) <= 0x9E;
}

// Bytes of the words Index() reads: letters, digits, any byte of a
// multi-byte character, and - . ' inside words. A table, as Index() asks
// for every byte of the text.
struct WordCharTable {
  bool is[256];
  bool starts[256];  // a word byte that may begin a word: not - . '
  // A first byte that makes the word neither capitalised (IsUpperStart())
  // nor an article (IsArticleWord()): a digit, a lower-case letter but 'a'
  // and 't', a byte of 0x80 or above but the lead byte of the capitals
  // U+00C0..U+00DE.
  bool plain_start[256];
};
constexpr WordCharTable MakeWordCharTable() {
  WordCharTable t{};
  for (int c = 0; c < 256; ++c) {
    t.is[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
              (c >= 'a' && c <= 'z') || c >= 0x80 || c == '-' || c == '.' ||
              c == '\'';
    t.starts[c] = t.is[c] && c != '-' && c != '.' && c != '\'';
    t.plain_start[c] = (c >= '0' && c <= '9') ||
                       (c >= 'a' && c <= 'z' && c != 'a' && c != 't') ||
                       (c >= 0x80 && c != 0xC3);
  }
  return t;
}
constexpr WordCharTable kWordChar = MakeWordCharTable();

inline bool IsWordChar(unsigned char c) { return kWordChar.is[c]; }

// A name's last word: what follows its last space (all of it when none).
absl::string_view NameLastWord(absl::string_view name) {
  return name.substr(name.rfind(' ') + 1);
}

// Where the word that ends `t` begins (t.size() if a byte of no word ends
// it): a word that starts before it ends at a byte of no word, and is read
// to its end without a bounds test.
size_t LastWordStart(absl::string_view t) {
  size_t tail = t.size();
  while (tail > 0 && IsWordChar(t[tail - 1])) --tail;
  return tail;
}

#if defined(__SSE2__)
// Bit b set for each of the 16 bytes from p[0] that is no byte of a word
// (kWordChar.is: a letter, a digit, - . ' or 0x80 and above).
inline uint32_t NotWordBytes16(const unsigned char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // (A byte from 0x80 on has its high bit set: it is its own mask.)
  __m128i word = _mm_or_si128(v, AsciiAlnum16(v));
  word = _mm_or_si128(word, BytesInRange16(v, '-', 2));  // - .
  word = _mm_or_si128(word, _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')));
  return ~static_cast<uint32_t>(_mm_movemask_epi8(word)) & 0xFFFF;
}
#endif

// The end of the word that starts at t[i]; `tail` is LastWordStart(t).
inline size_t WordEnd(absl::string_view t, size_t i, size_t tail) {
  const unsigned char* const p = reinterpret_cast<const unsigned char*>(t.data());
  size_t j = i + 1;
#if defined(__SSE2__)
  // The first byte of no word among the next 16, found at once: a loop of
  // a byte a round mispredicts its exit at the end of most words. (Before
  // the test of `tail`: a word that runs to the end of the text has none.)
  if (t.size() - j >= 16) {
    const uint32_t other = NotWordBytes16(p + j);
    if (other != 0) return j + static_cast<size_t>(__builtin_ctz(other));
    j += 16;
  }
#endif
  if (i >= tail) return t.size();
  while (kWordChar.is[p[j]]) ++j;
  return j;
}

// A byte that may begin a word that is capitalised or an article: A-Z,
// 'a', 't', or the lead byte of the capitals U+00C0..U+00DE.
inline bool IsOpenStart(unsigned char c) {
  return kWordChar.starts[c] && !kWordChar.plain_start[c];
}

// A word begins at t[k], k > i, when Index() reads words from `i` (a byte
// between words): t[k-1] is no byte a word may begin with, and the bytes
// - . ' before k run back to i or to a byte of no word. (A letter, digit or
// multi-byte byte among them would begin a word that goes on past k.)
inline bool WordStartsAt(const unsigned char* p, size_t i, size_t k) {
  size_t m = k - 1;
  while (m > i && kWordChar.is[p[m]] && !kWordChar.starts[p[m]]) --m;
  return !kWordChar.starts[p[m]];
}

// The `n` bytes at `w`, a word that is not capitalised (IsUpperStart()), are
// an article as IsArticleWord() reads one, in any case after the first
// byte: "a", "an", "the", "this", "that".
inline bool IsSmallArticle(const unsigned char* w, size_t n) {
  switch (n) {
    case 1:
      return w[0] == 'a';
    case 2:
      return w[0] == 'a' && (w[1] | 0x20) == 'n';
    case 3:
      return w[0] == 't' && (w[1] | 0x20) == 'h' && (w[2] | 0x20) == 'e';
    case 4:
      return w[0] == 't' && (w[1] | 0x20) == 'h' &&
             (((w[2] | 0x20) == 'i' && (w[3] | 0x20) == 's') ||
              ((w[2] | 0x20) == 'a' && (w[3] | 0x20) == 't'));
    default:
      return false;
  }
}

// Where the word at p[at], which begins with 'a' or 't', ends when it is
// an article as IsSmallArticle() reads one ("a", "an", "the", "this",
// "that"), else 0: the bytes after the first tested one by one, no search
// for the word's end. Reads p[at] to p[at + 4], which must lie in the text.
inline size_t ArticleEnd(const unsigned char* p, size_t at) {
  const unsigned char* const w = p + at;
  if (w[0] == 'a') {
    if (!kWordChar.is[w[1]]) return at + 1;
    return (w[1] | 0x20) == 'n' && !kWordChar.is[w[2]] ? at + 2 : 0;
  }
  if ((w[1] | 0x20) != 'h') return 0;
  const unsigned char c2 = w[2] | 0x20;
  if (c2 == 'e') return kWordChar.is[w[3]] ? 0 : at + 3;
  const unsigned char c3 = w[3] | 0x20;
  if ((c2 == 'i' && c3 == 's') || (c2 == 'a' && c3 == 't')) {
    return kWordChar.is[w[4]] ? 0 : at + 4;
  }
  return 0;
}

// Whether a person noun of one sex may follow the article that ends at
// t[end] ("a", "The", ...) in the noun phrase that Index() reads after it
// in text that is not hard-wrapped ("the old man", "a girl"): up to three
// words, lower-case, no article, separated by spaces alone, the last ending
// no sentence (see Index()). The nouns are known by the shape of a word
// (Lexicon::MayBeSexedPersonNoun()): the answer may be yes in vain, never
// no in vain. Most articles bring in no person of one sex ("the bill", "a
// new law"), and the words after them need no looking up. `tail` is
// LastWordStart(t).
// (Out of line: the callers' loops stay small.)
__attribute__((noinline)) bool MaySexedPersonFollow(const Lexicon& lex,
                                                   absl::string_view t, size_t end,
                                                   size_t tail) {
  const unsigned char* const p = reinterpret_cast<const unsigned char*>(t.data());
  const size_t n = t.size();
  size_t k = end;
  for (int words = 0; words < 3; ++words) {
    if (k >= n || p[k] != ' ') return false;
    do {
      ++k;
    } while (k < n && p[k] == ' ');
    if (k >= n || !kWordChar.starts[p[k]]) return false;
    // A capitalised word ends the phrase (a day, or a run of its own).
    // (IsUpperStart() of the word, told before its end is looked for: a
    // byte after 0xC3 that makes a capital is a byte of the word.)
    if ((p[k] >= 'A' && p[k] <= 'Z') ||
        (p[k] == 0xC3 && k + 1 < n && p[k + 1] >= 0x80 && p[k + 1] <= 0x9E)) {
      return false;
    }
    // Most words are no such noun by their first three bytes: the last
    // word's end is then never looked for.
    const bool may_be_noun = n - k < 3 || lex.MayBeginSexedPersonNoun(p + k);
    if (!may_be_noun && words == 2) return false;
    const size_t e = WordEnd(t, k, tail);
    const bool final_period = p[e - 1] == '.';
    const absl::string_view w(t.data() + k, (final_period ? e - 1 : e) - k);
    // Another article begins a phrase of its own.
    if (IsSmallArticle(p + k, w.size())) return false;
    if (may_be_noun && lex.MayBeSexedPersonNoun(w)) return true;
    if (final_period) return false;
    k = e;
  }
  return false;
}

// From `i`, a byte where Index() is between words, to the start of the next
// word that is capitalised or an article (t.size() if none) that
// `article_matters(end)` (`end` where the article ends) is true of: words
// are read as Index() reads them. The words skipped change nothing while no
// run of capitalised words and no article is pending (a lower-case word
// that is no article, an article that ends a sentence, "the.", or one that
// no phrase Index() could take for a mention follows, is read and
// forgotten). Such words come every few words: SSE2 looks for the bytes
// that may begin one 16 bytes at a time, as a byte of IsOpenStart() after a
// byte that begins no word. `tail` is LastWordStart(t).
template <typename ArticleMatters>
size_t SkipPlainWords(absl::string_view t, size_t i, size_t tail,
                      const ArticleMatters& article_matters) {
  const unsigned char* const p = reinterpret_cast<const unsigned char*>(t.data());
  const size_t n = t.size();
  if (i >= n) return i;
  // Words before `from` have been read (and skipped).
  size_t from = i;
  // The word at `at` (IsOpenStart()) is one to stop at; if not, `from` is
  // set past it.
  // (Inline: it is asked at every such byte.)
  auto stops_at = [&](size_t at) __attribute__((always_inline)) {
    const unsigned char c = p[at];
    if (c != 'a' && c != 't') return true;
    // (Most words of 'a' and 't' are no article, "and", "to", "they": told
    // by their first bytes. `from` stays: WordStartsAt() tells no byte
    // inside the word for the start of one.)
    if (n - at >= 5) {
      const size_t end = ArticleEnd(p, at);
      return end != 0 && article_matters(end);
    }
    const size_t end = WordEnd(t, at, tail);
    if (IsSmallArticle(p + at, end - at) && article_matters(end)) return true;
    from = end;
    return false;
  };
  if (IsOpenStart(p[i]) && stops_at(i)) return i;
  size_t k = std::max(i + 1, from);
#if defined(__SSE2__)
  const __m128i lower_bit = _mm_set1_epi8(0x20);
  // (The masks below are or-ed, and-ed and read by their high bits only, as
  // BytesInRange16() makes them.)
  const __m128i small_a = _mm_set1_epi8('a');
  const __m128i small_t = _mm_set1_epi8('t');
  const __m128i small_h = _mm_set1_epi8('h');
  const __m128i small_n = _mm_set1_epi8('n');
  const __m128i c3 = _mm_set1_epi8(static_cast<char>(0xC3));
  // (While 20 bytes are left: the loads read two bytes past the sixteen,
  // and every 'a' or 't' among them has four bytes after it, so that
  // stops_at() asks ArticleEnd() of it and leaves `from` as it is when it
  // is no article: dropping it here changes nothing. The last bytes are
  // read by the loop below.) (One comparison for both, with the last
  // block's start, 20 bytes before the end, computed once: k is at least 1,
  // so that no block is read from a text of fewer than 20 bytes.)
  const size_t last = n >= 20 ? n - 20 : 0;
  while (k <= last) {
    const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    const __m128i prev =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k - 1));
    const __m128i next =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k + 1));
    const __m128i next2 =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k + 2));
    __m128i open = BytesInRange16(cur, 'A', 26);
    // An 'a' or a 't' that may begin an article (ArticleEnd()): most
    // words of them are no article ("as", "to", "and") and are told here,
    // not one by one below, where whether each is one is a branch taken
    // at random. An 'a' not followed by a lower-case letter, or by an 'n'
    // and then none ("a", "an", "aN"); a 't' followed by 'h' or 'H'. (The
    // articles and a few more: the test below is the exact one.)
    const __m128i next_n = _mm_cmpeq_epi8(next, small_n);
    const __m128i next_lower = BytesInRange16(next, 'a', 26);
    const __m128i next2_lower = BytesInRange16(next2, 'a', 26);
    // (No article: a lower-case letter after the 'a' that is no 'n' with
    // none after it, in two steps.)
    const __m128i an = _mm_andnot_si128(next2_lower, next_n);
    const __m128i not_a = _mm_andnot_si128(an, next_lower);
    open = _mm_or_si128(open,
                        _mm_andnot_si128(not_a, _mm_cmpeq_epi8(cur, small_a)));
    open = _mm_or_si128(
        open,
        _mm_and_si128(_mm_cmpeq_epi8(cur, small_t),
                      _mm_cmpeq_epi8(_mm_or_si128(next, lower_bit), small_h)));
    open = _mm_or_si128(open, _mm_cmpeq_epi8(cur, c3));
    // A letter before it: inside a word. (Only the letters of
    // kWordChar.starts: a digit or a byte of 0x80 or above before it is
    // rare, "4th", a curly quotation mark, and WordStartsAt() below tells
    // it, as it tells the - . ' of a word.)
    const __m128i inside =
        BytesInRange16(_mm_or_si128(prev, lower_bit), 'a', 26);
    unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_andnot_si128(inside, open)));
    while (mask != 0) {
      const size_t at = k + static_cast<size_t>(__builtin_ctz(mask));
      mask &= mask - 1;
      if (WordStartsAt(p, i, at) && stops_at(at)) return at;
    }
    // (`from`, at most k when the loop began, stays there: stops_at()
    // moves it only for a word that begins within five bytes of the end.
    // No test of it, then, above or here.)
    k += 16;
  }
#endif
  for (; k < n; ++k) {
    if (k >= from && IsOpenStart(p[k]) && !kWordChar.starts[p[k - 1]] &&
        WordStartsAt(p, i, k) && stops_at(k)) {
      return k;
    }
  }
  return n;
}

// "Macron's" -> "Macron"; "Sen." stays.
// (The last byte first: most words end in no "s" and cost one test.)
__attribute__((always_inline)) inline absl::string_view StripPossessive(absl::string_view w) {
  const size_t n = w.size();
  if (n < 2) return w;
  const char last = w[n - 1];
  if (last != 's' && last != 'S') return w;
  if (w[n - 2] == '\'') return w.substr(0, n - 2);
  if (last == 's' && n >= 4 && w[n - 4] == '\xE2' && w[n - 3] == '\x80' &&
      w[n - 2] == '\x99') {
    return w.substr(0, n - 4);
  }
  return w;
}

std::string Lower(absl::string_view s) { return absl::AsciiStrToLower(s); }

// The eight bytes of `x` with A-Z lower-cased, as absl::ascii_tolower() does
// byte by byte (bytes of 0x80 and above stay as they are).
inline uint64_t LowerAscii8(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t low7 = x & (0x7F * kOnes);
  // Top bit of each byte: its low seven bits are at least 'A', above 'Z'.
  const uint64_t ge_a = low7 + (0x80 - 'A') * kOnes;
  const uint64_t gt_z = low7 + (0x7F - 'Z') * kOnes;
  const uint64_t upper = ge_a & ~gt_z & ~x & (0x80 * kOnes);
  return x | (upper >> 2);
}

// `s` with its ASCII letters lower-cased, for a lookup: on the stack when it
// is as short as names and words are (Lower() allocates past 15 bytes).
// A temporary: Lowered(s).view() lives to the end of its full expression.
class Lowered {
 public:
  explicit Lowered(absl::string_view s) {
    char* out = small_;
    if (s.size() > sizeof(small_)) {
      large_.resize(s.size());
      out = &large_[0];
    }
    // (Eight bytes at a time, the last eight of a name of eight or more
    // overlapping the ones before: FindOrAdd() lowers every name it is
    // given.)
    const size_t n = s.size();
    if (n >= 8) {
      for (size_t i = 0;; i += 8) {
        const size_t at = i + 8 <= n ? i : n - 8;
        uint64_t eight;
        std::memcpy(&eight, s.data() + at, 8);
        eight = LowerAscii8(eight);
        std::memcpy(out + at, &eight, 8);
        if (at + 8 == n) break;
      }
    } else {
      for (size_t i = 0; i < n; ++i) out[i] = absl::ascii_tolower(s[i]);
    }
    view_ = absl::string_view(out, n);
  }
  Lowered(const Lowered&) = delete;
  Lowered& operator=(const Lowered&) = delete;

  absl::string_view view() const { return view_; }

 private:
  char small_[64];
  std::string large_;
  absl::string_view view_;
};

// `w`, in any case, is a listed noun of people ("parents"; nominals.tsv
// type people). (Most words fail the shape filter: no copy, no lookup.)
bool IsPeopleNoun(const Lexicon& lex, absl::string_view w) {
  return lex.MayBePeopleNoun(w) && lex.PeopleNoun(Lowered(w).view());
}

// A name as one line: the line breaks of hard-wrapped text become spaces.
void OnOneLine(std::string* name) {
  for (char& ch : *name) {
    if (ch == '\n' || ch == '\r') ch = ' ';
  }
}

// Whether t[begin, end) is a word written all in capitals ("CNN", "BOP",
// "U.S.") next to a word that is not: an acronym, the name of a body, a
// firm or a place, never a surname ("CNN said", "the BOP said"). (In a
// headline set in capitals, "RUBIO SAYS", the word may be a name.)
bool AcronymInMixedCase(absl::string_view t, size_t begin, size_t end) {
  int upper = 0;
  for (size_t k = begin; k < end; ++k) {
    const unsigned char c = static_cast<unsigned char>(t[k]);
    if (absl::ascii_islower(c) || c >= 0x80) return false;
    if (absl::ascii_isupper(c)) ++upper;
  }
  if (upper < 2) return false;
  // The next word, else the one before.
  auto letter = [&](size_t k) { return absl::ascii_isalpha(static_cast<unsigned char>(t[k])); };
  size_t wb = end;
  while (wb < t.size() && t[wb] == ' ') ++wb;
  size_t we = wb;
  while (we < t.size() && letter(we)) ++we;
  if (we == wb) {
    we = begin;
    while (we > 0 && t[we - 1] == ' ') --we;
    wb = we;
    while (wb > 0 && letter(wb - 1)) --wb;
  }
  for (size_t k = wb; k < we; ++k) {
    if (absl::ascii_islower(static_cast<unsigned char>(t[k]))) return true;
  }
  return false;
}

// Whether `v` holds `s`.
bool Contains(const std::vector<std::string>& v, absl::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The sex of the first third-person singular pronoun in the rest of the
// sentence from `from` ("... shook his head."), else 0. Not past a quotation
// mark: the pronouns of quoted words are about others. Not an object form
// ("him", "her": pronouns.tsv), which is more often somebody else.
char PronounSexAfter(const Lexicon& lex, absl::string_view t, size_t from) {
  constexpr size_t kMaxScan = 160;
  const size_t end = std::min(t.size(), from + kMaxScan);
  size_t i = from;
  while (i < end) {
    const unsigned char c = t[i];
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == '"' || c == 0xE2) return 0;
    if (!absl::ascii_isalpha(c)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < t.size() && absl::ascii_isalpha(static_cast<unsigned char>(t[j]))) ++j;
    const PronounForm* form = lex.PronounFormOf(t.substr(i, j - i));
    if (form != nullptr && (form->gender == 'm' || form->gender == 'f') &&
        (form->kinds & PronounForm::kObject) == 0) {
      return form->gender;
    }
    i = j;
  }
  return 0;
}

// "Once a certain tall soldier went to wash a shirt. He came back ...": the
// sex of the "He" or "She" that opens the sentence after the one the
// article at `det` opens (at most one word before it, "Once"), else 0. A
// person brought in as the subject is the one the next sentence goes on
// about; brought in later ("Peter met a soldier. He ...") it may not be.
// Not past a quotation mark or a semicolon, as PronounSexAfter().
// (For "a" or "an" only: "the newcomer" is a mention already, and a sex
// would make it the man of the scene named before.) Out of line: books only,
// and Index() reads every text.
ABSL_ATTRIBUTE_NOINLINE char NextSentenceSex(const Lexicon& lex,
                                             absl::string_view t, size_t det,
                                             size_t from) {
  size_t b = det;
  while (b > 0 && t[b - 1] == ' ') --b;
  size_t w = b;
  while (w > 0 && absl::ascii_isalpha(static_cast<unsigned char>(t[w - 1])))
    --w;
  if (w < b) {
    b = w;
    while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\n')) --b;
  } else {
    while (b > 0 && t[b - 1] == '\n') --b;
  }
  if (b > 0 && t[b - 1] != '.' && t[b - 1] != '!' && t[b - 1] != '?' &&
      !(b < det && t[b] == '\n' && b + 1 < det && t[b + 1] == '\n')) {
    return 0;
  }
  constexpr size_t kMaxScan = 200;
  const size_t end = std::min(t.size(), from + kMaxScan);
  size_t i = from;
  while (i < end && t[i] != '.' && t[i] != '!' && t[i] != '?') {
    if (t[i] == '"' || static_cast<unsigned char>(t[i]) == 0xE2 ||
        t[i] == ';') {
      return 0;
    }
    ++i;
  }
  if (i >= end) return 0;
  ++i;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n')) ++i;
  size_t j = i;
  while (j < t.size() && j - i < 4 &&
         absl::ascii_isalpha(static_cast<unsigned char>(t[j]))) {
    ++j;
  }
  if (j == i || j - i > 3 ||
      !absl::ascii_isupper(static_cast<unsigned char>(t[i]))) {
    return 0;
  }
  const PronounForm* form =
      lex.PronounFormOf(absl::AsciiStrToLower(t.substr(i, j - i)));
  if (form != nullptr && (form->gender == 'm' || form->gender == 'f') &&
      (form->kinds & PronounForm::kSubject) != 0) {
    return form->gender;
  }
  return 0;
}

}  // namespace

// How many bytes before a pronoun are read for a noun or a name of its
// antecedent ("they", "it"; PluralSubjectBefore(), NamedIn()): two
// sentences of news, and no more in a text of endless sentences.
constexpr uint32_t kMaxWindowBytes = 2000;

// How many of the latest mentions are searched for an antecedent.
constexpr ptrdiff_t kWindow = 400;

// How often an unknown word must be the subject of a clause that goes on
// with "he" (or "she"), and never with the other, to be taken for a
// person's name (SubjectName()). (A character may be the subject of only one
// such clause before she speaks: two would miss her.)
constexpr int kMinNameVotes = 1;

void SpeakerResolver::StartTests() {
  // A new number makes every mark an old one, the marks left as they are:
  // clearing one per entity for each search took time quadratic in a
  // document that names ever more entities. (Numbers go on across
  // documents: the marks of an earlier one are old too.)
  if (++tests_ == 0) {
    std::fill(tested_.begin(), tested_.end(), 0);
    tests_ = 1;
  }
  if (tested_.size() < num_entities_) tested_.resize(num_entities_, 0);
}

int SpeakerResolver::LatestBefore(uint32_t position,
                                  absl::FunctionRef<bool(const ResolvedEntity&)> accept) {
  StartTests();
  MentionList::Cursor back = mentions_.LowerBound(position);
  Mention m;
  for (ptrdiff_t k = 0; k < kWindow && back.Prev(&m); ++k) {
    if (FirstTest(m.entity) && accept(entities_[m.entity])) return m.entity;
  }
  return -1;
}

int SpeakerResolver::FirstAfter(uint32_t position,
                                absl::FunctionRef<bool(const ResolvedEntity&)> accept) {
  StartTests();
  MentionList::Cursor ahead = mentions_.LowerBound(position);
  Mention m;
  for (ptrdiff_t k = 0; k < kWindow && ahead.Next(&m); ++k) {
    if (FirstTest(m.entity) && accept(entities_[m.entity])) return m.entity;
  }
  return -1;
}

SpeakerResolver::SpeakerResolver(const Lexicon* lexicon, absl::string_view text,
                                 const TextLayout* layout)
    : lex_(lexicon), text_(text), layout_(layout), tagger_(lexicon) {
  // A news article names a dozen or so entities and mentions them a few
  // dozen times: room for them at once, not after doubling from one.
  entities_.reserve(32);
  by_name_.reserve(32);
  by_surname_.reserve(16);
  mentions_.reserve(64);
}

void SpeakerResolver::Reset(const Lexicon* lexicon, absl::string_view text,
                            const TextLayout* layout) {
  lex_ = lexicon;
  text_ = text;
  layout_ = layout;
  tagger_ = Tagger(lexicon);
  num_entities_ = 0;
  // (A map cleared walks all its slots, empty or not: only those with
  // something in them.)
  if (!by_name_.empty()) by_name_.clear();
  if (!by_surname_.empty()) by_surname_.clear();
  if (!also_by_surname_.empty()) also_by_surname_.clear();
  also_named_ = 0;
  if (!written_as_name_.empty()) written_as_name_.clear();
  written_read_.reset();
  if (!by_first_.empty()) by_first_.clear();
  if (!full_names_.empty()) full_names_.clear();
  if (!pair_surnames_.empty()) pair_surnames_.clear();
  place_tests_.clear();
  if (!surname_at_.empty()) surname_at_.clear();
  mentions_.clear();
  if (!name_votes_.empty()) name_votes_.clear();
  if (!lower_words_.empty()) lower_words_.clear();
  lower_words_read_ = false;
  if (!appositions_.empty()) appositions_.clear();
  if (!by_role_.empty()) by_role_.clear();
  // (The memo is by address, and a new text may lie where the last one did.)
  word_memo_.fill(WordMemo());
  NoteDocument(-1, "", 0);
  quiet_ = false;
  indexed_ = false;
  // (tokens_ and tags_ are scratch that Resolve() fills anew for each
  // span.)
  tagged_ = Range();
}

std::string SpeakerResolver::EntityId(const ResolvedEntity& e) {
  // The store makes ids for entities it creates the same way.
  return EntityIdFor(e.type, e.canonical);
}

void SpeakerResolver::EntityId(const ResolvedEntity& e, std::string* id) {
  EntityIdFor(e.type, e.canonical, id);
}

int SpeakerResolver::AddEntity(absl::string_view canonical, v1::EntityType type) {
  // A spare entity of an earlier document, emptied and filled where it
  // lies, when there is one. (`canonical` may be a view of an entity's
  // name: copied before entities_ grows.)
  if (num_entities_ < entities_.size()) {
    ResolvedEntity& spare = entities_[num_entities_];
    spare.Clear();
    // (Appended to the emptied string: assign() would first test whether
    // `canonical` lies inside it, which a spare's name never is.)
    spare.canonical.append(canonical.data(), canonical.size());
    spare.type = type;
  } else {
    ResolvedEntity e;
    e.canonical.assign(canonical.data(), canonical.size());
    e.type = type;
    entities_.push_back(std::move(e));
  }
  // (FindOrAdd() has put the lower-case name in by_name_.)
  return static_cast<int>(num_entities_++);
}

int SpeakerResolver::FindOrAdd(absl::string_view canonical,
                               v1::EntityType type) {
  // The name lower-cased and hashed once: found, or its slot made for the
  // new entity (AddEntity() leaves by_name_ alone, so `it` stays good).
  auto [it, added] = by_name_.try_emplace(Lowered(canonical).view(), 0);
  if (!added) {
    ResolvedEntity& e = entities_[it->second];
    if (e.type == v1::ENTITY_TYPE_UNKNOWN) e.type = type;
    // A name first met in capitals (a headline's, "CIGNA CORP", "CITICORP")
    // goes by the text's own spelling once the text writes it so. (Not a
    // word of four letters or fewer, which may be an acronym: "NATO".)
    if (e.canonical.size() == canonical.size() &&
        (e.canonical.size() > 4 || e.canonical.find(' ') != std::string::npos) &&
        std::none_of(e.canonical.begin(), e.canonical.end(),
                     [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); }) &&
        std::any_of(canonical.begin(), canonical.end(),
                    [](char c) { return absl::ascii_islower(static_cast<unsigned char>(c)); })) {
      SetCanonical(it->second, canonical);
    }
    return it->second;
  }
  const int index = AddEntity(canonical, type);
  it->second = index;
  return index;
}

void SpeakerResolver::AddAlias(int entity, absl::string_view alias) {
  if (entity < 0 || alias.empty()) return;
  auto& aliases = entities_[entity].aliases;
  if (Contains(aliases, alias)) return;
  // (Most entities get a few: room for them with the first.)
  if (aliases.empty()) aliases.reserve(4);
  aliases.emplace_back(alias);
}

void SpeakerResolver::AddRole(int entity, absl::string_view role) {
  if (entity < 0 || role.empty()) return;
  auto& roles = entities_[entity].roles;
  if (!Contains(roles, role)) {
    roles.emplace_back(role);
    // (Only a book's "the parson" asks, and only for a role of one word.)
    if (layout_ != nullptr && layout_->hard_wrapped &&
        role.find(' ') == absl::string_view::npos) {
      std::vector<int>& holders = by_role_[Lowered(role).view()];
      if (holders.empty() || holders.back() != entity) holders.push_back(entity);
    }
  }
  // "Mrs." tells the sex; "MSNBC host" does not.
  const char g = TitleGender(role.substr(0, role.find(' ')));
  if (g != 0) entities_[entity].gender = g;
}

// The longest word WordOf() looks up.
constexpr size_t kMaxWordOf = 32;

namespace {

// A mask of the first `n` (1 to 8) bytes of a little-endian word.
inline uint64_t KeepBytes(size_t n) {
  return n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
}

}  // namespace

const WordInfo* SpeakerResolver::WordOf(absl::string_view w) const {
  // (Most words are in no lexicon: the shape test first, before the copy.)
  if (w.size() > kMaxWordOf || !lex_->MayBeWord(w)) return nullptr;
  // A word of the text is looked up several times in a row (a weekday? a
  // title? a nominal?): its last answers are kept by where it is. (Only for
  // words of the text, which stays as it is; not for copies.)
  const auto at = reinterpret_cast<uintptr_t>(w.data());
  const auto text = reinterpret_cast<uintptr_t>(text_.data());
  const bool in_text = at >= text && at + w.size() <= text + text_.size();
  WordMemo& memo = word_memo_[(at ^ w.size()) % word_memo_.size()];
  if (in_text && memo.data == w.data() && memo.size == w.size()) return memo.info;
  return LookUpWord(w, in_text, &memo);
}

ABSL_ATTRIBUTE_NOINLINE const WordInfo* SpeakerResolver::LookUpWord(
    absl::string_view w, bool in_text, WordMemo* memo) const {
  const auto at = reinterpret_cast<uintptr_t>(w.data());
  const auto text = reinterpret_cast<uintptr_t>(text_.data());
  const WordInfo* info;
  if (w.size() <= kShortWord && in_text && at + kShortWord <= text + text_.size()) {
    // Sixteen bytes of the text from the word (inside it), lower-cased
    // eight at a time and zeroed past the word, as Lexicon::PaddedWord()
    // takes them: no loop over the bytes.
    uint64_t half[2];
    std::memcpy(half, w.data(), sizeof(half));
    const size_t n = w.size();
    half[0] = LowerAscii8(half[0]) & KeepBytes(n < 8 ? n : 8);
    half[1] = n > 8 ? LowerAscii8(half[1]) & KeepBytes(n - 8) : 0;
    char padded[kShortWord];
    std::memcpy(padded, half, sizeof(padded));
    info = lex_->PaddedWord(padded);
  } else if (w.size() <= kShortWord) {
    // Zeroed past the word, as Lexicon::PaddedWord() takes it (the shape
    // test Word() would make is made above).
    char padded[kShortWord] = {};
    for (size_t i = 0; i < w.size(); ++i) padded[i] = absl::ascii_tolower(w[i]);
    info = lex_->PaddedWord(padded);
  } else {
    char buf[kMaxWordOf];
    for (size_t i = 0; i < w.size(); ++i) buf[i] = absl::ascii_tolower(w[i]);
    info = lex_->Word(absl::string_view(buf, w.size()));
  }
  if (in_text) *memo = {w.data(), w.size(), info};
  return info;
}

char SpeakerResolver::TitleGender(absl::string_view w) const {
  const WordInfo* info = WordOf(w);
  return info != nullptr ? info->title_gender : 0;
}

bool SpeakerResolver::IsIndefinite(absl::string_view w) const {
  // "Another", "Each" and "Neither" stand for a noun phrase too.
  const WordInfo* info = WordOf(w);
  return info != nullptr && (info->word_class == WordClass::kIndefinite ||
                             info->word_class == WordClass::kPronDetSingular);
}

v1::EntityType SpeakerResolver::NominalOf(absl::string_view w) const {
  // Every nominal is a word of Word() too: its shape filter answers for
  // most names without the hash lookup Nominal() makes.
  if (w.empty() || w.size() > kMaxWordOf) return lex_->Nominal(Lowered(w).view());
  const WordInfo* info = WordOf(w);
  return info != nullptr ? info->nominal : v1::ENTITY_TYPE_UNSPECIFIED;
}

bool SpeakerResolver::IsTitleWord(absl::string_view w) const {
  const WordInfo* info = WordOf(w);
  return info != nullptr && info->title;
}

void SpeakerResolver::Note(int entity, uint32_t position) {
  if (entity < 0 || quiet_) return;
  mentions_.Add(entity, position);
}

void SpeakerResolver::NotePress(const Resolution& res) {
  if (res.kind != v1::MENTION_KIND_NAME || res.entity < 0 ||
      res.entity >= static_cast<int>(num_entities_)) {
    return;
  }
  ResolvedEntity& e = entities_[res.entity];
  if ((e.type == v1::ENTITY_TYPE_PERSON || e.type == v1::ENTITY_TYPE_UNKNOWN) &&
      e.gender == 0 && !e.described && e.roles.empty()) {
    e.press = true;
  }
}

void SpeakerResolver::NoteIssuer(const Resolution& res, Range mention, Range cue,
                                 absl::string_view cue_lemma) {
  int entity = res.entity;
  if (entity < 0 || entity >= static_cast<int>(num_entities_) ||
      cue.end > text_.size() || cue.end < cue.begin + 4 ||
      mention.end > text_.size() || mention.end <= mention.begin) {
    return;
  }
  const ResolvedEntity& e = entities_[entity];
  // A name, or an organisation's noun that stands for one ("The Budget
  // Office", "the company" after "Comdata Inc").
  const bool named = res.kind == v1::MENTION_KIND_NAME ||
                     (res.kind == v1::MENTION_KIND_NOMINAL && !e.canonical.empty() &&
                      absl::ascii_isupper(static_cast<unsigned char>(e.canonical[0])) &&
                      (e.type == v1::ENTITY_TYPE_ORGANISATION ||
                       e.type == v1::ENTITY_TYPE_GOVERNMENT));
  if (!named || e.type == v1::ENTITY_TYPE_DOCUMENT) return;
  if (absl::EndsWith(text_.substr(cue.begin, cue.end - cue.begin), "ing")) return;
  const WordInfo* info = lex_->Word(cue_lemma);
  if (info == nullptr || info->nominal != v1::ENTITY_TYPE_DOCUMENT) return;
  // A person who reports is most often a journalist, whose report the text
  // may not name again: the noun after it is no older issuer's, but the
  // document itself. (A name after an article is no person's: "The GAO
  // reported".)
  if (e.type == v1::ENTITY_TYPE_PERSON) {
    absl::string_view m = text_.substr(mention.begin, mention.end - mention.begin);
    const size_t sp = m.find(' ');
    if (sp == absl::string_view::npos || !lex_->InListAnyCase(m.substr(0, sp), WordList::kArticle)) {
      entity = -1;
    }
  }
  NoteDocument(entity, cue_lemma, info->document_kinds);
}

// Words w (a run of capitalised words): "French Defense Minister Sebastien
// Lecornu" -> person "Sebastien Lecornu" with role "French Defense
// Minister". Returns -1 when the run does not name a person.
int SpeakerResolver::PersonFromWords(absl::Span<const absl::string_view> w,
                                     uint32_t position, bool allow_unknown) {
  if (w.size() >= 3) w = w.first(NameRunSize(w));
  if (w.empty()) return -1;
  int last_title = -1;
  // In a book a person noun before a name is a title too: "Parson
  // Hale", "Aunt Maud".
  const bool books = layout_ != nullptr && layout_->hard_wrapped;
  // What the lexicons know of each word, looked up once for the tests below.
  // (On the stack for a run of up to eight words: most runs are a name.)
  const WordInfo* few[8];
  std::vector<const WordInfo*> many;
  const WordInfo** info = few;
  if (w.size() > sizeof(few) / sizeof(few[0])) {
    many.resize(w.size());
    info = many.data();
  }
  for (size_t i = 0; i < w.size(); ++i) {
    info[i] = WordOf(w[i]);
    if (info[i] != nullptr &&
        (info[i]->title ||
         (books && i + 1 < w.size() && info[i]->person_gender != 0))) {
      last_title = static_cast<int>(i);
    }
  }
  size_t start = last_title + 1;
  // "Martin Luther King Jr.": a title word followed only by an
  // abbreviation (abbreviations.tsv: "Jr.") is part of the name, no title.
  if (last_title >= 0 && start + 1 == w.size() &&
      absl::EndsWith(w[start], ".") && lex_->IsAbbreviation(w[start])) {
    last_title = -1;
    for (int i = static_cast<int>(start) - 2; i >= 0 && last_title < 0; --i) {
      if (info[i] != nullptr && info[i]->title) last_title = i;
    }
    start = last_title + 1;
  }
  // "Ellen Lord", "Stephen King": a title word last, right after a known
  // given name, is a surname. (A title word before it still is one:
  // "Undersecretary Ellen Lord".)
  if (start == w.size() && last_title >= 1 &&
      lex_->FirstNameGender(w[last_title - 1]) != 0) {
    last_title = -1;
    for (int i = static_cast<int>(w.size()) - 3; i >= 0 && last_title < 0;
         --i) {
      if (info[i] != nullptr && info[i]->title) last_title = i;
    }
    start = last_title + 1;
  }
  if (start >= w.size()) return -1;
  // The sex the first names give the first word of the name, once known
  // (-1 until then: the search below knows it when there is no title).
  int front_sex = -1;
  if (last_title < 0) {
    // No title: a known first name must start the name, or the caller
    // accepts an unknown one.
    size_t i = 0;
    char sex = 0;
    while (i < w.size() && (sex = lex_->FirstNameGender(w[i])) == 0) ++i;
    if (i < w.size() && i + 1 < w.size()) {
      start = i;
      front_sex = sex;
    } else if (!allow_unknown) {
      return -1;
    } else {
      front_sex = i == 0 ? sex : 0;  // the name starts at w[0]
    }
  }
  // At most three words: no allocation for them.
  absl::string_view name_words[3];
  const size_t name_size = std::min(w.size(), start + 3) - start;
  for (size_t i = 0; i < name_size; ++i) name_words[i] = w[start + i];
  const absl::Span<absl::string_view> name(name_words, name_size);
  // "Robin Hood's Well", "St. Paul's School": a possessive inside the run
  // names a place or a thing of that person's, not a person.
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    if (StripPossessive(name[i]).size() != name[i].size()) return -1;
  }
  name.back() = StripPossessive(name.back());
  for (size_t i = 0; i < name.size(); ++i) {
    // (A word as looked up above, unless a possessive was cut off it.)
    const absl::string_view n = name[i];
    const WordInfo* const known = info[start + i];
    const v1::EntityType t =
        n.size() == w[start + i].size() && n.size() <= kMaxWordOf
            ? (known != nullptr ? known->nominal : v1::ENTITY_TYPE_UNSPECIFIED)
            : NominalOf(n);
    if (t != v1::ENTITY_TYPE_UNSPECIFIED && t != v1::ENTITY_TYPE_PERSON) {
      return -1;  // "Defense Ministry" is not a person
    }
  }
  // (A view of the text: no string built for each mention.)
  const absl::string_view surname = name.back();
  int entity;
  bool named_before = false;  // a full name the text gave before
  if (name.size() == 1 && last_title < 0 && IsIndefinite(surname)) return -1;
  if (name.size() == 1) {
    auto it = by_surname_.find(surname);
    // "YEUTTER SAYS ...", "NEWSOM: ...": a surname in capitals (a
    // headline's, a transcript's label) is the person the text names in
    // full with it ("Clayton Yeutter").
    char title_cased[kMaxWordOf];
    if (it == by_surname_.end() && surname.size() >= 3 && surname.size() <= kMaxWordOf &&
        std::all_of(surname.begin(), surname.end(),
                    [](char c) { return absl::ascii_isupper(static_cast<unsigned char>(c)); })) {
      title_cased[0] = surname[0];
      for (size_t k = 1; k < surname.size(); ++k) {
        title_cased[k] = absl::ascii_tolower(static_cast<unsigned char>(surname[k]));
      }
      it = by_surname_.find(absl::string_view(title_cased, surname.size()));
    }
    auto first = by_first_.end();
    if (it == by_surname_.end() && last_title < 0) first = by_first_.find(surname);
    // "Mr. Hilbery" is not "Katharine Hilbery": a title of the other sex
    // names another person of the family.
    const char title_gender =
        last_title >= 0 ? info[last_title]->title_gender : 0;
    if (it != by_surname_.end() && title_gender != 0 &&
        entities_[it->second].gender != 0 &&
        entities_[it->second].gender != title_gender) {
      // "Ms. Trump": another person of that surname named in full, of
      // the title's sex, if the text has one.
      // One whose sex the text does not tell ("Kellyanne Conway", after
      // "George Conway") will do when none of the title's sex is named.
      entity = -1;
      int unsexed = -1;
      for (int other : AlsoBySurname(surname)) {
        const ResolvedEntity& e = entities_[other];
        if (!HasSurname(e, surname)) continue;
        if (e.gender == title_gender) entity = other;
        if (e.gender == 0) unsexed = other;
      }
      if (entity < 0) entity = unsexed;
      if (entity < 0) {
        entity = FindOrAdd(absl::StrCat(w[last_title], " ", surname),
                           v1::ENTITY_TYPE_PERSON);
        entities_[entity].type = v1::ENTITY_TYPE_PERSON;
        entities_[entity].gender = title_gender;
      }
    } else if (it != by_surname_.end()) {
      // (Where the name's last word ends in the text; past its end when the
      // words are not the text's.)
      const uintptr_t at = reinterpret_cast<uintptr_t>(w.back().data());
      const uintptr_t text = reinterpret_cast<uintptr_t>(text_.data());
      const size_t after = at >= text && at + w.back().size() <= text + text_.size()
                               ? at - text + w.back().size()
                               : text_.size();
      entity = SameSurnamePerson(it->second, surname, title_gender, position, after);
    } else if (first != by_first_.end()) {
      entity = first->second;
    } else if (auto full = last_title < 0 ? full_names_.find(surname)
                                          : full_names_.end();
               full != full_names_.end()) {
      // "Curtis", and "Curtis Waring" somewhere in the text: one person,
      // named in full.
      const absl::string_view last = full->second;
      std::string& joined = full_name_;
      joined.assign(full->first.data(), full->first.size());
      joined.push_back(' ');
      joined.append(last.data(), last.size());
      entity = FindOrAdd(joined, v1::ENTITY_TYPE_PERSON);
      entities_[entity].type = v1::ENTITY_TYPE_PERSON;
      by_first_.try_emplace(surname, entity);
      by_surname_.try_emplace(last, entity);
      if (entities_[entity].gender == 0) {
        entities_[entity].gender = lex_->FirstNameGender(surname);
      }
    } else if (last_title >= 0 ||
               (allow_unknown && (!no_lone_person_ || lex_->FirstNameGender(surname) != 0 ||
                                  SurnameOfPair(surname)))) {
      entity = FindOrAdd(surname, v1::ENTITY_TYPE_PERSON);
      by_surname_.try_emplace(surname, entity);
      if (last_title < 0 && entities_[entity].gender == 0) {
        entities_[entity].gender = lex_->FirstNameGender(surname);
      }
    } else {
      return -1;
    }
  } else {
    // (Joined in the resolver's buffer: most full names are known already,
    // and a string of their own would be allocated for nothing.)
    std::string& full = full_name_;
    full.clear();
    for (size_t i = 0; i < name.size(); ++i) {
      if (i > 0) full.push_back(' ');
      full.append(name[i].data(), name[i].size());
    }
    entity = FindOrAdd(full, v1::ENTITY_TYPE_PERSON);
    entities_[entity].type = v1::ENTITY_TYPE_PERSON;
    named_before = !entities_[entity].aliases.empty();
    // "Trump" alone is the first person the text named in full with that
    // surname ("President Donald Trump"), not one named later ("Ivanka
    // Trump, the president's daughter"), whom the news names in full or by
    // given name again. (Index() reads the whole text before any speaker is
    // resolved: the last such name would win everywhere.) A surname known
    // alone before, or from a description, gives way to the full name. (Not
    // in a book, whose family members share the stage: LitBank dev canonical
    // speaker -1.)
    auto [slot, added] = by_surname_.try_emplace(surname, entity);
    if (!added && slot->second != entity) {
      const ResolvedEntity& first_named = entities_[slot->second];
      if ((layout_ == nullptr || !layout_->hard_wrapped) &&
          first_named.type == v1::ENTITY_TYPE_PERSON && !first_named.described &&
          first_named.canonical.find(' ') != std::string::npos) {
        // (Once each, the latest named last: a person named again and again
        // would grow the list that every "Ms. Trump" reads.)
        NoteAlsoBySurname(entity);
      } else {
        // "President Obama" in a story's first lines, "President Barack
        // Obama" after: one person, whom the surname alone names from here
        // on; every mention of the surname's entity resolves to the full
        // name. Not a title of another sex ("Mrs. Archer", "Newland
        // Archer").
        ResolvedEntity& alone = entities_[slot->second];
        if (front_sex < 0) front_sex = lex_->FirstNameGender(name.front());
        const char sex = static_cast<char>(front_sex);
        // Nor a full name brought in as somebody's kin ("first lady
        // Michelle Obama", "his wife, Melania Trump") after "President
        // Obama": a person noun of a sex right before it.
        size_t b = position;
        while (b > 0 && (text_[b - 1] == ' ' || text_[b - 1] == ',')) --b;
        size_t a = b;
        while (a > 0 && absl::ascii_islower(static_cast<unsigned char>(text_[a - 1]))) --a;
        const bool kin = b > a && PersonGender(text_.substr(a, b - a)) != 0;
        if (!kin && (layout_ == nullptr || !layout_->hard_wrapped) &&
            alone.type == v1::ENTITY_TYPE_PERSON && !alone.described &&
            alone.same_as < 0 && alone.canonical == surname &&
            (alone.gender == 0 || sex == 0 || alone.gender == sex)) {
          alone.same_as = entity;
          // (After Index(), a full name first met by Resolve() is judged at
          // once.)
          if (indexed_) ConfirmSameAs(alone);
        }
        slot->second = entity;
      }
    }
    AddAlias(entity, surname);
    if (front_sex < 0) front_sex = lex_->FirstNameGender(name.front());
    if (front_sex != 0) {
      entities_[entity].gender = static_cast<char>(front_sex);
      // "Florence" after "Florence Linden": the same person.
      if (name.size() >= 2) by_first_.try_emplace(name.front(), entity);
    }
  }
  if (last_title >= 0) {
    const absl::string_view role(
        w[0].data(),
        static_cast<size_t>(w[last_title].data() + w[last_title].size() - w[0].data()));
    // "the future Mrs. Newland Archer" after "Newland Archer": a wife goes
    // by her husband's full name. The title tells the sex of a full name
    // only where it first comes, and changes no sex the text told before.
    const char g = entities_[entity].gender;
    AddRole(entity, role);
    if (named_before) entities_[entity].gender = g;
  }
  Note(entity, position);
  return entity;
}

bool SpeakerResolver::HasSurname(const ResolvedEntity& e, absl::string_view surname) {
  return e.type == v1::ENTITY_TYPE_PERSON && !e.described &&
         e.canonical.size() > surname.size() && absl::EndsWith(e.canonical, surname) &&
         e.canonical[e.canonical.size() - surname.size() - 1] == ' ';
}

absl::Span<const int> SpeakerResolver::AlsoBySurname(
    absl::string_view surname) const {
  // (Most texts name no two people of one surname: nothing to hash.)
  if (also_by_surname_.empty()) return {};
  // (A name that ends in `surname` ends in its last word.)
  const auto it = also_by_surname_.find(NameLastWord(surname));
  if (it == also_by_surname_.end()) return {};
  return it->second;
}

void SpeakerResolver::NoteAlsoBySurname(int entity) {
  ResolvedEntity& e = entities_[entity];
  std::vector<int>& persons =
      also_by_surname_.try_emplace(NameLastWord(e.canonical)).first->second;
  if (e.also_named != 0) {
    persons.erase(std::find(persons.begin(), persons.end(), entity));
  }
  e.also_named = ++also_named_;
  persons.push_back(entity);
}

void SpeakerResolver::SetCanonical(int entity, absl::string_view name) {
  ResolvedEntity& e = entities_[entity];
  if (e.also_named == 0) {
    e.canonical.assign(name.data(), name.size());
    return;
  }
  // (Rare: a name recased or completed after the person was filed.)
  const std::string was(NameLastWord(e.canonical));
  e.canonical.assign(name.data(), name.size());
  const absl::string_view now = NameLastWord(e.canonical);
  if (now == was) return;
  std::vector<int>& from = also_by_surname_.find(was)->second;
  from.erase(std::find(from.begin(), from.end(), entity));
  std::vector<int>& to = also_by_surname_.try_emplace(now).first->second;
  const auto later = [this](int x, uint32_t order) {
    return entities_[x].also_named < order;
  };
  to.insert(std::lower_bound(to.begin(), to.end(), e.also_named, later),
            entity);
}

char SpeakerResolver::SubjectGoesOnWith(uint32_t position, size_t after) const {
  // The subject of its clause: at the start of a sentence or after a comma,
  // a conjunction or "when" ("Obama hugs Clinton after he spoke" tells
  // nothing of Clinton).
  WordClass cls;
  if (WordBefore(position, &cls) && cls != WordClass::kConj && cls != WordClass::kSub) {
    return 0;
  }
  constexpr size_t kMaxScan = 80;
  const size_t end = std::min(text_.size(), after + kMaxScan);
  size_t i = after;
  absl::string_view w;
  while (NextClauseWord(&i, end, &w)) {
    // Another name first: the pronoun may be that person's ("Clinton said
    // Sanders was wrong because he ...").
    if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return 0;
    const PronounForm* form = lex_->PronounFormOf(w);
    if (form != nullptr) {
      // "his claims", "her": whose, the words do not tell.
      return (form->gender == 'm' || form->gender == 'f') && form->kinds == PronounForm::kSubject
                 ? form->gender
                 : 0;
    }
  }
  return 0;
}

bool SpeakerResolver::NextClauseWord(size_t* i, size_t end, absl::string_view* w) const {
  const absl::string_view t = text_;
  size_t k = *i;
  for (; k < end; ++k) {
    const unsigned char c = t[k];
    // (0xE2 opens a curly quotation mark or a dash.)
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '"' || c == 0xE2) {
      return false;
    }
    if (absl::ascii_isalpha(c)) break;
  }
  if (k >= end) return false;
  size_t j = k;
  while (j < t.size() && absl::ascii_isalpha(static_cast<unsigned char>(t[j]))) ++j;
  *w = t.substr(k, j - k);
  *i = j;
  return true;
}

bool SpeakerResolver::SameGivenName(const ResolvedEntity& a, const ResolvedEntity& b) {
  // "Joseph R. Biden" and "Joe Biden", "Mike" and "Michael Bloomberg": one
  // person named two ways, whose given names start alike. Only another
  // given name tells another person.
  const absl::string_view x = a.canonical;
  const absl::string_view y = b.canonical;
  if (x.find(' ') == absl::string_view::npos || y.find(' ') == absl::string_view::npos) {
    return false;
  }
  return absl::ascii_tolower(x[0]) == absl::ascii_tolower(y[0]) &&
         absl::ascii_tolower(x[1]) == absl::ascii_tolower(y[1]);
}

int SpeakerResolver::SameSurnamePerson(int first_named, absl::string_view surname, char sex,
                                       uint32_t position, size_t after) {
  const ResolvedEntity& named_first = entities_[first_named];
  auto other_person = [&](const ResolvedEntity& e) {
    return HasSurname(e, surname) && !SameGivenName(e, named_first);
  };
  // (Most texts name no two people of one surname: the list is empty.)
  bool shared = false;
  for (int other : AlsoBySurname(surname)) {
    if (other != first_named && other_person(entities_[other])) {
      shared = true;
      break;
    }
  }
  if (!shared) return first_named;
  // The surname alone is the person the text named first ("Trump" after
  // "Donald Trump" and "his wife, Melania Trump"): the news names the others
  // by given name or title. Only a sex that is not hers tells another: the
  // title's, or that of the pronoun its clause goes on with ("Conway asked
  // the reporter why she ..." after "her husband, George Conway"). Then it is
  // the person of that sex and surname mentioned last.
  if (sex == 0 && after < text_.size()) sex = SubjectGoesOnWith(position, after);
  if (sex == 0 || named_first.gender == 0 || named_first.gender == sex) return first_named;
  const int other = LatestBefore(position, [&](const ResolvedEntity& e) {
    return e.gender == sex && other_person(e) && e.also_named != 0;
  });
  return other >= 0 ? other : first_named;
}

ABSL_ATTRIBUTE_NOINLINE size_t
SpeakerResolver::NameRunSize(absl::Span<const absl::string_view> w) const {
  const size_t n = w.size();
  // "Photos: NSA leaker Edward Snowden Photos: ...": a caption's label
  // (function_words.tsv label_word) run into a name before its colon is
  // no part of the name.
  // (The colon is looked for only when the word is one of text_'s.)
  const absl::string_view last = w[n - 1];
  const uintptr_t at = reinterpret_cast<uintptr_t>(last.data());
  const uintptr_t text = reinterpret_cast<uintptr_t>(text_.data());
  const size_t end = at - text + last.size();
  if (at >= text && end < text_.size() && text_[end] == ':' &&
      lex_->InListAnyCase(last, WordList::kLabelWord)) {
    return n - 1;
  }
  // "Rep. Richard Neal Neal said": a caption's or a headline's name run
  // into a sentence that opens with the surname. A word twice in a row
  // ends no name.
  if (last == w[n - 2]) return n - 1;
  return n;
}

void SpeakerResolver::Index() {
  // Runs of capitalised words, separated by single spaces, and person nouns
  // after a determiner ("the old man", "a girl"). Mentions inside quotation
  // marks are not antecedents (vocatives, people talked about): their names
  // are learnt but not noted.
  const absl::string_view t = text_;
  // (A span: no null test, and no vector to read through at each test.)
  const absl::Span<const Quote> quotes =
      layout_ != nullptr ? absl::MakeConstSpan(layout_->quotes)
                         : absl::Span<const Quote>();
  size_t qi = 0;
  auto inside_quote = [&](uint32_t pos) {
    while (qi < quotes.size() && quotes[qi].end <= pos) ++qi;
    return qi < quotes.size() && quotes[qi].begin <= pos;
  };
  // (The resolver's vector, with the memory it grew to in earlier texts.)
  std::vector<absl::string_view>& run = run_;
  run.clear();
  uint32_t run_pos = 0;
  auto flush_run = [&]() {
    quiet_ = inside_quote(run_pos);
    if (run.size() >= 3) run.resize(NameRunSize(run));
    if (run.size() == 2 && StripPossessive(run[1]).size() == run[1].size() &&
        !IsLexiconWord(run[0]) && !IsLexiconWord(run[1])) {
      // Two capitalised words, neither a title nor a common word: a given
      // name and a surname, for a later lone given name. (The first pair
      // with that given name stays.)
      if (full_names_.emplace(run[0], run[1]).second) pair_surnames_.insert(run[1]);
    }
    if (run.size() >= 2) {
      if (PersonFromWords(run, run_pos, /*allow_unknown=*/false) < 0 &&
          !(!quiet_ && run.size() == 2 && layout_ != nullptr && layout_->hard_wrapped &&
            SubjectFullName(run, run_pos)) &&
          !(!quiet_ && (layout_ == nullptr || !layout_->hard_wrapped) &&
            NameAfterRole(run, run_pos))) {
        NoteOrganisation(run, run_pos);
      }
    } else {
      absl::string_view w = StripPossessive(run[0]);
      auto it = by_surname_.find(w);
      auto first = it == by_surname_.end() && !by_first_.empty() ? by_first_.find(w)
                                                                : by_first_.end();
      if (it != by_surname_.end()) {
        Note(SameSurnamePerson(it->second, w, 0, run_pos,
                               static_cast<size_t>(run[0].data() - t.data()) + run[0].size()),
             run_pos);
      } else if (first != by_first_.end()) {
        Note(first->second, run_pos);
      } else if (!quiet_ && lex_->FirstNameGender(w) != 0 && !IsLexiconWord(w)) {
        // A known first name alone ("Florence") names a person.
        PersonFromWords({w}, run_pos, /*allow_unknown=*/true);
      } else if (!quiet_ && layout_ != nullptr && layout_->hard_wrapped &&
                 w.size() == run[0].size()) {
        SubjectName(w, run_pos);
      }
    }
    quiet_ = false;
    run.clear();
  };
  // Most words are not capitalised: the test inline, the work out of line.
  auto flush = [&]() {
    if (!run.empty()) flush_run();
  };
  constexpr size_t kNoDet = static_cast<size_t>(-1);
  size_t det_at = kNoDet;  // where the last determiner began
  int since_det = 0;       // words after it
  const size_t tail = LastWordStart(t);
  // In a book a line break, a capitalised conjunction or a person noun of
  // no sex goes on with or makes a mention after an article as well: every
  // article is read there.
  const bool book = layout_ != nullptr && layout_->hard_wrapped;
  auto article_matters = [&](size_t end) {
    return book || MaySexedPersonFollow(*lex_, t, end, tail);
  };
  size_t i = 0;
  while (i < t.size()) {
    // (Most words are of no interest: skipped 16 bytes at a time.)
    if (run.empty() && det_at == kNoDet) {
      i = SkipPlainWords(t, i, tail, article_matters);
      if (i == t.size()) break;
    }
    unsigned char c = t[i];
    if (!kWordChar.starts[c]) {
      // A space, or in hard-wrapped text a line break inside a paragraph.
      const bool space =
          c == ' ' || (c == '\n' && layout_ != nullptr &&
                       layout_->hard_wrapped && i + 1 < t.size() &&
                       t[i + 1] != '\n' && t[i + 1] != '\r');
      // (Whether it keeps a run going matters only when there is one.)
      if (!run.empty()) {
        bool keeps_run = space && i + 1 < t.size() && i > 0 &&
                         t[i - 1] != ',' && t[i - 1] != ';' && t[i - 1] != ':';
        if (!keeps_run) flush_run();
      }
      if (!space) det_at = kNoDet;
      ++i;
      continue;
    }
    // The word's end. (A byte at a time: most words SkipPlainWords() leaves
    // are short, "the", "a", and test four bytes in vain.)
    const size_t j = WordEnd(t, i, tail);
    // (Not substr(): i < j <= t.size(), no bounds to test.)
    absl::string_view w(t.data() + i, j - i);
    if (!IsUpperStart(w)) {
      // Ends the run, whether or not it ends the sentence too. (Dropping a
      // final period below never changes how a word starts.)
      flush();
      const bool final_period = absl::EndsWith(w, ".");
      const size_t word_end = final_period ? j - 1 : j;
      absl::string_view lw(t.data() + i, word_end - i);
      // Only the words just after an article are looked up: a hash lookup
      // per word of every text would cost more than it finds.
      if (IsArticleWord(lw)) {
        det_at = final_period ? kNoDet : i;
        since_det = 0;
        i = j;
        continue;
      }
      const WordInfo* info = det_at != kNoDet ? lex_->Word(lw) : nullptr;
      // Not "the boy Tom" (an apposition: the name is the mention).
      auto apposition = [&]() {
        size_t after = j;
        while (after < t.size() && t[after] == ' ') ++after;
        return !final_period && after < t.size() && after > j &&
               IsUpperStart(t.substr(after, 1));
      };
      // In a book a person noun that tells no sex ("the doctor", "the
      // painter") takes the sex of the first "he" or "she" after it in its
      // sentence ("The doctor shook his head"): then it is a mention too.
      char gender = info != nullptr ? info->person_gender : 0;
      if (info != nullptr && gender == 0 && det_at != kNoDet &&
          info->nominal == v1::ENTITY_TYPE_PERSON && layout_ != nullptr &&
          layout_->hard_wrapped) {
        gender = PronounSexAfter(*lex_, t, j);
        if (gender == 0 && (t[det_at] | 0x20) == 'a') {
          gender = NextSentenceSex(*lex_, t, det_at, j);
        }
      }
      // "the": not "a", "this" or "that".
      auto the_article = [&]() {
        return det_at + 3 < t.size() && (t[det_at] | 0x20) == 't' &&
               (t[det_at + 1] | 0x20) == 'h' && (t[det_at + 2] | 0x20) == 'e' &&
               !IsWordChar(t[det_at + 3]);
      };
      // "The doctor bent down." (no pronoun tells the sex): in a book "the
      // doctor" is a mention still, of one whom another sentence may tell
      // the sex of ("The doctor handed him back to his nurse"). (LitBank
      // dev speaker canonical 757 -> 759 of 1059.)
      const bool sexless_the = info != nullptr && gender == 0 && det_at != kNoDet &&
                               info->nominal == v1::ENTITY_TYPE_PERSON &&
                               layout_ != nullptr && layout_->hard_wrapped && the_article();
      if (info != nullptr && (gender != 0 || sexless_the) && det_at != kNoDet &&
          !apposition()) {
        if (!inside_quote(static_cast<uint32_t>(det_at))) {
          // "old man" in "the old man": the words after the article.
          size_t from = det_at;
          while (from < i && IsWordChar(t[from])) ++from;
          while (from < i && !IsWordChar(t[from])) ++from;
          std::string name(t.substr(from, word_end - from));
          OnOneLine(&name);
          // In a book, "the man" whom no "a man" brought in is the man of
          // the scene, by name (see Resolve()).
          // (Not by sex when the sex is not known.)
          int scene = -1;
          if (the_article() && gender != 0 && layout_ != nullptr && layout_->hard_wrapped) {
            auto known = by_name_.find(Lowered(name).view());
            if (known == by_name_.end() || !entities_[known->second].introduced) {
              scene = SceneReferent(gender, static_cast<uint32_t>(det_at));
            }
          }
          if (scene >= 0) {
            Note(scene, static_cast<uint32_t>(det_at));
          } else {
            int e = FindOrAdd(name, v1::ENTITY_TYPE_PERSON);
            entities_[e].type = v1::ENTITY_TYPE_PERSON;
            if (entities_[e].gender == 0) entities_[e].gender = gender;
            if (entities_[e].aliases.empty()) entities_[e].described = true;
            if ((t[det_at] | 0x20) == 'a') entities_[e].introduced = true;
            Note(e, static_cast<uint32_t>(det_at));
          }
        }
        det_at = kNoDet;
      } else if (det_at != kNoDet &&
                 (++since_det > 2 ||
                  (info != nullptr && info->word_class != WordClass::kNone))) {
        det_at = kNoDet;  // only adjectives between: not "a kind of man"
      }
      if (final_period) det_at = kNoDet;
      i = j;
      continue;
    }
    // A sentence-final period ends the run unless the word is an initial or
    // an abbreviation ("W.", "Sen.").
    bool ends_sentence = false;
    if (absl::EndsWith(w, ".") && w.size() > 2 && !lex_->IsAbbreviation(w) &&
        !IsTitleWord(w)) {
      w.remove_suffix(1);
      ends_sentence = true;
    }
    // A word that would open a run: "on Friday": a day is no name (after a
    // capitalised word it stays in the run: "Super Tuesday", "Black Friday"
    // are no "Super" or "Black"); in a book, "And Beth looked up", "But
    // Sidney said": a conjunction or an adverb opening the sentence is no
    // part of the name after it. (Looked up only where it can matter.)
    if (run.empty() && (book || lex_->MayBeWeekday(w))) {
      const WordInfo* info = WordOf(w);
      const WordClass cls = info == nullptr ? WordClass::kNone : info->word_class;
      if (cls == WordClass::kWeekday) {
        det_at = kNoDet;
        i = j;
        continue;
      }
      if (book && (cls == WordClass::kConj || cls == WordClass::kAdv ||
                   cls == WordClass::kProAdv ||
                   cls == WordClass::kSub || cls == WordClass::kAdverbialSub ||
                   cls == WordClass::kCondSub || cls == WordClass::kFreeRel ||
                   cls == WordClass::kTimeSub)) {
        i = j;
        continue;
      }
    }
    if (run.empty()) run_pos = static_cast<uint32_t>(i);
    run.push_back(w);
    // "The" opening a sentence. (A capitalised article begins with 'A' or
    // 'T': the first byte tells most words, with no call.)
    det_at = run.size() == 1 && (w[0] == 'A' || w[0] == 'T') &&
                     IsArticleWord(w) && article_matters(j)
                 ? i
                 : kNoDet;
    since_det = 0;
    if (ends_sentence) {
      flush();
      det_at = kNoDet;
    }
    i = j;
  }
  flush();
  SexFromClauses();
  ConfirmSameAs();
  // (A same_as set from here on is judged where it is set.)
  indexed_ = true;
  // In a book a person first known by one name ("His Christian name was
  // Gabriel") whom the text names in full later ("Gabriel Oak") goes by the
  // fullest name the text gives: the full name is the canonical one.
  // (Entities are few; the full name is looked up once per person.)
  if (book) {
    for (size_t k = 0; k < num_entities_; ++k) {
      ResolvedEntity& e = entities_[k];
      if (e.type != v1::ENTITY_TYPE_PERSON || e.described ||
          e.canonical.find(' ') != std::string::npos) {
        continue;
      }
      auto full = full_names_.find(absl::string_view(e.canonical));
      if (full == full_names_.end()) continue;
      std::string& joined = full_name_;
      joined.assign(e.canonical);
      joined.push_back(' ');
      joined.append(full->second.data(), full->second.size());
      auto named = by_name_.find(Lowered(joined).view());
      if (named == by_name_.end() || named->second == static_cast<int>(k)) continue;
      const ResolvedEntity& f = entities_[named->second];
      if (f.type != v1::ENTITY_TYPE_PERSON ||
          (f.gender != 0 && e.gender != 0 && f.gender != e.gender)) {
        continue;
      }
      AddAlias(static_cast<int>(k), e.canonical);
      SetCanonical(static_cast<int>(k), f.canonical);
      if (e.gender == 0) e.gender = f.gender;
    }
  }
}

// In a book, a word no lexicon knows, inside a sentence, the subject of its
// clause ("In the parlour, Ysolde was still awake, and she sat ..."), and
// followed in its sentence by "he" or "she", never yet by the other: a
// person of that sex whose first name the lexicon lacks. (LitBank dev
// speaker canonical 721 -> 723 of 1007.)
void SpeakerResolver::SubjectName(absl::string_view w, uint32_t position) {
  const absl::string_view t = text_;
  // Inside a sentence, where a capital tells a name ("Still, Ysolde was"),
  // not at its start ("Untying the rope, he").
  size_t b = position;
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\n')) --b;
  if (b == 0 ||
      !(absl::ascii_isalpha(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == ',')) {
    return;
  }
  // Words of a clause, not of a phrase: not "the Academy", "from
  // Bramblehurst", "his Tarrytown estate"; a verb after it, not "Academy
  // at", "Moon and".
  auto word_class = [&](size_t from, size_t to) {
    const WordInfo* info = WordOf(t.substr(from, to - from));
    return info != nullptr ? info->word_class : WordClass::kNone;
  };
  if (t[b - 1] != ',') {
    size_t a = b;
    while (a > 0 && absl::ascii_isalpha(static_cast<unsigned char>(t[a - 1]))) --a;
    const WordClass before = word_class(a, b);
    if (before != WordClass::kNone && before != WordClass::kConj &&
        before != WordClass::kSub) {
      return;
    }
  }
  size_t j = position + w.size();
  if (j + 2 >= t.size() || t[j] != ' ' ||
      !absl::ascii_islower(static_cast<unsigned char>(t[j + 1]))) {
    return;
  }
  size_t k = j + 1;
  while (k < t.size() && absl::ascii_isalpha(static_cast<unsigned char>(t[k]))) ++k;
  // Not "In London he met": the word after the name is its verb.
  if (lex_->Pronoun(Lowered(t.substr(j + 1, k - j - 1)).view()) != nullptr) return;
  const WordClass after = word_class(j + 1, k);
  if (after != WordClass::kNone && after != WordClass::kAux &&
      after != WordClass::kCop) {
    return;
  }
  if (IsLexiconWord(w) || IsTitleWord(w)) return;
  const char g = PronounSexAfter(*lex_, t, k);
  if (g == 0) return;
  auto it = name_votes_.try_emplace(w, std::pair<int, int>{0, 0}).first;
  (g == 'm' ? it->second.first : it->second.second)++;
  const auto [m, f] = it->second;
  if ((m >= kMinNameVotes && f == 0) || (f >= kMinNameVotes && m == 0)) {
    const int e = PersonFromWords({w}, position, /*allow_unknown=*/true);
    if (e >= 0 && entities_[e].gender == 0) entities_[e].gender = g;
  }
}

bool SpeakerResolver::SubjectFullName(const std::vector<absl::string_view>& run,
                                      uint32_t position) {
  const absl::string_view t = text_;
  for (absl::string_view w : run) {
    if (StripPossessive(w).size() != w.size() || IsLexiconWord(w) || IsTitleWord(w)) {
      return false;
    }
    // Letters only, and no word the text also writes in lower case
    // ("Young Anthony", "the Low Country").
    for (char c : w) {
      if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
    }
  }
  if (!lower_words_read_) {
    lower_words_read_ = true;
    for (size_t i = 0; i < t.size();) {
      if (!absl::ascii_isalpha(static_cast<unsigned char>(t[i]))) {
        ++i;
        continue;
      }
      size_t j = i;
      bool lower = true;
      for (; j < t.size() && absl::ascii_isalpha(static_cast<unsigned char>(t[j])); ++j) {
        lower &= absl::ascii_islower(static_cast<unsigned char>(t[j]));
      }
      if (lower) lower_words_.insert(t.substr(i, j - i));
      i = j;
    }
  }
  for (absl::string_view w : run) {
    if (lower_words_.contains(Lower(w))) return false;
  }
  // The subject of a clause: at the start of a sentence or after a comma
  // or conjunction, not after "the" or "in".
  {
    WordClass cls;
    if (WordBefore(position, &cls) && cls != WordClass::kConj && cls != WordClass::kSub) {
      return false;
    }
  }
  // A verb after it: a lower-case word that is no function word (or an
  // auxiliary or copula) and no pronoun.
  size_t j = static_cast<size_t>(run.back().data() - t.data()) + run.back().size();
  if (j + 2 >= t.size() || t[j] != ' ' ||
      !absl::ascii_islower(static_cast<unsigned char>(t[j + 1]))) {
    return false;
  }
  size_t k = j + 1;
  while (k < t.size() && absl::ascii_isalpha(static_cast<unsigned char>(t[k]))) ++k;
  if (lex_->Pronoun(Lowered(t.substr(j + 1, k - j - 1)).view()) != nullptr) return false;
  const WordInfo* info = WordOf(t.substr(j + 1, k - j - 1));
  const WordClass after = info != nullptr ? info->word_class : WordClass::kNone;
  if (after != WordClass::kNone && after != WordClass::kAux && after != WordClass::kCop) {
    return false;
  }
  char g = PronounSexAfter(*lex_, t, k);
  if (g == 0) {
    // The next sentence goes on with "He" or "She": the end of this one,
    // then its first word.
    size_t e = k;
    while (e < t.size() && e - k < 160 && t[e] != '.' && t[e] != '!' && t[e] != '?' &&
           t[e] != '"' && static_cast<unsigned char>(t[e]) != 0xE2) {
      ++e;
    }
    if (e >= t.size() || t[e] != '.') return false;
    ++e;
    while (e < t.size() && (t[e] == ' ' || t[e] == '\n')) ++e;
    const absl::string_view rest = t.substr(e, 4);
    if (absl::StartsWith(rest, "He ")) {
      g = 'm';
    } else if (rest == "She ") {
      g = 'f';
    } else {
      return false;
    }
  }
  const int e = PersonFromWords(run, position, /*allow_unknown=*/true);
  if (e < 0) return false;
  if (entities_[e].gender == 0) entities_[e].gender = g;
  return true;
}

bool SpeakerResolver::ArticleBefore(size_t position) const {
  WordClass cls;
  absl::string_view word;
  return WordBefore(std::min(position, text_.size()), &cls, &word) && IsArticleWord(word);
}

bool SpeakerResolver::WordBefore(size_t position, WordClass* cls,
                                 absl::string_view* word) const {
  const absl::string_view t = text_;
  size_t b = position;
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\n')) --b;
  if (b == 0 || !absl::ascii_isalpha(static_cast<unsigned char>(t[b - 1]))) return false;
  size_t a = b;
  while (a > 0 && absl::ascii_isalpha(static_cast<unsigned char>(t[a - 1]))) --a;
  const WordInfo* before = WordOf(t.substr(a, b - a));
  *cls = before != nullptr ? before->word_class : WordClass::kNone;
  if (word != nullptr) *word = t.substr(a, b - a);
  return true;
}

char SpeakerResolver::SubjectPronounSex(size_t from) const {
  const absl::string_view t = text_;
  constexpr size_t kMaxScan = 160;
  const size_t end = std::min(t.size(), from + kMaxScan);
  // "Ada asked him what he had done": after "him" a "he" may be the one
  // asked; after "her" a "she" may be her. Only the other sex tells.
  bool him = false, her = false;
  size_t j = from;  // past the word read
  absl::string_view w;
  while (NextClauseWord(&j, end, &w)) {
    // Another name ("asked Carl what he") or person noun ("asked the boy
    // what he") may be the one the pronoun is about.
    if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return 0;
    // A pronoun of a sex (pronouns.tsv): its subject, possessive, reflexive
    // or independent form ("he", "his", "himself", "hers") tells the sex.
    const PronounForm* form = lex_->PronounFormOf(w);
    if (form != nullptr && (form->gender == 'm' || form->gender == 'f')) {
      bool& object_seen = form->gender == 'm' ? him : her;
      const bool object = (form->kinds & PronounForm::kObject) != 0;
      if (object && (form->kinds & PronounForm::kPossessive) != 0) {
        // "to have her purchases packed before she set out": "her" before a
        // noun is whose, and most often the subject's; "asked her" is
        // somebody else.
        size_t n = j + 1;
        while (n < end && absl::ascii_isalpha(static_cast<unsigned char>(t[n]))) ++n;
        const absl::string_view next = j + 1 < n && t[j] == ' ' ? t.substr(j + 1, n - j - 1)
                                                                 : absl::string_view();
        const WordInfo* next_info = next.empty() ? nullptr : WordOf(next);
        if (next.empty() || !absl::ascii_islower(static_cast<unsigned char>(next[0])) ||
            (next_info != nullptr && next_info->word_class != WordClass::kNone) ||
            lex_->Pronoun(Lowered(next).view()) != nullptr) {
          object_seen = true;
        }
      } else if (object) {
        object_seen = true;
      } else {
        return object_seen ? 0 : form->gender;
      }
    } else {
      const WordInfo* info = WordOf(w);
      if (info != nullptr && info->nominal == v1::ENTITY_TYPE_PERSON) return 0;
    }
  }
  return 0;
}

bool SpeakerResolver::RolesDisagree(const ResolvedEntity& a, const ResolvedEntity& b) const {
  // A word of a role of each, not a title that tells only the sex ("Mr.").
  auto has_role = [&](const ResolvedEntity& e) {
    for (const std::string& role : e.roles) {
      for (absl::string_view word : absl::StrSplit(role, ' ', absl::SkipEmpty())) {
        if (TitleGender(word) == 0) return true;
      }
    }
    return false;
  };
  if (!has_role(a) || !has_role(b)) return false;
  for (const std::string& ra : a.roles) {
    for (absl::string_view x : absl::StrSplit(ra, ' ', absl::SkipEmpty())) {
      if (TitleGender(x) != 0) continue;
      for (const std::string& rb : b.roles) {
        for (absl::string_view y : absl::StrSplit(rb, ' ', absl::SkipEmpty())) {
          if (absl::EqualsIgnoreCase(x, y)) return false;
        }
      }
    }
  }
  return true;
}

void SpeakerResolver::ConfirmSameAs() {
  for (size_t k = 0; k < num_entities_; ++k) {
    ResolvedEntity& alone = entities_[k];
    if (alone.same_as >= 0) ConfirmSameAs(alone);
  }
}

void SpeakerResolver::ConfirmSameAs(ResolvedEntity& alone) {
  // "President Trump" is "Donald Trump" of "Donald Trump" and "first lady
  // Melania Trump" only by his sex: the full names of that surname whose
  // given names differ, and of them the one of the surname's sex (from
  // its title, or the pronouns of its clauses) when there is one; none
  // when the sex does not choose.
  const int first = alone.same_as;
  int chosen = -1;
  int fitting = 0;
  auto consider = [&](int candidate) {
    const ResolvedEntity& e = entities_[candidate];
    if (alone.gender != 0 && e.gender != 0 && e.gender != alone.gender) return;
    if (RolesDisagree(alone, e)) return;
    if (alone.gender == 0 || e.gender == alone.gender) {
      ++fitting;
      if (chosen < 0) chosen = candidate;
    }
  };
  consider(first);
  int others = 0;
  for (int other : AlsoBySurname(alone.canonical)) {
    if (other != first && HasSurname(entities_[other], alone.canonical) &&
        !SameGivenName(entities_[other], entities_[first])) {
      ++others;
      consider(other);
    }
  }
  if (others == 0) {
    // One full name of that surname: the same person unless the sexes
    // or the roles differ ("President Obama", "first lady Michelle
    // Obama").
    const char g = entities_[first].gender;
    if ((alone.gender != 0 && g != 0 && g != alone.gender) ||
        RolesDisagree(alone, entities_[first])) {
      alone.same_as = -1;
    }
    return;
  }
  alone.same_as = alone.gender != 0 && fitting == 1 ? chosen : -1;
}

// A person the lexicons tell no sex of ("Alexandra", "Strether", a surname
// alone) is "she" where the article goes on about her as "she": the clauses
// she is the subject of ("Alexandra went into the store before she set
// out"). All of them, so that one "he" against her (a pronoun about
// somebody else) leaves her sex unknown. One pass over the mentions, a
// bounded scan after each of those whose sex is unknown.
void SpeakerResolver::SexFromClauses() {
  const absl::string_view t = text_;
  sex_votes_.assign(num_entities_, std::pair<int, int>{0, 0});
  bool any = false;
  auto word_char = [&](size_t k) {
    const unsigned char c = static_cast<unsigned char>(t[k]);
    return absl::ascii_isalpha(c) || c == '.' || c == '\'' || c == '-' || c >= 0x80;
  };
  MentionList::Cursor all = mentions_.Begin();
  Mention m;
  while (all.Next(&m)) {
    const ResolvedEntity& e = entities_[m.entity];
    if (e.type != v1::ENTITY_TYPE_PERSON || e.described || e.gender != 0) continue;
    // The subject of a clause: not after a preposition or determiner ("to
    // Alexandra", "the Strether household").
    WordClass cls;
    if (WordBefore(m.position, &cls) && cls != WordClass::kNone && cls != WordClass::kConj &&
        cls != WordClass::kSub) {
      continue;
    }
    // Past the name's words.
    size_t j = m.position;
    for (int words = 0; words < 5 && j < t.size(); ++words) {
      while (j < t.size() && word_char(j)) ++j;
      if (j + 1 < t.size() && t[j] == ' ' &&
          absl::ascii_isupper(static_cast<unsigned char>(t[j + 1]))) {
        j = j + 1;
        continue;
      }
      break;
    }
    // Not "Alexandra's brother": a possessive.
    if (j >= 2 && t[j - 1] == 's' &&
        (t[j - 2] == '\'' || static_cast<unsigned char>(t[j - 2]) >= 0x80)) {
      continue;
    }
    if (j + 2 >= t.size() || (t[j] != ' ' && t[j] != '\n') ||
        !absl::ascii_islower(static_cast<unsigned char>(t[j + 1]))) {
      continue;
    }
    // Its verb: a word of no function class, an auxiliary, a copula or a
    // verb form the lexicon lists as a verb ("Alexandra went into the store
    // ... before she set out"); without this a person whose every clause
    // has such a verb gets no sex here, and the first pronoun resolved to
    // her, of either sex, fixes it.
    size_t k = j + 1;
    while (k < t.size() && absl::ascii_isalpha(static_cast<unsigned char>(t[k]))) ++k;
    const absl::string_view verb = t.substr(j + 1, k - j - 1);
    if (lex_->Pronoun(Lowered(verb).view()) != nullptr) continue;
    const WordInfo* info = WordOf(verb);
    const WordClass after = info != nullptr ? info->word_class : WordClass::kNone;
    if (after != WordClass::kNone && after != WordClass::kAux && after != WordClass::kCop &&
        after != WordClass::kVerb && after != WordClass::kCausativeVerb &&
        after != WordClass::kLightVerb) {
      continue;
    }
    // "Ms Jowell insisted his concerns had been met": after a verb of
    // speech a possessive begins what was said, about anybody.
    if (info != nullptr && info->cue >= 0 && k + 4 < t.size() && t[k] == ' ' &&
        (t.substr(k + 1, 4) == "his " || t.substr(k + 1, 4) == "her ")) {
      continue;
    }
    const char g = SubjectPronounSex(k);
    if (g == 0) continue;
    std::pair<int, int>& v = sex_votes_[m.entity];
    (g == 'm' ? v.first : v.second)++;
    any = true;
  }
  if (!any) return;
  for (size_t k = 0; k < num_entities_; ++k) {
    const auto [male, female] = sex_votes_[k];
    if (male > 0 && female == 0) {
      entities_[k].gender = 'm';
    } else if (female > 0 && male == 0) {
      entities_[k].gender = 'f';
    }
  }
}

// "The German Foreign Ministry summoned ...": a run of capitalised words
// that ends in an organisation or government word, so that a later "the
// ministry" can refer to it.
void SpeakerResolver::NoteOrganisation(const std::vector<absl::string_view>& run,
                                       uint32_t position) {
  v1::EntityType type = NominalOf(StripPossessive(run.back()));
  if (type != v1::ENTITY_TYPE_GOVERNMENT &&
      type != v1::ENTITY_TYPE_ORGANISATION) {
    return;
  }
  size_t first = 0;  // not a sentence-initial "The"
  while (first + 1 < run.size()) {
    // (WordOf(): the word as PersonFromWords() looked it up just before,
    // kept by its place in the text.)
    const WordInfo* info = run[first].size() <= kMaxWordOf
                               ? WordOf(run[first])
                               : lex_->Word(Lowered(run[first]).view());
    if (info == nullptr || info->word_class == WordClass::kNone) break;
    ++first;
  }
  // "CSX Corp's CSX Transportation Inc": the unit after its parent's name.
  for (size_t k = first; k + 2 < run.size(); ++k) {
    const absl::string_view bare = StripPossessive(run[k]);
    if (bare.size() != run[k].size() && lex_->InListAnyCase(bare, WordList::kCorpSuffix)) {
      first = k + 1;
    }
  }
  if (run.size() - first < 2) return;
  // "Co Inc" after "J.P. Morgan and": the suffixes of a name the run does
  // not hold, no organisation of their own.
  if (lex_->InListAnyCase(run[first], WordList::kCorpSuffix)) return;
  // (A view of the text: FindOrAdd() copies the name only when it is new.)
  const absl::string_view tail = StripPossessive(run.back());
  const absl::string_view name(run[first].data(),
                               tail.data() + tail.size() - run[first].data());
  const int entity = FindOrAdd(name, type);
  AliasBeforeSuffix(name, entity);
  Note(entity, position + static_cast<uint32_t>(run[first].data() - run.front().data()));
}

void SpeakerResolver::AliasBeforeSuffix(absl::string_view name, int entity) {
  // (Most organisations end in no suffix: the last word is tested first.)
  absl::string_view rest = name;
  for (;;) {
    const size_t space = rest.rfind(' ');
    if (space == absl::string_view::npos ||
        !lex_->InListAnyCase(rest.substr(space + 1), WordList::kCorpSuffix)) {
      break;
    }
    rest = absl::StripTrailingAsciiWhitespace(rest.substr(0, space));
    if (absl::ConsumeSuffix(&rest, ",") || absl::ConsumeSuffix(&rest, " and") ||
        absl::ConsumeSuffix(&rest, " &")) {
      rest = absl::StripTrailingAsciiWhitespace(rest);
    }
  }
  // Not a word that names a body or a place alone ("Canada" before "Ltd"
  // is still the government): only words no lexicon types.
  if (rest.size() == name.size() || rest.empty() ||
      NominalOf(rest) != v1::ENTITY_TYPE_UNSPECIFIED) {
    return;
  }
  by_name_.try_emplace(Lowered(rest).view(), entity);
}

int SpeakerResolver::TitledPerson(absl::string_view head,
                                  const std::vector<Token>& toks,
                                  const std::string& tags, size_t first,
                                  size_t head_index) const {
  // Only "the parson": not "a parson", "the old parson" or "his parson".
  if (layout_ == nullptr || !layout_->hard_wrapped || first == 0 ||
      first != head_index || tags[first - 1] != 'd' ||
      !absl::EqualsIgnoreCase(text_.substr(toks[first - 1].begin,
                                           toks[first - 1].end - toks[first - 1].begin),
                              "the")) {
    return -1;
  }
  auto holders = by_role_.find(Lowered(head).view());
  if (holders == by_role_.end()) return -1;
  int only = -1;
  for (int k : holders->second) {
    if (entities_[k].type != v1::ENTITY_TYPE_PERSON) continue;
    if (only >= 0 && only != k) return -1;
    only = k;
  }
  return only;
}

int SpeakerResolver::SceneReferent(char gender, uint32_t position) const {
  const auto& paras = layout_->paragraphs;
  auto p = std::upper_bound(paras.begin(), paras.end(), position,
                            [](uint32_t pos, const Range& x) { return pos < x.begin; });
  if (p == paras.begin()) return -1;
  --p;
  const uint32_t from = (p - std::min<ptrdiff_t>(p - paras.begin(), 8))->begin;
  // (Within the window too: a book of one long paragraph, whose scene is
  // all the text before, stays linear.)
  MentionList::Cursor back = mentions_.LowerBound(position);
  Mention m;
  for (ptrdiff_t k = 0; k < kWindow && back.Prev(&m) && m.position >= from; ++k) {
    const ResolvedEntity& e = entities_[m.entity];
    if (e.type == v1::ENTITY_TYPE_PERSON && !e.described && e.gender == gender) {
      return m.entity;
    }
  }
  return -1;
}

char SpeakerResolver::PersonGender(absl::string_view w) const {
  const WordInfo* info = WordOf(w);
  return info != nullptr ? info->person_gender : 0;
}

bool SpeakerResolver::IsLexiconWord(absl::string_view w) const {
  return WordOf(w) != nullptr;
}

bool SpeakerResolver::OpensSentence(uint32_t at) const {
  const absl::string_view t = text_;
  while (at > 0) {
    const unsigned char c = t[at - 1];
    if (c == ' ' || c == '"' || c == '\'' || c == '(' || c == '\t') {
      --at;
    } else if (at >= 3 && (c == 0x9C || c == 0x98) &&
               static_cast<unsigned char>(t[at - 2]) == 0x80 &&
               static_cast<unsigned char>(t[at - 3]) == 0xE2) {
      at -= 3;  // an opening curly quotation mark
    } else {
      return c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?';
    }
  }
  return true;
}

bool SpeakerResolver::WrittenAsName(absl::string_view w, uint32_t at) const {
  // An initial, or a capital inside the word: "Q Poll", "FBI", "McAfee".
  if (w.size() == 1) return true;
  for (size_t k = 1; k < w.size(); ++k) {
    if (absl::ascii_isupper(static_cast<unsigned char>(w[k]))) return true;
  }
  if (by_name_.contains(Lowered(w).view()) || by_surname_.contains(w) ||
      lex_->FirstNameGender(w) != 0) {
    return true;
  }
  // The first two places where the text writes `w` after a lower-case
  // letter or a comma and spaces, a word ending there or at a period or an
  // apostrophe. (Only a lone word at a sentence's opening before a document
  // noun is looked for, so this stays rare.)
  constexpr size_t npos = std::string::npos;
  std::array<size_t, 2> found = {npos, npos};
  const absl::string_view t = text_;
  if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return IsWordChar(c); })) {
    // Read for all the words of w's first byte at once: a search of the
    // text per word was quadratic in a text that opens ever more sentences
    // with new words ("Gizmo7 reports said").
    const unsigned char first = w[0];
    if (!written_read_[first]) {
      written_read_[first] = true;
      for (size_t k = t.find(w[0], 1); k != npos; k = t.find(w[0], k + 1)) {
        size_t b = k;
        while (b > 0 && t[b - 1] == ' ') --b;
        if (b == k || b == 0) continue;
        const unsigned char c = t[b - 1];
        if (!absl::ascii_islower(c) && c != ',') continue;
        for (size_t e = k + 1;; ++e) {
          const bool word_ends = e == t.size() || !IsWordChar(t[e]);
          if (word_ends || t[e] == '.' || t[e] == '\'') {
            auto slot = written_as_name_.try_emplace(t.substr(k, e - k),
                                                     std::array<size_t, 2>{npos, npos});
            std::array<size_t, 2>& at_k = slot.first->second;
            if (at_k[0] == npos) {
              at_k[0] = k;
            } else if (at_k[1] == npos) {
              at_k[1] = k;
            }
          }
          if (word_ends) break;
        }
      }
    }
    auto known = written_as_name_.find(w);
    if (known != written_as_name_.end()) found = known->second;
  } else {
    // (No word of the tagger's: searched for alone.)
    int n = 0;
    for (size_t k = t.find(w); n < 2 && k != npos; k = t.find(w, k + 1)) {
      if ((k > 0 && IsWordChar(t[k - 1])) ||
          (k + w.size() < t.size() && IsWordChar(t[k + w.size()]) &&
           t[k + w.size()] != '.' && t[k + w.size()] != '\'')) {
        continue;
      }
      size_t b = k;
      while (b > 0 && t[b - 1] == ' ') --b;
      if (b == k || b == 0) continue;
      const unsigned char c = t[b - 1];
      if (absl::ascii_islower(c) || c == ',') found[n++] = k;
    }
  }
  // Somewhere other than `at`.
  return (found[0] != npos && found[0] != at) || found[1] != npos;
}

template <typename Pred>
int SpeakerResolver::LastOtherMention(int entity, uint32_t position,
                                      const Pred& pred) const {
  MentionList::Cursor back = mentions_.UpperBound(position);
  Mention m;
  for (ptrdiff_t k = 0; k < kWindow && back.Prev(&m); ++k) {
    if (m.position >= position || m.entity == entity) continue;
    if (pred(entities_[m.entity])) return m.entity;
  }
  return -1;
}

bool SpeakerResolver::MentionedIn(int entity, uint32_t begin, uint32_t end) const {
  MentionList::Cursor it = mentions_.LowerBound(begin);
  Mention m;
  while (it.Next(&m) && m.position < end) {
    if (m.entity == entity) return true;
  }
  return false;
}

int SpeakerResolver::OtherPerson(int entity, uint32_t position) const {
  return LastOtherMention(entity, position, [](const ResolvedEntity& e) {
    return e.type == v1::ENTITY_TYPE_PERSON;
  });
}

int SpeakerResolver::OtherNamedPerson(int entity, uint32_t position,
                                      char gender) const {
  return LastOtherMention(entity, position, [gender](const ResolvedEntity& e) {
    return e.type == v1::ENTITY_TYPE_PERSON && !e.described &&
           !((gender == 'm' || gender == 'f') && e.gender != 0 &&
             e.gender != gender);
  });
}

void SpeakerResolver::LearnPerson(absl::string_view first, absl::string_view surname) {
  if (by_surname_.contains(surname)) return;
  const int e = FindOrAdd(first.empty() ? std::string(surname)
                                        : absl::StrCat(first, " ", surname),
                          v1::ENTITY_TYPE_PERSON);
  entities_[e].type = v1::ENTITY_TYPE_PERSON;
  by_surname_.emplace(std::string(surname), e);
  if (!first.empty()) {
    by_first_.emplace(std::string(first), e);
    AddAlias(e, surname);
    if (entities_[e].gender == 0) entities_[e].gender = lex_->FirstNameGender(first);
  }
}

int SpeakerResolver::NamedPerson(absl::string_view name) {
  const int known = PersonNamed(name);
  if (known >= 0) return known;
  const int e = FindOrAdd(std::string(name), v1::ENTITY_TYPE_PERSON);
  entities_[e].type = v1::ENTITY_TYPE_PERSON;
  by_surname_.emplace(std::string(name), e);
  return e;
}

int SpeakerResolver::AppositionName(absl::string_view noun, uint32_t position) const {
  auto known = appositions_.find(noun);
  if (known == appositions_.end()) {
    known = appositions_.emplace(std::string(noun), FindApposition(noun)).first;
  }
  if (known->second.second.empty() || known->second.first > position) return -1;
  const int e = PersonNamed(known->second.second);
  return e >= 0 && entities_[e].type == v1::ENTITY_TYPE_PERSON ? e : -1;
}

std::pair<uint32_t, std::string> SpeakerResolver::FindApposition(absl::string_view noun) const {
  const absl::string_view before = text_;
  for (size_t at = before.find(noun); at != absl::string_view::npos;
       at = before.find(noun, at + 1)) {
    size_t j = at + noun.size();
    // The word itself ("artist", not "artists"), with "the" before it,
    // across a line break too.
    if (at < 4 || (before[at - 1] != ' ' && before[at - 1] != '\n') ||
        !absl::EqualsIgnoreCase(before.substr(at - 4, 3), "the") ||
        (at >= 5 && absl::ascii_isalpha(static_cast<unsigned char>(before[at - 5]))) ||
        (j < before.size() && absl::ascii_isalpha(static_cast<unsigned char>(before[j])))) {
      continue;
    }
    auto skip_space = [&] {
      while (j < before.size() && (before[j] == ' ' || before[j] == '\n')) ++j;
    };
    skip_space();
    // "the artist himself, Walter Tarrant"
    for (absl::string_view self : {"himself", "herself"}) {
      if (before.substr(j, self.size()) == self) j += self.size();
    }
    if (j >= before.size() || before[j] != ',') continue;
    ++j;
    skip_space();
    // A run of capitalised words: the name, known by its last word.
    absl::string_view last;
    while (j < before.size() && absl::ascii_isupper(static_cast<unsigned char>(before[j]))) {
      size_t w = j;
      while (w < before.size() && absl::ascii_isalpha(static_cast<unsigned char>(before[w]))) ++w;
      last = before.substr(j, w - j);
      j = w;
      if (j + 1 >= before.size() || (before[j] != ' ' && before[j] != '\n') ||
          !absl::ascii_isupper(static_cast<unsigned char>(before[j + 1]))) {
        break;
      }
      ++j;
    }
    if (!last.empty()) return {static_cast<uint32_t>(j), std::string(last)};
  }
  return {0, std::string()};
}

int SpeakerResolver::DescribedPerson(absl::string_view noun, char gender) const {
  auto it = by_name_.find(Lowered(noun).view());
  if (it == by_name_.end()) return -1;
  const ResolvedEntity& e = entities_[it->second];
  if (!e.described || e.type != v1::ENTITY_TYPE_PERSON || e.gender != gender) return -1;
  return it->second;
}

void SpeakerResolver::NameDescribed(int entity, absl::string_view name) {
  if (entity < 0 || name.empty() || !entities_[entity].described) return;
  ResolvedEntity& e = entities_[entity];
  AddAlias(entity, e.canonical);
  SetCanonical(entity, name);
  e.described = false;
  by_name_.emplace(Lower(name), entity);
  by_surname_.emplace(std::string(NameLastWord(name)), entity);
}

bool SpeakerResolver::MayBeName(absl::string_view w) const {
  return IsUpperStart(w) && !IsLexiconWord(w) && lex_->Pronoun(Lowered(w).view()) == nullptr;
}

int SpeakerResolver::PersonNamed(absl::string_view word) const {
  auto it = by_surname_.find(word);
  if (it != by_surname_.end()) return it->second;
  it = by_first_.find(word);
  if (it != by_first_.end()) return it->second;
  return -1;
}

int SpeakerResolver::SubjectOf(Range paragraph, Range* where) const {
  if (paragraph.end <= paragraph.begin || paragraph.end > text_.size()) return -1;
  size_t j = paragraph.begin;
  while (j < paragraph.end && j - paragraph.begin < 8 &&
         absl::ascii_isalpha(static_cast<unsigned char>(text_[j]))) {
    ++j;
  }
  char buf[8];
  const size_t n = j - paragraph.begin;
  if (n > 0 && n < sizeof(buf)) {
    for (size_t k = 0; k < n; ++k) {
      buf[k] = absl::ascii_tolower(static_cast<unsigned char>(text_[paragraph.begin + k]));
    }
    const PronounInfo* p = lex_->Pronoun(absl::string_view(buf, n));
    if (p != nullptr) {
      if (p->deictic || (p->gender != 'm' && p->gender != 'f')) return -1;
      if (where != nullptr) *where = Range{paragraph.begin, static_cast<uint32_t>(j)};
      return ResolvePronoun(*p, paragraph.begin);
    }
  }
  // The subject is named in the first words: "The girl flushed." Not in a
  // phrase that opens the sentence and ends at a comma ("After Mayor Ruiz
  // spoke, Senator Lopez left with a message: \"Q\""): the person named
  // after it, if any.
  constexpr uint32_t kFirstWords = 40;
  const uint32_t fronted = FrontedPhraseEnd(paragraph.begin, paragraph.end);
  uint32_t first = fronted != kNoSentence ? fronted : paragraph.begin;
  MentionList::Cursor it = mentions_.LowerBound(first);
  Mention m;
  while (true) {
    if (!it.Next(&m) || m.position >= paragraph.end ||
        m.position >= first + kFirstWords) {
      if (first == paragraph.begin) break;
      first = paragraph.begin;  // no person after the phrase: the first words
      it = mentions_.LowerBound(first);
      continue;
    }
    if (entities_[m.entity].type != v1::ENTITY_TYPE_PERSON) continue;
    if (where != nullptr) {
      // The name's words: capitalised, up to the first that is not.
      uint32_t e = m.position;
      while (e < paragraph.end) {
        uint32_t w = e;
        while (w < paragraph.end && (absl::ascii_isalpha(static_cast<unsigned char>(text_[w])) ||
                                     text_[w] == '.' || text_[w] == '-' ||
                                     static_cast<unsigned char>(text_[w]) >= 0x80)) {
          ++w;
        }
        if (w == e || !absl::ascii_isupper(static_cast<unsigned char>(text_[e]))) break;
        uint32_t end = w;
        while (end > e && text_[end - 1] == '.' && end - e > 2) --end;  // not "Jr." alone
        *where = Range{m.position, end};
        if (w >= paragraph.end || text_[w] != ' ') break;
        e = w + 1;
      }
    }
    return m.entity;
  }
  return -1;
}

uint32_t SpeakerResolver::SentenceWithPronounSubject(const PronounInfo& p,
                                                     uint32_t position) const {
  const auto& sents = layout_->sentences;
  auto s = std::upper_bound(sents.begin(), sents.end(), position,
                            [](uint32_t pos, const Sentence& x) { return pos < x.begin; });
  if (s == sents.begin()) return kNoSentence;
  const uint32_t begin = (s - 1)->begin;
  // The first word: "He" or "She" of the pronoun's sex, before `position`.
  uint32_t j = begin;
  while (j < text_.size() && j - begin < 4 &&
         absl::ascii_isalpha(static_cast<unsigned char>(text_[j]))) {
    ++j;
  }
  if (j >= position || j - begin < 2 || j - begin > 3) return kNoSentence;
  char buf[4];
  for (uint32_t k = begin; k < j; ++k) {
    buf[k - begin] = absl::ascii_tolower(static_cast<unsigned char>(text_[k]));
  }
  const PronounInfo* first = lex_->Pronoun(absl::string_view(buf, j - begin));
  if (first == nullptr || first->deictic || first->gender != p.gender ||
      first->relative || first->plural) {
    return kNoSentence;
  }
  return begin;
}

// The latest sentence with an antecedent names its subject first: of the
// compatible people it names, the first.
int SpeakerResolver::SubjectFirst(const PronounInfo& p, const Mention& found,
                                  MentionList::Cursor back, ptrdiff_t left) const {
  if (layout_ == nullptr || layout_->sentences.empty()) return found.entity;
  const auto& sents = layout_->sentences;
  auto s = std::upper_bound(sents.begin(), sents.end(), found.position,
                            [](uint32_t pos, const Sentence& x) { return pos < x.begin; });
  if (s == sents.begin()) return found.entity;
  const uint32_t begin = (s - 1)->begin;
  // "Asked by Sen. Bill Bradley about it, Yeutter replied": a phrase that
  // opens the sentence and ends at a comma is no subject; the people it
  // names give way to one named after it.
  const uint32_t fronted = FrontedPhraseEnd(begin, found.position);
  int best = found.entity;
  int after = found.position > fronted || fronted == kNoSentence ? found.entity : -1;
  // Of those, the first that is a clause's subject: "Mr Brown accused
  // Oliver Letwin" and "Speaking before meeting with King Abdullah, Obama
  // implied" are about the one who accused and the one who spoke. (None
  // such: the first, as before.)
  // (Nor a people named in the plural that the resolver took for a person,
  // "Americans": one word in the plural, of no sex, no one's surname; nor a
  // function word, a month or a day alone, "November".)
  auto subject_at = [&](const Mention& x) {
    const ResolvedEntity& e = entities_[x.entity];
    const std::string& name = e.canonical;
    if (name.find(' ') == std::string::npos) {
      const WordInfo* info = WordOf(name);
      if ((info != nullptr && info->word_class != WordClass::kNone) ||
          (PluralNoun(name) && e.gender == 0 &&
           !pair_surnames_.contains(name))) {
        return false;
      }
    }
    return !NameNotSubject(x.position, begin);
  };
  // The walk meets them last to first; the first few are kept, in a ring,
  // and tested first to last after it: most sentences answer at the
  // first, and the tests per pronoun stay few.
  constexpr int kRing = 8;
  Mention ring[kRing];
  int kept = 0;
  if (after >= 0) ring[kept++ % kRing] = found;
  Mention m;
  for (; left > 0 && back.Prev(&m); --left) {
    if (m.position < begin) break;
    const ResolvedEntity& e = entities_[m.entity];
    // (A full name whose given name no list knows, "Oleksiy Danilov", is a
    // person's in the news, as it is for ResolvePronoun(): the subject
    // before an object named in full, "Oleksiy Danilov met Joe Biden".)
    if ((e.type != v1::ENTITY_TYPE_PERSON && !UnknownFullName(e)) ||
        e.described)
      continue;
    if (e.gender != 0 && p.gender != 'x' && e.gender != p.gender) continue;
    if ((p.gender == 'm' || p.gender == 'f') && PeopleNounAsName(e)) continue;
    best = m.entity;
    if (fronted == kNoSentence || m.position > fronted) {
      after = m.entity;
      ring[kept++ % kRing] = m;
    }
    // ("Manning said Tuesday, ...": a name that opens the sentence is its
    // subject, whatever word ends it.)
    if (m.position == begin) break;
  }
  for (int k = kept - 1; k >= 0 && k >= kept - kRing; --k) {
    if (subject_at(ring[k % kRing])) return ring[k % kRing].entity;
  }
  return after >= 0 ? after : best;
}

bool SpeakerResolver::NameNotSubject(uint32_t position, uint32_t begin) const {
  const absl::string_view t = text_;
  auto word_byte = [&](size_t k) {
    const unsigned char c = static_cast<unsigned char>(t[k]);
    return absl::ascii_isalpha(c) || c == '.' || c == '\'' || c == '-' ||
           c >= 0x80;
  };
  // The name's words, capitalised ones after single spaces: a possessive
  // among them, or a common noun after them ("the Trump administration",
  // "Clinton aides"), makes the name a modifier.
  size_t j = position;
  // (Where the name ends: "said Kawakami." ends a sentence, "told Collins
  // as she" goes on.)
  bool ends_clause = false;
  for (int words = 0; words < 6 && j < t.size(); ++words) {
    const size_t a = j;
    while (j < t.size() && word_byte(j)) ++j;
    const absl::string_view w = t.substr(a, j - a);
    if (w.empty()) break;
    if (StripPossessive(w).size() != w.size()) {
      // (Not "Christie's been making the case": "has" or "is".)
      size_t k = j + 1, e = k;
      while (e < t.size() &&
             absl::ascii_isalpha(static_cast<unsigned char>(t[e])))
        ++e;
      const absl::string_view after = t.substr(k, e - k);
      const WordInfo* next =
          j < t.size() && t[j] == ' ' ? WordOf(after) : nullptr;
      // (A participle, "'s said", not a verb that may be a noun, "'s air".)
      const bool participle = absl::EndsWith(after, "ed") ||
                              absl::EndsWith(after, "en") ||
                              absl::EndsWith(after, "ing");
      return next == nullptr || !((next->clause_sign && participle) ||
                                  next->word_class == WordClass::kAux ||
                                  next->word_class == WordClass::kCop ||
                                  next->word_class == WordClass::kNeg ||
                                  next->word_class == WordClass::kAdv);
    }
    if (j >= t.size() || t[j] == ',' || w.back() == '.' || t[j] == '\n') {
      ends_clause = true;
      break;
    }
    if (j + 1 >= t.size() || t[j] != ' ') break;
    const unsigned char next = static_cast<unsigned char>(t[j + 1]);
    if (absl::ascii_islower(next)) {
      size_t e = j + 1;
      while (e < t.size() &&
             absl::ascii_isalpha(static_cast<unsigned char>(t[e])))
        ++e;
      const WordInfo* info = WordOf(t.substr(j + 1, e - j - 1));
      if (info != nullptr && info->word_class == WordClass::kNone &&
          !info->clause_sign && info->cue < 0 &&
          info->nominal != v1::ENTITY_TYPE_UNSPECIFIED) {
        return true;
      }
      break;
    }
    if (!absl::ascii_isupper(next)) break;
    ++j;
  }
  // The words before it, back over the rest of its noun phrase (titles,
  // modifiers, a possessive: "shadow chancellor", "New York magazine's"),
  // to a preposition or a verb that takes it as its object. A comma, a
  // quotation mark or anything else before it leaves it a subject, as does
  // a verb with a comma before it and nothing after the name ("C," said
  // Kawakami.): not "X, an administrator, told New York magazine's Lisa
  // Miller that C".
  // A word in lower case is of the name's noun phrase only before a title
  // or a person's noun ("GOP presidential candidate Mitt Romney"): "in the
  // campaign Trump gave" opens a new phrase at the name.
  size_t b = position;
  bool in_phrase = false;
  for (int words = 0; words < 8; ++words) {
    if (b <= begin + 1 || t[b - 1] != ' ') return false;
    size_t a = b - 1;
    while (a > begin && word_byte(a - 1)) --a;
    const absl::string_view w = t.substr(a, b - 1 - a);
    if (w.empty()) return false;
    b = a;
    if (!absl::ascii_islower(static_cast<unsigned char>(w[0]))) {
      if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) continue;
      return false;  // a dash, a number
    }
    const absl::string_view bare = StripPossessive(w);
    if (bare.size() != w.size()) {
      in_phrase = true;
      continue;
    }
    const WordInfo* info = WordOf(w);
    if (info == nullptr) {
      if (in_phrase) continue;
      return false;
    }
    if (info->title || info->nominal == v1::ENTITY_TYPE_PERSON) {
      in_phrase = true;
      continue;
    }
    switch (info->word_class) {
      case WordClass::kPrep:
      case WordClass::kVenuePrep:
      case WordClass::kAdjunctPrep:
      case WordClass::kAgent:
        return true;
      case WordClass::kNone:
        if (info->clause_sign) {
          size_t c = a;
          while (c > begin && t[c - 1] == ' ') --c;
          // (A closing mark of one byte or of three, as the segmenter
          // reads them: AllQuoteChars.)
          const bool inverted =
              ends_clause &&
              (c <= begin || t[c - 1] == ',' ||
               AllQuoteChars(t.substr(c - 1, 1)) ||
               (c >= begin + 3 && AllQuoteChars(t.substr(c - 3, 3))));
          return !inverted;
        }
        if (in_phrase) continue;
        return false;
      case WordClass::kDet:
      case WordClass::kMod:
      case WordClass::kPoss:
        continue;
      default:
        return false;
    }
  }
  return false;
}

bool SpeakerResolver::NameBetweenCommas(uint32_t a) const {
  const absl::string_view t = text_;
  // (A name is a few words: look no further than this.)
  const uint32_t limit = std::min<uint32_t>(t.size(), a + 80);
  uint32_t k = a;
  while (k < limit) {
    uint32_t e = k;
    while (e < limit && t[e] != ' ' && t[e] != ',') ++e;
    const absl::string_view w = t.substr(k, e - k);
    if (!w.empty() && !absl::ascii_isupper(static_cast<unsigned char>(w[0])) &&
        !lex_->InList(w, WordList::kNameLink) && !lex_->InList(w, WordList::kArticle) &&
        !lex_->InList(w, WordList::kPhraseConj)) {
      return false;
    }
    if (e < limit && t[e] == ',') {
      // (And the phrase goes on after it in lower case: "Herman Smith,
      // Jr. explained" is the subject's name.)
      ++e;
      while (e < t.size() && t[e] == ' ') ++e;
      return e < t.size() && absl::ascii_islower(static_cast<unsigned char>(t[e]));
    }
    k = e + 1;
  }
  return false;
}

uint32_t SpeakerResolver::FrontedPhraseEnd(uint32_t begin, uint32_t limit) const {
  const absl::string_view t = text_;
  uint32_t j = begin;
  while (j < t.size() && j < limit && absl::ascii_isalpha(static_cast<unsigned char>(t[j]))) ++j;
  const uint32_t n = j - begin;
  // The first word, then a space.
  if (n < 2 || n > 12 || j + 1 >= limit || t[j] != ' ') return kNoSentence;
  char buf[12];
  for (uint32_t k = 0; k < n; ++k) {
    buf[k] = absl::ascii_tolower(static_cast<unsigned char>(t[begin + k]));
  }
  const absl::string_view w(buf, n);
  bool opener = false;
  switch (lex_->FunctionWord(w)) {
    case WordClass::kPrep:
    case WordClass::kVenuePrep:
    case WordClass::kAdjunctPrep:
    case WordClass::kAgent:
    case WordClass::kAdverbialSub:
    case WordClass::kCondSub:
    case WordClass::kTimeSub:
      opener = true;
      break;
    case WordClass::kNone:
      // A participle ("Asked", "Speaking") before a word in lower case:
      // not a name that opens the sentence ("Manning said", "Ted Cruz").
      opener = n >= 5 && absl::ascii_islower(static_cast<unsigned char>(t[j + 1])) &&
               (absl::EndsWith(w, "ing") || absl::EndsWith(w, "ed")) &&
               lex_->FirstNameGender(absl::string_view(t.data() + begin, n)) == 0;
      break;
    default:
      break;
  }
  if (!opener) return kNoSentence;
  for (uint32_t k = j; k < limit; ++k) {
    if (t[k] == ',') {
      // The subject after it is a name: "Asked whether O'Rourke agreed,
      // he answered" names its subject in the phrase, and "According to X,
      // a few of Y's friends ..." has a subject that is no name.
      uint32_t a = k + 1;
      while (a < t.size() && t[a] == ' ') ++a;
      uint32_t e = a;
      while (e < t.size() && e - a < 12 && absl::ascii_isalpha(static_cast<unsigned char>(t[e]))) ++e;
      if (e == a || e - a >= 12 || !absl::ascii_isupper(static_cast<unsigned char>(t[a]))) {
        return kNoSentence;
      }
      char next[12];
      for (uint32_t i = a; i < e; ++i) next[i - a] = absl::ascii_tolower(static_cast<unsigned char>(t[i]));
      const absl::string_view nw(next, e - a);
      if (lex_->Pronoun(nw) != nullptr || lex_->FunctionWord(nw) != WordClass::kNone) {
        return kNoSentence;
      }
      // "Asked whether X agreed with a rival, Gov. Jay Inslee of Washington,
      // that ...": a name between two commas is an apposition inside the
      // phrase, which goes on.
      if (!NameBetweenCommas(a)) return k;
    }
    // (A quote, a semicolon or a colon before the comma: no plain phrase
    // that opens a sentence.)
    if (t[k] == '"' || t[k] == ';' || t[k] == ':') return kNoSentence;
  }
  return kNoSentence;
}

bool SpeakerResolver::FullNameShape(absl::string_view given, absl::string_view surname) const {
  for (absl::string_view w : {given, surname}) {
    if (w.size() < 2 || !absl::ascii_isupper(static_cast<unsigned char>(w[0])) ||
        IsLexiconWord(w) || IsTitleWord(w)) {
      return false;
    }
    // (A double name: "Riley-Cromartie", "Jean-Claude".)
    for (size_t k = 1; k < w.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(w[k]);
      if (absl::ascii_islower(c)) continue;
      if (c == '-' && k + 2 < w.size() && absl::ascii_isupper(static_cast<unsigned char>(w[k + 1]))) {
        ++k;
        continue;
      }
      return false;
    }
  }
  return true;
}

bool SpeakerResolver::UnknownFullName(const ResolvedEntity& e) const {
  if (e.type != v1::ENTITY_TYPE_UNKNOWN || e.described || layout_ == nullptr ||
      layout_->hard_wrapped) {
    return false;
  }
  const absl::string_view name = e.canonical;
  const size_t space = name.find(' ');
  if (space == absl::string_view::npos || name.find(' ', space + 1) != absl::string_view::npos ||
      !FullNameShape(name.substr(0, space), name.substr(space + 1))) {
    return false;
  }
  // (Each entity's answer is kept: a pronoun asks of the same names again.
  // Past the first few entities a text names so, no search: the text is
  // read a bounded number of times.)
  const int index = static_cast<int>(&e - entities_.data());
  for (const auto& [entity, place] : place_tests_) {
    if (entity == index) return !place;
  }
  if (place_tests_.size() >= kMaxPlaceTests) return true;
  const bool place = WrittenAsPlaceOrBody(name);
  place_tests_.emplace_back(index, place);
  return !place;
}

bool SpeakerResolver::WrittenAsPlaceOrBody(absl::string_view name) const {
  const absl::string_view t = text_;
  // "Fox News", "Clearing Services": a last word in the plural that the
  // text also writes in lower case ("the news", "services") is a common
  // noun capitalised in a body's name, not a surname. (Only in the plural:
  // "Lashonda Hall", "Mickey White" in a text about "the mess hall" or
  // "white women" are people; a surname in -s seldom stands in lower case,
  // "Williams", "Reynolds".) So is a first word of five letters or more
  // that the text writes in lower case: a word that opens the sentence
  // ("Maybe Clinton thinks", "maybe not") or a common word in a title
  // ("Understanding Obamacare"); a short one may be a particle of a
  // surname ("De Blasio", "El Dibany" and "de", "el").
  const absl::string_view last = NameLastWord(name);
  const absl::string_view first = name.substr(0, name.find(' '));
  for (const absl::string_view word : {first, last}) {
    if (word.size() > kMaxWordOf ||
        (word.data() == last.data() ? !PluralNoun(word) : word.size() < 5))
      continue;
    const Lowered lower(word);
    const absl::string_view low = lower.view();
    for (size_t at = t.find(low); at != absl::string_view::npos;
         at = t.find(low, at + 1)) {
      const size_t end = at + low.size();
      if ((at == 0 || !IsWordChar(t[at - 1])) &&
          (end >= t.size() ||
           !absl::ascii_isalnum(static_cast<unsigned char>(t[end])))) {
        return true;
      }
    }
  }
  for (size_t at = t.find(name); at != absl::string_view::npos; at = t.find(name, at + 1)) {
    const size_t end = at + name.size();
    if (at < 2 || t[at - 1] != ' ' ||
        (end < t.size() && absl::ascii_isalnum(static_cast<unsigned char>(t[end])))) {
      continue;
    }
    // ("Club's", "Club’s".)
    const absl::string_view rest = t.substr(end, 5);
    const bool possessive = absl::StartsWith(rest, "'s") || absl::StartsWith(rest, "\xE2\x80\x99s");
    // The word right before: a preposition of place ("in", "at"), or an
    // article of one thing named ("the", not "a").
    const size_t b = at - 1;
    size_t a = b;
    while (a > 0 && b - a < 4 && absl::ascii_isalpha(static_cast<unsigned char>(t[a - 1]))) --a;
    if (a == b || (a > 0 && IsWordChar(t[a - 1]))) continue;
    const absl::string_view before = t.substr(a, b - a);
    // "the Centre for Global Development", "the Department of Homeland
    // Security": after a lower-case link word ("of", "for", "on";
    // function_words.tsv name_link) that follows the capitalised head of
    // a body's name (a noun of an organisation or a government in
    // nominals.tsv, or one of org_before_link), the words end that name.
    // (Not after any capitalised word: "The Death of Fidel Castro" is a
    // headline about a man.)
    if (a >= 2 && t[a - 1] == ' ' &&
        lex_->InList(before, WordList::kNameLink)) {
      size_t w = a - 1;
      while (w > 0 && absl::ascii_isalpha(static_cast<unsigned char>(t[w - 1])))
        --w;
      const absl::string_view head = t.substr(w, a - 1 - w);
      if (!head.empty() &&
          absl::ascii_isupper(static_cast<unsigned char>(head[0]))) {
        const v1::EntityType type = NominalOf(head);
        if (type == v1::ENTITY_TYPE_ORGANISATION ||
            type == v1::ENTITY_TYPE_GOVERNMENT ||
            lex_->InListAnyCase(head, WordList::kOrgBeforeLink)) {
          return true;
        }
      }
    }
    const WordInfo* info = WordOf(before);
    if (info == nullptr) continue;
    if (info->place) {
      // Not "in Carly Fiorina's words".
      if (!possessive) return true;
      continue;
    }
    if (!lex_->InListAnyCase(before, WordList::kArticle) ||
        lex_->InListAnyCase(before, WordList::kDetOne)) {
      continue;
    }
    // "The Sierra Club's report" is a body's. Not "the Carly Fiorina
    // campaign": a name before a noun it modifies. A punctuation mark, or a
    // word the lexicon knows that is no noun ("said", "and"), ends the name
    // there.
    if (possessive || end >= t.size() || t[end] != ' ') return true;
    size_t k = end + 1, e = k;
    while (e < t.size() && e - k <= kMaxWordOf && absl::ascii_isalpha(static_cast<unsigned char>(t[e]))) ++e;
    if (e == k) return true;
    if (absl::ascii_isupper(static_cast<unsigned char>(t[k]))) {
      // A longer name: a body's when its next word or the one after heads
      // one ("the West Virginia Insurance Commission"), else go on.
      for (int words = 0; words < 2 && e < t.size(); ++words) {
        const v1::EntityType type = NominalOf(t.substr(k, e - k));
        if (type == v1::ENTITY_TYPE_ORGANISATION ||
            type == v1::ENTITY_TYPE_GOVERNMENT)
          return true;
        if (t[e] != ' ' || e + 1 >= t.size() ||
            !absl::ascii_isupper(static_cast<unsigned char>(t[e + 1]))) {
          break;
        }
        k = e + 1;
        e = k;
        while (e < t.size() && e - k <= kMaxWordOf &&
               absl::ascii_isalpha(static_cast<unsigned char>(t[e])))
          ++e;
      }
      continue;
    }
    const WordInfo* next = WordOf(t.substr(k, e - k));
    if (next != nullptr && next->nominal == v1::ENTITY_TYPE_UNSPECIFIED) return true;
  }
  return false;
}

bool SpeakerResolver::NameAfterRole(const std::vector<absl::string_view>& run,
                                    uint32_t position) {
  if (run.size() != 2) return false;
  const absl::string_view t = text_;
  size_t b = position;
  while (b > 0 && t[b - 1] == ' ') --b;
  size_t a = b;
  while (a > 0 && absl::ascii_islower(static_cast<unsigned char>(t[a - 1]))) --a;
  if (a == b || (a > 0 && absl::ascii_isalpha(static_cast<unsigned char>(t[a - 1])))) {
    return false;
  }
  const absl::string_view role = t.substr(a, b - a);
  if (!IsTitleWord(role) && NominalOf(role) != v1::ENTITY_TYPE_PERSON) return false;
  if (!FullNameShape(run[0], run[1])) return false;
  return PersonFromWords(run, position, /*allow_unknown=*/true) >= 0;
}

size_t SpeakerResolver::OfficeTitleAfterAnd(size_t and_at) const {
  const std::vector<Token>& toks = tokens_;
  const std::string& tags = tags_;
  const size_t n = toks.size();
  if (and_at == 0 || and_at + 3 >= n) return 0;
  auto word = [&](size_t k) {
    return text_.substr(toks[k].begin, toks[k].end - toks[k].begin);
  };
  // Before "and", capitalised words that name no one: no given name, no
  // surname or name the text knows (Index() has read it all: a person in
  // the news is named in full somewhere, "Trump and Chinese President Xi
  // Jinping" are two), no person noun: "Health", "Homeland Security".
  for (size_t k = 0; k < and_at; ++k) {
    const absl::string_view w = word(k);
    if (tags[k] != 'N' || !toks[k].cap || PersonGender(w) != 0 ||
        lex_->FirstNameGender(w) != 0 || by_surname_.contains(w) ||
        by_name_.contains(Lowered(w).view())) {
      return 0;
    }
  }
  // After it, capitalised words, the first no noun of a body ("Keller and
  // Senate Majority Leader Bob Hale" are two; "Homeland Security and
  // Governmental Affairs Committee Chairman Ron Johnson" is one), a title,
  // and the person's name to the end or to a party tag ("Dave Camp
  // (R-Mich.)").
  size_t k = and_at + 1;
  if (NominalOf(word(k)) != v1::ENTITY_TYPE_UNSPECIFIED) return 0;
  while (k < n && tags[k] == 'N' && toks[k].cap) ++k;
  const size_t title = k;
  if (title == and_at + 1) return 0;
  while (k < n && tags[k] == 'R') ++k;
  if (k == title || k == n || tags[k] != 'N') return 0;
  while (k < n && tags[k] == 'N') ++k;
  return k == n || tags[k] == '(' ? title : 0;
}

bool SpeakerResolver::PronounFollows(uint32_t position, char gender) const {
  // Past the name's words: letters, periods, apostrophes ("Mr. O'Hara's").
  size_t j = position;
  auto word_char = [&](size_t k) {
    const unsigned char c = static_cast<unsigned char>(text_[k]);
    return absl::ascii_isalpha(c) || c == '.' || c == '\'' || c >= 0x80;
  };
  for (int words = 0; words < 4 && j < text_.size(); ++words) {
    while (j < text_.size() && word_char(j)) ++j;
    if (j + 1 >= text_.size() || (text_[j] != ' ' && text_[j] != '\n')) return false;
    const size_t next = j + 1;
    if (!absl::ascii_isupper(static_cast<unsigned char>(text_[next]))) {
      const absl::string_view rest = text_.substr(next, 4);
      const absl::string_view want = gender == 'm' ? "he " : "she ";
      return absl::StartsWith(rest, want) ||
             (gender == 'm' && absl::StartsWith(rest, "he\n")) ||
             (gender == 'f' && rest == "she\n");
    }
    j = next;
  }
  return false;
}

bool SpeakerResolver::NamedIn(absl::string_view name, uint32_t begin,
                              uint32_t end) const {
  if (name.empty() || begin >= end || end > text_.size()) return false;
  const absl::string_view window = text_.substr(begin, end - begin);
  for (size_t at = window.find(name); at != absl::string_view::npos;
       at = window.find(name, at + 1)) {
    const size_t after = at + name.size();
    if ((at == 0 || !IsWordChar(window[at - 1])) &&
        (after >= window.size() || !IsWordChar(window[after]))) {
      return true;
    }
  }
  return false;
}

bool SpeakerResolver::PluralNoun(absl::string_view name) {
  return name.size() > 3 && name.back() == 's' &&
         name[name.size() - 2] != 's' &&
         absl::ascii_islower(static_cast<unsigned char>(name[name.size() - 2]));
}

bool SpeakerResolver::PeopleNounAsName(const ResolvedEntity& e) const {
  const absl::string_view name = e.canonical;
  if (!PluralNoun(name) || name.find(' ') != absl::string_view::npos ||
      name.size() > kMaxWordOf) {
    return false;
  }
  // A listed noun of people ("parents": nominals.tsv type people), or the
  // plural of a noun of a person ("prisoners" of "prisoner"). (A surname
  // in -s is no such word: "Davis", "Reynolds".)
  if (IsPeopleNoun(*lex_, name)) return true;
  return NominalOf(name.substr(0, name.size() - 1)) == v1::ENTITY_TYPE_PERSON;
}

bool SpeakerResolver::InsideQuote(uint32_t position) const {
  if (layout_ == nullptr) return false;
  const std::vector<Quote>& quotes = layout_->quotes;
  // The last quotation that opens before `position` (they never overlap).
  auto q = std::upper_bound(
      quotes.begin(), quotes.end(), position,
      [](uint32_t pos, const Quote& x) { return pos < x.open; });
  return q != quotes.begin() && (q - 1)->begin <= position &&
         position < (q - 1)->end;
}

// "Money traders said C. The rate was 4 pct, they said": the news names a
// group by a plural noun the resolver keeps no mention of, and "they" goes
// on about it. Only a clause's subject: its noun phrase opens the sentence
// or follows a comma, a conjunction or a subordinator, and a verb follows it
// (a lower-case word that is no function word but an auxiliary, a copula or
// an adverb): not the object of a verb or a preposition ("hurt voters.",
// "opposition by supporters"), which "they" seldom means.
Range SpeakerResolver::PluralSubjectBefore(uint32_t position) const {
  const Range none;
  if (layout_ == nullptr || layout_->hard_wrapped ||
      layout_->sentences.empty() || position > text_.size()) {
    return none;
  }
  const auto& sents = layout_->sentences;
  auto s = std::upper_bound(
      sents.begin(), sents.end(), position,
      [](uint32_t pos, const Sentence& x) { return pos < x.begin; });
  if (s == sents.begin()) return none;
  const uint32_t own = (s - 1)->begin;
  uint32_t from = s - 1 == sents.begin() ? own : (s - 2)->begin;
  // (A bounded stretch: a text of one endless sentence stays linear.)
  if (position - from > kMaxWindowBytes) from = position - kMaxWindowBytes;
  const absl::string_view t = text_;
  auto alpha = [&](size_t k) {
    return absl::ascii_isalpha(static_cast<unsigned char>(t[k]));
  };
  auto class_of = [&](absl::string_view w) {
    const WordInfo* info = WordOf(w);
    return info != nullptr ? info->word_class : WordClass::kNone;
  };
  Range best;
  size_t i = from;
  while (i < position) {
    if (!alpha(i) ||
        (i > from && (alpha(i - 1) || t[i - 1] == '\'' || t[i - 1] == '.'))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < position && alpha(j)) ++j;
    const absl::string_view head = t.substr(i, j - i);
    const size_t head_begin = i;
    i = j;
    if (head.size() < 4 || (NominalOf(head) != v1::ENTITY_TYPE_GROUP &&
                            !IsPeopleNoun(*lex_, head))) {
      continue;
    }
    // Another such noun after the subject, not one itself, may be the one
    // "they" means ("... which hits liberals where they live"): none then,
    // unless a subject follows it.
    const bool quoted = InsideQuote(static_cast<uint32_t>(head_begin));
    if (!quoted) best = none;
    // A verb after it.
    if (j + 2 >= position || t[j] != ' ' ||
        !absl::ascii_islower(static_cast<unsigned char>(t[j + 1]))) {
      continue;
    }
    size_t k = j + 1;
    while (k < t.size() && alpha(k)) ++k;
    const absl::string_view verb = t.substr(j + 1, k - j - 1);
    const WordClass after = class_of(verb);
    if ((after != WordClass::kNone && after != WordClass::kAux &&
         after != WordClass::kCop && after != WordClass::kAdv &&
         after != WordClass::kModal) ||
        lex_->Pronoun(Lowered(verb).view()) != nullptr ||
        NominalOf(verb) != v1::ENTITY_TYPE_UNSPECIFIED) {
      continue;
    }
    if (quoted) continue;
    // The words before it: up to three modifiers ("gay rights supporters",
    // "U.S. officials") and a determiner, back to where a clause opens.
    const uint32_t sentence = head_begin >= own ? own : from;
    size_t begin = head_begin;
    bool subject = false;
    for (int words = 0; words <= 3; ++words) {
      if (begin <= sentence) {
        subject = true;
        break;
      }
      if (t[begin - 1] != ' ' || begin < 2) break;
      if (t[begin - 2] == ',') {
        subject = true;
        break;
      }
      size_t a = begin - 1;
      while (a > sentence && t[a - 1] != ' ' && t[a - 1] != '\n') --a;
      const absl::string_view w = t.substr(a, begin - 1 - a);
      if (w.empty()) break;
      if (absl::ascii_isupper(static_cast<unsigned char>(w[0]))) {
        const WordClass c = class_of(w);
        if (c == WordClass::kConj || c == WordClass::kSub) {
          subject = true;
          break;
        }
        // A capitalised determiner opens the sentence: "The judges".
        if (c != WordClass::kNone && c != WordClass::kMod &&
            c != WordClass::kDet && c != WordClass::kPronDet) {
          break;
        }
        if (words == 3) break;
        begin = a;
        continue;
      }
      bool letters = true;
      for (char c : w)
        letters &=
            absl::ascii_islower(static_cast<unsigned char>(c)) || c == '-';
      if (!letters) break;
      const WordClass c = class_of(w);
      // (Or a relative word: "firms in which some managers had". Not a
      // conjunction that joins noun phrases, function_words.tsv
      // phraseconj, unless a comma before it joins clauses: "killed 20
      // children and six educators" is an object, ", and analysts say" a
      // subject.)
      if (c == WordClass::kConj &&
          lex_->InListAnyCase(w, WordList::kPhraseConj) &&
          !(a >= 2 && t[a - 1] == ' ' && t[a - 2] == ',')) {
        break;
      }
      if (c == WordClass::kConj || c == WordClass::kSub ||
          c == WordClass::kRel) {
        subject = true;
        break;
      }
      if (c == WordClass::kDet || c == WordClass::kPronDet) {
        // A determiner opens the phrase: what stands before it must open
        // the clause.
        // (The next turn only tests where the phrase begins.)
        begin = a;
        words = 2;
        continue;
      }
      if ((c != WordClass::kNone && c != WordClass::kMod) || words == 3 ||
          lex_->Pronoun(w) != nullptr) {
        break;
      }
      begin = a;
    }
    if (subject)
      best = Range{static_cast<uint32_t>(begin), static_cast<uint32_t>(j)};
  }
  return best;
}

int SpeakerResolver::ResolvePronoun(const PronounInfo& p, uint32_t position,
                                    int depth) const {
  if (p.deictic) return -1;  // "I said": the narrator, not the last name
  // Antecedents are recent: look back over a bounded window of mentions,
  // so long documents stay linear.
  MentionList::Cursor back = mentions_.UpperBound(position);
  Mention m;
  if (p.relative) {
    // "Anna Keller, who chairs the board, said": the nearest mention before
    // it in the same sentence.
    auto sent = std::upper_bound(
        layout_->sentences.begin(), layout_->sentences.end(), position,
        [](uint32_t pos, const Sentence& x) { return pos < x.begin; });
    if (sent == layout_->sentences.begin()) return -1;
    const uint32_t sentence_begin = (sent - 1)->begin;
    for (ptrdiff_t k = 0; k < kWindow && back.Prev(&m); ++k) {
      if (m.position >= position) continue;
      return m.position >= sentence_begin ? m.entity : -1;
    }
    return -1;
  }
  // A person known only by a description ("the lad") gives way to a
  // person named a few mentions before: news names its people. In a book
  // only to the name right before it ("Tom Ruiz, an old sailor,"): a
  // description after somebody else's name brings in someone new ("Peter
  // sat by the fire. An old man came in. ... he said": the old man).
  // (LitBank dev speaker canonical 717 -> 719 of 1004.)
  const int kPreferName = layout_ != nullptr && layout_->hard_wrapped ? 1 : 6;
  int described = -1, since = 0;
  constexpr int kMaxSkipped = 4;
  int skipped[kMaxSkipped];
  int num_skipped = 0;
  int n_before = 0;  // mentions before the pronoun read for "it" or "they"
  // "they" goes back to a group or a body named in its own sentence or the
  // one before it. Further back, plural nouns the resolver keeps no
  // mention of ("advocates of the alliance", "people", "firms") stand
  // between, and the group named long before is seldom the one meant; so
  // is an unresolved "they" better than a wrong body. (News: in a book, a
  // "they" whose body is a place ("Geneva") is dropped as no claim, and
  // the walk stays as it was.)
  uint32_t plural_from = 0;
  constexpr int kMaxNamedTests = 3;
  int named_tests = 0;
  // So with "it": a body named further back is seldom the one meant ("It
  // states that courts ..." after "a Supreme Court case" two paragraphs on;
  // "It is designed to ..." about a thing the resolver keeps no mention of).
  if ((p.plural || p.gender == 'n') && layout_ != nullptr &&
      !layout_->hard_wrapped) {
    auto sent = std::upper_bound(
        layout_->sentences.begin(), layout_->sentences.end(), position,
        [](uint32_t pos, const Sentence& x) { return pos < x.begin; });
    if (sent - layout_->sentences.begin() >= 2) plural_from = (sent - 2)->begin;
  }
  for (ptrdiff_t k = 0; k < kWindow && back.Prev(&m); ++k) {
    if (m.position >= position) continue;
    const ResolvedEntity& e = entities_[m.entity];
    if (p.person || p.gender == 'm' || p.gender == 'f') {
      if (described >= 0 && ++since > kPreferName) return described;
      // (Not a name met only as the addressee of a cue, "told Reuters":
      // the one who told it is nearer in the telling.)
      // (Nor a name that reports as the press does, "Politico reports C".)
      if ((e.addressed_only && e.teller_known) || e.press ||
          (e.type != v1::ENTITY_TYPE_PERSON && !UnknownFullName(e)) ||
          ((p.gender == 'm' || p.gender == 'f') && PeopleNounAsName(e))) {
        continue;
      }
      if (e.gender != 0 && p.gender != 'x' && e.gender != p.gender) continue;
      if (e.described) {
        if (described < 0) described = m.entity;
        continue;
      }
      // "In front of Winterbourne he paused": a pronoun of this sex right
      // after the name is somebody else, the one this pronoun goes on about.
      // So is that name before it, here.
      if (std::find(skipped, skipped + num_skipped, m.entity) != skipped + num_skipped) {
        continue;
      }
      if ((p.gender == 'm' || p.gender == 'f') && PronounFollows(m.position, p.gender)) {
        if (num_skipped < kMaxSkipped) skipped[num_skipped++] = m.entity;
        continue;
      }
      // "He glanced round; save for Katharine, they were all over forty,
      // and Mr. Fortescue was ...": a sentence whose subject is the same
      // pronoun goes on about the one that pronoun is, not the person it
      // names after it.
      if ((p.gender == 'm' || p.gender == 'f') && depth < 3 && layout_ != nullptr) {
        const uint32_t begin = SentenceWithPronounSubject(p, m.position);
        if (begin != kNoSentence) {
          const int e = ResolvePronoun(p, begin, depth + 1);
          if (e >= 0) return e;
        }
      }
      return SubjectFirst(p, m, back, kWindow - k - 1);
    }
    if (p.plural) {
      // A body named in the singular ("the Supreme Court", "Congress") is
      // "they" only as the nearest mention ("Global Petroleum said C. They
      // said C2"); past another, "they" goes on about people the text
      // names by a plural noun no speaker holds ("judges", "farmers"), not
      // a body met before them.
      if (e.type == v1::ENTITY_TYPE_GROUP ||
          (n_before == 0 && (e.type == v1::ENTITY_TYPE_ORGANISATION ||
                             e.type == v1::ENTITY_TYPE_GOVERNMENT))) {
        if (m.position >= plural_from) return m.entity;
        // Named before the window, it may still be named again inside it
        // where the resolver kept no mention ("Republicans have been
        // blocking the nominees, but they signaled"). A few such bodies
        // are looked for in the window's text, which is two sentences
        // long: the work per pronoun stays bounded.
        if (named_tests++ >= kMaxNamedTests) return -1;
        if (NamedIn(e.canonical, plural_from, position)) return m.entity;
      }
      ++n_before;
      continue;
    }
    // (Not a group named by a plural noun, "Republican groups": that is
    // "they".)
    if (p.gender == 'n' && e.type != v1::ENTITY_TYPE_PERSON &&
        e.type != v1::ENTITY_TYPE_UNKNOWN &&
        !(e.type == v1::ENTITY_TYPE_GROUP && PluralNoun(e.canonical))) {
      if (m.position >= plural_from) return m.entity;
      // (Unless the window names it again where no mention was kept: "The
      // report also provided details ... It said"; a few bodies at most,
      // as for "they".)
      if (named_tests++ >= kMaxNamedTests) return -1;
      if (NamedIn(e.canonical,
                  std::max(plural_from, position > kMaxWindowBytes
                                            ? position - kMaxWindowBytes
                                            : 0),
                  position)) {
        return m.entity;
      }
      continue;
    }
    // "Winn-Dixie said C. It said C2": the last one named before "it", by
    // a capitalised word no list of first names knows and of no known type,
    // is a firm or a body (a person is "he" or "she"). Only the nearest
    // mention: past another, "it" may be anything.
    // (Nor one met only as the addressee of a cue: "He told Reuters C. It
    // also plans C2" is about his firm.)
    if (p.gender == 'n' && !(e.addressed_only && e.teller_known)) {
      if (n_before++ == 0 && e.type == v1::ENTITY_TYPE_UNKNOWN && !e.described &&
          e.canonical.find(' ') == std::string::npos && IsUpperStart(e.canonical) &&
          lex_->FirstNameGender(e.canonical) == 0 && !by_surname_.contains(e.canonical)) {
        return m.entity;
      }
    }
  }
  return described;
}

// "the French minister", "the ministry", "a French Defense Ministry
// statement": the head at toks[head] is a role or a nominal.
int SpeakerResolver::ResolveNominal(const std::vector<Token>& toks,
                                    const std::string& tags, size_t head,
                                    uint32_t position) {
  auto word = [&](size_t k) {
    return text_.substr(toks[k].begin, toks[k].end - toks[k].begin);
  };
  std::string head_lower = Lower(word(head));
  v1::EntityType type = lex_->Nominal(head_lower);
  // Capitalised modifiers before the head ("French", "Defense Ministry").
  size_t first = head;
  // (A document's issuer may have a lower-case preposition inside its name,
  // "House of Commons": Resolve() only makes a document the head after
  // such a name.)
  bool linked = false;
  while (first > 0 && (tags[first - 1] == 'N' || tags[first - 1] == 'R' ||
                       (type == v1::ENTITY_TYPE_DOCUMENT && first >= 2 && tags[first - 1] == 'r' &&
                        !toks[first - 1].cap && tags[first - 2] == 'N' &&
                        tags[first] == 'N'))) {
    linked |= tags[first - 1] == 'r';
    --first;
  }
  absl::InlinedVector<absl::string_view, 8> mods;
  for (size_t k = first; k < head; ++k) mods.push_back(word(k));
  size_t first_mod = first;  // where mods begin
  // (Not "a", "each": "A House panel said" is no earlier House entity.)
  bool definite = first > 0 && tags[first - 1] == 'd' &&
                  !lex_->InListAnyCase(word(first - 1), WordList::kDetOne);

  if (type == v1::ENTITY_TYPE_DOCUMENT) {
    // "The Washington Post", "the Iowa Poll", "the Drudge Report": after
    // "the" and capitalised words, a document noun capitalised too is the
    // last word of a publication's name, which speaks as a whole (not an
    // issuer "Washington"). "The Post" alone is the one so named before or
    // after it ("The Washington Post ... the Post"). (Not "a Washington Post
    // report": there the document is the head.)
    if (toks[head].cap && definite && !linked && first > 0 &&
        lex_->InListAnyCase(word(first - 1), WordList::kArticle)) {
      bool capitalised = true;
      for (size_t k = first; k < head && capitalised; ++k) capitalised = toks[k].cap;
      if (capitalised && !mods.empty()) {
        std::string name(text_.substr(toks[first].begin, toks[head].end - toks[first].begin));
        OnOneLine(&name);
        // (The publication issues the documents after it, as an issuer
        // named in it would: "The report said" next.)
        // (A publication's noun is no kind of its documents.)
        NoteDocument(FindOrAdd(name, v1::ENTITY_TYPE_ORGANISATION), head_lower, 0);
        return last_document_issuer_;
      }
      if (mods.empty()) {
        const std::string tail = absl::StrCat(" ", Lower(word(head)));
        auto named = [&](const ResolvedEntity& e) {
          return e.type == v1::ENTITY_TYPE_ORGANISATION &&
                 absl::EndsWith(Lowered(e.canonical).view(), tail);
        };
        int publication = LatestBefore(position, named);
        if (publication < 0) publication = FirstAfter(position, named);
        if (publication >= 0) {
          NoteDocument(publication, head_lower, 0);
          return publication;
        }
      }
    }
    // A month dates the document and a lower-case word describes it:
    // neither names its issuer ("the June survey", "a November Gallup
    // poll", "official figures"; function_words.tsv month). (A day may:
    // "the Sunday Telegraph report".)
    {
      auto dates = [&](size_t k) {
        if (!toks[k].cap) return true;
        const WordInfo* info = WordOf(word(k));
        return info != nullptr && info->word_class == WordClass::kMonth;
      };
      size_t from = first, to = head;
      while (from < to && tags[from] != 'r' && dates(from)) ++from;
      while (to > from && tags[to - 1] != 'r' && dates(to - 1)) --to;
      // (A day alone dates it too: "a Wednesday letter".)
      if (to == from + 1) {
        const WordInfo* info = WordOf(word(from));
        if (info != nullptr && info->word_class == WordClass::kWeekday) to = from;
      }
      if (from != first || to != head) {
        mods.clear();
        for (size_t k = from; k < to; ++k) mods.push_back(word(k));
        first_mod = from;
      }
    }
    // A statement speaks for its issuer. Not a lone modifier capitalised
    // because it opens the mention ("New polls released Sunday"), nor a
    // lone word that opens the sentence and that the text never writes as
    // a name elsewhere: an adjective or a noun capitalised for its place
    // ("Anecdotal reports", "Exit polls"). Such documents, with no article,
    // are new ones, not the last issuer's either: the document itself
    // speaks, as written.
    // The noun in the singular, and its kinds of document (nominals.tsv),
    // as the last document is remembered.
    absl::string_view same = head_lower;
    if (same.size() > 3 && same.back() == 's' && same[same.size() - 2] != 's') {
      same.remove_suffix(1);
    }
    const WordInfo* head_info = lex_->Word(head_lower);
    const uint16_t kinds = head_info != nullptr ? head_info->document_kinds : 0;
    // Nor, wherever it stands, a lone word that describes the holder of a
    // title (function_words.tsv mod: "Republican", "Democratic", "former"):
    // "an August Democratic poll" is a party's pollster's, no issuer
    // "Democratic".
    if (mods.size() == 1) {
      const WordInfo* info = WordOf(mods[0]);
      if ((info != nullptr && info->word_class == WordClass::kMod) ||
          (first_mod == 0 && OpensSentence(toks[0].begin) &&
           !WrittenAsName(mods[0], toks[0].begin))) {
        // (A bare noun after it means it: "The figures also showed".)
        NoteDocument(-1, same, kinds);
        return -1;
      }
    }
    int issuer = -1;
    if (mods.size() == 1 && !by_name_.contains(Lowered(mods[0]).view())) {
      std::string adj = Lower(mods[0]);
      auto issues = [&](const ResolvedEntity& e) {
        return (e.type == v1::ENTITY_TYPE_GOVERNMENT ||
                e.type == v1::ENTITY_TYPE_ORGANISATION) &&
               absl::StrContains(Lowered(e.canonical).view(), adj);
      };
      // The latest issuer named before this mention (not the document's
      // last: in a long text those may be far after it); else the first
      // named after it, as a headline or an opening "according to a
      // Congressional report" names it in full only in the next sentence.
      issuer = LatestBefore(position, issues);
      if (issuer < 0) issuer = FirstAfter(position, issues);
    }
    if (issuer < 0 && !mods.empty()) {
      std::string name(mods.front().data(),
                       mods.back().data() + mods.back().size() - mods.front().data());
      v1::EntityType t = v1::ENTITY_TYPE_ORGANISATION;
      for (absl::string_view m : mods) {
        if (NominalOf(m) == v1::ENTITY_TYPE_GOVERNMENT) {
          t = v1::ENTITY_TYPE_GOVERNMENT;
        }
      }
      // (No person's name has a preposition inside.)
      int person = linked ? -1 : PersonFromWords(mods, position, false);
      issuer = person >= 0 ? person : FindOrAdd(name, t);
    }
    // A bare document noun ("the statement") is the last document's when
    // it names the same thing (`same`, above), as a definite noun points
    // back to its own noun; another one ("the video", "the transcripts")
    // speaks itself. So does a noun of the same kind (`kinds`: "a Pew
    // Research Center survey ... the findings", "a GFOA analysis ... the
    // report"), not one of another ("the video" after "a FEC filing").
    // Only "the" and the noun alone, though: "a survey", "recent figures",
    // "the state's statistics", "the analysis of census data" are other
    // documents.
    const bool bare = mods.empty() && definite &&
                      lex_->InListAnyCase(word(first - 1), WordList::kArticle) &&
                      (head + 1 >= toks.size() || tags[head + 1] != 'r');
    // (Two nouns of a poll, function_words.tsv class poll, name one however
    // written: "a Pew Research Center survey ... In the poll".)
    auto poll = [&](absl::string_view w) {
      const WordInfo* p = w.empty() ? nullptr : lex_->Word(w);
      return p != nullptr && p->word_class == WordClass::kPollNoun;
    };
    // "A study", "another survey" are new documents, not the last one: one
    // with no issuer named speaks as written, and so does a bare noun after
    // it ("... The study found"), which names it, not an older issuer. (One
    // with a phrase after it, "a release from Gallup", "a study by X",
    // names its issuer there: it speaks as written and leaves the last
    // document be.)
    // (The determiner may stand before numbers and adjectives: "A 2014
    // study", "a new report".)
    size_t det = first;
    while (det > 0 && (tags[det - 1] == '0' || tags[det - 1] == 'j' || tags[det - 1] == 'o' ||
                       tags[det - 1] == 'n' || toks[det - 1].time)) {
      --det;
    }
    const bool det_one = det > 0 && lex_->InListAnyCase(word(det - 1), WordList::kDetOne);
    // "A 2014 study by the Urban Institute", "the report by the Center for
    // American Progress": the agent (function_words.tsv agent) names the
    // issuer of this document, which the bare noun after it ("The study
    // said") means, not an older one's. A new document ("a study by X")
    // speaks as written; "the report by X" speaks for X.
    if (issuer < 0 && head + 2 < toks.size() && tags[head + 1] == 'r') {
      const WordInfo* by = WordOf(word(head + 1));
      size_t from = head + 2;
      if (from < toks.size() && tags[from] == 'd') ++from;
      // (A name may have lower-case links inside, function_words.tsv
      // name_link: "the Center for American Progress".)
      // A person's name ends before a link: "Jeffrey Fagan of Columbia
      // University".
      size_t to = from;
      size_t unlinked = 0;  // where the words before the first link end
      while (to < toks.size() && (tags[to] == 'N' || (tags[to] == 'R' && toks[to].cap))) {
        ++to;
        if (to + 1 < toks.size() && tags[to] == 'r' && !toks[to].cap && tags[to + 1] == 'N' &&
            lex_->InListAnyCase(word(to), WordList::kNameLink)) {
          if (unlinked == 0) unlinked = to;
          ++to;
        }
      }
      if (unlinked == 0) unlinked = to;
      // The name ends the phrase, or a comma, a parenthesis, a preposition,
      // a conjunction (the first of two issuers) or a relative word follows:
      // not the first words of a longer one ("by Northeastern University
      // criminology professor James Alan Fox", "by US researchers", "by the
      // A.F.L.-C.I.O.").
      const bool whole = to >= toks.size() || tags[to] == ',' || tags[to] == '(' ||
                         tags[to] == 'r' || tags[to] == 'w' || tags[to] == 'x';
      if (by != nullptr && by->word_class == WordClass::kAgent && to > from && whole) {
        absl::InlinedVector<absl::string_view, 8> words;
        for (size_t k = from; k < unlinked; ++k) words.push_back(word(k));
        int agent = PersonFromWords(words, position, false);
        if (agent < 0) {
          words.clear();
          for (size_t k = from; k < to; ++k) words.push_back(word(k));
          std::string name(text_.substr(toks[from].begin, toks[to - 1].end - toks[from].begin));
          OnOneLine(&name);
          v1::EntityType t = v1::ENTITY_TYPE_ORGANISATION;
          for (absl::string_view w : words) {
            if (NominalOf(w) == v1::ENTITY_TYPE_GOVERNMENT) t = v1::ENTITY_TYPE_GOVERNMENT;
          }
          agent = FindOrAdd(StripPossessive(name), t);
        }
        NoteDocument(agent, same, kinds);
        return det_one ? -1 : agent;
      }
    }
    if (issuer < 0 && det_one) {
      // (Its issuer after "by", though not read as a name, is no older one.)
      if (head + 1 < toks.size() && tags[head + 1] == 'r') {
        const WordInfo* by = WordOf(word(head + 1));
        if (by == nullptr || by->word_class != WordClass::kAgent) return -1;
      }
      NoteDocument(-1, same, kinds);
      return -1;
    }
    // "Robert Mueller's report", "the group's report": a possessive names
    // the issuer, no older one; the mention speaks as written, and a bare
    // noun after it is a named possessor's ("CAP's data ... the report").
    // (Not one of time, "this week's poll", "Tuesday's survey".)
    const size_t owned = issuer < 0 && first > det ? det : first;
    if (issuer < 0 && owned > 1 && tags[owned - 1] == 'g' && !toks[owned - 2].time) {
      const WordInfo* owner = WordOf(word(owned - 2));
      const WordClass c = owner != nullptr ? owner->word_class : WordClass::kNone;
      if (c != WordClass::kTimeNoun && c != WordClass::kWeekday && c != WordClass::kMonth) {
        size_t b = owned - 1;
        while (b > 0 && (tags[b - 1] == 'N' || (tags[b - 1] == 'R' && toks[b - 1].cap))) --b;
        if (b < owned - 1) {
          absl::InlinedVector<absl::string_view, 8> words;
          for (size_t k = b; k < owned - 1; ++k) words.push_back(word(k));
          int possessor = PersonFromWords(words, position, false);
          if (possessor < 0) {
            const absl::string_view name = StripPossessive(
                text_.substr(toks[b].begin, toks[owned - 2].end - toks[b].begin));
            auto known = by_name_.find(Lowered(name).view());
            if (known != by_name_.end()) {
              possessor = known->second;
            } else {
              // (A name an organisation's noun ends: "the Harbour
              // Authority's report".)
              const v1::EntityType t = NominalOf(words.back());
              if ((t == v1::ENTITY_TYPE_ORGANISATION || t == v1::ENTITY_TYPE_GOVERNMENT) &&
                  name.find('\n') == absl::string_view::npos) {
                possessor = FindOrAdd(name, t);
              }
            }
          }
          if (possessor >= 0) {
            NoteDocument(possessor, same, kinds);
          }
        }
        return -1;
      }
    }
    // "reports", "multiple reports", "media reports": a plural with no
    // determiner is any number of documents, not the last one.
    if (issuer < 0 && same.size() != head_lower.size() &&
        !(det > 0 && (tags[det - 1] == 'd' || tags[det - 1] == 'p' || tags[det - 1] == 'g'))) {
      return -1;
    }
    if (issuer < 0 && (same == last_document_head_ ||
                       (poll(head_lower) && poll(last_document_head_)) ||
                       (bare && (kinds & last_document_kinds_) != 0))) {
      issuer = last_document_issuer_;
    }
    if (issuer >= 0) NoteDocument(issuer, same, kinds);
    return issuer;
  }

  if (tags[head] == 'R' || type == v1::ENTITY_TYPE_PERSON) {
    // A role: the latest person holding it. Not one a title of lower rank
    // (titles.tsv rank) opens that the mention leaves out: "the prime
    // minister" is no "Deputy Prime Minister", "the president" no "Vice
    // President".
    auto ranked_below = [&](absl::string_view r) {
      const size_t at = r.find(head_lower);
      for (absl::string_view w : absl::StrSplit(r.substr(0, at), ' ', absl::SkipEmpty())) {
        const WordInfo* info = lex_->Word(w);
        if (info == nullptr || !info->lower_rank) continue;
        // (Written anywhere before the head: "the Wisconsin deputy
        // insurance commissioner", "the ex-vice president".)
        bool named = false;
        for (size_t k = 0; k < head && !named; ++k) {
          const absl::string_view x = word(k);
          named = absl::EqualsIgnoreCase(x, w) ||
                  (x.size() > w.size() && x[x.size() - w.size() - 1] == '-' &&
                   absl::EqualsIgnoreCase(x.substr(x.size() - w.size()), w));
        }
        if (!named) return true;
      }
      return false;
    };
    auto holds = [&](const ResolvedEntity& e) {
      if (e.type != v1::ENTITY_TYPE_PERSON) return false;
      for (const std::string& role : e.roles) {
        const Lowered r(role);
        if (!absl::StrContains(r.view(), head_lower)) continue;
        bool all = true;
        for (absl::string_view mod : mods) {
          all &= absl::StrContains(r.view(), Lowered(mod).view());
        }
        if (all && !ranked_below(r.view())) return true;
      }
      return false;
    };
    const int latest = LatestBefore(position, holds);
    if (latest >= 0 || (layout_ != nullptr && layout_->hard_wrapped)) return latest;
    // "The president told reporters C" in a story that writes "President
    // Tom Ruiz" only further down: in the news, the one person the article
    // names with that title anywhere. Two holders ("President Ruiz", later
    // "President Hale") leave it unresolved: which one it means is
    // anybody's guess. Only "the" and a title word alone, as a reader
    // takes it: not one a modifier or a possessive narrows ("the 45th
    // president", "Mexico's president"), nor one a phrase goes on with
    // ("the president of the union"), nor one in capitals (a headline's
    // label, "THE JUDGE:"). The title ends the holder's role: "the
    // attorney" is no "Attorney General".
    bool caps = true;
    for (char c : word(head)) caps &= !absl::ascii_islower(static_cast<unsigned char>(c));
    if (tags[head] != 'R' || caps || first != head || !definite ||
        !lex_->InListAnyCase(word(head - 1), WordList::kArticle) ||
        (head + 1 < toks.size() && tags[head + 1] == 'r')) {
      return -1;
    }
    int only = -1;
    for (size_t k = 0; k < num_entities_; ++k) {
      const ResolvedEntity& e = entities_[k];
      if (!holds(e)) continue;
      // (Nor one a lower-case word before the title sets in the past or
      // elsewhere: "former President Hale".)
      bool ends = false;
      for (const std::string& role : e.roles) {
        const Lowered r(role);
        bool lower = false;
        for (absl::string_view w : absl::StrSplit(role, ' ', absl::SkipEmpty())) {
          lower |= absl::ascii_islower(static_cast<unsigned char>(w[0]));
        }
        ends |= !lower && absl::EndsWith(r.view(), head_lower) &&
                (r.view().size() == head_lower.size() ||
                 r.view()[r.view().size() - head_lower.size() - 1] == ' ');
      }
      if (!ends) continue;
      const int person = e.same_as >= 0 ? e.same_as : static_cast<int>(k);
      if (only >= 0 && only != person) return -1;
      only = person;
    }
    if (only < 0) return -1;
    // And only one the story has brought in before, by the surname at
    // least ("Ruiz Takes the Bait" in a headline, "Ruiz's advisers"; "The
    // president said C"): a holder named first further down is likely
    // another one ("when President Hale took office" in a story's
    // history).
    // (Where the surname is first written as a word is kept per holder: a
    // story that says "the president" often reads the text once, not once a
    // mention.)
    auto found = surname_at_.find(only);
    if (found == surname_at_.end()) {
      const std::string& full = entities_[only].canonical;
      const absl::string_view surname = absl::string_view(full).substr(
          full.rfind(' ') == std::string::npos ? 0 : full.rfind(' ') + 1);
      const absl::string_view t = text_;
      size_t first = absl::string_view::npos;
      for (size_t at = t.find(surname); !surname.empty() && at != absl::string_view::npos;
           at = t.find(surname, at + 1)) {
        const size_t end = at + surname.size();
        if ((at == 0 || !absl::ascii_isalpha(static_cast<unsigned char>(t[at - 1]))) &&
            (end == t.size() || !absl::ascii_isalpha(static_cast<unsigned char>(t[end])))) {
          first = at;
          break;
        }
      }
      found = surname_at_.emplace(only, first).first;
    }
    // (Before the mention, and ending by it, as a search of the text
    // before it would find.)
    const size_t at = found->second;
    const size_t length = entities_[only].canonical.size() -
                          (entities_[only].canonical.rfind(' ') == std::string::npos
                               ? 0
                               : entities_[only].canonical.rfind(' ') + 1);
    return at != absl::string_view::npos && at + length <= position ? only : -1;
  }

  // "the center" after "the Center for Responsive Politics": a noun that
  // heads an organisation's name only with a link (org_before_link) refers
  // back to an organisation alone, never to "the World Trade Center".
  const bool org_only =
      type == v1::ENTITY_TYPE_UNSPECIFIED && lex_->InList(head_lower, WordList::kOrgBeforeLink);
  if (definite && mods.empty() && (type != v1::ENTITY_TYPE_UNSPECIFIED || org_only)) {
    // "the ministry": the latest entity whose name has that word.
    const int named = LatestBefore(position, [&](const ResolvedEntity& e) {
      return !(org_only && e.type != v1::ENTITY_TYPE_ORGANISATION) &&
             absl::StrContains(Lowered(e.canonical).view(), head_lower);
    });
    if (named >= 0 || !lex_->InList(head_lower, WordList::kCorpSuffix)) return named;
    // "Comdata Network Inc said C. The company said C": a noun that ends a
    // company's legal name (function_words.tsv list corp_suffix) that no
    // name holds is the latest organisation named before it if that one is
    // a company, its name ending in such a word. (Not "the agency" after a
    // company its rating agency rated.)
    const int latest = LatestBefore(position, [&](const ResolvedEntity& e) {
      return e.type == v1::ENTITY_TYPE_ORGANISATION;
    });
    if (latest < 0) return -1;
    const std::string& name = entities_[latest].canonical;
    const size_t space = name.rfind(' ');
    if (space == std::string::npos ||
        !lex_->InListAnyCase(absl::string_view(name).substr(space + 1), WordList::kCorpSuffix)) {
      return -1;
    }
    return latest;
  }
  return -1;
}

int SpeakerResolver::OwnedNominal(const std::vector<Token>& toks,
                                  const std::string& tags, size_t first,
                                  size_t head, uint32_t position) {
  const v1::EntityType type = NominalOf(text_.substr(
      toks[head].begin, toks[head].end - toks[head].begin));
  // In the news a person's noun after a possessive pronoun is that one's
  // too ("her spokesman": "Maria Lopez's spokesman", as "her campaign" is),
  // a description, not a name.
  const bool person = type == v1::ENTITY_TYPE_PERSON && first == head && first > 0 &&
                      tags[first - 1] == 'p' && layout_ != nullptr && !layout_->hard_wrapped;
  if (type != v1::ENTITY_TYPE_ORGANISATION && type != v1::ENTITY_TYPE_GOVERNMENT &&
      type != v1::ENTITY_TYPE_GROUP && !person) {
    return -1;
  }
  auto word = [&](size_t k) {
    return text_.substr(toks[k].begin, toks[k].end - toks[k].begin);
  };
  // "Boeing Co" is the company, not Boeing's "Co" (the words before a
  // corporate suffix find the company by name: AliasBeforeSuffix()).
  // (After a possessive pronoun it is a noun: "his insurance company".)
  if (lex_->InListAnyCase(word(head), WordList::kCorpSuffix) &&
      !(first > 0 && tags[first - 1] == 'p')) {
    return -1;
  }
  int owner = -1;
  size_t rest = first;  // where the owned words begin
  if (first > 0 && tags[first - 1] == 'p') {
    // "her campaign": the one the possessive points back to.
    // (Not "their": whose families "their families" are is anyone's guess.)
    const PronounInfo* p = lex_->Possessive(Lowered(word(first - 1)).view());
    if (p != nullptr && !p->deictic && !p->plural) owner = ResolvePronoun(*p, position);
  } else {
    // "Lopez's campaign", "the Lopez campaign": a name already known.
    size_t end = first;
    while (end < head && tags[end] == 'N') ++end;
    if (end > first && (tags[end] == 'g' || end == head)) {
      // As a name alone would resolve ("Hillary Clinton" is not "Bill
      // Clinton"), but bringing in nobody new.
      absl::InlinedVector<absl::string_view, 8> name;
      for (size_t k = first; k < end; ++k) name.push_back(word(k));
      owner = PersonFromWords(name, position, /*allow_unknown=*/false);
      // A lone surname, as Resolve() reads one: the person before a company
      // named after the family ("Clinton insiders" with a "Clinton Inc."
      // somewhere).
      if (owner < 0 && end == first + 1) owner = PersonNamed(StripPossessive(word(first)));
      if (owner < 0) {
        auto known = by_name_.find(Lowered(text_.substr(
            toks[first].begin, toks[end - 1].end - toks[first].begin)).view());
        // (Not a company's name before a capitalised noun, "the Chase
        // Manhattan Bank" after "Chase Manhattan Corp": one name.)
        if (known != by_name_.end() &&
            !(toks[head].cap && tags[end] != 'g' &&
              entities_[known->second].canonical.size() !=
                  toks[end - 1].end - toks[first].begin)) {
          owner = known->second;
        }
      }
      rest = tags[end] == 'g' ? end + 1 : end;
    }
  }
  // Not "the office's campaign": owners are named, not owned.
  if (owner < 0 || rest > head || !entities_[owner].affiliation.empty()) return -1;
  // Words only: not 'his "people"'.
  for (size_t k = rest; k <= head; ++k) {
    if (!absl::ascii_isalpha(tags[k]) || tags[k] == 'q' || tags[k] == 'Q') return -1;
  }
  const std::string owner_name = entities_[owner].canonical;
  std::string owned(text_.substr(toks[rest].begin, toks[head].end - toks[rest].begin));
  OnOneLine(&owned);
  const int e = FindOrAdd(absl::StrCat(owner_name, "'s ", owned), type);
  entities_[e].type = type;
  if (entities_[e].affiliation.empty()) entities_[e].affiliation = owner_name;
  if (person) {
    // (As any description of a person: a pronoun prefers a name.)
    if (entities_[e].aliases.empty()) entities_[e].described = true;
    if (entities_[e].gender == 0) entities_[e].gender = PersonGender(word(head));
  }
  return e;
}

// "A councillor who said C", "voters who believe C": a relative word no
// mention before it in its sentence answers for stands for the noun right
// before it (perhaps after a comma), a word of no class but nominal, which
// is resolved as a speaker of its own. (A determiner before the noun is an
// article of function_words.tsv.) The entity, or -1.
int SpeakerResolver::RelativeAntecedent(uint32_t at) {
  uint32_t e = at;
  while (e > 0 && text_[e - 1] == ' ') --e;
  if (e > 0 && text_[e - 1] == ',') --e;
  while (e > 0 && text_[e - 1] == ' ') --e;
  // "Ed Begley Jr., who": a name may end in an abbreviation's period
  // (abbreviations.tsv), "Jr.", "Inc.".
  uint32_t b = e;
  if (b > 0 && text_[b - 1] == '.') {
    uint32_t a = b - 1;
    while (a > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text_[a - 1]))) --a;
    if (a < b - 1 &&
        absl::ascii_isupper(static_cast<unsigned char>(text_[a])) &&
        lex_->IsAbbreviation(text_.substr(a, b - a))) {
      b = a;
    }
  }
  if (b == e) {
    while (b > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text_[b - 1]))) --b;
  }
  if (b == e || e - b < 3) return -1;
  const absl::string_view w = text_.substr(b, e - b);
  const WordInfo* info = WordOf(w);
  // "those who", "one who"; not the last word of a name of capitalised
  // words ("Judicial Watch, which": "watch" has a class of its own; but
  // "on Tuesday, which" is no one).
  if (info != nullptr && info->word_class != WordClass::kNone &&
      info->nominal == v1::ENTITY_TYPE_UNSPECIFIED) {
    uint32_t x = b;
    while (x > 0 && text_[x - 1] == ' ') --x;
    const bool in_name = absl::ascii_isupper(static_cast<unsigned char>(w[0])) && x < b &&
                         x > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text_[x - 1]));
    uint32_t y = x;
    while (y > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text_[y - 1]))) --y;
    if (!in_name || !absl::ascii_isupper(static_cast<unsigned char>(text_[y])) ||
        OpensSentence(y)) {
      return -1;
    }
  }
  // The word before: a run of capitalised words is one name ("North
  // Korea, which"); a determiner marks a noun ("a councillor who").
  auto word_before = [&](uint32_t at, uint32_t* begin) {
    uint32_t end = at;
    while (end > 0 && text_[end - 1] == ' ') --end;
    uint32_t x = end;
    while (x > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text_[x - 1]))) --x;
    *begin = x;
    return text_.substr(x, end - x);
  };
  const bool cap = absl::ascii_isupper(static_cast<unsigned char>(w[0]));
  if (cap) {
    uint32_t x;
    absl::string_view v = word_before(b, &x);
    while (!v.empty() && absl::ascii_isupper(static_cast<unsigned char>(v[0])) &&
           !(x == 0 || text_[x - 1] == '\n' || text_[x - 1] == '.')) {
      b = x;
      v = word_before(b, &x);
    }
  } else if (info == nullptr || info->nominal == v1::ENTITY_TYPE_UNSPECIFIED) {
    // Not a nominal: a plural noun ("zealots who") or a noun after a
    // determiner ("a councillor who"), not a verb ("decide who").
    uint32_t x;
    const absl::string_view v = word_before(b, &x);
    const bool plural = w.size() > 3 && absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss");
    const bool after_det = lex_->InListAnyCase(v, WordList::kArticle);
    if (!plural && !after_det) return -1;
  }
  return Resolve(Range{b, e}).entity;
}

bool SpeakerResolver::SurnameOfPair(absl::string_view word) const {
  return pair_surnames_.contains(word);
}

Resolution SpeakerResolver::Resolve(Range span) {
  Resolution res = ResolveSpan(span);
  // (Named as a speaker or otherwise: no longer only an addressee.)
  if (!no_lone_person_ && res.entity >= 0) entities_[res.entity].addressed_only = false;
  // (A surname-only person the text went on to name in full: that person.)
  while (res.entity >= 0 && entities_[res.entity].same_as >= 0) {
    res.entity = entities_[res.entity].same_as;
  }
  return res;
}

Resolution SpeakerResolver::ResolveAddressee(Range span, bool teller_known) {
  // (In a book a bare surname is a person's: "told Holmes".)
  no_lone_person_ = layout_ == nullptr || !layout_->hard_wrapped;
  const size_t known = num_entities_;
  const Resolution res = Resolve(span);
  no_lone_person_ = false;
  if (res.entity >= static_cast<int>(known) && res.kind == v1::MENTION_KIND_NAME &&
      entities_[res.entity].type == v1::ENTITY_TYPE_UNKNOWN) {
    entities_[res.entity].addressed_only = true;
    entities_[res.entity].teller_known = teller_known;
  }
  return res;
}

Resolution SpeakerResolver::ResolveSpan(Range span) {
  Resolution res;
  if (span.end <= span.begin || span.end > text_.size()) return res;
  const std::vector<Token>& toks = tokens_;
  const std::string& tags = tags_;
  // The span is tagged on its own, not read from the tags its sentence got
  // in Attributor::Find(): the tagger reads a word's neighbours and counts
  // over its whole range (a headline in title case, a word that opens the
  // range, a cue beside its subject), so a phrase tags differently inside
  // its sentence and alone ("The Washington Post" NNN in a headline, dNN
  // alone; a "Will" that opens a sentence N, alone v). On news.jsonl 0.8%
  // of the spans that lie on their sentence's token boundaries get other
  // tags, and the sentence's tags would change 1,241 claims. (The tagging
  // here is about 1% of all instructions: some 170 a word and 150 a call.)
  // (A span resolved again, the speaker of two claims, is tagged once.)
  if (span.begin != tagged_.begin || span.end != tagged_.end) {
    tagger_.Tag(text_, span, no_marks_, &tokens_, &tags_);
    tagged_ = span;
  }
  if (toks.empty()) return res;
  auto word = [&](size_t k) {
    return text_.substr(toks[k].begin, toks[k].end - toks[k].begin);
  };
  // WordOf(word(k)), from the entry the tagger looked the word up by when
  // it did (the word lower-cased byte for byte, as WordOf() looks it up).
  auto word_info = [&](size_t k) -> const WordInfo* {
    if (toks[k].end - toks[k].begin > kMaxWordOf) return nullptr;
    const WordInfo* info = toks[k].info;
    return info != &kWordNotLookedUp ? info : WordOf(word(k));
  };
  // NominalOf(word(k)) and PersonGender(word(k)) by word_info().
  auto nominal_of = [&](size_t k) {
    if (toks[k].end - toks[k].begin > kMaxWordOf) return NominalOf(word(k));
    const WordInfo* info = word_info(k);
    return info != nullptr ? info->nominal : v1::ENTITY_TYPE_UNSPECIFIED;
  };
  auto person_gender = [&](size_t k) -> char {
    const WordInfo* info = word_info(k);
    return info != nullptr ? info->person_gender : 0;
  };
  // An organisation's or a government's name with lower-case prepositions
  // inside (function_words.tsv list name_link): "the Department of
  // Veterans Affairs", "the Bank for International Settlements", "Russia's
  // Ministry of Foreign Affairs". Capitalised words after the determiners
  // that open the mention, the last a noun of an organisation or a
  // government (nominals.tsv); then after each link (and perhaps an
  // article) capitalised words, "and" inside allowed as in "the Securities
  // and Exchange Commission" (the word before it no such noun, nor an
  // acronym: "the Department of Health and Human Services"); up to the end
  // of the mention, a closing "'s", or a preposition that opens a tail
  // ("in Washington", "on Monday"). It is one name, resolved whole: not an
  // earlier entity that shares its noun ("the Defense Department"), nor the
  // noun alone. (Not a person of an organisation, "Giovanni Peri of the
  // University of California", nor a role, "the inspector general of the
  // Department of Energy": the noun is capitalised and comes first.)
  {
    size_t end = toks.size();
    while (end > 1 && toks[end - 1].time) --end;
    size_t m = 0;
    while (m < end && (tags[m] == 'd' || tags[m] == 'p')) ++m;
    size_t k = m;
    while (k < end && (tags[k] == 'N' || (tags[k] == 'g' && k > m && k + 1 < end &&
                                          tags[k + 1] == 'N'))) {
      ++k;
    }
    auto link = [&](size_t i) {
      return tags[i] == 'r' && !toks[i].cap &&
             lex_->InListAnyCase(word(i), WordList::kNameLink);
    };
    auto organisation = [&](size_t i) {
      const v1::EntityType t = nominal_of(i);
      return t == v1::ENTITY_TYPE_ORGANISATION || t == v1::ENTITY_TYPE_GOVERNMENT;
    };
    // The type of the name the noun heads: a noun that heads one only
    // with a link ("the Center for Responsive Politics"; org_before_link)
    // an organisation.
    auto name_type = [&](size_t i) {
      return lex_->InListAnyCase(word(i), WordList::kOrgBeforeLink)
                 ? v1::ENTITY_TYPE_ORGANISATION
                 : nominal_of(i);
    };
    // A title with a link inside and a person's name after it: "Secretary
    // of State Mike Pompeo", "the Minister of Foreign Affairs Wang Yi" are
    // the person (not the words as written, nor the latest holder of some
    // "secretary"). The name opens with a known given name after the
    // title's first word, or, when the text names the person by the last
    // word alone, is the last two words (the last one after a title of two
    // words, "Secretary of State Pompeo").
    {
      size_t t = m;
      while (t < end && (tags[t] == 'N' || tags[t] == 'R')) ++t;
      size_t from = t + 1;
      if (from < end && tags[from] == 'd') ++from;
      size_t e = from;
      while (e < end && tags[e] == 'N') ++e;
      if (t > m && tags[t - 1] == 'R' && toks[t - 1].cap && t + 1 < end && link(t) &&
          end == toks.size() && e == end && end - from >= 2) {
        size_t p = end;
        for (size_t i = from + 1; i + 1 < end; ++i) {
          if (lex_->FirstNameGender(word(i)) != 0) {
            p = i;
            break;
          }
        }
        if (p == end && by_surname_.contains(StripPossessive(word(end - 1)))) {
          p = end - from >= 3 ? end - 2 : end - 1;
        }
        // (The title is not made the person's role: a later "Secretary of
        // X" with a name not found here would be taken for this one.)
        if (p < end) return Resolve(Range{toks[p].begin, span.end});
      }
    }
    size_t name_end = 0;
    if (k > m && k + 1 < end && tags[k - 1] == 'N' && toks[k - 1].cap &&
        (organisation(k - 1) || lex_->InListAnyCase(word(k - 1), WordList::kOrgBeforeLink)) &&
        link(k)) {
      const size_t head = k - 1;
      int links = 0;
      while (k < end && link(k)) {
        size_t from = k + 1;
        if (from < end && tags[from] == 'd') ++from;
        size_t e = from;
        while (e < end && tags[e] == 'N') ++e;
        while (e > from && e + 1 < end && tags[e] == 'x' && tags[e + 1] == 'N' &&
               nominal_of(e - 1) == v1::ENTITY_TYPE_UNSPECIFIED &&
               !absl::ascii_isupper(static_cast<unsigned char>(word(e - 1).back()))) {
          ++e;
          while (e < end && tags[e] == 'N') ++e;
        }
        if (e == from) break;  // no name after it: it opens a tail
        k = e;
        name_end = k;
        ++links;
      }
      // A tail of capitalised words after another preposition to the end
      // of the mention is part of the name too, as below: "the University
      // of California at Berkeley", "the Embassy of the United States in
      // Cairo"; not a phrase of time: "on Monday".
      if (name_end > 0 && k + 1 < end && tags[k] == 'r' && !link(k)) {
        size_t e = k + 1;
        if (tags[e] == 'd') ++e;
        while (e < end && tags[e] == 'N') ++e;
        if (e == end && end == toks.size() && tags[end - 1] == 'N') name_end = end;
      }
      // A title and a name after the whole name are a person of it:
      // "Department of Energy Secretary Rick Perry", "the Department of
      // Energy official John Smith" are the person, as "Energy Secretary
      // Rick Perry" is (not the organisation, nor the words as written).
      if (name_end > 0 && k + 1 < end && end == toks.size() && tags[k] == 'R' &&
          tags[k + 1] == 'N') {
        size_t e = k + 1;
        while (e < end && tags[e] == 'N') ++e;
        if (e == end) return Resolve(Range{toks[k].begin, span.end});
      }
      if (name_end > 0 && !(k == end || tags[k] == 'r' || (tags[k] == 'g' && k + 1 == end))) {
        name_end = 0;
      }
      if (name_end > 0) {
        std::string name(
            text_.substr(toks[m].begin, toks[name_end - 1].end - toks[m].begin));
        OnOneLine(&name);
        // "the Department of Defense" after "the Defense Department": the
        // same one, the words after the one link before the noun.
        int entity = -1;
        if (head == m && links == 1 && name_end > head + 2) {
          size_t from = head + 2;
          if (tags[from] == 'd') ++from;
          if (from < name_end) {
            const std::string turned = absl::StrCat(
                text_.substr(toks[from].begin, toks[name_end - 1].end - toks[from].begin), " ",
                word(head));
            auto known = by_name_.find(Lowered(turned).view());
            if (known != by_name_.end()) entity = known->second;
          }
        }
        if (entity < 0) entity = FindOrAdd(name, name_type(head));
        Note(entity, span.begin);
        AddAlias(entity, text_.substr(span.begin, span.end - span.begin));
        res.kind = v1::MENTION_KIND_NOMINAL;
        res.entity = entity;
        return res;
      }
    }
  }
  // A coordination names its first conjunct: "Kyiv and its allies"; a
  // party tag is not part of a name: "Sen. Bill Hart (R-Texas)".
  // So does a list of names: "Keller, Lopez and Reyes". Not "and" inside
  // one name, a mention of capitalised words alone (after "the", say) that
  // a noun of an organisation or a government ends (nominals.tsv), with two
  // words or more after "and": "the Securities and Exchange Commission",
  // "the Food and Drug Administration". (The word before "and" is then no
  // such noun or name itself, nor an acronym: "the House and Senate",
  // "Spain and Portugal", "the IMF and World Bank" are two.)
  // A company's name that a corporate suffix ends may have a possessive
  // after "and": "Standard and Poor's Corp" is one.
  size_t n = toks.size();
  const size_t name_begin = tags[0] == 'd' ? 1 : 0;
  for (size_t k = 1; k < n; ++k) {
    if (tags[k] == 'x' && k > name_begin && k + 2 < n &&
        tags.find_first_not_of('N', name_begin) == k &&
        (tags.find_first_not_of('N', k + 1) >= n ||
         (tags.find_first_not_of("Ng", k + 1) >= n && tags[n - 1] == 'N' &&
          lex_->InListAnyCase(word(n - 1), WordList::kCorpSuffix))) &&
        nominal_of(k - 1) == v1::ENTITY_TYPE_UNSPECIFIED &&
        !absl::ascii_isupper(static_cast<unsigned char>(word(k - 1).back()))) {
      const v1::EntityType head = nominal_of(n - 1);
      if (head == v1::ENTITY_TYPE_ORGANISATION || head == v1::ENTITY_TYPE_GOVERNMENT) break;
    }
    // (Not "and" inside a department's name before a title: "Health and
    // Human Services Secretary Alex Azar" is Alex Azar.)
    if (tags[k] == 'x') {
      const size_t title = OfficeTitleAfterAnd(k);
      if (title > 0) return Resolve(Range{toks[title].begin, span.end});
    }
    if (tags[k] == 'x' || tags[k] == '(') { n = k; break; }
    if (tags[k] == ',' && tags[k - 1] == 'N') {
      // "Rep. Anna Keller, D-Ohio": a party's initial joined by a hyphen to
      // a state after the comma is the party tag, as in parentheses.
      if (k + 1 < n) {
        const absl::string_view tag = word(k + 1);
        if (tag.size() >= 3 && absl::ascii_isupper(static_cast<unsigned char>(tag[0])) &&
            tag[1] == '-' && absl::ascii_isupper(static_cast<unsigned char>(tag[2]))) {
          n = k;
          break;
        }
      }
      size_t m = k + 1;
      while (m < n && (tags[m] == 'N' || tags[m] == 'R' || tags[m] == ',')) ++m;
      if (m > k + 1 && m < n && tags[m] == 'x' && tags[m - 1] == 'N') { n = k; break; }
    }
  }
  // "Miss Varley herself", "the company itself": a reflexive pronoun
  // (pronouns.tsv) is no part of the name.
  if (n > 1) {
    const PronounForm* form = lex_->PronounFormOf(Lowered(word(n - 1)).view());
    if (form != nullptr && (form->kinds & PronounForm::kReflexive) != 0) --n;
  }
  // The head comes before any preposition: "representative to the UN",
  // and is no day: "a poll released Friday", "the announcement Monday".
  size_t pre = n;
  while (pre > 1 && toks[pre - 1].time) --pre;
  // Not a preposition inside the name of a document's issuer: "A House of
  // Commons report", "a Center for Immigration Studies study": capitalised
  // words joined by lower-case prepositions, right after the determiners
  // that open the mention, and a document noun right after them. (The
  // document is the head; ResolveNominal() takes the whole name.)
  size_t name_links_end = 0;
  {
    size_t m = 0;
    while (m < pre && (tags[m] == 'd' || tags[m] == 'p')) ++m;
    bool linked = false;
    while (m < pre && tags[m] == 'N') {
      while (m < pre && tags[m] == 'N') ++m;
      if (m + 1 < pre && tags[m] == 'r' && !toks[m].cap && tags[m + 1] == 'N') {
        linked = true;
        ++m;
      } else {
        break;
      }
    }
    // (The noun may be tagged as a cue: "report". Not a noun that modifies
    // another: "the Bank of Japan survey data". A plain word after it is
    // taken for a participle, "a Bank of Japan survey released Monday", as
    // below.)
    if (linked && m < pre && !toks[m].cap && nominal_of(m) == v1::ENTITY_TYPE_DOCUMENT &&
        !(m + 1 < pre && (tags[m + 1] == 'n' || tags[m + 1] == 'N' || tags[m + 1] == 'C'))) {
      name_links_end = m;
    }
  }
  for (size_t k = 1; k < pre; ++k) {
    if (tags[k] == 'r' && k >= name_links_end) { pre = k; break; }
  }
  size_t head = pre;
  while (head > 0 && (tags[head - 1] == ',' || tags[head - 1] == 'g' ||
                      tags[head - 1] == '-')) {
    --head;
  }
  if (head == 0) return res;
  --head;
  // "a poll released Sunday", "a Courier poll last month": after a document
  // noun, a participle or a phrase of time (plain lower-case words,
  // determiners, numbers) modifies it; the document heads the phrase.
  for (size_t k = head + 1; k > 0; --k) {
    const char tag = tags[k - 1];
    if (nominal_of(k - 1) == v1::ENTITY_TYPE_DOCUMENT && (tag == 'n' || tag == 'N')) {
      head = k - 1;
      break;
    }
    if (tag != 'o' && tag != 'i' && tag != 'd' && tag != 'j' && tag != '0' && tag != 'l' &&
        !toks[k - 1].time) {
      break;
    }
  }
  const uint32_t pos = span.begin;
  absl::string_view as_written = text_.substr(span.begin, span.end - span.begin);

  int entity = -1;
  // "said I." at the end of a sentence: the pronoun, not an initial.
  const PronounInfo* before_period =
      n == 1 && word(0).size() <= 4 && absl::EndsWith(word(0), ".")
          ? lex_->Pronoun(Lowered(word(0).substr(0, word(0).size() - 1)).view())
          : nullptr;
  // "her" alone: the possessor of a noun cue ("her denial of C"), the one
  // the possessive points back to.
  if (n == 1 && (tags[0] == 'P' || tags[0] == 'w' || tags[0] == 't' ||
                 tags[0] == 'p' || before_period != nullptr)) {
    res.kind = v1::MENTION_KIND_PRONOUN;
    const PronounInfo* p = before_period != nullptr ? before_period
                           : tags[0] == 'p'         ? lex_->Possessive(Lowered(word(0)).view())
                                                    : lex_->Pronoun(Lowered(word(0)).view());
    if (p != nullptr) entity = ResolvePronoun(*p, pos);
    const absl::string_view pronoun = word(0);
    const char tag = tags[0];
    bool from_noun = false;
    if (entity < 0 && p != nullptr && p->plural && !p->deictic) {
      // (Resolve() tags the phrase in the scratch that toks and tags are:
      // neither is read after it.)
      const Range group = PluralSubjectBefore(pos);
      if (group.end > group.begin) {
        // (A noun of people, nominals.tsv type people, is no nominal head:
        // the phrase resolves as a name no lexicon types, "Money traders",
        // which is the group.)
        // (Quietly: the phrase is no mention the resolver met, only the
        // pronoun is.)
        const bool quiet = quiet_;
        quiet_ = true;
        const Resolution named = Resolve(group);
        quiet_ = quiet;
        if (named.entity >= 0 &&
            (entities_[named.entity].type == v1::ENTITY_TYPE_GROUP ||
             entities_[named.entity].type == v1::ENTITY_TYPE_UNKNOWN)) {
          entity = named.entity;
          entities_[entity].type = v1::ENTITY_TYPE_GROUP;
          from_noun = true;
        }
      }
    }
    // (The relative "that" of "a sign that read \"Q\"" too.)
    if (entity < 0 && (tag == 'w' || tag == 't'))
      entity = RelativeAntecedent(span.begin);
    if (entity >= 0) {
      AddAlias(entity, pronoun);
      if (p != nullptr && (p->gender == 'm' || p->gender == 'f') &&
          entities_[entity].gender == 0) {
        entities_[entity].gender = p->gender;
      }
    }
    res.entity = entity;
    // (A "they" read from a plural noun in the text is no mention that
    // others go back to: they find that noun again, or nothing. A quoted
    // headline after "the Democrats are acting as though they want to
    // lose" is not theirs.)
    if (!from_noun) Note(entity, pos);
    return res;
  }

  // Strip a leading determiner for the canonical form.
  size_t first = 0;
  while (first < head && (tags[first] == 'd' || tags[first] == 'p')) ++first;
  bool head_is_name = tags[head] == 'N' ||
                      (tags[head] == 'R' && toks[head].cap && head > first &&
                       tags[head - 1] == 'N');
  v1::EntityType head_type = nominal_of(head);
  bool lower_head = !toks[head].cap;

  if (!lower_head && head_type == v1::ENTITY_TYPE_UNSPECIFIED &&
      (head_is_name || tags[head] == 'N')) {
    // A name: the run of capitalised words that ends at the head.
    size_t run = head;
    while (run > first && (tags[run - 1] == 'N' || tags[run - 1] == 'R' ||
                           tags[run - 1] == '-')) {
      --run;
    }
    absl::InlinedVector<absl::string_view, 8> words;
    for (size_t k = run; k <= head; ++k) {
      if (tags[k] != '-') words.push_back(word(k));
    }
    res.kind = v1::MENTION_KIND_NAME;
    entity = PersonFromWords(words, pos, /*allow_unknown=*/false);
    // "Moody's said C", "Standard and Poor's says C": a name that ends the
    // mention in a possessive right before a verb with no noun reading is
    // the subject and keeps its "'s" (a firm's name), unless the text knows
    // the name without it ("Biden's said C": "Biden has said").
    size_t name_end = head;
    if (entity < 0 && toks.size() >= 2 && toks.back().end == span.end &&
        head + 1 < toks.size()) {
      const size_t last = toks.size() - 1;
      const absl::string_view s = word(last);
      bool names = s == "'s" || s == "\u2019s";
      for (size_t k = head + 1; names && k < last; ++k) {
        names = toks[k].cap || tags[k] == 'x' || tags[k] == '-';
      }
      // (Not a place: "North Korea's said C" is "has said".)
      for (size_t k = run; names && k < last; ++k) {
        names = nominal_of(k) == v1::ENTITY_TYPE_UNSPECIFIED;
      }
      if (names) {
        size_t k = span.end;
        while (k < text_.size() && text_[k] == ' ') ++k;
        size_t e = k;
        while (e < text_.size() && absl::ascii_islower(static_cast<unsigned char>(text_[e]))) ++e;
        const WordInfo* next = e > k ? WordOf(text_.substr(k, e - k)) : nullptr;
        const absl::string_view bare =
            text_.substr(toks[run].begin, toks[last].begin - toks[run].begin);
        if (next != nullptr && next->cue >= 0 && next->noun_cue < 0 &&
            by_name_.find(Lowered(bare).view()) == by_name_.end() &&
            by_surname_.find(word(last - 1)) == by_surname_.end()) {
          name_end = last;
        }
      }
    }
    const bool possessive_subject = name_end != head;
    if (entity < 0) {
      // (Views of the text: FindOrAdd() copies a name only when it is new.)
      absl::string_view name =
          text_.substr(toks[run].begin, toks[name_end].end - toks[run].begin);
      if (!possessive_subject) name = StripPossessive(name);
      v1::EntityType t = v1::ENTITY_TYPE_UNKNOWN;
      for (absl::string_view w : words) {
        v1::EntityType wt = NominalOf(w);
        if (wt == v1::ENTITY_TYPE_GOVERNMENT || wt == v1::ENTITY_TYPE_ORGANISATION) t = wt;
      }
      // A lone surname not seen before is most likely a person. So is one
      // the text gives a person, though a company bears it too ("Boyle"
      // after "Senator Ann Boyle" and "Boyle Co": AliasBeforeSuffix()).
      // Not a word in capitals in mixed-case text ("CNN said": an acronym)
      // nor one after an article ("the Guardian", "the Pentagon"): neither
      // is a surname, and neither is a person "he" or "she" may stand for.
      if (words.size() == 1 && t == v1::ENTITY_TYPE_UNKNOWN && !possessive_subject &&
          !AcronymInMixedCase(text_, toks[run].begin, toks[run].end) &&
          !(run > 0 && tags[run - 1] == 'd' && IsArticleWord(word(run - 1)))) {
        auto known = by_name_.find(Lowered(name).view());
        if (known == by_name_.end() ||
            (entities_[known->second].canonical.size() != name.size() &&
             PersonNamed(name) >= 0) ||
            (entities_[known->second].addressed_only && !no_lone_person_ &&
             !ArticleBefore(toks[run].begin))) {
          entity = PersonFromWords(words, pos, /*allow_unknown=*/true);
          if (entity >= 0) entities_[entity].addressed_only = false;
        }
      }
      if (entity < 0) {
        entity = FindOrAdd(name, t);
        Note(entity, pos);
      }
    }
  } else if (lower_head && person_gender(head) != 0 &&
             (entity = TitledPerson(word(head), toks, tags, first, head)) >= 0) {
    // "the parson", and "Parson Hale" in the text.
    res.kind = v1::MENTION_KIND_NOMINAL;
    Note(entity, pos);
  } else if (lower_head && person_gender(head) != 0) {
    // "the old man", "his mother": a person of that sex, named by the words
    // up to the head.
    res.kind = v1::MENTION_KIND_NOMINAL;
    std::string name(text_.substr(toks[first].begin, toks[head].end - toks[first].begin));
    OnOneLine(&name);
    // In a book, "the tired man" whom no "a tired man" brought in
    // is somebody in the scene already, by name.
    if (layout_ != nullptr && layout_->hard_wrapped && first > 0 && first == 1 &&
        tags[0] == 'd' && absl::EqualsIgnoreCase(word(0), "the")) {
      auto known = by_name_.find(Lowered(name).view());
      if (known == by_name_.end() || !entities_[known->second].introduced) {
        const int e = SceneReferent(person_gender(head), pos);
        if (e >= 0) {
          Note(e, pos);
          AddAlias(e, as_written);
          res.entity = e;
          return res;
        }
      }
    }
    entity = FindOrAdd(name, v1::ENTITY_TYPE_PERSON);
    entities_[entity].type = v1::ENTITY_TYPE_PERSON;
    entities_[entity].described = true;
    if (entities_[entity].gender == 0) entities_[entity].gender = person_gender(head);
    Note(entity, pos);
  } else {
    res.kind = v1::MENTION_KIND_NOMINAL;
    // In a book, "the doctor" is the doctor of the story (whose sex Index()
    // may have learnt), not the last person of any role, as "the official"
    // is in the news.
    if (lower_head && head_type == v1::ENTITY_TYPE_PERSON && first > 0 &&
        tags[first - 1] == 'd' && layout_ != nullptr && layout_->hard_wrapped) {
      std::string name(text_.substr(toks[first].begin, toks[head].end - toks[first].begin));
      OnOneLine(&name);
      // "the artist himself, Walter Tarrant," before: that person.
      entity = AppositionName(name, pos);
      if (entity < 0) {
        entity = FindOrAdd(name, v1::ENTITY_TYPE_PERSON);
        entities_[entity].type = v1::ENTITY_TYPE_PERSON;
        if (entities_[entity].aliases.empty()) entities_[entity].described = true;
      }
      Note(entity, pos);
    }
    if (entity < 0) entity = ResolveNominal(toks, tags, head, pos);
    // "her spokesman" whom no name before answers for (the bare role):
    // hers, by her name.
    if (head_type == v1::ENTITY_TYPE_PERSON && entity >= 0 &&
        absl::EqualsIgnoreCase(entities_[entity].canonical,
                               text_.substr(toks[head].begin, toks[head].end - toks[head].begin))) {
      const int owned = OwnedNominal(toks, tags, first, head, pos);
      if (owned >= 0) entity = owned;
    }
    if (entity < 0) entity = OwnedNominal(toks, tags, first, head, pos);
    if (entity < 0) {
      // A description that names nobody known: keep it as written (with a
      // percent sign after its number: "42%").
      size_t end = pre;
      while (end > first && (tags[end - 1] == ',' || tags[end - 1] == '-') &&
             !(tags[end - 1] == '-' && end - 1 > first && tags[end - 2] == '0' &&
               word(end - 1) == "%")) {
        --end;
      }
      // A company's unit after its parent's name, "Du Pont Co's Conoco Inc",
      // is the unit: the name after the parent's suffix and "'s".
      if (toks[head].cap && lex_->InListAnyCase(word(head), WordList::kCorpSuffix)) {
        for (size_t k = first + 1; k + 1 < head; ++k) {
          if (tags[k] == 'g' && lex_->InListAnyCase(word(k - 1), WordList::kCorpSuffix)) {
            first = k + 1;
          }
        }
      }
      absl::string_view name =
          text_.substr(toks[first].begin, toks[end - 1].end - toks[first].begin);
      if (span.end > toks[pre - 1].end && pre < toks.size() && n == toks.size()) {
        // Keep the prepositional tail: "representative to the United Nations".
        size_t last = toks.size();
        while (last > first + 1 && (tags[last - 1] == ',' || tags[last - 1] == '.')) --last;
        name = text_.substr(toks[first].begin, toks[last - 1].end - toks[first].begin);
      }
      v1::EntityType t = head_type;
      if (t == v1::ENTITY_TYPE_UNSPECIFIED) {
        t = tags[head] == 'R' ? v1::ENTITY_TYPE_PERSON : v1::ENTITY_TYPE_UNKNOWN;
      }
      // "an official familiar with the talks", "sources close to him": a
      // plain word with its preposition after a person's noun modifies it;
      // the one described is a person (or people) as the noun says.
      if (t == v1::ENTITY_TYPE_UNKNOWN && tags[head] == 'o' && head > first &&
          head + 1 < toks.size() && tags[head + 1] == 'r' && !toks[head - 1].cap) {
        const v1::EntityType before = nominal_of(head - 1);
        if (before == v1::ENTITY_TYPE_PERSON || before == v1::ENTITY_TYPE_GROUP) {
          t = before;
        } else if (tags[head - 1] == 'R') {
          t = v1::ENTITY_TYPE_PERSON;
        }
      }
      entity = FindOrAdd(name, t);
      if (toks[head].cap) AliasBeforeSuffix(name, entity);
    }
    Note(entity, pos);
  }
  AddAlias(entity, as_written);
  res.entity = entity;
  return res;
}

}  // namespace internal
}  // namespace whosaid
