#pragma once
/// @file check.hpp
/// The consignment check, fairport's main job: per line origin -> preference -> landed cost ->
/// fair price, then the consignment's totals, papers and findings (`fairport.report/1`).
///
/// Synopsis
/// @code
/// struct origin_section { std::string status, basis, rule; findings findings; };
/// struct preference_section { std::string regime, arrangement; bool eligible;
/// std::optional<duty_expression> duty; findings findings; }; struct fair_price_section { money
/// fair_price_per_unit, price_paid_per_unit, shortfall_per_unit;
///                             bool is_fair; std::optional<decimal> producer_share; std::string
///                             method; findings findings; };
/// struct report_line { std::string id; std::optional<origin_section> origin;
///                      std::optional<preference_section> preference; landed_cost_line_result
///                      landed; std::optional<fair_price_section> fair_price; };
/// struct report_document { std::string kind; bool required; std::optional<bool> rex_required;
///                          std::optional<year_month_day> valid_until; std::string text; findings
///                          findings; };
/// struct report { consignment_id, as_of, currency, datasets, lines, totals, documents, findings,
/// errors;
///                 int exit_status() const; };       // 0 clean, 1 a line fails a check
/// report check_consignment(const consignment&, const reference_data&);
/// class consignment_checker { explicit consignment_checker(const reference_data&); report
/// check(const consignment&) const; }; std::vector<std::string> example_names();  std::string_view
/// example_consignment(std::string_view name);
/// @endcode
/// A line that fails (bad input, a duty fairport cannot compute) is in `errors` with its id and
/// a stable code; every other line is in `lines`. Business outcomes (not originating, not
/// eligible, priced below fair) are values in the sections, never exceptions.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/check/consignment.hpp"
#include "fairport/data/tariffs.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/gsp/preference.hpp"
#include "fairport/landed_cost/landed_cost.hpp"
#include "fairport/origin/assess.hpp"
#include "fairport/money.hpp"
#include "fairport/verdict.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The origin verdict of a line.
struct origin_section {
  origin_status status = origin_status::undetermined;
  std::optional<origin_basis> basis;  ///< how the line is originating, when it is
  std::string rule;    ///< the list rule's text that applied
  std::vector<finding> findings;
  std::vector<std::string> missing;  ///< what must be supplied to decide (undetermined only)
  /// The cumulations the verdict used, as the statement on origin words them ("EU
  /// cumulation", "regional cumulation"; Delegated Reg. (EU) 2015/2446, Annex 22-07).
  std::vector<std::string> cumulation;
  std::string rule_reference;  ///< the dataset record or legal reference of the deciding rule
  /// The value figures of the deciding rule (a value rule, or a value tolerance): the
  /// non-originating materials, their share of the ex-works price, the rule's limit and the
  /// margin left (negative: the excess), in the ex-works price's currency.
  std::optional<money> non_originating_value;
  std::optional<decimal> share;
  std::optional<decimal> limit;
  std::optional<money> margin;
  /// How much more non-originating value the product could take, or "unlimited" under a rule
  /// with no value limit (origin_assessor::headroom).
  std::optional<origin_headroom> headroom;
  /// The single materials whose sourcing in the exporting country would change a verdict that is
  /// not "originating" (origin_assessor::local_sourcing_flips).
  std::vector<origin_flip> flips;
};

/// The tariff preference of a line.
struct preference_section {
  preference_regime regime = preference_regime::none;  ///< the duty's regime (none: third country)
  preference_regime arrangement = preference_regime::none;  ///< the best the country has that day
  /// Granted only when origin is `originating` and the proof conditions hold (fail closed).
  bool eligible = false;
  preference_status status = preference_status::undetermined;
  std::optional<duty_expression> duty;  ///< the preferential duty when eligible
  /// The duty the line would pay once `missing` is shown (conditional lines); the line pays the
  /// third-country duty until then.
  std::optional<duty_expression> potential_duty;
  /// The regime of `potential_duty` (the arrangement that covers the product).
  preference_regime potential_regime = preference_regime::none;
  /// The duty the line would save once `missing` is shown: its third-country duty minus the
  /// duty `potential_duty` gives on the same customs value, each rounded as the destination
  /// rounds (nullopt when not conditional, or when its landed cost failed). Not in the duty
  /// computed, nor in the totals' duty_saving.
  std::optional<money> potential_saving;
  /// What would unlock the preference, as JSON Pointers into the consignment
  /// ("/lines/1/origin", "/direct_transport", "/exporter/rex_number").
  std::vector<std::string> missing;
  std::vector<finding> findings;
};

/// The fair-price check of a line, per unit of its quantity, in the consignment currency.
enum class fair_price_method : unsigned char { artisan_cost, fairtrade_minimum };

/// "artisan_cost" or "fairtrade_minimum".
constexpr std::string_view to_string(fair_price_method m) noexcept {
  return m == fair_price_method::artisan_cost ? "artisan_cost" : "fairtrade_minimum";
}

struct fair_price_section {
  fair_price_method method = fair_price_method::artisan_cost;
  money fair_price_per_unit = detail::no_money();
  std::optional<money> price_paid_per_unit;
  std::optional<money> shortfall_per_unit;
  std::optional<bool> is_fair;            ///< nullopt when no price paid was given
  std::optional<decimal> producer_share;  ///< price paid / landed cost per unit (same currency)
  /// Fairtrade lines: the price due without the premium and the premium due, per unit; with
  /// producer.premium_paid_per_unit, the premium paid, its shortfall and whether it was paid in
  /// full (then `shortfall_per_unit` is the price's own, and `is_fair` needs both).
  std::optional<money> price_due_per_unit;
  std::optional<money> premium_due_per_unit;
  std::optional<money> premium_paid_per_unit;
  std::optional<money> premium_shortfall_per_unit;
  std::optional<bool> premium_paid_in_full;
  std::vector<finding> findings;
};

/// One checked line.
struct report_line {
  std::string id;
  /// The goods as the document declares them (the report's line table).
  tariff_code hs_code = tariff_code::parse("00");
  std::string description;
  std::optional<measure> quantity;
  std::optional<fairport::quantity<mass>> net_mass;
  std::optional<origin_section> origin;
  std::optional<preference_section> preference;
  /// The customs value, duty, VAT and landed cost; nullopt when a step of it failed (the error is
  /// in report::errors and the line is in report::lines_left_out_of_totals). The origin,
  /// preference and fair-price results of the line stand on their own.
  std::optional<landed_cost_line_result> landed;
  std::optional<fair_price_section> fair_price;
};

/// A paper the consignment needs.
struct report_document {
  std::string kind;  ///< "statement_on_origin"
  bool required = false;
  std::optional<bool> rex_required;
  std::optional<date::year_month_day> valid_until;
  /// false when the exporter cannot make the statement out (above the REX threshold without a
  /// REX number): `text` is then empty and the findings say why.
  bool can_be_made_out = true;
  std::string text;
  std::vector<finding> findings;
};

/// A dataset the report relied on.
struct report_dataset {
  std::string id;
  std::string version;
  std::vector<dataset_layer> layers;  ///< the user's files merged into it (empty: unedited)
};

/// The parties and terms of the consignment, as the document declares them (the report's
/// header): who exports and imports, under which Incoterm, invoiced in which currency, and how
/// the goods travel.
struct report_header {
  party exporter;
  party importer;
  incoterm terms = incoterm::exw;
  currency_code invoice_currency;
  std::optional<transport_mode> transport;
  std::optional<country_code> departure_country;
  std::optional<bool> direct_transport;  ///< nullopt: not declared
  bool ioss = false;
};

/// The report of a consignment check (`fairport.report/1`).
struct report {
  std::string consignment_id;
  date::year_month_day as_of;
  report_header header;
  currency_code currency;  ///< the declaration currency of the amounts
  std::vector<report_dataset> datasets;
  std::vector<report_line> lines;
  landed_cost_totals totals;
  /// The sum of the lines' potential_saving: duty that showing what is missing would save.
  std::optional<money> potential_duty_saving;
  /// The ids of the lines whose landed cost could not be computed: the totals leave them out.
  std::vector<std::string> lines_left_out_of_totals;
  std::vector<report_document> documents;
  std::vector<finding> findings;
  std::vector<line_error> errors;

  /// 0 when every line checked cleanly, 1 when a line is not originating (or undetermined), not
  /// eligible or priced below fair, 2 when a line could not be checked (the command line's exit
  /// status).
  int exit_status() const noexcept;
};

/// The example consignments shipped with fairport ("kg_felt_de", ...), in name order.
std::vector<std::string> example_names();
/// The JSON text of one example. @throws input_error [fairport.input.106] for an unknown name.
std::string_view example_consignment(std::string_view name);
/// The example that `fairport check --example` runs.
inline constexpr std::string_view default_example = "kg_felt_de";

/// The engines of the check, prepared once for one reference_data (origin rules indexed, GSP
/// tables indexed; about a millisecond). Immutable and thread-safe: reuse it for batches.
class consignment_checker {
 public:
  explicit consignment_checker(const reference_data& data);
  /// As check_consignment(c, data).
  report check(const consignment& c) const;
  const reference_data& data() const noexcept;

  struct impl;

 private:
  std::shared_ptr<const impl> impl_;
};

/// Checks a consignment (prepares a consignment_checker; reuse one for many consignments).
/// @throws error for a consignment-wide input problem (no exchange rate,
/// destination outside the EU ...); line problems go to `report::errors`.
report check_consignment(const consignment& c, const reference_data& data);

FAIRPORT_END_NAMESPACE
