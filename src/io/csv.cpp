// CSV at the edges: the record reader, the field writer and the rates file.
#include "fairport/io/csv.hpp"

#include <map>

#include "fairport/calendar.hpp"
#include "fairport/currency.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

bool read_csv_record(std::istream& in, char delimiter, std::vector<std::string>& fields) {
  fields.assign(1, std::string());
  std::string line;
  bool quoted = false;
  bool any = false;
  while (std::getline(in, line)) {
    any = true;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (quoted) {
        if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          fields.back() += '"';
          ++i;
        } else if (c == '"') {
          quoted = false;
        } else {
          fields.back() += c;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.emplace_back();
      } else if (c != '\r') {
        fields.back() += c;
      }
    }
    if (!quoted) return true;
    fields.back() += '\n';  // a line break inside a quoted field
  }
  return any;
}

std::string csv_field(const std::string& text, char delimiter) {
  if (text.find_first_of("\"\n\r") == std::string::npos &&
      text.find(delimiter) == std::string::npos) {
    return text;
  }
  std::string o = "\"";
  for (char c : text) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

std::vector<fx_rate> read_rates_csv(std::istream& in, const std::string& name) {
  std::vector<std::string> header;
  read_csv_record(in, ',', header);
  if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) col[header[i]] = i;
  for (const char* k : {"base", "quote", "rate", "date"}) {
    if (col.count(k) == 0) {
      detail::throw_error(errc::invalid_document,
                          name + ": the header has no column \"" + k +
                              "\" (expected base,quote,rate,date[,basis][,source])");
    }
  }
  std::vector<fx_rate> rates;
  std::size_t row = 1;
  std::vector<std::string> r;
  while (read_csv_record(in, ',', r)) {
    ++row;
    if (r.size() == 1 && r[0].empty()) continue;
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
      detail::throw_error(e.code(), name + " row " + std::to_string(row) + ": " + e.message());
    }
  }
  return rates;
}

FAIRPORT_END_NAMESPACE
