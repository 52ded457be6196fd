"""fairport.check_lines against what an analyst would write instead, in the same run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/check_lines_python_bench.py [rows] [--apply]

The computation: landed cost of independent lines (customs value = invoice + freight to the
border + insurance; duty and import VAT rounded to the cent, half up, per line; landed cost),
four CN codes and four destinations, the duty and VAT rates those codes and member states have
in fairport's data (dried apricots take each state's food rate). The alternatives know nothing of
the GSP, Incoterms, tariff records or dates, so they do less than fairport does:

- pandas + decimal, idiomatic: the rates mapped onto the rows (`Series.map`), Series arithmetic
  on Decimal columns, `quantize` through `Series.map`;
- pandas + decimal, tuned: list comprehensions over the zipped columns, one pass per figure;
- pandas float64: the same with NumPy float64 columns and `numpy.round`, the fastest thing an
  analyst writes when they give up on exactness (its cents are compared with the exact ones and
  the rows that differ are counted), with the rates mapped (`Series.map`) or taken by
  `pandas.factorize` and NumPy `take`;
- `fairport.check_lines(..., fixed_scale=2)`: the amounts as int64 cents in and out (its figures
  are checked equal to the Decimal form's);
- `--apply`: `DataFrame.apply` with a `pd.Series` per row (slow; shown only when asked).

Each is timed by CPU time (`time.process_time`), the median of three runs, after the exact
results are checked equal figure by figure; the ratios are to fairport.check_lines.
"""
import random
import statistics
import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

import fairport

CODES = {"4202210000": Decimal("0.03"), "5602210000": Decimal("0.067"),
         "6912002500": Decimal("0.09"), "0813100000": Decimal("0.056")}
VAT = {"DE": Decimal("0.19"), "NL": Decimal("0.21"), "IT": Decimal("0.22"), "FR": Decimal("0.2")}
# Dried apricots (0813) take the food rate of each member state (dataset eu_vat_goods_rates).
FOOD_VAT = {"DE": Decimal("0.07"), "NL": Decimal("0.09"), "IT": Decimal("0.04"),
            "FR": Decimal("0.055")}
CENT = Decimal("0.01")
FIGURES = ("customs_value", "duty", "vat", "landed_cost")


def frame(n: int) -> pd.DataFrame:
    rng = random.Random(7)
    codes = list(CODES)
    dests = list(VAT)
    return pd.DataFrame({
        "as_of": ["2026-03-16"] * n,
        "exporter_country": ["CN"] * n,  # no preference: the alternatives need no GSP logic
        "importer_country": [dests[rng.randrange(4)] for _ in range(n)],
        "incoterm": ["FCA"] * n,
        "currency": ["EUR"] * n,
        "hs_code": [codes[rng.randrange(4)] for _ in range(n)],
        "invoice_value": [Decimal(rng.randint(10000, 900000)).scaleb(-2) for _ in range(n)],
        "freight_to_border": [Decimal(rng.randint(500, 9000)).scaleb(-2) for _ in range(n)],
        "insurance": [Decimal(rng.randint(0, 900)).scaleb(-2) for _ in range(n)],
        "freight_after_border": [Decimal(rng.randint(0, 4000)).scaleb(-2) for _ in range(n)],
    })


def vat_key(df: pd.DataFrame) -> pd.Series:
    return df["hs_code"].str.startswith("0813").map({True: "food", False: "std"}) + df["importer_country"]


VAT_BY_KEY = {**{"std" + k: v for k, v in VAT.items()}, **{"food" + k: v for k, v in FOOD_VAT.items()}}


def decimal_idiomatic(df: pd.DataFrame) -> pd.DataFrame:
    cv = df["invoice_value"] + df["freight_to_border"] + df["insurance"]
    duty = (cv * df["hs_code"].map(CODES)).map(lambda x: x.quantize(CENT, ROUND_HALF_UP))
    base = cv + duty + df["freight_after_border"]
    vat = (base * vat_key(df).map(VAT_BY_KEY)).map(lambda x: x.quantize(CENT, ROUND_HALF_UP))
    return pd.DataFrame({"customs_value": cv, "duty": duty, "vat": vat, "landed_cost": base + vat})


def decimal_tuned(df: pd.DataFrame) -> pd.DataFrame:
    codes = df["hs_code"].tolist()
    dests = df["importer_country"].tolist()
    cv = [a + b + c for a, b, c in zip(df["invoice_value"], df["freight_to_border"], df["insurance"])]
    duty = [(v * CODES[c]).quantize(CENT, ROUND_HALF_UP) for v, c in zip(cv, codes)]
    base = [v + d + f for v, d, f in zip(cv, duty, df["freight_after_border"])]
    vat = [(b * (FOOD_VAT if c.startswith("0813") else VAT)[k]).quantize(CENT, ROUND_HALF_UP)
           for b, c, k in zip(base, codes, dests)]
    return pd.DataFrame({"customs_value": cv, "duty": duty, "vat": vat,
                         "landed_cost": [b + v for b, v in zip(base, vat)]})


def float64(df: pd.DataFrame, floats: pd.DataFrame) -> pd.DataFrame:
    cv = floats["invoice_value"] + floats["freight_to_border"] + floats["insurance"]
    duty = np.round(cv * df["hs_code"].map({k: float(v) for k, v in CODES.items()}), 2)
    base = cv + duty + floats["freight_after_border"]
    vat = np.round(base * vat_key(df).map({k: float(v) for k, v in VAT_BY_KEY.items()}), 2)
    return pd.DataFrame({"customs_value": cv, "duty": duty, "vat": vat, "landed_cost": base + vat})


def float64_take(df: pd.DataFrame, floats: pd.DataFrame) -> pd.DataFrame:
    """float64 with the rates looked up by factorize/take: the fastest pandas an analyst writes."""
    code_idx, code_uniq = pd.factorize(df["hs_code"])
    duty_rate = np.array([float(CODES[c]) for c in code_uniq])[code_idx]
    key_idx, key_uniq = pd.factorize(vat_key(df))
    vat_rate = np.array([float(VAT_BY_KEY[k]) for k in key_uniq])[key_idx]
    cv = (floats["invoice_value"].to_numpy() + floats["freight_to_border"].to_numpy()
          + floats["insurance"].to_numpy())
    duty = np.round(cv * duty_rate, 2)
    base = cv + duty + floats["freight_after_border"].to_numpy()
    vat = np.round(base * vat_rate, 2)
    return pd.DataFrame({"customs_value": cv, "duty": duty, "vat": vat, "landed_cost": base + vat})


def by_apply(df: pd.DataFrame) -> pd.DataFrame:
    def row(r):
        cv = r.invoice_value + r.freight_to_border + r.insurance
        duty = (cv * CODES[r.hs_code]).quantize(CENT, ROUND_HALF_UP)
        rate = (FOOD_VAT if r.hs_code.startswith("0813") else VAT)[r.importer_country]
        vat = ((cv + duty + r.freight_after_border) * rate).quantize(CENT, ROUND_HALF_UP)
        return pd.Series({"customs_value": cv, "duty": duty, "vat": vat,
                          "landed_cost": cv + duty + r.freight_after_border + vat})
    return df.apply(row, axis=1)


def cpu_median(f, repeats=3):
    times, result = [], None
    for _ in range(repeats):
        t0 = time.process_time()
        result = f()
        times.append(time.process_time() - t0)
    return statistics.median(times), result


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 200_000
    df = frame(n)
    amounts = ["invoice_value", "freight_to_border", "insurance", "freight_after_border"]
    floats = df[amounts].apply(lambda s: s.astype("float64"))  # what a CSV read gives the float user
    t_fp, out = cpu_median(lambda: fairport.check_lines(df))
    assert out["error_code"].isna().all(), out["error_message"].dropna().head()
    rows = [("fairport.check_lines (Decimal columns)", t_fp, "exact")]
    exact = [("pandas + decimal, idiomatic (map, Series arithmetic)", lambda: decimal_idiomatic(df)),
             ("pandas + decimal, tuned (list comprehensions)", lambda: decimal_tuned(df))]
    if "--apply" in sys.argv:
        exact.append(("pandas + decimal, DataFrame.apply per row", lambda: by_apply(df)))
    for name, f in exact:
        t, ref = cpu_median(f)
        for col in FIGURES:
            assert list(out[col]) == list(ref[col]), (name, col)
        rows.append((name, t, "exact"))
    # The fixed-point form: the same rows with the amounts as int64 cents (what a CSV of cents,
    # or a database's integer column, gives), the figures back as Int64 cents.
    fixed = df.assign(**{a: np.array([int(v.scaleb(2)) for v in df[a]], dtype=np.int64)
                         for a in amounts})
    t_fx, fx = cpu_median(lambda: fairport.check_lines(fixed, fixed_scale=2))
    cents = {col: np.array([int(x.scaleb(2)) for x in out[col]], dtype=np.int64) for col in FIGURES}
    for col in FIGURES:
        assert (fx[col].to_numpy(dtype=np.int64) == cents[col]).all(), ("fixed", col)
    rows.insert(1, ("fairport.check_lines(fixed_scale=2) (int64 cents)", t_fx, "exact"))
    for name, f in (("pandas float64 (map, NumPy, numpy.round)", float64),
                    ("pandas float64 (factorize/take, numpy.round)", float64_take)):
        t_fl, fl = cpu_median(lambda f=f: f(df, floats))
        off = np.zeros(n, dtype=bool)
        for col in FIGURES:
            off |= np.round(np.asarray(fl[col], dtype=np.float64) * 100).astype(np.int64) != cents[col]
        rows.append((name, t_fl, f"{int(off.sum()):,} rows off by a cent"))
    t_fl_map, t_fl_take = rows[-2][1], rows[-1][1]
    print(f"rows: {n:,}; CPU time, median of 3; the fixed-point form is "
          f"{t_fl_map / t_fx:.2f}x the float64 map baseline's speed and "
          f"{t_fl_take / t_fx:.2f}x the factorize/take one's")
    print(f"{'implementation':56} {'ns/row':>8} {'vs check_lines':>16}  result")
    for name, t, note in rows:
        ratio = t / t_fp
        rel = "1.00" if t == t_fp else (f"{ratio:.1f}x slower" if ratio >= 1 else f"{1 / ratio:.1f}x faster")
        print(f"{name:56} {t / n * 1e9:8,.0f} {rel:>16}  {note}")


if __name__ == "__main__":
    main()
