// reference_data: the manifest, the checksums, and the typed tables built from each dataset.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dataset/builtin_data.hpp"
#include "dataset/builder.hpp"
#include "dataset/dataset_reader.hpp"
#include "dataset/layer.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/quantity.hpp"
#include "core/sha256.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

using nlohmann::json;
using detail::builder;
using detail::file_context;
using detail::raw_dataset;
using detail::raw_record;

constexpr std::string_view manifest_file = "manifest.json";

/// One dataset file's text as read from the manifest's directory (or the built-in copy).
struct dataset_text {
  std::string id;
  std::string file;    ///< relative path as the manifest names it
  std::string schema;  ///< from the manifest
  std::string sha256;  ///< computed from the bytes
  std::string text;
};

std::string schema_kind(std::string_view schema) {
  const auto slash = schema.rfind('/');
  return std::string(schema.substr(0, slash));
}


/// The order in which kinds load: codes first, so that later datasets can be checked against them.
int kind_rank(const std::string& kind) {
  static const std::vector<std::string> order = {
      "fairport.currencies", "fairport.countries", "fairport.country_groups"};
  auto it = std::find(order.begin(), order.end(), kind);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

const std::map<std::string, void (builder::*)(const raw_dataset&)>& loaders() {
  static const std::map<std::string, void (builder::*)(const raw_dataset&)> m = {
      {"fairport.currencies/1", &builder::load_currencies},
      {"fairport.countries/1", &builder::load_countries},
      {"fairport.country_groups/1", &builder::load_country_groups},
      {"fairport.vat_rates/1", &builder::load_vat},
      {"fairport.vat_goods_rates/1", &builder::load_vat_goods},
      {"fairport.cn_nomenclature/1", &builder::load_nomenclature},
      {"fairport.tariff_duties/1", &builder::load_tariffs},
      {"fairport.exchange_rates/1", &builder::load_exchange_rates},
      {"fairport.customs_exchange_rates/1", &builder::load_customs_exchange_rates},
      {"fairport.fairtrade_prices/1", &builder::load_fairtrade},
      {"fairport.living_wages/1", &builder::load_wages},
      {"fairport.gsp_beneficiaries/1", &builder::load_gsp_beneficiaries},
      {"fairport.gsp_graduations/1", &builder::load_gsp_graduations},
      {"fairport.thresholds/1", &builder::load_thresholds},
      {"fairport.gsp_duty_rules/1", &builder::load_gsp_duty_rules},
      {"fairport.origin_list_rules/1", &builder::load_list_rules},
      {"fairport.gsp_product_coverage/1", &builder::load_gsp_coverage},
      {"fairport.incoterms/1", &builder::load_incoterms},
      {"fairport.low_value_relief/1", &builder::load_low_value_reliefs},
      {"fairport.rounding_policies/1", &builder::load_rounding_policies},
      {"fairport.origin_general_rules/1", &builder::load_origin_general_rules},
  };
  return m;
}

dataset_info info_of(const raw_dataset& ds, const std::string& file, const std::string& sha256) {
  dataset_info i;
  i.id = ds.header.dataset;
  i.schema = ds.header.schema;
  i.version = ds.header.version;
  i.file = file;
  i.sha256 = sha256;
  auto str = [&](const char* k) {
    auto it = ds.header.source.find(k);
    return it != ds.header.source.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  i.title = str("title");
  i.publisher = str("publisher");
  i.url = str("url");
  i.retrieved = str("retrieved");
  i.licence = ds.header.licence;
  i.note = ds.header.note;
  i.records = ds.records.size();
  bool open = false;
  for (const auto& r : ds.records) {
    const std::string from = format_date(r.validity.from());
    if (i.coverage_from.empty() || from < i.coverage_from) i.coverage_from = from;
    if (auto th = r.validity.through()) {
      const std::string s = format_date(*th);
      if (s > i.coverage_through) i.coverage_through = s;
    } else {
      open = true;
    }
  }
  if (open) i.coverage_through.clear();
  return i;
}

/// Every kind of dataset the engines read must be loaded: a directory without one is refused at
/// load time, not when a line first needs it. The exchange rates may be either kind.
void require_every_kind(const std::vector<std::string>& schemas, const std::string& origin) {
  std::set<std::string> kinds;
  for (const auto& s : schemas) kinds.insert(schema_kind(s));
  std::string missing;
  for (const auto& [schema, loader] : loaders()) {
    const std::string kind = schema_kind(schema);
    // The nomenclature serves the tariff search only; no engine needs it.
    if (kind == "fairport.exchange_rates" || kind == "fairport.customs_exchange_rates" ||
        kind == "fairport.cn_nomenclature") {
      continue;
    }
    if (kinds.count(kind) == 0) missing += (missing.empty() ? "" : ", ") + kind;
  }
  if (kinds.count("fairport.exchange_rates") == 0 &&
      kinds.count("fairport.customs_exchange_rates") == 0) {
    missing += std::string(missing.empty() ? "" : ", ") + "fairport.customs_exchange_rates";
  }
  if (!missing.empty()) {
    detail::throw_error(errc::missing_dataset,
                        "the reference data " + origin + " has no dataset of " + missing +
                            " (every engine's datasets must be loaded; copy them from the "
                            "built-in set, `fairport data show ID`)",
                        file_context(origin + "/" + std::string(manifest_file)));
  }
}

/// One file of a user's data layer, as read.
struct layer_text {
  std::string file;
  std::string sha256;  ///< recorded, not checked
  std::string text;
};

/// Builds the tables from dataset texts (manifest already checked) and the user layers on them.
std::shared_ptr<reference_data::impl> build(std::vector<dataset_text> texts,
                                            std::vector<layer_text> layers, std::string origin);

/// The "dataset" and "schema" ("" when absent: the full reading says why) a dataset file names,
/// read strictly before its full reading.
std::pair<std::string, std::string> dataset_named(std::string_view text, const std::string& name) {
  const auto ctx = file_context(name);
  auto parsed = detail::parse_strict_json(text, errc::invalid_json, ctx);
  if (parsed.repeated_key) {
    detail::throw_repeated_key(errc::duplicate_key, *parsed.repeated_key, ctx);
  }
  const json head = std::move(parsed.value);
  if (!head.is_object()) detail::throw_error(errc::invalid_value, "must be an object", ctx);
  const auto schema = head.find("schema");
  return {detail::require_string(head, "dataset", ctx),
          schema != head.end() && schema->is_string() ? schema->get<std::string>() : ""};
}

/// Reads and checks manifest.json; returns the entries in manifest order.
std::vector<dataset_text> read_manifest(
    std::string_view manifest_text, const std::string& manifest_name,
    const std::function<std::string(const std::string& file, const error_context&)>& read) {
  const auto ctx = file_context(manifest_name);
  auto parsed = detail::parse_strict_json(manifest_text, errc::invalid_json, ctx);
  if (parsed.repeated_key) {
    detail::throw_repeated_key(errc::duplicate_key, *parsed.repeated_key, ctx);
  }
  const json m = std::move(parsed.value);
  if (!m.is_object()) detail::throw_error(errc::invalid_value, "manifest must be an object", ctx);
  detail::reject_unknown_keys(m, {"schema", "note", "datasets"}, ctx);
  if (detail::require_string(m, "schema", ctx) != "fairport.manifest/1") {
    detail::throw_error(errc::unknown_schema, "manifest schema must be \"fairport.manifest/1\"",
                        file_context(manifest_name, "/schema"));
  }
  const auto ds = m.find("datasets");
  if (ds == m.end() || !ds->is_array()) {
    detail::throw_error(errc::missing_field, "manifest needs a \"datasets\" array", ctx);
  }
  std::vector<dataset_text> out;
  for (std::size_t i = 0; i < ds->size(); ++i) {
    const auto& e = (*ds)[i];
    const auto ectx = file_context(manifest_name, "/datasets/" + std::to_string(i));
    if (!e.is_object()) detail::throw_error(errc::invalid_value, "entry must be an object", ectx);
    detail::reject_unknown_keys(e, {"id", "file", "schema", "version", "source", "licence", "sha256"},
                                ectx);
    dataset_text t;
    t.id = detail::require_string(e, "id", ectx);
    t.file = detail::require_string(e, "file", ectx);
    t.schema = detail::require_string(e, "schema", ectx);
    const std::string expected_sha = detail::require_string(e, "sha256", ectx);
    for (const auto& prev : out) {
      if (prev.id == t.id) {
        detail::throw_error(errc::duplicate_key, "dataset id \"" + t.id + "\" listed twice", ectx);
      }
    }
    t.text = read(t.file, ectx);
    t.sha256 = detail::sha256_hex(t.text);
    if (t.sha256 != expected_sha) {
      auto c = ectx;
      c.dataset = t.id;
      c.file = t.file;
      detail::throw_error(errc::checksum_mismatch,
                          "sha256 of " + t.file + " is " + t.sha256 + ", manifest says " +
                              expected_sha + " (run cmake -P src/cmake/update_manifest.cmake after "
                              "a reviewed data change)",
                          c);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::string read_file_text(const std::string& path, const error_context& ctx) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    auto c = ctx;
    c.file = path;
    detail::throw_error(errc::missing_file, "cannot read dataset file " + path, c);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

struct reference_data::impl {
  std::string origin;
  std::vector<dataset_text> texts;  ///< the base set (built-in, or a manifest's directory)
  std::vector<layer_text> layers;   ///< the user's files merged on it, in order
  builder tables;
};

namespace {

/// One dataset as it will load: the parsed records, the file and checksum it is cited by, and
/// the user files merged into it.
struct dataset_entry {
  raw_dataset ds;
  std::string file;
  std::string sha256;
  std::vector<dataset_layer> layers;
};

raw_dataset parse_checked(const std::string& text, const std::string& file,
                          const std::string& schema, const std::string& id) {
  if (loaders().count(schema) == 0) {
    auto c = file_context(file);
    c.dataset = id;
    detail::throw_error(errc::unknown_schema, "no loader for schema \"" + schema + "\"", c);
  }
  raw_dataset ds = detail::read_dataset(text, file, schema);
  detail::check_no_overlaps(ds);
  return ds;
}

/// Merges one user file into the entries: into the dataset it names, or as a dataset of its own.
void apply_layer(std::vector<dataset_entry>& entries, const layer_text& l) {
  const auto [id, schema] = dataset_named(l.text, l.file);
  for (auto& e : entries) {
    if (e.ds.header.dataset != id) continue;
    // The loaded dataset's schema is the one the user's file must have.
    raw_dataset user = parse_checked(l.text, l.file, e.ds.header.schema, id);
    e.layers.push_back(detail::merge_layer(e.ds, std::move(user), l.file, l.sha256));
    return;
  }
  dataset_entry added{parse_checked(l.text, l.file, schema, id), l.file, l.sha256, {}};
  added.layers.push_back(detail::mark_layer(added.ds, l.file, l.sha256));
  entries.push_back(std::move(added));
}

std::shared_ptr<reference_data::impl> build(std::vector<dataset_text> texts,
                                            std::vector<layer_text> layers, std::string origin) {
  auto p = std::make_shared<reference_data::impl>();
  p->origin = std::move(origin);
  // Parse every file first (nothing is built from a file that does not parse).
  std::vector<dataset_entry> entries;
  entries.reserve(texts.size());
  for (const auto& t : texts) {
    raw_dataset ds = parse_checked(t.text, t.file, t.schema, t.id);
    if (ds.header.dataset != t.id) {
      detail::throw_error(errc::invalid_value,
                          "dataset id \"" + ds.header.dataset + "\" does not match the manifest's \"" +
                              t.id + "\"",
                          detail::context_for(ds, "/dataset"));
    }
    entries.push_back({std::move(ds), t.file, t.sha256, {}});
  }
  for (const auto& l : layers) apply_layer(entries, l);
  std::vector<std::string> schemas;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    schemas.push_back(entries[i].ds.header.schema);
    order.push_back(i);
  }
  require_every_kind(schemas, p->origin);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return kind_rank(schema_kind(schemas[a])) < kind_rank(schema_kind(schemas[b]));
  });
  for (const std::size_t i : order) {
    const raw_dataset& ds = entries[i].ds;
    (p->tables.*loaders().at(ds.header.schema))(ds);
  }
  // infos in manifest order, then the datasets a user layer added
  p->tables.infos.resize(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto& info = p->tables.infos[i];
    info = info_of(entries[i].ds, entries[i].file, entries[i].sha256);
    info.layers = std::move(entries[i].layers);
  }
  p->texts = std::move(texts);
  p->layers = std::move(layers);
  return p;
}

}  // namespace

namespace detail {

void load_dataset_alone(std::string_view text, const std::string& name) {
  // The built-in datasets as parsed records, and a builder holding only the code tables.
  struct prepared {
    std::vector<dataset_entry> entries;
    builder codes;
  };
  static const prepared base = [] {
    prepared p;
    const auto& files = builtin_files();
    std::string manifest;
    for (const auto& f : files) {
      if (f.path == manifest_file) manifest = std::string(f.content);
    }
    const auto texts = read_manifest(manifest, "builtin:manifest.json",
                                     [&](const std::string& file, const error_context&) {
                                       for (const auto& f : files) {
                                         if (f.path == file) return std::string(f.content);
                                       }
                                       return std::string();
                                     });
    for (const auto& t : texts) {
      p.entries.push_back({parse_checked(t.text, t.file, t.schema, t.id), t.file, t.sha256, {}});
      const auto& ds = p.entries.back().ds;
      if (kind_rank(schema_kind(ds.header.schema)) < 3) (p.codes.*loaders().at(ds.header.schema))(ds);
    }
    return p;
  }();
  const auto [id, schema] = dataset_named(text, name);
  const layer_text l{name, sha256_hex(text), std::string(text)};
  std::vector<dataset_entry> one;
  for (const auto& e : base.entries) {
    if (e.ds.header.dataset == id) one.push_back(e);
  }
  apply_layer(one, l);
  builder b = base.codes;
  for (const auto& e : one) {
    if (kind_rank(schema_kind(e.ds.header.schema)) >= 3) (b.*loaders().at(e.ds.header.schema))(e.ds);
  }
}

}  // namespace detail

const reference_data& reference_data::builtin() {
  static const reference_data data = [] {
    const auto& files = detail::builtin_files();
    auto find = [&files](const std::string& path) -> const detail::builtin_file* {
      for (const auto& f : files) {
        if (f.path == path) return &f;
      }
      return nullptr;
    };
    const auto* manifest = find(std::string(manifest_file));
    if (manifest == nullptr) {
      detail::throw_error(errc::missing_file, "the built-in data has no manifest.json",
                          file_context("builtin:manifest.json"));
    }
    auto texts = read_manifest(manifest->content, "builtin:manifest.json",
                               [&](const std::string& file, const error_context& ctx) {
                                 const auto* f = find(file);
                                 if (f == nullptr) {
                                   auto c = ctx;
                                   c.file = "builtin:" + file;
                                   detail::throw_error(errc::missing_file,
                                                       "the built-in data has no " + file, c);
                                 }
                                 return std::string(f->content);
                               });
    return reference_data(build(std::move(texts), {}, "builtin"));
  }();
  return data;
}

reference_data reference_data::load(const std::string& directory) {
  const std::string manifest_path = directory + "/" + std::string(manifest_file);
  const std::string manifest_text = read_file_text(manifest_path, {});
  auto texts = read_manifest(manifest_text, manifest_path,
                             [&](const std::string& file, const error_context& ctx) {
                               return read_file_text(directory + "/" + file, ctx);
                             });
  return reference_data(build(std::move(texts), {}, directory));
}

reference_data reference_data::with_override_text(std::string_view text,
                                                  const std::string& name) const {
  // Find which dataset the file replaces from its "dataset" field, then rebuild the whole set
  // so that cross-dataset checks (currency and country codes) run again.
  const std::string id = dataset_named(text, name).first;
  auto texts = impl_->texts;
  auto it = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.id == id; });
  if (it == texts.end()) {
    detail::throw_error(errc::invalid_value,
                        "override names dataset \"" + id + "\", which is not loaded",
                        file_context(name, "/dataset"));
  }
  it->file = name;
  it->text = std::string(text);
  it->sha256 = detail::sha256_hex(it->text);
  return reference_data(build(std::move(texts), impl_->layers, impl_->origin + " + " + name));
}

reference_data reference_data::with_layer_text(std::string_view text,
                                               const std::string& name) const {
  auto layers = impl_->layers;
  layers.push_back({name, detail::sha256_hex(text), std::string(text)});
  return reference_data(build(impl_->texts, std::move(layers), impl_->origin + " + user " + name));
}

reference_data reference_data::with_layer(const std::string& directory) const {
  std::vector<std::string> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end;
       it.increment(ec)) {
    const auto& path = it->path();
    if (path.extension() == ".json" && it->is_regular_file(ec)) files.push_back(path.filename().string());
  }
  if (ec) {
    detail::throw_error(errc::missing_file,
                        "cannot read the data directory " + directory + ": " + ec.message(),
                        file_context(directory));
  }
  if (files.empty()) {
    detail::throw_error(errc::missing_file,
                        "the data directory " + directory +
                            " has no manifest.json and no dataset files (*.json) to add",
                        file_context(directory));
  }
  std::sort(files.begin(), files.end());
  auto layers = impl_->layers;
  for (const auto& f : files) {
    const std::string path = directory + "/" + f;
    std::string text = read_file_text(path, {});
    layers.push_back({path, detail::sha256_hex(text), std::move(text)});
  }
  return reference_data(build(impl_->texts, std::move(layers), impl_->origin + " + user " + directory));
}

reference_data reference_data::from_directory(const std::string& directory) {
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::path(directory) / std::string(manifest_file), ec)) {
    return load(directory);
  }
  return builtin().with_layer(directory);
}

reference_data reference_data::with_override(const std::string& dataset_file) const {
  return with_override_text(read_file_text(dataset_file, {}), dataset_file);
}

std::string to_string(const dataset_layer& l) {
  auto n = [](std::size_t k, const char* what) {
    return std::to_string(k) + (k == 1 ? " record " : " records ") + what;
  };
  return l.file + " (version " + l.version + ", sha256 " + l.sha256.substr(0, 12) + ", " +
         n(l.added, "added") + ", " + n(l.replaced, "replaced") + ", " + n(l.withdrawn, "withdrawn") +
         ")";
}

const std::vector<dataset_info>& reference_data::datasets() const noexcept {
  return impl_->tables.infos;
}

const dataset_info& reference_data::dataset(std::string_view id) const {
  for (const auto& i : impl_->tables.infos) {
    if (i.id == id) return i;
  }
  detail::throw_error(errc::missing_file, "no dataset \"" + std::string(id) + "\" is loaded");
}

const std::string& reference_data::origin() const noexcept { return impl_->origin; }
const currency_table& reference_data::currencies() const noexcept { return impl_->tables.currencies; }
const country_table& reference_data::countries() const noexcept { return impl_->tables.countries; }
const vat_table& reference_data::vat_rates() const noexcept { return impl_->tables.vat; }
const tariff_table& reference_data::tariffs() const noexcept { return impl_->tables.tariffs; }
const fx_rate_table& reference_data::exchange_rates() const noexcept { return impl_->tables.fx; }
const fairtrade_price_table& reference_data::fairtrade_prices() const noexcept {
  return impl_->tables.fairtrade;
}
const wage_table& reference_data::wages() const noexcept { return impl_->tables.wages; }
const gsp_beneficiary_table& reference_data::gsp_beneficiaries() const noexcept {
  return impl_->tables.gsp_beneficiaries;
}
const gsp_graduation_table& reference_data::gsp_graduations() const noexcept {
  return impl_->tables.gsp_graduations;
}
const threshold_table& reference_data::thresholds() const noexcept {
  return impl_->tables.thresholds;
}

const gsp_duty_rules_table& reference_data::gsp_duty_rules() const noexcept {
  return impl_->tables.gsp_duty_rules;
}
const incoterm_table& reference_data::incoterms() const noexcept {
  return impl_->tables.incoterms;
}
const low_value_relief_table& reference_data::low_value_reliefs() const noexcept {
  return impl_->tables.low_value_reliefs;
}
const rounding_policy_table& reference_data::rounding_policies() const noexcept {
  return impl_->tables.rounding_policies;
}
const list_rule_table& reference_data::list_rules() const noexcept {
  return impl_->tables.list_rules;
}
const origin_general_rule_table& reference_data::origin_general_rules() const noexcept {
  return impl_->tables.origin_general;
}
const vat_goods_table& reference_data::vat_goods_rates() const noexcept {
  return impl_->tables.vat_goods;
}

const cn_nomenclature_table& reference_data::nomenclature() const noexcept {
  return impl_->tables.nomenclature;
}

const gsp_coverage_table& reference_data::gsp_coverage() const noexcept {
  return impl_->tables.gsp_coverage;
}

FAIRPORT_END_NAMESPACE
