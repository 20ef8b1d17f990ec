// whosaid: who said what in news articles.
//
//   whosaid extract [--format=...] [FILE|DIR|-]...
//   whosaid eval --gold FILE.jsonl [--errors N]
//   whosaid help
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const whosaid_tool::Args&);
  const char* help;
};

const Command kCommands[] = {
    {"extract", whosaid_tool::RunExtract,
     "[--format=text|jsonl|json|textproto|pb|annotations] [FILE|DIR|-]...\n"
     "      find who said what in articles (text files, JSONL, or stdin)"},
    {"eval", whosaid_tool::RunEval,
     "--gold FILE.jsonl [--errors N]\n"
     "      score the engine against gold annotations"},
    // STORE_COMMAND_TABLE
};

std::string Usage() {
  std::string u =
      "whosaid: who said what in news articles.\n\nUsage: whosaid COMMAND "
      "[FLAGS] [ARGS]\n\nCommands:\n";
  for (const Command& c : kCommands) {
    u += "  ";
    u += c.name;
    u += " ";
    u += c.help;
    u += "\n";
  }
  u += "\nRun 'whosaid --helpfull' for every flag.";
  return u;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(Usage());
  std::vector<char*> positional = absl::ParseCommandLine(argc, argv);
  if (positional.size() < 2 || std::strcmp(positional[1], "help") == 0) {
    std::fprintf(positional.size() < 2 ? stderr : stdout, "%s\n",
                 Usage().c_str());
    return positional.size() < 2 ? 2 : 0;
  }
  whosaid_tool::Args args(positional.begin() + 2, positional.end());
  for (const Command& c : kCommands) {
    if (std::strcmp(positional[1], c.name) == 0) return c.run(args);
  }
  std::fprintf(stderr, "whosaid: unknown command '%s'\n\n%s\n", positional[1],
               Usage().c_str());
  return 2;
}
