#pragma once
// Private: the builder of the reference-data tables, shared by the loaders (one file per table
// header: src/dataset/load_*.cpp) and reference_data.cpp. nlohmann/json is private: this header
// is for src/ only.
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dataset/dataset_reader.hpp"
#include "fairport/data/countries.hpp"
#include "fairport/data/customs.hpp"
#include "fairport/data/exchange_rates.hpp"
#include "fairport/data/fair_prices.hpp"
#include "fairport/data/gsp.hpp"
#include "fairport/data/gsp_coverage.hpp"
#include "fairport/data/origin_general_rules.hpp"
#include "fairport/data/origin_rules.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/data/tariffs.hpp"
#include "fairport/data/vat_goods_rates.hpp"
#include "fairport/data/nomenclature.hpp"
#include "fairport/data/vat_rates.hpp"
#include "fairport/provenance.hpp"
#include "fairport/quantity.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

using nlohmann::json;

/// The context of an error in a file, at `pointer`.
error_context file_context(const std::string& file, const std::string& pointer = {});
/// The provenance of a record: dataset, version, pointer, reference and validity.
provenance provenance_of(const raw_dataset& ds, const raw_record& r);
/// The context of an error at `field` (a pointer suffix) of record `r`.
error_context record_context(const raw_dataset& ds, const raw_record& r, std::string_view field);
/// An optional decimal field: absent or null gives nullopt.
std::optional<decimal> optional_decimal(const json& obj, std::string_view field,
                                        const error_context& ctx);
/// A decimal field that must be a fraction in [0, 1].
decimal require_fraction(const json& obj, std::string_view field, const error_context& ctx);

/// Everything the tables are built from, kept so that an override can rebuild the whole set.
struct builder {
  std::vector<dataset_info> infos;
  currency_table currencies;
  country_table countries;
  vat_table vat;
  vat_goods_table vat_goods;
  cn_nomenclature_table nomenclature;
  tariff_table tariffs;
  fx_rate_table fx;
  fairtrade_price_table fairtrade;
  wage_table wages;
  gsp_beneficiary_table gsp_beneficiaries;
  gsp_graduation_table gsp_graduations;
  threshold_table thresholds;
  gsp_duty_rules_table gsp_duty_rules;
  list_rule_table list_rules;
  gsp_coverage_table gsp_coverage;
  incoterm_table incoterms;
  low_value_relief_table low_value_reliefs;
  rounding_policy_table rounding_policies;
  origin_general_rule_table origin_general;
  bool have_currencies = false;
  bool have_countries = false;
  bool have_country_groups = false;

  currency_code currency(const raw_dataset& ds, const raw_record& r, const json& obj,
                         std::string_view field, std::string_view where);
  /// The currency code `text` (a key, or a field's value), checked against the currency table.
  currency_code currency_named(const raw_dataset& ds, const raw_record& r, const std::string& text,
                               std::string_view where);

  country_code country(const raw_dataset& ds, const raw_record& r, const json& obj,
                       std::string_view field, std::string_view where);

  void load_currencies(const raw_dataset& ds);

  void load_countries(const raw_dataset& ds);

  void load_country_groups(const raw_dataset& ds);

  void load_vat(const raw_dataset& ds);
  /// fairport.vat_goods_rates/1: the category national law gives to goods of a CN range.
  void load_vat_goods(const raw_dataset& ds);
  /// fairport.cn_nomenclature/1: the description of each CN code.
  void load_nomenclature(const raw_dataset& ds);

  specific_duty load_specific(const raw_dataset& ds, const raw_record& r, const json& obj,
                              const std::string& where);

  /// The key's "cn_range": two 10-digit codes, from <= through.
  static std::pair<std::string, std::string> cn_range(const raw_dataset& ds, const raw_record& r);

  void load_tariffs(const raw_dataset& ds);
  /// A MIN or MAX branch: a specific amount, or {ad_valorem, specific, deduction}.
  duty_bound load_bound(const raw_dataset& ds, const raw_record& r, const json& obj,
                        const std::string& where);

  void load_exchange_rates(const raw_dataset& ds);
  /// fairport.customs_exchange_rates/1: one record per month, all currencies of one base.
  void load_customs_exchange_rates(const raw_dataset& ds);

  void load_fairtrade(const raw_dataset& ds);

  void load_wages(const raw_dataset& ds);

  void load_gsp_beneficiaries(const raw_dataset& ds);

  void load_gsp_graduations(const raw_dataset& ds);

  void load_thresholds(const raw_dataset& ds);

  /// One chapter number from a two-digit string ("01" .. "97").
  int chapter_at(const raw_dataset& ds, const raw_record& r, const json& obj, const char* field);

  void load_gsp_duty_rules(const raw_dataset& ds);

  void load_gsp_coverage(const raw_dataset& ds);

  // ---- list rules of origin -----------------------------------------------------------------

  std::vector<std::string> string_array(const raw_dataset& ds, const raw_record& r, const json& obj,
                                        std::string_view field, const std::string& where,
                                        bool hs_codes);

  static bool one_of(const std::string& v, std::initializer_list<const char*> allowed);

  stage_limit load_stages(const raw_dataset& ds, const raw_record& r, const json& obj,
                          const std::string& where);

  material_cap load_cap(const raw_dataset& ds, const raw_record& r, const json& obj,
                        const std::string& where);

  void load_cth_condition(const raw_dataset& ds, const raw_record& r, const json& c,
                          const std::string& where, origin_test& o);
  origin_test load_test(const raw_dataset& ds, const raw_record& r, const json& t,
                        const std::string& where, int depth);

  std::vector<rule_alternative> load_column(const raw_dataset& ds, const raw_record& r,
                                            const json& col, const std::string& where);

  void load_list_rules(const raw_dataset& ds);

  // ---- customs rules: Incoterms, low-value reliefs, rounding policies ------------------------

  cost_bearer bearer(const raw_dataset& ds, const raw_record& r, std::string_view field,
                     bool allow_named_place);

  void load_incoterms(const raw_dataset& ds);

  void load_low_value_reliefs(const raw_dataset& ds);

  rounding_rule rounding_rule_at(const raw_dataset& ds, const raw_record& r, std::string_view field,
                                 bool allow_declaration);

  void load_rounding_policies(const raw_dataset& ds);

  // ---- general rules of origin ----------------------------------------------------------------

  std::vector<int> chapter_list(const raw_dataset& ds, const raw_record& r, const json& obj,
                                std::string_view field, const std::string& where);

  /// A text record of the general rules (a wholly obtained category, an operation, a principle).
  origin_text_record origin_text_at(const raw_dataset& ds, const raw_record& r, bool with_point);

  /// A general or textile tolerance (Art. 48, Annex 22-03 Notes 5 and 6).
  void load_origin_tolerance(const raw_dataset& ds, const raw_record& r, bool textile);

  /// A cumulation scope (Arts. 53 to 56).
  void load_origin_cumulation(const raw_dataset& ds, const raw_record& r);

  /// A textile stage range (Annex 22-03, Part I, Note 6).
  void load_origin_textile_stage(const raw_dataset& ds, const raw_record& r);

  void load_origin_general_rules(const raw_dataset& ds);

  /// Runs an insert and gives an overlap error the record's file and pointer.
  template <class F>
  static void insert_checked(const raw_dataset& ds, const raw_record& r, F&& insert) {
    try {
      insert();
    } catch (const error& e) {
      if (!e.context().file.empty()) throw;
      detail::throw_error(e.code(), e.message(), record_context(ds, r, ""));
    }
  }
};

}  // namespace detail
FAIRPORT_END_NAMESPACE
