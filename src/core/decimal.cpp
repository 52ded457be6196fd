// The slow paths of fairport::decimal: 256-bit products and quotients, conversions from binary
// floating point, and the error messages. Boost.Multiprecision is a private detail of this file;
// nothing in include/fairport/ needs it.
#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <optional>
#include <string>

#include "fairport/decimal.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace detail {
namespace {

using uint256 = boost::multiprecision::uint256_t;

uint256 to_u256(uint128 x) {
  uint256 r = static_cast<std::uint64_t>(x >> 64);
  r <<= 64;
  r |= static_cast<std::uint64_t>(x);
  return r;
}

uint128 from_u256(const uint256& x) {
  const std::uint64_t lo = static_cast<std::uint64_t>(x & ~std::uint64_t(0));
  const std::uint64_t hi = static_cast<std::uint64_t>((x >> 64) & ~std::uint64_t(0));
  return (static_cast<uint128>(hi) << 64) | lo;
}

/// 10^k as uint256, 0 <= k <= 77.
uint256 pow10_u256(int k) {
  if (k <= 38) return to_u256(pow10_u128(k));
  return to_u256(pow10_u128(38)) * to_u256(pow10_u128(k - 38));
}

/// Decimal digits of x (1 for 0).
int digits_u256(const uint256& x) {
  if ((x >> 128) == 0) return digits_u128(from_u256(x));
  int d = 39;
  while (d < 78 && x >= pow10_u256(d)) ++d;
  return d;
}

/// n / d rounded under mode m (d > 0). Result may exceed 38 digits: callers check.
uint256 round_divide_u256(const uint256& n, const uint256& d, bool negative,
                                 rounding_mode m, remainder_class* cls_out = nullptr) {
  uint256 q, r;
  boost::multiprecision::divide_qr(n, d, q, r);
  const remainder_class cls = classify_remainder(r, d);
  if (cls_out) *cls_out = cls;
  if (round_increment(m, negative, q, cls)) ++q;
  return q;
}

/// sign * q at `scale` from a 256-bit magnitude, checking the range.
decimal from_wide(const uint256& q, bool negative, int scale, const char* what) {
  if (q > to_u256(max_coefficient_u128)) throw_overflow(what);
  const int128 r = static_cast<int128>(from_u256(q));
  return decimal::from_parts(negative ? -r : r, scale);
}

}  // namespace

/// `text` quoted for an error message: at most 64 characters, control bytes escaped.
std::string quote_text(std::string_view text) {
  std::string q = "\"";
  const std::size_t limit = 64;
  for (std::size_t i = 0; i < text.size() && i < limit; ++i) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch < 0x20 || ch >= 0x7f || ch == '"' || ch == '\\') {
      static const char hex[] = "0123456789abcdef";
      q += "\\x";
      q += hex[ch >> 4];
      q += hex[ch & 15];
    } else {
      q += static_cast<char>(ch);
    }
  }
  if (text.size() > limit) q += "...";
  q += '"';
  if (text.size() > limit) q += " (" + std::to_string(text.size()) + " characters)";
  return q;
}

void throw_parse_error(std::string_view text, const parse_result& r) {
  std::string why;
  switch (r.status) {
    case parse_status::empty: why = "empty text"; break;
    case parse_status::bad_character: {
      why = "unexpected character ";
      const std::string_view one = text.substr(r.position, 1);
      why += quote_text(one);
      why += " at offset " + std::to_string(r.position);
      break;
    }
    case parse_status::no_digits: why = "no digits"; break;
    case parse_status::no_integer_digits: why = "a digit must precede the decimal point"; break;
    case parse_status::no_fraction_digits: why = "a digit must follow the decimal point"; break;
    case parse_status::no_exponent_digits: why = "the exponent has no digits"; break;
    case parse_status::too_many_digits: why = "more than 38 significant digits"; break;
    case parse_status::scale_too_large: why = "more than 38 digits after the decimal point"; break;
    case parse_status::out_of_range: why = "more than 38 digits before the decimal point"; break;
    case parse_status::ok: why = "?"; break;
  }
  throw_error(errc::invalid_decimal, "invalid decimal " + quote_text(text) + ": " + why);
}

void throw_bad_scale(const char* function,
                                                                         int scale) {
  throw_error(errc::invalid_argument, std::string(function) + ": scale " + std::to_string(scale) +
                                          " is outside 0..38");
}

void throw_bad_digits(const char* function,
                                                                          int digits) {
  throw_error(errc::invalid_argument, std::string(function) + ": digits " +
                                          std::to_string(digits) + " is outside 1..38");
}

void throw_overflow(const std::string& what) {
  throw_error(errc::overflow, "decimal overflow: " + what + " does not fit 38 digits");
}

}  // namespace detail

/// Parses a rounding mode name as printed by to_string(rounding_mode); "zero_five_up" is also
/// accepted. Case-sensitive.
/// @throws input_error [fairport.input.108] for any other text.
rounding_mode parse_rounding_mode(std::string_view s) {
  static constexpr rounding_mode all[] = {
      rounding_mode::up,        rounding_mode::down,      rounding_mode::ceiling,
      rounding_mode::floor,     rounding_mode::half_up,   rounding_mode::half_down,
      rounding_mode::half_even, rounding_mode::zero_five_up};
  for (rounding_mode m : all) {
    if (s == to_string(m)) return m;
  }
  if (s == "zero_five_up") return rounding_mode::zero_five_up;
  detail::throw_error(errc::invalid_rounding_mode,
                      "unknown rounding mode \"" + std::string(s.substr(0, 64)) +
                          "\" (expected up, down, ceiling, floor, half_up, half_down, "
                          "half_even or 05up)");
}

decimal decimal::from_double(double value, int scale, rounding_mode mode) {
  if (static_cast<unsigned>(scale) > static_cast<unsigned>(max_scale))
    detail::throw_bad_scale("decimal::from_double", scale);
  if (!std::isfinite(value))
    detail::throw_error(errc::invalid_argument, "decimal::from_double: not a finite number");
  using boost::multiprecision::cpp_int;
  const bool negative = std::signbit(value);
  int e2 = 0;
  const double fr = std::frexp(std::fabs(value), &e2);   // value = fr * 2^e2, fr in [0.5, 1)
  const auto m53 = static_cast<std::uint64_t>(std::ldexp(fr, 53));  // exact
  e2 -= 53;
  cpp_int n = m53;
  n *= cpp_int(detail::to_u256(detail::pow10_u128(scale)));
  cpp_int q;
  if (e2 >= 0) {
    q = n << e2;
  } else {
    const cpp_int d = cpp_int(1) << (-e2);
    cpp_int r;
    boost::multiprecision::divide_qr(n, d, q, r);
    const detail::remainder_class cls = detail::classify_remainder(r, d);
    if (detail::round_increment(mode, negative, q, cls)) ++q;
  }
  if (q > cpp_int(detail::to_u256(detail::max_coefficient_u128)))
    detail::throw_overflow("from_double(" + std::to_string(value) + ")");
  const uint128 mag = detail::from_u256(detail::uint256(q));
  const int128 c = negative ? -static_cast<int128>(mag) : static_cast<int128>(mag);
  return decimal(c, scale, raw_tag{});
}

decimal decimal::round_slow(int128 coef, int from, int scale, rounding_mode mode) {
  if (static_cast<unsigned>(scale) > static_cast<unsigned>(max_scale))
    detail::throw_bad_scale("decimal::round", scale);
  if (scale > from) return decimal(coef, from, raw_tag{}).scale_up(scale);
  const bool negative = coef < 0;
  const uint128 q = detail::round_pow10(detail::magnitude(coef), from - scale, negative, mode);
  const int128 r = static_cast<int128>(q);
  return decimal(negative ? -r : r, scale, raw_tag{});
}

void decimal::overflow2(decimal a, const char* op, decimal b) {
  detail::throw_overflow(a.to_string() + " " + op + " " + b.to_string());
}

void decimal::overflow2(int128 ca, int sa, const char* op, int128 cb, int sb) {
  overflow2(decimal(ca, sa, raw_tag{}), op, decimal(cb, sb, raw_tag{}));
}

decimal decimal::add_aligned(decimal a, decimal b, bool subtract) {
  if (subtract) b.coef_ = -b.coef_;
  const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
  int128 x = a.coef_, y = b.coef_;
  bool wide = false;
  if (a.scale_ < s) wide = __builtin_mul_overflow(x, static_cast<int128>(detail::pow10_u128(s - a.scale_)), &x);
  if (b.scale_ < s) wide = wide || __builtin_mul_overflow(y, static_cast<int128>(detail::pow10_u128(s - b.scale_)), &y);
  int128 r;
  if (!wide && !__builtin_add_overflow(x, y, &r) && detail::in_range(r)) return decimal(r, s, raw_tag{});
  if (!wide) overflow2(a, subtract ? "-" : "+", subtract ? -b : b);
  // An aligned operand overflowed 128 bits, but the sum may still fit: use 256 bits.
  using boost::multiprecision::int256_t;
  auto widen = [](const decimal& v, int to) {
    int256_t w = int256_t(detail::to_u256(detail::magnitude(v.coef_))) *
                 int256_t(detail::to_u256(detail::pow10_u128(to - v.scale_)));
    return v.coef_ < 0 ? int256_t(-w) : w;
  };
  const int256_t sum = widen(a, s) + widen(b, s);
  const int256_t mag = sum < 0 ? int256_t(-sum) : sum;
  if (mag > int256_t(detail::to_u256(detail::max_coefficient_u128)))
    overflow2(a, subtract ? "-" : "+", subtract ? -b : b);
  const int128 m = static_cast<int128>(detail::from_u256(detail::uint256(mag)));
  return decimal(sum < 0 ? -m : m, s, raw_tag{});
}

decimal decimal::multiply_wide(decimal a, decimal b) {
  const int s = a.scale_ + b.scale_;
  uint128 p;
  if (__builtin_mul_overflow(detail::magnitude(a.coef_), detail::magnitude(b.coef_), &p) ||
      p > detail::max_coefficient_u128)
    overflow2(a, "*", b);
  if (s > max_scale)
    detail::throw_overflow(a.to_string() + " * " + b.to_string() + " (scale " + std::to_string(s) +
                           " > 38; use multiply() with a scale and rounding mode)");
  const int128 r = static_cast<int128>(p);
  return decimal((a.coef_ < 0) != (b.coef_ < 0) ? -r : r, s, raw_tag{});
}

decimal decimal::multiply_wide(int128 ca, int sa, int128 cb, int sb) {
  return multiply_wide(decimal(ca, sa, raw_tag{}), decimal(cb, sb, raw_tag{}));
}

decimal decimal::multiply_slow(int128 ca, int sa, int128 cb, int sb, int scale,
                               rounding_mode mode) {
  const decimal a(ca, sa, raw_tag{}), b(cb, sb, raw_tag{});
  if (static_cast<unsigned>(scale) > static_cast<unsigned>(decimal::max_scale))
    detail::throw_bad_scale("multiply", scale);
  const int ps = a.scale_ + b.scale_;
  if (ps <= decimal::max_scale && detail::fits_int64(a.coef_) && detail::fits_int64(b.coef_))
    return (a * b).round(scale, mode);
  const bool negative = (a.coef_ < 0) != (b.coef_ < 0);
  detail::uint256 p = detail::to_u256(detail::magnitude(a.coef_)) * detail::to_u256(detail::magnitude(b.coef_));
  if (p == 0) return decimal(0, scale, decimal::raw_tag{});
  if (scale >= ps) {
    if (detail::digits_u256(p) + (scale - ps) > decimal::max_digits)
      detail::throw_overflow(a.to_string() + " * " + b.to_string() + " at scale " + std::to_string(scale));
    p *= detail::pow10_u256(scale - ps);
  } else {
    p = detail::round_divide_u256(p, detail::pow10_u256(ps - scale), negative, mode);
  }
  return detail::from_wide(p, negative, scale, "product");
}

decimal decimal::divide_wide(const decimal& a, const decimal& b, int scale, rounding_mode mode) {
  const bool negative = (a.coef_ < 0) != (b.coef_ < 0);
  const int e = scale - a.scale_ + b.scale_;  // quotient coefficient = |a| * 10^e / |b|
  const uint128 ma = detail::magnitude(a.coef_), mb = detail::magnitude(b.coef_);
  detail::uint256 num = detail::to_u256(ma), den = detail::to_u256(mb);
  if (e >= 0) {
    if (detail::digits_u128(ma) + e > 77)
      detail::throw_overflow(a.to_string() + " / " + b.to_string() + " at scale " + std::to_string(scale));
    num *= detail::pow10_u256(e);
  } else {
    den *= detail::pow10_u256(-e);
  }
  const detail::uint256 q = detail::round_divide_u256(num, den, negative, mode);
  const std::string what = "quotient at scale " + std::to_string(scale);
  return detail::from_wide(q, negative, scale, what.c_str());
}

decimal divide_significant(const decimal& a, const decimal& b, int digits, rounding_mode mode) {
  if (digits < 1 || digits > decimal::max_digits) detail::throw_bad_digits("divide_significant", digits);
  if (b.coef_ == 0) detail::throw_error(errc::division_by_zero, "division by zero: " + a.to_string() + " / " + b.to_string());
  const int ideal = a.scale_ - b.scale_;
  if (a.coef_ == 0) return decimal(0, ideal < 0 ? 0 : ideal, decimal::raw_tag{});
  const bool negative = (a.coef_ < 0) != (b.coef_ < 0);
  const uint128 ma = detail::magnitude(a.coef_), mb = detail::magnitude(b.coef_);
  const int da = detail::digits_u128(ma), db = detail::digits_u128(mb);
  // With s = digits - (da - db) + ideal, floor(|a/b| * 10^s) has digits or digits + 1 digits.
  int s = digits - (da - db) + ideal;
  auto quotient = [&](int sc, detail::uint256& r, detail::uint256& den) {
    const int e = sc - ideal;
    detail::uint256 num = detail::to_u256(ma);
    den = detail::to_u256(mb);
    if (e >= 0) num *= detail::pow10_u256(e);
    else den *= detail::pow10_u256(-e);
    detail::uint256 q;
    boost::multiprecision::divide_qr(num, den, q, r);
    return q;
  };
  detail::uint256 r, den;
  detail::uint256 q = quotient(s, r, den);
  if (detail::digits_u256(q) > digits) {
    --s;
    q = quotient(s, r, den);
  }
  const detail::remainder_class cls = detail::classify_remainder(r, den);
  if (detail::round_increment(mode, negative, q, cls)) ++q;
  if (q == detail::pow10_u256(digits)) {
    q /= 10;
    --s;
  }
  if (cls == detail::remainder_class::exact) {
    const int floor_scale = ideal < 0 ? 0 : ideal;
    while (s > floor_scale && q % 10 == 0) {
      q /= 10;
      --s;
    }
  }
  if (s > decimal::max_scale)
    detail::throw_overflow(a.to_string() + " / " + b.to_string() + " to " + std::to_string(digits) +
                           " digits (needs scale " + std::to_string(s) + " > 38)");
  if (s < 0) {
    q *= detail::pow10_u256(-s);
    s = 0;
  }
  return detail::from_wide(q, negative, s, "quotient");
}

decimal multiply_significant(const decimal& a, const decimal& b, int digits, rounding_mode mode) {
  if (digits < 1 || digits > decimal::max_digits) detail::throw_bad_digits("multiply_significant", digits);
  const bool negative = (a.coef_ < 0) != (b.coef_ < 0);
  detail::uint256 p = detail::to_u256(detail::magnitude(a.coef_)) * detail::to_u256(detail::magnitude(b.coef_));
  int s = a.scale_ + b.scale_;
  const int nd = detail::digits_u256(p);
  if (nd > digits) {
    const int drop = nd - digits;
    p = detail::round_divide_u256(p, detail::pow10_u256(drop), negative, mode);
    s -= drop;
    if (p == detail::pow10_u256(digits)) {
      p /= 10;
      --s;
    }
  }
  if (s > decimal::max_scale)
    detail::throw_overflow(a.to_string() + " * " + b.to_string() + " to " + std::to_string(digits) +
                           " digits (needs scale " + std::to_string(s) + " > 38)");
  if (s < 0) {
    if (p != 0 && detail::digits_u256(p) - s > decimal::max_digits)
      detail::throw_overflow(a.to_string() + " * " + b.to_string());
    p *= detail::pow10_u256(-s);
    s = 0;
  }
  return detail::from_wide(p, negative, s, "product");
}

std::optional<decimal> exact_divide(const decimal& a, const decimal& b) {
  if (b.is_zero()) {
    detail::throw_error(errc::division_by_zero,
                        "division by zero: " + a.to_string() + " / " + b.to_string());
  }
  if (a.is_zero()) {
    const int ideal = a.scale() - b.scale();
    return decimal::from_parts(0, ideal < 0 ? 0 : ideal);
  }
  // a / b terminates iff the denominator of the reduced fraction |a| / |b| is 2^p * 5^q; the
  // quotient then needs max(p, q) places beyond the ideal scale(a) - scale(b).
  const uint128 x = detail::magnitude(a.coefficient());
  const uint128 y = detail::magnitude(b.coefficient());
  uint128 g = y, r = x;
  while (r != 0) {
    const uint128 t = g % r;
    g = r;
    r = t;
  }
  uint128 c = y / g;
  int p = 0, q = 0;
  while (c % 2 == 0) c /= 2, ++p;
  while (c % 5 == 0) c /= 5, ++q;
  if (c != 1) return std::nullopt;
  int target = (p > q ? p : q) + a.scale() - b.scale();
  if (target < 0) target = 0;
  if (target > decimal::max_scale) return std::nullopt;
  try {
    return divide(a, b, target, rounding_mode::down);  // exact at `target` places
  } catch (const overflow_error&) {
    return std::nullopt;
  }
}

FAIRPORT_END_NAMESPACE
