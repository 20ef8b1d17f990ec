// Tag strings of whole sentences (see the tag legend in
// seeds/lexicons/rules.tsv): tokens, possessives ('s and ’s), n't,
// abbreviations, multi-word cues, and cue words used as nouns.
#include "internal/tagger.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "gtest/gtest.h"
#include "internal/attribution.h"
#include "internal/byte_masks.h"
#include "internal/lexicon.h"
#include "internal/text_layout.h"

namespace whosaid {
namespace internal {
namespace {

class TaggerTest : public testing::Test {
 protected:
  void SetUp() override {
    auto lex = Lexicon::Load("");
    ASSERT_TRUE(lex.ok()) << lex.status();
    lex_ = std::move(*lex);
    segmenter_ = std::make_unique<Segmenter>(lex_->abbreviation_lexicon());
  }

  // Tags the whole of `text`; fills `tokens` with the token texts joined by
  // '|'.
  std::string Tag(const std::string& text, std::string* tokens = nullptr) {
    TextLayout layout;
    segmenter_->Segment(text, &layout);
    QuoteMarks marks;
    marks.Build(layout);
    Tagger tagger(lex_.get());
    std::vector<Token> toks;
    std::string tags;
    tagger.Tag(text, Range{0, static_cast<uint32_t>(text.size())}, marks, &toks,
               &tags);
    EXPECT_EQ(toks.size(), tags.size());
    std::vector<std::string> words;
    for (const Token& t : toks) {
      EXPECT_LE(t.begin, t.end);
      EXPECT_LE(t.end, text.size());
      words.push_back(text.substr(t.begin, t.end - t.begin));
    }
    if (tokens != nullptr) *tokens = absl::StrJoin(words, "|");
    return tags;
  }

  std::unique_ptr<Lexicon> lex_;
  std::unique_ptr<Segmenter> segmenter_;
};

TEST_F(TaggerTest, Sentences) {
  struct Case {
    const char* text;
    const char* tags;
    const char* tokens;
  } cases[] = {
      {"\"We are ready,\" Mayor Anna Keller said.", "qPbo,QRNNC.",
       "\"|We|are|ready|,|\"|Mayor|Anna|Keller|said|."},
      // Multi-word cues: the first word is the cue, the rest '_'.
      {"According to the ministry, the talks failed.", "C_dn,doo.",
       "According|to|the|ministry|,|the|talks|failed|."},
      {"The union called on the government to act.", "dnC_dnro.",
       "The|union|called|on|the|government|to|act|."},
      // Possessives, straight, curly and plural.
      {"Russia's war and Russia\u2019s war and the voters' anger.",
       "NgoxNgoxdngo.",
       "Russia|'s|war|and|Russia|\u2019s|war|and|the|voters|'|anger|."},
      // 's after a pronoun is "is" before an -ing form, else "has".
      {"He's saying that she's left.", "PbCtPvo.",
       "He|'s|saying|that|she|'s|left|."},
      // n't is a negation token of its own ("ca" of "can't" is a modal).
      {"The minister didn't say it, and he can't.", "dRvzCP,xPvz.",
       "The|minister|did|n't|say|it|,|and|he|ca|n't|."},
      {"The minister didn\u2019t say it.", "dRvzCP.",
       "The|minister|did|n\u2019t|say|it|."},
      // Abbreviations keep their period; "U.S." is one token.
      {"Sen. Bill Hart of the U.S. Senate said he was tired.", "RNNrdNNCPbo.",
       "Sen.|Bill|Hart|of|the|U.S.|Senate|said|he|was|tired|."},
      {"He told reporters in 2016 that she would win.", "PCor0tPvo.",
       "He|told|reporters|in|2016|that|she|would|win|."},
      {"Officials who spoke to him have said that it is not over.",
       "NworovCtPbzr.",
       "Officials|who|spoke|to|him|have|said|that|it|is|not|over|."},
      // An adverb cue (verbs.tsv flag adverb) is a cue before a plain verb,
      // a plain adverb before another cue, also across an auxiliary.
      {"Apple reportedly dropped the car.", "NCodo.",
       "Apple|reportedly|dropped|the|car|."},
      {"Apple reportedly said it would.", "NlCPv.",
       "Apple|reportedly|said|it|would|."},
      {"Apple reportedly has not denied it.", "NlvzCP.",
       "Apple|reportedly|has|not|denied|it|."},
      // A hyphen between spaces is a dash; one inside a word or closed up
      // on one side is not.
      {"The scholars - all three - agreed.", "do~do~C.",
       "The|scholars|-|all|three|-|agreed|."},
      {"The scholars -all three- agreed.", "do-do-C.",
       "The|scholars|-|all|three|-|agreed|."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::string tokens;
    EXPECT_EQ(Tag(c.text, &tokens), c.tags);
    EXPECT_EQ(tokens, c.tokens);
  }
}

TEST_F(TaggerTest, CueWordsUsedAsNounsAreNotCues) {
  struct Case {
    const char* text;
    const char* tags;
  } cases[] = {
      // "report" and "statement" are heads of the speaker, "said" the cue.
      {"The report said the plan failed.", "dnCdoo."},
      {"The statement said the plan failed.", "dnCdoo."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::string tags = Tag(c.text);
    EXPECT_EQ(tags, c.tags);
    EXPECT_EQ(std::count(tags.begin(), tags.end(), 'C'), 1);
  }
}

TEST_F(TaggerTest, CapitalisedOpenerShapedAsAdverbOrParticiple) {
  struct Case {
    const char* text;
    const char* tags;
  } cases[] = {
      // An adverb in -ly before a comma, a word in -ing or a function word.
      {"Similarly, the mayor said the pool was safe.", "l,dRCdobo."},
      {"Hastily leaving the hall, Keller said no.", "lido,NCz."},
      {"Shortly after the vote, Keller said no.", "lsdo,NCz."},
      // A participle in -ing before a determiner or preposition, when a
      // comma ends its clause.
      {"Speaking at a rally, Keller said no.", "irdo,NCz."},
      {"Following the vote, Keller said no.", "ido,NCz."},
      // Names: a surname in -lly, one before another word, a first name.
      {"Connolly, the mayor, said no.", "N,dR,Cz."},
      // An adverb the lexicon lists.
      {"Likewise, Keller said no.", "l,NCz."},
      {"Brantly then said no.", "NlCz."},
      {"Beverly, the mayor, said no.", "N,dR,Cz."},
      // A gerund that is the subject, or no comma after the clause.
      {"Polling of voters shows a tie.", "NrnCdo."},
      {"Fleming at the hall said no.", "NrdoCz."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Tag(c.text), c.tags);
  }
}

TEST_F(TaggerTest, ColonAfterACueIsNoCueOfItsOwn) {
  // The cue before it introduces the quotation; the colon is punctuation.
  EXPECT_EQ(Tag("The mayor left, saying: \"We are ready.\""), "dRo,C:qPbo.Q");
  // Without a cue before it, a colon before a quotation labels it.
  EXPECT_EQ(Tag("Pew Research: \"Most voters are tired.\""), "NNCqdnbo.Q");
}

TEST_F(TaggerTest, QuoteMarksOnlyWhenPaired) {
  // A lone mark is not a quote: no q or Q in the tags.
  std::string tags = Tag("He said \"no and left.");
  EXPECT_EQ(tags.find('Q'), std::string::npos) << tags;
  EXPECT_EQ(Tag("He said \"fine.\""), "PCqo.Q");
}

TEST_F(TaggerTest, AttributorTagsForMatchesTagger) {
  auto attributor = Attributor::Create(lex_.get());
  ASSERT_TRUE(attributor.ok()) << attributor.status();
  const std::string text =
      "Weather was calm. \"We are ready,\" Mayor Anna Keller said.";
  TextLayout layout;
  segmenter_->Segment(text, &layout);
  ASSERT_EQ(layout.sentences.size(), 2u);
  const Sentence& s = layout.sentences[1];
  EXPECT_EQ((*attributor)->TagsFor(text, layout, Range{s.begin, s.end}),
            "qPbo,QRNNC.");
}

// "he'd said", "they've warned": the contracted auxiliary ('d 'll 've 're
// 'm, straight or curly apostrophe) is a token of its own, so the subject
// is a pronoun before an auxiliary, not an unknown word; an apostrophe
// inside a name stays in it.
TEST_F(TaggerTest, ContractedAuxiliariesAreTokensOfTheirOwn) {
  struct Case {
    const char* text;
    const char* tags;
    const char* tokens;
  } cases[] = {
      {"She'd said they\u2019ve warned that we'll win.", "PvCPvCtPvo.",
       "She|'d|said|they|\u2019ve|warned|that|we|'ll|win|."},
      // 're and 'm are forms of "be".
      {"You're right, I\u2019m told.", "Pbo,PbC.",
       "You|'re|right|,|I|\u2019m|told|."},
      {"SHE'LL SAY THE FERRY WILL RUN.", "PvCdNvN.",
       "SHE|'LL|SAY|THE|FERRY|WILL|RUN|."},
      // Names: the letters after the apostrophe go on.
      {"Tom O'Dell and Ann D'Arcy said they'd go.", "NNxNNCPvo.",
       "Tom|O'Dell|and|Ann|D'Arcy|said|they|'d|go|."},
      // A lone 'd with no word before it is no auxiliary.
      {"The mayor 'd said.", "dR-oC.", "The|mayor|'|d|said|."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::string tokens;
    EXPECT_EQ(Tag(c.text, &tokens), c.tags);
    EXPECT_EQ(tokens, c.tokens);
  }
}

TEST_F(TaggerTest, AsciiLower) {
  std::string out;
  AsciiLower(
      "Said MINISTER \xC3\x89lys\xC3\xA9"
      "e",
      &out);
  EXPECT_EQ(out,
            "said minister \xC3\x89lys\xC3\xA9"
            "e");
}

// TagSourceCue() and TagTimeAfterCue() run only for a sentence whose words
// include a poll noun, or a cue and a noun of time (Tag() gathers the word
// classes as it tags): they still make their cues and adverbs there, and
// leave a sentence without those words as it was.
TEST_F(TaggerTest, SourceAndTimePassesRunWhereTheirWordsAre) {
  struct Case {
    const char* text;
    const char* tags;
  } cases[] = {
      // A noun of time after a cue, and between the subject and the cue.
      {"The mayor said last week the pool was safe.", "dRClldobo."},
      {"The mayor last week said the pool was safe.", "dRllCdobo."},
      // A noun of time that opens no phrase of time, and one with no cue.
      {"The mayor said the week was safe.", "dRCdobo."},
      {"The mayor spent last week at the pool.", "dRolordo."},
      // A source preposition before a poll it heads, opening the sentence
      // or after the clause the poll found; before a noun that is no poll,
      // or after a clause before the polls at large, it stays a preposition.
      {"In a new poll, most islanders backed the ferry.", "Cdjn,doodo."},
      {"In a new report, most islanders backed the ferry.", "rdjn,doodo."},
      {"Keller slipped to third place in a new poll.", "Nor0oCdjn."},
      {"Keller slipped to third place in the polls.", "Nor0ordn."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(Tag(c.text), c.tags);
  }
}

#if defined(__SSE2__)
// The masks of byte_masks.h have the high bit set in exactly the bytes of
// their range, whatever the byte and wherever the range lies (its low bits
// are of no meaning: only the high bits are read).
TEST(ByteMasks, HighBitsMarkExactlyTheRange) {
  for (int b = 0; b < 256; ++b) {
    SCOPED_TRACE(b);
    const __m128i x = _mm_set1_epi8(static_cast<char>(b));
    auto bits = [](__m128i m) { return _mm_movemask_epi8(m); };
    const std::pair<int, int> ranges[] = {{'A', 26}, {'a', 26}, {'0', 10},
                                          {'-', 2},  {0, 1},    {0x80, 1},
                                          {0xF0, 16}};
    for (auto [lo, n] : ranges) {
      const bool in = b >= lo && b < lo + n;
      EXPECT_EQ(
          bits(BytesInRange16(x, static_cast<char>(lo), static_cast<char>(n))),
          in ? 0xFFFF : 0)
          << lo << "+" << n;
    }
    EXPECT_EQ(bits(AsciiAlnum16(x)), absl::ascii_isalnum(b) ? 0xFFFF : 0);
    EXPECT_EQ(NotAlnum16(x), absl::ascii_isalnum(b) ? 0u : 0xFFFFu);
  }
}
#endif

}  // namespace
}  // namespace internal
}  // namespace whosaid
