#pragma once
/// @file gsp/preference.hpp
/// The EU's generalised scheme of preferences for one product from one country on one date:
/// which arrangement the country has (EBA, GSP+, standard GSP or none), whether the product is
/// covered, withdrawn for the country (Art. 19) or its GSP section graduated (Art. 8), the
/// preferential duty (Arts. 7, 12, 18 and 34 of
/// Regulation (EU) No 978/2012), the origin and transport conditions, and the statement on origin
/// (Commission Implementing Regulation (EU) 2015/2447, Arts. 78, 92, 99; the text of Annex 22-07
/// of Commission Delegated Regulation (EU) 2015/2446).
///
/// Synopsis
/// @code
/// enum class preference_regime { none, gsp, gsp_plus, eba };   // to_string: "none", "gsp", ...
/// enum class preference_status { granted, conditional, refused, undetermined };
/// enum class preference_reason { none, destination_not_eu, not_a_beneficiary,
///   beneficiary_status_unknown, product_not_covered, section_graduated, coverage_not_in_data,
///   coverage_depends_on_subcode, origin_not_shown, not_directly_transported,
///   exporter_not_registered, preference_withdrawn };
/// enum class condition_status { met, not_met, unchecked };
///
/// struct preference_query {
///   country_code exporter; tariff_code cn; country_code destination; date::year_month_day as_of;
///   std::optional<bool> originating;         // shown (true), not shown (false), unchecked
///   std::optional<bool> direct_transport;    // transported directly / not altered, or unchecked
///   std::optional<money> originating_value_eur; // all originating products of the consignment
///   bool exporter_registered_rex = false;
///   std::string exporter_name, rex_number, origin_criterion;   // for the statement text
///   std::optional<date::year_month_day> statement_date;        // default: as_of
/// };
///
/// // Pure: the preferential duty from the third-country duty (Arts. 7, 12, 18, 34).
/// duty_expression gsp_preferential_duty(const duty_expression& third_country,
///     preference_regime, gsp_product_coverage, bool textile_section,
///     const gsp_duty_rules_record& rules, findings& out);
///
/// struct preference_outcome { ... };            // the fast answer: enums and pointers, no strings
/// struct statement_on_origin { bool required; std::optional<bool> rex_required; decimal threshold;
///     std::optional<date::year_month_day> made_out, valid_until; std::string text; ... };
/// struct preference_decision {                   // the explained answer
///   preference_regime regime, applied, available;
///   preference_status status; preference_reason reason;
///   bool eligible() const;  condition_status origin, direct_transport;
///   std::optional<gsp_product_coverage> coverage; std::string section;
///   std::optional<duty_expression> third_country, preferential;
///   std::optional<provenance> tariff_source;
///   const duty_expression* payable() const;   // preferential if eligible, else third-country
///   statement_on_origin statement; findings findings;
/// };
///
/// class gsp_preference_engine {               // built once from the data; immutable; thread-safe
///   explicit gsp_preference_engine(const reference_data&);
///   preference_outcome evaluate(const preference_query&) const;   // no allocation
///   preference_decision decide(const preference_query&) const;    // with findings and papers
/// };
/// preference_decision decide_preference(const preference_query&, const reference_data&);
/// @endcode
/// A "no" is a value: status `refused` with the reason and findings that cite the act, article
/// and dataset record; exceptions are only for bad input (an invalid date [105], a value that is
/// not in EUR [203]).

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/data/gsp.hpp"
#include "fairport/data/gsp_coverage.hpp"
#include "fairport/data/tariffs.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/decimal.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/money.hpp"
#include "fairport/provenance.hpp"
#include "fairport/verdict.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The arrangement of Regulation (EU) No 978/2012 that a country has, or that applies.
enum class preference_regime : unsigned char {
  none,      ///< not a beneficiary, or no preference applies
  gsp,       ///< general arrangement (Annex II, Art. 7)
  gsp_plus,  ///< special incentive arrangement (Annex III, Art. 12)
  eba,       ///< Everything But Arms (Annex IV, Art. 18)
};

/// "none", "gsp", "gsp_plus", "eba".
constexpr std::string_view to_string(preference_regime r) noexcept {
  switch (r) {
    case preference_regime::none: return "none";
    case preference_regime::gsp: return "gsp";
    case preference_regime::gsp_plus: return "gsp_plus";
    case preference_regime::eba: return "eba";
  }
  return "none";
}

/// The regime of an arrangement.
constexpr preference_regime to_regime(gsp_arrangement a) noexcept {
  switch (a) {
    case gsp_arrangement::gsp: return preference_regime::gsp;
    case gsp_arrangement::gsp_plus: return preference_regime::gsp_plus;
    case gsp_arrangement::eba: return preference_regime::eba;
  }
  return preference_regime::none;
}

/// The verdict on the preference.
enum class preference_status : unsigned char {
  granted,       ///< the preference applies: every condition was checked and met
  /// The product and country qualify, but a condition is not shown (origin, transport, the
  /// value for the REX threshold): no preference is given (fail closed, the third-country duty
  /// is due); `preferential` is the duty the goods would pay once the conditions are shown.
  conditional,
  refused,       ///< no preference: the reason says why; the third-country duty is due
  undetermined,  ///< the data cannot settle it (the reason says which data is missing)
};

/// "granted", "conditional", "refused", "undetermined".
constexpr std::string_view to_string(preference_status s) noexcept {
  switch (s) {
    case preference_status::granted: return "granted";
    case preference_status::conditional: return "conditional";
    case preference_status::refused: return "refused";
    case preference_status::undetermined: return "undetermined";
  }
  return "undetermined";
}

/// Why a preference is refused or undetermined (`none` when it applies).
enum class preference_reason : unsigned char {
  none,
  destination_not_eu,           ///< the destination is not an EU member state on the date
  not_a_beneficiary,            ///< the country is in none of Annexes II, III, IV on the date
  beneficiary_status_unknown,   ///< the date is before the beneficiary data for the country
  product_not_covered,          ///< not in Annex V / IX (or Chapter 93 for EBA)
  section_graduated,            ///< the product's GSP section is suspended for the country (Art. 8)
  coverage_not_in_data,         ///< the coverage dataset has no row for the code on the date
  coverage_depends_on_subcode,  ///< the code is too short: its sub-codes are covered differently
  origin_not_shown,             ///< the goods are declared not to originate (Art. 33(1))
  not_directly_transported,     ///< the transport condition is declared not met
  exporter_not_registered,      ///< above the REX threshold the exporter must be registered
  preference_withdrawn,         ///< preferences temporarily withdrawn for the country (Art. 19)
};

/// Stable snake_case name of a reason.
constexpr std::string_view to_string(preference_reason r) noexcept {
  switch (r) {
    case preference_reason::none: return "none";
    case preference_reason::destination_not_eu: return "destination_not_eu";
    case preference_reason::not_a_beneficiary: return "not_a_beneficiary";
    case preference_reason::beneficiary_status_unknown: return "beneficiary_status_unknown";
    case preference_reason::product_not_covered: return "product_not_covered";
    case preference_reason::section_graduated: return "section_graduated";
    case preference_reason::coverage_not_in_data: return "coverage_not_in_data";
    case preference_reason::coverage_depends_on_subcode: return "coverage_depends_on_subcode";
    case preference_reason::origin_not_shown: return "origin_not_shown";
    case preference_reason::not_directly_transported: return "not_directly_transported";
    case preference_reason::exporter_not_registered: return "exporter_not_registered";
    case preference_reason::preference_withdrawn: return "preference_withdrawn";
  }
  return "none";
}

/// Whether a condition of the preference was checked.
enum class condition_status : unsigned char { met, not_met, unchecked };

/// "met", "not_met", "unchecked".
constexpr std::string_view to_string(condition_status c) noexcept {
  switch (c) {
    case condition_status::met: return "met";
    case condition_status::not_met: return "not_met";
    case condition_status::unchecked: return "unchecked";
  }
  return "unchecked";
}

/// One question: this product, from this country, into this EU member state, on this date:
/// `preference_query q{exporter, cn, destination, as_of};` then set the optional fields.
struct preference_query {
  /// The four inputs every question needs; the others start unchecked / empty.
  preference_query(country_code exporter_country, tariff_code cn_code,
                   country_code destination_country, const date::year_month_day& date) noexcept
      : exporter(exporter_country), cn(cn_code), destination(destination_country), as_of(date) {}

  country_code exporter;             ///< exporting (beneficiary) country
  tariff_code cn;                    ///< CN code, 2 to 10 digits
  country_code destination;          ///< importing EU member state
  date::year_month_day as_of;        ///< date of the import (release for free circulation)
  std::optional<bool> originating;   ///< the goods originate (true) / do not (false) / unchecked
  std::optional<bool> direct_transport;  ///< transport condition met / not met / unchecked
  std::optional<money> originating_value_eur;  ///< value of all originating products consigned
  bool exporter_registered_rex = false;        ///< the exporter is a registered exporter (REX)
  /// The importer holds a statement on origin for these goods made out as Implementing Reg.
  /// 2015/2447 Art. 92 requires (by a registered exporter where the value needs one): the proof
  /// condition is shown whatever `originating_value_eur` says.
  bool proof_of_origin_held = false;
  std::string exporter_name;         ///< for the statement on origin
  std::string rex_number;            ///< for the statement on origin
  std::string origin_criterion;      ///< "P", or "W" + HS heading ("W 57.02"), Annex 22-07
  std::optional<date::year_month_day> statement_date;  ///< date the statement is made out
  /// The caller writes the statement's text once for the whole consignment (the consignment
  /// check does, in its documents): the decision then leaves `statement.text` empty and its
  /// finding `gsp.proof.text` says where the text is, so a report stays linear in its lines.
  bool statement_in_documents = false;
};

/// The preferential duty for `third_country` under `regime` for a product with `coverage`
/// (`textile_section`: a section of Art. 7(2), second sentence, per `rules`). Applies Art. 7
/// (general arrangement), Art. 12 (GSP+), Art. 18(1) (EBA) and Art. 34 (suspension of small
/// duties and rounding down) of Regulation (EU) No 978/2012 with the figures of `rules` (dataset
/// eu_gsp_duty_rules), and explains each step in `out`.
/// A part fairport cannot compute (an unmodelled third-country duty, a minimum under GSP+)
/// gives a result with `modelled == false`: it is reported, never guessed.
/// `regime == none` or `coverage == not_listed` returns `third_country` unchanged.
/// Does not throw except std::bad_alloc.
duty_expression gsp_preferential_duty(const duty_expression& third_country,
                                      preference_regime regime, gsp_product_coverage coverage,
                                      bool textile_section, const gsp_duty_rules_record& rules,
                                      findings& out);

/// The answer of gsp_preference_engine::evaluate: enums, flags and pointers into the engine's
/// data (valid as long as the engine lives). No strings; copying it does not allocate.
struct preference_outcome {
  preference_regime regime = preference_regime::none;   ///< best arrangement the country has
  preference_regime applied = preference_regime::none;  ///< arrangement giving the preference
  /// Arrangement that covers the product (set even when a condition refuses the preference).
  preference_regime available = preference_regime::none;
  preference_status status = preference_status::undetermined;
  preference_reason reason = preference_reason::none;
  condition_status origin = condition_status::unchecked;
  condition_status direct_transport = condition_status::unchecked;
  std::optional<bool> rex_required;  ///< nullopt when the originating value is not given
  std::array<const gsp_beneficiary_record*, 3> arrangements{};  ///< gsp, gsp_plus, eba on as_of
  const gsp_beneficiary_record* applied_record = nullptr;
  const gsp_coverage_record* coverage = nullptr;        ///< Annex row behind `available` / refusal
  const gsp_graduation_record* graduation = nullptr;    ///< set when the section is graduated
  const gsp_coverage_record* withdrawal = nullptr;      ///< set when a withdrawal row applies
  const tariff_record* tariff = nullptr;                ///< third-country duty record
  const duty_expression* preferential = nullptr;        ///< precomputed; null when none applies
  const threshold_record* rex_threshold = nullptr;
  const gsp_duty_rules_record* duty_rules = nullptr;    ///< the Arts. 7, 18, 34 figures on as_of

  /// True only when granted: a conditional preference is not given until its conditions are
  /// shown (Reg. 978/2012, Art. 33(1): the preference requires originating products).
  bool eligible() const noexcept { return status == preference_status::granted; }
};

/// The proof of origin a preference needs.
struct statement_on_origin {
  bool required = false;                ///< a statement on origin is needed to claim it
  std::optional<bool> rex_required;     ///< exporter must be registered; nullopt: value unknown
  std::optional<decimal> threshold_eur; ///< the REX threshold on the date
  std::optional<date::year_month_day> made_out;     ///< statement_date or as_of
  std::optional<date::year_month_day> valid_until;  ///< last day of its 12 months (Art. 99(2))
  std::string text;                     ///< Annex 22-07, English version, filled in
};

/// The explained answer.
struct preference_decision {
  preference_regime regime = preference_regime::none;   ///< best arrangement the country has
  preference_regime applied = preference_regime::none;  ///< arrangement giving the preference
  /// Arrangement that covers the product; differs from `applied` when origin, transport or the
  /// REX registration refuse it (the papers are then still described).
  preference_regime available = preference_regime::none;
  preference_status status = preference_status::undetermined;
  preference_reason reason = preference_reason::none;
  condition_status origin = condition_status::unchecked;
  condition_status direct_transport = condition_status::unchecked;
  std::optional<gsp_product_coverage> coverage;  ///< how the applied (or refusing) Annex lists it
  std::string section;                           ///< GSP section, "S-11a"
  std::optional<duty_expression> third_country;  ///< erga omnes duty; nullopt when not in data
  std::optional<provenance> tariff_source;
  /// Duty under the preference: the duty due when granted, the duty the goods would pay once the
  /// conditions are shown when conditional; nullopt when no preference is available.
  std::optional<duty_expression> preferential;
  statement_on_origin statement;
  ::fairport::findings findings;  ///< every step, with act, article and dataset record

  /// True only when granted: a conditional preference is not given until its conditions are
  /// shown (fail closed; `preferential` is then the duty it would give).
  bool eligible() const noexcept { return status == preference_status::granted; }
  /// The duty due: the preferential one when granted and known, else the third-country one
  /// (null when neither is known).
  const duty_expression* payable() const noexcept {
    if (eligible()) return preferential ? &*preferential : nullptr;
    return third_country ? &*third_country : nullptr;
  }
};

/// The preference engine: indexes the beneficiary, graduation, coverage, tariff, country-group
/// and threshold datasets once, and precomputes each tariff line's preferential duties.
/// Immutable after construction; evaluate() and decide() are safe to call from many threads.
class gsp_preference_engine {
 public:
  /// Indexes `data` (a cheap shared copy of it is kept). Complexity: linear in the records.
  explicit gsp_preference_engine(const reference_data& data);

  /// The decision without findings or papers: a few table look-ups, no allocation.
  /// @throws input_error [fairport.input.105] when `as_of` is not a valid date;
  ///         arithmetic_error [fairport.arithmetic.203] when the value is not in EUR.
  preference_outcome evaluate(const preference_query& q) const;

  /// The decision with findings, duties and the statement on origin.
  /// @throws as evaluate(), and input_error [fairport.input.105] for an invalid statement date.
  preference_decision decide(const preference_query& q) const;

  /// The data the engine was built from.
  const reference_data& data() const noexcept;

  struct impl;

 private:
  std::shared_ptr<const impl> impl_;
};

/// decide() with an engine built for this one call (linear in the data: for many decisions,
/// build a gsp_preference_engine once).
preference_decision decide_preference(const preference_query& q, const reference_data& data);

/// The last day of the 12 months for which a statement on origin made out on `made_out` is valid
/// (Art. 99(2) of Regulation (EU) 2015/2447, counted as Art. 3(2)(c) of Regulation (EEC,
/// Euratom) No 1182/71: the same date one year later, or the month's last day if there is none).
date::year_month_day statement_valid_until(const date::year_month_day& made_out);

/// Annex 22-07 (English version) filled in: exporter, REX number (left out when empty),
/// country of preferential origin and origin criterion; an empty field prints as "…".
std::string statement_on_origin_text(std::string_view exporter, std::string_view rex_number,
                                     std::string_view origin_country,
                                     std::string_view origin_criterion);

/// A duty in the CN's notation: "6,4 %", "free", "9 % + 24,2 EUR/100kg MAX 12 %".
std::string format_duty(const duty_expression& d);

FAIRPORT_END_NAMESPACE
