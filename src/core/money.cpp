// Money: division with a named rounding, and largest-remainder allocation.
#include "fairport/money.hpp"

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

FAIRPORT_BEGIN_NAMESPACE

money divide(const money& m, const decimal& divisor, int scale, rounding_mode mode) {
  return money(divide(m.amount(), divisor, scale, mode), m.currency());
}

void allocate_into(const money& total, const decimal* weights, std::size_t n, int scale,
                   money* out) {
  if (n == 0) detail::throw_error(errc::invalid_argument, "allocate: no weights");
  decimal sum;
  for (std::size_t i = 0; i < n; ++i) {
    if (weights[i].is_negative()) {
      detail::throw_error(errc::invalid_argument, "allocate: weight " + std::to_string(i) +
                                                      " is negative (" + weights[i].to_string() +
                                                      ")");
    }
    sum += weights[i];
  }
  if (sum.is_zero()) detail::throw_error(errc::invalid_argument, "allocate: all weights are zero");
  const decimal t = total.amount().with_scale(std::max(total.amount().scale(), scale));
  if (t.scale() > scale) {
    detail::throw_error(errc::inexact, "allocate: total " + total.to_string() + " has more than " +
                                           std::to_string(scale) + " decimal places");
  }
  // Work on the absolute value; shares take the total's sign.
  const bool negative = t.is_negative();
  const decimal abs_total = t.abs();
  const decimal unit = decimal::from_parts(1, scale);
  struct rem {
    decimal remainder;
    std::size_t index;
  };
  std::vector<rem> rems;
  rems.reserve(n);
  decimal given;
  std::vector<decimal> shares(n);
  for (std::size_t i = 0; i < n; ++i) {
    // exact share = abs_total * w / sum; floor to `scale` places, remainder at 38 - digits kept
    const decimal floored = divide(abs_total * weights[i], sum, scale, rounding_mode::down);
    shares[i] = floored;
    given += floored;
    // remainder comparison: abs_total*w - floored*sum (exact, same denominator for all)
    rems.push_back({abs_total * weights[i] - floored * sum, i});
  }
  decimal left = abs_total - given;  // a whole number of units, fewer than n
  std::sort(rems.begin(), rems.end(), [weights](const rem& a, const rem& b) {
    if (a.remainder != b.remainder) return a.remainder > b.remainder;
    if (weights[a.index] != weights[b.index]) return weights[a.index] > weights[b.index];
    return a.index < b.index;
  });
  for (std::size_t k = 0; k < rems.size() && left.signum() > 0; ++k) {
    if (weights[rems[k].index].is_zero()) continue;
    shares[rems[k].index] += unit;
    left -= unit;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const decimal s = shares[i].round(scale, rounding_mode::down);  // normalise the scale
    out[i] = money(negative ? -s : s, total.currency());
  }
}

std::vector<money> allocate(const money& total, const std::vector<decimal>& weights, int scale) {
  std::vector<money> out(weights.size(), money(decimal(), total.currency()));
  allocate_into(total, weights.data(), weights.size(), scale, out.data());
  return out;
}

FAIRPORT_END_NAMESPACE
