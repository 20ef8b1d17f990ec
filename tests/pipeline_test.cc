#include "whosaid/pipeline.h"

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_util.h"
#include "whosaid/claim_writer.h"
#include "whosaid/document_reader.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

using ::testing::HasSubstr;

using test::BuiltIn;

// JSON Lines of `n` documents of different sizes (empty texts among them),
// with malformed lines and NUL bytes.
std::string Corpus(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (i % 37 == 5) {
      absl::StrAppend(&out, "{\"id\": \"broken", i, "\", \"text\": \n");
      continue;
    }
    if (i % 53 == 7) {
      absl::StrAppend(&out, "{\"id\": \"nul", i, "\", \"text\": \"a\\u0000b\"}\n");
      continue;
    }
    std::string text;
    const int sentences = i % 61 == 3 ? 4000 : i % 13;
    for (int k = 0; k < sentences; ++k) {
      absl::StrAppend(&text, "\\\"Plan ", k, " works,\\\" Minister Ana Ruiz", i % 7,
                      " said. She told reporters that talks would go on. ");
    }
    absl::StrAppend(&out, "{\"id\": \"d", i, "\", \"text\": \"", text, "\"}\n");
  }
  return out;
}

struct RunOutput {
  std::string out, errors;
  ExtractionStats stats;
};

RunOutput RunWithJobs(const std::string& path, const std::string& format, int jobs) {
  RunOutput r;
  auto reader = DocumentReader::Open({path});
  EXPECT_TRUE(reader.ok()) << reader.status();
  std::ostringstream out, errors;
  auto writer = ClaimWriter::Create(format, &out);
  EXPECT_TRUE(writer.ok()) << writer.status();
  absl::StatusOr<ExtractionStats> stats =
      RunExtraction(reader->get(), BuiltIn(), writer->get(), &errors, jobs);
  EXPECT_TRUE(stats.ok()) << stats.status();
  if (stats.ok()) r.stats = *stats;
  r.out = out.str();
  r.errors = errors.str();
  return r;
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = test::FreshTestDir("pipeline_test"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(PipelineTest, JobsGiveTheSameOutputErrorsAndCounts) {
  const std::string path = test::WriteFile(dir_, "c.jsonl", Corpus(300));
  for (const char* format : {"jsonl", "text"}) {
    SCOPED_TRACE(format);
    const RunOutput one = RunWithJobs(path, format, 1);
    EXPECT_EQ(one.stats.skipped, 8 + 6);  // broken lines, NUL bytes
    EXPECT_GT(one.stats.claims, 1000);
    EXPECT_THAT(one.errors, HasSubstr("c.jsonl:6:"));
    for (int jobs : {2, 3, 8}) {
      SCOPED_TRACE(jobs);
      const RunOutput many = RunWithJobs(path, format, jobs);
      EXPECT_EQ(many.out, one.out);
      EXPECT_EQ(many.errors, one.errors);
      EXPECT_EQ(many.stats.documents, one.stats.documents);
      EXPECT_EQ(many.stats.claims, one.stats.claims);
      EXPECT_EQ(many.stats.skipped, one.stats.skipped);
    }
  }
}

TEST_F(PipelineTest, EmptyInput) {
  const std::string path = test::WriteFile(dir_, "empty.jsonl", "");
  const RunOutput r = RunWithJobs(path, "jsonl", 4);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.stats.documents, 0);
}

TEST(ExtractorPool, AgreesWithTheExtractorDocumentByDocument) {
  std::vector<v1::Document> docs(20);
  for (int i = 0; i < 20; ++i) {
    docs[i].set_id(absl::StrCat("doc", i));
    docs[i].set_text(absl::StrCat("Mayor Li Wen", i, " said the bridge would reopen in ",
                                  i + 1, " weeks."));
  }
  docs[7].set_text("bad \xff byte said he.");  // invalid UTF-8
  std::vector<const v1::Document*> ptrs;
  for (const v1::Document& d : docs) ptrs.push_back(&d);

  ExtractorPool pool(BuiltIn(), 3);
  EXPECT_EQ(pool.jobs(), 3);
  std::vector<v1::Extraction> out;
  std::vector<absl::Status> statuses;
  // Twice: the pool's threads serve batch after batch.
  for (int round = 0; round < 2; ++round) {
    pool.ExtractAll(ptrs, &out, &statuses, ExtractorPool::Options());
    ASSERT_EQ(out.size(), docs.size());
    ASSERT_EQ(statuses.size(), docs.size());
    for (size_t i = 0; i < docs.size(); ++i) {
      SCOPED_TRACE(i);
      v1::Extraction want;
      absl::Status s = BuiltIn().Extract(docs[i], &want);
      EXPECT_EQ(statuses[i].code(), s.code());
      if (!s.ok()) continue;
      EXPECT_EQ(out[i].SerializeAsString(), want.SerializeAsString());
      EXPECT_EQ(out[i].document().text(), docs[i].text());
      EXPECT_GT(out[i].claims_size(), 0);
    }
  }
  EXPECT_EQ(statuses[7].code(), absl::StatusCode::kInvalidArgument);

  // Without the text; an empty batch.
  ExtractorPool::Options options;
  options.with_text = false;
  ptrs.erase(ptrs.begin() + 7);
  pool.ExtractAll(ptrs, &out, &statuses, options);
  for (const v1::Extraction& x : out) EXPECT_TRUE(x.document().text().empty());
  pool.ExtractAll({}, &out, &statuses, options);
  EXPECT_TRUE(out.empty());
  EXPECT_TRUE(statuses.empty());
}

TEST(ExtractorPool, JobsBelowOneMeanOne) {
  ExtractorPool pool(BuiltIn(), -2);
  EXPECT_EQ(pool.jobs(), 1);
  v1::Document d;
  d.set_id("x");
  d.set_text("Ann Lee said it rained.");
  const v1::Document* ptr = &d;
  std::vector<v1::Extraction> out;
  std::vector<absl::Status> statuses;
  pool.ExtractAll(absl::MakeConstSpan(&ptr, 1), &out, &statuses,
                  ExtractorPool::Options());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(statuses[0].ok());
  EXPECT_EQ(out[0].claims_size(), 1);
}

}  // namespace
}  // namespace whosaid
