// The consignment check: origin -> preference -> landed cost -> fair price, per line.
#include "fairport/check/check.hpp"
#include "fairport/data/countries.hpp"

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "dataset/builtin_data.hpp"
#include "fairport/gsp/preference.hpp"
#include "fairport/origin/assess.hpp"
#include "fairport/pricing/fair_price.hpp"

FAIRPORT_BEGIN_NAMESPACE

std::vector<std::string> example_names() {
  std::vector<std::string> names;
  for (const auto& f : detail::builtin_examples()) {
    std::string n(f.path);
    if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) n.resize(n.size() - 5);
    names.push_back(n);
  }
  return names;
}

std::string_view example_consignment(std::string_view name) {
  for (const auto& f : detail::builtin_examples()) {
    if (f.path == name || f.path == std::string(name) + ".json") return f.content;
  }
  std::string known;
  for (const auto& n : example_names()) known += (known.empty() ? "" : ", ") + n;
  detail::throw_error(errc::invalid_argument, "no example consignment \"" + std::string(name) +
                                                  "\" (examples: " + known + ")");
}

int report::exit_status() const noexcept {
  if (!errors.empty()) return 2;
  for (const auto& l : lines) {
    if (l.origin && l.origin->status != origin_status::originating) return 1;
    if (l.preference && !l.preference->eligible) return 1;
    if (l.fair_price && l.fair_price->is_fair && !*l.fair_price->is_fair) return 1;
  }
  return 0;
}

namespace {

const currency_code eur_code = currency_code::parse("EUR");

origin_section origin_of(const consignment& c, const consignment_line& l,
                         const origin_assessor& assessor, std::optional<origin_status>& status) {
  origin_section o;
  const auto& claim = *l.origin;
  // Without an ex-works price the rules that need no value still decide (wholly obtained,
  // change of heading, processes); a value rule or tolerance is undetermined (Art. 37(14)).
  origin_product p{l.hs_code, money(l.ex_works_price.value_or(decimal()), c.currency),
                   c.exporter.country};
  p.ex_works_price_known = l.ex_works_price.has_value();
  p.wholly_obtained_claim = claim.wholly_obtained;
  p.operations = claim.operations;
  for (const auto& m : claim.materials) {
    origin_material om{m.description, m.hs_code, m.origin, m.value};
    om.net_weight_kg = m.weight_kg;
    om.cumulation_proof = m.cumulation;
    p.materials.push_back(std::move(om));
  }
  p.as_of = c.as_of;
  p.direct_transport = c.direct_transport;
  p.list_rule_row = claim.list_rule_row;
  p.wholly_obtained_category = claim.wholly_obtained_category;
  if (l.net_mass) p.net_weight_kg = l.net_mass->in_base();
  auto v = assessor.assess(p);
  status = v.status;
  o.status = v.status;
  o.basis = v.basis;
  o.rule = v.rule_text;
  o.rule_reference = v.rule_reference;
  o.non_originating_value = v.non_originating_value;
  o.share = v.share;
  o.limit = v.limit;
  o.margin = v.margin;
  if (p.ex_works_price_known && !p.wholly_obtained_claim) {
    // "No value limit" assumes extra material breaks nothing else: said only of the rule that
    // decided (a change of heading), never of another alternative (a textile stage that any
    // imported yarn would break).
    auto h = assessor.headroom(p);
    if (!h.unlimited || h.rule_text == v.rule_text) o.headroom = std::move(h);
  }
  if (v.status != origin_status::originating) o.flips = assessor.local_sourcing_flips(p);
  o.findings = std::move(v.findings);
  // What is missing is asked only while the verdict is open: an alternative that could not be
  // decided asks nothing once another alternative decided the line.
  if (v.status == origin_status::undetermined) o.missing = std::move(v.missing);
  for (const auto& m : v.materials) {
    if (!m.cumulation.empty() &&
        std::find(o.cumulation.begin(), o.cumulation.end(), m.cumulation) == o.cumulation.end()) {
      o.cumulation.push_back(m.cumulation);
    }
  }
  return o;
}

std::string origin_criterion(const consignment_line& l, const origin_section& o) {
  // Annex 22-07 note: "P" for wholly obtained, "W" and the heading for sufficiently worked, and
  // the cumulation used ("EU cumulation", "regional cumulation").
  std::string k;
  if (o.basis == origin_basis::wholly_obtained) {
    k = "P";
  } else {
    const auto d = l.hs_code.digits();
    k = "W " + std::string(d.substr(0, 2)) + "." + std::string(d.substr(2, 2));
  }
  for (const auto& c : o.cumulation) k += ", " + c;
  return k;
}

/// The origin criteria of the lines the statement on origin covers (those granted the
/// preference): one criterion when every line of the consignment is covered and shares it, else
/// each criterion with its lines ("W 56.02 (lines 1, 3), W 57.01 (line 2)"), so the statement
/// never seems to cover goods it does not.
std::string origin_criteria(const consignment& c,
                            const std::vector<std::optional<origin_section>>& origins,
                            const std::vector<std::optional<preference_section>>& prefs) {
  std::vector<std::pair<std::string, std::vector<std::string_view>>> groups;
  std::unordered_map<std::string, std::size_t> where;
  std::size_t covered = 0;
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    // Granted lines only: the preference is granted only to lines shown originating.
    if (!origins[i] || !prefs[i] || !prefs[i]->eligible) continue;
    ++covered;
    std::string k = origin_criterion(c.lines[i], *origins[i]);
    auto [it, fresh] = where.emplace(k, groups.size());
    if (fresh) groups.emplace_back(std::move(k), std::vector<std::string_view>{});
    groups[it->second].second.push_back(c.lines[i].id);
  }
  if (groups.size() == 1 && covered == c.lines.size()) return groups.front().first;
  std::string out;
  for (const auto& [criterion, ids] : groups) {
    if (!out.empty()) out += ", ";
    out += criterion + (ids.size() == 1 ? " (line " : " (lines ");
    for (std::size_t j = 0; j < ids.size(); ++j) {
      if (j) out += ", ";
      out += ids[j];
    }
    out += ")";
  }
  return out;
}

}  // namespace

struct consignment_checker::impl {
  explicit impl(const reference_data& d) : data(d), assessor(origin_scheme::eu_gsp, d), gsp(d) {}
  reference_data data;
  origin_assessor assessor;
  gsp_preference_engine gsp;
};

consignment_checker::consignment_checker(const reference_data& data)
    : impl_(std::make_shared<const impl>(data)) {}

const reference_data& consignment_checker::data() const noexcept { return impl_->data; }

report check_consignment(const consignment& c, const reference_data& data) {
  return consignment_checker(data).check(c);
}

namespace {

/// "/lines/<i>/<field>": the locator of a line error, a JSON Pointer into the consignment.
std::string line_pointer(std::size_t i, std::string_view field) {
  return "/lines/" + std::to_string(i) + (field.empty() ? "" : "/") + std::string(field);
}

/// What the origin and preference steps found for each line, by consignment line.
struct line_verdicts {
  explicit line_verdicts(std::size_t n) : origins(n), statuses(n), errors(n), prefs(n) {}
  std::vector<std::optional<origin_section>> origins;
  std::vector<std::optional<origin_status>> statuses;
  /// What a step of a line could not do; the line's other steps go on (an origin that cannot be
  /// assessed is not originating for the preference, so the line pays the third-country duty).
  std::vector<std::vector<line_error>> errors;
  std::vector<std::optional<preference_section>> prefs;
  std::optional<statement_on_origin> statement;  ///< of the first eligible line that needs one
  /// Of the first line refused because the exporter is not registered (no statement possible).
  std::optional<statement_on_origin> blocked;
};

/// The consignment-wide part of the landed-cost input (the lines are added later).
landed_cost_input landed_input_of(const consignment& c) {
  landed_cost_input in;
  in.id = c.id;
  in.as_of = c.as_of;
  in.destination = c.importer.country;
  in.terms = c.terms;
  in.currency = c.currency;
  in.declaration_currency = c.declaration_currency;
  in.named_place_beyond_border = c.named_place_beyond_border;
  in.transport = c.transport;
  in.departure_country = c.departure_country;
  in.ioss = c.ioss;
  in.exchange_rates = c.exchange_rates;
  in.costs = c.costs;
  in.charges = c.charges;
  return in;
}

/// Step 1: the origin of each line that claims one.
void check_origins(const consignment& c, const origin_assessor& assessor, line_verdicts& v) {
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    const auto& l = c.lines[i];
    if (!l.origin) continue;
    try {
      v.origins[i] = origin_of(c, l, assessor, v.statuses[i]);
    } catch (const error& e) {
      v.errors[i].push_back(line_error{l.id, e.code(), line_pointer(i, "origin"), e.what()});
    }
  }
}

/// Step 2: the value of the originating goods, in EUR, for the REX threshold (Art. 92 IA).
std::optional<money> originating_value_eur(const consignment& c, const line_verdicts& v,
                                           const landed_cost_input& in,
                                           const reference_data& data) {
  decimal sum;
  bool any = false;
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    if (v.statuses[i] == origin_status::originating) {
      sum = sum + c.lines[i].invoice_value;
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return convert_for_declaration(in, money(sum, c.currency), eur_code, data);
}

/// What the consignment would have to show for a line's preference to be given (fail closed:
/// until then the third-country duty is due): JSON Pointers into the consignment.
std::vector<std::string> preference_missing(const consignment& c, std::size_t i,
                                            const preference_decision& dcs) {
  std::vector<std::string> m;
  const bool qualifies = dcs.status == preference_status::conditional ||
                         (dcs.status == preference_status::refused &&
                          dcs.reason == preference_reason::exporter_not_registered);
  if (!qualifies) return m;
  if (dcs.origin == condition_status::unchecked) {
    m.push_back(line_pointer(i, "origin"));
  }
  if (dcs.direct_transport == condition_status::unchecked) m.push_back("/direct_transport");
  if (dcs.reason == preference_reason::exporter_not_registered) m.push_back("/exporter/rex_number");
  return m;
}

/// The preference section of a line from the GSP decision.
preference_section preference_of(const consignment& c, std::size_t i,
                                 const preference_decision& dcs) {
  preference_section p;
  // The regime that sets the duty (none: the third-country duty), and the best arrangement the
  // country has on the date, which a line may not be able to use.
  p.regime = dcs.eligible() ? dcs.applied : preference_regime::none;
  p.arrangement = dcs.regime;
  p.eligible = dcs.eligible();
  p.status = dcs.status;
  if (dcs.eligible() && dcs.preferential) p.duty = dcs.preferential;
  if (dcs.status == preference_status::conditional && dcs.preferential) {
    p.potential_duty = dcs.preferential;
    p.potential_regime = dcs.available;
  }
  p.missing = preference_missing(c, i, dcs);
  p.findings = dcs.findings;
  return p;
}

/// Step 3: the GSP preference of each line, given its origin verdict.
void check_preferences(const consignment& c, const gsp_preference_engine& gsp,
                       const std::optional<money>& originating_eur, line_verdicts& v) {
  std::map<std::string, preference_decision> decided;
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    const auto& l = c.lines[i];
    try {
      preference_query q(c.exporter.country, l.hs_code, c.importer.country, c.as_of);
      if (v.statuses[i] == origin_status::originating) q.originating = true;
      if (v.statuses[i] == origin_status::not_originating) q.originating = false;
      q.direct_transport = c.direct_transport;
      q.originating_value_eur = originating_eur;
      q.exporter_registered_rex = !c.exporter.rex_number.empty();
      q.exporter_name = c.exporter.name;
      q.rex_number = c.exporter.rex_number;
      q.statement_in_documents = true;
      // Lines of one CN code with the same origin verdict get the same decision (the query
      // differs in nothing else), so it is made once per consignment.
      const std::string memo_key =
          std::string(l.hs_code.digits()) + "/" +
          (q.originating ? (*q.originating ? "1" : "0") : std::string("?"));
      auto hit = decided.find(memo_key);
      if (hit == decided.end()) hit = decided.emplace(memo_key, gsp.decide(q)).first;
      const auto& dcs = hit->second;
      if (dcs.eligible() && !v.statement && dcs.statement.required) v.statement = dcs.statement;
      if (dcs.reason == preference_reason::exporter_not_registered && !v.blocked) {
        v.blocked = dcs.statement;
      }
      v.prefs[i] = preference_of(c, i, dcs);
    } catch (const error& e) {
      v.errors[i].push_back(line_error{l.id, e.code(), line_pointer(i, "hs_code"), e.what()});
    }
  }
}

/// The preferential duty a landed-cost line is charged under `regime`.
applied_duty applied_of(preference_regime r, const duty_expression& duty) {
  return applied_duty{std::string(to_string(r)), duty,
                      "Regulation (EU) No 978/2012 (GSP), " +
                          std::string(r == preference_regime::eba        ? "Art. 18"
                                      : r == preference_regime::gsp_plus ? "Art. 12"
                                                                         : "Art. 7")};
}

/// Step 4: a line of the landed-cost input, with the preferential duty when it is eligible.
landed_cost_line landed_line_of(const consignment_line& l,
                                const std::optional<preference_section>& pref) {
  landed_cost_line x;
  x.id = l.id;
  x.description = l.description;
  x.cn = l.hs_code;
  x.invoice_value = l.invoice_value;
  x.quantity = l.quantity;
  x.net_mass = l.net_mass;
  x.gross_mass = l.gross_mass;
  x.supplementary = l.supplementary;
  x.vat_category = l.vat_category;
  x.charges = l.charges;
  x.additions = l.additions;
  if (pref && pref->eligible && pref->duty) x.preferential = applied_of(pref->regime, *pref->duty);
  return x;
}

/// The duty each conditional line would save once its conditions are shown: the same landed
/// cost with its potential duty, compared with the third-country duty it pays. `rep.lines[i]` is
/// the result of `in.lines[i]`; lines that are not conditional are untouched.
void potential_savings(const landed_cost_input& in, const reference_data& data, report& rep) {
  landed_cost_input what_if = in;
  bool any = false;
  for (std::size_t i = 0; i < what_if.lines.size() && i < rep.lines.size(); ++i) {
    const auto& p = rep.lines[i].preference;
    if (p && p->potential_duty && rep.lines[i].landed) {
      what_if.lines[i].preferential = applied_of(p->potential_regime, *p->potential_duty);
      any = true;
    }
  }
  if (!any) return;
  const auto w = landed_cost(what_if, data);
  std::optional<money> total;
  std::size_t k = 0;
  for (auto& line : rep.lines) {
    if (!line.landed) continue;  // failed in both runs: not among the results
    while (k < w.lines.size() && w.lines[k].id != line.id) ++k;
    if (k == w.lines.size()) break;
    const auto& wl = w.lines[k++];
    if (!line.preference || !line.preference->potential_duty) continue;
    const money saving = line.landed->duty.amount - wl.duty.amount;
    line.preference->potential_saving = saving;
    total = total ? *total + saving : saving;
  }
  rep.potential_duty_saving = total;
}

/// The producer-price question of a line, per unit, in the invoice currency.
producer_price_line producer_line_of(const consignment& c, const consignment_line& l,
                                     const landed_cost_line_result* lr) {
  producer_price_line p;
  p.as_of = c.as_of;
  p.currency = c.currency;
  p.quantity_unit = l.quantity ? std::string(l.quantity->unit.name()) : std::string("piece");
  if (!l.producer->price_paid_per_unit) {
    detail::throw_error(errc::missing_input, "producer.price_paid_per_unit is required");
  }
  p.price_paid_per_unit = *l.producer->price_paid_per_unit;
  p.premium_paid_per_unit = l.producer->premium_paid_per_unit;
  if (const auto& a = l.producer->artisan) {
    p.artisan = artisan_terms{a->materials_per_unit, a->labour_minutes_per_unit, a->hourly_wage,
                              a->overhead_rate, a->margin_rate};
  }
  if (const auto& f = l.producer->fairtrade) {
    fairtrade_terms t;
    t.product = f->product;
    t.market_price = f->market_price;
    t.market_price_unit = f->market_price_unit;
    t.organic = f->organic;
    if (!f->region.empty()) t.region = f->region;
    if (!f->quality.empty()) t.quality = f->quality;
    t.contract_date = f->contract_date;
    p.fairtrade = t;
  }
  p.exchange_rates = c.exchange_rates;
  if (lr && lr->landed_cost_per_unit) p.landed_cost_per_unit = *lr->landed_cost_per_unit;
  return p;
}

/// Step 5: the fair-price check of a line (WFTO artisan cost or the Fairtrade minimum).
/// `lr` is null when the line's landed cost could not be computed: the verdict stands without the
/// producer's share of the landed cost.
fair_price_section fair_price_of(const consignment& c, const consignment_line& l,
                                 const landed_cost_line_result* lr, const reference_data& data) {
  auto fc = check_producer_price(producer_line_of(c, l, lr), data);
  fair_price_section f;
  f.method =
      l.producer->artisan ? fair_price_method::artisan_cost : fair_price_method::fairtrade_minimum;
  f.fair_price_per_unit = fc.fair_price_per_unit;
  f.price_paid_per_unit = fc.price_paid_per_unit;
  f.shortfall_per_unit = fc.shortfall_per_unit;
  f.is_fair = fc.is_fair;
  f.producer_share = fc.producer_share;
  f.price_due_per_unit = fc.price_due_per_unit;
  f.premium_due_per_unit = fc.premium_due_per_unit;
  f.premium_paid_per_unit = fc.premium_paid_per_unit;
  f.premium_shortfall_per_unit = fc.premium_shortfall_per_unit;
  f.premium_paid_in_full = fc.premium_paid_in_full;
  f.findings = std::move(fc.notes);
  return f;
}

/// Step 6: the statement on origin over the originating goods, once for the consignment.
report_document statement_document(const consignment& c, const statement_on_origin& statement,
                                   const std::optional<money>& originating_eur,
                                   const std::string& criteria, const reference_data& data) {
  report_document d;
  d.kind = "statement_on_origin";
  d.required = statement.required;
  d.rex_required = statement.rex_required;
  d.valid_until = statement.valid_until;
  d.can_be_made_out =
      !(statement.rex_required && *statement.rex_required && c.exporter.rex_number.empty());
  if (d.can_be_made_out) {
    std::string origin_name;
    if (const auto* ci = data.countries().find(c.exporter.country)) origin_name = ci->name;
    d.text = statement_on_origin_text(c.exporter.name, c.exporter.rex_number, origin_name, criteria);
  }
  if (originating_eur) {
    d.findings.push_back(
        make_finding("documents.originating_value", severity::info,
                     "originating goods in the consignment: " + originating_eur->to_string() +
                         (statement.threshold_eur ? std::string(" against the REX threshold EUR ") +
                                                        statement.threshold_eur->to_string()
                                                  : std::string()),
                     "Commission Implementing Regulation (EU) 2015/2447, Art. 92(1)"));
  }
  if (!d.can_be_made_out) {
    d.findings.push_back(make_finding(
        "documents.rex_missing", severity::error,
        "the originating goods exceed the threshold and the exporter has no REX number: the "
        "statement on origin cannot be made out and the preference cannot be claimed; register "
        "as a REX exporter (/exporter/rex_number)",
        "Commission Implementing Regulation (EU) 2015/2447, Art. 92(1)"));
  }
  return d;
}

/// The parties' countries decide every line (beneficiary, destination, VAT): a code that is no
/// country is bad input for the whole document, never "not a beneficiary".
void check_parties(const consignment& c, const reference_data& data) {
  std::vector<std::pair<country_code, const char*>> codes = {
      {c.exporter.country, "/exporter/country"}, {c.importer.country, "/importer/country"}};
  if (c.departure_country) codes.emplace_back(*c.departure_country, "/transport/departure_country");
  for (const auto& [code, where] : codes) {
    if (data.countries().find(code) == nullptr) {
      error_context ctx;
      ctx.argument = where;
      detail::throw_error(errc::invalid_country_code,
                          std::string(where) + ": \"" + code.to_string() +
                              "\" is not a country of iso3166_countries",
                          ctx);
    }
  }
}

/// Line ids name the lines in the report, its errors and its totals: two lines with one id are
/// bad input for the whole document (the JSON reader refuses them too), never merged.
void check_line_ids(const consignment& c) {
  std::unordered_set<std::string> seen;
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    if (seen.insert(c.lines[i].id).second) continue;
    error_context ctx;
    ctx.argument = "/lines/" + std::to_string(i) + "/id";
    detail::throw_error(errc::invalid_document,
                        ctx.argument + ": line id \"" + c.lines[i].id + "\" is used twice", ctx);
  }
}

/// The consignment line a pointer "/lines/<k>" or "/lines/<k>/..." names, if k < n. The
/// landed-cost input holds every line in order, so its pointers are the consignment's.
std::optional<std::size_t> line_of_pointer(std::string_view field, std::size_t n) {
  constexpr std::string_view lines = "/lines/";
  if (field.substr(0, lines.size()) != lines) return std::nullopt;
  const std::string_view rest = field.substr(lines.size());
  const std::string_view digits = rest.substr(0, rest.find('/'));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos ||
      digits.size() > 18) {
    return std::nullopt;
  }
  const std::size_t k = std::stoull(std::string(digits));
  return k < n ? std::optional<std::size_t>(k) : std::nullopt;
}

/// The report's lines, in the consignment's order, each with what every step found:
/// origin, preference, the landed cost (none when its duty, value or VAT step failed: the line
/// is then left out of the totals) and the fair price; the errors of each line, step by step.
void report_lines(const consignment& c, const reference_data& data, line_verdicts& v,
                  landed_cost_result& landed, report& rep) {
  const std::size_t n = c.lines.size();
  // Landed lines keep the consignment's order: line i's result, or none when it failed.
  std::vector<landed_cost_line_result*> landed_of(n, nullptr);
  std::size_t next = 0;
  for (auto& lr : landed.lines) {
    std::size_t i = next;
    while (i < n && c.lines[i].id != lr.id) ++i;
    if (i == n) break;
    landed_of[i] = &lr;
    next = i + 1;
  }
  std::vector<std::vector<line_error>> landed_errors(n);
  for (auto& e : landed.errors) {
    if (const auto i = line_of_pointer(e.field, n)) {
      landed_errors[*i].push_back(std::move(e));
    } else {
      rep.errors.push_back(std::move(e));
    }
  }
  rep.lines.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& l = c.lines[i];
    for (auto& e : v.errors[i]) rep.errors.push_back(std::move(e));
    for (auto& e : landed_errors[i]) rep.errors.push_back(std::move(e));
    report_line rl;
    rl.id = l.id;
    rl.hs_code = l.hs_code;
    rl.description = l.description;
    rl.quantity = l.quantity;
    rl.net_mass = l.net_mass;
    rl.origin = std::move(v.origins[i]);
    rl.preference = std::move(v.prefs[i]);
    if (l.producer && (l.producer->artisan || l.producer->fairtrade)) {
      try {
        rl.fair_price = fair_price_of(c, l, landed_of[i], data);
      } catch (const error& e) {
        rep.errors.push_back(line_error{l.id, e.code(), line_pointer(i, "producer"), e.what()});
      }
    }
    if (landed_of[i] != nullptr) {
      rl.landed = std::move(*landed_of[i]);
    } else {
      rep.lines_left_out_of_totals.push_back(l.id);
    }
    rep.lines.push_back(std::move(rl));
  }
}

}  // namespace

report consignment_checker::check(const consignment& c) const {
  const reference_data& data = impl_->data;
  check_parties(c, data);
  check_line_ids(c);
  report rep;
  rep.consignment_id = c.id;
  rep.as_of = c.as_of;
  rep.header = {c.exporter, c.importer, c.terms, c.currency, c.transport, c.departure_country,
                c.direct_transport, c.ioss};
  for (const auto& d : data.datasets()) rep.datasets.push_back({d.id, d.version, d.layers});
  const std::size_t n = c.lines.size();
  line_verdicts v(n);
  landed_cost_input in = landed_input_of(c);
  check_origins(c, impl_->assessor, v);
  const std::optional<money> originating_eur = originating_value_eur(c, v, in, data);
  check_preferences(c, impl_->gsp, originating_eur, v);
  // The origin criteria of the lines granted the preference, for the statement (Annex 22-07).
  const std::string criteria = origin_criteria(c, v.origins, v.prefs);
  // Every line goes to the landed cost, whatever its other steps found: each step of a line
  // succeeds or fails on its own (a line without a preference pays the third-country duty).
  for (std::size_t i = 0; i < n; ++i) in.lines.push_back(landed_line_of(c.lines[i], v.prefs[i]));
  if (in.lines.empty()) {
    rep.currency = c.declaration_currency.value_or(eur_code);
    return rep;
  }
  auto landed = landed_cost(in, data);
  rep.currency = landed.currency;
  rep.totals = landed.totals;
  rep.findings = std::move(landed.findings);
  report_lines(c, data, v, landed, rep);
  potential_savings(in, data, rep);
  if (v.statement || v.blocked) {
    rep.documents.push_back(statement_document(c, v.statement ? *v.statement : *v.blocked,
                                               originating_eur, criteria, data));
  }
  return rep;
}

FAIRPORT_END_NAMESPACE
