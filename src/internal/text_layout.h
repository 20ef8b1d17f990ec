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

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace whosaid {
namespace internal {

// A half-open byte range [begin, end).
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A quoted span. Marks recognised: straight " and curly “ ” (U+201C/D),
// guillemets « » (U+00AB/BB, either direction), low „ (U+201E) closed by “ or
// ”, ‟ (U+201F), double prime ″ (U+2033), and `` '' (LaTeX style). Single
// quotes are not quote marks here (they clash with apostrophes).
struct Quote {
  uint32_t open = 0;       // offset of the opening mark
  uint32_t begin = 0;      // first byte after the opening mark
  uint32_t end = 0;        // offset of the closing mark; for an unclosed
                           // quote, the end of its paragraph (trailing
                           // whitespace excluded)
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
  std::vector<Range> paragraphs;   // non-empty lines or blank-line blocks
  std::vector<Sentence> sentences; // in order, inside paragraphs
  std::vector<Quote> quotes;       // in order of `open`

  void Clear() {
    paragraphs.clear();
    sentences.clear();
    quotes.clear();
  }
};

// Returns OK if `text` is valid UTF-8 (no overlongs, surrogates or code
// points above U+10FFFF). Otherwise kInvalidArgument naming the byte offset
// of the first bad byte: "invalid UTF-8 at byte 1234". NUL bytes are valid
// UTF-8 but rejected too: "NUL byte at byte 17".
absl::Status ValidateUtf8(absl::string_view text);

class Segmenter {
 public:
  // `abbreviations` are tokens that end in a period without ending a
  // sentence ("Mr.", "Sen.", "U.S.", "Jan."), compared case-sensitively with
  // the period. Copied.
  explicit Segmenter(const absl::flat_hash_set<std::string>& abbreviations);

  // Fills `out` (cleared first). Works on any bytes, valid UTF-8 or not,
  // in time linear in text.size().
  void Segment(absl::string_view text, TextLayout* out) const;

 private:
  absl::flat_hash_set<std::string> abbreviations_;
};

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_TEXT_LAYOUT_H_
