// Loader of fairport.currencies/1 (ISO 4217).
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "dataset/builder.hpp"

FAIRPORT_BEGIN_NAMESPACE
namespace detail {

void builder::load_currencies(const raw_dataset& ds) {
  for (const auto& r : ds.records) {
    const auto kctx = record_context(ds, r, "/key");
    const auto vctx = record_context(ds, r, "/value");
    detail::reject_unknown_keys(r.key, {"code"}, kctx);
    detail::reject_unknown_keys(r.value, {"numeric", "minor_units", "name"}, vctx);
    const std::string code_text = detail::require_string(r.key, "code", kctx);
    auto code = currency_code::try_parse(code_text);
    if (!code) {
      detail::throw_error(errc::invalid_value, "not an ISO 4217 code: \"" + code_text + "\"",
                          record_context(ds, r, "/key/code"));
    }
    const decimal minor = detail::require_decimal(r.value, "minor_units", vctx);
    if (minor.scale() != 0 || minor.is_negative() || minor > decimal(4)) {
      detail::throw_error(errc::invalid_value,
                          "minor_units must be a whole number 0 to 4, got " + minor.to_string(),
                          record_context(ds, r, "/value/minor_units"));
    }
    currency_info info;
    info.code = *code;
    info.minor_units = static_cast<int>(minor.to_int64());
    info.name = detail::require_string(r.value, "name", vctx);
    info.numeric = detail::require_string(r.value, "numeric", vctx);
    info.validity = r.validity;
    info.reference = r.reference;
    currencies.add(std::move(info));
  }
  have_currencies = true;
}

}  // namespace detail
FAIRPORT_END_NAMESPACE
