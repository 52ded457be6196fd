// The goods categories of import VAT (fairport/data/vat_goods_rates.hpp).
#include "fairport/data/vat_goods_rates.hpp"

#include <string>
#include <utility>

#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

void vat_goods_table::add(const validity_interval& validity, vat_goods_record r) {
  const cn_range range = parse_cn_range(r.from, r.through);
  for (const auto& e : entries_) {
    if (e.second.country == r.country && e.second.from == r.from &&
        e.second.through == r.through && e.first.overlaps(validity)) {
      detail::throw_error(errc::overlapping_validity,
                          "VAT goods range " + r.country.to_string() + " " + r.from + "-" +
                              r.through + " has overlapping records " + e.second.source.pointer +
                              " and " + r.source.pointer);
    }
  }
  cn_range_index& index = by_country_[r.country];
  if (const auto other = index.crossing(range, validity)) {
    const auto& o = entries_[*other].second;
    detail::throw_error(errc::crossing_ranges,
                        "VAT goods range " + r.from + "-" + r.through + " (" + r.source.pointer +
                            ") crosses " + o.from + "-" + o.through + " (" + o.source.pointer +
                            ") of the same member state: CN ranges must nest");
  }
  index.add(range, validity, static_cast<std::uint32_t>(entries_.size()));
  entries_.emplace_back(validity, std::move(r));
}

vat_goods_lookup vat_goods_table::find(country_code country, const tariff_code& code,
                                       const date::year_month_day& as_of) const noexcept {
  vat_goods_lookup out;
  const auto it = by_country_.find(country);
  if (it == by_country_.end()) return out;
  const cn_lookup l = it->second.find(code, as_of);
  if (l.found()) out.record = &entries_[l.id].second;
  out.depends_on_subcode = l.match == cn_match::depends_on_subcode;
  return out;
}

FAIRPORT_END_NAMESPACE
