// The one place whosaid converts protobuf messages to and from JSON. Every
// tool and file format that speaks JSON (extract --format=jsonl/json, store
// queries, JSON inputs) goes through these two functions, so the options are
// set once: field names as in the .proto file ("document_id", not
// "documentId"), enums by name, unknown fields rejected for our own files.
//
//   absl::StatusOr<std::string> json = whosaid::MessageToJson(claim);
//   // {"id":"c1","document_id":"a1","kind":"CLAIM_KIND_DIRECT",...}
//   whosaid::v1::Claim back;
//   absl::Status s = whosaid::JsonToMessage(*json, &back);
//
// Both functions are thread-safe (they keep no state).
#ifndef WHOSAID_PROTO_JSON_H_
#define WHOSAID_PROTO_JSON_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace whosaid {

// MessageToJson()
//
// Returns `message` in protobuf's canonical JSON mapping with proto field
// names preserved. Fields holding their default value are omitted (proto3
// JSON rules). `multiline`: indented, one field per line, for people;
// otherwise one compact line with no trailing newline (JSONL-ready).
// Fails with kInternal only if protobuf cannot print the message (e.g. a
// Timestamp out of the range JSON can express).
absl::StatusOr<std::string> MessageToJson(
    const google::protobuf::Message& message, bool multiline = false);

// JsonToMessage()
//
// Parses `json` (one JSON object in protobuf's JSON mapping; proto field
// names and lowerCamelCase names are both accepted) into `*message`, which
// is cleared first. Unknown fields are an error unless `ignore_unknown`.
// Returns kInvalidArgument with protobuf's description of the problem;
// `*message` is then in an unspecified state.
absl::Status JsonToMessage(absl::string_view json,
                           google::protobuf::Message* message,
                           bool ignore_unknown = false);

}  // namespace whosaid

#endif  // WHOSAID_PROTO_JSON_H_
