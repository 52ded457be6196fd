#pragma once
/// @file fairport.hpp
/// The single include: every public fairport header except io/.
#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/provenance.hpp"
#include "fairport/quantity.hpp"
#include "fairport/timeline.hpp"
#include "fairport/version.hpp"
