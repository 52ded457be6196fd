// The HTML report: one self-contained page, no scripts, no network.
#include <sstream>
#include <string>

#include "fairport/io/report_format.hpp"
#include "fairport/text.hpp"

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

void html_head(std::ostream& h, const report& r, const std::string& cur) {
  h << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    << "<title>fairport check " << esc(r.consignment_id) << "</title><style>"
    << "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
    << "td,th{border:1px solid #bbb;padding:4px 8px}td.n{text-align:right;font-family:monospace}"
    << ".ok{color:#176c2b}.bad{color:#b00020;font-weight:bold}.findings{font-size:90%}"
    << ".findings .warning{color:#8a5a00}.findings "
       ".error{color:#b00020}.code{font-family:monospace;color:#555}"
    << ".ref{color:#777;font-size:85%}.statement{border:1px solid "
       "#888;padding:1em;white-space:pre-wrap}"
    << "@media print{body{margin:0}}</style></head><body>\n";
  h << "<h1>Consignment " << esc(r.consignment_id) << "</h1><p>As of " << format_date(r.as_of)
    << "; amounts in " << cur << "; exit status " << r.exit_status() << ".</p>\n";
}

/// The verdicts table, the totals, the duty saved and the lines not checked.
void html_verdicts(std::ostream& h, const report& r, const std::string& cur) {
  h << "<h2>Verdicts</h2><table><tr><th>line</th><th>origin</th><th>preference</th>"
    << "<th>customs value</th><th>duty</th><th>VAT</th><th>landed cost</th><th>producer "
       "price</th></tr>\n";
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
        << "</span> (fair " << amt(f.fair_price_per_unit);
      if (f.price_paid_per_unit) h << ", paid " << amt(*f.price_paid_per_unit);
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

/// One line's cost breakdown (an SVG bar chart) and its findings.
void html_costs(std::ostream& h, const report_line& l, const std::string& cur) {
  if (!l.landed) {
    h << "<h3>Line " << esc(l.id) << ": landed cost not computed (see the errors)</h3>\n";
    return;
  }
  const auto& c = *l.landed;
  struct part {
    const char* name;
    money value;
    const char* colour;
  };
  const money goods = c.invoice_value;
  const money transport =
      c.customs_value - c.invoice_value + c.freight_after_border + c.other_to_destination;
  const part parts[] = {{"goods", goods, "#4e79a7"},
                        {"transport and insurance", transport, "#f28e2b"},
                        {"duty", c.duty.amount, "#e15759"},
                        {"excise and fees", c.excise + c.fees, "#76b7b2"},
                        {"VAT", c.vat, "#59a14f"}};
  const long width = 560;  // bars start at x = 300, after the labels
  h << "<h3>Line " << esc(l.id) << ": landed cost " << amt(c.landed_cost) << ' ' << cur
    << "</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width + 310 << "\" height=\""
    << 24 * 5 + 10 << "\" role=\"img\" aria-label=\"cost breakdown of line " << esc(l.id) << "\">";
  int y = 5;
  for (const auto& p : parts) {
    h << "<rect x=\"300\" y=\"" << y << "\" width=\"" << px(p.value, c.landed_cost, width)
      << "\" height=\"18\" fill=\"" << p.colour << "\"/><text x=\"0\" y=\"" << y + 14 << "\">"
      << p.name << " " << amt(p.value) << "</text>";
    y += 24;
  }
  h << "</svg>\n";
  findings_html(h, c.findings);
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

void html_line(std::ostream& h, const report_line& l, const std::string& cur) {
  html_costs(h, l, cur);
  if (l.origin) {
    h << "<p>Origin: <b>" << esc(std::string(to_string(l.origin->status))) << "</b>";
    if (!l.origin->rule.empty()) h << " by the rule &ldquo;" << esc(l.origin->rule) << "&rdquo;";
    h << "</p>";
    html_origin_margin(h, *l.origin);
    findings_html(h, l.origin->findings);
  }
  if (l.preference) {
    h << "<p>Preference: <b>" << esc(std::string(to_string(l.preference->regime))) << "</b>, "
      << (l.preference->eligible ? "eligible" : "not eligible") << " ("
      << esc(std::string(to_string(l.preference->status))) << ")";
    if (l.preference->potential_duty) {
      h << "; would be " << esc(l.preference->potential_duty->text)
        << (l.preference->potential_saving
                ? " (saving " + esc(l.preference->potential_saving->to_string()) + ")"
                : std::string())
        << " once shown, the third-country duty is due until then";
    }
    h << "</p>";
    if (!l.preference->missing.empty()) {
      h << "<p>To unlock the preference, declare:</p><ul>";
      for (const auto& m : l.preference->missing) h << "<li><code>" << esc(m) << "</code></li>";
      h << "</ul>";
    }
    findings_html(h, l.preference->findings);
  }
  if (l.fair_price) findings_html(h, l.fair_price->findings);
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

}  // namespace

std::string to_html(const report& r) {
  std::ostringstream h;
  const std::string cur = r.currency.to_string();
  html_head(h, r, cur);
  html_verdicts(h, r, cur);
  h << "<h2>Cost breakdown per line</h2>\n";
  for (const auto& l : r.lines) html_line(h, l, cur);
  html_documents(h, r);
  h << "<h2>Consignment findings</h2>";
  findings_html(h, r.findings);
  h << "<h2>Reference data</h2><p>";
  bool first = true;
  for (const auto& d : r.datasets) {
    h << (first ? "" : ", ") << esc(d.id) << " " << esc(d.version);
    for (const auto& l : d.layers) h << " <mark>+ user data " << esc(to_string(l)) << "</mark>";
    first = false;
  }
  h << "</p></body></html>\n";
  return h.str();
}

FAIRPORT_END_NAMESPACE
