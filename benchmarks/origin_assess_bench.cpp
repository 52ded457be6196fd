// Rules-of-origin assessments per second for a product with 10 materials (target: at least
// 1 million per second per core for the decision).
//
//   build/benchmarks/origin_assess_bench [--benchmark_filter=...]
//
// status_*: origin_assessor::status(), the decision without any text (no findings, no strings;
// one small allocation per call for the per-material scratch state). assess_*: the full verdict
// with findings, exact figures and messages (many strings: the explanation costs most of it).
// The products: a ceramic bowl passing the Chapter 69 value rule (alternatives: CTH fails on a
// same-heading blank, then 50 %); a chair that passes CTH with the general tolerance; an
// embroidered cushion cover under the textile stage rule with a material cap.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "fairport/origin/assess.hpp"

namespace {

using namespace fairport;  // NOLINT

origin_material mat(const char* desc, const char* hs, const char* origin, const char* value) {
  origin_material m{desc, tariff_code::parse(hs), std::nullopt, std::nullopt, std::nullopt, false};
  m.origin = country_code::parse(origin);
  m.value = decimal::parse(value);
  return m;
}

origin_product ceramic_bowl() {
  std::vector<origin_material> m = {
      mat("biscuit-fired bowl", "691200", "CN", "2.40"), mat("glaze", "3207", "CN", "0.60"),
      mat("pigment", "3206", "CN", "0.20"),             mat("clay slip", "2508", "TJ", "0.10"),
      mat("gold lustre", "7115", "DE", "0.30"),         mat("label", "4821", "TJ", "0.02"),
      mat("carton", "4819", "CN", "0.15"),              mat("tissue paper", "4802", "CN", "0.03"),
      mat("felt pad", "5602", "CN", "0.05"),            mat("adhesive", "3506", "CN", "0.04")};
  return origin_product{tariff_code::parse("691200"),
                        money(decimal::parse("10.00"), currency_code::parse("EUR")),
                        country_code::parse("TJ"),
                        false,
                        {"ceramic_glazing", "hand_painting", "kiln_firing"},
                        std::move(m),
                        parse_date("2026-03-02"),
                        std::nullopt,
                        "",
                        "",
                        std::nullopt};
}

origin_product chair() {
  std::vector<origin_material> m = {
      mat("sawn teak", "4407", "MM", "52.00"),        mat("seat parts", "940199", "CN", "9.00"),
      mat("screws", "7318", "CN", "0.40"),            mat("glue", "3506", "CN", "0.30"),
      mat("varnish", "3208", "CN", "1.10"),           mat("foam", "3921", "CN", "2.00"),
      mat("upholstery fabric", "5407", "CN", "3.00"), mat("webbing", "5806", "CN", "0.50"),
      mat("felt glides", "5602", "CN", "0.10"),       mat("carton", "4819", "PK", "0.60")};
  return origin_product{tariff_code::parse("940161"),
                        money(decimal::parse("100.00"), currency_code::parse("EUR")),
                        country_code::parse("PK"),
                        false,
                        {"joinery", "upholstering", "finishing"},
                        std::move(m),
                        parse_date("2026-03-02"),
                        std::nullopt,
                        "",
                        "",
                        std::nullopt};
}

origin_product cushion_cover() {
  std::vector<origin_material> m = {
      mat("unembroidered cotton fabric", "5208", "CN", "6.50"), mat("silk yarn", "5006", "CN", "0.90"),
      mat("cotton thread", "5204", "CN", "0.20"),              mat("zip", "9607", "CN", "0.30"),
      mat("buttons", "9606", "CN", "0.10"),                    mat("label", "4821", "TJ", "0.02"),
      mat("dye", "3204", "CN", "0.15"),                        mat("bag", "3923", "CN", "0.05"),
      mat("tissue", "4802", "CN", "0.03"),                     mat("card", "4819", "TJ", "0.04")};
  origin_product p{tariff_code::parse("630492"),
                   money(decimal::parse("20.00"), currency_code::parse("EUR")),
                   country_code::parse("TJ"),
                   false,
                   {"hand_embroidery", "embroidery_and_making_up"},
                   std::move(m),
                   parse_date("2026-03-02"),
                   std::nullopt,
                   "embroidered",
                   "",
                   std::nullopt};
  return p;
}

const origin_assessor& engine() {
  static const origin_assessor a(origin_scheme::eu_gsp, reference_data::builtin());
  return a;
}

template <origin_product (*Make)()>
void status_bench(benchmark::State& state) {
  const auto p = Make();
  const auto& e = engine();
  for (auto _ : state) {
    auto s = e.status(p);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}

template <origin_product (*Make)()>
void assess_bench(benchmark::State& state) {
  const auto p = Make();
  const auto& e = engine();
  for (auto _ : state) {
    auto v = e.assess(p);
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK_TEMPLATE(status_bench, ceramic_bowl)->Name("status_ceramic_bowl_10_materials");
BENCHMARK_TEMPLATE(status_bench, chair)->Name("status_chair_cth_tolerance_10_materials");
BENCHMARK_TEMPLATE(status_bench, cushion_cover)->Name("status_cushion_cover_textile_10_materials");
BENCHMARK_TEMPLATE(assess_bench, ceramic_bowl)->Name("assess_ceramic_bowl_10_materials");
BENCHMARK_TEMPLATE(assess_bench, chair)->Name("assess_chair_cth_tolerance_10_materials");
BENCHMARK_TEMPLATE(assess_bench, cushion_cover)->Name("assess_cushion_cover_textile_10_materials");

}  // namespace

BENCHMARK_MAIN();
