#include "internal/text_layout.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "internal/byte_masks.h"

namespace whosaid {
namespace internal {
namespace {

using Byte = unsigned char;

constexpr int32_t kInvalid = -1;  // a byte that starts no valid character
constexpr int32_t kNone = -2;     // before the start / after the end

inline Byte At(const char* p) { return static_cast<Byte>(*p); }

// Decodes the character at p (p < end). Sets *len to its length in bytes;
// an ill-formed sequence decodes as kInvalid with *len = 1, so callers
// always advance and never read past `end`.
int32_t Decode(const char* p, const char* end, int* len) {
  const Byte b0 = At(p);
  *len = 1;
  if (b0 < 0x80) return b0;
  int n;
  int32_t cp;
  Byte lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 1;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 2;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 3;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return kInvalid;
  }
  if (end - p <= n) return kInvalid;
  for (int i = 1; i <= n; ++i) {
    const Byte c = At(p + i);
    if (c < lo || c > hi) return kInvalid;
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (c & 0x3F);
  }
  *len = n + 1;
  return cp;
}

// Decodes the character that ends just before p, not looking before
// `begin`. Returns kNone at begin; kInvalid (with *len = 1) if the bytes
// before p are not the tail of a well-formed character.
int32_t DecodeBefore(const char* begin, const char* p, int* len) {
  *len = 1;
  if (p <= begin) return kNone;
  const char* q = p - 1;
  while (q > begin && p - q < 4 && (At(q) & 0xC0) == 0x80) --q;
  int n;
  const int32_t cp = Decode(q, p, &n);
  if (q + n != p) return kInvalid;
  *len = n;
  return cp;
}

bool IsSpace(int32_t c) {
  if (c < 0) return false;
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  // The invisible marks of text direction (U+200E/F, U+202A-E, U+2066-9)
  // count as space: a line that opens with one and a quotation mark opens
  // its quote at the mark.
  return c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x200E || c == 0x200F ||
         c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202F) ||
         c == 0x205F || (c >= 0x2066 && c <= 0x2069) || c == 0x3000 || c == 0xFEFF;
}

// Uppercase letters of the scripts news text uses: ASCII, Latin-1, Latin
// Extended-A/B (alternating case pairs), Latin Extended Additional, Greek and
// Cyrillic. Other scripts have no case and never start a sentence here.
bool IsUpper(int32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c < 0x100) return c >= 0xC0 && c <= 0xDE && c != 0xD7;
  if (c < 0x138) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c == 0x178) return true;
  if (c >= 0x179 && c <= 0x17E) return c % 2 == 1;
  if (c >= 0x200 && c <= 0x233) return c % 2 == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 == 0;
  return false;
}

bool IsDash(int32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015); }

// Quote-like characters, single ones included: context for flanking tests.
bool IsQuoteChar(int32_t c) {
  return c == '"' || c == '\'' || c == '`' || c == 0xAB || c == 0xBB ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2033 || c == 0x2039 ||
         c == 0x203A;
}

// Characters a closing mark may be followed by.
bool IsClosingPunct(int32_t c) {
  switch (c) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case ']':
    case '}':
    case 0x2026:
      return true;
    default:
      return false;
  }
}

bool IsOpeningBracket(int32_t c) { return c == '(' || c == '[' || c == '{'; }

// ---------------------------------------------------------------- quotes

enum class Shape { kAmbiguous, kOpen, kClose };

// Recognises a double quote mark at p. Returns its length in bytes (0 if
// none) and its shape.
bool IsAsciiLetterAt(const char* p, const char* begin, const char* end) {
  return p >= begin && p < end && absl::ascii_isalpha(At(p));
}

int MatchQuoteMark(const char* p, const char* end, Shape* shape,
                   const char* begin = nullptr, bool single = false) {
  const Byte b = At(p);
  const ptrdiff_t left = end - p;
  if (single && begin != nullptr) {
    // Single marks quote; one between two letters is an apostrophe
    // ("don't", "don’t").
    int len = 0;
    if (b == '\'' && !(left >= 2 && p[1] == '\'')) {
      len = 1;
      *shape = Shape::kAmbiguous;
    } else if (b == 0xE2 && left >= 3 && At(p + 1) == 0x80 &&
               (At(p + 2) == 0x98 || At(p + 2) == 0x99)) {
      len = 3;
      *shape = At(p + 2) == 0x98 ? Shape::kOpen : Shape::kClose;
    }
    if (len > 0) {
      const bool letters = IsAsciiLetterAt(p - 1, begin, end) &&
                           IsAsciiLetterAt(p + len, begin, end);
      return letters ? 0 : len;
    }
  }
  switch (b) {
    case '"':
      *shape = Shape::kAmbiguous;
      return 1;
    case '`':
      if (left >= 2 && p[1] == '`') {
        *shape = Shape::kOpen;
        return 2;
      }
      return 0;
    case '\'':
      if (left >= 2 && p[1] == '\'') {
        *shape = Shape::kClose;
        return 2;
      }
      return 0;
    case 0xC2:
      if (left < 2) return 0;
      if (At(p + 1) == 0xAB) {
        *shape = Shape::kOpen;
        return 2;
      }
      if (At(p + 1) == 0xBB) {
        *shape = Shape::kClose;
        return 2;
      }
      return 0;
    case 0xE2:
      if (left < 3) return 0;
      if (At(p + 1) == 0x80) {
        switch (At(p + 2)) {
          case 0x9C:  // “
          case 0x9E:  // „
          case 0x9F:  // ‟
            *shape = Shape::kOpen;
            return 3;
          case 0x9D:  // ”
            *shape = Shape::kClose;
            return 3;
          case 0xB3:  // ″
            *shape = Shape::kAmbiguous;
            return 3;
        }
      }
      return 0;
    default:
      return 0;
  }
}

// Length of the Unicode space between words at p (U+00A0 no-break,
// U+2000..U+200B, U+202F narrow no-break, U+205F), or 0: the characters
// TextLayout::unicode_spaces lists. (A subset of IsSpace(): not the line
// separators nor the marks of text direction.)
int UnicodeSpaceLength(const char* p, const char* end) {
  const Byte b = At(p);
  if (b == 0xC2) return end - p >= 2 && At(p + 1) == 0xA0 ? 2 : 0;
  if (b != 0xE2 || end - p < 3) return 0;
  const Byte b1 = At(p + 1), b2 = At(p + 2);
  if (b1 == 0x80 && (b2 <= 0x8B || b2 == 0xAF)) return 3;
  return b1 == 0x81 && b2 == 0x9F ? 3 : 0;
}

// Notes the Unicode spaces in [p, end) in `out` (see UnicodeSpaceLength()).
void NoteUnicodeSpaces(const char* base, const char* p, const char* end,
                       TextLayout* out) {
  for (; p < end; ++p) {
    if (UnicodeSpaceLength(p, end) > 0) {
      out->unicode_spaces.push_back(static_cast<uint32_t>(p - base));
    }
  }
}

// Length of the line break at p, or 0.
int LineBreakLength(const char* p, const char* end) {
  const Byte b = At(p);
  if (b == '\n' || b == '\r') return 1;
  if (b == 0xC2) return end - p >= 2 && At(p + 1) == 0x85 ? 2 : 0;
  if (b == 0xE2 && end - p >= 3 && At(p + 1) == 0x80 &&
      (At(p + 2) == 0xA8 || At(p + 2) == 0xA9)) {
    return 3;
  }
  return 0;
}

// In hard-wrapped text, the length of the line break at p when it is a
// soft one (the next line is not blank: the paragraph goes on), else 0.
int SoftBreakLength(const char* p, const char* end, bool wrapped) {
  if (!wrapped) return 0;
  int n = LineBreakLength(p, end);
  if (n == 0) return 0;
  if (*p == '\r' && end - p >= 2 && p[1] == '\n') n = 2;
  const char* q = p + n;
  while (q < end && (*q == ' ' || *q == '\t')) ++q;
  if (q >= end || LineBreakLength(q, end) > 0) return 0;
  return n;
}

// Whether only whitespace lies between p and the end of its paragraph.
bool AtParagraphEnd(const char* p, const char* end, bool wrapped) {
  int n;
  while (p < end) {
    if ((n = SoftBreakLength(p, end, wrapped)) > 0) {
      p += n;
      continue;
    }
    if (LineBreakLength(p, end) > 0) return true;
    if (!IsSpace(Decode(p, end, &n))) return false;
    p += n;
  }
  return true;
}

// What the lines of [p, end) tell of the text, read in one pass (a
// memchr a line; news has a few dozen lines a document):
// - hard_wrapped: at least three lines run on into the next one, and at
//   least 80% of those are 30 to 80 characters long (a book at a fixed
//   width; news puts each paragraph on one line);
// - single_quotes: dialogue in single quotation marks: at least three lines
//   open with ' or ‘ and none with a double mark.
struct LineShape {
  bool hard_wrapped = false;
  bool single_quotes = false;
};
LineShape ReadLines(const char* p, const char* end) {
  int joined = 0, fixed = 0;
  int singles = 0;
  bool doubles = false;  // a line opens with a double mark
  const char* line = p;
  while (line < end) {
    if (!doubles) {
      const char* q = line;
      while (q < end && (*q == ' ' || *q == '\t')) ++q;
      if (q < end) {
        if (*q == '"' || (end - q >= 3 && At(q) == 0xE2 && At(q + 1) == 0x80 &&
                          (At(q + 2) == 0x9C || At(q + 2) == 0x9D))) {
          doubles = true;
        } else if ((*q == '\'' && !(end - q >= 2 && q[1] == '\'')) ||
                   (end - q >= 3 && At(q) == 0xE2 && At(q + 1) == 0x80 &&
                    At(q + 2) == 0x98)) {
          ++singles;
        }
      }
    }
    const char* nl = static_cast<const char*>(
        std::memchr(line, '\n', static_cast<size_t>(end - line)));
    if (nl == nullptr) break;
    const char* next = nl + 1;
    const char* q = next;
    while (q < end && (*q == ' ' || *q == '\t' || *q == '\r')) ++q;
    const bool blank_line = line == nl || (nl - line == 1 && *line == '\r');
    if (!blank_line && q < end && *q != '\n') {
      ++joined;
      int chars = 0;  // code points: bytes that do not continue a character
      for (const char* c = line; c < nl; ++c) chars += (At(c) & 0xC0) != 0x80;
      if (chars >= 30 && chars <= 81) ++fixed;
    }
    line = next;
  }
  LineShape shape;
  shape.hard_wrapped = joined >= 3 && fixed * 5 >= joined * 4;
  shape.single_quotes = !doubles && singles >= 3;
  return shape;
}

// Decides whether the mark [m, m + len) of the paragraph that begins at pb
// opens (true) or closes (false) a quote; `quote_open` says whether one is
// open now. `end` is the end of the text (the paragraph's end is not known
// yet; a line break counts as space).
bool OpensQuote(const char* pb, const char* end, const char* m, int len,
                Shape shape, bool quote_open, bool wrapped) {
  int n;
  // (ASCII neighbours, most often, are their own characters: no decoding.)
  const int32_t prev =
      m > pb && At(m - 1) < 0x80 ? At(m - 1) : DecodeBefore(pb, m, &n);
  const int32_t next = m + len >= end       ? kNone
                       : At(m + len) < 0x80 ? At(m + len)
                                            : Decode(m + len, end, &n);
  const bool prev_space = prev == kNone || IsSpace(prev);
  const bool next_space = next == kNone || IsSpace(next);
  const bool can_open = (prev_space || IsOpeningBracket(prev) || IsDash(prev) ||
                         prev == '/' || IsQuoteChar(prev)) &&
                        !next_space && !IsClosingPunct(next);
  const bool can_close =
      !prev_space && (next_space || IsClosingPunct(next) || IsDash(next) ||
                      next == '/' || IsQuoteChar(next));
  if (can_open != can_close) return can_open;
  // Neither side decides (`illegal. “` + end of line): a mark with nothing
  // but whitespace after it up to the end of its paragraph has nothing to
  // open, so it closes (or, with no quote open, is ignored).
  if (next_space && AtParagraphEnd(m + len, end, wrapped)) return false;
  if (shape == Shape::kOpen) return true;
  if (shape == Shape::kClose) return false;
  return !quote_open;  // alternation
}

// Strips whitespace from the end of [begin, end).
const char* TrimRight(const char* begin, const char* end) {
  int n;
  while (end > begin) {
    // (An ASCII byte, most often, is its own character: no decoding.)
    const Byte b = At(end - 1);
    if (b < 0x80) {
      if (b != ' ' && (b < 0x09 || b > 0x0D)) break;
      --end;
      continue;
    }
    if (!IsSpace(DecodeBefore(begin, end, &n))) break;
    end -= n;
  }
  return end;
}

// A curly opening mark “ at [m, m + len) while a quotation is open: when
// the paragraph goes on with a closing mark ” and then another ” with no
// opening mark between them or after the first ("“People wearing “Settle
// For Hillary” shirts at her event.”"), the mark opens a quotation nested in
// the open one; returns its closing mark (else null). A quotation never
// closed keeps the restart that OnQuoteMark gives it.
const char* NestedCurlyClose(const char* m, int len, const char* end) {
  if (len != 3 || At(m) != 0xE2 || At(m + 1) != 0x80 || At(m + 2) != 0x9C) {
    return nullptr;
  }
  const char* first = nullptr;
  for (const char* p = m + len; p + 2 < end; ++p) {
    const Byte b = At(p);
    if (b == '\n' || b == '\r') break;
    if (b != 0xE2 || At(p + 1) != 0x80) continue;
    if (At(p + 2) == 0x9C) return nullptr;
    if (At(p + 2) == 0x9D) {
      if (first != nullptr) return first;
      first = p;
    }
  }
  return nullptr;
}

// A straight mark " at m that opens while a quotation is open: when the
// paragraph goes on with one straight mark that closes and then either
// another that closes with no opening one between ("\"People wearing "Settle
// For Hillary" shirts.\""), or nothing more before the paragraph ends and
// the next paragraph opens with a quotation mark (the outer quotation goes
// on there: "X said: \"When I was elected, the quay was the "heart of the
// town" and ..." and a new paragraph "\"It was ..."), the mark opens a
// quotation nested in the open one; returns its closing mark (else null).
// pb: where the paragraph begins.
const char* NestedStraightClose(const char* pb, const char* m, const char* end) {
  if (*m != '"') return nullptr;
  // Only inside a sentence: not after one ends ("... home. \"I felt ...":
  // a paragraph run on after a quotation left open), and only a phrase
  // (no sentence ends inside it).
  const char* before = m;
  while (before > pb && At(before - 1) == ' ') --before;
  if (before == pb || At(before - 1) == '.' || At(before - 1) == '!' ||
      At(before - 1) == '?' || At(before - 1) == ':') {
    return nullptr;
  }
  const char* first = nullptr;
  const char* p = m + 1;
  for (; p < end; ++p) {
    const Byte b = At(p);
    if (b == '\n' || b == '\r') break;
    if (b == 0xE2 && end - p >= 3 && At(p + 1) == 0x80 && At(p + 2) == 0x9C) {
      return nullptr;  // a curly opening mark: not this shape
    }
    const bool curly_close = b == 0xE2 && end - p >= 3 && At(p + 1) == 0x80 &&
                             At(p + 2) == 0x9D;
    if (first == nullptr && (b == '.' || b == '!' || b == '?') && p + 1 < end &&
        At(p + 1) == ' ') {
      return nullptr;
    }
    if (b != '"' && !curly_close) continue;
    const bool opens = !curly_close && (At(p - 1) == ' ' || At(p - 1) == '(') &&
                       p + 1 < end && At(p + 1) != ' ' && At(p + 1) != '\n' &&
                       At(p + 1) != '\r';
    if (opens) return nullptr;
    if (first != nullptr) return first;
    first = p;
  }
  if (first == nullptr) return nullptr;
  while (p < end && absl::ascii_isspace(At(p))) ++p;
  if (p >= end) return nullptr;
  if (*p == '"' || (end - p >= 3 && At(p) == 0xE2 && At(p + 1) == 0x80 &&
                    At(p + 2) == 0x9C)) {
    return first;
  }
  return nullptr;
}

// Handles the quote mark [m, m + len) of paragraph `index`, which begins at
// pb (the text ends at `end`). `*open` is the index into `quotes` of the
// quote open now, or -1.
void OnQuoteMark(const char* base, const char* pb, const char* end,
                 const char* m, int len, Shape shape, int index, bool wrapped,
                 int* open, std::vector<Quote>* quotes) {
  const uint32_t at = static_cast<uint32_t>(m - base);
  if (OpensQuote(pb, end, m, len, shape, *open >= 0, wrapped)) {
    if (*open >= 0) {  // restart: the previous quote was never closed
      Quote& q = (*quotes)[*open];
      q.end = static_cast<uint32_t>(TrimRight(base + q.begin, m) - base);
      q.close_end = q.end;
    }
    Quote q;
    q.open = at;
    q.begin = at + static_cast<uint32_t>(len);
    q.paragraph = index;
    quotes->push_back(q);
    *open = static_cast<int>(quotes->size()) - 1;
  } else if (*open >= 0) {
    Quote& q = (*quotes)[*open];
    q.end = at;
    q.close_end = at + static_cast<uint32_t>(len);
    q.closed = true;
    *open = -1;
  }  // else: a closing mark with nothing open; ignored.
}

// ------------------------------------------------------------- sentences

// Words that commonly open a sentence in news English. After an ambiguous
// period ("U.S.", "Inc.", an initial, an ellipsis) one of these followed by
// a space or punctuation other than "." makes a sentence boundary. Sorted,
// for binary search.
constexpr absl::string_view kSentenceStarters[] = {
    "A",           "About",     "According",
    "After",       "Again",     "All",
    "Also",        "Although",  "Among",
    "An",          "And",       "Another",
    "Any",         "Are",       "As",
    "At",          "Because",   "Before",
    "Both",        "But",       "By",
    "Can",         "Certainly", "Clearly",
    "Could",       "Despite",   "Did",
    "Do",          "Does",      "During",
    "Each",        "Earlier",   "Even",
    "Every",       "Everyone",  "Few",
    "Finally",     "First",     "For",
    "Fortunately", "From",      "Had",
    "Has",         "Have",      "He",
    "Her",         "Here",      "His",
    "Hopefully",   "How",       "However",
    "I",           "If",        "In",
    "Indeed",      "Instead",   "Is",
    "It",          "Its",       "Just",
    "Last",        "Later",     "Let",
    "Like",        "Many",      "Maybe",
    "Meanwhile",   "More",      "Most",
    "Much",        "My",        "Never",
    "Next",        "No",        "Nobody",
    "Not",         "Nothing",   "Now",
    "Obviously",   "Of",        "Often",
    "On",          "Once",      "One",
    "Only",        "Other",     "Others",
    "Our",         "Over",      "Perhaps",
    "Please",      "Probably",  "Sadly",
    "Several",     "She",       "Should",
    "Since",       "So",        "Some",
    "Sometimes",   "Still",     "Such",
    "That",        "The",       "Their",
    "Then",        "There",     "These",
    "They",        "This",      "Those",
    "Though",      "Thus",      "To",
    "Today",       "Under",     "Unfortunately",
    "Unless",      "Unlike",    "Until",
    "Was",         "We",        "Well",
    "Were",        "What",      "Whatever",
    "When",        "Where",     "Whether",
    "Which",       "While",     "Who",
    "Why",         "With",      "Without",
    "Would",       "Yes",       "Yesterday",
    "Yet",         "You",
};

bool StartsWithSentenceStarter(const char* p, const char* end) {
  const char* q = p;
  // 16 letters is more than the longest starter ("Unfortunately", 13).
  while (q < end && q - p < 16 && absl::ascii_isalpha(At(q))) ++q;
  if (q == p || (q < end && (absl::ascii_isalpha(At(q)) || *q == '.'))) {
    return false;
  }
  const absl::string_view word(p, static_cast<size_t>(q - p));
  return std::binary_search(std::begin(kSentenceStarters),
                            std::end(kSentenceStarters), word);
}

// A news dateline opening a paragraph: "WASHINGTON (AP) — ", "BEDFORD,
// N.H. (Reuters) - ", "LONDON, March 3 (Reuters) - ", "MEXICO CITY -- ".
// Returns the length up to the text after it (which must open with a
// capital, a digit or a quotation mark), or 0. One to four words in
// capitals (the first of three bytes or more), then optionally a comma
// and up to four words or numbers (a state, a date), then optionally an
// agency in parentheses, then a dash between spaces. The dateline is no
// part of what anybody said.
size_t DatelineLength(const char* p, const char* end) {
  constexpr ptrdiff_t kMax = 80;
  if (end - p > kMax + 8) end = p + kMax + 8;
  const char* q = p;
  auto caps_word = [&]() -> size_t {
    const char* w = q;
    bool letter = false;
    while (q < end) {
      const Byte b = At(q);
      if (b >= 'A' && b <= 'Z') {
        letter = true;
        ++q;
      } else if (b == '.' || b == '\'' || (b == '-' && q > w && q + 1 < end &&
                                            At(q + 1) >= 'A' && At(q + 1) <= 'Z')) {
        ++q;
      } else if (b == 0xE2 && end - q >= 3 && At(q + 1) == 0x80 &&
                 At(q + 2) == 0x99) {  // ’
        q += 3;
      } else {
        break;
      }
    }
    return letter ? static_cast<size_t>(q - w) : 0;
  };
  // A place in title case ("Washington (AFP) - ", "New York (AFP) - "):
  // up to three capitalised words, only before an agency in parentheses.
  auto title_word = [&]() -> bool {
    if (q >= end || At(q) < 'A' || At(q) > 'Z') return false;
    ++q;
    const char* w = q;
    while (q < end && At(q) >= 'a' && At(q) <= 'z') ++q;
    return q > w;
  };
  bool title_case = false;
  if (caps_word() < 3) {
    q = p;
    if (!title_word()) return 0;
    for (int words = 1; words < 3 && q + 1 < end && *q == ' ' &&
                        At(q + 1) >= 'A' && At(q + 1) <= 'Z';
         ++words) {
      const char* before = q;
      ++q;
      if (!title_word()) {
        q = before;
        break;
      }
    }
    title_case = true;
  } else {
    for (int words = 1; words < 4 && q + 1 < end && *q == ' ' &&
                        At(q + 1) >= 'A' && At(q + 1) <= 'Z';
         ++words) {
      const char* before = q;
      ++q;
      if (caps_word() == 0 || (q < end && absl::ascii_islower(At(q)))) {
        q = before;
        break;
      }
    }
  }
  // A word of the dateline may not run on in lower case ("WASHINGTON Post").
  if (q < end && absl::ascii_isalnum(At(q))) return 0;
  if (q + 1 < end && *q == ',' && q[1] == ' ') {
    q += 2;
    for (int words = 0; words < 4; ++words) {
      const char* w = q;
      while (q < end && (absl::ascii_isalnum(At(q)) || *q == '.')) ++q;
      if (q == w || absl::ascii_islower(At(w))) return 0;
      if (q + 1 < end && *q == ' ' && absl::ascii_isalnum(At(q + 1))) {
        ++q;
        continue;
      }
      break;
    }
  }
  if (q + 1 < end && *q == ' ' && q[1] == '(') {
    const char* close = q + 2;
    while (close < end && close - q < 32 &&
           (absl::ascii_isalpha(At(close)) || *close == ' ' || *close == '.' ||
            *close == '&' || *close == '-')) {
      ++close;
    }
    if (close == q + 2 || close >= end || *close != ')') return 0;
    q = close + 1;
  } else if (title_case) {
    return 0;
  }
  // (The spaces about the dash may be no-break ones: "WASHINGTON\u00a0\u2015".)
  auto skip_spaces = [&]() {
    for (int n; q < end && (*q == ' ' || (n = UnicodeSpaceLength(q, end)) > 0);) {
      q += *q == ' ' ? 1 : n;
    }
  };
  const char* d = q;
  skip_spaces();
  // A dash written closed up to the text after it ("SELMA, N.C.\u2014Donald
  // Trump", "WASHINGTON \u2014Two panels"): only a dash of its own
  // character, never a hyphen.
  bool closed_up = false;
  if (q + 3 <= end && At(q) == 0xE2 && At(q + 1) == 0x80 &&
      (At(q + 2) == 0x94 || At(q + 2) == 0x93 || At(q + 2) == 0x95)) {  // — – ―
    closed_up = true;
    q += 3;
  } else if (q < end && *q == '-') {
    ++q;
    if (q < end && *q == '-') ++q;
  } else {
    return 0;
  }
  if (q - d > 5) return 0;
  const char* text = q;
  skip_spaces();
  if ((q == text && !closed_up) || q >= end || q - p > kMax) return 0;
  const Byte next = At(q);
  const bool opens = (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') ||
                     next == '"' || next == '\'' ||
                     (next == 0xE2 && end - q >= 3 && At(q + 1) == 0x80 &&
                      (At(q + 2) == 0x9C || At(q + 2) == 0x98));
  return opens ? static_cast<size_t>(q - p) : 0;
}

// An opening mark or bracket that may start a sentence.
bool IsSentenceOpener(int32_t c) {
  return c == '"' || c == '\'' || c == '`' || c == '(' || c == '[' ||
         c == 0xAB || c == 0xBF || c == 0xA1 || c == 0x2018 || c == 0x201C ||
         c == 0x201E || c == 0x201F;
}

// Length of the closing mark or bracket at p, or 0.
int ClosingMarkLength(const char* p, const char* end) {
  const Byte b = At(p);
  if (b == ')' || b == ']' || b == '}' || b == '"' || b == '\'') return 1;
  if (b == 0xC2 && end - p >= 2 && At(p + 1) == 0xBB) return 2;  // »
  if (b == 0xE2 && end - p >= 3 && At(p + 1) == 0x80) {
    const Byte c = At(p + 2);
    // ’ ” “ (German closer) ″
    if (c == 0x99 || c == 0x9D || c == 0x9C || c == 0xB3) return 3;
  }
  return 0;
}

bool IsEllipsisAt(const char* p, const char* end) {
  return end - p >= 3 && At(p) == 0xE2 && At(p + 1) == 0x80 &&
         At(p + 2) == 0xA6;
}

// Bytes that may start something the scan must look at: a line break, a
// quote mark or a sentence terminator. Everything else is skipped.
enum : uint8_t { kBreakByte = 1, kQuoteByte = 2, kTermByte = 4 };
struct ClassTable {
  uint8_t cls[256] = {};
  constexpr ClassTable() {
    cls[static_cast<Byte>('\n')] = kBreakByte;
    cls[static_cast<Byte>('\r')] = kBreakByte;
    cls[static_cast<Byte>('"')] = kQuoteByte;
    cls[static_cast<Byte>('`')] = kQuoteByte;
    cls[static_cast<Byte>('\'')] = kQuoteByte;
    cls[static_cast<Byte>('.')] = kTermByte;
    cls[static_cast<Byte>('!')] = kTermByte;
    cls[static_cast<Byte>('?')] = kTermByte;
    cls[0xC2] = kBreakByte | kQuoteByte;              // U+0085, « »
    cls[0xE2] = kBreakByte | kQuoteByte | kTermByte;  // U+2028, “ ”, …
  }
};
constexpr ClassTable kClass;

// Finds the bytes of a class in kClass, in order. Most text has one every
// few dozen bytes, so SSE2 tests 32 at a time, as two blocks of 16 whose
// masks are joined (one test and one step of the loop for both); the mask
// of the last 32 is kept, for the next byte of a class is most often in the
// same 32 (the scan goes on right after the byte it stopped at). (SSE2 may
// stop at a few bytes of no class too, 0x08 to 0x0F but a line break, the
// tab among them, '#' to '&', '/' and '>': the scan passes over them as
// over any byte it need not stop at. The last bytes of the text, fewer
// than 32, are read one at a time.)
class PlainSkipper {
 public:
  // Returns the first byte in [p, end) of a class in kClass, or end.
  const char* Next(const char* p, const char* end) {
#if defined(__SSE2__)
    const uintptr_t in_block = reinterpret_cast<uintptr_t>(p) - block_;
    if (in_block < 32) {
      const uint32_t rest = mask_ & (~uint32_t{0} << in_block);
      if (rest != 0)
        return reinterpret_cast<const char*>(block_) + __builtin_ctz(rest);
      p = reinterpret_cast<const char*>(block_) + 32;
    }
    // A byte of 0x08 to 0x0F, '\n' and '\r' among them, with its three low
    // bits set is 0x0F; 0xC2 and 0xE2 with bit 0x20 set are 0xE2; '.'
    // (0x2E) and '?' (0x3F), and the rare '/' and '>', with bits 0x11 set
    // are 0x3F: one comparison each. '!', '"' and '\'' lie in 0x21 to 0x27
    // (with the rare '#' to '&'): one range test, BytesInRange16(), whose
    // high bits are the mask (no comparison).
    const __m128i low3 = _mm_set1_epi8(7), x0f = _mm_set1_epi8(0x0F);
    const __m128i bit5 = _mm_set1_epi8(0x20);
    const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2));
    const __m128i bits11 = _mm_set1_epi8(0x11), x3f = _mm_set1_epi8(0x3F);
    const __m128i bq = _mm_set1_epi8('`');
    // The bytes of a class among the 16 at q, as bits.
    auto classes = [&](const char* q) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
      __m128i m = _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, low3), x0f),
                               _mm_cmpeq_epi8(_mm_or_si128(v, bit5), e2));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_or_si128(v, bits11), x3f));
      m = _mm_or_si128(m, BytesInRange16(v, '!', 7));
      m = _mm_or_si128(m, _mm_cmpeq_epi8(v, bq));
      return static_cast<uint32_t>(_mm_movemask_epi8(m));
    };
    // (The last window's start, compared as an address: one comparison a
    // window, where `end - p` is a subtraction as well.)
    const uintptr_t last = reinterpret_cast<uintptr_t>(end) - 32;
    while (reinterpret_cast<uintptr_t>(p) <= last) {
      const uint32_t mask = classes(p) | classes(p + 16) << 16;
      if (mask != 0) {
        block_ = reinterpret_cast<uintptr_t>(p);
        mask_ = mask;
        return p + __builtin_ctz(mask);
      }
      p += 32;
    }
#endif
    while (p < end && kClass.cls[At(p)] == 0) ++p;
    return p;
  }

 private:
  // The 32 bytes from block_ (an address), and their bytes of a class as
  // the bits of mask_; none yet at first.
  uintptr_t block_ = 0;
  uint32_t mask_ = 0;
};

// What BoundaryAfterPeriod() reads of each byte as it walks back over the
// token before a period: most bytes are of the token and need no test but
// this table's.
enum : uint8_t { kTokenByte = 0, kAsciiSpaceByte, kHyphenByte, kHighByte };
struct BackTable {
  uint8_t kind[256] = {};
  constexpr BackTable() {
    for (int b = 0x09; b <= 0x0D; ++b) kind[b] = kAsciiSpaceByte;
    kind[static_cast<Byte>(' ')] = kAsciiSpaceByte;
    kind[static_cast<Byte>('-')] = kHyphenByte;
    for (int b = 0x80; b <= 0xFF; ++b) kind[b] = kHighByte;
  }
};
constexpr BackTable kBack;

bool IsDottedAcronym(absl::string_view token) {
  // (Letter ".")+ with at least two letters: "J.K.", "F.B.I.".
  if (token.size() < 4 || token.size() % 2 != 0) return false;
  for (size_t i = 0; i < token.size(); i += 2) {
    if (!absl::ascii_isalpha(static_cast<Byte>(token[i])) ||
        token[i + 1] != '.') {
      return false;
    }
  }
  return true;
}

}  // namespace

// ------------------------------------------------------------------ API

absl::StatusOr<Abbreviations> ParseAbbreviations(absl::string_view text,
                                                 absl::string_view file_name) {
  Abbreviations out;
  int line_no = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no;
    const size_t hash = line.find('#');
    if (hash != absl::string_view::npos) line = line.substr(0, hash);
    line = absl::StripAsciiWhitespace(line);
    if (line.empty()) continue;
    if (!ValidateUtf8(line).ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(file_name, ":", line_no, ": invalid UTF-8"));
    }
    std::vector<absl::string_view> fields =
        absl::StrSplit(line, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.size() > 2 || (fields.size() == 2 && fields[1] != "final")) {
      return absl::InvalidArgumentError(absl::StrCat(
          file_name, ":", line_no,
          ": expected \"abbreviation[<TAB>final]\", got \"", line, "\""));
    }
    if (fields[0].back() != '.') {
      return absl::InvalidArgumentError(
          absl::StrCat(file_name, ":", line_no, ": abbreviation \"", fields[0],
                       "\" does not end in a period"));
    }
    out.all.insert(std::string(fields[0]));
    if (fields.size() == 2) out.sentence_final.insert(std::string(fields[0]));
  }
  return out;
}

std::vector<Quote>::const_iterator QuoteAt(const TextLayout& layout,
                                           uint32_t begin) {
  auto it = std::lower_bound(
      layout.quotes.begin(), layout.quotes.end(), begin,
      [](const Quote& q, uint32_t off) { return q.begin < off; });
  return it != layout.quotes.end() && it->begin == begin ? it
                                                         : layout.quotes.end();
}

bool AllQuoteChars(absl::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  if (p == end) return false;
  while (p < end) {
    int len;
    if (!IsQuoteChar(Decode(p, end, &len))) return false;
    p += len;
  }
  return true;
}

absl::Status ValidateUtf8(absl::string_view text) {
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  while (p < end) {
    // Fast path: 8 ASCII bytes, none of them NUL.
    while (end - p >= 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      if (((v | ((v - kOnes) & ~v)) & kHigh) != 0) break;
      p += 8;
    }
    if (p >= end) break;
    int len;
    const int32_t c = Decode(p, end, &len);
    if (c == kInvalid) {
      return absl::InvalidArgumentError(
          absl::StrCat("invalid UTF-8 at byte ", p - begin));
    }
    if (c == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("NUL byte at byte ", p - begin));
    }
    p += len;
  }
  return absl::OkStatus();
}

Segmenter::Segmenter(const absl::flat_hash_set<std::string>& abbreviations,
                     const absl::flat_hash_set<std::string>& sentence_final)
    : Segmenter(abbreviations) {
  for (const std::string& entry : sentence_final) {
    abbreviations_.insert(entry);
    final_abbreviations_.insert(entry);
  }
  NoteShapes();
}

Segmenter::Segmenter(const absl::flat_hash_set<std::string>& abbreviations) {
  for (const std::string& entry : abbreviations) {
    std::vector<absl::string_view> fields =
        absl::StrSplit(entry, absl::ByAnyChar(" \t"), absl::SkipEmpty());
    if (fields.empty()) continue;
    abbreviations_.insert(std::string(fields[0]));
    if (fields.size() >= 2 && fields[1] == "final") {
      final_abbreviations_.insert(std::string(fields[0]));
    }
  }
  NoteShapes();
}

void Segmenter::NoteShapes() {
  for (const std::string& entry : abbreviations_) {
    if (!entry.empty()) abbreviation_shapes_.set(ShapeOf(entry));
  }
}

void Segmenter::Segment(absl::string_view text, TextLayout* out) const {
  out->Clear();
  if (text.size() > std::numeric_limits<uint32_t>::max()) {
    text = text.substr(0, std::numeric_limits<uint32_t>::max());
  }
  const char* const base = text.data();
  const char* const end = base + text.size();
  constexpr size_t kNoQuote = static_cast<size_t>(-1);
  size_t last_unclosed = kNoQuote;  // quote open at the end of the last
                                    // paragraph
  const LineShape lines = ReadLines(base, end);
  out->hard_wrapped = lines.hard_wrapped;
  out->single_quotes = lines.single_quotes;
  const char* p = base;
  while (p < end) {
    // Skip line breaks and blank space up to the paragraph's first character.
    // (An ASCII byte that is no space, most often, is that character.)
    int n;
    if (!(At(p) > ' ' && At(p) < 0x80) &&
        ((n = LineBreakLength(p, end)) > 0 || IsSpace(Decode(p, end, &n)))) {
      if (n > 1 && UnicodeSpaceLength(p, end) > 0) {
        out->unicode_spaces.push_back(static_cast<uint32_t>(p - base));
      }
      p += n;
      continue;
    }
    const int index = static_cast<int>(out->paragraphs.size());
    const size_t first_quote = out->quotes.size();
    const char* const line_end = ScanParagraph(base, p, end, index, out);
    // (The paragraph's text ends where its last sentence does: ScanParagraph()
    // trimmed the spaces after it already.)
    out->paragraphs.push_back(
        Range{static_cast<uint32_t>(p - base), out->sentences.back().end});
    const Range& para = out->paragraphs.back();
    if (last_unclosed != kNoQuote && out->quotes.size() > first_quote &&
        out->quotes[first_quote].open == para.begin) {
      out->quotes[last_unclosed].continues = true;
    }
    last_unclosed = kNoQuote;
    if (out->quotes.size() > first_quote && !out->quotes.back().closed &&
        out->quotes.back().end == para.end) {
      last_unclosed = out->quotes.size() - 1;
    }
    p = line_end;
  }
}

// One pass over the paragraph starting at pb (a non-space byte): finds its
// quotes and sentences and returns where it ends (a line break or `end`).
// The last sentence it appends ends where the paragraph's text does.
const char* Segmenter::ScanParagraph(const char* base, const char* pb,
                                     const char* end, int index,
                                     TextLayout* out) const {
  const char* start = pb;  // of the current sentence
  int open = -1;           // index into out->quotes of the quote open now
  // The closing mark of a quotation nested in the open one, or null.
  const char* nested_close = nullptr;
  const char* p = pb;
  // A news dateline is a sentence of its own, so that no claim's content
  // or speaker takes it in.
  if (!out->hard_wrapped && At(pb) >= 'A' && At(pb) <= 'Z') {
    if (const size_t n = DatelineLength(pb, end); n > 0) {
      const char* dash_end = TrimRight(pb, pb + n);
      out->sentences.push_back(Sentence{static_cast<uint32_t>(pb - base),
                                        static_cast<uint32_t>(dash_end - base),
                                        index});
      NoteUnicodeSpaces(base, pb, pb + n, out);
      start = p = pb + n;
    }
  }
  PlainSkipper plain;
  while ((p = plain.Next(p, end)) < end) {
    const uint8_t cls = kClass.cls[At(p)];
    // (A curly apostrophe or a dash, the commonest of the bytes from 0xE2,
    // is nothing to look at: no line break, quotation mark, terminator or
    // space. An apostrophe may be a quotation mark only in dialogue in
    // single quotation marks.)
    if (At(p) == 0xE2 && end - p >= 3 && At(p + 1) == 0x80 &&
        (At(p + 2) == 0x93 || At(p + 2) == 0x94 ||
         (At(p + 2) == 0x99 && !out->single_quotes))) {
      p += 3;
      continue;
    }
    if ((cls & kBreakByte) && LineBreakLength(p, end) > 0) {
      const int soft = SoftBreakLength(p, end, out->hard_wrapped);
      if (soft == 0) break;
      p += soft;
      continue;
    }
    if (cls & kQuoteByte) {
      Shape shape;
      const int len = MatchQuoteMark(p, end, &shape, base, out->single_quotes);
      if (len > 0) {
        if (p == nested_close) {  // closes a quotation nested in the open one
          nested_close = nullptr;
          p += len;
          continue;
        }
        if (open >= 0 && nested_close == nullptr &&
            ((nested_close = NestedCurlyClose(p, len, end)) != nullptr ||
             (*p == '"' &&
              OpensQuote(pb, end, p, len, shape, true, out->hard_wrapped) &&
              (nested_close = NestedStraightClose(pb, p, end)) != nullptr))) {
          p += len;  // opens a quotation nested in the open one
          continue;
        }
        OnQuoteMark(base, pb, end, p, len, shape, index, out->hard_wrapped,
                    &open, &out->quotes);
        p += len;
        continue;
      }
    }
    if ((cls & kTermByte) && (At(p) != 0xE2 || IsEllipsisAt(p, end))) {
      p = OnTerminator(base, pb, end, p, index, &start, out);
      continue;
    }
    // (PlainSkipper stops at every 0xC2 and 0xE2: the lead bytes of these
    // spaces.)
    if (const int n = UnicodeSpaceLength(p, end); n > 0) {
      out->unicode_spaces.push_back(static_cast<uint32_t>(p - base));
      p += n;
      continue;
    }
    ++p;
  }
  const char* const pe = TrimRight(pb, p);
  if (open >= 0) {
    Quote& q = out->quotes[open];
    q.end = static_cast<uint32_t>(pe - base);
    q.close_end = q.end;
  }
  out->sentences.push_back(Sentence{static_cast<uint32_t>(start - base),
                                    static_cast<uint32_t>(pe - base), index});
  return p;
}

// Handles the run of terminators (. ! ? …) at p in the paragraph starting at
// pb. If it ends a sentence, appends the sentence [*start, its end) and moves
// *start to the next one. Returns the end of the run; the closing marks
// after it are left for the quote scan.
const char* Segmenter::OnTerminator(const char* base, const char* pb,
                                    const char* end, const char* p, int index,
                                    const char** start, TextLayout* out) const {
  const char* const first = p;
  int dots = 0;
  bool bang = false, ellipsis = false;
  while (p < end) {
    if (*p == '.') {
      ++dots;
      ++p;
    } else if (*p == '!' || *p == '?') {
      bang = true;
      ++p;
    } else if (IsEllipsisAt(p, end)) {
      ellipsis = true;
      p += 3;
    } else {
      break;
    }
  }
  const char* const run_end = p;
  // Closing marks, then whitespace within the line, then the next character.
  int n;
  while (p < end && (n = ClosingMarkLength(p, end)) > 0) p += n;
  const char* const sentence_end = p;
  while (p < end) {
    // (Most often a single ASCII space: no break, a space.)
    if (*p == ' ') {
      ++p;
      continue;
    }
    if (At(p) > ' ' && At(p) < 0x80) break;  // no space, no line break
    const int soft = SoftBreakLength(p, end, out->hard_wrapped);
    if (soft > 0) {
      p += soft;
      continue;
    }
    if (LineBreakLength(p, end) > 0 || !IsSpace(Decode(p, end, &n))) break;
    p += n;
  }
  if (p == sentence_end || p >= end || LineBreakLength(p, end) > 0) {
    return run_end;
  }
  // (Most often an ASCII capital: no decoding, no calls.)
  const int32_t next = At(p) < 0x80 ? At(p) : Decode(p, end, &n);
  if (!(next >= 'A' && next <= 'Z') && !(next >= '0' && next <= '9') &&
      !IsUpper(next) && !IsSentenceOpener(next)) {
    return run_end;
  }
  bool boundary;
  if (bang) {
    // `"Is that all there is?" Trump said.`: a quote ending in ? or ! and
    // then its speech tag is one sentence.
    boundary = sentence_end == run_end || StartsWithSentenceStarter(p, end) ||
               !LooksLikeSpeechTag(p, end);
  } else if (ellipsis || dots >= 2) {
    boundary = StartsWithSentenceStarter(p, end);
  } else if (sentence_end > run_end) {
    boundary = true;  // `ready." The`: the quote or bracket closed
  } else {
    boundary = BoundaryAfterPeriod(pb, end, first, p);
  }
  if (boundary) {
    out->sentences.push_back(
        Sentence{static_cast<uint32_t>(*start - base),
                 static_cast<uint32_t>(sentence_end - base), index});
    *start = p;
  }
  return run_end;
}

// Whether the text at p reads like a speech tag after a quote: one to three
// capitalised words (abbreviations from the list allowed: "Mr. Li"), then a
// lowercase word, as in "Trump said", "Sen. Warren told reporters".
bool Segmenter::LooksLikeSpeechTag(const char* p, const char* end) const {
  for (int caps = 0; caps <= 3; ++caps) {
    const char* const word = p;
    while (p < end && (absl::ascii_isalpha(At(p)) || *p == '-' || *p == '\'')) {
      ++p;
    }
    if (p == word) return false;
    if (!absl::ascii_isupper(At(word))) {
      return caps > 0 && (p == end || *p == ' ' || *p == ',' || *p == '.' ||
                          *p == ';' || *p == ':');
    }
    if (p < end && *p == '.') {
      const absl::string_view token(word, static_cast<size_t>(p + 1 - word));
      if (!MayBeAbbreviation(token) || !abbreviations_.contains(token)) {
        return false;
      }
      ++p;
    }
    if (p >= end || *p != ' ') return false;
    ++p;
  }
  return false;
}

// The single period at `period` is followed by whitespace and then `next`
// (inside the paragraph [para_begin, para_end)), which can start a sentence.
// Decides from the token before the period.
bool Segmenter::BoundaryAfterPeriod(const char* para_begin,
                                    const char* para_end, const char* period,
                                    const char* next) const {
  const char* tb = period;
  const char* after_hyphen = nullptr;  // after the token's last hyphen
  int n;
  while (tb > para_begin) {
    // (An ASCII byte, most often, is its own character: no decoding. Most
    // are of the token: one test of kBack.)
    const uint8_t kind = kBack.kind[At(tb - 1)];
    if (kind == kTokenByte) {
      --tb;
      continue;
    }
    if (kind == kAsciiSpaceByte) break;
    if (kind == kHyphenByte) {
      if (after_hyphen == nullptr) after_hyphen = tb;
      --tb;
      continue;
    }
    const int32_t c = DecodeBefore(para_begin, tb, &n);
    if (IsSpace(c)) break;
    tb -= n;
  }
  // Drop opening marks and brackets: `(Mr.`, `"Gen.`. (A letter or digit,
  // most often, is neither.)
  while (tb < period && !absl::ascii_isalnum(At(tb))) {
    const int32_t c = Decode(tb, period, &n);
    if (!IsSentenceOpener(c) && !IsQuoteChar(c)) break;
    tb += n;
  }
  if (tb == period) return true;  // a lone "."
  absl::string_view token(tb, static_cast<size_t>(period + 1 - tb));
  // "then-Gov. Bill Clinton", "then-U.S. envoy": a title or dotted acronym
  // after a hyphen is the abbreviation.
  if (after_hyphen != nullptr && after_hyphen > tb &&
      after_hyphen + 1 < period) {
    const absl::string_view last(
        after_hyphen, static_cast<size_t>(period + 1 - after_hyphen));
    if ((MayBeAbbreviation(last) && abbreviations_.contains(last)) ||
        IsDottedAcronym(last)) {
      token = last;
    }
  }
  // After an ambiguous period a quote may open the next sentence; a bracket
  // usually does not ("SACRAMENTO, Calif. (AP)").
  // Nor does a quoted word in lower case: `the U.S. "clearly" needed`.
  // (Read only after an abbreviation or a dotted acronym.)
  auto opener_next = [&] {
    int len;
    const int32_t c = Decode(next, para_end, &len);
    if (!IsSentenceOpener(c) || c == '(' || c == '[') return false;
    const char* q = next + len;
    int32_t after = c;
    while (q < para_end &&
           IsSentenceOpener(after = Decode(q, para_end, &len))) {
      q += len;
    }
    return !((after >= 'a' && after <= 'z') ||
             (after >= 0xDF && after <= 0xFF && after != 0xF7));
  };
  if (MayBeAbbreviation(token) && abbreviations_.contains(token)) {
    if (!final_abbreviations_.contains(token)) return false;
    return opener_next() || StartsWithSentenceStarter(next, para_end);
  }
  // A single-letter initial: "W." in "George W. Bush".
  const int32_t first = Decode(tb, period, &n);
  if (tb + n == period && IsUpper(first)) {
    return StartsWithSentenceStarter(next, para_end);
  }
  if (IsDottedAcronym(token)) {
    return opener_next() || StartsWithSentenceStarter(next, para_end);
  }
  // A list number opening the paragraph: "1. The first point".
  if (tb == para_begin) {
    const char* q = tb;
    while (q < period && absl::ascii_isdigit(At(q))) ++q;
    if (q == period) return false;
  }
  return true;
}

}  // namespace internal
}  // namespace whosaid
