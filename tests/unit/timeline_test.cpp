// Tests for include/fairport/timeline.hpp: sorted, non-overlapping dated records.
#include "fairport/timeline.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace {

using date::year_month_day;
using fairport::parse_date;
using fairport::timeline;
using fairport::validity_interval;
using testing::HasSubstr;
using testing::StrEq;
using testing::ThrowsMessage;

validity_interval iv(const char* from, const char* through) {
  return validity_interval(parse_date(from), parse_date(through));
}
validity_interval iv(const char* from) { return validity_interval(parse_date(from)); }

TEST(Timeline, FindsTheRecordValidOnEachDay) {
  timeline<std::string> t;
  t.insert(iv("2020-01-01", "2022-12-31"), "old");
  t.insert(iv("2023-01-01"), "new");
  EXPECT_EQ(t.at(parse_date("2020-01-01")), "old");
  EXPECT_EQ(t.at(parse_date("2022-12-31")), "old");
  EXPECT_EQ(t.at(parse_date("2023-01-01")), "new");
  EXPECT_EQ(t.at(parse_date("2099-06-30")), "new");
}

TEST(Timeline, KeepsRecordsSortedWhateverTheInsertOrder) {
  timeline<int> t;
  t.insert(iv("2024-01-01", "2024-12-31"), 2024);
  t.insert(iv("2022-01-01", "2022-12-31"), 2022);
  t.insert(iv("2025-01-01"), 2025);
  t.insert(iv("2023-01-01", "2023-12-31"), 2023);
  std::vector<int> order;
  for (const auto& e : t) order.push_back(e.value);
  EXPECT_EQ(order, (std::vector<int>{2022, 2023, 2024, 2025}));
  EXPECT_EQ(t.size(), 4u);
  for (int y : {2022, 2023, 2024, 2025}) {
    const year_month_day mid{date::year{y}, date::month{6}, date::day{15}};
    EXPECT_EQ(t.at(mid), y) << "year " << y;
  }
}

TEST(Timeline, IterationYieldsIntervalsWithValues) {
  timeline<int> t;
  t.insert(iv("2024-07-01"), 2);
  t.insert(iv("2024-01-01", "2024-06-30"), 1);
  auto it = t.begin();
  ASSERT_NE(it, t.end());
  EXPECT_EQ(it->validity, iv("2024-01-01", "2024-06-30"));
  EXPECT_EQ(it->value, 1);
  ++it;
  EXPECT_EQ(it->validity, iv("2024-07-01"));
  ++it;
  EXPECT_EQ(it, t.end());
}

TEST(Timeline, GapsFindNothing) {
  timeline<int> t;
  t.insert(iv("2020-01-01", "2020-12-31"), 1);
  t.insert(iv("2022-01-01", "2022-12-31"), 2);
  EXPECT_EQ(t.try_at(parse_date("2019-12-31")), nullptr);  // before the first
  EXPECT_EQ(t.try_at(parse_date("2021-06-01")), nullptr);  // in the gap
  EXPECT_EQ(t.try_at(parse_date("2023-01-01")), nullptr);  // after the last
  ASSERT_NE(t.try_at(parse_date("2022-12-31")), nullptr);
  EXPECT_EQ(*t.try_at(parse_date("2022-12-31")), 2);
}

TEST(Timeline, TryAtOnAnEmptyTimelineIsNull) {
  const timeline<int> t;
  EXPECT_EQ(t.try_at(parse_date("2024-01-01")), nullptr);
  EXPECT_TRUE(t.empty());
  EXPECT_FALSE(t.coverage());
}

TEST(Timeline, TryAtPointsIntoTheStoredRecord) {
  timeline<int> t;
  t.insert(iv("2024-01-01"), 7);
  const int* p = t.try_at(parse_date("2024-05-05"));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p, &t.begin()->value);
  const auto* e = t.try_entry_at(parse_date("2024-05-05"));
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->validity, iv("2024-01-01"));
  static_assert(noexcept(t.try_at(std::declval<year_month_day>())));
}

TEST(Timeline, AtThrowsNoValidRecordNamingTheDateAndSpan) {
  timeline<int> t;
  t.insert(iv("2020-01-01", "2020-12-31"), 1);
  t.insert(iv("2022-01-01", "2022-12-31"), 2);
  EXPECT_THAT([&] { (void)t.at(parse_date("2021-03-01")); },
              ThrowsMessage<fairport::no_valid_record>(
                  StrEq("[fairport.data.301] no record valid on 2021-03-01; the 2 records span "
                        "[2020-01-01, 2022-12-31]")));
  try {
    (void)t.at(parse_date("2019-03-01"));
    FAIL();
  } catch (const fairport::error& e) {
    EXPECT_EQ(e.code(), fairport::errc::no_valid_record);
  }
}

TEST(Timeline, AtOnAnEmptyTimelineSaysSo) {
  const timeline<int> t;
  EXPECT_THAT([&] { (void)t.at(parse_date("2024-03-01")); },
              ThrowsMessage<fairport::no_valid_record>(
                  StrEq("[fairport.data.301] no record valid on 2024-03-01; the timeline is "
                        "empty")));
}

TEST(Timeline, RejectsAnOverlapWithThePreviousRecordNamingBothIntervals) {
  timeline<int> t;
  t.insert(iv("2024-01-01", "2024-06-30"), 1);
  EXPECT_THAT([&] { t.insert(iv("2024-06-30", "2024-12-31"), 2); },
              ThrowsMessage<fairport::data_error>(
                  StrEq("[fairport.data.302] record valid [2024-06-30, 2024-12-31] overlaps "
                        "record valid [2024-01-01, 2024-06-30]")));
  EXPECT_EQ(t.size(), 1u);  // strong guarantee: nothing was added
}

TEST(Timeline, RejectsAnOverlapWithTheNextRecord) {
  timeline<int> t;
  t.insert(iv("2024-07-01"), 2);
  EXPECT_THAT([&] { t.insert(iv("2024-01-01", "2024-07-01"), 1); },
              ThrowsMessage<fairport::data_error>(
                  HasSubstr("[fairport.data.302] record valid [2024-01-01, 2024-07-01] overlaps "
                            "record valid [2024-07-01, open)")));
}

TEST(Timeline, RejectsARecordThatSwallowsAnotherAndTwoOpenEndedOnes) {
  timeline<int> t;
  t.insert(iv("2024-03-01", "2024-03-31"), 1);
  EXPECT_THROW(t.insert(iv("2024-01-01", "2024-12-31"), 2), fairport::data_error);
  EXPECT_THROW(t.insert(iv("2024-03-15", "2024-03-15"), 3), fairport::data_error);
  timeline<int> open;
  open.insert(iv("2024-01-01"), 1);
  EXPECT_THROW(open.insert(iv("2030-01-01"), 2), fairport::data_error);
  EXPECT_THROW(open.insert(iv("2000-01-01"), 2), fairport::data_error);
  EXPECT_THROW(open.insert(iv("2024-01-01"), 2), fairport::data_error);  // identical
}

TEST(Timeline, AcceptsAdjacentRecordsOnBothSides) {
  timeline<int> t;
  t.insert(iv("2024-01-01", "2024-01-31"), 1);
  t.insert(iv("2024-03-01", "2024-03-31"), 3);
  t.insert(iv("2024-02-01", "2024-02-29"), 2);  // fills the gap exactly
  EXPECT_EQ(t.at(parse_date("2024-01-31")), 1);
  EXPECT_EQ(t.at(parse_date("2024-02-01")), 2);
  EXPECT_EQ(t.at(parse_date("2024-02-29")), 2);
  EXPECT_EQ(t.at(parse_date("2024-03-01")), 3);
}

TEST(Timeline, CoverageRunsFromTheFirstFromToTheLastThrough) {
  timeline<int> t;
  t.insert(iv("2022-01-01", "2022-12-31"), 2);
  t.insert(iv("2020-05-01", "2020-12-31"), 1);
  ASSERT_TRUE(t.coverage());
  EXPECT_EQ(*t.coverage(), iv("2020-05-01", "2022-12-31"));
  t.insert(iv("2024-01-01"), 3);
  EXPECT_EQ(*t.coverage(), iv("2020-05-01"));
}

TEST(Timeline, HoldsMoveOnlyValues) {
  timeline<std::unique_ptr<int>> t;
  t.insert(iv("2024-01-01"), std::make_unique<int>(5));
  t.insert(iv("2023-01-01", "2023-12-31"), std::make_unique<int>(4));
  EXPECT_EQ(*t.at(parse_date("2023-02-02")), 4);
  EXPECT_EQ(*t.at(parse_date("2024-02-02")), 5);
}

TEST(Timeline, ManyRecordsAreEachFoundOnTheirFirstAndLastDay) {
  // 500 monthly records inserted back to front: every boundary must resolve to the right month.
  timeline<int> t;
  std::vector<validity_interval> months;
  date::year_month ym{date::year{1990}, date::month{1}};
  for (int i = 0; i < 500; ++i, ym += date::months{1}) {
    months.emplace_back(ym / 1, ym / date::last);
  }
  for (int i = 499; i >= 0; --i) t.insert(months[static_cast<std::size_t>(i)], i);
  for (int i = 0; i < 500; ++i) {
    const auto& m = months[static_cast<std::size_t>(i)];
    ASSERT_EQ(t.at(m.from()), i);
    ASSERT_EQ(t.at(*m.through()), i);
  }
  EXPECT_EQ(t.try_at(parse_date("1989-12-31")), nullptr);
}

}  // namespace
