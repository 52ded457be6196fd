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
///   const tariff_record* find(tariff_code, date::year_month_day as_of) const noexcept;
///   const tariff_record& at(tariff_code, date::year_month_day as_of) const;   // 301
/// };
/// @endcode
/// A code is looked up as the range of all 10-digit codes it stands for ("5704" = 5704000000 to
/// 5704999999); the narrowest record whose range holds that whole range wins. A code whose
/// sub-codes carry different rates (a heading given where the CN splits it) has no single record:
/// `find` returns nullptr and `at` says so.

#include <cstddef>
#include <cstdint>
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
        detail::throw_error(errc::overlapping_validity, "tariff range " + r.from + "-" + r.through +
                                                            " has overlapping records " +
                                                            e.second.source.pointer + " and " +
                                                            r.source.pointer);
      }
    }
    ranges_.push_back(range{to_number(r.from), to_number(r.through)});
    entries_.emplace_back(validity, std::move(r));
  }

  /// The narrowest record whose range holds every code that `code` stands for, valid on `as_of`;
  /// nullptr when there is none or the code's sub-codes have different records.
  const tariff_record* find(const tariff_code& code,
                            const date::year_month_day& as_of) const noexcept {
    // The code as the range of 10-digit numbers it stands for: "5704" = 5704000000..5704999999.
    std::uint64_t lo = 0;
    for (char c : code.digits()) lo = lo * 10 + static_cast<std::uint64_t>(c - '0');
    std::uint64_t hi = lo;
    for (std::size_t i = code.digits().size(); i < 10; ++i) {
      lo *= 10;
      hi = hi * 10 + 9;
    }
    std::size_t best = npos;
    for (std::size_t i = 0; i < ranges_.size(); ++i) {
      const auto& k = ranges_[i];
      if (k.from <= lo && hi <= k.through && entries_[i].first.contains(as_of)) {
        if (best == npos || k.width() < ranges_[best].width()) best = i;
      }
    }
    if (best == npos) return nullptr;
    // A narrower record inside the code's range would make the answer depend on the sub-code.
    for (std::size_t i = 0; i < ranges_.size(); ++i) {
      const auto& k = ranges_[i];
      if (i == best || k.through < lo || k.from > hi) continue;
      if (k.width() < ranges_[best].width() && entries_[i].first.contains(as_of)) return nullptr;
    }
    return &entries_[best].second;
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
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  /// A record's CN range as numbers, for lookups without string work.
  struct range {
    std::uint64_t from, through;
    std::uint64_t width() const noexcept { return through - from; }
  };
  static std::uint64_t to_number(const std::string& ten_digits) noexcept {
    std::uint64_t v = 0;
    for (char c : ten_digits) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    return v;
  }

  std::vector<range> ranges_;  ///< parallel to entries_
  std::vector<std::pair<validity_interval, tariff_record>> entries_;
};

FAIRPORT_END_NAMESPACE
