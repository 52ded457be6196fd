#pragma once
// Private: the reference-data files compiled into the library (generated at build time).
#include <string_view>
#include <vector>

namespace fairport {
inline namespace v0 {
namespace detail {

struct builtin_file {
  std::string_view path;     ///< relative to src/data, with '/' separators, e.g. "currencies.json"
  std::string_view content;  ///< the file's bytes
};

/// Every file under src/data/, sorted by path. Immutable; safe to read from any thread.
const std::vector<builtin_file>& builtin_files();
/// The example consignments of src/examples/, by file name ("kg_felt_carpets_de.json").
const std::vector<builtin_file>& builtin_examples();

}  // namespace detail
}  // namespace v0
}  // namespace fairport
