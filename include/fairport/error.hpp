#pragma once
/// @file error.hpp
/// fairport's one error hierarchy.
///
/// Synopsis
/// @code
/// enum class errc : int { invalid_decimal = 101, ..., overflow = 201, ..., no_valid_record = 301, ... };
/// struct error_context { dataset, version, file, pointer, argument };
/// class error : public std::exception { errc code() const; const error_context& context() const; };
///   class input_error      : error   // 1xx: a caller passed something malformed
///   class arithmetic_error : error   // 2xx: overflow, division by zero, mixed currencies or units
///     class overflow_error : arithmetic_error
///     class currency_mismatch : arithmetic_error
///   class data_error       : error   // 3xx: reference data is malformed or has no record
///     class no_valid_record : data_error
/// [[noreturn]] void detail::throw_error(errc, std::string message, error_context = {});
/// std::string_view category_name(errc);  // "input", "arithmetic", "data"
/// @endcode
///
/// Every message starts with a stable code, `[fairport.<category>.<number>]`. Messages are for
/// people; `code()` is for programs. The README's error table lists every code.

#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Stable error codes. Numbers never change meaning; new codes are appended.
/// 1xx: input, 2xx: arithmetic, 3xx: reference data, 4xx: engine inputs (consignments).
enum class errc : int {
  // input
  invalid_decimal = 101,        ///< text is not an exact decimal in range
  invalid_currency_code = 102,  ///< not three upper-case ASCII letters, or not in the currency table
  invalid_country_code = 103,   ///< not two upper-case ASCII letters, or not in the country table
  invalid_tariff_code = 104,    ///< not 2 to 10 digits (spaces and dots dropped)
  invalid_date = 105,           ///< not an ISO YYYY-MM-DD calendar date
  invalid_argument = 106,       ///< a value outside its documented domain (negative weight, ...)
  invalid_unit = 107,           ///< unknown unit of measure
  invalid_rounding_mode = 108,  ///< unknown rounding mode name
  // arithmetic
  overflow = 201,               ///< a result does not fit 38 significant digits / the scale range
  division_by_zero = 202,       ///< divisor is zero
  currency_mismatch = 203,      ///< arithmetic on amounts in two currencies
  unit_mismatch = 204,          ///< arithmetic on quantities of two incompatible kinds
  inexact = 205,                ///< an operation that must be exact would have to round
  // reference data
  no_valid_record = 301,        ///< no record for this key is valid on the as-of date
  overlapping_validity = 302,   ///< two records for one key overlap in time
  unknown_key = 303,            ///< a JSON object has a key the schema does not know
  duplicate_key = 304,          ///< a JSON object repeats a key
  bad_date = 305,               ///< a date in a dataset is malformed or valid_from > valid_through
  number_not_string = 306,      ///< an exact number was written as a JSON number
  unknown_code = 307,           ///< a dataset names an unknown currency, country or tariff code
  checksum_mismatch = 308,      ///< a dataset file does not match the manifest's sha256
  unknown_schema = 309,         ///< unknown schema kind or major version
  missing_field = 310,          ///< a required field is absent
  invalid_json = 311,           ///< the file is not well-formed JSON
  unsorted_records = 312,       ///< records are not in the documented order
  invalid_value = 313,          ///< a field has the right type but an invalid value
  missing_file = 314,           ///< a dataset file named by the manifest cannot be read
  crossing_ranges = 315,        ///< two CN ranges of a dataset overlap without one holding the other
  missing_dataset = 316,        ///< a dataset the engines need is not in the manifest
  // consignments and engine inputs
  invalid_document = 401,       ///< a consignment document is malformed (type, unknown field, schema)
  missing_input = 402,          ///< an input the computation needs is absent
  duty_not_computable = 403,    ///< the duty expression has a part fairport does not compute
  missing_quantity = 404,       ///< a specific duty needs a quantity (mass, pieces, m2 ...) not given
  unsupported_destination = 405,  ///< the importing country is not an EU member state on the date
  // the program itself (the command line's last-resort handler)
  internal_error = 501,         ///< an unexpected failure inside fairport: a defect to report
  out_of_memory = 502,          ///< the machine ran out of memory
};

/// "input", "arithmetic", "data" or "consignment", from the code's hundreds digit.
constexpr std::string_view category_name(errc code) noexcept {
  switch (static_cast<int>(code) / 100) {
    case 1: return "input";
    case 2: return "arithmetic";
    case 3: return "data";
    case 4: return "consignment";
    case 5: return "internal";
    default: return "unknown";
  }
}

/// "[fairport.input.101]" for errc::invalid_decimal.
inline std::string code_tag(errc code) {
  std::string s = "[fairport.";
  s += category_name(code);
  s += '.';
  s += std::to_string(static_cast<int>(code));
  s += ']';
  return s;
}

/// Where an error arose. Every field is optional; empty means unknown.
struct error_context {
  std::string dataset;   ///< dataset id, e.g. "eu_vat_rates"
  std::string version;   ///< dataset version, e.g. "2026.1.0"
  std::string file;      ///< file path as given to the loader
  std::string pointer;   ///< RFC 6901 JSON Pointer into the file, e.g. "/records/17/valid_from"
  std::string argument;  ///< name of the function argument or input field, e.g. "lines/3/hs_code"

  bool empty() const noexcept {
    return dataset.empty() && version.empty() && file.empty() && pointer.empty() &&
           argument.empty();
  }
};

/// Root of every exception fairport throws.
class error : public std::exception {
 public:
  error(errc code, std::string message, error_context context)
      : code_(code), context_(std::move(context)), what_(format(code, message, context_)),
        message_(std::move(message)) {}

  const char* what() const noexcept override { return what_.c_str(); }
  /// The stable code.
  errc code() const noexcept { return code_; }
  /// Where it happened.
  const error_context& context() const noexcept { return context_; }
  /// The message without the code tag and context suffix.
  const std::string& message() const noexcept { return message_; }

 private:
  static std::string format(errc code, const std::string& message, const error_context& c) {
    std::string s = code_tag(code);
    s += ' ';
    s += message;
    if (!c.empty()) {
      std::string parts;
      auto add = [&parts](std::string_view label, const std::string& v) {
        if (v.empty()) return;
        if (!parts.empty()) parts += ", ";
        parts += label;
        parts += v;
      };
      if (!c.dataset.empty()) {
        add("dataset ", c.dataset + (c.version.empty() ? "" : " " + c.version));
      } else {
        add("version ", c.version);
      }
      add("file ", c.file);
      add("at ", c.pointer);
      add("argument ", c.argument);
      s += " (" + parts + ")";
    }
    return s;
  }

  errc code_;
  error_context context_;
  std::string what_;
  std::string message_;
};

/// 1xx: the caller passed malformed input.
class input_error : public error {
  using error::error;
};
/// 2xx: an arithmetic operation cannot give an exact, representable result.
class arithmetic_error : public error {
  using error::error;
};
/// 201: a result exceeds the representable range.
class overflow_error : public arithmetic_error {
  using arithmetic_error::arithmetic_error;
};
/// 203: amounts in different currencies were combined.
class currency_mismatch : public arithmetic_error {
  using arithmetic_error::arithmetic_error;
};
/// 3xx: reference data is malformed, or lacks what was asked for.
class data_error : public error {
  using error::error;
};
/// 301: no record for the key is valid on the as-of date.
class no_valid_record : public data_error {
  using data_error::data_error;
};
/// 4xx: a consignment or engine input is inconsistent.
class consignment_error : public error {
  using error::error;
};

namespace detail {

/// The one place that throws: picks the most derived class for the code.
[[noreturn]] inline void throw_error(errc code, std::string message, error_context context = {}) {
  switch (code) {
    case errc::overflow: throw overflow_error(code, std::move(message), std::move(context));
    case errc::currency_mismatch:
      throw currency_mismatch(code, std::move(message), std::move(context));
    case errc::no_valid_record:
      throw no_valid_record(code, std::move(message), std::move(context));
    default: break;
  }
  switch (static_cast<int>(code) / 100) {
    case 1: throw input_error(code, std::move(message), std::move(context));
    case 2: throw arithmetic_error(code, std::move(message), std::move(context));
    case 3: throw data_error(code, std::move(message), std::move(context));
    case 4: throw consignment_error(code, std::move(message), std::move(context));
    default: throw error(code, std::move(message), std::move(context));
  }
}

}  // namespace detail

FAIRPORT_END_NAMESPACE
