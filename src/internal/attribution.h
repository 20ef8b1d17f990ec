// Attribution: finds reporting cues in the tagged sentences of a document and
// applies the named rules of rules.tsv to find, for each cue, its speaker,
// content and addressee. The output is spans only; speaker resolution and
// stance come after.
//
// An Attributor is immutable and safe for concurrent use.
#ifndef WHOSAID_INTERNAL_ATTRIBUTION_H_
#define WHOSAID_INTERNAL_ATTRIBUTION_H_

#include <bitset>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "internal/lexicon.h"
#include "internal/tag_dfa.h"
#include "internal/tagger.h"
#include "internal/text_layout.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace whosaid {
namespace internal {

// One attribution found in a document, as byte spans into its text.
struct Finding {
  // One or more parts, in text order (nearly always one or two: inline).
  absl::InlinedVector<Range, 2> content;
  Range speaker;               // empty when the speaker is inherited/unknown
  Range cue;
  Range addressee;             // empty when none
  int cue_index = -1;          // into Lexicon::cues()
  int rule = -1;               // into Lexicon::rules(); -1 for built-in rules
  const char* builtin_rule = nullptr;  // name when rule == -1
  int unit = 0;                // index of the sentence unit
  int paragraph = 0;
  bool direct = false;         // content is wholly inside quote marks
  bool mixed = false;          // content contains quoted material
  bool inherited = false;      // speaker taken from the context
  int via = -1;                // index of the finding it is reported through
  int follows = -1;            // a follow_on_quote: the finding whose speaker it goes on with
  bool drop = false;           // folded into another finding
  // No claim of its own (dropped once contents are cut), but a cue that ends
  // the content of a claim it stands in: "C1, while 48 percent agreed and
  // C2".
  bool cut_only = false;
  bool without_evidence = false;
  bool negated = false;        // "did not say C": the cue is negated
  bool infinitive = false;     // the cue is an infinitive after "to" ('&')
  bool document = false;       // the speaker is a document ("a statement said")
  // A turn of dialogue: the content opens its paragraph with a quotation.
  bool turn = false;
  // A built-in turn (follow_on_quote, dialogue_turn) whose speaker the
  // conversation decides once speakers are resolved (see
  // AssignDialogueTurns in extractor.cc).
  bool turn_open = false;
  // Kept only in a document that holds a conversation: a quotation
  // paragraph after narration (narrated_turn) and the turns that follow it.
  bool needs_conversation = false;
  bool narrated = false;  // narrated_turn: the paragraph before is narration
  // A narrated turn whose speaker is the one the narration before it is
  // about ("The doctor bent down." / "\"Let me take him.\""): no exchange
  // of two overrides it.
  bool narration_subject = false;
  // A turn that opens a paragraph whose narration reports speech later
  // (in a book): kept only when the narration right after its quotation
  // names who speaks (see NamedBeatSubject in extractor.cc).
  bool needs_beat = false;
  // The words before a noun cue that modify it or take it as an object
  // ("recent reports that C", "X raised fears that C"), which speak no
  // claim: a content around it ends before them as before a speaker
  // ("announced C amid published reports that C2"; "asked tough questions
  // of both sides" goes on whole). Empty when none.
  Range noun_modifiers;
  // The comma that closes a phrase opening the content after "that" ("said
  // that after the call, the staff asked C"); 0 when none. A cue after it
  // stands in the reported clause.
  uint32_t lead_comma = 0;
};

// The tags that mark the cue being attributed in a tag string: '@' for a
// finite verb or phrase, '%' for a participle, '&' for an infinitive after
// "to", '=' for a passive. A marked string holds one of them once; the
// tagger never gives them.
inline constexpr absl::string_view kCueMarks = "@%&=";
// The index of a cue mark in kCueMarks (the last for any other byte).
constexpr size_t CueMarkIndex(char c) {
  size_t i = 0;
  while (i + 1 < kCueMarks.size() && kCueMarks[i] != c) ++i;
  return i;
}

// Where a rule's pattern can be cut in two: right after its cue group
// "(?P<cue>...)" when that group stands at the top level of the pattern,
// opens with one cue mark (kCueMarks) or a class of marks only ("[@&]": a
// tag string holds one mark), carries no quantifier and is not the
// end of the pattern, and the pattern has no top-level alternation and no
// flag group; npos otherwise. Escapes and character classes are skipped, so
// "\\(" and "[()]" are no parentheses. The Attributor matches a rule with
// the two halves, which costs far less than the whole pattern (MatchesRule,
// MatchRuleGroups).
size_t CueGroupEnd(absl::string_view pattern);

// The automata (TagDfa) that answer for the halves of a rule where RE2
// would: `left` for the left half, unanchored (only for one anchored at the
// start); `left_to_cue` for its LeftToCuePattern, read backward; `right` for
// the right half, anchored. The submatchers (TagSubmatcher) give the groups
// of the right half (anchored at the start), of the left-to-cue pattern
// (anchored at both ends, from TagDfa::LeftmostStart) and of a left half
// anchored with "^" (from the start). Null where RE2 answers.
struct HalfDfas {
  const TagDfa* left = nullptr;
  const TagDfa* left_to_cue = nullptr;
  const TagDfa* right = nullptr;
  const TagSubmatcher* left_to_cue_groups = nullptr;
  const TagSubmatcher* right_groups = nullptr;
  const TagSubmatcher* left_groups = nullptr;
};

// Does rule pattern `whole` match `tags`, whose cue mark (once) begins the
// cue's words, which end at `cue_end`? The same answer as whole.Match(),
// from the halves `left` and `right` of `whole` cut at CueGroupEnd() (or
// from `whole` when they are null; for a cue of several words, also when
// its cue group is none of "(?P<cue>@)", "(?P<cue>@_*)" and
// "(?P<cue>@_+)", with any cue mark or a class of marks). `left_known` and
// `right_known`, when given, hold what each half answered before for the same
// string and cue (left: in tags[0, cue_end); right: anchored at cue_end; -1:
// not asked yet) and get its answer. `left_to_cue`, when given, is the RE2 of
// LeftToCuePattern(left).
bool MatchesRule(const re2::RE2& whole, const re2::RE2* left,
                 const re2::RE2* right, absl::string_view tags,
                 size_t cue_end, int8_t* left_known = nullptr,
                 int8_t* right_known = nullptr,
                 const re2::RE2* left_to_cue = nullptr);

// The groups of the leftmost match of rule pattern `whole` in `tags`,
// numbered as `whole` numbers them; false when it does not match. `left` and
// `right` are the halves of `whole` cut at CueGroupEnd(), or null. `tags`
// must hold a cue mark once at most: then every match of the whole pattern
// is a match of the left half followed by one of the right half, and the
// halves give the same groups as the whole at a fraction of the cost.
// `left_to_cue`, when given, is the RE2 of LeftToCuePattern(left).
bool MatchRuleGroups(const re2::RE2& whole, const re2::RE2* left,
                     const re2::RE2* right, absl::string_view tags,
                     std::vector<re2::StringPiece>* groups,
                     const re2::RE2* left_to_cue = nullptr);

// The left half `left` with "$" after it, which MatchesRule and
// MatchRuleGroups run on the string up to where the cue group ends: RE2
// runs it backward from that end, without the forward scan it makes for
// `left` to find a match and its end. "" when `left`
// is anchored at the start (no scan to spare), its cue group is none of
// those MatchesRule reads ("(?P<cue>@_*)"), or it could answer otherwise on the
// shorter string ("$", "\z", word boundaries; flags and syntax not read).
std::string LeftToCuePattern(absl::string_view left);

// How far can the cue group that ends a left half reach? "(?P<cue>@)" ends
// right after the mark (1); "(?P<cue>@_*)" anywhere in the run of '_' (the
// cue's further words) after it (2); "(?P<cue>@_+)" anywhere in that run
// after its first '_' (3); any other group: not known here (0). The mark
// may be a class of marks ("[@&]"): a tag string holds one. When it is
// known, no match of a left half cut at CueGroupEnd() ends after the cue's
// words (MatchRuleGroups searches no further).
int CueGroupReach(absl::string_view left);

// The bytes a match of `pattern` can begin with, in `first`; false when
// that is not known (the pattern can match the empty string, or uses syntax
// TagPattern does not read: flags, Perl classes, ...). A superset at worst: a
// match anchored at position i of a string needs that string's byte i in
// `first`. Attributor::Half() reads the same for each rule half, from the
// one TagPattern it parses for all it keeps of the half (edge bytes and
// needs); this reading of a pattern alone is what the tests check.
bool FirstBytes(absl::string_view pattern, std::bitset<256>* first);
// The same for the bytes a match of `pattern` can end with.
bool LastBytes(absl::string_view pattern, std::bitset<256>* last);

// What every match of a pattern holds, for a test cheaper than running it
// on a tag string: each byte of `all`, and a byte of each set of `any_of`
// (bit 127, which no tag is, stands for a set not given: the string's set
// of bytes always holds it). (64 bytes: Find reads a half's in one line.)
struct alignas(64) PatternNeeds {
  static constexpr int kAnyOf = 3;
  std::bitset<128> all;
  std::bitset<128> any_of[kAnyOf] = {std::bitset<128>().set(127),
                                     std::bitset<128>().set(127),
                                     std::bitset<128>().set(127)};
  // Whether a string whose set of bytes is `held` (with bit 127 set) can
  // hold a match.
  bool HeldBy(const std::bitset<128>& held) const {
    return (all & ~held).none() && (any_of[0] & held).any() &&
           (any_of[1] & held).any() && (any_of[2] & held).any();
  }
};
// Reads what every match of `pattern` holds (TagPattern::NeededSets: sets
// of bytes of which the match holds one, the smallest kept) into `needs`;
// false when ReadTagPattern() does not vouch for the pattern, and then
// `needs` is not changed. (As FirstBytes: Half() reads the same.)
bool ReadPatternNeeds(absl::string_view pattern, PatternNeeds* needs);

// A rule's half (or another pattern cut from a rule) and its RE2, compiled
// only when a search needs it (see attribution.cc).
struct RulePattern;

class Attributor {
 public:
  // Compiles the rules of `lexicon` (which must outlive the Attributor).
  // Errors name the rule: "rules.tsv: rule 'quote_speaker_cue': missing )".
  static absl::StatusOr<std::unique_ptr<Attributor>> Create(
      const Lexicon* lexicon);
  ~Attributor();

  // Finds the attributions in `text`, segmented as `layout`. `out` is
  // cleared first.
  void Find(absl::string_view text, const TextLayout& layout,
            std::vector<Finding>* out) const;

  // The units Find() tags (sentences holding a cue, merged across quotes),
  // each with its tag string.
  void TagUnits(absl::string_view text, const TextLayout& layout,
                std::vector<std::pair<Range, std::string>>* out) const;

  // For tests: the tag string of text[range].
  std::string TagsFor(absl::string_view text, const TextLayout& layout,
                      Range range) const;

  // Where a word of 1 to 24 ASCII letters falls in cue_shapes_,
  // a bit number below 2^kCueShapeBits, by its length and its first two
  // and last two letters in lower case (a word of one letter is each).
  static size_t CueShape(size_t length, char first, char second, char penult,
                         char last);
  static constexpr int kCueShapeBits = 15;

 private:
  // Ends content that follows a cue inside a sentence-opening adverbial
  // clause where that clause ends (see attribution.cc).
  void EndAtOpeningClause(absl::string_view text,
                          const std::vector<Token>& tokens,
                          const std::string& tags, size_t a, size_t b,
                          size_t k, Range* r) const;
  // Ends a noun-phrase content before an adjunct of the act ("during a
  // rally"; see attribution.cc).
  void EndAtAdjunct(absl::string_view text, const std::vector<Token>& tokens,
                    const std::string& tags, size_t a, size_t b,
                    size_t cue_end, Range* r, bool with_ends = false) const;
  // Ends a phrase content before a participle or an appositive after a
  // comma ("opposed the tax, allotting ..."; see attribution.cc).
  void EndAtPhraseTail(absl::string_view text,
                       const std::vector<Token>& tokens,
                       const std::string& tags, size_t a, size_t b,
                       size_t cue_end, Range* r) const;
  // Ends a content at the comma and verb that close an aside holding the
  // cue ("The letter, announcing C, was posted"; see attribution.cc).
  void EndAtAsideClose(absl::string_view text,
                       const std::vector<Token>& tokens,
                       const std::string& tags, size_t a, size_t b, size_t k,
                       Range* r) const;
  // Whether token t opens a question ("whether", "how", "what"; see
  // attribution.cc).
  bool OpensQuestion(absl::string_view text, const Token& t) const;
  // Whether token k looks like a verb: a listed form, or "-ed"/"-ing"
  // before a determiner or pronoun (see attribution.cc).
  bool LooksLikeVerb(absl::string_view text, const std::vector<Token>& tokens,
                     const std::string& tags, size_t k) const;
  // Whether the speaker tokens [a, b) hold the verb of a clause of their
  // own after a noun or name and the start of its object ("Sanders stepped
  // up demands", "officials reviewed hundreds of requests"; see
  // attribution.cc).
  bool SpeakerHoldsVerb(absl::string_view text,
                        const std::vector<Token>& tokens,
                        const std::string& tags, size_t a, size_t b) const;
  // Ends the content of a cue of class seem before a subordinate clause
  // ("appears to be losing ground after the vote"; see attribution.cc).
  void EndAtSeemAdjunct(absl::string_view text,
                        const std::vector<Token>& tokens,
                        const std::string& tags, size_t a, size_t b,
                        Range* r) const;
  // Whether the part [a, b) after the passive cue k opens with a phrase of
  // time or place or an adverbial clause ("was announced on Friday"), which
  // tells when or where, not what (see attribution.cc).
  bool PassiveAdjunct(absl::string_view text, const std::vector<Token>& tokens,
                      const std::string& tags, size_t k, size_t a,
                      size_t b) const;
  // Ends a content of one word that stands for what was said before the
  // adverbs and phrases of the act ("said so in June", "rejected it on
  // those grounds"; see attribution.cc).
  void EndAtProForm(absl::string_view text, const std::vector<Token>& tokens,
                    const std::string& tags, size_t a, size_t b,
                    size_t cue_end, Range* r) const;
  // Ends an infinitive content after its cue before a clause of time or
  // cause or a participle of the writer's ("refused to answer after the
  // vote", "wants to sign up voters, focusing on ..."; see attribution.cc).
  void EndAtInfinitiveAdjunct(absl::string_view text,
                              const std::vector<Token>& tokens,
                              const std::string& tags, size_t a, size_t b,
                              size_t cue_end, Range* r) const;
  // Ends a phrase content before "and" and a verb phrase of the speaker's
  // own ("praised the plan and took questions"; see attribution.cc).
  // `ing_cue`: the cue is a word in -ing ("touting").
  void EndAtCoordinatedVerb(absl::string_view text,
                            const std::vector<Token>& tokens,
                            const std::string& tags, size_t a, size_t b,
                            size_t cue_end, bool ing_cue, Range* r) const;
  // Ends a phrase content before "and" and another cue of the speaker's
  // ("announced the plan and said C"; see attribution.cc).
  void EndAtCoordinatedCue(absl::string_view text,
                           const std::vector<Token>& tokens,
                           const std::string& tags, size_t a, size_t b,
                           size_t cue_end, Range* r) const;
  // Ends a noun-phrase content before a phrase of time that closes it
  // ("endorsed the mayor in June"; see attribution.cc).
  void EndAtTimePhrase(absl::string_view text, const std::vector<Token>& tokens,
                       const std::string& tags, size_t a, size_t b,
                       size_t cue_end, Range* r) const;
  // Ends a phrase content at a quotation closed by its own comma before
  // the writer's words ("called him a \"moderate,\" a subtle dig"; see
  // attribution.cc).
  void EndAtLabelQuoteComma(absl::string_view text,
                            const std::vector<Token>& tokens,
                            const std::string& tags, size_t a, size_t b,
                            size_t cue_end, Range* r) const;
  // Ends a content at a quotation closed by its own comma before a tail of
  // the writer's ("the \"harbor loophole,\" which lets ..."; see
  // attribution.cc).
  void EndAtQuoteCommaTail(absl::string_view text,
                           const std::vector<Token>& tokens,
                           const std::string& tags, size_t a, size_t b,
                           Range* r) const;
  // Ends a noun-phrase content before a phrase of time that more adjuncts
  // follow ("announced her bid last year in the lobby"; see attribution.cc).
  void EndAtInnerTimePhrase(absl::string_view text,
                            const std::vector<Token>& tokens,
                            const std::string& tags, size_t a, size_t b,
                            size_t cue_end, Range* r) const;
  // Ends a content that opens with a whole quotation at its closing mark
  // when a subordinate clause, a conjunction or a dash follows it
  // ("chanted \"Q!\" as they marched"; see attribution.cc).
  void EndAtQuoteClose(absl::string_view text, const std::vector<Token>& tokens,
                       const std::string& tags, size_t a, size_t* b) const;
  // The relative word that opens a clause of reported speech ("which the
  // mayor said C"), a first content part; see attribution.cc.
  Range RelativeBefore(absl::string_view text, const std::vector<Token>& tokens,
                       const std::string& tags, size_t speaker, size_t a,
                       size_t cue_end, bool label_quote) const;
  // The noun phrase before a relative clause with no relative word whose
  // cue is followed by a gap ("the employees they thought were fit"), or an
  // empty range (see attribution.cc).
  Range ContactAntecedent(absl::string_view text,
                          const std::vector<Token>& tokens,
                          const std::string& tags, size_t sa, size_t sb,
                          size_t a, size_t b, size_t cue_end) const;
  // Is the cue at token k the verb of a relative clause whose object is
  // the noun before it ("the plan that the mayor proposed in May"), with
  // nothing said after the cue? (See attribution.cc.)
  bool ObjectGapRelative(absl::string_view text,
                         const std::vector<Token>& tokens,
                         const std::string& tags, size_t sa, size_t sb,
                         size_t k, size_t cue_end, size_t b,
                         bool no_inversion) const;
  // Is there a verb in the tokens from `from` to token k (see attribution.cc)?
  bool VerbBetween(absl::string_view text, const std::vector<Token>& tokens,
                   const std::string& tags, uint32_t from, size_t k) const;
  // Is t, the capitalised first word of a sentence, one that opens a
  // phrase rather than names someone (see attribution.cc)?
  bool OpenerWord(absl::string_view text, const Token& t, char next) const;
  // Ends content whose cue is inside a relative clause where that clause
  // ends (see attribution.cc).
  void EndAtRelativeClause(absl::string_view text,
                           const std::vector<Token>& tokens,
                           const std::string& tags, size_t speaker, size_t a,
                           size_t b, Range* r) const;
  // The first token after a writer's lead-in closed by a colon in a
  // content before its trailing cue ("The result: C, a study found"; see
  // attribution.cc), or `a`.
  static size_t StartAfterColonLeadIn(absl::string_view text,
                                      const std::vector<Token>& tokens,
                                      const std::string& tags, size_t a,
                                      size_t b, Range* r);
  // Starts content before a trailing attribution after an adverbial clause
  // that opens the sentence ("Although C1, C2, X said"; see attribution.cc).
  // Returns the content's new first token, or `a`.
  size_t StartAfterOpeningClause(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t a, size_t b,
                                 Range* r) const;
  // Starts a content after its cue past a phrase of place, time or occasion
  // and "that" ("said in Buffalo that C"; see attribution.cc). Returns the
  // content's new first token, or `a`.
  size_t StartAfterLeadInThat(absl::string_view text,
                              const std::vector<Token>& tokens,
                              const std::string& tags, size_t a, size_t b,
                              Range* r) const;
  // Whether a label cue after a noun phrase that opens with "a" or "an"
  // names what the phrase introduces ("A group called Black Votes Matter
  // held a rally"; see attribution.cc): tokens [sa, ...) the speaker,
  // [cue_end, b) what follows the cue.
  bool NamesIndefinite(absl::string_view text, const std::vector<Token>& tokens,
                       const std::string& tags, size_t sa, size_t cue_end,
                       size_t b) const;
  // Starts a content after a preposition right after its cue ("boasted
  // about C"; see attribution.cc). Returns the content's new first token, or
  // `a`.
  size_t StartAfterTopicPrep(absl::string_view text,
                             const std::vector<Token>& tokens,
                             const std::string& tags, size_t a, size_t b,
                             Range* r) const;
  // Starts a content after the one asked and "about" ("asked her about C";
  // see attribution.cc). Returns the content's new first token, or `a`.
  size_t StartAfterAskedAddressee(absl::string_view text,
                                  const std::vector<Token>& tokens,
                                  const std::string& tags, size_t a, size_t b,
                                  Range* r) const;
  // Starts the content of a tell cue past its object when that is a noun of
  // a medium or occasion ("told a news conference C"; see attribution.cc).
  // Returns the content's new first token, or `a`.
  size_t StartAfterOccasionObject(absl::string_view text,
                                  const std::vector<Token>& tokens,
                                  const std::string& tags, size_t a, size_t b,
                                  Range* r) const;
  // Starts a content after its cue past a phrase of its medium with no comma
  // ("asked on Twitter whether C"; see attribution.cc). Returns the
  // content's new first token, `a`, or `b` (and an empty `r`) when nothing
  // follows the phrase ("asked on Twitter.").
  size_t StartAfterMediumPhrase(absl::string_view text,
                                const std::vector<Token>& tokens,
                                const std::string& tags, size_t a, size_t b,
                                Range* r) const;
  // Starts a content after its cue at the quotation that closes it when
  // only a phrase of how, when or where it was said, or the one spoken to,
  // stands before it ('told reporters in Nashua last week, "Q"'; see
  // attribution.cc). Returns whether it did (then `r` is the quotation's
  // text and the content direct).
  bool StartAtClosingQuotation(absl::string_view text,
                               const std::vector<Token>& tokens,
                               const std::string& tags, size_t a, size_t b,
                               Range* r) const;
  // Starts a content after its cue past a phrase of its medium closed by a
  // comma ("said in a statement, C"; see attribution.cc). Returns the
  // content's new first token, or `a`.
  size_t StartAfterMediumComma(absl::string_view text,
                               const std::vector<Token>& tokens,
                               const std::string& tags, size_t a, size_t b,
                               Range* r) const;
  // Ends a noun-phrase content before a phrase of the medium or occasion of
  // the act ("in an interview"; see attribution.cc).
  void EndAtMedium(absl::string_view text, const std::vector<Token>& tokens,
                   const std::string& tags, size_t a, size_t b, Range* r) const;
  // The agent after what follows a passive cue ("was asked to wait by the
  // council"; see attribution.cc): ends the content before "by" and returns
  // the agent's span, or an empty one.
  Range LateAgent(absl::string_view text, const std::vector<Token>& tokens,
                  const std::string& tags, size_t a, size_t b, Range* r) const;
  // Ends a content before the writer's concession or the terms of the
  // source's speaking ("even though ...", "on the condition of anonymity";
  // see attribution.cc).
  void EndAtWritersTerms(absl::string_view text,
                         const std::vector<Token>& tokens,
                         const std::string& tags, size_t a, size_t b,
                         Range* r) const;
  // Ends the content of a cue inside a phrase that opens the sentence with a
  // preposition at the comma before the sentence's subject and verb ("At
  // the moment X learned C, he was ..."; see attribution.cc).
  void EndAtFrontedPhrase(absl::string_view text,
                          const std::vector<Token>& tokens,
                          const std::string& tags, size_t a, size_t b,
                          size_t k, Range* r) const;
  // Ends a content before a dash and "a"/"an" that opens the writer's
  // appositive to the end ("said C -- a claim that ..."; see attribution.cc).
  void EndAtDashAppositive(absl::string_view text,
                           const std::vector<Token>& tokens,
                           const std::string& tags, size_t a, size_t b,
                           Range* r) const;
  // The end of a content that a rule cut at the comma of a list of noun
  // phrases running to the end of the sentence ("made no mention of A, B or
  // C"), from a: the sentence's end; else b (see attribution.cc).
  size_t ExtendThroughList(absl::string_view text,
                           const std::vector<Token>& tokens,
                           const std::string& tags, size_t a,
                           size_t b) const;
  struct CompiledRule;
  explicit Attributor(const Lexicon* lexicon);
  // The candidate filter: does `text` hold a cue word?
  bool HasCueWord(absl::string_view text) const;
  // Whether `sentence` opens as the speech tag of a quotation before it
  // ("He tweeted when C"; see attribution.cc): BuildUnits joins them.
  bool OpensAsSpeechTag(absl::string_view sentence) const;
  // Can the unit hold an attribution (a cue word the tagger may make a cue,
  // a colon or a dash)? A cue word inside one of `quoted` (byte ranges of
  // `unit`, in order) counts for nothing (see MayHaveCue).
  bool IsCandidate(absl::string_view unit,
                   absl::Span<const Range> quoted = {}) const;
  // Whether `unit` holds a source preposition and a poll noun after it
  // ("In a poll released Sunday, C", "C in a poll"): a unit the tagger may
  // give a cue though it has no cue word.
  bool MayHaveSource(absl::string_view unit) const;
  // As HasCueWord(), but passing over the words that cannot become a cue
  // where they stand: the first word of a cue phrase before a word that no
  // phrase has second, a noun cue that is capitalised or has no
  // possessive before it, and a cue word right after a determiner or a
  // possessive, where the tagger reads a noun (see attribution.cc); and
  // one inside one of `quoted` (byte ranges of `text`, in order), a
  // quotation whose words Find passes over.
  bool MayHaveCue(absl::string_view text,
                  absl::Span<const Range> quoted = {}) const;
  // The lexicon entry of token `t`, lower-cased, or nullptr (also for a
  // token longer than kMaxWordOfToken bytes).
  const WordInfo* WordOf(absl::string_view text, const Token& t) const;
  // Whether token `t` at the start of a speaker is a web page's furniture
  // glued before it ("CLOSE Beto O'Rourke announced"): a word of class
  // control, notice or medium, capitalised, and all in capitals when
  // `capitals_only`. (Not PageLabel(), which reads a label before a colon
  // and takes a document noun too: "POLL:".)
  bool PageFurniture(absl::string_view text, const Token& t, bool capitals_only) const;
  static constexpr uint32_t kMaxWordOfToken = 24;
  // Whether token `t` before a colon labels a part of the page rather than
  // naming who speaks: a word of class notice ("Correction:"), or a noun
  // of a medium or a document written all in capitals ("VIDEO:", "POLL:").
  bool PageLabel(absl::string_view text, const Token& t) const;
  // "another", "some": a determiner that can stand for a noun phrase.
  // A capitalised first word before a determiner that opens a phrase
  // ("Outside the arena, X ..."): see attribution.cc.
  bool PrepositionBeforeDeterminer(absl::string_view text, const Token& t) const;
  bool IsPronDet(absl::string_view text, const Token& t) const;
  bool WritingVenueOnly(absl::string_view text, const std::vector<Token>& tokens,
                        const std::string& tags, absl::string_view lemma, size_t a,
                        size_t ra, size_t rb) const;
  bool PluralDemonstrativeWho(absl::string_view text, const std::vector<Token>& tokens,
                              const std::string& tags, size_t a) const;
  // Is [a, b) "it" alone (a speaker: "It seems that C", nobody; an object:
  // "rejected it on procedural grounds")?
  bool IsRelativeSpeaker(absl::string_view text, const Finding& f) const;
  bool IsNeuterIt(absl::string_view text, const std::vector<Token>& tokens,
                  const std::string& tags, size_t a, size_t b) const;
  // Is the speaker [a, b) a phrase of time ("last week", "this year", a year
  // alone): when, not who?
  bool IsTimePhrase(absl::string_view text, const std::vector<Token>& tokens,
                    const std::string& tags, size_t a, size_t b) const;
  // A copula with adverbs between the neuter pronoun and what follows it
  // (IsExtraposedIt, IsExtraposedParticiple).
  bool CopulaPhrase(absl::string_view text, const std::vector<Token>& tokens,
                    const std::string& tags, size_t b, size_t e, bool* judgement) const;
  // "It is important to note that C": is the speaker [a, b) a neuter
  // pronoun before a copula and a word of judgement, with the infinitive
  // cue k after them? (See attribution.cc.)
  bool IsExtraposedIt(absl::string_view text, const std::vector<Token>& tokens,
                      const std::string& tags, size_t a, size_t b,
                      size_t k) const;
  // "It is worth noting that C": the same with a participle cue k right
  // after the word of judgement.
  bool IsExtraposedParticiple(absl::string_view text,
                              const std::vector<Token>& tokens,
                              const std::string& tags, size_t a, size_t b,
                              size_t k) const;
  // "was criticized by X for failing to C": moves a phrase of a preposition
  // and an -ing word out of the agent `speaker` into `content2` (see
  // attribution.cc).
  void SplitAgentComplement(absl::string_view text,
                            const std::vector<Token>& tokens,
                            const std::string& marked, int speaker,
                            int content2,
                            std::vector<re2::StringPiece>* groups) const;
  // Whether a "none" line of content_stances.tsv matches the content.
  // Is the content [a, b) after cue token k a passive participle's agent
  // ("reported by a local station")? (See attribution.cc.)
  bool IsAgentAfterParticiple(absl::string_view text,
                              const std::vector<Token>& tokens,
                              const std::string& tags, size_t k, size_t a,
                              size_t b, absl::string_view lemma) const;
  // Is cue token k a participle that modifies the plain noun before it
  // ("the opinions expressed in this column are ...")? (See attribution.cc.)
  bool IsParticipleOfNoun(absl::string_view text,
                          const std::vector<Token>& tokens,
                          const std::string& tags, size_t k, size_t a, size_t b,
                          absl::string_view lemma) const;
  // Is the content [a, b) adverbs and words of time only ("said simply")?
  bool OnlyAdverbs(absl::string_view text, const std::vector<Token>& tokens,
                   const std::string& tags, size_t a, size_t b) const;
  // Is the content [a, b) "as" and one noun phrase only ("dismissed as
  // paranoia", "testify as a witness")?
  bool AsPhraseOnly(absl::string_view text, const std::vector<Token>& tokens,
                    const std::string& tags, size_t a, size_t b) const;
  // Is the content [a, b) one phrase of time only ("in 2013", "last month",
  // "a few days later")?
  bool OnlyTimePhrase(absl::string_view text, const std::vector<Token>& tokens,
                      const std::string& tags, size_t a, size_t b) const;
  // Is the content [a, b) conjunctions, adverbial subordinators,
  // prepositions and brackets only ("said because", "(pun intended)")?
  bool OnlyLinkWords(absl::string_view text, const std::vector<Token>& tokens,
                     const std::string& tags, size_t a, size_t b) const;
  // Is the content [a, b) an adverbial subordinator of time or reason and
  // a phrase with no clause of its own ("testified before a grand jury",
  // "wrote while a student at the university", "was attacked because of
  // his reporting")?
  bool AdjunctPhraseOnly(absl::string_view text,
                         const std::vector<Token>& tokens,
                         const std::string& tags, size_t a, size_t b) const;
  // Is what follows the cue, whose words end before token `cue_end`, a
  // person and "to" a place ("welcomed leaders to the White House",
  // verbs.tsv flag host)?
  bool HostingOnly(absl::string_view text, const std::vector<Token>& tokens,
                   const std::string& tags, size_t cue_end) const;
  bool IsNoClaim(absl::string_view text, Range content) const;
  // Whether a "noevidence" line of content_stances.tsv matches the sentence.
  bool SaysNoEvidence(absl::string_view sentence) const;
  // Whether the speaker [a, b) of a participle cue is a document that a
  // verb before it issued ("released a statement saying", "revised her
  // statement explaining", "running ads praising").
  bool IssuedDocument(absl::string_view text, const std::vector<Token>& tokens,
                      const std::string& marked, size_t a, size_t b) const;
  // Is the noun phrase tokens[a, b) headed by a document ("the poll")?
  bool IsDocumentHead(absl::string_view text, const std::vector<Token>& tokens,
                      size_t a, size_t b) const;

  // The index in halves_ of a half of a rule (left: up to and with the
  // cue group), one per distinct half; -1 if it does not compile.
  int Half(const std::string& pattern, bool left);

  const Lexicon* lex_;
  Tagger tagger_;
  std::vector<std::unique_ptr<CompiledRule>> rules_;
  // Sets of rules as bitmaps of rule_words_ words, bit i for the rule of
  // index i (rule_at_): Find visits the rules of a set that pass its byte
  // tests (rule_before_ and the others below) by their bits, in file order,
  // without a test for each rule that fails.
  std::vector<const CompiledRule*> rule_at_;  // by index; null for none
  // By index, the fields of rule_at_'s rule that Find's first tests of a
  // rule read, packed together: most rules visited fail one of them, and
  // a CompiledRule spans cache lines of its own (one load missing the
  // cache a rule, where a few hundred rules share a line here).
  struct RuleScreen {
    uint64_t needs = 0;  // CompiledRule::needs, as TagSlots()
    int left_half = -1, right_half = -1;
    // A left half whose cue group ends at the cue's mark or in the run of
    // its further words (CompiledRule::left_reach is not 0): after a cue
    // of more words, the rule matches only where the right half does after
    // the mark (MatchesRuleWith).
    bool cue_group_cut = false;
  };
  std::vector<RuleScreen> rule_screen_;
  // By cue class: the rules of rules_ that name it (Find tries only those).
  std::vector<uint64_t> rules_by_class_[kCueClasses];
  // The same by cue class, by the mark of the cue (its index in kCueMarks)
  // and by which of the tags of kSplitTags the unit holds (bit i for
  // kSplitTags[i]), without the rules that need another mark or one of
  // those tags the unit lacks: the tagger gives no mark, so in a unit whose
  // tags hold none the cue's own is the only one, and those rules do not
  // match (Find passes over them unread).
  static constexpr absl::string_view kSplitTags = "qQ,";
  std::vector<uint64_t> rules_by_class_mark_[kCueClasses][4][1 << kSplitTags.size()];
  // The rules named "attributive_..." (in none of the sets above): the only ones
  // tried for a cue of flag attributive ("a self-described socialist").
  std::vector<uint64_t> attributive_rules_;
  // The rules with a labelprep group (which take a punctuation cue only),
  // the rules named "colon_..." (a colon cue only) and those with a speaker
  // (no nospeaker group: not for a cue of flag adverb), as sets of rules:
  // Find leaves them out of a cue's set at once, not a rule at a time.
  std::vector<uint64_t> labelprep_rules_, colon_rules_, speaker_rules_;
  std::vector<std::unique_ptr<RulePattern>> halves_;
  absl::flat_hash_map<std::string, int> half_index_;
  // For each right half of halves_, the bytes it can begin with; for each
  // left half, those the part before its cue group can end with (as
  // FirstBytes and LastBytes, from the reading in Half()): every byte
  // where they are not known.
  std::vector<std::bitset<256>> half_edge_;
  // For each half of halves_, what every match of it holds
  // (TagPattern::NeededSets of the reading that vouches for it, see
  // Half(); nothing where RE2 reads it): Find rules out a half
  // whose side of the cue lacks it before it reads the rule (its copy in
  // half_slot_needs_ below).
  std::vector<PatternNeeds> half_needs_;
  // The tag bytes those tests read (the rules' and halves' needs, the marks
  // of kCueMarks, the tags of kSplitTags and '_'), each as a bit of one
  // word, by byte (a byte from 128 on as the byte below it that TagSlots'
  // table keeps): Find tests a word where the tags' set of bytes took two.
  // Bit kAlwaysHeld stands for byte 127 (see PatternNeeds); past
  // kSharedSlot bytes, the rest share that bit (a test that passes more
  // often, never one that fails where a match is).
  static constexpr int kSharedSlot = 62;
  static constexpr uint64_t kAlwaysHeld = uint64_t{1} << 63;
  uint64_t tag_slot_[256] = {};
  // half_needs_ in those bits.
  struct alignas(32) SlotNeeds {
    uint64_t all = 0;
    uint64_t any_of[PatternNeeds::kAnyOf] = {kAlwaysHeld, kAlwaysHeld,
                                             kAlwaysHeld};
    // As PatternNeeds::HeldBy, of a word of TagSlots() with kAlwaysHeld.
    bool HeldBy(uint64_t held) const {
      return (all & ~held) == 0 && (any_of[0] & held) != 0 &&
             (any_of[1] & held) != 0 && (any_of[2] & held) != 0;
    }
  };
  std::vector<SlotNeeds> half_slot_needs_;
  // Gives the bytes of tag_slot_ their bits, once the rules are read, and
  // fills rule_screen_'s needs and half_slot_needs_.
  void AssignTagSlots();
  // A set of tag bytes in those bits.
  uint64_t Slots(const std::bitset<128>& bytes) const;
  // The bits of the tag bytes of `tags`.
  uint64_t TagSlots(absl::string_view tags) const;
  // For each left half anchored at the start ("^..."), the bytes a match
  // can begin with (as FirstBytes), where known, else every byte: a tag string
  // that begins with another byte is no match for it.
  std::vector<std::bitset<256>> left_start_;
  // The edge tests of half_edge_ and left_start_ by rule, for Find to pass
  // over at once the rules they rule out (most of those it visits): for
  // each byte b, bit i of the rule_words_ words from b * rule_words_ says
  // whether the rule of index i may match where b is the byte before the
  // cue's mark (rule_before_), the first byte of the tags (rule_start_),
  // or the byte after a cue of one word (rule_after_).
  int rule_words_ = 0;
  std::vector<uint64_t> rule_before_, rule_start_, rule_after_;
  // By index in halves_: the left halves' LeftToCuePattern, where given.
  std::vector<std::unique_ptr<RulePattern>> left_to_cue_;
  // By index in halves_: the half's automata (see HalfDfas), each compiled
  // when a search first needs it.
  struct HalfAutomata;
  std::unique_ptr<HalfAutomata[]> half_automata_;
  // A bit set for the shape (CueShape) of each cue word (and first word
  // of a cue phrase, and noun cue): most words of a text fail this test
  // and need no lexicon lookup in HasCueWord(). (4 KB: it stays in the
  // first-level cache, where a table by length and first and last letters
  // did not.)
  uint64_t cue_shapes_[(size_t{1} << kCueShapeBits) / 64] = {};
  // The same words' last letters (bit 0 for 'a') by first letter and
  // length, 32 * (first - 'a') + length: a cheaper test, made before the
  // shape's. (news-5mb: two of three words fail it, the shape most of the
  // rest; 1.04012e9 -> 1.03724e9 instructions. 3.3 KB more to keep in the
  // cache: the time was not measured, this host is too noisy for 0.3%.)
  uint32_t cue_last_letters_[26 * 32] = {};
  // The first two words of each cue phrase ("make it" of "make it
  // clear"), for MayHaveCue().
  WordMap<bool> cue_phrase_starts_;
  // The lengths and last letters of the determiners and possessives, each
  // with the set of their first letters (bit 0 for 'a'): for MayHaveCue(),
  // which passes over a cue word right after one.
  uint32_t slot_shapes_[kShortWord * 26] = {};
  // Their last two letters (26 for none before the last), 27 * first +
  // second: MayHaveCue() reads on to the lookup only after such an end.
  std::bitset<27 * 27> slot_ends_;
  // The rules named subject*: the subject a coordinated or participial cue
  // shares, tried in file order.
  struct SubjectRule {
    std::unique_ptr<re2::RE2> re;
    // Its automaton (unanchored) and submatcher, or null: RE2 answers.
    std::unique_ptr<TagDfa> dfa;
    std::unique_ptr<TagSubmatcher> groups;
    int speaker = 0;  // the group "speaker"
    // subject_and_clause: a clause coordinated after ", and" with a
    // subject of its own, which a participle after it hangs on rather than
    // on the cue before it.
    bool and_clause = false;
  };
  std::vector<SubjectRule> subjects_;
  // The "none" lines of content_stances.tsv, or null: a content they match
  // reports no claim ("asked not to be named").
  std::unique_ptr<re2::RE2> no_claim_;
  // The "noevidence" lines of content_stances.tsv, or null: a sentence they
  // match marks its claims without evidence.
  std::unique_ptr<re2::RE2> no_evidence_;
  // Strings one of which a sentence must hold for no_evidence_ to match, or
  // empty to scan every sentence: see SaysNoEvidence().
  std::vector<std::string> no_evidence_keys_;
  // The bytes a match of no_claim_ may begin with (NoClaimFirstBytes()): a
  // content that begins with another byte is no match, and IsNoClaim()
  // answers without running RE2 (whose set-up costs more than the match
  // for the short prefix these patterns read). All when RE2 cannot tell.
  std::bitset<256> no_claim_first_;
};

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_ATTRIBUTION_H_
