// The consignment check and the landed-cost columns for Python. Documents cross as JSON text
// (exact strings, no floats); the computation runs without the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "fairport/check.hpp"
#include "fairport/gsp/preference.hpp"
#include "fairport/io/json.hpp"
#include "fairport/io/report_format.hpp"
#include "fairport/landed_cost/landed_cost.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {

/// Checks a consignment given as JSON text; returns (report JSON, text, html, exit status).
py::tuple check_json(const std::string& text, const std::string& name,
                     const fairport::reference_data& data) {
  std::string json, txt, html;
  int status = 0;
  {
    py::gil_scoped_release release;
    auto parsed = fairport::read_consignment(text, name);
    fairport::report r = fairport::check_consignment(parsed.value, data);
    r.errors.insert(r.errors.begin(), parsed.errors.begin(), parsed.errors.end());
    json = fairport::to_json(r);
    txt = fairport::to_text(r, true);
    html = fairport::to_html(r);
    status = r.exit_status();
  }
  return py::make_tuple(json, txt, html, status);
}

std::string tag_of(const fairport::error& e) {
  const std::string t = fairport::code_tag(e.code());
  return t.substr(1, t.size() - 2);
}

template <class T>
T parse_code(py::handle h) {
  if (!py::isinstance<py::str>(h)) {
    fairport::detail::throw_error(fairport::errc::invalid_argument, "expected a string");
  }
  return T::parse(h.cast<std::string>());
}

/// The landed cost of independent rows given as columns (sequences of equal length).
py::dict landed_cost_columns(const py::dict& cols, const fairport::reference_data& data) {
  const char* required[] = {"as_of",    "importer_country", "incoterm",
                            "currency", "hs_code",          "invoice_value"};
  for (const char* k : required) {
    if (!cols.contains(k)) {
      fairport::detail::throw_error(fairport::errc::missing_input,
                                    std::string("column \"") + k + "\" is required");
    }
  }
  const py::sequence as_of = cols["as_of"];
  const std::size_t n = as_of.size();
  auto column = [&](const char* k) -> std::optional<py::sequence> {
    if (!cols.contains(k)) return std::nullopt;
    py::sequence s = cols[k];
    if (s.size() != n) {
      fairport::detail::throw_error(fairport::errc::invalid_argument,
                                    std::string("column \"") + k + "\" has " +
                                        std::to_string(s.size()) + " rows, expected " +
                                        std::to_string(n));
    }
    return s;
  };
  const auto dest = column("importer_country");
  const auto term = column("incoterm");
  const auto cur = column("currency");
  const auto hs = column("hs_code");
  const auto inv = column("invoice_value");
  const auto fr = column("freight_to_border");
  const auto ins = column("insurance");
  const auto after = column("freight_after_border");
  const auto mass = column("net_mass_kg");
  const auto qty = column("quantity");
  const auto exporter = column("exporter_country");
  std::vector<fairport::country_code> exporters(exporter ? n : 0);

  std::vector<fairport::landed_cost_row> rows(n);
  std::vector<fairport::landed_cost_row_result> out(n);
  std::vector<std::string> pre_code(n), pre_msg(n);
  auto optional_decimal = [](py::handle h) -> std::optional<fairport::decimal> {
    if (h.is_none()) return std::nullopt;
    return to_decimal(h);
  };
  // Conversion holds the GIL; a float anywhere raises TypeError for the whole call.
  for (std::size_t i = 0; i < n; ++i) {
    auto& r = rows[i];
    try {
      r.as_of = fairport::parse_date(py::str(as_of[i]).cast<std::string>());
      r.destination = parse_code<fairport::country_code>((*dest)[i]);
      r.terms = fairport::parse_incoterm(py::str((*term)[i]).cast<std::string>());
      r.currency = parse_code<fairport::currency_code>((*cur)[i]);
      r.cn = fairport::tariff_code::parse(py::str((*hs)[i]).cast<std::string>());
      r.invoice_value = to_decimal((*inv)[i]);
      if (fr) r.freight_to_border = optional_decimal((*fr)[i]).value_or(fairport::decimal());
      if (ins) r.insurance = optional_decimal((*ins)[i]).value_or(fairport::decimal());
      if (after)
        r.freight_after_border = optional_decimal((*after)[i]).value_or(fairport::decimal());
      if (mass) r.net_mass_kg = optional_decimal((*mass)[i]);
      if (qty) r.quantity = optional_decimal((*qty)[i]);
      if (exporter) exporters[i] = parse_code<fairport::country_code>((*exporter)[i]);
    } catch (const fairport::error& e) {
      pre_code[i] = tag_of(e);
      pre_msg[i] = std::string(e.what()) + " (row " + std::to_string(i) + ")";
    }
  }
  // The GSP preference of each row (origin unchecked: the preference is conditional on it).
  std::vector<fairport::preference_regime> regimes(n, fairport::preference_regime::none);
  {
    py::gil_scoped_release release;
    if (exporter) {
      const fairport::gsp_preference_engine gsp(data);
      for (std::size_t i = 0; i < n; ++i) {
        if (!pre_code[i].empty()) continue;
        try {
          const fairport::preference_query q(exporters[i], rows[i].cn, rows[i].destination,
                                             rows[i].as_of);
          const auto o = gsp.evaluate(q);
          if (o.eligible() && o.preferential != nullptr) {
            rows[i].preferential = o.preferential;
            regimes[i] = o.applied;
          }
        } catch (const fairport::error& e) {
          pre_code[i] = tag_of(e);
          pre_msg[i] = std::string(e.what()) + " (row " + std::to_string(i) + ")";
        }
      }
    }
    // Rows that failed conversion are skipped; the others run in one batch call per run.
    std::size_t i = 0;
    while (i < n) {
      if (!pre_code[i].empty()) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n && pre_code[j].empty()) ++j;
      fairport::landed_cost_batch(rows.data() + i, j - i, data, out.data() + i);
      i = j;
    }
  }
  py::list cv, duty, third, vat, landed, codes, messages, regime;
  for (std::size_t i = 0; i < n; ++i) {
    const bool failed = !pre_code[i].empty() || out[i].code != 0;
    regime.append(
        std::string(fairport::to_string(failed ? fairport::preference_regime::none : regimes[i])));
    if (failed) {
      for (auto* l : {&cv, &duty, &third, &vat, &landed}) l->append(py::none());
      if (!pre_code[i].empty()) {
        codes.append(pre_code[i]);
        messages.append(pre_msg[i]);
      } else {
        const std::string t = fairport::code_tag(static_cast<fairport::errc>(out[i].code));
        codes.append(t.substr(1, t.size() - 2));
        messages.append(out[i].message);
      }
    } else {
      cv.append(from_decimal(out[i].customs_value));
      duty.append(from_decimal(out[i].duty));
      third.append(from_decimal(out[i].third_country_duty));
      vat.append(from_decimal(out[i].vat));
      landed.append(from_decimal(out[i].landed_cost));
      codes.append(py::none());
      messages.append(py::none());
    }
  }
  py::dict d;
  d["customs_value"] = cv;
  d["duty"] = duty;
  d["third_country_duty"] = third;
  d["vat"] = vat;
  d["landed_cost"] = landed;
  d["regime"] = regime;
  d["error_code"] = codes;
  d["error_message"] = messages;
  return d;
}

}  // namespace

void bind_check(py::module_& m) {
  m.def("_check_consignment_json", &check_json, py::arg("text"), py::arg("name"), py::arg("data"),
        "Checks a fairport.consignment/1 JSON text; returns (report_json, text, html, status).");
  m.def("_landed_cost_columns", &landed_cost_columns, py::arg("columns"), py::arg("data"),
        "Landed cost of independent rows given as equal-length columns.");
  m.def("example_names", &fairport::example_names,
        "The example consignments shipped with fairport.");
  m.def(
      "example_consignment",
      [](const std::string& name) { return std::string(fairport::example_consignment(name)); },
      py::arg("name"), "The JSON text of one example consignment.");
}

}  // namespace fairport_py
