// Python face of fairport::reference_data: the built-in datasets, a directory, one override, and
// what is loaded (fairport.datasets()).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <string>

#include "fairport/dataset.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {

py::dict info_dict(const fairport::dataset_info& i) {
  py::dict d;
  d["id"] = i.id;
  d["version"] = i.version;
  d["schema"] = i.schema;
  d["file"] = i.file;
  d["sha256"] = i.sha256;
  d["records"] = i.records;
  d["coverage_from"] = i.coverage_from;
  d["coverage_through"] = i.coverage_through.empty() ? py::object(py::none())
                                                      : py::object(py::str(i.coverage_through));
  d["title"] = i.title;
  d["publisher"] = i.publisher;
  d["url"] = i.url;
  d["retrieved"] = i.retrieved;
  d["licence"] = i.licence;
  d["note"] = i.note;
  return d;
}

}  // namespace

void bind_data(py::module_& m) {
  py::class_<fairport::reference_data>(m, "ReferenceData",
                                       "An immutable set of dated, sourced reference datasets.")
      .def_static(
          "builtin", []() { return fairport::reference_data::builtin(); },
          "The datasets compiled into the library.")
      .def_static(
          "load", [](const std::string& d) { return fairport::reference_data::load(d); },
          py::arg("directory"), "Loads every dataset listed in DIRECTORY/manifest.json.")
      .def("with_override", &fairport::reference_data::with_override, py::arg("dataset_file"),
           "A copy with one dataset replaced by the file (matched by its \"dataset\" id).")
      .def(
          "datasets",
          [](const fairport::reference_data& r) {
            py::list out;
            for (const auto& i : r.datasets()) out.append(info_dict(i));
            return out;
          },
          "One dict per dataset: id, version, schema, file, sha256, records, coverage_from, "
          "coverage_through (None when open-ended), title, publisher, url, retrieved, licence, "
          "note.")
      .def(
          "dataset", [](const fairport::reference_data& r,
                        const std::string& id) { return info_dict(r.dataset(id)); },
          py::arg("id"))
      .def_property_readonly("origin", &fairport::reference_data::origin)
      .def("__repr__", [](const fairport::reference_data& r) {
        return "<fairport.ReferenceData " + r.origin() + ", " +
               std::to_string(r.datasets().size()) + " datasets>";
      });
}

}  // namespace fairport_py
