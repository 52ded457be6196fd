#pragma once
/// @file io/report_format.hpp
/// A report for people: a terminal table and a self-contained HTML page.
///
/// Synopsis
/// @code
/// std::string to_text(const report&, bool verbose = false);   // verdicts first, then each line
/// std::string to_html(const report&);                         // one printable page, no network
/// std::vector<report_todo> todo_list(const report&);          // what to declare next, in words
/// @endcode
/// The HTML page has no scripts and loads nothing: verdicts, a cost breakdown chart per line
/// (inline SVG; bar lengths are display proportions, the figures beside them are exact), the
/// statement on origin and every finding with its reference.

#include <string>
#include <vector>

#include "fairport/check/check.hpp"
#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The report as text for a terminal; `verbose` adds the info findings of origin, preference and
/// fair price (cost findings are always shown).
std::string to_text(const report& r, bool verbose = false);

/// The report as one self-contained HTML page, laid out as a document for A4 (a page header
/// and page numbers in print, no line split across pages).
std::string to_html(const report& r);

/// One item of a report's to-do list: what the document would have to show, for which line.
struct report_todo {
  std::string line_id;
  std::string what;     ///< in words: "the exporter's REX number (...)"
  std::string pointer;  ///< the JSON Pointer into the consignment, when the item is one
};

/// What to declare next, line by line: each line's origin `missing` items (already in words),
/// then its preference `missing` items (JSON Pointers, described in words with the legal
/// provision that asks for them). The same list in the text and HTML reports.
std::vector<report_todo> todo_list(const report& r);

FAIRPORT_END_NAMESPACE
