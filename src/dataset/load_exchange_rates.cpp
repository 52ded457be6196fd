// Loader of fairport.exchange_rates/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

namespace {

/// The exchange rate at `field` of `obj`, the object at pointer `at`: a decimal above zero.
decimal positive_rate(const raw_dataset& ds, const raw_record& r, const nlohmann::json& obj,
                      const std::string& field, const std::string& at) {
  const decimal rate = detail::require_decimal(obj, field, record_context(ds, r, at));
  if (rate.signum() <= 0) {
    detail::throw_error(errc::invalid_value, "an exchange rate must be positive",
                        record_context(ds, r, at + "/" + field));
  }
  return rate;
}

/// A customs rate applies for one whole calendar month (Implementing Regulation (EU) 2015/2447,
/// Art. 146), published on the penultimate Wednesday of the month before or, where none was
/// published that day, on one of the six days before it.
void check_month_record(const raw_dataset& ds, const raw_record& r,
                        const date::year_month_day& published) {
  const date::year_month_day from = r.validity.from();
  const date::year_month month{from.year(), from.month()};
  const auto through = r.validity.through();
  if (from.day() != date::day{1} || !through ||
      date::sys_days{*through} != date::sys_days{month / date::last}) {
    detail::throw_error(errc::invalid_value,
                        "a customs exchange rate is valid for one calendar month (Art. 146): "
                        "valid_from the 1st, valid_through the month's last day",
                        record_context(ds, r, "/valid_from"));
  }
  const date::year_month before = month - date::months{1};
  const date::sys_days wednesday{penultimate_wednesday(before)};
  const date::sys_days day{published};
  if (day > wednesday || day < wednesday - date::days{6}) {
    detail::throw_error(errc::invalid_value,
                        "the rate of " + month_name(month) + " is the one published on the "
                            "penultimate Wednesday of " + month_name(before) + ", " +
                            format_date(wednesday) + " (or the last publication day of the six "
                            "before it), not " + format_date(published),
                        record_context(ds, r, "/value/published"));
  }
}

}  // namespace

void builder::load_exchange_rates(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"base", "quote"}, kctx);
    detail::reject_unknown_keys(r.value, {"rate"}, vctx);
    const currency_code base = currency(ds, r, r.key, "base", "/key/base");
    const currency_code quote = currency(ds, r, r.key, "quote", "/key/quote");
    const decimal rate = positive_rate(ds, r, r.value, "rate", "/value");
    const std::string source =
        ds.header.dataset + " " + ds.header.version + " " + r.pointer + ": " + r.reference;
    insert_checked(
        ds, r, [&] { fx.add(r.validity, fx_rate(base, quote, rate, r.validity.from(), source)); });
  }
}

void builder::load_customs_exchange_rates(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    detail::reject_unknown_keys(r.key, {"base"}, record_context(ds, r, "/key"));
    detail::reject_unknown_keys(r.value, {"published", "rates"}, record_context(ds, r, "/value"));
    const currency_code base = currency(ds, r, r.key, "base", "/key/base");
    const auto pctx = record_context(ds, r, "/value");
    const std::string published_text = detail::require_string(r.value, "published", pctx);
    const auto published = try_parse_date(published_text);
    if (!published) {
      detail::throw_error(errc::invalid_date, "not a date: " + published_text,
                          record_context(ds, r, "/value/published"));
    }
    check_month_record(ds, r, *published);
    const auto it = r.value.find("rates");
    if (it == r.value.end() || !it->is_object() || it->empty()) {
      detail::throw_error(errc::missing_field, "rates must be a non-empty object quote -> rate",
                          record_context(ds, r, "/value/rates"));
    }
    const std::string source = ds.header.dataset + " " + ds.header.version + " " + r.pointer +
                               ": " + r.reference;
    for (const auto& [quote_text, value] : it->items()) {
      const std::string where = "/value/rates/" + quote_text;
      const currency_code quote = currency_named(ds, r, quote_text, where);
      const decimal rate = positive_rate(ds, r, *it, quote_text, "/value/rates");
      insert_checked(ds, r, [&] {
        fx.add(r.validity, fx_rate(base, quote, rate, r.validity.from(), source, rate_basis::month));
      });
    }
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
