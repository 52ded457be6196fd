"""Fair producer prices, EU landed cost, GSP eligibility and rules of origin, exactly.

Amounts go in as ``decimal.Decimal``, ``str`` or ``int`` and come out as ``decimal.Decimal``;
a ``float`` passed as money raises ``TypeError``.
"""

from . import errors
from ._core import (
    FxRate,
    Money,
    ReferenceData,
    RoundingMode,
    __version__,
    allocate,
    decimal_from_float,
    divide,
    extend_lines,
    extend_lines_fixed,
    multiply,
    parse_decimal,
    round,
    round_significant,
    sum_decimals,
)
from ._check import (
    Report,
    check_consignment,
    check_lines,
    example_consignment,
    example_names,
    landed_cost_columns,
    read_rates,
)
from ._data import Vocabulary, VocabularyValue, datasets, load_reference_data, vocabulary
from ._tariff import (
    TariffHit,
    TariffSummary,
    XiTariffImport,
    import_xi_tariff,
    tariff_search,
    tariff_show,
)
from ._frames import artisan_fair_prices, assess_origins, decide_preferences
from ._engines import (
    PriceChain,
    Verdict,
    artisan_fair_price,
    assess_origin,
    decide_preference,
    fairtrade_price,
    fairtrade_prices,
    price_chain,
)

__all__ = [
    "FxRate",
    "Money",
    "PriceChain",
    "ReferenceData",
    "Report",
    "TariffHit",
    "TariffSummary",
    "RoundingMode",
    "Verdict",
    "Vocabulary",
    "XiTariffImport",
    "VocabularyValue",
    "__version__",
    "allocate",
    "artisan_fair_price",
    "artisan_fair_prices",
    "assess_origin",
    "assess_origins",
    "check_consignment",
    "check_lines",
    "datasets",
    "decide_preference",
    "decide_preferences",
    "decimal_from_float",
    "divide",
    "errors",
    "example_consignment",
    "example_names",
    "extend_lines",
    "extend_lines_fixed",
    "import_xi_tariff",
    "fairtrade_price",
    "fairtrade_prices",
    "landed_cost_columns",
    "load_reference_data",
    "multiply",
    "parse_decimal",
    "price_chain",
    "read_rates",
    "round",
    "round_significant",
    "sum_decimals",
    "tariff_search",
    "tariff_show",
    "vocabulary",
]
