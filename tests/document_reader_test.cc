#include "whosaid/document_reader.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/io/zero_copy_stream_impl.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "test_util.h"

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// One result of DocumentReader::Next().
struct Record {
  std::string origin;
  absl::Status error;
  v1::Document doc;
};

class DocumentReaderTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::FreshTestDir("document_reader_test"); }
  void TearDown() override { fs::remove_all(dir_); }

  // Writes `content` to `name` under the test directory; returns its path.
  std::string Write(const std::string& name, const std::string& content) {
    return test::WriteFile(dir_, name, content);
  }

  std::vector<Record> ReadAll(std::vector<std::string> inputs,
                              DocumentReaderOptions options = {}) {
    std::vector<Record> out;
    auto reader = DocumentReader::Open(std::move(inputs), options);
    EXPECT_TRUE(reader.ok()) << reader.status();
    if (!reader.ok()) return out;
    Record r;
    while ((*reader)->Next(&r.doc, &r.origin, &r.error)) {
      out.push_back(r);
      r = Record();
    }
    return out;
  }

  // Reads one JSONL file holding `content`; expects exactly one record.
  Record ReadOneLine(const std::string& content) {
    std::vector<Record> recs = ReadAll({Write("one.jsonl", content)});
    EXPECT_EQ(recs.size(), 1u);
    return recs.empty() ? Record() : recs[0];
  }

  fs::path dir_;
};

TEST_F(DocumentReaderTest, MalformedLineIsSkippedAndNamed) {
  std::string path = Write("a.jsonl",
                           "{\"id\": \"d1\", \"text\": \"One.\"}\n"
                           "{\"id\": \"d2\" \"text\": \"Two.\"}\n"
                           "{\"id\": \"d3\", \"text\": \"Three.\"}\n");
  std::vector<Record> recs = ReadAll({path});
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_TRUE(recs[0].error.ok());
  EXPECT_EQ(recs[0].doc.id(), "d1");
  EXPECT_EQ(recs[0].doc.text(), "One.");
  EXPECT_EQ(recs[0].origin, path + ":1");
  EXPECT_EQ(recs[1].error.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(recs[1].error.message(),
            path + ":2: column 13: expected ',' or '}' in object");
  EXPECT_EQ(recs[1].origin, path + ":2");
  EXPECT_TRUE(recs[2].error.ok());
  EXPECT_EQ(recs[2].doc.id(), "d3");
  EXPECT_EQ(recs[2].origin, path + ":3");
}

TEST_F(DocumentReaderTest, JsonRecordErrors) {
  struct Case {
    std::string line;
    const char* want;
  } cases[] = {
      {"[1]", "expected a JSON object, found an array"},
      {"{\"text\": \"x\"}", "missing \"id\""},
      {"{\"id\": \"a\"}", "missing \"text\""},
      {"{\"id\": \"\", \"text\": \"x\"}", "\"id\" is empty"},
      {"{\"id\": 1.5, \"text\": \"x\"}",
       "\"id\" must be a string or an integer"},
      {"{\"id\": true, \"text\": \"x\"}", "not a boolean"},
      {"{\"id\": \"a\", \"text\": 3}",
       "\"text\" must be a string, not a number"},
      {"{\"id\": \"a\", \"text\": \"x\", \"title\": 3}",
       "\"title\" must be a string"},
      {"{\"id\": \"a\", \"text\": \"ab\\u0000\"}",
       "\"text\": NUL byte at byte 2"},
      {"{\"id\": \"a\", \"text\": \"ab\xFF\"}", "column 24: invalid UTF-8"},
      {"{\"id\": \"a\", \"text\": \"x\", \"published\": \"yesterday\"}",
       "cannot read \"yesterday\""},
      {"{\"id\": \"a\", \"text\": \"x\"} junk", "expected end of input"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    Record r = ReadOneLine(c.line + "\n");
    EXPECT_EQ(r.error.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(r.error.message()), HasSubstr(c.want));
    EXPECT_THAT(std::string(r.error.message()), HasSubstr("one.jsonl:1: "));
  }
}

TEST_F(DocumentReaderTest, JsonFieldsAndGoldMeta) {
  Record r = ReadOneLine(
      R"({"id": 42, "text": "T", "url": "http://x", "title": "Tt",)"
      R"( "outlet": "Reuters", "published": "2016-09-19T14:03:00Z",)"
      R"( "language": "fr", "extra": [1, {"deep": null}]})");
  ASSERT_TRUE(r.error.ok()) << r.error;
  EXPECT_EQ(r.doc.id(), "42");
  EXPECT_EQ(r.doc.url(), "http://x");
  EXPECT_EQ(r.doc.title(), "Tt");
  EXPECT_EQ(r.doc.outlet(), "Reuters");
  EXPECT_EQ(r.doc.language(), "fr");
  EXPECT_EQ(google::protobuf::util::TimeUtil::ToString(r.doc.published()),
            "2016-09-19T14:03:00Z");

  // The gold files' layout: metadata under "meta", unknown fields around.
  r = ReadOneLine(
      R"({"id": "nyt_1", "source": "polnear", "text": "T", "meta":)"
      R"( {"publisher": "nyt", "publication_date": "2016-09-19", "title":)"
      R"( "Obama", "annotators_available": ["a"]}, "quotes": [{"content":)"
      R"( [1, 2]}]})");
  ASSERT_TRUE(r.error.ok()) << r.error;
  EXPECT_EQ(r.doc.outlet(), "nyt");
  EXPECT_EQ(r.doc.title(), "Obama");
  EXPECT_EQ(r.doc.language(), "en");
  EXPECT_EQ(google::protobuf::util::TimeUtil::ToString(r.doc.published()),
            "2016-09-19T00:00:00Z");
}

TEST(ParsePublished, Forms) {
  struct Case {
    const char* in;
    const char* want;  // TimeUtil::ToString, or "" for an error
  } cases[] = {
      {"2016-09-19", "2016-09-19T00:00:00Z"},
      {"2016-09-19T14:03:00Z", "2016-09-19T14:03:00Z"},
      {"2016-09-19T14:03:00+02:00", "2016-09-19T12:03:00Z"},
      {"2016-09-19T14:03:00.250Z", "2016-09-19T14:03:00.250Z"},
      {"2016-09-19T14:03:00", "2016-09-19T14:03:00Z"},
      {" 2016-09-19 ", "2016-09-19T00:00:00Z"},
      {"2016-13-01", ""},
      {"19/09/2016", ""},
      {"", ""},
      {"2016-09-19T14:03", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    google::protobuf::Timestamp ts;
    absl::Status s = ParsePublished(c.in, &ts);
    if (*c.want == '\0') {
      EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    } else {
      ASSERT_TRUE(s.ok()) << s;
      EXPECT_EQ(google::protobuf::util::TimeUtil::ToString(ts), c.want);
    }
  }
}

TEST(CheckDocumentText, Table) {
  struct Case {
    std::string in;
    const char* want;  // "" for OK
  } cases[] = {
      {"", ""},
      {"plain ascii text, longer than eight bytes", ""},
      {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80", ""},
      {std::string("0123456789\0", 11), "NUL byte at byte 10"},
      {"0123456789abcdef\xFF", "invalid UTF-8 at byte 16"},
      {"ab\xC3", "invalid UTF-8 at byte 2"},
      {"\xED\xA0\x80", "invalid UTF-8 at byte 0"},
      {"\xC0\x80", "invalid UTF-8 at byte 0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    absl::Status s = CheckDocumentText(c.in);
    if (*c.want == '\0') {
      EXPECT_TRUE(s.ok()) << s;
    } else {
      EXPECT_EQ(s.message(), c.want);
    }
  }
}

TEST_F(DocumentReaderTest, BlankLinesCrLfAndBomAreHandled) {
  std::string path =
      Write("b.jsonl",
            "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"A\"}\r\n\r\n   \n"
            "{\"id\": \"b\", \"text\": \"B\"}");  // no final newline
  std::vector<Record> recs = ReadAll({path});
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_TRUE(recs[0].error.ok()) << recs[0].error;
  EXPECT_TRUE(recs[1].error.ok()) << recs[1].error;
  EXPECT_EQ(recs[1].doc.id(), "b");
  EXPECT_EQ(recs[1].origin, path + ":4");
}

TEST_F(DocumentReaderTest, PrettyPrintedJsonStopsWithOneClearError) {
  std::string path =
      Write("pretty.json", "{\n  \"id\": \"a\",\n  \"text\": \"A\"\n}\n");
  std::vector<Record> recs = ReadAll({path, Write("ok.txt", "Fine.")});
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].origin, path + ":1");
  EXPECT_THAT(std::string(recs[0].error.message()),
              HasSubstr("expected one JSON object per line"));
  EXPECT_TRUE(recs[1].error.ok());
}

TEST_F(DocumentReaderTest, TextFiles) {
  std::string plain =
      Write("news/story-1.txt", "\xEF\xBB\xBF\"Hi,\" he said.\n");
  std::string json_like =
      Write("news/data.dat", "  {\"id\": \"j\", \"text\": \"J\"}\n");
  std::string bad = Write("bad.txt", "Good start\xC3\x28 then junk");
  std::string nul = Write("nul.txt", std::string("a\0b", 3));
  std::string empty = Write("empty.txt", "");
  std::string blank = Write("blank.txt", " \n\t\n");
  std::vector<Record> recs =
      ReadAll({plain, json_like, bad, nul, empty, blank});
  ASSERT_EQ(recs.size(), 6u);
  EXPECT_TRUE(recs[0].error.ok()) << recs[0].error;
  EXPECT_EQ(recs[0].doc.id(), "story-1");
  EXPECT_EQ(recs[0].doc.text(), "\"Hi,\" he said.\n");
  EXPECT_EQ(recs[0].origin, plain);
  EXPECT_EQ(recs[1].doc.id(), "j");  // sniffed as JSONL
  EXPECT_EQ(recs[1].origin, json_like + ":1");
  EXPECT_EQ(recs[2].error.message(), bad + ": invalid UTF-8 at byte 10");
  EXPECT_EQ(recs[3].error.message(), nul + ": NUL byte at byte 1");
  EXPECT_EQ(recs[4].error.message(), empty + ": empty file");
  EXPECT_EQ(recs[5].error.message(), blank + ": empty file");
}

TEST_F(DocumentReaderTest, DirectoriesAreRecursiveSortedAndSkipHidden) {
  Write("d/b.txt", "B");
  Write("d/a/z.txt", "Z");
  Write("d/a/y.jsonl", "{\"id\": \"y\", \"text\": \"Y\"}\n");
  Write("d/.hidden.txt", "H");
  Write("d/.git/config.txt", "G");
  fs::create_directories(dir_ / "empty");
  std::vector<Record> recs =
      ReadAll({(dir_ / "d").string(), (dir_ / "empty").string()});
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[0].doc.id(), "y");
  EXPECT_EQ(recs[1].doc.id(), "z");
  EXPECT_EQ(recs[2].doc.id(), "b");
  EXPECT_THAT(std::string(recs[3].error.message()),
              HasSubstr("empty: no article files"));
}

TEST_F(DocumentReaderTest, MissingInputIsReportedAndReadingGoesOn) {
  std::string missing = (dir_ / "nope.txt").string();
  std::string ok = Write("ok.txt", "Fine.");
  std::vector<Record> recs = ReadAll({missing, ok});
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].error.code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(recs[0].error.message(), missing + ": no such file or directory");
  EXPECT_TRUE(recs[1].error.ok());
}

TEST_F(DocumentReaderTest, UnreadableFileIsReported) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads everything";
  std::string path = Write("locked.txt", "secret");
  fs::permissions(path, fs::perms::none);
  std::vector<Record> recs = ReadAll({path});
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].error.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(recs[0].error.message()), StartsWith(path + ": "));
}

// A file that opens but cannot be read (the kernel refuses reads at offset 0
// of /proc/self/mem, even to root): the read error names the file.
TEST_F(DocumentReaderTest, ReadErrorIsReportedEvenAsRoot) {
  const std::string path = "/proc/self/mem";
  if (!fs::exists(path)) GTEST_SKIP() << "no " << path << " here";
  std::vector<Record> recs = ReadAll({path, Write("ok.txt", "Fine text.")});
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_FALSE(recs[0].error.ok());
  EXPECT_THAT(std::string(recs[0].error.message()),
              StartsWith(path + ": read error"));
  EXPECT_TRUE(recs[1].error.ok());
}

std::string DelimitedDocs(int n) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream raw(&out);
    for (int i = 0; i < n; ++i) {
      v1::Document d;
      d.set_id(absl::StrCat("p", i));
      d.set_text(absl::StrCat("Text number ", i, "."));
      EXPECT_TRUE(
          google::protobuf::util::SerializeDelimitedToZeroCopyStream(d, &raw));
    }
  }
  return out;
}

TEST_F(DocumentReaderTest, DelimitedProtobuf) {
  std::string good = Write("docs.pb", DelimitedDocs(3));
  std::string all = DelimitedDocs(3);
  std::string truncated = Write("cut.pb", all.substr(0, all.size() - 3));
  std::string junk = Write("junk.pb", "\xFF\xFF\xFF\xFF\xFF\xFF garbage");
  std::string empty = Write("empty.pb", "");
  std::vector<Record> recs = ReadAll({good, truncated, junk, empty});
  ASSERT_EQ(recs.size(), 3u + 3u + 1u + 1u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(recs[i].error.ok()) << recs[i].error;
    EXPECT_EQ(recs[i].doc.id(), absl::StrCat("p", i));
    EXPECT_EQ(recs[i].origin, absl::StrCat(good, ":record ", i + 1));
    EXPECT_EQ(recs[i].doc.language(), "en");
  }
  EXPECT_TRUE(recs[3].error.ok());
  EXPECT_TRUE(recs[4].error.ok());
  EXPECT_EQ(recs[5].error.code(), absl::StatusCode::kDataLoss);
  EXPECT_EQ(recs[5].error.message(),
            truncated +
                ":record 3: truncated or corrupt Document record; rest of "
                "file skipped");
  EXPECT_THAT(std::string(recs[6].error.message()),
              HasSubstr(junk + ":record 1: truncated or corrupt"));
  EXPECT_EQ(recs[7].error.message(), empty + ": empty file");
}

TEST_F(DocumentReaderTest, OversizedRecordsAreSkipped) {
  DocumentReaderOptions options;
  options.max_record_bytes = 1000;
  std::string big_line =
      "{\"id\": \"big\", \"text\": \"" + std::string(5000, 'x') + "\"}\n";
  std::string jsonl =
      Write("big.jsonl", "{\"id\": \"a\", \"text\": \"A\"}\n" + big_line +
                             "{\"id\": \"c\", \"text\": \"C\"}\n");
  std::string text = Write("big.txt", std::string(5000, 'y'));
  std::string spaces = Write("spaces.txt", std::string(5000, ' ') + "x");
  std::vector<Record> recs = ReadAll({jsonl, text, spaces}, options);
  ASSERT_EQ(recs.size(), 5u);
  EXPECT_EQ(recs[4].error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(recs[4].origin, spaces);
  EXPECT_EQ(recs[0].doc.id(), "a");
  EXPECT_EQ(recs[1].error.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(recs[1].origin, jsonl + ":2");
  EXPECT_EQ(recs[2].doc.id(), "c");
  EXPECT_EQ(recs[2].origin, jsonl + ":3");
  EXPECT_EQ(recs[3].error.code(), absl::StatusCode::kResourceExhausted);
}

// A line much longer than the read buffer (1 MiB) grows it; the text comes
// out intact.
TEST_F(DocumentReaderTest, LongLineGrowsTheBuffer) {
  std::string text;
  while (text.size() < (5 << 20)) text += "A sentence about nothing. ";
  std::string path =
      Write("long.jsonl", "{\"id\": \"long\", \"text\": \"" + text + "\"}\n" +
                              "{\"id\": \"s\", \"text\": \"S\"}\n");
  std::vector<Record> recs = ReadAll({path});
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_TRUE(recs[0].error.ok()) << recs[0].error;
  EXPECT_EQ(recs[0].doc.text(), text);
  EXPECT_EQ(recs[1].doc.id(), "s");
}

TEST(DocumentReaderOpen, RejectsBadInputLists) {
  EXPECT_EQ(DocumentReader::Open({}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DocumentReader::Open({"-", "-"}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(DocumentReader::Open({""}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(DocumentReaderTest, CountsDocumentsAndErrors) {
  std::string path = Write("c.jsonl",
                           "{\"id\": \"a\", \"text\": \"A\"}\nnot json\n"
                           "{\"id\": \"b\", \"text\": \"B\"}\n");
  auto reader = DocumentReader::Open({path});
  ASSERT_TRUE(reader.ok());
  v1::Document doc;
  std::string origin;
  absl::Status error;
  while ((*reader)->Next(&doc, &origin, &error)) {
  }
  EXPECT_EQ((*reader)->documents(), 2);
  EXPECT_EQ((*reader)->errors(), 1);
  // Exhausted readers stay exhausted.
  EXPECT_FALSE((*reader)->Next(&doc, &origin, &error));
}

TEST_F(DocumentReaderTest, SeedArticleReads) {
  std::vector<Record> recs = ReadAll({"seeds/defense-ministers-call.txt"});
  ASSERT_EQ(recs.size(), 1u);
  ASSERT_TRUE(recs[0].error.ok()) << recs[0].error;
  EXPECT_EQ(recs[0].doc.id(), "defense-ministers-call");
  EXPECT_THAT(recs[0].doc.text(), HasSubstr("Lecornu"));
}

}  // namespace
}  // namespace whosaid
