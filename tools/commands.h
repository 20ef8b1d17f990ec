// The subcommands of the whosaid program. Each takes the positional
// arguments after the subcommand name (flags are already parsed) and returns
// the process exit code: 0 success, 1 some input was skipped or a query found
// an error, 2 usage error or the run could not go on.
#ifndef WHOSAID_TOOLS_COMMANDS_H_
#define WHOSAID_TOOLS_COMMANDS_H_

#include <string>
#include <vector>

namespace whosaid_tool {

using Args = std::vector<std::string>;

// Engine and I/O (tools/cmd_extract.cc).
int RunExtract(const Args& args);
// Evaluation (tools/cmd_eval.cc).
int RunEval(const Args& args);
// Store and queries (tools/cmd_store.cc).
// STORE_COMMANDS

}  // namespace whosaid_tool

#endif  // WHOSAID_TOOLS_COMMANDS_H_
