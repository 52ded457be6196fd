#pragma once
// Private to the command-line tool.
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "fairport/check/check.hpp"

namespace fairport::cli {

/// Prints the worked money example: price x quantity, a dated currency conversion and a named
/// rounding step, each explained. Returns the exit status.
int run_example(std::ostream& out);

struct check_options {
  std::string format = "text";  ///< text, json, html
  std::optional<std::string> output;
  std::optional<std::string> data_dir;
  std::vector<std::string> datasets;  ///< --dataset FILE: replaces the dataset of the same id
  bool example = false;
  bool verbose = false;
  bool progress = false;  ///< a progress line on stderr (when it is a terminal)
  std::optional<std::string> lines;  ///< --lines FILE.csv
  std::optional<std::string> rates;  ///< --rates FILE.csv: base,quote,rate,date[,source]
  std::optional<char> delimiter;     ///< --delimiter: else detected from the header
  std::optional<bool> decimal_comma;  ///< --decimal comma|point: else comma when ';' separates
  std::vector<std::string> keep_columns;  ///< --keep-column NAME: carried through untouched
  std::size_t chunk_rows = 16384;  ///< --lines reads, checks and writes this many rows at a time
};

/// How a lines CSV is written: its field delimiter and decimal separator.
struct csv_dialect {
  char delimiter = ',';
  bool decimal_comma = false;
};

/// A number cell as decimal::parse reads it: with a decimal comma, "187,35" is "187.35" and a
/// point is refused (a thousands separator or a decimal point cannot be told apart); with a
/// decimal point, a comma is refused with the hint to read the file with --decimal-comma.
/// @throws input_error [fairport.input.106]
std::string number_text(const std::string& cell, csv_dialect dialect);

/// The reference data of the command: the built-in set, or `data_dir` (a complete set when it
/// holds a manifest.json, else the user's layer over the built-in set:
/// reference_data::from_directory), each of `datasets` replacing the dataset of the same id
/// (reference_data::with_override).
reference_data load_reference(const std::optional<std::string>& data_dir,
                              const std::vector<std::string>& datasets);

/// `fairport data import ecb FILE [--output PATH]`: the monthly customs rates of the ECB file
/// (CSV, or the ECB's zip holding it) as the eu_customs_exchange_rates dataset.
int run_import_ecb(const std::string& file, const std::optional<std::string>& output,
                   const reference_data& data, std::ostream& out, std::ostream& err);

/// `fairport tariff search WORDS...`: the codes whose descriptions hold the words (with each
/// one's duty on `as_of` when given). Returns 0, or 1 when nothing is found.
int run_tariff_search(const std::string& words, const std::optional<date::year_month_day>& as_of,
                      const reference_data& data, std::ostream& out);

/// `fairport tariff show CODE --as-of DATE`: the description, duty, GSP coverage and list rule.
int run_tariff_show(const tariff_code& code, const date::year_month_day& as_of,
                    const reference_data& data, std::ostream& out);

/// `fairport data import xi-tariff FILE_OR_DIR... [--output PATH] [--as-of DATE] [--verbose]`:
/// the third-country duties of UK Trade Tariff API v2 (XI) responses as a user's data file for
/// eu_cct_erga_omnes; every measure is mapped, kept as not computable, or named out of scope.
int run_import_xi(const std::vector<std::string>& paths, const std::optional<std::string>& output,
                  const std::optional<std::string>& as_of, bool verbose, const reference_data& data,
                  std::ostream& out, std::ostream& err);

/// `fairport check`: checks the files (and the built-in example); returns the exit status.
int run_check(const std::vector<std::string>& files, const check_options& o, std::ostream& out,
              std::ostream& err);

/// `fairport check --lines FILE.csv`: one independent line per row (columns as_of,
/// exporter_country, origin_proof, importer_country, incoterm, currency, hs_code, invoice_value,
/// freight_to_border, insurance, freight_after_border, net_mass_kg, quantity, vat_category,
/// declaration_currency); writes the rows back with customs_value, duty, third_country_duty,
/// vat, landed_cost, result_currency (EUR in the euro area, else the declaration currency),
/// regime, error_code, error_message. A row pays a GSP preferential duty only with origin_proof=true
/// (fail closed: the origin is not assessed in this form). Returns 0, or 2 when a row has an
/// error.
int run_lines(const std::string& file, const check_options& o, std::ostream& out,
              std::ostream& err);

/// As run_lines(file, ...), reading the CSV from `in` (`file` names it in messages).
int run_lines(std::istream& in, const std::string& file, const check_options& o, std::ostream& out,
              std::ostream& err);

/// The output header of run_lines for the given input columns.
std::string line_header(const std::vector<std::string>& input_columns, char delimiter = ',');

}  // namespace fairport::cli
