#pragma once
/// @file origin/operations.hpp
/// The closed vocabulary of a line's `origin.operations`: what was done to the goods in the
/// exporting country. Three groups of ids, and nothing else:
///
/// - the insufficient operations of Delegated Regulation (EU) 2015/2446, Art. 47(1) (points (a)
///   to (p); dataset `eu_gsp_origin_general_rules`): goods that underwent only these, alone or
///   combined (point (q)), do not originate whatever the list rule says;
/// - the processes the list rules of Annex 22-03 Part II name (dataset `eu_gsp_list_rules`,
///   field `process`): `spinning`, `weaving`, `making_up`, `embroidery_and_making_up`, ...;
/// - fairport's working operations: crafts that go beyond Art. 47(1) and that no list rule
///   names (`felting`, `kiln_firing`, `leatherworking`, ...). The law gives them no id; these
///   are fairport's, each with the meaning it stands for.
///
/// An id outside the three groups is refused with [fairport.input.106] naming the field and the
/// accepted ids, so a wording never counts as working.
///
/// Synopsis
/// @code
/// enum class operation_group { insufficient, list_rule_process, working };
/// struct operation_entry { std::string id; operation_group group; std::string text, reference; };
/// const std::vector<operation_entry>& working_operations();
/// std::vector<operation_entry> operation_vocabulary(const reference_data&,
///                                                   std::optional<year_month_day>);
/// class operation_ids {                   // the accepted ids of one reference_data, prepared once
///   explicit operation_ids(const reference_data&);
///   bool accepts(std::string_view id, const year_month_day& as_of) const noexcept;
///   void require(std::string_view id, const year_month_day& as_of, std::string_view field) const;
/// };
/// @endcode

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/data/reference_data.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// Which group of the vocabulary an operation id belongs to.
enum class operation_group : unsigned char {
  insufficient,       ///< Art. 47(1) of Delegated Regulation (EU) 2015/2446
  list_rule_process,  ///< a process a list rule of Annex 22-03 Part II names
  working,            ///< fairport's id for working beyond Art. 47(1) that no list rule names
};

constexpr std::string_view to_string(operation_group g) noexcept {
  switch (g) {
    case operation_group::insufficient: return "insufficient";
    case operation_group::list_rule_process: return "list_rule_process";
    case operation_group::working: return "working";
  }
  return "working";
}

/// One accepted operation id with what it stands for.
struct operation_entry {
  std::string id;
  operation_group group = operation_group::working;
  std::string text;       ///< the legal wording (Art. 47(1), the list rule), or fairport's meaning
  std::string reference;  ///< the provision or dataset record
};

/// fairport's working operations (group `working`), in a fixed order.
const std::vector<operation_entry>& working_operations();

/// Every operation id accepted on `as_of` (nullopt: on any date), group by group: the Art. 47(1)
/// records, each list-rule process once (with the first rule text that names it), then the
/// working operations.
std::vector<operation_entry> operation_vocabulary(const reference_data& data,
                                                  const std::optional<date::year_month_day>& as_of);

/// The accepted ids of one reference_data, prepared once (the list-rule processes are collected
/// from every row). Immutable; safe to share.
class operation_ids {
 public:
  explicit operation_ids(const reference_data& data);

  /// True when `id` is an Art. 47(1) operation valid on `as_of`, a list-rule process or a
  /// working operation.
  bool accepts(std::string_view id, const date::year_month_day& as_of) const noexcept;

  /// @throws input_error [fairport.input.106] naming `field` and listing the accepted ids, unless
  /// accepts(id, as_of).
  void require(std::string_view id, const date::year_month_day& as_of,
               std::string_view field) const;

 private:
  reference_data data_;
  std::vector<std::string> processes_;  ///< sorted, unique
};

FAIRPORT_END_NAMESPACE
