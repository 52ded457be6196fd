// A consumer program: it uses fairport exactly as a downstream project would and prints one
// exact figure, which the package tests compare.
#include <iostream>

#include "fairport/fairport.hpp"

int main() {
  using fairport::decimal;
  using fairport::rounding_mode;
  const decimal price = decimal::parse("12.345");
  const decimal quantity = decimal::parse("3");
  std::cout << (price * quantity).round(2, rounding_mode::half_even) << '\n';  // 37.035 -> 37.04
  return 0;
}
