// Money, currency and country codes, and largest-remainder allocation.
#include "fairport/money.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "fairport/country.hpp"

namespace {

using namespace fairport;
using ::testing::HasSubstr;
using ::testing::StrEq;
using ::testing::ThrowsMessage;

money m(const char* amount, const char* ccy) {
  return money(decimal::parse(amount), currency_code::parse(ccy));
}

TEST(CurrencyCode, AcceptsThreeUpperCaseLettersOnly) {
  EXPECT_EQ(currency_code::parse("KGS").to_string(), "KGS");
  for (const char* bad : {"", "eur", "EU", "EURO", "E1R", "€"}) {
    EXPECT_FALSE(currency_code::try_parse(bad).has_value()) << bad;
  }
  EXPECT_THAT([] { currency_code::parse("usd"); },
              ThrowsMessage<input_error>(
                  StrEq("[fairport.input.102] not an ISO 4217 currency code: \"usd\"")));
}

TEST(CountryCode, AcceptsTwoUpperCaseLettersOnly) {
  EXPECT_EQ(country_code::parse("TJ").to_string(), "TJ");
  EXPECT_FALSE(country_code::try_parse("TJK").has_value());
  EXPECT_THAT([] { country_code::parse("kg"); },
              ThrowsMessage<input_error>(HasSubstr("[fairport.input.103]")));
}

TEST(CurrencyTable, MinorUnitsAreDatedData) {
  currency_table t;
  currency_info hrk;
  hrk.code = currency_code::parse("HRK");
  hrk.minor_units = 2;
  hrk.validity = validity_interval(parse_date("1994-05-30"), parse_date("2022-12-31"));
  t.add(hrk);
  EXPECT_EQ(t.minor_units(currency_code::parse("HRK"), parse_date("2022-12-31")), 2);
  // Croatia adopted the euro on 2023-01-01: the kuna is not valid after that.
  EXPECT_THAT([&] { t.at(currency_code::parse("HRK"), parse_date("2023-01-01")); },
              ThrowsMessage<no_valid_record>(
                  StrEq("[fairport.data.301] currency HRK is not valid on 2023-01-01")));
  EXPECT_THAT([&] { t.at(currency_code::parse("XXX"), parse_date("2023-01-01")); },
              ThrowsMessage<input_error>(HasSubstr("[fairport.input.102] unknown currency XXX")));
}

TEST(Money, AddsExactlyWithinOneCurrency) {
  EXPECT_EQ((m("0.10", "EUR") + m("0.20", "EUR")).to_string(), "EUR 0.30");
  EXPECT_EQ((m("2400.00", "USD") - m("0.005", "USD")).to_string(), "USD 2399.995");
  EXPECT_EQ((m("187.35", "USD") * decimal(12)).to_string(), "USD 2248.20");
}

TEST(Money, RefusesToMixCurrencies) {
  EXPECT_THAT([] { (void)(m("1.00", "EUR") + m("1.00", "USD")); },
              ThrowsMessage<currency_mismatch>(
                  StrEq("[fairport.arithmetic.203] cannot combine EUR 1.00 + USD 1.00: amounts "
                        "are in different currencies")));
  EXPECT_THROW((void)(m("1", "EUR") < m("2", "USD")), currency_mismatch);
  EXPECT_FALSE(m("1", "EUR") == m("1", "USD"));
  EXPECT_TRUE(m("1.0", "EUR") == m("1.00", "EUR"));
}

TEST(Money, RoundsOnlyWhenAskedWithTheNamedMode) {
  EXPECT_EQ(m("2.345", "EUR").round(2, rounding_mode::half_even).to_string(), "EUR 2.34");
  EXPECT_EQ(m("2.345", "EUR").round(2, rounding_mode::half_up).to_string(), "EUR 2.35");
  EXPECT_EQ(divide(m("100.00", "EUR"), decimal(3), 2, rounding_mode::half_even).to_string(),
            "EUR 33.33");
}

TEST(Allocation, HundredEurosOverThreeEqualWeights) {
  const auto shares = allocate(m("100.00", "EUR"), {decimal(1), decimal(1), decimal(1)}, 2);
  ASSERT_EQ(shares.size(), 3u);
  // The leftover cent goes to the lowest index among equal remainders and weights.
  EXPECT_EQ(shares[0].to_string(), "EUR 33.34");
  EXPECT_EQ(shares[1].to_string(), "EUR 33.33");
  EXPECT_EQ(shares[2].to_string(), "EUR 33.33");
}

TEST(Allocation, LargestRemainderWinsTheLeftoverUnits) {
  // 10.00 over 1:2:4 -> exact 1.428571.., 2.857142.., 5.714285..; floors 1.42, 2.85, 5.71 = 9.98;
  // remainders .0085, .0071, .0042 (in cents) -> the two cents go to index 0 and 1.
  const auto s = allocate(m("10.00", "EUR"), {decimal(1), decimal(2), decimal(4)}, 2);
  EXPECT_EQ(s[0].to_string(), "EUR 1.43");
  EXPECT_EQ(s[1].to_string(), "EUR 2.86");
  EXPECT_EQ(s[2].to_string(), "EUR 5.71");
}

TEST(Allocation, ZeroWeightGetsZeroAndNegativeTotalsMirror) {
  const auto s = allocate(m("-0.05", "USD"), {decimal(0), decimal(1), decimal(1)}, 2);
  EXPECT_EQ(s[0].to_string(), "USD 0.00");
  EXPECT_EQ(s[1].to_string(), "USD -0.03");
  EXPECT_EQ(s[2].to_string(), "USD -0.02");
}

TEST(Allocation, RejectsBadWeightsAndTooPreciseTotals) {
  EXPECT_THAT([] { allocate(m("1.00", "EUR"), {decimal(0), decimal(0)}, 2); },
              ThrowsMessage<input_error>(HasSubstr("[fairport.input.106] allocate: all weights")));
  EXPECT_THAT([] { allocate(m("1.00", "EUR"), {decimal(1), decimal(-1)}, 2); },
              ThrowsMessage<input_error>(HasSubstr("weight 1 is negative")));
  EXPECT_THAT([] { allocate(m("1.005", "EUR"), {decimal(1)}, 2); },
              ThrowsMessage<arithmetic_error>(HasSubstr("[fairport.arithmetic.205]")));
}

TEST(Allocation, PropertiesHoldOverSeededRandomCases) {
  std::mt19937_64 rng(20261124);
  std::uniform_int_distribution<long long> cents(0, 100000000), w(0, 5000), n(1, 12);
  for (int c = 0; c < 3000; ++c) {
    const decimal total = decimal::from_parts(cents(rng), 2);
    std::vector<decimal> weights(static_cast<std::size_t>(n(rng)));
    for (auto& x : weights) x = decimal::from_parts(w(rng), 3);
    weights[0] += decimal(1);  // never all zero
    const auto shares = allocate(money(total, currency_code::parse("EUR")), weights, 2);
    decimal sum, wsum;
    for (const auto& x : weights) wsum += x;
    for (std::size_t i = 0; i < shares.size(); ++i) {
      sum += shares[i].amount();
      const decimal exact = divide(total * weights[i], wsum, 30, rounding_mode::half_even);
      const decimal diff = (shares[i].amount() - exact).abs();
      ASSERT_LT(diff, decimal::parse("0.01")) << "total " << total << " share " << i;
      if (weights[i].is_zero()) ASSERT_TRUE(shares[i].amount().is_zero());
    }
    ASSERT_EQ(sum, total) << "case " << c;
  }
}

}  // namespace
