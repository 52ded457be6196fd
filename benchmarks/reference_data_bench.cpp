// How long loading the complete reference-data set takes (target: under 50 ms), and how long
// the lookups the engines make cost once it is loaded.
//
//   build/benchmarks/reference_data_bench [--benchmark_filter=...]
//
// load_directory reads src/data from disk (manifest, sha256 of every file, strict parse, typed
// tables); rebuild_from_memory is the same work without the disk (what builtin() does once,
// and what with_override() does for the whole set).
#include <benchmark/benchmark.h>

#include <string>

#include "fairport/calendar.hpp"
#include "fairport/data/countries.hpp"
#include "fairport/data/reference_data.hpp"

namespace {

const std::string data_dir = std::string(FAIRPORT_SOURCE_DIR) + "/src/data";

void load_directory(benchmark::State& state) {
  for (auto _ : state) {
    auto d = fairport::load_reference_data(data_dir);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(load_directory)->Unit(benchmark::kMillisecond);

void rebuild_from_memory(benchmark::State& state) {
  const auto& builtin = fairport::reference_data::builtin();
  const std::string file = data_dir + "/" + builtin.datasets().front().file;
  for (auto _ : state) {
    // Replacing one dataset re-checks and rebuilds every table from the in-memory texts.
    auto d = builtin.with_override(file);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(rebuild_from_memory)->Unit(benchmark::kMillisecond);

void country_group_lookup(benchmark::State& state) {
  const auto& c = fairport::reference_data::builtin().countries();
  const auto kg = fairport::country_code::parse("BD");
  const auto day = fairport::parse_date("2026-03-16");
  for (auto _ : state) benchmark::DoNotOptimize(c.is_member("un_ldc", kg, day));
}
BENCHMARK(country_group_lookup);

}  // namespace

BENCHMARK_MAIN();
