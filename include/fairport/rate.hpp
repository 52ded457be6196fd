#pragma once
/// @file rate.hpp
/// Ad valorem rates and dated, directed exchange rates.
///
/// Synopsis
/// @code
/// class ad_valorem_rate {
///   static ad_valorem_rate from_fraction(decimal);  static ad_valorem_rate from_percent(decimal);
///   decimal as_fraction() const; decimal as_percent() const;
///   money apply(const money&) const;                 // exact
/// };
/// enum class rate_basis { month, fixing };            // a customs rate of a month, or a day's fixing
/// std::optional<rate_basis> try_parse_rate_basis(std::string_view);   // "month", "fixing"
/// class fx_rate {                                    // 1 base = rate quote, effective on a date
///   fx_rate(currency_code base, currency_code quote, decimal rate, year_month_day date,
///           std::string source, rate_basis = rate_basis::month);  // month: dated the 1st
///   currency_code base() const; currency_code quote() const; const decimal& rate() const;
///   const year_month_day& date() const; const std::string& source() const;
///   rate_basis basis() const;
///   money convert(const money&, int scale, rounding_mode) const;   // base -> quote, rounded once
///   money convert_to_base(const money&, int scale, rounding_mode) const;  // quote -> base: m / rate
///   fx_rate inverse(int scale, rounding_mode) const;                // quote -> base
/// };
/// fx_rate cross(const fx_rate& a, const fx_rate& b, int scale, rounding_mode);  // a.base==b.base: a.quote -> b.quote
/// @endcode
/// Which rate a conversion uses is decided in one place, select_rate() in
/// data/exchange_rates.hpp, with the table of dated built-in rates.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "fairport/calendar.hpp"
#include "fairport/money.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A rate applied to a value: 0.08 (8 %).
class ad_valorem_rate {
 public:
  /// @throws input_error [fairport.input.106] for a negative rate.
  static ad_valorem_rate from_fraction(const decimal& fraction) {
    if (fraction.is_negative()) {
      detail::throw_error(errc::invalid_argument,
                          "an ad valorem rate cannot be negative: " + fraction.to_string());
    }
    return ad_valorem_rate(fraction);
  }
  /// 8 -> 0.08, exactly. @throws as from_fraction()
  static ad_valorem_rate from_percent(const decimal& percent) {
    return from_fraction(divide(percent, decimal(100), percent.scale() + 2, rounding_mode::down));
  }
  const decimal& as_fraction() const noexcept { return fraction_; }
  decimal as_percent() const { return fraction_ * decimal(100); }
  /// value x rate, exact (round it where a rule says so).
  money apply(const money& value) const { return value * fraction_; }

 private:
  explicit ad_valorem_rate(decimal f) noexcept : fraction_(f) {}
  decimal fraction_;
};

/// What the date of an exchange rate means.
enum class rate_basis : unsigned char {
  /// The customs rate of a calendar month, as a customs authority publishes it (Implementing
  /// Regulation (EU) 2015/2447, Art. 146): dated the first day of the month it applies to.
  month,
  /// A reference rate published on its date (an ECB fixing, a national bank's rate). For customs
  /// valuation it serves the month after, when it is the rate of the penultimate Wednesday.
  fixing,
};

/// "month" or "fixing".
constexpr std::string_view to_string(rate_basis b) noexcept {
  return b == rate_basis::month ? "month" : "fixing";
}

/// The basis named "month" or "fixing", else nullopt.
constexpr std::optional<rate_basis> try_parse_rate_basis(std::string_view s) noexcept {
  if (s == "month") return rate_basis::month;
  if (s == "fixing") return rate_basis::fixing;
  return std::nullopt;
}

/// A directed exchange rate: 1 unit of base = rate units of quote, effective on a date.
class fx_rate {
 public:
  /// @throws input_error [fairport.input.106] unless rate > 0 and base != quote, and unless a
  /// rate of the month is dated the first day of its month.
  fx_rate(currency_code base, currency_code quote, decimal rate, date::year_month_day date,
          std::string source, rate_basis basis = rate_basis::month)
      : base_(base), quote_(quote), rate_(rate), date_(date), source_(std::move(source)),
        basis_(basis) {
    if (basis == rate_basis::month && date.ok() && date.day() != date::day{1}) {
      detail::throw_error(errc::invalid_argument,
                          "the customs rate of a month " + base.to_string() + "->" +
                              quote.to_string() + " is dated the first day of the month it "
                              "applies to, got " + format_date(date) +
                              " (a rate published on a day is basis \"fixing\")");
    }
    if (rate.signum() <= 0) {
      detail::throw_error(errc::invalid_argument,
                          "exchange rate " + base.to_string() + "->" + quote.to_string() +
                              " must be positive, got " + rate.to_string());
    }
    if (base == quote) {
      detail::throw_error(errc::invalid_argument,
                          "exchange rate from " + base.to_string() + " to itself");
    }
  }

  currency_code base() const noexcept { return base_; }
  currency_code quote() const noexcept { return quote_; }
  const decimal& rate() const noexcept { return rate_; }
  const date::year_month_day& date() const noexcept { return date_; }
  const std::string& source() const noexcept { return source_; }
  rate_basis basis() const noexcept { return basis_; }

  /// `m` (in base) converted to quote and rounded once to `scale` places.
  /// @throws currency_mismatch [fairport.arithmetic.203] if `m` is not in the base currency.
  money convert(const money& m, int scale, rounding_mode mode) const {
    require_currency(m, base_, " with a ");
    return money(multiply(m.amount(), rate_, scale, mode), quote_);
  }

  /// `m` (in quote) converted to base: m / rate, rounded once to `scale` places. This is how a
  /// USD invoice is converted with a rate quoted as 1 EUR = x USD, without first rounding 1/x.
  /// @throws currency_mismatch [fairport.arithmetic.203] if `m` is not in the quote currency.
  money convert_to_base(const money& m, int scale, rounding_mode mode) const {
    require_currency(m, quote_, " back with a ");
    return money(divide(m.amount(), rate_, scale, mode), base_);
  }

  /// The reverse direction, 1 / rate rounded once to `scale` places.
  fx_rate inverse(int scale, rounding_mode mode) const {
    return fx_rate(quote_, base_, divide(decimal(1), rate_, scale, mode), date_,
                   "inverse of " + base_.to_string() + "->" + quote_.to_string() + " (" + source_ +
                       ")",
                   basis_);
  }

  /// "1 EUR = 1.0834 USD on 2026-03-01 (source)"
  std::string to_string() const {
    return "1 " + base_.to_string() + " = " + rate_.to_string() + " " + quote_.to_string() +
           " on " + format_date(date_) + (source_.empty() ? "" : " (" + source_ + ")");
  }

 private:
  void require_currency(const money& m, currency_code expected, const char* how) const {
    if (m.currency() != expected) {
      detail::throw_error(errc::currency_mismatch, "cannot convert " + m.to_string() + how +
                                                       base_.to_string() + "->" +
                                                       quote_.to_string() + " rate");
    }
  }

  currency_code base_, quote_;
  decimal rate_;
  date::year_month_day date_;
  std::string source_;
  rate_basis basis_ = rate_basis::month;
};

/// From two rates with the same base (EUR->USD, EUR->KGS), the rate a.quote -> b.quote
/// (USD->KGS) = b.rate / a.rate, rounded once. Dated on the later of the two dates.
/// @throws currency_mismatch [fairport.arithmetic.203] when the bases differ.
inline fx_rate cross(const fx_rate& a, const fx_rate& b, int scale, rounding_mode mode) {
  if (a.base() != b.base()) {
    detail::throw_error(errc::currency_mismatch, "cross rate needs a common base, got " +
                                                     a.base().to_string() + " and " +
                                                     b.base().to_string());
  }
  const bool b_later = date::sys_days{a.date()} < date::sys_days{b.date()};
  const auto when = b_later ? b.date() : a.date();
  return fx_rate(a.quote(), b.quote(), divide(b.rate(), a.rate(), scale, mode), when,
                 "cross of " + a.base().to_string() + "->" + a.quote().to_string() + " and " +
                     b.base().to_string() + "->" + b.quote().to_string(),
                 b_later ? b.basis() : a.basis());
}

FAIRPORT_END_NAMESPACE
