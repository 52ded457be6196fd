// The GSP list rules of origin by CN range (fairport/data/origin_rules.hpp).
#include "fairport/data/origin_rules.hpp"

#include <string>
#include <utility>

FAIRPORT_BEGIN_NAMESPACE

namespace {

constexpr std::pair<origin_test_kind, std::string_view> test_kind_names[] = {
    {origin_test_kind::wholly_obtained, "wholly_obtained"},
    {origin_test_kind::wholly_obtained_materials, "wholly_obtained_materials"},
    {origin_test_kind::any_heading, "any_heading"},
    {origin_test_kind::cth, "cth"},
    {origin_test_kind::cth_except, "cth_except"},
    {origin_test_kind::any_heading_except_materials, "any_heading_except_materials"},
    {origin_test_kind::max_nom_value, "max_nom_value"},
    {origin_test_kind::textile_stage, "textile_stage"},
    {origin_test_kind::specific_process, "specific_process"},
    {origin_test_kind::set_rule, "set_rule"},
    {origin_test_kind::all_of, "all_of"},
    {origin_test_kind::manual_review, "manual_review"},
};

}  // namespace

std::string_view to_string(origin_test_kind k) noexcept {
  for (const auto& [kind, name] : test_kind_names) {
    if (kind == k) return name;
  }
  return "manual_review";
}

std::optional<origin_test_kind> parse_origin_test_kind(std::string_view text) noexcept {
  for (const auto& [kind, name] : test_kind_names) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

void list_rule_table::add(const validity_interval& validity, list_rule_row r) {
  const cn_range range = parse_cn_range(r.from, r.through);
  for (const auto& e : rows_) {
    if (e.second.from == r.from && e.second.through == r.through && e.second.row == r.row &&
        e.first.overlaps(validity)) {
      detail::throw_error(errc::overlapping_validity,
                          "list rule " + r.from + "-" + r.through + " " + r.row +
                              " has overlapping records " + e.second.source.pointer + " and " +
                              r.source.pointer);
    }
  }
  if (const auto other = index_.crossing(range, validity)) {
    const auto& o = rows_[*other].second;
    detail::throw_error(errc::crossing_ranges, "list rule " + r.from + "-" + r.through + " (" +
                                                   r.source.pointer + ") crosses " + o.from + "-" +
                                                   o.through + " (" + o.source.pointer +
                                                   "): CN ranges must nest");
  }
  index_.add(range, validity, static_cast<std::uint32_t>(rows_.size()));
  rows_.emplace_back(validity, std::move(r));
}

cn_match list_rule_table::lookup(const tariff_code& code, const date::year_month_day& as_of,
                                 std::vector<const list_rule_row*>& out) const {
  out.clear();
  std::vector<std::uint32_t> ids;
  const cn_match m = index_.find_all(code, as_of, ids);
  for (const auto id : ids) out.push_back(&rows_[id].second);
  return m;
}

std::vector<const list_rule_row*> list_rule_table::find(const tariff_code& code,
                                                        const date::year_month_day& as_of) const {
  std::vector<const list_rule_row*> out;
  lookup(code, as_of, out);
  return out;
}

FAIRPORT_END_NAMESPACE
