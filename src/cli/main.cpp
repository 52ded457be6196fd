// fairport: the command-line tool.
//
//   fairport check FILE... [--example] [--format text|json|html] [--output PATH] [--data DIR]
//   fairport example                 a worked money example on the built-in data
//   fairport data list [--data DIR]  the datasets loaded: id, version, coverage, source
//   fairport data show ID [--data DIR]
//   fairport data check DIR          load a user data directory and say what it holds
//   fairport data diff DIR           what a user data directory changes
//   fairport data import ecb FILE [--output PATH]
//   fairport data import xi-tariff FILE_OR_DIR... [--output PATH] [--as-of DATE]
//   (every command: --data DIR, --dataset FILE)
//   fairport vocab [NAME] [--as-of DATE] [--data DIR]
//   fairport tariff search WORDS... [--as-of DATE]
//   fairport tariff show CODE --as-of DATE
//   fairport version
//
// Exit status: 0 success; 1 a line is not originating, not eligible or priced below fair (check);
// 2 bad input or data (the message starts with a stable error code); 3 an internal error or no
// memory ([fairport.internal.501], [fairport.internal.502]).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "fairport/fairport.hpp"
#include "cli.hpp"

namespace {

using namespace fairport;

constexpr const char* usage =
    "usage: fairport <command> [options]\n"
    "\n"
    "commands:\n"
    "  check FILE_OR_DIR... [--example] [--format text|json|html] [--output PATH] [--verbose]\n"
    "                          check consignments (fairport.consignment/1 JSON files; a\n"
    "                          directory means its *.json files); --example checks the\n"
    "                          built-in example consignment\n"
    "  check --lines FILE.csv [--rates RATES.csv] [--output PATH]\n"
    "                          landed cost and GSP regime of independent lines, CSV in and out;\n"
    "                          RATES.csv (base,quote,rate,date[,basis][,source]) gives customs\n"
    "                          rates of a month (basis month, dated the 1st) or ECB fixings\n"
    "                          (basis fixing) for invoices not in EUR, else the built-in\n"
    "                          customs rate of the row's month;\n"
    "                          a row gets a GSP preference only with exporter_country and\n"
    "                          origin_proof=true (a statement on origin is held), else the\n"
    "                          third-country duty\n"
    "  example                 a worked money example on the built-in data\n"
    "  data list [--data DIR]  list the loaded datasets (id, version, coverage, source)\n"
    "  data show ID [--data DIR]\n"
    "                          one dataset in full: source, licence, note, coverage\n"
    "  data check DIR          load DIR as --data DIR would and say what it holds (a user\n"
    "                          layer, or a complete set with a manifest.json)\n"
    "  data diff DIR           what each record of the user data in DIR does to the loaded\n"
    "                          data: adds a record, or replaces or withdraws which record for\n"
    "                          which days\n"
    "  data import xi-tariff FILE_OR_DIR... [--output PATH] [--as-of YYYY-MM-DD] [--verbose]\n"
    "                          third-country duties (measure type 103) from UK Trade Tariff API\n"
    "                          v2 responses for Northern Ireland (/xi/api/v2/commodities/CODE,\n"
    "                          the EU tariff), as your own data file for eu_cct_erga_omnes (put it\n"
    "                          in a directory and use --data DIR); duties fairport does not compute\n"
    "                          (agricultural components, entry prices) are kept and listed\n"
    "  data import ecb FILE [--output PATH]\n"
    "                          the EU customs exchange rate of each month (Implementing\n"
    "                          Regulation (EU) 2015/2447, Art. 146) from the ECB's reference-rate\n"
    "                          history (eurofxref-hist.csv, or the ECB's eurofxref-hist.zip), as\n"
    "                          the dataset eu_customs_exchange_rates; use it with --dataset PATH\n"
    "  vocab [NAME] [--as-of YYYY-MM-DD]\n"
    "                          the closed vocabularies of the consignment document (operations,\n"
    "                          cumulation, units, ...); with NAME, each accepted value with the\n"
    "                          legal text it stands for (on the date given, else on any date)\n"
    "  tariff search WORDS... [--as-of YYYY-MM-DD]\n"
    "                          the CN codes whose descriptions hold the words (\"felt slippers\"),\n"
    "                          best first, with each one's third-country duty on the date\n"
    "  tariff show CODE --as-of YYYY-MM-DD\n"
    "                          one code's description, third-country duty, GSP coverage\n"
    "                          (Annex V, Annex IX, EBA) and list rule of origin on the date\n"
    "  version                 print fairport's version\n"
    "\n"
    "--data DIR adds your own reference data to the built-in datasets: every *.json dataset file\n"
    "  in DIR adds records to, or replaces by key and dates the records of, the dataset it names\n"
    "  (no manifest, no checksum step; the report marks each figure from it \"user data FILE\").\n"
    "  A DIR with a manifest.json is a complete set loaded instead of the built-in one.\n"
    "  Without --data, the environment variable FAIRPORT_DATA names that directory.\n"
    "--dataset FILE (repeatable) replaces the loaded dataset of the same id by FILE.\n";

struct options {
  std::vector<std::string> positional;
  std::optional<std::string> data_dir;
  std::optional<std::string> as_of;
  fairport::cli::check_options check;
};

std::string value_of(int& i, int argc, char** argv, const std::string& name) {
  if (i + 1 >= argc) detail::throw_error(errc::invalid_argument, name + " needs a value", {});
  return argv[++i];
}

options parse_options(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data") {
      if (i + 1 >= argc) {
        detail::throw_error(errc::invalid_argument, "--data needs a directory", {});
      }
      o.data_dir = argv[++i];
    } else if (a.rfind("--data=", 0) == 0) {
      o.data_dir = a.substr(7);
    } else if (a == "--dataset" || a.rfind("--dataset=", 0) == 0) {
      o.check.datasets.push_back(a == "--dataset" ? value_of(i, argc, argv, a) : a.substr(10));
    } else if (a == "--lines" || a.rfind("--lines=", 0) == 0) {
      o.check.lines = a == "--lines" ? value_of(i, argc, argv, a) : a.substr(8);
    } else if (a == "--rates" || a.rfind("--rates=", 0) == 0) {
      o.check.rates = a == "--rates" ? value_of(i, argc, argv, a) : a.substr(8);
    } else if (a == "--as-of" || a.rfind("--as-of=", 0) == 0) {
      o.as_of = a == "--as-of" ? value_of(i, argc, argv, a) : a.substr(8);
    } else if (a == "--delimiter" || a.rfind("--delimiter=", 0) == 0) {
      const std::string d = a == "--delimiter" ? value_of(i, argc, argv, a) : a.substr(12);
      if (d != "," && d != ";" && d != "tab") {
        detail::throw_error(errc::invalid_argument, "--delimiter must be , ; or tab, not " + d);
      }
      o.check.delimiter = d == "tab" ? '\t' : d[0];
    } else if (a == "--decimal-comma") {
      o.check.decimal_comma = true;
    } else if (a == "--decimal" || a.rfind("--decimal=", 0) == 0) {
      const std::string d = a == "--decimal" ? value_of(i, argc, argv, a) : a.substr(10);
      if (d != "comma" && d != "point") {
        detail::throw_error(errc::invalid_argument, "--decimal must be comma or point, not " + d);
      }
      o.check.decimal_comma = d == "comma";
    } else if (a == "--keep-column" || a.rfind("--keep-column=", 0) == 0) {
      o.check.keep_columns.push_back(a == "--keep-column" ? value_of(i, argc, argv, a)
                                                          : a.substr(14));
    } else if (a == "--version" || a == "-V") {
      o.positional.insert(o.positional.begin(), "version");  // fairport --version
    } else if (a == "--example") {
      o.check.example = true;
    } else if (a == "--verbose" || a == "-v") {
      o.check.verbose = true;
    } else if (a == "--format" || a.rfind("--format=", 0) == 0) {
      o.check.format = a == "--format" ? value_of(i, argc, argv, a) : a.substr(9);
      if (o.check.format != "text" && o.check.format != "json" && o.check.format != "html") {
        detail::throw_error(errc::invalid_argument,
                            "--format must be text, json or html, not " + o.check.format, {});
      }
    } else if (a == "--output" || a == "-o" || a.rfind("--output=", 0) == 0) {
      o.check.output = a.rfind("--output=", 0) == 0 ? a.substr(9) : value_of(i, argc, argv, a);
    } else if (a.size() > 1 && a[0] == '-' && a != "-h" && a != "--help") {
      error_context c;
      c.argument = a;
      detail::throw_error(errc::invalid_argument, "unknown option " + a, c);
    } else {
      o.positional.push_back(a);
    }
  }
  if (!o.data_dir) {
    // The command line's edge: the user's data directory may be set once in the environment.
    if (const char* env = std::getenv("FAIRPORT_DATA"); env != nullptr && *env != '\0') {
      o.data_dir = env;
    }
  }
  return o;
}

reference_data load_data(const options& o) {
  return fairport::cli::load_reference(o.data_dir, o.check.datasets);
}

std::string coverage(const dataset_info& i) {
  return i.coverage_from + " .. " + (i.coverage_through.empty() ? "open" : i.coverage_through);
}

std::string pad(std::string s, std::size_t n) {
  if (s.size() < n) s.resize(n, ' ');
  return s;
}

int data_list(const options& o) {
  const reference_data data = load_data(o);
  std::cout << "fairport reference data (" << data.origin() << ")\n\n";
  std::cout << pad("id", 28) << pad("version", 10) << pad("records", 9) << pad("coverage", 26)
            << "source\n";
  for (const auto& i : data.datasets()) {
    std::cout << pad(i.id, 28) << pad(i.version, 10) << pad(std::to_string(i.records), 9)
              << pad(coverage(i), 26) << i.title << '\n';
    for (const auto& l : i.layers) std::cout << pad("", 28) << "+ user data " << to_string(l) << '\n';
  }
  return 0;
}

int data_show(const options& o, const std::string& id) {
  const reference_data data = load_data(o);
  const dataset_info& i = data.dataset(id);
  std::cout << "id:        " << i.id << '\n'
            << "version:   " << i.version << '\n'
            << "schema:    " << i.schema << '\n'
            << "file:      " << i.file << '\n'
            << "sha256:    " << i.sha256 << '\n'
            << "records:   " << i.records << '\n'
            << "coverage:  " << coverage(i) << '\n'
            << "source:    " << i.title << '\n'
            << "publisher: " << i.publisher << '\n'
            << "url:       " << i.url << '\n'
            << "retrieved: " << i.retrieved << '\n'
            << "licence:   " << i.licence << '\n'
            << "note:      " << i.note << '\n';
  for (const auto& l : i.layers) std::cout << "user data: " << to_string(l) << '\n';
  return 0;
}

/// `fairport data check DIR`: loads DIR (a user layer, or a complete set with a manifest) as a
/// check would, and says what it holds; a loading error is the exit status 2.
int data_check(const options& o, const std::string& dir) {
  auto opts = o;
  opts.data_dir = dir;
  const reference_data data = load_data(opts);
  std::size_t files = 0;
  for (const auto& i : data.datasets()) {
    for (const auto& l : i.layers) {
      std::cout << i.id << ": " << to_string(l) << '\n';
      ++files;
    }
  }
  std::cout << dir << ": loads (" << data.datasets().size() << " datasets, " << files
            << " user file" << (files == 1 ? "" : "s") << ")\n";
  return 0;
}

/// `fairport data diff DIR`: what each record of the user's layer DIR does to the built-in data.
int data_diff(const options& o, const std::string& dir) {
  const reference_data base = load_data(o);
  const reference_data data = base.with_layer(dir);
  for (const auto& i : data.datasets()) {
    for (const auto& l : i.layers) {
      for (const auto& c : l.changes) {
        std::cout << i.id << ' ' << l.file << ' ' << c.user_pointer << ' ' << c.key << ' '
                  << c.user_validity << ": ";
        if (c.base_pointer.empty()) {
          std::cout << "adds a record\n";
        } else {
          std::cout << (c.withdrawn ? "withdraws " : "replaces ") << c.base_file << ' '
                    << c.base_pointer << ' ' << c.base_validity << " for these days\n";
        }
      }
    }
  }
  return 0;
}

/// `fairport tariff search WORDS... [--as-of D]` and `fairport tariff show CODE --as-of D`.
int tariff(const options& o) {
  const auto& p = o.positional;
  if (p.size() >= 3 && p[1] == "search") {
    std::string words;
    for (std::size_t i = 2; i < p.size(); ++i) words += (i > 2 ? " " : "") + p[i];
    std::optional<date::year_month_day> as_of;
    if (o.as_of) as_of = parse_date(*o.as_of);
    return fairport::cli::run_tariff_search(words, as_of, load_data(o), std::cout);
  }
  if (p.size() == 3 && p[1] == "show") {
    if (!o.as_of) {
      detail::throw_error(errc::invalid_argument,
                          "tariff show needs --as-of YYYY-MM-DD: duties and coverage are dated");
    }
    return fairport::cli::run_tariff_show(tariff_code::parse(p[2]), parse_date(*o.as_of),
                                          load_data(o), std::cout);
  }
  std::cerr << "fairport tariff: give search WORDS... or show CODE --as-of YYYY-MM-DD\n" << usage;
  return 2;
}

/// `fairport vocab`: the names, or one vocabulary's values with their legal text.
int vocab(const options& o) {
  const reference_data data = load_data(o);
  std::optional<date::year_month_day> as_of;
  if (o.as_of) as_of = parse_date(*o.as_of);
  if (o.positional.size() < 2) {
    std::cout << "fairport vocabularies (fairport vocab NAME shows the values)\n\n";
    for (const auto& v : vocabularies(data, as_of)) {
      std::cout << pad(v.name, 26) << v.field << '\n' << pad("", 26) << v.text << "\n\n";
    }
    return 0;
  }
  const vocabulary v = vocabulary_named(o.positional[1], data, as_of);
  std::cout << v.name << " (" << v.field << ")"
            << (as_of ? ", valid on " + *o.as_of : std::string(", on any date")) << '\n'
            << v.text << "\n";
  std::string group;
  for (const auto& e : v.values) {
    if (e.group != group) {
      group = e.group;
      std::cout << '\n' << group << ":\n";
    } else if (group.empty() && &e == &v.values.front()) {
      std::cout << '\n';
    }
    std::cout << "  " << e.id << '\n';
    if (!e.text.empty()) std::cout << "      " << e.text << '\n';
    if (!e.reference.empty()) std::cout << "      [" << e.reference << "]\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const options o = parse_options(argc, argv);
    if (o.positional.empty()) {
      std::cerr << usage;
      return 2;
    }
    for (const auto& p : o.positional) {  // fairport --help, fairport check --help ...
      if (p == "-h" || p == "--help" || p == "help") {
        std::cout << usage;
        return 0;
      }
    }
    const std::string& cmd = o.positional[0];
    if (cmd == "version") {
      std::cout << "fairport " << FAIRPORT_VERSION_STRING << '\n';
      return 0;
    }
    if (cmd == "example") return fairport::cli::run_example(std::cout);
    if (cmd == "check") {
      auto c = o.check;
      c.data_dir = o.data_dir;  // c.datasets is already o.check.datasets
      c.progress = isatty(fileno(stderr)) != 0;
      if (c.lines) return fairport::cli::run_lines(*c.lines, c, std::cout, std::cerr);
      const std::vector<std::string> files(o.positional.begin() + 1, o.positional.end());
      return fairport::cli::run_check(files, c, std::cout, std::cerr);
    }
    if (cmd == "vocab" && o.positional.size() <= 2) return vocab(o);
    if (cmd == "tariff") return tariff(o);
    if (cmd == "data" && o.positional.size() == 2 && o.positional[1] == "list") return data_list(o);
    if (cmd == "data" && o.positional.size() == 3 && o.positional[1] == "show") {
      return data_show(o, o.positional[2]);
    }
    if (cmd == "data" && o.positional.size() == 4 && o.positional[1] == "import" &&
        o.positional[2] == "ecb") {
      return fairport::cli::run_import_ecb(o.positional[3], o.check.output, load_data(o),
                                           std::cout, std::cerr);
    }
    if (cmd == "data" && o.positional.size() >= 4 && o.positional[1] == "import" &&
        o.positional[2] == "xi-tariff") {
      const std::vector<std::string> paths(o.positional.begin() + 3, o.positional.end());
      return fairport::cli::run_import_xi(paths, o.check.output, o.as_of, o.check.verbose,
                                          load_data(o), std::cout, std::cerr);
    }
    if (cmd == "data" && o.positional.size() == 3 && o.positional[1] == "check") {
      return data_check(o, o.positional[2]);
    }
    if (cmd == "data" && o.positional.size() == 3 && o.positional[1] == "diff") {
      return data_diff(o, o.positional[2]);
    }
    if (cmd == "data") {
      std::cerr << "fairport data: give list, show ID, check DIR, diff DIR, import ecb FILE or "
                   "import xi-tariff FILE...\n"
                << usage;
      return 2;
    }
    std::cerr << "fairport: unknown command\n" << usage;
    return 2;
  } catch (const fairport::error& e) {
    std::cerr << "fairport: " << e.what() << '\n';
    return 2;
  } catch (const std::bad_alloc&) {
    // The last-resort handlers: nothing escapes main, and the status says it is not the input.
    std::cerr << "fairport: " << code_tag(errc::out_of_memory)
              << " out of memory: check fewer or smaller files at a time\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "fairport: " << code_tag(errc::internal_error) << " internal error: " << e.what()
              << " (please report it with the input that caused it)\n";
    return 3;
  }
}
