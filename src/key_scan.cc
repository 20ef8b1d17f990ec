#include "internal/key_scan.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "absl/strings/string_view.h"

namespace whosaid {
namespace internal {

namespace {

// Bytes that differ only in bit 0x20 ("P" and "p") compare alike in the
// scan; a match is then checked exactly.
inline unsigned char Fold(unsigned char b) { return b | 0x20; }

// About how often a byte occurs in English text, per thousand bytes (the
// letters' frequencies; a guess for the rest). Only the choice of anchors
// depends on it, never an answer.
int Commonness(unsigned char b) {
  static constexpr int kLetters[26] = {
      82, 15, 28, 43, 127, 22, 20, 61, 70, 2,  8, 40, 24,  // a-m
      67, 75, 19, 1,  60,  63, 91, 28, 10, 24, 2, 20, 1,   // n-z
  };
  const unsigned char f = Fold(b);
  if (f >= 'a' && f <= 'z') return kLetters[f - 'a'];
  if (b == ' ') return 180;
  if (b >= '0' && b <= '9') return 5;
  if (b >= 0x80) return 5;
  return 15;
}

}  // namespace

KeyScan::KeyScan(std::vector<std::string> keys) : keys_(std::move(keys)) {
  for (uint32_t k = 0; k < keys_.size(); ++k) {
    const std::string& key = keys_[k];
    if (key.size() < 2) {
      short_keys_.push_back(k);
      continue;
    }
    // The least common pair of adjacent bytes (the first of equals).
    uint32_t best = 0;
    int best_score = -1;
    for (uint32_t j = 0; j + 1 < key.size(); ++j) {
      const int score = Commonness(static_cast<unsigned char>(key[j])) *
                        Commonness(static_cast<unsigned char>(key[j + 1]));
      if (best_score < 0 || score < best_score) {
        best = j;
        best_score = score;
      }
    }
    const unsigned char first = Fold(static_cast<unsigned char>(key[best]));
    const unsigned char second =
        Fold(static_cast<unsigned char>(key[best + 1]));
    Anchor* anchor = nullptr;
    for (Anchor& a : anchors_) {
      if (a.first == first && a.second == second) anchor = &a;
    }
    if (anchor == nullptr) {
      anchors_.push_back({first, second, {}});
      anchor = &anchors_.back();
    }
    anchor->keys.push_back({k, best});
  }
  if (anchors_.size() > 64) {
    plain_ = true;
    return;
  }
  for (size_t a = 0; a < anchors_.size(); ++a) {
    for (int b = 0; b < 256; ++b) {
      const unsigned char f = Fold(static_cast<unsigned char>(b));
      if (f == anchors_[a].first) pair_first_[b] |= uint64_t{1} << a;
      if (f == anchors_[a].second) pair_second_[b] |= uint64_t{1} << a;
    }
  }
}

template <typename Found>
bool KeyScan::Check(absl::string_view text, size_t p, Found& found) const {
  const unsigned char* t = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char first = Fold(t[p]), second = Fold(t[p + 1]);
  for (const Anchor& anchor : anchors_) {
    if (anchor.first != first || anchor.second != second) continue;
    for (const Anchored& a : anchor.keys) {
      if (p < a.offset) continue;
      const size_t start = p - a.offset;
      const std::string& key = keys_[a.key];
      if (key.size() > text.size() - start ||
          std::memcmp(text.data() + start, key.data(), key.size()) != 0) {
        continue;
      }
      if (found(a.key, start)) return true;
    }
  }
  return false;
}

#ifdef __SSE2__
template <size_t kAnchors, typename Found>
bool KeyScan::ScanBlocks(absl::string_view text, size_t* i,
                         Found& found) const {
  const unsigned char* t = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const __m128i fold = _mm_set1_epi8(0x20);
  __m128i firsts[kAnchors], seconds[kAnchors];
  for (size_t a = 0; a < kAnchors; ++a) {
    firsts[a] = _mm_set1_epi8(static_cast<char>(anchors_[a].first));
    seconds[a] = _mm_set1_epi8(static_cast<char>(anchors_[a].second));
  }
  // The places of the pairs at block..block + 15.
  auto pairs_at = [&](size_t block) {
    const __m128i x = _mm_or_si128(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + block)), fold);
    const __m128i y = _mm_or_si128(
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(t + block + 1)), fold);
    __m128i hit = _mm_and_si128(_mm_cmpeq_epi8(x, firsts[0]),
                                _mm_cmpeq_epi8(y, seconds[0]));
    for (size_t a = 1; a < kAnchors; ++a) {
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(x, firsts[a]),
                                            _mm_cmpeq_epi8(y, seconds[a])));
    }
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  size_t at = 0;
  for (; at + 17 <= n; at += 16) {
    for (unsigned mask = pairs_at(at); mask != 0; mask &= mask - 1) {
      if (Check(text, at + __builtin_ctz(mask), found)) return true;
    }
  }
  // The last places (fewer than sixteen) from the block that ends with
  // the text, the places before `at` dropped: not byte by byte below.
  if (at >= 1 && at + 1 < n) {
    const size_t block = n - 17;
    for (unsigned mask = pairs_at(block) & (~0u << (at - block)); mask != 0;
         mask &= mask - 1) {
      if (Check(text, block + __builtin_ctz(mask), found)) return true;
    }
    return true;
  }
  *i = at;
  return at + 1 >= n;
}
#endif

template <typename Found>
void KeyScan::Scan(absl::string_view text, Found found) const {
  if (anchors_.empty()) return;
  const unsigned char* t = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
#ifdef __SSE2__
  // Sixteen pairs a step: the bytes at i.. and at i + 1.., folded, against
  // each anchor. (Most texts have no anchor pair in most steps.)
  switch (anchors_.size()) {
    case 1:
      if (ScanBlocks<1>(text, &i, found)) return;
      break;
    case 2:
      if (ScanBlocks<2>(text, &i, found)) return;
      break;
    case 3:
      if (ScanBlocks<3>(text, &i, found)) return;
      break;
    case 4:
      if (ScanBlocks<4>(text, &i, found)) return;
      break;
    default:
      break;
  }
#endif
  for (; i + 1 < n; ++i) {
    if ((pair_first_[t[i]] & pair_second_[t[i + 1]]) != 0 &&
        Check(text, i, found)) {
      return;
    }
  }
}

void KeyScan::FirstOccurrences(absl::string_view text, size_t* first) const {
  if (plain_) {
    for (size_t k = 0; k < keys_.size(); ++k) first[k] = text.find(keys_[k]);
    return;
  }
  size_t anchored = 0;
  for (size_t k = 0; k < keys_.size(); ++k) {
    first[k] = absl::string_view::npos;
    anchored += keys_[k].size() >= 2;
  }
  for (uint32_t k : short_keys_) first[k] = text.find(keys_[k]);
  // (Each key's places come in order: its first found is its first.)
  size_t seen = 0;
  Scan(text, [&](uint32_t k, size_t start) {
    if (first[k] != absl::string_view::npos) return false;
    first[k] = start;
    return ++seen == anchored;
  });
}

size_t KeyScan::FirstOfAny(absl::string_view text) const {
  size_t first = absl::string_view::npos;
  if (plain_) {
    for (const std::string& key : keys_)
      first = std::min(first, text.find(key));
    return first;
  }
  for (uint32_t k : short_keys_) first = std::min(first, text.find(keys_[k]));
  // (A key found later in the scan may begin earlier, where keys overlap
  // and their anchors lie at different offsets: the whole text is read.)
  Scan(text, [&first](uint32_t, size_t start) {
    first = std::min(first, start);
    return false;
  });
  return first;
}

bool KeyScan::ContainsAny(absl::string_view text) const {
  if (plain_) {
    for (const std::string& key : keys_) {
      if (text.find(key) != absl::string_view::npos) return true;
    }
    return false;
  }
  for (uint32_t k : short_keys_) {
    if (text.find(keys_[k]) != absl::string_view::npos) return true;
  }
  bool any = false;
  Scan(text, [&any](uint32_t, size_t) { return any = true; });
  return any;
}

}  // namespace internal
}  // namespace whosaid
