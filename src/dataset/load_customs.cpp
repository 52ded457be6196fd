// Loaders of fairport.incoterms/1, fairport.low_value_relief/1 and fairport.rounding_policies/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

cost_bearer builder::bearer(const raw_dataset& ds, const raw_record& r, std::string_view field,
                            bool allow_named_place) {
  const auto ctx = record_context(ds, r, "/value");
  const std::string v = detail::require_string(r.value, field, ctx);
  if (v == "in_price") return cost_bearer::in_price;
  if (v == "buyer") return cost_bearer::buyer;
  if (v == "named_place" && allow_named_place) return cost_bearer::named_place;
  detail::throw_error(errc::invalid_value,
                      "must be \"in_price\" or \"buyer\"" +
                          std::string(allow_named_place ? " or \"named_place\"" : "") + ", got \"" +
                          v + "\"",
                      record_context(ds, r, "/value/" + std::string(field)));
}

void builder::load_incoterms(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"rule"}, kctx);
    detail::reject_unknown_keys(r.value,
                                {"name", "group", "transport", "carriage_to_border", "insurance",
                                 "carriage_after_border", "unloading_at_destination",
                                 "import_duties_and_taxes", "delivery"},
                                vctx);
    incoterm_record t;
    const std::string rule = detail::require_string(r.key, "rule", kctx);
    const auto parsed = try_parse_incoterm(rule);
    if (!parsed) {
      detail::throw_error(errc::invalid_value, "\"" + rule + "\" is not an Incoterms 2020 rule",
                          record_context(ds, r, "/key/rule"));
    }
    t.rule = *parsed;
    t.name = detail::require_string(r.value, "name", vctx);
    t.group = detail::require_string(r.value, "group", vctx);
    if (t.group != "E" && t.group != "F" && t.group != "C" && t.group != "D") {
      detail::throw_error(errc::invalid_value, "group must be E, F, C or D",
                          record_context(ds, r, "/value/group"));
    }
    t.transport = detail::require_string(r.value, "transport", vctx);
    if (t.transport != "any" && t.transport != "sea_and_inland_waterway") {
      detail::throw_error(errc::invalid_value,
                          "transport must be \"any\" or \"sea_and_inland_waterway\"",
                          record_context(ds, r, "/value/transport"));
    }
    t.delivery = detail::require_string(r.value, "delivery", vctx);
    t.carriage_to_border = bearer(ds, r, "carriage_to_border", false);
    t.insurance = bearer(ds, r, "insurance", false);
    t.carriage_after_border = bearer(ds, r, "carriage_after_border", true);
    t.unloading_at_destination = bearer(ds, r, "unloading_at_destination", false);
    t.import_duties_and_taxes = bearer(ds, r, "import_duties_and_taxes", false);
    t.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { incoterms.add(r.validity, std::move(t)); });
  }
}

void builder::load_low_value_reliefs(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"id"}, kctx);
    detail::reject_unknown_keys(r.value,
                                {"applies_to", "threshold", "currency", "basis", "condition",
                                 "flat_duty", "flat_duty_per", "excluded_cn"},
                                vctx);
    low_value_relief_record t;
    t.id = detail::require_string(r.key, "id", kctx);
    const std::string applies_to = detail::require_string(r.value, "applies_to", vctx);
    if (applies_to == "customs_duty") {
      t.applies_to = relief_tax::customs_duty;
    } else if (applies_to == "import_vat") {
      t.applies_to = relief_tax::import_vat;
    } else {
      detail::throw_error(errc::invalid_value,
                          "applies_to must be \"customs_duty\" or \"import_vat\"",
                          record_context(ds, r, "/value/applies_to"));
    }
    const decimal amount = detail::require_decimal(r.value, "threshold", vctx);
    if (amount.is_negative()) {
      detail::throw_error(errc::invalid_value, "a threshold cannot be negative",
                          record_context(ds, r, "/value/threshold"));
    }
    t.threshold = money(amount, currency(ds, r, r.value, "currency", "/value/currency"));
    t.basis = detail::require_string(r.value, "basis", vctx);
    if (t.basis != "intrinsic_value_per_consignment") {
      detail::throw_error(errc::invalid_value, "basis must be \"intrinsic_value_per_consignment\"",
                          record_context(ds, r, "/value/basis"));
    }
    const std::string condition = detail::require_string(r.value, "condition", vctx);
    if (condition == "any") {
      t.condition = relief_condition::any;
    } else if (condition == "ioss") {
      t.condition = relief_condition::ioss;
    } else if (condition == "not_ioss") {
      t.condition = relief_condition::not_ioss;
    } else {
      detail::throw_error(errc::invalid_value,
                          "condition must be \"any\", \"ioss\" or \"not_ioss\"",
                          record_context(ds, r, "/value/condition"));
    }
    if (auto flat = optional_decimal(r.value, "flat_duty", vctx)) {
      if (flat->is_negative()) {
        detail::throw_error(errc::invalid_value, "a flat duty cannot be negative",
                            record_context(ds, r, "/value/flat_duty"));
      }
      t.flat_duty = money(*flat, t.threshold.currency());
      t.flat_duty_per = detail::require_string(r.value, "flat_duty_per", vctx);
      if (t.flat_duty_per != "tariff_subheading") {
        detail::throw_error(errc::invalid_value, "flat_duty_per must be \"tariff_subheading\"",
                            record_context(ds, r, "/value/flat_duty_per"));
      }
    } else if (r.value.contains("flat_duty_per")) {
      detail::throw_error(errc::invalid_value, "flat_duty_per without flat_duty",
                          record_context(ds, r, "/value/flat_duty_per"));
    }
    t.excluded_cn = string_array(ds, r, r.value, "excluded_cn", "/value/excluded_cn", true);
    t.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { low_value_reliefs.add(r.validity, std::move(t)); });
  }
}

rounding_rule builder::rounding_rule_at(const raw_dataset& ds, const raw_record& r,
                                        std::string_view field, bool allow_declaration) {
  const std::string where = "/value/" + std::string(field);
  const auto ctx = record_context(ds, r, where);
  const auto it = r.value.find(std::string(field));
  if (it == r.value.end()) {
    detail::throw_error(errc::missing_field, "\"" + std::string(field) + "\" is required",
                        record_context(ds, r, "/value"));
  }
  detail::reject_unknown_keys(*it, {"scale", "mode", "level"}, ctx);
  rounding_rule rule;
  const decimal scale = detail::require_decimal(*it, "scale", ctx);
  if (scale.scale() != 0 || scale.is_negative() || scale > decimal(8)) {
    detail::throw_error(errc::invalid_value, "scale must be a whole number from 0 to 8",
                        record_context(ds, r, where + "/scale"));
  }
  rule.scale = static_cast<int>(scale.coefficient());
  const std::string mode = detail::require_string(*it, "mode", ctx);
  try {
    rule.mode = parse_rounding_mode(mode);
  } catch (const error&) {
    detail::throw_error(errc::invalid_value, "unknown rounding mode \"" + mode + "\"",
                        record_context(ds, r, where + "/mode"));
  }
  const std::string level = detail::require_string(*it, "level", ctx);
  if (level == "line") {
    rule.level = rounding_level::line;
  } else if (allow_declaration && level == "declaration") {
    rule.level = rounding_level::declaration;
  } else {
    detail::throw_error(
        errc::invalid_value,
        allow_declaration ? "level must be \"line\" or \"declaration\"" : "level must be \"line\"",
        record_context(ds, r, where + "/level"));
  }
  return rule;
}

void builder::load_rounding_policies(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"destination"}, kctx);
    detail::reject_unknown_keys(
        r.value, {"name", "conversion", "customs_value", "duty", "vat", "unit_cost"}, vctx);
    rounding_policy_record t;
    t.destination = detail::require_string(r.key, "destination", kctx);
    if (t.destination != "EU") (void)country(ds, r, r.key, "destination", "/key/destination");
    t.name = detail::require_string(r.value, "name", vctx);
    t.conversion = rounding_rule_at(ds, r, "conversion", false);
    t.customs_value = rounding_rule_at(ds, r, "customs_value", false);
    t.duty = rounding_rule_at(ds, r, "duty", true);
    t.vat = rounding_rule_at(ds, r, "vat", true);
    t.unit_cost = rounding_rule_at(ds, r, "unit_cost", false);
    t.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { rounding_policies.add(r.validity, std::move(t)); });
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
