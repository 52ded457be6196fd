// The VAT-rate table's lookups.
#include "fairport/data/vat_rates.hpp"

#include <algorithm>

FAIRPORT_BEGIN_NAMESPACE

void vat_table::add(const validity_interval& validity, vat_rate_record r) {
  auto key = std::make_pair(r.country, r.category);
  insert(key, validity, std::move(r));
}

const vat_rate_record* vat_table::try_at(country_code country, std::string_view category,
                                         const date::year_month_day& as_of) const noexcept {
  return find(std::make_pair(country, std::string(category)), as_of);
}

const vat_rate_record& vat_table::at(country_code country, std::string_view category,
                                     const date::year_month_day& as_of) const {
  return require(std::make_pair(country, std::string(category)), as_of,
                 "VAT rate '" + std::string(category) + "' for " + country.to_string());
}

const vat_rate_record& vat_table::standard(country_code country,
                                           const date::year_month_day& as_of) const {
  return at(country, "standard", as_of);
}

std::vector<std::string> vat_table::categories() const {
  std::vector<std::string> out;
  for (const auto& entry : series()) out.push_back(entry.first.second);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> vat_table::categories(country_code country,
                                               const date::year_month_day& as_of) const {
  std::vector<std::string> out;
  for (const auto& [key, timeline] : series()) {
    if (key.first == country && timeline.try_at(as_of) != nullptr) out.push_back(key.second);
  }
  std::sort(out.begin(), out.end());
  return out;
}

FAIRPORT_END_NAMESPACE
