#pragma once
/// @file data/nomenclature.hpp
/// The descriptions of the Combined Nomenclature (dataset `eu_cn_nomenclature`: Annex I to
/// Council Regulation (EEC) No 2658/87, CN 2026): each chapter, heading, HS subheading and CN
/// subheading with its own description, by date.
///
/// Synopsis
/// @code
/// enum class cn_level { chapter, heading, hs_subheading, cn_subheading };
/// std::string_view to_string(cn_level);                  // "chapter", ...
/// std::optional<cn_level> parse_cn_level(std::string_view) noexcept;
/// struct cn_description { std::string code; std::string description; cn_level level;
///                         provenance source; };          // code: 2, 4, 6 or 8 digits
/// class cn_nomenclature_table {
///   void add(const validity_interval&, cn_description);  // 302 when a code's records overlap
///   const cn_description* find(std::string_view digits, year_month_day as_of) const noexcept;
///   std::vector<const cn_description*> path(const tariff_code&, year_month_day as_of) const;
///   std::vector<const cn_description*> valid_on(std::optional<year_month_day>) const;
/// };
/// @endcode
/// `path` is a code's chapter, heading, subheading and CN subheading that the data holds, from
/// the chapter down (the CN's lines without a code of their own are not in the data).

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Where a code sits in the nomenclature.
enum class cn_level : unsigned char {
  chapter,        ///< 2 digits: "64"
  heading,        ///< 4 digits: "6405" (some headings are written with 6 or 8 digits: "04090000")
  hs_subheading,  ///< 6 digits: "640520"
  cn_subheading,  ///< 8 digits: "64052091"
};

/// "chapter", "heading", "hs_subheading", "cn_subheading".
std::string_view to_string(cn_level l) noexcept;

/// The level named by `text`, or nullopt.
std::optional<cn_level> parse_cn_level(std::string_view text) noexcept;

/// One code's own description during one period.
struct cn_description {
  std::string code;         ///< 2, 4, 6 or 8 digits
  std::string description;  ///< as the nomenclature prints it, without the leading dashes
  cn_level level = cn_level::cn_subheading;
  provenance source;
};

/// The nomenclature's descriptions by code and date. Immutable once built; safe to share.
class cn_nomenclature_table {
 public:
  /// @throws data_error [fairport.data.302] when two records of one code overlap in time.
  void add(const validity_interval& validity, cn_description d);

  /// The description of exactly `digits` valid on `as_of`, or nullptr.
  const cn_description* find(std::string_view digits,
                             const date::year_month_day& as_of) const noexcept;

  /// The descriptions of the chapter, heading, subheadings and the code itself that the data
  /// holds on `as_of`, from the chapter down.
  std::vector<const cn_description*> path(const tariff_code& code,
                                          const date::year_month_day& as_of) const;

  /// Every record valid on `as_of` (all records when nullopt), in code order.
  std::vector<const cn_description*> valid_on(
      const std::optional<date::year_month_day>& as_of) const;

  std::size_t record_count() const noexcept { return entries_.size(); }

 private:
  std::vector<std::pair<validity_interval, cn_description>> entries_;
  std::multimap<std::string, std::size_t> by_code_;
};

FAIRPORT_END_NAMESPACE
