// fairport check --lines FILE.csv: the landed cost and GSP regime of many independent lines.
#include "fairport/check/lines.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "fairport/fairport.hpp"

namespace fairport::cli {

namespace {

/// One CSV record (RFC 4180: commas, double quotes, "" inside quotes).
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

/// The dated exchange rates of a CSV file with the header base,quote,rate,date[,basis][,source]:
/// 1 base = rate quote; basis month (default: the customs rate of the month dated its first day)
/// or fixing (a rate published on that date).
std::vector<fx_rate> read_rates(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) detail::throw_error(errc::invalid_argument, file + ": cannot read the rates file");
  std::string line;
  std::getline(in, line);
  const auto header = split_csv(line);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  for (const char* k : {"base", "quote", "rate", "date"}) {
    if (col.count(k) == 0) {
      detail::throw_error(errc::invalid_document,
                          file + ": the header has no column \"" + k +
                              "\" (expected base,quote,rate,date[,basis][,source])");
    }
  }
  std::vector<fx_rate> rates;
  std::size_t row = 1;
  while (std::getline(in, line)) {
    ++row;
    if (line.empty() || line == "\r") continue;
    const auto r = split_csv(line);
    auto get = [&](const char* k) {
      const auto it = col.find(k);
      return it == col.end() || it->second >= r.size() ? std::string() : r[it->second];
    };
    try {
      const std::string cell = get("basis");
      const auto basis = cell.empty() ? rate_basis::month : try_parse_rate_basis(cell);
      if (!basis) {
        detail::throw_error(errc::invalid_argument,
                            "basis must be month or fixing, got \"" + cell + "\"");
      }
      rates.emplace_back(currency_code::parse(get("base")), currency_code::parse(get("quote")),
                         decimal::parse(get("rate")), parse_date(get("date")), get("source"),
                         *basis);
    } catch (const error& e) {
      detail::throw_error(e.code(), file + " row " + std::to_string(row) + ": " + e.message());
    }
  }
  return rates;
}

}  // namespace

namespace {

/// The rows of a lines CSV, read into the lines pipeline's arrays; a row that cannot be read gets
/// its error (code and message) and is skipped by the pipeline.
struct lines_table {
  std::vector<std::string> header;
  std::map<std::string, std::size_t> col;
  std::vector<std::vector<std::string>> records;
  std::vector<landed_cost_row> rows;
  std::vector<landed_cost_row_result> res;
  std::vector<std::optional<country_code>> exporters;
  std::unique_ptr<bool[]> proofs;  // origin_proof per row (std::vector<bool> has no data())
  std::vector<preference_regime> regimes;

  std::string get(const std::vector<std::string>& r, const char* k) const {
    auto it = col.find(k);
    if (it == col.end() || it->second >= r.size()) return {};
    return r[it->second];
  }
  std::optional<decimal> num(const std::vector<std::string>& r, const char* k) const {
    const std::string s = get(r, k);
    if (s.empty()) return std::nullopt;
    try {
      return decimal::parse(s);
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
    row.declaration_currency.reset();
    if (!declared.empty()) row.declaration_currency = currency_code::parse(declared);
    const auto vat = col.find("vat_category");  // a view of the record's own cell
    row.vat_category = vat == col.end() || vat->second >= r.size() ? std::string_view()
                                                                  : std::string_view(r[vat->second]);
    const std::string exporter = get(r, "exporter_country");
    if (!exporter.empty()) exporters[i] = country_code::parse(exporter);
    proofs[i] = parse_origin_proof(get(r, "origin_proof"));
  }

  void read_rows() {
    const std::size_t n = records.size();
    rows.resize(n);
    res.resize(n);
    exporters.resize(n);
    proofs = std::make_unique<bool[]>(n);
    regimes.assign(n, preference_regime::none);
    for (std::size_t i = 0; i < n; ++i) {
      try {
        read_row(i);
      } catch (const error& e) {
        res[i].code = static_cast<int>(e.code());
        res[i].message = e.what();
      }
    }
  }

  /// The input columns as given, then the pipeline's; returns the number of failed rows.
  std::size_t write(std::ostream& dest) const {
    dest << line_header(header);
    std::size_t failed = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
      const auto& r = records[i];
      const auto& x = res[i];
      for (std::size_t k = 0; k < header.size(); ++k) {
        dest << (k < r.size() ? csv_field(r[k]) : std::string()) << ',';
      }
      if (x.code == 0) {
        dest << x.customs_value << ',' << x.duty << ',' << x.third_country_duty << ',' << x.vat
             << ',' << x.landed_cost << ',' << x.currency << ',' << to_string(regimes[i])
             << ",,\n";
      } else {
        ++failed;
        const std::string tag = code_tag(static_cast<errc>(x.code));
        dest << ",,,,,,none," << tag.substr(1, tag.size() - 2) << ',' << csv_field(x.message)
             << '\n';
      }
    }
    return failed;
  }
};

}  // namespace

int run_lines(const std::string& file, const check_options& o, std::ostream& out,
              std::ostream& err) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    err << "fairport: " << file << ": [fairport.input.106] cannot read the file\n";
    return 2;
  }
  return run_lines(in, file, o, out, err);
}

int run_lines(std::istream& in, const std::string& file, const check_options& o,
              std::ostream& out, std::ostream& err) {
  const reference_data data = load_reference(o.data_dir, o.datasets);
  const std::vector<fx_rate> rates = o.rates ? read_rates(*o.rates) : std::vector<fx_rate>();
  std::string line;
  if (!std::getline(in, line)) {
    err << "fairport: " << file << ": [fairport.consignment.401] empty file, expected a header\n";
    return 2;
  }
  lines_table t;
  t.header = split_csv(line);
  for (std::size_t i = 0; i < t.header.size(); ++i) t.col[t.header[i]] = i;
  refuse_misspelt_columns(t.header);  // [fairport.input.106], caught by main
  for (const char* k :
       {"as_of", "importer_country", "incoterm", "currency", "hs_code", "invoice_value"}) {
    if (t.col.count(k) == 0) {
      err << "fairport: " << file << ": [fairport.consignment.401] the header has no column \"" << k
          << "\"\n";
      return 2;
    }
  }
  while (std::getline(in, line)) {
    if (line.empty() || line == "\r") continue;
    t.records.push_back(split_csv(line));
  }
  t.read_rows();
  // The rows that could be read go through the one lines pipeline (check/lines.hpp), as in
  // Python's check_lines.
  const std::size_t n = t.records.size();
  std::ofstream file_out;
  if (o.output) {
    // Opened before the work, so that a path that cannot be written loses nothing silently.
    file_out.open(*o.output, std::ios::binary);
    if (!file_out) {
      err << "fairport: [fairport.input.106] cannot write " << *o.output << '\n';
      return 2;
    }
  }
  lines_checker(data).check(t.rows.data(), t.exporters.data(), t.proofs.get(), n, t.res.data(),
                            t.regimes.data(), rates);
  const std::size_t failed = t.write(o.output ? file_out : out);
  if (o.output) {
    file_out.close();
    if (!file_out) {
      err << "fairport: [fairport.input.106] writing " << *o.output << " failed\n";
      return 2;
    }
  }
  err << "fairport check --lines: " << n << " lines, " << n - failed << " computed, " << failed
      << " with errors\n";
  return failed == 0 ? 0 : 2;
}

std::string line_header(const std::vector<std::string>& input_columns) {
  std::string h;
  for (const auto& c : input_columns) h += csv_field(c) + ",";
  for (const auto c : line_result_columns()) h += std::string(c) + ",";
  h.back() = '\n';
  return h;
}

}  // namespace fairport::cli
