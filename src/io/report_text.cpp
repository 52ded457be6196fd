// The report as a terminal table: verdicts first, then each line's explanation.
#include <sstream>
#include <string>
#include <vector>

#include "fairport/io/report_format.hpp"
#include "fairport/tariff/search.hpp"
#include "fairport/text.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

/// The width of a UTF-8 text in characters (code points), for aligned columns.
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string pad(std::string s, std::size_t n) {
  const std::size_t w = width(s);
  if (w < n) s.append(n - w, ' ');
  return s;
}

std::string rpad(const std::string& s, std::size_t n) {
  const std::size_t w = width(s);
  return w >= n ? s : std::string(n - w, ' ') + s;
}

/// The first `n` characters of a UTF-8 text, "..." marking a cut.
std::string clip(const std::string& s, std::size_t n) {
  if (width(s) <= n) return s;
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == n - 3) break;
  }
  return s.substr(0, i) + "...";
}

std::string amt(const money& m) { return m.amount().to_string(); }

std::string origin_word(const report_line& l) {
  return l.origin ? std::string(to_string(l.origin->status)) : std::string("-");
}

std::string preference_word(const report_line& l) {
  if (!l.preference) return "-";
  const auto& p = *l.preference;
  if (p.eligible || p.arrangement == preference_regime::none)
    return std::string(to_string(p.regime));
  return "none (" + std::string(to_string(p.arrangement)) + ")";
}

/// The producer-price verdict with its currency: the fair price may be in another currency
/// than the declaration's (a Fairtrade minimum in USD).
std::string fair_word(const report_line& l) {
  if (!l.fair_price) return "-";
  const auto& f = *l.fair_price;
  if (!f.is_fair) return "fair price " + f.fair_price_per_unit.to_string();
  if (f.premium_paid_per_unit && f.price_due_per_unit && f.premium_due_per_unit) {
    // The price and the Fairtrade Premium judged apart: two verdicts, two amounts.
    std::string s = *f.is_fair ? "fair" : "BELOW FAIR";
    s += " (price paid " + f.price_paid_per_unit->to_string() + " vs " +
         f.price_due_per_unit->to_string();
    if (f.shortfall_per_unit && f.shortfall_per_unit->amount().signum() > 0) {
      s += ", " + f.shortfall_per_unit->amount().to_string() + " short";
    }
    s += "; premium paid " + f.premium_paid_per_unit->amount().to_string() + " vs " +
         f.premium_due_per_unit->amount().to_string();
    if (f.premium_shortfall_per_unit && f.premium_shortfall_per_unit->amount().signum() > 0) {
      s += ", " + f.premium_shortfall_per_unit->amount().to_string() + " due";
    }
    return s + ")";
  }
  return std::string(*f.is_fair ? "fair" : "BELOW FAIR") + " (paid " +
         (f.price_paid_per_unit ? f.price_paid_per_unit->to_string() : std::string("?")) +
         ", fair " + f.fair_price_per_unit.to_string() + ")";
}

std::string party_text(const party& p, bool exporter) {
  std::string s = p.name + " (" + p.country.to_string() + ")";
  if (exporter) s += p.rex_number.empty() ? ", no REX number given" : ", REX " + p.rex_number;
  return s;
}

/// The header of the document: the consignment, its parties and terms.
void print_header(std::ostream& out, const report& r) {
  const auto& h = r.header;
  out << "fairport check " << r.consignment_id << "  as of " << format_date(r.as_of) << "\n\n";
  out << "  exporter   " << party_text(h.exporter, true) << '\n';
  out << "  importer   " << party_text(h.importer, false) << '\n';
  out << "  terms      " << to_string(h.terms) << " (Incoterms 2020); invoiced in "
      << h.invoice_currency.to_string() << "; amounts in " << r.currency.to_string()
      << " unless marked" << (h.ioss ? "; IOSS declared" : "") << '\n';
  out << "  transport  " << (h.transport ? std::string(to_string(*h.transport)) : "mode not given");
  if (h.departure_country) out << " from " << h.departure_country->to_string();
  out << "; direct transport "
      << (!h.direct_transport ? "not declared" : *h.direct_transport ? "declared" : "not declared (false)")
      << "\n\n";
}

/// The goods table: which line is which good.
void print_goods(std::ostream& out, const report& r) {
  out << pad("line", 6) << pad("CN code", 15) << rpad("quantity", 12) << rpad("net mass", 13)
      << "  description\n";
  for (const auto& l : r.lines) {
    out << pad(l.id, 6) << pad(format_cn(l.hs_code.digits()), 15)
        << rpad(l.quantity ? l.quantity->to_string() : "-", 12)
        << rpad(l.net_mass ? l.net_mass->to_string() : "-", 13) << "  " << clip(l.description, 50)
        << '\n';
  }
  out << '\n';
}

/// What the document must still show, line by line (the report's `missing` items).
void print_todo(std::ostream& out, const report& r) {
  const auto todo = todo_list(r);
  if (todo.empty()) return;
  out << "\nto do: what the document must still show\n";
  for (const auto& t : todo) {
    out << "  [ ] line " << t.line_id << ": " << t.what;
    if (!t.pointer.empty()) out << "  (" << t.pointer << ")";
    out << '\n';
  }
}

void print_findings(std::ostream& out, const std::vector<finding>& fs, const std::string& indent,
                    bool all) {
  for (const auto& f : fs) {
    if (!all && f.level == severity::info) continue;
    out << indent << to_string(f.level) << "  " << f.message;
    if (!f.reference.empty()) out << "  [" << f.reference << "]";
    out << '\n';
  }
}

/// The margin of the deciding value rule, the headroom and the materials that would flip it.
void print_origin_margin(std::ostream& out, const origin_section& o) {
  if (o.share && o.limit && o.margin && o.non_originating_value) {
    out << "      margin: non-originating " << o.non_originating_value->to_string() << " = "
        << percent_text(*o.share, decimal(1), 2) << " of the ex-works price, limit "
        << percent_text(*o.limit) << "; "
        << (o.margin->amount().is_negative() ? "over by " : "room for ")
        << money(o.margin->amount().abs(), o.margin->currency()).to_string() << '\n';
  }
  if (o.headroom) {
    if (o.headroom->unlimited) {
      out << "      headroom: no value limit (\"" << o.headroom->rule_text << "\")\n";
    } else if (o.headroom->amount) {
      out << "      headroom: " << o.headroom->amount->to_string() << " more non-originating value"
          << (o.headroom->rule_text.empty() ? "" : " (\"" + o.headroom->rule_text + "\")") << '\n';
    }
  }
  for (const auto& f : o.flips) {
    out << "      sourcing '" << f.description << "' in the exporting country would make it "
        << to_string(f.to) << '\n';
  }
}

/// One line's reasoning: origin, preference, landed cost and producer price with findings.
void print_line(std::ostream& out, const report& r, const report_line& l, bool verbose) {
  out << "  " << l.id << '\n';
  if (l.origin) {
    out << "    origin: " << to_string(l.origin->status)
        << (l.origin->basis ? " (" + std::string(to_string(*l.origin->basis)) + ")" : "") << '\n';
    if (!l.origin->rule.empty()) out << "      rule: " << l.origin->rule << '\n';
    print_origin_margin(out, *l.origin);
    print_findings(out, l.origin->findings, "      ", verbose);
  }
  if (l.preference) {
    out << "    preference: " << to_string(l.preference->regime)
        << (l.preference->eligible ? ", eligible" : ", not eligible") << " ("
        << to_string(l.preference->status) << ")" << '\n';
    if (l.preference->potential_duty) {
      out << "      would be " << l.preference->potential_duty->text
          << (l.preference->potential_saving
                  ? " (saving " + l.preference->potential_saving->to_string() + ")"
                  : std::string())
          << " once shown; the third-country duty is due until then\n";
    }
    for (const auto& m : l.preference->missing) out << "      to unlock, declare: " << m << '\n';
    print_findings(out, l.preference->findings, "      ", verbose);
  }
  if (l.landed) {
    out << "    landed cost: " << r.currency.to_string() << ' ' << amt(l.landed->landed_cost);
    if (l.landed->landed_cost_per_unit)
      out << ", " << amt(*l.landed->landed_cost_per_unit) << " per unit";
    if (l.landed->landed_cost_per_kg) out << ", " << amt(*l.landed->landed_cost_per_kg) << " per kg";
    out << '\n';
    print_findings(out, l.landed->findings, "      ", true);
  } else {
    out << "    landed cost: not computed (see the errors)\n";
  }
  if (l.fair_price) {
    out << "    producer price: " << fair_word(l) << '\n';
    print_findings(out, l.fair_price->findings, "      ", verbose);
  }
}

/// The text with every control character but the line feed written as \xHH (C0 and DEL) or
/// \u00HH (C1, in UTF-8): strings of a consignment (names, descriptions, ids) cannot move the
/// cursor, recolour or retitle the adviser's terminal.
/// The user's data files the figures may come from: an officer sees at once what was edited.
void print_user_data(std::ostream& out, const report& r) {
  bool any = false;
  for (const auto& d : r.datasets) {
    for (const auto& l : d.layers) {
      if (!any) {
        out << "\nuser data (edited reference data; a figure from it says \"user data FILE\")\n";
        any = true;
      }
      out << "  " << d.id << ": " << to_string(l) << '\n';
    }
  }
}

std::string printable(const std::string& s) {
  static const char* const hex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xc2 && i + 1 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      const auto d = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += hex[d >> 4];
      out += hex[d & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string to_text(const report& r, bool verbose) {
  std::ostringstream out;
  print_header(out, r);
  print_goods(out, r);
  out << pad("line", 6) << pad("origin", 17) << pad("preference", 17) << rpad("customs value", 14)
      << rpad("duty", 10) << rpad("VAT", 10) << rpad("landed cost", 13) << "  producer price\n";
  for (const auto& l : r.lines) {
    out << pad(l.id, 6) << pad(origin_word(l), 17) << pad(preference_word(l), 17);
    if (l.landed) {
      out << rpad(amt(l.landed->customs_value), 14) << rpad(amt(l.landed->duty.amount), 10)
          << rpad(amt(l.landed->vat), 10) << rpad(amt(l.landed->landed_cost), 13);
    } else {
      out << rpad("not computed", 47);
    }
    out << "  " << fair_word(l) << '\n';
  }
  for (const auto& e : r.errors) {
    out << pad(e.line_id, 6) << "ERROR  " << e.field << ": " << e.message << '\n';
  }
  const auto& t = r.totals;
  out << pad("total", 40) << rpad(amt(t.customs_value), 14) << rpad(amt(t.duty), 10)
      << rpad(amt(t.vat), 10) << rpad(amt(t.landed_cost), 13) << '\n';
  if (!r.lines_left_out_of_totals.empty()) {
    out << "the totals leave out line";
    out << (r.lines_left_out_of_totals.size() > 1 ? "s" : "");
    for (std::size_t i = 0; i < r.lines_left_out_of_totals.size(); ++i) {
      out << (i ? ", " : " ") << r.lines_left_out_of_totals[i];
    }
    out << ", whose landed cost could not be computed (see the errors)\n";
  }
  out << "\nduty saved by preference: " << r.currency.to_string() << ' ' << amt(t.duty_saving)
      << " (third-country duty " << amt(t.third_country_duty) << ")\n";
  if (r.potential_duty_saving) {
    out << "potential saving, not in the figures above: " << r.currency.to_string() << ' '
        << amt(*r.potential_duty_saving) << " more once what is missing is shown\n";
  }
  print_todo(out, r);
  for (const auto& d : r.documents) {
    out << "\n" << d.kind << ": " << (d.required ? "required" : "not required");
    if (d.rex_required) out << (*d.rex_required ? ", exporter must be registered in REX" : "");
    if (d.valid_until) out << ", valid until " << format_date(*d.valid_until);
    out << '\n';
    if (!d.can_be_made_out) out << "  cannot be made out: see its findings\n";
    print_findings(out, d.findings, "  ", false);
    if (!d.text.empty()) out << "  " << d.text << '\n';
  }
  out << "\nlines\n";
  for (const auto& l : r.lines) print_line(out, r, l, verbose);
  out << "\nconsignment\n";
  print_findings(out, r.findings, "  ", true);
  print_user_data(out, r);
  out << "\nexit status " << r.exit_status() << '\n';
  return printable(out.str());
}

FAIRPORT_END_NAMESPACE
