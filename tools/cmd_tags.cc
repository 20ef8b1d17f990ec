// whosaid tags [--lexicons=DIR] [FILE|DIR|-]...
//
// For rule authors: every sentence the attribution rules look at, with the
// tag string they match against (legend: the top of rules.tsv), and the
// claims found in it with the rule that found each. Edit a copy of rules.tsv,
// pass its directory with --lexicons, and see what changes.
//
// Exit codes as for `whosaid extract`: 0 all inputs read; 1 some record was
// skipped; 2 usage error or bad lexicons.
#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/string_view.h"
#include "commands.h"
#include "common_flags.h"
#include "whosaid/document_reader.h"
#include "whosaid/extractor.h"

namespace whosaid_tool {

namespace {

int Fail(absl::string_view message) {
  std::fprintf(stderr, "whosaid tags: %.*s\n", static_cast<int>(message.size()),
               message.data());
  return 2;
}

void Print(absl::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
}

}  // namespace

int RunTags(const Args& args) {
  if (args.empty()) {
    return Fail("no inputs: give files, directories, or '-'\n"
                "usage: whosaid tags [--lexicons=DIR] [FILE|DIR|-]...");
  }
  auto extractor = ExtractorFromFlags();
  if (!extractor.ok()) return Fail(extractor.status().message());
  auto reader = whosaid::DocumentReader::Open(args);
  if (!reader.ok()) return Fail(reader.status().message());

  int exit_code = 0;
  whosaid::v1::Document doc;
  std::string origin;
  absl::Status error;
  while ((*reader)->Next(&doc, &origin, &error)) {
    if (!error.ok()) {  // the message names the file and line
      std::fprintf(stderr, "%s\n", std::string(error.message()).c_str());
      exit_code = 1;
      continue;
    }
    whosaid::v1::Extraction out;
    absl::Status s = (*extractor)->ExtractClaims(doc, &out);
    if (!s.ok()) {
      std::fprintf(stderr, "%s: %s\n", origin.c_str(),
                   std::string(s.message()).c_str());
      exit_code = 1;
      continue;
    }
    const absl::string_view text = doc.text();
    std::printf("== %s\n", doc.id().c_str());
    for (const auto& unit : (*extractor)->TagUnits(text)) {
      Print(text.substr(unit.begin, unit.end - unit.begin));
      std::printf("\n  %s\n", unit.tags.c_str());
      for (const whosaid::v1::Claim& c : out.claims()) {
        const uint32_t cue = c.cue().span().begin();
        const bool here = c.cue().has_span()
                              ? unit.begin <= cue && cue < unit.end
                              : false;
        if (!here) continue;
        std::printf("  -> %s: %s | %s | %s\n", c.rule().c_str(),
                    c.speaker().text().c_str(), c.cue().text().c_str(),
                    c.content().c_str());
      }
    }
  }
  return exit_code;
}

}  // namespace whosaid_tool
