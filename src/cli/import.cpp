// `fairport data import ecb`, and the reference data of every command (--data, --dataset).
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "cli.hpp"
#include "fairport/io/ecb_import.hpp"
#include "fairport/io/xi_tariff_import.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace fairport::cli {

namespace {

[[noreturn]] void bad_file(const std::string& file, const std::string& what) {
  error_context c;
  c.file = file;
  detail::throw_error(errc::invalid_document, file + ": " + what, c);
}

std::string read_all(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) detail::throw_error(errc::invalid_argument, file + ": cannot read the file");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// An imported dataset file to `output`, or to `out` when none is named.
void write_dataset(const std::string& json, const std::optional<std::string>& output,
                   std::ostream& out) {
  if (!output) {
    out << json;
    return;
  }
  std::ofstream o(*output, std::ios::binary);
  o << json;
  o.close();
  if (!o) detail::throw_error(errc::invalid_argument, *output + ": cannot write the file");
}

std::uint32_t le(const std::string& s, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

/// One member of a zip archive, as the central directory describes it.
struct zip_member {
  std::string name;
  std::uint32_t method = 0, compressed = 0, size = 0, offset = 0;
};

/// The members of a zip archive (its central directory; no zip64, no encryption).
std::vector<zip_member> zip_members(const std::string& z, const std::string& file) {
  const std::size_t min_end = 22;
  if (z.size() < min_end) bad_file(file, "not a zip archive");
  std::size_t end = z.size() - min_end;
  while (le(z, end, 4) != 0x06054b50) {
    if (end == 0 || z.size() - end > min_end + 65535) bad_file(file, "not a zip archive");
    --end;
  }
  const std::uint32_t count = le(z, end + 10, 2), at = le(z, end + 16, 4);
  std::vector<zip_member> out;
  std::size_t p = at;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (p + 46 > z.size() || le(z, p, 4) != 0x02014b50) bad_file(file, "a damaged zip directory");
    zip_member m;
    m.method = le(z, p + 10, 2);
    m.compressed = le(z, p + 20, 4);
    m.size = le(z, p + 24, 4);
    const std::uint32_t name_len = le(z, p + 28, 2), extra = le(z, p + 30, 2),
                        comment = le(z, p + 32, 2);
    m.offset = le(z, p + 42, 4);
    if (p + 46 + name_len > z.size()) bad_file(file, "a damaged zip directory");
    m.name = z.substr(p + 46, name_len);
    out.push_back(m);
    p += 46 + name_len + extra + comment;
  }
  return out;
}

/// The bytes of one member, inflated (deflate) or as stored.
std::string zip_extract(const std::string& z, const zip_member& m, const std::string& file) {
  const std::size_t h = m.offset;
  if (h + 30 > z.size() || le(z, h, 4) != 0x04034b50) bad_file(file, "a damaged zip member");
  const std::size_t data = h + 30 + le(z, h + 26, 2) + le(z, h + 28, 2);
  if (data + m.compressed > z.size()) bad_file(file, "a truncated zip member");
  if (m.method == 0) return z.substr(data, m.compressed);
  if (m.method != 8) bad_file(file, "a zip member compressed other than by deflate");
  std::string out(m.size, '\0');
  z_stream s{};
  if (inflateInit2(&s, -MAX_WBITS) != Z_OK) bad_file(file, "cannot inflate");
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data() + data));
  s.avail_in = m.compressed;
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = m.size;
  const int rc = inflate(&s, Z_FINISH);
  inflateEnd(&s);
  if (rc != Z_STREAM_END || s.total_out != m.size) bad_file(file, "a damaged zip member");
  return out;
}

/// The CSV text of an ECB file: the file itself, or the one .csv member of the ECB's zip.
std::string ecb_csv(const std::string& file) {
  std::string bytes = read_all(file);
  if (bytes.size() < 4 || le(bytes, 0, 4) != 0x04034b50) return bytes;
  for (const auto& m : zip_members(bytes, file)) {
    if (m.name.size() > 4 && m.name.compare(m.name.size() - 4, 4, ".csv") == 0) {
      return zip_extract(bytes, m, file);
    }
  }
  bad_file(file, "the zip archive holds no .csv file");
}

}  // namespace

reference_data load_reference(const std::optional<std::string>& data_dir,
                              const std::vector<std::string>& datasets) {
  reference_data data =
      data_dir ? reference_data::from_directory(*data_dir) : reference_data::builtin();
  for (const auto& f : datasets) data = data.with_override(f);
  return data;
}

int run_import_ecb(const std::string& file, const std::optional<std::string>& output,
                   const reference_data& data, std::ostream& out, std::ostream& err) {
  const ecb_import r = customs_rates_from_ecb(ecb_csv(file), file, data);
  // The written file is checked as any dataset is before it is handed out.
  (void)data.with_override_text(r.dataset_json, output ? *output : file);
  write_dataset(r.dataset_json, output, out);
  err << "fairport: " << r.months << " monthly customs rates (" << r.rates << " rates), "
      << month_name(r.first_month) << " to " << month_name(r.last_month) << ", from the ECB fixings "
      << format_date(r.first_fixing) << " to " << format_date(r.last_fixing) << "; left out: "
      << r.skipped.size() << " currencies not in iso4217_currencies\n";
  if (output) err << "fairport: use it with --dataset " << *output << '\n';
  return 0;
}

namespace {

/// The responses named: files, or the *.json files of a directory, in name order.
std::vector<xi_response> xi_responses(const std::vector<std::string>& paths) {
  std::vector<xi_response> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      std::vector<std::string> names;
      for (const auto& e : std::filesystem::directory_iterator(p, ec)) {
        if (e.path().extension() == ".json") names.push_back(e.path().string());
      }
      std::sort(names.begin(), names.end());
      for (const auto& n : names) out.push_back({n, read_all(n)});
    } else {
      out.push_back({p, read_all(p)});
    }
  }
  if (out.empty()) detail::throw_error(errc::invalid_argument, "no responses (*.json) were given");
  return out;
}

}  // namespace

int run_import_xi(const std::vector<std::string>& paths, const std::optional<std::string>& output,
                  const std::optional<std::string>& as_of, bool verbose, const reference_data& data,
                  std::ostream& out, std::ostream& err) {
  const xi_tariff_import r = tariff_from_xi(xi_responses(paths), as_of.value_or(""));
  // The written file is checked as a user's data layer before it is handed out.
  (void)data.with_layer_text(r.dataset_json, output ? *output : "xi-tariff.json");
  write_dataset(r.dataset_json, output, out);
  std::map<std::string, std::size_t> by_fate;
  std::map<std::string, std::size_t> out_of_scope;
  for (const auto& m : r.measures) {
    ++by_fate[std::string(to_string(m.fate))];
    if (m.fate == xi_measure_fate::out_of_scope) {
      ++out_of_scope[m.type + " " + (m.type_description.empty() ? "(no description)" : m.type_description)];
    }
    if (verbose || m.fate == xi_measure_fate::not_computable) {
      err << "fairport: " << m.commodity << " measure " << m.id << " (type " << m.type << ", area "
          << m.area << ") " << to_string(m.fate) << ": \"" << m.duty_text << "\""
          << (m.reason.empty() ? "" : "; " + m.reason) << '\n';
    }
  }
  err << "fairport: " << r.files << " responses (" << r.not_found.size() << " \"not found\"), "
      << r.commodities << " commodities, " << r.measures.size() << " measures: ";
  bool first = true;
  for (const auto& [fate, n] : by_fate) {
    err << (first ? "" : ", ") << n << ' ' << fate;
    first = false;
  }
  err << "; " << r.records << " records written (read " << r.retrieved << ")\n";
  for (const auto& [type, n] : out_of_scope) err << "fairport:   out of scope: " << n << " x type " << type << '\n';
  for (const auto& f : r.not_found) err << "fairport:   not found: " << f << '\n';
  if (output) err << "fairport: put it in a directory and use --data DIR\n";
  return 0;
}

}  // namespace fairport::cli
