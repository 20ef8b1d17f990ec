// The attributor's rule matching: where a rule's pattern is cut at its cue
// group, and that the two halves answer exactly as the whole pattern does
// (whether it matches, and its groups), for every rule of the built-in rules.tsv, on the tag strings of real
// sentences and on mutations of them.
#include "internal/attribution.h"

#include <bitset>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "internal/lexicon.h"
#include "internal/tag_dfa.h"
#include "internal/text_layout.h"
#include "re2/re2.h"
#include "test_util.h"

namespace whosaid {
namespace internal {
namespace {

using test::Slurp;
constexpr size_t kNpos = absl::string_view::npos;

TEST(CueGroupEnd, CutsAfterATopLevelCueGroup) {
  EXPECT_EQ(CueGroupEnd("(?P<speaker>N+)(?P<cue>@_*)(?P<content>o+)$"), 27u);
  EXPECT_EQ(CueGroupEnd("^N(?P<cue>@)o"), 12u);
  // Parentheses inside a class or escaped are not groups.
  EXPECT_EQ(CueGroupEnd("[()]\\((?P<cue>@)o"), 16u);
  EXPECT_EQ(CueGroupEnd("[^()@qQ]+(?P<cue>@)o"), 19u);
  // "]" first in a class is a member.
  EXPECT_EQ(CueGroupEnd("[]()](?P<cue>@)o"), 15u);
  EXPECT_EQ(CueGroupEnd("[^](](?P<cue>@)o"), 15u);
  // A class of marks only: the tag string holds one mark.
  EXPECT_EQ(CueGroupEnd("N(?P<cue>[@%])o"), 14u);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>[@&]_+)o"), 16u);
}

TEST(CueGroupEnd, RefusesWhatCannotBeCut) {
  // No cue group, or one inside another group.
  EXPECT_EQ(CueGroupEnd("N+@o+"), kNpos);
  EXPECT_EQ(CueGroupEnd("(?:N(?P<cue>@))o"), kNpos);
  // A top-level alternation, before or after the cue.
  EXPECT_EQ(CueGroupEnd("N|(?P<cue>@)o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@)o|x"), kNpos);
  // A quantifier on the cue group.
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@)?o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@)*o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@){2}o"), kNpos);
  // Nothing after the cue.
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@_*)"), kNpos);
  // Flags, which may reach across the cut.
  EXPECT_EQ(CueGroupEnd("(?U)N+(?P<cue>@)o+"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@)(?i:o)"), kNpos);
  // A cue group that need not start with the cue's mark, once.
  EXPECT_EQ(CueGroupEnd("N(?P<cue>C)o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>[@C])o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>[^@])o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>[@%]+)o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@?_)o"), kNpos);
  EXPECT_EQ(CueGroupEnd("N(?P<cue>@+)o"), kNpos);
}

// The bytes below `below` of a set, in order.
template <size_t N>
std::string Spelled(const std::bitset<N>& set, int below) {
  std::string out;
  for (int b = 0; b < below; ++b) {
    if (set[b]) out += static_cast<char>(b);
  }
  return out;
}

std::string Bytes(absl::string_view pattern) {
  std::bitset<256> first;
  if (!FirstBytes(pattern, &first)) return "?";
  std::string out = Spelled(first, 128);
  // Bytes from 128 on: only a negated class or "." takes them, all at once.
  if (first[200]) out += "+";
  return out;
}

TEST(FirstBytes, ReadsWhatAMatchBeginsWith) {
  EXPECT_EQ(Bytes("ab"), "a");
  EXPECT_EQ(Bytes("a?b"), "ab");
  EXPECT_EQ(Bytes("a*b*c"), "abc");
  EXPECT_EQ(Bytes("a+b"), "a");
  EXPECT_EQ(Bytes("a{0,3}b"), "ab");
  EXPECT_EQ(Bytes("a{1,3}b"), "a");
  EXPECT_EQ(Bytes("a|b|cd"), "abc");
  EXPECT_EQ(Bytes("(?:,|Q,?)x"), ",Q");
  EXPECT_EQ(Bytes("(?P<content>[dp]?N+)"), "Ndp");
  EXPECT_EQ(Bytes("(?:(?:x)?)y"), "xy");
  EXPECT_EQ(Bytes("\\(a"), "(");
  EXPECT_EQ(Bytes("[a-c,]x"), ",abc");
  EXPECT_EQ(Bytes("[]a]"), "]a");
  EXPECT_EQ(Bytes("[\\]]"), "]");
  // Assertions match no byte: what follows them begins the match.
  EXPECT_EQ(Bytes("^a"), "a");
  EXPECT_EQ(Bytes("$|a"), "?");
  // A negated class or "." can begin with any byte but those it leaves out.
  std::string any = Bytes("[^,@]x");
  EXPECT_EQ(any.find_first_of(",@"), std::string::npos);
  EXPECT_NE(any.find('N'), std::string::npos);
  EXPECT_EQ(any.back(), '+');
  // (The newline, which no tag string holds, is given for both: RE2's
  // negated classes take it.)
  EXPECT_NE(any.find('\n'), std::string::npos);
}

TEST(FirstBytes, RefusesWhatItCannotTell) {
  // The empty string matches: any byte, or none, may follow.
  EXPECT_EQ(Bytes(""), "?");
  EXPECT_EQ(Bytes("a*"), "?");
  EXPECT_EQ(Bytes("(?:a|)"), "?");
  EXPECT_EQ(Bytes("[.]?$"), "?");
  // Flags, Perl classes and assertions, POSIX classes, odd repetitions.
  EXPECT_EQ(Bytes("(?i)a"), "?");
  EXPECT_EQ(Bytes("\\da"), "?");
  EXPECT_EQ(Bytes("\\ba"), "?");
  EXPECT_EQ(Bytes("[[:alpha:]]"), "?");
  EXPECT_EQ(Bytes("a{,2}"), "?");
  EXPECT_EQ(Bytes("(a"), "?");
  EXPECT_EQ(Bytes("a)"), "?");
  EXPECT_EQ(Bytes("[ab"), "?");
}

TEST(LeftToCuePattern, PutsAnEndAfterTheCueGroup) {
  EXPECT_EQ(LeftToCuePattern("[,;]N+(?P<cue>@_*)"), "(?:[,;]N+(?P<cue>@_*))$");
  EXPECT_EQ(LeftToCuePattern("(?:^|x)N(?P<cue>%)"), "(?:(?:^|x)N(?P<cue>%))$");
  EXPECT_EQ(LeftToCuePattern("[$]N(?P<cue>@)"), "(?:[$]N(?P<cue>@))$");
  // Anchored at the start, another cue group, or what could read past it.
  EXPECT_EQ(LeftToCuePattern("^N(?P<cue>@)"), "");
  EXPECT_EQ(LeftToCuePattern("N(?P<cue>@_)"), "");
  EXPECT_EQ(LeftToCuePattern("N$|x(?P<cue>@)"), "");
  EXPECT_EQ(LeftToCuePattern("N\\b(?P<cue>@)"), "");
  EXPECT_EQ(LeftToCuePattern("(?i)N(?P<cue>@)"), "");
}

TEST(LastBytes, ReadsWhatAMatchEndsWith) {
  std::bitset<256> last;
  ASSERT_TRUE(LastBytes("ab", &last));
  EXPECT_TRUE(last['b']);
  EXPECT_FALSE(last['a']);
  ASSERT_TRUE(LastBytes("(?:x|[NR]+)[lvz]*(?:\\(y\\))?", &last));
  EXPECT_EQ(last.count(), 7u);  // x N R l v z )
  EXPECT_TRUE(last[')'] && last['x'] && last['N'] && last['z']);
  ASSERT_TRUE(LastBytes("a$", &last));
  EXPECT_TRUE(last['a']);
  EXPECT_FALSE(LastBytes("^[lx]*", &last));
}

// The bytes of a set, and "|" before each set of any_of given.
std::string Needs(absl::string_view pattern) {
  PatternNeeds needs;
  if (!ReadPatternNeeds(pattern, &needs)) return "?";
  std::string out = Spelled(needs.all, 127);
  for (const std::bitset<128>& set : needs.any_of) {
    if (!set[127]) out += "|" + Spelled(set, 127);
  }
  return out;
}

TEST(ReadPatternNeeds, ReadsWhatEveryMatchHolds) {
  EXPECT_EQ(Needs("ab"), "ab");
  EXPECT_EQ(Needs("a(?:b|c)d"), "ad|bc");
  // A part that may be skipped needs nothing, whatever it holds.
  EXPECT_EQ(Needs("a(?:b|c)*x?(?:y|z){0,2}"), "a");
  EXPECT_EQ(Needs("a(?P<g>b|c)+"), "a|bc");
  // Each alternative holds a byte of each set, smallest sets first.
  EXPECT_EQ(Needs("(?:x[NR]|P)y"), "y|Px|NPR");
  // An alternative that needs nothing: no set.
  EXPECT_EQ(Needs("(?:x|N*)y"), "y");
  // Negated classes and "." hold bytes above 126: no set.
  EXPECT_EQ(Needs("[^q]+.b\\("), "(b");
  // Brackets in classes and escaped are no groups. (A set that holds a
  // byte needed alone says nothing more: "()" goes.)
  EXPECT_EQ(Needs("[()]\\((?:a|b)"), "(|ab");
  EXPECT_EQ(Needs("(?i)a"), "?");
}

// Group offsets, -1 for a group that did not take part.
std::vector<std::pair<int, int>> Offsets(absl::string_view tags,
                                         const std::vector<re2::StringPiece>& g) {
  std::vector<std::pair<int, int>> out;
  for (size_t i = 1; i < g.size(); ++i) {
    if (g[i].data() == nullptr) {
      out.emplace_back(-1, -1);
    } else {
      int b = static_cast<int>(g[i].data() - tags.data());
      out.emplace_back(b, b + static_cast<int>(g[i].size()));
    }
  }
  return out;
}

TEST(MatchRuleGroups, HalvesAnswerAsTheWholePattern) {
  auto lex = Lexicon::Load("");
  ASSERT_TRUE(lex.ok()) << lex.status();
  auto attributor = Attributor::Create(lex->get());
  ASSERT_TRUE(attributor.ok()) << attributor.status();
  Segmenter segmenter((*lex)->abbreviation_lexicon());

  // Tag strings of real sentences: the seed article and the passages of the
  // regression corpus.
  std::vector<std::string> texts = {
      Slurp("seeds/defense-ministers-call.txt")};
  for (absl::string_view line : absl::StrSplit(
           Slurp("tests/testdata/regression/phenomena.tsv"), '\n')) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols = absl::StrSplit(line, '\t');
    if (cols.size() >= 2) texts.push_back(cols[1]);
  }
  std::vector<std::string> sentences;
  for (const std::string& text : texts) {
    TextLayout layout;
    segmenter.Segment(text, &layout);
    std::vector<std::pair<Range, std::string>> units;
    (*attributor)->TagUnits(text, layout, &units);
    for (auto& [range, tags] : units) sentences.push_back(tags);
  }
  ASSERT_GT(sentences.size(), 100u);

  // Each sentence with each of its cues marked, as Find marks them, and
  // random mutations of those.
  static constexpr absl::string_view kTagChars = "CqQNRnoPpdgrtwxsvblzji0,:;~.()-_";
  std::mt19937 rng(20261202);
  std::vector<std::string> marked;
  for (const std::string& tags : sentences) {
    for (size_t k = 0; k < tags.size(); ++k) {
      if (tags[k] != 'C') continue;
      for (char cue : kCueMarks) {
        std::string m = tags;
        m[k] = cue;
        marked.push_back(m);
        // The cue as a phrase of two or three words ("@_", "@__"): the
        // halves answer for those too (MatchesRule).
        for (int words = 1; words <= 2; ++words) {
          std::string phrase = m;
          phrase.insert(k + 1, std::string(words, '_'));
          marked.push_back(phrase);
          // And the same with the word after the phrase made a '_' too
          // (the cue group may take it or leave it to the right half).
          if (k + 1 + words < phrase.size()) {
            phrase[k + 1 + words] = '_';
            marked.push_back(phrase);
          }
        }
        for (int variant = 0; variant < 8; ++variant) {
          std::string v = m;
          for (int edits = 1 + variant % 3; edits > 0; --edits) {
            size_t at = rng() % v.size();
            if (at == k) continue;
            v[at] = kTagChars[rng() % kTagChars.size()];
          }
          marked.push_back(v);
        }
      }
    }
  }

  RE2::Options options;
  options.set_log_errors(false);
  const RE2 anything("");
  int rules_cut = 0, matches = 0, phrase_matches = 0, rights_read = 0,
      lefts_read = 0, to_cue_rules = 0, to_cue_matches = 0,
      anchored_lefts_read = 0, anchored_left_matches = 0, lefts_ruled_out = 0,
      rights_ruled_out = 0;
  for (const RuleSpec& spec : (*lex)->rules()) {
    const size_t cut = CueGroupEnd(spec.pattern);
    if (cut == kNpos) continue;
    RE2 whole(spec.pattern, options), left(spec.pattern.substr(0, cut), options),
        right(spec.pattern.substr(cut), options);
    ASSERT_TRUE(whole.ok() && left.ok() && right.ok()) << spec.name;
    ++rules_cut;
    // Where the right half matches, it begins with one of its first bytes.
    std::bitset<256> first;
    if (FirstBytes(spec.pattern.substr(cut), &first)) {
      ++rights_read;
      for (size_t s = 0; s < marked.size(); ++s) {
        const std::string& tags = marked[s];
        for (size_t at = 0; at < tags.size(); ++at) {
          // (At every position of one string in 8; after the cue in all.)
          if (s % 8 != 0 && (at == 0 || kCueMarks.find(tags[at - 1]) == kNpos)) {
            continue;
          }
          if (!first[static_cast<unsigned char>(tags[at])]) {
            ASSERT_FALSE(right.Match(tags, at, tags.size(), RE2::ANCHOR_START,
                                     nullptr, 0))
                << spec.name << " at " << at << " of " << tags;
          }
        }
      }
    }
    // Where the left half matches, the part before its cue group ends
    // with one of its last bytes.
    std::bitset<256> last;
    const std::string left_pattern = spec.pattern.substr(0, cut);
    if (LastBytes(left_pattern.substr(0, left_pattern.rfind("(?P<cue>")), &last)) {
      ++lefts_read;
      for (const std::string& tags : marked) {
        const size_t mark = absl::string_view(tags).find_first_of(kCueMarks);
        size_t cue_end = mark + 1;
        while (cue_end < tags.size() && tags[cue_end] == '_') ++cue_end;
        if (mark == 0 || !last[static_cast<unsigned char>(tags[mark - 1])]) {
          ASSERT_FALSE(left.Match(tags, 0, cue_end, RE2::UNANCHORED, nullptr, 0))
              << spec.name << " on " << tags;
        }
      }
    }
    // A left half anchored at the start matches only a string that begins
    // with one of its first bytes.
    std::bitset<256> start;
    if (left_pattern[0] == '^' && FirstBytes(left_pattern, &start)) {
      ++anchored_lefts_read;
      for (const std::string& tags : marked) {
        const size_t mark = absl::string_view(tags).find_first_of(kCueMarks);
        size_t cue_end = mark + 1;
        while (cue_end < tags.size() && tags[cue_end] == '_') ++cue_end;
        if (!start[static_cast<unsigned char>(tags[0])]) {
          ASSERT_FALSE(left.Match(tags, 0, cue_end, RE2::UNANCHORED, nullptr, 0))
              << spec.name << " on " << tags;
        } else {
          anchored_left_matches +=
              left.Match(tags, 0, cue_end, RE2::UNANCHORED, nullptr, 0);
        }
      }
    }
    // A half whose needs the tags on its side of the cue lack does not
    // match there (Find's test): the left half in the tags up to the cue's
    // end, the right half from anywhere after the cue's mark.
    PatternNeeds left_needs, right_needs;
    const std::string right_pattern = spec.pattern.substr(cut);
    ASSERT_TRUE(ReadPatternNeeds(left_pattern, &left_needs)) << spec.name;
    ASSERT_TRUE(ReadPatternNeeds(right_pattern, &right_needs)) << spec.name;
    for (const std::string& tags : marked) {
      const size_t mark = absl::string_view(tags).find_first_of(kCueMarks);
      size_t cue_end = mark + 1;
      while (cue_end < tags.size() && tags[cue_end] == '_') ++cue_end;
      std::bitset<128> before, after;
      before.set(127);
      after.set(127);
      for (size_t i = 0; i < tags.size(); ++i) {
        if (i < cue_end) before.set(static_cast<unsigned char>(tags[i]) & 127);
        if (i > mark) after.set(static_cast<unsigned char>(tags[i]) & 127);
      }
      if (!left_needs.HeldBy(before)) {
        ++lefts_ruled_out;
        ASSERT_FALSE(left.Match(tags, 0, cue_end, RE2::UNANCHORED, nullptr, 0))
            << spec.name << " on " << tags;
      }
      if (!right_needs.HeldBy(after)) {
        ++rights_ruled_out;
        for (size_t at = mark + 1; at <= cue_end; ++at) {
          ASSERT_FALSE(
              right.Match(tags, at, tags.size(), RE2::ANCHOR_START, nullptr, 0))
              << spec.name << " at " << at << " of " << tags;
        }
      }
    }
    std::unique_ptr<RE2> to_cue;
    if (std::string p = LeftToCuePattern(left_pattern); !p.empty()) {
      to_cue = std::make_unique<RE2>(p, options);
      ASSERT_TRUE(to_cue->ok()) << spec.name;
      ++to_cue_rules;
    }
    // (The groups of each string are written over those of the strings
    // before, matched or not: a match writes every group.)
    std::vector<re2::StringPiece> by_halves, by_whole, by_end;
    for (const std::string& tags : marked) {
      bool a = MatchRuleGroups(whole, &left, &right, tags, &by_halves);
      bool b = MatchRuleGroups(whole, nullptr, nullptr, tags, &by_whole);
      ASSERT_EQ(a, b) << spec.name << " on " << tags;
      // And the left half run from where the cue group ends.
      if (to_cue != nullptr) {
        ASSERT_EQ(MatchRuleGroups(whole, &left, &right, tags, &by_end, to_cue.get()), b)
            << spec.name << " on " << tags;
        if (b) {
          ++to_cue_matches;
          EXPECT_EQ(Offsets(tags, by_end), Offsets(tags, by_whole))
              << spec.name << " on " << tags;
        }
      }
      // The match/no-match test from the halves agrees too.
      size_t cue = absl::string_view(tags).find_first_of(kCueMarks);
      size_t cue_end = cue + 1;
      while (cue_end < tags.size() && tags[cue_end] == '_') ++cue_end;
      ASSERT_EQ(MatchesRule(whole, &left, &right, tags, cue_end), b)
          << spec.name << " on " << tags;
      // With answers known already for the halves (Find keeps them per cue,
      // for rules that share a half), in any combination: the same answer,
      // whichever half it asks first, and what it notes is each half's own
      // answer (the left half up to the cue's end, the right one from it).
      const int8_t left_answer =
          left.Match(tags, 0, cue_end, RE2::UNANCHORED, nullptr, 0) ? 1 : 0;
      const int8_t right_answer =
          right.Match(tags, cue_end, tags.size(), RE2::ANCHOR_START, nullptr, 0) ? 1 : 0;
      for (int known = 0; known < 4; ++known) {
        int8_t left_cell = (known & 1) ? left_answer : -1;
        int8_t right_cell = (known & 2) ? right_answer : -1;
        ASSERT_EQ(MatchesRule(whole, &left, &right, tags, cue_end, &left_cell,
                              &right_cell, to_cue.get()),
                  b)
            << spec.name << " on " << tags << " knowing " << known;
        if (left_cell >= 0) {
          ASSERT_EQ(left_cell, left_answer) << spec.name << " on " << tags;
        }
        if (right_cell >= 0) {
          ASSERT_EQ(right_cell, right_answer) << spec.name << " on " << tags;
        }
      }
      if (to_cue != nullptr) {
        ASSERT_EQ(MatchesRule(whole, &left, &right, tags, cue_end, nullptr,
                              nullptr, to_cue.get()),
                  b)
            << spec.name << " on " << tags;
        // The left half's own answer, whatever the right half's: with a
        // right half that matches anywhere, MatchesRule answers for the
        // left one.
        ASSERT_EQ(MatchesRule(whole, &left, &anything, tags, cue_end, nullptr,
                              nullptr, to_cue.get()),
                  left.Match(tags, 0, cue_end, RE2::UNANCHORED, nullptr, 0))
            << spec.name << " on " << tags;
      }
      if (!a) continue;
      ++matches;
      if (cue_end > cue + 1) ++phrase_matches;
      EXPECT_EQ(Offsets(tags, by_halves), Offsets(tags, by_whole))
          << spec.name << " on " << tags;
    }
  }
  // Most rules can be cut, and the strings exercise them.
  EXPECT_GE(rules_cut, 20);
  EXPECT_GE(matches, 1000);
  EXPECT_GE(phrase_matches, 100);
  // Most right halves tell their first bytes.
  EXPECT_GE(rights_read, 20);
  EXPECT_GE(lefts_read, 20);
  // Some left halves are anchored at the start, and match some strings.
  EXPECT_GE(anchored_lefts_read, 3);
  EXPECT_GE(anchored_left_matches, 10);
  // The halves' needs rule out some halves on the strings.
  EXPECT_GE(lefts_ruled_out, 1000);
  EXPECT_GE(rights_ruled_out, 1000);
  // Most rules have a left half run from the cue's end, and it matches.
  EXPECT_GE(to_cue_rules, 20);
  EXPECT_GE(to_cue_matches, 500);
}

}  // namespace
}  // namespace internal
}  // namespace whosaid
