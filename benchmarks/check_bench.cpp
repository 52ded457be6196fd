// The consignment check end to end: JSON text in, JSON report out, for consignments of 20
// lines (the target: 10,000 of them in under 10 seconds on one core, i.e. under 1 ms each).
// The lines repeat the example's two products, as an artisan consignment repeats a few CN
// codes; the check decides the GSP preference once per CN code and origin verdict, so 20
// distinct codes would cost about 4 microseconds more per extra code.
//
//   build/benchmarks/check_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"

namespace {

using namespace fairport;

/// The built-in example with its two lines repeated to `lines` lines.
std::string consignment_text(std::size_t lines) {
  auto doc = nlohmann::json::parse(example_consignment(default_example));
  const auto base = doc["lines"];
  doc["lines"] = nlohmann::json::array();
  for (std::size_t i = 0; i < lines; ++i) {
    auto l = base[i % base.size()];
    l["id"] = std::to_string(i + 1);
    doc["lines"].push_back(l);
  }
  return doc.dump();
}

void check_json_to_json(benchmark::State& state) {
  const consignment_checker checker(reference_data::builtin());
  const std::string text = consignment_text(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto parsed = read_consignment(text);
    auto r = checker.check(parsed.value);
    auto out = to_json(r);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["seconds_per_10000"] =
      benchmark::Counter(static_cast<double>(state.iterations()) / 10000.0,
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(check_json_to_json)->Arg(20)->Unit(benchmark::kMillisecond);

// The three stages apart, to see where the time goes.
void stage_read(benchmark::State& state) {
  const std::string text = consignment_text(20);
  for (auto _ : state) benchmark::DoNotOptimize(read_consignment(text));
}
BENCHMARK(stage_read)->Unit(benchmark::kMicrosecond);

void stage_check(benchmark::State& state) {
  const consignment_checker checker(reference_data::builtin());
  const auto parsed = read_consignment(consignment_text(20));
  for (auto _ : state) benchmark::DoNotOptimize(checker.check(parsed.value));
}
BENCHMARK(stage_check)->Unit(benchmark::kMicrosecond);

void stage_write(benchmark::State& state) {
  const consignment_checker checker(reference_data::builtin());
  const auto r = checker.check(read_consignment(consignment_text(20)).value);
  for (auto _ : state) benchmark::DoNotOptimize(to_json(r, static_cast<int>(state.range(0))));
}
BENCHMARK(stage_write)->Arg(2)->Arg(-1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
