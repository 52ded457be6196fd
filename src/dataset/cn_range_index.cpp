// THE narrowest-CN-range lookup (see fairport/data/cn_range_index.hpp).
#include "fairport/data/cn_range_index.hpp"

#include <limits>
#include <string>

FAIRPORT_BEGIN_NAMESPACE

namespace {

constexpr std::uint64_t per_chapter = 100000000ULL;  // 10-digit codes per two-digit chapter

std::int32_t day_number(date::sys_days d) noexcept {
  return static_cast<std::int32_t>(d.time_since_epoch().count());
}

std::int32_t begin_of(const validity_interval& v) noexcept { return day_number(v.begin()); }
std::int32_t end_of(const validity_interval& v) noexcept {
  return v.is_open_ended() ? std::numeric_limits<std::int32_t>::max() : day_number(v.end());
}

bool all_digits(std::string_view s) noexcept {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::uint64_t number_of(std::string_view ten) noexcept {
  std::uint64_t v = 0;
  for (char c : ten) v = v * 10 + static_cast<std::uint64_t>(c - '0');
  return v;
}

}  // namespace

cn_range cn_range_of(const tariff_code& code) noexcept {
  const auto d = code.digits();
  cn_range r;
  for (std::size_t i = 0; i < 10; ++i) {
    const std::uint64_t lo = i < d.size() ? static_cast<std::uint64_t>(d[i] - '0') : 0;
    const std::uint64_t hi = i < d.size() ? lo : 9;
    r.from = r.from * 10 + lo;
    r.through = r.through * 10 + hi;
  }
  return r;
}

cn_range parse_cn_range(std::string_view from, std::string_view through) {
  if (from.size() != 10 || through.size() != 10 || !all_digits(from) || !all_digits(through)) {
    detail::throw_error(errc::invalid_tariff_code,
                        "a CN range is two 10-digit codes, got \"" + std::string(from) + "\" to \"" +
                            std::string(through) + "\"");
  }
  const cn_range r{number_of(from), number_of(through)};
  if (r.through < r.from) {
    detail::throw_error(errc::invalid_tariff_code, "the CN range " + std::string(from) + " to " +
                                                       std::string(through) + " ends before it starts");
  }
  return r;
}

std::optional<std::uint32_t> cn_range_index::crossing(const cn_range& range,
                                                      const validity_interval& validity) const noexcept {
  const std::int32_t b = begin_of(validity), e = end_of(validity);
  const auto first = range.from / per_chapter, last = range.through / per_chapter;
  for (auto ch = first; ch <= last && ch < 100; ++ch) {
    for (const entry& x : buckets_[ch]) {
      if (x.begin >= e || b >= x.end) continue;  // never valid together
      if (x.range.meets(range) && !x.range.holds(range) && !range.holds(x.range)) return x.id;
    }
  }
  return std::nullopt;
}

void cn_range_index::add(const cn_range& range, const validity_interval& validity,
                         std::uint32_t id) {
  const entry e{range, begin_of(validity), end_of(validity), id};
  const auto first = range.from / per_chapter, last = range.through / per_chapter;
  for (auto ch = first; ch <= last && ch < 100; ++ch) buckets_[ch].push_back(e);
  ++size_;
}

template <class F>
cn_match cn_range_index::scan(const tariff_code& code, const date::year_month_day& as_of,
                              F&& on_best) const {
  if (!as_of.ok()) return cn_match::none;
  const cn_range want = cn_range_of(code);
  const std::int32_t day = day_number(date::sys_days{as_of});
  const auto& bucket = buckets_[want.from / per_chapter];
  const entry* best = nullptr;
  for (const entry& x : bucket) {
    if (day < x.begin || day >= x.end || !x.range.meets(want)) continue;
    // An entry inside the code's range that does not hold all of it: the sub-codes differ.
    if (!x.range.holds(want)) return cn_match::depends_on_subcode;
    if (best == nullptr || x.range.width() < best->range.width()) best = &x;
  }
  if (best == nullptr) return cn_match::none;
  for (const entry& x : bucket) {
    if (day >= x.begin && day < x.end && x.range == best->range) on_best(x.id);
  }
  return cn_match::found;
}

cn_lookup cn_range_index::find(const tariff_code& code,
                               const date::year_month_day& as_of) const noexcept {
  cn_lookup out;
  bool first = true;
  out.match = scan(code, as_of, [&](std::uint32_t id) {
    if (first) out.id = id;
    first = false;
  });
  return out;
}

cn_match cn_range_index::find_all(const tariff_code& code, const date::year_month_day& as_of,
                                  std::vector<std::uint32_t>& out) const {
  out.clear();
  return scan(code, as_of, [&](std::uint32_t id) { out.push_back(id); });
}

FAIRPORT_END_NAMESPACE
