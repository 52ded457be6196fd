// Google Benchmark for fairport::decimal. Each benchmark walks fixed, seeded arrays of N values;
// the counter "ns_per_op" is the time per element (per decimal operation).
// Run: build-*/benchmarks/decimal_bench --benchmark_min_time=0.2
#include "fairport/decimal.hpp"
#include "fairport/fixed_point.hpp"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using fairport::decimal;
using fairport::rounding_mode;

constexpr std::size_t N = 1024;

struct data {
  std::vector<decimal> price, qty, a, b, divisor;
  std::vector<double> price_d, qty_d;
  std::vector<std::int64_t> price_c, qty_c;  // the same prices and quantities as int64 columns
  std::vector<std::string> text;
  data() {
    std::mt19937_64 rng(42);
    for (std::size_t i = 0; i < N; ++i) {
      const std::int64_t p = static_cast<std::int64_t>(rng() % 999999999) + 1;  // 0.0001 .. 99999.9999
      const std::int64_t q = static_cast<std::int64_t>(rng() % 9999999) + 1;    // 0.001 .. 9999.999
      price.push_back(decimal::from_parts(p, 4));
      qty.push_back(decimal::from_parts(q, 3));
      price_c.push_back(p);
      qty_c.push_back(q);
      price_d.push_back(static_cast<double>(p) / 1e4);
      qty_d.push_back(static_cast<double>(q) / 1e3);
      a.push_back(decimal::from_parts(static_cast<std::int64_t>(rng() % 2000000000) - 1000000000, 2));
      b.push_back(decimal::from_parts(static_cast<std::int64_t>(rng() % 2000000000) - 1000000000, 2));
      divisor.push_back(decimal::from_parts(static_cast<std::int64_t>(rng() % 99999) + 1, 3));
      text.push_back(decimal::from_parts(static_cast<std::int64_t>(rng() % 100000000000), 2).to_string());
    }
  }
};

const data& get() {
  static const data d;
  return d;
}

void per_op(benchmark::State& state) {
  state.counters["ns_per_op"] = benchmark::Counter(
      static_cast<double>(N), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

void BM_MultiplyRoundAdd(benchmark::State& state) {
  const data& d = get();
  const decimal* price = d.price.data();  // as a caller's loop holds them: in registers
  const decimal* qty = d.qty.data();
  for (auto _ : state) {
    decimal acc = decimal::from_parts(0, 6);
    for (std::size_t i = 0; i < N; ++i) acc += (price[i] * qty[i]).round(6, rounding_mode::half_even);
    decimal result = acc;  // keeps acc itself out of memory
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_MultiplyRoundAdd);

// The same computation through the fused multiply(a, b, scale, mode).
void BM_FusedMultiplyRoundAdd(benchmark::State& state) {
  const data& d = get();
  const decimal* price = d.price.data();
  const decimal* qty = d.qty.data();
  for (auto _ : state) {
    decimal acc = decimal::from_parts(0, 6);
    for (std::size_t i = 0; i < N; ++i) acc += multiply(price[i], qty[i], 6, rounding_mode::half_even);
    decimal result = acc;
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_FusedMultiplyRoundAdd);

// The same with half_up, the mode of fairport's EU customs rounding (eu_customs_rounding):
// its bias needs no remainder, so no tie test.
void BM_FusedMultiplyRoundAddHalfUp(benchmark::State& state) {
  const data& d = get();
  const decimal* price = d.price.data();
  const decimal* qty = d.qty.data();
  for (auto _ : state) {
    decimal acc = decimal::from_parts(0, 6);
    for (std::size_t i = 0; i < N; ++i) acc += multiply(price[i], qty[i], 6, rounding_mode::half_up);
    decimal result = acc;
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_FusedMultiplyRoundAddHalfUp);

// The same computation over int64 columns at stated scales (4 and 3): multiply_fixed rounds
// each product once to scale 6, then the column is summed in 128 bits with one range check.
void BM_FixedColumnsMultiplyRoundAdd(benchmark::State& state) {
  const data& d = get();
  std::vector<std::int64_t> ext(N);
  std::vector<std::uint8_t> overflow(N);
  for (auto _ : state) {
    fairport::multiply_fixed(d.price_c.data(), 4, d.qty_c.data(), 3, N, 6, rounding_mode::half_even,
                             ext.data(), overflow.data());
    fairport::int128 acc = 0;
    for (std::size_t i = 0; i < N; ++i) acc += ext[i];
    decimal result = decimal::from_parts(acc, 6);  // throws beyond 38 digits
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_FixedColumnsMultiplyRoundAdd);

void BM_DoubleMultiplyAdd(benchmark::State& state) {
  const data& d = get();
  for (auto _ : state) {
    double acc = 0;
    for (std::size_t i = 0; i < N; ++i) acc += d.price_d[i] * d.qty_d[i];
    double result = acc;
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_DoubleMultiplyAdd);

void BM_AddEqualScale(benchmark::State& state) {
  const data& d = get();
  for (auto _ : state) {
    decimal acc = decimal::from_parts(0, 2);
    for (std::size_t i = 0; i < N; ++i) acc += d.a[i];
    decimal result = acc;  // keeps acc itself out of memory
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_AddEqualScale);

void BM_AddPairsEqualScale(benchmark::State& state) {
  const data& d = get();
  std::vector<decimal> out(N);
  for (auto _ : state) {
    for (std::size_t i = 0; i < N; ++i) out[i] = d.a[i] + d.b[i];
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  per_op(state);
}
BENCHMARK(BM_AddPairsEqualScale);

void BM_CompareEqualScale(benchmark::State& state) {
  const data& d = get();
  for (auto _ : state) {
    int count = 0;
    for (std::size_t i = 0; i < N; ++i) count += d.a[i] < d.b[i];
    int result = count;
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_CompareEqualScale);

void BM_CompareMixedScale(benchmark::State& state) {
  const data& d = get();
  for (auto _ : state) {
    int count = 0;
    for (std::size_t i = 0; i < N; ++i) count += d.a[i] < d.price[i];
    int result = count;
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_CompareMixedScale);

void BM_DivideScaleMode(benchmark::State& state) {
  const data& d = get();
  for (auto _ : state) {
    decimal acc = decimal::from_parts(0, 6);
    for (std::size_t i = 0; i < N; ++i) acc += divide(d.a[i], d.divisor[i], 6, rounding_mode::half_even);
    decimal result = acc;  // keeps acc itself out of memory
    benchmark::DoNotOptimize(result);
  }
  per_op(state);
}
BENCHMARK(BM_DivideScaleMode);

void BM_Parse(benchmark::State& state) {
  const data& d = get();
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < N; ++i) sum += static_cast<std::int64_t>(decimal::parse(d.text[i]).coefficient());
    benchmark::DoNotOptimize(sum);
  }
  per_op(state);
}
BENCHMARK(BM_Parse);

void BM_Format(benchmark::State& state) {
  const data& d = get();
  for (auto _ : state) {
    std::size_t len = 0;
    for (std::size_t i = 0; i < N; ++i) len += d.price[i].to_string().size();
    benchmark::DoNotOptimize(len);
  }
  per_op(state);
}
BENCHMARK(BM_Format);

}  // namespace

BENCHMARK_MAIN();
