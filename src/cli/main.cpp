// fairport: the command-line tool. Each command and its options are declared once (CLI11), and
// `fairport COMMAND --help` prints them; a command without what it needs prints its help and
// exits 2.
//
// Exit status: 0 success; 1 a line is not originating, not eligible or priced below fair (check);
// 2 bad input or data, or a command line that cannot be used (the message starts with a stable
// error code); 3 an internal error or no memory ([fairport.internal.501], [fairport.internal.502]).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <vector>

#include "fairport/fairport.hpp"
#include "cli.hpp"

namespace {

using namespace fairport;

constexpr const char* exit_statuses =
    "Exit status: 0 done (check: every line checked cleanly); 1 a line is not originating (or\n"
    "  undetermined), not eligible or priced below fair; 2 bad input or data, or a command line\n"
    "  that cannot be used (the message starts with its error code, e.g. [fairport.input.106]);\n"
    "  3 an internal error or no memory.\n";

constexpr const char* data_help =
    "--data DIR adds your own reference data to the built-in datasets: every *.json dataset file\n"
    "  in DIR adds records to, or replaces by key and dates the records of, the dataset it names\n"
    "  (the report marks each figure from it \"user data FILE\"). A DIR with a manifest.json is a\n"
    "  complete set loaded instead of the built-in one. Without --data, the environment variable\n"
    "  FAIRPORT_DATA names that directory. --dataset FILE (repeatable) replaces the loaded\n"
    "  dataset of the same id by FILE.\n";

constexpr const char* lines_help =
    "check --lines FILE.csv (- reads standard input): one independent line per row, landed cost\n"
    "and GSP regime, read, checked and written in chunks (memory does not grow with the file).\n"
    "The header names the columns, in any order; every other column is an error (--keep-column\n"
    "NAME carries one of your own through):\n"
    "  as_of                 YYYY-MM-DD, the date of the declaration                  (required)\n"
    "  importer_country      EU member state of import, ISO 3166 alpha-2: DE, EE ...  (required)\n"
    "  incoterm              Incoterms 2020 rule: EXW FCA FAS FOB CFR CIF CPT CIP DAP DPU DDP\n"
    "                                                                                 (required)\n"
    "  currency              ISO 4217 currency of the amounts: EUR, USD ...           (required)\n"
    "  hs_code               CN code, 8 or 10 digits: 6405209100                      (required)\n"
    "  invoice_value         the invoice amount of the line: 187.35                   (required)\n"
    "  exporter_country      ISO 3166 alpha-2 of the beneficiary country: KG, TJ ...\n"
    "  origin_proof          true (a statement on origin is held for the goods), false or empty:\n"
    "                        only a row with exporter_country and true gets a GSP preference\n"
    "  freight_to_border     transport to the place of entry into the EU (in the customs value)\n"
    "  insurance             insurance to that place (in the customs value)\n"
    "  freight_after_border  transport after it (not in the customs value; in the VAT base)\n"
    "  net_mass_kg           net mass in kg, for duties per 100 kg\n"
    "  quantity              pieces (pairs, items), for duties per piece\n"
    "  vat_category          a category of `fairport vocab vat_category`; empty: by the goods\n"
    "  declaration_currency  the national currency of a member state outside the euro area\n"
    "Numbers are plain decimals, no grouping: 187.35, or 187,35 in a file read with decimal\n"
    "commas (--decimal-comma; the default for a ;-separated file). A negative amount fails its\n"
    "row. The delimiter (, ; or tab) is found from the header unless --delimiter gives it.\n"
    "Output: the input columns, then customs_value, duty, third_country_duty, vat, landed_cost,\n"
    "result_currency, regime, error_code, error_message; a row that fails has its code and\n"
    "message and the others are computed (exit status 2 when a row failed). A progress line is\n"
    "drawn on standard error when it is a terminal. --rates RATES.csv (base,quote,rate,date\n"
    "[,basis][,source]) gives customs rates of a month (basis month, dated the 1st) or ECB\n"
    "fixings (basis fixing) for invoices not in EUR; else the built-in rate of the row's month.\n";

/// What the command line asked for.
struct options {
  std::vector<std::string> args;  ///< the command's positional arguments
  std::string data_dir;
  std::vector<std::string> datasets;
  std::string as_of;
  std::string output;
  std::string delimiter;
  std::string decimal;
  bool decimal_comma = false;
  fairport::cli::check_options check;
};

std::optional<std::string> given(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

std::optional<date::year_month_day> as_of_of(const options& o) {
  return o.as_of.empty() ? std::nullopt : std::optional<date::year_month_day>(parse_date(o.as_of));
}

reference_data load_data(const options& o) {
  return fairport::cli::load_reference(given(o.data_dir), o.datasets);
}

/// Usage lines that name the whole command: "Usage: fairport data import ecb [OPTIONS] FILE".
class formatter : public CLI::Formatter {
 public:
  std::string make_usage(const CLI::App* app, std::string name) const override {
    for (const CLI::App* p = app->get_parent(); p != nullptr; p = p->get_parent()) {
      name = p->get_name() + " " + name;
    }
    return CLI::Formatter::make_usage(app, name);
  }
};

void add_data_options(CLI::App& c, options& o) {
  c.add_option("--data", o.data_dir,
               "your own reference data over the built-in set (or a complete set with a "
               "manifest.json)")
      ->type_name("DIR")
      ->envname("FAIRPORT_DATA");
  c.add_option("--dataset", o.datasets, "replaces the loaded dataset of the same id")
      ->type_name("FILE");
}

void add_output_option(CLI::App& c, options& o, const std::string& what) {
  c.add_option("-o,--output", o.output, "write " + what + " there, not to standard output")
      ->type_name("PATH");
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

/// `fairport vocab [NAME]`: the names, or one vocabulary's values with their legal text.
int vocab(const options& o) {
  const reference_data data = load_data(o);
  const auto as_of = as_of_of(o);
  if (o.args.empty()) {
    std::cout << "fairport vocabularies (fairport vocab NAME shows the values)\n\n";
    for (const auto& v : vocabularies(data, as_of)) {
      std::cout << pad(v.name, 26) << v.field << '\n' << pad("", 26) << v.text << "\n\n";
    }
    return 0;
  }
  const vocabulary v = vocabulary_named(o.args[0], data, as_of);
  std::cout << v.name << " (" << v.field << ")"
            << (as_of ? ", valid on " + o.as_of : std::string(", on any date")) << '\n'
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

/// An output path is checked before any work: its directory exists and can be written, and it
/// is not itself a directory (nothing is written, nothing is lost, exit status 2).
void check_output_path(const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty() || path == "-") return;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    detail::throw_error(errc::invalid_argument,
                        "cannot write " + path + ": it is a directory; give a file name");
  }
  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, ec)) {
    detail::throw_error(errc::invalid_argument, "cannot write " + path + ": the directory " +
                                                    dir.string() + " does not exist");
  }
  if (access(dir.c_str(), W_OK) != 0) {
    detail::throw_error(errc::invalid_argument, "cannot write " + path + ": the directory " +
                                                    dir.string() + " cannot be written");
  }
}

/// The check options of the command line, read after parsing.
fairport::cli::check_options check_options_of(const options& o) {
  auto c = o.check;
  c.data_dir = given(o.data_dir);
  c.datasets = o.datasets;
  c.output = given(o.output);
  if (!o.delimiter.empty()) c.delimiter = o.delimiter == "tab" ? '\t' : o.delimiter[0];
  if (!o.decimal.empty()) c.decimal_comma = o.decimal == "comma";
  if (o.decimal_comma) c.decimal_comma = true;
  c.progress = isatty(fileno(stderr)) != 0;
  return c;
}

void add_check_command(CLI::App& app, options& o) {
  auto* c = app.add_subcommand("check", "check consignments, or independent lines from a CSV");
  c->add_option("FILE_OR_DIR", o.args,
                "fairport.consignment/1 JSON files; a directory means its *.json files")
      ->type_name("");
  c->add_flag("--example", o.check.example, "check the built-in example consignment");
  c->add_option("--format", o.check.format, "text (default), json (fairport.report/1) or html")
      ->check(CLI::IsMember({"text", "json", "html"}).description(""))
      ->type_name("FORMAT");
  add_output_option(*c, o, "the report (or the lines CSV)");
  c->add_flag("-v,--verbose", o.check.verbose, "every finding, the informative ones too");
  c->add_option("--lines", o.check.lines, "independent lines (see below); - : stdin")
      ->type_name("FILE.csv");
  c->add_option("--rates", o.check.rates, "customs exchange rates for --lines")
      ->type_name("RATES.csv");
  c->add_option("--delimiter", o.delimiter, "the field delimiter of --lines: , ; or tab")
      ->check(CLI::IsMember({",", ";", "tab"}).description(""))
      ->type_name("SEP");
  c->add_option("--decimal", o.decimal, "the decimal separator of --lines: point or comma")
      ->check(CLI::IsMember({"point", "comma"}).description(""))
      ->type_name("point|comma");
  c->add_flag("--decimal-comma", o.decimal_comma, "as --decimal comma: 187,35");
  c->add_option("--keep-column", o.check.keep_columns,
                "a column of your own in --lines, carried to the output untouched")
      ->type_name("NAME");
  add_data_options(*c, o);
  c->footer(std::string("\n") + lines_help + "\n" + exit_statuses);
}

void add_data_commands(CLI::App& app, options& o) {
  auto* d = app.add_subcommand("data", "the reference data: list, show, check, diff, import");
  d->footer(std::string("\n") + data_help);
  auto* list = d->add_subcommand("list", "the loaded datasets: id, version, coverage, source");
  add_data_options(*list, o);
  auto* show = d->add_subcommand("show", "one dataset in full: source, licence, note, coverage");
  show->add_option("ID", o.args, "a dataset id (see data list)")
      ->required()
      ->expected(1)
      ->type_name("ID");
  add_data_options(*show, o);
  auto* chk = d->add_subcommand("check", "load DIR as --data DIR would and say what it holds");
  chk->add_option("DIR", o.args, "a directory of your own dataset files")
      ->required()
      ->expected(1)
      ->type_name("DIR");
  add_data_options(*chk, o);
  auto* diff = d->add_subcommand(
      "diff", "what each record of the user data in DIR adds, replaces or withdraws");
  diff->add_option("DIR", o.args, "a directory of your own dataset files")
      ->required()
      ->expected(1)
      ->type_name("DIR");
  add_data_options(*diff, o);
  auto* imp = d->add_subcommand("import", "turn a publisher's file into a dataset file");
  auto* ecb = imp->add_subcommand(
      "ecb", "the EU customs rate of each month (Implementing Regulation (EU) 2015/2447, Art. 146) "
             "from the ECB's eurofxref-hist.csv or .zip, as eu_customs_exchange_rates");
  ecb->add_option("FILE", o.args, "eurofxref-hist.csv or eurofxref-hist.zip")
      ->required()
      ->expected(1)
      ->type_name("FILE");
  add_output_option(*ecb, o, "the dataset");
  add_data_options(*ecb, o);
  auto* xi = imp->add_subcommand(
      "xi-tariff", "third-country duties (measure type 103) from UK Trade Tariff API v2 responses "
                   "for Northern Ireland (the EU tariff), as your own eu_cct_erga_omnes file");
  xi->add_option("FILE", o.args, "API responses, or directories of them")
      ->required()
      ->type_name("FILE_OR_DIR");
  add_output_option(*xi, o, "the dataset file");
  xi->add_option("--as-of", o.as_of, "the date the responses were read")
      ->type_name("YYYY-MM-DD");
  xi->add_flag("-v,--verbose", o.check.verbose, "every measure and what became of it");
  add_data_options(*xi, o);
}

void add_other_commands(CLI::App& app, options& o) {
  app.add_subcommand("example", "a worked money example on the built-in data");
  app.add_subcommand("version", "print fairport's version");
  auto* v = app.add_subcommand(
      "vocab", "the closed vocabularies of the consignment document, with their legal text");
  v->add_option("NAME", o.args, "one vocabulary: its accepted values")
      ->expected(0, 1)
      ->type_name("NAME");
  v->add_option("--as-of", o.as_of, "the values valid on that date")
      ->type_name("YYYY-MM-DD");
  add_data_options(*v, o);
  auto* t = app.add_subcommand("tariff", "the CN nomenclature: search by words, show a code");
  auto* search = t->add_subcommand(
      "search", "the CN codes whose descriptions hold the words, best first, with their duty");
  search->add_option("WORDS", o.args, "words of the description: felt slippers")
      ->required()
      ->type_name("WORDS");
  search->add_option("--as-of", o.as_of, "the duty on that date")
      ->type_name("YYYY-MM-DD");
  add_data_options(*search, o);
  auto* show = t->add_subcommand(
      "show", "one code's description, duty, GSP coverage (Annex V, IX, EBA) and list rule");
  show->add_option("CODE", o.args, "a CN code: 6405209100")
      ->required()
      ->expected(1)
      ->type_name("CODE");
  show->add_option("--as-of", o.as_of, "duties and coverage are dated (required)")
      ->type_name("YYYY-MM-DD");
  add_data_options(*show, o);
}

/// The deepest command the command line named ("fairport data import ecb": ecb).
const CLI::App* deepest(const CLI::App& app) {
  const CLI::App* at = &app;
  for (;;) {
    const auto subs = at->get_subcommands();
    if (subs.empty()) return at;
    at = subs.front();
  }
}

/// A command that needs more than it was given: its help on standard error, exit status 2.
int needs(const CLI::App& c, const std::string& what) {
  std::cerr << "fairport " << c.get_name() << ": " << what << "\n\n" << c.help();
  return 2;
}

int run_data(const CLI::App& d, const options& o) {
  const auto subs = d.get_subcommands();
  if (subs.empty()) return needs(d, "give list, show ID, check DIR, diff DIR or import ...");
  const std::string name = subs.front()->get_name();
  if (name == "list") return data_list(o);
  if (name == "show") return data_show(o, o.args[0]);
  if (name == "check") return data_check(o, o.args[0]);
  if (name == "diff") return data_diff(o, o.args[0]);
  const auto imports = subs.front()->get_subcommands();
  if (imports.empty()) return needs(*subs.front(), "give ecb FILE or xi-tariff FILE_OR_DIR...");
  if (imports.front()->get_name() == "ecb") {
    return fairport::cli::run_import_ecb(o.args[0], given(o.output), load_data(o), std::cout,
                                         std::cerr);
  }
  return fairport::cli::run_import_xi(o.args, given(o.output), given(o.as_of), o.check.verbose,
                                      load_data(o), std::cout, std::cerr);
}

int run_tariff(const CLI::App& t, const options& o) {
  const auto subs = t.get_subcommands();
  if (subs.empty()) return needs(t, "give search WORDS... or show CODE --as-of YYYY-MM-DD");
  if (subs.front()->get_name() == "search") {
    std::string words;
    for (const auto& w : o.args) words += (words.empty() ? "" : " ") + w;
    return fairport::cli::run_tariff_search(words, as_of_of(o), load_data(o), std::cout);
  }
  if (o.as_of.empty()) {
    detail::throw_error(errc::invalid_argument,
                        "tariff show needs --as-of YYYY-MM-DD: duties and coverage are dated");
  }
  return fairport::cli::run_tariff_show(tariff_code::parse(o.args[0]), parse_date(o.as_of),
                                        load_data(o), std::cout);
}

int run_command(const CLI::App& app, const options& o) {
  const auto subs = app.get_subcommands();
  if (subs.empty()) {
    std::cerr << app.help();
    return 2;
  }
  const CLI::App& c = *subs.front();
  const std::string cmd = c.get_name();
  if (cmd == "version") {
    std::cout << "fairport " << FAIRPORT_VERSION_STRING << '\n';
    return 0;
  }
  if (cmd == "example") return fairport::cli::run_example(std::cout);
  if (cmd == "vocab") return vocab(o);
  if (cmd == "tariff") return run_tariff(c, o);
  if (cmd == "data") return run_data(c, o);
  // check
  const auto checks = check_options_of(o);
  if (checks.lines) return fairport::cli::run_lines(*checks.lines, checks, std::cout, std::cerr);
  if (o.args.empty() && !checks.example) {
    return needs(c, "give consignment files (or a directory), --example or --lines FILE.csv");
  }
  return fairport::cli::run_check(o.args, checks, std::cout, std::cerr);
}

int run(int argc, char** argv) {
  CLI::App app("fairport: the fair producer price, landed cost in the EU, GSP eligibility and "
               "rules-of-origin verdict of a consignment, exact and explained.",
               "fairport");
  app.set_version_flag("-V,--version", std::string("fairport ") + FAIRPORT_VERSION_STRING);
  app.formatter(std::make_shared<formatter>());
  app.get_formatter()->column_width(28);
  options o;
  add_check_command(app, o);
  add_data_commands(app, o);
  add_other_commands(app, o);
  app.footer(std::string("\nRun fairport COMMAND --help for a command's options.\n\n") +
             data_help + "\n" + exit_statuses);
  if (argc == 2 && std::string(argv[1]) == "help") {
    std::cout << app.help();
    return 0;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << deepest(app)->help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << '\n';
    return 0;
  } catch (const CLI::ParseError& e) {
    const CLI::App* at = deepest(app);
    std::cerr << "fairport: " << code_tag(errc::invalid_argument) << ' ' << e.what() << "\n\n"
              << at->help();
    return 2;
  }
  check_output_path(o.output);
  return run_command(app, o);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
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
