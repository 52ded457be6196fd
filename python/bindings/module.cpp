// fairport._core: the compiled part of the fairport Python package.
#include <pybind11/pybind11.h>

#include "fairport/error.hpp"
#include "fairport/version.hpp"

namespace py = pybind11;

namespace fairport_py {
void bind_decimal(py::module_& m);
void bind_money(py::module_& m);
void bind_batch(py::module_& m);
void bind_data(py::module_& m);
void bind_check(py::module_& m);
void bind_engines(py::module_& m);
void bind_tariff(py::module_& m);
}  // namespace fairport_py

PYBIND11_MODULE(_core, m) {
  m.doc() = "fairport's compiled core. Use the fairport package, not this module.";
  m.attr("__version__") = FAIRPORT_VERSION_STRING;

  // One translator: every fairport::error becomes the matching fairport.errors class, with
  // .code ("fairport.input.101") and .context (dict).
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const fairport::error& e) {
      py::gil_scoped_acquire gil;
      py::module_ errors = py::module_::import("fairport.errors");
      const int number = static_cast<int>(e.code());
      py::object cls = errors.attr("class_for_code")(number);
      std::string tag = fairport::code_tag(e.code());
      py::dict ctx;
      const auto& c = e.context();
      ctx["dataset"] = c.dataset;
      ctx["version"] = c.version;
      ctx["file"] = c.file;
      ctx["pointer"] = c.pointer;
      ctx["argument"] = c.argument;
      py::object instance = cls(e.what(), tag.substr(1, tag.size() - 2), ctx);
      PyErr_SetObject(cls.ptr(), instance.ptr());
    }
  });

  fairport_py::bind_decimal(m);
  fairport_py::bind_money(m);
  fairport_py::bind_batch(m);
  fairport_py::bind_data(m);
  fairport_py::bind_check(m);
  fairport_py::bind_engines(m);
  fairport_py::bind_tariff(m);
}
