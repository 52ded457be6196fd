#pragma once
/// @file money.hpp
/// Money: an exact decimal amount in one ISO 4217 currency, and cent-exact allocation.
///
/// Synopsis
/// @code
/// class money {
///   explicit money(decimal amount, currency_code currency) noexcept;
///   const decimal& amount() const noexcept; currency_code currency() const noexcept;
///   money round(int scale, rounding_mode) const;
///   money round_to_minor_units(const currency_table&, year_month_day as_of, rounding_mode) const;
///   + - += -= (same currency; otherwise [fairport.arithmetic.203]), unary -
///   money * decimal, decimal * money (exact)
///   == != (different currencies compare unequal), < <= > >= (different currencies throw 203)
///   std::string to_string() const;    // "2400.00 USD"
/// };
/// money divide(const money&, const decimal& divisor, int scale, rounding_mode);
/// std::vector<money> allocate(const money& total, const std::vector<decimal>& weights, int scale);
/// void allocate_into(const money& total, const decimal* weights, std::size_t n, int scale, money* out);
/// @endcode
///
/// Allocation is by largest remainder: every share is first rounded toward zero to `scale`
/// places, then the units of 10^-scale still missing go one each to the shares with the largest
/// remainders (ties: larger weight first, then lower index). The shares add up to the total
/// exactly, each is within one unit of its exact value, and a zero weight gets zero.
#include <algorithm>
#include <cstddef>
#include <numeric>
#include <ostream>
#include <string>
#include <vector>

#include "fairport/currency.hpp"
#include "fairport/decimal.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// An exact amount of money in one currency.
class money {
 public:
  /// Zero of no currency is not money: there is no default constructor.
  explicit money(decimal amount, currency_code currency) noexcept
      : amount_(amount), currency_(currency) {}

  const decimal& amount() const noexcept { return amount_; }
  currency_code currency() const noexcept { return currency_; }

  /// Rounded to `scale` places with `mode`.
  money round(int scale, rounding_mode mode) const {
    return money(amount_.round(scale, mode), currency_);
  }
  /// Rounded to the currency's minor units on `as_of` (from the table).
  money round_to_minor_units(const currency_table& table, const date::year_month_day& as_of,
                             rounding_mode mode) const {
    return round(table.minor_units(currency_, as_of), mode);
  }

  money& operator+=(const money& o) {
    check_same(o, "+");
    amount_ += o.amount_;
    return *this;
  }
  money& operator-=(const money& o) {
    check_same(o, "-");
    amount_ -= o.amount_;
    return *this;
  }
  friend money operator+(money a, const money& b) { return a += b; }
  friend money operator-(money a, const money& b) { return a -= b; }
  money operator-() const { return money(-amount_, currency_); }
  friend money operator*(const money& m, const decimal& d) {
    return money(m.amount_ * d, m.currency_);
  }
  friend money operator*(const decimal& d, const money& m) { return m * d; }

  friend bool operator==(const money& a, const money& b) noexcept {
    return a.currency_ == b.currency_ && a.amount_ == b.amount_;
  }
  friend bool operator!=(const money& a, const money& b) noexcept { return !(a == b); }
  friend bool operator<(const money& a, const money& b) {
    a.check_same(b, "<");
    return a.amount_ < b.amount_;
  }
  friend bool operator>(const money& a, const money& b) { return b < a; }
  friend bool operator<=(const money& a, const money& b) { return !(b < a); }
  friend bool operator>=(const money& a, const money& b) { return !(a < b); }

  /// "2400.00 USD"
  std::string to_string() const { return amount_.to_string() + " " + currency_.to_string(); }
  friend std::ostream& operator<<(std::ostream& os, const money& m) { return os << m.to_string(); }

 private:
  void check_same(const money& o, const char* op) const {
    if (currency_ != o.currency_) {
      detail::throw_error(errc::currency_mismatch, "cannot combine " + to_string() + " " + op +
                                                       " " + o.to_string() +
                                                       ": amounts are in different currencies");
    }
  }

  decimal amount_;
  currency_code currency_;
};

/// `m / divisor`, rounded once to `scale` places. @throws arithmetic_error 202 on zero.
inline money divide(const money& m, const decimal& divisor, int scale, rounding_mode mode) {
  return money(divide(m.amount(), divisor, scale, mode), m.currency());
}

/// Largest-remainder allocation of `total` over `n` weights into `out` (n elements).
/// @throws input_error [fairport.input.106] for negative weights, all-zero weights, or n == 0;
///         arithmetic_error [fairport.arithmetic.205] if `total` has more than `scale` places.
inline void allocate_into(const money& total, const decimal* weights, std::size_t n, int scale,
                          money* out) {
  if (n == 0) detail::throw_error(errc::invalid_argument, "allocate: no weights");
  decimal sum;
  for (std::size_t i = 0; i < n; ++i) {
    if (weights[i].is_negative()) {
      detail::throw_error(errc::invalid_argument,
                          "allocate: weight " + std::to_string(i) + " is negative (" +
                              weights[i].to_string() + ")");
    }
    sum += weights[i];
  }
  if (sum.is_zero()) detail::throw_error(errc::invalid_argument, "allocate: all weights are zero");
  const decimal t = total.amount().with_scale(std::max(total.amount().scale(), scale));
  if (t.scale() > scale) {
    detail::throw_error(errc::inexact, "allocate: total " + total.to_string() + " has more than " +
                                           std::to_string(scale) + " decimal places");
  }
  // Work on the absolute value; shares take the total's sign.
  const bool negative = t.is_negative();
  const decimal abs_total = t.abs();
  const decimal unit = decimal::from_parts(1, scale);
  struct rem {
    decimal remainder;
    std::size_t index;
  };
  std::vector<rem> rems;
  rems.reserve(n);
  decimal given;
  std::vector<decimal> shares(n);
  for (std::size_t i = 0; i < n; ++i) {
    // exact share = abs_total * w / sum; floor to `scale` places, remainder at 38 - digits kept
    const decimal floored = divide(abs_total * weights[i], sum, scale, rounding_mode::down);
    shares[i] = floored;
    given += floored;
    // remainder comparison: abs_total*w - floored*sum (exact, same denominator for all)
    rems.push_back({abs_total * weights[i] - floored * sum, i});
  }
  decimal left = abs_total - given;  // a whole number of units, fewer than n
  std::sort(rems.begin(), rems.end(), [weights](const rem& a, const rem& b) {
    if (a.remainder != b.remainder) return a.remainder > b.remainder;
    if (weights[a.index] != weights[b.index]) return weights[a.index] > weights[b.index];
    return a.index < b.index;
  });
  for (std::size_t k = 0; k < rems.size() && left.signum() > 0; ++k) {
    if (weights[rems[k].index].is_zero()) continue;
    shares[rems[k].index] += unit;
    left -= unit;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const decimal s = shares[i].round(scale, rounding_mode::down);  // normalise the scale
    out[i] = money(negative ? -s : s, total.currency());
  }
}

/// Largest-remainder allocation of `total` over `weights` (see allocate_into).
inline std::vector<money> allocate(const money& total, const std::vector<decimal>& weights,
                                   int scale) {
  std::vector<money> out(weights.size(), money(decimal(), total.currency()));
  allocate_into(total, weights.data(), weights.size(), scale, out.data());
  return out;
}

FAIRPORT_END_NAMESPACE
