// The landed-cost engine: a 20-line consignment with allocation, conversion and findings, and
// the batch form per row (no findings, no allocation).
//
//   build/benchmarks/landed_cost_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "fairport/fairport.hpp"

namespace {

using namespace fairport;

landed_cost_input consignment_of(std::size_t lines) {
  landed_cost_input in;
  in.id = "bench";
  in.as_of = parse_date("2026-03-16");
  in.destination = country_code::parse("DE");
  in.terms = incoterm::fca;
  in.currency = currency_code::parse("USD");
  in.exchange_rates.emplace_back(currency_code::parse("USD"), currency_code::parse("EUR"),
                                 decimal::parse("0.9210"), parse_date("2026-03-01"), "bench");
  in.costs.freight_to_border = money(decimal::parse("420.00"), currency_code::parse("USD"));
  in.costs.insurance = money(decimal::parse("35.00"), currency_code::parse("USD"));
  in.costs.freight_after_border = money(decimal::parse("80.00"), currency_code::parse("EUR"));
  const char* codes[] = {"5602210000", "5701109000", "4202210000", "6912002500", "0813100000"};
  for (std::size_t i = 0; i < lines; ++i) {
    landed_cost_line l;
    l.id = std::to_string(i + 1);
    l.cn = tariff_code::parse(codes[i % 5]);
    l.invoice_value = decimal::from_parts(100000 + 1234 * static_cast<long>(i), 2);
    l.quantity = measure{decimal(3), any_unit::parse("piece")};
    l.net_mass = kilograms(decimal::parse("12.5"));
    l.supplementary.push_back(measure{decimal::parse("6.00"), any_unit::parse("m2")});
    in.lines.push_back(l);
  }
  return in;
}

void consignment_20_lines(benchmark::State& state) {
  const auto& data = reference_data::builtin();
  const auto in = consignment_of(20);
  for (auto _ : state) {
    auto r = landed_cost(in, data);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * 20);
}
BENCHMARK(consignment_20_lines)->Unit(benchmark::kMicrosecond);

void batch_rows(benchmark::State& state) {
  const auto& data = reference_data::builtin();
  std::vector<landed_cost_row> rows(1000);
  const char* codes[] = {"5602210000", "4202210000", "6912002500", "0813100000"};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto& r = rows[i];
    r.as_of = parse_date("2026-03-16");
    r.destination = country_code::parse(i % 2 ? "DE" : "NL");
    r.terms = incoterm::fca;
    r.cn = tariff_code::parse(codes[i % 4]);
    r.currency = currency_code::parse("EUR");
    r.invoice_value = decimal::from_parts(100000 + 37 * static_cast<long>(i), 2);
    r.freight_to_border = decimal::parse("25.00");
    r.insurance = decimal::parse("3.50");
    r.net_mass_kg = decimal::parse("12.5");
  }
  std::vector<landed_cost_row_result> out(rows.size());
  for (auto _ : state) {
    landed_cost_batch(rows.data(), rows.size(), data, out.data());
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(rows.size()));
}
BENCHMARK(batch_rows)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
