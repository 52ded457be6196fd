// Unit prices times quantities of the same kind give exact money.
#include "fairport/unit_price.hpp"

#include <gtest/gtest.h>

namespace {

using namespace fairport;

TEST(UnitPrice, PricePerKilogramTimesPoundsIsExact) {
  // 1 lb = 0.45359237 kg exactly (International Yard and Pound Agreement, 1959).
  const unit_price<mass> per_kg(money(decimal::parse("2.00"), currency_code::parse("USD")),
                                units::kilogram);
  EXPECT_EQ((per_kg * pounds("100")).to_string(), "USD 90.71847400");
}

TEST(UnitPrice, PricePerPoundTimesKilograms) {
  // Fairtrade coffee prices are quoted per lb: USD 1.80/lb x 1 kg = 1.80 / 0.45359237.
  const unit_price<mass> per_lb(money(decimal::parse("1.80"), currency_code::parse("USD")),
                                units::pound);
  // 1 kg = 1/0.45359237 lb does not terminate, so the product is refused, not rounded.
  EXPECT_THROW((void)(per_lb * kilograms("1")), arithmetic_error);
  EXPECT_EQ((per_lb * pounds("46")).to_string(), "USD 82.80");
}

TEST(UnitPrice, PricePerPieceTimesDozens) {
  const unit_price<count> per_piece(money(decimal::parse("150.00"), currency_code::parse("KGS")),
                                    units::piece);
  EXPECT_EQ((per_piece * dozens("2")).to_string(), "KGS 3600.00");
}

}  // namespace
