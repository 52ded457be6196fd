// The fair-price engine: Fairtrade prices and contracts, living-income reference prices, the
// artisan cost-based fair price, implied earnings, price assessment and the price chain.
#include "fairport/pricing/fair_price.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

FAIRPORT_BEGIN_NAMESPACE

namespace detail {

decimal shown(const fraction& f, bool* exact) {
  if (auto e = f.exact()) {
    if (exact) *exact = true;
    return *e;
  }
  if (exact) *exact = false;
  return f.round(intermediate_scale, rounding_mode::half_even);
}

decimal trim(const decimal& d, int min_scale) { return fraction::trim_zeros(d, min_scale); }

std::string fmt_money(const decimal& d, currency_code c) {
  return money(d, c).to_string();
}

void require_non_negative(const decimal& d, const char* what) {
  if (d.is_negative()) {
    throw_error(errc::invalid_argument,
                std::string(what) + " cannot be negative, got " + d.to_string());
  }
}

void require_positive(const decimal& d, const char* what) {
  if (d.signum() <= 0) {
    throw_error(errc::invalid_argument,
                std::string(what) + " must be greater than zero, got " + d.to_string());
  }
}

void require_date(const date::year_month_day& d, const char* what) {
  if (!d.ok()) throw_error(errc::invalid_date, std::string(what) + " is not a calendar date");
}

void require_same_currency(const money& a, const money& b, const char* a_name, const char* b_name) {
  if (a.currency() != b.currency()) {
    throw_error(errc::currency_mismatch, std::string(a_name) + " (" + a.to_string() + ") and " +
                                             b_name + " (" + b.to_string() +
                                             ") must be in the same currency");
  }
}

fraction fx_factor(currency_code from, currency_code to, const date::year_month_day& as_of,
                   const std::vector<fx_rate>& rates, const fx_rate_table* builtin,
                   const fx_rate** used) {
  if (used) *used = nullptr;
  if (from == to) return fraction::of(decimal(1));
  const selected_rate r = select_rate(from, to, as_of, rate_rule::latest_on_date, rates, builtin);
  if (r.outcome == rate_outcome::conflicting) {
    throw_error(errc::invalid_argument, conflicting_rates_message(r));
  }
  if (!r) throw_error(errc::no_valid_record, no_rate_message(from, to, as_of, rate_rule::latest_on_date));
  if (used) *used = r.rate;
  return r.inverse ? fraction{decimal(1), r.rate->rate()} : fraction::of(r.rate->rate());
}

fraction operator*(const fraction& a, const fraction& b) {
  fraction r{a.num * b.num, a.den};
  if (!b.is_whole()) r.den = a.is_whole() ? b.den : a.den * b.den;
  return r;
}

std::string describe_fx(const fx_rate* r, currency_code from, currency_code to) {
  if (!r) return {};
  if (r->base() == from && r->quote() == to) return "x " + r->to_string();
  return "/ " + r->to_string();
}

const fairtrade_price_record& find_fairtrade_record(const fairtrade_query& q,
                                                    const reference_data& data, bool* fallback) {
  const auto& table = data.fairtrade_prices();
  *fallback = false;
  if (const auto* r = table.try_at(q.key, q.as_of)) return *r;
  if (q.key.region != "all") {
    fairtrade_price_key all = q.key;
    all.region = "all";
    if (const auto* r = table.try_at(all, q.as_of)) {
      *fallback = true;
      return *r;
    }
  }
  return table.at(q.key, q.as_of);  // throws [fairport.data.301]
}

unit<mass> record_mass_unit(const std::string& u) {
  if (u == "lb") return units::pound;
  if (u == "kg") return units::kilogram;
  if (u == "tonne" || u == "t") return units::tonne;
  return any_unit::parse(u).as<mass>();
}

fairtrade_setup resolve_fairtrade(const fairtrade_query& q, const reference_data& data) {
  require_date(q.as_of, "fairtrade_query.as_of");
  fairtrade_setup s;
  s.record = &find_fairtrade_record(q, data, &s.fallback);
  s.record_unit = record_mass_unit(s.record->unit);
  s.rc = s.record->currency;
  s.out_unit = q.per_unit ? *q.per_unit : s.record_unit;
  s.oc = q.currency ? *q.currency : s.rc;
  s.scale = q.scale ? *q.scale : data.currencies().minor_units(s.oc, q.as_of);
  // record terms -> answer terms: x fx x factor(answer unit) / factor(record unit)
  s.builtin = q.builtin_rates ? &data.exchange_rates() : nullptr;
  s.to_answer = fx_factor(s.rc, s.oc, q.as_of, q.exchange_rates, s.builtin, &s.answer_fx);
  if (!(s.out_unit == s.record_unit)) {
    s.to_answer = s.to_answer.times(s.out_unit.factor()).over(s.record_unit.factor());
  }
  s.identity_answer = s.rc == s.oc && s.out_unit == s.record_unit;
  const fairtrade_price_record& rec = *s.record;
  const decimal base = rec.minimum_price ? *rec.minimum_price + rec.premium : rec.premium;
  const decimal with_organic = rec.organic_differential ? base + *rec.organic_differential : base;
  s.floor_answer[0] = (fraction::of(base) * s.to_answer).round(s.scale, q.mode);
  s.floor_answer[1] = (fraction::of(with_organic) * s.to_answer).round(s.scale, q.mode);
  return s;
}

namespace {

/// The extras on top of the binding price: the premium and, when certified organic and recorded,
/// the organic differential.
struct fairtrade_extras {
  decimal premium, organic;
  bool organic_added = false;
  decimal total() const { return premium + organic; }
};

fairtrade_extras extras_of(const fairtrade_price_record& rec, bool is_organic) {
  fairtrade_extras e;
  e.premium = rec.premium;
  e.organic_added = is_organic && rec.organic_differential.has_value();
  if (e.organic_added) e.organic = *rec.organic_differential;
  return e;
}

/// Batch use: a minimum price, the market price (if any) already in the record's currency and
/// unit, the answer in the record's terms. Plain exact decimals, one rounding. False when the
/// query needs the general path.
bool fairtrade_price_fast(const fairtrade_query& q, const fairtrade_setup& st,
                          const std::optional<money>& market_price, bool is_organic,
                          fairtrade_price_result& res) {
  const fairtrade_price_record& rec = *st.record;
  const currency_code rc = st.rc;
  const currency_code oc = st.oc;
  const int scale = st.scale;
  const unit<mass> rec_unit = st.record_unit;
  if (!(st.identity_answer && rec.minimum_price &&
        (!market_price || (market_price->currency() == rc && q.market_price_unit == rec_unit)))) {
    return false;
  }
  const decimal& minimum = *rec.minimum_price;
  const bool organic_added = is_organic && rec.organic_differential.has_value();
  const decimal extras = organic_added ? rec.premium + *rec.organic_differential : rec.premium;
  res.minimum_price = money(minimum, rc);
  res.premium = money(rec.premium, rc);
  res.organic_differential = money(organic_added ? *rec.organic_differential : decimal(), rc);
  res.floor_per_unit = money(st.floor_answer[organic_added ? 1 : 0], oc);
  if (market_price) {
    const decimal& market = market_price->amount();
    detail::require_non_negative(market, "market price");
    res.market_price = *market_price;
    if (market > minimum) {
      res.binding = binding_price::market;
      res.binding_margin = money(market - minimum, rc);
      const decimal total = market + extras;
      res.price_per_record_unit = money(total, rc);
      res.fair_price_per_unit = money(total.round(scale, q.mode), oc);
      return true;
    }
    res.binding_margin = money(minimum - market, rc);
  } else {
    res.binding_margin = money(decimal(), rc);
  }
  res.binding = binding_price::minimum;
  res.price_per_record_unit = money(minimum + extras, rc);
  res.fair_price_per_unit = res.floor_per_unit;
  return true;
}

/// The exact figures: the market price in record terms, the binding price (the higher of market
/// and minimum), the total with the extras, and the answer, rounded once.
void fairtrade_figures(const fairtrade_query& q, const fairtrade_setup& st,
                       const std::optional<money>& market_price, bool is_organic, fairtrade_core& c,
                       fairtrade_price_result& res) {
  const fairtrade_price_record& rec = *st.record;
  const fairtrade_extras ex = extras_of(rec, is_organic);
  const decimal extras = ex.total();
  if (market_price) {
    detail::require_non_negative(market_price->amount(), "market price");
    // per market unit -> per record unit: x factor(record) / factor(market unit)
    fraction m = detail::fx_factor(market_price->currency(), st.rc, q.as_of, q.exchange_rates,
                                   st.builtin, &c.market_fx)
                     .times(market_price->amount());
    if (!(q.market_price_unit == st.record_unit)) {
      m = m.times(st.record_unit.factor()).over(q.market_price_unit.factor());
    }
    c.market = m;
    c.has_market = true;
  }

  if (rec.minimum_price) {
    const fraction minimum = fraction::of(*rec.minimum_price);
    if (c.has_market && compare(c.market, minimum) > 0) {
      res.binding = binding_price::market;
      c.binding = c.market;
    } else {
      res.binding = binding_price::minimum;
      c.binding = minimum;
    }
    c.floor = fraction::of(*rec.minimum_price + extras);
    res.minimum_price = money(*rec.minimum_price, st.rc);
  } else {
    if (!c.has_market) {
      detail::throw_error(errc::invalid_argument,
                          "a market price is required: the Fairtrade record " +
                              rec.key.to_string() + " sets no minimum price, only a premium");
    }
    res.binding = binding_price::market;
    c.binding = c.market;
    c.floor = fraction::of(extras);
  }
  c.total = c.binding + fraction::of(extras);

  c.to_answer = st.to_answer;
  c.answer_fx = st.answer_fx;
  res.floor_per_unit = money(st.floor_answer[ex.organic_added ? 1 : 0], st.oc);
  if (res.binding == binding_price::minimum) {
    res.fair_price_per_unit = res.floor_per_unit;
  } else if (st.identity_answer) {
    res.fair_price_per_unit = money(c.total.round(st.scale, q.mode), st.oc);
  } else {
    res.fair_price_per_unit = money((c.total * c.to_answer).round(st.scale, q.mode), st.oc);
  }
  res.premium = money(ex.premium, st.rc);
  res.organic_differential = money(ex.organic, st.rc);

  bool exact = true;
  if (c.has_market) {
    res.market_price = money(detail::shown(c.market, &exact), st.rc);
    res.market_price_exact = exact;
  }
  if (c.has_market && rec.minimum_price) {
    const fraction minimum = fraction::of(*rec.minimum_price);
    const fraction margin =
        res.binding == binding_price::market ? c.market - minimum : minimum - c.market;
    res.binding_margin = money(detail::shown(margin), st.rc);
  } else {
    res.binding_margin = money(decimal(), st.rc);
  }
  res.price_per_record_unit = money(detail::shown(c.total), st.rc);
}

/// The record used, and how the market price was brought to its terms.
void explain_fairtrade_inputs(const fairtrade_query& q, const fairtrade_setup& st,
                              const std::optional<money>& market_price, const fairtrade_core& c,
                              fairtrade_price_result& res) {
  const fairtrade_price_record& rec = *st.record;
  // ---- explanation ----
  res.key = rec.key;
  res.basis = rec.basis;
  res.source = rec.source;
  const std::string ref = rec.source.to_string();
  const std::string per_rec = "/" + std::string(st.record_unit.name());
  auto& f = res.notes;
  if (st.fallback) {
    f.push_back(make_finding("fair.fairtrade.region_fallback", severity::info,
                             "no Fairtrade price for region \"" + q.key.region +
                                 "\"; the price for all regions (\"all\") applies",
                             ref));
  }
  f.push_back(make_finding(
      "fair.fairtrade.record", severity::info,
      "Fairtrade record " + rec.key.to_string() + " valid on " + format_date(q.as_of) + ": " +
          (rec.minimum_price
               ? "minimum price " + detail::fmt_money(*rec.minimum_price, st.rc) + per_rec
               : std::string("no minimum price")) +
          ", premium " + detail::fmt_money(rec.premium, st.rc) + per_rec +
          ", organic differential " +
          (rec.organic_differential ? detail::fmt_money(*rec.organic_differential, st.rc) + per_rec
                                    : std::string("none recorded")) +
          ", " + rec.basis + " basis",
      ref));
  if (c.has_market) {
    std::string how =
        "market price " + market_price->to_string() + "/" + std::string(q.market_price_unit.name());
    if (c.market_fx) how += " " + detail::describe_fx(c.market_fx, market_price->currency(), st.rc);
    if (!(q.market_price_unit == st.record_unit)) {
      how += " x " + st.record_unit.factor().to_string() + " kg/" +
             std::string(st.record_unit.name()) + " / " + q.market_price_unit.factor().to_string() +
             " kg/" + std::string(q.market_price_unit.name());
    }
    how += " = " + res.market_price->to_string() + per_rec +
           (res.market_price_exact ? " (exact)"
                                   : " (shown rounded to 8 places, half_even; compared exactly)");
    f.push_back(make_finding("fair.fairtrade.market_converted", severity::info, how,
                             c.market_fx ? c.market_fx->source() : std::string()));
  }
}

/// Which price binds, the total with the extras, and the answer in the asked terms.
void explain_fairtrade_price(const fairtrade_query& q, const fairtrade_setup& st, bool is_organic,
                             const fairtrade_core& c, fairtrade_price_result& res) {
  const fairtrade_price_record& rec = *st.record;
  const fairtrade_extras ex = extras_of(rec, is_organic);
  const std::string ref = rec.source.to_string();
  const std::string per_rec = "/" + std::string(st.record_unit.name());
  auto& f = res.notes;
  if (rec.minimum_price) {
    if (c.has_market) {
      f.push_back(make_finding(
          "fair.fairtrade.binding", severity::info,
          res.binding == binding_price::market
              ? "the market price " + res.market_price->to_string() + per_rec +
                    " is higher than the Fairtrade Minimum Price " +
                    res.minimum_price->to_string() + per_rec + " by " +
                    res.binding_margin.to_string() + ": the market price binds"
              : "the Fairtrade Minimum Price " + res.minimum_price->to_string() + per_rec +
                    " is higher than or equal to the market price " +
                    res.market_price->to_string() + per_rec + " by " +
                    res.binding_margin.to_string() + ": the minimum price binds",
          "Fairtrade Standard: the buyer pays the higher of the market price and the Fairtrade "
          "Minimum Price; " +
              ref));
    } else {
      f.push_back(make_finding("fair.fairtrade.no_market_price", severity::info,
                               "no market price given: the Fairtrade Minimum Price " +
                                   res.minimum_price->to_string() + per_rec + " is the price",
                               ref));
    }
  } else {
    f.push_back(make_finding("fair.fairtrade.premium_only", severity::info,
                             "the record sets no minimum price: the market price " +
                                 res.market_price->to_string() + per_rec + " is the price",
                             ref));
  }
  if (is_organic && !ex.organic_added) {
    f.push_back(make_finding("fair.fairtrade.organic_differential_not_recorded", severity::warning,
                             "organic certification stated, but the record has no organic "
                             "differential: none is added (check the product standard)",
                             ref));
  }
  f.push_back(make_finding(
      "fair.fairtrade.price", severity::info,
      std::string(to_string(res.binding)) + " price " + detail::shown(c.binding).to_string() +
          " + premium " + ex.premium.to_string() +
          (ex.organic_added ? " + organic differential " + ex.organic.to_string() : std::string()) +
          " = " + res.price_per_record_unit.to_string() + per_rec + " " + rec.basis,
      ref));
  {
    std::string conv = res.price_per_record_unit.to_string() + per_rec;
    if (c.answer_fx) conv += " " + detail::describe_fx(c.answer_fx, st.rc, st.oc);
    if (!(st.out_unit == st.record_unit)) {
      conv += " x " + st.out_unit.factor().to_string() + " kg/" + std::string(st.out_unit.name()) +
              " / " + st.record_unit.factor().to_string() + " kg/" +
              std::string(st.record_unit.name());
    }
    conv += " = " + res.fair_price_per_unit.to_string() + "/" + std::string(st.out_unit.name()) +
            " (rounded once to " + std::to_string(st.scale) + " places, " +
            std::string(to_string(q.mode)) + "); floor (minimum + premium" +
            (ex.organic_added ? " + organic" : "") + ") " + res.floor_per_unit.to_string() + "/" +
            std::string(st.out_unit.name());
    f.push_back(make_finding("fair.fairtrade.fair_price", severity::info, conv,
                             c.answer_fx ? c.answer_fx->source() : ref));
  }
  if (!q.basis.empty() && q.basis != rec.basis) {
    f.push_back(make_finding("fair.fairtrade.basis_differs", severity::warning,
                             "the Fairtrade price is on " + rec.basis + " basis but the trade is " +
                                 q.basis + ": costs between the two points are not adjusted",
                             ref));
  }
}

}  // namespace

fairtrade_price_result fairtrade_price_impl(const fairtrade_query& q, const fairtrade_setup& st,
                                            const std::optional<money>& market_price,
                                            bool is_organic, bool explain, fairtrade_core& c) {
  fairtrade_price_result res;
  res.region_fallback = st.fallback;
  res.record_unit = st.record_unit;
  res.record_currency = st.rc;
  res.per_unit = st.out_unit;
  res.scale = st.scale;
  res.mode = q.mode;
  if (!explain && fairtrade_price_fast(q, st, market_price, is_organic, res)) return res;
  fairtrade_figures(q, st, market_price, is_organic, c, res);
  if (!explain) return res;
  explain_fairtrade_inputs(q, st, market_price, c, res);
  explain_fairtrade_price(q, st, is_organic, c, res);
  return res;
}

}  // namespace detail

fairtrade_price_result fairtrade_price(const fairtrade_query& q, const reference_data& data) {
  const detail::fairtrade_setup st = detail::resolve_fairtrade(q, data);
  detail::fairtrade_core c;
  return detail::fairtrade_price_impl(q, st, q.market_price, q.organic, q.explain, c);
}

namespace {

/// The pre-finance of a contract: the requested share of its value, capped by the maximum the
/// standard allows, rounded down.
void contract_prefinance(const fairtrade_contract& k, int cs, currency_code oc,
                         fairtrade_contract_result& r) {
  const decimal req = *k.prefinance_requested_share;
  detail::require_non_negative(req, "pre-finance requested share");
  if (!k.prefinance_max_share) {
    detail::throw_error(errc::invalid_argument,
                        "pre-finance requested (" + req.to_string() +
                            ") but no prefinance_max_share given: state the share the "
                            "applicable Fairtrade standard allows");
  }
  const decimal mx = *k.prefinance_max_share;
  detail::require_non_negative(mx, "pre-finance maximum share");
  if (req > decimal(1) || mx > decimal(1)) {
    detail::throw_error(errc::invalid_argument, "pre-finance shares are fractions of at most 1");
  }
  r.prefinance_share = req < mx ? req : mx;
  const money base = r.contract_value ? *r.contract_value : r.fair_value;
  r.prefinance = money(multiply(base.amount(), *r.prefinance_share, cs, rounding_mode::down), oc);
  if (k.price.explain) {
    r.notes.push_back(make_finding(
        "fair.contract.prefinance", req > mx ? severity::warning : severity::info,
        "pre-finance requested " + req.to_string() + " of the " +
            (r.contract_value ? "contract" : "fair") + " value " + base.to_string() +
            (req > mx ? "; limited to the maximum share " + mx.to_string() : std::string()) + ": " +
            r.prefinance->to_string() + " (rounded down to " + std::to_string(cs) + " places)",
        k.prefinance_reference));
  }
}

/// The contract's findings: the price steps, the premium due, the fair value, the verdict.
void explain_contract(const fairtrade_contract& k, currency_code oc, fairtrade_contract_result& r) {
  const auto& p = r.price;
  const std::string ref = p.source.to_string();
  r.notes.insert(r.notes.begin(), p.notes.begin(), p.notes.end());
  r.notes.push_back(
      make_finding("fair.contract.premium_due", severity::info,
                   "premium " + p.premium.to_string() + "/" + std::string(p.record_unit.name()) +
                       " x " + k.volume.to_string() + " = " + r.premium_due.to_string() +
                       " (rounded once, " + std::string(to_string(k.price.mode)) + ")",
                   ref));
  r.notes.push_back(make_finding("fair.contract.fair_value", severity::info,
                                 "fair price " + p.price_per_record_unit.to_string() + "/" +
                                     std::string(p.record_unit.name()) + " x " +
                                     k.volume.to_string() + " = " + r.fair_value.to_string() +
                                     " (from the exact unit price, rounded once, " +
                                     std::string(to_string(k.price.mode)) + ")",
                                 ref));
  if (r.contract_value) {
    const bool ok = *r.contract_meets_fair_price;
    r.notes.push_back(
        make_finding(ok ? "fair.contract.meets_fair_price" : "fair.contract.below_fair_price",
                     ok ? severity::info : severity::error,
                     "contract price " + k.contract_price_per_unit->to_string() + "/" +
                         std::string(p.per_unit.name()) + (ok ? " is at least" : " is below") +
                         " the fair price " + p.fair_price_per_unit.to_string() + " by " +
                         money(r.difference_per_unit->amount().abs(), oc).to_string() +
                         " per unit; contract value " + r.contract_value->to_string() +
                         ", difference " + r.difference_total->to_string(),
                     ref));
  }
}

}  // namespace

fairtrade_contract_result fairtrade_contract_view(const fairtrade_contract& k,
                                                  const reference_data& data) {
  using detail::fraction;
  detail::require_non_negative(k.volume.value(), "contract volume");
  fairtrade_contract_result r;
  detail::fairtrade_core c;
  const detail::fairtrade_setup st = detail::resolve_fairtrade(k.price, data);
  r.price = detail::fairtrade_price_impl(k.price, st, k.price.market_price, k.price.organic,
                                         k.price.explain, c);
  r.volume = k.volume;
  const auto& p = r.price;
  const currency_code oc = p.fair_price_per_unit.currency();
  const int cs = data.currencies().minor_units(oc, k.price.as_of);
  // volume in record units = volume in kg / factor(record unit); then record terms -> answer
  const fraction vol_rec = fraction{k.volume.in_base(), p.record_unit.factor()};
  const fraction to_cur =
      detail::fx_factor(p.record_currency, oc, k.price.as_of, k.price.exchange_rates, st.builtin);
  auto total_of = [&](const fraction& per_record_unit) {
    return per_record_unit * vol_rec * to_cur;
  };
  const fraction fair_total = total_of(c.total);
  r.fair_value = money(fair_total.round(cs, k.price.mode), oc);
  r.premium_due = money(total_of(fraction::of(p.premium.amount())).round(cs, k.price.mode), oc);
  if (!p.organic_differential.amount().is_zero()) {
    r.organic_differential_due =
        money(total_of(fraction::of(p.organic_differential.amount())).round(cs, k.price.mode), oc);
  }
  const fraction vol_answer = fraction{k.volume.in_base(), p.per_unit.factor()};
  if (k.contract_price_per_unit) {
    detail::require_same_currency(*k.contract_price_per_unit, p.fair_price_per_unit,
                                  "contract price", "fair price");
    detail::require_non_negative(k.contract_price_per_unit->amount(), "contract price");
    const fraction cv = vol_answer.times(k.contract_price_per_unit->amount());
    r.contract_value = money(cv.round(cs, k.price.mode), oc);
    r.difference_per_unit = *k.contract_price_per_unit - p.fair_price_per_unit;
    r.difference_total = *r.contract_value - r.fair_value;
    r.contract_meets_fair_price = *k.contract_price_per_unit >= p.fair_price_per_unit;
  }
  if (k.prefinance_requested_share) contract_prefinance(k, cs, oc, r);
  if (k.price.explain) explain_contract(k, oc, r);
  return r;
}

namespace {

/// The inputs of the Living Income Reference Price model are in one currency and in range.
void check_living_income(const living_income_inputs& in) {
  detail::require_same_currency(in.living_income_benchmark, in.cost_per_hectare,
                                "living income benchmark", "cost per hectare");
  detail::require_same_currency(in.living_income_benchmark, in.cost_per_farm,
                                "living income benchmark", "cost per farm");
  detail::require_non_negative(in.living_income_benchmark.amount(), "living income benchmark");
  detail::require_non_negative(in.cost_per_hectare.amount(), "cost per hectare");
  detail::require_non_negative(in.cost_per_farm.amount(), "cost per farm");
  detail::require_non_negative(in.crop_income_share, "crop income share");
  if (in.crop_income_share > decimal(1)) {
    detail::throw_error(
        errc::invalid_argument,
        "crop income share is a fraction of at most 1, got " + in.crop_income_share.to_string());
  }
  detail::require_positive(in.viable_area_hectares, "viable area (ha)");
  detail::require_positive(in.sustainable_yield_per_hectare.value(), "sustainable yield per ha");
}

/// The income at the actual price and the gaps to the living income and the reference price.
void living_income_gap(const living_income_inputs& in, const decimal& income, const decimal& cost,
                       living_income_result& r) {
  using detail::fraction;
  const currency_code cur = in.living_income_benchmark.currency();
  const decimal production_kg = r.production.in_base();
  const std::string per = "/" + std::string(in.per_unit.name());
  auto& f = r.notes;
  const money& a = *in.actual_price_per_unit;
  detail::require_same_currency(a, in.living_income_benchmark, "actual price",
                                "living income benchmark");
  detail::require_non_negative(a.amount(), "actual price");
  r.price_gap_per_unit = r.reference_price_per_unit - a;
  // income at the actual price: a per unit x production in units - cost; exact when the
  // production is a whole number of units, otherwise rounded once like the price.
  const fraction sales{a.amount() * production_kg, in.per_unit.factor()};
  const fraction inc = sales - fraction::of(cost);
  bool exact = true;
  const decimal inc_shown = detail::shown(inc, &exact);
  r.income_at_actual_price = money(inc_shown, cur);
  r.living_income_gap = money(detail::shown(fraction::of(income) - inc), cur);
  f.push_back(make_finding(
      "fair.lirp.gap",
      r.price_gap_per_unit->amount().signum() > 0 ? severity::warning : severity::info,
      "at the actual price " + a.to_string() + per + " the household earns " +
          r.income_at_actual_price->to_string() +
          " from the crop after costs; the living "
          "income gap is " +
          r.living_income_gap->to_string() + " and the price gap " +
          r.price_gap_per_unit->to_string() + per,
      in.source));
}

}  // namespace

living_income_result living_income_reference_price(const living_income_inputs& in,
                                                   const reference_data& data) {
  using detail::fraction;
  detail::require_date(in.as_of, "living_income_inputs.as_of");
  const currency_code cur = in.living_income_benchmark.currency();
  check_living_income(in);
  const int scale = in.scale ? *in.scale : data.currencies().minor_units(cur, in.as_of);

  living_income_result r;
  const int shown_scale =
      std::max(in.living_income_benchmark.amount().scale(),
               std::max(in.cost_per_hectare.amount().scale(), in.cost_per_farm.amount().scale()));
  const decimal income =
      detail::trim(in.living_income_benchmark.amount() * in.crop_income_share, shown_scale);
  const decimal cost = detail::trim(
      in.cost_per_hectare.amount() * in.viable_area_hectares + in.cost_per_farm.amount(),
      shown_scale);
  const decimal revenue = income + cost;
  r.income_from_crop = money(income, cur);
  r.cost_of_production = money(cost, cur);
  r.revenue_needed = money(revenue, cur);
  r.production = in.sustainable_yield_per_hectare * in.viable_area_hectares;
  // price per unit = revenue / (production in kg / factor(unit)) = revenue x factor / production_kg
  const decimal production_kg = r.production.in_base();
  const fraction lirp{revenue * in.per_unit.factor(), production_kg};
  r.reference_price_per_unit = money(lirp.round(scale, in.mode), cur);
  const std::string per = "/" + std::string(in.per_unit.name());
  auto& f = r.notes;
  f.push_back(make_finding("fair.lirp.income", severity::info,
                           "living income benchmark " + in.living_income_benchmark.to_string() +
                               " x crop share " + in.crop_income_share.to_string() + " = " +
                               r.income_from_crop.to_string() + " a year",
                           in.source));
  f.push_back(make_finding("fair.lirp.cost", severity::info,
                           "cost of sustainable production " + in.cost_per_hectare.to_string() +
                               "/ha x " + in.viable_area_hectares.to_string() + " ha + " +
                               in.cost_per_farm.to_string() +
                               " per farm = " + r.cost_of_production.to_string() + " a year",
                           in.source));
  f.push_back(make_finding("fair.lirp.production", severity::info,
                           "sustainable yield " + in.sustainable_yield_per_hectare.to_string() +
                               "/ha x " + in.viable_area_hectares.to_string() +
                               " ha = " + r.production.to_string() + " a year",
                           in.source));
  f.push_back(make_finding(
      "fair.lirp.price", severity::info,
      "(" + r.income_from_crop.to_string() + " + " + r.cost_of_production.to_string() + ") / " +
          r.production.to_string() + " = " + r.reference_price_per_unit.to_string() + per +
          " (rounded once to " + std::to_string(scale) + " places, " +
          std::string(to_string(in.mode)) + ")",
      "Fairtrade Living Income Reference Price model: (living income + cost of sustainable "
      "production) / (sustainable yield x viable farm size)"));
  if (in.actual_price_per_unit) living_income_gap(in, income, cost, r);
  return r;
}

wage_rate wage_rate_per_hour(money per_hour, std::string source) {
  detail::require_non_negative(per_hour.amount(), "hourly wage");
  return wage_rate{std::move(per_hour), decimal(1), std::move(source)};
}

wage_rate wage_rate_from_benchmark(const wage_key& key, const date::year_month_day& as_of,
                                   const reference_data& data,
                                   std::optional<decimal> hours_per_period) {
  detail::require_date(as_of, "as_of");
  const wage_record& w = data.wages().at(key, as_of);
  wage_rate r;
  r.amount = money(w.amount, w.currency);
  std::string hours_from;
  if (w.per == "hour") {
    r.hours = decimal(1);
    hours_from = "an hourly benchmark";
  } else if (w.per == "month" && w.hours_per_month) {
    r.hours = *w.hours_per_month;
    hours_from = r.hours.to_string() + " hours a month as the record states";
  } else if (hours_per_period) {
    r.hours = *hours_per_period;
    hours_from = r.hours.to_string() + " hours a " + w.per + " as the caller states";
  } else {
    detail::throw_error(errc::invalid_argument, "the benchmark " + key.to_string() + " is per " +
                                                    w.per +
                                                    " and states no hours: give hours_per_period");
  }
  detail::require_positive(r.hours, "hours per period");
  r.source = key.to_string() + " " + fmt_money(w.amount, w.currency) + " per " +
             w.per + ", " + hours_from + "; " + w.source.to_string();
  return r;
}

namespace detail {

void check_artisan(const artisan_inputs& in) {
  require_date(in.as_of, "artisan_inputs.as_of");
  require_same_currency(in.materials_per_unit, in.wage.amount, "materials", "wage");
  require_non_negative(in.materials_per_unit.amount(), "materials per unit");
  require_non_negative(in.labour_minutes_per_unit, "labour minutes per unit");
  require_non_negative(in.wage.amount.amount(), "wage");
  require_positive(in.wage.hours, "wage hours");
  require_non_negative(in.overhead_rate, "overhead rate");
  require_non_negative(in.margin_rate, "margin rate");
}

decimal markup_factor(const artisan_inputs& in) {
  return (decimal(1) + in.overhead_rate) * (decimal(1) + in.margin_rate);
}

}  // namespace detail

artisan_price_result artisan_fair_price(const artisan_inputs& in, const reference_data& data) {
  using detail::fraction;
  detail::check_artisan(in);
  const currency_code cur = in.materials_per_unit.currency();
  const int scale = in.scale ? *in.scale : data.currencies().minor_units(cur, in.as_of);
  // labour = minutes x amount / (60 x hours)
  fraction labour{in.labour_minutes_per_unit * in.wage.amount.amount(),
                  decimal(60) * in.wage.hours};
  artisan_price_result r;
  r.scale = scale;
  r.mode = in.mode;
  r.materials = in.materials_per_unit;
  const int ms = in.materials_per_unit.amount().scale();
  bool e1 = true, e2 = true, e3 = true, e4 = true, e5 = true;
  r.hourly_wage = money(detail::shown(fraction{in.wage.amount.amount(), in.wage.hours}, &e5), cur);
  // Usually the labour cost is a finite decimal: then every later step is plain exact decimal
  // arithmetic, rounded once at the end.
  if (auto exact_labour = labour.exact()) {
    const decimal direct = in.materials_per_unit.amount() + *exact_labour;
    const decimal overhead = direct * in.overhead_rate;
    const decimal cost = direct + overhead;
    const decimal margin = cost * in.margin_rate;
    r.fair_price_per_unit = money((cost + margin).round(scale, in.mode), cur);
    r.labour = money(detail::trim(*exact_labour, ms), cur);
    r.overhead = money(detail::trim(overhead, ms), cur);
    r.cost = money(detail::trim(cost, ms), cur);
    r.margin = money(detail::trim(margin, ms), cur);
  } else {
    const fraction direct = fraction::of(in.materials_per_unit.amount()) + labour;
    const fraction overhead = direct.times(in.overhead_rate);
    const fraction cost = direct + overhead;
    const fraction margin = cost.times(in.margin_rate);
    r.fair_price_per_unit = money((cost + margin).round(scale, in.mode), cur);
    r.labour = money(detail::trim(detail::shown(labour, &e1), ms), cur);
    r.overhead = money(detail::trim(detail::shown(overhead, &e2), ms), cur);
    r.cost = money(detail::trim(detail::shown(cost, &e3), ms), cur);
    r.margin = money(detail::trim(detail::shown(margin, &e4), ms), cur);
  }
  r.components_exact = e1 && e2 && e3 && e4 && e5;
  if (!in.explain) return r;
  const char* wfto = "WFTO Fair Trade Standard, Principle 4 (Fair Payment)";
  auto& f = r.notes;
  f.push_back(make_finding("fair.artisan.wage", severity::info,
                           "fair wage " + r.hourly_wage.to_string() + " an hour" +
                               (e5 ? std::string() : std::string(" (rounded to 8 places)")) +
                               " from " + in.wage.amount.to_string() + " per " +
                               in.wage.hours.to_string() + " h",
                           in.wage.source));
  f.push_back(make_finding("fair.artisan.labour", severity::info,
                           in.labour_minutes_per_unit.to_string() + " min / 60 x " +
                               r.hourly_wage.to_string() + " an hour = labour " +
                               r.labour.to_string(),
                           wfto));
  f.push_back(make_finding("fair.artisan.overhead", severity::info,
                           "overhead " + in.overhead_rate.to_string() + " x (materials " +
                               r.materials.to_string() + " + labour " + r.labour.to_string() +
                               ") = " + r.overhead.to_string() + "; cost " + r.cost.to_string(),
                           wfto));
  f.push_back(make_finding("fair.artisan.margin", severity::info,
                           "margin " + in.margin_rate.to_string() + " x cost " +
                               r.cost.to_string() + " = " + r.margin.to_string(),
                           wfto));
  f.push_back(make_finding("fair.artisan.fair_price", severity::info,
                           "fair price " + r.cost.to_string() + " + " + r.margin.to_string() +
                               " = " + r.fair_price_per_unit.to_string() +
                               " per unit (rounded once to " + std::to_string(scale) + " places, " +
                               std::string(to_string(in.mode)) + ")",
                           wfto));
  return r;
}

implied_earnings_result implied_hourly_earnings(const artisan_inputs& in,
                                                const money& price_per_unit,
                                                const reference_data& data) {
  using detail::fraction;
  detail::check_artisan(in);
  detail::require_positive(in.labour_minutes_per_unit, "labour minutes per unit");
  detail::require_same_currency(price_per_unit, in.materials_per_unit, "price", "materials");
  const currency_code cur = price_per_unit.currency();
  const int scale = (in.scale ? *in.scale : data.currencies().minor_units(cur, in.as_of)) + 2;
  const decimal k = detail::markup_factor(in);
  // E = (P - M k) x 60 / (k x minutes)
  const fraction e{(price_per_unit.amount() - in.materials_per_unit.amount() * k) * decimal(60),
                   k * in.labour_minutes_per_unit};
  const fraction w{in.wage.amount.amount(), in.wage.hours};
  implied_earnings_result r;
  r.per_hour = money(e.round(scale, rounding_mode::floor), cur);
  r.wage_per_hour = money(detail::shown(w), cur);
  r.meets_wage = compare(e, w) >= 0;
  if (in.explain) {
    r.notes.push_back(make_finding(
        r.meets_wage ? "fair.artisan.earnings_meet_wage" : "fair.artisan.earnings_below_wage",
        r.meets_wage ? severity::info : severity::warning,
        "price " + price_per_unit.to_string() + " / (1 + " + in.overhead_rate.to_string() +
            ") / (1 + " + in.margin_rate.to_string() + ") - materials " +
            in.materials_per_unit.to_string() + ", over " + in.labour_minutes_per_unit.to_string() +
            " min = " + r.per_hour.to_string() + " an hour (rounded down to " +
            std::to_string(scale) + " places), " + (r.meets_wage ? "at least" : "below") +
            " the fair wage " + r.wage_per_hour.to_string() + " an hour",
        in.wage.source));
  }
  return r;
}

price_assessment assess_price_paid(const money& fair, const money& paid) {
  detail::require_same_currency(fair, paid, "fair price", "price paid");
  detail::require_non_negative(fair.amount(), "fair price");
  detail::require_non_negative(paid.amount(), "price paid");
  price_assessment a;
  a.fair_price = fair;
  a.price_paid = paid;
  a.is_fair = paid >= fair;
  a.shortfall = a.is_fair ? money(decimal(), fair.currency()) : fair - paid;
  a.notes.push_back(make_finding(
      a.is_fair ? "fair.price_paid.fair" : "fair.price_paid.below_fair",
      a.is_fair ? severity::info : severity::error,
      a.is_fair ? "price paid " + paid.to_string() + " per unit reaches the fair price " +
                      fair.to_string()
                : "price paid " + paid.to_string() + " per unit is below the fair price " +
                      fair.to_string() + ": shortfall " + a.shortfall.to_string() + " per unit",
      "WFTO Fair Trade Standard, Principle 4 (Fair Payment)"));
  return a;
}

namespace {

/// The price chain's findings: producer and export price (with their conversions), the retail
/// build-up, the producer's shares.
void explain_price_chain(const price_chain_inputs& in, int scale, currency_code cur,
                         const fx_rate* fx_p, const fx_rate* fx_e, price_chain_result& r) {
  auto& f = r.notes;
  const std::string how = "stages rounded to " + std::to_string(scale) + " places (" +
                          std::string(to_string(in.mode)) +
                          "); later stages and shares computed from exact values";
  f.push_back(
      make_finding("fair.chain.producer", severity::info,
                   "producer price " + in.producer_price.to_string() +
                       (fx_p ? " " + detail::describe_fx(fx_p, in.producer_price.currency(), cur) +
                                   " = " + r.producer_price.to_string()
                             : std::string()),
                   fx_p ? fx_p->source() : std::string()));
  f.push_back(
      make_finding("fair.chain.export", severity::info,
                   in.export_basis + " export price " + in.export_price.to_string() +
                       (fx_e ? " " + detail::describe_fx(fx_e, in.export_price.currency(), cur) +
                                   " = " + r.export_price.to_string()
                             : std::string()),
                   fx_e ? fx_e->source() : std::string()));
  f.push_back(make_finding(
      "fair.chain.retail", severity::info,
      "landed cost " + r.landed_cost.to_string() + " x (1 + " + in.wholesale_markup.to_string() +
          ") = wholesale " + r.wholesale_price.to_string() + "; x (1 + " +
          in.retail_markup.to_string() + ") = retail net " + r.retail_price_net.to_string() +
          "; + VAT " + in.vat_rate.to_string() + " = " + r.vat.to_string() + "; retail " +
          r.retail_price.to_string() + " (" + how + ")",
      "markups and VAT rate as given by the caller"));
  f.push_back(
      make_finding("fair.chain.producer_share", severity::info,
                   "producer share of the retail price " + r.producer_share_of_retail.to_string() +
                       ", of the landed cost " + r.producer_share_of_landed_cost.to_string() +
                       ", of the export price " + r.producer_share_of_export_price.to_string() +
                       " (" + std::to_string(in.share_scale) + " places, " +
                       std::string(to_string(in.share_mode)) + ")",
                   ""));
}

}  // namespace

price_chain_result price_chain(const price_chain_inputs& in, const reference_data& data) {
  using detail::fraction;
  detail::require_date(in.as_of, "price_chain_inputs.as_of");
  detail::require_non_negative(in.producer_price.amount(), "producer price");
  detail::require_non_negative(in.export_price.amount(), "export price");
  detail::require_positive(in.landed_cost.amount(), "landed cost");
  detail::require_non_negative(in.wholesale_markup, "wholesale markup");
  detail::require_non_negative(in.retail_markup, "retail markup");
  detail::require_non_negative(in.vat_rate, "VAT rate");
  const currency_code cur = in.landed_cost.currency();
  const int scale = in.scale ? *in.scale : data.currencies().minor_units(cur, in.as_of);
  const fx_rate_table* builtin = in.builtin_rates ? &data.exchange_rates() : nullptr;
  const fx_rate* fx_p = nullptr;
  const fx_rate* fx_e = nullptr;
  const fraction producer = detail::fx_factor(in.producer_price.currency(), cur, in.as_of,
                                              in.exchange_rates, builtin, &fx_p)
                                .times(in.producer_price.amount());
  const fraction exported = detail::fx_factor(in.export_price.currency(), cur, in.as_of,
                                              in.exchange_rates, builtin, &fx_e)
                                .times(in.export_price.amount());
  const fraction landed = fraction::of(in.landed_cost.amount());
  if (in.producer_price.currency() == in.export_price.currency()
          ? in.producer_price.amount() > in.export_price.amount()
          : compare(producer, exported) > 0) {
    detail::throw_error(errc::invalid_argument, "producer price " + in.producer_price.to_string() +
                                                    " is above the export price " +
                                                    in.export_price.to_string());
  }
  if (compare(exported, landed) > 0) {
    detail::throw_error(errc::invalid_argument, "export price " + in.export_price.to_string() +
                                                    " is above the landed cost " +
                                                    in.landed_cost.to_string() + " once converted");
  }
  const decimal wholesale = in.landed_cost.amount() * (decimal(1) + in.wholesale_markup);
  const decimal retail_net = wholesale * (decimal(1) + in.retail_markup);
  const decimal vat = retail_net * in.vat_rate;
  const decimal retail = retail_net + vat;

  price_chain_result r;
  r.producer_price = money(producer.round(scale, in.mode), cur);
  r.export_price = money(exported.round(scale, in.mode), cur);
  r.landed_cost = money(in.landed_cost.amount().round(scale, in.mode), cur);
  r.wholesale_price = money(wholesale.round(scale, in.mode), cur);
  r.retail_price_net = money(retail_net.round(scale, in.mode), cur);
  r.vat = money(vat.round(scale, in.mode), cur);
  r.retail_price = money(retail.round(scale, in.mode), cur);
  auto share = [&](const decimal& whole) {
    if (whole.is_zero()) return decimal();
    return fraction{producer.num, producer.den * whole}.round(in.share_scale, in.share_mode);
  };
  r.producer_share_of_retail = share(retail);
  r.producer_share_of_landed_cost = share(in.landed_cost.amount());
  r.producer_share_of_export_price =
      exported.signum() == 0
          ? decimal()
          : fraction{producer.num * exported.den, producer.den * exported.num}.round(in.share_scale,
                                                                                     in.share_mode);
  if (!in.explain) return r;
  explain_price_chain(in, scale, cur, fx_p, fx_e, r);
  return r;
}

namespace {

/// A Fairtrade line whose premium was paid apart: the price paid against the price due without
/// the premium, the premium paid against the premium due; fair only when both are met.
void judge_price_and_premium(const decimal& premium_paid, fair_price_check& out) {
  const money paid = money(premium_paid, out.price_paid_per_unit.currency());
  auto price = assess_price_paid(*out.price_due_per_unit, out.price_paid_per_unit);
  out.shortfall_per_unit = price.shortfall;
  for (auto& f : price.notes) out.notes.push_back(std::move(f));
  auto premium = assess_price_paid(*out.premium_due_per_unit, paid);
  out.premium_paid_per_unit = paid;
  out.premium_shortfall_per_unit = premium.shortfall;
  out.premium_paid_in_full = premium.is_fair;
  out.is_fair = price.is_fair && premium.is_fair;
  out.notes.push_back(make_finding(
      premium.is_fair ? "fair.premium.paid" : "fair.premium.short",
      premium.is_fair ? severity::info : severity::warning,
      "Fairtrade Premium " + paid.to_string() + " paid per unit against " +
          out.premium_due_per_unit->to_string() + " due" +
          (premium.is_fair ? std::string(": paid in full")
                           : ": " + premium.shortfall.to_string() + " per unit still due to the "
                                                                    "producer organisation"),
      "Fairtrade Standard for Small-scale Producer Organizations / Trader Standard, Fairtrade "
      "Premium"));
}

}  // namespace

namespace {

/// The Fairtrade price of the line (the record of the contract date, converted to the line's
/// currency and unit, rounded once), with the price and the premium due apart.
void fairtrade_line_price(const producer_price_line& line, const reference_data& data,
                          fair_price_check& out) {
  const fairtrade_terms& t = *line.fairtrade;
  fairtrade_query q;
  q.key = {t.product, t.region, "fairtrade", t.quality};
  q.as_of = t.contract_date.value_or(line.as_of);
  q.organic = t.organic;
  q.market_price = t.market_price;
  q.market_price_unit = parse_unit<mass>(t.market_price_unit);
  q.per_unit = parse_unit<mass>(line.quantity_unit);
  q.currency = line.currency;
  q.exchange_rates = line.exchange_rates;
  q.builtin_rates = line.builtin_rates;
  q.mode = line.mode;
  const detail::fairtrade_setup st = detail::resolve_fairtrade(q, data);
  detail::fairtrade_core c;
  auto r = detail::fairtrade_price_impl(q, st, q.market_price, q.organic, q.explain, c);
  out.fair_price_per_unit = r.fair_price_per_unit;
  out.notes = std::move(r.notes);
  if (!t.contract_date) {
    out.notes.push_back(make_finding(
        "fair.fairtrade.contract_date_missing", severity::warning,
        "the Fairtrade Minimum Price and Premium valid on " + format_date(line.as_of) +
            " (the declaration date) are used; those that apply are the ones valid when the "
            "contract was signed: give producer.fairtrade.contract_date",
        "Fairtrade International, price announcements: a new Minimum Price and Premium "
        "apply to contracts signed on or after its effective date"));
  }
  // The premium and the price apart, in the answer's terms, each rounded once as the whole.
  const auto premium = detail::fraction::of(r.premium.amount());
  out.premium_due_per_unit =
      money((premium * c.to_answer).round(r.scale, q.mode), r.fair_price_per_unit.currency());
  out.price_due_per_unit = money(((c.total - premium) * c.to_answer).round(r.scale, q.mode),
                                 r.fair_price_per_unit.currency());
}

/// The artisan cost build-up of the line.
void artisan_line_price(const producer_price_line& line, const reference_data& data,
                        fair_price_check& out) {
  const artisan_terms& t = *line.artisan;
  artisan_inputs in;
  in.as_of = line.as_of;
  in.materials_per_unit = money(t.materials_per_unit, line.currency);
  in.labour_minutes_per_unit = t.labour_minutes_per_unit;
  in.wage = wage_rate_per_hour(money(t.hourly_wage, line.currency));
  in.overhead_rate = t.overhead_rate;
  in.margin_rate = t.margin_rate;
  in.mode = line.mode;
  auto r = artisan_fair_price(in, data);
  out.fair_price_per_unit = r.fair_price_per_unit;
  out.notes = std::move(r.notes);
}

/// The verdict: the price paid against the fair price, or price and premium apart when the
/// premium paid is declared.
void judge_price_paid(const producer_price_line& line, fair_price_check& out) {
  if (line.fairtrade && line.premium_paid_per_unit) {
    judge_price_and_premium(*line.premium_paid_per_unit, out);
  } else {
    auto a = assess_price_paid(out.fair_price_per_unit, out.price_paid_per_unit);
    out.is_fair = a.is_fair;
    out.shortfall_per_unit = a.shortfall;
    for (auto& f : a.notes) out.notes.push_back(std::move(f));
    if (line.fairtrade) {
      out.notes.push_back(make_finding(
          "fair.premium.included", severity::info,
          "the price paid is compared with the price and the Fairtrade Premium together (" +
              out.price_due_per_unit->to_string() + " + premium " +
              out.premium_due_per_unit->to_string() +
              " per unit); declare premium_paid_per_unit when the premium is paid apart, to the "
              "producer organisation, and each is judged on its own",
          "Fairtrade Standard for Small-scale Producer Organizations / Trader Standard, "
          "Fairtrade Premium"));
    }
  }
}

/// The producer's share of the landed cost per unit (paid converted to its currency).
void producer_share_of(const producer_price_line& line, const reference_data& data,
                       fair_price_check& out) {
  const money& lc = *line.landed_cost_per_unit;
  detail::require_positive(lc.amount(), "landed cost per unit");
  const fx_rate* used = nullptr;
  const detail::fraction paid =
      detail::fx_factor(line.currency, lc.currency(), line.as_of, line.exchange_rates,
                        line.builtin_rates ? &data.exchange_rates() : nullptr, &used)
          .times(line.price_paid_per_unit);
  out.producer_share = detail::fraction{paid.num, paid.den * lc.amount()}.round(
      line.share_scale, rounding_mode::half_even);
  out.notes.push_back(make_finding(
      "fair.producer_share", severity::info,
      "price paid " + out.price_paid_per_unit.to_string() +
          (used ? " " + detail::describe_fx(used, line.currency, lc.currency()) : std::string()) +
          " / landed cost " + lc.to_string() + " per unit = producer share " +
          out.producer_share->to_string() + " (" + std::to_string(line.share_scale) +
          " places, half_even)",
      used ? used->source() : std::string()));
}

}  // namespace

fair_price_check check_producer_price(const producer_price_line& line, const reference_data& data) {
  if (line.fairtrade.has_value() == line.artisan.has_value()) {
    detail::throw_error(errc::invalid_argument,
                        "producer: give exactly one of \"fairtrade\" and \"artisan\"");
  }
  fair_price_check out;
  out.price_paid_per_unit = money(line.price_paid_per_unit, line.currency);
  if (line.fairtrade) {
    fairtrade_line_price(line, data, out);
  } else {
    artisan_line_price(line, data, out);
  }
  if (line.premium_paid_per_unit && !line.fairtrade) {
    detail::throw_error(errc::invalid_argument,
                        "producer: a premium paid is judged against a Fairtrade Premium");
  }
  judge_price_paid(line, out);
  if (line.landed_cost_per_unit) producer_share_of(line, data, out);
  return out;
}

fairtrade_pricer::fairtrade_pricer(fairtrade_query q, const reference_data& data)
    : q_(std::move(q)), setup_(detail::resolve_fairtrade(q_, data)) {
  setup_.answer_fx = nullptr;  // explanations only; would point into q_
}

fairtrade_price_result fairtrade_pricer::price(const std::optional<money>& market_price,
                                               bool organic) const {
  detail::fairtrade_core c;
  return detail::fairtrade_price_impl(q_, setup_, market_price, organic, false, c);
}

FAIRPORT_END_NAMESPACE
