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

absl::StatusOr<ExtractionStats> RunExtraction(DocumentReader* reader,
                                              const Extractor& extractor,
                                              ClaimWriter* writer,
                                              std::ostream* errors) {
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
    s = writer->Write(extraction);
    if (s.code() == absl::StatusCode::kInvalidArgument) {
      Report(errors, origin, s, &stats);
      continue;
    }
    if (!s.ok()) return s;
    ++stats.documents;
    stats.claims += extraction.claims_size();
  }
  absl::Status s = writer->Finish();
  if (!s.ok()) return s;
  return stats;
}

}  // namespace whosaid
