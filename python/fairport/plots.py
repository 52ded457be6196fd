"""Charts of fairport results with matplotlib (``import fairport.plots``).

Every function draws on a matplotlib ``Axes`` (a new figure when ``ax`` is ``None``) and
returns that ``Axes``. The figures are for looking at: the exact amounts stay ``Decimal`` in the
report or DataFrame and are written on the chart as exact strings; they are turned into binary
floating point only at the last step, to place bars on the screen.

matplotlib is imported when a function is called, so ``import fairport`` does not need it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

__all__ = ["plot_landed_cost", "plot_duty_savings", "plot_price_chain"]

# Colours of the landed-cost parts, the same in every chart.
_COLOURS = {
    "goods": "#4c72b0",
    "transport": "#8c8c8c",
    "duty": "#c44e52",
    "excise and fees": "#8172b2",
    "VAT": "#dd8452",
}


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt  # optional dependency, imported when used

    _, new_ax = plt.subplots()
    return new_ax


def _draw(value: Decimal) -> float:
    # Display only: bar heights and positions on the screen. Every figure written on the
    # chart, and every sum, is computed with Decimal before this conversion.
    return float(value)


def _amount(obj: Any) -> Decimal:
    """The ``Decimal`` of a report money object ``{"amount": ..., "currency": ...}``."""
    if obj is None:
        return Decimal(0)
    value = obj["amount"] if isinstance(obj, Mapping) else obj
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _report_dict(report: Any) -> Dict[str, Any]:
    if hasattr(report, "to_dict"):
        result: Dict[str, Any] = report.to_dict()
        return result
    if isinstance(report, Mapping):
        return dict(report)
    raise TypeError("expected a fairport.Report or its to_dict(), not " + type(report).__name__)


def _landed_parts(line: Mapping[str, Any]) -> Dict[str, Decimal]:
    """Goods, transport, duty, excise and fees, VAT of one report line; they add up exactly
    to the line's landed cost. Transport is every carriage and insurance cost of the line
    (``costs``), whether the invoice included it (CIF, CPT ...) or not; goods is what remains:
    the price of the goods without carriage (the invoice value under EXW, FCA or FOB)."""
    costs = line.get("costs") or {}
    transport = sum((_amount(v) for v in costs.values()), Decimal(0))
    duty = _amount((line.get("duty") or {}).get("amount"))
    other = _amount(line.get("excise")) + _amount(line.get("fees"))
    vat = _amount((line.get("vat") or {}).get("amount"))
    landed = _amount(line.get("landed_cost"))
    goods = landed - transport - duty - other - vat
    return {
        "goods": goods,
        "transport": transport,
        "duty": duty,
        "excise and fees": other,
        "VAT": vat,
    }


def plot_landed_cost(report: Any, ax: Any = None) -> Any:
    """Draw stacked bars, one per report line: goods, transport, duty, (excise and fees,) VAT.

    Each bar is labelled with the line's exact landed cost; lines the check could not price (in
    the report's ``errors``) have no bar. Transport is every carriage and insurance cost of the
    line, whether the invoice included it (CIF, CPT ...) or not; goods is what remains.

    Parameters
    ----------
    report : fairport.Report or dict
        A consignment report, or its ``to_dict()``.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; ``None`` (the default) draws on a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    TypeError
        If ``report`` is neither a ``fairport.Report`` nor a mapping.
    """
    d = _report_dict(report)
    lines = [ln for ln in d.get("lines", []) if ln.get("landed_cost") is not None]
    currency = str(d.get("currency", ""))
    ax = _axes(ax)
    labels = [str(ln.get("id", i + 1)) for i, ln in enumerate(lines)]
    parts = [_landed_parts(ln) for ln in lines]
    names = [n for n in _COLOURS if n != "excise and fees" or any(p[n] != 0 for p in parts)]
    positions = list(range(len(lines)))
    bottoms = [Decimal(0)] * len(lines)
    for name in names:
        heights = [p[name] for p in parts]
        ax.bar(
            positions,
            [_draw(h) for h in heights],
            bottom=[_draw(b) for b in bottoms],
            color=_COLOURS[name],
            label=name,
        )
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    for x, ln, top in zip(positions, lines, bottoms):
        ax.annotate(
            format(_amount(ln["landed_cost"]), "f"),
            (x, _draw(top)),
            ha="center",
            va="bottom",
            fontsize="small",
        )
    ax.set_xticks(positions)
    ax.set_xticklabels(["line " + s for s in labels])
    ax.set_ylabel(f"landed cost ({currency})")
    subject = d.get("consignment_id", "the consignment")
    title = f"Landed cost of {subject} as of {d.get('as_of', '')}"
    ax.set_title(title.strip())
    # Beside the axes: the bars fill the width, a legend inside would cover them.
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.margins(y=0.12)
    return ax


def _column(frame: Any, name: str) -> Optional[List[Any]]:
    try:
        columns = frame.columns if hasattr(frame, "columns") else frame.keys()
    except AttributeError:
        return None
    if name not in columns:
        return None
    col = frame[name]
    return col.tolist() if hasattr(col, "tolist") else list(col)


def _savings_rows(
    data: Any, label: Optional[str]
) -> Tuple[List[str], List[Decimal], List[Decimal], str, str]:
    """Labels, duty paid and third-country duty per row, the title's subject, the currency."""
    if (hasattr(data, "to_dict") and hasattr(data, "exit_status")) or (
        isinstance(data, Mapping) and "lines" in data
    ):
        d = _report_dict(data)
        rows = [ln for ln in d.get("lines", []) if (ln.get("duty") or {}).get("amount") is not None]
        labels = ["line " + str(ln.get("id", i + 1)) for i, ln in enumerate(rows)]
        paid = [_amount(ln["duty"]["amount"]) for ln in rows]
        third = [
            _amount(ln["duty"].get("third_country_amount") or ln["duty"]["amount"]) for ln in rows
        ]
        return labels, paid, third, str(d.get("consignment_id", "")), str(d.get("currency", ""))
    duty = _column(data, "duty")
    third_col = _column(data, "third_country_duty")
    if duty is None or third_col is None:
        raise ValueError(
            "plot_duty_savings needs a fairport.Report or a frame with the columns 'duty' and "
            "'third_country_duty' (landed_cost_columns and check_lines give both)"
        )
    names = _column(data, label) if label is not None else None
    if names is None:
        names = _column(data, "hs_code")
    if names is None:
        index = getattr(data, "index", None)
        names = list(index) if index is not None else list(range(len(duty)))
    keep = [i for i, (a, b) in enumerate(zip(duty, third_col)) if a is not None and b is not None]
    return (
        [str(names[i]) for i in keep],
        [_amount(duty[i]) for i in keep],
        [_amount(third_col[i]) for i in keep],
        "",
        "EUR",  # landed_cost_columns and check_lines work in EUR
    )


def plot_duty_savings(data: Any, ax: Any = None, *, label: Optional[str] = None) -> Any:
    """Draw the duty paid beside the third-country (MFN) duty, per row, with the exact saving.

    Rows without a duty (errors) are left out. The title gives the total saving.

    Parameters
    ----------
    data : pandas.DataFrame or mapping or fairport.Report
        A DataFrame (or a mapping of columns) with ``duty`` and ``third_country_duty`` (as
        ``landed_cost_columns`` and ``check_lines`` return them). A ``fairport.Report`` (or its
        ``to_dict()``) works too: one pair of bars per line from its ``duty.amount`` and
        ``duty.third_country_amount``.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; ``None`` (the default) draws on a new figure.
    label : str, optional
        The column that labels the rows; without it (or without that column), ``hs_code``,
        else the index.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    ValueError
        If ``data`` is not a report and lacks the column ``duty`` or ``third_country_duty``.
    """
    labels, paid, third, subject, currency = _savings_rows(data, label)
    ax = _axes(ax)
    positions = list(range(len(labels)))
    width = 0.4
    ax.bar(
        [_draw(Decimal(x) - Decimal("0.2")) for x in positions],
        [_draw(v) for v in third],
        width=width,
        color="#8c8c8c",
        label="third-country duty",
    )
    ax.bar(
        [_draw(Decimal(x) + Decimal("0.2")) for x in positions],
        [_draw(v) for v in paid],
        width=width,
        color=_COLOURS["duty"],
        label="duty paid",
    )
    for x, a, b in zip(positions, paid, third):
        ax.annotate(
            "saving " + format(b - a, "f"),
            (x, _draw(max(a, b))),
            ha="center",
            va="bottom",
            fontsize="small",
        )
    total = sum((b - a for a, b in zip(paid, third)), Decimal(0))
    ax.set_xticks(positions)
    many = len(labels) > 4
    ax.set_xticklabels(labels, rotation=30 if many else 0, ha="right" if many else "center")
    ax.set_ylabel(f"duty ({currency})" if currency else "duty")
    title = "Duty saving by preference" + (f" ({subject})" if subject else "")
    ax.set_title(f"{title}: total {format(total, 'f')}")
    ax.legend(fontsize="small")
    ax.margins(y=0.15)
    return ax


def plot_price_chain(
    stages: Sequence[Tuple[str, Any]], ax: Any = None, *, total_label: str = "total"
) -> Any:
    """Draw a waterfall from the producer's price to the final price.

    A last bar shows the exact total, and the title the producer's share of it.

    Parameters
    ----------
    stages : sequence of tuple
        ``(label, amount)`` pairs: the first amount is the producer's price, each further one
        what a step of the chain adds (negative amounts go down). Amounts are ``Decimal``,
        ``str`` or ``int`` (a ``float`` raises ``TypeError``). ``PriceChain.steps()`` gives
        them.
    ax : matplotlib.axes.Axes, optional
        The axes to draw on; ``None`` (the default) draws on a new figure.
    total_label : str, default "total"
        The label of the last bar, the total.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    TypeError
        If an amount is a ``float``.
    ValueError
        If ``stages`` is empty.
    """
    if not stages:
        raise ValueError("plot_price_chain needs at least one stage")
    labels: List[str] = []
    amounts: List[Decimal] = []
    for label, value in stages:
        if isinstance(value, float):
            raise TypeError(f"{label}: a float is not an exact amount; pass Decimal or str")
        amounts.append(value if isinstance(value, Decimal) else Decimal(str(value)))
        labels.append(str(label))
    ax = _axes(ax)
    level = Decimal(0)
    for i, (name, value) in enumerate(zip(labels, amounts)):
        bottom = level if value >= 0 else level + value
        colour = "#55a868" if i == 0 else ("#c44e52" if value >= 0 else "#4c72b0")
        ax.bar(i, _draw(abs(value)), bottom=_draw(bottom), color=colour)
        ax.annotate(
            format(value, "f"),
            (i, _draw(bottom + abs(value))),
            ha="center",
            va="bottom",
            fontsize="small",
        )
        level += value
    n = len(labels)
    ax.bar(n, _draw(level), color="#4c72b0")
    ax.annotate(format(level, "f"), (n, _draw(level)), ha="center", va="bottom", fontsize="small")
    ax.set_xticks(list(range(n + 1)))
    ax.set_xticklabels(labels + [total_label], rotation=30, ha="right")
    title = "Price chain"
    if level != 0:
        share = (amounts[0] * 100 / level).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        title += f": producer's share {share} %"
    ax.set_title(title)
    ax.margins(y=0.12)
    return ax
