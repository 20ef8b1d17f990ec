// TagDfa: the syntax it reads, and that it answers as RE2 does for every
// rule of the built-in rules.tsv, its halves and their left-to-cue forms,
// on the tag strings of real sentences, mutations of them and random
// strings.
#include "internal/tag_dfa.h"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "internal/attribution.h"
#include "internal/lexicon.h"
#include "internal/text_layout.h"
#include "re2/re2.h"
#include "test_util.h"

namespace whosaid {
namespace internal {
namespace {

using test::Slurp;

// RE2's answer and the automaton's, for the spans Find asks about: on a
// short string every one; on a longer one the whole string, the string up
// to the end of the cue's words, and from each place in or after them to
// the end.
// For kReverse, each such span from the start is a text of its own (as Find
// passes it).
void ExpectSameAnswers(absl::string_view pattern, const RE2& re,
                       const TagDfa& dfa, TagDfa::Mode mode,
                       absl::string_view text, int* matches) {
  const RE2::Anchor anchor =
      mode == TagDfa::kAnchored ? RE2::ANCHOR_START : RE2::UNANCHORED;
  std::vector<std::pair<size_t, size_t>> spans;
  if (text.size() <= 10) {
    for (size_t start = 0; start <= text.size(); ++start) {
      for (size_t end = start; end <= text.size(); ++end) {
        spans.emplace_back(start, end);
      }
    }
  } else {
    spans.emplace_back(0, text.size());
    size_t mark = text.find_first_of(kCueMarks);
    if (mark == absl::string_view::npos) mark = text.size() / 2;
    size_t cue_end = mark + 1;
    while (cue_end < text.size() && text[cue_end] == '_') ++cue_end;
    for (size_t at = mark + 1; at <= cue_end; ++at) {
      spans.emplace_back(0, at);
      spans.emplace_back(at, text.size());
    }
  }
  for (const auto& [start, end] : spans) {
    absl::string_view t = text;
    if (mode == TagDfa::kReverse) {
      if (start != 0 || end == 0) continue;
      t = text.substr(0, end);
    }
    const bool want = re.Match(re2::StringPiece(t.data(), t.size()),
                                 start, end, anchor, nullptr, 0);
    const int got = dfa.Match(t, start, end);
    ASSERT_EQ(got, want ? 1 : 0)
        << pattern << " (mode " << mode << ") on \"" << t << "\" [" << start
        << ", " << end << ")";
    *matches += want;
    if (mode == TagDfa::kReverse && start == 0) {
      // And where RE2's match starts.
      // And where RE2's match starts; from there, anchored at both ends,
      // RE2 gives the same groups (as Find asks for them).
      const int n = re.NumberOfCapturingGroups() + 1;
      std::vector<re2::StringPiece> g(n), h(n);
      const re2::StringPiece piece(t.data(), t.size());
      const int leftmost = dfa.LeftmostStart(t);
      if (re.Match(piece, 0, end, RE2::UNANCHORED, g.data(), n)) {
        ASSERT_EQ(leftmost, g[0].data() - t.data()) << pattern << " on " << t;
        ASSERT_TRUE(re.Match(piece, leftmost, end, RE2::ANCHOR_BOTH, h.data(), n));
        for (int i = 0; i < n; ++i) {
          ASSERT_EQ(g[i].data(), h[i].data()) << pattern << " on " << t << " group " << i;
          ASSERT_EQ(g[i].size(), h[i].size()) << pattern << " on " << t << " group " << i;
        }
      } else {
        ASSERT_EQ(leftmost, -1) << pattern << " on " << t;
      }
    }
  }
}

// `base` as an automaton of `mode` is searched: one read backward
// (kReverse) matches at the end of the text.
std::string PatternInMode(absl::string_view base, TagDfa::Mode mode) {
  return mode == TagDfa::kReverse ? absl::StrCat("(?:", base, ")$")
                                  : std::string(base);
}

// TagSubmatcher's groups and RE2's, as Find asks for them: a left half
// anchored with "^" from the start of the string; a right half
// anchored at the start, from each place in or after the cue's words to the
// end; a left-to-cue pattern anchored at both ends, from where the leftmost
// match starts (TagDfa::LeftmostStart) to the end of each text up to there.
void ExpectSameGroups(absl::string_view pattern, const RE2& re,
                      const TagSubmatcher& sub, const TagDfa& dfa,
                      TagDfa::Mode mode, absl::string_view text,
                      int* matches) {
  const int n = re.NumberOfCapturingGroups() + 1;
  const size_t found_mark = text.find_first_of(kCueMarks);
  const size_t mark =
      found_mark != absl::string_view::npos ? found_mark : text.size() / 2;
  size_t cue_end = mark + 1;
  while (cue_end < text.size() && text[cue_end] == '_') ++cue_end;
  if (mode == TagDfa::kUnanchored) {
    // A left half anchored with "^": anchored from the start, against
    // RE2's unanchored search, on the whole string, and (as Find searches)
    // on the string up to where its cue group can end (CueGroupReach). Another
    // (one with no left-to-cue pattern): searched from each place in turn.
    std::vector<re2::StringPiece> g(n), h(n);
    const bool want = re.Match(re2::StringPiece(text.data(), text.size()), 0,
                               text.size(), RE2::UNANCHORED, g.data(), n);
    const int reach =
        found_mark != absl::string_view::npos ? CueGroupReach(pattern) : 0;
    const size_t reach_end = reach == 0   ? text.size()
                             : reach == 1 ? mark + 1
                                          : cue_end;
    for (size_t end : {text.size(), reach_end}) {
      if (pattern[0] != '^' && end != text.size()) continue;
      const int got = pattern[0] == '^'
                          ? sub.Match(text, 0, end, false, h.data(), n)
                          : sub.MatchUnanchored(text, h.data(), n);
      ASSERT_EQ(got, want ? 1 : 0)
          << pattern << " on " << text << " to " << end;
      for (int i = 0; want && i < n; ++i) {
        ASSERT_EQ(g[i].data(), h[i].data())
            << pattern << " on " << text << " to " << end;
        ASSERT_EQ(g[i].size(), h[i].size())
            << pattern << " on " << text << " to " << end;
      }
    }
    *matches += want;
    return;
  }
  for (size_t at = std::min(mark + 1, text.size()); at <= cue_end; ++at) {
    absl::string_view t = text;
    size_t start = at, end = text.size();
    if (mode == TagDfa::kReverse) {
      t = text.substr(0, at);
      const int leftmost = dfa.LeftmostStart(t);
      if (leftmost < 0) continue;
      start = leftmost;
      end = at;
    }
    std::vector<re2::StringPiece> g(n), h(n);
    const bool want = re.Match(re2::StringPiece(t.data(), t.size()), start, end,
                               mode == TagDfa::kReverse ? RE2::ANCHOR_BOTH
                                                        : RE2::ANCHOR_START,
                               g.data(), n);
    const int got = sub.Match(t, start, end, mode == TagDfa::kReverse, h.data(), n);
    ASSERT_EQ(got, want ? 1 : 0) << pattern << " on " << t << " from " << start;
    if (!want) continue;
    ++*matches;
    for (int i = 0; i < n; ++i) {
      ASSERT_EQ(g[i].data(), h[i].data())
          << pattern << " on " << t << " from " << start << " group " << i;
      ASSERT_EQ(g[i].size(), h[i].size())
          << pattern << " on " << t << " from " << start << " group " << i;
    }
  }
}

TEST(TagDfa, ReadsTheRulesSyntax) {
  struct Case {
    const char* pattern;
    bool anchored;
    const char* text;
    bool match;
  };
  const Case cases[] = {
      {"N+@", false, "dN@o", true},
      {"N+@", true, "dN@o", false},
      {"^N", false, "dN", false},
      {"^N", false, "Nd", true},
      {"o$", false, "No", true},
      {"o$", false, "oN", false},
      {"(?P<cue>@_*)(?P<x>)o", false, "@__o", true},
      {"[^,@qQ]{2,3}$", false, "q,NN", true},
      {"[^,@qQ]{2,3}$", true, "q,NN", false},
      {"(?:a|b)*?c", true, "ababc", true},
      {"[]a]x", false, "]x", true},
      {"[^]a]x", false, "]x", false},
      {"\\(x\\)", false, "(x)", true},
      {"[a-c-]+$", true, "a-cb", true},
      {"r[^t,.@Cq]{1,6},?t", true, "rNNNNNNt", true},
      {"r[^t,.@Cq]{1,6},?t", true, "rNNNNNNNt", false},
      {"x{0,}y", true, "xxxy", true},
      {"(?:^|[,;])l?N", false, "a,lN", true},
  };
  for (const Case& c : cases) {
    auto dfa = TagDfa::Compile(
        c.pattern, c.anchored ? TagDfa::kAnchored : TagDfa::kUnanchored);
    ASSERT_NE(dfa, nullptr) << c.pattern;
    EXPECT_EQ(dfa->Match(c.text, 0, strlen(c.text)), c.match ? 1 : 0)
        << c.pattern << " on " << c.text;
    RE2 re(c.pattern);
    EXPECT_EQ(re.Match(c.text, 0, strlen(c.text),
                       c.anchored ? RE2::ANCHOR_START : RE2::UNANCHORED,
                       nullptr, 0),
              c.match)
        << c.pattern;
  }
}

TEST(TagSubmatcher, GivesRe2sGroups) {
  // Greedy and lazy repetitions, alternatives in order, a group that takes
  // no part, counted repetitions, "$", a star over a group that can match
  // the empty string (RE2 sets the group: "()*" on "" gives it at 0).
  const char* patterns[] = {
      "(?P<a>N+)(?P<b>N*)o", "(?P<a>N+?)(?P<b>N*)o", "(?:(?P<a>N)|(?P<b>NN))o?",
      "(?P<a>[^,]{1,3}?)(?P<b>,.*)?$", "(?P<a>N*?)(?:,|$)", "(x)?(N+)",
      "()*", "(,N|)*o", "(N*)*?o"};
  const char* texts[] = {"NNNo", "NN,o,N", "NNo", "o", "N,", "xNN", "", ",No"};
  for (const char* pattern : patterns) {
    RE2 re(pattern);
    auto sub = TagSubmatcher::Compile(pattern);
    ASSERT_NE(sub, nullptr) << pattern;
    ASSERT_EQ(sub->groups(), re.NumberOfCapturingGroups());
    const int n = sub->groups() + 1;
    for (const char* text : texts) {
      for (bool both : {false, true}) {
        std::vector<re2::StringPiece> g(n), h(n);
        const bool want = re.Match(text, 0, strlen(text),
                                   both ? RE2::ANCHOR_BOTH : RE2::ANCHOR_START,
                                   g.data(), n);
        ASSERT_EQ(sub->Match(text, 0, strlen(text), both, h.data(), n),
                  want ? 1 : 0)
            << pattern << " on " << text;
        for (int i = 0; want && i < n; ++i) {
          EXPECT_EQ(g[i].data(), h[i].data()) << pattern << " on " << text;
          EXPECT_EQ(g[i].size(), h[i].size()) << pattern << " on " << text;
        }
      }
    }
  }
}

// `count` texts of `min_size` to `min_size + spread - 1` bytes drawn from
// `bytes` (a byte that stands there twice is drawn twice as often), the
// same ones for the same `seed`.
std::vector<std::string> RandomTexts(absl::string_view bytes, int count,
                                     size_t min_size, size_t spread,
                                     uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::string> texts;
  for (int i = 0; i < count; ++i) {
    std::string t(min_size + rng() % spread, ' ');
    for (char& c : t) c = bytes[rng() % bytes.size()];
    texts.push_back(t);
  }
  return texts;
}

// The searches of `text` from every `step`-th place to its end or the byte
// before, anchored at the start or at both ends, answered by `sub` as RE2
// answers them, with the same groups; each match adds one to *matches.
::testing::AssertionResult SearchesAsRe2(const RE2& re,
                                         const TagSubmatcher& sub,
                                         const std::string& text, size_t step,
                                         int* matches) {
  const int n = sub.groups() + 1;
  std::vector<re2::StringPiece> g(n), h(n);
  const re2::StringPiece piece(text.data(), text.size());
  for (size_t start = 0; start < text.size(); start += step) {
    for (size_t end : {text.size(), text.size() - 1}) {
      if (end < start) continue;
      for (bool both : {false, true}) {
        const bool want =
            re.Match(piece, start, end,
                     both ? RE2::ANCHOR_BOTH : RE2::ANCHOR_START, g.data(), n);
        const int got = sub.Match(text, start, end, both, h.data(), n);
        if (got != (want ? 1 : 0)) {
          return ::testing::AssertionFailure()
                 << re.pattern() << " on " << text << " [" << start << ", "
                 << end << ")" << (both ? " both" : "") << ": " << got
                 << ", RE2 " << want;
        }
        for (int i = 0; want && i < n; ++i) {
          if (g[i].data() != h[i].data() || g[i].size() != h[i].size()) {
            return ::testing::AssertionFailure()
                   << re.pattern() << " on " << text << " [" << start << ", "
                   << end << ") group " << i;
          }
        }
        *matches += want;
      }
    }
  }
  return ::testing::AssertionSuccess();
}

// Match() takes a round of a loop that a byte goes round alone in one step
// (TagSubmatcher::LoopBytes): lazy and greedy loops over classes and
// alternations (a body with a group, or that overlaps what follows the
// loop, goes round alone on fewer bytes or none), nested loops, loops at
// the ends of the text, as RE2 on random strings longer than the answers
// Match() keeps, from each place, anchored at one end or both, to the end
// of the text or short of it.
TEST(TagSubmatcher, TakesLoopRoundsAsRe2Does) {
  const char* patterns[] = {
      // (A lazy "Q?" "?" is split in two: no trigraph.)
      "(?P<c>(?:[^.qQ]|q[^qQ]*Q?" "?|\\([^()qQ]*\\))+?)(?:,N.*|;.*)?[.]?$",
      "(?P<c>(?:[^.qQ]|q[^qQ]*Q?" "?)*)(?P<d>,N*)?$",
      "^(?P<a>[^,]*?),(?P<b>(?:N|o|,N)+)(?:x|$)",
      "(?P<a>(?:N(?P<b>o)?|d)*?)x", "(?:(?:No)+|N)*d(?P<a>.*?)(?:,|$)",
      "(?P<a>(?:[Nn]|N[,x])*)(?P<b>[n,]*)", "(?P<a>[^x]{2,12}?)x?(?P<b>.*)",
      "(?:N|o)+?(?P<a>o*)$", "^(?P<a>(?:[^q]|q[^Q]*Q)*?)(?P<b>q.*)?$"};
  static constexpr absl::string_view kBytes = "NNNoodxnq,Q.;()";
  const std::vector<std::string> texts =
      RandomTexts(kBytes, 400, 9, 24, 20261205);
  int matches = 0;
  for (const char* pattern : patterns) {
    RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    auto sub = TagSubmatcher::Compile(pattern);
    ASSERT_NE(sub, nullptr) << pattern;
    for (const std::string& text : texts) {
      ASSERT_TRUE(SearchesAsRe2(re, *sub, text, 3, &matches));
    }
  }
  EXPECT_GT(matches, 1000);
}

// A pattern whose parts after its last group end in "$" and read enough
// (a rule's right half: the content, then "(?:{TRAIL}|...)?[.]?$") has its
// tail asked of an automaton where a path reaches it (TagSubmatcher::tail_),
// shared by the patterns with the same tail: the groups stay RE2's, for
// searches to the end of the text and short of it (where the tail is
// searched as it is), a tail that is the whole pattern, one that can match
// nothing, one with a loop that can go round empty, and a tail whose
// automaton outlives the submatcher that made it.
TEST(TagSubmatcher, AsksTheTailAsRe2Would) {
  const char* patterns[] = {
      "(?P<c>(?:[^.qQ]|q[^qQ]*Q?"
      "?)+?)(?:,N[no]*x.*|;.*|Q,?d[^,]*)?[.]?$",
      "(?P<a>N+)(?P<c>(?:[^.qQ]|q[^qQ]*Q?"
      "?)*?)(?:,N[no]*x.*|;.*|Q,?d[^,]*)?[.]?$",
      "(?:N|o)+(?:,N.*|x[^,]*)[.]?$", "(?P<a>N*?)(?:(?:,|)*x.*|;[^q]*q)$",
      "(?P<a>[^,]*?)(?P<b>,?)(?:N[o,]{0,3}x|d.*|q[^Q]*Q)?$"};
  static constexpr absl::string_view kBytes = "NNNoodxnq,Q.;";
  const std::vector<std::string> texts =
      RandomTexts(kBytes, 300, 1, 20, 20261207);
  int matches = 0;
  for (int round = 0; round < 2; ++round) {
    // (The second round's first submatcher is compiled after the first
    // round's are gone, the second while the first is alive.)
    std::vector<std::unique_ptr<TagSubmatcher>> subs;
    for (const char* pattern : patterns) {
      RE2 re(pattern);
      ASSERT_TRUE(re.ok()) << pattern;
      subs.push_back(TagSubmatcher::Compile(pattern));
      const TagSubmatcher* sub = subs.back().get();
      ASSERT_NE(sub, nullptr) << pattern;
      for (const std::string& text : texts) {
        ASSERT_TRUE(SearchesAsRe2(re, *sub, text, 1, &matches));
      }
    }
  }
  EXPECT_GT(matches, 1000);
}

TEST(TagSubmatcher, KeepsAnswersOnlyForTheSameSearch) {
  // Match() keeps its answers for short searches: the same bytes searched
  // again, elsewhere in the text, with "^" or "$" holding there or not,
  // anchored otherwise, or by another submatcher (perhaps at the address
  // of one gone), must give RE2's answer each time.
  const char* patterns[] = {"^(?P<a>N+)(?P<b>o?)$", "(?P<a>N+)(?P<b>o?)",
                            "(?P<a>N+?)(?P<b>o?)$"};
  const char* texts[] = {"NNo", "xNNo", "NNox", "xNNox"};
  for (int round = 0; round < 2; ++round) {
    for (const char* pattern : patterns) {
      RE2 re(pattern);
      auto sub = TagSubmatcher::Compile(pattern);
      ASSERT_NE(sub, nullptr) << pattern;
      const int n = sub->groups() + 1;
      for (const char* text : texts) {
        const size_t size = strlen(text);
        for (size_t start = 0; start <= size; ++start) {
          for (size_t end = start; end <= size; ++end) {
            for (bool both : {false, true}) {
              for (int again = 0; again < 2; ++again) {
                std::vector<re2::StringPiece> g(n), h(n);
                const bool want =
                    re.Match(text, start, end,
                             both ? RE2::ANCHOR_BOTH : RE2::ANCHOR_START,
                             g.data(), n);
                ASSERT_EQ(sub->Match(text, start, end, both, h.data(), n),
                          want ? 1 : 0)
                    << pattern << " on " << text << " " << start << "-" << end;
                for (int i = 0; want && i < n; ++i) {
                  EXPECT_EQ(g[i].data(), h[i].data()) << pattern << " on " << text;
                  EXPECT_EQ(g[i].size(), h[i].size()) << pattern << " on " << text;
                }
              }
            }
          }
        }
      }
    }
  }
}

TEST(TagDfa, RefusesWhatItDoesNotRead) {
  for (const char* p : {"(?i)said", "a\\bc", "\\d+", "[[:alpha:]]", "a{", "a{2",
                        "(?=a)", "a**", "é", "(a", "a)", "[a", "\\",
                        // A count with a leading zero is literal text to RE2.
                        "a{01}", "a{1,02}"}) {
    EXPECT_EQ(TagDfa::Compile(p, TagDfa::kUnanchored), nullptr) << p;
    EXPECT_EQ(TagSubmatcher::Compile(p), nullptr) << p;
  }
  // Groups nested deeper than RE2 reads: refused, not a stack overflow.
  const std::string deep = std::string(100000, '(') + "a" + std::string(100000, ')');
  EXPECT_EQ(TagDfa::Compile(deep, TagDfa::kAnchored), nullptr);
  EXPECT_EQ(TagSubmatcher::Compile(deep), nullptr);
  const std::string nested = std::string(1000, '(') + "a" + std::string(1000, ')');
  EXPECT_NE(TagDfa::Compile(nested, TagDfa::kAnchored), nullptr);
}

TEST(ReadTagPattern, VouchesOnlyForWhatRe2Takes) {
  int groups = 0;
  std::map<std::string, int> names;
  ASSERT_TRUE(ReadTagPattern("(?:^|,)(?P<speaker>N+)x?(?P<cue>@_*)(\\(o\\))?",
                             &groups, &names));
  EXPECT_EQ(groups, 3);
  EXPECT_EQ(names, (std::map<std::string, int>{{"cue", 2}, {"speaker", 1}}));
  // In doubt, or refused by RE2: no answer (the caller asks RE2).
  for (const char* p : {"(?i)said", "a{1001}", "(?:a{40}){40}", "(?P<x>a)(?P<x>b)",
                        "(?P<1>a)", "(?P<>a)", "^*a", "\\_", "\\ ", "(a", "a{2",
                        "\\d"}) {
    EXPECT_FALSE(ReadTagPattern(p, &groups, &names)) << p;
  }
  for (const char* p : {"a{1000}", "(?:a{10}){100}", "(?P<a_1>b)[\\]-]"}) {
    EXPECT_TRUE(ReadTagPattern(p, &groups, &names)) << p;
    EXPECT_TRUE(RE2(p).ok()) << p;
  }
}

TEST(TagDfa, ReadsBackwardFromTheEnd) {
  auto dfa = TagDfa::Compile("(?:[,s]N+(?P<cue>@_*))$", TagDfa::kReverse);
  ASSERT_NE(dfa, nullptr);
  EXPECT_EQ(dfa->Match("d,NN@_", 0, 6), 1);
  EXPECT_EQ(dfa->Match("d,NN@_o", 0, 7), 0);
  EXPECT_EQ(dfa->Match("dNN@_", 0, 5), 0);
  EXPECT_EQ(dfa->Match("d,NN@_", 0, 5), -1);  // not to the end of the text
  auto begin = TagDfa::Compile("(?:^[lx]*N@)$", TagDfa::kReverse);
  ASSERT_NE(begin, nullptr);
  EXPECT_EQ(begin->Match("lxN@", 0, 4), 1);
  EXPECT_EQ(begin->Match("dlxN@", 0, 5), 0);
}

TEST(TagDfa, LeavesOtherBytesToRe2) {
  auto dfa = TagDfa::Compile("a.b", TagDfa::kUnanchored);
  ASSERT_NE(dfa, nullptr);
  EXPECT_EQ(dfa->Match("a\nb", 0, 3), -1);
  EXPECT_EQ(dfa->Match("a\xc3\xa9", 0, 3), -1);
  EXPECT_EQ(dfa->Match("", 0, 0), -1);
  EXPECT_EQ(dfa->Match("axb", 0, 3), 1);
  // A byte not read here has a cell of its own in each state's row, never
  // built: asked again, from states built since, it is still -1, and the
  // states around it still answer.
  EXPECT_EQ(dfa->Match("ax\nb", 0, 4), -1);
  EXPECT_EQ(dfa->Match("a\nb", 0, 3), -1);
  EXPECT_EQ(dfa->Match("\xff" "axb", 0, 4), -1);
  EXPECT_EQ(dfa->Match("zaxb", 0, 4), 1);
  EXPECT_EQ(dfa->Match("zaxc", 0, 4), 0);
  auto reverse = TagDfa::Compile("(?:a.b)$", TagDfa::kReverse);
  ASSERT_NE(reverse, nullptr);
  EXPECT_EQ(reverse->Match("za\nb", 0, 4), -1);
  EXPECT_EQ(reverse->LeftmostStart("za\nb"), -2);
  EXPECT_EQ(reverse->LeftmostStart("zaxb"), 1);
}

// The automaton's states are sets of NFA states kept as bitmaps: for a
// pattern of several hundred NFA states (bitmaps of several words, NFA
// states that read one class spread over all of them) each state is built
// once, searched again it answers from the states built, and a search that
// needs more states than it may build answers -1, never wrongly.
TEST(TagDfa, KeepsEachStateOnceOverBitmapsOfManyWords) {
  static constexpr absl::string_view kPattern =
      "(?:[ab]x{0,40}|c[^d]{0,30}y|(?:ab|ba){2,20})+(?:d|$)";
  static constexpr absl::string_view kBytes = "abcdxy,";
  const std::vector<std::string> texts =
      RandomTexts(kBytes, 3000, 1, 40, 20261205);
  for (TagDfa::Mode mode :
       {TagDfa::kAnchored, TagDfa::kUnanchored, TagDfa::kReverse}) {
    const std::string pattern = PatternInMode(kPattern, mode);
    RE2 re(pattern);
    ASSERT_TRUE(re.ok());
    const RE2::Anchor anchor =
        mode == TagDfa::kAnchored ? RE2::ANCHOR_START : RE2::UNANCHORED;
    auto dfa = TagDfa::Compile(pattern, mode);
    auto small = TagDfa::Compile(pattern, mode, /*max_states=*/20);
    ASSERT_NE(dfa, nullptr);
    ASSERT_NE(small, nullptr);
    int cut_short = 0;
    for (int round = 0; round < 2; ++round) {
      const int states = dfa->states();
      for (const std::string& t : texts) {
        const int want = re.Match(re2::StringPiece(t.data(), t.size()), 0,
                                  t.size(), anchor, nullptr, 0)
                             ? 1
                             : 0;
        ASSERT_EQ(dfa->Match(t, 0, t.size()), want) << pattern << " on " << t;
        const int got = small->Match(t, 0, t.size());
        if (got < 0) {
          ++cut_short;
        } else {
          ASSERT_EQ(got, want) << pattern << " on " << t;
        }
      }
      // (The second round builds nothing: every state is found again.)
      if (round == 1) {
        EXPECT_EQ(dfa->states(), states) << pattern;
      }
    }
    EXPECT_GT(dfa->states(), 20) << pattern;
    EXPECT_LE(small->states(), 20) << pattern;
    EXPECT_GT(cut_short, 0) << pattern;
  }
}

// A step whose NFA states lead back to the same set stays in its state
// without a lookup (TagDfa::Step): loops that read any byte, a class, or
// run to "$", alone or beside states that other places started (unanchored,
// backward), give RE2's answers, and a long run of a loop's bytes builds no
// state more than a short one.
TEST(TagDfa, StaysInAStateThatLoops) {
  static constexpr absl::string_view kPatterns[] = {
      "a.*b", "a[^,.]*b", "a(?:o|,o)*b", "N[^.]*@.*$", "a[bo]{0,4}o*c",
  };
  static constexpr absl::string_view kBytes = "abcoN@,.";
  const std::vector<std::string> texts =
      RandomTexts(kBytes, 1500, 1, 30, 20261207);
  for (absl::string_view p : kPatterns) {
    for (TagDfa::Mode mode :
         {TagDfa::kAnchored, TagDfa::kUnanchored, TagDfa::kReverse}) {
      const std::string pattern = PatternInMode(p, mode);
      RE2 re(pattern);
      ASSERT_TRUE(re.ok());
      const RE2::Anchor anchor =
          mode == TagDfa::kAnchored ? RE2::ANCHOR_START : RE2::UNANCHORED;
      auto dfa = TagDfa::Compile(pattern, mode);
      ASSERT_NE(dfa, nullptr) << pattern;
      int matches = 0;
      for (const std::string& t : texts) {
        ExpectSameAnswers(pattern, re, *dfa, mode, t, &matches);
        if (HasFatalFailure()) return;
      }
      const std::string short_run = "aoooN" + std::string(3, 'o');
      const std::string long_run = "aoooN" + std::string(3000, 'o');
      dfa->Match(short_run, 0, short_run.size());
      const int states = dfa->states();
      const int want =
          re.Match(long_run, 0, long_run.size(), anchor, nullptr, 0) ? 1 : 0;
      EXPECT_EQ(dfa->Match(long_run, 0, long_run.size()), want) << pattern;
      EXPECT_EQ(dfa->states(), states) << pattern;
    }
  }
}

// A set of states that holds a state of a counted repetition's copy and the
// same state of the copy before it is kept without the first (what follows
// it also follows the other): the answers stay RE2's, in every mode and
// from every place, where searches from several places run at once or the
// copies nest, and the states are fewer.
TEST(TagDfa, DropsStatesOfLaterCopiesOfACountedRepetition) {
  static constexpr absl::string_view kPatterns[] = {
      "[ab]{0,9}c",
      "a(?:[ab]{0,9}c|b{2,6}a$)",
      "(?:a[bc]{0,4}|[ab]{1,3}c){0,3}b{0,5}$",
      "(?:^|[ac])(?:b[^a]{0,6}|c{0,2}a){1,4}(?:a|$)",
      "(?:[abc]{0,3}(?:ab){0,2}){0,3}c",
  };
  static constexpr absl::string_view kBytes = "abcd";
  std::mt19937 rng(20261206);
  std::vector<std::string> texts;
  for (int i = 0; i < 600; ++i) {
    std::string t(1 + rng() % 24, ' ');
    for (char& c : t) c = kBytes[rng() % kBytes.size()];
    texts.push_back(t);
  }
  int matches = 0;
  for (absl::string_view base : kPatterns) {
    for (TagDfa::Mode mode :
         {TagDfa::kAnchored, TagDfa::kUnanchored, TagDfa::kReverse}) {
      const std::string pattern = PatternInMode(base, mode);
      RE2 re(pattern);
      ASSERT_TRUE(re.ok()) << pattern;
      auto dfa = TagDfa::Compile(pattern, mode);
      ASSERT_NE(dfa, nullptr) << pattern;
      for (const std::string& t : texts) {
        ExpectSameAnswers(pattern, re, *dfa, mode, t, &matches);
        if (HasFatalFailure()) return;
      }
    }
  }
  EXPECT_GT(matches, 1000);
  // "b[ab]{0,8}c" searched unanchored over 'a' and 'b': a match may start
  // at each 'b' of the last nine bytes, each in its own copy, so the sets
  // of copies are hundreds; kept without the later copies, the last 'b'
  // alone decides, one state for each place it may be.
  auto dfa = TagDfa::Compile("b[ab]{0,8}c", TagDfa::kUnanchored);
  ASSERT_NE(dfa, nullptr);
  for (int i = 0; i < 2000; ++i) {
    std::string t(1 + rng() % 30, ' ');
    for (char& c : t) c = "ab"[rng() % 2];
    ASSERT_EQ(dfa->Match(t, 0, t.size()), 0) << t;
  }
  EXPECT_LE(dfa->states(), 14);
}

// One TagPattern serves the automata of every mode and the submatcher: each
// answers as the one compiled from the pattern's text, which the other
// tests compare with RE2.
TEST(TagPattern, OneReadingServesEveryCompile) {
  EXPECT_EQ(TagPattern::Parse("a(?i)b"), nullptr);
  EXPECT_EQ(TagPattern::Parse("a\\bc"), nullptr);
  const char* const kPattern = "(?P<who>[dp]?N+)(?P<cue>@_*),?(?P<what>.*?)[.]?";
  auto parsed = TagPattern::Parse(kPattern);
  ASSERT_NE(parsed, nullptr);
  auto sub = TagSubmatcher::Compile(*parsed);
  auto sub_text = TagSubmatcher::Compile(kPattern);
  ASSERT_NE(sub, nullptr);
  ASSERT_NE(sub_text, nullptr);
  EXPECT_EQ(sub->groups(), 3);
  for (TagDfa::Mode mode :
       {TagDfa::kAnchored, TagDfa::kUnanchored, TagDfa::kReverse}) {
    auto dfa = TagDfa::Compile(*parsed, mode);
    auto dfa_text = TagDfa::Compile(kPattern, mode);
    ASSERT_NE(dfa, nullptr);
    ASSERT_NE(dfa_text, nullptr);
    for (const char* t : {"dN@,NvN.", "xdN@_.", "N@", "vv", "pNN@__,o"}) {
      const absl::string_view text(t);
      EXPECT_EQ(dfa->Match(text, 0, text.size()),
                dfa_text->Match(text, 0, text.size()))
          << t << " mode " << mode;
    }
  }
  int found = 0;
  for (const char* t : {"dN@,NvN.", "xdN@_.", "N@", "vv", "pNN@__,o"}) {
    re2::StringPiece g[4], h[4];
    const absl::string_view text(t);
    const int answer = sub->MatchUnanchored(text, g, 4);
    ASSERT_EQ(answer, sub_text->MatchUnanchored(text, h, 4)) << t;
    found += answer == 1;
    for (int i = 0; i < 4; ++i) {
      EXPECT_EQ(g[i].data(), h[i].data()) << t << " group " << i;
      EXPECT_EQ(g[i].size(), h[i].size()) << t << " group " << i;
    }
  }
  EXPECT_EQ(found, 4);  // all but "vv"
}

// The sets of bytes every match holds one of: Find skips a rule half whose
// side of the cue lacks all of one set, so a set that some match can go
// without would lose claims. Each pattern's sets as written (smallest
// first), then RE2 on random strings: every string that matches holds a
// byte of each set.
TEST(TagPattern, NeededSetsAreInEveryMatch) {
  auto sets = [](const char* pattern) {
    auto parsed = TagPattern::Parse(pattern);
    EXPECT_NE(parsed, nullptr) << pattern;
    std::string out;
    if (parsed == nullptr) return out;
    for (const std::bitset<128>& set : parsed->NeededSets()) {
      if (!out.empty()) out.push_back('|');
      for (int c = 0; c < 128; ++c) {
        if (set[c]) out.push_back(static_cast<char>(c));
      }
    }
    return out;
  };
  EXPECT_EQ(sets("(?P<who>[dp]?N+)(?P<cue>@_*),?(?P<what>.*?)[.]?"), "N|@");
  EXPECT_EQ(sets("N(?:v|vb)C"), "N|v|C");  // in every alternative
  EXPECT_EQ(sets("N(?:v|b)C"), "N|C|bv");  // one of each alternative
  EXPECT_EQ(sets("x*y?z{0,2}"), "");       // repetitions that may be skipped
  EXPECT_EQ(sets("x{2,}[.]"), "x|.");
  EXPECT_EQ(sets("[ab]c"), "c|ab");   // smallest first
  EXPECT_EQ(sets("(?:x|N*)y"), "y");  // an alternative that needs nothing
  EXPECT_EQ(sets("[^q]+.b"), "b");    // byte 127 in the set: left out

  const char* const kPatterns[] = {
      "N(?:v|vb)C",    "(?:dN|pN)+,?C", "q[^Q]*Q,?N@",        "^(?:N|P)l?@",
      "(?:ab|ac)*d?c", "N(?:@_*)?o$",   "(?:N[dp]|P)(?:v|b)C"};
  static constexpr absl::string_view kChars = "NPdpvbCq,Qlo@_acd";
  std::mt19937 rng(20261205);
  for (const char* pattern : kPatterns) {
    auto parsed = TagPattern::Parse(pattern);
    ASSERT_NE(parsed, nullptr) << pattern;
    const std::vector<std::bitset<128>> needed = parsed->NeededSets();
    RE2 re(pattern);
    ASSERT_TRUE(re.ok()) << pattern;
    int matched = 0;
    for (int n = 0; n < 20000; ++n) {
      std::string s(rng() % 8, ' ');
      for (char& c : s) c = kChars[rng() % kChars.size()];
      if (!RE2::PartialMatch(s, re)) continue;
      ++matched;
      for (const std::bitset<128>& set : needed) {
        bool held = false;
        for (char c : s) held |= set[static_cast<unsigned char>(c)];
        EXPECT_TRUE(held) << pattern << " matched '" << s
                          << "' without a byte of a needed set";
      }
    }
    EXPECT_GT(matched, 0) << pattern;  // the check above was reached
  }
}

// Threads that search one new automaton at once build its states together
// (under its lock): each gets the answers RE2 gives.
TEST(TagDfa, SearchesFromManyThreadsAgreeWithRe2) {
  const char* const kPattern = "(?:[dp]?[jN]*N|P)[,z]*@_*(?:r[dN]+)?[,.]";
  const RE2 re(kPattern);
  ASSERT_TRUE(re.ok());
  std::mt19937 rng(7);
  const std::string alphabet = "djNPpz,@_r.o";
  std::vector<std::string> texts(4000);
  for (std::string& t : texts) {
    t.resize(std::uniform_int_distribution<size_t>(1, 24)(rng));
    for (char& c : t) {
      c = alphabet[std::uniform_int_distribution<size_t>(0, alphabet.size() - 1)(rng)];
    }
  }
  for (TagDfa::Mode mode : {TagDfa::kAnchored, TagDfa::kUnanchored}) {
    auto dfa = TagDfa::Compile(kPattern, mode);
    ASSERT_NE(dfa, nullptr);
    const RE2::Anchor anchor =
        mode == TagDfa::kAnchored ? RE2::ANCHOR_START : RE2::UNANCHORED;
    std::vector<int> wrong(4, 0);
    std::vector<std::thread> threads;
    for (int th = 0; th < 4; ++th) {
      threads.emplace_back([&, th] {
        for (size_t i = 0; i < texts.size(); ++i) {
          const std::string& t = texts[(i * (th + 1)) % texts.size()];
          const bool want = re.Match(re2::StringPiece(t.data(), t.size()), 0,
                                     t.size(), anchor, nullptr, 0);
          wrong[th] += dfa->Match(t, 0, t.size()) != (want ? 1 : 0);
        }
      });
    }
    for (std::thread& th : threads) th.join();
    for (int th = 0; th < 4; ++th) EXPECT_EQ(wrong[th], 0) << "thread " << th;
    EXPECT_GT(dfa->states(), 3);
  }
}

TEST(TagDfa, AnswersAsRe2ForEveryRule) {
  auto lex = Lexicon::Load("");
  ASSERT_TRUE(lex.ok()) << lex.status();
  auto attributor = Attributor::Create(lex->get());
  ASSERT_TRUE(attributor.ok()) << attributor.status();
  Segmenter segmenter((*lex)->abbreviation_lexicon());

  // Tag strings of real sentences (the seed article and the passages of
  // the regression corpus), with each cue marked in every way Find marks
  // one, as a phrase of one to three words, and mutations of those; and
  // random strings.
  std::vector<std::string> texts = {Slurp("seeds/defense-ministers-call.txt")};
  for (absl::string_view line : absl::StrSplit(
           Slurp("tests/testdata/regression/phenomena.tsv"), '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() >= 2) texts.push_back(cols[1]);
  }
  static constexpr absl::string_view kTagChars =
      "CqQNRnoPpdgrtwxsvblzji0,:;~.()-_";
  std::mt19937 rng(20261203);
  std::vector<std::string> strings;
  for (const std::string& text : texts) {
    TextLayout layout;
    segmenter.Segment(text, &layout);
    std::vector<std::pair<Range, std::string>> units;
    (*attributor)->TagUnits(text, layout, &units);
    for (auto& [range, tags] : units) {
      for (size_t k = 0; k < tags.size(); ++k) {
        if (tags[k] != 'C') continue;
        for (char cue : kCueMarks) {
          std::string m = tags;
          m[k] = cue;
          strings.push_back(m);
          for (int words = 1; words <= 2; ++words) {
            std::string phrase = m;
            phrase.insert(k + 1, std::string(words, '_'));
            strings.push_back(phrase);
          }
          for (int variant = 0; variant < 4; ++variant) {
            std::string v = m;
            for (int edits = 1 + variant % 3; edits > 0; --edits) {
              size_t at = rng() % v.size();
              if (at == k) continue;
              v[at] = kTagChars[rng() % kTagChars.size()];
            }
            strings.push_back(v);
          }
        }
      }
    }
  }
  ASSERT_GT(strings.size(), 1000u);
  for (int i = 0; i < 2000; ++i) {
    std::string s(1 + rng() % 14, ' ');
    for (char& c : s) c = kTagChars[rng() % kTagChars.size()];
    s[rng() % s.size()] = kCueMarks[rng() % kCueMarks.size()];
    strings.push_back(s);
  }

  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  int patterns = 0, matches = 0, most_states = 0, submatches = 0;
  int wholes = 0, whole_matches = 0;
  for (const RuleSpec& spec : (*lex)->rules()) {
    // The halves as Find runs them: a left half unanchored when it begins
    // with "^", else its left-to-cue form read backward; a right half
    // anchored.
    std::vector<std::pair<std::string, TagDfa::Mode>> todo;
    if (size_t cut = CueGroupEnd(spec.pattern); cut != std::string::npos) {
      const std::string left = spec.pattern.substr(0, cut);
      if (left[0] == '^' || LeftToCuePattern(left).empty()) {
        todo.emplace_back(left, TagDfa::kUnanchored);
      }
      todo.emplace_back(spec.pattern.substr(cut), TagDfa::kAnchored);
      if (std::string p = LeftToCuePattern(left); !p.empty()) {
        todo.emplace_back(p, TagDfa::kReverse);
      }
    }
    for (const auto& [pattern, mode] : todo) {
      RE2 re(pattern, options);
      ASSERT_TRUE(re.ok()) << pattern;
      auto dfa = TagDfa::Compile(pattern, mode);
      // Every half of the rules is read.
      ASSERT_NE(dfa, nullptr) << spec.name << ": " << pattern;
      ++patterns;
      auto sub = TagSubmatcher::Compile(pattern);
      ASSERT_NE(sub, nullptr) << pattern;
      ASSERT_EQ(sub->groups(), re.NumberOfCapturingGroups()) << pattern;
      for (const std::string& s : strings) {
        ExpectSameGroups(pattern, re, *sub, *dfa, mode, s, &submatches);
        if (HasFatalFailure()) return;
      }
      for (const std::string& s : strings) {
        ExpectSameAnswers(pattern, re, *dfa, mode, s, &matches);
        if (HasFatalFailure()) return;
      }
      most_states = std::max(most_states, dfa->states());
    }
    // The whole pattern, as Find runs it when the halves cannot answer: an
    // unanchored search over the whole string, with and without groups.
    RE2 whole(spec.pattern, options);
    ASSERT_TRUE(whole.ok()) << spec.pattern;
    auto dfa = TagDfa::Compile(spec.pattern, TagDfa::kUnanchored);
    auto sub = TagSubmatcher::Compile(spec.pattern);
    if (dfa == nullptr || sub == nullptr) continue;  // RE2 answers
    ++wholes;
    const int n = whole.NumberOfCapturingGroups() + 1;
    for (const std::string& s : strings) {
      const re2::StringPiece piece(s.data(), s.size());
      std::vector<re2::StringPiece> g(n), h(n);
      const bool want =
          whole.Match(piece, 0, s.size(), RE2::UNANCHORED, g.data(), n);
      int got = dfa->Match(s, 0, s.size());
      if (got == -1) {
        // A full automaton asks RE2 (see Match()): the states it built for
        // the strings before fill it as the corpus grows. A fresh one must
        // answer.
        dfa = TagDfa::Compile(spec.pattern, TagDfa::kUnanchored);
        got = dfa->Match(s, 0, s.size());
      }
      ASSERT_EQ(got, want ? 1 : 0) << spec.name << " on " << s;
      ASSERT_EQ(sub->MatchUnanchored(s, h.data(), n), want ? 1 : 0)
          << spec.name << " on " << s;
      for (int i = 0; want && i < n; ++i) {
        ASSERT_EQ(g[i].data(), h[i].data()) << spec.name << " on " << s << " group " << i;
        ASSERT_EQ(g[i].size(), h[i].size()) << spec.name << " on " << s << " group " << i;
      }
      whole_matches += want;
    }
  }
  EXPECT_GT(wholes, 50);
  EXPECT_GT(whole_matches, 1000);
  std::cout << wholes << " whole patterns, " << whole_matches << " matches\n";
  EXPECT_GT(patterns, 100);
  EXPECT_GT(submatches, 10000);
  std::cout << submatches << " submatches\n";
  std::cout << patterns << " automata, " << matches << " matches, at most "
            << most_states << " states\n";
  EXPECT_GT(matches, 10000);
}

// Where Debian 12's RE2 merges "(?:[dpjNo0]|[Pp])" wrongly (google/re2 issue
// 467) it misses the match that starts at the "P" and answers 32; the
// leftmost start is 31, as RE2 answers for the same pattern with empty groups
// after the classes, which it does not merge (tag_dfa_fuzzer's second
// opinion).
TEST(TagDfa, LeftmostStartWhereRe2MergesClasses) {
  auto dfa = TagDfa::Compile("(?:(?:[dpjNo0]|[Pp])[^,]*?[.]?$)$",
                             TagDfa::kReverse);
  ASSERT_NE(dfa, nullptr);
  const std::string text = "NNno0-]*|P)[lvbz]*C.*|;.*|,xs]lPN";
  EXPECT_EQ(dfa->LeftmostStart(text), 31);
  RE2 unmerged("(?:(?:[dpjNo0](?:)|[Pp](?:))[^,]*?[.]?$)$");
  re2::StringPiece whole;
  ASSERT_TRUE(unmerged.Match(text, 0, text.size(), RE2::UNANCHORED, &whole, 1));
  EXPECT_EQ(whole.data() - text.data(), 31);
}

}  // namespace
}  // namespace internal
}  // namespace whosaid

