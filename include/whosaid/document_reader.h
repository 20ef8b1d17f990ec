// DocumentReader streams whosaid.v1.Document records out of the inputs a user
// names on the command line, one document at a time: memory holds one record,
// not the input.
//
//   auto reader = whosaid::DocumentReader::Open({"articles/", "more.jsonl"});
//   if (!reader.ok()) return reader.status();
//   whosaid::v1::Document doc;
//   std::string origin;
//   absl::Status error;
//   while ((*reader)->Next(&doc, &origin, &error)) {
//     if (!error.ok()) {             // a skipped record: report, carry on
//       std::cerr << error.message() << "\n";   // "a.jsonl:2: ..."
//       continue;
//     }
//     Process(doc);                  // origin == "more.jsonl:7"
//   }
//
// Inputs
//   FILE       read as one of the formats below
//   DIRECTORY  every regular file below it, recursively, in byte order of
//              path; names starting with '.' (files and directories) skipped
//   -          standard input (JSONL if its first non-space byte is '{',
//              else one plain-text document with id "stdin")
//
// Formats, chosen by extension, else by content
//   .jsonl .json  JSON Lines: one object per line, blank lines skipped.
//                 Required: "id" (string or integer), "text" (string).
//                 Optional: "url", "title", "outlet", "published" (RFC 3339
//                 time or YYYY-MM-DD date, UTC), "language". The gold files'
//                 "meta" object is read too: meta.title, meta.publisher
//                 (outlet), meta.publication_date, meta.url, when the
//                 top-level field is absent. Every other field is ignored.
//                 Pretty-printed (multi-line) JSON is not JSON Lines: a
//                 first line holding only '{' or '[' ends that file with
//                 one error.
//   .pb           delimited whosaid.v1.Document records: varint length, then
//                 the serialized message (protobuf's writeDelimitedTo).
//   other         if the first non-space byte is '{', JSON Lines; otherwise
//                 one plain-text article: id = file name without extension,
//                 text = the whole file (a UTF-8 byte order mark is dropped).
// Documents without a language get "en".
//
// Errors
// Errors belong to one record and never end the stream. Each is an
// absl::Status whose message starts with the place: "a.jsonl:3: expected a
// JSON object", "b.txt: invalid UTF-8 at byte 1234", "c.pb:record 5:
// truncated or corrupt record; rest of file skipped". Codes: kNotFound (no such
// input), kPermissionDenied / kUnavailable (cannot open or read),
// kInvalidArgument (a malformed record), kDataLoss (a corrupt .pb file),
// kResourceExhausted (a record larger than max_record_bytes). Document text
// must be valid UTF-8 without NUL bytes; other records are skipped.
//
// Thread-safety: a DocumentReader is used by one thread at a time.
#ifndef WHOSAID_DOCUMENT_READER_H_
#define WHOSAID_DOCUMENT_READER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {

struct DocumentReaderOptions {
  // A record (a JSONL line, a text file, a .pb record) longer than this is
  // skipped with kResourceExhausted. Default: 256 MiB.
  size_t max_record_bytes = size_t{256} << 20;
};

class DocumentReader {
 public:
  // Prepares to read `inputs` in order (file paths, directory paths, or "-"
  // for standard input). Nothing is opened yet: a missing or unreadable
  // input is reported by Next() when its turn comes, so earlier inputs are
  // still read. Returns kInvalidArgument if `inputs` is empty or names "-"
  // more than once.
  static absl::StatusOr<std::unique_ptr<DocumentReader>> Open(
      std::vector<std::string> inputs,
      const DocumentReaderOptions& options = DocumentReaderOptions());

  ~DocumentReader();
  // Not copyable: it owns open files.
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Reads the next record.
  // Returns false when every input is exhausted; the outputs are untouched.
  // Returns true otherwise, with *origin set to where the record came from
  // ("path:line" for JSONL, "path" for text, "path:record N" for .pb;
  // standard input is "<stdin>"), and either
  //   - *error OK and *doc filled (cleared first), or
  //   - *error set to why the record was skipped; *doc untouched.
  // REQUIRES: doc, origin and error are non-null.
  bool Next(v1::Document* doc, std::string* origin, absl::Status* error);

  // Counts so far: documents returned, and records skipped with an error.
  int64_t documents() const;
  int64_t errors() const;

 private:
  class Impl;
  explicit DocumentReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Parses one JSONL line into `*doc` (cleared first), as DocumentReader does.
// Errors are kInvalidArgument without a location prefix ("missing \"text\"",
// "column 12: expected ':' after object key"); the caller adds "path:line: ".
absl::Status ParseJsonDocument(absl::string_view line, v1::Document* doc);

// Parses the "published" forms DocumentReader accepts: RFC 3339
// ("2016-09-19T14:03:00Z", "...+02:00", fractional seconds allowed),
// "YYYY-MM-DDTHH:MM:SS" (taken as UTC) and "YYYY-MM-DD" (midnight UTC).
// Returns kInvalidArgument naming the value otherwise.
absl::Status ParsePublished(absl::string_view value,
                            google::protobuf::Timestamp* out);

// Checks that `text` is valid UTF-8 without NUL bytes. Otherwise
// kInvalidArgument: "invalid UTF-8 at byte N" or "NUL byte at byte N"
// (0-based byte offset into `text`).
absl::Status CheckDocumentText(absl::string_view text);

}  // namespace whosaid

#endif  // WHOSAID_DOCUMENT_READER_H_
