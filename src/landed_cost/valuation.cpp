// The customs value (UCC Art. 70-72) and the import-VAT base (VAT Directive Art. 85-86).
#include "fairport/landed_cost/valuation.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "fairport/data/countries.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/landed_cost/landed_cost.hpp"
#include "fairport/error.hpp"
#include "fairport/text.hpp"

FAIRPORT_BEGIN_NAMESPACE

bool carriage_after_border_in_price(const incoterm_record& term,
                                    std::optional<bool> named_place_beyond_border) noexcept {
  return term.carriage_after_border == cost_bearer::in_price ||
         (term.carriage_after_border == cost_bearer::named_place &&
          named_place_beyond_border.value_or(false));
}

money customs_value(const customs_value_costs& c, const incoterm_record& term,
                    bool after_border_in_price, const rounding_rule& rounding,
                    std::string* explain) {
  money cv = c.invoice_value;
  if (explain != nullptr) *explain = "invoice " + money_text(c.invoice_value);
  auto add = [&](const money& part, const char* what) {
    if (part.amount().is_zero()) return;
    cv += part;
    if (explain != nullptr) *explain += std::string(" + ") + what + " " + money_text(part);
  };
  if (term.carriage_to_border == cost_bearer::buyer)
    add(c.freight_to_border, "carriage to the EU border");
  if (term.insurance == cost_bearer::buyer) add(c.insurance, "insurance");
  add(c.additions, "Art. 71(1)(a)-(d) additions");
  auto deduct = [&](const money& part, const char* what) {
    if (part.amount().is_zero()) return;
    cv -= part;
    if (explain != nullptr) {
      *explain += std::string(" - ") + what + " " + money_text(part) + " (Art. 72(a))";
    }
  };
  if (after_border_in_price) {
    deduct(c.freight_after_border, "carriage after the border shown separately");
    // DPU: the seller unloads at the destination, a cost after entry inside the price.
    if (term.unloading_at_destination == cost_bearer::in_price) {
      deduct(c.unloading_at_destination, "unloading at the destination shown separately");
    }
  }
  if (cv.amount().is_negative()) {
    detail::throw_error(errc::invalid_argument,
                        "the customs value would be negative (" + money_text(cv) + ")");
  }
  return cv.round(rounding.scale, rounding.mode);
}

money vat_base(const vat_base_parts& p, std::string* explain) {
  money base = p.customs_value + p.duty;
  if (explain != nullptr) {
    *explain = "customs value " + money_text(p.customs_value) + " + duty " + money_text(p.duty);
  }
  auto add = [&](const money& part, const char* what) {
    if (part.amount().is_zero()) return;
    base += part;
    if (explain != nullptr) *explain += std::string(" + ") + what + " " + money_text(part);
  };
  add(p.excise_in_base, "excise");
  add(p.charges_in_base, "charges");
  add(p.carriage_to_destination, "carriage to the first place of destination");
  add(p.other_to_destination, "other incidental expenses");
  return base;
}

namespace {

constexpr const char* vat_directive = "Council Directive 2006/112/EC";

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& c : v) out += (out.empty() ? "" : ", ") + c;
  return out;
}

/// The rate of `category` in `country` on `as_of`: an unknown category is bad input (106,
/// listing the categories); a known one without a rate for the member state is 301, listing the
/// ones it has. Both point at the line's vat_category.
const vat_rate_record& vat_record(const vat_table& vat, country_code country,
                                  std::string_view category, const date::year_month_day& as_of) {
  if (const auto* r = vat.try_at(country, category, as_of)) return *r;
  error_context ctx;
  ctx.argument = "vat_category";
  const auto all = vat.categories();
  const std::string name(category);
  if (!std::binary_search(all.begin(), all.end(), name)) {
    detail::throw_error(errc::invalid_argument,
                        "vat_category \"" + name + "\" is not a VAT category of eu_vat_rates "
                        "(`fairport vocab vat_category`): " + joined(all),
                        ctx);
  }
  detail::throw_error(errc::no_valid_record,
                      "no VAT rate '" + name + "' for " + country.to_string() + " valid on " +
                          format_date(as_of) + "; its categories on that date: " +
                          joined(vat.categories(country, as_of)),
                      ctx);
}

/// Annex III point 1 (foodstuffs, Chapters 1 to 24) and point 26 (works of art, Chapter 97):
/// goods for which national law commonly gives a reduced rate.
bool reduced_rate_goods(const tariff_code& cn) {
  const auto d = cn.digits();
  const int chapter = (d[0] - '0') * 10 + (d[1] - '0');
  return chapter <= 24 || chapter == 97;
}

}  // namespace

import_vat_rate select_vat_rate(const reference_data& data, country_code country,
                                const tariff_code& cn, std::string_view declared,
                                const date::year_month_day& as_of) {
  import_vat_rate v;
  const vat_goods_lookup g = data.vat_goods_rates().find(country, cn, as_of);
  v.goods = g.record;
  v.depends_on_subcode = g.depends_on_subcode;
  if (!declared.empty()) {
    v.basis = vat_rate_basis::declared;
    v.rate = &vat_record(data.vat_rates(), country, declared, as_of);
  } else if (g.record != nullptr) {
    v.basis = vat_rate_basis::goods;
    v.rate = &vat_record(data.vat_rates(), country, g.record->category, as_of);
  } else {
    v.basis = vat_rate_basis::standard;
    v.rate = &vat_record(data.vat_rates(), country, "standard", as_of);
  }
  return v;
}

finding vat_rate_finding(const import_vat_rate& v, country_code country, const tariff_code& cn) {
  const vat_rate_record& r = *v.rate;
  const std::string goods = "CN " + cn.to_string() + " in " + country.to_string();
  const std::string rate = percent_text(r.rate) + " (" + r.category + ")";
  if (v.basis == vat_rate_basis::goods) {
    return make_finding("landed.vat.rate", severity::info,
                        "import VAT " + rate + ": the category national law gives to " + goods,
                        v.goods->source.citation() + "; " + r.source.citation());
  }
  if (v.basis == vat_rate_basis::declared) {
    if (v.goods != nullptr && v.goods->category != r.category) {
      return make_finding(
          "landed.vat.rate_differs", severity::warning,
          "import VAT " + rate + " as declared, but national law gives " + goods +
              " the category '" + v.goods->category + "': check the declaration",
          v.goods->source.citation() + "; " + r.source.citation());
    }
    return make_finding("landed.vat.rate", severity::info,
                        "import VAT " + rate + " as declared for " + goods, r.source.citation());
  }
  const std::string why =
      v.depends_on_subcode
          ? "the goods data gives part of this code a category of its own: give the 10-digit "
            "code, or the line's vat_category"
          : "no category for these goods is recorded in eu_vat_goods_rates; if national law "
            "gives them a reduced rate, give the line's vat_category";
  const bool warn = v.depends_on_subcode || reduced_rate_goods(cn);
  return make_finding("landed.vat.standard", warn ? severity::warning : severity::info,
                      "import VAT " + rate + " for " + goods + ": " + why,
                      std::string(vat_directive) + ", Art. 96-98 and Annex III; " +
                          r.source.citation());
}

const std::vector<customs_value_addition_kind>& customs_value_addition_kinds() noexcept {
  static const std::vector<customs_value_addition_kind> kinds = {
      {"commission", "Art. 71(1)(a)(i)", "commissions and brokerage, except buying commissions"},
      {"containers", "Art. 71(1)(a)(ii)",
       "the cost of containers treated as being one with the goods for customs purposes"},
      {"packing", "Art. 71(1)(a)(iii)", "the cost of packing, for labour or materials"},
      {"assists", "Art. 71(1)(b)",
       "goods and services the buyer supplied, free of charge or at reduced cost, for the "
       "production and sale for export of the goods (materials, tools, moulds, design work "
       "done outside the Union)"},
      {"royalties", "Art. 71(1)(c)",
       "royalties and licence fees related to the goods that the buyer pays as a condition of "
       "their sale"},
      {"proceeds", "Art. 71(1)(d)",
       "the value of any part of the proceeds of a later resale, disposal or use of the goods "
       "that accrues to the seller"}};
  return kinds;
}

std::optional<transport_mode> try_parse_transport_mode(std::string_view s) noexcept {
  for (transport_mode m : {transport_mode::air, transport_mode::sea, transport_mode::road,
                           transport_mode::rail, transport_mode::post}) {
    if (to_string(m) == s) return m;
  }
  return std::nullopt;
}

currency_code declaration_currency_of(const reference_data& data, country_code destination,
                                      const date::year_month_day& as_of,
                                      const std::optional<currency_code>& declared) {
  const currency_code eur = currency_code::parse("EUR");
  if (!data.countries().is_member("eu", destination, as_of)) {
    detail::throw_error(errc::unsupported_destination,
                        destination.to_string() + " is not an EU member state on " +
                            format_date(as_of) +
                            "; fairport computes the landed cost in the EU customs union only");
  }
  // The customs value is stated in the currency of the member state (Union Customs Code Art. 53;
  // Implementing Regulation (EU) 2015/2447, Art. 146(1)): the euro in the euro area, the
  // national currency elsewhere.
  const bool euro_area = data.countries().is_member("euro_area", destination, as_of);
  if (euro_area) {
    if (declared && *declared != eur) {
      detail::throw_error(errc::invalid_argument,
                          destination.to_string() + " is in the euro area on " +
                              format_date(as_of) + ": its declarations are in EUR, not " +
                              declared->to_string() +
                              " (Union Customs Code Art. 53; Implementing Regulation (EU) "
                              "2015/2447, Art. 146(1)(a))");
    }
    return eur;
  }
  if (!declared) {
    detail::throw_error(errc::missing_input,
                        destination.to_string() + " is outside the euro area on " +
                            format_date(as_of) +
                            ": give the declaration currency (its national currency)");
  }
  if (*declared == eur) {
    detail::throw_error(errc::invalid_argument,
                        destination.to_string() + " is outside the euro area on " +
                            format_date(as_of) +
                            ": its declarations are in its national currency, converted at the "
                            "rate its national authority publishes (Implementing Regulation "
                            "(EU) 2015/2447, Art. 146(1)(b)), not in EUR");
  }
  return *declared;
}

FAIRPORT_END_NAMESPACE
