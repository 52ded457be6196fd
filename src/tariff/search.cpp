// The tariff search and a code's summary (fairport/tariff/search.hpp).
#include "fairport/tariff/search.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fairport/data/gsp.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

/// A word as the search compares it: lower case, a plain English plural stripped.
std::string stem(std::string w) {
  for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto ends = [&](std::string_view s) {
    return w.size() > s.size() + 2 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (ends("ies")) {
    w.replace(w.size() - 3, 3, "y");
  } else if (ends("ches") || ends("shes") || ends("sses") || ends("xes")) {
    w.resize(w.size() - 2);
  } else if (ends("s") && !ends("ss") && !ends("us")) {
    w.resize(w.size() - 1);
  }
  return w;
}

/// The words of a text (letters and digits; other bytes, UTF-8 ones included, separate words
/// only when they are ASCII punctuation or space).
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c >= 0x80) {
      cur += ch;
    } else if (!cur.empty()) {
      out.push_back(stem(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(stem(cur));
  return out;
}

bool holds_word_starting(const std::vector<std::string>& words, const std::string& q) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return w.compare(0, q.size(), q) == 0; });
}

struct indexed {
  const cn_description* d;
  std::vector<std::string> own;
};

}  // namespace

std::string format_cn(std::string_view digits) {
  if (digits.size() <= 4) return std::string(digits);
  std::string s(digits.substr(0, 4));
  for (std::size_t i = 4; i < digits.size(); i += 2) {
    s += ' ';
    s += digits.substr(i, 2);
  }
  return s;
}

std::vector<tariff_hit> search_tariff(std::string_view words, const reference_data& data,
                                      const std::optional<date::year_month_day>& as_of,
                                      std::size_t limit) {
  std::vector<std::string> query = words_of(words);
  std::sort(query.begin(), query.end());
  query.erase(std::unique(query.begin(), query.end()), query.end());
  if (query.empty()) {
    detail::throw_error(errc::invalid_argument, "give words to search the nomenclature for");
  }
  std::vector<indexed> all;
  std::map<std::string, const indexed*> by_code;
  for (const auto* d : data.nomenclature().valid_on(as_of)) all.push_back({d, words_of(d->description)});
  for (const auto& e : all) by_code.emplace(e.d->code, &e);
  // A word weighs more the fewer descriptions hold it: the number of descriptions over theirs.
  std::vector<std::uint32_t> weight;
  for (const auto& q : query) {
    std::uint32_t df = 0;
    for (const auto& e : all) df += holds_word_starting(e.own, q) ? 1 : 0;
    weight.push_back(df == 0 ? 0 : static_cast<std::uint32_t>(all.size() / df) + 1);
  }
  std::vector<tariff_hit> hits;
  for (const auto& e : all) {
    std::uint32_t score = 0;
    std::vector<const indexed*> ancestors;
    for (std::size_t n = 2; n < e.d->code.size(); n += 2) {
      const auto it = by_code.find(e.d->code.substr(0, n));
      if (it != by_code.end()) ancestors.push_back(it->second);
    }
    for (std::size_t i = 0; i < query.size(); ++i) {
      if (holds_word_starting(e.own, query[i])) {
        score += 2 * weight[i];
      } else if (std::any_of(ancestors.begin(), ancestors.end(), [&](const indexed* a) {
                   return holds_word_starting(a->own, query[i]);
                 })) {
        score += weight[i];
      }
    }
    if (score == 0) continue;
    tariff_hit h;
    h.code = e.d->code;
    h.formatted = format_cn(h.code);
    for (const auto* a : ancestors) h.path.push_back(a->d->description);
    h.path.push_back(e.d->description);
    h.score = score;
    hits.push_back(std::move(h));
  }
  std::sort(hits.begin(), hits.end(), [](const tariff_hit& a, const tariff_hit& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.code.size() != b.code.size()) return a.code.size() > b.code.size();  // the more precise
    return a.code < b.code;
  });
  if (hits.size() > limit) hits.resize(limit);
  if (as_of) {
    for (auto& h : hits) {
      const auto code = tariff_code::parse(h.code);
      h.duty_match = data.tariffs().lookup(code, *as_of).match;
      h.duty = data.tariffs().find(code, *as_of);
    }
  }
  return hits;
}

tariff_summary show_tariff(const tariff_code& code, const reference_data& data,
                           const date::year_month_day& as_of) {
  tariff_summary s(code);
  s.path = data.nomenclature().path(code, as_of);
  s.duty_match = data.tariffs().lookup(code, as_of);
  s.duty = data.tariffs().find(code, as_of);
  s.annex_v = data.gsp_coverage().find(gsp_arrangement::gsp, code, as_of);
  s.annex_ix = data.gsp_coverage().find(gsp_arrangement::gsp_plus, code, as_of);
  if (const auto* rules = data.gsp_duty_rules().try_at(as_of)) {
    s.eba = rules->eba_covers_chapter(code.chapter_number());
  }
  s.list_rule_match = data.list_rules().lookup(code, as_of, s.list_rules);
  return s;
}

FAIRPORT_END_NAMESPACE
