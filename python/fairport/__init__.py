"""fairport: fair producer prices, EU landed cost, GSP eligibility and rules of origin, exactly.

Amounts go in as ``decimal.Decimal``, ``str`` or ``int`` and come out as ``decimal.Decimal``;
a ``float`` passed as money raises ``TypeError``.
"""

from . import errors
from ._core import (
    FxRate,
    Money,
    RoundingMode,
    __version__,
    allocate,
    decimal_from_float,
    divide,
    extend_lines,
    multiply,
    parse_decimal,
    round,
    round_significant,
    sum_decimals,
)

__all__ = [
    "FxRate",
    "Money",
    "RoundingMode",
    "__version__",
    "allocate",
    "decimal_from_float",
    "divide",
    "errors",
    "extend_lines",
    "multiply",
    "parse_decimal",
    "round",
    "round_significant",
    "sum_decimals",
]
