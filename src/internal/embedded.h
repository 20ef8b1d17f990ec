// Data files compiled into the library (the lexicons in seeds/lexicons/).
#ifndef WHOSAID_INTERNAL_EMBEDDED_H_
#define WHOSAID_INTERNAL_EMBEDDED_H_

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace whosaid {
namespace internal {

struct EmbeddedFile {
  const char* name;        // file name without directory: "verbs.tsv"
  absl::string_view data;  // static storage, never freed
};

// All embedded files, in build order.
absl::Span<const EmbeddedFile> EmbeddedFiles();

// The contents of the embedded file `name`, or an empty view if none.
absl::string_view FindEmbeddedFile(absl::string_view name);

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_EMBEDDED_H_
