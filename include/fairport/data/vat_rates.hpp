#pragma once
/// @file data/vat_rates.hpp
/// EU member states' VAT rates by category and date, from the dataset `eu_vat_rates`.
///
/// Synopsis
/// @code
/// struct vat_rate_record { country_code country; std::string category; decimal rate; provenance
/// source; }; class vat_table {
///   const vat_rate_record& at(country_code, std::string_view category, date::year_month_day as_of)
///   const; // 301 const vat_rate_record* try_at(country_code, std::string_view category,
///   date::year_month_day) const noexcept; const vat_rate_record& standard(country_code,
///   date::year_month_day as_of) const;   // category "standard"
/// };
/// @endcode
/// Rates are fractions (0.19 = 19 %). Categories (closed list): the bands "standard", "reduced"
/// (the lower or only reduced rate of at least 5 %), "reduced_2" (a second, higher reduced rate),
/// "super_reduced" (below 5 %), "parking"; and the goods categories "foodstuffs" (the rate for
/// most foodstuffs, VAT Directive Annex III point 1) and "works_of_art_import" (Art. 94(3) and
/// Annex III point 26; Art. 103 before 6 April 2022), given
/// only where the dataset could confirm them. Which goods a band covers is national law, given
/// by the dataset eu_vat_goods_rates (data/vat_goods_rates.hpp); select_vat_rate() in
/// landed_cost/valuation.hpp is the one rule that picks a line's rate.

#include <string>
#include <vector>
#include <string_view>
#include <utility>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/decimal.hpp"
#include "fairport/detail/dated_index.hpp"
#include "fairport/error.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// One VAT rate of one member state for one category during one period.
struct vat_rate_record {
  country_code country;
  std::string category;  ///< "standard", "foodstuffs", ...
  decimal rate;          ///< a fraction: 0.19 is 19 %
  provenance source;
};

/// VAT rates by (country, category) and date. Immutable once built; safe to share.
class vat_table
    : public detail::dated_table<std::pair<country_code, std::string>, vat_rate_record> {
 public:
  /// Adds a record. @throws data_error [fairport.data.302] when it overlaps another of its key.
  void add(const validity_interval& validity, vat_rate_record r);

  /// The record valid on `as_of`, or nullptr.
  const vat_rate_record* try_at(country_code country, std::string_view category,
                                const date::year_month_day& as_of) const noexcept;

  /// The record valid on `as_of`. @throws no_valid_record [fairport.data.301]
  const vat_rate_record& at(country_code country, std::string_view category,
                            const date::year_month_day& as_of) const;

  /// The standard rate valid on `as_of`. @throws no_valid_record [fairport.data.301]
  const vat_rate_record& standard(country_code country, const date::year_month_day& as_of) const;

  /// Every category with a record, of any member state on any date; sorted.
  std::vector<std::string> categories() const;
  /// The categories `country` has a rate for on `as_of`; sorted.
  std::vector<std::string> categories(country_code country, const date::year_month_day& as_of) const;
};

FAIRPORT_END_NAMESPACE
