// `fairport tariff search WORDS...` and `fairport tariff show CODE`: the nomenclature by words,
// and what the data says of one code on a date.
#include <ostream>
#include <string>

#include "cli.hpp"
#include "fairport/fairport.hpp"

namespace fairport::cli {

namespace {

std::string joined(const std::vector<std::string>& path) {
  std::string s;
  for (const auto& p : path) s += (s.empty() ? "" : " > ") + p;
  return s;
}

void print_coverage(std::ostream& out, const char* label, const gsp_coverage_lookup& c) {
  out << label;
  if (c.depends_on_subcode) {
    out << "depends on the sub-code: give a longer code\n";
  } else if (c.record == nullptr) {
    out << "not in the data (no record for this code on the date)\n";
  } else {
    out << to_string(c.record->coverage)
        << (c.record->section.empty() ? std::string() : ", GSP section " + c.record->section);
    if (!c.record->ex_description.empty()) {
      out << " (an 'ex' row: only \"" << c.record->ex_description << "\")";
    }
    out << "\n      [" << c.record->source.citation() << "]\n";
  }
}

}  // namespace

int run_tariff_search(const std::string& words, const std::optional<date::year_month_day>& as_of,
                      const reference_data& data, std::ostream& out) {
  const auto hits = search_tariff(words, data, as_of);
  if (hits.empty()) {
    out << "no code of the nomenclature data has these words; try other or fewer words (the "
           "descriptions are in English)\n";
    return 1;
  }
  for (const auto& h : hits) {
    out << h.formatted << std::string(h.formatted.size() < 12 ? 12 - h.formatted.size() : 1, ' ')
        << joined(h.path) << '\n';
    if (as_of) {
      out << std::string(12, ' ') << "third-country duty: "
          << (h.duty != nullptr ? h.duty->duty.text
              : h.duty_match == cn_match::depends_on_subcode
                  ? std::string("by sub-code (see the codes below it)")
                  : std::string("not in the data"))
          << '\n';
    }
  }
  if (!as_of) out << "\n(give --as-of YYYY-MM-DD for the duty of each code on that date)\n";
  out << "fairport tariff show CODE --as-of YYYY-MM-DD: the duty, GSP coverage and list rule of a "
         "code. The search proposes codes; the classification follows the General Interpretative "
         "Rules.\n";
  return 0;
}

int run_tariff_show(const tariff_code& code, const date::year_month_day& as_of,
                    const reference_data& data, std::ostream& out) {
  const tariff_summary s = show_tariff(code, data, as_of);
  out << "CN " << format_cn(code.digits()) << " on " << format_date(as_of) << '\n';
  for (const auto* d : s.path) {
    out << "  " << format_cn(d->code) << std::string(d->code.size() < 8 ? 12 - format_cn(d->code).size() : 2, ' ')
        << d->description << '\n';
  }
  if (s.path.empty()) out << "  (no description of this code in the nomenclature data)\n";
  out << "\nthird-country duty: ";
  if (s.duty != nullptr) {
    out << s.duty->duty.text << "\n      [" << s.duty->source.citation() << "]\n";
  } else if (s.duty_match.match == cn_match::depends_on_subcode) {
    out << "depends on the sub-code: give a longer code\n";
  } else {
    out << "not in the data (add your own record with --data DIR)\n";
  }
  print_coverage(out, "GSP general arrangement (Annex V): ", s.annex_v);
  print_coverage(out, "GSP+ (Annex IX): ", s.annex_ix);
  out << "EBA (Art. 18(1)): "
      << (!s.eba ? "no GSP duty rules on the date" : (*s.eba ? "covered" : "not covered")) << '\n';
  out << "list rule of origin (Annex 22-03): ";
  if (s.list_rule_match == cn_match::depends_on_subcode) {
    out << "depends on the sub-code: give a longer code\n";
  } else if (s.list_rules.empty()) {
    out << "not in the data\n";
  } else {
    out << '\n';
    for (const auto* r : s.list_rules) {
      out << "  " << r->hs << (r->row.empty() ? "" : " [row " + r->row + "]") << ": "
          << r->description << '\n';
      const auto texts = [](const std::vector<rule_alternative>& alts) {
        std::vector<std::string> t;
        for (const auto& a : alts) t.push_back(a.text);
        return t;
      };
      const bool same = texts(r->ldc) == texts(r->other);
      out << (same ? "    both columns (least-developed and other beneficiaries):\n"
                   : "    column (b), beneficiaries not in Annex IV:\n");
      for (const auto& a : r->other) out << "    - " << a.text << '\n';
      if (!same) {
        out << "    column (a), least-developed countries (Annex IV):\n";
        for (const auto& a : r->ldc) out << "    - " << a.text << '\n';
      }
      out << "      [" << r->source.citation() << "]\n";
    }
  }
  return 0;
}

}  // namespace fairport::cli
