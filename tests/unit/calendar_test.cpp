// Tests for include/fairport/calendar.hpp: strict ISO dates and validity intervals.
#include "fairport/calendar.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <type_traits>

namespace {

using date::day;
using date::month;
using date::year;
using date::year_month_day;
using fairport::format_date;
using fairport::parse_date;
using fairport::try_parse_date;
using fairport::validity_interval;
using testing::HasSubstr;
using testing::ThrowsMessage;

year_month_day ymd(int y, unsigned m, unsigned d) {
  return year_month_day{year{y}, month{m}, day{d}};
}

TEST(ParseDate, ReadsAStrictIsoDate) {
  EXPECT_EQ(parse_date("2024-03-01"), ymd(2024, 3, 1));
  EXPECT_EQ(parse_date("1999-12-31"), ymd(1999, 12, 31));
}

TEST(ParseDate, AcceptsTheLeapDayOnlyInLeapYears) {
  EXPECT_EQ(parse_date("2024-02-29"), ymd(2024, 2, 29));
  EXPECT_EQ(parse_date("2000-02-29"), ymd(2000, 2, 29));  // divisible by 400: leap
  EXPECT_FALSE(try_parse_date("2023-02-29"));
  EXPECT_FALSE(try_parse_date("1900-02-29"));  // divisible by 100, not 400: not leap
}

TEST(ParseDate, RejectsEverythingButTenCharacterYyyyMmDd) {
  for (const char* bad :
       {"", "2024-3-01", "2024-03-1", "24-03-01", "2024/03/01", "20240301", "2024-03-01T00:00",
        " 2024-03-01", "2024-03-01 ", "2024-13-01", "2024-00-10", "2024-04-31", "2024-04-00",
        "+024-03-01", "2024-0a-01", "２０２４-03-01"}) {
    EXPECT_FALSE(try_parse_date(bad)) << "accepted \"" << bad << "\"";
  }
}

TEST(ParseDate, ThrowsInvalidDateQuotingTheText) {
  EXPECT_THAT([] { (void)parse_date("2023-02-29"); },
              ThrowsMessage<fairport::input_error>(
                  testing::StrEq("[fairport.input.105] not an ISO calendar date YYYY-MM-DD: "
                                 "\"2023-02-29\"")));
  try {
    (void)parse_date("31.12.2024");
    FAIL() << "no exception";
  } catch (const fairport::error& e) {
    EXPECT_EQ(e.code(), fairport::errc::invalid_date);
  }
}

TEST(ParseDate, TryFormIsNoexcept) {
  static_assert(noexcept(try_parse_date(std::string_view{})));
  SUCCEED();
}

TEST(FormatDate, PadsMonthDayAndYear) {
  EXPECT_EQ(format_date(ymd(2024, 1, 5)), "2024-01-05");
  EXPECT_EQ(format_date(ymd(987, 11, 30)), "0987-11-30");
}

TEST(FormatDate, RoundTripsWithParse) {
  for (const char* s : {"2024-02-29", "1970-01-01", "9999-12-31", "0001-01-01"}) {
    EXPECT_EQ(format_date(parse_date(s)), s);
  }
}

TEST(ValidityInterval, StoresInclusiveThroughAsExclusiveEnd) {
  const validity_interval v(ymd(2024, 1, 1), ymd(2025, 6, 30));
  EXPECT_EQ(v.begin(), date::sys_days{ymd(2024, 1, 1)});
  EXPECT_EQ(v.end(), date::sys_days{ymd(2025, 7, 1)});  // the day after "through"
  EXPECT_EQ(v.from(), ymd(2024, 1, 1));
  ASSERT_TRUE(v.through());
  EXPECT_EQ(*v.through(), ymd(2025, 6, 30));
  EXPECT_FALSE(v.is_open_ended());
}

TEST(ValidityInterval, OpenEndedHasNoThroughAndEndsAtMax) {
  const validity_interval v(ymd(2024, 1, 1));
  EXPECT_TRUE(v.is_open_ended());
  EXPECT_FALSE(v.through());
  EXPECT_EQ(v.end(), date::sys_days::max());
  EXPECT_EQ(v, validity_interval::open_ended(ymd(2024, 1, 1)));
}

TEST(ValidityInterval, ContainsBothInclusiveEndsAndNothingOutside) {
  const validity_interval v(ymd(2024, 1, 1), ymd(2024, 12, 31));
  EXPECT_FALSE(v.contains(ymd(2023, 12, 31)));
  EXPECT_TRUE(v.contains(ymd(2024, 1, 1)));
  EXPECT_TRUE(v.contains(ymd(2024, 6, 15)));
  EXPECT_TRUE(v.contains(ymd(2024, 12, 31)));
  EXPECT_FALSE(v.contains(ymd(2025, 1, 1)));
}

TEST(ValidityInterval, OneDayIntervalContainsExactlyThatDay) {
  const validity_interval v(ymd(2024, 2, 29), ymd(2024, 2, 29));
  EXPECT_TRUE(v.contains(ymd(2024, 2, 29)));
  EXPECT_FALSE(v.contains(ymd(2024, 2, 28)));
  EXPECT_FALSE(v.contains(ymd(2024, 3, 1)));
}

TEST(ValidityInterval, OpenEndedContainsTheFarFuture) {
  const validity_interval v(ymd(2024, 1, 1));
  EXPECT_TRUE(v.contains(ymd(9999, 12, 31)));
  EXPECT_FALSE(v.contains(ymd(2023, 12, 31)));
}

TEST(ValidityInterval, NeverContainsAnInvalidDate) {
  const validity_interval v(ymd(2024, 1, 1));
  EXPECT_FALSE(v.contains(ymd(2024, 2, 30)));
}

TEST(ValidityInterval, AdjacentIntervalsDoNotOverlap) {
  const validity_interval a(ymd(2024, 1, 1), ymd(2024, 6, 30));
  const validity_interval b(ymd(2024, 7, 1), ymd(2024, 12, 31));
  EXPECT_FALSE(a.overlaps(b));
  EXPECT_FALSE(b.overlaps(a));
  EXPECT_EQ(a.end(), b.begin());
}

TEST(ValidityInterval, IntervalsSharingOneDayOverlap) {
  const validity_interval a(ymd(2024, 1, 1), ymd(2024, 7, 1));
  const validity_interval b(ymd(2024, 7, 1), ymd(2024, 12, 31));
  EXPECT_TRUE(a.overlaps(b));
  EXPECT_TRUE(b.overlaps(a));
}

TEST(ValidityInterval, OpenEndedOverlapsEveryLaterInterval) {
  const validity_interval open(ymd(2024, 1, 1));
  EXPECT_TRUE(open.overlaps(validity_interval(ymd(2030, 1, 1), ymd(2030, 1, 1))));
  EXPECT_TRUE(open.overlaps(validity_interval(ymd(2020, 1, 1))));
  EXPECT_FALSE(open.overlaps(validity_interval(ymd(2020, 1, 1), ymd(2023, 12, 31))));
  EXPECT_TRUE(open.overlaps(open));
}

TEST(ValidityInterval, ContainedIntervalOverlaps) {
  const validity_interval outer(ymd(2020, 1, 1), ymd(2030, 12, 31));
  const validity_interval inner(ymd(2024, 5, 1), ymd(2024, 5, 31));
  EXPECT_TRUE(outer.overlaps(inner));
  EXPECT_TRUE(inner.overlaps(outer));
}

TEST(ValidityInterval, ThroughBeforeFromThrowsInvalidArgument) {
  EXPECT_THAT([] { validity_interval(ymd(2024, 7, 1), ymd(2024, 6, 30)); },
              ThrowsMessage<fairport::input_error>(
                  testing::StrEq("[fairport.input.106] validity ends on 2024-06-30, before it "
                                 "starts on 2024-07-01")));
}

TEST(ValidityInterval, InvalidDatesThrowInvalidDate) {
  EXPECT_THAT([] { validity_interval(ymd(2023, 2, 29)); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.105]")));
  EXPECT_THAT([] { validity_interval(ymd(2023, 2, 1), ymd(2023, 2, 30)); },
              ThrowsMessage<fairport::input_error>(HasSubstr("[fairport.input.105]")));
}

TEST(ValidityInterval, PrintsInclusiveBracketsOrOpen) {
  std::ostringstream os;
  os << validity_interval(ymd(2024, 1, 1), ymd(2025, 6, 30)) << ' '
     << validity_interval(ymd(2024, 1, 1));
  EXPECT_EQ(os.str(), "[2024-01-01, 2025-06-30] [2024-01-01, open)");
}

TEST(ValidityInterval, EqualityComparesDays) {
  EXPECT_EQ(validity_interval(ymd(2024, 1, 1), ymd(2024, 1, 31)),
            validity_interval(parse_date("2024-01-01"), parse_date("2024-01-31")));
  EXPECT_NE(validity_interval(ymd(2024, 1, 1), ymd(2024, 1, 31)),
            validity_interval(ymd(2024, 1, 1)));
}

TEST(ValidityInterval, IsAnExplicitTriviallyCopyableValue) {
  static_assert(std::is_trivially_copyable_v<validity_interval>);
  static_assert(!std::is_convertible_v<year_month_day, validity_interval>);
  static_assert(!std::is_default_constructible_v<validity_interval>);
  SUCCEED();
}

}  // namespace
