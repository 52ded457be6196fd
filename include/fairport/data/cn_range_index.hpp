#pragma once
/// @file data/cn_range_index.hpp
/// THE lookup of "the narrowest CN range that holds this code": one definition, used by the
/// tariff, the GSP product coverage (and its withdrawals) and the list rules of origin, and
/// through them by every engine.
///
/// Synopsis
/// @code
/// struct cn_range { std::uint64_t from, through; };      // two 10-digit codes as numbers
/// cn_range cn_range_of(const tariff_code&) noexcept;     // "5704" = 5704000000..5704999999
/// cn_range parse_cn_range(std::string_view from, std::string_view through);   // 10 digits each
/// enum class cn_match { found, none, depends_on_subcode };
/// struct cn_lookup { cn_match match; std::uint32_t id; };
/// class cn_range_index {
///   std::optional<std::uint32_t> crossing(cn_range, const validity_interval&) const noexcept;
///   void add(cn_range, const validity_interval&, std::uint32_t id);
///   cn_lookup find(const tariff_code&, const date::year_month_day&) const noexcept;
///   cn_match find_all(const tariff_code&, const date::year_month_day&, std::vector<std::uint32_t>&) const;
/// };
/// @endcode
///
/// The rule: a code of 2 to 10 digits stands for every 10-digit code that starts with it. Among
/// the entries valid on the date whose range holds *all* of those codes, the narrowest one
/// (the smallest `through - from`) answers. When an entry valid on the date lies partly inside
/// the code's range without holding all of it, the answer depends on the sub-code: the match is
/// `depends_on_subcode` (the caller asks for a longer code), never the wider entry, which would
/// be a guess. `none` means that no entry holds the code on the date.
///
/// Ranges must nest: two entries whose validity overlaps either hold one another or are
/// disjoint. `crossing()` finds an entry that breaks this, for the loader to refuse
/// ([fairport.data.315]). Entries of the same range may coexist (a list rule's sub-rows);
/// `find_all` returns every one of them.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/hs_code.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A range of 10-digit CN codes, both ends inclusive, as numbers.
struct cn_range {
  std::uint64_t from = 0;
  std::uint64_t through = 0;

  /// through - from: the measure of "narrowest".
  constexpr std::uint64_t width() const noexcept { return through - from; }
  /// True when every code of `o` is in this range.
  constexpr bool holds(const cn_range& o) const noexcept {
    return from <= o.from && o.through <= through;
  }
  /// True when the two ranges share a code.
  constexpr bool meets(const cn_range& o) const noexcept {
    return from <= o.through && o.from <= through;
  }
  friend constexpr bool operator==(const cn_range& a, const cn_range& b) noexcept {
    return a.from == b.from && a.through == b.through;
  }
};

/// The 10-digit codes a code of 2 to 10 digits stands for: "5704" is 5704000000 to 5704999999.
cn_range cn_range_of(const tariff_code& code) noexcept;

/// Two 10-digit codes as a range.
/// @throws input_error [fairport.input.104] unless both are 10 digits and from <= through.
cn_range parse_cn_range(std::string_view from, std::string_view through);

/// How a lookup ended.
enum class cn_match : unsigned char {
  found,               ///< the narrowest entry holding the code
  none,                ///< no entry holds the code on the date
  depends_on_subcode,  ///< entries below the code differ: a longer code is needed
};

/// "found", "none", "depends_on_subcode".
constexpr std::string_view to_string(cn_match m) noexcept {
  switch (m) {
    case cn_match::found: return "found";
    case cn_match::none: return "none";
    case cn_match::depends_on_subcode: return "depends_on_subcode";
  }
  return "none";
}

/// The answer of cn_range_index::find: the entry's id when `match` is found.
struct cn_lookup {
  cn_match match = cn_match::none;
  std::uint32_t id = 0;

  bool found() const noexcept { return match == cn_match::found; }
};

/// Dated CN ranges, each with the id of the owner's record, bucketed by HS chapter. Immutable
/// once built; lookups never allocate (find) and are safe from many threads.
class cn_range_index {
 public:
  /// An entry whose range crosses `range` (they share codes, neither holds the other) and whose
  /// validity overlaps `validity`, or nullopt. Complexity: linear in the entries of the chapters
  /// the range spans.
  std::optional<std::uint32_t> crossing(const cn_range& range,
                                        const validity_interval& validity) const noexcept;

  /// Adds an entry (no check: call crossing() first).
  void add(const cn_range& range, const validity_interval& validity, std::uint32_t id);

  /// The narrowest entry valid on `as_of` holding every code `code` stands for (see the file
  /// comment). Among entries of the same narrowest range, the first added.
  cn_lookup find(const tariff_code& code, const date::year_month_day& as_of) const noexcept;

  /// As find(), with the ids of every entry of the narrowest range in `out` (cleared first;
  /// empty unless the match is found), in the order they were added.
  cn_match find_all(const tariff_code& code, const date::year_month_day& as_of,
                    std::vector<std::uint32_t>& out) const;

  /// Number of entries.
  std::size_t size() const noexcept { return size_; }

 private:
  struct entry {
    cn_range range;
    std::int32_t begin, end;  ///< days since 1970-01-01, half-open
    std::uint32_t id;
  };
  template <class F>
  cn_match scan(const tariff_code& code, const date::year_month_day& as_of, F&& on_best) const;

  std::vector<entry> buckets_[100];  ///< by the chapters (first two digits) a range spans
  std::size_t size_ = 0;
};

FAIRPORT_END_NAMESPACE
