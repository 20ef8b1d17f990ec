// The regression corpus: tests/testdata/regression/phenomena.tsv holds one
// short passage per news phenomenon (quote shapes, speakers, cues, things that
// look like speech but are not) with the claims the engine should find. Rows
// marked `known_failure` are engine errors we know of: the test prints them,
// and fails if one of them starts passing, so the mark is removed with the
// fix.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"
#include "whosaid/extractor.h"
#include "whosaid/gold.h"

namespace whosaid {
namespace {

constexpr char kCorpus[] = "tests/testdata/regression/phenomena.tsv";

struct Row {
  int line = 0;
  std::string name;
  std::string text;
  std::vector<std::string> expected;  // normalised claim descriptions
  bool known_failure = false;
  std::string reason;
};

// Unicode quote marks: “ ” ‘ ’ « ».
constexpr absl::string_view kQuoteMarks[] = {"\xE2\x80\x9C", "\xE2\x80\x9D",
                                             "\xE2\x80\x98", "\xE2\x80\x99",
                                             "\xE2\x80\x9E", "\xE2\x80\x9F",
                                             "\xE2\x80\xB3", "\xC2\xAB",
                                             "\xC2\xBB"};

// Trims spaces, ASCII punctuation and Unicode quote marks at both ends.
std::string TrimContent(absl::string_view s) {
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    unsigned char f = s.front(), b = s.back();
    if (absl::ascii_isspace(f) || absl::ascii_ispunct(f)) {
      s.remove_prefix(1);
      changed = true;
    } else if (absl::ascii_isspace(b) || absl::ascii_ispunct(b)) {
      s.remove_suffix(1);
      changed = true;
    } else {
      for (absl::string_view m : kQuoteMarks) {
        if (absl::StartsWith(s, m)) {
          s.remove_prefix(m.size());
          changed = true;
        } else if (absl::EndsWith(s, m)) {
          s.remove_suffix(m.size());
          changed = true;
        }
        if (changed) break;
      }
    }
  }
  return std::string(s);
}

std::string Describe(absl::string_view speaker, absl::string_view cue,
                     absl::string_view content, absl::string_view kind) {
  return absl::StrCat(absl::StripAsciiWhitespace(speaker), " | ",
                      absl::StripAsciiWhitespace(cue), " | ", content, " | ",
                      absl::StripAsciiWhitespace(kind));
}

// Parses one "speaker | cue | content | kind" expectation.
std::string NormaliseExpected(absl::string_view claim, int line) {
  std::vector<absl::string_view> f = absl::StrSplit(claim, " | ");
  if (f.size() != 4) {
    ADD_FAILURE() << kCorpus << ":" << line << ": expected 4 fields in '"
                  << claim << "'";
    return std::string(claim);
  }
  // Content parts are trimmed one by one, like the engine's.
  std::vector<std::string> parts;
  for (absl::string_view p : absl::StrSplit(f[2], " ... ")) {
    parts.push_back(TrimContent(p));
  }
  return Describe(f[0], f[1], absl::StrJoin(parts, " ... "), f[3]);
}

std::vector<Row> ReadCorpus() {
  std::ifstream in(kCorpus);
  EXPECT_TRUE(in.good()) << kCorpus << ": cannot open";
  std::vector<Row> rows;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = absl::StrSplit(line, '\t');
    if (f.size() != 4) {
      ADD_FAILURE() << kCorpus << ":" << line_no << ": expected 4 columns, got "
                    << f.size();
      continue;
    }
    Row r;
    r.line = line_no;
    r.name = f[0];
    r.text = absl::StrReplaceAll(f[1], {{"\\n", "\n"}});
    if (f[2] != "none") {
      // \n stands for a line break in the expected content too (a
      // quotation of a hard-wrapped book).
      const std::string expected = absl::StrReplaceAll(f[2], {{"\\n", "\n"}});
      for (absl::string_view c : absl::StrSplit(expected, " ;; ")) {
        r.expected.push_back(NormaliseExpected(c, line_no));
      }
    }
    if (absl::StartsWith(f[3], "known_failure")) {
      r.known_failure = true;
      r.reason = std::string(absl::StripPrefix(f[3], "known_failure"));
      r.reason = std::string(
          absl::StripAsciiWhitespace(absl::StripPrefix(r.reason, ":")));
      EXPECT_FALSE(r.reason.empty())
          << kCorpus << ":" << line_no << ": known_failure needs a reason";
    } else {
      EXPECT_EQ(f[3], "ok") << kCorpus << ":" << line_no;
    }
    rows.push_back(std::move(r));
  }
  return rows;
}

// What the engine finds, in the same form as the expectations.
std::vector<std::string> Actual(const Extractor& extractor, const Row& row) {
  v1::Document doc;
  doc.set_id(row.name);
  doc.set_text(row.text);
  v1::Extraction out;
  absl::Status s = extractor.Extract(doc, &out);
  EXPECT_TRUE(s.ok()) << kCorpus << ":" << row.line << ": " << s;
  std::vector<std::string> result;
  for (const v1::Claim& c : out.claims()) {
    std::vector<std::string> parts;
    for (const v1::Span& p : c.content_parts()) {
      parts.push_back(TrimContent(
          absl::string_view(row.text).substr(p.begin(), p.end() - p.begin())));
    }
    std::string speaker = c.has_speaker() ? c.speaker().canonical_name() : "";
    if (speaker.empty()) speaker = c.has_speaker() ? c.speaker().text() : "-";
    result.push_back(Describe(speaker, c.cue().text(),
                              absl::StrJoin(parts, " ... "),
                              KindName(c.kind())));
  }
  return result;
}

TEST(Regression, CorpusHasOneRowPerPhenomenon) {
  std::vector<Row> rows = ReadCorpus();
  EXPECT_GE(rows.size(), 40u);
  std::vector<std::string> names;
  for (const Row& r : rows) {
    for (const std::string& n : names) {
      EXPECT_NE(n, r.name) << kCorpus << ":" << r.line << ": duplicate name";
    }
    names.push_back(r.name);
  }
}

TEST(Regression, EveryRowAsExpected) {
  auto extractor = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(extractor.ok()) << extractor.status();
  std::vector<Row> rows = ReadCorpus();
  ASSERT_FALSE(rows.empty());
  int known = 0, passing = 0;
  for (const Row& row : rows) {
    SCOPED_TRACE(absl::StrCat(kCorpus, ":", row.line, ": ", row.name));
    std::vector<std::string> actual = Actual(**extractor, row);
    const bool pass = actual == row.expected;
    std::string got = actual.empty() ? "none" : absl::StrJoin(actual, " ;; ");
    std::string want =
        row.expected.empty() ? "none" : absl::StrJoin(row.expected, " ;; ");
    if (row.known_failure) {
      ++known;
      std::printf("known failure %s (line %d): %s\n  want: %s\n  got:  %s\n",
                  row.name.c_str(), row.line, row.reason.c_str(), want.c_str(),
                  got.c_str());
      EXPECT_FALSE(pass) << "known_failure row now passes: remove the mark";
    } else {
      EXPECT_TRUE(pass) << "\n  want: " << want << "\n  got:  " << got;
      if (pass) ++passing;
    }
  }
  std::printf("regression: %d rows, %d passing, %d known failures\n",
              static_cast<int>(rows.size()), passing, known);
}

}  // namespace
}  // namespace whosaid
