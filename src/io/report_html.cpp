// The HTML report: one self-contained page, no scripts, no network.
#include <sstream>
#include <string>
#include <vector>

#include "fairport/io/report_format.hpp"
#include "fairport/tariff/search.hpp"
#include "fairport/text.hpp"
#include "fairport/version.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

std::string esc(const std::string& s) {
  std::string o;
  o.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        o += "&amp;";
        break;
      case '<':
        o += "&lt;";
        break;
      case '>':
        o += "&gt;";
        break;
      case '"':
        o += "&quot;";
        break;
      default:
        o += c;
    }
  }
  return o;
}

std::string amt(const money& m) { return m.amount().to_string(); }

/// Bar widths for the chart: the layout needs proportions, not money, so each part's share of
/// the landed cost is computed exactly and rounded to a whole pixel (display only).
long px(const money& part, const money& whole, long width) {
  if (whole.amount().signum() <= 0 || part.amount().signum() <= 0) return 0;
  const decimal w =
      divide(part.amount() * decimal(width), whole.amount(), 0, rounding_mode::half_even);
  return static_cast<long>(w.coefficient());
}

void findings_html(std::ostream& h, const std::vector<finding>& fs) {
  if (fs.empty()) return;
  h << "<ul class=\"findings\">";
  for (const auto& f : fs) {
    h << "<li class=\"" << to_string(f.level) << "\"><span class=\"code\">" << esc(f.code)
      << "</span> " << esc(f.message);
    if (!f.reference.empty()) h << " <span class=\"ref\">" << esc(f.reference) << "</span>";
    h << "</li>";
  }
  h << "</ul>";
}

}  // namespace

namespace {

/// The style: a document on screen, A4 in print (page header with the consignment, page
/// numbers, no table row or block split across pages, the full reasoning folded away).
constexpr const char* style =
    "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em auto;max-width:60em;color:#222;"
    "font-size:11pt}h1{font-size:16pt;margin:0}h2{font-size:12.5pt;border-bottom:1px solid #888;"
    "margin:1.1em 0 .4em}h3{font-size:11pt;margin:.8em 0 .3em}table{border-collapse:collapse;"
    "width:100%}td,th{border:1px solid #bbb;padding:3px 6px;text-align:left;vertical-align:top}"
    "th{background:#eee}td.n,th.n{text-align:right;font-family:'DejaVu Sans Mono',monospace;"
    "white-space:nowrap}.ok{color:#176c2b}.bad{color:#b00020;font-weight:bold}"
    ".findings{font-size:90%}.findings .warning{color:#8a5a00}.findings .error{color:#b00020}"
    ".code{font-family:monospace;color:#555}.ref{color:#666;font-size:90%}"
    ".statement{border:1px solid #888;padding:.6em;white-space:pre-wrap}"
    ".parties td{border:none;padding:1px 6px 1px 0}.parties th{background:none;border:none;"
    "padding:1px 10px 1px 0;white-space:nowrap;color:#555;font-weight:normal}"
    ".sub{color:#555;margin:.2em 0 .8em}.todo li{list-style:'\\2610  '}"
    ".line,.statement,tr,li,.sign{break-inside:avoid}.sign td{border:none;padding:1.6em 1em 0 0;"
    "border-bottom:1px solid #444;width:33%}.key{margin:.2em 0;padding-left:1.2em}"
    "details summary{cursor:pointer;color:#444}"
    "@page{size:A4;margin:16mm 13mm 15mm 13mm;@top-left{content:var(--fp-head);"
    "font:8pt sans-serif;color:#555}@top-right{content:'page ' counter(page) ' of ' "
    "counter(pages);font:8pt sans-serif;color:#555}}"
    "@media print{body{margin:0;max-width:none;font-size:8.5pt}h1{font-size:13pt}"
    "h2{font-size:10pt;margin:.7em 0 .3em}h3{font-size:9pt;margin:.5em 0 .2em}"
    "svg.costs{display:none}.findings{font-size:7.5pt}td,th{padding:2px 4px}}";

/// A CSS string literal of a text (for the print header).
std::string css_string(const std::string& s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (c == '<' || c == '>') {
      o += ' ';
      continue;
    }
    o += c;
  }
  return o + "\"";
}

std::string party_html(const party& p, bool exporter) {
  std::string s = esc(p.name) + " (" + p.country.to_string() + ")";
  if (exporter) {
    s += p.rex_number.empty() ? ", no REX number given (see the statement on origin)"
                              : ", REX number " + esc(p.rex_number);
  }
  return s;
}

void html_head(std::ostream& h, const report& r, const std::string& cur) {
  const auto& x = r.header;
  h << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<title>fairport check " << esc(r.consignment_id) << "</title><style>" << style
    << ":root{--fp-head:"
    << esc(css_string("Consignment " + r.consignment_id + " \u00b7 as of " + format_date(r.as_of) +
                      " \u00b7 fairport check"))
    << "}</style></head><body>\n";
  h << "<h1>Consignment " << esc(r.consignment_id) << "</h1><p class=\"sub\">Import check as of "
    << format_date(r.as_of) << "; amounts in " << cur << " unless marked.</p>\n";
  h << "<table class=\"parties\"><tr><th>Exporter</th><td>" << party_html(x.exporter, true)
    << "</td></tr><tr><th>Importer</th><td>" << party_html(x.importer, false)
    << "</td></tr><tr><th>Terms</th><td>" << to_string(x.terms) << " (Incoterms 2020); invoiced in "
    << x.invoice_currency.to_string() << "; declared in " << cur
    << (x.ioss ? "; IOSS declared" : "") << "</td></tr><tr><th>Transport</th><td>"
    << (x.transport ? esc(std::string(to_string(*x.transport))) : std::string("mode not given"));
  if (x.departure_country) h << " from " << x.departure_country->to_string();
  h << "; direct transport "
    << (x.direct_transport && *x.direct_transport ? "declared" : "<span class=\"bad\">not declared</span>")
    << "</td></tr></table>\n";
}

/// The goods table: which line is which good.
void html_goods(std::ostream& h, const report& r) {
  h << "<h2>Goods</h2><table><tr><th>line</th><th>CN code</th><th>description</th>"
    << "<th class=\"n\">quantity</th><th class=\"n\">net mass</th></tr>\n";
  for (const auto& l : r.lines) {
    h << "<tr><td>" << esc(l.id) << "</td><td class=\"n\">" << format_cn(l.hs_code.digits())
      << "</td><td>" << esc(l.description) << "</td><td class=\"n\">"
      << (l.quantity ? esc(l.quantity->to_string()) : "-") << "</td><td class=\"n\">"
      << (l.net_mass ? esc(l.net_mass->to_string()) : "-") << "</td></tr>\n";
  }
  h << "</table>\n";
}

/// What the document must still show (the report's missing items), as a checklist.
void html_todo(std::ostream& h, const report& r) {
  const auto todo = todo_list(r);
  if (todo.empty()) return;
  h << "<h2>To do: what the document must still show</h2><ul class=\"todo\">";
  for (const auto& t : todo) {
    h << "<li>Line " << esc(t.line_id) << ": " << esc(t.what);
    if (!t.pointer.empty()) h << " <span class=\"code\">" << esc(t.pointer) << "</span>";
    h << "</li>";
  }
  h << "</ul>\n";
}

/// The verdicts table, the totals, the duty saved and the lines not checked.
void html_verdicts(std::ostream& h, const report& r, const std::string& cur) {
  h << "<h2>Verdicts and amounts (" << cur << ")</h2><table><tr><th>line</th><th>origin</th>"
    << "<th>preference</th><th class=\"n\">customs value</th><th class=\"n\">duty</th>"
    << "<th class=\"n\">VAT</th><th class=\"n\">landed cost</th><th>producer price</th></tr>\n";
  for (const auto& l : r.lines) {
    const bool orig_ok = !l.origin || l.origin->status == origin_status::originating;
    const bool pref_ok = !l.preference || l.preference->eligible;
    h << "<tr><td>" << esc(l.id) << "</td><td class=\"" << (orig_ok ? "ok" : "bad") << "\">"
      << esc(l.origin ? std::string(to_string(l.origin->status)) : "-") << "</td><td class=\""
      << (pref_ok ? "ok" : "bad") << "\">"
      << esc(l.preference ? std::string(to_string(l.preference->regime)) : "-")
      << "</td>";
    if (l.landed) {
      h << "<td class=\"n\">" << amt(l.landed->customs_value) << "</td><td class=\"n\">"
        << amt(l.landed->duty.amount) << "</td><td class=\"n\">" << amt(l.landed->vat)
        << "</td><td class=\"n\">" << amt(l.landed->landed_cost) << "</td><td>";
    } else {
      h << "<td colspan=\"4\" class=\"bad\">not computed (see the errors)</td><td>";
    }
    if (l.fair_price) {
      const auto& f = *l.fair_price;
      const bool fair = !f.is_fair || *f.is_fair;
      h << "<span class=\"" << (fair ? "ok" : "bad") << "\">"
        << (f.is_fair ? (*f.is_fair ? "fair" : "below fair") : "no price paid given")
        << "</span> (fair price " << esc(f.fair_price_per_unit.to_string());
      if (f.price_paid_per_unit) h << ", paid " << esc(f.price_paid_per_unit->to_string());
      h << ")";
    } else {
      h << "-";
    }
    h << "</td></tr>\n";
  }
  const auto& t = r.totals;
  h << "<tr><th colspan=\"3\">total</th><td class=\"n\">" << amt(t.customs_value)
    << "</td><td class=\"n\">" << amt(t.duty) << "</td><td class=\"n\">" << amt(t.vat)
    << "</td><td class=\"n\">" << amt(t.landed_cost) << "</td><td></td></tr></table>\n";
  if (!r.lines_left_out_of_totals.empty()) {
    h << "<p class=\"bad\">The totals leave out line";
    h << (r.lines_left_out_of_totals.size() > 1 ? "s" : "");
    for (std::size_t i = 0; i < r.lines_left_out_of_totals.size(); ++i) {
      h << (i ? ", " : " ") << esc(r.lines_left_out_of_totals[i]);
    }
    h << ", whose landed cost could not be computed.</p>\n";
  }
  h << "<p>Duty saved by preference: " << amt(t.duty_saving) << ' ' << cur
    << " (third-country duty " << amt(t.third_country_duty) << ' ' << cur << ").</p>\n";
  if (r.potential_duty_saving) {
    h << "<p>Potential saving, not in the figures above: " << amt(*r.potential_duty_saving) << ' '
      << cur << " more once what is missing is shown.</p>\n";
  }
  for (const auto& e : r.errors) {
    h << "<p class=\"bad\">Line " << esc(e.line_id) << ", " << esc(e.field) << ": "
      << esc(e.message) << "</p>\n";
  }
}

/// One line's cost breakdown: an SVG bar chart on screen (bar lengths are display proportions,
/// the figures beside them are exact), left out in print where the key figures say it.
void html_costs(std::ostream& h, const report_line& l) {
  if (!l.landed) return;
  const auto& c = *l.landed;
  struct part {
    const char* name;
    money value;
    const char* colour;
  };
  const money transport =
      c.customs_value - c.invoice_value + c.freight_after_border + c.other_to_destination;
  const part parts[] = {{"goods", c.invoice_value, "#4e79a7"},
                        {"transport and insurance", transport, "#f28e2b"},
                        {"duty", c.duty.amount, "#e15759"},
                        {"excise and fees", c.excise + c.fees, "#76b7b2"},
                        {"VAT", c.vat, "#59a14f"}};
  const long width = 420;  // bars start at x = 260, after the labels
  h << "<svg class=\"costs\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width + 270
    << "\" height=\"" << 20 * 5 + 6 << "\" role=\"img\" aria-label=\"cost breakdown of line "
    << esc(l.id) << "\">";
  int y = 3;
  for (const auto& p : parts) {
    h << "<rect x=\"260\" y=\"" << y << "\" width=\"" << px(p.value, c.landed_cost, width)
      << "\" height=\"15\" fill=\"" << p.colour << "\"/><text x=\"0\" y=\"" << y + 12
      << "\" font-size=\"12\">" << p.name << " " << amt(p.value) << "</text>";
    y += 20;
  }
  h << "</svg>\n";
}

/// The margin of the deciding value rule, the headroom and the materials that would flip it.
void html_origin_margin(std::ostream& h, const origin_section& o) {
  h << "<ul class=\"margin\">";
  if (o.share && o.limit && o.margin && o.non_originating_value) {
    h << "<li>Non-originating materials " << esc(o.non_originating_value->to_string()) << " = "
      << percent_text(*o.share, decimal(1), 2) << " of the ex-works price, limit "
      << percent_text(*o.limit) << ": "
      << (o.margin->amount().is_negative() ? "over by " : "room for ")
      << esc(money(o.margin->amount().abs(), o.margin->currency()).to_string()) << "</li>";
  }
  if (o.headroom && o.headroom->unlimited) {
    h << "<li>Headroom: no value limit (&ldquo;" << esc(o.headroom->rule_text) << "&rdquo;)</li>";
  } else if (o.headroom && o.headroom->amount) {
    h << "<li>Headroom: " << esc(o.headroom->amount->to_string())
      << " more non-originating value</li>";
  }
  for (const auto& f : o.flips) {
    h << "<li>Sourcing &lsquo;" << esc(f.description)
      << "&rsquo; in the exporting country would make it <b>" << esc(std::string(to_string(f.to)))
      << "</b></li>";
  }
  h << "</ul>";
}

/// The findings that are not informative (warnings, errors): always shown.
std::vector<finding> notable(const std::vector<finding>& fs) {
  std::vector<finding> out;
  for (const auto& f : fs) {
    if (f.level != severity::info) out.push_back(f);
  }
  return out;
}

/// The key figures of a line's landed cost, each with its rate and source.
void html_landed_key(std::ostream& h, const landed_cost_line_result& c) {
  h << "<li>Customs value <b>" << esc(c.customs_value.to_string()) << "</b> (invoice "
    << esc(c.invoice_value.to_string()) << ", transport and insurance to the border "
    << esc((c.freight_to_border + c.insurance).to_string());
  if (c.additions.amount().signum() != 0) h << ", additions " << esc(c.additions.to_string());
  h << "); duty " << esc(c.duty.text.empty() ? c.duty.measure : c.duty.text) << " ("
    << esc(c.duty.measure) << ") = <b>" << esc(c.duty.amount.to_string()) << "</b>";
  if (c.duty.saving.amount().signum() > 0) {
    h << ", saving " << esc(c.duty.saving.to_string()) << " on the third-country duty";
  }
  if (!c.duty.tariff_source.dataset.empty()) {
    h << " <span class=\"ref\">[" << esc(c.duty.tariff_source.to_string()) << "]</span>";
  }
  h << "</li><li>Import VAT " << percent_text(c.vat_rate) << " (" << esc(c.vat_category)
    << ") of " << esc(c.vat_base.to_string()) << " = <b>" << esc(c.vat.to_string())
    << "</b>; landed cost <b>" << esc(c.landed_cost.to_string()) << "</b>";
  if (c.landed_cost_per_unit) h << ", " << esc(c.landed_cost_per_unit->to_string()) << " per unit";
  if (c.landed_cost_per_kg) h << ", " << esc(c.landed_cost_per_kg->to_string()) << " per kg";
  h << "</li>";
}

void html_preference_key(std::ostream& h, const preference_section& p) {
  h << "<li>Preference: <b>" << esc(std::string(to_string(p.regime))) << "</b>, "
    << (p.eligible ? "eligible" : "not eligible") << " ("
    << esc(std::string(to_string(p.status))) << ")";
  if (p.potential_duty) {
    h << "; would be " << esc(p.potential_duty->text)
      << (p.potential_saving ? " (saving " + esc(p.potential_saving->to_string()) + ")"
                             : std::string())
      << " once shown (see the to-do list), the third-country duty is due until then";
  }
  h << "</li>";
}

/// One line's reasoning: the key figures with their rules, the warnings and errors, then every
/// finding folded away (on screen a click opens it).
void html_line(std::ostream& h, const report_line& l) {
  h << "<div class=\"line\"><h3>Line " << esc(l.id) << " &middot; CN "
    << format_cn(l.hs_code.digits()) << " &middot; " << esc(l.description) << "</h3>";
  html_costs(h, l);
  h << "<ul class=\"key\">";
  if (l.origin) {
    h << "<li>Origin: <b>" << esc(std::string(to_string(l.origin->status))) << "</b>";
    if (l.origin->basis) h << " (" << esc(std::string(to_string(*l.origin->basis))) << ")";
    if (!l.origin->rule.empty()) h << " by the rule &ldquo;" << esc(l.origin->rule) << "&rdquo;";
    if (!l.origin->rule_reference.empty()) {
      h << " <span class=\"ref\">[" << esc(l.origin->rule_reference) << "]</span>";
    }
    h << "</li>";
  }
  if (l.preference) html_preference_key(h, *l.preference);
  if (l.landed) {
    html_landed_key(h, *l.landed);
  } else {
    h << "<li class=\"bad\">Landed cost not computed (see the errors)</li>";
  }
  if (l.fair_price) {
    const auto& f = *l.fair_price;
    h << "<li>Producer price (" << esc(std::string(to_string(f.method))) << "): fair price "
      << esc(f.fair_price_per_unit.to_string()) << " per unit";
    if (f.price_paid_per_unit) h << ", paid " << esc(f.price_paid_per_unit->to_string());
    if (f.premium_paid_per_unit && f.price_due_per_unit && f.premium_due_per_unit) {
      h << " (price due " << esc(f.price_due_per_unit->to_string()) << ", short "
        << esc(f.shortfall_per_unit->to_string()) << "; Fairtrade Premium due "
        << esc(f.premium_due_per_unit->to_string()) << ", paid "
        << esc(f.premium_paid_per_unit->to_string()) << ", still due "
        << esc(f.premium_shortfall_per_unit->to_string()) << ")";
    } else if (f.premium_due_per_unit) {
      h << " (of which Fairtrade Premium " << esc(f.premium_due_per_unit->to_string()) << ")";
    }
    if (f.is_fair) h << ": <b class=\"" << (*f.is_fair ? "ok" : "bad") << "\">"
                     << (*f.is_fair ? "fair" : "below fair") << "</b>";
    h << "</li>";
  }
  h << "</ul>";
  if (l.origin) html_origin_margin(h, *l.origin);
  std::vector<finding> all;
  for (const auto* fs : {l.origin ? &l.origin->findings : nullptr,
                         l.preference ? &l.preference->findings : nullptr,
                         l.landed ? &l.landed->findings : nullptr,
                         l.fair_price ? &l.fair_price->findings : nullptr}) {
    if (fs != nullptr) all.insert(all.end(), fs->begin(), fs->end());
  }
  findings_html(h, notable(all));
  h << "<details><summary>The reasoning in full: " << all.size()
    << " findings with their legal acts and records</summary>";
  findings_html(h, all);
  h << "</details></div>\n";
}

void html_documents(std::ostream& h, const report& r) {
  for (const auto& d : r.documents) {
    h << "<h2>" << (d.kind == "statement_on_origin" ? "Statement on origin" : esc(d.kind))
      << "</h2><p>" << (d.required ? "Required" : "Not required");
    if (d.rex_required && *d.rex_required) h << "; the exporter must be registered in REX";
    if (d.valid_until) h << "; valid until " << format_date(*d.valid_until);
    h << ".</p>";
    if (!d.can_be_made_out) h << "<p><b>It cannot be made out:</b> see the findings below.</p>";
    if (!d.text.empty()) h << "<div class=\"statement\">" << esc(d.text) << "</div>";
    findings_html(h, d.findings);
  }
}

/// The signature block: who checked the figures and when (the report advises; the declaration
/// is the declarant's).
void html_signature(std::ostream& h) {
  h << "<table class=\"sign\"><tr><td>Checked by (name)</td><td>Date</td><td>Signature</td></tr>"
       "</table><p class=\"ref\">Computed by fairport " FAIRPORT_VERSION_STRING
       " from the document and the reference data below; every figure has its rule, rate, "
       "record and legal act in the reasoning. The customs declaration remains the "
       "declarant's.</p>\n";
}

}  // namespace

std::string to_html(const report& r) {
  std::ostringstream h;
  const std::string cur = r.currency.to_string();
  html_head(h, r, cur);
  html_goods(h, r);
  html_verdicts(h, r, cur);
  html_todo(h, r);
  html_documents(h, r);
  h << "<h2>Reasoning per line</h2>\n";
  for (const auto& l : r.lines) html_line(h, l);
  const auto consignment_notes = notable(r.findings);
  h << "<h2>Consignment</h2>";
  findings_html(h, consignment_notes);
  h << "<details><summary>All " << r.findings.size() << " consignment findings</summary>";
  findings_html(h, r.findings);
  h << "</details>";
  h << "<h2>Reference data</h2><p class=\"ref\">";
  bool first = true;
  for (const auto& d : r.datasets) {
    h << (first ? "" : ", ") << esc(d.id) << " " << esc(d.version);
    for (const auto& l : d.layers) h << " <mark>+ user data " << esc(to_string(l)) << "</mark>";
    first = false;
  }
  h << "</p>\n";
  html_signature(h);
  h << "</body></html>\n";
  return h.str();
}

FAIRPORT_END_NAMESPACE
