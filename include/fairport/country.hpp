#pragma once
/// @file country.hpp
/// ISO 3166-1 alpha-2 country codes.
///
/// Synopsis
/// @code
/// class country_code {
///   static country_code parse(std::string_view);    // "KG"; throws [fairport.input.103]
///   static std::optional<country_code> try_parse(std::string_view) noexcept;
///   std::string_view view() const noexcept; std::string to_string() const;
///   == != <, <<, std::hash
/// };
/// @endcode
/// The type checks the form (two upper-case letters); whether a code exists is a question for
/// the country table of the reference data.
#include "fairport/detail/alpha_code.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// An ISO 3166-1 alpha-2 code such as "KG" or "DE". Trivially copyable.
class country_code : public detail::alpha_code<2, country_code> {
 public:
  /// "ZZ"-free default: an empty value is not a country; use parse().
  constexpr country_code() noexcept = default;
  /// @throws input_error [fairport.input.103] unless `text` is two upper-case ASCII letters.
  static country_code parse(std::string_view text) {
    if (auto c = try_parse(text)) return *c;
    detail::throw_error(errc::invalid_country_code,
                        "not an ISO 3166-1 alpha-2 country code: " + quoted(text));
  }
  static constexpr std::optional<country_code> try_parse(std::string_view text) noexcept {
    if (!well_formed(text)) return std::nullopt;
    return make(text);
  }

 private:
  friend class detail::alpha_code<2, country_code>;
};

FAIRPORT_END_NAMESPACE

template <>
struct std::hash<fairport::country_code> {
  std::size_t operator()(const fairport::country_code& c) const noexcept {
    return std::hash<std::string_view>{}(c.view());
  }
};
