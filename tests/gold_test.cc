#include "whosaid/gold.h"

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace whosaid {
namespace {

using ::testing::HasSubstr;

// The message of `s` as a std::string, which gmock matchers print readably.
std::string Msg(const absl::Status& s) { return std::string(s.message()); }

using ::testing::Not;
using ::testing::StartsWith;

constexpr char kSeedGold[] = "tests/testdata/defense-ministers-call.gold.jsonl";
constexpr char kSmallGold[] = "tests/testdata/eval/small.gold.jsonl";

// Writes `contents` to a fresh file under the test temp dir; returns its path.
std::string WriteTemp(const std::string& name, const std::string& contents) {
  std::string path = absl::StrCat(::testing::TempDir(), "/", name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  return path;
}

TEST(ReadGoldFile, ReadsTheSeedGold) {
  absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(kSeedGold);
  ASSERT_TRUE(docs.ok()) << docs.status();
  ASSERT_EQ(docs->size(), 1u);
  const GoldDocument& d = (*docs)[0];
  EXPECT_EQ(d.id, "defense-ministers-call");
  EXPECT_EQ(d.source, "seed");
  EXPECT_EQ(d.line, 1);
  ASSERT_EQ(d.quotes.size(), 18u);
  // Quote 7 comes after the first curly quote mark: its byte offsets
  // ([1438, 1493)) differ from its code-point offsets ([1438, 1489)).
  const GoldQuote& q = d.quotes[7];
  ASSERT_EQ(q.content.size(), 1u);
  EXPECT_EQ(q.content[0], (GoldSpan{1438, 1493}));
  EXPECT_EQ(GoldQuote::Text(d.text, q.content[0]),
            "France condemned it as Russia\xE2\x80\x99s \xE2\x80\x9Cwar of "
            "aggression\"");
  EXPECT_TRUE(q.has_roles);
  EXPECT_EQ(q.stance, "condemn");
  EXPECT_EQ(q.reported_via, "French Defense Ministry");
  EXPECT_EQ(q.addressee_canonical, std::nullopt);
  EXPECT_EQ(d.quotes[1].addressee_canonical, "Sergei Shoigu");
  EXPECT_EQ(d.quotes[4].stance, "claim_without_evidence");
  for (size_t i = 0; i < d.quotes.size(); ++i) {
    SCOPED_TRACE(i);
    const GoldQuote& g = d.quotes[i];
    ASSERT_TRUE(g.speaker_text.has_value());
    EXPECT_EQ(GoldQuote::JoinedText(d.text, g.speaker), *g.speaker_text);
    EXPECT_EQ(g.cue.size(), 1u);
    EXPECT_TRUE(g.speaker_canonical.has_value());
  }
}

TEST(ReadGoldFile, ReadsPartsNullSpeakersAndUnicode) {
  absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(kSmallGold);
  ASSERT_TRUE(docs.ok()) << docs.status();
  ASSERT_EQ(docs->size(), 5u);
  const GoldDocument& d = (*docs)[0];
  ASSERT_EQ(d.quotes.size(), 3u);
  const GoldQuote& parts = d.quotes[0];
  ASSERT_EQ(parts.content.size(), 2u);
  EXPECT_EQ(GoldQuote::JoinedText(d.text, parts.content, "|"),
            "\xE2\x80\x9CWe are ready,\xE2\x80\x9D|\xE2\x80\x9Cto "
            "talk.\xE2\x80\x9D");
  EXPECT_EQ(GoldQuote::JoinedText(d.text, parts.speaker),
            "the \xC3\x89lys\xC3\xA9"
            "e spokeswoman");
  EXPECT_EQ(parts.kind, v1::CLAIM_KIND_DIRECT);
  EXPECT_FALSE(parts.has_roles);
  const GoldQuote& implicit = d.quotes[1];
  EXPECT_TRUE(implicit.speaker.empty());
  EXPECT_EQ(implicit.speaker_text, std::nullopt);
  EXPECT_EQ(GoldQuote::JoinedText(d.text, implicit.cue), "was reported");
  EXPECT_EQ(d.quotes[2].kind, v1::CLAIM_KIND_MIXED);
  // The LitBank-like document: a canonical speaker and nothing else.
  const GoldQuote& canonical = (*docs)[1].quotes[0];
  EXPECT_TRUE(canonical.speaker.empty());
  EXPECT_TRUE(canonical.cue.empty());
  EXPECT_EQ(canonical.speaker_canonical, "Clarissa Dalloway");
  EXPECT_TRUE((*docs)[3].quotes.empty());
  EXPECT_EQ((*docs)[3].line, 4);
  EXPECT_TRUE((*docs)[3].alternatives.empty());
}

TEST(ReadGoldFile, ReadsOtherAnnotators) {
  absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(kSmallGold);
  ASSERT_TRUE(docs.ok()) << docs.status();
  const GoldDocument& d = (*docs)[4];
  ASSERT_EQ(d.quotes.size(), 1u);
  ASSERT_EQ(d.alternatives.size(), 2u);
  EXPECT_EQ(d.alternatives[0].annotator, "a2");
  ASSERT_EQ(d.alternatives[0].quotes.size(), 1u);
  EXPECT_EQ(GoldQuote::JoinedText(d.text, d.alternatives[0].quotes[0].content),
            "budget is balanced");
  EXPECT_EQ(d.alternatives[1].annotator, "a3");
  EXPECT_TRUE(d.alternatives[1].quotes.empty());
}

TEST(ReadGoldFile, ErrorsNamePathAndLine) {
  const std::string good =
      R"({"id": "ok", "source": "t", "text": "abc", "quotes": []})";
  struct Case {
    std::string line;
    std::string message;
  };
  const Case cases[] = {
      {R"({"id": "x", "source": "t",)", "column"},
      {"\x01\xff binary", "column"},
      {R"([1, 2])", "expected a JSON object"},
      {R"({"source": "t", "text": "abc", "quotes": []})", "missing \"id\""},
      {R"({"id": 5, "source": "t", "text": "abc", "quotes": []})",
       "\"id\" must be a string"},
      {R"({"id": "x", "source": "t", "quotes": []})", "missing \"text\""},
      {R"({"id": "x", "source": "t", "text": "abc"})", "missing \"quotes\""},
      {R"({"id": "x", "source": "t", "text": "abc", "quotes": {}})",
       "\"quotes\" must be a list"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [0, 99]}]})",
       "quote 0: content_bytes [0, 99) out of range: text has 3 bytes"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content": [0, 9]}]})",
       "content [0, 9) out of range: text has 3 code points"},
      {"{\"id\": \"x\", \"source\": \"t\", \"text\": \"\xC3\xA9!\", "
       "\"quotes\": [{\"content_bytes\": [1, 3]}]}",
       "content_bytes [1, 3) splits a UTF-8 sequence at byte 1"},
      {"{\"id\": \"x\", \"source\": \"t\", \"text\": \"\xC3\xA9"
       "a!\", "
       "\"quotes\": [{\"content\": [1, 2], \"content_bytes\": [3, 4]}]}",
       "content and content_bytes disagree"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [2, 1]}]})",
       "expected [begin, end]"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [-1, 1]}]})",
       "expected [begin, end]"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [0.5, 1]}]})",
       "expected [begin, end]"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": "0-1"}]})",
       "expected [begin, end]"},
      {R"({"id": "x", "source": "t", "text": "abc", "quotes": [{}]})",
       "quote 0: missing \"content_bytes\""},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [0, 3], "kind": "loud"}]})",
       "\"kind\" must be"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [0, 3], "stance": "shout"}]})",
       "unknown stance \"shout\""},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [0, 3], "speaker_text": 1}]})",
       "\"speaker_text\" must be a string or null"},
      {R"({"id": "x", "source": "t", "text": "abcdef",
          "quotes": [{"content_bytes": [0, 3],
                      "content_parts_bytes": [[0, 1], [4, 5]]}]})",
       "content [0, 3) is not the hull of content_parts"},
      {R"({"id": "x", "source": "t", "text": "abcdef",
          "quotes": [{"content_bytes": [0, 3],
                      "content_parts_bytes": []}]})",
       "content_parts_bytes: expected a non-empty list"},
      {R"({"id": "x", "source": "t", "text": "abc",
          "quotes": [{"content_bytes": [0, 3], "speaker_bytes": [1, 9]}]})",
       "speaker_bytes [1, 9) out of range"},
      {R"({"id": "x", "source": "t", "text": "abc", "quotes": [],
          "meta": {"alt_annotations": [{"annotator": "a",
                   "quotes": [{"content_bytes": [0, 7]}]}]}})",
       "document \"x\": meta.alt_annotations[0]: quote 0: content_bytes [0, "
       "7) out of range"},
      {R"({"id": "x", "source": "t", "text": "abc", "quotes": [],
          "meta": {"alt_annotations": {}}})",
       "meta.alt_annotations must be a list"},
      {R"({"id": "x", "source": "t", "text": "abc", "quotes": [],
          "meta": {"alt_annotations": [{"annotator": "a"}]}})",
       "meta.alt_annotations[0]: missing \"quotes\""},
  };
  int n = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    // A good line, a blank line, then the bad one: line 3.
    // The rows wrap for reading; each is one line in the file.
    std::string line = absl::StrReplaceAll(c.line, {{"\n", " "}});
    std::string path =
        WriteTemp(absl::StrCat("bad", n++, ".jsonl"), good + "\n\n" + line);
    absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(path);
    ASSERT_FALSE(docs.ok());
    EXPECT_EQ(docs.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Msg(docs.status()), StartsWith(path + ":3: "));
    EXPECT_THAT(Msg(docs.status()), HasSubstr(c.message));
  }
}

TEST(ReadGoldFile, ToleratesByteOrderMarkAndCrLf) {
  std::string path = WriteTemp(
      "bom.jsonl",
      "\xEF\xBB\xBF{\"id\": \"a\", \"source\": \"t\", \"text\": \"ab\", "
      "\"quotes\": [{\"content_bytes\": [0, 2]}]}\r\n"
      "{\"id\": \"b\", \"source\": \"t\", \"text\": \"c\", \"quotes\": "
      "[]}\r\n");
  absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(path);
  ASSERT_TRUE(docs.ok()) << docs.status();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].id, "a");
  EXPECT_EQ((*docs)[1].line, 2);
}

TEST(ReadGoldFile, MissingEmptyAndDirectory) {
  absl::StatusOr<std::vector<GoldDocument>> missing =
      ReadGoldFile("tests/testdata/eval/no-such-file.jsonl");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(
      Msg(missing.status()),
      StartsWith("tests/testdata/eval/no-such-file.jsonl: cannot open"));

  std::string empty = WriteTemp("empty.jsonl", "\n  \n");
  absl::StatusOr<std::vector<GoldDocument>> e = ReadGoldFile(empty);
  ASSERT_FALSE(e.ok());
  EXPECT_THAT(Msg(e.status()), HasSubstr("no documents"));
  EXPECT_THAT(Msg(e.status()), StartsWith(empty + ":1: "));

  absl::StatusOr<std::vector<GoldDocument>> dir =
      ReadGoldFile("tests/testdata/eval");
  ASSERT_FALSE(dir.ok());
  EXPECT_THAT(Msg(dir.status()), HasSubstr("is a directory"));
}

TEST(GoldToJsonLine, RoundTripsTheTestFiles) {
  for (const char* file : {kSeedGold, kSmallGold}) {
    SCOPED_TRACE(file);
    absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(file);
    ASSERT_TRUE(docs.ok()) << docs.status();
    for (const GoldDocument& d : *docs) {
      SCOPED_TRACE(d.id);
      std::string line = GoldToJsonLine(d);
      EXPECT_EQ(line.find('\n'), std::string::npos);
      // The reader checks that code-point and byte spans agree, so parsing
      // back also checks the code points the writer computed.
      absl::StatusOr<GoldDocument> back = ParseGoldLine(line);
      ASSERT_TRUE(back.ok()) << back.status() << "\n" << line;
      EXPECT_TRUE(*back == d);
      EXPECT_EQ(GoldToJsonLine(*back), line);
    }
  }
}

TEST(GoldToJsonLine, WritesCodePointsAndParts) {
  GoldDocument d;
  d.id = "u";
  d.source = "test";
  d.text = "\xC3\xA9t\xC3\xA9: \"oui\" et \"non\"";  // été: "oui" et "non"
  GoldQuote q;
  q.content = {{8, 13}, {17, 22}};
  q.speaker = {{0, 5}};
  q.speaker_text = "\xC3\xA9t\xC3\xA9";
  q.kind = v1::CLAIM_KIND_DIRECT;
  d.quotes.push_back(q);
  std::string line = GoldToJsonLine(d);
  EXPECT_THAT(line, HasSubstr(R"("content":[6,20],"content_bytes":[8,22])"));
  EXPECT_THAT(line, HasSubstr(R"("content_parts":[[6,11],[15,20]])"));
  EXPECT_THAT(line, HasSubstr(R"("content_parts_bytes":[[8,13],[17,22]])"));
  EXPECT_THAT(line, HasSubstr(R"("speaker":[0,3],"speaker_bytes":[0,5])"));
  EXPECT_THAT(line, HasSubstr(R"("cue":null,"cue_bytes":null)"));
  EXPECT_THAT(line, HasSubstr(R"("speaker_canonical":null)"));
  EXPECT_THAT(line, Not(HasSubstr("stance")));
}

TEST(StanceName, AllStances) {
  struct Case {
    v1::Stance stance;
    bool without_evidence;
    const char* name;
  };
  const Case cases[] = {
      {v1::STANCE_UNSPECIFIED, false, ""},
      {v1::STANCE_ASSERT, false, "assert"},
      {v1::STANCE_DENY, false, "deny"},
      {v1::STANCE_CLAIM, false, "claim"},
      {v1::STANCE_CLAIM, true, "claim_without_evidence"},
      {v1::STANCE_CONDEMN, false, "condemn"},
      {v1::STANCE_WARN, false, "warn"},
      {v1::STANCE_DEMAND, false, "demand"},
      {v1::STANCE_PROMISE, false, "promise"},
      {v1::STANCE_QUESTION, false, "question"},
      {v1::STANCE_PRAISE, false, "praise"},
      {v1::STANCE_BELIEVE, false, "believe"},
      {v1::STANCE_ADMIT, true, "admit"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(StanceName(c.stance, c.without_evidence), c.name);
  }
}

TEST(ExtractionFromGold, RoundTripsThroughClaims) {
  absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(kSeedGold);
  ASSERT_TRUE(docs.ok()) << docs.status();
  const GoldDocument& gold = (*docs)[0];
  v1::Extraction e = ExtractionFromGold(gold);
  EXPECT_EQ(e.document().id(), gold.id);
  ASSERT_EQ(e.claims_size(), 18);
  const v1::Claim& c = e.claims(4);
  EXPECT_EQ(c.stance(), v1::STANCE_CLAIM);
  EXPECT_TRUE(c.without_evidence());
  EXPECT_EQ(c.speaker().text(),
            "Russian authorities, including President Vladimir Putin");
  EXPECT_EQ(c.speaker().canonical_name(), "Russian authorities");
  EXPECT_EQ(c.cue().text(), "have claimed");
  EXPECT_EQ(c.kind(), v1::CLAIM_KIND_INDIRECT);
  EXPECT_EQ(e.claims(1).addressee().canonical_name(), "Sergei Shoigu");
  EXPECT_FALSE(e.claims(0).has_addressee());

  GoldDocument back = GoldFromExtraction(e);
  EXPECT_EQ(back.source, "whosaid");
  back.source = gold.source;
  EXPECT_TRUE(back == gold);
}

TEST(ExtractionFromGold, JoinsPartsAndKeepsCanonicalOnlySpeakers) {
  absl::StatusOr<std::vector<GoldDocument>> docs = ReadGoldFile(kSmallGold);
  ASSERT_TRUE(docs.ok()) << docs.status();
  v1::Extraction e = ExtractionFromGold((*docs)[0]);
  ASSERT_EQ(e.claims_size(), 3);
  EXPECT_EQ(e.claims(0).content_parts_size(), 2);
  EXPECT_EQ(e.claims(0).content(),
            "\xE2\x80\x9CWe are ready,\xE2\x80\x9D ... \xE2\x80\x9Cto "
            "talk.\xE2\x80\x9D");
  EXPECT_FALSE(e.claims(1).has_speaker());
  v1::Extraction lit = ExtractionFromGold((*docs)[1]);
  ASSERT_EQ(lit.claims_size(), 2);
  EXPECT_TRUE(lit.claims(0).has_speaker());
  EXPECT_FALSE(lit.claims(0).speaker().has_span());
  EXPECT_EQ(lit.claims(0).speaker().canonical_name(), "Clarissa Dalloway");
  EXPECT_FALSE(lit.claims(0).has_cue());
}

}  // namespace
}  // namespace whosaid
