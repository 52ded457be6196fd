#pragma once
/// @file currency.hpp
/// ISO 4217 currency codes, and a dated table of currencies with their minor units.
///
/// Synopsis
/// @code
/// class currency_code {
///   static currency_code parse(std::string_view);   // "EUR"; throws [fairport.input.102]
///   static std::optional<currency_code> try_parse(std::string_view) noexcept;
///   std::string_view view() const noexcept; std::string to_string() const; == != < << hash
/// };
/// struct currency_info { currency_code code; int minor_units; std::string name, numeric;
///                        validity_interval validity; std::string reference; };
/// class currency_table {
///   void add(currency_info);                                        // 302 on overlap
///   const currency_info* find(currency_code, year_month_day as_of) const noexcept;
///   const currency_info& at(currency_code, year_month_day as_of) const;   // 102 / 301
///   int minor_units(currency_code, year_month_day as_of) const;
/// };
/// @endcode
/// Minor units are data (ISO 4217 List One), never code: the table is filled from a dataset.
#include <map>
#include <string>
#include <utility>

#include "fairport/calendar.hpp"
#include "fairport/detail/alpha_code.hpp"
#include "fairport/timeline.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// An ISO 4217 alpha-3 code such as "EUR" or "KGS". Trivially copyable.
class currency_code : public detail::alpha_code<3, currency_code> {
 public:
  constexpr currency_code() noexcept = default;
  /// @throws input_error [fairport.input.102] unless `text` is three upper-case ASCII letters.
  static currency_code parse(std::string_view text) {
    if (auto c = try_parse(text)) return *c;
    detail::throw_error(errc::invalid_currency_code,
                        "not an ISO 4217 currency code: " + quoted(text));
  }
  static constexpr std::optional<currency_code> try_parse(std::string_view text) noexcept {
    if (!well_formed(text)) return std::nullopt;
    return make(text);
  }

 private:
  friend class detail::alpha_code<3, currency_code>;
};

/// One currency during one period.
struct currency_info {
  currency_code code;
  int minor_units = 2;  ///< digits after the decimal point (ISO 4217 "minor unit")
  std::string name;     ///< "Euro"
  std::string numeric;  ///< "978"
  validity_interval validity{date::year_month_day{date::year{1900}, date::January, date::day{1}}};
  std::string reference;  ///< the ISO 4217 edition or amendment
};

/// Currencies by code and date. Immutable once built; safe to share.
class currency_table {
 public:
  /// Adds a currency period. @throws data_error [fairport.data.302] on an overlap.
  void add(currency_info info);
  /// The currency valid on `as_of`, or nullptr.
  const currency_info* find(currency_code code, const date::year_month_day& as_of) const noexcept;
  /// @throws input_error [fairport.input.102] for an unknown code;
  ///         no_valid_record [fairport.data.301] if the code is not valid on `as_of`.
  const currency_info& at(currency_code code, const date::year_month_day& as_of) const;
  /// Minor units of `code` on `as_of`. @throws as at()
  int minor_units(currency_code code, const date::year_month_day& as_of) const;
  /// True if the code appears at all, whatever the date.
  bool contains(currency_code code) const noexcept { return series_.count(code) != 0; }
  std::size_t size() const noexcept { return series_.size(); }

 private:
  std::map<currency_code, timeline<currency_info>> series_;
};

FAIRPORT_END_NAMESPACE

template <>
struct std::hash<fairport::currency_code> {
  std::size_t operator()(const fairport::currency_code& c) const noexcept {
    return std::hash<std::string_view>{}(c.view());
  }
};
