// fairport command-line tool (placeholder).
#include <iostream>
#include "fairport/version.hpp"
int main() { std::cout << "fairport " FAIRPORT_VERSION_STRING "\n"; return 0; }
