// Python face of the tariff search (fairport/tariff/search.hpp): _core.tariff_search and
// _core.tariff_show return plain dicts that fairport._tariff turns into typed results.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "casters.hpp"
#include "fairport/data/gsp.hpp"
#include "fairport/io/xi_tariff_import.hpp"
#include "fairport/tariff/search.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {

py::object duty_text(const fairport::tariff_record* t) {
  return t == nullptr ? py::object(py::none()) : py::object(py::str(t->duty.text));
}

py::dict coverage_dict(const fairport::gsp_coverage_lookup& c) {
  py::dict d;
  d["depends_on_subcode"] = c.depends_on_subcode;
  if (c.record == nullptr) {
    d["coverage"] = py::none();
    d["section"] = py::none();
    d["ex_description"] = py::none();
    d["reference"] = py::none();
  } else {
    d["coverage"] = std::string(to_string(c.record->coverage));
    d["section"] = c.record->section;
    d["ex_description"] = c.record->ex_description;
    d["reference"] = c.record->source.citation();
  }
  return d;
}

py::list rules_list(const fairport::tariff_summary& s) {
  py::list out;
  for (const auto* r : s.list_rules) {
    py::dict d;
    d["hs"] = r->hs;
    d["row"] = r->row;
    d["description"] = r->description;
    py::list ldc;
    py::list other;
    for (const auto& a : r->ldc) ldc.append(a.text);
    for (const auto& a : r->other) other.append(a.text);
    d["ldc"] = ldc;
    d["other"] = other;
    d["reference"] = r->source.citation();
    out.append(d);
  }
  return out;
}

py::dict summary_dict(const fairport::tariff_summary& s) {
  py::dict d;
  d["code"] = std::string(s.code.digits());
  py::list path;
  for (const auto* p : s.path) path.append(py::make_tuple(p->code, p->description));
  d["path"] = path;
  d["duty"] = duty_text(s.duty);
  d["duty_match"] = std::string(fairport::to_string(s.duty_match.match));
  d["duty_reference"] =
      s.duty == nullptr ? py::object(py::none()) : py::object(py::str(s.duty->source.citation()));
  d["annex_v"] = coverage_dict(s.annex_v);
  d["annex_ix"] = coverage_dict(s.annex_ix);
  d["eba"] = s.eba ? py::object(py::bool_(*s.eba)) : py::object(py::none());
  d["list_rule_match"] = std::string(fairport::to_string(s.list_rule_match));
  d["list_rules"] = rules_list(s);
  return d;
}

}  // namespace

void bind_tariff(py::module_& m) {
  m.def(
      "tariff_search",
      [](const std::string& words, const fairport::reference_data& data,
         std::optional<date::year_month_day> as_of, std::size_t limit) {
        py::list out;
        for (const auto& h : fairport::search_tariff(words, data, as_of, limit)) {
          py::dict d;
          d["code"] = h.code;
          d["formatted"] = h.formatted;
          d["path"] = h.path;
          d["score"] = h.score;
          d["duty"] = duty_text(h.duty);
          d["duty_match"] = as_of ? py::object(py::str(std::string(fairport::to_string(h.duty_match))))
                                  : py::object(py::none());
          out.append(d);
        }
        return out;
      },
      py::arg("words"), py::arg("data"), py::arg("as_of"), py::arg("limit"),
      "Private: see fairport.tariff_search.");
  m.def(
      "tariff_show",
      [](const std::string& code, const fairport::reference_data& data,
         const date::year_month_day& as_of) {
        return summary_dict(fairport::show_tariff(fairport::tariff_code::parse(code), data, as_of));
      },
      py::arg("code"), py::arg("data"), py::arg("as_of"), "Private: see fairport.tariff_show.");
  m.def(
      "import_xi_tariff",
      [](const std::vector<std::pair<std::string, std::string>>& files, const std::string& retrieved) {
        std::vector<fairport::xi_response> rs;
        for (const auto& [name, text] : files) rs.push_back({name, text});
        const auto r = fairport::tariff_from_xi(rs, retrieved);
        py::list measures;
        for (const auto& x : r.measures) {
          py::dict d;
          d["file"] = x.file;
          d["commodity"] = x.commodity;
          d["id"] = x.id;
          d["type"] = x.type;
          d["type_description"] = x.type_description;
          d["area"] = x.area;
          d["duty_text"] = x.duty_text;
          d["valid_from"] = x.valid_from;
          d["valid_through"] = x.valid_through;
          d["fate"] = std::string(fairport::to_string(x.fate));
          d["reason"] = x.reason;
          measures.append(d);
        }
        py::dict out;
        out["dataset_json"] = r.dataset_json;
        out["retrieved"] = r.retrieved;
        out["records"] = r.records;
        out["measures"] = measures;
        out["not_found"] = r.not_found;
        return out;
      },
      py::arg("files"), py::arg("retrieved"), "Private: see fairport.import_xi_tariff.");
}

}  // namespace fairport_py
