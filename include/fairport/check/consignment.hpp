#pragma once
/// @file consignment.hpp
/// A consignment as an export adviser describes it (the `fairport.consignment/1` document):
/// exporter, importer, Incoterm, costs, rates and lines with their bill of materials and the
/// producer's price. Plain value types; `io/json.hpp` reads and writes them.
///
/// Synopsis
/// @code
/// struct party { std::string name; country_code country; std::string rex_number; };
/// struct material_input { description, hs_code, origin (nullopt = unknown), value, cumulation,
/// weight_kg }; struct origin_claim { bool wholly_obtained; std::vector<material_input> materials;
/// std::vector<std::string> operations; }; struct artisan_claim { materials_per_unit,
/// labour_minutes_per_unit, hourly_wage, overhead_rate, margin_rate }; struct fairtrade_claim {
/// product, market_price, market_price_unit, organic, region, quality }; struct producer_claim {
/// std::optional<decimal> price_paid_per_unit, premium_paid_per_unit;
/// std::optional<artisan_claim> artisan;
///                         std::optional<fairtrade_claim> fairtrade; };
/// struct consignment_line { id, description, hs_code, quantity, net_mass, supplementary,
/// invoice_value,
///                           ex_works_price, vat_category, charges, additions, origin, producer };
/// struct consignment { id, as_of, exporter, importer, terms, currency, declaration_currency,
///                      named_place_beyond_border, direct_transport, ioss, costs, exchange_rates,
///                      charges, lines };
/// @endcode
/// Producer prices are in the consignment's currency, per unit of the line's quantity.

#include <optional>
#include <string>
#include <vector>

#include "fairport/calendar.hpp"
#include "fairport/config.hpp"
#include "fairport/country.hpp"
#include "fairport/currency.hpp"
#include "fairport/data/customs.hpp"
#include "fairport/decimal.hpp"
#include "fairport/hs_code.hpp"
#include "fairport/landed_cost/landed_cost.hpp"
#include "fairport/money.hpp"
#include "fairport/quantity.hpp"
#include "fairport/rate.hpp"

FAIRPORT_BEGIN_NAMESPACE

/// The exporter or the importer.
struct party {
  std::string name;
  country_code country;
  std::string rex_number;  ///< the exporter's REX registration number, when registered
};

/// One material of a line's bill of materials.
struct material_input {
  std::string description;
  tariff_code hs_code = tariff_code::parse("00");
  std::optional<country_code> origin;     ///< nullopt: origin unknown
  std::optional<decimal> value;           ///< in the consignment currency; nullopt: not known
  /// A proof of the material's originating status is held for cumulation (JSON true, "eu" or
  /// the material's origin code; see cumulation_indication); false, absent: none.
  bool cumulation = false;
  std::optional<decimal> weight_kg;
};

/// What the exporter says about the origin of a line.
struct origin_claim {
  bool wholly_obtained = false;
  std::vector<material_input> materials;
  std::vector<std::string> operations;   ///< ids of origin/operations.hpp ("felting", "making_up")
  std::string list_rule_row;             ///< the list-rule sub-row when a range has several
  std::string wholly_obtained_category;  ///< Art. 44(1) point of a wholly obtained claim ("d")
};

/// An artisan's cost build-up per unit, in the consignment currency.
struct artisan_claim {
  decimal materials_per_unit;
  decimal labour_minutes_per_unit;
  decimal hourly_wage;
  decimal overhead_rate;  ///< fraction
  decimal margin_rate;    ///< fraction
};

/// A Fairtrade commodity and its market price.
struct fairtrade_claim {
  std::string product;  ///< a product of the dataset fairtrade_minimum_prices
  money market_price = detail::no_money();
  std::string market_price_unit;  ///< "lb", "kg", "t", "quintal46kg" ...
  bool organic = false;
  std::string region;   ///< empty: the dataset's default region for the product
  std::string quality;  ///< empty: the dataset's default quality
  /// The date the contract was signed: its Fairtrade Minimum Price and Premium apply (nullopt:
  /// those of the declaration date, with a warning).
  std::optional<date::year_month_day> contract_date;
};

/// The producer's price and how to judge it.
struct producer_claim {
  std::optional<decimal> price_paid_per_unit;
  /// The Fairtrade Premium paid per unit (to the producer organisation, often invoiced apart);
  /// given, the price and the premium are judged apart. Fairtrade lines only.
  std::optional<decimal> premium_paid_per_unit;
  std::optional<artisan_claim> artisan;
  std::optional<fairtrade_claim> fairtrade;
};

/// One line of a consignment.
struct consignment_line {
  std::string id;
  std::string description;
  tariff_code hs_code = tariff_code::parse("00");
  std::optional<measure> quantity;
  std::optional<fairport::quantity<mass>> net_mass;
  std::optional<fairport::quantity<mass>> gross_mass;  ///< for duties on gross mass
  std::vector<measure> supplementary;
  decimal invoice_value;
  std::optional<decimal> ex_works_price;
  std::string vat_category;  ///< empty: by the goods (select_vat_rate)
  std::vector<charge> charges;
  /// Union Customs Code Art. 71(1)(a)-(d): commissions, containers, packing, assists,
  /// royalties, proceeds, paid by the buyer and not in the invoice value.
  std::vector<customs_value_addition> additions;
  std::optional<origin_claim> origin;
  std::optional<producer_claim> producer;
};

/// A consignment: everything the check needs besides the reference data.
struct consignment {
  std::string id;
  date::year_month_day as_of;
  party exporter;
  party importer;
  incoterm terms = incoterm::exw;
  currency_code currency;
  std::optional<currency_code> declaration_currency;
  std::optional<bool> named_place_beyond_border;
  std::optional<transport_mode> transport;        ///< transport.mode
  std::optional<country_code> departure_country;  ///< transport.departure_country
  std::optional<bool>
      direct_transport;  ///< declared direct transport (Art. 43 DA); nullopt: not declared
  bool ioss = false;
  shipment_costs costs;
  std::vector<fx_rate> exchange_rates;
  std::vector<charge> charges;
  std::vector<consignment_line> lines;
};

FAIRPORT_END_NAMESPACE
