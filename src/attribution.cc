#include "internal/attribution.h"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <map>
#include <mutex>
#include <queue>
#include <set>
#include <utility>

#include "absl/base/attributes.h"
#include "absl/base/call_once.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/numeric/bits.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "internal/byte_masks.h"
#include "re2/filtered_re2.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace whosaid {
namespace internal {

namespace {
RE2::Options RuleOptions();
bool EndsLikePlural(absl::string_view text, const Token& token);
}  // namespace

// The halves of the rules: TagDfa and TagSubmatcher answer for nearly every
// search, so the RE2 of a half is compiled when a search first needs it
// (news-5mb: 1.587e9 -> 1.536e9 instructions). ReadTagPattern() vouches
// for the pattern at load time; one it is unsure of is compiled by Create().
struct RulePattern {
  explicit RulePattern(std::string p) : pattern(std::move(p)) {}
  const RE2& re() const {
    std::call_once(once, [this] {
      if (compiled == nullptr) {
        compiled = std::make_unique<RE2>(pattern, RuleOptions());
      }
    });
    return *compiled;
  }
  const std::string pattern;
  int groups = 0;  // capturing groups
  std::map<std::string, int> names;
  mutable std::once_flag once;
  mutable std::unique_ptr<RE2> compiled;
};

// The automata of one half of halves_ (HalfDfas), compiled on first use:
// a right half's, anchored; a left half's LeftToCuePattern, read backward;
// a left half itself, unanchored. Null where TagDfa or TagSubmatcher does
// not read the pattern (or the submatcher counts other groups). The
// submatcher of each is compiled later, when groups are first asked of it
// (RightGroups() and so on): most halves a run tries fail at their
// automaton every time (news-5mb: 1.1002e9 -> 1.0986e9 instructions).
struct Attributor::HalfAutomata {
  const TagDfa* Right(const RulePattern& p) {
    absl::call_once(right_once, [&] { Compile(p, TagDfa::kAnchored, &right); });
    return right.dfa.get();
  }
  const TagDfa* LeftToCue(const RulePattern& p) {
    absl::call_once(left_to_cue_once,
                    [&] { Compile(p, TagDfa::kReverse, &left_to_cue); });
    return left_to_cue.dfa.get();
  }
  const TagDfa* Left(const RulePattern& p) {
    absl::call_once(left_once, [&] { Compile(p, TagDfa::kUnanchored, &left); });
    return left.dfa.get();
  }
  // The submatchers, each after the call above of the same half.
  const TagSubmatcher* RightGroups(const RulePattern& p) {
    return right.Groups(p);
  }
  const TagSubmatcher* LeftToCueGroups(const RulePattern& p) {
    return left_to_cue.Groups(p);
  }
  const TagSubmatcher* LeftGroups(const RulePattern& p) {
    return left.Groups(p);
  }

 private:
  struct Automata {
    std::unique_ptr<TagDfa> dfa;
    // The pattern as read, kept for the submatcher until it is compiled.
    // (Not kept from Create(): holding every half's parse until its first
    // search took 2.7 MB for about 7M instructions once a run.)
    std::unique_ptr<TagPattern> parsed;
    absl::once_flag groups_once;
    std::unique_ptr<TagSubmatcher> groups;
    const TagSubmatcher* Groups(const RulePattern& p) {
      absl::call_once(groups_once, [&] {
        if (parsed == nullptr) return;
        groups = TagSubmatcher::Compile(*parsed);
        if (groups != nullptr && groups->groups() != p.groups) {
          groups = nullptr;
        }
        parsed = nullptr;
      });
      return groups.get();
    }
  };
  static void Compile(const RulePattern& p, TagDfa::Mode mode, Automata* a) {
    a->parsed = TagPattern::Parse(p.pattern);
    if (a->parsed == nullptr) return;
    a->dfa = TagDfa::Compile(*a->parsed, mode);
  }
  absl::once_flag right_once, left_to_cue_once, left_once;
  Automata right, left_to_cue, left;
};

struct Attributor::CompiledRule {
  const RuleSpec* spec = nullptr;
  int index = 0;
  // An inverted attribution, "C, said X" (content_cue_speaker,
  // content_cue_speaker_content): its speaker follows the cue.
  bool inverted = false;
  // participle_belief: only a belief cue with verbs.tsv flag "adjunct".
  bool adjunct_only = false;
  // The whole pattern. A rule cut in halves seldom needs it (MatchesRule,
  // MatchRuleGroups): it is compiled when first asked for, which spares
  // most of the cost of Create().
  const RE2& Whole() const {
    std::call_once(whole_once, [this] {
      if (re == nullptr) {
        re = std::make_unique<RE2>(spec->pattern, RuleOptions());
      }
    });
    return *re;
  }
  mutable std::once_flag whole_once;
  mutable std::unique_ptr<RE2> re;  // set by Create() unless cut in halves
  // Whole().Match() for the searches MatchesRuleWith() and
  // MatchRuleGroupsWith() make with the whole pattern (unanchored, over the
  // whole tag string), answered by a TagDfa and a TagSubmatcher of the whole
  // pattern where they can: RE2 builds a large program's states and runs its
  // submatch engine for each of these few searches.
  bool Match(const re2::StringPiece& tags, size_t startpos, size_t endpos,
             RE2::Anchor anchor, re2::StringPiece* groups, int n) const;
  // The whole pattern's automaton and submatcher, each built with the
  // first search that needs it (most need no groups); null when TagDfa
  // does not read the pattern. `whole_parsed` is kept for the submatcher
  // until it is built.
  mutable std::once_flag whole_automata_once, whole_groups_once;
  mutable std::unique_ptr<TagDfa> whole_dfa;
  mutable std::unique_ptr<TagPattern> whole_parsed;
  mutable std::unique_ptr<TagSubmatcher> whole_groups;
  int groups = 0;  // capturing groups of the whole pattern
  // The pattern cut after its cue group, when that group stands at the top
  // level: `left` ends with the cue, `right` starts after it (see
  // CueGroupEnd). Submatches are found with the two halves, which costs far
  // less than the whole pattern (MatchRuleGroups); both are null when the
  // rule cannot be cut.
  // Owned by Attributor::halves_: rules that share a half share one
  // (its automata, and its answer for a cue in Find).
  const RulePattern* left = nullptr;
  const RulePattern* right = nullptr;
  int left_half = -1, right_half = -1;  // indices into halves_
  // The left half ending where the cue group does (LeftToCuePattern), or
  // null. Owned by Attributor::left_to_cue_.
  const RulePattern* left_to_cue = nullptr;
  int left_reach = 0;  // CueGroupReach of the left half
  // The automata that answer for the halves without RE2 (MatchOnly), or
  // null. Compiled when the rule is first tried (most runs try few rules:
  // an empty input none), and owned by the HalfAutomata of the halves,
  // which rules that share a half share.
  const HalfDfas& Dfas() const {
    absl::call_once(dfas_once, [this] {
      if (left_automata == nullptr || right_automata == nullptr) return;
      dfas.right = right_automata->Right(*right);
      if (left_to_cue != nullptr) {
        dfas.left_to_cue = left_automata->LeftToCue(*left_to_cue);
      }
      if (RunsLeftForward()) dfas.left = left_automata->Left(*left);
    });
    return dfas;
  }
  // Dfas() with the submatchers too (MatchRuleGroupsWith), compiled when
  // the rule first matches.
  const HalfDfas& DfasWithGroups() const {
    Dfas();
    absl::call_once(groups_once, [this] {
      if (left_automata == nullptr || right_automata == nullptr) return;
      dfas.right_groups = right_automata->RightGroups(*right);
      if (left_to_cue != nullptr) {
        dfas.left_to_cue_groups = left_automata->LeftToCueGroups(*left_to_cue);
      }
      if (RunsLeftForward()) {
        dfas.left_groups = left_automata->LeftGroups(*left);
      }
    });
    return dfas;
  }
  // A left half anchored with "^", or one with no left-to-cue pattern,
  // is run forward over the tags.
  // (Its bytes are those of its left-to-cue pattern, "(?:left)$".)
  bool RunsLeftForward() const {
    return absl::StartsWith(left->pattern, "^") || left_to_cue == nullptr;
  }
  // The automata of halves_[left_half] and halves_[right_half], or null.
  HalfAutomata* left_automata = nullptr;
  HalfAutomata* right_automata = nullptr;
  mutable absl::once_flag dfas_once, groups_once;
  mutable HalfDfas dfas;
  int cue = 0, speaker = 0, content = 0, content2 = 0, addressee = 0;
  // An empty group "nospeaker": the claim has no speaker (an unnamed asker).
  int nospeaker = 0;
  // An empty group "document": the speaker must be a document ("a poll
  // that found C", IsDocumentHead()), or there is no claim.
  int document = 0;
  // A group "agent": one preposition, which must be one of the passive
  // agent ("by" in function_words.tsv class agent: "Asked by a reporter
  // whether C", not "Asked about the plan").
  int agent = 0;
  // A group "notagent": a preposition that must not be the passive agent
  // ("was criticized for the delay", not "was claimed by the Front, a
  // group that ..."); the group may stay out of the match.
  int notagent = 0;
  // A group "notplace": a preposition that must not be one of place or
  // occasion ("her remarks on the plan", not "her remarks in Ohio"; the
  // function_words.tsv category venue_place).
  int notplace = 0;
  // A group "notroute" instead: as notplace, and not a preposition that
  // names where a message goes (list route: "to"): "with X saying C", "a
  // message from X saying C", not "a letter to X criticizing C". It is kept
  // as notplace with this flag set.
  bool notplace_route = false;
  // A group "notinf": a preposition that must not be the marker of an
  // infinitive (list inf_to: "to"): "C, X said to reporters", not "After
  // the vote, X pledged to campaign for Y" (the cue takes an infinitive;
  // what comes before it is no content).
  int notinf = 0;
  // A group "inf": one preposition that must be that marker ("vowed to
  // \"fight on\"", not "accused X of \"lying\"").
  int inf = 0;
  // A group "place": one preposition that must be one of place or occasion
  // ("vocal in denouncing C": venue_place, not "praised X for saying C").
  int place = 0;
  // A group "causer": one word that must be of class causative ("led
  // critics to say C": the object before the infinitive speaks).
  int causer = 0;
  // A group "forsubj": one preposition that must introduce the subject of
  // an infinitive (function_words.tsv list inf_subject: "a chance for the
  // mayor to explain C").
  int forsubj = 0;
  // A group "labelprep": one preposition of list label_prep ("on", "to")
  // between a headline's name and the topic or the one addressed of the
  // line its cue, punctuation (a colon), labels: "Mayor Keller on Ferry
  // Dock: C"; not a cue word ("Keller on Monday said C").
  int labelprep = 0;
  // A group "outlet": one word of list outlet ("took to Twitter to say C":
  // the channel a speaker goes to, not the subject of the infinitive).
  int outlet = 0;
  // A group "when": words that must all be of time ("Friday"), or a phrase
  // of time ("earlier this year", OnlyTimePhrase), after a cue in a
  // participle form ("the deal announced Friday").
  int when = 0;
  // A group "indef": one word of class indef ("Everything Trump says is
  // a lie": the object the relative clause leaves out).
  int indef = 0;
  // A rule named "attributive_...": it reports a cue of flag attributive
  // ("a self-described socialist"), and only such a cue, which no other
  // rule reports (Attributor::attributive_rules_).
  bool attributive = false;
  // A rule named "np_thing_participle_...": its speaker is any lower-case
  // noun before a participle, so a phrase of time there ("the same day
  // noting that C") is when, not who, and gives no claim.
  bool thing = false;
  // A rule named "colon_...": it reports a colon cue only ("X addressed the
  // crowd: \"Q\"").
  bool colon = false;
  bool classes[kCueClasses] = {};
  std::bitset<128> needs;
};

namespace {

// re.Match(tags, 0, tags.size(), RE2::UNANCHORED, groups, n), answered by
// `dfa` (the automaton of re's pattern, kUnanchored) and `sub()` (its
// submatcher, or null; asked for only when the groups of a match are)
// where they can; `re()` gives the RE2 when they cannot.
template <typename Re, typename Sub>
bool MatchWhole(const Re& re, const TagDfa* dfa, const Sub& sub,
                absl::string_view tags, re2::StringPiece* groups, int n) {
  if (dfa != nullptr) {
    const int found = dfa->Match(tags, 0, tags.size());
    if (found == 0) return false;
    if (found == 1 && n == 0) return true;
    if (found == 1) {
      const TagSubmatcher* groups_of = sub();
      if (groups_of != nullptr &&
          groups_of->MatchUnanchored(tags, groups, n) == 1) {
        return true;
      }
    }
  }
  return re().Match(re2::StringPiece(tags.data(), tags.size()), 0,
                    tags.size(), RE2::UNANCHORED, groups, n);
}

}  // namespace

bool Attributor::CompiledRule::Match(const re2::StringPiece& tags,
                                     size_t startpos, size_t endpos,
                                     RE2::Anchor anchor,
                                     re2::StringPiece* groups, int n) const {
  std::call_once(whole_automata_once, [this] {
    whole_parsed = TagPattern::Parse(spec->pattern);
    if (whole_parsed == nullptr) return;
    whole_dfa = TagDfa::Compile(*whole_parsed, TagDfa::kUnanchored);
    if (whole_dfa == nullptr) whole_parsed = nullptr;
  });
  if (anchor == RE2::UNANCHORED && startpos == 0 && endpos == tags.size()) {
    auto sub = [this]() -> const TagSubmatcher* {
      std::call_once(whole_groups_once, [this] {
        if (whole_parsed != nullptr) {
          whole_groups = TagSubmatcher::Compile(*whole_parsed);
          whole_parsed = nullptr;
        }
      });
      return whole_groups.get();
    };
    return MatchWhole([this]() -> const RE2& { return Whole(); },
                      whole_dfa.get(), sub,
                      absl::string_view(tags.data(), tags.size()), groups, n);
  }
  return Whole().Match(tags, startpos, endpos, anchor, groups, n);
}

namespace {

re2::StringPiece Piece(absl::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// The matching functions below take a half as an RE2 (MatchesRule,
// MatchRuleGroups) or as a RulePattern (Find).
const RE2& Re(const RE2& re) { return re; }
const RE2& Re(const RulePattern& p) { return p.re(); }
const std::string& PatternOf(const RE2& re) { return re.pattern(); }
const std::string& PatternOf(const RulePattern& p) { return p.pattern; }
int GroupsOf(const RE2& re) { return re.NumberOfCapturingGroups(); }
int GroupsOf(const RulePattern& p) { return p.groups; }

// re.Match(text, startpos, endpos, anchor, nullptr, 0), answered by `dfa`
// (the automaton of re's pattern for that anchor) when given and it can.
template <typename Half>
bool MatchOnly(const Half& re, const TagDfa* dfa, absl::string_view text,
               size_t startpos, size_t endpos, RE2::Anchor anchor) {
  if (dfa != nullptr) {
    const int answer = dfa->Match(text, startpos, endpos);
    if (answer >= 0) return answer == 1;
  }
  return Re(re).Match(Piece(text), startpos, endpos, anchor, nullptr, 0);
}

// The length of the atom at the start of `s` that reads the cue's mark: a
// mark ("@") or a class of marks only ("[@&]"); 0 for anything else.
size_t CueMarkAtom(absl::string_view s) {
  if (!s.empty() && IsOneOf(kCueMarks, s[0])) return 1;
  if (s.size() < 3 || s[0] != '[') return 0;
  const size_t close = s.find(']', 1);
  if (close == absl::string_view::npos || close == 1) return 0;
  for (size_t i = 1; i < close; ++i) {
    if (!IsOneOf(kCueMarks, s[i])) return 0;
  }
  return close + 1;
}

}  // namespace

int CueGroupReach(absl::string_view left) {
  static constexpr absl::string_view kCue = "(?P<cue>";
  if (!absl::EndsWith(left, ")")) return 0;
  left.remove_suffix(1);
  int reach = 1;
  if (absl::EndsWith(left, "_*")) {
    left.remove_suffix(2);
    reach = 2;
  } else if (absl::EndsWith(left, "_+")) {
    left.remove_suffix(2);
    reach = 3;
  }
  const size_t atom = left.empty() || left.back() != ']'
                          ? (left.empty() ? 0 : left.size() - 1)
                          : left.rfind('[');
  if (atom == absl::string_view::npos ||
      CueMarkAtom(left.substr(atom)) != left.size() - atom) {
    return 0;
  }
  left.remove_suffix(left.size() - atom);
  return absl::EndsWith(left, kCue) ? reach : 0;
}

namespace {

// MatchesRule(), with the whole pattern from `whole()`, asked for only when
// the halves cannot answer.
// `left_reach` is CueGroupReach(left->pattern()), or -1 to work it out.
template <typename Whole, typename Half>
bool MatchesRuleWith(const Whole& whole, const Half* left, const Half* right,
                     const Half* left_to_cue, int left_reach,
                     absl::string_view tags, size_t cue_end,
                     int8_t* left_known, int8_t* right_known,
                     const HalfDfas& dfas) {
  // A left half already known not to match before the cue's end (the edge
  // tests of Find, or an earlier rule sharing it) rules the whole pattern
  // out, before the right half is run. (A right half known to fail is known
  // to fail right after the cue's last word only: a cue of several words
  // may end earlier, so that case is decided below.)
  if (left_known != nullptr && *left_known == 0) return false;
  // Where the cue's mark is (the last byte before the run of '_' that ends
  // at cue_end), and the left half's CueGroupReach there: 0 when that byte
  // is no mark.
  auto mark_and_reach = [&](size_t* mark) {
    *mark = cue_end - 1;
    while (*mark > 0 && tags[*mark] == '_') --*mark;
    if (!IsOneOf(kCueMarks, tags[*mark])) return 0;
    return left_reach >= 0 ? left_reach : CueGroupReach(PatternOf(*left));
  };
  // A known answer for this string and cue is used, a new one noted.
  auto known = [](int8_t* cell, auto&& compute) {
    if (cell == nullptr) return compute();
    if (*cell < 0) *cell = compute() ? 1 : 0;
    return *cell == 1;
  };
  auto right_at = [&](size_t cut) {
    return MatchOnly(*right, dfas.right, tags, cut, tags.size(),
                     RE2::ANCHOR_START);
  };
  auto left_before_cue_end = [&] {
    // Every match of the left half ends where its cue group can end, and
    // one ends where it ends last (LeftToCuePattern): there, RE2 runs the
    // half backward from that end, anchored, and stops at a match, instead
    // of scanning the string up to the cue for a match anywhere.
    if (left_to_cue != nullptr) {
      size_t mark;
      const int reach = mark_and_reach(&mark);
      if (reach != 0) {
        const size_t end = reach == 1 ? mark + 1 : cue_end;
        return MatchOnly(*left_to_cue, dfas.left_to_cue, tags.substr(0, end),
                         0, end, RE2::UNANCHORED);
      }
    }
    return MatchOnly(*left, dfas.left, tags, 0, cue_end, RE2::UNANCHORED);
  };
  // A cue of one word: the cue group ends right after it, so the whole
  // pattern matches exactly when the right half matches there and the left
  // half matches up to there. Each half is a smaller automaton run over
  // part of the string, and most rules fail on one side at once.
  // The left half is asked first, unless the right one is known to fail
  // already (Find's test of its first byte, or an earlier rule's answer):
  // more rules fail on the left, so fewer halves run. (news-5mb, right
  // half first -> left first: 1.9686e9 -> 1.9390e9 instructions; a right
  // half known to fail first: 1.8965e9.)
  if (left != nullptr && right != nullptr && cue_end >= 1 &&
      cue_end <= tags.size() && tags[cue_end - 1] != '_') {
    // (Unless the right half's answer is known already to be no.)
    if (right_known != nullptr && *right_known == 0) return false;
    return known(left_known, left_before_cue_end) &&
           known(right_known, [&] { return right_at(cue_end); });
  }
  // A cue of more words ("@__"): the cue group starts at the mark, the only
  // one of the string, and ends right after it ("(?P<cue>@)") or anywhere
  // in the run of '_' after it ("(?P<cue>@_*)"; after its first '_' for
  // "(?P<cue>@_+)"): the whole pattern matches exactly when the left half
  // matches before the end of the run (then it can end at any of those
  // places, the part before the mark being the same) and the right half
  // matches at one of them. The whole pattern decides for any other cue
  // group.
  if (left != nullptr && right != nullptr && cue_end >= 2 &&
      cue_end <= tags.size()) {
    size_t mark;
    const int reach = mark_and_reach(&mark);
    if (reach != 0) {
      // The left half first, as for a cue of one word (below).
      if (!known(left_known, left_before_cue_end)) return false;
      // The end of the run first: its answer may be known already.
      bool right_matches = false;
      if (reach != 1) {
        right_matches = known(right_known, [&] { return right_at(cue_end); });
        const size_t first_cut = reach == 3 ? mark + 2 : mark + 1;
        for (size_t cut = cue_end - 1; !right_matches && cut >= first_cut;
             --cut) {
          right_matches = right_at(cut);
        }
      } else {
        right_matches = right_at(mark + 1);
      }
      return right_matches;
    }
  }
  return whole().Match(Piece(tags), 0, tags.size(), RE2::UNANCHORED, nullptr,
                       0);
}

}  // namespace

bool MatchesRule(const RE2& whole, const RE2* left, const RE2* right,
                 absl::string_view tags, size_t cue_end, int8_t* left_known,
                 int8_t* right_known, const RE2* left_to_cue) {
  return MatchesRuleWith([&]() -> const RE2& { return whole; }, left, right,
                         left_to_cue, /*left_reach=*/-1, tags, cue_end,
                         left_known, right_known, HalfDfas());
}

namespace {

// MatchRuleGroups(), for a whole pattern of n - 1 groups, given by `whole()`
// when the halves cannot answer.
// `left_reach` is CueGroupReach(left->pattern()), or -1 to work it out;
// `mark` where the cue's mark is in `tags`, or npos to look for it.
template <typename Whole, typename Half>
bool MatchRuleGroupsWith(const Whole& whole, int n, const Half* left,
                         const Half* right, const Half* left_to_cue,
                         int left_reach, absl::string_view tags, size_t mark,
                         std::vector<re2::StringPiece>* groups,
                         const HalfDfas& dfas) {
  // (Sized, not cleared: a match writes all n groups, as the searches
  // below each write all theirs, and no caller reads them after a failure.
  // news-5mb: 23k calls, a fill of the vector each.)
  groups->resize(n);
  if (left != nullptr && right != nullptr) {
    // The cue's mark is the only one of the tag string, so every match of
    // the whole pattern has the left half end after it, and the right half
    // start there: the leftmost match of the left half, then the right half
    // anchored where it ends, give the groups the whole pattern would. Only
    // when the right half fails there (the cue group gives back a '_' the
    // right half needs) is the whole pattern run.
    const int nl = GroupsOf(*left) + 1;
    // Where the cue group ends, the leftmost match of the left half ends
    // (all its matches end in the cue's words, and its leftmost-first one
    // where the cue group ends). The left half with "$" after it, run on
    // the string up to there, finds it from that end: the same start and
    // groups, without the forward scan RE2 makes to find the end.
    if (mark == absl::string_view::npos) mark = tags.find_first_of(kCueMarks);
    const int reach = mark == absl::string_view::npos ? 0
                      : left_reach >= 0               ? left_reach
                                        : CueGroupReach(PatternOf(*left));
    // Where the cue's words end: no match of the left half ends after it
    // when its cue group ends it (reach != 0); else the end of the string.
    size_t end = reach == 0 ? tags.size() : mark + 1;
    while (reach > 1 && end < tags.size() && tags[end] == '_') ++end;
    if (reach != 0 && left_to_cue != nullptr) {
      // Where that match starts, RE2 finds with its reverse automaton
      // before it runs the submatch anchored at both ends; ours tells it
      // (the same start, so the same groups), and RE2 runs only the
      // submatch.
      const absl::string_view to_end = tags.substr(0, end);
      const int start = dfas.left_to_cue != nullptr
                            ? dfas.left_to_cue->LeftmostStart(to_end)
                            : -2;
      if (start == -1) return false;
      // The submatch from there: TagSubmatcher's, or RE2's.
      const int found =
          start >= 0 && dfas.left_to_cue_groups != nullptr
              ? dfas.left_to_cue_groups->Match(to_end, start, end,
                                               /*both_ends=*/true,
                                               groups->data(), nl)
              : -1;
      if (found == 0) return false;
      if (found < 0 &&
          (start >= 0 ? !Re(*left_to_cue).Match(Piece(to_end), start, end,
                                                RE2::ANCHOR_BOTH,
                                                groups->data(), nl)
                      : !Re(*left_to_cue).Match(Piece(to_end), 0, end,
                                                RE2::UNANCHORED,
                                                groups->data(), nl))) {
        return false;
      }
    } else {
      // (A left half anchored with "^" matches from the start only: its
      // groups anchored there are those of the unanchored search, which
      // need not look past `end`: no path that reads on from there can
      // match. Another is searched from each place in turn.)
      int found = -1;
      if (dfas.left_groups != nullptr) {
        found =
            absl::StartsWith(PatternOf(*left), "^")
                ? dfas.left_groups->Match(tags, 0, end,
                                          /*both_ends=*/false, groups->data(),
                                          nl)
                : dfas.left_groups->MatchUnanchored(tags, groups->data(), nl);
      }
      if (found == 0) return false;
      if (found < 0 && !Re(*left).Match(Piece(tags), 0, tags.size(),
                                        RE2::UNANCHORED, groups->data(), nl)) {
        return false;
      }
    }
    const size_t cut = (*groups)[0].data() + (*groups)[0].size() - tags.data();
    const int nr = n - nl + 1;
    // The right half writes its whole match over the left half's last group
    // (put back after), then its own groups after the left half's.
    std::vector<re2::StringPiece>& g = *groups;
    re2::StringPiece saved = g[nl - 1];
    int found = dfas.right_groups != nullptr
                    ? dfas.right_groups->Match(tags, cut, tags.size(),
                                               /*both_ends=*/false, &g[nl - 1],
                                               nr)
                    : -1;
    if (found < 0) {
      found = Re(*right).Match(Piece(tags), cut, tags.size(),
                               RE2::ANCHOR_START, &g[nl - 1], nr);
    }
    if (found == 1) {
      g[nl - 1] = saved;
      return true;
    }
    groups->assign(n, re2::StringPiece());
  }
  return whole().Match(Piece(tags), 0, tags.size(), RE2::UNANCHORED,
                       groups->data(), n);
}

}  // namespace

bool MatchRuleGroups(const RE2& whole, const RE2* left, const RE2* right,
                     absl::string_view tags,
                     std::vector<re2::StringPiece>* groups,
                     const RE2* left_to_cue) {
  return MatchRuleGroupsWith([&]() -> const RE2& { return whole; },
                             whole.NumberOfCapturingGroups() + 1, left, right,
                             left_to_cue, /*left_reach=*/-1, tags,
                             absl::string_view::npos, groups, HalfDfas());
}

std::string LeftToCuePattern(absl::string_view left) {
  // Not for a half anchored at the start (RE2 runs no forward scan for
  // it), nor for one whose answer could change when the string ends where
  // the cue group does: "$", "\z" or a word boundary in it, flags and
  // syntax not read here.
  if (left.empty() || left[0] == '^' || CueGroupReach(left) == 0) return "";
  for (size_t i = 0; i < left.size(); ++i) {
    const char c = left[i];
    if (c == '\\') {
      if (i + 1 >= left.size() || absl::ascii_isalnum(left[i + 1])) return "";
      ++i;
    } else if (c == '[') {
      // A class: a "]" right after "[" or "[^" is a member, not its end.
      size_t j = i + 1;
      if (j < left.size() && left[j] == '^') ++j;
      if (j < left.size() && left[j] == ']') ++j;
      while (j < left.size() && left[j] != ']') {
        if (left[j] == '[') return "";
        j += left[j] == '\\' ? 2 : 1;
      }
      i = j;
    } else if (c == '(' && i + 2 < left.size() && left[i + 1] == '?' &&
               left[i + 2] != 'P' && left[i + 2] != ':') {
      return "";
    } else if (c == '$') {
      return "";
    }
  }
  return absl::StrCat("(?:", left, ")$");
}

namespace {

// Whether a cue of this stance takes a noun phrase for its object rather
// than a clause: praise, blame, denial, a promise or a demand ("praised the
// budget", "denied the charges"). After one, "and", a noun phrase and a cue
// open a clause of its own ("praised the budget and Lopez said C"), not a
// coordinated subject of the content ("said both she and the mayor agreed").
bool ObjectStance(v1::Stance stance) {
  return stance == v1::STANCE_PRAISE || stance == v1::STANCE_CONDEMN ||
         stance == v1::STANCE_DENY || stance == v1::STANCE_PROMISE ||
         stance == v1::STANCE_DEMAND;
}

// HasCueWord() looks up words of up to this many letters.
constexpr size_t kMaxCueWord = 24;

RE2::Options RuleOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

// The units the rules see: sentences, merged where a quote runs across a
// sentence boundary inside a paragraph.
struct Unit {
  Range range;
  int paragraph = 0;
};

// Is `unit` one closed quotation, from its opening mark to its closing one
// ("\"We are ready. We will win.\"")? A unit with words of its own before
// the quotation has its attribution already ("X says C and \"Q.\"").
bool IsQuotationUnit(const TextLayout& layout, Range unit) {
  auto it = std::lower_bound(
      layout.quotes.begin(), layout.quotes.end(), unit.end,
      [](const Quote& q, uint32_t off) { return q.close_end < off; });
  return it != layout.quotes.end() && it->closed && it->close_end == unit.end &&
         it->open == unit.begin;
}

// "The Rose of the Glen.", "In Loving Memory,": every word of four
// letters or more capitalised, at least two of them, and no exclamation or
// question: the title of a piece or an inscription, not something said.
bool IsTitleCase(absl::string_view quoted) {
  int long_words = 0;
  for (absl::string_view w : absl::StrSplit(quoted, absl::ByAnyChar(" \n"), absl::SkipEmpty())) {
    size_t letters = 0;
    while (letters < w.size() && absl::ascii_isalpha(static_cast<unsigned char>(w[letters]))) {
      ++letters;
    }
    if (letters < 4) continue;
    if (!absl::ascii_isupper(static_cast<unsigned char>(w[0]))) return false;
    ++long_words;
  }
  return long_words >= 2 && quoted.find_first_of("!?") == absl::string_view::npos;
}

// Short enough to be a bare attribution ("Trump said.", "Rep. Earl
// Blumenauer (D-Ore.) said.").
bool IsShort(const Sentence& s) { return s.end - s.begin <= 48; }

// The paragraph that holds byte `off`.
int ParagraphAt(const TextLayout& layout, uint32_t off) {
  auto it = std::upper_bound(
      layout.paragraphs.begin(), layout.paragraphs.end(), off,
      [](uint32_t o, const Range& p) { return o < p.begin; });
  return it == layout.paragraphs.begin()
             ? 0
             : static_cast<int>(it - layout.paragraphs.begin()) - 1;
}

// The author's name in `line`, which ends its paragraph, when it is the
// byline a digest of opinion prints with an excerpt of a column: "Paul
// Waldman, Washington Post" alone on the line below the quoted paragraphs,
// or after the quotation that ends a paragraph ('..." Kevin Drum, Mother
// Jones'). A line of capitalised words, one comma, no final period, right
// after a quotation of some length. The name (before the comma) is up to
// six words, initials ("Aaron E. Carroll") and "and" ("Li Zhou and Andrew
// Prokop") among them, each other word with a small letter (not a headline
// in capitals) and no possessive ("Republicans' Long, Uneasy History With
// Race" is a subheading); the outlet after it up to five words ("The
// American Conservative", "Issues & Insights"). An empty range when `line`
// is none; else `*quote` is the index of that quotation.
Range ExcerptByline(const Lexicon& lexicon, absl::string_view text,
                    const TextLayout& layout, Range line, int* quote) {
  constexpr uint32_t kMaxLine = 100, kMinExcerpt = 40, kMaxGap = 8;
  if (line.end - line.begin > kMaxLine || text[line.end - 1] == '.') return {};
  auto q = std::lower_bound(
      layout.quotes.begin(), layout.quotes.end(), line.begin,
      [](const Quote& x, uint32_t off) { return x.open < off; });
  if (q == layout.quotes.begin()) return {};
  --q;
  if (!q->closed || q->end - q->begin < kMinExcerpt ||
      q->close_end >= line.begin || line.begin - q->close_end > kMaxGap ||
      !std::all_of(text.begin() + q->close_end, text.begin() + line.begin,
                   absl::ascii_isspace)) {
    return {};
  }
  *quote = static_cast<int>(q - layout.quotes.begin());
  const absl::string_view words =
      text.substr(line.begin, line.end - line.begin);
  const size_t comma = words.find(", ");
  if (comma == absl::string_view::npos ||
      words.find(',', comma + 1) != absl::string_view::npos) {
    return {};
  }
  auto word_count = [&lexicon](absl::string_view part, bool name) {
    int n = 0;
    for (absl::string_view w : absl::StrSplit(part, ' ')) {
      const unsigned char c = w.empty() ? 0 : static_cast<unsigned char>(w[0]);
      // ("&" and the small words that join the parts of a name, as
      // function_words.tsv lists them: "and"; "of", "the" in an outlet.)
      if (w == "&" || (absl::ascii_islower(c) &&
                       (lexicon.InList(w, WordList::kPhraseConj) ||
                        (!name && (lexicon.InList(w, WordList::kArticle) ||
                                   lexicon.InList(w, WordList::kNameLink)))))) {
        if (n == 0) return 0;
      } else if (name && w.size() == 2 && absl::ascii_isupper(c) &&
                 w[1] == '.') {
        // an initial
      } else if (!(absl::ascii_isupper(c) ||
                   (!name && absl::ascii_isdigit(c))) ||
                 (name &&
                  (std::none_of(w.begin(), w.end(), absl::ascii_islower) ||
                   absl::StrContains(w, ".") || absl::EndsWith(w, "'s") ||
                   absl::EndsWith(w, "\u2019s") || absl::EndsWith(w, "'") ||
                   absl::EndsWith(w, "\u2019")))) {
        return 0;
      }
      ++n;
    }
    return n;
  };
  const int name_words = word_count(words.substr(0, comma), true);
  const int outlet_words = word_count(words.substr(comma + 2), false);
  if (name_words == 0 || name_words > 6 || outlet_words == 0 ||
      outlet_words > 5)
    return {};
  return Range{line.begin, line.begin + static_cast<uint32_t>(comma)};
}

// The byline of paragraph p (ExcerptByline): the whole paragraph, or the
// words after its last quotation; an empty range when none. Sets *name and
// *quote as ExcerptByline does.
Range BylineOf(const Lexicon& lexicon, absl::string_view text,
               const TextLayout& layout, int p, Range* name, int* quote) {
  const Range para = layout.paragraphs[p];
  // (Names and outlets end in a letter; most paragraphs in a period.)
  if (!absl::ascii_isalpha(static_cast<unsigned char>(text[para.end - 1])))
    return {};
  *name = ExcerptByline(lexicon, text, layout, para, quote);
  if (name->end > 0) return para;
  auto last = std::lower_bound(
      layout.quotes.begin(), layout.quotes.end(), para.end,
      [](const Quote& x, uint32_t off) { return x.open < off; });
  if (last == layout.quotes.begin() || (last - 1)->paragraph != p ||
      (last - 1)->close_end + 1 >= para.end) {
    return {};
  }
  const Range tail{(last - 1)->close_end + 1, para.end};
  *name = ExcerptByline(lexicon, text, layout, tail, quote);
  return name->end > 0 ? tail : Range{};
}

// A byline of the document (BylineOf): its paragraph, the line, the name in
// it and the quotation it signs.
struct Byline {
  int paragraph = 0;
  Range line, name;
  int quote = -1;
};

// For each quotation of `layout`, the last of `findings` not dropped with a
// content part that holds the quotation's start, or -1. (One sweep over
// the parts in order of their starts, a heap of those open keeping the
// latest finding on top: asking each finding for each quotation made a
// digest of many excerpts cost the square of its length.)
std::vector<int> QuotationHolders(const TextLayout& layout,
                                  const std::vector<Finding>& findings) {
  std::vector<std::pair<Range, int>> parts;
  for (size_t i = 0; i < findings.size(); ++i) {
    if (findings[i].drop) continue;
    for (const Range& r : findings[i].content) {
      parts.emplace_back(r, static_cast<int>(i));
    }
  }
  std::sort(parts.begin(), parts.end(),
            [](const std::pair<Range, int>& a, const std::pair<Range, int>& b) {
              return a.first.begin < b.first.begin;
            });
  std::vector<int> order(layout.quotes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&layout](int a, int b) {
    return layout.quotes[a].begin < layout.quotes[b].begin;
  });
  std::vector<int> holder(layout.quotes.size(), -1);
  std::priority_queue<std::pair<int, uint32_t>> open;  // finding, part's end
  size_t next = 0;
  for (const int qi : order) {
    const uint32_t at = layout.quotes[qi].begin;
    for (; next < parts.size() && parts[next].first.begin <= at; ++next) {
      open.emplace(parts[next].second, parts[next].first.end);
    }
    // (A part that ended before this quotation ends before every later one.)
    while (!open.empty() && open.top().second <= at) open.pop();
    if (!open.empty()) holder[qi] = open.top().first;
  }
  return holder;
}

// A unit longer than this is read in pieces. Every rule reads the whole
// unit around each cue in it, so a unit of n bytes with cues all through it
// costs n squared: a "sentence" of a megabyte with no period (a table or a
// transcript run together) would take hours. Sentences of news prose stay
// far below it.
constexpr uint32_t kMaxUnitBytes = 4096;

// Adds `u` to `units` in pieces of at most kMaxUnitBytes, each cut after the
// last sentence end before the limit, else after the last semicolon, comma
// or space in the second half of the piece, else on the last character
// boundary.
void AddUnit(absl::string_view text, const TextLayout& layout, Unit u,
             std::vector<Unit>* units) {
  // "(The council met. The mayor said C.)": a parenthesis opened in an
  // earlier sentence closes after this one's end mark; the closing mark is
  // no part of the sentence the rules read (they end at its period).
  if (u.range.end >= u.range.begin + 3 && text[u.range.end - 1] == ')' &&
      (text[u.range.end - 2] == '.' || text[u.range.end - 2] == '?' ||
       text[u.range.end - 2] == '!')) {
    const absl::string_view s =
        text.substr(u.range.begin, u.range.end - u.range.begin);
    if (std::count(s.begin(), s.end(), ')') > std::count(s.begin(), s.end(), '(')) {
      --u.range.end;
    }
  }
  bool split = false;
  while (u.range.end - u.range.begin > kMaxUnitBytes) {
    split = true;
    const uint32_t limit = u.range.begin + kMaxUnitBytes;
    // The last sentence that ends inside the piece.
    auto it = std::upper_bound(
        layout.sentences.begin(), layout.sentences.end(), limit,
        [](uint32_t off, const Sentence& s) { return off < s.end; });
    uint32_t cut = 0;
    if (it != layout.sentences.begin() && std::prev(it)->end > u.range.begin) {
      cut = std::prev(it)->end;
    }
    const absl::string_view half =
        text.substr(u.range.begin + kMaxUnitBytes / 2, kMaxUnitBytes / 2);
    for (char c : {';', ',', ' '}) {
      if (cut != 0) break;
      const size_t at = half.rfind(c);
      if (at != absl::string_view::npos) {
        cut = static_cast<uint32_t>(half.data() + at + 1 - text.data());
      }
    }
    if (cut == 0) {
      cut = limit;
      while (cut > u.range.begin + 1 &&
             (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
        --cut;
      }
    }
    units->push_back({{u.range.begin, cut}, u.paragraph});
    u.range.begin = cut;
    while (u.range.begin < u.range.end &&
           absl::ascii_isspace(static_cast<unsigned char>(text[u.range.begin]))) {
      ++u.range.begin;
    }
  }
  if (!split || u.range.end > u.range.begin) units->push_back(u);
}

// `is_cue_word` tells whether a word is a reporting cue; `speech_tag`,
// whether a sentence opens as the speech tag of a quotation before it
// (Attributor::OpensAsSpeechTag).
void BuildUnits(absl::string_view text, const TextLayout& layout,
                absl::FunctionRef<bool(absl::string_view)> is_cue_word,
                absl::FunctionRef<bool(absl::string_view)> speech_tag,
                std::vector<Unit>* units) {
  units->clear();
  const auto& sents = layout.sentences;
  const auto& quotes = layout.quotes;
  // The first quotation that opens at or after the unit's start (units
  // start in text order: found by walking on from the last unit's, with a
  // binary search only for one that starts before it). (news-5mb: a
  // binary search for each round of the loop below, 1.0359e9 -> 1.0342e9
  // instructions.)
  auto first_quote = quotes.begin();
  uint32_t first_quote_from = 0;
  size_t s = 0;
  while (s < sents.size()) {
    Unit u{{sents[s].begin, sents[s].end}, sents[s].paragraph};
    if (u.range.begin < first_quote_from) {
      first_quote = std::lower_bound(
          quotes.begin(), quotes.end(), u.range.begin,
          [](const Quote& q, uint32_t off) { return q.open < off; });
    } else {
      while (first_quote != quotes.end() && first_quote->open < u.range.begin) {
        ++first_quote;
      }
    }
    first_quote_from = u.range.begin;
    // Only a unit that a quotation opens can be one (IsQuotationUnit): the
    // tests below ask that first, without a search.
    const bool opens_quote =
        first_quote != quotes.end() && first_quote->open == u.range.begin;
    size_t t = s + 1;
    bool grew = true;
    while (grew) {
      grew = false;
      for (auto it = first_quote; it != quotes.end() && it->open < u.range.end;
           ++it) {
        if (it->paragraph == u.paragraph && it->close_end > u.range.end) {
          u.range.end = it->close_end;
          grew = true;
        }
      }
      while (t < sents.size() && sents[t].paragraph == u.paragraph &&
             sents[t].begin < u.range.end) {
        if (sents[t].end > u.range.end) {
          u.range.end = sents[t].end;
          grew = true;
        }
        ++t;
      }
    }
    // "...missing." Trump said. -- a short sentence after a quotation that
    // makes up the unit attributes it.
    // (Its length first: most sentences fail that test, which reads no
    // quotation. news-5mb: 1.0338e9 -> 1.0331e9 instructions.)
    while (t < sents.size() && sents[t].paragraph == u.paragraph &&
           u.range.end > 0 && IsShort(sents[t]) && opens_quote &&
           IsQuotationUnit(layout, u.range)) {
      u.range.end = sents[t].end;
      ++t;
    }
    // '"Too forced?" He tweeted when the senator ended a debate with a
    // reference to the film.': after a quotation that ends in "?" or "!",
    // a sentence of any length that opens as its speech tag attributes it
    // (the sentence ended at the mark before the pronoun).
    if (t < sents.size() && sents[t].paragraph == u.paragraph &&
        u.range.end >= u.range.begin + 4 && opens_quote &&
        IsQuotationUnit(layout, u.range)) {
      const absl::string_view tail = text.substr(u.range.end - 4, 4);
      if (tail.find_first_of("?!") != absl::string_view::npos &&
          speech_tag(text.substr(sents[t].begin, sents[t].end - sents[t].begin))) {
        u.range.end = sents[t].end;
        ++t;
      }
    }
    // "Cruz continued:" closing a paragraph introduces the quotation that
    // opens the next one: they make one unit. (Only a short lead-in, or one
    // whose cue stands right before the colon ("..., and the senator
    // responded:"): a long sentence ending in a colon has content of its
    // own.)
    bool lead_in = u.range.end > u.range.begin && text[u.range.end - 1] == ':' &&
                   t < sents.size() && sents[t].paragraph == u.paragraph + 1;
    if (lead_in && sents[t - 1].end - sents[t - 1].begin > 64) {
      uint32_t w = u.range.end - 1;
      while (w > u.range.begin &&
             absl::ascii_isalpha(static_cast<unsigned char>(text[w - 1]))) {
        --w;
      }
      lead_in = is_cue_word(text.substr(w, u.range.end - 1 - w));
    }
    if (lead_in) {
      auto it = std::lower_bound(
          quotes.begin(), quotes.end(), sents[t].begin,
          [](const Quote& q, uint32_t off) { return q.open < off; });
      if (it != quotes.end() && it->open == sents[t].begin) {
        u.range.end = it->close_end;
        while (t < sents.size() && sents[t].begin < u.range.end) {
          u.range.end = std::max(u.range.end, sents[t].end);
          ++t;
        }
      }
    }
    // "(The mayor later said C.)": a sentence in parentheses is read without
    // them, when the opening one closes at its end.
    if (u.range.end - u.range.begin > 2 && text[u.range.begin] == '(' &&
        text[u.range.end - 1] == ')') {
      int depth = 0;
      uint32_t i = u.range.begin;
      for (; i < u.range.end; ++i) {
        depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
        if (depth == 0) break;
      }
      if (i == u.range.end - 1) {
        ++u.range.begin;
        --u.range.end;
      }
    }
    AddUnit(text, layout, u, units);
    s = t;
  }
}

// The units of a document and the quote marks its tagger needs.
void PrepareUnits(absl::string_view text, const TextLayout& layout,
                  absl::FunctionRef<bool(absl::string_view)> is_cue_word,
                  absl::FunctionRef<bool(absl::string_view)> speech_tag,
                  std::vector<Unit>* units, QuoteMarks* marks) {
  BuildUnits(text, layout, is_cue_word, speech_tag, units);
  marks->Build(layout);
}

Range TokenSpan(const std::vector<Token>& tokens, size_t a, size_t b) {
  if (a >= b || b > tokens.size()) return Range();
  return Range{tokens[a].begin, tokens[b - 1].end};
}

bool IsTrimTag(char c) {
  return c == ',' || c == '.' || c == ';' || c == '~' || c == ':' || c == '-';
}

// A set of tags as a table: one load tells whether a tag is in it, where
// IsOneOf() compares the tag with each. For the loops over a content's
// tags that pass over most of them (those in no such set).
struct TagTable {
  bool in[256];
  constexpr explicit TagTable(const char* set) : in() {
    for (; *set != '\0'; ++set) in[static_cast<unsigned char>(*set)] = true;
  }
  bool operator()(char c) const { return in[static_cast<unsigned char>(c)]; }
};

// Whether the token is a quote mark the layout paired with none (the tagger
// tags it '-', a plain symbol): '"', "'", "''", "`", « », curly marks.
bool StrayQuoteMark(absl::string_view text, const Token& token, char tag) {
  return tag == '-' && token.end > token.begin &&
         AllQuoteChars(text.substr(token.begin, token.end - token.begin));
}

// The opening quotation marks of `tags` less the closing ones (tags 'q'
// and 'Q'). (Sixteen tags a test: a content that holds a quotation is
// mostly long, and a test of each tag cost about two instructions a tag.)
int QuoteBalance(absl::string_view tags) {
  int open = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const size_t n = tags.size();
  // (The marks of the block at `at`, but its first `skip` tags.)
  auto block = [&](size_t at, int skip) {
    const __m128i x =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(tags.data() + at));
    const uint32_t q = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('q'))));
    const uint32_t close = static_cast<uint32_t>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('Q'))));
    return absl::popcount(q >> skip) - absl::popcount(close >> skip);
  };
  for (; i + 16 <= n; i += 16) open += block(i, 0);
  // (The last tags in the block that ends the string.)
  if (i < n && n >= 16)
    return open + block(n - 16, static_cast<int>(i + 16 - n));
#endif
  for (; i < tags.size(); ++i) {
    open += tags[i] == 'q' ? 1 : (tags[i] == 'Q' ? -1 : 0);
  }
  return open;
}

// The first of the tokens [from, k) that is no adverb (tag 'l') or
// conjunction (tag 'x'), or k: where a sentence's first phrase or clause
// begins ("But then, as X said, ...").
size_t PastAdverbs(const std::string& tags, size_t from, size_t k) {
  while (from < k && (tags[from] == 'l' || tags[from] == 'x')) ++from;
  return from;
}

// Whether the tokens [a, b) other than punctuation are at least one, and
// all pass `word(k)` (a content that is nothing but adverbs, or link words).
template <typename Pred>
bool OnlyWordsWhere(const std::string& tags, size_t a, size_t b, Pred word) {
  bool any = false;
  for (size_t k = a; k < b; ++k) {
    if (IsTrimTag(tags[k])) continue;
    if (!word(k)) return false;
    any = true;
  }
  return any;
}

// A year as the news writes one: four digits from 1800 to 2099 ("proposed
// in 2013", "As early as 2004, X said").
bool IsYear(absl::string_view text, const Token& t) {
  const absl::string_view w = text.substr(t.begin, t.end - t.begin);
  if (w.size() != 4 || !absl::ascii_isdigit(static_cast<unsigned char>(w[2])) ||
      !absl::ascii_isdigit(static_cast<unsigned char>(w[3]))) {
    return false;
  }
  const absl::string_view century = w.substr(0, 2);
  return century == "18" || century == "19" || century == "20";
}

// Ends the content *r before token m of the content's tokens [a, ...),
// without the punctuation before m, when some of the content stays.
void EndBefore(const std::vector<Token>& tokens, const std::string& tags,
               size_t a, size_t m, Range* r) {
  size_t e = m;
  while (e > a && IsTrimTag(tags[e - 1])) --e;
  if (e > a && tokens[e - 1].end > r->begin) {
    r->end = std::min(r->end, tokens[e - 1].end);
  }
}

// "rejected that idea", "disputed that account.": a "that" whose noun (perhaps
// after modifiers) ends the content is a determiner, part of what was said,
// not the complementizer to trim.
// So is a "that" that is all the content ("by the time he said that.",
// "That's according to X") or the subject of a verb right after it ("said
// that was a mistake", "That is the plan, according to X").
bool IsDemonstrativePhrase(const std::string& tags, size_t t, size_t b) {
  if (t + 1 == b || (t + 1 < b && IsOneOf("bv", tags[t + 1]))) return true;
  size_t m = t + 1;
  while (m < b && (tags[m] == 'j' || tags[m] == 'o' || tags[m] == 'n')) ++m;
  return m > t + 1 && (tags[m - 1] == 'o' || tags[m - 1] == 'n') &&
         (m == b || IsTrimTag(tags[m]));
}

// Turns the token range [a, b) of a content group into a span, and reports
// whether it is one whole quotation (then the span is inside the marks) or
// holds quoted material. `time_lead(m)`: whether token m opens a phrase of
// time of two words that the content does not begin with ("this weekend";
// Find's lambda says which).
template <typename TimeLead>
Range ContentSpan(const std::vector<Token>& tokens, const std::string& tags,
                  size_t a, size_t b, bool* direct, bool* mixed,
                  TimeLead time_lead) {
  while (a < b && (IsTrimTag(tags[a]) ||
                   (tags[a] == 't' && !IsDemonstrativePhrase(tags, a, b)))) {
    ++a;
  }
  // "said Tuesday that C", "said on Friday the plan", "said Tuesday
  // morning that C" (the tagger marks a noun of time, function_words.tsv
  // timenoun, in lower case after the day as time too): the time of the
  // saying is no part of what was said (but "said Friday was the
  // deadline" is: a verb follows).
  size_t t = a;
  // ("told voters this weekend C", "wrote this morning that C": the two
  // words of such a phrase, `time_lead`, are the time.)
  bool adverbs = false;  // (the time ends a run of adverbs)
  while (t < b) {
    if (tokens[t].time ||
        (tags[t] == 'r' && t + 1 < b && tokens[t + 1].time)) {
      ++t;
    } else if (t + 2 < b && time_lead(t) && IsOneOf("dpPNRt,0q", tags[t + 2])) {
      t += 2;  // (not before a word that may be a verb: "this year represents")
    } else if (tags[t] == 'l') {
      // "claimed this morning that C", "writes this week, C": adverbs
      // that end in a noun of time (the tagger's phrase of time after a
      // cue) are the time of the saying.
      size_t e = t;
      while (e < b && tags[e] == 'l') ++e;
      // ("said late Tuesday that C", "said early on Friday that C":
      // adverbs before a day, or before a preposition and a day, open it.)
      const bool before_day =
          e < b && (tokens[e].time ||
                    (tags[e] == 'r' && e + 1 < b && tokens[e + 1].time));
      if (!before_day && !tokens[e - 1].time &&
          (tokens[e - 1].info == nullptr ||
           tokens[e - 1].info->word_class != WordClass::kTimeNoun)) {
        break;
      }
      t = e;
      adverbs = true;
    } else {
      break;
    }
  }
  // (Not before a preposition of place or occasion after such adverbs,
  // function_words.tsv venue, with no "that", colon or quotation after it:
  // "said this week on television" tells when and where, and nothing of
  // what was said; "said last week in an interview that C" has C.)
  bool venue_only = false;
  if (adverbs && t < b && tokens[t].info != nullptr &&
      tokens[t].info->word_class == WordClass::kVenuePrep) {
    venue_only = true;
    for (size_t m = t + 1; venue_only && m < b; ++m)
      venue_only = !IsOneOf("t:q~", tags[m]);
  }
  if (t > a && (t == b || !IsOneOf("vbCz_g", tags[t])) && !venue_only) {
    a = t;
    while (a < b && (IsTrimTag(tags[a]) || tags[a] == 't')) ++a;
  }
  // "has said repeatedly that C", "said last week that C": adverbs before
  // "that" are the saying's (not in "Earlier that day, ...": "that" before
  // a noun is a determiner there, unless the noun is the subject of a verb
  // right after it, not a noun of time: "said last week that officials
  // would resign").
  t = a;
  while (t < b && tags[t] == 'l') ++t;
  if (t > a && t + 1 < b && tags[t] == 't') {
    bool opens = tags[t + 1] != 'o' && tags[t + 1] != 'n';
    if (!opens && !(tokens[t + 1].info != nullptr &&
                    tokens[t + 1].info->word_class == WordClass::kTimeNoun)) {
      size_t v = t + 1;
      while (v < b && IsOneOf("jon", tags[v])) ++v;
      opens = v < b && IsOneOf("vbz", tags[v]);
    }
    if (opens) a = t + 1;
  }
  while (b > a && IsTrimTag(tags[b - 1])) --b;
  *direct = false;
  if (a >= b) return Range();
  // (Two byte searches: most contents hold no mark.)
  const bool marks_inside =
      std::memchr(tags.data() + a, 'q', b - a) != nullptr ||
      std::memchr(tags.data() + a, 'Q', b - a) != nullptr;
  if (tags[a] == 'q') {
    bool closed_at_end = tags[b - 1] == 'Q';
    int inner = 0;
    for (size_t k = a + 1; k + (closed_at_end ? 1 : 0) < b; ++k) {
      inner += tags[k] == 'q' || tags[k] == 'Q';
    }
    if (inner == 0 && b - a >= 2) {
      *direct = true;
      *mixed = false;
      uint32_t end = closed_at_end ? tokens[b - 1].begin : tokens[b - 1].end;
      return Range{tokens[a].end, end};
    }
  }
  *mixed = marks_inside;
  return TokenSpan(tokens, a, b);
}

// "denied that was the case": "that" right after the cue is no
// complementizer when an auxiliary or copula follows it at once (the subject
// pronoun; not "being"): it is part of what was said. Token t is the "that";
// [t + 1, b) the rest of the content. ("said that police arrived" has a noun
// after it, "said that there was" an adverb. The determiner of "rejected that
// idea" is IsDemonstrativePhrase()'s.)
bool ThatOpensContent(absl::string_view text, const std::vector<Token>& tokens,
                      const std::string& tags, size_t t, size_t b) {
  while (b > t + 1 && IsTrimTag(tags[b - 1])) --b;
  const size_t n = t + 1;
  if (n >= b || (tags[n] != 'v' && tags[n] != 'b')) return false;
  // ("said that being late was wrong": a gerund's clause.)
  return !absl::EndsWith(
      text.substr(tokens[n].begin, tokens[n].end - tokens[n].begin), "ing");
}

// Where the preposition (class prep, agent or venue_place) right before a
// cue in -ing begins, after `begin`; or 0 when there is none ("by
// suggesting", "for acknowledging").
size_t PrepositionBeforeParticiple(const Lexicon& lex, absl::string_view text,
                                   uint32_t begin, const Range& cue) {
  size_t e = cue.begin;
  while (e < cue.end && absl::ascii_isalpha(static_cast<unsigned char>(text[e]))) ++e;
  if (e - cue.begin < 5 || text.substr(e - 3, 3) != "ing") return 0;
  size_t w = cue.begin;
  while (w > begin && text[w - 1] == ' ') --w;
  size_t s = w;
  while (s > begin && absl::ascii_isalpha(static_cast<unsigned char>(text[s - 1]))) --s;
  if (s == w || w - s > 8 || s <= begin) return 0;
  const WordInfo* info = lex.Word(absl::AsciiStrToLower(text.substr(s, w - s)));
  if (info == nullptr || (info->word_class != WordClass::kPrep &&
                          info->word_class != WordClass::kAgent &&
                          info->word_class != WordClass::kVenuePrep)) {
    return 0;
  }
  return s;
}

// Whether the text [begin, s) is a clause: it holds an auxiliary, copula,
// modal or verb form the lexicons know ("they should respond by C", "she
// had been pilloried for C"), not only the object of an act ("attacked
// Fiorina by reminding voters C").
bool HoldsVerb(const Lexicon& lex, absl::string_view text, size_t begin, size_t s) {
  for (size_t k = begin; k < s;) {
    while (k < s && !absl::ascii_isalpha(static_cast<unsigned char>(text[k]))) ++k;
    size_t j = k;
    while (j < s && absl::ascii_isalpha(static_cast<unsigned char>(text[j]))) ++j;
    if (j > k && j - k <= 10) {
      const WordInfo* v = lex.Word(absl::AsciiStrToLower(text.substr(k, j - k)));
      if (v != nullptr &&
          (v->word_class == WordClass::kAux || v->word_class == WordClass::kCop ||
           v->word_class == WordClass::kModal || v->word_class == WordClass::kVerb)) {
        return true;
      }
    }
    k = j;
  }
  return false;
}

// The first word of `r`, lower-cased.
std::string FirstWordLower(absl::string_view text, const Range& r) {
  size_t e = r.begin;
  while (e < r.end && (absl::ascii_isalpha(static_cast<unsigned char>(text[e])) || text[e] == '\'')) ++e;
  return absl::AsciiStrToLower(text.substr(r.begin, e - r.begin));
}

// Whether a word of list inf_to ("to"; function_words.tsv) stands between
// spaces in `lead` with no comma or semicolon after it: an infinitive of the
// reported clause is still open ("says it is working to cut delays and").
bool OpenInfinitive(const Lexicon& lex, absl::string_view lead) {
  size_t e = lead.size();
  while (e > 0) {
    const char c = lead[e - 1];
    if (c == ',' || c == ';') return false;
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      --e;
      continue;
    }
    size_t b = e;
    while (b > 0 && absl::ascii_isalpha(static_cast<unsigned char>(lead[b - 1]))) --b;
    if (b > 0 && lead[b - 1] == ' ' && e < lead.size() && lead[e] == ' ' &&
        lex.InList(lead.substr(b, e - b), WordList::kInfinitiveTo)) {
      return true;
    }
    e = b;
  }
  return false;
}

// Whether `lead`, the words of an outer content before an inner cue, holds
// no comma, semicolon, colon, parenthesis or dash (a hyphen between spaces,
// an en or em dash): nothing sets the inner clause off from the words before
// it, so it belongs to what the outer speaker said.
bool UnbrokenLead(absl::string_view lead) {
  return lead.find_first_of(",;:()") == absl::string_view::npos &&
         !absl::StrContains(lead, " - ") &&
         !absl::StrContains(lead, "\xE2\x80\x94") &&  // em dash
         !absl::StrContains(lead, "\xE2\x80\x93");    // en dash
}

// Whether `inner`, a cue inside the content of `outer`, is a bare form (its
// first word is its lemma's: "push for", "tell") right after a conjunction
// (class conj), and `outer`'s cue a past form (neither its lemma's word nor
// one in -s or -ing: "said", "told"); under any other cue, a bare form
// after an infinitive of the reported clause with no comma or semicolon
// between ("says it is working to cut delays and warn C").
bool BareCoordinatedUnderPast(const Lexicon& lex, absl::string_view text, const Finding& outer,
                              const Finding& inner) {
  if (inner.direct || inner.cue_index < 0 || outer.cue_index < 0) return false;
  const std::string iw = FirstWordLower(text, inner.cue);
  const std::string ow = FirstWordLower(text, outer.cue);
  const absl::string_view il = lex.cues()[inner.cue_index].lemma;
  const absl::string_view ol = lex.cues()[outer.cue_index].lemma;
  const absl::string_view il1 = il.substr(0, il.find(' '));
  const absl::string_view ol1 = ol.substr(0, ol.find(' '));
  if (iw != il1) return false;  // not a bare form
  if (ow == ol1 || absl::EndsWith(ow, "s") || absl::EndsWith(ow, "ing")) {
    // Under any cue, a bare verb after an infinitive of the reported
    // clause goes on with it ("say they want to cut taxes and raise C").
    if (outer.content.empty() || outer.content.front().begin > inner.cue.begin) return false;
    const absl::string_view lead = text.substr(outer.content.front().begin,
                                               inner.cue.begin - outer.content.front().begin);
    if (!OpenInfinitive(lex, lead)) return false;
  }
  // A conjunction right before the inner cue.
  size_t w = inner.cue.begin;
  while (w > 0 && text[w - 1] == ' ') --w;
  size_t b = w;
  while (b > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b == w) return false;
  const WordInfo* c = lex.Word(absl::AsciiStrToLower(text.substr(b, w - b)));
  return c != nullptr && c->word_class == WordClass::kConj;
}

// Whether `outer` is `inner` or `inner` with the quote marks (and spaces)
// around it: '"Q,"' and 'Q,' are the same words. The marks are the layout's,
// so every quotation style it knows counts («Q», „Q“, ''Q'').
bool SameButQuoteMarks(absl::string_view text, const TextLayout& layout,
                       const Range& inner, const Range& outer) {
  if (outer.begin > inner.begin || inner.end > outer.end) return false;
  const std::vector<Quote>& quotes = layout.quotes;
  // The first quotation whose closing mark ends after `pos`.
  const auto quote_from = [&quotes](uint32_t pos) {
    return std::lower_bound(
        quotes.begin(), quotes.end(), pos,
        [](const Quote& q, uint32_t p) { return q.close_end <= p; });
  };
  uint32_t b = outer.begin;
  while (b < inner.begin) {
    if (text[b] == ' ') {
      ++b;
      continue;
    }
    const auto q = quote_from(b);
    if (q != quotes.end() && q->open == b && q->begin > b) {
      b = q->begin;  // an opening mark
    } else if (q != quotes.end() && q->closed && q->end == b) {
      b = q->close_end;  // a closing mark
    } else {
      break;
    }
  }
  uint32_t e = outer.end;
  while (e > inner.end) {
    if (text[e - 1] == ' ') {
      --e;
      continue;
    }
    const auto q = quote_from(e - 1);
    if (q != quotes.end() && q->closed && q->close_end == e) {
      e = q->end;  // a closing mark
    } else if (q != quotes.end() && q->begin == e && q->open < e) {
      e = q->open;  // an opening mark
    } else {
      break;
    }
  }
  return b == inner.begin && e == inner.end;
}

// Whether the quoted claim `prev`, which opens its paragraph, is a turn of a
// dialogue, so that a bare quotation after it is the answer: the paragraph
// before it opens with a quotation too ('"Is it far?" asked Lucy.' then
// '"Two miles," said Tom.'), or its quotation asks, exclaims or calls
// someone ('"You are tired, uncle," said Mary.').
bool InDialogue(absl::string_view text, const std::vector<int>& para_quote,
                const Finding& prev) {
  if (prev.paragraph > 0 && para_quote[prev.paragraph - 1] >= 0) return true;
  const Range& last = prev.content.back();
  uint32_t e = last.end;
  while (e > last.begin && (text[e - 1] == ',' || text[e - 1] == '.' || text[e - 1] == ' ' ||
                            text[e - 1] == '"' || text[e - 1] == '\'')) {
    --e;
  }
  if (e > last.begin && (text[e - 1] == '?' || text[e - 1] == '!')) return true;
  // A vocative: the quotation ends in ", <one word>".
  uint32_t w = e;
  while (w > last.begin && absl::ascii_isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
  return w < e && w >= last.begin + 2 && text[w - 1] == ' ' && text[w - 2] == ',';
}

// A quotation attributed in its last paragraph ("...," she said.) began in
// earlier ones: put those paragraphs first.
void AddQuoteBeginnings(const TextLayout& layout, Finding* f) {
  auto it = QuoteAt(layout, f->content.front().begin);
  if (it == layout.quotes.end()) return;
  std::vector<Range> earlier;
  while (it != layout.quotes.begin()) {
    auto prev = it - 1;
    if (!prev->continues || prev->paragraph + 1 != it->paragraph) break;
    earlier.push_back(Range{prev->begin, prev->end});
    it = prev;
  }
  if (earlier.empty()) return;
  std::reverse(earlier.begin(), earlier.end());
  f->content.insert(f->content.begin(), earlier.begin(), earlier.end());
}

// Whether the word of token t, in any case, is in `list` of
// function_words.tsv.
ABSL_ATTRIBUTE_NOINLINE bool InList(const Lexicon& lex, absl::string_view text,
                                    const Token& t, WordList list) {
  return lex.InListAnyCase(text.substr(t.begin, t.end - t.begin), list);
}

// Whether token t is written in lower case and is in `list` of
// function_words.tsv ("as" of list comparison, not a headline's "As").
bool LowerWordIn(const Lexicon& lex, absl::string_view text, const Token& t,
                 WordList list) {
  return !t.cap && InList(lex, text, t, list);
}

// Whether token t is a lower-case word of five letters or more in -ed, the
// shape of a past tense or participle ("outvoted", "walked"; not "bed",
// "Ted").
bool LowerEdWord(absl::string_view text, const Token& t) {
  return !t.cap && t.end - t.begin >= 5 && text.substr(t.end - 2, 2) == "ed";
}

// The same in -ing, the shape of a participle or gerund ("adding",
// "praising"; not "King", "sing").
bool LowerIngWord(absl::string_view text, const Token& t) {
  return !t.cap && t.end - t.begin >= 5 && text.substr(t.end - 3, 3) == "ing";
}

// "suggested to me that C", "explained to them that C": an object pronoun
// (function_words.tsv list objpron) after "to" and then "that" name the one
// spoken to; the cue is no verb before an infinitive ("continue to support").
bool ObjectPronounThat(const Lexicon& lex, absl::string_view text,
                       const std::vector<Token>& tokens, const std::string& tags, size_t k) {
  if (k + 1 >= tokens.size() || tags[k + 1] != 't') return false;
  return InList(lex, text, tokens[k], WordList::kObjectPronoun);
}

// '"Close the hatch!" he shouted to me.', '"It must be!" he muttered to
// himself,': an object pronoun (list objpron) after "to" that ends the
// clause of a speech tag (a stop, a comma, a colon, a dash or a quotation
// mark follows, and a quotation stands before the cue or right after) is
// the one spoken to, not the verb of an infinitive ("wanted to leave.").
bool ObjectPronounEndsTag(const Lexicon& lex, absl::string_view text,
                          const std::vector<Token>& tokens, const std::string& tags,
                          size_t k) {
  if (k >= tokens.size() || !InList(lex, text, tokens[k], WordList::kObjectPronoun)) {
    return false;
  }
  if (k + 1 < tokens.size() && !IsOneOf(".,;:~qQ", tags[k + 1])) return false;
  // (A speech tag: a quotation closes before the cue, or opens after the
  // pronoun; not "gave answers to them.")
  const size_t next = k + 1 < tokens.size() && IsOneOf(",:", tags[k + 1]) ? k + 2 : k + 1;
  return tags.rfind('Q', k) != std::string::npos ||
         (next < tokens.size() && tags[next] == 'q');
}

// Whether `w` is a verb that makes its object speak (function_words.tsv
// classes causative and causative_verb: "prompted", "led").
bool IsCausative(const WordInfo* w) {
  return w != nullptr && (w->word_class == WordClass::kCausative ||
                          w->word_class == WordClass::kCausativeVerb);
}

// Whether the tokens [a, b), commas and dashes aside, are words of time
// ("Thursday").
bool AllTime(const std::vector<Token>& tokens, size_t a, size_t b) {
  bool any = false;
  for (size_t k = a; k < b; ++k) {
    if (tokens[k].tag == ',' || tokens[k].tag == '-') continue;
    if (!tokens[k].time) return false;
    any = true;
  }
  return any;
}

// "The governor added:", "Fox News reports:": a cue and a colon that close
// their paragraph introduce the next paragraph, which is what was said: a
// direct claim when that paragraph is one quotation (the words inside its
// marks), else an indirect one. `u` is the unit of the colon; an empty range
// when it is not the last unit of its paragraph or no paragraph follows.
Range ParagraphAfterColon(const TextLayout& layout, const std::vector<Unit>& units,
                          size_t u, bool* direct) {
  *direct = false;
  if (u + 1 < units.size() && units[u + 1].paragraph == units[u].paragraph) return Range{};
  const size_t next = static_cast<size_t>(units[u].paragraph) + 1;
  if (next >= layout.paragraphs.size()) return Range{};
  const Range para = layout.paragraphs[next];
  auto q = std::lower_bound(layout.quotes.begin(), layout.quotes.end(), para.begin,
                            [](const Quote& x, uint32_t off) { return x.open < off; });
  // (A stop after the closing mark may end the paragraph: '"Q".')
  if (q != layout.quotes.end() && q->open == para.begin && q->closed &&
      para.end <= q->close_end + 1 && q->end > q->begin) {
    *direct = true;
    return Range{q->begin, q->end};
  }
  return para;
}

// "Burton explained from a podium.", "she said on Monday": a content that is
// one prepositional phrase says nothing. (Directives and labels take
// objects: "called on X to ...".) "to" before a lower-case word that is not
// a determiner or a noun head marks an infinitive, not a phrase: "X has
// pledged to cut taxes" says what X means to do.
bool IsBarePhrase(absl::string_view text, const std::vector<Token>& tokens,
                  const std::string& tags, size_t a, size_t b, CueClass c) {
  if (c != CueClass::kSay && c != CueClass::kTell && c != CueClass::kBelief &&
      c != CueClass::kSeem) {
    return false;
  }
  while (a < b && IsTrimTag(tags[a])) ++a;
  while (b > a && IsTrimTag(tags[b - 1])) --b;
  if (a >= b || tags[a] != 'r' || b - a > 6) return false;
  if (a + 1 < b && (tags[a + 1] == 'o' || tags[a + 1] == 'l') &&
      absl::EqualsIgnoreCase(text.substr(tokens[a].begin, tokens[a].end - tokens[a].begin),
                             "to")) {
    return false;
  }
  // (After "that", a determiner or possessive after a noun or number opens
  // the clause's subject, no object of the preposition: "said that in 2009
  // the town voted".)
  const bool after_that = a > 0 && tags[a - 1] == 't';
  for (size_t k = a + 1; k < b; ++k) {
    if (!IsOneOf("dpjNRno0gl", tags[k])) return false;
    if (after_that && IsOneOf("dp", tags[k]) && !IsOneOf("rl", tags[k - 1])) return false;
  }
  return true;
}

// "On Tuesday, at the camp on the island of Lesbos, X pleaded for C", "In
// his memoir, \"A Time for Truth,\" published in 2015, X described C":
// phrases that open the sentence before the speaker, prepositions and their
// noun phrases with no verb the tagger knows, tell where or when; they are no
// content of the cue after the speaker, however long. (Not an infinitive,
// "To win the state, candidates need C, analysts say", nor a number, "About
// 9 million voters live in C, according to X": a clause whose verb the
// tagger does not know; nor what a source such as "according to" covers.)
bool IsFrontedPhrases(const std::string& tags, size_t a, size_t b, CueClass c) {
  if (c != CueClass::kSay && c != CueClass::kTell && c != CueClass::kBelief &&
      c != CueClass::kSeem && c != CueClass::kDirective) {
    return false;
  }
  while (a < b && IsTrimTag(tags[a])) ++a;
  while (b > a && IsTrimTag(tags[b - 1])) --b;
  if (a + 1 >= b || tags[a] != 'r' || !IsOneOf("dpjNRn", tags[a + 1]) ||
      b - a > 24) {
    return false;
  }
  // Each determiner or possessive opens the object of a preposition (or a
  // title in quotation marks): one after a noun opens a clause's object
  // ("In May the ferry company raised its fares, the mayor said").
  for (size_t k = a + 1; k < b; ++k) {
    if (!IsOneOf("dpjNRno0glr,qQ-", tags[k])) return false;
    if ((tags[k] == 'd' || tags[k] == 'p') && !IsOneOf("r,q", tags[k - 1])) {
      return false;
    }
  }
  return true;
}

// "After the vote, Sen. Ann Roe, D-Ohio, said C", "Amid the hills, Ned
// Hale, a grower, said C": a phrase that opens the sentence with a
// preposition or a subordinator of time (function_words.tsv prep, venue,
// adjunct, agent, timesub) names no subject. A speaker a rule took inside
// it, right before a name set off by a comma before the cue, is that
// name's (the rule read the name as an aside of the phrase's noun): the
// span of the name, else an empty range. A possessive may open the name
// ("In opposing the request, her lawyer, Dan Kopp, wrote C"). Not after
// "when", "as" or "while", whose noun may be the subject with its own
// apposition ("When the moderator, Ann Roe, asked C").
Range NameAfterFrontedPhrase(const Lexicon& lex, absl::string_view text,
                             Range sentence, const Finding& f) {
  if (f.speaker.end <= f.speaker.begin || f.cue.begin < f.speaker.end)
    return Range{};
  // (The cheap tests first: most speakers have no name set off after them.)
  uint32_t a = f.speaker.end;
  if (a + 2 >= f.cue.begin || text[a] != ',' || text[a + 1] != ' ')
    return Range{};
  a += 2;
  const size_t comma = text.substr(a, f.cue.begin - a).find(',');
  if (comma == absl::string_view::npos) return Range{};
  const absl::string_view aside = text.substr(a, comma);
  const auto alpha = [&text](uint32_t k) {
    return absl::ascii_isalpha(static_cast<unsigned char>(text[k]));
  };
  // (The sentence's first word, after an opening mark: not "1 of 2 This
  // page shows ... after the paper in Lumberton, N.C., announced C".)
  uint32_t w = sentence.begin;
  while (w < f.speaker.begin && (text[w] == ' ' || text[w] == '"' ||
                                 static_cast<unsigned char>(text[w]) >= 0x80)) {
    ++w;
  }
  uint32_t e = w;
  while (e < f.speaker.begin && alpha(e)) ++e;
  if (e == w || e - w > 12 || e >= f.speaker.begin) return Range{};
  if (text.substr(w, f.speaker.begin - w).find_first_of(",;:\"") !=
      absl::string_view::npos) {
    return Range{};
  }
  switch (lex.FunctionWord(absl::AsciiStrToLower(text.substr(w, e - w)))) {
    case WordClass::kPrep:
    case WordClass::kVenuePrep:
    case WordClass::kAdjunctPrep:
    case WordClass::kAgent:
    case WordClass::kTimeSub:
      break;
    default:
      return Range{};
  }
  size_t k = 0;
  while (k < aside.size() &&
         absl::ascii_isalpha(static_cast<unsigned char>(aside[k])))
    ++k;
  if (k == 0) return Range{};
  if (!absl::ascii_isupper(static_cast<unsigned char>(aside[0])) &&
      lex.Possessive(absl::AsciiStrToLower(aside.substr(0, k))) == nullptr) {
    return Range{};
  }
  // A name or title of a few words, with a word of letters: not a party
  // and state ("X, R-Minn., announced") nor a clause ("After his defeat,
  // Anderson became a visiting professor at two universities, wrote C").
  const std::vector<absl::string_view> words =
      absl::StrSplit(aside, ' ', absl::SkipEmpty());
  bool letters = false;
  for (absl::string_view x : words) {
    letters |= x.size() >= 3 && std::all_of(x.begin(), x.end(), [](char c) {
                 return absl::ascii_isalpha(static_cast<unsigned char>(c));
               });
  }
  if (!letters || words.size() > 7) return Range{};
  return Range{a, static_cast<uint32_t>(a + comma)};
}

void AddQuoteContinuations(const TextLayout& layout, Finding* f) {
  // A quote that runs on into following paragraphs: add each as a part.
  auto it = QuoteAt(layout, f->content.back().begin);
  if (it == layout.quotes.end()) return;
  while (it->continues) {
    auto next = it + 1;
    if (next == layout.quotes.end() || next->paragraph != it->paragraph + 1) break;
    f->content.push_back(Range{next->begin, next->end});
    it = next;
  }
}

// The findings of `out[i]`'s unit, as indices [first, last). Find's unit
// loop appends in unit order, so until a later pass adds findings of no unit
// they lie in one run around `i`; the passes that pair a finding with
// others of its sentence read that run, not the whole document (which was
// quadratic in the findings of a long one-paragraph text: 2 MB took 2.7 s).
std::pair<size_t, size_t> UnitRun(const std::vector<Finding>& out, size_t i) {
  size_t first = i, last = i + 1;
  while (first > 0 && out[first - 1].unit == out[i].unit) --first;
  while (last < out.size() && out[last].unit == out[i].unit) ++last;
  return {first, last};
}

}  // namespace

size_t CueGroupEnd(absl::string_view p) {
  static constexpr absl::string_view kCue = "(?P<cue>";
  int depth = 0;
  size_t cue_open = absl::string_view::npos, cue_end = absl::string_view::npos;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      // A class: a "]" right after "[" or "[^" is a member, not its end.
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
      i = j;
    } else if (c == '|' && depth == 0) {
      return absl::string_view::npos;
    } else if (c == '(') {
      // A flag group ("(?i)", "(?U:...)") may reach across the cut: the
      // halves would not be read as the whole is.
      if (i + 2 < p.size() && p[i + 1] == '?' && p[i + 2] != 'P' && p[i + 2] != ':') {
        return absl::string_view::npos;
      }
      if (depth == 0 && cue_open == absl::string_view::npos &&
          absl::StartsWith(p.substr(i), kCue)) {
        // The group must take the cue's own mark first, once: then it
        // starts where Find marked the cue, and nowhere else.
        const size_t body = i + kCue.size();
        const size_t mark = CueMarkAtom(p.substr(body));
        if (mark == 0 || body + mark >= p.size() ||
            IsOneOf("?*+{", p[body + mark])) {
          return absl::string_view::npos;
        }
        cue_open = i;
      }
      ++depth;
    } else if (c == ')') {
      if (--depth == 0 && cue_open != absl::string_view::npos &&
          cue_end == absl::string_view::npos) {
        cue_end = i + 1;
      }
    }
  }
  // Nothing to cut off when the cue ends the pattern, nor when a quantifier
  // applies to the cue group.
  if (cue_end >= p.size() || IsOneOf("?*+{", p[cue_end])) {
    return absl::string_view::npos;
  }
  return cue_end;
}

namespace {

// Compiles the content_stances.tsv lines whose `flag` is set, as one
// case-insensitive alternation (a plain RE2 scan costs far less per finding
// than a set's) into *out, or leaves *out null when there are none. Errors
// name the file and line; `kind` names the lines ("none").
absl::Status CompileContentStanceLines(const Lexicon& lexicon,
                                       absl::string_view kind,
                                       bool ContentStance::*flag,
                                       std::unique_ptr<RE2>* out) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  std::string alternation;
  for (const ContentStance& cs : lexicon.content_stances()) {
    if (!(cs.*flag)) continue;
    RE2 one(cs.pattern, options);
    if (!one.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "content_stances.tsv:", cs.line, ": bad pattern: ", one.error()));
    }
    absl::StrAppend(&alternation, alternation.empty() ? "" : "|", "(?:",
                    cs.pattern, ")");
  }
  out->reset();
  if (alternation.empty()) return absl::OkStatus();
  *out = std::make_unique<RE2>(alternation, options);
  if (!(*out)->ok()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "content_stances.tsv: '", kind, "' patterns: ", (*out)->error()));
  }
  return absl::OkStatus();
}

// Strings one of which a text must hold for a content_stances.tsv line with
// `flag` to match it, or none when some line can match without any. A scan
// of every sentence with a claim for the "noevidence" lines would cost about
// 3% of the run; the substring tests cost little.
//
// re2::FilteredRE2 names the words ("atoms", lower-cased) a pattern needs, as
// a monotone and/or of them. For each line the longest atom it cannot match
// without is taken ("evidence" for "without (?:offering )?evidence"); a line
// that needs none alone contributes all the atoms. A sentence may spell the
// atom capitalised or in capitals, so the key is the atom without its first
// letter, in lower and in upper case.
std::vector<std::string> RequiredKeys(const Lexicon& lexicon,
                                      bool ContentStance::*flag) {
  re2::FilteredRE2 filter(/*min_atom_len=*/4);
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (const ContentStance& cs : lexicon.content_stances()) {
    int id;
    if (cs.*flag) filter.Add(cs.pattern, options, &id);
  }
  if (filter.NumRegexps() == 0) return {};
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::vector<int> passing;
  filter.AllPotentials({}, &passing);
  if (!passing.empty() || atoms.empty()) return {};  // a line needs no atom
  // without[i]: the lines that can still match when atom i alone is absent.
  std::vector<std::vector<int>> without(atoms.size());
  std::vector<int> present;
  for (size_t i = 0; i < atoms.size(); ++i) {
    present.clear();
    for (size_t j = 0; j < atoms.size(); ++j) {
      if (j != i) present.push_back(static_cast<int>(j));
    }
    filter.AllPotentials(present, &without[i]);
  }
  std::set<std::string> needed;
  for (int line = 0; line < filter.NumRegexps(); ++line) {
    int best = -1;
    for (size_t i = 0; i < atoms.size(); ++i) {
      const bool required = std::find(without[i].begin(), without[i].end(),
                                      line) == without[i].end();
      if (required &&
          (best < 0 || atoms[i].size() > atoms[best].size())) {
        best = static_cast<int>(i);
      }
    }
    if (best >= 0) {
      needed.insert(atoms[best]);
    } else {
      needed.insert(atoms.begin(), atoms.end());
    }
  }
  std::vector<std::string> keys;
  for (const std::string& atom : needed) {
    keys.push_back(atom.substr(1));
    keys.push_back(absl::AsciiStrToUpper(atom.substr(1)));
  }
  return keys;
}

// A set of bytes of TagPattern (below 128, never the newline) as a set of
// the bytes RE2 may match there. Its sets hold byte 127 only from a
// negated class or ".", which in RE2 also take every byte from 128 on (as
// parts of UTF-8 sequences), and a negated class the newline.
std::bitset<256> AllBytes(const std::bitset<128>& bytes) {
  std::bitset<256> all;
  for (int b = 0; b < 128; ++b) all[b] = bytes[b];
  if (bytes[127]) {
    all.set('\n');
    for (int b = 128; b < 256; ++b) all[b] = true;
  }
  return all;
}

// PatternNeeds of TagPattern::NeededSets().
PatternNeeds NeedsOf(const std::vector<std::bitset<128>>& sets) {
  PatternNeeds needs;
  int any = 0;
  for (const std::bitset<128>& set : sets) {
    if (set.count() == 1) {
      needs.all |= set;
    } else if (any < PatternNeeds::kAnyOf) {
      needs.any_of[any++] = set;  // (sets come smallest first)
    }
  }
  return needs;
}

}  // namespace

bool FirstBytes(absl::string_view pattern, std::bitset<256>* first) {
  const std::unique_ptr<TagPattern> parsed = TagPattern::Parse(pattern);
  std::bitset<128> bytes;
  if (parsed == nullptr || !parsed->EdgeBytes(/*last=*/false, &bytes)) {
    return false;
  }
  *first = AllBytes(bytes);
  return true;
}

bool LastBytes(absl::string_view pattern, std::bitset<256>* last) {
  const std::unique_ptr<TagPattern> parsed = TagPattern::Parse(pattern);
  std::bitset<128> bytes;
  if (parsed == nullptr || !parsed->EdgeBytes(/*last=*/true, &bytes)) {
    return false;
  }
  *last = AllBytes(bytes);
  return true;
}

bool ReadPatternNeeds(absl::string_view pattern, PatternNeeds* needs) {
  int groups;
  std::map<std::string, int> names;
  std::unique_ptr<TagPattern> parsed;
  if (!ReadTagPattern(pattern, &groups, &names, &parsed)) return false;
  *needs = NeedsOf(parsed->NeededSets());
  return true;
}

namespace {

// Whether every match of the RE2 `pattern` starts at the beginning of the
// text: the pattern begins with ^ and has no | outside parentheses (which
// would let an alternative match anywhere). False when unsure.
bool AnchoredAtStart(absl::string_view pattern) {
  if (pattern.empty() || pattern[0] != '^') return false;
  int depth = 0;
  for (size_t i = 1; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character
    } else if (c == '[') {
      // A class: up to its ], which may stand first ("[]a]", "[^]a]").
      ++i;
      if (i < pattern.size() && pattern[i] == '^') ++i;
      if (i < pattern.size() && pattern[i] == ']') ++i;
      while (i < pattern.size() && pattern[i] != ']') {
        if (pattern[i] == '\\') ++i;
        ++i;
      }
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      return false;
    }
  }
  return true;
}

// Whether RE2 bounds the first byte of a match of `pattern` compiled with
// `options`, between *lo and *hi: every match s from the start of a text
// has min <= s <= max, the bounds RE2::PossibleMatchRange() gives, so its
// first byte lies between theirs. (An empty min or max bounds nothing; a
// pattern that matches the empty string has an empty min.) Only for a
// pattern anchored at the start: others match further on.
bool FirstByteRange(absl::string_view pattern, const RE2::Options& options,
                    int* lo, int* hi) {
  if (!AnchoredAtStart(pattern)) return false;
  const RE2 re(re2::StringPiece(pattern.data(), pattern.size()), options);
  std::string min, max;
  if (!re.ok() || !re.PossibleMatchRange(&min, &max, 8) || min.empty() ||
      max.empty()) {
    return false;
  }
  *lo = static_cast<unsigned char>(min[0]);
  *hi = static_cast<unsigned char>(max[0]);
  return true;
}

// `pattern` without its word boundaries (\b, \B), or "" when it quotes
// text (\Q...\E, where "\b" is no boundary). The pattern left matches
// every text the whole one does. (RE2 allows no \b in a class.)
std::string WithoutWordBoundaries(absl::string_view pattern) {
  if (absl::StrContains(pattern, "\\Q")) return "";
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      if (pattern[i + 1] != 'b' && pattern[i + 1] != 'B') {
        out.append(pattern.data() + i, 2);
      }
      ++i;
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}

// The bytes a match of the content_stances.tsv pattern `pattern` (matched
// case-insensitively) may begin with; every byte when RE2 cannot tell.
// The bounds of the pattern let every letter between the cases through
// ("^not": N .. n, every capital and a .. n). So the bounds are also asked
// of the pattern as written, case-sensitively ("^not": n .. n), and each
// letter between them adds its case variants as RE2 folds them (the other
// ASCII case, and the first byte of U+017F, long s, for s and of U+212A,
// the Kelvin sign, for k): only the bytes both let through are kept, {n,
// N}. (The case variants alone would add a .. z for "(?-i:[A-Z])".) A
// folded letter may differ from the written one in being a word character
// or not, so the second pattern has no word boundaries; and a bound past
// ASCII keeps the first bounds: a non-ASCII letter may fold to an ASCII one.
std::bitset<256> NoClaimFirstBytes(absl::string_view pattern) {
  std::bitset<256> first;
  first.set();
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  int lo, hi;
  if (!FirstByteRange(pattern, options, &lo, &hi)) return first;
  for (int b = 0; b < 256; ++b) first[b] = b >= lo && b <= hi;
  options.set_case_sensitive(true);
  const std::string unbounded = WithoutWordBoundaries(pattern);
  if (unbounded.empty() || !FirstByteRange(unbounded, options, &lo, &hi) ||
      hi >= 0x80) {
    return first;
  }
  std::bitset<256> written;
  for (int b = lo; b <= hi; ++b) {
    written.set(b);
    if (!absl::ascii_isalpha(static_cast<unsigned char>(b))) continue;
    written.set(b ^ 0x20);
    if ((b | 0x20) == 's') written.set(0xC5);
    if ((b | 0x20) == 'k') written.set(0xE2);
  }
  return first & written;
}

}  // namespace

Attributor::Attributor(const Lexicon* lexicon)
    : lex_(lexicon), tagger_(lexicon) {}
Attributor::~Attributor() = default;

absl::StatusOr<std::unique_ptr<Attributor>> Attributor::Create(
    const Lexicon* lexicon) {
  std::unique_ptr<Attributor> a(new Attributor(lexicon));
  const auto& specs = lexicon->rules();
  for (size_t i = 0; i < specs.size(); ++i) {
    const RuleSpec& spec = specs[i];
    auto rule = std::make_unique<CompiledRule>();
    rule->spec = &spec;
    rule->index = static_cast<int>(i);
    rule->inverted = spec.name == "content_cue_speaker" || spec.name == "content_cue_speaker_content";
    rule->adjunct_only = spec.name == "participle_belief";
    // Cut in halves where the pattern can be (CueGroupEnd): they number
    // their groups as the whole does, left then right, and need distinct
    // names (the whole would refuse the same name twice). Otherwise, or if
    // a half does not compile, the whole pattern is compiled now: it
    // reports what is wrong with it.
    std::map<std::string, int> names;
    if (size_t cut = CueGroupEnd(spec.pattern); cut != std::string::npos) {
      const int l = a->Half(spec.pattern.substr(0, cut), /*left=*/true);
      const int r = a->Half(spec.pattern.substr(cut), /*left=*/false);
      if (l >= 0 && r >= 0) {
        const RulePattern& left = *a->halves_[l];
        const RulePattern& right = *a->halves_[r];
        names = left.names;
        bool distinct = true;
        for (const auto& [name, g] : right.names) {
          distinct &= names.emplace(name, left.groups + g).second;
        }
        if (distinct) {
          rule->left_half = l;
          rule->right_half = r;
          rule->left = &left;
          rule->right = &right;
          rule->groups = left.groups + right.groups;
          rule->left_reach = CueGroupReach(left.pattern);
        }
      }
    }
    if (rule->left == nullptr) {
      rule->re = std::make_unique<RE2>(spec.pattern, RuleOptions());
      if (!rule->re->ok()) {
        return absl::InvalidArgumentError(
            absl::StrCat("rules.tsv:", spec.line, ": rule '", spec.name,
                         "': ", rule->re->error()));
      }
      names = rule->re->NamedCapturingGroups();
      rule->groups = rule->re->NumberOfCapturingGroups();
    }
    auto group = [&](const char* name) {
      auto it = names.find(name);
      return it == names.end() ? 0 : it->second;
    };
    rule->cue = group("cue");
    rule->speaker = group("speaker");
    rule->content = group("content");
    rule->content2 = group("content2");
    rule->addressee = group("addressee");
    rule->nospeaker = group("nospeaker");
    rule->document = group("document");
    rule->agent = group("agent");
    rule->notagent = group("notagent");
    rule->notplace = group("notplace");
    if (const int g = group("notroute"); g != 0) {
      rule->notplace = g;
      rule->notplace_route = true;
    }
    rule->notinf = group("notinf");
    rule->inf = group("inf");
    rule->place = group("place");
    rule->causer = group("causer");
    rule->when = group("when");
    rule->forsubj = group("forsubj");
    rule->indef = group("indef");
    rule->labelprep = group("labelprep");
    rule->outlet = group("outlet");
    rule->attributive = absl::StartsWith(spec.name, "attributive_");
    rule->thing = absl::StartsWith(spec.name, "np_thing_participle");
    rule->colon = absl::StartsWith(spec.name, "colon_");
    if (absl::StartsWith(spec.name, "subject")) {
      if (rule->speaker == 0) {
        return absl::InvalidArgumentError(absl::StrCat(
            "rules.tsv: rule '", spec.name, "' needs a speaker group"));
      }
      if (rule->re == nullptr) {
        rule->re = std::make_unique<RE2>(spec.pattern, RuleOptions());
      }
      SubjectRule subject;
      subject.re = std::move(rule->re);
      if (const std::unique_ptr<TagPattern> parsed =
              TagPattern::Parse(spec.pattern);
          parsed != nullptr) {
        subject.dfa = TagDfa::Compile(*parsed, TagDfa::kUnanchored);
        if (subject.dfa != nullptr) {
          subject.groups = TagSubmatcher::Compile(*parsed);
        }
      }
      subject.speaker = rule->speaker;
      subject.and_clause = spec.name == "subject_and_clause";
      a->subjects_.push_back(std::move(subject));
      continue;
    }
    if (rule->cue == 0 || rule->content == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "rules.tsv: rule '", spec.name, "' needs cue and content groups"));
    }
    for (CueClass c : spec.classes) rule->classes[static_cast<int>(c)] = true;
    for (unsigned char c : spec.needs) {
      if (c < 128) rule->needs.set(c);
    }
    a->rules_.push_back(std::move(rule));
  }
  if (a->subjects_.empty()) {
    return absl::InvalidArgumentError("rules.tsv: no 'subject' rule");
  }
  // Contents that report no claim ("none" in content_stances.tsv) and
  // sentences that say a claim came without evidence ("noevidence").
  absl::Status s = CompileContentStanceLines(
      *lexicon, "none", &ContentStance::no_claim, &a->no_claim_);
  if (!s.ok()) return s;
  s = CompileContentStanceLines(*lexicon, "noevidence",
                                &ContentStance::no_evidence, &a->no_evidence_);
  if (!s.ok()) return s;
  if (a->no_evidence_ != nullptr) {
    a->no_evidence_keys_ = RequiredKeys(*lexicon, &ContentStance::no_evidence);
  }
  for (const ContentStance& cs : lexicon->content_stances()) {
    if (cs.no_claim) a->no_claim_first_ |= NoClaimFirstBytes(cs.pattern);
  }
  // The left halves with "$" after them, for MatchRuleGroups.
  a->left_to_cue_.resize(a->halves_.size());
  for (const auto& rule : a->rules_) {
    const int l = rule->left_half;
    if (l < 0) continue;
    if (a->left_to_cue_[l] == nullptr) {
      std::string pattern = LeftToCuePattern(a->halves_[l]->pattern);
      if (pattern.empty()) continue;
      auto p = std::make_unique<RulePattern>(std::move(pattern));
      const RulePattern& half = *a->halves_[l];
      if (half.compiled == nullptr) {
        // "(?:left)$" of a half ReadTagPattern vouched for (Half()) reads
        // as the half does, with no group more: not read again (about a
        // third of the readings at start-up).
        p->groups = half.groups;
      } else if (!ReadTagPattern(p->pattern, &p->groups, &p->names)) {
        auto re = std::make_unique<RE2>(p->pattern, RuleOptions());
        if (!re->ok()) continue;
        p->groups = re->NumberOfCapturingGroups();
        p->compiled = std::move(re);
      }
      if (p->groups != a->halves_[l]->groups) continue;
      a->left_to_cue_[l] = std::move(p);
    }
    rule->left_to_cue = a->left_to_cue_[l].get();
  }
  // The automata that answer for the halves in MatchesRule (see
  // CompiledRule::Dfas()), by half.
  a->half_automata_.reset(new HalfAutomata[a->halves_.size()]);
  for (const auto& rule : a->rules_) {
    const int l = rule->left_half, r = rule->right_half;
    if (l < 0 || r < 0) continue;
    rule->left_automata = &a->half_automata_[l];
    rule->right_automata = &a->half_automata_[r];
  }
  // The same tests by rule and byte (see rule_before_), as Find makes them
  // below: a rule cut in halves whose left half cannot end before the mark
  // with the byte there, or begin with the first byte of the tags; one
  // whose right half cannot begin with the byte after a cue of one word.
  int rules = 0;
  for (const auto& rule : a->rules_) rules = std::max(rules, rule->index + 1);
  a->rule_words_ = (rules + 63) / 64;
  a->rule_before_.assign(256 * a->rule_words_, ~uint64_t{0});
  a->rule_start_.assign(256 * a->rule_words_, ~uint64_t{0});
  a->rule_after_.assign(256 * a->rule_words_, ~uint64_t{0});
  for (const auto& rule : a->rules_) {
    const int l = rule->left_half, r = rule->right_half;
    const size_t word = rule->index >> 6;
    const uint64_t bit = uint64_t{1} << (rule->index & 63);
    for (int b = 0; b < 256; ++b) {
      const size_t at = b * a->rule_words_ + word;
      if (l >= 0 && !a->half_edge_[l][b]) a->rule_before_[at] &= ~bit;
      if (l >= 0 && !a->left_start_[l][b]) a->rule_start_[at] &= ~bit;
      if (l >= 0 && r >= 0 && !a->half_edge_[r][b]) a->rule_after_[at] &= ~bit;
    }
  }
  a->rule_at_.assign(rules, nullptr);
  for (const auto& rule : a->rules_) a->rule_at_[rule->index] = rule.get();
  a->rule_screen_.assign(rules, RuleScreen());
  for (const auto& rule : a->rules_) {
    RuleScreen& screen = a->rule_screen_[rule->index];
    screen.left_half = rule->left_half;
    screen.right_half = rule->right_half;
    screen.cue_group_cut = rule->left_reach != 0;
  }
  a->AssignTagSlots();
  auto add = [](const CompiledRule& rule, std::vector<uint64_t>* set) {
    (*set)[rule.index >> 6] |= uint64_t{1} << (rule.index & 63);
  };
  a->attributive_rules_.assign(a->rule_words_, 0);
  a->labelprep_rules_.assign(a->rule_words_, 0);
  a->colon_rules_.assign(a->rule_words_, 0);
  a->speaker_rules_.assign(a->rule_words_, 0);
  for (const auto& rule : a->rules_) {
    if (rule->labelprep != 0) add(*rule, &a->labelprep_rules_);
    if (rule->colon) add(*rule, &a->colon_rules_);
    if (rule->nospeaker == 0) add(*rule, &a->speaker_rules_);
  }
  for (auto& set : a->rules_by_class_) set.assign(a->rule_words_, 0);
  for (const auto& rule : a->rules_) {
    if (rule->attributive) {
      add(*rule, &a->attributive_rules_);
      continue;
    }
    for (int c = 0; c < kCueClasses; ++c) {
      if (rule->classes[c]) add(*rule, &a->rules_by_class_[c]);
    }
  }
  static_assert(kCueMarks.size() == 4, "rules_by_class_mark_ has a set per mark");
  for (int c = 0; c < kCueClasses; ++c) {
    for (size_t m = 0; m < kCueMarks.size(); ++m) {
      for (int held = 0; held < (1 << kSplitTags.size()); ++held) {
        std::vector<uint64_t>& set = a->rules_by_class_mark_[c][m][held];
        set.assign(a->rule_words_, 0);
        for (const auto& rule : a->rules_) {
          if (rule->attributive || !rule->classes[c]) continue;
          bool fails = false;
          for (size_t t = 0; t < kSplitTags.size(); ++t) {
            if (rule->needs[static_cast<unsigned char>(kSplitTags[t])] &&
                (held & (1 << t)) == 0) {
              fails = true;
            }
          }
          for (size_t o = 0; o < kCueMarks.size(); ++o) {
            if (o != m && rule->needs[static_cast<unsigned char>(kCueMarks[o])]) {
              fails = true;
            }
          }
          if (!fails) add(*rule, &set);
        }
      }
    }
  }
  for (const auto& [form, cue] : lexicon->cue_forms()) {
    const std::vector<absl::string_view> words = absl::StrSplit(form, ' ');
    if (words.size() >= 2) {
      a->cue_phrase_starts_[absl::StrCat(words[0], " ", words[1])] = true;
    }
  }
  for (const auto& [word, info] : lexicon->words()) {
    if (info.cue < 0 && !info.cue_prefix && info.noun_cue < 0) continue;
    if (word.empty() || word.size() > kMaxCueWord) continue;
    // HasCueWord() looks up only lower-cased runs of ASCII letters.
    bool letters = true;
    for (char c : word) letters &= c >= 'a' && c <= 'z';
    if (letters) {
      const size_t n = word.size();
      const size_t second = n > 1 ? 1 : 0;
      const size_t bit =
          CueShape(n, word[0], word[second], word[n - 1 - second], word[n - 1]);
      a->cue_shapes_[bit / 64] |= uint64_t{1} << (bit % 64);
      static_assert(kMaxCueWord < 32, "a length indexes cue_last_letters_");
      a->cue_last_letters_[32 * (word[0] - 'a') + n] |= uint32_t{1}
                                                        << (word[n - 1] - 'a');
    }
  }
  for (const auto& [word, info] : lexicon->words()) {
    if (info.word_class != WordClass::kDet && info.word_class != WordClass::kPoss) {
      continue;
    }
    if (word.empty() || word.size() > kShortWord) continue;
    bool letters = true;
    for (char c : word) letters &= c >= 'a' && c <= 'z';
    if (letters) {
      a->slot_shapes_[(word.size() - 1) * 26 + (word.back() - 'a')] |=
          uint32_t{1} << (word.front() - 'a');
      const size_t n = word.size();
      a->slot_ends_.set((n > 1 ? word[n - 2] - 'a' : 26) * 27 + (word[n - 1] - 'a'));
    }
  }
  return a;
}

void Attributor::AssignTagSlots() {
  std::bitset<128> read;
  for (const auto& rule : rules_) read |= rule->needs;
  for (const PatternNeeds& needs : half_needs_) {
    read |= needs.all;
    for (const std::bitset<128>& set : needs.any_of) read |= set;
  }
  for (absl::string_view bytes :
       {kCueMarks, kSplitTags, absl::string_view("_")}) {
    for (char c : bytes) read.set(static_cast<unsigned char>(c));
  }
  uint64_t slot[128] = {};
  int next = 0;
  for (int b = 0; b < 127; ++b) {
    if (read[b]) slot[b] = uint64_t{1} << std::min(next++, kSharedSlot);
  }
  slot[127] = kAlwaysHeld;
  // (A byte from 128 on, which no tag is, counts as the byte below it, as
  // the set of 128 bytes this replaces took it.)
  for (int c = 0; c < 256; ++c) tag_slot_[c] = slot[c & 127];
  for (const auto& rule : rules_) {
    rule_screen_[rule->index].needs = Slots(rule->needs);
  }
  half_slot_needs_.resize(half_needs_.size());
  for (size_t h = 0; h < half_needs_.size(); ++h) {
    half_slot_needs_[h].all = Slots(half_needs_[h].all);
    for (int i = 0; i < PatternNeeds::kAnyOf; ++i) {
      half_slot_needs_[h].any_of[i] = Slots(half_needs_[h].any_of[i]);
    }
  }
}

uint64_t Attributor::Slots(const std::bitset<128>& bytes) const {
  // (By the set bits of its two words: asked of every rule and half at
  // start-up, a test of each of 128 bytes cost 1.6M instructions.)
  const uint64_t words[2] = {
      (bytes & std::bitset<128>(~uint64_t{0})).to_ullong(),
      (bytes >> 64).to_ullong()};
  uint64_t slots = 0;
  for (int w = 0; w < 2; ++w) {
    for (uint64_t bits = words[w]; bits != 0; bits &= bits - 1) {
      slots |= tag_slot_[64 * w + absl::countr_zero(bits)];
    }
  }
  return slots;
}

// (Inlined in Find, its only caller, at each of its five places: a call
// cost more than the short tag strings most cues read. news-5mb: -1.44M.)
ABSL_ATTRIBUTE_ALWAYS_INLINE inline uint64_t Attributor::TagSlots(
    absl::string_view tags) const {
  const unsigned char* const p =
      reinterpret_cast<const unsigned char*>(tags.data());
  const size_t n = tags.size();
  // (Four chains of ORs, which run side by side, and a loop's test for
  // every four characters.)
  uint64_t a = 0, b = 0, c = 0, d = 0;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    a |= tag_slot_[p[i]];
    b |= tag_slot_[p[i + 1]];
    c |= tag_slot_[p[i + 2]];
    d |= tag_slot_[p[i + 3]];
  }
  for (; i < n; ++i) a |= tag_slot_[p[i]];
  return (a | b) | (c | d);
}

int Attributor::Half(const std::string& pattern, bool left) {
  const std::string key = absl::StrCat(left ? "L" : "R", pattern);
  auto it = half_index_.find(key);
  if (it != half_index_.end()) return it->second;
  auto half = std::make_unique<RulePattern>(pattern);
  // What every match holds (half_needs_) and the bytes at its edges
  // (half_edge_, left_start_), from the same reading: nothing known, every
  // byte, where RE2 reads the half.
  PatternNeeds needs;
  std::bitset<256> edge, start;
  edge.set();
  start.set();
  std::unique_ptr<TagPattern> parsed;
  if (ReadTagPattern(pattern, &half->groups, &half->names, &parsed)) {
    needs = NeedsOf(parsed->NeededSets());
    std::bitset<128> bytes;
    // A right half's first bytes; those the part of a left half before its
    // cue group (its last top-level part, see CueGroupEnd) can end with.
    if (left ? parsed->LastBytesBeforeLastPart(&bytes)
             : parsed->EdgeBytes(/*last=*/false, &bytes)) {
      edge = AllBytes(bytes);
    }
    // The first bytes of a left half anchored at the start ("^..."): a tag
    // string that begins with another byte is no match for it. (A half has
    // no top-level alternation: CueGroupEnd cuts no pattern that has one.)
    if (left && absl::StartsWith(pattern, "^") &&
        parsed->EdgeBytes(/*last=*/false, &bytes)) {
      start = AllBytes(bytes);
    }
  } else {
    // Not read by TagDfa, or not surely valid: RE2 decides now.
    auto re = std::make_unique<RE2>(pattern, RuleOptions());
    if (!re->ok()) return -1;
    half->groups = re->NumberOfCapturingGroups();
    half->names = re->NamedCapturingGroups();
    half->compiled = std::move(re);
  }
  halves_.push_back(std::move(half));
  half_needs_.push_back(needs);
  half_edge_.push_back(edge);
  left_start_.push_back(start);
  const int index = static_cast<int>(halves_.size()) - 1;
  half_index_.emplace(key, index);
  return index;
}

bool Attributor::PageLabel(absl::string_view text, const Token& t) const {
  const WordInfo* w = WordOf(text, t);
  if (w == nullptr) return false;
  if (w->word_class == WordClass::kNotice) return true;
  // A noun that a text may let speak ("the video shows C", "Human Rights
  // Watch:") is a label only in capitals, as a page sets its labels.
  if (w->word_class != WordClass::kMediumNoun && w->nominal != v1::ENTITY_TYPE_DOCUMENT) {
    return false;
  }
  if (t.end - t.begin < 3) return false;
  for (uint32_t k = t.begin; k < t.end; ++k) {
    if (absl::ascii_islower(static_cast<unsigned char>(text[k]))) return false;
  }
  return true;
}

bool Attributor::PageFurniture(absl::string_view text, const Token& t,
                               bool capitals_only) const {
  if (!t.cap || t.end < t.begin + 2) return false;
  if (capitals_only) {
    for (uint32_t i = t.begin; i < t.end; ++i) {
      if (!absl::ascii_isupper(static_cast<unsigned char>(text[i]))) return false;
    }
  }
  const WordInfo* w = WordOf(text, t);
  return w != nullptr && (w->word_class == WordClass::kPageControl ||
                          w->word_class == WordClass::kNotice ||
                          w->word_class == WordClass::kMediumNoun);
}

const WordInfo* Attributor::WordOf(absl::string_view text, const Token& t) const {
  const uint32_t size = t.end - t.begin;
  // (The shape filter first, on the word as written: it reads the same
  // bits of a letter in either case, and most words fail it.)
  if (size > kMaxWordOfToken) return nullptr;
  // The tagger's answer, when it looked the word up.
  if (t.info != &kWordNotLookedUp) return t.info;
  if (!lex_->MayBeWord(absl::string_view(text.data() + t.begin, size))) {
    return nullptr;
  }
  // Zeroed past the word, as Lexicon::PaddedWord() takes a short one.
  char lower[kMaxWordOfToken] = {};
  for (uint32_t b = t.begin; b < t.end; ++b) lower[b - t.begin] = absl::ascii_tolower(text[b]);
  return size <= kShortWord ? lex_->PaddedWord(lower)
                            : lex_->Word(absl::string_view(lower, size));
}

// Is t, capitalised as the first word of a sentence, a word that opens a
// phrase rather than names someone: a word of a class the lexicons know
// (not a title, a nominal or a medium: "More", "One", "Friday"; not
// "Facebook"), or a word in -ing or
// -ed of six letters or more, written in lower case after its capital, that
// is no first name ("Looking", "Chastened"; not "Sterling") and not alone
// before a comma ("Sterling, a councillor, said": a name and its
// apposition)? `next` is the tag after t.
bool Attributor::OpenerWord(absl::string_view text, const Token& t,
                            char next) const {
  const absl::string_view w = text.substr(t.begin, t.end - t.begin);
  const WordInfo* info = WordOf(text, t);
  if (info != nullptr) {
    return !info->title && info->nominal == v1::ENTITY_TYPE_UNSPECIFIED &&
           info->word_class != WordClass::kNone && info->word_class != WordClass::kMod &&
           info->word_class != WordClass::kMediumNoun;
  }
  if (w.size() < 6 || next == ',') return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!absl::ascii_islower(static_cast<unsigned char>(w[i]))) return false;
  }
  return (absl::EndsWith(w, "ing") || absl::EndsWith(w, "ed")) &&
         lex_->FirstNameGender(w) == 0;
}

namespace {

// "Minutes later, ...", "Two days earlier, ...", "Weeks ago, ...": is token
// t a word that measures time, a plural in -s, before "later", "earlier"
// or "ago" (function_words.tsv list timeback, written in lower case) and a
// comma?
bool MeasureOfTime(const Lexicon& lex, absl::string_view text,
                   const std::vector<Token>& tokens, const std::string& tags, size_t t) {
  if (t + 2 >= tokens.size() || tags[t + 2] != ',') return false;
  const absl::string_view w = text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
  const absl::string_view n =
      text.substr(tokens[t + 1].begin, tokens[t + 1].end - tokens[t + 1].begin);
  // (The word as written: the list's words are lower case.)
  return w.size() > 3 && w.back() == 's' && lex.InList(n, WordList::kTimeBack);
}

}  // namespace

// Is there an auxiliary, a copula or a word that looks like a verb (see
// LooksLikeVerb) in the tokens that begin at or after `from`, before token k?
bool Attributor::VerbBetween(absl::string_view text, const std::vector<Token>& tokens,
                             const std::string& tags, uint32_t from, size_t k) const {
  for (size_t m = 0; m < k; ++m) {
    if (tokens[m].begin < from) continue;
    if (tags[m] == 'v' || tags[m] == 'b' || LooksLikeVerb(text, tokens, tags, m)) return true;
  }
  return false;
}

namespace {

// Are tokens [a, b), right before a cue at k, the modifiers of a noun the
// cue's word is ("One lurking question is whether C", "a passing promise
// that C")? Only words with no head of their own (no name, title, nominal,
// pronoun or possessive; no number: "A mere 9 percent say C") after a
// singular determiner ("a", "an", "one", "another", "every", "each";
// function_words.tsv list det_one), when the cue is its bare form (a verb
// after them would end in -s).
bool ModifiersOfNounCue(const Lexicon& lex, absl::string_view text,
                        const std::vector<Token>& tokens, const std::string& tags, size_t a,
                        size_t b, size_t k, absl::string_view lemma) {
  if (b < a + 2 || (tags[a] != 'd' && !(tags[a] == 'N' && b > a + 1))) {
    return false;
  }
  for (size_t m = a + 1; m < b; ++m) {
    if (!IsOneOf("ojil-", tags[m])) return false;
  }
  const absl::string_view cue = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  const bool singular = InList(lex, text, tokens[a], WordList::kDetOne);
  // (Not "say": "another quarter say C", "a small handful say C" are
  // shares of people, which take a plural verb. Not a colon.)
  return singular && absl::EqualsIgnoreCase(cue, lemma) && lemma != "say" &&
         !cue.empty() && absl::ascii_isalpha(static_cast<unsigned char>(cue[0]));
}

// Is `speaker` one token tagged a relative word ("who", "which")?
bool RelativeWordAt(const std::vector<Token>& tokens, const std::string& tags,
                    Range speaker) {
  for (size_t m = 0; m < tokens.size() && tokens[m].begin <= speaker.begin; ++m) {
    if (tokens[m].begin == speaker.begin) {
      return tokens[m].end == speaker.end && tags[m] == 'w';
    }
  }
  return false;
}

// Is `speaker` a noun phrase right before a relative "that", the subject of
// that clause ("a poll that found C": np_that_relative_cue)?
bool RelativeThatSubject(const std::vector<Token>& tokens, const std::string& tags,
                         Range speaker) {
  for (size_t e = 0; e + 1 < tokens.size() && tokens[e].end <= speaker.end; ++e) {
    if (tokens[e].end == speaker.end) return tags[e + 1] == 't';
  }
  return false;
}

// "As the crowd began to chant, X was joined on stage and joked C": is
// `speaker` the subject of an adverbial clause that opens the sentence (a
// subordinator first, after "and"/"but" or adverbs) and ends at a comma
// before token k, after the clause's own cue `cue`? A cue coordinated after
// that comma goes on the main clause, not on the opening clause. ("As a
// former reporter, X has become ..., quick to point out A and offer B": no
// clause, the phrase is no subject of its own.)
// (`*first` is set to the subordinator's token.)
bool OpeningClauseSubject(const std::vector<Token>& tokens, const std::string& tags,
                          Range speaker, Range cue, size_t k, size_t* first_out) {
  size_t first = 0;
  while (first < k && (tags[first] == 'x' || tags[first] == 'l')) ++first;
  *first_out = first;
  if (first + 1 >= k || tags[first] != 's' || tokens[first + 1].begin != speaker.begin) {
    return false;
  }
  for (size_t m = first + 1; m < k; ++m) {
    if (tokens[m].begin < speaker.end) continue;
    if (tags[m] == ',') return tokens[m].begin >= cue.end;
    if (tags[m] == 'q' || tags[m] == ';') return false;
  }
  return false;
}

// Is the comma tags[m] (before token k) one between a place after a
// preposition and its state, before the subject's names and verb (see
// CommaBeforeState)?
bool StateAfterPlace(const std::string& tags, size_t m, size_t k) {
  size_t p = m;  // the place
  while (p > 0 && tags[p - 1] == 'N') --p;
  if (p == m || p == 0 || tags[p - 1] != 'r') return false;
  size_t n = m + 1;  // the state
  while (n < k && n < m + 3 && tags[n] == 'N') ++n;
  if (n == m + 1) return false;
  if (n < k && tags[n] == '.') ++n;
  if (n >= k || tags[n] != ',') return false;
  const size_t subject = ++n;
  while (n < k && IsOneOf("NR", tags[n])) ++n;
  return n > subject && n < tags.size() && IsOneOf("ovbCl@%", tags[n]);
}

// "Speaking at a town hall in Salem, New Hampshire, Senator Roe went after
// the governor, calling C", "The day before, at a rally in Beaumont, Tex.,
// Mayor Reyes was blunt, claiming C": in the phrases that open the sentence
// (no verb, cue, quotation or relative word in them; an -ing word may open
// the first), a name after a preposition, a comma, one or two names (perhaps
// with an abbreviation's period) and a comma are a place and its state, and
// the names after them, right before a verb, the subject. Returns the comma
// between place and state, which the subject rules then read as part of the
// phrase, or npos. (Not "In Salem, Reyes, Lopez and Kim said": a list; nor
// "In Salem, Reyes, the mayor, said": an appositive.)
size_t CommaBeforeState(const std::string& tags, size_t k) {
  size_t m = 0;
  while (m < k && IsOneOf("xl", tags[m])) ++m;
  if (m < k && tags[m] == 'i') ++m;
  for (; m < k && !IsOneOf("vbC@%;:~qQw", tags[m]); ++m) {
    if (tags[m] == ',' && StateAfterPlace(tags, m, k)) return m;
  }
  return std::string::npos;
}

}  // namespace

// "Outside the arena, X ...", "Inside the hall, X ...": a first word that
// no lexicon knows, written in lower case after its capital, no first
// name, right before a determiner, is a preposition that opens a phrase of
// place or time, not a name (a name seldom stands right before "the").
bool Attributor::PrepositionBeforeDeterminer(absl::string_view text, const Token& t) const {
  const absl::string_view w = text.substr(t.begin, t.end - t.begin);
  if (w.size() < 4 || WordOf(text, t) != nullptr) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (!absl::ascii_islower(static_cast<unsigned char>(w[i]))) return false;
  }
  return lex_->FirstNameGender(w) == 0;
}

// "Those who know him say C": a plural determiner (function_words.tsv
// det_pl) right before the relative "who" is a pronoun for people when it
// opens its clause (at the sentence's start, after a comma, a colon, a
// subordinator, "that" or "and", perhaps after adverbs: "Even those who");
// not after a verb or preposition, where it is an object ("warned those
// who C", "criticised those who", "many of those who").
bool Attributor::PluralDemonstrativeWho(absl::string_view text,
                                        const std::vector<Token>& tokens,
                                        const std::string& tags, size_t a) const {
  if (a + 1 >= tokens.size() || tags[a + 1] != 'w') return false;
  size_t before = a;
  while (before > 0 && tags[before - 1] == 'l') --before;
  if (before > 0 && !IsOneOf(",;:~(stx", tags[before - 1])) return false;
  const WordInfo* w = WordOf(text, tokens[a]);
  if (w == nullptr || w->det_number != 'p') return false;
  return absl::EqualsIgnoreCase(
      text.substr(tokens[a + 1].begin, tokens[a + 1].end - tokens[a + 1].begin), "who");
}

bool Attributor::IsPronDet(absl::string_view text, const Token& t) const {
  const WordInfo* w = WordOf(text, t);
  return w != nullptr && (w->word_class == WordClass::kPronDet ||
                          w->word_class == WordClass::kPronDetSingular);
}

// "It is important to note that C", "it's fair to say C", "it would be no
// exaggeration to say C": the neuter pronoun before a copula (or "'s") and a
// word of judgement (function_words.tsv class judge), with the cue an
// infinitive right after "to", is nobody; the claim is the writer's. ("It
// was quick to deny C", "it is likely to say": the company it stands for
// speaks.)
bool Attributor::IsExtraposedIt(absl::string_view text,
                                const std::vector<Token>& tokens,
                                const std::string& tags, size_t a, size_t b,
                                size_t k) const {
  if (k < b + 3 || tags[k - 1] != 'r' ||
      !IsNeuterIt(text, tokens, tags, a, b)) {
    return false;
  }
  bool judgement = false;
  return CopulaPhrase(text, tokens, tags, b, k - 1, &judgement) && judgement;
}

// Whether tags [b, e) hold a copula (or auxiliary) with adverbs and
// negations only around it; with `judgement`, determiners and other words
// too, *judgement saying whether one is a word of judgement (function_words.tsv
// class judge): "is no exaggeration", "would be fair".
bool Attributor::CopulaPhrase(absl::string_view text, const std::vector<Token>& tokens,
                              const std::string& tags, size_t b, size_t e,
                              bool* judgement) const {
  bool copula = false;
  for (size_t m = b; m < e; ++m) {
    switch (tags[m]) {
      case 'b':
      case 'v':
        copula = true;
        break;
      case 'l':
      case 'z':
        break;
      case 'd':
        if (judgement == nullptr) return false;
        break;
      case 'o':
      case 'j': {
        if (judgement == nullptr) return false;
        const WordInfo* w = WordOf(text, tokens[m]);
        *judgement |= w != nullptr && w->word_class == WordClass::kJudgement;
        break;
      }
      default:
        return false;
    }
  }
  return copula;
}

// "It is worth noting that C", "it may be worth asking why C": the writer
// points at C; "it" is nobody. A copula (and auxiliaries, adverbs,
// negations) stands between the pronoun and the word of judgement
// (function_words.tsv category judge), and the cue, a form in -ing,
// follows that word at once.
bool Attributor::IsExtraposedParticiple(absl::string_view text,
                                        const std::vector<Token>& tokens,
                                        const std::string& tags, size_t a,
                                        size_t b, size_t k) const {
  if (k < b + 2 || !IsNeuterIt(text, tokens, tags, a, b)) return false;
  if (!absl::EndsWith(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin),
                      "ing")) {
    return false;
  }
  const WordInfo* judge = WordOf(text, tokens[k - 1]);
  if (judge == nullptr || judge->word_class != WordClass::kJudgement) return false;
  return CopulaPhrase(text, tokens, tags, b, k - 1, /*judgement=*/nullptr);
}

// A finding whose speaker is one relative word ("who", "which").
bool Attributor::IsRelativeSpeaker(absl::string_view text, const Finding& f) const {
  if (f.speaker.end <= f.speaker.begin || f.speaker.end - f.speaker.begin > 5) return false;
  const std::string lower = absl::AsciiStrToLower(
      text.substr(f.speaker.begin, f.speaker.end - f.speaker.begin));
  const PronounInfo* p = lex_->Pronoun(lower);
  return p != nullptr && p->relative;
}

// "it" alone: the neuter singular pronoun, tokens [a, b).
bool Attributor::IsNeuterIt(absl::string_view text, const std::vector<Token>& tokens,
                            const std::string& tags, size_t a, size_t b) const {
  if (b != a + 1 || tags[a] != 'P') return false;
  const std::string lower = absl::AsciiStrToLower(
      text.substr(tokens[a].begin, tokens[a].end - tokens[a].begin));
  const PronounInfo* p = lex_->Pronoun(lower);
  return p != nullptr && p->gender == 'n' && !p->plural;
}

// "week", "last month", "this year", "Friday morning", "the past two weeks",
// "2004": tokens [a, b) that end in a noun of time (function_words.tsv
// timenoun), with only determiners, adverbs, numbers, modifiers and words of
// time before it, or a year alone.
bool Attributor::IsTimePhrase(absl::string_view text, const std::vector<Token>& tokens,
                              const std::string& tags, size_t a, size_t b) const {
  while (a < b && (tags[b - 1] == ',' || tags[b - 1] == '-')) --b;
  if (a >= b) return false;
  // A year alone ("As early as 2004, X told"): four digits, 1800 to 2099.
  if (b == a + 1 && tags[a] == '0') return IsYear(text, tokens[a]);
  // A capital is a name ("Day said"); a day alone is AllTime's.
  const WordInfo* last = WordOf(text, tokens[b - 1]);
  if ((last == nullptr || last->word_class != WordClass::kTimeNoun ||
       absl::ascii_isupper(static_cast<unsigned char>(text[tokens[b - 1].begin])))) {
    return false;
  }
  for (size_t m = a; m + 1 < b; ++m) {
    if (tokens[m].time) continue;
    if (IsOneOf("dlj0,", tags[m])) continue;
    const WordInfo* w = WordOf(text, tokens[m]);
    if (w != nullptr && (w->word_class == WordClass::kTimeNoun ||
                         w->word_class == WordClass::kAdv)) {
      continue;
    }
    return false;
  }
  return true;
}

namespace {

// A paragraph that signs the quotation before it: a dash (a hyphen or two,
// an en or em dash, a bar), then a name that opens with a capital, up to a
// comma or the end ("- Ann Lee, Dover.", "\u2014Mayor Tom Reyes"). Short:
// a signature, not a sentence. Sets `dash` and `name`.
bool SignatureLine(absl::string_view text, const Range& para, Range* dash, Range* name) {
  constexpr uint32_t kMaxLine = 120, kMaxName = 60;
  if (para.end - para.begin > kMaxLine) return false;
  uint32_t i = para.begin;
  while (i < para.end && text[i] == '-') ++i;
  if (i == para.begin && (text.substr(i, 3) == "\xE2\x80\x93" ||
                          text.substr(i, 3) == "\xE2\x80\x94" ||
                          text.substr(i, 3) == "\xE2\x80\x95")) {
    i += 3;
  }
  if (i == para.begin || i - para.begin > 3) return false;
  *dash = Range{para.begin, i};
  while (i < para.end && text[i] == ' ') ++i;
  if (i >= para.end || !absl::ascii_isupper(static_cast<unsigned char>(text[i]))) return false;
  uint32_t e = i;
  while (e < para.end && text[e] != ',' && text[e] != ';' && text[e] != '(') ++e;
  while (e > i && (text[e - 1] == '.' || text[e - 1] == ' ')) --e;
  if (e <= i || e - i > kMaxName) return false;
  // A name: each word capitalised ("- Ann Lee"), no dash that closes a
  // subheading ("- Out of the woods -").
  for (uint32_t k = i; k < e; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (c == 0xE2 || (c == '-' && (k + 1 == e || text[k + 1] == ' '))) return false;
    if (text[k] == ' ' && k + 1 < e &&
        !absl::ascii_isupper(static_cast<unsigned char>(text[k + 1]))) {
      return false;
    }
  }
  *name = Range{i, e};
  return true;
}

// A line that signs the unclosed quotation of the line before it and
// closes it: a name that opens with a capital, up to a comma or the final
// stop, then the closing mark ('"We will win.' then 'Ann Lee, Dover
// Harbour Trust."', as pull quotes are laid out). Short: a signature, not a
// sentence. Sets `name`.
bool ClosingSignatureLine(absl::string_view text, const Range& para, Range* name) {
  constexpr uint32_t kMaxLine = 120, kMaxName = 60;
  if (para.end - para.begin > kMaxLine || para.end - para.begin < 4) return false;
  uint32_t end = para.end;
  if (text[end - 1] == '"') {
    --end;
  } else if (end - para.begin > 4 && text.substr(end - 3, 3) == "\xE2\x80\x9D") {
    end -= 3;
  } else {
    return false;
  }
  if (text[end - 1] != '.') return false;
  const uint32_t i = para.begin;
  if (!absl::ascii_isupper(static_cast<unsigned char>(text[i]))) return false;
  uint32_t e = i;
  while (e < end && text[e] != ',' && text[e] != ';' && text[e] != '(' && text[e] != '"') ++e;
  if (e < end && text[e] != ',') return false;
  while (e > i && (text[e - 1] == '.' || text[e - 1] == ' ')) --e;
  if (e <= i || e - i > kMaxName) return false;
  // Two words or more, each capitalised ("Ann Lee"): a name, not a word.
  bool two = false;
  for (uint32_t k = i; k < e; ++k) {
    const unsigned char c = static_cast<unsigned char>(text[k]);
    if (c >= 0x80 || c == '-' || absl::ascii_isdigit(c)) return false;
    if (text[k] == ' ') {
      if (k + 1 >= e || !absl::ascii_isupper(static_cast<unsigned char>(text[k + 1]))) {
        return false;
      }
      two = true;
    }
  }
  if (!two) return false;
  *name = Range{i, e};
  return true;
}

// A quotation that a list of news items sources in square brackets at the
// end of its paragraph ('RIVER KEEPS RISING "The levees were never built
// for this." [The Courier.]'): sets `source` to the name inside the brackets
// (without its final stop) and `cue` to the brackets.
bool BracketedSource(absl::string_view text, const Quote& q, const Range& para,
                     Range* source, Range* cue) {
  constexpr uint32_t kMaxSource = 32;
  uint32_t i = q.close_end;
  while (i < para.end && text[i] == ' ') ++i;
  if (i + 3 >= para.end || text[i] != '[' ||
      !absl::ascii_isupper(static_cast<unsigned char>(text[i + 1]))) {
    return false;
  }
  const uint32_t open = i;
  uint32_t close = i + 1;
  while (close < para.end && close - open <= kMaxSource && text[close] != ']') {
    const unsigned char c = static_cast<unsigned char>(text[close]);
    if (!absl::ascii_isalnum(c) && c != ' ' && c != '.' && c != '&' && c != '\'' &&
        c != '-') {
      return false;
    }
    ++close;
  }
  if (close >= para.end || text[close] != ']') return false;
  for (uint32_t k = close + 1; k < para.end; ++k) {
    if (!absl::ascii_isspace(static_cast<unsigned char>(text[k]))) return false;
  }
  uint32_t name_end = close;
  while (name_end > open + 1 && (text[name_end - 1] == '.' || text[name_end - 1] == ' ')) {
    --name_end;
  }
  if (name_end <= open + 1) return false;
  *source = Range{open + 1, name_end};
  *cue = Range{open, close + 1};
  return true;
}

// Does the quotation read as a sentence of speech: a capital first, a final
// . ! ? or , and three words or more, two of them (and a third of all) in
// lower case and not short function words, so not a title ("The Art of the
// Deal.", "State of the Union,")?
bool IsOrphanQuote(absl::string_view quoted) {
  quoted = absl::StripAsciiWhitespace(quoted);
  if (quoted.size() < 8 || !absl::ascii_isupper(static_cast<unsigned char>(quoted[0]))) {
    return false;
  }
  // (A quotation inside it may end it: "He asked, 'Why now?'".)
  absl::string_view body = quoted;
  while (body.size() > 1 && (body.back() == '\'' || body.back() == '"' ||
                             absl::EndsWith(body, "\xE2\x80\x99") ||
                             absl::EndsWith(body, "\xE2\x80\x9D"))) {
    body.remove_suffix(body.back() == '\'' || body.back() == '"' ? 1 : 3);
  }
  const char last = body.back();
  if (last != '.' && last != '!' && last != '?' && last != ',') return false;
  static constexpr absl::string_view kSmall[] = {
      "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from"};
  // The words between spaces (a hand loop: this runs for every quotation
  // no rule took).
  int words = 0, lower = 0;
  const char* p = quoted.data();
  const char* const end = p + quoted.size();
  while (p < end) {
    if (*p == ' ') {
      ++p;
      continue;
    }
    const void* space = std::memchr(p, ' ', end - p);
    const char* const w_end = space != nullptr ? static_cast<const char*>(space) : end;
    const absl::string_view w(p, w_end - p);
    p = w_end;
    ++words;
    if (!absl::ascii_islower(static_cast<unsigned char>(w[0]))) continue;
    bool small = false;
    if (w.size() <= 4) {
      for (absl::string_view s : kSmall) small |= w == s;
    }
    if (!small) ++lower;
  }
  return words >= 3 && lower >= 2 && lower * 3 >= words;
}

// Is a word of class `c` one that can close what comes before a clause
// another attribution opens: a connective ("and", "while", "which", "that")
// or a determiner ("the", "his")? (function_words.tsv)
bool IsConnectiveClass(WordClass c) {
  switch (c) {
    case WordClass::kConj:
    case WordClass::kSub:
    case WordClass::kAdverbialSub:
    case WordClass::kCondSub:
    case WordClass::kTimeSub:
    case WordClass::kRel:
    case WordClass::kPossRel:
    case WordClass::kFreeRel:
    case WordClass::kThat:
    case WordClass::kDet:
    case WordClass::kPoss:
      return true;
    default:
      return false;
  }
}

// Where [begin, end) of `text` ends without the spaces, punctuation,
// connectives and determiners that close it (IsConnectiveClass): what is
// left before a clause that another attribution opens ("the new contract,
// which the | company says ...").
uint32_t TrimConnective(const Lexicon& lex, absl::string_view text,
                        uint32_t begin, uint32_t end) {
  auto trim_punct = [&](uint32_t e) {
    while (e > begin) {
      const unsigned char c = text[e - 1];
      if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '(' ||
          c == '\n') {
        --e;
      } else if (e - begin >= 3 && (c == 0x94 || c == 0x93) && text[e - 2] == '\x80' &&
                 text[e - 3] == '\xE2') {  // em or en dash
        e -= 3;
      } else {
        break;
      }
    }
    return e;
  };
  uint32_t e = trim_punct(end);
  bool trimmed = false;
  for (int words = 0; words < 3; ++words) {
    uint32_t w = e;
    while (w > begin && absl::ascii_isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    if (w == e || !(w == begin || text[w - 1] == ' ' || text[w - 1] == ',')) break;
    const std::string word = absl::AsciiStrToLower(text.substr(w, e - w));
    if (!IsConnectiveClass(lex.FunctionWord(word))) break;
    e = trim_punct(w);
    trimmed = true;
  }
  // "had no problem with it, even | if they ...", ", just | as they ...": an
  // adverb (class adv) between a comma and the subordinator just trimmed
  // leans on that clause; it goes with it, not with what was said before.
  if (trimmed) {
    uint32_t w = e;
    while (w > begin && absl::ascii_isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    if (w < e && w >= begin + 2 && text[w - 1] == ' ' && text[w - 2] == ',' &&
        lex.FunctionWord(absl::AsciiStrToLower(text.substr(w, e - w))) == WordClass::kAdv) {
      e = trim_punct(w);
    }
  }
  return e;
}

// Whether the word right before `cue` (after `begin`) is a relative word
// ("who", "which"; class rel) or "that" with no comma, dash or other
// punctuation before it, right after a word: a restrictive relative clause
// ("a general who suggested C", "a headline that said C").
bool RestrictiveRelativeBefore(const Lexicon& lex, absl::string_view text,
                               uint32_t begin, uint32_t cue) {
  uint32_t w = cue;
  while (w > begin && text[w - 1] == ' ') --w;
  uint32_t b = w;
  while (b > begin && absl::ascii_isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
  if (b == w || b <= begin + 1 || text[b - 1] != ' ') return false;
  const WordClass c = lex.FunctionWord(absl::AsciiStrToLower(text.substr(b, w - b)));
  if (c != WordClass::kRel && c != WordClass::kThat) return false;
  uint32_t p = b;
  while (p > begin && text[p - 1] == ' ') --p;
  if (p == begin) return false;
  const unsigned char before = static_cast<unsigned char>(text[p - 1]);
  return absl::ascii_isalnum(before);
}

// When `inner`'s speaker is a relative word (class rel: "who", "which")
// after a comma inside `r`, and the next comma after its content inside `r`
// (no semicolon, colon or period before it) comes before an auxiliary,
// copula or modal ("said the contractor, who denied C in May, is now
// working with them": an aside of the reported clause's subject), the
// offset of that auxiliary, with *open set to the comma before the aside;
// else 0.
uint32_t ClosedRelativeAside(const Lexicon& lex, absl::string_view text, const Range& r,
                             const Finding& inner, uint32_t* open) {
  const Range& s = inner.speaker;
  if (s.end <= s.begin || s.begin <= r.begin || s.end - s.begin > 6 || inner.content.empty()) {
    return 0;
  }
  uint32_t p = s.begin;
  while (p > r.begin && text[p - 1] == ' ') --p;
  if (p == r.begin || text[p - 1] != ',') return 0;
  *open = p - 1;
  char lower[8];
  for (uint32_t k = s.begin; k < s.end; ++k) lower[k - s.begin] = absl::ascii_tolower(text[k]);
  if (lex.FunctionWord(absl::string_view(lower, s.end - s.begin)) != WordClass::kRel) return 0;
  uint32_t e = inner.content.back().end;
  while (e < r.end && text[e] != ',' && text[e] != ';' && text[e] != ':' && text[e] != '.') ++e;
  if (e >= r.end || text[e] != ',') return 0;
  ++e;
  while (e < r.end && text[e] == ' ') ++e;
  uint32_t w = e;
  while (w < r.end && absl::ascii_isalpha(static_cast<unsigned char>(text[w]))) ++w;
  if (w == e || w - e > 8) return 0;
  const WordInfo* v = lex.Word(absl::AsciiStrToLower(text.substr(e, w - e)));
  if (v == nullptr || (v->word_class != WordClass::kAux && v->word_class != WordClass::kCop &&
                       v->word_class != WordClass::kModal)) {
    return 0;
  }
  return e;
}

// ClosedRelativeAside for part `ri` of `outer`'s content: when it holds,
// the part ends at the comma before the aside and a new part goes on from
// the word after it. Kept out of line: the nesting loop is hot.
ABSL_ATTRIBUTE_NOINLINE bool SplitAtClosedRelativeAside(const Lexicon& lex,
                                                        absl::string_view text,
                                                        const Finding& inner, size_t ri,
                                                        Finding* outer) {
  Range& r = outer->content[ri];
  uint32_t open = 0;
  const uint32_t resume = ClosedRelativeAside(lex, text, r, inner, &open);
  if (resume == 0) return false;
  const Range rest{resume, r.end};
  r.end = open;
  outer->content.insert(outer->content.begin() + ri + 1, rest);
  return true;
}

// Is the word before `pos`, or the one before an adverb there, a modal
// ("would offer", "will probably add", "she'll add"; function_words.tsv)?
bool ModalBefore(const Lexicon& lex, absl::string_view text, uint32_t pos) {
  size_t end = pos;
  for (int n = 0; n < 2; ++n) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && absl::ascii_isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
    if (begin == end) return false;
    const absl::string_view word = text.substr(begin, end - begin);
    // "she'll": the contraction of "will".
    if (absl::EqualsIgnoreCase(word, "ll") && begin > 0 &&
        (text[begin - 1] == '\'' || absl::EndsWith(text.substr(0, begin), "\xE2\x80\x99"))) {
      return true;
    }
    char lower[16];
    if (word.size() <= sizeof(lower)) {
      for (size_t k = 0; k < word.size(); ++k) lower[k] = absl::ascii_tolower(word[k]);
      if (lex.FunctionWord(absl::string_view(lower, word.size())) == WordClass::kModal) {
        return true;
      }
    }
    // Only an adverb may stand between ("will probably add").
    if (!absl::EndsWith(word, "ly")) return false;
    end = begin;
  }
  return false;
}

namespace {

// Does the speaker span end in a capitalised word ("Keller", "the
// minister, Tom Reyes"), not a noun phrase such as "most voters"?
bool NamedSpeaker(absl::string_view text, Range speaker) {
  uint32_t e = std::min<uint32_t>(speaker.end, text.size());
  while (e > speaker.begin &&
         !absl::ascii_isalnum(static_cast<unsigned char>(text[e - 1]))) {
    --e;
  }
  uint32_t w = e;
  while (w > speaker.begin && text[w - 1] != ' ') --w;
  return w < e && absl::ascii_isupper(static_cast<unsigned char>(text[w]));
}

}  // namespace

// The content ranges of a set of findings, for "does [begin, end) overlap
// any of them?" in O(log n): sorted by where they begin, with the furthest
// end reached by each prefix.
class ContentIndex {
 public:
  explicit ContentIndex(const std::vector<Finding>& findings) {
    size_t n = 0;
    for (const Finding& f : findings) n += f.content.size();
    ranges_.reserve(n);
    reach_.reserve(n);
    for (const Finding& f : findings) {
      for (const Range& r : f.content) ranges_.push_back(r);
    }
    std::sort(ranges_.begin(), ranges_.end(),
              [](const Range& a, const Range& b) { return a.begin < b.begin; });
    uint32_t furthest = 0;
    for (const Range& r : ranges_) {
      furthest = std::max(furthest, r.end);
      reach_.push_back(furthest);
    }
  }

  bool Overlaps(uint32_t begin, uint32_t end) const {
    // The ranges that begin before `end`; one of them must end after `begin`.
    const size_t n = std::lower_bound(ranges_.begin(), ranges_.end(), end,
                                      [](const Range& r, uint32_t e) { return r.begin < e; }) -
                     ranges_.begin();
    return n > 0 && reach_[n - 1] > begin;
  }

 private:
  std::vector<Range> ranges_;
  std::vector<uint32_t> reach_;
};

}  // namespace

bool Attributor::IsDocumentHead(absl::string_view text,
                                const std::vector<Token>& tokens, size_t a,
                                size_t b) const {
  // Up to the first preposition: "a poll of likely voters".
  size_t head = b;
  for (size_t k = a; k < b; ++k) {
    if (tokens[k].tag == 'r') {
      head = k;
      break;
    }
  }
  // Any noun before the preposition: "New polls released Sunday".
  // (WordOf() lower-cases a word on the stack, and the lexicon's shape
  // filter answers for most without a hash; Nominal() is Word()'s nominal.
  // A word too long for WordOf() is lower-cased in a string.)
  std::string lower;
  for (size_t k = a; k < head; ++k) {
    const Token& t = tokens[k];
    const WordInfo* w = WordOf(text, t);
    if (w != nullptr) {
      if (w->nominal == v1::ENTITY_TYPE_DOCUMENT) return true;
      continue;
    }
    if (t.end - t.begin <= kMaxWordOfToken) continue;
    AsciiLower(text.substr(t.begin, t.end - t.begin), &lower);
    if (lex_->Nominal(lower) == v1::ENTITY_TYPE_DOCUMENT) return true;
  }
  return false;
}

// "While the mayor has said he opposes the tax, the council approved it":
// a cue inside an adverbial clause that opens the sentence (a subordinator
// of class adsub, condsub or timesub, with no comma, dash or colon before
// the cue but those of an aside right after the clause's subject, "While
// most members, like the mayor, said C, ..."; a measure of time may stand
// before one of class timesub, "Two days after X said C, ..."; a
// connective or a phrase with no auxiliary, copula, cue or
// subject pronoun, and a comma, may stand before it: "However, while X says
// C, ...", "In June, when X said C, ...") reports that clause only. Content
// after the cue ends at the
// comma, dash or semicolon that closes the clause, outside quotations. "As"
// and the other words of class sub do so only when the content follows the
// cue at once and opens with no adverb, preposition or word of time ("As
// lawmakers debated the levy, it became an issue"): "As X noted, C" and "as
// X said on Sunday, C" point at the main clause.
void Attributor::EndAtOpeningClause(absl::string_view text,
                                    const std::vector<Token>& tokens,
                                    const std::string& tags, size_t a,
                                    size_t b, size_t k, Range* r) const {
  if (a <= k) return;
  size_t s = PastAdverbs(tags, 0, k);
  // "Two days after X said C, ...", "A night after X mocked C, ...": a
  // measure of time (a number or determiner, perhaps a modifier, and a noun
  // of time) may stand before a subordinator of time.
  if (s + 1 < k && tags[s] != 's') {
    size_t t = s;
    while (t < k && t < s + 3 && IsOneOf("d0jN", tags[t])) ++t;
    if (t > s && t + 1 < k && tags[t + 1] == 's') {
      const WordInfo* noun = WordOf(text, tokens[t]);
      const WordInfo* sub = WordOf(text, tokens[t + 1]);
      if (noun != nullptr && noun->word_class == WordClass::kTimeNoun &&
          sub != nullptr && sub->word_class == WordClass::kTimeSub) {
        s = t + 1;
      }
    }
  }
  if (s < k && tags[s] != 's') {
    // "However, while X says C, ...", "For example, if X wanted C, ...",
    // "In 2015, when X said C, ...": a connective or a phrase with no
    // auxiliary, copula, negation, cue, subject pronoun or quotation, closed
    // by a comma, may stand before the subordinator.
    size_t q = 0;
    while (q < k && !IsOneOf(",;:~", tags[q]) &&
           !IsOneOf("vbzCPtwsqQ(", tags[q])) {
      ++q;
    }
    if (q >= k || tags[q] != ',' || q == 0) return;
    s = PastAdverbs(tags, q + 1, k);
  }
  if (s >= k || tags[s] != 's') return;
  // ("So while X says C, ...": a connective tagged as a subordinator may
  // stand before the subordinator that opens the clause.)
  if (s + 2 < k && tags[s + 1] == 's' && s == PastAdverbs(tags, 0, k)) ++s;
  const WordInfo* w = WordOf(text, tokens[s]);
  if (w == nullptr) return;
  const WordClass cls = w->word_class;
  if (cls != WordClass::kAdverbialSub && cls != WordClass::kCondSub &&
      cls != WordClass::kTimeSub && cls != WordClass::kSub) {
    return;
  }
  for (size_t q = s + 1; q < k; ++q) {
    // ("While he and his staff - no longer courting donors - go out of
    // their way to assure C, ...": an aside between dashes right after the
    // clause's subject, with no quotation, colon or semicolon, is passed
    // over.)
    if (tags[q] == '~' && cls != WordClass::kSub && q > s + 1 &&
        IsOneOf("NRnodpjP", tags[q - 1])) {
      size_t e = q + 1;
      while (e < k && !IsOneOf("~;:qQ", tags[e])) ++e;
      bool subject_only = true;
      for (size_t v = s + 1; v < q && subject_only; ++v) {
        subject_only = !IsOneOf("vbzCtwsiqQ,", tags[v]) &&
                       !LooksLikeVerb(text, tokens, tags, v) &&
                       !(tags[v] == 'o' && LowerEdWord(text, tokens[v]));
      }
      if (subject_only && e < k && e > q + 1 && tags[e] == '~') {
        q = e;
        continue;
      }
    }
    // ("While many Republicans, like the speaker, continued to back him,
    // ...": an aside between commas after the clause's subject, with no
    // verb, clause word or quotation of its own, is passed over.)
    if (tags[q] == ',' && cls != WordClass::kSub) {
      size_t e = q + 1;
      while (e < k && !IsOneOf(",;:~vbCPtwsqQ(", tags[e])) ++e;
      bool subject_only = IsOneOf("NRnodpj", tags[q - 1]);
      for (size_t v = s + 1; v < q && subject_only; ++v) {
        subject_only = !IsOneOf("vbzCtwsiqQ", tags[v]) &&
                       !LooksLikeVerb(text, tokens, tags, v) &&
                       !(tags[v] == 'o' && LowerEdWord(text, tokens[v]));
      }
      // (Not a list: "the refugees Obama, Clinton, and other Democrats".)
      if (subject_only && e < k && e > q + 1 && tags[e] == ',' &&
          IsOneOf("rdlj", tags[q + 1]) && tags[e + 1] != 'x') {
        q = e;
        continue;
      }
      // ("While Keller, Lopez and Reyes told voters C, ...": a comma
      // between names goes on with their list.)
      if (tags[q - 1] == 'N') {
        size_t n = q + 1;
        while (n < k && tags[n] == 'N') ++n;
        if (n > q + 1 && n < k && (tags[n] == ',' || tags[n] == 'x')) continue;
      }
    }
    if (tags[q] == ',' || tags[q] == ';' || tags[q] == '~' || tags[q] == ':') return;
  }
  if (cls == WordClass::kSub) {
    // "As X noted, C", "as X said on Sunday, C": the content of "as" (class
    // sub) must follow the cue with no punctuation, adverb, preposition or
    // word of time first, or it is the main clause's.
    for (size_t q = k + 1; q < a; ++q) {
      if (IsOneOf(",;~:", tags[q])) return;
    }
    size_t c = a;
    while (c < b && IsTrimTag(tags[c])) ++c;
    if (c >= b || IsOneOf("lr,:;~qQ", tags[c]) ||
        tokens[c].time) {
      return;
    }
  }
  int open = 0;
  for (size_t m = a + 1; m < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0 || (tags[m] != ',' && tags[m] != ';' && tags[m] != '~')) continue;
    // (A comma between names goes on with their list: "asked Mills,
    // Sullivan and Abedin to search ...".)
    if (tags[m] == ',' && tags[m - 1] == 'N') {
      size_t n = m + 1;
      while (n < b && tags[n] == 'N') ++n;
      if (n > m + 1 && n < b && (tags[n] == ',' || tags[n] == 'x')) continue;
    }
    EndBefore(tokens, tags, a, m, r);
    return;
  }
}

// "At the moment the senator learned he had lost, he was on the campaign
// trail", "With leaders worried about turnout, the mayor is rolling out a
// new message": a cue inside a phrase that opens the sentence with a
// preposition, with no comma, dash, colon or quotation before the cue,
// reports that phrase only; the content ends at a comma after which the
// sentence's own subject and verb follow (a noun phrase or a subject
// pronoun, perhaps an adverb, and an auxiliary, a copula, a negation or a
// verb: LooksLikeVerb), outside quotations. (A clause of the content's own
// keeps its comma: "At the rally she said that if taxes rise, growth will
// slow" has a subordinator before the comma; so does a relative clause.)
void Attributor::EndAtFrontedPhrase(absl::string_view text,
                                    const std::vector<Token>& tokens,
                                    const std::string& tags, size_t a,
                                    size_t b, size_t k, Range* r) const {
  if (a <= k) return;
  size_t s = PastAdverbs(tags, 0, k);
  if (s >= k || tags[s] != 'r') return;
  for (size_t q = s + 1; q < k; ++q) {
    if (IsOneOf(",;:~qQ(", tags[q])) return;
  }
  int open = 0;
  for (size_t m = a; m + 2 < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0) continue;
    // ("In what he described as a \"rant,\" ...": "as" and a determiner
    // at the start of the content is the cue's complement, no clause.)
    const bool as_complement =
        m == a && tags[m] == 's' && m + 1 < b && tags[m + 1] == 'd' &&
        LowerWordIn(*lex_, text, tokens[m], WordList::kComparison);
    if ((IsOneOf("sw;:~(", tags[m]) && !as_complement) ||
        (tags[m] == 't' && m > a)) {
      return;
    }
    // (A comma inside a closing quotation mark closes the phrase as well:
    // "In what he called a \"rant,\" the president ...".)
    const bool quoted_comma = tags[m] == 'Q' && tags[m - 1] == ',';
    if (tags[m] != ',' && !quoted_comma) continue;
    size_t n = m + 1;
    if (tags[n] == 'P') {
      ++n;
    } else {
      // (A word of the phrase that looks like a verb is the verb: "the
      // council closed it".)
      while (n < b && IsOneOf("dpjNRno0g", tags[n]) &&
             !(n > m + 1 && tags[n] == 'o' && LooksLikeVerb(text, tokens, tags, n))) {
        ++n;
      }
      if (n == m + 1) continue;
    }
    while (n < b && tags[n] == 'l') ++n;
    if (n >= b) return;
    if (IsOneOf("vbz", tags[n]) ||
        (tags[n] == 'o' && LooksLikeVerb(text, tokens, tags, n))) {
      EndBefore(tokens, tags, a, quoted_comma ? m + 1 : m, r);
    }
    return;
  }
}

// Is there, among tokens [c, m) of a phrase matched by its tags, a word in
// -ed right after a noun, the verb of a clause ("the town's mayor
// resigned")? ("the party's elected officials" has none after a noun.)
static bool HasVerbAfterNoun(absl::string_view text,
                             const std::vector<Token>& tokens,
                             const std::string& tags, size_t c, size_t m) {
  for (size_t k = c + 1; k < m; ++k) {
    if (tags[k] == 'o' && IsOneOf("on", tags[k - 1]) && LowerEdWord(text, tokens[k])) {
      return true;
    }
  }
  return false;
}

// A pattern over tags that a span of tags must match whole (RE2::FullMatch),
// answered by the automaton of "(?:pattern)$" (TagDfa, anchored) where it
// can: RE2 costs some 860 instructions a call, most of them its set-up.
class TagPhrase {
 public:
  explicit TagPhrase(const std::string& pattern)
      : re_(pattern),
        dfa_(TagDfa::Compile(absl::StrCat("(?:", pattern, ")$"),
                             TagDfa::kAnchored)) {}
  bool FullMatch(absl::string_view tags) const {
    if (dfa_ != nullptr) {
      const int answer = dfa_->Match(tags, 0, tags.size());
      if (answer >= 0) return answer == 1;
    }
    return RE2::FullMatch(re2::StringPiece(tags.data(), tags.size()), re_);
  }

 private:
  const RE2 re_;
  const std::unique_ptr<TagDfa> dfa_;
};

// The tags of a plain noun phrase: a determiner or possessive and at most two
// words (the last may be a title: "the party chairman"), or a name, perhaps
// with a possessive ("the mayor's plan").
constexpr char kPlainNounPhraseTags[] =
    "[dp][jN0]*(?:[on]{1,2}|[on]?R)(?:g[jN]*[on]{1,2})?|[NR]+(?:g[jN]*[on]{1,2})?";

// "The senator endorsed Tom Reyes during a rally on Sunday", "denied the
// charges through a lawyer", "praised the mayor after the vote": when what
// follows the cue is a plain noun phrase (a determiner or possessive and at
// most two words, or a name, perhaps with a possessive; perhaps with
// phrases of its own: "the budget of the council"), a preposition of
// class adjunct or timesub, or a subordinator of class adsub ("despite",
// "while"), or lower-case "as" before a subject pronoun ("as he waited"),
// after it opens an adjunct of the act, not part of what was said.
// (A clause goes on: "said the vote was held during a storm"
// keeps its phrase, as the noun phrase alone is no content there, and so
// does "said the closing of the port during the storm was a mistake", with
// its verb after the phrase.)
void Attributor::EndAtAdjunct(absl::string_view text,
                              const std::vector<Token>& tokens,
                              const std::string& tags, size_t a, size_t b,
                              size_t cue_end, Range* r,
                              bool with_ends) const {
  if (a < cue_end || a > cue_end + 1) return;
  // A plain noun phrase, perhaps with phrases of its own ("the budget of
  // the city council").
  static const TagPhrase* const kNounPhrase = new TagPhrase(absl::StrCat(
      "(?:", kPlainNounPhraseTags, ")(?:r(?:", kPlainNounPhraseTags, "))*"));
  // (The tags that end the search or may open an adjunct: the loop passes
  // over the others.)
  static constexpr TagTable kLooked(",;~:qQrs");
  for (size_t m = a + 1; m < b; ++m) {
    if (!kLooked(tags[m])) continue;
    if (tags[m] == ',' || tags[m] == ';' || tags[m] == '~' || tags[m] == ':' ||
        tags[m] == 'q' || tags[m] == 'Q') {
      return;
    }
    if (tags[m] != 'r' && tags[m] != 's') continue;
    const WordInfo* w = WordOf(text, tokens[m]);
    // "discussed the budget with the mayor", "talked about the levy with
    // reporters": after a cue of a topic, "with" names the one spoken to.
    const bool with_party =
        with_ends && tags[m] == 'r' &&
        absl::EqualsIgnoreCase(
            text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin), "with");
    // ("tweeted his thoughts as he waited in line": "as" and a subject
    // pronoun open a clause of time.)
    // (Lower case: a headline's "As He Recognizes" is no sure clause.)
    // (Not a comparison with an auxiliary or copula: "praised the plan as
    // she had the last one".)
    const bool as_clause =
        tags[m] == 's' && m + 2 < b && tags[m + 1] == 'P' &&
        !IsOneOf("vbz", tags[m + 2]) &&
        LowerWordIn(*lex_, text, tokens[m], WordList::kComparison);
    if (!with_party && !as_clause &&
        (w == nullptr || (w->word_class != WordClass::kAdjunctPrep &&
                         w->word_class != WordClass::kTimeSub &&
                         w->word_class != WordClass::kAdverbialSub))) {
      continue;
    }
    // ("said the days when the town had one paper are gone": after a
    // determiner and a noun of time, the subordinator opens a relative
    // clause of that time, part of the phrase; not "last week when ...",
    // a determiner of class timedet.)
    if (tags[m] == 's' && m >= a + 2 && IsOneOf("dp", tags[m - 2]) &&
        !InList(*lex_, text, tokens[m - 2], WordList::kTimeDet)) {
      const WordInfo* noun = WordOf(text, tokens[m - 1]);
      if (noun != nullptr && noun->word_class == WordClass::kTimeNoun) continue;
    }
    if (tags[m] == 'r') {
      // "suggested the closing of the port during the storm was a mistake":
      // an auxiliary or copula after the phrase is the clause's own verb.
      for (size_t q = m + 1; q < b; ++q) {
        if (IsOneOf(",;~:Psw", tags[q])) break;
        if (tags[q] == 'v' || tags[q] == 'b') return;
      }
    }
    size_t c = a;
    while (c < m && IsTrimTag(tags[c])) ++c;
    // (Or "it" alone: "opposed it because it cut funds"; or an object
    // pronoun alone, function_words.tsv list objpron: "blasted them after
    // the game"; or one word with no determiner before a subordinator and
    // a subject pronoun, "shouting warnings as she ran": two may be a
    // clause, "prices rise when they".)
    const bool phrase =
        c < m &&
        ((kNounPhrase->FullMatch(absl::string_view(tags.data() + c, m - c)) &&
          !HasVerbAfterNoun(text, tokens, tags, c, m)) ||
         IsNeuterIt(text, tokens, tags, c, m) ||
         (m == c + 1 &&
          InList(*lex_, text, tokens[c], WordList::kObjectPronoun)) ||
         (m == c + 1 && tags[c] == 'o' && tags[m] == 's' && m + 1 < b &&
          tags[m + 1] == 'P'));
    if (phrase && tokens[m - 1].end > r->begin) {
      r->end = std::min(r->end, tokens[m - 1].end);
    }
    return;
  }
}

// "Most voters say they want an outsider, while about 4 in 10 want one
// with experience": after a comma, an adverbial subordinator (class adsub)
// and a number (perhaps after an adverb or preposition, "about", "nearly")
// open the writer's count of another group, as polls are reported, not
// more of the claim. The content ends before the comma.
static void EndAtContrastedCount(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const Lexicon& lex, const std::string& tags,
                                 size_t a, size_t b, Range* r) {
  // (Most contents have no ", <subordinator>": look for one first, from
  // subordinator to subordinator, inside the content.)
  size_t sub = a + 2;
  for (; sub + 1 < b; ++sub) {
    const void* p = std::memchr(tags.data() + sub, 's', b - 1 - sub);
    if (p == nullptr) return;
    sub = static_cast<const char*>(p) - tags.data();
    if (tags[sub - 1] == ',') break;
  }
  if (sub + 1 >= b) return;
  int open = 0;
  for (size_t m = a + 1; m + 2 < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0 || tags[m] != ',' || tags[m + 1] != 's') continue;
    if (tokens[m].begin >= r->end) return;
    size_t n = m + 2;
    if (IsOneOf("rl", tags[n]) && n + 1 < b) ++n;
    if (tags[n] != '0') continue;
    const Token& t = tokens[m + 1];
    const WordInfo* w =
        lex.Word(absl::AsciiStrToLower(text.substr(t.begin, t.end - t.begin)));
    if (w == nullptr || w->word_class != WordClass::kAdverbialSub) continue;
    // (Not after a phrase alone, "claimed that in 1994, while 13 and
    // trying to C, she was hurt": "while" and a number open an aside of
    // the clause still to come, no other group.)
    size_t c = a;
    while (c < m && (IsTrimTag(tags[c]) || tags[c] == 't')) ++c;
    if (c < m && tags[c] == 'r' &&
        OnlyWordsWhere(tags, c + 1, m, [&](size_t k) { return IsOneOf("dpjNRno0gl", tags[k]); })) {
      return;
    }
    EndBefore(tokens, tags, a, m, r);
    return;
  }
}

// "Most voters say they want an outsider, compared with 40 percent who say
// the reverse": after a comma, a phrase of lower-case words and
// prepositions that holds a number ("compared with 40 percent", "followed
// by 16 percent") and then a relative word and a cue ("who say", "who also
// said") name another group and its own answer, a claim of its own: the
// content ends before the comma. ("said the fee, which 40 percent say is
// fair, ..." has no phrase with a number before the relative word.)
static void EndAtContrastedGroup(const std::vector<Token>& tokens,
                                 const std::string& tags, size_t a, size_t b,
                                 Range* r) {
  // (Most contents have no relative word: look for one first.)
  if (std::memchr(tags.data() + a, 'w', b - a) == nullptr) return;
  int open = 0;
  for (size_t m = a + 1; m + 3 < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0 || tags[m] != ',') continue;
    if (tokens[m].begin >= r->end) return;
    // (The phrase opens with a lower-case word or preposition, "compared
    // with", "followed by", "including", and holds no determiner or name:
    // ", a 12-time medalist who argued", ", the ruling in 1984 which
    // found" and ", 80 percent of those who supported" are the content's
    // own nouns.)
    size_t n = m + 1;
    if (n >= b || !IsOneOf("ori", tags[n])) continue;
    ++n;
    bool number = false;
    while (n < b && IsOneOf("orl0n", tags[n])) number |= tags[n++] == '0';
    if (!number || n >= b || tags[n] != 'w') continue;
    ++n;
    while (n < b && IsOneOf("lvz", tags[n])) ++n;
    if (n < b && tags[n] == 'C') {
      EndBefore(tokens, tags, a, m, r);
      return;
    }
  }
}

// "said the levy was needed, a claim the council disputes", "accused him
// of lying, an allegation he denied": after a comma, a determiner of one
// (list det_one: "a", "an", "each"), at most two modifiers and a noun, then
// a determiner, possessive or pronoun open a noun with a relative clause of
// its own and no "that" (with a verb: an auxiliary, copula, cue or a word in
// -ed; "a drop outside the margin" has none): the writer's appositive that
// sums up what was said and runs to the end of the content (no comma,
// semicolon or quotation after it). The content ends before the comma. (Not "the": "if X
// disagreed, the state invited Y" opens a main clause, "the more X, the
// more Y" a correlative.)
static void EndAtContactAppositive(absl::string_view text,
                                   const std::vector<Token>& tokens,
                                   const Lexicon& lex, const std::string& tags,
                                   size_t a, size_t b, Range* r) {
  size_t e = b;
  while (e > a && tokens[e - 1].end > r->end) --e;
  // (Most contents have no ", <determiner>": look for one first.)
  if (e < a + 5 ||
      absl::string_view(tags.data() + a + 1, e - a - 1).find(",d") ==
          absl::string_view::npos) {
    return;
  }
  int open = 0;
  for (size_t m = a + 1; m + 3 < e; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    // (Not after a lone opening word: "Later, a neighbor pulled ...".)
    if (open > 0 || tags[m] != ',' || tags[m + 1] != 'd' || m < a + 3) continue;
    if (!InList(lex, text, tokens[m + 1], WordList::kDetOne)) continue;
    size_t n = m + 2;
    while (n < e && n <= m + 4 && tags[n] == 'j') ++n;
    size_t h = n;
    while (h < e && h <= m + 4 && tags[h] == 'o') ++h;
    if (h == n || h >= e || !IsOneOf("dpP", tags[h])) continue;
    bool runs_to_end = true;
    bool verb = false;  // the relative clause's verb: "has modified", "denied"
    for (size_t q = h + 1; q < e && runs_to_end; ++q) {
      runs_to_end = !IsOneOf(",;qQ", tags[q]);
      verb = verb || IsOneOf("vbC", tags[q]) ||
             (tags[q] == 'o' && LowerEdWord(text, tokens[q]));
    }
    if (!runs_to_end || !verb) continue;
    EndBefore(tokens, tags, a, m, r);
    return;
  }
}

// "The letter, announcing that the plant would close, was posted on the
// door", "The group, whose members met to discuss how to stop him, has
// raised $4 million", "The briefing, in which he said the talks had failed,
// was short": when the cue stands in an aside that a comma opens before it
// (a comma and "who"/"which"/"whose", a preposition and one of them, or an
// -ing participle: "announcing", "telling them") and that no comma closes
// before the cue, the first comma after the cue (outside quotations) and a
// verb (an auxiliary, copula or negation, or a verb before its object:
// LooksLikeVerb) close the aside: the verb is the sentence's own, not part
// of what was said. The content ends before the comma. (An aside closed
// before the cue is no aside of the cue's: "Reyes, speaking to reporters,
// said the plan, as drafted, was ...".)
void Attributor::EndAtAsideClose(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t a, size_t b,
                                 size_t k, Range* r) const {
  if (a <= k || k < 2) return;
  // (Most contents have no comma: look for one first.)
  if (std::memchr(tags.data() + a, ',', b - a) == nullptr) return;
  // The aside's opening comma before the cue, none after it.
  size_t open_at = std::string::npos;
  int quoted = 0;
  for (size_t m = 0; m < k; ++m) {
    if (tags[m] == 'q') ++quoted;
    if (tags[m] == 'Q') --quoted;
    if (quoted != 0 || tags[m] != ',') continue;
    open_at = std::string::npos;
    const size_t n = m + 1;
    if (n < k + 1 &&
        (tags[n] == 'w' || tags[n] == 'i' || n == k ||
         (tags[n] == 'r' && n + 1 <= k && tags[n + 1] == 'w'))) {
      // (A participle opens an aside only as a cue or an -ing word; the cue
      // itself after the comma must be one in -ing: "the letter,
      // announcing"; "X, said Y" is no aside.)
      if (n == k) {
        const absl::string_view w =
            text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
        if (!absl::EndsWith(w, "ing")) continue;
      }
      open_at = m;
    }
  }
  if (open_at == std::string::npos || quoted != 0) return;
  // The subject before the aside: a noun phrase opens the sentence (no
  // verb before the comma), so that a verb after the aside is its own.
  for (size_t m = 0; m < open_at; ++m) {
    if (IsOneOf("vbC@:;", tags[m]) || LooksLikeVerb(text, tokens, tags, m)) return;
  }
  quoted = 0;
  for (size_t m = a; m + 1 < b; ++m) {
    if (tags[m] == 'q') ++quoted;
    if (tags[m] == 'Q') --quoted;
    if (quoted != 0 || tags[m] != ',') continue;
    if (tokens[m].begin >= r->end) return;
    const size_t v = m + 1;
    if (IsOneOf("vbz", tags[v]) || LooksLikeVerb(text, tokens, tags, v)) {
      EndBefore(tokens, tags, a, m, r);
    }
    return;
  }
}

// Does token t open a question: a subordinator (class sub) of list
// question_topic ("whether", "how", "why"), or a free relative word (class
// freerel: "what")? Not "if" (class condsub) nor "as", "once", "where".
bool Attributor::OpensQuestion(absl::string_view text, const Token& t) const {
  const WordInfo* w = WordOf(text, t);
  if (w == nullptr) return false;
  return w->word_class == WordClass::kFreeRel ||
         (w->word_class == WordClass::kSub &&
          InList(*lex_, text, t, WordList::kQuestionTopic));
}

// "The council opposed the new tax, allotting two days to the vote", "the
// senator criticized the plan, the third such bill this year": when what
// follows the cue is a phrase (no clause word, auxiliary, pronoun subject,
// cue or quotation, and no preposition first), a comma and an -ing word
// after it open a participle that tells what else the speaker did, and a
// comma and a determiner open the writer's appositive when it runs to the
// end of the content with no clause or list of its own, and a comma, a
// conjunction and a subordinator open a sentence of the writer's ("welcomed
// the budget, but when the council met, ..."). The content ends
// before the comma. (A clause keeps them: "said the plan would fail,
// leaving ..."; a list goes on: "praised the mayor, the council and the
// police"; so does a participle between commas before a verb, an aside
// after the subject of a clause: "says farmers, numbering two million,
// outvoted the city". A verb there: an auxiliary, copula or cue, or a
// lower-case word in -ed. Nor is an -ing word with no object before "and"
// or a comma: a modifier in a list, "called him a kind, loving and
// generous man".)
void Attributor::EndAtPhraseTail(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t a, size_t b,
                                 size_t cue_end, Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  size_t c = a;
  while (c < b && IsTrimTag(tags[c])) ++c;
  if (c >= b || tags[c] == 'r') return;
  for (size_t m = c + 1; m + 1 < b; ++m) {
    if (tags[m] == ',') {
      // (Not a word that opens a question: "spoke of the flood, and how
      // the town rebuilt" joins a second matter; see OpensQuestion.)
      bool tail = tags[m + 1] == 'i' ||
                  (tags[m + 1] == 'x' && m + 2 < b && tags[m + 2] == 's' &&
                   !OpensQuestion(text, tokens[m + 2]));
      if (tags[m + 1] == 'd') {
        tail = true;
        for (size_t q = m + 1; q < b && tail; ++q) {
          tail = !IsOneOf(",xvbCtPwsqQ;:~(", tags[q]);
        }
      }
      // (An -ing word with no object before "and" or a comma is a
      // modifier in a list: "called him a kind, loving and generous man".)
      if (tail && tags[m + 1] == 'i' && m + 2 < b && IsOneOf("x,", tags[m + 2])) {
        tail = false;
      }
      if (tail && tags[m + 1] == 'i') {
        for (size_t q = m + 2; q + 1 < b; ++q) {
          if (IsOneOf(";:~qQ", tags[q])) break;
          if (tags[q] != ',') continue;
          const size_t v = q + 1;
          if (IsOneOf("vbC", tags[v]) ||
              (tags[v] == 'o' && LowerEdWord(text, tokens[v]))) {
            tail = false;
          }
          break;
        }
      }
      if (tail) EndBefore(tokens, tags, a, m, r);
      return;
    }
    if (IsOneOf("PvbCtwsqQ:;~", tags[m])) return;
  }
}

// Is token k, tagged 'o' or 'i', a verb: a form of class verb or
// causative_verb (function_words.tsv: "took", "led"), or a word in -ed or -ing before a
// determiner, possessive or pronoun ("boycotted the", "urging them"; not
// "elected officials", "rising costs")?
bool Attributor::LooksLikeVerb(absl::string_view text,
                               const std::vector<Token>& tokens,
                               const std::string& tags, size_t k) const {
  if (tags[k] != 'o' && tags[k] != 'i') return false;
  const WordInfo* w = WordOf(text, tokens[k]);
  if (w != nullptr && (w->word_class == WordClass::kVerb ||
                       w->word_class == WordClass::kLightVerb ||
                       w->word_class == WordClass::kCausativeVerb)) {
    return true;
  }
  // ("boycotted one of the debates": "one" (list det_one), tagged as a
  // word, stands for a determiner there.)
  if (k + 1 >= tags.size() ||
      !(IsOneOf("dpP", tags[k + 1]) ||
        // ("jailed him": an object pronoun may be tagged as a word.)
        (tags[k + 1] == 'o' &&
         InList(*lex_, text, tokens[k + 1], WordList::kObjectPronoun)) ||
        (tags[k + 1] == 'o' && k + 2 < tags.size() && tags[k + 2] == 'r' &&
         InList(*lex_, text, tokens[k + 1], WordList::kDetOne)))) {
    return false;
  }
  if (tags[k] == 'i') return true;
  return LowerEdWord(text, tokens[k]);
}

// "Sanders stepped up demands that C", "The Pope left little doubt about
// C", "officials reviewed hundreds of speaking requests for C": before a
// cue that has a noun's form (NounReading()), a word in lower case after
// a noun, or after a name or title past the speaker's first word, that
// is a verb form (class verb, causative_verb or light_verb of
// function_words.tsv: "took", "left"; or a word in -ed) before a plain
// word or a number is the verb of the subject's own clause and the cue its
// object, a noun: no one speaks. (Not a participle before a preposition, a
// name or a determiner, "officials involved in the talks", "a group led
// by the mayor"; nor one after the capitalised first word of a sentence,
// an adjective as often as a name: "Private armed militias expressed C",
// "Journalist turned activist Jose Vargas argues C".)
bool Attributor::SpeakerHoldsVerb(absl::string_view text,
                                  const std::vector<Token>& tokens,
                                  const std::string& tags, size_t a,
                                  size_t b) const {
  for (size_t m = a + 1; m + 1 < b; ++m) {
    // (Not a compound in -ed, "customs-cleared export statistics".)
    const absl::string_view word =
        text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin);
    if (tags[m] != 'o' || tokens[m].cap || !IsOneOf("o0", tags[m + 1]) ||
        absl::StrContains(word, '-') ||
        !(tags[m - 1] == 'n' || (IsOneOf("NR", tags[m - 1]) && m - 1 > a))) {
      continue;
    }
    if (LowerEdWord(text, tokens[m])) return true;
    const WordInfo* w = WordOf(text, tokens[m]);
    if (w != nullptr && (w->word_class == WordClass::kVerb ||
                         w->word_class == WordClass::kLightVerb ||
                         w->word_class == WordClass::kCausativeVerb)) {
      return true;
    }
  }
  return false;
}

// "The senator praised the plan and boycotted the debate", "praised the
// pier and visited Salem" (a word in -ed before a name; not after another,
// "dredged and widened Salem Harbour"), "denied the
// charges and took questions", "thanking the donors and urging them on",
// "vowed to fight the tax and has since ...", "referring to the mogul but
// not naming him": when what follows the cue is a
// phrase (no clause word, auxiliary, pronoun, cue or quotation, and no verb
// of its own), "and" (perhaps after a comma and before adverbs or "not") and a verb
// open a second act of the speaker, not part of what was said; "and" and a
// subject pronoun open a clause of their own ("opposed the levy and she
// ..."). A verb: an
// auxiliary or copula, a form of class verb (function_words.tsv: "took"),
// or a word in -ed or -ing before a determiner, possessive or pronoun
// ("boycotted the", "urging them", "boycotted one of"; a noun phrase "and
// elected officials", "and rising costs" has none). The content ends before
// "and". "it" or an object pronoun before a quoted label is the cue's
// object ("called it \"horrific\" and was ..."). (A clause goes on: "said
// the council approved the plan and delayed the vote" has a verb before
// "and".)
void Attributor::EndAtCoordinatedVerb(absl::string_view text,
                                      const std::vector<Token>& tokens,
                                      const std::string& tags, size_t a,
                                      size_t b, size_t cue_end, bool ing_cue,
                                      Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  size_t c = a;
  while (c < b && IsTrimTag(tags[c])) ++c;
  // (Most contents have no conjunction, tag 'x', after their first word
  // and before their last: nothing to end before.)
  if (c + 2 >= b ||
      std::memchr(tags.data() + c + 1, 'x', b - c - 2) == nullptr) {
    return;
  }
  auto is_verb = [&](size_t k) { return LooksLikeVerb(text, tokens, tags, k); };
  static const TagPhrase* const kPlainObject =
      new TagPhrase(kPlainNounPhraseTags);
  // ("called it \"horrific\" and was ...": an object pronoun, or "it",
  // before a quoted label is the cue's object, no subject of a clause.)
  size_t first = c;
  if (tags[c] == 'P' && c + 1 < b && tags[c + 1] == 'q' &&
      (IsNeuterIt(text, tokens, tags, c, c + 1) ||
       InList(*lex_, text, tokens[c], WordList::kObjectPronoun))) {
    first = c + 1;
  }
  // The tags first; words are looked up only for a content with "and".
  // (The tags the loop looks at: it passes over the others.)
  static constexpr TagTable kLooked("PvbCtwsqQ:;~(x");
  for (size_t m = first; m + 1 < b; ++m) {
    if (!kLooked(tags[m])) continue;
    // A quoted label or phrase is part of the object ("called the deal
    // \"a disaster\" and left"): it is passed over whole.
    if (tags[m] == 'q') {
      while (m + 1 < b && tags[m] != 'Q') ++m;
      if (tags[m] != 'Q') return;
      continue;
    }
    // ("offered himself as a \"law and order\" candidate and made ...":
    // after an object pronoun or a plain noun phrase, "as" (list
    // comparison) before a determiner, possessive or quotation opens a
    // phrase of the object, no clause; "said the council saw the pier as a
    // risk and voted ..." has words before "as" that may hide a verb.)
    if (tags[m] == 's' && m > c && m + 1 < b && IsOneOf("dpq", tags[m + 1]) &&
        LowerWordIn(*lex_, text, tokens[m], WordList::kComparison) &&
        ((m == c + 1 &&
          InList(*lex_, text, tokens[c], WordList::kObjectPronoun)) ||
         kPlainObject->FullMatch(absl::string_view(tags.data() + c, m - c)))) {
      continue;
    }
    if (IsOneOf("PvbCtwsqQ:;~(", tags[m])) return;
    if (tags[m] != 'x' || m == c) continue;
    size_t n = m + 1;
    while (n < b && (tags[n] == 'l' || tags[n] == 'z')) ++n;  // "but not naming"
    // (After a cue in -ing, another -ing word with an object or an
    // infinitive is a second participle: "touting the plan and pounding him
    // on taxes", "calling for a vote and carrying signs", "crying fraud and
    // threatening to stay home".)
    auto infinitive_after = [&](size_t v) {
      return v + 2 < b &&
             InList(*lex_, text, tokens[v + 1], WordList::kInfinitiveTo);
    };
    if (n >= b || !(tags[n] == 'v' || tags[n] == 'b' || tags[n] == 'P' ||
                    is_verb(n) ||
                    (tags[n] == 'o' && n + 1 < b && tags[n + 1] == 'N' &&
                     LowerEdWord(text, tokens[n]) &&
                     !(tags[m - 1] == 'o' && LowerEdWord(text, tokens[m - 1]))) ||
                    (ing_cue && tags[n] == 'i' && n + 1 < b &&
                     IsOneOf("onN0", tags[n + 1])) ||
                    (ing_cue && tags[n] == 'i' && infinitive_after(n) &&
                     IsOneOf("olC", tags[n + 2])) ||
                    (tags[n] == 'o' && LowerEdWord(text, tokens[n]) &&
                     infinitive_after(n) && IsOneOf("obl", tags[n + 2])))) {
      continue;
    }
    // ("accused of shooting and killing him": -ing words first and after
    // "and" are a list.)
    if (tags[n] == 'i' && tags[c] == 'i') return;
    for (size_t k = c + 1; k < m; ++k) {
      // ("projects like installing panels and giving grants": a list; not
      // an -ing word after a possessive or determiner, a noun: "Fiorina's
      // firing".)
      if (tags[n] == 'i' && tags[k] == 'i' && !IsOneOf("gdp", tags[k - 1])) return;
      // (An -ing word right after a noun modifies it, no verb of a clause:
      // "praised the mayor's work saving the park but also had to ...".)
      if (tags[k] == 'i' && IsOneOf("onN", tags[k - 1])) continue;
      if (tags[k] != 'x' && is_verb(k)) return;  // a clause of its own
    }
    EndBefore(tokens, tags, a, m, r);
    return;
  }
}

// "The mayor announced new rules for the parks and said more would follow",
// "praised the council, but refused to take questions": when what follows
// the cue is a phrase, not a clause (no pronoun first, and no auxiliary,
// copula, negation or cue right after a word that could be its subject),
// "and"/"but" (perhaps after a comma), adverbs and auxiliaries and another
// cue open a second act of the speaker's: the content ends before "and".
// (A clause keeps its own verbs: "said he posed a threat and refused to
// drop the gun" reports both; the rules end it only before a cue with
// "that", a quotation or a clause of its own: TRAIL in rules.tsv.)
void Attributor::EndAtCoordinatedCue(absl::string_view text,
                                     const std::vector<Token>& tokens,
                                     const std::string& tags, size_t a,
                                     size_t b, size_t cue_end,
                                     Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  size_t c = a;
  while (c < b && (IsTrimTag(tags[c]) || tags[c] == 'l')) ++c;
  // (A clause, a wh-clause, an infinitive or a phrase after a preposition
  // coordinates inside: "planned to withdraw and seek the seat".)
  if (c >= b || IsOneOf("Ptwsr", tags[c])) return;
  // The tags first; words are looked up only for a content with "and" and
  // a cue.
  auto subject_before = [&](size_t m) {
    return IsOneOf("NRnoP0Qgj", tags[m - 1]);
  };
  // (The tags the loop looks at: it passes over the others.)
  static constexpr TagTable kLooked("qQvbzCix");
  int open = 0;
  for (size_t m = c; m + 1 < b; ++m) {
    if (!kLooked(tags[m])) continue;
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0) continue;
    if (m > c && IsOneOf("vbzC", tags[m]) && subject_before(m)) {
      return;  // a subject and its verb: a clause
    }
    if (tags[m] == 'i') return;  // "by calling X and accusing Y"
    if (tags[m] != 'x' || m == c) continue;
    size_t n = m + 1;
    while (n < b && IsOneOf("lvbz", tags[n])) ++n;
    if (n >= b || tags[n] != 'C') continue;
    int quoted = 0;
    for (size_t v = c; v < m; ++v) {
      if (tags[v] == 'q') ++quoted;
      if (tags[v] == 'Q') --quoted;
      if (v > c && quoted <= 0 && tags[v] == 'o' && subject_before(v) &&
          LooksLikeVerb(text, tokens, tags, v)) {
        return;  // "the driver ignored the signal"
      }
    }
    EndBefore(tokens, tags, a, m, r);
    return;
  }
}

// "The union endorsed Tom Reyes in June", "endorsed him here on Sunday",
// "praised the plan last week": when what follows the cue is a plain noun
// phrase (as for EndAtAdjunct, or one word: "him"), a phrase of time that
// closes the content tells when it was said, not what: a weekday or a word
// of time ("Sunday", "yesterday"), a month or a year after a preposition
// ("in June", "in 2012"), or a noun of time after "last", "this" or "next"
// ("last week"), perhaps with a preposition and "early"/"late" before it
// and an adverb ("here") before all. The content ends before it. (A clause
// keeps its time: "said the vote was held in June".)
void Attributor::EndAtTimePhrase(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t a, size_t b,
                                 size_t cue_end, Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  // A plain noun phrase or one word; or one with phrases of its own ("his
  // support for the sheriff") or an -ing noun ("her backing"), when a
  // preposition of place, occasion or time opens a phrase of a day ("on
  // Monday"; not "the memory of the flood of 1990", and not a year: "his
  // run for the seat in 2014" is the run's).
  static const TagPhrase* const kPlainNounPhrase =
      new TagPhrase(absl::StrCat(kPlainNounPhraseTags, "|[o0]"));
  static const TagPhrase* const kNounPhrase = new TagPhrase(
      absl::StrCat("(?:", kPlainNounPhraseTags,
                   "|[dp]i)(?:r(?:", kPlainNounPhraseTags, "))*"));
  size_t e = b;
  while (e > a && tokens[e - 1].end > r->end) --e;
  while (e > a && IsTrimTag(tags[e - 1])) --e;
  auto word_class = [&](size_t k) {
    const WordInfo* w = WordOf(text, tokens[k]);
    return w == nullptr ? WordClass::kNone : w->word_class;
  };
  auto is_year = [&](size_t k) {
    if (tags[k] != '0' || tokens[k].end - tokens[k].begin != 4) return false;
    absl::string_view w = text.substr(tokens[k].begin, 4);
    return (w[0] == '1' && w[1] == '9') || (w[0] == '2' && w[1] == '0');
  };
  // The words of time that end the content, read backward.
  size_t s = e;
  bool dated = false;      // a weekday, "yesterday", a month
  bool year = false;       // "2012"
  bool time_noun = false;  // "week"
  while (s > a) {
    const WordClass c = word_class(s - 1);
    if (tokens[s - 1].time || c == WordClass::kMonth) {
      dated = true;
    } else if (is_year(s - 1)) {
      year = true;
    } else if (c == WordClass::kTimeNoun) {
      time_noun = true;
    } else {
      break;
    }
    --s;
  }
  if (s == e || s == a) return;
  size_t o = s;  // where the phrase opens
  if (dated || year) {
    if (o > a + 1 && (tags[o - 1] == 'l' || tags[o - 1] == 'j' ||
                      tags[o - 1] == 'o') &&
        tags[o - 2] == 'r') {
      --o;  // "in early June"
    }
    if (tags[o - 1] == 'r') {
      --o;
    } else if (!dated) {
      return;  // a year only after a preposition
    }
  } else if (time_noun) {
    // "last week", "this month", "next year"
    if (tags[o - 1] == 'd') {
      if (!InList(*lex_, text, tokens[o - 1], WordList::kTimeDet)) return;
    } else if (tags[o - 1] != 'l') {
      return;
    }
    --o;
  }
  const bool opened = o < s;  // by a preposition or "last", "this", "next"
  if (o > a && tags[o - 1] == 'l') --o;  // "here on Sunday"
  size_t c = a;
  while (c < o && IsTrimTag(tags[c])) ++c;
  // (A closed quotation alone is a phrase too: "tweeted \"Go Ohio!\" on
  // Friday".)
  const bool quotation = c < o && tags[c] == 'q' && tags[o - 1] == 'Q' &&
                         std::count(tags.begin() + c, tags.begin() + o, 'q') == 1 &&
                         std::count(tags.begin() + c, tags.begin() + o, 'Q') == 1;
  // (The preposition of the phrase of time, if any.)
  bool act_prep = false;
  for (size_t k = o; k < s; ++k) {
    if (tags[k] != 'r') continue;
    const WordClass w = word_class(k);
    act_prep = w == WordClass::kVenuePrep || w == WordClass::kAdjunctPrep ||
               w == WordClass::kTimeSub;
    break;
  }
  if (c >= o || HasVerbAfterNoun(text, tokens, tags, c, o) ||
      (!quotation &&
       !kPlainNounPhrase->FullMatch(
           absl::string_view(tags.data() + c, o - c)) &&
       !(act_prep && dated &&
         kNounPhrase->FullMatch(absl::string_view(tags.data() + c, o - c))))) {
    return;
  }
  // One word before a bare day may be the day's own ("late Thursday").
  if (o - c == 1 && !opened) return;
  if (tokens[o - 1].end > r->begin) r->end = std::min(r->end, tokens[o - 1].end);
}

// "called him a \"moderate,\" a subtle dig at a rival", "refused to say
// the words \"harbor tax,\" another moment seized upon", "called Reyes the
// \"ultimate insider,\" linking to a story": when what follows the cue is a
// phrase (no verb: determiners, nouns, names, modifiers, prepositions and
// "as"), then a quotation whose own comma closes it, what comes after the
// closing mark in lower case is the writer's: the content ends at the mark.
// (Not before a subordinator, "a \"rush to judgment,\" because ...", nor
// before another quotation: a list of labels, "a \"loser,\" a \"liar\"
// and a \"whiner\"".)
void Attributor::EndAtLabelQuoteComma(absl::string_view text,
                                      const std::vector<Token>& tokens,
                                      const std::string& tags, size_t a,
                                      size_t b, size_t cue_end,
                                      Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  const void* open = std::memchr(tags.data() + a, 'q', b - a);
  if (open == nullptr) return;
  const size_t o = static_cast<const char*>(open) - tags.data();
  size_t c = a;
  while (c < o && IsTrimTag(tags[c])) ++c;
  if (c >= o) return;
  for (size_t m = c; m < o; ++m) {
    if (IsOneOf("on", tags[m]) && m > c && LooksLikeVerb(text, tokens, tags, m)) {
      return;  // "entered their dormitory in \"riot gear,\" ..."
    }
    if (IsOneOf("dpjNRno0gr", tags[m])) continue;
    if (tags[m] == 'P' && m == c) continue;  // "him"
    if (tags[m] == 's' && LowerWordIn(*lex_, text, tokens[m], WordList::kComparison)) {
      continue;  // "described the fire as a \"...\""
    }
    return;
  }
  size_t e = o + 1;
  while (e < b && tags[e] != 'Q') ++e;
  if (e + 1 >= b || tags[e - 1] != ',') return;
  const size_t n = e + 1;
  if (tokens[n].cap || IsOneOf(",.;:~-sqQ()rvbCz", tags[n])) return;
  // (The phrase may be the subject of a clause: "a \"testing window,\"
  // would drag out ...", "her \"beautiful,\" crashed"; and "and" and a
  // subject open a clause of their own.)
  if (tags[n] == 'o' && LowerEdWord(text, tokens[n])) return;
  if (tags[n] == 'x' && n + 1 < b && IsOneOf("dpNRPn0", tags[n + 1])) return;
  if (std::memchr(tags.data() + n, 'q', b - n) != nullptr) return;
  if (tokens[e].end > r->begin && tokens[e].end < r->end) r->end = tokens[e].end;
}

// "urged them to close the \"harbor loophole,\" which lets trawlers skip
// inspections", "said the pier would be \"fully repaired,\" despite the
// cuts", "called the deal \"a giveaway,\" a reference to the lease": a
// comma inside the closing mark of a quotation in the content stands where
// the comma after it would, and the writer's tails that a plain comma ends
// (rules.tsv TRAIL, EndAtWritersTerms) end the content there too, after the
// mark: a relative clause of "which"/"who"/"whose" (not "that") that runs
// to the end of the content with no comma or quotation of its own; a
// determiner and at most three words of a noun phrase that close the
// content, or go on only with a relative clause or an -ing word of their
// own, or "a"/"an" and a noun that sums up the act ("a move that ..."); a
// word of concession (list concessive) and a phrase with a noun and
// no clause of its own to the end.
void Attributor::EndAtQuoteCommaTail(absl::string_view text,
                                     const std::vector<Token>& tokens,
                                     const std::string& tags, size_t a,
                                     size_t b, Range* r) const {
  // (The marker of an infinitive, list inf_to.)
  auto to = [&](size_t m) {
    return m >= a && m < b && tags[m] == 'r' &&
           InList(*lex_, text, tokens[m], WordList::kInfinitiveTo);
  };
  // (Most contents hold no closing mark: only the marks are looked at.)
  const char* t = tags.data();
  // The quotations open before `read` (one level deep: the opening mark of
  // the outer one at `o`), counted once, as the search goes on from mark
  // to mark.
  int open = 0;
  size_t o = a, read = a;
  for (size_t c = a + 1; c + 2 < b; ++c) {
    const void* p = std::memchr(t + c, 'Q', b - 1 - c);
    if (p == nullptr) return;
    c = static_cast<size_t>(static_cast<const char*>(p) - t);
    if (tokens[c + 1].end > r->end) return;
    if (t[c - 1] != ',') continue;
    // The comma closes a quotation of the content's own (one level deep).
    for (; read < c; ++read) {
      if (t[read] == 'q' && open++ == 0) o = read;
      if (t[read] == 'Q') --open;
      // (Not inside brackets, which would stay open.)
      if (t[read] == '(') return;
    }
    if (open != 1) continue;
    const size_t m = c - 1;  // the comma
    const size_t n = c + 1;
    // (The content's last word, before its closing punctuation.)
    size_t e = n;
    while (e < b && tokens[e].end <= r->end) ++e;
    while (e > n && IsTrimTag(tags[e - 1])) --e;
    if (e == n) return;
    bool tail = false;
    if (tags[n] == 'w') {
      tail = true;
      for (size_t q = n + 1; q < e && tail; ++q)
        tail = !IsOneOf(",qQ", tags[q]);
    } else if (tags[n] == 'd' && !to(o - 1) && !to(o + 1) &&
               !(IsOneOf("vbC", tags[m - 1]) ||
                 (tags[m - 1] == 'o' &&
                  LooksLikeVerb(text, tokens, tags, m - 1)))) {
      // (After a verb, or an infinitive's quotation, the phrase is its
      // object: "wants \"to refine, and repeal,\" the resolution".)
      size_t q = n + 1;
      while (q < e && q <= n + 3 && IsOneOf("dpjgNRnor0-", tags[q])) ++q;
      tail = q == e;
      // (An -ing word after a noun, not the head: "the meeting may ...".)
      if (!tail && q < e &&
          (tags[q] == 'w' ||
           (tags[q] == 'i' && q > n + 1 && IsOneOf("nNRo", tags[q - 1])))) {
        tail = true;
        for (++q; q < e && tail; ++q) tail = tags[q] != ',';
      }
      // (Or "a"/"an", perhaps one modifier, and a noun of class aside that
      // sums up the act, whatever follows: "a reference to ...".)
      size_t h = n + 1;
      if (h + 1 < e && tags[h] == 'j') ++h;
      if (!tail && h < e && InList(*lex_, text, tokens[n], WordList::kDetOne)) {
        const WordInfo* w = WordOf(text, tokens[h]);
        tail = w != nullptr && w->word_class == WordClass::kAsideNoun;
      }
    } else if (tags[n] == 's' &&
               InList(*lex_, text, tokens[n], WordList::kConcessive)) {
      bool clause = false, noun = false;
      for (size_t q = n + 1; q < e && !clause; ++q) {
        clause = IsOneOf("PvbCtqQ,;:~", tags[q]) ||
                 (tags[q] == 'o' && LowerEdWord(text, tokens[q]));
        noun = noun || IsOneOf("dpNRn0i", tags[q]);
      }
      tail = noun && !clause;
    }
    if (tail && tokens[m + 1].end > r->begin && tokens[m + 1].end < r->end) {
      r->end = tokens[m + 1].end;
    }
    return;
  }
}

// "The senator announced her campaign last year in the lobby of the
// hotel", "praised the chief's record last week, days before the vote",
// "conceded defeat Tuesday night -- and left": when what follows the cue is
// a plain noun phrase (perhaps with a possessive and phrases of its own:
// "tighter rules on the pier"), a phrase of time right after it (a weekday
// or word of time, perhaps after a preposition, or a noun of time after
// "last", "this" or "next") that more adjuncts of the act follow (a comma,
// a dash, a preposition or a subordinator) tells when it was said: the
// content ends before it. (EndAtTimePhrase takes a phrase of time that
// closes the content. Not before a quotation, "that" or a clause: "told
// reporters Thursday that C", "called the remarks on Saturday \"a
// mistake\"".)
void Attributor::EndAtInnerTimePhrase(absl::string_view text,
                                      const std::vector<Token>& tokens,
                                      const std::string& tags, size_t a,
                                      size_t b, size_t cue_end,
                                      Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  static const TagPhrase* const kNounPhrase = new TagPhrase(
      "(?:(?:[dp][jN0onR]{1,4}|[NR]+)g)?(?:[dp]?[jN0]*[on]{1,2}|[NR]+)"
      "(?:r(?:[dp]?[jN0]*[on]{1,2}|[NR]+))*");
  size_t c = a;
  while (c < b && IsTrimTag(tags[c])) ++c;
  size_t e = b;
  while (e > a && tokens[e - 1].end > r->end) --e;
  auto word_class = [&](size_t k) {
    const WordInfo* w = WordOf(text, tokens[k]);
    return w == nullptr ? WordClass::kNone : w->word_class;
  };
  // The tags a plain noun phrase and the phrase of time are made of; any
  // other ends the search.
  auto phrase_tag = [](char t) {
    switch (t) {
      case 'd': case 'p': case 'j': case 'N': case '0': case 'o':
      case 'n': case 'R': case 'r': case 'g': case 'l':
        return true;
      default:
        return false;
    }
  };
  if (c >= e || !phrase_tag(tags[c])) return;
  for (size_t o = c + 1; o + 1 < e; ++o) {
    if (!phrase_tag(tags[o])) return;
    size_t s = o;
    if (tags[s] == 'r' &&
        (tokens[s + 1].time ||
         (tokens[s + 1].cap && word_class(s + 1) == WordClass::kMonth))) {
      ++s;  // "on Tuesday", "in June"
    } else if ((tags[s] == 'l' || tags[s] == 'd') && tags[s + 1] == 'o' &&
               word_class(s + 1) == WordClass::kTimeNoun &&
               (tags[s] == 'l' ||
                InList(*lex_, text, tokens[s], WordList::kTimeDet))) {
      ++s;  // "last week"
    } else if (!tokens[s].time) {
      if (tags[s] == 'l') return;  // an adverb: no plain noun phrase
      continue;
    }
    size_t t = s + 1;
    while (t < e && (tokens[t].time || word_class(t) == WordClass::kTimeNoun)) ++t;
    // (Or a preposition of place or occasion, class venue, and a
    // determiner: "last year in the lobby of the hotel"; not a place's
    // name, "on Tuesday in Texas", nor another preposition, "support last
    // year for a ban".)
    if (t >= e || !(IsOneOf(",~", tags[t]) ||
                    (tags[t] == 'r' && t + 1 < e && tags[t + 1] == 'd' &&
                     word_class(t) == WordClass::kVenuePrep))) {
      return;
    }
    if (!kNounPhrase->FullMatch(absl::string_view(tags.data() + c, o - c)))
      return;
    // (Not a word of the phrase of time, "next Tuesday", nor a verb or
    // participle in -ed right before it, "Castile died Wednesday night at
    // the hospital", "an anecdote published Sunday in the Times".)
    if (InList(*lex_, text, tokens[o - 1], WordList::kTimeDet) ||
        LowerEdWord(text, tokens[o - 1])) {
      return;
    }
    if (tokens[o - 1].end > r->begin) r->end = std::min(r->end, tokens[o - 1].end);
    return;
  }
}

// "The crowd chanted, \"Four more years!\" as the band played", "she kept
// saying, \"Not now,\" until the door shut", "he wrote: \"We won.\" - and
// left": a content after its cue that opens with a whole quotation, closed
// by its own punctuation, ends at the closing mark when a subordinate
// clause (a word of class sub, adsub or timesub), a conjunction or a dash
// follows it, with no other quote mark: the clause tells when or how it
// was said, the quotation is what was said. (A quoted phrase without its
// own stop goes on the sentence: "called for \"fair play\" as a rule".)
void Attributor::EndAtQuoteClose(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t a,
                                 size_t* b) const {
  while (a < *b && IsTrimTag(tags[a])) ++a;
  if (a >= *b || tags[a] != 'q') return;
  size_t m = a + 1;
  while (m < *b && tags[m] != 'q' && tags[m] != 'Q') ++m;
  if (m >= *b || tags[m] != 'Q' || m < a + 2) return;
  // The quotation closes a sentence or clause of its own ("...up!",
  // "...it,"), or a lone dash follows its mark (below), and no other quote
  // mark follows.
  uint32_t last = tokens[m].begin;
  while (last > tokens[a].end && text[last - 1] == ' ') --last;
  const bool closed = last > tokens[a].end && IsOneOf(",.!?", text[last - 1]);
  // ('said, "I am proud to be an American" - the first to say so': a dash
  // right after the mark, with no second dash after it to close an aside
  // that the clause goes on from, opens the writer's tail.)
  if (!closed) {
    if (m + 1 >= *b || tags[m + 1] != '~') return;
    for (size_t d = m + 2; d < *b; ++d) {
      if (tags[d] == '~' || tags[d] == 'q' || tags[d] == 'Q') return;
    }
    *b = m + 1;
    return;
  }
  for (size_t q = m + 1; q < *b; ++q) {
    if (tags[q] == 'q' || tags[q] == 'Q') return;
  }
  size_t n = m + 1;
  while (n < *b && tags[n] == ',') ++n;
  if (n >= *b) return;
  bool ends = tags[n] == '~' || tags[n] == 'x';
  if (tags[n] == 's') {
    const WordInfo* w = WordOf(text, tokens[n]);
    ends = w != nullptr && (w->word_class == WordClass::kSub ||
                            w->word_class == WordClass::kAdverbialSub ||
                            w->word_class == WordClass::kTimeSub);
  }
  if (ends) *b = m + 1;
}

// "the rules, which the mayor said would hurt shops", "what the senator said
// was a mistake": in a relative clause whose speaker and cue follow the
// relative word, that word stands for part of what was said, and news
// annotators mark it as the first part of the content ("which ... would hurt
// shops"). Returns the word's span, or an empty range: when the content does
// not follow the cue, after a preposition ("the speech in which she said
// C": "which" is no part of it), for "whose" (class possrel), and for
// "that", which after a
// noun is as often a complement ("the claim that X said C"). Two more:
// a free relative ("what") after a preposition is the preposition's object
// whole, and its word is still the cue's ("a crime in what police called
// \"a hate crime\""); and "that" before a label cue whose content is a
// quotation right after it (`label_quote`: "a plan that the mayor called
// \"our best hope\"") is the relative: a complement clause would name what
// is called as well.
Range Attributor::RelativeBefore(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t speaker,
                                 size_t a, size_t cue_end,
                                 bool label_quote) const {
  if (speaker == 0 || a < cue_end) return Range();
  const size_t w = speaker - 1;
  if (tags[w] != 'w' && tags[w] != 's' && tags[w] != 't') return Range();
  const WordInfo* info = WordOf(text, tokens[w]);
  const WordClass cls = info == nullptr ? WordClass::kNone : info->word_class;
  const bool free_rel = tags[w] == 's' && cls == WordClass::kFreeRel;
  if (w > 0 && tags[w - 1] == 'r' && !free_rel) return Range();
  const bool rel = (tags[w] == 'w' && cls != WordClass::kPossRel) || free_rel ||
                   (tags[w] == 't' && label_quote && a == cue_end);
  return rel ? Range{tokens[w].begin, tokens[w].end} : Range();
}

// "hire the employees they thought were the best fit", "the 1.2 billion
// dollars it expects to collect": in a relative clause with no relative word
// (a subject pronoun right after a noun phrase that a determiner or
// possessive opens), whose cue is followed at once by a gap (a verb with no
// subject, or an infinitive with no object), the noun phrase stands for part
// of what was said, and news annotators mark it as the first part of the
// content. Returns its span, or an empty range. (Not a phrase that opens the
// sentence, "In the speech he promised to cut taxes", nor one of time, "Last
// week she said".)
Range Attributor::ContactAntecedent(absl::string_view text,
                                    const std::vector<Token>& tokens,
                                    const std::string& tags, size_t sa,
                                    size_t sb, size_t a, size_t b,
                                    size_t cue_end) const {
  if (a != cue_end || a >= b || sa < 2) return Range();
  // (A pronoun: a name may end a longer subject, "the most optimistic
  // Democrats doubt will flip".)
  if (sb != sa + 1 || tags[sa] != 'P') return Range();
  // The gap: an auxiliary or copula, or "to" and a lower-case word.
  const bool subject_gap = tags[a] == 'v' || tags[a] == 'b';
  const bool infinitive =
      tags[a] == 'r' && a + 1 < b && tags[a + 1] == 'o' &&
      InList(*lex_, text, tokens[a], WordList::kInfinitiveTo);
  if (!subject_gap && !infinitive) return Range();
  const size_t head = sa - 1;
  if (tags[head] != 'n' && tags[head] != 'o') return Range();
  if (tokens[head].time) return Range();
  const WordInfo* w = WordOf(text, tokens[head]);
  // (A noun of class notice is a noun as any other here: "a story he says
  // is false".)
  if (w != nullptr && w->word_class != WordClass::kNone &&
      w->word_class != WordClass::kNotice) {
    return Range();
  }
  size_t s = head;
  while (s > 0 && IsOneOf("jon0-", tags[s - 1])) --s;
  if (s == 0 || (tags[s - 1] != 'd' && tags[s - 1] != 'p')) return Range();
  --s;
  bool fronted = true;
  for (size_t m = 0; m < s && fronted; ++m) fronted = IsOneOf("rslx,", tags[m]);
  if (fronted) return Range();
  return Range{tokens[s].begin, tokens[head].end};
}

// "the changes that the senator suggested before the vote", "the cases
// she argued before the court were harder", "the 3 percent the alliance
// recommends for members": a cue in a relative clause whose object is the
// noun before the clause (after "that", or with no relative word after a
// noun phrase a determiner or possessive opens; "which" stays a content
// part, see RelativeBefore) has said what that noun names; the words after
// the cue are its adjuncts and are not what was said. Whether sa..sb, the
// speaker before the cue at k (adverbs, negations and auxiliaries
// between), stands in such a clause, and what follows the cue up to b
// opens with adverbs, then a phrase of time, a preposition (not the "to"
// of an infinitive) or a subordinator of time or of an adverbial clause
// ("before", "while"; not "as", "if", "how"), with no "that", cue,
// quotation or colon after it ("told reporters that officials said on
// Friday that C", "the things we know about it: C" go on). (Not a noun
// phrase that opens the sentence after a preposition: "In the speech he
// gave on Monday" may be the cue's own adjunct.) `no_inversion`: the cue
// takes a noun phrase for its object (verbs.tsv flag noinvert).
bool Attributor::ObjectGapRelative(absl::string_view text,
                                   const std::vector<Token>& tokens,
                                   const std::string& tags, size_t sa,
                                   size_t sb, size_t k, size_t cue_end,
                                   size_t b, bool no_inversion) const {
  if (sb > k) return false;
  for (size_t m = sb; m < k; ++m) {
    if (!IsOneOf("vlz", tags[m])) return false;
  }
  // (Back over the speaker's determiner or possessive: "the council".)
  while (sa > 0 && IsOneOf("dp", tags[sa - 1])) --sa;
  if (sa < 2) return false;
  size_t head = sa - 1;
  if (tags[head] == 't') {
    --head;
  } else if (!IsOneOf("PdpN", tags[sa])) {
    return false;
  }
  if (tags[head] != 'n' && tags[head] != 'o' && tags[head] != '0') return false;
  if (tokens[head].time) return false;
  // The noun phrase is no phrase that opens the sentence ("In the speech
  // he promised ...", "On Friday the mayor said ...").
  size_t s = head;
  while (s > 0 && IsOneOf("jon0-", tags[s - 1])) --s;
  const bool det = s > 0 && (tags[s - 1] == 'd' || tags[s - 1] == 'p');
  if (head + 1 == sa && !det) return false;
  if (det) --s;
  // (With no relative word, not a phrase that opens the sentence: "The
  // next day the reporter asked for C" is the cue's adjunct of time.)
  if (head + 1 == sa && s == 0) return false;
  bool fronted = s > 0;
  for (size_t m = 0; m < s && fronted; ++m) fronted = IsOneOf("rslx,", tags[m]);
  if (fronted) return false;
  // The gap: adverbs, then a phrase of time, a preposition (not the "to"
  // of an infinitive), a subordinator other than "as", or the end.
  size_t g = cue_end;
  while (g < b && IsOneOf("lz", tags[g])) ++g;
  while (g < b && tokens[g].time) ++g;
  // (Not at the end, nor before a comma or dash: "the plan he proposed,
  // C" and "the kind he described - C" may go on with what was said.)
  if (g >= b) return false;
  {
    const char c = tags[g];
    // ("to" before a word in lower case other than a determiner,
    // possessive, pronoun or number is an infinitive's: "a fight it expects
    // to last", "seems to be".)
    // ("of", of list partitive, is the object of the cue's own: "learned of
    // the death", "accused of fraud".)
    const bool prep =
        c == 'r' && !(InList(*lex_, text, tokens[g], WordList::kInfinitiveTo) &&
                      g + 1 < b && !tokens[g + 1].cap && !IsOneOf("dpP0", tags[g + 1])) &&
        !InList(*lex_, text, tokens[g], WordList::kPartitive);
    // (A subordinator of time or of an adverbial clause only: "knows how
    // to", "said if it lost, C" report a clause.)
    const WordInfo* gw = WordOf(text, tokens[g]);
    const bool sub = c == 's' && gw != nullptr &&
                     (gw->word_class == WordClass::kTimeSub ||
                      gw->word_class == WordClass::kAdverbialSub) &&
                     !LowerWordIn(*lex_, text, tokens[g], WordList::kComparison);
    // (The main clause's verb after an adjunct: checked below. Right after
    // the cue it is the relative clause's own as often, "the employees
    // they thought were fit": see ContactAntecedent.)
    const bool verb = g > cue_end && (c == 'v' || c == 'b');
    if (!prep && !sub && !verb) return false;
  }
  bool verb = false;
  for (size_t m = g; m < b; ++m) {
    if (IsOneOf("tqQC@:", tags[m])) return false;
    verb |= tags[m] == 'v' || tags[m] == 'b';
  }
  // A verb after the cue (or after its adjuncts) with no subject of its
  // own may be the relative clause's own ("a possibility that an aide said Friday is under
  // consideration": the noun is the subject of what was said), unless the
  // cue takes a noun phrase for its object (verbs.tsv flag noinvert: "the
  // plan that the mayor proposed in May would cost C").
  return !verb || no_inversion;
}

// "The new rules, which the mayor said would hurt shops, take effect in May",
// "the plan -- which the senator denounced on Friday -- goes to a vote",
// "voters who believe the race is rigged, however, are few": a cue inside a
// relative clause (its relative word before the speaker, or the speaker
// itself) reports that clause only. The content ends at a comma after which
// the sentence's own verb goes on (an auxiliary, a copula or a negation,
// perhaps after an adverb: ", however, will"; or a form of class verb or a
// word in -ed before a determiner: ", quickly went up"; or a subject and
// such a verb: ", Reyes lost his seat"), or at the dash
// that closes a clause opened by a dash, outside quotations. A relative
// clause right after the noun it
// qualifies, with no verb before it in the sentence, is part of the
// sentence's subject: "A councillor who said the plan would fail left the
// meeting", "the man who said the bridge was unsafe was fired": once the
// content has a verb (an auxiliary or a copula), a second one after other
// words, with no clause word, conjunction or punctuation between (an
// auxiliary or copula not after "to", a form of class verb, a word in -ed
// before a determiner or ending the sentence), is the sentence's own verb;
// the content ends before it; so is the first auxiliary or copula after an
// infinitive content ("the newcomer who wants to unseat the mayor is
// raising money"). (A clause of its own goes on: "said the plan was late
// and was costly", "said the bridge that was built was unsafe".)
void Attributor::EndAtRelativeClause(absl::string_view text,
                                     const std::vector<Token>& tokens,
                                     const std::string& tags, size_t speaker,
                                     size_t a, size_t b, Range* r) const {
  // "The deal she once supported makes sense", "the plan the mayor praised
  // last week failed": a subject right after a plain noun (tag 'o' or 'n',
  // perhaps with the subject's determiner between) and a cue that takes a
  // noun phrase for its object (ObjectStance()) make a relative clause
  // with no relative word, whose object is that noun; when a verb follows
  // the cue at once (perhaps after adverbs and words of time: an
  // auxiliary, a copula, a verb form or a word in -ed before a preposition
  // or word), it is the sentence's own. The clause ends at the cue: no
  // content.
  {
    size_t k = a;  // just after the cue's first word, when `a` follows the cue
    while (k > speaker && tags[k - 1] == '_') --k;
    size_t s = speaker;
    if (s > 0 && IsOneOf("dp", tags[s - 1])) --s;
    if (k > speaker && tags[k - 1] == '@' && s > 0 &&
        IsOneOf("on", tags[s - 1]) && IsOneOf("dpPNRno", tags[speaker]) &&
        ObjectStance(lex_->cues()[tokens[k - 1].cue].stance)) {
      auto time_word = [&](size_t n) {
        if (tags[n] == 'l' || tokens[n].time) return true;
        const WordInfo* wi = tags[n] == 'o' ? WordOf(text, tokens[n]) : nullptr;
        return wi != nullptr && wi->word_class == WordClass::kTimeNoun;
      };
      size_t n = a;
      while (n < b && time_word(n)) ++n;
      if (n < b && (IsOneOf("vb", tags[n]) ||
                    (tags[n] == 'o' &&
                     (LooksLikeVerb(text, tokens, tags, n) ||
                      (LowerEdWord(text, tokens[n]) &&
                       (n + 1 == b || IsOneOf("ro", tags[n + 1]))))))) {
        r->end = r->begin;
        return;
      }
    }
  }
  size_t w;
  if (tags[speaker] == 'w') {
    w = speaker;
  } else if (speaker >= 1 && tags[speaker - 1] == 'w') {
    w = speaker - 1;
  } else if (speaker >= 2 && tags[speaker - 2] == 'w' && IsOneOf("dp", tags[speaker - 1])) {
    w = speaker - 2;  // a speaker named without its determiner
  } else {
    return;
  }
  const bool dash = w > 0 && tags[w - 1] == '~';
  int open = 0;
  for (size_t m = a + 1; m < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0) continue;
    bool end = dash && tags[m] == '~';
    if (tags[m] == ',') {
      size_t n = m + 1;
      while (n < b && (tags[n] == 'l' || tags[n] == ',')) ++n;
      end = n < b && (tags[n] == 'v' || tags[n] == 'b' || tags[n] == 'z' ||
                      (tags[n] == 'o' && LooksLikeVerb(text, tokens, tags, n)));
      // "praised the contract, which the firm says will cost millions, and
      // the vote": a comma, a conjunction and a noun phrase that ends the
      // sentence go on with the main clause's list, not the relative
      // clause.
      if (!end && n + 1 < b && tags[n] == 'x') {
        size_t e = b;
        while (e > n + 1 && IsTrimTag(tags[e - 1])) --e;
        end = e > n + 1;
        for (size_t q = n + 1; q < e && end; ++q) end = IsOneOf("dpjgNRno0-", tags[q]);
      }
      // ("A voter who supports the mayor, Reyes lost his seat": a subject
      // and its verb after the comma open the sentence's own clause.)
      if (!end && n < b && IsOneOf("dpNR", tags[n])) {
        size_t v = n + 1;
        while (v < b && IsOneOf("dpjNRno0g", tags[v]) &&
               !(tags[v] == 'o' && LooksLikeVerb(text, tokens, tags, v))) {
          ++v;
        }
        while (v < b && tags[v] == 'l') ++v;
        end = v < b && (IsOneOf("vbz", tags[v]) ||
                        (tags[v] == 'o' && LooksLikeVerb(text, tokens, tags, v)));
      }
    }
    if (!end) continue;
    EndBefore(tokens, tags, a, m, r);
    return;
  }
  // (A determiner alone stands for its noun: "those who said C".)
  if (w == 0 || !IsOneOf("noNRd", tags[w - 1])) return;
  for (size_t m = 0; m < w; ++m) {
    if (IsOneOf("vbzC@%P:;qQ", tags[m])) return;
  }
  // ("The novice who wants to unseat the mayor is reaping rewards": an
  // infinitive has no auxiliary or copula of its own; the first after it,
  // with no clause word, conjunction or punctuation before, is the
  // sentence's verb.)
  {
    size_t c = a;
    while (c < b && IsTrimTag(tags[c])) ++c;
    if (c + 2 < b && tags[c] == 'r' &&
        InList(*lex_, text, tokens[c], WordList::kInfinitiveTo) &&
        IsOneOf("ol", tags[c + 1])) {
      for (size_t n = c + 2; n < b; ++n) {
        if (IsOneOf("xtwsPC,;:~qQ(", tags[n])) break;
        if (IsOneOf("vb", tags[n])) {
          EndBefore(tokens, tags, a, n, r);
          return;
        }
      }
    }
  }
  // ("The senators who attacked the plan are now backing it", "voters who
  // praised the budget outnumbered its critics": a cue that takes a noun
  // phrase for its object, ObjectStance(), has no verb of its own in its
  // content; the first verb after the object's noun, an auxiliary, a
  // copula or a verb form (LooksLikeVerb(), or a word in -ed before a
  // preposition or word), is the sentence's.)
  {
    size_t k = a;
    while (k > w && tags[k - 1] != '@') --k;
    if (k > w && ObjectStance(lex_->cues()[tokens[k - 1].cue].stance)) {
      for (size_t n = a + 1; n < b; ++n) {
        const char c = tags[n];
        if (IsOneOf("xtwsPCz,;:~qQ(", c)) break;
        const char before = tags[n - 1];
        if (!IsOneOf("onNR0", before)) continue;
        if (IsOneOf("vb", c) ||
            (c == 'o' && (LooksLikeVerb(text, tokens, tags, n) ||
                          (LowerEdWord(text, tokens[n]) &&
                           (n + 1 == b || IsOneOf("ro", tags[n + 1])))))) {
          EndBefore(tokens, tags, a, n, r);
          // (The object's adjuncts and time then end as after any object:
          // "who attacked the plan on Monday are now ...".)
          EndAtAdjunct(text, tokens, tags, a, n, a, r);
          EndAtTimePhrase(text, tokens, tags, a, n, a, r);
          return;
        }
      }
    }
  }
  size_t m = a;
  while (m < b && !IsOneOf("vbz", tags[m])) {
    if (IsOneOf("xtwsC,;:~qQ(", tags[m]) || (tags[m] == 'P' && m > a)) return;
    ++m;
  }
  while (m < b && IsOneOf("vbzl", tags[m])) ++m;
  if (m >= b || m == a) return;
  for (size_t n = m; n < b; ++n) {
    const char c = tags[n];
    if (IsOneOf("xtwsPC,;:~qQ(", c)) return;
    if (n == m) continue;
    const char before = tags[n - 1];
    if (IsOneOf("rdpj", before)) continue;
    bool verb = IsOneOf("vb", c) || LooksLikeVerb(text, tokens, tags, n);
    if (!verb && c == 'o' && (n + 1 == b || IsOneOf("rol", tags[n + 1])) &&
        IsOneOf("onN", before) && LowerEdWord(text, tokens[n])) {
      verb = true;
    }
    if (!verb) continue;
    EndBefore(tokens, tags, a, n, r);
    return;
  }
}

// "The numbers tell the story: turnout fell by a third, according to the
// clerk", "The result: most schools cut a day, a survey found": when a
// trailing attribution reports the sentence before it, a lead-in of the
// writer's that a colon (outside quotations) closes is no part of what the
// source said; the content starts after the last such colon (one with a
// space after it, not the time "8:30") when a capital opens what follows
// it. Returns the token the content now
// starts at, or `a`.
size_t Attributor::StartAfterColonLeadIn(absl::string_view text,
                                         const std::vector<Token>& tokens,
                                         const std::string& tags, size_t a,
                                         size_t b, Range* r) {
  if (b <= a + 2 || std::memchr(tags.data() + a, ':', b - a) == nullptr) return a;
  int open = 0;
  size_t colon = b;
  for (size_t m = a; m < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    // (A colon with a space after it: not the time "8:30".)
    if (open == 0 && tags[m] == ':' && tokens[m].end < text.size() &&
        absl::ascii_isspace(static_cast<unsigned char>(text[tokens[m].end]))) {
      colon = m;
    }
  }
  if (colon == b) return a;
  size_t n = colon + 1;
  while (n < b && IsTrimTag(tags[n])) ++n;
  // (A capital after the colon opens a sentence; a lower-case phrase
  // spells out what the lead-in named: "improve in three areas: defense,
  // detection and deterrence".)
  if (n + 1 >= b || !tokens[n].cap || tokens[n].begin <= r->begin ||
      tokens[n].begin >= r->end) {
    return a;
  }
  r->begin = tokens[n].begin;
  return n;
}

// "Although the plan stalled, the mayor remains popular, according to a poll",
// "While X has boasted of it, the letter changed little, Y said": when a
// trailing attribution reports the sentence before it, an adverbial clause
// that opens the sentence (a subordinator of class adsub) is the
// writer's frame, not what the source said; the content starts after the
// comma that closes it. (Not a condition, class condsub: "If taxes rise,
// growth will slow, the study said" reports the whole. A clause of time,
// class timesub, stays in the content: "After the vote was counted, the
// mayor left early, according to aides" tells the source's story in order,
// and news annotators keep it.) It runs before the content's ends are cut,
// which then look from after the clause ("After X spoke in an interview, C,
// Y said": not the interview's phrase). Returns the token the ends look
// from, or `a`.
size_t Attributor::StartAfterOpeningClause(absl::string_view text,
                                           const std::vector<Token>& tokens,
                                           const std::string& tags, size_t a,
                                           size_t b, Range* r) const {
  size_t c = a;
  while (c < b && (IsTrimTag(tags[c]) || tags[c] == 'x' || tags[c] == 'l')) ++c;
  if (c >= b || tags[c] != 's') return a;
  const WordInfo* w = WordOf(text, tokens[c]);
  if (w == nullptr || (w->word_class != WordClass::kAdverbialSub &&
                       w->word_class != WordClass::kTimeSub)) {
    return a;
  }
  const bool keep = w->word_class == WordClass::kTimeSub;
  int open = 0;
  for (size_t m = c + 1; m + 2 < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0 || tags[m] != ',') continue;
    size_t n = m + 1;
    while (n < b && IsTrimTag(tags[n])) ++n;
    if (n + 1 < b && tokens[n].begin > r->begin && tokens[n].begin < r->end) {
      if (!keep) r->begin = tokens[n].begin;
      return n;
    }
    return a;
  }
  return a;
}

// "said Thursday during a town hall in Buffalo, New York, that C", "will
// announce on Monday, after a meeting, that C", "said on ABC's \"This
// Week\" that C", "said in an interview that C": a phrase of place, time or
// occasion between the cue and "that" tells where or when it was said; the
// content starts after "that". The phrase opens with a preposition other
// than "to" or a subordinator of time (class timesub) and holds nouns,
// names, modifiers, commas and whole quotations, no verb, pronoun, cue or
// other clause word. "that" must follow a comma, a closing quote mark, a
// name, a word of time or a noun of class medium: after another noun it
// opens a relative clause or the noun's complement ("at a center that works
// with", "about concerns that C": the phrase is what was said). `a` is the
// first token of a content that follows its cue. Returns the token the
// content now starts at, or `a`.
size_t Attributor::StartAfterLeadInThat(absl::string_view text,
                                        const std::vector<Token>& tokens,
                                        const std::string& tags, size_t a,
                                        size_t b, Range* r) const {
  const size_t start = a;
  while (a < b && (IsTrimTag(tags[a]) || tokens[a].time)) ++a;
  if (a >= b) return start;
  auto inf_to = [&](size_t m) {
    return InList(*lex_, text, tokens[m], WordList::kInfinitiveTo);
  };
  if (tags[a] == 'r' ? inf_to(a) : tags[a] != 's') return start;
  for (size_t m = a; m + 1 < b; ++m) {
    const char c = tags[m];
    if (c == 'q') {
      while (m + 1 < b && tags[m] != 'Q') ++m;
      if (tags[m] != 'Q') return start;
      continue;
    }
    if (c == 'r' && inf_to(m) && tags[m + 1] == 'o') return start;
    if (c == 's') {
      const WordInfo* w = WordOf(text, tokens[m]);
      if (w == nullptr || w->word_class != WordClass::kTimeSub) return start;
      continue;
    }
    if (c != 't') {
      if (!IsOneOf("rdpjonNRi0g,-()", c)) return start;
      continue;
    }
    if (IsOneOf("vbCz_,.;:~lt", tags[m + 1])) return start;
    const char before = tags[m - 1];
    const WordInfo* w = WordOf(text, tokens[m - 1]);
    if (!(before == ',' || before == 'Q' || before == 'N' || before == 'R' ||
          before == '0' || tokens[m - 1].time ||
          (w != nullptr && w->word_class == WordClass::kMediumNoun))) {
      return start;
    }
    if (tokens[m + 1].begin <= r->begin || tokens[m + 1].begin >= r->end) {
      return start;
    }
    r->begin = tokens[m + 1].begin;
    return m + 1;
  }
  return start;
}

// "pointed out in a column on Sunday, C", "said in a statement, C": a phrase
// of the medium of the act (a preposition, then determiners and modifiers
// before a noun of class medium, perhaps more phrases of place or time, no
// verb or clause word) closed by a comma tells where it was said; the content
// starts after the comma. So does a phrase of at most three words after such
// a preposition when the clause after the comma opens with its subject
// ("noted at one point, it made C", "said at the hearing, the council"). `a` is
// the first token of a content that follows its cue right away. Returns the
// token the content now starts at, or `a`. "Nate Cole, writing in The Daily
// Ledger, argued that C", "she wrote in The Atlantic.": after a cue of lemma
// "write", a preposition of venue or adjunct or a plain one ("in", "for"; not
// the agent's "by") and a name phrase (capitalised words, determiners, numbers,
// words of time) and nothing else is where the writing appeared, not what was
// written; the content after the cue is that phrase alone. `a` is the first
// token after the cue; [ra, rb) the content's tokens.
bool Attributor::WritingVenueOnly(absl::string_view text,
                                  const std::vector<Token>& tokens,
                                  const std::string& tags,
                                  absl::string_view lemma, size_t a, size_t ra,
                                  size_t rb) const {
  if (lemma != "write" || a >= tags.size() || tags[a] != 'r' || ra != a + 1 || ra >= rb) {
    return false;
  }
  const WordInfo* p = WordOf(text, tokens[a]);
  if (p == nullptr || (p->word_class != WordClass::kVenuePrep &&
                       p->word_class != WordClass::kAdjunctPrep &&
                       p->word_class != WordClass::kPrep)) {
    return false;
  }
  bool name = false;
  for (size_t m = ra; m < rb; ++m) {
    const char c = tags[m];
    if (c == 'N' || c == 'R') {
      name = true;
    } else if (!(IsOneOf("dg0-", c) || tokens[m].time)) {
      return false;
    }
  }
  return name;
}

// 'told reporters in Nashua last week, "Q"', 'responded pointedly, with a
// smile: "Q"', 'asked her: "Q"': before a quotation that ends the content,
// after a comma or colon, a lead-in that opens with an adverb, a word of
// time or a preposition and holds only phrases of such words (determiners,
// modifiers, nouns, names, numbers, commas: no verb, clause word, cue or
// quotation) tells how, when or where the words were said; so does a lone
// object pronoun, the one spoken to. The quotation alone is what was said,
// and the content is direct. (Not 'said the plan, "Q"' nor 'said Trump
// lied, "Q"': a noun phrase first may be what was said or its subject; nor
// 'said that if elected, "Q"'; nor after "that": 'said that on the ranch,
// "Q"' reports the phrase as part of what was said.) `a` is the first token
// of a content that
// follows its cue, [a, b) its tokens. Returns whether the content now
// starts at the quotation (then `r` holds its text).
bool Attributor::StartAtClosingQuotation(absl::string_view text,
                                         const std::vector<Token>& tokens,
                                         const std::string& tags, size_t a,
                                         size_t b, Range* r) const {
  while (a < b && IsTrimTag(tags[a])) ++a;
  while (b > a && IsTrimTag(tags[b - 1])) --b;
  if (b < a + 4 || tags[a] == 't' || tags[b - 1] != 'Q') return false;
  for (size_t m = a; m > 0 && (tags[m - 1] == 't' || IsTrimTag(tags[m - 1])); --m) {
    if (tags[m - 1] == 't') return false;  // ('said that, in his view, "Q"')
  }
  size_t o = b - 1;
  while (o > a && tags[o - 1] != 'q' && tags[o - 1] != 'Q') --o;
  if (o <= a + 1 || tags[o - 1] != 'q') return false;
  --o;  // the opening mark
  if (o + 2 >= b || (tags[o - 1] != ',' && tags[o - 1] != ':')) return false;
  const size_t lead_end = o - 1;
  if (lead_end == a + 1 && IsOneOf("opP", tags[a]) &&
      InList(*lex_, text, tokens[a], WordList::kObjectPronoun)) {
    // ('asked her: "Q"')
  } else {
    if (!(tags[a] == 'l' || tags[a] == 'r' || tokens[a].time)) return false;
    if (lead_end - a > 12) return false;
    for (size_t m = a; m < lead_end; ++m) {
      if (!(IsOneOf("lrdpjonNR0g,-", tags[m]) || tokens[m].time)) return false;
      // (A determiner opens the object of a preposition, or else the
      // cue's own object: 'noted on Twitter the change, "Q"'.)
      if (IsOneOf("dp", tags[m]) && !tokens[m].time && (m == a || tags[m - 1] != 'r')) {
        return false;
      }
      // (Not "to" before a verb: 'said to expect delays, "Q"'.)
      if (tags[m] == 'r' && m + 1 < lead_end && tags[m + 1] == 'o' &&
          InList(*lex_, text, tokens[m], WordList::kInfinitiveTo)) {
        return false;
      }
    }
  }
  const Range q{tokens[o].end, tokens[b - 1].begin};
  if (q.begin < r->begin || q.end > r->end || q.end <= q.begin) return false;
  *r = q;
  return true;
}

size_t Attributor::StartAfterMediumComma(absl::string_view text,
                                         const std::vector<Token>& tokens,
                                         const std::string& tags, size_t a,
                                         size_t b, Range* r) const {
  if (a >= b || tags[a] != 'r') return a;
  const WordInfo* p = WordOf(text, tokens[a]);
  if (p == nullptr || (p->word_class != WordClass::kVenuePrep &&
                       p->word_class != WordClass::kAdjunctPrep)) {
    return a;
  }
  bool medium = false;
  for (size_t m = a + 1; m + 3 < b; ++m) {
    const char c = tags[m];
    if (c == ',') {
      // (Without a medium, a short phrase of place or time before a
      // subject: "noted at one point, it made the schedule tight"; not in
      // an adverbial clause, whose comma closes it: "When they concluded
      // on Friday, the consensus was C"; nor before names that a comma or
      // "and" follows, the next items of a list: "argued on immigration,
      // Muslims, trade and more".)
      bool place = !medium && m <= a + 4 && IsOneOf("dpPNR", tags[m + 1]);
      size_t n = m + 1;
      while (place && n < b && IsOneOf("NRn0-", tags[n])) ++n;
      if (n > m + 1 && n < b && IsOneOf(",x", tags[n])) place = false;
      for (size_t k = a; place && k-- > 0 && !IsOneOf(",;:", tags[k]);) {
        const WordInfo* w = tags[k] == 's' ? WordOf(text, tokens[k]) : nullptr;
        place = w == nullptr || !(w->word_class == WordClass::kAdverbialSub ||
                                  w->word_class == WordClass::kCondSub ||
                                  w->word_class == WordClass::kTimeSub);
      }
      if (!(medium || place) || !IsOneOf("dpPNRnoj0", tags[m + 1])) return a;
      if (tokens[m + 1].begin <= r->begin || tokens[m + 1].begin >= r->end) {
        return a;
      }
      r->begin = tokens[m + 1].begin;
      return m + 1;
    }
    if (!IsOneOf("rdpjlonNR0g", c)) return a;
    const WordInfo* w = WordOf(text, tokens[m]);
    medium = medium || (w != nullptr && w->word_class == WordClass::kMediumNoun);
  }
  return a;
}

// A word of time: a day ("Friday", "yesterday": the tagger's time flag), a
// month, a weekday or a noun of time of function_words.tsv timenoun
// ("week"), by the token and the entry it was looked up by (`w`, or null).
static bool IsTimeWord(const Token& t, const WordInfo* w) {
  return t.time || (w != nullptr && (w->word_class == WordClass::kMonth ||
                                     w->word_class == WordClass::kWeekday ||
                                     w->word_class == WordClass::kTimeNoun));
}

// "in a letter to Congress last month she would C", "in a speech to
// supporters in Ohio that the plan was dead": after a phrase of place or
// medium that ends at token e, one to three phrases of a preposition (a
// determiner or possessive, then modifiers and nouns) or of words of time,
// then a subject and its verb ("that" may stand before them), open the
// clause that was said. Returns its first token, or b when the tail has
// fewer than `min_phrases` phrases or no clause opens after it. (A subject is a
// pronoun, or a determiner, possessive, name or number with modifiers and
// nouns, right before an auxiliary, a copula or a cue: a plain word may be a
// verb.)
static size_t ClauseAfterPlaceTail(const std::vector<Token>& tokens,
                                   const std::string& tags, size_t e, size_t b,
                                   int min_phrases) {
  auto time = [&](size_t k) { return IsTimeWord(tokens[k], tokens[k].info); };
  size_t f = e;
  int phrases = 0;
  for (; f < b && phrases < 3; ++phrases) {
    if (tags[f] == 'r') {
      size_t g = f + 1;
      if (g < b && IsOneOf("dp", tags[g])) ++g;
      size_t h = g;
      while (h < b && h < g + 4 && IsOneOf("jNRno0g-", tags[h])) ++h;
      if (h == g) return b;
      f = h;
    } else if (time(f) ||
               (f + 1 < b && time(f + 1) && IsOneOf("ldo0", tags[f]))) {
      // ("last month", "this week": a modifier before the word of time.)
      ++f;
      while (f < b && time(f)) ++f;
    } else {
      break;
    }
  }
  if (phrases < min_phrases || f >= b) return b;
  const size_t s = tags[f] == 't' ? f + 1 : f;
  if (s + 1 >= b) return b;
  size_t g = s + 1;
  if (tags[s] != 'P') {
    if (!IsOneOf("dpNR0", tags[s])) return b;
    while (g < b && g < s + 5 && IsOneOf("jNRno0g-", tags[g])) ++g;
  }
  if (g < b && tags[g] == 'l') ++g;
  if (g >= b || !IsOneOf("vbzC", tags[g])) return b;
  // (A relative clause of the phrase's noun before "that" is part of the
  // phrase: "in a letter to the council she wrote last week that C", "told
  // a news conference the council had called that C"; C starts after "that"
  // when a subject opens it.)
  while (g < b && IsOneOf("vblzC", tags[g])) ++g;
  if (g >= b || tags[g] != 't') return s;
  return g + 2 < b && IsOneOf("dpPNR0", tags[g + 1]) ? g + 1 : b;
}

// "asked on Twitter whether C", "complained in a tweet about C", "said in an
// interview the plan was dead": right after the cue, a preposition of class
// venue or adjunct whose phrase (determiners and modifiers only) holds a noun
// of class medium or a word of list outlet ("on Twitter", "on television")
// tells where the act took place, not what it was about: the content starts
// after the phrase. When nothing but punctuation follows the phrase ('"Q?" X
// asked on Twitter.') the cue has no content here: `r` is left empty and `b`
// returned. Returns the token the content now starts at, or `a`.
size_t Attributor::StartAfterMediumPhrase(absl::string_view text,
                                          const std::vector<Token>& tokens,
                                          const std::string& tags, size_t a,
                                          size_t b, Range* r) const {
  if (a + 1 >= b || tags[a] != 'r') return a;
  const WordInfo* p = WordOf(text, tokens[a]);
  if (p == nullptr || (p->word_class != WordClass::kVenuePrep &&
                       p->word_class != WordClass::kAdjunctPrep)) {
    return a;
  }
  // (The medium word ends the phrase, or names after it do: "on Fox
  // News"; "in an interview the plan was dead" ends at "interview".)
  size_t head = b, e = a + 1;
  for (; e < b && e <= a + 5; ++e) {
    if (head < b ? !IsOneOf("NR", tags[e]) : !IsOneOf("dpjNRno0g-", tags[e])) break;
    const WordInfo* w = WordOf(text, tokens[e]);
    if (head == b && ((w != nullptr && w->word_class == WordClass::kMediumNoun) ||
                      InList(*lex_, text, tokens[e], WordList::kOutlet))) {
      head = e;
    }
  }
  if (head == b) return a;
  // ("in a letter to Congress last month she would C": the phrase may go on
  // with phrases of its own and of time before the clause.)
  const size_t clause = ClauseAfterPlaceTail(tokens, tags, e, b, 1);
  if (clause < b && tokens[clause].begin > r->begin &&
      tokens[clause].begin < r->end) {
    r->begin = tokens[clause].begin;
    return clause;
  }
  // (Not "in a statement of principles", "on television screens": the
  // phrase goes on.)
  // What follows the phrase opens a clause or a noun phrase, or is the
  // topic's "about": not another preposition ("in an interview with X",
  // "in a letter to Y": the phrase goes on), a cue, a verb or an adverb.
  if (e < b && !IsOneOf("stdpPNRjw0.;:!?),~qQ", tags[e]) &&
      !(tags[e] == 'r' && InList(*lex_, text, tokens[e], WordList::kQuestionTopic))) {
    return a;
  }
  size_t f = e;
  while (f < b && IsOneOf(".;:!?)", tags[f])) ++f;
  if (f >= b) {
    r->end = r->begin;
    return b;
  }
  // (A comma, colon, dash or quotation after the phrase: the other starts.)
  if (IsOneOf(",:;~(qQ", tags[e])) return a;
  if (tokens[e].begin <= r->begin || tokens[e].begin >= r->end) return a;
  r->begin = tokens[e].begin;
  return e;
}

// "told a news conference the bank was ready", "told a rally in Dayton the
// state would recover": the object of a tell cue that is a noun of a medium
// or occasion (function_words.tsv medium) after a determiner or possessive
// and modifiers, perhaps with phrases of its own and of time, says where
// the act took place, not what was told: when a subject and its verb
// follow, the content starts at them. Returns the token the content now
// starts at, or `a`.
size_t Attributor::StartAfterOccasionObject(absl::string_view text,
                                            const std::vector<Token>& tokens,
                                            const std::string& tags, size_t a,
                                            size_t b, Range* r) const {
  if (a + 2 >= b || !IsOneOf("dp", tags[a])) return a;
  size_t head = b;
  for (size_t e = a + 1; e < b && e <= a + 3 && head == b; ++e) {
    const WordInfo* w = WordOf(text, tokens[e]);
    if (w != nullptr && w->word_class == WordClass::kMediumNoun) {
      head = e;
    } else if (!IsOneOf("jonNR-", tags[e])) {
      return a;
    }
  }
  if (head == b) return a;
  const size_t clause = ClauseAfterPlaceTail(tokens, tags, head + 1, b, 0);
  if (clause >= b || tokens[clause].begin <= r->begin ||
      tokens[clause].begin >= r->end) {
    return a;
  }
  r->begin = tokens[clause].begin;
  return clause;
}

// "boasted about the plan", "insisted on a vote", "hinted at a shakeup",
// "hoped for a win": a preposition right after the cue opens what the cue is
// about; it belongs to the act, and the content starts at its object. (Not
// "to", whose object is a hearer or an infinitive; not a preposition of a
// passive agent, of an adjunct of the act or of time; not before a word of
// time: "said on Friday the plan ...".) `a` is the first token of a content
// that follows its cue right away. Returns the token the content now starts
// at, or `a`.
size_t Attributor::StartAfterTopicPrep(absl::string_view text,
                                       const std::vector<Token>& tokens,
                                       const std::string& tags, size_t a,
                                       size_t b, Range* r) const {
  // "expressed deep concern about C", "claimed responsibility for C",
  // "offered her support to C": a noun of stance as the cue's object goes
  // with the act, and so does its preposition, "to" too. (A nominal cue,
  // "his promise to C", makes a claim of its own.)
  size_t p = a;
  bool stance = false;
  if (p < b && (tags[p] == 'd' || tags[p] == 'p')) ++p;
  // (Modifiers: "deep concern", "growing doubts".)
  for (int m = 0; m < 2 && p + 1 < b && IsOneOf("jlo", tags[p]) &&
                  tags[p + 1] != 'r';
       ++m) {
    ++p;
  }
  // (Not before "from", which names the source, "questions from the
  // press", nor before a phrase of time, "optimism over the weekend that".)
  if (p + 2 < b && tags[p + 1] == 'r' &&
      !absl::EqualsIgnoreCase(
          text.substr(tokens[p + 1].begin,
                      tokens[p + 1].end - tokens[p + 1].begin),
          "from") &&
      !(tags[p + 2] == 'd' && p + 3 < b && tokens[p + 3].info != nullptr &&
        tokens[p + 3].info->word_class == WordClass::kTimeNoun)) {
    const WordInfo* n = WordOf(text, tokens[p]);
    stance = n != nullptr && n->word_class == WordClass::kStanceNoun;
  }
  // "said concern about the budget was growing", "said support for the
  // plan has faded": when the preposition's object (a noun phrase, perhaps
  // with attachments of its own) is followed by a verb, the stance noun is
  // the subject of the reported clause, not the cue's object; the content
  // starts where it did.
  if (stance) {
    // (A verb: an auxiliary or copula, not "being", or a form of class
    // verb, "grew", or a word in -ed not before a word of the phrase,
    // "mounted", not "the proposed budget"; neither before a preposition,
    // "condolences to people caught in the attack". A determiner or
    // possessive only opens the phrase or follows a preposition: "about
    // online communications his staff uses" is a phrase and a clause.)
    auto clause_verb = [&](size_t k) {
      if (IsOneOf("vb", tags[k])) return !LowerIngWord(text, tokens[k]);
      if (tags[k] != 'o' || (k + 1 < b && tags[k + 1] == 'r')) return false;
      const WordInfo* v = WordOf(text, tokens[k]);
      if (v != nullptr && v->word_class == WordClass::kVerb) return true;
      return LowerEdWord(text, tokens[k]) &&
             (k + 1 >= b || !IsOneOf("jonNRi0-", tags[k + 1]));
    };
    size_t q = p + 2;
    while (q < b &&
           (IsOneOf("jonNRg0-r", tags[q]) ||
            (IsOneOf("dp", tags[q]) && (q == p + 2 || tags[q - 1] == 'r'))) &&
           !(q > p + 2 && clause_verb(q))) {
      ++q;
    }
    if (q > p + 2 && q < b && clause_verb(q)) return a;
  }
  p = stance ? p + 1 : a;
  // ("has been asking repeatedly about C", "wrote often about C": adverbs
  // between the cue and "about" (list question_topic) modify the act. Not
  // before another preposition, which may open a phrase of time or place:
  // "said earlier in the day that C".)
  if (!stance && p + 2 < b && tags[p] == 'l') {
    size_t q = p;
    while (q + 2 < b && tags[q] == 'l') ++q;
    // (Not "about" before a number: "reported last month about 80% of C".)
    if (tags[q] == 'r' &&
        InList(*lex_, text, tokens[q], WordList::kQuestionTopic) &&
        tags[q + 1] != '0' &&
        !InList(*lex_, text, tokens[q + 1], WordList::kNumberWord)) {
      p = q;
    }
  }
  if (p + 1 >= b || tags[p] != 'r' || tokens[p + 1].time) return a;
  if (IsTrimTag(tags[p + 1]) || tags[p + 1] == 't') return a;
  if (!stance && InList(*lex_, text, tokens[p], WordList::kInfinitiveTo)) return a;
  const WordInfo* w = WordOf(text, tokens[p]);
  if (w != nullptr && (w->word_class == WordClass::kAgent ||
                       w->word_class == WordClass::kAdjunctPrep ||
                       w->word_class == WordClass::kTimeSub)) {
    return a;
  }
  if (tokens[p + 1].begin <= r->begin || tokens[p + 1].begin >= r->end) {
    return a;
  }
  r->begin = tokens[p + 1].begin;
  return p + 1;
}

// "A new group called Black Votes Matter held a rally", "An initiative
// called Matrix paired police officers with social workers", "a firm called
// Crowdstrike": after a noun phrase that opens with "a" or "an", a label cue
// that also gives names (flag naming in verbs.tsv: "called", "dubbed")
// followed by a name, and then by the sentence's verb
// (an auxiliary, a copula, a cue, an adverb before one, a lower-case word
// in -ed, or one before a determiner, possessive or number) or by nothing
// more, is a reduced relative that gives the new
// thing's name ("a group that is called X"), not an act of calling someone
// something: that takes a label after its object ("A senior official called
// Reyes a liar", "called Keller out by name").
bool Attributor::NamesIndefinite(absl::string_view text,
                                 const std::vector<Token>& tokens,
                                 const std::string& tags, size_t sa,
                                 size_t cue_end, size_t b) const {
  if (sa >= tokens.size() || tags[sa] != 'd') return false;
  const WordInfo* det = WordOf(text, tokens[sa]);
  if (det == nullptr || det->det_number != 's') return false;
  size_t m = cue_end;
  if (m < b && tags[m] == 'd') ++m;  // "called the Minnesota Voters Alliance"
  const size_t name = m;
  // (A name may hold a number or a lower-case preposition between its
  // capitalised words: "Future 45", "the Gang of Six".)
  while (m < b && (tags[m] == 'N' ||
                   (m > name && (tags[m] == '0' ||
                                 (tags[m] == 'r' && m + 1 < b && tags[m + 1] == 'N' &&
                                  !tokens[m].cap))))) {
    ++m;
  }
  if (m == name) return false;
  if (m == b) return true;
  // ("Stop Operation Soros (SOS) is launching": an acronym in brackets.)
  if (tags[m] == '(' && m + 2 < b && tags[m + 1] == 'N' && tags[m + 2] == ')') m += 3;
  while (m < b && tags[m] == 'l') ++m;
  if (m == b) return false;
  if (IsOneOf("vbC", tags[m])) return true;
  if (tags[m] != 'o' || tokens[m].cap) return false;
  const absl::string_view word =
      text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin);
  // (Or a verb the tagger does not know before its object: "ran its first
  // ads", "gave $5,000"; not a plural noun of the label, "called Trump
  // supporters the worst".)
  return absl::EndsWith(word, "ed") ||
         (!absl::EndsWith(word, "s") && m + 1 < b && IsOneOf("dp0-", tags[m + 1]));
}

// "didn't ask her about it", "asked Reyes whether she would run",
// "questioned Lopez about the budget": after a cue of a question, the one
// asked (an object pronoun, or a name of at most three words) before a word
// of list question_topic (function_words.tsv: "about", "whether", "if") is
// no part of what was asked: the content starts after the name, and after
// "about" too (as after "asked about C"). (Not "asked the council about
// C": the gold is no surer of a noun phrase.)
size_t Attributor::StartAfterAskedAddressee(absl::string_view text,
                                            const std::vector<Token>& tokens,
                                            const std::string& tags, size_t a,
                                            size_t b, Range* r) const {
  size_t p = a;
  if (p < b && IsOneOf("opP", tags[p]) &&
      InList(*lex_, text, tokens[p], WordList::kObjectPronoun)) {
    ++p;
  } else {
    while (p < b && p < a + 3 && tags[p] == 'N') ++p;
  }
  if (p == a || p + 1 >= b || !IsOneOf("rs", tags[p]) ||
      !InList(*lex_, text, tokens[p], WordList::kQuestionTopic)) {
    return a;
  }
  if (tags[p] == 'r') ++p;
  if (tokens[p].begin <= r->begin || tokens[p].begin >= r->end) return a;
  r->begin = tokens[p].begin;
  return p;
}

// "The mayor appears to be losing ground after the vote", "support seems
// to have grown, despite the scandal", "turnout appears low even if the
// count is early": after a cue of class seem ("appears to"), a clause of a
// subordinator of class adsub, timesub or condsub (perhaps after adverbs:
// "even if"), outside quotations, is the writer's own: the content ends
// before it. (Not "as", class sub, which also holds "than" and "whether";
// nor a dash: neither gains on the news gold.)
void Attributor::EndAtSeemAdjunct(absl::string_view text,
                                  const std::vector<Token>& tokens,
                                  const std::string& tags, size_t a, size_t b,
                                  Range* r) const {
  int open = 0;
  for (size_t m = a + 1; m < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0 || tags[m] != 's') continue;
    const WordInfo* w = WordOf(text, tokens[m]);
    if (w == nullptr || (w->word_class != WordClass::kAdverbialSub &&
                         w->word_class != WordClass::kTimeSub &&
                         w->word_class != WordClass::kCondSub)) {
      continue;
    }
    size_t e = m;
    while (e > a + 1 && tags[e - 1] == 'l') --e;
    EndBefore(tokens, tags, a, e, r);
    return;
  }
}

// "The deal was announced on Friday", "his role was disclosed after a
// search", "it was argued in January": after a passive cue with no agent
// (token k, tagged '='), the part [a, b) after it that opens with a phrase
// of time or place or an adverbial clause (a preposition of class adjunct or
// timesub, a subordinator of class adsub, "in"/"at", or a word of time,
// perhaps after adverbs) tells when or where it was said, not what: the
// subject before the cue is what was reported. (A complement goes on: "was
// charged with fraud", "was accused of lying", "was asked to resign"; and
// so does what was told after the phrase: "was told on Monday that C".)
bool Attributor::PassiveAdjunct(absl::string_view text,
                                const std::vector<Token>& tokens,
                                const std::string& tags, size_t k, size_t a,
                                size_t b) const {
  if (tags[k] != '=' || a <= k) return false;
  // (What was told may follow the phrase: "was told on Monday that C".)
  for (size_t m = a; m < b; ++m) {
    if (tags[m] == 't' || tags[m] == 'q') return false;
  }
  size_t c = a;
  while (c < b && tags[c] == 'l' && !tokens[c].time) ++c;
  if (c >= b) return false;
  if (tokens[c].time) return true;
  if (tags[c] != 'r' && tags[c] != 's') return false;
  const WordInfo* w = WordOf(text, tokens[c]);
  if (w == nullptr) return false;
  return w->place || w->word_class == WordClass::kAdjunctPrep ||
         w->word_class == WordClass::kTimeSub ||
         w->word_class == WordClass::kAdverbialSub;
}

// "Half of the voters said so in the spring poll", "the judge rejected it
// on those grounds", "the mayor denied this last fall": a content after the
// cue that opens with one word standing for what was said (a pronoun or
// "that" before a preposition and its noun phrase or a word of time, or a
// subordinator of category sub_proform, "so", before those or an adverb),
// with no verb, clause word or quotation after, is that word; the rest
// tells how, when or where it was said. ("said it again will pass" has a
// verb of its own and goes on; a lone determiner is no such word: "some of
// his rivals".)
void Attributor::EndAtProForm(absl::string_view text,
                              const std::vector<Token>& tokens,
                              const std::string& tags, size_t a, size_t b,
                              size_t cue_end, Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  size_t c = a;
  while (c < b && IsTrimTag(tags[c])) ++c;
  if (c + 1 >= b) return;
  const size_t n = c + 1;
  if (tags[c] == 's') {
    // "said so again", "said so in June".
    const WordInfo* w = WordOf(text, tokens[c]);
    if (w == nullptr || !w->proform) return;
    if (tags[n] != 'l' && tags[n] != 'r' && !tokens[n].time) return;
  } else if (tags[c] == 'P' || tags[c] == 't') {
    // Only a neuter pronoun stands for what was said ("it", not "they at
    // least pose risks"); it may be the subject of a clause, so only a
    // preposition and its noun phrase, or a word of time, may follow it.
    if (tags[c] == 'P' && !IsNeuterIt(text, tokens, tags, c, n)) return;
    if (!tokens[n].time &&
        (tags[n] != 'r' || n + 1 >= b ||
         !IsOneOf("dpjNRno0", tags[n + 1]))) {
      return;
    }
  } else {
    return;
  }
  for (size_t q = n; q < b; ++q) {
    if (IsOneOf("vbCPtwzsqQ@;:~", tags[q])) return;
    if ((tags[q] == 'o' || tags[q] == 'i') &&
        LooksLikeVerb(text, tokens, tags, q)) {
      return;
    }
  }
  if (tokens[c].end > r->begin) r->end = std::min(r->end, tokens[c].end);
}

// "The mayor refused to answer after the vote", "vowed to fight the levy,
// though it cost her the race", "wants to sign up new voters, focusing on
// students": after a cue that takes an infinitive, the infinitive phrase is
// what was wanted or refused; a clause of a subordinator of class adsub or
// timesub, or a comma and an -ing participle (perhaps after an adverb), or
// lower-case "as" and a subject pronoun with no auxiliary after it ("as she
// left the hall", comma or not),
// outside quotations, tells when, why or what else happened: the content
// ends before it. (A clause after "that" inside the infinitive keeps its
// own: "to make sure that taxes rise after 2020" goes on.)
void Attributor::EndAtInfinitiveAdjunct(absl::string_view text,
                                        const std::vector<Token>& tokens,
                                        const std::string& tags, size_t a,
                                        size_t b, size_t cue_end,
                                        Range* r) const {
  if (a < cue_end || a > cue_end + 1) return;
  size_t c = a;
  while (c < b && IsTrimTag(tags[c])) ++c;
  if (c + 2 >= b || tags[c] != 'r' ||
      text.substr(tokens[c].begin, tokens[c].end - tokens[c].begin) != "to" ||
      !IsOneOf("oCbvl", tags[c + 1])) {
    return;
  }
  int open = 0;
  for (size_t m = c + 2; m < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0) continue;
    if (tags[m] == 't' || tags[m] == 'w') return;
    // ("refused to speak to reporters as she left the hall": lower-case
    // "as" and a subject pronoun open a clause of time, comma or not; not
    // a comparison with an auxiliary or copula, "to run the town as she had
    // run the harbour".)
    if (tags[m] == 's' && m + 2 < b && tags[m + 1] == 'P' &&
        !IsOneOf("vbz", tags[m + 2]) &&
        LowerWordIn(*lex_, text, tokens[m], WordList::kComparison)) {
      EndBefore(tokens, tags, a, m, r);
      return;
    }
    // ("pledged to work together after a meeting ended", "warned them to
    // boost security after hackers targeted two states": a subordinator of
    // time (class timesub) whose clause has a subject and a verb in -ed
    // tells when the pledge or warning came, comma or not; "vowed to stay
    // until the convention" and "to act before voters head to the polls"
    // have no past clause.)
    if (tags[m] == 's' && m + 2 < b) {
      const WordInfo* w = WordOf(text, tokens[m]);
      if (w != nullptr && w->word_class == WordClass::kTimeSub) {
        // (The subject: words of a noun phrase, an -ing noun among them
        // but not first, "after a meeting ended"; the first -ed word after
        // them its verb. "after a grueling fight" has none, and "after
        // signing it" no subject. Not after an auxiliary or copula: "to
        // reopen the pier after the repairs are finished" is still to come.)
        size_t n = m + 1;
        while (n < b && (IsOneOf("dpjNRno0g", tags[n]) || (tags[n] == 'i' && n > m + 1)) &&
               !(n > m + 1 && tags[n] == 'o' && LowerEdWord(text, tokens[n]))) {
          ++n;
        }
        const bool subject = n > m + 1 && IsOneOf("NRnoi0", tags[n - 1]);
        if (subject && n < b && tags[n] == 'o' && LowerEdWord(text, tokens[n])) {
          // (And before a conjunction that opens it: "to make it hell, but
          // after a few days the emails stopped".)
          size_t e = m;
          while (e > c + 2 && IsOneOf("x,", tags[e - 1])) --e;
          EndBefore(tokens, tags, a, e, r);
          return;
        }
      }
    }
    if (tags[m] != ',') continue;
    size_t n = m + 1;
    while (n < b && tags[n] == 'l') ++n;
    if (n + 1 >= b) return;
    bool end = tags[n] == 'i';
    if (tags[n] == 's') {
      const WordInfo* w = WordOf(text, tokens[n]);
      end = w != nullptr && (w->word_class == WordClass::kAdverbialSub ||
                             w->word_class == WordClass::kTimeSub);
    }
    if (!end) continue;
    EndBefore(tokens, tags, a, m, r);
    return;
  }
}

// "The senator denied the report in an interview", "mocked the mayor on
// Twitter", "repeated the pledge at a rally on Sunday": after a content that
// is a noun phrase (no auxiliary, copula, cue, "that", pronoun or relative
// word before it), a preposition of class venue or adjunct whose phrase
// (determiners and modifiers only, an -ing modifier too: "in her opening
// statement"; a cue form after them is a noun, "in early-morning tweets")
// holds a noun of class medium, with no
// clause after it, opens an adjunct of the act: the content ends before it.
// (A clause keeps its phrase: "said she had sent it in an email".)
void Attributor::EndAtMedium(absl::string_view text,
                             const std::vector<Token>& tokens,
                             const std::string& tags, size_t a, size_t b,
                             Range* r) const {
  size_t c = a;
  while (c < b && (IsTrimTag(tags[c]) || tags[c] == 't')) ++c;
  // (The tags that open or close a quotation, end the search or may open
  // the phrase: the loop passes over the others.)
  static constexpr TagTable kLooked("qQvbCtPwr");
  int open = 0;
  for (size_t m = c + 1; m < b; ++m) {
    if (!kLooked(tags[m])) continue;
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0) continue;
    if (IsOneOf("vbCtPw", tags[m])) return;
    if (tags[m] != 'r') continue;
    const WordInfo* p = WordOf(text, tokens[m]);
    if (p == nullptr || (p->word_class != WordClass::kVenuePrep &&
                         p->word_class != WordClass::kAdjunctPrep)) {
      continue;
    }
    size_t head = b;
    for (size_t n = m + 1; n < b && n <= m + 5; ++n) {
      // (A word in -ing before a noun is a modifier, "early-morning
      // tweets", "the evening show"; a cue form after a determiner or
      // modifier is a noun, and ends the phrase: "in early-morning tweets".)
      const bool ing_modifier =
          tags[n] == 'i' && n + 1 < b && IsOneOf("onNC", tags[n + 1]);
      const bool cue_noun = tags[n] == 'C' && n > m + 1 && IsOneOf("dpjio-", tags[n - 1]);
      // (An adverb right after the preposition dates the occasion, "in
      // last Sunday's debate", "in earlier interviews".)
      const bool adverb = tags[n] == 'l' && n == m + 1;
      if (!IsOneOf("dpjNRno0g-", tags[n]) && !ing_modifier && !cue_noun &&
          !adverb) {
        break;
      }
      const WordInfo* w = WordOf(text, tokens[n]);
      if (w != nullptr && w->word_class == WordClass::kMediumNoun) head = n;
      if (cue_noun) break;
    }
    if (head == b) continue;
    for (size_t q = head + 1; q < b; ++q) {
      if (IsOneOf("vbCtqQw", tags[q])) return;
    }
    EndBefore(tokens, tags, c, m, r);
    return;
  }
}

// "said the council would vote in June -- a date it has missed twice",
// "denied the report - an account that aides had confirmed", "suggested
// four dates - one of them a Sunday", "would run again - though it is
// unclear when", "had begun calling members - there are nine": after what
// follows the cue, a dash (or a hyphen between spaces) outside quotations
// and no other dash after it in the content, then "a" or "an" (or a part,
// a concession or "there is", below), opens the writer's appositive, which
// sums up or comments on what was said and runs to the end; the content
// ends before the dash. (A dash that pairs with another encloses an aside
// inside the content: "the plan -- a bold one -- would pass" goes on.)
void Attributor::EndAtDashAppositive(absl::string_view text,
                                     const std::vector<Token>& tokens,
                                     const std::string& tags, size_t a,
                                     size_t b, Range* r) const {
  auto word = [&](size_t m) {
    return text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin);
  };
  auto is_dash = [&](size_t m) {
    return tags[m] == '~' || (tags[m] == '-' && word(m) == "-");
  };
  // (Most contents hold no dash: the tags are looked at first.)
  if (b <= a + 1 ||
      (std::memchr(tags.data() + a + 1, '~', b - a - 1) == nullptr &&
       std::memchr(tags.data() + a + 1, '-', b - a - 1) == nullptr)) {
    return;
  }
  int open = 0;
  size_t dash = b;
  for (size_t m = a + 1; m < b; ++m) {
    if (tags[m] == 'q') ++open;
    if (tags[m] == 'Q') --open;
    if (open > 0 || !is_dash(m)) continue;
    if (dash != b) return;  // a second dash: an aside, or a list of them
    dash = m;
  }
  if (dash == b || dash + 2 >= b) return;
  const size_t n = dash + 1;
  auto in = [&](size_t k, WordList list) {
    return k < b && InList(*lex_, text, tokens[k], list);
  };
  // "a"/"an"; a part of what was named, "-- one of them on a Sunday",
  // "- half of what the port sought" (a number or a quantifier of list
  // partitive, perhaps a word, and "of", in the list too); a concession,
  // "- though it is unclear ..." (list concessive, perhaps after "even");
  // a clause of the writer's that "there" or "here" opens, "- there are nine
  // of them" (list locative before an auxiliary or copula).
  const bool appositive = tags[n] == 'd' && in(n, WordList::kDetOne);
  const bool partitive =
      (tags[n] == '0' || in(n, WordList::kPartitive) ||
       in(n, WordList::kNumberWord)) &&
      ((tags[n + 1] == 'r' && in(n + 1, WordList::kPartitive)) ||
       (n + 2 < b && tags[n + 2] == 'r' && in(n + 2, WordList::kPartitive)));
  const bool concession =
      in(n, WordList::kConcessive) ||
      (in(n, WordList::kConcessiveLead) && in(n + 1, WordList::kConcessive));
  const bool existential =
      in(n, WordList::kLocative) && IsOneOf("vb", tags[n + 1]);
  if (!appositive && !partitive && !concession && !existential) return;
  if (tokens[dash].begin > r->begin && tokens[dash].end <= r->end) {
    EndBefore(tokens, tags, a, dash, r);
  }
}

// "Trump was criticized by some of his rivals for failing to visit", "he
// was accused by a reporter of grabbing her": after a passive cue and its
// agent, a preposition before an -ing word opens the act the cue reports
// (what he was criticized for), not a phrase of the agent's noun ("some of
// his rivals" keeps its "of", which takes no -ing word there; nor does
// "leaders of striking crews", whose -ing word takes no object). The agent
// `speaker` ends before the preposition and the phrase opens `content2`,
// with what followed it there. Not a preposition of the agent ("by"), of
// place or occasion ("officials in training"), nor one inside parentheses
// (an aside of the agent's own), nor when `content2` does not follow the
// agent right away ("by X and by Y"). A second -ing word after "and" goes on
// with it; an auxiliary or copula after "and" ends it.
void Attributor::SplitAgentComplement(absl::string_view text,
                                      const std::vector<Token>& tokens,
                                      const std::string& marked, int speaker,
                                      int content2,
                                      std::vector<re2::StringPiece>* groups) const {
  if (speaker == 0 || content2 == 0) return;
  const re2::StringPiece sp = (*groups)[speaker];
  if (sp.data() == nullptr || sp.size() < 3) return;
  const size_t sa = sp.data() - marked.data();
  const size_t sb = sa + sp.size();
  const re2::StringPiece c2 = (*groups)[content2];
  if (c2.data() != nullptr && !c2.empty() &&
      static_cast<size_t>(c2.data() - marked.data()) != sb) {
    return;
  }
  int paren = 0;
  for (size_t m = sa + 1; m + 1 < sb; ++m) {
    if (marked[m] == '(') ++paren;
    if (marked[m] == ')') --paren;
    // (The -ing word takes an object or a phrase of its own, a determiner,
    // possessive, pronoun or preposition after it: "of hiding the report",
    // "for failing to"; "leaders of striking crews" is a modifier.)
    if (paren > 0 || marked[m] != 'r' || marked[m + 1] != 'i' ||
        m + 2 >= marked.size() || !IsOneOf("dpPr", marked[m + 2])) {
      continue;
    }
    const WordInfo* w = WordOf(text, tokens[m]);
    if (w == nullptr || w->place || w->word_class == WordClass::kAgent ||
        w->word_class == WordClass::kVenuePrep) {
      continue;
    }
    size_t end = c2.data() != nullptr && !c2.empty() ? sb + c2.size() : sb;
    // ("for closing the pier and has since resigned": "and" before an
    // auxiliary, copula or negation opens the subject's next predicate,
    // no more of what was reported.)
    for (size_t q = m + 2; q + 1 < end; ++q) {
      if (marked[q] == 'x' && IsOneOf("vbz", marked[q + 1])) {
        end = q;
        break;
      }
    }
    // ("for failing to visit and largely ignoring its mayors": a second
    // -ing word after "and" (perhaps after adverbs) shares the preposition
    // and goes on with what was reported, up to a comma or the end.)
    if (end < marked.size() && marked[end] == 'x') {
      size_t q = end + 1;
      while (q < marked.size() && marked[q] == 'l') ++q;
      if (q < marked.size() && marked[q] == 'i') {
        while (q < marked.size() && !IsOneOf(",.;~:@CqQ()", marked[q])) ++q;
        end = q;
      }
    }
    (*groups)[speaker] = re2::StringPiece(marked.data() + sa, m - sa);
    (*groups)[content2] = re2::StringPiece(marked.data() + m, end - m);
    return;
  }
}

// "made no mention of God, religion or his faith", "took aim at the
// billionaire class, the fossil fuel industry and super PACs": a content
// that a rule ended at a comma after a noun, before more noun phrases
// separated by commas, the last after "and" or "or" (phraseconj), that run
// to the end of the sentence, is the first item of a list: the list is the
// content. (At least one item between the commas: "C, and Z." may be the
// writer's; after "or" (alternative) none is needed, "a madrassa, or
// Islamic school.")
size_t Attributor::ExtendThroughList(absl::string_view text,
                                     const std::vector<Token>& tokens,
                                     const std::string& tags, size_t a,
                                     size_t b) const {
  const size_t n = tags.size();
  if (b == 0 || b + 2 >= n || tags[b] != ',' ||
      !IsOneOf("NRno0)", tags[b - 1])) {
    return b;
  }
  static constexpr absl::string_view kItem = "dpjNRnoi0gl-r()";
  // The end of the item of the list that starts at `from`, and whether it
  // holds a noun.
  auto item_end = [&](size_t from, bool* noun) {
    size_t e = from;
    *noun = false;
    while (e < n && IsOneOf(kItem, tags[e])) {
      *noun = *noun || IsOneOf("NRno0", tags[e]);
      ++e;
    }
    return e;
  };
  size_t m = b;
  int middle = 0;
  while (m < n && tags[m] == ',') {
    ++m;
    if (m < n && tags[m] == 'x') break;
    // (Not a participle's clause: "..., threatening to revoke licenses",
    // "..., adopted by the council in 2009".)
    if (m < n && (tags[m] == 'i' || LowerEdWord(text, tokens[m]))) return b;
    bool noun;
    const size_t e = item_end(m, &noun);
    if (!noun) return b;
    ++middle;
    m = e;
  }
  if (m >= n || tags[m] != 'x' ||
      !InList(*lex_, text, tokens[m], WordList::kPhraseConj)) {
    return b;
  }
  // (Or a comma inside the content opens the item before b: "referring to
  // A, B, and C".)
  if (middle == 0) {
    size_t c = b;
    while (c > a && IsOneOf(kItem, tags[c - 1])) --c;
    if (c > a + 1 && c < b && tags[c - 1] == ',') middle = 1;
  }
  if (middle == 0 && !InList(*lex_, text, tokens[m], WordList::kAlternative)) {
    return b;
  }
  // (One item that opens with "a"/"an" before "and" without a comma is an
  // appositive that holds a pair: "X, a State Department official
  // overseeing Lebanon and the region".)
  if (middle == 1 && tags[m - 1] != ',' && tags[b + 1] == 'd' &&
      InList(*lex_, text, tokens[b + 1], WordList::kDetOne)) {
    return b;
  }
  bool noun;
  const size_t e = item_end(m + 1, &noun);
  if (!noun || (e < n && !(tags[e] == '.' && e + 1 == n))) return b;
  return e;
}

// "said the plan was sound, even though the council had rejected it",
// "sought a recount in the county, where he trailed by a point",
// "said he would not release them, as he did again on Monday",
// "discussed the talks on the condition of anonymity because ...": a clause
// of concession opened by "even though" (function_words.tsv lists
// concessive_lead and concessive) or of comparison opened by a comma,
// "as" (comparison) and an auxiliary or copula (perhaps after a pronoun;
// not "as he is ...", which gives a reason), as is a relative clause of
// place (place_rel: "where") after a comma that runs to the end of the
// content, and the terms on which the source spoke ("on (the) condition of
// anonymity") tell how it was said; the content ends before any of them,
// outside quotations.
void Attributor::EndAtWritersTerms(absl::string_view text,
                                   const std::vector<Token>& tokens,
                                   const std::string& tags, size_t a,
                                   size_t b, Range* r) const {
  auto word = [&](size_t m, absl::string_view w) {
    return m < b && absl::EqualsIgnoreCase(
                        text.substr(tokens[m].begin,
                                    tokens[m].end - tokens[m].begin),
                        w);
  };
  auto in = [&](size_t m, WordList list) {
    return m < b && InList(*lex_, text, tokens[m], list);
  };
  // (Most contents hold neither: only a subordinator, tag 's', and a
  // preposition, tag 'r', spelt "on" are looked at.)
  const char* t = tags.data();
  size_t m = b;
  for (size_t n = a + 1; n + 1 < b; ++n) {
    const void* p = memchr(t + n, 's', b - n);
    if (p == nullptr) break;
    n = static_cast<size_t>(static_cast<const char*>(p) - t);
    if (t[n - 1] == 'l' && in(n - 1, WordList::kConcessiveLead) &&
        in(n, WordList::kConcessive)) {
      m = n - 1;
      break;
    }
    // "said the plan was sound, even as he understands the risk": so
    // "even" and "as" (comparison) after a comma, in a content after its
    // cue (the cue '@' is not after it: "C, even as D, she wrote" is all
    // hers); not an aside whose comma the content's own verb follows
    // ("Trump, even as a candidate, had raised the stakes").
    if (n >= 2 && t[n - 2] == ',' && t[n - 1] == 'l' &&
        in(n - 1, WordList::kConcessiveLead) && in(n, WordList::kComparison) &&
        memchr(t + b, '@', tags.size() - b) == nullptr) {
      size_t q = n + 1;
      while (q < b && t[q] != ',') ++q;
      while (q + 1 < b && IsOneOf(",l", t[q + 1])) ++q;
      if (q + 1 >= b || !IsOneOf("vb", t[q + 1])) {
        m = n - 2;
        break;
      }
    }
    // ", despite a small number of complaints", ", despite pursuing
    // support": a comma and a word of concession (list concessive) before
    // a phrase that runs to the end of the content, with a determiner,
    // name, noun, number or -ing word and no clause of its own (no subject
    // pronoun, auxiliary, copula, cue or word in -ed before its end or a
    // "that"), is the writer's; ", though it is unclear" has a clause,
    // ", though not likely" no noun, and ", despite his flaws, would be"
    // and ", though conservative, areas" are asides that the content goes
    // on after.
    if (t[n - 1] == ',' && in(n, WordList::kConcessive)) {
      size_t q = n + 1;
      bool clause = false, noun = false;
      while (q < b && !IsOneOf(",;:~t", t[q]) && !clause) {
        clause = IsOneOf("PvbC", t[q]) ||
                 (t[q] == 'o' && LowerEdWord(text, tokens[q]));
        noun = noun || IsOneOf("dpNRn0i", t[q]);
        ++q;
      }
      // (It runs to the end of the content, or to a "that" of its noun:
      // "despite the fact that ...".)
      const bool to_end = q >= b || t[q] == 't' ||
                          (q + 1 == b && IsOneOf(",;:", t[q]));
      if (noun && !clause && to_end) {
        m = n - 1;
        break;
      }
    }
    // ", as he did", ", as has the mayor", ", as was the case": a
    // comparison with an auxiliary or copula of its own, the writer's.
    if (t[n - 1] == ',' && n + 2 < b &&
        (IsOneOf("vb", t[n + 1]) || (t[n + 1] == 'P' && t[n + 2] == 'v')) &&
        in(n, WordList::kComparison)) {
      m = n - 1;
      break;
    }
  }
  // ", less than half of the viewers", ", more than twice the figure": a
  // comma and a comparison of amount (lists amount and than) that runs to
  // the end with no verb of its own is the writer's appositive.
  for (size_t n = a + 2; n + 2 < m; ++n) {
    const void* p = memchr(t + n, ',', m - 2 - n);
    if (p == nullptr) break;
    n = static_cast<size_t>(static_cast<const char*>(p) - t);
    if (IsOneOf("NRno0", t[n - 1]) &&
        (in(n + 1, WordList::kPlaceRelative) ||
         (t[n + 1] == 'r' && word(n + 2, "whom")))) {
      // "would seek a recanvass in the Kentucky primary, where he trailed
      // by a point": a relative clause of place that runs to the end of
      // the content (no comma of its own but a last one) is the writer's;
      // so is one that a preposition and "whom" open after a name or a
      // noun ("attacked the mayor, with whom he clashed at the debate").
      size_t q = n + 2;
      while (q < b && tokens[q].end <= r->end &&
             !IsOneOf(",;:~qQ", t[q])) {
        ++q;
      }
      if (q >= b || tokens[q].end > r->end ||
          (t[q] == ',' && (q + 1 >= b || tokens[q + 1].end > r->end))) {
        m = n;
        break;
      }
      continue;
    }
    if (t[n + 2] != 'r' && t[n + 2] != 's') continue;
    if (!in(n + 1, WordList::kAmount) || !in(n + 2, WordList::kThan)) {
      continue;
    }
    size_t q = n + 3;
    while (q < b && tokens[q].end <= r->end && !IsOneOf("vbPC", t[q])) ++q;
    if (q < b && tokens[q].end <= r->end) continue;
    m = n;
    break;
  }
  for (size_t n = a + 1; n + 3 < m; ++n) {
    const void* p = memchr(t + n, 'r', m - 3 - n);
    if (p == nullptr) break;
    n = static_cast<size_t>(static_cast<const char*>(p) - t);
    const Token& on = tokens[n];
    if (on.end != on.begin + 2 || text[on.begin] != 'o' ||
        text[on.begin + 1] != 'n') {
      continue;
    }
    size_t c = n + 1;
    if (t[c] == 'd' && word(c, "the")) ++c;
    if (word(c, "condition") && word(c + 1, "of") && word(c + 2, "anonymity")) {
      m = n;
      break;
    }
  }
  if (m >= b || tokens[m].begin < r->begin || tokens[m].end > r->end) return;
  // Outside quotations.
  int open = 0;
  for (size_t q = a; q < m; ++q) open += (t[q] == 'q') - (t[q] == 'Q');
  if (open > 0) return;
  EndBefore(tokens, tags, a, m, r);
}

// "had been asked to keep the records by the committee", "has been attacked
// on the speeches by Ms. Lopez": after a passive cue with no agent next to
// it, "by" and a noun phrase that ends what follows the participle (a name,
// title or nominal at its head, not a medium: not "by email", "by far") is
// the agent after all: the content ends before "by", and the phrase is
// returned as the speaker (empty when there is none).
Range Attributor::LateAgent(absl::string_view text,
                            const std::vector<Token>& tokens,
                            const std::string& tags, size_t a, size_t b,
                            Range* r) const {
  size_t e = b;
  while (e > a && (IsTrimTag(tags[e - 1]) || tokens[e - 1].begin >= r->end)) --e;
  size_t m = e;
  while (m > a) {
    if (IsOneOf("dpjNRn0g-", tags[m - 1])) {
      --m;
      continue;
    }
    // A name's own phrase: "the Committee on Benghazi".
    if (tags[m - 1] == 'r' && m < e && m - 1 > a && tags[m] == 'N' &&
        IsOneOf("NR", tags[m - 2])) {
      const WordInfo* w = WordOf(text, tokens[m - 1]);
      if (w == nullptr || w->word_class != WordClass::kAgent) {
        --m;
        continue;
      }
    }
    break;
  }
  if (m <= a + 1 || m == e || e - m > 8 || tags[m - 1] != 'r' ||
      !IsOneOf("NRn", tags[e - 1])) {
    return Range{};
  }
  const WordInfo* by = WordOf(text, tokens[m - 1]);
  if (by == nullptr || by->word_class != WordClass::kAgent) return Range{};
  // (Not the medium: "by email", "by phone".)
  const WordInfo* head = WordOf(text, tokens[e - 1]);
  if (head != nullptr && head->word_class == WordClass::kMediumNoun) {
    return Range{};
  }
  for (size_t q = a; q < m; ++q) {
    if (tags[q] == 'q' || tags[q] == 'Q') return Range{};
  }
  if (tokens[m - 2].end <= r->begin) return Range{};
  EndBefore(tokens, tags, a, m - 1, r);
  return TokenSpan(tokens, m, e);
}

bool Attributor::SaysNoEvidence(absl::string_view sentence) const {
  if (no_evidence_ == nullptr) return false;
  if (!no_evidence_keys_.empty() &&
      std::none_of(no_evidence_keys_.begin(), no_evidence_keys_.end(),
                   [sentence](const std::string& key) {
                     return absl::StrContains(sentence, key);
                   })) {
    return false;
  }
  // (As RE2::PartialMatch answers: see IsNoClaim.)
  return no_evidence_->Match(re2::StringPiece(sentence.data(), sentence.size()),
                             0, sentence.size(), RE2::UNANCHORED, nullptr, 0);
}

namespace {

// Whether the cue's words, tokens [k, end), may be a past participle: not
// its lemma ("say"), nor an -s or -ing form ("says", "saying").
bool IsParticipleForm(absl::string_view text, const std::vector<Token>& tokens,
                      size_t k, size_t end, absl::string_view lemma) {
  const Range r = TokenSpan(tokens, k, end);
  const absl::string_view cue = text.substr(r.begin, r.end - r.begin);
  return !absl::EqualsIgnoreCase(cue, lemma) && !absl::EndsWith(cue, "s") &&
         !absl::EndsWith(cue, "ing");
}

}  // namespace

// "a fact first reported by a local station", "a biography written by two
// reporters", "a view echoed by everyone": a past participle (not the
// lemma, not an -s or -ing form) right before "by" (class agent) and a noun
// phrase is a passive whose agent follows; the phrase names who acted, not
// what was said. ("concluded by thanking the jury" tells how: an -ing word
// after "by" keeps its content.)
bool Attributor::IsAgentAfterParticiple(absl::string_view text,
                                        const std::vector<Token>& tokens,
                                        const std::string& tags, size_t k,
                                        size_t a, size_t b,
                                        absl::string_view lemma) const {
  const size_t words = std::max<size_t>(tokens[k].cue_words, 1);
  if (a != k + words || tags[a] != 'r' || a + 1 >= b || tags[a + 1] == 'i' ||
      absl::EndsWith(text.substr(tokens[a + 1].begin,
                                 tokens[a + 1].end - tokens[a + 1].begin),
                     "ing")) {
    return false;
  }
  const WordInfo* w = WordOf(text, tokens[a]);
  if (w == nullptr || w->word_class != WordClass::kAgent) return false;
  return IsParticipleForm(text, tokens, k, k + words, lemma);
}

// "The opinions expressed in this column are the author's", "the fears
// voiced at the hearing were unfounded": a past participle right after a
// plain noun (tag 'o': no speaker the lexicons know), before a preposition
// and one noun phrase opened by a determiner or possessive that the
// sentence's own verb (an auxiliary or copula) follows, modifies the noun;
// no one speaks. ("The mayor said in a letter
// the pier would close": a title or nominal speaks, and a second noun
// phrase opens the clause.)
bool Attributor::IsParticipleOfNoun(absl::string_view text,
                                    const std::vector<Token>& tokens,
                                    const std::string& tags, size_t k, size_t a,
                                    size_t b, absl::string_view lemma) const {
  const size_t words = std::max<size_t>(tokens[k].cue_words, 1);
  if (k == 0 || tags[k - 1] != 'o' || a != k + words || tags[a] != 'r') {
    return false;
  }
  // (A determiner or possessive opens the phrase: "said on Friday residents
  // would ...", "said about 200 ships were ..." report a clause.)
  size_t m = a + 1;
  if (m >= b || !IsOneOf("dp", tags[m])) return false;
  const size_t head = ++m;
  while (m < b && IsOneOf("jonNR0g", tags[m])) ++m;
  if (m == head || m >= b || !IsOneOf("vb", tags[m])) return false;
  return IsParticipleForm(text, tokens, k, k + words, lemma);
}

// "she said simply", "a voter who responded anonymously", "figures reported
// on Sunday now suggest": a content of adverbs and words of time only tells
// how or when, not what was said. (An adverb that stands for what was said,
// class proadv, makes a claim: "concluding thus".)
bool Attributor::OnlyAdverbs(absl::string_view text,
                             const std::vector<Token>& tokens,
                             const std::string& tags, size_t a,
                             size_t b) const {
  return OnlyWordsWhere(tags, a, b, [&](size_t k) {
    if (tags[k] != 'l' && !tokens[k].time) return false;
    const WordInfo* w = WordOf(text, tokens[k]);
    return w == nullptr || w->word_class != WordClass::kProAdv;
  });
}

// "a claim that Moscow dismisses as paranoia", "which her campaign refers
// to as a firewall", "subpoenaed to testify as a witness in the inquiry": a
// content right after its cue that is "as" (list comparison) and one noun
// phrase, perhaps with phrases of its own, says what the cue's object was
// called, or in what role the act was done; the object itself stands
// before the cue or nowhere. No claim. (Not a clause, "said as long as the
// vote holds, C"; nor a heavy object after the phrase, "described as a
// disaster the plan to C": a second noun phrase.)
bool Attributor::AsPhraseOnly(absl::string_view text, const std::vector<Token>& tokens,
                              const std::string& tags, size_t a, size_t b) const {
  // (Not one word, a pro-form or a term: "said as much", "known as
  // hydrofluorocarbons".)
  if (a + 2 >= b || tags[a] != 's' ||
      !LowerWordIn(*lex_, text, tokens[a], WordList::kComparison)) {
    return false;
  }
  // (Nor a quantifier that stands for what was said: "admitted as much on
  // Friday"; list partitive.)
  if (InList(*lex_, text, tokens[a + 1], WordList::kPartitive)) return false;
  bool head = false;  // a noun phrase's head word seen since the last preposition
  bool common = false;  // a word in lower case heads it: a description, not a name
  for (size_t m = a + 1; m < b && !common; ++m) common = tags[m] == 'n' || tags[m] == 'o';
  if (!common) return false;
  for (size_t m = a + 1; m < b; ++m) {
    const char t = tags[m];
    if (t == 'r') {
      head = false;
    } else if (t == 'd' || t == 'p') {
      if (head) return false;
    } else if (t == 'N' || t == 'R' || t == 'n' || t == 'o' || t == '0') {
      // (A lower-case word after a name may be its verb: "tweeted as Obama
      // spoke".)
      if (t == 'o' && head && (tags[m - 1] == 'N' || LooksLikeVerb(text, tokens, tags, m))) {
        return false;
      }
      head = true;
    } else if (t != 'j' && t != 'g' && t != 'q' && t != 'Q') {
      return false;
    }
  }
  return head;
}

// "The senator proposed it in 2013" cut before the object, "she told
// reporters last month", "the agency reported a few days later": a content
// that is phrases of time only (prepositions, determiners, adverbs and
// numbers around a word of time: a weekday, "yesterday", a month, a year or
// a noun of time; "in March, and again last year") tells when something was
// said, not what.
bool Attributor::OnlyTimePhrase(absl::string_view text,
                                const std::vector<Token>& tokens,
                                const std::string& tags, size_t a,
                                size_t b) const {
  while (a < b && IsTrimTag(tags[a])) ++a;
  while (b > a && IsTrimTag(tags[b - 1])) --b;
  // (Phrases of time are short; the tags rule out most contents before any
  // word is looked up.)
  if (a >= b || b - a > 12) return false;
  for (size_t k = a; k < b; ++k) {
    switch (tags[k]) {
      case 'l': case 'r': case 'd': case '0': case 'x': case ',': case 'o':
      case 'N': case 'i':
        break;
      default:
        return false;
    }
  }
  // A noun phrase of time is a thing when nothing marks it as a time
  // ("requested another month"), unless an adverb closes it ("a few days
  // later").
  if (tags[a] == 'd' && tags[b - 1] != 'l') return false;
  bool time = false;
  for (size_t k = a; k < b; ++k) {
    if (IsTrimTag(tags[k])) continue;
    const bool year = tags[k] == '0' && IsYear(text, tokens[k]);
    if (IsTimeWord(tokens[k], WordOf(text, tokens[k])) || year) {
      time = true;
    } else if (tags[k] != 'l' && tags[k] != 'r' && tags[k] != 'd' &&
               tags[k] != '0' && tags[k] != 'x' && tags[k] != ',') {
      return false;
    }
  }
  return time;
}

// "Lee said because ...", "Park said, but ...", "(pun intended)": a
// content of conjunctions, subordinators, prepositions and brackets only,
// left when the words after them went to another clause, says nothing.
bool Attributor::OnlyLinkWords(absl::string_view text,
                               const std::vector<Token>& tokens,
                               const std::string& tags, size_t a,
                               size_t b) const {
  return OnlyWordsWhere(tags, a, b, [&](size_t k) {
    if (tags[k] == 's') {
      // An adverbial subordinator ("because"); not "so", which can stand
      // for what was said ("I think so").
      const WordInfo* w = WordOf(text, tokens[k]);
      return w != nullptr && (w->word_class == WordClass::kAdverbialSub ||
                              w->word_class == WordClass::kTimeSub ||
                              w->word_class == WordClass::kCondSub);
    }
    return tags[k] == 'x' || tags[k] == 't' || tags[k] == 'r' ||
           tags[k] == '(' || tags[k] == ')';
  });
}

namespace {

// "X did not comment but said C": a content that opens with a conjunction
// and another cue is that cue's clause, a claim of its own; the first cue
// reports nothing.
bool OpensCoordinatedCue(const std::string& tags, size_t a, size_t b) {
  if (a >= b || tags[a] != 'x') return false;
  size_t k = a + 1;
  while (k < b && (tags[k] == 'l' || tags[k] == 'v' || tags[k] == 'b' || tags[k] == 'z')) ++k;
  return k < b && tags[k] == 'C';
}

}  // namespace

namespace {

// Whether a finding's content is one word that stands for what was said
// (function_words.tsv: "so" of sub_proform, "thus" of class proadv):
// "said so", "concluding thus". A claim still, though no clause.
bool ProformContent(const Lexicon& lex, absl::string_view text, const Finding& f) {
  if (f.content.size() != 1) return false;
  const Range r = f.content.front();
  if (r.end <= r.begin || r.end > text.size()) return false;
  const absl::string_view c = text.substr(r.begin, r.end - r.begin);
  for (char ch : c) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(ch))) return false;
  }
  return StandsForWhatWasSaid(lex.Word(absl::AsciiStrToLower(c)));
}

// The index of the first of `tokens` that begins at `offset` or after it
// (tokens.size() if none does).
size_t FirstTokenFrom(const std::vector<Token>& tokens, uint32_t offset) {
  return std::lower_bound(
             tokens.begin(), tokens.end(), offset,
             [](const Token& tok, uint32_t b) { return tok.begin < b; }) -
         tokens.begin();
}

// "understood it", "noticed it", "understand that very well", "I understand
// that concern": a content that is a pronoun (tag 'P') or "that" ('t') with
// nothing after it but adverbs is the cue's object, no clause. After "that",
// up to two plain lower-case words count too ("that very well", "that
// concern") unless one looks like a verb (ends in -s or -ed; "that it
// works" has a pronoun). A clause goes on: "realized it was late", "ruled
// that the law stands". So does a phrasal verb: a particle after the
// pronoun (function_words.tsv class particle: "ruled that out", "wrote it
// off") makes an act of speech of its own, a ruling out or a dismissal,
// whose object is what it is about.
bool PronounObjectOnly(absl::string_view text, const std::vector<Token>& tokens,
                       const std::string& tags, Range content) {
  const size_t m0 = FirstTokenFrom(tokens, content.begin);
  if (m0 == tokens.size() || tokens[m0].end > content.end) return false;
  if (tags[m0] != 'P' && tags[m0] != 't') return false;
  int plain = 0;
  for (size_t m = m0 + 1; m < tokens.size() && tokens[m].end <= content.end;
       ++m) {
    const char c = tags[m];
    if (c == 'l' || IsOneOf(".,;:", c)) continue;
    const WordInfo* w = tokens[m].info;
    if (w != nullptr && w != &kWordNotLookedUp &&
        w->word_class == WordClass::kParticle) {
      return false;
    }
    const absl::string_view word =
        text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin);
    if (tags[m0] == 't' && c == 'o' && !tokens[m].cap && ++plain <= 2 &&
        !absl::EndsWith(word, "s") && !absl::EndsWith(word, "ed")) {
      continue;
    }
    return false;
  }
  return true;
}

// "understand the assumptions that modelers have used", "noticed a man who
// was limping": a content that opens with a determiner or possessive and a
// noun phrase (modifiers, nouns, names, numbers), with a relative word
// ("that", "who") right after its head and no verb after the relative
// clause's own, is an object with a relative clause, no clause of its own.
// (A clause goes on: "realized the men who attacked him were armed" has a
// second verb; "realized the plan would fail" has no relative word.)
bool ObjectWithRelative(absl::string_view text,
                        const std::vector<Token>& tokens,
                        const std::string& tags, Range content) {
  size_t m = FirstTokenFrom(tokens, content.begin);
  if (m == tokens.size() || tokens[m].end > content.end) return false;
  if (tags[m] != 'd' && tags[m] != 'p') return false;
  ++m;
  const size_t head = m;
  while (m < tokens.size() && tokens[m].end <= content.end &&
         IsOneOf("ojnNRl0g", tags[m]))
    ++m;
  if (m == head || m >= tokens.size() || tokens[m].end > content.end)
    return false;
  if (tags[m] != 't' && tags[m] != 'w') return false;
  // (Not after a noun that takes a clause of what was said or held: "his
  // stance that C", "clear promises that C": a noun cue, a cue form, or a
  // noun of stance, function_words.tsv class stance.)
  const WordInfo* h = tokens[m - 1].info;
  if (h == &kWordNotLookedUp ||
      (h != nullptr && (h->noun_cue >= 0 || h->cue >= 0 || h->cue_prefix ||
                        h->word_class == WordClass::kStanceNoun))) {
    return false;
  }
  // The relative clause's verbs: one run of auxiliaries, negations and a
  // verb (a cue, or a lower-case word in -ed the tagger does not know); a
  // second run after other words is the verb of a clause whose subject the
  // phrase is.
  const auto is_verb = [&](size_t k) {
    const absl::string_view word =
        text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
    return IsOneOf("vbzC", tags[k]) ||
           (tags[k] == 'o' && word.size() > 3 && absl::EndsWith(word, "ed"));
  };
  const auto inside = [&](size_t k) {
    return k < tokens.size() && tokens[k].end <= content.end;
  };
  // The relative clause opens with its verb ("a van that was parked") or
  // with a subject, a pronoun or a plain noun phrase, and then its verb
  // ("the assumptions that modelers have used"). Anything else may hide a
  // verb the tagger does not know, "the men who ran the market were
  // gone": a clause, for all this can tell.
  size_t k = m + 1;
  while (inside(k) && tags[k] == 'l') ++k;
  if (inside(k) && !is_verb(k)) {
    if (tags[k] == 'P') {
      ++k;
    } else {
      if (tags[k] == 'd' || tags[k] == 'p') ++k;
      const size_t np = k;
      while (inside(k) && IsOneOf("ojnN0", tags[k]) && !is_verb(k)) ++k;
      if (k == np) return false;
    }
    while (inside(k) && tags[k] == 'l') ++k;
    if (!inside(k) || !is_verb(k)) return false;
  }
  int runs = 0;
  bool in_run = false;
  for (++m; m < tokens.size() && tokens[m].end <= content.end; ++m) {
    const bool verb = is_verb(m);
    if (verb && !in_run && ++runs > 1) return false;
    in_run = verb;
    if (IsOneOf("tswqQ", tags[m])) return false;
  }
  return true;
}

// "employers added 236,000 jobs in March", "would add $1.5 trillion to the
// debt", "financial services added 9,000 and health care created 55,000": a
// count right after the cue, with the noun it counts, is the cue's object,
// an amount gained, when a preposition, a conjunction, a subordinator, a
// dash or a comma follows it: the clause after that is the writer's. (Not
// a count that a verb follows, the subject of what was said, "added 300
// people had left"; nor a partitive, "added 90% of the missiles were shot
// down"; nor a count after "that", the cue's complementiser.)
bool CountObjectOnly(const Lexicon& lex, absl::string_view text,
                     const std::vector<Token>& tokens, const std::string& tags,
                     Range content) {
  size_t m = FirstTokenFrom(tokens, content.begin);
  if (m == 0 || m >= tokens.size() || tokens[m].begin != content.begin)
    return false;
  if (tags[m - 1] != '@' && tags[m - 1] != '_') return false;
  const auto inside = [&](size_t k) {
    return k < tokens.size() && tokens[k].end <= content.end;
  };
  // Words of amount before the number: "more than", "nearly", "an
  // estimated", "$" (not "the": "added the 2002 World Cup was a success").
  for (const size_t first = m; inside(m) && tags[m] != '0'; ++m) {
    if (m >= first + 3 ||
        (!IsOneOf("ljos-", tags[m]) &&
         !InList(lex, text, tokens[m], WordList::kTimeCount))) {
      return false;
    }
  }
  if (!inside(m)) return false;
  // The number and the noun it counts; a word in -ed is a verb the tagger
  // does not know ("added 300 people died").
  for (; inside(m) && IsOneOf("0ojn-", tags[m]); ++m) {
    const absl::string_view w =
        text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin);
    if (tags[m] == 'o' && w.size() > 3 && absl::EndsWith(w, "ed")) return false;
  }
  if (!inside(m)) return true;
  if (tags[m] == 'r' ? InList(lex, text, tokens[m], WordList::kPartitive)
                     : !IsOneOf("xs~,;", tags[m])) {
    return false;
  }
  // (A "that" or an infinitive further on is what was decided after a
  // vote's count: "ruled 5-4 that the law stands", "ruled 5-4 to block
  // it".)
  for (; inside(m); ++m) {
    if (tags[m] == 't') return false;
    if (tags[m] == 'r' && inside(m + 1) && IsOneOf("olbvC", tags[m + 1]) &&
        InList(lex, text, tokens[m], WordList::kInfinitiveTo) &&
        !InList(lex, text, tokens[m + 1], WordList::kNumberWord)) {
      return false;
    }
  }
  return true;
}

// "felt that C", "wants to leave", "posted: \"Q\"": what follows a cue
// that takes a proposition (clause_only in verbs.tsv) is a clause when it
// holds a verb the tagger knows (an auxiliary, a copula, a cue, or a word
// in -ed after the first), a subject pronoun, a negation, a complementiser,
// a subordinator or a relative word, a quotation, or an infinitive ("to"
// before a verb-like word). A noun phrase or an adjective alone is not:
// "felt unsafe", "wanted a bigger harbour", "posted a photo of the crowd".
// With `object`, the content is what the cue takes right after it, so a
// noun phrase with a relative clause is its object too (ObjectWithRelative).
bool HoldsClause(const Lexicon& lex, absl::string_view text,
                 const std::vector<Token>& tokens, const std::string& tags,
                 Range content, bool object = true) {
  // A content that starts past the sentence's last word is a block of text
  // after a colon ("The governor added:" and a paragraph of its own): the
  // statement itself, which the tags of this sentence cannot show.
  if (tokens.empty() || content.begin >= tokens.back().end) return true;
  if (PronounObjectOnly(text, tokens, tags, content)) return false;
  if (object && ObjectWithRelative(text, tokens, tags, content)) return false;
  if (object && CountObjectOnly(lex, text, tokens, tags, content)) return false;
  for (size_t m = 0; m < tokens.size(); ++m) {
    if (tokens[m].begin < content.begin) continue;
    if (tokens[m].end > content.end) break;
    const char c = tags[m];
    // (Not a cue form that heads a noun phrase: after a determiner, a
    // possessive, a word of amount or a preposition other than "to" it is a
    // noun, "added more charges", "offered her thanks", "a note of
    // caution"; a form in -ing after a preposition is a verb still, "by
    // saying C". Nor a subordinator that ends the content with no clause
    // after it, "added a note of caution though".)
    if (c == 'C' && m > 0 && tokens[m - 1].begin >= content.begin) {
      const char p = tags[m - 1];
      const absl::string_view w = text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin);
      if (p == 'd' || p == 'p' || InList(lex, text, tokens[m - 1], WordList::kAmount) ||
          (p == 'r' && !InList(lex, text, tokens[m - 1], WordList::kInfinitiveTo) &&
           !absl::EndsWith(w, "ing"))) {
        continue;
      }
    }
    if (c == 's' && (m + 1 == tokens.size() || tokens[m + 1].begin >= content.end)) continue;
    if (IsOneOf("vbCzPtswqQ=&@%", c)) {
      return true;
    }
    // A lower-case word in -ed after the first is a verb the tagger does
    // not know, or a participle of a small clause: "wants the vote
    // delayed", "felt the council acted too late".
    const absl::string_view word =
        text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin);
    // (Not a word of three letters, a noun as often, "posted a picture of
    // his hospital bed"; nor a number, "a hundred".)
    if (c == 'o' && tokens[m].begin > content.begin && word.size() > 3 &&
        absl::EndsWith(word, "ed") &&
        !InList(lex, text, tokens[m], WordList::kNumberWord)) {
      return true;
    }
    // (A noun head may be a verb the lexicons list as a noun: "plans to
    // release", not "posted it to voters": only at the content's start.)
    const absl::string_view verb_like =
        tokens[m].begin == content.begin ? "olbvCn" : "olbvC";
    // (Not a number written as a word: "pleaded guilty to two counts".)
    if (c == 'r' && m + 1 < tokens.size() && tokens[m + 1].end <= content.end &&
        verb_like.find(tags[m + 1]) != absl::string_view::npos &&
        absl::EqualsIgnoreCase(
            text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin), "to") &&
        !InList(lex, text, tokens[m + 1], WordList::kNumberWord)) {
      return true;
    }
  }
  return false;
}

}  // namespace

// "testified before the Senate committee", "wrote while a student at
// Marquette", "was attacked because of his reporting": after its cue, a
// subordinator of time or reason (class timesub or adsub) with a noun phrase
// and no clause of its own tells when or why the act took place; what was
// said is not there. (A clause after the phrase still is content: "decided
// after a long inquiry not to charge her", "said after the meeting that C".)
bool Attributor::AdjunctPhraseOnly(absl::string_view text,
                                   const std::vector<Token>& tokens,
                                   const std::string& tags, size_t a,
                                   size_t b) const {
  if (a + 1 >= b || (tags[a] != 's' && tags[a] != 'r')) return false;
  // (A comma and more words after it: the phrase leads the clause that was
  // said, "said despite the rift, the allies remain close", whether or not
  // the content was cut at the comma and the clause holds a verb the
  // tagger knows.)
  if (b + 1 < tokens.size() && tags[b] == ',') return false;
  for (size_t m = a + 1; m + 1 < b; ++m) {
    if (tags[m] == ',') return false;
  }
  const WordInfo* w = WordOf(text, tokens[a]);
  if (w == nullptr) return false;
  if (tags[a] == 's' ? w->word_class != WordClass::kAdverbialSub &&
                           w->word_class != WordClass::kTimeSub
                     : w->word_class != WordClass::kAdjunctPrep && !w->place) {
    return false;
  }
  // (A preposition's phrase opens with a determiner, a possessive or a
  // name: "at least 20% of them suffer" and "in savings" are no phrases of
  // the act's place or occasion; nor is one of time, "said in January
  // house prices rose", which a clause the tagger may not know follows.)
  if (tags[a] == 'r' &&
      (!IsOneOf("dpN", tags[a + 1]) ||
       IsTimeWord(tokens[a + 1], WordOf(text, tokens[a + 1])))) {
    return false;
  }
  // (A topic after the phrase is what the act was about: "testified before
  // the committee about her use of a private server", list question_topic.)
  for (size_t m = a + 1; m < b; ++m) {
    if (tags[m] == 'r' &&
        InList(*lex_, text, tokens[m], WordList::kQuestionTopic)) {
      return false;
    }
  }
  // (The phrase after the subordinator is no object of the cue: "admitted
  // before a court that he lied" holds the cue's own "that".)
  return !HoldsClause(*lex_, text, tokens, tags,
                      Range{tokens[a + 1].begin, tokens[b - 1].end},
                      /*object=*/false);
}

// "welcomed world leaders to the White House", "welcoming the chancellor
// back to the campaign": a person or group after the cue (a name, title or
// nominal for its head; no possessive: "welcomed France's proposals to the
// creditors" praises them), then "to" before a noun phrase, not an
// infinitive ("welcomed the chance to speak").
bool Attributor::HostingOnly(absl::string_view text,
                             const std::vector<Token>& tokens,
                             const std::string& tags, size_t cue_end) const {
  size_t m = cue_end;
  while (m < tokens.size() && IsOneOf("djoNnR0", tags[m])) ++m;
  if (m == cue_end || !IsOneOf("NnR", tags[m - 1])) return false;
  if (m < tokens.size() && tags[m] == 'l') ++m;
  return m + 1 < tokens.size() && tags[m] == 'r' &&
         InList(*lex_, text, tokens[m], WordList::kInfinitiveTo) &&
         IsOneOf("dpNnR0", tags[m + 1]);
}

bool Attributor::IsNoClaim(absl::string_view text, Range content) const {
  if (no_claim_ == nullptr) return false;
  if (content.end > content.begin &&
      !no_claim_first_[static_cast<unsigned char>(text[content.begin])]) {
    return false;
  }
  // (RE2::PartialMatch's answer, without the work it does a call to read
  // submatches into its arguments: about 90 instructions of some 760.)
  const re2::StringPiece piece(text.data() + content.begin,
                               content.end - content.begin);
  return no_claim_->Match(piece, 0, piece.size(), RE2::UNANCHORED, nullptr, 0);
}

bool Attributor::IssuedDocument(absl::string_view text,
                                const std::vector<Token>& tokens,
                                const std::string& marked, size_t a,
                                size_t b) const {
  // "His office released a statement saying C": the participle's speaker is
  // the subject that issued the document (the subject rules find it), not
  // the document, which is the object of a verb. A day or an adverb may
  // stand between ("issued a statement Tuesday saying C"), also a plain word
  // before the day ("a statement late Friday saying C").
  // So is a colon cue right after the document ("X issued the following
  // statement: \"Q\""), where modifiers may stand between the determiner
  // and the head.
  size_t e = b;
  while (e < marked.size() && e < b + 2 &&
         (marked[e] == 'N' || marked[e] == 'l' ||
          (marked[e] == 'o' && e + 1 < marked.size() && marked[e + 1] == 'N'))) {
    ++e;
  }
  if (e >= marked.size() || a < 2) return false;
  const bool colon = e == b && marked[e] == '@' && tokens[e].end == tokens[e].begin + 1 &&
                     text[tokens[e].begin] == ':';
  if (marked[e] != '%' && !colon) return false;
  // "sent a text message to supporters saying C", "posted a message on
  // Twitter reading C": the noun phrase after "to" or "on" (the prepositions
  // of function_words.tsv list label_prep, which name where words go) and a
  // medium or document (after a determiner, possessive, word or modifier)
  // is where the document went, not who issued it. (Not a day: "a
  // statement on Monday saying C".)
  if (!colon && a >= 3 && marked[a - 1] == 'r' &&
      IsOneOf("dpoj", marked[a - 3]) && !AllTime(tokens, a, b) &&
      InList(*lex_, text, tokens[a - 1], WordList::kLabelPrep)) {
    const WordInfo* w = WordOf(text, tokens[a - 2]);
    if ((w != nullptr && w->word_class == WordClass::kMediumNoun) ||
        IsDocumentHead(text, tokens, a - 2, a - 1)) {
      return true;
    }
  }
  // (Or a possessive pronoun: "revised her statement explaining C", the
  // issuer's own; or no determiner before a plural issued again and again:
  // "has been running ads praising X".)
  size_t d = a;  // the determiner, inside the group or right before it
  if (marked[d] != 'd' && marked[d] != 'p') --d;
  while (colon && d > 0 && d + 3 > a && (marked[d] == 'j' || marked[d] == 'i')) --d;
  const bool bare = d + 1 == a && b == a + 1 && !colon &&
                    IsOneOf("oCi", marked[d]) &&
                    EndsLikePlural(text, tokens[a]);
  if (bare) return IsDocumentHead(text, tokens, a, b);
  return (marked[d] == 'd' || marked[d] == 'p') && d >= 1 &&
         (marked[d - 1] == 'o' || marked[d - 1] == 'C') &&
         IsDocumentHead(text, tokens, a, b);
}

namespace {

// Spaces between words, as the candidate filters read them.
bool IsSpace(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The first em dash (U+2014) or horizontal bar (U+2015) in [p, end), or
// null: one search for their first byte, not one a character.
const char* NextDash(const char* p, const char* const end) {
  while (end - p >= 3) {
    p = static_cast<const char*>(std::memchr(p, '\xE2', end - p - 2));
    if (p == nullptr) return nullptr;
    if (p[1] == '\x80' && (p[2] == '\x94' || p[2] == '\x95')) return p;
    ++p;
  }
  return nullptr;
}

// Whether `text` holds an em dash or a horizontal bar.
bool HasDash(absl::string_view text) {
  return NextDash(text.data(), text.data() + text.size()) != nullptr;
}

// Whether `unit` holds an em dash or a horizontal bar the tagger may make
// a cue (Tagger::Tag: one right after the token of a closing quotation
// mark): one whose last byte before it, spaces passed over, may end such
// a mark (a straight quote, a backtick or any byte of a multi-byte
// character). (news.jsonl: of the 4,095 units only a dash made
// candidates, 3,990 gave no claim, and about 98% of those had no such dash.)
bool DashMayAttribute(absl::string_view unit) {
  const char* const begin = unit.data();
  const char* const end = begin + unit.size();
  for (const char* p = NextDash(begin, end); p != nullptr;
       p = NextDash(p + 3, end)) {
    const char* q = p;
    while (q > begin && IsSpace(static_cast<unsigned char>(q[-1]))) --q;
    if (q > begin && (q[-1] == '"' || q[-1] == '\'' || q[-1] == '`' ||
                      static_cast<unsigned char>(q[-1]) >= 0x80)) {
      return true;
    }
  }
  return false;
}

// Whether the run of non-space bytes `run` is a token the tagger tags as
// no word of a name can be (Tagger::Tag, WordTag): a number, its digits
// alone ('0'), or a lower-case word no lexicon lists (by its shape: 'o',
// 'i' or 'l').
bool NoNameToken(const Lexicon& lex, absl::string_view run) {
  bool digits = true, lower = true;
  for (char c : run) {
    digits &= absl::ascii_isdigit(static_cast<unsigned char>(c));
    lower &= c >= 'a' && c <= 'z';
  }
  if (digits || !lower) return digits;
  if (run.size() > kShortWord) return lex.Word(run) == nullptr;
  char buf[kShortWord] = {};
  std::memcpy(buf, run.data(), run.size());
  return lex.PaddedWord(buf) == nullptr;
}

// Whether `unit` holds a colon the tagger may make a cue (see
// Tagger::Tag): one with a token after it (each of the tagger's tests
// reads one), and before a quotation mark, or after a name of a few words
// that opens the unit, which holds no number nor a lower-case word no
// lexicon lists (the tagger's label of a name and its topic line take
// neither). At most ten tokens before it (each run of non-space bytes
// holds one at least): a topic line's four names and titles, its
// preposition and five words of topic (Tagger::LabelsTopicLine; "Mayor
// Jane Keller on the New Ferry Dock Bridge: Stop the Work"; the filter
// stopped at seven, and lost such lines). (news-5mb: of the 594 units only a
// colon made candidates, none with a cue once tagged, 445 fail this:
// "Advertisement:" alone, "Photos:" after "Hide Caption 4 of 43", "One result:
// Crime ...".)
bool ColonMayAttribute(const Lexicon& lex, absl::string_view unit) {
  for (size_t k = unit.find(':'); k != absl::string_view::npos;
       k = unit.find(':', k + 1)) {
    size_t n = k + 1;
    while (n < unit.size() && IsSpace(unit[n])) ++n;
    if (n == unit.size()) continue;
    if (unit[n] == '"' || unit[n] == '\'' || unit[n] == '`' ||
        static_cast<unsigned char>(unit[n]) >= 0x80) {
      return true;
    }
    // (Counted only as far as matters.)
    size_t runs = 0;
    bool named = true;
    for (size_t m = 0; m < k && named;) {
      if (IsSpace(unit[m])) {
        ++m;
        continue;
      }
      const size_t b = m;
      while (m < k && !IsSpace(unit[m])) ++m;
      named = ++runs <= 10 && !NoNameToken(lex, unit.substr(b, m - b));
    }
    if (named) return true;
  }
  return false;
}

}  // namespace

bool Attributor::IsCandidate(absl::string_view unit,
                             absl::Span<const Range> quoted) const {
  // Only sentences with a cue word, or a colon or dash that may attribute
  // a quotation, can hold an attribution; or one with a source preposition
  // before a poll ("In a poll released Sunday, C"; Tagger::TagSourceCue).
  return MayHaveCue(unit, quoted) || ColonMayAttribute(*lex_, unit) ||
         DashMayAttribute(unit) || MayHaveSource(unit);
}

bool Attributor::MayHaveSource(absl::string_view unit) const {
  // A poll noun first (a plain search, in lower case or capitalised), then
  // a source preposition before one: before the first, or else the first
  // preposition, before another after it ("After months of polling, X led
  // in a Marist poll": the search finds "poll" in "polling" first).
  const size_t poll = lex_->FindPollNoun(unit);
  if (poll == absl::string_view::npos) return false;
  std::string word;
  for (size_t i = 0; i < unit.size();) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(unit[i]))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < unit.size() && absl::ascii_isalpha(static_cast<unsigned char>(unit[j]))) ++j;
    AsciiLower(unit.substr(i, j - i), &word);
    if (lex_->SourceCue(word) >= 0) {
      return i < poll ||
             lex_->FindPollNoun(unit.substr(j)) != absl::string_view::npos;
    }
    i = j;
  }
  return false;
}

size_t Attributor::CueShape(size_t length, char first, char second, char penult,
                            char last) {
  // The high bits of a multiplicative hash.
  const uint64_t key = length | uint64_t{static_cast<uint8_t>(first)} << 8 |
                       uint64_t{static_cast<uint8_t>(second)} << 16 |
                       uint64_t{static_cast<uint8_t>(penult)} << 24 |
                       uint64_t{static_cast<uint8_t>(last)} << 32;
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >>
                             (64 - kCueShapeBits));
}

namespace {

// Each byte lower-cased if it is an ASCII letter, else 0: one load per byte
// tells HasCueWord() whether a word goes on, and gives its letter.
struct LetterTable {
  char lower[256];
  constexpr LetterTable() : lower() {
    for (int c = 'a'; c <= 'z'; ++c) {
      lower[c] = static_cast<char>(c);
      lower[c - 'a' + 'A'] = static_cast<char>(c);
    }
  }
};
constexpr LetterTable kLetters;

// Calls accept(i, j, info) for each word p[i, j) of ASCII letters in `text`
// that the lexicon lists as a cue word, a cue phrase's first word or a noun
// cue, until it returns true. Words are looked up lower-cased, after a test
// of their first and last letters by length (`last_letters`) and of their
// shape (length, first two and last two letters: `shapes`) among the cue
// words' (see Create): cheaper than tagging. (Every unit is scanned: a few
// instructions a byte count.)
template <typename Accept>
inline bool ScanCueWords(const Lexicon& lex, const uint32_t* last_letters,
                         const uint64_t* shapes, absl::string_view text,
                         Accept accept) {
  const char* const lower = kLetters.lower;
  const unsigned char* const p =
      reinterpret_cast<const unsigned char*>(text.data());
  char buf[kMaxCueWord];
  // The tests of a word's letters (first and last by length, then its
  // shape), which most words fail, apart from its lookup: they are made
  // where the scan finds the word, and the lookup only for a word that
  // passes them. (news-5mb: 122k of the 372k words scanned pass the first
  // test, fewer the shape's; 1.02575e9 -> 1.02349e9 instructions.)
  auto letters_fit = [&](size_t i, size_t j) {
    const size_t length = j - i;
    if (length > sizeof(buf)) return false;
    const char first = lower[p[i]], last = lower[p[j - 1]];
    if (((last_letters[32 * (first - 'a') + length] >> (last - 'a')) & 1) ==
        0) {
      return false;
    }
    const size_t second = length > 1 ? 1 : 0;
    const size_t shape = Attributor::CueShape(
        length, first, lower[p[i + second]], lower[p[j - 1 - second]], last);
    return ((shapes[shape / 64] >> (shape % 64)) & 1) != 0;
  };
  auto looked_up_cue = [&](size_t i, size_t j) {
    const size_t length = j - i;
#if defined(__SSE2__)
    if (length <= kShortWord && i + 16 <= text.size()) {
      // The word's sixteen bytes lower-cased (each is a letter: setting bit
      // 5 lower-cases it) and zeroed past the word, as PaddedWord() takes
      // it, in one store rather than a byte at a time. (news-5mb: 1.13575e9
      // -> 1.13477e9 instructions; no change in time that perf could tell
      // from the noise.)
      const __m128i word =
          _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)),
                       _mm_set1_epi8(0x20));
      const __m128i in_word = _mm_cmpgt_epi8(
          _mm_set1_epi8(static_cast<char>(length)),
          _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(buf),
                       _mm_and_si128(word, in_word));
    } else
#endif
    {
      // Zeroed past the word, as Lexicon::PaddedWord() takes a short one.
      std::memset(buf, 0, kShortWord);
      for (size_t k = i; k < j; ++k) buf[k - i] = lower[p[k]];
    }
    const WordInfo* info = length <= kShortWord
                               ? lex.PaddedWord(buf)
                               : lex.Word(absl::string_view(buf, length));
    if (info == nullptr ||
        (info->cue < 0 && !info->cue_prefix && info->noun_cue < 0)) {
      return false;
    }
    return accept(i, j, *info);
  };
  auto is_cue = [&](size_t i, size_t j) {
    return letters_fit(i, j) && looked_up_cue(i, j);
  };
#if defined(__SSE2__)
  // The runs of letters are found 16 bytes at a time, from a mask of the
  // bytes that are letters (those lower[] gives a letter): a loop byte by
  // byte mispredicts the end of nearly every word, whose lengths vary,
  // where this loop mispredicts about once a block. (news.jsonl:
  // MayHaveCue 3.18% -> 2.24% of the time, for a few more instructions.)
  const size_t n = text.size();
  auto letters = [&](const unsigned char* q) {
    return static_cast<uint32_t>(_mm_movemask_epi8(
        AsciiLetters16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(q)))));
  };
  size_t begin = 0;    // where the last run of letters begins
  uint32_t carry = 0;  // 1: the byte before the block is a letter
  for (size_t b = 0; b < n; b += 16) {
    uint32_t mask;
    if (n - b >= 16) {
      mask = letters(p + b);
    } else {
      // (The last bytes, with no letter after them: a run that reaches
      // the end of the text ends in this block.)
      unsigned char last[16] = {};
      std::memcpy(last, p + b, n - b);
      mask = letters(last);
    }
    // Bit t: a run begins at byte b + t (starts), ends before it (ends).
    const uint32_t after_letter = (mask << 1) | carry;
    uint32_t starts = mask & ~after_letter;
    uint32_t ends = ~mask & after_letter & 0xFFFF;
    carry = (mask >> 15) & 1;
    while (ends != 0) {
      const int e = absl::countr_zero(ends);
      if (starts != 0 && absl::countr_zero(starts) < e) {
        begin = b + absl::countr_zero(starts);
        starts &= starts - 1;
      }
      if (is_cue(begin, b + e)) return true;
      ends &= ends - 1;
    }
    if (starts != 0) begin = b + absl::countr_zero(starts);
  }
  // (A run of letters up to the end of a last block of 16 bytes.)
  return carry != 0 && is_cue(begin, n);
#else
  // A word that ends the text is read apart: before `m` every run of
  // letters ends at a byte that is none, and is read without a bounds test.
  size_t m = text.size();
  while (m > 0 && lower[p[m - 1]] != 0) --m;
  size_t i = 0;
  while (i < m) {
    if (lower[p[i]] == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (lower[p[j]] != 0) ++j;
    if (is_cue(i, j)) return true;
    i = j + 1;  // p[j] is no letter
  }
  return m < text.size() && is_cue(m, text.size());
#endif
}

}  // namespace

// Whether the sentence `s` opens as the speech tag of a quotation before it:
// a subject pronoun (class pron, not "it"), a cue word and a subordinator of
// time or a preposition of place or occasion (classes adsub, timesub, sub,
// venue, venue_place, adjunct): "He tweeted when the senator ended the
// debate", "She asked as the council voted". (Not "He said the plan failed":
// a clause after the cue is a claim of its own; nor "He asked whether C",
// a subordinator that opens a question, list question_topic.)
bool Attributor::OpensAsSpeechTag(absl::string_view s) const {
  absl::string_view words[3];
  size_t p = 0;
  for (int w = 0; w < 3; ++w) {
    const size_t b = p;
    while (p < s.size() && absl::ascii_isalpha(static_cast<unsigned char>(s[p]))) ++p;
    if (p == b || p >= s.size() || s[p] != ' ') return false;
    words[w] = s.substr(b, p - b);
    ++p;
  }
  if (words[0].size() > 4 || words[1].size() > 24 || words[2].size() > 8) return false;
  if (!absl::ascii_isupper(static_cast<unsigned char>(words[0][0])) ||
      !absl::ascii_islower(static_cast<unsigned char>(words[1][0])) ||
      absl::EqualsIgnoreCase(words[0], "it") ||
      lex_->FunctionWord(absl::AsciiStrToLower(words[0])) != WordClass::kPron ||
      !HasCueWord(words[1])) {
    return false;
  }
  switch (lex_->FunctionWord(absl::AsciiStrToLower(words[2]))) {
    case WordClass::kSub:
      return !lex_->InListAnyCase(words[2], WordList::kQuestionTopic);
    case WordClass::kAdverbialSub:
    case WordClass::kTimeSub:
    case WordClass::kVenuePrep:
    case WordClass::kAdjunctPrep:
      return true;
    default:
      return false;
  }
}

bool Attributor::HasCueWord(absl::string_view text) const {
  return ScanCueWords(*lex_, cue_last_letters_, cue_shapes_, text,
                      [](size_t, size_t, const WordInfo&) { return true; });
}

namespace {

// For MayHaveCue(): whether a word of class that (function_words.tsv)
// follows the word that ends at p[j] ("complaints that C": a noun cue,
// Tagger::WordTag()).
bool ThatFollows(const Lexicon& lex, const unsigned char* p, size_t size,
                 size_t j) {
  if (j >= size || !IsSpace(p[j])) return false;
  while (j < size && IsSpace(p[j])) ++j;
  size_t e = j;
  while (e < size && kLetters.lower[p[e]] != 0) ++e;
  if (e == j || e - j > kShortWord) return false;
  char buf[kShortWord] = {};
  for (size_t k = j; k < e; ++k) buf[k - j] = kLetters.lower[p[k]];
  const WordInfo* w = lex.PaddedWord(buf);
  return w != nullptr && w->word_class == WordClass::kThat;
}

// For MayHaveCue(): whether the word p[i, j) of a text of `size` bytes,
// whose entry `info` makes it the first word of a cue phrase or a noun cue
// only, can be tagged a cue where it stands. Anything not read plainly
// here counts as yes.
// (Out of line: few words get here, and the scan that calls it stays as
// tight as HasCueWord's.)
ABSL_ATTRIBUTE_NOINLINE bool MayBecomeCue(const Lexicon& lex,
                                          const WordMap<bool>& phrase_starts,
                                          const unsigned char* p, size_t size,
                                          size_t i, size_t j,
                                          const WordInfo& info) {
  const char* const lower = kLetters.lower;
  // The first word of a cue phrase is one only before a word that some
  // phrase of it has second (the tagger looks the phrase up token by token;
  // an adverb in -ly may stand between). (news.jsonl: "would be", "made
  // the", "take a" no longer make a unit a candidate.)
  auto phrase_may_follow = [&] {
    if (j >= size) return false;
    if (!IsSpace(p[j])) return true;
    size_t a = j;
    while (a < size && IsSpace(p[a])) ++a;
    if (a >= size) return false;
    if (p[a] >= 0x80) return true;
    if (lower[p[a]] == 0) return false;  // no word: the phrase stops
    size_t b = a;
    while (b < size && lower[p[b]] != 0) ++b;
    if (b < size && !IsSpace(p[b]) && p[b] != ',' && p[b] != ';' && p[b] != '!' &&
        p[b] != '?' && p[b] != ')' && p[b] != '"' && p[b] != ':') {
      return true;
    }
    if (b - a > 4 && lower[p[b - 2]] == 'l' && lower[p[b - 1]] == 'y') return true;
    // The two words lower-cased, as the phrase's first two words.
    char buf[2 * kMaxCueWord + 1];
    if (b - a > kMaxCueWord) return false;
    size_t n = 0;
    for (size_t k = i; k < j; ++k) buf[n++] = lower[p[k]];
    buf[n++] = ' ';
    for (size_t k = a; k < b; ++k) buf[n++] = lower[p[k]];
    return phrase_starts.contains(absl::string_view(buf, n));
  };
  // A noun cue is one only in lower case, after a possessive (perhaps with
  // one or two modifiers between): a possessive determiner or an apostrophe
  // among the bytes of the three tokens before it, which lie in the rest of
  // its own run of non-space bytes and the three runs before; or after a
  // light verb, its determiner and one or two modifiers ("made the case"):
  // a light verb among the four runs before.
  auto noun_may_be_cue = [&] {
    if (lower[p[i]] != static_cast<char>(p[i])) return false;  // capitalised
    if (ThatFollows(lex, p, size, j)) return true;
    size_t k = i;
    int runs = 0;
    while (k > 0) {
      const unsigned char c = p[k - 1];
      if (IsSpace(c)) {
        while (k > 0 && IsSpace(p[k - 1])) --k;
        if (++runs > 4) break;
        continue;
      }
      if (c == '\'' || c >= 0x80) return true;
      if (lower[c] == 0) {
        --k;
        continue;
      }
      const size_t e = k;
      while (k > 0 && lower[p[k - 1]] != 0) --k;
      if (e - k <= kShortWord) {
        char buf[kShortWord] = {};
        for (size_t m = k; m < e; ++m) buf[m - k] = lower[p[m]];
        const WordInfo* w = lex.PaddedWord(buf);
        if (w != nullptr && (w->word_class == WordClass::kLightVerb ||
                             (w->word_class == WordClass::kPoss && runs <= 3))) {
          return true;
        }
      }
    }
    return false;
  };
  return (info.cue_prefix && phrase_may_follow()) ||
         (info.noun_cue >= 0 && noun_may_be_cue());
}

// For MayHaveCue(): whether the word p[i, j) of a text of `size` bytes,
// whose entry `info` makes it a cue word, stands right after a determiner
// ("the report") or a possessive ("his plan"), where the tagger reads it
// as a noun, no cue (Tagger::WordTag(): a noun slot). After a possessive a
// noun cue is one, so there only a word that is none counts, and only a
// whole token (another token would have an entry of its own). Only what
// is read plainly here counts as yes: the word before is a token of ASCII
// letters between spaces (or the first of the unit), in lower case unless
// first, that the lexicon makes a determiner of class det or a possessive
// and nothing of a cue. (A cue phrase that took it in would begin with a
// word before it, which MayHaveCue() reads first and takes for a cue.) A noun
// cue after a light verb and its determiner ("made the case") is one.
ABSL_ATTRIBUTE_NOINLINE bool InNounSlot(const Lexicon& lex,
                                        const uint32_t* slot_shapes,
                                        const unsigned char* p, size_t size,
                                        size_t i, size_t j,
                                        const WordInfo& info) {
  const char* const lower = kLetters.lower;
  if (i == 0 || !absl::ascii_isspace(p[i - 1])) return false;
  size_t e = i - 1;
  while (e > 0 && absl::ascii_isspace(p[e - 1])) --e;
  size_t b = e;
  while (b > 0 && lower[p[b - 1]] != 0) --b;
  if (b == e || e - b > kShortWord) return false;
  if (b > 0 && !absl::ascii_isspace(p[b - 1])) return false;
  if (b > 0 && lower[p[b]] != static_cast<char>(p[b])) return false;
  // The shape of a determiner or possessive (see Create): most words
  // before a cue word fail it, without a lookup.
  if (((slot_shapes[(e - b - 1) * 26 + (lower[p[e - 1]] - 'a')] >>
        (lower[p[b]] - 'a')) & 1) == 0) {
    return false;
  }
  char buf[kShortWord] = {};
  const size_t length = e - b;
  for (size_t k = 0; k < length; ++k) buf[k] = lower[p[b + k]];
  const WordInfo* det = lex.PaddedWord(buf);
  if (det == nullptr || det->cue >= 0 || det->cue_prefix ||
      det->noun_cue >= 0) {
    return false;
  }
  if (det->word_class == WordClass::kDet) {
    // ("the claim that C": a noun cue before "that" is one.)
    if (info.noun_cue >= 0 && ThatFollows(lex, p, size, j)) return false;
    if (info.noun_cue < 0 || b == 0) return true;
    // "made the case": a noun cue after a light verb and its determiner.
    size_t ve = b;
    while (ve > 0 && absl::ascii_isspace(p[ve - 1])) --ve;
    size_t vb = ve;
    while (vb > 0 && lower[p[vb - 1]] != 0) --vb;
    if (vb == ve || ve - vb > kShortWord) return true;
    char verb[kShortWord] = {};
    for (size_t k = vb; k < ve; ++k) verb[k - vb] = lower[p[k]];
    const WordInfo* v = lex.PaddedWord(verb);
    return v == nullptr || v->word_class != WordClass::kLightVerb;
  }
  if (det->word_class != WordClass::kPoss || info.noun_cue >= 0) return false;
  // The word ends its token: no byte that may carry it on follows.
  if (j < size) {
    const unsigned char c = p[j];
    if (c >= 0x80 || c == '-' || c == '&' || c == '.' || c == ',' ||
        c == '\'' || lower[c] != 0 || absl::ascii_isdigit(c)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool Attributor::MayHaveCue(absl::string_view text,
                            absl::Span<const Range> quoted) const {
  // HasCueWord()'s scan, which reads on past a word the tagger cannot make
  // a cue where it stands.
  const char* const lower = kLetters.lower;
  const unsigned char* const p =
      reinterpret_cast<const unsigned char*>(text.data());
  // (Offsets in `text`: the tests read the words around the cue word.)
  size_t from = 0;  // where the part of the text scanned begins
  auto may_become_cue = [&](size_t wi, size_t wj, const WordInfo& info) {
    const size_t i = from + wi, j = from + wj;
    if (info.cue < 0 && !info.gap_cue_prefix &&
        !MayBecomeCue(*lex_, cue_phrase_starts_, p, text.size(), i, j, info)) {
      return false;
    }
    // (Most cue words follow one space after a word that no determiner or
    // possessive ends as, which its last two letters tell.)
    if (i < 2 || p[i - 1] != ' ' || lower[p[i - 2]] == 0) return true;
    const char before = i >= 3 ? lower[p[i - 3]] : 0;
    return !slot_ends_[(before != 0 ? before - 'a' : 26) * 27 +
                       (lower[p[i - 2]] - 'a')] ||
           !InNounSlot(*lex_, slot_shapes_, p, text.size(), i, j, info);
  };
  // The parts of the text outside `quoted`, each scanned alone: their
  // words are not read at all. (A quotation begins after its opening mark
  // and ends at its closing mark, or where the text does: no word runs
  // across its edges.)
  for (const Range& r : quoted) {
    if (r.begin > from &&
        ScanCueWords(*lex_, cue_last_letters_, cue_shapes_,
                     text.substr(from, r.begin - from), may_become_cue)) {
      return true;
    }
    from = std::max<size_t>(from, r.end);
  }
  return from < text.size() &&
         ScanCueWords(*lex_, cue_last_letters_, cue_shapes_, text.substr(from),
                      may_become_cue);
}

void Attributor::TagUnits(
    absl::string_view text, const TextLayout& layout,
    std::vector<std::pair<Range, std::string>>* out) const {
  out->clear();
  std::vector<Unit> units;
  QuoteMarks marks;
  PrepareUnits(
      text, layout, [this](absl::string_view w) { return HasCueWord(w); },
      [this](absl::string_view s) { return OpensAsSpeechTag(s); }, &units, &marks);
  std::vector<Token> tokens;
  std::string tags;
  for (const Unit& unit : units) {
    absl::string_view utext =
        text.substr(unit.range.begin, unit.range.end - unit.range.begin);
    // (Every unit with a cue word, a colon or a dash, as the tags were
    // shown before IsCandidate() read them closer.)
    if (!HasCueWord(utext) && utext.find(':') == absl::string_view::npos &&
        !HasDash(utext)) {
      continue;
    }
    tagger_.Tag(text, unit.range, marks, &tokens, &tags);
    out->emplace_back(unit.range, tags);
  }
}

std::string Attributor::TagsFor(absl::string_view text,
                                const TextLayout& layout, Range range) const {
  QuoteMarks marks;
  marks.Build(layout);
  std::vector<Token> tokens;
  std::string tags;
  tagger_.Tag(text, range, marks, &tokens, &tags);
  return tags;
}

namespace {

// Whether the cue word of `token` may be read as a noun: the base form of
// its lemma's first word or that form with -s ("report", "reports",
// "question"), not a past form or participle ("reported", "reporting").
bool NounReading(absl::string_view text, const Token& token, const CueEntry& cue) {
  const absl::string_view word = text.substr(token.begin, token.end - token.begin);
  absl::string_view head = cue.lemma;
  head = head.substr(0, head.find(' '));
  if (!absl::StartsWithIgnoreCase(word, head)) return false;
  const absl::string_view rest = word.substr(head.size());
  return rest.empty() || absl::EqualsIgnoreCase(rest, "s") || absl::EqualsIgnoreCase(rest, "es");
}

// Whether the cue's token is its lemma's first word as it stands ("report",
// not "reports" or "reported").
bool BaseForm(absl::string_view text, const Token& token, const CueEntry& cue) {
  absl::string_view head = cue.lemma;
  head = head.substr(0, head.find(' '));
  const absl::string_view word =
      text.substr(token.begin, token.end - token.begin);
  return !word.empty() &&
         absl::ascii_isalpha(static_cast<unsigned char>(word[0])) &&
         absl::EqualsIgnoreCase(word, head);
}

// Whether a lower-case word after "to" is a plural noun rather than a
// verb: in -s, not -ss or -us ("to voters", not "to discuss", "to focus").
bool PluralAfterTo(absl::string_view w) {
  return w.size() > 3 && absl::EndsWith(w, "s") && !absl::EndsWith(w, "ss") &&
         !absl::EndsWith(w, "us");
}

// Whether the token ends as a plural noun would: in -s, not -ss ("experts",
// not "press").
bool EndsLikePlural(absl::string_view text, const Token& token) {
  const absl::string_view word =
      text.substr(token.begin, token.end - token.begin);
  return word.size() > 2 &&
         absl::ascii_tolower(static_cast<unsigned char>(word.back())) == 's' &&
         absl::ascii_tolower(
             static_cast<unsigned char>(word[word.size() - 2])) != 's';
}

// Whether the token is a number greater than one in figures: digits, with
// commas or a point between them ("1,400", "260.74"; not "1", "9:23PM").
bool NumberInFigures(absl::string_view text, const Token& token) {
  const absl::string_view word =
      text.substr(token.begin, token.end - token.begin);
  if (word.empty() || word == "1" ||
      !absl::ascii_isdigit(static_cast<unsigned char>(word.front())) ||
      !absl::ascii_isdigit(static_cast<unsigned char>(word.back()))) {
    return false;
  }
  for (char c : word) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c)) && c != ',' &&
        c != '.') {
      return false;
    }
  }
  return true;
}

// "amid recent reports that C", "voiced fears that C", "took questions
// about C": is the cue at k, in a form with a noun reading, that noun,
// modified by the word right before it or that word's object, rather than
// the verb of a subject ending in the word? The word (its entry `before`,
// or nullptr) is written in lower case and is an adjective
// (function_words.tsv class adj, or judge: "tough questions") or a verb:
// a form of class verb or causative ("took", "prompted"), or, before a
// form in -s, a past form in -ed ("raised fears"; a base form may be the
// verb of a subject that ends in a participle: "those surveyed say C").
// (Not a light verb: "his friends make jokes about C" are the friends'.)
bool NounAfterModifierOrVerb(absl::string_view text, const std::vector<Token>& tokens,
                             const std::string& tags, size_t k, const WordInfo* before,
                             const CueEntry& cue) {
  if (k == 0 || tags[k - 1] != 'o' || tokens[k - 1].cap || !NounReading(text, tokens[k], cue)) {
    return false;
  }
  if (before != nullptr &&
      (before->word_class == WordClass::kAdjective || before->word_class == WordClass::kJudgement)) {
    return true;
  }
  // (A verb has no determiner or possessive right before it: "The left
  // believes C", "the accused claims C" are nouns that speak.)
  if (k >= 2 && IsOneOf("dpg", tags[k - 2])) return false;
  if (before != nullptr &&
      (before->word_class == WordClass::kVerb || before->word_class == WordClass::kCausative ||
       before->word_class == WordClass::kCausativeVerb)) {
    return true;
  }
  const absl::string_view word = text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
  return (before == nullptr ||
          (before->word_class == WordClass::kNone && !before->title &&
           before->nominal == v1::ENTITY_TYPE_UNSPECIFIED)) &&
         LowerEdWord(text, tokens[k - 1]) && word.size() > 3 &&
         word.back() == 's' && word[word.size() - 2] != 's';
}

}  // namespace

void Attributor::Find(absl::string_view text, const TextLayout& layout,
                      std::vector<Finding>* out) const {
  out->clear();
  // The thread's scratch from its last document, filled again (each is
  // cleared or assigned before it is read): the vectors keep the memory
  // they grew to instead of growing anew for every document.
  struct Scratch {
    std::vector<Unit> units;
    QuoteMarks marks;
    std::vector<Token> tokens;
    std::string tags, marked;
    std::vector<re2::StringPiece> groups, subject_groups;
    std::string opener_tags;
    std::vector<int> unit_findings;
    std::vector<int8_t> half_known;
    std::vector<uint64_t> may_match;  // rule_words_ words (see Find)
    std::vector<Range> quoted;
    std::vector<uint32_t> taken;  // see "taken" below
    std::vector<std::pair<int, int>> by_unit;  // see "by_unit" below
    std::vector<std::pair<uint32_t, size_t>> direct_ends;  // see below
    std::vector<int> para_quote, para_last, best;  // by paragraph, see below
  };
  thread_local Scratch scratch;
  std::vector<Unit>& units = scratch.units;
  QuoteMarks& marks = scratch.marks;
  PrepareUnits(
      text, layout, [this](absl::string_view w) { return HasCueWord(w); },
      [this](absl::string_view s) { return OpensAsSpeechTag(s); }, &units, &marks);

  std::vector<Token>& tokens = scratch.tokens;
  std::string& tags = scratch.tags;
  std::string& marked = scratch.marked;
  // "this weekend", "this year": a determiner of list timedet before a noun
  // of time. (Not "last year", an adverb: the gold keeps it in the content
  // as often as not, "noted last year C", "decided last year against".)
  auto time_lead = [&](size_t m) {
    if (marked[m] != 'd') return false;
    const WordInfo* w = WordOf(text, tokens[m + 1]);
    if (w == nullptr || w->word_class != WordClass::kTimeNoun) return false;
    return InList(*lex_, text, tokens[m], WordList::kTimeDet);
  };
  std::vector<re2::StringPiece>& groups = scratch.groups;
  std::vector<int>& unit_findings = scratch.unit_findings;
  unit_findings.assign(units.size(), 0);
  std::vector<int8_t>& half_known = scratch.half_known;
  scratch.may_match.resize(rule_words_);
  // The bylines under excerpts (BylineOf), read once: a byline says nothing
  // ("Paul Waldman, Washington Post" is no "Post" said by "Washington"),
  // and names the author of the quotations before it (see the end).
  std::vector<Byline> bylines;
  for (int p = 0; p < static_cast<int>(layout.paragraphs.size()); ++p) {
    Byline b;
    b.paragraph = p;
    b.line = BylineOf(*lex_, text, layout, p, &b.name, &b.quote);
    if (b.line.end > 0) bylines.push_back(b);
  }

  // The first quotation that opens at or after `quotes_from_begin` (see
  // "quoted" below).
  auto quotes_from = layout.quotes.begin();
  uint32_t quotes_from_begin = 0;
  for (size_t u = 0; u < units.size(); ++u) {
    Unit unit = units[u];
    if (!bylines.empty() &&
        unit.range.end == layout.paragraphs[unit.paragraph].end) {
      auto by = std::lower_bound(
          bylines.begin(), bylines.end(), unit.paragraph,
          [](const Byline& b, int p) { return b.paragraph < p; });
      if (by != bylines.end() && by->paragraph == unit.paragraph) {
        if (by->line.begin <= unit.range.begin) continue;
        unit.range.end = layout.quotes[by->quote].close_end;
      }
    }
    absl::string_view utext =
        text.substr(unit.range.begin, unit.range.end - unit.range.begin);
    // The quotations the unit opens after a space (or at its start): a
    // token begins at each opening mark, which the tagger tags 'q', and the
    // loop below passes over every cue word after it up to the closing
    // mark (its 'Q'); so a unit whose cue words all stand inside them
    // needs no tags. (Only the colon of a transcript label counts inside a
    // quotation: IsCandidate reads colons as before.) (news-5mb: 1.1387e9
    // -> 1.1330e9 instructions, Tokenize and Tag 4% fewer.)
    // (Units come in text order: the first quotation the unit may open is
    // found by walking on from the last unit's, with a binary search only
    // for a unit that starts before the last one.)
    std::vector<Range>& quoted = scratch.quoted;
    quoted.clear();
    if (unit.range.begin < quotes_from_begin) {
      quotes_from = std::lower_bound(
          layout.quotes.begin(), layout.quotes.end(), unit.range.begin,
          [](const Quote& q, uint32_t off) { return q.open < off; });
    } else {
      while (quotes_from != layout.quotes.end() &&
             quotes_from->open < unit.range.begin) {
        ++quotes_from;
      }
    }
    quotes_from_begin = unit.range.begin;
    for (auto it = quotes_from;
         it != layout.quotes.end() && it->open < unit.range.end; ++it) {
      if (it->open > unit.range.begin &&
          !absl::ascii_isspace(
              static_cast<unsigned char>(text[it->open - 1]))) {
        continue;
      }
      quoted.push_back({it->begin - unit.range.begin,
                        std::min(it->end, unit.range.end) - unit.range.begin});
    }
    if (!IsCandidate(utext, quoted)) continue;
    tagger_.Tag(text, unit.range, marks, &tokens, &tags);
    const size_t first_finding = out->size();
    // The tag characters of the unit, for the rules' NEEDS: read when the
    // first cue of the unit reaches the rules (many units have none).
    uint64_t present = 0;  // as TagSlots()
    bool present_read = false;
    // Those of the tags before `prefix_end` and from `suffix_from` on, which
    // the halves' tests below read: the first cue's read with `present`, in
    // the same pass; the prefix carried on from cue to cue (cues come in
    // order), the rest read again when a later cue needs it.
    uint64_t prefix = 0, suffix = 0;
    size_t prefix_end = 0, suffix_from = std::string::npos;
    bool tags_hold_mark = false;
    int unit_held = 0;  // the tags of kSplitTags in the unit's (bit i: the i-th)
    // Where `marked` differs from the tags: npos before the unit's first cue
    // (it holds another unit's), else the last cue's mark. The copy is made
    // once a unit and each cue's mark undone at the next.
    size_t marked_at = std::string::npos;
    // "without providing evidence": looked for only once a unit has a claim.
    int no_evidence = -1;
    // Whether the tags before `quote_read` leave a quotation open (a 'q'
    // after the last 'Q'): read up to each cue only, as the loop reaches it.
    bool in_quote = false;
    size_t quote_read = 0;
    // (Nothing in the loop changes the tokens or the tags: the test that
    // skips the tokens that are no cue, most of them, reads them through
    // plain pointers, which the calls in the loop cannot change.)
    const size_t token_count = tokens.size();
    const Token* const token_at = tokens.data();
    const char* const tag_at = tags.data();
    // (Without an opening mark no token is inside a quotation: the loop
    // below has nothing to read.)
    if (std::memchr(tag_at, 'q', token_count) == nullptr) quote_read = token_count;
    for (size_t k = 0;; ++k) {
      // (The tokens that are no cue skipped four a test, then one by one.)
      while (k + 4 <= token_count &&
             (token_at[k].cue_words | token_at[k + 1].cue_words |
              token_at[k + 2].cue_words | token_at[k + 3].cue_words) == 0) {
        k += 4;
      }
      while (k < token_count && token_at[k].cue_words == 0) ++k;
      if (k >= token_count) break;
      for (; quote_read < k; ++quote_read) {
        const char c = tag_at[quote_read];
        if (c == 'q') in_quote = true;
        if (c == 'Q') in_quote = false;
      }
      // Token k is inside a quotation: after a 'q', up to its 'Q'.
      const bool inside = in_quote && tag_at[k] != 'q';
      // The colon after a speaker's name that opens a quoted transcript line
      // ("\"WALLACE: If I may ...") labels the line, though after its mark.
      if (inside && !(k <= 6 && tags[0] == 'q' && tags[k] == 'C' &&
                      text[tokens[k].begin] == ':')) {
        continue;
      }
      // Passive ("was said") and infinitive ("declined to comment") cues
      // report something only where a rule names them ('=' and '&' below).
      // Negated ones do in news: "did not say whether C",
      // "has never suggested C" ('z' is an adverb to the rules); in a book
      // (hard-wrapped text) "he did not answer" is narration.
      // ("is saying" is progressive, not passive.)
      absl::string_view cue_word =
          text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin);
      const bool progressive = absl::EndsWith(cue_word, "ing");
      size_t p = k;
      bool negated = false;
      while (p > 0 && (tags[p - 1] == 'l' || tags[p - 1] == 'v' || tags[p - 1] == 'z')) {
        negated |= tags[p - 1] == 'z';
        --p;
      }
      // A passive cue ("was asked whether C") is marked '=': only rules that
      // name it attribute it (not in books).
      // ("Officials who were there said C": "there" or "here" after the
      // copula is its complement; the cue is active.)
      bool located = false;
      for (size_t m = p; m < k && !located; ++m) {
        located = InList(*lex_, text, tokens[m], WordList::kLocative);
      }
      const bool passive =
          p > 0 && tags[p - 1] == 'b' && !progressive && !located;
      if (passive && layout.hard_wrapped) continue;
      if (negated && layout.hard_wrapped) continue;
      // An infinitive ("went on to say C", "declined to say whether C") is
      // marked '&': only rules that name it attribute it. In a book it is
      // narration ("she wanted to say something").
      // (A word in -s after "to" is a noun: "responded to requests".)
      const bool after_to =
          k > 0 && tags[k - 1] == 'r' &&
          absl::EqualsIgnoreCase(
              text.substr(tokens[k - 1].begin, tokens[k - 1].end - tokens[k - 1].begin),
              "to");
      const bool infinitive = after_to && (!absl::EndsWith(cue_word, "s") ||
                                           absl::EndsWith(cue_word, "ss"));
      if (after_to && (!infinitive || layout.hard_wrapped)) continue;
      // "declined to say whether C": a refusal, not a report.
      if (infinitive && k >= 2) {
        const WordInfo* w = WordOf(text, tokens[k - 2]);
        if (w != nullptr && w->word_class == WordClass::kRefuse) continue;
      }
      const CueEntry& cue = lex_->cues()[tokens[k].cue];
      // "People seen as disrupters were ushered out": without its copula,
      // a participle that is otherwise a cue only in the passive modifies
      // the noun before it. After a comma it is an aside of the writer's
      // that still reports how a thing is seen ("in Ohio, a state seen as
      // critical", "the shake-up, viewed as a sign of trouble"); in the
      // subject that opens the sentence the complement runs on into the
      // sentence's own verb, and the cue reports nothing.
      if (cue.passive_only && !passive) {
        size_t s = k;
        while (s > 0 && IsOneOf("dpjgNRnoi0-r", tags[s - 1])) --s;
        while (s > 0 && IsOneOf("lx", tags[s - 1])) --s;
        if (s == 0) continue;
      }
      // "continue to support", "want to": a say/belief verb before an
      // infinitive reports nothing (promises, threats and demands do:
      // "vowed to C", "warned to C", "proposed to C", "demanded to know C";
      // not a demand before an object pronoun, "recommending to me").
      const size_t after = k + tokens[k].cue_words;
      // "declined to comment", "refused to say whether C", "refused the
      // offer": a refusal reports that its subject would not speak or act
      // (the claim is negated). Only before "to" and a verb or before a
      // determiner or possessive: "shares declined to $5" and "the rate
      // would decline by four points" fell.
      // (The verbs of refusal are of class belief in verbs.tsv: only those
      // are looked up.)
      const WordInfo* cue_word_info =
          cue.cue_class == CueClass::kBelief ? WordOf(text, tokens[k]) : nullptr;
      const bool refusal = cue_word_info != nullptr &&
                           cue_word_info->word_class == WordClass::kRefuse;
      if (refusal) {
        const bool object =
            after < tokens.size() && (tags[after] == 'd' || tags[after] == 'p');
        const bool to_verb =
            after + 1 < tokens.size() && tags[after] == 'r' &&
            IsOneOf("oCblv", tags[after + 1]) &&
            absl::EqualsIgnoreCase(
                text.substr(tokens[after].begin,
                            tokens[after].end - tokens[after].begin),
                "to");
        if (!object && !to_verb) continue;
        // "declined to describe A, but said B": what the sentence reports
        // is what the speaker did say; the refusal only sets it off.
        bool but_said = false;
        for (size_t j = after; j + 1 < tokens.size() && !but_said; ++j) {
          if (tags[j] != 'x' ||
              !absl::EqualsIgnoreCase(
                  text.substr(tokens[j].begin, tokens[j].end - tokens[j].begin),
                  "but")) {
            continue;
          }
          size_t v = j + 1;
          while (v < tokens.size() && IsOneOf(",lvz", tags[v])) {
            ++v;
          }
          but_said = v < tokens.size() && tags[v] == 'C';
        }
        if (but_said) continue;
      }
      // ('"Q," he insisted to reporters', '"Q," X explained to voters': in a
      // speech tag right after a quotation that opens the sentence, a
      // lower-case word in -s after "to" is a noun, the hearer, not an
      // infinitive; not "-ss" or "-us": "to discuss", "to focus". Elsewhere
      // "thanks to sanctions", "answers to shareholders" report nothing.)
      const auto plural_after_to = [&]() {
        if (after + 1 >= tokens.size() || tags[after + 1] != 'o') return false;
        bool tag_of_quote = false;
        for (size_t m = k >= 6 ? k - 6 : 0; m < k && !tag_of_quote; ++m) {
          tag_of_quote = tags[m] == 'Q';
        }
        size_t first = 0;  // (the sentence opens with the quotation)
        while (first < k && IsOneOf("lx(", tags[first])) ++first;
        if (!tag_of_quote || tags[first] != 'q') return false;
        const absl::string_view w = text.substr(
            tokens[after + 1].begin, tokens[after + 1].end - tokens[after + 1].begin);
        return PluralAfterTo(w);
      };
      if (after + 1 < tokens.size() && tags[after] == 'r' &&
          ((tags[after + 1] == 'o' && !plural_after_to()) || tags[after + 1] == 'b' ||
           tags[after + 1] == 'v' || tags[after + 1] == 'l' ||
           tags[after + 1] == 'C') &&
          cue.lemma != "say" && cue.cue_class == CueClass::kSay &&
          cue.stance != v1::STANCE_PROMISE && cue.stance != v1::STANCE_WARN &&
          (cue.stance != v1::STANCE_DEMAND ||
           InList(*lex_, text, tokens[after + 1], WordList::kObjectPronoun)) &&
          absl::EqualsIgnoreCase(text.substr(tokens[after].begin,
                                             tokens[after].end - tokens[after].begin),
                                 "to") &&
          !ObjectPronounThat(*lex_, text, tokens, tags, after + 1) &&
          !ObjectPronounEndsTag(*lex_, text, tokens, tags, after + 1)) {
        continue;
      }
      if (marked_at == std::string::npos) {
        marked = tags;
      } else {
        marked[marked_at] = tags[marked_at];
      }
      marked_at = k;
      // An -ing cue is a participle ('%'), but for the progressive ("is
      // saying"), which is a finite verb ('@'), and for a noun ("her
      // warning").
      const bool after_copula = p > 0 && tags[p - 1] == 'b';
      // (Every mark is in kCueMarks; the tagger gives none of them.)
      marked[k] = passive ? '=' : infinitive ? '&'
                  : progressive && !after_copula &&
                          cue.cue_class != CueClass::kAccording &&
                          cue.cue_class != CueClass::kNominal
                      ? '%'
                      : '@';
      // Where the cue's words end in the tag string.
      size_t cue_end = k + 1;
      while (cue_end < marked.size() && marked[cue_end] == '_') ++cue_end;
      const bool one_word = cue_end == k + 1;
      // What each shared half answered for this cue: -1 not asked yet, -2
      // not asked but its needs (half_needs_) are held.
      half_known.assign(halves_.size(), -1);
      // The tag characters of the marked string up to the cue's end and
      // after it (from the cue's second word on after a cue of more), and
      // kAlwaysHeld, once a rule's halves are tested for them.
      bool before_read = false, after_read = false;
      uint64_t held_before = 0, held_after = 0;
      // Whether a causative verb stands before the cue: -1 not looked yet.
      int causative_before = -1;
      if (!present_read) {
        prefix = TagSlots(absl::string_view(tags).substr(0, k));
        prefix_end = k;
        suffix = TagSlots(absl::string_view(tags).substr(cue_end));
        suffix_from = cue_end;
        present = prefix | suffix |
                  TagSlots(absl::string_view(tags).substr(k, cue_end - k));
        present_read = true;
        // (Whether the tags hold a mark of their own: then every rule of the
        // class is tried, as the tests below decide for it.)
        tags_hold_mark = false;
        for (char m : kCueMarks) {
          tags_hold_mark |=
              (present & tag_slot_[static_cast<unsigned char>(m)]) != 0;
        }
        unit_held = 0;
        for (size_t t = 0; t < kSplitTags.size(); ++t) {
          if ((present &
               tag_slot_[static_cast<unsigned char>(kSplitTags[t])]) != 0) {
            unit_held |= 1 << t;
          }
        }
      }
      const uint64_t here =
          present | tag_slot_[static_cast<unsigned char>(marked[k])];
      // The tag characters the unit lacks, once a cue: a rule that needs one
      // does not match.
      const uint64_t missing = ~here;
      const size_t mark_index = CueMarkIndex(marked[k]);
      const std::vector<uint64_t>& class_rules =
          cue.attributive_only ? attributive_rules_
          : tags_hold_mark
              ? rules_by_class_[static_cast<int>(cue.cue_class)]
              : rules_by_class_mark_[static_cast<int>(cue.cue_class)][mark_index]
                                    [unit_held];
      // A right half that cannot begin with the byte after a cue of one
      // word does not match there, nor a left half whose part before the
      // cue group cannot end with the byte before the mark, or that cannot
      // begin with the first byte of the tags: no need to run them. These
      // tests, made by rule for each byte when the rules are read
      // (rule_before_), rule out most rules of the class: the loop below
      // visits only those left, by their bits. (news-5mb: 1.1431e9 ->
      // 1.1294e9 instructions; visiting by bits rather than testing each
      // rule of the class: 1.1683e9 -> 1.1648e9.)
      uint64_t* const may = scratch.may_match.data();
      const size_t words = static_cast<size_t>(rule_words_);
      // (A rule with a labelprep group takes a punctuation cue only, a
      // colon rule a colon only. "reportedly" (verbs.tsv flag adverb)
      // passes on hearsay from no one named: only a rule without a speaker
      // reports it ("the shooter reportedly had ties to C" is no claim of
      // the shooter's).)
      const char cue_first = text[tokens[k].begin];
      const uint64_t* const labelprep =
          absl::ascii_isalpha(cue_first) ? labelprep_rules_.data() : nullptr;
      const uint64_t* const colon =
          cue_first != ':' ? colon_rules_.data() : nullptr;
      const uint64_t* const speaker =
          cue.adverb_only ? speaker_rules_.data() : nullptr;
      {
        const uint64_t* start =
            &rule_start_[static_cast<unsigned char>(marked[0]) * words];
        const uint64_t* before =
            k > 0 ? &rule_before_[static_cast<unsigned char>(marked[k - 1]) * words]
                  : nullptr;
        const uint64_t* after =
            cue_end == k + 1 && cue_end < marked.size()
                ? &rule_after_[static_cast<unsigned char>(marked[cue_end]) * words]
                : nullptr;
        for (size_t i = 0; i < words; ++i) {
          may[i] = class_rules[i] & start[i] &
                   (before != nullptr ? before[i] : ~uint64_t{0}) &
                   (after != nullptr ? after[i] : ~uint64_t{0}) &
                   ~((labelprep != nullptr ? labelprep[i] : 0) |
                     (colon != nullptr ? colon[i] : 0) |
                     (speaker != nullptr ? speaker[i] : 0));
        }
      }
      // (The bits of may[word] not visited yet are in `bits`.)
      size_t word = 0;
      uint64_t bits = words > 0 ? may[0] : 0;
      while (true) {
        while (bits == 0 && ++word < words) bits = may[word];
        if (bits == 0) break;
        const size_t index = 64 * word + absl::countr_zero(bits);
        bits &= bits - 1;
        // (The tests up to the rule's automata read rule_screen_ only.)
        const RuleScreen& screen = rule_screen_[index];
        if ((screen.needs & missing) != 0) continue;
        // A left half known to fail (an earlier rule's search) rules the
        // rule out, as MatchesRuleWith() would, before the right half's
        // test below.
        if (const int l = screen.left_half; l >= 0 && half_known[l] == 0) {
          continue;
        }
        // (After a cue of more words, the right half's edge is noted for
        // MatchesRuleWith(), which reads it where the cue group ends last.)
        // (After a cue of one word, rule_after_ has passed over the rules
        // whose right half fails that test.)
        if (const int r = screen.right_half;
            !one_word && r >= 0 && half_known[r] < 0 &&
            cue_end < marked.size() &&
            !half_edge_[r][static_cast<unsigned char>(marked[cue_end])]) {
          half_known[r] = 0;
        }
        // (A cue of one word, in a rule cut in halves: no match when the
        // right half is known not to match right after it, as
        // MatchesRuleWith() would answer.)
        if (const int r = screen.right_half; r >= 0 && screen.left_half >= 0 &&
                                             cue_end == k + 1 &&
                                             half_known[r] == 0) {
          continue;
        }
        // A half that needs a tag the part of the string it reads lacks
        // does not match there: the left half in the tags up to the cue's
        // end, the right half in those after it. (Most units hold the tags
        // a rule needs, but not all on the side of the cue where its half
        // reads them.) Tested before the rule's own fields are read: most
        // rules that fail here would cost a miss on them. (news-5mb: of
        // 115.6k half automata run, 59.7k did not match; a half's needs of
        // one tag each ruled out none of them, its sets of tags 19.8k.)
        if (const int l = screen.left_half, r = screen.right_half;
            l >= 0 && r >= 0) {
          if (half_known[l] == -1) {
            if (!before_read) {
              // (The marked string up to the cue's end: the tags before
              // the cue, its mark and the '_' of its further words.)
              prefix |= TagSlots(
                  absl::string_view(tags).substr(prefix_end, k - prefix_end));
              prefix_end = k;
              held_before = prefix |
                            tag_slot_[static_cast<unsigned char>(marked[k])] |
                            (one_word ? 0 : tag_slot_['_']) | kAlwaysHeld;
              before_read = true;
            }
            if (!half_slot_needs_[l].HeldBy(held_before)) {
              half_known[l] = 0;
              continue;
            }
            half_known[l] = -2;
          }
          // (After a cue of more words the right half starts anywhere in
          // its further words, where a cue group "(?P<cue>@_*)" may end, or
          // right after its first: the tags from there on are read. A
          // half that cannot match there rules out the rule when the cue
          // group ends so, else only the answer at the cue's end is known.)
          if (half_known[r] == -1) {
            if (!after_read) {
              if (suffix_from != cue_end) {
                suffix = TagSlots(absl::string_view(tags).substr(cue_end));
                suffix_from = cue_end;
              }
              held_after =
                  suffix | (one_word ? 0 : tag_slot_['_']) | kAlwaysHeld;
              after_read = true;
            }
            if (!half_slot_needs_[r].HeldBy(held_after)) {
              half_known[r] = 0;
              if (one_word || screen.cue_group_cut) continue;
            } else {
              half_known[r] = -2;
            }
          }
        }
        const CompiledRule* rule = rule_at_[index];
        const HalfDfas& dfas = rule->Dfas();
        // (The automata the rule runs, and the fields of the next rule's
        // that this loop reads, are asked for while the first search
        // runs.)
        if (dfas.right != nullptr) dfas.right->Prefetch();
        if (bits != 0) {
          __builtin_prefetch(
              &rule_at_[64 * word + absl::countr_zero(bits)]->dfas);
        }
        // A match/no-match answer needs only the DFA; submatches cost more.
        auto whole = [&rule]() -> const CompiledRule& { return *rule; };
        if (!MatchesRuleWith(
                whole, rule->left, rule->right, rule->left_to_cue,
                rule->left_reach, marked, cue_end,
                rule->left_half >= 0 ? &half_known[rule->left_half] : nullptr,
                rule->right_half >= 0 ? &half_known[rule->right_half]
                                      : nullptr,
                dfas)) {
          continue;
        }
        // A rule with a causer needs a causative verb before the cue: when
        // the sentence has none, no need for the submatches.
        if (rule->causer != 0) {
          if (causative_before < 0) {
            causative_before = 0;
            for (size_t m = 0; m + 1 < k && causative_before == 0; ++m) {
              if (tags[m] != 'o' && tags[m] != 'i' && tags[m] != 'C') continue;
              causative_before = IsCausative(WordOf(text, tokens[m]));
            }
          }
          if (causative_before == 0) continue;
        }
        if (!MatchRuleGroupsWith(whole, rule->groups + 1, rule->left,
                                 rule->right, rule->left_to_cue,
                                 rule->left_reach, marked, k, &groups,
                                 rule->DfasWithGroups())) {
          continue;
        }
        auto range_of = [&](int g, size_t* a, size_t* b) {
          if (g == 0 || groups[g].data() == nullptr) return false;
          *a = groups[g].data() - marked.data();
          *b = *a + groups[g].size();
          return *b > *a;
        };
        size_t ca, cb;
        if (!range_of(rule->cue, &ca, &cb) || ca != k) continue;
        // "C, mocked the party and its leaders": after a cue whose object
        // follows it (verbs.tsv flag noinvert) the noun phrase is that
        // object, no inverted speaker (content_cue_speaker and
        // content_cue_speaker_content, known by name); the clause before
        // it goes to its own subject ("Biden complained about C, mocked
        // the party": Biden's).
        if (cue.no_inversion && rule->inverted) continue;
        // (", considering the cost", ", knowing him": no belief reported.)
        if (rule->adjunct_only && !cue.adjunct) continue;
        if (rule->thing && rule->speaker != 0) {
          // ("issued a correction the same day noting that C", "the Fed,
          // which entered the year predicting that C": a phrase of time
          // before a participle is when, not who.)
          size_t ta, tb;
          if (range_of(rule->speaker, &ta, &tb)) {
            const WordInfo* last = WordOf(text, tokens[tb - 1]);
            if (tokens[tb - 1].time ||
                (last != nullptr && last->word_class == WordClass::kTimeNoun)) {
              continue;
            }
          }
        }
        if (rule->document != 0) {
          size_t da, db;
          if (!range_of(rule->speaker, &da, &db) || !IsDocumentHead(text, tokens, da, db)) {
            continue;
          }
        }
        if (rule->agent != 0) {
          size_t ga, gb;
          if (!range_of(rule->agent, &ga, &gb) || gb != ga + 1) continue;
          const WordInfo* w = WordOf(text, tokens[ga]);
          if (w == nullptr || w->word_class != WordClass::kAgent) continue;
          // An agent right after an active cue makes it a participle ("a
          // plan announced by the mayor"): "says by" or "saying by" is no
          // passive.
          if (ga == cue_end && marked[k] == '@' &&
              !IsParticipleForm(text, tokens, k, cue_end, cue.lemma)) {
            continue;
          }
          SplitAgentComplement(text, tokens, marked, rule->speaker,
                               rule->content2, &groups);
        }
        if (rule->causer != 0) {
          size_t ga, gb;
          if (!range_of(rule->causer, &ga, &gb) || gb != ga + 1) continue;
          if (!IsCausative(WordOf(text, tokens[ga]))) continue;
        }
        if (rule->forsubj != 0) {
          size_t ga, gb;
          if (!range_of(rule->forsubj, &ga, &gb) || gb != ga + 1 ||
              !InList(*lex_, text, tokens[ga], WordList::kInfinitiveSubject)) {
            continue;
          }
        }
        if (rule->indef != 0) {
          size_t ga, gb;
          const WordInfo* w = nullptr;
          if (range_of(rule->indef, &ga, &gb) && gb == ga + 1) w = WordOf(text, tokens[ga]);
          if (w == nullptr || w->word_class != WordClass::kIndefinite) continue;
        }
        if (rule->outlet != 0) {
          size_t ga, gb;
          if (!range_of(rule->outlet, &ga, &gb) || gb != ga + 1 ||
              !InList(*lex_, text, tokens[ga], WordList::kOutlet)) {
            continue;
          }
        }
        if (rule->labelprep != 0) {
          size_t ga, gb;
          if (!range_of(rule->labelprep, &ga, &gb) || gb != ga + 1 ||
              !InList(*lex_, text, tokens[ga], WordList::kLabelPrep)) {
            continue;
          }
        }
        if (rule->when != 0) {
          size_t ga, gb;
          if (!range_of(rule->when, &ga, &gb) ||
              (!AllTime(tokens, ga, gb) &&
               !OnlyTimePhrase(text, tokens, tags, ga, gb)) ||
              // (A cue that takes a proposition reports no thing: not "a
              // letter posted Friday".)
              cue.clause_only ||
              !IsParticipleForm(text, tokens, k, cue_end, cue.lemma)) {
            continue;
          }
        }
        if (rule->notagent != 0) {
          size_t ga, gb;
          if (range_of(rule->notagent, &ga, &gb)) {
            const WordInfo* w = WordOf(text, tokens[ga]);
            if (w != nullptr && w->word_class == WordClass::kAgent) continue;
          }
        }
        if (rule->place != 0) {
          size_t ga, gb;
          if (!range_of(rule->place, &ga, &gb) || gb != ga + 1) continue;
          const WordInfo* w = WordOf(text, tokens[ga]);
          if (w == nullptr || !w->place) continue;
        }
        if (rule->notinf != 0) {
          size_t ga, gb;
          // ("to" before a plain lower-case word not in -s: a verb, "to
          // campaign", "to retain"; not "to reporters", "to the council".)
          if (range_of(rule->notinf, &ga, &gb) && ga + 1 < tokens.size() &&
              InList(*lex_, text, tokens[ga], WordList::kInfinitiveTo) &&
              IsOneOf("onlj", marked[ga + 1])) {
            const absl::string_view next =
                text.substr(tokens[ga + 1].begin, tokens[ga + 1].end - tokens[ga + 1].begin);
            if (!absl::EndsWith(next, "s") || absl::EndsWith(next, "ss")) continue;
          }
        }
        if (rule->inf != 0) {
          size_t ga, gb;
          if (!range_of(rule->inf, &ga, &gb) ||
              !InList(*lex_, text, tokens[ga], WordList::kInfinitiveTo)) {
            continue;
          }
        }
        if (rule->notplace != 0) {
          size_t ga, gb;
          if (range_of(rule->notplace, &ga, &gb)) {
            const WordInfo* w = WordOf(text, tokens[ga]);
            if (w != nullptr && w->place) continue;
            if (rule->notplace_route &&
                InList(*lex_, text, tokens[ga], WordList::kRoute)) {
              continue;
            }
          }
        }
        // "The council voted C, a plan announced last month", "..., a move
        // criticized by residents": after a content and a comma, "a"/"an"
        // (perhaps a modifier) and a noun that names an act or a thing said
        // (class aside, or a cue form that is no nominal head: "plan",
        // "claim", "call"; not "a report", "a statement", "a source") before
        // the cue is the writer's appositive with a participle of its own,
        // no speaker.
        // (The tags first: most matches have no such words before the cue.)
        if (k >= 3 && marked[k - 1] == 'o' &&
            (marked[k - 3] == ',' || (k >= 4 && marked[k - 4] == ','))) {
          size_t sa, sb, ca, cb;
          if (range_of(rule->speaker, &sa, &sb) && sb == k && sa > 0 &&
              marked[sa - 1] == ',' && sb - sa >= 2 && sb - sa <= 3 &&
              range_of(rule->content, &ca, &cb) && cb <= sa &&
              marked[sb - 1] == 'o' &&
              InList(*lex_, text, tokens[sa], WordList::kDetOne)) {
            const WordInfo* w = WordOf(text, tokens[sb - 1]);
            const std::string head = absl::AsciiStrToLower(
                text.substr(tokens[sb - 1].begin, tokens[sb - 1].end - tokens[sb - 1].begin));
            if ((w != nullptr && w->word_class == WordClass::kAsideNoun) ||
                (lex_->FindCue(head) != nullptr &&
                 lex_->Nominal(head) == v1::ENTITY_TYPE_UNSPECIFIED)) {
              continue;
            }
          }
        }
        Finding f;
        f.rule = rule->index;
        f.cue_index = tokens[k].cue;
        f.negated = negated || refusal;
        f.infinitive = infinitive;
        // A negated cue shows its negation: "did not say", "has never said".
        f.cue = TokenSpan(tokens, negated ? p : k, k + tokens[k].cue_words);
        f.unit = static_cast<int>(u);
        f.paragraph = unit.paragraph;
        size_t a, b;
        // The content's tokens, for the evidence check below.
        size_t content_a = 0, content_b = 0;
        // "The governor added:" closing its paragraph: a content group of
        // the colon alone (the rules' content may take it: speaker_cue_that)
        // stands for the paragraph after it.
        if (range_of(rule->content, &a, &b) && b == a + 1 && b == marked.size() &&
            marked[a] == ':') {
          const Range next = ParagraphAfterColon(layout, units, u, &f.direct);
          if (next.end > next.begin) f.content.push_back(next);
        } else if (range_of(rule->content, &a, &b)) {
          content_a = a;
          content_b = b;
          // The cue's own words are no content ("talking about": not
          // "about"), however the pattern split them.
          if (a < k + tokens[k].cue_words && b > k) continue;
          // "The NBC News report also referenced C", "The November jobs
          // report, however, was good news": a content after the cue that
          // opens, past adverbs, with a cue of its own, or past an aside
          // adverb and its comma with a copula or an auxiliary, has no
          // subject: the cue word is a noun, the head of the sentence's
          // subject. (Not "asks there be C", "demand now is the time",
          // "asked, is it fair?", "said, should the bill pass, C".)
          // (Only a cue word with a noun reading: its base or -s form,
          // without the flag verb; not "according to" nor "appear to", whose
          // content may open with an adverb and a verb: "appear to finally
          // recognize C".)
          if (a >= cue_end && a < b && (marked[a] == 'l' || marked[a] == ',')) {
            size_t m = a;
            bool adverb = false, aside = false;
            for (; m < b && (marked[m] == ',' || marked[m] == 'l'); ++m) {
              adverb |= marked[m] == 'l';
              aside |= marked[m] == ',' && m > a && marked[m - 1] == 'l';
            }
            if (m < b && ((adverb && marked[m] == 'C') || (aside && IsOneOf("bv", marked[m]))) &&
                !cue.verb_only && cue.cue_class != CueClass::kAccording &&
                cue.cue_class != CueClass::kSeem && NounReading(text, tokens[k], cue)) {
              continue;
            }
          }
          // "The 87-page report has yet to be released", "the wall funding
          // dispute was building": a copula or an auxiliary right after the
          // cue's base form, which follows a word that is no plural noun,
          // makes the cue a noun, the head of the subject (a verb after a
          // singular noun takes -s). (Not a form in -s or -ed, nor after a
          // plural or a pronoun: the verb of a relative clause whose object
          // is gone, "a step critics said would fail", "a plan the city hopes
          // will pass", "a move Democrats hope will help", "what they know
          // is".)
          // (A gerund is an object, not a verb: "12% report having ...",
          // "police reported being ordered to leave".)
          const bool finite_after =
              a == cue_end && a < b && IsOneOf("bv", marked[a]) &&
              !absl::EndsWith(
                  text.substr(tokens[a].begin, tokens[a].end - tokens[a].begin),
                  "ing");
          if (finite_after && k > 0 && IsOneOf("onNj0-", marked[k - 1]) &&
              !cue.verb_only && cue.cue_class != CueClass::kAccording &&
              cue.cue_class != CueClass::kSeem &&
              BaseForm(text, tokens[k], cue) &&
              !EndsLikePlural(text, tokens[k - 1])) {
            continue;
          }
          // "The opinions expressed are his own": a participle in -ed after
          // a determiner and a noun that open the sentence, and before a
          // copula or an auxiliary, modifies the noun; the sentence has no
          // speaker. (Mid-sentence such a phrase is more often a relative
          // clause whose object is gone: "a group the U.S. said were
          // involved".)
          if (finite_after && k == 2 && marked[0] == 'd' &&
              IsOneOf("no", marked[1]) &&
              absl::EndsWith(
                  text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin),
                  "ed")) {
            continue;
          }
          // What was refused comes after the refusal: a clause before it is
          // no content of it ("If the bill fails, the mayor declined to
          // comment" does not report the bill's failure).
          if (refusal && b <= k) continue;
          // A rule may have taken the "that" of "rejected that idea" for
          // the complementizer: it is the phrase's determiner.
          if (a > cue_end && marked[a - 1] == 't' &&
              IsDemonstrativePhrase(marked, a - 1, b)) {
            --a;
          }
          // A trailing attribution may have split off the closing mark of a
          // quote the content opened: take it back.
          // (Counted only when the content opens one: most hold no mark.)
          int open = 0;
          if (a < b && std::memchr(marked.data() + a, 'q', b - a) != nullptr) {
            open = QuoteBalance(absl::string_view(marked).substr(a, b - a));
          }
          size_t e = b;
          while (open > 0 && e < marked.size() &&
                 (marked[e] == ',' || marked[e] == 'Q')) {
            if (marked[e] == 'Q') {
              b = e + 1;
              --open;
            }
            ++e;
          }
          // "Gray listed the rules: \"Be civil,\" he said.": a quotation after a
          // colon is what the trailing attribution reports, not the narration
          // before it; so is one after a dash that runs to the attribution
          // ("X defended the pier -- \"It was the heart of town,\" X said"; not
          // a quoted aside between dashes: "The pier -- \"the heart of town\"
          // -- will close, X said").
          if (b <= k) {
            auto quote_to_end = [&](size_t q) {
              size_t e = q + 1;
              while (e < b && marked[e] != 'Q' && marked[e] != 'q') ++e;
              if (e >= b || marked[e] != 'Q') return false;
              for (++e; e < b; ++e) {
                if (!IsTrimTag(marked[e]) && marked[e] != ',') return false;
              }
              return true;
            };
            for (size_t m = b; m > a + 1; --m) {
              // (A colon before a quotation may be tagged as a cue.)
              // (The quotation first: most tags are none.)
              if (marked[m - 1] == 'q' &&
                  (marked[m - 2] == ':' ||
                   (marked[m - 2] == '~' && quote_to_end(m - 1)) ||
                   (marked[m - 2] == 'C' &&
                    text[tokens[m - 2].begin] == ':'))) {
                a = m - 1;
                break;
              }
            }
          }
          // "The mayor said both she and the governor promised C", "aides
          // think his speech and the polls give him a chance": a
          // content that is a noun phrase alone ("both she") before "and" or
          // "or", another noun phrase and a cue is the first half of a
          // coordinated subject, not a claim cut short by a new attribution;
          // the content is the clause, up to a semicolon or ", and".
          auto clause_end = [&](size_t e) {
            while (e < marked.size() && marked[e] != ';' && marked[e] != '.' &&
                   !(marked[e] == ',' && e + 1 < marked.size() && marked[e + 1] == 'x')) {
              ++e;
            }
            return e;
          };
          if (b > k &&
              (cue.cue_class == CueClass::kSay || cue.cue_class == CueClass::kTell ||
               cue.cue_class == CueClass::kBelief) &&
              b + 2 < marked.size() &&
              marked[b] == 'x') {
            bool noun_phrase =
                a < b && InList(*lex_, text, tokens[b], WordList::kPhraseConj);
            // (Its head may take a preposition and a noun phrase under a
            // cue of speech or belief: "says the endorsements from Christie
            // and Sessions can be seen as C".)
            const bool prep_ok = cue.cue_class != CueClass::kTell;
            for (size_t m = a; m < b && noun_phrase; ++m) {
              noun_phrase = IsOneOf("dPpjNRno", marked[m]) ||
                            (prep_ok && marked[m] == 'r' && m > a && m + 1 < b &&
                             IsOneOf("NRno", marked[m - 1]));
            }
            size_t n = b + 1;
            while (n < marked.size() &&
                   IsOneOf("dpjNRno", marked[n])) {
              ++n;
            }
            // (Not the same cue again: "wants the votes and the mayor wants
            // C" are two clauses side by side.)
            // (Not after a cue that takes an object: "praised the budget
            // and Lopez said C" are two clauses.)
            // (A subject opens with a determiner, a possessive, a name, a
            // pronoun or a number: "and special offers" is a noun phrase.)
            if (ObjectStance(cue.stance) && IsOneOf("dpNRP0", marked[b + 1])) {
              noun_phrase = false;
            }
            // (Auxiliaries may stand before the cue: "can be seen as C".)
            size_t v = n;
            while (v < marked.size() && IsOneOf("lvbz", marked[v])) ++v;
            if (noun_phrase && n > b + 1 && v < marked.size() && marked[v] == 'C' &&
                tokens[v].cue != tokens[k].cue) {
              b = clause_end(v + 1);
            }
          }
          // "added that she and the mayor had spoken", "even if the party
          // and its donors see C": a subject of a clause inside the content
          // (after "that", a subordinator or a wh-word) before "and"/"or",
          // another noun phrase and a cue (perhaps after auxiliaries) is
          // coordinated, not a new attribution; the content goes on as
          // above.
          if (b > k && b + 2 < marked.size() && marked[b] == 'x' &&
              InList(*lex_, text, tokens[b], WordList::kPhraseConj)) {
            size_t o = b;
            while (o > a && IsOneOf("dPpjNRnog0", marked[o - 1])) --o;
            // (Not after a subordinator of time, which is also a
            // preposition: "shipped since their introduction and IBM
            // expects C".)
            const WordInfo* opener = o > a ? WordOf(text, tokens[o - 1]) : nullptr;
            if (o < b && o > a && IsOneOf("tsw", marked[o - 1]) &&
                !(opener != nullptr && opener->word_class == WordClass::kTimeSub)) {
              size_t n = b + 1;
              while (n < marked.size() && IsOneOf("dpjNRnog0", marked[n])) ++n;
              size_t c = n;
              while (c < marked.size() && IsOneOf("lvbz", marked[c])) ++c;
              if (n > b + 1 && c < marked.size() && marked[c] == 'C' &&
                  tokens[c].cue != tokens[k].cue) {
                b = clause_end(c + 1);
              }
            }
          }
          // "said that after the call, the staffer asked C", "say that if he
          // wins, they want C": after "that", a phrase that opens with a
          // preposition or a subordinator and ends at a comma cannot be all
          // that was said. A noun phrase or pronoun and another cue after the
          // comma, with words after that cue, are the content's own clause
          // (reported on its own as well), not a trailing attribution ("said
          // that in 2010, officials said." stays cut): the content goes on
          // to the end of that clause.
          // (A phrase of time may stand before "that": "complained Thursday
          // that in making it, he C".)
          size_t lead = a;
          if (b > k && a >= cue_end && marked[a - 1] != 't') {
            while (lead < b && lead < a + 3 && IsOneOf("Nlo0", marked[lead])) ++lead;
            lead = lead < b && marked[lead] == 't' ? lead + 1 : b;
          }
          // (Or a comma after "that": "note that, at a hearing in May, she
          // did not say C".)
          if (lead < b && lead > cue_end && marked[lead] == ',' && marked[lead - 1] == 't') ++lead;
          if (b > k && lead > cue_end && lead + 1 < b &&
              (marked[lead - 1] == 't' || (marked[lead - 1] == ',' && marked[lead - 2] == 't')) &&
              IsOneOf("rs", marked[lead]) && b + 3 < marked.size() && marked[b] == ',') {
            bool one_phrase = true;
            for (size_t m = lead; m < b && one_phrase; ++m) {
              one_phrase = !IsOneOf(",;:~qQ(", marked[m]);
            }
            size_t n = b + 1;
            if (marked[n] == 'P') {
              ++n;
            } else {
              while (n < marked.size() && IsOneOf("dpjgNRno0", marked[n])) ++n;
            }
            size_t c = n;
            while (c < marked.size() && IsOneOf("lvz", marked[c])) ++c;
            if (one_phrase && n > b + 1 && c < marked.size() && marked[c] == 'C' &&
                tokens[c].cue != tokens[k].cue) {
              const size_t e = clause_end(c + 1);
              const size_t cue_words = std::max<size_t>(1, tokens[c].cue_words);
              if (e > c + cue_words) {
                f.lead_comma = tokens[b].begin;
                b = e;
              }
            }
          }
          // "spoke of the legacy of racism, and how the fight went on",
          // "discussed the costs and whether the plan would pass": "and"
          // (perhaps after a comma) and a word that opens a question
          // (OpensQuestion) join a second matter to what the cue is about:
          // the content goes on to the end of that clause. (Only after "and"
          // or "or", list phraseconj: "promised a revolution, but what does
          // that mean" is the writer's question. Not "if", class condsub:
          // "said C, and if it fails, ..." opens the writer's clause; nor
          // "as", "once": "C, and as the vote neared, ...".)
          // (Only a content after its cue: in "the gap between what X says
          // C and what ...", "and what" goes on the phrase the content
          // stands in.)
          if (a > k && a < b && b + 2 < marked.size() &&
              (marked[b] == 'x' || (marked[b] == ',' && marked[b + 1] == 'x'))) {
            const size_t x = marked[b] == 'x' ? b : b + 1;
            const size_t s = x + 1;
            if (marked[s] == 's' && OpensQuestion(text, tokens[s]) &&
                InList(*lex_, text, tokens[x], WordList::kPhraseConj)) {
              // (Not over a cue of its own: in "and how he believes in C"
              // the clause is another's attribution, a claim of its own.)
              const size_t e = clause_end(s + 1);
              bool own_cue = false;
              for (size_t m = s + 1; m < e && !own_cue; ++m) own_cue = marked[m] == 'C';
              if (e > s + 1 && !own_cue) b = e;
            }
          }
          if (b > k && a < b) b = ExtendThroughList(text, tokens, marked, a, b);
          if (b > k) EndAtQuoteClose(text, tokens, marked, a, &b);
          // "declined to comment on C", "refused to endorse C": the refused
          // act of speech joins the cue, and what it would have been about
          // is the content ("declined to comment" alone keeps "to comment").
          // (Where the cue ends once a refused act joins it: "refused to
          // say the words \"Q,\" ...".)
          size_t act_cue_end = cue_end;
          if (refusal && a == after && a + 2 < b && marked[a + 1] == 'C' &&
              tokens[a + 1].cue_words > 0) {
            const size_t act_end = a + 1 + tokens[a + 1].cue_words;
            // (Not before a preposition: "declined to comment for this
            // article", "refused to answer on several occasions".)
            if (act_end < b && !IsOneOf(",.;:r", marked[act_end])) {
              f.cue = TokenSpan(tokens, negated ? p : k, act_end);
              a = act_end;
              act_cue_end = act_end;
            }
          }
          // What was refused is a short phrase: it ends at a comma ("who
          // declined to comment, raised ...", "refused to fight, though
          // ...").
          if (refusal && a >= after) {
            for (size_t m = a + 1; m < b; ++m) {
              if (marked[m] == ',') {
                b = m;
                break;
              }
              if (marked[m] == 'q') break;
            }
          }
          bool direct = false, mixed = false;
          Range r = ContentSpan(tokens, marked, a, b, &direct, &mixed, time_lead);
          if (mixed && a >= cue_end &&
              StartAtClosingQuotation(text, tokens, marked, a, b, &r)) {
            direct = true;
            mixed = false;
          }
          // Where the content starts after the one asked ("asked her about
          // C"), if it does: the ends of a cue's object below look from there.
          size_t asked_start = 0;
          {
            // "denied that was the case" (after a noun cue, "his remarks that
            // were aired", "that" is a relative word).
            size_t t = marked[a] == 't' ? a : a - 1;
            if (!direct && a > 0 && t == cue_end && marked[t] == 't' &&
                cue.cue_class != CueClass::kNominal &&
                !(k > 0 && IsOneOf("dpgj", marked[k - 1])) &&
                t + 1 < marked.size() && r.begin == tokens[t + 1].begin &&
                ThatOpensContent(text, tokens, marked, t, b)) {
              r.begin = tokens[t].begin;
            }
          }
          // "said, however, that C", "noted, though, the plan failed": a
          // one-word adverb or subordinator set off by commas right after the
          // cue links the sentence to the writer's last one; what was said
          // starts after it (and after "that", as at the cue; "noted,
          // however, that C" as "noted that C").
          if (!direct && a > cue_end && a + 2 < b && marked[a - 1] == ',' &&
              IsOneOf("ls", marked[a]) && marked[a + 1] == ',' &&
              r.begin == tokens[a].begin) {
            size_t c = a + 2;
            // (Not the pronoun "that": "however, that might change".)
            if (marked[c] == 't' && c + 1 < b &&
                !ThatOpensContent(text, tokens, marked, c, b)) {
              ++c;
            }
            r.begin = tokens[c].begin;
          }
          // "agreed to pay the fine", "aims to build on the law": the "to"
          // that ends a cue of verbs.tsv flag toclause opens the infinitive
          // that was agreed or aimed at, as after "pledged"; the content
          // starts at it and the cue ends before it. The word after it (or
          // after an adverb) is a verb: a plain lower-case word not in a
          // plural's -s, or a copula, or a word the tagger knows as a noun
          // with its object after it ("agreed to review them", "to study the
          // plan"). (Before a determiner, a name or a pronoun, or a plural,
          // "to" is a preposition: "agreed to the deal", "agreed to terms".)
          if (!direct && cue.to_clause && a == cue_end && cue_end > k + 1 &&
              a < b && r.begin == tokens[a].begin &&
              f.cue.end == tokens[cue_end - 1].end) {
            // (Past an adverb: "agreed to quickly raise the fees".)
            const size_t v = marked[a] == 'l' && a + 1 < b ? a + 1 : a;
            const absl::string_view w =
                text.substr(tokens[v].begin, tokens[v].end - tokens[v].begin);
            const bool plural = PluralAfterTo(w);
            // (Not an adjective of function_words.tsv: "agreed to big cuts".)
            const WordInfo* wi = WordOf(text, tokens[v]);
            const bool adjective =
                wi != nullptr && wi->word_class == WordClass::kAdjective;
            if (marked[v] == 'b' ||
                (marked[v] == 'o' && !plural && !adjective) ||
                (marked[v] == 'n' && v + 1 < b &&
                 IsOneOf("dpoP", marked[v + 1]))) {
              r.begin = tokens[cue_end - 1].begin;
              f.cue = TokenSpan(tokens, negated ? p : k, cue_end - 1);
            }
          }
          // "X said C, a move that ...": an appositive that sums up the
          // reported act (a comma, "a"/"an", perhaps one modifier, a noun of
          // class aside) is the writer's comment; the content ends before it.
          // (From comma to comma: most of the content's tags are none.)
          for (size_t m = a + 1; !direct && m + 2 < b; ++m) {
            const void* comma = std::memchr(marked.data() + m, ',', b - 2 - m);
            if (comma == nullptr) break;
            m = static_cast<const char*>(comma) - marked.data();
            if (marked[m + 1] != 'd') continue;
            if (!InList(*lex_, text, tokens[m + 1], WordList::kDetOne)) continue;
            size_t n = m + 2;
            if (n + 1 < b && marked[n] == 'j') ++n;
            const WordInfo* w = WordOf(text, tokens[n]);
            if (w == nullptr || w->word_class != WordClass::kAsideNoun) continue;
            if (tokens[m - 1].end > r.begin) r.end = std::min(r.end, tokens[m - 1].end);
            break;
          }
          if (!direct && a >= cue_end) EndAtDashAppositive(text, tokens, marked, a, b, &r);
          if (!direct && a >= cue_end) {
            size_t c = StartAfterLeadInThat(text, tokens, marked, a, b, &r);
            if (c == a && a == cue_end) {
              c = StartAfterMediumComma(text, tokens, marked, a, b, &r);
              if (c == a && cue.cue_class == CueClass::kTell) {
                c = StartAfterOccasionObject(text, tokens, marked, a, b, &r);
              }
              // (After a phrase of the medium, "asked on Twitter about C",
              // the same starts look from its end.)
              const size_t s =
                  c == a ? StartAfterMediumPhrase(text, tokens, marked, a, b, &r) : a;
              if (c == a && s < b) {
                c = StartAfterTopicPrep(text, tokens, marked, s, b, &r);
                if (c == s && cue.stance == v1::STANCE_QUESTION) {
                  c = StartAfterAskedAddressee(text, tokens, marked, s, b, &r);
                  if (c > s) asked_start = c;
                }
              } else if (c == a) {
                c = s;
              }
            }
            // The quotations of the phrase are no longer in the content.
            if (c > a && mixed) {
              mixed = false;
              for (size_t m = c; m < b; ++m) {
                mixed = mixed || marked[m] == 'q' || marked[m] == 'Q';
              }
            }
          }
          // A content before its cue: where it starts decides where the
          // ends below look from ("After X spoke in an interview, C, Y said").
          if (!direct && b <= k) {
            size_t c2a, c2b;
            // (Not a content in parts: "... three aides: A, B and C, X
            // said, according to Y".)
            if (!range_of(rule->content2, &c2a, &c2b)) {
              a = StartAfterColonLeadIn(text, tokens, marked, a, b, &r);
            }
            a = StartAfterOpeningClause(text, tokens, marked, a, b, &r);
          }
          // "The city has a plan -- and the cost, the mayor said, is
          // modest": the part before an attribution that interrupts a
          // clause is that clause's opening only, after a dash (perhaps and
          // a conjunction) outside quotations.
          {
            size_t c2a, c2b;
            if (!direct && b <= k && range_of(rule->content2, &c2a, &c2b)) {
              int open = 0;
              size_t start = a;
              for (size_t m = a; m + 1 < b; ++m) {
                if (marked[m] == 'q') ++open;
                if (marked[m] == 'Q') --open;
                if (open != 0) continue;
                // (A dash aside that closes the part is no cut: "X -- a
                // surgeon -- has been called a charlatan by Y".)
                if (marked[m] == '~' && marked.find('~', m + 1) == b - 1) break;
                // (A spaced hyphen stands for a dash: "the market - all of
                // whom".)
                if (marked[m] == '~' ||
                    (marked[m] == '-' &&
                     text.substr(tokens[m].begin, tokens[m].end - tokens[m].begin) ==
                         "-")) {
                  start = m + 1;
                }
              }
              // (Not a dateline's dash, "WASHINGTON -- C"; the clause's
              // subject follows: "-- and to become" is no subject.)
              if (start > a + 2) {
                while (start < b && marked[start] == 'x') ++start;
              } else {
                start = a;
              }
              if (start > a && start + 1 < b &&
                  IsOneOf("dpNRnojP0w", marked[start]) &&
                  tokens[start].begin > r.begin && tokens[start].begin < r.end) {
                r.begin = tokens[start].begin;
                a = start;
              }
            }
          }
          if (!direct) EndAtOpeningClause(text, tokens, marked, a, b, k, &r);
          if (!direct) EndAtFrontedPhrase(text, tokens, marked, a, b, k, &r);
          if (!direct) {
            // A cue of a topic ("discuss", "talk about", "speak of").
            const bool topic_cue =
                cue.lemma == "discuss" || absl::EndsWith(cue.lemma, " about") ||
                absl::EndsWith(cue.lemma, " of");
            EndAtAdjunct(text, tokens, marked, a, b, cue_end, &r, topic_cue);
          }
          if (!direct) EndAtPhraseTail(text, tokens, marked, a, b, cue_end, &r);
          if (!direct) EndAtContrastedCount(text, tokens, *lex_, marked, a, b, &r);
          if (!direct) EndAtContrastedGroup(tokens, marked, a, b, &r);
          if (!direct) EndAtContactAppositive(text, tokens, *lex_, marked, a, b, &r);
          if (!direct) EndAtAsideClose(text, tokens, marked, a, b, k, &r);
          if (!direct) {
            EndAtCoordinatedVerb(text, tokens, marked, a, b, cue_end,
                                 progressive, &r);
          }
          // (After a participle, "noting X and continued Y": no act of the
          // speaker's own, which would be another participle; a directive's
          // infinitive goes on: "urged them to wait and see".)
          if (!direct && marked[k] == '@' &&
              cue.cue_class != CueClass::kDirective) {
            EndAtCoordinatedCue(text, tokens, marked, a, b, cue_end, &r);
          }
          if (!direct) EndAtMedium(text, tokens, marked, a, b, &r);
          // Last: the other ends may leave a phrase of time at the end
          // ("praised the crew on Sunday and toured the site").
          if (!direct) EndAtInnerTimePhrase(text, tokens, marked, a, b, cue_end, &r);
          if (!direct) EndAtLabelQuoteComma(text, tokens, marked, a, b, act_cue_end, &r);
          if (!direct && mixed && a >= cue_end) {
            EndAtQuoteCommaTail(text, tokens, marked, a, b, &r);
          }
          if (!direct) EndAtTimePhrase(text, tokens, marked, a, b, cue_end, &r);
          if (!direct) EndAtWritersTerms(text, tokens, marked, a, b, &r);
          // "asked about her status when she was 25", "spoke about the
          // plan on Sunday": after the preposition of the cue's topic
          // (StartAfterTopicPrep), its object is the content, and the
          // adjuncts and phrases of time after it tell of the act as they do
          // after a cue's object.
          if (!direct && a >= cue_end && a + 1 < b && marked[a] == 'r' &&
              tokens[a + 1].begin == r.begin) {
            EndAtAdjunct(text, tokens, marked, a + 1, b, a + 1, &r);
            EndAtPhraseTail(text, tokens, marked, a + 1, b, a + 1, &r);
            EndAtTimePhrase(text, tokens, marked, a + 1, b, a + 1, &r);
          }
          // The same after the one asked and "about": "asked her about the
          // plan on Sunday and left".
          if (!direct && asked_start > 0) {
            const size_t c = asked_start;
            EndAtAdjunct(text, tokens, marked, c, b, c, &r);
            EndAtPhraseTail(text, tokens, marked, c, b, c, &r);
            EndAtCoordinatedVerb(text, tokens, marked, c, b, c, progressive, &r);
            EndAtTimePhrase(text, tokens, marked, c, b, c, &r);
          }
          if (!direct) {
            EndAtInfinitiveAdjunct(text, tokens, marked, a, b, cue_end, &r);
            EndAtProForm(text, tokens, marked, a, b, cue_end, &r);
          }
          {
            size_t sa, sb;
            if (!direct && range_of(rule->speaker, &sa, &sb) && sb <= k) {
              EndAtRelativeClause(text, tokens, marked, sa, a, b, &r);
            }
          }
          // A content after the cue of adverbs and words of time only, or
          // a passive participle's agent ("reported by a local station"),
          // says nothing.
          // The ends above may leave no more than a phrase of time ("said
          // in 2013, when ...").
          size_t ra = a, rb = b;
          while (ra < rb && tokens[ra].begin < r.begin) ++ra;
          while (rb > ra && tokens[rb - 1].end > r.end) --rb;
          size_t sa2, sb2;
          // ("the house, which she describes as her second home": a
          // relative word before the speaker is the cue's object, and the
          // first part of the content below.)
          auto relative_object = [&] {
            size_t sa, sb;
            if (!range_of(rule->speaker, &sa, &sb) || sb > k) return false;
            // (Back over a determiner or possessive: "which her campaign".)
            while (sa > 0 && IsOneOf("dpj", marked[sa - 1])) --sa;
            const Range rel = RelativeBefore(text, tokens, marked, sa, ra, cue_end, false);
            return rel.end > rel.begin;
          };
          const bool empty_act =
              !direct && !mixed &&
              ((a > k &&
                (OnlyAdverbs(text, tokens, marked, a, b) ||
                 (ra == cue_end && AsPhraseOnly(text, tokens, marked, ra, rb) &&
                  !relative_object()) ||
                 WritingVenueOnly(text, tokens, marked, cue.lemma, a, ra, rb) ||
                 // (Both open the content with a preposition.)
                 (marked[a] == 'r' &&
                  (IsAgentAfterParticiple(text, tokens, marked, k, a, b,
                                          cue.lemma) ||
                   IsParticipleOfNoun(text, tokens, marked, k, a, b,
                                      cue.lemma))))) ||
               // "Earlier this year, X spoke to Y about C", "At the camp, X
               // pleaded": a phrase that opens the sentence before the
               // speaker is no content; a later rule may find the one after
               // the cue.
               (b <= k && ra < rb && !range_of(rule->content2, &sa2, &sb2) &&
                ((rb - ra <= 12 &&
                  (OnlyTimePhrase(text, tokens, marked, ra, rb) ||
                   IsBarePhrase(text, tokens, marked, ra, rb,
                                cue.cue_class))) ||
                 IsFrontedPhrases(marked, ra, rb, cue.cue_class))));
          // What the ends above left is a phrase of time or a link whose
          // words went to another clause: no claim, but the cue and its
          // speaker stay (no other rule reads the clause again), for a cue
          // coordinated with it.
          // (Such a content is short: a long one is not looked at.)
          const bool bare_link =
              !direct && !mixed && a > k && ra < rb && rb - ra <= 12 &&
              (OnlyAdverbs(text, tokens, marked, ra, rb) ||
               OnlyTimePhrase(text, tokens, marked, ra, rb) ||
               OnlyLinkWords(text, tokens, marked, ra, rb));
          // (Not limited in length: "testified before the Senate Judiciary
          // Committee during his confirmation hearing in ...". Up to the
          // content's end before the ends above cut it: "said despite the
          // rift, the allies remain close" reports the clause after the
          // comma. Not after a relative word that is the cue's object:
          // "what she told NBC before her appearance".)
          const bool adjunct_only =
              !direct && !mixed && a > k && ra < rb && ra >= cue_end &&
              AdjunctPhraseOnly(text, tokens, marked, ra, b) &&
              !relative_object();
          if (bare_link || adjunct_only ||
              (!direct && !mixed && a > k &&
               OpensCoordinatedCue(marked, a, b))) {
            // No claim, but the finding stays (empty, dropped) to give its
            // speaker to the coordinated cue ("X agreed but contended C").
            f.content.push_back(Range{r.begin, r.begin});
            f.drop = true;
          } else if (r.end > r.begin && !empty_act &&
                     !IsBarePhrase(text, tokens, marked, a, b, cue.cue_class)) {
            f.content.push_back(r);
          }
          f.direct = direct;
          f.mixed = mixed;
        }
        if (f.content.empty() || IsNoClaim(text, f.content.front())) continue;
        // "The district has yet to comment, but it has other problems", "The
        // justices agreed, but the court sided with X": a content after its
        // cue that opens with a conjunction in lower case (tag 'x': "and",
        // "but", "or"; not one of list conj_adverb, "yet another inquiry")
        // is the writer's next clause, not what was said. The finding stays,
        // with no content, to give its speaker to a cue coordinated with it
        // and to end the content of a claim it stands in ("72 percent said
        // yes, while 48 percent agreed and ..."); it is dropped after that.
        if (!f.direct && !f.mixed && !f.drop && f.content.front().begin >= f.cue.end) {
          const uint32_t at = f.content.front().begin;
          const size_t t = FirstTokenFrom(tokens, at);
          if (t < tokens.size() && tokens[t].begin == at && !tokens[t].cap &&
              marked[t] == 'x' &&
              !InList(*lex_, text, tokens[t], WordList::kConjAdverb)) {
            f.content.clear();
            f.content.push_back(Range{at, at});
            f.cut_only = true;
          }
        }
        // "He felt unsafe", "she knows nothing": a cue that takes a
        // proposition reports no claim of an object or a state. Nor does
        // any cue that asserts in a book, where a report in the narrator's
        // words tells what was said, not what a verb of speech or display
        // is about ("he explained his process of deduction", "his bared
        // head revealed a shock of red hair", "I observed no signs of
        // cooking"). A cue of a stance takes its object as the claim still
        // ("applauding America's leadership", "condemned the attack").
        if ((cue.clause_only || (layout.hard_wrapped && cue.stance == v1::STANCE_ASSERT &&
                                 !ProformContent(*lex_, text, f))) &&
            !f.direct && !f.mixed && f.content.size() == 1 &&
            f.content.front().begin >= f.cue.end &&
            !HoldsClause(*lex_, text, tokens, marked, f.content.front())) {
          continue;
        }
        // "welcomed world leaders to the White House": a visit received,
        // no praise of anything said or done (HostingOnly()).
        if (cue.host && HostingOnly(text, tokens, marked, cue_end) &&
            !f.direct && !f.mixed && f.content.front().begin >= f.cue.end) {
          continue;
        }
        // "The video was posted to YouTube", "the case was decided in
        // June": the subject of such a cue in the passive is its object,
        // no proposition; a claim only when a clause follows the cue ("it
        // was decided that C", "it has not been decided who will lead").
        if (cue.clause_only && !f.direct && !f.mixed && marked[k] == '=' &&
            f.content.front().end <= f.cue.begin) {
          bool clause = false;
          for (const Range& r : f.content) {
            clause |= r.begin >= f.cue.end && HoldsClause(*lex_, text, tokens, marked, r);
          }
          size_t c2a, c2b;
          if (!clause && range_of(rule->content2, &c2a, &c2b) && c2b > c2a) {
            clause = HoldsClause(*lex_, text, tokens, marked, TokenSpan(tokens, c2a, c2b));
          }
          if (!clause) continue;
        }
        // "A group called Black Votes Matter held a rally": a name given,
        // not a label (NamesIndefinite()). So in "the founder of a group
        // called X", "the board of a small energy firm called X": the
        // phrase with "a" the cue follows may close a longer speaker the
        // rule took; its determiner is the one before the modifiers and
        // head that end the speaker.
        if (cue.naming && marked[k] == '@' &&
            !f.direct && !f.mixed) {
          size_t sa, sb, ca, cb;
          if (range_of(rule->speaker, &sa, &sb) && sb <= k &&
              range_of(rule->content, &ca, &cb) && ca == cue_end) {
            size_t head = sb;
            while (head > sa && IsOneOf("joinNR0-", marked[head - 1])) --head;
            if (NamesIndefinite(text, tokens, marked, sa, cue_end, cb) ||
                (head > sa && NamesIndefinite(text, tokens, marked, head - 1,
                                              cue_end, cb))) {
              continue;
            }
          }
        }
        {
          size_t sa, sb;
          if (range_of(rule->speaker, &sa, &sb) && sb <= k &&
              range_of(rule->content, &a, &b)) {
            const bool label_quote =
                cue.cue_class == CueClass::kLabel && a < b && marked[a] == 'q';
            const Range rel =
                RelativeBefore(text, tokens, marked, sa, a, cue_end, label_quote);
            // ("the victory, which she conceded when the polls closed", "what
            // we proposed, I believe C", "which X denounced - and is ...":
            // when what follows the cue opens with a subordinator, or comes
            // after a comma, dash or semicolon, the
            // relative word is all the cue's object; the rest is not what
            // was said.)
            bool rel_only = false;
            if (rel.end > rel.begin && !f.direct && !f.mixed) {
              size_t c = a;
              while (c < b && IsTrimTag(marked[c])) ++c;
              bool punct = false;
              for (size_t m = cue_end; m < c && !punct; ++m) {
                punct = IsOneOf(",~;:", marked[m]);
              }
              // (Not "as": "which she describes as her second home"; nor a
              // subordinator after a colon: "What we don't know: why he
              // left" goes on.)
              rel_only = !punct && c < b && marked[c] == 's' &&
                         !LowerWordIn(*lex_, text, tokens[c], WordList::kComparison);
              // (A relative word that opens the sentence is the subject of
              // its verb after the comma, "What the mayor said, in essence,
              // was that C": the content goes on.)
              if (punct && sa >= 1 && PastAdverbs(marked, 0, sa - 1) != sa - 1) {
                for (size_t m = cue_end; m < c && !rel_only; ++m) {
                  rel_only = IsOneOf(",~;", marked[m]);
                }
              }
            }
            // ("the plan that the mayor proposed in May", "the cases she
            // argued before the court": the cue's object is the noun
            // before the relative clause, and what follows the cue is not
            // what was said. No claim; the finding stays, empty and
            // dropped, to give its speaker to a cue coordinated with it.
            // PolNeAR marks the noun phrase as the content, but its extent
            // is too often wrong to report: "the kind we see", "ones that
            // Democrats want". Not a label cue, whose phrase after the cue
            // is what the noun was called, nor "seems", which takes no
            // object: "the time it seems like C".)
            if (!f.direct && !f.mixed && cue.cue_class != CueClass::kNominal &&
                cue.cue_class != CueClass::kAccording && cue.cue_class != CueClass::kLabel &&
                cue.cue_class != CueClass::kSeem &&
                ObjectGapRelative(text, tokens, marked, sa, sb, k, cue_end, b,
                                  cue.no_inversion)) {
              f.content.clear();
              f.content.push_back(Range{f.cue.end, f.cue.end});
              f.drop = true;
            } else if (rel_only) {
              f.content.clear();
              f.content.push_back(rel);
            } else if (rel.end > rel.begin) {
              f.content.insert(f.content.begin(), rel);
              if (f.direct) f.mixed = true;
              f.direct = false;
            } else if (!f.direct && !f.mixed && f.content.size() == 1) {
              const Range ante = ContactAntecedent(text, tokens, marked, sa, sb,
                                                   a, b, cue_end);
              if (ante.end > ante.begin) {
                // The relative clause ends at its first comma.
                for (size_t m = a + 1; m < b; ++m) {
                  if (marked[m] != ',') continue;
                  if (tokens[m - 1].end > f.content.front().begin) {
                    f.content.front().end =
                        std::min(f.content.front().end, tokens[m - 1].end);
                  }
                  break;
                }
                f.content.insert(f.content.begin(), ante);
              }
            }
          }
        }
        Range late_agent;  // "was asked to wait by the council"
        if (range_of(rule->content2, &a, &b)) {
          bool direct = false, mixed = false;
          Range r = ContentSpan(tokens, marked, a, b, &direct, &mixed, time_lead);
          if (!direct && cue.cue_class == CueClass::kSeem) {
            EndAtSeemAdjunct(text, tokens, marked, a, b, &r);
          }
          if (!direct && marked[k] == '=' && rule->nospeaker != 0) {
            late_agent = LateAgent(text, tokens, marked, a, b, &r);
          }
          if (!direct && PassiveAdjunct(text, tokens, marked, k, a, b)) {
            r = Range{};
          }
          // "was questioned about the dispute on Sunday": after a passive
          // cue, "about" (list question_topic) opens the topic, the content;
          // the ends of a cue's object look from there.
          // (Not "about 11" nor "about or involved in", "tweeted about by
          // X".)
          if (!direct && marked[k] == '=' && a + 1 < b && marked[a] == 'r' &&
              !IsOneOf("0xr", marked[a + 1]) &&
              tokens[a + 1].begin > r.begin && tokens[a + 1].begin < r.end &&
              InList(*lex_, text, tokens[a], WordList::kQuestionTopic)) {
            r.begin = tokens[a + 1].begin;
            EndAtAdjunct(text, tokens, marked, a + 1, b, a + 1, &r);
            EndAtTimePhrase(text, tokens, marked, a + 1, b, a + 1, &r);
            EndAtMedium(text, tokens, marked, a + 1, b, &r);
          }
          // "C1, a spokesman said, adding that C2": a lower-case cue in -ing
          // right after the attribution's comma opens the speaker's next act,
          // a claim of its own, not the rest of C1. (A gerund subject is no
          // cue: "C1, she said, revoking the permits would be wrong" goes on.)
          const Range r2 = r;
          if (!direct && marked[a] == 'C' && LowerIngWord(text, tokens[a]) &&
              !f.content.empty() && f.content.front().end <= f.cue.begin) {
            r = Range{};
            // (What is left before the attribution may be no clause but an
            // adverb or a phrase that opens the sentence, "Meanwhile, the
            // group attacked Trump, saying C": this rule read the sentence
            // wrong; the next rules may read it.)
            // (A first part that opens with a subordinator, a preposition
            // or a participle, "After the judge ruled, X tweeted, saying C",
            // "At a hearing on Tuesday, X sought Y, saying C", is no reported
            // clause either: the parts stay as the rule found them.)
            size_t ca, cb;
            if (range_of(rule->content, &ca, &cb)) {
              if (IsFrontedPhrases(marked, ca, cb, cue.cue_class) ||
                  OnlyAdverbs(text, tokens, marked, ca, cb) ||
                  OnlyTimePhrase(text, tokens, marked, ca, cb)) {
                continue;
              }
              size_t c = ca;
              while (c < cb && IsTrimTag(marked[c])) ++c;
              if (c < cb && IsOneOf("sriC", marked[c])) r = r2;
            }
          }
          // "Sales rose 40 percent, according to the board, more than twice
          // the rise of a year earlier": after the source of a trailing
          // "according to", a comparison of amount (lists amount and than)
          // is the writer's, not the rest of what the source says. (Not
          // before a verb: "Prices, according to X, more than doubled".)
          if (!direct && cue.cue_class == CueClass::kAccording && a + 2 < b &&
              InList(*lex_, text, tokens[a], WordList::kAmount) &&
              InList(*lex_, text, tokens[a + 1], WordList::kThan) &&
              !IsOneOf("vbC", marked[a + 2]) &&
              !LooksLikeVerb(text, tokens, marked, a + 2) &&
              !LowerEdWord(text, tokens[a + 2])) {
            r = Range{};
          }
          // "If the plan fails, she said, \"we all pay.\"": a lead-in before
          // the attribution is part of the claim when the quotation after it
          // completes its sentence. A quotation that opens with a capital is
          // a sentence of its own ("When asked, she said, \"We will see.\""):
          // the lead-in only sets the scene.
          if (r.end > r.begin && direct && !f.direct && f.content.size() == 1 &&
              f.content.front().end <= f.cue.begin && r.begin >= f.cue.end &&
              cue.cue_class != CueClass::kAccording &&
              absl::ascii_isupper(static_cast<unsigned char>(text[r.begin]))) {
            f.content.clear();
            f.content.push_back(r);
            f.direct = true;
            f.mixed = mixed;
            r = Range{};
          }
          if (r.end > r.begin) {
            f.content.push_back(r);
            const bool was_direct = f.direct;
            f.direct = f.direct && direct;
            f.mixed = f.mixed || mixed || (direct != was_direct);
          }
          // "Residents were warned that the water was unsafe", "the mayor
          // was asked to resign", "was questioned about the dispute": after
          // a passive cue that speaks to someone (class tell or directive,
          // or a question), the subject is the one spoken to when what was
          // said follows the participle. (Not a charge: "was accused of
          // fraud" keeps its subject; nor with nothing after: "the question
          // was asked".)
          if (marked[k] == '=' && f.content.size() == 2 &&
              f.content[0].end <= f.cue.begin &&
              f.content[1].begin >= f.cue.end &&
              (cue.cue_class == CueClass::kTell ||
               cue.cue_class == CueClass::kDirective ||
               cue.stance == v1::STANCE_QUESTION) &&
              cue.stance != v1::STANCE_CONDEMN) {
            f.addressee = f.content[0];
            f.content.erase(f.content.begin());
          }
        }
        // "His office released a statement saying C": the subject rules
        // below look for the one who issued the document, which speaks only
        // when they find nobody.
        bool has_speaker = range_of(rule->speaker, &a, &b);
        // 'C,' Obama said: the closing mark of a quotation whose opening
        // mark the layout paired with none (a headline's single marks, a
        // quotation whose opening mark the text left out) is tagged as a
        // plain symbol, which a noun phrase may open with; it ends the
        // content and is no part of the speaker. (A mark with a space after
        // it closes; one against the word after it opens: "'Empire' actor
        // Jussie Smollett" stays whole.)
        if (has_speaker) {
          size_t m = a;
          while (m + 1 < b && StrayQuoteMark(text, tokens[m], tags[m])) ++m;
          if (m > a && tokens[m - 1].end < tokens[m].begin) a = m;
        }
        // "Story highlights C", "Photo credit: X", "STORY: C": a
        // capitalised word of class notice alone before a cue form with a
        // noun reading or a colon, opening its sentence, labels a part of
        // the page; the word after it is the label's noun, no cue. (Not a
        // past form: "Corrections said C", the department.)
        if (has_speaker && a == 0 && b == 1 && tokens[0].cap &&
            (NounReading(text, tokens[k], cue) ||
             (tokens[k].end == tokens[k].begin + 1 && text[tokens[k].begin] == ':'))) {
          const WordInfo* w = WordOf(text, tokens[0]);
          if (w != nullptr && w->word_class == WordClass::kNotice) continue;
        }
        // "CLOSE Beto O'Rourke announced C" (a video's caption under its
        // close button), "SHARE THIS ARTICLE Share Tweet Post Email": a
        // page's label in capitals at the start of a speaker (a control,
        // a notice or a medium: function_words.tsv categories control,
        // notice, medium) and any such words after it are furniture, no
        // part of the speaker; the speaker starts at the capitalised word
        // after them, and a speaker of such words alone is none. (Not an
        // acronym, "NBC", nor a word in lower case or mixed case first:
        // "Human Rights Watch", "Glenn Close".)
        if (has_speaker && PageFurniture(text, tokens[a], /*capitals_only=*/true)) {
          size_t m = a + 1;
          while (m < b && PageFurniture(text, tokens[m], /*capitals_only=*/false)) ++m;
          if (m == b) continue;
          if (tokens[m].cap) a = m;
        }
        // (No other rule either: the cue word is a noun there, "Sanders
        // stepped up demands that C" is no claim of "field office".)
        if (has_speaker && b == k && NounReading(text, tokens[k], cue) &&
            SpeakerHoldsVerb(text, tokens, tags, a, b)) {
          break;
        }
        // "drew 1,400 posts about C", "9 questions about C", "as 911 calls
        // dropped": a number in figures alone right before a cue form in -s
        // counts that plural noun; a verb after a number of speakers has no
        // -s ("39 say"). (Not "1"; nor a cue that is only a verb, flag verb,
        // or of class seem: "3 says C" names the company "3".)
        if (has_speaker && b == k && b == a + 1 && tags[a] == '0' &&
            !cue.verb_only && cue.cue_class != CueClass::kSeem &&
            NumberInFigures(text, tokens[a]) &&
            NounReading(text, tokens[k], cue) &&
            EndsLikePlural(text, tokens[k])) {
          break;
        }
        Range issued_document;
        if (has_speaker && IssuedDocument(text, tokens, marked, a, b)) {
          issued_document = TokenSpan(tokens, a, b);
          has_speaker = false;
        }
        // "Earlier this year, X said", "last week, X told": a phrase of time
        // (determiners, adverbs, numbers and a noun of time) tells when, not
        // who. As for a day alone, the subject rules below look further; with
        // none the claim stands without a speaker (but "This year showed
        // that C": evidence needs a document or a person).
        bool time_speaker = false;
        bool look_further = false;
        // The speaker a rule found is no speaker ("..., giving Democrats
        // hope that C", "in July"), unless a rule below replaces it.
        bool not_speaker = false;
        size_t not_speaker_at = 0;
        if (rule->nospeaker != 0) {
          // "Asked whether C, ...": the question has no speaker in the text.
          // (But "had been asked to keep them by the committee": the agent
          // after what was said.)
          if (late_agent.end > late_agent.begin) f.speaker = late_agent;
        } else if (has_speaker && f.infinitive &&
                   IsExtraposedIt(text, tokens, tags, a, b, k)) {
          // "It is important to note that C": the writer's, no speaker.
        } else if (has_speaker && IsExtraposedParticiple(text, tokens, tags, a, b, k)) {
          // "It is worth noting that C": the same.
        } else if (has_speaker && cue.cue_class == CueClass::kSeem &&
                   IsNeuterIt(text, tokens, tags, a, b)) {
          // "It seems that C", "it seemed unlikely C": the neuter pronoun
          // before a cue of class seem is nobody; the claim has no speaker.
        } else if (has_speaker && !AllTime(tokens, a, b)) {
          while (a < b && (tags[b - 1] == ',' || tags[b - 1] == '-')) --b;
          // "The White House on Friday said": the day tells when, not who.
          // (Not "a poll released (on) Sunday", "the polls on Super
          // Tuesday": there it belongs to the participle or the name.) A
          // day alone is no speaker: the subject rules below look further
          // ("X's office on Thursday said").
          if (a < b && tokens[b - 1].time) {
            size_t e = b;
            while (e > a && tokens[e - 1].time) --e;
            if (e > a + 1 && tags[e - 1] == 'r' &&
                !absl::EndsWith(text.substr(tokens[e - 2].begin,
                                            tokens[e - 2].end - tokens[e - 2].begin),
                                "ed")) {
              b = e - 1;
            }
          }
          // A "speaker" that starts with a bare word and a preposition is a
          // verb phrase ("that touched on the war ..."), unless the word is
          // an indefinite pronoun for people: "cried one of the women",
          // "someone in the crowd" (not "something in his voice").
          if (a + 1 < b && (tags[a] == 'o' || tags[a] == 'i') && tags[a + 1] == 'r') {
            const WordInfo* w = WordOf(text, tokens[a]);
            if (w == nullptr || w->word_class != WordClass::kIndefinite ||
                absl::EndsWithIgnoreCase(
                    text.substr(tokens[a].begin, tokens[a].end - tokens[a].begin), "thing")) {
              continue;
            }
          }
          // "Let me tell you a story", "help us see C", "made them seem C":
          // a bare word and an object pronoun (function_words.tsv list
          // objpron; not a reflexive one, "patients themselves report C")
          // right before the cue are a verb and its object, and the cue
          // the object's bare infinitive; no subject speaks. (Not after a
          // relative word: "groups that support them say C" is the groups'.)
          if (b == a + 2 && b == k && tags[a] == 'o' &&
              (a == 0 || (tags[a - 1] != 't' && tags[a - 1] != 'w')) &&
              InList(*lex_, text, tokens[a + 1], WordList::kObjectPronoun)) {
            const absl::string_view object =
                text.substr(tokens[a + 1].begin, tokens[a + 1].end - tokens[a + 1].begin);
            char lower[16];
            const PronounForm* form = nullptr;
            if (object.size() <= sizeof(lower)) {
              for (size_t c = 0; c < object.size(); ++c) lower[c] = absl::ascii_tolower(object[c]);
              form = lex_->PronounFormOf(absl::string_view(lower, object.size()));
            }
            if (form == nullptr || (form->kinds & PronounForm::kReflexive) == 0) continue;
          }
          // "Journalists at the firm met on Friday to discuss C", "Ms Barr
          // came back to post C": before an infinitive cue, a past tense of
          // class verb (function_words.tsv: "met", "came") is the subject's
          // own verb; the speaker ends before it.
          if (f.infinitive) {
            for (size_t m = a + 1; m < b; ++m) {
              if (tags[m] != 'o' || tokens[m].cap) continue;
              const WordInfo* w = WordOf(text, tokens[m]);
              if (w != nullptr && w->word_class == WordClass::kVerb) {
                b = m;
                break;
              }
            }
          }
          // A lone determiner speaks only if it stands for a noun phrase
          // ("Another said", not "the only question"), as a plural
          // demonstrative does before "who" ("Those who know him say C").
          if (b == a + 1 && tags[a] == 'd' && !IsPronDet(text, tokens[a]) &&
              !PluralDemonstrativeWho(text, tokens, tags, a)) {
            continue;
          }
          // "What do you think of C?", "How will the mayor explain it?": a
          // subject between an inverted auxiliary after a question word and
          // the cue asks a question; no one says C.
          // (The speaker found may leave out words of its noun phrase: "the".)
          size_t np = a;
          while (np > 0 && a - np < 4 &&
                 IsOneOf("djNRnpgo0", tags[np - 1])) {
            --np;
          }
          if (np >= 2 && tags[np - 1] == 'v' && (tags[np - 2] == 's' || tags[np - 2] == 'w') &&
              (np == 2 || IsOneOf(".,:;q(~", tags[np - 3]))) {
            size_t last = tokens.size();
            while (last > 0 && tags[last - 1] == 'Q') --last;
            if (last > k && text[tokens[last - 1].begin] == '?') continue;
          }
          // "Polls show", "the study found": evidence verbs speak only for
          // documents.
          // In news, anyone who "found that C" or "showed that C" reports
          // C: the complementiser makes it a finding, not an object found.
          // So does a person (a name or a pronoun) who "revealed her husband
          // had left": a clause (a verb of its own in the content: an
          // auxiliary, a copula or a cue), not a noun phrase ("found a
          // way", "showed up").
          // (In a book it is narration: "she found that the door was shut".)
          if (cue.cue_class == CueClass::kEvidence && !layout.hard_wrapped &&
              !(cue_end < marked.size() && marked[cue_end] == 't') &&
              !IsDocumentHead(text, tokens, a, b)) {
            bool person = false, clause = false;
            for (size_t m = a; m < b; ++m) person |= tags[m] == 'N' || tags[m] == 'P';
            for (size_t m = content_a; m < content_b; ++m) {
              clause |= marked[m] == 'v' || marked[m] == 'b' || marked[m] == 'C';
            }
            if (!person || !clause) continue;
          }
          if (cue.cue_class == CueClass::kEvidence && layout.hard_wrapped &&
              !IsDocumentHead(text, tokens, a, b)) {
            continue;
          }
          // "The minister's spokesman, Paul Dunn, said": the name in
          // apposition to a role is the speaker.
          // (A name before a possessive does not count: "Lopez's campaign
          // manager, Jill Park, said".)
          bool named = false;
          for (size_t m = a; m < b; ++m) {
            if (tags[m] == 'g') named = false;
            named |= tags[m] == 'N';
          }
          if (!named && b < k && tags[b] == ',') {
            size_t e = b + 1;
            while (e < k && tags[e] == 'N') ++e;
            size_t after = e + 1;
            // Adverbs, auxiliaries and "not" may stand between the comma
            // and the cue: "The mayor, Tom Reyes, did not say whether ...".
            while (after < k && (tags[after] == 'l' || tags[after] == 'v' ||
                                 tags[after] == 'z')) {
              ++after;
            }
            if (e > b + 1 && e < k && tags[e] == ',' && after == k) {
              a = b + 1;
              b = e;
            } else if (e == b + 1) {
              // "Last month, the Courier, a weekly paper, revealed ...",
              // "Before the vote, Senator Ruth Ames, who chairs the panel,
              // said": a name (with its determiner or title) between
              // commas, and an aside after it up to the cue, is the
              // subject; the words before it open the sentence.
              size_t n = b + 1;
              while (n < k && (tags[n] == 'd' || tags[n] == 'R')) ++n;
              size_t ne = n;
              while (ne < k && tags[ne] == 'N') ++ne;
              size_t last = k;
              while (last > ne && (tags[last - 1] == 'l' || tags[last - 1] == 'v' ||
                                   tags[last - 1] == 'z')) {
                --last;
              }
              if (ne > n && ne + 1 < last && tags[ne] == ',' && tags[last - 1] == ',') {
                a = b + 1;
                b = ne;
              }
            }
          }
          // "CORRECTION: An earlier version ...", "Editor's note: ...": a
          // word of class notice before a colon labels a publication's
          // notice; no one speaks the words after it.
          if (tokens[k].end == tokens[k].begin + 1 && text[tokens[k].begin] == ':' &&
              PageLabel(text, tokens[b - 1])) {
            continue;
          }
          // "The senator's call for C": the possessor speaks, without
          // the possessive ending.
          while (b > a + 1 && tags[b - 1] == 'g') --b;
          // "Friday's statement", "Tuesday's attack on the city": a day that
          // owns a noun cue tells when; no one is named.
          if (cue.cue_class == CueClass::kNominal) {
            bool days = true;
            for (size_t m = a; m < b && days; ++m) {
              const WordInfo* w = WordOf(text, tokens[m]);
              days = w != nullptr && w->word_class == WordClass::kWeekday;
            }
            if (days) continue;
          }
          // A lone -ing word in lower case is a participle, not a subject
          // ("..., raising fears C", "while taking slams at C"): as for a
          // phrase of time, look further.
          // (After a comma, subordinator, conjunction or preposition; not
          // an adjective after a cue, "cited disparaging remarks".)
          const bool participle =
              b == a + 1 && tags[a] == 'i' && a > 0 &&
              IsOneOf(",sxr", tags[a - 1]) &&
              !absl::ascii_isupper(static_cast<unsigned char>(text[tokens[a].begin]));
          if (b == k && ModifiersOfNounCue(*lex_, text, tokens, tags, a, b, k, cue.lemma)) {
            // "One lurking question is whether C", "a passing promise that
            // C": the words before the cue are its modifiers, the cue a
            // noun; the claim has no speaker.
          } else if (b == k && !f.content.empty() && f.content.front().begin >= tokens[k].end &&
                     NounAfterModifierOrVerb(text, tokens, tags, k, WordOf(text, tokens[k - 1]),
                                             cue)) {
            // So with an adjective or a verb right before it, what was said
            // after it: "amid recent reports that C", "raised fears that C".
            f.noun_modifiers = TokenSpan(tokens, a, b);
          } else if (participle || IsTimePhrase(text, tokens, tags, a, b)) {
            if (cue.cue_class == CueClass::kEvidence) continue;
            // "X spoke for an hour, taking credit for C": a content before
            // the participle holds the subject that would speak; the clause
            // is no content of the participle's cue.
            if (participle && !f.content.empty() &&
                f.content.front().end <= tokens[a].begin) {
              continue;
            }
            time_speaker = true;
            look_further = true;
          } else {
            // "The mayor praised the budget and Lopez said C", "Kemp calls
            // it maintenance and his critics call it a purge": a first
            // conjunct of the subject that is the whole object of an earlier
            // cue of the sentence, one that takes an object (ObjectStance())
            // or the same cue, is what that claim reported, no speaker; the
            // subject starts after "and". (Not after a cue of a clause:
            // "said China and Vietnam had agreed" is one subject.)
            for (size_t m = a + 1; m + 1 < b; ++m) {
              if (tags[m] != 'x') continue;
              if (!IsOneOf("dpNRP0", tags[m + 1])) break;
              for (size_t i = first_finding; i < out->size(); ++i) {
                const Finding& prev = (*out)[i];
                if (!prev.content.empty() && a > 0 && prev.cue_index >= 0 &&
                    (prev.cue_index == tokens[k].cue ||
                     ObjectStance(lex_->cues()[prev.cue_index].stance)) &&
                    prev.cue.end == tokens[a - 1].end &&
                    absl::ascii_isalpha(static_cast<unsigned char>(text[prev.cue.begin])) &&
                    prev.content.size() == 1 &&
                    prev.content[0].begin == tokens[a].begin &&
                    prev.content[0].end == tokens[m - 1].end) {
                  a = m + 1;
                  break;
                }
              }
              break;
            }
            // "Keller, Lopez and Reyes said C", "While A, B and C told X
            // C": names joined by "and" after a comma and a list of names
            // that opens the sentence (or a clause after a subordinator)
            // are its last items; the speaker is the whole list. (Not "X,
            // a friend and colleague, said": a name list only.)
            if (a >= 2 && tags[a - 1] == ',' && tags[b - 1] == 'N') {
              size_t conj = 0;
              bool names = true;
              for (size_t m = a; m < b && names; ++m) {
                if (tags[m] == 'x') {
                  ++conj;
                  names = m > a && tags[m - 1] == 'N';
                } else {
                  names = (tags[m] == 'N' || tags[m] == 'R') && tokens[m].cap;
                }
              }
              size_t start = a;
              while (names && conj == 1 && start >= 2 && tags[start - 1] == ',') {
                size_t m = start - 1;
                while (m > 0 && (tags[m - 1] == 'N' || tags[m - 1] == 'R') && tokens[m - 1].cap) {
                  --m;
                }
                if (m == start - 1 || tags[start - 2] != 'N') break;
                start = m;
              }
              // (Not a sentence adverb or a phrase of time written with a
              // capital: "Well, A and B said", "Late Friday, A said".)
              for (size_t m = start; m < a && start < a; ++m) {
                if (tokens[m].time) start = a;
              }
              if (start < a) {
                const WordInfo* w = WordOf(text, tokens[start]);
                if (w != nullptr && !w->title && w->person_gender == 0 &&
                    w->nominal == v1::ENTITY_TYPE_UNSPECIFIED) {
                  start = a;
                }
              }
              if (start < a) {
                size_t lead = 0;
                while (lead < start && IsOneOf("lsx", tags[lead])) ++lead;
                if (lead == start) a = start;
              }
            }
            // "He and Pelosi said C", "though she and her aides claim C": a
            // subject pronoun and a conjunction that joins noun phrases
            // (function_words.tsv list phraseconj) right before the subject
            // found are its first item (a subject pronoun is no object of a
            // verb before it); the speaker is the pair. (Only a pronoun of
            // a sex, pronouns.tsv m or f, "he", "she": "it" and "you" may be
            // objects, "store it and retrieve files". Not "he or she", one
            // person either way: list alternative.)
            if (a >= 2 && tags[a - 1] == 'x' && tags[a - 2] == 'P' && !tokens[a - 1].cap &&
                InList(*lex_, text, tokens[a - 1], WordList::kPhraseConj) &&
                !InList(*lex_, text, tokens[a - 1], WordList::kAlternative)) {
              const absl::string_view pronoun =
                  text.substr(tokens[a - 2].begin, tokens[a - 2].end - tokens[a - 2].begin);
              char lower[8];
              const PronounForm* form = nullptr;
              if (pronoun.size() <= sizeof(lower)) {
                for (size_t c = 0; c < pronoun.size(); ++c) lower[c] = absl::ascii_tolower(pronoun[c]);
                form = lex_->PronounFormOf(absl::string_view(lower, pronoun.size()));
              }
              if (form != nullptr && (form->kinds & PronounForm::kSubject) != 0 &&
                  (form->gender == 'm' || form->gender == 'f')) {
                a -= 2;
              }
            }
            // "Citing public health concerns, the legislature moved back
            // the primary", "Defending the timing, an official pointed to
            // the policy": after a participle that opens the sentence, the
            // subject runs up to its verb, which the tagger may not know
            // (tagged as a plain word); when a plain word follows the
            // speaker, a verb inside it (a form of class verb, or a
            // lower-case word in -ed, right after a word of the phrase's
            // head) ends the subject there. (Not "the elected mayor".)
            if (marked[k] == '%' && k < a && b < marked.size() && marked[b] == 'o') {
              for (size_t m = a + 1; m < b; ++m) {
                if (marked[m] != 'o' || !IsOneOf("NRno", marked[m - 1])) continue;
                const WordInfo* w = WordOf(text, tokens[m]);
                if ((w != nullptr && w->word_class == WordClass::kVerb) ||
                    LowerEdWord(text, tokens[m])) {
                  b = m;
                  break;
                }
              }
            }
            // "A spokesperson for a group called the Center for Popular
            // Democracy said C": a name given by a naming cue after a noun
            // phrase with "a" or "an" (NamesIndefinite()) is only part of
            // the subject; the speaker is the whole phrase, from where it
            // opens the clause.
            size_t d = a >= 3 && marked[a - 1] == 'C' && !tokens[a - 1].cap ? a - 1 : 0;
            while (d > 0 && IsOneOf("jonNR0-", marked[d - 1])) --d;
            if (d >= 1 && d + 1 < a && marked[d - 1] == 'd') {
              // (The cue the tagger found for the word.)
              const int named = tokens[a - 1].cue;
              if (named >= 0 && lex_->cues()[named].naming &&
                  NamesIndefinite(text, tokens, marked, d - 1, a, b)) {
                size_t start = d - 1;
                while (start > 0 && IsOneOf("dpjonNR0-gr", marked[start - 1])) --start;
                while (start < d - 1 && marked[start] == 'r') ++start;
                // (Only when the named thing hangs on a preposition, "a
                // spokesperson for a group called X"; "a group called X
                // said" is X speaking.)
                bool attached = false;
                for (size_t m = start; m < d - 1; ++m) attached |= marked[m] == 'r';
                if (attached && (start == 0 || IsOneOf(",;:(~xsQ", marked[start - 1]))) {
                  a = start;
                }
              }
            }
            f.speaker = TokenSpan(tokens, a, b);
            // "..., giving Democrats some hope that C", ", and brushing off
            // requests ... by saying C": a lower-case -ing word after a
            // comma (and "and"), alone or before a word of no class, opens a
            // participle clause (its subject is the main clause's): unless
            // the rules below find that subject, it is no speaker. (Not
            // ending in a person noun, a plural or a name: ", banking sources
            // said", ", leading bankers say"; nor with an object pronoun,
            // who may be the one who speaks: ", giving them leverage to
            // insist on C"; nor opening the sentence: "And streaming
            // services have revealed C".)
            not_speaker =
                a > 0 && tags[a] == 'i' && !tokens[a].cap &&
                (tags[a - 1] == ',' ||
                 (tags[a - 1] == 'x' && a > 1 && tags[a - 2] == ',')) &&
                (b == a + 1 || tags[a + 1] == 'o');
            if (not_speaker && b > a + 1) {
              const WordInfo* w = WordOf(text, tokens[b - 1]);
              const absl::string_view last = text.substr(
                  tokens[b - 1].begin, tokens[b - 1].end - tokens[b - 1].begin);
              if (tokens[b - 1].cap || absl::EndsWith(last, "s") ||
                  InList(*lex_, text, tokens[a + 1],
                         WordList::kObjectPronoun) ||
                  (w != nullptr &&
                   (w->title || w->person_gender != 0 ||
                    w->nominal != v1::ENTITY_TYPE_UNSPECIFIED))) {
                not_speaker = false;
              }
            }
            // "From ABC News in July: Q", "the committee in August said
            // C": a month or a weekday alone after a preposition tells
            // when; unless the rules below find who, it is no speaker.
            // (Not without the preposition: "May said C", the name.)
            if (b == a + 1 && a > 0 && tags[a - 1] == 'r') {
              const WordInfo* w = WordOf(text, tokens[a]);
              if (w != nullptr && (w->word_class == WordClass::kMonth ||
                                   w->word_class == WordClass::kWeekday)) {
                not_speaker = true;
              }
            }
            not_speaker_at = f.speaker.begin;
            f.document = IsDocumentHead(text, tokens, a, b);
            // "41% said": the sign belongs to the number that speaks.
            if (tags[b - 1] == '0' && f.speaker.end < text.size() &&
                text[f.speaker.end] == '%') {
              ++f.speaker.end;
            }
          }
        } else {
          look_further = true;
        }
        if (look_further) {
          Range relative_speaker;
          // A participle after a clause coordinated by ", and" that has a
          // subject of its own ("X say C, and the union has sued the city,
          // saying C2"): where that subject begins (the subject rules below
          // name it), else 0.
          uint32_t and_clause_at = 0;
          if (marked[k] == '%') {
            for (const SubjectRule& subject : subjects_) {
              if (!subject.and_clause) continue;
              const int sn = subject.re->NumberOfCapturingGroups() + 1;
              std::vector<re2::StringPiece>& sg = scratch.subject_groups;
              sg.assign(sn, re2::StringPiece());
              if (MatchWhole([&subject]() -> const RE2& { return *subject.re; },
                             subject.dfa.get(),
                             [&subject] { return subject.groups.get(); },
                             marked, sg.data(), sn) &&
                  sg[subject.speaker].data() != nullptr &&
                  !sg[subject.speaker].empty()) {
                const size_t sa = sg[subject.speaker].data() - marked.data();
                if (sa < k) and_clause_at = tokens[sa].begin;
              }
              break;
            }
          }
          // Coordinated or participial cue: the speaker of the clause.
          // Not from a cue nested in another's content ("X reaffirmed that
          // France condemned it and said ...": X said it), nor from one
          // before a coordinated clause with a subject of its own.
          for (size_t j = out->size(); j > first_finding; --j) {
            const Finding& prev = (*out)[j - 1];
            if (prev.speaker.end == prev.speaker.begin ||
                prev.cue.begin >= f.cue.begin) {
              continue;
            }
            if (prev.cue.end <= and_clause_at) break;  // (0: none)
            bool nested = false;
            for (size_t i = first_finding; i < out->size(); ++i) {
              for (const Range& r : (*out)[i].content) {
                nested |= r.begin <= prev.cue.begin && prev.cue.end <= r.end;
              }
            }
            if (nested) continue;
            // "X questioned the plan - \"Q,\" an aide said - and charged C":
            // a cue inside a paired dash aside (an odd number of dashes
            // before its speaker, one after its cue) speaks for the aside
            // only; the cue after it goes on with the clause around it.
            // (Its speaker stays if nobody else is found, as a relative
            // word's does below.)
            {
              const size_t s = FirstTokenFrom(tokens, prev.speaker.begin);
              const size_t c = FirstTokenFrom(tokens, prev.cue.begin);
              if (std::count(tags.begin(), tags.begin() + s, '~') % 2 == 1 &&
                  c < k &&
                  std::find(tags.begin() + c, tags.begin() + k, '~') !=
                      tags.begin() + k) {
                if (relative_speaker.end == relative_speaker.begin)
                  relative_speaker = prev.speaker;
                continue;
              }
            }
            // "X was outraged by Y's announcement that C, saying D": the
            // possessor of a noun cue, a name or noun with "'s", is no
            // subject of the clause. (A possessive pronoun mostly is its
            // subject: "Obama gave no hints in his remarks, offering C".)
            if (prev.cue_index >= 0 &&
                lex_->cues()[prev.cue_index].cue_class == CueClass::kNominal) {
              size_t m = FirstTokenFrom(tokens, prev.speaker.end);
              const size_t cue_at = FirstTokenFrom(tokens, prev.cue.begin);
              const bool possessor = m < cue_at && tags[m] == 'g';
              while (m < cue_at && IsOneOf("gjol", tags[m])) ++m;
              if (possessor && m == cue_at) continue;
            }
            size_t first;
            if (OpeningClauseSubject(tokens, tags, prev.speaker, prev.cue, k, &first)) {
              // (Not "so", which joins clauses: "So X took to Twitter,
              // blasting A and saying C".)
              const WordInfo* w = WordOf(text, tokens[first]);
              if (w == nullptr || !w->proform) continue;
            }
            // "Mr. Trump, who said last week that C1, issued a statement
            // saying C2": a relative word speaks for its own clause only; a
            // participle after that clause hangs on the sentence's subject.
            // (Only with a verb of the sentence's own between that clause
            // and the participle: "leaders who backed the union, pushing
            // for C" are the ones who push. If the subject rules find
            // nobody, the relative word stays.)
            if (marked[k] == '%' && RelativeWordAt(tokens, tags, prev.speaker) &&
                VerbBetween(text, tokens, tags, prev.content.back().end, k)) {
              relative_speaker = prev.speaker;
              break;
            }
            // So with a document before a relative "that" (a document
            // does not go on to act: "Morey sought to defuse the fallout
            // over his tweet that showed support for X, saying C": Morey's),
            // with or without a verb between; the document stays if the
            // subject rules find nobody.
            if (marked[k] == '%' && RelativeThatSubject(tokens, tags, prev.speaker)) {
              relative_speaker = prev.speaker;
              break;
            }
            f.speaker = prev.speaker;
            break;
          }
          // Else the subject rules, in file order: the first that names a
          // speaker before the cue.
          size_t subject_at = 0, subject_end = 0;
          auto match_subjects = [&](const std::string& with) {
            for (const SubjectRule& subject : subjects_) {
              if (subject_end > subject_at) break;
              const int sn = subject.re->NumberOfCapturingGroups() + 1;
              std::vector<re2::StringPiece>& sg = scratch.subject_groups;
              sg.assign(sn, re2::StringPiece());
              if (!MatchWhole(
                      [&subject]() -> const RE2& { return *subject.re; },
                      subject.dfa.get(),
                      [&subject] { return subject.groups.get(); }, with,
                      sg.data(), sn)) {
                continue;
              }
              const int g = subject.speaker;
              if (sg[g].data() != nullptr && !sg[g].empty()) {
                const size_t sa = sg[g].data() - with.data();
                if (sa < k) {
                  subject_at = sa;
                  subject_end = sa + sg[g].size();
                }
              }
            }
          };
          if (f.speaker.end == f.speaker.begin) {
            const size_t place_comma = CommaBeforeState(marked, k);
            if (place_comma == std::string::npos) {
              match_subjects(marked);
            } else {
              std::string& with = scratch.opener_tags;
              with = marked;
              with[place_comma] = 'o';
              match_subjects(with);
            }
            // "More recently, X has ...", "Looking out at the crowd, X
            // read ...", "One month after the vote, X ...": a first word
            // capitalised only for its place, of a class a lexicon knows
            // (an adverb, an indefinite, a word of time) or in -ing or -ed,
            // and no name nor a relative clause after it ("Anybody who
            // ..."), opens a phrase before the subject: read as an
            // adverb, the subject rules look past its comma. (If they find
            // nobody the word stays.)
            // "Former first lady Laura Bush ..., calling C", "Former state
            // Senate Speaker X ...": a modifier (function_words.tsv class
            // mod) capitalised only for its place, before a lower-case
            // adverb or word, modifies the noun phrase that follows; read
            // as a modifier, the subject rules take the whole phrase.
            size_t first = 0;
            while (first < k && (marked[first] == 'l' || marked[first] == 'x')) ++first;
            char opener = 0;
            if (subject_end == subject_at + 1 && subject_at == first &&
                marked[first] == 'N' && first + 1 < k &&
                !IsOneOf("NRgw(", marked[first + 1])) {
              if (OpenerWord(text, tokens[first], marked[first + 1]) ||
                  MeasureOfTime(*lex_, text, tokens, marked, first)) {
                opener = 'l';
              } else if (IsOneOf("lo", marked[first + 1])) {
                const WordInfo* w = WordOf(text, tokens[first]);
                if (w != nullptr && w->word_class == WordClass::kMod) opener = 'j';
              } else if (marked[first + 1] == 'd' &&
                         PrepositionBeforeDeterminer(text, tokens[first])) {
                opener = 'r';
              }
            }
            if (opener != 0) {
              std::string& with = scratch.opener_tags;
              with = marked;
              with[first] = opener;
              const size_t was_at = subject_at, was_end = subject_end;
              subject_at = subject_end = 0;
              match_subjects(with);
              if (subject_end <= subject_at) {
                subject_at = was_at;
                subject_end = was_end;
              }
            }
            if (subject_end > subject_at) {
              f.speaker = TokenSpan(tokens, subject_at, subject_end);
            } else {
              f.speaker = relative_speaker;
            }
          }
          if (f.speaker.end > f.speaker.begin) {
            f.inherited = true;
          } else if (issued_document.end > issued_document.begin) {
            f.speaker = issued_document;
            f.document = true;
          } else if (!time_speaker) {
            continue;
          }
        }
        if (range_of(rule->addressee, &a, &b)) {
          while (a < b && IsTrimTag(tags[a])) ++a;
          // Whom the words were addressed to. A tell or directive cue takes
          // its addressee as its object ("told reporters", "urged Congress");
          // any other cue only after "to" ("said to reporters", "wrote to
          // the council"): the noun phrase after "said", "wrote on",
          // "responded with" is a time, a place, a medium, a manner or the
          // subject of what was said ("said in a statement", "said Kelly
          // was upset"), and a preposition other than "to" opens no
          // addressee after a tell cue either ("warned in a column").
          // ("to" before a plain lower-case word not in -s, an auxiliary
          // or a copula is an infinitive's: "vowed to go", "promised to
          // be".) The subject of a passive cue is its addressee on the same
          // terms: "officials were told", not "these questions".
          if (a < b) {
            bool addressed;
            if (a > k && tags[a] == 'r') {
              addressed =
                  InList(*lex_, text, tokens[a], WordList::kInfinitiveTo);
              if (addressed && a + 1 < b && IsOneOf("onljvb", tags[a + 1])) {
                const absl::string_view next =
                    text.substr(tokens[a + 1].begin,
                                tokens[a + 1].end - tokens[a + 1].begin);
                addressed =
                    absl::EndsWith(next, "s") && !absl::EndsWith(next, "ss");
              }
            } else {
              addressed = cue.cue_class == CueClass::kTell ||
                          cue.cue_class == CueClass::kDirective;
            }
            if (!addressed) b = a;
          }
          // The addressee ends before a phrase of time, a "that" or a
          // subordinator its rule took along ("told reporters on Tuesday",
          // "told the council last week", "telling the media that", "asked
          // Putin if C"): when it was said, or what, not to whom.
          // (Addressee groups are a few words long: the scan is short.)
          for (size_t m = a; m < b; ++m) {
            if (tags[m] == 't' || tags[m] == 's') {
              b = m;
              break;
            }
          }
          for (size_t m = a + 1; m < b; ++m) {
            if (OnlyTimePhrase(text, tokens, tags, m, b)) {
              // (With the determiner, adverb or number that places it:
              // "this week", "earlier Thursday", "two days ago".)
              while (m > a + 1 && IsOneOf("dl0", tags[m - 1])) --m;
              b = m;
              break;
            }
          }
          // (Then a preposition, adverb, subordinator, article, opening
          // quote mark or a determiner after other words left at its end
          // goes too: "the Post late Thursday", "the public since July",
          // "Labour of a", "the company no later than"; a determiner alone
          // stands for its noun: "asked each to".)
          while (a < b && (IsTrimTag(tags[a]) || tags[a] == 'r')) ++a;
          while (b > a &&
                 (IsTrimTag(tags[b - 1]) || IsOneOf("rls(q", tags[b - 1]) ||
                  (tags[b - 1] == 'd' &&
                   (b - 1 > a ||
                    InList(*lex_, text, tokens[b - 1], WordList::kArticle))))) {
            --b;
          }
          f.addressee = TokenSpan(tokens, a, b);
        }
        if (not_speaker && f.speaker.begin == not_speaker_at) continue;
        if (f.direct) {
          AddQuoteBeginnings(layout, &f);
          AddQuoteContinuations(layout, &f);
        }
        // (Read once the finding is kept: most that match a rule are
        // dropped above. news-5mb: 1.0342e9 -> 1.0338e9 instructions.)
        if (no_evidence < 0) no_evidence = SaysNoEvidence(utext) ? 1 : 0;
        f.without_evidence = no_evidence == 1;
        out->push_back(std::move(f));
        ++unit_findings[u];
        break;
      }
    }
  }

  // A speaker inside a phrase that opens the sentence, before a name and
  // the cue: the name (NameAfterFrontedPhrase).
  for (Finding& f : *out) {
    if (f.unit < 0) continue;
    const Range name =
        NameAfterFrontedPhrase(*lex_, text, units[f.unit].range, f);
    if (name.end > name.begin) f.speaker = name;
  }

  // "A," Mr. Obama said. "B." -- a quote that opens the next sentence of
  // the paragraph continues the attributed claim, direct or not ("X said
  // that C. \"B.\"").
  for (size_t i = 0; i < out->size(); ++i) {
    Finding& f = (*out)[i];
    if (f.content.size() != 1) continue;
    // ("Officials haven't said C. \"Q.\"", "He didn't suggest C. \"Q.\"": a
    // negated cue reports what was not said; the quote that follows is
    // someone's words, not more of it.)
    if (f.negated) continue;
    size_t u = f.unit + 1;
    if (u >= units.size() || units[u].paragraph != f.paragraph ||
        unit_findings[u] != 0) {
      continue;
    }
    auto it = std::lower_bound(
        layout.quotes.begin(), layout.quotes.end(), units[u].range.begin,
        [](const Quote& q, uint32_t off) { return q.open < off; });
    if (it == layout.quotes.end() || it->open != units[u].range.begin) continue;
    // '"Q1," X said, adding that C. "Q2."': a claim of saying or adding
    // after this one's cue and content in its sentence ("adding", "who also
    // said", "before adding:"), or a quotation with its own cue there ('X
    // told Y that C: "Q1," X predicted. "Q2."'), is the nearer
    // speech; the quote that follows goes on it, not on the first.
    bool later = false;  // (not in a book's dialogue: see hard_wrapped)
    const uint32_t after = std::max(f.cue.end, f.content.back().end);
    const auto [first, last] = UnitRun(*out, i);
    for (size_t j = first; j < last && !later && !layout.hard_wrapped; ++j) {
      const Finding& g = (*out)[j];
      // (Not a negated cue: '"Q1," X said, though officials haven't said
      // C. "Q2."' goes on with X.)
      later = j != i && g.paragraph == f.paragraph && g.cue.begin >= after &&
              !g.content.empty() && g.cue_index >= 0 && !g.negated &&
              (lex_->cues()[g.cue_index].lemma == "add" ||
               lex_->cues()[g.cue_index].lemma == "say" || g.direct);
    }
    if (later) continue;
    // (Words after the quote that attribute nothing do not stop it: the
    // quote still goes on the speaker's words.)
    f.content.push_back(Range{it->begin, it->end});
    // (Reported words followed by a quotation: "X said C. \"Q.\"")
    f.mixed = f.mixed || !f.direct;
    unit_findings[u] = 1;
    AddQuoteContinuations(layout, &f);
  }
  // '"Q1," X said, according to Y. "Q2."': a trailing "according to" whose
  // content holds the cue of the claim the next quote went on sources that
  // quote too (Y reports all of X's words).
  for (size_t i = 0; i < out->size(); ++i) {
    Finding& f = (*out)[i];
    if (f.content.size() != 1 || f.cue_index < 0 ||
        lex_->cues()[f.cue_index].cue_class != CueClass::kAccording ||
        f.content.front().end > f.cue.begin) {
      continue;
    }
    const auto [first, last] = UnitRun(*out, i);
    for (size_t j = first; j < last; ++j) {
      const Finding& g = (*out)[j];
      if (j == i || g.content.size() < 2 ||
          g.cue.begin < f.content.front().begin ||
          g.cue.end > f.content.front().end ||
          g.content.back().begin < f.cue.end ||
          g.content.front().end > f.cue.begin) {
        continue;
      }
      for (const Range& r : g.content) {
        if (r.begin >= f.cue.end) f.content.push_back(r);
      }
      f.mixed = f.mixed || !f.direct;
      break;
    }
  }

  // "TAPPER: Take a listen. We are back.": a name and a colon that open a
  // paragraph of a transcript label the whole turn, not only its first
  // sentence (the rule sees one sentence, and may stop at a clause inside
  // it). The content runs to the end of the paragraph, through the
  // sentences after it that attribute nothing themselves.
  for (size_t i = 0; i < out->size(); ++i) {
    Finding& f = (*out)[i];
    if (f.direct || f.content.empty() || f.cue.end != f.cue.begin + 1 ||
        text[f.cue.begin] != ':' || f.speaker.end <= f.speaker.begin) {
      continue;
    }
    const Unit& unit = units[f.unit];
    if (unit.range.begin != layout.paragraphs[unit.paragraph].begin) continue;
    size_t lead = unit.range.begin;
    while (lead < f.speaker.begin && (text[lead] == '"' || text[lead] == ' ')) {
      ++lead;
    }
    if (lead != f.speaker.begin || f.content.back().begin < f.cue.end) continue;
    uint32_t end = unit.range.end;
    for (size_t u = f.unit + 1; u < units.size() &&
                                units[u].paragraph == unit.paragraph &&
                                unit_findings[u] == 0;
         ++u) {
      end = units[u].range.end;
    }
    while (end > f.content.back().end &&
           absl::ascii_isspace(static_cast<unsigned char>(text[end - 1]))) {
      --end;
    }
    // (Only for more words: the final stop and closing mark the rule left
    // out stay out.)
    bool more_words = false;
    for (uint32_t b = f.content.back().end; b < end && !more_words; ++b) {
      more_words = absl::ascii_isalnum(static_cast<unsigned char>(text[b]));
    }
    if (more_words) f.content.back().end = end;
  }

  // '"You young dog," said the man, licking his lips, "what fat cheeks you
  // ha' got."': a quote after the attribution, in the same sentence, goes on
  // with the first. Only a short stretch without a sentence end or another
  // quote between, and only in books (on PolNeAR news dev it cost 1 content
  // match, exact F1 41.9 -> 41.6 and end-to-end F1 57.5 -> 57.4).
  if (layout.hard_wrapped) {
    absl::flat_hash_set<uint32_t> used;
    for (const Finding& f : *out) {
      for (const Range& r : f.content) used.insert(r.begin);
    }
    for (Finding& f : *out) {
      if (!f.direct || f.content.size() != 1 || f.speaker.end <= f.speaker.begin ||
          f.cue.end <= f.cue.begin || f.speaker.begin < f.content.front().end ||
          f.cue.begin < f.content.front().end) {
        continue;
      }
      const uint32_t after = std::max(f.speaker.end, f.cue.end);
      auto it = std::lower_bound(
          layout.quotes.begin(), layout.quotes.end(), after,
          [](const Quote& q, uint32_t off) { return q.open < off; });
      if (it == layout.quotes.end() || it->paragraph != f.paragraph ||
          used.contains(it->begin) || it->open - after > 80 || it->end <= it->begin) {
        continue;
      }
      const absl::string_view between = text.substr(after, it->open - after);
      if (between.find_first_of(".!?\n") != absl::string_view::npos &&
          between.find_first_of(".!?") != absl::string_view::npos) {
        continue;
      }
      f.content.push_back(Range{it->begin, it->end});
      used.insert(it->begin);
      AddQuoteContinuations(layout, &f);
    }
  }

  // The quotations that open their paragraph: turns of dialogue.
  std::vector<int>& para_quote = scratch.para_quote;
  para_quote.assign(layout.paragraphs.size(), -1);
  for (size_t qi = 0, p = 0; qi < layout.quotes.size(); ++qi) {
    const Quote& q = layout.quotes[qi];
    while (p < layout.paragraphs.size() && layout.paragraphs[p].begin < q.open) ++p;
    if (p < layout.paragraphs.size() && layout.paragraphs[p].begin == q.open) {
      para_quote[p] = static_cast<int>(qi);
    }
  }
  // In a book, a quotation whose lead-in closes the paragraph before
  // ("Said she:") is the turn of the paragraph it opens: the bare
  // quotations after it are the replies, not more of it.
  if (layout.hard_wrapped) {
    for (Finding& f : *out) {
      if (!f.direct) continue;
      const int p = ParagraphAt(layout, f.content.front().begin);
      if (p == f.paragraph + 1 && para_quote[p] >= 0 &&
          layout.quotes[para_quote[p]].begin == f.content.front().begin) {
        f.paragraph = p;
      }
    }
  }
  for (Finding& f : *out) {
    const int qi = para_quote[f.paragraph];
    f.turn = qi >= 0 && f.direct && f.content.front().begin == layout.quotes[qi].begin;
  }

  // A paragraph that is only a quotation continues the speaker of the one
  // before it, or, after a turn of dialogue, is the next turn.
  std::vector<int>& para_last = scratch.para_last;
  para_last.assign(layout.paragraphs.size(), -1);
  for (size_t i = 0; i < out->size(); ++i) {
    // (A quotation introduced across a paragraph break ends in a later one.)
    // (Most contents end in the finding's paragraph: no search then.)
    const int p = (*out)[i].paragraph;
    const uint32_t end_begin = (*out)[i].content.back().begin;
    int last = p + 1 < static_cast<int>(layout.paragraphs.size()) &&
                       end_begin < layout.paragraphs[p + 1].begin
                   ? p
                   : std::max(p, ParagraphAt(layout, end_begin));
    para_last[last] = static_cast<int>(i);
  }
  // Where the findings' contents begin, sorted: "is a quotation already
  // part of a claim?" by a binary search. (A sorted vector kept by the
  // thread: a hash set built for every document cost 0.5% of the
  // instructions, most in allocation and rehashing.)
  std::vector<uint32_t>& taken = scratch.taken;
  taken.clear();
  for (const Finding& f : *out) {
    for (const Range& r : f.content) taken.push_back(r.begin);
  }
  std::sort(taken.begin(), taken.end());
  auto is_taken = [&taken](uint32_t begin) {
    return std::binary_search(taken.begin(), taken.end(), begin);
  };
  for (size_t p = 1; p < layout.paragraphs.size(); ++p) {
    if (para_quote[p] < 0) continue;
    // In a book, a paragraph that opens with a quotation no claim holds is
    // a turn even when its narration reports speech later ('"I'll have to
    // go up after her." Carl thrust his hands into his pockets. ... When
    // he came back, Alexandra asked him what he had done with his
    // overcoat.'). That later claim stays the paragraph's last.
    const bool claim_after = para_last[p] >= 0;
    if (claim_after && !layout.hard_wrapped) continue;
    const int qi = para_quote[p];
    const Quote& q = layout.quotes[qi];
    // Already part of a multi-paragraph quote?
    if (is_taken(q.begin) || q.end <= q.begin) continue;
    if (qi > 0 && layout.quotes[qi - 1].continues) continue;
    Finding f;
    if (para_last[p - 1] < 0) {
      // After narration: a turn if the document turns out to be a
      // conversation (the extractor decides; see needs_conversation).
      f.builtin_rule = "narrated_turn";
      f.needs_conversation = true;
      f.narrated = true;
    } else {
      // (A relative word speaks for its own clause only: after '"Q1," said
      // X, who thinks C.', the quotation goes on in the voice of the quoted
      // claim before it in that paragraph.)
      int from = para_last[p - 1];
      for (int j = from; IsRelativeSpeaker(text, (*out)[from]) && j-- > 0;) {
        const Finding& g = (*out)[j];
        if (g.paragraph != (*out)[from].paragraph) break;
        if ((g.direct || g.mixed) && g.speaker.end > g.speaker.begin &&
            !IsRelativeSpeaker(text, g)) {
          from = j;
          break;
        }
      }
      // (A participle aside speaks for the quoted claim it hangs on: after
      // '"Q1," X said, referring to C.', the quotation goes on with Q1,
      // the claim before it in that paragraph with the same speaker.)
      if (from > 0 && !(*out)[from].direct && !(*out)[from].mixed &&
          (*out)[from].cue.begin >= (*out)[from].speaker.end) {
        const Finding& aside = (*out)[from];
        const Finding& g = (*out)[from - 1];
        if (g.paragraph == aside.paragraph && (g.direct || g.mixed) &&
            g.speaker.end > g.speaker.begin && g.speaker.begin == aside.speaker.begin &&
            g.speaker.end == aside.speaker.end && g.cue.end <= aside.cue.begin) {
          from = from - 1;
        }
      }
      const Finding& prev = (*out)[from];
      const bool follow_on =
          prev.speaker.end > prev.speaker.begin && q.end - q.begin >= 20;
      // In a book, a short quotation paragraph after a paragraph whose last
      // claim is a quotation that is no turn of its own ('He muttered. Then
      // aloud he said abruptly: "You are an American?"' / '"Yes."') is the
      // answer: the next turn.
      if (!follow_on && !prev.turn && !(layout.hard_wrapped && prev.direct)) continue;
      // In news, a quotation paragraph after a quoted claim whose cue
      // follows its quotation ('"Q1," X said.' then '"Q2."') is more of
      // that claim: a further part, not a claim of its own. A short one is
      // rather a reply in a conversation, unless the quotation is its whole
      // paragraph ('"Q1," X said.' then '"We will win this one."'): in news
      // such a lone closing line is the end of the same speech. Not in a
      // dialogue, where it is the answer (see InDialogue).
      constexpr uint32_t kFoldMin = 80;
      const Range& para = layout.paragraphs[p];
      const bool whole_paragraph = q.closed && para.end <= q.close_end + 1 &&
                                   !InDialogue(text, para_quote, prev);
      if (follow_on && !layout.hard_wrapped && (prev.direct || prev.mixed) &&
          prev.cue.begin >= prev.content.front().end &&
          (q.end - q.begin >= kFoldMin || whole_paragraph)) {
        Finding& into = (*out)[from];
        into.content.push_back(Range{q.begin, q.end});
        AddQuoteContinuations(layout, &into);
        para_last[p] = from;
        continue;
      }
      if (follow_on) {
        f.speaker = prev.speaker;
        f.cue_index = prev.cue_index;
        f.follows = from;
      }
      f.builtin_rule = follow_on ? "follow_on_quote" : "dialogue_turn";
      f.needs_conversation = prev.needs_conversation;
    }
    f.content.push_back(Range{q.begin, q.end});
    f.paragraph = static_cast<int>(p);
    f.unit = -1;
    f.direct = true;
    f.inherited = true;
    f.turn = true;
    f.turn_open = true;
    AddQuoteContinuations(layout, &f);
    f.needs_beat = claim_after;
    if (!claim_after) para_last[p] = static_cast<int>(out->size());
    out->push_back(std::move(f));
  }
  // The quotations right above a byline (ExcerptByline) are the words of
  // the author it names, whatever voice they seemed to go on in: in a
  // digest the claim before them is the summary that introduces the
  // excerpts ("The left argues that C." / "\"Q.\"" / "Paul Waldman,
  // Washington Post"). From the quotation right before the byline back to
  // where it opens (a quotation of several paragraphs), and on through the
  // paragraphs before that are one such quotation each. A claim a cue
  // gives, or a speaker the quotation's own paragraph names, stays.
  // (The holders are read before the pass: what it adds holds only
  // quotations it has passed, as no walk goes back past another byline.)
  const std::vector<int> holders = layout.hard_wrapped || bylines.empty()
                                       ? std::vector<int>()
                                       : QuotationHolders(layout, *out);
  for (size_t b = 0; !layout.hard_wrapped && b < bylines.size(); ++b) {
    const Range name = bylines[b].name;
    int qi = bylines[b].quote;
    while (qi >= 0) {
      while (qi > 0 && layout.quotes[qi - 1].continues) --qi;
      const Quote& q = layout.quotes[qi];
      Finding* holder = holders[qi] >= 0 ? &(*out)[holders[qi]] : nullptr;
      if (holder == nullptr) {
        // (Not a quotation after a sentence of narration in its paragraph,
        // "X is frustrated. \"Q.\"": the excerpt quotes X there.)
        const absl::string_view lead = absl::StripTrailingAsciiWhitespace(
            text.substr(layout.paragraphs[q.paragraph].begin,
                        q.open - layout.paragraphs[q.paragraph].begin));
        if (!lead.empty() && absl::string_view(".!?").find(lead.back()) !=
                                 absl::string_view::npos)
          break;
        out->emplace_back();
        holder = &out->back();
        holder->content.push_back(Range{q.begin, q.end});
        holder->paragraph = q.paragraph;
        holder->unit = -1;
        holder->direct = true;
        holder->turn = para_quote[q.paragraph] == qi;
        AddQuoteContinuations(layout, holder);
      } else if (holder->rule >= 0 || !holder->inherited || !holder->turn) {
        // ("It's worth noting that \"Q\"": who notes it, the byline says.)
        if (holder->speaker.end <= holder->speaker.begin && !holder->document) {
          holder->speaker = name;
        }
        break;
      }
      holder->speaker = name;
      holder->cue = Range{};
      holder->cue_index = -1;
      holder->follows = -1;
      holder->builtin_rule = "excerpt_byline";
      holder->inherited = true;
      holder->turn_open = false;
      holder->needs_conversation = false;
      holder->narrated = false;
      holder->needs_beat = false;
      // On to the paragraph before when this one is the quotation alone
      // and the one before ends with one.
      const int p = q.paragraph;
      if (para_quote[p] != qi || p == 0 || qi == 0 ||
          !layout.quotes[qi - 1].closed ||
          layout.quotes[qi - 1].close_end != layout.paragraphs[p - 1].end) {
        break;
      }
      --qi;
    }
  }
  // In a book, a quotation that follows narration in its paragraph, with no
  // cue ("Lord Henry elevated his eyebrows. \"Not send it anywhere?\""),
  // is said by the one the narration is about: the extractor keeps it in a
  // conversation and gives it that speaker.
  // So too in a paragraph that holds a claim already, after a sentence of
  // narration that follows it ('"Is it old?" He hung fire again. "It is a
  // woman's hand."'), when no claim holds the quotation.
  if (layout.hard_wrapped) {
    std::vector<Range> held;
    for (const Finding& f : *out) {
      for (const Range& r : f.content) held.push_back(r);
    }
    std::sort(held.begin(), held.end(),
              [](const Range& a, const Range& b) { return a.begin < b.begin; });
    uint32_t held_end = 0;  // the furthest end of the ranges before q
    size_t h = 0;
    for (const Quote& q : layout.quotes) {
      while (h < held.size() && held[h].begin <= q.begin) {
        held_end = std::max(held_end, held[h].end);
        ++h;
      }
      if (!q.closed || q.continues || q.end <= q.begin + 12) continue;
      const int p = q.paragraph;
      if (p < 0 || p >= static_cast<int>(layout.paragraphs.size()) ||
          q.open <= layout.paragraphs[p].begin || is_taken(q.begin)) {
        continue;
      }
      if (para_last[p] >= 0) {
        if (held_end > q.begin) continue;  // inside a claim's content
        uint32_t b = q.open;
        while (b > layout.paragraphs[p].begin &&
               (text[b - 1] == ' ' || text[b - 1] == '\n')) {
          --b;
        }
        if (b == layout.paragraphs[p].begin ||
            (text[b - 1] != '.' && text[b - 1] != '!' && text[b - 1] != '?')) {
          continue;
        }
      }
      const unsigned char first = static_cast<unsigned char>(text[q.begin]);
      const char last = text[q.end - 1];
      const absl::string_view quoted = text.substr(q.begin, q.end - q.begin);
      if (!(first >= 'A' && first <= 'Z') || quoted.find(' ') == absl::string_view::npos ||
          (last != '.' && last != '!' && last != '?' && last != ',' && last != '-') ||
          IsTitleCase(quoted)) {
        continue;
      }
      Finding f;
      f.builtin_rule = "narration_quote";
      f.needs_conversation = true;
      f.turn = true;  // an utterance of the conversation, for turn-taking
      f.content.push_back(Range{q.begin, q.end});
      f.paragraph = p;
      f.unit = -1;
      f.direct = true;
      f.inherited = true;
      out->push_back(std::move(f));
    }
  }
  // In news, a paragraph that is one quotation, signed by the next
  // paragraph with a dash and a name ("\"We will win.\"" then "- Ann Lee,
  // Dover."), is said by the one who signs it, whatever took it before (a
  // turn, a follow-on of the claim before). So is a quotation line left
  // open that the next line signs and closes ("\"We will win." then "Ann
  // Lee, Dover Harbour Trust.\"": pull quotes, which repeat a quotation of
  // the article and which PolNeAR annotates 4 times in 6 on dev; session 24:
  // content@0.5 9419/11350 -> 9421/11356, direct recall 2014 -> 2017 of 2082,
  // end-to-end 8917 -> 8920).
  if (!layout.hard_wrapped) {
    // Where each content part begins: finding and part (built at the first
    // signature, so that a document of many stays linear).
    absl::flat_hash_map<uint32_t, std::pair<size_t, size_t>> part_at;
    for (size_t p = 0; p + 1 < layout.paragraphs.size(); ++p) {
      if (para_quote[p] < 0) continue;
      const Quote& q = layout.quotes[para_quote[p]];
      const Range& para = layout.paragraphs[p];
      if (q.end <= q.begin) continue;
      Range name, dash;
      if (q.closed) {
        if (q.close_end != para.end ||
            !SignatureLine(text, layout.paragraphs[p + 1], &dash, &name)) {
          continue;
        }
      } else if (q.continues || q.end != para.end ||
                 !ClosingSignatureLine(text, layout.paragraphs[p + 1], &name)) {
        continue;
      }
      // (Taken as the further part of a claim before: no longer.)
      // (A claim it opens, with more parts after it, stays as it is.)
      if (part_at.empty()) {
        for (size_t i = 0; i < out->size(); ++i) {
          for (size_t r = 0; r < (*out)[i].content.size(); ++r) {
            part_at.emplace((*out)[i].content[r].begin, std::make_pair(i, r));
          }
        }
      }
      Finding* f = nullptr;
      if (auto it = part_at.find(q.begin); it != part_at.end()) {
        Finding& g = (*out)[it->second.first];
        // (An earlier part of the same claim may have been taken out.)
        size_t r = std::min(it->second.second, g.content.size());
        while (r > 0 && (r == g.content.size() || g.content[r].begin > q.begin)) --r;
        if (r < g.content.size() && g.content[r].begin == q.begin) {
          if (g.content.size() == 1) {
            f = &g;
          } else if (r > 0) {
            g.content.erase(g.content.begin() + r);
          } else {
            continue;
          }
        }
      }
      if (f == nullptr) {
        out->emplace_back();
        f = &out->back();
        f->content.push_back(Range{q.begin, q.end});
      } else if (f->speaker.end > f->speaker.begin && !f->inherited) {
        continue;  // a rule named its speaker
      }
      f->builtin_rule = "quote_signature";
      f->rule = -1;
      f->cue_index = -1;
      f->speaker = name;
      f->cue = dash;
      f->paragraph = static_cast<int>(p);
      f->unit = -1;
      f->direct = true;
      f->mixed = false;
      f->inherited = false;
      f->turn = false;
      f->turn_open = false;
      f->needs_conversation = false;
      f->narrated = false;
    }
  }

  // In news, a quotation that reads as a sentence and that no rule took
  // ("... by interjecting, \"Only on Mondays.\"", "When X finally wrapped up
  // -- \"I will fight for you!\" -- the balloons ...") is a direct claim;
  // the extractor finds its speaker in the paragraph or takes the one of the
  // claim before it, and drops it when there is none. Not a title ("Fox News
  // Sunday,") nor a scare quote (lower case, no final punctuation, fewer
  // than three words).
  if (!layout.hard_wrapped) {
    // Both questions below are asked once per quotation, so each is a
    // lookup, not a pass over every finding: a long article full of
    // quotations stays linear. (Quotations never overlap, so what this loop
    // adds cannot overlap a later one: the content taken before it will do.)
    ContentIndex taken(*out);
    // Direct findings by where their content ends, swept in step with the
    // quotations; best[p] is the one of paragraph p that ends last before
    // the quotation at hand.
    std::vector<std::pair<uint32_t, size_t>>& direct_ends = scratch.direct_ends;
    direct_ends.clear();
    for (size_t i = 0; i < out->size(); ++i) {
      if ((*out)[i].direct) direct_ends.emplace_back((*out)[i].content.back().end, i);
    }
    std::sort(direct_ends.begin(), direct_ends.end());
    std::vector<int>& best = scratch.best;
    best.assign(layout.paragraphs.size(), -1);
    size_t swept = 0;
    for (const Quote& q : layout.quotes) {
      if (!q.closed || q.continues || q.end <= q.begin) continue;
      // (The lookup first: most quotations are some finding's content, and
      // IsOrphanQuote() reads every word.)
      if (taken.Overlaps(q.begin, q.end) ||
          !IsOrphanQuote(text.substr(q.begin, q.end - q.begin))) {
        continue;
      }
      // A headline quoted in a list of articles: "\"Q,\" by X's Y:".
      absl::string_view rest = text.substr(q.close_end, 6);
      while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
      if (absl::StartsWith(rest, "by ")) continue;
      const int para = q.paragraph;
      const bool known = para >= 0 && para < static_cast<int>(best.size());
      Range source, bracket;
      if (known && BracketedSource(text, q, layout.paragraphs[para], &source, &bracket)) {
        Finding f;
        f.builtin_rule = "bracketed_source_quote";
        f.content.push_back(Range{q.begin, q.end});
        // (In a list of items that each open with a headline in capitals,
        // the quotation is the text of the story the headline names: the
        // story speaks, as a statement does; else the source does.)
        const Range& pr = layout.paragraphs[para];
        uint32_t head_end = q.open;
        while (head_end > pr.begin && text[head_end - 1] == ' ') --head_end;
        bool headline = head_end > pr.begin && head_end - pr.begin <= 120;
        for (uint32_t k = pr.begin; headline && k < head_end; ++k) {
          headline = !absl::ascii_islower(static_cast<unsigned char>(text[k]));
        }
        f.speaker = headline ? Range{pr.begin, head_end} : source;
        f.document = headline;
        f.cue = bracket;
        f.paragraph = para;
        f.unit = -1;
        f.direct = true;
        best[para] = static_cast<int>(out->size());
        out->push_back(std::move(f));
        continue;
      }
      // After a quotation of the same paragraph that a claim holds
      // ("\"A,\" X said of Cruz. \"B.\""): more of that claim.
      for (; swept < direct_ends.size() && direct_ends[swept].first <= q.begin; ++swept) {
        const size_t i = direct_ends[swept].second;
        const int p = (*out)[i].paragraph;
        if (p < 0 || p >= static_cast<int>(best.size())) continue;
        if (best[p] < 0 ||
            (*out)[i].content.back().end > (*out)[best[p]].content.back().end) {
          best[p] = static_cast<int>(i);
        }
      }
      if (known && best[para] >= 0 &&
          q.open - (*out)[best[para]].content.back().end < 120) {
        (*out)[best[para]].content.push_back(Range{q.begin, q.end});
        continue;
      }
      Finding f;
      f.builtin_rule = "orphan_quote";
      f.content.push_back(Range{q.begin, q.end});
      f.paragraph = q.paragraph;
      f.unit = -1;
      f.direct = true;
      f.inherited = true;
      if (known) best[para] = static_cast<int>(out->size());
      out->push_back(std::move(f));
    }
  }
  // (Most documents' findings are in order already: the test spares the
  // stable sort's buffer and its moves of each finding. news-5mb: 1.16483e9
  // -> 1.16214e9 instructions.)
  const auto content_first = [](const Finding& a, const Finding& b) {
    return a.content.front().begin < b.content.front().begin;
  };
  if (!std::is_sorted(out->begin(), out->end(), content_first)) {
    std::stable_sort(out->begin(), out->end(), content_first);
  }

  // Nesting: a cue inside another finding's content is reported through it.
  // "According to X" only names the source of what it covers. Both lie in
  // one unit, so only findings of the same unit are compared.
  // (unit, finding) pairs sorted: each unit's findings in index order, with
  // no allocation per unit.
  std::vector<std::pair<int, int>>& by_unit = scratch.by_unit;
  by_unit.clear();
  for (size_t i = 0; i < out->size(); ++i) {
    if ((*out)[i].unit >= 0) by_unit.emplace_back((*out)[i].unit, static_cast<int>(i));
  }
  std::sort(by_unit.begin(), by_unit.end());
  for (size_t first = 0, last = 0; first < by_unit.size(); first = last) {
    while (last < by_unit.size() && by_unit[last].first == by_unit[first].first) ++last;
    for (size_t x = first; x < last; ++x) {
      const int j = by_unit[x].second;
      Finding& inner = (*out)[j];
      if (inner.cue.end == inner.cue.begin) continue;
      for (size_t y = first; y < last; ++y) {
        const int i = by_unit[y].second;
        if (i == j) continue;
        const Finding& outer = (*out)[i];
        // (A finding already dropped as no claim of its own reports
        // nothing: no cue is reported through it. "Responding to USA TODAY
        // questions, the campaign said C": "questions", a noun cue inside
        // the participle's content, is dropped and takes no "said" with it.
        // An "according to" dropped for the speaker it relays still covers
        // what that speaker says: "according to the statement, X
        // reaffirmed that France condemned it".)
        if (outer.drop &&
            lex_->cues()[outer.cue_index].cue_class != CueClass::kAccording) {
          continue;
        }
        bool covers = false;
        for (const Range& r : outer.content) {
          covers |= r.begin <= inner.cue.begin && inner.cue.end <= r.end;
        }
        // "X listed the rules: \"Q,\" she said": a colon before the quotation
        // is no cue of its own when a trailing attribution reports the same
        // words. Nor is a cue whose content a colon introduces ("X scolded
        // him: \"Q,\" she said"); that content may hold the quote marks.
        const auto colon_cue = [&] {
          if (outer.cue.end == outer.cue.begin + 1 && text[outer.cue.begin] == ':') return true;
          // Back over the opening mark (the layout's, any style) and spaces.
          uint32_t before = outer.content.front().begin;
          const auto q = QuoteAt(layout, before);
          if (q != layout.quotes.end()) before = q->open;
          while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '"' ||
                                text[before - 1] == '\'')) {
            --before;
          }
          return outer.cue.end <= before && before > 0 && text[before - 1] == ':';
        };
        // The colon's content may run on over the trailing attribution
        // itself ('"Q," he said.'): compare up to it.
        uint32_t attr_begin = inner.cue.begin, attr_end = inner.cue.end;
        if (inner.speaker.end > inner.speaker.begin) {
          attr_begin = std::min(attr_begin, inner.speaker.begin);
          attr_end = std::max(attr_end, inner.speaker.end);
        }
        // A comma outside the closing mark ('"Q", he said') separates
        // the quotation from the attribution; it is no word of either.
        const auto same_words = [&](const Range& x, const Range& y) {
          if (x.begin == y.begin && x.end == y.end) return true;
          if (y.end > attr_end + 1) return false;
          uint32_t end = std::min(y.end, attr_begin);
          while (end > y.begin && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
          return SameButQuoteMarks(text, layout, x, Range{y.begin, end});
        };
        if (inner.cue.end > inner.cue.begin + 1 &&
            inner.content.size() == outer.content.size() &&
            std::equal(inner.content.begin(), inner.content.end(), outer.content.begin(),
                       same_words) &&
            colon_cue()) {
          // The colon claim goes; the trailing attribution is no claim
          // reported through it.
          (*out)[i].drop = true;
          continue;
        }
        // 'X fired back: "A," she wrote, "B."', 'X scolded him: "A," she
        // said.': the colon's content runs over a trailing attribution of
        // its own words (a quotation closes right before it, and the
        // attribution and all the trailing claim's words lie inside the
        // colon's content): one claim, the colon cue's (PolNeAR marks it,
        // with the named speaker), of the words before the attribution and
        // the trailing claim's words after it. (Not a cue inside the quoted
        // words: 'X said: "Y told me the pier was shut."' stays two.)
        if (inner.cue.end > inner.cue.begin + 1 && !inner.content.empty() &&
            !inner.drop && colon_cue()) {
          const auto within = [&outer](uint32_t b, uint32_t e) {
            for (const Range& r : outer.content) {
              if (r.begin <= b && e <= r.end) return true;
            }
            return false;
          };
          uint32_t p = attr_begin;
          while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == ',')) --p;
          const auto q = std::lower_bound(
              layout.quotes.begin(), layout.quotes.end(), p,
              [](const Quote& x, uint32_t off) { return x.close_end < off; });
          bool inside = q != layout.quotes.end() && q->closed && q->close_end == p &&
                        within(attr_begin, attr_end);
          for (const Range& r : inner.content) inside = inside && within(r.begin, r.end);
          if (inside) {
            // ('X scolded him: "A," she said. "B."': a quotation the colon's
            // claim took on after the trailing attribution's sentence goes
            // on that attribution's claim, which stays, as after '"A," she
            // said.' alone; PolNeAR marks "B" with "she said".)
            std::vector<Range> parts, later;
            for (const Range& r : outer.content) {
              if (r.begin >= attr_end) {
                later.push_back(r);
                continue;
              }
              if (r.begin >= attr_begin) continue;
              uint32_t end = std::min(r.end, attr_begin);
              while (end > r.begin && (text[end - 1] == ' ' || text[end - 1] == ',')) --end;
              if (end > r.begin) parts.push_back(Range{r.begin, end});
            }
            for (const Range& r : inner.content) {
              if (r.begin >= attr_end) parts.push_back(r);
            }
            Finding& colon = (*out)[i];
            colon.content.assign(parts.begin(), parts.end());
            colon.direct = inner.direct;
            colon.mixed = inner.mixed;
            if (later.empty()) {
              inner.drop = true;
            } else {
              inner.content.assign(later.begin(), later.end());
            }
            continue;
          }
        }
        if (!covers) continue;
        inner.via = i;
        // "X said they would expand the plan and push for C": a bare verb
        // after a conjunction, under a cue in the past, goes on with the
        // reported clause (its modal or infinitive); it is no act of X's.
        if (BareCoordinatedUnderPast(*lex_, text, outer, inner)) inner.drop = true;
        // "X says he thinks C": a belief inside reported speech is part of
        // what was said, not a claim of its own.
        const CueClass inner_class = lex_->cues()[inner.cue_index].cue_class;
        // So is a noun cue: "X noted Y's remarks on C" is X's claim.
        const bool inner_belief = inner_class == CueClass::kBelief ||
                                  inner_class == CueClass::kSeem ||
                                  inner_class == CueClass::kNominal;
        if (inner_belief) inner.drop = true;
        // "X said the group issued a statement affirming C": a participle
        // right after a noun of the reported clause modifies that noun; it
        // is part of what X said (PolNeAR marks the outer claim whole). (The
        // rule is known by its name in rules.tsv: a participle after a noun,
        // perhaps after an adverb; a test on the spans alone, a speaker right
        // before an -ing cue, also takes other rules' claims and lost 2.)
        if (!inner.direct && inner.rule >= 0 &&
            lex_->rules()[inner.rule].name == "np_participle_clause") {
          const CueClass oc = lex_->cues()[outer.cue_index].cue_class;
          if (oc == CueClass::kSay || oc == CueClass::kTell) {
            for (const Range& r : outer.content) {
              if (r.begin > inner.cue.begin || inner.cue.end > r.end) continue;
              const absl::string_view lead = text.substr(r.begin, inner.cue.begin - r.begin);
              if (UnbrokenLead(lead)) inner.drop = true;
              break;
            }
          }
        }
        // "X said Y called the plan a disaster": what X reports Y called it
        // is part of X's claim, its quotation too ("X said the council
        // rejected what she called \"a reckless plan\""): PolNeAR marks the
        // outer claim only (nested label quotations matched 1 of 6).
        if (inner_class == CueClass::kLabel) {
          inner.drop = true;
        }
        // "X said he would offer a prayer": a cue under a modal in reported
        // speech is what X said will happen, not a claim made.
        if (!inner.direct && ModalBefore(*lex_, text, inner.cue.begin)) inner.drop = true;
        // "X pledged to push for C", "X seemed to imply that C": an
        // infinitive cue in another finding's content is what that finding
        // says X meant or seemed to do; PolNeAR annotates the outer claim.
        if (!inner.direct && inner.infinitive &&
            lex_->cues()[outer.cue_index].cue_class != CueClass::kAccording) {
          inner.drop = true;
        }
        // "The mayor said the council has not answered C", "the aide said the
        // senators who voted for it want C": a clause someone reports, up
        // to the next comma or dash, is that speaker's claim, whatever cue
        // stands in it (PolNeAR gives each word one role, so it annotates
        // the outer claim only). Not when a document relays someone ("a
        // statement said X told Y that C": X speaks through it), nor for
        // a cue that goes on with the same speaker ("X said C and added D"),
        // nor for a quotation (the words are the inner speaker's own).
        // What a poll or a study found ("the survey found that most voters
        // said C", "records show he agreed to C") is the finding's claim,
        // even from a document: the people it counts do not speak through it.
        const CueClass outer_class = lex_->cues()[outer.cue_index].cue_class;
        if ((((outer_class == CueClass::kSay || outer_class == CueClass::kTell) &&
              !outer.document) ||
             outer_class == CueClass::kEvidence) &&
            !inner.drop && !inner.direct &&
            !(inner.speaker.begin == outer.speaker.begin &&
              inner.speaker.end == outer.speaker.end)) {
          for (const Range& r : outer.content) {
            if (r.begin > inner.cue.begin || inner.cue.end > r.end) continue;
            uint32_t from = inner.speaker.end > inner.speaker.begin &&
                                    inner.speaker.begin >= r.begin
                                ? inner.speaker.begin
                                : inner.cue.begin;
            absl::string_view lead = text.substr(r.begin, from - r.begin);
            // (Past the comma of a phrase that opens the reported clause:
            // "said that after the call, the staff asked C".)
            if (outer.lead_comma > r.begin && outer.lead_comma < from) {
              lead = text.substr(outer.lead_comma + 1, from - outer.lead_comma - 1);
            }
            if (UnbrokenLead(lead)) inner.drop = true;
            break;
          }
        }
        // "Officials believe the mayor told aides that C": a belief whose
        // content holds a speech claim that stays one of its own reports
        // that speech; the belief itself, left with the words before the
        // inner attribution, is no claim (PolNeAR marked 7 of 28), and the
        // speech is not relayed by the believer.
        if (!inner.drop && outer_class == CueClass::kBelief &&
            (inner_class == CueClass::kSay || inner_class == CueClass::kTell)) {
          (*out)[i].drop = true;
          inner.via = -1;
        }
        // "According to X, Y said C": one claim. X's, with "Y said C" as its
        // content (PolNeAR gives each word one role and marks the outer
        // claim), unless a document relays someone it names ("according
        // to the statement, Keller said C": Keller's claim through the
        // statement). When the inner cue is dropped (a belief: "voters who
        // believe C, according to exit polls"; a label or a modal) the
        // outer claim stays.
        // A poll that a source preposition names ("In a poll, 41 percent
        // said C") relays the people it counts: their claim stays, through
        // the poll, beside the poll's finding.
        if (lex_->cues()[outer.cue_index].cue_class == CueClass::kAccording &&
            !lex_->cues()[outer.cue_index].source_only && !inner.drop) {
          if (outer.document && NamedSpeaker(text, inner.speaker)) {
            (*out)[i].drop = true;
          } else {
            inner.drop = true;
          }
        }
        break;
      }
    }
    // "The mayor blasted the levy, which the governor said would ruin
    // farmers": an attribution that stays a claim of its own inside what
    // another reports splits the sentence; the outer content ends where the
    // inner attribution begins (its speaker, else its cue), without the
    // connective before it. PolNeAR gives each word one role.
    for (size_t y = first; y < last; ++y) {
      Finding& outer = (*out)[by_unit[y].second];
      // (Not a poll's finding, "In a poll, just 8 percent said C": the
      // respondents it counts are part of what it found.)
      if (outer.drop || outer.cue.end == outer.cue.begin ||
          outer.content.empty() || outer.cue.begin > outer.content.front().begin ||
          lex_->cues()[outer.cue_index].source_only) {
        continue;
      }
      for (size_t x = first; x < last; ++x) {
        const Finding& inner = (*out)[by_unit[x].second];
        if (x == y || inner.drop || inner.cue.end == inner.cue.begin) continue;
        for (size_t ri = 0; ri < outer.content.size(); ++ri) {
          Range& r = outer.content[ri];
          if (r.begin > inner.cue.begin || inner.cue.end > r.end) continue;
          // "said they should respond by suggesting that C", "noted she
          // had been pilloried for acknowledging that C": a cue in -ing
          // right after a preposition inside a reported clause is a phrase
          // of that clause; the content does not end before it (PolNeAR
          // marks the outer claim whole). After the object of an act
          // ("attacked the council by reminding voters C") the preposition
          // goes with the participle.
          const size_t prep = PrepositionBeforeParticiple(*lex_, text, r.begin, inner.cue);
          if (prep > 0 && HoldsVerb(*lex_, text, r.begin, prep)) break;
          // "X urged Y to drop a general who suggested C", "73 percent of
          // voters who said C now back Y": a relative clause with no comma
          // before it restricts a noun of the reported clause; the cue in it
          // does not end that clause (PolNeAR marks the outer claim whole).
          if (RestrictiveRelativeBefore(*lex_, text, r.begin, inner.cue.begin)) break;
          // "said that Keller, who denied C last year, is now working with
          // them": a relative aside after a comma that a comma and an
          // auxiliary, copula or modal close is an aside of the reported
          // clause's subject; the clause goes on after it, the aside left
          // out (PolNeAR marks the outer claim in two parts around it).
          if (SplitAtClosedRelativeAside(*lex_, text, inner, ri, &outer)) break;
          // "claimed that, after the fact, she had been told C": a passive
          // cue of telling with no speaker inside a reported clause is that
          // clause's verb (its subject, the one told, is in the clause): the
          // clause goes on. (Not other passives: "as X is attacked while Y is
          // celebrated" are claims of their own in PolNeAR.)
          if (inner.speaker.end == inner.speaker.begin && inner.cue.begin > r.begin &&
              lex_->cues()[inner.cue_index].cue_class == CueClass::kTell) {
            uint32_t e = inner.cue.begin;
            while (e > r.begin && text[e - 1] == ' ') --e;
            uint32_t w = e;
            while (w > r.begin && absl::ascii_isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
            if (w < e && lex_->FunctionWord(absl::AsciiStrToLower(text.substr(w, e - w))) ==
                             WordClass::kCop) {
              break;
            }
          }
          uint32_t cut = inner.cue.begin;
          const Range& before = inner.speaker.end > inner.speaker.begin ? inner.speaker
                                                                        : inner.noun_modifiers;
          if (before.end > before.begin && before.begin >= r.begin && before.begin < cut) {
            cut = before.begin;
          }
          cut = TrimConnective(*lex_, text, r.begin, cut);
          if (prep > 0 && prep < cut) {
            cut = prep;
            while (cut > r.begin && text[cut - 1] == ' ') --cut;
          }
          if (cut >= r.begin + 3) {
            r.end = cut;
            outer.content.resize(ri + 1);
          }
          break;
        }
      }
    }
  }

  for (Finding& f : *out) f.drop |= f.cut_only;

  // "something riders say could change C", "C - something Moscow denies": an
  // indefinite pronoun of a thing (class indef, in "-thing") that opens a
  // speaker of more words is the object of a relative clause without "that";
  // the words after it speak. (Last, once every content is set: the ends of
  // the contents before look at the speaker's first word.)
  for (Finding& f : *out) {
    if (f.speaker.end <= f.speaker.begin) continue;
    const absl::string_view sp = text.substr(f.speaker.begin, f.speaker.end - f.speaker.begin);
    const size_t space = sp.find(' ');
    if (space == absl::string_view::npos || space + 1 >= sp.size() ||
        !absl::EndsWithIgnoreCase(sp.substr(0, space), "thing")) {
      continue;
    }
    const WordClass c = lex_->FunctionWord(absl::AsciiStrToLower(sp.substr(0, space)));
    if (c != WordClass::kIndefinite) continue;
    // (The words after it open a noun phrase: a determiner, a possessive,
    // a pronoun or a word of no closed class; not "something like 70
    // percent", "nothing about this deal", "anything but".)
    absl::string_view next = sp.substr(space + 1);
    next = next.substr(0, next.find(' '));
    const WordClass n = lex_->FunctionWord(absl::AsciiStrToLower(next));
    if (n != WordClass::kNone && n != WordClass::kDet && n != WordClass::kPoss &&
        n != WordClass::kPron && n != WordClass::kIndefinite) {
      continue;
    }
    f.speaker.begin += static_cast<uint32_t>(space + 1);
  }
}

}  // namespace internal
}  // namespace whosaid
