// The ECB reference-rate history turned into the monthly customs rates (fairport/io/ecb_import.hpp).
#include "fairport/io/ecb_import.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fairport/currency.hpp"
#include "fairport/data/exchange_rates.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

using ordered = nlohmann::ordered_json;
using date::sys_days;

/// The ECB file read: its currency columns and, per publication day, each column's rate text
/// ("" where the ECB marks N/A).
struct ecb_table {
  std::vector<std::string> columns;
  std::map<sys_days, std::vector<std::string>> days;
};

std::vector<std::string> split_commas(std::string_view line) {
  std::vector<std::string> out;
  std::string cell;
  for (char c : line) {
    if (c == ',') {
      out.push_back(cell);
      cell.clear();
    } else if (c != '\r' && c != ' ') {
      cell += c;
    }
  }
  out.push_back(cell);
  while (!out.empty() && out.back().empty()) out.pop_back();  // the ECB ends each line with ','
  return out;
}

[[noreturn]] void malformed(const std::string& file, std::size_t line, const std::string& what) {
  error_context c;
  c.file = file;
  c.pointer = "line " + std::to_string(line);
  detail::throw_error(errc::invalid_document,
                      "not the ECB's eurofxref-hist.csv: " + what + " (line " +
                          std::to_string(line) + ")",
                      c);
}

/// One data row: its date and rates; a rate is a positive decimal or N/A.
void read_row(const std::string& file, std::size_t n, std::string_view line, ecb_table& t) {
  auto cells = split_commas(line);
  if (cells.empty()) return;
  const auto day = try_parse_date(cells[0]);
  if (!day) malformed(file, n, "the first column is not a date: \"" + cells[0] + "\"");
  if (cells.size() > t.columns.size() + 1) malformed(file, n, "more cells than the header");
  cells.resize(t.columns.size() + 1);
  std::vector<std::string> rates(cells.begin() + 1, cells.end());
  for (auto& r : rates) {
    if (r == "N/A") r.clear();
    if (r.empty()) continue;
    const auto d = decimal::try_parse(r);
    if (!d || d->signum() <= 0) malformed(file, n, "not a positive rate: \"" + r + "\"");
  }
  if (!t.days.emplace(sys_days{*day}, std::move(rates)).second) {
    malformed(file, n, "the date " + cells[0] + " appears twice");
  }
}

ecb_table read_ecb(std::string_view csv, const std::string& file) {
  ecb_table t;
  std::size_t n = 0, pos = 0;
  while (pos <= csv.size()) {
    const std::size_t end = std::min(csv.find('\n', pos), csv.size());
    const std::string_view line = csv.substr(pos, end - pos);
    pos = end + 1;
    ++n;
    if (n == 1) {
      auto header = split_commas(line);
      if (header.size() < 2 || (header[0] != "Date" && header[0] != "\xEF\xBB\xBF" "Date")) {
        malformed(file, 1, "the header does not start with Date");
      }
      t.columns.assign(header.begin() + 1, header.end());
      continue;
    }
    if (line.empty() || line == "\r") continue;
    read_row(file, n, line, t);
  }
  if (t.days.empty()) malformed(file, n, "no rates");
  return t;
}

/// The publication day of month M's rate: the penultimate Wednesday of M-1 or the last day
/// published in the six days before it; nullopt when the file does not reach that Wednesday or
/// has no publication in the window.
std::optional<sys_days> publication_day(const ecb_table& t, date::year_month month) {
  const sys_days wednesday{penultimate_wednesday(month - date::months{1})};
  if (t.days.rbegin()->first < wednesday || t.days.begin()->first > wednesday) return std::nullopt;
  auto it = t.days.upper_bound(wednesday);
  if (it == t.days.begin()) return std::nullopt;
  --it;
  if (it->first < wednesday - date::days{6}) return std::nullopt;
  return it->first;
}

ordered header_of(const ecb_import& r) {
  ordered h;
  h["schema"] = "fairport.customs_exchange_rates/1";
  h["dataset"] = "eu_customs_exchange_rates";
  const date::year_month_day l = r.last_fixing;
  h["version"] = std::to_string(static_cast<int>(l.year())) + "." +
                 std::to_string(static_cast<unsigned>(l.month())) + "." +
                 std::to_string(static_cast<unsigned>(l.day()));
  h["source"] = {
      {"title", "Euro foreign exchange reference rates, full history (eurofxref-hist)"},
      {"publisher", "European Central Bank"},
      {"url",
       "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/"
       "html/index.en.html"},
      {"act",
       "Regulation (EU) No 952/2013 (Union Customs Code) Art. 53(1)(a); Commission Implementing "
       "Regulation (EU) 2015/2447 Art. 146"},
      {"retrieved", format_date(r.last_fixing)}};
  h["licence"] =
      "ECB statistics may be reused with the source acknowledged (Source: ECB). The monthly "
      "records are derived by fairport from the daily fixings by the rule of Art. 146.";
  std::string skipped;
  for (const auto& s : r.skipped) skipped += (skipped.empty() ? "" : ", ") + s;
  h["note"] =
      "The customs exchange rate of each month from " + month_name(r.first_month) + " to " +
      month_name(r.last_month) + " (1 EUR = rate in the quoted currency), for every currency "
      "the ECB quoted: the ECB reference rate published on the penultimate Wednesday of the "
      "month before or, where none was published that day, on the last publication day before "
      "it (Implementing Regulation (EU) 2015/2447, Art. 146), from the ECB's daily fixings " +
      format_date(r.first_fixing) + " to " + format_date(r.last_fixing) +
      ". A currency the ECB did not quote on that day has no rate for that month. Not "
      "included: currencies the ECB does not quote (KGS, TJS, UZS and others, whose customs "
      "rate the member state designates) and the national rates of member states outside the "
      "euro area for their own currency: give those as a customs rate of the month." +
      (skipped.empty() ? std::string()
                       : " Left out, as not in iso4217_currencies (currencies replaced by the "
                         "euro or redenominated): " + skipped + ".");
  return h;
}

}  // namespace

ecb_import customs_rates_from_ecb(std::string_view csv, const std::string& file,
                                  const reference_data& data) {
  const ecb_table t = read_ecb(csv, file);
  ecb_import r;
  r.first_fixing = date::year_month_day{t.days.begin()->first};
  r.last_fixing = date::year_month_day{t.days.rbegin()->first};
  std::vector<std::optional<currency_code>> codes;
  for (const auto& c : t.columns) {
    auto code = currency_code::try_parse(c);
    if (code && !data.currencies().contains(*code)) code.reset();
    if (!code) r.skipped.push_back(c);
    codes.push_back(code);
  }
  ordered records = ordered::array();
  const date::year_month first{r.first_fixing.year(), r.first_fixing.month()};
  const date::year_month last{r.last_fixing.year(), r.last_fixing.month()};
  for (date::year_month m = first + date::months{1}; m <= last + date::months{1};
       m += date::months{1}) {
    const auto day = publication_day(t, m);
    if (!day) continue;
    const auto& row = t.days.at(*day);
    ordered rates = ordered::object();
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (codes[i] && !row[i].empty()) rates[codes[i]->to_string()] = row[i];
    }
    if (rates.empty()) continue;
    const date::year_month before = m - date::months{1};
    const bool on_wednesday = date::year_month_day{*day} == penultimate_wednesday(before);
    ordered rec;
    rec["key"] = {{"base", "EUR"}};
    rec["valid_from"] = format_date(m / date::day{1});
    rec["valid_through"] = format_date(date::year_month_day{m / date::last});
    rec["value"] = {{"published", format_date(date::year_month_day{*day})}, {"rates", rates}};
    rec["reference"] = "ECB euro foreign exchange reference rates of " +
                       format_date(date::year_month_day{*day}) + " (" +
                       (on_wednesday ? "the penultimate Wednesday of "
                                     : "none published on the penultimate Wednesday of ") +
                       month_name(before) + ")";
    r.rates += rates.size();
    if (r.months == 0) r.first_month = m;
    r.last_month = m;
    ++r.months;
    records.push_back(std::move(rec));
  }
  if (r.months == 0) malformed(file, 1, "no month's rate can be derived from it");
  ordered doc = header_of(r);
  doc["records"] = std::move(records);
  r.dataset_json = doc.dump(1) + "\n";
  return r;
}

FAIRPORT_END_NAMESPACE
