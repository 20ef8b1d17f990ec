#include "whosaid/pipeline.h"

#include <string>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace whosaid {

namespace {

void Report(std::ostream* errors, absl::string_view origin,
            const absl::Status& s, ExtractionStats* stats) {
  ++stats->skipped;
  // Reader errors already start with their place; others get the origin.
  if (absl::StartsWith(s.message(), origin)) {
    *errors << s.message() << "\n";
  } else {
    *errors << origin << ": " << s.message() << "\n";
  }
}

}  // namespace

ExtractorPool::ExtractorPool(const Extractor& extractor, int jobs)
    : extractor_(extractor), jobs_(jobs < 1 ? 1 : jobs) {
  for (int i = 1; i < jobs_; ++i) threads_.emplace_back([this] { Work(); });
}

ExtractorPool::~ExtractorPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  start_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void ExtractorPool::RunShare() {
  for (size_t i = next_.fetch_add(1); i < docs_.size(); i = next_.fetch_add(1)) {
    const v1::Document& doc = *docs_[i];
    v1::Extraction* out = &(*out_)[i];
    absl::Status s =
        extractor_.ExtractClaims(doc, out, options_.text_checked, options_.with_entities);
    if (s.ok() && options_.with_text) out->mutable_document()->set_text(doc.text());
    (*statuses_)[i] = std::move(s);
  }
}

void ExtractorPool::Work() {
  uint64_t seen = 0;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      start_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    RunShare();
    {
      std::lock_guard<std::mutex> lock(mu_);
      --busy_;
    }
    done_.notify_one();
  }
}

void ExtractorPool::ExtractAll(absl::Span<const v1::Document* const> docs,
                               std::vector<v1::Extraction>* out,
                               std::vector<absl::Status>* statuses,
                               const Options& options) {
  out->resize(docs.size());
  statuses->assign(docs.size(), absl::OkStatus());
  docs_ = docs;
  out_ = out;
  statuses_ = statuses;
  options_ = options;
  next_.store(0);
  if (!threads_.empty() && docs.size() > 1) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      busy_ = static_cast<int>(threads_.size());
      ++generation_;
    }
    start_.notify_all();
    RunShare();
    std::unique_lock<std::mutex> lock(mu_);
    done_.wait(lock, [&] { return busy_ == 0; });
  } else {
    RunShare();
  }
  docs_ = {};
  out_ = nullptr;
  statuses_ = nullptr;
}

namespace {

// Writes one extracted document (or reports it), as RunExtraction() does.
// Returns false with *fatal set when the output failed.
bool WriteOne(ClaimWriter* writer, std::ostream* errors,
              const std::string& origin, v1::Extraction* extraction,
              ExtractionStats* stats, absl::Status* fatal) {
  absl::Status s = writer->Write(*extraction);
  if (s.code() == absl::StatusCode::kInvalidArgument) {
    Report(errors, origin, s, stats);
    return true;
  }
  if (!s.ok()) {
    *fatal = s;
    return false;
  }
  ++stats->documents;
  stats->claims += extraction->claims_size();
  return true;
}

absl::StatusOr<ExtractionStats> RunInBatches(DocumentReader* reader,
                                             const Extractor& extractor,
                                             ClaimWriter* writer,
                                             std::ostream* errors, int jobs) {
  ExtractionStats stats;
  ExtractorPool pool(extractor, jobs);
  ExtractorPool::Options options;
  options.text_checked = true;
  options.with_text = false;
  options.with_entities = writer->WritesEntities();
  // A record of the batch: a document, or the error that took its place.
  struct Record {
    v1::Document doc;
    std::string origin;
    absl::Status error;
  };
  std::vector<Record> batch(kExtractBatchDocuments);
  std::vector<const v1::Document*> docs;
  std::vector<size_t> doc_record;  // docs[k] is batch[doc_record[k]].doc
  std::vector<v1::Extraction> extractions;
  std::vector<absl::Status> statuses;
  bool more = true;
  while (more) {
    size_t n = 0, bytes = 0;
    docs.clear();
    doc_record.clear();
    while (n < kExtractBatchDocuments && bytes < kExtractBatchBytes) {
      Record& r = batch[n];
      r.error = absl::OkStatus();
      if (!reader->Next(&r.doc, &r.origin, &r.error)) {
        more = false;
        break;
      }
      if (r.error.ok()) {
        docs.push_back(&r.doc);
        doc_record.push_back(n);
        bytes += r.doc.text().size();
      }
      ++n;
    }
    pool.ExtractAll(docs, &extractions, &statuses, options);
    // In reading order: the errors and documents as one thread gives them.
    size_t k = 0;
    for (size_t i = 0; i < n; ++i) {
      Record& r = batch[i];
      if (!r.error.ok()) {
        Report(errors, r.origin, r.error, &stats);
        continue;
      }
      if (!statuses[k].ok()) {
        Report(errors, r.origin, statuses[k], &stats);
        ++k;
        continue;
      }
      v1::Extraction& x = extractions[k++];
      *x.mutable_document() = std::move(r.doc);
      absl::Status fatal;
      if (!WriteOne(writer, errors, r.origin, &x, &stats, &fatal)) return fatal;
    }
  }
  absl::Status s = writer->Finish();
  if (!s.ok()) return s;
  return stats;
}

}  // namespace

absl::StatusOr<ExtractionStats> RunExtraction(DocumentReader* reader,
                                              const Extractor& extractor,
                                              ClaimWriter* writer,
                                              std::ostream* errors, int jobs) {
  if (jobs > 1) return RunInBatches(reader, extractor, writer, errors, jobs);
  ExtractionStats stats;
  v1::Document doc;
  v1::Extraction extraction;
  std::string origin;
  absl::Status error;
  while (reader->Next(&doc, &origin, &error)) {
    if (!error.ok()) {
      Report(errors, origin, error, &stats);
      continue;
    }
    // ExtractClaims() does not copy the text; the document (text and all)
    // is then moved into the extraction for writers that quote it. The
    // reader has checked the text already.
    absl::Status s = extractor.ExtractClaims(doc, &extraction, /*text_checked=*/true,
                                             writer->WritesEntities());
    if (!s.ok()) {
      Report(errors, origin, s, &stats);
      continue;
    }
    *extraction.mutable_document() = std::move(doc);
    absl::Status fatal;
    if (!WriteOne(writer, errors, origin, &extraction, &stats, &fatal)) return fatal;
  }
  absl::Status s = writer->Finish();
  if (!s.ok()) return s;
  return stats;
}

}  // namespace whosaid
