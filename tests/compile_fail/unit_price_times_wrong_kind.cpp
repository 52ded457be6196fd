// Compile-fail test: a price per kilogram times a number of pieces is not money; it must not
// compile. The control multiplies by a mass, which must compile.
#include "fairport/unit_price.hpp"

int main() {
  using namespace fairport;
  const unit_price<mass> per_kg(money(decimal(2), currency_code::parse("EUR")), units::kilogram);
#ifdef FAIRPORT_CONTROL
  const money total = per_kg * kilograms("36.000");
#else
  const money total = per_kg * pieces("12");
#endif
  return total.amount().is_zero() ? 1 : 0;
}
