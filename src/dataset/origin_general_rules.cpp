// The general origin rules table: wholly obtained, insufficient operations, principles, tolerances,
// cumulation, textile stages.
#include "fairport/data/origin_general_rules.hpp"

FAIRPORT_BEGIN_NAMESPACE

bool origin_tolerance::applies_to_chapter(int chapter) const noexcept {
  for (int c : except_chapters) {
    if (c == chapter) return false;
  }
  if (chapters.empty()) return true;
  for (int c : chapters) {
    if (c == chapter) return true;
  }
  return false;
}

bool cumulation_scope::lists(country_code c) const noexcept {
  for (const auto& x : countries) {
    if (x == c) return true;
  }
  return false;
}

void origin_general_rule_table::add_wholly_obtained(const validity_interval& v,
                                                    origin_text_record r) {
  add_checked(wholly_obtained_, v, std::move(r), "wholly obtained category");
}

void origin_general_rule_table::add_insufficient_operation(const validity_interval& v,
                                                           origin_text_record r) {
  add_checked(insufficient_, v, std::move(r), "insufficient operation");
}

void origin_general_rule_table::add_principle(const validity_interval& v, origin_text_record r) {
  add_checked(principles_, v, std::move(r), "principle");
}

void origin_general_rule_table::add_tolerance(const validity_interval& v, origin_tolerance r) {
  add_checked(tolerances_, v, std::move(r), "tolerance");
}

void origin_general_rule_table::add_cumulation(const validity_interval& v, cumulation_scope r) {
  add_checked(cumulation_, v, std::move(r), "cumulation scope");
}

void origin_general_rule_table::add_textile_stage(const validity_interval& v,
                                                  textile_stage_range r) {
  for (const auto& e : stages_) {
    if (e.first.overlaps(v) && !(r.through < e.second.from || e.second.through < r.from)) {
      detail::throw_error(errc::overlapping_validity, "textile stage ranges " + e.second.from +
                                                          "-" + e.second.through + " and " +
                                                          r.from + "-" + r.through + " overlap");
    }
  }
  stages_.emplace_back(v, std::move(r));
}

const origin_text_record* origin_general_rule_table::wholly_obtained(
    std::string_view point, const date::year_month_day& as_of) const noexcept {
  return find(wholly_obtained_, point, as_of);
}

const origin_text_record* origin_general_rule_table::insufficient_operation(
    std::string_view id, const date::year_month_day& as_of) const noexcept {
  return find(insufficient_, id, as_of);
}

const origin_text_record* origin_general_rule_table::principle(
    std::string_view id, const date::year_month_day& as_of) const noexcept {
  return find(principles_, id, as_of);
}

const origin_tolerance* origin_general_rule_table::tolerance(
    std::string_view id, const date::year_month_day& as_of) const noexcept {
  return find(tolerances_, id, as_of);
}

std::vector<const origin_tolerance*> origin_general_rule_table::textile_tolerances(
    const date::year_month_day& as_of) const {
  std::vector<const origin_tolerance*> out;
  for (const auto& e : tolerances_) {
    if (e.first.contains(as_of) && !e.second.marker.empty()) out.push_back(&e.second);
  }
  return out;
}

std::vector<const cumulation_scope*> origin_general_rule_table::cumulation(
    const date::year_month_day& as_of) const {
  std::vector<const cumulation_scope*> out;
  for (const auto& e : cumulation_) {
    if (e.first.contains(as_of)) out.push_back(&e.second);
  }
  return out;
}

const textile_stage_range* origin_general_rule_table::textile_stage(
    std::string_view heading4, const date::year_month_day& as_of) const noexcept {
  for (const auto& e : stages_) {
    if (e.first.contains(as_of) && e.second.from <= heading4 && heading4 <= e.second.through) {
      return &e.second;
    }
  }
  return nullptr;
}

const origin_general_rule_table::dated<origin_text_record>&
origin_general_rule_table::insufficient_operation_records() const noexcept {
  return insufficient_;
}

std::size_t origin_general_rule_table::record_count() const noexcept {
  return wholly_obtained_.size() + insufficient_.size() + principles_.size() + tolerances_.size() +
         cumulation_.size() + stages_.size();
}

FAIRPORT_END_NAMESPACE
