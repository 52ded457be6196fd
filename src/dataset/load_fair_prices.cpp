// Loaders of fairport.fairtrade_prices/1 and fairport.living_wages/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

void builder::load_fairtrade(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"product", "region", "certification", "quality"}, kctx);
    detail::reject_unknown_keys(
        r.value, {"basis", "unit", "currency", "minimum_price", "premium", "organic_differential"},
        vctx);
    fairtrade_price_record f;
    f.key.product = detail::require_string(r.key, "product", kctx);
    f.key.region = detail::require_string(r.key, "region", kctx);
    f.key.certification = detail::require_string(r.key, "certification", kctx);
    f.key.quality = detail::require_string(r.key, "quality", kctx);
    f.basis = detail::require_string(r.value, "basis", vctx);
    f.unit = detail::require_string(r.value, "unit", vctx);
    if (!any_unit::try_parse(f.unit)) {
      detail::throw_error(errc::invalid_value, "unknown unit \"" + f.unit + "\"",
                          record_context(ds, r, "/value/unit"));
    }
    f.currency = currency(ds, r, r.value, "currency", "/value/currency");
    f.minimum_price = optional_decimal(r.value, "minimum_price", vctx);
    f.premium = detail::require_decimal(r.value, "premium", vctx);
    f.organic_differential = optional_decimal(r.value, "organic_differential", vctx);
    f.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { fairtrade.add(r.validity, std::move(f)); });
  }
}

void builder::load_wages(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"country", "region", "kind"}, kctx);
    detail::reject_unknown_keys(
        r.value, {"amount", "currency", "per", "household", "hours_per_month"}, vctx);
    wage_record w;
    w.key.country = country(ds, r, r.key, "country", "/key/country");
    w.key.region = detail::require_string(r.key, "region", kctx);
    w.key.kind = detail::require_string(r.key, "kind", kctx);
    if (w.key.kind != "living_wage" && w.key.kind != "minimum_wage" &&
        w.key.kind != "living_income" && w.key.kind != "subsistence_minimum") {
      detail::throw_error(errc::invalid_value, "unknown benchmark kind \"" + w.key.kind + "\"",
                          record_context(ds, r, "/key/kind"));
    }
    w.amount = detail::require_decimal(r.value, "amount", vctx);
    w.currency = currency(ds, r, r.value, "currency", "/value/currency");
    w.per = detail::require_string(r.value, "per", vctx);
    if (w.per != "hour" && w.per != "month" && w.per != "year" && w.per != "day") {
      detail::throw_error(errc::invalid_value, "unknown period \"" + w.per + "\"",
                          record_context(ds, r, "/value/per"));
    }
    if (auto h = r.value.find("household"); h != r.value.end() && !h->is_null()) {
      w.household = detail::require_string(r.value, "household", vctx);
    }
    w.hours_per_month = optional_decimal(r.value, "hours_per_month", vctx);
    w.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { wages.add(r.validity, std::move(w)); });
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
