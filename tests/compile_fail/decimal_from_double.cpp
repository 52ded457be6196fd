// Compile-fail test: a decimal cannot be constructed from a double (binary floating point is
// never silently taken as an exact amount). The control takes the one named, explicit route.
#include "fairport/decimal.hpp"

int main() {
#ifdef FAIRPORT_CONTROL
  const fairport::decimal d =
      fairport::decimal::from_double(0.1, 2, fairport::rounding_mode::half_even);
#else
  const fairport::decimal d(0.1);
#endif
  return d.is_zero() ? 1 : 0;
}
