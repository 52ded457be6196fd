// Loader of fairport.origin_list_rules/1: rows, columns and their tests.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

stage_limit builder::load_stages(const raw_dataset& ds, const raw_record& r, const json& obj,
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

material_cap builder::load_cap(const raw_dataset& ds, const raw_record& r, const json& obj,
                               const std::string& where) {
  const auto ctx = record_context(ds, r, where);
  if (!obj.is_object()) detail::throw_error(errc::invalid_value, "must be an object", ctx);
  detail::reject_unknown_keys(obj, {"material", "max_share"}, ctx);
  material_cap c;
  c.material = detail::require_string(obj, "material", ctx);
  c.max_share = require_fraction(obj, "max_share", ctx);
  return c;
}

/// The condition of a change-of-heading test: inputs allowed from the same heading, inputs
/// restricted to a process, a share of same-heading materials.
void builder::load_cth_condition(const raw_dataset& ds, const raw_record& r, const json& c,
                                 const std::string& where, origin_test& o) {
  const std::string cw = where + "/condition";
  const auto cctx = record_context(ds, r, cw);
  if (!c.is_object()) detail::throw_error(errc::invalid_value, "must be an object", cctx);
  detail::reject_unknown_keys(c,
                              {"allowed_same_heading_inputs", "restricted_inputs",
                               "restricted_inputs_need_process", "same_heading_max_share"},
                              cctx);
  if (c.contains("allowed_same_heading_inputs")) {
    o.same_heading_inputs = string_array(ds, r, c, "allowed_same_heading_inputs",
                                         cw + "/allowed_same_heading_inputs", false);
  }
  if (c.contains("restricted_inputs")) {
    o.restricted_inputs =
        string_array(ds, r, c, "restricted_inputs", cw + "/restricted_inputs", true);
  }
  if (c.contains("restricted_inputs_need_process")) {
    o.restricted_inputs_need_process =
        detail::require_string(c, "restricted_inputs_need_process", cctx);
  }
  if (c.contains("same_heading_max_share")) {
    o.same_heading_max_share = require_fraction(c, "same_heading_max_share", cctx);
  }
}

origin_test builder::load_test(const raw_dataset& ds, const raw_record& r, const json& t,
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
    if (auto c = t.find("condition"); c != t.end()) load_cth_condition(ds, r, *c, where, o);
  } else if (k == "cth_except") {
    detail::reject_unknown_keys(t, {"kind", "also_excluded_headings"}, ctx);
    o.headings =
        string_array(ds, r, t, "also_excluded_headings", where + "/also_excluded_headings", true);
  } else if (k == "any_heading_except_materials") {
    detail::reject_unknown_keys(t, {"kind", "excluded", "excluded_codes"}, ctx);
    o.excluded = detail::require_string(t, "excluded", ctx);
    // The CN codes the excluded materials fall in, as precisely as the rule allows ("640610").
    o.headings = string_array(ds, r, t, "excluded_codes", where + "/excluded_codes", true);
  } else if (k == "wholly_obtained_materials") {
    // "all the materials of Chapter 8 used are wholly obtained": the rule's words and the
    // chapter or heading codes the materials fall in ("08"; "07", "08").
    detail::reject_unknown_keys(t, {"kind", "materials", "codes"}, ctx);
    o.inputs = detail::require_string(t, "materials", ctx);
    o.headings = string_array(ds, r, t, "codes", where + "/codes", true);
  } else if (k == "max_nom_value" || k == "set_rule") {
    detail::reject_unknown_keys(t, {"kind", "max_share"}, ctx);
    o.max_share = require_fraction(t, "max_share", ctx);
  } else if (k == "textile_stage") {
    detail::reject_unknown_keys(t, {"kind", "natural", "man_made", "process", "material_cap"}, ctx);
    o.stages = load_stages(ds, r, t, where);
    o.process = detail::require_string(t, "process", ctx);
    if (auto c = t.find("material_cap"); c != t.end())
      o.cap = load_cap(ds, r, *c, where + "/material_cap");
  } else if (k == "specific_process") {
    detail::reject_unknown_keys(
        t, {"kind", "process", "inputs", "allowed_inputs", "material_cap", "textile_stage"}, ctx);
    o.process = detail::require_string(t, "process", ctx);
    if (t.contains("inputs")) o.inputs = detail::require_string(t, "inputs", ctx);
    if (t.contains("allowed_inputs")) {
      o.headings = string_array(ds, r, t, "allowed_inputs", where + "/allowed_inputs", true);
    }
    if (auto c = t.find("material_cap"); c != t.end())
      o.cap = load_cap(ds, r, *c, where + "/material_cap");
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
                            "\" (wholly_obtained, wholly_obtained_materials, any_heading, cth, "
                            "cth_except, "
                            "any_heading_except_materials, max_nom_value, textile_stage, "
                            "specific_process, set_rule, all_of, manual_review)",
                        record_context(ds, r, where + "/kind"));
  }
  return o;
}

std::vector<rule_alternative> builder::load_column(const raw_dataset& ds, const raw_record& r,
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

void builder::load_list_rules(const raw_dataset& ds) {
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
    if (!r.value.contains("ldc"))
      detail::throw_error(errc::missing_field, "\"ldc\" is required", vctx);
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

}  // namespace detail
FAIRPORT_END_NAMESPACE
