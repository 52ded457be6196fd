#pragma once
/// @file io/report_format.hpp
/// A report for people: a terminal table and a self-contained HTML page.
///
/// Synopsis
/// @code
/// std::string to_text(const report&, bool verbose = false);   // verdicts first, then each line
/// std::string to_html(const report&);                         // one printable page, no network
/// @endcode
/// The HTML page has no scripts and loads nothing: verdicts, a cost breakdown chart per line
/// (inline SVG; bar lengths are display proportions, the figures beside them are exact), the
/// statement on origin and every finding with its reference.

#include <string>

#include "fairport/check/check.hpp"
#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The report as text for a terminal; `verbose` adds the info findings of origin, preference and
/// fair price (cost findings are always shown).
std::string to_text(const report& r, bool verbose = false);

/// The report as one self-contained HTML page.
std::string to_html(const report& r);

FAIRPORT_END_NAMESPACE
