#include "internal/tag_dfa.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/types/span.h"

namespace whosaid {
namespace internal {

namespace {

// The bytes TagDfa reads: ASCII but the newline (which "." does not match
// and negated classes do in RE2: not followed here).
bool Readable(unsigned char c) { return c < 128 && c != '\n'; }

// The bytes of the tag strings the rules read (the tagger's tags and the
// cue marks, see rules.tsv), each with a slot of TagDfa::slot_column_ in
// this order; any other byte takes the last slot.
constexpr absl::string_view kTagBytes = "@%&=_CNPQRbdgijlnopqrstvwxz0(),-.:;~";

struct TagSlots {
  constexpr TagSlots() : slot() {
    for (int b = 0; b < 256; ++b) slot[b] = kTagBytes.size();
    for (size_t k = 0; k < kTagBytes.size(); ++k) {
      slot[static_cast<unsigned char>(kTagBytes[k])] = static_cast<uint8_t>(k);
    }
  }
  uint8_t slot[256];
};
constexpr TagSlots kTagSlotOf;

inline int TagSlot(unsigned char b) { return kTagSlotOf.slot[b]; }

// A node of a parsed pattern. The nodes of a pattern are kept in one
// vector, each node's kids a run of it: a pattern of a few hundred nodes
// costs no allocation per node.
struct Node {
  enum Kind { kSet, kCat, kAlt, kRepeat, kBegin, kEnd, kEmpty, kCapture };
  Kind kind = kEmpty;
  std::bitset<128> set;
  int first = 0, count = 0;  // the kids: [first, first + count) of the nodes
  int min = 0, max = 0;      // kRepeat; max -1: no bound
  bool lazy = false;         // kRepeat
  int cap = 0;               // kCapture: the group's number (from 1)
};
using Nodes = std::vector<Node>;

// The kids of n, one of `nodes`.
absl::Span<const Node> Kids(const Nodes& nodes, const Node& n) {
  return absl::MakeConstSpan(nodes.data() + n.first, static_cast<size_t>(n.count));
}

// Whether node n can match the empty string.
bool Nullable(const Nodes& nodes, const Node& n) {
  const absl::Span<const Node> kids = Kids(nodes, n);
  switch (n.kind) {
    case Node::kSet:
      return false;
    case Node::kCat:
      for (const Node& kid : kids) {
        if (!Nullable(nodes, kid)) return false;
      }
      return true;
    case Node::kAlt:
      for (const Node& kid : kids) {
        if (Nullable(nodes, kid)) return true;
      }
      return false;
    case Node::kRepeat:
      return n.min == 0 || Nullable(nodes, kids[0]);
    case Node::kCapture:
      return Nullable(nodes, kids[0]);
    default:  // kBegin, kEnd, kEmpty
      return true;
  }
}

// Reads the syntax described in tag_dfa.h; ok() false on anything else.
class Parser {
 public:
  // The nodes below the root go to *nodes.
  Parser(absl::string_view p, Nodes* nodes) : p_(p), nodes_(nodes) {
    // (Room for the nodes of most patterns: a byte of the pattern gives
    // at most one, most bytes of a class or a group's syntax none, and
    // growing the vectors a node at a time cost more than reading them.)
    pending_.reserve(p.size() / 4 + 16);
    nodes_->reserve(p.size() / 4 + 16);
  }

  bool Parse(Node* out) {
    *out = Alternation();
    return ok_ && i_ == p_.size();
  }

  int groups() const { return groups_; }
  const std::map<std::string, int>& names() const { return names_; }
  // False when RE2 might read the pattern otherwise or refuse it (see
  // ReadTagPattern): a count over 1000, an escape of a byte that is no
  // operator, a repeated "^" or "$", a bad or repeated group name, deep
  // nesting.
  bool sure() const { return sure_; }

 private:
  bool More() const { return i_ < p_.size(); }
  char Peek() const { return p_[i_]; }

  // Moves the nodes read from pending_[from] on to the end of the nodes,
  // as the kids of `parent`.
  void Adopt(size_t from, Node* parent) {
    parent->first = static_cast<int>(nodes_->size());
    parent->count = static_cast<int>(pending_.size() - from);
    nodes_->insert(nodes_->end(), pending_.begin() + from, pending_.end());
    pending_.resize(from);
  }

  // Puts `kid` at the end of the nodes as the only kid of `parent`.
  void AdoptOne(const Node& kid, Node* parent) {
    parent->first = static_cast<int>(nodes_->size());
    parent->count = 1;
    nodes_->push_back(kid);
  }

  Node Alternation() {
    Node first = Concatenation();
    if (!More() || Peek() != '|') return first;
    Node alt;
    alt.kind = Node::kAlt;
    const size_t from = pending_.size();
    pending_.push_back(first);
    while (ok_ && More() && Peek() == '|') {
      ++i_;
      pending_.push_back(Concatenation());
    }
    Adopt(from, &alt);
    return alt;
  }

  Node Concatenation() {
    Node cat;
    cat.kind = Node::kCat;
    const size_t from = pending_.size();
    while (ok_ && More() && Peek() != '|' && Peek() != ')') {
      pending_.push_back(Repetition());
    }
    Adopt(from, &cat);
    return cat;
  }

  // Reads "{n}", "{n,}" or "{n,m}" at i_; false (i_ unchanged) otherwise.
  bool Counts(int* min, int* max) {
    size_t j = i_ + 1;
    auto number = [&](int* n) {
      size_t start = j;
      *n = 0;
      while (j < p_.size() && absl::ascii_isdigit(p_[j]) && j - start < 4) {
        *n = *n * 10 + (p_[j] - '0');
        ++j;
      }
      // RE2 reads a count with a leading zero ("{01}") as literal text.
      return j > start && (j >= p_.size() || !absl::ascii_isdigit(p_[j])) &&
             (j - start == 1 || p_[start] != '0');
    };
    if (!number(min)) return false;
    *max = *min;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      if (j < p_.size() && p_[j] == '}') {
        *max = -1;
      } else if (!number(max)) {
        return false;
      }
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    if (*max >= 0 && *max < *min) return false;
    if (*min > 1000 || *max > 1000) sure_ = false;  // RE2's bound
    i_ = j + 1;
    return true;
  }

  Node Repetition() {
    Node atom = Atom();
    if (!ok_ || !More()) return atom;
    int min = 0, max = 0;
    const char c = Peek();
    if (c == '*') {
      min = 0, max = -1, ++i_;
    } else if (c == '+') {
      min = 1, max = -1, ++i_;
    } else if (c == '?') {
      min = 0, max = 1, ++i_;
    } else if (c == '{') {
      if (!Counts(&min, &max)) {
        ok_ = false;  // RE2 reads a literal "{" there: not followed here
        return atom;
      }
    } else {
      return atom;
    }
    if (atom.kind == Node::kBegin || atom.kind == Node::kEnd) sure_ = false;
    bool lazy = false;
    if (More() && Peek() == '?') {  // lazy: the same language, not groups
      lazy = true;
      ++i_;
    }
    // A second quantifier is an error to RE2, or a flag-dependent reading.
    if (More() && (Peek() == '*' || Peek() == '+' || Peek() == '?' ||
                   Peek() == '{')) {
      ok_ = false;
    }
    Node rep;
    rep.kind = Node::kRepeat;
    rep.min = min;
    rep.max = max;
    rep.lazy = lazy;
    AdoptOne(atom, &rep);
    return rep;
  }

  // One byte, literal or escaped punctuation, at i_ (inside a class or not).
  bool Literal(unsigned char* c) {
    if (!More()) return false;
    if (Peek() == '\\') {
      ++i_;
      if (!More() || absl::ascii_isalnum(Peek())) return false;
      // (RE2 reads an escaped operator as itself; other escapes vary.)
      static constexpr absl::string_view kOperators = "\\.+*?()|[]{}^$-";
      if (kOperators.find(Peek()) == absl::string_view::npos) sure_ = false;
    }
    *c = static_cast<unsigned char>(p_[i_++]);
    return *c < 128 && *c != '\n';
  }

  Node Atom() {
    Node n;
    const char c = Peek();
    if (c == '(') {
      // Each level of groups costs stack here and when the pattern is
      // compiled: past 1000 levels (where RE2 itself stops), refused.
      if (++depth_ > 1000) {
        ok_ = false;
        return n;
      }
      if (depth_ > 100) sure_ = false;
      ++i_;
      int cap = 0;
      if (p_.substr(i_, 2) == "?:") {
        i_ += 2;
      } else if (p_.substr(i_, 3) == "?P<") {
        const size_t close = p_.find('>', i_);
        if (close == absl::string_view::npos) {
          ok_ = false;
          return n;
        }
        const absl::string_view name = p_.substr(i_ + 3, close - i_ - 3);
        bool word = !name.empty() && absl::ascii_isalpha(name[0]);
        for (char c : name) word &= absl::ascii_isalnum(c) || c == '_';
        i_ = close + 1;
        cap = ++groups_;
        if (!word || !names_.emplace(std::string(name), cap).second) {
          sure_ = false;
        }
      } else if (More() && Peek() == '?') {
        ok_ = false;  // flags, look-arounds: not read here
        return n;
      } else {
        cap = ++groups_;
      }
      n = Alternation();
      if (!More() || Peek() != ')') {
        ok_ = false;
        return n;
      }
      ++i_;
      --depth_;
      if (cap == 0) return n;
      Node group;
      group.kind = Node::kCapture;
      group.cap = cap;
      AdoptOne(n, &group);
      return group;
    }
    if (c == '[') return Class();
    if (c == '.') {
      ++i_;
      n.kind = Node::kSet;
      n.set.set().reset('\n');  // (as in Class(): never read)
      return n;
    }
    if (c == '^' || c == '$') {
      ++i_;
      n.kind = c == '^' ? Node::kBegin : Node::kEnd;
      return n;
    }
    if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')' ||
        c == '|') {
      ok_ = false;
      return n;
    }
    unsigned char b;
    if (!Literal(&b)) {
      ok_ = false;
      return n;
    }
    n.kind = Node::kSet;
    n.set[b] = true;
    return n;
  }

  Node Class() {
    Node n;
    n.kind = Node::kSet;
    ++i_;  // '['
    bool negated = false;
    if (More() && Peek() == '^') {
      negated = true;
      ++i_;
    }
    bool first = true;
    while (true) {
      if (!More()) {
        ok_ = false;
        return n;
      }
      if (Peek() == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (Peek() == '[') {  // "[:alpha:]" and the like: not read here
        ok_ = false;
        return n;
      }
      unsigned char lo;
      if (!Literal(&lo)) {
        ok_ = false;
        return n;
      }
      unsigned char hi = lo;
      if (i_ + 1 < p_.size() && Peek() == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (!Literal(&hi) || hi < lo) {
          ok_ = false;
          return n;
        }
      }
      for (int b = lo; b <= hi; ++b) n.set[b] = true;
    }
    if (negated) n.set.flip();
    n.set['\n'] = false;  // never read: Match() leaves such text to RE2
    return n;
  }

  absl::string_view p_;
  Nodes* const nodes_;
  // The kids read of the alternations and concatenations open at i_, the
  // innermost last.
  std::vector<Node> pending_;
  size_t i_ = 0;
  bool ok_ = true;
  bool sure_ = true;
  int groups_ = 0;
  std::map<std::string, int> names_;
  int depth_ = 0;  // of the groups open at i_
};

// What ReadTagPattern() bounds in a parsed pattern: the largest product of
// the counts of nested counted repetitions ("x{n,m}": m, or n when there is
// no bound; "*", "+", "?": 1), as RE2 bounds it, and about how many
// instructions the program takes once its repetitions are spelled out;
// each at most 1e9 (more is no different to the caller).
struct Bounds {
  int64_t repeat_product = 1;
  int64_t program_size = 1;
};

// Bounds of `root` (not one of `nodes`) and the nodes below it. A node's
// kids come before it in `nodes` (the parser adds them first), so one pass
// in order has each node's kids worked out before it: no recursion.
Bounds BoundsOf(const Nodes& nodes, const Node& root) {
  std::vector<Bounds> of(nodes.size());
  auto bound = [&](const Node& n) {
    Bounds b;
    for (int k = n.first; k < n.first + n.count; ++k) {
      b.repeat_product = std::max(b.repeat_product, of[k].repeat_product);
      b.program_size += of[k].program_size;
    }
    if (n.kind == Node::kRepeat) {
      const int64_t count = std::max({n.min, n.max, 1});
      b.repeat_product =
          std::min<int64_t>(b.repeat_product * count, 1000000000);
      b.program_size *= count + 1;
    }
    b.program_size = std::min<int64_t>(b.program_size, 1000000000);
    return b;
  };
  for (size_t k = 0; k < nodes.size(); ++k) of[k] = bound(nodes[k]);
  return bound(root);
}

// Sets of bytes of which every match of a part holds one, at most kKept of
// them, the smallest (those most often absent) first; none holds another
// (that one would say less).
struct NeededSets {
  static constexpr int kKept = 8;
  std::bitset<128> set[kKept];
  int n = 0;
  void Add(const std::bitset<128>& s) {
    for (int k = 0; k < n; ++k) {
      if ((set[k] & ~s).none()) return;  // set[k] is within s
    }
    int kept = 0;
    for (int k = 0; k < n; ++k) {
      if ((s & ~set[k]).any()) set[kept++] = set[k];
    }
    n = kept;
    // In order of size: the largest falls out when all are kept.
    int at = n;
    while (at > 0 && set[at - 1].count() > s.count()) --at;
    if (at == kKept) return;
    for (int k = std::min(n, kKept - 1); k > at; --k) set[k] = set[k - 1];
    set[at] = s;
    n = std::min(n + 1, kKept);
  }
};

// TagPattern::NeededSets() for node n, one of `nodes`: a set outside
// repetitions that may be skipped gives itself (unless it holds byte 127,
// as a negated class or "." do: see the header); a concatenation the sets
// of its parts; an alternation a set for each pair of its alternatives'
// sets, their union (each alternative holds a byte of its own).
NeededSets NeededSetsOf(const Nodes& nodes, const Node& n) {
  NeededSets f;
  const absl::Span<const Node> kids = Kids(nodes, n);
  switch (n.kind) {
    case Node::kSet:
      if (n.set.any() && !n.set[127]) f.Add(n.set);
      break;
    case Node::kCat:
      for (const Node& kid : kids) {
        const NeededSets g = NeededSetsOf(nodes, kid);
        for (int k = 0; k < g.n; ++k) f.Add(g.set[k]);
      }
      break;
    case Node::kAlt:
      for (size_t k = 0; k < kids.size(); ++k) {
        if (k > 0 && f.n == 0) break;  // no set, whatever the others hold
        const NeededSets g = NeededSetsOf(nodes, kids[k]);
        if (k == 0) {
          f = g;
          continue;
        }
        NeededSets both;
        for (int a = 0; a < f.n; ++a) {
          for (int b = 0; b < g.n; ++b) both.Add(f.set[a] | g.set[b]);
        }
        f = both;
      }
      break;
    case Node::kRepeat:
      if (n.min >= 1) f = NeededSetsOf(nodes, kids[0]);
      break;
    case Node::kCapture:
      f = NeededSetsOf(nodes, kids[0]);
      break;
    default:  // kBegin, kEnd, kEmpty
      break;
  }
  return f;
}

// The bytes a match of n can begin with (`last`: end with), and whether n
// can match the empty string.
struct Edge {
  std::bitset<128> bytes;
  bool empty = true;
};

Edge EdgeOf(const Nodes& nodes, const Node& n, bool last);

// EdgeOf() for the concatenation of `kids`.
Edge EdgeOfCat(const Nodes& nodes, absl::Span<const Node> kids, bool last) {
  Edge e;  // (empty so far)
  // A part adds its bytes while all before it (`last`: after it) can be
  // empty.
  for (size_t k = 0; k < kids.size() && e.empty; ++k) {
    const Edge g = EdgeOf(nodes, kids[last ? kids.size() - 1 - k : k], last);
    e.bytes |= g.bytes;
    e.empty = g.empty;
  }
  return e;
}

Edge EdgeOf(const Nodes& nodes, const Node& n, bool last) {
  const absl::Span<const Node> kids = Kids(nodes, n);
  Edge e;
  switch (n.kind) {
    case Node::kSet:
      e.bytes = n.set;
      e.empty = false;
      break;
    case Node::kCat:
      e = EdgeOfCat(nodes, kids, last);
      break;
    case Node::kAlt:
      e.empty = false;
      for (const Node& kid : kids) {
        const Edge g = EdgeOf(nodes, kid, last);
        e.bytes |= g.bytes;
        e.empty = e.empty || g.empty;
      }
      break;
    case Node::kRepeat:
      e = EdgeOf(nodes, kids[0], last);
      if (n.min == 0) e.empty = true;
      break;
    case Node::kCapture:
      e = EdgeOf(nodes, kids[0], last);
      break;
    default:  // kBegin, kEnd, kEmpty: no byte
      break;
  }
  return e;
}

}  // namespace

struct TagPattern::Tree {
  Nodes nodes;  // all but the root
  Node root;
  int groups = 0;  // capturing groups
};

bool ReadTagPattern(absl::string_view pattern, int* groups,
                    std::map<std::string, int>* names,
                    std::unique_ptr<TagPattern>* parsed) {
  std::unique_ptr<TagPattern> read(new TagPattern());
  read->tree_ = std::make_unique<TagPattern::Tree>();
  Nodes& nodes = read->tree_->nodes;
  Parser parser(pattern, &nodes);
  Node& root = read->tree_->root;
  // (RE2 refuses nested counts whose product passes 1000; a program of
  // 100000 instructions stays far below the memory RuleOptions give it.)
  if (!parser.Parse(&root) || !parser.sure()) return false;
  if (const Bounds b = BoundsOf(nodes, root);
      b.repeat_product > 1000 || b.program_size > 100000) {
    return false;
  }
  *groups = parser.groups();
  *names = parser.names();
  if (parsed != nullptr) {
    read->tree_->groups = parser.groups();
    *parsed = std::move(read);
  }
  return true;
}

TagPattern::TagPattern() = default;
TagPattern::~TagPattern() = default;

std::unique_ptr<TagPattern> TagPattern::Parse(absl::string_view pattern) {
  std::unique_ptr<TagPattern> parsed(new TagPattern());
  parsed->tree_ = std::make_unique<Tree>();
  Parser parser(pattern, &parsed->tree_->nodes);
  if (!parser.Parse(&parsed->tree_->root)) return nullptr;
  parsed->tree_->groups = parser.groups();
  return parsed;
}

std::vector<std::bitset<128>> TagPattern::NeededSets() const {
  const struct NeededSets sets = NeededSetsOf(tree_->nodes, tree_->root);
  return std::vector<std::bitset<128>>(sets.set, sets.set + sets.n);
}

bool TagPattern::EdgeBytes(bool last, std::bitset<128>* bytes) const {
  const Edge e = EdgeOf(tree_->nodes, tree_->root, last);
  if (e.empty) return false;
  *bytes = e.bytes;
  return true;
}

bool TagPattern::LastBytesBeforeLastPart(std::bitset<128>* bytes) const {
  const Node& root = tree_->root;
  if (root.kind != Node::kCat || root.count == 0) return false;
  const Edge e = EdgeOfCat(
      tree_->nodes, Kids(tree_->nodes, root).first(root.count - 1), true);
  if (e.empty) return false;
  *bytes = e.bytes;
  return true;
}

namespace {

// A Thompson automaton of a parsed pattern.
struct Nfa {
  enum Kind : uint8_t { kSet, kSplit, kEmpty, kBegin, kEnd, kMatch };
  struct State {
    Kind kind;
    int out = -1, out1 = -1;
    int set = -1;  // into sets, for kSet
  };
  std::vector<State> states;
  std::vector<std::bitset<128>> sets;  // distinct
  absl::flat_hash_map<std::pair<uint64_t, uint64_t>, int> set_index;
  bool too_big = false;
  // Builds the automaton of the reversed pattern, read from the end of the
  // text: concatenations run backward, and "$" holds where the reading
  // begins (kBegin), "^" where it ends (kEnd).
  bool reverse = false;

  int Add(Kind kind, int out, int out1 = -1) {
    if (states.size() > 20000) too_big = true;
    states.push_back({kind, out, out1, -1});
    return static_cast<int>(states.size()) - 1;
  }

  // The state that matches `n`, one of `nodes` or their root, and then
  // goes on to `next`.
  int Emit(const Nodes& nodes, const Node& n, int next) {
    if (too_big) return next;
    const absl::Span<const Node> kids = Kids(nodes, n);
    switch (n.kind) {
      case Node::kSet: {
        const int s = Add(kSet, next);
        // (Classes are kept once each: the columns are cut by each.)
        const std::bitset<128> low(~uint64_t{0});
        const std::pair<uint64_t, uint64_t> key((n.set & low).to_ullong(),
                                                (n.set >> 64).to_ullong());
        auto [it, added] = set_index.emplace(key, static_cast<int>(sets.size()));
        if (added) sets.push_back(n.set);
        states[s].set = it->second;
        return s;
      }
      case Node::kBegin:
        return Add(reverse ? kEnd : kBegin, next);
      case Node::kEnd:
        return Add(reverse ? kBegin : kEnd, next);
      case Node::kEmpty:
        return next;
      case Node::kCapture:
        return Emit(nodes, kids[0], next);
      case Node::kCat: {
        int s = next;
        if (reverse) {
          for (const Node& kid : kids) s = Emit(nodes, kid, s);
        } else {
          for (size_t k = kids.size(); k > 0; --k) s = Emit(nodes, kids[k - 1], s);
        }
        return s;
      }
      case Node::kAlt: {
        int s = Emit(nodes, kids.back(), next);
        for (size_t k = kids.size() - 1; k > 0; --k) {
          s = Add(kSplit, Emit(nodes, kids[k - 1], next), s);
        }
        return s;
      }
      case Node::kRepeat: {
        const Node& kid = kids[0];
        int s = next;
        if (n.max < 0) {
          const int loop = Add(kSplit, -1, next);
          states[loop].out = Emit(nodes, kid, loop);
          s = loop;
        } else {
          // The optional copies of x{n,m}, from the last (innermost) to the
          // first: each copy's states are [from, to) of the states, the
          // same fragment each (see `covers`).
          int prev_from = -1, prev_to = -1;
          for (int k = n.min; k < n.max; ++k) {
            const int from = static_cast<int>(states.size());
            const int body = Emit(nodes, kid, s);
            const int to = static_cast<int>(states.size());
            if (prev_from >= 0 && to - from == prev_to - prev_from) {
              for (int t = prev_from; t < prev_to; ++t) {
                if (states[t].kind == kSet || states[t].kind == kEnd) {
                  covers.emplace_back(t, from + (t - prev_from));
                }
              }
            }
            prev_from = from, prev_to = to;
            s = Add(kSplit, body, next);
          }
        }
        for (int k = 0; k < n.min; ++k) s = Emit(nodes, kid, s);
        return s;
      }
    }
    return next;
  }

  // Pairs (t, u) of states where whatever follows t also follows u (the
  // text that leads from t to the match, at the end of the text or not,
  // leads there from u): a set of states that holds both matches the same
  // texts without t. The optional copies of a counted repetition x{n,m}
  // give them: a copy is followed by the next one or by what follows the
  // repetition, so each copy's states are followed by less than those of
  // the copy before it (u: the state at the same place of the copy
  // before). Nested repetitions may give a state several pairs.
  std::vector<std::pair<int, int>> covers;
};

class Builder {
 public:
  explicit Builder(const Nfa& nfa) : nfa_(nfa), seen_(nfa.states.size(), 0) {}

  // Adds to `out` the states reachable from `s` without reading a byte:
  // those that read one, the match, and "$" when not `at_end`.
  void Close(int s, bool at_begin, bool at_end, std::vector<int>* out) {
    stack_.assign(1, s);
    while (!stack_.empty()) {
      const int t = stack_.back();
      stack_.pop_back();
      if (t < 0 || seen_[t] == generation_) continue;
      seen_[t] = generation_;
      const Nfa::State& st = nfa_.states[t];
      switch (st.kind) {
        case Nfa::kSet:
        case Nfa::kMatch:
          out->push_back(t);
          break;
        case Nfa::kSplit:
          stack_.push_back(st.out1);
          stack_.push_back(st.out);
          break;
        case Nfa::kEmpty:
          stack_.push_back(st.out);
          break;
        case Nfa::kBegin:
          if (at_begin) stack_.push_back(st.out);
          break;
        case Nfa::kEnd:
          if (at_end) {
            stack_.push_back(st.out);
          } else {
            out->push_back(t);
          }
          break;
      }
    }
  }

  void NewGeneration() { ++generation_; }

 private:
  const Nfa& nfa_;
  std::vector<int> seen_;
  int generation_ = 1;
  std::vector<int> stack_;
};

}  // namespace

namespace {

// The hash of a set of NFA states, from the nonzero words of its bitmap in
// order, each with its place: FoldWord() each, then FinishHash(). (Step
// knows which words it set: it hashes only those.)
inline uint64_t FoldWord(uint64_t h, size_t index, uint64_t word) {
  h ^= word + 0x9E3779B97F4A7C15ull * (index + 1);
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}
inline size_t FinishHash(uint64_t h) {
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return static_cast<size_t>(h ^ (h >> 33));
}

// A set of NFA states looked up among the automaton's states: its bitmap
// and the bitmap's hash.
struct StateKey {
  const uint64_t* bits;
  size_t hash;
};

// Hashes and compares the automaton's states (a state is its index: its
// bitmap is in `bits`, its hash in `hashes`, see TagDfa::Impl) and a
// StateKey looked up: the index holds each bitmap once, and each hash once
// (growing the index hashes every state again).
struct StateHash {
  using is_transparent = void;
  const std::vector<size_t>* hashes;
  size_t operator()(const StateKey& key) const { return key.hash; }
  size_t operator()(int32_t s) const { return (*hashes)[s]; }
};
struct StateEq {
  using is_transparent = void;
  const std::vector<uint64_t>* bits;
  const size_t* words;  // of a bitmap
  const uint64_t* Bits(int32_t s) const {
    return bits->data() + static_cast<size_t>(s) * *words;
  }
  const uint64_t* Bits(const StateKey& key) const { return key.bits; }
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    // (A few words: a loop costs less than a call to memcmp.)
    const uint64_t* x = Bits(a);
    const uint64_t* y = Bits(b);
    for (size_t w = 0; w < *words; ++w) {
      if (x[w] != y[w]) return false;
    }
    return true;
  }
};

// A set of NFA states as the bitmap words it sets (those from word `lo`),
// for Step to OR into its marks.
struct StateBits {
  StateBits() = default;
  // REQUIRES: `list` sorted.
  explicit StateBits(const std::vector<int>& list) {
    if (list.empty()) return;
    lo = static_cast<size_t>(list.front()) >> 6;
    words.assign((static_cast<size_t>(list.back()) >> 6) + 1 - lo, 0);
    for (int t : list) words[(static_cast<size_t>(t) >> 6) - lo] |= uint64_t{1} << (t & 63);
  }
  size_t lo = 0;
  std::vector<uint64_t> words;
};

// A set of NFA states as the bitmap words it sets, words [lo, lo + n) of
// a bitmap, kept from `at` in an array that holds those of many sets.
struct StepBits {
  static constexpr uint32_t kNotClosed = ~uint32_t{0};
  uint32_t at = kNotClosed;  // kNotClosed: not worked out yet
  uint16_t lo = 0;
  uint16_t n = 0;  // 0: the empty set
};

}  // namespace

struct TagDfa::Impl {
  explicit Impl(Nfa n)
      : nfa(std::move(n)),
        builder(nfa),
        words(nfa.states.size() / 64 + 1),
        index(0, StateHash{&hashes}, StateEq{&bits, &words}) {}
  // (Not copyable: `builder` and the functors of `index` point into it.)
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  Nfa nfa;
  Builder builder;
  int match = 0;  // the automaton's match state
  int max_states = 0;
  // One byte of each column.
  std::vector<unsigned char> representative;
  // The words of a bitmap of the NFA's states.
  size_t words = 0;
  // The states of the automaton, each a set of the NFA's states: state s
  // has the bitmap of `words` words from bits[s * words]; 0 is the empty
  // set (dead). Bitmaps rather than sorted lists: a step ORs the sets its
  // NFA states go to into a bitmap and looks that up as it is, with no list
  // to build, and a new state costs no allocation of its own. (Declared
  // before `index`, whose functors read them.)
  std::vector<uint64_t> bits;
  std::vector<size_t> hashes;  // of each state's bitmap (FoldWord)
  // The states by their bitmaps.
  absl::flat_hash_set<int32_t, StateHash, StateEq> index;
  // Where an unanchored search may start a match: after the beginning, at
  // every byte. Empty for the other modes.
  StateBits later;
  std::vector<int> scratch;
  // For each column c, from takes[c * words], the bitmap of the NFA states
  // that read its bytes, made when a step first reads the column
  // (takes_made[c]): a step goes from those of its state's NFA states at
  // once, with no test of each one's class.
  std::vector<uint64_t> takes;
  std::vector<uint8_t> takes_made;
  // For each class k of nfa.sets, from readers[k * words], the bitmap of
  // the NFA states that read it (made with the first step): a column's
  // `takes` is the union of those of the classes that hold its bytes.
  std::vector<uint64_t> readers;
  // For each state t of the NFA that reads a byte, the states reached
  // from there without reading another (Close of its `out` away from the
  // ends of the text): the words of after[t], from after_words[after[t].at].
  // Each worked out the first time a step needs it (CloseAfter), its words
  // appended to one array: a step reads those of several NFA states, each
  // likely out of the cache, and a vector each cost a miss for the vector
  // and another for its words (news.jsonl: 161k steps, 34.5k states built).
  std::vector<StepBits> after;
  std::vector<uint64_t> after_words;

  // Works out after[t].
  void CloseAfter(size_t t) {
    scratch.clear();
    builder.NewGeneration();
    builder.Close(nfa.states[t].out, /*at_begin=*/false, /*at_end=*/false,
                  &scratch);
    StepBits& ref = after[t];
    ref.at = static_cast<uint32_t>(after_words.size());
    if (scratch.empty()) return;
    // (Marked in place at the end of after_words: no sort, no vector of
    // its own to allocate and free.)
    const auto [least, most] =
        std::minmax_element(scratch.begin(), scratch.end());
    const size_t lo = static_cast<size_t>(*least) >> 6;
    const size_t n = (static_cast<size_t>(*most) >> 6) + 1 - lo;
    ref.lo = static_cast<uint16_t>(lo);
    ref.n = static_cast<uint16_t>(n);
    after_words.resize(after_words.size() + n, 0);
    uint64_t* const words = after_words.data() + ref.at;
    for (int u : scratch) {
      words[(static_cast<size_t>(u) >> 6) - lo] |= uint64_t{1} << (u & 63);
    }
  }
  // A bitmap of the NFA's states, for Step and Intern; all clear between
  // their uses.
  std::vector<uint64_t> marks;
  // The states of Nfa::covers, as a bitmap of the states t (`covered`) and,
  // from cover_at[t] to cover_at[t + 1] of `cover`, the states u that cover
  // them (those of their pairs, and those that cover these in turn). A
  // state of the automaton is kept without the NFA states covered by
  // another it holds (InternMarks): the sets of a counted repetition
  // searched from several places at once ("[^,.]{0,9}" unanchored or read
  // backward) are then one state for each copy the last start may be in.
  // The answers of the automaton (a match at each place, the dead state)
  // depend only on what texts its states match, so they are the same; the
  // states are fewer, and so the steps that build them. (With `rest`
  // below, news.jsonl: 34.5k states and 161k steps before, 20.3k and 117k
  // after.)
  std::vector<uint64_t> covered;
  std::vector<int> cover_at;
  std::vector<int> cover;
  // Scratch for InternMarks: the states to drop.
  std::vector<uint64_t> drop;
  // Bitmaps of the NFA's states. `end_only`: the states that read a byte
  // and reach the match only through "$" (kEnd), so only at the end of the
  // text; `rest`: those that read any byte and from which every text, at
  // its end, reaches the match (the "." of ".*$", of ".*[.]?$"), in which
  // the search stays. A set that holds one of `rest` matches, from every
  // place, all that a state of `end_only` matches: such a set is kept
  // without the others of `end_only`. (A right half "...(?:{TRAIL}|,.*)?
  // [.]?$" follows every alternative to the end of the sentence: once one
  // reaches its ".*", the sets of those still followed are one state.)
  // Empty when the NFA has no state of `rest`.
  std::vector<uint64_t> end_only;
  std::vector<uint64_t> rest;
};

TagDfa::TagDfa() = default;
TagDfa::~TagDfa() = default;

std::unique_ptr<TagDfa> TagDfa::Compile(absl::string_view pattern, Mode mode,
                                        int max_states) {
  const std::unique_ptr<TagPattern> parsed = TagPattern::Parse(pattern);
  return parsed == nullptr ? nullptr : Compile(*parsed, mode, max_states);
}

std::unique_ptr<TagDfa> TagDfa::Compile(const TagPattern& pattern, Mode mode,
                                        int max_states) {
  const TagPattern::Tree& tree = *pattern.tree_;
  Nfa nfa;
  nfa.reverse = mode == kReverse;
  // (Room for a state a node, as for the program in TagSubmatcher::Compile:
  // fewer steps of growth; repetitions may ask for more.)
  nfa.states.reserve(tree.nodes.size() + 16);
  const int match = nfa.Add(Nfa::kMatch, -1);
  const int start = nfa.Emit(tree.nodes, tree.root, match);
  if (nfa.too_big) return nullptr;

  std::unique_ptr<TagDfa> dfa(new TagDfa());
  dfa->reverse_ = mode == kReverse;
  dfa->impl_ = std::make_unique<Impl>(std::move(nfa));
  Impl& impl = *dfa->impl_;
  impl.match = match;
  impl.max_states = std::min(max_states, kMaxStates);
  // Bytes that every class takes or leaves alike share a column: the
  // readable bytes, split by each distinct class in turn.
  std::vector<std::bitset<128>> columns;
  columns.reserve(impl.nfa.sets.size() + 1);  // (room for a column a set)
  {
    std::bitset<128> readable;
    for (int b = 0; b < 128; ++b) readable[b] = Readable(b);
    columns.push_back(readable);
    for (const std::bitset<128>& set : impl.nfa.sets) {
      const size_t n = columns.size();
      for (size_t k = 0; k < n; ++k) {
        const std::bitset<128> in = columns[k] & set, out = columns[k] & ~set;
        if (in.any() && out.any()) {
          columns[k] = in;
          columns.push_back(out);
        }
      }
    }
  }
  // (Bytes not read here: the column after the others, see column_.)
  for (int b = 0; b < 256; ++b) {
    dfa->column_[b] = static_cast<uint8_t>(columns.size());
  }
  // (Each readable byte is in one column: its bits read a word at a time.)
  const std::bitset<128> low(~uint64_t{0});
  for (size_t k = 0; k < columns.size(); ++k) {
    int first = -1;
    const uint64_t words[2] = {(columns[k] & low).to_ullong(),
                               (columns[k] >> 64).to_ullong()};
    for (int w = 0; w < 2; ++w) {
      for (uint64_t bits = words[w]; bits != 0; bits &= bits - 1) {
        const int b = 64 * w + __builtin_ctzll(bits);
        if (first < 0) first = b;
        dfa->column_[b] = static_cast<uint8_t>(k);
      }
    }
    impl.representative.push_back(static_cast<unsigned char>(first));
  }
  dfa->columns_ = static_cast<uint8_t>(impl.representative.size());
  // (The columns and "not read": rows of a power of two cells, so that no
  // row of up to 32 cells crosses a line.)
  while ((1 << dfa->shift_) < dfa->columns_ + 1) ++dfa->shift_;
  static_assert(kTagBytes.size() + 1 == kTagSlots, "a slot for each tag");
  for (size_t k = 0; k < kTagBytes.size(); ++k) {
    dfa->slot_column_[k] =
        dfa->column_[static_cast<unsigned char>(kTagBytes[k])];
  }
  dfa->slot_column_[kTagBytes.size()] = dfa->columns_;
  impl.marks.assign(impl.words, 0);
  impl.drop.assign(impl.words, 0);
  if (!impl.nfa.covers.empty()) {
    // Each state's pairs, then those of the states that cover it, and so
    // on (a copy's state is covered by its place in every copy before it:
    // the set of two copies apart, without the one between, is one state
    // too). A state covers only states emitted before it (lower indices):
    // from the highest down, each takes in those of its own.
    // (The pairs by t, highest first; each t's states in `flat`, from
    // begin[t] to end[t].)
    std::vector<std::pair<int, int>> pairs = impl.nfa.covers;
    std::sort(pairs.begin(), pairs.end(), std::greater<>());
    const size_t n = impl.nfa.states.size();
    std::vector<int> begin(n, 0), end(n, 0), flat;
    for (size_t k = 0; k < pairs.size();) {
      const int t = pairs[k].first;
      const size_t from = flat.size();
      for (; k < pairs.size() && pairs[k].first == t; ++k) {
        const int u = pairs[k].second;
        flat.push_back(u);
        for (int j = begin[u]; j < end[u]; ++j) flat.push_back(flat[j]);
      }
      std::sort(flat.begin() + from, flat.end());
      flat.erase(std::unique(flat.begin() + from, flat.end()), flat.end());
      begin[t] = static_cast<int>(from);
      end[t] = static_cast<int>(flat.size());
    }
    impl.covered.assign(impl.words, 0);
    impl.cover_at.assign(n + 1, 0);
    impl.cover.reserve(flat.size());
    for (size_t t = 0; t < n; ++t) {
      if (end[t] > begin[t]) {
        impl.covered[t >> 6] |= uint64_t{1} << (t & 63);
        impl.cover.insert(impl.cover.end(), flat.begin() + begin[t],
                          flat.begin() + end[t]);
      }
      impl.cover_at[t + 1] = static_cast<int>(impl.cover.size());
    }
  }
  {
    // The states of `rest`: first those that read every readable byte.
    const std::vector<Nfa::State>& states = impl.nfa.states;
    const size_t n = states.size();
    std::vector<uint8_t> reads_all(impl.nfa.sets.size(), 0);
    {
      std::bitset<128> readable;
      for (int b = 0; b < 128; ++b) readable[b] = Readable(b);
      for (size_t k = 0; k < impl.nfa.sets.size(); ++k) {
        reads_all[k] = (readable & ~impl.nfa.sets[k]).none();
      }
    }
    std::vector<int> closure;
    for (size_t t = 0; t < n; ++t) {
      const Nfa::State& st = states[t];
      if (st.kind != Nfa::kSet || !reads_all[st.set]) continue;
      closure.clear();
      impl.builder.NewGeneration();
      impl.builder.Close(st.out, /*at_begin=*/false, /*at_end=*/false,
                         &closure);
      if (std::find(closure.begin(), closure.end(), static_cast<int>(t)) ==
          closure.end()) {
        continue;
      }
      closure.clear();
      impl.builder.NewGeneration();
      impl.builder.Close(st.out, /*at_begin=*/false, /*at_end=*/true, &closure);
      if (std::find(closure.begin(), closure.end(), match) == closure.end()) {
        continue;
      }
      if (impl.rest.empty()) impl.rest.assign(impl.words, 0);
      impl.rest[t >> 6] |= uint64_t{1} << (t & 63);
    }
    if (!impl.rest.empty()) {
      // The states that reach the match without "$": the match, then every
      // state an arrow leads from to one of them, but those of a "$",
      // until no more are found (at start-up, over a few hundred states).
      std::vector<uint8_t> reaches(n, 0);
      reaches[match] = 1;
      for (bool grew = true; grew;) {
        grew = false;
        for (size_t x = 0; x < n; ++x) {
          const Nfa::State& st = states[x];
          if (reaches[x] || st.kind == Nfa::kEnd) continue;
          if ((st.out >= 0 && reaches[st.out]) ||
              (st.out1 >= 0 && reaches[st.out1])) {
            reaches[x] = 1;
            grew = true;
          }
        }
      }
      impl.end_only.assign(impl.words, 0);
      for (size_t t = 0; t < n; ++t) {
        if (states[t].kind == Nfa::kSet && !reaches[t]) {
          impl.end_only[t >> 6] |= uint64_t{1} << (t & 63);
        }
      }
    }
  }
  impl.takes.assign(impl.representative.size() * impl.words, 0);
  impl.takes_made.assign(impl.representative.size(), 0);

  // (Room for the first states, which most automata do not outgrow: their
  // vectors grew from nothing a state at a time.)
  constexpr size_t kFirstStates = 32;
  dfa->state_.reserve(kFirstStates);
  impl.hashes.reserve(kFirstStates);
  impl.bits.reserve(kFirstStates * impl.words);
  // (No lock needed: nobody else sees the automaton yet.)
  std::vector<int> list;
  dfa->Intern(list);
  if (mode == kUnanchored) {
    std::vector<int> later;
    impl.builder.NewGeneration();
    impl.builder.Close(start, /*at_begin=*/false, /*at_end=*/false, &later);
    std::sort(later.begin(), later.end());
    impl.later = StateBits(later);
  }
  impl.builder.NewGeneration();
  impl.builder.Close(start, /*at_begin=*/true, /*at_end=*/false, &list);
  dfa->start_at_begin_ = dfa->CellOf(dfa->Intern(list));
  list.clear();
  impl.builder.NewGeneration();
  impl.builder.Close(start, /*at_begin=*/false, /*at_end=*/false, &list);
  dfa->start_later_ = dfa->CellOf(dfa->Intern(list));
  return dfa;
}

int TagDfa::states() const {
  std::lock_guard<TagDfaLock> lock(mu_);
  return static_cast<int>(impl_->hashes.size());
}

int32_t TagDfa::Intern(const std::vector<int>& list) const {
  Impl& impl = *impl_;
  uint64_t* marks = impl.marks.data();
  for (int t : list) marks[t >> 6] |= uint64_t{1} << (t & 63);
  const int32_t s = InternMarks(0, impl.words);
  std::fill_n(marks, impl.words, 0);
  return s;
}

int32_t TagDfa::InternMarks(size_t lo, size_t hi) const {
  Impl& impl = *impl_;
  uint64_t* marks = impl.marks.data();
  // The states covered by others of the set go (see Impl::covered). (A
  // state is dropped when a state that covers it is in the set as given:
  // that one is kept, or dropped for one that covers it in turn, and so on
  // up to one kept, whose texts take in those of all of them.)
  if (!impl.covered.empty()) {
    const uint64_t* covered = impl.covered.data();
    uint64_t* drop = impl.drop.data();
    bool any = false;
    for (size_t w = lo; w < hi; ++w) {
      for (uint64_t b = marks[w] & covered[w]; b != 0; b &= b - 1) {
        const int t = static_cast<int>(64 * w) + __builtin_ctzll(b);
        for (int k = impl.cover_at[t]; k < impl.cover_at[t + 1]; ++k) {
          const int u = impl.cover[k];
          if ((marks[u >> 6] >> (u & 63)) & 1) {
            drop[w] |= uint64_t{1} << (t & 63);
            any = true;
            break;
          }
        }
      }
    }
    if (any) {
      for (size_t w = lo; w < hi; ++w) {
        marks[w] &= ~drop[w];
        drop[w] = 0;
      }
    }
  }
  // (Then those of `end_only` but one of `rest`, see there.)
  if (!impl.rest.empty()) {
    const uint64_t* rest = impl.rest.data();
    for (size_t w = lo; w < hi; ++w) {
      const uint64_t b = marks[w] & rest[w];
      if (b == 0) continue;
      const uint64_t keep = b & (~b + 1);  // (its lowest)
      const uint64_t* end_only = impl.end_only.data();
      for (size_t v = lo; v < hi; ++v) marks[v] &= ~end_only[v];
      marks[w] |= keep;
      break;
    }
  }
  uint64_t hash = 0;
  for (size_t w = lo; w < hi; ++w) {
    if (marks[w] != 0) hash = FoldWord(hash, w, marks[w]);
  }
  const StateKey key{marks, FinishHash(hash)};
  auto it = impl.index.find(key);
  if (it != impl.index.end()) return *it;
  if (static_cast<int>(impl.hashes.size()) >= impl.max_states) return -1;
  const int32_t s = static_cast<int32_t>(impl.hashes.size());
  // Whether it holds a match now; at the end of the text: worked out when
  // a search first ends there (MatchAtEnd).
  const bool now = (marks[impl.match >> 6] >> (impl.match & 63)) & 1;
  state_.push_back((now ? kMatchNow | kAtEndKnown | kMatchAtEnd : 0) |
                   (s == 0 ? kDead : 0));
  // (The rows of states to come are filled ahead, doubling the cells: a
  // resize for each state's row cost a call that filled it a cell at a
  // time, next_'s allocator not being std::allocator.)
  const size_t cells = static_cast<size_t>(s + 1) << shift_;
  if (next_.size() < cells) {
    next_.resize(std::max(cells, 2 * next_.size()), kUnbuilt);
  }
  rows_ = next_.data();
  flags_ = state_.data();
  impl.bits.insert(impl.bits.end(), marks, marks + impl.words);
  impl.hashes.push_back(key.hash);
  impl.index.insert(s);
  return s;
}

inline bool TagDfa::MatchAtEnd(int32_t s) const {
  // (Inline, the answer worked out before: most searches that reach the
  // end of the text ask for one.)
  const uint8_t state = flags_[s];
  return state & kAtEndKnown ? (state & kMatchAtEnd) != 0
                             : WorkOutMatchAtEnd(s);
}

bool TagDfa::WorkOutMatchAtEnd(int32_t s) const {
  Impl& impl = *impl_;
  impl.scratch.clear();
  impl.builder.NewGeneration();
  const uint64_t* bits = impl.bits.data() + static_cast<size_t>(s) * impl.words;
  for (size_t w = 0; w < impl.words; ++w) {
    for (uint64_t b = bits[w]; b != 0; b &= b - 1) {
      impl.builder.Close(static_cast<int>(64 * w) + __builtin_ctzll(b),
                         /*at_begin=*/false, /*at_end=*/true, &impl.scratch);
    }
  }
  const bool match = std::find(impl.scratch.begin(), impl.scratch.end(),
                               impl.match) != impl.scratch.end();
  state_[s] |= kAtEndKnown | (match ? kMatchAtEnd : 0);
  return match;
}

int32_t TagDfa::Step(int32_t s, int c) const {
  Impl& impl = *impl_;
  const size_t words = impl.words;
  if (impl.after.empty()) {
    impl.after.resize(impl.nfa.states.size());
    impl.readers.assign(impl.nfa.sets.size() * words, 0);
    for (size_t t = 0; t < impl.nfa.states.size(); ++t) {
      const Nfa::State& st = impl.nfa.states[t];
      if (st.kind == Nfa::kSet) {
        impl.readers[static_cast<size_t>(st.set) * words + (t >> 6)] |=
            uint64_t{1} << (t & 63);
      }
    }
  }
  uint64_t* const takes = impl.takes.data() + static_cast<size_t>(c) * words;
  if (!impl.takes_made[c]) {
    const unsigned char b = impl.representative[c];
    for (size_t k = 0; k < impl.nfa.sets.size(); ++k) {
      if (!impl.nfa.sets[k][b]) continue;
      const uint64_t* readers = impl.readers.data() + k * words;
      for (size_t w = 0; w < words; ++w) takes[w] |= readers[w];
    }
    impl.takes_made[c] = 1;
  }
  // The states reached are marked in a bitmap, which is then looked up as
  // it is (most steps end on a state already built).
  uint64_t* marks = impl.marks.data();
  size_t lo = words, hi = 0;  // the words marked
  auto mark = [&](const StateBits& bits) {
    const size_t n = bits.words.size();
    if (n == 0) return;
    for (size_t k = 0; k < n; ++k) marks[bits.lo + k] |= bits.words[k];
    lo = std::min(lo, bits.lo);
    hi = std::max(hi, bits.lo + n);
  };
  const uint64_t* from = impl.bits.data() + static_cast<size_t>(s) * words;
  for (size_t w = 0; w < words; ++w) {
    for (uint64_t b = from[w] & takes[w]; b != 0; b &= b - 1) {
      const size_t t = 64 * w + __builtin_ctzll(b);
      if (impl.after[t].at == StepBits::kNotClosed) impl.CloseAfter(t);
      const StepBits& to = impl.after[t];
      const size_t n = to.n;
      if (n == 0) continue;
      const uint64_t* bits = impl.after_words.data() + to.at;
      for (size_t k = 0; k < n; ++k) marks[to.lo + k] |= bits[k];
      lo = std::min<size_t>(lo, to.lo);
      hi = std::max<size_t>(hi, to.lo + n);
    }
  }
  uint16_t cell;
  if (lo >= hi) {
    // None of s's NFA states reads the column (one step in eight): the set
    // reached is `later` alone, the set of start_later_ (unanchored), or
    // the empty one, state 0 (dead), with no lookup.
    cell = impl.later.words.empty() ? CellOf(0) : start_later_;
  } else {
    mark(impl.later);
    // A step that stays where it is (the loop of ".*" or "[^,.]*") marks
    // the set of its own state: that set is kept as InternMarks reduces it,
    // and reducing it again changes nothing, so the step goes to s with no
    // hash and no lookup (news-5mb: 11k of 41k steps).
    // (A loop, not std::equal: a call to memcmp costs more than the few
    // words, and most steps differ at the first.)
    bool stays = true;
    for (size_t w = 0; w < words && stays; ++w) stays = marks[w] == from[w];
    // (InternMarks may grow impl.bits: `from` is not read after it.)
    const int32_t to = stays ? s : InternMarks(lo, hi);
    std::fill(marks + lo, marks + hi, 0);
    if (to < 0) return -1;
    cell = CellOf(to);
  }
  next_[(static_cast<size_t>(s) << shift_) + c] = cell;
  return cell;
}

int TagDfa::LeftmostStart(absl::string_view text) const {
  if (!reverse_ || text.empty()) return -2;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  std::lock_guard<TagDfaLock> lock(mu_);
  // (The walk of Match: a cell with kStops set, one to build, one of a
  // byte not of tags or one that leads to a match now or to the dead state,
  // leaves the loop's one test. A match now is noted and the walk goes on,
  // from its state.)
  const uint16_t* next = cells();
  int best = -1;
  uint32_t v = start_at_begin_;
  if (v & kStops) {
    if (v == kStops) return best;  // (the dead state)
    v &= ~uint32_t{kStops};
    best = static_cast<int>(text.size());
  }
  for (size_t i = text.size(); i > 0; --i) {
    uint32_t cell = next[(v << shift_) + slot_column_[TagSlot(p[i - 1])]];
    if (cell & kStops) {
      if (cell == kUnbuilt) {
        // (A cell to build, or the slot of a byte not of tags.)
        const int c = column_[p[i - 1]];
        cell = next[(v << shift_) + c];
        if (cell == kUnbuilt) {
          const int32_t built = BuildCell(v, c, &next);
          if (built < 0) return -2;
          cell = static_cast<uint32_t>(built);
        }
      }
      if (cell & kStops) {
        if (cell == kStops) return best;
        cell &= ~uint32_t{kStops};
        best = static_cast<int>(i - 1);
      }
    }
    v = cell;
  }
  return MatchAtEnd(static_cast<int32_t>(v)) ? 0 : best;
}

int TagDfa::Stopped(uint32_t to, unsigned char b, int shift, size_t* row,
                    const uint16_t** next) const {
  if (to == kUnbuilt) {
    // (A cell to build, or the slot of a byte not of tags: its own column.)
    const int c = column_[b];
    to = (*next)[*row + c];
    if (to == kUnbuilt) {
      const int32_t built =
          BuildCell(static_cast<uint32_t>(*row >> shift), c, next);
      if (built < 0) return -1;
      to = static_cast<uint32_t>(built);
    }
  }
  // (The dead state is state 0: any other state a cell stops at holds a
  // match now.)
  if (to & kStops) return to != kStops;
  *row = static_cast<size_t>(to) << shift;
  return 2;
}

int TagDfa::Match(absl::string_view text, size_t startpos,
                  size_t endpos) const {
  // (An empty text, where "$" and "^" meet, is left to RE2.)
  if (text.empty() || startpos > endpos || endpos > text.size()) return -1;
  if (reverse_ && endpos != text.size()) return -1;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  std::lock_guard<TagDfaLock> lock(mu_);
  // The walk holds the cell that led to the state, v: its state's index,
  // with kStops when the search may end there (a match now, or the dead
  // state, state 0, which has none at the end of the text either). A step
  // that finds its state built, most of them, is one load of a cell of a
  // row that lies in one line (see next_), its address a shift and an add
  // from the last, and one test of the cell: kUnbuilt has kStops set too,
  // so a cell to build and a cell that ends the search leave the loop by
  // the same branch. The cells are read through a local pointer, read
  // again only after a step that builds a state.
  const uint16_t* next = cells();
  const uint32_t v = reverse_ || startpos == 0 ? start_at_begin_ : start_later_;
  if (v & kStops) return v != kStops;
  // (The walk keeps where the state's row starts rather than the state,
  // the shift in a register, and leaves the loop for any cell with kStops
  // set: a step is then a load of the byte, of its slot, of its column and
  // of the cell, the test and the shift. The byte's slot and column are
  // read from a table all automata share and from the object's first
  // line, not from a byte map of the object's own.)
  const int shift = shift_;
  size_t row = static_cast<size_t>(v) << shift;
  if (reverse_) {
    const unsigned char* const start = p + startpos;
    for (const unsigned char* q = p + endpos; q != start; --q) {
      size_t to = next[row + slot_column_[TagSlot(q[-1])]];
      if (to & kStops) {
        const int answer = Stopped(to, q[-1], shift, &row, &next);
        if (answer != 2) return answer;
        continue;
      }
      row = to << shift;
    }
    return start == p ? MatchAtEnd(static_cast<int32_t>(row >> shift)) : 0;
  }
  // (A match at the end of the text, by "$", only there.)
  const bool ends_text = endpos == text.size();
  const unsigned char* const end = p + endpos;
  for (const unsigned char* q = p + startpos; q != end; ++q) {
    size_t to = next[row + slot_column_[TagSlot(*q)]];
    if (to & kStops) {
      const int answer = Stopped(to, *q, shift, &row, &next);
      if (answer != 2) return answer;
      continue;
    }
    row = to << shift;
  }
  return ends_text ? MatchAtEnd(static_cast<int32_t>(row >> shift)) : 0;
}

// (32 bytes, aligned so: Match() reads one a step, in one line.)
struct alignas(32) TagSubmatcher::Inst {
  // kTail: where the pattern's tail begins (see tail_); a step that does
  // nothing when the tail's automaton cannot answer.
  enum Op : uint8_t { kSet, kSplit, kSave, kBegin, kEnd, kMatch, kTail };
  Op op;
  // A path from here that reads no byte reaches the match through "^" and
  // "$" only where they hold: bit 2 * (at the start of the text) + (at its
  // end) of `empty` says whether one does there. (What a path can read
  // first, Compile() works out beside the program.) A path that can
  // neither read the next byte nor match where it stands fails: it is not
  // tried. Bit kTakesAtOnce: a kSet not marked visited (row -1), which a
  // split whose branch it heads takes with the byte that made the branch
  // viable (see Match()), read with one test.
  uint8_t empty = 0;
  static constexpr uint8_t kTakesAtOnce = 0x10;
  int16_t row = -1;  // of the visited bitmap, or -1: not marked
  int16_t out = -1;
  int16_t out1 = -1;  // kSplit: the second branch; kSave: the slot
  // A mask of classes (bit c: class c, see class_). kSet: the classes it
  // reads. kSplit (away from the ends of the text only): the classes that
  // go round a loop the split heads alone, back to it a byte later (see
  // Compile).
  uint64_t classes = 0;
  // kSplit: bits 2c and 2c + 1 of these 128 (lowest first): whether its
  // first branch (out) and its second (out1) can go on at class c, or at
  // the end of the search for c = ends_ (away from the ends of the text:
  // `empty` adds what "^" and "$" allow).
  uint64_t viable[2] = {0, 0};
};

namespace {

// An instruction of the program as Compile() builds it: TagSubmatcher::Inst
// before the sets and branches are read as masks of classes.
struct ProgInst {
  TagSubmatcher::Inst::Op op;
  uint8_t empty = 0;  // (see TagSubmatcher::Inst)
  int row = -1;
  int out = -1, out1 = -1;  // kSplit: out first
  int arg = 0;              // kSet: into the sets; kSave: the slot
};

// Emits the program of a parsed pattern, backward (each part knows what
// follows it), keeping RE2's order of preference.
class ProgBuilder {
 public:
  using Inst = TagSubmatcher::Inst;
  // Emits the nodes of `nodes` and their root.
  ProgBuilder(const Nodes& nodes, std::vector<ProgInst>* prog,
              std::vector<std::bitset<128>>* sets)
      : nodes_(nodes), prog_(prog), sets_(sets) {}

  bool too_big = false;

  int Add(Inst::Op op, int out, int out1 = -1, int arg = 0) {
    // (Indices and slots are kept in 16 bits: see TagSubmatcher::Inst.)
    if (prog_->size() > 20000) too_big = true;
    ProgInst inst;
    inst.op = op;
    inst.out = out;
    inst.out1 = out1;
    inst.arg = arg;
    prog_->push_back(inst);
    return static_cast<int>(prog_->size()) - 1;
  }

  int Emit(const Node& n, int next) {
    if (too_big) return next;
    const absl::Span<const Node> kids = Kids(nodes_, n);
    switch (n.kind) {
      case Node::kSet:
        sets_->push_back(n.set);
        return Add(Inst::kSet, next, -1, static_cast<int>(sets_->size()) - 1);
      case Node::kBegin:
        return Add(Inst::kBegin, next);
      case Node::kEnd:
        return Add(Inst::kEnd, next);
      case Node::kEmpty:
        return next;
      case Node::kCapture: {
        const int close = Add(Inst::kSave, next, -1, 2 * n.cap + 1);
        return Add(Inst::kSave, Emit(kids[0], close), -1, 2 * n.cap);
      }
      case Node::kCat: {
        int s = next;
        for (size_t k = kids.size(); k > 0; --k) s = Emit(kids[k - 1], s);
        return s;
      }
      case Node::kAlt: {
        int s = Emit(kids.back(), next);
        for (size_t k = kids.size() - 1; k > 0; --k) {
          s = Add(Inst::kSplit, Emit(kids[k - 1], next), s);
        }
        return s;
      }
      case Node::kRepeat: {
        const Node& kid = kids[0];
        // Greedy: the kid first; lazy: what follows first.
        auto split = [&](int kid_start, int skip) {
          return n.lazy ? Add(Inst::kSplit, skip, kid_start)
                        : Add(Inst::kSplit, kid_start, skip);
        };
        int s = next;
        if (n.max < 0) {
          const int loop = split(-1, next);
          const int body = Emit(kid, loop);
          (*prog_)[loop].out == -1 ? (*prog_)[loop].out = body
                                   : (*prog_)[loop].out1 = body;
          s = loop;
          // "x*" where x can match the empty string: (x+)? as RE2 compiles
          // it, so the loop is entered once from elsewhere and an empty
          // round of x sets x's groups, as with RE2 ("()*" on "": group 1
          // is the empty string at 0, not unset).
          if (n.min == 0 && Nullable(nodes_, kid)) s = split(body, next);
        } else {
          // x{n,m}: n times x, then (x(x...)?)? nested m - n deep.
          for (int k = n.min; k < n.max; ++k) s = split(Emit(kid, s), next);
        }
        for (int k = 0; k < n.min; ++k) s = Emit(kid, s);
        return s;
      }
    }
    return next;
  }

 private:
  const Nodes& nodes_;
  std::vector<ProgInst>* prog_;
  std::vector<std::bitset<128>>* sets_;
};

// Match()'s answers for short searches, kept per thread: the spans a
// cue's left half is matched on are a few tags long ("NN@", "dNN@"), and
// the same few come back sentence after sentence. An answer depends on the
// submatcher, the bytes searched, the anchoring and whether the search
// starts at the start of the text and ends at its end ("^" and "$"); the
// groups are kept as offsets from the search's start.
constexpr size_t kMemoSpan = 8;     // bytes searched, at most
constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
constexpr int kMemoGroups = 12;     // groups, the whole match included
// A power of two. (news-5mb: 10,260 short searches of 7,627 distinct
// keys; 2,048 slots, one key each, lost 2,633 repeats to other keys, and
// 8,192 slots (384 KB a thread, touched as used) keep most:
// 1.0786e9 -> 1.0769e9 instructions.)
constexpr size_t kMemoSlots = 8192;

// (Plain data: a thread's slots start zeroed, empty, with no guard to test
// at each use.)
struct MemoSlot {
  uint64_t owner;  // TagSubmatcher::id_; 0: empty
  uint64_t bytes;  // the bytes searched, the first lowest
  uint8_t shape;   // MemoShape()
  int8_t found;    // 0 or 1
  // Group g spans [at[2 * g], at[2 * g + 1]) from the search's start; -1
  // when unset.
  int8_t at[2 * kMemoGroups];
};

uint8_t MemoShape(size_t len, bool both_ends, bool at_begin, bool at_end) {
  return static_cast<uint8_t>(len | (both_ends ? 0x10 : 0) |
                              (at_begin ? 0x20 : 0) | (at_end ? 0x40 : 0));
}

// For Compile: the classes (see TagSubmatcher::class_) of the bytes for
// which the path from instruction x of `prog`, away from the ends of the
// text, goes on at each split by the one branch viable at the byte (none of
// them marked visited but the loop's head, where depth is 0) to a set not
// marked that reads it and goes back to `head`. `sets`: the classes each
// set reads; `firsts`: those each instruction can read first; `all`: every
// class.
uint64_t LoopClasses(const std::vector<ProgInst>& prog,
                     const std::vector<uint64_t>& sets,
                     const std::vector<uint64_t>& firsts, uint64_t all, int x,
                     int head, int depth) {
  using Inst = TagSubmatcher::Inst;
  const ProgInst& inst = prog[x];
  if (inst.op == Inst::kSet) {
    return inst.row < 0 && inst.out == head ? sets[inst.arg] : 0;
  }
  // (A path that reads no byte goes round no loop: depth bounds it.)
  if (inst.op != Inst::kSplit || (depth > 0 && inst.row >= 0) || depth > 100) {
    return 0;
  }
  // The classes at which each branch is viable away from the ends of the
  // text.
  auto viable = [&](int b) {
    return (prog[b].empty & 1) != 0 ? all : firsts[b];
  };
  const uint64_t first = viable(inst.out), second = viable(inst.out1);
  return (LoopClasses(prog, sets, firsts, all, inst.out, head, depth + 1) &
          first & ~second) |
         (LoopClasses(prog, sets, firsts, all, inst.out1, head, depth + 1) &
          second & ~first);
}

// The 32 low bits of x at the even places of the result, lowest first.
uint64_t Spread(uint64_t x) {
  x &= 0xFFFFFFFFull;
  x = (x | (x << 16)) & 0x0000FFFF0000FFFFull;
  x = (x | (x << 8)) & 0x00FF00FF00FF00FFull;
  x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0Full;
  x = (x | (x << 2)) & 0x3333333333333333ull;
  return (x | (x << 1)) & 0x5555555555555555ull;
}

// Whether node n, one of `nodes`, holds a capturing group.
bool Captures(const Nodes& nodes, const Node& n) {
  if (n.kind == Node::kCapture) return true;
  for (const Node& kid : Kids(nodes, n)) {
    if (Captures(nodes, kid)) return true;
  }
  return false;
}

// The sets of bytes node n reads (one a repetition's kid reads counted
// once).
int SetsOf(const Nodes& nodes, const Node& n) {
  int sets = n.kind == Node::kSet ? 1 : 0;
  for (const Node& kid : Kids(nodes, n)) sets += SetsOf(nodes, kid);
  return sets;
}

// Where the tail of a pattern (see TagSubmatcher::tail_) begins among the
// parts of its root: after the last that holds a capturing group, when
// the last is "$" and the tail reads enough sets to be worth a search of
// its own ("[.]?$" is not); -1 otherwise.
int TailOf(const Nodes& nodes, const Node& root) {
  if (root.kind != Node::kCat || root.count == 0) return -1;
  const absl::Span<const Node> kids = Kids(nodes, root);
  if (kids.back().kind != Node::kEnd) return -1;
  int tail = root.count;
  while (tail > 0 && !Captures(nodes, kids[tail - 1])) --tail;
  int sets = 0;
  for (int k = tail; k < root.count; ++k) sets += SetsOf(nodes, kids[k]);
  return sets >= 4 ? tail : -1;
}

// Appends node n, one of `nodes`, to *key: two nodes of the same key
// match the same texts. (Not capture numbers: a tail holds none.)
void AppendKey(const Nodes& nodes, const Node& n, std::string* key) {
  const uint64_t words[2] = {
      (n.set & std::bitset<128>(~uint64_t{0})).to_ullong(),
      (n.set >> 64).to_ullong()};
  const int fields[5] = {n.kind, n.min, n.max, n.lazy, n.count};
  key->append(reinterpret_cast<const char*>(fields), sizeof(fields));
  if (n.kind == Node::kSet) {
    key->append(reinterpret_cast<const char*>(words), sizeof(words));
  }
  for (const Node& kid : Kids(nodes, n)) AppendKey(nodes, kid, key);
}

// The anchored automaton of `tail` (a pattern's tail, of that `key`),
// one for every submatcher alive with the same tail: the rules' right
// halves end in a few tails ("(?:{TRAIL}|...)?[.]?$"), and each automaton
// costs its compilation and the states its searches build.
std::shared_ptr<const TagDfa> SharedTail(const std::string& key,
                                         const TagPattern& tail) {
  // (Weak: an automaton goes with the last submatcher that holds it. The
  // entries of those gone are dropped when the table has doubled.)
  static std::mutex mu;
  static auto* const shared =
      new absl::flat_hash_map<std::string, std::weak_ptr<const TagDfa>>();
  static size_t swept = 0;
  std::lock_guard<std::mutex> lock(mu);
  std::weak_ptr<const TagDfa>& slot = (*shared)[key];
  std::shared_ptr<const TagDfa> dfa = slot.lock();
  if (dfa != nullptr) return dfa;
  dfa = TagDfa::Compile(tail, TagDfa::kAnchored);
  slot = dfa;
  if (shared->size() > 2 * swept + 64) {
    absl::erase_if(*shared,
                   [](const auto& entry) { return entry.second.expired(); });
    swept = shared->size();
  }
  return dfa;
}

}  // namespace

TagSubmatcher::TagSubmatcher() = default;
TagSubmatcher::~TagSubmatcher() = default;

std::unique_ptr<TagSubmatcher> TagSubmatcher::Compile(
    absl::string_view pattern) {
  const std::unique_ptr<TagPattern> parsed = TagPattern::Parse(pattern);
  return parsed == nullptr ? nullptr : Compile(*parsed);
}

std::unique_ptr<TagSubmatcher> TagSubmatcher::Compile(
    const TagPattern& pattern) {
  const TagPattern::Tree& tree = *pattern.tree_;
  std::vector<ProgInst> prog;
  std::vector<std::bitset<128>> sets;
  // (Room for an instruction and a set a node: the vectors grew from
  // nothing an element at a time, at a cost near that of emitting them;
  // repetitions may ask for more.)
  prog.reserve(tree.nodes.size() + 16);
  sets.reserve(tree.nodes.size() + 16);
  ProgBuilder builder(tree.nodes, &prog, &sets);
  const int match = builder.Add(Inst::kMatch, -1);
  // (The parts of the root from `tail` on are the tail, see tail_: emitted
  // as Emit() would, with kTail before them.)
  const int tail = TailOf(tree.nodes, tree.root);
  int start = match;
  if (tail < 0) {
    start = builder.Emit(tree.root, match);
  } else {
    const absl::Span<const Node> kids = Kids(tree.nodes, tree.root);
    for (int k = tree.root.count; k > 0; --k) {
      if (k == tail) start = builder.Add(Inst::kTail, start);
      start = builder.Emit(kids[k - 1], start);
    }
    if (tail == 0) start = builder.Add(Inst::kTail, start);
  }
  if (builder.too_big) return nullptr;
  // Sets of bytes as two words of 64, lowest first.
  using Words = std::array<uint64_t, 2>;
  std::vector<Words> set_words(sets.size());
  {
    const std::bitset<128> low(~uint64_t{0});
    for (size_t k = 0; k < sets.size(); ++k) {
      set_words[k] = {(sets[k] & low).to_ullong(), (sets[k] >> 64).to_ullong()};
    }
  }
  // The byte classes: each set splits the classes it reads part of (at
  // most 63, and one more for the end of the search, for masks of 64
  // bits). Every mask Compile makes is of sets, or all bytes.
  std::vector<Words> classes(1, Words{~uint64_t{0}, ~uint64_t{0}});
  {
    // (Each set once: rules repeat a few.)
    std::vector<Words> distinct = set_words;
    std::sort(distinct.begin(), distinct.end(),
              [](const Words& a, const Words& b) {
                return a[0] != b[0] ? a[0] < b[0] : a[1] < b[1];
              });
    distinct.erase(std::unique(distinct.begin(), distinct.end(),
                               [](const Words& a, const Words& b) {
                                 return a[0] == b[0] && a[1] == b[1];
                               }),
                   distinct.end());
    for (const Words& set : distinct) {
      for (size_t c = 0, n = classes.size(); c < n; ++c) {
        const Words in = {classes[c][0] & set[0], classes[c][1] & set[1]};
        if ((in[0] | in[1]) == 0 ||
            (in[0] == classes[c][0] && in[1] == classes[c][1])) {
          continue;
        }
        classes.push_back({classes[c][0] & ~set[0], classes[c][1] & ~set[1]});
        classes[c] = in;
      }
      if (classes.size() > 63) return nullptr;
    }
  }
  std::unique_ptr<TagSubmatcher> m(new TagSubmatcher());
  m->start_ = start;
  m->ends_ = static_cast<int>(classes.size());
  // One byte of each class tells for the class: masks are of whole ones.
  Words firsts_of_classes = {0, 0};
  for (size_t c = 0; c < classes.size(); ++c) {
    for (int w = 0; w < 2; ++w) {
      for (uint64_t bits = classes[c][w]; bits != 0; bits &= bits - 1) {
        m->class_[64 * w + __builtin_ctzll(bits)] = static_cast<uint8_t>(c);
      }
    }
    const int w = classes[c][0] != 0 ? 0 : 1;
    firsts_of_classes[w] |= classes[c][w] & (~classes[c][w] + 1);
  }
  // The classes each set reads.
  std::vector<uint64_t> set_classes(sets.size(), 0);
  for (size_t k = 0; k < sets.size(); ++k) {
    for (int w = 0; w < 2; ++w) {
      for (uint64_t bits = set_words[k][w] & firsts_of_classes[w]; bits != 0;
           bits &= bits - 1) {
        set_classes[k] |= uint64_t{1}
                          << m->class_[64 * w + __builtin_ctzll(bits)];
      }
    }
  }
  // Every class, the end of the search too.
  const uint64_t all =
      m->ends_ == 63 ? ~uint64_t{0} : (uint64_t{1} << (m->ends_ + 1)) - 1;
  m->groups_ = pattern.tree_->groups;
  if (tail >= 0) {
    TagPattern rest;
    rest.tree_ = std::make_unique<TagPattern::Tree>();
    rest.tree_->nodes = tree.nodes;
    Node& root = rest.tree_->root;
    root = tree.root;
    root.first += tail;
    root.count -= tail;
    std::string key;
    AppendKey(tree.nodes, root, &key);
    m->tail_ = SharedTail(key, rest);
  }
  static std::atomic<uint64_t> next_id{1};
  m->id_ = next_id.fetch_add(1, std::memory_order_relaxed);
  // Only an instruction reached from two places (or more) can be reached
  // twice at one byte without its predecessor being so: only those are
  // marked visited, each with its own row of the bitmap.
  std::vector<int> from(prog.size(), 0);
  ++from[start];
  for (const ProgInst& inst : prog) {
    if (inst.out >= 0) ++from[inst.out];
    if (inst.out1 >= 0) ++from[inst.out1];
  }
  for (size_t k = 0; k < prog.size(); ++k) {
    prog[k].row = from[k] >= 2 ? m->rows_++ : -1;
  }
  // First classes (those of the bytes a path from each instruction can
  // read first) and empty matches, to a fixed point (loops). (The bits of
  // `empty` where "^" holds: 2 and 3; where "$" does: 1 and 3.)
  std::vector<uint64_t> firsts(prog.size(), 0);
  for (bool changed = true; changed;) {
    changed = false;
    for (size_t k = 0; k < prog.size(); ++k) {
      ProgInst& inst = prog[k];
      uint64_t first = firsts[k];
      uint8_t empty = inst.empty;
      switch (inst.op) {
        case Inst::kSet:
          first = set_classes[inst.arg];
          break;
        case Inst::kSplit:
          first |= firsts[inst.out] | firsts[inst.out1];
          empty |= prog[inst.out].empty | prog[inst.out1].empty;
          break;
        case Inst::kSave:
        case Inst::kTail:
          first |= firsts[inst.out];
          empty |= prog[inst.out].empty;
          break;
        case Inst::kBegin:
          // (A byte after "^" is read only at the start: more is no harm.)
          first |= firsts[inst.out];
          empty |= prog[inst.out].empty & 0b1100;
          break;
        case Inst::kEnd:  // no byte is read after the end
          empty |= prog[inst.out].empty & 0b1010;
          break;
        case Inst::kMatch:
          empty = 0b1111;
          break;
      }
      if (first != firsts[k] || empty != inst.empty) {
        firsts[k] = first;
        inst.empty = empty;
        changed = true;
      }
    }
  }
  // The loops a byte goes round alone (Inst::classes of a split): from a
  // split marked visited (a loop's head is reached from two places), the
  // bytes for which one branch alone is viable at each split on the way,
  // none of them marked, to a set that reads the byte and goes back to the
  // head: "(?:[^.qQ]|q[^qQ]*Q??)+?" on a byte other than '.', 'q' and 'Q'
  // and those that can end the loop. Match() takes such a round in one
  // step. (Each split not marked has one way in: it is walked from one
  // head. Only a split that a set not marked goes back to can head such a
  // loop.)
  std::vector<uint8_t> set_goes_back(prog.size(), 0);
  for (const ProgInst& inst : prog) {
    if (inst.op == Inst::kSet && inst.row < 0) set_goes_back[inst.out] = 1;
  }
  // The program as Match() reads it.
  m->prog_.resize(prog.size());
  for (size_t k = 0; k < prog.size(); ++k) {
    const ProgInst& from_inst = prog[k];
    Inst& inst = m->prog_[k];
    inst.op = from_inst.op;
    inst.empty = from_inst.empty;
    if (from_inst.op == Inst::kSet && from_inst.row < 0) {
      inst.empty |= Inst::kTakesAtOnce;
    }
    inst.row = static_cast<int16_t>(from_inst.row);
    inst.out = static_cast<int16_t>(from_inst.out);
    inst.out1 = static_cast<int16_t>(
        from_inst.op == Inst::kSave ? from_inst.arg : from_inst.out1);
    if (from_inst.op == Inst::kSet) {
      inst.classes = set_classes[from_inst.arg];
    } else if (from_inst.op == Inst::kSplit) {
      // The classes each branch can go on at: all of them, and the end of
      // the search, where it can match with no byte.
      auto on = [&](int b) {
        return (prog[b].empty & 1) != 0 ? all : firsts[b];
      };
      const uint64_t first = on(from_inst.out), second = on(from_inst.out1);
      inst.viable[0] = Spread(first) | (Spread(second) << 1);
      inst.viable[1] = Spread(first >> 32) | (Spread(second >> 32) << 1);
      if (from_inst.row >= 0 && set_goes_back[k]) {
        inst.classes = LoopClasses(prog, set_classes, firsts, all,
                                   static_cast<int>(k), static_cast<int>(k), 0);
      }
    }
  }
  return m;
}

int TagSubmatcher::Match(absl::string_view text, size_t startpos,
                         size_t endpos, bool both_ends,
                         re2::StringPiece* groups, int n) const {
  if (n < 1 || n > groups_ + 1 || startpos > endpos || endpos > text.size()) {
    return -1;
  }
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t len = endpos - startpos;
  // An answer given before on the same bytes (see MemoSlot). (Only
  // answers 0 and 1 are kept: bytes found there were readable.)
  MemoSlot* memo = nullptr;
  uint64_t bytes = 0;
  uint8_t shape = 0;
  if (len <= kMemoSpan) {
    if (kLittleEndian && endpos >= 8 && len > 0) {
      // (The eight bytes that end at endpos, in one load: the search's are
      // the last len of them, the high bytes of the word.)
      uint64_t w;
      std::memcpy(&w, p + endpos - 8, 8);
      bytes = w >> (64 - 8 * len);
    } else {
      for (size_t k = 0; k < len; ++k) {
        bytes |= static_cast<uint64_t>(p[startpos + k]) << (8 * k);
      }
    }
  }
  // Eight bytes at a time: a byte outside ASCII sets its top bit, and a
  // newline is a zero byte of w ^ kNewlines (found by the usual
  // (x - 0x01..) & ~x & 0x80.. test, exact as to whether there is one; the
  // zero bytes that pad a short search are none).
  auto unreadable = [](uint64_t w) {
    constexpr uint64_t kOnes = 0x0101010101010101, kTops = 0x8080808080808080,
                       kNewlines = 0x0a0a0a0a0a0a0a0a;
    const uint64_t x = w ^ kNewlines;
    return ((w | ((x - kOnes) & ~x)) & kTops) != 0;
  };
  if (len <= kMemoSpan) {
    if (unreadable(bytes)) return -1;
  } else {
    // (The last word ends at endpos, over bytes read already.)
    uint64_t w;
    for (size_t i = startpos; i + 8 < endpos; i += 8) {
      std::memcpy(&w, p + i, 8);
      if (unreadable(w)) return -1;
    }
    std::memcpy(&w, p + endpos - 8, 8);
    if (unreadable(w)) return -1;
  }
  if (len <= kMemoSpan && groups_ < kMemoGroups) {
    shape = MemoShape(len, both_ends, startpos == 0, endpos == text.size());
    const uint64_t h =
        (bytes ^ (id_ << 8) ^ shape) * 0x9E3779B97F4A7C15ull;
    thread_local MemoSlot memo_slots[kMemoSlots];
    memo = &memo_slots[h >> 51];  // (the top 13 bits: kMemoSlots)
    if (memo->owner == id_ && memo->bytes == bytes && memo->shape == shape) {
      if (memo->found == 0) return 0;
      for (int g = 0; g < n; ++g) {
        const int a = memo->at[2 * g], b = memo->at[2 * g + 1];
        groups[g] = a >= 0 && b >= 0
                        ? re2::StringPiece(text.data() + startpos + a, b - a)
                        : re2::StringPiece();
      }
      return 1;
    }
  }
  // Each instruction at each place in [startpos, endpos] once.
  struct Job {
    int inst;  // -1: put slot `pos` back to `old`
    int pos;
    int old;
  };
  // The thread's buffers, grown to the largest search so far.
  struct Scratch {
    std::vector<uint64_t> visited;
    std::vector<Job> jobs;
    std::vector<int> cap;
  };
  thread_local Scratch scratch;
  const size_t row_size = len + 1;
  const size_t words = (static_cast<size_t>(rows_) * row_size + 63) / 64;
  // (Eight words at least: a short search clears them with a few stores
  // rather than a call to memset.)
  const size_t room = std::max<size_t>(words, 8);
  if (scratch.visited.size() < room) scratch.visited.resize(room);
  uint64_t* const visited = scratch.visited.data();
  if (words <= 8) {
    std::fill_n(visited, 8, uint64_t{0});
  } else {
    std::memset(visited, 0, words * sizeof(uint64_t));
  }
  // The stack of jobs: grown by hand, as a push is most of a step.
  if (scratch.jobs.size() < 64) scratch.jobs.resize(64);
  Job* jobs = scratch.jobs.data();
  size_t jobs_room = scratch.jobs.size();
  size_t top = 0;
  // The branches waiting on the stack. With none, a failure ends the
  // search: a group set then need not be put back.
  size_t branches = 1;  // (the start, pushed below)
  auto push = [&](int inst, int pos, int old) {
    if (top == jobs_room) {
      scratch.jobs.resize(2 * top);
      jobs = scratch.jobs.data();
      jobs_room = scratch.jobs.size();
    }
    jobs[top++] = Job{inst, pos, old};
  };
  const size_t slots = 2 * (static_cast<size_t>(groups_) + 1);
  if (scratch.cap.size() < slots) scratch.cap.resize(slots);
  int* const cap = scratch.cap.data();
  std::fill_n(cap, slots, -1);
  push(start_, static_cast<int>(startpos), 0);
  const Inst* const prog = prog_.data();
  // The answer for a match that ends at i, with the groups of cap (kept in
  // the memo slot when there is one).
  auto found = [&](size_t i) {
    groups[0] = re2::StringPiece(text.data() + startpos, i - startpos);
    for (int g = 1; g < n; ++g) {
      const int a = cap[2 * g], b = cap[2 * g + 1];
      groups[g] = a >= 0 && b >= 0 ? re2::StringPiece(text.data() + a, b - a)
                                   : re2::StringPiece();
    }
    if (memo != nullptr) {
      memo->owner = id_;
      memo->bytes = bytes;
      memo->shape = shape;
      memo->found = 1;
      memo->at[0] = 0;
      memo->at[1] = static_cast<int8_t>(i - startpos);
      for (int g = 1; g <= groups_; ++g) {
        const int a = cap[2 * g], b = cap[2 * g + 1];
        const bool set = a >= 0 && b >= 0;
        memo->at[2 * g] = static_cast<int8_t>(set ? a - startpos : -1);
        memo->at[2 * g + 1] = static_cast<int8_t>(set ? b - startpos : -1);
      }
    }
    return 1;
  };
  while (top > 0) {
    const Job job = jobs[--top];
    if (job.inst < 0) {
      cap[job.pos] = job.old;
      continue;
    }
    --branches;
    const Inst* inst = prog + job.inst;
    size_t i = job.pos;
    while (true) {
      if (inst->row >= 0) {
        const size_t bit =
            static_cast<size_t>(inst->row) * row_size + (i - startpos);
        if (visited[bit >> 6] & (uint64_t{1} << (bit & 63))) break;
        visited[bit >> 6] |= uint64_t{1} << (bit & 63);
      }
      // (The split first, apart from the switch: the commonest step.)
      if (inst->op == Inst::kSplit) {
        // (A path that can neither read the next byte nor match here is
        // not tried: it would fail; the order of the others is kept.)
        // What "^" and "$" add where they hold (see Inst::empty).
        auto at_edges = [&](int viable) {
          const int here = (i == 0 ? 2 : 0) | (i == text.size() ? 1 : 0);
          return viable | ((prog[inst->out].empty >> here) & 1) |
                 (((prog[inst->out1].empty >> here) & 1) << 1);
        };
        // The branches viable at class c.
        auto viable_at = [&](size_t c) {
          const size_t bit = 2 * c;
          return static_cast<int>((inst->viable[bit >> 6] >> (bit & 63)) & 3);
        };
        int viable;
        if (i - 1 < endpos - 1) {
          // Past the start and before endpos (most steps): a byte to read,
          // and "^" does not hold; nor "$", but after rounds of a loop.
          // Rounds of a loop that the bytes take alone (Inst::classes, see
          // Compile): back at its head a byte later each, as the steps of a
          // round would be, with nothing pushed, saved or marked on the way
          // but the head, marked here as at the top of this loop. (That
          // mask is for places away from the ends of the text: a round
          // reads a byte before endpos, so only the first needs the test.)
          // (The rounds up to the first place the loop's byte test stops
          // them are found first, then that run of places is marked a word
          // of the bitmap at a time, up to the first marked already, where
          // the path ends.)
          const size_t c = class_[p[i]];
          viable = viable_at(c);
          const uint64_t loop = inst->classes;
          if (((loop >> c) & 1) != 0) {
            size_t end = i + 1;
            while (end < endpos && ((loop >> class_[p[end]]) & 1) != 0) ++end;
            // Bits [from, to): the head's places i + 1 to end.
            size_t from =
                static_cast<size_t>(inst->row) * row_size + (i - startpos) + 1;
            const size_t to = from + (end - i);
            bool seen = false;
            while (from < to) {
              const size_t lo = from & 63;
              const size_t hi = std::min<size_t>(64, lo + (to - from));
              uint64_t mask =
                  (hi == 64 ? ~uint64_t{0} : (uint64_t{1} << hi) - 1) &
                  ~((uint64_t{1} << lo) - 1);
              const uint64_t hit = visited[from >> 6] & mask;
              if (hit != 0) {
                mask &= (hit & (~hit + 1)) - 1;  // (those below the first)
                seen = true;
              }
              visited[from >> 6] |= mask;
              if (seen) break;
              from += hi - lo;
            }
            if (seen) break;
            i = end;
            viable = viable_at(i < endpos ? class_[p[i]] : ends_);
            if (i == text.size()) viable = at_edges(viable);
          }
        } else {
          viable = viable_at(i < endpos ? class_[p[i]] : ends_);
          if (i == 0 || i == text.size()) viable = at_edges(viable);
        }
        if (viable == 0) break;
        // Go on along the first viable branch; the second waits on the
        // stack only when both are viable (else it is taken at once, as
        // pushing it and popping it back would).
        if (viable == 3) {
          push(inst->out1, static_cast<int>(i), 0);
          ++branches;
        }
        inst = prog + (viable == 2 ? inst->out1 : inst->out);
        // A set that a byte made viable surely takes it (a set reads at
        // least a byte, so its branch is viable only so, before endpos):
        // read it here.
        if ((inst->empty & Inst::kTakesAtOnce) != 0) {
          ++i;
          inst = prog + inst->out;
        }
        continue;
      }
      if (inst->op == Inst::kSet) {
        if (i >= endpos || ((inst->classes >> class_[p[i]]) & 1) == 0) break;
        ++i;
        inst = prog + inst->out;
        continue;
      }
      bool go = true;
      switch (inst->op) {
        case Inst::kSet:    // (taken above)
        case Inst::kSplit:
          break;
        case Inst::kSave:
          if (branches > 0) push(-1, inst->out1, cap[inst->out1]);
          cap[inst->out1] = static_cast<int>(i);
          break;
        case Inst::kBegin:
          go = i == 0;
          break;
        case Inst::kEnd:
          go = i == text.size();
          break;
        case Inst::kTail:
          // (A match through the tail ends at the end of the text and sets
          // no group after here. -1: the tail is searched as it is.)
          if (tail_ != nullptr && endpos == text.size()) {
            const int answer = tail_->Match(text, i, endpos);
            if (answer == 1) return found(endpos);
            go = answer < 0;
          }
          break;
        case Inst::kMatch:
          if (both_ends && i != endpos) {
            go = false;
            break;
          }
          return found(i);
      }
      if (!go) break;
      inst = prog + inst->out;
    }
  }
  if (memo != nullptr) {
    memo->owner = id_;
    memo->bytes = bytes;
    memo->shape = shape;
    memo->found = 0;
  }
  return 0;
}

int TagSubmatcher::MatchUnanchored(absl::string_view text,
                                   re2::StringPiece* groups, int n) const {
  for (size_t start = 0; start <= text.size(); ++start) {
    const int found = Match(text, start, text.size(), /*both_ends=*/false,
                            groups, n);
    if (found != 0) return found;
  }
  return 0;
}

}  // namespace internal
}  // namespace whosaid
