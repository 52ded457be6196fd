// reference_data: the manifest, the checksums, and the typed tables built from each dataset.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <functional>
#include <map>
#include <mutex>
#include <sstream>
#include <tuple>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dataset/builtin_data.hpp"
#include "dataset/dataset_reader.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/quantity.hpp"
#include "core/sha256.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

using nlohmann::json;
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

error_context file_context(const std::string& file, const std::string& pointer = {}) {
  error_context c;
  c.file = file;
  c.pointer = pointer;
  return c;
}

std::string schema_kind(std::string_view schema) {
  const auto slash = schema.rfind('/');
  return std::string(schema.substr(0, slash));
}

provenance provenance_of(const raw_dataset& ds, const raw_record& r) {
  provenance p;
  p.dataset = ds.header.dataset;
  p.version = ds.header.version;
  p.pointer = r.pointer;
  p.reference = r.reference;
  p.valid_from = format_date(r.validity.from());
  if (auto t = r.validity.through()) p.valid_through = format_date(*t);
  return p;
}

error_context record_context(const raw_dataset& ds, const raw_record& r, std::string_view field) {
  return detail::context_for(ds, r.pointer + std::string(field));
}

/// An optional decimal field: absent or null gives nullopt.
std::optional<decimal> optional_decimal(const json& obj, std::string_view field,
                                        const error_context& ctx) {
  auto it = obj.find(std::string(field));
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return detail::require_decimal(obj, field, ctx);
}

decimal require_fraction(const json& obj, std::string_view field, const error_context& ctx) {
  decimal d = detail::require_decimal(obj, field, ctx);
  if (d.is_negative() || d > decimal(1)) {
    detail::throw_error(errc::invalid_value,
                        "\"" + std::string(field) + "\" must be a fraction between 0 and 1, got " +
                            d.to_string(),
                        ctx);
  }
  return d;
}

/// Everything the tables are built from, kept so that an override can rebuild the whole set.
struct builder {
  std::vector<dataset_info> infos;
  currency_table currencies;
  country_table countries;
  vat_table vat;
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
                         std::string_view field, std::string_view where) {
    const auto ctx = record_context(ds, r, where);
    const std::string text = detail::require_string(obj, field, ctx);
    auto code = currency_code::try_parse(text);
    if (!code || (have_currencies && !currencies.contains(*code))) {
      detail::throw_error(errc::unknown_code, "unknown currency code \"" + text + "\"", ctx);
    }
    return *code;
  }

  country_code country(const raw_dataset& ds, const raw_record& r, const json& obj,
                       std::string_view field, std::string_view where) {
    const auto ctx = record_context(ds, r, where);
    const std::string text = detail::require_string(obj, field, ctx);
    auto code = country_code::try_parse(text);
    if (!code || (have_countries && countries.find(*code) == nullptr)) {
      detail::throw_error(errc::unknown_code, "unknown country code \"" + text + "\"", ctx);
    }
    return *code;
  }

  void load_currencies(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"code"}, kctx);
      detail::reject_unknown_keys(r.value, {"numeric", "minor_units", "name"}, vctx);
      const std::string code_text = detail::require_string(r.key, "code", kctx);
      auto code = currency_code::try_parse(code_text);
      if (!code) {
        detail::throw_error(errc::invalid_value, "not an ISO 4217 code: \"" + code_text + "\"",
                            record_context(ds, r, "/key/code"));
      }
      const decimal minor = detail::require_decimal(r.value, "minor_units", vctx);
      if (minor.scale() != 0 || minor.is_negative() || minor > decimal(4)) {
        detail::throw_error(errc::invalid_value,
                            "minor_units must be a whole number 0 to 4, got " + minor.to_string(),
                            record_context(ds, r, "/value/minor_units"));
      }
      currency_info info;
      info.code = *code;
      info.minor_units = static_cast<int>(minor.to_int64());
      info.name = detail::require_string(r.value, "name", vctx);
      info.numeric = detail::require_string(r.value, "numeric", vctx);
      info.validity = r.validity;
      info.reference = r.reference;
      currencies.add(std::move(info));
    }
    have_currencies = true;
  }

  void load_countries(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"code"}, kctx);
      detail::reject_unknown_keys(r.value, {"name", "alpha3", "numeric"}, vctx);
      country_info info;
      const std::string code_text = detail::require_string(r.key, "code", kctx);
      auto code = country_code::try_parse(code_text);
      if (!code) {
        detail::throw_error(errc::invalid_value, "not an ISO 3166-1 code: \"" + code_text + "\"",
                            record_context(ds, r, "/key/code"));
      }
      info.code = *code;
      info.name = detail::require_string(r.value, "name", vctx);
      info.alpha3 = detail::require_string(r.value, "alpha3", vctx);
      info.numeric = detail::require_string(r.value, "numeric", vctx);
      info.source = provenance_of(ds, r);
      try {
        countries.add_country(std::move(info));
      } catch (const error& e) {
        detail::throw_error(e.code(), e.message(), record_context(ds, r, "/key/code"));
      }
    }
    have_countries = true;
  }

  void load_country_groups(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"group", "country"}, kctx);
      detail::reject_unknown_keys(r.value, {"member"}, vctx);
      group_membership m;
      m.group = detail::require_string(r.key, "group", kctx);
      m.country = country(ds, r, r.key, "country", "/key/country");
      if (detail::require_string(r.value, "member", vctx) != "true") {
        detail::throw_error(errc::invalid_value, "\"member\" must be \"true\"",
                            record_context(ds, r, "/value/member"));
      }
      m.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { countries.add_membership(r.validity, std::move(m)); });
    }
    have_country_groups = true;
  }

  void load_vat(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"country", "category"}, kctx);
      detail::reject_unknown_keys(r.value, {"rate"}, vctx);
      vat_rate_record v;
      v.country = country(ds, r, r.key, "country", "/key/country");
      if (have_country_groups && !countries.is_member(eu_group, v.country, r.validity.from())) {
        // VAT rates are only for member states; a rate that starts before accession is a data
        // error too.
        detail::throw_error(errc::invalid_value,
                            "VAT rate for " + v.country.to_string() +
                                ", which is not an EU member state on " +
                                format_date(r.validity.from()),
                            record_context(ds, r, "/key/country"));
      }
      v.category = detail::require_string(r.key, "category", kctx);
      static const char* const categories[] = {"standard",   "reduced",         "reduced_2",
                                               "super_reduced", "parking",      "foodstuffs",
                                               "works_of_art_import"};
      if (std::find(std::begin(categories), std::end(categories), v.category) ==
          std::end(categories)) {
        detail::throw_error(errc::invalid_value,
                            "unknown VAT category \"" + v.category +
                                "\" (standard, reduced, reduced_2, super_reduced, parking, "
                                "foodstuffs, works_of_art_import)",
                            record_context(ds, r, "/key/category"));
      }
      v.rate = require_fraction(r.value, "rate", vctx);
      v.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { vat.add(r.validity, std::move(v)); });
    }
  }

  specific_duty load_specific(const raw_dataset& ds, const raw_record& r, const json& obj,
                              const std::string& where) {
    const auto ctx = record_context(ds, r, where);
    detail::reject_unknown_keys(obj, {"amount", "currency", "per"}, ctx);
    specific_duty s;
    s.amount = detail::require_decimal(obj, "amount", ctx);
    s.currency = currency(ds, r, obj, "currency", where + "/currency");
    s.per = detail::require_string(obj, "per", ctx);
    if (!any_unit::try_parse(s.per)) {
      detail::throw_error(errc::invalid_value, "unknown unit \"" + s.per + "\"",
                          record_context(ds, r, where + "/per"));
    }
    return s;
  }

  /// The key's "cn_range": two 10-digit codes, from <= through.
  static std::pair<std::string, std::string> cn_range(const raw_dataset& ds, const raw_record& r) {
    const auto kctx = record_context(ds, r, "/key");
    const auto range_it = r.key.find("cn_range");
    const auto rctx = record_context(ds, r, "/key/cn_range");
    if (range_it == r.key.end()) {
      detail::throw_error(errc::missing_field, "\"cn_range\" is required", kctx);
    }
    if (!range_it->is_array() || range_it->size() != 2 || !(*range_it)[0].is_string() ||
        !(*range_it)[1].is_string()) {
      detail::throw_error(errc::invalid_value, "\"cn_range\" must be [\"from\", \"through\"]", rctx);
    }
    std::pair<std::string, std::string> out((*range_it)[0].get<std::string>(),
                                            (*range_it)[1].get<std::string>());
    for (const auto* code : {&out.first, &out.second}) {
      if (code->size() != 10 || !std::all_of(code->begin(), code->end(),
                                             [](char c) { return c >= '0' && c <= '9'; })) {
        detail::throw_error(errc::unknown_code,
                            "CN range bound \"" + *code + "\" is not a 10-digit code", rctx);
      }
    }
    if (out.second < out.first) {
      detail::throw_error(errc::invalid_value,
                          "CN range " + out.first + "-" + out.second + " has from > through", rctx);
    }
    return out;
  }

  void load_tariffs(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"cn_range"}, kctx);
      detail::reject_unknown_keys(r.value, {"expression", "text"}, vctx);
      tariff_record t;
      std::tie(t.from, t.through) = cn_range(ds, r);
      t.duty.text = detail::require_string(r.value, "text", vctx);
      const auto e = r.value.find("expression");
      if (e == r.value.end()) {
        detail::throw_error(errc::missing_field, "\"expression\" is required (null if not modelled)",
                            vctx);
      }
      if (e->is_null()) {
        t.duty.modelled = false;
      } else {
        const auto ectx = record_context(ds, r, "/value/expression");
        if (!e->is_object()) detail::throw_error(errc::invalid_value, "must be an object", ectx);
        detail::reject_unknown_keys(*e, {"ad_valorem", "specific", "minimum", "maximum"}, ectx);
        if (auto a = e->find("ad_valorem"); a != e->end() && !a->is_null()) {
          t.duty.ad_valorem = require_fraction(*e, "ad_valorem", ectx);
        }
        if (auto s = e->find("specific"); s != e->end() && !s->is_null()) {
          t.duty.specific = load_specific(ds, r, *s, "/value/expression/specific");
        }
        if (auto s = e->find("minimum"); s != e->end() && !s->is_null()) {
          t.duty.minimum = load_specific(ds, r, *s, "/value/expression/minimum");
        }
        if (auto s = e->find("maximum"); s != e->end() && !s->is_null()) {
          if (s->is_object() && s->contains("ad_valorem")) {
            const auto mctx = record_context(ds, r, "/value/expression/maximum");
            detail::reject_unknown_keys(*s, {"ad_valorem"}, mctx);
            t.duty.maximum_ad_valorem = require_fraction(*s, "ad_valorem", mctx);
          } else {
            t.duty.maximum = load_specific(ds, r, *s, "/value/expression/maximum");
          }
        }
        if (!t.duty.ad_valorem && !t.duty.specific) {
          detail::throw_error(errc::missing_field,
                              "a duty expression needs \"ad_valorem\" or \"specific\"", ectx);
        }
      }
      t.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { tariffs.add(r.validity, std::move(t)); });
    }
  }

  void load_exchange_rates(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"base", "quote"}, kctx);
      detail::reject_unknown_keys(r.value, {"rate"}, vctx);
      const currency_code base = currency(ds, r, r.key, "base", "/key/base");
      const currency_code quote = currency(ds, r, r.key, "quote", "/key/quote");
      const decimal rate = detail::require_decimal(r.value, "rate", vctx);
      if (rate.signum() <= 0) {
        detail::throw_error(errc::invalid_value, "an exchange rate must be positive",
                            record_context(ds, r, "/value/rate"));
      }
      const std::string source = ds.header.dataset + " " + ds.header.version + " " + r.pointer +
                                 ": " + r.reference;
      insert_checked(ds, r, [&] {
        fx.add(r.validity, fx_rate(base, quote, rate, r.validity.from(), source));
      });
    }
  }

  void load_fairtrade(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"product", "region", "certification", "quality"}, kctx);
      detail::reject_unknown_keys(r.value,
                                  {"basis", "unit", "currency", "minimum_price", "premium",
                                   "organic_differential"},
                                  vctx);
      fairtrade_price_record f;
      f.key.product = detail::require_string(r.key, "product", kctx);
      f.key.region = detail::require_string(r.key, "region", kctx);
      f.key.certification = detail::require_string(r.key, "certification", kctx);
      f.key.quality = detail::require_string(r.key, "quality", kctx);
      f.basis = detail::require_string(r.value, "basis", vctx);
      f.unit = detail::require_string(r.value, "unit", vctx);
      if (!any_unit::try_parse(f.unit)) {
        detail::throw_error(errc::invalid_value, "unknown unit \"" + f.unit + "\"",
                            record_context(ds, r, "/value/unit"));
      }
      f.currency = currency(ds, r, r.value, "currency", "/value/currency");
      f.minimum_price = optional_decimal(r.value, "minimum_price", vctx);
      f.premium = detail::require_decimal(r.value, "premium", vctx);
      f.organic_differential = optional_decimal(r.value, "organic_differential", vctx);
      f.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { fairtrade.add(r.validity, std::move(f)); });
    }
  }

  void load_wages(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"country", "region", "kind"}, kctx);
      detail::reject_unknown_keys(r.value,
                                  {"amount", "currency", "per", "household", "hours_per_month"},
                                  vctx);
      wage_record w;
      w.key.country = country(ds, r, r.key, "country", "/key/country");
      w.key.region = detail::require_string(r.key, "region", kctx);
      w.key.kind = detail::require_string(r.key, "kind", kctx);
      if (w.key.kind != "living_wage" && w.key.kind != "minimum_wage" &&
          w.key.kind != "living_income") {
        detail::throw_error(errc::invalid_value, "unknown benchmark kind \"" + w.key.kind + "\"",
                            record_context(ds, r, "/key/kind"));
      }
      w.amount = detail::require_decimal(r.value, "amount", vctx);
      w.currency = currency(ds, r, r.value, "currency", "/value/currency");
      w.per = detail::require_string(r.value, "per", vctx);
      if (w.per != "hour" && w.per != "month" && w.per != "year" && w.per != "day") {
        detail::throw_error(errc::invalid_value, "unknown period \"" + w.per + "\"",
                            record_context(ds, r, "/value/per"));
      }
      if (auto h = r.value.find("household"); h != r.value.end() && !h->is_null()) {
        w.household = detail::require_string(r.value, "household", vctx);
      }
      w.hours_per_month = optional_decimal(r.value, "hours_per_month", vctx);
      w.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { wages.add(r.validity, std::move(w)); });
    }
  }

  void load_gsp_beneficiaries(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"country", "arrangement"}, kctx);
      detail::reject_unknown_keys(r.value, {"annex"}, vctx);
      gsp_beneficiary_record b;
      b.country = country(ds, r, r.key, "country", "/key/country");
      const std::string arr = detail::require_string(r.key, "arrangement", kctx);
      const auto a = parse_gsp_arrangement(arr);
      if (!a) {
        detail::throw_error(errc::invalid_value,
                            "unknown arrangement \"" + arr + "\" (gsp, gsp_plus or eba)",
                            record_context(ds, r, "/key/arrangement"));
      }
      b.arrangement = *a;
      b.annex = detail::require_string(r.value, "annex", vctx);
      static constexpr const char* annex_of[] = {"II", "III", "IV"};
      if (b.annex != annex_of[static_cast<int>(*a)]) {
        detail::throw_error(errc::invalid_value,
                            "arrangement " + arr + " is Annex " + annex_of[static_cast<int>(*a)] +
                                ", not \"" + b.annex + "\"",
                            record_context(ds, r, "/value/annex"));
      }
      b.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { gsp_beneficiaries.add(r.validity, std::move(b)); });
    }
  }

  void load_gsp_graduations(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"country", "section"}, kctx);
      detail::reject_unknown_keys(r.value, {"chapters"}, vctx);
      gsp_graduation_record g;
      g.country = country(ds, r, r.key, "country", "/key/country");
      g.section = detail::require_string(r.key, "section", kctx);
      const auto ch = r.value.find("chapters");
      const auto cctx = record_context(ds, r, "/value/chapters");
      if (ch == r.value.end()) detail::throw_error(errc::missing_field, "\"chapters\" is required", vctx);
      if (!ch->is_array() || ch->empty()) {
        detail::throw_error(errc::invalid_value, "\"chapters\" must be a non-empty array", cctx);
      }
      for (std::size_t i = 0; i < ch->size(); ++i) {
        const auto& c = (*ch)[i];
        const std::string text = c.is_string() ? c.get<std::string>() : std::string();
        const bool two_digits = text.size() == 2 && std::isdigit(static_cast<unsigned char>(text[0])) &&
                                std::isdigit(static_cast<unsigned char>(text[1]));
        const int number = two_digits ? (text[0] - '0') * 10 + (text[1] - '0') : 0;
        if (number < 1 || number > 97 || number == 77) {
          detail::throw_error(errc::unknown_code,
                              "not an HS chapter (\"01\" to \"97\", 77 is reserved)",
                              record_context(ds, r, "/value/chapters/" + std::to_string(i)));
        }
        g.chapters.push_back(c.get<std::string>());
      }
      g.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { gsp_graduations.add(r.validity, std::move(g)); });
    }
  }

  void load_thresholds(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"id"}, kctx);
      detail::reject_unknown_keys(r.value, {"amount", "currency"}, vctx);
      threshold_record t;
      t.id = detail::require_string(r.key, "id", kctx);
      t.amount = detail::require_decimal(r.value, "amount", vctx);
      if (t.amount.is_negative()) {
        detail::throw_error(errc::invalid_value, "a threshold cannot be negative",
                            record_context(ds, r, "/value/amount"));
      }
      t.currency = currency(ds, r, r.value, "currency", "/value/currency");
      t.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { thresholds.add(r.validity, std::move(t)); });
    }
  }

  /// One chapter number from a two-digit string ("01" .. "97").
  int chapter_at(const raw_dataset& ds, const raw_record& r, const json& obj, const char* field) {
    const std::string text = detail::require_string(obj, field, record_context(ds, r, "/value"));
    const bool two_digits = text.size() == 2 && std::isdigit(static_cast<unsigned char>(text[0])) &&
                            std::isdigit(static_cast<unsigned char>(text[1]));
    const int number = two_digits ? (text[0] - '0') * 10 + (text[1] - '0') : 0;
    if (number < 1 || number > 97) {
      detail::throw_error(errc::invalid_value, "not a CN chapter (\"01\" to \"97\")",
                          record_context(ds, r, "/value/" + std::string(field)));
    }
    return number;
  }

  void load_gsp_duty_rules(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"regulation"}, kctx);
      detail::reject_unknown_keys(
          r.value,
          {"sensitive_ad_valorem_reduction", "textile_sections", "textile_ad_valorem_reduction",
           "sensitive_specific_reduction", "ad_valorem_suspended_up_to", "specific_suspended_up_to",
           "specific_currency", "round_down_places", "eba_chapters_from", "eba_chapters_through",
           "eba_excluded_chapters"},
          vctx);
      (void)detail::require_string(r.key, "regulation", kctx);
      gsp_duty_rules_record g;
      g.sensitive_ad_valorem_reduction = require_fraction(r.value, "sensitive_ad_valorem_reduction", vctx);
      g.textile_sections = string_array(ds, r, r.value, "textile_sections", "/value/textile_sections", false);
      g.textile_ad_valorem_reduction = require_fraction(r.value, "textile_ad_valorem_reduction", vctx);
      g.sensitive_specific_reduction = require_fraction(r.value, "sensitive_specific_reduction", vctx);
      g.ad_valorem_suspended_up_to = require_fraction(r.value, "ad_valorem_suspended_up_to", vctx);
      const decimal limit = detail::require_decimal(r.value, "specific_suspended_up_to", vctx);
      if (limit.is_negative()) {
        detail::throw_error(errc::invalid_value, "a limit cannot be negative",
                            record_context(ds, r, "/value/specific_suspended_up_to"));
      }
      g.specific_suspended_up_to =
          money(limit, currency(ds, r, r.value, "specific_currency", "/value/specific_currency"));
      const decimal places = detail::require_decimal(r.value, "round_down_places", vctx);
      if (places.scale() != 0 || places.is_negative() || places > decimal(6)) {
        detail::throw_error(errc::invalid_value, "round_down_places must be a whole number 0 to 6",
                            record_context(ds, r, "/value/round_down_places"));
      }
      g.round_down_places = static_cast<int>(places.coefficient());
      g.eba_chapters_from = chapter_at(ds, r, r.value, "eba_chapters_from");
      g.eba_chapters_through = chapter_at(ds, r, r.value, "eba_chapters_through");
      g.eba_excluded_chapters =
          chapter_list(ds, r, r.value, "eba_excluded_chapters", "/value/eba_excluded_chapters");
      g.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { gsp_duty_rules.add(r.validity, std::move(g)); });
    }
  }

  void load_gsp_coverage(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"cn_range", "arrangement", "country"}, kctx);
      detail::reject_unknown_keys(r.value, {"coverage", "section", "ex_description"}, vctx);
      gsp_coverage_record c;
      std::tie(c.from, c.through) = cn_range(ds, r);
      if (r.key.contains("country")) c.country = country(ds, r, r.key, "country", "/key/country");
      const std::string arr = detail::require_string(r.key, "arrangement", kctx);
      const auto a = parse_gsp_arrangement(arr);
      if (!a || (*a == gsp_arrangement::eba && !c.country)) {
        detail::throw_error(errc::invalid_value,
                            "arrangement must be \"gsp\" (Annex V) or \"gsp_plus\" (Annex IX) "
                            "(\"eba\" only for a withdrawal row with a country), got \"" +
                                arr + "\"",
                            record_context(ds, r, "/key/arrangement"));
      }
      c.arrangement = *a;
      const std::string cov = detail::require_string(r.value, "coverage", vctx);
      const auto pc = parse_gsp_product_coverage(cov);
      bool fits = false;
      if (pc && c.country) {
        fits = *pc == gsp_product_coverage::withdrawn;
      } else if (pc) {
        fits = *pc == gsp_product_coverage::not_listed ||
               (c.arrangement == gsp_arrangement::gsp
                    ? (*pc == gsp_product_coverage::sensitive ||
                       *pc == gsp_product_coverage::non_sensitive)
                    : *pc == gsp_product_coverage::listed);
      }
      if (!fits) {
        detail::throw_error(errc::invalid_value,
                            "coverage \"" + cov + "\" does not fit arrangement " + arr +
                                " (gsp: sensitive, non_sensitive or not_listed; gsp_plus: listed or "
                                "not_listed; a row with a country: withdrawn)",
                            record_context(ds, r, "/value/coverage"));
      }
      c.coverage = *pc;
      c.section = detail::require_string(r.value, "section", vctx);
      const bool section_ok =
          c.section.size() >= 3 && c.section.size() <= 5 && c.section[0] == 'S' && c.section[1] == '-' &&
          std::isdigit(static_cast<unsigned char>(c.section[2]));
      if (c.is_covered() ? !section_ok : !(c.section.empty() || section_ok)) {
        detail::throw_error(errc::invalid_value,
                            "section must be a GSP section such as \"S-11a\" (empty only for "
                            "not_listed or withdrawn), got \"" + c.section + "\"",
                            record_context(ds, r, "/value/section"));
      }
      if (auto ex = r.value.find("ex_description"); ex != r.value.end()) {
        c.ex_description = detail::require_string(r.value, "ex_description", vctx);
      }
      c.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { gsp_coverage.add(r.validity, std::move(c)); });
    }
  }

  // ---- list rules of origin -----------------------------------------------------------------

  std::vector<std::string> string_array(const raw_dataset& ds, const raw_record& r, const json& obj,
                                        std::string_view field, const std::string& where,
                                        bool hs_codes) {
    const auto ctx = record_context(ds, r, where);
    const auto it = obj.find(std::string(field));
    if (it == obj.end()) {
      detail::throw_error(errc::missing_field, "\"" + std::string(field) + "\" is required",
                          record_context(ds, r, where.substr(0, where.rfind('/'))));
    }
    if (!it->is_array() || it->empty()) {
      detail::throw_error(errc::invalid_value, "must be a non-empty array of strings", ctx);
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& e = (*it)[i];
      const auto ectx = record_context(ds, r, where + "/" + std::to_string(i));
      if (!e.is_string()) detail::throw_error(errc::invalid_value, "must be a string", ectx);
      const std::string v = e.get<std::string>();
      if (hs_codes) {
        const auto code = tariff_code::try_parse(v);
        if (!code || code->digits() != v || v.size() % 2 != 0) {
          detail::throw_error(errc::unknown_code, "\"" + v + "\" is not an HS code of 4 or 6 digits",
                              ectx);
        }
      }
      out.push_back(v);
    }
    return out;
  }

  static bool one_of(const std::string& v, std::initializer_list<const char*> allowed) {
    for (const char* a : allowed) {
      if (v == a) return true;
    }
    return false;
  }

  stage_limit load_stages(const raw_dataset& ds, const raw_record& r, const json& obj,
                          const std::string& where) {
    const auto ctx = record_context(ds, r, where);
    stage_limit s;
    s.natural = detail::require_string(obj, "natural", ctx);
    s.man_made = detail::require_string(obj, "man_made", ctx);
    if (!one_of(s.natural, {"fibre", "yarn", "fabric", "n/a"})) {
      detail::throw_error(errc::invalid_value, "unknown natural-fibre stage \"" + s.natural + "\"",
                          record_context(ds, r, where + "/natural"));
    }
    if (!one_of(s.man_made, {"chemical_or_pulp", "staple_fibre", "yarn", "fabric", "n/a"})) {
      detail::throw_error(errc::invalid_value, "unknown man-made-fibre stage \"" + s.man_made + "\"",
                          record_context(ds, r, where + "/man_made"));
    }
    return s;
  }

  material_cap load_cap(const raw_dataset& ds, const raw_record& r, const json& obj,
                        const std::string& where) {
    const auto ctx = record_context(ds, r, where);
    if (!obj.is_object()) detail::throw_error(errc::invalid_value, "must be an object", ctx);
    detail::reject_unknown_keys(obj, {"material", "max_share"}, ctx);
    material_cap c;
    c.material = detail::require_string(obj, "material", ctx);
    c.max_share = require_fraction(obj, "max_share", ctx);
    return c;
  }

  origin_test load_test(const raw_dataset& ds, const raw_record& r, const json& t,
                        const std::string& where, int depth) {
    const auto ctx = record_context(ds, r, where);
    if (!t.is_object()) detail::throw_error(errc::invalid_value, "a test must be an object", ctx);
    if (depth > 8) detail::throw_error(errc::invalid_value, "tests nest too deeply", ctx);
    origin_test o;
    const std::string k = detail::require_string(t, "kind", ctx);
    if (const auto kind = parse_origin_test_kind(k)) o.kind = *kind;
    if (k == "wholly_obtained" || k == "any_heading") {
      detail::reject_unknown_keys(t, {"kind"}, ctx);
    } else if (k == "cth") {
      detail::reject_unknown_keys(t, {"kind", "condition"}, ctx);
      if (auto c = t.find("condition"); c != t.end()) {
        const std::string cw = where + "/condition";
        const auto cctx = record_context(ds, r, cw);
        if (!c->is_object()) detail::throw_error(errc::invalid_value, "must be an object", cctx);
        detail::reject_unknown_keys(*c,
                                    {"allowed_same_heading_inputs", "restricted_inputs",
                                     "restricted_inputs_need_process", "same_heading_max_share"},
                                    cctx);
        if (c->contains("allowed_same_heading_inputs")) {
          o.same_heading_inputs =
              string_array(ds, r, *c, "allowed_same_heading_inputs", cw + "/allowed_same_heading_inputs", false);
        }
        if (c->contains("restricted_inputs")) {
          o.restricted_inputs =
              string_array(ds, r, *c, "restricted_inputs", cw + "/restricted_inputs", true);
        }
        if (c->contains("restricted_inputs_need_process")) {
          o.restricted_inputs_need_process =
              detail::require_string(*c, "restricted_inputs_need_process", cctx);
        }
        if (c->contains("same_heading_max_share")) {
          o.same_heading_max_share = require_fraction(*c, "same_heading_max_share", cctx);
        }
      }
    } else if (k == "cth_except") {
      detail::reject_unknown_keys(t, {"kind", "also_excluded_headings"}, ctx);
      o.headings = string_array(ds, r, t, "also_excluded_headings", where + "/also_excluded_headings", true);
    } else if (k == "any_heading_except_materials") {
      detail::reject_unknown_keys(t, {"kind", "excluded"}, ctx);
      o.excluded = detail::require_string(t, "excluded", ctx);
    } else if (k == "max_nom_value" || k == "set_rule") {
      detail::reject_unknown_keys(t, {"kind", "max_share"}, ctx);
      o.max_share = require_fraction(t, "max_share", ctx);
    } else if (k == "textile_stage") {
      detail::reject_unknown_keys(t, {"kind", "natural", "man_made", "process", "material_cap"}, ctx);
      o.stages = load_stages(ds, r, t, where);
      o.process = detail::require_string(t, "process", ctx);
      if (auto c = t.find("material_cap"); c != t.end()) o.cap = load_cap(ds, r, *c, where + "/material_cap");
    } else if (k == "specific_process") {
      detail::reject_unknown_keys(
          t, {"kind", "process", "inputs", "allowed_inputs", "material_cap", "textile_stage"}, ctx);
      o.process = detail::require_string(t, "process", ctx);
      if (t.contains("inputs")) o.inputs = detail::require_string(t, "inputs", ctx);
      if (t.contains("allowed_inputs")) {
        o.headings = string_array(ds, r, t, "allowed_inputs", where + "/allowed_inputs", true);
      }
      if (auto c = t.find("material_cap"); c != t.end()) o.cap = load_cap(ds, r, *c, where + "/material_cap");
      if (auto st = t.find("textile_stage"); st != t.end()) {
        const std::string sw = where + "/textile_stage";
        if (!st->is_object()) {
          detail::throw_error(errc::invalid_value, "must be an object", record_context(ds, r, sw));
        }
        detail::reject_unknown_keys(*st, {"natural", "man_made"}, record_context(ds, r, sw));
        o.stages = load_stages(ds, r, *st, sw);
      }
    } else if (k == "all_of") {
      detail::reject_unknown_keys(t, {"kind", "of"}, ctx);
      const auto of = t.find("of");
      if (of == t.end() || !of->is_array() || of->size() < 2) {
        detail::throw_error(errc::invalid_value, "\"of\" must list at least two tests", ctx);
      }
      for (std::size_t i = 0; i < of->size(); ++i) {
        o.all_of.push_back(load_test(ds, r, (*of)[i], where + "/of/" + std::to_string(i), depth + 1));
      }
    } else if (k == "manual_review") {
      detail::reject_unknown_keys(t, {"kind", "reason"}, ctx);
      o.reason = detail::require_string(t, "reason", ctx);
    } else {
      detail::throw_error(errc::invalid_value,
                          "unknown test kind \"" + k +
                              "\" (wholly_obtained, any_heading, cth, cth_except, "
                              "any_heading_except_materials, max_nom_value, textile_stage, "
                              "specific_process, set_rule, all_of, manual_review)",
                          record_context(ds, r, where + "/kind"));
    }
    return o;
  }

  std::vector<rule_alternative> load_column(const raw_dataset& ds, const raw_record& r,
                                            const json& col, const std::string& where) {
    const auto ctx = record_context(ds, r, where);
    if (!col.is_array() || col.empty()) {
      detail::throw_error(errc::invalid_value, "a column must be a non-empty array of alternatives",
                          ctx);
    }
    std::vector<rule_alternative> out;
    for (std::size_t i = 0; i < col.size(); ++i) {
      const std::string aw = where + "/" + std::to_string(i);
      const auto actx = record_context(ds, r, aw);
      const auto& a = col[i];
      if (!a.is_object()) detail::throw_error(errc::invalid_value, "must be an object", actx);
      detail::reject_unknown_keys(a, {"text", "test", "note"}, actx);
      rule_alternative alt;
      alt.text = detail::require_string(a, "text", actx);
      if (!a.contains("test")) detail::throw_error(errc::missing_field, "\"test\" is required", actx);
      alt.test = load_test(ds, r, a["test"], aw + "/test", 0);
      if (a.contains("note")) alt.note = detail::require_string(a, "note", actx);
      out.push_back(std::move(alt));
    }
    return out;
  }

  void load_list_rules(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"cn_range", "row"}, kctx);
      detail::reject_unknown_keys(r.value, {"hs", "description", "ldc", "other"}, vctx);
      list_rule_row row;
      std::tie(row.from, row.through) = cn_range(ds, r);
      row.row = detail::require_string(r.key, "row", kctx);
      row.hs = detail::require_string(r.value, "hs", vctx);
      row.description = detail::require_string(r.value, "description", vctx);
      if (!r.value.contains("ldc")) detail::throw_error(errc::missing_field, "\"ldc\" is required", vctx);
      row.ldc = load_column(ds, r, r.value["ldc"], "/value/ldc");
      const auto other = r.value.find("other");
      if (other == r.value.end()) {
        detail::throw_error(errc::missing_field, "\"other\" is required", vctx);
      }
      if (other->is_string()) {
        if (other->get<std::string>() != "same_as_ldc") {
          detail::throw_error(errc::invalid_value,
                              "\"other\" is a list of alternatives or \"same_as_ldc\"",
                              record_context(ds, r, "/value/other"));
        }
        row.other = row.ldc;
      } else {
        row.other = load_column(ds, r, *other, "/value/other");
      }
      row.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { list_rules.add(r.validity, std::move(row)); });
    }
  }

  // ---- customs rules: Incoterms, low-value reliefs, rounding policies ------------------------

  cost_bearer bearer(const raw_dataset& ds, const raw_record& r, std::string_view field,
                     bool allow_named_place) {
    const auto ctx = record_context(ds, r, "/value");
    const std::string v = detail::require_string(r.value, field, ctx);
    if (v == "in_price") return cost_bearer::in_price;
    if (v == "buyer") return cost_bearer::buyer;
    if (v == "named_place" && allow_named_place) return cost_bearer::named_place;
    detail::throw_error(errc::invalid_value,
                        "must be \"in_price\" or \"buyer\"" +
                            std::string(allow_named_place ? " or \"named_place\"" : "") +
                            ", got \"" + v + "\"",
                        record_context(ds, r, "/value/" + std::string(field)));
  }

  void load_incoterms(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"rule"}, kctx);
      detail::reject_unknown_keys(r.value,
                                  {"name", "group", "transport", "carriage_to_border", "insurance",
                                   "carriage_after_border", "import_duties_and_taxes", "delivery"},
                                  vctx);
      incoterm_record t;
      const std::string rule = detail::require_string(r.key, "rule", kctx);
      const auto parsed = try_parse_incoterm(rule);
      if (!parsed) {
        detail::throw_error(errc::invalid_value, "\"" + rule + "\" is not an Incoterms 2020 rule",
                            record_context(ds, r, "/key/rule"));
      }
      t.rule = *parsed;
      t.name = detail::require_string(r.value, "name", vctx);
      t.group = detail::require_string(r.value, "group", vctx);
      if (t.group != "E" && t.group != "F" && t.group != "C" && t.group != "D") {
        detail::throw_error(errc::invalid_value, "group must be E, F, C or D",
                            record_context(ds, r, "/value/group"));
      }
      t.transport = detail::require_string(r.value, "transport", vctx);
      if (t.transport != "any" && t.transport != "sea_and_inland_waterway") {
        detail::throw_error(errc::invalid_value,
                            "transport must be \"any\" or \"sea_and_inland_waterway\"",
                            record_context(ds, r, "/value/transport"));
      }
      t.delivery = detail::require_string(r.value, "delivery", vctx);
      t.carriage_to_border = bearer(ds, r, "carriage_to_border", false);
      t.insurance = bearer(ds, r, "insurance", false);
      t.carriage_after_border = bearer(ds, r, "carriage_after_border", true);
      t.import_duties_and_taxes = bearer(ds, r, "import_duties_and_taxes", false);
      t.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { incoterms.add(r.validity, std::move(t)); });
    }
  }

  void load_low_value_reliefs(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"id"}, kctx);
      detail::reject_unknown_keys(r.value,
                                  {"applies_to", "threshold", "currency", "basis", "condition",
                                   "flat_duty", "flat_duty_per", "excluded_cn"},
                                  vctx);
      low_value_relief_record t;
      t.id = detail::require_string(r.key, "id", kctx);
      const std::string applies_to = detail::require_string(r.value, "applies_to", vctx);
      if (applies_to == "customs_duty") {
        t.applies_to = relief_tax::customs_duty;
      } else if (applies_to == "import_vat") {
        t.applies_to = relief_tax::import_vat;
      } else {
        detail::throw_error(errc::invalid_value,
                            "applies_to must be \"customs_duty\" or \"import_vat\"",
                            record_context(ds, r, "/value/applies_to"));
      }
      const decimal amount = detail::require_decimal(r.value, "threshold", vctx);
      if (amount.is_negative()) {
        detail::throw_error(errc::invalid_value, "a threshold cannot be negative",
                            record_context(ds, r, "/value/threshold"));
      }
      t.threshold = money(amount, currency(ds, r, r.value, "currency", "/value/currency"));
      t.basis = detail::require_string(r.value, "basis", vctx);
      if (t.basis != "intrinsic_value_per_consignment") {
        detail::throw_error(errc::invalid_value,
                            "basis must be \"intrinsic_value_per_consignment\"",
                            record_context(ds, r, "/value/basis"));
      }
      const std::string condition = detail::require_string(r.value, "condition", vctx);
      if (condition == "any") {
        t.condition = relief_condition::any;
      } else if (condition == "ioss") {
        t.condition = relief_condition::ioss;
      } else if (condition == "not_ioss") {
        t.condition = relief_condition::not_ioss;
      } else {
        detail::throw_error(errc::invalid_value,
                            "condition must be \"any\", \"ioss\" or \"not_ioss\"",
                            record_context(ds, r, "/value/condition"));
      }
      if (auto flat = optional_decimal(r.value, "flat_duty", vctx)) {
        if (flat->is_negative()) {
          detail::throw_error(errc::invalid_value, "a flat duty cannot be negative",
                              record_context(ds, r, "/value/flat_duty"));
        }
        t.flat_duty = money(*flat, t.threshold.currency());
        t.flat_duty_per = detail::require_string(r.value, "flat_duty_per", vctx);
        if (t.flat_duty_per != "tariff_subheading") {
          detail::throw_error(errc::invalid_value, "flat_duty_per must be \"tariff_subheading\"",
                              record_context(ds, r, "/value/flat_duty_per"));
        }
      } else if (r.value.contains("flat_duty_per")) {
        detail::throw_error(errc::invalid_value, "flat_duty_per without flat_duty",
                            record_context(ds, r, "/value/flat_duty_per"));
      }
      t.excluded_cn = string_array(ds, r, r.value, "excluded_cn", "/value/excluded_cn", true);
      t.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { low_value_reliefs.add(r.validity, std::move(t)); });
    }
  }

  rounding_rule rounding_rule_at(const raw_dataset& ds, const raw_record& r, std::string_view field,
                                 bool allow_declaration) {
    const std::string where = "/value/" + std::string(field);
    const auto ctx = record_context(ds, r, where);
    const auto it = r.value.find(std::string(field));
    if (it == r.value.end()) {
      detail::throw_error(errc::missing_field, "\"" + std::string(field) + "\" is required",
                          record_context(ds, r, "/value"));
    }
    detail::reject_unknown_keys(*it, {"scale", "mode", "level"}, ctx);
    rounding_rule rule;
    const decimal scale = detail::require_decimal(*it, "scale", ctx);
    if (scale.scale() != 0 || scale.is_negative() || scale > decimal(8)) {
      detail::throw_error(errc::invalid_value, "scale must be a whole number from 0 to 8",
                          record_context(ds, r, where + "/scale"));
    }
    rule.scale = static_cast<int>(scale.coefficient());
    const std::string mode = detail::require_string(*it, "mode", ctx);
    try {
      rule.mode = parse_rounding_mode(mode);
    } catch (const error&) {
      detail::throw_error(errc::invalid_value, "unknown rounding mode \"" + mode + "\"",
                          record_context(ds, r, where + "/mode"));
    }
    const std::string level = detail::require_string(*it, "level", ctx);
    if (level == "line") {
      rule.level = rounding_level::line;
    } else if (allow_declaration && level == "declaration") {
      rule.level = rounding_level::declaration;
    } else {
      detail::throw_error(errc::invalid_value,
                          allow_declaration ? "level must be \"line\" or \"declaration\""
                                            : "level must be \"line\"",
                          record_context(ds, r, where + "/level"));
    }
    return rule;
  }

  void load_rounding_policies(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      const auto vctx = record_context(ds, r, "/value");
      detail::reject_unknown_keys(r.key, {"destination"}, kctx);
      detail::reject_unknown_keys(
          r.value, {"name", "conversion", "customs_value", "duty", "vat", "unit_cost"}, vctx);
      rounding_policy_record t;
      t.destination = detail::require_string(r.key, "destination", kctx);
      if (t.destination != "EU") (void)country(ds, r, r.key, "destination", "/key/destination");
      t.name = detail::require_string(r.value, "name", vctx);
      t.conversion = rounding_rule_at(ds, r, "conversion", false);
      t.customs_value = rounding_rule_at(ds, r, "customs_value", false);
      t.duty = rounding_rule_at(ds, r, "duty", true);
      t.vat = rounding_rule_at(ds, r, "vat", true);
      t.unit_cost = rounding_rule_at(ds, r, "unit_cost", false);
      t.source = provenance_of(ds, r);
      insert_checked(ds, r, [&] { rounding_policies.add(r.validity, std::move(t)); });
    }
  }

  // ---- general rules of origin ----------------------------------------------------------------

  std::vector<int> chapter_list(const raw_dataset& ds, const raw_record& r, const json& obj,
                                std::string_view field, const std::string& where) {
    const auto it = obj.find(std::string(field));
    if (it == obj.end()) {
      detail::throw_error(errc::missing_field, "\"" + std::string(field) + "\" is required",
                          record_context(ds, r, "/value"));
    }
    if (!it->is_array()) {
      detail::throw_error(errc::invalid_value, "must be an array of two-digit chapters",
                          record_context(ds, r, where));
    }
    std::vector<int> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& c = (*it)[i];
      const auto ectx = record_context(ds, r, where + "/" + std::to_string(i));
      const std::string text = c.is_string() ? c.get<std::string>() : std::string();
      const bool two_digits = text.size() == 2 && std::isdigit(static_cast<unsigned char>(text[0])) &&
                              std::isdigit(static_cast<unsigned char>(text[1]));
      const int number = two_digits ? (text[0] - '0') * 10 + (text[1] - '0') : 0;
      if (number < 1 || number > 97 || number == 77) {
        detail::throw_error(errc::unknown_code, "not an HS chapter (\"01\" to \"97\", 77 is reserved)",
                            ectx);
      }
      out.push_back(number);
    }
    return out;
  }

  /// A text record of the general rules (a wholly obtained category, an operation, a principle).
  origin_text_record origin_text_at(const raw_dataset& ds, const raw_record& r, bool with_point) {
    const auto vctx = record_context(ds, r, "/value");
    const std::string id = detail::require_string(r.key, "id", record_context(ds, r, "/key"));
    const provenance src = provenance_of(ds, r);
    if (with_point) {
      detail::reject_unknown_keys(r.value, {"point", "text"}, vctx);
    } else {
      detail::reject_unknown_keys(r.value, {"text"}, vctx);
    }
    origin_text_record t;
    t.id = id;
    if (with_point) {
      t.point = detail::require_string(r.value, "point", vctx);
      if (t.point.size() != 1 || t.point[0] < 'a' || t.point[0] > 'z') {
        detail::throw_error(errc::invalid_value, "\"point\" must be one lower-case letter",
                            record_context(ds, r, "/value/point"));
      }
    }
    t.text = detail::require_string(r.value, "text", vctx);
    t.source = src;
    return t;
  }

  /// A general or textile tolerance (Art. 48, Annex 22-03 Notes 5 and 6).
  void load_origin_tolerance(const raw_dataset& ds, const raw_record& r, bool textile) {
    const auto vctx = record_context(ds, r, "/value");
    const std::string id = detail::require_string(r.key, "id", record_context(ds, r, "/key"));
    const provenance src = provenance_of(ds, r);
    if (textile) {
      detail::reject_unknown_keys(r.value, {"max_share", "basis", "marker", "other_heading_only", "text"}, vctx);
    } else {
      detail::reject_unknown_keys(r.value, {"max_share", "basis", "chapters", "except_chapters", "text"}, vctx);
    }
    origin_tolerance t;
    t.id = id;
    t.max_share = require_fraction(r.value, "max_share", vctx);
    t.basis = detail::require_string(r.value, "basis", vctx);
    const bool basis_ok = textile ? (t.basis == "textile_weight" || t.basis == "ex_works_price")
                                  : (t.basis == "net_weight" || t.basis == "ex_works_price");
    if (!basis_ok) {
      detail::throw_error(errc::invalid_value,
                          "unknown basis \"" + t.basis + "\" (" +
                              (textile ? "textile_weight, ex_works_price" : "net_weight, ex_works_price") + ")",
                          record_context(ds, r, "/value/basis"));
    }
    if (textile) {
      t.marker = detail::require_string(r.value, "marker", vctx);
      if (t.marker.empty()) {
        detail::throw_error(errc::invalid_value, "\"marker\" is empty", record_context(ds, r, "/value/marker"));
      }
      const std::string o = detail::require_string(r.value, "other_heading_only", vctx);
      if (o != "true" && o != "false") {
        detail::throw_error(errc::invalid_value, "\"other_heading_only\" must be \"true\" or \"false\"",
                            record_context(ds, r, "/value/other_heading_only"));
      }
      t.other_heading_only = o == "true";
    } else {
      t.chapters = chapter_list(ds, r, r.value, "chapters", "/value/chapters");
      t.except_chapters = chapter_list(ds, r, r.value, "except_chapters", "/value/except_chapters");
    }
    t.text = detail::require_string(r.value, "text", vctx);
    t.source = src;
    insert_checked(ds, r, [&] { origin_general.add_tolerance(r.validity, std::move(t)); });
  }

  /// A cumulation scope (Arts. 53 to 56).
  void load_origin_cumulation(const raw_dataset& ds, const raw_record& r) {
    const auto vctx = record_context(ds, r, "/value");
    const std::string id = detail::require_string(r.key, "id", record_context(ds, r, "/key"));
    const provenance src = provenance_of(ds, r);
    detail::reject_unknown_keys(r.value, {"scope", "label", "country_group", "countries",
                                          "excluded_product_chapters", "excluded_material_chapters"},
                                vctx);
    cumulation_scope c;
    c.id = id;
    c.scope = detail::require_string(r.value, "scope", vctx);
    if (!one_of(c.scope, {"bilateral", "third_country", "regional", "extended"})) {
      detail::throw_error(errc::invalid_value,
                          "unknown cumulation scope \"" + c.scope +
                              "\" (bilateral, third_country, regional, extended)",
                          record_context(ds, r, "/value/scope"));
    }
    c.label = detail::require_string(r.value, "label", vctx);
    c.country_group = detail::require_string(r.value, "country_group", vctx);
    const auto cs = r.value.find("countries");
    if (cs == r.value.end() || !cs->is_array()) {
      detail::throw_error(errc::missing_field, "\"countries\" must be an array", vctx);
    }
    for (std::size_t i = 0; i < cs->size(); ++i) {
      const std::string w = "/value/countries/" + std::to_string(i);
      if (!(*cs)[i].is_string()) {
        detail::throw_error(errc::invalid_value, "must be a string", record_context(ds, r, w));
      }
      json holder = json::object();
      holder["c"] = (*cs)[i];
      c.countries.push_back(country(ds, r, holder, "c", w));
    }
    if (c.countries.empty() == c.country_group.empty()) {
      detail::throw_error(errc::invalid_value,
                          "exactly one of \"country_group\" and \"countries\" must be given",
                          vctx);
    }
    if (!c.country_group.empty() && have_country_groups &&
        countries.members(c.country_group, r.validity.from()).empty()) {
      detail::throw_error(errc::unknown_code,
                          "country group \"" + c.country_group + "\" has no members",
                          record_context(ds, r, "/value/country_group"));
    }
    c.excluded_product_chapters =
        chapter_list(ds, r, r.value, "excluded_product_chapters", "/value/excluded_product_chapters");
    c.excluded_material_chapters =
        chapter_list(ds, r, r.value, "excluded_material_chapters", "/value/excluded_material_chapters");
    c.source = src;
    insert_checked(ds, r, [&] { origin_general.add_cumulation(r.validity, std::move(c)); });
  }

  /// A textile stage range (Annex 22-03, Part I, Note 6).
  void load_origin_textile_stage(const raw_dataset& ds, const raw_record& r) {
    const auto vctx = record_context(ds, r, "/value");
    const std::string id = detail::require_string(r.key, "id", record_context(ds, r, "/key"));
    const provenance src = provenance_of(ds, r);
    detail::reject_unknown_keys(r.value, {"from", "through", "family", "stage"}, vctx);
    textile_stage_range t;
    t.from = detail::require_string(r.value, "from", vctx);
    t.through = detail::require_string(r.value, "through", vctx);
    for (const auto* h : {&t.from, &t.through}) {
      const bool ok = h->size() == 4 && std::all_of(h->begin(), h->end(), [](char ch) {
                        return ch >= '0' && ch <= '9';
                      });
      if (!ok || *h < "5000" || *h > "6399") {
        detail::throw_error(errc::unknown_code,
                            "\"" + *h + "\" is not a heading of Chapters 50 to 63", vctx);
      }
    }
    if (t.through < t.from) {
      detail::throw_error(errc::invalid_value, "\"through\" is before \"from\"", vctx);
    }
    t.family = detail::require_string(r.value, "family", vctx);
    if (!one_of(t.family, {"natural", "man_made", "any"})) {
      detail::throw_error(errc::invalid_value, "unknown family \"" + t.family + "\" (natural, man_made, any)",
                          record_context(ds, r, "/value/family"));
    }
    t.stage = detail::require_string(r.value, "stage", vctx);
    const bool stage_ok = t.family == "natural"    ? one_of(t.stage, {"fibre", "yarn", "fabric"})
                          : t.family == "man_made" ? one_of(t.stage, {"staple_fibre", "yarn", "fabric"})
                                                   : one_of(t.stage, {"fabric", "made_up"});
    if (!stage_ok) {
      detail::throw_error(errc::invalid_value,
                          "stage \"" + t.stage + "\" does not belong to family \"" + t.family + "\"",
                          record_context(ds, r, "/value/stage"));
    }
    t.source = src;
    insert_checked(ds, r, [&] { origin_general.add_textile_stage(r.validity, std::move(t)); });
  }

  void load_origin_general_rules(const raw_dataset& ds) {
    for (const auto& r : ds.records) {
      const auto kctx = record_context(ds, r, "/key");
      detail::reject_unknown_keys(r.key, {"kind", "id"}, kctx);
      const std::string kind = detail::require_string(r.key, "kind", kctx);
      const std::string id = detail::require_string(r.key, "id", kctx);
      if (id.empty()) detail::throw_error(errc::invalid_value, "\"id\" is empty", record_context(ds, r, "/key/id"));
      if (kind == "wholly_obtained") {
        if (id.size() != 1 || id[0] < 'a' || id[0] > 'z') {
          detail::throw_error(errc::invalid_value, "a wholly obtained category id is a point letter",
                              record_context(ds, r, "/key/id"));
        }
        auto t = origin_text_at(ds, r, false);
        t.point = id;
        insert_checked(ds, r, [&] { origin_general.add_wholly_obtained(r.validity, std::move(t)); });
      } else if (kind == "insufficient_operation") {
        for (char ch : id) {
          if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) {
            detail::throw_error(errc::invalid_value,
                                "an operation id is lower-case letters, digits and '_'",
                                record_context(ds, r, "/key/id"));
          }
        }
        auto t = origin_text_at(ds, r, true);
        insert_checked(ds, r, [&] { origin_general.add_insufficient_operation(r.validity, std::move(t)); });
      } else if (kind == "principle") {
        auto t = origin_text_at(ds, r, false);
        insert_checked(ds, r, [&] { origin_general.add_principle(r.validity, std::move(t)); });
      } else if (kind == "general_tolerance" || kind == "textile_tolerance") {
        load_origin_tolerance(ds, r, kind == "textile_tolerance");
      } else if (kind == "cumulation") {
        load_origin_cumulation(ds, r);
      } else if (kind == "textile_stage") {
        load_origin_textile_stage(ds, r);
      } else {
        detail::throw_error(errc::invalid_value,
                            "unknown kind \"" + kind +
                                "\" (wholly_obtained, insufficient_operation, principle, "
                                "general_tolerance, textile_tolerance, cumulation, textile_stage)",
                            record_context(ds, r, "/key/kind"));
      }
    }
  }

  /// Runs an insert and gives an overlap error the record's file and pointer.
  template <class F>
  static void insert_checked(const raw_dataset& ds, const raw_record& r, F&& insert) {
    try {
      insert();
    } catch (const error& e) {
      if (!e.context().file.empty()) throw;
      detail::throw_error(e.code(), e.message(), detail::context_for(ds, r.pointer));
    }
  }
};

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
      {"fairport.tariff_duties/1", &builder::load_tariffs},
      {"fairport.exchange_rates/1", &builder::load_exchange_rates},
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

dataset_info info_of(const raw_dataset& ds, const dataset_text& t) {
  dataset_info i;
  i.id = ds.header.dataset;
  i.schema = ds.header.schema;
  i.version = ds.header.version;
  i.file = t.file;
  i.sha256 = t.sha256;
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

/// Builds the tables from dataset texts (manifest already checked).
std::shared_ptr<reference_data::impl> build(std::vector<dataset_text> texts, std::string origin);

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
  std::vector<dataset_text> texts;
  builder tables;
};

namespace {

std::shared_ptr<reference_data::impl> build(std::vector<dataset_text> texts, std::string origin) {
  auto p = std::make_shared<reference_data::impl>();
  p->origin = std::move(origin);
  // Parse every file first (nothing is built from a file that does not parse).
  std::vector<std::pair<raw_dataset, std::size_t>> parsed;
  parsed.reserve(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    const auto& t = texts[i];
    if (loaders().count(t.schema) == 0) {
      auto c = file_context(t.file);
      c.dataset = t.id;
      detail::throw_error(errc::unknown_schema, "no loader for schema \"" + t.schema + "\"", c);
    }
    raw_dataset ds = detail::read_dataset(t.text, t.file, t.schema);
    if (ds.header.dataset != t.id) {
      detail::throw_error(errc::invalid_value,
                          "dataset id \"" + ds.header.dataset + "\" does not match the manifest's \"" +
                              t.id + "\"",
                          detail::context_for(ds, "/dataset"));
    }
    detail::check_no_overlaps(ds);
    parsed.emplace_back(std::move(ds), i);
  }
  std::stable_sort(parsed.begin(), parsed.end(), [](const auto& a, const auto& b) {
    return kind_rank(schema_kind(a.first.header.schema)) < kind_rank(schema_kind(b.first.header.schema));
  });
  for (const auto& [ds, i] : parsed) {
    (p->tables.*loaders().at(ds.header.schema))(ds);
  }
  // infos in manifest order
  p->tables.infos.resize(texts.size());
  for (const auto& [ds, i] : parsed) p->tables.infos[i] = info_of(ds, texts[i]);
  p->texts = std::move(texts);
  return p;
}

}  // namespace

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
    return reference_data(build(std::move(texts), "builtin"));
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
  return reference_data(build(std::move(texts), directory));
}

reference_data reference_data::with_override_text(std::string_view text,
                                                  const std::string& name) const {
  // Find which dataset the file replaces from its "dataset" field, then rebuild the whole set
  // so that cross-dataset checks (currency and country codes) run again.
  const auto ctx = file_context(name);
  // Strictly read here too (build() reads the dataset again, with its own checks).
  auto parsed = detail::parse_strict_json(text, errc::invalid_json, ctx);
  if (parsed.repeated_key) {
    detail::throw_repeated_key(errc::duplicate_key, *parsed.repeated_key, ctx);
  }
  const json head = std::move(parsed.value);
  if (!head.is_object()) detail::throw_error(errc::invalid_value, "must be an object", ctx);
  const std::string id = detail::require_string(head, "dataset", ctx);
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
  return reference_data(build(std::move(texts), impl_->origin + " + " + name));
}

reference_data reference_data::with_override(const std::string& dataset_file) const {
  return with_override_text(read_file_text(dataset_file, {}), dataset_file);
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
const gsp_coverage_table& reference_data::gsp_coverage() const noexcept {
  return impl_->tables.gsp_coverage;
}

FAIRPORT_END_NAMESPACE
