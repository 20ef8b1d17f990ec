// WalkInParts: a text walked through a table-driven automaton as up to four
// parts at once.
//
// A step of such an automaton is a load that waits on the one before it;
// where the table is larger than the first-level cache, the walk is bound
// by those loads, not by its instructions. Walking four parts of the text
// in step gives the processor four independent chains of loads to
// overlap. Each part starts in the start state, so it misses what began
// before it; it is therefore walked to its end and then on until its state
// is the one the next part has there (the caller's `agrees`). With that,
// every byte is read in its true state by some part, and a walk that only
// gathers what it finds (a set, or bits ORed together) finds what one walk
// from the start would. The caller's step must be such a gathering: the
// order in which parts report, and reports made twice, must not matter.
//
// Used by the topic tagger's word automaton and the content-stance screen.
#ifndef WHOSAID_INTERNAL_PART_WALK_H_
#define WHOSAID_INTERNAL_PART_WALK_H_

#include <algorithm>
#include <cstddef>

namespace whosaid {
namespace internal {

// Walks bytes [0, n) as the parts [0, cut1), [cut1, cut2), [cut2, cut3)
// and [cut3, n), 0 <= cut1 <= cut2 <= cut3 <= n: two parts when
// cut1 == cut2 == cut3, one when they are n. Each part's state starts at 0
// (the start state).
//   step(size_t* state, size_t i): moves `state` on byte i (and gathers
//     what it finds there).
//   agrees(size_t state, size_t i, size_t to): whether a part in `state` at
//     byte i, past the end `to` of its own bytes, is in the state the next
//     part has at i, so that it may stop.
template <typename Step, typename Agrees>
inline void WalkInParts(size_t n, size_t cut1, size_t cut2, size_t cut3,
                        Step step, Agrees agrees) {
  size_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  size_t i0 = 0, i1 = cut1, i2 = cut2, i3 = cut3;
  // (In step as far as the shortest part goes; finish() walks the rest.)
  if (cut1 < cut2) {
    const size_t all = std::min({cut1, cut2 - cut1, cut3 - cut2, n - cut3});
    for (size_t k = 0; k < all; ++k, ++i0, ++i1, ++i2, ++i3) {
      step(&s0, i0);
      step(&s1, i1);
      step(&s2, i2);
      step(&s3, i3);
    }
  } else {
    const size_t all = std::min(cut1, n - cut3);
    for (size_t k = 0; k < all; ++k, ++i0, ++i3) {
      step(&s0, i0);
      step(&s3, i3);
    }
  }
  // Each part to its end, then on until it agrees with the next one.
  auto finish = [&](size_t i, size_t to, size_t s) {
    for (; i < to; ++i) step(&s, i);
    for (; i < n && !agrees(s, i, to); ++i) step(&s, i);
  };
  finish(i3, n, s3);
  finish(i2, cut3, s2);
  finish(i1, cut2, s1);
  finish(i0, cut1, s0);
}

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_PART_WALK_H_
