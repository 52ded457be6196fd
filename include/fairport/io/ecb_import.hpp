#pragma once
/// @file io/ecb_import.hpp
/// The monthly customs exchange rates of the EU, derived from the ECB's own reference-rate
/// history: the file the ECB distributes as `eurofxref-hist.csv` (in `eurofxref-hist.zip`) becomes
/// a `fairport.customs_exchange_rates/1` dataset (`eu_customs_exchange_rates`), the one the
/// library builds in and `fairport data import ecb FILE` writes for a user's newer file.
///
/// Synopsis
/// @code
/// struct ecb_import {
///   std::string dataset_json;             // the dataset file, ready to load
///   date::year_month first_month, last_month;
///   date::year_month_day first_fixing, last_fixing;
///   std::size_t months, rates;
///   std::vector<std::string> skipped;      // currencies not in iso4217_currencies
/// };
/// ecb_import customs_rates_from_ecb(std::string_view csv, const std::string& file,
///                                   const reference_data& data);   // 401 on a malformed file
/// @endcode
///
/// The rule (Implementing Regulation (EU) 2015/2447, Art. 146, as select_rate() applies it): the
/// customs rate of month M is the ECB's rate published on the penultimate Wednesday of M-1, or,
/// where none was published that day, on the last publication day before it (the six days before
/// are looked at; a longer gap leaves the month out). A month is derived only when the file
/// reaches that Wednesday, so a file that ends earlier never gives a rate "published before" for a
/// day it does not cover. A currency marked N/A on the publication day has no rate that month (an
/// older rate is never carried over); a currency not in the loaded ISO 4217 table (the legacy
/// currencies CYP, EEK, ... replaced by the euro) is skipped and named in `skipped`.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/data/reference_data.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// What customs_rates_from_ecb() made of an ECB file.
struct ecb_import {
  std::string dataset_json;  ///< fairport.customs_exchange_rates/1, indent 1
  date::year_month first_month{};
  date::year_month last_month{};
  date::year_month_day first_fixing{};
  date::year_month_day last_fixing{};
  std::size_t months = 0;  ///< records written
  std::size_t rates = 0;   ///< rates written, over all months
  std::vector<std::string> skipped;  ///< columns not in iso4217_currencies: "CYP", ...
};

/// The customs rates of every month `csv` (the ECB's eurofxref-hist.csv) decides.
/// @throws input_error [fairport.consignment.401] naming the file and line of a malformed row.
ecb_import customs_rates_from_ecb(std::string_view csv, const std::string& file,
                                  const reference_data& data);

FAIRPORT_END_NAMESPACE
