// Worked examples of customs authorities, computed by the consignment engine.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "fairport/fairport.hpp"

namespace {

using namespace fairport;

const reference_data& data() { return reference_data::builtin(); }
decimal d(const char* s) { return decimal::parse(s); }
money eur(const char* s) { return money(d(s), currency_code::parse("EUR")); }

/// The built-in data with one tariff record: `rate` ad valorem for the CN range of `code`.
reference_data with_duty(const std::string& code, const std::string& rate) {
  const std::string doc = R"({"schema": "fairport.tariff_duties/1", "dataset": "eu_cct_erga_omnes",
    "version": "2026.9.0", "source": {"title": "worked example", "publisher": "test", "url": "t",
    "retrieved": "2026-01-01"}, "licence": "test", "note": "", "records": [
    {"key": {"cn_range": [")" + code + R"(", ")" + code.substr(0, 6) + R"(9999"]},
     "valid_from": "2020-01-01", "valid_through": null,
     "value": {"expression": {"ad_valorem": ")" + rate + R"("}, "text": "test"},
     "reference": "worked example"}]})";
  return data().with_override_text(doc, "worked_example_tariff.json");
}

landed_cost_line line(const char* id, const char* cn, const char* value) {
  landed_cost_line l;
  l.id = id;
  l.cn = tariff_code::parse(cn);
  l.invoice_value = d(value);
  return l;
}

// Generalzolldirektion, zoll.de, "Berechnung von Einfuhrabgaben" (Einfuhrumsatzsteuer,
// Bemessungsgrundlage, Beispiel): a machine from the USA, ex-works price EUR 10,000, freight to
// Rotterdam (the place of entry) EUR 1,200, carriage Rotterdam-Berlin EUR 300, a notional duty of
// 2 %, EUSt 19 %: customs value 11,200; duty 224.00; EUSt base 11,724; EUSt 2,227.56 (UStG
// § 11(1) and (3)).
TEST(WorkedExamples, ZollDeEinfuhrumsatzsteuer) {
  landed_cost_input in;
  in.id = "zoll.de";
  in.as_of = parse_date("2026-03-16");
  in.destination = country_code::parse("DE");
  in.terms = incoterm::exw;
  in.currency = currency_code::parse("EUR");
  in.costs.freight_to_border = eur("1200");
  in.costs.freight_after_border = eur("300");
  in.lines.push_back(line("machine", "8479899700", "10000"));
  const auto r = landed_cost(in, with_duty("8479899700", "0.02"));
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.lines[0].customs_value, eur("11200.00"));
  EXPECT_EQ(r.lines[0].duty.amount, eur("224.00"));
  EXPECT_EQ(r.lines[0].vat_base, eur("11724.00"));
  EXPECT_EQ(r.lines[0].vat, eur("2227.56"));
  EXPECT_EQ(r.lines[0].duty.amount + r.lines[0].vat, eur("2451.56"));
}

// Agencia Tributaria, "Manual de importación y exportación de envíos de escaso valor", data
// element 14 14 000 000 "Intrinsic value", examples 2 to 4: the intrinsic value is the price of
// the goods without the transport shown separately: a coat of EUR 140 with a EUR 15 transport fee
// (and a EUR 120 coat with a EUR 20 T-shirt and the same fee) is 140, within EUR 150, so the
// negligible-value relief applies although the customs value is 155; a EUR 160 coat is not. (The
// duty rate, 12 %, is the test's tariff record: the manual gives none.)
TEST(WorkedExamples, AeatIntrinsicValue) {
  const auto tariff = with_duty("6202400000", "0.12");
  const auto tshirt = tariff.with_override_text(
      R"({"schema": "fairport.tariff_duties/1", "dataset": "eu_cct_erga_omnes",
        "version": "2026.9.1", "source": {"title": "worked example", "publisher": "test",
        "url": "t", "retrieved": "2026-01-01"}, "licence": "test", "note": "", "records": [
        {"key": {"cn_range": ["6202400000", "6202409999"]}, "valid_from": "2020-01-01",
         "valid_through": null, "value": {"expression": {"ad_valorem": "0.12"}, "text": "12 %"},
         "reference": "worked example"},
        {"key": {"cn_range": ["6109100000", "6109109999"]}, "valid_from": "2020-01-01",
         "valid_through": null, "value": {"expression": {"ad_valorem": "0.12"}, "text": "12 %"},
         "reference": "worked example"}]})",
      "worked_example_tariff.json");
  auto base = [] {
    landed_cost_input in;
    in.id = "aeat";
    in.as_of = parse_date("2026-03-16");
    in.destination = country_code::parse("ES");
    in.terms = incoterm::exw;
    in.currency = currency_code::parse("EUR");
    in.costs.freight_to_border = eur("15");
    return in;
  };
  auto two = base();
  two.lines.push_back(line("coat", "6202400000", "140"));
  auto r = landed_cost(two, tariff);
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.lines[0].customs_value, eur("155.00"));
  EXPECT_EQ(r.lines[0].duty.amount, eur("0.00"));
  auto three = base();
  three.lines.push_back(line("coat", "6202400000", "120"));
  three.lines.push_back(line("t-shirt", "6109100000", "20"));
  r = landed_cost(three, tshirt);
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.totals.duty, eur("0.00"));
  auto four = base();
  four.lines.push_back(line("coat", "6202400000", "160"));
  four.costs.freight_to_border = eur("0");
  r = landed_cost(four, tariff);
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.lines[0].duty.amount, eur("19.20"));  // 160 x 12 %: no relief above EUR 150
}

}  // namespace
