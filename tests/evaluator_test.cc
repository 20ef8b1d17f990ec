#include "whosaid/evaluator.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/eval_errors.h"
#include "internal/json.h"
#include "whosaid/gold.h"

namespace whosaid {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The message of `s` as a std::string, which gmock matchers print readably.
std::string Msg(const absl::Status& s) { return std::string(s.message()); }

using ::testing::StartsWith;

const SpeechCues& Cues() {
  static const SpeechCues* cues = [] {
    absl::StatusOr<SpeechCues> c = SpeechCues::Builtin();
    EXPECT_TRUE(c.ok()) << c.status();
    return new SpeechCues(*std::move(c));
  }();
  return *cues;
}

// Builds documents and predictions by the text they cover, so each test
// reads as "gold says X, the engine says Y".
class Doc {
 public:
  Doc(std::string text, std::string source = "test") {
    gold_.id = "d";
    gold_.source = std::move(source);
    gold_.text = std::move(text);
    predicted_.mutable_document()->set_id("d");
  }

  GoldSpan Find(absl::string_view s, int nth = 0) const {
    size_t at = gold_.text.find(std::string(s));
    for (int i = 0; i < nth && at != std::string::npos; ++i) {
      at = gold_.text.find(std::string(s), at + 1);
    }
    EXPECT_NE(at, std::string::npos) << s;
    return GoldSpan{static_cast<uint32_t>(at),
                    static_cast<uint32_t>(at + s.size())};
  }

  // A gold quote; an empty speaker or cue leaves it out.
  GoldQuote& Gold(std::vector<std::string> content, absl::string_view speaker,
                  absl::string_view cue,
                  v1::ClaimKind kind = v1::CLAIM_KIND_INDIRECT) {
    GoldQuote q;
    for (const std::string& c : content) q.content.push_back(Find(c));
    if (!speaker.empty()) {
      q.speaker.push_back(Find(speaker));
      q.speaker_text = std::string(speaker);
    }
    if (!cue.empty()) q.cue.push_back(Find(cue));
    q.kind = kind;
    gold_.quotes.push_back(q);
    return gold_.quotes.back();
  }

  v1::Claim& Predict(std::vector<std::string> content,
                     absl::string_view speaker, absl::string_view cue,
                     v1::ClaimKind kind = v1::CLAIM_KIND_INDIRECT) {
    v1::Claim* c = predicted_.add_claims();
    for (const std::string& s : content) {
      GoldSpan g = Find(s);
      v1::Span* sp = c->add_content_parts();
      sp->set_begin(g.begin);
      sp->set_end(g.end);
    }
    if (!speaker.empty()) {
      GoldSpan g = Find(speaker);
      c->mutable_speaker()->set_text(std::string(speaker));
      c->mutable_speaker()->mutable_span()->set_begin(g.begin);
      c->mutable_speaker()->mutable_span()->set_end(g.end);
    }
    if (!cue.empty()) {
      GoldSpan g = Find(cue);
      c->mutable_cue()->set_text(std::string(cue));
      c->mutable_cue()->mutable_span()->set_begin(g.begin);
      c->mutable_cue()->mutable_span()->set_end(g.end);
    }
    c->set_kind(kind);
    return *c;
  }

  DatasetScores Score(size_t max_examples = 5,
                      bool speech_cue_misses_only = false) const {
    EvaluatorOptions options;
    options.max_examples = max_examples;
    options.speech_cue_misses_only = speech_cue_misses_only;
    Evaluator e(&Cues(), options);
    absl::Status s = e.Add(gold_, predicted_);
    EXPECT_TRUE(s.ok()) << s;
    std::vector<DatasetScores> all = e.Scores();
    EXPECT_EQ(all.size(), 1u);
    return all.empty() ? DatasetScores() : all[0];
  }

  GoldDocument gold_;
  v1::Extraction predicted_;
};

int64_t ErrorCount(const DatasetScores& d, ErrorCause cause,
                   const std::string& subgroup) {
  const auto& m = d.errors[static_cast<int>(cause)];
  auto it = m.find(subgroup);
  return it == m.end() ? 0 : it->second;
}

int64_t ErrorTotal(const DatasetScores& d) {
  int64_t n = 0;
  for (const auto& m : d.errors) {
    for (const auto& [k, v] : m) n += v;
  }
  return n;
}

void ExpectAllRight(const Ratio& r, const char* name) {
  EXPECT_EQ(r.right, r.total) << name;
}

TEST(Evaluator, GoldScoredAgainstItselfIsPerfect) {
  struct Case {
    const char* file;
    int64_t quotes;
    int64_t with_speaker;
    int64_t with_roles;
  };
  const Case cases[] = {
      {"tests/testdata/defense-ministers-call.gold.jsonl", 18, 18, 18},
      {"tests/testdata/eval/small.gold.jsonl", 8, 7, 2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(c.file);
    ASSERT_TRUE(docs.ok()) << docs.status();
    Evaluator e(&Cues(), EvaluatorOptions());
    for (const GoldDocument& d : *docs) {
      ASSERT_TRUE(e.Add(d, ExtractionFromGold(d)).ok());
    }
    std::vector<DatasetScores> all = e.Scores();
    ASSERT_EQ(all.size(), 1u);
    const DatasetScores& s = all[0];
    EXPECT_EQ(s.documents, static_cast<int64_t>(docs->size()));
    for (const Prf* p : {&s.content, &s.exact, &s.end_to_end}) {
      EXPECT_EQ(p->gold, c.quotes);
      EXPECT_EQ(p->predicted, c.quotes);
      EXPECT_EQ(p->matched, c.quotes);
      EXPECT_DOUBLE_EQ(p->f1(), 1.0);
    }
    EXPECT_EQ(s.speaker.total, c.with_speaker);
    EXPECT_EQ(s.stance.total, c.with_roles);
    EXPECT_EQ(s.addressee.total, c.with_roles);
    EXPECT_EQ(s.reported_via.total, c.with_roles);
    EXPECT_GT(s.cue.total, 0);
    EXPECT_GT(s.kind.total, 0);
    EXPECT_GT(s.speech_cue_recall.total, 0);
    EXPECT_GT(s.speaker_canonical.total, 0);
    ExpectAllRight(s.speaker, "speaker");
    ExpectAllRight(s.speaker_canonical, "speaker_canonical");
    ExpectAllRight(s.cue, "cue");
    ExpectAllRight(s.kind, "kind");
    ExpectAllRight(s.recall_direct, "recall_direct");
    ExpectAllRight(s.recall_indirect, "recall_indirect");
    ExpectAllRight(s.recall_mixed, "recall_mixed");
    ExpectAllRight(s.speech_cue_recall, "speech_cue_recall");
    ExpectAllRight(s.speech_cue_end_to_end_recall, "speech_cue_e2e");
    ExpectAllRight(s.stance, "stance");
    ExpectAllRight(s.addressee, "addressee");
    ExpectAllRight(s.reported_via, "reported_via");
    EXPECT_EQ(ErrorTotal(s), 0);
    EXPECT_TRUE(GroupErrors(s).empty());
  }
}

TEST(Evaluator, EmptyPredictions) {
  Doc d("Officials said the talks failed. He denied it.");
  d.Gold({"the talks failed"}, "Officials", "said");
  d.Gold({"it"}, "He", "denied");
  DatasetScores s = d.Score();
  EXPECT_EQ(s.content.gold, 2);
  EXPECT_EQ(s.content.predicted, 0);
  EXPECT_EQ(s.content.matched, 0);
  EXPECT_EQ(s.content.recall(), 0.0);
  EXPECT_EQ(s.content.precision(), 0.0);  // documented: 0, not n/a
  EXPECT_EQ(s.content.f1(), 0.0);
  EXPECT_EQ(s.end_to_end.f1(), 0.0);
  EXPECT_EQ(s.speaker.total, 0);  // accuracies are over matches only
  EXPECT_EQ(ErrorCount(s, ErrorCause::kMissed, "say"), 1);
  EXPECT_EQ(ErrorCount(s, ErrorCause::kMissed, "deny"), 1);
  EXPECT_EQ(s.misses.size(), 2u);
  std::string table = FormatScores({s}, ReportFormat::kText);
  EXPECT_THAT(table, HasSubstr("0.0% (0/0)"));
  EXPECT_THAT(table, HasSubstr("n/a"));
}

TEST(Evaluator, OverlapThresholdIsOneHalf) {
  // Gold content is 10 bytes, "0123456789". A miss is shown with the
  // prediction that overlaps it most, marks nested.
  struct Case {
    std::string predicted;
    bool match;
    std::string context;  // of the boundary error, if no match
  };
  const Case cases[] = {
      {"0123456789", true, ""},
      {"012345", true, ""},  // 6 / 10
      {"01234", true, ""},   // 5 / 10, exactly the threshold
      {"0123", false,        // 4 / 10
       "<|X|> said [{0123}456789]abcdefghijk."},
      {"0123456789abcd", true, ""},     // 10 / 14
      {"0123456789abcdefghijk", false,  // 10 / 21
       "<|X|> said {[0123456789]abcdefghijk}."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.predicted);
    Doc d("X said 0123456789abcdefghijk.");
    d.Gold({"0123456789"}, "X", "said");
    d.Predict({c.predicted}, "X", "said");
    DatasetScores s = d.Score();
    EXPECT_EQ(s.content.matched, c.match ? 1 : 0);
    EXPECT_EQ(ErrorCount(s, ErrorCause::kBoundary, "indirect"),
              c.match ? 0 : 1);
    if (!c.match) {
      ASSERT_EQ(s.misses.size(), 1u);
      EXPECT_EQ(s.misses[0].context, c.context);
      EXPECT_THAT(s.misses[0].detail, HasSubstr("predicted: speaker 'X'"));
    }
  }
}

TEST(Evaluator, PartsAreComparedAsTheirUnion) {
  // Gold parts "AAAAA" + "BBBBB": 10 bytes, where their hull has 22.
  Doc d("\"AAAAA,\" X said. \"BBBBB.\"");
  d.Gold({"AAAAA", "BBBBB"}, "X", "said", v1::CLAIM_KIND_DIRECT);
  // Covering the hull: 10 / 22, no match (against the hull it would be 1).
  d.Predict({"AAAAA,\" X said. \"BBBBB"}, "X", "said", v1::CLAIM_KIND_DIRECT);
  EXPECT_EQ(d.Score().content.matched, 0);
  Doc e = d;
  e.predicted_.clear_claims();
  e.Predict({"AAAAA"}, "X", "said", v1::CLAIM_KIND_DIRECT);  // 5 / 10
  EXPECT_EQ(e.Score().content.matched, 1);
  e.predicted_.clear_claims();
  e.Predict({"AAAA"}, "X", "said", v1::CLAIM_KIND_DIRECT);  // 4 / 10
  EXPECT_EQ(e.Score().content.matched, 0);
  e.predicted_.clear_claims();
  e.Predict({"AAAAA", "BBBBB"}, "X", "said", v1::CLAIM_KIND_DIRECT);
  DatasetScores s = e.Score();
  EXPECT_EQ(s.content.matched, 1);
  EXPECT_EQ(s.exact.matched, 1);
}

TEST(Evaluator, MatchingIsOneToOne) {
  Doc d("X said the plan will work out fine.");
  d.Gold({"the plan will work out fine"}, "X", "said");
  d.Predict({"the plan will work out fine"}, "X", "said");
  d.Predict({"the plan will work out"}, "X", "said");
  DatasetScores s = d.Score();
  EXPECT_EQ(s.content.matched, 1);
  EXPECT_EQ(s.content.predicted, 2);
  EXPECT_DOUBLE_EQ(s.content.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.content.recall(), 1.0);
  EXPECT_DOUBLE_EQ(s.content.f1(), 2.0 / 3);
  EXPECT_EQ(s.exact.matched, 1);
  EXPECT_EQ(
      ErrorCount(s, ErrorCause::kFalseAlarm, "duplicate of a matched quote"),
      1);
}

TEST(Evaluator, GreedyMatchingPrefersTheHigherRatio) {
  // Nested gold quotes; each prediction overlaps both at >= 0.5 (9/14), but
  // equals one of them. Taking pairs by highest ratio pairs each prediction
  // with its equal, so both speakers come out right.
  Doc d("A said aaaa bbbb cccc, B said.");
  d.Gold({"aaaa bbbb cccc"}, "A", "said");
  d.Gold({"bbbb cccc"}, "B", "said");
  d.Predict({"bbbb cccc"}, "B", "said");
  d.Predict({"aaaa bbbb cccc"}, "A", "said");
  DatasetScores s = d.Score();
  EXPECT_EQ(s.content.matched, 2);
  EXPECT_EQ(s.speaker.right, 2);
}

TEST(Evaluator, ExactMatchTrimsQuoteMarksAndPunctuation) {
  const std::string text =
      "He said: \xE2\x80\x9CWe are ready.\xE2\x80\x9D Then \xC2\xAB"
      "fine\xC2\xBB, she said.";
  struct Case {
    std::string gold;
    std::string predicted;
    bool exact;
  };
  const Case cases[] = {
      {"\xE2\x80\x9CWe are ready.\xE2\x80\x9D", "We are ready", true},
      {"We are ready.", "\xE2\x80\x9CWe are ready", true},
      {"\xE2\x80\x9CWe are ready.\xE2\x80\x9D", "We are read", false},
      {"\xC2\xAB"
       "fine\xC2\xBB",
       "fine", true},  // 4 / 8
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.predicted);
    Doc d(text);
    d.Gold({c.gold}, "He", "said", v1::CLAIM_KIND_DIRECT);
    d.Predict({c.predicted}, "He", "said", v1::CLAIM_KIND_DIRECT);
    DatasetScores s = d.Score();
    EXPECT_EQ(s.exact.matched, c.exact ? 1 : 0);
    EXPECT_EQ(s.content.matched, 1);
  }
}

TEST(Evaluator, SpeakerSpansOverlapLeniently) {
  const std::string text =
      "President Barack Obama, the former senator, said it was over. He "
      "smiled.";
  struct Case {
    std::string predicted_speaker;
    bool right;
    std::string subgroup;
  };
  const Case cases[] = {
      {"Obama", true, ""},
      {"President Barack Obama, the former senator,", true, ""},
      {"the former senator", true, ""},
      {"He", false, "predicted is a pronoun"},
      {"", false, "no predicted speaker"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.predicted_speaker);
    Doc d(text);
    d.Gold({"it was over"}, "President Barack Obama, the former senator,",
           "said");
    d.Predict({"it was over"}, c.predicted_speaker, "said");
    DatasetScores s = d.Score();
    EXPECT_EQ(s.speaker.total, 1);
    EXPECT_EQ(s.speaker.right, c.right ? 1 : 0);
    EXPECT_EQ(s.end_to_end.matched, c.right ? 1 : 0);
    if (!c.right) {
      EXPECT_EQ(ErrorCount(s, ErrorCause::kWrongSpeaker, c.subgroup), 1);
    }
  }
}

TEST(Evaluator, WrongSpeakerSubgroups) {
  const std::string text =
      "The minister said A. Smith, an aide, said B. She said C. Jones said "
      "D. Brown said E.";
  struct Case {
    std::string gold_speaker, predicted_speaker, content, subgroup;
  };
  const Case cases[] = {
      {"The minister", "Jones", "A", "gold is nominal (the ...)"},
      {"Smith, an aide,", "Jones", "B", "gold has an apposition"},
      {"She", "Jones", "C", "gold is a pronoun"},
      {"Jones", "Brown", "D", "other"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.subgroup);
    Doc d(text);
    d.Gold({c.content}, c.gold_speaker, "said");
    d.Predict({c.content}, c.predicted_speaker, "said");
    DatasetScores s = d.Score();
    EXPECT_EQ(s.speaker.right, 0);
    EXPECT_EQ(ErrorCount(s, ErrorCause::kWrongSpeaker, c.subgroup), 1);
    // Kept with its context for --errors: both speakers marked.
    ASSERT_EQ(s.wrong_speakers.size(), 1u);
    EXPECT_EQ(s.wrong_speakers[0].subgroup, c.subgroup);
    EXPECT_THAT(s.wrong_speakers[0].context,
                HasSubstr(absl::StrCat("<", c.gold_speaker, ">")));
    EXPECT_THAT(s.wrong_speakers[0].context,
                HasSubstr(absl::StrCat("|", c.predicted_speaker, "|")));
    EXPECT_TRUE(d.Score(0).wrong_speakers.empty());
  }
}

TEST(Evaluator, CanonicalSpeakersMatchByHeadOrSamePersonName) {
  struct Case {
    std::string predicted_canonical;
    bool right;
    bool strict;  // by NameMatch alone
  };
  const Case cases[] = {
      {"Clarissa Dalloway", true, true}, {"clarissa dalloway", true, true},
      {"Mrs. Dalloway", true, true},     {"Dalloway", true, true},
      {"Peter Walsh", false, false},     {"Clarissa", true, false},
      {"Peter", false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.predicted_canonical);
    Doc d("\"Come in,\" said Mrs. Dalloway.", "litbank");
    GoldQuote& g = d.Gold({"\"Come in,\""}, "", "", v1::CLAIM_KIND_DIRECT);
    g.speaker_canonical = "Clarissa Dalloway";
    v1::Claim& p = d.Predict({"\"Come in,\""}, "", "", v1::CLAIM_KIND_DIRECT);
    p.mutable_speaker()->set_canonical_name(c.predicted_canonical);
    DatasetScores s = d.Score();
    EXPECT_EQ(s.speaker.total, 1);
    EXPECT_EQ(s.speaker.right, c.right ? 1 : 0);
    EXPECT_EQ(s.speaker_canonical.right, c.right ? 1 : 0);
    EXPECT_EQ(s.speaker_canonical_strict.total, 1);
    EXPECT_EQ(s.speaker_canonical_strict.right, c.strict ? 1 : 0);
    EXPECT_EQ(s.end_to_end.matched, c.right ? 1 : 0);
  }
}

TEST(Evaluator, ImplicitSourcesAreRightOnlyWithoutAPredictedSpeaker) {
  Doc d("It is widely believed that taxes will rise, analysts said.");
  d.Gold({"that taxes will rise"}, "", "believed");
  d.Predict({"that taxes will rise"}, "", "believed");
  DatasetScores s = d.Score();
  EXPECT_EQ(s.speaker.total, 0);
  EXPECT_EQ(s.end_to_end.matched, 1);

  Doc e("It is widely believed that taxes will rise, analysts said.");
  e.Gold({"that taxes will rise"}, "", "believed");
  e.Predict({"that taxes will rise"}, "analysts", "said");
  DatasetScores t = e.Score();
  EXPECT_EQ(t.speaker.total, 0);
  EXPECT_EQ(t.end_to_end.matched, 0);
  EXPECT_EQ(ErrorCount(t, ErrorCause::kWrongSpeaker, "gold has no speaker"), 1);
  EXPECT_EQ(ErrorCount(t, ErrorCause::kWrongCue, "other"), 1);
}

TEST(Evaluator, CueKindAndSpeechCueRecall) {
  Doc d(
      "Smith has said that prices rose. Jones fears that prices will "
      "fall. Lee told me: \"no.\"");
  d.Gold({"that prices rose"}, "Smith", "has said");
  d.Gold({"that prices will fall"}, "Jones", "fears");
  d.Gold({"\"no.\""}, "Lee", "told", v1::CLAIM_KIND_DIRECT);
  d.Predict({"that prices rose"}, "Smith", "said");  // cue overlaps
  d.Predict({"\"no.\""}, "Lee", "me", v1::CLAIM_KIND_INDIRECT);
  DatasetScores s = d.Score();
  EXPECT_EQ(s.content.matched, 2);
  EXPECT_EQ(s.cue.total, 2);
  EXPECT_EQ(s.cue.right, 1);
  EXPECT_EQ(s.kind.total, 2);
  EXPECT_EQ(s.kind.right, 1);
  EXPECT_EQ(
      ErrorCount(s, ErrorCause::kWrongKind, "gold direct, predicted indirect"),
      1);
  // Kept with its context for --errors, the contents marked.
  ASSERT_EQ(s.wrong_kinds.size(), 1u);
  EXPECT_EQ(s.wrong_kinds[0].subgroup, "gold direct, predicted indirect");
  EXPECT_THAT(s.wrong_kinds[0].context, HasSubstr("{\"no.\"}"));
  EXPECT_THAT(s.wrong_kinds[0].detail, HasSubstr("indirect"));
  // "has said" and "told" are speech cues; "fears" is not.
  EXPECT_EQ(s.speech_cue_recall.total, 2);
  EXPECT_EQ(s.speech_cue_recall.right, 2);
  EXPECT_EQ(s.recall_indirect.total, 2);
  EXPECT_EQ(s.recall_indirect.right, 1);
  EXPECT_EQ(s.recall_direct.right, 1);
  EXPECT_EQ(ErrorCount(s, ErrorCause::kMissed, "(not speech) fears"), 1);
}

TEST(Evaluator, MissedNonSpeechCuesGroupByHeadWord) {
  struct Case {
    std::string text, cue, subgroup;
  };
  const Case cases[] = {
      {"They have long believed it was over.", "have long believed",
       "(not speech) believed"},
      {"In a statement, it was over.", "In a statement",
       "(not speech) statement"},
      {"Trump\xE2\x80\x99s plan: it was over.", "\xE2\x80\x99s",
       "(not speech) 's"},
      {"Polls: it was over.", ":", "(not speech) :"},
      {"He has repeatedly said it was over.", "has repeatedly said", "say"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cue);
    Doc d(c.text);
    d.Gold({"it was over"}, "", c.cue);
    DatasetScores s = d.Score();
    EXPECT_EQ(ErrorCount(s, ErrorCause::kMissed, c.subgroup), 1);
  }
}

TEST(Evaluator, FalseAlarmSubgroups) {
  const std::string text =
      "Obama: \"We will win\"\nThe so-called \"reform\" passed. The bill "
      "was signed, aides noted.";
  struct Case {
    std::string predicted, cue, subgroup;
  };
  const Case cases[] = {
      {"We will win", "", "headline"},
      {"reform", "", "scare quote"},
      {"reform", "noted", "other"},  // a speech cue: not a scare quote
      {"The bill was signed", "noted", "other"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.predicted);
    Doc d(text);
    d.Predict({c.predicted}, "", c.cue);
    DatasetScores s = d.Score();
    EXPECT_EQ(ErrorCount(s, ErrorCause::kFalseAlarm, c.subgroup), 1);
    ASSERT_EQ(s.false_alarms.size(), 1u);
    EXPECT_THAT(s.false_alarms[0].context,
                HasSubstr(absl::StrCat("{", c.predicted, "}")));
  }
}

TEST(Evaluator, StanceAddresseeAndReportedVia) {
  Doc d("Lecornu told Shoigu that France was ready, a statement said.");
  GoldQuote& g = d.Gold({"that France was ready"}, "Lecornu", "told");
  g.has_roles = true;
  g.stance = "assert";
  g.addressee_canonical = "Sergei Shoigu";
  g.reported_via = "French Defense Ministry";
  v1::Claim& p = d.Predict({"that France was ready"}, "Lecornu", "told");
  p.set_stance(v1::STANCE_CLAIM);
  p.mutable_addressee()->set_canonical_name("Shoigu");
  DatasetScores s = d.Score();
  EXPECT_EQ(s.stance.total, 1);
  EXPECT_EQ(s.stance.right, 0);
  EXPECT_EQ(s.addressee.right, 1);  // head match
  EXPECT_EQ(s.reported_via.total, 1);
  EXPECT_EQ(s.reported_via.right, 0);  // gold has one, prediction none
}

TEST(Evaluator, DatasetsAreNotPooled) {
  Evaluator e(&Cues(), EvaluatorOptions());
  Doc news("X said it.", "polnear");
  news.Gold({"it"}, "X", "said");
  Doc fiction("\"Hi,\" said Y.", "litbank");
  fiction.Gold({"\"Hi,\""}, "", "", v1::CLAIM_KIND_DIRECT);
  ASSERT_TRUE(e.Add(news.gold_, news.predicted_).ok());
  ASSERT_TRUE(e.Add(fiction.gold_, ExtractionFromGold(fiction.gold_)).ok());
  std::vector<DatasetScores> all = e.Scores();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].source, "polnear");
  EXPECT_EQ(all[0].content.matched, 0);
  EXPECT_EQ(all[1].source, "litbank");
  EXPECT_EQ(all[1].content.matched, 1);
  // An explicit dataset name overrides gold.source.
  ASSERT_TRUE(
      e.Add(news.gold_, ExtractionFromGold(news.gold_), "polnear annotators")
          .ok());
  all = e.Scores();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].source, "polnear annotators");
  EXPECT_EQ(all[2].content.matched, 1);
  EXPECT_EQ(all[0].documents, 1);
}

TEST(Evaluator, RejectsPredictedSpansOutsideTheText) {
  Doc d("X said it.");
  v1::Claim* c = d.predicted_.add_claims();
  c->add_content_parts()->set_end(99);
  Evaluator e(&Cues(), EvaluatorOptions());
  absl::Status s = e.Add(d.gold_, d.predicted_);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Msg(s), HasSubstr("document 'd': claim 0: content span"));
  EXPECT_TRUE(e.Scores().empty());
}

TEST(SpeechCues, Lemmas) {
  absl::StatusOr<SpeechCues> cues = SpeechCues::Parse(
      "# comment\nsay\nsaid\tsay  # past\naccording to\npointed out\tpoint "
      "out\n\n",
      "cues.txt");
  ASSERT_TRUE(cues.ok()) << cues.status();
  EXPECT_EQ(cues->size(), 4u);
  struct Case {
    const char* cue;
    const char* lemma;
  };
  const Case cases[] = {
      {"said", "say"},
      {"has Said", "say"},
      {"According to", "according to"},
      {"according", ""},
      {"pointed out", "point out"},
      {"pointed", ""},
      {":", ""},
      {"are afraid", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.cue);
    EXPECT_EQ(cues->Lemma(c.cue), c.lemma);
  }
}

TEST(SpeechCues, ParseErrorsNameTheLine) {
  struct Case {
    const char* contents;
    const char* message;
  };
  const Case cases[] = {
      {"say\nSaid\n", "cues.txt:2: 'Said' is not lower-case"},
      {"say\nsaid\tsay\textra\n", "cues.txt:2: expected"},
      {"say\n# x\nsay\n", "cues.txt:3: duplicate form 'say' (first on line 1)"},
      {"# only comments\n", "cues.txt: no speech cue forms"},
      {"said\tSay\n", "cues.txt:1: lemma:"},
      {"say\n\x01\xff\xfe", "cues.txt:2: column 1: control byte 1"},
      {"say\nsa\xffid", "cues.txt:2: column 3: invalid UTF-8"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.contents);
    absl::StatusOr<SpeechCues> cues = SpeechCues::Parse(c.contents, "cues.txt");
    ASSERT_FALSE(cues.ok());
    EXPECT_THAT(Msg(cues.status()), HasSubstr(c.message));
  }
  absl::StatusOr<SpeechCues> missing = SpeechCues::FromFile("no/such/cues.txt");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
}

TEST(SpeechCues, BuiltinCoversCommonCues) {
  const SpeechCues& cues = Cues();
  EXPECT_GT(cues.size(), 200u);
  for (const char* cue :
       {"said", "says", "say", "has said", "according to", "told", "adding",
        "wrote", "asked", "tweeted", "pointed out", "warned", "denied"}) {
    SCOPED_TRACE(cue);
    EXPECT_TRUE(cues.IsSpeechCue(cue));
  }
  for (const char* cue : {":", "are afraid", "enjoyed tremendous support"}) {
    SCOPED_TRACE(cue);
    EXPECT_FALSE(cues.IsSpeechCue(cue));
  }
  EXPECT_EQ(cues.Lemma("has told"), "tell");
}

TEST(NameMatch, EqualityOrHead) {
  struct Case {
    const char* a;
    const char* b;
    bool match;
  };
  const Case cases[] = {
      {"Sebastien Lecornu", "Lecornu", true},
      {"sebastien lecornu", "SEBASTIEN LECORNU", true},
      {"narrator", "Narrator", true},
      {"Obama's", "Barack Obama", true},
      {"Bill Clinton", "Hillary Clinton", true},  // lenient by design
      {"Clinton", "Bill", false},
      {"", "", false},
      {"Lecornu", "", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.a, " / ", c.b));
    EXPECT_EQ(NameMatch(c.a, c.b), c.match);
  }
}

TEST(SamePersonName, ProperNameAmongTheOthersWords) {
  struct Case {
    const char* a;
    const char* b;
    bool match;
  };
  const Case cases[] = {
      {"Sebastien Lecornu", "Lecornu", true},  // NameMatch
      {"Wilma", "Wilma Stroud", true},
      {"Otto Q. Brandt", "Otto", true},
      {"Aunt Wilma Stroud", "Wilma", true},
      {"Wilma's", "Wilma Stroud", true},
      {"Wilma", "Otto Stroud", false},
      {"man", "a man on the stairs", false},  // a description, not a name
      {"Mr.", "Mr. Brandt", false},           // a title alone
      {"I", "I. Brandt", false},              // a pronoun
      {"Wilma Stroud", "Wilma Brandt", false},
      {"the Wilma", "Wilma", true},           // NameMatch (same last word)
      {"", "Wilma", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.a, " / ", c.b));
    EXPECT_EQ(SamePersonName(c.a, c.b), c.match);
    EXPECT_EQ(SamePersonName(c.b, c.a), c.match);
  }
}

TEST(TrimQuoteMarks, BothEnds) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"\"We are ready,\"", "We are ready"},
      {"\xE2\x80\x9CWe are ready.\xE2\x80\x9D", "We are ready"},
      {"\xC2\xAB oui \xC2\xBB", "oui"},
      {"\xE2\x80\x98single\xE2\x80\x99", "single"},
      {"\xE2\x80\x9E"
       "low\xE2\x80\x9C",
       "low"},
      {"  ...word...  ", "word"},
      {"caf\xC3\xA9", "caf\xC3\xA9"},  // a letter is not trimmed
      {"\"\"", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(TrimQuoteMarks(c.in), c.out);
  }
}

TEST(GroupErrors, BiggestFirstWithCappedSubgroups) {
  DatasetScores s;
  s.errors[static_cast<int>(ErrorCause::kMissed)] = {
      {"say", 5}, {"tell", 3}, {"add", 1}, {"note", 1}};
  s.errors[static_cast<int>(ErrorCause::kFalseAlarm)] = {{"headline", 20}};
  s.errors[static_cast<int>(ErrorCause::kWrongCue)] = {{"other", 2}};
  std::vector<ErrorGroup> g = GroupErrors(s, 2);
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].cause, ErrorCause::kFalseAlarm);
  EXPECT_EQ(g[0].count, 20);
  EXPECT_EQ(g[1].cause, ErrorCause::kMissed);
  EXPECT_EQ(g[1].count, 10);
  ASSERT_EQ(g[1].subgroups.size(), 3u);
  EXPECT_EQ(g[1].subgroups[0], std::make_pair(std::string("say"), int64_t{5}));
  EXPECT_EQ(g[1].subgroups[1], std::make_pair(std::string("tell"), int64_t{3}));
  EXPECT_EQ(g[1].subgroups[2],
            std::make_pair(std::string("(2 other groups)"), int64_t{2}));
  EXPECT_EQ(g[2].cause, ErrorCause::kWrongCue);
}

TEST(Evaluator, SpeechCueMissesOnly) {
  Doc d("Smith said that prices rose. Jones fears that prices will fall.");
  d.Gold({"that prices rose"}, "Smith", "said");
  d.Gold({"that prices will fall"}, "Jones", "fears");
  // Both missed; only the miss of "said" (a speech cue) is listed, and
  // the counts stay whole.
  DatasetScores all = d.Score(5);
  EXPECT_EQ(all.misses.size(), 2u);
  DatasetScores speech = d.Score(5, /*speech_cue_misses_only=*/true);
  ASSERT_EQ(speech.misses.size(), 1u);
  EXPECT_THAT(speech.misses[0].context, HasSubstr("<Smith> said"));
  EXPECT_EQ(speech.speech_cue_recall.total, 1);
  EXPECT_EQ(speech.content.gold, all.content.gold);
}

TEST(Context, MarksGoldAndPredictedSpans) {
  Doc d(
      "First line.\nAn earlier sentence. Officials said the talks failed. "
      "Later text.");
  GoldQuote& g = d.Gold({"the talks failed"}, "Officials", "said");
  v1::Claim& p = d.Predict({"talks failed"}, "", "");
  std::string ctx = internal::Context(d.gold_.text, &g, &p);
  EXPECT_EQ(ctx, "<Officials> said [the {talks failed}].");
  std::string detail = internal::Detail(d.gold_.text, &g, &p);
  EXPECT_THAT(detail, HasSubstr("gold: speaker 'Officials', cue 'said'"));
  EXPECT_THAT(detail, HasSubstr("predicted: speaker none"));
}

TEST(FormatScores, TextMarkdownAndJson) {
  absl::StatusOr<std::vector<GoldDocument>> docs =
      ReadGoldFile("tests/testdata/defense-ministers-call.gold.jsonl");
  ASSERT_TRUE(docs.ok()) << docs.status();
  EvaluatorOptions options;
  options.max_examples = 3;
  Evaluator e(&Cues(), options);
  v1::Extraction half = ExtractionFromGold((*docs)[0]);
  while (half.claims_size() > 9) half.mutable_claims()->RemoveLast();
  ASSERT_TRUE(e.Add((*docs)[0], half).ok());
  std::vector<DatasetScores> scores = e.Scores();

  std::string text = FormatScores(scores, ReportFormat::kText);
  EXPECT_THAT(text, StartsWith("metric"));
  EXPECT_THAT(text, HasSubstr("content@0.5 recall"));
  EXPECT_THAT(text, HasSubstr("50.0% (9/18)"));
  EXPECT_THAT(text, HasSubstr("100.0% (9/9)"));

  std::string md = FormatScores(scores, ReportFormat::kMarkdown);
  EXPECT_THAT(md, StartsWith("| metric | seed |\n| --- | ---: |\n"));

  std::string errors = FormatErrors(scores, ReportFormat::kText);
  EXPECT_THAT(errors, HasSubstr("== Errors: seed =="));
  EXPECT_THAT(errors, HasSubstr("missed"));
  EXPECT_EQ(scores[0].misses.size(), 3u);

  std::string json = FormatScores(scores, ReportFormat::kJson);
  absl::StatusOr<internal::JsonValue> v = internal::ParseJson(json);
  ASSERT_TRUE(v.ok()) << v.status() << json;
  const internal::JsonValue* datasets = v->Find("datasets");
  ASSERT_NE(datasets, nullptr);
  ASSERT_EQ(datasets->array().size(), 1u);
  const internal::JsonValue* content = datasets->array()[0].Find("content");
  ASSERT_NE(content, nullptr);
  EXPECT_EQ(content->Find("matched")->number(), 9);
  EXPECT_EQ(content->Find("gold")->number(), 18);
  EXPECT_EQ(datasets->array()[0].Find("misses")->array().size(), 3u);
  EXPECT_EQ(FormatErrors(scores, ReportFormat::kJson), "");
}

TEST(ClaimTallies, ByRuleAndByConfidenceBand) {
  Doc d("Ana said it rained. Bo said it snowed. Cy said it hailed. Fog fell.");
  d.Gold({"it rained"}, "Ana", "said");
  d.Gold({"it snowed"}, "Bo", "said");
  // Right end to end.
  v1::Claim& a = d.Predict({"it rained"}, "Ana", "said");
  a.set_rule("speaker_cue_that");
  a.set_confidence(0.85f);
  // The content right, the speaker wrong.
  v1::Claim& b = d.Predict({"it snowed"}, "Cy", "said");
  b.set_rule("speaker_cue_that");
  b.set_confidence(0.8f);
  // A false alarm.
  v1::Claim& c = d.Predict({"Fog fell"}, "", "");
  c.set_rule("orphan");
  c.set_confidence(0.3f);
  // No rule, out-of-range confidence: the first band.
  v1::Claim& e = d.Predict({"it hailed"}, "Cy", "said");
  e.set_confidence(-1);
  DatasetScores s = d.Score();

  ASSERT_EQ(s.by_rule.size(), 3u);
  const ClaimTally& cue_that = s.by_rule.at("speaker_cue_that");
  EXPECT_EQ(cue_that.predicted, 2);
  EXPECT_EQ(cue_that.matched, 2);
  EXPECT_EQ(cue_that.end_to_end, 1);
  EXPECT_DOUBLE_EQ(cue_that.precision(), 0.5);
  EXPECT_NEAR(cue_that.mean_confidence(), 0.825, 1e-6);
  EXPECT_EQ(s.by_rule.at("orphan").predicted, 1);
  EXPECT_EQ(s.by_rule.at("orphan").matched, 0);
  EXPECT_EQ(s.by_rule.at("").predicted, 1);

  EXPECT_EQ(s.by_confidence[8].predicted, 2);  // 0.8, 0.85
  EXPECT_EQ(s.by_confidence[8].end_to_end, 1);
  EXPECT_EQ(s.by_confidence[3].predicted, 1);  // 0.3
  EXPECT_EQ(s.by_confidence[0].predicted, 1);  // -1
  int64_t total = 0;
  for (const ClaimTally& t : s.by_confidence) total += t.predicted;
  EXPECT_EQ(total, 4);
  // The tallies agree with the dataset's counts.
  EXPECT_EQ(cue_that.matched + s.by_rule.at("orphan").matched +
                s.by_rule.at("").matched,
            s.content.matched);
}

TEST(ClaimTallies, ConfidenceOneIsInTheLastBand) {
  Doc d("Ana said it rained.");
  d.Gold({"it rained"}, "Ana", "said");
  d.Predict({"it rained"}, "Ana", "said").set_confidence(1.0f);
  DatasetScores s = d.Score();
  EXPECT_EQ(s.by_confidence[kConfidenceBands - 1].predicted, 1);
  EXPECT_EQ(s.by_confidence[kConfidenceBands - 1].end_to_end, 1);
}

TEST(ClaimTallies, Formats) {
  Doc d("Ana said it rained. Fog fell.");
  d.Gold({"it rained"}, "Ana", "said");
  v1::Claim& a = d.Predict({"it rained"}, "Ana", "said");
  a.set_rule("speaker_cue_that");
  a.set_confidence(0.8f);
  v1::Claim& b = d.Predict({"Fog fell"}, "", "");
  b.set_rule("orphan");
  b.set_confidence(0.8f);
  std::vector<DatasetScores> scores = {d.Score()};

  const std::string text = FormatClaimTallies(scores, ReportFormat::kText);
  EXPECT_THAT(text, HasSubstr("== Claims by rule: test =="));
  EXPECT_THAT(text, HasSubstr("== Claims by confidence: test =="));
  EXPECT_THAT(text, HasSubstr("100.0% (1/1)"));
  EXPECT_THAT(text, HasSubstr("[0.8, 0.9)"));
  EXPECT_THAT(text, HasSubstr("50.0% (1/2)"));
  // Bands without claims are left out.
  EXPECT_THAT(text, Not(HasSubstr("[0.1, 0.2)")));
  const std::string md = FormatClaimTallies(scores, ReportFormat::kMarkdown);
  EXPECT_THAT(md, HasSubstr("### Claims by rule: test"));
  EXPECT_THAT(md, HasSubstr("| orphan | 1 | 0.0% (0/1) | 0.0% (0/1) | 0.80 |"));
  EXPECT_EQ(FormatClaimTallies(scores, ReportFormat::kJson), "");

  const std::string json = FormatScores(scores, ReportFormat::kJson);
  absl::StatusOr<internal::JsonValue> v = internal::ParseJson(json);
  ASSERT_TRUE(v.ok()) << v.status() << json;
  const internal::JsonValue& dataset = v->Find("datasets")->array()[0];
  const internal::JsonValue* by_rule = dataset.Find("by_rule");
  ASSERT_NE(by_rule, nullptr);
  ASSERT_EQ(by_rule->array().size(), 2u);
  // (By name: "orphan" first.)
  EXPECT_EQ(by_rule->array()[1].Find("rule")->string_value(), "speaker_cue_that");
  EXPECT_EQ(by_rule->array()[1].Find("end_to_end")->number(), 1);
  const internal::JsonValue* bands = dataset.Find("by_confidence");
  ASSERT_NE(bands, nullptr);
  ASSERT_EQ(bands->array().size(), static_cast<size_t>(kConfidenceBands));
  EXPECT_EQ(bands->array()[8].Find("claims")->number(), 2);
}

TEST(ParseReportFormat, Names) {
  EXPECT_EQ(*ParseReportFormat(""), ReportFormat::kText);
  EXPECT_EQ(*ParseReportFormat("markdown"), ReportFormat::kMarkdown);
  EXPECT_EQ(*ParseReportFormat("json"), ReportFormat::kJson);
  EXPECT_THAT(Msg(ParseReportFormat("html").status()),
              HasSubstr("unknown --format 'html'"));
}

// Two documents for the bootstrap tests: in the first the engine finds the
// one quote, in the second it misses it.
Doc FoundDoc() {
  Doc d("Ann said the bridge would close. Nothing else happened.");
  d.Gold({"the bridge would close"}, "Ann", "said");
  d.Predict({"the bridge would close"}, "Ann", "said");
  return d;
}
Doc MissedDoc() {
  Doc d("Bob warned that taxes would rise. The rest is weather.");
  d.Gold({"taxes would rise"}, "Bob", "warned");
  return d;
}

// An evaluator keeping per-document counts, fed `docs` in order.
std::vector<DatasetScores> ScorePerDocument(const std::vector<Doc>& docs,
                                            bool per_document = true) {
  EvaluatorOptions options;
  options.per_document = per_document;
  Evaluator e(&Cues(), options);
  for (const Doc& d : docs) {
    absl::Status s = e.Add(d.gold_, d.predicted_);
    EXPECT_TRUE(s.ok()) << s;
  }
  return e.Scores();
}

const MetricInterval* FindInterval(const std::vector<MetricInterval>& list,
                                   absl::string_view metric) {
  for (const MetricInterval& m : list) {
    if (m.metric == metric) return &m;
  }
  return nullptr;
}

TEST(Bootstrap, PerDocumentCountsSumToTheDataset) {
  Doc extra = FoundDoc();
  extra.Predict({"Nothing else happened"}, "", "");  // a false alarm
  std::vector<DatasetScores> all =
      ScorePerDocument({FoundDoc(), MissedDoc(), extra});
  ASSERT_EQ(all.size(), 1u);
  const DatasetScores& d = all[0];
  ASSERT_EQ(d.per_document.size(), 3u);
  EXPECT_EQ(d.per_document[0].content.matched, 1);
  EXPECT_EQ(d.per_document[1].content.matched, 0);
  EXPECT_EQ(d.per_document[1].content.gold, 1);
  EXPECT_EQ(d.per_document[2].content.predicted, 2);
  ScoreCounts sum;
  for (const ScoreCounts& c : d.per_document) sum.Add(c);
  EXPECT_EQ(sum.content.matched, d.content.matched);
  EXPECT_EQ(sum.content.gold, d.content.gold);
  EXPECT_EQ(sum.content.predicted, d.content.predicted);
  EXPECT_EQ(sum.end_to_end.matched, d.end_to_end.matched);
  EXPECT_EQ(sum.speaker.right, d.speaker.right);
  EXPECT_EQ(sum.speaker.total, d.speaker.total);
  EXPECT_EQ(sum.speech_cue_recall.right, d.speech_cue_recall.right);
  EXPECT_EQ(sum.speech_cue_recall.total, d.speech_cue_recall.total);
  EXPECT_EQ(d.speech_cue_recall.total, 3);
  // Without the option nothing is kept, and there is nothing to resample.
  std::vector<DatasetScores> plain =
      ScorePerDocument({FoundDoc(), MissedDoc()}, /*per_document=*/false);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_TRUE(plain[0].per_document.empty());
  EXPECT_TRUE(BootstrapIntervals(plain[0], BootstrapOptions()).empty());
}

TEST(Bootstrap, IdenticalDocumentsGiveAPoint) {
  std::vector<DatasetScores> all =
      ScorePerDocument({FoundDoc(), FoundDoc(), FoundDoc()});
  ASSERT_EQ(all.size(), 1u);
  std::vector<MetricInterval> list = BootstrapIntervals(all[0], BootstrapOptions());
  const MetricInterval* f1 = FindInterval(list, "content@0.5 F1");
  ASSERT_NE(f1, nullptr);
  EXPECT_DOUBLE_EQ(f1->value, 1.0);
  EXPECT_DOUBLE_EQ(f1->low, 1.0);
  EXPECT_DOUBLE_EQ(f1->high, 1.0);
  // No gold quote gives a stance to score: no stance interval.
  EXPECT_EQ(FindInterval(list, "stance accuracy"), nullptr);
}

TEST(Bootstrap, IntervalsSpanWhatDocumentsDiffer) {
  // Two documents: a resample holds both, or only one of them (a quarter
  // of the time each), so recall runs from 0 to 1.
  std::vector<DatasetScores> two = ScorePerDocument({FoundDoc(), MissedDoc()});
  ASSERT_EQ(two.size(), 1u);
  BootstrapOptions options;
  std::vector<MetricInterval> list = BootstrapIntervals(two[0], options);
  const MetricInterval* recall = FindInterval(list, "content@0.5 recall");
  ASSERT_NE(recall, nullptr);
  EXPECT_DOUBLE_EQ(recall->value, 0.5);
  EXPECT_DOUBLE_EQ(recall->low, 0.0);
  EXPECT_DOUBLE_EQ(recall->high, 1.0);
  // The same seed, the same intervals.
  std::vector<MetricInterval> again = BootstrapIntervals(two[0], options);
  ASSERT_EQ(again.size(), list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(again[i].metric, list[i].metric);
    EXPECT_EQ(again[i].low, list[i].low);
    EXPECT_EQ(again[i].high, list[i].high);
  }
  // A hundred documents, half found: the interval narrows around 0.5 (its
  // standard error is 0.05).
  std::vector<Doc> many;
  for (int i = 0; i < 50; ++i) {
    many.push_back(FoundDoc());
    many.push_back(MissedDoc());
  }
  std::vector<DatasetScores> hundred = ScorePerDocument(many);
  ASSERT_EQ(hundred.size(), 1u);
  list = BootstrapIntervals(hundred[0], options);
  recall = FindInterval(list, "content@0.5 recall");
  ASSERT_NE(recall, nullptr);
  EXPECT_DOUBLE_EQ(recall->value, 0.5);
  EXPECT_GT(recall->low, 0.35);
  EXPECT_LT(recall->low, 0.5);
  EXPECT_GT(recall->high, 0.5);
  EXPECT_LT(recall->high, 0.65);
  // A narrower confidence gives a narrower interval.
  options.confidence = 0.5;
  const MetricInterval* half =
      FindInterval(BootstrapIntervals(hundred[0], options), "content@0.5 recall");
  ASSERT_NE(half, nullptr);
  EXPECT_GT(half->low, recall->low);
  EXPECT_LT(half->high, recall->high);
}

TEST(Bootstrap, FormatScoresPrintsTheIntervals) {
  std::vector<DatasetScores> two = ScorePerDocument({FoundDoc(), MissedDoc()});
  BootstrapOptions options;
  options.rounds = 200;
  const std::string text = FormatScores(two, ReportFormat::kText, &options);
  EXPECT_THAT(text, HasSubstr("95% intervals over documents drawn with "
                              "replacement (200 rounds, seed 1):"));
  EXPECT_THAT(text, HasSubstr("[0.0%, 100.0%]"));
  const std::string md = FormatScores(two, ReportFormat::kMarkdown, &options);
  EXPECT_THAT(md, HasSubstr("| content@0.5 recall | [0.0%, 100.0%] |"));
  const std::string json = FormatScores(two, ReportFormat::kJson, &options);
  absl::StatusOr<internal::JsonValue> parsed = internal::ParseJson(json);
  ASSERT_TRUE(parsed.ok()) << parsed.status() << "\n" << json;
  EXPECT_THAT(json, HasSubstr("\"intervals\":{\"content@0.5 precision\":"));
  EXPECT_THAT(json, HasSubstr("\"content@0.5 recall\":{\"value\":0.5,\"low\":0,"
                              "\"high\":1}"));
  // No per-document counts: the table says so.
  std::vector<DatasetScores> plain =
      ScorePerDocument({FoundDoc(), MissedDoc()}, /*per_document=*/false);
  EXPECT_THAT(FormatScores(plain, ReportFormat::kText, &options),
              HasSubstr("none: no per-document counts"));
  // Without options, the table is as before.
  EXPECT_THAT(FormatScores(two, ReportFormat::kText), Not(HasSubstr("intervals")));
}

}  // namespace
}  // namespace whosaid
