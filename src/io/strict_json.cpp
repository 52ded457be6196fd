// The one strict JSON reader: a SAX pass that knows the JSON Pointer of every position (for
// repeated keys and for where a syntax error stopped), then a plain DOM parse.
#include "io/strict_json.hpp"

#include <algorithm>
#include <unordered_set>
#include <vector>

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

namespace {

using json = nlohmann::json;

/// A SAX handler that follows the parser through the document, building nothing, so that the
/// JSON Pointer of the current position is known: for duplicate keys (which a DOM parse would
/// silently merge, last one winning) and for the place where a syntax error stopped the parse.
/// nlohmann's callback parser would do the same in one pass but is 2.4 times slower than a
/// plain parse on this kind of machine; this pass plus a plain parse is faster.
class position_tracker final : public nlohmann::json_sax<json> {
 public:
  bool null() override { return value_done(); }
  bool boolean(bool) override { return value_done(); }
  bool number_integer(number_integer_t) override { return value_done(); }
  bool number_unsigned(number_unsigned_t) override { return value_done(); }
  bool number_float(number_float_t, const string_t&) override { return value_done(); }
  bool string(string_t&) override { return value_done(); }
  bool binary(binary_t&) override { return value_done(); }
  bool start_object(std::size_t) override {
    frames_.push_back(frame{false, 0, {}, false, {}, {}});
    return within_depth();
  }
  bool key(string_t& k) override {
    frame& f = frames_.back();
    f.key = k;
    f.has_key = true;
    if (!duplicate_) {
      // Dataset objects are small: a linear scan beats hashing; large objects switch to a set.
      const bool repeated = f.many.empty()
                                ? std::find(f.seen.begin(), f.seen.end(), k) != f.seen.end()
                                : f.many.count(k) != 0;
      if (repeated) {
        duplicate_ = pointer();
      } else if (f.many.empty() && f.seen.size() < 32) {
        f.seen.push_back(k);
      } else {
        if (f.many.empty()) f.many.insert(f.seen.begin(), f.seen.end());
        f.many.insert(k);
      }
    }
    return true;
  }
  bool end_object() override {
    frames_.pop_back();
    return value_done();
  }
  bool start_array(std::size_t) override {
    frames_.push_back(frame{true, 0, {}, false, {}, {}});
    return within_depth();
  }
  bool end_array() override {
    frames_.pop_back();
    return value_done();
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = e.what();
    error_pointer_ = pointer();
    return false;
  }

  /// The pointer of the current position ("" at the root).
  std::string pointer() const {
    std::string p;
    for (const frame& f : frames_) {
      if (f.is_array) {
        p += '/' + std::to_string(f.index);
      } else if (f.has_key) {
        p += '/' + json_pointer_token(f.key);
      }
    }
    return p;
  }

  /// The pointer of the first repeated key, if any.
  const std::optional<std::string>& duplicate() const noexcept { return duplicate_; }
  /// nlohmann's message for a syntax error ("" if none) and where it stopped.
  const std::string& error() const noexcept { return error_; }
  const std::string& error_pointer() const noexcept { return error_pointer_; }

 private:
  struct frame {
    bool is_array;
    std::size_t index;
    std::string key;
    bool has_key;
    std::vector<std::string> seen;
    std::unordered_set<std::string> many;
  };
  /// No document of fairport nests deeper than a few levels: a deeper one is refused before it
  /// can exhaust the stack or the memory of a later stage.
  bool within_depth() {
    if (frames_.size() <= max_json_depth) return true;
    error_ = "nested deeper than " + std::to_string(max_json_depth) + " levels";
    error_pointer_ = pointer();
    return false;
  }
  bool value_done() {
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
    return true;
  }
  std::vector<frame> frames_;
  std::optional<std::string> duplicate_;
  std::string error_;
  std::string error_pointer_;
};

/// A DOM builder that keeps the text of every number with a fraction or an exponent (as a JSON
/// string): nothing of another publisher's figures passes through a double.
class exact_dom {
 public:
  explicit exact_dom(json& root) : dom_(root, false) {}
  bool null() { return dom_.null(); }
  bool boolean(bool b) { return dom_.boolean(b); }
  bool number_integer(json::number_integer_t v) { return dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return dom_.number_unsigned(v); }
  bool number_float(json::number_float_t, const std::string& text) {
    std::string t = text;
    return dom_.string(t);
  }
  bool string(std::string& s) { return dom_.string(s); }
  bool binary(json::binary_t& b) { return dom_.binary(b); }
  bool start_object(std::size_t n) { return dom_.start_object(n); }
  bool key(std::string& k) { return dom_.key(k); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t n) { return dom_.start_array(n); }
  bool end_array() { return dom_.end_array(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  nlohmann::detail::json_sax_dom_parser<json> dom_;
};

/// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parse_error_text(std::string s) {
  if (auto pos = s.find("] "); pos != std::string::npos && s.rfind("[json.exception", 0) == 0) {
    s.erase(0, pos + 2);
  }
  return s;
}

}  // namespace

std::string json_pointer_token(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

/// The checks of both readers: size, byte order mark, syntax, depth; returns the text to parse.
std::string_view checked_text(std::string_view text, errc invalid, const error_context& where,
                              std::optional<std::string>& repeated_key) {
  if (text.size() > max_json_bytes) {
    throw_error(invalid,
                "invalid JSON: the document has " + std::to_string(text.size()) +
                    " bytes, more than the " + std::to_string(max_json_bytes) +
                    " fairport reads in one document (split it)",
                where);
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a BOM
  position_tracker tracker;
  if (!json::sax_parse(text.begin(), text.end(), &tracker, json::input_format_t::json,
                       /*strict=*/true, /*ignore_comments=*/false)) {
    error_context at = where;
    at.pointer = tracker.error_pointer();
    throw_error(
        invalid,
        "invalid JSON: " + parse_error_text(tracker.error().empty() ? std::string("parse error")
                                                                    : tracker.error()),
        at);
  }
  repeated_key = tracker.duplicate();
  return text;
}

}  // namespace

strict_json parse_strict_json(std::string_view text, errc invalid, const error_context& where) {
  strict_json out;
  text = checked_text(text, invalid, where, out.repeated_key);
  try {
    out.value = json::parse(text.begin(), text.end());  // well-formed: should not fail now
  } catch (const json::exception& e) {
    throw_error(invalid, "invalid JSON: " + parse_error_text(e.what()), where);
  }
  return out;
}

strict_json parse_strict_json_exact(std::string_view text, errc invalid,
                                    const error_context& where) {
  strict_json out;
  text = checked_text(text, invalid, where, out.repeated_key);
  exact_dom dom(out.value);
  if (!json::sax_parse(text.begin(), text.end(), &dom, json::input_format_t::json, true, false)) {
    throw_error(invalid, "invalid JSON", where);  // not reached: checked_text parsed it
  }
  return out;
}

void throw_repeated_key(errc code, const std::string& pointer, error_context where) {
  const auto slash = pointer.rfind('/');
  where.pointer = pointer;
  throw_error(code,
              "duplicate key \"" + pointer.substr(slash == std::string::npos ? 0 : slash + 1) +
                  "\" in one JSON object",
              std::move(where));
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
