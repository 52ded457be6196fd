#pragma once
/// @file dataset.hpp
/// The reference data every engine reads: real, dated, sourced datasets, loaded strictly.
///
/// Synopsis
/// @code
/// struct layer_change { key, user_pointer, user_validity, base_file, base_pointer, base_validity; bool withdrawn; };
/// struct dataset_layer { std::string file, version, sha256; std::size_t added, replaced, withdrawn;
///                        std::vector<layer_change> changes; };
/// struct dataset_info {
///   std::string id, schema, version, file, sha256, title, publisher, url, retrieved, licence, note;
///   std::size_t records; std::string coverage_from, coverage_through;   // ISO; through empty = open
///   std::vector<dataset_layer> layers;        // the user files merged into it, in order
/// };
/// class reference_data {                      // immutable; cheap to copy; safe to share across threads
///   static const reference_data& builtin();   // the datasets compiled into the library
///   static reference_data load(const std::string& directory);    // a directory with manifest.json
///   reference_data with_override(const std::string& dataset_file) const;  // replace one dataset
///   reference_data with_override_text(std::string_view json, const std::string& name) const;
///   reference_data with_layer(const std::string& directory) const;     // add or replace records
///   reference_data with_layer_text(std::string_view json, const std::string& name) const;
///   static reference_data from_directory(const std::string& directory); // manifest: load; else
///                                                                       // builtin().with_layer
///   const std::vector<dataset_info>& datasets() const noexcept;
///   const dataset_info& dataset(std::string_view id) const;    // throws [fairport.data.314]
///   std::string origin() const;               // "builtin" or the directory loaded
///   const currency_table& currencies() const noexcept;
///   const country_table& countries() const noexcept;
///   const vat_table& vat_rates() const noexcept;
///   const tariff_table& tariffs() const noexcept;
///   const fx_rate_table& exchange_rates() const noexcept;
///   const fairtrade_price_table& fairtrade_prices() const noexcept;
///   const wage_table& wages() const noexcept;
///   const gsp_beneficiary_table& gsp_beneficiaries() const noexcept;
///   const gsp_graduation_table& gsp_graduations() const noexcept;
///   const threshold_table& thresholds() const noexcept;
///   const gsp_duty_rules_table& gsp_duty_rules() const noexcept;
///   const list_rule_table& list_rules() const noexcept;
///   const gsp_coverage_table& gsp_coverage() const noexcept;  // data/gsp_coverage.hpp
///   const vat_goods_table& vat_goods_rates() const noexcept;  // data/vat_goods_rates.hpp
///   const incoterm_table& incoterms() const noexcept;                 // data/customs.hpp
///   const low_value_relief_table& low_value_reliefs() const noexcept;
///   const rounding_policy_table& rounding_policies() const noexcept;
///   const origin_general_rule_table& origin_general_rules() const noexcept;  // data/origin_general_rules.hpp
///   const cn_nomenclature_table& nomenclature() const noexcept;               // data/nomenclature.hpp
/// };
/// std::string to_string(const dataset_layer&);   // "FILE (version V, sha256 ..., 1 record added, ...)"
/// reference_data load_reference_data(const std::string& directory);   // = reference_data::load
/// @endcode
///
/// Loading checks every file against the manifest's sha256 ([fairport.data.308]), every record
/// strictly (unknown and duplicate keys, numbers written as JSON numbers, bad dates, overlapping
/// validity, unknown currency and country codes), and loads nothing halfway: a load either
/// returns a complete reference_data or throws. Errors name the file, JSON Pointer, dataset id
/// and version.
///
/// A user's data layer (with_layer) is a directory of dataset files in the same format, without
/// a manifest: each file's checksum is recorded, not demanded. A file whose `dataset` is loaded
/// merges into it record by record: a user record replaces the loaded records of the same key
/// (for a CN-range key: the same other fields and a range inside the user's) for the days it covers (a loaded record is cut to the days outside it, in two when it
/// straddles it), a user record whose `value` is null withdraws them for those days, and every
/// other loaded record stays. A file naming a dataset that is not loaded adds it. The merged set
/// is then loaded as strictly as the built-in one (unknown keys, overlaps within the user's file,
/// unknown codes: errors naming the user's file and pointer), and every figure from a user
/// record names the file in its provenance.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/config.hpp"
#include "fairport/fwd.hpp"  // the tables: each engine header includes the ones it reads

FAIRPORT_BEGIN_NAMESPACE

/// What one user record did to a dataset (`fairport data diff`).
struct layer_change {
  std::string key;            ///< the record key, as JSON
  std::string user_pointer;   ///< the user's record: "/records/0" in the user's file
  std::string user_validity;  ///< "[2026-01-01, open)"
  std::string base_file;      ///< the file of the record it replaced; "" when it replaced none
  std::string base_pointer;   ///< that record's pointer
  std::string base_validity;  ///< that record's validity before the user's record cut it
  bool withdrawn = false;     ///< the user's record has a null value: it only ends the others
};

/// One user file merged into a dataset (reference_data::with_layer).
struct dataset_layer {
  std::string file;         ///< the file as given
  std::string version;      ///< the file's own version
  std::string sha256;       ///< of the file's bytes (recorded, not checked)
  std::size_t added = 0;    ///< user records now in the dataset
  std::size_t replaced = 0;   ///< loaded records cut or removed by a user record
  std::size_t withdrawn = 0;  ///< user records with a null value (they end a series)
  std::vector<layer_change> changes;  ///< per user record and record it replaced, in file order
};

/// "FILE (version V, sha256 ab12cd34ef56, 1 record added, 0 replaced, 0 withdrawn)".
std::string to_string(const dataset_layer& layer);

/// What one loaded dataset is and where it came from.
struct dataset_info {
  std::string id;          ///< "eu_vat_rates"
  std::string schema;      ///< "fairport.vat_rates/1"
  std::string version;     ///< "2026.1.0"
  std::string file;        ///< path relative to the data directory
  std::string sha256;      ///< of the file's bytes
  std::string title;       ///< source title
  std::string publisher;   ///< source publisher
  std::string url;         ///< source URL
  std::string retrieved;   ///< date the source was read
  std::string licence;     ///< reuse terms
  std::string note;        ///< coverage and known gaps
  std::size_t records = 0;        ///< number of records
  std::string coverage_from;      ///< earliest valid_from, ISO
  std::string coverage_through;   ///< latest valid_through, ISO; empty when open-ended
  std::vector<dataset_layer> layers;  ///< user files merged into this dataset, in order
};

/// An immutable, versioned set of reference datasets.
class reference_data {
 public:
  /// The datasets compiled into the library. Parsed once, on first use; thread-safe.
  /// @throws data_error only if the built-in data is corrupt (a build defect).
  static const reference_data& builtin();

  /// Loads every dataset listed in `directory`/manifest.json.
  /// @throws data_error [fairport.data.3xx] naming file, pointer, dataset and version.
  static reference_data load(const std::string& directory);

  /// A copy in which the dataset with the same id as `dataset_file` is replaced by that file
  /// (no manifest check for the override; its own sha256 is recorded).
  reference_data with_override(const std::string& dataset_file) const;

  /// As with_override(), from JSON text; `name` is used as the file name in messages.
  reference_data with_override_text(std::string_view json, const std::string& name) const;

  /// A copy with the user's data layer in `directory` merged in: every `*.json` file directly in
  /// it, in name order (see the file comment for the rule). No manifest and no checksum step.
  /// @throws data_error [fairport.data.314] when the directory cannot be read or holds no
  ///         `*.json` file; every strict-loading error, naming the user's file and pointer.
  reference_data with_layer(const std::string& directory) const;

  /// As with_layer(), for one dataset file given as JSON text; `name` names it in provenance
  /// and messages.
  reference_data with_layer_text(std::string_view json, const std::string& name) const;

  /// What a `--data DIR` names: a directory with a manifest.json is a complete set (load());
  /// any other directory is a user layer over the built-in data (builtin().with_layer()).
  static reference_data from_directory(const std::string& directory);

  /// Every dataset, in manifest order.
  const std::vector<dataset_info>& datasets() const noexcept;
  /// One dataset's info. @throws data_error [fairport.data.314] when no dataset has that id.
  const dataset_info& dataset(std::string_view id) const;
  /// "builtin", or the directory the data was loaded from.
  const std::string& origin() const noexcept;

  const currency_table& currencies() const noexcept;
  const country_table& countries() const noexcept;
  const vat_table& vat_rates() const noexcept;
  const tariff_table& tariffs() const noexcept;
  const fx_rate_table& exchange_rates() const noexcept;
  const fairtrade_price_table& fairtrade_prices() const noexcept;
  const wage_table& wages() const noexcept;
  const gsp_beneficiary_table& gsp_beneficiaries() const noexcept;
  const gsp_graduation_table& gsp_graduations() const noexcept;
  const threshold_table& thresholds() const noexcept;
  /// The figures of the GSP duty rules (dataset eu_gsp_duty_rules: Arts. 7, 18, 34).
  const gsp_duty_rules_table& gsp_duty_rules() const noexcept;
  const list_rule_table& list_rules() const noexcept;
  /// Annex V / Annex IX product coverage (dataset eu_gsp_product_coverage).
  const gsp_coverage_table& gsp_coverage() const noexcept;
  /// The VAT category national law gives to goods (dataset eu_vat_goods_rates).
  const vat_goods_table& vat_goods_rates() const noexcept;
  const incoterm_table& incoterms() const noexcept;
  const low_value_relief_table& low_value_reliefs() const noexcept;
  const rounding_policy_table& rounding_policies() const noexcept;
  /// The descriptions of the CN (dataset eu_cn_nomenclature; data/nomenclature.hpp).
  const cn_nomenclature_table& nomenclature() const noexcept;
  /// General rules of origin of the GSP (dataset eu_gsp_origin_general_rules).
  const origin_general_rule_table& origin_general_rules() const noexcept;

  struct impl;

 private:
  explicit reference_data(std::shared_ptr<const impl> p) : impl_(std::move(p)) {}
  std::shared_ptr<const impl> impl_;
};

/// Loads the datasets in `directory` (see reference_data::load).
inline reference_data load_reference_data(const std::string& directory) {
  return reference_data::load(directory);
}

FAIRPORT_END_NAMESPACE
