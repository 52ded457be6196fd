#pragma once
/// @file data/origin_general_rules.hpp
/// The general rules of origin of the GSP (Delegated Regulation (EU) 2015/2446, Arts. 43 to 56,
/// and Annex 22-03 Part I Notes 6 and 7) as reference data (dataset
/// `eu_gsp_origin_general_rules`): the wholly obtained categories, the insufficient operations as
/// a closed vocabulary of operation ids, the general and textile tolerances, the cumulation scopes
/// and the textile stage of the Section XI headings.
///
/// Synopsis
/// @code
/// struct origin_text_record { std::string id, point, text; provenance source; };   // Art. 44, 47,
/// principles struct origin_tolerance {
///   std::string id;                 // "value", "weight", "note_6", "note_7"
///   decimal max_share;              // 0.15 = 15 %
///   std::string basis;              // "ex_works_price", "net_weight", "textile_weight"
///   std::vector<int> chapters, except_chapters;   // general tolerances: where they apply
///   std::string marker;             // textile tolerances: the alternative's note must name it
///   ("Note 7") bool other_heading_only;        // Note 7: only materials of another heading than
///   the product std::string text; provenance source; bool applies_to_chapter(int) const noexcept;
/// };
/// struct cumulation_scope {
///   std::string id; cumulation_kind scope; std::string label;  // "regional_group_III", regional
///   std::string country_group;      // "eu" (country_groups dataset) or ""
///   std::vector<country_code> countries;
///   std::vector<int> excluded_product_chapters, excluded_material_chapters;
///   provenance source;
/// };
/// struct textile_stage_range { std::string from, through, family, stage; provenance source; };
/// class origin_general_rule_table {
///   // every accessor takes the as-of date and returns the records valid on it
///   const origin_text_record* wholly_obtained(std::string_view point, ymd) const noexcept;
///   const origin_text_record* insufficient_operation(std::string_view id, ymd) const noexcept;
///   const origin_text_record* principle(std::string_view id, ymd) const noexcept;
///   const origin_tolerance* tolerance(std::string_view id, ymd) const noexcept;  // "value",
///   "note_6"... std::vector<const origin_tolerance*> textile_tolerances(ymd) const;
///   std::vector<const cumulation_scope*> cumulation(ymd) const;
///   const textile_stage_range* textile_stage(std::string_view heading4, ymd) const noexcept;
/// };
/// @endcode

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A provision quoted as text: an Art. 44(1) category (id = point letter), an Art. 47(1)
/// operation (id = operation id, point = letter) or a principle quoted in explanations.
struct origin_text_record {
  std::string id;
  std::string point;  ///< "k" for Art. 47(1)(k); empty for principles
  std::string text;
  provenance source;
};

/// What a tolerance measures the failing materials against.
enum class tolerance_basis : unsigned char {
  ex_works_price,  ///< their value, against the ex-works price (Art. 48(1)(b), Note 6 by value)
  net_weight,      ///< their weight, against the product's net weight (Art. 48(1)(a))
  textile_weight,  ///< their weight, against all textile materials (Annex 22-03 Note 6)
};

/// Whose materials a cumulation counts as originating (Arts. 53 to 56 of Delegated Regulation
/// (EU) 2015/2446).
enum class cumulation_kind : unsigned char {
  bilateral,      ///< EU materials (Art. 53)
  third_country,  ///< Norway, Switzerland, Turkey (Art. 54)
  regional,       ///< a regional group (Art. 55)
  extended,       ///< a country with a free-trade agreement (Art. 56)
};

/// A tolerance for non-originating materials that do not satisfy a list rule.
struct origin_tolerance {
  std::string id;     ///< "value", "weight", "note_6", "note_7"
  decimal max_share;  ///< fraction: 0.15 = 15 %
  tolerance_basis basis = tolerance_basis::ex_works_price;
  std::vector<int> chapters;         ///< general tolerance: only these chapters (empty = all)
  std::vector<int> except_chapters;  ///< general tolerance: not these chapters
  std::string marker;                ///< textile tolerance: text an alternative's note must contain
  bool other_heading_only = false;   ///< only materials of a heading other than the product's
  std::string text;
  provenance source;

  bool applies_to_chapter(int chapter) const noexcept;
};

/// A cumulation scope: whose materials count as originating, and where it does not apply.
struct cumulation_scope {
  std::string id;  ///< "bilateral_eu", "norway_switzerland_turkey", "regional_group_III"
  cumulation_kind scope = cumulation_kind::bilateral;
  std::string label;          ///< as the statement on origin words it: "EU cumulation"
  std::string country_group;  ///< a group of the country_groups dataset ("eu"), or empty
  std::vector<country_code> countries;
  std::vector<int> excluded_product_chapters;
  std::vector<int> excluded_material_chapters;
  provenance source;

  bool lists(country_code c) const noexcept;
};

/// The textile stage of a range of Section XI headings.
struct textile_stage_range {
  std::string from;     ///< first heading, 4 digits
  std::string through;  ///< last heading, 4 digits
  std::string family;   ///< "natural", "man_made" or "any"
  std::string stage;    ///< "fibre", "staple_fibre", "yarn", "fabric", "made_up"
  provenance source;
};

/// The general rules of origin, by date. Immutable once built; safe to share.
class origin_general_rule_table {
 public:
  template <class T>
  using dated = std::vector<std::pair<validity_interval, T>>;

  void add_wholly_obtained(const validity_interval& v, origin_text_record r);
  void add_insufficient_operation(const validity_interval& v, origin_text_record r);
  void add_principle(const validity_interval& v, origin_text_record r);
  void add_tolerance(const validity_interval& v, origin_tolerance r);
  void add_cumulation(const validity_interval& v, cumulation_scope r);
  void add_textile_stage(const validity_interval& v, textile_stage_range r);

  const origin_text_record* wholly_obtained(std::string_view point,
                                            const date::year_month_day& as_of) const noexcept;
  const origin_text_record* insufficient_operation(
      std::string_view id, const date::year_month_day& as_of) const noexcept;
  const origin_text_record* principle(std::string_view id,
                                      const date::year_month_day& as_of) const noexcept;
  const origin_tolerance* tolerance(std::string_view id,
                                    const date::year_month_day& as_of) const noexcept;
  std::vector<const origin_tolerance*> textile_tolerances(const date::year_month_day& as_of) const;
  std::vector<const cumulation_scope*> cumulation(const date::year_month_day& as_of) const;
  /// The stage of the heading `heading4` (4 digits), or nullptr when the data has none.
  const textile_stage_range* textile_stage(std::string_view heading4,
                                           const date::year_month_day& as_of) const noexcept;

  const dated<origin_text_record>& wholly_obtained_records() const noexcept {
    return wholly_obtained_;
  }
  const dated<origin_text_record>& insufficient_operation_records() const noexcept;
  const dated<origin_text_record>& principle_records() const noexcept { return principles_; }
  const dated<origin_tolerance>& tolerance_records() const noexcept { return tolerances_; }
  const dated<cumulation_scope>& cumulation_records() const noexcept { return cumulation_; }
  const dated<textile_stage_range>& textile_stage_records() const noexcept { return stages_; }
  std::size_t record_count() const noexcept;

 private:
  template <class T>
  static void add_checked(dated<T>& v, const validity_interval& validity, T r, const char* what) {
    for (const auto& e : v) {
      if (e.second.id == r.id && e.first.overlaps(validity)) {
        detail::throw_error(errc::overlapping_validity,
                            std::string(what) + " \"" + r.id + "\" has overlapping records " +
                                e.second.source.pointer + " and " + r.source.pointer);
      }
    }
    v.emplace_back(validity, std::move(r));
  }
  template <class T>
  static const T* find(const dated<T>& v, std::string_view id,
                       const date::year_month_day& as_of) noexcept {
    for (const auto& e : v) {
      if (e.second.id == id && e.first.contains(as_of)) return &e.second;
    }
    return nullptr;
  }

  dated<origin_text_record> wholly_obtained_;
  dated<origin_text_record> insufficient_;
  dated<origin_text_record> principles_;
  dated<origin_tolerance> tolerances_;
  dated<cumulation_scope> cumulation_;
  dated<textile_stage_range> stages_;
};

FAIRPORT_END_NAMESPACE
