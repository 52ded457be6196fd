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
from ._core import FxRate
from ._core import ReferenceData
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
    """A copy of ``value`` for JSON: Decimal and int become exact strings; floats are refused."""
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

    Made by ``check_consignment``; in a notebook the report shows as an HTML page. The JSON, text
    and HTML forms are made when first asked for.

    Parameters
    ----------
    checked : fairport._core._CheckedReport
        The checked consignment.

    Attributes
    ----------
    exit_status : int
        0 when every line checked cleanly, 1 when a line failed a check (not originating, not
        eligible, priced below fair), 2 when a line could not be checked.
    """

    def __init__(self, checked: "_core._CheckedReport") -> None:
        self._checked = checked
        self._json: Optional[str] = None
        self._text: Optional[str] = None
        self._html: Optional[str] = None
        self.exit_status: int = checked.exit_status

    def to_dict(self) -> Dict[str, Any]:
        """Return the report as a dict, amounts and rates as ``Decimal``.

        Returns
        -------
        dict
            The ``fairport.report/1`` structure; every number that is a string in the JSON
            (``amount``, ``rate``, ``producer_share``) is a ``Decimal``.
        """
        result: Dict[str, Any] = _decimals(json.loads(self.to_json()))
        return result

    def to_json(self) -> str:
        """Return the report as JSON text.

        Returns
        -------
        str
            The ``fairport.report/1`` document (schema: ``src/schema/``), amounts as exact
            strings.
        """
        if self._json is None:
            self._json = self._checked.json()
        return self._json

    def to_text(self) -> str:
        """Return the report as the terminal table ``fairport check`` prints.

        Returns
        -------
        str
            The table, with findings.
        """
        if self._text is None:
            self._text = self._checked.text()
        return self._text

    def to_html(self) -> str:
        """Return the report as one printable HTML page (no network access needed).

        Returns
        -------
        str
            The HTML document.
        """
        if self._html is None:
            self._html = self._checked.html()
        return self._html

    def lines_frame(self) -> Any:
        """Return one row per line with every figure and verdict as a column.

        Returns
        -------
        pandas.DataFrame
            Indexed by ``line_id``. The goods (``hs_code``, ``description``,
            ``quantity``, ``quantity_unit``, ``net_mass``, ``net_mass_unit``); the origin
            (``origin_status``, ``origin_basis``, ``origin_rule``); the preference
            (``regime``, ``arrangement``, ``eligible``, ``preference_status``,
            ``potential_duty_text``, ``potential_saving``); the landed cost in ``currency``
            (``invoice_value``, the line's share of ``freight_to_border``, ``insurance``,
            ``freight_after_border``, ``other_to_destination``, ``additions``,
            ``customs_value``, ``duty``, ``duty_text``, ``duty_rate``,
            ``third_country_duty``, ``duty_saving``, ``excise``, ``fees``, ``vat_category``,
            ``vat_rate``, ``vat_base``, ``vat``, ``landed_cost``,
            ``landed_cost_excluding_vat``, ``landed_cost_per_unit``, ``landed_cost_per_kg``;
            ``None`` where the line's landed cost failed); the producer price
            (``fair_price_method``, ``fair_price_per_unit``, ``price_paid_per_unit``,
            ``shortfall_per_unit``, ``fair_price_currency``, ``is_fair``, ``producer_share``;
            for a Fairtrade line ``price_due_per_unit`` and ``premium_due_per_unit``, and
            with the premium declared apart ``premium_paid_per_unit``,
            ``premium_shortfall_per_unit``, ``premium_paid_in_full``);
            ``missing`` (what the document must still show, as a list) and the line's errors
            (``error_codes``, ``error_messages``, lists). Amounts, rates and quantities are
            ``Decimal``.
        """
        import pandas as pd  # optional dependency, imported when used

        r = self.to_dict()
        errors: Dict[str, List[Dict[str, Any]]] = {}
        for e in r["errors"]:
            errors.setdefault(e["line_id"], []).append(e)
        rows = [_line_row(line, r["currency"], errors.get(line["id"], [])) for line in r["lines"]]
        frame = pd.DataFrame(rows, columns=list(_LINE_FRAME_COLUMNS))
        return frame.set_index("line_id")

    def findings_frame(self) -> Any:
        """Return every finding of the report, one row each, with where it belongs.

        Returns
        -------
        pandas.DataFrame
            Columns ``line_id`` (``None`` for the consignment and its documents),
            ``section`` (``origin``, ``preference``, ``landed_cost``, ``fair_price``,
            ``consignment`` or the document's kind), ``severity``, ``code``, ``message`` and
            ``reference`` (the legal act first, then the dataset record).
        """
        import pandas as pd  # optional dependency, imported when used

        r = self.to_dict()
        rows: List[Dict[str, Any]] = []

        def add(line_id: Optional[str], section: str, findings: Sequence[Any]) -> None:
            for f in findings:
                rows.append({"line_id": line_id, "section": section, "severity": f["severity"],
                             "code": f["code"], "message": f["message"],
                             "reference": f.get("reference", "")})

        for line in r["lines"]:
            for section in ("origin", "preference", "fair_price"):
                if line.get(section):
                    add(line["id"], section, line[section]["findings"])
            add(line["id"], "landed_cost", line["findings"])
        add(None, "consignment", r["findings"])
        for d in r["documents"]:
            add(None, d["kind"], d["findings"])
        return pd.DataFrame(rows, columns=["line_id", "section", "severity", "code", "message",
                                           "reference"])

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        c = self._checked
        return (
            f"<fairport.Report {c.consignment_id} as of {c.as_of}: "
            f"{c.line_count} lines, {c.error_count} errors, exit status {self.exit_status}>"
        )


_LINE_FRAME_COLUMNS = (
    "line_id", "hs_code", "description", "quantity", "quantity_unit", "net_mass",
    "net_mass_unit", "origin_status", "origin_basis", "origin_rule", "regime", "arrangement",
    "eligible", "preference_status", "potential_duty_text", "potential_saving", "currency",
    "invoice_value", "freight_to_border", "insurance", "freight_after_border",
    "other_to_destination", "additions", "customs_value", "duty", "duty_text", "duty_rate",
    "third_country_duty",
    "duty_saving", "excise", "fees", "vat_category", "vat_rate", "vat_base", "vat",
    "landed_cost", "landed_cost_excluding_vat", "landed_cost_per_unit", "landed_cost_per_kg",
    "fair_price_method", "fair_price_per_unit", "price_paid_per_unit", "shortfall_per_unit",
    "fair_price_currency", "is_fair", "producer_share", "price_due_per_unit",
    "premium_due_per_unit", "premium_paid_per_unit", "premium_shortfall_per_unit",
    "premium_paid_in_full", "missing", "error_codes",
    "error_messages",
)


def _amount(value: Any) -> Any:
    """The Decimal of a report amount ({amount, currency}), or None."""
    return None if value is None else value["amount"]


def _line_row(line: Mapping[str, Any], currency: str,
              errors: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
    """One row of Report.lines_frame from a line of the report's dict."""
    row: Dict[str, Any] = {k: None for k in _LINE_FRAME_COLUMNS}
    row.update(line_id=line["id"], hs_code=line["hs_code"], description=line["description"],
               currency=currency)
    for key in ("quantity", "net_mass"):
        if line.get(key):
            row[key] = Decimal(line[key]["value"])
            row[key + "_unit"] = line[key]["unit"]
    origin = line.get("origin") or {}
    row.update(origin_status=origin.get("status"), origin_basis=origin.get("basis"),
               origin_rule=origin.get("rule"))
    pref = line.get("preference") or {}
    row.update(regime=pref.get("regime"), arrangement=pref.get("arrangement"),
               eligible=pref.get("eligible"), preference_status=pref.get("status"),
               potential_duty_text=pref.get("potential_duty_text"),
               potential_saving=_amount(pref.get("potential_saving")))
    if line.get("customs_value") is not None:
        duty, vat = line["duty"], line["vat"]
        row.update({k: _amount(v) for k, v in line["costs"].items()})
        row.update(
            invoice_value=_amount(line["invoice_value"]),
            customs_value=_amount(line["customs_value"]), duty=_amount(duty["amount"]),
            duty_text=duty["text"], duty_rate=duty["rate"],
            third_country_duty=_amount(duty["third_country_amount"]),
            duty_saving=_amount(duty["saving"]), excise=_amount(line["excise"]),
            fees=_amount(line["fees"]), vat_category=vat["category"], vat_rate=vat["rate"],
            vat_base=_amount(vat["base"]), vat=_amount(vat["amount"]),
            landed_cost=_amount(line["landed_cost"]),
            landed_cost_excluding_vat=_amount(line["landed_cost_excluding_vat"]),
            landed_cost_per_unit=_amount(line.get("landed_cost_per_unit")),
            landed_cost_per_kg=_amount(line.get("landed_cost_per_kg")))
    fair = line.get("fair_price")
    if fair:
        row.update(fair_price_method=fair["method"],
                   fair_price_per_unit=_amount(fair["fair_price_per_unit"]),
                   price_paid_per_unit=_amount(fair.get("price_paid_per_unit")),
                   shortfall_per_unit=_amount(fair.get("shortfall_per_unit")),
                   fair_price_currency=fair["fair_price_per_unit"]["currency"],
                   is_fair=fair.get("is_fair"), producer_share=fair.get("producer_share"),
                   premium_paid_in_full=fair.get("premium_paid_in_full"))
        for k in ("price_due_per_unit", "premium_due_per_unit", "premium_paid_per_unit",
                  "premium_shortfall_per_unit"):
            row[k] = _amount(fair.get(k))
    missing = list(pref.get("missing", []))
    if origin.get("status") == "undetermined":
        missing = list(origin.get("missing", [])) + missing
    row["missing"] = missing
    row["error_codes"] = [e["code"] for e in errors]
    row["error_messages"] = [e["message"] for e in errors]
    return row


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
    """Check one consignment: origin, preference, landed cost and fair price per line.

    Parameters
    ----------
    doc : dict, str or os.PathLike
        A ``fairport.consignment/1`` document as a dict (amounts ``Decimal``, ``str`` or
        ``int``), as JSON text, or the path of a JSON file.
    data : ReferenceData, str, os.PathLike or None, optional
        The reference data; ``None`` is the built-in set.

    Returns
    -------
    Report
        The report; a bad line is reported in its ``errors`` and the other lines are checked.

    Raises
    ------
    TypeError
        If the dict holds a ``float``: binary floating point cannot hold most money amounts
        exactly.
    fairport.errors.FairportError
        For a document that cannot be checked at all (malformed JSON, unknown schema, no
        exchange rate ...), with its code.
    """
    text, name = _document_text(doc)
    return Report(_checker(resolve_data(data)).check_json(text, name))


def _checker(data: ReferenceData) -> "_core._Checker":
    # One prepared checker per ReferenceData (the origin and GSP engines are indexed once), kept
    # on the immutable data object it was made from.
    checker: Optional[_core._Checker] = getattr(data, "_fairport_checker", None)
    if checker is None:
        checker = _core._Checker(data)
        data._fairport_checker = checker  # type: ignore[attr-defined]
    return checker


def example_names() -> List[str]:
    """List the example consignments shipped with fairport.

    Returns
    -------
    list of str
        Their names, for ``example_consignment``.
    """
    return list(_core.example_names())


def example_consignment(name: str = "kg_felt_de") -> Dict[str, Any]:
    """Return one shipped example consignment.

    Parameters
    ----------
    name : str, optional
        One of ``example_names()``; the default is the felt goods of a Kyrgyz cooperative
        sold to Germany.

    Returns
    -------
    dict
        The ``fairport.consignment/1`` document, amounts as exact strings.

    Raises
    ------
    fairport.errors.FairportError
        If there is no example of that name.
    """
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
    "origin_proof",
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
    "vat_category",
    "declaration_currency",
)


# The columns check_lines returns, in order (fairport.dask promises the same): those of the one
# lines pipeline (fairport/check/lines.hpp), which fairport check --lines writes too.
_CHECK_LINES_COLUMNS = (
    "customs_value",
    "duty",
    "third_country_duty",
    "vat",
    "landed_cost",
    "result_currency",
    "regime",
    "error_code",
    "error_message",
)


def _array(values: Any) -> Any:
    """A column as a one-dimensional NumPy array: object arrays stay as they are (no copy),
    NumPy text arrays and Python sequences become object arrays."""
    import numpy as np  # a dependency of pandas; imported when used

    if isinstance(values, np.ndarray):
        return values.astype(object) if values.dtype.kind in "US" else values
    to_numpy = getattr(values, "to_numpy", None)
    if to_numpy is not None:  # pandas Series / Index / ExtensionArray
        arr = to_numpy()
        if not isinstance(arr, np.ndarray):
            arr = np.asarray(arr, dtype=object)
        return arr.astype(object) if arr.dtype.kind in "US" else arr
    arr = np.empty(len(values), dtype=object)
    arr[:] = list(values)
    return arr


def _landed_cost_arrays(
    columns: Mapping[str, Any], data: DataArg, exchange_rates: Sequence[Any],
    fixed_scale: Optional[int] = None,
) -> Dict[str, Any]:
    _core._refuse_misspelt_columns([str(k) for k in columns])
    if fixed_scale is not None and (isinstance(fixed_scale, bool)
                                    or not isinstance(fixed_scale, int)):
        raise TypeError(f"fixed_scale must be an int, not {type(fixed_scale).__name__}")
    cols = {k: _array(columns[k]) for k in _LANDED_COLUMNS if k in columns}
    result: Dict[str, Any] = _core._landed_cost_arrays(
        cols, resolve_data(data), list(exchange_rates), fixed_scale)
    return result


def landed_cost_columns(
    columns: Mapping[str, Sequence[Any]],
    *,
    exchange_rates: Sequence[FxRate] = (),
    data: DataArg = None,
) -> Dict[str, List[Any]]:
    """Compute the landed cost of independent rows given as columns.

    Rows are self-contained lines declared in an EU member state (in EUR in the euro area, in
    the row's ``declaration_currency`` elsewhere), without
    consignment-level reliefs (a row is not a consignment). Amounts in another currency are
    converted at the customs rate of the row's month (Implementing Regulation (EU) 2015/2447,
    Art. 146): one of ``exchange_rates`` for that month (basis ``"month"``, or the ECB fixing of
    the penultimate Wednesday of the month before, basis ``"fixing"``), else the built-in rate of
    the month; a row with neither gets error ``fairport.data.301`` naming the month (a rate of
    another month is never used). The origin of a row is not assessed here, so the GSP preference
    fails closed: a row pays the preferential duty of its ``exporter_country`` only when its
    ``origin_proof`` is true (a statement on origin is held for the goods, Implementing
    Regulation (EU) 2015/2447, Art. 92); every other row pays the third-country duty.

    Parameters
    ----------
    columns : mapping of str to sequence
        Equal-length columns (lists, tuples, NumPy arrays, pandas Series). Required:
        ``as_of`` (ISO strings, dates or datetime64), ``importer_country``, ``incoterm``,
        ``currency``, ``hs_code``, ``invoice_value``; optional ``exporter_country``,
        ``origin_proof`` (bool, or ``"true"``/``"false"``; missing is false),
        ``freight_to_border``, ``insurance``, ``freight_after_border``, ``net_mass_kg``,
        ``quantity``, ``vat_category`` (a category of ``fairport.vocabulary("vat_category")``;
        missing: the category national law gives the goods in the member state, dataset
        ``eu_vat_goods_rates``, else the standard rate), ``declaration_currency`` (required
        outside the euro area: the national currency; EUR or missing inside it). Amounts are
        ``Decimal``, ``str`` or ``int`` (or int64 arrays); ``None``, NaN and ``pandas.NA`` mark
        a missing optional amount.
    exchange_rates : sequence of fairport.FxRate, optional
        Customs rates of a month or fixings (currency -> declaration currency, the other way
        used inversely, or through the euro), as in a consignment's ``exchange_rates``; each
        converted amount is rounded as the destination's customs rounding policy says.
    data : ReferenceData, str, os.PathLike or None, optional
        The reference data; ``None`` is the built-in set.

    Returns
    -------
    dict of str to list
        ``customs_value, duty, third_country_duty, vat, landed_cost`` (``Decimal``, or
        ``None`` for a row that failed), ``result_currency`` (their currency, the declaration
        currency), ``regime`` and ``error_code, error_message`` (``None`` for a row that was
        computed) per row.

    Raises
    ------
    TypeError
        If an amount is a ``float``: binary floating point cannot hold most money amounts
        exactly.
    fairport.errors.FairportError
        If a required column is missing or the columns differ in length. A bad cell is
        reported in its row's ``error_code`` and ``error_message``; the other rows are
        computed.
    """
    result = _landed_cost_arrays(columns, data, exchange_rates)
    return {k: v.tolist() for k, v in result.items()}


def read_rates(path: Union[str, "os.PathLike[str]"]) -> List[FxRate]:
    """Read the customs exchange rates of a rates CSV file, exactly.

    The file ``fairport check --lines --rates`` reads: a header ``base,quote,rate,date`` with
    optional ``basis`` and ``source`` columns, one rate a row (1 ``base`` = ``rate`` ``quote``).
    ``basis`` is ``month`` (the default: the customs rate of the month, dated its first day,
    Implementing Regulation (EU) 2015/2447, Art. 146) or ``fixing`` (an ECB rate published on
    that date).

    Parameters
    ----------
    path : str or os.PathLike
        The CSV file (UTF-8, comma-separated).

    Returns
    -------
    list of fairport.FxRate
        The rates in file order, for ``exchange_rates=`` of ``check_lines`` and
        ``landed_cost_columns``.

    Raises
    ------
    OSError
        If the file cannot be read.
    fairport.errors.FairportError
        With the file name and row for a bad cell (a rate written with a decimal comma is
        ``fairport.input.101``), or ``fairport.consignment.401`` for a header without a
        required column.
    """
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    rates: List[FxRate] = _core._read_rates(text, os.fspath(path))
    return rates


def check_lines(df: Any, *, exchange_rates: Sequence[FxRate] = (), data: DataArg = None,
                fixed_scale: Optional[int] = None) -> Any:
    """Compute the landed cost and GSP regime of every row of a pandas DataFrame of lines.

    Each row is an independent line declared in EUR in a euro-area member state (see
    ``landed_cost_columns``). The origin of a row is not assessed here (``check_consignment``
    assesses it), so the duty is the GSP preference of the exporting country only for rows whose
    ``origin_proof`` is true; every other row pays the third-country duty (fail closed).

    Parameters
    ----------
    df : pandas.DataFrame
        Columns as in the consignment contract, flattened: ``as_of, exporter_country,
        origin_proof, importer_country, incoterm, currency, hs_code, invoice_value,
        freight_to_border, insurance, freight_after_border, net_mass_kg, quantity,
        vat_category`` (the first six but
        ``exporter_country`` are required). Amounts are ``Decimal``, ``str`` or ``int``
        objects, or int64 columns; read CSV files with ``dtype=str`` so that no amount passes
        through a float. Empty cells (NaN, ``None``, ``pandas.NA``) are missing values.
        Categorical and repeated-object columns are read once per distinct value.
    exchange_rates : sequence of fairport.FxRate, optional
        Dated rates for invoices in other currencies (see ``landed_cost_columns``); without
        one the built-in customs rate of the month applies.
    data : ReferenceData, str, os.PathLike or None, optional
        The reference data; ``None`` is the built-in set.
    fixed_scale : int, optional
        The fixed-point form (0 to 18): the amount columns ``invoice_value,
        freight_to_border, insurance, freight_after_border`` are int64 coefficients at this
        scale (at 2, ``18735`` is 187.35; any other cell type is a ``TypeError``), and the five
        figures come back as pandas ``Int64`` columns of coefficients at the same scale, with
        ``<NA>`` for a row that failed. No ``Decimal`` object is made; every figure equals the
        ``Decimal`` form's. A figure with more places than the scale (a duty of 12.34 at scale
        0) fails its row (``fairport.arithmetic.205``), never rounded. ``net_mass_kg`` and
        ``quantity`` are read as in the ``Decimal`` form.

    Returns
    -------
    pandas.DataFrame
        With the index of ``df`` and the columns ``customs_value, duty, third_country_duty, vat,
        landed_cost`` (``Decimal``, or ``None`` for a row that failed; with ``fixed_scale``,
        ``Int64`` coefficients, ``<NA>`` for a row that failed), ``result_currency``
        (their currency: EUR in the euro area, else the row's ``declaration_currency``),
        ``regime`` (``eba``, ``gsp_plus``, ``gsp`` or ``none``), ``error_code`` and
        ``error_message`` (``None`` for a row that was computed): the columns ``fairport check
        --lines`` writes, in its order.

    Raises
    ------
    TypeError
        If an amount column holds floats.
    fairport.errors.FairportError
        If a required column is missing, or a column is within two edits of a column of the
        form without being one (``freight_to_boarder``: ``InputError`` [fairport.input.106],
        instead of a freight silently lost), or is a part of the name of a column that is
        absent (``exporter`` without ``exporter_country``). A bad cell is reported in its
        row's error columns and every other row is computed.
    """
    import pandas as pd  # optional dependency, imported when used

    _core._refuse_misspelt_columns([str(k) for k in df.columns])
    res = _landed_cost_arrays(
        {k: df[k] for k in _LANDED_COLUMNS if k in df.columns}, data, exchange_rates,
        fixed_scale)
    if fixed_scale is not None:
        for k in _CHECK_LINES_COLUMNS[:5]:
            values, mask = res[k]
            res[k] = pd.arrays.IntegerArray(values, mask)
    return pd.DataFrame(
        {k: res[k] for k in _CHECK_LINES_COLUMNS},
        index=df.index,
        copy=False,
    )
