#pragma once
/// @file calendar.hpp
/// Calendar dates and validity intervals for dated reference data.
///
/// Synopsis
/// @code
/// // Dates are Howard Hinnant's date::year_month_day (proleptic Gregorian).
/// date::year_month_day parse_date(std::string_view iso);               // strict "YYYY-MM-DD";
/// throws 105 std::optional<date::year_month_day> try_parse_date(std::string_view iso) noexcept;
/// std::string format_date(const date::year_month_day&);                 // "2024-01-31"
///
/// class validity_interval {            // inclusive [from, through] on disk, half-open [begin,
/// end) in memory
///   explicit validity_interval(year_month_day from, std::optional<year_month_day> through = {});
///                                      // throws 105 if a date is not ok(), 106 if through < from
///   static validity_interval open_ended(year_month_day from);   // [from, open)
///   year_month_day from() const noexcept;                          // first valid day
///   std::optional<year_month_day> through() const noexcept;        // last valid day; nullopt =
///   open bool is_open_ended() const noexcept; date::sys_days begin() const noexcept; // ==
///   sys_days{from()} date::sys_days end() const noexcept;                           // through()+1
///   day, or sys_days::max() bool contains(const year_month_day&) const noexcept; bool
///   contains(date::sys_days) const noexcept; bool overlaps(const validity_interval&) const
///   noexcept;        // share at least one day std::string to_string() const; // "[2024-01-01,
///   2025-06-30]", "[2024-01-01, open)" friend bool operator==, !=;
/// };
/// std::ostream& operator<<(std::ostream&, const validity_interval&);
/// @endcode
///
/// Legal texts write validity as inclusive dates ("from 1 January 2024 to 30 June 2025"), and so
/// do fairport's dataset files. In memory an interval is half-open on `date::sys_days`, as
/// `date::sys_info` is, so that adjacent intervals [a, b) [b, c) neither overlap nor leave a gap.

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "fairport/config.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Parses a strict ISO 8601 calendar date "YYYY-MM-DD" (exactly 10 characters, ASCII digits,
/// '-' separators, a real calendar day: 2024-02-29 is accepted, 2023-02-29 is not). Returns
/// nullopt instead of throwing. Complexity: constant; does not allocate.
inline std::optional<date::year_month_day> try_parse_date(std::string_view iso) noexcept {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  auto digits = [iso](std::size_t pos, std::size_t n, int& out) noexcept {
    out = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
      const char c = iso[i];
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(m)},
                                 date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

/// Parses a strict ISO 8601 calendar date "YYYY-MM-DD".
/// @throws input_error [fairport.input.105] quoting the text when it is not a valid date.
inline date::year_month_day parse_date(std::string_view iso) {
  if (auto d = try_parse_date(iso)) return *d;
  detail::throw_error(errc::invalid_date,
                      "not an ISO calendar date YYYY-MM-DD: \"" + std::string(iso) + "\"");
}

/// Formats a date as "YYYY-MM-DD" (years outside 0..9999 get a sign or more digits, as ISO
/// 8601's expanded form). The fields are printed as stored; check `ok()` first if in doubt.
inline std::string format_date(const date::year_month_day& ymd) {
  const int y = static_cast<int>(ymd.year());
  const unsigned m = static_cast<unsigned>(ymd.month());
  const unsigned d = static_cast<unsigned>(ymd.day());
  std::string s;
  unsigned ay = static_cast<unsigned>(y < 0 ? -y : y);
  if (y < 0) s += '-';
  std::string ys = std::to_string(ay);
  if (ys.size() < 4) s.append(4 - ys.size(), '0');
  s += ys;
  s += '-';
  s += static_cast<char>('0' + (m / 10) % 10);
  s += static_cast<char>('0' + m % 10);
  s += '-';
  s += static_cast<char>('0' + (d / 10) % 10);
  s += static_cast<char>('0' + d % 10);
  return s;
}

/// The days on which a dated record is valid: inclusive `from` and optional inclusive `through`
/// (as written in legal texts and dataset files), held as the half-open range [begin, end) of
/// `date::sys_days`. An open-ended interval has `end() == date::sys_days::max()`.
/// Trivially copyable; every accessor is noexcept.
class validity_interval {
 public:
  /// [from, through], or [from, open) when `through` is nullopt.
  /// @throws input_error [fairport.input.105] if a date is not a valid calendar date;
  ///         input_error [fairport.input.106] if `through` is before `from`.
  explicit validity_interval(const date::year_month_day& from,
                             const std::optional<date::year_month_day>& through = std::nullopt) {
    if (!from.ok()) {
      detail::throw_error(errc::invalid_date, "validity start is not a valid calendar date");
    }
    begin_ = date::sys_days{from};
    if (!through) {
      end_ = date::sys_days::max();
      return;
    }
    if (!through->ok()) {
      detail::throw_error(errc::invalid_date, "validity end is not a valid calendar date");
    }
    const date::sys_days last{*through};
    if (last < begin_) {
      detail::throw_error(errc::invalid_argument, "validity ends on " + format_date(*through) +
                                                      ", before it starts on " + format_date(from));
    }
    end_ = last + date::days{1};
  }

  /// [from, open). @throws input_error [fairport.input.105] if `from` is not a valid date.
  static validity_interval open_ended(const date::year_month_day& from) {
    return validity_interval(from, std::nullopt);
  }

  /// The first valid day (inclusive).
  date::year_month_day from() const noexcept { return date::year_month_day{begin_}; }
  /// The last valid day (inclusive), or nullopt when open-ended.
  std::optional<date::year_month_day> through() const noexcept {
    if (is_open_ended()) return std::nullopt;
    return date::year_month_day{end_ - date::days{1}};
  }
  /// True if the interval has no last day.
  bool is_open_ended() const noexcept { return end_ == date::sys_days::max(); }
  /// The first valid day as sys_days (inclusive bound).
  date::sys_days begin() const noexcept { return begin_; }
  /// The day after the last valid day (exclusive bound), or sys_days::max() when open-ended.
  date::sys_days end() const noexcept { return end_; }

  /// True if `day` is in [begin, end).
  bool contains(date::sys_days day) const noexcept { return begin_ <= day && day < end_; }
  /// True if `day` is in [from, through]. An invalid date (not ok()) is never contained.
  bool contains(const date::year_month_day& day) const noexcept {
    return day.ok() && contains(date::sys_days{day});
  }
  /// True if the two intervals share at least one day. Adjacent intervals do not overlap.
  bool overlaps(const validity_interval& other) const noexcept {
    return begin_ < other.end_ && other.begin_ < end_;
  }

  /// "[2024-01-01, 2025-06-30]" (both ends inclusive) or "[2024-01-01, open)".
  std::string to_string() const {
    std::string s = "[" + format_date(from()) + ", ";
    if (auto t = through()) {
      s += format_date(*t);
      s += ']';
    } else {
      s += "open)";
    }
    return s;
  }

  /// Same days.
  friend bool operator==(const validity_interval& a, const validity_interval& b) noexcept {
    return a.begin_ == b.begin_ && a.end_ == b.end_;
  }
  friend bool operator!=(const validity_interval& a, const validity_interval& b) noexcept {
    return !(a == b);
  }
  /// Writes to_string().
  friend std::ostream& operator<<(std::ostream& os, const validity_interval& v) {
    return os << v.to_string();
  }

 private:
  date::sys_days begin_;
  date::sys_days end_;
};

FAIRPORT_END_NAMESPACE
