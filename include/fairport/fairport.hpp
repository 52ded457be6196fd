#pragma once
/// @file fairport.hpp
/// The single include: every public fairport header except io/.
#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/currency.hpp"
#include "fairport/dataset.hpp"
#include "fairport/decimal.hpp"
#include "fairport/error.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/money.hpp"
#include "fairport/provenance.hpp"
#include "fairport/quantity.hpp"
#include "fairport/rate.hpp"
#include "fairport/timeline.hpp"
#include "fairport/unit_price.hpp"
#include "fairport/version.hpp"
