// The strict dataset reader: see dataset_reader.hpp and the data format note.
#include "dataset/dataset_reader.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace fairport {
inline namespace v0 {
namespace detail {
namespace {

using json = nlohmann::json;
using ::fairport::v0::detail::throw_error;

constexpr std::string_view envelope_keys[] = {"schema",  "dataset", "version", "source",
                                              "licence", "note",    "records"};
constexpr std::string_view source_keys[] = {"title", "publisher", "url", "act", "retrieved"};
constexpr std::string_view source_required[] = {"title", "publisher", "url", "retrieved"};
constexpr std::string_view record_keys[] = {"key",   "valid_from", "valid_through",
                                            "value", "reference",  "note"};
constexpr std::string_view record_required[] = {"key", "valid_from", "valid_through", "value",
                                                "reference"};

error_context at(const error_context& base, std::string pointer) {
  error_context c = base;
  c.pointer = std::move(pointer);
  return c;
}

std::string child(const std::string& pointer, std::string_view key) {
  return pointer + "/" + json_pointer_token(key);
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// "a string", "a number", ... for messages.
std::string type_phrase(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "a number";
    default:
      return "an unsupported value";
  }
}

// --- field helpers ------------------------------------------------------------------------------

void require_object(const json& j, const error_context& ctx, std::string_view what) {
  if (!j.is_object()) {
    throw_error(errc::invalid_value,
                std::string(what) + " must be an object, not " + type_phrase(j), ctx);
  }
}

template <std::size_t N>
void reject_unknown(const json& obj, const std::string_view (&allowed)[N],
                    const error_context& ctx) {
  for (const auto& item : obj.items()) {
    if (std::find(std::begin(allowed), std::end(allowed), item.key()) == std::end(allowed)) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw_error(errc::unknown_key,
                  "unknown key " + in_quotes(item.key()) + " (allowed: " + list + ")",
                  at(ctx, child(ctx.pointer, item.key())));
    }
  }
}

template <std::size_t N>
void require_present(const json& obj, const std::string_view (&required)[N],
                     const error_context& ctx) {
  for (std::string_view k : required) {
    if (!obj.contains(k)) {
      throw_error(errc::missing_field, "missing required field " + in_quotes(k),
                  at(ctx, child(ctx.pointer, k)));
    }
  }
}

/// A date field: an ISO "YYYY-MM-DD" string (305 otherwise).
date::year_month_day require_date(const json& obj, std::string_view field,
                                  const error_context& ctx) {
  const json& j = obj.at(std::string(field));
  const error_context fctx = at(ctx, child(ctx.pointer, field));
  if (!j.is_string()) {
    throw_error(
        errc::bad_date,
        std::string(field) + " must be an ISO date string YYYY-MM-DD, not " + type_phrase(j), fctx);
  }
  const auto& s = j.get_ref<const std::string&>();
  if (auto d = try_parse_date(s)) return *d;
  throw_error(errc::bad_date,
              std::string(field) + " " + in_quotes(s) + " is not an ISO calendar date YYYY-MM-DD",
              fctx);
}

/// 306 for any number or boolean anywhere inside `j`.
void reject_numbers(const json& j, const std::string& pointer, const error_context& ctx) {
  switch (j.type()) {
    case json::value_t::object:
      for (const auto& item : j.items())
        reject_numbers(item.value(), child(pointer, item.key()), ctx);
      break;
    case json::value_t::array:
      for (std::size_t i = 0; i < j.size(); ++i)
        reject_numbers(j[i], pointer + "/" + std::to_string(i), ctx);
      break;
    case json::value_t::boolean:
      throw_error(errc::number_not_string,
                  "JSON boolean " + j.dump() + " is not allowed in a key or value; write a string",
                  at(ctx, pointer));
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      throw_error(errc::number_not_string,
                  "JSON number " + j.dump() + " must be written as a string (\"" + j.dump() +
                      "\") so that it stays exact",
                  at(ctx, pointer));
    default:
      break;
  }
}

bool is_snake_case_id(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

/// YYYY.N.P: four digits, then two non-negative integers without leading zeros.
bool is_dataset_version(std::string_view s) {
  auto digits = [](std::string_view p, bool exactly4) {
    if (p.empty() ||
        !std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    if (exactly4) return p.size() == 4;
    return p.size() == 1 || p[0] != '0';
  };
  const auto d1 = s.find('.');
  if (d1 == std::string_view::npos) return false;
  const auto d2 = s.find('.', d1 + 1);
  if (d2 == std::string_view::npos) return false;
  return digits(s.substr(0, d1), true) && digits(s.substr(d1 + 1, d2 - d1 - 1), false) &&
         digits(s.substr(d2 + 1), false);
}

/// "fairport.<kind>/<major>" with kind snake_case and major a positive integer.
bool is_schema_id(std::string_view s) {
  constexpr std::string_view prefix = "fairport.";
  if (s.substr(0, prefix.size()) != prefix) return false;
  const auto slash = s.find('/');
  if (slash == std::string_view::npos) return false;
  const auto kind = s.substr(prefix.size(), slash - prefix.size());
  const auto major = s.substr(slash + 1);
  return is_snake_case_id(kind) && !major.empty() && major[0] != '0' &&
         std::all_of(major.begin(), major.end(), [](char c) { return c >= '0' && c <= '9'; });
}

raw_record read_record(const json& r, const std::string& pointer, const error_context& base) {
  const error_context ctx = at(base, pointer);
  require_object(r, ctx, "a record");
  reject_unknown(r, record_keys, ctx);
  require_present(r, record_required, ctx);

  const json& key = r.at("key");
  if (!key.is_object()) {
    throw_error(errc::invalid_value, "key must be an object, not " + type_phrase(key),
                at(ctx, pointer + "/key"));
  }
  const json& value = r.at("value");
  if (!value.is_object() && !value.is_null()) {
    throw_error(errc::invalid_value, "value must be an object or null, not " + type_phrase(value),
                at(ctx, pointer + "/value"));
  }
  reject_numbers(key, pointer + "/key", ctx);
  reject_numbers(value, pointer + "/value", ctx);

  const date::year_month_day from = require_date(r, "valid_from", ctx);
  std::optional<date::year_month_day> through;
  if (!r.at("valid_through").is_null()) {
    through = require_date(r, "valid_through", ctx);
    if (date::sys_days{*through} < date::sys_days{from}) {
      throw_error(
          errc::bad_date,
          "valid_through " + format_date(*through) + " is before valid_from " + format_date(from),
          at(ctx, pointer + "/valid_through"));
    }
  }

  std::string reference = require_string(r, "reference", ctx);
  if (reference.empty()) {
    throw_error(errc::invalid_value, "reference must name the legal act or source document",
                at(ctx, pointer + "/reference"));
  }
  std::string note = r.contains("note") ? require_string(r, "note", ctx) : std::string();
  return raw_record{
      key, validity_interval(from, through), value, std::move(reference), std::move(note), pointer,
      {}, {}};
}

}  // namespace

error_context context_for(const raw_dataset& data, std::string_view pointer) {
  error_context c;
  c.dataset = data.header.dataset;
  c.version = data.header.version;
  c.file = data.header.file;
  c.pointer = std::string(pointer);
  return c;
}

std::string require_string(const json& obj, std::string_view field, const error_context& ctx) {
  const error_context fctx = at(ctx, child(ctx.pointer, field));
  if (!obj.is_object() || !obj.contains(field)) {
    throw_error(errc::missing_field, "missing required field " + in_quotes(field), fctx);
  }
  const json& j = obj.at(std::string(field));
  if (!j.is_string()) {
    throw_error(errc::invalid_value,
                std::string(field) + " must be a string, not " + type_phrase(j), fctx);
  }
  return j.get<std::string>();
}

fairport::decimal require_decimal(const json& obj, std::string_view field,
                                  const error_context& ctx) {
  const error_context fctx = at(ctx, child(ctx.pointer, field));
  if (!obj.is_object() || !obj.contains(field)) {
    throw_error(errc::missing_field, "missing required field " + in_quotes(field), fctx);
  }
  const json& j = obj.at(std::string(field));
  if (j.is_number()) {
    throw_error(errc::number_not_string,
                "JSON number " + j.dump() + " must be written as a string so that it stays exact",
                fctx);
  }
  if (!j.is_string()) {
    throw_error(errc::invalid_value,
                std::string(field) + " must be a decimal string, not " + type_phrase(j), fctx);
  }
  const auto& s = j.get_ref<const std::string&>();
  if (auto d = fairport::decimal::try_parse(s)) return *d;
  throw_error(errc::invalid_value,
              std::string(field) + " " + in_quotes(s) + " is not an exact decimal", fctx);
}

void reject_unknown_keys(const json& obj, std::initializer_list<std::string_view> allowed,
                         const error_context& ctx) {
  if (!obj.is_object()) {
    throw_error(errc::invalid_value, "expected an object, not " + type_phrase(obj), ctx);
  }
  for (const auto& item : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      throw_error(errc::unknown_key,
                  "unknown key " + in_quotes(item.key()) + " (allowed: " + list + ")",
                  at(ctx, child(ctx.pointer, item.key())));
    }
  }
}

raw_dataset read_dataset(std::string_view text, std::string_view file,
                         std::string_view expected_schema) {
  raw_dataset out;
  out.header.file = std::string(file);
  error_context ctx;
  ctx.file = out.header.file;

  auto parsed = parse_strict_json(text, errc::invalid_json, ctx);
  const json doc = std::move(parsed.value);

  // Name the dataset and version in every later error, if they can be read at all.
  if (doc.is_object()) {
    auto peek = [&doc](const char* k) {
      auto it = doc.find(k);
      return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    ctx.dataset = peek("dataset");
    ctx.version = peek("version");
  }
  if (parsed.repeated_key) throw_repeated_key(errc::duplicate_key, *parsed.repeated_key, ctx);

  require_object(doc, ctx, "a dataset file");
  reject_unknown(doc, envelope_keys, ctx);
  require_present(doc, envelope_keys, ctx);

  out.header.schema = require_string(doc, "schema", ctx);
  if (!is_schema_id(out.header.schema) || out.header.schema != expected_schema) {
    throw_error(errc::unknown_schema,
                "schema " + in_quotes(out.header.schema) + " is not the expected " +
                    in_quotes(expected_schema),
                at(ctx, "/schema"));
  }
  out.header.dataset = require_string(doc, "dataset", ctx);
  if (!is_snake_case_id(out.header.dataset)) {
    throw_error(errc::invalid_value,
                "dataset id " + in_quotes(out.header.dataset) + " is not snake_case",
                at(ctx, "/dataset"));
  }
  out.header.version = require_string(doc, "version", ctx);
  if (!is_dataset_version(out.header.version)) {
    throw_error(errc::invalid_value,
                "version " + in_quotes(out.header.version) + " is not YYYY.N.P",
                at(ctx, "/version"));
  }

  const json& source = doc.at("source");
  const error_context sctx = at(ctx, "/source");
  require_object(source, sctx, "source");
  reject_unknown(source, source_keys, sctx);
  require_present(source, source_required, sctx);
  for (std::string_view k : source_keys) {
    if (source.contains(k)) (void)require_string(source, k, sctx);
  }
  (void)require_date(source, "retrieved", sctx);
  out.header.source = source;

  out.header.licence = require_string(doc, "licence", ctx);
  out.header.note = require_string(doc, "note", ctx);

  const json& records = doc.at("records");
  if (!records.is_array()) {
    throw_error(errc::invalid_value, "records must be an array, not " + type_phrase(records),
                at(ctx, "/records"));
  }
  out.records.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    out.records.push_back(read_record(records[i], "/records/" + std::to_string(i), ctx));
  }
  return out;
}

void check_no_overlaps(const raw_dataset& data) {
  // Keys cannot hold numbers (read_dataset rejects them) and objects dump with sorted member
  // names, so equal dumps mean equal keys.
  std::map<std::string, std::vector<const raw_record*>> series;
  for (const raw_record& r : data.records) series[r.key.dump()].push_back(&r);
  for (auto& [key, recs] : series) {
    std::stable_sort(recs.begin(), recs.end(), [](const raw_record* a, const raw_record* b) {
      return a->validity.begin() < b->validity.begin();
    });
    for (std::size_t i = 1; i < recs.size(); ++i) {
      const raw_record* a = recs[i - 1];
      const raw_record* b = recs[i];
      if (!a->validity.overlaps(b->validity)) continue;
      // Report at whichever of the two comes later in the file.
      const bool a_first = a < b;  // both point into data.records
      const raw_record* first = a_first ? a : b;
      const raw_record* second = a_first ? b : a;
      throw_error(errc::overlapping_validity,
                  "records " + first->pointer + " " + first->validity.to_string() + " and " +
                      second->pointer + " " + second->validity.to_string() + " overlap for key " +
                      key,
                  context_for(data, second->pointer));
    }
  }
}

}  // namespace detail
}  // namespace v0
}  // namespace fairport
