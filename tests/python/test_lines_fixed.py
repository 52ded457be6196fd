"""fairport.check_lines(df, fixed_scale=k): amounts in and out as int64 coefficients.

The fixed-point form is the Decimal form without Python objects for the amounts: the same one
lines pipeline computes both, so every figure, error code and regime must be equal row by row
(a differential test over a frame with failing rows), and a figure the scale cannot hold
exactly fails its row instead of being rounded.
"""
import random
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import fairport

FIGURES = ["customs_value", "duty", "third_country_duty", "vat", "landed_cost"]


def frame(rows, seed=11):
    rnd = random.Random(seed)
    exporters = ["KG", "TJ", "PK", "CN", "UZ", "BD", ""]
    destinations = ["DE", "NL", "FR", "EE", "IT", "PL"]
    codes = ["4202210000", "6304920000", "0813100000", "6405209100", "9999", "5701109000"]
    cents = lambda lo, hi: [rnd.randint(lo, hi) for _ in range(rows)]
    return pd.DataFrame({
        "as_of": [f"2026-{rnd.randint(1, 11):02d}-{rnd.randint(1, 28):02d}" for _ in range(rows)],
        "exporter_country": [rnd.choice(exporters) for _ in range(rows)],
        "origin_proof": [rnd.random() < 0.7 for _ in range(rows)],
        "importer_country": [rnd.choice(destinations) for _ in range(rows)],
        "incoterm": [rnd.choice(["EXW", "FCA", "CIF", "DAP"]) for _ in range(rows)],
        "currency": ["EUR"] * rows,
        "hs_code": [rnd.choice(codes) for _ in range(rows)],
        "invoice_value": np.array(cents(1, 5_000_000), dtype=np.int64),
        "freight_to_border": np.array(cents(0, 60_000), dtype=np.int64),
        "insurance": np.array(cents(0, 3_000), dtype=np.int64),
        "declaration_currency": ["PLN" if False else None] * rows,
    })


def as_decimal(df, scale):
    out = df.copy()
    for k in ("invoice_value", "freight_to_border", "insurance"):
        out[k] = [Decimal(int(v)).scaleb(-scale) for v in df[k]]
    return out


@pytest.mark.parametrize("scale", [2, 3])
def test_fixed_point_equals_the_decimal_form_row_by_row(scale):
    df = frame(3000)
    df.loc[df["importer_country"] == "PL", "declaration_currency"] = "PLN"
    fixed = fairport.check_lines(df, fixed_scale=scale)
    exact = fairport.check_lines(as_decimal(df, scale))
    assert list(fixed.columns) == list(exact.columns)
    computed = exact["error_code"].isna()
    assert computed.sum() > 1000 and (~computed).sum() > 100  # both kinds of rows are tested
    for k in FIGURES:
        assert str(fixed[k].dtype) == "Int64"
        assert fixed[k].isna().tolist() == (~computed).tolist(), k
        for f, d in zip(fixed.loc[computed, k], exact.loc[computed, k]):
            assert Decimal(int(f)).scaleb(-scale) == d, k
    for k in ("result_currency", "regime", "error_code", "error_message"):
        assert fixed[k].tolist() == exact[k].tolist(), k


def test_a_figure_the_scale_cannot_hold_fails_its_row_not_rounded():
    # EUR 199 + 25 + 10 = 234 into the Netherlands at scale 0: the Chinese handbag's 3 % duty is
    # 7.02, which no whole number holds: the row fails with the code for an inexact result.
    df = pd.DataFrame({
        "as_of": ["2026-03-16"] * 2, "exporter_country": ["PK", "CN"],
        "origin_proof": [True, True], "importer_country": ["NL", "NL"],
        "incoterm": ["EXW", "EXW"], "currency": ["EUR", "EUR"],
        "hs_code": ["4202210000"] * 2, "invoice_value": np.array([199, 199]),
        "freight_to_border": np.array([25, 25]), "insurance": np.array([10, 10]),
    })
    out = fairport.check_lines(df, fixed_scale=0)
    assert out.loc[1, "customs_value"] is pd.NA
    assert out.loc[1, "error_code"] == "fairport.arithmetic.205"
    assert out.loc[1, "error_message"].startswith("[fairport.arithmetic.205] duty: the figure 7.02")
    assert out.loc[1, "regime"] == "none"
    # Pakistan (GSP+, 0 %): duty 0, but the third-country duty it is compared with is 7.02 too.
    assert out.loc[0, "error_message"].startswith(
        "[fairport.arithmetic.205] third_country_duty: the figure 7.02")
    at2 = fairport.check_lines(df.assign(invoice_value=np.array([19900, 19900]),
                                         freight_to_border=np.array([2500, 2500]),
                                         insurance=np.array([1000, 1000])), fixed_scale=2)
    assert at2["customs_value"].tolist() == [23400, 23400]
    assert at2["duty"].tolist() == [0, 702]
    assert at2["landed_cost"].tolist() == [28314, 29163]


def test_only_integers_are_amounts_in_the_fixed_form():
    df = frame(5)
    with pytest.raises(TypeError, match="fixed_scale=2 the amount columns are int64 coefficients"):
        fairport.check_lines(df.assign(invoice_value=["199.00"] * 5), fixed_scale=2)
    with pytest.raises(TypeError, match="holds floats"):
        fairport.check_lines(df.assign(invoice_value=[1.5] * 5), fixed_scale=2)
    with pytest.raises(TypeError, match="fixed_scale must be an int"):
        fairport.check_lines(df, fixed_scale=2.0)
    with pytest.raises(fairport.errors.InputError, match="fixed_scale must be 0 to 18"):
        fairport.check_lines(df, fixed_scale=19)


def test_nullable_integer_columns_mark_missing_amounts():
    df = frame(3).assign(freight_to_border=pd.array([2500, None, 0], dtype="Int64"))
    fixed = fairport.check_lines(df, fixed_scale=2)
    exact = fairport.check_lines(df.assign(
        invoice_value=[Decimal(int(v)).scaleb(-2) for v in df["invoice_value"]],
        freight_to_border=[Decimal("25.00"), None, Decimal(0)],
        insurance=[Decimal(int(v)).scaleb(-2) for v in df["insurance"]]))
    for k in FIGURES:
        assert [None if v is pd.NA else Decimal(int(v)).scaleb(-2) for v in fixed[k]] == \
            exact[k].tolist()


def test_a_result_beyond_int64_fails_its_row():
    big = 2**63 - 1
    df = pd.DataFrame({
        "as_of": ["2026-03-16"], "importer_country": ["NL"], "incoterm": ["EXW"],
        "currency": ["EUR"], "hs_code": ["4202210000"],
        "invoice_value": np.array([big // 2], dtype=np.int64),
        "freight_to_border": np.array([big // 2], dtype=np.int64),
    })
    out = fairport.check_lines(df, fixed_scale=2)
    assert out.loc[0, "error_code"] == "fairport.arithmetic.201"
    assert out.loc[0, "landed_cost"] is pd.NA
