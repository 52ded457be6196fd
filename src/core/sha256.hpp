#pragma once
// Private: SHA-256 (FIPS 180-4), used to check dataset files against the manifest.
#include <string>
#include <string_view>

namespace fairport {
inline namespace v0 {
namespace detail {

/// Lower-case hex SHA-256 digest of `bytes`.
std::string sha256_hex(std::string_view bytes);

}  // namespace detail
}  // namespace v0
}  // namespace fairport
