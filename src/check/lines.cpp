// The lines form: the GSP arrangement of each row (once per distinct key), then the landed-cost
// batch over the runs of rows that could be read.
#include "fairport/check/lines.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <type_traits>
#include <unordered_map>

FAIRPORT_BEGIN_NAMESPACE

namespace {

/// The GSP preference by (exporter, CN code, destination, date): few distinct keys per batch.
struct gsp_key {
  char exporter[2];
  char destination[2];
  std::int32_t days;
  char cn[10];
  std::uint8_t cn_length;
  std::uint8_t proof;  // 1: a proof of origin is held for the row's goods (no padding bytes, so
                       // the key compares and hashes bytewise)
  bool operator==(const gsp_key& o) const noexcept {
    return std::memcmp(this, &o, sizeof *this) == 0;
  }
};
static_assert(std::has_unique_object_representations_v<gsp_key>, "gsp_key is compared bytewise");

struct gsp_key_hash {
  std::size_t operator()(const gsp_key& k) const noexcept {
    return std::hash<std::string_view>{}(
        std::string_view(reinterpret_cast<const char*>(&k), sizeof k));
  }
};

gsp_key key_of(country_code exporter, const landed_cost_row& row, bool proof) {
  gsp_key k{};
  k.proof = proof ? 1 : 0;
  std::memcpy(k.exporter, exporter.view().data(), 2);
  std::memcpy(k.destination, row.destination.view().data(), 2);
  k.days = static_cast<std::int32_t>(date::sys_days(row.as_of).time_since_epoch().count());
  const auto digits = row.cn.digits();
  std::memcpy(k.cn, digits.data(), digits.size());
  k.cn_length = static_cast<std::uint8_t>(digits.size());
  return k;
}

struct gsp_answer {
  const duty_expression* preferential = nullptr;
  preference_regime regime = preference_regime::none;
  int code = 0;
  std::string message;
};

}  // namespace

const std::array<std::string_view, 9>& line_result_columns() noexcept {
  static constexpr std::array<std::string_view, 9> columns = {
      "customs_value", "duty",   "third_country_duty", "vat",          "landed_cost",
      "result_currency", "regime", "error_code",       "error_message"};
  return columns;
}

const std::vector<std::string_view>& line_input_columns() noexcept {
  static const std::vector<std::string_view> columns = {
      "as_of",         "exporter_country",     "origin_proof", "importer_country",
      "incoterm",      "currency",             "hs_code",      "invoice_value",
      "freight_to_border", "insurance",        "freight_after_border", "net_mass_kg",
      "quantity",      "vat_category",         "declaration_currency"};
  return columns;
}

namespace {

/// The edit distance of a and b (insertions, deletions, substitutions, transpositions), capped
/// at 3 (enough to tell "within two edits").
std::size_t edits(std::string_view a, std::string_view b) {
  if (a.size() > b.size() + 2 || b.size() > a.size() + 2) return 3;
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return std::min<std::size_t>(d[a.size()][b.size()], 3);
}

}  // namespace

std::optional<std::string_view> nearest_line_column(std::string_view name) {
  const auto& known = line_input_columns();
  if (std::find(known.begin(), known.end(), name) != known.end()) return std::nullopt;
  for (const auto k : known) {
    if (edits(name, k) <= 2) return k;
  }
  if (name.size() >= 3) {  // a part of a column's name: "exporter", "mass"
    for (const auto k : known) {
      if (k.find(name) != std::string_view::npos) return k;
    }
  }
  return std::nullopt;
}

void refuse_misspelt_columns(const std::vector<std::string>& names) {
  for (const auto& n : names) {
    const auto near = nearest_line_column(n);
    if (!near) continue;
    const bool present = std::find(names.begin(), names.end(), *near) != names.end();
    if (edits(n, *near) > 2 && present) continue;  // "exporter" beside "exporter_country"
    detail::throw_error(errc::invalid_argument,
                        "column \"" + n + "\" is not a column of the lines form; did you mean \"" +
                            std::string(*near) + "\"? (a misspelt column would be ignored and its "
                            "figures lost)");
  }
}

bool parse_origin_proof(std::string_view cell) {
  if (cell == "true") return true;
  if (cell.empty() || cell == "false") return false;
  detail::throw_error(errc::invalid_argument,
                      "origin_proof \"" + std::string(cell) +
                          "\" is not true, false or empty (true: a statement on origin is held "
                          "for the goods, Implementing Regulation (EU) 2015/2447, Art. 92)");
}

struct lines_checker::impl {
  const reference_data& data;
  gsp_preference_engine gsp;
  std::unordered_map<gsp_key, gsp_answer, gsp_key_hash> answers;

  explicit impl(const reference_data& d) : data(d), gsp(d) {}

  const gsp_answer& preference(country_code exporter, const landed_cost_row& row, bool proof) {
    const gsp_key k = key_of(exporter, row, proof);
    auto it = answers.find(k);
    if (it != answers.end()) return it->second;
    gsp_answer a;
    try {
      // Fail closed: without a proof of origin the conditions are not shown and the row pays
      // the third-country duty (the GSP engine's `conditional`).
      preference_query q(exporter, row.cn, row.destination, row.as_of);
      if (proof) {
        q.originating = true;
        q.direct_transport = true;
        q.proof_of_origin_held = true;
      }
      const auto o = gsp.evaluate(q);
      if (o.eligible() && o.preferential != nullptr) {
        a.preferential = o.preferential;
        a.regime = o.applied;
      }
    } catch (const error& e) {
      a.code = static_cast<int>(e.code());
      a.message = e.what();
    }
    return answers.emplace(k, std::move(a)).first->second;
  }
};

lines_checker::lines_checker(const reference_data& data) : impl_(std::make_unique<impl>(data)) {}
lines_checker::~lines_checker() = default;
lines_checker::lines_checker(lines_checker&&) noexcept = default;
lines_checker& lines_checker::operator=(lines_checker&&) noexcept = default;

void lines_checker::check(landed_cost_row* rows, const std::optional<country_code>* exporters,
                          const bool* origin_proof, std::size_t n, landed_cost_row_result* out,
                          preference_regime* regimes, const std::vector<fx_rate>& exchange_rates) {
  for (std::size_t i = 0; i < n; ++i) {
    regimes[i] = preference_regime::none;
    rows[i].preferential = nullptr;
    if (out[i].code != 0 || exporters == nullptr || !exporters[i]) continue;
    const gsp_answer& a =
        impl_->preference(*exporters[i], rows[i], origin_proof != nullptr && origin_proof[i]);
    if (a.code != 0) {
      out[i].code = a.code;
      out[i].message = a.message;
      continue;
    }
    rows[i].preferential = a.preferential;
    regimes[i] = a.regime;
  }
  // The batch over each run of readable rows (it looks each distinct key up once per run).
  for (std::size_t i = 0; i < n;) {
    if (out[i].code != 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && out[j].code == 0) ++j;
    landed_cost_batch(rows + i, j - i, impl_->data, out + i, exchange_rates);
    for (std::size_t k = i; k < j; ++k) {
      if (out[k].code != 0) regimes[k] = preference_regime::none;
    }
    i = j;
  }
}

FAIRPORT_END_NAMESPACE
