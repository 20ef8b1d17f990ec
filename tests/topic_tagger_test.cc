#include "whosaid/topic_tagger.h"

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace whosaid {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const char kSmallLexicon[] = R"pb(
  topics {
    name: "war"
    kind: TOPIC_KIND_SUBJECT
    patterns: "wars?"
    patterns: "invasion"
  }
  topics {
    name: "United States"
    kind: TOPIC_KIND_PLACE
    patterns: "U\\.S\\."
    patterns: "(?-i:US)"
  }
  topics { name: "NATO" kind: TOPIC_KIND_ORGANISATION patterns: "(?-i:NATO)" }
)pb";

std::vector<std::string> TagWith(const TopicTagger& tagger,
                                 const std::string& text) {
  std::vector<std::string> topics;
  tagger.Tag(text, &topics);
  return topics;
}

TEST(TopicTagger, SmallLexiconMatchesWholeWordsCaseRules) {
  auto tagger = TopicTagger::Create(kSmallLexicon, "small.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  struct Row {
    const char* text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {"The war goes on.", {"war"}},
      {"WARS are costly", {"war"}},
      {"software and warm weather", {}},
      {"U.S. officials said", {"United States"}},
      {"the US said", {"United States"}},
      {"let us go", {}},
      {"NATO allies and the war", {"war", "NATO"}},
      {"nato in lower case", {}},
      {"war", {"war"}},
      {"", {}},
      {"postwar, war-torn", {"war"}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_THAT(TagWith(**tagger, row.text), ElementsAreArray(row.want));
  }
}

TEST(TopicTagger, AppendsWithoutDuplicates) {
  auto tagger = TopicTagger::Create(kSmallLexicon, "small.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  std::vector<std::string> topics = {"custom", "war"};
  (*tagger)->Tag("the war and NATO", &topics);
  EXPECT_THAT(topics, ElementsAre("custom", "war", "NATO"));
  EXPECT_THAT((*tagger)->topic_names(),
              ElementsAre("war", "United States", "NATO"));
}

TEST(TopicTagger, ErrorsNameFileAndLine) {
  struct Row {
    const char* lexicon;
    const char* want;  // substring of the message
  };
  const Row rows[] = {
      {"topics { name: \"a\"\n patterns: \"x\" }\ntopics {\n name: \"b\"\n"
       " patterns: \"(war\" }",
       "t.textproto:5: bad pattern \"(war\": missing )"},
      {"topics { name: \"a\" patterns: \"x\" }\n\nbogus_field: 1",
       "t.textproto:3: "},
      {"topics {\n patterns: \"x\" }", "t.textproto:1: topic without a name"},
      {"topics { name: \"a\" }", "t.textproto:1: topic \"a\" has no patterns"},
      {"topics { name: \"a\" patterns: \"x\" }\ntopics { name: \"a\" "
       "patterns: \"y\" }",
       "t.textproto:2: topic \"a\" defined twice"},
      {"topics { name: \"a\"\n\n patterns: \"x*\" }",
       "t.textproto:3: pattern \"x*\" matches the empty string"},
      {"topics { name: \"a\" patterns: \"\\xff\\xfe\" }", "t.textproto:1: "},
      {"\x01\x02 binary junk", "t.textproto:1: "},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.lexicon);
    auto tagger = TopicTagger::Create(row.lexicon, "t.textproto");
    ASSERT_FALSE(tagger.ok());
    EXPECT_EQ(tagger.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(tagger.status().message(), HasSubstr(row.want));
  }
}

TEST(TopicTagger, EmptyLexiconTagsNothing) {
  auto tagger = TopicTagger::Create("# nothing\n", "empty.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  EXPECT_THAT(TagWith(**tagger, "war in Ukraine"), IsEmpty());
}

TEST(TopicTagger, MissingFileIsNotFound) {
  auto tagger = TopicTagger::CreateFromFile("/nonexistent/topics.textproto");
  ASSERT_FALSE(tagger.ok());
  EXPECT_EQ(tagger.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(tagger.status().message(),
              HasSubstr("/nonexistent/topics.textproto"));
}

// The default lexicon on sentences of the seed article and other news.
TEST(TopicTagger, DefaultLexiconOnNews) {
  auto tagger = TopicTagger::CreateDefault();
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  struct Row {
    const char* text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {"France was always ready to face down terrorism",
       {"terrorism", "France"}},
      {"stop using the terrorist attack to make accusations against Kyiv",
       {"terrorism", "Ukraine"}},
      {"sending Western troops to Ukraine should not be ruled out",
       {"defense", "Ukraine"}},
      {"the Kremlin said Moscow would respond", {"Russia"}},
      {"NATO and the U.N. Security Council met",
       {"security", "NATO", "United Nations"}},
      {"Inflation rose as the central bank held interest rates", {"economy"}},
      {"The senator said the election was rigged and voters were misled",
       {"elections"}},
      {"Refugees crossed the border seeking asylum", {"migration"}},
      {"the vaccine rollout in hospitals", {"health"}},
      {"Climate change and carbon emissions", {"climate"}},
      {"He said the weather was nice today.", {}},
      {"let us talk to them", {}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_THAT(TagWith(**tagger, row.text), ElementsAreArray(row.want));
  }
}

TEST(TopicTagger, DefaultLexiconHasTheTopicsNewsReadersExpect) {
  auto tagger = TopicTagger::CreateDefault();
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  for (const char* name : {"war",           "terrorism", "elections",
                           "economy",       "health",    "climate",
                           "migration",     "crime",     "diplomacy",
                           "defense",       "energy",    "technology",
                           "education",     "justice",   "religion",
                           "sports",        "Ukraine",   "Russia",
                           "United States", "NATO",      "United Nations",
                           "European Union"}) {
    SCOPED_TRACE(name);
    EXPECT_THAT((*tagger)->topic_names(), ::testing::Contains(name));
  }
}

}  // namespace
}  // namespace whosaid
