#pragma once
/// @file check/vocabulary.hpp
/// The closed vocabularies of the consignment document, each value with the legal text it
/// stands for, as `fairport vocab [NAME]` and `fairport.vocabulary()` print them. A value outside
/// its vocabulary is refused at the input with a coded error naming the field.
///
/// Synopsis
/// @code
/// struct vocabulary_value { std::string id, group, text, reference; };
/// struct vocabulary { std::string name, field, text; std::vector<vocabulary_value> values; };
/// std::vector<std::string> vocabulary_names();
/// std::vector<vocabulary> vocabularies(const reference_data&, std::optional<year_month_day>);
/// vocabulary vocabulary_named(std::string_view name, const reference_data&,
///                             std::optional<year_month_day> as_of);   // nullopt: any date
/// @endcode

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/fwd.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// One accepted value.
struct vocabulary_value {
  std::string id;
  std::string group;      ///< a subdivision ("insufficient", "working"), or ""
  std::string text;       ///< the legal wording, or what the value means
  std::string reference;  ///< the provision or dataset record
};

/// One vocabulary: where it is used and its values on a date.
struct vocabulary {
  std::string name;   ///< "operations"
  std::string field;  ///< where the document uses it: "lines[].origin.operations[]"
  std::string text;   ///< what it is
  std::vector<vocabulary_value> values;
};

/// The names, in a fixed order: operations, cumulation, wholly_obtained_category,
/// list_rule_row, vat_category, unit, incoterm, allocation, charge_kind.
std::vector<std::string> vocabulary_names();

/// Every vocabulary with the values valid on `as_of` in `data` (nullopt: valid on any date; an
/// Incoterms rule then shows its latest record).
std::vector<vocabulary> vocabularies(const reference_data& data,
                                     const std::optional<date::year_month_day>& as_of);

/// The vocabulary `name`. @throws input_error [fairport.input.106] naming the known names.
vocabulary vocabulary_named(std::string_view name, const reference_data& data,
                            const std::optional<date::year_month_day>& as_of);

FAIRPORT_END_NAMESPACE
