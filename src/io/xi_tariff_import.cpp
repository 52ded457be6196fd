// Third-country duties from the UK Trade Tariff API's Northern Ireland (EU) responses
// (fairport/io/xi_tariff_import.hpp).
#include "fairport/io/xi_tariff_import.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fairport/calendar.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "io/strict_json.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

using json = nlohmann::json;
using ordered = nlohmann::ordered_json;

/// The GSP areas of TARIC: general arrangement, GSP+, EBA.
const std::map<std::string, std::string>& gsp_areas() {
  static const std::map<std::string, std::string> m = {
      {"2020", "GSP general arrangement (area 2020)"},
      {"2027", "GSP+ (area 2027)"},
      {"2005", "EBA (area 2005)"}};
  return m;
}

/// TARIC measurement units fairport computes with.
std::optional<std::string> unit_of(const std::string& taric) {
  static const std::map<std::string, std::string> m = {
      {"DTN", "100kg"}, {"KGM", "kg"},     {"TNE", "tonne"}, {"HLT", "hl"},
      {"LTR", "l"},     {"NAR", "piece"},  {"MIL", "1000piece"}, {"MTK", "m2"},
      {"MTR", "m"},     {"MTQ", "m3"}};
  const auto it = m.find(taric);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

[[noreturn]] void malformed(const std::string& file, const std::string& pointer,
                            const std::string& what) {
  error_context c;
  c.file = file;
  c.pointer = pointer;
  detail::throw_error(errc::invalid_document,
                      "not a UK Trade Tariff API v2 commodity response: " + what, c);
}

/// A string member, or "" when absent or null.
std::string str(const json& o, const char* k) {
  const auto it = o.find(k);
  if (it == o.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return {};
}

/// One measure component's amount as exact text ("20.0" as written; an integer as digits).
std::optional<decimal> amount_of(const json& attrs) {
  const auto it = attrs.find("duty_amount");
  if (it == attrs.end() || it->is_null()) return std::nullopt;
  const std::string text = it->is_string() ? it->get<std::string>() : it->dump();
  return decimal::try_parse(text);
}

/// A percentage as a fraction: 12.80 -> 0.128.
std::string fraction(const decimal& percent) {
  return decimal::from_parts(percent.coefficient(), percent.scale() + 2).normalized().to_string();
}

/// The duty expression of a third-country measure's components, or the reason it is none.
struct mapping {
  std::optional<ordered> expression;
  std::string reason;
};

mapping map_components(const std::vector<json>& comps) {
  ordered main = ordered::object();
  ordered bound = ordered::object();
  const char* bound_name = nullptr;
  ordered* cur = &main;
  for (const auto& c : comps) {
    const std::string id = str(c, "duty_expression_id");
    const std::string money = str(c, "monetary_unit_code");
    const std::string unit = str(c, "measurement_unit_code");
    const std::string abbr = str(c, "duty_expression_abbreviation");
    if (id == "15" || id == "17" || id == "35") {
      if (bound_name != nullptr) return {std::nullopt, "two MIN/MAX bounds"};
      bound_name = id == "15" ? "minimum" : "maximum";
      cur = &bound;
    } else if (id != "01" && id != "04" && id != "19" && id != "20") {
      return {std::nullopt, "duty expression " + id + " (" + str(c, "duty_expression_description") +
                                (abbr.empty() ? "" : ", " + abbr) +
                                "): agricultural components and additional duties on sugar or "
                                "flour are not computed by fairport"};
    }
    const auto amount = amount_of(c);
    if (!amount) return {std::nullopt, "a component without an amount"};
    if (money.empty()) {
      if (cur->contains("ad_valorem")) return {std::nullopt, "two ad valorem components"};
      (*cur)["ad_valorem"] = fraction(*amount);
    } else {
      const auto per = unit_of(unit);
      if (money != "EUR") return {std::nullopt, "an amount in " + money};
      if (!per) return {std::nullopt, "the measurement unit " + unit + " (not computed by fairport)"};
      if (cur->contains("specific")) return {std::nullopt, "two specific components"};
      (*cur)["specific"] = {{"amount", amount->to_string()}, {"currency", "EUR"}, {"per", *per}};
    }
  }
  if (main.empty()) return {std::nullopt, "no duty components"};
  if (bound_name != nullptr) main[bound_name] = bound;
  return {main, ""};
}

/// The date in "{code}-{YYYY-MM-DD}.json", or "".
std::string date_in_name(const std::string& name) {
  const auto base = name.substr(name.find_last_of('/') == std::string::npos ? 0 : name.find_last_of('/') + 1);
  if (base.size() < 16) return {};
  const std::string d = base.substr(base.size() - 15, 10);
  return try_parse_date(d) ? d : std::string();
}

std::string iso_day(const std::string& timestamp) {
  return timestamp.size() >= 10 ? timestamp.substr(0, 10) : timestamp;
}

/// What one response says: its commodity and its measures with their components.
struct read_measure {
  xi_measure m;
  std::vector<json> components;
  std::size_t conditions = 0;
  std::vector<std::string> legal_acts;
};

/// The included objects of a response by (type, id).
class included_index {
 public:
  explicit included_index(const json& inc) {
    for (const auto& x : inc) by_[{str(x, "type"), str(x, "id")}] = &x;
  }
  const json* get(const char* type, const std::string& id) const {
    const auto it = by_.find({type, id});
    return it == by_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::pair<std::string, std::string>, const json*> by_;
};

/// The id of a to-one relationship, or "".
std::string rel_id(const json& rel, const char* k) {
  const auto it = rel.find(k);
  if (it == rel.end() || !it->is_object() || !it->contains("data") || !(*it)["data"].is_object()) {
    return {};
  }
  return str((*it)["data"], "id");
}

/// The ids of a to-many relationship.
std::vector<std::string> rel_ids(const json& rel, const char* k) {
  std::vector<std::string> ids;
  const auto it = rel.find(k);
  if (it != rel.end() && it->is_object() && it->contains("data") && (*it)["data"].is_array()) {
    for (const auto& e : (*it)["data"]) ids.push_back(str(e, "id"));
  }
  return ids;
}

/// What the import does with a measure, before its components are looked at.
void classify(read_measure& rm, const std::string& origin) {
  if (origin == "uk") {
    rm.m.fate = xi_measure_fate::out_of_scope;
    rm.m.reason = "a UK national measure (origin uk), not EU law";
  } else if (rm.m.type == "103" && rm.m.area == "1011") {
    rm.m.fate = xi_measure_fate::mapped;  // or not_computable: decided when the record is written
  } else if (rm.m.type == "142" && gsp_areas().count(rm.m.area) != 0) {
    rm.m.fate = xi_measure_fate::gsp_preference;
    rm.m.reason = "kept in the record's note: fairport derives GSP duties from Regulation (EU) No "
                  "978/2012 and its Annexes, not from TARIC measures";
  } else {
    rm.m.fate = xi_measure_fate::out_of_scope;
    rm.m.reason = "measure type " + rm.m.type + " (" + rm.m.type_description + ") for area " +
                  rm.m.area + ": not a third-country duty";
  }
}

/// One measure object of a response (at `ptr`), with its components, conditions and acts.
read_measure measure_of(const json& x, const std::string& ptr, const included_index& inc,
                        const xi_response& r, const std::string& commodity) {
  const json& a = x.value("attributes", json::object());
  const json& rel = x.value("relationships", json::object());
  read_measure rm;
  rm.m.file = r.name;
  rm.m.commodity = commodity;
  rm.m.id = str(x, "id");
  rm.m.type = rel_id(rel, "measure_type");
  rm.m.area = rel_id(rel, "geographical_area");
  if (rm.m.id.empty() || rm.m.type.empty()) malformed(r.name, ptr, "a measure without id or type");
  if (const auto* t = inc.get("measure_type", rm.m.type)) {
    rm.m.type_description = str(t->value("attributes", json::object()), "description");
  }
  if (const auto* de = inc.get("duty_expression", rel_id(rel, "duty_expression"))) {
    rm.m.duty_text = str(de->value("attributes", json::object()), "base");
  }
  rm.m.valid_from = iso_day(str(a, "effective_start_date"));
  rm.m.valid_through = iso_day(str(a, "effective_end_date"));
  if (!try_parse_date(rm.m.valid_from) ||
      (!rm.m.valid_through.empty() && !try_parse_date(rm.m.valid_through))) {
    malformed(r.name, ptr + "/attributes", "a measure without valid dates");
  }
  for (const auto& cid : rel_ids(rel, "measure_components")) {
    const auto* c = inc.get("measure_component", cid);
    if (c == nullptr) malformed(r.name, ptr, "measure component " + cid + " is not included");
    rm.components.push_back(c->value("attributes", json::object()));
  }
  rm.conditions = rel_ids(rel, "measure_conditions").size();
  rm.legal_acts = rel_ids(rel, "legal_acts");
  classify(rm, str(a, "origin"));
  return rm;
}

std::vector<read_measure> read_response(const xi_response& r, std::string& commodity, bool& found) {
  error_context where;
  where.file = r.name;
  const auto parsed = detail::parse_strict_json_exact(r.text, errc::invalid_document, where);
  const json& doc = parsed.value;
  if (!doc.is_object()) malformed(r.name, "", "the document is not an object");
  found = !doc.contains("errors");
  if (!found) return {};
  const auto data = doc.find("data");
  if (data == doc.end() || !data->is_object()) malformed(r.name, "/data", "no commodity");
  commodity = str(data->value("attributes", json::object()), "goods_nomenclature_item_id");
  if (commodity.size() != 10) malformed(r.name, "/data/attributes", "no 10-digit commodity code");
  const auto inc = doc.find("included");
  if (inc == doc.end() || !inc->is_array()) malformed(r.name, "/included", "no included objects");
  const included_index index(*inc);
  std::vector<read_measure> out;
  for (std::size_t i = 0; i < inc->size(); ++i) {
    const json& x = (*inc)[i];
    if (str(x, "type") == "measure") {
      out.push_back(measure_of(x, "/included/" + std::to_string(i), index, r, commodity));
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

std::string_view to_string(xi_measure_fate f) noexcept {
  switch (f) {
    case xi_measure_fate::mapped: return "mapped";
    case xi_measure_fate::not_computable: return "not_computable";
    case xi_measure_fate::gsp_preference: return "gsp_preference";
    case xi_measure_fate::out_of_scope: return "out_of_scope";
  }
  return "out_of_scope";
}

namespace {

/// The GSP preferences of each commodity, for its record's note.
std::map<std::string, std::string> gsp_notes(
    const std::map<std::pair<std::string, std::string>, read_measure>& measures) {
  std::map<std::string, std::string> notes;
  for (const auto& [k, m] : measures) {
    if (m.m.fate != xi_measure_fate::gsp_preference) continue;
    auto& n = notes[m.m.commodity];
    n += (n.empty() ? "" : "; ") + gsp_areas().at(m.m.area) + ": " +
         (m.m.duty_text.empty() ? std::string("(no duty text)") : m.m.duty_text) + " from " +
         m.m.valid_from + (m.m.valid_through.empty() ? "" : " to " + m.m.valid_through) +
         " (measure " + m.m.id + ")";
  }
  return notes;
}

/// The record of one third-country measure; sets its fate to not_computable when it is.
ordered record_of(read_measure& rm, const std::map<std::string, std::string>& gsp_note) {
  mapping mp = rm.conditions != 0
                   ? mapping{std::nullopt, std::to_string(rm.conditions) +
                                               " measure conditions (entry prices, licences or "
                                               "certificates) decide the duty"}
                   : map_components(rm.components);
  if (!mp.expression) {
    rm.m.fate = xi_measure_fate::not_computable;
    rm.m.reason = mp.reason;
  }
  ordered rec;
  rec["key"] = {{"cn_range", {rm.m.commodity, rm.m.commodity}}};
  rec["valid_from"] = rm.m.valid_from;
  rec["valid_through"] = rm.m.valid_through.empty() ? ordered(nullptr) : ordered(rm.m.valid_through);
  rec["value"] = {{"expression", mp.expression ? *mp.expression : ordered(nullptr)},
                  {"text", rm.m.duty_text.empty() ? std::string("(see TARIC: ") + mp.reason + ")"
                                                  : rm.m.duty_text}};
  rec["reference"] = "TARIC measure " + rm.m.id + ", measure type 103 (third country duty), ERGA "
                     "OMNES (1011)" + (rm.legal_acts.empty() ? "" : ", legal act " + joined(rm.legal_acts)) +
                     ", as published by the UK Trade Tariff API for the Northern Ireland (EU) "
                     "tariff (" + rm.m.file + ")";
  std::string note = mp.expression ? "" : "Not computed by fairport: " + mp.reason + ".";
  if (const auto it = gsp_note.find(rm.m.commodity); it != gsp_note.end()) {
    note += (note.empty() ? "" : " ") + std::string("TARIC GSP preferences (measure type 142): ") +
            it->second + ".";
  }
  if (!note.empty()) rec["note"] = note;
  return rec;
}

/// The dataset file around the records.
std::string dataset_file(const xi_tariff_import& out, ordered records) {
  const std::string& d = out.retrieved;
  ordered doc;
  doc["schema"] = "fairport.tariff_duties/1";
  doc["dataset"] = "eu_cct_erga_omnes";
  doc["version"] = d.substr(0, 4) + "." + std::to_string(std::stoi(d.substr(5, 2))) + "." +
                   std::to_string(std::stoi(d.substr(8, 2)));
  doc["source"] = {{"title", "EU tariff (TARIC) third-country duties, measure type 103, as published by the UK Trade Tariff API v2 for Northern Ireland"},
                   {"publisher", "European Commission, DG TAXUD (TARIC); published by the UK Trade Tariff service (HMRC)"},
                   {"url", "https://www.trade-tariff.service.gov.uk/xi/api/v2/commodities/"},
                   {"retrieved", d}};
  doc["licence"] = "EU legislation: (c) European Union, reuse authorised (Commission Decision "
                   "2011/833/EU); the API's responses: Open Government Licence v3.0";
  doc["note"] = "Written by fairport data import xi-tariff from " + std::to_string(out.files) +
                " responses (" + std::to_string(out.commodities) + " commodities): one record per "
                "10-digit code and third-country measure, valid as the measure says. A record with "
                "expression null is a duty fairport does not compute (its note says why). Use it as "
                "a user's data layer (--data DIR).";
  doc["records"] = std::move(records);
  return doc.dump(1) + "\n";
}

}  // namespace

xi_tariff_import tariff_from_xi(const std::vector<xi_response>& responses, std::string retrieved) {
  // Read the responses in the order of their dates, so that a later view of a measure wins.
  std::vector<const xi_response*> order;
  for (const auto& r : responses) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [](const xi_response* a, const xi_response* b) {
    return date_in_name(a->name) < date_in_name(b->name);
  });
  xi_tariff_import out;
  if (retrieved.empty()) {  // the latest date the file names carry
    for (const auto* r : order) retrieved = std::max(retrieved, date_in_name(r->name));
  }
  std::map<std::pair<std::string, std::string>, read_measure> measures;  // (commodity, id)
  for (const auto* r : order) {
    std::string commodity;
    bool found = false;
    auto ms = read_response(*r, commodity, found);
    ++out.files;
    if (!found) out.not_found.push_back(r->name);
    for (auto& m : ms) measures[{m.m.commodity, m.m.id}] = std::move(m);
  }
  if (!try_parse_date(retrieved)) {
    detail::throw_error(errc::invalid_argument,
                        "the date the responses were read is not known: name the files "
                        "{code}-{YYYY-MM-DD}.json or give --as-of YYYY-MM-DD");
  }
  out.retrieved = retrieved;
  const auto notes = gsp_notes(measures);
  ordered records = ordered::array();
  std::set<std::string> commodities;
  for (auto& [k, rm] : measures) {
    commodities.insert(rm.m.commodity);
    if (rm.m.fate == xi_measure_fate::mapped) records.push_back(record_of(rm, notes));
  }
  for (auto& [k, rm] : measures) out.measures.push_back(std::move(rm.m));
  out.commodities = commodities.size();
  out.records = records.size();
  out.dataset_json = dataset_file(out, std::move(records));
  return out;
}

FAIRPORT_END_NAMESPACE
