// ClaimWriter writes the results of extraction (v1::Extraction: a document,
// its claims and their entities) to a stream, one extraction per call, in one
// of several formats. Nothing is buffered across calls except what the
// format needs to stay well formed (the closing "]" of `json`).
//
//   auto writer = whosaid::ClaimWriter::Create("jsonl", &std::cout);
//   if (!writer.ok()) return writer.status();   // unknown format
//   for (const v1::Extraction& e : results) {
//     absl::Status s = (*writer)->Write(e);
//     if (!s.ok()) return s;
//   }
//   absl::Status s = (*writer)->Finish();      // always call it
//
// Formats (ClaimWriter::Formats() lists them)
//   text         who said what, for people: a header line per document, then
//                one block per claim: speaker, cue, stance, kind, addressee,
//                "via" intermediary, the quoted content wrapped at 100
//                columns, and its byte span(s). Plain ASCII layout.
//   jsonl        one Claim per line, protobuf JSON mapping with proto field
//                names (see proto_json.h). Documents without claims write
//                nothing.
//   json         one JSON array; one element per document:
//                {"document": {...no text...}, "claims": [...],
//                 "entities": [...]}. Finish() writes the closing bracket.
//   textproto    Extraction messages in protobuf text format, each followed
//                by a line "# ---".
//   pb           length-delimited Claim records (varint size, message), as
//                protobuf's writeDelimitedTo / ParseDelimitedFromCodedStream.
//   annotations  the gold format (see whosaid/gold.h and the gold README):
//                one JSON line per document with "id", "source", "text" and
//                "quotes" (code-point and byte spans, speaker, cue, kind,
//                stance, addressee_canonical, reported_via).
//
// Errors. Write() returns kInvalidArgument when an extraction cannot be
// written as the format requires (annotations: a span outside the text);
// nothing is written for it and the writer stays usable. It returns
// kDataLoss when the stream fails (disk full, closed pipe); the writer is
// then unusable.
//
// Thread-safety: a ClaimWriter is used by one thread at a time. The stream
// must outlive the writer and must not be written by anyone else meanwhile.
#ifndef WHOSAID_CLAIM_WRITER_H_
#define WHOSAID_CLAIM_WRITER_H_

#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {

class ClaimWriter {
 public:
  // Returns a writer for `format` (one of Formats()) writing to `*out`,
  // which it does not own. kInvalidArgument naming the valid formats if the
  // format is unknown. REQUIRES: out != nullptr.
  static absl::StatusOr<std::unique_ptr<ClaimWriter>> Create(
      absl::string_view format, std::ostream* out);

  // The same, writing to a C stream (stdout, a file from fopen). The writer
  // does not own or close `file`; Finish() flushes it. Write errors (ferror,
  // short writes) are reported as kDataLoss. REQUIRES: file != nullptr.
  static absl::StatusOr<std::unique_ptr<ClaimWriter>> Create(
      absl::string_view format, FILE* file);

  // The format names Create() accepts, in the order help text lists them.
  static const std::vector<std::string>& Formats();

  virtual ~ClaimWriter() = default;

  // Writes one extraction (see the class comment for errors). The `text`
  // and `annotations` formats need extraction.document().text() to quote and
  // to count code points; the others do not read it.
  virtual absl::Status Write(const v1::Extraction& extraction) = 0;

  // Completes the output (closes the `json` array) and flushes the stream.
  // Call once, after the last Write(). kDataLoss if the stream failed.
  virtual absl::Status Finish() = 0;

  // Whether Write() reads extraction.entities(): false for the formats that
  // write claims alone (jsonl, pb), whose callers may leave them out
  // (RunExtraction() asks the extractor not to gather them).
  virtual bool WritesEntities() const { return true; }

 protected:
  ClaimWriter() = default;
};

// FormatClaimText()
//
// The `text` format's block for one claim of `extraction`, as the text
// writer prints it (exposed for tests and for tools that print single
// claims). `text` is the document text the claim's spans index into; it may
// be empty, in which case the content is taken from claim.content().
std::string FormatClaimText(const v1::Claim& claim, absl::string_view text);

}  // namespace whosaid

#endif  // WHOSAID_CLAIM_WRITER_H_
