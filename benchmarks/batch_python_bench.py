"""Python batch kernel vs a plain decimal loop, measured in the same run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/batch_python_bench.py [rows]

Prints ns per element for fairport.extend_lines (price x quantity rounded half-up to cents) and
for the loop a Python user would otherwise write, `(p * q).quantize(cent, ROUND_HALF_UP)`, and
their ratio. Inputs are the same Decimal objects for both; fairport's time includes converting
them and building the output Decimals.
"""
import random
import sys
import time
from decimal import ROUND_HALF_UP, Decimal

import fairport


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(1)
    prices = [Decimal(rng.randint(1, 10**7)).scaleb(-4) for _ in range(n)]
    qtys = [Decimal(rng.randint(1, 10**4)).scaleb(-3) for _ in range(n)]
    cent = Decimal("0.01")

    t0 = time.perf_counter()
    ref = [(p * q).quantize(cent, ROUND_HALF_UP) for p, q in zip(prices, qtys)]
    t_ref = time.perf_counter() - t0

    t0 = time.perf_counter()
    out = fairport.extend_lines(prices, qtys, scale=2, mode=fairport.RoundingMode.HALF_UP)
    t_fp = time.perf_counter() - t0

    assert out["amount"] == ref, "results differ"
    print(f"rows: {n}")
    print(f"python decimal loop:     {t_ref / n * 1e9:8.1f} ns/row")
    print(f"fairport.extend_lines:   {t_fp / n * 1e9:8.1f} ns/row")
    print(f"ratio (decimal / fairport): {t_ref / t_fp:.2f}x")


if __name__ == "__main__":
    main()
