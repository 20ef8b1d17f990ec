// The store on the seed article (seeds/defense-ministers-call.txt), through
// the built binary, on a real store file: who said what, by topic, by words.
// These depend on the engine finding the seed's claims.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_util.h"
#include "whosaid/proto_json.h"
#include "whosaid/v1/claim.pb.h"
#include "whosaid/v1/store.pb.h"

#ifndef WHOSAID_BINARY
#error "WHOSAID_BINARY must name the whosaid executable"
#endif

namespace whosaid {
namespace {

namespace fs = std::filesystem;
using ::testing::Contains;
using ::testing::HasSubstr;

using test::Slurp;

class StoreSeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        absl::StrCat("store_seed_test.", getpid()));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    store_ = new std::string((*dir_ / "seed.db").string());
    std::string cmd =
        absl::StrCat(WHOSAID_BINARY, " ingest --quiet --store=", *store_,
                     " seeds/defense-ministers-call.txt");
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete store_;
  }

  // Runs a query with --format=jsonl and parses the claims.
  static std::vector<v1::Claim> Query(const std::string& args) {
    fs::path out = *dir_ / "out", err = *dir_ / "err";
    std::string cmd = absl::StrCat(WHOSAID_BINARY, " ", args,
                                   " --format=jsonl --store=", *store_, " >",
                                   out.string(), " 2>", err.string());
    int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd << "\n"
                                                               << Slurp(err);
    std::vector<v1::Claim> claims;
    for (absl::string_view line :
         absl::StrSplit(Slurp(out), '\n', absl::SkipEmpty())) {
      v1::Claim c;
      absl::Status s = JsonToMessage(line, &c);
      EXPECT_TRUE(s.ok()) << s << "\n" << line;
      claims.push_back(c);
    }
    return claims;
  }

  static std::vector<std::string> Contents(const std::vector<v1::Claim>& cs) {
    std::vector<std::string> out;
    for (const auto& c : cs) out.push_back(c.content());
    return out;
  }

  static fs::path* dir_;
  static std::string* store_;
};

fs::path* StoreSeedTest::dir_ = nullptr;
std::string* StoreSeedTest::store_ = nullptr;

TEST_F(StoreSeedTest, WhoMacronIsHisThreeClaimsAndNothingElse) {
  std::vector<v1::Claim> claims = Query("who Macron");
  ASSERT_EQ(claims.size(), 3u) << absl::StrJoin(Contents(claims), "\n");
  for (const v1::Claim& c : claims) {
    SCOPED_TRACE(c.content());
    EXPECT_EQ(c.speaker().canonical_name(), "Emmanuel Macron");
  }
  std::vector<std::string> contents = Contents(claims);
  const char* const kWant[] = {
      "sending Western troops to Ukraine should not be ruled out",
      "keeping the prospect of sending troops on the table",
      "not in that situation today"};
  for (const char* want : kWant) {
    SCOPED_TRACE(want);
    EXPECT_TRUE(std::any_of(
        contents.begin(), contents.end(),
        [&](const std::string& c) { return absl::StrContains(c, want); }));
  }
}

TEST_F(StoreSeedTest, WhoLecornuIsFiveIncludingTheMinistryStatement) {
  std::vector<v1::Claim> claims = Query("who Lecornu");
  ASSERT_EQ(claims.size(), 5u) << absl::StrJoin(Contents(claims), "\n");
  int via_statement = 0;
  for (const v1::Claim& c : claims) {
    SCOPED_TRACE(c.content());
    EXPECT_EQ(c.speaker().canonical_name(), "Sebastien Lecornu");
    if (absl::StrContains(c.reported_via().text(),
                          "French Defense Ministry statement")) {
      ++via_statement;
    }
  }
  EXPECT_GE(via_statement, 1);
  EXPECT_TRUE(std::any_of(claims.begin(), claims.end(), [](const auto& c) {
    return absl::StrContains(c.content(), "face down terrorism") &&
           absl::StrContains(c.reported_via().text(), "statement");
  }));
  // Case-insensitive and alias-aware: the full name and the title find him.
  EXPECT_EQ(Query("who 'sebastien LECORNU'").size(), 5u);
}

TEST_F(StoreSeedTest, TopicTerrorismHasTheClaimsAReaderExpects) {
  // `topic` prints one TopicGroup per speaker.
  fs::path out = *dir_ / "t.jsonl", err = *dir_ / "t.err";
  std::string cmd = absl::StrCat(
      WHOSAID_BINARY, " topic terrorism --format=jsonl --store=", *store_, " >",
      out.string(), " 2>", err.string());
  ASSERT_EQ(std::system(cmd.c_str()), 0) << Slurp(err);
  std::vector<std::string> contents;
  for (absl::string_view line :
       absl::StrSplit(Slurp(out), '\n', absl::SkipEmpty())) {
    v1::TopicGroup g;
    absl::Status s = JsonToMessage(line, &g);
    ASSERT_TRUE(s.ok()) << s << "\n" << line;
    for (const v1::Claim& c : g.claims()) {
      SCOPED_TRACE(c.content());
      contents.push_back(c.content());
      EXPECT_EQ(c.speaker().entity_id(), g.speaker().id());
      EXPECT_THAT(c.topics(), Contains("terrorism"));
      std::string all = absl::AsciiStrToLower(
          absl::StrCat(c.content(), " ", c.speaker().text()));
      EXPECT_TRUE(absl::StrContains(all, "terror") ||
                  absl::StrContains(all, "islamic state"));
    }
  }
  auto has = [&](const char* s) {
    return std::any_of(
        contents.begin(), contents.end(),
        [&](const std::string& c) { return absl::StrContains(c, s); });
  };
  EXPECT_TRUE(has("France was always ready to face down terrorism"));
  EXPECT_TRUE(has("stop using the terrorist attack"));
  EXPECT_TRUE(has("potential terrorist attack"));
  // Nothing about troops.
  EXPECT_FALSE(has("sending Western troops"));
}

TEST_F(StoreSeedTest, SearchTroopsFindsEveryClaimAboutTroops) {
  std::vector<v1::Claim> claims = Query("search troops");
  ASSERT_GE(claims.size(), 3u);
  for (const v1::Claim& c : claims) {
    SCOPED_TRACE(c.content());
    EXPECT_THAT(absl::AsciiStrToLower(c.content()), HasSubstr("troops"));
  }
  std::vector<std::string> contents = Contents(claims);
  EXPECT_TRUE(
      std::any_of(contents.begin(), contents.end(), [](const std::string& c) {
        return absl::StrContains(c, "sending Western troops to Ukraine");
      }));
  // Every claim whose content says "troops" is found.
  int with_troops = 0;
  for (const v1::Claim& c : Query("who Macron")) {
    with_troops += absl::StrContains(c.content(), "troops");
  }
  int found_macron = 0;
  for (const v1::Claim& c : claims) {
    found_macron += c.speaker().canonical_name() == "Emmanuel Macron";
  }
  EXPECT_EQ(found_macron, with_troops);
}

}  // namespace
}  // namespace whosaid
