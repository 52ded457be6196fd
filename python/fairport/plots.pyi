from decimal import Decimal
from typing import Any, Optional, Sequence, Tuple, Union

from ._check import Report

def plot_landed_cost(report: Union[Report, dict[str, Any]], ax: Any = None) -> Any: ...
def plot_duty_savings(data: Any, ax: Any = None, *, label: Optional[str] = None) -> Any: ...
def plot_price_chain(
    stages: Sequence[Tuple[str, Union[Decimal, str, int]]],
    ax: Any = None,
    *,
    total_label: str = "total",
) -> Any: ...
