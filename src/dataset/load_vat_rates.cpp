// Loader of fairport.vat_rates/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

namespace {

constexpr const char* const vat_categories[] = {"standard",      "reduced", "reduced_2",
                                                "super_reduced", "parking", "foodstuffs",
                                                "works_of_art_import"};

/// The category at `field` of `obj`, one of the closed list. @throws data_error 303 otherwise.
std::string vat_category(const raw_dataset& ds, const raw_record& r, const nlohmann::json& obj,
                         const char* where) {
  std::string c = detail::require_string(obj, "category", record_context(ds, r, where));
  if (std::find(std::begin(vat_categories), std::end(vat_categories), c) ==
      std::end(vat_categories)) {
    detail::throw_error(errc::invalid_value,
                        "unknown VAT category \"" + c +
                            "\" (standard, reduced, reduced_2, super_reduced, parking, "
                            "foodstuffs, works_of_art_import)",
                        record_context(ds, r, std::string(where) + "/category"));
  }
  return c;
}

}  // namespace

void builder::load_vat(const raw_dataset& ds) {
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
    v.category = vat_category(ds, r, r.key, "/key");
    v.rate = require_fraction(r.value, "rate", vctx);
    v.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { vat.add(r.validity, std::move(v)); });
  }
}

void builder::load_vat_goods(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    detail::reject_unknown_keys(r.key, {"country", "cn_range"}, record_context(ds, r, "/key"));
    detail::reject_unknown_keys(r.value, {"category"}, record_context(ds, r, "/value"));
    vat_goods_record g;
    g.country = country(ds, r, r.key, "country", "/key/country");
    if (have_country_groups && !countries.is_member(eu_group, g.country, r.validity.from())) {
      detail::throw_error(errc::invalid_value,
                          g.country.to_string() + " is not an EU member state on " +
                              format_date(r.validity.from()),
                          record_context(ds, r, "/key/country"));
    }
    std::tie(g.from, g.through) = cn_range(ds, r);
    g.category = vat_category(ds, r, r.value, "/value");
    g.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { vat_goods.add(r.validity, std::move(g)); });
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
