#pragma once
/// @file data/tariffs.hpp
/// EU Common Customs Tariff third-country (erga omnes) duties by CN code range and date, from the
/// dataset `eu_cct_erga_omnes`, as structured duty expressions.
///
/// Synopsis
/// @code
/// struct specific_duty { decimal amount; currency_code currency; std::string per; };  // per
///                                                  // "100kg", "piece", "1000piece", "100kg_gross"
/// struct duty_bound {                               // a MIN or MAX branch with its own parts:
///   std::optional<decimal> ad_valorem;             //   "18.7 %"
///   std::optional<specific_duty> specific;         //   "+ 10.06 EUR/100 kg"
///   std::optional<specific_duty> deduction;        //   "- 7 EUR/100 kg"
/// };
/// struct duty_expression {
///   std::optional<decimal> ad_valorem;           // fraction of the customs value
///   std::optional<specific_duty> specific;       // amount per unit of quantity
///   std::optional<duty_bound> minimum;           // "MIN 2.5 EUR/100 kg"
///   std::optional<duty_bound> maximum;           // "MAX 12 %", "MAX 18.7 % + 10.06 EUR/100 kg"
///   bool modelled;                               // false: a component fairport does not compute
///   std::string text;                            // the duty as printed in the CN
/// };
/// struct tariff_record { std::string from, through; duty_expression duty; provenance source; };
/// class tariff_table {
///   cn_lookup lookup(tariff_code, date::year_month_day as_of) const noexcept;   // found / none / depends
///   const tariff_record* find(tariff_code, date::year_month_day as_of) const noexcept;
///   const tariff_record& at(tariff_code, date::year_month_day as_of) const;   // 301
///   std::string no_record_text(tariff_code, date::year_month_day as_of) const; // why, what to do
/// };
/// @endcode
/// A code is looked up by cn_range_index, the one narrowest-range rule: the narrowest record
/// holding every 10-digit code the code stands for; a code whose sub-codes carry different rates
/// (a heading given where the CN splits it) has no single record: `find` returns nullptr and `at`
/// says so.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/currency.hpp"
#include "fairport/data/cn_range_index.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// An amount of money per unit of quantity: 3.20 EUR per 100kg.
struct specific_duty {
  decimal amount;
  currency_code currency;
  std::string per;  ///< unit: "kg", "100kg", "tonne", "piece", "1000piece", "litre", "hl", "m2"
  bool gross_mass = false;  ///< per unit of gross mass ("EUR/100 kg/br"), else net for mass units
};

/// A MIN or MAX branch of a duty expression, with its own components: ad valorem, plus a specific
/// amount, minus a deduction ("MAX 18.7 % + 10.06 EUR/100 kg", "MAX 15 EUR/dtn - 7 EUR/dtn").
/// Each amount is positive: the deduction is the only subtraction.
struct duty_bound {
  std::optional<decimal> ad_valorem;
  std::optional<specific_duty> specific;
  std::optional<specific_duty> deduction;

  duty_bound() = default;
  /// A specific-only bound: "MIN 3 EUR/100 kg".
  duty_bound(specific_duty s) : specific(std::move(s)) {}  // NOLINT(google-explicit-constructor)
  /// An ad-valorem-only bound: "MAX 12 %".
  static duty_bound of_ad_valorem(decimal fraction) {
    duty_bound b;
    b.ad_valorem = std::move(fraction);
    return b;
  }
};

/// A duty as the tariff states it.
struct duty_expression {
  std::optional<decimal> ad_valorem;      ///< fraction of the customs value
  std::optional<specific_duty> specific;  ///< per unit of quantity
  std::optional<duty_bound> minimum;      ///< lower bound of the whole duty
  std::optional<duty_bound> maximum;      ///< upper bound of the whole duty
  bool modelled = true;  ///< false when the tariff has a component fairport does not compute
  std::string text;      ///< as printed in the tariff, e.g. "9 % + 24,2 EUR/100 kg/net MAX 12 %"

  /// True for a duty of 0 % with no specific part.
  bool is_free() const noexcept {
    return modelled && ad_valorem && ad_valorem->is_zero() && !specific && !minimum;
  }
};

/// The duty for one CN code range during one period.
struct tariff_record {
  std::string from;     ///< first 10-digit code of the range
  std::string through;  ///< last 10-digit code of the range
  duty_expression duty;
  provenance source;
};

/// Third-country duties by CN range and date. Immutable once built; safe to share.
class tariff_table {
 public:
  /// Adds a record.
  /// @throws data_error [fairport.data.302] if a record of the same range overlaps it in time,
  ///         [fairport.data.315] if its range crosses another one's (ranges must nest).
  void add(const validity_interval& validity, tariff_record r);

  /// The narrowest record holding every code `code` stands for, valid on `as_of`
  /// (cn_range_index): found (the id indexes records()), none, or depends_on_subcode.
  cn_lookup lookup(const tariff_code& code, const date::year_month_day& as_of) const noexcept;

  /// The record lookup() found, or nullptr (none, or the code's sub-codes differ).
  const tariff_record* find(const tariff_code& code,
                            const date::year_month_day& as_of) const noexcept;

  /// As find(). @throws no_valid_record [fairport.data.301] with no_record_text().
  const tariff_record& at(const tariff_code& code, const date::year_month_day& as_of) const;

  /// Why find() has no record for the code on the date, and what to do: give the 10-digit code
  /// (its sub-codes differ), or add the record (`fairport data import xi-tariff`, a user layer).
  /// The one wording of a missing duty, for errors and findings alike.
  std::string no_record_text(const tariff_code& code, const date::year_month_day& as_of) const;

  /// Every record with its validity, in insertion (file) order.
  const std::vector<std::pair<validity_interval, tariff_record>>& records() const noexcept {
    return entries_;
  }
  std::size_t record_count() const noexcept { return entries_.size(); }

 private:
  cn_range_index index_;
  std::vector<std::pair<validity_interval, tariff_record>> entries_;
};

FAIRPORT_END_NAMESPACE
