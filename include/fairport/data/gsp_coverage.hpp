#pragma once
/// @file data/gsp_coverage.hpp
/// Which products the EU's GSP arrangements cover: Annex V of Regulation (EU) No 978/2012 (the
/// general arrangement, each product sensitive or non-sensitive) and Annex IX (GSP+), from the
/// dataset `eu_gsp_product_coverage`. EBA needs no list (Chapters 1-97 except 93, Art. 18(1)).
/// The same dataset holds temporary withdrawals for one country (Art. 19; the lists printed
/// under Annexes II, III and IV): rows with a `country` and coverage `withdrawn`.
///
/// Synopsis
/// @code
/// enum class gsp_product_coverage { sensitive, non_sensitive, listed, not_listed, withdrawn };
/// std::string_view to_string(gsp_product_coverage);            // "sensitive", ...
/// std::optional<gsp_product_coverage> parse_gsp_product_coverage(std::string_view) noexcept;
/// struct gsp_coverage_record {
///   std::string from, through;          // 10-digit CN range
///   gsp_arrangement arrangement;        // gsp (Annex V) or gsp_plus (Annex IX); any for withdrawn
///   std::optional<country_code> country;  // set only for a withdrawal
///   gsp_product_coverage coverage;      // gsp: sensitive / non_sensitive / not_listed;
///                                       // gsp_plus: listed / not_listed
///   std::string section;                // GSP section "S-11a" ("" when not listed)
///   std::string ex_description;         // set for an 'ex' row: covered only as described
///   provenance source;
///   bool is_covered() const noexcept;
/// };
/// struct gsp_coverage_lookup { const gsp_coverage_record* record; bool depends_on_subcode; };
/// class gsp_coverage_table {
///   void add(const validity_interval&, gsp_coverage_record);          // 302 on overlap
///   gsp_coverage_lookup find(gsp_arrangement, const tariff_code&,
///                            year_month_day as_of) const noexcept;         // Annex rows
///   gsp_coverage_lookup find_withdrawal(country_code, gsp_arrangement, const tariff_code&,
///                                       year_month_day as_of) const noexcept;
///   const std::vector<std::pair<validity_interval, gsp_coverage_record>>& records() const;
/// };
/// @endcode
/// A code stands for every 10-digit code below it; the narrowest record holding all of them
/// wins ("71" non-sensitive, "7117" sensitive), by cn_range_index, the one narrowest-range rule.
/// A record inside the code's range that does not hold all of it makes the answer depend on the
/// sub-code: `depends_on_subcode` is then true and `record` null.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/data/cn_range_index.hpp"
#include "fairport/data/gsp.hpp"
#include "fairport/error.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// How an Annex of Regulation (EU) No 978/2012 lists a product.
enum class gsp_product_coverage : unsigned char {
  sensitive,      ///< Annex V, "S": Art. 7(2) to (6) reduce the duty
  non_sensitive,  ///< Annex V, "NS": Art. 7(1) suspends the duty
  listed,         ///< Annex IX: Art. 12 suspends the duty
  not_listed,     ///< the Annex's rows for the chapter were read and the code is not among them
  withdrawn,      ///< preferences temporarily withdrawn for one country (Art. 19)
};

/// "sensitive", "non_sensitive", "listed", "not_listed".
constexpr std::string_view to_string(gsp_product_coverage c) noexcept {
  switch (c) {
    case gsp_product_coverage::sensitive: return "sensitive";
    case gsp_product_coverage::non_sensitive: return "non_sensitive";
    case gsp_product_coverage::listed: return "listed";
    case gsp_product_coverage::not_listed: return "not_listed";
    case gsp_product_coverage::withdrawn: return "withdrawn";
  }
  return "not_listed";
}

/// The coverage named by its to_string() text, or nullopt.
constexpr std::optional<gsp_product_coverage> parse_gsp_product_coverage(
    std::string_view s) noexcept {
  if (s == "sensitive") return gsp_product_coverage::sensitive;
  if (s == "non_sensitive") return gsp_product_coverage::non_sensitive;
  if (s == "listed") return gsp_product_coverage::listed;
  if (s == "not_listed") return gsp_product_coverage::not_listed;
  if (s == "withdrawn") return gsp_product_coverage::withdrawn;
  return std::nullopt;
}

/// One row of Annex V or Annex IX as a CN range.
struct gsp_coverage_record {
  std::string from;     ///< first 10-digit code of the range
  std::string through;  ///< last 10-digit code of the range
  gsp_arrangement arrangement = gsp_arrangement::gsp;  ///< gsp (Annex V) or gsp_plus (Annex IX)
  std::optional<country_code> country;  ///< the country of a withdrawal row; empty otherwise
  gsp_product_coverage coverage = gsp_product_coverage::not_listed;
  std::string section;         ///< GSP section, "S-11a"; empty when not listed
  std::string ex_description;  ///< for an 'ex' row: the description that limits the code
  provenance source;

  /// True when the Annex lists the product (sensitive, non_sensitive or listed).
  bool is_covered() const noexcept {
    return coverage != gsp_product_coverage::not_listed &&
           coverage != gsp_product_coverage::withdrawn;
  }
  /// True for GSP sections S-11a and S-11b, where Art. 7(2) reduces by 20 % instead of 3.5 points.
};

/// The answer of gsp_coverage_table::find.
struct gsp_coverage_lookup {
  const gsp_coverage_record* record = nullptr;  ///< the narrowest record holding the code, or null
  bool depends_on_subcode = false;  ///< a narrower record lies inside the code's range
};

/// Annex V and Annex IX rows by CN range, arrangement and date. Immutable once built; safe to
/// share between threads.
class gsp_coverage_table {
 public:
  /// Adds a row. @throws data_error [fairport.data.302] if the same range, arrangement and
  /// country overlap in time, [fairport.data.315] if its range crosses another row's of the same
  /// arrangement and country (ranges must nest).
  void add(const validity_interval& validity, gsp_coverage_record r);

  /// The narrowest row of `arrangement`'s Annex valid on `as_of` whose range holds every code
  /// `code` stands for (cn_range_index). Complexity: linear in the rows of the code's chapter;
  /// does not allocate.
  gsp_coverage_lookup find(gsp_arrangement arrangement, const tariff_code& code,
                           const date::year_month_day& as_of) const noexcept;

  /// The narrowest withdrawal row for `country` and `arrangement` valid on `as_of` holding every
  /// code `code` stands for (record null when none; depends_on_subcode when a withdrawal covers
  /// only part of the code's range).
  gsp_coverage_lookup find_withdrawal(country_code country, gsp_arrangement arrangement,
                                      const tariff_code& code,
                                      const date::year_month_day& as_of) const noexcept;

  /// Every row with its validity, in file order.
  const std::vector<std::pair<validity_interval, gsp_coverage_record>>& records() const noexcept {
    return entries_;
  }
  std::size_t record_count() const noexcept { return entries_.size(); }

 private:
  gsp_coverage_lookup answer(const cn_range_index* index, const tariff_code& code,
                             const date::year_month_day& as_of) const noexcept;

  std::vector<std::pair<validity_interval, gsp_coverage_record>> entries_;
  cn_range_index annex_[3];  ///< rows without a country, by gsp_arrangement
  std::map<std::pair<country_code, gsp_arrangement>, cn_range_index> withdrawals_;
};

FAIRPORT_END_NAMESPACE
