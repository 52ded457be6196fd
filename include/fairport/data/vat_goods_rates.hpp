#pragma once
/// @file data/vat_goods_rates.hpp
/// Which VAT rate category of `eu_vat_rates` national law gives to imported goods, by member
/// state and CN range (dataset `eu_vat_goods_rates`): dried apricots into Germany are
/// "foodstuffs" (7 %), into Italy "super_reduced" (4 %).
///
/// Synopsis
/// @code
/// struct vat_goods_record { country_code country; std::string from, through; std::string category;
///                           provenance source; };
/// class vat_goods_table {
///   void add(const validity_interval&, vat_goods_record);   // 302 overlap, 315 crossing ranges
///   vat_goods_lookup find(country_code, const tariff_code&, year_month_day) const noexcept;
/// };
/// @endcode
/// A code is looked up by cn_range_index, the one narrowest-range rule; the rate itself stays in
/// eu_vat_rates (so a change of a member state's rate is made once).

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/data/cn_range_index.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/provenance.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// One member state's category for the goods of one CN range during one period.
struct vat_goods_record {
  country_code country;
  std::string from, through;  ///< 10-digit CN codes, inclusive
  std::string category;       ///< a category of eu_vat_rates: "foodstuffs", "reduced", ...
  provenance source;
};

/// The answer of vat_goods_table::find().
struct vat_goods_lookup {
  const vat_goods_record* record = nullptr;  ///< the narrowest record holding the code
  bool depends_on_subcode = false;           ///< a record covers only part of the code's range
};

/// Goods categories by member state, CN range and date. Immutable once built; safe to share.
class vat_goods_table {
 public:
  /// @throws data_error [fairport.data.302] on overlapping validity of one country and range,
  /// [fairport.data.315] when the range crosses another of the same country (ranges must nest).
  void add(const validity_interval& validity, vat_goods_record r);

  /// The narrowest record of `country` valid on `as_of` whose range holds every code `code`
  /// stands for. Does not allocate.
  vat_goods_lookup find(country_code country, const tariff_code& code,
                        const date::year_month_day& as_of) const noexcept;

  std::size_t record_count() const noexcept { return entries_.size(); }

 private:
  std::vector<std::pair<validity_interval, vat_goods_record>> entries_;
  std::map<country_code, cn_range_index> by_country_;
};

FAIRPORT_END_NAMESPACE
