// The operations vocabulary: Art. 47(1) ids from eu_gsp_origin_general_rules, the list-rule
// processes of eu_gsp_list_rules, and fairport's working operations.
#include "fairport/origin/operations.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "fairport/data/origin_general_rules.hpp"
#include "fairport/data/origin_rules.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

constexpr std::string_view working_reference =
    "working beyond Commission Delegated Regulation (EU) 2015/2446, Art. 47(1); fairport's id";

operation_entry working(std::string id, std::string text) {
  return operation_entry{std::move(id), operation_group::working, std::move(text),
                         std::string(working_reference)};
}

/// Every process a test names, depth first.
void collect_processes(const origin_test& t, std::vector<std::string>& out) {
  if (!t.process.empty()) out.push_back(t.process);
  if (!t.restricted_inputs_need_process.empty()) out.push_back(t.restricted_inputs_need_process);
  for (const auto& s : t.all_of) collect_processes(s, out);
}

/// Every process the list rules name, sorted, each once.
std::vector<std::string> all_processes(const list_rule_table& rules) {
  std::vector<std::string> out;
  for (const auto& [validity, r] : rules.rows()) {
    for (const auto* column : {&r.ldc, &r.other}) {
      for (const auto& a : *column) collect_processes(a.test, out);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// The first rule text naming `process`, as "row 5602: Extrusion of ...".
const rule_alternative* first_alternative(const list_rule_table& rules, const std::string& process,
                                          const list_rule_row** row) {
  for (const auto& [validity, r] : rules.rows()) {
    for (const auto* column : {&r.ldc, &r.other}) {
      for (const auto& a : *column) {
        std::vector<std::string> found;
        collect_processes(a.test, found);
        if (std::find(found.begin(), found.end(), process) != found.end()) {
          *row = &r;
          return &a;
        }
      }
    }
  }
  return nullptr;
}

}  // namespace

const std::vector<operation_entry>& working_operations() {
  static const std::vector<operation_entry> ops = {
      working("felting", "making felt from loose fibres by wet, roll or needle felting (where a "
                         "list rule asks for fabric formation, declare fabric_formation)"),
      working("carding", "carding or combing fibres"),
      working("knotting", "hand-knotting of carpets and other textile floor coverings"),
      working("knitting", "knitting or crocheting yarn into fabric or articles"),
      working("embroidery", "embroidering fabric or articles by hand or machine"),
      working("dyeing", "dyeing fibres, yarn, fabric or leather in the dye bath (more than the "
                        "simple painting of Art. 47(1)(e))"),
      working("printing", "printing fabric, leather or paper with designs (block, screen or digital "
                          "printing; not the marks and labels of Art. 47(1)(l))"),
      working("tanning", "tanning or dressing raw hides and skins into leather"),
      working("leatherworking", "cutting, skiving, stitching and assembling leather into articles "
                                "(more than the simple assembly of Art. 47(1)(o))"),
      working("shoemaking", "cutting and stitching uppers, lasting them and attaching the soles to "
                            "make footwear"),
      working("woodworking", "sawing, shaping, joining and finishing wood into articles"),
      working("upholstering", "padding and covering seats and furniture"),
      working("carving", "carving wood, stone, bone or horn into articles or decoration"),
      working("ceramic_forming", "forming clay by throwing, moulding or hand-building"),
      working("kiln_firing", "firing ceramics or glass in a kiln"),
      working("ceramic_glazing", "applying glazes to ceramics and firing them (not the polishing "
                                 "and glazing of cereals and rice of Art. 47(1)(f))"),
      working("hand_painting", "decorating articles by hand painting (more than the simple "
                               "painting of Art. 47(1)(e))"),
      working("metalworking", "casting, forging, chasing, engraving or soldering metal"),
      working("jewellery_making", "making jewellery: forming the metal, setting stones, finishing"),
      working("roasting", "roasting nuts, seeds, coffee or cocoa"),
      working("cooking", "cooking or boiling foodstuffs (jams, preserves, confectionery)"),
  };
  return ops;
}

operation_ids::operation_ids(const reference_data& data)
    : data_(data), processes_(all_processes(data.list_rules())) {}

bool operation_ids::accepts(std::string_view id, const date::year_month_day& as_of) const noexcept {
  if (data_.origin_general_rules().insufficient_operation(id, as_of) != nullptr) return true;
  if (std::binary_search(processes_.begin(), processes_.end(), id)) return true;
  const auto& w = working_operations();
  return std::any_of(w.begin(), w.end(), [&](const operation_entry& e) { return e.id == id; });
}

void operation_ids::require(std::string_view id, const date::year_month_day& as_of,
                            std::string_view field) const {
  if (accepts(id, as_of)) return;
  std::string insufficient, working_ids, processes;
  for (const auto& [validity, r] : data_.origin_general_rules().insufficient_operation_records()) {
    if (validity.contains(as_of)) insufficient += (insufficient.empty() ? "" : ", ") + r.id;
  }
  for (const auto& p : processes_) processes += (processes.empty() ? "" : ", ") + p;
  for (const auto& e : working_operations()) working_ids += (working_ids.empty() ? "" : ", ") + e.id;
  detail::throw_error(
      errc::invalid_argument,
      std::string(field) + ": \"" + std::string(id) +
          "\" is not an operation id (`fairport vocab operations` lists each with its legal text). "
          "Insufficient operations of Commission Delegated Regulation (EU) 2015/2446, Art. 47(1): " +
          insufficient + ". Processes of the list rules (Annex 22-03 Part II): " + processes +
          ". Working beyond Art. 47(1): " + working_ids);
}

std::vector<operation_entry> operation_vocabulary(const reference_data& data,
                                                  const std::optional<date::year_month_day>& as_of) {
  std::vector<operation_entry> out;
  for (const auto& [validity, r] : data.origin_general_rules().insufficient_operation_records()) {
    if (as_of && !validity.contains(*as_of)) continue;
    out.push_back({r.id, operation_group::insufficient, "(" + r.point + ") " + r.text,
                   r.source.citation()});
  }
  for (const auto& p : all_processes(data.list_rules())) {
    const list_rule_row* row = nullptr;
    const rule_alternative* a = first_alternative(data.list_rules(), p, &row);
    out.push_back({p, operation_group::list_rule_process,
                   a ? "as in row " + row->hs + ": " + a->text : std::string(),
                   row ? row->source.citation() : std::string()});
  }
  for (const auto& e : working_operations()) out.push_back(e);
  return out;
}

FAIRPORT_END_NAMESPACE
