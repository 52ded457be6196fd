#pragma once
// Private: the one strict JSON reader of fairport (consignments, datasets, manifests).
// nlohmann/json is a private dependency: this header is for src/ and tests only, never for
// include/fairport.
//
// Synopsis
//   struct strict_json { nlohmann::json value; std::optional<std::string> repeated_key; };
//   strict_json parse_strict_json(text, errc invalid, const error_context& where);
//   strict_json parse_strict_json_exact(text, invalid, where);   // fractional numbers as text
//   [[noreturn]] void throw_repeated_key(errc, const std::string& pointer, error_context where);
//   std::string json_pointer_token(std::string_view);         // RFC 6901 escaping ("~0", "~1")
//
// Strict: RFC 8259 text only (no comments, no trailing commas), and a number must fit a double
// (1e400 is refused, not an abort); at most max_json_depth levels deep and max_json_bytes long;
// a UTF-8 byte order mark at the start is skipped. A key repeated in one object (which a plain parse would merge,
// the last one winning) is found with its JSON Pointer; each caller reports it in its own error
// family (the consignment's 401, the dataset's 304), with the same message.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "fairport/config.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

/// Limits of one document: nesting depth (objects and arrays) and size in bytes.
constexpr std::size_t max_json_depth = 64;
constexpr std::size_t max_json_bytes = std::size_t(256) << 20;  // 256 MiB

/// A parsed document and the pointer of its first repeated key, if any.
struct strict_json {
  nlohmann::json value;
  std::optional<std::string> repeated_key;  ///< JSON Pointer of the first repeated key
};

/// Parses `text` strictly.
/// @throws error with code `invalid` ("invalid JSON: <reason>") naming, in `where`, the pointer
///         at which the parse stopped: a syntax error, or a number beyond the range of a double.
strict_json parse_strict_json(std::string_view text, errc invalid, const error_context& where);

/// As parse_strict_json(), but a number with a fraction or an exponent is kept as its text, a
/// JSON string ("20.0" stays "20.0"), never a double: for importers of other publishers' files
/// (the UK Trade Tariff API writes duties as JSON numbers). Integers stay integers.
strict_json parse_strict_json_exact(std::string_view text, errc invalid, const error_context& where);

/// Throws `code` "duplicate key "<key>" in one JSON object" at `pointer`.
[[noreturn]] void throw_repeated_key(errc code, const std::string& pointer, error_context where);

/// RFC 6901 escaping of one key: "~" -> "~0", "/" -> "~1".
std::string json_pointer_token(std::string_view key);

}  // namespace detail
FAIRPORT_END_NAMESPACE
