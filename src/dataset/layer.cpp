// Merging a user's dataset file into a loaded dataset, by key and validity.
#include "dataset/layer.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace fairport {
inline namespace v0 {
namespace detail {

namespace {

/// The days of `r` from `begin` (inclusive) to `end` (exclusive), or nothing when empty.
std::optional<raw_record> piece(const raw_record& r, date::sys_days begin, date::sys_days end) {
  if (!(begin < end)) return std::nullopt;
  raw_record p = r;
  std::optional<date::year_month_day> through;
  if (end != date::sys_days::max()) through = date::year_month_day{end - date::days{1}};
  p.validity = validity_interval(date::year_month_day{begin}, through);
  return p;
}

/// True when a user record of key `user` replaces a loaded record of key `base`: the same key,
/// or, for CN-range keys, the same other fields and a user range that holds the loaded one (a
/// user's "5704 90" replaces the loaded "5704 90 00"; a loaded "57" that holds the user's range
/// stays, and the narrower user record wins the look-up).
bool replaces(const nlohmann::json& user, const nlohmann::json& base) {
  if (user == base) return true;
  const auto u = user.find("cn_range");
  const auto b = base.find("cn_range");
  if (u == user.end() || b == base.end() || !u->is_array() || !b->is_array() || u->size() != 2 ||
      b->size() != 2) {
    return false;
  }
  nlohmann::json user_rest = user;
  nlohmann::json base_rest = base;
  user_rest.erase("cn_range");
  base_rest.erase("cn_range");
  // Ten-digit codes of equal length: the string order is the numeric order.
  return user_rest == base_rest && (*u)[0] <= (*b)[0] && (*b)[1] <= (*u)[1];
}

/// Cuts the records of `base` that `user` replaces; returns one change per record it touched.
std::vector<layer_change> cut_replaced(std::vector<raw_record>& base, const raw_record& user,
                                       const std::string& base_file) {
  std::vector<layer_change> touched;
  std::vector<raw_record> kept;
  kept.reserve(base.size() + 1);
  for (auto& b : base) {
    if (!replaces(user.key, b.key) || !b.validity.overlaps(user.validity)) {
      kept.push_back(std::move(b));
      continue;
    }
    layer_change c;
    c.base_file = b.layer_file.empty() ? base_file : b.layer_file;
    c.base_pointer = b.pointer;
    c.base_validity = b.validity.to_string();
    touched.push_back(std::move(c));
    if (auto before = piece(b, b.validity.begin(), user.validity.begin())) {
      kept.push_back(std::move(*before));
    }
    if (auto after = piece(b, user.validity.end(), b.validity.end())) {
      kept.push_back(std::move(*after));
    }
  }
  base = std::move(kept);
  return touched;
}

dataset_layer layer_info(const raw_dataset& layer, const std::string& file,
                         const std::string& sha256) {
  dataset_layer info;
  info.file = file;
  info.version = layer.header.version;
  info.sha256 = sha256;
  return info;
}

}  // namespace

dataset_layer merge_layer(raw_dataset& base, raw_dataset layer, const std::string& file,
                          const std::string& sha256) {
  dataset_layer info = layer_info(layer, file, sha256);
  for (auto& r : layer.records) {
    auto changes = cut_replaced(base.records, r, base.header.file);
    if (changes.empty()) changes.emplace_back();  // added without replacing
    for (auto& c : changes) {
      c.key = r.key.dump();
      c.user_pointer = r.pointer;
      c.user_validity = r.validity.to_string();
      c.withdrawn = r.value.is_null();
      if (!c.base_pointer.empty()) ++info.replaced;
      info.changes.push_back(std::move(c));
    }
    if (r.value.is_null()) {
      ++info.withdrawn;
      continue;
    }
    r.layer_file = file;
    r.layer_version = layer.header.version;
    base.records.push_back(std::move(r));
    ++info.added;
  }
  return info;
}

dataset_layer mark_layer(raw_dataset& ds, const std::string& file, const std::string& sha256) {
  dataset_layer info = layer_info(ds, file, sha256);
  for (auto& r : ds.records) {
    r.layer_file = file;
    r.layer_version = ds.header.version;
  }
  info.added = ds.records.size();
  return info;
}

}  // namespace detail
}  // namespace v0
}  // namespace fairport
