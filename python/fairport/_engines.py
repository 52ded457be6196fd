"""The engines one by one: GSP preference, rules of origin, fair producer prices.

Every function takes an explicit ``as_of`` date (a ``datetime.date`` or an ISO string) and the
reference data (``data=None`` is the built-in set); amounts are ``Decimal``, ``str`` or ``int``
(a ``float`` raises ``TypeError``) and come back as ``Decimal`` inside plain dicts, each with its
``findings`` (``code, severity, message, reference``).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Dict, List, Optional, Sequence, Union

from . import _core
from ._core import FxRate
from ._data import DataArg, resolve_data

__all__ = [
    "PriceChain",
    "assess_origin",
    "artisan_fair_price",
    "decide_preference",
    "fairtrade_price",
    "fairtrade_prices",
    "price_chain",
]

DateArg = Union[_dt.date, str]
Num = Any  # Decimal, str or int


def _date(value: DateArg) -> _dt.date:
    if value is None:
        raise TypeError("as_of is required: fairport never assumes today's date")
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def decide_preference(
    exporter: str,
    cn: str,
    destination: str,
    *,
    as_of: DateArg,
    originating: Optional[bool] = None,
    direct_transport: Optional[bool] = None,
    originating_value_eur: Optional[Num] = None,
    exporter_registered_rex: bool = False,
    exporter_name: str = "",
    rex_number: str = "",
    origin_criterion: str = "",
    data: DataArg = None,
) -> Dict[str, Any]:
    """The EU GSP preference for a product of ``exporter`` imported into ``destination``.

    Returns ``regime`` (the best arrangement the country has: ``eba``, ``gsp_plus``, ``gsp``,
    ``none``), ``applied``, ``status`` (``granted``, ``conditional``, ``refused``,
    ``undetermined``), ``reason``, ``eligible``, the third-country and preferential duties as
    printed, the ``statement_on_origin`` and the ``findings``. ``originating`` and
    ``direct_transport`` left ``None`` are conditions reported as unchecked.
    """
    result: Dict[str, Any] = _core._decide_preference(
        exporter, cn, destination, _date(as_of), originating, direct_transport,
        originating_value_eur, exporter_registered_rex, exporter_name, rex_number,
        origin_criterion, resolve_data(data))
    return result


def _materials(materials: Any) -> List[Dict[str, Any]]:
    if hasattr(materials, "to_dict") and hasattr(materials, "columns"):  # a pandas DataFrame
        rows: List[Dict[str, Any]] = materials.to_dict("records")
        return [{k: (None if _is_na(v) else v) for k, v in r.items()} for r in rows]
    return [dict(m) for m in materials]


def _is_na(v: Any) -> bool:
    try:
        return bool(v != v)  # NaN and pandas NA are not equal to themselves
    except TypeError:
        return False


def assess_origin(
    hs: str,
    ex_works_price: Num,
    currency: str,
    exporter: str,
    *,
    as_of: DateArg,
    materials: Any = (),
    operations: Sequence[str] = (),
    wholly_obtained: bool = False,
    direct_transport: Optional[bool] = None,
    list_rule_row: str = "",
    wholly_obtained_category: str = "",
    data: DataArg = None,
) -> Dict[str, Any]:
    """Does a product originate in ``exporter`` under the EU GSP rules of origin?

    ``materials`` is a list of dicts or a pandas DataFrame with columns ``description,
    hs_code, origin`` (a country or ``"unknown"``), ``value`` (in ``currency``), and optionally
    ``weight_kg`` and ``cumulation``. Returns ``status`` (``originating``,
    ``not_originating``, ``undetermined``), ``basis``, ``rule``, the non-originating value,
    share, limit and margin, per-material outcomes, ``findings``, ``missing`` (what would
    decide an undetermined case), ``headroom`` (how much more non-originating value the
    product could take) and ``local_sourcing_flips`` (single materials that, sourced locally,
    would change the verdict).
    """
    result: Dict[str, Any] = _core._assess_origin(
        hs, ex_works_price, currency, exporter, _date(as_of), _materials(materials),
        list(operations), wholly_obtained, direct_transport, list_rule_row,
        wholly_obtained_category, resolve_data(data))
    return result


def fairtrade_price(
    product: str,
    *,
    as_of: DateArg,
    market_price: Optional[Num] = None,
    market_price_currency: str = "USD",
    market_price_unit: str = "lb",
    organic: bool = False,
    region: str = "all",
    quality: str = "standard",
    per_unit: Optional[str] = None,
    currency: Optional[str] = None,
    exchange_rates: Sequence[FxRate] = (),
    data: DataArg = None,
) -> Dict[str, Any]:
    """The Fairtrade price: the higher of market and minimum, plus premium (and the organic
    differential when ``organic``), from the dated Fairtrade record, in ``currency`` per
    ``per_unit`` (default: the record's), rounded up to the cent once. Says which price binds
    and by how much."""
    result: Dict[str, Any] = _core._fairtrade_price(
        product, _date(as_of), market_price, market_price_currency, market_price_unit, organic,
        region, quality, per_unit, currency, list(exchange_rates), resolve_data(data))
    return result


def fairtrade_prices(
    product: str,
    market_prices: Sequence[Num],
    *,
    as_of: DateArg,
    market_price_currency: str = "USD",
    market_price_unit: str = "lb",
    organic: bool = False,
    region: str = "all",
    quality: str = "standard",
    per_unit: Optional[str] = None,
    currency: Optional[str] = None,
    exchange_rates: Sequence[FxRate] = (),
    data: DataArg = None,
) -> List[Any]:
    """The Fairtrade price at each of many market prices (one record, one call): a list of
    ``Decimal`` (for a year of daily market prices, say)."""
    result: List[Any] = _core._fairtrade_prices(
        product, _date(as_of), list(market_prices), market_price_currency, market_price_unit,
        organic, region, quality, per_unit, currency, list(exchange_rates), resolve_data(data))
    return result


def artisan_fair_price(
    *,
    materials_per_unit: Num,
    labour_minutes_per_unit: Num,
    hourly_wage: Num,
    overhead_rate: Num,
    margin_rate: Num,
    currency: str,
    as_of: DateArg,
    price_paid_per_unit: Optional[Num] = None,
    data: DataArg = None,
) -> Dict[str, Any]:
    """The cost-based fair price of an artisan product (WFTO Principle 4): (materials +
    minutes / 60 x hourly wage) x (1 + overhead_rate) x (1 + margin_rate), rounded up to the
    cent once; with ``price_paid_per_unit``, whether it is fair, the shortfall and the hourly
    earnings it implies."""
    result: Dict[str, Any] = _core._artisan_fair_price(
        materials_per_unit, labour_minutes_per_unit, hourly_wage, overhead_rate, margin_rate,
        currency, _date(as_of), price_paid_per_unit, resolve_data(data))
    return result


class PriceChain:
    """From the producer's price to the shelf: each stage in one currency, and the producer's
    share of the retail price, the landed cost and the export price. Shows as an HTML table in
    a notebook; ``plot()`` draws the waterfall (matplotlib)."""

    def __init__(self, result: Dict[str, Any]) -> None:
        self.stages: List[Any] = list(result["stages"])
        self.currency: str = result["currency"]
        self.producer_share_of_retail = result["producer_share_of_retail"]
        self.producer_share_of_landed_cost = result["producer_share_of_landed_cost"]
        self.producer_share_of_export_price = result["producer_share_of_export_price"]
        self.findings: List[Dict[str, str]] = list(result["findings"])

    def to_dict(self) -> Dict[str, Any]:
        return {
            "stages": list(self.stages),
            "currency": self.currency,
            "producer_share_of_retail": self.producer_share_of_retail,
            "producer_share_of_landed_cost": self.producer_share_of_landed_cost,
            "producer_share_of_export_price": self.producer_share_of_export_price,
            "findings": list(self.findings),
        }

    def _repr_html_(self) -> str:
        import html

        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td style='text-align:right'>{amount}</td></tr>"
            for name, amount in self.stages
        )
        return (
            f"<table><tr><th>stage</th><th>{html.escape(self.currency)}</th></tr>{rows}</table>"
            f"<p>Producer share: {self.producer_share_of_retail} of the retail price, "
            f"{self.producer_share_of_landed_cost} of the landed cost, "
            f"{self.producer_share_of_export_price} of the export price.</p>"
        )

    def steps(self) -> List[Any]:
        """The chain as a waterfall: the producer's price, then what each stage adds (exact)."""
        level = dict(self.stages)
        return [
            ("producer price", level["producer price"]),
            ("to export price", level["export price"] - level["producer price"]),
            ("to landed cost", level["landed cost"] - level["export price"]),
            ("wholesale margin", level["wholesale price"] - level["landed cost"]),
            ("retail margin", level["retail price before VAT"] - level["wholesale price"]),
            ("VAT", level["VAT"]),
        ]

    def plot(self, ax: Any = None) -> Any:
        """A waterfall from the producer's price to the retail price (fairport.plots)."""
        from .plots import plot_price_chain

        return plot_price_chain(self.steps(), ax, total_label="retail price")

    def __repr__(self) -> str:
        return (f"<fairport.PriceChain retail {self.stages[-1][1]} {self.currency}, "
                f"producer share {self.producer_share_of_retail}>")


def price_chain(
    *,
    producer_price: Num,
    producer_currency: str,
    export_price: Num,
    export_currency: str,
    landed_cost: Num,
    landed_currency: str,
    wholesale_markup: Num,
    retail_markup: Num,
    vat_rate: Num,
    as_of: DateArg,
    export_basis: str = "FOB",
    exchange_rates: Sequence[FxRate] = (),
    data: DataArg = None,
) -> PriceChain:
    """The price chain: producer price -> export price -> landed cost (from the landed-cost
    engine or ``check_consignment``) -> wholesale (landed x (1 + wholesale_markup)) -> retail
    (x (1 + retail_markup)) -> VAT; every stage in the landed cost's currency, converted at
    the given dated rates, rounded half up to the cent; shares to 4 places, half even."""
    return PriceChain(_core._price_chain(
        producer_price, producer_currency, export_price, export_currency, export_basis,
        landed_cost, landed_currency, wholesale_markup, retail_markup, vat_rate,
        list(exchange_rates), _date(as_of), resolve_data(data)))
