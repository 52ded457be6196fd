#pragma once
/// @file data/customs.hpp
/// Customs rules as reference data: the Incoterms 2020 cost split (dataset `icc_incoterms_2020`),
/// the low-value consignment reliefs (dataset `eu_low_value_relief`) and the rounding policies
/// of import declarations (dataset `eu_customs_rounding`).
///
/// Synopsis
/// @code
/// enum class incoterm { exw, fca, fas, fob, cpt, cip, cfr, cif, dap, dpu, ddp };
/// std::string_view to_string(incoterm);                      // "EXW", ...
/// incoterm parse_incoterm(std::string_view);                 // throws [fairport.input.106]
/// std::optional<incoterm> try_parse_incoterm(std::string_view) noexcept;
/// enum class cost_bearer { in_price, buyer, named_place };
/// struct incoterm_record { incoterm rule; std::string name, group, transport, delivery;
///   cost_bearer carriage_to_border, insurance, carriage_after_border, unloading_at_destination,
///   import_duties_and_taxes;
///   provenance source; };
/// class incoterm_table { const incoterm_record& at(incoterm, year_month_day) const; };   // 301
///
/// struct low_value_relief_record { std::string id; std::string applies_to; money threshold;
///   std::string basis, condition; std::optional<money> flat_duty; std::string flat_duty_per;
///   std::vector<std::string> excluded_cn; provenance source;
///   bool excludes(const tariff_code&) const; };
/// class low_value_relief_table { const low_value_relief_record* try_at(std::string_view id,
/// year_month_day) const; };
///
/// struct rounding_rule { int scale; rounding_mode mode; std::string level; };  // level "line" |
/// "declaration" struct rounding_policy_record { std::string destination, name; rounding_rule
/// conversion,
///   customs_value, duty, vat, unit_cost; provenance source; };
/// class rounding_policy_table {
///   const rounding_policy_record& for_destination(country_code, year_month_day) const;  //
///   country, else "EU"; 301
/// };
/// @endcode

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/decimal.hpp"
#include "fairport/detail/dated_index.hpp"
#include "fairport/error.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/money.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The eleven Incoterms 2020 rules.
enum class incoterm : unsigned char { exw, fca, fas, fob, cpt, cip, cfr, cif, dap, dpu, ddp };

inline constexpr incoterm all_incoterms[] = {
    incoterm::exw, incoterm::fca, incoterm::fas, incoterm::fob, incoterm::cpt, incoterm::cip,
    incoterm::cfr, incoterm::cif, incoterm::dap, incoterm::dpu, incoterm::ddp};

constexpr std::string_view to_string(incoterm t) noexcept {
  switch (t) {
    case incoterm::exw:
      return "EXW";
    case incoterm::fca:
      return "FCA";
    case incoterm::fas:
      return "FAS";
    case incoterm::fob:
      return "FOB";
    case incoterm::cpt:
      return "CPT";
    case incoterm::cip:
      return "CIP";
    case incoterm::cfr:
      return "CFR";
    case incoterm::cif:
      return "CIF";
    case incoterm::dap:
      return "DAP";
    case incoterm::dpu:
      return "DPU";
    case incoterm::ddp:
      return "DDP";
  }
  return "EXW";
}

/// "FCA" (upper case, as the ICC writes them) to the rule; nullopt for anything else.
inline std::optional<incoterm> try_parse_incoterm(std::string_view s) noexcept {
  for (auto t : all_incoterms) {
    if (to_string(t) == s) return t;
  }
  return std::nullopt;
}

/// @throws input_error [fairport.input.106] naming the text and the eleven rules.
inline incoterm parse_incoterm(std::string_view s) {
  if (auto t = try_parse_incoterm(s)) return *t;
  detail::throw_error(errc::invalid_argument,
                      "\"" + std::string(s) +
                          "\" is not an Incoterms 2020 rule (EXW, FCA, FAS, FOB, CPT, CIP, CFR, "
                          "CIF, DAP, DPU, DDP)");
}

/// Who pays a cost element under a rule.
enum class cost_bearer : unsigned char {
  in_price,     ///< the seller: the cost is part of the invoice price
  buyer,        ///< the buyer pays it apart from the price
  named_place,  ///< the seller pays up to the named place; in the price if that lies beyond
};

constexpr std::string_view to_string(cost_bearer b) noexcept {
  switch (b) {
    case cost_bearer::in_price:
      return "in_price";
    case cost_bearer::buyer:
      return "buyer";
    case cost_bearer::named_place:
      return "named_place";
  }
  return "buyer";
}

/// Which costs one Incoterms rule puts into the seller's price.
struct incoterm_record {
  incoterm rule = incoterm::exw;
  std::string name;       ///< "Free Carrier"
  std::string group;      ///< "E", "F", "C", "D"
  std::string transport;  ///< "any" or "sea_and_inland_waterway"
  std::string delivery;   ///< where and how the seller delivers, in a sentence
  cost_bearer carriage_to_border = cost_bearer::buyer;
  cost_bearer insurance = cost_bearer::buyer;
  cost_bearer carriage_after_border = cost_bearer::buyer;
  cost_bearer unloading_at_destination = cost_bearer::buyer;  ///< in_price under DPU only
  cost_bearer import_duties_and_taxes = cost_bearer::buyer;
  provenance source;
};

/// The Incoterms rules by date. Immutable once built; safe to share.
class incoterm_table : public detail::dated_table<incoterm, incoterm_record> {
 public:
  void add(const validity_interval& validity, incoterm_record r);
  const incoterm_record* try_at(incoterm rule, const date::year_month_day& as_of) const noexcept;
  /// @throws no_valid_record [fairport.data.301]
  const incoterm_record& at(incoterm rule, const date::year_month_day& as_of) const;
};

/// The tax a low-value relief relieves ("customs_duty", "import_vat" in the data).
enum class relief_tax : unsigned char { customs_duty, import_vat };

/// Which consignments a low-value relief applies to: every one ("any"), those declared under the
/// import one-stop shop or sent by post ("ioss"), or the others ("not_ioss").
enum class relief_condition : unsigned char { any, ioss, not_ioss };

/// A relief for consignments of low value (duty or VAT), with its threshold and exclusions.
struct low_value_relief_record {
  std::string id;  ///< "duty_negligible_value"
  relief_tax applies_to = relief_tax::customs_duty;
  money threshold{decimal(),
                  currency_code()};  ///< the intrinsic value up to which it applies (inclusive)
  std::string basis;                 ///< "intrinsic_value_per_consignment"
  relief_condition condition = relief_condition::any;
  std::optional<money> flat_duty;  ///< a flat duty that replaces the tariff (per `flat_duty_per`)
  std::string flat_duty_per;       ///< "tariff_subheading" when flat_duty is set
  std::vector<std::string> excluded_cn;  ///< CN prefixes the relief never covers
  provenance source;

  /// True when the record applies to a consignment declared (or not) under the IOSS.
  bool applies_to_ioss(bool ioss) const noexcept;

  /// True when `code` starts with one of the excluded prefixes.
  bool excludes(const tariff_code& code) const noexcept;
};

/// Low-value reliefs by id and date. A relief with no record on a date does not apply then.
class low_value_relief_table : public detail::dated_table<std::string, low_value_relief_record> {
 public:
  void add(const validity_interval& validity, low_value_relief_record r);
  const low_value_relief_record* try_at(std::string_view id,
                                        const date::year_month_day& as_of) const noexcept;
};

/// Where a rounding applies: to each line's amount, or once to the declaration's total (the
/// lines then share the rounded total by largest remainder).
enum class rounding_level : unsigned char { line, declaration };

/// "line" or "declaration".
constexpr std::string_view to_string(rounding_level l) noexcept {
  return l == rounding_level::line ? "line" : "declaration";
}

/// How one kind of amount is rounded: to `scale` places with `mode`, per line or once per
/// declaration.
struct rounding_rule {
  int scale = 2;
  rounding_mode mode = rounding_mode::half_up;
  rounding_level level = rounding_level::line;

  std::string to_string() const;
};

/// The rounding policy of import declarations in one destination.
struct rounding_policy_record {
  std::string destination;      ///< "EU" (the default) or an ISO country code
  std::string name;             ///< "eu_default"
  rounding_rule conversion;     ///< amounts converted into the declaration currency
  rounding_rule customs_value;  ///< the customs value of a line
  rounding_rule duty;           ///< the customs duty
  rounding_rule vat;            ///< the import VAT
  rounding_rule unit_cost;      ///< landed cost per unit and per kg (information, not a tax)
  provenance source;
};

/// Rounding policies by destination and date. Immutable once built; safe to share.
class rounding_policy_table : public detail::dated_table<std::string, rounding_policy_record> {
 public:
  void add(const validity_interval& validity, rounding_policy_record r);
  /// The destination's own policy, else the "EU" one. @throws no_valid_record [fairport.data.301]
  const rounding_policy_record& for_destination(country_code destination,
                                                const date::year_month_day& as_of) const;
};

FAIRPORT_END_NAMESPACE
