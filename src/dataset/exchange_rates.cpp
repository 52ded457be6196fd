// THE exchange-rate rule (fairport/data/exchange_rates.hpp).
#include "fairport/data/exchange_rates.hpp"

#include <string>
#include <utility>

FAIRPORT_BEGIN_NAMESPACE

void fx_rate_table::add(const validity_interval& validity, fx_rate r) {
  series_[{r.base(), r.quote()}].insert(validity, std::move(r));
}

const fx_rate* fx_rate_table::try_at(currency_code base, currency_code quote,
                                     const date::year_month_day& as_of) const noexcept {
  auto it = series_.find({base, quote});
  return it == series_.end() ? nullptr : it->second.try_at(as_of);
}

const fx_rate& fx_rate_table::at(currency_code base, currency_code quote,
                                 const date::year_month_day& as_of) const {
  if (const auto* r = try_at(base, quote, as_of)) return *r;
  detail::throw_error(errc::no_valid_record, "no " + base.to_string() + "->" + quote.to_string() +
                                                 " exchange rate valid on " + format_date(as_of));
}

namespace {

using date::sys_days;

/// One direction's answer among the caller's rates: the chosen rate, or a conflict.
struct pick {
  const fx_rate* rate = nullptr;
  const fx_rate* other = nullptr;  ///< a second rate of the same day with another figure
  bool repeated = false;           ///< a second rate of the same day with the same figure
};

/// Among `given` from -> to of basis `basis` dated in [first, last], the latest; a second one of
/// the same day with a different figure is a conflict.
pick latest_in(const std::vector<fx_rate>& given, currency_code from, currency_code to,
               rate_basis basis, sys_days first, sys_days last, bool any_basis) noexcept {
  pick p;
  for (const auto& r : given) {
    if (r.base() != from || r.quote() != to) continue;
    if (!any_basis && r.basis() != basis) continue;
    const sys_days d{r.date()};
    if (d < first || d > last) continue;
    if (p.rate == nullptr || d > sys_days{p.rate->date()}) {
      p = {&r, nullptr, false};
    } else if (d == sys_days{p.rate->date()} && r.rate() != p.rate->rate() && !p.other) {
      p.other = &r;
    } else if (d == sys_days{p.rate->date()} && r.rate() == p.rate->rate()) {
      p.repeated = true;
    }
  }
  return p;
}

selected_rate answer(const pick& p, bool inverse, rate_origin origin) noexcept {
  selected_rate s;
  s.rate = p.rate;
  s.inverse = inverse;
  s.origin = origin;
  s.other = p.other;
  s.repeated = p.repeated;
  s.outcome = p.other != nullptr ? rate_outcome::conflicting : rate_outcome::found;
  return s;
}

/// Direct before inverse, among the caller's rates chosen by `find(from, to)`.
template <class Find>
selected_rate either_way(currency_code from, currency_code to, Find find) noexcept {
  if (const pick p = find(from, to); p.rate) return answer(p, false, rate_origin::given);
  if (const pick p = find(to, from); p.rate) return answer(p, true, rate_origin::given);
  return {};
}

selected_rate from_builtin(currency_code from, currency_code to, const date::year_month_day& as_of,
                           const fx_rate_table* builtin) noexcept {
  if (builtin == nullptr) return {};
  if (const fx_rate* r = builtin->try_at(from, to, as_of)) {
    return answer({r, nullptr, false}, false, rate_origin::builtin);
  }
  if (const fx_rate* r = builtin->try_at(to, from, as_of)) {
    return answer({r, nullptr, false}, true, rate_origin::builtin);
  }
  return {};
}

/// Art. 146: the caller's rate of the month, else the caller's fixing of the penultimate
/// Wednesday of the month before (or the last given in the six days before it), else built in.
selected_rate customs_month_rate(currency_code from, currency_code to,
                                 const date::year_month_day& as_of,
                                 const std::vector<fx_rate>& given,
                                 const fx_rate_table* builtin) noexcept {
  const date::year_month month{as_of.year(), as_of.month()};
  const sys_days first{month / date::day{1}};
  selected_rate s = either_way(from, to, [&](currency_code a, currency_code b) {
    return latest_in(given, a, b, rate_basis::month, first, first, false);
  });
  if (s.outcome != rate_outcome::none) return s;
  const sys_days wednesday{penultimate_wednesday(month - date::months{1})};
  s = either_way(from, to, [&](currency_code a, currency_code b) {
    return latest_in(given, a, b, rate_basis::fixing, wednesday - date::days{6}, wednesday, false);
  });
  if (s.outcome != rate_outcome::none) {
    s.published_before = sys_days{s.rate->date()} != wednesday;
    return s;
  }
  return from_builtin(from, to, as_of, builtin);
}

std::string pair_text(currency_code from, currency_code to) {
  return from.to_string() + "->" + to.to_string();
}

}  // namespace

date::year_month_day penultimate_wednesday(date::year_month month) noexcept {
  const date::year_month_day last{month / date::last};
  const date::weekday wd{sys_days{last}};
  const auto back = (wd - date::Wednesday).count();  // days from the last Wednesday to the end
  return date::year_month_day{sys_days{last} - date::days{back} - date::days{7}};
}

std::string month_name(date::year_month month) {
  static const char* const names[] = {"January", "February", "March",     "April",
                                      "May",     "June",     "July",      "August",
                                      "September", "October", "November", "December"};
  const unsigned m = static_cast<unsigned>(month.month());
  return std::string(names[(m - 1) % 12]) + " " + std::to_string(static_cast<int>(month.year()));
}

std::string_view rate_rule_reference(rate_rule rule) noexcept {
  return rule == rate_rule::customs_month
             ? "Regulation (EU) No 952/2013 (Union Customs Code), Art. 53; Commission "
               "Implementing Regulation (EU) 2015/2447, Art. 146"
             : "the caller's dated rates (latest on or before the date)";
}

selected_rate select_rate(currency_code from, currency_code to, const date::year_month_day& as_of,
                          rate_rule rule, const std::vector<fx_rate>& given,
                          const fx_rate_table* builtin) noexcept {
  if (from == to || !as_of.ok()) return {};
  if (rule == rate_rule::customs_month) return customs_month_rate(from, to, as_of, given, builtin);
  const sys_days day{as_of};
  selected_rate s = either_way(from, to, [&](currency_code a, currency_code b) {
    return latest_in(given, a, b, rate_basis::month, sys_days::min(), day, true);
  });
  if (s.outcome != rate_outcome::none) return s;
  return from_builtin(from, to, as_of, builtin);
}

conversion_path select_conversion(currency_code from, currency_code to,
                                  const date::year_month_day& as_of, rate_rule rule,
                                  const std::vector<fx_rate>& given,
                                  const fx_rate_table* builtin) noexcept {
  conversion_path p;
  p.first = select_rate(from, to, as_of, rule, given, builtin);
  p.outcome = p.first.outcome;
  const currency_code eur = currency_code::parse("EUR");
  if (p.outcome != rate_outcome::none || from == eur || to == eur || from == to) return p;
  const selected_rate a = select_rate(from, eur, as_of, rule, given, builtin);
  const selected_rate b = select_rate(eur, to, as_of, rule, given, builtin);
  if (a.outcome == rate_outcome::conflicting || b.outcome == rate_outcome::conflicting) {
    p.first = a.outcome == rate_outcome::conflicting ? a : b;
    p.outcome = rate_outcome::conflicting;
  } else if (a && b) {
    p.first = a;
    p.second = b;
    p.outcome = rate_outcome::found;
  }
  return p;
}

conversion_path require_conversion(currency_code from, currency_code to,
                                   const date::year_month_day& as_of, rate_rule rule,
                                   const std::vector<fx_rate>& given,
                                   const fx_rate_table* builtin) {
  const conversion_path p = select_conversion(from, to, as_of, rule, given, builtin);
  if (p.outcome == rate_outcome::conflicting) {
    detail::throw_error(errc::invalid_argument, conflicting_rates_message(p.first));
  }
  if (!p) detail::throw_error(errc::no_valid_record, no_rate_message(from, to, as_of, rule));
  return p;
}

std::string no_rate_message(currency_code from, currency_code to, const date::year_month_day& as_of,
                            rate_rule rule) {
  if (rule == rate_rule::latest_on_date) {
    return "no exchange rate " + pair_text(from, to) + " (or " + pair_text(to, from) +
           ") dated on or before " + format_date(as_of) +
           " was given, and none is built in: give one (a rate is never guessed)";
  }
  const date::year_month month{as_of.year(), as_of.month()};
  const date::year_month before = month - date::months{1};
  return "no customs exchange rate " + pair_text(from, to) + " for " + month_name(month) +
         ": the rate published on the penultimate Wednesday of " + month_name(before) + " (" +
         format_date(penultimate_wednesday(before)) + ") applies for the whole month (" +
         std::string(rate_rule_reference(rule)) + "); give it in the exchange rates (basis month, dated " +
         format_date(month / date::day{1}) + "; or the ECB fixing of that Wednesday, basis " +
         "fixing), or import a newer ECB file with `fairport data import ecb FILE`; a rate of " +
         "another month is never used";
}

std::string conflicting_rates_message(const selected_rate& s) {
  if (s.rate == nullptr || s.other == nullptr) return {};
  return "two exchange rates " + pair_text(s.rate->base(), s.rate->quote()) + " of " +
         format_date(s.rate->date()) + " differ: " + s.rate->rate().to_string() + " (" +
         s.rate->source() + ") and " + s.other->rate().to_string() + " (" + s.other->source() +
         "); keep the one the declaration uses (a rate is never chosen between)";
}

std::string rate_explanation(const selected_rate& s, const date::year_month_day& as_of,
                             rate_rule rule) {
  if (s.rate == nullptr) return {};
  const fx_rate& r = *s.rate;
  if (rule == rate_rule::latest_on_date) {
    return "the latest rate on or before " + format_date(as_of) + ", dated " + format_date(r.date());
  }
  const date::year_month month{as_of.year(), as_of.month()};
  std::string t = "the customs rate of " + month_name(month);
  if (r.basis() == rate_basis::fixing) {
    const date::year_month before = month - date::months{1};
    t += " (the fixing published on " + format_date(r.date()) +
         (s.published_before
              ? ", the last one given before the penultimate Wednesday of " + month_name(before) +
                    ", " + format_date(penultimate_wednesday(before)) +
                    ": check that no rate was published on that Wednesday"
              : ", the penultimate Wednesday of " + month_name(before)) +
         ")";
  }
  return t;
}

FAIRPORT_END_NAMESPACE
