#pragma once
/// @file decimal.hpp
/// Exact decimal numbers for money, rates, quantities and prices.
///
/// Synopsis
/// @code
/// using int128 = __int128;                            // from fairport/detail/int128.hpp
/// enum class rounding_mode { up, down, ceiling, floor, half_up, half_down, half_even, zero_five_up };
/// std::string_view to_string(rounding_mode);            // "half_even", "05up" for zero_five_up
/// rounding_mode parse_rounding_mode(std::string_view);  // throws [fairport.input.108]
///
/// class decimal {                      // value = coefficient * 10^-scale
///   static constexpr int max_digits = 38;   // |coefficient| <= 10^38 - 1
///   static constexpr int max_scale  = 38;   // 0 <= scale <= 38
///   constexpr decimal() noexcept;           // 0 (scale 0)
///   template <integral I> explicit decimal(I v) noexcept;   // exact, scale 0 (not bool or char types)
///   decimal(double) = delete; decimal(float) = delete; decimal(long double) = delete;
///   static decimal from_parts(int128 coefficient, int scale);  // throws 201 / 106
///   static decimal parse(std::string_view);                    // throws [fairport.input.101]
///   static std::optional<decimal> try_parse(std::string_view) noexcept;
///   static decimal from_double(double, int scale, rounding_mode);  // the only way from binary fp
///   int128 coefficient() const noexcept; int scale() const noexcept;
///   int signum() const noexcept; bool is_zero() const noexcept; bool is_negative() const noexcept;
///   int digits() const noexcept;                                // significant digits of coefficient (1 for 0)
///   std::string to_string() const;          // canonical plain: "-12.50", "0.000", never exponent
///   decimal round(int scale, rounding_mode) const;       // to `scale` places (may add zeros)
///   decimal round_significant(int digits, rounding_mode) const;
///   decimal with_scale(int scale) const;    // exact rescale; throws [fairport.arithmetic.205] if inexact
///   decimal normalized() const;             // trailing zeros removed (scale >= 0)
///   decimal abs() const; decimal operator-() const; decimal operator+() const;
///   decimal& operator+=(const decimal&); -=, *=                 // exact; throw 201 on overflow
///   friend decimal operator+(const decimal&, const decimal&); -, *  // exact: scale max(sa,sb) / sa+sb
///   friend bool operator==(...) ... >=                          // by value: 1.0 == 1.00
///   friend int compare(const decimal&, const decimal&) noexcept; // -1, 0, 1
///   friend bool identical(const decimal&, const decimal&) noexcept; // same coefficient and scale
///   std::int64_t to_int64() const;          // throws 205 if fractional, 201 if out of range
/// };
/// decimal divide(const decimal& a, const decimal& b, int scale, rounding_mode);        // 202 on b == 0
/// decimal divide_significant(const decimal& a, const decimal& b, int digits, rounding_mode);
/// decimal multiply(const decimal& a, const decimal& b, int scale, rounding_mode);      // a*b rounded once
/// decimal multiply_significant(const decimal& a, const decimal& b, int digits, rounding_mode);
/// std::ostream& operator<<(std::ostream&, const decimal&);
/// std::hash<fairport::decimal>  (equal values hash equal: 1.0 and 1.00)
/// namespace literals { decimal operator""_d(const char*); }   // 12.50_d, exact from the literal text
/// @endcode
///
/// Nothing rounds implicitly: + - * are exact or throw [fairport.arithmetic.201]; every reduction of
/// scale takes an explicit target and rounding mode. There is no NaN and no infinity.
///
/// Text syntax accepted by parse() (documented decisions):
///   [+|-] digits [ . digits ] [ (e|E) [+|-] digits ]
/// - at least one digit on each side of a decimal point: ".5" and "5." are rejected;
/// - no whitespace, no thousands separators, no NaN or Infinity;
/// - at most 38 significant digits (leading zeros are not significant, trailing zeros are);
/// - the scale (fraction digits minus exponent) must be at most 38; "1.0E-38" is rejected;
/// - a negative scale yields an integer at scale 0 if it fits ("1E+2" is 100, scale 0);
/// - "-0.00" is zero at scale 2: there is no negative zero.
///
/// Error codes: 101 invalid text, 106 a scale or digit count outside its domain, 108 unknown
/// rounding mode name, 201 overflow (more than 38 digits, or a scale beyond 38 where the
/// operation must be exact), 202 division by zero, 205 an exact operation would have to round.

#include <cstdint>
#include <cstring>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>


#include "fairport/config.hpp"
#include "fairport/detail/int128.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The eight rounding modes of the General Decimal Arithmetic specification.
/// `half_up` rounds ties away from zero; `zero_five_up` is the spec's ROUND_05UP.
enum class rounding_mode : unsigned char {
  up,            ///< away from zero
  down,          ///< toward zero (truncate)
  ceiling,       ///< toward +infinity
  floor,         ///< toward -infinity
  half_up,       ///< nearest; ties away from zero
  half_down,     ///< nearest; ties toward zero
  half_even,     ///< nearest; ties to even (banker's)
  zero_five_up,  ///< toward zero, unless that would leave 0 or 5 as the last digit: then away
};

/// The mode's name: "up", "down", "ceiling", "floor", "half_up", "half_down", "half_even",
/// "05up" (for zero_five_up).
constexpr std::string_view to_string(rounding_mode m) noexcept {
  switch (m) {
    case rounding_mode::up: return "up";
    case rounding_mode::down: return "down";
    case rounding_mode::ceiling: return "ceiling";
    case rounding_mode::floor: return "floor";
    case rounding_mode::half_up: return "half_up";
    case rounding_mode::half_down: return "half_down";
    case rounding_mode::half_even: return "half_even";
    case rounding_mode::zero_five_up: return "05up";
  }
  return "unknown";
}

/// Parses a rounding mode name as printed by to_string(rounding_mode); "zero_five_up" is also
/// accepted. Case-sensitive.
/// @throws input_error [fairport.input.108] for any other text.
rounding_mode parse_rounding_mode(std::string_view s);

class decimal;

namespace detail {


/// Whether dropping a remainder of class `c` from truncated quotient `q` (a magnitude) must
/// increment q under mode `m`; `negative` is the sign of the exact result.
template <class T>
constexpr bool round_increment(rounding_mode m, bool negative, const T& q,
                               remainder_class c) noexcept {
  if (c == remainder_class::exact) return false;
  switch (m) {
    case rounding_mode::up: return true;
    case rounding_mode::down: return false;
    case rounding_mode::ceiling: return !negative;
    case rounding_mode::floor: return negative;
    case rounding_mode::half_up: return c != remainder_class::below_half;
    case rounding_mode::half_down: return c == remainder_class::above_half;
    case rounding_mode::half_even:
      return c == remainder_class::above_half ||
             (c == remainder_class::half && static_cast<unsigned>(q & 1u) != 0);
    case rounding_mode::zero_five_up: {
      const unsigned d = static_cast<unsigned>(q % 10u);
      return d == 0 || d == 5;
    }
  }
  return false;
}

/// Branch-free round_increment for a 64-bit remainder r of a division by an even d (d = 10^k,
/// k >= 1): the remainder's position is data-dependent and would mispredict as a branch.
/// r < d <= 10^18, so r + 1 cannot wrap.
inline std::uint64_t round_increment_u64(rounding_mode m, bool negative, std::uint64_t q,
                                         std::uint64_t r, std::uint64_t d) noexcept {
  const std::uint64_t half = d >> 1;
  const unsigned nz = r != 0;
  const unsigned neg = negative;
  switch (m) {
    case rounding_mode::up: return nz;
    case rounding_mode::down: return 0;
    case rounding_mode::ceiling: return nz & (neg ^ 1u);
    case rounding_mode::floor: return nz & neg;
    case rounding_mode::half_up: return r >= half;
    case rounding_mode::half_down: return r > half;
    case rounding_mode::half_even: return r + (q & 1u) > half;  // r > half, or r == half and q odd
    case rounding_mode::zero_five_up: {
      const std::uint64_t last = q % 10u;
      return nz & static_cast<unsigned>((last == 0) | (last == 5));
    }
  }
  return 0;
}

/// The offset that makes every c with |c| < 2^61 a positive dividend below 2^63 for the
/// reciprocals of div_pow10_small: 4 * 10^18 is a multiple of every 10^k (k <= 18), and
/// 4 * 10^18 / 10^k is even, so the shifted quotient has the parity of floor(c / 10^k).
inline constexpr std::uint64_t floor_offset = 4000000000000000000ULL;

/// What round_floor_i64 needs for 10^k, in one 32-byte row: one base address and one cache
/// line per k instead of four tables.
struct alignas(32) pow10_round_entry {
  std::uint64_t m;         // pow10_reciprocals.m[k]
  std::uint64_t d;         // 10^k
  std::uint64_t offset_q;  // floor_offset / 10^k
  std::uint32_t shift;     // pow10_reciprocals.shift[k] - 64
};
struct pow10_round_table_t {
  pow10_round_entry e[19];
  constexpr pow10_round_table_t() : e() {
    for (int k = 1; k <= 18; ++k) {
      e[k].m = pow10_reciprocals.m[k];
      e[k].d = pow10_u64_table[k];
      e[k].offset_q = floor_offset / pow10_u64_table[k];
      e[k].shift = static_cast<std::uint32_t>(pow10_reciprocals.shift[k] - 64);
    }
  }
};
inline constexpr pow10_round_table_t pow10_round_table{};

/// -2^61 <= c < 2^61: the range of round_floor_i64.
constexpr bool fits_floor_offset(std::int64_t c) noexcept {
  return ((static_cast<std::uint64_t>(c) + (std::uint64_t(1) << 61)) >> 62) == 0;
}

/// c / 10^k rounded under m, for -2^61 <= c < 2^61, with the row t of 10^k (1 <= k <= 18).
/// Every mode is a floor division of c + b for a bias b in [0, 10^k) chosen by the mode and
/// the sign (ceiling: 10^k - 1; half_up: half, less one below zero so ties go away from zero;
/// ...), done on c + 4 * 10^18 + b, a positive number below 2^63, by one multiplication and one
/// shift. Only half_even needs the remainder (a tie was rounded up; an odd result steps back)
/// and 05up the truncated digit.
inline std::int64_t round_floor_i64(std::int64_t c, const pow10_round_entry& t, rounding_mode m) noexcept {
  const std::uint64_t d = t.d;
  const std::uint64_t half = d >> 1;
  const std::uint64_t neg = static_cast<std::uint64_t>(c) >> 63;  // 1 below zero
  const std::uint64_t x = static_cast<std::uint64_t>(c) + floor_offset;  // in (0, 2^63)
  const auto div = [&t](std::uint64_t y) {  // y / d for y < 2^63
    return static_cast<std::uint64_t>((static_cast<uint128>(y) * t.m) >> 64) >> t.shift;
  };
  const auto floor_plus = [&](std::uint64_t b) {  // floor((c + b) / d), b < d
    return static_cast<std::int64_t>(div(x + b) - t.offset_q);
  };
  switch (m) {
    case rounding_mode::floor: return floor_plus(0);
    case rounding_mode::ceiling: return floor_plus(d - 1);
    case rounding_mode::down: return floor_plus((d - 1) & (0 - neg));  // toward zero
    case rounding_mode::up: return floor_plus((d - 1) & (neg - 1));    // away from zero
    case rounding_mode::half_up: return floor_plus(half - neg);        // ties away from zero
    case rounding_mode::half_down: return floor_plus(half - 1 + neg);  // ties toward zero
    case rounding_mode::half_even: {
      const std::uint64_t y = x + half;
      const std::uint64_t q = div(y);
      const std::uint64_t tie = (y - q * d) == 0;  // exactly half: q is the upper neighbour
      // The offset quotient is even, so q's parity is the result's parity.
      return static_cast<std::int64_t>(q - (tie & q) - t.offset_q);
    }
    case rounding_mode::zero_five_up: {
      const std::uint64_t q = div(x);
      const std::int64_t f = static_cast<std::int64_t>(q - t.offset_q);  // floor(c / d)
      const unsigned nz = x != q * d;
      const std::int64_t tr = f + static_cast<std::int64_t>(nz & neg);  // truncated toward zero
      const std::uint64_t mag = static_cast<std::uint64_t>(tr < 0 ? -tr : tr);
      const bool bump = nz && (mag % 10u == 0 || mag % 10u == 5);
      return bump ? (neg ? tr - 1 : tr + 1) : tr;
    }
  }
  return floor_plus(0);
}

inline std::int64_t round_floor_i64_pow10(std::int64_t c, int k, rounding_mode m) noexcept {
  return round_floor_i64(c, pow10_round_table.e[k], m);
}

/// c / 10^k rounded under m, for 1 <= k <= 18: branch-free, in registers.
inline std::int64_t round_i64_pow10(std::int64_t c, int k, rounding_mode m) noexcept {
  if (__builtin_expect(fits_floor_offset(c), 1)) return round_floor_i64_pow10(c, k, m);
  const bool negative = c < 0;
  const std::uint64_t x = negative ? 0 - static_cast<std::uint64_t>(c) : static_cast<std::uint64_t>(c);
  const std::uint64_t d = pow10_u64(k);
  std::uint64_t q = div_pow10_small(x, k);  // x <= 2^63
  q += round_increment_u64(m, negative, q, x - q * d, d);
  // q <= 2^63 / 10 + 1, so the signed negation cannot overflow.
  return negative ? -static_cast<std::int64_t>(q) : static_cast<std::int64_t>(q);
}

/// |c| as unsigned.
constexpr uint128 magnitude(int128 c) noexcept {
  return c < 0 ? uint128(0) - static_cast<uint128>(c) : static_cast<uint128>(c);
}
/// |c| <= 10^38 - 1, branch-free.
constexpr bool in_range(int128 c) noexcept {
  return static_cast<uint128>(c) + max_coefficient_u128 <= 2 * max_coefficient_u128;
}
/// Cheap sufficient test for in_range(c) from the high word alone: -H <= hi < H, where H is the
/// high word of 10^38 - 1, implies |c| <= 10^38 - 1. Callers fall back to in_range() otherwise.
constexpr bool surely_in_range(int128 c) noexcept {
  constexpr std::uint64_t h = static_cast<std::uint64_t>(max_coefficient_u128 >> 64);
  return static_cast<std::uint64_t>(static_cast<std::uint64_t>(static_cast<uint128>(c) >> 64) + h) < 2 * h;
}

/// -2^61 <= c < 2^61, the range of round_floor_i64_pow10, tested on the 128-bit value.
constexpr bool fits_floor_offset(int128 c) noexcept {
  return ((static_cast<uint128>(c) + (uint128(1) << 61)) >> 62) == 0;
}

/// The value fits a signed 64-bit integer.
constexpr bool fits_int64(int128 c) noexcept {
  return static_cast<int128>(static_cast<std::int64_t>(c)) == c;
}



/// mag / 10^k rounded under mode m, 1 <= k <= 38.
inline uint128 round_pow10(uint128 mag, int k, bool negative, rounding_mode m) noexcept {
  uint128 q;
  remainder_class cls;
  if (k <= 19) {
    const std::uint64_t d = pow10_u64(k);
    if ((mag >> 64) == 0) {
      const std::uint64_t x = static_cast<std::uint64_t>(mag);
      const std::uint64_t q64 = div_pow10_u64(x, k);
      cls = classify_remainder<std::uint64_t>(x - q64 * d, d);
      q = q64;
    } else {
      std::uint64_t r;
      q = divmod_u128_u64(mag, d, &r);
      cls = classify_remainder<std::uint64_t>(r, d);
    }
  } else {
    const uint128 d = pow10_u128(k);
    q = mag / d;
    cls = classify_remainder<uint128>(mag - q * d, d);
  }
  if (round_increment(m, negative, q, cls)) ++q;
  return q;
}

enum class parse_status : unsigned char {
  ok,
  empty,
  bad_character,
  no_digits,
  no_integer_digits,
  no_fraction_digits,
  no_exponent_digits,
  too_many_digits,
  scale_too_large,
  out_of_range,
};

struct parse_result {
  parse_status status = parse_status::ok;
  std::size_t position = 0;
  int128 coefficient = 0;
  int scale = 0;
};

/// The parser behind decimal::parse and decimal::try_parse (see the file comment for syntax).
inline parse_result parse_decimal(std::string_view s) noexcept {
  parse_result res;
  const std::size_t n = s.size();
  if (n == 0) {
    res.status = parse_status::empty;
    return res;
  }
  auto fail = [&res](parse_status st, std::size_t pos) {
    res.status = st;
    res.position = pos;
    return res;
  };
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    ++i;
  }
  uint128 c = 0;
  int sig = 0;
  int frac = 0;
  const std::size_t int_start = i;
  while (i < n && is_digit(s[i])) {
    const unsigned d = static_cast<unsigned>(s[i] - '0');
    if (sig > 0 || d != 0) {
      if (++sig > 38) return fail(parse_status::too_many_digits, i);
      c = c * 10u + d;
    }
    ++i;
  }
  if (i == int_start) {
    if (i == n) return fail(parse_status::no_digits, i);
    if (s[i] == '.') return fail(parse_status::no_integer_digits, i);
    return fail(parse_status::bad_character, i);
  }
  if (i < n && s[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    while (i < n && is_digit(s[i])) {
      const unsigned d = static_cast<unsigned>(s[i] - '0');
      if (sig > 0 || d != 0) {
        if (++sig > 38) return fail(parse_status::too_many_digits, i);
        c = c * 10u + d;
      }
      if (++frac > 38) return fail(parse_status::scale_too_large, i);
      ++i;
    }
    if (i == frac_start) return fail(parse_status::no_fraction_digits, i);
  }
  std::int64_t exponent = 0;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool exp_negative = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      exp_negative = s[i] == '-';
      ++i;
    }
    const std::size_t exp_start = i;
    while (i < n && is_digit(s[i])) {
      if (exponent < 1000000000) exponent = exponent * 10 + (s[i] - '0');  // saturates
      ++i;
    }
    if (i == exp_start) return fail(parse_status::no_exponent_digits, i);
    if (exp_negative) exponent = -exponent;
  }
  if (i != n) return fail(parse_status::bad_character, i);
  std::int64_t scale = static_cast<std::int64_t>(frac) - exponent;
  if (scale > 38) return fail(parse_status::scale_too_large, 0);
  if (scale < 0) {
    if (c != 0) {
      if (static_cast<std::int64_t>(sig) - scale > 38) return fail(parse_status::out_of_range, 0);
      c *= pow10_u128(static_cast<int>(-scale));
    }
    scale = 0;
  }
  res.coefficient = negative ? -static_cast<int128>(c) : static_cast<int128>(c);
  res.scale = static_cast<int>(scale);
  return res;
}

/// `text` quoted for an error message: at most 64 characters, control bytes escaped.
std::string quote_text(std::string_view text);

[[noreturn]] void throw_parse_error(std::string_view text, const parse_result& r);

[[noreturn]] __attribute__((cold)) void throw_bad_scale(const char* function, int scale);
[[noreturn]] __attribute__((cold)) void throw_bad_digits(const char* function, int digits);
[[noreturn]] __attribute__((cold)) void throw_overflow(const std::string& what);

/// Writes the digits of x (no sign) to the end of buf, returns a pointer to the first one.
inline char* write_digits(uint128 x, char* end) noexcept {
  std::uint64_t lo;
  const std::uint64_t hi = static_cast<std::uint64_t>(divmod_u128_u64(x, pow10_u64(19), &lo));
  char* p = end;
  if (hi == 0) {
    do {
      *--p = static_cast<char>('0' + lo % 10);
      lo /= 10;
    } while (lo != 0);
    return p;
  }
  for (int i = 0; i < 19; ++i) {
    *--p = static_cast<char>('0' + lo % 10);
    lo /= 10;
  }
  std::uint64_t h = hi;
  do {
    *--p = static_cast<char>('0' + h % 10);
    h /= 10;
  } while (h != 0);
  return p;
}

}  // namespace detail

/// An exact decimal number: coefficient * 10^-scale, |coefficient| <= 10^38 - 1, 0 <= scale <= 38.
///
/// A value type (32 bytes). Addition, subtraction and multiplication are exact or throw
/// [fairport.arithmetic.201]. Rounding only happens through round(), round_significant(),
/// divide(), divide_significant(), multiply() and multiply_significant(), each with an explicit
/// rounding_mode. Equality and ordering are by value (1.0 == 1.00); identical() also compares
/// the scale. No NaN, no infinity, no negative zero.
class decimal {
 public:
  /// Largest number of significant digits of the coefficient.
  static constexpr int max_digits = 38;
  /// Largest scale (digits after the decimal point).
  static constexpr int max_scale = 38;

  /// Zero at scale 0.
  constexpr decimal() noexcept = default;

  /// The integer v, exactly, at scale 0. Not for bool or character types.
  template <class I,
            std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool> &&
                                 !std::is_same_v<I, char> && !std::is_same_v<I, wchar_t> &&
                                 !std::is_same_v<I, char16_t> && !std::is_same_v<I, char32_t> &&
                                 sizeof(I) <= 8,
                             int> = 0>
  constexpr explicit decimal(I v) noexcept : coef_(static_cast<int128>(v)), scale_(0) {}

  decimal(double) = delete;       ///< binary floating point is not exact: use from_double()
  decimal(float) = delete;        ///< binary floating point is not exact: use from_double()
  decimal(long double) = delete;  ///< binary floating point is not exact: use from_double()

  /// coefficient * 10^-scale.
  /// @throws overflow_error [fairport.arithmetic.201] if |coefficient| > 10^38 - 1;
  /// @throws input_error [fairport.input.106] if scale is outside 0..38.
  static decimal from_parts(int128 coefficient, int scale) {
    if (static_cast<unsigned>(scale) > static_cast<unsigned>(max_scale))
      detail::throw_bad_scale("decimal::from_parts", scale);
    if (!detail::in_range(coefficient)) detail::throw_overflow("from_parts coefficient");
    return decimal(coefficient, scale, raw_tag{});
  }

  /// Parses plain or exponent notation ("-12.50", "1.23e-5", "1E+2"); the scale is preserved.
  /// @throws input_error [fairport.input.101] with the text quoted in the message.
  static decimal parse(std::string_view text) {
    const detail::parse_result r = detail::parse_decimal(text);
    if (r.status != detail::parse_status::ok) detail::throw_parse_error(text, r);
    return decimal(r.coefficient, r.scale, raw_tag{});
  }

  /// As parse(), but nullopt instead of an exception.
  static std::optional<decimal> try_parse(std::string_view text) noexcept {
    const detail::parse_result r = detail::parse_decimal(text);
    if (r.status != detail::parse_status::ok) return std::nullopt;
    return decimal(r.coefficient, r.scale, raw_tag{});
  }

  /// The exact binary value of `value`, rounded once to `scale` places under `mode`.
  /// from_double(0.1, 20, down) is 0.10000000000000000555.
  /// @throws input_error [fairport.input.106] for NaN, infinity, or a scale outside 0..38;
  /// @throws overflow_error [fairport.arithmetic.201] if the result needs more than 38 digits.
  static decimal from_double(double value, int scale, rounding_mode mode);

  /// The coefficient: value = coefficient * 10^-scale.
  constexpr int128 coefficient() const noexcept { return coef_; }
  /// Digits after the decimal point, 0..38.
  constexpr int scale() const noexcept { return scale_; }
  /// -1, 0 or 1.
  constexpr int signum() const noexcept { return (coef_ > 0) - (coef_ < 0); }
  /// Whether the value is zero (at any scale).
  constexpr bool is_zero() const noexcept { return coef_ == 0; }
  /// Whether the value is below zero.
  constexpr bool is_negative() const noexcept { return coef_ < 0; }
  /// Significant digits of the coefficient (1 for zero): 12.50 has 4.
  int digits() const noexcept { return detail::digits_u128(detail::magnitude(coef_)); }

  /// Canonical plain notation keeping the scale: "-12.50", "0.000"; never an exponent.
  std::string to_string() const {
    char buf[48];
    char* end = buf + sizeof buf;
    char* p = detail::write_digits(detail::magnitude(coef_), end);
    const int len = static_cast<int>(end - p);
    std::string out;
    out.reserve(static_cast<std::size_t>(len + scale_ + 3));
    if (coef_ < 0) out += '-';
    if (scale_ == 0) {
      out.append(p, end);
    } else if (len > scale_) {
      out.append(p, end - scale_);
      out += '.';
      out.append(end - scale_, end);
    } else {
      out += "0.";
      out.append(static_cast<std::size_t>(scale_ - len), '0');
      out.append(p, end);
    }
    return out;
  }

  /// This value at exactly `scale` places: rounded under `mode` if fewer places, padded with
  /// zeros if more. 9.99 rounded to 1 place half_even is 10.0.
  /// @throws input_error [fairport.input.106] for a scale outside 0..38;
  /// @throws overflow_error [fairport.arithmetic.201] if padding needs more than 38 digits.
  decimal round(int scale, rounding_mode mode) const {
    const int k = scale_ - scale;
    // Fast path: fewer places, |coefficient| < 2^61, divisor up to 10^18; all in registers.
    if (__builtin_expect(static_cast<unsigned>(k - 1) < 18u && scale >= 0 && detail::fits_floor_offset(coef_), 1)) {
      const std::int64_t r = detail::round_floor_i64_pow10(static_cast<std::int64_t>(coef_), k, mode);
      return decimal(static_cast<int128>(r), scale, raw_tag{});
    }
    if (k == 0) return *this;
    return round_slow(coef_, scale_, scale, mode);
  }

  /// This value rounded to at most `digits` significant digits under `mode` (the General Decimal
  /// Arithmetic's rounding to precision). Values with `digits` or fewer digits are returned
  /// unchanged. Where the spec's result has a positive exponent (12345 to 2 digits is 1.2E+4),
  /// the result is the same value at scale 0 (12000).
  /// @throws input_error [fairport.input.106] for digits outside 1..38;
  /// @throws overflow_error [fairport.arithmetic.201] if a carry makes the value 10^38.
  decimal round_significant(int digits, rounding_mode mode) const {
    if (digits < 1 || digits > max_digits) detail::throw_bad_digits("decimal::round_significant", digits);
    const uint128 mag = detail::magnitude(coef_);
    const int nd = detail::digits_u128(mag);
    if (nd <= digits) return *this;
    const bool negative = coef_ < 0;
    const int drop = nd - digits;
    uint128 q = detail::round_pow10(mag, drop, negative, mode);
    int scale = scale_ - drop;
    if (q == detail::pow10_u128(digits)) {
      q /= 10;
      --scale;
    }
    if (scale < 0) {
      const int shift = -scale;
      if (detail::digits_u128(q) + shift > max_digits)
        detail::throw_overflow("round_significant(" + to_string() + ")");
      q *= detail::pow10_u128(shift);
      scale = 0;
    }
    const int128 r = static_cast<int128>(q);
    return decimal(negative ? -r : r, scale, raw_tag{});
  }

  /// This value at exactly `scale` places, which must not lose digits.
  /// @throws arithmetic_error [fairport.arithmetic.205] if a nonzero digit would be dropped;
  /// @throws overflow_error [fairport.arithmetic.201] if padding needs more than 38 digits;
  /// @throws input_error [fairport.input.106] for a scale outside 0..38.
  decimal with_scale(int scale) const {
    if (scale == scale_) return *this;
    if (static_cast<unsigned>(scale) > static_cast<unsigned>(max_scale))
      detail::throw_bad_scale("decimal::with_scale", scale);
    if (scale > scale_) return scale_up(scale);
    const uint128 d = detail::pow10_u128(scale_ - scale);
    const uint128 mag = detail::magnitude(coef_);
    if (mag % d != 0)
      detail::throw_error(errc::inexact, "decimal::with_scale: " + to_string() + " has nonzero digits beyond scale " +
                                             std::to_string(scale));
    const int128 r = static_cast<int128>(mag / d);
    return decimal(coef_ < 0 ? -r : r, scale, raw_tag{});
  }

  /// The same value with trailing fractional zeros removed: 2.500 -> 2.5, 0.00 -> 0, 100 -> 100.
  decimal normalized() const noexcept {
    if (coef_ == 0) return decimal();
    int128 c = coef_;
    int s = scale_;
    while (s > 0 && c % 10 == 0) {
      c /= 10;
      --s;
    }
    return decimal(c, s, raw_tag{});
  }

  /// |x| at the same scale.
  constexpr decimal abs() const noexcept { return decimal(coef_ < 0 ? -coef_ : coef_, scale_, raw_tag{}); }
  /// -x at the same scale (never a negative zero).
  constexpr decimal operator-() const noexcept { return decimal(-coef_, scale_, raw_tag{}); }
  /// x.
  constexpr decimal operator+() const noexcept { return *this; }

  /// Exact sum at scale max(sa, sb). @throws overflow_error [fairport.arithmetic.201].
  friend decimal operator+(const decimal& a, const decimal& b) {
    if (__builtin_expect(a.scale_ == b.scale_, 1)) {
      // Both |coefficients| < 10^38, so a wrapped 128-bit sum always lands outside the range
      // too: one range check detects every overflow.
      const int128 r = static_cast<int128>(static_cast<uint128>(a.coef_) + static_cast<uint128>(b.coef_));
      if (__builtin_expect(!detail::surely_in_range(r), 0) && !detail::in_range(r))
        overflow2(a.coef_, a.scale_, "+", b.coef_, b.scale_);
      return decimal(r, a.scale_, raw_tag{});
    }
    return add_aligned(a.coef_, a.scale_, b.coef_, b.scale_, false);
  }
  /// Exact difference at scale max(sa, sb). @throws overflow_error [fairport.arithmetic.201].
  friend decimal operator-(const decimal& a, const decimal& b) {
    if (__builtin_expect(a.scale_ == b.scale_, 1)) {
      const int128 r = static_cast<int128>(static_cast<uint128>(a.coef_) - static_cast<uint128>(b.coef_));
      if (__builtin_expect(!detail::surely_in_range(r), 0) && !detail::in_range(r))
        overflow2(a.coef_, a.scale_, "-", b.coef_, b.scale_);
      return decimal(r, a.scale_, raw_tag{});
    }
    return add_aligned(a.coef_, a.scale_, b.coef_, b.scale_, true);
  }
  /// Exact product at scale sa + sb.
  /// @throws overflow_error [fairport.arithmetic.201] if it needs more than 38 digits or
  /// sa + sb > 38 (use multiply() to round).
  friend decimal operator*(const decimal& a, const decimal& b) {
    const int s = a.scale_ + b.scale_;
    if (__builtin_expect(s <= max_scale && detail::fits_int64(a.coef_) && detail::fits_int64(b.coef_), 1)) {
      // |a|, |b| <= 2^63, so |a*b| <= 2^126 < 10^38 - 1: cannot overflow.
      std::int64_t x = static_cast<std::int64_t>(a.coef_);
      std::int64_t y = static_cast<std::int64_t>(b.coef_);
#if defined(__GNUC__) && !defined(__clang__)
      // Stops GCC from folding x back into the 128-bit coefficient and emitting a full
      // 128 x 128 multiplication instead of one 64 x 64 -> 128 imul.
      __asm__("" : "+r"(x), "+r"(y));
#endif
      return decimal(static_cast<int128>(x) * y, s, raw_tag{});
    }
    return multiply_wide(a.coef_, a.scale_, b.coef_, b.scale_);
  }

  /// *this = *this + b.
  decimal& operator+=(const decimal& b) { return *this = *this + b; }
  /// *this = *this - b.
  decimal& operator-=(const decimal& b) { return *this = *this - b; }
  /// *this = *this * b.
  decimal& operator*=(const decimal& b) { return *this = *this * b; }

  /// -1, 0 or 1 by value (scales may differ).
  friend int compare(const decimal& a, const decimal& b) noexcept {
    if (a.scale_ == b.scale_) return (a.coef_ > b.coef_) - (a.coef_ < b.coef_);
    return compare_aligned(a.coef_, a.scale_, b.coef_, b.scale_);
  }
  /// Same coefficient and scale (1.0 and 1.00 are equal but not identical).
  friend constexpr bool identical(const decimal& a, const decimal& b) noexcept {
    return a.coef_ == b.coef_ && a.scale_ == b.scale_;
  }
  /// By value: 1.0 == 1.00.
  friend bool operator==(const decimal& a, const decimal& b) noexcept {
    if (a.scale_ == b.scale_) return a.coef_ == b.coef_;
    return compare_aligned(a.coef_, a.scale_, b.coef_, b.scale_) == 0;
  }
  /// By value.
  friend bool operator!=(const decimal& a, const decimal& b) noexcept { return !(a == b); }
  /// By value.
  friend bool operator<(const decimal& a, const decimal& b) noexcept {
    if (a.scale_ == b.scale_) return a.coef_ < b.coef_;
    return compare_aligned(a.coef_, a.scale_, b.coef_, b.scale_) < 0;
  }
  /// By value.
  friend bool operator>(const decimal& a, const decimal& b) noexcept {
    if (a.scale_ == b.scale_) return a.coef_ > b.coef_;
    return compare_aligned(a.coef_, a.scale_, b.coef_, b.scale_) > 0;
  }
  /// By value.
  friend bool operator<=(const decimal& a, const decimal& b) noexcept {
    if (a.scale_ == b.scale_) return a.coef_ <= b.coef_;
    return compare_aligned(a.coef_, a.scale_, b.coef_, b.scale_) <= 0;
  }
  /// By value.
  friend bool operator>=(const decimal& a, const decimal& b) noexcept {
    if (a.scale_ == b.scale_) return a.coef_ >= b.coef_;
    return compare_aligned(a.coef_, a.scale_, b.coef_, b.scale_) >= 0;
  }

  /// The integer value.
  /// @throws arithmetic_error [fairport.arithmetic.205] if there is a nonzero fraction;
  /// @throws overflow_error [fairport.arithmetic.201] if outside the int64 range.
  std::int64_t to_int64() const {
    const decimal i = with_scale_or_inexact();
    const uint128 mag = detail::magnitude(i.coef_);
    const uint128 limit = static_cast<uint128>(INT64_MAX) + (i.coef_ < 0 ? 1 : 0);
    if (mag > limit) detail::throw_error(errc::overflow, "decimal::to_int64: " + to_string() + " is outside the int64 range");
    return static_cast<std::int64_t>(i.coef_);
  }

 private:
  struct raw_tag {};
  constexpr decimal(int128 c, int s, raw_tag) noexcept : coef_(c), scale_(s) {}

  friend decimal divide(const decimal&, const decimal&, int, rounding_mode);
  friend decimal divide_significant(const decimal&, const decimal&, int, rounding_mode);
  friend decimal multiply(const decimal&, const decimal&, int, rounding_mode);
  static decimal multiply_slow(int128 ca, int sa, int128 cb, int sb, int scale, rounding_mode mode);
  friend decimal multiply_significant(const decimal&, const decimal&, int, rounding_mode);

  static decimal round_slow(int128 coef, int from, int scale, rounding_mode mode);

  decimal with_scale_or_inexact() const {
    if (scale_ == 0) return *this;
    const uint128 d = detail::pow10_u128(scale_);
    const uint128 mag = detail::magnitude(coef_);
    if (mag % d != 0)
      detail::throw_error(errc::inexact, "decimal::to_int64: " + to_string() + " is not an integer");
    const int128 r = static_cast<int128>(mag / d);
    return decimal(coef_ < 0 ? -r : r, 0, raw_tag{});
  }

  // The slow paths below take decimals by value: a caller's accumulator then never has its
  // address taken and can stay in registers on the fast paths.
  decimal scale_up(int scale) const {
    int128 r;
    if (__builtin_mul_overflow(coef_, static_cast<int128>(detail::pow10_u128(scale - scale_)), &r) ||
        !detail::in_range(r))
      detail::throw_overflow(to_string() + " at scale " + std::to_string(scale));
    return decimal(r, scale, raw_tag{});
  }

  // Operands by value, so that a caller's accumulator does not have to live in memory.
  [[noreturn]] __attribute__((cold)) static void overflow2(decimal a, const char* op, decimal b);
  [[noreturn]] __attribute__((cold)) static void overflow2(int128 ca, int sa, const char* op,
                                                      int128 cb, int sb);
  // Slow paths take (coefficient, scale) scalars: no decimal of the caller has its address taken.
  __attribute__((noinline)) static decimal add_aligned(int128 ca, int sa, int128 cb, int sb, bool subtract) {
    // Common case: 64-bit coefficients, scales at most 18 apart. Each aligned operand is below
    // 2^63 * 10^18 < 2^123 and the sum below 2^124 < 10^38: no check can fail.
    const int s = sa > sb ? sa : sb;
    if (detail::fits_int64(ca) && detail::fits_int64(cb) && (sa > sb ? sa - sb : sb - sa) <= 18) {
      const int128 x = sa < s ? static_cast<int128>(static_cast<std::int64_t>(ca)) *
                                    static_cast<int128>(detail::pow10_u64(s - sa))
                              : ca;
      const int128 y = sb < s ? static_cast<int128>(static_cast<std::int64_t>(cb)) *
                                    static_cast<int128>(detail::pow10_u64(s - sb))
                              : cb;
      return decimal(subtract ? x - y : x + y, s, raw_tag{});
    }
    return add_aligned(decimal(ca, sa, raw_tag{}), decimal(cb, sb, raw_tag{}), subtract);
  }
  static decimal multiply_wide(int128 ca, int sa, int128 cb, int sb);
  __attribute__((noinline)) static int compare_aligned(int128 ca, int sa, int128 cb, int sb) noexcept {
    return compare_aligned(decimal(ca, sa, raw_tag{}), decimal(cb, sb, raw_tag{}));
  }

  static decimal add_aligned(decimal a, decimal b, bool subtract);

  static decimal multiply_wide(decimal a, decimal b);

  static int compare_aligned(decimal a, decimal b) noexcept {
    const int sa = a.signum(), sb = b.signum();
    if (sa != sb) return sa < sb ? -1 : 1;
    if (sa == 0) return 0;
    uint128 x = detail::magnitude(a.coef_), y = detail::magnitude(b.coef_);
    int mag;
    if (a.scale_ < b.scale_) {
      mag = __builtin_mul_overflow(x, detail::pow10_u128(b.scale_ - a.scale_), &x) ? 1 : (x > y) - (x < y);
    } else {
      mag = __builtin_mul_overflow(y, detail::pow10_u128(a.scale_ - b.scale_), &y) ? -1 : (x > y) - (x < y);
    }
    return sa < 0 ? -mag : mag;
  }

  static decimal divide_wide(const decimal& a, const decimal& b, int scale, rounding_mode mode);

  int128 coef_ = 0;
  std::int32_t scale_ = 0;
};

/// a / b rounded once to `scale` places under `mode`: divide(1, 3, 2, half_even) is 0.33.
/// Uses one or two 128/64-bit hardware divisions when the divisor's coefficient fits 64 bits.
/// @throws arithmetic_error [fairport.arithmetic.202] if b is zero;
/// @throws overflow_error [fairport.arithmetic.201] if the quotient needs more than 38 digits;
/// @throws input_error [fairport.input.106] for a scale outside 0..38.
inline decimal divide(const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  if (static_cast<unsigned>(scale) > static_cast<unsigned>(decimal::max_scale))
    detail::throw_bad_scale("divide", scale);
  if (b.coef_ == 0) detail::throw_error(errc::division_by_zero, "division by zero: " + a.to_string() + " / " + b.to_string());
  const bool negative = (a.coef_ < 0) != (b.coef_ < 0);
  if (a.coef_ == 0) return decimal(0, scale, decimal::raw_tag{});
  const int e = scale - a.scale_ + b.scale_;  // quotient coefficient = |a| * 10^e / |b|
  const uint128 ma = detail::magnitude(a.coef_), mb = detail::magnitude(b.coef_);
  uint128 n;
  if (e >= 0 && e <= 38 && (mb >> 64) == 0 && !__builtin_mul_overflow(ma, detail::pow10_u128(e), &n)) {
    const std::uint64_t d = static_cast<std::uint64_t>(mb);
    std::uint64_t r;
    uint128 q = detail::divmod_u128_u64(n, d, &r);
    q += detail::round_increment(mode, negative, q, detail::classify_remainder<std::uint64_t>(r, d));
    if (q > detail::max_coefficient_u128)
      detail::throw_overflow(a.to_string() + " / " + b.to_string() + " at scale " + std::to_string(scale));
    const int128 c = static_cast<int128>(q);
    return decimal(negative ? -c : c, scale, decimal::raw_tag{});
  }
  return decimal::divide_wide(a, b, scale, mode);
}

/// a / b rounded once to `digits` significant digits under `mode`, with the General Decimal
/// Arithmetic's exponent rules: an exact quotient keeps the ideal scale sa - sb (trailing zeros
/// removed down to it, floored at 0); an inexact one has exactly `digits` digits. A result whose
/// exponent would be positive is returned at scale 0.
/// @throws arithmetic_error [fairport.arithmetic.202] if b is zero;
/// @throws overflow_error [fairport.arithmetic.201] if the result needs a scale beyond 38 or more
/// than 38 digits;
/// @throws input_error [fairport.input.106] for digits outside 1..38.
decimal divide_significant(const decimal& a, const decimal& b, int digits, rounding_mode mode);

/// a * b rounded once to `scale` places under `mode` (the exact product may have up to 76
/// digits and any scale up to 76).
/// @throws overflow_error [fairport.arithmetic.201] if the result needs more than 38 digits;
/// @throws input_error [fairport.input.106] for a scale outside 0..38.
inline decimal multiply(const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  const int ps = a.scale_ + b.scale_;
  const int k = ps - scale;
  std::int64_t p;
  // Fast path: 64-bit operands whose product fits 64 bits, 1..18 places to drop.
  if (__builtin_expect(static_cast<unsigned>(k - 1) < 18u &&
                           static_cast<unsigned>(scale) <= static_cast<unsigned>(decimal::max_scale) &&
                           detail::fits_int64(a.coef_) && detail::fits_int64(b.coef_) &&
                           !__builtin_mul_overflow(static_cast<std::int64_t>(a.coef_),
                                                   static_cast<std::int64_t>(b.coef_), &p) &&
                           detail::fits_floor_offset(p),
                       1)) {
    return decimal(static_cast<int128>(detail::round_floor_i64_pow10(p, k, mode)), scale, decimal::raw_tag{});
  }
  return decimal::multiply_slow(a.coef_, a.scale_, b.coef_, b.scale_, scale, mode);
}


/// a * b rounded once to `digits` significant digits under `mode` (as round_significant() of
/// the exact product, which may have up to 76 digits).
/// @throws overflow_error [fairport.arithmetic.201] if the result needs more than 38 digits or
/// a scale beyond 38;
/// @throws input_error [fairport.input.106] for digits outside 1..38.
decimal multiply_significant(const decimal& a, const decimal& b, int digits, rounding_mode mode);

/// a / b exactly, when the quotient has a finite decimal expansion that fits (at most 38 digits
/// and 38 places); nullopt otherwise. The scale is the General Decimal Arithmetic's ideal one for
/// an exact division: scale(a) - scale(b), raised as far as the digits need, at least 0 (as
/// Python's decimal gives: 0.453592370000 / 0.45359237 = 1.0000, 36.000 / 0.001 = 36000,
/// 1 / 4 = 0.25). The one exact division of fairport: unit factors, duty quantities and the
/// exact fractions of the fair-price engine all use it.
/// @throws arithmetic_error [fairport.arithmetic.202] if b is zero.
std::optional<decimal> exact_divide(const decimal& a, const decimal& b);

/// Writes x.to_string().
inline std::ostream& operator<<(std::ostream& os, const decimal& x) { return os << x.to_string(); }

namespace literals {
/// 12.50_d: the decimal spelled by the literal, exactly (digit separators ' are ignored).
/// @throws input_error [fairport.input.101] if the literal is not a decimal (e.g. hexadecimal).
inline decimal operator""_d(const char* text) {
  std::string s;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p != '\'') s += *p;
  }
  return decimal::parse(s);
}
}  // namespace literals

FAIRPORT_END_NAMESPACE

/// Equal values hash equal (1.0 and 1.00): the hash of the normalized coefficient and scale.
namespace std {
template <>
struct hash<fairport::decimal> {
  std::size_t operator()(const fairport::decimal& x) const noexcept {
    const fairport::decimal n = x.normalized();
    const auto c = static_cast<fairport::uint128>(n.coefficient());
    const std::uint64_t lo = static_cast<std::uint64_t>(c), hi = static_cast<std::uint64_t>(c >> 64);
    std::uint64_t h = lo * 0x9e3779b97f4a7c15ULL;
    h ^= (hi + 0x7f4a7c159e3779b9ULL + (h << 6) + (h >> 2));
    h ^= static_cast<std::uint64_t>(static_cast<unsigned>(n.scale())) * 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return static_cast<std::size_t>(h);
  }
};
}  // namespace std
