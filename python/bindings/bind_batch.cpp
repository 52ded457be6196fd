// Columnar kernels: inputs are converted while holding the GIL, the arithmetic runs without it,
// and bad rows are reported per row instead of failing the whole batch.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "casters.hpp"
#include "fairport/decimal.hpp"
#include "fairport/fixed_point.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {

struct column {
  std::vector<fairport::decimal> values;
  std::vector<std::string> error_code;
  std::vector<std::string> error_message;
};

void note_error(column& c, std::size_t i, const fairport::error& e) {
  const std::string tag = fairport::code_tag(e.code());
  c.error_code[i] = tag.substr(1, tag.size() - 2);
  c.error_message[i] = e.what();
}

/// Converts a sequence; floats raise TypeError for the whole call, bad text is a row error.
/// Lists and tuples are read in place (PySequence_Fast), other sequences through a list.
column convert(const py::sequence& seq, column& errors_into) {
  column c;
  const py::object fast =
      py::reinterpret_steal<py::object>(PySequence_Fast(seq.ptr(), "expected a sequence"));
  if (!fast) throw py::error_already_set();
  const std::size_t n = static_cast<std::size_t>(PySequence_Fast_GET_SIZE(fast.ptr()));
  PyObject** items = PySequence_Fast_ITEMS(fast.ptr());
  c.values.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    try {
      c.values[i] = to_decimal(items[i]);
    } catch (const fairport::error& e) {
      if (errors_into.error_code[i].empty()) note_error(errors_into, i, e);
    }
  }
  return c;
}

/// A list of n new references made by make(i).
template <class Make>
py::list new_list(std::size_t n, Make make) {
  py::list l(static_cast<py::ssize_t>(n));
  for (std::size_t i = 0; i < n; ++i) PyList_SET_ITEM(l.ptr(), static_cast<Py_ssize_t>(i), make(i));
  return l;
}

PyObject* none() {
  Py_INCREF(Py_None);
  return Py_None;
}

py::dict result(const column& out) {
  const std::size_t n = out.values.size();
  const auto ok = [&](std::size_t i) { return out.error_code[i].empty(); };
  py::dict d;
  d["amount"] = new_list(n, [&](std::size_t i) {
    return ok(i) ? from_decimal(out.values[i]).release().ptr() : none();
  });
  d["error_code"] = new_list(n, [&](std::size_t i) {
    return ok(i) ? none() : py::str(out.error_code[i]).release().ptr();
  });
  d["error_message"] = new_list(n, [&](std::size_t i) {
    return ok(i) ? none() : py::str(out.error_message[i]).release().ptr();
  });
  return d;
}

}  // namespace

namespace {

/// extend_lines: line amounts of whole columns.
void bind_extend_lines(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  m.def("extend_lines",
        [](const py::sequence& prices, const py::sequence& quantities, int scale,
           rounding_mode mode) {
          if (prices.size() != quantities.size()) {
            fairport::detail::throw_error(fairport::errc::invalid_argument,
                                          "prices and quantities differ in length");
          }
          column out;
          const std::size_t n = prices.size();
          out.error_code.assign(n, {});
          out.error_message.assign(n, {});
          const column p = convert(prices, out);
          const column q = convert(quantities, out);
          out.values.resize(n);
          {
            py::gil_scoped_release release;
            for (std::size_t i = 0; i < n; ++i) {
              if (!out.error_code[i].empty()) continue;
              try {
                out.values[i] = fairport::multiply(p.values[i], q.values[i], scale, mode);
              } catch (const fairport::error& e) {
                note_error(out, i, e);
              }
            }
          }
          return result(out);
        },
        py::arg("prices"), py::arg("quantities"), py::kw_only(), py::arg("scale"), py::arg("mode"),
        R"pbdoc(
Compute line extensions price x quantity, each rounded once to `scale` places.

A row whose price or quantity is bad text, or whose product does not fit, is reported in its
row; the other rows are computed.

Parameters
----------
prices, quantities : sequence of decimal.Decimal or str or int
    Equal lengths. A float anywhere raises TypeError.
scale : int
    The number of decimal places of each extension, 0 to 38.
mode : RoundingMode
    How to round each exact product.

Returns
-------
dict
    ``amount`` (Decimal or None), ``error_code`` and ``error_message`` (None or the coded error
    of that row), one entry per row.

Raises
------
TypeError
    If a price or quantity is a float.
fairport.errors.InputError
    [fairport.input.106] when prices and quantities differ in length.

Examples
--------
>>> fairport.extend_lines(["187.35", "x"], [12, 1], scale=2, mode=fairport.RoundingMode.HALF_UP)["error_code"]
[None, 'fairport.input.101']
)pbdoc");
}

/// Rounding of whole columns.
void bind_batch_rounding(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  m.def(
      "extend_lines_fixed",
      [](const py::array& prices, const py::array& quantities, int price_scale,
         int quantity_scale, int scale, rounding_mode mode) {
        // Exact integer columns only: a float array is refused, never cast.
        for (const py::array* a : {&prices, &quantities}) {
          if (a->dtype().kind() != 'i' || a->itemsize() != 8 || a->ndim() != 1) {
            throw py::type_error(
                "extend_lines_fixed takes one-dimensional int64 arrays of coefficients (123.45 "
                "at scale 2 is 12345), not " +
                std::string(py::str(a->dtype())));
          }
        }
        if (prices.shape(0) != quantities.shape(0)) {
          fairport::detail::throw_error(fairport::errc::invalid_argument,
                                        "prices and quantities differ in length");
        }
        const auto p = py::array_t<std::int64_t, py::array::c_style>::ensure(prices);
        const auto q = py::array_t<std::int64_t, py::array::c_style>::ensure(quantities);
        const auto n = static_cast<std::size_t>(p.shape(0));
        py::array_t<std::int64_t> out(static_cast<py::ssize_t>(n));
        py::array_t<bool> overflow(static_cast<py::ssize_t>(n));
        const std::int64_t* pa = p.data();
        const std::int64_t* qa = q.data();
        std::int64_t* oa = out.mutable_data();
        auto* fa = reinterpret_cast<std::uint8_t*>(overflow.mutable_data());
        {
          py::gil_scoped_release release;
          fairport::multiply_fixed(pa, price_scale, qa, quantity_scale, n, scale, mode, oa, fa);
        }
        py::dict d;
        d["coefficient"] = out;
        d["scale"] = scale;
        d["overflow"] = overflow;
        return d;
      },
      py::arg("prices"), py::arg("quantities"), py::kw_only(), py::arg("price_scale"),
      py::arg("quantity_scale"), py::arg("scale"), py::arg("mode"),
      R"pbdoc(
Compute line extensions over fixed-point columns: int64 coefficients in and out.

Parameters
----------
prices, quantities : numpy.ndarray of int64
    Coefficients at ``price_scale`` and ``quantity_scale`` places (187.35 at scale 2 is 18735).
    A float array raises TypeError: it is never cast.
price_scale, quantity_scale, scale : int
    The number of decimal places of the prices, the quantities and the results, 0 to 18.
mode : RoundingMode
    The one rounding, from ``price_scale + quantity_scale`` places to ``scale``.

Returns
-------
dict
    ``coefficient`` (int64 array at ``scale``), ``scale``, ``overflow`` (bool array: the
    rounded result does not fit an int64; its coefficient is then 0).

Raises
------
TypeError
    If an array is not a one-dimensional int64 array.
fairport.errors.InputError
    [fairport.input.106] when prices and quantities differ in length.

Examples
--------
>>> r = fairport.extend_lines_fixed(numpy.array([18735]), numpy.array([12]), price_scale=2,
...                                 quantity_scale=0, scale=2, mode=fairport.RoundingMode.HALF_UP)
>>> int(r["coefficient"][0])
224820
)pbdoc");
}

/// sum_decimals: an exact column sum.
void bind_sum_decimals(py::module_& m) {
  using fairport::decimal;
  using fairport::rounding_mode;
  m.def("sum_decimals",
        [](const py::sequence& values) {
          std::vector<decimal> v;
          v.reserve(values.size());
          for (auto h : values) v.push_back(to_decimal(h));
          decimal total;
          {
            py::gil_scoped_release release;
            for (const auto& x : v) total += x;
          }
          return total;
        },
        py::arg("values"), R"pbdoc(
Return the exact sum of the values (Decimal, str or int).

Parameters
----------
values : sequence of decimal.Decimal or str or int
    The values. A float raises TypeError.

Returns
-------
decimal.Decimal
    The exact sum; 0 for no values.

Raises
------
TypeError
    If a value is a float.
fairport.errors.DecimalOverflowError
    [fairport.arithmetic.201] when the sum needs more than 38 digits.
)pbdoc");
}

}  // namespace

void bind_batch(py::module_& m) {
  bind_extend_lines(m);
  bind_batch_rounding(m);
  bind_sum_decimals(m);
}

}  // namespace fairport_py
