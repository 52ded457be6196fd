"""fairport.dask.check_lines on a local cluster of 1 and of 2 worker processes, same input.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/dask_check_lines_bench.py [rows] [partitions]

The input is generated inside the workers (dask.dataframe.from_delayed), so the timing is the
check, not the shipping of the rows from this process. Prints rows per second for each cluster
size and the speed-up of 2 workers over 1; both results are compared for equality.
"""
import os
import random
import sys
import time
from decimal import Decimal

import dask
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import fairport.dask

CODES = ["4202210000", "5602210000", "6912002500", "0813100000"]
DESTS = ["DE", "NL", "IT", "FR"]


@dask.delayed
def part(seed: int, n: int) -> pd.DataFrame:
    rng = random.Random(seed)
    return pd.DataFrame({
        "as_of": ["2026-03-16"] * n,
        "exporter_country": [rng.choice(["KG", "CN", "PK"]) for _ in range(n)],
        "importer_country": [rng.choice(DESTS) for _ in range(n)],
        "incoterm": ["FCA"] * n,
        "currency": ["EUR"] * n,
        "hs_code": [rng.choice(CODES) for _ in range(n)],
        "invoice_value": [Decimal(rng.randint(10000, 900000)).scaleb(-2) for _ in range(n)],
        "freight_to_border": [Decimal(rng.randint(500, 9000)).scaleb(-2) for _ in range(n)],
        "insurance": [Decimal(rng.randint(0, 900)).scaleb(-2) for _ in range(n)],
        "freight_after_border": [Decimal(rng.randint(0, 4000)).scaleb(-2) for _ in range(n)],
    })


def run(workers: int, rows: int, partitions: int):
    env = {"PYTHONPATH": os.environ.get("PYTHONPATH", "")}
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      env=env, dashboard_address=None) as cluster, Client(cluster):
        per = rows // partitions
        meta = pd.DataFrame({k: pd.Series(dtype=object) for k in part(0, 1).compute().columns})
        ddf = dd.from_delayed([part(i, per) for i in range(partitions)], meta=meta)
        ddf = ddf.persist()  # generate the input first: time the check only
        dask.distributed.wait(ddf)
        t0 = time.perf_counter()
        out = fairport.dask.check_lines(ddf).compute()
        return time.perf_counter() - t0, out


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    partitions = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    t1, out1 = run(1, rows, partitions)
    t2, out2 = run(2, rows, partitions)
    assert out1.equals(out2)
    print(f"rows: {rows}, partitions: {partitions}")
    print(f"1 worker:  {rows / t1:12,.0f} rows/s")
    print(f"2 workers: {rows / t2:12,.0f} rows/s")
    print(f"speed-up: {t1 / t2:.2f}x")


if __name__ == "__main__":
    main()
