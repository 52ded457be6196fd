// Python face of fairport::reference_data: the built-in datasets, a directory, one override, and
// what is loaded (fairport.datasets()).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>

#include "casters.hpp"
#include "fairport/check/vocabulary.hpp"
#include "fairport/data/reference_data.hpp"

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
  d["coverage_through"] =
      i.coverage_through.empty() ? py::object(py::none()) : py::object(py::str(i.coverage_through));
  d["title"] = i.title;
  d["publisher"] = i.publisher;
  d["url"] = i.url;
  d["retrieved"] = i.retrieved;
  d["licence"] = i.licence;
  d["note"] = i.note;
  py::list layers;
  for (const auto& l : i.layers) {
    py::dict ld;
    ld["file"] = l.file;
    ld["version"] = l.version;
    ld["sha256"] = l.sha256;
    ld["added"] = l.added;
    ld["replaced"] = l.replaced;
    ld["withdrawn"] = l.withdrawn;
    py::list changes;
    for (const auto& c : l.changes) {
      py::dict cd;
      cd["key"] = c.key;
      cd["user_pointer"] = c.user_pointer;
      cd["user_validity"] = c.user_validity;
      cd["base_file"] = c.base_file;
      cd["base_pointer"] = c.base_pointer;
      cd["base_validity"] = c.base_validity;
      cd["withdrawn"] = c.withdrawn;
      changes.append(cd);
    }
    ld["changes"] = changes;
    layers.append(ld);
  }
  d["layers"] = layers;
  return d;
}

/// The members that add a user's own data: with_layer and from_directory.
void bind_layers(py::class_<fairport::reference_data>& cls) {
  cls.def("with_layer", &fairport::reference_data::with_layer, py::arg("directory"), R"pbdoc(
Return a copy with the user's data in DIRECTORY merged in.

Every ``*.json`` dataset file directly in the directory, in name order, adds records to the
dataset it names, or replaces the records of the same key for the days it covers (a record
with a null value withdraws them); a file naming a dataset that is not loaded adds it. No
manifest and no checksum step; loading is as strict as for the built-in data, and every
figure from a user record names its file (``provenance.layer``).

Parameters
----------
directory : str
    The user's data directory.

Returns
-------
ReferenceData
    A new set; this one is unchanged. ``datasets()`` lists each user file under ``layers``.

Raises
------
fairport.errors.DataError
    When the directory holds no dataset file, or a file is not a valid dataset (the error
    names the user's file and JSON Pointer).
)pbdoc");
  cls.def_static("from_directory", &fairport::reference_data::from_directory,
                 py::arg("directory"), R"pbdoc(
Return the data a directory names: a complete set or the user's layer.

A directory with a ``manifest.json`` is loaded as a complete set (``load``); any other is the
user's data merged into the built-in datasets (``builtin().with_layer``).

Parameters
----------
directory : str
    The directory.

Returns
-------
ReferenceData
    The datasets.

Raises
------
fairport.errors.DataError
    As ``load`` or ``with_layer``.
)pbdoc");
}

}  // namespace

namespace {

/// The class fairport::reference_data with its constructor and first members.
py::class_<fairport::reference_data> reference_data_class(py::module_& m) {
  return py::class_<fairport::reference_data>(m, "ReferenceData", py::dynamic_attr(), R"pbdoc(
An immutable set of dated, sourced reference datasets.

There is no constructor: use ReferenceData.builtin() or ReferenceData.load(directory) (or
fairport.load_reference_data), and pass the result as the ``data=`` argument of fairport's
functions.

Attributes
----------
origin : str
    Where the data comes from: "builtin", or the directory it was loaded from.
)pbdoc")
      .def_static(
          "builtin", []() { return fairport::reference_data::builtin(); }, R"pbdoc(
Return the datasets compiled into the library.

Returns
-------
ReferenceData
    The built-in datasets (what ``data=None`` means).
)pbdoc")
      .def_static(
          "load", [](const std::string& d) { return fairport::reference_data::load(d); },
          py::arg("directory"), R"pbdoc(
Load every dataset listed in DIRECTORY/manifest.json.

Parameters
----------
directory : str
    The directory that holds manifest.json and the dataset files it lists.

Returns
-------
ReferenceData
    The datasets.

Raises
------
fairport.errors.DataError
    A subclass naming the file, JSON Pointer, dataset and version when anything is wrong;
    nothing loads halfway.
)pbdoc")
      .def("with_override", &fairport::reference_data::with_override, py::arg("dataset_file"),
           R"pbdoc(
Return a copy with one dataset replaced by the file (matched by its "dataset" id).

Parameters
----------
dataset_file : str
    The path of a dataset file.

Returns
-------
ReferenceData
    A new set; this one is unchanged.

Raises
------
fairport.errors.DataError
    When the file cannot be read or is not a valid dataset.
)pbdoc");
}

}  // namespace

void bind_data(py::module_& m) {
  auto cls = reference_data_class(m);
  bind_layers(cls);
  cls.def(
         "datasets",
         [](const fairport::reference_data& r) {
           py::list out;
           for (const auto& i : r.datasets()) out.append(info_dict(i));
           return out;
         },
         R"pbdoc(
List what is loaded: one dict per dataset.

Returns
-------
list of dict
    Per dataset: id, version, schema, file, sha256, records, coverage_from, coverage_through
    (None when open-ended), title, publisher, url, retrieved, licence, note.
)pbdoc")
      .def(
          "dataset",
          [](const fairport::reference_data& r, const std::string& id) {
            return info_dict(r.dataset(id));
          },
          py::arg("id"), R"pbdoc(
Describe one loaded dataset.

Parameters
----------
id : str
    The dataset's id (``"eu_cct_erga_omnes"``).

Returns
-------
dict
    The dataset's id, version, schema, file, sha256, records, coverage_from,
    coverage_through (None when open-ended), title, publisher, url, retrieved, licence, note.

Raises
------
fairport.errors.DataError
    [fairport.data.314] when no dataset has that id.
)pbdoc")
      .def_property_readonly("origin", &fairport::reference_data::origin,
                             "Where the data comes from: \"builtin\", or the directory it was "
                             "loaded from.")
      .def(
          "vocabularies",
          [](const fairport::reference_data& r, std::optional<date::year_month_day> as_of) {
            py::list out;
            for (const auto& v : fairport::vocabularies(r, as_of)) {
              py::list values;
              for (const auto& e : v.values) {
                py::dict d;
                d["id"] = e.id;
                d["group"] = e.group;
                d["text"] = e.text;
                d["reference"] = e.reference;
                values.append(d);
              }
              py::dict d;
              d["name"] = v.name;
              d["field"] = v.field;
              d["text"] = v.text;
              d["values"] = values;
              out.append(d);
            }
            return out;
          },
          py::arg("as_of") = py::none(), R"pbdoc(
The closed vocabularies of the consignment document (see fairport.vocabulary).

Parameters
----------
as_of : datetime.date or str, optional
    Only the values valid on this date; None: on any date.

Returns
-------
list of dict
    The name, field, text and values (id, group, text, reference) of each vocabulary.
)pbdoc")
      .def("__repr__", [](const fairport::reference_data& r) {
        return "<fairport.ReferenceData " + r.origin() + ", " +
               std::to_string(r.datasets().size()) + " datasets>";
      });
}

}  // namespace fairport_py
