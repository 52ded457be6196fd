"""The engines over DataFrames give, row by row, what the engines give one by one.

The cases are those of test_engines.py, with their sources: Regulation (EU) No 978/2012
Annex III (Kyrgyzstan GSP+), the Chapter 69 list rule of Delegated Regulation (EU) 2015/2446
Annex 22-03 at its 50 % boundary, and the artisan fair price of WFTO Principle 4.
"""
from decimal import Decimal

import pandas as pd
import pytest

import fairport


def test_decide_preferences_matches_the_scalar_decisions_row_by_row():
    df = pd.DataFrame({
        "exporter_country": ["KG", "CN", "KG", "ID", "KG", "K1"],
        "hs_code": ["5701109000", "5701109000", "5701109000", "5602100000", "5701109000",
                    "5701109000"],
        "importer_country": ["DE", "DE", "DE", "FR", "DE", "DE"],
        "as_of": ["2026-03-16", "2026-03-16", "2026-03-16", "2026-03-16", "1999-01-01",
                  "2026-03-16"],
    }, index=[10, 11, 12, 13, 14, 15])
    out = fairport.decide_preferences(df)
    assert list(out.index) == [10, 11, 12, 13, 14, 15]
    assert out["regime"].tolist()[:4] == ["gsp_plus", "none", "gsp_plus", "gsp"]
    assert out.loc[10, "third_country_duty"] == "8 % MAX 2,8 EUR/m2"
    assert out.loc[10, "preferential_duty"] == "free"
    assert out.loc[11, "reason"] == "not_a_beneficiary" and out.loc[11, "eligible"] is False
    # Sensitive textile under the general arrangement: 6.7 % less 20 %, rounded down (Art. 34).
    assert out.loc[13, "preferential_duty"] == "5,3 %"
    for i, row in df.iterrows():
        if i == 15:
            continue
        d = fairport.decide_preference(row.exporter_country, row.hs_code, row.importer_country,
                                       as_of=row.as_of)
        assert out.loc[i, "status"] == d["status"] and out.loc[i, "applied"] == d["applied"]
    # A date before the data is an outcome, not an error: the status is undetermined.
    assert out.loc[14, "status"] == "undetermined"
    assert out.loc[14, "reason"] == "beneficiary_status_unknown"
    # A malformed country code fails its row only, with its code.
    assert out.loc[15, "error_code"] == "fairport.input.103"
    assert out["error_code"].iloc[:5].isna().all()


def test_assess_origins_at_the_value_rule_boundary():
    products = pd.DataFrame({
        "hs_code": ["691200", "691200", "691200"],
        "ex_works_price": [Decimal("10.00"), "10.00", Decimal("10.00")],
        "currency": "EUR",
        "exporter_country": "TJ",
        "as_of": "2026-03-16",
        "operations": ["ceramic_glazing; hand_painting; kiln_firing", "ceramic_glazing;kiln_firing",
                       "ceramic_glazing; kiln_firing"],
    }, index=pd.Index(["bowl-a", "bowl-b", "bowl-c"], name="product_id"))
    materials = pd.DataFrame({
        "product_id": ["bowl-a", "bowl-a", "bowl-b", "bowl-b", "bowl-c"],
        "description": ["biscuit-fired bowls", "glaze", "biscuit-fired bowls", "glaze",
                        "biscuit-fired bowls"],
        "hs_code": ["691200", "3207", "691200", "3207", "691200"],
        "origin": ["CN", "CN", "CN", "CN", "unknown"],
        "value": [Decimal("4.40"), Decimal("0.60"), Decimal("4.40"), Decimal("0.61"),
                  Decimal("6.00")],
    })
    out = fairport.assess_origins(products, materials)
    assert out["status"].tolist() == ["originating", "not_originating", "undetermined"]
    assert out.loc["bowl-a", "margin"] == Decimal("0")
    assert out.loc["bowl-b", "margin"] == Decimal("-0.01")
    assert out.loc["bowl-a", "limit"] == Decimal("0.5")
    assert out.loc["bowl-c", "missing"]
    assert out["error_code"].isna().all()
    with pytest.raises(TypeError):
        fairport.assess_origins(products.assign(ex_works_price=10.0), materials)


def test_artisan_fair_prices_flags_the_rows_paid_below_fair():
    df = pd.DataFrame({
        "materials_per_unit": ["55.00", "55.00", "55.00"],
        "labour_minutes_per_unit": ["960", "960", "960"],
        "hourly_wage": ["2.10", "2.10", "2.10"],
        "overhead_rate": ["0.10", "0.10", "0.10"],
        "margin_rate": ["0.15", "0.15", "0.15"],
        "currency": ["USD", "USD", "XXQ"],
        "as_of": ["2026-03-16"] * 3,
        "price_paid_per_unit": ["100", None, "120"],
    })
    out = fairport.artisan_fair_prices(df)
    # (55.00 + 16 h x 2.10) x 1.10 x 1.15 = 112.079 -> 112.08, rounded up once.
    assert out.loc[0, "fair_price_per_unit"] == Decimal("112.08")
    assert out.loc[0, "is_fair"] is False and out.loc[0, "shortfall_per_unit"] == Decimal("12.08")
    assert out.loc[1, "is_fair"] is None and out.loc[1, "fair_price_per_unit"] == Decimal("112.08")
    assert out.loc[2, "error_code"] is not None and out.loc[2, "fair_price_per_unit"] is None
