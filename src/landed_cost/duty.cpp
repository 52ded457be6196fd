// The duty of one line: ad valorem, specific (per unit of a quantity), MIN and MAX clauses
// (the duty expressions of the Combined Nomenclature, Council Regulation (EEC) No 2658/87).
#include <optional>
#include <string>

#include "fairport/landed_cost/landed_cost.hpp"
#include "fairport/text.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

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

/// The quantity of `q` in units of `per`, exactly where possible.
std::optional<decimal> quantity_in(const duty_quantities& q, const any_unit& per, bool gross,
                                   bool& rounded, std::string& used) {
  rounded = false;
  if (per.kind() == unit_kind::mass) {
    const auto& m = gross ? q.gross_mass : q.net_mass;
    if (!m) return std::nullopt;
    used = m->to_string() + (gross ? " gross" : " net");
    return exact_quotient(m->in_base(), per.factor(), rounded);
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
  const auto n = quantity_in(q, per, s.gross_mass, rounded, used);
  if (!n) {
    detail::throw_error(errc::missing_quantity,
                        std::string("the ") + what + " " + s.amount.to_string() + " " +
                            s.currency.to_string() + "/" + s.per + " needs the line's " +
                            (s.gross_mass ? std::string("gross mass") : kind_name(per.kind())));
  }
  money amount(s.amount * *n, s.currency);
  const money native = amount;
  if (amount.currency() != cv.currency()) amount = convert(amount);
  if (out != nullptr) {
    std::string msg = std::string(what) + ": " + s.currency.to_string() + " " +
                      s.amount.to_string() + " per " + s.per + " x " + n->to_string() + " (" +
                      used + ") = " + money_text(native);
    if (native.currency() != amount.currency()) msg += " = " + money_text(amount);
    if (rounded) msg += " (quantity rounded half even to 12 places)";
    out->push_back(make_finding("landed.duty.specific", severity::info, std::move(msg)));
  }
  return amount;
}

/// A MIN or MAX branch: its ad valorem part + its specific part - its deduction, never below 0.
money bound_amount(const duty_bound& b, const duty_quantities& q, const money& cv,
                   const duty_currency_converter& convert, const char* what, findings* out) {
  money total(decimal(), cv.currency());
  if (b.ad_valorem) total += cv * *b.ad_valorem;
  if (b.specific) total += specific_amount(*b.specific, q, cv, convert, what, out);
  if (b.deduction) total -= specific_amount(*b.deduction, q, cv, convert, what, out);
  if (total.amount().is_negative()) total = money(decimal(), cv.currency());
  if (out != nullptr && (b.ad_valorem || b.deduction)) {
    out->push_back(make_finding("landed.duty.bound", severity::info,
                                std::string(what) + ": " + money_text(total) +
                                    (b.ad_valorem ? " (" + percent_text(*b.ad_valorem) +
                                                        " x customs value " + money_text(cv) + ")"
                                                  : std::string())));
  }
  return total;
}

}  // namespace

money evaluate_duty(const duty_expression& e, const money& cv, const duty_quantities& q,
                    const duty_currency_converter& convert, findings* out) {
  if (!e.modelled) {
    detail::throw_error(errc::duty_not_computable,
                        "the duty \"" + e.text +
                            "\" has a component fairport does not compute (agricultural "
                            "component, entry price or similar); compute it with the national "
                            "customs tariff");
  }
  money total(decimal(), cv.currency());
  if (e.ad_valorem) {
    const money part = cv * *e.ad_valorem;
    total += part;
    if (out != nullptr) {
      out->push_back(make_finding("landed.duty.ad_valorem", severity::info,
                                  "ad valorem " + percent_text(*e.ad_valorem) +
                                      " x customs value " + money_text(cv) + " = " +
                                      money_text(part)));
    }
  }
  if (e.specific) total += specific_amount(*e.specific, q, cv, convert, "specific duty", out);
  if (e.minimum) {
    const money floor_amount = bound_amount(*e.minimum, q, cv, convert, "minimum (MIN)", out);
    if (total < floor_amount) {
      if (out != nullptr) {
        out->push_back(make_finding(
            "landed.duty.minimum", severity::info,
            "the minimum applies: " + money_text(total) + " is below " + money_text(floor_amount)));
      }
      total = floor_amount;
    }
  }
  if (e.maximum) {
    const money cap = bound_amount(*e.maximum, q, cv, convert, "maximum (MAX)", out);
    if (total > cap) {
      if (out != nullptr) {
        out->push_back(make_finding(
            "landed.duty.maximum", severity::info,
            "the maximum applies: " + money_text(total) + " is above " + money_text(cap)));
      }
      total = cap;
    }
  }
  return total;
}

FAIRPORT_END_NAMESPACE
