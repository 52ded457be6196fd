// Annex V / Annex IX coverage and the Art. 19 withdrawals (fairport/data/gsp_coverage.hpp).
#include "fairport/data/gsp_coverage.hpp"

#include <string>
#include <utility>

FAIRPORT_BEGIN_NAMESPACE

void gsp_coverage_table::add(const validity_interval& validity, gsp_coverage_record r) {
  const cn_range range = parse_cn_range(r.from, r.through);
  for (const auto& e : entries_) {
    if (e.second.arrangement == r.arrangement && e.second.country == r.country &&
        e.second.from == r.from && e.second.through == r.through && e.first.overlaps(validity)) {
      detail::throw_error(errc::overlapping_validity,
                          "coverage range " + r.from + "-" + r.through + " (" +
                              std::string(to_string(r.arrangement)) +
                              ") has overlapping records " + e.second.source.pointer + " and " +
                              r.source.pointer);
    }
  }
  cn_range_index& index = r.country ? withdrawals_[{*r.country, r.arrangement}]
                                    : annex_[static_cast<int>(r.arrangement)];
  if (const auto other = index.crossing(range, validity)) {
    const auto& o = entries_[*other].second;
    detail::throw_error(errc::crossing_ranges,
                        "coverage range " + r.from + "-" + r.through + " (" + r.source.pointer +
                            ") crosses " + o.from + "-" + o.through + " (" + o.source.pointer +
                            ") of the same arrangement: CN ranges must nest");
  }
  index.add(range, validity, static_cast<std::uint32_t>(entries_.size()));
  entries_.emplace_back(validity, std::move(r));
}

gsp_coverage_lookup gsp_coverage_table::answer(const cn_range_index* index,
                                               const tariff_code& code,
                                               const date::year_month_day& as_of) const noexcept {
  gsp_coverage_lookup out;
  if (index == nullptr) return out;
  const cn_lookup l = index->find(code, as_of);
  if (l.found()) out.record = &entries_[l.id].second;
  out.depends_on_subcode = l.match == cn_match::depends_on_subcode;
  return out;
}

gsp_coverage_lookup gsp_coverage_table::find(gsp_arrangement arrangement, const tariff_code& code,
                                             const date::year_month_day& as_of) const noexcept {
  return answer(&annex_[static_cast<int>(arrangement)], code, as_of);
}

gsp_coverage_lookup gsp_coverage_table::find_withdrawal(country_code country,
                                                        gsp_arrangement arrangement,
                                                        const tariff_code& code,
                                                        const date::year_month_day& as_of) const noexcept {
  const auto it = withdrawals_.find({country, arrangement});
  return answer(it == withdrawals_.end() ? nullptr : &it->second, code, as_of);
}

FAIRPORT_END_NAMESPACE
