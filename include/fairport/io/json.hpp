#pragma once
/// @file io/json.hpp
/// JSON at the edge: read a `fairport.consignment/1` document, write a `fairport.report/1`
/// document. Text in, text out; the JSON library stays private to fairport.
///
/// Synopsis
/// @code
/// struct parsed_consignment { consignment value; std::vector<line_error> errors; };
/// parsed_consignment read_consignment(std::string_view json_text, const std::string& name =
/// "consignment"); consignment read_consignment_strict(std::string_view json_text, const
/// std::string& name);   // any line error throws std::string to_json(const report&, int indent =
/// 2);
/// @endcode
/// The reader is strict: unknown or repeated keys, numbers written as JSON numbers, malformed
/// codes, dates and amounts are errors that name the JSON Pointer. A problem of the document as a
/// whole (not JSON, wrong schema, a bad `as_of`, an unknown Incoterm) throws
/// [fairport.consignment.401] (or the field's own code); a problem inside one line drops that line
/// into `errors` with its id, code and pointer, and the other lines are read.

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/check/check.hpp"
#include "fairport/config.hpp"
#include "fairport/check/consignment.hpp"
#include "fairport/landed_cost/landed_cost.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// A consignment as read, with the lines that could not be read.
struct parsed_consignment {
  consignment value;
  std::vector<line_error> errors;  ///< field = JSON Pointer, e.g. "/lines/2/hs_code"
};

/// Reads a consignment document. @throws error for a document-wide problem (see file doc).
parsed_consignment read_consignment(std::string_view json_text,
                                    const std::string& name = "consignment");

/// The report as a `fairport.report/1` JSON document: amounts as exact strings.
std::string to_json(const report& r, int indent = 2);
/// As to_json(), written to `out` as it is made (a large report is never held whole).
void write_json(std::ostream& out, const report& r, int indent = 2);

FAIRPORT_END_NAMESPACE
