// Fuzzes the normalisation stage: ValidateUtf8, ParseAbbreviations (inputs
// starting with '#') and Segmenter::Segment on any bytes, checking the layout
// invariants the engine relies on (paragraphs, sentences and quotes ordered,
// non-overlapping and inside the text and their paragraph). Any violation
// aborts, which libFuzzer and the replay main both report.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/string_view.h"
#include "internal/embedded.h"
#include "internal/text_layout.h"

namespace {

using whosaid::internal::Quote;
using whosaid::internal::Range;
using whosaid::internal::Sentence;
using whosaid::internal::TextLayout;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
  }
}

const whosaid::internal::Segmenter& FuzzSegmenter() {
  static const whosaid::internal::Segmenter* const kSegmenter = [] {
    auto abbreviations = whosaid::internal::ParseAbbreviations(
        whosaid::internal::FindEmbeddedFile("abbreviations.tsv"),
        "abbreviations.tsv");
    Check(abbreviations.ok(), "embedded abbreviations parse");
    return new whosaid::internal::Segmenter(*abbreviations);
  }();
  return *kSegmenter;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 20)) return 0;  // linear anyway; keep runs quick
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  (void)whosaid::internal::ValidateUtf8(text);

  TextLayout layout;
  if (!text.empty() && text[0] == '#') {
    // Input that starts like a lexicon file: parse it as the abbreviation
    // lexicon and, if it parses, segment the same bytes with it.
    auto parsed = whosaid::internal::ParseAbbreviations(text, "fuzz.txt");
    if (parsed.ok()) {
      for (const std::string& a : parsed->all) {
        Check(!a.empty() && a.back() == '.', "entries end in a period");
      }
      for (const std::string& a : parsed->sentence_final) {
        Check(parsed->all.contains(a), "final entries are entries");
      }
      whosaid::internal::Segmenter(*parsed).Segment(text, &layout);
    } else {
      Check(parsed.status().message().substr(0, 9) == "fuzz.txt:",
            "lexicon errors name the file");
      FuzzSegmenter().Segment(text, &layout);
    }
  } else {
    FuzzSegmenter().Segment(text, &layout);
  }

  uint32_t prev = 0;
  for (const Range& p : layout.paragraphs) {
    Check(p.begin < p.end, "paragraph non-empty");
    Check(p.end <= size, "paragraph inside text");
    Check(prev <= p.begin, "paragraphs ordered");
    prev = p.end;
  }
  const int paragraphs = static_cast<int>(layout.paragraphs.size());
  prev = 0;
  int prev_paragraph = 0;
  for (const Sentence& s : layout.sentences) {
    Check(s.paragraph >= prev_paragraph && s.paragraph < paragraphs,
          "sentence paragraph index");
    const Range& p = layout.paragraphs[s.paragraph];
    Check(s.begin < s.end, "sentence non-empty");
    Check(p.begin <= s.begin && s.end <= p.end, "sentence inside paragraph");
    Check(prev <= s.begin, "sentences ordered, not overlapping");
    prev = s.end;
    prev_paragraph = s.paragraph;
  }
  Check(layout.sentences.size() >= layout.paragraphs.size(),
        "every paragraph has a sentence");
  prev = 0;
  for (const Quote& q : layout.quotes) {
    Check(q.paragraph >= 0 && q.paragraph < paragraphs, "quote paragraph");
    const Range& p = layout.paragraphs[q.paragraph];
    Check(prev <= q.open, "quotes ordered, not overlapping");
    Check(p.begin <= q.open && q.open < q.begin, "quote opens in paragraph");
    Check(q.begin <= q.end && q.end <= q.close_end, "quote bounds ordered");
    Check(q.close_end <= p.end, "quote inside paragraph");
    Check(q.closed || q.end == q.close_end, "unclosed quote has no mark");
    Check(!q.continues || !q.closed, "only unclosed quotes continue");
    prev = q.close_end;
  }
  return 0;
}
