// Fuzzes ParseJson(): any input either fails with a message naming a column,
// or parses to a value whose compact re-serialisation parses again to the
// same serialisation (AppendJson and ParseJson agree).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "internal/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 20)) return 0;  // cap the work per input
  absl::string_view in(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<whosaid::internal::JsonValue> v =
      whosaid::internal::ParseJson(in);
  if (!v.ok()) {
    if (v.status().message().substr(0, 7) != "column ") std::abort();
    return 0;
  }
  std::string once;
  whosaid::internal::AppendJson(*v, &once);
  absl::StatusOr<whosaid::internal::JsonValue> again =
      whosaid::internal::ParseJson(once);
  if (!again.ok()) std::abort();
  std::string twice;
  whosaid::internal::AppendJson(*again, &twice);
  if (once != twice) std::abort();
  // The string writer must always produce parseable JSON, even from junk.
  std::string quoted;
  whosaid::internal::AppendJsonString(in, &quoted);
  if (!whosaid::internal::ParseJson(quoted).ok()) std::abort();
  return 0;
}
