// The descriptions of the Combined Nomenclature (fairport/data/nomenclature.hpp).
#include "fairport/data/nomenclature.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {
constexpr std::pair<cn_level, std::string_view> level_names[] = {
    {cn_level::chapter, "chapter"},
    {cn_level::heading, "heading"},
    {cn_level::hs_subheading, "hs_subheading"},
    {cn_level::cn_subheading, "cn_subheading"},
};
}  // namespace

std::string_view to_string(cn_level l) noexcept {
  for (const auto& [level, name] : level_names) {
    if (level == l) return name;
  }
  return "cn_subheading";
}

std::optional<cn_level> parse_cn_level(std::string_view text) noexcept {
  for (const auto& [level, name] : level_names) {
    if (name == text) return level;
  }
  return std::nullopt;
}

void cn_nomenclature_table::add(const validity_interval& validity, cn_description d) {
  const auto [lo, hi] = by_code_.equal_range(d.code);
  for (auto it = lo; it != hi; ++it) {
    const auto& e = entries_[it->second];
    if (e.first.overlaps(validity)) {
      detail::throw_error(errc::overlapping_validity,
                          "CN code " + d.code + " has overlapping descriptions " +
                              e.second.source.pointer + " and " + d.source.pointer);
    }
  }
  by_code_.emplace(d.code, entries_.size());
  entries_.emplace_back(validity, std::move(d));
}

const cn_description* cn_nomenclature_table::find(std::string_view digits,
                                                  const date::year_month_day& as_of) const noexcept {
  const auto [lo, hi] = by_code_.equal_range(std::string(digits));
  for (auto it = lo; it != hi; ++it) {
    const auto& e = entries_[it->second];
    if (e.first.contains(as_of)) return &e.second;
  }
  return nullptr;
}

std::vector<const cn_description*> cn_nomenclature_table::path(
    const tariff_code& code, const date::year_month_day& as_of) const {
  std::vector<const cn_description*> out;
  const std::string_view digits = code.digits();
  for (std::size_t n = 2; n <= std::min<std::size_t>(digits.size(), 8); n += 2) {
    if (const auto* d = find(digits.substr(0, n), as_of)) out.push_back(d);
  }
  return out;
}

std::vector<const cn_description*> cn_nomenclature_table::valid_on(
    const std::optional<date::year_month_day>& as_of) const {
  std::vector<const cn_description*> out;
  for (const auto& [code, i] : by_code_) {
    const auto& e = entries_[i];
    if (!as_of || e.first.contains(*as_of)) out.push_back(&e.second);
  }
  return out;
}

FAIRPORT_END_NAMESPACE
