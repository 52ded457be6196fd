// The engines one by one for Python: GSP preference, origin, fair prices. Results are dicts of
// plain values (Decimal amounts, str codes, lists of findings); the computation runs without
// the GIL.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "casters.hpp"
#include "fairport/gsp/preference.hpp"
#include "fairport/origin/assess.hpp"
#include "fairport/pricing/fair_price.hpp"

namespace py = pybind11;

namespace fairport_py {

namespace {

using fairport::decimal;
using fairport::money;

py::list findings_list(const std::vector<fairport::finding>& fs) {
  py::list out;
  for (const auto& f : fs) {
    py::dict d;
    d["code"] = f.code;
    d["severity"] = std::string(fairport::to_string(f.level));
    d["message"] = f.message;
    d["reference"] = f.reference;
    out.append(d);
  }
  return out;
}

py::object money_dict(const money& m) {
  py::dict d;
  d["amount"] = from_decimal(m.amount());
  d["currency"] = m.currency().to_string();
  return std::move(d);
}

template <class T>
py::object opt_money(const std::optional<T>& m) {
  return m ? money_dict(*m) : py::object(py::none());
}

py::object opt_decimal(const std::optional<decimal>& d) {
  return d ? from_decimal(*d) : py::object(py::none());
}

money to_money(py::handle amount, const std::string& currency) {
  return money(to_decimal(amount), fairport::currency_code::parse(currency));
}

/// The GSP and origin engines prepared once for one ReferenceData (the Python layer keeps one
/// per ReferenceData object), so a call does not index the data again.
struct prepared_engines {
  explicit prepared_engines(const fairport::reference_data& d)
      : gsp(d), origin(fairport::origin_scheme::eu_gsp, d) {}
  fairport::gsp_preference_engine gsp;
  fairport::origin_assessor origin;
};

// ---- GSP --------------------------------------------------------------------------------------

py::dict decide_preference(const std::string& exporter, const std::string& cn,
                           const std::string& destination, const date::year_month_day& as_of,
                           std::optional<bool> originating, std::optional<bool> direct_transport,
                           py::object originating_value_eur, bool exporter_registered_rex,
                           const std::string& exporter_name, const std::string& rex_number,
                           const std::string& origin_criterion, const prepared_engines& engines) {
  fairport::preference_query q(fairport::country_code::parse(exporter),
                               fairport::tariff_code::parse(cn),
                               fairport::country_code::parse(destination), as_of);
  q.originating = originating;
  q.direct_transport = direct_transport;
  if (!originating_value_eur.is_none())
    q.originating_value_eur = to_money(originating_value_eur, "EUR");
  q.exporter_registered_rex = exporter_registered_rex;
  q.exporter_name = exporter_name;
  q.rex_number = rex_number;
  q.origin_criterion = origin_criterion;
  const auto d = [&] {
    py::gil_scoped_release release;
    return engines.gsp.decide(q);
  }();
  py::dict out;
  out["regime"] = std::string(fairport::to_string(d.regime));
  out["applied"] = std::string(fairport::to_string(d.applied));
  out["available"] = std::string(fairport::to_string(d.available));
  out["status"] = std::string(fairport::to_string(d.status));
  out["reason"] = std::string(fairport::to_string(d.reason));
  out["eligible"] = d.eligible();
  out["origin"] = std::string(fairport::to_string(d.origin));
  out["direct_transport"] = std::string(fairport::to_string(d.direct_transport));
  out["section"] = d.section;
  out["third_country_duty"] =
      d.third_country ? py::object(py::str(d.third_country->text)) : py::object(py::none());
  out["preferential_duty"] =
      d.preferential ? py::object(py::str(d.preferential->text)) : py::object(py::none());
  py::dict s;
  s["required"] = d.statement.required;
  s["rex_required"] = d.statement.rex_required ? py::object(py::bool_(*d.statement.rex_required))
                                               : py::object(py::none());
  s["valid_until"] =
      d.statement.valid_until ? py::cast(*d.statement.valid_until) : py::object(py::none());
  s["text"] = d.statement.text;
  out["statement_on_origin"] = s;
  out["findings"] = findings_list(d.findings);
  return out;
}

// ---- origin -----------------------------------------------------------------------------------

std::optional<decimal> opt_dec_item(const py::dict& m, const char* k) {
  if (!m.contains(k) || m[k].is_none()) return std::nullopt;
  return to_decimal(m[k]);
}

/// A material's `cumulation` item: a Python or NumPy bool, or an indication
/// fairport::cumulation_indication() accepts ("eu", the material's origin code).
bool cumulation_proof_of(const py::object& c, const std::optional<fairport::country_code>& origin) {
  const bool numpy_bool =
      py::hasattr(c, "dtype") && py::str(c.attr("dtype").attr("kind")).cast<std::string>() == "b";
  if (py::isinstance<py::bool_>(c) || numpy_bool) return py::bool_(c).cast<bool>();
  if (py::isinstance<py::str>(c)) {
    return fairport::cumulation_indication(c.cast<std::string>(), origin);
  }
  throw py::type_error("cumulation must be a bool or a str, not " +
                       std::string(py::str(c.get_type().attr("__name__"))));
}

/// One material of assess_origin's `materials` (a dict with description, hs_code, origin,
/// value, weight_kg, cumulation).
fairport::origin_material origin_material_of(py::handle h) {
  const py::dict m = py::reinterpret_borrow<py::dict>(h);
  std::optional<fairport::country_code> origin;
  if (m.contains("origin") && !m["origin"].is_none()) {
    const std::string o = py::str(m["origin"]);
    if (o != "unknown") origin = fairport::country_code::parse(o);
  }
  fairport::origin_material om{
      m.contains("description") ? py::str(m["description"]).cast<std::string>() : std::string(),
      fairport::tariff_code::parse(py::str(m["hs_code"]).cast<std::string>()), origin,
      opt_dec_item(m, "value")};
  om.net_weight_kg = opt_dec_item(m, "weight_kg");
  if (m.contains("cumulation") && !m["cumulation"].is_none()) {
    om.cumulation_proof = cumulation_proof_of(m["cumulation"], origin);
  }
  return om;
}

py::dict assess_origin(const std::string& hs, py::handle ex_works_price,
                       const std::string& currency, const std::string& exporter,
                       const date::year_month_day& as_of, const py::list& materials,
                       const std::vector<std::string>& operations, bool wholly_obtained,
                       std::optional<bool> direct_transport, const std::string& list_rule_row,
                       const std::string& wholly_obtained_category,
                       const prepared_engines& engines) {
  fairport::origin_product p{fairport::tariff_code::parse(hs), to_money(ex_works_price, currency),
                             fairport::country_code::parse(exporter)};
  p.wholly_obtained_claim = wholly_obtained;
  p.operations = operations;
  p.as_of = as_of;
  p.direct_transport = direct_transport;
  p.list_rule_row = list_rule_row;
  p.wholly_obtained_category = wholly_obtained_category;
  for (py::handle h : materials) p.materials.push_back(origin_material_of(h));
  py::gil_scoped_release release_outer;
  const fairport::origin_assessor& a = engines.origin;
  const auto v = a.assess(p);
  const auto room = a.headroom(p);
  const auto flips = a.local_sourcing_flips(p);
  py::gil_scoped_acquire reacquire;
  py::dict out;
  out["status"] = std::string(fairport::to_string(v.status));
  out["basis"] = v.basis ? py::object(py::str(std::string(fairport::to_string(*v.basis))))
                         : py::object(py::none());
  out["rule"] = v.rule_text;
  out["rule_reference"] = v.rule_reference;
  out["row"] = v.row;
  out["ldc_column"] = v.ldc_column;
  out["non_originating_value"] = opt_money(v.non_originating_value);
  out["share"] = opt_decimal(v.share);
  out["limit"] = opt_decimal(v.limit);
  out["margin"] = opt_money(v.margin);
  py::list mats;
  for (const auto& mo : v.materials) {
    py::dict d;
    d["index"] = mo.index;
    d["status"] = std::string(fairport::to_string(mo.status));
    d["cumulation"] = mo.cumulation;
    d["broke_rule"] = mo.broke_rule;
    d["saved_by_tolerance"] = mo.saved_by_tolerance;
    mats.append(d);
  }
  out["materials"] = mats;
  out["findings"] = findings_list(v.findings);
  out["missing"] = v.missing;
  py::dict h;
  h["unlimited"] = room.unlimited;
  h["amount"] = opt_money(room.amount);
  h["rule"] = room.rule_text;
  out["headroom"] = h;
  py::list fl;
  for (const auto& f : flips) {
    py::dict d;
    d["material"] = f.material;
    d["description"] = f.description;
    d["to"] = std::string(fairport::to_string(f.to));
    fl.append(d);
  }
  out["local_sourcing_flips"] = fl;
  return out;
}

// ---- fair prices ------------------------------------------------------------------------------

fairport::fairtrade_query fairtrade_query_of(const std::string& product,
                                             const date::year_month_day& as_of, bool organic,
                                             const std::string& market_price_unit,
                                             const std::string& region, const std::string& quality,
                                             const std::optional<std::string>& per_unit,
                                             const std::optional<std::string>& currency) {
  fairport::fairtrade_query q;
  q.key = {product, region, "fairtrade", quality};
  q.as_of = as_of;
  q.organic = organic;
  q.market_price_unit = fairport::parse_unit<fairport::mass>(market_price_unit);
  if (per_unit) q.per_unit = fairport::parse_unit<fairport::mass>(*per_unit);
  if (currency) q.currency = fairport::currency_code::parse(*currency);
  return q;
}

py::dict fairtrade_price(const std::string& product, const date::year_month_day& as_of,
                         py::object market_price, const std::string& market_price_currency,
                         const std::string& market_price_unit, bool organic,
                         const std::string& region, const std::string& quality,
                         const std::optional<std::string>& per_unit,
                         const std::optional<std::string>& currency,
                         const std::vector<fairport::fx_rate>& exchange_rates,
                         const fairport::reference_data& data) {
  auto q = fairtrade_query_of(product, as_of, organic, market_price_unit, region, quality, per_unit,
                              currency);
  if (!market_price.is_none()) q.market_price = to_money(market_price, market_price_currency);
  q.exchange_rates = exchange_rates;
  const auto r = [&] {
    py::gil_scoped_release release;
    return fairport::fairtrade_price(q, data);
  }();
  py::dict out;
  out["basis"] = r.basis;
  out["minimum_price"] = opt_money(r.minimum_price);
  out["market_price"] = opt_money(r.market_price);
  out["binding"] = std::string(fairport::to_string(r.binding));
  out["binding_margin"] = money_dict(r.binding_margin);
  out["premium"] = money_dict(r.premium);
  out["organic_differential"] = money_dict(r.organic_differential);
  out["fair_price_per_unit"] = money_dict(r.fair_price_per_unit);
  out["floor_per_unit"] = money_dict(r.floor_per_unit);
  out["per_unit"] = std::string(r.per_unit.name());
  out["source"] = r.source.to_string();
  out["findings"] = findings_list(r.notes);
  return out;
}

/// The Fairtrade price at many market prices (one record lookup): a column of Decimals.
py::list fairtrade_prices(const std::string& product, const date::year_month_day& as_of,
                          const py::sequence& market_prices,
                          const std::string& market_price_currency,
                          const std::string& market_price_unit, bool organic,
                          const std::string& region, const std::string& quality,
                          const std::optional<std::string>& per_unit,
                          const std::optional<std::string>& currency,
                          const std::vector<fairport::fx_rate>& exchange_rates,
                          const fairport::reference_data& data) {
  auto q = fairtrade_query_of(product, as_of, organic, market_price_unit, region, quality, per_unit,
                              currency);
  q.exchange_rates = exchange_rates;
  q.explain = false;
  const auto cur = fairport::currency_code::parse(market_price_currency);
  std::vector<money> in;
  in.reserve(market_prices.size());
  for (py::handle h : market_prices) in.emplace_back(to_decimal(h), cur);
  std::vector<decimal> out(in.size());
  {
    py::gil_scoped_release release;
    const fairport::fairtrade_pricer pricer(q, data);
    for (std::size_t i = 0; i < in.size(); ++i) {
      out[i] = pricer.price(in[i], organic).fair_price_per_unit.amount();
    }
  }
  py::list l;
  for (const auto& d : out) l.append(from_decimal(d));
  return l;
}

py::dict artisan_fair_price(py::handle materials_per_unit, py::handle labour_minutes_per_unit,
                            py::handle hourly_wage, py::handle overhead_rate,
                            py::handle margin_rate, const std::string& currency,
                            const date::year_month_day& as_of, py::object price_paid_per_unit,
                            const fairport::reference_data& data) {
  fairport::artisan_inputs in;
  in.as_of = as_of;
  in.materials_per_unit = to_money(materials_per_unit, currency);
  in.labour_minutes_per_unit = to_decimal(labour_minutes_per_unit);
  in.wage = fairport::wage_rate_per_hour(to_money(hourly_wage, currency));
  in.overhead_rate = to_decimal(overhead_rate);
  in.margin_rate = to_decimal(margin_rate);
  std::optional<money> paid;
  if (!price_paid_per_unit.is_none()) paid = to_money(price_paid_per_unit, currency);
  py::gil_scoped_release release_outer;
  const auto r = fairport::artisan_fair_price(in, data);
  std::optional<fairport::price_assessment> a;
  std::optional<fairport::implied_earnings_result> e;
  if (paid) {
    a = fairport::assess_price_paid(r.fair_price_per_unit, *paid);
    e = fairport::implied_hourly_earnings(in, *paid, data);
  }
  py::gil_scoped_acquire reacquire;
  py::dict out;
  out["materials"] = money_dict(r.materials);
  out["labour"] = money_dict(r.labour);
  out["overhead"] = money_dict(r.overhead);
  out["margin"] = money_dict(r.margin);
  out["cost"] = money_dict(r.cost);
  out["fair_price_per_unit"] = money_dict(r.fair_price_per_unit);
  auto notes = r.notes;
  if (a) {
    out["is_fair"] = a->is_fair;
    out["shortfall_per_unit"] = money_dict(a->shortfall);
    out["implied_hourly_earnings"] = money_dict(e->per_hour);
    for (const auto& f : a->notes) notes.push_back(f);
    for (const auto& f : e->notes) notes.push_back(f);
  } else {
    out["is_fair"] = py::none();
    out["shortfall_per_unit"] = py::none();
    out["implied_hourly_earnings"] = py::none();
  }
  out["findings"] = findings_list(notes);
  return out;
}

py::dict price_chain(py::handle producer_price, const std::string& producer_currency,
                     py::handle export_price, const std::string& export_currency,
                     const std::string& export_basis, py::handle landed_cost,
                     const std::string& landed_currency, py::handle wholesale_markup,
                     py::handle retail_markup, py::handle vat_rate,
                     const std::vector<fairport::fx_rate>& exchange_rates,
                     const date::year_month_day& as_of, const fairport::reference_data& data) {
  fairport::price_chain_inputs in;
  in.as_of = as_of;
  in.producer_price = to_money(producer_price, producer_currency);
  in.export_price = to_money(export_price, export_currency);
  in.export_basis = export_basis;
  in.landed_cost = to_money(landed_cost, landed_currency);
  in.wholesale_markup = to_decimal(wholesale_markup);
  in.retail_markup = to_decimal(retail_markup);
  in.vat_rate = to_decimal(vat_rate);
  in.exchange_rates = exchange_rates;
  const auto r = [&] {
    py::gil_scoped_release release;
    return fairport::price_chain(in, data);
  }();
  py::dict out;
  py::list stages;
  const std::pair<const char*, const money*> named[] = {
      {"producer price", &r.producer_price},
      {"export price", &r.export_price},
      {"landed cost", &r.landed_cost},
      {"wholesale price", &r.wholesale_price},
      {"retail price before VAT", &r.retail_price_net},
      {"VAT", &r.vat},
      {"retail price", &r.retail_price}};
  for (const auto& [name, m] : named)
    stages.append(py::make_tuple(name, from_decimal(m->amount())));
  out["stages"] = stages;
  out["currency"] = r.retail_price.currency().to_string();
  out["producer_share_of_retail"] = from_decimal(r.producer_share_of_retail);
  out["producer_share_of_landed_cost"] = from_decimal(r.producer_share_of_landed_cost);
  out["producer_share_of_export_price"] = from_decimal(r.producer_share_of_export_price);
  out["findings"] = findings_list(r.notes);
  return out;
}

}  // namespace

void bind_engines(py::module_& m) {
  py::class_<prepared_engines>(m, "_Engines",
                               "The GSP and origin engines prepared for one ReferenceData.")
      .def(py::init<const fairport::reference_data&>(), py::arg("data"));
  m.def("_price_chain", &price_chain, py::arg("producer_price"), py::arg("producer_currency"),
        py::arg("export_price"), py::arg("export_currency"), py::arg("export_basis"),
        py::arg("landed_cost"), py::arg("landed_currency"), py::arg("wholesale_markup"),
        py::arg("retail_markup"), py::arg("vat_rate"), py::arg("exchange_rates"), py::arg("as_of"),
        py::arg("data"));
  m.def("_decide_preference", &decide_preference, py::arg("exporter"), py::arg("cn"),
        py::arg("destination"), py::arg("as_of"), py::arg("originating"),
        py::arg("direct_transport"), py::arg("originating_value_eur"),
        py::arg("exporter_registered_rex"), py::arg("exporter_name"), py::arg("rex_number"),
        py::arg("origin_criterion"), py::arg("engines"));
  m.def("_assess_origin", &assess_origin, py::arg("hs"), py::arg("ex_works_price"),
        py::arg("currency"), py::arg("exporter"), py::arg("as_of"), py::arg("materials"),
        py::arg("operations"), py::arg("wholly_obtained"), py::arg("direct_transport"),
        py::arg("list_rule_row"), py::arg("wholly_obtained_category"), py::arg("engines"));
  m.def("_fairtrade_price", &fairtrade_price, py::arg("product"), py::arg("as_of"),
        py::arg("market_price"), py::arg("market_price_currency"), py::arg("market_price_unit"),
        py::arg("organic"), py::arg("region"), py::arg("quality"), py::arg("per_unit"),
        py::arg("currency"), py::arg("exchange_rates"), py::arg("data"));
  m.def("_fairtrade_prices", &fairtrade_prices, py::arg("product"), py::arg("as_of"),
        py::arg("market_prices"), py::arg("market_price_currency"), py::arg("market_price_unit"),
        py::arg("organic"), py::arg("region"), py::arg("quality"), py::arg("per_unit"),
        py::arg("currency"), py::arg("exchange_rates"), py::arg("data"));
  m.def("_artisan_fair_price", &artisan_fair_price, py::arg("materials_per_unit"),
        py::arg("labour_minutes_per_unit"), py::arg("hourly_wage"), py::arg("overhead_rate"),
        py::arg("margin_rate"), py::arg("currency"), py::arg("as_of"),
        py::arg("price_paid_per_unit"), py::arg("data"));
}

}  // namespace fairport_py
