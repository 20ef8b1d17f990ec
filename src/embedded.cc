#include "internal/embedded.h"

namespace whosaid {
namespace internal {

absl::string_view FindEmbeddedFile(absl::string_view name) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (name == f.name) return f.data;
  }
  return absl::string_view();
}

}  // namespace internal
}  // namespace whosaid
