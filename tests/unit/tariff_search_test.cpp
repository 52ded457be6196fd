// fairport::search_tariff and show_tariff: finding a CN code by words in the CN 2026
// descriptions (dataset eu_cn_nomenclature: Annex I to Regulation (EEC) No 2658/87 as amended
// by Implementing Regulation (EU) 2025/1926) and what the data says of one code on a date.
#include "fairport/tariff/search.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "fairport/data/gsp.hpp"

namespace {

using fairport::parse_date;
using fairport::reference_data;
using fairport::tariff_code;
using testing::HasSubstr;

const reference_data& data() { return reference_data::builtin(); }

std::vector<std::string> codes(const std::vector<fairport::tariff_hit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.code);
  return out;
}

// CN 2026: 6405 20 91 "Slippers and other indoor footwear" (under "With uppers of textile
// materials"), 5704 "Carpets and other textile floor coverings, of felt", 0813 10 00 "Apricots"
// under 0813 "Fruit, dried".
TEST(TariffSearch, FindsTheProducersGoodsByTheirWords) {
  const auto day = parse_date("2026-11-20");
  const auto slippers = fairport::search_tariff("felt slippers", data(), day);
  ASSERT_FALSE(slippers.empty());
  EXPECT_EQ(slippers.front().code, "64052091");
  EXPECT_EQ(slippers.front().formatted, "6405 20 91");
  EXPECT_EQ(slippers.front().path.back(), "Slippers and other indoor footwear");
  ASSERT_NE(slippers.front().duty, nullptr);
  EXPECT_EQ(slippers.front().duty->duty.text, "4 %");
  const auto carpets = codes(fairport::search_tariff("felt carpet", data(), day));
  EXPECT_EQ(carpets.front(), "5704");
  EXPECT_NE(std::find(carpets.begin(), carpets.end(), "57049000"), carpets.end());
  const auto apricots = fairport::search_tariff("Dried apricots", data(), day);
  EXPECT_EQ(apricots.front().code, "08131000");
  EXPECT_EQ(apricots.front().duty->duty.text, "5,6 %");
  // A heading whose codes have their own duties has no single one.
  const auto heading = fairport::search_tariff("felt carpets", data(), day).front();
  EXPECT_EQ(heading.duty, nullptr);
  EXPECT_EQ(heading.duty_match, fairport::cn_match::depends_on_subcode);
}

TEST(TariffSearch, NoDateMeansNoDutyAndAnEmptyQueryIsRefused) {
  const auto hits = fairport::search_tariff("honey", data(), std::nullopt);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().code, "04090000");
  EXPECT_EQ(hits.front().duty, nullptr);
  EXPECT_TRUE(fairport::search_tariff("zzzz", data(), std::nullopt).empty());
  // The CN 2026 descriptions are not those of 2025: nothing is proposed for a 2025 date.
  EXPECT_TRUE(fairport::search_tariff("honey", data(), parse_date("2025-06-01")).empty());
  try {
    (void)fairport::search_tariff(" ,; ", data(), std::nullopt);
    ADD_FAILURE() << "no error";
  } catch (const fairport::error& e) {
    EXPECT_EQ(e.code(), fairport::errc::invalid_argument);
  }
}

// Reg. 978/2012 Annex V: Chapter 64 S (S-12a); Annex IX: Chapter 64; Art. 18(1): EBA covers
// Chapters 1-97 except 93; Annex 22-03: ex Chapter 64 "except from assemblies of uppers".
TEST(TariffShow, OneCodeOnADate) {
  const auto s = fairport::show_tariff(tariff_code::parse("6405209100"), data(),
                                       parse_date("2026-11-20"));
  ASSERT_EQ(s.path.size(), 4U);
  EXPECT_EQ(s.path[1]->description, "Other footwear");
  ASSERT_NE(s.duty, nullptr);
  EXPECT_EQ(s.duty->duty.text, "4 %");
  ASSERT_NE(s.annex_v.record, nullptr);
  EXPECT_EQ(to_string(s.annex_v.record->coverage), "sensitive");
  EXPECT_EQ(s.annex_v.record->section, "S-12a");
  ASSERT_NE(s.annex_ix.record, nullptr);
  EXPECT_EQ(to_string(s.annex_ix.record->coverage), "listed");
  ASSERT_TRUE(s.eba.has_value());
  EXPECT_TRUE(*s.eba);
  ASSERT_FALSE(s.list_rules.empty());
  EXPECT_EQ(s.list_rules.front()->hs, "ex Chapter 64");
  // Chapter 93 (arms) is outside EBA; a code the data does not hold says none, never a guess.
  const auto arms = fairport::show_tariff(tariff_code::parse("9302"), data(),
                                          parse_date("2026-11-20"));
  EXPECT_FALSE(*arms.eba);
  EXPECT_EQ(arms.duty, nullptr);
  EXPECT_TRUE(arms.path.empty());
  EXPECT_EQ(fairport::format_cn("0409000000"), "0409 00 00 00");
}

}  // namespace
