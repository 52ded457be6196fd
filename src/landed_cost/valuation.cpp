// The customs value (UCC Art. 70-72) and the import-VAT base (VAT Directive Art. 85-86).
#include "fairport/landed_cost/valuation.hpp"

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
  if (after_border_in_price && !c.freight_after_border.amount().is_zero()) {
    cv -= c.freight_after_border;
    if (explain != nullptr) {
      *explain += " - carriage after the border shown separately " +
                  money_text(c.freight_after_border) + " (Art. 72(a))";
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

FAIRPORT_END_NAMESPACE
