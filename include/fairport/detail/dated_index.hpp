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

template <class Key, class Record>
class dated_index {
 public:
  /// Adds a record; overlapping validity for the same key throws [fairport.data.302].
  void insert(const Key& key, const validity_interval& validity, Record record) {
    series_[key].insert(validity, std::move(record));
  }

  /// The record for `key` valid on `as_of`, or nullptr.
  const Record* try_at(const Key& key, const date::year_month_day& as_of) const noexcept {
    auto it = series_.find(key);
    if (it == series_.end()) return nullptr;
    return it->second.try_at(as_of);
  }

  /// True if any record exists for `key`, whatever its dates.
  bool has_key(const Key& key) const noexcept { return series_.count(key) != 0; }

  /// Every key with its timeline, in key order.
  const std::map<Key, timeline<Record>>& series() const noexcept { return series_; }

  std::size_t record_count() const noexcept {
    std::size_t n = 0;
    for (const auto& kv : series_) n += kv.second.size();
    return n;
  }

 private:
  std::map<Key, timeline<Record>> series_;
};

}  // namespace detail
FAIRPORT_END_NAMESPACE
