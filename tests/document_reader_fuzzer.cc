// Fuzzes DocumentReader over one file. The first input byte picks the file
// name (and so the format: .jsonl, .pb, or sniffed .txt); the rest is the
// file. Every record must come back either as a document whose text passes
// CheckDocumentText, or as an error whose message starts with the file name.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "absl/strings/match.h"
#include "fuzz_temp_dir.h"
#include "whosaid/document_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > (1 << 20)) return 0;
  static const char* const kNames[] = {"in.jsonl", "in.pb", "in.txt"};
  static whosaid::FuzzTempDir dir("whosaid_document_reader_fuzzer_");
  std::string path = (dir.path() / kNames[data[0] % 3]).string();
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data + 1, 1, size - 1, f);
  std::fclose(f);

  whosaid::DocumentReaderOptions options;
  options.max_record_bytes = 4096;  // exercise the oversize paths too
  auto reader = whosaid::DocumentReader::Open({path}, options);
  if (!reader.ok()) std::abort();
  whosaid::v1::Document doc;
  std::string origin;
  absl::Status error;
  int records = 0;
  while ((*reader)->Next(&doc, &origin, &error)) {
    if (!absl::StartsWith(origin, path)) std::abort();
    if (error.ok()) {
      if (!whosaid::CheckDocumentText(doc.text()).ok()) std::abort();
      if (doc.id().empty() && data[0] % 3 != 1) std::abort();
    } else if (!absl::StartsWith(error.message(), path)) {
      std::abort();
    }
    if (++records > (1 << 20)) std::abort();  // must terminate
  }
  std::remove(path.c_str());
  return 0;
}
