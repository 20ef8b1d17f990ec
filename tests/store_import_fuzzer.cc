// Fuzzes what `whosaid import` and `whosaid show` do with an untrusted pb
// file: the length-delimited Claim reader, then, for every claim parsed, the
// sentence-context finder (whose spans come from the file and may point
// anywhere) over a text made of the input itself, and the ClaimReview
// JSON-LD writer. Inputs over 64 KiB are skipped to keep runs fast.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "internal/json.h"
#include "internal/store_util.h"
#include "whosaid/store_export.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (64 << 10)) return 0;
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  int64_t records = 0;
  absl::Status s = whosaid::ReadDelimitedClaims(
      input, "fuzz.pb",
      [&](const whosaid::v1::Claim& claim) {
        ++records;
        std::string context;
        uint32_t begin = 0;
        whosaid::internal::SentenceContext(input, claim, &context, &begin);
        if (!context.empty() &&
            (begin > input.size() || context.size() > input.size() - begin ||
             input.substr(begin, context.size()) != context)) {
          __builtin_trap();  // the context must be a slice of the text
        }
        whosaid::StoredClaim stored;
        stored.claim = claim;
        stored.outlet = claim.document_id();
        std::vector<std::string> items;
        whosaid::AppendClaimReviews(stored, &items);
        if (items.size() != static_cast<size_t>(claim.reviews_size())) {
          __builtin_trap();
        }
        for (const std::string& item : items) {
          if (!whosaid::internal::ParseJson(item).ok()) __builtin_trap();
        }
        return absl::OkStatus();
      },
      1 << 20);
  if (!s.ok() && s.message().find("fuzz.pb:record ") != 0) __builtin_trap();
  (void)records;
  return 0;
}
