// KeyScan: where a few short literal keys first occur in a text, found in
// one pass over it instead of one search per key.
//
//   KeyScan scan({"poll", "Poll", "survey", "Survey"});
//   size_t first[4];
//   scan.FirstOccurrences(text, first);  // first[k] == text.find(keys[k])
//   if (scan.ContainsAny(text)) ...
//
// Each key of two bytes or more is spotted by one pair of adjacent bytes in
// it, chosen as the pair least common in English text by a fixed table of
// letter frequencies; the pair is compared without regard to ASCII case, so
// "poll" and "Poll" share one. Where the compiler targets SSE2, sixteen
// places are tested at a time; a place whose bytes make an anchor pair is
// then compared with each key that has it, in full and case-sensitively. A
// key of fewer than two bytes is searched on its own (string_view::find).
// The answers are exactly those of a plain search per key.
//
// A KeyScan is immutable once built and safe for concurrent use.
#ifndef WHOSAID_INTERNAL_KEY_SCAN_H_
#define WHOSAID_INTERNAL_KEY_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace whosaid {
namespace internal {

class KeyScan {
 public:
  KeyScan() = default;
  explicit KeyScan(std::vector<std::string> keys);

  const std::vector<std::string>& keys() const { return keys_; }
  bool empty() const { return keys_.empty(); }

  // Sets first[k] to text.find(keys()[k]) for every key (npos where it does
  // not occur). REQUIRES: `first` has room for keys().size() values.
  void FirstOccurrences(absl::string_view text, size_t* first) const;

  // The least of FirstOccurrences' answers: where the first key to occur
  // in `text` begins (npos when none does). (No array of answers to fill
  // and read: Lexicon::FindPollNoun asks this of most units of a text.)
  size_t FirstOfAny(absl::string_view text) const;

  // Whether some key occurs in `text` (false when there are no keys).
  bool ContainsAny(absl::string_view text) const;

 private:
  // A key of two bytes or more, and where its anchor pair begins in it.
  struct Anchored {
    uint32_t key;
    uint32_t offset;
  };
  // An anchor pair, its bytes in lower case (ASCII), and the keys it
  // spots.
  struct Anchor {
    unsigned char first, second;
    std::vector<Anchored> keys;
  };

  // Calls found(key, start) for each place where a key with an anchor
  // starts, in the order of the anchors' places; stops when it returns
  // true.
  template <typename Found>
  void Scan(absl::string_view text, Found found) const;

  // Scan's sixteen-at-a-time part for kAnchors anchors (SSE2 only): true
  // when it read the whole text or found() stopped it, else it leaves the
  // places from *i on (a text too short for a block) to the byte loop.
  // (The anchors' count fixed, their bytes stay in registers and the test
  // of each anchor has no loop around it.)
  template <size_t kAnchors, typename Found>
  bool ScanBlocks(absl::string_view text, size_t* i, Found& found) const;

  // Checks the anchored keys at the pair that starts at text[p].
  template <typename Found>
  bool Check(absl::string_view text, size_t p, Found& found) const;

  std::vector<std::string> keys_;
  std::vector<Anchor> anchors_;
  std::vector<uint32_t> short_keys_;  // of fewer than two bytes
  // Bit a of pair_first_[b] (of pair_second_[b]): byte b, lower-cased, is
  // the first (second) byte of anchor a. (At most 64 anchors; past that,
  // every key is searched on its own.)
  uint64_t pair_first_[256] = {};
  uint64_t pair_second_[256] = {};
  bool plain_ = false;  // search each key on its own
};

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_KEY_SCAN_H_
