#include "whosaid/topic_tagger.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "internal/embedded.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "whosaid/v1/topics.pb.h"

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

// The plain matcher Tag() must agree with: every pattern, wrapped for whole
// words as documented in topic_tagger.h, in one RE2::Set, case-insensitive;
// a topic is tagged when one of its patterns is in the set's hits.
class ReferenceTagger {
 public:
  explicit ReferenceTagger(const std::vector<std::vector<std::string>>& topics)
      : set_(Options(), RE2::UNANCHORED) {
    for (size_t t = 0; t < topics.size(); ++t) {
      for (const std::string& p : topics[t]) {
        std::string wrapped =
            absl::StrCat("\\b(?:", p, ")",
                         absl::EndsWith(p, ".") ? "(?:\\W|$)" : "\\b");
        EXPECT_GE(set_.Add(wrapped, nullptr), 0) << p;
        topic_of_.push_back(static_cast<int>(t));
      }
    }
    EXPECT_TRUE(set_.Compile());
  }
  std::vector<int> Topics(const std::string& text) const {
    std::vector<int> hits;
    set_.Match(text, &hits);
    std::vector<bool> on(topic_of_.empty() ? 0 : topic_of_.back() + 1);
    for (int h : hits) on[topic_of_[h]] = true;
    std::vector<int> out;
    for (size_t t = 0; t < on.size(); ++t) {
      if (on[t]) out.push_back(static_cast<int>(t));
    }
    return out;
  }

 private:
  static RE2::Options Options() {
    RE2::Options o;
    o.set_case_sensitive(false);
    o.set_log_errors(false);
    return o;
  }
  RE2::Set set_;
  std::vector<int> topic_of_;
};

// Text-format string escaping for a pattern.
std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '\\' || c == '"') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c >= 0x80) {
      out += absl::StrCat("\\", c / 64, (c / 8) % 8, c % 8);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Words the random texts are made of: pattern hits and near misses,
// case variants, non-ASCII letters (K is U+212A KELVIN SIGN, which RE2
// folds to k; \xc5\xbf is U+017F LONG S, folded to s), punctuation.
const char* const kWords[] = {
    "war",     "WARS",      "software", "warm",      "toward",  "postwar",
    "war-torn", "U.S.",     "u.s.",     "U.S",       "US",      "us",
    "Us",      "USA",       "NATO",     "nato",      "Nato",    "invasion",
    "invasions", "Kyiv",    "KYIV",     "\xe2\x84\xaayiv", "wa\xc5\xbf",
    "Z\xc3\xbcrich", "Z\xc3\x9cRICH", "z\xc3\xbcrich", "caf\xc3\xa9",
    "CAF\xc3\x89", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x94", "2024",
    "1999",    "9/11",      "F-16",     "F-16s",     "$5",      "5%",
    "the",     "said",      "a",        "of",        "_war_",   "war_",
    "x",       "e.g.",      "St.",      "st",        "vote",    "voters",
    "voting",  "re-elect",  "reelected", "al-Qaeda", "al Qaeda", "Qaeda",
    "COVID-19", "covid",    "ISIS",     "isis",      "",        "...",
    ".",       ",",         "\"",       "'",         "(",       ")",
    "-",       "\n",        "\t",       "  ",        "\xc3\xa9t\xc3\xa9",
};

std::string RandomText(uint64_t* state) {
  auto next = [state]() {
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(*state >> 33);
  };
  const size_t n = sizeof(kWords) / sizeof(kWords[0]);
  std::string text;
  int words = static_cast<int>(next() % 12);
  for (int i = 0; i < words; ++i) {
    uint32_t r = next();
    if (!text.empty() && r % 4 != 0) text += ' ';
    text += kWords[(r / 4) % n];
  }
  return text;
}

TEST(TopicTagger, AgreesWithPlainSetOverManyTextsAndLexicons) {
  const std::vector<std::vector<std::vector<std::string>>> lexicons = {
      // Literal words, a case-sensitive acronym, patterns ending in a
      // period.
      {{"wars?", "invasions?"},
       {"U\\.S\\.", "(?-i:US)", "United States"},
       {"(?-i:NATO)"},
       {"Kyiv|Kiev", "Ukrain(e|ian|ians)"}},
      // No literal atoms at all: classes, digits, dots, alternations of
      // single letters.
      {{"\\d+"},
       {"[a-z]\\.[a-z]\\."},
       {"\\pL+\\d+"},
       {"F-\\d+s?"},
       {"(?-i:[A-Z]{2,})"},
       {"."},
       {"\\$\\d"}},
      // Non-ASCII patterns and letters RE2 folds to ASCII.
      {{"Z\xc3\xbcrich"},
       {"caf\xc3\xa9"},
       {"\xc3\xa9t\xc3\xa9"},
       {"kyiv"},
       {"was"},
       {"St\\.", "e\\.g\\."}},
      // Overlapping patterns across topics, prefixes of each other,
      // and patterns spanning words.
      {{"al[- ]Qaeda"},
       {"Qaeda"},
       {"vot(e|es|ed|er|ers|ing)"},
       {"re-?elect(ed|ion)?"},
       {"covid(-19)?"},
       {"(?-i:ISIS|ISIL)"},
       {"war"},
       {"war-torn"},
       {"the"},
       {"said"}},
      // The syntax word patterns may use: classes, "+", flag groups nested
      // both ways, escaped punctuation, a period at the end, a sequence
      // that starts or ends with punctuation, non-ASCII in a class.
      {{"wa+r", "warm+"},
       {"[uU]\\.[sS]\\.?", "(?-i:U(?i:s)A)"},
       {"(?i:nato)|(?-i:Nato)"},
       {"[- ]war", "war[-_]", "us\\-?a"},
       {"\\$5", "5%", "9/11", "F-16s?"},
       {"e\\.g\\.", "St\\."},
       {"Z[\xc3\xbcu]rich", "caf[e\xc3\xa9]", "\xe2\x80\x94"},
       {"ki?yiv", "wa[sz]"},
       {"(voters?|voting)+"}},
  };
  for (size_t l = 0; l < lexicons.size(); ++l) {
    SCOPED_TRACE(absl::StrCat("lexicon ", l));
    std::string textproto;
    std::vector<std::string> names;
    for (size_t t = 0; t < lexicons[l].size(); ++t) {
      names.push_back(absl::StrCat("t", t));
      absl::StrAppend(&textproto, "topics { name: \"t", t, "\"");
      for (const std::string& p : lexicons[l][t]) {
        absl::StrAppend(&textproto, " patterns: ", Quote(p));
      }
      absl::StrAppend(&textproto, " }\n");
    }
    auto tagger = TopicTagger::Create(textproto, "random.textproto");
    ASSERT_TRUE(tagger.ok()) << tagger.status();
    ReferenceTagger reference(lexicons[l]);
    uint64_t state = 12345 + l;
    int tagged = 0;
    for (int i = 0; i < 20000; ++i) {
      std::string text = RandomText(&state);
      std::vector<std::string> want;
      for (int t : reference.Topics(text)) want.push_back(names[t]);
      std::vector<std::string> got = TagWith(**tagger, text);
      ASSERT_EQ(got, want) << "text: \"" << text << "\"";
      if (!got.empty()) ++tagged;
    }
    // The texts exercise both outcomes.
    EXPECT_GT(tagged, 1000);
    EXPECT_LT(tagged, 20000);
  }
}

// Long texts, which Tag() walks as two or four parts at once (see
// WordAutomaton::Scan()): phrases that run across the places it cuts them,
// and patterns that repeat ("+") or span words, agree with the plain set.
// What a text holds besides ASCII is found at any offset, the first and
// last sixteen bytes included and after a curly quote in the same sixteen,
// as the plain set finds it: a letter RE2 folds to ASCII (U+017F LONG S,
// "s"; U+212A KELVIN SIGN, "k"), a letter a pattern spells ("\xc3\xbc"),
// and U+212B ANGSTROM SIGN, which folds to no ASCII letter.
TEST(TopicTagger, NonAsciiFoundAtEveryOffset) {
  const std::vector<std::vector<std::string>> lexicon = {{"kansas"},
                                                         {"Z\xc3\xbcrich"}};
  auto tagger = TopicTagger::Create(
      R"pb(topics { name: "t0" patterns: "kansas" }
           topics { name: "t1" patterns: "Z\303\274rich" })pb",
      "offsets.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  ReferenceTagger reference(lexicon);
  int found = 0;
  for (size_t before = 0; before < 40; ++before) {
    for (const char* quote : {"", "\xe2\x80\x9c"}) {
      for (size_t after = 0; after < 20; after += 7) {
        for (const char* word : {"kan\xc5\xbf"
                                 "as",
                                 "\xe2\x84\xaa"
                                 "ansas",
                                 "Z\xc3\xbcrich",
                                 "kan\xe2\x84\xab"
                                 "as"}) {
          const std::string text =
              absl::StrCat(std::string(before, 'a'), " ", quote, word, " ",
                           std::string(after, 'b'));
          std::vector<std::string> want;
          for (int t : reference.Topics(text)) {
            want.push_back(absl::StrCat("t", t));
          }
          const std::vector<std::string> got = TagWith(**tagger, text);
          ASSERT_EQ(got, want) << "text: \"" << text << "\"";
          if (!got.empty()) ++found;
        }
      }
    }
  }
  // (At least the long s and the u with its umlaut, everywhere.)
  EXPECT_GE(found, 40 * 2 * 3 * 2);
}

TEST(TopicTagger, LongTextsAgreeWithPlainSet) {
  const std::vector<std::vector<std::string>> lexicon = {
      {"al[- ]Qaeda"},
      {"Qaeda"},
      {"vot(e|es|ed|er|ers|ing)"},
      {"re-?elect(ed|ion)?"},
      {"wa+r", "war-torn"},
      {"(?-i:ISIS|ISIL)", "U\\.S\\.?"},
      {"(voters?|voting)+"},
      {"the said", "said"},
      {"Z[\xc3\xbcu]rich", "kyiv"},
  };
  std::string textproto;
  std::vector<std::string> names;
  for (size_t t = 0; t < lexicon.size(); ++t) {
    names.push_back(absl::StrCat("t", t));
    absl::StrAppend(&textproto, "topics { name: \"t", t, "\"");
    for (const std::string& p : lexicon[t]) {
      absl::StrAppend(&textproto, " patterns: ", Quote(p));
    }
    absl::StrAppend(&textproto, " }\n");
  }
  auto tagger = TopicTagger::Create(textproto, "long.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  ReferenceTagger reference(lexicon);
  uint64_t state = 99;
  int tagged = 0;
  for (int i = 0; i < 5000; ++i) {
    // 1 to 16 random texts, 0 to 200 bytes or so.
    std::string text;
    const int pieces = 1 + static_cast<int>((state >> 40) % 16);
    for (int k = 0; k < pieces; ++k) {
      if (!text.empty() && k % 3 != 0) text += ' ';
      text += RandomText(&state);
    }
    std::vector<std::string> want;
    for (int t : reference.Topics(text)) want.push_back(names[t]);
    std::vector<std::string> got = TagWith(**tagger, text);
    ASSERT_EQ(got, want) << "text: \"" << text << "\"";
    if (got.size() > 1) ++tagged;
  }
  EXPECT_GT(tagged, 1000);
}

// The default lexicon agrees with the plain set on texts made of its own
// words and phrases (the strings its word patterns spell, cut and joined at
// random, in random case) and the tricky words above.
TEST(TopicTagger, DefaultLexiconAgreesWithPlainSet) {
  v1::TopicLexicon lexicon;
  ASSERT_TRUE(google::protobuf::TextFormat::ParseFromString(
      std::string(internal::FindEmbeddedFile("topics.textproto")), &lexicon));
  std::vector<std::vector<std::string>> patterns;
  std::vector<std::string> names;
  std::vector<std::string> words(std::begin(kWords), std::end(kWords));
  for (const v1::Topic& topic : lexicon.topics()) {
    names.push_back(topic.name());
    patterns.emplace_back(topic.patterns().begin(), topic.patterns().end());
    for (const std::string& p : topic.patterns()) {
      // The pattern with its syntax taken out: near misses and hits.
      std::string plain;
      for (char c : p) {
        if (absl::string_view("()?|[]\\:+").find(c) == absl::string_view::npos) {
          plain += c;
        }
      }
      words.push_back(plain);
      words.push_back(plain.substr(0, plain.size() / 2 + 1));
    }
  }
  auto tagger = TopicTagger::CreateDefault();
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  ReferenceTagger reference(patterns);
  uint64_t state = 99;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  int tagged = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    int n = static_cast<int>(next() % 8);
    for (int w = 0; w < n; ++w) {
      uint32_t r = next();
      if (!text.empty() && r % 5 != 0) text += r % 7 == 0 ? "-" : " ";
      std::string word = words[(r / 8) % words.size()];
      if (r % 3 == 0) word = absl::AsciiStrToUpper(word);
      if (r % 11 == 0 && !word.empty()) word[0] = absl::ascii_toupper(word[0]);
      text += word;
    }
    std::vector<std::string> want;
    for (int t : reference.Topics(text)) want.push_back(names[t]);
    std::vector<std::string> got = TagWith(**tagger, text);
    ASSERT_EQ(got, want) << "text: \"" << text << "\"";
    if (!got.empty()) ++tagged;
  }
  EXPECT_GT(tagged, 5000);
}

// Random patterns over a small alphabet, built from the syntax word patterns
// may use and some they may not (".", "*"), against the plain set on random
// texts over the same alphabet: the reading of patterns as strings agrees
// with RE2's.
class RandomPatterns {
 public:
  explicit RandomPatterns(uint64_t seed) : state_(seed) {}

  uint32_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state_ >> 33);
  }

  std::string Pattern(int depth) {
    std::string out;
    const int pieces = 1 + static_cast<int>(Next() % 4);
    for (int i = 0; i < pieces; ++i) {
      out += Primary(depth);
      const char* const ops[] = {"", "", "", "?", "+", "??", "+?", "*"};
      out += ops[Next() % 8];
    }
    return out;
  }

  // Characters of texts and literals: letters with non-ASCII folds (k, s),
  // word and non-word bytes, non-ASCII letters, U+212A and U+017F.
  std::string Char() {
    const char* const chars[] = {"a", "b", "k", "s", "A", "K", "S", "1",
                                 "_", " ", "-", "'", ".", ",", "\xc3\xa9",
                                 "\xc3\x89", "\xe2\x84\xaa", "\xc5\xbf",
                                 "\xe2\x80\x9c"};
    return chars[Next() % (sizeof(chars) / sizeof(chars[0]))];
  }

  std::string Text() {
    std::string out;
    const int n = static_cast<int>(Next() % 10);
    for (int i = 0; i < n; ++i) out += Char();
    return out;
  }

 private:
  std::string Primary(int depth) {
    switch (Next() % (depth > 0 ? 7 : 5)) {
      case 0:
      case 1: {
        std::string c = Char();
        if (c == ".") return Next() % 2 ? "\\." : ".";
        return c;
      }
      case 2:
        return "\\-";
      case 3: {
        std::string out = "[";
        const int n = 1 + static_cast<int>(Next() % 3);
        for (int i = 0; i < n; ++i) {
          std::string c = Char();
          out += c == "." ? "\\." : c;
        }
        return out + "]";
      }
      case 4:
        return Char();
      default: {
        const char* const opens[] = {"(", "(?:", "(?i:", "(?-i:"};
        std::string out = opens[Next() % 4];
        const int n = 1 + static_cast<int>(Next() % 3);
        for (int i = 0; i < n; ++i) {
          if (i > 0) out += "|";
          out += Pattern(depth - 1);
        }
        return out + ")";
      }
    }
  }

  uint64_t state_;
};

TEST(TopicTagger, RandomPatternsAgreeWithPlainSet) {
  RandomPatterns random(7);
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  int lexicons = 0, tagged = 0;
  for (int l = 0; l < 300; ++l) {
    std::vector<std::vector<std::string>> patterns;
    std::string textproto;
    for (int t = 0; t < 4; ++t) {
      std::string p = random.Pattern(2);
      RE2 alone(p, options);
      if (!alone.ok() || RE2::FullMatch("", alone)) continue;
      absl::StrAppend(&textproto, "topics { name: \"t", patterns.size(),
                      "\" patterns: ", Quote(p), " }\n");
      patterns.push_back({p});
    }
    if (patterns.empty()) continue;
    auto tagger = TopicTagger::Create(textproto, "random.textproto");
    ASSERT_TRUE(tagger.ok()) << tagger.status() << "\n" << textproto;
    ++lexicons;
    ReferenceTagger reference(patterns);
    for (int i = 0; i < 300; ++i) {
      std::string text = random.Text();
      std::vector<std::string> want;
      for (int t : reference.Topics(text)) want.push_back(absl::StrCat("t", t));
      std::vector<std::string> got = TagWith(**tagger, text);
      ASSERT_EQ(got, want) << "text: \"" << text << "\"\n" << textproto;
      if (!got.empty()) ++tagged;
    }
  }
  EXPECT_GT(lexicons, 200);
  EXPECT_GT(tagged, 5000);
}

// Word patterns: what each kind of pattern matches and does not.
TEST(TopicTagger, WordPatterns) {
  auto tagger = TopicTagger::Create(
      R"pb(
        topics { name: "word" patterns: "strikes?" }
        topics { name: "phrase" patterns: "trade (deal|pact)s?" }
        topics { name: "acronym" patterns: "(?-i:NHS)" }
        topics { name: "dotted" patterns: "U\\.K\\." }
        topics { name: "regex" patterns: "\\d+ troops" }
        topics { name: "repeat" patterns: "bo+m" }
        topics { name: "accent" patterns: "Bogot[a\303\241]" }
        topics { name: "group" patterns: "(ha)+" }
      )pb",
      "t.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  struct Row {
    const char* text;
    std::vector<std::string> want;
  };
  const Row rows[] = {
      {"a strike", {"word"}},
      {"STRIKES, then", {"word"}},
      {"airstrikes or strikers", {}},
      {"strike_", {}},
      {"strike2", {}},
      {"(strike)", {"word"}},
      {"a trade deal and", {"phrase"}},
      {"Trade Pacts", {"phrase"}},
      {"trade  deal", {}},
      {"trade deals-ish", {"phrase"}},
      {"the NHS", {"acronym"}},
      {"the nhs or Nhs", {}},
      {"the U.K. said", {"dotted"}},
      {"in the u.k.", {"dotted"}},
      {"the U.K.s", {}},
      {"the U.K", {}},
      {"500 troops left", {"regex"}},
      {"many troops", {}},
      {"a boooom", {"repeat"}},
      {"a bm", {}},
      {"in Bogota", {"accent"}},
      // \b is ASCII: after a non-ASCII letter it needs a word character.
      {"in BOGOT\303\201 and", {}},
      {"in Bogot\303\241s", {"accent"}},
      {"hahaha!", {"group"}},
      {"haaa or hhha", {}},
      // U+212A KELVIN SIGN folds to k, U+017F LONG S to s; both are
      // non-word bytes for \b.
      {"\342\204\252", {}},
      {"\305\277trike", {}},
      {"x\305\277trike", {"word"}},
      {"strike\305\277", {"word"}},
      {"the \305\277trike", {}},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_THAT(TagWith(**tagger, row.text), ElementsAreArray(row.want));
  }
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

// A topic pattern Create() must refuse, and a substring of its message.
struct RefusedPattern {
  const char* pattern;
  const char* want;
};

void ExpectEachRefused(absl::Span<const RefusedPattern> rows) {
  for (const RefusedPattern& row : rows) {
    SCOPED_TRACE(row.pattern);
    auto tagger = TopicTagger::Create(
        absl::StrCat("topics { name: \"t\" patterns: \"", row.pattern, "\" }"),
        "t.textproto");
    ASSERT_FALSE(tagger.ok());
    EXPECT_THAT(tagger.status().message(), HasSubstr(row.want));
  }
}

// Create() compiles alone only the patterns that are not plain words: a
// pattern that looks plain but is not (it can match the empty string, or
// does not parse) is still refused, with the message RE2's reading gives;
// a plain one tags as its regular expression reads.
TEST(TopicTagger, PlainLookingPatternsAreStillChecked) {
  const RefusedPattern rows[] = {
      {"wars?|", "matches the empty string"},
      {"|wars?", "matches the empty string"},
      {"(war|)", "matches the empty string"},
      {"war?|s?", "matches the empty string"},
      {"(war)?", "matches the empty string"},
      {"w??", "matches the empty string"},
      {"(war", "bad pattern \"(war\": missing )"},
      {"war)", "bad pattern \"war)\": unexpected )"},
      {"?war", "bad pattern \"?war\": no argument for repetition operator"},
      {"war|?s", "bad pattern \"war|?s\": no argument for repetition operator"},
      {"(?war)", "bad pattern \"(?war)\": invalid perl operator"},
  };
  ExpectEachRefused(rows);
  auto tagger = TopicTagger::Create(
      "topics { name: \"war\" patterns: \"air ?strikes?|invad(e|es|ed|ing)\" }\n"
      "topics { name: \"vote\" patterns: \"re-?elect(ed|ion)?\" }\n"
      "topics { name: \"deal\" patterns: \"trade (deal|pact)s?\" }",
      "t.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  EXPECT_THAT(TagWith(**tagger, "Airstrikes hit the port"), ElementsAre("war"));
  EXPECT_THAT(TagWith(**tagger, "they invaded and were reelected"),
              ElementsAre("war", "vote"));
  EXPECT_THAT(TagWith(**tagger, "the trade pacts, the re-election"),
              ElementsAre("vote", "deal"));
  EXPECT_THAT(TagWith(**tagger, "an invader's trade deals"), ElementsAre("deal"));
}

// Nor alone a word pattern of escapes, classes and groups that RE2 would
// read ("(?-i:NATO)|Nato", "[E\303\211]lys[e\303\251]e"): one that does not
// parse, holds UTF-8 that RE2 refuses or matches the empty string is still
// refused.
TEST(TopicTagger, WordPatternsAreStillChecked) {
  const RefusedPattern rows[] = {
      {"(?-i:)", "matches the empty string"},
      {"(?-i:NATO)|", "matches the empty string"},
      {"[ab", "bad pattern \"[ab\": missing ]"},
      {"(?-i:NATO", "bad pattern \"(?-i:NATO\": missing )"},
      {"a++", "bad pattern"},
      {"U\\\\.S\\\\.??+", "bad pattern"},
      // U+00E9 written in three bytes, not two: RE2 reads no such UTF-8.
      {"caf\\340\\203\\251", "bad pattern"},
      {"\\370\\220\\200\\200", "bad pattern"},
  };
  ExpectEachRefused(rows);
  auto tagger = TopicTagger::Create(
      "topics { name: \"nato\" patterns: \"(?-i:NATO)|Nato\" }\n"
      "topics { name: \"us\" patterns: \"U\\\\.S\\\\.(A\\\\.)?\" }",
      "t.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  EXPECT_THAT(TagWith(**tagger, "NATO and the U.S.A. met"),
              ElementsAre("nato", "us"));
}

TEST(TopicTagger, EmptyLexiconTagsNothing) {
  auto tagger = TopicTagger::Create("# nothing\n", "empty.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  EXPECT_THAT(TagWith(**tagger, "war in Ukraine"), IsEmpty());
}

// Word patterns that make more states than the automaton holds (1 << 16:
// 3,000 words of 32 letters, of no common prefix past the first few, a
// state a letter): Create()
// stops adding states at the limit and Tag() answers with the plain set,
// as it answers below the limit.
TEST(TopicTagger, TooManyStatesFallsBackToThePlainSet) {
  uint64_t state = 2026;
  auto next = [&state]() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  std::vector<std::string> words;
  std::string textproto;
  for (int t = 0; t < 3000; ++t) {
    std::string word;
    for (int k = 0; k < 32; ++k) word += static_cast<char>('a' + next() % 26);
    absl::StrAppend(&textproto, "topics { name: \"t", t, "\" patterns: \"",
                    word, "\" }\n");
    words.push_back(word);
  }
  auto tagger = TopicTagger::Create(textproto, "many.textproto");
  ASSERT_TRUE(tagger.ok()) << tagger.status();
  EXPECT_THAT(TagWith(**tagger, absl::StrCat("said ", words[17], ".")),
              ElementsAre("t17"));
  EXPECT_THAT(TagWith(**tagger, absl::StrCat(words[2999], " and ", words[0])),
              ElementsAre("t0", "t2999"));
  // Near misses: a word cut short, or run on into another.
  EXPECT_THAT(TagWith(**tagger, words[5].substr(0, 31)), IsEmpty());
  EXPECT_THAT(TagWith(**tagger, absl::StrCat(words[5], "s")), IsEmpty());
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
