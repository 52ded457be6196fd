#pragma once
/// @file landed_cost/landed_cost.hpp
/// The landed cost of a consignment in an EU member state: customs value by Incoterm, duty,
/// import VAT, excise and fees, line by line and in total, exactly, with a finding for every
/// figure.
///
/// Synopsis
/// @code
/// enum class allocation_basis { value, net_mass, quantity };
/// struct measure { decimal value; any_unit unit; };                 // "18.60 m2", "12 piece"
/// struct applied_duty { std::string measure; duty_expression expression; std::string reference; };
/// struct charge { std::string kind, description; money amount; bool in_vat_base; std::string
/// reference; }; struct customs_value_addition { std::string kind; money amount; std::string
/// description; }; struct landed_cost_line { id, description, cn, invoice_value, quantity,
/// net_mass, supplementary,
///                           vat_category, preferential, additions, charges };
/// struct shipment_costs { freight_to_border, insurance, freight_after_border,
/// other_to_destination, allocation }; struct landed_cost_input { id, as_of, destination, terms,
/// currency, declaration_currency,
///                            named_place_beyond_border, ioss, exchange_rates, costs, charges,
///                            lines };
/// landed_cost_result landed_cost(const landed_cost_input&, const reference_data&);
///
/// money evaluate_duty(const duty_expression&, const money& customs_value,
///                     const duty_quantities&, const duty_currency_converter&, findings* =
///                     nullptr);
/// @endcode
///
/// The law the engine follows:
/// - Customs value (Regulation (EU) No 952/2013, Union Customs Code): the transaction value
///   (Art. 70) plus the costs of transport and insurance up to the place where the goods enter
///   the customs territory of the Union, so far as the buyer bears them and they are not in the
///   price (Art. 71(1)(e)), plus the other Art. 71 additions the caller names; minus transport
///   after that place when the price includes it and it is shown separately (Art. 72(a)). Which
///   costs the price includes is the Incoterms rule's, read from the dataset `icc_incoterms_2020`.
/// - Duty: the third-country duty of the CN code (dataset `eu_cct_erga_omnes`) and, when the
///   caller passes one, a preferential duty (the GSP engine's); ad valorem on the customs value,
///   specific per unit of net mass or supplementary quantity, compound, MIN and MAX clauses.
///   Low-value reliefs come from the dataset `eu_low_value_relief` by date.
/// - Import VAT (Council Directive 2006/112/EC): the rate of the member state of importation
///   (dataset `eu_vat_rates`) on the customs value plus duties, excise and other charges due by
///   reason of importation and the incidental expenses (transport, insurance, handling) up to the
///   first place of destination in that member state (Art. 85 and 86).
/// - Currency: every amount is converted into the declaration currency (EUR in the euro area,
///   else given by the caller) at the caller's dated rate, or else the built-in customs rate
///   (Art. 53 UCC; Art. 146 Implementing Regulation (EU) 2015/2447); a missing rate is an error.
/// - Rounding: only where the destination's policy (dataset `eu_customs_rounding`) says, with its
///   named mode; the result names the policy.
/// A line that cannot be computed (no duty record, a duty part fairport does not compute, a
/// missing quantity) is reported in `errors` with a stable code; the other lines are computed.
/// A consignment-wide problem (unknown Incoterm record, no exchange rate, destination outside the
/// EU) throws.

#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/currency.hpp"
#include "fairport/data/customs.hpp"
#include "fairport/data/exchange_rates.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/data/tariffs.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/money.hpp"
#include "fairport/provenance.hpp"
#include "fairport/quantity.hpp"
#include "fairport/rate.hpp"
#include "fairport/verdict.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace detail {
/// A placeholder for amounts not yet computed: zero in no currency (combining it with a real
/// amount throws currency_mismatch).
inline money no_money() { return money(decimal(), currency_code()); }
}  // namespace detail

/// How shipment-level costs are spread over the lines.
enum class allocation_basis : unsigned char { value, net_mass, quantity };

constexpr std::string_view to_string(allocation_basis b) noexcept {
  switch (b) {
    case allocation_basis::value:
      return "value";
    case allocation_basis::net_mass:
      return "net_mass";
    case allocation_basis::quantity:
      return "quantity";
  }
  return "value";
}

/// "value", "net_mass" or "quantity". @throws input_error [fairport.input.106]
allocation_basis parse_allocation_basis(std::string_view s);

/// A quantity whose kind is known at run time: "12 piece", "18.60 m2", "36.000 kg".
struct measure {
  decimal value;
  any_unit unit = any_unit::parse("piece");

  std::string to_string() const { return value.to_string() + " " + std::string(unit.name()); }
};

/// A duty measure other than the third-country duty, chosen by the caller (the GSP engine).
struct applied_duty {
  std::string measure;         ///< "gsp", "gsp_plus", "eba", or another measure's name
  duty_expression expression;  ///< the preferential duty
  std::string reference;       ///< legal basis, e.g. "Regulation (EU) No 978/2012, Art. 12"
};

/// What a charge is: an excise duty, or a fee (broker, port handling).
enum class charge_kind : unsigned char { excise, fee };

/// "excise" or "fee".
constexpr std::string_view to_string(charge_kind k) noexcept {
  return k == charge_kind::excise ? "excise" : "fee";
}

/// An excise duty or a fee, per line or per consignment.
struct charge {
  charge_kind kind = charge_kind::fee;
  std::string description;  ///< "customs broker fee"
  money amount = detail::no_money();
  bool in_vat_base = true;  ///< Art. 86(1)(a)-(b) VAT Directive: charges due by reason of import
  std::string reference;    ///< the caller's legal basis, may be empty
};

/// An addition to the transaction value under Art. 71(1)(a)-(d) UCC.
struct customs_value_addition {
  std::string kind;  ///< one of customs_value_addition_kinds()
  money amount = detail::no_money();
  std::string description;
};

/// One kind of Art. 71(1)(a)-(d) addition: its id, the point of the article, what it covers.
struct customs_value_addition_kind {
  std::string_view id;     ///< "commission"
  std::string_view point;  ///< "Art. 71(1)(a)(i)"
  std::string_view text;   ///< "commissions and brokerage, except buying commissions"
};

/// The closed list of addition kinds (commission, containers, packing, assists, royalties,
/// proceeds), read by the consignment reader and shown by `fairport vocab addition_kind`.
const std::vector<customs_value_addition_kind>& customs_value_addition_kinds() noexcept;

/// One line of the consignment.
struct landed_cost_line {
  std::string id;
  std::string description;
  tariff_code cn = tariff_code::parse("00");  ///< "00" (the default) matches no tariff record
  decimal invoice_value;                      ///< the price of the line in the input's currency
  std::optional<measure> quantity;            ///< the line's quantity ("12 piece")
  std::optional<fairport::quantity<mass>> net_mass;  ///< net mass, for duties per kg / 100 kg net
  std::optional<fairport::quantity<mass>> gross_mass;  ///< gross mass, for duties per 100 kg gross
  std::vector<measure> supplementary;     ///< other quantities a specific duty may use (m2, l)
  /// A category of the dataset eu_vat_rates; empty: the one eu_vat_goods_rates gives the CN
  /// code in the member state, else the standard rate (select_vat_rate).
  std::string vat_category;
  std::optional<applied_duty> preferential;
  std::vector<customs_value_addition> additions;
  std::vector<charge> charges;
};

/// Shipment-level costs, each in its own currency.
struct shipment_costs {
  std::optional<money> freight_to_border;     ///< carriage to the place of entry into the EU
  std::optional<money> insurance;             ///< insurance to that place
  std::optional<money> freight_after_border;  ///< carriage from there to the first destination
  std::optional<money> other_to_destination;  ///< handling, unloading ... to the destination
  allocation_basis allocation = allocation_basis::value;
};

/// How the goods travel to the EU (the consignment's transport.mode).
enum class transport_mode : unsigned char { air, sea, road, rail, post };

/// "air", "sea", "road", "rail", "post".
constexpr std::string_view to_string(transport_mode m) noexcept {
  constexpr std::string_view names[] = {"air", "sea", "road", "rail", "post"};
  return names[static_cast<int>(m)];
}

/// The mode named `s`, or nullopt.
std::optional<transport_mode> try_parse_transport_mode(std::string_view s) noexcept;

/// Everything the landed cost depends on, besides the reference data.
struct landed_cost_input {
  std::string id;
  date::year_month_day as_of;  ///< the date of the declaration: every lookup uses it
  country_code destination;    ///< the importing member state
  incoterm terms = incoterm::exw;
  currency_code currency;                             ///< the invoice currency
  std::optional<currency_code> declaration_currency;  ///< default EUR inside the euro area
  std::optional<bool> named_place_beyond_border;      ///< C rules: is the named place inland?
  bool ioss = false;                                  ///< declared under the import one-stop shop
  std::optional<transport_mode> transport;            ///< how the goods travel to the EU
  std::optional<country_code> departure_country;      ///< where the carriage to the EU starts
  std::vector<fx_rate> exchange_rates;  ///< the caller's rates; else the built-in customs rates
  shipment_costs costs;
  std::vector<charge> charges;  ///< consignment-level excise and fees, allocated
  std::vector<landed_cost_line> lines;
};

/// The duty of one line: the measure applied, and the third-country duty for comparison.
struct line_duty {
  std::string measure;  ///< "third_country", "gsp_plus", ..., "low_value_relief", "ioss_flat_rate"
  std::string text;     ///< the applied duty as the tariff prints it
  money amount = detail::no_money();                ///< the duty due
  money third_country_amount = detail::no_money();  ///< the duty without preference
  money saving = detail::no_money();                ///< third_country_amount - amount
  std::optional<decimal> ad_valorem_rate;  ///< the applied ad valorem rate, when there is one
  provenance tariff_source;                ///< the third-country duty record
};

/// One line's landed cost, in the declaration currency.
struct landed_cost_line_result {
  std::string id;
  money invoice_value = detail::no_money();      ///< converted
  money freight_to_border = detail::no_money();  ///< the line's share
  money insurance = detail::no_money();
  money freight_after_border = detail::no_money();
  money other_to_destination = detail::no_money();
  money additions = detail::no_money();  ///< Art. 71(1)(a)-(d)
  money customs_value = detail::no_money();
  line_duty duty;
  money excise = detail::no_money();
  money fees = detail::no_money();  ///< fees (and excise outside the VAT base) on the line
  std::string vat_category;
  decimal vat_rate;
  provenance vat_source;
  money vat_base = detail::no_money();
  money vat = detail::no_money();
  money landed_cost = detail::no_money();  ///< everything the importer pays, import VAT included
  money landed_cost_excluding_vat =
      detail::no_money();                     ///< for an importer who deducts the import VAT
  std::optional<money> landed_cost_per_unit;  ///< per unit of the line's quantity
  std::optional<money> landed_cost_per_kg;    ///< per kg net
  std::vector<finding> findings;
};

/// A line that could not be computed.
struct line_error {
  std::string line_id;
  errc code = errc::invalid_argument;
  /// Where: a JSON Pointer (RFC 6901) into the input, with the fields of fairport.consignment/1:
  /// "/lines/2/hs_code". In a consignment report, into the consignment document.
  std::string field;
  std::string message;  ///< with the stable code tag first
};

/// Sums of the computed lines, exactly.
struct landed_cost_totals {
  money invoice_value = detail::no_money();
  money customs_value = detail::no_money();
  money duty = detail::no_money();
  money third_country_duty = detail::no_money();
  money duty_saving = detail::no_money();
  money excise = detail::no_money();
  money fees = detail::no_money();
  money vat_base = detail::no_money();
  money vat = detail::no_money();
  money landed_cost = detail::no_money();
  money landed_cost_excluding_vat = detail::no_money();
};

/// The landed cost of a consignment.
struct landed_cost_result {
  std::string id;
  date::year_month_day as_of;
  country_code destination;
  currency_code currency;  ///< the declaration currency
  std::vector<landed_cost_line_result> lines;
  landed_cost_totals totals;
  std::string rounding_policy;  ///< the policy's name
  provenance rounding_source;
  std::vector<finding> findings;  ///< consignment-level: conversions, allocation, reliefs
  std::vector<line_error> errors;

  bool ok() const noexcept { return errors.empty(); }
};

/// Computes the landed cost. @throws error for consignment-wide input problems (see file doc).
landed_cost_result landed_cost(const landed_cost_input& input, const reference_data& data);

/// Converts `amount` into `to` as landed_cost() converts for this input: the caller's dated rate,
/// else the built-in customs rate, rounded by the destination's conversion rule.
/// @throws no_valid_record [fairport.data.301] when there is no rate.
money convert_for_declaration(const landed_cost_input& input, const money& amount, currency_code to,
                              const reference_data& data);

/// The quantities a specific duty may be charged on.
struct duty_quantities {
  std::optional<fairport::quantity<mass>> net_mass;
  std::optional<fairport::quantity<mass>> gross_mass;  ///< for duties on gross mass
  std::vector<measure> measures;  ///< the line's quantity and supplementary quantities
};

/// Converts a specific-duty amount (EUR) into the declaration currency: a non-owning reference
/// to any callable `money(const money&)`, valid while the callable lives (pass a lambda or a
/// named function object to evaluate_duty(); do not keep a converter made from a temporary).
class duty_currency_converter {
 public:
  template <class F,
            class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, duty_currency_converter>>>
  duty_currency_converter(const F& f) noexcept  // NOLINT(google-explicit-constructor)
      : object_(&f), call_([](const void* o, const money& m) -> money {
          return (*static_cast<const F*>(o))(m);
        }) {}
  money operator()(const money& m) const { return call_(object_, m); }

 private:
  const void* object_;
  money (*call_)(const void*, const money&);
};

/// The duty of `expression` on a line, unrounded: ad valorem part on `customs_value`, specific
/// part per unit of the matching quantity (converted with `convert` when it is not in the customs
/// value's currency), MIN / MAX clauses last. Appends one finding per step to `out` when given.
/// @throws consignment_error 403 for a duty fairport does not compute, 404 for a missing quantity.
money evaluate_duty(const duty_expression& expression, const money& customs_value,
                    const duty_quantities& quantities, const duty_currency_converter& convert,
                    findings* out = nullptr);

// ---- columnar batch --------------------------------------------------------------------------

/// One self-contained line for the batch form: its costs are its own (no allocation).
struct landed_cost_row {
  date::year_month_day as_of;
  country_code destination;
  incoterm terms = incoterm::exw;
  tariff_code cn = tariff_code::parse("00");  ///< "00" (the default) matches no tariff record
  currency_code currency;                     ///< of invoice_value and the three costs
  decimal invoice_value;
  decimal freight_to_border;
  decimal insurance;
  decimal freight_after_border;
  std::optional<bool> named_place_beyond_border;  ///< C rules: is the named place inland?
  std::optional<decimal> net_mass_kg;
  std::optional<decimal> quantity;                ///< pieces
  const duty_expression* preferential = nullptr;  ///< not owned; nullptr: third-country duty
  /// Not owned: a category of eu_vat_rates; empty: by the goods (select_vat_rate).
  std::string_view vat_category;
  /// The declaration currency (declaration_currency_of): EUR, or empty, in the euro area; the
  /// national currency, required, elsewhere.
  std::optional<currency_code> declaration_currency;
};

/// The figures of one batch row, in `currency`; `code` is 0 when the row was computed.
struct landed_cost_row_result {
  decimal customs_value, duty, third_country_duty, vat, landed_cost;
  currency_code currency;  ///< the declaration currency of the figures
  int code = 0;         ///< an errc value when the row failed
  std::string message;  ///< empty on success
};

/// Computes rows [0, n) into out[0, n): in each row's declaration currency (EUR in the euro area,
/// the declared national currency elsewhere: declaration_currency_of), the destination's
/// rounding policy, no findings, and no consignment-level rule (a row is not a
/// consignment: no low-value relief, no allocation; use landed_cost() for those); the VAT rate
/// by select_vat_rate (the row's vat_category, else the goods', else the standard rate); a
/// failing row gets its error code and message and the others are computed. A negative amount
/// or quantity fails its row ([fairport.input.106]).
/// Amounts in another currency are converted at the customs rate of the row's month
/// (select_rate, Art. 146): one of `exchange_rates` for that month, as in a consignment, else
/// the built-in one. Each (destination, date, Incoterm, currency, CN code, VAT category) is
/// looked up once per call. Nothing is allocated for a row on success, except one
/// small vector when the row gives a quantity (for specific duties).
void landed_cost_batch(const landed_cost_row* rows, std::size_t n, const reference_data& data,
                       landed_cost_row_result* out,
                       const std::vector<fx_rate>& exchange_rates = {});

FAIRPORT_END_NAMESPACE
