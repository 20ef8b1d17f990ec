// Runs the built `whosaid` binary (path in WHOSAID_BINARY) as a user would:
// `whosaid extract` on good, malformed and hostile inputs, checking exit
// codes, stderr messages, and that every output format parses back.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "gtest/gtest.h"
#include "internal/json.h"
#include "whosaid/gold.h"
#include "whosaid/proto_json.h"
#include "test_util.h"
#include "whosaid/v1/claim.pb.h"

#ifndef WHOSAID_BINARY
#error "WHOSAID_BINARY must name the whosaid executable"
#endif

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kSeed[] = "seeds/defense-ministers-call.txt";

using test::RunResult;
using test::Slurp;

class ExtractCliTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::FreshTestDir("extract_cli_test"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    return test::WriteFile(dir_, name, content);
  }

  // Runs `whosaid extract ARGS` through the shell, stdin from `stdin_file`
  // (or /dev/null), capturing stdout and stderr into files.
  RunResult Extract(const std::string& args,
                    const std::string& stdin_file = "") {
    return Run("extract", args, stdin_file);
  }

  RunResult Run(const std::string& command, const std::string& args,
                const std::string& stdin_file = "") {
    return test::RunShell(
        absl::StrCat(WHOSAID_BINARY, " ", command, " ", args, " <",
                     stdin_file.empty() ? "/dev/null" : stdin_file),
        dir_);
  }

  fs::path dir_;
};

TEST_F(ExtractCliTest, SeedArticleSucceeds) {
  RunResult r = Extract(kSeed);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("== defense-ministers-call"));
  EXPECT_THAT(r.err, IsEmpty());
}

TEST_F(ExtractCliTest, TagsShowsTagStringsAndRules) {
  std::string path =
      Write("a.txt", "The weather was fine.\n\"We will win,\" Ann Lee said.\n");
  RunResult r = Run("tags", path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Only the sentence with a cue is shown, with its tag string and the
  // claim's rule.
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("weather")));
  EXPECT_THAT(r.out, HasSubstr("\"We will win,\" Ann Lee said.\n  qPvo,QNNC.\n"));
  EXPECT_THAT(r.out, HasSubstr("-> quote_speaker_cue: Ann Lee | said | We will win,"));
  EXPECT_EQ(Run("tags", "").exit_code, 2);
}

TEST_F(ExtractCliTest, MalformedLineIsReportedOthersWritten) {
  std::string path = Write("mixed.jsonl",
                           "{\"id\": \"good1\", \"text\": \"He said, "
                           "\\\"We are ready.\\\"\"}\n"
                           "{\"id\": \"bad\", \"text\": \"unterminated}\n"
                           "{\"id\": \"good2\", \"text\": \"Fine.\"}\n");
  RunResult r = Extract("--format=json " + path);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(path + ":2: "));
  EXPECT_THAT(r.err, HasSubstr("unterminated string"));
  // Both good documents made it through (json lists every document).
  absl::StatusOr<internal::JsonValue> v = internal::ParseJson(r.out);
  ASSERT_TRUE(v.ok()) << v.status() << r.out;
  ASSERT_EQ(v->array().size(), 2u);
  EXPECT_EQ(v->array()[0].Find("document")->Find("id")->string_value(),
            "good1");
  EXPECT_EQ(v->array()[1].Find("document")->Find("id")->string_value(),
            "good2");
  // jsonl: every line a Claim (the engine may find none; then no lines).
  r = Extract("--format=jsonl " + path);
  EXPECT_EQ(r.exit_code, 1);
  for (absl::string_view line :
       absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    v1::Claim c;
    EXPECT_TRUE(JsonToMessage(line, &c).ok()) << line;
    EXPECT_TRUE(c.document_id() == "good1" || c.document_id() == "good2")
        << line;
  }
}

TEST_F(ExtractCliTest, HostileInputsAreReportedNotCrashed) {
  struct Case {
    std::string name, content, want_err;
  } cases[] = {
      {"latin1.txt", "Caf\xE9 au lait, he said.", "invalid UTF-8 at byte 3"},
      {"nul.txt", std::string("Before\0after", 12), "NUL byte at byte 6"},
      {"empty.txt", "", "empty file"},
      {"nul.jsonl", "{\"id\": \"n\", \"text\": \"a\\u0000b\"}\n",
       "NUL byte at byte 1"},
      {"binary.pb", "\x05\xFF\xFF\xFF", "truncated or corrupt"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string path = Write(c.name, c.content);
    RunResult r = Extract(path);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_THAT(r.err, HasSubstr(path));
    EXPECT_THAT(r.err, HasSubstr(c.want_err));
  }
}

TEST_F(ExtractCliTest, UsageErrors) {
  RunResult r = Extract("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no inputs"));
  r = Extract(std::string("--format=yaml ") + kSeed);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("unknown output format 'yaml'"));
  r = Extract(std::string("--jobs=-1 ") + kSeed);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--jobs must be from 0 (one per core) to 256"));
  std::string missing = (dir_ / "no-such-file.txt").string();
  r = Extract(missing + " " + kSeed);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(missing + ": no such file or directory"));
  EXPECT_THAT(r.out, HasSubstr("== defense-ministers-call"));
}

TEST_F(ExtractCliTest, MinConfidenceLeavesOutClaims) {
  RunResult all = Extract(std::string("--format=jsonl ") + kSeed);
  ASSERT_EQ(all.exit_code, 0) << all.err;
  // The highest confidence of the seed's claims, as printed, and how many
  // claims have it.
  std::string highest;
  int at_highest = 0, claims = 0;
  std::istringstream lines(all.out);
  for (std::string line; std::getline(lines, line);) {
    ++claims;
    const size_t at = line.find("\"confidence\":");
    ASSERT_NE(at, std::string::npos) << line;
    const size_t begin = at + 13;
    const std::string value =
        line.substr(begin, line.find_first_of(",}", begin) - begin);
    if (highest.empty() || std::stod(value) > std::stod(highest)) {
      highest = value;
      at_highest = 0;
    }
    if (value == highest) ++at_highest;
  }
  ASSERT_GT(claims, at_highest) << "the seed's claims need two confidences";
  RunResult some =
      Extract("--format=jsonl --min_confidence=" + highest + " " + kSeed);
  ASSERT_EQ(some.exit_code, 0) << some.err;
  EXPECT_EQ(std::count(some.out.begin(), some.out.end(), '\n'), at_highest);
  RunResult bad = Extract(std::string("--min_confidence=2 ") + kSeed);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("min_confidence must be from 0 to 1"));
}

TEST_F(ExtractCliTest, OutputThatCannotBeWrittenExits2) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  std::string cmd = absl::StrCat(WHOSAID_BINARY, " extract ", kSeed,
                                 " >/dev/full 2>", (dir_ / "err").string());
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
  EXPECT_THAT(Slurp(dir_ / "err"), HasSubstr("cannot write output"));
}

TEST_F(ExtractCliTest, StdinJsonlAndText) {
  std::string jsonl = Write("in.jsonl", "{\"id\": \"s1\", \"text\": \"X\"}\n");
  RunResult r = Extract("--format=json -", jsonl);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"id\":\"s1\""));
  r = Extract("--format=json -", kSeed);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\"id\":\"stdin\""));
}

// A 50 MB one-line article (JSONL and plain text), a text with 10,000
// unbalanced quote marks, a speech-dense 256 KB article, and a 1 MB
// "sentence" with cues all through it and no period: all must go through
// quickly without a crash.
//
// The 50 MB text is plain narration: it measures reading and writing, not
// the engine. (The engine is linear on speech-dense paragraphs: 5 MB of
// them take about 0.3 s. A sentence with no end was quadratic until units
// were cut at 4 KB: the 1 MB one below took minutes.)
TEST_F(ExtractCliTest, HugeAndPathologicalArticles) {
  const std::string narration =
      "The weather on Tuesday was mild and the river ran high after the rain "
      "of the week before.\n";
  std::string text;
  text.reserve(51 << 20);
  while (text.size() < (50 << 20)) text += narration;
  std::string line = "{\"id\": \"big\", \"text\": ";
  internal::AppendJsonString(text, &line);
  line += "}\n";
  std::string big_jsonl = Write("big.jsonl", line);
  std::string big_txt = Write("big.txt", text);
  text.clear();
  line.clear();
  std::string quotes;
  for (int i = 0; i < 10000; ++i) quotes += i % 7 == 0 ? "said \" " : "\" ";
  std::string unbalanced = Write("quotes.txt", quotes);
  const std::string speech =
      "The minister said on Tuesday that the talks would continue. \"We are "
      "ready,\" she told reporters, adding that nothing was agreed.\n";
  std::string dense;
  while (dense.size() < (256 << 10)) dense += speech;
  std::string dense_txt = Write("dense.txt", dense);
  const std::string clause =
      "the mayor, who spoke at length, said the plan had failed and denied "
      "the claim, adding that the vote was rigged; ";
  std::string endless;
  while (endless.size() < (1 << 20)) endless += clause;
  std::string endless_txt = Write("endless.txt", endless);
  // A hard-wrapped book of 8 MB full of names no lexicon knows, each the
  // subject of a sentence that "He" goes on about: every one is looked into
  // as a person's name (a search of the whole text for each once made this
  // quadratic: half a minute for 2 MB, and past this test's timeout for 8).
  std::string book;
  const char* const kSyllables[] = {"ba", "ko", "mi", "tu", "ze", "ra", "lo", "vi"};
  auto name = [&](int i) {
    std::string w;
    for (int n = 0; n < 6; i /= 8, ++n) w += kSyllables[i % 8];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  for (int i = 0; book.size() < (8 << 20); ++i) {
    // A paragraph of four sentences wrapped at 70 columns, then a line of
    // dialogue.
    std::string para;
    for (int s = 0; s < 4; ++s) {
      const int n = 4 * i + s;
      absl::StrAppend(&para, s > 0 ? " " : "", name(n), " ", name(n + 99991),
                      " peered at her. He nodded slowly and turned away.");
    }
    size_t column = 0;
    for (absl::string_view word : absl::StrSplit(para, ' ')) {
      if (column > 0 && column + 1 + word.size() > 70) {
        book += '\n';
        column = 0;
      } else if (column > 0) {
        book += ' ';
        ++column;
      }
      absl::StrAppend(&book, word);
      column += word.size();
    }
    book += "\n\n\"We must go,\" he said.\n\n";
  }
  std::string book_txt = Write("book.txt", book);

  RunResult r = Extract(absl::StrCat("--format=json ", big_jsonl, " ", big_txt,
                                     " ", unbalanced, " ", dense_txt, " ",
                                     endless_txt, " ", book_txt));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  absl::StatusOr<internal::JsonValue> v = internal::ParseJson(r.out);
  ASSERT_TRUE(v.ok()) << v.status();
  ASSERT_EQ(v->array().size(), 6u);
  // The book's dialogue lines are claims.
  const internal::JsonValue* book_claims = v->array()[5].Find("claims");
  ASSERT_NE(book_claims, nullptr);
  EXPECT_GT(book_claims->array().size(), 1000u);
  EXPECT_EQ(v->array()[0].Find("document")->Find("id")->string_value(), "big");
  EXPECT_EQ(v->array()[3].Find("document")->Find("id")->string_value(),
            "dense");
  // The endless sentence is read in pieces, and still gives its claims, each
  // inside the text.
  const internal::JsonValue& endless_doc = v->array()[4];
  EXPECT_EQ(endless_doc.Find("document")->Find("id")->string_value(),
            "endless");
  const internal::JsonValue* claims = endless_doc.Find("claims");
  ASSERT_NE(claims, nullptr);
  EXPECT_GT(claims->array().size(), 1000u);
  for (const internal::JsonValue& c : claims->array()) {
    const internal::JsonValue* parts = c.Find("content_parts");
    ASSERT_NE(parts, nullptr);
    for (const internal::JsonValue& p : parts->array()) {
      EXPECT_LE(p.Find("end")->number(), endless.size());
    }
  }
}

// Every output format parses back with the matching reader.
TEST_F(ExtractCliTest, EachFormatParsesBack) {
  std::string jsonl =
      Write("two.jsonl",
            "{\"id\": \"a\", \"text\": \"\\\"We are ready,\\\" the minister "
            "said.\"}\n{\"id\": \"b\", \"text\": \"Officials said the talks "
            "failed.\"}\n");
  std::string inputs = absl::StrCat(kSeed, " ", jsonl);

  RunResult r = Extract("--format=pb " + inputs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  google::protobuf::io::ArrayInputStream in(r.out.data(), r.out.size());
  while (true) {
    v1::Claim c;
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(&c, &in,
                                                                  &clean_eof)) {
      EXPECT_TRUE(clean_eof) << "pb output does not frame";
      break;
    }
    EXPECT_FALSE(c.document_id().empty());
  }

  r = Extract("--format=jsonl " + inputs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (absl::string_view line :
       absl::StrSplit(r.out, '\n', absl::SkipEmpty())) {
    v1::Claim c;
    EXPECT_TRUE(JsonToMessage(line, &c).ok()) << line;
  }

  r = Extract("--format=textproto " + inputs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> parts =
      absl::StrSplit(r.out, "# ---\n", absl::SkipEmpty());
  ASSERT_EQ(parts.size(), 3u);
  std::vector<std::string> ids;
  for (const std::string& p : parts) {
    v1::Extraction e;
    EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(p, &e)) << p;
    ids.push_back(e.document().id());
  }
  EXPECT_THAT(ids, ::testing::ElementsAre("defense-ministers-call", "a", "b"));

  r = Extract("--format=annotations " + inputs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> lines =
      absl::StrSplit(r.out, '\n', absl::SkipEmpty());
  ASSERT_EQ(lines.size(), 3u);
  for (const std::string& line : lines) {
    absl::StatusOr<internal::JsonValue> g = internal::ParseJson(line);
    ASSERT_TRUE(g.ok()) << g.status() << "\n" << line;
    EXPECT_TRUE(g->Find("id")->is_string());
    EXPECT_TRUE(g->Find("text")->is_string());
    EXPECT_TRUE(g->Find("quotes")->is_array());
    absl::StatusOr<GoldDocument> gold = ParseGoldLine(line);  // eval's reader
    EXPECT_TRUE(gold.ok()) << gold.status() << "\n" << line;
  }

  r = Extract("--format=json " + inputs);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  absl::StatusOr<internal::JsonValue> v = internal::ParseJson(r.out);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->array().size(), 3u);
}

}  // namespace
}  // namespace whosaid
