#include "common_flags.h"

#include <algorithm>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

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

ABSL_FLAG(bool, confidence_features, false,
          "eval/extract: follow each claim's rule name with its confidence "
          "features (\"say_that+short_content\"), for "
          "tools/calibrate_confidence.py --features.");

ABSL_FLAG(int32_t, jobs, 0,
          "extract/ingest: threads that extract documents (0: one per core). "
          "The output is the same for any number.");

namespace whosaid_tool {

absl::StatusOr<int> JobsFromFlags() {
  const int32_t jobs = absl::GetFlag(FLAGS_jobs);
  if (jobs < 0 || jobs > 256) {
    return absl::InvalidArgumentError(
        absl::StrCat("--jobs must be from 0 (one per core) to 256, not ", jobs));
  }
  if (jobs > 0) return jobs;
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(std::min(cores, 256u));
}

absl::StatusOr<std::unique_ptr<whosaid::Extractor>> ExtractorFromFlags() {
  whosaid::ExtractorOptions options;
  options.lexicon_dir = absl::GetFlag(FLAGS_lexicons);
  options.topics_file = absl::GetFlag(FLAGS_topics);
  options.min_confidence =
      static_cast<float>(absl::GetFlag(FLAGS_min_confidence));
  options.rule_with_confidence_features = absl::GetFlag(FLAGS_confidence_features);
  return whosaid::Extractor::Create(options);
}

}  // namespace whosaid_tool
