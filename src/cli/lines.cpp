// fairport check --lines FILE.csv: the landed cost and GSP regime of many independent lines,
// read, checked and written in chunks (memory bounded by the chunk, not by the file).
#include "fairport/check/lines.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "fairport/fairport.hpp"
#include "fairport/io/csv.hpp"

namespace fairport::cli {

namespace {

bool blank(const std::vector<std::string>& r) { return r.size() == 1 && r[0].empty(); }

/// The delimiter of a header line: the most frequent of , ; and tab outside quotes (a header
/// holds names, never numbers, so their decimal commas cannot mislead); a comma on a tie.
char detect_delimiter(const std::string& header) {
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (char c : header) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    comma += c == ',';
    semicolon += c == ';';
    tab += c == '\t';
  }
  if (semicolon > comma && semicolon >= tab) return ';';
  if (tab > comma && tab > semicolon) return '\t';
  return ',';
}

/// The rates file of --rates (io/csv.hpp).
std::vector<fx_rate> read_rates(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) detail::throw_error(errc::invalid_argument, file + ": cannot read the rates file");
  return read_rates_csv(in, file);
}

/// Refuses a header column that is not a column of the lines form and not kept on purpose
/// (--keep-column): its figures would otherwise be lost without a word.
void refuse_unknown_columns(const std::vector<std::string>& header, const check_options& o) {
  const auto& known = line_input_columns();
  for (const auto& n : header) {
    if (std::find(known.begin(), known.end(), n) != known.end()) continue;
    if (std::find(o.keep_columns.begin(), o.keep_columns.end(), n) != o.keep_columns.end()) {
      continue;
    }
    std::string list;
    for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    const auto near = nearest_line_column(n);
    detail::throw_error(
        errc::invalid_argument,
        "column \"" + n + "\" is not a column of the lines form" +
            (near ? "; did you mean \"" + std::string(*near) + "\"?" : std::string(".")) +
            " The columns are: " + list +
            ". To carry a column of your own through to the output, give --keep-column " + n);
  }
}

/// One chunk of rows of a lines CSV, read into the lines pipeline's arrays; a row that cannot be
/// read gets its error (code and message) and is skipped by the pipeline.
struct lines_chunk {
  const std::vector<std::string>& header;
  const std::map<std::string, std::size_t>& col;
  csv_dialect dialect;
  std::vector<std::vector<std::string>> records;
  std::size_t size = 0;  // the records in use (the vectors are reused between chunks)
  std::vector<landed_cost_row> rows;
  std::vector<landed_cost_row_result> res;
  std::vector<std::optional<country_code>> exporters;
  std::unique_ptr<bool[]> proofs;  // origin_proof per row (std::vector<bool> has no data())
  std::vector<preference_regime> regimes;

  lines_chunk(const std::vector<std::string>& h, const std::map<std::string, std::size_t>& c,
              csv_dialect d, std::size_t capacity)
      : header(h), col(c), dialect(d), records(capacity), rows(capacity), res(capacity),
        exporters(capacity), proofs(std::make_unique<bool[]>(capacity)), regimes(capacity) {}

  std::string get(const std::vector<std::string>& r, const char* k) const {
    auto it = col.find(k);
    if (it == col.end() || it->second >= r.size()) return {};
    return r[it->second];
  }
  std::optional<decimal> num(const std::vector<std::string>& r, const char* k) const {
    const std::string s = get(r, k);
    if (s.empty()) return std::nullopt;
    try {
      return decimal::parse(number_text(s, dialect));
    } catch (const error& e) {
      detail::throw_error(e.code(), std::string(k) + ": " + e.message());
    }
  }

  void read_row(std::size_t i) {
    const auto& r = records[i];
    auto& row = rows[i];
    if (r.size() != header.size()) {
      detail::throw_error(errc::invalid_document, "the row has " + std::to_string(r.size()) +
                                                      " fields, the header " +
                                                      std::to_string(header.size()));
    }
    row = landed_cost_row();
    row.as_of = parse_date(get(r, "as_of"));
    row.destination = country_code::parse(get(r, "importer_country"));
    row.terms = parse_incoterm(get(r, "incoterm"));
    row.currency = currency_code::parse(get(r, "currency"));
    row.cn = tariff_code::parse(get(r, "hs_code"));
    row.invoice_value = num(r, "invoice_value").value_or(decimal());
    row.freight_to_border = num(r, "freight_to_border").value_or(decimal());
    row.insurance = num(r, "insurance").value_or(decimal());
    row.freight_after_border = num(r, "freight_after_border").value_or(decimal());
    row.net_mass_kg = num(r, "net_mass_kg");
    row.quantity = num(r, "quantity");
    const std::string declared = get(r, "declaration_currency");
    if (!declared.empty()) row.declaration_currency = currency_code::parse(declared);
    const auto vat = col.find("vat_category");  // a view of the record's own cell
    row.vat_category = vat == col.end() || vat->second >= r.size() ? std::string_view()
                                                                  : std::string_view(r[vat->second]);
    const std::string exporter = get(r, "exporter_country");
    if (!exporter.empty()) exporters[i] = country_code::parse(exporter);
    proofs[i] = parse_origin_proof(get(r, "origin_proof"));
  }

  void read_rows() {
    for (std::size_t i = 0; i < size; ++i) {
      res[i] = landed_cost_row_result();
      exporters[i].reset();
      proofs[i] = false;
      regimes[i] = preference_regime::none;
      try {
        read_row(i);
      } catch (const error& e) {
        res[i].code = static_cast<int>(e.code());
        res[i].message = e.what();
      }
    }
  }

  std::string amount(const decimal& d) const {
    std::string s = d.to_string();
    if (dialect.decimal_comma) std::replace(s.begin(), s.end(), '.', ',');
    return csv_field(s, dialect.delimiter);  // quoted when the comma is also the delimiter
  }

  /// The input columns as given, then the pipeline's; returns the number of failed rows.
  std::size_t write(std::ostream& dest) const {
    const char d = dialect.delimiter;
    std::size_t failed = 0;
    for (std::size_t i = 0; i < size; ++i) {
      const auto& r = records[i];
      const auto& x = res[i];
      for (std::size_t k = 0; k < header.size(); ++k) {
        dest << (k < r.size() ? csv_field(r[k], d) : std::string()) << d;
      }
      if (x.code == 0) {
        dest << amount(x.customs_value) << d << amount(x.duty) << d
             << amount(x.third_country_duty) << d << amount(x.vat) << d << amount(x.landed_cost)
             << d << x.currency << d << to_string(regimes[i]) << d << d << '\n';
      } else {
        ++failed;
        const std::string tag = code_tag(static_cast<errc>(x.code));
        for (int k = 0; k < 6; ++k) dest << d;
        dest << "none" << d << tag.substr(1, tag.size() - 2) << d << csv_field(x.message, d)
             << '\n';
      }
    }
    return failed;
  }
};

/// The progress line on standard error: rows, rows per second and, when the input's length is
/// known, the share read and the time left. Redrawn at most five times a second.
class progress_line {
 public:
  progress_line(std::ostream& err, bool on, std::uintmax_t total_bytes)
      : err_(err), on_(on), total_(total_bytes), start_(clock::now()), last_(start_) {}

  void update(std::size_t rows, std::istream& in, bool final = false) {
    if (!on_) return;
    const auto now = clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double rate = seconds > 0 ? static_cast<double>(rows) / seconds : 0.0;
    std::ostringstream line;
    line << "\rfairport check --lines: " << rows << " rows, " << static_cast<long long>(rate)
         << " rows/s";
    const auto pos = in.good() ? static_cast<long long>(in.tellg()) : -1LL;
    if (total_ > 0 && (pos >= 0 || final)) {
      const double share =
          final ? 1.0 : std::min(1.0, static_cast<double>(pos) / static_cast<double>(total_));
      const int width = 20;
      const int filled = static_cast<int>(share * width);
      line << " [" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
           << static_cast<int>(share * 100) << " %";
      if (share > 0) {
        line << ", " << static_cast<long long>(seconds * (1 - share) / share) << " s left";
      }
    }
    const std::size_t length = line.str().size();
    if (length < last_length_) line << std::string(last_length_ - length, ' ');
    last_length_ = length;
    err_ << line.str() << (final ? "\n" : "") << std::flush;
  }

 private:
  using clock = std::chrono::steady_clock;
  std::ostream& err_;
  bool on_;
  std::uintmax_t total_;
  clock::time_point start_, last_;
  std::size_t last_length_ = 0;
};

int run_lines_in(std::istream& in, const std::string& file, const check_options& o,
                 std::uintmax_t total_bytes, std::ostream& out, std::ostream& err);

}  // namespace

std::string number_text(const std::string& cell, csv_dialect dialect) {
  if (!dialect.decimal_comma) {
    if (cell.find(',') != std::string::npos) {
      detail::throw_error(errc::invalid_argument,
                          "\"" + cell + "\" has a decimal comma; read the file with "
                          "--decimal-comma (or write 187.35)");
    }
    return cell;
  }
  if (cell.find('.') != std::string::npos) {
    detail::throw_error(errc::invalid_argument,
                        "\"" + cell + "\" has a point in a file read with decimal commas: a "
                        "thousands separator or a decimal point? Write 1234,56 (no grouping), or "
                        "read the file with --decimal point");
  }
  std::string s = cell;
  std::replace(s.begin(), s.end(), ',', '.');
  return s;
}

int run_lines(const std::string& file, const check_options& o, std::ostream& out,
              std::ostream& err) {
  if (file == "-") return run_lines_in(std::cin, "standard input", o, 0, out, err);
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    err << "fairport: " << file << ": [fairport.input.106] cannot read the file\n";
    return 2;
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  return run_lines_in(in, file, o, ec ? 0 : size, out, err);
}

int run_lines(std::istream& in, const std::string& file, const check_options& o,
              std::ostream& out, std::ostream& err) {
  return run_lines_in(in, file, o, 0, out, err);
}

namespace {

/// The header of a lines CSV, with its dialect; prints the error and returns false when it
/// cannot be used.
bool read_header(std::istream& in, const std::string& file, const check_options& o,
                 std::vector<std::string>& header, csv_dialect& dialect, std::ostream& err) {
  std::string first;
  if (!std::getline(in, first)) {
    err << "fairport: " << file << ": [fairport.consignment.401] empty file, expected a header\n";
    return false;
  }
  if (first.rfind("\xEF\xBB\xBF", 0) == 0) first.erase(0, 3);  // Excel's UTF-8 byte-order mark
  dialect.delimiter = o.delimiter.value_or(detect_delimiter(first));
  dialect.decimal_comma = o.decimal_comma.value_or(dialect.delimiter == ';');
  std::istringstream h(first);
  read_csv_record(h, dialect.delimiter, header);
  for (const char* k :
       {"as_of", "importer_country", "incoterm", "currency", "hs_code", "invoice_value"}) {
    if (std::find(header.begin(), header.end(), k) == header.end()) {
      err << "fairport: " << file << ": [fairport.consignment.401] the header has no column \""
          << k << "\"";
      if (header.size() == 1 && o.delimiter) {
        err << " (the header has one column: is the file separated by another delimiter than "
               "the one given with --delimiter?)";
      }
      err << '\n';
      return false;
    }
  }
  refuse_unknown_columns(header, o);  // [fairport.input.106], caught by main
  return true;
}

int run_lines_in(std::istream& in, const std::string& file, const check_options& o,
                 std::uintmax_t total_bytes, std::ostream& out, std::ostream& err) {
  const reference_data data = load_reference(o.data_dir, o.datasets);
  const std::vector<fx_rate> rates = o.rates ? read_rates(*o.rates) : std::vector<fx_rate>();
  std::vector<std::string> header;
  csv_dialect dialect;
  if (!read_header(in, file, o, header, dialect, err)) return 2;
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  std::ofstream file_out;
  if (o.output) {
    // Opened before the work, so that a path that cannot be written loses nothing silently.
    file_out.open(*o.output, std::ios::binary);
    if (!file_out) {
      err << "fairport: [fairport.input.106] cannot write " << *o.output << '\n';
      return 2;
    }
  }
  std::ostream& dest = o.output ? static_cast<std::ostream&>(file_out) : out;
  dest << line_header(header, dialect.delimiter);
  // The rows go through the one lines pipeline (check/lines.hpp), as in Python's check_lines,
  // a chunk at a time.
  lines_checker checker(data);
  lines_chunk chunk(header, col, dialect, std::max<std::size_t>(o.chunk_rows, 1));
  progress_line progress(err, o.progress, total_bytes);
  std::size_t n = 0, failed = 0;
  bool more = true;
  while (more) {
    chunk.size = 0;
    while (chunk.size < chunk.records.size()) {
      if (!read_csv_record(in, dialect.delimiter, chunk.records[chunk.size])) {
        more = false;
        break;
      }
      if (!blank(chunk.records[chunk.size])) ++chunk.size;
    }
    chunk.read_rows();
    checker.check(chunk.rows.data(), chunk.exporters.data(), chunk.proofs.get(), chunk.size,
                  chunk.res.data(), chunk.regimes.data(), rates);
    failed += chunk.write(dest);
    n += chunk.size;
    progress.update(n, in, !more);
  }
  if (o.output) {
    file_out.close();
    if (!file_out) {
      err << "fairport: [fairport.input.106] writing " << *o.output << " failed\n";
      return 2;
    }
  }
  err << "fairport check --lines: " << n << (n == 1 ? " line, " : " lines, ") << n - failed << " computed, " << failed
      << " with errors\n";
  return failed == 0 ? 0 : 2;
}

}  // namespace

std::string line_header(const std::vector<std::string>& input_columns, char delimiter) {
  std::string h;
  for (const auto& c : input_columns) h += csv_field(c, delimiter) + delimiter;
  for (const auto c : line_result_columns()) h += std::string(c) + delimiter;
  h.back() = '\n';
  return h;
}

}  // namespace fairport::cli
