"""``fairport.check_lines`` over a Dask DataFrame, partition by partition.

When to use it
--------------
Most users do not need this module: ``fairport.check_lines`` on a pandas DataFrame prices a
million lines in about ten seconds on one core, and below a few million rows the single-process
call is faster than a cluster (building the graph, starting worker processes and moving the
partitions to them cost more than they save). Use ``fairport.dask.check_lines`` when

* the lines do not fit into one machine's memory (a year of customs declarations read from
  many Parquet or CSV files with ``dask.dataframe.read_parquet`` / ``read_csv``), or
* the lines are already in a Dask DataFrame, or
* many cores or several machines are at hand (a ``dask.distributed`` cluster) and the table is
  large enough that splitting it pays.

The pricing holds Python's GIL, so Dask's default threaded scheduler gives no speed-up on one
machine: use ``scheduler="processes"`` or a ``dask.distributed`` cluster.

Each partition is priced by ``fairport.check_lines`` on its own: rows are independent, so the
result is exactly, to the last cent, what the single-process call gives on the whole table.
Amounts stay ``Decimal`` (object columns), as in pandas. The workers must be able to import
``fairport`` (install it on every machine, or set ``PYTHONPATH`` for the worker processes).

Reference data: ``data=None`` (the built-in set) or a directory path; with a path each task
loads the directory on its worker, so it must be readable there. A ``fairport.ReferenceData``
object cannot be sent to another process; pass the directory it was loaded from instead.

Dask is imported when ``check_lines`` is called (Debian: python3-dask, python3-distributed).
"""

from __future__ import annotations

import functools
import os
from typing import Any, List, Optional, Union

from ._check import check_lines as _check_lines_pandas
from ._core import ReferenceData
from ._data import DataArg

__all__ = ["check_lines", "output_meta"]

# The columns fairport.check_lines returns, in order. The amounts are Decimal (or None) and
# the texts str (or None): every column has dtype object.
_OUTPUT_COLUMNS = (
    "customs_value",
    "duty",
    "vat",
    "landed_cost",
    "regime",
    "error_code",
    "error_message",
)

_REQUIRED_COLUMNS = (
    "as_of",
    "importer_country",
    "incoterm",
    "currency",
    "hs_code",
    "invoice_value",
)


def output_meta(index: Any = None) -> Any:
    """An empty pandas DataFrame shaped like the result of ``check_lines`` (all object columns),
    with ``index`` (an empty index of the input's type) when given; the ``meta`` for Dask."""
    import pandas as pd  # optional dependency, imported when used

    columns = {name: pd.Series([], dtype=object) for name in _OUTPUT_COLUMNS}
    if index is None:
        return pd.DataFrame(columns)
    return pd.DataFrame({k: pd.Series([], dtype=object, index=index) for k in columns}, index=index)


def _portable_data(data: DataArg) -> Optional[Union[str, "os.PathLike[str]"]]:
    """What can travel to a worker: None or a directory path."""
    if data is None or isinstance(data, (str, os.PathLike)):
        return data
    if isinstance(data, ReferenceData):
        if data.origin == "builtin":
            return None
        raise TypeError(
            "a fairport.ReferenceData object cannot be sent to Dask workers; pass data= the "
            "directory it was loaded from (each task loads it on its worker)"
        )
    raise TypeError(
        "data must be None, the built-in fairport.ReferenceData or a directory path, not "
        + type(data).__name__
    )


def _check_partition(part: Any, data: Optional[Union[str, "os.PathLike[str]"]]) -> Any:
    result = _check_lines_pandas(part, data=data)
    # An empty partition gives empty lists: keep the object dtype the meta promises.
    return result.astype(object) if len(result) == 0 else result


def check_lines(ddf: Any, *, data: DataArg = None) -> Any:
    """``fairport.check_lines`` on every partition of the Dask DataFrame ``ddf``.

    Same input columns and same result columns as ``fairport.check_lines`` (``customs_value,
    duty, vat, landed_cost, regime, error_code, error_message``; amounts ``Decimal``), with the
    index and divisions of ``ddf``. Lazy: nothing is computed until ``.compute()`` (or
    ``.persist()``, ``.to_parquet()`` ...). ``data`` is ``None`` or a directory path (see the
    module documentation for when this is worth using). Raises ``ValueError`` at once when a
    required column is missing.
    """
    missing: List[str] = [c for c in _REQUIRED_COLUMNS if c not in ddf.columns]
    if missing:
        raise ValueError("check_lines: missing column(s) " + ", ".join(missing))
    portable = _portable_data(data)
    meta = output_meta(ddf._meta.index)
    # functools.partial keeps the path out of the task graph's arguments (a string there could
    # be taken for the key of another task).
    return ddf.map_partitions(functools.partial(_check_partition, data=portable), meta=meta)
