#pragma once
// Private to the command-line tool.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "fairport/check.hpp"

namespace fairport::cli {

/// Prints the worked money example: price x quantity, a dated currency conversion and a named
/// rounding step, each explained. Returns the exit status.
int run_example(std::ostream& out);

struct check_options {
  std::string format = "text";  ///< text, json, html
  std::optional<std::string> output;
  std::optional<std::string> data_dir;
  bool example = false;
  bool verbose = false;
  bool progress = false;  ///< a progress line on stderr (when it is a terminal)
};

/// `fairport check`: checks the files (and the built-in example); returns the exit status.
int run_check(const std::vector<std::string>& files, const check_options& o, std::ostream& out,
              std::ostream& err);

}  // namespace fairport::cli
