// The one money text and the one percent text of findings and reports.
#include "fairport/text.hpp"

FAIRPORT_BEGIN_NAMESPACE

std::string money_text(const money& m) {
  return m.to_string();
}

std::string percent_text(const decimal& fraction) {
  return (fraction * decimal(100)).normalized().to_string() + " %";
}

std::string percent_text(const decimal& part, const decimal& whole, int places) {
  return divide(part * decimal(100), whole, places, rounding_mode::half_even).to_string() + " %";
}

FAIRPORT_END_NAMESPACE
