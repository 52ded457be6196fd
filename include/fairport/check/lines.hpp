#pragma once
/// @file check/lines.hpp
/// The lines form: many independent lines (one good, one destination, one date each), their
/// landed cost and the GSP arrangement each may claim. The one pipeline behind
/// `fairport check --lines` and Python's `check_lines`: the faces read their rows (CSV, columns)
/// and write the results; the rules run here, so the two cannot differ.
///
/// Synopsis
/// @code
/// const std::array<std::string_view, 9>& line_result_columns();   // the output columns
/// bool parse_origin_proof(std::string_view cell);                   // "true", "false", ""
/// class lines_checker {
///   explicit lines_checker(const reference_data&);               // the GSP engine, built once
///   void check(landed_cost_row* rows, const std::optional<country_code>* exporters,
///              const bool* origin_proof, std::size_t n, landed_cost_row_result* out,
///              preference_regime* regimes, const std::vector<fx_rate>& exchange_rates);
/// };
/// @endcode
///
/// Per row: the GSP preference of (exporter, CN code, destination, date, origin proof), looked
/// up once per distinct key. The origin is not assessed in this form, so it fails closed: a row
/// gets the preferential duty only when it names an exporter *and* says a proof of origin is
/// held for its goods (`origin_proof`: a statement on origin made out as Implementing Reg.
/// 2015/2447 Art. 92 requires, for goods transported directly); every other row pays the
/// third-country duty. Then landed_cost_batch() on the runs of rows that could be read.

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/gsp/preference.hpp"
#include "fairport/landed_cost/landed_cost.hpp"
#include "fairport/rate.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The result columns of the lines form, in the order both faces write them: customs_value,
/// duty, third_country_duty, vat, landed_cost, result_currency (the declaration currency of the
/// five amounts), regime, error_code, error_message.
const std::array<std::string_view, 9>& line_result_columns() noexcept;

/// The input columns of the lines form: as_of, exporter_country, origin_proof, importer_country,
/// incoterm, currency, hs_code, invoice_value, freight_to_border, insurance,
/// freight_after_border, net_mass_kg, quantity, vat_category, declaration_currency.
const std::vector<std::string_view>& line_input_columns() noexcept;

/// The column of line_input_columns() that `name` (not itself one) resembles: within two edits
/// ("freight_to_boarder"), else the first whose name holds it ("exporter", "mass"; three
/// characters at least); none for a name like neither.
std::optional<std::string_view> nearest_line_column(std::string_view name);

/// Refuses a column name that is not one of line_input_columns() but resembles one
/// (nearest_line_column): within two edits always, a part of a name ("exporter") when the
/// column it is part of is absent. Other columns pass through untouched. A misspelt optional
/// column would otherwise be ignored and its figures lost (a row without exporter_country pays
/// the third-country duty).
/// @throws input_error [fairport.input.106] naming the column and the one it resembles.
void refuse_misspelt_columns(const std::vector<std::string>& names);

/// The `origin_proof` cell of the lines form: "true" (a proof of origin is held), "false" or
/// empty (none: no preference). Anything else: input_error [fairport.input.106] naming the
/// accepted values, never a guess.
bool parse_origin_proof(std::string_view cell);

/// The lines pipeline, prepared for one reference data (not thread-safe: it caches the
/// preferences it has looked up; use one per thread).
class lines_checker {
 public:
  explicit lines_checker(const reference_data& data);
  ~lines_checker();
  lines_checker(lines_checker&&) noexcept;
  lines_checker& operator=(lines_checker&&) noexcept;

  /// Checks rows [0, n) into out[0, n) and regimes[0, n) (parallel arrays, so a face's own
  /// buffers go through without copies). `exporters` may be null (no row names one);
  /// `origin_proof` may be null (no row holds a proof: no preference); each row's
  /// `preferential` is set here. A row the face could not read is marked by the face before the
  /// call (out[i].code non-zero, with its message) and is left as it is; every other row gets
  /// its figures or its own error. A failed row's regime is none.
  void check(landed_cost_row* rows, const std::optional<country_code>* exporters,
             const bool* origin_proof, std::size_t n, landed_cost_row_result* out,
             preference_regime* regimes, const std::vector<fx_rate>& exchange_rates);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

FAIRPORT_END_NAMESPACE
