// Ad valorem rates and dated exchange rates.
#include "fairport/data/exchange_rates.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using namespace fairport;
using ::testing::HasSubstr;
using ::testing::StrEq;
using ::testing::ThrowsMessage;

const currency_code eur = currency_code::parse("EUR");
const currency_code usd = currency_code::parse("USD");
const currency_code kgs = currency_code::parse("KGS");

TEST(AdValoremRate, PercentIsAnExactFraction) {
  const auto r = ad_valorem_rate::from_percent(decimal::parse("3.5"));
  EXPECT_EQ(r.as_fraction().to_string(), "0.035");
  EXPECT_EQ(r.as_percent(), decimal::parse("3.5"));
  EXPECT_EQ(r.apply(money(decimal::parse("2069.02"), eur)).to_string(), "EUR 72.41570");
  EXPECT_THROW(ad_valorem_rate::from_fraction(decimal::parse("-0.01")), input_error);
}

TEST(FxRate, ConvertsBaseToQuoteRoundedOnce) {
  // Rates here are test inputs, not reference data.
  const fx_rate r(eur, usd, decimal::parse("1.0850"), parse_date("2026-03-01"), "test input");
  EXPECT_EQ(r.convert(money(decimal::parse("100.00"), eur), 2, rounding_mode::half_up).to_string(),
            "USD 108.50");
  EXPECT_THAT([&] { r.convert(money(decimal::parse("1"), usd), 2, rounding_mode::half_up); },
              ThrowsMessage<currency_mismatch>(HasSubstr("[fairport.arithmetic.203]")));
}

TEST(FxRate, InverseIsRoundedToTheStatedScale) {
  const fx_rate r(eur, usd, decimal::parse("1.0850"), parse_date("2026-03-01"), "test input");
  const fx_rate inv = r.inverse(6, rounding_mode::half_even);
  EXPECT_EQ(inv.base(), usd);
  EXPECT_EQ(inv.rate().to_string(), "0.921659");  // 1/1.085 = 0.92165898...
  // Converting USD 2248.20 with the inverse: 2248.20 x 0.921659 = 2072.0737638 -> 2072.07
  EXPECT_EQ(inv.convert(money(decimal::parse("2248.20"), usd), 2, rounding_mode::half_up).to_string(),
            "EUR 2072.07");
}

TEST(FxRate, ConvertsQuoteToBaseByDividingOnce) {
  const fx_rate r(eur, usd, decimal::parse("1.0850"), parse_date("2026-03-01"), "test input");
  // 2248.20 / 1.085 = 2072.0737327..., rounded once; the inverse route above gives 2072.07 too
  // here, but only because 1/1.085 was kept to 6 places.
  EXPECT_EQ(r.convert_to_base(money(decimal::parse("2248.20"), usd), 2, rounding_mode::half_up)
                .to_string(),
            "EUR 2072.07");
  EXPECT_EQ(r.convert_to_base(money(decimal::parse("0.01"), usd), 4, rounding_mode::half_up)
                .to_string(),
            "EUR 0.0092");
  EXPECT_THROW(r.convert_to_base(money(decimal(1), eur), 2, rounding_mode::half_up),
               currency_mismatch);
}

TEST(FxRate, CrossRateFromACommonBase) {
  const fx_rate eur_usd(eur, usd, decimal::parse("1.0850"), parse_date("2026-03-01"), "a");
  const fx_rate eur_kgs(eur, kgs, decimal::parse("94.8800"), parse_date("2026-03-01"), "b");
  const fx_rate usd_kgs = cross(eur_usd, eur_kgs, 4, rounding_mode::half_even);
  EXPECT_EQ(usd_kgs.base(), usd);
  EXPECT_EQ(usd_kgs.quote(), kgs);
  EXPECT_EQ(usd_kgs.rate().to_string(), "87.4470");  // 94.88 / 1.085 = 87.44700460...
}

TEST(FxRate, RejectsNonPositiveAndSelfRates) {
  EXPECT_THROW(fx_rate(eur, usd, decimal(0), parse_date("2026-03-01"), ""), input_error);
  EXPECT_THROW(fx_rate(eur, eur, decimal(1), parse_date("2026-03-01"), ""), input_error);
}

TEST(FxRateTable, AMissingRateIsAnErrorNeverAGuess) {
  fx_rate_table t;
  t.add(validity_interval(parse_date("2026-03-01"), parse_date("2026-03-31")),
        fx_rate(eur, usd, decimal::parse("1.0850"), parse_date("2026-03-01"), "test"));
  EXPECT_EQ(t.at(eur, usd, parse_date("2026-03-16")).rate().to_string(), "1.0850");
  EXPECT_THAT([&] { t.at(eur, usd, parse_date("2026-04-01")); },
              ThrowsMessage<no_valid_record>(StrEq(
                  "[fairport.data.301] no EUR->USD exchange rate valid on 2026-04-01")));
  // the table never inverts by itself
  EXPECT_EQ(t.try_at(usd, eur, parse_date("2026-03-16")), nullptr);
  EXPECT_THROW(t.add(validity_interval(parse_date("2026-03-31"), parse_date("2026-04-30")),
                     fx_rate(eur, usd, decimal::parse("1.09"), parse_date("2026-03-31"), "x",
                             rate_basis::fixing)),
               data_error);
}

}  // namespace
