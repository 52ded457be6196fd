#pragma once
/// @file pricing/fair_price.hpp
/// Fair producer prices: the Fairtrade commodity price (higher of market and Fairtrade Minimum
/// Price, plus Premium, plus organic differential), a contract view, the living-income reference
/// price, the artisan cost-based fair price (WFTO Principle 4), the hourly earnings a price
/// implies, whether a price paid is fair, and the price chain from producer to shelf.
///
/// Synopsis
/// @code
/// enum class binding_price { market, minimum };          // to_string: "market", "minimum"
///
/// struct fairtrade_query {                                // one Fairtrade price question
///   fairtrade_price_key key;                              // product, region ("all"),
///   certification, quality date::year_month_day as_of;                           // contract date:
///   picks the dated record bool organic = false; std::optional<money> market_price; // per
///   market_price_unit, any currency unit<mass> market_price_unit = units::pound;
///   std::optional<unit<mass>> per_unit;                   // result unit; default the record's
///   ("lb") std::optional<currency_code> currency;                // result currency; default the
///   record's std::vector<fx_rate> exchange_rates;                  // for every currency
///   conversion needed bool builtin_rates = false;                           // else the built-in
///   customs rate (select_rate) std::string basis;                                    // expected
///   basis ("FOB"); empty = any std::optional<int> scale;                             // default:
///   the currency's minor units rounding_mode mode = rounding_mode::ceiling; bool explain = true;
///   // false: figures only (no findings, no provenance copy)
/// };
/// struct fairtrade_price_result {
///   fairtrade_price_key key; bool region_fallback;        // key of the record used
///   std::string basis; unit<mass> record_unit; currency_code record_currency;
///   std::optional<money> minimum_price;                   // per record unit, from the record
///   std::optional<money> market_price;                    // converted to record currency and unit
///   bool market_price_exact;                              // false: market_price shown rounded to
///   8 places binding_price binding; money binding_margin;          // how far the binding price
///   exceeds the other money premium; money organic_differential;            // per record unit (0
///   when not organic) money price_per_record_unit;                          // binding + premium +
///   organic money fair_price_per_unit;                            // in `currency` per `per_unit`,
///   rounded once money floor_per_unit;                                 // (minimum + premium +
///   organic), same terms and rounding unit<mass> per_unit; int scale; rounding_mode mode;
///   provenance source; findings notes;
/// };
/// fairtrade_price_result fairtrade_price(const fairtrade_query&, const reference_data&);
///
/// struct fairtrade_contract { fairtrade_query price; quantity<mass> volume;
///   std::optional<money> contract_price_per_unit;         // in the result currency per result
///   unit std::optional<decimal> prefinance_requested_share, prefinance_max_share; std::string
///   prefinance_reference; };
/// struct fairtrade_contract_result { fairtrade_price_result price; quantity<mass> volume;
///   money fair_value, premium_due; std::optional<money> organic_differential_due;
///   std::optional<money> contract_value, difference_per_unit, difference_total;
///   std::optional<bool> contract_meets_fair_price;
///   std::optional<decimal> prefinance_share; std::optional<money> prefinance; findings notes; };
/// fairtrade_contract_result fairtrade_contract_view(const fairtrade_contract&, const
/// reference_data&);
///
/// struct living_income_inputs { as_of; money living_income_benchmark; decimal crop_income_share =
/// 1;
///   money cost_per_hectare, cost_per_farm; decimal viable_area_hectares;
///   quantity<mass> sustainable_yield_per_hectare; unit<mass> per_unit = kg;
///   std::optional<money> actual_price_per_unit; std::string source; scale; mode = ceiling; };
/// struct living_income_result { money income_from_crop, cost_of_production, revenue_needed;
///   quantity<mass> production; money reference_price_per_unit;
///   std::optional<money> price_gap_per_unit, income_at_actual_price, living_income_gap; findings
///   notes; };
/// living_income_result living_income_reference_price(const living_income_inputs&, const
/// reference_data&);
///
/// struct wage_rate { money amount; decimal hours = 1; std::string source; };   // amount per
/// `hours` hours wage_rate wage_rate_per_hour(money, std::string source); wage_rate
/// wage_rate_from_benchmark(const wage_key&, year_month_day as_of, const reference_data&,
///                                    std::optional<decimal> hours_per_period = {});
/// struct artisan_inputs { as_of; money materials_per_unit; decimal labour_minutes_per_unit;
///   wage_rate wage; decimal overhead_rate, margin_rate; scale; mode = ceiling; explain = true; };
/// struct artisan_price_result { money materials, labour, overhead, margin, cost, hourly_wage;
///   bool components_exact; money fair_price_per_unit; int scale; rounding_mode mode; findings
///   notes; };
/// artisan_price_result artisan_fair_price(const artisan_inputs&, const reference_data&);
/// struct implied_earnings_result { money per_hour; bool meets_wage; money wage_per_hour; findings
/// notes; }; implied_earnings_result implied_hourly_earnings(const artisan_inputs&, const money&
/// price, const reference_data&);
///
/// struct price_assessment { bool is_fair; money fair_price, price_paid, shortfall; findings notes;
/// }; price_assessment assess_price_paid(const money& fair_price_per_unit, const money&
/// price_paid_per_unit);
///
/// struct price_chain_inputs { as_of; money producer_price, export_price; std::string export_basis
/// = "FOB";
///   money landed_cost; decimal wholesale_markup, retail_markup, vat_rate;
///   std::vector<fx_rate> exchange_rates; scale; mode = half_up; int share_scale = 4;
///   rounding_mode share_mode = half_even; bool explain = true; };
/// struct price_chain_result { money producer_price, export_price, landed_cost, wholesale_price,
///   retail_price_net, vat, retail_price;                  // all in the landed cost's currency,
///   rounded decimal producer_share_of_retail, producer_share_of_landed_cost,
///   producer_share_of_export_price; findings notes; };
/// price_chain_result price_chain(const price_chain_inputs&, const reference_data&);
///
/// class fairtrade_pricer {                                // batch form: resolve once, price many
///   fairtrade_pricer(fairtrade_query, const reference_data&);
///   fairtrade_price_result price(const std::optional<money>& market, bool organic) const;
///   const fairtrade_price_record& record() const noexcept;
/// };
///
/// // A consignment line's `producer` block -> the report's `fair_price` section
/// struct fairtrade_terms { std::string product; money market_price; std::string market_price_unit
/// = "lb";
///                          bool organic; std::string region = "all", quality = "standard"; };
/// struct artisan_terms { decimal materials_per_unit, labour_minutes_per_unit, hourly_wage,
///                        overhead_rate, margin_rate; };
/// struct producer_price_line { as_of; currency_code currency; std::string quantity_unit;
///   decimal price_paid_per_unit; std::optional<fairtrade_terms> fairtrade;
///   std::optional<artisan_terms> artisan; std::vector<fx_rate> exchange_rates;
///   std::optional<money> landed_cost_per_unit; rounding_mode mode = ceiling; int share_scale = 4;
///   };
/// struct fair_price_check { money fair_price_per_unit, price_paid_per_unit, shortfall_per_unit;
///   bool is_fair; std::optional<decimal> producer_share; findings notes; };
/// fair_price_check check_producer_price(const producer_price_line&, const reference_data&);
/// @endcode
///
/// Results name their findings `notes`: a member called `findings` would change the meaning of
/// the type name `findings` inside the struct (ill-formed, [basic.scope.class]).
///
/// Definitions (every figure is exact until the one rounding at the end):
/// - Fairtrade price, in the record's currency and unit: max(market, minimum) + premium
///   (+ organic differential when `organic` and the record has one). The market price binds only
///   when it is strictly higher than the minimum. A record without a minimum (premium only) makes
///   the market price binding. The result in the requested currency and unit is
///   price x fx x factor(per_unit) / factor(record unit), rounded once to `scale` (default: the
///   currency's ISO 4217 minor units on `as_of`) with `mode` (default `ceiling`: the fair price is
///   a floor, and rounding a floor down would accept a payment below it). Market prices quoted in
///   another unit or currency are converted with exact unit factors (1 lb = 0.45359237 kg) and the
///   caller's exchange rates (multiplied, or divided for a rate quoted the other way); the
///   comparison with the minimum is exact even when the converted price has no finite decimal
///   expansion (a price per 46 kg quintal in USD/lb).
/// - Contract: fair value = exact fair price x volume; premium (and organic differential) due =
///   per record unit x volume in record units, converted; each rounded once to the answer
///   currency's minor units with `mode`. The contract price is compared with the rounded fair
///   price per unit. Pre-finance = min(requested share, the caller's maximum share) x contract
///   value (fair value without a contract price), rounded down (never above the share).
/// - Region: the record for the requested region, else the record for region "all" (a finding
///   says so). No record: [fairport.data.301].
/// - Artisan fair price (WFTO Principle 4 "Fair Payment"; Fair Trade Federation fair-wage
///   approach): labour = minutes / 60 x hourly wage; cost = (materials + labour) x (1 +
///   overhead_rate), i.e. overhead is a share of materials plus labour; fair price = cost x (1 +
///   margin_rate), i.e. the margin is a share of the cost including overhead. Rounded once to
///   `scale` (default: minor units) with `mode` (default `ceiling`).
/// - Implied hourly earnings of a price P: (P / ((1 + overhead_rate)(1 + margin_rate)) -
///   materials) x 60 / minutes, the inverse of the build-up (with both rates zero, the Fair Wage
///   Guide's (price - materials) / hours). Rounded with `floor` to scale + 2 places; the
///   comparison with the wage is exact.
/// - Living-income reference price (Fairtrade LIRP model): (living income benchmark x crop income
///   share + cost per hectare x viable area + cost per farm) / (sustainable yield per hectare x
///   viable area), per `per_unit`, rounded once.
/// - Price chain: wholesale = landed cost x (1 + wholesale_markup); retail net = wholesale x (1 +
///   retail_markup); VAT = retail net x vat_rate; retail = retail net + VAT. Producer and export
///   prices are converted to the landed cost's currency with the caller's rate. Every stage is
///   shown rounded to the currency's minor units with `mode`; every later stage and every share is
///   computed from the exact values. Shares: producer price / retail price (incl. VAT), / landed
///   cost, / export price, each rounded to `share_scale` places with `share_mode`; inputs that
///   would make a share exceed 1 (producer price above export price, export price above landed
///   cost) are rejected.
///
/// Errors: [fairport.input.105] an as-of date that is not a calendar date; [fairport.input.106] a
/// negative price, rate, share or quantity, a zero labour time, yield or area, a missing input
/// the computation needs; [fairport.input.107] a line quantity unit that is not a mass unit for a
/// Fairtrade product (check_producer_price); [fairport.arithmetic.203] amounts that must share a
/// currency do not;
/// [fairport.arithmetic.204] a record unit that is not a mass unit; [fairport.data.301] no
/// Fairtrade record, wage benchmark or exchange rate for the request; [fairport.arithmetic.201]
/// overflow of 38 digits.
///
/// Thread safety: pure functions of their arguments; reference_data is immutable.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/currency.hpp"
#include "fairport/data/exchange_rates.hpp"
#include "fairport/data/fair_prices.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "fairport/money.hpp"
#include "fairport/provenance.hpp"
#include "fairport/quantity.hpp"
#include "fairport/rate.hpp"
#include "fairport/verdict.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace detail {

/// An exact fraction of two decimals with a positive denominator, so that conversions that divide
/// (by 0.45359237, by 46, by an exchange rate) stay exact until the one final rounding.
struct fraction {
  decimal num;
  decimal den{1};

  static fraction of(const decimal& d) { return fraction{d, decimal(1)}; }
  bool is_whole() const noexcept { return den.coefficient() == 1 && den.scale() == 0; }
  fraction times(const decimal& k) const { return fraction{num * k, den}; }
  fraction over(const decimal& k) const { return fraction{num, den * k}; }
  friend fraction operator+(const fraction& a, const fraction& b) {
    if (identical(a.den, b.den)) return fraction{a.num + b.num, a.den};
    if (b.is_whole()) return fraction{a.num + b.num * a.den, a.den};
    if (a.is_whole()) return fraction{a.num * b.den + b.num, b.den};
    return fraction{a.num * b.den + b.num * a.den, a.den * b.den};
  }
  friend fraction operator-(const fraction& a, const fraction& b) {
    return a + fraction{-b.num, b.den};
  }
  friend int compare(const fraction& a, const fraction& b) {
    if (identical(a.den, b.den)) return compare(a.num, b.num);
    return compare(a.num * b.den, b.num * a.den);
  }
  int signum() const noexcept { return num.signum(); }
  /// Rounded once to `scale` places.
  decimal round(int scale, rounding_mode mode) const {
    if (is_whole()) return num.round(scale, mode);
    return divide(num, den, scale, mode);
  }
  /// The exact value when it has a finite decimal expansion (of at most 38 places), else nullopt.
  /// num / den terminates iff the part of den's coefficient free of 2s and 5s divides num's.
  std::optional<decimal> exact() const {
    if (is_whole()) return num;
    return exact_divide(num, den);
  }

  /// `d` without trailing zeros beyond `min_scale` places (8.8600 -> 8.86 with min_scale 2).
  static decimal trim_zeros(const decimal& d, int min_scale) {
    if (d.scale() <= min_scale) return d;
    const auto c = d.coefficient();
    if (c >= -static_cast<int128>(INT64_MAX) && c <= static_cast<int128>(INT64_MAX)) {
      std::int64_t v = static_cast<std::int64_t>(c);
      int sc = d.scale();
      while (sc > min_scale && v % 10 == 0) v /= 10, --sc;
      return decimal::from_parts(v, sc);
    }
    const decimal n = d.normalized();
    return n.scale() >= min_scale ? n : n.with_scale(min_scale);
  }
};

/// Places shown for an intermediate figure that has no finite decimal expansion.
inline constexpr int intermediate_scale = 8;

/// An intermediate figure for display: exact when finite (and at most 38 places), otherwise
/// rounded to 8 places half-even. `exact` tells which.
decimal shown(const fraction& f, bool* exact = nullptr);

/// `d` without trailing zeros beyond `min_scale` places (8.8600 -> 8.86 with min_scale 2).
decimal trim(const decimal& d, int min_scale);

std::string fmt_money(const decimal& d, currency_code c);

void require_non_negative(const decimal& d, const char* what);
void require_positive(const decimal& d, const char* what);
void require_date(const date::year_month_day& d, const char* what);
void require_same_currency(const money& a, const money& b, const char* a_name, const char* b_name);

/// The factor that converts an amount in `from` to `to` on `as_of`, with the rate the one rate
/// rule picks (select_rate: the latest of the caller's rates dated on or before `as_of`, direct or
/// inverse, else `builtin` when given): a rate from->to multiplies, a rate to->from divides. Same
/// currency: 1. `used` receives the rate.
/// @throws no_valid_record [fairport.data.301] when there is no rate.
fraction fx_factor(currency_code from, currency_code to, const date::year_month_day& as_of,
                   const std::vector<fx_rate>& rates, const fx_rate_table* builtin,
                   const fx_rate** used = nullptr);

fraction operator*(const fraction& a, const fraction& b);

std::string describe_fx(const fx_rate* r, currency_code from, currency_code to);

}  // namespace detail

/// Which of the two prices set the Fairtrade price.
enum class binding_price : unsigned char {
  market,   ///< the market price was strictly higher than the Fairtrade Minimum Price
  minimum,  ///< the Fairtrade Minimum Price was higher than or equal to the market price
};

/// "market" or "minimum".
constexpr std::string_view to_string(binding_price b) noexcept {
  return b == binding_price::market ? "market" : "minimum";
}

/// One Fairtrade price question: a product on a date, a market price, the unit and currency the
/// answer is wanted in.
struct fairtrade_query {
  /// Product, region ("all" for the worldwide price), certification, quality.
  fairtrade_price_key key{"", "all", "fairtrade", "standard"};
  /// Contract date: picks the dated record.
  date::year_month_day as_of{};
  /// Certified organic: the organic differential is added where the record has one.
  bool organic = false;
  /// Market price per `market_price_unit`, in any currency (converted with `exchange_rates`).
  std::optional<money> market_price;
  /// The unit the market price is quoted per.
  unit<mass> market_price_unit = units::pound;
  /// The unit of the answer; default: the record's unit.
  std::optional<unit<mass>> per_unit;
  /// The currency of the answer; default: the record's currency.
  std::optional<currency_code> currency;
  /// Every exchange rate a conversion may need (either direction of a pair is accepted).
  std::vector<fx_rate> exchange_rates;
  /// Without a given rate for a pair, use the built-in customs rate of the month (select_rate).
  bool builtin_rates = false;
  /// The price basis the caller trades on ("FOB", "FCA"); empty: whatever the record says.
  std::string basis;
  /// Places of the answer; default: the answer currency's ISO 4217 minor units on `as_of`.
  std::optional<int> scale;
  /// Rounding of the answer (default ceiling: never below the exact fair price).
  rounding_mode mode = rounding_mode::ceiling;
  /// False: figures only, no findings and no provenance copy (batch use).
  bool explain = true;
};

/// The Fairtrade price, built up step by step.
struct fairtrade_price_result {
  fairtrade_price_key key;       ///< key of the record used (empty when explain is false)
  bool region_fallback = false;  ///< true when the "all" record stood in for the region asked
  std::string basis;             ///< the record's price basis ("FOB"); empty when explain is false
  unit<mass> record_unit = units::pound;  ///< unit of the record's prices
  currency_code record_currency;          ///< currency of the record's prices
  std::optional<money> minimum_price;     ///< per record unit, from the record
  std::optional<money> market_price;      ///< converted to record currency and unit
  bool market_price_exact = true;  ///< false: market_price is rounded to 8 places for display
  binding_price binding = binding_price::minimum;    ///< which price set the Fairtrade price
  money binding_margin{decimal(), currency_code()};  ///< binding minus the other (0 without both)
  money premium{decimal(), currency_code()};         ///< Fairtrade Premium per record unit
  money organic_differential{decimal(), currency_code()};   ///< per record unit; 0 if not added
  money price_per_record_unit{decimal(), currency_code()};  ///< binding + premium + organic
  money fair_price_per_unit{decimal(), currency_code()};    ///< in the answer's currency and unit
  money floor_per_unit{decimal(), currency_code()};  ///< minimum + premium + organic, same terms
  unit<mass> per_unit = units::pound;                ///< unit of the answer
  int scale = 2;                                     ///< places of the answer
  rounding_mode mode = rounding_mode::ceiling;       ///< rounding of the answer
  provenance source;                                 ///< the record (empty when explain is false)
  findings notes;                                    ///< every step, with figures and references
};

namespace detail {

const fairtrade_price_record& find_fairtrade_record(const fairtrade_query& q,
                                                    const reference_data& data, bool* fallback);

/// The exact Fairtrade figures, in record terms, and the factor to the answer's terms.
struct fairtrade_core {
  fraction market;  // record currency per record unit (if a market price was given)
  bool has_market = false;
  fraction binding;    // max(market, minimum)
  fraction total;      // binding + premium + organic
  fraction floor;      // minimum + premium + organic (or premium + organic without minimum)
  fraction to_answer;  // record terms -> answer terms
  const fx_rate* market_fx = nullptr;
  const fx_rate* answer_fx = nullptr;
};

}  // namespace detail

namespace detail {
/// What a query resolves to before any market price is looked at: the record, units, currencies,
/// places and the factor from record terms to answer terms.
struct fairtrade_setup {
  const fairtrade_price_record* record = nullptr;
  bool fallback = false;
  unit<mass> record_unit = units::pound;
  unit<mass> out_unit = units::pound;
  currency_code rc, oc;
  int scale = 2;
  fraction to_answer;
  bool identity_answer = false;  // same currency and unit: to_answer is 1
  const fx_rate* answer_fx = nullptr;
  const fx_rate_table* builtin = nullptr;  // the built-in rates, when the query allows them
  decimal floor_answer[2];  // (minimum + premium [+ organic]) in answer terms, rounded
};

/// The record's unit, with the common spellings first (the general parser is a table scan).
unit<mass> record_mass_unit(const std::string& u);

fairtrade_setup resolve_fairtrade(const fairtrade_query& q, const reference_data& data);

fairtrade_price_result fairtrade_price_impl(const fairtrade_query& q, const fairtrade_setup& st,
                                            const std::optional<money>& market_price,
                                            bool is_organic, bool explain, fairtrade_core& c);
}  // namespace detail

/// The Fairtrade price for `q` (see the file comment for the rule and the rounding).
/// @throws see the file comment.
fairtrade_price_result fairtrade_price(const fairtrade_query& q, const reference_data& data);

/// A Fairtrade price question resolved once (record, units, currencies, places, answer
/// conversion) and then answered for many market prices: the batch form of fairtrade_price().
/// Results carry figures only (no findings, no provenance copy), exactly as fairtrade_price()
/// with `explain = false` gives them.
/// Keeps a pointer to the record inside `data`: `data` must outlive the pricer.
class fairtrade_pricer {
 public:
  /// Resolves `q` (its market_price, organic and explain fields are ignored here).
  /// @throws as fairtrade_price().
  fairtrade_pricer(fairtrade_query q, const reference_data& data);
  /// The price for one market price (per the query's market_price_unit, any currency for which
  /// the query has a rate), conventional or organic.
  /// @throws input_error [fairport.input.106] for a negative market price; data_error
  ///         [fairport.data.301] for a currency without a rate.
  fairtrade_price_result price(const std::optional<money>& market_price, bool organic) const;
  /// The record every answer uses.
  const fairtrade_price_record& record() const noexcept { return *setup_.record; }

 private:
  fairtrade_query q_;
  detail::fairtrade_setup setup_;
};

// ------------------------------------------------------------------------------------------------
// Contract view

/// A Fairtrade contract: the price question, the volume, and optionally the agreed price and a
/// pre-finance request.
struct fairtrade_contract {
  fairtrade_query price;                         ///< the per-unit price question
  quantity<mass> volume;                         ///< contract volume
  std::optional<money> contract_price_per_unit;  ///< agreed price, answer currency per answer unit
  std::optional<decimal> prefinance_requested_share;  ///< share of the contract value requested
  std::optional<decimal>
      prefinance_max_share;          ///< the share the applicable standard allows (input)
  std::string prefinance_reference;  ///< where that maximum comes from
};

/// The contract, priced.
struct fairtrade_contract_result {
  fairtrade_price_result price;                   ///< the per-unit price
  quantity<mass> volume;                          ///< as given
  money fair_value{decimal(), currency_code()};   ///< exact fair price x volume, rounded once
  money premium_due{decimal(), currency_code()};  ///< premium x volume, answer currency
  std::optional<money> organic_differential_due;  ///< organic differential x volume
  std::optional<money> contract_value;            ///< contract price x volume
  std::optional<money> difference_per_unit;       ///< contract price - fair price per unit
  std::optional<money> difference_total;          ///< contract value - fair value
  std::optional<bool> contract_meets_fair_price;  ///< contract price >= fair price per unit
  std::optional<decimal> prefinance_share;        ///< min(requested, maximum)
  std::optional<money> prefinance;  ///< share x contract (or fair) value, rounded down
  findings notes;                   ///< every step
};

/// Prices a Fairtrade contract: fair value, premium due, the difference between the contract price
/// and the fair price, and pre-finance on request, up to the caller's maximum share.
/// @throws as fairtrade_price(); [fairport.input.106] for a negative volume or share, or a
///         pre-finance request without a maximum share; [fairport.arithmetic.203] a contract price
///         in another currency than the answer's.
fairtrade_contract_result fairtrade_contract_view(const fairtrade_contract& k,
                                                  const reference_data& data);

// ------------------------------------------------------------------------------------------------
// Living-income reference price

/// The inputs of a living-income reference price (Fairtrade LIRP model), all visible so that an
/// analyst can vary each one.
struct living_income_inputs {
  date::year_month_day as_of{};                               ///< for the currency's minor units
  money living_income_benchmark{decimal(), currency_code()};  ///< household, per year
  decimal crop_income_share{1};  ///< share of the benchmark the crop must earn
  money cost_per_hectare{decimal(), currency_code()};  ///< sustainable production, per ha per year
  money cost_per_farm{decimal(), currency_code()};     ///< fixed costs per farm per year
  decimal viable_area_hectares;                        ///< viable crop area of the farm
  quantity<mass> sustainable_yield_per_hectare;        ///< per ha per year
  unit<mass> per_unit = units::kilogram;               ///< unit of the reference price
  std::optional<money> actual_price_per_unit;          ///< price now received, for the gaps
  std::string source;                                  ///< where the inputs come from
  std::optional<int> scale;                            ///< default: the currency's minor units
  rounding_mode mode = rounding_mode::ceiling;         ///< rounding of the reference price
};

/// Every step of a living-income reference price.
struct living_income_result {
  money income_from_crop{decimal(), currency_code()};          ///< benchmark x crop share
  money cost_of_production{decimal(), currency_code()};        ///< per ha x area + per farm
  money revenue_needed{decimal(), currency_code()};            ///< income + cost
  quantity<mass> production;                                   ///< yield x area
  money reference_price_per_unit{decimal(), currency_code()};  ///< revenue / production, rounded
  std::optional<money> price_gap_per_unit;                     ///< reference price - actual price
  std::optional<money> income_at_actual_price;  ///< actual price x production - cost (exact)
  std::optional<money> living_income_gap;       ///< income from crop - income at actual price
  findings notes;                               ///< every step
};

/// The living-income reference price: (benchmark x crop share + cost per ha x area + cost per
/// farm) / (yield per ha x area), per `per_unit`, rounded once.
/// @throws input_error [fairport.input.106] for a negative amount, a share outside [0, 1], a zero
///         area or yield; arithmetic_error [fairport.arithmetic.203] for mixed currencies.
living_income_result living_income_reference_price(const living_income_inputs& in,
                                                   const reference_data& data);

// ------------------------------------------------------------------------------------------------
// Wages and the artisan cost-based fair price

/// A wage: `amount` per `hours` hours (1 for an hourly wage), with where it comes from. A monthly
/// benchmark keeps its monthly amount and its hours, so the hourly figure stays exact.
struct wage_rate {
  money amount{decimal(), currency_code()};  ///< paid per `hours` hours
  decimal hours{1};                          ///< hours the amount pays for
  std::string source;                        ///< benchmark record or "caller"
};

/// An hourly wage given by the caller.
wage_rate wage_rate_per_hour(money per_hour,
                             std::string source = "hourly wage given by the caller");

/// A wage from the benchmark table (`living_wage`, `minimum_wage`) valid on `as_of`. An hourly
/// benchmark is used as is; a monthly one is divided by the hours per month the record states,
/// or else by `hours_per_period`; a daily one by `hours_per_period` (hours a day); a yearly one
/// by `hours_per_period` (hours a year).
/// @throws no_valid_record [fairport.data.301] when there is no benchmark;
///         input_error [fairport.input.106] when the hours are needed but neither the record nor
///         the caller gives them, or are not positive.
wage_rate wage_rate_from_benchmark(const wage_key& key, const date::year_month_day& as_of,
                                   const reference_data& data,
                                   std::optional<decimal> hours_per_period = {});

/// The cost build-up of a handmade product (see the file comment for the formula).
struct artisan_inputs {
  date::year_month_day as_of{};                          ///< for the currency's minor units
  money materials_per_unit{decimal(), currency_code()};  ///< materials for one unit
  decimal labour_minutes_per_unit;                       ///< working time for one unit, minutes
  wage_rate wage;                                        ///< the fair (local living) wage
  decimal overhead_rate;                                 ///< share of materials + labour
  decimal margin_rate;                                   ///< share of the cost including overhead
  std::optional<int> scale;                              ///< default: the currency's minor units
  rounding_mode mode = rounding_mode::ceiling;           ///< rounding of the fair price
  bool explain = true;                                   ///< false: figures only, no findings
};

/// The artisan fair price and its components.
struct artisan_price_result {
  money materials{decimal(), currency_code()};    ///< per unit
  money labour{decimal(), currency_code()};       ///< minutes / 60 x wage
  money overhead{decimal(), currency_code()};     ///< (materials + labour) x overhead_rate
  money cost{decimal(), currency_code()};         ///< materials + labour + overhead
  money margin{decimal(), currency_code()};       ///< cost x margin_rate
  money hourly_wage{decimal(), currency_code()};  ///< amount / hours
  bool components_exact = true;  ///< false: components shown rounded to 8 places (half_even)
  money fair_price_per_unit{decimal(), currency_code()};  ///< rounded once
  int scale = 2;                                          ///< places of the fair price
  rounding_mode mode = rounding_mode::ceiling;            ///< rounding of the fair price
  findings notes;                                         ///< every step
};

namespace detail {
void check_artisan(const artisan_inputs& in);
/// (1 + overhead)(1 + margin), exact.
decimal markup_factor(const artisan_inputs& in);
}  // namespace detail

/// The artisan fair price: (materials + minutes / 60 x wage) x (1 + overhead_rate) x (1 +
/// margin_rate), rounded once. References: WFTO Fair Trade Standard, Principle 4 (Fair Payment:
/// fair price, fair wage, local living wage); Fair Trade Federation fair-wage approach.
/// @throws input_error [fairport.input.106] for negative inputs or non-positive wage hours;
///         arithmetic_error [fairport.arithmetic.203] when materials and wage differ in currency.
artisan_price_result artisan_fair_price(const artisan_inputs& in, const reference_data& data);

/// What a price implies the maker earns an hour.
struct implied_earnings_result {
  money per_hour{decimal(), currency_code()};       ///< rounded down to minor units + 2 places
  money wage_per_hour{decimal(), currency_code()};  ///< the fair wage, shown
  bool meets_wage = false;                          ///< exact comparison
  findings notes;                                   ///< the computation
};

/// The hourly earnings a price per unit implies: (price / ((1 + overhead)(1 + margin)) -
/// materials) x 60 / minutes (with both rates zero, the Fair Wage Guide's (price - materials) /
/// hours). May be negative when the price does not even cover materials, overhead and margin.
/// @throws as artisan_fair_price(); [fairport.input.106] for zero minutes;
///         [fairport.arithmetic.203] for a price in another currency.
implied_earnings_result implied_hourly_earnings(const artisan_inputs& in,
                                                const money& price_per_unit,
                                                const reference_data& data);

// ------------------------------------------------------------------------------------------------
// Is a price paid fair?

/// A price paid measured against the fair price.
struct price_assessment {
  bool is_fair = false;                          ///< paid >= fair
  money fair_price{decimal(), currency_code()};  ///< per unit
  money price_paid{decimal(), currency_code()};  ///< per unit
  money shortfall{decimal(), currency_code()};   ///< max(0, fair - paid) per unit
  findings notes;                                ///< the comparison
};

/// Whether `paid` reaches `fair` (both per unit, same currency), and the shortfall per unit.
/// @throws arithmetic_error [fairport.arithmetic.203] for different currencies;
///         input_error [fairport.input.106] for a negative amount.
price_assessment assess_price_paid(const money& fair, const money& paid);

// ------------------------------------------------------------------------------------------------
// Price chain

/// From producer to shelf, per unit.
struct price_chain_inputs {
  date::year_month_day as_of{};                      ///< for minor units
  money producer_price{decimal(), currency_code()};  ///< paid to the producer
  money export_price{decimal(), currency_code()};    ///< FOB / FCA price
  std::string export_basis = "FOB";                  ///< the export price's basis
  money landed_cost{decimal(), currency_code()};     ///< landed cost (defines the chain currency)
  decimal wholesale_markup;                          ///< on the landed cost
  decimal retail_markup;                             ///< on the wholesale price
  decimal vat_rate;                                  ///< destination VAT, a fraction
  std::vector<fx_rate> exchange_rates;               ///< to convert into the landed currency
  bool builtin_rates = false;  ///< without a given rate, the built-in customs rate (select_rate)
  std::optional<int> scale;    ///< stages; default: minor units
  rounding_mode mode = rounding_mode::half_up;          ///< rounding of the stages shown
  int share_scale = 4;                                  ///< places of the shares
  rounding_mode share_mode = rounding_mode::half_even;  ///< rounding of the shares
  bool explain = true;                                  ///< false: figures only
};

/// The chain, in the landed cost's currency, and the producer's shares.
struct price_chain_result {
  money producer_price{decimal(), currency_code()};    ///< converted, rounded
  money export_price{decimal(), currency_code()};      ///< converted, rounded
  money landed_cost{decimal(), currency_code()};       ///< as given, rounded
  money wholesale_price{decimal(), currency_code()};   ///< landed x (1 + wholesale markup)
  money retail_price_net{decimal(), currency_code()};  ///< wholesale x (1 + retail markup)
  money vat{decimal(), currency_code()};               ///< retail net x VAT rate
  money retail_price{decimal(), currency_code()};      ///< retail net + VAT
  decimal producer_share_of_retail;                    ///< producer / retail (incl. VAT)
  decimal producer_share_of_landed_cost;               ///< producer / landed cost
  decimal producer_share_of_export_price;              ///< producer / export price
  findings notes;                                      ///< every stage
};

/// The price chain (see the file comment).
/// @throws input_error [fairport.input.106] for negative amounts or rates, a zero landed cost, a
///         producer price above the export price or an export price above the landed cost;
///         data_error [fairport.data.301] for a missing exchange rate.
price_chain_result price_chain(const price_chain_inputs& in, const reference_data& data);

// ------------------------------------------------------------------------------------------------
// A consignment line's producer price

/// The `producer.fairtrade` block of a consignment line.
struct fairtrade_terms {
  std::string product;                             ///< e.g. "coffee_arabica_washed"
  money market_price{decimal(), currency_code()};  ///< per market_price_unit
  std::string market_price_unit = "lb";            ///< a mass unit symbol
  bool organic = false;                            ///< certified organic
  std::string region = "all";                      ///< Fairtrade region
  std::string quality = "standard";                ///< Fairtrade quality
  /// When the contract was signed: the Fairtrade prices of that day apply (Fairtrade announces
  /// each new Minimum Price and Premium for contracts signed on or after its date); nullopt:
  /// the line's as_of, with the warning fair.fairtrade.contract_date_missing.
  std::optional<date::year_month_day> contract_date;
};

/// The `producer.artisan` block of a consignment line (amounts in the line's currency).
struct artisan_terms {
  decimal materials_per_unit;       ///< per unit of the line quantity
  decimal labour_minutes_per_unit;  ///< minutes per unit
  decimal hourly_wage;              ///< fair hourly wage
  decimal overhead_rate;            ///< share of materials + labour
  decimal margin_rate;              ///< share of the cost including overhead
};

/// A consignment line's `producer` block, with what the line says about currency and unit.
struct producer_price_line {
  date::year_month_day as_of{};              ///< the consignment's as_of
  currency_code currency;                    ///< the invoice currency
  std::string quantity_unit;                 ///< the line quantity's unit ("piece", "kg")
  decimal price_paid_per_unit;               ///< in `currency` per quantity unit
  /// The Fairtrade Premium paid per unit, when declared apart: then the price paid is judged
  /// against the price without the premium, and the premium against the premium due.
  std::optional<decimal> premium_paid_per_unit;
  std::optional<fairtrade_terms> fairtrade;  ///< exactly one of fairtrade / artisan
  std::optional<artisan_terms> artisan;      ///< exactly one of fairtrade / artisan
  std::vector<fx_rate> exchange_rates;       ///< for market price and landed cost currencies
  bool builtin_rates =
      true;  ///< without a given rate, the built-in customs rate, as the landed cost
  std::optional<money> landed_cost_per_unit;    ///< for the producer share, any currency
  rounding_mode mode = rounding_mode::ceiling;  ///< rounding of the fair price
  int share_scale = 4;                          ///< places of the producer share (half_even)
};

/// The report's `fair_price` section for one line.
struct fair_price_check {
  money fair_price_per_unit{decimal(), currency_code()};  ///< rounded to minor units
  money price_paid_per_unit{decimal(), currency_code()};  ///< as given
  money shortfall_per_unit{decimal(), currency_code()};   ///< max(0, fair - paid)
  bool is_fair = false;  ///< paid >= fair (and the premium paid in full, when declared apart)
  std::optional<decimal> producer_share;  ///< paid / landed cost per unit (same currency after fx)
  /// Fairtrade lines: the price due without the premium (max(minimum, market) + organic
  /// differential) and the Fairtrade Premium due, per unit, each rounded once as the fair price
  /// (in the producer's favour, so the two may exceed it by a minor unit).
  std::optional<money> price_due_per_unit;
  std::optional<money> premium_due_per_unit;
  /// When the premium paid is declared apart: it, its shortfall (max(0, due - paid)) and whether
  /// it was paid in full; the price's own shortfall is then `shortfall_per_unit`.
  std::optional<money> premium_paid_per_unit;
  std::optional<money> premium_shortfall_per_unit;
  std::optional<bool> premium_paid_in_full;
  findings notes;                         ///< how the fair price was found, and the verdict
};

/// The fair-price check of one consignment line: the Fairtrade price (per the line's quantity
/// unit, which must then be a mass unit) or the artisan cost build-up, in the invoice currency,
/// rounded once to its minor units; whether the price paid reaches it; and the producer's share of
/// the landed cost per unit when that is given.
/// @throws input_error [fairport.input.106] when neither or both of fairtrade / artisan are given,
///         [fairport.input.107] for an unknown unit or a line unit that is not a mass unit for a
///         Fairtrade product; otherwise as fairtrade_price() and artisan_fair_price().
fair_price_check check_producer_price(const producer_price_line& line, const reference_data& data);

FAIRPORT_END_NAMESPACE
