// Reading fairport.consignment/1 and writing fairport.report/1.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "fairport/io/json.hpp"
#include "io/strict_json.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

using plain_json = nlohmann::json;

/// Reads one JSON value at a pointer; every failure names the pointer.
class reader {
 public:
  reader(std::string name) : name_(std::move(name)) {}

  [[noreturn]] void fail(errc code, const std::string& ptr, const std::string& msg) const {
    error_context c;
    c.file = name_;
    c.pointer = ptr;
    detail::throw_error(code, msg, c);
  }

  void only(const plain_json& obj, const std::string& ptr,
            std::initializer_list<const char*> allowed) const {
    if (!obj.is_object()) fail(errc::invalid_document, ptr, "must be a JSON object");
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool ok = false;
      for (const char* a : allowed) ok = ok || it.key() == a;
      if (!ok) {
        fail(errc::invalid_document, ptr + "/" + it.key(), "unknown field \"" + it.key() + "\"");
      }
    }
  }

  const plain_json* opt(const plain_json& obj, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) return nullptr;
    return &*it;
  }

  const plain_json& req(const plain_json& obj, const std::string& ptr, const char* key) const {
    auto it = obj.find(key);
    if (it == obj.end() || it->is_null()) {
      fail(errc::invalid_document, ptr + "/" + key, "\"" + std::string(key) + "\" is required");
    }
    return *it;
  }

  std::string string(const plain_json& v, const std::string& ptr) const {
    if (!v.is_string()) fail(errc::invalid_document, ptr, "must be a string");
    return v.get<std::string>();
  }

  bool boolean(const plain_json& v, const std::string& ptr) const {
    if (!v.is_boolean()) fail(errc::invalid_document, ptr, "must be true or false");
    return v.get<bool>();
  }

  decimal number(const plain_json& v, const std::string& ptr) const {
    if (v.is_number()) {
      fail(errc::invalid_document, ptr,
           "exact amounts are JSON strings (\"2400.00\"), not JSON numbers");
    }
    const std::string s = string(v, ptr);
    try {
      return decimal::parse(s);
    } catch (const error& e) {
      fail(e.code(), ptr, e.message());
    }
  }

  decimal non_negative(const plain_json& v, const std::string& ptr) const {
    decimal d = number(v, ptr);
    if (d.is_negative()) fail(errc::invalid_argument, ptr, "cannot be negative: " + d.to_string());
    return d;
  }

  template <class T>
  T code(const plain_json& v, const std::string& ptr) const {
    const std::string s = string(v, ptr);
    try {
      return T::parse(s);
    } catch (const error& e) {
      fail(e.code(), ptr, e.message());
    }
  }

  tariff_code hs(const plain_json& v, const std::string& ptr) const {
    const auto c = code<tariff_code>(v, ptr);
    if (c.digits().size() < 4) {
      fail(errc::invalid_tariff_code, ptr,
           "a tariff code has 4 to 10 digits, got \"" + c.to_string() + "\"");
    }
    return c;
  }

  date::year_month_day day(const plain_json& v, const std::string& ptr) const {
    const std::string s = string(v, ptr);
    try {
      return parse_date(s);
    } catch (const error& e) {
      fail(e.code(), ptr, e.message());
    }
  }

  money amount(const plain_json& v, const std::string& ptr) const {
    only(v, ptr, {"amount", "currency"});
    return money(non_negative(req(v, ptr, "amount"), ptr + "/amount"),
                 code<currency_code>(req(v, ptr, "currency"), ptr + "/currency"));
  }

  measure quantity(const plain_json& v, const std::string& ptr) const {
    only(v, ptr, {"value", "unit"});
    measure m;
    m.value = non_negative(req(v, ptr, "value"), ptr + "/value");
    const std::string u = string(req(v, ptr, "unit"), ptr + "/unit");
    try {
      m.unit = any_unit::parse(u);
    } catch (const error& e) {
      fail(e.code(), ptr + "/unit", e.message());
    }
    return m;
  }

  /// An Art. 71(1)(a)-(d) addition: its kind (a closed list), amount and description.
  customs_value_addition addition_at(const plain_json& v, const std::string& ptr) const {
    only(v, ptr, {"kind", "amount", "description"});
    customs_value_addition a;
    a.kind = string(req(v, ptr, "kind"), ptr + "/kind");
    const auto& kinds = customs_value_addition_kinds();
    if (std::none_of(kinds.begin(), kinds.end(), [&](const auto& k) { return k.id == a.kind; })) {
      std::string list;
      for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + std::string(k.id);
      fail(errc::invalid_argument, ptr + "/kind",
           "an addition (Union Customs Code Art. 71(1)(a)-(d)) is one of " + list + ", got \"" +
               a.kind + "\"");
    }
    a.amount = amount(req(v, ptr, "amount"), ptr + "/amount");
    if (const auto* d = opt(v, "description")) a.description = string(*d, ptr + "/description");
    return a;
  }

  charge charge_at(const plain_json& v, const std::string& ptr) const {
    only(v, ptr, {"kind", "description", "amount", "in_vat_base", "reference"});
    charge c;
    const std::string kind = string(req(v, ptr, "kind"), ptr + "/kind");
    if (kind == "excise") {
      c.kind = charge_kind::excise;
    } else if (kind == "fee") {
      c.kind = charge_kind::fee;
    } else {
      fail(errc::invalid_document, ptr + "/kind", "must be \"excise\" or \"fee\"");
    }
    if (const auto* d = opt(v, "description")) c.description = string(*d, ptr + "/description");
    c.amount = amount(req(v, ptr, "amount"), ptr + "/amount");
    if (const auto* b = opt(v, "in_vat_base")) c.in_vat_base = boolean(*b, ptr + "/in_vat_base");
    if (const auto* r = opt(v, "reference")) c.reference = string(*r, ptr + "/reference");
    return c;
  }

  /// A quantity that must be a mass ("net" or "gross" in the message).
  fairport::quantity<mass> mass_at(const plain_json& v, const std::string& ptr,
                                   const char* which) const {
    const auto q = quantity(v, ptr);
    if (q.unit.kind() != unit_kind::mass) {
      fail(errc::invalid_unit, ptr + "/unit",
           std::string(which) + " mass needs a unit of mass (kg, g, t, lb)");
    }
    return fairport::quantity<mass>(q.value, q.unit.as<mass>());
  }

  consignment_line line(const plain_json& v, const std::string& ptr) const {
    only(v, ptr,
         {"id", "description", "hs_code", "quantity", "net_mass", "gross_mass",
          "supplementary_quantities",
          "invoice_value", "ex_works_price", "vat_category", "charges", "additions", "origin",
          "producer"});
    consignment_line l;
    l.id = string(req(v, ptr, "id"), ptr + "/id");
    if (const auto* d = opt(v, "description")) l.description = string(*d, ptr + "/description");
    l.hs_code = hs(req(v, ptr, "hs_code"), ptr + "/hs_code");
    if (const auto* q = opt(v, "quantity")) l.quantity = quantity(*q, ptr + "/quantity");
    if (const auto* m = opt(v, "net_mass")) l.net_mass = mass_at(*m, ptr + "/net_mass", "net");
    if (const auto* m = opt(v, "gross_mass")) {
      l.gross_mass = mass_at(*m, ptr + "/gross_mass", "gross");
    }
    if (const auto* s = opt(v, "supplementary_quantities")) {
      if (!s->is_array())
        fail(errc::invalid_document, ptr + "/supplementary_quantities", "must be an array");
      for (std::size_t i = 0; i < s->size(); ++i) {
        l.supplementary.push_back(
            quantity((*s)[i], ptr + "/supplementary_quantities/" + std::to_string(i)));
      }
    }
    l.invoice_value = non_negative(req(v, ptr, "invoice_value"), ptr + "/invoice_value");
    if (const auto* e = opt(v, "ex_works_price"))
      l.ex_works_price = non_negative(*e, ptr + "/ex_works_price");
    if (const auto* c = opt(v, "vat_category")) l.vat_category = string(*c, ptr + "/vat_category");
    if (const auto* cs = opt(v, "charges")) {
      if (!cs->is_array()) fail(errc::invalid_document, ptr + "/charges", "must be an array");
      for (std::size_t i = 0; i < cs->size(); ++i) {
        l.charges.push_back(charge_at((*cs)[i], ptr + "/charges/" + std::to_string(i)));
      }
    }
    if (const auto* as = opt(v, "additions")) {
      if (!as->is_array()) fail(errc::invalid_document, ptr + "/additions", "must be an array");
      for (std::size_t i = 0; i < as->size(); ++i) {
        l.additions.push_back(addition_at((*as)[i], ptr + "/additions/" + std::to_string(i)));
      }
    }
    if (const auto* o = opt(v, "origin")) l.origin = origin(*o, ptr + "/origin");
    if (const auto* p = opt(v, "producer")) l.producer = producer(*p, ptr + "/producer");
    return l;
  }

  /// A material's cumulation: a boolean, or an indication cumulation_indication() accepts.
  bool cumulation(const plain_json& v, const material_input& m, const std::string& ptr) const {
    if (v.is_boolean()) return boolean(v, ptr);
    const std::string s = string(v, ptr);
    try {
      return cumulation_indication(s, m.origin);
    } catch (const error& e) {
      fail(e.code(), ptr, e.message());
    }
  }

  origin_claim origin(const plain_json& v, const std::string& ptr) const {
    only(v, ptr,
         {"wholly_obtained", "wholly_obtained_category", "materials", "operations",
          "list_rule_row"});
    origin_claim o;
    if (const auto* w = opt(v, "wholly_obtained"))
      o.wholly_obtained = boolean(*w, ptr + "/wholly_obtained");
    if (const auto* ms = opt(v, "materials")) {
      if (!ms->is_array()) fail(errc::invalid_document, ptr + "/materials", "must be an array");
      for (std::size_t i = 0; i < ms->size(); ++i) {
        const auto& m = (*ms)[i];
        const std::string mp = ptr + "/materials/" + std::to_string(i);
        only(m, mp, {"description", "hs_code", "origin", "value", "cumulation", "weight_kg"});
        material_input mi;
        if (const auto* d = opt(m, "description")) mi.description = string(*d, mp + "/description");
        mi.hs_code = code<tariff_code>(req(m, mp, "hs_code"), mp + "/hs_code");
        if (const auto* c = opt(m, "origin")) {
          const std::string s = string(*c, mp + "/origin");
          if (s != "unknown") mi.origin = code<country_code>(*c, mp + "/origin");
        }
        if (const auto* val = opt(m, "value")) mi.value = non_negative(*val, mp + "/value");
        if (const auto* c = opt(m, "cumulation")) {
          mi.cumulation = cumulation(*c, mi, mp + "/cumulation");
        }
        if (const auto* w = opt(m, "weight_kg")) mi.weight_kg = non_negative(*w, mp + "/weight_kg");
        o.materials.push_back(std::move(mi));
      }
    }
    if (const auto* ops = opt(v, "operations")) {
      if (!ops->is_array()) fail(errc::invalid_document, ptr + "/operations", "must be an array");
      for (std::size_t i = 0; i < ops->size(); ++i) {
        o.operations.push_back(string((*ops)[i], ptr + "/operations/" + std::to_string(i)));
      }
    }
    if (const auto* r = opt(v, "list_rule_row"))
      o.list_rule_row = string(*r, ptr + "/list_rule_row");
    if (const auto* w = opt(v, "wholly_obtained_category")) {
      o.wholly_obtained_category = string(*w, ptr + "/wholly_obtained_category");
    }
    if (!o.wholly_obtained && o.materials.empty()) {
      fail(errc::missing_input, ptr,
           "origin needs \"wholly_obtained\": true or the list of materials");
    }
    return o;
  }

  producer_claim producer(const plain_json& v, const std::string& ptr) const {
    only(v, ptr, {"price_paid_per_unit", "premium_paid_per_unit", "artisan", "fairtrade"});
    producer_claim p;
    if (const auto* pp = opt(v, "price_paid_per_unit")) {
      p.price_paid_per_unit = non_negative(*pp, ptr + "/price_paid_per_unit");
    }
    if (const auto* pp = opt(v, "premium_paid_per_unit")) {
      if (opt(v, "fairtrade") == nullptr) {
        fail(errc::invalid_document, ptr + "/premium_paid_per_unit",
             "a premium paid is judged against a Fairtrade Premium: give it with \"fairtrade\"");
      }
      p.premium_paid_per_unit = non_negative(*pp, ptr + "/premium_paid_per_unit");
    }
    if (const auto* a = opt(v, "artisan")) {
      const std::string ap = ptr + "/artisan";
      only(*a, ap,
           {"materials_per_unit", "labour_minutes_per_unit", "hourly_wage", "overhead_rate",
            "margin_rate"});
      artisan_claim c;
      c.materials_per_unit =
          non_negative(req(*a, ap, "materials_per_unit"), ap + "/materials_per_unit");
      c.labour_minutes_per_unit =
          non_negative(req(*a, ap, "labour_minutes_per_unit"), ap + "/labour_minutes_per_unit");
      c.hourly_wage = non_negative(req(*a, ap, "hourly_wage"), ap + "/hourly_wage");
      c.overhead_rate = non_negative(req(*a, ap, "overhead_rate"), ap + "/overhead_rate");
      c.margin_rate = non_negative(req(*a, ap, "margin_rate"), ap + "/margin_rate");
      p.artisan = c;
    }
    if (const auto* f = opt(v, "fairtrade")) {
      const std::string fp = ptr + "/fairtrade";
      only(*f, fp,
           {"product", "market_price", "market_price_unit", "organic", "region", "quality",
            "contract_date"});
      fairtrade_claim c;
      c.product = string(req(*f, fp, "product"), fp + "/product");
      c.market_price = amount(req(*f, fp, "market_price"), fp + "/market_price");
      c.market_price_unit = string(req(*f, fp, "market_price_unit"), fp + "/market_price_unit");
      if (!any_unit::try_parse(c.market_price_unit)) {
        fail(errc::invalid_unit, fp + "/market_price_unit",
             "unknown unit \"" + c.market_price_unit + "\"");
      }
      if (const auto* o = opt(*f, "organic")) c.organic = boolean(*o, fp + "/organic");
      if (const auto* r = opt(*f, "region")) c.region = string(*r, fp + "/region");
      if (const auto* q = opt(*f, "quality")) c.quality = string(*q, fp + "/quality");
      if (const auto* d = opt(*f, "contract_date")) c.contract_date = day(*d, fp + "/contract_date");
      p.fairtrade = c;
    }
    if (p.artisan && p.fairtrade) {
      fail(errc::invalid_document, ptr,
           "a producer has either \"artisan\" or \"fairtrade\", not both");
    }
    return p;
  }

  party party_at(const plain_json& v, const std::string& ptr, bool exporter) const {
    if (exporter) {
      only(v, ptr, {"name", "country", "rex_number"});
    } else {
      only(v, ptr, {"name", "country"});
    }
    party p;
    if (const auto* n = opt(v, "name")) p.name = string(*n, ptr + "/name");
    p.country = code<country_code>(req(v, ptr, "country"), ptr + "/country");
    if (const auto* r = opt(v, "rex_number")) p.rex_number = string(*r, ptr + "/rex_number");
    return p;
  }

 private:
  std::string name_;
};

// ---- writing --------------------------------------------------------------------------------

/// A streaming JSON writer: reports are large (every finding with its reference), so they are
/// written straight into one string, with the escaping of RFC 8259, rather than built as a DOM.
class writer {
 public:
  explicit writer(int indent, std::ostream* sink = nullptr) : indent_(indent), sink_(sink) {
    out_.reserve(1 << 17);
  }

  /// With a sink, what is written so far goes to it once it passes 64 KiB, so a large report
  /// is streamed instead of held twice.
  writer& begin_object() {
    if (sink_ != nullptr && out_.size() > (1u << 16)) flush();
    return open('{');
  }
  /// Writes what is buffered to the sink.
  void flush() {
    sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }
  writer& end_object() { return close('}'); }
  writer& begin_array() { return open('['); }
  writer& end_array() { return close(']'); }

  writer& key(std::string_view k) {
    item();
    str(k);
    out_ += indent_ >= 0 ? ": " : ":";
    after_key_ = true;
    return *this;
  }
  writer& value(std::string_view v) {
    item();
    str(v);
    return *this;
  }
  writer& value(const char* v) { return value(std::string_view(v)); }
  writer& value(const std::string& v) { return value(std::string_view(v)); }
  writer& value(bool b) {
    item();
    out_ += b ? "true" : "false";
    return *this;
  }
  writer& null() {
    item();
    out_ += "null";
    return *this;
  }
  /// A count (never money: amounts are strings).
  writer& count(std::size_t n) {
    item();
    out_ += std::to_string(n);
    return *this;
  }
  template <class T>
  writer& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  /// The value when there is one, else null; `text` turns it into what is written.
  template <class T, class F>
  writer& field_or_null(std::string_view k, const std::optional<T>& v, F text) {
    if (!v) return key(k).null();
    return field(k, text(*v));
  }
  template <class T>
  writer& field_or_null(std::string_view k, const std::optional<T>& v) {
    return field_or_null(k, v, [](const T& x) -> const T& { return x; });
  }
  writer& amount(std::string_view k, const money& m) {
    key(k).begin_object();
    field("amount", m.amount().to_string());
    field("currency", m.currency().to_string());
    return end_object();
  }
  writer& amount(std::string_view k, const std::optional<money>& m) {
    if (!m) return key(k).null();
    return amount(k, *m);
  }

  std::string take() { return std::move(out_); }

 private:
  writer& open(char c) {
    item();
    out_ += c;
    first_.push_back(true);
    return *this;
  }
  writer& close(char c) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty) newline();
    out_ += c;
    return *this;
  }
  void item() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline();
  }
  void newline() {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(first_.size() * static_cast<std::size_t>(indent_), ' ');
  }
  /// True when one of the 8 bytes at p is a control character, '"' or '\\' (SWAR test).
  static bool any_special(const char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    const auto zero_byte = [&](std::uint64_t x) { return (x - ones) & ~x & high; };
    return ((v - 0x2020202020202020ULL) & ~v & high) != 0 ||
           zero_byte(v ^ 0x2222222222222222ULL) != 0 || zero_byte(v ^ 0x5c5c5c5c5c5c5c5cULL) != 0;
  }

  void str(std::string_view s) {
    static const char hex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      while (i + 8 <= s.size() && !any_special(s.data() + i)) i += 8;
      if (i >= s.size()) break;
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default:
          out_ += "\\u00";
          out_ += hex[c >> 4];
          out_ += hex[c & 15];
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
  }

  int indent_;
  std::ostream* sink_;
  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

void write_findings(writer& w, std::string_view k, const std::vector<finding>& fs) {
  w.key(k).begin_array();
  for (const auto& f : fs) {
    w.begin_object();
    w.field("code", f.code);
    w.field("severity", to_string(f.level));
    w.field("message", f.message);
    w.field("reference", f.reference);
    w.end_object();
  }
  w.end_array();
}

void write_provenance(writer& w, std::string_view k, const provenance& p) {
  w.key(k).begin_object();
  w.field("dataset", p.dataset);
  w.field("version", p.version);
  w.field("pointer", p.pointer);
  w.field("reference", p.reference);
  w.field("valid_from", p.valid_from);
  if (p.valid_through.empty()) {
    w.key("valid_through").null();
  } else {
    w.field("valid_through", p.valid_through);
  }
  if (p.layer.empty()) {
    w.key("layer").null();
  } else {
    w.field("layer", p.layer);
  }
  w.end_object();
}

}  // namespace

namespace {

incoterm incoterm_at(const reader& rd, const plain_json& doc) {
  const std::string t = rd.string(rd.req(doc, "", "incoterm"), "/incoterm");
  const auto term = try_parse_incoterm(t);
  if (!term) {
    rd.fail(errc::invalid_document, "/incoterm",
            "\"" + t +
                "\" is not an Incoterms 2020 rule (EXW, FCA, FAS, FOB, CPT, CIP, CFR, "
                "CIF, DAP, DPU, DDP)");
  }
  return *term;
}

shipment_costs costs_at(const reader& rd, const plain_json& v) {
  shipment_costs k;
  rd.only(v, "/costs",
          {"freight_to_border", "insurance", "freight_after_border", "other_to_destination",
           "allocation"});
  if (const auto* a = rd.opt(v, "freight_to_border"))
    k.freight_to_border = rd.amount(*a, "/costs/freight_to_border");
  if (const auto* a = rd.opt(v, "insurance")) k.insurance = rd.amount(*a, "/costs/insurance");
  if (const auto* a = rd.opt(v, "freight_after_border"))
    k.freight_after_border = rd.amount(*a, "/costs/freight_after_border");
  if (const auto* a = rd.opt(v, "other_to_destination"))
    k.other_to_destination = rd.amount(*a, "/costs/other_to_destination");
  if (const auto* a = rd.opt(v, "allocation")) {
    const std::string s = rd.string(*a, "/costs/allocation");
    if (s != "value" && s != "net_mass" && s != "quantity") {
      rd.fail(errc::invalid_document, "/costs/allocation", "must be value, net_mass or quantity");
    }
    k.allocation = parse_allocation_basis(s);
  }
  return k;
}

std::vector<fx_rate> rates_at(const reader& rd, const plain_json& v) {
  std::vector<fx_rate> rates;
  if (!v.is_array()) rd.fail(errc::invalid_document, "/exchange_rates", "must be an array");
  for (std::size_t i = 0; i < v.size(); ++i) {
    const auto& r = v[i];
    const std::string p = "/exchange_rates/" + std::to_string(i);
    rd.only(r, p, {"from", "to", "rate", "date", "basis", "source"});
    const auto from = rd.code<currency_code>(rd.req(r, p, "from"), p + "/from");
    const auto to = rd.code<currency_code>(rd.req(r, p, "to"), p + "/to");
    const decimal rate = rd.number(rd.req(r, p, "rate"), p + "/rate");
    if (rate.signum() <= 0) rd.fail(errc::invalid_argument, p + "/rate", "a rate must be positive");
    const auto day = rd.day(rd.req(r, p, "date"), p + "/date");
    std::string source = "consignment exchange_rates[" + std::to_string(i) + "]";
    if (const auto* s = rd.opt(r, "source")) source = rd.string(*s, p + "/source");
    rate_basis basis = rate_basis::month;
    if (const auto* b = rd.opt(r, "basis")) {
      const std::string t = rd.string(*b, p + "/basis");
      const auto parsed = try_parse_rate_basis(t);
      if (!parsed) {
        rd.fail(errc::invalid_argument, p + "/basis",
                "must be month (the customs rate of the month, dated its first day) or fixing "
                "(a rate published on its date), got \"" + t + "\"");
      }
      basis = *parsed;
    }
    if (basis == rate_basis::month && day.day() != date::day{1}) {
      rd.fail(errc::invalid_argument, p + "/date",
              "a customs rate of the month (basis month) is dated the first day of the month it "
              "applies to (Implementing Regulation (EU) 2015/2447, Art. 146), got " +
                  format_date(day) + "; a rate published on that day is basis fixing");
    }
    rates.emplace_back(from, to, rate, day, source, basis);
  }
  return rates;
}

/// The lines, each read on its own: a bad line is an error of its own, the others are kept.
void read_lines(const reader& rd, const plain_json& doc, parsed_consignment& out) {
  const auto& lines = rd.req(doc, "", "lines");
  if (!lines.is_array() || lines.empty()) {
    rd.fail(errc::invalid_document, "/lines", "must be a non-empty array of lines");
  }
  std::unordered_set<std::string> seen;
  seen.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string p = "/lines/" + std::to_string(i);
    std::string id = "#" + std::to_string(i + 1);
    if (lines[i].is_object()) {
      auto it = lines[i].find("id");
      if (it != lines[i].end() && it->is_string()) id = it->get<std::string>();
    }
    try {
      auto l = rd.line(lines[i], p);
      if (!seen.insert(l.id).second) {
        rd.fail(errc::invalid_document, p + "/id", "line id \"" + l.id + "\" is used twice");
      }
      out.value.lines.push_back(std::move(l));
    } catch (const error& e) {
      out.errors.push_back(line_error{id, e.code(), e.context().pointer, e.what()});
    }
  }
}

}  // namespace

parsed_consignment read_consignment(std::string_view text, const std::string& name) {
  const reader rd(name);
  error_context where;
  where.file = name;
  // The one strict JSON reader (io/strict_json.hpp), in the consignment's error family.
  auto parsed = detail::parse_strict_json(text, errc::invalid_document, where);
  if (parsed.repeated_key) {
    detail::throw_repeated_key(errc::invalid_document, *parsed.repeated_key, where);
  }
  const plain_json doc = std::move(parsed.value);
  rd.only(doc, "",
          {"schema", "id", "as_of", "exporter", "importer", "incoterm", "currency",
           "declaration_currency", "named_place_beyond_border", "direct_transport", "ioss",
           "transport", "costs",
           "exchange_rates", "charges", "lines"});
  const std::string schema = rd.string(rd.req(doc, "", "schema"), "/schema");
  if (schema != "fairport.consignment/1") {
    rd.fail(errc::invalid_document, "/schema",
            "expected \"fairport.consignment/1\", got \"" + schema + "\"");
  }
  parsed_consignment out;
  auto& c = out.value;
  c.id = rd.string(rd.req(doc, "", "id"), "/id");
  c.as_of = rd.day(rd.req(doc, "", "as_of"), "/as_of");
  c.exporter = rd.party_at(rd.req(doc, "", "exporter"), "/exporter", true);
  c.importer = rd.party_at(rd.req(doc, "", "importer"), "/importer", false);
  c.terms = incoterm_at(rd, doc);
  c.currency = rd.code<currency_code>(rd.req(doc, "", "currency"), "/currency");
  if (const auto* v = rd.opt(doc, "declaration_currency")) {
    c.declaration_currency = rd.code<currency_code>(*v, "/declaration_currency");
  }
  if (const auto* t = rd.opt(doc, "transport")) {
    rd.only(*t, "/transport", {"mode", "departure_country"});
    const std::string mode = rd.string(rd.req(*t, "/transport", "mode"), "/transport/mode");
    c.transport = try_parse_transport_mode(mode);
    if (!c.transport) {
      rd.fail(errc::invalid_argument, "/transport/mode",
              "must be air, sea, road, rail or post, got \"" + mode + "\"");
    }
    if (const auto* d = rd.opt(*t, "departure_country")) {
      c.departure_country = rd.code<country_code>(*d, "/transport/departure_country");
    }
  }
  if (const auto* v = rd.opt(doc, "named_place_beyond_border")) {
    c.named_place_beyond_border = rd.boolean(*v, "/named_place_beyond_border");
  }
  if (const auto* v = rd.opt(doc, "direct_transport")) {
    c.direct_transport = rd.boolean(*v, "/direct_transport");
  }
  if (const auto* v = rd.opt(doc, "ioss")) c.ioss = rd.boolean(*v, "/ioss");
  if (const auto* v = rd.opt(doc, "costs")) c.costs = costs_at(rd, *v);
  if (const auto* v = rd.opt(doc, "exchange_rates")) c.exchange_rates = rates_at(rd, *v);
  if (const auto* v = rd.opt(doc, "charges")) {
    if (!v->is_array()) rd.fail(errc::invalid_document, "/charges", "must be an array");
    for (std::size_t i = 0; i < v->size(); ++i) {
      c.charges.push_back(rd.charge_at((*v)[i], "/charges/" + std::to_string(i)));
    }
  }
  read_lines(rd, doc, out);
  return out;
}

namespace {

void write_origin(writer& w, const origin_section& o) {
  w.key("origin").begin_object();
  w.field("status", to_string(o.status));
  if (o.basis) w.field("basis", to_string(*o.basis));
  w.field("rule", o.rule);
  write_findings(w, "findings", o.findings);
  if (!o.missing.empty()) {
    w.key("missing").begin_array();
    for (const auto& m : o.missing) w.value(m);
    w.end_array();
  }
  if (!o.cumulation.empty()) {
    w.key("cumulation").begin_array();
    for (const auto& m : o.cumulation) w.value(m);
    w.end_array();
  }
  w.field("rule_reference", o.rule_reference);
  const auto dec = [](const decimal& d) { return d.to_string(); };
  w.key("margin").begin_object();
  w.amount("non_originating_value", o.non_originating_value);
  w.field_or_null("share", o.share, dec);
  w.field_or_null("limit", o.limit, dec);
  w.amount("amount", o.margin);
  w.end_object();
  if (o.headroom) {
    w.key("headroom").begin_object();
    w.field("unlimited", o.headroom->unlimited);
    w.amount("amount", o.headroom->amount);
    w.field("rule", o.headroom->rule_text);
    w.end_object();
  }
  w.key("flips").begin_array();
  for (const auto& f : o.flips) {
    w.begin_object();
    w.field("material", std::to_string(f.material));
    w.field("description", f.description);
    w.field("to", to_string(f.to));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_preference(writer& w, const preference_section& p) {
  w.key("preference").begin_object();
  w.field("regime", to_string(p.regime));
  w.field("arrangement", to_string(p.arrangement));
  w.field("eligible", p.eligible);
  w.field("status", to_string(p.status));
  if (p.duty) w.field("duty_text", p.duty->text);
  if (p.potential_duty) w.field("potential_duty_text", p.potential_duty->text);
  if (p.potential_saving) w.amount("potential_saving", p.potential_saving);
  if (!p.missing.empty()) {
    w.key("missing").begin_array();
    for (const auto& m : p.missing) w.value(m);
    w.end_array();
  }
  write_findings(w, "findings", p.findings);
  w.end_object();
}

/// The landed-cost figures of a line (fields of the line object).
void write_landed(writer& w, const landed_cost_line_result& lc) {
  w.amount("invoice_value", lc.invoice_value);
  w.amount("customs_value", lc.customs_value);
  w.key("duty").begin_object();
  w.field("measure", lc.duty.measure);
  w.field("text", lc.duty.text);
  w.field_or_null("rate", lc.duty.ad_valorem_rate, [](const decimal& d) { return d.to_string(); });
  w.amount("amount", lc.duty.amount);
  w.amount("third_country_amount", lc.duty.third_country_amount);
  w.amount("saving", lc.duty.saving);
  if (lc.duty.tariff_source.dataset.empty()) {
    w.key("tariff_record").null();
  } else {
    write_provenance(w, "tariff_record", lc.duty.tariff_source);
  }
  w.end_object();
  w.amount("excise", lc.excise);
  w.amount("fees", lc.fees);
  w.key("vat").begin_object();
  w.field("category", lc.vat_category);
  w.field("rate", lc.vat_rate.to_string());
  w.amount("base", lc.vat_base);
  w.amount("amount", lc.vat);
  write_provenance(w, "record", lc.vat_source);
  w.end_object();
  w.key("costs").begin_object();
  w.amount("freight_to_border", lc.freight_to_border);
  w.amount("insurance", lc.insurance);
  w.amount("freight_after_border", lc.freight_after_border);
  w.amount("other_to_destination", lc.other_to_destination);
  w.amount("additions", lc.additions);
  w.end_object();
  w.amount("landed_cost", lc.landed_cost);
  w.amount("landed_cost_excluding_vat", lc.landed_cost_excluding_vat);
  w.amount("landed_cost_per_unit", lc.landed_cost_per_unit);
  w.amount("landed_cost_per_kg", lc.landed_cost_per_kg);
}

void write_fair_price(writer& w, const fair_price_section& f) {
  w.key("fair_price").begin_object();
  w.field("method", to_string(f.method));
  w.amount("fair_price_per_unit", f.fair_price_per_unit);
  w.amount("price_paid_per_unit", f.price_paid_per_unit);
  w.amount("shortfall_per_unit", f.shortfall_per_unit);
  w.field_or_null("is_fair", f.is_fair);
  w.field_or_null("producer_share", f.producer_share, [](const decimal& d) { return d.to_string(); });
  if (f.price_due_per_unit) w.amount("price_due_per_unit", f.price_due_per_unit);
  if (f.premium_due_per_unit) w.amount("premium_due_per_unit", f.premium_due_per_unit);
  if (f.premium_paid_per_unit) {
    w.amount("premium_paid_per_unit", f.premium_paid_per_unit);
    w.amount("premium_shortfall_per_unit", f.premium_shortfall_per_unit);
    w.field_or_null("premium_paid_in_full", f.premium_paid_in_full);
  }
  write_findings(w, "findings", f.findings);
  w.end_object();
}

void write_line(writer& w, const report_line& l) {
  w.begin_object();
  w.field("id", l.id);
  w.field("hs_code", std::string(l.hs_code.digits()));
  w.field("description", l.description);
  if (l.quantity) {
    w.key("quantity").begin_object();
    w.field("value", l.quantity->value.to_string()).field("unit", l.quantity->unit.name());
    w.end_object();
  }
  if (l.net_mass) {
    w.key("net_mass").begin_object();
    w.field("value", l.net_mass->value().to_string()).field("unit", l.net_mass->unit().name());
    w.end_object();
  }
  if (l.origin) write_origin(w, *l.origin);
  if (l.preference) write_preference(w, *l.preference);
  if (l.landed) {
    write_landed(w, *l.landed);
  } else {
    w.key("landed_cost").null();  // a step failed: see errors; the totals leave the line out
  }
  if (l.fair_price) write_fair_price(w, *l.fair_price);
  write_findings(w, "findings", l.landed ? l.landed->findings : std::vector<finding>{});
  w.end_object();
}

void write_totals(writer& w, const landed_cost_totals& t, const std::vector<std::string>& left_out,
                  const std::optional<money>& potential) {
  w.key("totals").begin_object();
  w.key("lines_left_out").begin_array();
  for (const auto& id : left_out) w.value(id);
  w.end_array();
  w.amount("invoice_value", t.invoice_value);
  w.amount("customs_value", t.customs_value);
  w.amount("duty", t.duty);
  w.amount("third_country_duty", t.third_country_duty);
  w.amount("duty_saving", t.duty_saving);
  w.amount("potential_duty_saving", potential);
  w.amount("excise", t.excise);
  w.amount("fees", t.fees);
  w.amount("vat", t.vat);
  w.amount("landed_cost", t.landed_cost);
  w.amount("landed_cost_excluding_vat", t.landed_cost_excluding_vat);
  w.end_object();
}

void write_documents(writer& w, const std::vector<report_document>& documents) {
  w.key("documents").begin_array();
  for (const auto& d : documents) {
    w.begin_object();
    w.field("kind", d.kind);
    w.field("required", d.required);
    w.field_or_null("rex_required", d.rex_required);
    w.field_or_null("valid_until", d.valid_until,
                    [](const date::year_month_day& x) { return format_date(x); });
    w.field("can_be_made_out", d.can_be_made_out);
    w.field("text", d.text);
    write_findings(w, "findings", d.findings);
    w.end_object();
  }
  w.end_array();
}

void write_errors(writer& w, const std::vector<line_error>& errors) {
  w.key("errors").begin_array();
  for (const auto& e : errors) {
    const std::string tag = code_tag(e.code);
    w.begin_object();
    w.field("line_id", e.line_id);
    w.field("code", std::string_view(tag).substr(1, tag.size() - 2));
    w.field("field", e.field);
    w.field("message", e.message);
    w.end_object();
  }
  w.end_array();
}

void write_party(writer& w, const char* key, const party& p) {
  w.key(key).begin_object();
  w.field("name", p.name).field("country", p.country.to_string());
  if (!p.rex_number.empty()) w.field("rex_number", p.rex_number);
  w.end_object();
}

void write_header(writer& w, const report_header& h) {
  w.key("header").begin_object();
  write_party(w, "exporter", h.exporter);
  write_party(w, "importer", h.importer);
  w.field("incoterm", to_string(h.terms));
  w.field("invoice_currency", h.invoice_currency.to_string());
  w.field_or_null("transport_mode", h.transport,
                  [](transport_mode m) { return std::string(to_string(m)); });
  w.field_or_null("departure_country", h.departure_country,
                  [](country_code c) { return c.to_string(); });
  w.field_or_null("direct_transport", h.direct_transport);
  w.field("ioss", h.ioss);
  w.end_object();
}

void write_report(writer& w, const report& r) {
  w.begin_object();
  w.field("schema", "fairport.report/1");
  w.field("consignment_id", r.consignment_id);
  w.field("as_of", format_date(r.as_of));
  w.field("currency", r.currency.to_string());
  write_header(w, r.header);
  w.key("datasets").begin_array();
  for (const auto& d : r.datasets) {
    w.begin_object().field("id", d.id).field("version", d.version);
    w.key("layers").begin_array();
    for (const auto& l : d.layers) {
      w.begin_object().field("file", l.file).field("version", l.version).field("sha256", l.sha256);
      w.key("added").count(l.added).key("replaced").count(l.replaced);
      w.key("withdrawn").count(l.withdrawn).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  w.key("lines").begin_array();
  for (const auto& l : r.lines) write_line(w, l);
  w.end_array();
  write_totals(w, r.totals, r.lines_left_out_of_totals, r.potential_duty_saving);
  write_documents(w, r.documents);
  write_findings(w, "findings", r.findings);
  write_errors(w, r.errors);
  w.end_object();
}

}  // namespace

std::string to_json(const report& r, int indent) {
  writer w(indent);
  write_report(w, r);
  return w.take();
}

void write_json(std::ostream& out, const report& r, int indent) {
  writer w(indent, &out);
  write_report(w, r);
  w.flush();
}

FAIRPORT_END_NAMESPACE
