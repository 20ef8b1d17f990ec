// Flags shared by several subcommands. Each subcommand file defines the
// flags only it reads; these are the ones more than one reads.
#ifndef WHOSAID_TOOLS_COMMON_FLAGS_H_
#define WHOSAID_TOOLS_COMMON_FLAGS_H_

#include <memory>
#include <string>

#include "absl/flags/declare.h"
#include "absl/status/statusor.h"
#include "whosaid/extractor.h"

ABSL_DECLARE_FLAG(std::string, format);
ABSL_DECLARE_FLAG(std::string, lexicons);
ABSL_DECLARE_FLAG(std::string, store);
ABSL_DECLARE_FLAG(std::string, topics);
ABSL_DECLARE_FLAG(bool, quiet);
ABSL_DECLARE_FLAG(double, min_confidence);
ABSL_DECLARE_FLAG(int32_t, jobs);

namespace whosaid_tool {

// The engine with --lexicons, --topics (which replaces the built-in topic
// lexicon) and --min_confidence. Errors name the lexicon file and line.
absl::StatusOr<std::unique_ptr<whosaid::Extractor>> ExtractorFromFlags();

// --jobs: the threads that extract (0, the default: one per core).
absl::StatusOr<int> JobsFromFlags();

}  // namespace whosaid_tool

#endif  // WHOSAID_TOOLS_COMMON_FLAGS_H_
