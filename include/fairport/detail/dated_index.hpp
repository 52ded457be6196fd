#pragma once
// Internal: a map from a key to a timeline of dated records, the shape every dataset table
// shares. No stability promise.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/error.hpp"
#include "fairport/timeline.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

template <class Key, class Record, class Compare = std::less<Key>>
class dated_index {
 public:
  /// Adds a record; overlapping validity for the same key throws [fairport.data.302].
  void insert(const Key& key, const validity_interval& validity, Record record) {
    series_[key].insert(validity, std::move(record));
  }

  /// The record for `key` valid on `as_of`, or nullptr.
  template <class K>
  const Record* try_at(const K& key, const date::year_month_day& as_of) const noexcept {
    auto it = series_.find(key);
    if (it == series_.end()) return nullptr;
    return it->second.try_at(as_of);
  }

  /// True if any record exists for `key`, whatever its dates.
  bool has_key(const Key& key) const noexcept { return series_.count(key) != 0; }

  /// Every key with its timeline, in key order.
  const std::map<Key, timeline<Record>, Compare>& series() const noexcept { return series_; }

  std::size_t record_count() const noexcept {
    std::size_t n = 0;
    for (const auto& kv : series_) n += kv.second.size();
    return n;
  }

 private:
  std::map<Key, timeline<Record>, Compare> series_;
};

/// The base of every dataset table keyed by a series key: the public read-only view (series,
/// record_count) and, for the derived table, insertion and a lookup that names what is missing.
template <class Key, class Record, class Compare = std::less<Key>>
class dated_table {
 public:
  /// Every key with its timeline, in key order.
  const std::map<Key, timeline<Record>, Compare>& series() const noexcept {
    return index_.series();
  }
  /// Number of records over all keys.
  std::size_t record_count() const noexcept { return index_.record_count(); }

 protected:
  /// @throws data_error [fairport.data.302] when the record overlaps another of its key.
  void insert(const Key& key, const validity_interval& validity, Record record) {
    index_.insert(key, validity, std::move(record));
  }
  template <class K>
  const Record* find(const K& key, const date::year_month_day& as_of) const noexcept {
    return index_.try_at(key, as_of);
  }
  /// The record, or [fairport.data.301] "no <what> valid on <date>".
  const Record& require(const Key& key, const date::year_month_day& as_of,
                        const std::string& what) const {
    if (const auto* r = index_.try_at(key, as_of)) return *r;
    throw_error(errc::no_valid_record, "no " + what + " valid on " + format_date(as_of));
  }

 private:
  dated_index<Key, Record, Compare> index_;
};

}  // namespace detail
FAIRPORT_END_NAMESPACE
