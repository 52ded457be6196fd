"""The engines over pandas DataFrames: one row in, one row out, errors per row.

Each function calls the engine of the same name once per distinct input (a product range
repeats exporters, codes and dates; the GSP decision of a key is made once) and returns a
DataFrame with the input's index. A row the engine refuses gets ``error_code`` and
``error_message`` and the other rows are computed; a ``float`` amount raises ``TypeError``
for the whole call, as everywhere in fairport.
"""

from __future__ import annotations

from typing import Any, Dict, Hashable, List, Optional, Tuple

from ._data import DataArg, resolve_data
from ._engines import _date, artisan_fair_price, assess_origin, decide_preference
from .errors import FairportError

__all__ = ["artisan_fair_prices", "assess_origins", "decide_preferences"]


def _missing(v: Any) -> bool:
    """None, NaN (pandas' empty cell in an object column) and pandas.NA."""
    if v is None:
        return True
    if isinstance(v, float) and v != v:
        return True
    return type(v).__name__ == "NAType"


def _require(df: Any, names: Tuple[str, ...], what: str) -> None:
    missing = [c for c in names if c not in df.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) " + ", ".join(missing))


def _frame(rows: List[Dict[str, Any]], index: Any, columns: Tuple[str, ...]) -> Any:
    import pandas as pd  # optional dependency, imported when used

    out = pd.DataFrame(
        {c: pd.Series([r.get(c) for r in rows], index=index, dtype=object) for c in columns},
        index=index,
    )
    return out


def _error_row(e: FairportError) -> Dict[str, Any]:
    return {"error_code": e.code, "error_message": str(e)}


_PREFERENCE_COLUMNS = (
    "regime",
    "applied",
    "status",
    "reason",
    "eligible",
    "section",
    "third_country_duty",
    "preferential_duty",
    "error_code",
    "error_message",
)


def decide_preferences(df: Any, *, data: DataArg = None) -> Any:
    """Decide the EU GSP preference for every row of a DataFrame of products.

    The decision of ``decide_preference`` (Regulation (EU) No 978/2012) without origin
    evidence: ``status`` is ``conditional`` (and ``eligible`` false) where the preference
    depends on the goods originating and being transported directly. Each distinct (exporter,
    code, destination, date) is decided once.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``exporter_country``, ``hs_code``, ``importer_country`` and ``as_of`` (ISO
        strings, dates or datetime64).
    data : ReferenceData, str, os.PathLike or None, optional
        The reference data; ``None`` is the built-in set.

    Returns
    -------
    pandas.DataFrame
        With the index of ``df``: ``regime`` (the best arrangement the country has),
        ``applied``, ``status``, ``reason``, ``eligible``, ``section``,
        ``third_country_duty`` and ``preferential_duty`` (the duty expressions as the CN
        writes them), ``error_code`` and ``error_message`` (``None`` for a decided row).

    Raises
    ------
    ValueError
        If a required column is missing.
    """
    _require(df, ("exporter_country", "hs_code", "importer_country", "as_of"), "decide_preferences")
    resolved = resolve_data(data)
    decided: Dict[Hashable, Dict[str, Any]] = {}
    rows: List[Dict[str, Any]] = []
    for exporter, hs, dest, as_of in zip(
        df["exporter_country"], df["hs_code"], df["importer_country"], df["as_of"]
    ):
        if any(_missing(v) for v in (exporter, hs, dest, as_of)):
            rows.append({"error_code": "fairport.consignment.402",
                         "error_message": "[fairport.consignment.402] a key column is empty"})
            continue
        key = (str(exporter), str(hs), str(dest), _date(as_of))
        if key not in decided:
            try:
                d = decide_preference(key[0], key[1], key[2], as_of=key[3], data=resolved)
                decided[key] = {c: d.get(c) for c in _PREFERENCE_COLUMNS}
            except FairportError as e:
                decided[key] = _error_row(e)
        rows.append(decided[key])
    return _frame(rows, df.index, _PREFERENCE_COLUMNS)


_ORIGIN_COLUMNS = (
    "status",
    "rule",
    "rule_reference",
    "basis",
    "non_originating_value",
    "share",
    "limit",
    "margin",
    "missing",
    "error_code",
    "error_message",
)


def _operations(v: Any) -> List[str]:
    if _missing(v):
        return []
    if isinstance(v, str):
        return [p.strip() for p in v.replace(",", ";").split(";") if p.strip()]
    return [str(p) for p in v]


def _flag(v: Any) -> Optional[bool]:
    if _missing(v):
        return None
    if isinstance(v, str):
        if v.strip().lower() in ("true", "yes", "1"):
            return True
        if v.strip().lower() in ("false", "no", "0", ""):
            return False
        raise ValueError(f"not a yes/no value: {v!r}")
    return bool(v)


def _text(row: Any, name: str, present: Dict[str, bool]) -> str:
    """An optional text cell: "" when the column is absent or the cell empty."""
    if not present[name] or _missing(row[name]):
        return ""
    return str(row[name])


def assess_origins(products: Any, materials: Any = None, *, data: DataArg = None) -> Any:
    """Decide the origin of every product of a DataFrame under the EU GSP rules of origin.

    Each product is assessed by ``assess_origin`` (Commission Delegated Regulation (EU)
    2015/2446, Arts. 41 to 58 and Annex 22-03) with the materials whose ``product_id`` is
    the product's.

    Parameters
    ----------
    products : pandas.DataFrame
        One row per product, indexed by product id (or with a ``product_id`` column):
        ``hs_code``, ``ex_works_price`` (``Decimal``, ``str`` or ``int``), ``currency``,
        ``exporter_country``, ``as_of``; optional ``operations`` (ids of
        ``fairport.vocabulary("operations")``, separated by ``;``), ``wholly_obtained``,
        ``wholly_obtained_category``, ``direct_transport`` and ``list_rule_row``.
    materials : pandas.DataFrame, optional
        One row per material: ``product_id`` and the columns ``assess_origin`` takes for a
        material (``hs_code``, ``value``, ``origin`` ...).
    data : ReferenceData, str, os.PathLike or None, optional
        The reference data; ``None`` is the built-in set.

    Returns
    -------
    pandas.DataFrame
        With the index of ``products``: ``status`` (``originating``, ``not_originating`` or
        ``undetermined``), ``rule`` and ``rule_reference`` (the rule that decided), ``basis``,
        ``non_originating_value``, ``share``, ``limit`` and ``margin`` (``Decimal`` where a
        value rule decided; amounts in the product's currency), ``missing`` (what would decide
        an undetermined verdict, joined with ``; ``), ``error_code`` and ``error_message``.

    Raises
    ------
    ValueError
        If a required column is missing.
    TypeError
        If an amount is a ``float``.
    """
    _require(products, ("hs_code", "ex_works_price", "currency", "exporter_country", "as_of"),
             "assess_origins")
    ids = products["product_id"] if "product_id" in products.columns else products.index
    by_product: Dict[Hashable, List[Dict[str, Any]]] = {}
    if materials is not None:
        _require(materials, ("product_id",), "assess_origins materials")
        for record in materials.to_dict("records"):
            pid = record.pop("product_id")
            clean = {k: v for k, v in record.items() if not _missing(v)}
            by_product.setdefault(pid, []).append(clean)
    resolved = resolve_data(data)
    optional = {c: c in products.columns for c in (
        "operations", "wholly_obtained", "wholly_obtained_category", "direct_transport",
        "list_rule_row")}
    rows: List[Dict[str, Any]] = []
    for pid, (_, p) in zip(ids, products.iterrows()):
        try:
            o = assess_origin(
                str(p["hs_code"]), p["ex_works_price"], str(p["currency"]),
                str(p["exporter_country"]), as_of=_date(p["as_of"]),
                materials=by_product.get(pid, []),
                operations=_operations(p["operations"]) if optional["operations"] else [],
                wholly_obtained=bool(_flag(p["wholly_obtained"]))
                if optional["wholly_obtained"] else False,
                direct_transport=_flag(p["direct_transport"])
                if optional["direct_transport"] else None,
                list_rule_row=_text(p, "list_rule_row", optional),
                wholly_obtained_category=_text(p, "wholly_obtained_category", optional),
                data=resolved,
            )
            row = {c: _amount(o.get(c)) for c in _ORIGIN_COLUMNS if c != "missing"}
            row["missing"] = "; ".join(o.get("missing") or []) or None
            rows.append(row)
        except FairportError as e:
            rows.append(_error_row(e))
    return _frame(rows, products.index, _ORIGIN_COLUMNS)


_ARTISAN_COLUMNS = (
    "currency",
    "materials",
    "labour",
    "overhead",
    "margin",
    "fair_price_per_unit",
    "is_fair",
    "shortfall_per_unit",
    "implied_hourly_earnings",
    "error_code",
    "error_message",
)


def _amount(v: Any) -> Any:
    if isinstance(v, dict) and "amount" in v:
        return v["amount"]
    return v


def artisan_fair_prices(df: Any, *, data: DataArg = None) -> Any:
    """Compute the cost-based fair price of every artisan product of a DataFrame.

    Each row is priced by ``artisan_fair_price`` (WFTO Principle 4): materials plus labour
    time at the hourly wage, plus overhead, plus margin, rounded up once to the currency's
    minor unit; with a price paid, whether it is fair and by how much it falls short.

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``materials_per_unit``, ``labour_minutes_per_unit``, ``hourly_wage``,
        ``overhead_rate``, ``margin_rate`` (``Decimal``, ``str`` or ``int``), ``currency`` and
        ``as_of``; optional ``price_paid_per_unit``.
    data : ReferenceData, str, os.PathLike or None, optional
        The reference data; ``None`` is the built-in set.

    Returns
    -------
    pandas.DataFrame
        With the index of ``df``: ``currency``, ``materials``, ``labour``, ``overhead``,
        ``margin`` and ``fair_price_per_unit`` (``Decimal``); with a price paid ``is_fair``,
        ``shortfall_per_unit`` and ``implied_hourly_earnings`` (else ``None``);
        ``error_code`` and ``error_message``.

    Raises
    ------
    ValueError
        If a required column is missing.
    TypeError
        If an amount or rate is a ``float``.
    """
    names = ("materials_per_unit", "labour_minutes_per_unit", "hourly_wage", "overhead_rate",
             "margin_rate", "currency", "as_of")
    _require(df, names, "artisan_fair_prices")
    resolved = resolve_data(data)
    paid = "price_paid_per_unit" in df.columns
    rows: List[Dict[str, Any]] = []
    for _, r in df.iterrows():
        try:
            a = artisan_fair_price(
                materials_per_unit=r["materials_per_unit"],
                labour_minutes_per_unit=r["labour_minutes_per_unit"],
                hourly_wage=r["hourly_wage"],
                overhead_rate=r["overhead_rate"],
                margin_rate=r["margin_rate"],
                currency=str(r["currency"]),
                as_of=_date(r["as_of"]),
                price_paid_per_unit=None if not paid or _missing(r["price_paid_per_unit"])
                else r["price_paid_per_unit"],
                data=resolved,
            )
            row = {c: _amount(a.get(c)) for c in _ARTISAN_COLUMNS[1:-2]}
            row["currency"] = str(r["currency"])
            rows.append(row)
        except FairportError as e:
            rows.append(_error_row(e))
    return _frame(rows, df.index, _ARTISAN_COLUMNS)
