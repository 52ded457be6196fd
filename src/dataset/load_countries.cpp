// Loaders of fairport.countries/1 (ISO 3166-1) and fairport.country_groups/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

void builder::load_countries(const raw_dataset& ds) {
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

void builder::load_country_groups(const raw_dataset& ds) {
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

}  // namespace detail
FAIRPORT_END_NAMESPACE
