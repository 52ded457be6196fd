// Built by tests/fuzz/targets.cmake and run by tests/fuzz/run_fuzz.cmake (the test
// fuzz.each_target_for_a_while; longer: tests/fuzz/fuzz.sh decimal_parse 1800).
//
// libFuzzer target for fairport::decimal text handling. For every input:
// - try_parse never crashes and agrees with parse (nullopt exactly when parse throws 101);
// - an accepted value round-trips: parse(to_string(x)) is identical to x (same coefficient and
//   scale), and to_string is a canonical plain form (parsing it and printing again is stable);
// - the value stays inside the documented range (|coefficient| <= 10^38 - 1, scale 0..38);
// - round / normalized on the parsed value keep the value in range, round down never increases
//   |x|, normalized() keeps value and hash; x + x == x * 2 and (x + x) - x == x exactly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "fairport/decimal.hpp"

namespace {
[[noreturn]] void fail(const char* what) {
  __builtin_trap();
  (void)what;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using fairport::decimal;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::optional<decimal> parsed = decimal::try_parse(text);
  bool threw = false;
  try {
    const decimal p = decimal::parse(text);
    if (!parsed || !identical(p, *parsed)) fail("parse disagrees with try_parse");
  } catch (const fairport::input_error& e) {
    threw = true;
    if (e.code() != fairport::errc::invalid_decimal) fail("wrong error code");
  }
  if (threw == parsed.has_value()) fail("parse/try_parse acceptance differs");
  if (!parsed) return 0;
  const decimal x = *parsed;
  if (x.scale() < 0 || x.scale() > 38) fail("scale out of range");
  const fairport::uint128 mag =
      x.coefficient() < 0 ? -static_cast<fairport::uint128>(x.coefficient())
                          : static_cast<fairport::uint128>(x.coefficient());
  if (mag > fairport::detail::max_coefficient_u128) fail("coefficient out of range");
  const std::string s = x.to_string();
  const std::optional<decimal> back = decimal::try_parse(s);
  if (!back || !identical(*back, x)) fail("round trip not identical");
  if (back->to_string() != s) fail("to_string not canonical");
  const decimal n = x.normalized();
  if (n != x) fail("normalized changed the value");
  for (int sc = 0; sc <= 38; sc += 7) {
    try {
      const decimal r = x.round(sc, fairport::rounding_mode::down);
      if (r.abs() > x.abs()) fail("round down increased magnitude");
    } catch (const fairport::overflow_error&) {
      // padding beyond 38 digits is allowed to overflow
      if (sc <= x.scale()) fail("rounding to fewer places overflowed");
    }
  }
  // Arithmetic identities on the parsed value (overflow may throw, but both sides must agree).
  try {
    const decimal twice = x + x;
    if (!identical(twice, x * decimal(2))) fail("x + x differs from x * 2");
    if (!identical(twice - x, x)) fail("(x + x) - x differs from x");
  } catch (const fairport::overflow_error&) {
  }
  if (compare(x, n) != 0 || std::hash<decimal>{}(x) != std::hash<decimal>{}(n)) fail("normalized hash");
  return 0;
}
