#pragma once
/// @file quantity.hpp
/// Exact quantities (mass, volume, count, length, area) whose kind is part of the type, so that
/// kilograms and litres cannot be added, and a price per kilogram cannot be applied to pieces.
///
/// Synopsis
/// @code
/// struct mass; struct volume; struct count; struct length; struct area;   // kind tags
/// enum class unit_kind { mass, volume, count, length, area };
/// template <class K> inline constexpr bool is_kind_v;
///
/// template <class Kind> class unit {        // a name and an exact factor to the kind's base unit
///   constexpr unit(std::string_view name, std::int64_t factor_coefficient, int factor_scale);
///   static constexpr unit base() noexcept;  // kg, l, piece, m, m2
///   constexpr std::string_view name() const noexcept;
///   decimal factor() const;                 // exact: 1 lb -> 0.45359237 (kg)
///   constexpr bool is_base() const noexcept;
///   friend constexpr bool operator==, !=;   // same name and factor
/// };
/// namespace units {                         // every unit fairport knows (all factors exact)
///   kilogram "kg", gram "g", tonne "t", pound "lb", ounce "oz", quintal_46kg "quintal46kg",
///   hundred_kilograms "100kg";  litre "l", millilitre "ml", hectolitre "hl", cubic_metre "m3";
///   piece "piece", pair "pair", dozen "dozen", thousand pieces "1000piece";  metre "m", centimetre "cm", millimetre "mm";
///   square_metre "m2", square_centimetre "cm2";
/// }
/// template <class Kind> unit<Kind> parse_unit(std::string_view);            // throws 107
/// template <class Kind> std::optional<unit<Kind>> try_parse_unit(std::string_view) noexcept;
///
/// class any_unit {                          // a unit whose kind is known only at run time (data
/// files)
///   static any_unit parse(std::string_view);                  // throws 107
///   static std::optional<any_unit> try_parse(std::string_view) noexcept;
///   unit_kind kind() const noexcept; std::string_view name() const noexcept; decimal factor()
///   const; template <class K> bool is() const noexcept; template <class K> unit<K> as() const; //
///   throws 204 if another kind
/// };
/// any_unit parse_any_unit(std::string_view);                  // = any_unit::parse
///
/// template <class Kind> class quantity {
///   quantity() noexcept;                                      // 0 in the base unit
///   explicit quantity(decimal value, unit<Kind> u) noexcept;
///   const decimal& value() const noexcept; const unit<Kind>& unit() const noexcept;
///   decimal in(const unit<Kind>&) const;                      // exact, or throws 205
///   decimal in(const unit<Kind>&, int scale, rounding_mode) const;   // rounded once
///   decimal in_base() const;                                  // exact
///   quantity to(const unit<Kind>&) const;  quantity to(const unit<Kind>&, int, rounding_mode)
///   const;
///   + - += -= (same Kind only; exact), unary -, * and / ... by decimal: q * d, d * q
///   == != < <= > >= (by amount: 1 kg == 1000 g)
///   std::string to_string() const;                            // "36.000 kg"
/// };
/// quantity<mass> grams(..), kilograms(..), tonnes(..), pounds(..), ounces(..);
/// quantity<volume> millilitres(..), litres(..), hectolitres(..), cubic_metres(..);
/// quantity<count> pieces(..), pairs(..), dozens(..);
/// quantity<length> millimetres(..), centimetres(..), metres(..);
/// quantity<area> square_centimetres(..), square_metres(..);
///                                // each takes std::string_view ("36.000") or a decimal
/// @endcode
///
/// Nothing here rounds implicitly: conversions multiply and divide by exact factors, and a
/// conversion whose result has no finite decimal expansion (1 kg in pounds) throws
/// [fairport.arithmetic.205] unless a scale and rounding mode are given.
///
/// Exact factors: the international pound is 0.45359237 kg exactly and the avoirdupois ounce is
/// 1/16 lb = 0.028349523125 kg (International Yard and Pound Agreement, 1959; NIST SP 811,
/// Appendix B.8). The 46 kg quintal is the "bag" in which some commodity prices are quoted.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "fairport/config.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Run-time identity of a quantity kind.
enum class unit_kind : unsigned char { mass, volume, count, length, area };

/// Kind tag: mass, base unit kilogram.
struct mass {
  static constexpr unit_kind id = unit_kind::mass;          ///< run-time identity
  static constexpr std::string_view name = "mass";          ///< for messages
  static constexpr std::string_view base_unit_name = "kg";  ///< base unit symbol
};
/// Kind tag: volume, base unit litre.
struct volume {
  static constexpr unit_kind id = unit_kind::volume;       ///< run-time identity
  static constexpr std::string_view name = "volume";       ///< for messages
  static constexpr std::string_view base_unit_name = "l";  ///< base unit symbol
};
/// Kind tag: number of items, base unit piece.
struct count {
  static constexpr unit_kind id = unit_kind::count;            ///< run-time identity
  static constexpr std::string_view name = "count";            ///< for messages
  static constexpr std::string_view base_unit_name = "piece";  ///< base unit symbol
};
/// Kind tag: length, base unit metre.
struct length {
  static constexpr unit_kind id = unit_kind::length;       ///< run-time identity
  static constexpr std::string_view name = "length";       ///< for messages
  static constexpr std::string_view base_unit_name = "m";  ///< base unit symbol
};
/// Kind tag: area, base unit square metre.
struct area {
  static constexpr unit_kind id = unit_kind::area;          ///< run-time identity
  static constexpr std::string_view name = "area";          ///< for messages
  static constexpr std::string_view base_unit_name = "m2";  ///< base unit symbol
};

/// True for the five kind tags above.
template <class K>
inline constexpr bool is_kind_v =
    std::is_same_v<K, mass> || std::is_same_v<K, volume> || std::is_same_v<K, count> ||
    std::is_same_v<K, length> || std::is_same_v<K, area>;

/// "mass", "volume", "count", "length", "area".
constexpr std::string_view to_string(unit_kind k) noexcept {
  switch (k) {
    case unit_kind::mass:
      return mass::name;
    case unit_kind::volume:
      return volume::name;
    case unit_kind::count:
      return count::name;
    case unit_kind::length:
      return length::name;
    case unit_kind::area:
      return area::name;
  }
  return "unknown";
}

namespace detail {

/// The representation shared by unit<K> and any_unit: a short name held inline (no lifetime
/// worries, constexpr-friendly) and the factor to the base unit as coefficient * 10^-scale.
struct unit_repr {
  static constexpr std::size_t max_name = 15;
  char name[max_name + 1]{};
  unsigned char len = 0;
  std::int64_t coefficient = 1;
  int scale = 0;

  constexpr unit_repr() noexcept = default;
  constexpr unit_repr(std::string_view n, std::int64_t c, int s) : coefficient(c), scale(s) {
    if (n.empty() || n.size() > max_name || c <= 0 || s < 0 || s > 18) {
      throw_error(errc::invalid_unit,
                  "a unit needs a name of 1 to 15 characters and a positive "
                  "factor with scale 0..18");
    }
    for (std::size_t i = 0; i < n.size(); ++i) name[i] = n[i];
    len = static_cast<unsigned char>(n.size());
  }
  constexpr std::string_view view() const noexcept { return {name, len}; }
  decimal factor() const { return decimal::from_parts(coefficient, scale); }
  friend constexpr bool operator==(const unit_repr& a, const unit_repr& b) noexcept {
    return a.coefficient == b.coefficient && a.scale == b.scale && a.view() == b.view();
  }
};

/// The coefficient type of decimal (a signed 128-bit integer).
using decimal_coefficient = decltype(std::declval<const decimal&>().coefficient());


}  // namespace detail

/// A unit of measure of kind `Kind`: a short name and an exact factor to the kind's base unit
/// (1 lb = 0.45359237 kg). Constexpr, trivially copyable, compared by name and factor.
template <class Kind>
class unit {
  static_assert(is_kind_v<Kind>, "unit<Kind>: Kind must be mass, volume, count, length or area");

 public:
  using kind_type = Kind;  ///< the kind tag

  /// A unit named `name` (1 to 15 characters) worth factor_coefficient * 10^-factor_scale base
  /// units. @throws input_error [fairport.input.107] on an empty or long name or a factor <= 0.
  constexpr unit(std::string_view name, std::int64_t factor_coefficient, int factor_scale)
      : repr_(name, factor_coefficient, factor_scale) {}

  /// The base unit of the kind: kg, l, piece, m or m2.
  static constexpr unit base() noexcept {
    return unit(detail::unit_repr(Kind::base_unit_name, 1, 0));
  }

  /// The symbol: "kg", "lb", "dozen".
  constexpr std::string_view name() const noexcept { return repr_.view(); }
  /// How many base units one of this unit is, exactly (a pound: 0.45359237).
  decimal factor() const { return repr_.factor(); }
  /// The factor's coefficient (45359237 for lb).
  constexpr std::int64_t factor_coefficient() const noexcept { return repr_.coefficient; }
  /// The factor's scale (8 for lb).
  constexpr int factor_scale() const noexcept { return repr_.scale; }
  /// True if the factor is exactly 1 and the name is the base unit's.
  constexpr bool is_base() const noexcept { return *this == base(); }

  friend constexpr bool operator==(const unit& a, const unit& b) noexcept {
    return a.repr_ == b.repr_;
  }
  friend constexpr bool operator!=(const unit& a, const unit& b) noexcept { return !(a == b); }
  /// Writes the symbol.
  friend std::ostream& operator<<(std::ostream& os, const unit& u) { return os << u.name(); }

 private:
  friend class any_unit;
  constexpr explicit unit(const detail::unit_repr& r) noexcept : repr_(r) {}
  detail::unit_repr repr_;
};

/// Every unit fairport knows. All factors are exact.
namespace units {
inline constexpr unit<mass> kilogram{"kg", 1, 0};                ///< SI base unit of mass
inline constexpr unit<mass> gram{"g", 1, 3};                     ///< 0.001 kg
inline constexpr unit<mass> tonne{"t", 1000, 0};                 ///< 1000 kg (metric ton)
inline constexpr unit<mass> pound{"lb", 45359237, 8};            ///< 0.45359237 kg exactly (1959)
inline constexpr unit<mass> ounce{"oz", 28349523125, 12};        ///< 1/16 lb = 0.028349523125 kg
inline constexpr unit<mass> quintal_46kg{"quintal46kg", 46, 0};  ///< a 46 kg bag
inline constexpr unit<mass> hundred_kilograms{"100kg", 100,
                                              0};        ///< 100 kg (specific duties "per 100 kg")
inline constexpr unit<volume> litre{"l", 1, 0};          ///< base unit of volume
inline constexpr unit<volume> millilitre{"ml", 1, 3};    ///< 0.001 l
inline constexpr unit<volume> hectolitre{"hl", 100, 0};  ///< 100 l
inline constexpr unit<volume> cubic_metre{"m3", 1000, 0};    ///< 1000 l
inline constexpr unit<count> piece{"piece", 1, 0};           ///< one item
inline constexpr unit<count> pair{"pair", 2, 0};             ///< 2 pieces
inline constexpr unit<count> dozen{"dozen", 12, 0};          ///< 12 pieces
inline constexpr unit<count> thousand_pieces{"1000piece", 1000, 0};  ///< "1 000 p/st" of the CN
inline constexpr unit<length> metre{"m", 1, 0};              ///< SI base unit of length
inline constexpr unit<length> centimetre{"cm", 1, 2};        ///< 0.01 m
inline constexpr unit<length> millimetre{"mm", 1, 3};        ///< 0.001 m
inline constexpr unit<area> square_metre{"m2", 1, 0};        ///< base unit of area
inline constexpr unit<area> square_centimetre{"cm2", 1, 4};  ///< 0.0001 m2
}  // namespace units

namespace detail {

/// One spelling accepted by the parsers, and the unit it names.
struct unit_spelling {
  std::string_view text;
  unit_kind kind;
  unit_repr repr;
};

template <class K>
constexpr unit_spelling spelling(std::string_view text, const unit<K>& u) {
  return unit_spelling{text, K::id, unit_repr(u.name(), u.factor_coefficient(), u.factor_scale())};
}

/// The accepted spellings: each unit's symbol, plus "tonne" and "litre". Matching is exact
/// (case-sensitive, no surrounding spaces): strict data should be written one way.
inline constexpr unit_spelling unit_spellings[] = {
    spelling("kg", units::kilogram),
    spelling("g", units::gram),
    spelling("t", units::tonne),
    spelling("tonne", units::tonne),
    spelling("lb", units::pound),
    spelling("oz", units::ounce),
    spelling("quintal46kg", units::quintal_46kg),
    spelling("100kg", units::hundred_kilograms),
    spelling("l", units::litre),
    spelling("litre", units::litre),
    spelling("ml", units::millilitre),
    spelling("hl", units::hectolitre),
    spelling("m3", units::cubic_metre),
    spelling("piece", units::piece),
    spelling("pair", units::pair),
    spelling("dozen", units::dozen),
    spelling("1000piece", units::thousand_pieces),
    spelling("m", units::metre),
    spelling("cm", units::centimetre),
    spelling("mm", units::millimetre),
    spelling("m2", units::square_metre),
    spelling("cm2", units::square_centimetre),
};

inline const unit_spelling* find_unit_spelling(std::string_view text) noexcept {
  for (const auto& s : unit_spellings) {
    if (s.text == text) return &s;
  }
  return nullptr;
}

}  // namespace detail

/// A unit of measure whose kind is known only at run time, as read from a data file
/// ("per": "100kg"). Convert to a typed unit with as<K>().
class any_unit {
 public:
  /// Parses a unit symbol: "kg", "g", "t"/"tonne", "lb", "oz", "quintal46kg", "100kg",
  /// "l"/"litre", "ml", "hl", "m3", "piece", "pair", "dozen", "m", "cm", "mm", "m2", "cm2".
  /// @throws input_error [fairport.input.107] quoting the text if it is not one of them.
  static any_unit parse(std::string_view text) {
    if (auto u = try_parse(text)) return *u;
    detail::throw_error(errc::invalid_unit,
                        "unknown unit of measure \"" + std::string(text) + "\"");
  }
  /// As parse(), but returns nullopt instead of throwing.
  static std::optional<any_unit> try_parse(std::string_view text) noexcept {
    if (const auto* s = detail::find_unit_spelling(text)) return any_unit(s->kind, s->repr);
    return std::nullopt;
  }
  /// A typed unit, forgetting its kind at compile time.
  template <class K>
  explicit any_unit(const unit<K>& u) noexcept : kind_(K::id), repr_(u.repr_) {}

  /// mass, volume, count, length or area.
  unit_kind kind() const noexcept { return kind_; }
  /// The canonical symbol ("t" for "tonne").
  std::string_view name() const noexcept { return repr_.view(); }
  /// Exact factor to the kind's base unit.
  decimal factor() const { return repr_.factor(); }
  /// True if this is a unit of kind K.
  template <class K>
  bool is() const noexcept {
    return kind_ == K::id;
  }
  /// The typed unit, or nullopt if it is of another kind.
  template <class K>
  std::optional<unit<K>> try_as() const noexcept {
    if (!is<K>()) return std::nullopt;
    return unit<K>(repr_);
  }
  /// The typed unit. @throws arithmetic_error [fairport.arithmetic.204] if it is of another kind.
  template <class K>
  unit<K> as() const {
    if (auto u = try_as<K>()) return *u;
    detail::throw_error(errc::unit_mismatch, "unit \"" + std::string(name()) + "\" is a " +
                                                 std::string(to_string(kind_)) + " unit, not " +
                                                 std::string(K::name));
  }

  friend bool operator==(const any_unit& a, const any_unit& b) noexcept {
    return a.kind_ == b.kind_ && a.repr_ == b.repr_;
  }
  friend bool operator!=(const any_unit& a, const any_unit& b) noexcept { return !(a == b); }
  /// Writes the symbol.
  friend std::ostream& operator<<(std::ostream& os, const any_unit& u) { return os << u.name(); }

 private:
  any_unit(unit_kind k, const detail::unit_repr& r) noexcept : kind_(k), repr_(r) {}
  unit_kind kind_;
  detail::unit_repr repr_;
};

/// Parses a unit of any kind (see any_unit::parse). @throws input_error [fairport.input.107]
inline any_unit parse_any_unit(std::string_view text) { return any_unit::parse(text); }

/// Parses a unit that must be of kind `Kind`, or returns nullopt (unknown, or another kind).
template <class Kind>
std::optional<unit<Kind>> try_parse_unit(std::string_view text) noexcept {
  if (auto u = any_unit::try_parse(text)) return u->template try_as<Kind>();
  return std::nullopt;
}

/// Parses a unit that must be of kind `Kind`.
/// @throws input_error [fairport.input.107] if the text is not a unit, or is a unit of another
///         kind ("l" asked for as mass).
template <class Kind>
unit<Kind> parse_unit(std::string_view text) {
  auto any = any_unit::parse(text);
  if (auto u = any.template try_as<Kind>()) return *u;
  detail::throw_error(errc::invalid_unit, "unit \"" + std::string(text) + "\" is a " +
                                              std::string(to_string(any.kind())) + " unit, not a " +
                                              std::string(Kind::name) + " unit");
}

/// An exact amount of `Kind` in a given unit: 36.000 kg, 12 piece, 1.5 lb.
/// Values are exact decimals; the unit is kept as given until an operation has to reconcile
/// two units. Thread-compatible value type.
template <class Kind>
class quantity {
  static_assert(is_kind_v<Kind>,
                "quantity<Kind>: Kind must be mass, volume, count, length or area");

 public:
  using kind_type = Kind;                  ///< the kind tag
  using unit_type = fairport::unit<Kind>;  ///< the unit type

  /// Zero in the base unit.
  quantity() noexcept : value_(), unit_(unit_type::base()) {}
  /// `value` of `u`. Exact; never rounds.
  explicit quantity(decimal value, const unit_type& u) noexcept
      : value_(std::move(value)), unit_(u) {}

  /// The number of units, as given.
  const decimal& value() const noexcept { return value_; }
  /// The unit the value is in.
  const unit_type& unit() const noexcept { return unit_; }

  /// The amount in the base unit (value * factor). Exact.
  /// @throws arithmetic_error [fairport.arithmetic.201] on overflow.
  decimal in_base() const { return value_ * unit_.factor(); }

  /// The amount expressed in `target`, exactly: value * factor / target factor, with the ideal
  /// scale of an exact decimal division (16 oz in lb = 1.0000, 36.000 kg in g = 36000).
  /// @throws arithmetic_error [fairport.arithmetic.205] if the result has no finite decimal
  ///         expansion (1 kg in lb); use in(target, scale, mode) then.
  decimal in(const unit_type& target) const {
    if (target == unit_) return value_;
    if (auto r = exact_divide(in_base(), target.factor())) return *r;
    detail::throw_error(errc::inexact, to_string() + " is not a finite decimal in " +
                                           std::string(target.name()) +
                                           "; give a scale and rounding mode");
  }
  /// The amount in `target`, rounded once to `scale` places with `mode`.
  decimal in(const unit_type& target, int scale, rounding_mode mode) const {
    return divide(in_base(), target.factor(), scale, mode);
  }
  /// The same amount as a quantity in `target`. @throws as in(target).
  quantity to(const unit_type& target) const { return quantity(in(target), target); }
  /// The amount as a quantity in `target`, rounded once to `scale` places with `mode`.
  quantity to(const unit_type& target, int scale, rounding_mode mode) const {
    return quantity(in(target, scale, mode), target);
  }

  /// -1, 0 or 1.
  int signum() const noexcept { return value_.signum(); }
  /// True if the amount is zero.
  bool is_zero() const noexcept { return value_.is_zero(); }
  /// True if the amount is below zero.
  bool is_negative() const noexcept { return value_.is_negative(); }

  quantity operator-() const { return quantity(-value_, unit_); }
  quantity operator+() const { return *this; }

  /// Adds an amount of the same kind, exactly. The result keeps this unit if the other unit
  /// converts into it exactly for every value (kg + g -> kg, lb + oz -> lb, t + kg -> t), and is
  /// in the base unit otherwise (lb + kg -> kg, dozen + piece -> piece).
  quantity& operator+=(const quantity& other) { return *this = combine(*this, other, false); }
  /// Subtracts; units as for +=.
  quantity& operator-=(const quantity& other) { return *this = combine(*this, other, true); }
  friend quantity operator+(const quantity& a, const quantity& b) { return combine(a, b, false); }
  friend quantity operator-(const quantity& a, const quantity& b) { return combine(a, b, true); }

  /// Scales by an exact decimal (12 * 2.5 kg = 30.0 kg); the unit is kept.
  friend quantity operator*(const quantity& q, const decimal& k) {
    return quantity(q.value_ * k, q.unit_);
  }
  friend quantity operator*(const decimal& k, const quantity& q) { return q * k; }

  /// Three-way comparison by amount (1 kg == 1000 g): -1, 0, 1. @throws 201 on overflow.
  friend int compare(const quantity& a, const quantity& b) {
    if (a.unit_ == b.unit_) return compare(a.value_, b.value_);
    return compare(a.in_base(), b.in_base());
  }
  friend bool operator==(const quantity& a, const quantity& b) { return compare(a, b) == 0; }
  friend bool operator!=(const quantity& a, const quantity& b) { return compare(a, b) != 0; }
  friend bool operator<(const quantity& a, const quantity& b) { return compare(a, b) < 0; }
  friend bool operator<=(const quantity& a, const quantity& b) { return compare(a, b) <= 0; }
  friend bool operator>(const quantity& a, const quantity& b) { return compare(a, b) > 0; }
  friend bool operator>=(const quantity& a, const quantity& b) { return compare(a, b) >= 0; }

  /// "36.000 kg".
  std::string to_string() const {
    std::string s = value_.to_string();
    s += ' ';
    s += unit_.name();
    return s;
  }
  friend std::ostream& operator<<(std::ostream& os, const quantity& q) {
    return os << q.to_string();
  }

 private:
  static quantity combine(const quantity& a, const quantity& b, bool subtract) {
    if (a.unit_ == b.unit_) {
      return quantity(subtract ? a.value_ - b.value_ : a.value_ + b.value_, a.unit_);
    }
    if (auto ratio = exact_divide(b.unit_.factor(), a.unit_.factor())) {
      const decimal bv = b.value_ * *ratio;
      return quantity(subtract ? a.value_ - bv : a.value_ + bv, a.unit_);
    }
    const decimal av = a.in_base();
    const decimal bv = b.in_base();
    return quantity(subtract ? av - bv : av + bv, unit_type::base());
  }

  decimal value_;
  unit_type unit_;
};

namespace detail {
template <class Kind>
quantity<Kind> make_quantity(std::string_view text, const unit<Kind>& u) {
  return quantity<Kind>(decimal::parse(text), u);
}
}  // namespace detail

// Named factories. Each takes the exact decimal text ("36.000"; throws [fairport.input.101] if
// malformed) or a decimal. There is deliberately no overload for double.

/// Grams. @throws input_error [fairport.input.101] on malformed text.
inline quantity<mass> grams(std::string_view v) { return detail::make_quantity(v, units::gram); }
/// Grams.
inline quantity<mass> grams(const decimal& v) { return quantity<mass>(v, units::gram); }
/// Kilograms. @throws input_error [fairport.input.101] on malformed text.
inline quantity<mass> kilograms(std::string_view v) {
  return detail::make_quantity(v, units::kilogram);
}
/// Kilograms.
inline quantity<mass> kilograms(const decimal& v) { return quantity<mass>(v, units::kilogram); }
/// Tonnes. @throws input_error [fairport.input.101] on malformed text.
inline quantity<mass> tonnes(std::string_view v) { return detail::make_quantity(v, units::tonne); }
/// Tonnes.
inline quantity<mass> tonnes(const decimal& v) { return quantity<mass>(v, units::tonne); }
/// Pounds (0.45359237 kg). @throws input_error [fairport.input.101] on malformed text.
inline quantity<mass> pounds(std::string_view v) { return detail::make_quantity(v, units::pound); }
/// Pounds.
inline quantity<mass> pounds(const decimal& v) { return quantity<mass>(v, units::pound); }
/// Ounces (0.028349523125 kg). @throws input_error [fairport.input.101] on malformed text.
inline quantity<mass> ounces(std::string_view v) { return detail::make_quantity(v, units::ounce); }
/// Ounces.
inline quantity<mass> ounces(const decimal& v) { return quantity<mass>(v, units::ounce); }
/// Millilitres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<volume> millilitres(std::string_view v) {
  return detail::make_quantity(v, units::millilitre);
}
/// Millilitres.
inline quantity<volume> millilitres(const decimal& v) {
  return quantity<volume>(v, units::millilitre);
}
/// Litres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<volume> litres(std::string_view v) {
  return detail::make_quantity(v, units::litre);
}
/// Litres.
inline quantity<volume> litres(const decimal& v) { return quantity<volume>(v, units::litre); }
/// Hectolitres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<volume> hectolitres(std::string_view v) {
  return detail::make_quantity(v, units::hectolitre);
}
/// Hectolitres.
inline quantity<volume> hectolitres(const decimal& v) {
  return quantity<volume>(v, units::hectolitre);
}
/// Cubic metres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<volume> cubic_metres(std::string_view v) {
  return detail::make_quantity(v, units::cubic_metre);
}
/// Cubic metres.
inline quantity<volume> cubic_metres(const decimal& v) {
  return quantity<volume>(v, units::cubic_metre);
}
/// Pieces. @throws input_error [fairport.input.101] on malformed text.
inline quantity<count> pieces(std::string_view v) { return detail::make_quantity(v, units::piece); }
/// Pieces.
inline quantity<count> pieces(const decimal& v) { return quantity<count>(v, units::piece); }
/// Pairs (2 pieces). @throws input_error [fairport.input.101] on malformed text.
inline quantity<count> pairs(std::string_view v) { return detail::make_quantity(v, units::pair); }
/// Pairs.
inline quantity<count> pairs(const decimal& v) { return quantity<count>(v, units::pair); }
/// Dozens (12 pieces). @throws input_error [fairport.input.101] on malformed text.
inline quantity<count> dozens(std::string_view v) { return detail::make_quantity(v, units::dozen); }
/// Dozens.
inline quantity<count> dozens(const decimal& v) { return quantity<count>(v, units::dozen); }
/// Millimetres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<length> millimetres(std::string_view v) {
  return detail::make_quantity(v, units::millimetre);
}
/// Millimetres.
inline quantity<length> millimetres(const decimal& v) {
  return quantity<length>(v, units::millimetre);
}
/// Centimetres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<length> centimetres(std::string_view v) {
  return detail::make_quantity(v, units::centimetre);
}
/// Centimetres.
inline quantity<length> centimetres(const decimal& v) {
  return quantity<length>(v, units::centimetre);
}
/// Metres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<length> metres(std::string_view v) {
  return detail::make_quantity(v, units::metre);
}
/// Metres.
inline quantity<length> metres(const decimal& v) { return quantity<length>(v, units::metre); }
/// Square centimetres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<area> square_centimetres(std::string_view v) {
  return detail::make_quantity(v, units::square_centimetre);
}
/// Square centimetres.
inline quantity<area> square_centimetres(const decimal& v) {
  return quantity<area>(v, units::square_centimetre);
}
/// Square metres. @throws input_error [fairport.input.101] on malformed text.
inline quantity<area> square_metres(std::string_view v) {
  return detail::make_quantity(v, units::square_metre);
}
/// Square metres.
inline quantity<area> square_metres(const decimal& v) {
  return quantity<area>(v, units::square_metre);
}

FAIRPORT_END_NAMESPACE
