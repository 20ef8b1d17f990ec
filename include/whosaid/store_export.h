// Copyright whosaid authors.
//
// Files that carry claims out of the store and into another one.
//
//   pb           length-delimited whosaid.v1.Claim records: a varint byte
//                count, then the serialized message, repeated; the framing
//                of protobuf's writeDelimitedTo / parseDelimitedFrom (Java),
//                google.protobuf.util.delimited_message_util (C++) and
//                _DecodeVarint32 + ParseFromString (Python; see
//                tools/read_claims.py).
//   claimreview  a JSON array of schema.org ClaimReview items (JSON-LD), one
//                per review of a claim, for fact-check aggregators.
//
//   std::ofstream out("claims.pb", std::ios::binary);
//   for (const auto& c : claims) WriteDelimited(c.claim, &out);
//   ...
//   absl::Status s = ReadDelimitedClaims(data, "claims.pb",
//       [&](const v1::Claim& claim) { return store->Import(claim); });
//
// All functions are thread-compatible (no shared state).
#ifndef WHOSAID_STORE_EXPORT_H_
#define WHOSAID_STORE_EXPORT_H_

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message_lite.h"
#include "whosaid/claim_store.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {

// Appends `message` to `*out` as one length-delimited record.
void AppendDelimited(const google::protobuf::MessageLite& message,
                     std::string* out);

// Parses every record of `data` (the contents of a pb file named `origin`)
// and calls `fn` on each, in order. Stops at the first error:
//   - from `fn`, returned as is;
//   - a truncated length or record, a record that does not parse, or one
//     larger than max_record_bytes: kDataLoss
//     "origin:record N (byte B): truncated record" (N 1-based).
// Records before the error have been passed to `fn`. Empty data: OK, no call.
absl::Status ReadDelimitedClaims(
    absl::string_view data, absl::string_view origin,
    const std::function<absl::Status(const v1::Claim&)>& fn,
    int64_t max_record_bytes = int64_t{64} << 20);

// One schema.org ClaimReview JSON-LD object per review of `claim`, appended
// to `*items` (compact JSON, one object per element). The claim's outlet and
// url describe where it appeared; empty ones are omitted. The claim's
// speaker becomes itemReviewed.author (Person for people, Organization
// otherwise); the review's rating becomes reviewRating (alternateName, and
// ratingValue / bestRating / worstRating when set).
void AppendClaimReviews(const StoredClaim& claim,
                        std::vector<std::string>* items);

}  // namespace whosaid

#endif  // WHOSAID_STORE_EXPORT_H_
