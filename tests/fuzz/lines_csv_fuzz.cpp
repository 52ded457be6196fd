// libFuzzer target: the CSV of `fairport check --lines` (header, columns, every row through the
// lines pipeline, the CSV written back). A bad file or row is a coded message and a status of
// 2; an exception other than fairport::error (which main turns into a coded message), a crash
// or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "../../src/cli/cli.hpp"
#include "fairport/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::ostringstream out;
  std::ostringstream err;
  const fairport::cli::check_options o;
  try {
    const int status = fairport::cli::run_lines(in, "fuzz.csv", o, out, err);
    if (status != 0 && status != 2) __builtin_trap();
  } catch (const fairport::error&) {
  }
  return 0;
}
