// Static suite for quantity.hpp and unit_price.hpp: what must and must not compile.
// Building this file is the test (detection idiom, as in std::experimental::is_detected).
#include <string_view>
#include <type_traits>
#include <utility>

#include "fairport/decimal.hpp"
#include "fairport/quantity.hpp"

#if __has_include("fairport/unit_price.hpp")
#include "fairport/money.hpp"
#include "fairport/unit_price.hpp"
#define FAIRPORT_STATIC_HAS_UNIT_PRICE 1
#endif

namespace {

// --- detection idiom --------------------------------------------------------------------------
template <class, template <class...> class Op, class... Args>
struct detector : std::false_type {};
template <template <class...> class Op, class... Args>
struct detector<std::void_t<Op<Args...>>, Op, Args...> : std::true_type {};
template <template <class...> class Op, class... Args>
constexpr bool is_detected_v = detector<void, Op, Args...>::value;

template <class A, class B>
using add_t = decltype(std::declval<A>() + std::declval<B>());
template <class A, class B>
using sub_t = decltype(std::declval<A>() - std::declval<B>());
template <class A, class B>
using mul_t = decltype(std::declval<A>() * std::declval<B>());
template <class A, class B>
using less_t = decltype(std::declval<A>() < std::declval<B>());
template <class A, class B>
using eq_t = decltype(std::declval<A>() == std::declval<B>());
template <class Q, class U>
using in_t = decltype(std::declval<const Q&>().in(std::declval<U>()));
template <class A>
using kilograms_t = decltype(fairport::kilograms(std::declval<A>()));
template <class A>
using pieces_t = decltype(fairport::pieces(std::declval<A>()));

using fairport::decimal;
using fairport::quantity;
using fairport::unit;
using qmass = quantity<fairport::mass>;
using qvol = quantity<fairport::volume>;
using qcount = quantity<fairport::count>;
using qarea = quantity<fairport::area>;

// --- quantities of one kind combine; of two kinds they do not ----------------------------------
static_assert(std::is_same_v<add_t<qmass, qmass>, qmass>);
static_assert(std::is_same_v<sub_t<qmass, qmass>, qmass>);
static_assert(!is_detected_v<add_t, qmass, qvol>);
static_assert(!is_detected_v<sub_t, qcount, qmass>);
static_assert(!is_detected_v<add_t, qmass, decimal>);
static_assert(!is_detected_v<add_t, decimal, qmass>);
static_assert(!is_detected_v<add_t, qmass, int>);
static_assert(!is_detected_v<less_t, qmass, qvol>);
static_assert(!is_detected_v<eq_t, qmass, qcount>);
static_assert(is_detected_v<less_t, qmass, qmass>);

// Scaling by an exact decimal keeps the kind; multiplying two quantities is not defined (area is
// not length * length here: that would need a unit algebra fairport does not have).
static_assert(std::is_same_v<mul_t<qmass, decimal>, qmass>);
static_assert(std::is_same_v<mul_t<decimal, qcount>, qcount>);
static_assert(!is_detected_v<mul_t, qmass, qmass>);
static_assert(!is_detected_v<mul_t, qmass, double>);
static_assert(!is_detected_v<mul_t, quantity<fairport::length>, quantity<fairport::length>>);

// --- units belong to their kind ----------------------------------------------------------------
static_assert(is_detected_v<in_t, qmass, unit<fairport::mass>>);
static_assert(!is_detected_v<in_t, qmass, unit<fairport::count>>);
static_assert(!is_detected_v<eq_t, unit<fairport::mass>, unit<fairport::volume>>);
static_assert(!std::is_constructible_v<qmass, decimal, unit<fairport::count>>);
static_assert(!std::is_convertible_v<fairport::any_unit, unit<fairport::mass>>);
static_assert(std::is_same_v<decltype(fairport::parse_unit<fairport::mass>(std::string_view{})),
                             unit<fairport::mass>>);
static_assert(std::is_same_v<decltype(fairport::units::dozen), const unit<fairport::count>>);

// --- no binary floating point on the quantity path ----------------------------------------------
static_assert(!std::is_convertible_v<double, qmass>);
static_assert(!std::is_constructible_v<qmass, double, unit<fairport::mass>>);
static_assert(!std::is_constructible_v<qmass, float, unit<fairport::mass>>);
static_assert(!is_detected_v<kilograms_t, double>);
static_assert(!is_detected_v<pieces_t, float>);
static_assert(is_detected_v<kilograms_t, const char*>);
static_assert(is_detected_v<kilograms_t, decimal>);
static_assert(!std::is_convertible_v<qmass, decimal>);
static_assert(!std::is_convertible_v<decimal, qmass>);
static_assert(!std::is_convertible_v<qmass, double>);

// --- decimal itself ------------------------------------------------------------------------------
static_assert(!std::is_constructible_v<decimal, double>);
static_assert(!std::is_constructible_v<decimal, float>);
static_assert(!std::is_constructible_v<decimal, long double>);
static_assert(!std::is_convertible_v<double, decimal>);
static_assert(!std::is_convertible_v<int, decimal>);  // integers are explicit
static_assert(std::is_constructible_v<decimal, int>);

#ifdef FAIRPORT_STATIC_HAS_UNIT_PRICE
// --- prices per unit ----------------------------------------------------------------------------
using pmass = fairport::unit_price<fairport::mass>;
using pcount = fairport::unit_price<fairport::count>;
using fairport::money;

static_assert(std::is_same_v<mul_t<pmass, qmass>, money>);
static_assert(std::is_same_v<mul_t<qmass, pmass>, money>);
static_assert(std::is_same_v<mul_t<pcount, qcount>, money>);
static_assert(!is_detected_v<mul_t, pmass, qcount>);
static_assert(!is_detected_v<mul_t, qcount, pmass>);
static_assert(!is_detected_v<mul_t, pcount, qvol>);
static_assert(!is_detected_v<mul_t, pmass, decimal>);
static_assert(!is_detected_v<add_t, pmass, pcount>);
// money and quantities never mix additively
static_assert(!is_detected_v<add_t, money, qmass>);
static_assert(!is_detected_v<add_t, qmass, money>);
static_assert(!is_detected_v<sub_t, money, qcount>);
static_assert(!is_detected_v<mul_t, money, qmass>);
static_assert(!std::is_convertible_v<pmass, money>);
static_assert(!std::is_convertible_v<money, pmass>);
static_assert(!std::is_constructible_v<pmass, money, fairport::unit<fairport::count>>);
#endif

}  // namespace
