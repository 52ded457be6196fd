// The builder's shared readers: codes, CN ranges, chapters, string arrays.
#include "dataset/builder.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

error_context file_context(const std::string& file, const std::string& pointer) {
  error_context c;
  c.file = file;
  c.pointer = pointer;
  return c;
}

provenance provenance_of(const raw_dataset& ds, const raw_record& r) {
  provenance p;
  p.dataset = ds.header.dataset;
  p.version = ds.header.version;
  p.pointer = r.pointer;
  p.reference = r.reference;
  if (!r.layer_file.empty()) {
    p.version = r.layer_version;
    p.layer = r.layer_file;
  }
  p.valid_from = format_date(r.validity.from());
  if (auto t = r.validity.through()) p.valid_through = format_date(*t);
  return p;
}

error_context record_context(const raw_dataset& ds, const raw_record& r, std::string_view field) {
  auto c = detail::context_for(ds, r.pointer + std::string(field));
  if (!r.layer_file.empty()) {  // a user's record: its errors name the user's file
    c.file = r.layer_file;
    c.version = r.layer_version;
  }
  return c;
}

std::optional<decimal> optional_decimal(const json& obj, std::string_view field,
                                        const error_context& ctx) {
  auto it = obj.find(std::string(field));
  if (it == obj.end() || it->is_null()) return std::nullopt;
  return detail::require_decimal(obj, field, ctx);
}

decimal require_fraction(const json& obj, std::string_view field, const error_context& ctx) {
  decimal d = detail::require_decimal(obj, field, ctx);
  if (d.is_negative() || d > decimal(1)) {
    detail::throw_error(
        errc::invalid_value,
        "\"" + std::string(field) + "\" must be a fraction between 0 and 1, got " + d.to_string(),
        ctx);
  }
  return d;
}

currency_code builder::currency(const raw_dataset& ds, const raw_record& r, const json& obj,
                                std::string_view field, std::string_view where) {
  return currency_named(ds, r, detail::require_string(obj, field, record_context(ds, r, where)),
                        where);
}

currency_code builder::currency_named(const raw_dataset& ds, const raw_record& r,
                                      const std::string& text, std::string_view where) {
  auto code = currency_code::try_parse(text);
  if (!code || (have_currencies && !currencies.contains(*code))) {
    detail::throw_error(errc::unknown_code, "unknown currency code \"" + text + "\"",
                        record_context(ds, r, where));
  }
  return *code;
}

country_code builder::country(const raw_dataset& ds, const raw_record& r, const json& obj,
                              std::string_view field, std::string_view where) {
  const auto ctx = record_context(ds, r, where);
  const std::string text = detail::require_string(obj, field, ctx);
  auto code = country_code::try_parse(text);
  if (!code || (have_countries && countries.find(*code) == nullptr)) {
    detail::throw_error(errc::unknown_code, "unknown country code \"" + text + "\"", ctx);
  }
  return *code;
}

std::pair<std::string, std::string> builder::cn_range(const raw_dataset& ds, const raw_record& r) {
  const auto kctx = record_context(ds, r, "/key");
  const auto range_it = r.key.find("cn_range");
  const auto rctx = record_context(ds, r, "/key/cn_range");
  if (range_it == r.key.end()) {
    detail::throw_error(errc::missing_field, "\"cn_range\" is required", kctx);
  }
  if (!range_it->is_array() || range_it->size() != 2 || !(*range_it)[0].is_string() ||
      !(*range_it)[1].is_string()) {
    detail::throw_error(errc::invalid_value, "\"cn_range\" must be [\"from\", \"through\"]", rctx);
  }
  std::pair<std::string, std::string> out((*range_it)[0].get<std::string>(),
                                          (*range_it)[1].get<std::string>());
  for (const auto* code : {&out.first, &out.second}) {
    if (code->size() != 10 ||
        !std::all_of(code->begin(), code->end(), [](char c) { return c >= '0' && c <= '9'; })) {
      detail::throw_error(errc::unknown_code,
                          "CN range bound \"" + *code + "\" is not a 10-digit code", rctx);
    }
  }
  if (out.second < out.first) {
    detail::throw_error(errc::invalid_value,
                        "CN range " + out.first + "-" + out.second + " has from > through", rctx);
  }
  return out;
}

int builder::chapter_at(const raw_dataset& ds, const raw_record& r, const json& obj,
                        const char* field) {
  const std::string text = detail::require_string(obj, field, record_context(ds, r, "/value"));
  const bool two_digits = text.size() == 2 && std::isdigit(static_cast<unsigned char>(text[0])) &&
                          std::isdigit(static_cast<unsigned char>(text[1]));
  const int number = two_digits ? (text[0] - '0') * 10 + (text[1] - '0') : 0;
  if (number < 1 || number > 97) {
    detail::throw_error(errc::invalid_value, "not a CN chapter (\"01\" to \"97\")",
                        record_context(ds, r, "/value/" + std::string(field)));
  }
  return number;
}

std::vector<std::string> builder::string_array(const raw_dataset& ds, const raw_record& r,
                                               const json& obj, std::string_view field,
                                               const std::string& where, bool hs_codes) {
  const auto ctx = record_context(ds, r, where);
  const auto it = obj.find(std::string(field));
  if (it == obj.end()) {
    detail::throw_error(errc::missing_field, "\"" + std::string(field) + "\" is required",
                        record_context(ds, r, where.substr(0, where.rfind('/'))));
  }
  if (!it->is_array() || it->empty()) {
    detail::throw_error(errc::invalid_value, "must be a non-empty array of strings", ctx);
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& e = (*it)[i];
    const auto ectx = record_context(ds, r, where + "/" + std::to_string(i));
    if (!e.is_string()) detail::throw_error(errc::invalid_value, "must be a string", ectx);
    const std::string v = e.get<std::string>();
    if (hs_codes) {
      const auto code = tariff_code::try_parse(v);
      if (!code || code->digits() != v || v.size() % 2 != 0) {
        detail::throw_error(errc::unknown_code, "\"" + v + "\" is not an HS code of 4 or 6 digits",
                            ectx);
      }
    }
    out.push_back(v);
  }
  return out;
}

bool builder::one_of(const std::string& v, std::initializer_list<const char*> allowed) {
  for (const char* a : allowed) {
    if (v == a) return true;
  }
  return false;
}

std::vector<int> builder::chapter_list(const raw_dataset& ds, const raw_record& r, const json& obj,
                                       std::string_view field, const std::string& where) {
  const auto it = obj.find(std::string(field));
  if (it == obj.end()) {
    detail::throw_error(errc::missing_field, "\"" + std::string(field) + "\" is required",
                        record_context(ds, r, "/value"));
  }
  if (!it->is_array()) {
    detail::throw_error(errc::invalid_value, "must be an array of two-digit chapters",
                        record_context(ds, r, where));
  }
  std::vector<int> out;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& c = (*it)[i];
    const auto ectx = record_context(ds, r, where + "/" + std::to_string(i));
    const std::string text = c.is_string() ? c.get<std::string>() : std::string();
    const bool two_digits = text.size() == 2 && std::isdigit(static_cast<unsigned char>(text[0])) &&
                            std::isdigit(static_cast<unsigned char>(text[1]));
    const int number = two_digits ? (text[0] - '0') * 10 + (text[1] - '0') : 0;
    if (number < 1 || number > 97 || number == 77) {
      detail::throw_error(errc::unknown_code,
                          "not an HS chapter (\"01\" to \"97\", 77 is reserved)", ectx);
    }
    out.push_back(number);
  }
  return out;
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
