// The error hierarchy: stable codes, exact messages, most-derived classes.
#include "fairport/error.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

using fairport::errc;
using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

TEST(Error, TagNamesCategoryAndNumber) {
  EXPECT_EQ(fairport::code_tag(errc::invalid_decimal), "[fairport.input.101]");
  EXPECT_EQ(fairport::code_tag(errc::overflow), "[fairport.arithmetic.201]");
  EXPECT_EQ(fairport::code_tag(errc::overlapping_validity), "[fairport.data.302]");
  EXPECT_EQ(fairport::code_tag(errc::missing_dataset), "[fairport.data.316]");
  // The command line's last-resort handlers (exit 3, never an abort).
  EXPECT_EQ(fairport::code_tag(errc::internal_error), "[fairport.internal.501]");
  EXPECT_EQ(fairport::code_tag(errc::out_of_memory), "[fairport.internal.502]");
}

TEST(Error, CodesKeepTheirNumbers) {
  // These numbers are a public contract (README error table, Python .code): never renumber.
  EXPECT_EQ(static_cast<int>(errc::invalid_currency_code), 102);
  EXPECT_EQ(static_cast<int>(errc::currency_mismatch), 203);
  EXPECT_EQ(static_cast<int>(errc::no_valid_record), 301);
  EXPECT_EQ(static_cast<int>(errc::checksum_mismatch), 308);
}

TEST(Error, MessageStartsWithTheCodeAndEndsWithTheContext) {
  fairport::error_context ctx;
  ctx.dataset = "eu_tariff";
  ctx.version = "2024.1.0";
  ctx.file = "tariffs/eu.json";
  ctx.pointer = "/records/17";
  try {
    fairport::detail::throw_error(errc::no_valid_record,
                                  "no tariff rate for 0901.21 from CO valid on 2024-03-01", ctx);
    FAIL() << "throw_error returned";
  } catch (const fairport::no_valid_record& e) {
    EXPECT_STREQ(e.what(),
                 "[fairport.data.301] no tariff rate for 0901.21 from CO valid on 2024-03-01 "
                 "(dataset eu_tariff 2024.1.0, file tariffs/eu.json, at /records/17)");
    EXPECT_EQ(e.code(), errc::no_valid_record);
    EXPECT_EQ(e.context().pointer, "/records/17");
    EXPECT_EQ(e.message(), "no tariff rate for 0901.21 from CO valid on 2024-03-01");
  }
}

TEST(Error, MessageWithoutContextHasNoParentheses) {
  EXPECT_THAT([] { fairport::detail::throw_error(errc::invalid_decimal, "not a decimal: \"1,5\""); },
              ThrowsMessage<fairport::input_error>(
                  ::testing::StrEq("[fairport.input.101] not a decimal: \"1,5\"")));
}

TEST(Error, ThrowsTheMostDerivedClassForTheCode) {
  EXPECT_THROW(fairport::detail::throw_error(errc::overflow, "x"), fairport::overflow_error);
  EXPECT_THROW(fairport::detail::throw_error(errc::currency_mismatch, "x"),
               fairport::currency_mismatch);
  EXPECT_THROW(fairport::detail::throw_error(errc::division_by_zero, "x"),
               fairport::arithmetic_error);
  EXPECT_THROW(fairport::detail::throw_error(errc::unknown_key, "x"), fairport::data_error);
  EXPECT_THROW(fairport::detail::throw_error(errc::invalid_argument, "x"), fairport::input_error);
}

TEST(Error, EveryClassIsAStdException) {
  EXPECT_THAT([] { fairport::detail::throw_error(errc::overflow, "too big"); },
              ThrowsMessage<std::exception>(HasSubstr("[fairport.arithmetic.201] too big")));
  // an overflow is an arithmetic_error is an error
  EXPECT_THROW(fairport::detail::throw_error(errc::overflow, "x"), fairport::arithmetic_error);
  EXPECT_THROW(fairport::detail::throw_error(errc::overflow, "x"), fairport::error);
}

TEST(Error, ArgumentContextIsNamed) {
  fairport::error_context ctx;
  ctx.argument = "lines/3/hs_code";
  EXPECT_THAT([&] { fairport::detail::throw_error(errc::invalid_tariff_code, "bad", ctx); },
              ThrowsMessage<fairport::input_error>(
                  ::testing::StrEq("[fairport.input.104] bad (argument lines/3/hs_code)")));
}

}  // namespace
