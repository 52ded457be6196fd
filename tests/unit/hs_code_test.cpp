// Tariff codes: parsing as the consignment contract states (digits only, spaces and dots
// accepted and dropped, 2 to 10 digits in the type, 4 to 10 in a consignment line).
#include "fairport/hs_code.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using fairport::tariff_code;
using ::testing::ThrowsMessage;

TEST(TariffCode, DropsSpacesAndDots) {
  EXPECT_EQ(tariff_code::parse("5704 90 00 00").digits(), "5704900000");
  EXPECT_EQ(tariff_code::parse("0901.21").digits(), "090121");
}

TEST(TariffCode, KeepsLeadingZerosOfTheChapter) {
  const auto c = tariff_code::parse("0409");
  EXPECT_EQ(c.chapter_number(), 4);
  EXPECT_EQ(c.chapter().digits(), "04");
  EXPECT_EQ(c.padded(), "0409000000");
}

TEST(TariffCode, HeadingAndSubheadingArePrefixes) {
  const auto c = tariff_code::parse("5810920000");
  EXPECT_EQ(c.heading().digits(), "5810");
  EXPECT_EQ(c.subheading().digits(), "581092");
  EXPECT_TRUE(c.heading().contains(c));
  EXPECT_FALSE(c.contains(c.heading()));
  EXPECT_FALSE(tariff_code::parse("5811").contains(c));
}

TEST(TariffCode, RejectsLettersTooFewAndTooManyDigits) {
  for (const char* bad : {"", "5", "57O4", "12345678901", "5704-90", " . "}) {
    EXPECT_FALSE(tariff_code::try_parse(bad).has_value()) << bad;
  }
  EXPECT_THAT([] { tariff_code::parse("57O4"); },
              ThrowsMessage<fairport::input_error>(::testing::StrEq(
                  "[fairport.input.104] not a tariff code of 2 to 10 digits: \"57O4\"")));
}

TEST(TariffCode, HeadingOfAChapterIsAnError) {
  EXPECT_THAT([] { (void)tariff_code::parse("57").heading(); },
              ThrowsMessage<fairport::input_error>(
                  ::testing::HasSubstr("[fairport.input.104] tariff code 57 has fewer than 4")));
}

TEST(TariffCode, OrdersByDigits) {
  EXPECT_LT(tariff_code::parse("0409"), tariff_code::parse("0813"));
  EXPECT_LT(tariff_code::parse("5704"), tariff_code::parse("570490"));
  EXPECT_NE(tariff_code::parse("5704"), tariff_code::parse("570400"));
}

}  // namespace
