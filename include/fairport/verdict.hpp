#pragma once
/// @file verdict.hpp
/// Findings: the sentences with which every engine explains a figure or a decision.
///
/// Synopsis
/// @code
/// enum class severity { info, warning, error };
/// std::string_view to_string(severity);               // "info", "warning", "error"
/// struct finding {
///   std::string code;        // stable, dotted: "landed.duty.ad_valorem", "gsp.not_beneficiary"
///   severity level;
///   std::string message;     // for people; every amount and rate in it is an exact string
///   std::string reference;   // legal act and article, or dataset record (provenance::to_string())
/// };
/// using findings = std::vector<finding>;
/// @endcode
/// A business outcome ("not eligible", "not originating") is a value that carries findings; it is
/// never an exception. Finding codes are part of the public contract: new ones may be added, an
/// existing one keeps its meaning.

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// How much a finding matters to the person reading the report.
enum class severity : unsigned char { info, warning, error };

constexpr std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::info:
      return "info";
    case severity::warning:
      return "warning";
    case severity::error:
      return "error";
  }
  return "info";
}

/// One explained step of a computation or decision.
struct finding {
  std::string code;  ///< stable dotted id, e.g. "landed.duty.ad_valorem"
  severity level = severity::info;
  std::string message;    ///< for people; figures in it are exact decimal strings
  std::string reference;  ///< legal reference or dataset record

  friend bool operator==(const finding& a, const finding& b) {
    return a.code == b.code && a.level == b.level && a.message == b.message &&
           a.reference == b.reference;
  }
  friend bool operator!=(const finding& a, const finding& b) { return !(a == b); }
  friend std::ostream& operator<<(std::ostream& os, const finding& f) {
    os << to_string(f.level) << ' ' << f.code << ": " << f.message;
    if (!f.reference.empty()) os << " (" << f.reference << ')';
    return os;
  }
};

using findings = std::vector<finding>;

/// Builds a finding; a shorthand used by the engines.
inline finding make_finding(std::string code, severity level, std::string message,
                            std::string reference = {}) {
  return finding{std::move(code), level, std::move(message), std::move(reference)};
}

FAIRPORT_END_NAMESPACE
