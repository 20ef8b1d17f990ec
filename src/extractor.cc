#include "whosaid/extractor.h"

#include <utility>

#include "absl/strings/str_cat.h"

namespace whosaid {

const char kExtractorVersion[] = "whosaid-" WHOSAID_VERSION;

class ExtractorImpl {
 public:
  absl::Status Extract(const v1::Document& doc, v1::Extraction* out) const {
    (void)doc;
    (void)out;
    return absl::OkStatus();
  }
};

Extractor::Extractor(std::unique_ptr<ExtractorImpl> impl)
    : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

absl::StatusOr<std::unique_ptr<Extractor>> Extractor::Create(
    const ExtractorOptions& options) {
  (void)options;
  return std::unique_ptr<Extractor>(
      new Extractor(std::make_unique<ExtractorImpl>()));
}

absl::Status Extractor::Extract(const v1::Document& doc,
                                v1::Extraction* out) const {
  out->Clear();
  absl::Status s = impl_->Extract(doc, out);
  if (s.ok()) *out->mutable_document() = doc;
  return s;
}

absl::Status Extractor::ExtractClaims(const v1::Document& doc,
                                      v1::Extraction* out) const {
  out->Clear();
  return impl_->Extract(doc, out);
}

}  // namespace whosaid
