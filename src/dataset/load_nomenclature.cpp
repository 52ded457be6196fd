// The loader of fairport.cn_nomenclature/1 (fairport/data/nomenclature.hpp).
#include <algorithm>
#include <string>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

void builder::load_nomenclature(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"code"}, kctx);
    detail::reject_unknown_keys(r.value, {"description", "level"}, vctx);
    cn_description d;
    d.code = detail::require_string(r.key, "code", kctx);
    const bool digits = std::all_of(d.code.begin(), d.code.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || d.code.size() < 2 || d.code.size() > 8 || d.code.size() % 2 != 0) {
      detail::throw_error(errc::invalid_value,
                          "a CN code of 2, 4, 6 or 8 digits is needed, not \"" + d.code + "\"",
                          record_context(ds, r, "/key/code"));
    }
    d.description = detail::require_string(r.value, "description", vctx);
    if (d.description.empty()) {
      detail::throw_error(errc::invalid_value, "the description is empty",
                          record_context(ds, r, "/value/description"));
    }
    const std::string level = detail::require_string(r.value, "level", vctx);
    const auto l = parse_cn_level(level);
    if (!l) {
      detail::throw_error(errc::invalid_value,
                          "unknown level \"" + level +
                              "\" (chapter, heading, hs_subheading, cn_subheading)",
                          record_context(ds, r, "/value/level"));
    }
    d.level = *l;
    d.source = provenance_of(ds, r);
    insert_checked(ds, r, [&] { nomenclature.add(r.validity, std::move(d)); });
  }
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
