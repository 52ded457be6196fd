// Exact decimal operations with named rounding modes.
#include <pybind11/pybind11.h>

#include "casters.hpp"
#include "fairport/decimal.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {

/// The rounding modes, by their General Decimal Arithmetic names.
void bind_rounding_mode(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  py::enum_<rounding_mode>(m, "RoundingMode", R"pbdoc(
The eight rounding modes of the General Decimal Arithmetic specification.

Every rounding in fairport names its mode; nothing rounds implicitly. HALF_UP rounds ties away
from zero.

Parameters
----------
value : int
    The number of a mode; the members (``RoundingMode.HALF_UP``) are the usual way to name one.

Attributes
----------
UP
    Away from zero.
DOWN
    Towards zero (truncation).
CEILING
    Towards positive infinity.
FLOOR
    Towards negative infinity.
HALF_UP
    To the nearest; ties away from zero.
HALF_DOWN
    To the nearest; ties towards zero.
HALF_EVEN
    To the nearest; ties to the even neighbour.
ZERO_FIVE_UP
    Towards zero, unless that leaves a last digit of 0 or 5: then away from zero.
)pbdoc")
      .value("UP", rounding_mode::up)
      .value("DOWN", rounding_mode::down)
      .value("CEILING", rounding_mode::ceiling)
      .value("FLOOR", rounding_mode::floor)
      .value("HALF_UP", rounding_mode::half_up)
      .value("HALF_DOWN", rounding_mode::half_down)
      .value("HALF_EVEN", rounding_mode::half_even)
      .value("ZERO_FIVE_UP", rounding_mode::zero_five_up);

}

/// Decimals from text.
void bind_decimal_parsing(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
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
    The exact value, at the scale the text has.

Raises
------
fairport.errors.InputError
    [fairport.input.101] when the text is not an exact decimal of at most 38 digits.
)pbdoc");

}

/// Rounding to places and to significant digits.
void bind_decimal_rounding(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  m.def("round", [](py::handle value, int scale, rounding_mode mode) {
          return to_decimal(value).round(scale, mode);
        },
        py::arg("value"), py::arg("scale"), py::arg("mode"), R"pbdoc(
Round to `scale` decimal places with a named mode.

Parameters
----------
value : decimal.Decimal or str or int
    The number to round. A float raises TypeError.
scale : int
    The number of decimal places, 0 to 38; a value with fewer places is padded with zeros.
mode : RoundingMode
    How to round.

Returns
-------
decimal.Decimal
    The value at exactly `scale` places.

Raises
------
TypeError
    If `value` is a float.
fairport.errors.InputError
    [fairport.input.106] for a scale outside 0 to 38.
fairport.errors.DecimalOverflowError
    [fairport.arithmetic.201] when the result needs more than 38 digits.

Examples
--------
>>> fairport.round("2.345", 2, fairport.RoundingMode.HALF_EVEN)
Decimal('2.34')
)pbdoc");

  m.def("round_significant", [](py::handle value, int digits, rounding_mode mode) {
          return to_decimal(value).round_significant(digits, mode);
        },
        py::arg("value"), py::arg("digits"), py::arg("mode"), R"pbdoc(
Round to `digits` significant digits with a named mode.

Parameters
----------
value : decimal.Decimal or str or int
    The number to round. A float raises TypeError.
digits : int
    The number of significant digits, 1 to 38.
mode : RoundingMode
    How to round.

Returns
-------
decimal.Decimal
    The value with at most `digits` significant digits; a value that has no more is returned
    unchanged, and 12345 to 2 digits is 12000 (not 1.2E+4).

Raises
------
TypeError
    If `value` is a float.
fairport.errors.InputError
    [fairport.input.106] for digits outside 1 to 38.
)pbdoc");

}

/// Division and multiplication rounded once.
void bind_decimal_arithmetic(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  m.def("divide", [](py::handle a, py::handle b, int scale, rounding_mode mode) {
          return fairport::divide(to_decimal(a), to_decimal(b), scale, mode);
        },
        py::arg("a"), py::arg("b"), py::arg("scale"), py::arg("mode"), R"pbdoc(
Divide a by b, rounded once to `scale` places.

Parameters
----------
a : decimal.Decimal or str or int
    The dividend. A float raises TypeError.
b : decimal.Decimal or str or int
    The divisor. A float raises TypeError.
scale : int
    The number of decimal places of the quotient, 0 to 38.
mode : RoundingMode
    How to round the exact quotient.

Returns
-------
decimal.Decimal
    The quotient a / b at `scale` places.

Raises
------
TypeError
    If a or b is a float.
fairport.errors.FairportArithmeticError
    [fairport.arithmetic.202] when b is zero.
)pbdoc");

  m.def("multiply", [](py::handle a, py::handle b, int scale, rounding_mode mode) {
          return fairport::multiply(to_decimal(a), to_decimal(b), scale, mode);
        },
        py::arg("a"), py::arg("b"), py::arg("scale"), py::arg("mode"), R"pbdoc(
Multiply a by b, rounded once to `scale` places.

The full product is kept before rounding.

Parameters
----------
a : decimal.Decimal or str or int
    A factor. A float raises TypeError.
b : decimal.Decimal or str or int
    The other factor. A float raises TypeError.
scale : int
    The number of decimal places of the product, 0 to 38.
mode : RoundingMode
    How to round the full product.

Returns
-------
decimal.Decimal
    The product a * b at `scale` places.

Raises
------
TypeError
    If a or b is a float.
fairport.errors.DecimalOverflowError
    [fairport.arithmetic.201] when the rounded product needs more than 38 digits.
)pbdoc");

}

/// A float turned into a decimal only with a stated rounding.
void bind_decimal_from_float(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  m.def("decimal_from_float", [](double x, int places, rounding_mode mode) {
          return decimal::from_double(x, places, mode);
        },
        py::arg("x"), py::kw_only(), py::arg("places"), py::arg("mode") = rounding_mode::half_even,
        R"pbdoc(
Convert a binary float to a decimal: its exact value rounded to `places`.

This is the one explicit route from a binary float; everywhere else a float raises TypeError.

Parameters
----------
x : float
    The float. Its exact binary value is what is rounded: 0.1 is
    0.1000000000000000055511151231257827021181583404541015625 before rounding.
places : int
    The number of decimal places, 0 to 38.
mode : RoundingMode, default RoundingMode.HALF_EVEN
    How to round the exact value.

Returns
-------
decimal.Decimal
    The rounded value at `places` places.

Raises
------
fairport.errors.InputError
    [fairport.input.106] for a NaN or infinite float or a scale outside 0 to 38.
fairport.errors.DecimalOverflowError
    [fairport.arithmetic.201] when the result needs more than 38 digits.

Examples
--------
>>> fairport.decimal_from_float(0.1, places=2)
Decimal('0.10')
)pbdoc");
}

}  // namespace

void bind_decimal(py::module_& m) {
  bind_rounding_mode(m);
  bind_decimal_parsing(m);
  bind_decimal_rounding(m);
  bind_decimal_arithmetic(m);
  bind_decimal_from_float(m);
}

}  // namespace fairport_py
