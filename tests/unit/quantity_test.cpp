// Tests for include/fairport/quantity.hpp: exact quantities with compile-time kinds.
//
// Exact factors: 1 lb = 0.45359237 kg (International Yard and Pound Agreement, 1959) and
// 1 oz = 1/16 lb = 0.028349523125 kg (NIST SP 811, Appendix B.8).
#include "fairport/quantity.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <type_traits>

namespace {

using fairport::any_unit;
using fairport::decimal;
using fairport::quantity;
using fairport::rounding_mode;
using fairport::unit_kind;
namespace units = fairport::units;
using namespace std::string_literals;
using testing::HasSubstr;
using testing::StrEq;
using testing::ThrowsMessage;

decimal d(const char* s) { return decimal::parse(s); }
// Same value AND same scale. Exact conversions take the ideal scale of an exact decimal
// division (as Python's decimal: Decimal('0.453592370000') / Decimal('0.45359237') == 1.0000).
::testing::AssertionResult same(const decimal& a, const char* expected) {
  if (a.to_string() == expected) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a.to_string() << " != " << expected;
}

TEST(Unit, FactorsAreExactDecimals) {
  EXPECT_TRUE(same(units::pound.factor(), "0.45359237"));
  EXPECT_TRUE(same(units::ounce.factor(), "0.028349523125"));
  EXPECT_TRUE(same(units::gram.factor(), "0.001"));
  EXPECT_TRUE(same(units::tonne.factor(), "1000"));
  EXPECT_TRUE(same(units::quintal_46kg.factor(), "46"));
  EXPECT_TRUE(same(units::hundred_kilograms.factor(), "100"));
  EXPECT_TRUE(same(units::cubic_metre.factor(), "1000"));
  EXPECT_TRUE(same(units::hectolitre.factor(), "100"));
  EXPECT_TRUE(same(units::millilitre.factor(), "0.001"));
  EXPECT_TRUE(same(units::pair.factor(), "2"));
  EXPECT_TRUE(same(units::dozen.factor(), "12"));
  EXPECT_TRUE(same(units::centimetre.factor(), "0.01"));
  EXPECT_TRUE(same(units::millimetre.factor(), "0.001"));
  EXPECT_TRUE(same(units::square_centimetre.factor(), "0.0001"));
  // 16 oz is exactly one pound.
  EXPECT_EQ(units::ounce.factor() * decimal(16), units::pound.factor());
}

TEST(Unit, BaseUnitsAreKilogramLitrePieceMetreSquareMetre) {
  EXPECT_EQ(fairport::unit<fairport::mass>::base(), units::kilogram);
  EXPECT_EQ(fairport::unit<fairport::volume>::base(), units::litre);
  EXPECT_EQ(fairport::unit<fairport::count>::base(), units::piece);
  EXPECT_EQ(fairport::unit<fairport::length>::base(), units::metre);
  EXPECT_EQ(fairport::unit<fairport::area>::base(), units::square_metre);
  EXPECT_TRUE(units::kilogram.is_base());
  EXPECT_FALSE(units::gram.is_base());
}

TEST(Unit, IsAConstexprValue) {
  constexpr auto u = units::pound;
  static_assert(u.name() == "lb");
  static_assert(u.factor_coefficient() == 45359237 && u.factor_scale() == 8);
  static_assert(units::kilogram != units::gram);
  static_assert(std::is_trivially_copyable_v<fairport::unit<fairport::mass>>);
  SUCCEED();
}

TEST(Unit, RejectsAnEmptyNameOrNonPositiveFactor) {
  EXPECT_THAT([] { fairport::unit<fairport::mass>("", 1, 0); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.107]")));
  EXPECT_THROW(fairport::unit<fairport::mass>("x", 0, 0), fairport::input_error);
  EXPECT_THROW(fairport::unit<fairport::mass>("x", -1, 0), fairport::input_error);
  EXPECT_THROW(fairport::unit<fairport::mass>("sixteen-chars-xx", 1, 0), fairport::input_error);
}

TEST(ParseUnit, ReadsTheSymbolsUsedInDataFiles) {
  EXPECT_EQ(fairport::parse_unit<fairport::mass>("kg"), units::kilogram);
  EXPECT_EQ(fairport::parse_unit<fairport::mass>("100kg"), units::hundred_kilograms);
  EXPECT_EQ(fairport::parse_unit<fairport::mass>("tonne"), units::tonne);
  EXPECT_EQ(fairport::parse_unit<fairport::mass>("t"), units::tonne);
  EXPECT_EQ(fairport::parse_unit<fairport::mass>("quintal46kg"), units::quintal_46kg);
  EXPECT_EQ(fairport::parse_unit<fairport::volume>("litre"), units::litre);
  EXPECT_EQ(fairport::parse_unit<fairport::count>("piece"), units::piece);
  EXPECT_EQ(fairport::parse_unit<fairport::count>("dozen"), units::dozen);
  EXPECT_EQ(fairport::parse_unit<fairport::area>("m2"), units::square_metre);
  EXPECT_EQ(fairport::parse_unit<fairport::length>("mm"), units::millimetre);
}

TEST(ParseUnit, RejectsUnknownSpellingsWithInvalidUnit) {
  EXPECT_THAT([] { (void)fairport::parse_unit<fairport::mass>("KG"); },
              ThrowsMessage<fairport::input_error>(
                  StrEq("[fairport.input.107] unknown unit of measure \"KG\"")));
  for (const char* bad : {"", " kg", "kg ", "kilo", "100 kg", "lbs", "m²"}) {
    EXPECT_FALSE(fairport::try_parse_unit<fairport::mass>(bad)) << bad;
    EXPECT_FALSE(any_unit::try_parse(bad)) << bad;
  }
}

TEST(ParseUnit, RejectsAUnitOfAnotherKind) {
  EXPECT_THAT([] { (void)fairport::parse_unit<fairport::mass>("litre"); },
              ThrowsMessage<fairport::input_error>(
                  StrEq("[fairport.input.107] unit \"litre\" is a volume unit, not a mass unit")));
  EXPECT_FALSE(fairport::try_parse_unit<fairport::count>("kg"));
}

TEST(AnyUnit, ReportsKindAndExactFactor) {
  const any_unit u = fairport::parse_any_unit("100kg");
  EXPECT_EQ(u.kind(), unit_kind::mass);
  EXPECT_TRUE(same(u.factor(), "100"));
  EXPECT_EQ(u.name(), "100kg");
  EXPECT_TRUE(u.is<fairport::mass>());
  EXPECT_FALSE(u.is<fairport::count>());
  EXPECT_EQ(u.as<fairport::mass>(), units::hundred_kilograms);

  EXPECT_EQ(fairport::parse_any_unit("piece").kind(), unit_kind::count);
  EXPECT_EQ(fairport::parse_any_unit("litre").kind(), unit_kind::volume);
  EXPECT_EQ(fairport::parse_any_unit("litre").name(), "l");  // canonical symbol
  EXPECT_EQ(fairport::parse_any_unit("m2").kind(), unit_kind::area);
  EXPECT_EQ(fairport::parse_any_unit("cm").kind(), unit_kind::length);
  EXPECT_TRUE(same(fairport::parse_any_unit("oz").factor(), "0.028349523125"));
}

TEST(AnyUnit, AsAnotherKindThrowsUnitMismatch) {
  const any_unit u = fairport::parse_any_unit("piece");
  EXPECT_THAT([&] { (void)u.as<fairport::mass>(); },
              ThrowsMessage<fairport::arithmetic_error>(
                  StrEq("[fairport.arithmetic.204] unit \"piece\" is a count unit, not mass")));
  EXPECT_FALSE(u.try_as<fairport::mass>());
}

TEST(AnyUnit, ParseThrowsInvalidUnit) {
  EXPECT_THAT([] { (void)any_unit::parse("bag"); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.107]")));
}

TEST(AnyUnit, WrapsATypedUnit) {
  EXPECT_EQ(any_unit(units::dozen), fairport::parse_any_unit("dozen"));
  EXPECT_NE(any_unit(units::metre), any_unit(units::litre));
}

TEST(Quantity, FactoriesKeepTheExactTextAndUnit) {
  const auto q = fairport::kilograms("36.000");
  EXPECT_TRUE(same(q.value(), "36.000"));
  EXPECT_EQ(q.unit(), units::kilogram);
  EXPECT_EQ(q.to_string(), "36.000 kg");
  EXPECT_EQ(fairport::pieces("12").to_string(), "12 piece");
  EXPECT_EQ(fairport::dozens(decimal(3)).to_string(), "3 dozen");
  EXPECT_EQ(fairport::square_metres("1.25").to_string(), "1.25 m2");
  std::ostringstream os;
  os << fairport::litres("0.750");
  EXPECT_EQ(os.str(), "0.750 l");
}

TEST(Quantity, FactoriesRejectMalformedText) {
  EXPECT_THAT([] { (void)fairport::kilograms("1,5"); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.101]")));
}

TEST(Quantity, DefaultIsZeroInTheBaseUnit) {
  const quantity<fairport::mass> q;
  EXPECT_TRUE(q.is_zero());
  EXPECT_EQ(q.unit(), units::kilogram);
}

TEST(Quantity, ConvertsToFinerUnitsExactly) {
  EXPECT_TRUE(same(fairport::kilograms("36.000").in(units::gram), "36000"));
  EXPECT_TRUE(same(fairport::tonnes("1.2").in(units::kilogram), "1200.0"));
  EXPECT_TRUE(same(fairport::cubic_metres("0.5").in(units::litre), "500.0"));
  EXPECT_TRUE(same(fairport::dozens("2").in(units::piece), "24"));
  EXPECT_TRUE(same(fairport::pairs("3").in(units::piece), "6"));
  EXPECT_TRUE(same(fairport::square_metres("1").in(units::square_centimetre), "10000"));
}

TEST(Quantity, ConvertsPoundsAndOuncesToKilogramsExactly) {
  EXPECT_TRUE(same(fairport::pounds("1").in(units::kilogram), "0.45359237"));
  EXPECT_TRUE(same(fairport::pounds("2.5").in(units::kilogram), "1.133980925"));
  EXPECT_TRUE(same(fairport::ounces("16").in(units::pound), "1.0000"));
  EXPECT_TRUE(same(fairport::ounces("1").in(units::pound), "0.0625"));
  EXPECT_TRUE(same(fairport::pounds("1").in(units::ounce), "16"));
}

TEST(Quantity, ConvertsToCoarserUnitsWhenTheResultTerminates) {
  EXPECT_TRUE(same(fairport::grams("500").in(units::kilogram), "0.500"));
  EXPECT_TRUE(same(fairport::pieces("6").in(units::dozen), "0.5"));
  EXPECT_TRUE(same(fairport::pieces("3").in(units::dozen), "0.25"));
  EXPECT_TRUE(same(fairport::kilograms("23").in(units::quintal_46kg), "0.5"));
  EXPECT_TRUE(same(fairport::kilograms("1").in(units::hundred_kilograms), "0.01"));
  EXPECT_TRUE(same(fairport::kilograms("0.45359237").in(units::pound), "1"));
}

TEST(Quantity, ConversionWithoutAFiniteDecimalThrowsInexact) {
  EXPECT_THAT([] { (void)fairport::kilograms("1").in(units::pound); },
              ThrowsMessage<fairport::arithmetic_error>(
                  StrEq("[fairport.arithmetic.205] 1 kg is not a finite decimal in lb; give a "
                        "scale and rounding mode")));
  EXPECT_THROW((void)fairport::pieces("5").in(units::dozen), fairport::arithmetic_error);
  EXPECT_THROW((void)fairport::kilograms("10").in(units::quintal_46kg), fairport::arithmetic_error);
}

TEST(Quantity, ConversionWithScaleAndModeRoundsOnce) {
  // 1 kg / 0.45359237 = 2.20462262184877580722...
  EXPECT_TRUE(
      same(fairport::kilograms("1").in(units::pound, 6, rounding_mode::half_even), "2.204623"));
  EXPECT_TRUE(same(fairport::kilograms("1").in(units::pound, 6, rounding_mode::down), "2.204622"));
  // 5 pieces = 0.41666... dozen
  EXPECT_TRUE(same(fairport::pieces("5").in(units::dozen, 2, rounding_mode::half_up), "0.42"));
  EXPECT_TRUE(same(fairport::pieces("5").in(units::dozen, 2, rounding_mode::floor), "0.41"));
  // Even an exact conversion is presented at the requested scale.
  EXPECT_TRUE(same(fairport::pieces("6").in(units::dozen, 3, rounding_mode::half_even), "0.500"));
  const auto lb = fairport::kilograms("10").to(units::pound, 3, rounding_mode::half_even);
  EXPECT_EQ(lb.to_string(), "22.046 lb");
}

TEST(Quantity, InBaseMultipliesByTheFactor) {
  EXPECT_TRUE(same(fairport::ounces("2").in_base(), "0.056699046250"));
  EXPECT_TRUE(same(fairport::hectolitres("1.5").in_base(), "150.0"));
}

TEST(Quantity, AddsInTheSameUnitWithoutConversion) {
  const auto s = fairport::kilograms("1.250") + fairport::kilograms("0.75");
  EXPECT_EQ(s.to_string(), "2.000 kg");
  EXPECT_EQ((fairport::pounds("1") + fairport::pounds("2")).to_string(), "3 lb");
}

TEST(Quantity, AddsMixedUnitsInTheLeftUnitWhenItIsExact) {
  EXPECT_EQ((fairport::kilograms("1.5") + fairport::grams("250")).to_string(), "1.750 kg");
  EXPECT_EQ((fairport::grams("250") + fairport::kilograms("1.5")).to_string(), "1750.0 g");
  EXPECT_EQ((fairport::tonnes("2") + fairport::kilograms("500")).to_string(), "2.500 t");
  EXPECT_EQ((fairport::pounds("1") + fairport::ounces("8")).to_string(), "1.5000 lb");
  EXPECT_EQ((fairport::pieces("5") + fairport::dozens("1")).to_string(), "17 piece");
}

TEST(Quantity, AddsMixedUnitsInTheBaseUnitWhenTheLeftUnitWouldNotBeExact) {
  // kg cannot always be written in lb; dozen cannot always hold pieces.
  EXPECT_EQ((fairport::pounds("1") + fairport::kilograms("1")).to_string(), "1.45359237 kg");
  EXPECT_EQ((fairport::dozens("1") + fairport::pieces("5")).to_string(), "17 piece");
  EXPECT_EQ((fairport::dozens("1") + fairport::pieces("6")).to_string(), "18 piece");
}

TEST(Quantity, SubtractsExactly) {
  EXPECT_EQ((fairport::kilograms("1") - fairport::grams("1")).to_string(), "0.999 kg");
  auto q = fairport::litres("2");
  q -= fairport::millilitres("2500");
  EXPECT_EQ(q.to_string(), "-0.500 l");
  EXPECT_TRUE(q.is_negative());
  EXPECT_EQ((-q).to_string(), "0.500 l");
  q += fairport::litres("0.5");
  EXPECT_TRUE(q.is_zero());
}

TEST(Quantity, ScalesByADecimal) {
  EXPECT_EQ((fairport::kilograms("2.5") * decimal(12)).to_string(), "30.0 kg");
  EXPECT_EQ((d("0.5") * fairport::dozens("3")).to_string(), "1.5 dozen");
}

TEST(Quantity, ComparesByAmountAcrossUnits) {
  EXPECT_EQ(fairport::kilograms("1"), fairport::grams("1000"));
  EXPECT_EQ(fairport::kilograms("1.0"), fairport::kilograms("1.000"));
  EXPECT_EQ(fairport::ounces("16"), fairport::pounds("1"));
  EXPECT_EQ(fairport::dozens("1"), fairport::pieces("12"));
  EXPECT_LT(fairport::pounds("2.2"), fairport::kilograms("1"));  // 0.997903214 kg
  EXPECT_GT(fairport::pounds("2.3"), fairport::kilograms("1"));  // 1.043262451 kg
  EXPECT_LE(fairport::grams("999"), fairport::kilograms("1"));
  EXPECT_GE(fairport::tonnes("0.001"), fairport::kilograms("1"));
  EXPECT_NE(fairport::pairs("5"), fairport::pieces("11"));
  EXPECT_EQ(compare(fairport::metres("1"), fairport::millimetres("1001")), -1);
}

TEST(Quantity, IsAValueTypeWithoutImplicitConversions) {
  using qm = quantity<fairport::mass>;
  static_assert(!std::is_convertible_v<decimal, qm>);
  static_assert(!std::is_convertible_v<qm, decimal>);
  static_assert(!std::is_constructible_v<qm, double, fairport::unit<fairport::mass>>);
  static_assert(!std::is_constructible_v<qm, decimal, fairport::unit<fairport::count>>);
  static_assert(std::is_nothrow_copy_constructible_v<qm>);
  SUCCEED();
}

}  // namespace
