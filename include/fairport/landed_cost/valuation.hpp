// fairport/landed_cost/valuation.hpp: the customs value and the import-VAT base of one line, the
// one home of each rule (the consignment engine and the batch both call them).
//
// Synopsis:
//   struct customs_value_costs { money invoice_value, freight_to_border, insurance, additions,
//                                freight_after_border; };
//   bool carriage_after_border_in_price(const incoterm_record&, std::optional<bool> beyond);
//   money customs_value(const customs_value_costs&, const incoterm_record&,
//                       bool after_border_in_price, const rounding_rule&, std::string* explain);
//   struct vat_base_parts { money customs_value, duty, excise_in_base, charges_in_base,
//                           carriage_to_destination, other_to_destination; };
//   money vat_base(const vat_base_parts&, std::string* explain);
//
// The customs value (Regulation (EU) No 952/2013, Art. 70, 71(1)(e), 72(a)) is the price of the
// goods plus what the buyer pays apart and the law adds: carriage and insurance to the place
// where the goods enter the EU when the Incoterms rule leaves them to the buyer, and the
// Art. 71(1)(a)-(d) additions; minus carriage after that place when the price includes it and
// the invoice shows it separately. It is rounded by the destination's customs-value rule.
//
// The import-VAT base (Council Directive 2006/112/EC, Art. 85-86) is the customs value plus the
// duty, the excise and the other charges due by reason of import, and the incidental expenses
// (carriage, other costs) up to the first place of destination.
#pragma once

#include <optional>
#include <string>

#include "fairport/config.hpp"
#include "fairport/data/customs.hpp"
#include "fairport/money.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A line's costs that may enter its customs value, all in the declaration currency.
struct customs_value_costs {
  money invoice_value;         ///< the price actually paid or payable (Art. 70)
  money freight_to_border;     ///< carriage to the place of entry into the EU (Art. 71(1)(e)(i))
  money insurance;             ///< insurance to that place (Art. 71(1)(e)(i))
  money additions;             ///< commissions, packing, assists, royalties (Art. 71(1)(a)-(d))
  money freight_after_border;  ///< carriage after the place of entry (Art. 72(a))
};

/// True when the price includes carriage after the EU border: the rule says so (D rules), or the
/// rule names a place (C rules) and the caller says the place lies beyond the border. A C rule
/// without that answer keeps the carriage outside the price.
bool carriage_after_border_in_price(const incoterm_record& term,
                                    std::optional<bool> named_place_beyond_border) noexcept;

/// The customs value of one line, rounded by `rounding`; `explain`, when given, receives the
/// build-up ("invoice EUR 199.00 + carriage to the EU border EUR 25.00 ...").
/// @throws error [fairport.input.*] invalid_argument when the value would be negative.
money customs_value(const customs_value_costs& costs, const incoterm_record& term,
                    bool after_border_in_price, const rounding_rule& rounding,
                    std::string* explain = nullptr);

/// A line's amounts that make its import-VAT base, all in the declaration currency.
struct vat_base_parts {
  money customs_value;
  money duty;             ///< the duty due (after preference or relief)
  money excise_in_base;   ///< excise due by reason of import (Art. 86(1)(a))
  money charges_in_base;  ///< other charges due by reason of import (Art. 86(1)(a))
  money
      carriage_to_destination;  ///< carriage after the border, to the first destination (86(1)(b))
  money other_to_destination;   ///< other incidental expenses to that place (Art. 86(1)(b))
};

/// The import-VAT base of one line (unrounded: the sum of its parts); `explain`, when given,
/// receives "customs value EUR 234.00 + duty EUR 7.02 ...".
money vat_base(const vat_base_parts& parts, std::string* explain = nullptr);

FAIRPORT_END_NAMESPACE
