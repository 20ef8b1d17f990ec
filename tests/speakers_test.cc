// Speaker resolution inside one article: names with titles, surname-only
// mentions, pronouns, nominals, and entity ids.
#include "internal/speakers.h"

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "internal/lexicon.h"
#include "internal/text_layout.h"

namespace whosaid {
namespace internal {
namespace {

class SpeakersTest : public testing::Test {
 protected:
  void SetUp() override {
    auto lex = Lexicon::Load("");
    ASSERT_TRUE(lex.ok()) << lex.status();
    lex_ = std::move(*lex);
    segmenter_ = std::make_unique<Segmenter>(lex_->abbreviation_lexicon());
  }

  struct Resolved {
    std::string canonical;  // "" when unresolved
    v1::EntityType type = v1::ENTITY_TYPE_UNSPECIFIED;
    v1::MentionKind kind = v1::MENTION_KIND_UNSPECIFIED;
    std::vector<std::string> roles;
  };

  // Whom "He" is after "We met `phrase` at the gate", a mayor named
  // before: a person noun after an article there is the nearer person.
  std::string HeAfterMeeting(absl::string_view phrase) {
    const std::string text = absl::StrCat("Mayor Anna Keller left early. We met ", phrase,
                                          " at the gate. He said nothing.");
    auto r = ResolveAll(text, {{"He", 0}});
    return r.size() == 1 ? r[0].canonical : "<not one resolution>";
  }

  // Resolves, in text order, the mentions of `text` given as the n-th
  // occurrence (0-based) of each string in `mentions`.
  std::vector<Resolved> ResolveAll(
      const std::string& text,
      const std::vector<std::pair<std::string, int>>& mentions) {
    TextLayout layout;
    segmenter_->Segment(text, &layout);
    SpeakerResolver resolver(lex_.get(), text, &layout);
    resolver.Index();
    std::vector<Resolved> out;
    for (const auto& [m, n] : mentions) {
      size_t at = text.find(m);
      for (int i = 0; i < n && at != std::string::npos; ++i) {
        at = text.find(m, at + 1);
      }
      EXPECT_NE(at, std::string::npos) << m;
      if (at == std::string::npos) continue;
      Resolution r = resolver.Resolve(Range{
          static_cast<uint32_t>(at), static_cast<uint32_t>(at + m.size())});
      Resolved res;
      res.kind = r.kind;
      if (r.entity >= 0) {
        const ResolvedEntity& e = resolver.entities()[r.entity];
        res.canonical = e.canonical;
        res.type = e.type;
        res.roles = e.roles;
      }
      out.push_back(res);
    }
    return out;
  }

  std::unique_ptr<Lexicon> lex_;
  std::unique_ptr<Segmenter> segmenter_;
};

TEST_F(SpeakersTest, TitleNameThenSurname) {
  const std::string text =
      "French Defense Minister Sebastien Lecornu spoke to Sergei Shoigu. "
      "Lecornu said France was ready.";
  auto r = ResolveAll(
      text, {{"French Defense Minister Sebastien Lecornu", 0}, {"Lecornu", 1}});
  ASSERT_EQ(r.size(), 2u);
  for (const Resolved& x : r) {
    EXPECT_EQ(x.canonical, "Sebastien Lecornu");
    EXPECT_EQ(x.type, v1::ENTITY_TYPE_PERSON);
    EXPECT_EQ(x.kind, v1::MENTION_KIND_NAME);
    EXPECT_EQ(x.roles, std::vector<std::string>{"French Defense Minister"});
  }
}

TEST_F(SpeakersTest, RoleOrNameWordIsTheLatestEntityThatHasIt) {
  // "the minister" is the last person whose role has the word, behind
  // others named more often since; "the ministry" the last entity whose
  // name has it. (Each entity is tested once however often it is named.)
  const std::string text =
      "Defense Minister Jane Doe met Senator Bob Smith and the Foreign "
      "Ministry. Smith spoke. Smith left. Smith came back. Later the minister "
      "said talks went well, and the ministry said so too.";
  auto r = ResolveAll(text, {{"the minister", 0}, {"the ministry", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "Jane Doe");
  EXPECT_EQ(r[1].canonical, "Foreign Ministry");
}

TEST_F(SpeakersTest, NominalsLookBackFromWhereTheyAre) {
  // "the minister", "the ministry" and "a French statement" early in a long
  // text refer to what was named before them, however many mentions come
  // after: not to nothing, nor to a ministry named at the end.
  std::string text =
      "Defense Minister Jane Doe met Senator Bob Smith at the French Defense "
      "Ministry. Later the minister said talks went well, and the ministry "
      "said so too. A French statement said the same.";
  for (int i = 0; i < 450; ++i) absl::StrAppend(&text, " Smith spoke.");
  absl::StrAppend(&text, " The French Foreign Ministry said nothing.");
  auto r = ResolveAll(
      text, {{"the minister", 0}, {"the ministry", 0}, {"A French statement", 0}});
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].canonical, "Jane Doe");
  EXPECT_EQ(r[1].canonical, "French Defense Ministry");
  EXPECT_EQ(r[2].canonical, "French Defense Ministry");
}

TEST_F(SpeakersTest, SurnameOfAPersonNamedOnlyInTheText) {
  // Index() finds "President Emmanuel Macron" though it is never a speaker.
  const std::string text =
      "President Emmanuel Macron met workers on Friday. Macron said the "
      "factory would stay open.";
  auto r = ResolveAll(text, {{"Macron", 1}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "Emmanuel Macron");
  EXPECT_EQ(r[0].roles, std::vector<std::string>{"President"});
}

TEST_F(SpeakersTest, ReflexiveAfterANameIsNoPartOfIt) {
  const std::string text =
      "\"We are ready,\" said Mayor Anna Keller herself. \"So am I,\" said "
      "Miss Stroud.";
  auto r = ResolveAll(text, {{"Mayor Anna Keller herself", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "Anna Keller");
  EXPECT_EQ(r[0].kind, v1::MENTION_KIND_NAME);
}

TEST_F(SpeakersTest, PossessiveInsideANameMakesAPlace) {
  // "Robin Hood's Well" is a spring, not a man that "he" could be, though
  // "Robin" is a first name.
  const std::string text =
      "The road ran past Robin Hood's Well and on to the town. At noon the "
      "boy came home. \"I won,\" he said.";
  // (The fourth "he": the first three are in "The" and "the".)
  auto r = ResolveAll(text, {{"he", 3}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "boy");
}

TEST_F(SpeakersTest, IndefinitePronounIsNoPerson) {
  // "Everyone" opening a sentence is no man that "he" could be.
  const std::string text =
      "Mayor Tom Baker came in late. Everyone knew the vote was over. "
      "\"Too late,\" he said.";
  auto r = ResolveAll(text, {{"Everyone", 0}, {"he", 1}});  // "he said"
  ASSERT_EQ(r.size(), 2u);
  EXPECT_NE(r[0].type, v1::ENTITY_TYPE_PERSON);
  EXPECT_EQ(r[1].canonical, "Tom Baker");
}

TEST_F(SpeakersTest, PronounsByGender) {
  const std::string text =
      "Mayor Anna Keller met President John Adler on Monday. He said the "
      "alliance was strong. She said the city agreed.";
  auto r = ResolveAll(text, {{"He", 0}, {"She", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "John Adler");
  EXPECT_EQ(r[0].kind, v1::MENTION_KIND_PRONOUN);
  EXPECT_EQ(r[1].canonical, "Anna Keller");
  EXPECT_EQ(r[1].kind, v1::MENTION_KIND_PRONOUN);
}

TEST_F(SpeakersTest, FirstAndSecondPersonPronounsAreNotResolved) {
  // A narrator's "I" is not the last man named.
  const std::string text =
      "Captain John Stockham came aboard at noon. I said nothing to him.";
  auto r = ResolveAll(text, {{"I", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "");
  EXPECT_EQ(r[0].kind, v1::MENTION_KIND_PRONOUN);
}

TEST_F(SpeakersTest, PronounWithTheSentencePeriodIsAPronoun) {
  // '"Yes," said I.': "I." ends the sentence; it is no initial of a name,
  // and no later "he" refers to it.
  const std::string text =
      "Captain John Stockham came aboard. \"Yes,\" said I. He nodded.";
  auto r = ResolveAll(text, {{"I.", 0}, {"He", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "");
  EXPECT_EQ(r[0].kind, v1::MENTION_KIND_PRONOUN);
  EXPECT_EQ(r[1].canonical, "John Stockham");
}

TEST_F(SpeakersTest, PersonNounsAreAntecedents) {
  // "the old woman" and "a boy" are people of a known sex.
  const std::string text =
      "Mayor John Adler left early. The old woman sat by the fire. She said "
      "it was late.";
  auto r = ResolveAll(text, {{"She", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "old woman");
  EXPECT_EQ(r[0].type, v1::ENTITY_TYPE_PERSON);
  const std::string boy =
      "Mayor Anna Keller left early. A boy stood at the door. He said "
      "nothing.";
  r = ResolveAll(boy, {{"He", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "boy");
  // Only adjectives stand between the article and the noun.
  const std::string kind =
      "Mayor Anna Keller left early. It was a kind of man she disliked. He "
      "said nothing.";
  r = ResolveAll(kind, {{"He", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "");
}

TEST_F(SpeakersTest, PersonNounAfterAnArticleWithinThreeWords) {
  // The article's phrase: up to three lower-case words, spaces between
  // them; a comma or a fourth word ends it first. (Index() reads it only
  // where a word of the phrase may be such a noun.)
  struct Case {
    const char* phrase;
    const char* canonical;
  } cases[] = {
      {"a tall quiet boy", "tall quiet boy"},
      {"a  tall  quiet boy", "tall  quiet boy"},
      {"a tall, quiet boy", ""},
      {"a big tall quiet boy", ""},
      {"a tall Quiet boy", ""},
      {"a tall. Quiet boy", ""},
      {"a the boy", "boy"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.phrase);
    EXPECT_EQ(HeAfterMeeting(c.phrase), c.canonical);
  }
}

TEST_F(SpeakersTest, ArticleIsTheWholeWordInAnyCaseAfterItsFirstLetter) {
  // "a", "an", "the", "this", "that", lower-case first, in any case after
  // it; no longer word that begins so ("thee", "than", "a-tall").
  struct Case {
    const char* phrase;
    const char* canonical;
  } cases[] = {
      {"the tall boy", "tall boy"},   {"tHE tall boy", "tall boy"},
      {"thIS tall boy", "tall boy"},  {"thAt tall boy", "tall boy"},
      {"an old boy", "old boy"},      {"aN old boy", "old boy"},
      {"a boy", "boy"},               {"thee tall boy", ""},
      {"these tall boy", ""},         {"than a boy", "boy"},
      {"ant boy", ""},                {"a-tall boy", ""},
      {"that.boy", ""},               {"th boy", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.phrase);
    EXPECT_EQ(HeAfterMeeting(c.phrase), c.canonical);
  }
}

TEST_F(SpeakersTest, NamedPersonBeatsADescriptionJustBefore) {
  // "the lad" is Tom himself more often than someone new.
  const std::string text =
      "Tom Baker ran down the lane, and the lad was out of breath. He said "
      "nothing.";
  auto r = ResolveAll(text, {{"He", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "Tom Baker");
}

TEST_F(SpeakersTest, PersonNounSpeakerHasASex) {
  const std::string text =
      "Mayor John Adler left early. The old woman said it was late. She "
      "went home.";
  auto r = ResolveAll(text, {{"The old woman", 0}, {"She", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "old woman");
  EXPECT_EQ(r[0].kind, v1::MENTION_KIND_NOMINAL);
  EXPECT_EQ(r[1].canonical, "old woman");
}

TEST_F(SpeakersTest, FirstNameAloneIsThePersonNamedInFull) {
  const std::string text =
      "Florence Linden came down late. Everybody waited. Florence said she "
      "was tired.";
  auto r = ResolveAll(text, {{"Florence", 1}, {"she", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "Florence Linden");
  EXPECT_EQ(r[1].canonical, "Florence Linden");
}

TEST_F(SpeakersTest, LoneNameTakesTheFullNameSeenInTheText) {
  // "Curtis" is no known first name, but "Curtis Waring" names him in full.
  const std::string text =
      "\"Curtis Waring, have you no heart?\" she asked. Curtis said nothing.";
  auto r = ResolveAll(text, {{"Curtis", 1}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "Curtis Waring");
  EXPECT_EQ(r[0].type, v1::ENTITY_TYPE_PERSON);
}

TEST_F(SpeakersTest, InABookThePersonNounBeforeANameIsATitle) {
  // A book's hard-wrapped lines: "Parson Mallory" is a parson called
  // Mallory, and "the parson" is he, even before he is named.
  const std::string book =
      "The road from the mill ran down past the church and the old yew tree,\n"
      "and it was there, one evening late in the autumn, that the carrier met\n"
      "a rider on a gray mare coming slowly up the hill towards the village,\n"
      "humming a tune to himself as if nobody in the world could hear him.\n"
      "\n"
      "\"Good evening,\" said the parson.\n"
      "\n"
      "\"I am Parson Mallory, of the chapel at the ford,\" he added.\n";
  auto r = ResolveAll(book, {{"the parson", 0}, {"Parson Mallory", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "Mallory");
  EXPECT_EQ(r[1].canonical, "Mallory");
  EXPECT_EQ(r[1].roles, std::vector<std::string>{"Parson"});
  // Not in news, and not a described parson ("a parson", "the old parson").
  auto news = ResolveAll("\"Good evening,\" said the parson. Parson Mallory left.",
                         {{"the parson", 0}});
  ASSERT_EQ(news.size(), 1u);
  EXPECT_EQ(news[0].canonical, "parson");
}

TEST_F(SpeakersTest, InABookThePersonNounOfTwoTitledPersonsIsNeither) {
  // Two parsons named: "the parson" is neither of them in particular; so
  // too when the title is written in another case ("PARSON Hale"). With one,
  // he.
  for (absl::string_view second : {"Farmer Hale", "Parson Hale", "PARSON Hale"}) {
    const std::string book = absl::StrCat(
        "The road from the mill ran down past the church and the old yew tree,\n"
        "and it was there, one evening late in the autumn, that Parson Mallory\n"
        "met ", second, " on a gray mare coming slowly up the hill to the\n"
        "village, humming a tune to himself as if nobody in the world could hear.\n"
        "\n"
        "\"Good evening,\" said the parson.\n");
    auto r = ResolveAll(book, {{"the parson", 0}});
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].canonical, second == "Farmer Hale" ? "Mallory" : "parson") << second;
  }
}

TEST_F(SpeakersTest, InABookTheDescriptionOfSomebodyInTheSceneIsHim) {
  // "the weary man" was never brought in as "a weary man": Tom Baker, named
  // just before. A described stranger ("a stranger" ... "the stranger")
  // stays himself.
  const std::string book =
      "Tom Baker threw himself down on the grass by the side of the road,\n"
      "and lay there with his hat over his eyes while the carts went by him\n"
      "one after another on their way to the market in the town below, and\n"
      "a stranger on a gray horse stopped to look at him for a long while.\n"
      "\n"
      "\"I am tired of walking,\" said the weary man.\n"
      "\n"
      "\"So am I,\" said the stranger.\n";
  auto r = ResolveAll(book, {{"the weary man", 0}, {"the stranger", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "Tom Baker");
  EXPECT_EQ(r[1].canonical, "stranger");
}

TEST_F(SpeakersTest, InABookANarratedDescriptionOfSomebodyInTheSceneIsHim) {
  // The paragraph after Tom Baker's is about "the weary man": Tom Baker,
  // as no "a weary man" came in.
  const std::string book =
      "Tom Baker threw himself down on the grass by the side of the road,\n"
      "and lay there with his hat over his eyes while the carts went by him\n"
      "one after another on their way to the market in the town below,\n"
      "and the dust of the road settled on his coat and on his boots.\n"
      "\n"
      "The weary man slept until the sun was low over the hills.\n";
  TextLayout layout;
  segmenter_->Segment(book, &layout);
  ASSERT_TRUE(layout.hard_wrapped);
  ASSERT_EQ(layout.paragraphs.size(), 2u);
  SpeakerResolver resolver(lex_.get(), book, &layout);
  resolver.Index();
  const int subject = resolver.SubjectOf(layout.paragraphs[1]);
  ASSERT_GE(subject, 0);
  EXPECT_EQ(resolver.entities()[subject].canonical, "Tom Baker");
}

TEST_F(SpeakersTest, KnownFirstNameAloneIsAPerson) {
  const std::string text = "Margaret came in from the garden. She said it was raining.";
  auto r = ResolveAll(text, {{"She", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "Margaret");
}

TEST_F(SpeakersTest, NamesInsideQuotesAreNotAntecedents) {
  // "Robert" is spoken to, not the one who speaks.
  const std::string text =
      "Mayor Anna Keller looked up. \"Sit down, Robert Hale,\" she said.";
  auto r = ResolveAll(text, {{"she", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "Anna Keller");
  const std::string male =
      "Mayor John Adler looked up. \"Sit down, Robert Hale,\" he said.";
  r = ResolveAll(male, {{"he", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "John Adler");
}

TEST_F(SpeakersTest, OtherPersonIsTheLastOtherPersonNamed) {
  const std::string text =
      "Mayor John Adler met Anna Keller at noon. \"Robert Hale is late,\" "
      "said John Adler. Later.";
  TextLayout layout;
  segmenter_->Segment(text, &layout);
  SpeakerResolver resolver(lex_.get(), text, &layout);
  resolver.Index();
  const uint32_t end = static_cast<uint32_t>(text.find("Later"));
  const uint32_t said = static_cast<uint32_t>(text.find("said John"));
  Resolution john = resolver.Resolve(Range{said + 5, said + 15});
  ASSERT_GE(john.entity, 0);
  // Not John himself, and not Robert Hale, who is only talked about.
  int other = resolver.OtherPerson(john.entity, end);
  ASSERT_GE(other, 0);
  EXPECT_EQ(resolver.entities()[other].canonical, "Anna Keller");
  EXPECT_EQ(resolver.OtherPerson(other, end), john.entity);
}

TEST_F(SpeakersTest, PersonNamedByOneWord) {
  const std::string text = "Florence Linden and Mayor Tom Baker met.";
  TextLayout layout;
  segmenter_->Segment(text, &layout);
  SpeakerResolver resolver(lex_.get(), text, &layout);
  resolver.Index();
  const int florence = resolver.PersonNamed("Florence");
  ASSERT_GE(florence, 0);
  EXPECT_EQ(resolver.entities()[florence].canonical, "Florence Linden");
  EXPECT_EQ(resolver.PersonNamed("Linden"), florence);
  const int baker = resolver.PersonNamed("Baker");
  ASSERT_GE(baker, 0);
  EXPECT_EQ(resolver.entities()[baker].canonical, "Tom Baker");
  EXPECT_EQ(resolver.PersonNamed("Well"), -1);
}

TEST_F(SpeakersTest, PronounTakesTheSubjectOfTheLatestSentence) {
  // Both men are named in the sentence before; its subject is the one "he"
  // goes on about.
  const std::string text =
      "Mayor John Adler thanked Robert Hale for the loan. He said the town "
      "would repay it.";
  auto r = ResolveAll(text, {{"He", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "John Adler");
}

TEST_F(SpeakersTest, PronounFollowsASentenceWhoseSubjectIsThatPronoun) {
  // The latest sentence names Robert Hale, but its subject is "He", the
  // mayor: "he" goes on about the mayor.
  const std::string text =
      "Mayor John Adler came in late. He looked round the room, where only "
      "Robert Hale was left. \"Is the vote over?\" he asked.";
  auto r = ResolveAll(text, {{"he", 3}});  // the "he" of "he asked"
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "John Adler");
}

TEST_F(SpeakersTest, TitleOfTheOtherSexNamesAnotherPerson) {
  const std::string text =
      "Katharine Hilbery poured the tea. Mr. Hilbery said nothing. Mrs. "
      "Hilbery laughed.";
  auto r = ResolveAll(text, {{"Mr. Hilbery", 0}, {"Mrs. Hilbery", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "Mr. Hilbery");
  EXPECT_EQ(r[1].canonical, "Katharine Hilbery");
}

TEST_F(SpeakersTest, TitleOfTheOtherSexFindsThePersonOfTheSurnameNamedLater) {
  // Donald Kessler holds the surname; "Ms. Kessler" is the woman of that
  // surname named in full after him, not one of another surname named in
  // full after someone else's (each surname's list is its own).
  const std::string text =
      "Donald Kessler spoke first. Mark Olsen followed, and Martha Kessler "
      "sat down. Then Helen Olsen waved. Ms. Kessler said it was late.";
  auto r = ResolveAll(text, {{"Ms. Kessler", 0}});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].canonical, "Martha Kessler");
}

TEST_F(SpeakersTest, OnlyATitleOfTheLexiconTellsTheSex) {
  // "Ms." makes Dana Whitfield a woman; a role that merely begins with the
  // same letters ("MSNBC host") says nothing of Carl Ostrow's sex, so "he"
  // can be him.
  const std::string text =
      "Ms. Dana Whitfield spoke first. MSNBC host Carl Ostrow asked about "
      "the deal. He said it was late. She said it was not.";
  auto r = ResolveAll(text, {{"He", 0}, {"She", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "Carl Ostrow");
  EXPECT_EQ(r[1].canonical, "Dana Whitfield");
}

TEST_F(SpeakersTest, OwnedOrganisationIsTheOwnersOneEntity) {
  // "Her campaign", "Ortiz's campaign", "the Ortiz campaign" and, after
  // them, "the campaign" are one organisation, affiliated with its owner.
  const std::string text =
      "Governor Lena Ortiz spoke on Monday. Her campaign said she would "
      "win. Ortiz's campaign said so again. The Ortiz campaign agreed. The "
      "campaign said it was busy. Mayor Paul Dane arrived. His office said "
      "he was tired. Their families said nothing.";
  TextLayout layout;
  segmenter_->Segment(text, &layout);
  SpeakerResolver resolver(lex_.get(), text, &layout);
  resolver.Index();
  std::vector<int> got;
  for (const char* m : {"Her campaign", "Ortiz's campaign", "The Ortiz campaign",
                        "The campaign", "His office", "Their families"}) {
    const size_t at = text.find(m);
    ASSERT_NE(at, std::string::npos) << m;
    got.push_back(resolver.Resolve(Range{static_cast<uint32_t>(at),
                                         static_cast<uint32_t>(at + strlen(m))})
                      .entity);
  }
  ASSERT_GE(got[0], 0);
  const ResolvedEntity& campaign = resolver.entities()[got[0]];
  EXPECT_EQ(campaign.canonical, "Lena Ortiz's campaign");
  EXPECT_EQ(campaign.type, v1::ENTITY_TYPE_ORGANISATION);
  EXPECT_EQ(campaign.affiliation, "Lena Ortiz");
  EXPECT_EQ(got[1], got[0]);
  EXPECT_EQ(got[2], got[0]);
  EXPECT_EQ(got[3], got[0]);
  ASSERT_GE(got[4], 0);
  EXPECT_EQ(resolver.entities()[got[4]].canonical, "Paul Dane's office");
  // "their" could be anyone's: no owner is guessed.
  ASSERT_GE(got[5], 0);
  EXPECT_EQ(resolver.entities()[got[5]].canonical, "families");
  EXPECT_EQ(resolver.entities()[got[5]].affiliation, "");
}

TEST_F(SpeakersTest, NominalRefersToTheOrganisationNamedBefore) {
  const std::string text =
      "The German Foreign Ministry said talks would resume. The ministry "
      "said the move was unacceptable.";
  auto r = ResolveAll(
      text, {{"The German Foreign Ministry", 0}, {"The ministry", 0}});
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].canonical, "German Foreign Ministry");
  EXPECT_EQ(r[0].type, v1::ENTITY_TYPE_GOVERNMENT);
  EXPECT_EQ(r[1].canonical, "German Foreign Ministry");
  EXPECT_EQ(r[1].kind, v1::MENTION_KIND_NOMINAL);
}

TEST_F(SpeakersTest, NominalTypes) {
  struct Case {
    const char* mention;
    const char* canonical;
    v1::EntityType type;
  } cases[] = {
      {"The report", "report", v1::ENTITY_TYPE_DOCUMENT},
      {"Russian officials", "Russian officials", v1::ENTITY_TYPE_GROUP},
      {"A ministry statement", "ministry statement", v1::ENTITY_TYPE_DOCUMENT},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.mention);
    const std::string text =
        absl::StrCat(c.mention, " said the plan had failed.");
    auto r = ResolveAll(text, {{c.mention, 0}});
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].canonical, c.canonical);
    EXPECT_EQ(r[0].type, c.type);
    EXPECT_EQ(r[0].kind, v1::MENTION_KIND_NOMINAL);
  }
}

// "Zenith reports" opening a sentence: Zenith issues them when the text
// writes "Zenith" as a name somewhere else (after a lower-case word or a
// comma, before a space, a period or an apostrophe), not when it never
// does ("Anecdotal reports": the document speaks, as written), nor for a
// word that only begins such a name ("Zenithal").
TEST_F(SpeakersTest, SentenceOpeningIssuerWrittenAsANameElsewhere) {
  struct Case {
    const char* before;
    const char* canonical;  // who speaks for "Zenith reports"
  } cases[] = {
      {"Analysts at Zenith said sales rose.", "Zenith"},
      {"Sales rose, Zenith's analysts said.", "Zenith"},
      {"The analysts of Zenith. They said sales rose.", "Zenith"},
      {"Sales rose. Analysts agreed.", "Zenith reports"},
      {"Analysts at Zenithal said sales rose.", "Zenith reports"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.before);
    const std::string text =
        absl::StrCat(c.before, "\n\nZenith reports suggest that turnout fell.");
    auto r = ResolveAll(text, {{"Zenith reports", 0}});
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].canonical, c.canonical);
  }
}

// A resolver Reset() for a second text answers as a new one would, though
// the first text's names, mentions and word memo were in it, and the
// second text lies where the first did.
TEST_F(SpeakersTest, ResetForgetsTheLastDocument) {
  std::string text =
      "Governor Ada Quill met Mayor Tom Birch. Quill said the new bridge "
      "would open soon. Birch agreed.";
  const std::string second =
      "Birch Hollow residents met on Tuesday. Ms. Quill said she would run. "
      "She thanked the mayor.";
  TextLayout layout;
  segmenter_->Segment(text, &layout);
  SpeakerResolver reused(lex_.get(), text, &layout);
  reused.Index();
  reused.Resolve(Range{0, 19});
  ASSERT_LE(second.size(), text.size());
  text.assign(second);  // (in the same buffer: it is no longer)
  segmenter_->Segment(text, &layout);
  reused.Reset(lex_.get(), text, &layout);
  SpeakerResolver fresh(lex_.get(), text, &layout);
  reused.Index();
  fresh.Index();
  for (const char* m : {"Ms. Quill", "She", "the mayor", "Birch"}) {
    SCOPED_TRACE(m);
    const size_t at = text.find(m);
    ASSERT_NE(at, std::string::npos);
    const Range span{static_cast<uint32_t>(at),
                     static_cast<uint32_t>(at + std::strlen(m))};
    const Resolution a = reused.Resolve(span), b = fresh.Resolve(span);
    EXPECT_EQ(a.entity, b.entity);
    EXPECT_EQ(a.kind, b.kind);
  }
  ASSERT_EQ(reused.entities().size(), fresh.entities().size());
  for (size_t k = 0; k < fresh.entities().size(); ++k) {
    EXPECT_EQ(reused.entities()[k].canonical, fresh.entities()[k].canonical);
    EXPECT_EQ(reused.entities()[k].roles, fresh.entities()[k].roles);
    EXPECT_EQ(reused.entities()[k].aliases, fresh.entities()[k].aliases);
  }
}

TEST(SpeakerResolver, EntityId) {
  struct Case {
    const char* canonical;
    v1::EntityType type;
    const char* id;
  } cases[] = {
      {"Sebastien Lecornu", v1::ENTITY_TYPE_PERSON, "person:sebastien-lecornu"},
      {"French Defense Ministry", v1::ENTITY_TYPE_GOVERNMENT,
       "government:french-defense-ministry"},
      {"prime minister's office", v1::ENTITY_TYPE_ORGANISATION,
       "organisation:prime-minister-s-office"},
      {"  Odd -- name ", v1::ENTITY_TYPE_UNKNOWN, "unknown:odd-name"},
      // The same ids as the store gives (internal::EntityIdFor).
      {"S\xc3\xa9"
       "bastien Lecornu",
       v1::ENTITY_TYPE_PERSON,
       "person:s\xc3\xa9"
       "bastien-lecornu"},
      {"--", v1::ENTITY_TYPE_UNSPECIFIED, "unknown:unnamed"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.canonical);
    ResolvedEntity e;
    e.canonical = c.canonical;
    e.type = c.type;
    EXPECT_EQ(SpeakerResolver::EntityId(e), c.id);
  }
}

}  // namespace
}  // namespace internal
}  // namespace whosaid
