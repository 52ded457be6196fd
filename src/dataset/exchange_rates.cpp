// THE exchange-rate rule (fairport/data/exchange_rates.hpp).
#include "fairport/data/exchange_rates.hpp"

#include <string>
#include <utility>

FAIRPORT_BEGIN_NAMESPACE

void fx_rate_table::add(const validity_interval& validity, fx_rate r) {
  series_[{r.base(), r.quote()}].insert(validity, std::move(r));
}

const fx_rate* fx_rate_table::try_at(currency_code base, currency_code quote,
                                     const date::year_month_day& as_of) const noexcept {
  auto it = series_.find({base, quote});
  return it == series_.end() ? nullptr : it->second.try_at(as_of);
}

const fx_rate& fx_rate_table::at(currency_code base, currency_code quote,
                                 const date::year_month_day& as_of) const {
  if (const auto* r = try_at(base, quote, as_of)) return *r;
  detail::throw_error(errc::no_valid_record, "no " + base.to_string() + "->" + quote.to_string() +
                                                 " exchange rate valid on " + format_date(as_of));
}

namespace {

/// The latest of `given` from -> to dated on or before `day`, or nullptr.
const fx_rate* latest(const std::vector<fx_rate>& given, currency_code from, currency_code to,
                      date::sys_days day) noexcept {
  const fx_rate* best = nullptr;
  for (const auto& r : given) {
    if (r.base() != from || r.quote() != to) continue;
    const date::sys_days d{r.date()};
    if (d > day) continue;
    if (best == nullptr || d > date::sys_days{best->date()}) best = &r;
  }
  return best;
}

}  // namespace

selected_rate select_rate(currency_code from, currency_code to, const date::year_month_day& as_of,
                          const std::vector<fx_rate>& given,
                          const fx_rate_table* builtin) noexcept {
  if (from == to || !as_of.ok()) return {};
  const date::sys_days day{as_of};
  if (const fx_rate* r = latest(given, from, to, day)) return {r, false, rate_origin::given};
  if (const fx_rate* r = latest(given, to, from, day)) return {r, true, rate_origin::given};
  if (builtin != nullptr) {
    if (const fx_rate* r = builtin->try_at(from, to, as_of)) return {r, false, rate_origin::builtin};
    if (const fx_rate* r = builtin->try_at(to, from, as_of)) return {r, true, rate_origin::builtin};
  }
  return {};
}

FAIRPORT_END_NAMESPACE
