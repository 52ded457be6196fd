#pragma once
/// @file data/exchange_rates.hpp
/// Dated exchange rates (dataset `eu_customs_exchange_rates`, and the caller's own) and THE rule
/// that picks the rate of a conversion, used by the landed cost (consignment and batch), the
/// fair-price engine and the consignment check alike.
///
/// Synopsis
/// @code
/// class fx_rate_table {                                 // the built-in rates: 1 base = rate quote
///   void add(const validity_interval&, fx_rate);       // 302 on overlap
///   const fx_rate* try_at(currency_code base, currency_code quote, year_month_day) const noexcept;
///   const fx_rate& at(currency_code base, currency_code quote, year_month_day as_of) const;   // 301
/// };
/// enum class rate_origin { given, builtin };
/// struct selected_rate { const fx_rate* rate; bool inverse; rate_origin origin; };
/// selected_rate select_rate(currency_code from, currency_code to, year_month_day as_of,
///                           const std::vector<fx_rate>& given, const fx_rate_table* builtin);
/// @endcode
///
/// The rule (select_rate): to convert `from` into `to` on `as_of`,
/// 1. the caller's rates (`given`): of those dated on or before `as_of`, the latest direct one
///    (from -> to, multiplied), else the latest inverse one (to -> from, divided); a rate dated
///    after `as_of` is never used;
/// 2. else, when `builtin` is given, the built-in customs rate valid on `as_of` (the table holds
///    each month's rate with its validity, Implementing Regulation (EU) 2015/2447, Art. 146),
///    direct or inverse;
/// 3. else no rate: the caller reports [fairport.data.301], and no rate is ever guessed.
/// The rate itself is never rounded; how a converted amount is rounded is the caller's rule.

#include <map>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/currency.hpp"
#include "fairport/rate.hpp"
#include "fairport/timeline.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Exchange rates by (base, quote) and date. Immutable once built; safe to share.
class fx_rate_table {
 public:
  /// @throws data_error [fairport.data.302] on overlapping validity for the same pair.
  void add(const validity_interval& validity, fx_rate r);
  /// The rate of the pair valid on `as_of`, or nullptr.
  const fx_rate* try_at(currency_code base, currency_code quote,
                        const date::year_month_day& as_of) const noexcept;
  /// @throws no_valid_record [fairport.data.301] "no EUR->KGS exchange rate valid on 2026-03-16"
  const fx_rate& at(currency_code base, currency_code quote, const date::year_month_day& as_of) const;
  /// Number of currency pairs.
  std::size_t pair_count() const noexcept { return series_.size(); }

 private:
  std::map<std::pair<currency_code, currency_code>, timeline<fx_rate>> series_;
};

/// Where a selected rate came from.
enum class rate_origin : unsigned char {
  given,    ///< the caller's (a consignment's exchange_rates, a rates file)
  builtin,  ///< the built-in customs rate of the month
};

/// "given" or "builtin".
constexpr std::string_view to_string(rate_origin o) noexcept {
  return o == rate_origin::given ? "given" : "builtin";
}

/// The answer of select_rate(): the rate, and whether it is quoted the other way.
struct selected_rate {
  const fx_rate* rate = nullptr;  ///< null: no rate
  bool inverse = false;           ///< the rate is to -> from: an amount is divided by it
  rate_origin origin = rate_origin::given;

  explicit operator bool() const noexcept { return rate != nullptr; }
  /// `m` converted and rounded once to `scale` places under `mode`.
  money convert(const money& m, int scale, rounding_mode mode) const {
    return inverse ? rate->convert_to_base(m, scale, mode) : rate->convert(m, scale, mode);
  }
};

/// The rate for converting `from` into `to` on `as_of` (the rule in the file comment); a null
/// rate when there is none. `from == to` also gives a null rate (no conversion).
selected_rate select_rate(currency_code from, currency_code to, const date::year_month_day& as_of,
                          const std::vector<fx_rate>& given,
                          const fx_rate_table* builtin) noexcept;

FAIRPORT_END_NAMESPACE
