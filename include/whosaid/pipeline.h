// RunExtraction() is the whole of `whosaid extract` as a library call: it
// streams documents from a DocumentReader through an Extractor into a
// ClaimWriter, one document in memory at a time (a batch of them with several
// jobs), reporting records it has to skip and carrying on. ExtractorPool is
// the part that extracts on several threads, for other loops (ingest).
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

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"
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

// Extracts documents on several threads at once (an Extractor is safe for
// concurrent use): a batch of documents in, their extractions out in the
// same order, as one thread would give them.
//
//   whosaid::ExtractorPool pool(**extractor, /*jobs=*/4);
//   std::vector<const whosaid::v1::Document*> docs = ...;
//   std::vector<whosaid::v1::Extraction> extractions;
//   std::vector<absl::Status> statuses;
//   pool.ExtractAll(docs, &extractions, &statuses,
//                   whosaid::ExtractorPool::Options());
//
// Thread-compatible: one caller at a time.
class ExtractorPool {
 public:
  // `jobs` threads in all, the caller's among them (values below 1 count as
  // 1: no thread is started). `extractor` must outlive the pool.
  ExtractorPool(const Extractor& extractor, int jobs);
  ~ExtractorPool();  // joins the threads
  ExtractorPool(const ExtractorPool&) = delete;
  ExtractorPool& operator=(const ExtractorPool&) = delete;

  int jobs() const { return jobs_; }

  struct Options {
    // Whether each document's text is already valid UTF-8 within the size
    // limit (DocumentReader checks it): it is not checked again. Undefined
    // for a text that would fail the check.
    bool text_checked = false;
    // Whether out[i].document() holds the text (Extractor::Extract) or
    // everything but the text (Extractor::ExtractClaims).
    bool with_text = true;
    // Whether the extractions list their entities.
    bool with_entities = true;
  };

  // For each i: (*statuses)[i] and (*out)[i] as extractor.Extract(*docs[i],
  // ...) would give them (see Options). Both vectors are resized to
  // docs.size(). Returns when all are done.
  void ExtractAll(absl::Span<const v1::Document* const> docs,
                  std::vector<v1::Extraction>* out,
                  std::vector<absl::Status>* statuses, const Options& options);

 private:
  void Work();       // a thread's loop
  void RunShare();   // takes documents of the current batch until none is left

  const Extractor& extractor_;
  const int jobs_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable start_;  // a new batch, or stopping
  std::condition_variable done_;   // a thread finished its share
  uint64_t generation_ = 0;        // batches started (guarded by mu_)
  int busy_ = 0;                   // threads on the current batch (mu_)
  bool stopping_ = false;          // (mu_)
  // The current batch: set before generation_ grows, read by the threads.
  absl::Span<const v1::Document* const> docs_;
  std::vector<v1::Extraction>* out_ = nullptr;
  std::vector<absl::Status>* statuses_ = nullptr;
  Options options_;
  std::atomic<size_t> next_{0};
};

// A batch of documents read for an ExtractorPool (RunExtraction, ingest):
// at most this many documents, and no more text than this once it holds one.
inline constexpr size_t kExtractBatchDocuments = 64;
inline constexpr size_t kExtractBatchBytes = 8 << 20;

// Reads every record of `reader`, extracts the claims of each document and
// writes them with `writer`, then calls writer->Finish().
//
// With `jobs` above 1, documents are read in batches (up to 64 documents or
// 8 MB of text) and extracted on that many threads; the output, the error
// lines and the counts are the same as with one, in the same order.
//
// A record that cannot be read, extracted or written is skipped: one line
// "path:line: message" goes to `*errors` and stats.skipped grows. Returns
// the counts, or the writer's error (kDataLoss: the output failed) when the
// run cannot go on; the output is then incomplete.
// REQUIRES: all pointers non-null; reader and writer are not shared.
absl::StatusOr<ExtractionStats> RunExtraction(DocumentReader* reader,
                                              const Extractor& extractor,
                                              ClaimWriter* writer,
                                              std::ostream* errors,
                                              int jobs = 1);

}  // namespace whosaid

#endif  // WHOSAID_PIPELINE_H_
