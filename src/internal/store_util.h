// Small pure helpers of the claim store, apart so tests reach them.
#ifndef WHOSAID_INTERNAL_STORE_UTIL_H_
#define WHOSAID_INTERNAL_STORE_UTIL_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {
namespace internal {

// 64-bit FNV-1a of `text`, as a signed SQLite integer. Stable across builds
// and platforms (it is stored); equal texts are confirmed byte for byte.
int64_t TextHash(absl::string_view text);

// A name for alias matching: ASCII letters lowered, every run of characters
// other than ASCII letters, digits and non-ASCII bytes made one space, and
// one space added at both ends: "President Vladimir Putin's" ->
// " president vladimir putin s ". Empty input gives "".
std::string NormName(absl::string_view name);

// The entity id of every entity the extractor and the store make:
// "person:vladimir-putin". Type names as EntityTypeName() ("unknown" when
// unspecified); the slug is the letters and digits of `name` (ASCII ones
// lowered, other UTF-8 bytes kept), other runs made '-'; "unnamed" if none.
std::string EntityIdFor(v1::EntityType type, absl::string_view name);
// The same, written over *id (in the memory it has).
void EntityIdFor(v1::EntityType type, absl::string_view name, std::string* id);

// The sentence(s) around a claim: from the start of the sentence holding the
// earliest of its content parts, cue and speaker to the end of the sentence
// holding the latest. A sentence ends after '.', '!' or '?' (with any closing
// quotes) followed by whitespace, or at a newline. Offsets outside `text` are
// ignored; with none inside, *context is empty and *begin 0.
void SentenceContext(absl::string_view text, const v1::Claim& claim,
                     std::string* context, uint32_t* begin);

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_STORE_UTIL_H_
