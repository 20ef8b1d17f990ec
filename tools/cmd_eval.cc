// whosaid eval: score the engine (or a predictions file) against gold
// annotations.
//
//   whosaid eval --gold=polnear-dev.jsonl --gold=litbank-dev.jsonl
//   [--errors=20]
//       [--format=text|markdown|json] [--predictions=FILE.jsonl]
//       [--speech_cues=FILE] [--speech_cue_errors] [--lexicons=DIR]
//       [--bootstrap=N] [--by_rule]
//       [--min_confidence=X]
//       [MORE_GOLD.jsonl ...]
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "commands.h"
#include "common_flags.h"
#include "whosaid/evaluator.h"
#include "whosaid/extractor.h"
#include "whosaid/gold.h"

namespace whosaid_tool {

// The value of --gold. The flag may be repeated (--gold a --gold b), but
// Abseil keeps only the last value of a repeated flag, so every parse also
// appends its files to AllGoldFiles(), which RunEval() reads.
struct GoldFiles {
  std::vector<std::string> paths;
};
std::vector<std::string>& AllGoldFiles();
bool AbslParseFlag(absl::string_view text, GoldFiles* out, std::string* error);
std::string AbslUnparseFlag(const GoldFiles& g);

std::vector<std::string>& AllGoldFiles() {
  static auto* files = new std::vector<std::string>();
  return *files;
}

bool AbslParseFlag(absl::string_view text, GoldFiles* out, std::string*) {
  out->paths = absl::StrSplit(text, ',', absl::SkipEmpty());
  for (const std::string& p : out->paths) AllGoldFiles().push_back(p);
  return true;
}

std::string AbslUnparseFlag(const GoldFiles& g) {
  return absl::StrJoin(g.paths, ",");
}

}  // namespace whosaid_tool

ABSL_FLAG(whosaid_tool::GoldFiles, gold, {},
          "eval: gold annotation files (JSON Lines); repeat the flag or "
          "separate files by commas; positional arguments are more gold "
          "files.");
ABSL_FLAG(int, errors, 0,
          "eval: print the error table and up to N misses and N false alarms "
          "per dataset, with context.");
ABSL_FLAG(std::string, predictions, "",
          "eval: score this annotations-format file (whosaid extract "
          "--format=annotations, or any system's output in the gold format) "
          "instead of running the engine.");
ABSL_FLAG(bool, agreement, false,
          "eval: instead of the engine, score the other annotators' quotes "
          "of the documents that have them (PolNeAR meta.alt_annotations) "
          "against the main quotes: the human agreement ceiling. Columns "
          "are named '<source> annotators'; 'documents' counts (document, "
          "annotator) pairs.");
ABSL_FLAG(int, bootstrap, 0,
          "eval: also print, for each score, the central 95% interval of its "
          "values over N resampled datasets (documents drawn with "
          "replacement, fixed seed): how far the score may move on another "
          "sample of such documents, a held-out set. 0: none; 1000 is "
          "usual.");
ABSL_FLAG(bool, by_rule, false,
          "eval: also print, per dataset, each rule's claims with their "
          "content and end-to-end precision and mean confidence, and the "
          "same by band of confidence (are the confidences calibrated?).");
ABSL_FLAG(bool, speech_cue_errors, false,
          "eval: with --errors, list only the misses of gold quotes whose "
          "cue is a speech cue (those the speech-cue recall counts); the "
          "error table and the false alarms stay whole.");
ABSL_FLAG(std::string, speech_cues, "",
          "eval: a speech-cue word list replacing the built-in "
          "speech_cues.tsv.");

namespace whosaid_tool {

namespace {

void PrintError(const absl::Status& s) {
  std::fprintf(stderr, "whosaid eval: %s\n", std::string(s.message()).c_str());
}

// Predicted claims for one gold document: from the predictions file, or by
// running the engine.
class Predictor {
 public:
  static absl::StatusOr<std::unique_ptr<Predictor>> Create() {
    auto p = std::unique_ptr<Predictor>(new Predictor());
    p->path_ = absl::GetFlag(FLAGS_predictions);
    if (!p->path_.empty()) {
      absl::StatusOr<std::vector<whosaid::GoldDocument>> docs =
          whosaid::ReadGoldFile(p->path_);
      if (!docs.ok()) return docs.status();
      for (whosaid::GoldDocument& d : *docs) {
        std::string id = d.id;
        if (!p->predictions_.emplace(id, std::move(d)).second) {
          return absl::InvalidArgumentError(
              absl::StrCat(p->path_, ": document id '", id, "' repeated"));
        }
      }
      return p;
    }
    absl::StatusOr<std::unique_ptr<whosaid::Extractor>> e =
        ExtractorFromFlags();
    if (!e.ok()) return e.status();
    p->extractor_ = std::move(*e);
    return p;
  }

  // Fills `out`. kNotFound-free: a document missing from the predictions
  // file has no claims (counted in missing()).
  absl::Status Predict(const whosaid::GoldDocument& gold,
                       whosaid::v1::Extraction* out) {
    if (extractor_ != nullptr) {
      whosaid::v1::Document doc;
      doc.set_id(gold.id);
      doc.set_text(gold.text);
      return extractor_->ExtractClaims(doc, out);
    }
    out->Clear();
    auto it = predictions_.find(gold.id);
    if (it == predictions_.end()) {
      ++missing_;
      return absl::OkStatus();
    }
    if (it->second.text != gold.text) {
      return absl::InvalidArgumentError(
          absl::StrCat(path_, ":", it->second.line, ": document '", gold.id,
                       "': text differs from the gold text"));
    }
    *out = whosaid::ExtractionFromGold(it->second);
    return absl::OkStatus();
  }

  int missing() const { return missing_; }
  const std::string& path() const { return path_; }

 private:
  Predictor() = default;
  std::string path_;
  absl::flat_hash_map<std::string, whosaid::GoldDocument> predictions_;
  std::unique_ptr<whosaid::Extractor> extractor_;
  int missing_ = 0;
};

// --agreement: each other annotator's quotes scored as predictions against
// the main quotes, in the column "<source> annotators".
void AddAnnotators(const std::vector<whosaid::GoldDocument>& docs,
                   whosaid::Evaluator* evaluator) {
  for (const whosaid::GoldDocument& gold : docs) {
    for (const whosaid::GoldAnnotation& alt : gold.alternatives) {
      whosaid::GoldDocument other;
      other.id = gold.id;
      other.text = gold.text;
      other.quotes = alt.quotes;
      // The reader checked these spans against the same text: cannot fail.
      absl::Status s = evaluator->Add(gold, whosaid::ExtractionFromGold(other),
                                      absl::StrCat(gold.source, " annotators"));
      if (!s.ok()) PrintError(s);
    }
  }
}

}  // namespace

int RunEval(const Args& args) {
  // Every --gold given, then the positional files; each file once.
  std::vector<std::string> files;
  absl::flat_hash_set<std::string> seen;
  std::vector<std::string> given = AllGoldFiles();
  given.insert(given.end(), args.begin(), args.end());
  for (const std::string& f : given) {
    if (seen.insert(f).second) files.push_back(f);
  }
  if (files.empty()) {
    std::fprintf(stderr,
                 "whosaid eval: no gold file; usage: whosaid eval "
                 "--gold=FILE.jsonl[,FILE2...] [--errors=N] "
                 "[--format=text|markdown|json] [--predictions=FILE] "
                 "[--bootstrap=N] [--by_rule] [--min_confidence=X]\n");
    return 2;
  }
  absl::StatusOr<whosaid::ReportFormat> format =
      whosaid::ParseReportFormat(absl::GetFlag(FLAGS_format));
  if (!format.ok()) {
    PrintError(format.status());
    return 2;
  }
  const int max_errors = absl::GetFlag(FLAGS_errors);
  if (max_errors < 0) {
    std::fprintf(stderr, "whosaid eval: --errors must be >= 0\n");
    return 2;
  }
  const int bootstrap_rounds = absl::GetFlag(FLAGS_bootstrap);
  if (bootstrap_rounds < 0 || bootstrap_rounds > 1000000) {
    std::fprintf(stderr,
                 "whosaid eval: --bootstrap must be from 0 to 1000000\n");
    return 2;
  }
  const std::string cues_path = absl::GetFlag(FLAGS_speech_cues);
  absl::StatusOr<whosaid::SpeechCues> cues =
      cues_path.empty() ? whosaid::SpeechCues::Builtin()
                        : whosaid::SpeechCues::FromFile(cues_path);
  if (!cues.ok()) {
    PrintError(cues.status());
    return 2;
  }
  const bool agreement = absl::GetFlag(FLAGS_agreement);
  if ((agreement || !absl::GetFlag(FLAGS_predictions).empty()) &&
      absl::GetFlag(FLAGS_min_confidence) != 0) {
    std::fprintf(stderr,
                 "whosaid eval: --min_confidence filters the engine's claims; "
                 "it does not apply to --predictions or --agreement\n");
    return 2;
  }
  if (agreement && !absl::GetFlag(FLAGS_predictions).empty()) {
    std::fprintf(stderr,
                 "whosaid eval: --agreement and --predictions exclude each "
                 "other\n");
    return 2;
  }
  std::unique_ptr<Predictor> predictor;
  if (!agreement) {
    absl::StatusOr<std::unique_ptr<Predictor>> p = Predictor::Create();
    if (!p.ok()) {
      PrintError(p.status());
      return 2;
    }
    predictor = std::move(*p);
  }
  whosaid::EvaluatorOptions options;
  options.max_examples = static_cast<size_t>(max_errors);
  options.speech_cue_misses_only = absl::GetFlag(FLAGS_speech_cue_errors);
  options.per_document = bootstrap_rounds > 0;
  whosaid::Evaluator evaluator(&*cues, options);
  const bool quiet = absl::GetFlag(FLAGS_quiet);
  int failures = 0;
  for (const std::string& file : files) {
    absl::StatusOr<std::vector<whosaid::GoldDocument>> docs =
        whosaid::ReadGoldFile(file);
    if (!docs.ok()) {
      PrintError(docs.status());
      return 2;
    }
    if (agreement) {
      AddAnnotators(*docs, &evaluator);
      continue;
    }
    for (const whosaid::GoldDocument& gold : *docs) {
      whosaid::v1::Extraction predicted;
      absl::Status s = predictor->Predict(gold, &predicted);
      if (s.ok()) s = evaluator.Add(gold, predicted);
      if (!s.ok()) {
        // The document is skipped; the scores cover the others.
        std::fprintf(stderr, "whosaid eval: %s:%d: %s\n", file.c_str(),
                     gold.line, std::string(s.message()).c_str());
        ++failures;
      }
    }
  }
  if (predictor != nullptr && predictor->missing() > 0 && !quiet) {
    std::fprintf(stderr,
                 "whosaid eval: %d gold documents have no entry in %s; "
                 "scored as no claims\n",
                 predictor->missing(), predictor->path().c_str());
  }
  std::vector<whosaid::DatasetScores> scores = evaluator.Scores();
  if (scores.empty()) {
    std::fprintf(stderr,
                 "whosaid eval: --agreement: no document in the gold files "
                 "has other annotators (meta.alt_annotations)\n");
    return 2;
  }
  whosaid::BootstrapOptions bootstrap;
  bootstrap.rounds = bootstrap_rounds;
  std::string out = whosaid::FormatScores(
      scores, *format, bootstrap_rounds > 0 ? &bootstrap : nullptr);
  if (absl::GetFlag(FLAGS_by_rule)) {
    out += whosaid::FormatClaimTallies(scores, *format);
  }
  if (max_errors > 0) out += whosaid::FormatErrors(scores, *format);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (failures > 0) {
    std::fprintf(stderr, "whosaid eval: %d documents skipped\n", failures);
    return 1;
  }
  return 0;
}

}  // namespace whosaid_tool
