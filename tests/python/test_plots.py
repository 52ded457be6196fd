"""fairport.plots: the charts draw the report's exact figures (matplotlib, Agg backend)."""

import os
import subprocess
import sys
from decimal import Decimal

import pytest

import fairport

matplotlib = pytest.importorskip(
    "matplotlib", reason="matplotlib is not installed (Debian: python3-matplotlib)"
)
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import fairport.plots as fplots  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_importing_the_module_does_not_import_matplotlib():
    here = os.path.dirname(os.path.dirname(os.path.abspath(fairport.__file__)))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([here, os.environ.get("PYTHONPATH", "")]))
    code = "import sys, fairport.plots; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_landed_cost_parts_add_up_exactly_for_every_example():
    for name in fairport.example_names():
        d = fairport.check_consignment(fairport.example_consignment(name)).to_dict()
        for line in d["lines"]:
            parts = fplots._landed_parts(line)
            assert all(isinstance(v, Decimal) for v in parts.values())
            assert sum(parts.values(), Decimal(0)) == line["landed_cost"]["amount"], name
            assert parts["duty"] == line["duty"]["amount"]["amount"]
            assert parts["VAT"] == line["vat"]["amount"]["amount"]


def test_goods_are_the_price_without_carriage():
    # FCA: the invoice is the goods; freight and insurance to the border come on top.
    d = fairport.check_consignment(fairport.example_consignment("kg_felt_de")).to_dict()
    line = d["lines"][0]
    parts = fplots._landed_parts(line)
    assert parts["goods"] == line["invoice_value"]["amount"] == Decimal("2210.40")
    assert parts["transport"] == Decimal("250.91") + Decimal("20.91") + Decimal("51.89")
    # CIF: the invoice of EUR 4800.00 already holds freight 380.00 and insurance 21.00.
    d = fairport.check_consignment(fairport.example_consignment("bd_garments_fr")).to_dict()
    parts = fplots._landed_parts(d["lines"][0])
    assert parts["goods"] == Decimal("4399.00")
    assert parts["transport"] == Decimal("496.00")


def test_plot_landed_cost_stacks_one_bar_per_line():
    report = fairport.check_consignment(fairport.example_consignment("kg_felt_de"))
    fig, ax = plt.subplots()
    assert fplots.plot_landed_cost(report, ax=ax) is ax
    # Goods, transport, duty and VAT for two lines; no excise or fees segment (all zero).
    assert len(ax.patches) == 8
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "goods",
        "transport",
        "duty",
        "VAT",
    ]
    assert _texts(ax) == ["3015.59", "1633.45"]
    tops = {}
    for p in ax.patches:
        x = round(p.get_x() + p.get_width() / 2)
        tops[x] = max(tops.get(x, 0.0), p.get_y() + p.get_height())
    assert tops == pytest.approx({0: 3015.59, 1: 1633.45})
    assert "KG-2026-0042" in ax.get_title() and "EUR" in ax.get_ylabel()


def test_plot_landed_cost_makes_its_own_figure_and_takes_a_dict():
    d = fairport.check_consignment(fairport.example_consignment("uz_apricots_nl")).to_dict()
    ax = fplots.plot_landed_cost(d)
    assert ax.figure is not None
    assert _texts(ax) == [format(d["lines"][0]["landed_cost"]["amount"], "f")]
    with pytest.raises(TypeError):
        fplots.plot_landed_cost(["not", "a", "report"])


def test_plot_duty_savings_from_a_report():
    report = fairport.check_consignment(fairport.example_consignment("kg_felt_de"))
    ax = fplots.plot_duty_savings(report)
    # Third-country duty 6,7 % and 8 % against GSP+ free (see the report).
    assert _texts(ax) == ["saving 166.31", "saving 33.60"]
    assert ax.get_title().endswith("total 199.91")
    assert len(ax.patches) == 4


def test_plot_duty_savings_from_columns():
    pd = pytest.importorskip("pandas")
    cols = fairport.landed_cost_columns(
        {
            "as_of": ["2026-03-16"] * 3,
            "exporter_country": ["PK", "PK", "PK"],
            "origin_proof": [True, True, True],
            "importer_country": ["IT", "IT", "IT"],
            "incoterm": ["EXW"] * 3,
            "currency": ["EUR"] * 3,
            "hs_code": ["4202210000", "1234", "4202210000"],
            "invoice_value": ["1000.00", "5", "199.00"],
        }
    )
    frame = pd.DataFrame(cols).assign(hs_code=["4202210000", "1234", "4202210000"])
    ax = fplots.plot_duty_savings(frame)
    # Handbags, 3 % third-country duty, free under GSP+; the row in error is left out.
    assert _texts(ax) == ["saving 30.00", "saving 5.97"]
    assert ax.get_title().endswith("total 35.97")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["4202210000", "4202210000"]
    with pytest.raises(ValueError, match="third_country_duty"):
        fplots.plot_duty_savings(frame.drop(columns=["third_country_duty"]))


def test_plot_price_chain_is_an_exact_waterfall():
    stages = [
        ("producer", Decimal("112.08")),
        ("export and freight", "20.50"),
        ("duty", 0),
        ("discount", Decimal("-2.58")),
        ("VAT", Decimal("24.70")),
    ]
    ax = fplots.plot_price_chain(stages)
    assert _texts(ax) == ["112.08", "20.50", "0", "-2.58", "24.70", "154.70"]
    # 112.08 / 154.70 = 72.449 %: shown to one place.
    assert ax.get_title() == "Price chain: producer's share 72.4 %"
    bars = ax.patches
    assert len(bars) == 6
    # The discount goes down from 132.58 to 130.00.
    assert bars[3].get_y() == pytest.approx(130.00) and bars[3].get_height() == pytest.approx(2.58)
    assert bars[5].get_height() == pytest.approx(154.70)
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "total"


def test_plot_price_chain_refuses_floats_and_nothing():
    with pytest.raises(TypeError, match="float"):
        fplots.plot_price_chain([("producer", 1.5)])
    with pytest.raises(ValueError):
        fplots.plot_price_chain([])
