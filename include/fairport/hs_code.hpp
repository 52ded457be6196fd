#pragma once
/// @file hs_code.hpp
/// Tariff codes: Harmonized System chapters, headings and subheadings, and the EU's Combined
/// Nomenclature / TARIC codes, as one value type of 2 to 10 digits.
///
/// Synopsis
/// @code
/// class tariff_code {
///   static tariff_code parse(std::string_view);                 // "0901.21", "5704 90 00 00"; throws 104
///   static std::optional<tariff_code> try_parse(std::string_view) noexcept;
///   int length() const noexcept;                                // 2..10 significant digits
///   std::string_view digits() const noexcept;                   // "090121"
///   tariff_code chapter() const; heading() const; subheading() const;  // 2, 4, 6 digits
///   bool contains(const tariff_code& more_specific) const noexcept;   // 0901 contains 090121
///   std::string padded() const;                                 // to 10 digits with zeros
///   int chapter_number() const noexcept;                        // 9 for "0901"
/// };
/// using hs_code = tariff_code; using cn_code = tariff_code;
/// @endcode
/// Spaces and dots are accepted on input and dropped; any other character, an odd split that
/// leaves fewer than 2 or more than 10 digits, is [fairport.input.104].

#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "fairport/config.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A tariff code of 2 to 10 digits (HS chapter, heading, subheading; CN 8; TARIC 10).
class tariff_code {
 public:
  /// Parses digits, ignoring spaces and dots. @throws input_error [fairport.input.104]
  static tariff_code parse(std::string_view text) {
    if (auto c = try_parse(text)) return *c;
    detail::throw_error(errc::invalid_tariff_code,
                        "not a tariff code of 2 to 10 digits: \"" + std::string(text) + "\"");
  }

  /// As parse(), but returns nullopt instead of throwing.
  static std::optional<tariff_code> try_parse(std::string_view text) noexcept {
    tariff_code c;
    for (char ch : text) {
      if (ch == ' ' || ch == '.') continue;
      if (ch < '0' || ch > '9' || c.len_ == 10) return std::nullopt;
      c.digits_[c.len_++] = ch;
    }
    if (c.len_ < 2) return std::nullopt;
    return c;
  }

  /// Number of digits, 2 to 10.
  int length() const noexcept { return len_; }
  /// The digits without separators.
  std::string_view digits() const noexcept { return {digits_.data(), len_}; }
  /// Chapter number 1..99.
  int chapter_number() const noexcept { return (digits_[0] - '0') * 10 + (digits_[1] - '0'); }

  /// The first 2 digits.
  tariff_code chapter() const noexcept { return prefix(2); }
  /// The first 4 digits. @throws input_error 104 if the code has fewer.
  tariff_code heading() const { return checked_prefix(4); }
  /// The first 6 digits. @throws input_error 104 if the code has fewer.
  tariff_code subheading() const { return checked_prefix(6); }

  /// True if `other` starts with this code's digits (0901 contains 09012100).
  bool contains(const tariff_code& other) const noexcept {
    return other.len_ >= len_ && other.digits().substr(0, len_) == digits();
  }

  /// The code right-padded with zeros to 10 digits ("0901" -> "0901000000").
  std::string padded() const {
    std::string s(digits());
    s.resize(10, '0');
    return s;
  }

  /// The digits, e.g. "5704900000".
  std::string to_string() const { return std::string(digits()); }

  friend bool operator==(const tariff_code& a, const tariff_code& b) noexcept {
    return a.digits() == b.digits();
  }
  friend bool operator!=(const tariff_code& a, const tariff_code& b) noexcept { return !(a == b); }
  friend bool operator<(const tariff_code& a, const tariff_code& b) noexcept {
    return a.digits() < b.digits();
  }
  friend std::ostream& operator<<(std::ostream& os, const tariff_code& c) {
    return os << c.digits();
  }

 private:
  tariff_code() = default;
  tariff_code prefix(std::size_t n) const noexcept {
    tariff_code c;
    c.len_ = n;
    for (std::size_t i = 0; i < n; ++i) c.digits_[i] = digits_[i];
    return c;
  }
  tariff_code checked_prefix(std::size_t n) const {
    if (len_ < n) {
      detail::throw_error(errc::invalid_tariff_code, "tariff code " + to_string() + " has fewer than " +
                                                         std::to_string(n) + " digits");
    }
    return prefix(n);
  }

  std::array<char, 10> digits_{};
  std::size_t len_ = 0;
};

/// Harmonized System code (2, 4 or 6 digits in practice).
using hs_code = tariff_code;
/// Combined Nomenclature (8 digits) or TARIC (10 digits) code.
using cn_code = tariff_code;

FAIRPORT_END_NAMESPACE

template <>
struct std::hash<fairport::tariff_code> {
  std::size_t operator()(const fairport::tariff_code& c) const noexcept {
    return std::hash<std::string_view>{}(c.digits());
  }
};
