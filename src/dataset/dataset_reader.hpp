#pragma once
// Private: the strict reader for fairport dataset files (the envelope and record shape of every
// file under src/data/). nlohmann/json is a private dependency: this header is for src/ and for
// tests only, never for include/fairport.
//
// Synopsis
//   struct dataset_header { schema, dataset, version, source, licence, note, file };
//   struct raw_record { key, validity, value, reference, note, pointer };
//   struct raw_dataset { dataset_header header; std::vector<raw_record> records; };
//   raw_dataset read_dataset(text, file, expected_schema);   // 311 304 303 310 309 305 306 313
//   void check_no_overlaps(const raw_dataset&);               // 302
//   std::string require_string(obj, field, ctx);              // 310 313
//   fairport::decimal require_decimal(obj, field, ctx);       // 310 306 313
//   void reject_unknown_keys(obj, allowed, ctx);              // 303 (313 if obj is not an object)
//   error_context context_for(const raw_dataset&, pointer);
//   (json_pointer_token and the strict JSON parse live in io/strict_json.hpp)
//
// Every error names the file, the JSON Pointer and, once the envelope has been read, the
// dataset id and version, through fairport::error_context.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "../io/strict_json.hpp"

namespace fairport {
inline namespace v0 {
namespace detail {

/// The envelope of a dataset file (see the data format note): everything but the records.
struct dataset_header {
  std::string schema;     ///< "fairport.currencies/1"
  std::string dataset;    ///< "iso4217_currencies"
  std::string version;    ///< "2026.1.0"
  nlohmann::json source;  ///< object: title, publisher, url, act (optional), retrieved
  std::string licence;    ///< how the figures may be reused
  std::string note;       ///< coverage and known gaps (may be empty)
  std::string file;       ///< path as given to read_dataset ("builtin:currencies.json")
};

/// One record as read from disk, its values still JSON for the engine-specific parser.
struct raw_record {
  nlohmann::json key;                    ///< object identifying the series
  fairport::validity_interval validity;  ///< inclusive from/through on disk, half-open in memory
  nlohmann::json value;                  ///< object, or null (ends a series)
  std::string reference;                 ///< legal act or publisher document for this record
  std::string note;                      ///< optional free text ("" when absent)
  std::string pointer;                   ///< "/records/17"
  std::string layer_file;     ///< the user layer file the record came from; "" for the base data
  std::string layer_version;  ///< that file's version ("" for the base data)
};

/// A dataset file read and checked, not yet interpreted.
struct raw_dataset {
  dataset_header header;            ///< the envelope
  std::vector<raw_record> records;  ///< in file order
};

/// Parses and checks the envelope strictly: invalid JSON (311), duplicate keys anywhere (304),
/// unknown top-level, source or record keys (303), missing fields (310), schema kind/major not
/// equal to `expected_schema` (309), bad dates or valid_from > valid_through (305), any JSON
/// number or boolean anywhere inside "key" or "value" (306: exact numbers must be strings), and
/// fields of the wrong type or form (313: a non-string title, a version not YYYY.N.P, an empty
/// reference). Errors name the file, JSON pointer, dataset id and version via error_context.
/// Does not check overlaps (see check_no_overlaps) or record order (the caller's key order).
raw_dataset read_dataset(std::string_view text, std::string_view file,
                         std::string_view expected_schema);

/// Groups records by `key` (JSON equality) and throws [fairport.data.302] naming both records'
/// pointers and intervals if two records of one key share a day.
void check_no_overlaps(const raw_dataset& data);

/// The string `obj[field]`. @throws data_error 310 if absent, 313 if not a string. The error's
/// pointer is ctx.pointer + "/" + field.
std::string require_string(const nlohmann::json& obj, std::string_view field,
                           const error_context& ctx);

/// The exact decimal written as the string `obj[field]` ("0.19").
/// @throws data_error 310 if absent, 306 if a JSON number, 313 if not a string or not a decimal.
fairport::decimal require_decimal(const nlohmann::json& obj, std::string_view field,
                                  const error_context& ctx);

/// @throws data_error 303 naming the first key of `obj` not in `allowed` (pointer
///         ctx.pointer + "/" + key); 313 if `obj` is not an object.
void reject_unknown_keys(const nlohmann::json& obj, std::initializer_list<std::string_view> allowed,
                         const error_context& ctx);

/// The context for an error at `pointer` in `data`: dataset id, version, file and pointer.
error_context context_for(const raw_dataset& data, std::string_view pointer);

}  // namespace detail
}  // namespace v0
}  // namespace fairport
