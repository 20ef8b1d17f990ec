// Copyright whosaid authors.
//
// Scoring predicted claims against gold annotations (whosaid/gold.h).
//
//   absl::StatusOr<whosaid::SpeechCues> cues = whosaid::SpeechCues::Builtin();
//   whosaid::Evaluator evaluator(&*cues, whosaid::EvaluatorOptions());
//   for (const whosaid::GoldDocument& gold : docs) {
//     whosaid::v1::Extraction predicted = Run(gold.text);
//     absl::Status s = evaluator.Add(gold, predicted);
//   }
//   std::printf("%s", whosaid::FormatScores(evaluator.Scores(),
//                                           whosaid::ReportFormat::kText)
//                         .c_str());
//
// How a prediction is matched to a gold quote
// -------------------------------------------
// Content spans are compared as sets of bytes: the union of a quote's parts
// (a discontinuous quote counts only its pieces, not the attribution between
// them). The overlap ratio of a gold quote G and a predicted claim P is
// |G ∩ P| / |G ∪ P|. Matching is one-to-one and greedy: all pairs in a
// document with a non-zero ratio are sorted by ratio (highest first; ties by
// gold, then prediction order) and taken while both sides are still free.
// A pair taken with ratio >= EvaluatorOptions::min_overlap (0.5) is a match.
// So two predictions on one gold quote count once; the other is a false
// positive.
//
// The metrics (each keeps its counts, not just a ratio)
// -----------------------------------------------------
// content@0.5   P = matches / predictions, R = matches / gold quotes.
// content exact Like content@0.5, but a pair matches only when each part,
//               trimmed of whitespace, punctuation and quote marks (ASCII and
//               Unicode “ ” « » „ ‘ ’ ...) at both ends, is identical; also
//               one-to-one (each gold quote takes the first free prediction
//               whose trimmed parts are equal).
// speaker       Among matches whose gold quote has a speaker. Right when the
//               predicted speaker span shares a word character with a gold
//               speaker part (lenient: PolNeAR speakers are full noun
//               phrases); when gold has only a canonical name (LitBank), or
//               the prediction has no span, when the names match (NameMatch).
//               Gold quotes without a speaker (implicit sources) are left out.
// speaker canonical  Among matches whose gold has `speaker_canonical`: the
//               predicted canonical name (else mention text) names the same
//               person (SamePersonName: NameMatch, or one proper name's words
//               among the other's: "Florence" / "Florence Linden"). The
//               speaker and end-to-end figures compare canonical names the
//               same way.
// speaker canonical (strict)  The same with NameMatch alone.
// end-to-end    A content@0.5 match whose speaker is right. A gold quote with
//               no speaker counts right only if the prediction has none
//               either (the engine should not invent a source).
// cue           Among matches whose gold has a cue: the predicted cue span
//               overlaps a gold cue part by at least one byte.
// kind          Among matches whose gold kind is known: same ClaimKind.
// recall by kind  Matched / gold quotes of each kind.
// speech-cue recall  Recall (content@0.5 and end-to-end) over the gold
//               quotes whose cue contains a speech word form (SpeechCues).
//               PolNeAR annotates beliefs, polls and intentions as well; this
//               is the part a quote tool is meant to find.
// stance, addressee, reported_via  Among matches whose gold has the seed
//               fields (GoldQuote::has_roles). Stance: StanceName() equal.
//               Addressee / reported_via: both none, or names match.
//
// Ratios with a zero denominator are undefined and printed "n/a", except
// precision with no predictions, which is 0 (and F1 is then 0).
//
// Error analysis
// --------------
// Each gold quote and prediction that is not fully right gets one cause per
// thing that went wrong (a match can be both kWrongSpeaker and kWrongCue):
// kMissed (no prediction overlaps it; sub-grouped by the lemma of the gold
// cue's speech word, or "(not speech) <cue text>", or "(no cue)"),
// kBoundary (overlapped, but not matched at min_overlap; by gold kind),
// kWrongSpeaker (no predicted speaker / gold has none / predicted is a
// pronoun / gold is a pronoun / gold nominal "the ..." / gold apposition /
// other, the first that applies), kFalseAlarm (a prediction no gold quote
// overlaps: headline (on the first line) / scare quote (in quote marks, no
// speech cue) / other; or a duplicate overlapping only gold quotes matched to
// other predictions), kWrongCue (other / no predicted cue), kWrongKind ("gold
// direct, predicted indirect"). An unmatched prediction that overlaps an
// unmatched gold quote is counted once, as that quote's kBoundary.
#ifndef WHOSAID_EVALUATOR_H_
#define WHOSAID_EVALUATOR_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "whosaid/gold.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {

// SpeechCues: which reporting cues are speech ("said", "has told",
// "according to") as opposed to belief, intention or polling ("are afraid",
// "enjoyed support"). Read from a word list, one lower-case word form per
// line, optionally followed by a tab and its lemma ("told\ttell"); a form may
// be several words ("according to", "pointed out"); '#' starts a comment.
// The built-in list is seeds/lexicons/speech_cues.tsv.
//
// Immutable after construction; safe for concurrent use.
class SpeechCues {
 public:
  // The built-in list. Fails only if the embedded file is broken.
  static absl::StatusOr<SpeechCues> Builtin();
  // Parses `contents`; errors are kInvalidArgument "file_name:line: message"
  // (a form with upper-case letters, or more than two columns).
  static absl::StatusOr<SpeechCues> Parse(absl::string_view contents,
                                          absl::string_view file_name);
  // Reads and parses the file at `path` (kNotFound if it cannot be opened).
  static absl::StatusOr<SpeechCues> FromFile(const std::string& path);

  // The lemma of the first speech form found among the words of `cue_text`
  // (case-insensitive; longest form first at each word), or "" if none:
  // "has said" -> "say", "According to" -> "according to", ":" -> "".
  std::string Lemma(absl::string_view cue_text) const;
  bool IsSpeechCue(absl::string_view cue_text) const {
    return !Lemma(cue_text).empty();
  }
  size_t size() const { return lemmas_.size(); }

 private:
  SpeechCues() = default;
  absl::flat_hash_map<std::string, std::string> lemmas_;  // form -> lemma
  size_t max_words_ = 1;
};

// NameMatch()
//
// Whether two speaker names denote the same person, leniently: equal ignoring
// ASCII case and surrounding space, or the same last word ("head"):
// "Sebastien Lecornu" / "lecornu" match; "Clinton" / "Bill" do not. Empty
// names never match.
bool NameMatch(absl::string_view a, absl::string_view b);

// SamePersonName()
//
// NameMatch(), or the words of one name are all among the other's words and
// are a proper name as written (each word capitalised, not a pronoun or a
// title alone): "Florence" / "Florence Linden", "Terry" / "Terry O.
// Nicholson" match; "man" / "a man in the crowd", "Mr." / "Mr. Greyson" and
// "Florence" / "John Linden" do not. For gold that names an entity by one of
// its names (LitBank), where the engine may give another form of the same
// name.
bool SamePersonName(absl::string_view a, absl::string_view b);

// TrimQuoteMarks()
//
// `s` without leading and trailing whitespace, ASCII punctuation and Unicode
// quotation marks, dashes, ellipses and no-break spaces. Used by the exact
// content match. Returns a view into `s`.
absl::string_view TrimQuoteMarks(absl::string_view s);

// A ratio with its counts.
struct Ratio {
  int64_t right = 0;
  int64_t total = 0;
  // right / total; 0 when total is 0 (callers print "n/a" then).
  double value() const {
    return total == 0 ? 0.0 : static_cast<double>(right) / total;
  }
};

// Precision, recall and F1 from counts. With one-to-one matching the number
// of matches is both the true positives among predictions and the found
// gold quotes.
struct Prf {
  int64_t matched = 0;
  int64_t gold = 0;
  int64_t predicted = 0;
  // matched / predicted; 0 when there are no predictions.
  double precision() const {
    return predicted == 0 ? 0.0 : static_cast<double>(matched) / predicted;
  }
  // matched / gold; 0 when there is no gold.
  double recall() const {
    return gold == 0 ? 0.0 : static_cast<double>(matched) / gold;
  }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

// What went wrong (see the header comment for the sub-groups).
enum class ErrorCause {
  kMissed = 0,
  kBoundary,
  kWrongSpeaker,
  kFalseAlarm,
  kWrongCue,
  kWrongKind,
};
inline constexpr int kNumErrorCauses = 6;

// "missed", "wrong content boundary", "wrong speaker", "false alarm",
// "wrong cue", "wrong kind".
absl::string_view ErrorCauseName(ErrorCause cause);

// One miss, false alarm or wrong speaker, shown with its context.
struct ErrorExample {
  ErrorCause cause = ErrorCause::kMissed;
  std::string subgroup;
  std::string document_id;
  // The sentence(s) around, on one line: gold content in [ ], predicted
  // content in { }, gold speaker in < >, predicted speaker in | |.
  std::string context;
  // One line about the roles: "gold speaker 'he', cue 'said', indirect".
  std::string detail;
};

// A cause and its count, sub-grouped, biggest first.
struct ErrorGroup {
  ErrorCause cause = ErrorCause::kMissed;
  int64_t count = 0;
  std::vector<std::pair<std::string, int64_t>> subgroups;
};

// The counts behind every score, for a dataset or for one document of it.
struct ScoreCounts {
  Prf content;     // content@min_overlap
  Prf exact;       // trimmed parts identical
  Prf end_to_end;  // content match and speaker right

  Ratio speaker;
  Ratio speaker_canonical;
  Ratio speaker_canonical_strict;  // NameMatch only
  Ratio cue;
  Ratio kind;
  Ratio recall_direct;
  Ratio recall_indirect;
  Ratio recall_mixed;
  Ratio speech_cue_recall;
  Ratio speech_cue_end_to_end_recall;
  Ratio stance;
  Ratio addressee;
  Ratio reported_via;

  // Adds (or, with sign -1, subtracts) every count of `other`.
  void Add(const ScoreCounts& other, int sign = 1);
};

// The predicted claims of one group (one rule, one band of confidence) and
// how many of them were right.
struct ClaimTally {
  int64_t predicted = 0;
  int64_t matched = 0;      // content@min_overlap
  int64_t end_to_end = 0;   // content and speaker
  double confidence_sum = 0;  // Claim::confidence, summed

  // end_to_end / predicted; 0 when there are no claims.
  double precision() const {
    return predicted == 0 ? 0.0 : static_cast<double>(end_to_end) / predicted;
  }
  double mean_confidence() const {
    return predicted == 0 ? 0.0 : confidence_sum / predicted;
  }
};

// The confidence bands of DatasetScores::by_confidence: [0, 0.1), [0.1,
// 0.2), ..., [0.9, 1].
inline constexpr int kConfidenceBands = 10;

// The scores of one dataset (one GoldDocument::source).
struct DatasetScores : ScoreCounts {
  std::string source;
  int64_t documents = 0;

  // The counts of each document, in the order added, when
  // EvaluatorOptions::per_document is set (else empty): what
  // BootstrapIntervals() resamples. They sum to the counts above.
  std::vector<ScoreCounts> per_document;

  // The predicted claims by Claim::rule ("" for claims without one), and by
  // band of Claim::confidence: how right each rule is, and whether the
  // confidences say so (FormatClaimTallies()).
  std::map<std::string, ClaimTally> by_rule;
  std::array<ClaimTally, kConfidenceBands> by_confidence;

  // Error counts: cause -> subgroup -> count.
  std::array<std::map<std::string, int64_t>, kNumErrorCauses> errors;
  // Up to EvaluatorOptions::max_examples of each, in document order.
  std::vector<ErrorExample> misses;        // kMissed and kBoundary
  std::vector<ErrorExample> false_alarms;  // kFalseAlarm
  std::vector<ErrorExample> wrong_speakers;  // kWrongSpeaker
  std::vector<ErrorExample> wrong_kinds;     // kWrongKind
};

// The error counts of `scores` grouped by cause, biggest first (ties in
// ErrorCause order), each with its sub-groups biggest first, at most
// `max_subgroups` of them (the rest summed as "(N other groups)").
std::vector<ErrorGroup> GroupErrors(const DatasetScores& scores,
                                    size_t max_subgroups = 15);

struct EvaluatorOptions {
  // A prediction matches a gold quote at this content overlap ratio (|∩| /
  // |∪|) or more. Default 0.5.
  double min_overlap = 0.5;
  // How many misses, false alarms and wrong speakers to keep per dataset,
  // with context, for --errors. Default 0: counts only.
  size_t max_examples = 0;
  // Whether the misses kept for --errors are only those of gold quotes whose
  // cue is a speech cue (SpeechCues): the ones the speech-cue recall counts.
  // The counts and the other examples are unchanged.
  bool speech_cue_misses_only = false;
  // Whether to keep each document's counts (DatasetScores::per_document),
  // for BootstrapIntervals().
  bool per_document = false;
};

// Accumulates (gold document, predicted extraction) pairs and scores them
// per dataset.
//
// Not thread-safe: call Add() from one thread (or lock around it).
class Evaluator {
 public:
  // `cues` is not owned and must outlive the Evaluator.
  Evaluator(const SpeechCues* cues, EvaluatorOptions options);

  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Scores `predicted` (claims whose spans index into gold.text; its
  // document text is not read) against `gold` and adds the counts to the
  // dataset gold.source. Returns kInvalidArgument naming the document and
  // claim if a predicted span lies outside gold.text; nothing is added then.
  //
  // `dataset` names the column to add to; empty (the default) means
  // gold.source. (`whosaid eval --agreement` adds other annotators' quotes
  // as "polnear annotators".)
  absl::Status Add(const GoldDocument& gold, const v1::Extraction& predicted,
                   absl::string_view dataset = "");

  // The scores so far, one per dataset, in the order datasets were first
  // added.
  std::vector<DatasetScores> Scores() const { return datasets_; }

 private:
  DatasetScores* Dataset(absl::string_view source);

  const SpeechCues* cues_;
  EvaluatorOptions options_;
  std::vector<DatasetScores> datasets_;
};

enum class ReportFormat { kText, kMarkdown, kJson };

// Parses "text", "markdown" (or "md"), "json"; "" is text.
absl::StatusOr<ReportFormat> ParseReportFormat(absl::string_view name);

// How BootstrapIntervals() resamples.
struct BootstrapOptions {
  // Resampled datasets; 0 gives no intervals.
  int rounds = 1000;
  // The share of resampled values inside each interval (0.95: from the
  // 2.5th to the 97.5th percentile).
  double confidence = 0.95;
  // The seed of the generator (std::mt19937_64): the same seed and
  // documents give the same intervals.
  uint64_t seed = 1;
};

// A metric's value over the dataset and the central interval of its values
// over the resampled datasets.
struct MetricInterval {
  std::string metric;  // the row name of FormatScores(): "content@0.5 F1"
  double value = 0;
  double low = 0;
  double high = 0;
};

// BootstrapIntervals()
//
// How far each score may move on another sample of documents of the same
// kind (a held-out set): `options.rounds` times, as many documents as
// `scores` holds are drawn from its per_document counts with replacement and
// scored; each rate metric of FormatScores() gets the central
// `options.confidence` share of those values. Documents, not quotes, are
// drawn, since the quotes of one article share their style and speakers.
// Metrics with no denominator in the dataset are left out. Empty when
// `scores.per_document` is empty or does not hold `scores.documents`
// entries.
std::vector<MetricInterval> BootstrapIntervals(const DatasetScores& scores,
                                               const BootstrapOptions& options);

// FormatScores()
//
// The scores as a table: one row per metric, one column per dataset; cells
// "62.5% (5/8)", or "n/a" for an empty denominator. kMarkdown is a GitHub
// table to paste into BENCHMARKS.md; kJson one JSON object with every count,
// the error groups and the examples. With `bootstrap` (and per-document
// counts), a second table gives each metric's BootstrapIntervals() as
// "[73.2%, 75.5%]" (kJson: an "intervals" object per dataset).
std::string FormatScores(absl::Span<const DatasetScores> scores,
                         ReportFormat format,
                         const BootstrapOptions* bootstrap = nullptr);

// FormatClaimTallies()
//
// Two tables per dataset: each rule with its claims, their content and
// end-to-end precision and their mean confidence (most claims first); and
// each band of confidence with the same counts, which shows whether the
// confidences are calibrated (a band's end-to-end precision near its mean
// confidence). Empty for kJson (FormatScores() includes "by_rule" and
// "by_confidence").
std::string FormatClaimTallies(absl::Span<const DatasetScores> scores,
                               ReportFormat format);

// FormatErrors()
//
// The error analysis of each dataset as text (or Markdown): the table of
// causes and sub-groups, then the kept misses and false alarms with context.
// Empty for kJson (FormatScores() includes them).
std::string FormatErrors(absl::Span<const DatasetScores> scores,
                         ReportFormat format);

}  // namespace whosaid

#endif  // WHOSAID_EVALUATOR_H_
