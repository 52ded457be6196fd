// fairport check: the consignment check from the command line.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"
#include "fairport/io/report_format.hpp"

namespace fairport::cli {

namespace {

struct input {
  std::string name;
  std::string text;
};

/// The files to check: a directory stands for its *.json files, in name order.
std::vector<std::string> expand_paths(const std::vector<std::string>& files) {
  std::vector<std::string> paths;
  for (const auto& f : files) {
    std::error_code ec;
    if (std::filesystem::is_directory(f, ec)) {
      std::vector<std::string> in_dir;
      for (const auto& e : std::filesystem::directory_iterator(f, ec)) {
        if (e.path().extension() == ".json") in_dir.push_back(e.path().string());
      }
      std::sort(in_dir.begin(), in_dir.end());
      paths.insert(paths.end(), in_dir.begin(), in_dir.end());
    } else {
      paths.push_back(f);
    }
  }
  return paths;
}

/// The texts to check; a file that cannot be read is reported and sets `status` to 2.
std::vector<input> read_inputs(const std::vector<std::string>& files, const check_options& o,
                               std::ostream& err, int& status) {
  std::vector<input> inputs;
  if (o.example) {
    inputs.push_back({std::string(default_example) + " (built-in example)",
                      std::string(example_consignment(default_example))});
  }
  for (const auto& f : expand_paths(files)) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      err << "fairport: " << f << ": [fairport.input.106] cannot read the file\n";
      status = 2;
      continue;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    inputs.push_back({f, ss.str()});
  }
  return inputs;
}

/// Checks one consignment text and writes its report; returns its exit status.
int check_one(const consignment_checker& checker, const input& i, const check_options& o, bool many,
              bool first, std::ostream& dest) {
  auto parsed = read_consignment(i.text, i.name);
  report r = checker.check(parsed.value);
  // Lines that could not be read come first among the errors.
  r.errors.insert(r.errors.begin(), parsed.errors.begin(), parsed.errors.end());
  if (o.format == "json") {
    if (!first) dest << ",\n";
    write_json(dest, r);
  } else if (o.format == "html") {
    dest << to_html(r);
  } else {
    if (many) dest << "== " << i.name << '\n';
    dest << to_text(r, o.verbose);
    if (many) dest << '\n';
  }
  return r.exit_status();
}

}  // namespace

int run_check(const std::vector<std::string>& files, const check_options& o, std::ostream& out,
              std::ostream& err) {
  const reference_data data = load_reference(o.data_dir, o.datasets);
  const consignment_checker checker(data);
  int status = 0;
  const std::vector<input> inputs = read_inputs(files, o, err, status);
  if (inputs.empty()) {
    err << "fairport check: give consignment files or --example\n";
    return 2;
  }
  std::ofstream file_out;
  std::ostream* dest = &out;
  if (o.output) {
    file_out.open(*o.output, std::ios::binary);
    if (!file_out) {
      err << "fairport: [fairport.input.106] cannot write " << *o.output << '\n';
      return 2;
    }
    dest = &file_out;
  }
  const bool many = inputs.size() > 1;
  if (o.format == "json" && many) *dest << "[\n";
  std::size_t done = 0, clean = 0, failing = 0, bad = 0;
  bool first = true;
  for (const auto& i : inputs) {
    try {
      const int s = check_one(checker, i, o, many, first, *dest);
      status = std::max(status, s);
      (s == 0 ? clean : s == 1 ? failing : bad) += 1;
      first = false;
    } catch (const error& e) {
      err << "fairport: " << i.name << ": " << e.what() << '\n';
      status = 2;
      ++bad;
    }
    ++done;
    if (o.progress && many) {
      err << "\r" << done << "/" << inputs.size() << " checked" << std::flush;
    }
  }
  if (o.format == "json") *dest << (many ? "\n]\n" : "\n");
  if (o.progress && many) err << '\n';
  if (many) {
    err << "fairport check: " << inputs.size() << " consignments, " << clean << " clean, "
        << failing << " with a failed check, " << bad << " not checked\n";
  }
  return status;
}

}  // namespace fairport::cli
