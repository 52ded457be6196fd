// Unit tests for fairport/decimal.hpp.
// Worked rounding examples follow the General Decimal Arithmetic specification (speleotrove.com
// /decimal/daops.html, "Rounding"), whose table for 12.345 / -12.345 etc. these mirror; exact
// binary expansions of doubles were checked with Python's decimal.Decimal(float).
#include "fairport/decimal.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

namespace {

using fairport::decimal;
using fairport::rounding_mode;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;
using namespace fairport::literals;

decimal D(const char* s) { return decimal::parse(s); }
std::string S(const decimal& d) { return d.to_string(); }

constexpr rounding_mode all_modes[] = {
    rounding_mode::up,        rounding_mode::down,      rounding_mode::ceiling,
    rounding_mode::floor,     rounding_mode::half_up,   rounding_mode::half_down,
    rounding_mode::half_even, rounding_mode::zero_five_up};

const char* const max38 = "99999999999999999999999999999999999999";

// ---------------------------------------------------------------------------------------------
// Parsing and formatting

TEST(DecimalParse, RoundTripsCanonicalPlainTextPreservingTheScale) {
  for (const char* t : {"0", "1", "-1", "2.50", "0.000", "-12.50", "123456.789", "0.0000001",
                        "99999999999999999999999999999999999999",
                        "-99999999999999999999999999999999999999",
                        "0.00000000000000000000000000000000000001",
                        "-9.9999999999999999999999999999999999999"}) {
    EXPECT_EQ(S(D(t)), t) << t;
  }
}

TEST(DecimalParse, KeepsCoefficientAndScaleAsWritten) {
  const decimal d = D("2.50");
  EXPECT_EQ(d.coefficient(), 250);
  EXPECT_EQ(d.scale(), 2);
  EXPECT_EQ(d.digits(), 3);
}

TEST(DecimalParse, AcceptsExponentNotationAndLeadingPlus) {
  EXPECT_EQ(S(D("1E+2")), "100");
  EXPECT_EQ(D("1E+2").scale(), 0);
  EXPECT_EQ(S(D("1.23e-5")), "0.0000123");
  EXPECT_EQ(D("1.23e-5").scale(), 7);
  EXPECT_EQ(S(D("+7")), "7");
  EXPECT_EQ(S(D("1.50E1")), "15.0");
  EXPECT_EQ(S(D("12E-1")), "1.2");
  EXPECT_EQ(S(D("0E+5")), "0");
  EXPECT_EQ(S(D("0.000E+2")), "0.0");
  EXPECT_EQ(S(D("1E-38")), "0.00000000000000000000000000000000000001");
  EXPECT_EQ(S(D("1E+37")), "10000000000000000000000000000000000000");
  EXPECT_EQ(S(D("000123.4500")), "123.4500");
}

TEST(DecimalParse, MinusZeroIsPlainZeroKeepingItsScale) {
  const decimal z = D("-0.00");
  EXPECT_TRUE(z.is_zero());
  EXPECT_FALSE(z.is_negative());
  EXPECT_EQ(z.signum(), 0);
  EXPECT_EQ(S(z), "0.00");
  EXPECT_TRUE(identical(z, D("0.00")));
  EXPECT_EQ(S(-D("0.0")), "0.0");
}

TEST(DecimalParse, RejectsMalformedTextWithCode101AndTheTextQuoted) {
  struct rejection {
    const char* text;
    const char* reason;
  };
  const rejection cases[] = {
      {"", "empty text"},
      {"1,5", "unexpected character \",\" at offset 1"},
      {"NaN", "unexpected character \"N\" at offset 0"},
      {"Infinity", "unexpected character \"I\" at offset 0"},
      {"-Infinity", "unexpected character \"I\" at offset 1"},
      {" 1", "unexpected character \" \" at offset 0"},
      {"1 ", "unexpected character \" \" at offset 1"},
      {"1.", "a digit must follow the decimal point"},
      {".5", "a digit must precede the decimal point"},
      {"-", "no digits"},
      {"+", "no digits"},
      {"1e", "the exponent has no digits"},
      {"1e+", "the exponent has no digits"},
      {"1e99999", "more than 38 digits before the decimal point"},
      {"1e-99999", "more than 38 digits after the decimal point"},
      {"1E+38", "more than 38 digits before the decimal point"},
      {"1.0E-38", "more than 38 digits after the decimal point"},
      {"0.000000000000000000000000000000000000001", "more than 38 digits after the decimal point"},
      {"100000000000000000000000000000000000000", "more than 38 significant digits"},
      {"0x10", "unexpected character \"x\" at offset 1"},
      {"1..2", "a digit must follow the decimal point"},
      {"1.2.3", "unexpected character \".\" at offset 3"},
      {"--1", "unexpected character \"-\" at offset 1"},
  };
  for (const rejection& c : cases) {
    const std::string quoted = std::string("invalid decimal \"") + c.text + "\": " + c.reason;
    EXPECT_THAT([&] { (void)decimal::parse(c.text); },
                ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.101]")))
        << c.text;
    EXPECT_THAT([&] { (void)decimal::parse(c.text); },
                ThrowsMessage<fairport::input_error>(HasSubstr(quoted)))
        << c.text;
    EXPECT_FALSE(decimal::try_parse(c.text).has_value()) << c.text;
  }
}

TEST(DecimalParse, RejectsAThreeHundredDigitNumberAndQuotesOnlyItsStart) {
  const std::string big(300, '7');
  try {
    (void)decimal::parse(big);
    FAIL() << "accepted 300 digits";
  } catch (const fairport::input_error& e) {
    EXPECT_EQ(e.code(), fairport::errc::invalid_decimal);
    EXPECT_THAT(e.what(), HasSubstr("[fairport.input.101]"));
    EXPECT_THAT(e.what(), HasSubstr("...\" (300 characters): more than 38 significant digits"));
  }
}

TEST(DecimalParse, EscapesControlBytesInTheQuotedText) {
  EXPECT_THAT([] { (void)decimal::parse(std::string_view("1\n2", 3)); },
              ThrowsMessage<fairport::input_error>(HasSubstr("\"1\\x0a2\"")));
}

TEST(DecimalParse, TryParseReturnsTheValueForValidText) {
  const auto d = decimal::try_parse("-3.14");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->coefficient(), -314);
  EXPECT_EQ(d->scale(), 2);
}

TEST(DecimalFormat, StreamsTheCanonicalText) {
  std::ostringstream os;
  os << D("-0.050") << ' ' << decimal(42);
  EXPECT_EQ(os.str(), "-0.050 42");
}

// ---------------------------------------------------------------------------------------------
// Construction

TEST(DecimalConstruct, FromIntegersIsExactAtScaleZero) {
  EXPECT_EQ(S(decimal(std::numeric_limits<std::int64_t>::min())), "-9223372036854775808");
  EXPECT_EQ(S(decimal(std::numeric_limits<std::uint64_t>::max())), "18446744073709551615");
  EXPECT_EQ(decimal(7).scale(), 0);
  EXPECT_TRUE(decimal().is_zero());
  static_assert(!std::is_constructible_v<decimal, double>);
  static_assert(!std::is_constructible_v<decimal, float>);
  static_assert(!std::is_constructible_v<decimal, bool>);
  static_assert(!std::is_convertible_v<int, decimal>);
  static_assert(sizeof(decimal) <= 32);
}

TEST(DecimalConstruct, FromPartsChecksCoefficientAndScale) {
  EXPECT_EQ(S(decimal::from_parts(-1250, 3)), "-1.250");
  const fairport::int128 too_big = static_cast<fairport::int128>(fairport::detail::pow10_u128(38));
  EXPECT_THAT([&] { (void)decimal::from_parts(too_big, 0); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([] { (void)decimal::from_parts(1, 39); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
  EXPECT_THAT([] { (void)decimal::from_parts(1, -1); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
}

TEST(DecimalLiterals, ParseTheLiteralTextExactly) {
  EXPECT_TRUE(identical(12.50_d, D("12.50")));
  EXPECT_TRUE(identical(1e2_d, D("100")));
  EXPECT_TRUE(identical(0.1_d, D("0.1")));
  EXPECT_TRUE(identical(1'000'000_d, decimal(1000000)));
  EXPECT_THAT([] { (void)0x10_d; },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.101]")));
}

TEST(DecimalFromDouble, ExpandsTheExactBinaryValueThenRoundsOnce) {
  // Decimal(0.1) = 0.1000000000000000055511151231257827021181583404541015625
  EXPECT_EQ(S(decimal::from_double(0.1, 20, rounding_mode::down)), "0.10000000000000000555");
  EXPECT_EQ(S(decimal::from_double(0.1, 20, rounding_mode::up)), "0.10000000000000000556");
  EXPECT_EQ(S(decimal::from_double(0.1, 1, rounding_mode::half_even)), "0.1");
  EXPECT_EQ(S(decimal::from_double(-0.1, 20, rounding_mode::floor)), "-0.10000000000000000556");
  EXPECT_EQ(S(decimal::from_double(-0.1, 20, rounding_mode::ceiling)), "-0.10000000000000000555");
  // 2.675 is 2.67499999999999982236431605997495353221893310546875: half_up gives 2.67.
  EXPECT_EQ(S(decimal::from_double(2.675, 2, rounding_mode::half_up)), "2.67");
  EXPECT_EQ(S(decimal::from_double(0.5, 0, rounding_mode::half_even)), "0");
  EXPECT_EQ(S(decimal::from_double(1.5, 0, rounding_mode::half_even)), "2");
  EXPECT_EQ(S(decimal::from_double(-0.0, 2, rounding_mode::half_even)), "0.00");
  EXPECT_EQ(S(decimal::from_double(1e20, 0, rounding_mode::down)), "100000000000000000000");
  EXPECT_EQ(S(decimal::from_double(5e-324, 38, rounding_mode::up)),
            "0.00000000000000000000000000000000000001");
  EXPECT_EQ(S(decimal::from_double(5e-324, 38, rounding_mode::down)), "0.00000000000000000000000000000000000000");
  EXPECT_THAT([] { (void)decimal::from_double(1e38, 1, rounding_mode::down); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([] { (void)decimal::from_double(std::numeric_limits<double>::quiet_NaN(), 2, rounding_mode::down); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
  EXPECT_THAT([] { (void)decimal::from_double(std::numeric_limits<double>::infinity(), 2, rounding_mode::down); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
}

// ---------------------------------------------------------------------------------------------
// Rounding

struct rounding_row {
  const char* input;
  // results for up, down, ceiling, floor, half_up, half_down, half_even, 05up
  const char* expected[8];
};

// Rounding to 0 places; each row checked against Python decimal's quantize(Decimal(1), mode).
const rounding_row rounding_table[] = {
    {"2.5", {"3", "2", "3", "2", "3", "2", "2", "2"}},
    {"3.5", {"4", "3", "4", "3", "4", "3", "4", "3"}},
    {"-2.5", {"-3", "-2", "-2", "-3", "-3", "-2", "-2", "-2"}},
    {"-3.5", {"-4", "-3", "-3", "-4", "-4", "-3", "-4", "-3"}},
    {"2.4", {"3", "2", "3", "2", "2", "2", "2", "2"}},
    {"2.6", {"3", "2", "3", "2", "3", "3", "3", "2"}},
    {"-2.4", {"-3", "-2", "-2", "-3", "-2", "-2", "-2", "-2"}},
    {"-2.6", {"-3", "-2", "-2", "-3", "-3", "-3", "-3", "-2"}},
    {"0.5", {"1", "0", "1", "0", "1", "0", "0", "1"}},
    {"5.1", {"6", "5", "6", "5", "5", "5", "5", "6"}},
    {"-5.1", {"-6", "-5", "-5", "-6", "-5", "-5", "-5", "-6"}},
    {"2.50000000000000000001", {"3", "2", "3", "2", "3", "3", "3", "2"}},
    {"7", {"7", "7", "7", "7", "7", "7", "7", "7"}},
};

TEST(DecimalRound, EachModeOnTiesAndNonTiesPositiveAndNegative) {
  for (const rounding_row& row : rounding_table) {
    for (int m = 0; m < 8; ++m) {
      const rounding_mode mode = all_modes[m];
      EXPECT_EQ(S(D(row.input).round(0, mode)), row.expected[m])
          << row.input << " " << fairport::to_string(mode);
    }
  }
}

TEST(DecimalRound, TwelvePointThreeFourFiveToTwoPlacesFollowsTheSpecTable) {
  // GDA spec examples: 12.345 rounded to 4 digits.
  const char* expected[8] = {"12.35", "12.34", "12.35", "12.34", "12.35", "12.34", "12.34", "12.34"};
  const char* negative[8] = {"-12.35", "-12.34", "-12.34", "-12.35", "-12.35", "-12.34", "-12.34", "-12.34"};
  for (int m = 0; m < 8; ++m) {
    EXPECT_EQ(S(D("12.345").round(2, all_modes[m])), expected[m]) << m;
    EXPECT_EQ(S(D("-12.345").round(2, all_modes[m])), negative[m]) << m;
    EXPECT_EQ(S(D("12.345").round_significant(4, all_modes[m])), expected[m]) << m;
  }
}

TEST(DecimalRound, CarriesIntoANewDigit) {
  EXPECT_EQ(S(D("9.99").round(1, rounding_mode::half_even)), "10.0");
  EXPECT_EQ(S(D("-9.99").round(1, rounding_mode::up)), "-10.0");
  EXPECT_EQ(S(D("9.99").round_significant(2, rounding_mode::half_even)), "10");
  EXPECT_EQ(S(D("0.0999").round_significant(2, rounding_mode::half_up)), "0.10");
  EXPECT_EQ(S(D("999").round_significant(2, rounding_mode::half_up)), "1000");
}

TEST(DecimalRound, BeyondNineteenPlacesUsesTheWidePath) {
  EXPECT_EQ(S(D("1.0000000000000000000000000000000000005").round(0, rounding_mode::up)), "2");
  EXPECT_EQ(S(D("5.0000000000000000000000000000000000005").round(0, rounding_mode::zero_five_up)), "6");
  EXPECT_EQ(S(D("1.0000000000000000000000000000000000005").round(0, rounding_mode::zero_five_up)), "1");
  EXPECT_EQ(S(D("0.50000000000000000000000000000000000000").round(0, rounding_mode::half_even)), "0");
  EXPECT_EQ(S(D("1.5000000000000000000000000000000000000").round(0, rounding_mode::half_even)), "2");
  EXPECT_EQ(S(D("-1.5000000000000000000000000000000000001").round(1, rounding_mode::half_down)), "-1.5");
  EXPECT_EQ(S(D("-1.5500000000000000000000000000000000000").round(1, rounding_mode::half_down)), "-1.5");
  EXPECT_EQ(S(D("-1.5500000000000000000000000000000000000").round(1, rounding_mode::half_up)), "-1.6");
  EXPECT_EQ(S(D("1234567890123456789012.3456789012345678").round(3, rounding_mode::half_down)),
            "1234567890123456789012.346");
}

TEST(DecimalRound, HandlesTheSmallestInt64Coefficient) {
  const decimal x = decimal::from_parts(std::numeric_limits<std::int64_t>::min(), 1);
  EXPECT_EQ(S(x.round(0, rounding_mode::half_even)), "-922337203685477581");
  EXPECT_EQ(S(x.round(0, rounding_mode::down)), "-922337203685477580");
  EXPECT_EQ(S(multiply(decimal::from_parts(std::numeric_limits<std::int64_t>::min(), 1), decimal(1), 0,
                       rounding_mode::ceiling)),
            "-922337203685477580");
}

// The register fast path (|coefficient| < 2^61, 1..18 places dropped: a floor division of the
// coefficient plus a bias) against the 128-bit path (the same value with 19 more zeros, so
// more than 18 places are dropped), in every mode: around every tie and exact multiple for
// small values, on both sides of the fast path's 2^61 edge, and for every k.
TEST(DecimalRound, RegisterFastPathAgreesWithTheWidePathInEveryMode) {
  const rounding_mode modes[] = {rounding_mode::up,        rounding_mode::down,     rounding_mode::ceiling,
                                 rounding_mode::floor,     rounding_mode::half_up,  rounding_mode::half_down,
                                 rounding_mode::half_even, rounding_mode::zero_five_up};
  const fairport::int128 e19 = fairport::int128(1000000000000000000LL) * 10;
  std::vector<std::int64_t> coefficients;
  for (std::int64_t c = -2600; c <= 2600; ++c) coefficients.push_back(c);
  const std::int64_t edge = std::int64_t(1) << 61;
  for (std::int64_t c : {edge - 1, edge, -edge, -edge - 1, edge - 5, -edge + 5,
                         std::int64_t(4611686018427387904), std::numeric_limits<std::int64_t>::max(),
                         std::numeric_limits<std::int64_t>::min() + 1}) {
    coefficients.push_back(c);
  }
  // Ties and multiples of 10^k, k = 1..18 (the loop stops before 10^19 would overflow).
  for (std::int64_t p = 10;; p *= 10) {
    for (std::int64_t c : {p / 2, p / 2 - 1, p / 2 + 1, p, p + p / 2, 3 * p + p / 2, 7 * p - p / 2}) {
      coefficients.push_back(c);
      coefficients.push_back(-c);
    }
    if (p == 1000000000000000000LL) break;
  }
  int compared = 0;
  for (rounding_mode m : modes) {
    for (int k = 1; k <= 18; ++k) {
      for (std::int64_t c : coefficients) {
        if (k > 4 && c > -2600 && c < 2600 && c % 1000 != 0) continue;  // keep the run short
        const decimal fast = decimal::from_parts(c, 19).round(19 - k, m);
        const decimal wide = decimal::from_parts(fairport::int128(c) * e19, 38).round(19 - k, m);
        ASSERT_TRUE(identical(fast, wide))
            << c << " at scale 19 to " << (19 - k) << " places, " << fairport::to_string(m) << ": "
            << fast << " vs " << wide;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100000);
}

TEST(DecimalRound, ToMorePlacesPadsWithZerosOrOverflows) {
  EXPECT_EQ(S(D("1.5").round(4, rounding_mode::down)), "1.5000");
  EXPECT_THAT([] { (void)D("1234567890").round(38, rounding_mode::down); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([] { (void)D("1.5").round(39, rounding_mode::down); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
  EXPECT_THAT([] { (void)D("1.5").round(-1, rounding_mode::down); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
}

TEST(DecimalRound, SignificantDigitsWithAPositiveExponentGiveAnIntegerAtScaleZero) {
  const decimal r = D("12345").round_significant(2, rounding_mode::half_even);
  EXPECT_EQ(S(r), "12000");
  EXPECT_EQ(r.scale(), 0);
  EXPECT_TRUE(identical(D("1.5").round_significant(5, rounding_mode::down), D("1.5")));
  EXPECT_THAT([] { (void)D(max38).round_significant(2, rounding_mode::up); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([] { (void)D("1").round_significant(0, rounding_mode::up); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
}

TEST(DecimalRound, ZeroFiveUpMovesAwayOnlyFromZeroOrFive) {
  EXPECT_EQ(S(D("1.01").round(1, rounding_mode::zero_five_up)), "1.1");  // truncated 1.0 ends in 0
  EXPECT_EQ(S(D("1.51").round(1, rounding_mode::zero_five_up)), "1.6");  // ends in 5
  EXPECT_EQ(S(D("1.21").round(1, rounding_mode::zero_five_up)), "1.2");
  EXPECT_EQ(S(D("-1.01").round(1, rounding_mode::zero_five_up)), "-1.1");
  EXPECT_EQ(S(D("1.00").round(1, rounding_mode::zero_five_up)), "1.0");  // exact: no change
}

TEST(DecimalWithScale, RescalesExactlyOrThrows205) {
  EXPECT_EQ(S(D("2.500").with_scale(1)), "2.5");
  EXPECT_EQ(S(D("2.5").with_scale(3)), "2.500");
  EXPECT_THAT([] { (void)D("2.55").with_scale(1); },
              ThrowsMessage<fairport::arithmetic_error>(HasSubstr("[fairport.arithmetic.205]")));
  EXPECT_THAT([] { (void)D(max38).with_scale(1); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
}

TEST(DecimalNormalized, StripsTrailingFractionZerosOnly) {
  EXPECT_TRUE(identical(D("2.500").normalized(), D("2.5")));
  EXPECT_TRUE(identical(D("0.00").normalized(), D("0")));
  EXPECT_TRUE(identical(D("100").normalized(), D("100")));
  EXPECT_TRUE(identical(D("-10.10").normalized(), D("-10.1")));
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

TEST(DecimalArithmetic, AddAndSubtractAreExactAtTheLargerScale) {
  EXPECT_TRUE(identical(D("1.25") + D("1.25"), D("2.50")));
  EXPECT_TRUE(identical(D("1.2") + D("0.005"), D("1.205")));
  EXPECT_TRUE(identical(D("1") - D("0.001"), D("0.999")));
  EXPECT_TRUE(identical(D("-5.5") - D("-5.50"), D("0.00")));
  decimal acc(0);
  for (int i = 0; i < 10; ++i) acc += D("0.1");
  EXPECT_TRUE(identical(acc, D("1.0")));
  acc -= D("0.25");
  EXPECT_TRUE(identical(acc, D("0.75")));
}

TEST(DecimalArithmetic, MultiplyIsExactAtTheSumOfScales) {
  EXPECT_TRUE(identical(D("1.5") * D("2.25"), D("3.375")));
  EXPECT_TRUE(identical(D("-0.10") * D("3"), D("-0.30")));
  decimal x = D("1.1");
  x *= D("1.1");
  EXPECT_TRUE(identical(x, D("1.21")));
  // both coefficients beyond 64 bits but the product fits 38 digits
  EXPECT_TRUE(identical(D("1.00000000000000000001") * D("-10"), D("-10.00000000000000000010")));
  EXPECT_TRUE(identical(D("100000000000000000001") * D("100000000000000000"),
                        D("10000000000000000000100000000000000000")));
}

TEST(DecimalArithmetic, OverflowAtThe38DigitBoundaryThrows201) {
  const decimal max = D(max38);
  EXPECT_EQ(S(max - decimal(1) + decimal(1)), max38);
  EXPECT_THAT([&] { (void)(max + decimal(1)); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([&] { (void)(-max - decimal(1)); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([&] { (void)(max + max); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr(std::string(max38) + " + " + max38)));
  EXPECT_THAT([&] { (void)(-max + -max); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([&] { (void)(max - -max); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  // sums just inside the range whose high word equals that of 10^38 - 1
  EXPECT_EQ(S(D("99999999999999999999999999999999999990") + D("9")), max38);
  EXPECT_EQ(S(D("-99999999999999999999999999999999999990") - D("9")), std::string("-") + max38);
  EXPECT_THAT([&] { (void)(max * decimal(2)); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([&] { (void)(D("10000000000000000000") * D("10000000000000000000")); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_EQ(S(D("1000000000000000000") * D("10000000000000000000")),
            "10000000000000000000000000000000000000");
  // 1 + 0.1 needs 39 digits once aligned to scale 38
  EXPECT_THAT([&] { (void)(D("1") + D("0.00000000000000000000000000000000000001") + D("10")); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  // the product's scale would exceed 38
  EXPECT_THAT([&] { (void)(D("0.00000000000000000001") * D("0.0000000000000000001")); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("scale 39 > 38")));
}

TEST(DecimalArithmetic, AlignmentBeyond128BitsStillGivesAnExactFittingSum) {
  // 17 at scale 37 overflows 128 bits, but 17 - 9.9 = 7.1 fits.
  const decimal b = D("-9.900000000000000000000000000000000000");
  ASSERT_EQ(b.scale(), 36);
  EXPECT_EQ(S(D("17") + b), "7.100000000000000000000000000000000000");
  const decimal c = D("-9.9000000000000000000000000000000000000");
  EXPECT_EQ(S(D("17") + c), "7.1000000000000000000000000000000000000");
  EXPECT_EQ(S(c + D("17")), "7.1000000000000000000000000000000000000");
  EXPECT_EQ(S(D("17") - D("9.9000000000000000000000000000000000000")), "7.1000000000000000000000000000000000000");
}

TEST(DecimalArithmetic, RoundedMultiplyKeepsAllDigitsBeforeRoundingOnce) {
  // Python: Decimal('1.23456789012345678901234567890123456') * Decimal('9.87654321098765432109876543210987654')
  //   = 12.1932631137021795226185032733866787775598232245447340371333485751812224
  const decimal a = D("1.23456789012345678901234567890123456");
  const decimal b = D("9.87654321098765432109876543210987654");
  EXPECT_EQ(S(multiply(a, b, 30, rounding_mode::half_even)), "12.193263113702179522618503273387");
  EXPECT_EQ(S(multiply(a, b, 30, rounding_mode::down)), "12.193263113702179522618503273386");
  EXPECT_EQ(S(multiply_significant(a, b, 34, rounding_mode::half_even)),
            "12.19326311370217952261850327338668");
  EXPECT_EQ(S(multiply(D("2.5"), D("0.5"), 1, rounding_mode::half_even)), "1.2");
  EXPECT_EQ(S(multiply(D("-2.5"), D("0.5"), 1, rounding_mode::half_up)), "-1.3");
  EXPECT_EQ(S(multiply(D("12.3456"), D("2.125"), 6, rounding_mode::half_even)), "26.234400");
  EXPECT_EQ(S(multiply(D("1.05"), D("1.5"), 2, rounding_mode::half_even)), "1.58");  // 1.575
  EXPECT_EQ(S(multiply(D("1.15"), D("1.5"), 2, rounding_mode::half_even)), "1.72");  // 1.725
  EXPECT_THAT([] { (void)multiply(D("1"), D("1"), 39, rounding_mode::up); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
  EXPECT_THAT([&] { (void)(a * b); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
}

TEST(DecimalDivide, RoundsOnceToTheRequestedScale) {
  EXPECT_EQ(S(divide(decimal(1), decimal(3), 2, rounding_mode::half_even)), "0.33");
  EXPECT_EQ(S(divide(decimal(2), decimal(3), 2, rounding_mode::half_even)), "0.67");
  EXPECT_EQ(S(divide(decimal(2), decimal(3), 2, rounding_mode::down)), "0.66");
  EXPECT_EQ(S(divide(decimal(-2), decimal(3), 2, rounding_mode::floor)), "-0.67");
  EXPECT_EQ(S(divide(decimal(-2), decimal(3), 2, rounding_mode::ceiling)), "-0.66");
  EXPECT_EQ(S(divide(D("1"), D("8"), 2, rounding_mode::half_even)), "0.12");
  EXPECT_EQ(S(divide(D("1"), D("8"), 2, rounding_mode::half_up)), "0.13");
  EXPECT_EQ(S(divide(D("1"), D("8"), 2, rounding_mode::half_down)), "0.12");
  EXPECT_EQ(S(divide(D("15"), D("3"), 0, rounding_mode::down)), "5");
  EXPECT_EQ(S(divide(D("10.00"), D("0.004"), 1, rounding_mode::down)), "2500.0");
  EXPECT_EQ(S(divide(decimal(1), decimal(3), 38, rounding_mode::half_even)),
            "0.33333333333333333333333333333333333333");
  EXPECT_EQ(S(divide(D("0.1"), D("0.00000000000000000000000000000000000003"), 0, rounding_mode::half_even)),
            "3333333333333333333333333333333333333");
  EXPECT_EQ(S(divide(D("0"), D("7"), 3, rounding_mode::up)), "0.000");
}

TEST(DecimalDivide, ThrowsOnZeroOverflowAndBadScale) {
  EXPECT_THAT([] { (void)divide(decimal(1), decimal(0), 2, rounding_mode::half_even); },
              ThrowsMessage<fairport::arithmetic_error>(HasSubstr("[fairport.arithmetic.202]")));
  EXPECT_THAT([] { (void)divide_significant(decimal(1), D("0.00"), 2, rounding_mode::half_even); },
              ThrowsMessage<fairport::arithmetic_error>(HasSubstr("[fairport.arithmetic.202]")));
  EXPECT_THAT([] { (void)divide(D(max38), D("0.1"), 0, rounding_mode::half_even); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([] { (void)divide(D("1"), D("3"), 39, rounding_mode::half_even); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.106]")));
}

TEST(DecimalDivide, SignificantDigitsFollowTheSpecExponentRules) {
  // decTest divide: 1/3 (precision 9) -> 0.333333333; 2.400/2 -> 1.200; 1000/100 -> 10;
  // 2.40E+6 / 2 -> 1.20E+6 (here 1200000 at scale 0)
  EXPECT_EQ(S(divide_significant(D("1"), D("3"), 9, rounding_mode::half_up)), "0.333333333");
  EXPECT_EQ(S(divide_significant(D("2.400"), D("2"), 9, rounding_mode::half_up)), "1.200");
  EXPECT_EQ(S(divide_significant(D("1000"), D("100"), 9, rounding_mode::half_up)), "10");
  EXPECT_EQ(S(divide_significant(D("2.4"), D("-1"), 9, rounding_mode::half_up)), "-2.4");
  EXPECT_EQ(S(divide_significant(D("1"), D("0.0003"), 9, rounding_mode::half_even)), "3333.33333");
  EXPECT_EQ(S(divide_significant(D("2"), D("3"), 9, rounding_mode::half_up)), "0.666666667");
  EXPECT_EQ(S(divide_significant(D("9.9999999999"), D("1"), 2, rounding_mode::half_up)), "10");
  EXPECT_EQ(S(divide_significant(D("0.00"), D("7"), 2, rounding_mode::half_up)), "0.00");
}

// ---------------------------------------------------------------------------------------------
// Comparison and hashing

TEST(DecimalCompare, EqualityAndOrderAreByValueAcrossScales) {
  EXPECT_EQ(D("1.0"), D("1.00"));
  EXPECT_FALSE(identical(D("1.0"), D("1.00")));
  EXPECT_NE(D("1.0"), D("1.01"));
  EXPECT_LT(D("1.5"), D("1.50001"));
  EXPECT_GT(D("-1.5"), D("-1.50001"));
  EXPECT_LE(D("2"), D("2.000"));
  EXPECT_GE(D("2"), D("2.000"));
  EXPECT_EQ(compare(D("0.00"), D("0")), 0);
  EXPECT_EQ(compare(D("-0.1"), D("0")), -1);
  EXPECT_EQ(compare(D(max38), D("0.00000000000000000000000000000000000001")), 1);
  EXPECT_EQ(compare(D("-99999999999999999999999999999999999999"), D("-0.1")), -1);
  EXPECT_EQ(compare(D("0.1"), D("99999999999999999999999999999999999999")), -1);
}

TEST(DecimalHash, EqualValuesHashEqual) {
  const std::hash<decimal> h;
  EXPECT_EQ(h(D("1.0")), h(D("1.00")));
  EXPECT_EQ(h(D("1")), h(D("1.000")));
  EXPECT_EQ(h(D("0")), h(D("0.00")));
  EXPECT_EQ(h(D("-0.00")), h(D("0")));
  EXPECT_NE(h(D("1")), h(D("10")));
  std::unordered_set<decimal> set{D("1.0"), D("1.00"), D("2"), D("0.5"), D("0.50")};
  EXPECT_EQ(set.size(), 3u);
}

TEST(DecimalToInt64, ConvertsIntegersAndRejectsFractionsAndOverflow) {
  EXPECT_EQ(D("42.000").to_int64(), 42);
  EXPECT_EQ(D("-9223372036854775808").to_int64(), std::numeric_limits<std::int64_t>::min());
  EXPECT_EQ(D("9223372036854775807").to_int64(), std::numeric_limits<std::int64_t>::max());
  EXPECT_THAT([] { (void)D("9223372036854775808").to_int64(); },
              ThrowsMessage<fairport::overflow_error>(HasSubstr("[fairport.arithmetic.201]")));
  EXPECT_THAT([] { (void)D("1.5").to_int64(); },
              ThrowsMessage<fairport::arithmetic_error>(HasSubstr("[fairport.arithmetic.205]")));
}

TEST(RoundingMode, NamesRoundTripAndUnknownNamesThrow108) {
  for (rounding_mode m : all_modes) EXPECT_EQ(fairport::parse_rounding_mode(fairport::to_string(m)), m);
  EXPECT_EQ(fairport::to_string(rounding_mode::zero_five_up), "05up");
  EXPECT_EQ(fairport::to_string(rounding_mode::half_even), "half_even");
  EXPECT_EQ(fairport::parse_rounding_mode("zero_five_up"), rounding_mode::zero_five_up);
  EXPECT_THAT([] { (void)fairport::parse_rounding_mode("HALF_EVEN"); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.108] unknown rounding mode \"HALF_EVEN\"")));
}

}  // namespace
