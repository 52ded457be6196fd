// fairport/text.hpp: the one way findings and reports write money and percentages.
//
// Synopsis:
//   std::string money_text(const money&);                // "EUR 12.34": code first (EU style)
//   std::string percent_text(const decimal& fraction);   // 0.067 -> "6.7 %": exact, zeros dropped
//   std::string percent_text(const decimal& part, const decimal& whole, int places);
//                                                        // 1/3 -> "33.33 %": rounded half even
//
// Findings and the English reports follow the Interinstitutional Style Guide of the EU
// Publications Office: the ISO currency code before the amount, a space before the per cent
// sign, a decimal point. Tariff duty texts ("6,7 %", as the Combined Nomenclature prints them)
// are data, quoted as they are, not written by these functions.
#pragma once

#include <string>

#include "fairport/config.hpp"
#include "fairport/decimal.hpp"
#include "fairport/money.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// "EUR 12.34": the currency code, a space, the amount with its own scale.
std::string money_text(const money& m);

/// The fraction as an exact percentage, trailing zeros dropped: 0.067 -> "6.7 %", 0.12 -> "12 %".
std::string percent_text(const decimal& fraction);

/// part / whole as a percentage rounded half even to `places`: (1, 3, 2) -> "33.33 %".
/// @throws error [fairport.arith.*] when `whole` is zero.
std::string percent_text(const decimal& part, const decimal& whole, int places);

FAIRPORT_END_NAMESPACE
