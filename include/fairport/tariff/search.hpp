#pragma once
/// @file tariff/search.hpp
/// Finding a CN code by words, and what the reference data says of one code on a date: its
/// description, third-country duty, Annex V and Annex IX coverage, EBA and list rule of origin.
/// For an adviser who does not know the code; the search proposes, it does not classify (the
/// General Interpretative Rules and the Explanatory Notes decide a classification).
///
/// Synopsis
/// @code
/// struct tariff_hit { std::string code, formatted; std::vector<std::string> path;
///                     std::uint32_t score; const tariff_record* duty; cn_match duty_match; };
/// std::vector<tariff_hit> search_tariff(std::string_view words, const reference_data&,
///                                       const std::optional<year_month_day>& as_of,
///                                       std::size_t limit = 12);
/// struct tariff_summary { tariff_code code; std::vector<const cn_description*> path;
///                         cn_lookup duty_match; const tariff_record* duty;
///                         gsp_coverage_lookup annex_v, annex_ix; std::optional<bool> eba;
///                         cn_match list_rule_match; std::vector<const list_rule_row*> list_rules; };
/// tariff_summary show_tariff(const tariff_code&, const reference_data&, year_month_day as_of);
/// std::string format_cn(std::string_view digits);     // "64052091" -> "6405 20 91"
/// @endcode
///
/// The search: words are matched, case-blind and with a plain English plural stripped
/// ("slippers" finds "slipper"), as the start of a word of a code's own description (weight 2)
/// or of its chapter's, heading's and subheading's (weight 1), each word weighing more the
/// fewer descriptions hold it, so "felt slippers" puts the one code whose own text says
/// "slippers" (6405 20 91) above the many felts. Results are best first, then the longer code
/// (the more precise), then in code order.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/data/cn_range_index.hpp"
#include "fairport/data/gsp_coverage.hpp"
#include "fairport/data/nomenclature.hpp"
#include "fairport/data/origin_rules.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/data/tariffs.hpp"
#include "fairport/hs_code.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// One code a search found.
struct tariff_hit {
  std::string code;               ///< 2, 4, 6 or 8 digits
  std::string formatted;          ///< "6405 20 91"
  std::vector<std::string> path;  ///< descriptions from the chapter down to the code's own
  std::uint32_t score = 0;        ///< higher is better (a ranking, not a measure)
  const tariff_record* duty = nullptr;  ///< the third-country duty on the date, if one record
  cn_match duty_match = cn_match::none;  ///< found, none, or depends_on_subcode (see the codes below)
};

/// The codes whose descriptions hold the words, best first, at most `limit`; `as_of` picks the
/// nomenclature and the duty of a date (nullopt: any date, and no duty).
/// @throws input_error [fairport.input.106] when `words` has no word.
std::vector<tariff_hit> search_tariff(std::string_view words, const reference_data& data,
                                      const std::optional<date::year_month_day>& as_of,
                                      std::size_t limit = 12);

/// What the reference data says of one code on one date.
struct tariff_summary {
  explicit tariff_summary(const tariff_code& c) : code(c) {}
  tariff_code code;
  std::vector<const cn_description*> path;  ///< chapter, heading, subheadings, the code
  cn_lookup duty_match{};                   ///< found, none or depends_on_subcode
  const tariff_record* duty = nullptr;      ///< when found
  gsp_coverage_lookup annex_v;              ///< the general arrangement (Annex V)
  gsp_coverage_lookup annex_ix;             ///< GSP+ (Annex IX)
  std::optional<bool> eba;                  ///< Art. 18(1) chapters; nullopt: no rules on the date
  cn_match list_rule_match = cn_match::none;
  std::vector<const list_rule_row*> list_rules;  ///< the narrowest rows (sub-rows told apart)
};

/// The summary of `code` on `as_of`. Never throws for a code the data does not hold: the
/// lookups say none.
tariff_summary show_tariff(const tariff_code& code, const reference_data& data,
                           const date::year_month_day& as_of);

/// A code of 2 to 10 digits as the CN prints it: "64" "6405" "6405 20" "6405 20 91" "6405 20 91 00".
std::string format_cn(std::string_view digits);

FAIRPORT_END_NAMESPACE
