#include "whosaid/proto_json.h"

#include "google/protobuf/util/json_util.h"

namespace whosaid {

absl::StatusOr<std::string> MessageToJson(
    const google::protobuf::Message& message, bool multiline) {
  google::protobuf::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  options.add_whitespace = multiline;
  std::string out;
  auto s = google::protobuf::util::MessageToJsonString(message, &out, options);
  if (!s.ok()) {
    return absl::InternalError("cannot print " + message.GetTypeName() +
                               " as JSON: " + s.ToString());
  }
  // Multiline output ends in a newline; compact output does not. Make both
  // end without one so callers choose.
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

absl::Status JsonToMessage(absl::string_view json,
                           google::protobuf::Message* message,
                           bool ignore_unknown) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = ignore_unknown;
  message->Clear();
  auto s = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message,
      options);
  if (!s.ok()) {
    return absl::InvalidArgumentError("bad " + message->GetTypeName() +
                                      " JSON: " + s.ToString());
  }
  return absl::OkStatus();
}

}  // namespace whosaid
