"""fairport.dask.check_lines on a local cluster of 1 and of 2 worker processes, same input.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/dask_check_lines_bench.py [rows] [files]

The input is what a year of customs lines looks like on disk: `files` CSV files (default 20,
10 million rows in all) written once into a temporary directory, amounts as text. Each run
reads them with dask.dataframe.read_csv(dtype=str) (one partition per file), prices every row
with fairport.dask.check_lines and keeps the result on the workers, reducing it to the exact
duty and landed cost per importing country and regime; only those totals come back. Both runs
must give the same totals to the cent. Prints rows per second for each cluster size and the
speed-up of 2 workers over 1 (the machine has 2 cores: 2.0x is linear).
"""
import os
import sys
import tempfile
import time
from decimal import Decimal

import numpy as np
import pandas as pd
from dask.distributed import Client, LocalCluster
import dask.dataframe as dd

import fairport.dask

CODES = np.array(["4202210000", "5602210000", "6912002500", "0813100000"])
DESTS = np.array(["DE", "NL", "IT", "FR", "AT", "BE"])
EXPORTERS = np.array(["KG", "TJ", "PK", "CN", "BD", "UZ"])


def money_text(cents: np.ndarray) -> pd.Series:
    s = pd.Series(cents)
    return (s // 100).astype(str) + "." + (s % 100).astype(str).str.zfill(2)


def write_inputs(directory: str, rows: int, files: int) -> list:
    paths = []
    per = rows // files
    for f in range(files):
        rng = np.random.default_rng(f)
        df = pd.DataFrame({
            "as_of": "2026-03-16",
            "exporter_country": EXPORTERS[rng.integers(0, len(EXPORTERS), per)],
            "origin_proof": True,  # a statement on origin is held: the preference applies
            "importer_country": DESTS[rng.integers(0, len(DESTS), per)],
            "incoterm": "FCA",
            "currency": "EUR",
            "hs_code": CODES[rng.integers(0, len(CODES), per)],
            "invoice_value": money_text(rng.integers(10000, 900000, per)),
            "freight_to_border": money_text(rng.integers(500, 9000, per)),
            "insurance": money_text(rng.integers(0, 900, per)),
            "freight_after_border": money_text(rng.integers(0, 4000, per)),
            "net_mass_kg": money_text(rng.integers(100, 50000, per)),
        })
        path = os.path.join(directory, f"lines-{f:03d}.csv")
        df.to_csv(path, index=False)
        paths.append(path)
    return paths


def totals(part: pd.DataFrame) -> pd.DataFrame:
    """Exact sums per importing country and regime of one priced partition."""
    ok = part[part["error_code"].isna()]
    g = ok.groupby(["importer_country", "regime"])
    return pd.DataFrame({"rows": g.size(), "duty": g["duty"].sum(), "landed_cost": g["landed_cost"].sum()})


def run(workers: int, paths: list):
    env = {"PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, env=env,
                      dashboard_address=None, memory_limit="8GiB") as cluster, Client(cluster):
        t0 = time.perf_counter()
        ddf = dd.read_csv(paths, dtype=str, blocksize=None, keep_default_na=False, na_values=[""])
        priced = fairport.dask.check_lines(ddf).assign(importer_country=ddf["importer_country"])
        meta = pd.DataFrame({"rows": pd.Series(dtype="int64"), "duty": pd.Series(dtype=object),
                             "landed_cost": pd.Series(dtype=object)},
                            index=pd.MultiIndex.from_arrays([[], []], names=["importer_country", "regime"]))
        parts = priced.map_partitions(totals, meta=meta).compute()
        result = parts.groupby(level=[0, 1]).agg({"rows": "sum", "duty": "sum", "landed_cost": "sum"})
        return time.perf_counter() - t0, result


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        paths = write_inputs(tmp, rows, files)
        print(f"wrote {rows:,} rows in {files} CSV files in {time.perf_counter() - t0:.0f} s")
        t1, r1 = run(1, paths)
        t2, r2 = run(2, paths)
    assert r1.equals(r2), (r1, r2)
    assert int(r1["rows"].sum()) == rows // files * files, r1["rows"].sum()  # no row failed
    assert all(isinstance(v, Decimal) for v in r1["landed_cost"])
    print(r1.head(12).to_string())
    print(f"rows: {rows:,}, partitions: {files}")
    print(f"1 worker:  {rows / t1:12,.0f} rows/s ({t1:.1f} s)")
    print(f"2 workers: {rows / t2:12,.0f} rows/s ({t2:.1f} s)")
    print(f"speed-up: {t1 / t2:.2f}x")


if __name__ == "__main__":
    main()
