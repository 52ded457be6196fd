// Loader of fairport.exchange_rates/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

void builder::load_exchange_rates(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"base", "quote"}, kctx);
    detail::reject_unknown_keys(r.value, {"rate"}, vctx);
    const currency_code base = currency(ds, r, r.key, "base", "/key/base");
    const currency_code quote = currency(ds, r, r.key, "quote", "/key/quote");
    const decimal rate = detail::require_decimal(r.value, "rate", vctx);
    if (rate.signum() <= 0) {
      detail::throw_error(errc::invalid_value, "an exchange rate must be positive",
                          record_context(ds, r, "/value/rate"));
    }
    const std::string source =
        ds.header.dataset + " " + ds.header.version + " " + r.pointer + ": " + r.reference;
    insert_checked(
        ds, r, [&] { fx.add(r.validity, fx_rate(base, quote, rate, r.validity.from(), source)); });
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
