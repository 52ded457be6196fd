// Tests for fairport::reference_data: the built-in datasets, loading a directory, overriding one
// dataset, and the loader's errors (every one with its stable code, file and JSON Pointer).
// Figures are checked against the source each dataset cites; the source is named at each check.
#include "fairport/data/reference_data.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../../src/core/sha256.hpp"
#include "fairport/data/countries.hpp"
#include "fairport/data/customs.hpp"
#include "fairport/data/exchange_rates.hpp"
#include "fairport/data/fair_prices.hpp"
#include "fairport/data/gsp.hpp"
#include "fairport/data/gsp_coverage.hpp"
#include "fairport/data/origin_general_rules.hpp"
#include "fairport/data/origin_rules.hpp"
#include "fairport/data/tariffs.hpp"
#include "fairport/data/vat_rates.hpp"

namespace {

namespace fs = std::filesystem;
using fairport::country_code;
using fairport::currency_code;
using fairport::errc;
using fairport::parse_date;
using fairport::reference_data;
using testing::HasSubstr;

const reference_data& data() { return reference_data::builtin(); }
currency_code ccy(std::string_view s) { return currency_code::parse(s); }
country_code cty(std::string_view s) { return country_code::parse(s); }

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_text(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

/// A private copy of src/data in a fresh temporary directory, removed at the end of the test.
class data_copy {
 public:
  data_copy() {
    static int n = 0;
    dir_ = fs::temp_directory_path() /
           ("fairport_data_test_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
    fs::remove_all(dir_);
    fs::copy(fs::path(FAIRPORT_SOURCE_DIR) / "src" / "data", dir_, fs::copy_options::recursive);
  }
  ~data_copy() { fs::remove_all(dir_); }
  data_copy(const data_copy&) = delete;
  data_copy& operator=(const data_copy&) = delete;

  const fs::path& dir() const { return dir_; }

  /// Replaces `from` by `to` once in `file` (the text must be there), leaving the manifest alone.
  void edit(const std::string& file, const std::string& from, const std::string& to) {
    std::string text = read_text(dir_ / file);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from << " not in " << file;
    text.replace(at, from.size(), to);
    write_text(dir_ / file, text);
  }

  /// As edit(), then puts the new checksum into the manifest, so that the load gets past 308.
  void edit_and_resign(const std::string& file, const std::string& from, const std::string& to) {
    const std::string old_sha = fairport::detail::sha256_hex(read_text(dir_ / file));
    edit(file, from, to);
    const std::string new_sha = fairport::detail::sha256_hex(read_text(dir_ / file));
    edit("manifest.json", old_sha, new_sha);
  }

 private:
  fs::path dir_;
};

/// Runs `f`, which must throw fairport::error with `code`; returns the error for more checks.
template <class F>
fairport::error expect_error(F&& f, errc code) {
  try {
    f();
  } catch (const fairport::error& e) {
    EXPECT_EQ(e.code(), code) << e.what();
    return e;
  }
  ADD_FAILURE() << "no error thrown, expected " << fairport::code_tag(code);
  return fairport::error(errc::invalid_argument, "not thrown", {});
}

// ---------------------------------------------------------------------------------------------
// The built-in set

TEST(ReferenceData, BuiltinLoadsEveryManifestDataset) {
  const auto& infos = data().datasets();
  std::vector<std::string> ids;
  for (const auto& i : infos) ids.push_back(i.id);
  EXPECT_THAT(ids, testing::IsSupersetOf({"iso4217_currencies", "iso3166_countries",
                                          "country_groups"}));
  for (const auto& i : infos) {
    SCOPED_TRACE(i.id);
    EXPECT_THAT(i.version, testing::MatchesRegex("20[0-9][0-9]\\.[0-9]+\\.[0-9]+"));
    EXPECT_EQ(i.sha256.size(), 64U);
    EXPECT_GT(i.records, 0U);
    EXPECT_FALSE(i.title.empty());
    EXPECT_FALSE(i.licence.empty());
    EXPECT_FALSE(i.coverage_from.empty());
  }
  EXPECT_EQ(data().origin(), "builtin");
  EXPECT_EQ(data().dataset("iso3166_countries").records, 249U);
  expect_error([] { (void)data().dataset("no_such_dataset"); }, errc::missing_file);
}

TEST(ReferenceData, BuiltinIsOneSharedInstanceAcrossThreads) {
  std::vector<const reference_data*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = &reference_data::builtin(); });
  }
  for (auto& t : threads) t.join();
  for (const auto* p : seen) EXPECT_EQ(p, &data());
}

// ISO 4217 list one (SIX Group): minor units of a 0-, 2- and 3-decimal currency, numeric codes.
TEST(ReferenceData, CurrenciesMatchIso4217ListOne) {
  const auto& c = data().currencies();
  const auto d = parse_date("2026-11-24");
  EXPECT_EQ(c.minor_units(ccy("KGS"), d), 2);
  EXPECT_EQ(c.minor_units(ccy("JPY"), d), 0);
  EXPECT_EQ(c.minor_units(ccy("KWD"), d), 3);
  EXPECT_EQ(c.minor_units(ccy("CLF"), d), 4);
  EXPECT_EQ(c.find(ccy("TJS"), d)->numeric, "972");
  EXPECT_EQ(c.find(ccy("UZS"), d)->numeric, "860");
  EXPECT_EQ(c.find(ccy("EUR"), d)->numeric, "978");
  // Precious metals have no minor units in ISO 4217 and are left out.
  EXPECT_FALSE(c.contains(ccy("XAU")));
  // Croatia adopted the euro on 2023-01-01 (Council Regulation (EU) 2022/1208).
  EXPECT_NE(c.find(ccy("HRK"), parse_date("2022-12-31")), nullptr);
  EXPECT_EQ(c.find(ccy("HRK"), parse_date("2023-01-01")), nullptr);
}

// ISO 3166-1: alpha-3 and numeric codes of the countries fairport's users trade from and to.
TEST(ReferenceData, CountriesMatchIso3166) {
  const auto& c = data().countries();
  EXPECT_EQ(c.at(cty("KG")).alpha3, "KGZ");
  EXPECT_EQ(c.at(cty("KG")).numeric, "417");
  EXPECT_EQ(c.at(cty("TJ")).numeric, "762");
  EXPECT_EQ(c.at(cty("UZ")).alpha3, "UZB");
  EXPECT_EQ(c.at(cty("PK")).numeric, "586");
  EXPECT_EQ(c.at(cty("DE")).name, "Germany");
  expect_error([&] { (void)c.at(cty("XK")); }, errc::invalid_country_code);
}

// EU membership: Act of Accession 2012 (Croatia, 2013-07-01); Withdrawal Agreement Art. 185
// (United Kingdom, end of 2020-01-31).
TEST(ReferenceData, EuMembershipFollowsAccessionAndWithdrawal) {
  const auto& c = data().countries();
  EXPECT_FALSE(c.is_member("eu", cty("HR"), parse_date("2013-06-30")));
  EXPECT_TRUE(c.is_member("eu", cty("HR"), parse_date("2013-07-01")));
  EXPECT_TRUE(c.is_member("eu", cty("GB"), parse_date("2020-01-31")));
  EXPECT_FALSE(c.is_member("eu", cty("GB"), parse_date("2020-02-01")));
  EXPECT_EQ(c.members("eu", parse_date("2026-11-24")).size(), 27U);
  EXPECT_EQ(c.members("eu", parse_date("2020-01-31")).size(), 28U);
  const auto* m = c.membership("eu", cty("EE"), parse_date("2025-01-01"));
  ASSERT_NE(m, nullptr);
  EXPECT_THAT(m->source.reference, HasSubstr("Act of Accession 2003"));
  EXPECT_EQ(m->source.valid_from, "2004-05-01");
}

// UN CDP list of LDCs: 44 countries after Sao Tome and Principe graduated (13 December 2024);
// Bhutan graduated 13 December 2023; Bangladesh, Lao PDR and Nepal on 24 November 2026
// (A/RES/76/8).
TEST(ReferenceData, LdcListFollowsGraduations) {
  const auto& c = data().countries();
  EXPECT_EQ(c.members("un_ldc", parse_date("2025-06-01")).size(), 44U);
  EXPECT_EQ(c.members("un_ldc", parse_date("2024-06-01")).size(), 45U);
  EXPECT_TRUE(c.is_member("un_ldc", cty("BT"), parse_date("2023-12-12")));
  EXPECT_FALSE(c.is_member("un_ldc", cty("BT"), parse_date("2023-12-13")));
  EXPECT_TRUE(c.is_member("un_ldc", cty("BD"), parse_date("2026-11-23")));
  EXPECT_FALSE(c.is_member("un_ldc", cty("BD"), parse_date("2026-11-24")));
  EXPECT_FALSE(c.is_member("un_ldc", cty("KG"), parse_date("2025-06-01")));
  EXPECT_TRUE(c.is_member("un_ldc", cty("TL"), parse_date("2026-11-24")));
}


// Regulation (EU) No 978/2012, Annexes II-IV as consolidated on 2025-01-01; Kyrgyzstan in Annex III
// from 27 January 2016 (Delegated Regulation (EU) 2016/79); Uzbekistan from 10 April 2021
// (Delegated Regulation (EU) 2021/576); Vanuatu out of Annex IV from 2025-01-01 (Delegated
// Regulation (EU) 2021/2127); general arrangement and GSP+ expire on 2027-12-31 (Art. 43 as
// amended by Regulation (EU) 2023/2663), EBA does not.
TEST(ReferenceData, GspBeneficiariesByArrangementAndDate) {
  using fairport::gsp_arrangement;
  const auto& g = data().gsp_beneficiaries();
  const auto day = parse_date("2026-03-16");
  EXPECT_EQ(g.find(cty("KG"), gsp_arrangement::gsp_plus, parse_date("2016-01-26")), nullptr);
  ASSERT_NE(g.find(cty("KG"), gsp_arrangement::gsp_plus, parse_date("2016-01-27")), nullptr);
  EXPECT_THAT(g.find(cty("KG"), gsp_arrangement::gsp_plus, day)->source.reference,
              HasSubstr("2016/79"));
  EXPECT_EQ(g.find(cty("UZ"), gsp_arrangement::gsp_plus, parse_date("2021-04-09")), nullptr);
  EXPECT_NE(g.find(cty("UZ"), gsp_arrangement::gsp_plus, parse_date("2021-04-10")), nullptr);
  // Tajikistan: standard GSP only; Pakistan: GSP+; Bangladesh: EBA.
  const auto tj = g.arrangements(cty("TJ"), day);
  ASSERT_EQ(tj.size(), 1U);
  EXPECT_EQ(tj[0]->arrangement, gsp_arrangement::gsp);
  EXPECT_NE(g.find(cty("PK"), gsp_arrangement::gsp_plus, day), nullptr);
  EXPECT_EQ(g.find(cty("PK"), gsp_arrangement::eba, day), nullptr);
  EXPECT_EQ(g.find(cty("BD"), gsp_arrangement::eba, day)->annex, "IV");
  EXPECT_NE(g.find(cty("VU"), gsp_arrangement::eba, parse_date("2024-12-31")), nullptr);
  EXPECT_EQ(g.find(cty("VU"), gsp_arrangement::eba, parse_date("2025-01-01")), nullptr);
  EXPECT_NE(g.find(cty("VU"), gsp_arrangement::gsp, parse_date("2025-01-01")), nullptr);
  EXPECT_TRUE(g.arrangements(cty("CN"), day).empty());
  EXPECT_TRUE(g.arrangements(cty("KG"), parse_date("2028-01-01")).empty());
  EXPECT_NE(g.find(cty("BD"), gsp_arrangement::eba, parse_date("2028-01-01")), nullptr);
  // Annex III as consolidated on 2025-01-01 has eight countries.
  std::size_t plus = 0;
  for (const auto& kv : g.series()) {
    if (kv.first.second == gsp_arrangement::gsp_plus && kv.second.try_at(day) != nullptr) ++plus;
  }
  EXPECT_EQ(plus, 8U);
}

// Implementing Regulation (EU) 2022/1039 as amended by 2023/2780 (2023-2025): India section S-8b
// (chapters 42-43) graduated; Implementing Regulation (EU) 2025/1909 (2026-2028) does not list
// S-8b for India but lists S-14 (chapter 71) and Kenya S-2a (chapter 06).
TEST(ReferenceData, GspGraduationsByPeriod) {
  const auto& g = data().gsp_graduations();
  const auto* in42 = g.find(cty("IN"), 42, parse_date("2024-06-01"));
  ASSERT_NE(in42, nullptr);
  EXPECT_EQ(in42->section, "S-8b");
  EXPECT_EQ(g.find(cty("IN"), 42, parse_date("2026-06-01")), nullptr);
  ASSERT_NE(g.find(cty("IN"), 71, parse_date("2026-06-01")), nullptr);
  EXPECT_THAT(g.find(cty("IN"), 71, parse_date("2026-06-01"))->source.reference,
              HasSubstr("2025/1909"));
  EXPECT_NE(g.find(cty("KE"), 6, parse_date("2027-01-01")), nullptr);
  EXPECT_EQ(g.find(cty("KG"), 57, parse_date("2026-06-01")), nullptr);
  EXPECT_EQ(g.find(cty("IN"), 71, parse_date("2029-01-01")), nullptr);
}

// Implementing Regulation (EU) 2015/2447, Art. 78(1)(b): statement on origin by any exporter up
// to EUR 6 000 of originating products per consignment; Art. 103: EUR 500 and EUR 1 200.
TEST(ReferenceData, OriginThresholds) {
  const auto& t = data().thresholds();
  const auto& rex = t.at("gsp_rex_statement_on_origin", parse_date("2026-03-16"));
  EXPECT_EQ(rex.amount, fairport::decimal::parse("6000"));
  EXPECT_EQ(rex.currency.to_string(), "EUR");
  EXPECT_THAT(rex.source.reference, HasSubstr("Art. 78"));
  EXPECT_EQ(t.at("gsp_proof_exemption_small_package", parse_date("2026-03-16")).amount,
            fairport::decimal::parse("500"));
  expect_error([&] { (void)t.at("gsp_rex_statement_on_origin", parse_date("2016-12-31")); },
               errc::no_valid_record);
}


// VAT: Estonia 20 % -> 22 % on 2024-01-01 -> 24 % on 2025-07-01; Finland 24 % -> 25.5 % on
// 2024-09-01; Germany 16 % from 2020-07-01 to 2020-12-31 (Zweites Corona-Steuerhilfegesetz,
// UStG section 28); Romania 19 % -> 21 % on 2025-08-01; food in Germany 7 % (UStG section 12(2),
// Anlage 2) and in the Netherlands 9 % (Wet OB 1968, tabel I).
TEST(ReferenceData, VatRatesByDate) {
  const auto& v = data().vat_rates();
  const auto rate = [&](const char* c, const char* cat, const char* day) {
    return v.at(cty(c), cat, parse_date(day)).rate.normalized().to_string();
  };
  EXPECT_EQ(rate("EE", "standard", "2023-12-31"), "0.2");
  EXPECT_EQ(rate("EE", "standard", "2024-01-01"), "0.22");
  EXPECT_EQ(rate("EE", "standard", "2025-06-30"), "0.22");
  EXPECT_EQ(rate("EE", "standard", "2025-07-01"), "0.24");
  EXPECT_EQ(rate("FI", "standard", "2024-08-31"), "0.24");
  EXPECT_EQ(rate("FI", "standard", "2024-09-01"), "0.255");
  EXPECT_EQ(rate("DE", "standard", "2020-06-30"), "0.19");
  EXPECT_EQ(rate("DE", "standard", "2020-07-01"), "0.16");
  EXPECT_EQ(rate("DE", "standard", "2021-01-01"), "0.19");
  EXPECT_EQ(rate("RO", "standard", "2025-08-01"), "0.21");
  EXPECT_EQ(rate("IT", "standard", "2026-03-16"), "0.22");
  EXPECT_EQ(rate("FR", "standard", "2026-03-16"), "0.2");
  EXPECT_EQ(rate("DE", "foodstuffs", "2026-03-16"), "0.07");
  EXPECT_EQ(rate("NL", "foodstuffs", "2026-03-16"), "0.09");
  const auto& de = v.standard(cty("DE"), parse_date("2026-03-16"));
  EXPECT_EQ(de.source.dataset, "eu_vat_rates");
  EXPECT_FALSE(de.source.reference.empty());
  // Each of the 27 member states has a standard rate on every day of the coverage (the United
  // Kingdom, a member until 2020-01-31, is not covered); no other country has one.
  const auto members = data().countries().members("eu", parse_date("2026-11-24"));
  ASSERT_EQ(members.size(), 27U);
  for (const char* day : {"2020-01-01", "2023-06-15", "2026-11-24"}) {
    for (const auto& c : members) {
      EXPECT_NE(v.try_at(c, "standard", parse_date(day)), nullptr) << c.to_string() << " " << day;
    }
  }
  EXPECT_EQ(v.try_at(cty("KG"), "standard", parse_date("2026-03-16")), nullptr);
  expect_error([&] { (void)v.standard(cty("GB"), parse_date("2026-03-16")); },
               errc::no_valid_record);
}


// Delegated Regulation (EU) 2015/2446, Annex 22-03 Part II (consolidated 2025-02-25): chapter 69
// (ceramics) "materials of any heading, except that of the product" or the value of materials up
// to 70 % (column (a), LDC) and 50 % (column (b)); heading 5602 (felt) has two rows, needleloom
// felt and other felt; chapter 42 has 70 % in both columns.
TEST(ReferenceData, GspListRulesNarrowestRowWins) {
  const auto& t = data().list_rules();
  const auto day = parse_date("2026-03-16");
  const auto ceramics = t.find(fairport::tariff_code::parse("6912004800"), day);
  ASSERT_EQ(ceramics.size(), 1U);
  EXPECT_EQ(ceramics[0]->hs, "Chapter 69");
  ASSERT_EQ(ceramics[0]->ldc.size(), 2U);
  EXPECT_EQ(ceramics[0]->ldc[0].test.kind, fairport::origin_test_kind::cth);
  EXPECT_EQ(ceramics[0]->ldc[1].test.kind, fairport::origin_test_kind::max_nom_value);
  EXPECT_EQ(*ceramics[0]->ldc[1].test.max_share, fairport::decimal::parse("0.7"));
  EXPECT_EQ(*ceramics[0]->other[1].test.max_share, fairport::decimal::parse("0.5"));
  EXPECT_THAT(ceramics[0]->other[1].text, HasSubstr("50 %"));
  EXPECT_THAT(ceramics[0]->source.reference, HasSubstr("Annex 22-03"));

  const auto felt = t.find(fairport::tariff_code::parse("5602"), day);
  ASSERT_EQ(felt.size(), 2U);
  std::vector<std::string> rows{felt[0]->row, felt[1]->row};
  EXPECT_THAT(rows, testing::UnorderedElementsAre("needleloom_felt", "other"));
  for (const auto* r : felt) {
    ASSERT_FALSE(r->ldc.empty());
    EXPECT_EQ(r->ldc[0].test.kind, fairport::origin_test_kind::textile_stage);
    ASSERT_TRUE(r->ldc[0].test.stages.has_value());
  }

  const auto bags = t.find(fairport::tariff_code::parse("420221"), day);
  ASSERT_EQ(bags.size(), 1U);
  EXPECT_EQ(*bags[0]->other[1].test.max_share, fairport::decimal::parse("0.7"));

  // Mineral fuels (chapter 27) are outside the dataset's coverage: no row, never a guess.
  EXPECT_TRUE(t.find(fairport::tariff_code::parse("2710124900"), day).empty());
  // Before the consolidated text's date there is no row either.
  EXPECT_TRUE(t.find(fairport::tariff_code::parse("6912"), parse_date("2024-01-01")).empty());
}


// Common Customs Tariff third-country duties (CN 2026, Implementing Regulation (EU) 2025/1926, as
// reproduced from TARIC on 2026-02-22): natural honey 0409 17.3 %; dried apricots 0813 10 5.6 %;
// shelled walnuts 0802 32 5.1 %; hand-woven kelem 5702 10 3 %; wool carpets 5701 10 90 8 % with
// a maximum of EUR 2.80/m2; felt 5602 10 6.7 %; coffee 0901 11 free.
TEST(ReferenceData, ThirdCountryDutiesAsStructuredExpressions) {
  const auto& t = data().tariffs();
  const auto day = parse_date("2026-03-16");
  const auto duty = [&](const char* code) -> const fairport::duty_expression& {
    return t.at(fairport::tariff_code::parse(code), day).duty;
  };
  EXPECT_EQ(*duty("0409000000").ad_valorem, fairport::decimal::parse("0.173"));
  EXPECT_EQ(duty("0409000000").text, "17,3 %");
  EXPECT_EQ(*duty("08131000").ad_valorem, fairport::decimal::parse("0.056"));
  EXPECT_EQ(*duty("08023200").ad_valorem, fairport::decimal::parse("0.051"));
  EXPECT_EQ(*duty("5702100000").ad_valorem, fairport::decimal::parse("0.03"));
  EXPECT_EQ(*duty("56021019").ad_valorem, fairport::decimal::parse("0.067"));
  EXPECT_TRUE(duty("090111").is_free());
  const auto& carpet = duty("5701109000");
  EXPECT_EQ(*carpet.ad_valorem, fairport::decimal::parse("0.08"));
  ASSERT_TRUE(carpet.maximum.has_value());
  EXPECT_EQ(carpet.maximum->specific->amount, fairport::decimal::parse("2.8"));
  EXPECT_EQ(carpet.maximum->specific->per, "m2");
  EXPECT_EQ(carpet.maximum->specific->currency.to_string(), "EUR");
  const auto& rec = t.at(fairport::tariff_code::parse("0409"), day);
  EXPECT_EQ(rec.source.dataset, "eu_cct_erga_omnes");
  EXPECT_THAT(rec.source.reference, HasSubstr("2025/1926"));
  // A heading whose subheadings have different duties has no single answer; codes not in the
  // dataset are not guessed.
  EXPECT_EQ(t.find(fairport::tariff_code::parse("0802"), day), nullptr);
  EXPECT_EQ(t.find(fairport::tariff_code::parse("7013990000"), day), nullptr);
  expect_error([&] { (void)t.at(fairport::tariff_code::parse("7013990000"), day); },
               errc::no_valid_record);
}


// Fairtrade International coffee price review effective 2023-08-01: washed arabica minimum USD
// 1.80/lb FOB (was 1.40 since 2011-04-01), premium 0.20, organic differential 0.40; cocoa beans
// from 2019-10-01: USD 2,400/t FOB plus premium 240.
TEST(ReferenceData, FairtradeMinimumPricesByDate) {
  const auto& f = data().fairtrade_prices();
  const fairport::fairtrade_price_key arabica{"coffee_arabica_washed", "all", "fairtrade", "standard"};
  const auto& now = f.at(arabica, parse_date("2023-08-01"));
  EXPECT_EQ(*now.minimum_price, fairport::decimal::parse("1.80"));
  EXPECT_EQ(now.premium, fairport::decimal::parse("0.20"));
  EXPECT_EQ(*now.organic_differential, fairport::decimal::parse("0.40"));
  EXPECT_EQ(now.unit, "lb");
  EXPECT_EQ(now.basis, "FOB");
  EXPECT_EQ(now.currency.to_string(), "USD");
  EXPECT_EQ(*f.at(arabica, parse_date("2023-07-31")).minimum_price, fairport::decimal::parse("1.40"));
  const fairport::fairtrade_price_key cocoa{"cocoa", "all", "fairtrade", "conventional_beans"};
  const auto& c = f.at(cocoa, parse_date("2019-10-01"));
  EXPECT_EQ(*c.minimum_price, fairport::decimal::parse("2400"));
  EXPECT_EQ(c.premium, fairport::decimal::parse("240"));
  EXPECT_EQ(c.unit, "tonne");
  EXPECT_EQ(*f.at(cocoa, parse_date("2019-09-30")).minimum_price, fairport::decimal::parse("2000"));
  // Products without a published figure in the dataset are not guessed.
  expect_error([&] {
    (void)f.at({"dried_apricots", "all", "fairtrade", "standard"}, parse_date("2026-03-16"));
  }, errc::no_valid_record);
}

// Statutory minimum wages: Uzbekistan UZS 1,271,000 a month from 2025-08-01 (presidential decree);
// Tajikistan TJS 1,000 from 2025-09-01; Pakistan (Sindh) PKR 40,000 from 2025-07-01.
TEST(ReferenceData, MinimumWagesByCountryRegionAndDate) {
  const auto& w = data().wages();
  const auto at = [&](const char* c, const char* region, const char* day) {
    return w.at({cty(c), region, "minimum_wage"}, parse_date(day));
  };
  const auto uz = at("UZ", "national", "2025-08-01");
  EXPECT_EQ(uz.amount, fairport::decimal::parse("1271000"));
  EXPECT_EQ(uz.currency.to_string(), "UZS");
  EXPECT_EQ(uz.per, "month");
  EXPECT_EQ(at("UZ", "national", "2025-07-31").amount, fairport::decimal::parse("1155000"));
  EXPECT_EQ(at("TJ", "national", "2025-09-01").amount, fairport::decimal::parse("1000"));
  EXPECT_EQ(at("PK", "sindh", "2025-07-01").amount, fairport::decimal::parse("40000"));
  // Tajikistan: 600 TJS from 2022-07-01 (decree of 2022-01-13, Khovar 2022-06-24), 800 TJS from
  // 2024-07-01 (decree of 2024-01-09), so a 2023 embroidery price meets a floor.
  EXPECT_EQ(at("TJ", "national", "2023-06-01").amount, fairport::decimal::parse("600"));
  EXPECT_EQ(at("TJ", "national", "2025-08-31").amount, fairport::decimal::parse("800"));
  // Kyrgyzstan before 2026: the budget laws' amounts could not be dated, so there is no record.
  expect_error([&] { (void)at("KG", "national", "2025-06-01"); }, errc::no_valid_record);
  // The KG subsistence minimum of the working-age population, 2025 year average (NSC).
  const auto& sm = w.at({cty("KG"), "national", "subsistence_minimum"}, parse_date("2025-06-01"));
  EXPECT_EQ(sm.amount, fairport::decimal::parse("9738.29"));
  EXPECT_THAT(sm.household, HasSubstr("working-age"));
}


// The manifest lists every dataset file under src/data (a file left out would silently not load).
TEST(ReferenceData, ManifestListsEveryDataFile) {
  const fs::path root = fs::path(FAIRPORT_SOURCE_DIR) / "src" / "data";
  std::vector<std::string> on_disk;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".json" &&
        e.path().filename() != "manifest.json") {
      on_disk.push_back(fs::relative(e.path(), root).generic_string());
    }
  }
  std::vector<std::string> listed;
  for (const auto& i : data().datasets()) listed.push_back(i.file);
  EXPECT_THAT(listed, testing::UnorderedElementsAreArray(on_disk));
}


// Customs exchange rates (Implementing Regulation (EU) 2015/2447, Art. 146) as published by the
// Irish Revenue for June 2024: 1 EUR = 1.0830 USD, GBP 0.85165 (the ECB fixing of 2024-05-22);
// valid for the calendar month only. Irish Revenue's 302.1061 PKR is a rate Ireland designates
// for a currency the ECB does not quote: it is Ireland's, not the Union's, and not built in.
TEST(ReferenceData, CustomsExchangeRatesByMonth) {
  const auto& fx = data().exchange_rates();
  const auto& usd = fx.at(ccy("EUR"), ccy("USD"), parse_date("2024-06-15"));
  EXPECT_EQ(usd.rate(), fairport::decimal::parse("1.0830"));
  EXPECT_THAT(usd.source(), HasSubstr("2024-05-22 (the penultimate Wednesday of May 2024)"));
  EXPECT_EQ(fx.at(ccy("EUR"), ccy("GBP"), parse_date("2024-06-01")).rate(),
            fairport::decimal::parse("0.85165"));
  EXPECT_EQ(fx.try_at(ccy("EUR"), ccy("PKR"), parse_date("2024-06-30")), nullptr);
  EXPECT_EQ(fx.at(ccy("EUR"), ccy("USD"), parse_date("2024-07-01")).rate(),
            fairport::decimal::parse("1.0749"));
  // USD 2248.20 at the June 2024 rate: 2248.20 / 1.0830 = 2075.900277..., EUR 2075.90 half up.
  const auto eur = usd.convert_to_base(fairport::money(fairport::decimal::parse("2248.20"), ccy("USD")), 2,
                                       fairport::rounding_mode::half_up);
  EXPECT_EQ(eur.to_string(), "EUR 2075.90");
  // A month without a published rate in the dataset is an error, not the nearest month's rate.
  expect_error([&] { (void)fx.at(ccy("EUR"), ccy("USD"), parse_date("2026-05-15")); },
               errc::no_valid_record);
  EXPECT_EQ(fx.try_at(ccy("EUR"), ccy("KGS"), parse_date("2024-06-15")), nullptr);
}

// ---------------------------------------------------------------------------------------------
// Loading a directory, overriding, and the loader's errors

TEST(ReferenceDataLoad, DirectoryCopyLoadsLikeBuiltin) {
  data_copy copy;
  const auto loaded = fairport::load_reference_data(copy.dir().string());
  EXPECT_EQ(loaded.origin(), copy.dir().string());
  ASSERT_EQ(loaded.datasets().size(), data().datasets().size());
  for (std::size_t i = 0; i < loaded.datasets().size(); ++i) {
    EXPECT_EQ(loaded.datasets()[i].sha256, data().datasets()[i].sha256);
  }
}

TEST(ReferenceDataLoad, ChecksumMismatchIs308AndNamesTheFile) {
  data_copy copy;
  copy.edit("iso/iso3166_countries.json", "\"Kyrgyzstan\"", "\"Kirgizia\"");
  const auto e = expect_error([&] { (void)reference_data::load(copy.dir().string()); },
                              errc::checksum_mismatch);
  EXPECT_EQ(e.context().file, "iso/iso3166_countries.json");
  EXPECT_EQ(e.context().dataset, "iso3166_countries");
}

TEST(ReferenceDataLoad, MissingFileIs314) {
  data_copy copy;
  fs::remove(copy.dir() / "un" / "country_groups.json");
  expect_error([&] { (void)reference_data::load(copy.dir().string()); }, errc::missing_file);
  expect_error([] { (void)reference_data::load("/nonexistent/fairport/data"); },
               errc::missing_file);
}

TEST(ReferenceDataLoad, UnknownCountryInAGroupIs307WithPointer) {
  data_copy copy;
  copy.edit_and_resign("un/country_groups.json", "\"country\": \"KH\"", "\"country\": \"QQ\"");
  const auto e = expect_error([&] { (void)reference_data::load(copy.dir().string()); },
                              errc::unknown_code);
  EXPECT_EQ(e.context().file, "un/country_groups.json");
  EXPECT_THAT(e.context().pointer, testing::MatchesRegex("/records/[0-9]+/key/country"));
  EXPECT_EQ(e.context().version, data().dataset("country_groups").version);
}

TEST(ReferenceDataLoad, OverlappingMembershipIs302) {
  data_copy copy;
  // Britain's membership ends 2020-01-31; a second open record from 2020-01-01 overlaps it.
  copy.edit_and_resign("un/country_groups.json", "\"records\": [",
                       "\"records\": [{\"key\": {\"group\": \"eu\", \"country\": \"GB\"}, "
                       "\"valid_from\": \"2020-01-01\", \"valid_through\": null, "
                       "\"value\": {\"member\": \"true\"}, \"reference\": \"overlap fixture\", "
                       "\"note\": \"\"},");
  expect_error([&] { (void)reference_data::load(copy.dir().string()); },
               errc::overlapping_validity);
}

TEST(ReferenceDataLoad, ManifestListingAnUnknownSchemaIs309) {
  data_copy copy;
  copy.edit("manifest.json", "\"fairport.countries/1\"", "\"fairport.countries/2\"");
  expect_error([&] { (void)reference_data::load(copy.dir().string()); }, errc::unknown_schema);
}

TEST(ReferenceDataLoad, ManifestWithUnknownKeyIs303) {
  data_copy copy;
  copy.edit("manifest.json", "\"schema\": \"fairport.manifest/1\"",
            "\"schema\": \"fairport.manifest/1\", \"signed_by\": \"nobody\"");
  expect_error([&] { (void)reference_data::load(copy.dir().string()); }, errc::unknown_key);
}

TEST(ReferenceDataOverride, ReplacesOneDatasetAndLeavesTheOriginal) {
  data_copy copy;
  copy.edit("iso/iso3166_countries.json", "\"name\": \"Kyrgyzstan\"",
            "\"name\": \"Kyrgyz Republic\"");
  const auto over = data().with_override((copy.dir() / "iso/iso3166_countries.json").string());
  EXPECT_EQ(over.countries().at(cty("KG")).name, "Kyrgyz Republic");
  EXPECT_EQ(data().countries().at(cty("KG")).name, "Kyrgyzstan");
  EXPECT_THAT(over.origin(), HasSubstr("iso3166_countries.json"));
  EXPECT_NE(over.dataset("iso3166_countries").sha256, data().dataset("iso3166_countries").sha256);
}

TEST(ReferenceDataOverride, BadOverrideThrowsAndLoadsNothing) {
  data_copy copy;
  copy.edit("iso/iso4217_currencies.json", "\"minor_units\": \"3\"", "\"minor_units\": 3");
  const auto file = (copy.dir() / "iso/iso4217_currencies.json").string();
  const auto e = expect_error([&] { (void)data().with_override(file); }, errc::number_not_string);
  EXPECT_THAT(e.context().pointer, testing::MatchesRegex("/records/[0-9]+/value/minor_units"));
  EXPECT_EQ(data().currencies().minor_units(ccy("KWD"), parse_date("2026-01-01")), 3);
  expect_error([&] { (void)data().with_override_text(R"({"dataset": "nope"})", "x.json"); },
               errc::invalid_value);
}

// Each file in tests/data/invalid_datasets/ replaces one built-in dataset and must fail with the
// code its name starts with, naming the file; the built-in set stays as it was.
TEST(ReferenceDataOverride, EveryInvalidDatasetFixtureFailsWithItsCode) {
  const fs::path dir = fs::path(FAIRPORT_SOURCE_DIR) / "tests" / "data" / "invalid_datasets";
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    SCOPED_TRACE(name);
    const int code = std::stoi(name.substr(0, 3));
    const auto e = expect_error(
        [&] { (void)data().with_override_text(read_text(entry.path()), name); },
        static_cast<errc>(code));
    EXPECT_EQ(e.context().file, name);
    EXPECT_THAT(std::string(e.what()), HasSubstr(name));
    ++n;
  }
  EXPECT_GE(n, 15U);
  EXPECT_EQ(data().currencies().minor_units(ccy("EUR"), parse_date("2026-01-01")), 2);
}

}  // namespace

namespace {

// A directory whose manifest lists only some datasets is refused at load, naming what is
// missing (before: it loaded, and every line failed at check time).
TEST(ReferenceDataLoad, AnIncompleteDirectoryIs316) {
  data_copy copy;
  const auto full = fairport::load_reference_data(copy.dir().string());
  std::string entries;
  for (const auto& i : full.datasets()) {
    if (i.id == "eu_vat_rates" || i.id == "eu_cct_erga_omnes") continue;
    entries += std::string(entries.empty() ? "" : ",\n") + R"({"id": ")" + i.id +
               R"(", "file": ")" + i.file + R"(", "schema": ")" + i.schema +
               R"(", "version": ")" + i.version + R"(", "source": "s", "licence": "l", "sha256": ")" +
               i.sha256 + "\"}";
  }
  {
    std::ofstream m(copy.dir() / "manifest.json", std::ios::trunc);
    m << R"({"schema": "fairport.manifest/1", "note": "partial", "datasets": [)" << entries
      << "]}\n";
  }
  const auto e = expect_error([&] { (void)reference_data::load(copy.dir().string()); },
                              errc::missing_dataset);
  EXPECT_THAT(e.what(), HasSubstr("fairport.vat_rates"));
  EXPECT_THAT(e.what(), HasSubstr("fairport.tariff_duties"));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// A user's data layer (reference_data::with_layer): records added to, or replacing by key and
// dates the records of, the loaded datasets; no manifest and no checksum step. The rates in
// these user files are test figures, not law: the test is of the merge, not of a rate.
namespace {

std::string user_vat_file(const std::string& records, const std::string& version = "2026.11.1") {
  return R"({"schema": "fairport.vat_rates/1", "dataset": "eu_vat_rates", "version": ")" + version +
         R"(", "source": {"title": "an adviser's own rates", "publisher": "test",
         "url": "https://example.org", "retrieved": "2026-11-20"}, "licence": "test", "note": "",
         "records": [)" +
         records + "]}";
}

std::string vat_record(const char* country, const char* category, const char* from,
                       const char* through, const char* rate) {
  const std::string t = through ? std::string("\"") + through + "\"" : "null";
  const std::string v = rate ? std::string(R"({"rate": ")") + rate + "\"}" : "null";
  return std::string(R"({"key": {"country": ")") + country + R"(", "category": ")" + category +
         R"("}, "valid_from": ")" + from + R"(", "valid_through": )" + t + R"(, "value": )" + v +
         R"(, "reference": "test record"})";
}

std::string rate_on(const reference_data& d, const char* c, const char* cat, const char* day) {
  const auto* r = d.vat_rates().try_at(cty(c), cat, parse_date(day));
  return r == nullptr ? "none" : r->rate.normalized().to_string();
}

}  // namespace

// A user record from 2026-01-01 replaces the built-in EE standard rate (24 % from 2025-07-01,
// open) for its days only: the built-in record is cut to 2025-07-01..2025-12-31.
TEST(ReferenceDataLayer, AUserRecordReplacesTheLoadedRecordForItsDaysOnly) {
  const auto layered = data().with_layer_text(
      user_vat_file(vat_record("EE", "standard", "2026-01-01", nullptr, "0.25")), "my_vat.json");
  EXPECT_EQ(rate_on(layered, "EE", "standard", "2025-12-31"), "0.24");
  EXPECT_EQ(rate_on(layered, "EE", "standard", "2026-01-01"), "0.25");
  EXPECT_EQ(rate_on(layered, "EE", "standard", "2024-05-01"), "0.22");
  EXPECT_EQ(rate_on(data(), "EE", "standard", "2026-01-01"), "0.24");  // built-in unchanged
  const auto& user = layered.vat_rates().at(cty("EE"), "standard", parse_date("2026-03-16"));
  EXPECT_EQ(user.source.layer, "my_vat.json");
  EXPECT_EQ(user.source.version, "2026.11.1");
  EXPECT_EQ(user.source.pointer, "/records/0");
  EXPECT_THAT(user.source.citation(), HasSubstr("user data my_vat.json"));
  const auto& cut = layered.vat_rates().at(cty("EE"), "standard", parse_date("2025-12-31"));
  EXPECT_TRUE(cut.source.layer.empty());
  EXPECT_EQ(cut.source.valid_through, "2025-12-31");
  const auto& info = layered.dataset("eu_vat_rates");
  ASSERT_EQ(info.layers.size(), 1U);
  EXPECT_EQ(info.layers[0].added, 1U);
  EXPECT_EQ(info.layers[0].replaced, 1U);
  EXPECT_EQ(info.layers[0].withdrawn, 0U);
  ASSERT_EQ(info.layers[0].changes.size(), 1U);
  EXPECT_EQ(info.layers[0].changes[0].base_validity, "[2025-07-01, open)");
  EXPECT_EQ(info.version, data().dataset("eu_vat_rates").version);
  EXPECT_TRUE(data().dataset("eu_vat_rates").layers.empty());
}

// A user record inside a loaded record's days cuts it in two; a null value withdraws.
TEST(ReferenceDataLayer, ARecordInsideSplitsAndANullValueWithdraws) {
  const auto layered = data().with_layer_text(
      user_vat_file(vat_record("DE", "standard", "2022-01-01", "2022-12-31", "0.2") + "," +
                    vat_record("DE", "foodstuffs", "2026-01-01", nullptr, nullptr)),
      "de.json");
  EXPECT_EQ(rate_on(layered, "DE", "standard", "2021-12-31"), "0.19");
  EXPECT_EQ(rate_on(layered, "DE", "standard", "2022-06-01"), "0.2");
  EXPECT_EQ(rate_on(layered, "DE", "standard", "2023-01-01"), "0.19");
  EXPECT_EQ(rate_on(layered, "DE", "foodstuffs", "2025-12-31"), "0.07");
  EXPECT_EQ(rate_on(layered, "DE", "foodstuffs", "2026-01-01"), "none");
  const auto& l = layered.dataset("eu_vat_rates").layers.at(0);
  EXPECT_EQ(l.added, 1U);
  EXPECT_EQ(l.replaced, 2U);
  EXPECT_EQ(l.withdrawn, 1U);
  // DE standard in two pieces and the user's record (+2); DE foodstuffs cut short, not added.
  EXPECT_EQ(layered.dataset("eu_vat_rates").records, data().dataset("eu_vat_rates").records + 2);
}

// Errors in a user's file name that file and the pointer, and nothing loads halfway.
TEST(ReferenceDataLayer, ErrorsNameTheUserFile) {
  auto e = expect_error(
      [&] {
        (void)data().with_layer_text(
            user_vat_file(vat_record("EE", "standard", "2026-01-01", nullptr, "0.25") + "," +
                          vat_record("EE", "standard", "2026-06-01", nullptr, "0.26")),
            "twice.json");
      },
      errc::overlapping_validity);
  EXPECT_EQ(e.context().file, "twice.json");
  std::string bad = user_vat_file(vat_record("EE", "standard", "2026-01-01", nullptr, "0.25"));
  bad.replace(bad.find(R"({"rate")"), 1, R"({"rates": "x", )");
  e = expect_error([&] { (void)data().with_layer_text(bad, "typo.json"); }, errc::unknown_key);
  EXPECT_EQ(e.context().file, "typo.json");
  EXPECT_EQ(e.context().pointer, "/records/0/value/rates");
  e = expect_error(
      [&] {
        (void)data().with_layer_text(
            user_vat_file(vat_record("QQ", "standard", "2026-01-01", nullptr, "0.25")), "qq.json");
      },
      errc::unknown_code);
  EXPECT_EQ(e.context().file, "qq.json");
  // The schema is the loaded dataset's: a tariff file cannot name eu_vat_rates.
  std::string wrong = user_vat_file(vat_record("EE", "standard", "2026-01-01", nullptr, "0.25"));
  wrong.replace(wrong.find("fairport.vat_rates/1"), 20, "fairport.tariff_duties/1");
  expect_error([&] { (void)data().with_layer_text(wrong, "wrong.json"); }, errc::unknown_schema);
  EXPECT_EQ(rate_on(data(), "EE", "standard", "2026-01-01"), "0.24");
}

// A user's CN range replaces the loaded records inside it (5704 90 replaces the loaded 5704 90 00,
// so the user's figure is used), while a user range inside a loaded one wins by being narrower.
TEST(ReferenceDataLayer, ACnRangeReplacesTheLoadedRangesInsideIt) {
  const std::string file = R"({"schema": "fairport.tariff_duties/1", "dataset": "eu_cct_erga_omnes",
    "version": "2026.11.1", "source": {"title": "t", "publisher": "p", "url": "u",
    "retrieved": "2026-11-20"}, "licence": "l", "note": "", "records": [
    {"key": {"cn_range": ["5704900000", "5704909999"]}, "valid_from": "2026-01-01",
     "valid_through": null, "value": {"expression": {"ad_valorem": "0.05"}, "text": "5 %"},
     "reference": "test figure"}]})";
  const auto layered = data().with_layer_text(file, "carpets.json");
  const auto day = parse_date("2026-06-01");
  const auto& rec = layered.tariffs().at(fairport::tariff_code::parse("5704900000"), day);
  EXPECT_EQ(rec.duty.text, "5 %");
  EXPECT_EQ(rec.source.layer, "carpets.json");
  EXPECT_EQ(layered.dataset("eu_cct_erga_omnes").layers.at(0).replaced, 1U);
  // The built-in 5704 10 00 is outside the user's range and stays.
  EXPECT_EQ(layered.tariffs().at(fairport::tariff_code::parse("5704100000"), day).duty.text,
            "6,7 %");
}

// A directory: every *.json file in name order (a later file replaces an earlier one's record),
// no manifest; from_directory tells a complete set (manifest.json) from a user layer.
TEST(ReferenceDataLayer, ADirectoryLayersItsFilesInNameOrder) {
  const fs::path dir = fs::temp_directory_path() /
                       ("fairport_layer_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  write_text(dir / "a.json", user_vat_file(vat_record("EE", "standard", "2026-01-01", nullptr,
                                                      "0.25")));
  write_text(dir / "b.json", user_vat_file(vat_record("EE", "standard", "2026-07-01", nullptr,
                                                      "0.26"), "2026.11.2"));
  write_text(dir / "notes.txt", "not a dataset");
  const auto layered = reference_data::from_directory(dir.string());
  EXPECT_EQ(rate_on(layered, "EE", "standard", "2026-03-01"), "0.25");
  EXPECT_EQ(rate_on(layered, "EE", "standard", "2026-07-01"), "0.26");
  const auto& info = layered.dataset("eu_vat_rates");
  ASSERT_EQ(info.layers.size(), 2U);
  EXPECT_EQ(info.layers[1].changes.at(0).base_file, (dir / "a.json").string());
  EXPECT_EQ(info.layers[1].sha256, fairport::detail::sha256_hex(read_text(dir / "b.json")));
  EXPECT_THAT(layered.origin(), HasSubstr("user"));
  fs::remove(dir / "a.json");
  fs::remove(dir / "b.json");
  expect_error([&] { (void)data().with_layer(dir.string()); }, errc::missing_file);
  fs::remove_all(dir);
  const auto full = reference_data::from_directory(
      (fs::path(FAIRPORT_SOURCE_DIR) / "src" / "data").string());
  EXPECT_TRUE(full.dataset("eu_vat_rates").layers.empty());
  EXPECT_EQ(full.datasets().size(), data().datasets().size());
}

// ---------------------------------------------------------------------------------------------
// What the producers sell: each product resolves, in the built-in data, to a third-country duty
// (CN 2026, Implementing Regulation (EU) 2025/1926, as reproduced in TARIC), a decision of Annex V
// and of Annex IX of Regulation (EU) No 978/2012 (consolidated 2025-01-01) and a list rule of
// Annex 22-03 of Delegated Regulation (EU) 2015/2446 (consolidated 2025-02-25), early and late in
// the CN 2026 year.
namespace {

struct product_case {
  const char* what;
  const char* cn;
  const char* duty;        // as the CN prints it
  const char* annex_v;     // sensitive, non_sensitive, not_listed
  const char* annex_ix;    // listed, not_listed
  const char* list_rule;   // the Annex's label of the row
};

const product_case producers_products[] = {
    {"felt carpet (shyrdak)", "5704900000", "6,7 %", "sensitive", "listed", "Chapter 57"},
    {"felt slippers", "6405209100", "4 %", "sensitive", "listed", "ex Chapter 64"},
    {"felt hat", "6505009000", "2,7 %", "non_sensitive", "listed", "Chapter 65"},
    {"wool knitwear (women's pullover)", "6110119000", "12 %", "sensitive", "listed", "Chapter 61"},
    {"wool socks", "6115940000", "12 %", "sensitive", "listed", "Chapter 61"},
    {"silk scarf", "6214100000", "8 %", "sensitive", "listed", "6214"},
    {"leather belt", "4203300000", "5 %", "sensitive", "listed", "Chapter 42"},
    {"herbal tea (mountain herbs)", "1211908600", "free", "sensitive", "listed", "Chapter 12"},
    {"wild thyme", "0910993100", "free", "non_sensitive", "listed", "Chapter 9"},
    {"wooden box", "4420909900", "free", "non_sensitive", "listed", "ex Chapter 44"},
    {"silver jewellery", "7113110000", "2,5 %", "non_sensitive", "listed", "ex Chapter 71"},
    {"painting", "9701910000", "free", "not_listed", "not_listed", "Chapter 97"},
    {"dried apricots", "0813100000", "5,6 %", "sensitive", "listed", "Chapter 8"},
    {"shelled walnuts", "0802320000", "5,1 %", "sensitive", "listed", "Chapter 8"},
    {"honey", "0409000000", "17,3 %", "not_listed", "listed", "Chapter 4"},
    {"raisins", "0806201000", "2,4 %", "sensitive", "listed", "Chapter 8"},
    {"wool felt (ala-kiyiz)", "5602210000", "6,7 %", "sensitive", "listed", "5602"},
    {"embroidered cushion cover", "6304920000", "12 %", "sensitive", "listed", "6301 to 6304"},
    {"leather handbag", "4202210000", "3 %", "sensitive", "listed", "Chapter 42"},
};

}  // namespace

TEST(ProducersProducts, EachHasADutyAGspDecisionAndAListRule) {
  using fairport::gsp_arrangement;
  const auto& d = data();
  for (const char* day : {"2026-01-15", "2026-11-20"}) {
    for (const auto& p : producers_products) {
      SCOPED_TRACE(std::string(p.what) + " " + p.cn + " on " + day);
      const auto code = fairport::tariff_code::parse(p.cn);
      const auto on = parse_date(day);
      const auto* duty = d.tariffs().find(code, on);
      ASSERT_NE(duty, nullptr);
      EXPECT_EQ(duty->duty.text, p.duty);
      const auto v = d.gsp_coverage().find(gsp_arrangement::gsp, code, on);
      ASSERT_NE(v.record, nullptr);
      EXPECT_EQ(to_string(v.record->coverage), p.annex_v);
      const auto ix = d.gsp_coverage().find(gsp_arrangement::gsp_plus, code, on);
      ASSERT_NE(ix.record, nullptr);
      EXPECT_EQ(to_string(ix.record->coverage), p.annex_ix);
      const auto rows = d.list_rules().find(code, on);
      ASSERT_FALSE(rows.empty());
      EXPECT_EQ(rows.front()->hs, p.list_rule);
    }
  }
}
