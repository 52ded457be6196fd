// fairport::tariff_from_xi: third-country duties from UK Trade Tariff API v2 responses for
// Northern Ireland (the EU tariff). The fixtures in tests/data/xi/ are in the API's format; the
// 81 real responses in ../shared/data/xi_tariff_api/ are read when present (the test skips,
// saying why, when they are not).
#include "fairport/io/xi_tariff_import.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "fairport/data/reference_data.hpp"
#include "fairport/data/tariffs.hpp"
#include "fairport/error.hpp"

namespace {

namespace fs = std::filesystem;
using fairport::xi_measure_fate;
using fairport::xi_response;
using testing::HasSubstr;

std::vector<xi_response> read_dir(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().string());
  std::sort(names.begin(), names.end());
  std::vector<xi_response> out;
  for (const auto& n : names) {
    std::ifstream in(n, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out.push_back({fs::path(n).filename().string(), ss.str()});
  }
  return out;
}

const fs::path fixtures = fs::path(FAIRPORT_SOURCE_DIR) / "tests" / "data" / "xi";
const fs::path shared = fs::path(FAIRPORT_SOURCE_DIR) / ".." / "shared" / "data" / "xi_tariff_api";

nlohmann::json records_of(const fairport::xi_tariff_import& r) {
  return nlohmann::json::parse(r.dataset_json).at("records");
}

TEST(XiTariffImport, MapsTheThirdCountryDutyAndKeepsEverythingElse) {
  const auto r = fairport::tariff_from_xi(read_dir(fixtures), "");
  EXPECT_EQ(r.retrieved, "2026-11-20");  // from the file names
  EXPECT_EQ(r.files, 3U);
  ASSERT_EQ(r.not_found.size(), 1U);
  EXPECT_EQ(r.records, 2U);
  const auto recs = records_of(r);
  // 9.10 % + 45.10 EUR / 100 kg MAX 18.90 % + 16.50 EUR / 100 kg
  const auto& sweets = recs.at(0);
  EXPECT_EQ(sweets["key"]["cn_range"], nlohmann::json::array({"1704903000", "1704903000"}));
  EXPECT_EQ(sweets["valid_from"], "2000-07-01");
  const auto& e = sweets["value"]["expression"];
  EXPECT_EQ(e["ad_valorem"], "0.091");
  EXPECT_EQ(e["specific"]["amount"], "45.1");
  EXPECT_EQ(e["specific"]["per"], "100kg");
  EXPECT_EQ(e["maximum"]["ad_valorem"], "0.189");
  EXPECT_EQ(e["maximum"]["specific"]["amount"], "16.5");
  EXPECT_THAT(sweets["reference"].get<std::string>(), HasSubstr("TARIC measure 100"));
  EXPECT_THAT(sweets["note"].get<std::string>(),
              HasSubstr("GSP general arrangement (area 2020): 5.60 % + 45.10 EUR / 100 kg"));
  // 9.00 % + EA MAX 24.20 % +ADSZ: kept with its text, not computed, and said why.
  const auto& biscuits = recs.at(1);
  EXPECT_TRUE(biscuits["value"]["expression"].is_null());
  EXPECT_EQ(biscuits["value"]["text"], "9.00 % + EA MAX 24.20 % +ADSZ");
  EXPECT_THAT(biscuits["note"].get<std::string>(), HasSubstr("agricultural component"));
  std::map<xi_measure_fate, int> fates;
  for (const auto& m : r.measures) ++fates[m.fate];
  EXPECT_EQ(fates[xi_measure_fate::mapped], 1);
  EXPECT_EQ(fates[xi_measure_fate::not_computable], 1);
  EXPECT_EQ(fates[xi_measure_fate::gsp_preference], 1);
  EXPECT_EQ(fates[xi_measure_fate::out_of_scope], 1);  // the UK VAT measure
  // The file loads as a user's data layer, and its duty is used.
  const auto layered = fairport::reference_data::builtin().with_layer_text(r.dataset_json, "xi.json");
  const auto* t = layered.tariffs().find(fairport::tariff_code::parse("1704903000"),
                                         fairport::parse_date("2026-11-20"));
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->source.layer, "xi.json");
}

TEST(XiTariffImport, BadResponsesAreCodedErrors) {
  try {
    (void)fairport::tariff_from_xi({{"x-2026-11-20.json", R"({"data": 1})"}}, "");
    ADD_FAILURE() << "no error";
  } catch (const fairport::error& e) {
    EXPECT_EQ(e.code(), fairport::errc::invalid_document);
    EXPECT_EQ(e.context().file, "x-2026-11-20.json");
  }
  try {
    (void)fairport::tariff_from_xi({{"x.json", R"({"errors": [{"detail": "not found"}]})"}}, "");
    ADD_FAILURE() << "no error";
  } catch (const fairport::error& e) {
    EXPECT_EQ(e.code(), fairport::errc::invalid_argument);  // no date in the name, none given
  }
}

/// The duty the response prints, parsed independently of the importer: "12.80 % + 176.80 EUR /
/// 100 kg", with an optional " MAX ..." part.
nlohmann::json expected_expression(const std::string& text) {
  static const std::regex part(R"(^(?:([0-9.]+) %)?(?: ?\+ ?)?(?:([0-9.]+) EUR / 100 kg)?$)");
  const auto one = [&](const std::string& s) {
    std::smatch m;
    nlohmann::json out = nlohmann::json::object();
    if (!std::regex_match(s, m, part)) return nlohmann::json();
    const auto trim = [](std::string v) {  // "12.80" -> "12.8", as exact text
      if (v.find('.') != std::string::npos) {
        while (v.back() == '0') v.pop_back();
        if (v.back() == '.') v.pop_back();
      }
      return v;
    };
    if (m[1].matched) {
      const auto pct = fairport::decimal::parse(m[1].str());
      out["ad_valorem"] = fairport::decimal::from_parts(pct.coefficient(), pct.scale() + 2)
                              .normalized()
                              .to_string();
    }
    if (m[2].matched) out["specific"] = {{"amount", trim(m[2].str())}, {"currency", "EUR"}, {"per", "100kg"}};
    return out;
  };
  const auto max = text.find(" MAX ");
  nlohmann::json e = one(text.substr(0, max));
  if (max != std::string::npos) e["maximum"] = one(text.substr(max + 5));
  return e;
}

// The 81 real responses (15 commodities, 2020-12-23 to 2021-02-09): every measure is mapped,
// kept as not computable, a GSP preference, or out of scope; nothing is dropped; and every
// mapped duty is the one the response prints.
TEST(XiTariffImport, TheRealResponsesImportWithoutLoss) {
  if (!fs::exists(shared)) GTEST_SKIP() << "SKIP: " << shared << " is absent";
  const auto responses = read_dir(shared);
  ASSERT_EQ(responses.size(), 81U);
  const auto r = fairport::tariff_from_xi(responses, "");
  EXPECT_EQ(r.retrieved, "2021-02-09");
  std::size_t measure_refs = 0;
  std::set<std::pair<std::string, std::string>> ids;
  for (const auto& resp : responses) {
    const auto doc = nlohmann::json::parse(resp.text);
    if (!doc.contains("included")) continue;
    const auto code = doc["data"]["attributes"]["goods_nomenclature_item_id"].get<std::string>();
    for (const auto& x : doc["included"]) {
      if (x["type"] == "measure") ids.insert({code, x["id"].get<std::string>()});
    }
  }
  measure_refs = ids.size();
  EXPECT_EQ(r.measures.size(), measure_refs);  // every distinct measure is accounted for
  EXPECT_EQ(r.not_found.size(), 5U);           // 2710 12 49 00 is not an XI commodity then
  const auto layered = fairport::reference_data::builtin().with_layer_text(r.dataset_json, "xi.json");
  std::size_t compared = 0;
  for (const auto& rec : records_of(r)) {
    const auto& e = rec["value"]["expression"];
    if (e.is_null()) continue;
    const std::string text = rec["value"]["text"];
    SCOPED_TRACE(rec["key"].dump() + " " + text);
    EXPECT_EQ(e, expected_expression(text));
    ++compared;
  }
  EXPECT_EQ(compared, 9U);
  // Not computed, and said why: the entry price of tomatoes, agricultural components, the
  // duty per % vol/hl of wine.
  for (const auto& m : r.measures) {
    if (m.fate == xi_measure_fate::not_computable) EXPECT_FALSE(m.reason.empty()) << m.id;
  }
}

}  // namespace
