#pragma once
/// @file data/countries.hpp
/// ISO 3166-1 countries and dated country groups (EU membership, the UN list of least developed
/// countries), from the datasets `iso3166_countries` and `country_groups`.
///
/// Synopsis
/// @code
/// struct country_info { country_code code; std::string name, alpha3, numeric; provenance source;
/// }; struct group_membership { std::string group; country_code country; provenance source; };
/// class country_table {
///   const country_info& at(country_code) const;                 // throws [fairport.input.103]
///   const country_info* find(country_code) const noexcept;
///   const group_membership* membership(std::string_view group, country_code,
///                                      date::year_month_day as_of) const noexcept;
///   bool is_member(std::string_view group, country_code, date::year_month_day as_of) const
///   noexcept; std::vector<country_code> members(std::string_view group, date::year_month_day
///   as_of) const;
/// };
/// inline constexpr std::string_view eu_group = "eu", ldc_group = "un_ldc";
/// @endcode

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/detail/dated_index.hpp"
#include "fairport/error.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The group id of the European Union's member states in `country_groups`.
inline constexpr std::string_view eu_group = "eu";
/// The group id of the UN list of least developed countries in `country_groups`.
inline constexpr std::string_view ldc_group = "un_ldc";

/// One ISO 3166-1 country.
struct country_info {
  country_code code;    ///< alpha-2
  std::string name;     ///< English short name
  std::string alpha3;   ///< alpha-3 code
  std::string numeric;  ///< numeric code, three digits
  provenance source;    ///< the dataset record
};

/// A country's membership of a group during one period.
struct group_membership {
  std::string group;  ///< "eu", "un_ldc"
  country_code country;
  provenance source;  ///< the dataset record, with its validity and legal reference
};

/// Countries and their dated group memberships. Immutable once built; safe to share.
class country_table {
 public:
  country_table() = default;

  /// Adds a country. @throws data_error [fairport.data.304] if the code is already present.
  void add_country(country_info info);

  /// Adds a membership period. @throws data_error [fairport.data.302] on an overlap.
  void add_membership(const validity_interval& validity, group_membership m);

  /// The country. @throws input_error [fairport.input.103] when unknown.
  const country_info& at(country_code code) const;

  /// The country, or nullptr.
  const country_info* find(country_code code) const noexcept;

  /// The membership record valid on `as_of`, or nullptr when the country is not a member then.
  const group_membership* membership(std::string_view group, country_code country,
                                     const date::year_month_day& as_of) const noexcept;

  /// True when `country` belongs to `group` on `as_of`.
  bool is_member(std::string_view group, country_code country,
                 const date::year_month_day& as_of) const noexcept;

  /// The members of `group` on `as_of`, in code order.
  std::vector<country_code> members(std::string_view group,
                                    const date::year_month_day& as_of) const;

  /// Every country, in code order.
  const std::map<country_code, country_info>& countries() const noexcept { return countries_; }

  /// Number of membership records.
  std::size_t membership_count() const noexcept { return groups_.record_count(); }

 private:
  std::map<country_code, country_info> countries_;
  detail::dated_index<std::pair<std::string, country_code>, group_membership> groups_;
};

FAIRPORT_END_NAMESPACE
