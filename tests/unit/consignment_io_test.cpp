// Reading fairport.consignment/1 strictly, and writing fairport.report/1: malformed documents
// get coded errors that name the JSON Pointer, never a crash; bad lines are dropped into the
// errors and the other lines are kept.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"

using namespace fairport;
using ::testing::HasSubstr;

namespace {

std::string example() { return std::string(example_consignment(default_example)); }

nlohmann::json example_json() { return nlohmann::json::parse(example()); }

error read_error(const std::string& text) {
  try {
    (void)read_consignment(text, "test.json");
  } catch (const error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for: " << text.substr(0, 200);
  return error(errc::invalid_argument, "none", {});
}

}  // namespace

TEST(ConsignmentJson, ReadsTheBuiltInExample) {
  const auto p = read_consignment(example());
  EXPECT_TRUE(p.errors.empty());
  const auto& c = p.value;
  EXPECT_EQ(c.id, "KG-2026-0042");
  EXPECT_EQ(format_date(c.as_of), "2026-03-16");
  EXPECT_EQ(c.exporter.country, country_code::parse("KG"));
  EXPECT_EQ(c.terms, incoterm::fca);
  ASSERT_EQ(c.lines.size(), 2u);
  EXPECT_EQ(c.lines[0].hs_code.to_string(), "5602210000");  // spaces dropped
  EXPECT_EQ(c.lines[0].net_mass->in_base(), decimal::parse("36"));
  EXPECT_EQ(c.lines[1].supplementary.at(0).to_string(), "12.00 m2");
  EXPECT_EQ(c.costs.freight_after_border->currency(), currency_code::parse("EUR"));
  ASSERT_TRUE(c.lines[0].origin);
  EXPECT_EQ(c.lines[0].origin->materials.at(1).origin, country_code::parse("CN"));
  EXPECT_EQ(c.lines[0].producer->artisan->labour_minutes_per_unit, decimal(960));
}

TEST(ConsignmentJson, TruncatedJsonIs401) {
  const auto e = read_error(example().substr(0, 200));
  EXPECT_EQ(e.code(), errc::invalid_document);
  EXPECT_THAT(e.what(), HasSubstr("[fairport.consignment.401] invalid JSON"));
}

TEST(ConsignmentJson, DocumentLevelProblemsNameThePointer) {
  auto doc = example_json();
  doc["surprise"] = "x";
  auto e = read_error(doc.dump());
  EXPECT_EQ(e.code(), errc::invalid_document);
  EXPECT_EQ(e.context().pointer, "/surprise");

  doc = example_json();
  doc["schema"] = "fairport.consignment/2";
  EXPECT_EQ(read_error(doc.dump()).context().pointer, "/schema");

  doc = example_json();
  doc["as_of"] = "2026-02-30";
  e = read_error(doc.dump());
  EXPECT_EQ(e.code(), errc::invalid_date);
  EXPECT_EQ(e.context().pointer, "/as_of");

  doc = example_json();
  doc["incoterm"] = "FOB Bishkek";
  EXPECT_EQ(read_error(doc.dump()).context().pointer, "/incoterm");

  doc = example_json();
  doc["costs"]["insurance"]["amount"] = 35.0;  // a JSON number: ambiguous money
  e = read_error(doc.dump());
  EXPECT_EQ(e.context().pointer, "/costs/insurance/amount");
  EXPECT_THAT(e.what(), HasSubstr("JSON strings"));

  doc = example_json();
  doc.erase("as_of");  // there is no default date
  EXPECT_EQ(read_error(doc.dump()).context().pointer, "/as_of");
}

TEST(ConsignmentJson, DuplicateKeysAre401) {
  std::string text = example();
  text.replace(text.find("\"id\": \"KG-2026-0042\","), 0, "\"id\": \"twice\", ");
  const auto e = read_error(text);
  EXPECT_EQ(e.code(), errc::invalid_document);
  EXPECT_THAT(e.what(), HasSubstr("duplicate key \"id\" in one JSON object"));
  EXPECT_EQ(e.context().pointer, "/id");
}

// A number beyond the range of a double is refused as invalid JSON with its pointer, not
// thrown through as nlohmann's out_of_range (which aborted the CLI): eleven bytes of input.
TEST(ConsignmentJson, ANumberBeyondADoubleIsInvalidJsonNotACrash) {
  const auto e = read_error(R"({"a":1e400})");
  EXPECT_EQ(e.code(), errc::invalid_document);
  EXPECT_THAT(e.what(), HasSubstr("invalid JSON: number overflow parsing '1e400'"));
  EXPECT_EQ(e.context().pointer, "/a");
  std::string text = example();
  text.replace(text.find("\"id\": \"KG-2026-0042\","), 0, "\"x\": [1, -1e999], ");
  EXPECT_EQ(read_error(text).context().pointer, "/x/1");
}

TEST(ConsignmentJson, BadLinesAreReportedAndTheOthersKept) {
  auto doc = example_json();
  doc["lines"][0]["invoice_value"] = std::string(300, '9');  // far beyond 38 digits
  doc["lines"][1]["quantity"]["unit"] = "bushel";
  auto p = read_consignment(doc.dump());
  EXPECT_TRUE(p.value.lines.empty());
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_EQ(p.errors[0].line_id, "1");
  EXPECT_EQ(p.errors[0].code, errc::invalid_decimal);
  EXPECT_EQ(p.errors[0].field, "/lines/0/invoice_value");
  EXPECT_EQ(p.errors[1].code, errc::invalid_unit);
  EXPECT_EQ(p.errors[1].field, "/lines/1/quantity/unit");

  doc = example_json();
  doc["lines"][1]["hs_code"] = "57";  // a chapter is not enough for a line
  doc["lines"][0]["origin"]["materials"][0]["origin"] = "unknown";
  p = read_consignment(doc.dump());
  ASSERT_EQ(p.value.lines.size(), 1u);
  EXPECT_FALSE(p.value.lines[0].origin->materials[0].origin.has_value());
  EXPECT_EQ(p.errors.at(0).code, errc::invalid_tariff_code);

  doc = example_json();
  doc["lines"][1]["id"] = "1";  // line ids are unique
  p = read_consignment(doc.dump());
  EXPECT_EQ(p.value.lines.size(), 1u);
  EXPECT_EQ(p.errors.at(0).field, "/lines/1/id");
}

// A cumulation field is proof only when it says so (Delegated Reg. (EU) 2015/2446, Arts. 53-56
// cumulate materials whose originating status is proven): true, "eu" or the material's own
// origin count; false counts as none; "no", "" or another country are refused with their
// pointer, never read as proof.
TEST(ConsignmentJson, CumulationIsABooleanOrAValidatedIndication) {
  const auto read_with = [](const nlohmann::json& value) {
    auto doc = example_json();
    doc["lines"][0]["origin"]["materials"][1]["cumulation"] = value;  // acid dyes from CN
    return read_consignment(doc.dump());
  };
  for (const auto& [value, proof] : std::vector<std::pair<nlohmann::json, bool>>{
           {true, true}, {false, false}, {"eu", true}, {"CN", true}}) {
    const auto p = read_with(value);
    ASSERT_TRUE(p.errors.empty()) << value.dump();
    EXPECT_EQ(p.value.lines[0].origin->materials[1].cumulation, proof) << value.dump();
  }
  for (const nlohmann::json bad : {nlohmann::json("no"), nlohmann::json(""), nlohmann::json("KZ"),
                                   nlohmann::json(1)}) {
    const auto p = read_with(bad);
    ASSERT_EQ(p.errors.size(), 1u) << bad.dump();
    EXPECT_EQ(p.errors[0].field, "/lines/0/origin/materials/1/cumulation") << bad.dump();
  }
  EXPECT_EQ(read_with("no").errors[0].code, errc::invalid_argument);
  EXPECT_THAT(read_with("no").errors[0].message, ::testing::HasSubstr("\"eu\""));
}

TEST(ConsignmentJson, TenMegabytesOfLinesReadWithoutTrouble) {
  auto doc = example_json();
  const auto line = doc["lines"][0];
  doc["lines"] = nlohmann::json::array();
  std::size_t i = 0;
  std::string text;
  do {
    for (int k = 0; k < 2000; ++k) {
      auto l = line;
      l["id"] = std::to_string(++i);
      if (i % 1000 == 0) l["invoice_value"] = "-1";  // every thousandth line is bad
      doc["lines"].push_back(std::move(l));
    }
    text = doc.dump();
  } while (text.size() < 10u * 1024 * 1024);
  const auto p = read_consignment(text);
  EXPECT_EQ(p.value.lines.size() + p.errors.size(), i);
  EXPECT_EQ(p.errors.size(), i / 1000);
  EXPECT_EQ(p.errors.front().code, errc::invalid_argument);
}

TEST(ReportJson, AmountsAreExactStringsAndTotalsAddUp) {
  const auto p = read_consignment(example());
  const report r = check_consignment(p.value, reference_data::builtin());
  const auto j = nlohmann::json::parse(to_json(r));
  EXPECT_EQ(j["schema"], "fairport.report/1");
  decimal sum;
  for (const auto& l : j["lines"]) {
    ASSERT_TRUE(l["landed_cost"]["amount"].is_string());
    sum = sum + decimal::parse(l["landed_cost"]["amount"].get<std::string>());
  }
  EXPECT_EQ(sum, decimal::parse(j["totals"]["landed_cost"]["amount"].get<std::string>()));
  EXPECT_FALSE(j["datasets"].empty());
}

// The report writer escapes what JSON requires (quotes, backslashes, control characters) and
// leaves UTF-8 alone, whatever the position of the character in the string.
TEST(ReportJson, StringsAreEscapedExactly) {
  const auto p = read_consignment(example());
  report r = check_consignment(p.value, reference_data::builtin());
  const std::string tricky = std::string(
                                 "a\"b\\c\td\x01"
                                 "e\n\xc3\xa9") +
                             std::string(20, 'x') + "\"" + std::string(7, 'y') + "\x1f";
  for (std::size_t cut = 0; cut < 9; ++cut) {
    r.findings.push_back(make_finding("test.escape", severity::info, tricky.substr(cut)));
  }
  const auto j = nlohmann::json::parse(to_json(r));
  const auto& fs = j["findings"];
  for (std::size_t cut = 0; cut < 9; ++cut) {
    EXPECT_EQ(fs[fs.size() - 9 + cut]["message"].get<std::string>(), tricky.substr(cut));
  }
  EXPECT_EQ(nlohmann::json::parse(to_json(r, -1)), j);  // compact and pretty say the same
}

namespace {

// A document nested deeper than any of fairport's (64 levels) is refused with its code before a
// DOM is built (before: 100,000 nested arrays went to the DOM parser); a byte order mark at the
// start is skipped.
TEST(ConsignmentRead, DeepNestingIsRefusedAndABomIsSkipped) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  try {
    (void)read_consignment(deep, "deep.json");
    FAIL() << "expected an error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_document);
    EXPECT_THAT(e.what(), HasSubstr("nested deeper than 64 levels"));
  }
  const std::string doc = "\xEF\xBB\xBF" R"({"schema": "fairport.consignment/1", "id": "bom",
    "as_of": "2026-03-16", "exporter": {"name": "x", "country": "KG"},
    "importer": {"name": "y", "country": "DE"}, "incoterm": "DAP", "currency": "EUR",
    "lines": [{"id": "1", "hs_code": "4202210000", "invoice_value": "1.00"}]})";
  EXPECT_EQ(read_consignment(doc, "bom.json").value.id, "bom");
}

}  // namespace
