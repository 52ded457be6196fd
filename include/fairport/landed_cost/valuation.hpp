// fairport/landed_cost/valuation.hpp: the customs value and the import-VAT base of one line, the
// one home of each rule (the consignment engine and the batch both call them).
//
// Synopsis:
//   struct customs_value_costs { money invoice_value, freight_to_border, insurance, additions,
//                                freight_after_border, unloading_at_destination; };
//   bool carriage_after_border_in_price(const incoterm_record&, std::optional<bool> beyond);
//   money customs_value(const customs_value_costs&, const incoterm_record&,
//                       bool after_border_in_price, const rounding_rule&, std::string* explain);
//   struct vat_base_parts { money customs_value, duty, excise_in_base, charges_in_base,
//                           carriage_to_destination, other_to_destination; };
//   money vat_base(const vat_base_parts&, std::string* explain);
//   enum class vat_rate_basis { declared, goods, standard };
//   struct import_vat_rate { const vat_rate_record* rate; vat_rate_basis basis;
//                            const vat_goods_record* goods; bool depends_on_subcode; };
//   import_vat_rate select_vat_rate(const reference_data&, country_code, const tariff_code&,
//                                   std::string_view declared, year_month_day);  // 106, 301
//   finding vat_rate_finding(const import_vat_rate&, country_code, const tariff_code&);
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
//
// The import-VAT rate (Directive 2006/112/EC, Art. 94(2), 96-98 and Annex III): the standard
// rate unless national law gives the goods a reduced one. select_vat_rate() takes the category
// the document declares, else the one the dataset eu_vat_goods_rates gives the CN code in the
// member state, else the standard rate; its rate always comes from eu_vat_rates.
#pragma once

#include <optional>
#include <string>

#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/data/customs.hpp"
#include "fairport/data/vat_goods_rates.hpp"
#include "fairport/data/vat_rates.hpp"
#include "fairport/fwd.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/money.hpp"
#include "fairport/verdict.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A line's costs that may enter its customs value, all in the declaration currency.
struct customs_value_costs {
  money invoice_value;         ///< the price actually paid or payable (Art. 70)
  money freight_to_border;     ///< carriage to the place of entry into the EU (Art. 71(1)(e)(i))
  money insurance;             ///< insurance to that place (Art. 71(1)(e)(i))
  money additions;             ///< commissions, packing, assists, royalties (Art. 71(1)(a)-(d))
  money freight_after_border;  ///< carriage after the place of entry (Art. 72(a))
  /// Unloading at the destination (the consignment's other_to_destination): deducted when the
  /// rule puts it in the price (DPU) and the carriage after the border is in the price too.
  money unloading_at_destination = money(decimal(), currency_code());
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

/// The currency of a declaration in `destination` on `as_of` (Union Customs Code Art. 53;
/// Implementing Regulation (EU) 2015/2447, Art. 146(1)): EUR in the euro area (a `declared`
/// other currency is bad input, [fairport.input.106]); outside it the national currency, which
/// must be declared ([fairport.consignment.402] when absent, 106 when EUR). A destination
/// outside the EU is unsupported_destination.
currency_code declaration_currency_of(const reference_data& data, country_code destination,
                                      const date::year_month_day& as_of,
                                      const std::optional<currency_code>& declared);

/// Where a line's import-VAT rate comes from.
enum class vat_rate_basis : unsigned char {
  declared,  ///< the category the document gives
  goods,     ///< the category eu_vat_goods_rates gives the CN code in the member state
  standard,  ///< no category given or recorded: the standard rate (Art. 96)
};

/// The answer of select_vat_rate().
struct import_vat_rate {
  const vat_rate_record* rate = nullptr;   ///< never null on return
  vat_rate_basis basis = vat_rate_basis::standard;
  const vat_goods_record* goods = nullptr;  ///< the goods record for the code, when there is one
  bool depends_on_subcode = false;          ///< a goods record covers only part of the code
};

/// The import-VAT rate of goods `cn` in `country` on `as_of`, by the rule in the file comment.
/// @throws input_error [fairport.input.106] when `declared` is no category of eu_vat_rates,
/// no_valid_record [fairport.data.301] when the member state has no rate of the category on the
/// date; both carry error_context::argument "vat_category".
import_vat_rate select_vat_rate(const reference_data& data, country_code country,
                                const tariff_code& cn, std::string_view declared,
                                const date::year_month_day& as_of);

/// The finding that says which rule gave the rate: info when declared as the data has it or
/// taken from the goods data; a warning when the declaration differs from the goods data, or
/// when no goods record exists for a food or art code (Annex III points 1 and 26).
finding vat_rate_finding(const import_vat_rate& v, country_code country, const tariff_code& cn);

FAIRPORT_END_NAMESPACE
