"""Report.lines_frame() and Report.findings_frame(): the report as DataFrames, no dict digging.

The figures are the report's own (the three-line Tajik example of the README's user: cushion
covers 6304 92 00 at GSP 9.6 % = 80 % of the 12 % duty, Reg. (EU) 978/2012 Art. 7(2)-(3);
felt slippers 6405 20 91, 4 % - 3.5 points = 0.5 %, suspended as 1 % or less, Art. 7(6); dried
apricots 0813 10 00 at 5.6 % - 3.5 = 2.1 %), checked against the JSON report.
"""
import json
from decimal import Decimal

import pytest

import fairport

pd = pytest.importorskip("pandas")


def report():
    return fairport.check_consignment(
        json.loads(fairport._core.example_consignment("tj_cushions_slippers_apricots_ee")))


def test_one_row_per_line_with_every_figure():
    r = report()
    f = r.lines_frame()
    d = r.to_dict()
    assert list(f.index) == ["1", "2", "3"]
    assert f.loc["1", "hs_code"] == "63049200"
    assert f.loc["2", "quantity"] == Decimal("15") and f.loc["2", "quantity_unit"] == "pair"
    assert f.loc["3", "net_mass"] == Decimal("20.000")
    assert list(f["regime"]) == ["gsp", "gsp", "gsp"]
    assert list(f["duty_rate"]) == [Decimal("0.096"), Decimal("0"), Decimal("0.021")]
    assert list(f["duty_text"]) == ["9,6 %", "free", "2,1 %"]
    for line, (_, row) in zip(d["lines"], f.iterrows()):
        assert row["customs_value"] == line["customs_value"]["amount"]
        assert row["landed_cost"] == line["landed_cost"]["amount"]
        assert row["vat_rate"] == line["vat"]["rate"]
    assert f["landed_cost"].sum() == d["totals"]["landed_cost"]["amount"] == Decimal("2879.72")
    assert list(f["is_fair"]) == [True, True, True]
    assert f.loc["1", "fair_price_currency"] == "EUR"
    assert list(f["missing"]) == [[], [], []]
    # Line 1 is originating by the "unembroidered fabric <= 40 %" alternative; the weaving
    # alternative it could not decide asks for nothing more (missing is for open verdicts).
    assert d["lines"][0]["origin"]["status"] == "originating"
    assert "missing" not in d["lines"][0]["origin"]
    assert list(f["error_codes"]) == [[], [], []]


def test_missing_items_and_errors_are_columns_of_their_line():
    doc = json.loads(fairport._core.example_consignment("tj_cushions_slippers_apricots_ee"))
    del doc["lines"][0]["origin"]
    doc["lines"][2]["hs_code"] = "0813 99"  # not in the duty data: the duty step fails
    f = fairport.check_consignment(doc).lines_frame()
    assert f.loc["1", "origin_status"] is None  # no claim: nothing to assess
    assert f.loc["1", "regime"] == "none" and f.loc["1", "preference_status"] == "conditional"
    assert "/lines/0/origin" in f.loc["1", "missing"]
    assert f.loc["1", "potential_saving"] > 0
    assert f.loc["3", "landed_cost"] is None
    assert f.loc["3", "error_codes"][0].startswith("fairport.data.301")


def test_findings_frame_says_where_each_finding_belongs():
    r = report()
    ff = r.findings_frame()
    d = r.to_dict()
    expected = sum(len(l[s]["findings"]) for l in d["lines"] for s in ("origin", "preference",
                                                                       "fair_price") if l.get(s))
    expected += sum(len(l["findings"]) for l in d["lines"]) + len(d["findings"])
    expected += sum(len(x["findings"]) for x in d["documents"])
    assert len(ff) == expected
    assert set(ff["section"]) >= {"origin", "preference", "landed_cost", "fair_price",
                                  "consignment", "statement_on_origin"}
    # The legal act first, the dataset record after.
    tariff = ff[ff.message.str.contains("third-country duty") & (ff.section == "landed_cost")]
    assert tariff.reference.iloc[0].startswith("Common Customs Tariff conventional duty")


def coffee(price, premium=None):
    producer = {"price_paid_per_unit": price,
                "fairtrade": {"product": "coffee_arabica_washed",
                              "market_price": {"amount": "1.50", "currency": "USD"},
                              "market_price_unit": "lb"}}
    if premium is not None:
        producer["premium_paid_per_unit"] = premium
    return {
        "schema": "fairport.consignment/1", "id": "PE-COFFEE-1", "as_of": "2026-03-16",
        "exporter": {"name": "Cooperative", "country": "PE"},
        "importer": {"name": "Roaster", "country": "DE"},
        "incoterm": "FOB", "currency": "USD", "direct_transport": True,
        "exchange_rates": [{"from": "USD", "to": "EUR", "rate": "0.9210", "date": "2026-03-01",
                            "source": "customs monthly rate"}],
        "lines": [{"id": "1", "description": "Green arabica coffee, washed",
                   "hs_code": "0901 11 00", "quantity": {"value": "1000", "unit": "lb"},
                   "net_mass": {"value": "453.59237", "unit": "kg"}, "invoice_value": "1600.00",
                   "origin": {"wholly_obtained": True, "wholly_obtained_category": "b"},
                   "producer": producer}],
    }


def test_the_fairtrade_premium_is_a_verdict_of_its_own():
    # Minimum USD 1.80/lb + premium 0.20/lb (dataset fairtrade_minimum_prices, from 2023-08-01);
    # paid 1.60: together 0.40 short; declared apart with no premium paid, 0.20 short on price
    # and 0.20 premium due.
    together = fairport.check_consignment(coffee("1.60")).lines_frame().loc["1"]
    assert together["shortfall_per_unit"] == Decimal("0.40")
    assert together["premium_due_per_unit"] == Decimal("0.20")
    assert together["premium_paid_in_full"] is None
    r = fairport.check_consignment(coffee("1.60", "0"))
    apart = r.lines_frame().loc["1"]
    assert not apart["is_fair"]
    assert apart["shortfall_per_unit"] == Decimal("0.20")
    assert apart["price_due_per_unit"] == Decimal("1.80")
    assert apart["premium_shortfall_per_unit"] == Decimal("0.20")
    assert apart["premium_paid_in_full"] == False  # noqa: E712
    assert "price paid USD 1.60 vs USD 1.80, 0.20 short; premium paid 0 vs 0.20, 0.20 due" in \
        r.to_text()
    paid = fairport.check_consignment(coffee("1.80", "0.20")).lines_frame().loc["1"]
    assert paid["is_fair"] and paid["premium_paid_in_full"]
    doc = json.loads(fairport._core.example_consignment("kg_felt_de"))
    doc["lines"][0]["producer"]["premium_paid_per_unit"] = "1.00"  # an artisan line
    errors = fairport.check_consignment(doc).to_dict()["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [
        ("fairport.consignment.401", "/lines/0/producer/premium_paid_per_unit")]
