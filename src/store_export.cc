#include "whosaid/store_export.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "internal/json.h"

namespace whosaid {

void AppendDelimited(const google::protobuf::MessageLite& message,
                     std::string* out) {
  google::protobuf::io::StringOutputStream raw(out);
  google::protobuf::io::CodedOutputStream coded(&raw);
  coded.WriteVarint32(static_cast<uint32_t>(message.ByteSizeLong()));
  message.SerializeWithCachedSizes(&coded);
}

absl::Status ReadDelimitedClaims(
    absl::string_view data, absl::string_view origin,
    const std::function<absl::Status(const v1::Claim&)>& fn,
    int64_t max_record_bytes) {
  size_t pos = 0;
  for (int64_t n = 1; pos < data.size(); ++n) {
    auto error = [&](absl::string_view what) {
      return absl::DataLossError(
          absl::StrCat(origin, ":record ", n, " (byte ", pos, "): ", what));
    };
    // The varint length, by hand: at most 5 bytes for 32 bits.
    uint64_t size = 0;
    size_t i = pos;
    int shift = 0;
    while (true) {
      if (i >= data.size()) return error("truncated record length");
      uint8_t b = static_cast<uint8_t>(data[i++]);
      size |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) break;
      shift += 7;
      if (shift > 28) return error("bad record length (varint too long)");
    }
    if (size > static_cast<uint64_t>(max_record_bytes)) {
      return error(absl::StrCat("record of ", size, " bytes is over the ",
                                max_record_bytes, "-byte limit"));
    }
    if (size > data.size() - i) {
      return error(absl::StrCat("truncated record (", size,
                                " bytes announced, ", data.size() - i,
                                " left)"));
    }
    v1::Claim claim;
    if (!claim.ParseFromArray(data.data() + i, static_cast<int>(size))) {
      return error("not a whosaid.v1.Claim (corrupt record)");
    }
    pos = i + size;
    absl::Status s = fn(claim);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

namespace {

std::string Iso(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%Y-%m-%d", absl::FromUnixSeconds(t.seconds()),
                          absl::UTCTimeZone());
}

void Field(absl::string_view key, absl::string_view value, std::string* out) {
  if (out->back() != '{') *out += ",";
  internal::AppendJsonString(key, out);
  *out += ":";
  internal::AppendJsonString(value, out);
}

void RawField(absl::string_view key, absl::string_view raw, std::string* out) {
  if (out->back() != '{') *out += ",";
  internal::AppendJsonString(key, out);
  *out += ":";
  out->append(raw.data(), raw.size());
}

}  // namespace

void AppendClaimReviews(const StoredClaim& stored,
                        std::vector<std::string>* items) {
  const v1::Claim& claim = stored.claim;
  const std::string& url = stored.url;
  for (const v1::Review& review : claim.reviews()) {
    std::string item = "{";
    Field("@context", "https://schema.org", &item);
    Field("@type", "ClaimReview", &item);
    if (!review.url().empty()) Field("url", review.url(), &item);
    Field("claimReviewed", claim.content(), &item);
    if (review.has_reviewed()) {
      Field("datePublished", Iso(review.reviewed()), &item);
    }
    if (!review.author().empty()) {
      std::string author = "{";
      Field("@type", "Organization", &author);
      Field("name", review.author(), &author);
      author += "}";
      RawField("author", author, &item);
    }
    std::string rating = "{";
    Field("@type", "Rating", &rating);
    Field("alternateName", review.rating(), &rating);
    if (review.has_rating_value()) {
      RawField("ratingValue", absl::StrCat(review.rating_value()), &rating);
      RawField("bestRating", absl::StrCat(review.best_rating()), &rating);
      RawField("worstRating", absl::StrCat(review.worst_rating()), &rating);
    }
    rating += "}";
    RawField("reviewRating", rating, &item);
    std::string reviewed = "{";
    Field("@type", "Claim", &reviewed);
    if (!claim.speaker().canonical_name().empty()) {
      std::string author = "{";
      Field("@type",
            claim.speaker().entity_type() == v1::ENTITY_TYPE_PERSON
                ? "Person"
                : "Organization",
            &author);
      Field("name", claim.speaker().canonical_name(), &author);
      author += "}";
      RawField("author", author, &reviewed);
    }
    if (claim.has_published()) {
      Field("datePublished", Iso(claim.published()), &reviewed);
    }
    if (!url.empty() || !stored.outlet.empty()) {
      std::string appearance = "{";
      Field("@type", "CreativeWork", &appearance);
      if (!url.empty()) Field("url", url, &appearance);
      if (!stored.outlet.empty()) {
        std::string publisher = "{";
        Field("@type", "Organization", &publisher);
        Field("name", stored.outlet, &publisher);
        publisher += "}";
        RawField("publisher", publisher, &appearance);
      }
      appearance += "}";
      RawField("appearance", appearance, &reviewed);
    }
    reviewed += "}";
    RawField("itemReviewed", reviewed, &item);
    if (!review.note().empty()) Field("reviewBody", review.note(), &item);
    item += "}";
    items->push_back(std::move(item));
  }
}

}  // namespace whosaid
