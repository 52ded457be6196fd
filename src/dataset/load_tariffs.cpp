// Loader of fairport.tariff_duties/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

specific_duty builder::load_specific(const raw_dataset& ds, const raw_record& r, const json& obj,
                                     const std::string& where) {
  const auto ctx = record_context(ds, r, where);
  detail::reject_unknown_keys(obj, {"amount", "currency", "per"}, ctx);
  specific_duty s;
  s.amount = detail::require_decimal(obj, "amount", ctx);
  if (s.amount.is_negative()) {
    // A duty is never negative: a "- 7 EUR" of the tariff is a deduction fairport does not model.
    detail::throw_error(errc::invalid_value,
                        "a specific duty amount cannot be negative, got " + s.amount.to_string(),
                        record_context(ds, r, where + "/amount"));
  }
  s.currency = currency(ds, r, obj, "currency", where + "/currency");
  s.per = detail::require_string(obj, "per", ctx);
  if (!any_unit::try_parse(s.per)) {
    detail::throw_error(errc::invalid_value, "unknown unit \"" + s.per + "\"",
                        record_context(ds, r, where + "/per"));
  }
  return s;
}

void builder::load_tariffs(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"cn_range"}, kctx);
    detail::reject_unknown_keys(r.value, {"expression", "text"}, vctx);
    tariff_record t;
    std::tie(t.from, t.through) = cn_range(ds, r);
    t.duty.text = detail::require_string(r.value, "text", vctx);
    const auto e = r.value.find("expression");
    if (e == r.value.end()) {
      detail::throw_error(errc::missing_field, "\"expression\" is required (null if not modelled)",
                          vctx);
    }
    if (e->is_null()) {
      t.duty.modelled = false;
    } else {
      const auto ectx = record_context(ds, r, "/value/expression");
      if (!e->is_object()) detail::throw_error(errc::invalid_value, "must be an object", ectx);
      detail::reject_unknown_keys(*e, {"ad_valorem", "specific", "minimum", "maximum"}, ectx);
      if (auto a = e->find("ad_valorem"); a != e->end() && !a->is_null()) {
        t.duty.ad_valorem = require_fraction(*e, "ad_valorem", ectx);
      }
      if (auto s = e->find("specific"); s != e->end() && !s->is_null()) {
        t.duty.specific = load_specific(ds, r, *s, "/value/expression/specific");
      }
      if (auto s = e->find("minimum"); s != e->end() && !s->is_null()) {
        t.duty.minimum = load_specific(ds, r, *s, "/value/expression/minimum");
      }
      if (auto s = e->find("maximum"); s != e->end() && !s->is_null()) {
        if (s->is_object() && s->contains("ad_valorem")) {
          const auto mctx = record_context(ds, r, "/value/expression/maximum");
          detail::reject_unknown_keys(*s, {"ad_valorem"}, mctx);
          t.duty.maximum_ad_valorem = require_fraction(*s, "ad_valorem", mctx);  // in [0, 1]
        } else {
          t.duty.maximum = load_specific(ds, r, *s, "/value/expression/maximum");
        }
      }
      if (!t.duty.ad_valorem && !t.duty.specific) {
        detail::throw_error(errc::missing_field,
                            "a duty expression needs \"ad_valorem\" or \"specific\"", ectx);
      }
    }
    t.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { tariffs.add(r.validity, std::move(t)); });
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
