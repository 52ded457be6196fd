// The report's to-do list: the `missing` items of each line in words.
#include <string>
#include <vector>

#include "fairport/io/report_format.hpp"

FAIRPORT_BEGIN_NAMESPACE

namespace {

/// A preference `missing` pointer in words, with the provision that asks for it.
std::string pointer_text(const std::string& pointer) {
  const auto ends_with = [&](const std::string& tail) {
    return pointer.size() >= tail.size() &&
           pointer.compare(pointer.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (pointer == "/direct_transport") {
    return "a declaration that the goods are transported directly to the EU (direct_transport; "
           "Commission Delegated Regulation (EU) 2015/2446, Art. 43)";
  }
  if (pointer == "/exporter/rex_number") {
    return "the exporter's REX registration number (exporter.rex_number; Commission "
           "Implementing Regulation (EU) 2015/2447, Art. 92: a consignment of originating "
           "products above EUR 6,000 needs a registered exporter)";
  }
  if (ends_with("/origin")) {
    return "the origin claim of the line (origin: the materials with their heading, origin and "
           "value, and the operations; or a wholly obtained claim), so that the rules of origin "
           "can be applied (Delegated Regulation (EU) 2015/2446, Arts. 44-47 and Annex 22-03)";
  }
  return pointer;
}

}  // namespace

std::vector<report_todo> todo_list(const report& r) {
  std::vector<report_todo> out;
  for (const auto& l : r.lines) {
    // An origin decided by another alternative of its rule needs nothing more.
    if (l.origin && l.origin->status == origin_status::undetermined) {
      for (const auto& m : l.origin->missing) out.push_back({l.id, m, {}});
    }
    if (l.preference) {
      for (const auto& m : l.preference->missing) {
        out.push_back({l.id, pointer_text(m), m});
      }
    }
  }
  return out;
}

FAIRPORT_END_NAMESPACE
