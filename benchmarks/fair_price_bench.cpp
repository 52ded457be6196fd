// Fair-price evaluations per second: the Fairtrade price (record lookup, higher of market and
// minimum, premium, organic differential, conversion, one rounding), the artisan cost build-up
// and the price chain, in batch mode (explain = false: figures only) and with explanations.
// items_per_second is evaluations per second on one core.
#include <benchmark/benchmark.h>

#include "fairport/pricing/fair_price.hpp"

namespace {

using namespace fairport;

const reference_data& data() { return reference_data::builtin(); }

fairtrade_query coffee(bool explain) {
  fairtrade_query q;
  q.key = {"coffee_arabica_washed", "all", "fairtrade", "standard"};
  q.as_of = parse_date("2026-03-16");
  q.market_price = money(decimal::parse("1.50"), currency_code::parse("USD"));
  q.market_price_unit = units::pound;
  q.organic = true;
  q.explain = explain;
  return q;
}

// The same question, many market prices: half below, half above the minimum.
void run_fairtrade(benchmark::State& state, fairtrade_query q) {
  const auto& d = data();
  const currency_code usd = currency_code::parse("USD");
  std::int64_t cents = 100;
  for (auto _ : state) {
    q.market_price = money(decimal::from_parts(cents, 2), usd);
    cents = cents == 360 ? 100 : cents + 1;
    auto r = fairtrade_price(q, d);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_FairtradePrice_Batch_PerLb(benchmark::State& state) {
  run_fairtrade(state, coffee(false));
}
BENCHMARK(BM_FairtradePrice_Batch_PerLb);

void BM_FairtradePrice_Batch_MarketPerKg_AnswerPerKg(benchmark::State& state) {
  auto q = coffee(false);
  q.market_price_unit = units::kilogram;
  q.per_unit = units::kilogram;
  run_fairtrade(state, q);
}
BENCHMARK(BM_FairtradePrice_Batch_MarketPerKg_AnswerPerKg);

void BM_FairtradePrice_Batch_EurPerQuintal_AnswerEurPerKg(benchmark::State& state) {
  auto q = coffee(false);
  q.market_price_unit = units::quintal_46kg;
  q.per_unit = units::kilogram;
  q.currency = currency_code::parse("EUR");
  q.exchange_rates.emplace_back(currency_code::parse("EUR"), currency_code::parse("USD"),
                                decimal::parse("1.0850"), parse_date("2026-03-01"), "bench");
  run_fairtrade(state, q);
}
BENCHMARK(BM_FairtradePrice_Batch_EurPerQuintal_AnswerEurPerKg);

// Resolved once, answered per market price: the batch form.
void run_pricer(benchmark::State& state, const fairtrade_query& q) {
  const fairtrade_pricer pricer(q, data());
  const currency_code usd = currency_code::parse("USD");
  std::int64_t cents = 100;
  for (auto _ : state) {
    const std::optional<money> market(money(decimal::from_parts(cents, 2), usd));
    cents = cents == 360 ? 100 : cents + 1;
    auto r = pricer.price(market, (cents & 1) != 0);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
void BM_FairtradePricer_PerLb(benchmark::State& state) { run_pricer(state, coffee(false)); }
BENCHMARK(BM_FairtradePricer_PerLb);
void BM_FairtradePricer_MarketPerKg_AnswerPerKg(benchmark::State& state) {
  auto q = coffee(false);
  q.market_price_unit = units::kilogram;
  q.per_unit = units::kilogram;
  run_pricer(state, q);
}
BENCHMARK(BM_FairtradePricer_MarketPerKg_AnswerPerKg);

void BM_FairtradePrice_Explained(benchmark::State& state) { run_fairtrade(state, coffee(true)); }
BENCHMARK(BM_FairtradePrice_Explained);

void run_artisan(benchmark::State& state, bool explain, std::optional<int> scale = {}) {
  const auto& d = data();
  artisan_inputs in;
  in.as_of = parse_date("2026-03-16");
  in.materials_per_unit = money(decimal::parse("55.00"), currency_code::parse("USD"));
  in.labour_minutes_per_unit = decimal::parse("960");
  in.wage = wage_rate_per_hour(money(decimal::parse("2.10"), currency_code::parse("USD")));
  in.overhead_rate = decimal::parse("0.10");
  in.margin_rate = decimal::parse("0.15");
  in.explain = explain;
  in.scale = scale;
  std::int64_t minutes = 900;
  for (auto _ : state) {
    in.labour_minutes_per_unit = decimal(minutes);
    minutes = minutes == 1000 ? 900 : minutes + 1;
    auto r = artisan_fair_price(in, d);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
void BM_ArtisanFairPrice_Batch(benchmark::State& state) { run_artisan(state, false); }
BENCHMARK(BM_ArtisanFairPrice_Batch);
// The caller states the places (2): no currency-table lookup per evaluation.
void BM_ArtisanFairPrice_Batch_ScaleGiven(benchmark::State& state) { run_artisan(state, false, 2); }
BENCHMARK(BM_ArtisanFairPrice_Batch_ScaleGiven);
void BM_ArtisanFairPrice_Explained(benchmark::State& state) { run_artisan(state, true); }
BENCHMARK(BM_ArtisanFairPrice_Explained);

void BM_PriceChain_Batch(benchmark::State& state) {
  const auto& d = data();
  price_chain_inputs in;
  in.as_of = parse_date("2026-03-16");
  in.producer_price = money(decimal::parse("150.00"), currency_code::parse("USD"));
  in.export_price = money(decimal::parse("190.00"), currency_code::parse("USD"));
  in.landed_cost = money(decimal::parse("220.00"), currency_code::parse("EUR"));
  in.wholesale_markup = decimal::parse("0.40");
  in.retail_markup = decimal::parse("1.00");
  in.vat_rate = decimal::parse("0.19");
  in.exchange_rates.emplace_back(currency_code::parse("USD"), currency_code::parse("EUR"),
                                 decimal::parse("0.9210"), parse_date("2026-03-01"), "bench");
  in.explain = false;
  for (auto _ : state) {
    auto r = price_chain(in, d);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PriceChain_Batch);

}  // namespace

BENCHMARK_MAIN();
