#pragma once
/// @file data/tariffs.hpp
/// EU Common Customs Tariff third-country (erga omnes) duties by CN code range and date, from the
/// dataset `eu_cct_erga_omnes`, as structured duty expressions.
///
/// Synopsis
/// @code
/// struct specific_duty { decimal amount; currency_code currency; std::string per; };  // per
/// "100kg", "piece", ... struct duty_expression {
///   std::optional<decimal> ad_valorem;           // fraction of the customs value
///   std::optional<specific_duty> specific;       // amount per unit of quantity
///   std::optional<specific_duty> minimum;        // "MIN 2.5 EUR/100 kg"
///   std::optional<specific_duty> maximum;        // "MAX 24 EUR/100 kg"
///   std::optional<decimal> maximum_ad_valorem;   // "MAX 12 %"
///   bool modelled;                               // false: the CN text has a component fairport
///   does not compute std::string text;                            // the duty as printed in the CN
/// };
/// struct tariff_record { std::string from, through; duty_expression duty; provenance source; };
/// class tariff_table {
///   cn_lookup lookup(tariff_code, date::year_month_day as_of) const noexcept;   // found / none / depends
///   const tariff_record* find(tariff_code, date::year_month_day as_of) const noexcept;
///   const tariff_record& at(tariff_code, date::year_month_day as_of) const;   // 301
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
  std::string per;  ///< unit: "kg", "100kg", "tonne", "piece", "pair", "litre", "hl", "m2"
};

/// A duty as the tariff states it.
struct duty_expression {
  std::optional<decimal> ad_valorem;          ///< fraction of the customs value
  std::optional<specific_duty> specific;      ///< per unit of quantity
  std::optional<specific_duty> minimum;       ///< lower bound of the whole duty
  std::optional<specific_duty> maximum;       ///< upper bound of the whole duty, specific
  std::optional<decimal> maximum_ad_valorem;  ///< upper bound of the whole duty, ad valorem
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

  /// As find(). @throws no_valid_record [fairport.data.301] naming the code and date, and saying
  /// whether the code is not in the data or needs more digits.
  const tariff_record& at(const tariff_code& code, const date::year_month_day& as_of) const;

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
