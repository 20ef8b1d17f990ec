// Normalisation: the first stage of the engine. Validates UTF-8 and finds the
// paragraphs, sentences and quoted spans of an article. Every offset is a byte
// offset into the original text; nothing is copied or rewritten.
//
//   Segmenter segmenter(abbreviations);   // once, at start-up
//   TextLayout layout;
//   segmenter.Segment(text, &layout);     // per document
//
// A Segmenter is immutable and safe for concurrent use.
#ifndef WHOSAID_INTERNAL_TEXT_LAYOUT_H_
#define WHOSAID_INTERNAL_TEXT_LAYOUT_H_

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace whosaid {
namespace internal {

// A half-open byte range [begin, end).
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// How marks pair (see text_layout.cc for the details): each mark is judged
// by its context first (an opener follows start / space / bracket / dash and
// precedes a non-space; a closer follows a non-space and precedes space,
// punctuation or the end), then by its shape (“ „ ‟ `` « open, ” '' » close),
// then by alternation (straight " and ″). An opening mark pairs with the next
// closing mark of any style in the same paragraph, so “war of aggression"
// is one quote. A closing mark with no quote open is ignored.
//
// A quoted span. Marks recognised: straight " and curly “ ” (U+201C/D),
// guillemets « » (U+00AB/BB, either direction), low „ (U+201E) closed by “ or
// ”, ‟ (U+201F), double prime ″ (U+2033), and `` '' (LaTeX style). Single
// quotes are not quote marks here (they clash with apostrophes).
struct Quote {
  uint32_t open = 0;       // offset of the opening mark
  uint32_t begin = 0;      // first byte after the opening mark
  uint32_t end = 0;        // offset of the closing mark; for an unclosed
                           // quote, the end of its paragraph (trailing
                           // whitespace excluded), or, when a new opening
                           // mark restarts quoting before any close, the
                           // end of the text before that mark. Quotes never
                           // overlap and never nest.
  uint32_t close_end = 0;  // first byte after the closing mark (== end if
                           // unclosed)
  bool closed = false;
  // The quote is one paragraph of a multi-paragraph quotation: it is unclosed
  // and the next paragraph opens with a quote mark, which continues it.
  bool continues = false;
  int paragraph = 0;  // index into TextLayout::paragraphs
};

struct Sentence {
  uint32_t begin = 0;  // first non-space byte
  uint32_t end = 0;    // one past the final punctuation (and closing marks)
  int paragraph = 0;
};

struct TextLayout {
  std::vector<Range> paragraphs;    // one per non-blank line, trimmed
  std::vector<Sentence> sentences;  // in order, inside paragraphs
  std::vector<Quote> quotes;        // in order of `open`
  // The text is hard-wrapped (a book's fixed-width lines): a single line
  // break is a space and paragraphs end at blank lines.
  bool hard_wrapped = false;
  // Dialogue is in single quotation marks (‘...’ or '...'): lines open with
  // them and never with double marks.
  bool single_quotes = false;
  // Where the text has a Unicode space between words (U+00A0 no-break,
  // U+2000..U+200B, U+202F, U+205F), in order: the extractor reads them
  // as ASCII spaces.
  std::vector<uint32_t> unicode_spaces;

  void Clear() {
    paragraphs.clear();
    sentences.clear();
    quotes.clear();
    unicode_spaces.clear();
    hard_wrapped = false;
    single_quotes = false;
  }
};

// The quote of `layout` whose text begins at `begin` (the first byte after
// its opening mark), or layout.quotes.end().
std::vector<Quote>::const_iterator QuoteAt(const TextLayout& layout,
                                           uint32_t begin);

// Whether `s` is made of quote-like characters only, one or more: straight
// and curly double and single marks, low and reversed marks, guillemets,
// primes, backticks (the characters the segmenter reads as quotation marks
// or as their context).
bool AllQuoteChars(absl::string_view s);

// The abbreviation lexicon (seeds/lexicons/abbreviations.tsv): one
// abbreviation per line with its period(s), optionally followed by a tab and
// `final` when it often ends a sentence ("U.S.\tfinal"); '#' starts a
// comment.
struct Abbreviations {
  absl::flat_hash_set<std::string> all;             // "Mr.", "U.S.", ...
  absl::flat_hash_set<std::string> sentence_final;  // subset: "U.S.", ...
};

// Parses the lexicon text. Returns kInvalidArgument naming
// "file_name:line: message" for an entry without a final period, an unknown
// second field, or invalid UTF-8.
absl::StatusOr<Abbreviations> ParseAbbreviations(absl::string_view text,
                                                 absl::string_view file_name);

// Returns OK if `text` is valid UTF-8 (no overlongs, surrogates or code
// points above U+10FFFF). Otherwise kInvalidArgument naming the byte offset
// of the first bad byte: "invalid UTF-8 at byte 1234". NUL bytes are valid
// UTF-8 but rejected too: "NUL byte at byte 17".
absl::Status ValidateUtf8(absl::string_view text);

// The first offset from `i` on of a byte above 0x7F in `text`, or
// text.size(): for scans that look only at such bytes, which most of a news
// text has none of. (Sixteen bytes at a time where SSE2 is there, the last
// load the text's last sixteen bytes with those before `i` shifted out: a
// scan that resumes after each such byte reads no byte a round.)
inline size_t NextNonAscii(absl::string_view text, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
#if defined(__SSE2__)
  if (n >= 16) {
    while (i < n) {
      const size_t at = std::min(i, n - 16);
      const uint32_t high =
          static_cast<uint32_t>(_mm_movemask_epi8(
              _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)))) >>
          (i - at);
      if (high != 0) return i + static_cast<size_t>(__builtin_ctz(high));
      i = at + 16;
    }
    return n;
  }
#endif
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

class Segmenter {
 public:
  // `abbreviations` are tokens that end in a period without ending a
  // sentence ("Mr.", "Sen.", "U.S.", "Jan."), compared case-sensitively with
  // the period. Those also in `sentence_final` commonly end a sentence:
  // after one a boundary is made only when the next word is a common
  // sentence starter or an opening quote ("the U.S. The president" splits,
  // "the U.S. Senate" does not). Other abbreviations never end a sentence.
  // Both sets are copied. For convenience an entry of `abbreviations` may
  // also be written "U.S. final" (a lexicon line with its flag).
  //
  // Sentence rules (within a paragraph): a sentence ends after a run of
  // . ! ? … and any closing marks ” " ’ ' » ) ] }, when whitespace follows
  // and then an uppercase letter, digit, opening quote mark or bracket.
  // A single "." does not end one after an abbreviation as above, after a
  // single-letter initial or dotted acronym not in the list ("George W.
  // Bush", "J.K. Rowling"; these count as "final" ones), or after a number
  // that opens the paragraph ("1. The"). An ellipsis ends one only before a
  // sentence starter. Decimals, URLs and `?" he said` never split because
  // no whitespace + uppercase follows; nor does `?" Trump said.` (after ? or
  // ! and a closing quote, capitalised words then a lowercase word read as
  // the quote's speech tag).
  Segmenter(const absl::flat_hash_set<std::string>& abbreviations,
            const absl::flat_hash_set<std::string>& sentence_final);
  explicit Segmenter(const absl::flat_hash_set<std::string>& abbreviations);
  explicit Segmenter(const Abbreviations& abbreviations)
      : Segmenter(abbreviations.all, abbreviations.sentence_final) {}

  // Fills `out` (cleared first). Works on any bytes, valid UTF-8 or not,
  // in time linear in text.size(). Paragraphs are split at \n, \r, U+0085,
  // U+2028 and U+2029; a paragraph holding only whitespace (ASCII or Unicode
  // spaces, BOM) is dropped. Hard-wrapped text (most lines that run on into
  // a next line are 30 to 80 characters long, as in a book at a fixed
  // width) is the exception: there a single line break is a space and only
  // a blank line ends a paragraph. Text beyond 4 GiB - 1 bytes (not addressable by
  // the 32-bit offsets) is ignored.
  void Segment(absl::string_view text, TextLayout* out) const;

 private:
  const char* ScanParagraph(const char* base, const char* pb, const char* end,
                            int index, TextLayout* out) const;
  const char* OnTerminator(const char* base, const char* pb, const char* end,
                           const char* p, int index, const char** start,
                           TextLayout* out) const;
  bool LooksLikeSpeechTag(const char* p, const char* end) const;
  bool BoundaryAfterPeriod(const char* para_begin, const char* para_end,
                           const char* period, const char* next) const;

  // Whether `token` may be one of abbreviations_, told by its length (up
  // to 15 bytes; longer ones as 15) and first byte: most words before a
  // period ("said.", "year.") are told here, not hashed for the set.
  bool MayBeAbbreviation(absl::string_view token) const {
    return !token.empty() && abbreviation_shapes_[ShapeOf(token)];
  }
  static size_t ShapeOf(absl::string_view token) {
    return std::min<size_t>(token.size(), 15) * 256 +
           static_cast<unsigned char>(token[0]);
  }
  // (After every insertion into abbreviations_.)
  void NoteShapes();

  absl::flat_hash_set<std::string> abbreviations_;
  absl::flat_hash_set<std::string> final_abbreviations_;  // subset
  std::bitset<16 * 256> abbreviation_shapes_;  // see MayBeAbbreviation()
};

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_TEXT_LAYOUT_H_
