// Tests for the private strict dataset reader (src/dataset/dataset_reader.hpp), and the invalid-file
// fixtures in tests/data/invalid/: each file's name starts with the error code it must raise.
#include "../../src/dataset/dataset_reader.hpp"

#include "fairport/data/reference_data.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using fairport::errc;
using fairport::detail::check_no_overlaps;
using fairport::detail::read_dataset;
using nlohmann::json;
using testing::HasSubstr;
using testing::StrEq;

constexpr std::string_view schema = "fairport.test/1";

// A valid file; each test below breaks one thing in it.
const std::string valid_text = R"({
  "schema": "fairport.test/1",
  "dataset": "reader_fixture",
  "version": "2026.1.0",
  "source": {"title": "Strict reader fixture", "publisher": "fairport tests",
             "url": "https://example.invalid/fairport/tests", "act": "none",
             "retrieved": "2026-01-15"},
  "licence": "test data, no real figures",
  "note": "",
  "records": [
    {"key": {"code": "A"}, "valid_from": "2024-01-01", "valid_through": "2024-12-31",
     "value": {"rate": "0.19", "tiers": [{"upto": "100"}]}, "reference": "fixture A 2024",
     "note": "first"},
    {"key": {"code": "A"}, "valid_from": "2025-01-01", "valid_through": null,
     "value": {"rate": "0.20", "tiers": []}, "reference": "fixture A 2025"},
    {"key": {"code": "B"}, "valid_from": "2024-06-01", "valid_through": null,
     "value": null, "reference": "fixture B"}
  ]
})";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

/// Runs read_dataset + check_no_overlaps and returns the error (or fails the test).
fairport::error read_error(const std::string& text, std::string_view file = "t.json") {
  try {
    check_no_overlaps(read_dataset(text, file, schema));
  } catch (const fairport::error& e) {
    return e;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return fairport::error(errc::invalid_argument, "none", {});
}

TEST(DatasetReader, ReadsTheEnvelopeAndEveryRecord) {
  const auto d = read_dataset(valid_text, "builtin:test.json", schema);
  EXPECT_EQ(d.header.schema, "fairport.test/1");
  EXPECT_EQ(d.header.dataset, "reader_fixture");
  EXPECT_EQ(d.header.version, "2026.1.0");
  EXPECT_EQ(d.header.file, "builtin:test.json");
  EXPECT_EQ(d.header.licence, "test data, no real figures");
  EXPECT_EQ(d.header.note, "");
  EXPECT_EQ(d.header.source.at("publisher"), "fairport tests");
  ASSERT_EQ(d.records.size(), 3u);
  EXPECT_EQ(d.records[0].key, json({{"code", "A"}}));
  EXPECT_EQ(d.records[0].validity.to_string(), "[2024-01-01, 2024-12-31]");
  EXPECT_EQ(d.records[0].value.at("rate"), "0.19");
  EXPECT_EQ(d.records[0].reference, "fixture A 2024");
  EXPECT_EQ(d.records[0].note, "first");
  EXPECT_EQ(d.records[0].pointer, "/records/0");
  EXPECT_EQ(d.records[1].validity.to_string(), "[2025-01-01, open)");
  EXPECT_EQ(d.records[1].note, "");
  EXPECT_TRUE(d.records[2].value.is_null());
  EXPECT_EQ(d.records[2].pointer, "/records/2");
  EXPECT_NO_THROW(check_no_overlaps(d));
}

TEST(DatasetReader, InclusiveThroughBecomesAHalfOpenEnd) {
  const auto d = read_dataset(valid_text, "t.json", schema);
  EXPECT_TRUE(d.records[0].validity.contains(fairport::parse_date("2024-12-31")));
  EXPECT_FALSE(d.records[0].validity.contains(fairport::parse_date("2025-01-01")));
  EXPECT_EQ(d.records[0].validity.end(), date::sys_days{fairport::parse_date("2025-01-01")});
}

TEST(DatasetReader, InvalidJsonIsReportedWithLineAndColumn) {
  const auto e = read_error(replaced(valid_text, R"("note": "first"})", R"("note": "first",})"));
  EXPECT_EQ(e.code(), errc::invalid_json);
  EXPECT_THAT(e.what(),
              StrEq("[fairport.data.311] invalid JSON: parse error at line 13, column 22: "
                    "syntax error while parsing object key - unexpected '}'; expected "
                    "string literal (file t.json, at /records/0/note)"));
}

// The one strict reader refuses a number beyond a double in a dataset, an override and a
// manifest alike ([fairport.data.311]), where a plain parse threw nlohmann's out_of_range.
TEST(DatasetReader, ANumberBeyondADoubleIsInvalidJson) {
  const auto e = read_error(replaced(valid_text, R"("rate": "0.20",)", R"("rate": 1e400,)"));
  EXPECT_EQ(e.code(), errc::invalid_json);
  EXPECT_THAT(e.what(), HasSubstr("number overflow parsing '1e400'"));
  try {
    (void)fairport::reference_data::builtin().with_override_text(R"({"a":1e400})", "x.json");
    FAIL();
  } catch (const fairport::data_error& x) {
    EXPECT_EQ(x.code(), errc::invalid_json);
    EXPECT_EQ(x.context().pointer, "/a");
  }
}

TEST(DatasetReader, DuplicateKeysAreRejectedWithTheirPointer) {
  const auto e =
      read_error(replaced(valid_text, R"("rate": "0.20",)", R"("rate": "0.20", "rate": "0.30",)"));
  EXPECT_EQ(e.code(), errc::duplicate_key);
  EXPECT_THAT(e.what(),
              StrEq("[fairport.data.304] duplicate key \"rate\" in one JSON object "
                    "(dataset reader_fixture 2026.1.0, file t.json, at /records/1/value/rate)"));
}

TEST(DatasetReader, DuplicateTopLevelKeysAreRejectedEvenWithEqualValues) {
  const auto e = read_error(replaced(valid_text, R"("note": "",)", R"("note": "", "note": "",)"));
  EXPECT_EQ(e.code(), errc::duplicate_key);
  EXPECT_EQ(e.context().pointer, "/note");
}

TEST(DatasetReader, DuplicateKeysInsideArraysGetTheArrayIndex) {
  const auto e =
      read_error(replaced(valid_text, R"({"upto": "100"})", R"({"upto": "100", "upto": "200"})"));
  EXPECT_EQ(e.code(), errc::duplicate_key);
  EXPECT_EQ(e.context().pointer, "/records/0/value/tiers/0/upto");
}

TEST(DatasetReader, PointerTokensAreEscaped) {
  EXPECT_EQ(fairport::detail::json_pointer_token("a/b~c"), "a~1b~0c");
  const auto e = read_error(
      replaced(valid_text, R"({"code": "B"})", R"({"code": "B", "x/y": "1", "x/y": "2"})"));
  EXPECT_EQ(e.context().pointer, "/records/2/key/x~1y");
}

TEST(DatasetReader, UnknownKeysAreRejectedAtEveryLevel) {
  auto e = read_error(replaced(valid_text, R"("note": "",)", R"("note": "", "defaults": {},)"));
  EXPECT_EQ(e.code(), errc::unknown_key);
  EXPECT_THAT(e.what(), HasSubstr("[fairport.data.303] unknown key \"defaults\" (allowed: schema, "
                                  "dataset, version, source, licence, note, records)"));
  EXPECT_EQ(e.context().pointer, "/defaults");

  e = read_error(replaced(valid_text, R"("act": "none",)", R"("act": "none", "isbn": "x",)"));
  EXPECT_EQ(e.code(), errc::unknown_key);
  EXPECT_EQ(e.context().pointer, "/source/isbn");

  e = read_error(replaced(valid_text, R"("reference": "fixture B")",
                          R"("reference": "fixture B", "comment": "")"));
  EXPECT_EQ(e.code(), errc::unknown_key);
  EXPECT_EQ(e.context().pointer, "/records/2/comment");
}

TEST(DatasetReader, MissingFieldsAreRejected) {
  auto e = read_error(replaced(valid_text, R"("licence": "test data, no real figures",)", ""));
  EXPECT_EQ(e.code(), errc::missing_field);
  EXPECT_THAT(e.what(), HasSubstr("[fairport.data.310] missing required field \"licence\""));
  EXPECT_EQ(e.context().pointer, "/licence");

  // valid_through must be written, as null when open-ended.
  e = read_error(replaced(valid_text, R"("valid_through": null,)", ""));
  EXPECT_EQ(e.code(), errc::missing_field);
  EXPECT_EQ(e.context().pointer, "/records/1/valid_through");

  e = read_error(replaced(valid_text, R"("retrieved": "2026-01-15")", R"("act2": "x")"));
  EXPECT_EQ(e.code(), errc::unknown_key);  // unknown keys are reported before missing ones
}

TEST(DatasetReader, AnotherSchemaKindOrMajorIsRejected) {
  for (const char* other :
       {"fairport.test/2", "fairport.tests/1", "fairport.test", "test/1", "fairport.test/01"}) {
    const auto e =
        read_error(replaced(valid_text, R"("fairport.test/1")", std::string("\"") + other + "\""));
    EXPECT_EQ(e.code(), errc::unknown_schema) << other;
    EXPECT_THAT(e.what(), HasSubstr(std::string("schema \"") + other +
                                    "\" is not the expected \"fairport.test/1\""));
    EXPECT_EQ(e.context().pointer, "/schema");
  }
}

TEST(DatasetReader, MalformedDatesAndReversedIntervalsAreBadDates) {
  auto e = read_error(replaced(valid_text, R"("2024-06-01")", R"("2023-02-29")"));
  EXPECT_EQ(e.code(), errc::bad_date);
  EXPECT_THAT(e.what(), StrEq("[fairport.data.305] valid_from \"2023-02-29\" is not an ISO "
                              "calendar date YYYY-MM-DD (dataset reader_fixture 2026.1.0, file "
                              "t.json, at /records/2/valid_from)"));

  e = read_error(
      replaced(valid_text, R"("valid_through": "2024-12-31")", R"("valid_through": "2023-12-31")"));
  EXPECT_EQ(e.code(), errc::bad_date);
  EXPECT_THAT(e.what(), HasSubstr("valid_through 2023-12-31 is before valid_from 2024-01-01"));
  EXPECT_EQ(e.context().pointer, "/records/0/valid_through");

  e = read_error(
      replaced(valid_text, R"("valid_from": "2024-01-01")", R"("valid_from": 20240101)"));
  EXPECT_EQ(e.code(), errc::bad_date);

  e = read_error(replaced(valid_text, R"("2026-01-15")", R"("15.01.2026")"));
  EXPECT_EQ(e.code(), errc::bad_date);
  EXPECT_EQ(e.context().pointer, "/source/retrieved");
}

TEST(DatasetReader, OneDayIntervalIsAccepted) {
  const auto d = read_dataset(
      replaced(valid_text, R"("valid_through": "2024-12-31")", R"("valid_through": "2024-01-01")"),
      "t.json", schema);
  EXPECT_EQ(d.records[0].validity.to_string(), "[2024-01-01, 2024-01-01]");
}

TEST(DatasetReader, NumbersAndBooleansInKeysAndValuesAreRejected) {
  auto e = read_error(replaced(valid_text, R"("rate": "0.19")", R"("rate": 0.19)"));
  EXPECT_EQ(e.code(), errc::number_not_string);
  EXPECT_THAT(e.what(),
              HasSubstr("[fairport.data.306] JSON number 0.19 must be written as a string"));
  EXPECT_EQ(e.context().pointer, "/records/0/value/rate");

  e = read_error(replaced(valid_text, R"({"upto": "100"})", R"({"upto": 100})"));
  EXPECT_EQ(e.code(), errc::number_not_string);
  EXPECT_EQ(e.context().pointer, "/records/0/value/tiers/0/upto");

  e = read_error(replaced(valid_text, R"({"code": "B"})", R"({"code": "B", "organic": false})"));
  EXPECT_EQ(e.code(), errc::number_not_string);
  EXPECT_EQ(e.context().pointer, "/records/2/key/organic");
}

TEST(DatasetReader, WrongShapesAreInvalidValues) {
  auto e = read_error(replaced(valid_text, R"("reference": "fixture B")", R"("reference": "")"));
  EXPECT_EQ(e.code(), errc::invalid_value);
  EXPECT_EQ(e.context().pointer, "/records/2/reference");

  e = read_error(replaced(valid_text, R"("value": null)", R"("value": "0.19")"));
  EXPECT_EQ(e.code(), errc::invalid_value);
  EXPECT_EQ(e.context().pointer, "/records/2/value");

  e = read_error(replaced(valid_text, R"("2026.1.0")", R"("2026.1")"));
  EXPECT_EQ(e.code(), errc::invalid_value);
  EXPECT_EQ(e.context().pointer, "/version");

  e = read_error(replaced(valid_text, R"("reader_fixture")", R"("Reader-Fixture")"));
  EXPECT_EQ(e.code(), errc::invalid_value);

  e = read_error(
      replaced(valid_text, R"("licence": "test data, no real figures")", R"("licence": 1)"));
  EXPECT_EQ(e.code(), errc::invalid_value);

  e = read_error("[]");
  EXPECT_EQ(e.code(), errc::invalid_value);
}

TEST(DatasetReader, OverlapsForOneKeyAreRejectedNamingBothRecords) {
  const auto e = read_error(
      replaced(valid_text, R"("valid_from": "2025-01-01")", R"("valid_from": "2024-12-31")"));
  EXPECT_EQ(e.code(), errc::overlapping_validity);
  EXPECT_THAT(e.what(), StrEq("[fairport.data.302] records /records/0 [2024-01-01, 2024-12-31] and "
                              "/records/1 [2024-12-31, open) overlap for key {\"code\":\"A\"} "
                              "(dataset reader_fixture 2026.1.0, file t.json, at /records/1)"));
}

TEST(DatasetReader, SameDatesForDifferentKeysDoNotOverlap) {
  const auto d =
      read_dataset(replaced(valid_text, R"("2024-06-01")", R"("2024-01-01")"), "t.json", schema);
  EXPECT_NO_THROW(check_no_overlaps(d));
}

TEST(DatasetReader, OverlapIsFoundWhateverTheRecordOrder) {
  // Record 2 (key A, later in the file) lies inside record 0.
  const auto text = replaced(replaced(valid_text, R"({"code": "B"})", R"({"code": "A"})"),
                             R"("valid_from": "2024-06-01", "valid_through": null)",
                             R"("valid_from": "2024-06-01", "valid_through": "2024-06-30")");
  const auto e = read_error(text);
  EXPECT_EQ(e.code(), errc::overlapping_validity);
  EXPECT_EQ(e.context().pointer, "/records/2");
  EXPECT_THAT(e.what(), HasSubstr("records /records/0 [2024-01-01, 2024-12-31] and /records/2"));
}

TEST(DatasetReaderHelpers, RequireDecimalReadsExactStrings) {
  const json obj = json::parse(R"({"rate": "0.075", "n": 0.075, "b": true, "bad": "7,5"})");
  fairport::error_context ctx;
  ctx.file = "f.json";
  ctx.pointer = "/records/3/value";
  EXPECT_EQ(fairport::detail::require_decimal(obj, "rate", ctx).to_string(), "0.075");
  auto code_of = [&](const char* field) {
    try {
      (void)fairport::detail::require_decimal(obj, field, ctx);
    } catch (const fairport::error& e) {
      EXPECT_EQ(e.context().pointer, std::string("/records/3/value/") + field);
      EXPECT_EQ(e.context().file, "f.json");
      return e.code();
    }
    return errc::invalid_argument;
  };
  EXPECT_EQ(code_of("n"), errc::number_not_string);
  EXPECT_EQ(code_of("b"), errc::invalid_value);
  EXPECT_EQ(code_of("bad"), errc::invalid_value);
  EXPECT_EQ(code_of("missing"), errc::missing_field);
}

TEST(DatasetReaderHelpers, RequireStringAndRejectUnknownKeys) {
  const json obj = json::parse(R"({"currency": "EUR", "minor": "2", "x": 1})");
  fairport::error_context ctx;
  ctx.pointer = "/records/0/value";
  EXPECT_EQ(fairport::detail::require_string(obj, "currency", ctx), "EUR");
  EXPECT_THROW((void)fairport::detail::require_string(obj, "x", ctx), fairport::data_error);
  EXPECT_THROW((void)fairport::detail::require_string(obj, "y", ctx), fairport::data_error);
  EXPECT_NO_THROW(fairport::detail::reject_unknown_keys(obj, {"currency", "minor", "x"}, ctx));
  try {
    fairport::detail::reject_unknown_keys(obj, {"currency", "minor"}, ctx);
    FAIL();
  } catch (const fairport::error& e) {
    EXPECT_EQ(e.code(), errc::unknown_key);
    EXPECT_EQ(e.context().pointer, "/records/0/value/x");
  }
}

TEST(DatasetReaderHelpers, ContextForNamesDatasetVersionFileAndPointer) {
  const auto d = read_dataset(valid_text, "data/x.json", schema);
  const auto c = fairport::detail::context_for(d, "/records/1/value/rate");
  EXPECT_EQ(c.dataset, "reader_fixture");
  EXPECT_EQ(c.version, "2026.1.0");
  EXPECT_EQ(c.file, "data/x.json");
  EXPECT_EQ(c.pointer, "/records/1/value/rate");
}

// --- the fixture directory ----------------------------------------------------------------------

const fs::path invalid_dir = fs::path(FAIRPORT_SOURCE_DIR) / "tests" / "data" / "invalid";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The exact pointer each known fixture must report (new fixtures need only the code in their name).
const std::map<std::string, std::string> expected_pointer = {
    {"302_overlap.json", "/records/1"},
    {"303_unknown_record_key.json", "/records/0/valid_to"},
    {"303_unknown_top_level_key.json", "/defaults"},
    {"304_duplicate_key.json", "/records/1/value/rate"},
    {"305_bad_date.json", "/records/0/valid_from"},
    {"305_from_after_through.json", "/records/0/valid_through"},
    {"306_boolean_in_key.json", "/records/0/key/organic"},
    {"306_number_not_string.json", "/records/0/value/rate"},
    {"309_wrong_schema.json", "/schema"},
    {"310_missing_field.json", "/records/1/reference"},
    {"311_invalid_json.json", "/records/0/value/rate"},
    {"313_empty_reference.json", "/records/0/reference"},
};

TEST(DatasetReaderFixtures, EveryInvalidFileFailsWithTheCodeInItsName) {
  ASSERT_TRUE(fs::is_directory(invalid_dir)) << invalid_dir;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(invalid_dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), expected_pointer.size());
  std::size_t checked_pointers = 0;
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    ASSERT_GE(name.size(), 4u);
    ASSERT_EQ(name[3], '_') << "fixture names start with the 3-digit error code";
    const int code = std::stoi(name.substr(0, 3));
    const std::string file = path.string();
    try {
      check_no_overlaps(read_dataset(slurp(path), file, schema));
      ADD_FAILURE() << "read without error";
      continue;
    } catch (const fairport::error& e) {
      EXPECT_EQ(static_cast<int>(e.code()), code) << e.what();
      EXPECT_THAT(e.what(), HasSubstr("[fairport.data." + std::to_string(code) + "]"));
      EXPECT_THAT(e.what(), HasSubstr("file " + file + ", at /"));
      EXPECT_EQ(e.context().file, file);
      EXPECT_FALSE(e.context().pointer.empty()) << e.what();
      if (code != 311) {  // the dataset id cannot be known when the file does not parse
        EXPECT_THAT(e.what(), HasSubstr("(dataset reader_fixture 2026.1.0, file "));
      }
      if (auto it = expected_pointer.find(name); it != expected_pointer.end()) {
        EXPECT_EQ(e.context().pointer, it->second) << e.what();
        ++checked_pointers;
      }
    }
  }
  EXPECT_EQ(checked_pointers, expected_pointer.size()) << "a listed fixture file is missing";
}

}  // namespace
