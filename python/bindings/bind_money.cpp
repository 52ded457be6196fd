// Money, allocation and exchange rates.
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <vector>

#include "casters.hpp"
#include "fairport/money.hpp"
#include "fairport/rate.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {
fairport::currency_code ccy(const std::string& s) { return fairport::currency_code::parse(s); }
}  // namespace

namespace {

/// Money: an exact amount in one currency.
void bind_money_type(py::module_& m) {
  using fairport::decimal;
  using fairport::money;
  using fairport::rounding_mode;
  py::class_<money>(m, "Money", R"pbdoc(
An exact amount in one ISO 4217 currency.

Amounts add and subtract exactly in one currency; combining two currencies raises
fairport.errors.CurrencyMismatchError [fairport.arithmetic.203]. Multiplying by a Decimal, str or
int is exact; nothing rounds except round().

Parameters
----------
amount : decimal.Decimal or str or int
    The amount. A float raises TypeError.
currency : str
    ISO 4217 alpha-3 code; [fairport.input.102] otherwise.

Attributes
----------
amount : decimal.Decimal
    The amount.
currency : str
    The ISO 4217 code.
)pbdoc")
      .def(py::init([](py::handle amount, const std::string& currency) {
             return money(to_decimal(amount), ccy(currency));
           }),
           py::arg("amount"), py::arg("currency"), R"pbdoc(
Make an exact amount in one currency.

Parameters
----------
amount : decimal.Decimal or str or int
    The amount. A float raises TypeError.
currency : str
    ISO 4217 alpha-3 code; [fairport.input.102] otherwise.
)pbdoc")
      .def_property_readonly(
          "amount", [](const money& x) { return x.amount(); }, "The amount as decimal.Decimal.")
      .def_property_readonly(
          "currency", [](const money& x) { return x.currency().to_string(); }, "The ISO 4217 code.")
      .def("round", &money::round, py::arg("scale"), py::arg("mode"), R"pbdoc(
Round to `scale` places with a named mode.

Parameters
----------
scale : int
    The number of decimal places, 0 to 38.
mode : RoundingMode
    How to round.

Returns
-------
Money
    The rounded amount, in the same currency.
)pbdoc")
      .def(py::self + py::self)
      .def(py::self - py::self)
      .def(-py::self)
      .def(
          "__mul__", [](const money& a, py::handle d) { return a * to_decimal(d); },
          py::is_operator())
      .def(
          "__rmul__", [](const money& a, py::handle d) { return a * to_decimal(d); },
          py::is_operator())
      .def(
          "__eq__",
          [](const money& a, py::object b) {
            return py::isinstance<money>(b) && a == b.cast<money>();
          },
          py::is_operator())
      .def(
          "__lt__", [](const money& a, const money& b) { return a < b; }, py::is_operator())
      .def("__hash__",
           [](const money& a) {
             return py::hash(
                 py::make_tuple(from_decimal(a.amount().normalized()), a.currency().to_string()));
           })
      .def("__str__", &money::to_string)
      .def("__repr__", [](const money& a) {
        return "Money('" + a.amount().to_string() + "', '" + a.currency().to_string() + "')";
      });
}

/// Largest-remainder allocation of an amount.
void bind_allocate(py::module_& m) {
  using fairport::decimal;
  using fairport::money;
  using fairport::rounding_mode;
  m.def(
      "allocate",
      [](const money& total, const py::sequence& weights, int scale) {
        std::vector<decimal> w;
        w.reserve(weights.size());
        for (auto h : weights) w.push_back(to_decimal(h));
        return fairport::allocate(total, w, scale);
      },
      py::arg("total"), py::arg("weights"), py::kw_only(), py::arg("scale"), R"pbdoc(
Split `total` over `weights` by largest remainder: the shares add up to the total exactly.

Parameters
----------
total : Money
    The amount to split; it must have at most `scale` places.
weights : sequence of decimal.Decimal or str or int
    One non-negative weight per share, not all zero. A float raises TypeError.
scale : int
    The number of decimal places of the shares.

Returns
-------
list of Money
    One share per weight, in order, in the currency of `total`.

Raises
------
TypeError
    If a weight is a float.
fairport.errors.InputError
    [fairport.input.106] for a negative weight, all-zero weights or no weights.
fairport.errors.FairportArithmeticError
    [fairport.arithmetic.205] if `total` has more than `scale` places.

Examples
--------
>>> [str(s) for s in fairport.allocate(fairport.Money("100.00", "EUR"), [1, 1, 1], scale=2)]
['33.34 EUR', '33.33 EUR', '33.33 EUR']
)pbdoc");
}

/// FxRate: a dated, directed exchange rate.
/// The class fairport::fx_rate with its constructor and first members.
py::class_<fairport::fx_rate> fx_rate_class(py::module_& m) {
  using fairport::decimal;
  using fairport::money;
  using fairport::rounding_mode;
  return py::class_<fairport::fx_rate>(m, "FxRate", R"pbdoc(
A directed exchange rate: 1 base = rate quote, effective on a date.

A missing rate is an error, never a guess: fairport does not invert or cross rates by itself.

Parameters
----------
base : str
    The ISO 4217 code of the base currency.
quote : str
    The ISO 4217 code of the quote currency, not the base.
rate : decimal.Decimal or str or int
    Units of quote per 1 base, above zero. A float raises TypeError.
date : datetime.date or str
    The date the rate is effective, as a date or an ISO string: for basis "month" the first day
    of the month it applies to.
source : str, default ""
    Where the rate comes from, kept with it for the record.
basis : str, default "month"
    "month": the customs rate of the month of ``date`` (Implementing Regulation (EU) 2015/2447,
    Art. 146); "fixing": a rate published on ``date`` (an ECB fixing), which serves customs
    valuation in the month after when it is the rate of the penultimate Wednesday.

Attributes
----------
base : str
    Base currency.
quote : str
    Quote currency.
rate : decimal.Decimal
    Units of quote per 1 base.
date : datetime.date
    Effective date.
basis : str
    "month" or "fixing".
)pbdoc")
      .def(py::init([](const std::string& base, const std::string& quote, py::handle rate,
                       const date::year_month_day& date, const std::string& source,
                       const std::string& basis) {
             const auto parsed = fairport::try_parse_rate_basis(basis);
             if (!parsed) {
               fairport::detail::throw_error(fairport::errc::invalid_argument,
                                             "basis must be \"month\" or \"fixing\", got \"" +
                                                 basis + "\"");
             }
             return fairport::fx_rate(ccy(base), ccy(quote), to_decimal(rate), date, source,
                                      *parsed);
           }),
           py::arg("base"), py::arg("quote"), py::arg("rate"), py::arg("date"),
           py::arg("source") = "", py::arg("basis") = "month",
           "Make a directed exchange rate (see FxRate).")
      .def_property_readonly(
          "basis", [](const fairport::fx_rate& r) { return std::string(to_string(r.basis())); },
          "\"month\" or \"fixing\".")
      .def_property_readonly(
          "base", [](const fairport::fx_rate& r) { return r.base().to_string(); }, "Base currency.")
      .def_property_readonly(
          "quote", [](const fairport::fx_rate& r) { return r.quote().to_string(); },
          "Quote currency.")
      .def_property_readonly(
          "rate", [](const fairport::fx_rate& r) { return r.rate(); },
          "The number of units of quote per 1 base.")
      .def_property_readonly(
          "date", [](const fairport::fx_rate& r) { return r.date(); }, "Effective date.")
      .def_property_readonly(
          "source", [](const fairport::fx_rate& r) { return r.source(); },
          "Where the rate comes from (publication, bank, contract).");
}

void bind_fx_rate(py::module_& m) {
  using fairport::decimal;
  using fairport::money;
  using fairport::rounding_mode;
  auto cls = fx_rate_class(m);
  cls.def("convert", &fairport::fx_rate::convert, py::arg("amount"), py::arg("scale"),
          py::arg("mode"), R"pbdoc(
Convert an amount from base to quote, rounded once.

Parameters
----------
amount : Money
    The amount, in the base currency.
scale : int
    The number of decimal places of the result.
mode : RoundingMode
    How to round the exact product amount x rate.

Returns
-------
Money
    The amount in the quote currency.

Raises
------
fairport.errors.CurrencyMismatchError
    [fairport.arithmetic.203] if `amount` is not in the base currency.
)pbdoc")
      .def("convert_to_base", &fairport::fx_rate::convert_to_base, py::arg("amount"),
           py::arg("scale"), py::arg("mode"), R"pbdoc(
Convert an amount from quote to base (amount / rate), rounded once.

This is how an invoice in the quote currency is converted without first rounding 1 / rate.

Parameters
----------
amount : Money
    The amount, in the quote currency.
scale : int
    The number of decimal places of the result.
mode : RoundingMode
    How to round the exact quotient.

Returns
-------
Money
    The amount in the base currency.

Raises
------
fairport.errors.CurrencyMismatchError
    [fairport.arithmetic.203] if `amount` is not in the quote currency.
)pbdoc")
      .def("inverse", &fairport::fx_rate::inverse, py::arg("scale"), py::arg("mode"), R"pbdoc(
Return the reverse rate, 1 / rate rounded once.

Parameters
----------
scale : int
    The number of decimal places of the reverse rate.
mode : RoundingMode
    How to round.

Returns
-------
FxRate
    The rate from quote to base, on the same date.
)pbdoc")
      .def("__repr__", &fairport::fx_rate::to_string);
}

}  // namespace

void bind_money(py::module_& m) {
  bind_money_type(m);
  bind_allocate(m);
  bind_fx_rate(m);
}

}  // namespace fairport_py
