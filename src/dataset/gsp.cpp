// The GSP tables: beneficiaries (the one beneficiary lookup), graduations, thresholds.
#include "fairport/data/gsp.hpp"

FAIRPORT_BEGIN_NAMESPACE

void gsp_beneficiary_table::add(const validity_interval& validity, gsp_beneficiary_record r) {
  auto key = std::make_pair(r.country, r.arrangement);
  const date::sys_days from{validity.from()};
  if (!earliest_ || from < *earliest_) earliest_ = from;
  insert(key, validity, std::move(r));
}

beneficiary_status gsp_beneficiary_table::status(country_code country,
                                                 const date::year_month_day& as_of) const {
  if (is_beneficiary(country, as_of)) return beneficiary_status::listed;
  const date::sys_days day{as_of};
  if (const auto first = listed_from(country)) {
    return day < date::sys_days{*first} ? beneficiary_status::unknown : beneficiary_status::not_listed;
  }
  return earliest_ && day >= *earliest_ ? beneficiary_status::not_listed : beneficiary_status::unknown;
}

const gsp_beneficiary_record* gsp_beneficiary_table::find(
    country_code country, gsp_arrangement arrangement,
    const date::year_month_day& as_of) const noexcept {
  return dated_table::find(std::make_pair(country, arrangement), as_of);
}

std::optional<date::year_month_day> gsp_beneficiary_table::listed_from(country_code country) const {
  std::optional<date::year_month_day> first;
  for (auto a : {gsp_arrangement::gsp, gsp_arrangement::gsp_plus, gsp_arrangement::eba}) {
    const auto it = series().find(std::make_pair(country, a));
    if (it == series().end() || it->second.empty()) continue;
    const auto from = it->second.begin()->validity.from();
    if (!first || date::sys_days{from} < date::sys_days{*first}) first = from;
  }
  return first;
}

bool gsp_beneficiary_table::is_beneficiary(country_code country,
                                           const date::year_month_day& as_of) const noexcept {
  return find(country, gsp_arrangement::gsp, as_of) != nullptr ||
         find(country, gsp_arrangement::gsp_plus, as_of) != nullptr ||
         find(country, gsp_arrangement::eba, as_of) != nullptr;
}

std::vector<const gsp_beneficiary_record*> gsp_beneficiary_table::arrangements(
    country_code country, const date::year_month_day& as_of) const {
  std::vector<const gsp_beneficiary_record*> out;
  for (auto a : {gsp_arrangement::gsp, gsp_arrangement::gsp_plus, gsp_arrangement::eba}) {
    if (const auto* r = find(country, a, as_of)) out.push_back(r);
  }
  return out;
}

void gsp_graduation_table::add(const validity_interval& validity, gsp_graduation_record r) {
  auto key = std::make_pair(r.country, r.section);
  insert(key, validity, std::move(r));
}

const gsp_graduation_record* gsp_graduation_table::find(
    country_code country, int chapter, const date::year_month_day& as_of) const noexcept {
  const char two[3] = {static_cast<char>('0' + chapter / 10 % 10),
                       static_cast<char>('0' + chapter % 10), 0};
  for (auto it = series().lower_bound(std::make_pair(country, std::string()));
       it != series().end() && it->first.first == country; ++it) {
    const auto* r = it->second.try_at(as_of);
    if (r == nullptr) continue;
    for (const auto& c : r->chapters) {
      if (c == two) return r;
    }
  }
  return nullptr;
}

void threshold_table::add(const validity_interval& validity, threshold_record r) {
  auto key = r.id;
  insert(key, validity, std::move(r));
}

const threshold_record* threshold_table::try_at(std::string_view id,
                                                const date::year_month_day& as_of) const noexcept {
  return find(id, as_of);
}

const threshold_record& threshold_table::at(std::string_view id,
                                            const date::year_month_day& as_of) const {
  return require(std::string(id), as_of, "threshold \"" + std::string(id) + "\"");
}

bool gsp_duty_rules_record::is_textile_section(std::string_view section) const noexcept {
  for (const auto& s : textile_sections) {
    if (s == section) return true;
  }
  return false;
}

bool gsp_duty_rules_record::eba_covers_chapter(int chapter) const noexcept {
  if (chapter < eba_chapters_from || chapter > eba_chapters_through) return false;
  for (int c : eba_excluded_chapters) {
    if (c == chapter) return false;
  }
  return true;
}

void gsp_duty_rules_table::add(const validity_interval& validity, gsp_duty_rules_record r) {
  periods_.insert(validity, std::move(r));
}

const gsp_duty_rules_record* gsp_duty_rules_table::try_at(
    const date::year_month_day& as_of) const noexcept {
  return periods_.try_at(as_of);
}

FAIRPORT_END_NAMESPACE
