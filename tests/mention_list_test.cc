// MentionList: text order (by position; at one position, the order added)
// whichever of its two runs the mentions went into, and the cursors'
// bounds and walks both ways.
#include "internal/mention_list.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace whosaid {
namespace internal {
namespace {

// (position, entity) pairs, to compare with EXPECT_EQ.
using Pairs = std::vector<std::pair<uint32_t, int>>;

Pairs Forward(MentionList::Cursor c) {
  Pairs out;
  MentionList::Mention m;
  while (c.Next(&m)) out.emplace_back(m.position, m.entity);
  return out;
}

Pairs Backward(MentionList::Cursor c) {
  Pairs out;
  MentionList::Mention m;
  while (c.Prev(&m)) out.emplace_back(m.position, m.entity);
  return out;
}

// What one vector kept sorted by inserting each mention after those at
// its position or before (the order MentionList must give).
Pairs Reference(const Pairs& added) {
  Pairs v;
  for (const auto& a : added) {
    auto it = std::upper_bound(v.begin(), v.end(), a.first,
                               [](uint32_t p, const std::pair<uint32_t, int>& x) {
                                 return p < x.first;
                               });
    v.insert(it, a);
  }
  return v;
}

TEST(MentionListTest, EmptyWalksNothing) {
  MentionList list;
  EXPECT_TRUE(list.empty());
  EXPECT_EQ(list.size(), 0u);
  EXPECT_TRUE(Forward(list.Begin()).empty());
  EXPECT_TRUE(Backward(list.End()).empty());
  EXPECT_TRUE(Forward(list.LowerBound(5)).empty());
  EXPECT_TRUE(Backward(list.UpperBound(5)).empty());
}

TEST(MentionListTest, MentionsInTextOrder) {
  MentionList list;
  list.Add(1, 10);
  list.Add(2, 20);
  list.Add(3, 30);
  EXPECT_EQ(Forward(list.Begin()), (Pairs{{10, 1}, {20, 2}, {30, 3}}));
  EXPECT_EQ(Backward(list.End()), (Pairs{{30, 3}, {20, 2}, {10, 1}}));
}

// The resolver's pattern: one pass in text order, then a second whose
// mentions fall between the first's.
TEST(MentionListTest, SecondPassInterleaves) {
  MentionList list;
  list.Add(1, 10);
  list.Add(2, 20);
  list.Add(3, 30);
  list.Add(4, 15);
  list.Add(5, 25);
  list.Add(6, 40);
  EXPECT_EQ(list.size(), 6u);
  EXPECT_EQ(Forward(list.Begin()),
            (Pairs{{10, 1}, {15, 4}, {20, 2}, {25, 5}, {30, 3}, {40, 6}}));
  EXPECT_EQ(Backward(list.End()),
            (Pairs{{40, 6}, {30, 3}, {25, 5}, {20, 2}, {15, 4}, {10, 1}}));
}

// Mentions at one position come in the order added, whichever run each
// went into: a later one at the position of an earlier one goes after it.
TEST(MentionListTest, EqualPositionsInOrderAdded) {
  MentionList list;
  list.Add(1, 10);
  list.Add(2, 20);
  list.Add(3, 10);  // before the last: the second run
  list.Add(4, 20);  // at the last: the first run
  list.Add(5, 15);
  list.Add(6, 15);  // at the second run's last
  list.Add(7, 10);  // inside the second run
  list.Add(8, 10);
  EXPECT_EQ(Forward(list.Begin()), (Pairs{{10, 1}, {10, 3}, {10, 7}, {10, 8}, {15, 5},
                                          {15, 6}, {20, 2}, {20, 4}}));
  EXPECT_EQ(Backward(list.End()), (Pairs{{20, 4}, {20, 2}, {15, 6}, {15, 5}, {10, 8},
                                         {10, 7}, {10, 3}, {10, 1}}));
}

TEST(MentionListTest, BoundsSplitAtPosition) {
  MentionList list;
  for (const auto& [p, e] : Pairs{{10, 1}, {20, 2}, {30, 3}, {20, 4}, {5, 5}, {30, 6}}) {
    list.Add(e, p);
  }
  // Before 20: what comes before the first mention at 20.
  EXPECT_EQ(Backward(list.LowerBound(20)), (Pairs{{10, 1}, {5, 5}}));
  EXPECT_EQ(Forward(list.LowerBound(20)), (Pairs{{20, 2}, {20, 4}, {30, 3}, {30, 6}}));
  // Through 20: the mentions at 20 too.
  EXPECT_EQ(Backward(list.UpperBound(20)), (Pairs{{20, 4}, {20, 2}, {10, 1}, {5, 5}}));
  EXPECT_EQ(Forward(list.UpperBound(20)), (Pairs{{30, 3}, {30, 6}}));
  // Between positions, and past either end.
  EXPECT_EQ(Forward(list.LowerBound(25)), Forward(list.UpperBound(25)));
  EXPECT_EQ(Forward(list.LowerBound(0)), Forward(list.Begin()));
  EXPECT_TRUE(Forward(list.UpperBound(99)).empty());
}

// A cursor walks back over what it walked forwards.
TEST(MentionListTest, CursorTurnsBack) {
  MentionList list;
  for (const auto& [p, e] : Pairs{{10, 1}, {30, 2}, {20, 3}, {40, 4}}) list.Add(e, p);
  MentionList::Cursor c = list.LowerBound(20);
  MentionList::Mention m;
  ASSERT_TRUE(c.Next(&m));
  EXPECT_EQ(m.entity, 3);
  ASSERT_TRUE(c.Next(&m));
  EXPECT_EQ(m.entity, 2);
  ASSERT_TRUE(c.Prev(&m));
  EXPECT_EQ(m.entity, 2);
  ASSERT_TRUE(c.Prev(&m));
  EXPECT_EQ(m.entity, 3);
  ASSERT_TRUE(c.Prev(&m));
  EXPECT_EQ(m.entity, 1);
  EXPECT_FALSE(c.Prev(&m));
}

// Any order of adding gives the order of one sorted vector.
TEST(MentionListTest, MatchesSortedInsertion) {
  uint32_t seed = 12345;
  auto next = [&seed](uint32_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int round = 0; round < 50; ++round) {
    MentionList list;
    Pairs added;
    const int n = 1 + static_cast<int>(next(60));
    for (int e = 0; e < n; ++e) {
      // Mostly ascending, as the resolver adds, with steps back.
      const uint32_t p = next(4) == 0 ? next(100) : 50 + static_cast<uint32_t>(e) + next(3);
      list.Add(e, p);
      added.emplace_back(p, e);
    }
    const Pairs want = Reference(added);
    ASSERT_EQ(Forward(list.Begin()), want) << "round " << round;
    ASSERT_EQ(Backward(list.End()), Pairs(want.rbegin(), want.rend())) << "round " << round;
    EXPECT_EQ(list.size(), want.size());
  }
}

TEST(MentionListTest, ClearEmpties) {
  MentionList list;
  list.Add(1, 10);
  list.Add(2, 5);
  list.clear();
  EXPECT_TRUE(list.empty());
  list.Add(3, 7);
  EXPECT_EQ(Forward(list.Begin()), (Pairs{{7, 3}}));
}

}  // namespace
}  // namespace internal
}  // namespace whosaid
