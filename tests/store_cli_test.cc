// Runs the built `whosaid` binary (WHOSAID_BINARY) on stores as a user would:
// ingest twice, query, export -> import -> export, the Python reader, a kill
// -9 in the middle of an ingest, and stores that are damaged, foreign,
// locked or unwritable. Everything is generated in a temporary directory;
// nothing under /work/shared is needed.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "internal/json.h"
#include "whosaid/claim_store.h"
#include "test_util.h"
#include "whosaid/extractor.h"

#ifndef WHOSAID_BINARY
#error "WHOSAID_BINARY must name the whosaid executable"
#endif
#ifndef WHOSAID_PYTHON_DIR
#error "WHOSAID_PYTHON_DIR must name the directory of the generated _pb2"
#endif

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using test::RunResult;
using test::Slurp;

const char* const kNames[] = {"Anna Keller", "Boris Ivanov", "Chen Wei",
                              "Dana Okafor", "Emil Novak"};
const char* const kTopics[] = {"the election", "the war", "inflation",
                               "the new vaccine", "border security"};

// JSONL of `n` short articles, each with one quote by a named speaker.
std::string Corpus(int n, int offset = 0) {
  std::string out;
  for (int i = offset; i < offset + n; ++i) {
    std::string text = absl::StrCat(
        "Article ", i, ".\\n\\n", kNames[i % 5], ", a minister, spoke on ",
        kTopics[i % 5], " on Monday. \\\"We will act on ", kTopics[(i / 5) % 5],
        " now, in case ", i, ",\\\" ", kNames[i % 5],
        " said. Critics disagreed.");
    absl::StrAppend(&out, "{\"id\": \"gen-", i, "\", \"published\": \"2024-0",
                    1 + i % 9, "-1", i % 10, "\", \"outlet\": \"Wire\", ",
                    "\"text\": \"", text, "\"}\n");
  }
  return out;
}

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::FreshTestDir("store_cli_test");
    store_ = (dir_ / "w.db").string();
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, ec);
    fs::remove_all(dir_);
  }

  std::string Write(const std::string& name, const std::string& content) {
    return test::WriteFile(dir_, name, content);
  }

  // Runs `whosaid ARGS` through the shell (stdin /dev/null).
  RunResult Run(const std::string& args, const std::string& env = "") {
    return test::RunShell(
        absl::StrCat(env, " ", WHOSAID_BINARY, " ", args, " </dev/null"), dir_);
  }
  RunResult Whosaid(const std::string& args) {
    return Run(absl::StrCat(args, " --store=", store_));
  }

  // Documents and claims as `whosaid stats --format=json` reports them.
  std::pair<int64_t, int64_t> Counts(const std::string& store) {
    RunResult r = Run(absl::StrCat("stats --format=json --store=", store));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto json = internal::ParseJson(r.out);
    EXPECT_TRUE(json.ok()) << r.out;
    if (!json.ok() || !json->is_array() || json->array().empty()) {
      return {-1, -1};
    }
    const internal::JsonValue& s = json->array()[0];
    auto num = [&](const char* key) -> int64_t {
      const internal::JsonValue* v = s.Find(key);
      if (v == nullptr) return 0;  // proto3 JSON omits zeros
      // int64 fields are JSON strings in protobuf's mapping.
      return std::stoll(v->is_string() ? v->string_value() : v->raw_number());
    };
    return {num("documents"), num("claims")};
  }

  fs::path dir_;
  std::string store_;
};

TEST_F(StoreCliTest, IngestTwiceAddsNothingAndQueriesAnswer) {
  std::string corpus = Write("c.jsonl", Corpus(40));
  RunResult first = Whosaid(absl::StrCat("ingest ", corpus));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.err, HasSubstr("40 added"));
  auto [docs, claims] = Counts(store_);
  EXPECT_EQ(docs, 40);
  EXPECT_GT(claims, 0);
  RunResult second = Whosaid(absl::StrCat("ingest ", corpus));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.err, HasSubstr("0 added, 0 replaced, 40 unchanged"));
  EXPECT_EQ(Counts(store_), std::make_pair(docs, claims));

  // Queries: table and every program format.
  RunResult who = Whosaid("who 'anna keller'");
  ASSERT_EQ(who.exit_code, 0) << who.err;
  EXPECT_THAT(who.out, HasSubstr("DATE"));
  EXPECT_THAT(who.out, HasSubstr("Anna Keller"));
  EXPECT_THAT(who.out, ::testing::Not(HasSubstr("Boris Ivanov")));
  for (const char* format : {"json", "jsonl", "textproto", "pb"}) {
    SCOPED_TRACE(format);
    RunResult r = Whosaid(absl::StrCat("who Keller --format=", format));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(r.out.empty());
  }
  RunResult json = Whosaid("who Keller --format=json");
  auto parsed = internal::ParseJson(json.out);
  ASSERT_TRUE(parsed.ok()) << json.out;
  ASSERT_TRUE(parsed->is_array());
  EXPECT_GT(parsed->array().size(), 0u);
  for (const char* q :
       {"speakers --top 3", "stats", "search act now", "topic elections",
        "who Keller --since=2024-03-01 "
        "--until=2024-06-01 --stance=assert --limit=2"}) {
    SCOPED_TRACE(q);
    RunResult r = Whosaid(q);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(r.out.empty());
  }
  // --min_confidence: the claims at or above it, no more.
  auto lines = [](const std::string& s) {
    return std::count(s.begin(), s.end(), '\n');
  };
  RunResult any = Whosaid("who Keller --format=jsonl");
  RunResult none = Whosaid("who Keller --format=jsonl --min_confidence=1");
  RunResult low = Whosaid("who Keller --format=jsonl --min_confidence=0.01");
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_GT(lines(any.out), 0);
  EXPECT_EQ(lines(none.out), 0);
  EXPECT_EQ(low.out, any.out);
  // Usage errors exit 2 with a message.
  for (const char* q :
       {"who", "who Keller --stance=shouting", "who Keller --since=yesterday",
        "who Keller --format=xml", "show no-such-claim",
        "speakers --type=robot", "merge person:nobody person:anna-keller",
        "who Keller --min_confidence=1.5"}) {
    SCOPED_TRACE(q);
    RunResult r = Whosaid(q);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("whosaid"));
  }
}

TEST_F(StoreCliTest, IngestWithJobsStoresWhatOneThreadStores) {
  // 150 documents (more than a batch), one id twice with another text and
  // one text twice under another id, in the same batch, and a broken line.
  std::string corpus = Corpus(150);
  absl::StrAppend(&corpus,
                  "{\"id\": \"gen-3\", \"text\": \"Ann Lee said the vote was close.\"}\n",
                  "{\"id\": \"gen-copy\", \"text\": \"Ann Lee said the vote was close.\"}\n",
                  "{\"id\": \"broken\", \"text\": \n");
  std::string path = Write("c.jsonl", corpus);
  std::vector<std::string> exports, messages;
  for (int jobs : {1, 3}) {
    SCOPED_TRACE(jobs);
    const std::string store = (dir_ / absl::StrCat("j", jobs, ".db")).string();
    RunResult in = Run(absl::StrCat("ingest --jobs=", jobs, " --store=", store, " ", path));
    EXPECT_EQ(in.exit_code, 1) << in.err;  // the broken line
    // The error line and the counts, without the store's name and timing.
    const size_t counts = in.err.find(".db: ");
    ASSERT_NE(counts, std::string::npos) << in.err;
    messages.push_back(in.err.substr(0, in.err.rfind('\n', counts)) +
                       in.err.substr(counts, in.err.find(" MB in ") - counts));
    RunResult out = Run(absl::StrCat("export --format=jsonl --store=", store));
    ASSERT_EQ(out.exit_code, 0) << out.err;
    exports.push_back(out.out);
  }
  EXPECT_THAT(messages[0], HasSubstr("150 added, 1 replaced, 0 unchanged, 1 duplicate texts, 1 skipped"));
  EXPECT_EQ(messages[1], messages[0]);
  EXPECT_FALSE(exports[0].empty());
  EXPECT_EQ(exports[1], exports[0]);
  EXPECT_EQ(Run(absl::StrCat("ingest --jobs=-1 --store=", store_, " ", path)).exit_code, 2);
}

TEST_F(StoreCliTest, ReindexWithAUserLexiconRetagsAndKeepsCounts) {
  std::string corpus = Write("c.jsonl", Corpus(25));
  ASSERT_EQ(Whosaid(absl::StrCat("ingest ", corpus)).exit_code, 0);
  auto before = Counts(store_);
  RunResult none = Whosaid("topic vaccines");
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_THAT(none.out, HasSubstr("no claims on topic"));
  std::string lexicon =
      Write("mine.textproto",
            "topics { name: \"vaccines\" kind: TOPIC_KIND_SUBJECT "
            "patterns: \"vaccines?\" }\n");
  RunResult re = Whosaid(absl::StrCat("reindex --topics=", lexicon));
  ASSERT_EQ(re.exit_code, 0) << re.err;
  EXPECT_THAT(re.err, HasSubstr("25 documents re-extracted"));
  EXPECT_EQ(Counts(store_), before);
  RunResult topic = Whosaid("topic vaccines --format=jsonl");
  ASSERT_EQ(topic.exit_code, 0) << topic.err;
  EXPECT_THAT(topic.out, HasSubstr("new vaccine"));
  EXPECT_THAT(topic.out, ::testing::Not(HasSubstr("inflation now")));
  // A broken lexicon is reported with its file and line; nothing changes.
  std::string bad =
      Write("bad.textproto", "topics { name: \"x\"\n patterns: \"(\" }\n");
  RunResult broken = Whosaid(absl::StrCat("reindex --topics=", bad));
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_THAT(broken.err, HasSubstr(absl::StrCat(bad, ":2: bad pattern")));
  EXPECT_EQ(Counts(store_), before);
}

TEST_F(StoreCliTest, MergeSplitAndShow) {
  ASSERT_EQ(
      Whosaid(absl::StrCat("ingest ", Write("c.jsonl", Corpus(20)))).exit_code,
      0);
  RunResult speakers = Whosaid("speakers --type=person --format=jsonl");
  ASSERT_EQ(speakers.exit_code, 0) << speakers.err;
  EXPECT_THAT(speakers.out, HasSubstr("person:anna-keller"));
  EXPECT_THAT(speakers.out, HasSubstr("person:boris-ivanov"));
  auto lines = [](const std::string& s) {
    return std::count(s.begin(), s.end(), '\n');
  };
  EXPECT_EQ(lines(Whosaid("who Keller --format=jsonl").out), 4);
  RunResult merge = Whosaid("merge person:anna-keller person:boris-ivanov");
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_THAT(merge.out, HasSubstr("merged person:boris-ivanov into "
                                   "person:anna-keller"));
  // Boris Ivanov's claims now count as Anna Keller's.
  RunResult who = Whosaid("who Keller --format=jsonl");
  EXPECT_EQ(lines(who.out), 8);
  EXPECT_THAT(who.out, HasSubstr("\"text\":\"Boris Ivanov\""));
  RunResult split = Whosaid("split person:boris-ivanov");
  ASSERT_EQ(split.exit_code, 0) << split.err;
  who = Whosaid("who Keller --format=jsonl");
  EXPECT_EQ(lines(who.out), 4);
  EXPECT_THAT(who.out, ::testing::Not(HasSubstr("Boris")));
  RunResult again = Whosaid("split person:boris-ivanov");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("not merged"));

  RunResult one = Whosaid("who Keller --format=jsonl --limit=1");
  auto claim = internal::ParseJson(one.out);
  ASSERT_TRUE(claim.ok()) << one.out;
  std::string id = claim->Find("id")->string_value();
  RunResult show = Whosaid("show " + id);
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr(absl::StrCat("claim     ", id)));
  // The content marked, a whole quotation with its marks.
  EXPECT_THAT(show.out, HasSubstr("[\"We will act on"));
  EXPECT_THAT(show.out, HasSubstr("Anna Keller [person:anna-keller"));
  RunResult show_json = Whosaid("show " + id + " --format=json");
  ASSERT_EQ(show_json.exit_code, 0);
  auto ctx = internal::ParseJson(show_json.out);
  ASSERT_TRUE(ctx.ok()) << show_json.out;
  EXPECT_THAT(ctx->array()[0].Find("context")->string_value(),
              HasSubstr("said"));
}

TEST_F(StoreCliTest, ExportImportExportIsIdenticalAndPythonReadsIt) {
  ASSERT_EQ(
      Whosaid(absl::StrCat("ingest ", Write("c.jsonl", Corpus(30)))).exit_code,
      0);
  RunResult jsonl = Whosaid("export --format=jsonl");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  std::vector<std::string> lines =
      absl::StrSplit(jsonl.out, '\n', absl::SkipEmpty());
  ASSERT_FALSE(lines.empty());
  std::string first_id;
  for (const std::string& line : lines) {
    auto v = internal::ParseJson(line);
    ASSERT_TRUE(v.ok()) << line;
    if (first_id.empty()) first_id = v->Find("id")->string_value();
  }
  RunResult review = Whosaid(absl::StrCat(
      "review ", first_id,
      " --rating=False --url=https://check.example/1 "
      "--by='Check Org' --rating_value=1 --best_rating=5 --worst_rating=1"));
  ASSERT_EQ(review.exit_code, 0) << review.err;

  std::string a = (dir_ / "a.pb").string(), b = (dir_ / "b.pb").string();
  ASSERT_EQ(Whosaid(absl::StrCat("export --format=pb --out=", a)).exit_code, 0);
  std::string other = (dir_ / "other.db").string();
  RunResult imp = Run(absl::StrCat("import ", a, " --store=", other));
  ASSERT_EQ(imp.exit_code, 0) << imp.err;
  RunResult exp2 =
      Run(absl::StrCat("export --format=pb --out=", b, " --store=", other));
  ASSERT_EQ(exp2.exit_code, 0) << exp2.err;
  EXPECT_EQ(Slurp(a), Slurp(b));
  EXPECT_GT(Slurp(a).size(), 100u);

  RunResult cr = Whosaid("export --format=claimreview");
  ASSERT_EQ(cr.exit_code, 0) << cr.err;
  auto items = internal::ParseJson(cr.out);
  ASSERT_TRUE(items.ok()) << cr.out;
  ASSERT_EQ(items->array().size(), 1u);
  const internal::JsonValue& item = items->array()[0];
  EXPECT_EQ(item.Find("@type")->string_value(), "ClaimReview");
  EXPECT_EQ(item.Find("url")->string_value(), "https://check.example/1");
  EXPECT_EQ(item.Find("reviewRating")->Find("alternateName")->string_value(),
            "False");

  // The Python example reads the same records.
  fs::path py_out = dir_ / "py.out", py_err = dir_ / "py.err";
  std::string cmd = absl::StrCat("PYTHONPATH=", WHOSAID_PYTHON_DIR,
                                 " /usr/bin/python3 tools/read_claims.py ", a,
                                 " >", py_out.string(), " 2>", py_err.string());
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << Slurp(py_err);
  std::string py = Slurp(py_out);
  EXPECT_THAT(py, HasSubstr(absl::StrCat(lines.size(), " claims")));
  EXPECT_THAT(py, HasSubstr(first_id + "\t"));
  // A truncated file: the reader says so and exits 1.
  std::string data = Slurp(a);
  std::string cut = Write("cut.pb", data.substr(0, data.size() - 3));
  cmd = absl::StrCat("PYTHONPATH=", WHOSAID_PYTHON_DIR,
                     " /usr/bin/python3 tools/read_claims.py ", cut, " >",
                     py_out.string(), " 2>", py_err.string());
  status = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_THAT(Slurp(py_err), HasSubstr("truncated"));
  // And whosaid import reports it with the file and record, keeping the rest.
  std::string third = (dir_ / "third.db").string();
  RunResult bad = Run(absl::StrCat("import ", cut, " --store=", third));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, HasSubstr(absl::StrCat(cut, ":record ", lines.size())));
  EXPECT_THAT(bad.err, HasSubstr("truncated"));
}

TEST_F(StoreCliTest, KillNineMidIngestLeavesAConsistentStore) {
  const int kDocs = 3000;
  std::string corpus = Write("big.jsonl", Corpus(kDocs));
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    std::string store_flag = "--store=" + store_;
    execl(WHOSAID_BINARY, WHOSAID_BINARY, "ingest", "--batch_documents=50",
          "--TEST_delay_us=2000", store_flag.c_str(), corpus.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until some batches are committed, then kill without warning.
  int64_t seen = 0;
  for (int i = 0; i < 300 && seen < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (fs::exists(store_)) {
      auto store = ClaimStore::Open(store_, {});
      if (store.ok()) {
        auto stats = (*store)->Stats(1);
        if (stats.ok()) seen = stats->documents();
      }
    }
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the ingest finished before the kill";

  // The store opens; whole batches only; every stored document has exactly
  // the claims the engine finds in it.
  auto [docs, claims] = Counts(store_);
  EXPECT_GT(docs, 0);
  EXPECT_LT(docs, kDocs);
  EXPECT_EQ(docs % 50, 0) << docs;
  {
    auto store = ClaimStore::Open(store_, {});
    ASSERT_TRUE(store.ok()) << store.status();
    EXPECT_TRUE((*store)->CheckIntegrity().ok());
    auto extractor = Extractor::Create(ExtractorOptions());
    ASSERT_TRUE(extractor.ok());
    int64_t expected = 0;
    v1::Extraction x;
    ASSERT_TRUE((*store)
                    ->ForEachDocument([&](const v1::Document& d) {
                      absl::Status s = (*extractor)->Extract(d, &x);
                      expected += x.claims_size();
                      return s;
                    })
                    .ok());
    EXPECT_EQ(claims, expected);
  }
  // A re-run completes it, without duplicates.
  RunResult rerun =
      Whosaid(absl::StrCat("ingest --batch_documents=500 ", corpus));
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_THAT(rerun.err, HasSubstr(absl::StrCat(kDocs - docs, " added")));
  EXPECT_THAT(rerun.err, HasSubstr(absl::StrCat(docs, " unchanged")));
  auto [all_docs, all_claims] = Counts(store_);
  EXPECT_EQ(all_docs, kDocs);
  RunResult fresh = Run(absl::StrCat(
      "ingest ", corpus, " --store=", (dir_ / "fresh.db").string()));
  ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  EXPECT_EQ(Counts((dir_ / "fresh.db").string()).second, all_claims);
}

TEST_F(StoreCliTest, DamagedForeignLockedAndUnwritableStores) {
  ASSERT_EQ(
      Whosaid(absl::StrCat("ingest ", Write("c.jsonl", Corpus(20)))).exit_code,
      0);
  std::string good = Slurp(store_);
  struct Row {
    const char* name;
    std::string contents;
    const char* message;
  };
  std::string damaged = good;
  for (size_t i = 100; i < 4096 && i < damaged.size(); ++i) damaged[i] = 'Z';
  const Row rows[] = {
      {"text file", "this is my shopping list\n", "not an SQLite database"},
      {"binary junk", std::string(10000, '\xa5'), "not an SQLite database"},
      {"damaged store", damaged, "damaged"},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    std::string path = Write("bad.db", row.contents);
    for (const char* cmd : {"stats", "who Keller", "ingest /dev/null"}) {
      SCOPED_TRACE(cmd);
      RunResult r = Run(absl::StrCat(cmd, " --store=", path));
      EXPECT_EQ(r.exit_code, 2);
      EXPECT_THAT(r.err, HasSubstr(path));
      EXPECT_THAT(r.err, HasSubstr(row.message));
      EXPECT_EQ(Slurp(path), row.contents) << "the file was modified";
    }
  }
  // A missing store: queries do not create one.
  std::string missing = (dir_ / "missing.db").string();
  RunResult r = Run(absl::StrCat("stats --store=", missing));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no such store"));
  EXPECT_FALSE(fs::exists(missing));
  // WHOSAID_STORE names the store when --store is absent.
  r = Run("stats", absl::StrCat("WHOSAID_STORE=", store_));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(store_));

  // Locked: another writer holds the lock; we wait busy_timeout_ms, then
  // fail clearly. Readers are not blocked (WAL).
  {
    auto holder = ClaimStore::Open(store_, {});
    ASSERT_TRUE(holder.ok());
    v1::Extraction x;
    x.mutable_document()->set_id("held");
    x.mutable_document()->set_text("held text");
    ASSERT_TRUE((*holder)->Put(x).ok());  // open batch = write lock
    RunResult locked = Whosaid(absl::StrCat(
        "ingest --busy_timeout_ms=200 ", Write("more.jsonl", Corpus(5, 100))));
    EXPECT_EQ(locked.exit_code, 2);
    EXPECT_THAT(locked.err, HasSubstr("locked by another process"));
    RunResult reader = Whosaid("stats");
    EXPECT_EQ(reader.exit_code, 0) << reader.err;
  }
  EXPECT_EQ(Counts(store_).first, 21);  // the holder's batch committed

  // Unwritable places: a read-only file system, and (unless root, who may
  // write anyway) a read-only directory.
  r = Run("ingest --store=/proc/whosaid-test.db /dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("/proc/whosaid-test.db"));
  if (geteuid() != 0) {
    fs::path ro = dir_ / "ro";
    fs::create_directories(ro);
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
    r = Run(absl::StrCat("ingest --store=", (ro / "x.db").string(), " ",
                         Write("c2.jsonl", Corpus(2))));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_THAT(r.err, HasSubstr("cannot open"));
    fs::permissions(ro, fs::perms::owner_all);
  }
}

}  // namespace
}  // namespace whosaid
