// fairport/fwd.hpp: forward declarations of fairport's value types and reference-data tables,
// for headers that name them without using them (a function taking `const reference_data&`,
// a table accessor). Include the type's own header where its members are used.
#pragma once

#include "fairport/config.hpp"

FAIRPORT_BEGIN_NAMESPACE

class decimal;
class money;
class currency_code;
class country_code;
class tariff_code;
class fx_rate;

class reference_data;
struct dataset_info;

class currency_table;
class country_table;
class vat_table;
class tariff_table;
class fx_rate_table;
class fairtrade_price_table;
class wage_table;
class gsp_beneficiary_table;
class gsp_graduation_table;
class threshold_table;
class gsp_duty_rules_table;
class list_rule_table;
class gsp_coverage_table;
class vat_goods_table;
class cn_nomenclature_table;
class incoterm_table;
class low_value_relief_table;
class rounding_policy_table;
class origin_general_rule_table;

FAIRPORT_END_NAMESPACE
