// libFuzzer target: a consignment document through the reader, the check and all three writers
// (JSON, text, HTML), on the built-in data. A document-wide problem is a fairport::error with a
// code; anything else escaping (another exception, a crash, a sanitizer report) is a finding.
// The JSON written must parse again, and the text report holds no control character but
// newlines (terminal injection).
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fairport/fairport.hpp"
#include "fairport/io/json.hpp"
#include "fairport/io/report_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fairport::consignment_checker checker(fairport::reference_data::builtin());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fairport::report r;
  try {
    auto parsed = fairport::read_consignment(text, "fuzz.json");
    r = checker.check(parsed.value);
    r.errors.insert(r.errors.begin(), parsed.errors.begin(), parsed.errors.end());
  } catch (const fairport::error&) {
    return 0;  // a coded refusal of the whole document
  }
  const std::string json = fairport::to_json(r);
  (void)nlohmann::json::parse(json);  // throws (a finding) if the report is not valid JSON
  const std::string txt = fairport::to_text(r, true);
  for (const char c : txt) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\n') __builtin_trap();
  }
  (void)fairport::to_html(r);
  return 0;
}
