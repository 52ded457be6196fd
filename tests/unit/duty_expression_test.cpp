// The duty expressions of the Combined Nomenclature (Council Regulation (EEC) No 2658/87): a MIN
// or MAX branch with its own components, net or gross mass, units per 1,000 items.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "fairport/fairport.hpp"

namespace {

using namespace fairport;
using ::testing::HasSubstr;

decimal d(const char* s) { return decimal::parse(s); }
money eur(const char* s) { return money(d(s), currency_code::parse("EUR")); }
specific_duty per(const char* amount, const char* unit) {
  return specific_duty{d(amount), currency_code::parse("EUR"), unit};
}

money evaluate(const duty_expression& e, const char* cv, const duty_quantities& q) {
  const auto same = [](const money& m) { return m; };
  return evaluate_duty(e, eur(cv), q, same);
}

// The UK Trade Tariff duty calculator's compound spec (trade-tariff/trade-tariff-duty-calculator,
// spec/services/expression_evaluators/compound_spec.rb at c9cbbc72): "13.8 % MIN 13 /dtn MAX
// 15 /dtn - 7 /dtn" on a customs value of 1,200 and 100 dtn (10,000 kg): 13.8 % = 165.60; the
// minimum 1,300 applies; the maximum branch 1,500 - 700 = 800 caps it: 800.00.
TEST(DutyExpression, MaxBranchWithADeduction) {
  duty_expression e;
  e.ad_valorem = d("0.138");
  e.minimum = per("13", "100kg");
  duty_bound cap;
  cap.specific = per("15", "100kg");
  cap.deduction = per("7", "100kg");
  e.maximum = cap;
  duty_quantities q;
  q.net_mass = kilograms(d("10000"));
  EXPECT_EQ(evaluate(e, "1200", q), eur("800"));
}

// "9 % + 24.2 EUR/100 kg MAX 18.7 % + 10.06 EUR/100 kg" (a branch with an ad valorem and a
// specific part, as Chapter 17 to 21 duties are written): customs value 1,000, 2,000 kg net:
// 90 + 484 = 574.00 is above the maximum 187 + 201.20 = 388.20, which applies; at 200 kg,
// 90 + 48.40 = 138.40 is below 187 + 20.12 = 207.12 and stays.
TEST(DutyExpression, MaxBranchWithAdValoremAndSpecificParts) {
  duty_expression e;
  e.ad_valorem = d("0.09");
  e.specific = per("24.2", "100kg");
  duty_bound cap = duty_bound::of_ad_valorem(d("0.187"));
  cap.specific = per("10.06", "100kg");
  e.maximum = cap;
  duty_quantities q;
  q.net_mass = kilograms(d("2000"));
  EXPECT_EQ(evaluate(e, "1000", q), eur("388.2000"));
  q.net_mass = kilograms(d("200"));
  EXPECT_EQ(evaluate(e, "1000", q), eur("138.400"));
}

// A specific duty on gross mass needs the gross mass, never the net one; per 1,000 items.
TEST(DutyExpression, GrossMassAndThousandItems) {
  duty_expression e;
  specific_duty gross = per("5", "100kg");
  gross.gross_mass = true;
  e.specific = gross;
  duty_quantities q;
  q.net_mass = kilograms(d("100"));
  try {
    (void)evaluate(e, "1000", q);
    FAIL() << "a gross-mass duty computed on the net mass";
  } catch (const error& x) {
    EXPECT_THAT(x.what(), HasSubstr("gross mass"));
  }
  q.gross_mass = kilograms(d("120"));
  EXPECT_EQ(evaluate(e, "1000", q), eur("6"));
  duty_expression thousand;
  thousand.specific = per("244.78", "1000piece");
  duty_quantities items;
  items.measures.push_back(measure{d("2500"), any_unit::parse("piece")});
  EXPECT_EQ(evaluate(thousand, "1000", items), eur("611.95"));
}

// The dataset form of a branch and of gross mass loads strictly.
TEST(DutyExpression, TheDatasetFormLoads) {
  auto doc = [](const std::string& expression) {
    return R"({"schema": "fairport.tariff_duties/1", "dataset": "eu_cct_erga_omnes",
      "version": "2026.9.0", "source": {"title": "t", "publisher": "t", "url": "t",
      "retrieved": "2026-01-01"}, "licence": "t", "note": "", "records": [
      {"key": {"cn_range": ["1806100000", "1806109999"]}, "valid_from": "2026-01-01",
       "valid_through": null, "value": {"expression": )" + expression +
           R"(, "text": "test"}, "reference": "test"}]})";
  };
  const auto& data = reference_data::builtin();
  const auto loaded = data.with_override_text(
      doc(R"({"ad_valorem": "0.08", "maximum": {"ad_valorem": "0.187", "specific": {"amount":
          "10.06", "currency": "EUR", "per": "100kg"}, "deduction": {"amount": "1",
          "currency": "EUR", "per": "100kg", "mass": "gross"}}})"),
      "t.json");
  const auto* r = loaded.tariffs().find(tariff_code::parse("1806100000"),
                                        parse_date("2026-03-16"));
  ASSERT_NE(r, nullptr);
  ASSERT_TRUE(r->duty.maximum);
  EXPECT_EQ(*r->duty.maximum->ad_valorem, d("0.187"));
  EXPECT_TRUE(r->duty.maximum->deduction->gross_mass);
  EXPECT_THROW((void)data.with_override_text(
                   doc(R"({"ad_valorem": "0.08", "maximum": {"percent": "18.7"}})"), "t.json"),
               data_error);
  EXPECT_THROW((void)data.with_override_text(
                   doc(R"({"specific": {"amount": "1", "currency": "EUR", "per": "piece",
                       "mass": "gross"}})"),
                   "t.json"),
               data_error);
}

}  // namespace
