// Flags shared by several subcommands. Each subcommand file defines the
// flags only it reads; these are the ones more than one reads.
#ifndef WHOSAID_TOOLS_COMMON_FLAGS_H_
#define WHOSAID_TOOLS_COMMON_FLAGS_H_

#include <string>

#include "absl/flags/declare.h"

ABSL_DECLARE_FLAG(std::string, format);
ABSL_DECLARE_FLAG(std::string, lexicons);
ABSL_DECLARE_FLAG(std::string, store);
ABSL_DECLARE_FLAG(std::string, topics);
ABSL_DECLARE_FLAG(bool, quiet);

#endif  // WHOSAID_TOOLS_COMMON_FLAGS_H_
