// Tests for fairport/gsp/preference.hpp: arrangement on a date, product coverage (Annexes V and
// IX), graduation, the preferential duty (Arts. 7, 12, 18 and 34 of Regulation (EU) No 978/2012),
// origin and transport conditions, and the statement on origin (Regulation (EU) 2015/2447).
// Sources are cited at each case; "Reg 978" is Regulation (EU) No 978/2012 as consolidated on
// 2025-01-01 (EUR-Lex, CELEX 32012R0978), "IA" Commission Implementing Regulation (EU)
// 2015/2447. Third-country duties come from the built-in dataset eu_cct_erga_omnes (valid from
// 2026-02-22), so duty cases use dates on or after that.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <vector>

#include "fairport/gsp/preference.hpp"
#include "fairport/origin/assess.hpp"

// Counts heap allocations while `counting` is set: the fast path must not allocate.
namespace {

/// The figures of Arts. 7, 18 and 34 in the built-in data (dataset eu_gsp_duty_rules).
const fairport::gsp_duty_rules_record& rules() {
  return *fairport::reference_data::builtin().gsp_duty_rules().try_at(
      fairport::parse_date("2026-03-16"));
}
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
// Every form is replaced, so that no allocation made by one (the nothrow form the standard
// library's temporary buffers use) is freed by another.
void* operator new(std::size_t n) {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1);
  return std::malloc(n == 0 ? 1 : n);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace {

using namespace fairport;
using testing::HasSubstr;

const reference_data& data() { return reference_data::builtin(); }
const gsp_preference_engine& engine() {
  static const gsp_preference_engine e(data());
  return e;
}
country_code cty(std::string_view s) { return country_code::parse(s); }
decimal dec(std::string_view s) { return decimal::parse(s); }

preference_query query(std::string_view exporter, std::string_view cn, std::string_view as_of,
                       std::string_view destination = "DE") {
  return preference_query{cty(exporter), tariff_code::parse(cn), cty(destination),
                          parse_date(as_of)};
}

bool has_code(const findings& f, std::string_view code) {
  for (const auto& x : f) {
    if (x.code == code) return true;
  }
  return false;
}
const finding* find_code(const findings& f, std::string_view code) {
  for (const auto& x : f) {
    if (x.code == code) return &x;
  }
  return nullptr;
}

duty_expression ad_valorem(std::string_view fraction, std::string_view text) {
  duty_expression d;
  d.ad_valorem = dec(fraction);
  d.text = std::string(text);
  return d;
}
specific_duty eur(std::string_view amount, std::string per) {
  return specific_duty{dec(amount), currency_code::parse("EUR"), std::move(per)};
}

// ---- the arrangement on a date ---------------------------------------------------------------

// Reg 978 Annex III (consolidated 2025-01-01) lists BO, CV, KG, LK, MN, PH, PK, UZ. Annex IX
// lists Chapter 57 (GSP section S-11a); Art. 12(1) suspends the ad valorem duty. CN 5701 10 10
// (knotted wool carpets) has a third-country duty of 8 % (eu_cct_erga_omnes).
TEST(GspArrangement, EveryPresentGspPlusBeneficiaryGetsDutyFreeCarpets) {
  for (const char* c : {"BO", "CV", "KG", "LK", "MN", "PH", "PK", "UZ"}) {
    SCOPED_TRACE(c);
    const auto d = engine().decide(query(c, "5701101000", "2026-03-02"));
    EXPECT_EQ(d.regime, preference_regime::gsp_plus);
    EXPECT_EQ(d.applied, preference_regime::gsp_plus);
    EXPECT_EQ(d.status, preference_status::conditional);
    ASSERT_TRUE(d.third_country);
    EXPECT_EQ(*d.third_country->ad_valorem, dec("0.08"));
    ASSERT_TRUE(d.preferential);
    EXPECT_TRUE(d.preferential->is_free());
    EXPECT_EQ(d.coverage, gsp_product_coverage::listed);
    EXPECT_EQ(d.section, "S-11a");
    // GSP+ countries are also in Annex II: the most favourable arrangement is said to apply.
    EXPECT_TRUE(has_code(d.findings, "gsp.arrangement.gsp"));
    EXPECT_TRUE(has_code(d.findings, "gsp.arrangement.gsp_plus"));
    EXPECT_TRUE(has_code(d.findings, "gsp.arrangement.most_favourable"));
  }
}

// Reg 978 Art. 43(3) as amended by Regulation (EU) 2023/2663: the general arrangement and GSP+
// apply until 31 December 2027; EBA does not expire.
TEST(GspArrangement, GspPlusEndsWithTheSchemeOn31December2027ButEbaGoesOn) {
  // The built-in duties are those of CN 2026 (to 2026-12-31); the test carries the 2026 figure
  // of 5701 10 10 (8 %) on as a user's record, a test figure, not the CN 2027 or 2028 text.
  const reference_data later = data().with_layer_text(
      R"({"schema": "fairport.tariff_duties/1", "dataset": "eu_cct_erga_omnes",
          "version": "2027.1.0", "source": {"title": "test", "publisher": "test", "url": "-",
          "retrieved": "2026-12-04"}, "licence": "test", "note": "", "records": [
          {"key": {"cn_range": ["5701101000", "5701101999"]}, "valid_from": "2027-01-01",
           "valid_through": null, "value": {"expression": {"ad_valorem": "0.08"},
           "text": "8 %"}, "reference": "test figure: the CN 2026 duty carried on"}]})",
      "later_duties.json");
  const gsp_preference_engine engine_later(later);
  const auto engine = [&]() -> const gsp_preference_engine& { return engine_later; };
  const auto last = engine().evaluate(query("PK", "5701101000", "2027-12-31"));
  EXPECT_EQ(last.regime, preference_regime::gsp_plus);
  EXPECT_EQ(last.applied, preference_regime::gsp_plus);
  EXPECT_EQ(last.status, preference_status::conditional);  // origin not shown: not given yet
  const auto after = engine().decide(query("PK", "5701101000", "2028-01-01"));
  EXPECT_EQ(after.regime, preference_regime::none);
  EXPECT_EQ(after.status, preference_status::refused);
  EXPECT_EQ(after.reason, preference_reason::not_a_beneficiary);
  ASSERT_NE(after.payable(), nullptr);
  EXPECT_EQ(*after.payable()->ad_valorem, dec("0.08"));
  EXPECT_TRUE(has_code(after.findings, "gsp.not_beneficiary"));
  // Bangladesh, Annex IV: still EBA in 2028, duty free (Art. 18(1)).
  const auto bd = engine().evaluate(query("BD", "6110120000", "2028-01-01"));
  EXPECT_EQ(bd.regime, preference_regime::eba);
  EXPECT_EQ(bd.applied, preference_regime::eba);
  ASSERT_NE(bd.preferential, nullptr);
  EXPECT_TRUE(bd.preferential->is_free());
}

// Bangladesh (Annex IV): knitted jumpers of cashmere, CN 6110 12, third-country duty 12 %;
// EBA suspends all duties (Reg 978 Art. 18(1)). Bangladesh leaves the UN LDC list on 2026-11-24
// (country_groups, UNGA A/RES/76/8) but stays in Annex IV until a delegated act removes it after
// a three-year transition (Art. 17(2)).
TEST(GspArrangement, BangladeshStaysEbaAfterItsLdcGraduationWithAWarning) {
  const auto before = engine().decide(query("BD", "6110120000", "2026-11-23"));
  EXPECT_EQ(before.regime, preference_regime::eba);
  EXPECT_EQ(before.applied, preference_regime::eba);
  EXPECT_TRUE(before.preferential->is_free());
  EXPECT_FALSE(has_code(before.findings, "gsp.eba.ldc_graduated"));
  const auto after = engine().decide(query("BD", "6110120000", "2026-11-24"));
  EXPECT_EQ(after.regime, preference_regime::eba);
  EXPECT_TRUE(after.preferential->is_free());
  const auto* w = find_code(after.findings, "gsp.eba.ldc_graduated");
  ASSERT_NE(w, nullptr);
  EXPECT_THAT(w->reference, HasSubstr("Art. 17(2)"));
  EXPECT_TRUE(has_code(after.findings, "gsp.duty.eba_suspended"));
}

// Cambodia (Annex IV): ceramic tableware CN 6912 00 25 (9 %) is not in the withdrawal list
// printed under Annex IV (KH row), so EBA makes it duty free. Arms (Chapter 93) are outside EBA
// (Art. 18(1)) and outside Annexes V and IX.
TEST(GspArrangement, CambodiaEbaCoversCeramicsButNotArms) {
  const auto ceramics = engine().decide(query("KH", "6912002500", "2026-03-02"));
  EXPECT_EQ(ceramics.applied, preference_regime::eba);
  EXPECT_TRUE(ceramics.preferential->is_free());
  EXPECT_EQ(*ceramics.third_country->ad_valorem, dec("0.09"));
  const auto arms = engine().decide(query("KH", "9302", "2026-03-02"));
  EXPECT_EQ(arms.regime, preference_regime::eba);
  EXPECT_EQ(arms.applied, preference_regime::none);
  EXPECT_EQ(arms.status, preference_status::refused);
  EXPECT_EQ(arms.reason, preference_reason::product_not_covered);
  EXPECT_TRUE(has_code(arms.findings, "gsp.coverage.eba_chapter_excluded"));
}

// The figures of Arts. 7, 18 and 34 are data (dataset eu_gsp_duty_rules), not code: a copy of
// the data whose EBA rule also excludes Chapter 69 gives Cambodian ceramics the standard GSP
// of Annex II instead of EBA, and without the rules for the date the engine decides nothing
// (undetermined), never a guess.
TEST(GspArrangement, TheDutyRulesAreData) {
  std::ifstream in(std::string(FAIRPORT_SOURCE_DIR) + "/src/data/eu/eu_gsp_duty_rules.json");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = R"("eba_excluded_chapters": ["93"])";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), R"("eba_excluded_chapters": ["69", "93"])");
  const auto edited = fairport::reference_data::builtin().with_override_text(text, "rules.json");
  const auto ceramics =
      gsp_preference_engine(edited).decide(query("KH", "6912002500", "2026-03-02"));
  EXPECT_EQ(ceramics.applied, preference_regime::gsp);
  EXPECT_TRUE(has_code(ceramics.findings, "gsp.coverage.eba_chapter_excluded"));
  const auto before = engine().decide(query("KH", "6912002500", "2013-12-31"));
  EXPECT_EQ(before.status, preference_status::undetermined);
  EXPECT_TRUE(has_code(before.findings, "gsp.duty_rules.unknown"));
}

// Reg 978 Annexes II and IV (consolidated 2025-01-01), lists of temporarily withdrawn
// beneficiaries: for Cambodia, HS 4202 (handbags, travel goods) among others, under both EBA and
// the general arrangement (Delegated Regulation (EU) 2020/550, from 12 August 2020). Knitwear of
// 6110 is not on the list.
TEST(GspArrangement, CambodiaPartialWithdrawalRefusesHandbagsNotJumpers) {
  const auto bag = engine().decide(query("KH", "4202210000", "2026-03-02"));
  EXPECT_EQ(bag.regime, preference_regime::eba);
  EXPECT_EQ(bag.status, preference_status::refused);
  EXPECT_EQ(bag.reason, preference_reason::preference_withdrawn);
  EXPECT_EQ(bag.payable()->text, "3 %");
  const auto* w = find_code(bag.findings, "gsp.withdrawn");
  ASSERT_NE(w, nullptr);
  EXPECT_THAT(w->reference, HasSubstr("2020/550"));
  EXPECT_EQ(engine().evaluate(query("KH", "4202", "2026-03-02")).reason,
            preference_reason::preference_withdrawn);
  EXPECT_EQ(engine().evaluate(query("KH", "42", "2026-03-02")).reason,
            preference_reason::coverage_depends_on_subcode);
  const auto jumper = engine().evaluate(query("KH", "6110120000", "2026-03-02"));
  EXPECT_EQ(jumper.applied, preference_regime::eba);
  EXPECT_TRUE(jumper.preferential->is_free());
}

// Vanuatu: removed from Annex IV with effect from 1 January 2025 (Delegated Regulation (EU)
// 2021/2127), stays in Annex II. Knitwear CN 6110 12 is sensitive, GSP section S-11b: 12 %
// reduced by 20 % (Art. 7(2)) to 9,6 %.
TEST(GspArrangement, VanuatuMovesFromEbaToStandardGspOn1January2025) {
  const auto eba = engine().evaluate(query("VU", "6110120000", "2024-12-31"));
  EXPECT_EQ(eba.regime, preference_regime::eba);
  EXPECT_EQ(eba.applied, preference_regime::eba);
  const auto gsp = engine().evaluate(query("VU", "6110120000", "2025-01-01"));
  EXPECT_EQ(gsp.regime, preference_regime::gsp);
  EXPECT_EQ(gsp.applied, preference_regime::gsp);
  const auto later = engine().decide(query("VU", "6110120000", "2026-03-02"));
  EXPECT_EQ(later.applied, preference_regime::gsp);
  ASSERT_TRUE(later.preferential);
  EXPECT_EQ(*later.preferential->ad_valorem, dec("0.096"));
  EXPECT_EQ(later.preferential->text, "9,6 %");
}

// China: removed from Annex II one year after Delegated Regulation (EU) No 1421/2013 (footnote
// to Annex II), no GSP since 2015. Thailand likewise (Annex II footnote). The third-country duty
// is due, and the decision says why.
TEST(GspArrangement, CountriesThatLeftTheSchemePayTheThirdCountryDuty) {
  for (const char* c : {"CN", "TH"}) {
    SCOPED_TRACE(c);
    const auto d = engine().decide(query(c, "6214200000", "2026-03-02"));
    EXPECT_EQ(d.regime, preference_regime::none);
    EXPECT_EQ(d.status, preference_status::refused);
    EXPECT_EQ(d.reason, preference_reason::not_a_beneficiary);
    EXPECT_FALSE(d.preferential);
    ASSERT_NE(d.payable(), nullptr);
    EXPECT_EQ(d.payable()->text, "8 %");
    EXPECT_TRUE(has_code(d.findings, "gsp.duty.third_country_due"));
    EXPECT_FALSE(d.statement.required);
  }
}

// Kyrgyzstan's GSP+ grant took effect on 27 January 2016 (Delegated Regulation (EU) 2016/79);
// the data holds nothing earlier, so an earlier date is undetermined, not a refusal.
TEST(GspArrangement, ADateBeforeTheDataIsUndeterminedNotRefused) {
  const auto d = engine().decide(query("KG", "5602100000", "2016-01-26"));
  EXPECT_EQ(d.status, preference_status::undetermined);
  EXPECT_EQ(d.reason, preference_reason::beneficiary_status_unknown);
  EXPECT_EQ(engine().evaluate(query("KG", "5602100000", "2026-03-02")).regime,
            preference_regime::gsp_plus);
}

// Beneficiary history (Regulation (EU) No 978/2012, Annexes II to IV as amended): a country
// that left was a beneficiary before it left and is not after; a date the data does not reach
// is undetermined for the preference and for origin, never "not a beneficiary".
TEST(GspArrangement, BeneficiaryHistorySince2014) {
  const auto& ben = data().gsp_beneficiaries();
  // China, Ecuador, Maldives, Thailand: removed from Annex II from 1.1.2015 (Delegated
  // Regulation (EU) No 1421/2013).
  EXPECT_EQ(ben.status(cty("CN"), parse_date("2014-12-31")), beneficiary_status::listed);
  EXPECT_EQ(ben.status(cty("CN"), parse_date("2015-01-01")), beneficiary_status::not_listed);
  EXPECT_EQ(engine().evaluate(query("CN", "5602100000", "2014-06-02")).regime,
            preference_regime::gsp);
  // Armenia: GSP+ to 31.12.2021, out of Annexes II and III from 1.1.2022 (2021/114).
  EXPECT_EQ(engine().evaluate(query("AM", "6109100010", "2021-12-31")).regime,
            preference_regime::gsp_plus);
  const auto am = engine().decide(query("AM", "6109100010", "2022-01-01"));
  EXPECT_EQ(am.status, preference_status::refused);
  EXPECT_EQ(am.reason, preference_reason::not_a_beneficiary);
  // The Philippines' GSP+ from 25.12.2014 (1386/2014), not from the consolidated text's date.
  EXPECT_EQ(engine().evaluate(query("PH", "6109100010", "2014-12-25")).regime,
            preference_regime::gsp_plus);
  EXPECT_EQ(engine().evaluate(query("PH", "6109100010", "2020-06-30")).regime,
            preference_regime::gsp_plus);
  // Vanuatu: EBA to 31.12.2024, then the general arrangement (2021/2127, recital 2).
  EXPECT_EQ(engine().evaluate(query("VU", "4602110000", "2024-12-31")).regime,
            preference_regime::eba);
  EXPECT_EQ(engine().evaluate(query("VU", "4602110000", "2025-01-01")).regime,
            preference_regime::gsp);
  // Indonesia leaves Annex II from 1.1.2027 (2025/1951).
  EXPECT_EQ(ben.status(cty("ID"), parse_date("2027-01-01")), beneficiary_status::not_listed);
  // Before 2014 (Reg. (EC) No 732/2008, not in the data) nothing is known, even of a country that
  // was never listed since; after, a country never listed is not a beneficiary.
  EXPECT_EQ(ben.status(cty("US"), parse_date("2013-12-31")), beneficiary_status::unknown);
  EXPECT_EQ(ben.status(cty("US"), parse_date("2020-01-01")), beneficiary_status::not_listed);
  const auto old = engine().decide(query("CN", "5602100000", "2013-12-31"));
  EXPECT_EQ(old.status, preference_status::undetermined);
  EXPECT_EQ(old.reason, preference_reason::beneficiary_status_unknown);
}

// The origin engine asks the same table: a date before the data is undetermined with what is
// missing, not "GSP origin cannot be acquired" (Delegated Regulation (EU) 2015/2446, Art. 41).
TEST(GspArrangement, OriginBeforeTheBeneficiaryDataIsUndetermined) {
  origin_product p{tariff_code::parse("5602"), money(dec("100.00"), currency_code::parse("EUR")),
                   cty("KG"), false, {"felting"}, {}, parse_date("2015-06-01"), std::nullopt,
                   "", "", std::nullopt};
  const auto v = assess_origin(p, data());
  EXPECT_EQ(v.status, origin_status::undetermined);
  ASSERT_FALSE(v.missing.empty());
  EXPECT_THAT(v.missing.front(), HasSubstr("GSP beneficiary status of KG on 2015-06-01"));
  p.exporter = cty("CN");
  p.as_of = parse_date("2015-06-01");
  EXPECT_EQ(assess_origin(p, data()).status, origin_status::not_originating);
}

// Reg 978 applies to imports into the Union: Switzerland is not a member state, the United
// Kingdom was one until 31 January 2020 (country_groups).
TEST(GspArrangement, TheDestinationMustBeAnEuMemberStateOnTheDate) {
  const auto ch = engine().decide(query("KG", "5602100000", "2026-03-02", "CH"));
  EXPECT_EQ(ch.status, preference_status::refused);
  EXPECT_EQ(ch.reason, preference_reason::destination_not_eu);
  EXPECT_EQ(ch.regime, preference_regime::gsp_plus);
  EXPECT_TRUE(has_code(ch.findings, "gsp.destination.not_eu"));
  EXPECT_EQ(engine().evaluate(query("KG", "5602100000", "2026-03-02", "GB")).reason,
            preference_reason::destination_not_eu);
  EXPECT_EQ(engine().evaluate(query("KG", "5602100000", "2026-03-02", "FR")).reason,
            preference_reason::none);
}

// ---- coverage and graduation -----------------------------------------------------------------

// India, standard GSP. Commission Implementing Regulation (EU) 2025/1909 (Annex) suspends
// sections S-11a (textiles, Chapters 50-60) and S-13 (ceramics) for 2026-2028: carpets 5701 10 10
// pay the 8 % third-country duty. Section S-8b (Chapter 42) was suspended for 2023-2025
// (Implementing Regulation (EU) 2022/1039 as extended) and is re-established from 2026-01-01.
TEST(GspCoverage, IndiaGraduatedSectionsPayTheThirdCountryDuty) {
  const auto carpets = engine().decide(query("IN", "5701101000", "2026-03-02"));
  EXPECT_EQ(carpets.regime, preference_regime::gsp);
  EXPECT_EQ(carpets.status, preference_status::refused);
  EXPECT_EQ(carpets.reason, preference_reason::section_graduated);
  EXPECT_EQ(carpets.payable()->text, "8 %");
  const auto* g = find_code(carpets.findings, "gsp.graduated");
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(g->message, HasSubstr("S-11a"));
  EXPECT_THAT(g->reference, HasSubstr("2025/1909"));
  EXPECT_EQ(engine().evaluate(query("IN", "6912002500", "2026-03-02")).reason,
            preference_reason::section_graduated);

  const auto bag_2025 = engine().evaluate(query("IN", "4202210000", "2025-12-31"));
  EXPECT_EQ(bag_2025.reason, preference_reason::section_graduated);
  const auto bag_2026 = engine().evaluate(query("IN", "4202210000", "2026-01-01"));
  EXPECT_EQ(bag_2026.applied, preference_regime::gsp);
  EXPECT_EQ(bag_2026.status, preference_status::conditional);
  // Handbags 4202 21: sensitive (Annex V, S-8b); 3 % less 3,5 points is 1 % or less, so the
  // duty is suspended (Art. 7(2), Art. 34(1)).
  const auto bag = engine().decide(query("IN", "4202210000", "2026-03-02"));
  ASSERT_TRUE(bag.preferential);
  EXPECT_TRUE(bag.preferential->is_free());
  EXPECT_TRUE(has_code(bag.findings, "gsp.duty.suspended_small"));
}

// Annex V, section S-2b: walnuts 0802 31 00 are sensitive; S-2b is not graduated for India.
// 4 % less 3,5 points = 0,5 %, at most 1 %: suspended (Art. 34(1)). Honey 0409 is not in
// Annex V (S-1a lists 0403 to 0410 00 00 without 0409), so India pays 17,3 %, while Kyrgyzstan
// (GSP+, Annex IX lists 0409 00 00) pays nothing.
TEST(GspCoverage, WalnutsAreSensitiveAndHoneyIsOnlyInAnnexIX) {
  const auto walnuts = engine().decide(query("IN", "0802310000", "2026-03-02"));
  EXPECT_EQ(walnuts.coverage, gsp_product_coverage::sensitive);
  EXPECT_EQ(walnuts.section, "S-2b");
  EXPECT_TRUE(walnuts.preferential->is_free());
  const auto honey_in = engine().decide(query("IN", "0409000000", "2026-03-02"));
  EXPECT_EQ(honey_in.status, preference_status::refused);
  EXPECT_EQ(honey_in.reason, preference_reason::product_not_covered);
  EXPECT_EQ(honey_in.coverage, gsp_product_coverage::not_listed);
  EXPECT_EQ(honey_in.payable()->text, "17,3 %");
  const auto honey_kg = engine().decide(query("KG", "0409000000", "2026-03-02"));
  EXPECT_EQ(honey_kg.applied, preference_regime::gsp_plus);
  EXPECT_TRUE(honey_kg.preferential->is_free());
}

// Indonesia and Kenya, standard GSP; their graduated sections (S-1a, S-3, S-5, S-9a; S-2a) do
// not touch these products. Annex V: S-11a/S-11b sensitive, 20 % reduction (Art. 7(2)); 0813 10
// and 0802 11 90 sensitive (3,5 points); pistachios 0802 51, jewellery (ex Chapter 71), coffee
// 0901 11 and furniture (ex Chapter 94) non-sensitive (suspended, Art. 7(1)); imitation
// jewellery 7117 sensitive. Rounding down to the first decimal place: Art. 34(3).
// Check value from the Commission's TARIC (as reproduced by hscode.info, cited in
// shared research): tufted carpets 5703, 8 % erga omnes, 6,4 % GSP general arrangement.
TEST(GspCoverage, IndonesiaAndKenyaStandardGspRates) {
  struct row {
    const char* country;
    const char* cn;
    const char* rate;
    const char* text;
  };
  const std::vector<row> rows = {
      {"KE", "6214200000", "0.064", "6,4 %"},                 // 8 % x 0,8
      {"ID", "6110120000", "0.096", "9,6 %"},                 // 12 % x 0,8
      {"ID", "5602100000", "0.053", "5,3 %"},                 // 6,7 % x 0,8 = 5,36 -> 5,3
      {"ID", "5701109000", "0.064", "6,4 % MAX 2,8 EUR/m2"},  // maximum not reduced (Art. 7(6))
      {"ID", "0813100000", "0.021", "2,1 %"},                 // 5,6 % - 3,5
      {"ID", "0802119000", "0.021", "2,1 %"},                 // 5,6 % - 3,5
      {"ID", "0802510000", "0", "free"},                      // non-sensitive
      {"ID", "7113190000", "0", "free"},                      // non-sensitive
      {"ID", "7117190000", "0", "free"},                      // 4 % - 3,5 = 0,5: suspended
      {"ID", "0901110000", "0", "free"},                      // non-sensitive
      {"ID", "9403300000", "0", "free"},                      // non-sensitive
      {"KE", "0806200000", "0", "free"},                      // 2,4 % - 3,5: suspended
  };
  for (const auto& r : rows) {
    SCOPED_TRACE(std::string(r.country) + " " + r.cn);
    const auto d = engine().decide(query(r.country, r.cn, "2026-03-02"));
    EXPECT_EQ(d.applied, preference_regime::gsp);
    ASSERT_TRUE(d.preferential);
    EXPECT_EQ(*d.preferential->ad_valorem, dec(r.rate));
    EXPECT_EQ(d.preferential->text, r.text);
  }
  // Dried grapes are an 'ex' line of Annex V: the engine warns that the description matters.
  EXPECT_TRUE(has_code(engine().decide(query("KE", "0806200000", "2026-03-02")).findings,
                       "gsp.coverage.ex_code"));
}

TEST(GspCoverage, ACodeTooShortOrMissingFromTheDataIsUndetermined) {
  // 0802: almonds (sensitive or not listed), pistachios (non-sensitive) ... differ by sub-code.
  const auto nuts = engine().decide(query("ID", "0802", "2026-03-02"));
  EXPECT_EQ(nuts.status, preference_status::undetermined);
  EXPECT_EQ(nuts.reason, preference_reason::coverage_depends_on_subcode);
  // 8518 (loudspeakers) has no Annex V row in the coverage data.
  const auto apparel = engine().decide(query("ID", "8518", "2026-03-02"));
  EXPECT_EQ(apparel.status, preference_status::undetermined);
  EXPECT_EQ(apparel.reason, preference_reason::coverage_not_in_data);
  EXPECT_TRUE(has_code(apparel.findings, "gsp.coverage.unknown"));
}

// ---- conditions and papers -------------------------------------------------------------------

// Reg 978 Art. 33(1): the products must originate; Delegated Regulation (EU) 2015/2446 Art. 43
// and IA Art. 107(1)(e): the products must be those exported (transport condition).
TEST(GspConditions, OriginAndTransportAreStatedAndCanRefuse) {
  auto q = query("KG", "5602100000", "2026-03-02");
  const auto unchecked = engine().decide(q);
  EXPECT_EQ(unchecked.status, preference_status::conditional);
  EXPECT_EQ(unchecked.origin, condition_status::unchecked);
  EXPECT_EQ(unchecked.direct_transport, condition_status::unchecked);
  EXPECT_TRUE(has_code(unchecked.findings, "gsp.origin.unchecked"));
  EXPECT_TRUE(has_code(unchecked.findings, "gsp.transport.unchecked"));

  q.originating = false;
  const auto no_origin = engine().decide(q);
  EXPECT_EQ(no_origin.status, preference_status::refused);
  EXPECT_EQ(no_origin.reason, preference_reason::origin_not_shown);
  EXPECT_EQ(no_origin.payable()->text, "6,7 %");

  q.originating = true;
  q.direct_transport = false;
  const auto no_transport = engine().decide(q);
  EXPECT_EQ(no_transport.reason, preference_reason::not_directly_transported);
  EXPECT_EQ(no_transport.origin, condition_status::met);

  q.direct_transport = true;
  q.originating_value_eur = money(dec("1200.00"), currency_code::parse("EUR"));
  const auto all = engine().decide(q);
  EXPECT_EQ(all.status, preference_status::granted);
  EXPECT_TRUE(has_code(all.findings, "gsp.origin.met"));
  EXPECT_TRUE(has_code(all.findings, "gsp.transport.met"));
}

// IA Art. 78(1)(b) and (2) (dataset eu_origin_thresholds): any exporter may make out a
// statement for originating products totalling no more than EUR 6 000; above it the exporter
// must be registered (REX), else the preference is refused (IA Art. 107(1)(c)).
TEST(GspPapers, TheRexThresholdIsExactlyEur6000) {
  auto q = query("KG", "5602100000", "2026-03-02");
  q.originating = true;
  q.direct_transport = true;
  const auto eur = currency_code::parse("EUR");
  q.originating_value_eur = money(dec("6000.00"), eur);
  const auto at = engine().decide(q);
  EXPECT_EQ(at.status, preference_status::granted);
  EXPECT_EQ(at.statement.rex_required, false);
  EXPECT_TRUE(has_code(at.findings, "gsp.proof.any_exporter"));

  q.originating_value_eur = money(dec("6000.01"), eur);
  const auto above = engine().decide(q);
  EXPECT_EQ(above.statement.rex_required, true);
  EXPECT_EQ(above.status, preference_status::refused);
  EXPECT_EQ(above.reason, preference_reason::exporter_not_registered);
  EXPECT_TRUE(has_code(above.findings, "gsp.proof.rex_missing"));
  EXPECT_THAT(find_code(above.findings, "gsp.duty.if_conditions_met")->message,
              HasSubstr("gsp_plus would give free"));

  q.exporter_registered_rex = true;
  const auto registered = engine().decide(q);
  EXPECT_EQ(registered.status, preference_status::granted);
  EXPECT_TRUE(has_code(registered.findings, "gsp.proof.rex_required"));

  q.originating_value_eur = money(dec("6000.01"), currency_code::parse("USD"));
  try {
    (void)engine().evaluate(q);
    ADD_FAILURE() << "a value in USD must be rejected";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::currency_mismatch);
  }
}

// IA Art. 99(2): a statement on origin is valid for 12 months from the date it is made out;
// Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c): the period ends on the same date, or on the
// month's last day if that date does not exist. Annex 22-07 of Delegated Regulation (EU) 2015/2446 gives the English text.
TEST(GspPapers, TheStatementOnOriginIsFilledInAndDated) {
  auto q = query("KG", "5602100000", "2026-03-02");
  q.exporter_name = "Ak-Jibek Felt Cooperative, Bishkek";
  q.rex_number = "KGREX000000000000";  // a placeholder, not a real registration
  q.origin_criterion = "W 56.02";
  q.statement_date = parse_date("2026-02-15");
  const auto d = engine().decide(q);
  EXPECT_TRUE(d.statement.required);
  ASSERT_TRUE(d.statement.valid_until);
  EXPECT_EQ(format_date(*d.statement.made_out), "2026-02-15");
  EXPECT_EQ(format_date(*d.statement.valid_until), "2027-02-15");
  EXPECT_EQ(d.statement.text,
            "The exporter Ak-Jibek Felt Cooperative, Bishkek (Number of Registered Exporter "
            "KGREX000000000000) of the products covered by this document declares that, except "
            "where otherwise clearly indicated, these products are of Kyrgyzstan preferential "
            "origin according to rules of origin of the Generalised System of Preferences of the "
            "European Union and that the origin criterion met is W 56.02.");
  EXPECT_EQ(format_date(statement_valid_until(parse_date("2024-02-29"))), "2025-02-28");
  EXPECT_EQ(statement_on_origin_text("", "", "Bangladesh", "P"),
            "The exporter \u2026 of the products covered by this document declares that, except "
            "where otherwise clearly indicated, these products are of Bangladesh preferential "
            "origin according to rules of origin of the Generalised System of Preferences of the "
            "European Union and that the origin criterion met is P.");
  const auto* v = find_code(d.findings, "gsp.proof.validity");
  ASSERT_NE(v, nullptr);
  EXPECT_THAT(v->reference, HasSubstr("Art. 99(2)"));
}

// ---- the duty arithmetic (Reg 978 Arts. 7, 12, 18, 34) ----------------------------------------

TEST(GspDuty, SensitiveAdValoremIsReducedByThreeAndAHalfPoints) {
  findings f;
  const auto d = gsp_preferential_duty(ad_valorem("0.12", "12 %"), preference_regime::gsp,
                                       gsp_product_coverage::sensitive, false, rules(), f);
  EXPECT_EQ(*d.ad_valorem, dec("0.085"));  // Art. 7(2)
  EXPECT_EQ(d.text, "8,5 %");
  EXPECT_TRUE(has_code(f, "gsp.duty.grandfathered"));  // Art. 7(3) is said, not applied
}

TEST(GspDuty, TextileSectionsAreReducedByTwentyPercent) {
  findings f;
  const auto d = gsp_preferential_duty(ad_valorem("0.12", "12 %"), preference_regime::gsp,
                                       gsp_product_coverage::sensitive, true, rules(), f);
  EXPECT_EQ(*d.ad_valorem, dec("0.096"));  // Art. 7(2), second sentence
  EXPECT_THAT(find_code(f, "gsp.duty.sensitive.textile")->reference,
              HasSubstr("Art. 7(2), second sentence"));
}

TEST(GspDuty, SpecificDutiesAreReducedByThirtyPercentAndRoundedDown) {
  duty_expression tc;
  tc.specific = eur("24.2", "100kg");
  tc.text = "24,2 EUR/100 kg";
  findings f;
  const auto d = gsp_preferential_duty(tc, preference_regime::gsp, gsp_product_coverage::sensitive,
                                       false, rules(), f);
  // 24,2 x 0,7 = 16,94, rounded down to the first decimal place: 16,9 (Arts. 7(4), 34(3)).
  ASSERT_TRUE(d.specific);
  EXPECT_EQ(d.specific->amount, dec("16.9"));
  EXPECT_FALSE(d.ad_valorem);
  EXPECT_EQ(d.text, "16,9 EUR/100kg");
  // 2,5 x 0,7 = 1,75: EUR 2 or less, suspended (Art. 34(2)).
  tc.specific = eur("2.5", "100kg");
  findings g;
  EXPECT_TRUE(gsp_preferential_duty(tc, preference_regime::gsp, gsp_product_coverage::sensitive,
                                    false, rules(), g)
                  .is_free());
}

TEST(GspDuty, CompoundKeepsTheSpecificPartMinimumLapsesMaximumStays) {
  duty_expression compound = ad_valorem("0.08", "8 % + 2,5 EUR/100 kg");
  compound.specific = eur("2.5", "100kg");
  findings f;
  const auto c = gsp_preferential_duty(compound, preference_regime::gsp,
                                       gsp_product_coverage::sensitive, false, rules(), f);
  EXPECT_EQ(*c.ad_valorem, dec("0.045"));     // Art. 7(2)
  EXPECT_EQ(c.specific->amount, dec("2.5"));  // Art. 7(5): not reduced
  EXPECT_EQ(c.text, "4,5 % + 2,5 EUR/100kg");

  duty_expression with_min = ad_valorem("0.08", "8 % MIN 3 EUR/100 kg");
  with_min.minimum = eur("3", "100kg");
  findings g;
  const auto m = gsp_preferential_duty(with_min, preference_regime::gsp,
                                       gsp_product_coverage::sensitive, false, rules(), g);
  EXPECT_FALSE(m.minimum);  // Art. 7(6): the minimum does not apply
  EXPECT_EQ(*m.ad_valorem, dec("0.045"));
  EXPECT_TRUE(has_code(g, "gsp.duty.minimum_not_applied"));

  duty_expression with_max = ad_valorem("0.08", "8 % MAX 2,8 EUR/m2");
  with_max.maximum = eur("2.8", "m2");
  findings h;
  const auto x = gsp_preferential_duty(with_max, preference_regime::gsp,
                                       gsp_product_coverage::sensitive, true, rules(), h);
  ASSERT_TRUE(x.maximum);
  EXPECT_EQ(x.maximum->specific->amount, dec("2.8"));  // Art. 7(6): the maximum is not reduced
  EXPECT_EQ(x.text, "6,4 % MAX 2,8 EUR/m2");
}

TEST(GspDuty, GspPlusAndEbaAndUnmodelledDuties) {
  duty_expression compound = ad_valorem("0.09", "9 % + 24,2 EUR/100 kg");
  compound.specific = eur("24.2", "100kg");
  findings f;
  const auto p = gsp_preferential_duty(compound, preference_regime::gsp_plus,
                                       gsp_product_coverage::listed, false, rules(), f);
  EXPECT_EQ(p.text, "24,2 EUR/100kg");  // Art. 12(2): specific kept when there is ad valorem
  duty_expression specific_only;
  specific_only.specific = eur("5", "100kg");
  specific_only.text = "5 EUR/100 kg";
  findings g;
  EXPECT_TRUE(gsp_preferential_duty(specific_only, preference_regime::gsp_plus,
                                    gsp_product_coverage::listed, false, rules(), g)
                  .is_free());  // Art. 12(2): suspended entirely

  duty_expression unknown;
  unknown.modelled = false;
  unknown.text = "12,8 % + EA MAX 18,7 % + ADSZ";
  findings h;
  const auto u = gsp_preferential_duty(unknown, preference_regime::gsp,
                                       gsp_product_coverage::sensitive, false, rules(), h);
  EXPECT_FALSE(u.modelled);  // reported, not guessed
  EXPECT_TRUE(has_code(h, "gsp.duty.not_computable"));
  findings k;
  EXPECT_TRUE(gsp_preferential_duty(unknown, preference_regime::eba, gsp_product_coverage::listed,
                                    false, rules(), k)
                  .is_free());  // Art. 18(1): all duties suspended

  duty_expression with_min = ad_valorem("0.08", "8 % MIN 3 EUR/100 kg");
  with_min.minimum = eur("3", "100kg");
  findings m;
  EXPECT_FALSE(gsp_preferential_duty(with_min, preference_regime::gsp_plus,
                                     gsp_product_coverage::listed, false, rules(), m)
                   .modelled);
}

// ---- the fast path agrees with the explained one ---------------------------------------------

TEST(GspEngine, EvaluateAndDecideAgreeAndTheFreeFunctionMatches) {
  const std::vector<preference_query> qs = {
      query("KG", "5602100000", "2026-03-02"), query("IN", "5701101000", "2026-03-02"),
      query("BD", "6110120000", "2026-11-24"), query("CN", "6214200000", "2026-03-02"),
      query("ID", "0802", "2026-03-02"),       query("KE", "6214200000", "2026-03-02")};
  for (const auto& q : qs) {
    SCOPED_TRACE(q.exporter.to_string() + " " + q.cn.to_string());
    const auto o = engine().evaluate(q);
    const auto d = engine().decide(q);
    const auto e = decide_preference(q, data());
    EXPECT_EQ(o.status, d.status);
    EXPECT_EQ(o.reason, d.reason);
    EXPECT_EQ(o.regime, d.regime);
    EXPECT_EQ(o.applied, d.applied);
    EXPECT_EQ(d.findings, e.findings);
    EXPECT_TRUE(has_code(d.findings, "gsp.verdict." + std::string(to_string(d.status))));
  }
  EXPECT_EQ(to_string(preference_regime::gsp_plus), "gsp_plus");
  EXPECT_EQ(to_string(preference_regime::none), "none");
}

// evaluate() is the allocation-free path: no findings, no strings, pointers into the engine.
TEST(GspEngine, EvaluateDoesNotAllocate) {
  std::vector<preference_query> qs = {
      query("KG", "5602100000", "2026-03-02"), query("IN", "5701101000", "2026-03-02"),
      query("BD", "6110120000", "2026-11-24"), query("CN", "6214200000", "2026-03-02"),
      query("ID", "0802", "2026-03-02"),       query("KH", "9302", "2026-03-02")};
  qs[0].originating = true;
  qs[0].direct_transport = true;
  qs[0].originating_value_eur = money(dec("6000.01"), currency_code::parse("EUR"));
  qs[2].originating = true;
  qs[2].direct_transport = true;
  qs[2].originating_value_eur = money(dec("1000"), currency_code::parse("EUR"));
  const auto& e = engine();
  int eligible = 0;
  counting = true;
  for (int round = 0; round < 100; ++round) {
    for (const auto& q : qs) eligible += e.evaluate(q).eligible() ? 1 : 0;
  }
  counting = false;
  EXPECT_EQ(allocations.load(), 0);
  EXPECT_EQ(eligible, 100);  // only Bangladesh: KG is refused (REX), the rest refused/undetermined
}

// The coverage dataset is loaded strictly: Annex IX wording under the general arrangement is an
// error naming the file (fixture in tests/data/invalid_datasets).
TEST(GspCoverageData, LoaderRejectsCoverageThatDoesNotFitTheArrangement) {
  const std::string text = R"({
 "schema": "fairport.gsp_product_coverage/1", "dataset": "eu_gsp_product_coverage",
 "version": "2026.1.0",
 "source": {"title": "t", "publisher": "p", "url": "https://example.invalid",
            "retrieved": "2026-11-25"},
 "licence": "test", "note": "",
 "records": [{"key": {"cn_range": ["5700000000", "5799999999"], "arrangement": "gsp"},
   "valid_from": "2025-01-01", "valid_through": null,
   "value": {"coverage": "listed", "section": "S-11a"}, "reference": "fixture"}]})";
  try {
    (void)data().with_override_text(text, "bad_coverage.json");
    ADD_FAILURE() << "must be rejected";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_value);
    EXPECT_THAT(std::string(e.what()), HasSubstr("bad_coverage.json"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("/records/0/value/coverage"));
  }
  // The built-in table: 7117 is sensitive inside non-sensitive Chapter 71 (Annex V, S-14).
  const auto r = data().gsp_coverage().find(gsp_arrangement::gsp, tariff_code::parse("71171900"),
                                            parse_date("2026-03-02"));
  ASSERT_NE(r.record, nullptr);
  EXPECT_EQ(r.record->coverage, gsp_product_coverage::sensitive);
  EXPECT_EQ(data()
                .gsp_coverage()
                .find(gsp_arrangement::gsp, tariff_code::parse("711319"), parse_date("2026-03-02"))
                .record->coverage,
            gsp_product_coverage::non_sensitive);
}

}  // namespace

// Fail closed (Reg. (EU) No 978/2012, Art. 33(1): the arrangements apply to products originating
// in the beneficiary country; Implementing Reg. (EU) 2015/2447, Art. 92: the proof). A product
// and country that qualify, with the origin not shown, are `conditional`: not eligible, the
// third-country duty is payable, and the preferential duty is only what would apply once shown.
TEST(GspConditions, ConditionalIsNotEligibleAndPaysTheThirdCountryDuty) {
  const auto d = engine().decide(query("PK", "4202210000", "2026-03-16"));
  EXPECT_EQ(d.status, preference_status::conditional);
  EXPECT_FALSE(d.eligible());
  ASSERT_TRUE(d.third_country && d.preferential);
  ASSERT_NE(d.payable(), nullptr);
  EXPECT_EQ(d.payable()->text, d.third_country->text);
  EXPECT_TRUE(d.preferential->is_free());
  EXPECT_TRUE(has_code(d.findings, "gsp.duty.conditions_not_shown"));
  EXPECT_TRUE(has_code(d.findings, "gsp.verdict.conditional"));

  // Every condition shown: granted, and the preferential duty is the one payable.
  auto q = query("PK", "4202210000", "2026-03-16");
  q.originating = true;
  q.direct_transport = true;
  q.originating_value_eur = money(dec("1000"), currency_code::parse("EUR"));
  const auto g = engine().decide(q);
  EXPECT_EQ(g.status, preference_status::granted);
  EXPECT_TRUE(g.eligible());
  ASSERT_NE(g.payable(), nullptr);
  EXPECT_TRUE(g.payable()->is_free());

  // Above the EUR 6,000 threshold (Art. 92(1) IA) with no registered exporter: refused.
  q.originating_value_eur = money(dec("6000.01"), currency_code::parse("EUR"));
  const auto r = engine().decide(q);
  EXPECT_EQ(r.status, preference_status::refused);
  EXPECT_EQ(r.reason, preference_reason::exporter_not_registered);
  EXPECT_FALSE(r.eligible());
}

// Reg. (EU) No 978/2012, Art. 8 (the sections of dataset eu_gsp_graduations): a graduated section loses the general arrangement whatever
// Annex V says of the product, so a coverage record missing from fairport's data cannot hide
// it. Indonesian wooden boxes (4420, Section S-9a, graduated 2026-2028) are refused as
// graduated, not left undetermined for want of the Annex V row.
TEST(GspGraduation, GraduationIsCheckedBeforeCoverage) {
  const auto d = engine().decide(query("ID", "4420900000", "2026-03-16"));
  EXPECT_EQ(d.status, preference_status::refused);
  EXPECT_EQ(d.reason, preference_reason::section_graduated);
  EXPECT_TRUE(has_code(d.findings, "gsp.graduated"));
}
