#include "whosaid/topic_tagger.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <type_traits>
#include <utility>

#include "absl/base/call_once.h"
#include "absl/base/optimization.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/types/span.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "internal/embedded.h"
#include "internal/part_walk.h"
#include "internal/text_layout.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "whosaid/v1/topics.pb.h"

namespace whosaid {
namespace {

// Keeps the first text-format error, with its 1-based line.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    (void)column;
    if (line_ == 0) {
      line_ = line + 1;
      message_ = message;
    }
  }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  int line_ = 0;
  std::string message_;
};

re2::StringPiece Piece(absl::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// Wraps a pattern so it matches whole words only. \b keeps the set's DFA
// small (a (?:^|\W) prefix on every pattern made matching ~6x slower); a
// pattern that ends in a period ("U\.S\.") takes a non-word or the end.
std::string WholeWords(absl::string_view pattern) {
  bool ends_in_period = absl::EndsWith(pattern, ".");
  return absl::StrCat("\\b(?:", pattern, ")",
                      ends_in_period ? "(?:\\W|$)" : "\\b");
}

// Whether `pattern` is plain words: ASCII letters, digits, spaces, ' and -,
// with | and groups "(...)", and ? after a letter or a group, in each
// top-level alternative a letter that ? does not make optional. Such a
// pattern compiles (RE2 reads every one of them) and cannot match the empty
// string, so Create() need not compile it alone to find out: most of the
// lexicon's patterns are of this kind ("wars?", "air ?strikes?",
// "invad(e|es|ed|ing)"), and compiling each alone was most of the cost of
// Create(). Any other pattern is checked as before, and so is a long one
// (one too large for RE2's memory budget fails to compile alone).
bool PlainWords(absl::string_view pattern) {
  if (pattern.size() > 256) return false;
  auto word_char = [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == ' ' ||
           c == '\'' || c == '-';
  };
  int depth = 0;
  bool required = false;  // in the current top-level alternative
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    const bool optional = i + 1 < pattern.size() && pattern[i + 1] == '?';
    if (word_char(c)) {
      if (depth == 0 && !optional) required = true;
    } else if (c == '(') {
      if (optional) return false;  // "(?" opens flags or a named group
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;
    } else if (c == '|') {
      if (depth == 0) {
        if (!required) return false;
        required = false;
      }
    } else if (c == '?') {
      // After a letter or a group, and not "??".
      if (i == 0 || !(word_char(pattern[i - 1]) || pattern[i - 1] == ')') ||
          optional) {
        return false;
      }
    } else {
      return false;
    }
  }
  return depth == 0 && required;
}

// Each pattern is also read, when it is simple enough, as the finite set of
// strings it matches (a "word pattern"): RE2's syntax restricted to literal
// characters, escaped punctuation, classes of single characters, groups
// ("(...)", "(?:...)", "(?i:...)", "(?-i:...)"), "|", "?" and "+" after one
// character. Tag() matches those with a WordAutomaton, which runs from the
// start of each word of the text only, and leaves RE2 the rest.

using ByteSet = std::bitset<256>;

// One character position of a word pattern. An ASCII position keeps the
// bytes it takes in `ascii` (a folding letter: both cases; RE2 also folds
// 'k' and 's' to two non-ASCII letters, U+212A KELVIN SIGN and U+017F LONG S,
// which Tag() leaves to RE2); a non-ASCII character keeps its code point in
// `wide` (only RE2 knows what it folds to). `plus`: the position repeats, as
// RE2's "x+".
struct Atom {
  ByteSet ascii;
  uint32_t wide = 0;
  bool fold = false;
  bool plus = false;

  void Add(unsigned char c) {
    ascii.set(c);
    if (fold && absl::ascii_isalpha(c)) ascii.set(c ^ 0x20);
  }
};
using Sequence = std::vector<Atom>;

// Hashes a ByteSet by its four words (256 bits: no spare bits, so equal
// sets have equal words). (absl::Hash of a std::bitset goes through
// std::hash, a call to libstdc++'s _Hash_bytes over the 32 bytes for each
// of the some 9,000 atoms WordAutomaton::Build() numbers: 0.65M
// instructions at start-up.)
struct ByteSetHash {
  size_t operator()(const ByteSet& set) const {
    static_assert(sizeof(ByteSet) == 4 * sizeof(uint64_t) &&
                      std::is_trivially_copyable<ByteSet>::value,
                  "a ByteSet is its 256 bits");
    uint64_t words[4];
    std::memcpy(words, &set, sizeof(words));
    return absl::HashOf(words[0], words[1], words[2], words[3]);
  }
};

// A pattern reading as more strings than this is left to RE2.
constexpr size_t kMaxSequences = 256;

// Reads a pattern into the sequences of atoms it matches, or says it is not
// a word pattern. What it reads RE2 reads too (its syntax, stricter: an
// escape of punctuation only, a class of single characters, UTF-8 as RE2
// decodes it), and can match no empty string.
class SequenceReader {
 public:
  explicit SequenceReader(absl::string_view pattern) : p_(pattern) {}

  // Fills *out and returns true if the whole pattern is a word pattern none
  // of whose sequences is empty.
  bool Read(std::vector<Sequence>* out) {
    if (!Alternation(/*fold=*/true, out) || pos_ != p_.size()) return false;
    for (const Sequence& s : *out) {
      if (s.empty()) return false;
    }
    return true;
  }

 private:
  bool At(char c) const { return pos_ < p_.size() && p_[pos_] == c; }
  bool Consume(absl::string_view s) {
    if (!absl::StartsWith(p_.substr(pos_), s)) return false;
    pos_ += s.size();
    return true;
  }

  bool Alternation(bool fold, std::vector<Sequence>* out) {
    out->clear();
    std::vector<Sequence> branch;
    while (true) {
      if (!Concatenation(fold, &branch)) return false;
      out->insert(out->end(), std::make_move_iterator(branch.begin()),
                  std::make_move_iterator(branch.end()));
      if (out->size() > kMaxSequences) return false;
      if (!Consume("|")) return true;
    }
  }

  bool Concatenation(bool fold, std::vector<Sequence>* out) {
    out->assign(1, Sequence());
    // (Room for the characters of a word or two, no more: most branches are
    // one sequence, which grows a character at a time.)
    (*out)[0].reserve(std::min<size_t>(p_.size() - pos_, 24));
    // (One piece's sequences after another's in the same vector: a piece
    // of one character, most of them, fills the memory of the last.)
    std::vector<Sequence> piece;
    while (pos_ < p_.size() && !At('|') && !At(')')) {
      if (!Piece(fold, &piece)) return false;
      if (piece.size() == 1) {  // most pieces: one character
        for (Sequence& head : *out) {
          head.insert(head.end(), piece[0].begin(), piece[0].end());
        }
        continue;
      }
      std::vector<Sequence> product;
      for (const Sequence& head : *out) {
        for (const Sequence& tail : piece) {
          if (product.size() == kMaxSequences) return false;
          product.push_back(head);
          product.back().insert(product.back().end(), tail.begin(), tail.end());
        }
      }
      *out = std::move(product);
    }
    return true;
  }

  // A primary and its repetition operator, if any.
  bool Piece(bool fold, std::vector<Sequence>* out) {
    if (!Primary(fold, out)) return false;
    if (!At('?') && !At('+')) return true;
    const char op = p_[pos_++];
    Consume("?");  // non-greedy: the same strings
    if (At('?') || At('+') || At('*') || At('{')) return false;
    if (op == '?') {
      out->push_back(Sequence());
      return true;
    }
    if (out->size() != 1 || (*out)[0].size() != 1 || (*out)[0][0].wide != 0) {
      return false;
    }
    (*out)[0][0].plus = true;
    return true;
  }

  bool Primary(bool fold, std::vector<Sequence>* out) {
    const unsigned char c = p_[pos_];
    if (c == '(') {
      ++pos_;
      bool inner = fold;
      if (Consume("?i:")) {
        inner = true;
      } else if (Consume("?-i:")) {
        inner = false;
      } else if (!Consume("?:") && At('?')) {
        return false;  // other flags, a named group
      }
      return Alternation(inner, out) && Consume(")");
    }
    if (c == '[') {
      out->clear();
      return Class(fold, out);
    }
    Atom atom;
    atom.fold = fold;
    if (c == '\\') {
      // An escaped punctuation character is itself; other escapes (\d, \b,
      // \pL, \x41, ...) are RE2's.
      if (pos_ + 1 >= p_.size()) return false;
      const unsigned char e = p_[pos_ + 1];
      if (e >= 0x80 || !absl::ascii_ispunct(e) || e == '_') return false;
      atom.Add(e);
      pos_ += 2;
    } else if (c >= 0x80) {
      if (!Wide(&atom.wide)) return false;
    } else if (c < 0x20 || c == 0x7f || absl::string_view(".*+?()[]{}|^$").find(c) != absl::string_view::npos) {
      return false;
    } else {
      atom.Add(c);
      ++pos_;
    }
    out->resize(1);
    (*out)[0].assign(1, atom);
    return true;
  }

  // "[...]" of single characters, no range, no negation, no escape: the ASCII
  // members as one atom, each non-ASCII member as an atom of its own.
  bool Class(bool fold, std::vector<Sequence>* out) {
    ++pos_;
    const size_t first = pos_;
    Atom ascii;
    ascii.fold = fold;
    while (true) {
      if (pos_ >= p_.size()) return false;
      const unsigned char c = p_[pos_];
      if (c == ']' && pos_ > first) break;
      if (c == ']' || c == '[' || c == '\\' || (c == '^' && pos_ == first)) {
        return false;
      }
      if (c == '-' && pos_ != first &&
          !(pos_ + 1 < p_.size() && p_[pos_ + 1] == ']')) {
        return false;  // a range
      }
      if (c >= 0x80) {
        Atom wide;
        wide.fold = fold;
        if (!Wide(&wide.wide)) return false;
        out->push_back(Sequence{wide});
        continue;
      }
      if (c < 0x20 || c == 0x7f) return false;
      ascii.Add(c);
      ++pos_;
    }
    ++pos_;
    if (ascii.ascii.any()) out->insert(out->begin(), Sequence{ascii});
    return !out->empty();
  }

  // Decodes the UTF-8 character at pos_.
  bool Wide(uint32_t* rune) {
    const auto byte = [this](size_t i) {
      return static_cast<unsigned char>(p_[i]);
    };
    const unsigned char lead = byte(pos_);
    int length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
    if (length == 0 || pos_ + length > p_.size()) return false;
    uint32_t r = lead & (0x7f >> length);
    for (int i = 1; i < length; ++i) {
      if ((byte(pos_ + i) & 0xc0) != 0x80) return false;
      r = (r << 6) | (byte(pos_ + i) & 0x3f);
    }
    // As RE2 decodes it: in the shortest form, and no more than U+10FFFF.
    static constexpr uint32_t kLeast[] = {0, 0, 0x80, 0x800, 0x10000};
    if (lead >= 0xf8 || r < kLeast[length] || r > 0x10ffff) return false;
    *rune = r;
    pos_ += length;
    return true;
  }

  absl::string_view p_;
  size_t pos_ = 0;
};

// Whether `pattern` is a word pattern (SequenceReader) short enough, as
// PlainWords() asks, for RE2 to compile it alone: then Create() need not
// compile it alone to know it is valid and matches no empty string.
bool ShortWordPattern(absl::string_view pattern) {
  if (pattern.size() > 256) return false;
  std::vector<Sequence> sequences;
  return SequenceReader(pattern).Read(&sequences);
}

// The bytes RE2's \b counts as word characters.
struct WordBytes {
  constexpr WordBytes() : is() {
    for (int c = 0; c < 256; ++c) {
      is[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
              (c >= 'a' && c <= 'z') || c == '_';
    }
  }
  bool is[256];
};
constexpr WordBytes kWord;

// A word pattern's sequence as RE2 syntax, for RE2 to match. (Folding the
// folded cases again changes nothing.)
std::string SequenceRegexp(const Sequence& sequence) {
  std::string out;
  for (const Atom& atom : sequence) {
    absl::StrAppend(&out, atom.fold ? "(?i:[" : "(?-i:[");
    if (atom.wide != 0) {
      absl::StrAppendFormat(&out, "\\x{%x}", atom.wide);
    }
    for (int c = 0; c < 128; ++c) {
      if (atom.ascii[c]) absl::StrAppendFormat(&out, "\\x{%x}", c);
    }
    absl::StrAppend(&out, atom.plus ? "])+" : "])");
  }
  return out;
}

// Whether text must hold a byte of 0x80 or above outside the punctuation
// block U+2000..U+203F (quotes, dashes) for `sequence` to match it: it has a
// non-ASCII character that is not punctuation and that no ASCII letter folds
// to. (No case folding reaches that block; only U+017F and U+212A fold to
// ASCII.)
bool NeedsNonAsciiText(const Sequence& sequence) {
  for (const Atom& atom : sequence) {
    if (atom.wide != 0 && !(atom.wide >= 0x2000 && atom.wide <= 0x203f) &&
        atom.wide != 0x17f && atom.wide != 0x212a) {
      return true;
    }
  }
  return false;
}

// What a text holds besides ASCII (ScanNonAscii()).
struct TextScan {
  // The text has U+017F or U+212A, which RE2 folds to "s" and "k": the
  // automaton's answer is incomplete.
  bool folds_to_ascii = false;
  // The text has a byte >= 0x80 outside U+2000..U+203F.
  bool non_ascii = false;
};

// Reports in *scan what `text` holds besides ASCII (TextScan).
void ScanNonAscii(absl::string_view text, TextScan* scan) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = internal::NextNonAscii(text, 0); i < n;
       i = internal::NextNonAscii(text, i)) {
    const unsigned char c = p[i];
    if (c == 0xe2 && i + 2 < n && p[i + 1] == 0x80 &&
        (p[i + 2] & 0xc0) == 0x80) {
      i += 3;  // U+2000..U+203F: quotes, dashes
    } else if ((c == 0xc5 && i + 1 < n && p[i + 1] == 0xbf) ||
               (c == 0xe2 && i + 2 < n && p[i + 1] == 0x84 &&
                p[i + 2] == 0xaa)) {
      scan->folds_to_ascii = true;
      scan->non_ascii = true;
      i += c == 0xc5 ? 2 : 3;
    } else {
      scan->non_ascii = true;
      ++i;
    }
  }
}

// A deterministic automaton over bytes for word patterns whose sequences are
// ASCII and begin with word characters. Such a sequence can match only from
// the start of a word (a word character after a non-word one, \b): the
// automaton begins every sequence again at each word start as it reads, so
// Scan() takes one step a byte of the text: no lowercase copy of the text,
// no hashing, no backtracking. (Until session 28 it ran from each word start
// until it died, then skipped the rest of the word: each byte of a word
// was read twice, and each word cost a call.)
class WordAutomaton {
 public:
  struct Entry {
    Sequence atoms;
    int topic;
    bool period_end;  // ends as (?:\W|$) rather than \b
  };

  // Builds the automaton; false if it would be too large.
  bool Build(const std::vector<Entry>& entries);

  // Appends to *topics the topic of every entry matching `text` (with
  // repeats).
  void Scan(absl::string_view text, std::vector<int>* topics) const;

 private:
  struct Accept {
    int topic;
    bool period_end;
    bool operator==(const Accept& o) const {
      return topic == o.topic && period_end == o.period_end;
    }
  };
  using StateId = uint32_t;
  static constexpr size_t kMaxStates = 1 << 16;  // (next_ holds 16 bits)
  // The item of a state that says the byte read last is a word byte.
  static constexpr uint32_t kAfterWord = ~uint32_t{0};

  // Build()'s states by their items (see there), looked up by a list of
  // items too.
  struct StateHash {
    using is_transparent = void;
    const std::vector<uint32_t>* items;
    const std::vector<uint32_t>* item_begin;
    absl::Span<const uint32_t> Items(StateId s) const {
      return absl::MakeConstSpan(items->data() + (*item_begin)[s],
                                 (*item_begin)[s + 1] - (*item_begin)[s]);
    }
    size_t operator()(absl::Span<const uint32_t> list) const {
      return absl::Hash<absl::Span<const uint32_t>>()(list);
    }
    size_t operator()(StateId s) const { return (*this)(Items(s)); }
  };
  struct StateEq {
    using is_transparent = void;
    StateHash of;
    absl::Span<const uint32_t> Items(StateId s) const { return of.Items(s); }
    absl::Span<const uint32_t> Items(absl::Span<const uint32_t> l) const { return l; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return Items(a) == Items(b);
    }
  };
  using StateSet = absl::flat_hash_set<StateId, StateHash, StateEq>;

  uint8_t class_of_[256] = {};
  uint32_t classes_ = 1;
  // column_[byte][state]: the state after reading the byte. The table,
  // next_, is by class, then by state (column_[b] points at the column of
  // class_of_[b]), and holds 16-bit states (kMaxStates): a step is two
  // loads, the column's pointer (by the byte, off the chain of states) and
  // the state, as it was with rows of 32-bit row offsets, but the table is
  // half the size. (With the column's offset rather than its address, a step
  // took an addition more.) (The walk is a chain of dependent loads:
  // with the default lexicon's 4646 states and 57 classes the old table
  // took 1 MiB, and Scan() took 6% of the time for 1.6% of the
  // instructions, waiting on cache misses.) The states that end an entry
  // come last, from accepting_, so one comparison tells. The start
  // (nothing read, or a byte that is no word byte and nothing matching) is
  // state 0.
  // (An array: Build() writes every entry, and a vector would zero them
  // first.)
  std::unique_ptr<uint16_t[]> next_;
  const uint16_t* column_[256] = {};
  uint32_t accepting_ = 0;
  // The state after a word byte with no entry matching (kAfterWord alone):
  // with the start, the only states of no item (see Scan()).
  uint32_t in_word_ = 0;
  // The entries ending in state s:
  // accepts_[accept_begin_[s] .. accept_begin_[s + 1]).
  std::vector<uint32_t> accept_begin_;
  std::vector<Accept> accepts_;
};

bool WordAutomaton::Build(const std::vector<Entry>& entries) {
  // Bytes no atom tells apart share a class, but never a word byte and
  // another (a word starts at a word byte after another byte).
  // The distinct byte sets, numbered as first met, and each atom's number
  // (entry by entry), found with one lookup an atom. (The classes, below,
  // are numbered by their first byte whatever the order of the sets.)
  ByteSet word_bytes;
  for (int b = 0; b < 256; ++b) word_bytes[b] = kWord.is[b];
  std::vector<ByteSet> distinct = {word_bytes};
  absl::flat_hash_map<ByteSet, uint32_t, ByteSetHash> set_number = {
      {word_bytes, 0}};
  std::vector<uint32_t> atom_set;
  for (const Entry& entry : entries) {
    for (const Atom& atom : entry.atoms) {
      const auto [it, added] = set_number.try_emplace(
          atom.ascii, static_cast<uint32_t>(distinct.size()));
      if (added) distinct.push_back(atom.ascii);
      atom_set.push_back(it->second);
    }
  }
  int classes = 1;
  for (const ByteSet& set : distinct) {
    std::vector<int> renumber(2 * classes, -1);
    int next = 0;
    for (int b = 0; b < 256; ++b) {
      int& id = renumber[2 * class_of_[b] + (set[b] ? 1 : 0)];
      if (id < 0) id = next++;
      class_of_[b] = static_cast<uint8_t>(id);
    }
    classes = next;
  }
  classes_ = classes;
  std::vector<bool> word_class(classes_);
  for (int b = 0; b < 256; ++b) {
    if (kWord.is[b]) word_class[class_of_[b]] = true;
  }
  // The classes each set takes, and so each atom.
  std::vector<std::vector<int>> classes_of(distinct.size());
  for (size_t k = 0; k < distinct.size(); ++k) {
    std::vector<bool> taken(classes_);
    for (int b = 0; b < 256; ++b) {
      if (distinct[k][b]) taken[class_of_[b]] = true;
    }
    for (uint32_t c = 0; c < classes_; ++c) {
      if (taken[c]) classes_of[k].push_back(c);
    }
  }
  std::vector<std::vector<const std::vector<int>*>> atom_classes(
      entries.size());
  for (size_t e = 0, k = 0; e < entries.size(); ++e) {
    atom_classes[e].reserve(entries[e].atoms.size());
    for (size_t a = 0; a < entries[e].atoms.size(); ++a) {
      atom_classes[e].push_back(&classes_of[atom_set[k++]]);
    }
  }
  // By word class: the items of the entries a word that starts with a byte
  // of the class begins to match, in order, then kAfterWord.
  std::vector<std::vector<uint32_t>> starts(classes_);
  for (size_t e = 0; e < entries.size(); ++e) {
    for (int c : *atom_classes[e][0]) {
      starts[c].push_back(static_cast<uint32_t>(e) << 8 | 1);
    }
  }
  for (uint32_t c = 0; c < classes_; ++c) {
    if (word_class[c]) starts[c].push_back(kAfterWord);
  }

  // Subset construction. A state is a sorted set of items entry << 8 |
  // atoms matched, and kAfterWord (last) when the byte read last is a word
  // byte; state s's are items[item_begin[s] .. item_begin[s + 1]), all in
  // one vector (thousands of states: no allocation each). State 0, the
  // start, has none.
  std::vector<uint32_t> items;
  std::vector<uint32_t> item_begin = {0, 0};
  const StateSet::hasher hash{&items, &item_begin};
  // (A state for each atom or so: room for them at once, not rehashed as
  // the set doubles, each rehash hashing every state's items again.)
  StateSet ids(/*bucket_count=*/atom_set.size(), hash,
               StateSet::key_equal{hash});
  ids.insert(0);
  // The moves of state s that leave its default row (below): (class,
  // state) pairs moves[move_begin[s] .. move_begin[s + 1]). A state's items
  // take few of the classes: the table is written once, in the final
  // numbering, when every state is known. (Filled, copied and renumbered
  // entry by entry, the table took a fifth of the instructions here.)
  std::vector<std::pair<uint32_t, StateId>> moves;
  std::vector<uint32_t> move_begin = {0};
  bool too_large = false;
  // The state of the items `target` (sorted, each once), added if new.
  // (One hash and one probe for a new state: lazy_emplace() adds it where
  // the search ended, its items stored just before.)
  auto state_of = [&](const std::vector<uint32_t>& target) -> StateId {
    const absl::Span<const uint32_t> key = absl::MakeConstSpan(target);
    const size_t size = item_begin.size() - 1;  // states so far
    if (size >= kMaxStates) {
      auto it = ids.find(key);
      if (it != ids.end()) return *it;
      too_large = true;
      return 0;
    }
    return *ids.lazy_emplace(key, [&](const StateSet::constructor& add) {
      items.insert(items.end(), target.begin(), target.end());
      item_begin.push_back(static_cast<uint32_t>(items.size()));
      add(static_cast<StateId>(size));
    });
  };
  // Where a byte goes that no item of the state takes, by class, after a
  // word byte and after another byte: a byte that is no word byte to the
  // start (0); a word byte after one to the state of kAfterWord alone, and
  // after another byte to the state of the starts of its class. (Most of
  // the classes, from most states: found once, not looked up for each.)
  std::vector<StateId> after_word_row(classes_, 0), after_other_row(classes_, 0);
  const StateId in_word = state_of({kAfterWord});
  for (uint32_t c = 0; c < classes_; ++c) {
    if (!word_class[c]) continue;
    after_word_row[c] = in_word;
    after_other_row[c] = state_of(starts[c]);
  }
  // Whether state s says the byte read last is a word byte (kAfterWord):
  // its default row is then after_word_row, else after_other_row.
  auto in_a_word = [&](size_t s) {
    const uint32_t first = item_begin[s], last = item_begin[s + 1];
    return last > first && items[last - 1] == kAfterWord;
  };
  // The class of the letters of the other case (-1: none, or no one class):
  // most atoms fold, and take a letter's class and its partner's alike, so
  // a state most often steps the same items on both and goes to one state.
  // Where the items and the starts are the same, the target is found once
  // for the two. (A case-sensitive pattern, "(?-i:US)", keeps the classes
  // apart.)
  std::vector<int> partner(classes_, -2);
  for (int b = 0; b < 256; ++b) {
    const int c = class_of_[b];
    const int p = absl::ascii_isalpha(static_cast<unsigned char>(b))
                      ? class_of_[b ^ 0x20]
                      : -1;
    partner[c] = partner[c] == -2 || partner[c] == p ? p : -1;
  }
  for (uint32_t c = 0; c < classes_; ++c) {
    if (partner[c] == static_cast<int>(c)) partner[c] = -1;
  }
  std::vector<std::vector<uint32_t>> steps(classes_);
  std::vector<int> reached;  // the classes whose steps are not empty
  std::vector<uint32_t> target;
  for (size_t s = 0; s + 1 < item_begin.size() && !too_large; ++s) {
    // (By index: `items` grows as states are added below.)
    const uint32_t first = item_begin[s], last = item_begin[s + 1];
    const bool after_word = in_a_word(s);
    reached.clear();
    auto add = [&](int c, uint32_t item) {
      if (steps[c].empty()) reached.push_back(c);
      steps[c].push_back(item);
    };
    for (uint32_t k = first; k < last; ++k) {
      const uint32_t item = items[k];
      if (item == kAfterWord) continue;
      const size_t e = item >> 8, matched = item & 0xff;
      const Sequence& atoms = entries[e].atoms;
      if (matched < atoms.size()) {
        for (int c : *atom_classes[e][matched]) add(c, item + 1);
      }
      if (matched > 0 && atoms[matched - 1].plus) {
        for (int c : *atom_classes[e][matched - 1]) add(c, item);
      }
    }
    // (In class order: the states are numbered in the order found.)
    std::sort(reached.begin(), reached.end());
    for (int c : reached) {
      std::vector<uint32_t>& step = steps[c];
      if (step.empty()) continue;  // its partner's move was its own
      const int p = partner[c];
      const bool same =
          p >= 0 && steps[p] == step &&
          (after_word || !word_class[c] || starts[p] == starts[c]);
      std::sort(step.begin(), step.end());
      target.clear();
      if (!word_class[c]) {
        target.swap(step);
      } else if (after_word) {
        target.swap(step);
        target.push_back(kAfterWord);
      } else {
        // A word starts: the starts of its first byte's class join. (Both
        // lists are in order: merged, not sorted again.)
        std::merge(step.begin(), step.end(), starts[c].begin(),
                   starts[c].end(), std::back_inserter(target));
      }
      step.clear();
      target.erase(std::unique(target.begin(), target.end()), target.end());
      const StateId to = state_of(target);
      moves.emplace_back(c, to);
      if (same) {
        moves.emplace_back(p, to);
        steps[p].clear();
      }
    }
    move_begin.push_back(static_cast<uint32_t>(moves.size()));
  }
  if (too_large) return false;
  const size_t states = item_begin.size() - 1;
  // The entries each state ends, then the states renumbered: those that
  // end none first (the start stays 0).
  std::vector<uint32_t> begin_of(states + 1, 0);  // by old number
  std::vector<Accept> accepts;
  for (size_t s = 0; s < states; ++s) {
    const size_t first = accepts.size();
    for (uint32_t k = item_begin[s]; k < item_begin[s + 1]; ++k) {
      const uint32_t item = items[k];
      if (item == kAfterWord) continue;
      const Entry& entry = entries[item >> 8];
      if ((item & 0xff) != entry.atoms.size()) continue;
      Accept accept = {entry.topic, entry.period_end};
      if (std::find(accepts.begin() + first, accepts.end(), accept) ==
          accepts.end()) {
        accepts.push_back(accept);
      }
    }
    begin_of[s + 1] = static_cast<uint32_t>(accepts.size());
  }
  auto ends_entry = [&](size_t s) { return begin_of[s + 1] > begin_of[s]; };
  std::vector<StateId> renumbered(states);
  StateId count = 0;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) accepting_ = count;
    for (size_t s = 0; s < states; ++s) {
      if (ends_entry(s) == (pass == 1)) renumbered[s] = count++;
    }
  }
  std::vector<StateId> old_of(states);
  for (size_t s = 0; s < states; ++s) old_of[renumbered[s]] = s;
  // The default rows in the new numbering; each state's moves are its
  // default ones with its own written over them.
  in_word_ = renumbered[in_word];
  for (uint32_t c = 0; c < classes_; ++c) {
    after_word_row[c] = renumbered[after_word_row[c]];
    after_other_row[c] = renumbered[after_other_row[c]];
  }
  // The default rows, a class at a time along the table's memory: a loop
  // the compiler makes of wide stores. (A state at a time, each store a
  // column's length from the last, cost 0.85M more instructions.)
  std::vector<uint8_t> word_state(states);  // in_a_word(), by new number
  for (size_t r = 0; r < states; ++r) word_state[r] = in_a_word(old_of[r]);
  next_.reset(new uint16_t[classes_ * states]);
  for (int b = 0; b < 256; ++b) {
    column_[b] = next_.get() + class_of_[b] * states;
  }
  for (uint32_t c = 0; c < classes_; ++c) {
    const uint16_t after_word = static_cast<uint16_t>(after_word_row[c]);
    const uint16_t after_other = static_cast<uint16_t>(after_other_row[c]);
    uint16_t* const column = next_.get() + c * states;
    for (size_t r = 0; r < states; ++r) {
      column[r] = word_state[r] != 0 ? after_word : after_other;
    }
  }
  accept_begin_.assign(1, 0);
  for (size_t r = 0; r < states; ++r) {
    const size_t s = old_of[r];
    for (uint32_t m = move_begin[s]; m < move_begin[s + 1]; ++m) {
      next_[moves[m].first * states + r] =
          static_cast<uint16_t>(renumbered[moves[m].second]);
    }
    accepts_.insert(accepts_.end(), accepts.begin() + begin_of[s],
                    accepts.begin() + begin_of[s + 1]);
    accept_begin_.push_back(static_cast<uint32_t>(accepts_.size()));
  }
  return true;
}

void WordAutomaton::Scan(absl::string_view text,
                         std::vector<int>* topics) const {
  // (Locals: the compiler cannot tell that topics->push_back() leaves the
  // members alone.)
  const auto* const begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = begin + text.size();
  const size_t accepting = accepting_;
  // The entries that end after *at in `state`: \b there, or (?:\W|$).
  auto report = [&](const unsigned char* at, size_t state) {
    const bool before = kWord.is[*at];
    const bool after = at + 1 < end && kWord.is[at[1]];
    for (uint32_t a = accept_begin_[state]; a < accept_begin_[state + 1]; ++a) {
      const Accept& accept = accepts_[a];
      if (accept.period_end ? !after : before != after) {
        topics->push_back(accept.topic);
      }
    }
  };
  // Four parts at once (WalkInParts()), for the table is larger than the
  // first-level cache. A part after the first starts after a byte that is
  // no word byte, in the start state. A part's state is then at each byte
  // a subset of the true one (a subset construction's state is a set of
  // items: fewer items, fewer moves; the entries begun before the part are
  // missing), so what it reports is reported in any case; where the true
  // state has no item (the start, or in_word_) the state of any part there
  // is the true one. (Topics are gathered as a set: what two parts report
  // counts once.)
  constexpr size_t kMinPart = 16;  // bytes of a part, at least
  const size_t n = text.size();
  auto part_start = [&](size_t at) {
    while (at < n && kWord.is[begin[at - 1]]) ++at;
    return at;
  };
  size_t cut1 = n, cut2 = n, cut3 = n;
  if (n >= 4 * kMinPart) {
    cut1 = part_start(n / 4);
    cut2 = std::max(cut1, part_start(n / 2));
    cut3 = std::max(cut2, part_start(n - n / 4));
  } else if (n >= 2 * kMinPart) {
    cut1 = cut2 = cut3 = part_start(n / 2);  // two parts
  }
  const size_t in_word = in_word_;
  internal::WalkInParts(
      n, cut1, cut2, cut3,
      [&](size_t * state, size_t i) __attribute__((always_inline)) {
        *state = column_[begin[i]][*state];
        if (ABSL_PREDICT_FALSE(*state >= accepting)) report(begin + i, *state);
      },
      [in_word](size_t state, size_t, size_t) {
        return state == 0 || state == in_word;
      });
}

}  // namespace

// The matchers Tag() uses, built by Create() from the same patterns.
struct TopicTagger::Patterns {
  explicit Patterns(const RE2::Options& options)
      : options(options), rest(options, RE2::UNANCHORED) {}

  // The set of every pattern (set index -> topic: pattern_topic_), compiled
  // on first use: Tag() needs it only for a text with a letter RE2 folds to
  // ASCII, or when `words` could not be built (then Create() compiles it).
  // (Building it cost as much as tagging every claim of five megabytes of
  // news.) nullptr if it is too large to compile.
  const RE2::Set* All() const {
    absl::call_once(all_once, [this] {
      all = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
      for (const std::string& pattern : wrapped) {
        if (all->Add(Piece(pattern), nullptr) < 0) {
          all = nullptr;
          return;
        }
      }
      if (!all->Compile()) all = nullptr;
    });
    return all.get();
  }

  RE2::Options options;
  // Every pattern as All() reads it (WholeWords()), in lexicon order.
  std::vector<std::string> wrapped;
  mutable absl::once_flag all_once;
  mutable std::unique_ptr<RE2::Set> all;
  bool all_only = false;
  // The sequences of word patterns the automaton takes.
  WordAutomaton words;
  // The other patterns and sequences; empty if rest_topic is.
  RE2::Set rest;
  std::vector<int> rest_topic;
  // Every pattern in `rest` needs non-ASCII text (NeedsNonAsciiText()).
  bool rest_needs_non_ascii = true;
};

TopicTagger::TopicTagger() = default;
TopicTagger::~TopicTagger() = default;

absl::StatusOr<std::unique_ptr<TopicTagger>> TopicTagger::Create(
    absl::string_view textproto, absl::string_view origin) {
  v1::TopicLexicon lexicon;
  google::protobuf::TextFormat::Parser parser;
  FirstError errors;
  google::protobuf::TextFormat::ParseInfoTree tree;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(std::string(textproto), &lexicon)) {
    return absl::InvalidArgumentError(
        absl::StrCat(origin, ":", std::max(errors.line(), 1), ": ",
                     errors.message().empty() ? "malformed topic lexicon"
                                              : errors.message()));
  }
  const auto* topics_field =
      v1::TopicLexicon::descriptor()->FindFieldByName("topics");
  const auto* patterns_field =
      v1::Topic::descriptor()->FindFieldByName("patterns");

  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);
  auto tagger = std::unique_ptr<TopicTagger>(new TopicTagger());
  tagger->patterns_ = std::make_unique<Patterns>(options);
  absl::flat_hash_set<std::string> seen;

  for (int t = 0; t < lexicon.topics_size(); ++t) {
    const v1::Topic& topic = lexicon.topics(t);
    const auto* topic_tree = tree.GetTreeForNested(topics_field, t);
    int topic_line = tree.GetLocation(topics_field, t).line + 1;
    if (topic.name().empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(origin, ":", topic_line, ": topic without a name"));
    }
    if (!seen.insert(topic.name()).second) {
      return absl::InvalidArgumentError(absl::StrCat(origin, ":", topic_line,
                                                     ": topic \"", topic.name(),
                                                     "\" defined twice"));
    }
    if (topic.patterns_size() == 0) {
      return absl::InvalidArgumentError(absl::StrCat(origin, ":", topic_line,
                                                     ": topic \"", topic.name(),
                                                     "\" has no patterns"));
    }
    for (int p = 0; p < topic.patterns_size(); ++p) {
      const std::string& pattern = topic.patterns(p);
      int line = topic_tree == nullptr
                     ? topic_line
                     : topic_tree->GetLocation(patterns_field, p).line + 1;
      if (!PlainWords(pattern) && !ShortWordPattern(pattern)) {
        RE2 alone(pattern, options);
        if (!alone.ok()) {
          return absl::InvalidArgumentError(
              absl::StrCat(origin, ":", line, ": bad pattern \"", pattern,
                           "\": ", alone.error()));
        }
        if (RE2::FullMatch("", alone)) {
          return absl::InvalidArgumentError(
              absl::StrCat(origin, ":", line, ": pattern \"", pattern,
                           "\" matches the empty string"));
        }
      }
      // (RE2 has read the pattern alone, or PlainWords() or
      // ShortWordPattern() says it can: so it also reads as part of the set.)
      tagger->patterns_->wrapped.push_back(WholeWords(pattern));
      tagger->pattern_topic_.push_back(t);
    }
    tagger->names_.push_back(topic.name());
  }
  tagger->SplitPatterns(lexicon);
  if (tagger->patterns_->all_only && tagger->patterns_->All() == nullptr) {
    return absl::ResourceExhaustedError(absl::StrCat(
        origin, ": topic patterns too large to compile (over 64 MiB)"));
  }
  return tagger;
}

void TopicTagger::SplitPatterns(const v1::TopicLexicon& lexicon) {
  Patterns& m = *patterns_;
  std::vector<WordAutomaton::Entry> words;
  ByteSet word_bytes;  // kWord's, for a set test of each sequence's start
  for (int b = 0; b < 256; ++b) word_bytes[b] = kWord.is[b];
  bool rest_ok = true;
  auto add_rest = [&](const std::string& wrapped, int topic, bool gated) {
    rest_ok = rest_ok && m.rest.Add(Piece(wrapped), nullptr) >= 0;
    m.rest_topic.push_back(topic);
    m.rest_needs_non_ascii = m.rest_needs_non_ascii && gated;
  };
  for (int t = 0; t < lexicon.topics_size(); ++t) {
    for (const std::string& pattern : lexicon.topics(t).patterns()) {
      std::vector<Sequence> sequences;
      if (!SequenceReader(pattern).Read(&sequences)) {
        add_rest(WholeWords(pattern), t, /*gated=*/false);
        continue;
      }
      const bool period_end = absl::EndsWith(pattern, ".");
      for (Sequence& sequence : sequences) {
        const bool ascii =
            std::all_of(sequence.begin(), sequence.end(),
                        [](const Atom& a) { return a.wide == 0; });
        const ByteSet& first = sequence[0].ascii;
        const bool word_start = first.any() && (first & ~word_bytes).none();
        if (ascii && word_start && sequence.size() < 255) {
          words.push_back({std::move(sequence), t, period_end});
        } else {
          add_rest(absl::StrCat("\\b(?:", SequenceRegexp(sequence), ")",
                                period_end ? "(?:\\W|$)" : "\\b"),
                   t, NeedsNonAsciiText(sequence));
        }
      }
    }
  }
  m.all_only = !rest_ok || !m.words.Build(words) ||
               (!m.rest_topic.empty() && !m.rest.Compile());
}

absl::StatusOr<std::unique_ptr<TopicTagger>> TopicTagger::CreateDefault() {
  absl::string_view data = internal::FindEmbeddedFile("topics.textproto");
  if (data.empty()) {
    return absl::InternalError("topics.textproto is not embedded");
  }
  return Create(data, "topics.textproto");
}

absl::StatusOr<std::unique_ptr<TopicTagger>> TopicTagger::CreateFromFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot read topic lexicon"));
  }
  std::string data((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  return Create(data, path);
}

void TopicTagger::Tag(absl::string_view text,
                      std::vector<std::string>* topics) const {
  if (names_.empty()) return;
  // One buffer per thread: Set::Match clears and refills it, so a claim costs
  // no allocation here once the buffer has grown.
  thread_local std::vector<int> set_hits;
  thread_local std::vector<int> hits;  // topic indices, with repeats
  hits.clear();
  const Patterns& m = *patterns_;
  TextScan scan;
  ScanNonAscii(text, &scan);
  if (!m.all_only) m.words.Scan(text, &hits);
  // (Should the set be too large to compile, a text with U+017F or U+212A
  // gets what the automaton and `rest` find, as if those were other
  // letters.)
  const RE2::Set* all =
      m.all_only || scan.folds_to_ascii ? m.All() : nullptr;
  if (all != nullptr) {
    hits.clear();
    if (all->Match(Piece(text), &set_hits)) {
      for (int h : set_hits) hits.push_back(pattern_topic_[h]);
    }
  } else if (!m.rest_topic.empty() &&
             (scan.non_ascii || !m.rest_needs_non_ascii)) {
    if (m.rest.Match(Piece(text), &set_hits)) {
      for (int h : set_hits) hits.push_back(m.rest_topic[h]);
    }
  }
  // Topic indices are in lexicon order.
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
  for (int t : hits) {
    if (std::find(topics->begin(), topics->end(), names_[t]) == topics->end()) {
      topics->push_back(names_[t]);
    }
  }
}

}  // namespace whosaid
