// Every Incoterms rule as its cost split says, for the customs value (Regulation (EU) No 952/2013,
// Art. 70, 71, 72(a)) and the import-VAT base (Directive 2006/112/EC, Art. 86): no cost counted
// twice, none given and silently unused, none the law needs missing without a word.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"

namespace {

using namespace fairport;
using ::testing::HasSubstr;

const reference_data& data() { return reference_data::builtin(); }
decimal d(const char* s) { return decimal::parse(s); }
money eur(const char* s) { return money(d(s), currency_code::parse("EUR")); }

landed_cost_input handbag(incoterm t) {
  landed_cost_input in;
  in.id = "t";
  in.as_of = parse_date("2026-03-16");
  in.destination = country_code::parse("DE");
  in.terms = t;
  in.currency = currency_code::parse("EUR");
  landed_cost_line l;
  l.id = "1";
  l.cn = tariff_code::parse("4202210000");  // 3 % third-country duty
  l.invoice_value = d("1000");
  in.lines.push_back(l);
  return in;
}

const finding* find(const findings& fs, const std::string& code) {
  const auto it = std::find_if(fs.begin(), fs.end(), [&](const finding& f) { return f.code == code; });
  return it == fs.end() ? nullptr : &*it;
}

// DPU: the seller unloads at the destination, so the unloading is in the price; shown
// separately it is a cost after entry and out of the customs value (Art. 72(a)), and it is not
// added again: 1000 - 100 carriage after the border - 50 unloading = 850.00; duty 3 % = 25.50;
// VAT 19 % of 850.00 + 25.50 + 100 + 50 = 1025.50 -> 194.85; landed cost 1220.35 (before:
// customs value 900.00 and landed cost 1281.63, the unloading counted twice).
TEST(IncotermCosts, DpuUnloadingIsInThePriceOnce) {
  auto in = handbag(incoterm::dpu);
  in.costs.freight_after_border = eur("100");
  in.costs.other_to_destination = eur("50");
  const auto r = landed_cost(in, data());
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.lines[0].customs_value, eur("850.00"));
  EXPECT_EQ(r.lines[0].duty.amount, eur("25.50"));
  EXPECT_EQ(r.lines[0].vat, eur("194.85"));
  EXPECT_EQ(r.lines[0].landed_cost, eur("1220.35"));
  EXPECT_NE(find(r.findings, "landed.unloading_in_price"), nullptr);
  // DAP: the buyer unloads, so the 50 is the buyer's own cost: out of the price, not deducted.
  auto dap = in;
  dap.terms = incoterm::dap;
  const auto a = landed_cost(dap, data());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.lines[0].customs_value, eur("900.00"));
}

// CIF puts carriage and insurance in the price: freight and insurance given are not added, and
// a warning says so (before: ignored without a word).
TEST(IncotermCosts, CostsInThePriceGivenAgainAreNamed) {
  auto in = handbag(incoterm::cif);
  in.costs.freight_to_border = eur("120");
  in.costs.insurance = eur("8");
  const auto r = landed_cost(in, data());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.lines[0].customs_value, eur("1000.00"));
  const finding* f = find(r.findings, "landed.cost_in_price");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->level, severity::warning);
  EXPECT_THAT(f->message, HasSubstr("freight_to_border given (EUR 120)"));
  EXPECT_THAT(f->reference, HasSubstr("Art. 70(1)-(2)"));
}

// EXW and FOB leave the carriage to the border to the buyer (Art. 71(1)(e)): without it the
// customs value is the price alone, and a warning asks for it; an explicit 0 is an answer.
TEST(IncotermCosts, CarriageToTheBorderMissingIsAWarning) {
  for (incoterm t : {incoterm::exw, incoterm::fob}) {
    auto in = handbag(t);
    const auto r = landed_cost(in, data());
    ASSERT_TRUE(r.ok());
    const finding* f = find(r.findings, "landed.carriage_to_border_missing");
    ASSERT_NE(f, nullptr) << to_string(t);
    EXPECT_THAT(f->reference, HasSubstr("Art. 71(1)(e)(i)"));
    in.costs.freight_to_border = eur("0");
    EXPECT_EQ(find(landed_cost(in, data()).findings, "landed.carriage_to_border_missing"), nullptr);
  }
}

// Art. 71(1)(a)-(d) additions declared in the document: a selling agent's commission of EUR 50
// that the buyer pays apart enters the customs value (Art. 71(1)(a)(i)): 1000 + 50 = 1050.00;
// a kind outside the closed list is refused with its pointer.
TEST(IncotermCosts, AdditionsDeclaredInTheDocument) {
  const std::string doc = R"({"schema": "fairport.consignment/1", "id": "add", "as_of": "2026-03-16",
    "exporter": {"name": "x", "country": "KG"}, "importer": {"name": "y", "country": "DE"},
    "incoterm": "DAP", "currency": "EUR",
    "lines": [{"id": "1", "description": "felt bag", "hs_code": "4202210000",
               "invoice_value": "1000.00", "additions": [KIND]}]})";
  auto with = [&](const std::string& addition) {
    std::string t = doc;
    t.replace(t.find("KIND"), 4, addition);
    return read_consignment(t, "add.json");
  };
  const auto ok = with(R"({"kind": "commission", "amount": {"amount": "50.00", "currency": "EUR"},
      "description": "selling agent's commission"})");
  ASSERT_TRUE(ok.errors.empty());
  const report r = consignment_checker(data()).check(ok.value);
  ASSERT_TRUE(r.lines[0].landed);
  EXPECT_EQ(r.lines[0].landed->customs_value, eur("1050.00"));
  const auto bad = with(R"({"kind": "tip", "amount": {"amount": "5.00", "currency": "EUR"}})");
  ASSERT_EQ(bad.errors.size(), 1U);
  EXPECT_EQ(bad.errors[0].field, "/lines/0/additions/0/kind");
  EXPECT_THAT(bad.errors[0].message, HasSubstr("commission, containers, packing"));
}

}  // namespace

namespace {

// Goods declared under the import one-stop shop are exempt from import VAT (Directive
// 2006/112/EC, Art. 143(1)(ca)); the scheme covers consignments of an intrinsic value not over
// EUR 150 (Art. 369l(1)). A EUR 60 consignment into Germany: no duty (negligible value, Reg.
// (EC) No 1186/2009, Art. 23) and no import VAT (before: 11.40 charged); EUR 200 under the IOSS
// is outside the scheme: a warning, and the VAT is due (200.00 + 6.00 duty) x 19 % = 39.14.
TEST(IncotermCosts, IossConsignmentsAreExemptFromImportVat) {
  auto in = handbag(incoterm::dap);
  in.lines[0].invoice_value = d("60");
  in.ioss = true;
  auto r = landed_cost(in, data());
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.lines[0].duty.amount, eur("0.00"));
  EXPECT_EQ(r.lines[0].vat.amount(), d("0"));
  ASSERT_NE(find(r.findings, "landed.vat.ioss_exempt"), nullptr);
  EXPECT_THAT(find(r.findings, "landed.vat.ioss_exempt")->reference, HasSubstr("Art. 143(1)(ca)"));
  in.ioss = false;
  EXPECT_EQ(landed_cost(in, data()).lines[0].vat, eur("11.40"));
  in.ioss = true;
  in.lines[0].invoice_value = d("200");
  r = landed_cost(in, data());
  ASSERT_TRUE(r.ok());
  const finding* f = find(r.findings, "landed.ioss_not_applicable");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(f->message, HasSubstr("exceeds EUR 150"));
  EXPECT_EQ(r.lines[0].vat, eur("39.14"));
}

}  // namespace

namespace {

// The customs value is stated in the member state's currency (Union Customs Code Art. 53;
// Implementing Regulation (EU) 2015/2447, Art. 146(1)): EUR in the euro area, the national
// currency outside it. A German declaration in USD and a Polish one in EUR are refused (before:
// both accepted); a Polish one in PLN converts at the rate given for the month (a test figure).
TEST(DeclarationCurrency, IsTheMemberStatesOwn) {
  auto de = handbag(incoterm::dap);
  de.declaration_currency = currency_code::parse("USD");
  EXPECT_THROW((void)landed_cost(de, data()), input_error);
  auto pl = handbag(incoterm::dap);
  pl.destination = country_code::parse("PL");
  pl.declaration_currency = currency_code::parse("EUR");
  EXPECT_THROW((void)landed_cost(pl, data()), input_error);
  pl.declaration_currency = currency_code::parse("PLN");
  pl.exchange_rates = {fx_rate(currency_code::parse("EUR"), currency_code::parse("PLN"),
                               d("4.2543"), parse_date("2026-03-01"),
                               "a rate of the month for the test")};
  const auto r = landed_cost(pl, data());
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.lines[0].customs_value.currency().to_string(), "PLN");
  EXPECT_EQ(r.lines[0].customs_value.amount(), d("4254.30"));
}

}  // namespace

namespace {

// A negative specific amount is refused at load (before: accepted, and it gave a negative duty).
TEST(TariffData, NegativeSpecificAmountsAreRefused) {
  const std::string doc = R"({"schema": "fairport.tariff_duties/1", "dataset": "eu_cct_erga_omnes",
    "version": "2026.9.0", "source": {"title": "t", "publisher": "t", "url": "t",
    "retrieved": "2026-01-01"}, "licence": "t", "note": "", "records": [
    {"key": {"cn_range": ["1704100000", "1704109999"]}, "valid_from": "2026-01-01",
     "valid_through": null, "value": {"expression": {"ad_valorem": "0.1", "specific": {"amount":
     "-7", "currency": "EUR", "per": "100kg"}}, "text": "test"}, "reference": "test"}]})";
  try {
    (void)data().with_override_text(doc, "neg.json");
    FAIL() << "expected a data error";
  } catch (const data_error& e) {
    EXPECT_THAT(e.what(), HasSubstr("/records/0/value/expression/specific/amount"));
  }
}

}  // namespace

namespace {

// Air freight (Implementing Regulation (EU) 2015/2447, Annex 23-01): only a share of the air
// transport costs enters the customs value; fairport has not the percentages, so it counts the
// whole freight and says so. Postal consignments take the EUR 3 duty as IOSS ones do (Council
// Regulation (EU) 2026/382, dataset eu_low_value_relief: "declared under the IOSS or sent by
// post"): EUR 60 into France on 2026-07-15 by post, not under the IOSS, pays 3.00.
TEST(Transport, AirFreightIsNamedAndPostTakesTheFlatDuty) {
  auto in = handbag(incoterm::fca);
  in.transport = transport_mode::air;
  in.departure_country = country_code::parse("KG");
  in.costs.freight_to_border = eur("40");
  auto r = landed_cost(in, data());
  ASSERT_TRUE(r.ok());
  const finding* f = find(r.findings, "landed.air_freight_share");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(f->message, HasSubstr("(KG)"));
  EXPECT_EQ(r.lines[0].customs_value, eur("1040.00"));
  auto post = handbag(incoterm::dap);
  post.as_of = parse_date("2026-07-15");
  post.destination = country_code::parse("FR");
  post.lines[0].invoice_value = d("60");
  post.transport = transport_mode::post;
  r = landed_cost(post, data());
  ASSERT_TRUE(r.ok()) << r.errors[0].message;
  EXPECT_EQ(r.lines[0].duty.amount, eur("3.00"));
  post.transport = transport_mode::road;
  EXPECT_EQ(landed_cost(post, data()).lines[0].duty.amount, eur("1.80"));  // 3 % of 60
}

}  // namespace

namespace {

// One home per rule outside the euro area too: the batch and the consignment engine declare in
// the national currency, convert through the euro where only EUR rates are given (each step
// rounded), convert specific duties from EUR, and agree figure for figure. The national rates are
// test figures (a rate of the month, as the national authority would publish it).
TEST(DeclarationCurrency, BatchAndEngineAgreeOutsideTheEuroArea) {
  const std::string tariffs = R"({"schema": "fairport.tariff_duties/1",
    "dataset": "eu_cct_erga_omnes", "version": "2026.9.0", "source": {"title": "t",
    "publisher": "t", "url": "t", "retrieved": "2026-01-01"}, "licence": "t", "note": "",
    "records": [{"key": {"cn_range": ["0702000000", "0702009999"]}, "valid_from": "2026-01-01",
      "valid_through": null, "value": {"expression": {"ad_valorem": "0.088", "specific":
      {"amount": "2.37", "currency": "EUR", "per": "100kg"}, "minimum": {"amount": "15.9",
      "currency": "EUR", "per": "100kg"}}, "text": "8,8 % + 2,37 EUR/100 kg MIN 15,9 EUR/100 kg"},
      "reference": "test"}]})";
  const reference_data test_data = data().with_override_text(tariffs, "t.json");
  const struct { const char* country; const char* currency; const char* rate; } states[] = {
      {"PL", "PLN", "4.2543"}, {"CZ", "CZK", "24.378"}, {"SE", "SEK", "10.892"},
      {"HU", "HUF", "366.9"},  {"DK", "DKK", "7.4727"}, {"RO", "RON", "5.092"}};
  int compared = 0;
  for (const auto& st : states) {
    const currency_code national = currency_code::parse(st.currency);
    const std::vector<fx_rate> rates = {fx_rate(currency_code::parse("EUR"), national, d(st.rate),
                                                parse_date("2026-03-01"), "test")};
    for (const char* invoice : {"EUR", "USD", st.currency}) {
      for (incoterm t : {incoterm::exw, incoterm::cif, incoterm::dap}) {
        landed_cost_row row;
        row.as_of = parse_date("2026-03-16");
        row.destination = country_code::parse(st.country);
        row.terms = t;
        row.cn = tariff_code::parse("0702000000");
        row.currency = currency_code::parse(invoice);
        // Above EUR 150 in every currency (the batch has no consignment-level relief).
        row.invoice_value = d(std::string(invoice) == st.currency ? "987654.32" : "1234.56");
        row.freight_to_border = d("87.13");
        row.freight_after_border = d("41.07");
        row.net_mass_kg = d("612.5");
        row.declaration_currency = national;
        landed_cost_row_result b[1];
        landed_cost_batch(&row, 1, test_data, b, rates);
        const std::string where = std::string(st.country) + " " + invoice + " " +
                                  std::string(to_string(t));
        ASSERT_EQ(b[0].code, 0) << where << ": " << b[0].message;
        EXPECT_EQ(b[0].currency, national) << where;
        landed_cost_input in = handbag(t);
        in.destination = row.destination;
        in.currency = row.currency;
        in.declaration_currency = national;
        in.exchange_rates = rates;
        in.costs.freight_to_border = money(row.freight_to_border, row.currency);
        in.costs.freight_after_border = money(row.freight_after_border, row.currency);
        in.lines[0].cn = row.cn;
        in.lines[0].invoice_value = row.invoice_value;
        in.lines[0].net_mass = kilograms(*row.net_mass_kg);
        const auto e = landed_cost(in, test_data);
        ASSERT_TRUE(e.ok()) << where << ": " << e.errors[0].message;
        const auto& r = e.lines[0];
        EXPECT_EQ(b[0].customs_value, r.customs_value.amount()) << where;
        EXPECT_EQ(b[0].duty, r.duty.amount.amount()) << where;
        EXPECT_EQ(b[0].vat, r.vat.amount()) << where;
        EXPECT_EQ(b[0].landed_cost, r.landed_cost.amount()) << where;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 6 * 3 * 3);
  // Without the declaration currency a Polish row fails with its code, as a consignment does.
  landed_cost_row row;
  row.as_of = parse_date("2026-03-16");
  row.destination = country_code::parse("PL");
  row.cn = tariff_code::parse("0702000000");
  row.currency = currency_code::parse("EUR");
  row.invoice_value = d("100");
  landed_cost_row_result b[1];
  landed_cost_batch(&row, 1, test_data, b);
  EXPECT_EQ(b[0].code, static_cast<int>(errc::missing_input));
}

}  // namespace

namespace {

// A line that cannot be computed carries no share of the shipment costs: spread over the lines
// that can, nothing is lost and a good line's figures are what they would be alone (before:
// the failed line kept half of the EUR 100 freight, the good line's customs value 1050.00).
TEST(Allocation, AFailedLineCarriesNoShareOfTheCosts) {
  auto in = handbag(incoterm::exw);
  in.costs.freight_to_border = eur("100");
  landed_cost_line bad = in.lines[0];
  bad.id = "2";
  bad.cn = tariff_code::parse("9999999999");  // no tariff record
  in.lines.push_back(bad);
  const auto r = landed_cost(in, data());
  ASSERT_EQ(r.errors.size(), 1U);
  ASSERT_EQ(r.lines.size(), 1U);
  EXPECT_EQ(r.lines[0].customs_value, eur("1100.00"));
  const finding* f = find(r.findings, "landed.costs_respread");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(f->message, HasSubstr("(2)"));
  auto alone = in;
  alone.lines.pop_back();
  const auto a = landed_cost(alone, data());
  EXPECT_EQ(a.lines[0].customs_value, r.lines[0].customs_value);
  EXPECT_EQ(a.lines[0].landed_cost, r.lines[0].landed_cost);
}

}  // namespace
