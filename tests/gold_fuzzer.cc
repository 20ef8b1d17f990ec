// Fuzzes the gold line parser (ParseGoldLine), and for every line it
// accepts, the writer and the evaluator: GoldToJsonLine() must read back to
// the same document, and the document scored against itself must be
// accepted and score every gold quote.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "absl/strings/string_view.h"
#include "whosaid/evaluator.h"
#include "whosaid/gold.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Bound the work: real gold lines are long, but the parser is linear.
  if (size > 64 * 1024) return 0;
  absl::string_view line(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<whosaid::GoldDocument> doc = whosaid::ParseGoldLine(line);
  if (!doc.ok()) {
    if (doc.status().message().empty()) std::abort();
    return 0;
  }
  absl::StatusOr<whosaid::GoldDocument> back =
      whosaid::ParseGoldLine(whosaid::GoldToJsonLine(*doc));
  if (!back.ok() || !(*back == *doc)) std::abort();

  static const whosaid::SpeechCues* cues = [] {
    absl::StatusOr<whosaid::SpeechCues> c = whosaid::SpeechCues::Builtin();
    if (!c.ok()) std::abort();
    return new whosaid::SpeechCues(*std::move(c));
  }();
  whosaid::EvaluatorOptions options;
  options.max_examples = 2;
  whosaid::Evaluator evaluator(cues, options);
  if (!evaluator.Add(*doc, whosaid::ExtractionFromGold(*doc)).ok()) {
    std::abort();
  }
  const whosaid::DatasetScores s = evaluator.Scores()[0];
  if (s.content.gold != static_cast<int64_t>(doc->quotes.size())) std::abort();
  whosaid::FormatErrors(evaluator.Scores(), whosaid::ReportFormat::kText);
  return 0;
}
