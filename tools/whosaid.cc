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
     "[--format=text|jsonl|json|textproto|pb|annotations]\n"
     "      [--min_confidence X] [--jobs N] [FILE|DIR|-]...\n"
     "      find who said what in articles (text files, JSONL, or stdin);\n"
     "      --min_confidence leaves out claims of rules less often right"},
    {"tags", whosaid_tool::RunTags,
     "[--lexicons DIR] [FILE|DIR|-]...\n"
     "      for rule authors: each sentence with the tag string the rules\n"
     "      of rules.tsv match, and the rule behind each claim"},
    {"eval", whosaid_tool::RunEval,
     "--gold FILE.jsonl [--gold FILE2...] [--errors N] [--speech_cue_errors]\n"
     "      [--format=text|markdown|json] [--predictions FILE.jsonl]\n"
     "      [--bootstrap N] [--by_rule] [--min_confidence X]\n"
     "      score the engine (or a predictions file in the gold format)\n"
     "      against gold annotations, per dataset"},
    // STORE_COMMAND_TABLE
    {"ingest", whosaid_tool::RunIngest,
     "[--store FILE] [--topics FILE] [--min_confidence X] [--jobs N]\n"
     "      [--quiet] [FILE|DIR|-]...\n"
     "      extract claims into the store (re-ingesting adds nothing)"},
    {"reindex", whosaid_tool::RunReindex,
     "[--lexicons DIR] [--topics FILE] [--min_confidence X]\n"
     "      re-run the current engine over every stored document"},
    {"who", whosaid_tool::RunWho,
     "NAME [--since D --until D --stance S --kind K --topic T --limit N\n"
     "      --min_confidence X]\n"
     "      everything a speaker said, newest first"},
    {"topic", whosaid_tool::RunTopic,
     "TOPIC [filters]\n      claims on a topic, grouped by speaker"},
    {"search", whosaid_tool::RunSearch,
     "WORDS... [filters]\n      full-text search over claims, ranked"},
    {"show", whosaid_tool::RunShow,
     "CLAIM_ID\n      one claim in its context"},
    {"stats", whosaid_tool::RunStats,
     "[--top N]\n      documents, claims by kind and stance, top speakers "
     "and topics"},
    {"speakers", whosaid_tool::RunSpeakers,
     "[--top N] [--type person|organisation|...]\n"
     "      speakers with claim counts, aliases and roles"},
    {"merge", whosaid_tool::RunMerge,
     "INTO_ID FROM_ID\n      make FROM an alias of INTO"},
    {"split", whosaid_tool::RunSplit,
     "ID [ALIAS]\n      undo a merge, or split an alias off into its own "
     "entity"},
    {"review", whosaid_tool::RunReview,
     "CLAIM_ID --rating TEXT [--url URL --by ORG]\n"
     "      record a fact-check verdict"},
    {"export", whosaid_tool::RunExport,
     "[filters] --format=pb|jsonl|claimreview [--out FILE]\n"
     "      write claims for other services"},
    {"import", whosaid_tool::RunImport,
     "FILE.pb...\n      load exported claims into the store"},
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
