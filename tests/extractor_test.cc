// Tests of the attribution engine through its public API: one table row per
// reporting pattern the engine claims to cover (spans checked by their text),
// speaker resolution across an article, and bad input and bad lexicons.
#include "whosaid/extractor.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/embedded.h"
#include "test_util.h"

namespace whosaid {
namespace {

// The text of `span` in `text`, or a marker when it does not fit.
std::string SpanText(absl::string_view text, const v1::Span& span) {
  if (span.begin() > span.end() || span.end() > text.size()) {
    return absl::StrCat("<bad span [", span.begin(), ", ", span.end(), ")>");
  }
  return std::string(text.substr(span.begin(), span.end() - span.begin()));
}

// The content parts of `c`, joined by " ... ".
std::string ContentText(absl::string_view text, const v1::Claim& c) {
  std::vector<std::string> parts;
  for (const v1::Span& p : c.content_parts())
    parts.push_back(test::WithoutQuoteMarks(SpanText(text, p)));
  return absl::StrJoin(parts, " ... ");
}

using test::BuiltIn;

v1::Extraction ExtractText(absl::string_view text,
                           absl::string_view id = "doc") {
  v1::Document doc;
  doc.set_id(std::string(id));
  doc.set_text(std::string(text));
  v1::Extraction out;
  absl::Status s = BuiltIn().Extract(doc, &out);
  EXPECT_TRUE(s.ok()) << s;
  return out;
}

// `text` gives one claim, of stance `stance`.
void ExpectOneClaimWithStance(absl::string_view text, v1::Stance stance) {
  SCOPED_TRACE(text);
  v1::Extraction out = ExtractText(text);
  ASSERT_EQ(out.claims_size(), 1);
  EXPECT_EQ(out.claims(0).stance(), stance);
}

struct PatternCase {
  const char* name;
  const char* text;
  int num_claims;
  int index;            // the claim checked, in text order
  const char* content;  // content parts joined by " ... "
  v1::ClaimKind kind;
  v1::Stance stance;
  const char* speaker;    // canonical name
  const char* cue;        // cue text
  const char* addressee;  // canonical name, "" for none
  const char* via;        // reported_via canonical name, "" for none
  bool without_evidence;
};

constexpr auto kDirect = v1::CLAIM_KIND_DIRECT;
constexpr auto kIndirect = v1::CLAIM_KIND_INDIRECT;
constexpr auto kMixed = v1::CLAIM_KIND_MIXED;

const PatternCase kPatterns[] = {
    {"quote_comma_name_said",
     "\"We will rebuild the bridge,\" Mayor Anna Keller said.", 1, 0,
     "We will rebuild the bridge,", kDirect, v1::STANCE_ASSERT, "Anna Keller",
     "said", "", "", false},
    {"quote_comma_said_name",
     "\"The budget is balanced,\" said Finance Minister Paul Grant.", 1, 0,
     "The budget is balanced,", kDirect, v1::STANCE_ASSERT, "Paul Grant",
     "said", "", "", false},
    {"name_said_comma_quote",
     "Mayor Anna Keller said, \"The pool will reopen in June.\"", 1, 0,
     "The pool will reopen in June.", kDirect, v1::STANCE_ASSERT, "Anna Keller",
     "said", "", "", false},
    {"name_said_colon", "Mayor Anna Keller said: the pool will reopen in June.",
     1, 0, "the pool will reopen in June", kIndirect, v1::STANCE_ASSERT,
     "Anna Keller", "said", "", "", false},
    {"name_said_that",
     "Senator Maria Lopez said that the bill would pass next week.", 1, 0,
     "the bill would pass next week", kIndirect, v1::STANCE_ASSERT,
     "Maria Lopez", "said", "", "", false},
    {"name_said_zero_that",
     "Senator Maria Lopez said the bill would pass next week.", 1, 0,
     "the bill would pass next week", kIndirect, v1::STANCE_ASSERT,
     "Maria Lopez", "said", "", "", false},
    {"content_name_said",
     "The vote will be delayed until spring, Senator Maria Lopez said.", 1, 0,
     "The vote will be delayed until spring", kIndirect, v1::STANCE_ASSERT,
     "Maria Lopez", "said", "", "", false},
    {"according_to_front",
     "According to Health Minister Tom Ruiz, hospitals are running out of "
     "beds.",
     1, 0, "hospitals are running out of beds", kIndirect, v1::STANCE_ASSERT,
     "Tom Ruiz", "According to", "", "", false},
    {"according_to_back",
     "Hospitals are running out of beds, according to Health Minister Tom "
     "Ruiz.",
     1, 0, "Hospitals are running out of beds", kIndirect, v1::STANCE_ASSERT,
     "Tom Ruiz", "according to", "", "", false},
    {"told_addressee_that",
     "Foreign Minister Karl Weiss told the ambassador that Germany would "
     "send more aid.",
     1, 0, "Germany would send more aid", kIndirect, v1::STANCE_ASSERT,
     "Karl Weiss", "told", "ambassador", "", false},
    {"told_addressee_zero_that",
     "Mayor Anna Keller told residents the pool would reopen in June.", 1, 0,
     "the pool would reopen in June", kIndirect, v1::STANCE_ASSERT,
     "Anna Keller", "told", "residents", "", false},
    {"has_claimed",
     "Prime Minister Lena Hart has claimed that the election was rigged.", 1, 0,
     "the election was rigged", kIndirect, v1::STANCE_CLAIM, "Lena Hart",
     "claimed", "", "", false},
    {"denied",
     "Prime Minister Lena Hart denied that the army had entered the city.", 1,
     0, "the army had entered the city", kIndirect, v1::STANCE_DENY,
     "Lena Hart", "denied", "", "", false},
    {"warned", "Governor Rita Moss warned that the ceasefire could collapse.",
     1, 0, "the ceasefire could collapse", kIndirect, v1::STANCE_WARN,
     "Rita Moss", "warned", "", "", false},
    {"content_denies",
     "Governor Rita Moss said there was no evidence that the mill was "
     "polluting the river.",
     1, 0, "there was no evidence that the mill was polluting the river",
     kIndirect, v1::STANCE_DENY, "Rita Moss", "said", "", "", false},
    {"content_warns",
     "Governor Rita Moss said the strike would cause serious problems for "
     "farmers.",
     1, 0, "the strike would cause serious problems for farmers", kIndirect,
     v1::STANCE_WARN, "Rita Moss", "said", "", "", false},
    {"direct_quote_keeps_cue_stance",
     "\"There is no evidence that the mill pollutes,\" Governor Rita Moss "
     "said.",
     1, 0, "There is no evidence that the mill pollutes,", kDirect,
     v1::STANCE_ASSERT, "Rita Moss", "said", "", "", false},
    // (The condemnation it reports is part of the governor's claim: one claim.)
    {"reaffirm_takes_reported_stance",
     "Governor Rita Moss reaffirmed that the state condemned the attack.", 1,
     0, "the state condemned the attack", kIndirect, v1::STANCE_CONDEMN,
     "Rita Moss", "reaffirmed", "", "", false},
    {"noted", "Governor Rita Moss noted that tax revenue had risen.", 1, 0,
     "tax revenue had risen", kIndirect, v1::STANCE_ASSERT, "Rita Moss",
     "noted", "", "", false},
    {"reaffirmed",
     "President John Adler reaffirmed that the alliance remains strong.", 1, 0,
     "the alliance remains strong", kIndirect, v1::STANCE_ASSERT, "John Adler",
     "reaffirmed", "", "", false},
    {"promised", "President Karen Wells promised that taxes would not rise.", 1,
     0, "taxes would not rise", kIndirect, v1::STANCE_PROMISE, "Karen Wells",
     "promised", "", "", false},
    {"admitted",
     "Chief Executive Mark Stone admitted that the company had made "
     "mistakes.",
     1, 0, "the company had made mistakes", kIndirect, v1::STANCE_ADMIT,
     "Mark Stone", "admitted", "", "", false},
    {"asked", "\"Who will pay for this?\" asked Senator Bill Hart.", 1, 0,
     "Who will pay for this?", kDirect, v1::STANCE_QUESTION, "Bill Hart",
     "asked", "", "", false},
    {"called_on", "Mayor Anna Keller called on the government to raise wages.",
     1, 0, "the government to raise wages", kIndirect, v1::STANCE_DEMAND,
     "Anna Keller", "called on", "government", "", false},
    {"urged", "Mayor Anna Keller urged residents to use the new pool.", 1, 0,
     "residents to use the new pool", kIndirect, v1::STANCE_DEMAND,
     "Anna Keller", "urged", "residents", "", false},
    {"mixed_quote",
     "Senator Maria Lopez said the plan was \"a total disaster\" for "
     "farmers.",
     1, 0, "the plan was \"a total disaster\" for farmers", kMixed,
     v1::STANCE_ASSERT, "Maria Lopez", "said", "", "", false},
    {"interrupted_quote",
     "\"We are not afraid,\" Mayor Anna Keller said, \"and we will not "
     "leave.\"",
     1, 0, "We are not afraid, ... and we will not leave.", kDirect,
     v1::STANCE_ASSERT, "Anna Keller", "said", "", "", false},
    {"follow_on_quote_paragraph",
     "\"Prices will fall soon,\" Governor Rita Moss said.\n\"We have done "
     "our part and we expect the banks to do theirs.\" The hall fell silent.",
     2, 1, "We have done our part and we expect the banks to do theirs.",
     kDirect, v1::STANCE_ASSERT, "Rita Moss", "", "", "", false},
    {"nested_outer",
     "A ministry statement said Foreign Minister Karl Weiss told the "
     "ambassador that Germany would respond.",
     2, 0,
     "Foreign Minister Karl Weiss told the ambassador that Germany would "
     "respond",
     kIndirect, v1::STANCE_ASSERT, "ministry statement", "said", "", "", false},
    {"nested_inner",
     "A ministry statement said Foreign Minister Karl Weiss told the "
     "ambassador that Germany would respond.",
     2, 1, "Germany would respond", kIndirect, v1::STANCE_ASSERT, "Karl Weiss",
     "told", "ambassador", "ministry statement", false},
    {"relative_clause_between",
     "French President Emmanuel Macron visited Berlin on Monday.\nMacron, "
     "who is on his first trip abroad this year, said the two countries "
     "must work together.",
     1, 0, "the two countries must work together", kIndirect, v1::STANCE_ASSERT,
     "Emmanuel Macron", "said", "", "", false},
    {"apposition_between",
     "Acme Corp chief executive Mark Stone, 52, said the factory would stay "
     "open.",
     1, 0, "the factory would stay open", kIndirect, v1::STANCE_ASSERT,
     "Mark Stone", "said", "", "", false},
    {"without_evidence",
     "Russian officials have claimed without providing evidence that the "
     "drones came from abroad.",
     1, 0, "the drones came from abroad", kIndirect, v1::STANCE_CLAIM,
     "Russian officials", "claimed", "", "", true},
    {"pronoun_he",
     "President Emmanuel Macron met workers in Lyon on Friday.\nHe said the "
     "factory would stay open.",
     1, 0, "the factory would stay open", kIndirect, v1::STANCE_ASSERT,
     "Emmanuel Macron", "said", "", "", false},
    {"pronoun_she_after_quote",
     "Mayor Anna Keller spoke on Monday.\n\"We will hire more teachers,\" "
     "she said.",
     1, 0, "We will hire more teachers,", kDirect, v1::STANCE_ASSERT,
     "Anna Keller", "said", "", "", false},
    {"surname_only",
     "President Emmanuel Macron met workers in Lyon on Friday.\nMacron said "
     "the factory would stay open.",
     1, 0, "the factory would stay open", kIndirect, v1::STANCE_ASSERT,
     "Emmanuel Macron", "said", "", "", false},
    // A colon quotation that a trailing attribution repeats is one claim,
    // and the attribution is not reported through the dropped colon claim.
    {"colon_quote_then_trailing_cue_no_via",
     "Mayor Anna Keller scolded the council: \"You have wasted a year,\" "
     "she said.",
     1, 0, "You have wasted a year,", kDirect, v1::STANCE_ASSERT, "Anna Keller",
     "said", "", "", false},
    // The same with the comma outside the closing mark.
    {"colon_quote_comma_outside_then_trailing_cue",
     "Mayor Anna Keller scolded the council: \"You have wasted a year\", "
     "she said.",
     1, 0, "You have wasted a year", kDirect, v1::STANCE_ASSERT, "Anna Keller",
     "said", "", "", false},
    // A speaker who goes on to report their own words ("adding that") is
    // not their own intermediary.
    {"adding_that_not_reported_via_self",
     "The bridge would close, Mayor Anna Keller said, adding that the pool "
     "would reopen.",
     2, 1, "the pool would reopen", kIndirect, v1::STANCE_ASSERT, "Anna Keller",
     "adding", "", "", false},
    // A document's report goes on in the next sentence when the speaker
    // comes back as a title; a speaker named anew, or one an outlet
    // relayed, speaks for themselves.
    {"document_report_goes_on_title",
     "Mayor Anna Keller told the council that the pool would reopen in "
     "June, a city statement said.\nThe mayor also said the library would "
     "close.",
     3, 2, "the library would close", kIndirect, v1::STANCE_ASSERT,
     "Anna Keller", "said", "", "city statement", false},
    {"document_report_then_name_anew_no_via",
     "Mayor Anna Keller told the council that the pool would reopen in "
     "June, a city statement said.\nOn Tuesday, Keller said the library "
     "would close.",
     3, 2, "the library would close", kIndirect, v1::STANCE_ASSERT,
     "Anna Keller", "said", "", "", false},
    {"outlet_report_not_carried_to_next_paragraph",
     "Mayor Anna Keller told the council that the pool would reopen in "
     "June, the Valley Gazette reported.\nThe mayor also said the library "
     "would close.",
     2, 1, "the library would close", kIndirect, v1::STANCE_ASSERT,
     "Anna Keller", "said", "", "", false},
    {"follow_on_quote_keeps_via",
     "\"The pool will reopen in June,\" Mayor Anna Keller told the council, "
     "according to a city statement. \"The library will close,\" she added.",
     2, 1, "The library will close,", kDirect, v1::STANCE_ASSERT,
     "Anna Keller", "added", "", "city statement", false},
    {"coordinated_tell_addressee",
     "Mayor Anna Keller would not give a date but told Governor Tom Ruiz "
     "that the pool would reopen.",
     1, 0, "the pool would reopen", kIndirect, v1::STANCE_ASSERT, "Anna Keller",
     "told", "Tom Ruiz", "", false},
    {"nominal_ministry",
     "The German Foreign Ministry said on Monday that talks would resume.\n"
     "The ministry said the move was unacceptable.",
     2, 1, "the move was unacceptable", kIndirect, v1::STANCE_ASSERT,
     "German Foreign Ministry", "said", "", "", false},
};

TEST(Extractor, Patterns) {
  for (const PatternCase& tc : kPatterns) {
    SCOPED_TRACE(tc.name);
    const v1::Extraction out = ExtractText(tc.text);
    const std::string& text = out.document().text();
    ASSERT_EQ(out.claims_size(), tc.num_claims);
    const v1::Claim& c = out.claims(tc.index);
    EXPECT_EQ(ContentText(text, c), tc.content);
    EXPECT_EQ(c.kind(), tc.kind);
    EXPECT_EQ(c.stance(), tc.stance);
    EXPECT_EQ(c.without_evidence(), tc.without_evidence);
    EXPECT_EQ(c.speaker().canonical_name(), tc.speaker);
    EXPECT_EQ(c.cue().text(), tc.cue);
    if (c.has_cue() && !c.cue().text().empty()) {
      EXPECT_EQ(SpanText(text, c.cue().span()), c.cue().text());
    }
    EXPECT_EQ(c.addressee().canonical_name(), tc.addressee);
    EXPECT_EQ(c.reported_via().canonical_name(), tc.via);
    EXPECT_EQ(c.document_id(), "doc");
    EXPECT_FALSE(c.id().empty());
    EXPECT_FALSE(c.rule().empty());
    EXPECT_GT(c.confidence(), 0.0f);
    EXPECT_LE(c.confidence(), 1.0f);
    // The speaker span holds the mention text (a single span).
    if (c.has_speaker() && c.speaker().span().end() > 0) {
      EXPECT_EQ(SpanText(text, c.speaker().span()), c.speaker().text());
    }
  }
}

TEST(Extractor, NestedAttributionLinksTheInnerClaimToTheOuter) {
  const v1::Extraction out = ExtractText(
      "A ministry statement said Foreign Minister Karl Weiss told the "
      "ambassador that Germany would respond.");
  ASSERT_EQ(out.claims_size(), 2);
  EXPECT_EQ(out.claims(1).reported_via_claim_id(), out.claims(0).id());
  EXPECT_EQ(out.claims(1).reported_via().entity_type(),
            v1::ENTITY_TYPE_DOCUMENT);
  EXPECT_TRUE(out.claims(0).reported_via_claim_id().empty());
}

TEST(Extractor, InterruptedQuoteHasTwoPartsInOneClaim) {
  const v1::Extraction out = ExtractText(
      "\"We are not afraid,\" Mayor Anna Keller said, \"and we will not "
      "leave.\"");
  ASSERT_EQ(out.claims_size(), 1);
  const v1::Claim& c = out.claims(0);
  ASSERT_EQ(c.content_parts_size(), 2);
  EXPECT_LT(c.content_parts(0).end(), c.content_parts(1).begin());
  EXPECT_EQ(c.content(), "We are not afraid, ... and we will not leave.");
}

// A part that is a whole quotation spans its marks, as written ('"No," she
// said': the marks weigh most on the shortest quotations); the content text
// is the words. Quoted words inside reported speech are no whole quotation:
// the part is the clause, marks and all, as it was.
TEST(Extractor, WholeQuotationSpansItsMarks) {
  const std::string text =
      "\xE2\x80\x9CNo,\xE2\x80\x9D Mayor Anna Keller said. \"We will see,\" "
      "she said, \"in June.\"";
  const v1::Extraction out = ExtractText(text);
  ASSERT_EQ(out.claims_size(), 2);
  const v1::Claim& no = out.claims(0);
  ASSERT_EQ(no.content_parts_size(), 1);
  EXPECT_EQ(SpanText(text, no.content_parts(0)), "\xE2\x80\x9CNo,\xE2\x80\x9D");
  EXPECT_EQ(no.content(), "No,");
  const v1::Claim& see = out.claims(1);
  ASSERT_EQ(see.content_parts_size(), 2);
  EXPECT_EQ(SpanText(text, see.content_parts(0)), "\"We will see,\"");
  EXPECT_EQ(SpanText(text, see.content_parts(1)), "\"in June.\"");
  EXPECT_EQ(see.content(), "We will see, ... in June.");

  const std::string mixed =
      "Mayor Anna Keller said the plan was \"a waste\" of money.";
  const v1::Extraction m = ExtractText(mixed);
  ASSERT_EQ(m.claims_size(), 1);
  ASSERT_EQ(m.claims(0).content_parts_size(), 1);
  EXPECT_EQ(SpanText(mixed, m.claims(0).content_parts(0)),
            "the plan was \"a waste\" of money");
  EXPECT_EQ(m.claims(0).content(), "the plan was \"a waste\" of money");
}

// "declined to comment": the infinitive is no claim of its own; the refusal
// is one, negated and without a stance (PolNeAR annotates refusals).
TEST(Extractor, RefusalGivesANegatedClaim) {
  v1::Extraction out =
      ExtractText("A spokeswoman for the company declined to comment.");
  ASSERT_EQ(out.claims_size(), 1);
  const v1::Claim& c = out.claims(0);
  EXPECT_EQ(c.cue().text(), "declined");
  EXPECT_TRUE(c.cue().negated());
  EXPECT_EQ(c.stance(), v1::STANCE_UNSPECIFIED);
  EXPECT_EQ(c.content(), "to comment");
}

// The content stances' screen (ExtractorImpl::ContentStance) answers as
// the case-insensitive RE2 set does: for capitals, and for U+017F and
// U+212A, which RE2 folds to "s" and "k".
TEST(Extractor, ContentStanceScreenFoldsCaseAsRe2) {
  const struct {
    const char* text;
    v1::Stance stance;
  } kCases[] = {
      {"Governor Rita Moss said the report was BASELESS.", v1::STANCE_DENY},
      {"Governor Rita Moss said the report was ba\xC5\xBF"
       "eless.",
       v1::STANCE_DENY},
      {"Governor Rita Moss said the report was fa\xE2\x84\xAA"
       "e news.",
       v1::STANCE_DENY},
      {"Governor Rita Moss said the strike would cause serious "
       "problems for farmers.",
       v1::STANCE_WARN},
      {"Governor Rita Moss said the strike would cause serious "
       "delays for farmers.",
       v1::STANCE_ASSERT},
  };
  for (const auto& c : kCases) ExpectOneClaimWithStance(c.text, c.stance);
}

// A content the screen passes is asked of the patterns it names one by one:
// of two lines that both match, the first in content_stances.tsv wins, as
// with the set's lowest hit; words of a line's pattern with no match of it
// give no stance.
TEST(Extractor, ContentStanceFirstMatchingLineWins) {
  const struct {
    const char* text;
    v1::Stance stance;
  } kCases[] = {
      // A denial (a line before the warnings) and a warning.
      {"Governor Rita Moss said the charges were baseless and would lead "
       "to more problems.",
       v1::STANCE_DENY},
      {"Governor Rita Moss said there is no evidence that the plan would "
       "cause problems.",
       v1::STANCE_DENY},
      {"Governor Rita Moss said the plan would lead to serious problems.",
       v1::STANCE_WARN},
      // A modal and a noun of the warning, with no verb of one between.
      {"Governor Rita Moss said the plan would help with problems.",
       v1::STANCE_ASSERT},
  };
  for (const auto& c : kCases) ExpectOneClaimWithStance(c.text, c.stance);
}

TEST(Extractor, DeclineAsFallGivesNoClaim) {
  EXPECT_EQ(ExtractText("Exports declined to 4 million tonnes in May.")
                .claims_size(),
            0);
}

// News reports what was not said as an attribution too ("did not say
// whether C"); such a claim carries no stance ("did not deny" denies
// nothing).
TEST(Extractor, NegatedCueGivesAClaimWithoutStance) {
  for (const char* text :
       {"The minister did not say whether the plant would close.",
        "Mayor Anna Keller didn't deny that the pool would close."}) {
    SCOPED_TRACE(text);
    const v1::Extraction out = ExtractText(text);
    ASSERT_EQ(out.claims_size(), 1);
    EXPECT_EQ(out.claims(0).stance(), v1::STANCE_UNSPECIFIED);
    // The cue shows its negation, and says so.
    EXPECT_TRUE(out.claims(0).cue().negated());
    EXPECT_TRUE(absl::StartsWith(out.claims(0).cue().text(), "did")) << out.claims(0).cue().text();
  }
  // An affirmative cue is not negated.
  EXPECT_FALSE(ExtractText("The minister said the plant would close.").claims(0).cue().negated());
}

// The addressee is the one the words were said to: the object of a tell
// or directive cue, or the noun phrase after "to" with any other cue. The
// noun phrase after "said in", "warned in" is a medium, a place or a time,
// and a phrase of time or a "that" after the addressee is not part of it.
TEST(Extractor, AddresseeIsWhomTheWordsWereSaidTo) {
  const struct {
    const char* text;
    const char* addressee;  // "" for none
  } kCases[] = {
      {"Mayor Anna Keller told reporters: \"The pool will reopen in June.\"",
       "reporters"},
      {"Mayor Anna Keller said to reporters: \"The pool will reopen in June.\"",
       "reporters"},
      {"Mayor Anna Keller said in a statement: \"The pool will reopen in "
       "June.\"",
       ""},
      {"Mayor Anna Keller warned the council that the pool would close.",
       "the council"},
      {"Mayor Anna Keller warned in a letter that the pool would close.", ""},
      // A phrase of time after the addressee tells when, not to whom; a
      // capitalised day inside a name stays.
      {"Mayor Anna Keller told the council last week that the pool would "
       "close.",
       "the council"},
      {"Mayor Anna Keller told reporters on Tuesday that the pool would close.",
       "reporters"},
      {"Mayor Anna Keller told the Sunday Times that the pool would close.",
       "the Sunday Times"},
      {"Mayor Anna Keller warned last week that the pool would close.", ""},
      {"The mayor shrugged it off, telling the council that \"the pool will "
       "close.\"",
       "the council"},
      {"The mayor shrugged it off, warning that \"the pool will close.\"", ""},
      // A question's addressee ends before "if" or "whether".
      {"The mayor asked the council if repairs to the pool were done.",
       "the council"},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.text);
    const v1::Extraction out = ExtractText(c.text);
    ASSERT_EQ(out.claims_size(), 1);
    EXPECT_EQ(
        out.claims(0).has_addressee() ? out.claims(0).addressee().text() : "",
        c.addressee);
  }
}

TEST(Extractor, TitleAndNameGiveCanonicalNameAndRole) {
  const v1::Extraction out = ExtractText(
      "President Emmanuel Macron met workers in Lyon on Friday.\nMacron said "
      "the factory would stay open.");
  ASSERT_EQ(out.claims_size(), 1);
  const v1::Mention& m = out.claims(0).speaker();
  EXPECT_EQ(m.text(), "Macron");
  EXPECT_EQ(m.canonical_name(), "Emmanuel Macron");
  EXPECT_EQ(m.entity_type(), v1::ENTITY_TYPE_PERSON);
  EXPECT_EQ(m.kind(), v1::MENTION_KIND_NAME);
  const v1::Entity* entity = nullptr;
  for (const v1::Entity& e : out.entities()) {
    if (e.id() == m.entity_id()) entity = &e;
  }
  ASSERT_NE(entity, nullptr) << "speaker entity " << m.entity_id();
  EXPECT_EQ(entity->canonical_name(), "Emmanuel Macron");
  ASSERT_EQ(entity->roles_size(), 1);
  EXPECT_EQ(entity->roles(0).title(), "President");
  EXPECT_EQ(entity->roles(0).document_id(), "doc");
}

TEST(Extractor, PronounResolvesToTheLastMalePerson) {
  const v1::Extraction out = ExtractText(
      "Mayor Anna Keller met President John Adler on Monday.\nHe said the "
      "alliance remains strong.");
  ASSERT_EQ(out.claims_size(), 1);
  EXPECT_EQ(out.claims(0).speaker().text(), "He");
  EXPECT_EQ(out.claims(0).speaker().kind(), v1::MENTION_KIND_PRONOUN);
  EXPECT_EQ(out.claims(0).speaker().canonical_name(), "John Adler");
}

// A quotation no rule attributes, or one that goes on in the voice of the
// claim before it: its speaker mention is the words of its paragraph that
// name the speaker (all of the name with its title), not a mention elsewhere.
TEST(Extractor, UnattributedQuotationSpeakerIsTheMentionInItsParagraph) {
  struct Case {
    const char* text;
    int claim;
    const char* rule;
    const char* speaker;
  } cases[] = {
      {"Governor Rita Moss, who chairs the water board, was blunt: \"We will "
       "not pay for this pool.\"",
       0, "orphan_quote", "Governor Rita Moss"},
      {"Senator Bill Hart said the bridge would be rebuilt.\n\n\"We have "
       "waited far too long for this bridge to be fixed,\" Hart shrugged "
       "after the vote.",
       1, "follow_on_quote", "Hart"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const v1::Extraction out = ExtractText(c.text);
    ASSERT_GT(out.claims_size(), c.claim);
    const v1::Claim& claim = out.claims(c.claim);
    EXPECT_EQ(claim.rule(), c.rule);
    ASSERT_TRUE(claim.speaker().has_span());
    EXPECT_EQ(absl::string_view(c.text).substr(
                  claim.speaker().span().begin(),
                  claim.speaker().span().end() - claim.speaker().span().begin()),
              c.speaker);
  }
}

TEST(Extractor, EmptyTextGivesNoClaims) {
  v1::Document doc;
  doc.set_id("empty");
  v1::Extraction out;
  ASSERT_TRUE(BuiltIn().Extract(doc, &out).ok());
  EXPECT_EQ(out.claims_size(), 0);
  EXPECT_EQ(out.document().id(), "empty");
}

TEST(Extractor, InvalidUtf8IsRejectedNamingTheByte) {
  v1::Document doc;
  doc.set_id("bad");
  doc.set_text(std::string("Keller said \xC3\x28 it.", 17));
  v1::Extraction out;
  out.add_claims();  // must be cleared
  absl::Status s = BuiltIn().Extract(doc, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_TRUE(absl::StrContains(s.message(), "byte 12")) << s;
  EXPECT_EQ(out.claims_size(), 0);
}

TEST(Extractor, DocumentOverTheLimitIsRejected) {
  ExtractorOptions options;
  options.max_document_bytes = 100;
  auto e = Extractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  v1::Document doc;
  doc.set_id("big");
  doc.set_text(std::string(101, 'a'));
  v1::Extraction out;
  absl::Status s = (*e)->Extract(doc, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_EQ(out.claims_size(), 0);
  doc.set_text(std::string(100, 'a'));
  EXPECT_TRUE((*e)->Extract(doc, &out).ok());
}

TEST(Extractor, MinConfidenceLeavesOutLessCertainClaims) {
  std::ifstream in("seeds/defense-ministers-call.txt", std::ios::binary);
  ASSERT_TRUE(in) << "run from the source directory";
  std::stringstream text;
  text << in.rdbuf();
  const v1::Extraction all = ExtractText(text.str(), "seed");
  std::set<float> levels;
  for (const v1::Claim& c : all.claims()) levels.insert(c.confidence());
  ASSERT_GE(levels.size(), 2u) << "the seed's claims need two confidences";
  // The second-lowest level: the claims of the lowest are left out.
  const float threshold = *std::next(levels.begin());

  ExtractorOptions options;
  options.min_confidence = threshold;
  auto e = Extractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  v1::Document doc;
  doc.set_id("seed");
  doc.set_text(text.str());
  v1::Extraction some;
  ASSERT_TRUE((*e)->Extract(doc, &some).ok());

  std::vector<const v1::Claim*> kept;
  std::set<std::string> dropped;
  for (const v1::Claim& c : all.claims()) {
    if (c.confidence() >= threshold) {
      kept.push_back(&c);
    } else {
      dropped.insert(c.id());
    }
  }
  ASSERT_FALSE(dropped.empty());
  ASSERT_EQ(some.claims_size(), static_cast<int>(kept.size()));
  for (int i = 0; i < some.claims_size(); ++i) {
    const v1::Claim& c = some.claims(i);
    EXPECT_EQ(c.id(), kept[i]->id());
    EXPECT_GE(c.confidence(), threshold);
    // A claim reported through a left-out one keeps the intermediary's
    // mention, not the link to a claim no longer there.
    if (dropped.count(kept[i]->reported_via_claim_id()) > 0) {
      EXPECT_TRUE(c.reported_via_claim_id().empty());
      EXPECT_EQ(c.reported_via().text(), kept[i]->reported_via().text());
    } else {
      EXPECT_EQ(c.reported_via_claim_id(), kept[i]->reported_via_claim_id());
    }
  }
}

TEST(Extractor, MinConfidenceOutOfRangeIsRejected) {
  for (float bad : {-0.1f, 1.5f, std::nanf("")}) {
    ExtractorOptions options;
    options.min_confidence = bad;
    auto e = Extractor::Create(options);
    EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument) << bad;
    EXPECT_TRUE(absl::StrContains(e.status().message(), "min_confidence"))
        << e.status();
  }
}

// (How fast: BM_ExtractUnbalancedQuotes in extractor_benchmark.)
TEST(Extractor, ManyUnbalancedQuoteMarksGiveSpansInsideTheText) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += i % 7 == 0 ? "\" said " : "\"";
  v1::Extraction out = ExtractText(text);
  for (const v1::Claim& c : out.claims()) {
    for (const v1::Span& p : c.content_parts()) {
      EXPECT_LE(p.begin(), p.end());
      EXPECT_LE(p.end(), text.size());
    }
  }
}

TEST(Extractor, ExtractClaimsLeavesOutTheText) {
  v1::Document doc;
  doc.set_id("d");
  doc.set_text("\"We will rebuild the bridge,\" Mayor Anna Keller said.");
  v1::Extraction with_text, without_text;
  ASSERT_TRUE(BuiltIn().Extract(doc, &with_text).ok());
  ASSERT_TRUE(BuiltIn().ExtractClaims(doc, &without_text).ok());
  EXPECT_EQ(with_text.document().text(), doc.text());
  EXPECT_TRUE(without_text.document().text().empty());
  EXPECT_EQ(without_text.document().id(), "d");
  ASSERT_EQ(without_text.claims_size(), 1);
  EXPECT_EQ(without_text.claims(0).SerializeAsString(),
            with_text.claims(0).SerializeAsString());
}

TEST(Extractor, ClaimIdsAreStableAndDependOnTheDocument) {
  const char* text =
      "Senator Maria Lopez said the bill would pass next week.\n\"The "
      "budget is balanced,\" said Finance Minister Paul Grant.";
  v1::Extraction a = ExtractText(text, "doc-a");
  v1::Extraction again = ExtractText(text, "doc-a");
  v1::Extraction b = ExtractText(text, "doc-b");
  ASSERT_EQ(a.claims_size(), 2);
  ASSERT_EQ(again.claims_size(), 2);
  ASSERT_EQ(b.claims_size(), 2);
  EXPECT_NE(a.claims(0).id(), a.claims(1).id());
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(a.claims(i).id(), again.claims(i).id());
    EXPECT_NE(a.claims(i).id(), b.claims(i).id());
  }
}

TEST(Extractor, ConcurrentExtractsAgree) {
  // An Extractor is documented as safe for concurrent use.
  std::ifstream in("seeds/defense-ministers-call.txt", std::ios::binary);
  ASSERT_TRUE(in.good());
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  const std::string want = ExtractText(text, "seed").SerializeAsString();
  ASSERT_GT(ExtractText(text, "seed").claims_size(), 10);
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        v1::Document doc;
        doc.set_id("seed");
        doc.set_text(text);
        v1::Extraction out;
        if (BuiltIn().Extract(doc, &out).ok()) {
          got[t] = out.SerializeAsString();
        }
        if (got[t] != want) return;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(got[t], want) << "thread " << t;
}

// A temporary lexicon directory, removed at the end of the test.
class TempLexiconDir {
 public:
  TempLexiconDir() {
    const auto* info = testing::UnitTest::GetInstance()->current_test_info();
    path_ =
        std::filesystem::temp_directory_path() /
        absl::StrCat("whosaid_extractor_test_", info->name(), "_", ::getpid());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempLexiconDir() { std::filesystem::remove_all(path_); }
  void Write(const std::string& name, const std::string& contents) {
    std::ofstream(path_ / name, std::ios::binary) << contents;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// The confidence of the one claim of `text` and the rule behind it.
std::pair<float, std::string> OnlyClaimConfidence(absl::string_view text) {
  const v1::Extraction out = ExtractText(text);
  EXPECT_EQ(out.claims_size(), 1) << text;
  if (out.claims_size() != 1) return {0.0f, ""};
  return {out.claims(0).confidence(), out.claims(0).rule()};
}

TEST(Extractor, ClauseAfterSaidOutranksNounPhraseAfterNonSpeechVerb) {
  // One rule, two claims: what the rule cannot tell (confidence.tsv) sets
  // them apart.
  const auto said = OnlyClaimConfidence(
      "Senator Jane Smith said the plan would cut taxes for families.");
  const auto offered = OnlyClaimConfidence(
      "Senator Jane Smith offered a pathway to citizenship for millions.");
  ASSERT_EQ(said.second, offered.second);
  EXPECT_GT(said.first, offered.first);
  // Each feature alone lowers it too: a noun phrase after a speech cue, a
  // clause after a cue of belief.
  const auto np = OnlyClaimConfidence(
      "Senator Jane Smith announced a new pathway to citizenship.");
  const auto belief = OnlyClaimConfidence(
      "Senator Jane Smith believes the plan would cut taxes for families.");
  ASSERT_EQ(np.second, said.second);
  ASSERT_EQ(belief.second, said.second);
  EXPECT_GT(said.first, np.first);
  EXPECT_GT(said.first, belief.first);
  EXPECT_GT(np.first, offered.first);
  EXPECT_GT(belief.first, offered.first);
}

TEST(Extractor, ConfidenceWithoutFeatureWeightsIsTheRules) {
  // With no weights, claims of one rule have one confidence, whatever
  // their features.
  TempLexiconDir dir;
  dir.Write("confidence.tsv", "# none\n");
  ExtractorOptions options;
  options.lexicon_dir = dir.path();
  auto e = Extractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  v1::Document doc;
  doc.set_id("doc");
  doc.set_text(
      "Senator Jane Smith offered a pathway to citizenship for millions.\n\n"
      "Senator Jane Smith said the plan would cut taxes for families.");
  v1::Extraction out;
  ASSERT_TRUE((*e)->Extract(doc, &out).ok());
  ASSERT_EQ(out.claims_size(), 2);
  EXPECT_EQ(out.claims(0).rule(), out.claims(1).rule());
  EXPECT_EQ(out.claims(0).confidence(), out.claims(1).confidence());
}

TEST(Extractor, RuleWithConfidenceFeaturesNamesThem) {
  ExtractorOptions options;
  options.rule_with_confidence_features = true;
  auto e = Extractor::Create(options);
  ASSERT_TRUE(e.ok()) << e.status();
  v1::Document doc;
  doc.set_id("doc");
  doc.set_text("Senator Jane Smith offered a pathway to citizenship for millions.");
  v1::Extraction out;
  ASSERT_TRUE((*e)->Extract(doc, &out).ok());
  ASSERT_EQ(out.claims_size(), 1);
  EXPECT_EQ(out.claims(0).rule(), "speaker_cue_that+np_content+nonspeech_cue");
}

TEST(Extractor, MissingLexiconDirIsNotFound) {
  ExtractorOptions options;
  options.lexicon_dir = "/nonexistent/whosaid/lexicons";
  auto e = Extractor::Create(options);
  EXPECT_EQ(e.status().code(), absl::StatusCode::kNotFound) << e.status();
}

TEST(Extractor, BrokenLexiconFilesNameFileAndLine) {
  struct Case {
    const char* file;
    const char* contents;
    const char* want;  // in the message
  } cases[] = {
      {"verbs.tsv", "# cues\nsay\tassert\tsay\ntell\tasert\ttell\n",
       "verbs.tsv:3: unknown stance 'asert'"},
      {"verbs.tsv", "say\tassert\tspeak\n", "verbs.tsv:1: unknown class"},
      {"verbs.tsv", "say\n", "verbs.tsv:1:"},
      {"rules.tsv", "# rules\n\nrule\tx\tsay\tlots\t(?P<cue>@)\n",
       "rules.tsv:3: confidence must be a number"},
      {"rules.tsv", "define\tX\n", "rules.tsv:1: expected: define NAME"},
      {"rules.tsv", "rule\tx\tshout\t0.5\t(?P<cue>@)\n", "rules.tsv:1:"},
      {"content_stances.tsv", "# c\ndeny\tno evidence\nscold\tshame\n",
       "content_stances.tsv:3: unknown stance 'scold'"},
      {"content_stances.tsv", "deny\n", "content_stances.tsv:1: expected"},
      {"content_stances.tsv", "deny\tno evidence\nwarn\t(unclosed\n",
       "content_stances.tsv:2: bad pattern"},
      {"content_stances.tsv", "deny\tno evidence\nnone\t(unclosed\n",
       "content_stances.tsv:2: bad pattern"},
      {"content_stances.tsv", "# c\nnoevidence\twithout (proof\n",
       "content_stances.tsv:2: bad pattern"},
      {"confidence.tsv", "# model\nbias\t0.3\nweight\tloud_speaker\t-0.5\n",
       "confidence.tsv:3: unknown feature 'loud_speaker'"},
      {"confidence.tsv", "weight\tnp_content\n",
       "confidence.tsv:1: expected: bias VALUE or weight FEATURE VALUE"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.file, ": ", c.contents));
    TempLexiconDir dir;
    dir.Write(c.file, c.contents);
    ExtractorOptions options;
    options.lexicon_dir = dir.path();
    auto e = Extractor::Create(options);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument)
        << e.status();
    EXPECT_TRUE(absl::StrContains(e.status().message(), c.want)) << e.status();
  }
}

TEST(Extractor, CountriesNamedInSeveralWordsAreGovernments) {
  const v1::Extraction out = ExtractText(
      "The United States said it would send aid. The United Kingdom said it "
      "would not.");
  ASSERT_EQ(out.claims_size(), 2);
  for (const v1::Claim& c : out.claims()) {
    EXPECT_EQ(c.speaker().entity_type(), v1::ENTITY_TYPE_GOVERNMENT)
        << c.speaker().canonical_name();
  }
}

// Extracts `text` with the embedded lexicons but for `file`, which has
// `contents`.
v1::Extraction ExtractWithLexiconFile(const std::string& file,
                                      const std::string& contents,
                                      const std::string& text) {
  TempLexiconDir dir;
  dir.Write(file, contents);
  ExtractorOptions options;
  options.lexicon_dir = dir.path();
  auto e = Extractor::Create(options);
  EXPECT_TRUE(e.ok()) << e.status();
  v1::Extraction out;
  if (!e.ok()) return out;
  v1::Document doc;
  doc.set_id("d");
  doc.set_text(text);
  EXPECT_TRUE((*e)->Extract(doc, &out).ok());
  return out;
}

TEST(Extractor, LexiconDirReplacesOneFile) {
  // A verbs.tsv that knows only "say": "claimed" is then no cue.
  const v1::Extraction out = ExtractWithLexiconFile(
      "verbs.tsv", "say\tassert\tsay\tsay,says,said,saying\n",
      "Prime Minister Lena Hart has claimed that the election was rigged.\n"
      "Senator Maria Lopez said the bill would pass next week.");
  ASSERT_EQ(out.claims_size(), 1);
  EXPECT_EQ(out.claims(0).cue().text(), "said");
}

TEST(Extractor, CompoundNoneLineLeavesForwardPhrasesAlone) {
  // A user's noun compound of class none ending in "report" ("jobs
  // report", flag compound) is read backward from its last word; the
  // embedded "press report", whose first word is a cue itself, is read
  // forward from "press" only, so "The Associated Press reports, C" keeps
  // its cue. The compound still makes no claim.
  const std::string text =
      "The Associated Press reports, citing two officials, that the deal "
      "is done.\n"
      "Analysts said the jobs report was strong.";
  const std::string verbs =
      std::string(internal::FindEmbeddedFile("verbs.tsv")) +
      "jobs report\tassert\tnone\tjobs report,jobs "
      "reports\tcompound\n";
  const v1::Extraction out = ExtractWithLexiconFile("verbs.tsv", verbs, text);
  std::vector<std::string> cues;
  for (const v1::Claim& c : out.claims()) cues.push_back(c.cue().text());
  EXPECT_THAT(cues, testing::Contains("reports"));
  EXPECT_THAT(cues, testing::Contains("said"));
  EXPECT_THAT(cues, testing::Not(testing::Contains("report")));
}

TEST(Extractor, NoneContentStanceMakesNoClaim) {
  // A user's content_stances.tsv line "none PATTERN" drops the claims whose
  // content it matches, and only those; other lines still give stances.
  const std::string text =
      "Mayor Anna Keller said the pool would reopen in June.\n"
      "Senator Maria Lopez said the bill was a disgrace.";
  const v1::Extraction out = ExtractWithLexiconFile(
      "content_stances.tsv", "none\t^the pool\\b\ncondemn\t\\bdisgrace\\b\n",
      text);
  ASSERT_EQ(out.claims_size(), 1);
  EXPECT_EQ(out.claims(0).content(), "the bill was a disgrace");
  EXPECT_EQ(out.claims(0).stance(), v1::STANCE_CONDEMN);
  // With the embedded lexicons both are claims.
  EXPECT_EQ(ExtractText(text).claims_size(), 2);
}

TEST(Extractor, NoneLinesOfEveryShapeDropTheirClaims) {
  // IsNoClaim() skips RE2 for a content whose first byte no "none" line can
  // begin with: the screen must hold for any line a user writes. A line in
  // lower case drops a capitalised content, and one whose "k" folds to the
  // Kelvin sign (U+212A) too; a case-sensitive group keeps its case ("Nato"
  // stays); a line not anchored at the start reads the whole content.
  const std::string text =
      "Senator Maria Lopez said Bill Evans was late.\n"
      "Mayor Anna Keller said \u212Aelvin Gray was late.\n"
      "Judge Ella Brooks said NATO would meet in June.\n"
      "Governor Tom Reyes said Nato would meet in May.\n"
      "Coach Sam Ortiz said the game was postponed again.";
  const v1::Extraction out = ExtractWithLexiconFile(
      "content_stances.tsv",
      "none\t^bill\\b\nnone\t^kelvin\\b\nnone\t^(?-i:[A-Z]{2,})\\s\n", text);
  ASSERT_EQ(out.claims_size(), 2);
  EXPECT_EQ(out.claims(0).content(), "Nato would meet in May");
  EXPECT_EQ(out.claims(1).content(), "the game was postponed again");
  const v1::Extraction unanchored = ExtractWithLexiconFile(
      "content_stances.tsv", "none\t\\bpostponed\\b\n", text);
  EXPECT_EQ(unanchored.claims_size(), 4);
  // With the embedded lexicons all are claims.
  EXPECT_EQ(ExtractText(text).claims_size(), 5);
}

TEST(Extractor, ContentStanceWithoutScreenAsksTheSet) {
  // A pattern that needs no word of three letters or more cannot be
  // screened: the stances are then asked of the set, compiled only then.
  const v1::Extraction out = ExtractWithLexiconFile(
      "content_stances.tsv", "deny\t\\bno\\b\n",
      "Senator Maria Lopez said there was no deal.\n"
      "Mayor Anna Keller said the pool would reopen in June.");
  ASSERT_EQ(out.claims_size(), 2);
  EXPECT_EQ(out.claims(0).stance(), v1::STANCE_DENY);
  EXPECT_EQ(out.claims(1).stance(), v1::STANCE_ASSERT);
}

TEST(Extractor, NoEvidenceLinesFlagTheClaimsOfTheirSentence) {
  // A "noevidence" line of content_stances.tsv is matched against the whole
  // sentence, so a phrase outside the content ("Without a shred of proof,")
  // flags the claim; a file without such lines flags nothing.
  const std::string text =
      "Without a shred of proof, Senator Maria Lopez claimed that the vote "
      "was rigged.\nMayor Anna Keller claimed that the pool would reopen.";
  const v1::Extraction out = ExtractWithLexiconFile(
      "content_stances.tsv", "noevidence\twithout a shred of proof\n", text);
  ASSERT_EQ(out.claims_size(), 2);
  EXPECT_EQ(out.claims(0).content(), "the vote was rigged");
  EXPECT_TRUE(out.claims(0).without_evidence());
  EXPECT_FALSE(out.claims(1).without_evidence());
  const v1::Extraction none =
      ExtractWithLexiconFile("content_stances.tsv", "deny\t\\bno proof\\b\n", text);
  ASSERT_EQ(none.claims_size(), 2);
  EXPECT_FALSE(none.claims(0).without_evidence());
  // The embedded lexicon's lines know "without providing evidence".
  const v1::Extraction embedded = ExtractText(
      "Officials claimed without providing evidence that the drones came "
      "from abroad.");
  ASSERT_EQ(embedded.claims_size(), 1);
  EXPECT_TRUE(embedded.claims(0).without_evidence());
}

}  // namespace
}  // namespace whosaid
