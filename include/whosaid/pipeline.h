// RunExtraction() is the whole of `whosaid extract` as a library call: it
// streams documents from a DocumentReader through an Extractor into a
// ClaimWriter, one document in memory at a time, reporting records it has to
// skip and carrying on.
//
//   auto reader = whosaid::DocumentReader::Open({"articles/"});
//   auto extractor = whosaid::Extractor::Create(whosaid::ExtractorOptions());
//   auto writer = whosaid::ClaimWriter::Create("jsonl", &std::cout);
//   // (check each .ok())
//   absl::StatusOr<whosaid::ExtractionStats> stats = whosaid::RunExtraction(
//       reader->get(), **extractor, writer->get(), &std::cerr);
//   if (!stats.ok()) return 2;              // output failed: run stopped
//   return stats->skipped > 0 ? 1 : 0;
#ifndef WHOSAID_PIPELINE_H_
#define WHOSAID_PIPELINE_H_

#include <cstdint>
#include <ostream>

#include "absl/status/statusor.h"
#include "whosaid/claim_writer.h"
#include "whosaid/document_reader.h"
#include "whosaid/extractor.h"

namespace whosaid {

struct ExtractionStats {
  int64_t documents = 0;  // documents read, extracted and written
  int64_t claims = 0;     // claims written
  int64_t skipped = 0;    // records skipped: unreadable input, malformed
                          // record, rejected by the extractor or the writer
};

// Reads every record of `reader`, extracts the claims of each document and
// writes them with `writer`, then calls writer->Finish().
//
// A record that cannot be read, extracted or written is skipped: one line
// "path:line: message" goes to `*errors` and stats.skipped grows. Returns
// the counts, or the writer's error (kDataLoss: the output failed) when the
// run cannot go on; the output is then incomplete.
// REQUIRES: all pointers non-null; reader and writer are not shared.
absl::StatusOr<ExtractionStats> RunExtraction(DocumentReader* reader,
                                              const Extractor& extractor,
                                              ClaimWriter* writer,
                                              std::ostream* errors);

}  // namespace whosaid

#endif  // WHOSAID_PIPELINE_H_
