// The customs exchange rate of the month (Commission Implementing Regulation (EU) 2015/2447,
// Art. 146): the rate published on the penultimate Wednesday of a month (where none was
// published that day, the last one published before it) applies for the whole of the following
// month; a rate of another month is never used.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fairport/fairport.hpp"
#include "fairport/io/ecb_import.hpp"
#include "fairport/io/json.hpp"

namespace {

using namespace fairport;
using ::testing::HasSubstr;

const reference_data& data() { return reference_data::builtin(); }
decimal d(const char* s) { return decimal::parse(s); }
date::year_month_day day(const char* s) { return parse_date(s); }
const currency_code usd = currency_code::parse("USD");
const currency_code eur = currency_code::parse("EUR");

date::year_month ym(int y, unsigned m) { return date::year{y} / date::month{m}; }

TEST(CustomsRate, PenultimateWednesday) {
  EXPECT_EQ(penultimate_wednesday(ym(2024, 8)), day("2024-08-21"));
  EXPECT_EQ(penultimate_wednesday(ym(2026, 10)), day("2026-10-21"));
  EXPECT_EQ(penultimate_wednesday(ym(2026, 2)), day("2026-02-18"));
  EXPECT_EQ(penultimate_wednesday(ym(2025, 12)), day("2025-12-24"));  // the 31st is a Wednesday
  EXPECT_EQ(penultimate_wednesday(ym(2026, 4)), day("2026-04-22"));   // the 1st is a Wednesday
  EXPECT_EQ(month_name(ym(2026, 11)), "November 2026");
}

// The built-in rates are the customs rates Irish Revenue published for these months ("Exchange
// rates to be used in determining customs value", revenue.ie, the figures of the dataset this one
// replaced): derived from the ECB's own history by the rule, they agree to the last digit.
TEST(CustomsRate, BuiltInRatesAreTheCustomsRatesPublishedForTheMonth) {
  struct published { const char* month; const char* usd; const char* gbp; const char* cny; };
  const published revenue[] = {
      {"2020-05-15", "1.0867", "0.8792", "7.6964"},  {"2022-04-15", "1.0985", "0.8328", "7.0003"},
      {"2023-09-15", "1.0805", "0.85653", "7.8796"}, {"2023-12-15", "1.0911", "0.8703", "7.8015"},
      {"2024-01-15", "1.0944", "0.86555", "7.8121"}, {"2024-06-15", "1.083", "0.85165", "7.8414"},
      {"2024-07-15", "1.0749", "0.84455", "7.8005"}, {"2024-09-15", "1.1116", "0.85303", "7.9306"}};
  for (const auto& p : revenue) {
    for (const auto& [code, rate] : {std::pair{"USD", p.usd}, std::pair{"GBP", p.gbp},
                                     std::pair{"CNY", p.cny}}) {
      const auto s = select_rate(currency_code::parse(code), eur, day(p.month),
                                 rate_rule::customs_month, {}, &data().exchange_rates());
      ASSERT_TRUE(s) << code << " " << p.month;
      EXPECT_TRUE(s.inverse);
      EXPECT_EQ(s.origin, rate_origin::builtin);
      EXPECT_EQ(s.rate->rate(), d(rate)) << code << " " << p.month;
    }
  }
}

// A November 2026 declaration: the built-in history ends with April 2026, so there is no rate,
// and the error names the month, the pair and the Wednesday whose rate is needed. A January 2024
// rate (the "latest on or before" of the old rule) is never used.
TEST(CustomsRate, NoRateOfTheMonthIsAnErrorNamingTheMonth) {
  const std::vector<fx_rate> stale = {fx_rate(eur, usd, d("1.0944"), day("2024-01-01"), "old")};
  const auto s = select_rate(usd, eur, day("2026-11-16"), rate_rule::customs_month, stale,
                             &data().exchange_rates());
  EXPECT_FALSE(s);
  EXPECT_EQ(s.outcome, rate_outcome::none);
  const std::string m = no_rate_message(usd, eur, day("2026-11-16"), rate_rule::customs_month);
  EXPECT_THAT(m, HasSubstr("USD->EUR for November 2026"));
  EXPECT_THAT(m, HasSubstr("penultimate Wednesday of October 2026 (2026-10-21)"));
  EXPECT_THAT(m, HasSubstr("fairport data import ecb"));
  // The fair-price rule still takes the latest rate on or before the day.
  EXPECT_TRUE(select_rate(usd, eur, day("2026-11-16"), rate_rule::latest_on_date, stale, nullptr));
}

// A March direct rate and a November inverse one, for a November declaration: only November's
// rate is the customs rate (the old rule took the direct March one: 500.00 instead of 800.00).
TEST(CustomsRate, OnlyTheRateOfTheMonthIsUsedWhicheverWayItIsQuoted) {
  const std::vector<fx_rate> given = {fx_rate(usd, eur, d("0.5000"), day("2026-03-01"), "march"),
                                      fx_rate(eur, usd, d("1.25"), day("2026-11-01"), "november")};
  const auto s = select_rate(usd, eur, day("2026-11-16"), rate_rule::customs_month, given,
                             &data().exchange_rates());
  ASSERT_TRUE(s);
  EXPECT_EQ(s.rate->source(), "november");
  EXPECT_EQ(s.convert(money(d("1000.00"), usd), 2, rounding_mode::half_even).amount(), d("800.00"));
}

// Given the ECB fixings as published, the customs rate of November is the one of Wednesday
// 2026-10-21 (not the latest fixing); without that day's, the last given in the six days before
// it, flagged; a fixing older than that is not used.
TEST(CustomsRate, FromFixingsThePenultimateWednesdaysRate) {
  auto fix = [](const char* date, const char* rate) {
    return fx_rate(eur, usd, d(rate), day(date), "ECB", rate_basis::fixing);
  };
  const std::vector<fx_rate> october = {fix("2026-10-19", "1.1601"), fix("2026-10-20", "1.1602"),
                                        fix("2026-10-21", "1.1603"), fix("2026-10-22", "1.1604"),
                                        fix("2026-10-30", "1.1610")};
  auto s = select_rate(usd, eur, day("2026-11-03"), rate_rule::customs_month, october, nullptr);
  ASSERT_TRUE(s);
  EXPECT_EQ(s.rate->rate(), d("1.1603"));
  EXPECT_FALSE(s.published_before);
  EXPECT_THAT(rate_explanation(s, day("2026-11-03"), rate_rule::customs_month),
              HasSubstr("the customs rate of November 2026 (the fixing published on 2026-10-21, "
                        "the penultimate Wednesday of October 2026)"));
  const std::vector<fx_rate> gap = {fix("2026-10-20", "1.1602"), fix("2026-10-22", "1.1604")};
  s = select_rate(usd, eur, day("2026-11-03"), rate_rule::customs_month, gap, nullptr);
  ASSERT_TRUE(s);
  EXPECT_EQ(s.rate->rate(), d("1.1602"));
  EXPECT_TRUE(s.published_before);
  const std::vector<fx_rate> old = {fix("2026-10-14", "1.1590")};
  EXPECT_FALSE(select_rate(usd, eur, day("2026-11-03"), rate_rule::customs_month, old, nullptr));
}

// Two rates of the caller's for the same month with different figures: neither is chosen.
TEST(CustomsRate, ConflictingRatesOfOneMonthAreRefused) {
  const std::vector<fx_rate> given = {fx_rate(usd, eur, d("0.9210"), day("2026-03-01"), "a"),
                                      fx_rate(usd, eur, d("0.9300"), day("2026-03-01"), "b")};
  const auto s = select_rate(usd, eur, day("2026-03-16"), rate_rule::customs_month, given, nullptr);
  EXPECT_FALSE(s);
  EXPECT_EQ(s.outcome, rate_outcome::conflicting);
  EXPECT_THAT(conflicting_rates_message(s), HasSubstr("0.9210 (a) and 0.9300 (b)"));
}

// The same rate given twice (same pair, month and figure) is used, and the conversion says so.
TEST(CustomsRate, AnEqualDuplicateIsUsedAndSaid) {
  const std::vector<fx_rate> given = {fx_rate(usd, eur, d("0.9210"), day("2026-03-01"), "a"),
                                      fx_rate(usd, eur, d("0.9210"), day("2026-03-01"), "b")};
  const auto s = select_rate(usd, eur, day("2026-03-16"), rate_rule::customs_month, given, nullptr);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s.repeated);
  landed_cost_input in;
  in.id = "t";
  in.as_of = day("2026-03-16");
  in.destination = country_code::parse("DE");
  in.terms = incoterm::dap;
  in.currency = usd;
  in.exchange_rates = given;
  landed_cost_line l;
  l.id = "1";
  l.cn = tariff_code::parse("4202210000");
  l.invoice_value = d("1000");
  in.lines.push_back(l);
  const auto r = landed_cost(in, data());
  ASSERT_TRUE(r.ok());
  bool said = false;
  for (const auto& f : r.findings) {
    said = said || (f.code == "landed.conversion" &&
                    f.message.find("given twice with the same figure") != std::string::npos);
  }
  EXPECT_TRUE(said);
}

TEST(CustomsRate, AMonthRateIsDatedTheFirstOfItsMonth) {
  EXPECT_THROW(fx_rate(usd, eur, d("0.9"), day("2026-03-17"), "x"), input_error);
  EXPECT_NO_THROW(fx_rate(usd, eur, d("0.9"), day("2026-03-17"), "x", rate_basis::fixing));
}

// In a consignment: a November USD invoice without a rate is a coded error naming the month;
// with the month's rate it is converted and the finding says which rate of which month.
TEST(CustomsRate, ConsignmentOfNovember2026) {
  const std::string doc = R"({"schema": "fairport.consignment/1", "id": "nov", "as_of": "2026-11-16",
    "exporter": {"name": "x", "country": "KG"}, "importer": {"name": "y", "country": "DE"},
    "incoterm": "DAP", "currency": "USD", RATES
    "lines": [{"id": "1", "description": "felt bag", "hs_code": "4202210000",
               "quantity": {"value": "10", "unit": "piece"}, "invoice_value": "1000.00"}]})";
  auto with = [&](const std::string& rates) {
    std::string t = doc;
    t.replace(t.find("RATES"), 5, rates);
    return consignment_checker(data()).check(read_consignment(t, "nov.json").value);
  };
  const report none = with("");
  ASSERT_FALSE(none.errors.empty());
  EXPECT_THAT(none.errors[0].message, HasSubstr("USD->EUR for November 2026"));
  const report r = with(R"("exchange_rates": [{"from": "EUR", "to": "USD", "rate": "1.25",
      "date": "2026-11-01", "source": "customs rate of November 2026"}],)");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  ASSERT_TRUE(r.lines[0].landed);
  EXPECT_EQ(r.lines[0].landed->customs_value.amount(), d("800.00"));
  // A month rate dated another day than the 1st is refused at read time, naming the field.
  try {
    (void)with(R"("exchange_rates": [{"from": "EUR", "to": "USD", "rate": "1.25",
        "date": "2026-11-05"}],)");
    FAIL() << "expected an input error";
  } catch (const error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/exchange_rates/0/date"));
  }
}

// The importer: a small file in the ECB's own layout (newest first, a trailing comma, N/A).
TEST(CustomsRate, ImportOfTheEcbHistory) {
  const std::string csv =
      "Date,USD,CYP,JPY,\n"
      "2026-03-20,1.0900,N/A,160.10,\n"
      "2026-03-17,1.0850,N/A,159.90,\n"   // no fixing on Wednesday 2026-03-18: the 17th's applies
      "2026-02-18,1.0800,N/A,N/A,\n"      // penultimate Wednesday of February: JPY not quoted
      "2026-02-17,1.0790,N/A,158.00,\n";
  const ecb_import r = customs_rates_from_ecb(csv, "mini.csv", data());
  EXPECT_EQ(r.months, 2U);  // March and April 2026; May's Wednesday (2026-04-22) is not reached
  EXPECT_EQ(r.first_month, ym(2026, 3));
  EXPECT_EQ(r.last_month, ym(2026, 4));
  EXPECT_EQ(r.skipped, std::vector<std::string>{"CYP"});
  const reference_data loaded = data().with_override_text(r.dataset_json, "mini.json");
  const auto& t = loaded.exchange_rates();
  EXPECT_EQ(t.at(eur, usd, day("2026-03-31")).rate(), d("1.0800"));
  EXPECT_EQ(t.try_at(eur, currency_code::parse("JPY"), day("2026-03-31")), nullptr);  // N/A
  EXPECT_EQ(t.at(eur, usd, day("2026-04-01")).rate(), d("1.0850"));
  EXPECT_THAT(t.at(eur, usd, day("2026-04-01")).source(),
              HasSubstr("2026-03-17 (none published on the penultimate Wednesday of March 2026)"));
  EXPECT_EQ(t.try_at(eur, usd, day("2026-05-01")), nullptr);
  EXPECT_THROW((void)customs_rates_from_ecb("Datum;USD\n", "x.csv", data()), error);
  EXPECT_THROW((void)customs_rates_from_ecb("Date,USD,\n2026-13-01,1.1,\n", "x.csv", data()),
               error);
  EXPECT_THROW((void)customs_rates_from_ecb("Date,USD,\n2026-03-18,-1,\n", "x.csv", data()),
               error);
}

// A month record must be a whole calendar month whose rate was published on the penultimate
// Wednesday before it (or the six days before): a record of the wrong day is a data error.
TEST(CustomsRate, LoaderChecksTheRuleOfTheMonth) {
  auto doc = [](const char* from, const char* through, const char* published) {
    return std::string(R"({"schema": "fairport.customs_exchange_rates/1",
      "dataset": "eu_customs_exchange_rates", "version": "2026.9.0", "source": {"title": "t",
      "publisher": "p", "url": "u", "retrieved": "2026-01-01"}, "licence": "l", "note": "",
      "records": [{"key": {"base": "EUR"}, "valid_from": ")") + from +
           R"(", "valid_through": ")" + through + R"(", "value": {"published": ")" + published +
           R"(", "rates": {"USD": "1.1"}}, "reference": "r"}]})";
  };
  EXPECT_NO_THROW((void)data().with_override_text(doc("2026-11-01", "2026-11-30", "2026-10-21"), "a"));
  EXPECT_NO_THROW((void)data().with_override_text(doc("2026-11-01", "2026-11-30", "2026-10-20"), "a"));
  EXPECT_THROW((void)data().with_override_text(doc("2026-11-01", "2026-11-30", "2026-10-28"), "a"),
               data_error);
  EXPECT_THROW((void)data().with_override_text(doc("2026-11-02", "2026-11-30", "2026-10-21"), "a"),
               data_error);
  EXPECT_THROW((void)data().with_override_text(doc("2026-11-01", "2026-12-31", "2026-10-21"), "a"),
               data_error);
}

}  // namespace
