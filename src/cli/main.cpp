// fairport: the command-line tool.
//
//   fairport example                 a worked money example: price x quantity, a dated
//                                    currency conversion and one named rounding step
//   fairport version
//
// Exit status: 0 success, 2 bad input or data (the message starts with a stable error code).
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "fairport/fairport.hpp"
#include "cli.hpp"

namespace {

using namespace fairport;

constexpr const char* usage =
    "usage: fairport <command> [options]\n"
    "\n"
    "commands:\n"
    "  example                 a worked money example: price x quantity, a dated\n"
    "                          currency conversion and one named rounding step\n"
    "  version                 print fairport's version\n"
;

struct options {
  std::vector<std::string> positional;
};

options parse_options(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.size() > 1 && a[0] == '-' && a != "-h" && a != "--help") {
      error_context c;
      c.argument = a;
      detail::throw_error(errc::invalid_argument, "unknown option " + a, c);
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const options o = parse_options(argc, argv);
    if (o.positional.empty() || o.positional[0] == "-h" || o.positional[0] == "--help" ||
        o.positional[0] == "help") {
      std::cout << usage;
      return o.positional.empty() ? 2 : 0;
    }
    const std::string& cmd = o.positional[0];
    if (cmd == "version") {
      std::cout << "fairport " << FAIRPORT_VERSION_STRING << '\n';
      return 0;
    }
    if (cmd == "example") return fairport::cli::run_example(std::cout);
    std::cerr << "fairport: unknown command\n" << usage;
    return 2;
  } catch (const fairport::error& e) {
    std::cerr << "fairport: " << e.what() << '\n';
    return 2;
  }
}
