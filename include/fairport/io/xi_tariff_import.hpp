#pragma once
/// @file io/xi_tariff_import.hpp
/// Third-country duties from the EU tariff as the UK Trade Tariff service publishes it for
/// Northern Ireland (API v2, `/xi/api/v2/commodities/{code}`: the EU's TARIC): the responses
/// become a `fairport.tariff_duties/1` file for dataset `eu_cct_erga_omnes`, to be used as a
/// user's data layer (`fairport data import xi-tariff FILE... -o DIR/duties.json`, then
/// `--data DIR`).
///
/// Synopsis
/// @code
/// enum class xi_measure_fate { mapped, not_computable, gsp_preference, out_of_scope };
/// struct xi_measure { std::string file, commodity, id, type, type_description, area,
///                     duty_text, valid_from, valid_through; xi_measure_fate fate;
///                     std::string reason; };
/// struct xi_response { std::string name, text; };   // a file's name ("0406103010-2021-02-09.json") and bytes
/// struct xi_tariff_import { std::string dataset_json; std::string retrieved; std::size_t files,
///                           commodities, records; std::vector<xi_measure> measures;
///                           std::vector<std::string> not_found; };
/// xi_tariff_import tariff_from_xi(const std::vector<xi_response>&, std::string retrieved);
/// std::string_view to_string(xi_measure_fate);
/// @endcode
///
/// Every measure of every response is accounted for, once per measure id (a later response of
/// the same measure, by the date in the file name, wins): the third-country duty (measure type
/// 103, ERGA OMNES 1011) is `mapped` to a duty expression, or kept as `not_computable` with its
/// text and the reason (agricultural components, entry prices and other conditions, units
/// fairport does not compute) and a record whose expression is null; the GSP preferences
/// (type 142 for areas 2020 GSP, 2027 GSP+, 2005 EBA) are `gsp_preference`, written into the
/// note of the code's record (fairport derives GSP duties from Regulation (EU) No 978/2012
/// itself); every other measure (VAT, other preferences, anti-dumping, restrictions, UK
/// national measures) is `out_of_scope`, named with its type. Amounts are read as the text the
/// response writes (never through a double). Each record is one 10-digit commodity code, valid
/// as the measure says (effective start and end dates), and cites the measure, its legal acts
/// and the response.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// What the import did with a measure.
enum class xi_measure_fate : unsigned char {
  mapped,          ///< a third-country duty, as a duty expression fairport computes
  not_computable,  ///< a third-country duty kept with its text; fairport does not compute it
  gsp_preference,  ///< a GSP preference (areas 2020, 2027, 2005): in the record's note
  out_of_scope,    ///< any other measure: not a third-country duty
};

/// "mapped", "not_computable", "gsp_preference", "out_of_scope".
std::string_view to_string(xi_measure_fate f) noexcept;

/// One measure of the responses, and what became of it.
struct xi_measure {
  std::string file;              ///< the response it was (last) read from
  std::string commodity;         ///< 10-digit code
  std::string id;                ///< the measure's id
  std::string type;              ///< measure type id: "103"
  std::string type_description;  ///< "Third country duty"
  std::string area;              ///< geographical area id: "1011"
  std::string duty_text;         ///< the duty as the response prints it: "12.80 % + 176.80 EUR / 100 kg"
  std::string valid_from;        ///< ISO date
  std::string valid_through;     ///< ISO date; "" when open-ended
  xi_measure_fate fate = xi_measure_fate::out_of_scope;
  std::string reason;            ///< why not mapped ("agricultural component EA", "VAT standard rate")
};

/// One response: its file name and bytes.
struct xi_response {
  std::string name;
  std::string text;
};

/// The import.
struct xi_tariff_import {
  std::string dataset_json;  ///< fairport.tariff_duties/1, dataset eu_cct_erga_omnes, indent 1
  std::string retrieved;     ///< the date the responses were read (the version's date)
  std::size_t files = 0;
  std::size_t commodities = 0;
  std::size_t records = 0;
  std::vector<xi_measure> measures;    ///< every measure, in commodity and measure order
  std::vector<std::string> not_found;  ///< responses that say "not found" (no such code)
};

/// The third-country duties of `responses`. `retrieved` (YYYY-MM-DD) dates the file; when
/// empty, the latest date in the file names ("{code}-{YYYY-MM-DD}.json") is used.
/// @throws input_error [fairport.consignment.401] naming the file and pointer of a response
///         that is not the API's format; [fairport.input.106] when no date is known.
xi_tariff_import tariff_from_xi(const std::vector<xi_response>& responses, std::string retrieved);

FAIRPORT_END_NAMESPACE
