#pragma once
/// @file data/gsp.hpp
/// The EU's generalised scheme of preferences as reference data: which arrangements a country
/// has on a date (dataset `eu_gsp_beneficiaries`), which GSP sections are graduated for it
/// (dataset `eu_gsp_graduations`), and the money thresholds of the origin rules (dataset
/// `eu_origin_thresholds`).
///
/// Synopsis
/// @code
/// enum class gsp_arrangement { gsp, gsp_plus, eba };   // Annex II, III, IV of Reg 978/2012
/// struct gsp_beneficiary_record { country_code country; gsp_arrangement arrangement; std::string
/// annex; provenance source; }; class gsp_beneficiary_table {
///   const gsp_beneficiary_record* find(country_code, gsp_arrangement, year_month_day as_of) const
///   noexcept; std::vector<const gsp_beneficiary_record*> arrangements(country_code, year_month_day
///   as_of) const;
/// };
/// struct gsp_graduation_record { country_code country; std::string section;
/// std::vector<std::string> chapters; provenance source; }; class gsp_graduation_table {
///   const gsp_graduation_record* find(country_code, int chapter, year_month_day as_of) const
///   noexcept;
/// };
/// struct threshold_record { std::string id; decimal amount; currency_code currency; provenance
/// source; }; class threshold_table { const threshold_record& at(std::string_view id,
/// year_month_day as_of) const; };  // 301
/// @endcode
/// These are tables, not decisions: the GSP engine combines them with product coverage and
/// origin into a verdict with findings.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/currency.hpp"
#include "fairport/decimal.hpp"
#include "fairport/detail/dated_index.hpp"
#include "fairport/error.hpp"
#include "fairport/money.hpp"
#include "fairport/provenance.hpp"
#include "fairport/timeline.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The three arrangements of Regulation (EU) No 978/2012 (Art. 1(2)).
enum class gsp_arrangement {
  gsp,       ///< general arrangement (Annex II)
  gsp_plus,  ///< special incentive arrangement for sustainable development and good governance
             ///< (Annex III)
  eba,       ///< Everything But Arms, for least-developed countries (Annex IV)
};

/// "gsp", "gsp_plus", "eba".
constexpr std::string_view to_string(gsp_arrangement a) noexcept {
  switch (a) {
    case gsp_arrangement::gsp:
      return "gsp";
    case gsp_arrangement::gsp_plus:
      return "gsp_plus";
    case gsp_arrangement::eba:
      return "eba";
  }
  return "gsp";
}

/// The arrangement named by "gsp", "gsp_plus" or "eba", or nullopt.
constexpr std::optional<gsp_arrangement> parse_gsp_arrangement(std::string_view s) noexcept {
  if (s == "gsp") return gsp_arrangement::gsp;
  if (s == "gsp_plus") return gsp_arrangement::gsp_plus;
  if (s == "eba") return gsp_arrangement::eba;
  return std::nullopt;
}

/// A country listed in one Annex of the GSP Regulation during one period.
struct gsp_beneficiary_record {
  country_code country;
  gsp_arrangement arrangement = gsp_arrangement::gsp;
  std::string annex;  ///< "II", "III" or "IV"
  provenance source;
};

/// What the beneficiary data says of a country on a date.
enum class beneficiary_status : unsigned char {
  listed,      ///< in Annex II, III or IV
  not_listed,  ///< in none of them: removed, in a gap, or never a beneficiary
  unknown,     ///< the date is before the data knows the country (before its first record, or,
               ///< for a country never listed, before the earliest record of the dataset)
};

/// GSP beneficiaries by (country, arrangement) and date. Immutable once built; safe to share.
class gsp_beneficiary_table
    : public detail::dated_table<std::pair<country_code, gsp_arrangement>, gsp_beneficiary_record> {
 public:
  /// @throws data_error [fairport.data.302] when a record overlaps another of its key.
  void add(const validity_interval& validity, gsp_beneficiary_record r);

  /// The record listing `country` under `arrangement` on `as_of`, or nullptr.
  const gsp_beneficiary_record* find(country_code country, gsp_arrangement arrangement,
                                     const date::year_month_day& as_of) const noexcept;

  /// The first day on which the data lists `country` under any arrangement, or nullopt when it
  /// never does: before that day the country's status is not recorded.
  std::optional<date::year_month_day> listed_from(country_code country) const;

  /// The one rule for "is this country a beneficiary on this date": listed when a record covers
  /// the date; unknown before the country's first record (or, for a country with none, before
  /// the dataset's first record): the data holds only the history it could source; otherwise
  /// not listed.
  beneficiary_status status(country_code country, const date::year_month_day& as_of) const;

  /// True when `country` is in any of Annexes II, III and IV on `as_of`.
  bool is_beneficiary(country_code country, const date::year_month_day& as_of) const noexcept;

  /// Every arrangement `country` has on `as_of` (gsp, then gsp_plus, then eba).
  std::vector<const gsp_beneficiary_record*> arrangements(country_code country,
                                                          const date::year_month_day& as_of) const;

 private:
  std::optional<date::sys_days> earliest_;  ///< the first day of any record
};

/// A GSP section whose general-arrangement preferences are suspended for a country (Art. 8).
struct gsp_graduation_record {
  country_code country;
  std::string section;                ///< "S-11a"
  std::vector<std::string> chapters;  ///< two-digit HS chapters of the section, "50" .. "60"
  provenance source;
};

/// Graduated sections by (country, section) and date. Immutable once built; safe to share.
class gsp_graduation_table
    : public detail::dated_table<std::pair<country_code, std::string>, gsp_graduation_record> {
 public:
  /// @throws data_error [fairport.data.302] when a record overlaps another of its key.
  void add(const validity_interval& validity, gsp_graduation_record r);

  /// The graduation covering HS `chapter` (1..97) for `country` on `as_of`, or nullptr.
  const gsp_graduation_record* find(country_code country, int chapter,
                                    const date::year_month_day& as_of) const noexcept;
};

/// A money threshold a rule names (the REX threshold of EUR 6,000 ...).
struct threshold_record {
  std::string id;  ///< "rex_statement_on_origin"
  decimal amount;
  currency_code currency;
  provenance source;
};

/// The figures of the preferential duty rules of Regulation (EU) No 978/2012 for one period
/// (dataset eu_gsp_duty_rules): how the general arrangement reduces a sensitive product's duty
/// (Art. 7), which small duties are suspended and how the rest is rounded (Art. 34), and which
/// chapters EBA covers (Art. 18(1)).
struct gsp_duty_rules_record {
  decimal sensitive_ad_valorem_reduction;     ///< Art. 7(2): percentage points, as a fraction
  std::vector<std::string> textile_sections;  ///< Art. 7(2), second sentence: "S-11a", "S-11b"
  decimal textile_ad_valorem_reduction;       ///< Art. 7(2), second sentence: 0.20 (20 %)
  decimal sensitive_specific_reduction;       ///< Art. 7(4): 0.30 (30 %)
  decimal ad_valorem_suspended_up_to;         ///< Art. 34(1): 0.01 (1 %), inclusive
  money specific_suspended_up_to{decimal(), currency_code()};  ///< Art. 34(2): EUR 2, inclusive
  int round_down_places = 1;  ///< Art. 34(3): of the percentage and of the amount
  int eba_chapters_from = 1;  ///< Art. 18(1): Chapters 1 to 97 ...
  int eba_chapters_through = 97;
  std::vector<int> eba_excluded_chapters;  ///< ... except Chapter 93
  provenance source;

  /// True when `section` is one of the textile sections of Art. 7(2), second sentence.
  bool is_textile_section(std::string_view section) const noexcept;
  /// True when EBA covers CN chapter `chapter` (Art. 18(1)).
  bool eba_covers_chapter(int chapter) const noexcept;
};

/// The duty rules by date: one record per period of the Regulation's figures.
class gsp_duty_rules_table {
 public:
  /// @throws data_error [fairport.data.302] when the record overlaps another.
  void add(const validity_interval& validity, gsp_duty_rules_record r);
  /// The rules valid on `as_of`, or nullptr.
  const gsp_duty_rules_record* try_at(const date::year_month_day& as_of) const noexcept;
  /// Every period, in date order (the GSP engine prepares its duties once per period).
  const timeline<gsp_duty_rules_record>& periods() const noexcept { return periods_; }
  std::size_t record_count() const noexcept { return periods_.size(); }

 private:
  timeline<gsp_duty_rules_record> periods_;
};

/// Thresholds by id and date. Immutable once built; safe to share.
class threshold_table : public detail::dated_table<std::string, threshold_record, std::less<>> {
 public:
  /// @throws data_error [fairport.data.302] when a record overlaps another of its id.
  void add(const validity_interval& validity, threshold_record r);
  const threshold_record* try_at(std::string_view id,
                                 const date::year_month_day& as_of) const noexcept;
  /// @throws no_valid_record [fairport.data.301]
  const threshold_record& at(std::string_view id, const date::year_month_day& as_of) const;
};

FAIRPORT_END_NAMESPACE
