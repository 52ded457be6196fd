#pragma once
// Conversions between Python and fairport values:
//   fairport::decimal  <- decimal.Decimal, str, int   (a float is a TypeError)
//   fairport::decimal  -> decimal.Decimal (exact, from the canonical plain string)
//   date::year_month_day <-> datetime.date (ISO strings accepted on input)
#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
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

/// Direct access to decimal.Decimal objects.
///
/// Making a Decimal through Decimal(str) costs a text round trip per value, which dominates
/// column work (millions of values). CPython's _decimal stores a value as libmpdec's mpd_t
/// inside the object: a sign flag, an exponent, the number of digits and base-10^19 limbs held
/// inline. When the running interpreter's Decimal has exactly that layout, fairport reads and
/// writes it directly. The layout is checked once, on first use, by reading Decimals made by
/// the decimal module and by making Decimals that the module must find equal, with the same
/// digits, exponent, text and hash; if anything differs (another Python implementation or
/// version), every conversion goes through text instead. Results are identical either way.
namespace direct_decimal {

constexpr std::uint8_t mpd_neg = 1, mpd_special = 2 | 4 | 8;
constexpr std::uint64_t radix = 10000000000000000000ULL;  // 10^19, libmpdec's MPD_RADIX

struct mpd {  // libmpdec mpd_t on 64-bit platforms
  std::uint8_t flags;
  std::int64_t exp;
  std::int64_t digits;
  std::int64_t len;
  std::int64_t alloc;
  std::uint64_t* data;
};
struct object {  // _decimal's PyDecObject
  PyObject_HEAD
  Py_hash_t hash;
  mpd dec;
  std::uint64_t data[4];
};

/// Reads a finite Decimal whose coefficient fits 38 digits; nullopt for anything else.
inline std::optional<fairport::decimal> read(PyObject* o) noexcept {
  const mpd& m = reinterpret_cast<const object*>(o)->dec;
  if ((m.flags & mpd_special) != 0 || m.len < 1 || m.len > 2 || m.digits > 38) return std::nullopt;
  fairport::uint128 mag = m.data[0];
  if (m.len == 2) mag += static_cast<fairport::uint128>(m.data[1]) * radix;
  if (mag > fairport::detail::max_coefficient_u128) return std::nullopt;
  fairport::int128 c = static_cast<fairport::int128>(mag);
  if (m.flags & mpd_neg) c = -c;
  if (m.exp <= 0) {
    if (m.exp < -fairport::decimal::max_scale) return std::nullopt;
    return fairport::decimal::from_parts(c, static_cast<int>(-m.exp));
  }
  // A positive exponent: the integer c * 10^exp, if it fits.
  if (m.exp > 38) return std::nullopt;
  fairport::int128 r;
  if (__builtin_mul_overflow(c, static_cast<fairport::int128>(fairport::detail::pow10_u128(static_cast<int>(m.exp))), &r) ||
      !fairport::detail::in_range(r))
    return std::nullopt;
  return fairport::decimal::from_parts(r, 0);
}

/// A new Decimal equal to d (same coefficient and exponent); nullptr with a Python error set
/// if allocation fails.
inline PyObject* make(PyTypeObject* type, std::uint8_t base_flags, const fairport::decimal& d) noexcept {
  PyObject* o = type->tp_alloc(type, 0);
  if (o == nullptr) return nullptr;
  object* p = reinterpret_cast<object*>(o);
  const fairport::int128 c = d.coefficient();
  const fairport::uint128 mag = fairport::detail::magnitude(c);
  p->hash = -1;
  p->dec.flags = static_cast<std::uint8_t>(base_flags | (c < 0 ? mpd_neg : 0));
  p->dec.exp = -d.scale();
  p->dec.digits = fairport::detail::digits_u128(mag);
  p->dec.alloc = 4;
  p->dec.data = p->data;
  if (mag < radix) {  // one limb: no 128-bit division
    p->data[0] = static_cast<std::uint64_t>(mag);
    p->dec.len = 1;
  } else {
    p->data[0] = static_cast<std::uint64_t>(mag % radix);
    p->data[1] = static_cast<std::uint64_t>(mag / radix);
    p->dec.len = 2;
  }
  return o;
}

struct layout {
  bool usable = false;
  PyTypeObject* type = nullptr;
  std::uint8_t base_flags = 0;
};

/// Checks the layout once against the running decimal module.
inline const layout& checked(PyObject* decimal_type) {
  static const layout l = [decimal_type] {
    layout out;
    PyTypeObject* type = reinterpret_cast<PyTypeObject*>(decimal_type);
    if (type->tp_basicsize != static_cast<Py_ssize_t>(sizeof(object)) || type->tp_alloc == nullptr) return out;
    try {
      const py::object cls = py::reinterpret_borrow<py::object>(decimal_type);
      const py::object one = cls(py::str("1"));
      const object* raw = reinterpret_cast<const object*>(one.ptr());
      if (raw->dec.data != raw->data || raw->dec.alloc != 4 || raw->dec.len != 1 || raw->dec.digits != 1 ||
          raw->dec.exp != 0 || raw->data[0] != 1 || (raw->dec.flags & (mpd_neg | mpd_special)) != 0)
        return out;
      out.type = type;
      out.base_flags = raw->dec.flags;
      const char* samples[] = {"0", "0.00", "-0.05", "12345.67", "-9999999999999999999",
                               "10000000000000000000", "12345678901234567890.123456789",
                               "-99999999999999999999999999999999999999", "0.00000000000000000000000000000000000001",
                               "4000000000000000000.5"};
      for (const char* text : samples) {
        const fairport::decimal expected = fairport::decimal::parse(text);
        const py::object made_by_module = cls(py::str(text));
        const auto read_back = read(made_by_module.ptr());
        if (!read_back || !identical(*read_back, expected)) return out;
        PyObject* made = make(type, out.base_flags, expected);
        if (made == nullptr) {
          PyErr_Clear();
          return out;
        }
        const py::object mine = py::reinterpret_steal<py::object>(made);
        if (!mine.equal(made_by_module) || py::str(mine).cast<std::string>() != py::str(made_by_module).cast<std::string>() ||
            py::hash(mine) != py::hash(made_by_module) ||
            !mine.attr("as_tuple")().equal(made_by_module.attr("as_tuple")()) ||
            !(mine + cls(py::str("0.001"))).equal(made_by_module + cls(py::str("0.001"))))
          return out;
      }
      out.usable = true;
    } catch (const std::exception&) {
      PyErr_Clear();
      out.usable = false;
    }
    return out;
  }();
  return l;
}

}  // namespace direct_decimal

/// Whether Decimal objects are read and made directly (see direct_decimal).
inline bool direct_decimal_enabled() { return direct_decimal::checked(decimal_class().ptr()).usable; }

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
  if (Py_TYPE(h.ptr()) == reinterpret_cast<PyTypeObject*>(decimal_class().ptr())) {
    const auto& l = direct_decimal::checked(decimal_class().ptr());
    if (l.usable) {
      if (auto v = direct_decimal::read(h.ptr())) return *v;
    }
  }
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
  const auto& l = direct_decimal::checked(decimal_class().ptr());
  if (l.usable) {
    PyObject* o = direct_decimal::make(l.type, l.base_flags, d);
    if (o == nullptr) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
  }
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
