// End-to-end: the shipped example consignments through origin -> preference -> landed cost ->
// fair price, every figure compared with a hand computation written here.
#include "fairport/check/check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"
#include "fairport/io/report_format.hpp"

using namespace fairport;
using ::testing::HasSubstr;

namespace {

report check_example(const std::string& name) {
  const auto parsed = read_consignment(example_consignment(name), name);
  EXPECT_TRUE(parsed.errors.empty());
  return check_consignment(parsed.value, reference_data::builtin());
}

money eur(const char* s) { return money(decimal::parse(s), currency_code::parse("EUR")); }
money usd(const char* s) { return money(decimal::parse(s), currency_code::parse("USD")); }

const report_line& line(const report& r, const std::string& id) {
  auto it = std::find_if(r.lines.begin(), r.lines.end(),
                         [&](const report_line& l) { return l.id == id; });
  if (it == r.lines.end()) throw std::runtime_error("no line " + id);
  return *it;
}

}  // namespace

// kg_felt_de: FCA, USD at the consignment's rate 1 USD = 0.9210 EUR, costs spread by value
// (2400 : 1300), cents half up (the eu_default policy):
//   invoices 2210.40 / 1197.30; freight 420 USD = 386.82 -> 250.91 / 135.91;
//   insurance 35 USD = 32.235 -> 32.24 -> 20.9124 / 11.3276 -> 20.91 / 11.33 (largest remainder);
//   carriage after the border EUR 80 -> 51.8919 / 28.1081 -> 51.89 / 28.11.
//   customs values 2210.40 + 250.91 + 20.91 = 2482.22 and 1197.30 + 135.91 + 11.33 = 1344.54.
//   Third-country duty: 6.7 % x 2482.22 = 166.30874 -> 166.31; 8 % x 1344.54 = 107.5632 capped by
//   MAX EUR 2.8/m2 x 12 m2 = 33.60. Kyrgyzstan is a GSP+ beneficiary (Regulation (EU) No
//   978/2012, Annex III) and both products originate: duty 0, saving 199.91.
//   VAT 19 % (DE): (2482.22 + 51.89) x 0.19 = 481.4809 -> 481.48; (1344.54 + 28.11) x 0.19 =
//   260.8035 -> 260.80. Landed: 2482.22 + 51.89 + 481.48 = 3015.59; 1344.54 + 28.11 + 260.80 =
//   1633.45; total 4649.04.
//   Fair price (materials + minutes / 60 x wage, + 10 % overhead, + 15 % margin, ceiling to the
//   cent): 55 + 16 x 2.10 = 88.60 -> 97.46 -> 112.079 -> USD 112.08; 180 + 150 x 2.10 = 495 ->
//   544.50 -> 626.175 -> USD 626.18. Paid 150.00 and 640.00: fair.
TEST(CheckConsignment, KyrgyzFeltToGermanyEveryFigure) {
  const report r = check_example("kg_felt_de");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
  EXPECT_EQ(r.exit_status(), 0);
  EXPECT_EQ(r.currency, currency_code::parse("EUR"));
  const auto& a = line(r, "1");
  const auto& b = line(r, "2");
  EXPECT_EQ(a.landed->invoice_value, eur("2210.40"));
  EXPECT_EQ(a.landed->freight_to_border, eur("250.91"));
  EXPECT_EQ(b.landed->insurance, eur("11.33"));
  EXPECT_EQ(b.landed->freight_after_border, eur("28.11"));
  EXPECT_EQ(a.landed->customs_value, eur("2482.22"));
  EXPECT_EQ(b.landed->customs_value, eur("1344.54"));
  EXPECT_EQ(a.landed->duty.third_country_amount, eur("166.31"));
  EXPECT_EQ(b.landed->duty.third_country_amount, eur("33.60"));
  EXPECT_EQ(a.landed->duty.amount, eur("0"));
  EXPECT_EQ(r.totals.duty_saving, eur("199.91"));
  EXPECT_EQ(a.landed->vat, eur("481.48"));
  EXPECT_EQ(b.landed->vat, eur("260.80"));
  EXPECT_EQ(a.landed->landed_cost, eur("3015.59"));
  EXPECT_EQ(b.landed->landed_cost, eur("1633.45"));
  EXPECT_EQ(r.totals.landed_cost, eur("4649.04"));
  EXPECT_EQ(*a.landed->landed_cost_per_unit, eur("251.30"));  // 3015.59 / 12 = 251.2991...

  ASSERT_TRUE(a.origin && b.origin);
  EXPECT_EQ(a.origin->status, origin_status::originating);
  EXPECT_EQ(a.origin->basis, origin_basis::sufficient_working);
  ASSERT_TRUE(a.preference);
  EXPECT_EQ(a.preference->regime, preference_regime::gsp_plus);
  EXPECT_TRUE(a.preference->eligible);

  ASSERT_TRUE(a.fair_price && b.fair_price);
  EXPECT_EQ(a.fair_price->fair_price_per_unit, usd("112.08"));
  EXPECT_EQ(b.fair_price->fair_price_per_unit, usd("626.18"));
  EXPECT_TRUE(*a.fair_price->is_fair);
  EXPECT_EQ(*b.fair_price->shortfall_per_unit, usd("0"));
  // Producer share of the landed cost per unit: 150 x 0.9210 = EUR 138.15 / 251.30 = 0.54974...
  EXPECT_EQ(*a.fair_price->producer_share, decimal::parse("0.5497"));

  // The originating goods, 2210.40 + 1197.30 = EUR 3407.70, stay under the REX threshold of
  // EUR 6,000 (Implementing Regulation (EU) 2015/2447, Art. 92(1)); one statement covers both
  // products with their origin criteria (Annex 22-07).
  ASSERT_EQ(r.documents.size(), 1u);
  const auto& s = r.documents[0];
  EXPECT_TRUE(s.required);
  EXPECT_EQ(s.rex_required, false);
  EXPECT_THAT(s.text, HasSubstr("Altyn Kol felt cooperative"));
  EXPECT_THAT(s.text, HasSubstr("Kyrgyzstan preferential origin"));
  EXPECT_THAT(s.text, HasSubstr("W 56.02 (line 1), W 57.01 (line 2)"));
  EXPECT_THAT(s.findings.at(0).message, HasSubstr("EUR 3407.70"));
}

// kg_felt_fr_fails: felt bought in from China, cut and packed: Art. 47(1)(i), (k) and (q) of
// Delegated Regulation (EU) 2015/2446 make it not originating, so no preference: DAP EUR 1,600
// less the carriage after the border 40 (Art. 72(a) UCC) = customs value 1560.00; duty 6.7 % =
// 104.52; VAT 20 % (FR) on 1560 + 104.52 + 40 = 1704.52 -> 340.904 -> 340.90; landed 2045.42.
// Fair price 22.50 + 45 min x 2.10 / 60 = 24.075 -> x 1.10 -> x 1.15 = 30.454875 -> EUR 30.46;
// paid 9.00: shortfall 21.46.
TEST(CheckConsignment, FailingConsignmentSaysWhy) {
  const report r = check_example("kg_felt_fr_fails");
  EXPECT_EQ(r.exit_status(), 1);
  const auto& l = line(r, "1");
  EXPECT_EQ(l.origin->status, origin_status::not_originating);
  EXPECT_EQ(l.origin->rule, "insufficient working or processing");
  EXPECT_FALSE(l.preference->eligible);
  EXPECT_EQ(l.preference->regime, preference_regime::none);           // the third-country duty applies
  EXPECT_EQ(l.preference->arrangement, preference_regime::gsp_plus);  // though Kyrgyzstan has GSP+
  EXPECT_EQ(l.landed->customs_value, eur("1560.00"));
  EXPECT_EQ(l.landed->duty.amount, eur("104.52"));
  EXPECT_EQ(l.landed->vat, eur("340.90"));
  EXPECT_EQ(l.landed->landed_cost, eur("2045.42"));
  EXPECT_EQ(l.fair_price->fair_price_per_unit, eur("30.46"));
  EXPECT_FALSE(*l.fair_price->is_fair);
  EXPECT_EQ(*l.fair_price->shortfall_per_unit, eur("21.46"));
  EXPECT_TRUE(r.documents.empty());  // nothing to claim, no statement on origin
}

// tj_embroidery_ceramics_ee: Tajikistan has the general arrangement only (Annex II). Embroidery
// 5810 92 10 (5.8 %) is a sensitive textile of section S-11b: the duty is reduced by 20 %
// (Art. 7(2)) to 4.64 % and rounded down to one decimal (Art. 34): 4.6 %. Earthenware 6912 00 25
// (9 %) is sensitive: 9 - 3.5 = 5.5 %. Costs by net mass (14 : 48 kg), CPT to Tallinn with the
// carriage after the border (45.00) in the price: 1800 - 10.16 = 1789.84 x 4.6 % = 82.33264 ->
// 82.33; 960 - 34.84 = 925.16 x 5.5 % = 50.8838 -> 50.88. VAT 24 % (EE from 1 July 2025).
TEST(CheckConsignment, TajikStandardGspReducesSensitiveDuties) {
  const report r = check_example("tj_embroidery_ceramics_ee");
  const auto& a = line(r, "1");
  const auto& b = line(r, "2");
  EXPECT_EQ(a.preference->regime, preference_regime::gsp);
  EXPECT_EQ(a.landed->customs_value, eur("1789.84"));
  EXPECT_EQ(a.landed->duty.amount, eur("82.33"));
  EXPECT_EQ(b.landed->customs_value, eur("925.16"));
  EXPECT_EQ(b.landed->duty.amount, eur("50.88"));
  EXPECT_EQ(a.landed->vat_rate, decimal::parse("0.24"));
  // (1789.84 + 82.33 + 10.16) x 0.24 = 451.7592 -> 451.76
  EXPECT_EQ(a.landed->vat, eur("451.76"));
}

// The other shipped examples check cleanly, and their totals are the sums of their lines.
TEST(CheckConsignment, EveryExampleAddsUp) {
  for (const auto& name : example_names()) {
    SCOPED_TRACE(name);
    const report r = check_example(name);
    EXPECT_TRUE(r.errors.empty());
    money sum = eur("0");
    for (const auto& l : r.lines) sum += l.landed->landed_cost;
    EXPECT_EQ(sum, r.totals.landed_cost);
    EXPECT_EQ(r.exit_status(), name == "kg_felt_fr_fails" ? 1 : 0);
    EXPECT_THAT(to_text(r), HasSubstr(r.consignment_id));
    EXPECT_THAT(to_html(r), HasSubstr(r.totals.landed_cost.amount().to_string()));
  }
}

// Each step of a line succeeds or fails on its own: a CN code with no tariff record is an error
// of the duty step, and the line keeps its origin verdict (Delegated Regulation (EU) 2015/2446,
// Arts. 44-47 do not depend on the duty) and its fair-price verdict; the totals say they leave it
// out. Before, the line vanished from the report with both verdicts.
TEST(CheckConsignment, BadLinesDoNotStopTheOthers) {
  std::string text(example_consignment("kg_felt_de"));
  text.replace(text.find("\"5701 10 90\""), 12, "\"5705 00 80\"");  // no duty read for 5705
  auto parsed = read_consignment(text);
  const report r = check_consignment(parsed.value, reference_data::builtin());
  ASSERT_EQ(r.lines.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line_id, "2");
  EXPECT_THAT(r.errors[0].field, HasSubstr("/lines/1/"));
  const auto& bad = r.lines[1];
  EXPECT_EQ(bad.id, "2");
  EXPECT_FALSE(bad.landed);
  ASSERT_TRUE(bad.origin);
  EXPECT_EQ(bad.origin->status, origin_status::originating);
  ASSERT_TRUE(bad.fair_price);
  EXPECT_TRUE(bad.fair_price->is_fair);
  EXPECT_EQ(r.lines_left_out_of_totals, std::vector<std::string>{"2"});
  ASSERT_TRUE(r.lines[0].landed);
  EXPECT_EQ(r.totals.landed_cost, r.lines[0].landed->landed_cost);
  EXPECT_EQ(r.exit_status(), 2);
  EXPECT_THAT(to_text(r), HasSubstr("the totals leave out line 2"));
  EXPECT_THAT(to_json(r), HasSubstr("\"lines_left_out\": [\n      \"2\""));
}

// An origin that cannot be assessed (an operation outside the closed vocabulary, Art. 47(1) of
// Delegated Regulation (EU) 2015/2446) is an error of the origin step: the line is not given the
// preference and pays the third-country duty; nothing else of it is lost.
TEST(CheckConsignment, AnUnknownOperationIsAnOriginErrorAndTheLinePaysFullDuty) {
  std::string text(example_consignment("kg_felt_de"));
  text.replace(text.find("\"knotting\""), 10, "\"finishing\"");
  auto parsed = read_consignment(text);
  const report r = check_consignment(parsed.value, reference_data::builtin());
  ASSERT_EQ(r.lines.size(), 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, errc::invalid_argument);
  EXPECT_EQ(r.errors[0].field, "/lines/1/origin");
  EXPECT_THAT(r.errors[0].message, HasSubstr("\"finishing\" is not an operation id"));
  const auto& l = r.lines[1];
  EXPECT_FALSE(l.origin);
  ASSERT_TRUE(l.preference);
  EXPECT_FALSE(l.preference->eligible);
  ASSERT_TRUE(l.landed);
  EXPECT_EQ(l.landed->duty.amount, l.landed->duty.third_country_amount);
  EXPECT_GT(l.landed->duty.amount.amount().signum(), 0);
}

// pk_leather_it: FOB, 1 USD = 0.9185 EUR (the contract's rate). Invoice USD 8250
// = 7577.625 -> 7577.63; freight 640 = 587.84; insurance 48 = 44.088 -> 44.09; customs value
// 8209.56. Pakistan has GSP+ (Annex III): handbags 4202 21 free instead of 3 % = 246.2868 ->
// 246.29. VAT 22 % (IT) on 8209.56 + 120.00 carriage after the border = 1832.5032 -> 1832.50;
// landed 10162.06. The originating goods, EUR 7577.63, exceed EUR 6,000: the statement needs a
// registered exporter (Art. 92(1) IA), and this one has a REX number. Fair price (19.20 + 240 /
// 60 x 1.90) x 1.12 x 1.10 = 33.0176 -> USD 33.02; paid 38.00.
TEST(CheckConsignment, PakistaniLeatherToItaly) {
  const report r = check_example("pk_leather_it");
  const auto& l = line(r, "1");
  EXPECT_EQ(l.landed->invoice_value, eur("7577.63"));
  EXPECT_EQ(l.landed->customs_value, eur("8209.56"));
  EXPECT_EQ(l.landed->duty.amount, eur("0"));
  EXPECT_EQ(l.landed->duty.third_country_amount, eur("246.29"));
  EXPECT_EQ(l.landed->vat, eur("1832.50"));
  EXPECT_EQ(l.landed->landed_cost, eur("10162.06"));
  EXPECT_EQ(l.preference->regime, preference_regime::gsp_plus);
  EXPECT_EQ(r.documents.at(0).rex_required, true);
  EXPECT_EQ(l.fair_price->fair_price_per_unit, usd("33.02"));
  EXPECT_EQ(r.exit_status(), 0);
}

// uz_apricots_nl: wholly obtained (Art. 44(1)(b)); FCA: 14800 + 1450 + 62 = 16312.00; GSP+
// (Annex III) instead of 5.6 % = 913.472 -> 913.47; VAT 9 % (foodstuffs, NL) on 16312 + 210 =
// 1486.98; landed 18008.98; origin criterion "P" on the statement. Fair price (1.40 + 20 / 60
// x 1.50) x 1.15 x 1.10 = 2.4035 -> EUR 2.41 per kg; paid 2.60.
TEST(CheckConsignment, UzbekApricotsToTheNetherlands) {
  const report r = check_example("uz_apricots_nl");
  const auto& l = line(r, "1");
  EXPECT_EQ(l.origin->basis, origin_basis::wholly_obtained);
  EXPECT_EQ(l.landed->customs_value, eur("16312.00"));
  EXPECT_EQ(l.landed->duty.third_country_amount, eur("913.47"));
  EXPECT_EQ(l.landed->vat_rate, decimal::parse("0.09"));
  EXPECT_EQ(l.landed->vat, eur("1486.98"));
  EXPECT_EQ(l.landed->landed_cost, eur("18008.98"));
  EXPECT_THAT(r.documents.at(0).text, HasSubstr("origin criterion met is P"));
  EXPECT_EQ(l.fair_price->fair_price_per_unit, eur("2.41"));
}

// bd_garments_fr: CIF, so freight and insurance to the border are in the price: customs value
// 4800.00. Bangladesh has EBA (Annex IV): free instead of 12 % = 576.00. VAT 20 % (FR) on 4800
// + 95 = 979.00; landed 5874.00. Fair price (1.50 + 90 / 60 x 1.20) x 1.12 x 1.10 = 4.0656 ->
// EUR 4.07; paid 5.40.
TEST(CheckConsignment, BangladeshiKnitwearToFrance) {
  const report r = check_example("bd_garments_fr");
  const auto& l = line(r, "1");
  EXPECT_EQ(l.preference->regime, preference_regime::eba);
  EXPECT_EQ(l.landed->customs_value, eur("4800.00"));
  EXPECT_EQ(l.landed->duty.third_country_amount, eur("576.00"));
  EXPECT_EQ(l.landed->vat, eur("979.00"));
  EXPECT_EQ(l.landed->landed_cost, eur("5874.00"));
  EXPECT_EQ(l.fair_price->fair_price_per_unit, eur("4.07"));
}

// Every line error is located by a JSON Pointer into the consignment, whichever engine found it:
// a line whose origin cannot be assessed (an ex-works price of zero) fails at /lines/0/origin,
// and a later line whose CN code has no duty record fails in the landed cost, whose input has
// lost the first line, at /lines/1/hs_code of the consignment (not of the engine's input).
TEST(Check, LineErrorsPointIntoTheConsignment) {
  auto parsed = read_consignment(example_consignment("kg_felt_de"), "kg_felt_de");
  ASSERT_TRUE(parsed.errors.empty());
  auto c = parsed.value;
  ASSERT_GE(c.lines.size(), 2u);
  ASSERT_TRUE(c.lines[0].origin.has_value());
  c.lines[0].ex_works_price = decimal(0);
  c.lines[1].hs_code = tariff_code::parse("9999999999");
  const report r = check_consignment(c, reference_data::builtin());
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line_id, c.lines[0].id);
  EXPECT_EQ(r.errors[0].field, "/lines/0/origin");
  EXPECT_EQ(r.errors[1].line_id, c.lines[1].id);
  EXPECT_EQ(r.errors[1].code, errc::no_valid_record);
  EXPECT_EQ(r.errors[1].field, "/lines/1/hs_code");
}

// Fail closed (Reg. (EU) No 978/2012, Art. 33(1); Delegated Reg. (EU) 2015/2446, Art. 41 et
// seq.): a line whose origin is not shown, because it claims none or because its origin is
// undetermined, pays the third-country duty, says what would unlock the preference, and is not
// covered by the statement on origin. Giving less information never lowers the duty.
TEST(CheckConsignment, NoOriginShownPaysTheThirdCountryDuty) {
  auto parsed = read_consignment(example_consignment("kg_felt_de"), "kg_felt_de");
  ASSERT_TRUE(parsed.errors.empty());
  const report full = check_consignment(parsed.value, reference_data::builtin());
  ASSERT_TRUE(full.lines[0].preference->eligible);
  EXPECT_EQ(full.lines[0].landed->duty.amount, eur("0.00"));

  for (int variant = 0; variant < 2; ++variant) {
    auto c = parsed.value;
    if (variant == 0) c.lines[0].origin.reset();           // no origin claim
    if (variant == 1) c.lines[0].origin->materials[0].origin.reset();  // undetermined
    const report r = check_consignment(c, reference_data::builtin());
    ASSERT_TRUE(r.errors.empty()) << variant;
    const auto& l = r.lines[0];
    ASSERT_TRUE(l.preference);
    EXPECT_FALSE(l.preference->eligible) << variant;
    EXPECT_EQ(l.preference->status, preference_status::conditional) << variant;
    EXPECT_EQ(l.preference->regime, preference_regime::none);
    EXPECT_FALSE(l.preference->duty);
    ASSERT_TRUE(l.preference->potential_duty);
    EXPECT_TRUE(l.preference->potential_duty->is_free());
    EXPECT_THAT(l.preference->missing, ::testing::Contains("/lines/0/origin"));
    // 6.7 % x 2482.22 = 166.31, the third-country duty of the worked example above.
    EXPECT_EQ(l.landed->duty.amount, eur("166.31")) << variant;
    EXPECT_EQ(r.totals.duty_saving, eur("33.60")) << variant;  // line 2 only
    EXPECT_EQ(r.exit_status(), 1);
  }

  // No line shown originating: no statement on origin is made out.
  auto none = parsed.value;
  for (auto& l : none.lines) l.origin.reset();
  const report r = check_consignment(none, reference_data::builtin());
  for (const auto& d : r.documents) EXPECT_NE(d.kind, "statement_on_origin");
  for (const auto& l : r.lines) EXPECT_FALSE(l.preference->eligible);
}

// Delegated Reg. (EU) 2015/2446, Art. 37(14): the ex-works price is what the value rules compare
// materials with, so only they need it. Kyrgyz felt (5602, a process rule) originates without
// one, and so do Tajik ceramics from local clay (Chapter 69, change of heading). Glazed from
// imported biscuit-fired bowls of their own heading 6912 they fail the change of heading and only
// the value tolerance of Art. 48(2) could save them: undetermined, asking for the price.
TEST(CheckConsignment, TheExWorksPriceIsAskedForOnlyByAValueRule) {
  auto felt = read_consignment(example_consignment("kg_felt_de"), "kg_felt_de").value;
  felt.lines[0].ex_works_price.reset();
  const report a = check_consignment(felt, reference_data::builtin());
  ASSERT_TRUE(a.lines[0].origin);
  EXPECT_EQ(a.lines[0].origin->status, origin_status::originating);
  EXPECT_TRUE(a.lines[0].preference->eligible);

  auto pots = read_consignment(example_consignment("tj_embroidery_ceramics_ee"), "tj").value;
  ASSERT_EQ(pots.lines[1].hs_code.digits().substr(0, 4), "6912");
  pots.lines[1].ex_works_price.reset();
  EXPECT_EQ(line(check_consignment(pots, reference_data::builtin()), "2").origin->status,
            origin_status::originating);
  pots.lines[1].origin->materials[1].hs_code = tariff_code::parse("691200");
  pots.lines[1].origin->materials[1].description = "biscuit-fired bowls";
  const report b = check_consignment(pots, reference_data::builtin());
  const auto& l = line(b, "2");
  ASSERT_TRUE(l.origin);
  EXPECT_EQ(l.origin->status, origin_status::undetermined);
  EXPECT_THAT(l.origin->missing, ::testing::Contains("ex_works_price"));
  EXPECT_FALSE(l.preference->eligible);
}

// Implementing Reg. (EU) 2015/2447, Art. 92, and Delegated Reg. (EU) 2015/2446, Annex 22-07:
// the statement on origin covers the products granted the preference and gives the origin criterion of each, with the lines it
// applies to when it does not cover the whole consignment; above the EUR 6,000 threshold
// without a REX number it cannot be made out, and the report says so in its documents.
TEST(CheckConsignment, TheStatementOnOriginCoversOnlyTheGrantedLines) {
  auto c = read_consignment(example_consignment("kg_felt_de"), "kg_felt_de").value;
  const report all = check_consignment(c, reference_data::builtin());
  ASSERT_EQ(all.documents.size(), 1u);
  EXPECT_THAT(all.documents[0].text, HasSubstr("W 56.02 (line 1), W 57.01 (line 2)"));

  c.lines[0].origin.reset();  // line 1 is not shown originating: the statement is for line 2
  const report one = check_consignment(c, reference_data::builtin());
  ASSERT_EQ(one.documents.size(), 1u);
  EXPECT_TRUE(one.documents[0].can_be_made_out);
  EXPECT_THAT(one.documents[0].text, HasSubstr("W 57.01 (line 2)"));
  EXPECT_THAT(one.documents[0].text, ::testing::Not(HasSubstr("56.02")));

  // USD 7000.00 x 0.9210 = EUR 6447.00 of originating goods, no REX number: refused, and the
  // document says the statement cannot be made out.
  c.lines[1].invoice_value = decimal::parse("7000.00");
  c.exporter.rex_number.clear();
  const report big = check_consignment(c, reference_data::builtin());
  EXPECT_FALSE(line(big, "2").preference->eligible);
  EXPECT_THAT(line(big, "2").preference->missing, ::testing::Contains("/exporter/rex_number"));
  ASSERT_EQ(big.documents.size(), 1u);
  EXPECT_FALSE(big.documents[0].can_be_made_out);
  EXPECT_TRUE(big.documents[0].text.empty());
  EXPECT_TRUE(std::any_of(big.documents[0].findings.begin(), big.documents[0].findings.end(),
                          [](const finding& f) { return f.code == "documents.rex_missing"; }));
}

// Property (Reg. (EU) No 978/2012, Art. 33(1)): whatever is missing or wrong in a consignment, a
// line is given the preferential duty only when its origin is `originating`; every other line
// pays the third-country duty. 400 consignments generated from the shipped examples, each line
// mutated at random: origin claim dropped, a material's origin unknown, cumulation proof false,
// operations replaced by insufficient ones, direct transport not declared or refused, ex-works
// price dropped, REX number dropped.
TEST(CheckProperty, NoPreferenceWithoutOrigin) {
  std::mt19937 rng(20261203);
  const auto names = example_names();
  int granted = 0, refused = 0;
  for (int round = 0; round < 400; ++round) {
    const std::string& name = names[rng() % names.size()];
    auto c = read_consignment(example_consignment(name), name).value;
    if (rng() % 4 == 0) c.direct_transport = (rng() % 2) ? std::optional<bool>() : false;
    if (rng() % 4 == 0) c.exporter.rex_number.clear();
    for (auto& l : c.lines) {
      switch (rng() % 7) {
        case 0: l.origin.reset(); break;
        case 1:
          if (l.origin && !l.origin->materials.empty()) l.origin->materials[0].origin.reset();
          break;
        case 2:
          if (l.origin) for (auto& m : l.origin->materials) m.cumulation = false;
          break;
        case 3:
          if (l.origin) l.origin->operations = {"marking_labelling", "simple_packaging"};
          break;
        case 4: l.ex_works_price.reset(); break;
        default: break;  // unchanged
      }
    }
    const report r = check_consignment(c, reference_data::builtin());
    for (const auto& l : r.lines) {
      ASSERT_TRUE(l.preference) << name << " line " << l.id;
      const bool originating = l.origin && l.origin->status == origin_status::originating;
      if (l.preference->eligible) {
        ++granted;
        EXPECT_TRUE(originating) << name << " line " << l.id;
        EXPECT_EQ(l.preference->status, preference_status::granted);
      } else {
        ++refused;
        EXPECT_EQ(l.landed->duty.amount, l.landed->duty.third_country_amount)
            << name << " line " << l.id << ": a line without the preference pays the "
            << "third-country duty";
      }
    }
  }
  EXPECT_GT(granted, 0);  // both kinds of lines were generated
  EXPECT_GT(refused, 0);
}

// Headroom and flips in the report (Delegated Regulation (EU) 2015/2446, Annex 22-03): the
// embroidery of 5810 92 meets "materials ... not exceeding 50 % of the ex-works price" with
// EUR 140.00 of 1700.00 (8.2 %): EUR 850.00 - 140.00 = 710.00 more could be used; the bowls of
// 6912 pass the change of heading, which sets no value limit. The felt that failed on Art. 47(1)
// would originate if its felt were Kyrgyz (Art. 45(2): no non-originating materials).
TEST(CheckConsignment, TheReportShowsTheMarginHeadroomAndFlips) {
  const auto r = check_consignment(read_consignment(example_consignment("tj_embroidery_ceramics_ee")).value,
                                   reference_data::builtin());
  ASSERT_EQ(r.lines.size(), 2u);
  const auto& a = *r.lines[0].origin;
  EXPECT_EQ(a.non_originating_value, eur("140.00"));
  EXPECT_EQ(a.share, decimal::parse("0.082352941176"));
  EXPECT_EQ(a.limit, decimal::parse("0.5"));
  EXPECT_EQ(a.margin, eur("710.00"));
  ASSERT_TRUE(a.headroom);
  EXPECT_FALSE(a.headroom->unlimited);
  EXPECT_EQ(a.headroom->amount, eur("710.00"));
  EXPECT_THAT(a.rule_reference, HasSubstr("Annex 22-03"));
  const auto& b = *r.lines[1].origin;
  ASSERT_TRUE(b.headroom);
  EXPECT_TRUE(b.headroom->unlimited);
  EXPECT_THAT(b.headroom->rule_text, HasSubstr("any heading, except that of the product"));
  EXPECT_THAT(to_text(r), HasSubstr("headroom: EUR 710.000 more non-originating value"));

  const auto f = check_consignment(read_consignment(example_consignment("kg_felt_fr_fails")).value,
                                   reference_data::builtin());
  const auto& o = *f.lines[0].origin;
  ASSERT_EQ(o.flips.size(), 1u);
  EXPECT_EQ(o.flips[0].to, origin_status::originating);
  EXPECT_THAT(to_text(f), HasSubstr("would make it originating"));
  EXPECT_THAT(to_json(f), HasSubstr("\"flips\": ["));
}

// Fail closed, and say what it costs: without origin shown the felt pays the third-country duty
// (Regulation (EU) No 978/2012, Art. 33(1)), and the report shows the duty the GSP+ would save
// once origin is shown apart from the duty computed: 166.31 and 33.60, the third-country duties of
// KyrgyzFeltToGermanyEveryFigure, as GSP+ is free (Art. 12, Annex IX).
TEST(CheckConsignment, ThePotentialSavingIsShownApartFromTheDutyComputed) {
  auto c = read_consignment(example_consignment("kg_felt_de")).value;
  for (auto& l : c.lines) l.origin.reset();
  const report r = check_consignment(c, reference_data::builtin());
  ASSERT_EQ(r.lines.size(), 2u);
  for (const auto& l : r.lines) {
    ASSERT_TRUE(l.preference);
    EXPECT_FALSE(l.preference->eligible);
    EXPECT_EQ(l.landed->duty.amount, l.landed->duty.third_country_amount);
  }
  EXPECT_EQ(r.lines[0].preference->potential_saving, eur("166.31"));
  EXPECT_EQ(r.lines[1].preference->potential_saving, eur("33.60"));
  EXPECT_EQ(r.potential_duty_saving, eur("199.91"));
  EXPECT_EQ(r.totals.duty_saving, eur("0.00"));
  EXPECT_THAT(to_text(r), HasSubstr("potential saving, not in the figures above: EUR 199.91"));
  // With origin shown there is nothing potential.
  const report ok = check_consignment(read_consignment(example_consignment("kg_felt_de")).value,
                                      reference_data::builtin());
  EXPECT_FALSE(ok.potential_duty_saving);
}

// A VAT category is a closed vocabulary of eu_vat_rates: a category it does not know is bad input
// naming the accepted ones; a known category that the member state does not have on the date
// (Council Directive 2006/112/EC, Arts. 98 and 99: reduced rates are optional) is a data gap
// naming the ones it has. Both point at the line's vat_category; the other line is checked.
TEST(CheckConsignment, AnUnknownVatCategoryIsBadInputNamingTheCategories) {
  auto c = read_consignment(example_consignment("kg_felt_de")).value;
  c.lines[0].vat_category = "bogus";
  const report r = check_consignment(c, reference_data::builtin());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, errc::invalid_argument);
  EXPECT_EQ(r.errors[0].field, "/lines/0/vat_category");
  EXPECT_THAT(r.errors[0].message, HasSubstr("foodstuffs, parking, reduced"));
  c.lines[0].vat_category = "super_reduced";
  const report s = check_consignment(c, reference_data::builtin());
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].code, errc::no_valid_record);
  EXPECT_EQ(s.errors[0].field, "/lines/0/vat_category");
  EXPECT_THAT(s.errors[0].message, HasSubstr("its categories on that date: foodstuffs, reduced, standard"));
  EXPECT_TRUE(s.lines[1].landed);
}

// A country code that is no country (ISO 3166-1, dataset iso3166_countries) is bad input
// [fairport.input.103], not a non-beneficiary: for the exporter of a consignment, and for the
// origin of a material.
TEST(CheckConsignment, AnExporterThatIsNoCountryIsRefused) {
  auto c = read_consignment(example_consignment("kg_felt_de")).value;
  c.exporter.country = country_code::parse("QQ");
  try {
    (void)check_consignment(c, reference_data::builtin());
    FAIL() << "QQ was checked as a non-beneficiary";
  } catch (const input_error& e) {
    EXPECT_EQ(e.code(), errc::invalid_country_code);
    EXPECT_THAT(e.what(), HasSubstr("/exporter/country: \"QQ\" is not a country"));
  }
  auto m = read_consignment(example_consignment("kg_felt_de")).value;
  m.lines[0].origin->materials[1].origin = country_code::parse("QQ");
  const report r = check_consignment(m, reference_data::builtin());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].code, errc::invalid_country_code);
  EXPECT_EQ(r.errors[0].field, "/lines/0/origin");
  EXPECT_THAT(r.errors[0].message, HasSubstr("materials/1/origin: \"QQ\""));
}
