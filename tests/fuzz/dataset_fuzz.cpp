// libFuzzer target: a dataset file as a user's data layer (the strict reader, the merge by key
// and dates with the built-in dataset of the same id, and the loader of its schema), building
// only that dataset's table for speed (detail::load_dataset_alone); one input in 64 also goes
// through the whole reference_data::with_layer_text and with_override_text. A bad file is a
// fairport::error with a code; anything else escaping is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../../src/dataset/layer.hpp"
#include "fairport/data/reference_data.hpp"
#include "fairport/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    fairport::detail::load_dataset_alone(text, "fuzz.json");
  } catch (const fairport::error&) {
  }
  if (size % 64 == 7) {
    const auto& builtin = fairport::reference_data::builtin();
    try {
      (void)builtin.with_layer_text(text, "fuzz.json");
    } catch (const fairport::error&) {
    }
    try {
      (void)builtin.with_override_text(text, "fuzz.json");
    } catch (const fairport::error&) {
    }
  }
  return 0;
}
