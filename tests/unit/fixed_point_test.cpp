// Fixed-point columns: exact products, one named rounding, overflow flagged (the differential
// test against Python's decimal over every mode is tests/python/test_batch.py).
#include "fairport/fixed_point.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <vector>

using namespace fairport;

TEST(FixedPoint, LineExtensionsRoundOnceAndFlagOverflow) {
  // 187.35 x 12 = 2248.20; -0.05 x 3 = -0.15 -> -0.2 half up (away from zero), -0.1 half even;
  // 2^62 x 4 needs 128 bits: 184467440737095516.16 -> ...516.2 at one place; INT64_MAX x 10 at
  // scale 0 does not fit.
  const std::vector<std::int64_t> a = {18735, -5, std::int64_t(1) << 62,
                                       std::numeric_limits<std::int64_t>::max()};
  const std::vector<std::int64_t> b = {12, 3, 4, 10};
  std::vector<std::int64_t> out(4);
  std::vector<std::uint8_t> over(4);
  EXPECT_EQ(multiply_fixed(a.data(), 2, b.data(), 0, 3, 1, rounding_mode::half_up, out.data(),
                           over.data()),
            0u);
  EXPECT_EQ(out[0], 22482);
  EXPECT_EQ(out[1], -2);
  EXPECT_EQ(out[2], 1844674407370955162);
  multiply_fixed(a.data(), 2, b.data(), 0, 2, 1, rounding_mode::half_even, out.data(), over.data());
  EXPECT_EQ(out[1], -2);  // -0.15 -> -0.2: the 1 before the 5 is odd
  EXPECT_EQ(multiply_fixed(a.data() + 3, 0, b.data() + 3, 0, 1, 0, rounding_mode::down, out.data(),
                           over.data()),
            1u);
  EXPECT_EQ(over[0], 1);
  EXPECT_EQ(out[0], 0);
  // More places than the inputs have: zeros appended, exactly.
  multiply_fixed(a.data(), 2, b.data(), 0, 1, 4, rounding_mode::down, out.data(), over.data());
  EXPECT_EQ(out[0], 22482000);
  EXPECT_THROW(
      multiply_fixed(a.data(), 19, b.data(), 0, 1, 2, rounding_mode::down, out.data(), over.data()),
      input_error);
}
