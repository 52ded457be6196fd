#pragma once
/// @file origin/assess.hpp
/// Preferential origin under the EU's GSP: does a product originate in the exporting
/// beneficiary country, by which rule, and by how much.
///
/// Synopsis
/// @code
/// enum class origin_scheme { eu_gsp };
/// enum class origin_status { originating, not_originating, undetermined };
/// enum class origin_basis { wholly_obtained, sufficient_working, cumulation };
/// enum class material_status { originating, cumulated, non_originating, unknown };
/// std::string_view to_string(origin_status | origin_basis | material_status);
///
/// struct origin_material {
///   std::string description;
///   tariff_code hs;                          // at least the heading (4 digits)
///   std::optional<country_code> origin;      // nullopt = unknown
///   std::optional<decimal> value;            // customs value at import (or first ascertainable
///                                            // price), in the currency of the ex-works price
///   std::optional<decimal> net_weight_kg;    // for the weight tolerances
///   bool cumulation_proof = false;           // documented as originating in `origin` (statement on
///                                            // origin, supplier's declaration): usable for cumulation
/// };
/// struct origin_product {
///   tariff_code hs; money ex_works_price; country_code exporter;
///   bool wholly_obtained_claim;
///   std::vector<std::string> operations;     // Art. 47(1) ids (eu_gsp_origin_general_rules) and
///                                            // process ids of the list rules; others = working
///   std::vector<origin_material> materials;
///   date::year_month_day as_of;              // date of acceptance of the import declaration
///   std::optional<bool> direct_transport;    // Art. 43 non-manipulation; nullopt = presumed met
///   std::string list_rule_row;               // row id when a range has sub-rows ("embroidered")
///   std::string wholly_obtained_category;    // Art. 44(1) point: "d"
///   std::optional<decimal> net_weight_kg;    // for Art. 48(1)(a)
/// };
/// struct origin_verdict {
///   origin_status status; std::optional<origin_basis> basis;
///   std::string rule_text, rule_reference, row; bool ldc_column;
///   std::optional<money> non_originating_value, margin; std::optional<decimal> share, limit;
///   std::vector<material_outcome> materials;   // per material: status, cumulation, broke rule, tolerated
///   std::vector<finding> findings; std::vector<std::string> missing;
/// };
/// origin_verdict assess_origin(const origin_product&, const reference_data&);            // EU GSP
/// origin_verdict assess_origin(const origin_product&, origin_scheme, const reference_data&);
/// class origin_assessor {                    // prepared once per reference_data; thread-safe
///   origin_assessor(origin_scheme, const reference_data&);
///   origin_verdict assess(const origin_product&) const;          // with findings
///   origin_status status(const origin_product&) const;           // same decision, no strings
///   origin_headroom headroom(const origin_product&) const;
///   std::vector<origin_flip> local_sourcing_flips(const origin_product&) const;
/// };
/// origin_headroom what_if_headroom(const origin_product&, const reference_data&);
/// std::vector<origin_flip> what_if_local_sourcing(const origin_product&, const reference_data&);
/// @endcode
///
/// The decision is exact: a share is compared as value <= max_share x ex-works price, with no
/// division and no rounding. Figures in messages are exact decimal strings, except percentages,
/// which are shown rounded to 2 places with rounding_mode::half_even (named in the message), and
/// margins, shown to 2 places half_even; the verdict's fields keep the exact values (`share` is
/// the quotient to 12 places, half_even, and is never used for the decision).
///
/// Order of the checks: the beneficiary and the direct-transport declaration; a wholly obtained
/// claim (Art. 44); the materials' origin and cumulation (Arts. 53 to 56); insufficient working
/// (Art. 47, which defeats any list rule); the list rule of the narrowest row (Annex 22-03),
/// column (a) for Annex IV (EBA) countries and (b) for the others, its alternatives in turn; the
/// tolerances for materials that break a rule (Art. 48; Annex 22-03 Notes 6 and 7 in Chapters 50
/// to 63, where the alternative's note names them). Materials of unknown origin are counted as
/// non-originating: if the product passes anyway it originates; if it would originate with them
/// originating, the verdict is undetermined and `missing` names them; otherwise not originating.
/// Bad input (negative values or weights, a zero ex-works price, a product code shorter than a
/// heading, an unknown Art. 44 point or list_rule_row) throws input_error [fairport.input.106].
///
/// Operations are ids of the closed vocabulary of origin/operations.hpp. Those of Art. 47(1)
/// (dataset eu_gsp_origin_general_rules: "simple_packaging", "marking_labelling", ...) are
/// insufficient; list-rule processes and fairport's working operations go beyond Art. 47(1); any
/// other id throws input_error [fairport.input.106] naming it and the accepted ids. A list rule that
/// names a process (the `process` ids of eu_gsp_list_rules: "making_up",
/// "weaving_plus_making_up", "embroidery_and_making_up", ...) is met only if that id is declared:
/// a specific process that is not declared fails its alternative; a textile-stage process that
/// non-originating textile materials rely on leaves the alternative undetermined and asks for it.
/// Materials of Chapters 50 to 63 are placed on the textile stages (fibre, yarn, fabric,
/// made-up) by their heading, from the same dataset; materials outside those chapters are free
/// under a textile-stage rule (Annex 22-03 Note 7.2) but count in value rules. Material values
/// are in the currency of the ex-works price.
/// A wholly obtained claim is the exporter's declaration: the engine checks that every material
/// originates in the exporting country, not that each is itself wholly obtained.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/data/origin_general_rules.hpp"
#include "fairport/data/origin_rules.hpp"
#include "fairport/decimal.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/money.hpp"
#include "fairport/verdict.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The preferential scheme whose rules of origin apply.
enum class origin_scheme : unsigned char {
  eu_gsp,  ///< EU Generalised Scheme of Preferences (Delegated Regulation (EU) 2015/2446, Arts. 41-58)
};

enum class origin_status : unsigned char { originating, not_originating, undetermined };
enum class origin_basis : unsigned char { wholly_obtained, sufficient_working, cumulation };
/// How one material counted in the assessment.
enum class material_status : unsigned char {
  originating,      ///< originating in the exporting country
  cumulated,        ///< originating elsewhere, counted as originating through cumulation
  non_originating,  ///< non-originating
  unknown,          ///< origin not given: counted as non-originating
};

constexpr std::string_view to_string(origin_scheme) noexcept { return "eu_gsp"; }
constexpr std::string_view to_string(origin_status s) noexcept {
  switch (s) {
    case origin_status::originating: return "originating";
    case origin_status::not_originating: return "not_originating";
    case origin_status::undetermined: return "undetermined";
  }
  return "undetermined";
}
constexpr std::string_view to_string(origin_basis b) noexcept {
  switch (b) {
    case origin_basis::wholly_obtained: return "wholly_obtained";
    case origin_basis::sufficient_working: return "sufficient_working";
    case origin_basis::cumulation: return "cumulation";
  }
  return "sufficient_working";
}
constexpr std::string_view to_string(material_status s) noexcept {
  switch (s) {
    case material_status::originating: return "originating";
    case material_status::cumulated: return "cumulated";
    case material_status::non_originating: return "non_originating";
    case material_status::unknown: return "unknown";
  }
  return "unknown";
}

/// One material of the bill of materials. An aggregate:
/// `origin_material m{"felt sheet", tariff_code::parse("5602"), country_code::parse("CN"), 1.90_d};`.
struct origin_material {
  std::string description;
  tariff_code hs;                        ///< at least the heading (4 digits)
  std::optional<country_code> origin;    ///< nullopt = unknown
  std::optional<decimal> value;          ///< in the currency of the product's ex-works price
  std::optional<decimal> net_weight_kg;  ///< for Note 6 and Art. 48(1)(a)
  bool cumulation_proof = false;         ///< documented as originating in `origin`
};

/// A material's cumulation indication as the faces give it: "eu" (EU materials, Delegated Reg.
/// (EU) 2015/2446, Art. 53) or the ISO code of the material's own origin (regional or extended
/// cumulation, Arts. 54-56), meaning a proof of its originating status is held. Returns true for
/// such an indication; "" and anything else (`"no"`, another country) throw input_error
/// [fairport.input.106] naming the accepted values, so a wording never counts as proof.
/// (A JSON or Python boolean is read by the face: true = proof held, false = none.)
bool cumulation_indication(std::string_view indication,
                           const std::optional<country_code>& material_origin);

/// The product to assess: one unit of qualification (Art. 49). An aggregate (tariff_code has no
/// default): `origin_product p{hs, ex_works_price, exporter, claim, operations, materials, as_of};`.
struct origin_product {
  tariff_code hs;                        ///< CN/HS code, at least the heading (4 digits)
  money ex_works_price;                  ///< ex-works price; material values are in its currency
  country_code exporter;                 ///< exporting beneficiary country
  bool wholly_obtained_claim = false;    ///< claimed wholly obtained (Art. 44)
  std::vector<std::string> operations;   ///< Art. 47(1) ids and list-rule process ids
  std::vector<origin_material> materials;
  date::year_month_day as_of{};          ///< date of acceptance of the import declaration
  std::optional<bool> direct_transport;  ///< Art. 43; nullopt = presumed met (Art. 43(5))
  std::string list_rule_row;             ///< sub-row id when a range has several ("embroidered")
  std::string wholly_obtained_category;  ///< Art. 44(1) point ("d"); "" = not stated
  std::optional<decimal> net_weight_kg;  ///< for the weight tolerance of Art. 48(1)(a)
  /// false: the ex-works price is not known (`ex_works_price` then gives only the currency). The
  /// rules that need no value (wholly obtained, change of heading, processes) still decide;
  /// a value rule or a value tolerance is undetermined, missing "ex_works_price".
  bool ex_works_price_known = true;
};

/// How one material counted, in the order of origin_product::materials.
struct material_outcome {
  std::size_t index = 0;
  material_status status = material_status::unknown;
  std::string cumulation;          ///< label of the cumulation used ("regional cumulation"), or ""
  bool broke_rule = false;         ///< did not satisfy the deciding alternative (tariff shift, stage)
  bool saved_by_tolerance = false; ///< ... but was allowed by a tolerance
};

/// The answer.
struct origin_verdict {
  origin_status status = origin_status::undetermined;
  std::optional<origin_basis> basis;  ///< set when status is originating
  std::string rule_text;              ///< the alternative (or article) that decided
  std::string rule_reference;         ///< the dataset record or legal reference behind it
  std::string row;                    ///< the list-rule row: "Chapter 69", "6301 to 6304 [embroidered]"
  bool ldc_column = false;            ///< column (a) of Annex 22-03 was used
  std::optional<money> non_originating_value;  ///< sum of non-originating (and unknown) materials
  std::optional<decimal> share;       ///< non_originating_value / ex-works price (12 places, half_even)
  std::optional<decimal> limit;       ///< max share of the value rule considered (0.5 = 50 %)
  std::optional<money> margin;        ///< limit x ex-works price - non_originating_value (exact)
  std::vector<material_outcome> materials;
  std::vector<finding> findings;
  std::vector<std::string> missing;   ///< what must be supplied to decide (undetermined only)
};

/// How much more non-originating material the product could take, at its ex-works price: over
/// the alternatives of its list rule that pass (or fail on their value limits alone), the largest
/// margin left under their value limits (max_nom_value, material caps); `unlimited` when a passing
/// alternative has no value limit (a change of heading alone: more material of another heading
/// keeps it). Extra material is assumed not to break the alternative otherwise (another heading,
/// an allowed stage). A wholly obtained product is measured against its list rule.
struct origin_headroom {
  origin_status status = origin_status::undetermined;  ///< of the product as it is
  bool unlimited = false;       ///< a passing alternative sets no value limit (e.g. CTH alone)
  std::optional<money> amount;  ///< extra value still allowed; negative = the cut needed; nullopt =
                                ///< no value-limited alternative applies (see missing)
  std::string rule_text;        ///< the alternative the amount (or unlimited) comes from
  std::vector<std::string> missing;
};

/// A material whose sourcing in the exporting country would change the verdict.
struct origin_flip {
  std::size_t material = 0;
  std::string description;
  origin_status from = origin_status::undetermined;
  origin_status to = origin_status::undetermined;
};

/// The engine, prepared once for one reference_data (which it keeps alive). Immutable and
/// thread-safe; reuse it for batches.
class origin_assessor {
 public:
  origin_assessor(origin_scheme scheme, const reference_data& data);
  ~origin_assessor();
  origin_assessor(const origin_assessor&);
  origin_assessor& operator=(const origin_assessor&);
  origin_assessor(origin_assessor&&) noexcept;
  origin_assessor& operator=(origin_assessor&&) noexcept;

  /// The verdict with findings, figures and what is missing.
  origin_verdict assess(const origin_product& product) const;
  /// The same decision without building any text: for batches and what-if searches.
  origin_status status(const origin_product& product) const;
  /// Extra non-originating value the product could take (or the cut it needs).
  origin_headroom headroom(const origin_product& product) const;
  /// The single materials whose sourcing in the exporting country (as originating) flips the
  /// verdict.
  std::vector<origin_flip> local_sourcing_flips(const origin_product& product) const;

  struct impl;

 private:
  impl* impl_;
};

/// Assesses `product` under the EU GSP rules of origin.
origin_verdict assess_origin(const origin_product& product, const reference_data& data);
/// Assesses `product` under `scheme`.
origin_verdict assess_origin(const origin_product& product, origin_scheme scheme,
                             const reference_data& data);
/// origin_assessor(eu_gsp, data).headroom(product).
origin_headroom what_if_headroom(const origin_product& product, const reference_data& data);
/// origin_assessor(eu_gsp, data).local_sourcing_flips(product).
std::vector<origin_flip> what_if_local_sourcing(const origin_product& product,
                                                const reference_data& data);

FAIRPORT_END_NAMESPACE
