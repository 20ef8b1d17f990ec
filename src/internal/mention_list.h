// MentionList: the mentions of entities in one text, in text order, for
// SpeakerResolver's searches back from a position ("the latest person
// before here").
//
// Text order is by position, and mentions at one position in the order they
// were added. SpeakerResolver adds the mentions Index() finds, in text order,
// then those Resolve() finds, in text order again but each before most of
// Index()'s. One sorted vector took each of the latter by moving every
// mention after it: quadratic in a long text (a 20 MB document spent most of
// its time moving mentions). So the mentions are kept in two sorted runs and
// merged as they are read:
//
//   - a mention at or after the last of the first run goes at its end;
//   - any other goes into the second run, in its place: at its end when
//     such mentions come in text order.
//
// So every mention of the second run comes before the last of the first,
// and at one position the first run's mentions were all added before the
// second's: walks take the first run's first at equal positions.
//
// Adding is then amortised O(1) while each phase adds in text order, finding
// a position O(log n), and a step of a walk O(1).
#ifndef WHOSAID_INTERNAL_MENTION_LIST_H_
#define WHOSAID_INTERNAL_MENTION_LIST_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace whosaid {
namespace internal {

class MentionList {
 public:
  struct Mention {
    uint32_t position;
    int entity;
  };

  void Add(int entity, uint32_t position) {
    const Mention m{position, entity};
    if (first_.empty() || first_.back().position <= position) {
      first_.push_back(m);
      return;
    }
    if (second_.empty() || second_.back().position <= position) {
      second_.push_back(m);
      return;
    }
    second_.insert(std::upper_bound(second_.begin(), second_.end(), position, PosBefore()),
                   m);
  }

  void clear() {
    first_.clear();
    second_.clear();
  }
  void reserve(size_t n) { first_.reserve(n); }
  bool empty() const { return first_.empty() && second_.empty(); }
  size_t size() const { return first_.size() + second_.size(); }

  // A place between two mentions (or before the first, or after the last),
  // from which a walk steps forwards or backwards in text order. Valid until
  // the next Add().
  class Cursor {
   public:
    // The mention after the cursor, which moves past it; false at the end.
    bool Next(Mention* m) {
      const std::vector<Mention>& a = list_->first_;
      const std::vector<Mention>& b = list_->second_;
      if (i_ < a.size() && (j_ == b.size() || a[i_].position <= b[j_].position)) {
        *m = a[i_++];
        return true;
      }
      if (j_ == b.size()) return false;
      *m = b[j_++];
      return true;
    }
    // The mention before the cursor, which moves back past it; false at the
    // start.
    bool Prev(Mention* m) {
      const std::vector<Mention>& a = list_->first_;
      const std::vector<Mention>& b = list_->second_;
      if (j_ > 0 && (i_ == 0 || b[j_ - 1].position >= a[i_ - 1].position)) {
        *m = b[--j_];
        return true;
      }
      if (i_ == 0) return false;
      *m = a[--i_];
      return true;
    }

   private:
    friend class MentionList;
    Cursor(const MentionList* list, size_t i, size_t j) : list_(list), i_(i), j_(j) {}

    const MentionList* list_;
    size_t i_;  // first_[0, i_) are before the cursor
    size_t j_;  // second_[0, j_) are before the cursor
  };

  Cursor Begin() const { return Cursor(this, 0, 0); }
  Cursor End() const { return Cursor(this, first_.size(), second_.size()); }
  // Before the first mention at `position` or after it.
  Cursor LowerBound(uint32_t position) const {
    auto lower = [position](const std::vector<Mention>& v) {
      return static_cast<size_t>(
          std::lower_bound(v.begin(), v.end(), position,
                           [](const Mention& x, uint32_t p) { return x.position < p; }) -
          v.begin());
    };
    return Cursor(this, lower(first_), lower(second_));
  }
  // After the last mention at `position` or before it.
  Cursor UpperBound(uint32_t position) const {
    auto upper = [position](const std::vector<Mention>& v) {
      return static_cast<size_t>(
          std::upper_bound(v.begin(), v.end(), position, PosBefore()) - v.begin());
    };
    return Cursor(this, upper(first_), upper(second_));
  }

 private:
  struct PosBefore {
    bool operator()(uint32_t p, const Mention& x) const { return p < x.position; }
  };

  std::vector<Mention> first_;
  std::vector<Mention> second_;
};

}  // namespace internal
}  // namespace whosaid

#endif  // WHOSAID_INTERNAL_MENTION_LIST_H_
