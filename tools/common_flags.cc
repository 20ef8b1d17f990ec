#include "common_flags.h"

#include "absl/flags/flag.h"

ABSL_FLAG(std::string, format, "",
          "Output format. extract: text|jsonl|json|textproto|pb|annotations "
          "(default text); queries: text|json|jsonl|textproto|pb.");
ABSL_FLAG(std::string, lexicons, "",
          "Directory of lexicon files that replace the built-in ones of the "
          "same name (verbs.tsv, titles.tsv, ...).");
ABSL_FLAG(std::string, store, "",
          "The claim store (SQLite file). Default: $WHOSAID_STORE, else "
          "./whosaid.db.");
ABSL_FLAG(std::string, topics, "",
          "A topic lexicon (textproto) replacing the built-in one.");
ABSL_FLAG(bool, quiet, false, "No progress on stderr.");
ABSL_FLAG(double, min_confidence, 0,
          "extract/ingest/reindex/eval: leave out claims whose confidence "
          "(how often the rule behind them is right on the gold data) is "
          "below this, from 0 to 1: fewer claims, more of them right.");

namespace whosaid_tool {

absl::StatusOr<std::unique_ptr<whosaid::Extractor>> ExtractorFromFlags() {
  whosaid::ExtractorOptions options;
  options.lexicon_dir = absl::GetFlag(FLAGS_lexicons);
  options.topics_file = absl::GetFlag(FLAGS_topics);
  options.min_confidence =
      static_cast<float>(absl::GetFlag(FLAGS_min_confidence));
  return whosaid::Extractor::Create(options);
}

}  // namespace whosaid_tool
