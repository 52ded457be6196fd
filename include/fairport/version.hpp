#pragma once
/// @file version.hpp
/// The single source of truth for fairport's version: CMake parses these lines, and
/// `fairport.__version__` comes from `_core`, which reads them.

#define FAIRPORT_VERSION_MAJOR 0
#define FAIRPORT_VERSION_MINOR 1
#define FAIRPORT_VERSION_PATCH 0

#define FAIRPORT_DETAIL_STR2(x) #x
#define FAIRPORT_DETAIL_STR(x) FAIRPORT_DETAIL_STR2(x)
#define FAIRPORT_VERSION_STRING                                                   \
  FAIRPORT_DETAIL_STR(FAIRPORT_VERSION_MAJOR)                                     \
  "." FAIRPORT_DETAIL_STR(FAIRPORT_VERSION_MINOR) "." FAIRPORT_DETAIL_STR(FAIRPORT_VERSION_PATCH)
