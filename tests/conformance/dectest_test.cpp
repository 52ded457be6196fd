// Conformance of fairport::decimal with the General Decimal Arithmetic test suite (decTest files
// by Mike Cowlishaw, IBM, ICU licence; http://speleotrove.com/decimal/dectest.html), as shipped by
// Debian's libpython3.11-testsuite. The directory is located at configure time and passed in
// FAIRPORT_DECTEST_DIR.
//
// Mapping (decimal has no NaN, no infinity, no negative zero, scale 0..38, 38 digits):
//   add/subtract           exact a + b / a - b, then round_significant(precision, rounding)
//   multiply               multiply_significant(a, b, precision, rounding) (76-digit product)
//   divide                 divide_significant(a, b, precision, rounding)
//   quantize(a, b)         a.round(scale of b, rounding); rescale(a, n): a.round(-n, rounding)
//   tointegral(x)          a.round(0, rounding) when a has a fraction, else a
//   abs / minus / plus     abs(), -x, +x, then round_significant(precision, rounding)
//   compare                compare(a, b) against -1 / 0 / 1
// Results compare INCLUDING the exponent (identical()). Where the spec's result or an operand has
// a positive exponent, which decimal cannot hold (it stores 1E+2 as 100, scale 0), the result is
// compared BY VALUE and counted under "by value"; those cases are run, not skipped.
// A negative zero result ("-0.00") is compared as zero at the same scale.
// Error conditions: Division_by_zero and Division_undefined must throw [fairport.arithmetic.202];
// an Invalid_operation from quantize/rescale (result longer than the context precision) must be
// reproduced: either decimal throws 201, or its result has more digits than the precision.
// Directives: precision and rounding drive the mapping above; extended: 0 (subset arithmetic)
// cases are skipped; maxExponent/minExponent/clamp define the exponent limits, and results shaped
// by them (conditions Subnormal/Underflow/Overflow/Clamped, or an exponent outside the limits)
// are skipped, since decimal has no exponent limits but its own 38-digit/scale range.
// Skipped with a reason: NaN/sNaN/Infinity operands or results, operands or results outside
// decimal's range (scale > 38, more than 38 digits), exact intermediates beyond 38 digits,
// and operations decimal does not model (power, divideint, remainder, apply).
#include "fairport/decimal.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#ifndef FAIRPORT_DECTEST_DIR
#error "FAIRPORT_DECTEST_DIR must name the decTest directory"
#endif

namespace {

using fairport::decimal;
using fairport::rounding_mode;

const char* const files[] = {
    "add",       "subtract",    "multiply",   "divide",     "quantize",  "rescale",
    "rounding",  "tointegral",  "tointegralx", "compare",   "abs",       "minus",
    "plus",      "randoms",     "dqAdd",      "dqSubtract", "dqMultiply", "dqDivide",
    "dqQuantize", "dqToIntegral", "dqCompare", "dqAbs",     "dqMinus",   "dqPlus",
    "ddAdd",     "ddSubtract",  "ddMultiply", "ddDivide",   "ddQuantize", "ddToIntegral",
    "ddCompare", "ddAbs",       "ddMinus",    "ddPlus",
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// Splits a decTest line into tokens, honouring '...' and "..." (doubled quotes inside) and
/// dropping a trailing "--" comment.
std::vector<std::string> tokenize(const std::string& line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i >= line.size()) break;
    const char c = line[i];
    if (c == '\'' || c == '"') {
      std::string tok;
      ++i;
      while (i < line.size()) {
        if (line[i] == c) {
          if (i + 1 < line.size() && line[i + 1] == c) {
            tok += c;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        tok += line[i++];
      }
      out.push_back(tok);
      continue;
    }
    if (line.compare(i, 2, "--") == 0) break;
    std::string tok;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) tok += line[i++];
    out.push_back(tok);
  }
  return out;
}

/// A finite number in the spec's syntax: sign, coefficient digits (no leading zeros, "0" for
/// zero), exponent.
struct spec_number {
  bool negative = false;
  std::string digits;
  long long exponent = 0;
};

enum class num_kind { finite, special, malformed };

num_kind parse_spec(const std::string& s, spec_number& out) {
  std::size_t i = 0;
  out = spec_number{};
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) out.negative = s[i++] == '-';
  const std::string rest = lower(s.substr(i));
  if (rest == "inf" || rest == "infinity" || rest.rfind("nan", 0) == 0 || rest.rfind("snan", 0) == 0)
    return num_kind::special;
  std::string digits;
  long long frac = 0;
  bool any = false, point = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digits += c;
      any = true;
      if (point) ++frac;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!any) return num_kind::malformed;
  long long exp = 0;
  if (i < s.size()) {
    if (s[i] != 'e' && s[i] != 'E') return num_kind::malformed;
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
    if (i >= s.size()) return num_kind::malformed;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return num_kind::malformed;
      if (exp < 100000000000LL) exp = exp * 10 + (s[i] - '0');
    }
    if (eneg) exp = -exp;
  }
  const std::size_t nz = digits.find_first_not_of('0');
  out.digits = nz == std::string::npos ? "0" : digits.substr(nz);
  out.exponent = exp - frac;
  return num_kind::finite;
}

/// The spec number as a decimal: exact scale if exponent <= 0, else the integer value at scale 0
/// (`positive` set). nullopt if it does not fit.
std::optional<decimal> to_decimal(const spec_number& n, bool& positive) {
  positive = n.exponent > 0;
  std::string text = (n.negative ? "-" : "") + n.digits;
  if (n.exponent > 0) {
    if (n.digits == "0") return decimal(0);
    if (static_cast<long long>(n.digits.size()) + n.exponent > 38) return std::nullopt;
    text += std::string(static_cast<std::size_t>(n.exponent), '0');
    return decimal::try_parse(text);
  }
  if (-n.exponent > 38) return std::nullopt;
  text += "E" + std::to_string(n.exponent);
  return decimal::try_parse(text);
}

struct file_report {
  std::string name;
  int ran = 0, passed = 0, by_value = 0, errors_checked = 0;
  std::map<std::string, int> skipped;
  std::vector<std::string> failed;
  int skipped_total() const {
    int t = 0;
    for (const auto& kv : skipped) t += kv.second;
    return t;
  }
};

struct context {
  int precision = 9;
  rounding_mode rounding = rounding_mode::half_up;
  bool extended = true;
  long long max_exponent = 999;   // Emax
  long long min_exponent = -999;  // Emin
  bool clamp = false;
};

bool parse_mode(const std::string& name, rounding_mode& m) {
  static const std::map<std::string, rounding_mode> names = {
      {"up", rounding_mode::up},           {"down", rounding_mode::down},
      {"ceiling", rounding_mode::ceiling}, {"floor", rounding_mode::floor},
      {"half_up", rounding_mode::half_up}, {"half_down", rounding_mode::half_down},
      {"half_even", rounding_mode::half_even}, {"05up", rounding_mode::zero_five_up}};
  const auto it = names.find(lower(name));
  if (it == names.end()) return false;
  m = it->second;
  return true;
}

decimal round_to_precision(const decimal& x, int precision, rounding_mode m) {
  if (x.digits() <= precision) return x;
  return x.round_significant(precision, m);
}

bool has(const std::vector<std::string>& conds, const char* c) {
  for (const std::string& s : conds)
    if (lower(s) == lower(c)) return true;
  return false;
}

void run_case(const std::string& id, const std::vector<std::string>& toks, std::size_t arrow,
              const context& ctx, file_report& rep) {
  auto skip = [&rep](const std::string& why) { ++rep.skipped[why]; };
  const std::string op = lower(toks[1]);
  static const char* const known[] = {"add", "subtract", "multiply", "divide", "quantize", "rescale",
                                      "tointegral", "tointegralx", "compare", "abs", "minus", "plus"};
  if (std::find_if(std::begin(known), std::end(known), [&](const char* k) { return op == k; }) ==
      std::end(known))
    return skip("operation not modelled (" + op + ")");
  if (!ctx.extended) return skip("subset arithmetic (extended: 0)");
  if (arrow + 1 >= toks.size()) return skip("malformed line");
  const std::vector<std::string> operands(toks.begin() + 2, toks.begin() + static_cast<long>(arrow));
  const std::string expected_text = toks[arrow + 1];
  const std::vector<std::string> conds(toks.begin() + static_cast<long>(arrow) + 2, toks.end());
  if (operands.empty() || operands.size() > 2) return skip("malformed line");

  std::vector<decimal> args;
  bool any_positive = false;
  for (const std::string& t : operands) {
    if (!t.empty() && t[0] == '#') return skip("encoded or default operand (#)");
    spec_number n;
    const num_kind k = parse_spec(t, n);
    if (k == num_kind::special) return skip("NaN/sNaN/Infinity operand");
    if (k == num_kind::malformed) return skip("syntax-error operand (conversion tests)");
    bool pos = false;
    // rescale's second operand is a plain integer exponent, possibly negative.
    if (op == "rescale" && args.size() == 1) {
      if (n.exponent != 0 || n.digits.size() > 6) return skip("rescale exponent out of range");
      const long long e = std::stoll(n.digits) * (n.negative ? -1 : 1);
      if (e > 0) return skip("positive target exponent (decimal has scale >= 0)");
      if (-e > 38) return skip("target scale beyond 38");
      args.push_back(decimal::from_parts(0, static_cast<int>(-e)));
      continue;
    }
    const std::optional<decimal> d = to_decimal(n, pos);
    if (!d) return skip("operand out of range (scale > 38 or > 38 digits)");
    if (op == "quantize" && args.size() == 1 && n.exponent > 0)
      return skip("positive target exponent (decimal has scale >= 0)");
    any_positive = any_positive || pos;
    args.push_back(*d);
  }
  const bool binary = op == "add" || op == "subtract" || op == "multiply" || op == "divide" ||
                      op == "quantize" || op == "rescale" || op == "compare";
  if (args.size() != (binary ? 2u : 1u)) return skip("malformed line");

  const bool expect_div_zero = has(conds, "Division_by_zero") || has(conds, "Division_undefined");
  const bool expect_invalid = has(conds, "Invalid_operation");
  if (!expect_div_zero && !expect_invalid) {
    if (has(conds, "Subnormal") || has(conds, "Underflow") || has(conds, "Overflow") ||
        has(conds, "Clamped"))
      return skip("spec result subnormal/overflowed/clamped (exponent limits)");
  }
  spec_number expected_n;
  std::optional<decimal> expected;
  bool expected_positive = false;
  if (!expect_div_zero && !expect_invalid) {
    const num_kind k = parse_spec(expected_text, expected_n);
    if (k == num_kind::special) return skip("NaN/Infinity result");
    if (k == num_kind::malformed) return skip("unparseable result (" + expected_text + ")");
    // The exponent limits: a result outside [Emin - (precision - 1), Emax] (or, with clamp,
    // above Emax - (precision - 1)) is shaped by the test's limits, not by arithmetic; the spec
    // marks those Subnormal/Overflow/Clamped and they were skipped above; check the rest agree.
    if (expected_n.digits != "0") {
      const long long adjusted = expected_n.exponent + static_cast<long long>(expected_n.digits.size()) - 1;
      if (adjusted > ctx.max_exponent || adjusted < ctx.min_exponent ||
          (ctx.clamp && expected_n.exponent > ctx.max_exponent - (ctx.precision - 1)))
        return skip("result outside the test's exponent limits");
    }
    if (op != "compare") {
      expected = to_decimal(expected_n, expected_positive);
      if (!expected) return skip("result out of range (scale > 38 or > 38 digits)");
    }
  }
  if (expect_invalid && op != "quantize" && op != "rescale")
    return skip("Invalid_operation not from an operation decimal models");

  const decimal& a = args[0];
  const int prec = ctx.precision;
  const rounding_mode m = ctx.rounding;
  decimal result;
  int cmp = 0;
  try {
    if (op == "add" || op == "subtract") {
      decimal exact;
      try {
        exact = op == "add" ? a + args[1] : a - args[1];
      } catch (const fairport::overflow_error&) {
        return skip("exact intermediate beyond 38 digits");
      }
      result = prec < 38 ? round_to_precision(exact, prec, m) : exact;
    } else if (op == "multiply") {
      if (prec <= 38) {
        try {
          result = multiply_significant(a, args[1], prec, m);
        } catch (const fairport::overflow_error&) {
          return skip("result scale beyond 38");
        }
      } else {
        try {
          result = a * args[1];
        } catch (const fairport::overflow_error&) {
          return skip("exact intermediate beyond 38 digits");
        }
      }
    } else if (op == "divide") {
      if (prec > 38) return skip("precision above 38");
      if (!expect_div_zero) {
        try {
          result = divide_significant(a, args[1], prec, m);
        } catch (const fairport::overflow_error&) {
          return skip("result scale beyond 38");
        }
      } else {
        result = divide_significant(a, args[1], prec, m);
      }
    } else if (op == "quantize" || op == "rescale") {
      result = a.round(args[1].scale(), m);
    } else if (op == "tointegral" || op == "tointegralx") {
      result = a.scale() > 0 ? a.round(0, m) : a;
    } else if (op == "abs" || op == "minus" || op == "plus") {
      const decimal v = op == "abs" ? a.abs() : op == "minus" ? -a : +a;
      result = prec < 38 ? round_to_precision(v, prec, m) : v;
    } else if (op == "compare") {
      cmp = compare(a, args[1]);
    }
  } catch (const fairport::error& e) {
    ++rep.ran;
    const bool ok =
        (expect_div_zero && e.code() == fairport::errc::division_by_zero) ||
        (expect_invalid && e.code() == fairport::errc::overflow);
    if (ok) {
      ++rep.passed;
      ++rep.errors_checked;
    } else {
      rep.failed.push_back(id + " threw " + e.what());
    }
    return;
  }
  ++rep.ran;
  if (expect_div_zero) {
    rep.failed.push_back(id + " expected division by zero, got " + result.to_string());
    return;
  }
  if (expect_invalid) {
    // quantize/rescale: Invalid_operation when the result needs more digits than the precision.
    if (result.digits() > prec) {
      ++rep.passed;
      ++rep.errors_checked;
    } else {
      rep.failed.push_back(id + " expected Invalid_operation, got " + result.to_string());
    }
    return;
  }
  if (op == "compare") {
    const int want = expected_n.digits == "0" ? 0 : expected_n.negative ? -1 : 1;
    if (cmp == want) {
      ++rep.passed;
    } else {
      rep.failed.push_back(id + " compare gave " + std::to_string(cmp) + ", expected " + expected_text);
    }
    return;
  }
  const bool by_value = any_positive || expected_positive;
  const bool ok = by_value ? (result == *expected) : identical(result, *expected);
  if (ok) {
    ++rep.passed;
    if (by_value) ++rep.by_value;
  } else {
    std::string line = id + " " + op;
    for (const std::string& o : operands) line += " " + o;
    line += " -> " + expected_text + " (precision " + std::to_string(prec) + ", " +
            std::string(fairport::to_string(m)) + "): got " + result.to_string();
    rep.failed.push_back(line);
  }
}

file_report run_file(const std::string& name) {
  file_report rep;
  rep.name = name;
  const std::string path = std::string(FAIRPORT_DECTEST_DIR) + "/" + name + ".decTest";
  std::ifstream in(path);
  if (!in) {
    rep.failed.push_back("cannot open " + path);
    return rep;
  }
  context ctx;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::vector<std::string> toks = tokenize(line);
    if (toks.empty()) continue;
    const std::size_t colon = toks[0].find(':');
    if (colon != std::string::npos && toks[0].find("->") == std::string::npos &&
        std::find(toks.begin(), toks.end(), "->") == toks.end()) {
      const std::string key = lower(toks[0].substr(0, colon));
      std::string value = toks[0].substr(colon + 1);
      if (value.empty() && toks.size() > 1) value = toks[1];
      if (key == "precision") ctx.precision = std::stoi(value);
      else if (key == "rounding") {
        if (!parse_mode(value, ctx.rounding)) ADD_FAILURE() << name << ": unknown rounding " << value;
      } else if (key == "extended") ctx.extended = value != "0";
      else if (key == "maxexponent") ctx.max_exponent = std::stoll(value);
      else if (key == "minexponent") ctx.min_exponent = std::stoll(value);
      else if (key == "clamp") ctx.clamp = value != "0";
      // version and dectest (includes) are ignored.
      continue;
    }
    const auto arrow = std::find(toks.begin(), toks.end(), "->");
    if (arrow == toks.end() || toks.size() < 3) continue;
    run_case(toks[0], toks, static_cast<std::size_t>(arrow - toks.begin()), ctx, rep);
  }
  return rep;
}

TEST(DecTest, EveryApplicableCaseOfTheArithmeticFilesPasses) {
  std::vector<file_report> reports;
  for (const char* f : files) reports.push_back(run_file(f));
  int ran = 0, passed = 0, skipped = 0, failed = 0, by_value = 0, errors = 0;
  std::map<std::string, int> reasons;
  std::printf("\n%-14s %6s %6s %6s %6s %6s %6s\n", "file", "ran", "passed", "value", "errors",
              "skip", "failed");
  for (const file_report& r : reports) {
    std::printf("%-14s %6d %6d %6d %6d %6d %6zu\n", r.name.c_str(), r.ran, r.passed, r.by_value,
                r.errors_checked, r.skipped_total(), r.failed.size());
    ran += r.ran;
    passed += r.passed;
    by_value += r.by_value;
    errors += r.errors_checked;
    skipped += r.skipped_total();
    failed += static_cast<int>(r.failed.size());
    for (const auto& kv : r.skipped) reasons[kv.first] += kv.second;
  }
  std::printf("%-14s %6d %6d %6d %6d %6d %6d\n", "TOTAL", ran, passed, by_value, errors, skipped,
              failed);
  std::printf("(value = compared by value because of a positive exponent; errors = expected error "
              "conditions reproduced)\nskipped by reason:\n");
  for (const auto& kv : reasons) std::printf("  %6d  %s\n", kv.second, kv.first.c_str());
  for (const file_report& r : reports) {
    for (const std::string& f : r.failed) ADD_FAILURE() << r.name << ": " << f;
  }
  EXPECT_EQ(failed, 0);
  EXPECT_GE(ran, 10000) << "fewer decTest cases ran than the suite promises";
}

}  // namespace
