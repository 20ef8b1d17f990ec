// TagDfa: a small deterministic automaton that answers whether a rule
// pattern (or one of its halves) matches a tag string, as RE2::Match with no
// submatches would, without RE2's per-call work (start-state analysis, its
// general byte handling). Tag strings are short and spelled in a small ASCII
// alphabet: the automaton's states are built as searches first reach them
// (as RE2's DFA does), and a match is one table lookup a byte.
//
// Only the syntax the rules use is read: literals, escaped punctuation, ".",
// classes with ranges, groups "(...)", "(?:...)" and "(?P<name>...)",
// alternation, the quantifiers "*", "+", "?" and "{n}", "{n,}", "{n,m}"
// (greedy or lazy: the same language), "^" and "$" (the beginning and end of
// the text, as RE2 reads them by default). Anything else (flags, Perl classes,
// "\b", bytes outside ASCII) makes Compile() return null: the caller keeps
// RE2 for that pattern.
//
// A TagDfa is safe for concurrent use (a search holds its lock).
#ifndef WHOSAID_INTERNAL_TAG_DFA_H_
#define WHOSAID_INTERNAL_TAG_DFA_H_

#include <atomic>
#include <bitset>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/string_view.h"
#include "re2/stringpiece.h"

namespace whosaid {
namespace internal {

// The lock of one automaton's searches. A search holds it for a walk along
// a tag string, rarely longer (when it builds a state): an uncontended lock
// and unlock are an atomic exchange and a store, where std::mutex's are two
// calls into the C library (about 55 instructions a search, 0.7% of a run
// over news text). A thread that finds it held yields until it is free.
class TagDfaLock {
 public:
  void lock() {
    while (held_.exchange(true, std::memory_order_acquire)) {
      while (held_.load(std::memory_order_relaxed)) std::this_thread::yield();
    }
  }
  void unlock() { held_.store(false, std::memory_order_release); }

 private:
  std::atomic<bool> held_{false};
};

// A pattern read once, in the syntax TagDfa reads (see above), for the
// automata and the submatcher of one pattern to share: reading a rule's
// pattern costs about as much as building its submatcher.
//
// A TagPattern is immutable and safe for concurrent use.
class TagPattern {
 public:
  // Null when the pattern uses syntax not read here.
  static std::unique_ptr<TagPattern> Parse(absl::string_view pattern);
  ~TagPattern();

  // Sets of bytes of which every match holds one: a text that lacks all of
  // one set does not match. A literal or class outside repetitions that
  // may be skipped gives its set, an alternation the union of a set of
  // each alternative; the smallest kept (at most 8, smallest first), none
  // within another. Sets with byte 127 (negated classes, ".") are left
  // out: tag strings hold bytes below 127, and a caller may take 127 for
  // "always present".
  std::vector<std::bitset<128>> NeededSets() const;

  // The bytes a match can begin with (`last`: end with) into `bytes`; false
  // when a match can be empty (any byte, or none, may come there).
  bool EdgeBytes(bool last, std::bitset<128>* bytes) const;
  // As EdgeBytes(true, ...) for the pattern without its last top-level part
  // (a rule's left half without its cue group); false also when the
  // pattern has a top-level alternation.
  bool LastBytesBeforeLastPart(std::bitset<128>* bytes) const;

 private:
  friend class TagDfa;
  friend class TagSubmatcher;
  friend bool ReadTagPattern(absl::string_view pattern, int* groups,
                             std::map<std::string, int>* names,
                             std::unique_ptr<TagPattern>* parsed);
  struct Tree;  // the parsed pattern (tag_dfa.cc)
  TagPattern();
  std::unique_ptr<Tree> tree_;
};

// (Aligned to a line: the fields a search reads at each call share one, see
// below.)
class alignas(64) TagDfa {
 public:
  enum Mode {
    // A match must start at the search's start position (RE2::ANCHOR_START).
    kAnchored,
    // A match may start anywhere from there (RE2::UNANCHORED).
    kUnanchored,
    // A match must end at the search's end position, which must be the end
    // of the text; it is read backward from there. For a pattern that ends
    // in "$", the answer of RE2::UNANCHORED, without the states an
    // unanchored automaton needs to follow every start at once.
    kReverse,
  };

  // The automaton of `pattern` for searches of the given mode. Null when
  // the pattern uses syntax not read here. Once it has built `max_states`
  // states (32767 at most), a search that needs another returns -1.
  static std::unique_ptr<TagDfa> Compile(absl::string_view pattern, Mode mode,
                                         int max_states = 10000);
  // As above, for a pattern already read (null only when it is too large).
  static std::unique_ptr<TagDfa> Compile(const TagPattern& pattern, Mode mode,
                                         int max_states = 10000);
  ~TagDfa();

  // As RE2(pattern).Match(text, startpos, endpos, anchor, nullptr, 0) for
  // the mode given to Compile(): 1 when it matches, 0 when it does not, -1
  // when the text holds a byte this automaton does not read (a newline or a
  // byte outside ASCII), when it is empty, when a kReverse search does not
  // end at the end of the text, or when the automaton is full: ask RE2.
  int Match(absl::string_view text, size_t startpos, size_t endpos) const;

  // For kReverse: where the leftmost match that ends at the end of `text`
  // starts (where RE2 starts the match it gives for a pattern that ends in
  // "$"); -1 when there is none; -2 as Match() returns -1.
  int LeftmostStart(absl::string_view text) const;

  // The states built so far.
  int states() const;

  // Asks for the line a search reads first (all but the rows), for a
  // caller that knows a search of this automaton is coming: hundreds of
  // automata take turns, most of them out of the first-level cache.
  void Prefetch() const { __builtin_prefetch(this); }

 private:
  struct Impl;
  TagDfa();

  // A cell of next_: the state a transition goes to, kStops set when that
  // state ends a search (see next_), or kUnbuilt.
  static constexpr uint16_t kStops = 0x8000;
  static constexpr uint16_t kUnbuilt = 0xFFFF;
  // The most states: their indices stay below kStops (and kUnbuilt).
  static constexpr int kMaxStates = 0x7FFF;
  // The bytes of tags have slots of their own (TagSlot() in tag_dfa.cc),
  // the others share the last one.
  static constexpr int kTagSlots = 37;
  // Allocates next_ aligned to a 64-byte line (see there).
  template <typename T>
  struct LineAllocator {
    using value_type = T;
    LineAllocator() = default;
    template <typename U>
    LineAllocator(const LineAllocator<U>&) {}
    T* allocate(size_t n) {
      return static_cast<T*>(
          ::operator new (n * sizeof(T), std::align_val_t{64}));
    }
    void deallocate(T* p, size_t) {
      ::operator delete (p, std::align_val_t{64});
    }
    bool operator==(const LineAllocator&) const { return true; }
    bool operator!=(const LineAllocator&) const { return false; }
  };

  // The cell (see next_) of the state that state s goes to on column c,
  // built if need be; -1 when the automaton is full. Called with mu_ held.
  int32_t Step(int32_t s, int c) const;
  // Whether state s holds a match at the end of the text (worked out the
  // first time). Called with mu_ held.
  bool MatchAtEnd(int32_t s) const;
  // MatchAtEnd() the first time, for a state whose answer is not known:
  // works it out and keeps it.
  bool WorkOutMatchAtEnd(int32_t s) const;
  // The index of the state of the automaton's states `list` (in any order,
  // repeats allowed), added if need be; -1 when the automaton is full.
  // Called with mu_ held.
  int32_t Intern(const std::vector<int>& list) const;
  // As Intern, for the set of states marked in Impl::marks, whose words
  // outside [lo, hi) are all zero.
  int32_t InternMarks(size_t lo, size_t hi) const;
  // The cell that leads to state s (see next_).
  uint16_t CellOf(int32_t s) const {
    return static_cast<uint16_t>(s |
                                 ((state_[s] & kStopBits) != 0 ? kStops : 0));
  }
  const uint16_t* cells() const { return rows_; }
  // The cell after state s on the byte of column c, through the cells at
  // *next, which are read again after a step that builds a state (Step()
  // may move them); -1 when the automaton is full or c is the column of
  // no byte. The step LeftmostStart takes a byte. Called with mu_ held.
  int32_t NextCell(uint32_t s, int c, const uint16_t** next) const {
    const uint16_t cell = (*next)[(s << shift_) + c];
    if (cell != kUnbuilt) return cell;
    return BuildCell(s, c, next);
  }
  // NextCell() for a cell found kUnbuilt.
  int32_t BuildCell(uint32_t s, int c, const uint16_t** next) const {
    if (c == columns_) return -1;
    const int32_t built = Step(static_cast<int32_t>(s), c);
    if (built >= 0) *next = cells();
    return built;
  }

  // For Match(): the step from the state whose row starts at cell *row on
  // byte b, where the cell of b's slot, `to`, has kStops set (a cell to
  // build, or the slot of bytes not of tags, when kUnbuilt; else one that
  // ends the search): -1, 0 or 1 as Match() answers, or 2 when the walk
  // goes on (*row set to the next state's row). Called with mu_ held.
  int Stopped(uint32_t to, unsigned char b, int shift, size_t* row,
              const uint16_t** next) const;

  // Bits of state_.
  static constexpr uint8_t kMatchNow = 1;  // a match that needs nothing more
  static constexpr uint8_t kDead = 2;      // (state 0)
  static constexpr uint8_t kStopBits = kMatchNow | kDead;
  static constexpr uint8_t kAtEndKnown = 4;  // kMatchAtEnd worked out
  static constexpr uint8_t kMatchAtEnd = 8;  // a match at the end of the text

  // (The fields a search reads at each call, the byte map of the bytes of
  // tags among them, fill the first line of the object: a call reaches
  // hundreds of automata in turn, each likely out of the first-level cache,
  // and a walk read the byte map from two more lines before.)
  mutable TagDfaLock mu_;
  bool reverse_ = false;
  uint8_t columns_ = 0;  // of the bytes read here
  // State s has the row of 1 << shift_ cells from cell s << shift_ of
  // next_ (the columns, "not read", unused ones): next_ starts at a line of
  // 64 bytes, so no row of up to 32 cells crosses one.
  uint8_t shift_ = 0;
  // The cells that lead to where a search starts at position 0 of the text
  // (for kReverse: at its end), and elsewhere.
  uint16_t start_at_begin_ = 0;
  uint16_t start_later_ = 0;
  // next_.data() and state_.data(), set again when they grow.
  mutable const uint16_t* rows_ = nullptr;
  mutable const uint8_t* flags_ = nullptr;
  // Tag slot (TagSlot() in tag_dfa.cc) -> column: the column of the byte
  // of a tag, or columns_ for the slot of every other byte, whose cells
  // stay kUnbuilt: a step reads column_ for it when it leaves the walk.
  uint8_t slot_column_[kTagSlots];

  // The cell of column c of state s's row: the state s goes to on that
  // column, with kStops set when that state ends a search there (a match
  // that needs nothing more, or the dead state, state 0: see state_), or
  // kUnbuilt when not built yet (always, for the column of bytes not read).
  // (A search walks these rows with a load latency a byte, often a miss
  // of the first-level cache: hundreds of automata, thousands of states
  // in the largest. So rows are kept small: cells of 16 bits, a row of up
  // to 31 columns in one line, and the stop read from the cell that leads
  // to the state rather than from a cell of the state's own row. news.jsonl,
  // 301 automata of 34.5k states: 4.3 MB of rows of 32-bit cells, 2.2 MB
  // now.) Guarded by mu_, as the one below.
  mutable std::vector<uint16_t, LineAllocator<uint16_t>> next_;
  // For state s: kMatchNow, kDead, kAtEndKnown, kMatchAtEnd (whether it
  // holds a match at the end of the text, perhaps by "$", worked out when a
  // search first ends there).
  mutable std::vector<uint8_t> state_;
  std::unique_ptr<Impl> impl_;
  // Byte -> column; columns_ for a byte not read here (its cell in each
  // row of next_ stays kUnbuilt: a step finds it unbuilt, then tells it
  // apart).
  uint8_t column_[256];
};

// Whether TagDfa reads `pattern` and RE2 surely accepts it: escapes of
// operators only, counted repetitions of 1000 at most (nested ones too,
// multiplied), group names of a letter then letters, digits or '_', each
// name once, and a program far below RE2's memory bound. If so, sets
// `*groups` to the number of its capturing groups and `*names` to the named
// ones, numbered as RE2 numbers them, and `*parsed` (when given) to the
// pattern as read (for what TagPattern tells of it without a second
// reading). False when in doubt: ask RE2. Lets a caller refuse a bad
// pattern at once and compile its RE2 only when a search needs it.
bool ReadTagPattern(absl::string_view pattern, int* groups,
                    std::map<std::string, int>* names,
                    std::unique_ptr<TagPattern>* parsed = nullptr);

// The groups of a match of a rule's half, as RE2 gives them: a backtracking
// search in the order of RE2's leftmost-first preferences (alternatives in
// order, greedy or lazy repetitions), with RE2's BitState bound (each place
// of the program at each byte tried once), over the syntax TagDfa reads.
// RE2 runs the same search for these short strings, after more work a call
// (allocations, engine choice).
//
// A TagSubmatcher is immutable and safe for concurrent use.
class TagSubmatcher {
 public:
  // Null when the pattern uses syntax TagDfa does not read, or tells more
  // than 63 kinds of byte apart (see class_).
  static std::unique_ptr<TagSubmatcher> Compile(absl::string_view pattern);
  // As above, for a pattern already read (null only when it is too large or
  // tells too many bytes apart).
  static std::unique_ptr<TagSubmatcher> Compile(const TagPattern& pattern);
  ~TagSubmatcher();

  // As RE2(pattern).Match(text, startpos, endpos, anchor, groups, n) with
  // anchor RE2::ANCHOR_BOTH when `both_ends`, else RE2::ANCHOR_START: 1
  // when it matches (groups set, unset ones null), 0 when it does not, -1
  // when the text holds a byte not read here (see TagDfa::Match) or n is
  // more than the pattern's groups and one: ask RE2.
  int Match(absl::string_view text, size_t startpos, size_t endpos,
            bool both_ends, re2::StringPiece* groups, int n) const;

  // As RE2(pattern).Match(text, 0, text.size(), RE2::UNANCHORED, groups, n):
  // RE2 prefers the match that starts first, then its leftmost-first one
  // from there, so this is Match() from each place in turn up to the first
  // that gives one. Answers as Match().
  int MatchUnanchored(absl::string_view text, re2::StringPiece* groups,
                      int n) const;

  int groups() const { return groups_; }

  struct Inst;  // (public for the builder in tag_dfa.cc)

 private:
  TagSubmatcher();

  // The program: instructions of 32 bytes (aligned so), each with what a
  // step from it reads (see Inst), so that a step reads one line of it.
  std::vector<Inst> prog_;
  // Byte (below 128) -> its class: the bytes that every set of the pattern
  // reads alike share one. Class ends_ (at most 63) stands for the end of
  // the search, where no byte is read: a step reads the class of the byte
  // at its place in a mask of 64 bits.
  uint8_t class_[128];
  int ends_ = 0;
  int start_ = 0;
  int groups_ = 0;
  int rows_ = 0;  // of the visited bitmap (see Inst::row)
  // Names this submatcher in the answers Match() keeps (unlike its address,
  // never that of another one, even after this one is gone).
  uint64_t id_ = 0;
  // The automaton of the pattern's tail, anchored: the parts after its
  // last one that holds a capturing group, when they end in "$" (a rule's
  // right half: "(?:{TRAIL}|...)?[.]?$" after its content group). A path
  // that reaches the tail (Inst::kTail) at a place matches exactly when
  // the tail matches from there to the end of the text, and sets no group
  // on the way: Match() asks this automaton instead of backtracking
  // through the tail's alternatives at each place. Shared by the
  // submatchers of patterns with the same tail (SharedTail in
  // tag_dfa.cc); null when the pattern has no such tail.
  std::shared_ptr<const TagDfa> tail_;
};

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_TAG_DFA_H_
