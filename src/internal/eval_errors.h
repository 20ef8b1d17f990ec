// Helpers shared by the gold reader and the evaluator (src/gold.cc,
// src/evaluator.cc, src/eval_errors.cc): byte-range arithmetic over content
// parts, and the error analysis behind `whosaid eval --errors`, which sorts
// each miss and false alarm into a cause and sub-group and shows it in
// context. Kept here, not in the tool, so tests can reach it.
#ifndef WHOSAID_INTERNAL_EVAL_ERRORS_H_
#define WHOSAID_INTERNAL_EVAL_ERRORS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "whosaid/evaluator.h"
#include "whosaid/gold.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {
namespace internal {

// Sorted, disjoint, non-empty byte ranges: a set of bytes.
using Ranges = std::vector<GoldSpan>;

// Sorts `spans`, drops empty ones and merges those that overlap or touch.
Ranges Normalize(std::vector<GoldSpan> spans);
// The number of bytes in `r`.
uint64_t Size(const Ranges& r);
// The number of bytes in both `a` and `b`.
uint64_t Overlap(const Ranges& a, const Ranges& b);
// [first begin, last end) of `spans`; {0, 0} when empty.
GoldSpan Hull(const std::vector<GoldSpan>& spans);
// The claim's content parts as Ranges.
Ranges ClaimContent(const v1::Claim& claim);
// Whether [a) and [b) share at least one byte that is a letter, digit or
// part of a non-ASCII character of `text` (a shared word, not a space).
bool ShareWordByte(absl::string_view text, GoldSpan a, GoldSpan b);
// Whether `s` (any case) is a personal or possessive pronoun ("he", "They",
// "his").
bool IsPronoun(absl::string_view s);

// The sub-group of a missed gold quote: the lemma of its cue's speech word
// ("say"), else its cue text lower-cased ("are afraid", ":"), else "(no
// cue)".
std::string MissedSubgroup(absl::string_view text, const GoldQuote& gold,
                           const SpeechCues& cues);
// The sub-group of a wrong speaker: "predicted is a pronoun", "gold is a
// pronoun", "gold is nominal (the ...)", "gold has an apposition", "other",
// "no predicted speaker", "gold has no speaker".
std::string SpeakerSubgroup(absl::string_view text, const GoldQuote& gold,
                            const v1::Claim& predicted);
// The sub-group of a false alarm: "scare quote" (inside quote marks, no
// speech cue), "headline" (starts on the document's first line, which is
// followed by more lines), "other".
std::string FalseAlarmSubgroup(absl::string_view text,
                               const v1::Claim& predicted,
                               const SpeechCues& cues);

// A one-line excerpt of `text` around the bytes `focus` (widened to whole
// sentences, at most about 300 bytes either side), with the spans marked:
// gold content [ ], predicted content { }, gold speaker < >, predicted
// speaker | |. Newlines become spaces; cut ends are shown as "...".
std::string Context(absl::string_view text, const GoldQuote* gold,
                    const v1::Claim* predicted);
// The detail line of an example: the roles of the gold quote and/or claim.
std::string Detail(absl::string_view text, const GoldQuote* gold,
                   const v1::Claim* predicted);

// Reads the whole file at `path`: kNotFound "path: cannot open: reason".
absl::StatusOr<std::string> ReadWholeFile(const std::string& path);

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_EVAL_ERRORS_H_
