from typing import Any, Sequence

from ._core import FxRate
from ._data import DataArg

def check_lines(ddf: Any, *, exchange_rates: Sequence[FxRate] = (), data: DataArg = None) -> Any: ...
def output_meta(index: Any = None) -> Any: ...
