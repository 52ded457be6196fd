#pragma once
/// @file detail/int128.hpp
/// 128-bit integer helpers behind fairport::decimal (not public API).
///
/// Synopsis
/// @code
/// using int128 = __int128; using uint128 = unsigned __int128;       // fairport::int128 is public
/// namespace detail {
///   uint128 pow10_u128(int k);                 // 10^k, 0 <= k <= 38
///   std::uint64_t pow10_u64(int k);            // 10^k, 0 <= k <= 19
///   int digits_u128(uint128 x);                // decimal digits of x; 1 for 0
///   std::uint64_t div_pow10_u64(std::uint64_t x, int k);   // x / 10^k, 1 <= k <= 19, constant divisors
///   std::uint64_t div_pow10_small(std::uint64_t x, int k);  // x <= 2^63, 1 <= k <= 18, multiply + shift
///   std::uint64_t div128_64(std::uint64_t hi, std::uint64_t lo, std::uint64_t d, std::uint64_t* r);
///   uint128 divmod_u128_u64(uint128 x, std::uint64_t d, std::uint64_t* r);  // the 128/64 path
///   enum class remainder_class { exact, below_half, half, above_half };
///   remainder_class classify_remainder(T r, T d);   // r relative to d/2, overflow-free
/// }
/// @endcode

#include <cstdint>

#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Signed 128-bit integer, the coefficient type of fairport::decimal.
__extension__ typedef __int128 int128;
/// Unsigned 128-bit integer.
__extension__ typedef unsigned __int128 uint128;

namespace detail {

/// 10^k for 0 <= k <= 19.
inline constexpr std::uint64_t pow10_u64_table[20] = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
    10000000000000000000ULL,
};

/// 10^k for 0 <= k <= 38, as a table built at compile time.
struct pow10_u128_table_t {
  uint128 v[39];
  constexpr pow10_u128_table_t() : v() {
    uint128 p = 1;
    for (int i = 0; i < 39; ++i) {
      v[i] = p;
      p *= 10;
    }
  }
};
inline constexpr pow10_u128_table_t pow10_u128_table{};

/// 10^k, 0 <= k <= 19.
constexpr std::uint64_t pow10_u64(int k) noexcept { return pow10_u64_table[k]; }
/// 10^k, 0 <= k <= 38.
constexpr uint128 pow10_u128(int k) noexcept { return pow10_u128_table.v[k]; }

/// 10^38 - 1, the largest coefficient magnitude.
inline constexpr uint128 max_coefficient_u128 = pow10_u128_table.v[38] - 1;

/// Number of decimal digits of x (1 for 0).
inline int digits_u128(uint128 x) noexcept {
  const std::uint64_t hi = static_cast<std::uint64_t>(x >> 64);
  int bits;
  if (hi != 0) {
    bits = 128 - __builtin_clzll(hi);
  } else {
    const std::uint64_t lo = static_cast<std::uint64_t>(x);
    if (lo == 0) return 1;
    bits = 64 - __builtin_clzll(lo);
  }
  // floor(bits * log10(2)) is at most one less than the digit count.
  int d = (bits * 1233) >> 12;  // d <= 38 because x < 2^128 < 10^39
  if (d < 39 && x >= pow10_u128_table.v[d]) ++d;
  return d == 0 ? 1 : d;
}

/// x / 10^k for 1 <= k <= 19 with a compile-time divisor per case, so the compiler replaces the
/// division by a multiplication.
inline std::uint64_t div_pow10_u64(std::uint64_t x, int k) noexcept {
  switch (k) {
    case 1: return x / 10ULL;
    case 2: return x / 100ULL;
    case 3: return x / 1000ULL;
    case 4: return x / 10000ULL;
    case 5: return x / 100000ULL;
    case 6: return x / 1000000ULL;
    case 7: return x / 10000000ULL;
    case 8: return x / 100000000ULL;
    case 9: return x / 1000000000ULL;
    case 10: return x / 10000000000ULL;
    case 11: return x / 100000000000ULL;
    case 12: return x / 1000000000000ULL;
    case 13: return x / 10000000000000ULL;
    case 14: return x / 100000000000000ULL;
    case 15: return x / 1000000000000000ULL;
    case 16: return x / 10000000000000000ULL;
    case 17: return x / 100000000000000000ULL;
    case 18: return x / 1000000000000000000ULL;
    default: return x / 10000000000000000000ULL;
  }
}

/// Reciprocals for x / 10^k with x <= 2^63 and 1 <= k <= 18 (Granlund-Montgomery with a 63-bit
/// dividend): q = (x * m[k]) >> (63 + l[k]), m[k] = ceil(2^(63 + l[k]) / 10^k) < 2^64,
/// l[k] = ceil(log2(10^k)). With m*10^k = 2^(63+l) + e, 0 <= e < 10^k <= 2^l, the error term
/// x*e / (10^k * 2^(63+l)) is below 1/10^k for every x <= 2^63, so the floor is exact.
struct pow10_reciprocals_t {
  std::uint64_t m[19];
  int shift[19];
  constexpr pow10_reciprocals_t() : m(), shift() {
    for (int k = 1; k <= 18; ++k) {
      const uint128 d = pow10_u64_table[k];
      int l = 0;
      while ((uint128(1) << l) < d) ++l;
      const uint128 num = uint128(1) << (63 + l);
      m[k] = static_cast<std::uint64_t>((num + d - 1) / d);
      shift[k] = 63 + l;
    }
  }
};
inline constexpr pow10_reciprocals_t pow10_reciprocals{};

/// x / 10^k for x <= 2^63 and 1 <= k <= 18: one multiplication and one shift, no branches.
inline std::uint64_t div_pow10_small(std::uint64_t x, int k) noexcept {
  // shift >= 67, so take the high word first: a 64-bit shift instead of a 128-bit one.
  const std::uint64_t hi =
      static_cast<std::uint64_t>((static_cast<uint128>(x) * pow10_reciprocals.m[k]) >> 64);
  return hi >> (pow10_reciprocals.shift[k] - 64);
}

/// (hi:lo) / d with hi < d (so the quotient fits 64 bits); remainder to *r. One `divq` on x86-64.
inline std::uint64_t div128_64(std::uint64_t hi, std::uint64_t lo, std::uint64_t d,
                               std::uint64_t* r) noexcept {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  std::uint64_t q, rem;
  __asm__("divq %[d]" : "=a"(q), "=d"(rem) : [d] "rm"(d), "a"(lo), "d"(hi) : "cc");
  *r = rem;
  return q;
#else
  const uint128 n = (static_cast<uint128>(hi) << 64) | lo;
  *r = static_cast<std::uint64_t>(n % d);
  return static_cast<std::uint64_t>(n / d);
#endif
}

/// x / d for a 64-bit divisor d != 0, remainder to *r: at most two hardware divisions.
inline uint128 divmod_u128_u64(uint128 x, std::uint64_t d, std::uint64_t* r) noexcept {
  const std::uint64_t hi = static_cast<std::uint64_t>(x >> 64);
  const std::uint64_t lo = static_cast<std::uint64_t>(x);
  if (hi == 0) {
    *r = lo % d;
    return lo / d;
  }
  if (hi < d) return div128_64(hi, lo, d, r);
  const std::uint64_t qh = hi / d;
  const std::uint64_t rh = hi % d;
  const std::uint64_t ql = div128_64(rh, lo, d, r);
  return (static_cast<uint128>(qh) << 64) | ql;
}

/// Where a discarded remainder lies relative to half of the divisor.
enum class remainder_class : unsigned char { exact, below_half, half, above_half };

/// Classifies remainder r of a division by d (0 <= r < d), without overflow.
template <class T>
constexpr remainder_class classify_remainder(T r, T d) noexcept {
  if (r == 0) return remainder_class::exact;
  const T rest = d - r;
  if (r < rest) return remainder_class::below_half;
  if (r == rest) return remainder_class::half;
  return remainder_class::above_half;
}

}  // namespace detail

FAIRPORT_END_NAMESPACE
