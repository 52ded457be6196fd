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

/// builtins.format, looked up once.
inline const py::object& format_function() {
  static const py::object* fn = new py::object(py::module_::import("builtins").attr("format"));
  return *fn;
}

/// Python value -> exact decimal. Throws TypeError for float, fairport input errors for text.
inline fairport::decimal to_decimal(py::handle h) {
  if (PyFloat_Check(h.ptr())) {
    throw py::type_error("floats are ambiguous for money; pass Decimal or str "
                         "(or use fairport.decimal_from_float(x, places=..., mode=...))");
  }
  if (PyBool_Check(h.ptr())) throw py::type_error("a bool is not a number here");
  if (PyUnicode_Check(h.ptr())) return fairport::decimal::parse(h.cast<std::string>());
  if (PyLong_Check(h.ptr())) return fairport::decimal::parse(py::str(h).cast<std::string>());
  if (Py_TYPE(h.ptr()) == reinterpret_cast<PyTypeObject*>(decimal_class().ptr()) ||
      py::isinstance(h, decimal_class())) {
    if (!h.attr("is_finite")().cast<bool>()) {
      fairport::detail::throw_error(fairport::errc::invalid_decimal,
                                    "not a finite decimal: " + py::str(h).cast<std::string>());
    }
    // format 'f' never uses exponent notation
    return fairport::decimal::parse(format_function()(h, "f").cast<std::string>());
  }
  throw py::type_error(std::string("expected Decimal, str or int, got ") +
                       Py_TYPE(h.ptr())->tp_name);
}

inline py::object from_decimal(const fairport::decimal& d) {
  return decimal_class()(d.to_string());
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
    if (!isinstance(src, date_cls) || isinstance(src, module_::import("datetime").attr("datetime"))) {
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
