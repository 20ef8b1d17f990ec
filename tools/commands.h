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
// Rule authoring (tools/cmd_tags.cc).
int RunTags(const Args& args);
// Evaluation (tools/cmd_eval.cc).
int RunEval(const Args& args);
// Store and queries (tools/cmd_store.cc).
// STORE_COMMANDS
int RunIngest(const Args& args);
int RunReindex(const Args& args);
int RunWho(const Args& args);
int RunTopic(const Args& args);
int RunSearch(const Args& args);
int RunShow(const Args& args);
int RunStats(const Args& args);
int RunSpeakers(const Args& args);
int RunMerge(const Args& args);
int RunSplit(const Args& args);
int RunReview(const Args& args);
int RunExport(const Args& args);
int RunImport(const Args& args);

}  // namespace whosaid_tool

#endif  // WHOSAID_TOOLS_COMMANDS_H_
