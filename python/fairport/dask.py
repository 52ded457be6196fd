"""Run ``fairport.check_lines`` over a Dask DataFrame, partition by partition.

Each partition is priced by ``fairport.check_lines`` on its own: rows are independent, so the
result is exactly, to the last cent, what the single-process call gives on the whole table.
Amounts stay ``Decimal`` (object columns), as in pandas. The workers must be able to import
``fairport`` (install it on every machine, or set ``PYTHONPATH`` for the worker processes).

Reference data: ``data=None`` (the built-in set) or a directory path; with a path each task
loads the directory on its worker, so it must be readable there. A ``fairport.ReferenceData``
object cannot be sent to another process; pass the directory it was loaded from instead.

Dask is imported when ``check_lines`` is called (Debian: python3-dask, python3-distributed).

Notes
-----
Most users do not need this module: ``fairport.check_lines`` on a pandas DataFrame prices
about a million and a half lines a second on one core, and below a few million rows the
single-process call is faster than a cluster (building the graph, starting worker processes
and moving the partitions to them cost more than they save). Use ``fairport.dask.check_lines``
when

* the lines do not fit into one machine's memory (a year of customs declarations read from
  many CSV or Parquet files with ``dask.dataframe.read_csv(..., dtype=str)`` /
  ``read_parquet``), or
* the lines are already in a Dask DataFrame, or
* many cores or several machines are at hand (a ``dask.distributed`` cluster) and the table is
  large enough that splitting it pays.

The pricing holds Python's GIL while it reads and writes Python objects, so Dask's default
threaded scheduler gains little on one machine: use ``scheduler="processes"`` or a
``dask.distributed`` cluster. Keep the result on the workers (aggregate it, or write it with
``to_csv`` / ``to_parquet``) rather than collecting millions of ``Decimal`` objects into one
process with ``compute()``.
"""

from __future__ import annotations

import functools
import os
from typing import Any, List, Optional, Sequence, Tuple, Union

from ._check import _CHECK_LINES_COLUMNS
from ._check import check_lines as _check_lines_pandas
from ._core import FxRate, ReferenceData
from ._data import DataArg

__all__ = ["check_lines", "output_meta"]

# The columns fairport.check_lines returns, in order. The amounts are Decimal (or None) and
# the texts str (or None): every column has dtype object.
_OUTPUT_COLUMNS = _CHECK_LINES_COLUMNS

_REQUIRED_COLUMNS = (
    "as_of",
    "importer_country",
    "incoterm",
    "currency",
    "hs_code",
    "invoice_value",
)


def output_meta(index: Any = None, fixed_scale: Optional[int] = None) -> Any:
    """Return an empty DataFrame shaped like the result of ``check_lines`` (the Dask ``meta``).

    Parameters
    ----------
    index : pandas.Index, optional
        An empty index of the input's type, used as the frame's index when given.
    fixed_scale : int, optional
        As for ``check_lines``: the five figures are then of dtype ``Int64``.

    Returns
    -------
    pandas.DataFrame
        No rows; the columns of ``fairport.check_lines``, of dtype object (the figures
        ``Int64`` with ``fixed_scale``).
    """
    import pandas as pd  # optional dependency, imported when used

    def dtype(name: str) -> Any:
        figure = name in _OUTPUT_COLUMNS[:5]
        return "Int64" if figure and fixed_scale is not None else object

    if index is None:
        return pd.DataFrame({k: pd.Series([], dtype=dtype(k)) for k in _OUTPUT_COLUMNS})
    return pd.DataFrame({k: pd.Series([], dtype=dtype(k), index=index) for k in _OUTPUT_COLUMNS},
                        index=index)


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


def _check_partition(
    part: Any, data: Optional[Union[str, "os.PathLike[str]"]], rates: Tuple[Tuple[str, ...], ...],
    fixed_scale: Optional[int] = None,
) -> Any:
    exchange_rates = [FxRate(*r) for r in rates]
    result = _check_lines_pandas(part, exchange_rates=exchange_rates, data=data,
                                 fixed_scale=fixed_scale)
    # An empty partition gives empty lists: keep the dtypes the meta promises.
    if len(result) == 0:
        return result.astype(output_meta(result.index, fixed_scale).dtypes.to_dict())
    return result


def check_lines(ddf: Any, *, exchange_rates: Sequence[FxRate] = (), data: DataArg = None,
                fixed_scale: Optional[int] = None) -> Any:
    """Run ``fairport.check_lines`` on every partition of a Dask DataFrame.

    Lazy: nothing is computed until ``.compute()`` (or ``.persist()``, ``.to_csv()``,
    ``.to_parquet()`` ...). See the module notes for when this is worth using.

    Parameters
    ----------
    ddf : dask.dataframe.DataFrame
        The lines, with the input columns of ``fairport.check_lines``.
    exchange_rates : sequence of fairport.FxRate, optional
        Dated rates for invoices in other currencies, as for ``fairport.check_lines``; they
        travel to the workers as exact text.
    data : str, os.PathLike, ReferenceData or None, optional
        ``None`` (the built-in set, also when the built-in ``ReferenceData`` is passed) or a
        directory path that every worker can read.
    fixed_scale : int, optional
        The fixed-point form of ``fairport.check_lines``: amount columns as int64
        coefficients at this scale, the figures back as ``Int64`` coefficients (no ``Decimal``
        object is made on the workers).

    Returns
    -------
    dask.dataframe.DataFrame
        The columns of ``fairport.check_lines`` (``customs_value, duty, third_country_duty,
        vat, landed_cost, result_currency, regime, error_code, error_message``; amounts
        ``Decimal``), with the index and divisions of ``ddf``.

    Raises
    ------
    ValueError
        At once, when a required column is missing.
    TypeError
        If ``data`` is a ``ReferenceData`` object loaded from files (it cannot travel to the
        workers) or of another type.
    """
    missing: List[str] = [c for c in _REQUIRED_COLUMNS if c not in ddf.columns]
    if missing:
        raise ValueError("check_lines: missing column(s) " + ", ".join(missing))
    portable = _portable_data(data)
    meta = output_meta(ddf._meta.index, fixed_scale)
    # functools.partial keeps the path out of the task graph's arguments (a string there could
    # be taken for the key of another task).
    # Rates travel as (base, quote, rate, date, source, basis) text: exact, and picklable anywhere.
    rates = tuple(
        (r.base, r.quote, str(r.rate), r.date.isoformat(), r.source, r.basis)
        for r in exchange_rates
    )
    return ddf.map_partitions(
        functools.partial(_check_partition, data=portable, rates=rates, fixed_scale=fixed_scale),
        meta=meta
    )
