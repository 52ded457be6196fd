#pragma once
/// @file data/fair_prices.hpp
/// Fairtrade Minimum Prices and Premiums (dataset `fairtrade_minimum_prices`) and living-wage,
/// living-income and minimum-wage benchmarks (dataset `living_wage_benchmarks`), by key and date.
///
/// Synopsis
/// @code
/// struct fairtrade_price_key { std::string product, region, certification, quality; };
/// struct fairtrade_price_record {
///   fairtrade_price_key key; std::string basis;       // "FOB", "FCA", "EXW", "farm gate"
///   std::string unit; currency_code currency;         // "lb", "kg", "tonne", "quintal46kg"
///   std::optional<decimal> minimum_price;             // none when only a premium is set
///   decimal premium; std::optional<decimal> organic_differential; provenance source;
/// };
/// class fairtrade_price_table { const fairtrade_price_record& at(const fairtrade_price_key&,
/// as_of) const; ... }; struct wage_key { country_code country; std::string region, kind; };  //
/// kind: living_wage, minimum_wage, living_income struct wage_record { wage_key key; decimal
/// amount; currency_code currency; std::string per;
///                      std::string household; std::optional<decimal> hours_per_month; provenance
///                      source; };
/// class wage_table { const wage_record& at(const wage_key&, as_of) const; ... };
/// @endcode

#include <optional>
#include <string>
#include <tuple>
#include <utility>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/currency.hpp"
#include "fairport/decimal.hpp"
#include "fairport/detail/dated_index.hpp"
#include "fairport/error.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Identifies one Fairtrade price series.
struct fairtrade_price_key {
  std::string product;        ///< e.g. "coffee_arabica_washed"
  std::string region;         ///< "all" or the region the standard names
  std::string certification;  ///< "fairtrade"
  std::string quality;        ///< "standard" or the grade the standard names

  friend bool operator<(const fairtrade_price_key& a, const fairtrade_price_key& b) noexcept;
  std::string to_string() const {
    return product + "/" + region + "/" + certification + "/" + quality;
  }
};

/// A Fairtrade Minimum Price and Premium valid during one period.
struct fairtrade_price_record {
  fairtrade_price_key key;
  std::string basis;  ///< price basis: "FOB", "FCA", "EXW", ...
  std::string unit;   ///< "lb", "kg", "tonne", "quintal46kg"
  currency_code currency;
  std::optional<decimal> minimum_price;         ///< per unit; none when only a premium is set
  decimal premium;                              ///< per unit
  std::optional<decimal> organic_differential;  ///< per unit, for certified organic
  provenance source;
};

/// Fairtrade prices by key and date. Immutable once built; safe to share.
class fairtrade_price_table
    : public detail::dated_table<fairtrade_price_key, fairtrade_price_record> {
 public:
  /// @throws data_error [fairport.data.302] when the record overlaps another of its key.
  void add(const validity_interval& validity, fairtrade_price_record r);
  const fairtrade_price_record* try_at(const fairtrade_price_key& key,
                                       const date::year_month_day& as_of) const noexcept;
  /// @throws no_valid_record [fairport.data.301]
  const fairtrade_price_record& at(const fairtrade_price_key& key,
                                   const date::year_month_day& as_of) const;
};

/// Identifies one wage or income benchmark series.
struct wage_key {
  country_code country;
  std::string region;  ///< "national", "rural", "urban", or a named region
  std::string kind;    ///< "living_wage", "minimum_wage", "living_income", "subsistence_minimum"

  friend bool operator<(const wage_key& a, const wage_key& b) noexcept;
  std::string to_string() const { return country.to_string() + "/" + region + "/" + kind; }
};

/// A wage or income benchmark valid during one period.
struct wage_record {
  wage_key key;
  decimal amount;
  currency_code currency;
  std::string per;                         ///< "hour", "month", "year"
  std::string household;                   ///< who the benchmark is for (living income), or empty
  std::optional<decimal> hours_per_month;  ///< as the source states it, if it does
  provenance source;
};

/// Wage benchmarks by key and date. Immutable once built; safe to share.
class wage_table : public detail::dated_table<wage_key, wage_record> {
 public:
  /// @throws data_error [fairport.data.302] when the record overlaps another of its key.
  void add(const validity_interval& validity, wage_record r);
  const wage_record* try_at(const wage_key& key, const date::year_month_day& as_of) const noexcept;
  /// @throws no_valid_record [fairport.data.301]
  const wage_record& at(const wage_key& key, const date::year_month_day& as_of) const;
};

FAIRPORT_END_NAMESPACE
