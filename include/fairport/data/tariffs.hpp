#pragma once
/// @file data/tariffs.hpp
/// EU Common Customs Tariff third-country (erga omnes) duties by CN code range and date, from the
/// dataset `eu_cct_erga_omnes`, as structured duty expressions.
///
/// Synopsis
/// @code
/// struct specific_duty { decimal amount; currency_code currency; std::string per; };  // per "100kg", "piece", ...
/// struct duty_expression {
///   std::optional<decimal> ad_valorem;           // fraction of the customs value
///   std::optional<specific_duty> specific;       // amount per unit of quantity
///   std::optional<specific_duty> minimum;        // "MIN 2.5 EUR/100 kg"
///   std::optional<specific_duty> maximum;        // "MAX 24 EUR/100 kg"
///   std::optional<decimal> maximum_ad_valorem;   // "MAX 12 %"
///   bool modelled;                               // false: the CN text has a component fairport does not compute
///   std::string text;                            // the duty as printed in the CN
/// };
/// struct tariff_record { std::string from, through; duty_expression duty; provenance source; };
/// class tariff_table {
///   const tariff_record* find(tariff_code, date::year_month_day as_of) const noexcept;
///   const tariff_record& at(tariff_code, date::year_month_day as_of) const;   // 301
/// };
/// @endcode
/// A code is looked up as the range of all 10-digit codes it stands for ("5704" = 5704000000 to
/// 5704999999); the narrowest record whose range holds that whole range wins. A code whose
/// sub-codes carry different rates (a heading given where the CN splits it) has no single record:
/// `find` returns nullptr and `at` says so.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/currency.hpp"
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
  /// Adds a record. @throws data_error [fairport.data.302] if an identical range overlaps in time.
  void add(const validity_interval& validity, tariff_record r) {
    for (const auto& e : entries_) {
      if (e.second.from == r.from && e.second.through == r.through && e.first.overlaps(validity)) {
        detail::throw_error(errc::overlapping_validity,
                            "tariff range " + r.from + "-" + r.through + " has overlapping records " +
                                e.second.source.pointer + " and " + r.source.pointer);
      }
    }
    entries_.emplace_back(validity, std::move(r));
  }

  /// The narrowest record whose range holds every code that `code` stands for, valid on `as_of`;
  /// nullptr when there is none or the code's sub-codes have different records.
  const tariff_record* find(const tariff_code& code, const date::year_month_day& as_of) const noexcept {
    std::string lo(code.digits()), hi(code.digits());
    lo.resize(10, '0');
    hi.resize(10, '9');
    const tariff_record* best = nullptr;
    for (const auto& e : entries_) {
      const auto& r = e.second;
      if (!e.first.contains(as_of)) continue;
      if (r.from <= lo && hi <= r.through) {
        if (best == nullptr || width_less(r, *best)) best = &r;
      }
    }
    if (best == nullptr) return nullptr;
    // A narrower record inside the code's range would make the answer depend on the sub-code.
    for (const auto& e : entries_) {
      const auto& r = e.second;
      if (&r == best || !e.first.contains(as_of)) continue;
      if (r.through >= lo && r.from <= hi && width_less(r, *best)) return nullptr;
    }
    return best;
  }

  /// As find(). @throws no_valid_record [fairport.data.301] naming the code and date.
  const tariff_record& at(const tariff_code& code, const date::year_month_day& as_of) const {
    if (const auto* r = find(code, as_of)) return *r;
    detail::throw_error(errc::no_valid_record,
                        "no single third-country duty for CN " + code.to_string() + " valid on " +
                            format_date(as_of) +
                            " (code not covered, or its sub-codes have different duties)");
  }

  /// Every record with its validity, in insertion (file) order.
  const std::vector<std::pair<validity_interval, tariff_record>>& records() const noexcept {
    return entries_;
  }
  std::size_t record_count() const noexcept { return entries_.size(); }

 private:
  static bool width_less(const tariff_record& a, const tariff_record& b) noexcept {
    // Ranges are 10-digit strings; compare widths as numbers.
    const auto width = [](const tariff_record& r) {
      return std::stoull(r.through) - std::stoull(r.from);
    };
    return width(a) < width(b);
  }

  std::vector<std::pair<validity_interval, tariff_record>> entries_;
};

FAIRPORT_END_NAMESPACE
