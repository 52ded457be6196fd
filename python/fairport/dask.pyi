from typing import Any, Optional, Sequence

from ._core import FxRate
from ._data import DataArg

def check_lines(ddf: Any, *, exchange_rates: Sequence[FxRate] = (), data: DataArg = None,
                fixed_scale: Optional[int] = None) -> Any: ...
def output_meta(index: Any = None, fixed_scale: Optional[int] = None) -> Any: ...
