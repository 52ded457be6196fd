#pragma once
// Private: merging a user's dataset file into a loaded dataset (reference_data::with_layer).
//
// Synopsis
//   dataset_layer merge_layer(raw_dataset& base, raw_dataset layer, const std::string& file);
//   void mark_layer(raw_dataset& ds, const std::string& file);   // a user file that adds a dataset
//
// The rule, one home: a user record replaces the base records of the same key (JSON equality;
// for a CN-range key, the same other fields and a range the user's range holds) for the days it
// covers. A base record is cut to the days outside the user record (two pieces
// when it straddles it, none when the user record covers it), a user record whose value is
// null withdraws the base records for its days and is not kept, and base records of other keys
// stay. Records from the user's file carry its name and version (raw_record::layer_file), so
// their provenance and their loading errors name it.

#include <string>

#include "dataset/dataset_reader.hpp"
#include "fairport/data/reference_data.hpp"

namespace fairport {
inline namespace v0 {
namespace detail {

/// Merges `layer` into `base` (same dataset id and schema, checked by the caller, and `layer`
/// checked for overlaps of its own). Returns what the file changed.
dataset_layer merge_layer(raw_dataset& base, raw_dataset layer, const std::string& file,
                          const std::string& sha256);

/// One user file loaded as with_layer_text() loads it (strict reading, its own overlaps, the
/// merge with the built-in dataset of the same id, the schema's loader), but building only that
/// dataset's table on the built-in code tables: the fuzz target's fast path (defined with the
/// loaders, in reference_data.cpp). @throws what with_layer_text() throws.
void load_dataset_alone(std::string_view text, const std::string& name);

/// Marks every record of a user file that adds a dataset of its own as the user's.
dataset_layer mark_layer(raw_dataset& ds, const std::string& file, const std::string& sha256);

}  // namespace detail
}  // namespace v0
}  // namespace fairport
