// The landed-cost engine of a consignment, in the steps of the law: declaration currency and
// rounding, the Incoterms rule, allocation of shipment costs, low-value relief, then per line the
// customs value, the duty, the charges and the import VAT, and the totals.
#include "fairport/landed_cost/landed_cost.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/landed_cost/valuation.hpp"
#include "fairport/data/countries.hpp"
#include "fairport/data/vat_rates.hpp"
#include "fairport/text.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

const currency_code eur = currency_code::parse("EUR");

constexpr const char* ucc = "Regulation (EU) No 952/2013 (Union Customs Code)";
constexpr const char* vat_directive = "Council Directive 2006/112/EC";

money zero(currency_code c) { return money(decimal(), c); }

money round_by(const money& m, const rounding_rule& r) { return m.round(r.scale, r.mode); }

/// Converts amounts into one currency at the caller's or the built-in dated rates, rounding as
/// the policy says, and notes each rate once.
class converter {
 public:
  converter(const landed_cost_input& in, const reference_data& data, currency_code to,
            rounding_rule rule, findings* notes)
      : in_(in), data_(data), to_(to), rule_(rule), notes_(notes) {}

  money operator()(const money& m) { return convert(m, to_); }

  money convert(const money& m, currency_code to) {
    const currency_code from = m.currency();
    if (from == to) return m;
    // The one rate rule (select_rate, Art. 146): the customs rate of the declaration's month;
    // between two currencies other than the euro, through the euro (select_conversion).
    const conversion_path p = require_conversion(from, to, in_.as_of, rate_rule::customs_month,
                                                 in_.exchange_rates, &data_.exchange_rates());
    note(p.first);
    if (p.second) note(p.second);
    return p.convert(m, rule_.scale, rule_.mode);
  }

 private:
  void note(const selected_rate& c) {
    const fx_rate& r = *c.rate;
    const std::string key = r.base().to_string() + r.quote().to_string() + format_date(r.date());
    if (notes_ == nullptr || !noted_.insert(key).second) return;
    const char* kind = c.origin == rate_origin::given ? "consignment" : "built-in";
    notes_->push_back(make_finding(
        "landed.conversion", c.published_before ? severity::warning : severity::info,
        "amounts in " + r.base().to_string() + " and " + r.quote().to_string() +
            " converted at 1 " + r.base().to_string() + " = " + r.rate().to_string() + " " +
            r.quote().to_string() + " (" + kind + ": " +
            rate_explanation(c, in_.as_of, rate_rule::customs_month) +
            "), each converted amount rounded to " + std::to_string(rule_.scale) + " places " +
            std::string(to_string(rule_.mode)) +
            (c.repeated ? "; the rate is given twice with the same figure" : ""),
        std::string(rate_rule_reference(rate_rule::customs_month)) +
            (r.source().empty() ? std::string() : "; " + r.source())));
  }

  const landed_cost_input& in_;
  const reference_data& data_;
  currency_code to_;
  rounding_rule rule_;
  findings* notes_;
  std::set<std::string> noted_;
};

/// Working state of one line between the passes.
struct line_state {
  bool failed = false;
  line_error error;
  landed_cost_line_result r;
  money excise_in_base = detail::no_money();
  money fees_in_base = detail::no_money();
};

/// Each shipment cost spread over the lines, in the declaration currency.
struct shipment_shares {
  std::vector<money> freight, insurance, after, other;
  std::vector<std::vector<money>> charges;  ///< per consignment-level charge
};

/// The low-value relief of the consignment, if any: an exemption, or a flat duty per subheading;
/// and whether its import VAT is exempt as declared under the IOSS.
struct relief_choice {
  const low_value_relief_record* exemption = nullptr;
  const low_value_relief_record* flat = nullptr;
  bool ioss_vat_exempt = false;
};

/// The whole engine's context: what every line step reads.
struct context {
  const landed_cost_input& in;
  const reference_data& data;
  const rounding_policy_record& policy;
  const incoterm_record& term;
  bool after_in_price;
  currency_code currency;
  converter& conv;
  relief_choice relief;
};

/// Spreads `total` over the lines by `weights`; zero when the total is zero.
std::vector<money> spread(const money& total, const std::vector<decimal>& weights, int scale) {
  if (total.amount().is_zero()) return std::vector<money>(weights.size(), zero(total.currency()));
  return allocate(total, weights, std::max(scale, total.amount().scale()));
}

/// Rounds the amounts of the computed lines once for the declaration and gives each line its
/// share by largest remainder of the unrounded amounts.
void round_per_declaration(std::vector<money*>& amounts, const rounding_rule& rule) {
  if (amounts.empty()) return;
  money sum = zero(amounts.front()->currency());
  std::vector<decimal> weights;
  for (auto* a : amounts) {
    sum += *a;
    weights.push_back(a->amount());
  }
  const money total = round_by(sum, rule);
  const bool all_zero =
      std::all_of(weights.begin(), weights.end(), [](const decimal& d) { return d.is_zero(); });
  if (all_zero) {
    for (auto* a : amounts) *a = round_by(*a, rule);
    return;
  }
  auto shares = allocate(total, weights, rule.scale);
  for (std::size_t i = 0; i < amounts.size(); ++i) *amounts[i] = shares[i];
}

/// The JSON Pointer of the field of input line `i` an error of the duty step is about.
std::string duty_error_field(std::size_t i, errc code) {
  const std::string line = "/lines/" + std::to_string(i);
  switch (code) {
    case errc::missing_quantity:
      return line + "/net_mass";
    case errc::duty_not_computable:
    case errc::no_valid_record:
      return line + "/hs_code";
    default:
      return line;
  }
}

// ---- consignment-wide steps ---------------------------------------------------------------

finding rounding_finding(const rounding_policy_record& policy) {
  return make_finding("landed.rounding", severity::info,
                      "rounding policy " + policy.name + " (" + policy.destination +
                          "): conversion " + policy.conversion.to_string() + "; customs value " +
                          policy.customs_value.to_string() + "; duty " + policy.duty.to_string() +
                          "; VAT " + policy.vat.to_string() + "; unit costs " +
                          policy.unit_cost.to_string(),
                      policy.source.to_string());
}

/// What the Incoterms rule puts in the price, and the warnings it calls for.
void note_incoterm(const landed_cost_input& in, const incoterm_record& term, bool after_in_price,
                   findings& out) {
  out.push_back(make_finding(
      "landed.incoterm", severity::info,
      std::string(to_string(in.terms)) + " (" + term.name + "): carriage to the EU border " +
          (term.carriage_to_border == cost_bearer::in_price ? "is in the price"
                                                            : "is paid by the buyer") +
          ", insurance " +
          (term.insurance == cost_bearer::in_price ? "is in the price" : "is the buyer's") +
          ", carriage after the border " + (after_in_price ? "is in the price" : "is the buyer's") +
          (term.import_duties_and_taxes == cost_bearer::in_price
               ? ", import duties and taxes are in the price"
               : ""),
      term.source.to_string()));
  if (term.carriage_after_border == cost_bearer::named_place && !in.named_place_beyond_border &&
      in.costs.freight_after_border && !in.costs.freight_after_border->amount().is_zero()) {
    out.push_back(make_finding(
        "landed.named_place_assumed", severity::warning,
        std::string(to_string(in.terms)) +
            ": the consignment does not say whether the named place lies beyond the EU border; "
            "carriage after the border is taken as the buyer's cost, outside the price",
        term.source.to_string()));
  }
  if (in.terms == incoterm::ddp) {
    out.push_back(make_finding(
        "landed.ddp", severity::warning,
        "DDP: the invoice value is taken net of the import duties and taxes, which must be shown "
        "separately on the invoice to stay out of the customs value",
        std::string(ucc) + ", Art. 72(f)"));
  }
}

/// Costs the Incoterms rule does not use, and costs it needs that are not given: never silent.
void note_costs(const landed_cost_input& in, const incoterm_record& term, bool after_in_price,
                findings& out) {
  const std::string rule(to_string(in.terms));
  const auto given = [](const std::optional<money>& m) { return m && !m->amount().is_zero(); };
  const auto in_price = [&](const std::optional<money>& m, const char* name, const char* what) {
    if (!given(m)) return;
    out.push_back(make_finding(
        "landed.cost_in_price", severity::warning,
        rule + " puts " + what + " in the seller's price: the " + name + " given (" +
            money_text(*m) + ") is taken as included in the lines' invoice values and is not "
            "added to the customs value; if the seller charges it on top of the goods, add it to "
            "the lines' invoice values (the price actually paid or payable)",
        std::string(ucc) + ", Art. 70(1)-(2); " + term.source.to_string()));
  };
  if (term.carriage_to_border == cost_bearer::in_price) {
    in_price(in.costs.freight_to_border, "freight_to_border", "the carriage to the EU border");
  }
  if (term.insurance == cost_bearer::in_price) {
    in_price(in.costs.insurance, "insurance", "the insurance");
  }
  if (term.carriage_to_border == cost_bearer::buyer && !in.costs.freight_to_border) {
    out.push_back(make_finding(
        "landed.carriage_to_border_missing", severity::warning,
        rule + " leaves the carriage to the EU border to the buyer, and the customs value must "
        "include it (Art. 71(1)(e)); no freight_to_border is given, so the customs value holds "
        "the price only: give the freight (0 when there is none)",
        std::string(ucc) + ", Art. 71(1)(e)(i); " + term.source.to_string()));
  }
  if (in.transport == transport_mode::air && given(in.costs.freight_to_border) &&
      term.carriage_to_border == cost_bearer::buyer) {
    out.push_back(make_finding(
        "landed.air_freight_share", severity::warning,
        "air freight: only the percentage of the air transport costs that Annex 23-01 gives for "
        "the airport of departure" +
            (in.departure_country ? " (" + in.departure_country->to_string() + ")"
                                  : std::string()) +
            " enters the customs value; those percentages are not in fairport's data, so the "
            "whole freight_to_border is counted (the customs value, duty and VAT may be "
            "overstated): give freight_to_border as the dutiable share",
        "Commission Implementing Regulation (EU) 2015/2447, Annex 23-01; " + std::string(ucc) +
            ", Art. 71(1)(e)"));
  }
  if (after_in_price && term.unloading_at_destination == cost_bearer::in_price &&
      given(in.costs.other_to_destination)) {
    out.push_back(make_finding(
        "landed.unloading_in_price", severity::info,
        rule + ": the unloading at the destination is the seller's and in the price; the " +
            "other_to_destination given (" + money_text(*in.costs.other_to_destination) +
            ") is a cost after the goods' entry, shown separately, so it is out of the customs "
            "value and in the VAT base",
        std::string(ucc) + ", Art. 72(a); " + std::string(vat_directive) + ", Art. 86(1)(b); " +
            term.source.to_string()));
  }
}

/// True when the consignment has a cost to spread over its lines.
bool has_shipment_costs(const landed_cost_input& in) {
  return in.costs.freight_to_border || in.costs.insurance || in.costs.freight_after_border ||
         in.costs.other_to_destination || !in.charges.empty();
}

/// The weight of each line in the allocation of shipment costs.
std::vector<decimal> allocation_weights(const landed_cost_input& in) {
  std::vector<decimal> weights(in.lines.size());
  for (std::size_t i = 0; i < in.lines.size(); ++i) {
    const auto& l = in.lines[i];
    switch (in.costs.allocation) {
      case allocation_basis::value:
        weights[i] = l.invoice_value;
        break;
      case allocation_basis::net_mass:
        if (!l.net_mass) {
          detail::throw_error(errc::missing_input, "line " + l.id +
                                                       ": costs are allocated by net mass but "
                                                       "the line has no net_mass");
        }
        weights[i] = l.net_mass->in_base();
        break;
      case allocation_basis::quantity:
        if (!l.quantity) {
          detail::throw_error(errc::missing_input, "line " + l.id +
                                                       ": costs are allocated by quantity but "
                                                       "the line has no quantity");
        }
        if (l.quantity->unit.kind() != in.lines[0].quantity.value_or(*l.quantity).unit.kind()) {
          detail::throw_error(errc::unit_mismatch, "line " + l.id +
                                                       ": quantities of different kinds cannot "
                                                       "share costs by quantity");
        }
        weights[i] = l.quantity->value * l.quantity->unit.factor();
        break;
    }
  }
  return weights;
}

/// Converts each shipment cost once and spreads it over the lines (largest remainder).
shipment_shares share_costs(const landed_cost_input& in, const std::vector<decimal>& weights,
                            currency_code d, int scale, converter& conv, findings& out) {
  const std::size_t n = weights.size();
  auto share = [&](const std::optional<money>& cost) {
    if (!cost) return std::vector<money>(n, zero(d));
    return spread(conv(*cost), weights, scale);
  };
  shipment_shares s{share(in.costs.freight_to_border),
                    share(in.costs.insurance),
                    share(in.costs.freight_after_border),
                    share(in.costs.other_to_destination),
                    {}};
  for (const auto& c : in.charges) s.charges.push_back(spread(conv(c.amount), weights, scale));
  if (n > 1 && has_shipment_costs(in)) {
    out.push_back(make_finding("landed.allocation", severity::info,
                               "shipment costs spread over " + std::to_string(n) + " lines by " +
                                   std::string(to_string(in.costs.allocation)) +
                                   " (largest remainder: the lines add up to each cost exactly)"));
  }
  return s;
}

/// The intrinsic value of the consignment: the price of all its lines, in EUR.
money intrinsic_value(const landed_cost_input& in, converter& conv) {
  decimal sum;
  for (const auto& l : in.lines) sum = sum + l.invoice_value;
  return conv.convert(money(sum, in.currency), eur);
}

/// Goods declared under the import one-stop shop (IOSS) are exempt from import VAT (Directive
/// 2006/112/EC, Art. 143(1)(ca), from 1 July 2021): the scheme covers distance sales of goods in
/// consignments of an intrinsic value not exceeding EUR 150, other than goods subject to excise
/// duties (Art. 369l(1)). An IOSS declaration outside that scope exempts nothing: a warning.
bool ioss_vat_exemption(const landed_cost_input& in, const money& intrinsic, findings& out) {
  if (!in.ioss) return false;
  const char* ref = "Council Directive 2006/112/EC, Art. 143(1)(ca) and Art. 369l(1)";
  std::string why;
  if (date::sys_days{in.as_of} < date::sys_days{date::year{2021} / 7 / 1}) {
    why = "the import one-stop shop applies from 1 July 2021";
  } else if (intrinsic > money(decimal(150), eur)) {
    why = "the intrinsic value of the consignment, " + money_text(intrinsic) +
          ", exceeds EUR 150, the limit of the scheme";
  }
  const bool excise = std::any_of(in.lines.begin(), in.lines.end(), [](const auto& l) {
    return std::any_of(l.charges.begin(), l.charges.end(),
                       [](const charge& c) { return c.kind == charge_kind::excise; });
  });
  if (why.empty() && excise) why = "goods subject to excise duties are outside the scheme";
  if (!why.empty()) {
    out.push_back(make_finding("landed.ioss_not_applicable", severity::warning,
                               "declared under the IOSS, but " + why +
                                   ": import VAT is due at import",
                               ref));
    return false;
  }
  out.push_back(make_finding(
      "landed.vat.ioss_exempt", severity::info,
      "declared under the import one-stop shop with an intrinsic value of " +
          money_text(intrinsic) +
          " (not over EUR 150): no import VAT; the VAT of the member state of destination is "
          "charged by the seller at the sale and declared in the seller's IOSS return",
      ref));
  return true;
}

/// The low-value relief that applies to the consignment: among the customs-duty reliefs valid on
/// the date whose condition matches the IOSS declaration and whose threshold the intrinsic value
/// (the price of all lines, in EUR) does not exceed, an exemption before a flat duty. Chosen by
/// the records' fields (applies_to, basis, condition, flat_duty), not by their ids.
relief_choice choose_relief(const landed_cost_input& in, const reference_data& data,
                            converter& conv, findings& out) {
  std::vector<const low_value_relief_record*> candidates;
  // The 'ioss' condition covers consignments declared under the IOSS or sent by post.
  const bool ioss_or_post = in.ioss || in.transport == transport_mode::post;
  for (const auto& [id, series] : data.low_value_reliefs().series()) {
    const auto* r = series.try_at(in.as_of);
    // The loader admits one basis, the intrinsic value per consignment.
    if (r != nullptr && r->applies_to == relief_tax::customs_duty &&
        r->applies_to_ioss(ioss_or_post)) {
      candidates.push_back(r);
    }
  }
  relief_choice c;
  if (candidates.empty() && !in.ioss) return c;  // no value to compare: nothing to convert
  const money intrinsic = intrinsic_value(in, conv);
  c.ioss_vat_exempt = ioss_vat_exemption(in, intrinsic, out);
  if (candidates.empty()) return c;
  for (const auto* r : candidates) {
    if (intrinsic > conv.convert(r->threshold, eur)) continue;
    auto& slot = r->flat_duty ? c.flat : c.exemption;
    if (slot == nullptr) slot = r;
  }
  const auto* rec = c.exemption != nullptr ? c.exemption : c.flat;
  if (rec == nullptr) return c;
  out.push_back(make_finding(
      c.exemption != nullptr ? "landed.relief.negligible_value" : "landed.relief.ioss_flat_rate",
      severity::info,
      "intrinsic value of the consignment " + money_text(intrinsic) + " does not exceed " +
          money_text(rec->threshold) +
          (c.exemption != nullptr ? ": no customs duty (import VAT is still due)"
                                  : ": a flat duty of " + money_text(*rec->flat_duty) +
                                        " per distinct tariff subheading replaces the tariff duty"),
      rec->source.to_string()));
  return c;
}

// ---- per-line steps -----------------------------------------------------------------------

/// The line's converted price, its shares of the shipment costs, and its customs value.
void line_customs_value(const context& cx, const landed_cost_line& l, const shipment_shares& sh,
                        std::size_t i, landed_cost_line_result& r) {
  r.invoice_value = cx.conv(money(l.invoice_value, cx.in.currency));
  r.freight_to_border = sh.freight[i];
  r.insurance = sh.insurance[i];
  r.freight_after_border = sh.after[i];
  r.other_to_destination = sh.other[i];
  r.additions = zero(cx.currency);
  for (const auto& a : l.additions) r.additions += cx.conv(a.amount);
  std::string build;
  r.customs_value = customs_value({r.invoice_value, r.freight_to_border, r.insurance,
                                   r.additions, r.freight_after_border, r.other_to_destination},
                                  cx.term, cx.after_in_price, cx.policy.customs_value, &build);
  r.findings.push_back(make_finding("landed.customs_value", severity::info,
                                    "customs value " + money_text(r.customs_value) + " = " + build,
                                    std::string(ucc) + ", Art. 70, 71(1)(e) and 72(a); " +
                                        cx.term.source.dataset + " " +
                                        std::string(to_string(cx.in.terms))));
}

/// The third-country duty and, when the line claims one, the preferential duty (unrounded).
void line_tariff_duty(const context& cx, const landed_cost_line& l, const tariff_record& tariff,
                      landed_cost_line_result& r) {
  duty_quantities q;
  q.net_mass = l.net_mass;
  q.gross_mass = l.gross_mass;
  if (l.quantity) q.measures.push_back(*l.quantity);
  for (const auto& m : l.supplementary) q.measures.push_back(m);
  const auto dconv = [&](const money& m) { return cx.conv(m); };
  auto& duty = r.duty;
  duty.tariff_source = tariff.source;
  findings third_steps;
  duty.third_country_amount = evaluate_duty(tariff.duty, r.customs_value, q, dconv, &third_steps);
  const std::string third_text = "third-country duty \"" + tariff.duty.text + "\" for CN " +
                                 l.cn.to_string() + ": " + money_text(duty.third_country_amount);
  if (!l.preferential) {
    duty.amount = duty.third_country_amount;
    duty.measure = "third_country";
    duty.text = tariff.duty.text;
    duty.ad_valorem_rate = tariff.duty.ad_valorem;
    r.findings.push_back(make_finding("landed.duty.third_country", severity::info, third_text,
                                      tariff.source.to_string()));
    for (auto& f : third_steps) r.findings.push_back(std::move(f));
    return;
  }
  findings pref_steps;
  duty.amount = evaluate_duty(l.preferential->expression, r.customs_value, q, dconv, &pref_steps);
  duty.measure = l.preferential->measure;
  duty.text = l.preferential->expression.text;
  duty.ad_valorem_rate = l.preferential->expression.ad_valorem;
  r.findings.push_back(make_finding("landed.duty.third_country", severity::info,
                                    third_text + " (for comparison)", tariff.source.to_string()));
  r.findings.push_back(
      make_finding("landed.duty.preferential", severity::info,
                   duty.measure + " duty \"" + duty.text + "\": " + money_text(duty.amount),
                   l.preferential->reference));
  for (auto& f : pref_steps) r.findings.push_back(std::move(f));
}

/// The line's duty: the tariff's (or the preference's), unless a low-value relief replaces it.
void duty_of_line(const context& cx, const landed_cost_line& l,
                  std::set<std::string>& flat_subheadings, landed_cost_line_result& r) {
  const auto* exemption = cx.relief.exemption;
  const auto* flat = cx.relief.flat;
  const bool relieved = exemption != nullptr && !exemption->excludes(l.cn);
  const bool flat_rated = !relieved && flat != nullptr && !flat->excludes(l.cn);
  auto& duty = r.duty;
  duty.amount = zero(cx.currency);
  duty.third_country_amount = zero(cx.currency);
  if (const auto* tariff = cx.data.tariffs().find(l.cn, cx.in.as_of)) {
    line_tariff_duty(cx, l, *tariff, r);
  } else if (relieved || flat_rated) {
    r.findings.push_back(make_finding(
        "landed.duty.not_looked_up", severity::info,
        "no third-country duty record for CN " + l.cn.to_string() +
            " in the reference data; not needed, the low-value rule replaces the tariff"));
  } else {
    detail::throw_error(errc::no_valid_record, cx.data.tariffs().no_record_text(l.cn, cx.in.as_of));
  }
  if (relieved) {
    r.findings.push_back(make_finding(
        "landed.duty.relief", severity::info,
        "duty " + money_text(duty.amount) + " relieved: consignment of negligible value",
        exemption->source.to_string()));
    duty.amount = duty.third_country_amount = zero(cx.currency);
    duty.measure = "low_value_relief";
    duty.ad_valorem_rate.reset();
  } else if (flat_rated) {
    const std::string sub(l.cn.digits().substr(0, std::min<std::size_t>(6, l.cn.digits().size())));
    const bool first = flat_subheadings.insert(sub).second;
    const money amount = first ? cx.conv(*flat->flat_duty) : zero(cx.currency);
    r.findings.push_back(make_finding(
        "landed.duty.ioss_flat_rate", severity::info,
        first ? "flat duty " + money_text(amount) + " for subheading " + sub + " replaces " +
                    money_text(duty.amount)
              : "subheading " + sub + " already carries the flat duty on an earlier line",
        flat->source.to_string()));
    duty.amount = duty.third_country_amount = amount;
    duty.measure = "ioss_flat_rate";
    duty.ad_valorem_rate.reset();
  }
  if (cx.policy.duty.level == rounding_level::line) {
    duty.amount = round_by(duty.amount, cx.policy.duty);
    duty.third_country_amount = round_by(duty.third_country_amount, cx.policy.duty);
  }
}

/// The line's excise and fees, its own and its shares of the consignment's.
void line_charges(const context& cx, const landed_cost_line& l, const shipment_shares& sh,
                  std::size_t i, line_state& s) {
  auto& r = s.r;
  r.excise = r.fees = s.excise_in_base = s.fees_in_base = zero(cx.currency);
  auto add_charge = [&](const charge& c, const money& amount) {
    const bool excise = c.kind == charge_kind::excise;
    (excise ? r.excise : r.fees) += amount;
    if (c.in_vat_base) (excise ? s.excise_in_base : s.fees_in_base) += amount;
    r.findings.push_back(make_finding(
        excise ? "landed.excise" : "landed.fee", severity::info,
        (c.description.empty() ? std::string(to_string(c.kind)) : c.description) + " " +
            money_text(amount) + (c.in_vat_base ? " (in the VAT base)" : " (outside the VAT base)"),
        c.reference.empty() ? std::string(vat_directive) + ", Art. 86(1)(a)" : c.reference));
  };
  for (const auto& c : l.charges) add_charge(c, cx.conv(c.amount));
  for (std::size_t k = 0; k < cx.in.charges.size(); ++k)
    add_charge(cx.in.charges[k], sh.charges[k][i]);
}

/// The line's import VAT on its base (Art. 85-86 VAT Directive), rounded per line when the
/// policy says so.
void line_vat(const context& cx, const landed_cost_line& l, line_state& s) {
  auto& r = s.r;
  const import_vat_rate chosen =
      select_vat_rate(cx.data, cx.in.destination, l.cn, l.vat_category, cx.in.as_of);
  const vat_rate_record& vat = *chosen.rate;
  r.findings.push_back(vat_rate_finding(chosen, cx.in.destination, l.cn));
  r.vat_category = vat.category;
  r.vat_rate = vat.rate;
  r.vat_source = vat.source;
  std::string build;
  r.vat_base = vat_base({r.customs_value, r.duty.amount, s.excise_in_base, s.fees_in_base,
                         r.freight_after_border, r.other_to_destination},
                        &build);
  const money unrounded = cx.relief.ioss_vat_exempt ? zero(r.vat_base.currency())
                                                    : r.vat_base * vat.rate;
  r.vat =
      cx.policy.vat.level == rounding_level::line ? round_by(unrounded, cx.policy.vat) : unrounded;
  if (cx.relief.ioss_vat_exempt) {
    r.findings.push_back(make_finding(
        "landed.vat", severity::info,
        "no import VAT: exempt as declared under the IOSS (the seller charges " +
            percent_text(vat.rate) + " of " + cx.in.destination.to_string() + " at the sale)",
        std::string(vat_directive) + ", Art. 143(1)(ca); " + vat.source.to_string()));
    return;
  }
  r.findings.push_back(
      make_finding("landed.vat", severity::info,
                   "import VAT " + percent_text(vat.rate) + " (" + vat.category + ", " +
                       cx.in.destination.to_string() + ") x base " + money_text(r.vat_base) +
                       " = " + money_text(unrounded) + "; base = " + build,
                   std::string(vat_directive) + ", Art. 85-86; " + vat.source.to_string()));
}

/// The line's landed cost and its costs per unit and per kg.
void line_total(const rounding_policy_record& policy, const landed_cost_line& l,
                landed_cost_line_result& r) {
  r.landed_cost_excluding_vat = r.customs_value + r.duty.amount + r.excise + r.fees +
                                r.freight_after_border + r.other_to_destination;
  r.landed_cost = r.landed_cost_excluding_vat + r.vat;
  r.findings.push_back(make_finding(
      "landed.total", severity::info,
      "landed cost " + money_text(r.landed_cost) +
          " = customs value + duty + excise + fees + carriage after the border + other costs + "
          "import VAT; " +
          money_text(r.landed_cost_excluding_vat) + " for an importer who deducts the import VAT"));
  if (l.quantity && !l.quantity->value.is_zero()) {
    r.landed_cost_per_unit =
        divide(r.landed_cost, l.quantity->value, policy.unit_cost.scale, policy.unit_cost.mode);
  }
  if (l.net_mass && !l.net_mass->value().is_zero()) {
    r.landed_cost_per_kg =
        divide(r.landed_cost, l.net_mass->in_base(), policy.unit_cost.scale, policy.unit_cost.mode);
  }
}

void add_to_totals(const landed_cost_line_result& r, landed_cost_totals& t) {
  t.invoice_value += r.invoice_value;
  t.customs_value += r.customs_value;
  t.duty += r.duty.amount;
  t.third_country_duty += r.duty.third_country_amount;
  t.duty_saving += r.duty.saving;
  t.excise += r.excise;
  t.fees += r.fees;
  t.vat_base += r.vat_base;
  t.vat += r.vat;
  t.landed_cost += r.landed_cost;
  t.landed_cost_excluding_vat += r.landed_cost_excluding_vat;
}

/// Rounds `amount` of every computed line once for the declaration.
template <class Member>
void round_declaration(std::vector<line_state>& st, const rounding_rule& rule, Member member) {
  std::vector<money*> a;
  for (auto& s : st) {
    if (!s.failed) a.push_back(&member(s.r));
  }
  round_per_declaration(a, rule);
}

/// Pass 1: each line's customs value and duty, then the duty rounded per declaration when the
/// policy says so.
void duty_pass(const context& cx, const shipment_shares& shares, std::vector<line_state>& st) {
  const auto& in = cx.in;
  const auto& policy = cx.policy;
  const std::size_t n = st.size();
  std::set<std::string> flat_subheadings;
  for (std::size_t i = 0; i < n; ++i) {
    auto& s = st[i];
    s.r.id = in.lines[i].id;
    s.r.findings.reserve(12);
    try {
      line_customs_value(cx, in.lines[i], shares, i, s.r);
      duty_of_line(cx, in.lines[i], flat_subheadings, s.r);
    } catch (const error& e) {
      s.failed = true;
      s.error = line_error{in.lines[i].id, e.code(), duty_error_field(i, e.code()), e.what()};
    }
  }
  if (policy.duty.level == rounding_level::declaration) {
    round_declaration(st, policy.duty, [](auto& r) -> money& { return r.duty.amount; });
    round_declaration(st, policy.duty,
                      [](auto& r) -> money& { return r.duty.third_country_amount; });
  }
}

/// Pass 2: each computed line's charges and import VAT, then the VAT rounded per declaration
/// when the policy says so.
void vat_pass(const context& cx, const shipment_shares& shares, std::vector<line_state>& st) {
  const auto& in = cx.in;
  const auto& policy = cx.policy;
  const std::size_t n = st.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto& s = st[i];
    if (s.failed) continue;
    auto& r = s.r;
    try {
      r.duty.saving = r.duty.third_country_amount - r.duty.amount;
      r.findings.push_back(make_finding(
          "landed.duty", severity::info,
          "duty " + money_text(r.duty.amount) + " (" + r.duty.measure + "); third-country duty " +
              money_text(r.duty.third_country_amount) + "; saving " + money_text(r.duty.saving) +
              "; rounded " + policy.duty.to_string()));
      line_charges(cx, in.lines[i], shares, i, s);
      line_vat(cx, in.lines[i], s);
    } catch (const error& e) {
      s.failed = true;
      const std::string line = "/lines/" + std::to_string(i);
      s.error = line_error{in.lines[i].id, e.code(),
                           e.context().argument == "vat_category" ? line + "/vat_category" : line,
                           e.what()};
    }
  }
  if (policy.vat.level == rounding_level::declaration) {
    round_declaration(st, policy.vat, [](auto& r) -> money& { return r.vat; });
  }
}

/// Pass 3: each computed line's landed cost and unit costs, the totals, and the failed lines.
void totals_pass(const context& cx, std::vector<line_state>& st, landed_cost_result& res) {
  const auto& in = cx.in;
  const auto& policy = cx.policy;
  const std::size_t n = st.size();
  auto& t = res.totals;
  for (money* m :
       {&t.invoice_value, &t.customs_value, &t.duty, &t.third_country_duty, &t.duty_saving,
        &t.excise, &t.fees, &t.vat_base, &t.vat, &t.landed_cost, &t.landed_cost_excluding_vat}) {
    *m = zero(res.currency);
  }
  res.lines.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto& s = st[i];
    if (s.failed) {
      res.errors.push_back(s.error);
      continue;
    }
    line_total(policy, in.lines[i], s.r);
    add_to_totals(s.r, t);
    res.lines.push_back(std::move(s.r));
  }
  if (!res.errors.empty()) {
    res.findings.push_back(make_finding(
        "landed.lines_failed", severity::error,
        std::to_string(res.errors.size()) + " of " + std::to_string(n) +
            " lines could not be computed; the totals cover the other lines, and the shipment "
            "costs allocated to the failed lines are not in them"));
  }
}

}  // namespace

allocation_basis parse_allocation_basis(std::string_view s) {
  for (auto b : {allocation_basis::value, allocation_basis::net_mass, allocation_basis::quantity}) {
    if (to_string(b) == s) return b;
  }
  detail::throw_error(errc::invalid_argument, "\"" + std::string(s) +
                                                  "\" is not an allocation basis (value, "
                                                  "net_mass, quantity)");
}

/// A line that cannot be computed carries no share of the shipment costs: they are spread again
/// over the lines that can, and those are computed again, so that no good line's figure depends
/// on another line's failure and no cost disappears. Repeated while a line newly fails.
void respread_over_computed_lines(const context& cx, std::vector<decimal>& weights,
                                  std::vector<line_state>& st, findings& out) {
  const auto& in = cx.in;
  if (!has_shipment_costs(in) || st.size() < 2) return;
  std::string failed_ids;
  std::size_t left = 0;
  for (bool changed = true; changed;) {
    changed = false;
    left = 0;
    for (std::size_t i = 0; i < st.size(); ++i) {
      if (st[i].failed && !weights[i].is_zero()) {
        weights[i] = decimal();
        failed_ids += (failed_ids.empty() ? "" : ", ") + in.lines[i].id;
        changed = true;
      }
      if (!st[i].failed) ++left;
    }
    if (!changed || left == 0) break;
    findings scratch;  // the first spreading has said how the costs are spread
    const auto shares = share_costs(in, weights, cx.currency, cx.policy.conversion.scale,
                                    cx.conv, scratch);
    std::vector<line_state> again(st.size());
    duty_pass(cx, shares, again);
    vat_pass(cx, shares, again);
    for (std::size_t i = 0; i < st.size(); ++i) {
      if (!st[i].failed) st[i] = std::move(again[i]);
    }
  }
  if (failed_ids.empty() || left == 0) return;
  out.push_back(make_finding(
      "landed.costs_respread", severity::warning,
      "the shipment costs are spread over the " + std::to_string(left) +
          " lines that could be computed; the lines that could not (" + failed_ids +
          ") carry none, so no cost is lost and no line's figures depend on their failure",
      std::string(ucc) + ", Art. 70 and 71(1)(e)"));
}

landed_cost_result landed_cost(const landed_cost_input& in, const reference_data& data) {
  landed_cost_result res;
  res.id = in.id;
  res.as_of = in.as_of;
  res.destination = in.destination;
  if (in.lines.empty()) detail::throw_error(errc::missing_input, "the consignment has no lines");
  res.currency = declaration_currency_of(data, in.destination, in.as_of, in.declaration_currency);
  const auto& policy = data.rounding_policies().for_destination(in.destination, in.as_of);
  res.rounding_policy = policy.name;
  res.rounding_source = policy.source;
  res.findings.push_back(rounding_finding(policy));
  const auto& term = data.incoterms().at(in.terms, in.as_of);
  const bool after_in_price = carriage_after_border_in_price(term, in.named_place_beyond_border);
  note_incoterm(in, term, after_in_price, res.findings);
  note_costs(in, term, after_in_price, res.findings);
  converter conv(in, data, res.currency, policy.conversion, &res.findings);
  std::vector<decimal> weights = allocation_weights(in);
  const auto shares =
      share_costs(in, weights, res.currency, policy.conversion.scale, conv, res.findings);
  const context cx{in,
                   data,
                   policy,
                   term,
                   after_in_price,
                   res.currency,
                   conv,
                   choose_relief(in, data, conv, res.findings)};

  std::vector<line_state> st(in.lines.size());
  duty_pass(cx, shares, st);
  vat_pass(cx, shares, st);
  respread_over_computed_lines(cx, weights, st, res.findings);
  totals_pass(cx, st, res);
  return res;
}

money convert_for_declaration(const landed_cost_input& in, const money& amount, currency_code to,
                              const reference_data& data) {
  const auto& policy = data.rounding_policies().for_destination(in.destination, in.as_of);
  converter conv(in, data, to, policy.conversion, nullptr);
  return conv(amount);
}

FAIRPORT_END_NAMESPACE
