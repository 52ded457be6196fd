// The vocabularies of the consignment document, read from the reference data where the law's
// wording lives there, and from the closed enumerations of the code otherwise.
#include "fairport/check/vocabulary.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fairport/data/customs.hpp"
#include "fairport/data/origin_general_rules.hpp"
#include "fairport/data/origin_rules.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/data/vat_rates.hpp"
#include "fairport/error.hpp"
#include "fairport/landed_cost/landed_cost.hpp"
#include "fairport/origin/operations.hpp"
#include "fairport/quantity.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

constexpr std::string_view da = "Commission Delegated Regulation (EU) 2015/2446";

using as_of_t = std::optional<date::year_month_day>;

bool valid(const validity_interval& v, const as_of_t& as_of) {
  return !as_of || v.contains(*as_of);
}

vocabulary operations_vocabulary(const reference_data& data, const std::optional<date::year_month_day>& as_of) {
  vocabulary v{"operations", "lines[].origin.operations[]",
               "What was done to the goods in the exporting country. Goods that underwent only "
               "insufficient operations (alone or combined, Art. 47(1)(q)) do not originate; "
               "list-rule processes and working operations go beyond Art. 47(1).",
               {}};
  for (auto& e : operation_vocabulary(data, as_of)) {
    v.values.push_back({e.id, std::string(to_string(e.group)), e.text, e.reference});
  }
  return v;
}

vocabulary cumulation_vocabulary() {
  return {"cumulation",
          "lines[].origin.materials[].cumulation",
          "Whether a proof of origin is held for a material made in the EU or a cumulation "
          "partner: a boolean, or one of these indications. Any other text is refused.",
          {{"true", "", "a proof that the material originates in its origin country is held", ""},
           {"false", "", "no proof held: the material counts as non-originating", ""},
           {"eu", "", "EU materials with their proof (EU cumulation)", std::string(da) + ", Art. 53"},
           {"<origin country>", "",
            "the material's own origin code, for regional or extended cumulation with its proof",
            std::string(da) + ", Arts. 54 to 56"}}};
}

vocabulary wholly_obtained_vocabulary(const reference_data& data, const std::optional<date::year_month_day>& as_of) {
  vocabulary v{"wholly_obtained_category", "lines[].origin.wholly_obtained_category",
               "The point of Art. 44(1) under which goods are wholly obtained.", {}};
  for (const auto& [validity, r] : data.origin_general_rules().wholly_obtained_records()) {
    if (valid(validity, as_of)) v.values.push_back({r.id, "", r.text, r.source.citation()});
  }
  return v;
}

vocabulary list_rule_row_vocabulary(const reference_data& data, const std::optional<date::year_month_day>& as_of) {
  vocabulary v{"list_rule_row", "lines[].origin.list_rule_row",
               "The sub-row of a list rule where one range of Annex 22-03 Part II has several "
               "(told apart by the product description).",
               {}};
  std::map<std::string, std::vector<std::string>> rows;
  for (const auto& [validity, r] : data.list_rules().rows()) {
    if (!r.row.empty() && valid(validity, as_of)) rows[r.row].push_back(r.hs + " (" + r.description + ")");
  }
  for (const auto& [id, where] : rows) {
    std::string text;
    for (const auto& w : where) text += (text.empty() ? "" : "; ") + w;
    v.values.push_back({id, "", text, std::string(da) + ", Annex 22-03 Part II"});
  }
  return v;
}

vocabulary vat_category_vocabulary(const reference_data& data, const std::optional<date::year_month_day>& as_of) {
  vocabulary v{"vat_category", "lines[].vat_category",
               "The VAT rate category of a line (dataset eu_vat_rates); without it, the category "
               "national law gives the goods (dataset eu_vat_goods_rates), else standard.",
               {}};
  std::map<std::string, std::set<std::string>> where;
  for (const auto& [key, series] : data.vat_rates().series()) {
    if (!as_of || series.try_at(*as_of) != nullptr) where[key.second].insert(key.first.to_string());
  }
  for (const auto& [category, countries] : where) {
    std::string text = "member states with a rate of this category: ";
    bool first = true;
    for (const auto& c : countries) {
      text += (first ? "" : " ") + c;
      first = false;
    }
    v.values.push_back({category, "", text, "Council Directive 2006/112/EC, Arts. 96 to 99"});
  }
  return v;
}

vocabulary unit_vocabulary() {
  vocabulary v{"unit", "quantity.unit, net_mass.unit, supplementary_quantities[].unit",
               "Units of measure; factors are exact.", {}};
  constexpr std::string_view kinds[] = {"mass", "volume", "count", "length", "area"};
  constexpr std::string_view bases[] = {"kg", "l", "piece", "m", "m2"};
  for (const auto& s : detail::unit_spellings) {
    const auto u = any_unit::parse(s.text);
    v.values.push_back({std::string(s.text), std::string(kinds[static_cast<int>(u.kind())]),
                        "= " + u.factor().to_string() + " " +
                            std::string(bases[static_cast<int>(u.kind())]),
                        ""});
  }
  return v;
}

vocabulary incoterm_vocabulary(const reference_data& data, const std::optional<date::year_month_day>& as_of) {
  vocabulary v{"incoterm", "incoterm", "The Incoterms 2020 rule of the sale.", {}};
  for (const incoterm t : all_incoterms) {
    const incoterm_record* r = nullptr;
    if (as_of) {
      r = data.incoterms().try_at(t, *as_of);
    } else if (auto it = data.incoterms().series().find(t); it != data.incoterms().series().end()) {
      for (const auto& e : it->second) r = &e.value;  // the latest
    }
    v.values.push_back({std::string(to_string(t)), r ? r->group : "",
                        r ? r->name + ": " + r->delivery : std::string(),
                        r ? r->source.citation() : std::string()});
  }
  return v;
}

vocabulary allocation_vocabulary() {
  return {"allocation",
          "costs.allocation",
          "How shipment costs are spread over the lines.",
          {{"value", "", "in proportion to the invoice values", ""},
           {"net_mass", "", "in proportion to the net masses", ""},
           {"quantity", "", "in proportion to the quantities", ""}}};
}

vocabulary charge_kind_vocabulary() {
  return {"charge_kind",
          "charges[].kind, lines[].charges[].kind",
          "Other charges on import.",
          {{"excise", "", "excise duty; part of the VAT base", "Council Directive 2006/112/EC, Art. 86(1)(a)"},
           {"fee", "", "a fee; part of the VAT base when in_vat_base is true",
            "Council Directive 2006/112/EC, Art. 86"}}};
}

vocabulary addition_kind_vocabulary() {
  vocabulary v{"addition_kind", "lines[].additions[].kind",
               "What the buyer pays that is not in the invoice value and the customs value must "
               "include (Union Customs Code Art. 71(1)(a)-(d)).",
               {}};
  for (const auto& k : customs_value_addition_kinds()) {
    v.values.push_back({std::string(k.id), "", std::string(k.text),
                        "Regulation (EU) No 952/2013 (Union Customs Code), " +
                            std::string(k.point)});
  }
  return v;
}

vocabulary transport_mode_vocabulary() {
  return {"transport_mode",
          "transport.mode",
          "How the goods travel to the EU.",
          {{"air", "", "air: only the Annex 23-01 share of the air transport costs is dutiable",
            "Commission Implementing Regulation (EU) 2015/2447, Annex 23-01"},
           {"sea", "", "sea or inland waterway", ""},
           {"road", "", "road", ""},
           {"rail", "", "rail", ""},
           {"post", "", "a postal consignment: the EUR 3 duty applies as to IOSS consignments",
            "Council Regulation (EU) 2026/382"}}};
}

}  // namespace

std::vector<std::string> vocabulary_names() {
  return {"operations",  "cumulation",    "wholly_obtained_category", "list_rule_row",
          "vat_category", "unit",         "incoterm",                 "allocation",
          "charge_kind", "addition_kind", "transport_mode"};
}

vocabulary vocabulary_named(std::string_view name, const reference_data& data,
                            const std::optional<date::year_month_day>& as_of) {
  if (name == "operations") return operations_vocabulary(data, as_of);
  if (name == "cumulation") return cumulation_vocabulary();
  if (name == "wholly_obtained_category") return wholly_obtained_vocabulary(data, as_of);
  if (name == "list_rule_row") return list_rule_row_vocabulary(data, as_of);
  if (name == "vat_category") return vat_category_vocabulary(data, as_of);
  if (name == "unit") return unit_vocabulary();
  if (name == "incoterm") return incoterm_vocabulary(data, as_of);
  if (name == "allocation") return allocation_vocabulary();
  if (name == "charge_kind") return charge_kind_vocabulary();
  if (name == "addition_kind") return addition_kind_vocabulary();
  if (name == "transport_mode") return transport_mode_vocabulary();
  std::string names;
  for (const auto& n : vocabulary_names()) names += (names.empty() ? "" : ", ") + n;
  detail::throw_error(errc::invalid_argument,
                      "no vocabulary \"" + std::string(name) + "\"; the vocabularies: " + names);
}

std::vector<vocabulary> vocabularies(const reference_data& data, const std::optional<date::year_month_day>& as_of) {
  std::vector<vocabulary> out;
  for (const auto& n : vocabulary_names()) out.push_back(vocabulary_named(n, data, as_of));
  return out;
}

FAIRPORT_END_NAMESPACE
