#pragma once
/// @file fixed_point.hpp
/// Columns of fixed-point numbers: int64 coefficients at a stated scale (12345 at scale 2 is
/// 123.45), for batch work where decimal objects per element would cost more than the
/// arithmetic. Exact like decimal: products are exact, rounding happens once with a named mode,
/// and a result that does not fit is flagged, never wrapped.
///
/// Synopsis
/// @code
/// // out[i] = a[i] x b[i] (scale sa + sb), rounded once to `scale` with `mode`;
/// // overflow[i] = 1 when the rounded result does not fit an int64 (out[i] is then 0).
/// std::size_t multiply_fixed(const std::int64_t* a, int sa, const std::int64_t* b, int sb,
///                            std::size_t n, int scale, rounding_mode mode,
///                            std::int64_t* out, std::uint8_t* overflow);   // returns the overflow
///                            count
/// @endcode

#include <cstddef>
#include <cstdint>
#include <string>

#include "fairport/config.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace detail {

/// The loop of multiply_fixed for 1..18 places to drop, with the mode a constant: the switch
/// over modes and the row of 10^k leave the loop.
template <rounding_mode M, class Wide>
inline std::size_t multiply_fixed_rounding(const std::int64_t* a, const std::int64_t* b,
                                           std::size_t n, int shift, const Wide& wide,
                                           std::int64_t* out, std::uint8_t* overflow) {
  const pow10_round_entry t = pow10_round_table.e[shift];
  std::size_t overflows = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t p = 0;
    std::int64_t r = 0;
    bool bad = false;
    if (__builtin_expect(!__builtin_mul_overflow(a[i], b[i], &p) && fits_floor_offset(p), 1)) {
      r = round_floor_i64(p, t, M);  // the common case: all in registers
    } else {
      bad = wide(i, r);
    }
    if (bad) r = 0;
    out[i] = r;
    overflow[i] = bad ? 1 : 0;
    overflows += bad ? 1 : 0;
  }
  return overflows;
}

}  // namespace detail

/// Line extension over columns: a[i] x b[i] rounded to `scale`. Scales are 0 to 18.
/// @throws input_error [fairport.input.106] for a scale out of range.
inline std::size_t multiply_fixed(const std::int64_t* a, int sa, const std::int64_t* b, int sb,
                                  std::size_t n, int scale, rounding_mode mode, std::int64_t* out,
                                  std::uint8_t* overflow) {
  if (sa < 0 || sa > 18 || sb < 0 || sb > 18 || scale < 0 || scale > 18) {
    detail::throw_error(errc::invalid_argument, "multiply_fixed: scales must be 0 to 18 (got " +
                                                    std::to_string(sa) + ", " + std::to_string(sb) +
                                                    " and " + std::to_string(scale) + ")");
  }
  const int shift = sa + sb - scale;  // > 0: round away digits; < 0: append zeros
  // The exact product as a decimal, rounded, checked against the int64 range (the rare path).
  const auto wide = [&](std::size_t i, std::int64_t& r) {
    const decimal d =
        decimal::from_parts(static_cast<int128>(a[i]) * b[i], sa + sb).round(scale, mode);
    const auto c = d.coefficient();
    if (c > INT64_MAX || c < INT64_MIN) return true;
    r = static_cast<std::int64_t>(c);
    return false;
  };
  if (shift >= 1 && shift <= 18) {
    using detail::multiply_fixed_rounding;
    switch (mode) {
      case rounding_mode::up: return multiply_fixed_rounding<rounding_mode::up>(a, b, n, shift, wide, out, overflow);
      case rounding_mode::down: return multiply_fixed_rounding<rounding_mode::down>(a, b, n, shift, wide, out, overflow);
      case rounding_mode::ceiling: return multiply_fixed_rounding<rounding_mode::ceiling>(a, b, n, shift, wide, out, overflow);
      case rounding_mode::floor: return multiply_fixed_rounding<rounding_mode::floor>(a, b, n, shift, wide, out, overflow);
      case rounding_mode::half_up: return multiply_fixed_rounding<rounding_mode::half_up>(a, b, n, shift, wide, out, overflow);
      case rounding_mode::half_down: return multiply_fixed_rounding<rounding_mode::half_down>(a, b, n, shift, wide, out, overflow);
      case rounding_mode::half_even: return multiply_fixed_rounding<rounding_mode::half_even>(a, b, n, shift, wide, out, overflow);
      case rounding_mode::zero_five_up: return multiply_fixed_rounding<rounding_mode::zero_five_up>(a, b, n, shift, wide, out, overflow);
    }
  }
  std::size_t overflows = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t p = 0;
    std::int64_t r = 0;
    bool bad = false;
    if (__builtin_mul_overflow(a[i], b[i], &p) || shift > 18) {
      bad = wide(i, r);
    } else if (shift == 0) {
      r = p;
    } else {
      bad = __builtin_mul_overflow(p, static_cast<std::int64_t>(detail::pow10_u64(-shift)), &r);
    }
    if (bad) r = 0;
    out[i] = r;
    overflow[i] = bad ? 1 : 0;
    overflows += bad ? 1 : 0;
  }
  return overflows;
}

FAIRPORT_END_NAMESPACE
