#pragma once
/// @file timeline.hpp
/// A series of dated records for one key: sorted, non-overlapping validity intervals.
///
/// Synopsis
/// @code
/// template <class T> class timeline {
///   struct entry { validity_interval validity; T value; };
///   using const_iterator = ...;                        // over entries, ordered by
///   validity.begin() void insert(validity_interval, T);                 // any order; throws 302
///   on overlap const T& at(const year_month_day& as_of) const;    // throws 301 naming the date
///   const T* try_at(const year_month_day& as_of) const noexcept;        // nullptr if none
///   const entry* try_entry_at(const year_month_day& as_of) const noexcept;  // with its interval
///   std::optional<validity_interval> coverage() const noexcept;  // [first from, last through]
///   std::size_t size() const noexcept; bool empty() const noexcept;
///   const_iterator begin() const noexcept; const_iterator end() const noexcept;
/// };
/// @endcode
///
/// `try_at` returns a pointer rather than `std::optional<std::reference_wrapper<const T>>`: it
/// costs nothing, reads naturally (`if (auto* r = t.try_at(d))`), and is what
/// `detail::dated_index` passes on. The pointer stays valid until the next insert().
///
/// Gaps between intervals are allowed (a lookup in a gap finds nothing, as a lapsed regulation
/// gives no rate); overlaps are not (unlike QuantLib's "latest added wins"). Lookups are a
/// binary search over the interval starts and never allocate.

#include <date/date.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Sorted, non-overlapping dated values of type `T` (a rate, a price table, a rule set).
/// Not thread-safe for insert(); const member functions may be called concurrently.
template <class T>
class timeline {
 public:
  /// One dated record: the days on which `value` applies.
  struct entry {
    validity_interval validity;  ///< when the value applies
    T value;                     ///< the value
  };
  using value_type = entry;
  using const_iterator = typename std::vector<entry>::const_iterator;
  using size_type = std::size_t;

  /// An empty timeline.
  timeline() = default;

  /// Adds `value` valid during `validity`; records may arrive in any order and are kept sorted.
  /// @throws data_error [fairport.data.302] naming both intervals if `validity` overlaps a
  ///         record already present. Strong exception guarantee. Complexity: O(log n) search
  ///         plus O(n) to shift later entries.
  void insert(const validity_interval& validity, T value) {
    auto pos = std::upper_bound(
        entries_.begin(), entries_.end(), validity.begin(),
        [](date::sys_days day, const entry& e) { return day < e.validity.begin(); });
    // Every entry before `pos` starts on or before the new one; only its direct predecessor can
    // reach into it. Every entry from `pos` on starts after it; only `pos` can start inside it.
    if (pos != entries_.begin() && std::prev(pos)->validity.overlaps(validity)) {
      overlap_error(std::prev(pos)->validity, validity);
    }
    if (pos != entries_.end() && pos->validity.overlaps(validity)) {
      overlap_error(pos->validity, validity);
    }
    entries_.insert(pos, entry{validity, std::move(value)});
  }

  /// The entry valid on `as_of`, or nullptr. Never allocates. Complexity: O(log n).
  const entry* try_entry_at(const date::year_month_day& as_of) const noexcept {
    if (!as_of.ok()) return nullptr;
    const date::sys_days day{as_of};
    auto pos =
        std::upper_bound(entries_.begin(), entries_.end(), day,
                         [](date::sys_days d, const entry& e) { return d < e.validity.begin(); });
    if (pos == entries_.begin()) return nullptr;
    const entry& candidate = *std::prev(pos);
    return candidate.validity.contains(day) ? &candidate : nullptr;
  }

  /// The value valid on `as_of`, or nullptr when no record covers that day (a gap, before the
  /// first or after the last record, or an invalid date). Never allocates. O(log n).
  const T* try_at(const date::year_month_day& as_of) const noexcept {
    const entry* e = try_entry_at(as_of);
    return e ? &e->value : nullptr;
  }

  /// The value valid on `as_of`.
  /// @throws no_valid_record [fairport.data.301] naming the date and the covered span.
  const T& at(const date::year_month_day& as_of) const {
    if (const T* v = try_at(as_of)) return *v;
    std::string msg = "no record valid on " + format_date(as_of);
    if (auto c = coverage()) {
      msg += "; the " + std::to_string(entries_.size()) +
             (entries_.size() == 1 ? " record covers " : " records span ") + c->to_string();
    } else {
      msg += "; the timeline is empty";
    }
    detail::throw_error(errc::no_valid_record, std::move(msg));
  }

  /// The span from the first record's `from` to the last record's `through` (open if the last
  /// record is open-ended), gaps included; nullopt when empty.
  std::optional<validity_interval> coverage() const noexcept {
    if (entries_.empty()) return std::nullopt;
    // Cannot throw: the dates come from valid intervals and are ordered.
    return validity_interval(entries_.front().validity.from(), entries_.back().validity.through());
  }

  /// Number of records.
  size_type size() const noexcept { return entries_.size(); }
  /// True if there are no records.
  bool empty() const noexcept { return entries_.empty(); }
  /// First entry (earliest validity).
  const_iterator begin() const noexcept { return entries_.begin(); }
  /// Past the last entry.
  const_iterator end() const noexcept { return entries_.end(); }

 private:
  [[noreturn]] static void overlap_error(const validity_interval& existing,
                                         const validity_interval& added) {
    detail::throw_error(
        errc::overlapping_validity,
        "record valid " + added.to_string() + " overlaps record valid " + existing.to_string());
  }

  std::vector<entry> entries_;
};

FAIRPORT_END_NAMESPACE
