// Fuzzes lexicon loading: the first byte picks the file (rules.tsv,
// verbs.tsv, content_stances.tsv, pronouns.tsv, function_words.tsv,
// nominals.tsv, confidence.tsv or speech_cues.tsv), the rest is written as that file into a temporary lexicon
// directory. Extractor::Create() must return a Status, never crash; when it
// succeeds, the engine must run on a short article.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_temp_dir.h"
#include "whosaid/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static whosaid::FuzzTempDir temp_dir("whosaid_lexicon_fuzzer_");
  const std::filesystem::path& dir = temp_dir.path();
  if (size < 1 || size > 64 * 1024) return 0;
  // (Even bytes below 128 choose rules.tsv and odd ones verbs.tsv, as the
  // corpus was written before the other files joined.)
  // (Bytes from 128 choose the others; the last two joined later, so
  // bytes from 248 pick them and the corpus keeps its files.)
  static const char* const kFiles[] = {"rules.tsv",          "verbs.tsv",
                                       "content_stances.tsv", "pronouns.tsv",
                                       "function_words.tsv", "nominals.tsv",
                                       "confidence.tsv",      "speech_cues.tsv"};
  const char* name = data[0] < 128   ? kFiles[data[0] % 2]
                     : data[0] < 248 ? kFiles[2 + (data[0] - 128) % 4]
                                     : kFiles[6 + data[0] % 2];
  for (const char* f : kFiles) std::filesystem::remove(dir / f);
  {
    std::ofstream out(dir / name, std::ios::binary);
    out.write(reinterpret_cast<const char*>(data + 1), size - 1);
  }
  whosaid::ExtractorOptions options;
  options.lexicon_dir = dir.string();
  auto e = whosaid::Extractor::Create(options);
  if (!e.ok()) {
    if (e.status().message().empty()) {
      std::fprintf(stderr, "lexicon_fuzzer: error without a message\n");
      std::abort();
    }
    return 0;
  }
  whosaid::v1::Document doc;
  doc.set_id("fuzz");
  doc.set_text(
      "\"We will rebuild the bridge,\" Mayor Anna Keller said.\nAccording "
      "to the ministry, the talks failed. Keller told reporters that she "
      "would run again.");
  whosaid::v1::Extraction out;
  absl::Status s = (*e)->Extract(doc, &out);
  if (!s.ok()) {
    std::fprintf(stderr, "lexicon_fuzzer: Extract failed: %s\n",
                 s.ToString().c_str());
    std::abort();
  }
  return 0;
}
