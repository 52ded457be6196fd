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
  detail::reject_unknown_keys(obj, {"amount", "currency", "per", "mass"}, ctx);
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
  const auto unit = any_unit::try_parse(s.per);
  if (!unit) {
    detail::throw_error(errc::invalid_value, "unknown unit \"" + s.per + "\"",
                        record_context(ds, r, where + "/per"));
  }
  if (auto m = obj.find("mass"); m != obj.end()) {
    const std::string basis = detail::require_string(obj, "mass", ctx);
    if ((basis != "net" && basis != "gross") || unit->kind() != unit_kind::mass) {
      detail::throw_error(errc::invalid_value,
                          "mass is \"net\" or \"gross\", for a unit of mass only",
                          record_context(ds, r, where + "/mass"));
    }
    s.gross_mass = basis == "gross";
  }
  return s;
}

duty_bound builder::load_bound(const raw_dataset& ds, const raw_record& r, const json& obj,
                              const std::string& where) {
  const auto ctx = record_context(ds, r, where);
  if (!obj.is_object()) detail::throw_error(errc::invalid_value, "must be an object", ctx);
  if (obj.contains("amount")) return duty_bound(load_specific(ds, r, obj, where));  // specific
  // A branch with its own components: {"ad_valorem", "specific", "deduction"}.
  detail::reject_unknown_keys(obj, {"ad_valorem", "specific", "deduction"}, ctx);
  duty_bound b;
  if (obj.contains("ad_valorem")) b.ad_valorem = require_fraction(obj, "ad_valorem", ctx);
  if (auto s = obj.find("specific"); s != obj.end()) {
    b.specific = load_specific(ds, r, *s, where + "/specific");
  }
  if (auto s = obj.find("deduction"); s != obj.end()) {
    b.deduction = load_specific(ds, r, *s, where + "/deduction");
  }
  if (!b.ad_valorem && !b.specific) {
    detail::throw_error(errc::missing_field, "a MIN or MAX branch needs \"ad_valorem\" or "
                                             "\"specific\" (or is itself a specific amount)",
                        ctx);
  }
  return b;
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
        t.duty.minimum = load_bound(ds, r, *s, "/value/expression/minimum");
      }
      if (auto s = e->find("maximum"); s != e->end() && !s->is_null()) {
        t.duty.maximum = load_bound(ds, r, *s, "/value/expression/maximum");
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
