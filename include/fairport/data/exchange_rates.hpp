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
/// enum class rate_rule { customs_month, latest_on_date };
/// enum class rate_origin { given, builtin };
/// enum class rate_outcome { found, none, conflicting };
/// struct selected_rate { const fx_rate* rate; bool inverse; rate_origin origin; rate_outcome outcome;
///                        const fx_rate* other; bool published_before; };
/// selected_rate select_rate(currency_code from, currency_code to, year_month_day as_of, rate_rule,
///                           const std::vector<fx_rate>& given, const fx_rate_table* builtin);
/// date::year_month_day penultimate_wednesday(date::year_month);
/// std::string no_rate_message(currency_code from, currency_code to, year_month_day, rate_rule);
/// std::string rate_explanation(const selected_rate&, year_month_day as_of, rate_rule);
/// @endcode
///
/// The customs rule (rate_rule::customs_month), Implementing Regulation (EU) 2015/2447, Art. 146:
/// a value in another currency is converted at the customs rate of the month of the declaration;
/// that rate is the ECB's (the national authority's for a member state outside the euro area)
/// published on the penultimate Wednesday of the month before, or where none was published that
/// day the last one published before it, and it applies for the whole month. So for `as_of` in
/// month M the rule takes, direct (from -> to, multiplied) before inverse (to -> from, divided):
/// 1. a caller's rate of the month (rate_basis::month) dated the first day of M;
/// 2. else a caller's fixing (rate_basis::fixing) of the penultimate Wednesday of M-1, or the last
///    one given in the six days before it (`published_before`: the report says to check that none
///    was published on the Wednesday itself);
/// 3. else the built-in customs rate of M (the table holds each month's rate for that month);
/// 4. else none: a coded error naming the month and the pair (no_rate_message). A rate of another
///    month is never used, however close.
/// Two caller's rates that answer the same question with different figures are `conflicting`:
/// the caller reports an error naming both, and neither is used.
///
/// The rule for other conversions (rate_rule::latest_on_date, e.g. a producer price): the latest
/// of the caller's rates dated on or before `as_of`, direct before inverse, else the built-in rate
/// valid on `as_of`. A rate dated after `as_of` is never used.
/// The rate itself is never rounded; how a converted amount is rounded is the caller's rule.

#include <map>
#include <string>
#include <string_view>
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

/// Which rule picks the rate: the customs rate of the month (customs value, duty, VAT), or the
/// latest dated rate (conversions the customs law does not govern).
enum class rate_rule : unsigned char {
  customs_month,   ///< Implementing Regulation (EU) 2015/2447, Art. 146
  latest_on_date,  ///< the latest rate dated on or before the day
};

/// Whether select_rate() found one rate.
enum class rate_outcome : unsigned char {
  found,
  none,         ///< no rate answers: report no_rate_message()
  conflicting,  ///< two of the caller's rates answer with different figures: `rate` and `other`
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
  const fx_rate* rate = nullptr;  ///< null: no rate (or conflicting: the first of the two)
  bool inverse = false;           ///< the rate is to -> from: an amount is divided by it
  rate_origin origin = rate_origin::given;
  rate_outcome outcome = rate_outcome::none;
  const fx_rate* other = nullptr;  ///< conflicting: the second rate
  /// A fixing published before the penultimate Wednesday (Art. 146: none published that day).
  bool published_before = false;
  /// The caller gave the same rate twice (same pair, date and figure): harmless, and said.
  bool repeated = false;

  explicit operator bool() const noexcept { return outcome == rate_outcome::found; }
  /// `m` converted and rounded once to `scale` places under `mode`.
  money convert(const money& m, int scale, rounding_mode mode) const {
    return inverse ? rate->convert_to_base(m, scale, mode) : rate->convert(m, scale, mode);
  }
};

/// The rate for converting `from` into `to` on `as_of` by `rule` (the rules in the file comment).
/// `from == to` gives outcome none (no conversion is needed).
selected_rate select_rate(currency_code from, currency_code to, const date::year_month_day& as_of,
                          rate_rule rule, const std::vector<fx_rate>& given,
                          const fx_rate_table* builtin) noexcept;

/// How an amount goes from one currency into another: at one rate (direct or inverse), or,
/// between two currencies other than the euro without a rate of their own, through the euro
/// (from -> EUR -> to), each step rounded.
struct conversion_path {
  selected_rate first;   ///< the rate, or the rate to the euro
  selected_rate second;  ///< through the euro: the rate from the euro; else none
  /// found; none; or conflicting (then `first` is the conflicting answer).
  rate_outcome outcome = rate_outcome::none;

  explicit operator bool() const noexcept { return outcome == rate_outcome::found; }
  /// `m` converted, each step rounded to `scale` places under `mode`.
  money convert(const money& m, int scale, rounding_mode mode) const {
    const money once = first.convert(m, scale, mode);
    return second ? second.convert(once, scale, mode) : once;
  }
};

/// The conversion of `from` into `to` by `rule`: select_rate(from, to), else through the euro.
conversion_path select_conversion(currency_code from, currency_code to,
                                  const date::year_month_day& as_of, rate_rule rule,
                                  const std::vector<fx_rate>& given,
                                  const fx_rate_table* builtin) noexcept;

/// select_conversion(), or its error: input_error [fairport.input.106] naming two conflicting
/// rates (conflicting_rates_message), no_valid_record [fairport.data.301] when there is no rate
/// (no_rate_message).
conversion_path require_conversion(currency_code from, currency_code to,
                                   const date::year_month_day& as_of, rate_rule rule,
                                   const std::vector<fx_rate>& given,
                                   const fx_rate_table* builtin);

/// The penultimate Wednesday of `month` (Art. 146: the publication day of the next month's rate).
date::year_month_day penultimate_wednesday(date::year_month month) noexcept;

/// "March 2026".
std::string month_name(date::year_month month);

/// The message of a conversion without a rate, naming the pair, the month and what to give:
/// "no customs exchange rate USD->EUR for November 2026 (Implementing Regulation (EU) 2015/2447,
/// Art. 146: the rate published on the penultimate Wednesday of October 2026, 2026-10-21) ...".
std::string no_rate_message(currency_code from, currency_code to, const date::year_month_day& as_of,
                            rate_rule rule);

/// The message of two conflicting rates (outcome conflicting), naming both.
std::string conflicting_rates_message(const selected_rate& s);

/// How the selected rate was chosen, for a finding: "the customs rate of March 2026 (ECB
/// reference rate published on 2026-02-18, the penultimate Wednesday of February 2026)".
std::string rate_explanation(const selected_rate& s, const date::year_month_day& as_of,
                             rate_rule rule);

/// The legal reference of `rule`: "Regulation (EU) No 952/2013 (Union Customs Code), Art. 53;
/// Commission Implementing Regulation (EU) 2015/2447, Art. 146" for the customs rule.
std::string_view rate_rule_reference(rate_rule rule) noexcept;

FAIRPORT_END_NAMESPACE
