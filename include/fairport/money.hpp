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
///   std::string to_string() const;    // "USD 2400.00" (EU style: code first)
/// };
/// money divide(const money&, const decimal& divisor, int scale, rounding_mode);
/// std::vector<money> allocate(const money& total, const std::vector<decimal>& weights, int scale);
/// void allocate_into(const money& total, const decimal* weights, std::size_t n, int scale, money*
/// out);
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

  /// "USD 2400.00": the ISO code, a space, the amount with its own scale (EU Interinstitutional
  /// Style Guide). The one money text; money_text() in text.hpp is the same.
  std::string to_string() const { return currency_.to_string() + " " + amount_.to_string(); }
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
money divide(const money& m, const decimal& divisor, int scale, rounding_mode mode);

/// Largest-remainder allocation of `total` over `n` weights into `out` (n elements).
/// @throws input_error [fairport.input.106] for negative weights, all-zero weights, or n == 0;
///         arithmetic_error [fairport.arithmetic.205] if `total` has more than `scale` places.
void allocate_into(const money& total, const decimal* weights, std::size_t n, int scale,
                   money* out);

/// Largest-remainder allocation of `total` over `weights` (see allocate_into).
std::vector<money> allocate(const money& total, const std::vector<decimal>& weights, int scale);

FAIRPORT_END_NAMESPACE
