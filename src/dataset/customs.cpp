// The customs tables (Incoterms rules, low-value reliefs, rounding policies) and their records'
// rules.
#include "fairport/data/customs.hpp"

FAIRPORT_BEGIN_NAMESPACE

void incoterm_table::add(const validity_interval& validity, incoterm_record r) {
  const auto key = r.rule;
  insert(key, validity, std::move(r));
}

const incoterm_record* incoterm_table::try_at(incoterm rule,
                                              const date::year_month_day& as_of) const noexcept {
  return find(rule, as_of);
}

const incoterm_record& incoterm_table::at(incoterm rule, const date::year_month_day& as_of) const {
  return require(rule, as_of, "Incoterms rule " + std::string(to_string(rule)));
}

bool low_value_relief_record::applies_to_ioss(bool ioss) const noexcept {
  return condition == relief_condition::any ||
         condition == (ioss ? relief_condition::ioss : relief_condition::not_ioss);
}

bool low_value_relief_record::excludes(const tariff_code& code) const noexcept {
  const auto d = code.digits();
  for (const auto& p : excluded_cn) {
    if (d.size() >= p.size() && d.compare(0, p.size(), p) == 0) return true;
    if (d.size() < p.size() && p.compare(0, d.size(), d) == 0) return true;  // "22" vs "2203"
  }
  return false;
}

void low_value_relief_table::add(const validity_interval& validity, low_value_relief_record r) {
  auto key = r.id;
  insert(key, validity, std::move(r));
}

const low_value_relief_record* low_value_relief_table::try_at(
    std::string_view id, const date::year_month_day& as_of) const noexcept {
  return find(std::string(id), as_of);
}

std::string rounding_rule::to_string() const {
  return std::to_string(scale) + " places, " + std::string(fairport::to_string(mode)) + ", per " +
         std::string(fairport::to_string(level));
}

void rounding_policy_table::add(const validity_interval& validity, rounding_policy_record r) {
  auto key = r.destination;
  insert(key, validity, std::move(r));
}

const rounding_policy_record& rounding_policy_table::for_destination(
    country_code destination, const date::year_month_day& as_of) const {
  if (const auto* r = find(destination.to_string(), as_of)) return *r;
  return require("EU", as_of, "rounding policy for " + destination.to_string() + " or the EU");
}

FAIRPORT_END_NAMESPACE
