// Exact decimal operations with named rounding modes.
#include <pybind11/pybind11.h>

#include "casters.hpp"
#include "fairport/decimal.hpp"

namespace py = pybind11;

namespace fairport_py {

void bind_decimal(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  py::enum_<rounding_mode>(m, "RoundingMode",
                           "The eight rounding modes of the General Decimal Arithmetic "
                           "specification. HALF_UP rounds ties away from zero.")
      .value("UP", rounding_mode::up)
      .value("DOWN", rounding_mode::down)
      .value("CEILING", rounding_mode::ceiling)
      .value("FLOOR", rounding_mode::floor)
      .value("HALF_UP", rounding_mode::half_up)
      .value("HALF_DOWN", rounding_mode::half_down)
      .value("HALF_EVEN", rounding_mode::half_even)
      .value("ZERO_FIVE_UP", rounding_mode::zero_five_up);

  m.def("parse_decimal", [](const std::string& text) { return decimal::parse(text); },
        py::arg("text"), R"pbdoc(
Parse an exact decimal.

Parameters
----------
text : str
    Plain or exponent notation, e.g. "2400.00", "1.5E-3".

Returns
-------
decimal.Decimal

Raises
------
fairport.errors.InputError
    [fairport.input.101] when the text is not an exact decimal of at most 38 digits.
)pbdoc");

  m.def("round", [](py::handle value, int scale, rounding_mode mode) {
          return to_decimal(value).round(scale, mode);
        },
        py::arg("value"), py::arg("scale"), py::arg("mode"), R"pbdoc(
Round to `scale` decimal places with a named mode.

Examples
--------
>>> fairport.round("2.345", 2, fairport.RoundingMode.HALF_EVEN)
Decimal('2.34')
)pbdoc");

  m.def("round_significant", [](py::handle value, int digits, rounding_mode mode) {
          return to_decimal(value).round_significant(digits, mode);
        },
        py::arg("value"), py::arg("digits"), py::arg("mode"),
        "Round to `digits` significant digits with a named mode.");

  m.def("divide", [](py::handle a, py::handle b, int scale, rounding_mode mode) {
          return fairport::divide(to_decimal(a), to_decimal(b), scale, mode);
        },
        py::arg("a"), py::arg("b"), py::arg("scale"), py::arg("mode"), R"pbdoc(
a / b rounded once to `scale` places.

Raises
------
fairport.errors.FairportArithmeticError
    [fairport.arithmetic.202] when b is zero.
)pbdoc");

  m.def("multiply", [](py::handle a, py::handle b, int scale, rounding_mode mode) {
          return fairport::multiply(to_decimal(a), to_decimal(b), scale, mode);
        },
        py::arg("a"), py::arg("b"), py::arg("scale"), py::arg("mode"),
        "a * b rounded once to `scale` places (the full product is kept before rounding).");

  m.def("decimal_from_float", [](double x, int places, rounding_mode mode) {
          return decimal::from_double(x, places, mode);
        },
        py::arg("x"), py::kw_only(), py::arg("places"), py::arg("mode") = rounding_mode::half_even,
        R"pbdoc(
The one explicit route from a binary float: the float's exact value rounded to `places`.

Examples
--------
>>> fairport.decimal_from_float(0.1, places=2)
Decimal('0.10')
)pbdoc");
}

}  // namespace fairport_py
