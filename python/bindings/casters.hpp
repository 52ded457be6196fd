#pragma once
// Conversions between Python and fairport values:
//   fairport::decimal  <- decimal.Decimal, str, int   (a float is a TypeError)
//   fairport::decimal  -> decimal.Decimal (exact, from the canonical plain string)
//   date::year_month_day <-> datetime.date (ISO strings accepted on input)
#include <pybind11/pybind11.h>

#include <string>

#include "fairport/calendar.hpp"
#include "fairport/decimal.hpp"

namespace fairport_py {

namespace py = pybind11;

/// decimal.Decimal, looked up once (kept alive for the interpreter's lifetime on purpose).
inline const py::object& decimal_class() {
  static const py::object* cls = new py::object(py::module_::import("decimal").attr("Decimal"));
  return *cls;
}

/// Python value -> exact decimal. Throws TypeError for float, fairport input errors for text.
inline fairport::decimal to_decimal(py::handle h) {
  if (PyFloat_Check(h.ptr())) {
    throw py::type_error(
        "floats are ambiguous for money; pass Decimal or str "
        "(or use fairport.decimal_from_float(x, places=..., mode=...))");
  }
  if (PyBool_Check(h.ptr())) throw py::type_error("a bool is not a number here");
  if (PyUnicode_Check(h.ptr())) return fairport::decimal::parse(h.cast<std::string>());
  if (PyLong_Check(h.ptr())) return fairport::decimal::parse(py::str(h).cast<std::string>());
  if (Py_TYPE(h.ptr()) == reinterpret_cast<PyTypeObject*>(decimal_class().ptr()) ||
      py::isinstance(h, decimal_class())) {
    // str() of a Decimal is exact (plain or exponent notation, both of which the parser reads);
    // NaN, sNaN and Infinity print as words, which it refuses.
    const py::str text = py::reinterpret_steal<py::str>(PyObject_Str(h.ptr()));
    if (!text) throw py::error_already_set();
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(text.ptr(), &size);
    if (data == nullptr) throw py::error_already_set();
    const std::string_view sv(data, static_cast<std::size_t>(size));
    if (sv.find_first_of("nN") != std::string_view::npos) {
      fairport::detail::throw_error(fairport::errc::invalid_decimal,
                                    "not a finite decimal: " + std::string(sv));
    }
    return fairport::decimal::parse(sv);
  }
  throw py::type_error(std::string("expected Decimal, str or int, got ") +
                       Py_TYPE(h.ptr())->tp_name);
}

inline py::object from_decimal(const fairport::decimal& d) {
  const std::string s = d.to_string();
  PyObject* text = PyUnicode_FromStringAndSize(s.data(), static_cast<Py_ssize_t>(s.size()));
  if (text == nullptr) throw py::error_already_set();
  PyObject* value = PyObject_CallOneArg(decimal_class().ptr(), text);
  Py_DECREF(text);
  if (value == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(value);
}

}  // namespace fairport_py

namespace pybind11::detail {

template <>
struct type_caster<fairport::decimal> {
  PYBIND11_TYPE_CASTER(fairport::decimal, const_name("decimal.Decimal"));
  bool load(handle src, bool) {
    value = fairport_py::to_decimal(src);
    return true;
  }
  static handle cast(const fairport::decimal& d, return_value_policy, handle) {
    return fairport_py::from_decimal(d).release();
  }
};

template <>
struct type_caster<date::year_month_day> {
  PYBIND11_TYPE_CASTER(date::year_month_day, const_name("datetime.date"));
  bool load(handle src, bool) {
    if (isinstance<str>(src)) {
      value = fairport::parse_date(src.cast<std::string>());
      return true;
    }
    auto date_cls = module_::import("datetime").attr("date");
    if (!isinstance(src, date_cls) ||
        isinstance(src, module_::import("datetime").attr("datetime"))) {
      return false;
    }
    value = date::year_month_day{date::year{src.attr("year").cast<int>()},
                                 date::month{src.attr("month").cast<unsigned>()},
                                 date::day{src.attr("day").cast<unsigned>()}};
    return true;
  }
  static handle cast(const date::year_month_day& d, return_value_policy, handle) {
    return module_::import("datetime")
        .attr("date")(static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                      static_cast<unsigned>(d.day()))
        .release();
  }
};

}  // namespace pybind11::detail
