"""The consignment check and the landed-cost columns for Python users.

Documents are ``dict`` (or JSON text, or a path) in the ``fairport.consignment/1`` shape; every
amount is a ``Decimal``, ``str`` or ``int``. A ``float`` anywhere in a document raises
``TypeError``: binary floating point cannot hold most money amounts exactly.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

from . import _core
from ._data import DataArg, resolve_data

__all__ = [
    "Report",
    "check_consignment",
    "example_consignment",
    "example_names",
    "landed_cost_columns",
    "check_lines",
]

# Report fields that hold exact numbers (as strings in JSON, Decimal in to_dict()).
_NUMBER_KEYS = {"amount", "rate", "producer_share"}

DocArg = Union[Mapping[str, Any], str, "os.PathLike[str]"]


def _jsonable(value: Any, path: str) -> Any:
    """A copy of ``value`` fit for JSON: Decimal and int become exact strings; floats are refused."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, float):
        raise TypeError(
            f"{path}: a float is not an exact amount; pass Decimal or str (got {value!r})"
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{path}: not a finite decimal: {value}")
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (_dt.date,)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v, f"{path}/{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, f"{path}/{i}") for i, v in enumerate(value)]
    raise TypeError(f"{path}: cannot use a {type(value).__name__} in a consignment")


def _decimals(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _decimals(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_decimals(v, key) for v in value]
    if isinstance(value, str) and key in _NUMBER_KEYS:
        return Decimal(value)
    return value


class Report:
    """The report of a consignment check (``fairport.report/1``).

    ``to_dict()`` gives the JSON structure with amounts as ``Decimal``; ``to_json()`` the JSON
    text; ``to_text()`` the terminal table; in a notebook the report shows as an HTML page.
    ``exit_status`` is 0 when every line checked cleanly, 1 when a line failed a check (not
    originating, not eligible, priced below fair), 2 when a line could not be checked.
    """

    def __init__(self, report_json: str, text: str, html: str, status: int) -> None:
        self._json = report_json
        self._text = text
        self._html = html
        self.exit_status = status

    def to_dict(self) -> Dict[str, Any]:
        result: Dict[str, Any] = _decimals(json.loads(self._json))
        return result

    def to_json(self) -> str:
        return self._json

    def to_text(self) -> str:
        return self._text

    def to_html(self) -> str:
        return self._html

    def _repr_html_(self) -> str:
        return self._html

    def __repr__(self) -> str:
        d = json.loads(self._json)
        return (
            f"<fairport.Report {d['consignment_id']} as of {d['as_of']}: "
            f"{len(d['lines'])} lines, {len(d['errors'])} errors, exit status {self.exit_status}>"
        )


def _document_text(doc: DocArg) -> tuple:
    if isinstance(doc, Mapping):
        return json.dumps(_jsonable(doc, "")), "consignment"
    if isinstance(doc, os.PathLike) or (
        isinstance(doc, str) and not doc.lstrip().startswith("{") and os.path.exists(doc)
    ):
        path = os.fspath(doc)
        with open(path, "r", encoding="utf-8") as f:
            return f.read(), path
    if isinstance(doc, str):
        return doc, "consignment"
    raise TypeError("doc must be a dict, a JSON string or a path, not " + type(doc).__name__)


def check_consignment(doc: DocArg, *, data: DataArg = None) -> Report:
    """Checks one consignment: origin, preference, landed cost and fair price per line.

    ``doc`` is a ``fairport.consignment/1`` document as a dict, a JSON string or a file path.
    Raises a ``fairport.errors.FairportError`` subclass for a document that cannot be checked
    at all (malformed JSON, unknown schema, no exchange rate ...); a bad line is reported in
    the report's ``errors`` and the other lines are checked.
    """
    text, name = _document_text(doc)
    return Report(*_core._check_consignment_json(text, name, resolve_data(data)))


def example_names() -> List[str]:
    """The example consignments shipped with fairport."""
    return list(_core.example_names())


def example_consignment(name: str = "kg_felt_de") -> Dict[str, Any]:
    """One shipped example consignment as a dict (amounts as exact strings)."""
    result: Dict[str, Any] = json.loads(_core.example_consignment(name))
    return result


def _iso_date(value: Any) -> str:
    if isinstance(value, str):
        return value
    if hasattr(value, "date") and callable(value.date):  # datetime, pandas.Timestamp
        return str(value.date().isoformat())
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise TypeError(f"as_of must be a date or an ISO string, not {type(value).__name__}")


_LANDED_COLUMNS = (
    "as_of",
    "exporter_country",
    "importer_country",
    "incoterm",
    "currency",
    "hs_code",
    "invoice_value",
    "freight_to_border",
    "insurance",
    "freight_after_border",
    "net_mass_kg",
    "quantity",
)


def landed_cost_columns(
    columns: Mapping[str, Sequence[Any]], *, data: DataArg = None
) -> Dict[str, List[Any]]:
    """Landed cost of independent rows given as columns (lists, tuples, NumPy object arrays).

    Required columns: ``as_of, importer_country, incoterm, currency, hs_code, invoice_value``;
    optional ``exporter_country, freight_to_border, insurance, freight_after_border, net_mass_kg,
    quantity``. Rows are self-contained lines declared in EUR in a euro-area member state at the
    built-in customs rates, without consignment-level reliefs. With ``exporter_country`` the
    GSP preference the country has for the product applies (conditional on the goods
    originating, which the columns cannot show). Returns columns ``customs_value, duty,
    third_country_duty, vat, landed_cost`` (``Decimal`` or ``None``), ``regime`` and
    ``error_code, error_message`` per row. A float anywhere raises ``TypeError``.
    """
    cols: Dict[str, Any] = {}
    for k in _LANDED_COLUMNS:
        if k in columns:
            values = list(columns[k])
            cols[k] = [_iso_date(v) for v in values] if k == "as_of" else values
    result: Dict[str, List[Any]] = _core._landed_cost_columns(cols, resolve_data(data))
    return result


def check_lines(df: Any, *, data: DataArg = None) -> Any:
    """Landed cost per row of a pandas DataFrame of consignment lines.

    Columns as in the consignment contract, flattened: ``as_of, exporter_country,
    importer_country, incoterm, currency, hs_code, invoice_value, freight_to_border, insurance,
    freight_after_border, net_mass_kg, quantity``. Returns a DataFrame with ``customs_value,
    duty, vat, landed_cost, regime, error_code, error_message`` (amounts as ``Decimal``). The
    duty is the GSP preference of the exporting country when it has one for the product
    (the origin of each row is not checked here; ``check_consignment`` checks it).
    """
    import pandas as pd  # optional dependency, imported when used

    cols = {k: df[k].tolist() for k in _LANDED_COLUMNS if k in df.columns}
    res = landed_cost_columns(cols, data=data)
    out = pd.DataFrame(
        {
            "customs_value": res["customs_value"],
            "duty": res["duty"],
            "vat": res["vat"],
            "landed_cost": res["landed_cost"],
            "regime": res["regime"],
            "error_code": res["error_code"],
            "error_message": res["error_message"],
        },
        index=df.index,
    )
    return out
