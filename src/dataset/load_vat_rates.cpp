// Loader of fairport.vat_rates/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

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
    v.category = detail::require_string(r.key, "category", kctx);
    static const char* const categories[] = {"standard",           "reduced", "reduced_2",
                                             "super_reduced",      "parking", "foodstuffs",
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

}  // namespace detail
FAIRPORT_END_NAMESPACE
