// The third-country tariff table (fairport/data/tariffs.hpp).
#include "fairport/data/tariffs.hpp"

#include <string>
#include <utility>

FAIRPORT_BEGIN_NAMESPACE

void tariff_table::add(const validity_interval& validity, tariff_record r) {
  const cn_range range = parse_cn_range(r.from, r.through);
  for (const auto& e : entries_) {
    if (e.second.from == r.from && e.second.through == r.through && e.first.overlaps(validity)) {
      detail::throw_error(errc::overlapping_validity, "tariff range " + r.from + "-" + r.through +
                                                          " has overlapping records " +
                                                          e.second.source.pointer + " and " +
                                                          r.source.pointer);
    }
  }
  if (const auto other = index_.crossing(range, validity)) {
    const auto& o = entries_[*other].second;
    detail::throw_error(errc::crossing_ranges,
                        "tariff range " + r.from + "-" + r.through + " (" + r.source.pointer +
                            ") crosses " + o.from + "-" + o.through + " (" + o.source.pointer +
                            "): CN ranges must nest");
  }
  index_.add(range, validity, static_cast<std::uint32_t>(entries_.size()));
  entries_.emplace_back(validity, std::move(r));
}

cn_lookup tariff_table::lookup(const tariff_code& code,
                               const date::year_month_day& as_of) const noexcept {
  return index_.find(code, as_of);
}

const tariff_record* tariff_table::find(const tariff_code& code,
                                        const date::year_month_day& as_of) const noexcept {
  const cn_lookup l = index_.find(code, as_of);
  return l.found() ? &entries_[l.id].second : nullptr;
}

std::string tariff_table::no_record_text(const tariff_code& code,
                                         const date::year_month_day& as_of) const {
  const cn_lookup l = index_.find(code, as_of);
  const std::string head =
      "no single third-country duty for CN " + code.to_string() + " valid on " + format_date(as_of);
  if (l.match == cn_match::depends_on_subcode) {
    return head + ": its sub-codes have different duties in the reference data; give the full "
                  "10-digit code (fairport tariff search WORDS lists them)";
  }
  return head + ": the reference data has no duty record for this code on that date. Add it: "
                "import the code's UK Trade Tariff response for Northern Ireland (the EU tariff) "
                "with `fairport data import xi-tariff FILE -o DIR/duties.json`, or write the "
                "record in a dataset file of your own, and check with --data DIR";
}

const tariff_record& tariff_table::at(const tariff_code& code,
                                      const date::year_month_day& as_of) const {
  const cn_lookup l = index_.find(code, as_of);
  if (l.found()) return entries_[l.id].second;
  detail::throw_error(errc::no_valid_record, no_record_text(code, as_of));
}

FAIRPORT_END_NAMESPACE
