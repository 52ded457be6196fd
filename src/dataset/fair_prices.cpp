// The fair-price tables (Fairtrade prices, wage benchmarks).
#include "fairport/data/fair_prices.hpp"

#include <tuple>

FAIRPORT_BEGIN_NAMESPACE

bool operator<(const fairtrade_price_key& a, const fairtrade_price_key& b) noexcept {
  return std::tie(a.product, a.region, a.certification, a.quality) <
         std::tie(b.product, b.region, b.certification, b.quality);
}

bool operator<(const wage_key& a, const wage_key& b) noexcept {
  return std::tie(a.country, a.region, a.kind) < std::tie(b.country, b.region, b.kind);
}

void fairtrade_price_table::add(const validity_interval& validity, fairtrade_price_record r) {
  auto key = r.key;
  insert(key, validity, std::move(r));
}

const fairtrade_price_record* fairtrade_price_table::try_at(
    const fairtrade_price_key& key, const date::year_month_day& as_of) const noexcept {
  return find(key, as_of);
}

const fairtrade_price_record& fairtrade_price_table::at(const fairtrade_price_key& key,
                                                        const date::year_month_day& as_of) const {
  return require(key, as_of, "Fairtrade price for " + key.to_string());
}

void wage_table::add(const validity_interval& validity, wage_record r) {
  auto key = r.key;
  insert(key, validity, std::move(r));
}

const wage_record* wage_table::try_at(const wage_key& key,
                                      const date::year_month_day& as_of) const noexcept {
  return find(key, as_of);
}

const wage_record& wage_table::at(const wage_key& key, const date::year_month_day& as_of) const {
  return require(key, as_of, "wage benchmark " + key.to_string());
}

FAIRPORT_END_NAMESPACE
