// Fuzzes the topic lexicon loader (`--topics FILE`): any bytes either load
// or give an error naming the file and a line; a lexicon that loads then
// tags its own input without trouble. Inputs over 16 KiB are skipped (each
// pattern is compiled, so big inputs are slow, not interesting).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "whosaid/topic_tagger.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (16 << 10)) return 0;
  absl::string_view input(reinterpret_cast<const char*>(data), size);
  auto tagger = whosaid::TopicTagger::Create(input, "fuzz.textproto");
  if (!tagger.ok()) {
    if (!absl::StartsWith(tagger.status().message(), "fuzz.textproto:")) {
      __builtin_trap();
    }
    return 0;
  }
  std::vector<std::string> topics;
  (*tagger)->Tag(input, &topics);
  (*tagger)->Tag(input, &topics);  // idempotent: no duplicates
  for (size_t i = 0; i < topics.size(); ++i) {
    for (size_t j = i + 1; j < topics.size(); ++j) {
      if (topics[i] == topics[j]) __builtin_trap();
    }
  }
  return 0;
}
