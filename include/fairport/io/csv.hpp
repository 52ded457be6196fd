#pragma once
/// @file io/csv.hpp
/// CSV at the edges: one record reader and one field writer (RFC 4180 with a chosen delimiter),
/// and the customs-rates file of `fairport check --lines --rates` and Python's
/// `fairport.read_rates`.
///
/// Synopsis
/// @code
/// bool read_csv_record(std::istream&, char delimiter, std::vector<std::string>& fields);
/// std::string csv_field(const std::string& text, char delimiter);      // quoted when needed
/// std::vector<fx_rate> read_rates_csv(std::istream&, const std::string& name);
/// @endcode

#include <istream>
#include <string>
#include <vector>

#include "fairport/config.hpp"
#include "fairport/rate.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Reads one CSV record into `fields`: the delimiter separates fields, double quotes enclose a
/// field that holds the delimiter, a quote ("" inside quotes) or a line break; a CR before the
/// line feed is dropped. Returns false at the end of the input (no record read).
bool read_csv_record(std::istream& in, char delimiter, std::vector<std::string>& fields);

/// The field as written in a CSV record: quoted (quotes doubled) when it holds the delimiter, a
/// quote or a line break, else as it is.
std::string csv_field(const std::string& text, char delimiter);

/// The dated exchange rates of a rates CSV with the header `base,quote,rate,date[,basis]
/// [,source]`: 1 base = rate quote, exact; `basis` month (the default: the customs rate of the
/// month, dated its first day, Implementing Regulation (EU) 2015/2447, Art. 146) or fixing (a
/// rate published on that date). Blank lines are skipped.
/// @throws error [fairport.consignment.401] for a header without a required column, or the
/// cell's own code with `name` and the row number ("rates.csv row 2: ...").
std::vector<fx_rate> read_rates_csv(std::istream& in, const std::string& name);

FAIRPORT_END_NAMESPACE
