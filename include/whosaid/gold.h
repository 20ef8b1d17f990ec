// Copyright whosaid authors.
//
// Gold annotations: human-annotated reported speech, one document per line of
// a JSON Lines file, in the format described in the gold README
// (/work/shared/data/gold/README.md). The same format is what
// `whosaid extract --format=annotations` writes, so any system's output can be
// scored against gold with `whosaid eval --predictions`.
//
//   absl::StatusOr<std::vector<whosaid::GoldDocument>> docs =
//       whosaid::ReadGoldFile("polnear-dev.jsonl");
//   if (!docs.ok()) return docs.status();  // "polnear-dev.jsonl:17: ..."
//   for (const whosaid::GoldDocument& doc : *docs) {
//     for (const whosaid::GoldQuote& q : doc.quotes) {
//       absl::string_view first = q.Text(doc.text, q.content[0]);
//     }
//   }
//
// One line looks like this (spans are half-open [begin, end); `content`,
// `speaker`, `cue` are Unicode code-point offsets and `*_bytes` the same
// spans as UTF-8 byte offsets; `*_parts` list the pieces of a discontinuous
// span, whose hull is then in `content` etc.):
//
//   {"id": "a1", "source": "polnear", "text": "...",
//    "quotes": [{"content": [421, 437], "content_bytes": [421, 437],
//                "speaker": [348, 363], "speaker_bytes": [348, 363],
//                "speaker_text": "President Obama",
//                "cue": [364, 368], "cue_bytes": [364, 368],
//                "kind": "direct", "speaker_canonical": null}]}
//
// Of "meta", only "alt_annotations" is read (see GoldAnnotation).
// The seed gold file adds three per-quote fields: "stance" (a lower-case
// Stance name, see StanceName()), "addressee_canonical" and "reported_via"
// (canonical names or null). Other keys ("extra", the rest of "meta") are
// ignored.
//
// Everything here works on byte offsets: the reader converts code-point spans
// to bytes (and checks the two agree when both are given), the writer
// computes code points from bytes.
//
// All functions are thread-safe; the structs are plain values.
#ifndef WHOSAID_GOLD_H_
#define WHOSAID_GOLD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {

// A half-open UTF-8 byte range [begin, end) into GoldDocument::text.
struct GoldSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  bool operator==(const GoldSpan& o) const {
    return begin == o.begin && end == o.end;
  }
  bool operator!=(const GoldSpan& o) const { return !(*this == o); }
};

// One annotated attribution.
struct GoldQuote {
  // What was said: one span, or the parts of a discontinuous one in text
  // order (from `content_parts_bytes` when present, else `content_bytes`).
  // Never empty in a quote returned by the reader.
  std::vector<GoldSpan> content;
  // The speaker mention (parts, or one span); empty when the dataset gives
  // no speaker span (LitBank; implicit sources in PolNeAR).
  std::vector<GoldSpan> speaker;
  // The reporting cue ("said", "according to", ":"); empty when none.
  std::vector<GoldSpan> cue;
  // DIRECT, INDIRECT, MIXED; UNSPECIFIED for the file's "unknown".
  v1::ClaimKind kind = v1::CLAIM_KIND_UNSPECIFIED;
  // The speaker mention as written (parts joined by one space), if any.
  std::optional<std::string> speaker_text;
  // A normalised or resolved speaker name ("Sebastien Lecornu"), if any.
  std::optional<std::string> speaker_canonical;

  // The seed's extra fields. `has_roles` is true when the line carries any of
  // them; null values then mean "annotated as none" (no addressee), while a
  // false `has_roles` means "not annotated" and the fields are not scored.
  bool has_roles = false;
  std::optional<std::string> stance;  // "assert", "claim_without_evidence"...
  std::optional<std::string> addressee_canonical;
  std::optional<std::string> reported_via;

  // The bytes of `span` in `text` (empty if out of range).
  static absl::string_view Text(absl::string_view text, GoldSpan span);
  // The text of `parts` joined by `separator` ("" for no parts).
  static std::string JoinedText(absl::string_view text,
                                const std::vector<GoldSpan>& parts,
                                absl::string_view separator = " ");

  bool operator==(const GoldQuote& o) const;
  bool operator!=(const GoldQuote& o) const { return !(*this == o); }
};

// Another annotator's quotes for the same document (PolNeAR documents
// annotated by several people keep them in "meta": {"alt_annotations":
// [{"annotator": "4e07", "quotes": [...]}]}). Scoring them against the main
// quotes estimates the human agreement ceiling (`whosaid eval --agreement`).
struct GoldAnnotation {
  std::string annotator;
  std::vector<GoldQuote> quotes;

  bool operator==(const GoldAnnotation& o) const {
    return annotator == o.annotator && quotes == o.quotes;
  }
};

// One annotated document.
struct GoldDocument {
  std::string id;
  // The dataset: "polnear", "litbank", "textacy-tests", "seed". Scores are
  // reported per source and never pooled across sources.
  std::string source;
  // The full text, valid UTF-8; every GoldSpan indexes into it.
  std::string text;
  // In file order (the gold files sort them by content start).
  std::vector<GoldQuote> quotes;
  // Other annotators' versions of `quotes`, if any.
  std::vector<GoldAnnotation> alternatives;
  // The 1-based line the document was read from; 0 when not read from a
  // file. For error messages only: not written, not compared by ==.
  int line = 0;

  bool operator==(const GoldDocument& o) const;
  bool operator!=(const GoldDocument& o) const { return !(*this == o); }
};

// ParseGoldLine()
//
// Parses one line of a gold file. On failure returns kInvalidArgument with a
// message that says where in the line ("column 12: expected ','",
// "quote 3: content_bytes [5, 900) out of range: text has 800 bytes",
// "quote 0: speaker_bytes [3, 7) splits a UTF-8 sequence at byte 3",
// "quote 2: content [1, 4) and content_bytes [1, 6) disagree",
// "missing \"text\""). ReadGoldFile() prefixes it with `path:line: `.
absl::StatusOr<GoldDocument> ParseGoldLine(absl::string_view line);

// ReadGoldFile()
//
// Reads a whole gold file (JSON Lines; blank lines are skipped). Returns the
// documents in file order, or the first error as "path:line: message":
// kNotFound if the file cannot be opened, kInvalidArgument for a malformed
// line or a file holding no document at all.
absl::StatusOr<std::vector<GoldDocument>> ReadGoldFile(const std::string& path);

// GoldToJsonLine()
//
// Writes `doc` as one gold line, without the trailing newline: both
// code-point and `_bytes` offsets (code points counted from the bytes),
// `*_parts` when a role has more than one part, and the seed fields when
// `has_roles`. ParseGoldLine(GoldToJsonLine(doc)) == doc for any document
// the reader accepts.
std::string GoldToJsonLine(const GoldDocument& doc);

// KindName()
//
// The gold name of a claim kind: "direct", "indirect", "mixed"; "unknown"
// for CLAIM_KIND_UNSPECIFIED.
absl::string_view KindName(v1::ClaimKind kind);

// StanceName()
//
// The gold name of a claim's stance: "assert", "deny", "claim" (or
// "claim_without_evidence" when `without_evidence`), "condemn", "warn",
// "demand", "promise", "question", "praise", "believe", "admit"; "" for
// STANCE_UNSPECIFIED.
std::string StanceName(v1::Stance stance, bool without_evidence);

// GoldFromExtraction()
//
// Our claims as gold quotes, for writing them in the gold format: content
// parts, speaker span / text / canonical name, cue span, kind, and the seed
// fields (stance by StanceName(), addressee and reported_via canonical
// names; `has_roles` is true). Spans are copied as they are: a claim whose
// spans do not fit the text produces a document the reader would reject.
// The document's `source` is "whosaid".
GoldDocument GoldFromExtraction(const v1::Extraction& extraction);

// ExtractionFromGold()
//
// The inverse: one Claim per gold quote, in order (content text joined by
// " ... ", a speaker Mention when the quote has a speaker span or canonical
// name, the cue, kind, stance, addressee and reported_via). A role given as
// several parts becomes one span, their hull, since Mention and Cue hold one
// span. Used to score gold against itself and to read `--predictions`.
v1::Extraction ExtractionFromGold(const GoldDocument& doc);

}  // namespace whosaid

#endif  // WHOSAID_GOLD_H_
