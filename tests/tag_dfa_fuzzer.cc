// Fuzzes the rule-pattern reader of TagDfa and TagSubmatcher against RE2.
// The input is a pattern, a newline, then a tag string (its first 40 bytes).
// Compile() must refuse a pattern it cannot read (null), never crash; a
// pattern ReadTagPattern() vouches for must compile in RE2; when
// both RE2 and our matcher take the pattern, every answer must be RE2's:
// match or not for each search mode, where the leftmost match starts, and
// the groups. A difference aborts.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "internal/tag_dfa.h"
#include "re2/re2.h"

namespace {

using whosaid::internal::TagDfa;
using whosaid::internal::TagSubmatcher;

[[noreturn]] void Fail(const char* what, absl::string_view pattern,
                       absl::string_view text, size_t start, size_t end) {
  std::fprintf(stderr, "tag_dfa_fuzzer: %s differs from RE2 for /%.*s/ on "
               "\"%.*s\" [%zu, %zu)\n", what,
               static_cast<int>(pattern.size()), pattern.data(),
               static_cast<int>(text.size()), text.data(), start, end);
  std::abort();
}

RE2::Options Options() {
  RE2::Options o;  // as the Attributor's rules (RuleOptions)
  o.set_log_errors(false);
  o.set_max_mem(64 << 20);
  return o;
}

// RE2 of Debian 12 (20220601) can merge the alternatives of an alternation
// of classes and single bytes wrongly: "(?:[Np]|[Pp])" does not match "P"
// (google/re2 issue 467, fixed upstream in 2023). The same pattern with an
// empty group after each class or byte that takes no quantifier reads the
// same language and keeps its groups, and RE2 does not merge it: the second
// opinion asked where RE2's first answer differs from ours.
std::string Unmerged(absl::string_view p) {
  std::string out;
  size_t i = 0;
  while (i < p.size()) {
    const size_t from = i;
    bool atom = true;
    if (p[i] == '\\') {
      i = std::min(p.size(), i + 2);
    } else if (p[i] == '[') {
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
      i = std::min(p.size(), j + 1);
    } else if (p[i] == '(' && i + 1 < p.size() && p[i + 1] == '?') {
      const size_t close = p.find_first_of(":>", i);
      i = close == absl::string_view::npos ? p.size() : close + 1;
      atom = false;
    } else {
      atom = absl::string_view("()|^$*+?{}").find(p[i]) == absl::string_view::npos;
      ++i;
    }
    out.append(p.data() + from, i - from);
    if (atom && (i == p.size() || absl::string_view("*+?{").find(p[i]) ==
                                      absl::string_view::npos)) {
      out += "(?:)";
    }
  }
  return out;
}

// RE2 on `pattern` and on Unmerged(pattern): the second when the first
// differs from what our matcher answers and the second agrees with it.
class Oracle {
 public:
  Oracle(absl::string_view pattern, const RE2& re)
      : re_(re), unmerged_(Unmerged(pattern), Options()) {}

  const RE2& re() const { return re_; }
  const RE2& unmerged() const { return unmerged_; }
  // The RE2 to believe when ours answered `got`: RE2's, unless only the
  // unmerged pattern's answer agrees with ours.
  const RE2& For(int got, const re2::StringPiece& text, size_t start,
                 size_t end, RE2::Anchor anchor) const {
    const bool first = re_.Match(text, start, end, anchor, nullptr, 0);
    if (got == (first ? 1 : 0) || !unmerged_.ok() ||
        unmerged_.NumberOfCapturingGroups() != re_.NumberOfCapturingGroups()) {
      return re_;
    }
    const bool second = unmerged_.Match(text, start, end, anchor, nullptr, 0);
    return got == (second ? 1 : 0) ? unmerged_ : re_;
  }

 private:
  const RE2& re_;
  const RE2 unmerged_;
};

// TagDfa::Match against RE2 with `anchor`, on every span of `text`.
void CheckDfa(absl::string_view pattern, const Oracle& oracle, TagDfa::Mode mode,
              RE2::Anchor anchor, absl::string_view text) {
  auto dfa = TagDfa::Compile(pattern, mode);
  if (dfa == nullptr) return;
  const re2::StringPiece piece(text.data(), text.size());
  for (size_t start = 0; start <= text.size(); ++start) {
    for (size_t end = start; end <= text.size(); ++end) {
      const int got = dfa->Match(text, start, end);
      if (got < 0) continue;
      const RE2& re = oracle.For(got, piece, start, end, anchor);
      const bool want = re.Match(piece, start, end, anchor, nullptr, 0);
      if (got != (want ? 1 : 0)) Fail("TagDfa::Match", pattern, text, start, end);
    }
  }
}

// TagSubmatcher::Match against RE2 (ANCHOR_BOTH or ANCHOR_START), groups
// included, on every span of `text`.
void CheckGroups(absl::string_view pattern, const Oracle& oracle,
                 absl::string_view text) {
  auto sub = TagSubmatcher::Compile(pattern);
  if (sub == nullptr) return;
  if (sub->groups() != oracle.re().NumberOfCapturingGroups()) {
    Fail("TagSubmatcher::groups", pattern, text, 0, 0);
  }
  const int n = sub->groups() + 1;
  std::vector<re2::StringPiece> g(n), h(n);
  const re2::StringPiece piece(text.data(), text.size());
  for (int both = 0; both < 2; ++both) {
    for (size_t start = 0; start <= text.size(); ++start) {
      for (size_t end = start; end <= text.size(); ++end) {
        const int got = sub->Match(text, start, end, both, h.data(), n);
        if (got < 0) continue;
        const RE2::Anchor anchor = both ? RE2::ANCHOR_BOTH : RE2::ANCHOR_START;
        const RE2& re = oracle.For(got, piece, start, end, anchor);
        const bool want = re.Match(piece, start, end, anchor, g.data(), n);
        if (got != (want ? 1 : 0)) {
          Fail("TagSubmatcher::Match", pattern, text, start, end);
        }
        auto same_groups = [&] {
          for (int i = 0; i < n; ++i) {
            if (g[i].data() != h[i].data() || g[i].size() != h[i].size()) {
              return false;
            }
          }
          return true;
        };
        // (Both may match while RE2's merged alternation takes another
        // path to its match: "(?:[dpjNo0]|[Pp])...|" on "P" matches the
        // empty alternative in RE2, the first in ours. The unmerged
        // pattern's groups are then the second opinion.)
        if (want && !same_groups() &&
            !(&re == &oracle.re() && oracle.unmerged().ok() &&
              oracle.unmerged().NumberOfCapturingGroups() + 1 == n &&
              oracle.unmerged().Match(piece, start, end, anchor, g.data(), n) &&
              same_groups())) {
          Fail("a TagSubmatcher group", pattern, text, start, end);
        }
      }
    }
  }
}

// kReverse, on the pattern made to end at the end of the text (as a
// left-to-cue pattern is): the answer and where the leftmost match starts,
// on each prefix of `text`.
void CheckReverse(absl::string_view pattern, absl::string_view text) {
  const std::string ending = "(?:" + std::string(pattern) + ")$";
  auto dfa = TagDfa::Compile(ending, TagDfa::kReverse);
  if (dfa == nullptr) return;
  const RE2 first(ending, Options());
  if (!first.ok()) return;
  const Oracle oracle(ending, first);
  re2::StringPiece whole;
  for (size_t end = 0; end <= text.size(); ++end) {
    const absl::string_view t = text.substr(0, end);
    const re2::StringPiece piece(t.data(), t.size());
    const int got = dfa->Match(t, 0, end);
    const RE2& re = got < 0 ? first : oracle.For(got, piece, 0, end, RE2::UNANCHORED);
    const bool want = re.Match(piece, 0, end, RE2::UNANCHORED, &whole, 1);
    if (got >= 0 && got != (want ? 1 : 0)) {
      Fail("TagDfa::Match (reverse)", ending, t, 0, end);
    }
    const int leftmost = dfa->LeftmostStart(t);
    if (leftmost == -2) continue;
    if (leftmost != (want ? whole.data() - t.data() : -1)) {
      // RE2's merged classes can move the start too: the second opinion.
      re2::StringPiece other;
      const bool found =
          oracle.unmerged().ok() &&
          oracle.unmerged().Match(piece, 0, end, RE2::UNANCHORED, &other, 1);
      if (!oracle.unmerged().ok() ||
          leftmost != (found ? other.data() - t.data() : -1)) {
        Fail("TagDfa::LeftmostStart", ending, t, 0, end);
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t newline = input.find('\n');
  const absl::string_view pattern = input.substr(0, newline);
  absl::string_view text;
  if (newline != absl::string_view::npos) text = input.substr(newline + 1, 40);

  // Whatever RE2 thinks of it, reading the pattern must not crash.
  const std::unique_ptr<TagDfa> probe =
      TagDfa::Compile(pattern, TagDfa::kAnchored);
  const std::unique_ptr<TagSubmatcher> sub = TagSubmatcher::Compile(pattern);
  // A pattern ReadTagPattern vouches for must compile in RE2, with the
  // same groups and names.
  int groups = 0;
  std::map<std::string, int> names;
  const bool vouched = whosaid::internal::ReadTagPattern(pattern, &groups, &names);
  if (probe == nullptr && sub == nullptr && !vouched) return 0;
  const RE2 re(re2::StringPiece(pattern.data(), pattern.size()), Options());
  if (vouched && (!re.ok() || groups != re.NumberOfCapturingGroups() ||
                  names != re.NamedCapturingGroups())) {
    Fail("ReadTagPattern", pattern, text, 0, 0);
  }
  if (!re.ok()) return 0;

  const Oracle oracle(pattern, re);
  CheckDfa(pattern, oracle, TagDfa::kAnchored, RE2::ANCHOR_START, text);
  CheckDfa(pattern, oracle, TagDfa::kUnanchored, RE2::UNANCHORED, text);
  CheckGroups(pattern, oracle, text);
  CheckReverse(pattern, text);
  return 0;
}
