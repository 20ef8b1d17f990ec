// KeyScan: its answers are those of one plain search per key (and the least
// of them), for the keys the engine gives it (poll nouns, the "no evidence"
// words) and for random keys and texts over a small alphabet, where keys
// overlap, share anchor pairs, differ only in ASCII case or in bit 0x20 ("@"
// and "`"), are short or empty, or are too many for the sixteen-at-a-time
// scan.
#include "internal/key_scan.h"

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "internal/lexicon.h"

namespace whosaid {
namespace internal {
namespace {

void ExpectPlainAnswers(const std::vector<std::string>& keys,
                        absl::string_view text) {
  const KeyScan scan(keys);
  std::vector<size_t> first(keys.size() + 1, 12345);
  scan.FirstOccurrences(text, first.data());
  bool any = false;
  size_t least = absl::string_view::npos;
  for (size_t k = 0; k < keys.size(); ++k) {
    EXPECT_EQ(first[k], text.find(keys[k]))
        << "key \"" << keys[k] << "\" in \"" << text << "\"";
    any |= text.find(keys[k]) != absl::string_view::npos;
    least = std::min(least, text.find(keys[k]));
  }
  EXPECT_EQ(first[keys.size()], 12345u) << "wrote past the keys";
  EXPECT_EQ(scan.ContainsAny(text), any) << "in \"" << text << "\"";
  EXPECT_EQ(scan.FirstOfAny(text), least) << "in \"" << text << "\"";
}

TEST(KeyScanTest, FindsWordsInSentences) {
  const std::vector<std::string> keys = {"poll", "Poll", "survey", "Survey"};
  for (absl::string_view text : {
           "",
           "p",
           "poll",
           "A Poll released Sunday found C.",
           "In a survey of voters, most said the polls were wrong.",
           "Pollsters and surveyors: no poll",
           "The pol l was a su rvey",
           "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxpoll",
           "xxxxxxxxxxxxxxxpollxxxxxxxxxxxxxxxxSurveyxxxxxxxxxxxxxxxxxxxxxxxxx",
           "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxpol",
           "POLL and PoLL and poLL are not keys; @oll and `oll neither",
       }) {
    ExpectPlainAnswers(keys, text);
  }
  EXPECT_TRUE(KeyScan().empty());
  EXPECT_FALSE(KeyScan().ContainsAny("poll"));
  ExpectPlainAnswers({"", "a"}, "");
  ExpectPlainAnswers({"", "a"}, "bab");
}

TEST(KeyScanTest, AnswersAsPlainSearchesOnRandomKeysAndTexts) {
  std::mt19937 rng(20261204);
  const std::string alphabet = "abAB@`Pp lL\xc3\xa9\x80";
  auto random_string = [&](size_t max_size) {
    std::string s(std::uniform_int_distribution<size_t>(0, max_size)(rng), ' ');
    for (char& c : s) {
      c = alphabet[std::uniform_int_distribution<size_t>(
          0, alphabet.size() - 1)(rng)];
    }
    return s;
  };
  for (int round = 0; round < 3000; ++round) {
    std::vector<std::string> keys(
        std::uniform_int_distribution<int>(1, 9)(rng));
    for (std::string& key : keys) key = random_string(5);
    for (int t = 0; t < 20; ++t) ExpectPlainAnswers(keys, random_string(80));
    if (HasFailure()) return;
  }
}

TEST(KeyScanTest, ManyAnchorsSearchKeyByKey) {
  // 26 * 26 distinct pairs: more anchors than the scan's bit masks hold.
  std::vector<std::string> keys;
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; ++b) keys.push_back({a, b, '!'});
  }
  ExpectPlainAnswers(keys, "the quick brown fox! jumps over the lazy dog!");
  ExpectPlainAnswers(keys, "no exclamation here");
}

TEST(KeyScanTest, LexiconPollNounsAsKeyByKeySearch) {
  auto lex = Lexicon::Load("");
  ASSERT_TRUE(lex.ok()) << lex.status();
  // What FindPollNoun() searched before: each poll noun that has no other
  // as its prefix, lower case and capitalised, in turn.
  std::vector<std::string> keys;
  for (const std::string& p : (*lex)->poll_nouns()) {
    bool covered = p.empty();
    for (const std::string& q : (*lex)->poll_nouns()) {
      if (q != p && !q.empty() && q == p.substr(0, q.size())) covered = true;
    }
    if (covered) continue;
    keys.push_back(p);
    std::string cap = p;
    cap[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(p[0])));
    if (cap != p) keys.push_back(cap);
  }
  ASSERT_FALSE(keys.empty());
  auto plain = [&keys](absl::string_view text) {
    size_t first = absl::string_view::npos;
    for (const std::string& key : keys) {
      first = std::min(first, text.substr(0, first).find(key));
    }
    return first;
  };
  for (absl::string_view text : {
           "In a poll released Sunday, most voters said the economy was fine.",
           "A Survey by the institute found that polls overstate turnout.",
           "No such noun here, only a pole and a surveyor's surplus.",
           "Surveys and polls",
           "",
       }) {
    EXPECT_EQ((*lex)->FindPollNoun(text), plain(text)) << text;
  }
}

}  // namespace
}  // namespace internal
}  // namespace whosaid
