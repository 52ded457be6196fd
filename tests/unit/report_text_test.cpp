// The text report cannot be hijacked: control characters in a consignment's strings are written
// as escapes, so a document cannot move the cursor, recolour or clear the adviser's terminal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"
#include "fairport/io/report_format.hpp"

namespace {

using namespace fairport;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(ReportText, ControlCharactersAreEscaped) {
  const std::string doc = R"({"schema": "fairport.consignment/1", "id": "KG\u001b[2J-1",
    "as_of": "2026-03-16", "exporter": {"name": "x\u0007", "country": "KG"},
    "importer": {"name": "y", "country": "DE"}, "incoterm": "DAP", "currency": "EUR",
    "lines": [{"id": "1\u009b31m", "description": "felt\r bag", "hs_code": "4202210000",
               "invoice_value": "1000.00"}]})";
  const auto parsed = read_consignment(doc, "esc.json");
  const report r = consignment_checker(reference_data::builtin()).check(parsed.value);
  const std::string text = to_text(r, true);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find("\xc2\x9b"), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);
  EXPECT_THAT(text, HasSubstr("KG\\x1b[2J-1"));
  EXPECT_THAT(text, HasSubstr("1\\u009b31m"));
  EXPECT_THAT(text, HasSubstr("\n"));  // lines stay lines
}

}  // namespace

namespace {

// Through the C++ API too, two lines with one id are refused (before: an error of one was
// attributed to the other).
TEST(ConsignmentApi, DuplicateLineIdsAreRefused) {
  const std::string doc = R"({"schema": "fairport.consignment/1", "id": "dup",
    "as_of": "2026-03-16", "exporter": {"name": "x", "country": "KG"},
    "importer": {"name": "y", "country": "DE"}, "incoterm": "DAP", "currency": "EUR",
    "lines": [{"id": "1", "hs_code": "4202210000", "invoice_value": "1000.00"},
              {"id": "2", "hs_code": "9999999999", "invoice_value": "10.00"}]})";
  auto c = read_consignment(doc, "dup.json").value;
  c.lines[1].id = "1";
  try {
    (void)consignment_checker(reference_data::builtin()).check(c);
    FAIL() << "expected an input error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_document);
    EXPECT_THAT(e.what(), HasSubstr("/lines/1/id"));
  }
}

}  // namespace
