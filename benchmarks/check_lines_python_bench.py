"""fairport.check_lines vs the same computation written with pandas and decimal, same run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/check_lines_python_bench.py [rows]

The reference is what an analyst would write: a DataFrame of Decimal columns, the duty rate and
VAT rate looked up per row from dicts (the rates fairport's data gives for these codes), and
customs value, duty, VAT and landed cost per row with Decimal.quantize(ROUND_HALF_UP). It knows
nothing of the GSP, Incoterms or tariff records, so it does less than fairport does. Both
results are compared figure by figure before the times are printed.
"""
import random
import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

import fairport

CODES = {"4202210000": Decimal("0.03"), "5602210000": Decimal("0.067"),
         "6912002500": Decimal("0.09"), "0813100000": Decimal("0.056")}
VAT = {"DE": Decimal("0.19"), "NL": Decimal("0.21"), "IT": Decimal("0.22"), "FR": Decimal("0.2")}
# Dried apricots (0813) take the food rate of each member state (dataset eu_vat_goods_rates).
FOOD_VAT = {"DE": Decimal("0.07"), "NL": Decimal("0.09"), "IT": Decimal("0.04"),
            "FR": Decimal("0.055")}
CENT = Decimal("0.01")


def frame(n: int) -> pd.DataFrame:
    rng = random.Random(7)
    codes = list(CODES)
    dests = list(VAT)
    return pd.DataFrame({
        "as_of": ["2026-03-16"] * n,
        "exporter_country": ["CN"] * n,  # no preference: the reference needs no GSP logic
        "importer_country": [dests[rng.randrange(4)] for _ in range(n)],
        "incoterm": ["FCA"] * n,
        "currency": ["EUR"] * n,
        "hs_code": [codes[rng.randrange(4)] for _ in range(n)],
        "invoice_value": [Decimal(rng.randint(10000, 900000)).scaleb(-2) for _ in range(n)],
        "freight_to_border": [Decimal(rng.randint(500, 9000)).scaleb(-2) for _ in range(n)],
        "insurance": [Decimal(rng.randint(0, 900)).scaleb(-2) for _ in range(n)],
        "freight_after_border": [Decimal(rng.randint(0, 4000)).scaleb(-2) for _ in range(n)],
    })


def reference(df: pd.DataFrame) -> pd.DataFrame:
    def row(r):
        cv = r.invoice_value + r.freight_to_border + r.insurance
        duty = (cv * CODES[r.hs_code]).quantize(CENT, ROUND_HALF_UP)
        rate = (FOOD_VAT if r.hs_code.startswith("0813") else VAT)[r.importer_country]
        vat = ((cv + duty + r.freight_after_border) * rate).quantize(CENT, ROUND_HALF_UP)
        return pd.Series({"customs_value": cv, "duty": duty, "vat": vat,
                          "landed_cost": cv + duty + r.freight_after_border + vat})
    return df.apply(row, axis=1)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    df = frame(n)
    t0 = time.perf_counter()
    ref = reference(df)
    t_ref = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = fairport.check_lines(df)
    t_fp = time.perf_counter() - t0
    assert out["error_code"].isna().all(), out["error_message"].dropna().head()
    for col in ("customs_value", "duty", "vat", "landed_cost"):
        assert list(out[col]) == list(ref[col]), col
    print(f"rows: {n}")
    print(f"pandas + decimal (DataFrame.apply): {n / t_ref:12,.0f} rows/s")
    print(f"fairport.check_lines:               {n / t_fp:12,.0f} rows/s")
    print(f"ratio: {t_ref / t_fp:.1f}x")


if __name__ == "__main__":
    main()
