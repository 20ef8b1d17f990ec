// Copyright whosaid authors.
//
// Extractor finds reported speech in one article and turns each finding into
// a whosaid.v1.Claim: what was said (byte spans into the text), who said it
// (resolved to an entity across the article), to whom, through which
// intermediary, the reporting cue and the stance it carries.
//
//   auto extractor = whosaid::Extractor::Create(whosaid::ExtractorOptions());
//   if (!extractor.ok()) return extractor.status();
//   whosaid::v1::Document doc;
//   doc.set_id("a1");
//   doc.set_text("\"We are ready,\" the minister said.");
//   whosaid::v1::Extraction out;
//   absl::Status s = (*extractor)->Extract(doc, &out);
//   // out.claims(0).speaker().text() == "the minister"
//
// An Extractor is immutable after Create() and safe for concurrent use by
// multiple threads. Creating one compiles every pattern in the lexicons, so
// make one and keep it.
#ifndef WHOSAID_EXTRACTOR_H_
#define WHOSAID_EXTRACTOR_H_

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "whosaid/v1/claim.pb.h"

namespace whosaid {

// The version written into Claim.extractor_version.
extern const char kExtractorVersion[];

struct ExtractorOptions {
  // Directory holding lexicon files (verbs.tsv, titles.tsv, ...). A file
  // present there replaces the built-in one of the same name; missing files
  // fall back to the lexicons compiled into the binary. Empty: built-in only.
  std::string lexicon_dir;

  // A topic lexicon (textproto, see seeds/lexicons/topics.textproto) that
  // replaces the built-in one. Empty: the topics.textproto of lexicon_dir if
  // it has one, else the built-in lexicon.
  std::string topics_file;

  // Documents larger than this are rejected with kInvalidArgument rather than
  // processed. Default: 64 MiB.
  size_t max_document_bytes = 64 << 20;

  // Claims whose confidence (Claim::confidence: how often the rule behind
  // them is right, see rules.tsv) is below this are left out; a claim
  // reported through a left-out one keeps its reported_via mention but no
  // reported_via_claim_id. In [0, 1]; default 0: every claim.
  float min_confidence = 0;

  // For tools/calibrate_confidence.py: each claim's rule name is followed
  // by the confidence features it has, "+" before each ("say_that+short_
  // content+inherited"; see confidence.tsv), so that `whosaid eval
  // --by_rule` counts claims by rule and features. Claims otherwise stay
  // the same. Default false: the rule's name alone.
  bool rule_with_confidence_features = false;
};

class ClaimWriter;
class DocumentReader;
class ExtractorImpl;
struct ExtractionStats;

class Extractor {
 public:
  // Loads and compiles the lexicons. Errors name the lexicon file and line
  // (kInvalidArgument for a malformed file or bad pattern, kNotFound for a
  // missing lexicon_dir).
  static absl::StatusOr<std::unique_ptr<Extractor>> Create(
      const ExtractorOptions& options);

  ~Extractor();
  // Not copyable or movable: compiled patterns are expensive.
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Finds the claims in `doc` and writes `out` (cleared first): a copy of
  // the document, its claims in text order and the entities they mention.
  // Returns kInvalidArgument, naming the byte offset, if doc.text() is not
  // valid UTF-8 or is larger than max_document_bytes; `out` is then empty.
  absl::Status Extract(const v1::Document& doc, v1::Extraction* out) const;

  // The same, without copying the document text into `out`: out->document()
  // holds everything but the text. For callers that keep the text already.
  absl::Status ExtractClaims(const v1::Document& doc,
                             v1::Extraction* out) const;

  // For rule authors (`whosaid tags`): each sentence unit of `text` that
  // the attribution rules look at, with the tag string they match against
  // (one character per token; the legend is at the top of rules.tsv).
  struct TaggedUnit {
    uint32_t begin = 0;  // byte span of the unit in `text`
    uint32_t end = 0;
    std::string tags;
  };
  std::vector<TaggedUnit> TagUnits(absl::string_view text) const;

 private:
  // RunExtraction() reads documents through a DocumentReader, which has
  // checked every text with CheckDocumentText() already; so may the callers
  // of ExtractorPool.
  friend absl::StatusOr<ExtractionStats> RunExtraction(DocumentReader* reader,
                                                       const Extractor& extractor,
                                                       ClaimWriter* writer,
                                                       std::ostream* errors,
                                                       int jobs);
  friend class ExtractorPool;

  explicit Extractor(std::unique_ptr<ExtractorImpl> impl);
  // ExtractClaims(); with text_checked, for a text that CheckDocumentText()
  // has accepted already, the text is not checked again (undefined for a
  // text that would fail the check, hence private). Without
  // `with_entities`, out->entities() stays empty (for a writer that does
  // not read them).
  absl::Status ExtractClaims(const v1::Document& doc, v1::Extraction* out,
                             bool text_checked, bool with_entities = true) const;
  std::unique_ptr<ExtractorImpl> impl_;
};

}  // namespace whosaid

#endif  // WHOSAID_EXTRACTOR_H_
