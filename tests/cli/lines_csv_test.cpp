// `fairport check --lines`: the CSV as spreadsheets write it (semicolons, decimal commas, a
// byte-order mark, CRLF, quoted line breaks) and the chunked reader, whose output must not depend
// on the chunk size (the batch read in one piece is the reference).
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "../../src/cli/cli.hpp"
#include "fairport/error.hpp"

namespace {

using fairport::cli::check_options;

struct result {
  int status;
  std::string out, err;
};

result run(const std::string& csv, check_options o = {}) {
  std::istringstream in(csv);
  std::ostringstream out, err;
  const int status = fairport::cli::run_lines(in, "test.csv", o, out, err);
  return {status, out.str(), err.str()};
}

// The Belastingdienst handbag of tests/cli/lines.csv (EUR 199 + 25 + 10 = 234.00 customs value,
// GSP+ 0 % for Pakistan, 21 % VAT 49.14), a Chinese one at 3 % (7.02), rows that fail on their
// own, a blank line and a quoted field with a line break.
const std::string header =
    "as_of,exporter_country,origin_proof,importer_country,incoterm,currency,hs_code,"
    "invoice_value,freight_to_border,insurance,freight_after_border,note\n";
const std::string rows =
    "2026-03-16,PK,true,NL,EXW,EUR,4202210000,199,25,10,0,plain\n"
    "2026-03-16,CN,true,NL,EXW,EUR,4202210000,199,25,10,0,\"two\nlines\"\n"
    "\n"
    "2026-03-16,KG,true,DE,FCA,EUR,9999,1000,0,0,0,no such code\n"
    "2026-03-16,PK,true,NL,EXW,EUR,4202210000,-5,25,10,0,negative\n"
    "2026-03-16,PK,maybe,NL,EXW,EUR,4202210000,199,25,10,0,bad proof\n"
    "2026-03-16,PK,true,NL,EXW,EUR,4202210000,199.50,25,10,0,\"a, b\"\n";

check_options keeping_note() {
  check_options o;
  o.keep_columns = {"note"};
  return o;
}

TEST(LinesCsv, OutputDoesNotDependOnTheChunkSize) {
  check_options whole = keeping_note();
  whole.chunk_rows = 1000000;
  const result reference = run(header + rows, whole);
  ASSERT_EQ(reference.status, 2) << reference.err;
  EXPECT_NE(reference.out.find(",plain,234.00,0.00,7.02,49.14,283.14,EUR,gsp_plus,,"),
            std::string::npos)
      << reference.out;
  EXPECT_NE(reference.out.find(",\"two\nlines\",234.00,7.02,7.02,"), std::string::npos);
  EXPECT_NE(reference.out.find("-5,25,10,0,negative,,,,,,,none,fairport.input.106,"),
            std::string::npos);
  EXPECT_NE(reference.err.find("6 lines, 3 computed, 3 with errors"), std::string::npos)
      << reference.err;
  for (std::size_t chunk : {1, 2, 3, 5}) {
    check_options o = keeping_note();
    o.chunk_rows = chunk;
    const result r = run(header + rows, o);
    EXPECT_EQ(r.status, reference.status) << chunk;
    EXPECT_EQ(r.out, reference.out) << "chunk of " << chunk << " rows";
    EXPECT_EQ(r.err, reference.err) << chunk;
  }
}

/// The same file as Excel writes it in a German or Russian locale: semicolons, decimal commas, a
/// UTF-8 byte-order mark and CRLF line ends. It reads as the comma file does, and the output is
/// written back in the file's own dialect.
TEST(LinesCsv, SemicolonsAndDecimalCommasAreReadExactly) {
  const std::string excel =
      "\xEF\xBB\xBF"
      "as_of;exporter_country;origin_proof;importer_country;incoterm;currency;hs_code;"
      "invoice_value;freight_to_border;insurance;freight_after_border\r\n"
      "2026-03-16;PK;true;NL;EXW;EUR;4202210000;199,50;25;10;0\r\n";
  const result r = run(excel);
  ASSERT_EQ(r.status, 0) << r.err << r.out;
  EXPECT_EQ(r.out.substr(0, 6), "as_of;");
  EXPECT_NE(r.out.find(";199,50;25;10;0;234,50;0,00;7,04;49,25;283,75;EUR;gsp_plus;;"),
            std::string::npos)
      << r.out;
  const result plain = run(
      "as_of,exporter_country,origin_proof,importer_country,incoterm,currency,hs_code,"
      "invoice_value,freight_to_border,insurance,freight_after_border\n"
      "2026-03-16,PK,true,NL,EXW,EUR,4202210000,199.50,25,10,0\n");
  EXPECT_NE(plain.out.find(",234.50,0.00,7.04,49.25,283.75,EUR,gsp_plus,,"), std::string::npos);
}

TEST(LinesCsv, AmbiguousSeparatorsAreRowErrorsNotGuesses) {
  // A point in a decimal-comma file could be a thousands separator: 1.199 is refused, not 1199
  // or 1.199.
  const result semi = run(
      "as_of;importer_country;incoterm;currency;hs_code;invoice_value\n"
      "2026-03-16;NL;EXW;EUR;4202210000;1.199\n");
  EXPECT_EQ(semi.status, 2);
  EXPECT_NE(semi.out.find("fairport.input.106;\"[fairport.input.106] invoice_value: \"\"1.199\"\" "
                          "has a point in a file read with decimal commas"),
            std::string::npos)
      << semi.out;
  // A decimal comma in a comma file (quoted) says how to read it; --decimal-comma reads it.
  const std::string comma =
      "as_of,importer_country,incoterm,currency,hs_code,invoice_value\n"
      "2026-03-16,NL,EXW,EUR,4202210000,\"199,5\"\n";
  const result refused = run(comma);
  EXPECT_NE(refused.out.find("has a decimal comma; read the file with --decimal-comma"),
            std::string::npos)
      << refused.out;
  check_options o;
  o.decimal_comma = true;
  const result read = run(comma, o);
  EXPECT_EQ(read.status, 0) << read.out;
  EXPECT_NE(read.out.find(",\"199,5\",\"199,50\","), std::string::npos) << read.out;
}

TEST(LinesCsv, UnknownColumnsAreRefusedWithTheKnownOnes) {
  const std::string csv =
      "as_of,exporter,importer_country,incoterm,currency,hs_code,invoice_value\n"
      "2026-03-16,PK,NL,EXW,EUR,4202210000,199\n";
  try {
    run(csv);
    FAIL() << "an unknown column was accepted";
  } catch (const fairport::error& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("[fairport.input.106] column \"exporter\" is not a column of the lines form; "
                     "did you mean \"exporter_country\"? The columns are: as_of, "
                     "exporter_country,"),
              std::string::npos)
        << m;
    EXPECT_NE(m.find("--keep-column exporter"), std::string::npos) << m;
  }
  check_options o;
  o.keep_columns = {"exporter"};
  const result kept = run(csv, o);
  EXPECT_EQ(kept.status, 0) << kept.out << kept.err;
  EXPECT_NE(kept.out.find(",PK,NL,EXW,EUR,4202210000,199,199.00,"), std::string::npos);
}

}  // namespace
