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
    "Verdict",
    "assess_origin",
    "artisan_fair_price",
    "decide_preference",
    "fairtrade_price",
    "fairtrade_prices",
    "price_chain",
]

DateArg = Union[_dt.date, str]
Num = Any  # Decimal, str or int


def _prepared(data: _core.ReferenceData) -> "_core._Engines":
    # The GSP and origin engines, indexed once per ReferenceData and kept on the immutable data
    # object they were made from (as the consignment checker is, see _check._checker).
    engines: Optional[_core._Engines] = getattr(data, "_fairport_engines", None)
    if engines is None:
        engines = _core._Engines(data)
        data._fairport_engines = engines  # type: ignore[attr-defined]
    return engines


def _date(value: DateArg) -> _dt.date:
    if value is None:
        raise TypeError("as_of is required: fairport never assumes today's date")
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))


def _html_value(value: Any) -> str:
    import html

    if isinstance(value, dict) and "amount" in value and "currency" in value:
        return html.escape(f"{value['currency']} {value['amount']}")
    if isinstance(value, (list, tuple)):
        return html.escape("; ".join(str(v) for v in value))
    return html.escape(str(value))


def _shown(key: str, value: Any) -> bool:
    """Figures a verdict shows: scalars, amounts and lists of text (not nested records)."""
    if key == "findings" or value is None or value == "" or value == []:
        return False
    if isinstance(value, dict):
        return "amount" in value and "currency" in value
    if isinstance(value, (list, tuple)):
        return all(isinstance(v, str) for v in value)
    return True


class Verdict(dict):  # type: ignore[type-arg]
    """The result of one engine call: a plain ``dict`` that also shows as HTML in a notebook.

    ``decide_preference``, ``assess_origin``, ``fairtrade_price`` and ``artisan_fair_price``
    return one. It compares, copies and serialises as the ``dict`` it is; in Jupyter it shows
    its figures, then its findings with their legal references.

    Parameters
    ----------
    result : dict
        The engine's result, with its ``findings`` (``code, severity, message, reference``).
    title : str
        What the verdict is about, shown as its heading.
    """

    def __init__(self, result: Dict[str, Any], title: str) -> None:
        super().__init__(result)
        self._title = title

    def _repr_html_(self) -> str:
        import html

        figures = "".join(
            f"<tr><th style='text-align:left'>{html.escape(str(k))}</th>"
            f"<td>{_html_value(v)}</td></tr>"
            for k, v in self.items()
            if _shown(k, v)
        )
        findings = "".join(
            f"<tr><td>{html.escape(str(f.get('severity', '')))}</td>"
            f"<td><code>{html.escape(str(f.get('code', '')))}</code></td>"
            f"<td>{html.escape(str(f.get('message', '')))}</td>"
            f"<td>{html.escape(str(f.get('reference', '')))}</td></tr>"
            for f in self.get("findings") or []
        )
        return (
            f"<div class='fairport-verdict'><h4>{html.escape(self._title)}</h4>"
            f"<table>{figures}</table>"
            + (
                "<table><tr><th>severity</th><th>code</th><th>finding</th><th>reference</th>"
                f"</tr>{findings}</table>"
                if findings
                else ""
            )
            + "</div>"
        )


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
    """Decide the EU GSP preference for a product of ``exporter`` imported into ``destination``.

    The arrangements are those of Regulation (EU) No 978/2012: the general arrangement (GSP),
    the special incentive arrangement (GSP+) and Everything But Arms (EBA). A "no" is an answer,
    not an error: status ``refused`` with the reason and findings that cite the act, article and
    dataset record.

    Parameters
    ----------
    exporter : str
        The exporting (beneficiary) country, ISO 3166-1 alpha-2 (``"KG"``).
    cn : str
        The product's CN code, 2 to 10 digits.
    destination : str
        The importing EU member state, ISO 3166-1 alpha-2 (``"DE"``).
    as_of : datetime.date or str
        The date of the import (release for free circulation), as a date or an ISO string.
        Required: fairport never assumes today's date.
    originating : bool, optional
        Whether the goods originate in ``exporter``. ``None`` (the default) leaves the condition
        unchecked, and the report says so.
    direct_transport : bool, optional
        Whether the transport condition is met. ``None`` (the default) leaves it unchecked.
    originating_value_eur : decimal.Decimal or str or int, optional
        The value in EUR of all originating products of the consignment, which decides whether
        the exporter must be a registered exporter (REX). A ``float`` raises ``TypeError``.
    exporter_registered_rex : bool, default False
        Whether the exporter is a registered exporter (REX).
    exporter_name : str, default ""
        The exporter's name, for the text of the statement on origin.
    rex_number : str, default ""
        The exporter's REX number, for the text of the statement on origin.
    origin_criterion : str, default ""
        The origin criterion of the statement on origin (Annex 22-07 of Commission Delegated
        Regulation (EU) 2015/2446): ``"P"``, or ``"W"`` and the HS heading (``"W 57.02"``).
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data: ``None`` (the default) for the built-in set, a
        ``fairport.ReferenceData``, or a directory with a ``manifest.json``.

    Returns
    -------
    Verdict
        A ``dict`` (shown as HTML in a notebook): ``regime`` (the best arrangement the country has:
        ``eba``, ``gsp_plus``, ``gsp``, ``none``), ``applied``, ``available``, ``status``
        (``granted``, ``conditional``, ``refused``, ``undetermined``), ``reason``, ``eligible``
        (true only when ``granted``: a ``conditional`` preference, whose origin, transport or
        proof is not shown, is not given and the third-country duty is due; fail closed),
        the conditions ``origin`` and ``direct_transport`` (``met``, ``not_met``, ``unchecked``),
        the GSP ``section``, the third-country and preferential duties as printed
        (``third_country_duty``, ``preferential_duty``), the ``statement_on_origin`` (``required``,
        ``rex_required``, ``valid_until``, ``text``) and the ``findings``.

    Raises
    ------
    TypeError
        If ``as_of`` is missing or ``originating_value_eur`` is a ``float``.
    ValueError
        If ``as_of`` is not a valid date; a malformed country or CN code raises
        ``fairport.errors.InputError``, a subclass.
    """
    result: Dict[str, Any] = _core._decide_preference(
        exporter, cn, destination, _date(as_of), originating, direct_transport,
        originating_value_eur, exporter_registered_rex, exporter_name, rex_number,
        origin_criterion, _prepared(resolve_data(data)))
    return Verdict(
        result, f"GSP preference: {exporter} -> {destination}, CN {cn}, {_date(as_of)}")


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
    """Decide whether a product originates in ``exporter`` under the EU GSP rules of origin.

    The rules are those of Commission Delegated Regulation (EU) 2015/2446 (Arts. 41 to 58, and the
    list rules of its Annex 22-03). Materials of unknown origin count as non-originating: if the
    product passes anyway it originates; if it would originate with them originating, the
    verdict is undetermined and ``missing`` names them.

    Parameters
    ----------
    hs : str
        The product's HS or CN code, at least the heading (4 digits).
    ex_works_price : decimal.Decimal or str or int
        The product's ex-works price, in ``currency``. A ``float`` raises ``TypeError``.
    currency : str
        The ISO 4217 code of the ex-works price and of the material values.
    exporter : str
        The exporting (beneficiary) country, ISO 3166-1 alpha-2.
    as_of : datetime.date or str
        The date of acceptance of the import declaration, as a date or an ISO string.
        Required: fairport never assumes today's date.
    materials : list of dict or pandas.DataFrame, optional
        The materials used, with the keys (or columns) ``description``, ``hs_code``, ``origin``
        (a country or ``"unknown"``), ``value`` (in ``currency``), and optionally ``weight_kg``
        and ``cumulation``: ``True`` (or ``"eu"``, or the material's own ``origin`` code) when a
        proof of the material's originating status is held, so it can be cumulated
        (Delegated Regulation (EU) 2015/2446, Arts. 53-56); ``False`` when not. Any other text
        (``"no"``, ``""``) raises ``fairport.errors.InputError`` ``fairport.input.106``, never
        counted as proof. Missing values in a DataFrame (NaN, NA) count as not given.
    operations : sequence of str, optional
        The operations carried out in ``exporter``: ids of the Art. 47(1) list of insufficient
        operations (``"simple_packaging"``, ...) and the process ids of the list rules
        (``"making_up"``, ...), or fairport's working operations (``"felting"``,
        ``"kiln_firing"``, ...): the closed vocabulary of ``fairport.vocabulary("operations")``.
        Any other id raises ``fairport.errors.InputError`` ``fairport.input.106``.
    wholly_obtained : bool, default False
        Whether the product is claimed to be wholly obtained (Art. 44).
    direct_transport : bool, optional
        Whether the non-manipulation condition (Art. 43) is met; ``None`` (the default)
        presumes it is.
    list_rule_row : str, default ""
        The row of the list rule when the product's range has several (``"embroidered"``).
    wholly_obtained_category : str, default ""
        The point of Art. 44(1) a wholly obtained claim rests on (``"d"``).
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data: ``None`` (the default) for the built-in set, a
        ``fairport.ReferenceData``, or a directory with a ``manifest.json``.

    Returns
    -------
    Verdict
        A ``dict`` (shown as HTML in a notebook): ``status`` (``originating``, ``not_originating``,
        ``undetermined``), ``basis``, ``rule`` and ``rule_reference``, the non-originating value,
        share, limit and margin, per-material outcomes (``materials``), ``findings``, ``missing``
        (what would decide an undetermined case), ``headroom`` (how much more non-originating value
        the product could take) and ``local_sourcing_flips`` (single materials that, sourced
        locally, would change the verdict).

    Raises
    ------
    TypeError
        If ``as_of`` is missing or an amount is a ``float``.
    fairport.errors.InputError
        If an input is malformed: a negative value or weight, a zero ex-works price, a product
        code shorter than a heading, an unknown Art. 44 point or ``list_rule_row``
        [fairport.input.106], or a bad country or currency code.
    """
    result: Dict[str, Any] = _core._assess_origin(
        hs, ex_works_price, currency, exporter, _date(as_of), _materials(materials),
        list(operations), wholly_obtained, direct_transport, list_rule_row,
        wholly_obtained_category, _prepared(resolve_data(data)))
    return Verdict(result, f"Origin: HS {hs} from {exporter}, {_date(as_of)}")


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
    """Compute the Fairtrade price of a product from the dated Fairtrade record.

    The Fairtrade price is the higher of market and minimum, plus premium (and the organic
    differential when ``organic``), in ``currency`` per ``per_unit`` (default: the record's),
    rounded up to the cent once. The result says which price binds and by how much.

    Parameters
    ----------
    product : str
        The Fairtrade product, as named in the fair-price dataset (``"coffee_arabica_washed"``).
    as_of : datetime.date or str
        The contract date, as a date or an ISO string: it picks the dated record. Required:
        fairport never assumes today's date.
    market_price : decimal.Decimal or str or int, optional
        The market price per ``market_price_unit`` in ``market_price_currency``. ``None`` (the
        default) prices at the Fairtrade Minimum Price; a record that sets only a premium needs
        a market price. A ``float`` raises ``TypeError``.
    market_price_currency : str, default "USD"
        The ISO 4217 code of ``market_price``.
    market_price_unit : str, default "lb"
        The mass unit ``market_price`` is quoted per.
    organic : bool, default False
        Whether the product is certified organic (adds the organic differential).
    region : str, default "all"
        The record's region; without a record for it, the record for ``"all"`` is used and a
        finding says so.
    quality : str, default "standard"
        The record's quality.
    per_unit : str, optional
        The mass unit of the result; ``None`` (the default) is the record's.
    currency : str, optional
        The ISO 4217 code of the result; ``None`` (the default) is the record's.
    exchange_rates : sequence of fairport.FxRate, optional
        The dated rates for every currency conversion needed.
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data: ``None`` (the default) for the built-in set, a
        ``fairport.ReferenceData``, or a directory with a ``manifest.json``.

    Returns
    -------
    Verdict
        A ``dict`` (shown as HTML in a notebook): ``basis``, ``minimum_price``, ``market_price``,
        ``binding`` (``market`` or ``minimum``), ``binding_margin``, ``premium``,
        ``organic_differential``, ``fair_price_per_unit``, ``floor_per_unit`` (amounts as dicts of
        ``amount`` and ``currency``), ``per_unit``, ``source`` and ``findings``.

    Raises
    ------
    TypeError
        If ``as_of`` is missing or ``market_price`` is a ``float``.
    fairport.errors.NoValidRecordError
        If no Fairtrade record or exchange rate needed is valid on ``as_of``
        [fairport.data.301].
    fairport.errors.InputError
        If a code, unit or date is malformed, or a price is negative.
    """
    result: Dict[str, Any] = _core._fairtrade_price(
        product, _date(as_of), market_price, market_price_currency, market_price_unit, organic,
        region, quality, per_unit, currency, list(exchange_rates), resolve_data(data))
    return Verdict(result, f"Fairtrade price: {product}, {_date(as_of)}")


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
    """Compute the Fairtrade price at each of many market prices (one record, one call).

    The arguments are those of ``fairtrade_price``, with a sequence of market prices in place of
    one (a year of daily market prices, say); the record is looked up once.

    Parameters
    ----------
    product : str
        The Fairtrade product, as named in the fair-price dataset.
    market_prices : sequence of decimal.Decimal or str or int
        The market prices per ``market_price_unit`` in ``market_price_currency``. A ``float``
        raises ``TypeError``.
    as_of : datetime.date or str
        The contract date, as a date or an ISO string: it picks the dated record. Required:
        fairport never assumes today's date.
    market_price_currency : str, default "USD"
        The ISO 4217 code of the market prices.
    market_price_unit : str, default "lb"
        The mass unit the market prices are quoted per.
    organic : bool, default False
        Whether the product is certified organic (adds the organic differential).
    region : str, default "all"
        The record's region; without a record for it, the record for ``"all"`` is used.
    quality : str, default "standard"
        The record's quality.
    per_unit : str, optional
        The mass unit of the results; ``None`` (the default) is the record's.
    currency : str, optional
        The ISO 4217 code of the results; ``None`` (the default) is the record's.
    exchange_rates : sequence of fairport.FxRate, optional
        The dated rates for every currency conversion needed.
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data: ``None`` (the default) for the built-in set, a
        ``fairport.ReferenceData``, or a directory with a ``manifest.json``.

    Returns
    -------
    list of decimal.Decimal
        The fair price per unit at each market price, in order.

    Raises
    ------
    TypeError
        If ``as_of`` is missing or a market price is a ``float``.
    fairport.errors.NoValidRecordError
        If no Fairtrade record or exchange rate needed is valid on ``as_of``
        [fairport.data.301].
    """
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
    """Compute the cost-based fair price of an artisan product (WFTO Principle 4).

    The fair price is (materials + minutes / 60 x hourly wage) x (1 + overhead_rate) x
    (1 + margin_rate), rounded up to the cent once; with ``price_paid_per_unit``, the result
    also says whether that price is fair, the shortfall and the hourly earnings it implies.

    Parameters
    ----------
    materials_per_unit : decimal.Decimal or str or int
        The cost of the materials of one unit, in ``currency``.
    labour_minutes_per_unit : decimal.Decimal or str or int
        The minutes of work one unit takes.
    hourly_wage : decimal.Decimal or str or int
        The hourly wage, in ``currency``.
    overhead_rate : decimal.Decimal or str or int
        The overhead, as a share of materials plus labour (``"0.15"`` for 15 %).
    margin_rate : decimal.Decimal or str or int
        The margin, as a share of the cost including overhead.
    currency : str
        The ISO 4217 code of every amount.
    as_of : datetime.date or str
        The date of the calculation, as a date or an ISO string. Required: fairport never
        assumes today's date.
    price_paid_per_unit : decimal.Decimal or str or int, optional
        The price actually paid per unit, in ``currency``, to assess against the fair price.
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data: ``None`` (the default) for the built-in set, a
        ``fairport.ReferenceData``, or a directory with a ``manifest.json``.

    Returns
    -------
    Verdict
        A ``dict`` (shown as HTML in a notebook): ``materials``, ``labour``, ``overhead``,
        ``margin``, ``cost`` and ``fair_price_per_unit`` (amounts as dicts of ``amount`` and
        ``currency``); with ``price_paid_per_unit``, ``is_fair``, ``shortfall_per_unit`` and
        ``implied_hourly_earnings`` (otherwise ``None``); and the ``findings``.

    Raises
    ------
    TypeError
        If ``as_of`` is missing or an amount or rate is a ``float``.
    fairport.errors.InputError
        If an amount or rate is negative or malformed, or the labour time is zero
        [fairport.input.106].
    """
    result: Dict[str, Any] = _core._artisan_fair_price(
        materials_per_unit, labour_minutes_per_unit, hourly_wage, overhead_rate, margin_rate,
        currency, _date(as_of), price_paid_per_unit, resolve_data(data))
    return Verdict(result, f"Artisan fair price ({currency}), {_date(as_of)}")


class PriceChain:
    """The price chain from the producer's price to the shelf, as ``price_chain`` returns it.

    Each stage is in one currency, with the producer's share of the retail price, the landed
    cost and the export price. Shows as an HTML table in a notebook; ``plot()`` draws the
    waterfall (matplotlib).

    Parameters
    ----------
    result : dict
        The result of the price-chain engine: ``stages``, ``currency``, the three
        ``producer_share_of_...`` figures and ``findings``. Use ``price_chain`` rather than
        building one by hand.

    Attributes
    ----------
    stages : list of tuple
        ``(name, amount)`` per stage: producer price, export price, landed cost, wholesale
        price, retail price before VAT, VAT and retail price (amounts ``Decimal``).
    currency : str
        The ISO 4217 code of every stage (the landed cost's currency).
    producer_share_of_retail : decimal.Decimal
        The producer's price as a share of the retail price (VAT included).
    producer_share_of_landed_cost : decimal.Decimal
        The producer's price as a share of the landed cost.
    producer_share_of_export_price : decimal.Decimal
        The producer's price as a share of the export price.
    findings : list of dict
        The findings (``code, severity, message, reference``).
    """

    def __init__(self, result: Dict[str, Any]) -> None:
        self.stages: List[Any] = list(result["stages"])
        self.currency: str = result["currency"]
        self.producer_share_of_retail = result["producer_share_of_retail"]
        self.producer_share_of_landed_cost = result["producer_share_of_landed_cost"]
        self.producer_share_of_export_price = result["producer_share_of_export_price"]
        self.findings: List[Dict[str, str]] = list(result["findings"])

    def to_dict(self) -> Dict[str, Any]:
        """Return the chain as a plain dict.

        Returns
        -------
        dict
            ``stages``, ``currency``, ``producer_share_of_retail``,
            ``producer_share_of_landed_cost``, ``producer_share_of_export_price`` and
            ``findings``, as ``price_chain`` computed them.
        """
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
        """Return the chain as a waterfall: the producer's price, then what each stage adds.

        Returns
        -------
        list of tuple
            ``(label, amount)``: the producer price, then what the export price, the landed
            cost, the wholesale margin, the retail margin and VAT each add (exact ``Decimal``);
            they add up to the retail price.
        """
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
        """Draw a waterfall from the producer's price to the retail price.

        The chart is ``fairport.plots.plot_price_chain`` of ``steps()`` (needs matplotlib).

        Parameters
        ----------
        ax : matplotlib.axes.Axes, optional
            The axes to draw on; ``None`` (the default) draws on a new figure.

        Returns
        -------
        matplotlib.axes.Axes
            The axes drawn on.
        """
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
    """Compute the price chain from the producer's price to the retail price.

    The chain is producer price -> export price -> landed cost (from the landed-cost engine or
    ``check_consignment``) -> wholesale (landed x (1 + wholesale_markup)) -> retail
    (x (1 + retail_markup)) -> VAT; every stage in the landed cost's currency, converted at the
    given dated rates, rounded half up to the cent; shares to 4 places, half even.

    Parameters
    ----------
    producer_price : decimal.Decimal or str or int
        The price paid to the producer, in ``producer_currency``.
    producer_currency : str
        The ISO 4217 code of ``producer_price``.
    export_price : decimal.Decimal or str or int
        The export price, in ``export_currency``.
    export_currency : str
        The ISO 4217 code of ``export_price``.
    landed_cost : decimal.Decimal or str or int
        The landed cost, in ``landed_currency``.
    landed_currency : str
        The ISO 4217 code of ``landed_cost``: the currency of every stage of the result.
    wholesale_markup : decimal.Decimal or str or int
        The wholesale markup on the landed cost (``"0.3"`` for 30 %).
    retail_markup : decimal.Decimal or str or int
        The retail markup on the wholesale price.
    vat_rate : decimal.Decimal or str or int
        The VAT rate on the retail price before VAT (``"0.19"`` for 19 %).
    as_of : datetime.date or str
        The date of the calculation, as a date or an ISO string. Required: fairport never
        assumes today's date.
    export_basis : str, default "FOB"
        The Incoterm the export price is quoted on.
    exchange_rates : sequence of fairport.FxRate, optional
        The dated rates that convert the producer and export prices to ``landed_currency``.
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data: ``None`` (the default) for the built-in set, a
        ``fairport.ReferenceData``, or a directory with a ``manifest.json``.

    Returns
    -------
    PriceChain
        The stages, the producer's shares and the findings.

    Raises
    ------
    TypeError
        If ``as_of`` is missing or an amount or rate is a ``float``.
    fairport.errors.InputError
        If an amount or rate is negative or malformed, or a share would exceed 1 (a producer
        price above the export price, an export price above the landed cost)
        [fairport.input.106].
    fairport.errors.NoValidRecordError
        If no exchange rate is given for a conversion needed [fairport.data.301].
    """
    return PriceChain(_core._price_chain(
        producer_price, producer_currency, export_price, export_currency, export_basis,
        landed_cost, landed_currency, wholesale_markup, retail_markup, vat_rate,
        list(exchange_rates), _date(as_of), resolve_data(data)))
