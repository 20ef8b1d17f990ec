// whosaid extract [--format=text|jsonl|json|textproto|pb|annotations]
//                 [--lexicons=DIR] [--min_confidence=X] [--jobs=N]
//                 [FILE|DIR|-]...
//
// Exit codes: 0 all inputs read and written; 1 some record was skipped (each
// one reported on stderr as "path:line: message"); 2 usage error, bad
// lexicons, or the output could not be written.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_join.h"
#include "commands.h"
#include "common_flags.h"
#include "whosaid/claim_writer.h"
#include "whosaid/document_reader.h"
#include "whosaid/extractor.h"
#include "whosaid/pipeline.h"

namespace whosaid_tool {

namespace {

int Fail(absl::string_view message) {
  std::fprintf(stderr, "whosaid extract: %.*s\n",
               static_cast<int>(message.size()), message.data());
  return 2;
}

}  // namespace

int RunExtract(const Args& args) {
  std::string format = absl::GetFlag(FLAGS_format);
  if (format.empty()) format = "text";
  if (args.empty()) {
    return Fail(
        "no inputs: give files, directories, or '-' for standard input\n"
        "usage: whosaid extract [--format=" +
        absl::StrJoin(whosaid::ClaimWriter::Formats(), "|") +
        "] [FILE|DIR|-]...");
  }
  auto writer = whosaid::ClaimWriter::Create(format, &std::cout);
  if (!writer.ok()) return Fail(writer.status().message());
  if (format == "pb" && isatty(STDOUT_FILENO)) {
    return Fail("refusing to write binary --format=pb to a terminal");
  }
  auto extractor = ExtractorFromFlags();
  if (!extractor.ok()) return Fail(extractor.status().message());
  auto reader = whosaid::DocumentReader::Open(args);
  if (!reader.ok()) return Fail(reader.status().message());
  auto jobs = JobsFromFlags();
  if (!jobs.ok()) return Fail(jobs.status().message());

  std::ios::sync_with_stdio(false);
  absl::StatusOr<whosaid::ExtractionStats> stats = whosaid::RunExtraction(
      reader->get(), **extractor, writer->get(), &std::cerr, *jobs);
  if (!stats.ok()) return Fail(stats.status().message());
  // The process ends when this returns: the extractor (its rules' automata,
  // lexicons and topic matcher, tens of thousands of blocks) is left for the
  // system to take back rather than freed block by block (about 0.5% of a
  // run over 5 MB of news). (A static pointer keeps it reachable, so leak
  // checkers do not report it.)
  static const whosaid::Extractor* const kept_until_exit = extractor->release();
  (void)kept_until_exit;
  if (stats->skipped > 0) {
    std::cerr << "whosaid extract: " << stats->skipped
              << (stats->skipped == 1 ? " record" : " records") << " skipped; "
              << stats->documents << " documents, " << stats->claims
              << " claims written\n";
    return 1;
  }
  if (!absl::GetFlag(FLAGS_quiet) && isatty(STDERR_FILENO)) {
    std::cerr << "whosaid extract: " << stats->documents << " documents, "
              << stats->claims << " claims\n";
  }
  return 0;
}

}  // namespace whosaid_tool
