// Loader of fairport.origin_general_rules/1.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

origin_text_record builder::origin_text_at(const raw_dataset& ds, const raw_record& r,
                                           bool with_point) {
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

void builder::load_origin_tolerance(const raw_dataset& ds, const raw_record& r, bool textile) {
  const auto vctx = record_context(ds, r, "/value");
  const std::string id = detail::require_string(r.key, "id", record_context(ds, r, "/key"));
  const provenance src = provenance_of(ds, r);
  if (textile) {
    detail::reject_unknown_keys(
        r.value, {"max_share", "basis", "marker", "other_heading_only", "text"}, vctx);
  } else {
    detail::reject_unknown_keys(
        r.value, {"max_share", "basis", "chapters", "except_chapters", "text"}, vctx);
  }
  origin_tolerance t;
  t.id = id;
  t.max_share = require_fraction(r.value, "max_share", vctx);
  const std::string basis = detail::require_string(r.value, "basis", vctx);
  const bool basis_ok = textile ? (basis == "textile_weight" || basis == "ex_works_price")
                                : (basis == "net_weight" || basis == "ex_works_price");
  if (!basis_ok) {
    detail::throw_error(
        errc::invalid_value,
        "unknown basis \"" + basis + "\" (" +
            (textile ? "textile_weight, ex_works_price" : "net_weight, ex_works_price") + ")",
        record_context(ds, r, "/value/basis"));
  }
  t.basis = basis == "textile_weight" ? tolerance_basis::textile_weight
            : basis == "net_weight"   ? tolerance_basis::net_weight
                                      : tolerance_basis::ex_works_price;
  if (textile) {
    t.marker = detail::require_string(r.value, "marker", vctx);
    if (t.marker.empty()) {
      detail::throw_error(errc::invalid_value, "\"marker\" is empty",
                          record_context(ds, r, "/value/marker"));
    }
    const std::string o = detail::require_string(r.value, "other_heading_only", vctx);
    if (o != "true" && o != "false") {
      detail::throw_error(errc::invalid_value,
                          "\"other_heading_only\" must be \"true\" or \"false\"",
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

void builder::load_origin_cumulation(const raw_dataset& ds, const raw_record& r) {
  const auto vctx = record_context(ds, r, "/value");
  const std::string id = detail::require_string(r.key, "id", record_context(ds, r, "/key"));
  const provenance src = provenance_of(ds, r);
  detail::reject_unknown_keys(r.value,
                              {"scope", "label", "country_group", "countries",
                               "excluded_product_chapters", "excluded_material_chapters"},
                              vctx);
  cumulation_scope c;
  c.id = id;
  const std::string scope = detail::require_string(r.value, "scope", vctx);
  if (scope == "bilateral") {
    c.scope = cumulation_kind::bilateral;
  } else if (scope == "third_country") {
    c.scope = cumulation_kind::third_country;
  } else if (scope == "regional") {
    c.scope = cumulation_kind::regional;
  } else if (scope == "extended") {
    c.scope = cumulation_kind::extended;
  } else {
    detail::throw_error(
        errc::invalid_value,
        "unknown cumulation scope \"" + scope + "\" (bilateral, third_country, regional, extended)",
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
                        "exactly one of \"country_group\" and \"countries\" must be given", vctx);
  }
  if (!c.country_group.empty() && have_country_groups &&
      countries.members(c.country_group, r.validity.from()).empty()) {
    detail::throw_error(errc::unknown_code,
                        "country group \"" + c.country_group + "\" has no members",
                        record_context(ds, r, "/value/country_group"));
  }
  c.excluded_product_chapters =
      chapter_list(ds, r, r.value, "excluded_product_chapters", "/value/excluded_product_chapters");
  c.excluded_material_chapters = chapter_list(ds, r, r.value, "excluded_material_chapters",
                                              "/value/excluded_material_chapters");
  c.source = src;
  insert_checked(ds, r, [&] { origin_general.add_cumulation(r.validity, std::move(c)); });
}

void builder::load_origin_textile_stage(const raw_dataset& ds, const raw_record& r) {
  const auto vctx = record_context(ds, r, "/value");
  const std::string id = detail::require_string(r.key, "id", record_context(ds, r, "/key"));
  const provenance src = provenance_of(ds, r);
  detail::reject_unknown_keys(r.value, {"from", "through", "family", "stage"}, vctx);
  textile_stage_range t;
  t.from = detail::require_string(r.value, "from", vctx);
  t.through = detail::require_string(r.value, "through", vctx);
  for (const auto* h : {&t.from, &t.through}) {
    const bool ok = h->size() == 4 && std::all_of(h->begin(), h->end(),
                                                  [](char ch) { return ch >= '0' && ch <= '9'; });
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
    detail::throw_error(errc::invalid_value,
                        "unknown family \"" + t.family + "\" (natural, man_made, any)",
                        record_context(ds, r, "/value/family"));
  }
  t.stage = detail::require_string(r.value, "stage", vctx);
  const bool stage_ok = t.family == "natural" ? one_of(t.stage, {"fibre", "yarn", "fabric"})
                        : t.family == "man_made"
                            ? one_of(t.stage, {"staple_fibre", "yarn", "fabric"})
                            : one_of(t.stage, {"fabric", "made_up"});
  if (!stage_ok) {
    detail::throw_error(errc::invalid_value,
                        "stage \"" + t.stage + "\" does not belong to family \"" + t.family + "\"",
                        record_context(ds, r, "/value/stage"));
  }
  t.source = src;
  insert_checked(ds, r, [&] { origin_general.add_textile_stage(r.validity, std::move(t)); });
}

void builder::load_origin_general_rules(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    detail::reject_unknown_keys(r.key, {"kind", "id"}, kctx);
    const std::string kind = detail::require_string(r.key, "kind", kctx);
    const std::string id = detail::require_string(r.key, "id", kctx);
    if (id.empty())
      detail::throw_error(errc::invalid_value, "\"id\" is empty", record_context(ds, r, "/key/id"));
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
      insert_checked(ds, r,
                     [&] { origin_general.add_insufficient_operation(r.validity, std::move(t)); });
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

}  // namespace detail
FAIRPORT_END_NAMESPACE
