// The consignment check and the landed-cost columns for Python. Documents cross as JSON text
// (exact strings, no floats); the computation runs without the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <type_traits>
#include <string>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "fairport/check/check.hpp"
#include "fairport/check/lines.hpp"
#include "fairport/gsp/preference.hpp"
#include "fairport/io/csv.hpp"
#include "fairport/io/json.hpp"
#include "fairport/io/report_format.hpp"
#include "fairport/landed_cost/landed_cost.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {

/// A checked consignment: the report, rendered as JSON, text or HTML only when asked.
struct checked_report {
  fairport::report value;
};

/// Checks a consignment given as JSON text with a prepared checker (the GIL released).
checked_report check_json(const fairport::consignment_checker& checker, const std::string& text,
                          const std::string& name) {
  py::gil_scoped_release release;
  auto parsed = fairport::read_consignment(text, name);
  checked_report out{checker.check(parsed.value)};
  out.value.errors.insert(out.value.errors.begin(), parsed.errors.begin(), parsed.errors.end());
  return out;
}

/// Renders a report with the GIL released.
template <class F>
std::string render(const checked_report& r, F f) {
  py::gil_scoped_release release;
  return f(r.value);
}

// ---- Columns in NumPy arrays ---------------------------------------------------------------
// The landed cost of independent rows given as NumPy arrays (object arrays of str, Decimal, int,
// date ...; int64 arrays for amounts; datetime64 for dates), as pandas hands them over. Cells
// are read straight from the arrays' PyObject pointers, text through its cached UTF-8 form.
// A pandas column repeats the same object for equal values (a Categorical, strings read by
// read_csv), so each column keeps a small cache of the objects it has converted: a repeated
// country, code or date costs a pointer comparison.

/// A cell that could not be used: code and message for the row's error columns.
struct cell_error {
  std::string code, message;
};

/// A converted value or the error it gave, cached by the PyObject that held it.
template <class T>
struct cell_cache {
  struct entry {
    PyObject* key = nullptr;
    std::optional<T> value;  // set when the cell converted
    bool missing = false;
    std::optional<cell_error> error;
  };
  std::vector<entry> slots = std::vector<entry>(256);
  entry not_text;  // the error of every cell of a column that is not an object column
  entry& slot(PyObject* o) {
    return slots[(reinterpret_cast<std::uintptr_t>(o) >> 4) & 255u];
  }
};

std::string tag_text(fairport::errc c) {
  const std::string t = fairport::code_tag(c);
  return t.substr(1, t.size() - 2);
}

/// The UTF-8 text of a str object (no copy; CPython caches it on the object).
std::optional<std::string_view> utf8_of(PyObject* o) {
  if (!PyUnicode_Check(o)) return std::nullopt;
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(o, &size);
  if (data == nullptr) throw py::error_already_set();
  return std::string_view(data, static_cast<std::size_t>(size));
}

/// None, a float NaN (pandas' missing marker in object columns) and pandas.NA are missing.
bool is_missing_object(PyObject* o) {
  if (o == Py_None) return true;
  if (PyFloat_Check(o)) return std::isnan(PyFloat_AS_DOUBLE(o));
  static PyObject* na = [] {
    try {
      return py::object(py::module_::import("pandas").attr("NA")).release().ptr();
    } catch (const py::error_already_set&) {
      return static_cast<PyObject*>(nullptr);
    }
  }();
  return na != nullptr && o == na;
}

/// One column of n cells.
struct column {
  std::string name;
  py::array array;  // kept alive while the pointers below are read
  char kind = 'O';  // NumPy dtype kind: O object, i/u integers, M datetime64, f float, b bool
  const char* base = nullptr;
  py::ssize_t stride = 0;
  std::int64_t datetime_unit_per_day = 0;  // for 'M': units of the array per day

  PyObject* object(std::size_t i) const {
    return *reinterpret_cast<PyObject* const*>(base + static_cast<py::ssize_t>(i) * stride);
  }
  template <class T>
  T scalar(std::size_t i) const {
    T v;
    std::memcpy(&v, base + static_cast<py::ssize_t>(i) * stride, sizeof v);
    return v;
  }
};

column column_of(const std::string& name, py::handle h, std::size_t n, bool allow_bool = false) {
  column c;
  c.name = name;
  c.array = py::array::ensure(h);
  if (!c.array || c.array.ndim() != 1) {
    throw py::type_error("column \"" + name + "\" must be a one-dimensional array or sequence");
  }
  if (static_cast<std::size_t>(c.array.shape(0)) != n) {
    fairport::detail::throw_error(fairport::errc::invalid_argument,
                                  "column \"" + name + "\" has " + std::to_string(c.array.shape(0)) +
                                      " rows, expected " + std::to_string(n));
  }
  c.kind = c.array.dtype().kind();
  const py::module_ np = py::module_::import("numpy");
  if ((c.kind == 'i' || c.kind == 'u') && c.array.itemsize() != 8) {
    c.array = py::array::ensure(np.attr("asarray")(c.array, "int64"));  // int8..int32, uint8..uint32
    c.kind = 'i';
  }
  c.base = static_cast<const char*>(c.array.data());
  c.stride = c.array.strides(0);
  if (c.kind == 'M') {
    const std::string unit = py::str(np.attr("datetime_data")(c.array.dtype())[py::int_(0)]);
    const std::map<std::string, std::int64_t> per_day = {
        {"D", 1}, {"h", 24}, {"m", 1440}, {"s", 86400}, {"ms", 86400000LL},
        {"us", 86400000000LL}, {"ns", 86400000000000LL}};
    const auto it = per_day.find(unit);
    if (it == per_day.end()) {
      throw py::type_error("column \"" + name + "\": datetime64[" + unit + "] is not a date unit");
    }
    c.datetime_unit_per_day = it->second;
  } else if (c.kind == 'f') {
    // A float column is accepted only when every cell is NaN: pandas' all-missing column. Its
    // values are never read.
    if (!np.attr("isnan")(c.array).attr("all")().cast<bool>()) {
      throw py::type_error("column \"" + name +
                           "\" holds floats: binary floating point cannot hold most money amounts "
                           "exactly; pass Decimal, str or int (read CSV files with dtype=str)");
    }
  } else if (c.kind != 'O' && c.kind != 'i' && c.kind != 'u' && !(allow_bool && c.kind == 'b')) {
    throw py::type_error("column \"" + name + "\" has an unsupported dtype " +
                         std::string(py::str(c.array.dtype())));
  }
  return c;
}

/// Reads a text-like cell (str) into T with `parse`, through the column's cache.
template <class T, class Parse>
const typename cell_cache<T>::entry& text_cell(const column& c, std::size_t i, cell_cache<T>& cache,
                                               Parse parse, const char* what) {
  if (c.kind != 'O') {
    if (!cache.not_text.error) {
      cache.not_text.error = cell_error{tag_text(fairport::errc::invalid_argument),
                                        "column \"" + c.name + "\" must hold " + what};
    }
    return cache.not_text;
  }
  PyObject* o = c.object(i);
  auto& e = cache.slot(o);
  if (e.key == o) return e;
  e = {};
  e.key = o;
  if (is_missing_object(o)) {
    e.missing = true;
    return e;
  }
  const auto text = utf8_of(o);
  if (!text) {
    e.error = cell_error{tag_text(fairport::errc::invalid_argument),
                         "column \"" + c.name + "\" must hold " + what + ", not " + Py_TYPE(o)->tp_name};
    return e;
  }
  try {
    e.value = parse(*text);
  } catch (const fairport::error& err) {
    e.error = cell_error{tag_text(err.code()), err.what()};
  }
  return e;
}

/// A decimal cell: Decimal, str, int or a missing marker; a float is a TypeError.
struct amount_reader {
  cell_cache<fairport::decimal> cache;
  PyObject* decimal_type = decimal_class().ptr();
  /// With a fixed scale (check_lines(..., fixed_scale=k)), an integer is the coefficient of an
  /// amount at that scale (18735 at scale 2 is 187.35) and nothing but integers is accepted.
  std::optional<int> fixed_scale;

  // Fills `out` (or `missing`), or returns the error.
  std::optional<cell_error> read(const column& c, std::size_t i, fairport::decimal& out, bool& missing) {
    missing = false;
    const int scale = fixed_scale.value_or(0);
    if (c.kind == 'i') {
      out = fairport::decimal::from_parts(static_cast<fairport::int128>(c.scalar<std::int64_t>(i)),
                                          scale);
      return std::nullopt;
    }
    if (c.kind == 'u') {
      out = fairport::decimal::from_parts(static_cast<fairport::int128>(c.scalar<std::uint64_t>(i)),
                                          scale);
      return std::nullopt;
    }
    if (c.kind == 'f') {  // all NaN, checked when the column was opened
      missing = true;
      return std::nullopt;
    }
    PyObject* o = c.object(i);
    auto& e = cache.slot(o);
    if (e.key != o) {
      e = {};
      e.key = o;
      convert(c, o, e);
    }
    missing = e.missing;
    if (e.value) out = *e.value;
    return e.error;
  }

 private:
  void convert(const column& c, PyObject* o, cell_cache<fairport::decimal>::entry& e) {
    if (is_missing_object(o)) {
      e.missing = true;
      return;
    }
    if (PyFloat_Check(o)) {
      throw py::type_error("column \"" + c.name +
                           "\" holds a float: binary floating point cannot hold most money amounts "
                           "exactly; pass Decimal, str or int (read CSV files with dtype=str)");
    }
    if (PyBool_Check(o)) throw py::type_error("column \"" + c.name + "\" holds a bool, not a number");
    if (fixed_scale && !PyLong_Check(o)) {
      throw py::type_error("column \"" + c.name + "\" holds a " + Py_TYPE(o)->tp_name +
                           ": with fixed_scale=" + std::to_string(*fixed_scale) +
                           " the amount columns are int64 coefficients (187.35 is 18735 at scale 2)");
    }
    try {
      if (fixed_scale) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow != 0) {
          fairport::detail::throw_error(fairport::errc::overflow,
                                        "the coefficient does not fit 64 bits");
        }
        e.value = fairport::decimal::from_parts(static_cast<fairport::int128>(v), *fixed_scale);
        return;
      }
      if (PyUnicode_Check(o)) {
        e.value = fairport::decimal::parse(*utf8_of(o));
      } else if (PyLong_Check(o)) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        e.value = overflow == 0 ? fairport::decimal(static_cast<std::int64_t>(v)) : to_decimal(o);
      } else if (Py_TYPE(o) == reinterpret_cast<PyTypeObject*>(decimal_type) ||
                 PyObject_IsInstance(o, decimal_type) == 1) {
        e.value = to_decimal(o);
      } else {
        throw py::type_error("column \"" + c.name + "\" holds a " + Py_TYPE(o)->tp_name +
                             "; expected Decimal, str or int");
      }
    } catch (const fairport::error& err) {
      e.error = cell_error{tag_text(err.code()), err.what()};
    }
  }
};

/// A date cell: str (ISO), datetime.date / datetime / pandas.Timestamp, or datetime64.
struct date_reader {
  cell_cache<date::year_month_day> cache;

  std::optional<cell_error> read(const column& c, std::size_t i, date::year_month_day& out) {
    if (c.kind == 'M') {
      const std::int64_t v = c.scalar<std::int64_t>(i);
      if (v == std::numeric_limits<std::int64_t>::min()) {  // NaT
        return cell_error{tag_text(fairport::errc::missing_input), "as_of is missing (NaT)"};
      }
      const std::int64_t per = c.datetime_unit_per_day;
      const std::int64_t days = v >= 0 ? v / per : -((-v + per - 1) / per);  // floor
      out = date::year_month_day{date::sys_days{date::days{days}}};
      return std::nullopt;
    }
    if (c.kind != 'O') {
      return cell_error{tag_text(fairport::errc::invalid_argument), "as_of must hold dates"};
    }
    PyObject* o = c.object(i);
    auto& e = cache.slot(o);
    if (e.key != o) {
      e = {};
      e.key = o;
      if (is_missing_object(o)) {
        e.error = cell_error{tag_text(fairport::errc::missing_input), "as_of is missing"};
      } else if (const auto text = utf8_of(o)) {
        try {
          e.value = fairport::parse_date(*text);
        } catch (const fairport::error& err) {
          e.error = cell_error{tag_text(err.code()), err.what()};
        }
      } else if (PyObject_HasAttrString(o, "year") && PyObject_HasAttrString(o, "month") &&
                 PyObject_HasAttrString(o, "day")) {
        const py::handle h(o);
        e.value = date::year_month_day{date::year{h.attr("year").cast<int>()},
                                       date::month{h.attr("month").cast<unsigned>()},
                                       date::day{h.attr("day").cast<unsigned>()}};
      } else {
        e.error = cell_error{tag_text(fairport::errc::invalid_argument),
                             std::string("as_of must hold dates, not ") + Py_TYPE(o)->tp_name};
      }
    }
    if (e.value) out = *e.value;
    return e.error;
  }
};

/// Caches decimal.Decimal results: zeros (a zero duty is common) are made once per scale.
struct decimal_maker {
  std::array<PyObject*, fairport::decimal::max_scale + 1> zeros{};
  ~decimal_maker() {
    for (PyObject* z : zeros) Py_XDECREF(z);
  }
  PyObject* make(const fairport::decimal& d) {
    if (d.is_zero()) {
      PyObject*& z = zeros[static_cast<std::size_t>(d.scale())];
      if (z == nullptr) z = from_decimal(d).release().ptr();
      Py_INCREF(z);
      return z;
    }
    return from_decimal(d).release().ptr();
  }
};

/// An object array of n cells, every cell set by the caller (it starts as None).
struct object_column {
  py::array array;
  PyObject** cells;
  explicit object_column(std::size_t n)
      : array(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)}),
        cells(static_cast<PyObject**>(array.mutable_data())) {}
  void set(std::size_t i, PyObject* new_reference) {
    PyObject* old = cells[i];
    cells[i] = new_reference;
    Py_XDECREF(old);
  }
  void set_borrowed(std::size_t i, PyObject* o) {
    Py_INCREF(o);
    set(i, o);
  }
};

/// An int64 column of coefficients at a fixed scale with its mask (true: no value, the row
/// failed), for pandas' nullable Int64.
struct fixed_column {
  py::array_t<std::int64_t> values;
  py::array_t<bool> mask;
  std::int64_t* v;
  bool* m;
  explicit fixed_column(std::size_t n)
      : values(static_cast<py::ssize_t>(n)), mask(static_cast<py::ssize_t>(n)),
        v(values.mutable_data()), m(mask.mutable_data()) {}
};

/// The coefficient of `d` at `scale`, exactly: a figure with more places than the scale, or one
/// beyond 64 bits, is the row's error rather than a rounded or wrapped number.
std::optional<cell_error> to_fixed(const fairport::decimal& d, int scale, std::int64_t& out) {
  fairport::int128 c = d.coefficient();
  int k = d.scale();
  const fairport::int128 limit = std::numeric_limits<std::int64_t>::max();
  for (; k < scale; ++k) {
    if (c > limit / 10 || c < -limit / 10) {
      return cell_error{tag_text(fairport::errc::overflow),
                        "the figure " + d.to_string() + " does not fit an int64 coefficient at "
                        "scale " + std::to_string(scale)};
    }
    c *= 10;
  }
  for (; k > scale; --k) {
    if (c % 10 != 0) {
      return cell_error{tag_text(fairport::errc::inexact),
                        "the figure " + d.to_string() + " has more places than fixed_scale=" +
                            std::to_string(scale)};
    }
    c /= 10;
  }
  if (c > limit || c < -limit - 1) {
    return cell_error{tag_text(fairport::errc::overflow),
                      "the figure " + d.to_string() + " does not fit an int64 coefficient"};
  }
  out = static_cast<std::int64_t>(c);
  return std::nullopt;
}

/// The landed cost of independent rows given as columns: the columns are read a chunk at a
/// time (with the GIL), the chunk goes through the one lines pipeline (without it), and the
/// results are written into object columns. The working memory stays small and warm whatever
/// the number of rows.
class lines_frame {
 public:
  static constexpr std::size_t chunk = 2048;

  lines_frame(const py::dict& cols, const fairport::reference_data& data,
              std::optional<int> fixed_scale)
      : n_(rows_of(cols)),
        fixed_scale_(fixed_scale),
        as_of_(*open(cols, "as_of")),
        dest_(*open(cols, "importer_country")),
        term_(*open(cols, "incoterm")),
        cur_(*open(cols, "currency")),
        hs_(*open(cols, "hs_code")),
        inv_(*open(cols, "invoice_value")),
        fr_(open(cols, "freight_to_border")),
        ins_(open(cols, "insurance")),
        after_(open(cols, "freight_after_border")),
        mass_(open(cols, "net_mass_kg")),
        qty_(open(cols, "quantity")),
        exporter_(open(cols, "exporter_country")),
        proof_(cols.contains("origin_proof")
                   ? std::optional<column>(column_of("origin_proof", cols["origin_proof"], n_, true))
                   : std::nullopt),
        vat_category_(open(cols, "vat_category")),
        declared_(open(cols, "declaration_currency")),
        rows_(std::min(n_, chunk)),
        out_(rows_.size()),
        pre_(rows_.size()),
        exporters_(exporter_ ? rows_.size() : 0),
        vat_categories_(vat_category_ ? rows_.size() : 0),
        proofs_(std::make_unique<bool[]>(rows_.size())),
        regimes_(rows_.size()),
        checker_(data),
        cv_(fixed_scale ? 0 : n_), duty_(fixed_scale ? 0 : n_), third_(fixed_scale ? 0 : n_),
        vat_(fixed_scale ? 0 : n_), landed_(fixed_scale ? 0 : n_), currency_(n_), regime_(n_),
        codes_(n_),
        messages_(n_) {
    if (fixed_scale) {
      for (auto* r : {&inv_r_, &fr_r_, &ins_r_, &after_r_}) r->fixed_scale = fixed_scale;
      for (std::size_t k = 0; k < 5; ++k) fixed_.emplace_back(n_);
    }
  }

  py::dict run(const std::vector<fairport::fx_rate>& exchange_rates) {
    for (std::size_t start = 0; start < n_; start += chunk) {
      const std::size_t m = std::min(chunk, n_ - start);
      // A float amount raises TypeError for the whole call.
      for (std::size_t j = 0; j < m; ++j) read_row(start + j, j);
      {
        py::gil_scoped_release release;
        // Rows that could not be read are marked and skipped by the pipeline.
        for (std::size_t j = 0; j < m; ++j) {
          out_[j].code = pre_[j] ? -1 : 0;
          out_[j].message.clear();
        }
        checker_.check(rows_.data(), exporter_ ? exporters_.data() : nullptr, proofs_.get(), m,
                       out_.data(), regimes_.data(), exchange_rates);
      }
      for (std::size_t j = 0; j < m; ++j) write_row(start + j, j);
    }
    // The columns of the one lines pipeline, in its order (fairport::line_result_columns()).
    const object_column* arrays[] = {&cv_,       &duty_,   &third_,  &vat_,     &landed_,
                                     &currency_, &regime_, &codes_, &messages_};
    py::dict d;
    for (std::size_t k = 0; k < fairport::line_result_columns().size(); ++k) {
      const py::str name(std::string(fairport::line_result_columns()[k]));
      if (fixed_scale_ && k < fixed_.size()) {
        d[name] = py::make_tuple(fixed_[k].values, fixed_[k].mask);
      } else {
        d[name] = arrays[k]->array;
      }
    }
    return d;
  }

 private:
  static std::size_t rows_of(const py::dict& cols) {
    const char* required[] = {"as_of",    "importer_country", "incoterm",
                              "currency", "hs_code",          "invoice_value"};
    for (const char* k : required) {
      if (!cols.contains(k)) {
        fairport::detail::throw_error(fairport::errc::missing_input,
                                      std::string("column \"") + k + "\" is required");
      }
    }
    return static_cast<std::size_t>(py::len(cols["as_of"]));
  }
  std::optional<column> open(const py::dict& cols, const char* k) const {
    if (!cols.contains(k)) return std::nullopt;
    return column_of(k, cols[k], n_);
  }

  /// Marks row j as unreadable. No row number: the error sits in the row's own cell (under Dask
  /// a position would count from the start of the partition).
  bool fail(std::size_t j, const std::optional<cell_error>& e, const char* field) {
    if (!e) return false;
    pre_[j] = cell_error{e->code, std::string(field) + ": " + e->message};
    return true;
  }
  template <class T, class Parse>
  bool text(std::size_t i, std::size_t j, const column& c, cell_cache<T>& cache, Parse parse,
            T& into, const char* what) {
    const auto& e = text_cell(c, i, cache, parse, what);
    if (e.error) return fail(j, e.error, c.name.c_str());
    if (e.missing) {
      return fail(j, cell_error{tag_text(fairport::errc::missing_input), "is missing"},
                  c.name.c_str());
    }
    into = *e.value;
    return false;
  }
  template <class T>
  bool amount(std::size_t i, std::size_t j, const std::optional<column>& c, amount_reader& reader,
              T& into, bool required_cell) {
    if (!c) return false;
    fairport::decimal v;
    bool missing = false;
    if (fail(j, reader.read(*c, i, v, missing), c->name.c_str())) return true;
    if (missing) {
      if (!required_cell) return false;
      return fail(j, cell_error{tag_text(fairport::errc::missing_input), "is missing"},
                  c->name.c_str());
    }
    into = v;
    return false;
  }

  /// Reads row i of the frame into slot j of the chunk.
  void read_row(std::size_t i, std::size_t j) {
    const auto country = [](std::string_view s) { return fairport::country_code::parse(s); };
    const auto incoterm = [](std::string_view s) { return fairport::parse_incoterm(s); };
    const auto currency = [](std::string_view s) { return fairport::currency_code::parse(s); };
    const auto tariff = [](std::string_view s) { return fairport::tariff_code::parse(s); };
    auto& r = rows_[j];
    r.net_mass_kg.reset();
    r.quantity.reset();
    r.freight_to_border = r.insurance = r.freight_after_border = fairport::decimal();
    r.preferential = nullptr;
    pre_[j].reset();
    regimes_[j] = fairport::preference_regime::none;
    if (fail(j, dates_.read(as_of_, i, r.as_of), "as_of")) return;
    if (text(i, j, dest_, dest_cache_, country, r.destination, "country codes")) return;
    if (text(i, j, term_, term_cache_, incoterm, r.terms, "Incoterms")) return;
    if (text(i, j, cur_, cur_cache_, currency, r.currency, "currency codes")) return;
    if (text(i, j, hs_, hs_cache_, tariff, r.cn, "tariff codes")) return;
    if (amount(i, j, inv_, inv_r_, r.invoice_value, true)) return;
    if (amount(i, j, fr_, fr_r_, r.freight_to_border, false)) return;
    if (amount(i, j, ins_, ins_r_, r.insurance, false)) return;
    if (amount(i, j, after_, after_r_, r.freight_after_border, false)) return;
    if (amount(i, j, mass_, mass_r_, r.net_mass_kg, false)) return;
    if (amount(i, j, qty_, qty_r_, r.quantity, false)) return;
    if (exporter_) {
      // An empty exporter cell claims no preference (as an empty CSV field does).
      exporters_[j].reset();
      const auto& e = text_cell(*exporter_, i, exporter_cache_, country, "country codes");
      if (fail(j, e.error, exporter_->name.c_str())) return;
      if (!e.missing) exporters_[j] = *e.value;
    }
    proofs_[j] = false;
    if (proof_ && fail(j, proof_cell(*proof_, i, proofs_[j]), "origin_proof")) return;
    r.declaration_currency.reset();
    if (declared_) {
      // An empty cell: the euro-area default (declaration_currency_of).
      const auto& e = text_cell(*declared_, i, declared_cache_, currency, "currency codes");
      if (fail(j, e.error, "declaration_currency")) return;
      if (!e.missing) r.declaration_currency = *e.value;
    }
    r.vat_category = {};
    if (vat_category_) {
      // An empty cell declares no category: the goods' rate (select_vat_rate).
      const auto text = [](std::string_view s) { return std::string(s); };
      const auto& e = text_cell(*vat_category_, i, vat_cache_, text, "VAT categories");
      if (fail(j, e.error, "vat_category")) return;
      vat_categories_[j] = e.missing ? std::string() : *e.value;
      r.vat_category = vat_categories_[j];
    }
  }

  /// An origin_proof cell: a NumPy bool, a Python bool, "true" / "false" / "", or missing (no
  /// proof); fairport::parse_origin_proof says what text means.
  static std::optional<cell_error> proof_cell(const column& c, std::size_t i, bool& into) {
    if (c.kind == 'b') {
      into = c.scalar<bool>(i);
      return std::nullopt;
    }
    if (c.kind != 'O') {
      return cell_error{tag_text(fairport::errc::invalid_argument), "must hold booleans"};
    }
    PyObject* o = c.object(i);
    if (o == Py_True || o == Py_False) {
      into = o == Py_True;
      return std::nullopt;
    }
    if (is_missing_object(o)) return std::nullopt;
    const auto text = utf8_of(o);
    if (!text) {
      return cell_error{tag_text(fairport::errc::invalid_argument),
                        std::string("must hold booleans, not ") + Py_TYPE(o)->tp_name};
    }
    try {
      into = fairport::parse_origin_proof(*text);
    } catch (const fairport::error& err) {
      return cell_error{tag_text(err.code()), err.what()};
    }
    return std::nullopt;
  }

  /// The regime's name, made once per call.
  PyObject* regime_name(fairport::preference_regime reg) {
    auto rn = regime_names_.find(reg);
    if (rn == regime_names_.end()) {
      rn = regime_names_.emplace(reg, py::str(std::string(fairport::to_string(reg)))).first;
    }
    return rn->second.ptr();
  }

  /// The currency of a computed row (one Python string per currency and call).
  void write_currency(std::size_t i, std::size_t j) {
    auto cn = currency_names_.find(out_[j].currency.to_string());
    if (cn == currency_names_.end()) {
      const std::string c = out_[j].currency.to_string();
      cn = currency_names_.emplace(c, py::str(c)).first;
    }
    currency_.set_borrowed(i, cn->second.ptr());
  }

  /// The figures of computed row j as Decimal objects into row i. Returns true (written).
  bool write_decimals(std::size_t i, std::size_t j) {
    cv_.set(i, decimals_.make(out_[j].customs_value));
    duty_.set(i, decimals_.make(out_[j].duty));
    third_.set(i, decimals_.make(out_[j].third_country_duty));
    vat_.set(i, decimals_.make(out_[j].vat));
    landed_.set(i, decimals_.make(out_[j].landed_cost));
    write_currency(i, j);
    return true;
  }

  /// The figures of row j as int64 coefficients at the fixed scale into row i; a failed row is
  /// masked (false: its error is still to be written). A figure that does not fit the scale
  /// exactly fails the row here, with its own code (true: written).
  bool write_fixed(std::size_t i, std::size_t j, bool failed) {
    for (auto& f : fixed_) {
      f.v[i] = 0;
      f.m[i] = true;
    }
    if (failed) return false;
    const fairport::decimal* figures[] = {&out_[j].customs_value, &out_[j].duty,
                                          &out_[j].third_country_duty, &out_[j].vat,
                                          &out_[j].landed_cost};
    std::int64_t values[5];
    for (std::size_t k = 0; k < 5; ++k) {
      if (auto e = to_fixed(*figures[k], *fixed_scale_, values[k])) {
        regime_.set_borrowed(i, regime_name(fairport::preference_regime::none));
        codes_.set(i, py::str(e->code).release().ptr());
        messages_.set(
            i, py::str("[" + e->code + "] " + std::string(fairport::line_result_columns()[k]) +
                       ": " + e->message)
                   .release()
                   .ptr());
        return true;
      }
    }
    for (std::size_t k = 0; k < 5; ++k) {
      fixed_[k].v[i] = values[k];
      fixed_[k].m[i] = false;
    }
    write_currency(i, j);
    return true;
  }

  /// Writes the result of slot j of the chunk into row i of the result columns.
  void write_row(std::size_t i, std::size_t j) {
    const bool failed = out_[j].code != 0;
    const auto reg = failed ? fairport::preference_regime::none : regimes_[j];
    regime_.set_borrowed(i, regime_name(reg));
    if (fixed_scale_ ? write_fixed(i, j, failed) : (!failed && write_decimals(i, j))) return;
    if (pre_[j]) {
      codes_.set(i, py::str(pre_[j]->code).release().ptr());
      messages_.set(i, py::str(pre_[j]->message).release().ptr());
      return;
    }
    auto cn = code_names_.find(out_[j].code);
    if (cn == code_names_.end()) {
      cn = code_names_
               .emplace(out_[j].code, py::str(tag_text(static_cast<fairport::errc>(out_[j].code))))
               .first;
    }
    codes_.set_borrowed(i, cn->second.ptr());
    messages_.set(i, py::str(out_[j].message).release().ptr());
  }

  std::size_t n_;
  std::optional<int> fixed_scale_;
  std::vector<fixed_column> fixed_;  // customs_value .. landed_cost, with fixed_scale
  column as_of_, dest_, term_, cur_, hs_, inv_;
  std::optional<column> fr_, ins_, after_, mass_, qty_, exporter_, proof_, vat_category_,
      declared_;
  std::vector<fairport::landed_cost_row> rows_;
  std::vector<fairport::landed_cost_row_result> out_;
  std::vector<std::optional<cell_error>> pre_;
  std::vector<std::optional<fairport::country_code>> exporters_;
  std::vector<std::string> vat_categories_;  // the chunk's declared categories (rows view them)
  std::unique_ptr<bool[]> proofs_;  // origin_proof per row of the chunk
  std::vector<fairport::preference_regime> regimes_;
  date_reader dates_;
  cell_cache<fairport::country_code> dest_cache_, exporter_cache_;
  cell_cache<fairport::incoterm> term_cache_;
  cell_cache<fairport::currency_code> cur_cache_, declared_cache_;
  cell_cache<fairport::tariff_code> hs_cache_;
  cell_cache<std::string> vat_cache_;
  amount_reader inv_r_, fr_r_, ins_r_, after_r_, mass_r_, qty_r_;
  fairport::lines_checker checker_;  // the one lines pipeline, as for fairport check --lines
  object_column cv_, duty_, third_, vat_, landed_, currency_, regime_, codes_, messages_;
  decimal_maker decimals_;
  std::map<fairport::preference_regime, py::str> regime_names_;
  std::map<int, py::str> code_names_;
  std::map<std::string, py::str> currency_names_;
};

py::dict landed_cost_arrays(const py::dict& cols, const fairport::reference_data& data,
                            const std::vector<fairport::fx_rate>& exchange_rates,
                            std::optional<int> fixed_scale) {
  if (fixed_scale && (*fixed_scale < 0 || *fixed_scale > 18)) {
    fairport::detail::throw_error(fairport::errc::invalid_argument,
                                  "fixed_scale must be 0 to 18, got " +
                                      std::to_string(*fixed_scale));
  }
  return lines_frame(cols, data, fixed_scale).run(exchange_rates);
}

}  // namespace

void bind_check(py::module_& m) {
  py::class_<checked_report>(m, "_CheckedReport",
                             "A checked consignment, rendered only when asked.")
      .def("json", [](const checked_report& r) {
        return render(r, [](const fairport::report& x) { return fairport::to_json(x); });
      })
      .def("text", [](const checked_report& r) {
        return render(r, [](const fairport::report& x) { return fairport::to_text(x, true); });
      })
      .def("html", [](const checked_report& r) {
        return render(r, [](const fairport::report& x) { return fairport::to_html(x); });
      })
      .def_property_readonly("exit_status",
                             [](const checked_report& r) { return r.value.exit_status(); })
      .def_property_readonly("consignment_id",
                             [](const checked_report& r) { return r.value.consignment_id; })
      .def_property_readonly("as_of",
                             [](const checked_report& r) { return fairport::format_date(r.value.as_of); })
      .def_property_readonly("line_count",
                             [](const checked_report& r) { return r.value.lines.size(); })
      .def_property_readonly("error_count",
                             [](const checked_report& r) { return r.value.errors.size(); });
  py::class_<fairport::consignment_checker>(
      m, "_Checker", "The consignment check prepared for one ReferenceData (engines built once).")
      .def(py::init<const fairport::reference_data&>(), py::arg("data"))
      .def("check_json", &check_json, py::arg("text"), py::arg("name"),
           "Checks a fairport.consignment/1 JSON text.");
  m.def("_landed_cost_arrays", &landed_cost_arrays, py::arg("columns"), py::arg("data"),
        py::arg("exchange_rates"), py::arg("fixed_scale") = py::none(),
        "Landed cost of independent rows given as equal-length NumPy arrays; returns object "
        "arrays.");
  m.def(
      "_read_rates",
      [](const std::string& text, const std::string& name) {
        std::istringstream in(text);
        return fairport::read_rates_csv(in, name);
      },
      py::arg("text"), py::arg("name"),
      "The dated exchange rates of a rates CSV text (base,quote,rate,date[,basis][,source]).");
  m.def("_refuse_misspelt_columns", &fairport::refuse_misspelt_columns, py::arg("names"),
        "Raises InputError for a column within two edits of a lines-form column it is not.");
  m.def("_direct_decimal", &direct_decimal_enabled,
        "Whether Decimal objects are read and made directly (the layout check passed).");
  m.def("example_names", &fairport::example_names,
        "The example consignments shipped with fairport.");
  m.def(
      "example_consignment",
      [](const std::string& name) { return std::string(fairport::example_consignment(name)); },
      py::arg("name"), "The JSON text of one example consignment.");
}

}  // namespace fairport_py
