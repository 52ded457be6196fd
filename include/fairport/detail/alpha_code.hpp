#pragma once
// Internal: a fixed-length upper-case ASCII code (ISO 4217 alpha-3, ISO 3166-1 alpha-2).
#include <array>
#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "fairport/config.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

template <std::size_t N, class Derived>
class alpha_code {
 public:
  /// The code as text, e.g. "EUR".
  constexpr std::string_view view() const noexcept { return {chars_.data(), N}; }
  std::string to_string() const { return std::string(view()); }

  friend constexpr bool operator==(const Derived& a, const Derived& b) noexcept {
    return a.view() == b.view();
  }
  friend constexpr bool operator!=(const Derived& a, const Derived& b) noexcept { return !(a == b); }
  friend constexpr bool operator<(const Derived& a, const Derived& b) noexcept {
    return a.view() < b.view();
  }
  friend std::ostream& operator<<(std::ostream& os, const Derived& c) { return os << c.view(); }

 protected:
  constexpr alpha_code() noexcept = default;
  /// True when `text` is exactly N upper-case ASCII letters.
  static constexpr bool well_formed(std::string_view text) noexcept {
    if (text.size() != N) return false;
    for (char c : text) {
      if (c < 'A' || c > 'Z') return false;
    }
    return true;
  }
  static constexpr Derived make(std::string_view text) noexcept {
    Derived d;
    for (std::size_t i = 0; i < N; ++i) d.chars_[i] = text[i];
    return d;
  }
  static std::string quoted(std::string_view text) {
    std::string s = "\"";
    s += text.substr(0, 32);
    s += '"';
    return s;
  }

 private:
  std::array<char, N> chars_{};
};

}  // namespace detail
FAIRPORT_END_NAMESPACE
