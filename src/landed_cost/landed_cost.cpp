// The landed-cost engine: customs value, duty, import VAT, excise and fees per line and in total.
#include "fairport/landed_cost/landed_cost.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <type_traits>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

FAIRPORT_BEGIN_NAMESPACE

namespace {

const currency_code eur = currency_code::parse("EUR");

constexpr const char* ucc = "Regulation (EU) No 952/2013 (Union Customs Code)";
constexpr const char* vat_directive = "Council Directive 2006/112/EC";

/// "6.7 %" from 0.067: exact, trailing zeros dropped.
std::string percent(const decimal& fraction) {
  return (fraction * decimal(100)).normalized().to_string() + " %";
}

std::string str(const money& m) { return m.currency().to_string() + " " + m.amount().to_string(); }

money zero(currency_code c) { return money(decimal(), c); }

money round_by(const money& m, const rounding_rule& r) { return m.round(r.scale, r.mode); }

/// x / f exactly when the quotient has a finite decimal expansion, else rounded half even to
/// 12 places (and `rounded` set).
decimal exact_quotient(const decimal& x, const decimal& f, bool& rounded) {
  if (auto q = exact_divide(x, f)) {
    rounded = false;
    return *q;
  }
  rounded = true;
  return divide(x, f, 12, rounding_mode::half_even);
}

/// Converts amounts into one currency at the caller's or the built-in dated rates, rounding as
/// the policy says, and notes each rate once.
class converter {
 public:
  converter(const landed_cost_input& in, const reference_data& data, currency_code to,
            rounding_rule rule, findings* notes)
      : in_(in), data_(data), to_(to), rule_(rule), notes_(notes) {}

  currency_code target() const noexcept { return to_; }

  money operator()(const money& m) { return convert(m, to_); }

  money convert(const money& m, currency_code to) {
    const currency_code from = m.currency();
    if (from == to) return m;
    // The one rate rule (select_rate): the caller's latest dated rate, else the built-in
    // customs rate of the month; between two currencies other than the euro, through the euro.
    const selected_rate c = select_rate(from, to, in_.as_of, in_.exchange_rates, &data_.exchange_rates());
    if (c) {
      note(*c.rate, c.origin == rate_origin::given ? "consignment" : "built-in customs rate");
      return c.convert(m, rule_.scale, rule_.mode);
    }
    if (from != eur && to != eur &&
        select_rate(from, eur, in_.as_of, in_.exchange_rates, &data_.exchange_rates()) &&
        select_rate(eur, to, in_.as_of, in_.exchange_rates, &data_.exchange_rates())) {
      return convert(convert(m, eur), to);  // through the euro, each step rounded and named
    }
    detail::throw_error(errc::no_valid_record,
                        "no exchange rate from " + from.to_string() + " to " + to.to_string() +
                            " valid on " + format_date(in_.as_of) +
                            ": give one in the consignment's exchange_rates (a rate is never "
                            "guessed)");
  }

 private:
  void note(const fx_rate& r, const char* kind) {
    const std::string key = r.base().to_string() + r.quote().to_string() + format_date(r.date());
    if (notes_ == nullptr || !noted_.insert(key).second) return;
    notes_->push_back(make_finding(
        "landed.conversion", severity::info,
        "amounts in " + r.base().to_string() + " and " + r.quote().to_string() +
            " converted at 1 " + r.base().to_string() + " = " + r.rate().to_string() + " " +
            r.quote().to_string() + " (" + kind + ", effective " + format_date(r.date()) +
            "), each converted amount rounded to " + std::to_string(rule_.scale) + " places " +
            std::string(to_string(rule_.mode)),
        r.source().empty() ? std::string(ucc) + ", Art. 53; Implementing Regulation (EU) "
                                                "2015/2447, Art. 146"
                           : r.source()));
  }

  const landed_cost_input& in_;
  const reference_data& data_;
  currency_code to_;
  rounding_rule rule_;
  findings* notes_;
  std::set<std::string> noted_;
};

/// The quantity of `q` in units of `per`, exactly where possible.
std::optional<decimal> quantity_in(const duty_quantities& q, const any_unit& per, bool& rounded,
                                   std::string& used) {
  rounded = false;
  if (per.kind() == unit_kind::mass) {
    if (!q.net_mass) return std::nullopt;
    used = q.net_mass->to_string() + " net";
    return exact_quotient(q.net_mass->in_base(), per.factor(), rounded);
  }
  for (const auto& m : q.measures) {
    if (m.unit.kind() != per.kind()) continue;
    used = m.to_string();
    return exact_quotient(m.value * m.unit.factor(), per.factor(), rounded);
  }
  return std::nullopt;
}

std::string kind_name(unit_kind k) {
  switch (k) {
    case unit_kind::mass:
      return "net mass";
    case unit_kind::volume:
      return "volume";
    case unit_kind::count:
      return "number of items";
    case unit_kind::length:
      return "length";
    case unit_kind::area:
      return "area";
  }
  return "quantity";
}

/// Amount per unit x quantity, converted into the customs value's currency.
money specific_amount(const specific_duty& s, const duty_quantities& q, const money& cv,
                      const duty_currency_converter& convert, const char* what, findings* out) {
  const any_unit per = any_unit::parse(s.per);
  bool rounded = false;
  std::string used;
  const auto n = quantity_in(q, per, rounded, used);
  if (!n) {
    detail::throw_error(errc::missing_quantity, std::string("the ") + what + " " +
                                                    s.amount.to_string() + " " +
                                                    s.currency.to_string() + "/" + s.per +
                                                    " needs the line's " + kind_name(per.kind()));
  }
  money amount(s.amount * *n, s.currency);
  const money native = amount;
  if (amount.currency() != cv.currency()) amount = convert(amount);
  if (out != nullptr) {
    std::string msg = std::string(what) + ": " + s.currency.to_string() + " " +
                      s.amount.to_string() + " per " + s.per + " x " + n->to_string() + " (" +
                      used + ") = " + str(native);
    if (native.currency() != amount.currency()) msg += " = " + str(amount);
    if (rounded) msg += " (quantity rounded half even to 12 places)";
    out->push_back(make_finding("landed.duty.specific", severity::info, std::move(msg)));
  }
  return amount;
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

money evaluate_duty(const duty_expression& e, const money& cv, const duty_quantities& q,
                    const duty_currency_converter& convert, findings* out) {
  if (!e.modelled) {
    detail::throw_error(errc::duty_not_computable,
                        "the duty \"" + e.text +
                            "\" has a component fairport does not compute (agricultural "
                            "component, entry price or similar); compute it with the national "
                            "customs tariff");
  }
  money total = zero(cv.currency());
  if (e.ad_valorem) {
    const money part = cv * *e.ad_valorem;
    total += part;
    if (out != nullptr) {
      out->push_back(make_finding("landed.duty.ad_valorem", severity::info,
                                  "ad valorem " + percent(*e.ad_valorem) + " x customs value " +
                                      str(cv) + " = " + str(part)));
    }
  }
  if (e.specific) total += specific_amount(*e.specific, q, cv, convert, "specific duty", out);
  if (e.minimum) {
    const money floor_amount = specific_amount(*e.minimum, q, cv, convert, "minimum (MIN)", out);
    if (total < floor_amount) {
      if (out != nullptr) {
        out->push_back(
            make_finding("landed.duty.minimum", severity::info,
                         "the minimum applies: " + str(total) + " is below " + str(floor_amount)));
      }
      total = floor_amount;
    }
  }
  if (e.maximum) {
    const money cap = specific_amount(*e.maximum, q, cv, convert, "maximum (MAX)", out);
    if (total > cap) {
      if (out != nullptr) {
        out->push_back(
            make_finding("landed.duty.maximum", severity::info,
                         "the maximum applies: " + str(total) + " is above " + str(cap)));
      }
      total = cap;
    }
  }
  if (e.maximum_ad_valorem) {
    const money cap = cv * *e.maximum_ad_valorem;
    if (total > cap) {
      if (out != nullptr) {
        out->push_back(make_finding("landed.duty.maximum", severity::info,
                                    "the maximum " + percent(*e.maximum_ad_valorem) +
                                        " of the customs value applies: " + str(total) +
                                        " is above " + str(cap)));
      }
      total = cap;
    }
  }
  return total;
}

namespace {

/// Working state of one line between the passes.
struct line_state {
  bool failed = false;
  line_error error;
  landed_cost_line_result r;
  money duty_unrounded = detail::no_money();
  money third_unrounded = detail::no_money();
  money vat_unrounded = detail::no_money();
  money fees_in_base = detail::no_money();
  money excise_in_base = detail::no_money();
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

std::string field_for(errc code) {
  switch (code) {
    case errc::missing_quantity:
      return "net_mass";
    case errc::duty_not_computable:
      return "hs_code";
    case errc::no_valid_record:
      return "hs_code";
    default:
      return "";
  }
}

}  // namespace

landed_cost_result landed_cost(const landed_cost_input& in, const reference_data& data) {
  landed_cost_result res;
  res.id = in.id;
  res.as_of = in.as_of;
  res.destination = in.destination;

  // ---- consignment-wide checks and choices -----------------------------------------------
  if (in.lines.empty()) {
    detail::throw_error(errc::missing_input, "the consignment has no lines");
  }
  if (!data.countries().is_member("eu", in.destination, in.as_of)) {
    detail::throw_error(errc::unsupported_destination,
                        in.destination.to_string() + " is not an EU member state on " +
                            format_date(in.as_of) +
                            "; fairport computes the landed cost in the EU customs union only");
  }
  const bool euro_area = data.countries().is_member("euro_area", in.destination, in.as_of);
  if (in.declaration_currency) {
    res.currency = *in.declaration_currency;
  } else if (euro_area) {
    res.currency = eur;
  } else {
    detail::throw_error(errc::missing_input,
                        in.destination.to_string() + " is outside the euro area on " +
                            format_date(in.as_of) + ": give the declaration currency");
  }
  const auto& policy = data.rounding_policies().for_destination(in.destination, in.as_of);
  res.rounding_policy = policy.name;
  res.rounding_source = policy.source;
  res.findings.push_back(make_finding(
      "landed.rounding", severity::info,
      "rounding policy " + policy.name + " (" + policy.destination + "): conversion " +
          policy.conversion.to_string() + "; customs value " + policy.customs_value.to_string() +
          "; duty " + policy.duty.to_string() + "; VAT " + policy.vat.to_string() +
          "; unit costs " + policy.unit_cost.to_string(),
      policy.source.to_string()));

  const auto& term = data.incoterms().at(in.terms, in.as_of);
  converter conv(in, data, res.currency, policy.conversion, &res.findings);
  const currency_code d = res.currency;

  const bool after_in_price = term.carriage_after_border == cost_bearer::in_price ||
                              (term.carriage_after_border == cost_bearer::named_place &&
                               in.named_place_beyond_border.value_or(false));
  {
    std::string msg =
        std::string(to_string(in.terms)) + " (" + term.name + "): carriage to the EU border " +
        (term.carriage_to_border == cost_bearer::in_price ? "is in the price"
                                                          : "is paid by the buyer") +
        ", insurance " +
        (term.insurance == cost_bearer::in_price ? "is in the price" : "is the buyer's") +
        ", carriage after the border " + (after_in_price ? "is in the price" : "is the buyer's") +
        (term.import_duties_and_taxes == cost_bearer::in_price
             ? ", import duties and taxes are in the price"
             : "");
    res.findings.push_back(
        make_finding("landed.incoterm", severity::info, std::move(msg), term.source.to_string()));
  }
  if (term.carriage_after_border == cost_bearer::named_place && !in.named_place_beyond_border &&
      in.costs.freight_after_border && !in.costs.freight_after_border->amount().is_zero()) {
    res.findings.push_back(make_finding(
        "landed.named_place_assumed", severity::warning,
        std::string(to_string(in.terms)) +
            ": the consignment does not say whether the named place lies beyond the EU border; "
            "carriage after the border is taken as the buyer's cost, outside the price",
        term.source.to_string()));
  }
  if (in.terms == incoterm::ddp) {
    res.findings.push_back(make_finding(
        "landed.ddp", severity::warning,
        "DDP: the invoice value is taken net of the import duties and taxes, which must be shown "
        "separately on the invoice to stay out of the customs value",
        std::string(ucc) + ", Art. 72(f)"));
  }

  const std::size_t n = in.lines.size();
  // ---- allocation weights -----------------------------------------------------------------
  std::vector<decimal> weights(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& l = in.lines[i];
    switch (in.costs.allocation) {
      case allocation_basis::value:
        weights[i] = l.invoice_value;
        break;
      case allocation_basis::net_mass:
        if (!l.net_mass) {
          detail::throw_error(errc::missing_input,
                              "line " + l.id +
                                  ": costs are allocated by net mass but the line "
                                  "has no net_mass");
        }
        weights[i] = l.net_mass->in_base();
        break;
      case allocation_basis::quantity:
        if (!l.quantity) {
          detail::throw_error(errc::missing_input, "line " + l.id +
                                                       ": costs are allocated by quantity but the "
                                                       "line has no quantity");
        }
        if (l.quantity->unit.kind() != in.lines[0].quantity.value_or(*l.quantity).unit.kind()) {
          detail::throw_error(errc::unit_mismatch,
                              "line " + l.id +
                                  ": quantities of different kinds cannot share "
                                  "costs by quantity");
        }
        weights[i] = l.quantity->value * l.quantity->unit.factor();
        break;
    }
  }
  const int scale = policy.conversion.scale;
  auto spread_cost = [&](const std::optional<money>& cost) {
    if (!cost) return std::vector<money>(n, zero(d));
    return spread(conv(*cost), weights, scale);
  };
  const auto freight = spread_cost(in.costs.freight_to_border);
  const auto insurance = spread_cost(in.costs.insurance);
  const auto after = spread_cost(in.costs.freight_after_border);
  const auto other = spread_cost(in.costs.other_to_destination);
  std::vector<std::vector<money>> shared_charges;
  for (const auto& c : in.charges) shared_charges.push_back(spread(conv(c.amount), weights, scale));
  if (n > 1 && (in.costs.freight_to_border || in.costs.insurance || in.costs.freight_after_border ||
                in.costs.other_to_destination || !in.charges.empty())) {
    res.findings.push_back(
        make_finding("landed.allocation", severity::info,
                     "shipment costs spread over " + std::to_string(n) + " lines by " +
                         std::string(to_string(in.costs.allocation)) +
                         " (largest remainder: the lines add up to each cost exactly)"));
  }

  // ---- low-value reliefs ---------------------------------------------------------------------
  const low_value_relief_record* relief = nullptr;
  const low_value_relief_record* flat = nullptr;
  money intrinsic = zero(eur);
  {
    const auto* r1 = data.low_value_reliefs().try_at("duty_negligible_value", in.as_of);
    const auto* r2 = data.low_value_reliefs().try_at("ioss_flat_rate_duty", in.as_of);
    if ((r1 != nullptr && r1->applies_to_ioss(in.ioss)) ||
        (r2 != nullptr && r2->applies_to_ioss(in.ioss))) {
      decimal sum;
      for (const auto& l : in.lines) sum = sum + l.invoice_value;
      intrinsic = conv.convert(money(sum, in.currency), eur);
      if (r1 != nullptr && r1->applies_to_ioss(in.ioss) && intrinsic <= r1->threshold) relief = r1;
      if (r2 != nullptr && r2->applies_to_ioss(in.ioss) && intrinsic <= r2->threshold) flat = r2;
      const auto* rec = relief != nullptr ? relief : flat;
      if (rec != nullptr) {
        res.findings.push_back(make_finding(
            relief != nullptr ? "landed.relief.negligible_value" : "landed.relief.ioss_flat_rate",
            severity::info,
            "intrinsic value of the consignment " + str(intrinsic) + " does not exceed " +
                str(rec->threshold) +
                (relief != nullptr
                     ? ": no customs duty (import VAT is still due)"
                     : ": a flat duty of " + str(*rec->flat_duty) +
                           " per distinct tariff subheading replaces the tariff duty"),
            rec->source.to_string()));
      }
    }
  }
  std::set<std::string> flat_subheadings;

  // ---- pass 1: customs value and duty ---------------------------------------------------------
  std::vector<line_state> st(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& l = in.lines[i];
    auto& s = st[i];
    auto& r = s.r;
    r.id = l.id;
    r.findings.reserve(12);
    try {
      r.invoice_value = conv(money(l.invoice_value, in.currency));
      r.freight_to_border = freight[i];
      r.insurance = insurance[i];
      r.freight_after_border = after[i];
      r.other_to_destination = other[i];
      r.additions = zero(d);
      for (const auto& a : l.additions) r.additions += conv(a.amount);

      money cv = r.invoice_value;
      std::string build = "invoice " + str(r.invoice_value);
      if (term.carriage_to_border == cost_bearer::buyer && !freight[i].amount().is_zero()) {
        cv += freight[i];
        build += " + carriage to the EU border " + str(freight[i]);
      }
      if (term.insurance == cost_bearer::buyer && !insurance[i].amount().is_zero()) {
        cv += insurance[i];
        build += " + insurance " + str(insurance[i]);
      }
      if (!r.additions.amount().is_zero()) {
        cv += r.additions;
        build += " + Art. 71(1)(a)-(d) additions " + str(r.additions);
      }
      if (after_in_price && !after[i].amount().is_zero()) {
        cv -= after[i];
        build += " - carriage after the border shown separately " + str(after[i]) + " (Art. 72(a))";
      }
      if (cv.amount().is_negative()) {
        detail::throw_error(errc::invalid_argument,
                            "the customs value would be negative (" + str(cv) + ")");
      }
      r.customs_value = round_by(cv, policy.customs_value);
      r.findings.push_back(make_finding("landed.customs_value", severity::info,
                                        "customs value " + str(r.customs_value) + " = " + build,
                                        std::string(ucc) + ", Art. 70, 71(1)(e) and 72(a); " +
                                            term.source.dataset + " " +
                                            std::string(to_string(in.terms))));

      // duty
      const bool relieved = relief != nullptr && !relief->excludes(l.cn);
      const bool flat_rated = !relieved && flat != nullptr && !flat->excludes(l.cn);
      const auto* tariff = data.tariffs().find(l.cn, in.as_of);
      if (tariff == nullptr && (relieved || flat_rated)) {
        // The relief replaces the tariff: the line needs no duty record.
        r.findings.push_back(make_finding(
            "landed.duty.not_looked_up", severity::info,
            "no third-country duty record for CN " + l.cn.to_string() +
                " in the reference data; not needed, the low-value rule replaces the tariff"));
      } else if (tariff == nullptr) {
        detail::throw_error(errc::no_valid_record,
                            "no single third-country duty for CN " + l.cn.to_string() +
                                " valid on " + format_date(in.as_of) +
                                " in the reference data (code not covered, or its sub-codes "
                                "have different duties: give the 10-digit code)");
      }
      duty_quantities q;
      q.net_mass = l.net_mass;
      if (l.quantity) q.measures.push_back(*l.quantity);
      for (const auto& m : l.supplementary) q.measures.push_back(m);
      const duty_currency_converter dconv = [&](const money& m) { return conv(m); };
      auto& duty = r.duty;
      s.duty_unrounded = zero(d);
      s.third_unrounded = zero(d);
      if (tariff != nullptr) {
        duty.tariff_source = tariff->source;
        findings third_steps;
        s.third_unrounded = evaluate_duty(tariff->duty, r.customs_value, q, dconv, &third_steps);
        if (l.preferential) {
          findings pref_steps;
          s.duty_unrounded =
              evaluate_duty(l.preferential->expression, r.customs_value, q, dconv, &pref_steps);
          duty.measure = l.preferential->measure;
          duty.text = l.preferential->expression.text;
          duty.ad_valorem_rate = l.preferential->expression.ad_valorem;
          r.findings.push_back(make_finding("landed.duty.third_country", severity::info,
                                            "third-country duty \"" + tariff->duty.text +
                                                "\" for CN " + l.cn.to_string() + ": " +
                                                str(s.third_unrounded) + " (for comparison)",
                                            tariff->source.to_string()));
          r.findings.push_back(
              make_finding("landed.duty.preferential", severity::info,
                           duty.measure + " duty \"" + duty.text + "\": " + str(s.duty_unrounded),
                           l.preferential->reference));
          for (auto& f : pref_steps) r.findings.push_back(std::move(f));
        } else {
          s.duty_unrounded = s.third_unrounded;
          duty.measure = "third_country";
          duty.text = tariff->duty.text;
          duty.ad_valorem_rate = tariff->duty.ad_valorem;
          r.findings.push_back(make_finding("landed.duty.third_country", severity::info,
                                            "third-country duty \"" + tariff->duty.text +
                                                "\" for CN " + l.cn.to_string() + ": " +
                                                str(s.third_unrounded),
                                            tariff->source.to_string()));
          for (auto& f : third_steps) r.findings.push_back(std::move(f));
        }
      }
      if (relieved) {
        r.findings.push_back(make_finding(
            "landed.duty.relief", severity::info,
            "duty " + str(s.duty_unrounded) + " relieved: consignment of negligible value",
            relief->source.to_string()));
        s.duty_unrounded = zero(d);
        s.third_unrounded = zero(d);
        duty.measure = "low_value_relief";
        duty.ad_valorem_rate.reset();
      } else if (flat_rated) {
        const std::string sub(
            l.cn.digits().substr(0, std::min<std::size_t>(6, l.cn.digits().size())));
        const bool first = flat_subheadings.insert(sub).second;
        const money amount = first ? conv(*flat->flat_duty) : zero(d);
        r.findings.push_back(make_finding(
            "landed.duty.ioss_flat_rate", severity::info,
            first ? "flat duty " + str(amount) + " for subheading " + sub + " replaces " +
                        str(s.duty_unrounded)
                  : "subheading " + sub + " already carries the flat duty on an earlier line",
            flat->source.to_string()));
        s.duty_unrounded = amount;
        s.third_unrounded = amount;
        duty.measure = "ioss_flat_rate";
        duty.ad_valorem_rate.reset();
      }
      duty.amount = s.duty_unrounded;
      duty.third_country_amount = s.third_unrounded;
      if (policy.duty.level == "line") {
        duty.amount = round_by(duty.amount, policy.duty);
        duty.third_country_amount = round_by(duty.third_country_amount, policy.duty);
      }
    } catch (const error& e) {
      s.failed = true;
      s.error = line_error{l.id, e.code(), field_for(e.code()), e.what()};
    }
  }
  if (policy.duty.level == "declaration") {
    std::vector<money*> a, b;
    for (auto& s : st) {
      if (s.failed) continue;
      a.push_back(&s.r.duty.amount);
      b.push_back(&s.r.duty.third_country_amount);
    }
    round_per_declaration(a, policy.duty);
    round_per_declaration(b, policy.duty);
  }

  // ---- pass 2: charges and VAT ------------------------------------------------------------------
  for (std::size_t i = 0; i < n; ++i) {
    auto& s = st[i];
    if (s.failed) continue;
    const auto& l = in.lines[i];
    auto& r = s.r;
    try {
      r.duty.saving = r.duty.third_country_amount - r.duty.amount;
      r.findings.push_back(make_finding(
          "landed.duty", severity::info,
          "duty " + str(r.duty.amount) + " (" + r.duty.measure + "); third-country duty " +
              str(r.duty.third_country_amount) + "; saving " + str(r.duty.saving) + "; rounded " +
              policy.duty.to_string()));
      r.excise = zero(d);
      r.fees = zero(d);
      s.excise_in_base = zero(d);
      s.fees_in_base = zero(d);
      auto add_charge = [&](const charge& c, const money& amount) {
        const bool excise = c.kind == "excise";
        (excise ? r.excise : r.fees) += amount;
        if (c.in_vat_base) (excise ? s.excise_in_base : s.fees_in_base) += amount;
        r.findings.push_back(make_finding(
            excise ? "landed.excise" : "landed.fee", severity::info,
            (c.description.empty() ? c.kind : c.description) + " " + str(amount) +
                (c.in_vat_base ? " (in the VAT base)" : " (outside the VAT base)"),
            c.reference.empty() ? std::string(vat_directive) + ", Art. 86(1)(a)" : c.reference));
      };
      for (const auto& c : l.charges) add_charge(c, conv(c.amount));
      for (std::size_t k = 0; k < in.charges.size(); ++k)
        add_charge(in.charges[k], shared_charges[k][i]);

      const auto& vat = data.vat_rates().at(in.destination, l.vat_category, in.as_of);
      r.vat_category = l.vat_category;
      r.vat_rate = vat.rate;
      r.vat_source = vat.source;
      r.vat_base = r.customs_value + r.duty.amount + s.excise_in_base + s.fees_in_base +
                   r.freight_after_border + r.other_to_destination;
      s.vat_unrounded = r.vat_base * vat.rate;
      r.vat = policy.vat.level == "line" ? round_by(s.vat_unrounded, policy.vat) : s.vat_unrounded;
      std::string base = "customs value " + str(r.customs_value) + " + duty " + str(r.duty.amount);
      if (!s.excise_in_base.amount().is_zero()) base += " + excise " + str(s.excise_in_base);
      if (!s.fees_in_base.amount().is_zero()) base += " + charges " + str(s.fees_in_base);
      if (!r.freight_after_border.amount().is_zero()) {
        base += " + carriage to the first place of destination " + str(r.freight_after_border);
      }
      if (!r.other_to_destination.amount().is_zero()) {
        base += " + other incidental expenses " + str(r.other_to_destination);
      }
      r.findings.push_back(
          make_finding("landed.vat", severity::info,
                       "import VAT " + percent(vat.rate) + " (" + l.vat_category + ", " +
                           in.destination.to_string() + ") x base " + str(r.vat_base) + " = " +
                           str(s.vat_unrounded) + "; base = " + base,
                       std::string(vat_directive) + ", Art. 85-86; " + vat.source.to_string()));
    } catch (const error& e) {
      s.failed = true;
      s.error = line_error{l.id, e.code(), e.code() == errc::no_valid_record ? "vat_category" : "",
                           e.what()};
    }
  }
  if (policy.vat.level == "declaration") {
    std::vector<money*> a;
    for (auto& s : st) {
      if (!s.failed) a.push_back(&s.r.vat);
    }
    round_per_declaration(a, policy.vat);
  }

  // ---- pass 3: landed cost, unit costs, totals ------------------------------------------------
  auto& t = res.totals;
  res.lines.reserve(n);
  for (money* m :
       {&t.invoice_value, &t.customs_value, &t.duty, &t.third_country_duty, &t.duty_saving,
        &t.excise, &t.fees, &t.vat_base, &t.vat, &t.landed_cost, &t.landed_cost_excluding_vat}) {
    *m = zero(d);
  }
  for (std::size_t i = 0; i < n; ++i) {
    auto& s = st[i];
    if (s.failed) {
      res.errors.push_back(s.error);
      continue;
    }
    const auto& l = in.lines[i];
    auto& r = s.r;
    r.landed_cost_excluding_vat = r.customs_value + r.duty.amount + r.excise + r.fees +
                                  r.freight_after_border + r.other_to_destination;
    r.landed_cost = r.landed_cost_excluding_vat + r.vat;
    r.findings.push_back(make_finding("landed.total", severity::info,
                                      "landed cost " + str(r.landed_cost) +
                                          " = customs value + duty + excise + fees + carriage "
                                          "after the border + other costs + import VAT; " +
                                          str(r.landed_cost_excluding_vat) +
                                          " for an importer who deducts the import VAT"));
    if (l.quantity && !l.quantity->value.is_zero()) {
      r.landed_cost_per_unit =
          divide(r.landed_cost, l.quantity->value, policy.unit_cost.scale, policy.unit_cost.mode);
    }
    if (l.net_mass && !l.net_mass->value().is_zero()) {
      r.landed_cost_per_kg = divide(r.landed_cost, l.net_mass->in_base(), policy.unit_cost.scale,
                                    policy.unit_cost.mode);
    }
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
    res.lines.push_back(std::move(r));
  }
  if (!res.errors.empty()) {
    res.findings.push_back(make_finding(
        "landed.lines_failed", severity::error,
        std::to_string(res.errors.size()) + " of " + std::to_string(n) +
            " lines could not be computed; the totals cover the other lines, and the shipment "
            "costs allocated to the failed lines are not in them"));
  }
  return res;
}

money convert_for_declaration(const landed_cost_input& in, const money& amount, currency_code to,
                              const reference_data& data) {
  const auto& policy = data.rounding_policies().for_destination(in.destination, in.as_of);
  converter conv(in, data, to, policy.conversion, nullptr);
  return conv(amount);
}

// ---- batch ------------------------------------------------------------------------------------

namespace {

/// What a batch row looks up in the reference data, for one (destination, date, Incoterm,
/// currency, CN code): a batch of many rows has few of these, so each is looked up once.
struct batch_lookup {
  const std::remove_reference_t<decltype(std::declval<const reference_data&>().rounding_policies().for_destination(
      country_code(), date::year_month_day()))>* policy = nullptr;
  const std::remove_reference_t<decltype(std::declval<const reference_data&>().incoterms().at(
      incoterm::exw, date::year_month_day()))>* term = nullptr;
  selected_rate rate;  ///< to EUR; no rate for EUR
  const tariff_record* tariff = nullptr;
  const vat_rate_record* vat = nullptr;
  int code = 0;  ///< the error every row of this key gets, 0 for none
  std::string message;
};

struct batch_key {
  std::int32_t days;
  std::uint8_t terms;
  char destination[2];
  char currency[3];
  char cn[10];
  std::uint8_t cn_length;
  char unused[3];  // zero: no padding bytes, so the key compares and hashes bytewise
  bool operator==(const batch_key& o) const noexcept { return std::memcmp(this, &o, sizeof *this) == 0; }
};
static_assert(std::has_unique_object_representations_v<batch_key>, "batch_key is compared bytewise");

struct batch_key_hash {
  std::size_t operator()(const batch_key& k) const noexcept {
    return std::hash<std::string_view>{}(std::string_view(reinterpret_cast<const char*>(&k), sizeof k));
  }
};

batch_key key_of(const landed_cost_row& row) {
  batch_key k{};
  k.days = static_cast<std::int32_t>(date::sys_days(row.as_of).time_since_epoch().count());
  k.terms = static_cast<std::uint8_t>(row.terms);
  std::memcpy(k.destination, row.destination.view().data(), 2);
  const auto cur = row.currency.view();
  std::memcpy(k.currency, cur.data(), std::min<std::size_t>(3, cur.size()));
  const auto digits = row.cn.digits();
  std::memcpy(k.cn, digits.data(), digits.size());
  k.cn_length = static_cast<std::uint8_t>(digits.size());
  return k;
}

batch_lookup look_up(const landed_cost_row& row, const reference_data& data,
                     const std::vector<fx_rate>& rates) {
  batch_lookup l;
  try {
    if (!data.countries().is_member("euro_area", row.destination, row.as_of)) {
      detail::throw_error(errc::unsupported_destination,
                          row.destination.to_string() +
                              " is not in the euro area on that date (the batch form declares "
                              "in EUR)");
    }
    l.policy = &data.rounding_policies().for_destination(row.destination, row.as_of);
    l.term = &data.incoterms().at(row.terms, row.as_of);
    // Rate to EUR: the one rate rule, as for a consignment.
    if (row.currency != eur) {
      l.rate = select_rate(row.currency, eur, row.as_of, rates, &data.exchange_rates());
      if (!l.rate) {
        detail::throw_error(errc::no_valid_record,
                            "no exchange rate from " + row.currency.to_string() +
                                " to EUR valid on " + format_date(row.as_of) +
                                ": give one in the exchange rates (a rate is never guessed)");
      }
    }
    l.tariff = data.tariffs().find(row.cn, row.as_of);
    if (l.tariff == nullptr) {
      detail::throw_error(errc::no_valid_record, "no single third-country duty for CN " +
                                                     row.cn.to_string() + " valid on " +
                                                     format_date(row.as_of));
    }
    l.vat = &data.vat_rates().standard(row.destination, row.as_of);
  } catch (const error& e) {
    l.code = static_cast<int>(e.code());
    l.message = e.what();
  }
  return l;
}

/// Converts duty amounts in other currencies (specific duties in EUR need none) by the one rate
/// rule, as for the row's invoice.
struct batch_duty_converter {
  const reference_data* data;
  const date::year_month_day* as_of;
  const rounding_rule* conversion;
  const std::vector<fx_rate>* rates;
  money operator()(const money& m) const {
    if (m.currency() == eur) return m;
    const selected_rate r = select_rate(m.currency(), eur, *as_of, *rates, &data->exchange_rates());
    if (!r) {
      detail::throw_error(errc::no_valid_record, "no exchange rate from " +
                                                     m.currency().to_string() + " to EUR valid on " +
                                                     format_date(*as_of));
    }
    return r.convert(m, conversion->scale, conversion->mode);
  }
};

}  // namespace

void landed_cost_batch(const landed_cost_row* rows, std::size_t n, const reference_data& data,
                       landed_cost_row_result* out, const std::vector<fx_rate>& exchange_rates) {
  std::unordered_map<batch_key, batch_lookup, batch_key_hash> lookups;
  const batch_lookup* last = nullptr;
  batch_key last_key{};
  const any_unit piece = any_unit::parse("piece");
  duty_quantities q;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& row = rows[i];
    auto& o = out[i];
    o.code = 0;
    o.message.clear();
    const batch_key key = key_of(row);
    if (last == nullptr || !(key == last_key)) {
      auto it = lookups.find(key);
      if (it == lookups.end()) it = lookups.emplace(key, look_up(row, data, exchange_rates)).first;
      last = &it->second;
      last_key = key;
    }
    const batch_lookup& l = *last;
    if (l.code != 0) {
      o.code = l.code;
      o.message = l.message;
      continue;
    }
    try {
      const auto& policy = *l.policy;
      const auto& term = *l.term;
      const selected_rate rate = l.rate;
      auto to_eur = [&](const decimal& v) {
        const money m(v, row.currency);
        return rate ? rate.convert(m, policy.conversion.scale, policy.conversion.mode) : m;
      };
      money cv = to_eur(row.invoice_value);
      if (term.carriage_to_border == cost_bearer::buyer) cv += to_eur(row.freight_to_border);
      if (term.insurance == cost_bearer::buyer) cv += to_eur(row.insurance);
      const money after = to_eur(row.freight_after_border);
      if (term.carriage_after_border == cost_bearer::in_price) cv -= after;
      if (cv.amount().is_negative()) {
        detail::throw_error(errc::invalid_argument, "the customs value would be negative");
      }
      cv = round_by(cv, policy.customs_value);
      q.net_mass.reset();
      q.measures.clear();
      if (row.net_mass_kg) q.net_mass = kilograms(*row.net_mass_kg);
      if (row.quantity) q.measures.push_back(measure{*row.quantity, piece});
      const duty_currency_converter dconv =
          batch_duty_converter{&data, &row.as_of, &policy.conversion, &exchange_rates};
      const money third = round_by(evaluate_duty(l.tariff->duty, cv, q, dconv), policy.duty);
      const money duty = row.preferential != nullptr
                             ? round_by(evaluate_duty(*row.preferential, cv, q, dconv), policy.duty)
                             : third;
      const money vat_amount = round_by((cv + duty + after) * l.vat->rate, policy.vat);
      o.customs_value = cv.amount();
      o.duty = duty.amount();
      o.third_country_duty = third.amount();
      o.vat = vat_amount.amount();
      o.landed_cost = (cv + duty + after + vat_amount).amount();
    } catch (const error& e) {
      o.code = static_cast<int>(e.code());
      o.message = e.what();
    }
  }
}

FAIRPORT_END_NAMESPACE
