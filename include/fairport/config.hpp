#pragma once
/// @file config.hpp
/// Namespace and attribute macros. Everything public lives in `fairport::v0`, an inline
/// namespace, so that a future ABI break can live beside it.

#include "fairport/version.hpp"

#define FAIRPORT_BEGIN_NAMESPACE \
  namespace fairport {           \
  inline namespace v0 {
#define FAIRPORT_END_NAMESPACE \
  }                            \
  }

#define FAIRPORT_DEPRECATED(msg) [[deprecated(msg)]]

#if defined(__SIZEOF_INT128__)
#define FAIRPORT_HAS_INT128 1
#else
#error "fairport needs a compiler with a native 128-bit integer (__int128)"
#endif
