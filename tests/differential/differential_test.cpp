// Differential test of fairport::decimal against Python's decimal (libmpdec). The cases file is
// written at test time by tests/differential/gen_cases.py (a ctest fixture, seeded), which
// documents the line format; the path comes as argv[1] or FAIRPORT_DIFFERENTIAL_CASES.
#include "fairport/decimal.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using fairport::decimal;

std::string cases_path;

struct outcome {
  std::string text;  // canonical result, "OVERFLOW", "DIVZERO", "INVALID", "-1"/"0"/"1", or "ERROR ..."
};

std::string run(const std::string& op, const std::string& mode_name, const std::string& param,
                const std::string& a_text, const std::string& b_text) {
  try {
    if (op == "parse") {
      const auto d = decimal::try_parse(a_text == "_" ? std::string() : a_text);
      return d ? d->to_string() : "INVALID";
    }
    const decimal a = decimal::parse(a_text);
    const decimal b = b_text == "_" ? decimal() : decimal::parse(b_text);
    const int p = param == "_" ? 0 : std::stoi(param);
    const fairport::rounding_mode m =
        mode_name == "_" ? fairport::rounding_mode::half_even : fairport::parse_rounding_mode(mode_name);
    if (op == "add") return (a + b).to_string();
    if (op == "sub") return (a - b).to_string();
    if (op == "mul") return (a * b).to_string();
    if (op == "mulr") return multiply(a, b, p, m).to_string();
    if (op == "div") return divide(a, b, p, m).to_string();
    if (op == "divs") return divide_significant(a, b, p, m).to_string();
    if (op == "round") return a.round(p, m).to_string();
    if (op == "rsig") return a.round_significant(p, m).to_string();
    if (op == "cmp") return std::to_string(compare(a, b));
    return "ERROR unknown op";
  } catch (const fairport::overflow_error&) {
    return "OVERFLOW";
  } catch (const fairport::error& e) {
    if (e.code() == fairport::errc::division_by_zero) return "DIVZERO";
    return std::string("ERROR ") + e.what();
  }
}

TEST(Differential, EveryGeneratedCaseAgreesWithPythonDecimal) {
  ASSERT_FALSE(cases_path.empty()) << "pass the cases file as argv[1]";
  std::ifstream in(cases_path);
  ASSERT_TRUE(in) << "cannot open " << cases_path;
  std::string line;
  long total = 0, failed = 0;
  std::map<std::string, long> per_op, per_mode;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream ss(line);
    std::string op, mode, param, a, b, expected;
    ASSERT_TRUE(static_cast<bool>(ss >> op >> mode >> param >> a >> b >> expected)) << "bad line: " << line;
    const std::string got = run(op, mode, param, a, b);
    ++total;
    ++per_op[op];
    if (mode != "_") ++per_mode[mode];
    if (got != expected) {
      if (++failed <= 20) ADD_FAILURE() << "case: " << line << "\n  fairport gave: " << got;
    }
  }
  std::printf("differential cases: %ld, failed: %ld\n", total, failed);
  for (const auto& kv : per_op) std::printf("  %-6s %7ld\n", kv.first.c_str(), kv.second);
  for (const auto& kv : per_mode) std::printf("  mode %-10s %7ld\n", kv.first.c_str(), kv.second);
  EXPECT_EQ(failed, 0);
  EXPECT_GE(total, 100000);
  EXPECT_EQ(per_mode.size(), 8u) << "every rounding mode must be exercised";
}

}  // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc > 1) cases_path = argv[1];
#ifdef FAIRPORT_DIFFERENTIAL_CASES
  if (cases_path.empty()) cases_path = FAIRPORT_DIFFERENTIAL_CASES;
#endif
  return RUN_ALL_TESTS();
}
