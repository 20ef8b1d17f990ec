// Fuzzes the whole engine: any bytes (capped at 64 KiB) as a document's text.
// Extract() must return a Status, never crash; on success every span must lie
// inside the text, content parts must be ordered and not overlap, and each
// claim must have an id.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "whosaid/extractor.h"

namespace {

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "extractor_fuzzer: %s\n", what);
    std::abort();
  }
}

bool Inside(const whosaid::v1::Span& s, size_t size) {
  return s.begin() <= s.end() && s.end() <= size;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const whosaid::Extractor* const extractor = [] {
    auto e = whosaid::Extractor::Create(whosaid::ExtractorOptions());
    Check(e.ok(), "built-in lexicons do not load");
    return e->release();
  }();
  if (size > 64 * 1024) return 0;
  whosaid::v1::Document doc;
  doc.set_id("fuzz");
  doc.set_text(std::string(reinterpret_cast<const char*>(data), size));
  whosaid::v1::Extraction out;
  absl::Status s = extractor->Extract(doc, &out);
  if (!s.ok()) {
    Check(s.code() == absl::StatusCode::kInvalidArgument, "unexpected code");
    Check(out.claims_size() == 0, "claims left after an error");
    return 0;
  }
  for (const whosaid::v1::Claim& c : out.claims()) {
    Check(!c.id().empty(), "claim without id");
    Check(c.content_parts_size() > 0, "claim without content");
    for (int i = 0; i < c.content_parts_size(); ++i) {
      Check(Inside(c.content_parts(i), size), "content part outside text");
      if (i > 0) {
        Check(c.content_parts(i - 1).end() <= c.content_parts(i).begin(),
              "content parts out of order");
      }
    }
    if (c.has_cue()) Check(Inside(c.cue().span(), size), "cue outside text");
    if (c.has_speaker()) {
      Check(Inside(c.speaker().span(), size), "speaker outside text");
    }
    if (c.has_addressee()) {
      Check(Inside(c.addressee().span(), size), "addressee outside text");
    }
    Check(c.confidence() >= 0 && c.confidence() <= 1, "confidence range");
  }
  return 0;
}
