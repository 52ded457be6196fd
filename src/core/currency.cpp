// The ISO 4217 currency table.
#include "fairport/currency.hpp"

FAIRPORT_BEGIN_NAMESPACE

void currency_table::add(currency_info info) {
  const auto code = info.code;
  const auto validity = info.validity;
  series_[code].insert(validity, std::move(info));
}

const currency_info* currency_table::find(currency_code code,
                                          const date::year_month_day& as_of) const noexcept {
  auto it = series_.find(code);
  return it == series_.end() ? nullptr : it->second.try_at(as_of);
}

const currency_info& currency_table::at(currency_code code,
                                        const date::year_month_day& as_of) const {
  auto it = series_.find(code);
  if (it == series_.end()) {
    detail::throw_error(errc::invalid_currency_code,
                        "unknown currency " + code.to_string() + " (not in the currency table)");
  }
  if (const auto* c = it->second.try_at(as_of)) return *c;
  detail::throw_error(errc::no_valid_record,
                      "currency " + code.to_string() + " is not valid on " + format_date(as_of));
}

int currency_table::minor_units(currency_code code, const date::year_month_day& as_of) const {
  return at(code, as_of).minor_units;
}

FAIRPORT_END_NAMESPACE
