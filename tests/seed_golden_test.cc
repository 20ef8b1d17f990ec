// The seed article end to end: the engine's claims on
// seeds/defense-ministers-call.txt against its hand-made gold
// (tests/testdata/defense-ministers-call.gold.jsonl, 18 quotes). Each gold
// quote is matched one-to-one to the prediction overlapping it most (content
// byte sets, |G ∩ P| / |G ∪ P| >= 0.5) and counts as right end to end when
// the kind, the speaker's canonical name (ASCII case aside) and the cue span
// agree too. The misses are printed.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "whosaid/evaluator.h"
#include "whosaid/extractor.h"
#include "whosaid/gold.h"

namespace whosaid {
namespace {

constexpr char kArticle[] = "seeds/defense-ministers-call.txt";
constexpr char kGold[] = "tests/testdata/defense-ministers-call.gold.jsonl";

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path << ": cannot open";
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::set<uint32_t> Bytes(const std::vector<GoldSpan>& spans) {
  std::set<uint32_t> out;
  for (const GoldSpan& s : spans) {
    for (uint32_t i = s.begin; i < s.end; ++i) out.insert(i);
  }
  return out;
}

std::set<uint32_t> Bytes(const v1::Claim& c) {
  std::set<uint32_t> out;
  for (const v1::Span& s : c.content_parts()) {
    for (uint32_t i = s.begin(); i < s.end(); ++i) out.insert(i);
  }
  return out;
}

double Overlap(const std::set<uint32_t>& a, const std::set<uint32_t>& b) {
  size_t common = 0;
  for (uint32_t x : a) common += b.count(x);
  size_t all = a.size() + b.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / all;
}

class SeedGolden : public testing::Test {
 protected:
  void SetUp() override {
    auto docs = ReadGoldFile(kGold);
    ASSERT_TRUE(docs.ok()) << docs.status();
    ASSERT_EQ(docs->size(), 1u);
    gold_ = (*docs)[0];
    ASSERT_EQ(gold_.quotes.size(), 18u);
    ASSERT_EQ(ReadFile(kArticle), gold_.text) << "gold text is not the seed";
    auto extractor = Extractor::Create(ExtractorOptions());
    ASSERT_TRUE(extractor.ok()) << extractor.status();
    v1::Document doc;
    doc.set_id(gold_.id);
    doc.set_text(gold_.text);
    ASSERT_TRUE((*extractor)->Extract(doc, &predicted_).ok());
  }

  GoldDocument gold_;
  v1::Extraction predicted_;
};

TEST_F(SeedGolden, AtLeast16Of18RightEndToEnd) {
  const std::string& text = gold_.text;
  // Greedy one-to-one matching, best overlap first.
  std::vector<std::tuple<double, int, int>> pairs;
  for (size_t g = 0; g < gold_.quotes.size(); ++g) {
    std::set<uint32_t> gb = Bytes(gold_.quotes[g].content);
    for (int p = 0; p < predicted_.claims_size(); ++p) {
      double r = Overlap(gb, Bytes(predicted_.claims(p)));
      if (r > 0) pairs.emplace_back(-r, static_cast<int>(g), p);
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<int> match(gold_.quotes.size(), -1);
  std::vector<bool> used(predicted_.claims_size(), false);
  for (const auto& [neg, g, p] : pairs) {
    if (-neg < 0.5 || match[g] >= 0 || used[p]) continue;
    match[g] = p;
    used[p] = true;
  }
  int right = 0;
  for (size_t g = 0; g < gold_.quotes.size(); ++g) {
    const GoldQuote& q = gold_.quotes[g];
    std::string content = GoldQuote::JoinedText(text, q.content, " ... ");
    if (match[g] < 0) {
      std::printf("miss: no prediction for \"%s\"\n", content.c_str());
      continue;
    }
    const v1::Claim& c = predicted_.claims(match[g]);
    std::string problems;
    if (c.kind() != q.kind) problems += " kind";
    if (!absl::EqualsIgnoreCase(c.speaker().canonical_name(),
                                q.speaker_canonical.value_or(""))) {
      problems += " speaker '" + c.speaker().canonical_name() + "' (gold '" +
                  q.speaker_canonical.value_or("") + "')";
    }
    bool cue_ok = false;
    for (const GoldSpan& s : q.cue) {
      cue_ok |=
          c.cue().span().begin() < s.end && s.begin < c.cue().span().end();
    }
    if (!cue_ok) problems += " cue '" + c.cue().text() + "'";
    if (problems.empty()) {
      ++right;
    } else {
      std::printf("miss:%s for \"%s\"\n", problems.c_str(), content.c_str());
    }
  }
  int unmatched = 0;
  for (int p = 0; p < predicted_.claims_size(); ++p) {
    if (used[p]) continue;
    ++unmatched;
    std::printf("false alarm: \"%s\" (speaker '%s', cue '%s')\n",
                predicted_.claims(p).content().c_str(),
                predicted_.claims(p).speaker().text().c_str(),
                predicted_.claims(p).cue().text().c_str());
  }
  std::printf(
      "seed: %d of %zu gold claims right end to end, %d predictions "
      "match no gold claim\n",
      right, gold_.quotes.size(), unmatched);
  EXPECT_GE(right, 16);
  EXPECT_LE(unmatched, 2);
}

TEST_F(SeedGolden, EvaluatorScores) {
  auto cues = SpeechCues::Builtin();
  ASSERT_TRUE(cues.ok()) << cues.status();
  Evaluator evaluator(&*cues, EvaluatorOptions());
  ASSERT_TRUE(evaluator.Add(gold_, predicted_).ok());
  std::vector<DatasetScores> scores = evaluator.Scores();
  ASSERT_EQ(scores.size(), 1u);
  const DatasetScores& s = scores[0];
  std::printf("%s", FormatScores(scores, ReportFormat::kText).c_str());
  EXPECT_EQ(s.content.gold, 18);
  // Issue 4's bar: all 18 with content, kind, cue, canonical speaker,
  // stance, addressee and reported_via. (End to end by the scorer's span
  // test is 17 of 18: one pronoun speaker's span differs from the gold's
  // while the canonical names agree.)
  EXPECT_EQ(s.content.matched, 18);
  EXPECT_GE(s.end_to_end.matched, 17);
  EXPECT_LE(s.content.predicted - s.content.matched, 2);
  EXPECT_EQ(s.kind.right, 18);
  EXPECT_EQ(s.cue.right, 18);
  EXPECT_EQ(s.speaker_canonical.right, 18);
  EXPECT_EQ(s.stance.right, 18);
  EXPECT_EQ(s.addressee.right, 18);
  EXPECT_EQ(s.reported_via.right, 18);
}

}  // namespace
}  // namespace whosaid
