// The columnar batch of self-contained lines: the consignment engine's rules (the one customs
// value, VAT base, duty and rate selection), without findings and without the consignment-level
// rules (allocation, low-value relief).
#include <cstring>
#include <utility>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "fairport/landed_cost/landed_cost.hpp"
#include "fairport/landed_cost/valuation.hpp"
#include "fairport/data/countries.hpp"
#include "fairport/data/vat_rates.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

const currency_code eur = currency_code::parse("EUR");

money round_by(const money& m, const rounding_rule& r) { return m.round(r.scale, r.mode); }

}  // namespace

namespace {

/// What a batch row looks up in the reference data, for one (destination, date, Incoterm,
/// currency, CN code): a batch of many rows has few of these, so each is looked up once.
struct batch_lookup {
  const std::remove_reference_t<
      decltype(std::declval<const reference_data&>().rounding_policies().for_destination(
          country_code(), date::year_month_day()))>* policy = nullptr;
  const std::remove_reference_t<decltype(std::declval<const reference_data&>().incoterms().at(
      incoterm::exw, date::year_month_day()))>* term = nullptr;
  currency_code declared;  ///< the declaration currency (declaration_currency_of)
  conversion_path rate;    ///< invoice currency -> declared; none when they are equal
  const tariff_record* tariff = nullptr;
  const vat_rate_record* vat = nullptr;
  int code = 0;  ///< the error every row of this key gets, 0 for none
  std::string message;
};

struct batch_key {
  std::int32_t days;
  std::uint8_t terms;
  char destination[2];
  char currency[3];
  char cn[10];
  std::uint8_t cn_length;
  char vat_category[24];  // the declared category, zero-padded; empty: by the goods
  char declared[3];       // the row's declaration currency, zero when not given
  bool operator==(const batch_key& o) const noexcept {
    return std::memcmp(this, &o, sizeof *this) == 0;
  }
};
static_assert(std::has_unique_object_representations_v<batch_key>,
              "batch_key is compared bytewise");

struct batch_key_hash {
  std::size_t operator()(const batch_key& k) const noexcept {
    return std::hash<std::string_view>{}(
        std::string_view(reinterpret_cast<const char*>(&k), sizeof k));
  }
};

batch_key key_of(const landed_cost_row& row) {
  batch_key k{};
  k.days = static_cast<std::int32_t>(date::sys_days(row.as_of).time_since_epoch().count());
  k.terms = static_cast<std::uint8_t>(row.terms);
  std::memcpy(k.destination, row.destination.view().data(), 2);
  const auto cur = row.currency.view();
  std::memcpy(k.currency, cur.data(), std::min<std::size_t>(3, cur.size()));
  const auto digits = row.cn.digits();
  std::memcpy(k.cn, digits.data(), digits.size());
  k.cn_length = static_cast<std::uint8_t>(digits.size());
  if (!row.vat_category.empty()) {  // an empty view may hold no pointer: never memcpy from it
    std::memcpy(k.vat_category, row.vat_category.data(),
                std::min(sizeof k.vat_category, row.vat_category.size()));
  }
  if (row.declaration_currency) {
    const auto d = row.declaration_currency->view();
    std::memcpy(k.declared, d.data(), std::min<std::size_t>(3, d.size()));
  }
  return k;
}

/// The conversion from `from` into `to` by the one rate rule (require_conversion), for the
/// invoice and for specific duties alike, as for a consignment.
conversion_path conversion(currency_code from, currency_code to, const date::year_month_day& as_of,
                           const std::vector<fx_rate>& rates, const reference_data& data) {
  return require_conversion(from, to, as_of, rate_rule::customs_month, rates,
                            &data.exchange_rates());
}

batch_lookup look_up(const landed_cost_row& row, const reference_data& data,
                     const std::vector<fx_rate>& rates) {
  batch_lookup l;
  try {
    // The declaration currency and the rate into it: the one rules, as for a consignment.
    l.declared =
        declaration_currency_of(data, row.destination, row.as_of, row.declaration_currency);
    l.policy = &data.rounding_policies().for_destination(row.destination, row.as_of);
    l.term = &data.incoterms().at(row.terms, row.as_of);
    if (row.currency != l.declared) {
      l.rate = conversion(row.currency, l.declared, row.as_of, rates, data);
    }
    l.tariff = data.tariffs().find(row.cn, row.as_of);
    if (l.tariff == nullptr) {
      detail::throw_error(errc::no_valid_record,
                          data.tariffs().no_record_text(row.cn, row.as_of));
    }
    // The one VAT-rate rule: the declared category, else the goods', else the standard rate.
    l.vat = select_vat_rate(data, row.destination, row.cn, row.vat_category, row.as_of).rate;
  } catch (const error& e) {
    l.code = static_cast<int>(e.code());
    l.message = e.what();
  }
  return l;
}

/// A row's own bad input, before any lookup: amounts and quantities are never negative (as the
/// consignment reader requires: a negative invoice would give a customs value, a negative freight
/// would lower the landed cost), and a vat_category longer than the key holds is no category.
void refuse_bad_input(const landed_cost_row& row) {
  const std::pair<const char*, const decimal*> amounts[] = {
      {"invoice_value", &row.invoice_value},
      {"freight_to_border", &row.freight_to_border},
      {"insurance", &row.insurance},
      {"freight_after_border", &row.freight_after_border},
      {"net_mass_kg", row.net_mass_kg ? &*row.net_mass_kg : nullptr},
      {"quantity", row.quantity ? &*row.quantity : nullptr}};
  if (row.vat_category.size() > sizeof(batch_key::vat_category)) {
    detail::throw_error(errc::invalid_argument, "vat_category \"" + std::string(row.vat_category) +
                                                    "\" is not a VAT category of eu_vat_rates");
  }
  for (const auto& [name, value] : amounts) {
    if (value != nullptr && value->is_negative()) {
      detail::throw_error(errc::invalid_argument, std::string(name) + " cannot be negative, got " +
                                                      value->to_string());
    }
  }
}

/// Converts duty amounts (specific duties, in EUR) into the declaration currency by the one rate
/// rule, as for the row's invoice.
struct batch_duty_converter {
  const reference_data* data;
  const date::year_month_day* as_of;
  const rounding_rule* rounding;
  const std::vector<fx_rate>* rates;
  currency_code to;
  money operator()(const money& m) const {
    if (m.currency() == to) return m;
    return conversion(m.currency(), to, *as_of, *rates, *data)
        .convert(m, rounding->scale, rounding->mode);
  }
};

}  // namespace

void landed_cost_batch(const landed_cost_row* rows, std::size_t n, const reference_data& data,
                       landed_cost_row_result* out, const std::vector<fx_rate>& exchange_rates) {
  std::unordered_map<batch_key, batch_lookup, batch_key_hash> lookups;
  const batch_lookup* last = nullptr;
  batch_key last_key{};
  const any_unit piece = any_unit::parse("piece");
  duty_quantities q;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& row = rows[i];
    auto& o = out[i];
    o.code = 0;
    o.message.clear();
    try {
      refuse_bad_input(row);  // bad input first, whatever the reference data says
    } catch (const error& e) {
      o.code = static_cast<int>(e.code());
      o.message = e.what();
      continue;
    }
    const batch_key key = key_of(row);
    if (last == nullptr || !(key == last_key)) {
      auto it = lookups.find(key);
      if (it == lookups.end()) it = lookups.emplace(key, look_up(row, data, exchange_rates)).first;
      last = &it->second;
      last_key = key;
    }
    const batch_lookup& l = *last;
    if (l.code != 0) {
      o.code = l.code;
      o.message = l.message;
      continue;
    }
    try {
      const auto& policy = *l.policy;
      const auto& term = *l.term;
      const conversion_path& rate = l.rate;
      auto declared = [&](const decimal& v) {
        const money m(v, row.currency);
        return rate ? rate.convert(m, policy.conversion.scale, policy.conversion.mode) : m;
      };
      const money after = declared(row.freight_after_border);
      const money none(decimal(), l.declared);
      const money cv =
          customs_value({declared(row.invoice_value), declared(row.freight_to_border),
                         declared(row.insurance), none, after},
                        term, carriage_after_border_in_price(term, row.named_place_beyond_border),
                        policy.customs_value);
      q.net_mass.reset();
      q.measures.clear();
      if (row.net_mass_kg) q.net_mass = kilograms(*row.net_mass_kg);
      if (row.quantity) q.measures.push_back(measure{*row.quantity, piece});
      const batch_duty_converter dconv{&data, &row.as_of, &policy.conversion, &exchange_rates,
                                       l.declared};
      const money third = round_by(evaluate_duty(l.tariff->duty, cv, q, dconv), policy.duty);
      const money duty = row.preferential != nullptr
                             ? round_by(evaluate_duty(*row.preferential, cv, q, dconv), policy.duty)
                             : third;
      const money base = vat_base({cv, duty, none, none, after, none});
      const money vat_amount = round_by(base * l.vat->rate, policy.vat);
      o.customs_value = cv.amount();
      o.duty = duty.amount();
      o.third_country_duty = third.amount();
      o.vat = vat_amount.amount();
      o.landed_cost = (cv + duty + after + vat_amount).amount();
      o.currency = l.declared;
    } catch (const error& e) {
      o.code = static_cast<int>(e.code());
      o.message = e.what();
    }
  }
}

FAIRPORT_END_NAMESPACE
