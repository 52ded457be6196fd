// The country table: ISO 3166-1 countries and their dated group memberships.
#include "fairport/data/countries.hpp"

FAIRPORT_BEGIN_NAMESPACE

void country_table::add_country(country_info info) {
  const auto code = info.code;
  if (!countries_.emplace(code, std::move(info)).second) {
    detail::throw_error(errc::duplicate_key, "country " + code.to_string() + " listed twice");
  }
}

void country_table::add_membership(const validity_interval& validity, group_membership m) {
  auto key = std::make_pair(m.group, m.country);
  groups_.insert(key, validity, std::move(m));
}

const country_info& country_table::at(country_code code) const {
  if (const auto* c = find(code)) return *c;
  detail::throw_error(errc::invalid_country_code,
                      "unknown country code " + code.to_string() + " (not in ISO 3166-1 data)");
}

const country_info* country_table::find(country_code code) const noexcept {
  auto it = countries_.find(code);
  return it == countries_.end() ? nullptr : &it->second;
}

const group_membership* country_table::membership(
    std::string_view group, country_code country,
    const date::year_month_day& as_of) const noexcept {
  return groups_.try_at(std::make_pair(std::string(group), country), as_of);
}

bool country_table::is_member(std::string_view group, country_code country,
                              const date::year_month_day& as_of) const noexcept {
  return membership(group, country, as_of) != nullptr;
}

std::vector<country_code> country_table::members(std::string_view group,
                                                 const date::year_month_day& as_of) const {
  std::vector<country_code> out;
  for (const auto& kv : groups_.series()) {
    if (kv.first.first == group && kv.second.try_at(as_of) != nullptr) {
      out.push_back(kv.first.second);
    }
  }
  return out;
}

FAIRPORT_END_NAMESPACE
