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
