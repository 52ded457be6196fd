#pragma once
// Private to the command-line tool.
#include <ostream>

namespace fairport::cli {

/// Prints the worked money example: price x quantity, a dated currency conversion and a named
/// rounding step, each explained. Returns the exit status.
int run_example(std::ostream& out);

}  // namespace fairport::cli
