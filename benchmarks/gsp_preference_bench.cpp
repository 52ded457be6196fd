// GSP preference decisions per second: the fast path (evaluate: arrangement, coverage,
// graduation, third-country and preferential duty, conditions; no findings) and the explained
// path (decide: findings, duties and the statement on origin), over a fixed mix of queries.
#include <benchmark/benchmark.h>

#include <vector>

#include "fairport/gsp/preference.hpp"

namespace {

using namespace fairport;

std::vector<preference_query> mix() {
  const auto q = [](const char* c, const char* cn, const char* d, const char* dest) {
    preference_query p{country_code::parse(c), tariff_code::parse(cn), country_code::parse(dest),
                       parse_date(d)};
    p.originating = true;
    p.direct_transport = true;
    p.originating_value_eur = money(decimal::parse("4800.00"), currency_code::parse("EUR"));
    p.exporter_name = "Exporter";
    p.origin_criterion = "P";
    return p;
  };
  return {
      q("KG", "5602100000", "2026-03-02", "DE"),  // GSP+, felt
      q("IN", "5701101000", "2026-03-02", "FR"),  // standard GSP, graduated section
      q("BD", "6110120000", "2026-11-24", "NL"),  // EBA after LDC graduation
      q("ID", "6110120000", "2026-03-02", "IT"),  // standard GSP, textile 20 %
      q("KE", "0806200000", "2026-03-02", "ES"),  // standard GSP, suspended at 1 %
      q("CN", "6214200000", "2026-03-02", "DE"),  // not a beneficiary
      q("UZ", "0409000000", "2026-03-02", "AT"),  // GSP+, honey
      q("KH", "9302", "2026-03-02", "BE"),        // EBA, Chapter 93 excluded
  };
}

void BM_GspEvaluate(benchmark::State& state) {
  const gsp_preference_engine engine(reference_data::builtin());
  const auto qs = mix();
  std::size_t i = 0;
  for (auto _ : state) {
    const auto o = engine.evaluate(qs[i]);
    benchmark::DoNotOptimize(o);
    i = (i + 1) % qs.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_GspEvaluate);

void BM_GspDecide(benchmark::State& state) {
  const gsp_preference_engine engine(reference_data::builtin());
  const auto qs = mix();
  std::size_t i = 0;
  for (auto _ : state) {
    auto d = engine.decide(qs[i]);
    benchmark::DoNotOptimize(d);
    i = (i + 1) % qs.size();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_GspDecide);

void BM_GspEngineBuild(benchmark::State& state) {
  const auto& data = reference_data::builtin();
  for (auto _ : state) {
    gsp_preference_engine engine(data);
    benchmark::DoNotOptimize(engine);
  }
}
BENCHMARK(BM_GspEngineBuild);

}  // namespace

BENCHMARK_MAIN();
