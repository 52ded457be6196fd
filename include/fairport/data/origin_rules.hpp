#pragma once
/// @file data/origin_rules.hpp
/// The GSP list rules of origin (Delegated Regulation (EU) 2015/2446, Annex 22-03 Part II) as
/// reference data (dataset `eu_gsp_list_rules`): one row per CN range, each with the alternatives
/// of column (a), for least-developed beneficiaries, and column (b), for the others, and each
/// alternative as a machine-readable test in a small closed vocabulary.
///
/// Synopsis
/// @code
/// struct material_cap { std::string material; decimal max_share; };  // "uncut glassware", 0.5
/// struct stage_limit { std::string natural, man_made; };             // "fibre", "chemical_or_pulp", "n/a"
/// struct origin_test {
///   origin_test_kind kind;  // wholly_obtained any_heading cth cth_except
///                           // any_heading_except_materials max_nom_value textile_stage
///                           // specific_process set_rule all_of manual_review
///                           // wholly_obtained_materials (inputs: the rule's words, headings:
///                           // the chapter or heading codes of those materials)
///   std::optional<decimal> max_share;            // max_nom_value, set_rule: fraction of ex-works price
///   std::string process, inputs, excluded, reason;
///   std::optional<stage_limit> stages;           // textile_stage, specific_process
///   std::optional<material_cap> cap;
///   std::vector<std::string> headings;           // cth_except: also excluded; specific_process: allowed inputs
///   std::vector<std::string> same_heading_inputs, restricted_inputs;   // cth conditions
///   std::string restricted_inputs_need_process;
///   std::optional<decimal> same_heading_max_share;
///   std::vector<origin_test> all_of;
/// };
/// struct rule_alternative { std::string text; origin_test test; std::string note; };
/// struct list_rule_row { std::string from, through, row, hs, description;
///                        std::vector<rule_alternative> ldc, other; provenance source; };
/// class list_rule_table {
///   cn_match lookup(tariff_code, year_month_day as_of, std::vector<const list_rule_row*>& out) const;
///   std::vector<const list_rule_row*> find(tariff_code, year_month_day as_of) const;  // narrowest range
/// };
/// @endcode
/// The table answers which rows apply; deciding whether a bill of materials meets them is the
/// rules-of-origin engine's work.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/data/cn_range_index.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A cap on the value of one named input, as a fraction of the ex-works price.
struct material_cap {
  std::string material;  ///< as the rule words it: "uncut glassware"
  decimal max_share;     ///< 0.5 = 50 % of the ex-works price
};

/// The latest stage at which non-originating textile materials may be used, per fibre family:
/// natural "fibre" < "yarn" < "fabric"; man-made "chemical_or_pulp" < "staple_fibre" < "yarn" <
/// "fabric"; "n/a" = that family may not be used non-originating under this alternative.
struct stage_limit {
  std::string natural;
  std::string man_made;
};

/// One test of a list rule, in the closed vocabulary of the dataset.
/// The kinds of test a list rule is made of (Annex 22-03 Part II, as the dataset encodes them).
enum class origin_test_kind : unsigned char {
  wholly_obtained,               ///< all materials wholly obtained
  wholly_obtained_materials,     ///< the materials of named chapters or headings wholly obtained
  any_heading,                   ///< manufacture from materials of any heading
  cth,                           ///< change of tariff heading (with optional conditions)
  cth_except,                    ///< change of heading, some headings also excluded
  any_heading_except_materials,  ///< any heading, except named materials
  max_nom_value,                 ///< non-originating materials at most a share of the price
  textile_stage,                 ///< textile manufacture from a stage (fibre, yarn, fabric)
  specific_process,              ///< a named process, optionally with inputs and caps
  set_rule,                      ///< a set: each article under its own rule, with a share
  all_of,                        ///< every one of several tests
  manual_review,                 ///< a rule fairport does not decide
};

/// The dataset's name of the kind ("cth", "max_nom_value", ...).
std::string_view to_string(origin_test_kind k) noexcept;

/// The kind named `text`, or nullopt.
std::optional<origin_test_kind> parse_origin_test_kind(std::string_view text) noexcept;

struct origin_test {
  origin_test_kind kind = origin_test_kind::manual_review;
  std::optional<decimal> max_share;
  std::string process;
  std::string inputs;
  std::string excluded;
  std::string reason;
  std::optional<stage_limit> stages;
  std::optional<material_cap> cap;
  std::vector<std::string> headings;
  std::vector<std::string> same_heading_inputs;
  std::vector<std::string> restricted_inputs;
  std::string restricted_inputs_need_process;
  std::optional<decimal> same_heading_max_share;
  std::vector<origin_test> all_of;
};

/// One alternative of a column: the legal text and its test.
struct rule_alternative {
  std::string text;  ///< the rule as the Annex words it
  origin_test test;
  std::string note;  ///< which notes of the Annex apply, as transcribed
};

/// One row of Annex 22-03 Part II.
struct list_rule_row {
  std::string from;         ///< first 10-digit code of the range
  std::string through;      ///< last 10-digit code
  std::string row;          ///< "" or what tells rows of one range apart ("needleloom_felt")
  std::string hs;           ///< the Annex's own label: "ex Chapter 56", "5602"
  std::string description;  ///< the product description of the row
  std::vector<rule_alternative> ldc;    ///< column (a): Annex IV (EBA) countries
  std::vector<rule_alternative> other;  ///< column (b): other beneficiaries
  provenance source;
};

/// List rules by CN range and date. Immutable once built; safe to share.
class list_rule_table {
 public:
  /// Adds a row. @throws data_error [fairport.data.302] if a row with the same range and row id
  /// overlaps it in time, [fairport.data.315] if its range crosses another row's (ranges must
  /// nest).
  void add(const validity_interval& validity, list_rule_row r);

  /// The rows of the narrowest range holding every code `code` stands for, valid on `as_of`
  /// (cn_range_index; several when sub-rows of one range are told apart by description), in
  /// `out`; the match says found, none, or depends_on_subcode (rows below the code differ).
  cn_match lookup(const tariff_code& code, const date::year_month_day& as_of,
                  std::vector<const list_rule_row*>& out) const;

  /// As lookup(): the rows, empty when no single range holds the code.
  std::vector<const list_rule_row*> find(const tariff_code& code,
                                         const date::year_month_day& as_of) const;

  const std::vector<std::pair<validity_interval, list_rule_row>>& rows() const noexcept {
    return rows_;
  }
  std::size_t record_count() const noexcept { return rows_.size(); }

 private:
  std::vector<std::pair<validity_interval, list_rule_row>> rows_;
  cn_range_index index_;
};

FAIRPORT_END_NAMESPACE
