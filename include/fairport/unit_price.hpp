#pragma once
/// @file unit_price.hpp
/// A price per unit of a quantity of one kind: 3.20 EUR per kg, 150.00 USD per piece.
///
/// Synopsis
/// @code
/// template <class Kind> class unit_price {
///   unit_price(money price, unit<Kind> per) noexcept;
///   const money& price() const noexcept; const unit<Kind>& per() const noexcept;
/// };
/// template <class Kind> money operator*(const unit_price<Kind>&, const quantity<Kind>&);  // exact
/// template <class Kind> money operator*(const quantity<Kind>&, const unit_price<Kind>&);
/// // unit_price<mass> * quantity<count> does not compile; nor does money + quantity.
/// @endcode
/// @throws arithmetic_error [fairport.arithmetic.205] when the quantity has no exact value in
/// the price's unit (1 kg in lb). The quantity is converted exactly into the price's unit (36 lb at 2.00 USD/kg is
/// 36 x 0.45359237 x 2.00 USD); nothing is rounded.
#include <string>

#include "fairport/money.hpp"
#include "fairport/quantity.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Money per one unit of a quantity of kind `Kind`.
template <class Kind>
class unit_price {
 public:
  unit_price(money price, unit<Kind> per) noexcept : price_(std::move(price)), per_(per) {}
  const money& price() const noexcept { return price_; }
  const unit<Kind>& per() const noexcept { return per_; }
  /// "3.20 EUR/kg"
  std::string to_string() const { return price_.to_string() + "/" + std::string(per_.name()); }

 private:
  money price_;
  unit<Kind> per_;
};

/// price x quantity, exact: the quantity is expressed in the price's unit first.
template <class Kind>
money operator*(const unit_price<Kind>& p, const quantity<Kind>& q) {
  // quantity::in() is exact or throws [fairport.arithmetic.205]: a conversion that does not
  // terminate (1 kg in lb) is refused rather than rounded silently.
  const decimal in_price_unit = q.in(p.per());
  return p.price() * in_price_unit.normalized();
}
template <class Kind>
money operator*(const quantity<Kind>& q, const unit_price<Kind>& p) {
  return p * q;
}

FAIRPORT_END_NAMESPACE
