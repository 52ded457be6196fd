"""Python batch kernel vs a plain decimal loop, measured in the same run.

    PYTHONPATH=build/python /usr/bin/python3 benchmarks/batch_python_bench.py [rows]

Prints ns per element for fairport.extend_lines (price x quantity rounded half-up to cents) and
for the loop a Python user would otherwise write, `(p * q).quantize(cent, ROUND_HALF_UP)`, and
their ratio. Inputs are the same Decimal objects for both; fairport's time includes converting
them and building the output Decimals. Then the same figures as int64 coefficient columns
(NumPy) through fairport.extend_lines_fixed, checked equal to the decimal loop's.
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

    import numpy as np

    pc = np.array([int(p.scaleb(4)) for p in prices], dtype=np.int64)  # scale 4
    qc = np.array([int(q.scaleb(3)) for q in qtys], dtype=np.int64)    # scale 3
    t0 = time.perf_counter()
    fixed = fairport.extend_lines_fixed(pc, qc, price_scale=4, quantity_scale=3, scale=2,
                                        mode=fairport.RoundingMode.HALF_UP)
    t_fx = time.perf_counter() - t0
    assert [Decimal(int(c)).scaleb(-2) for c in fixed["coefficient"]] == ref, "fixed differs"

    print(f"rows: {n}")
    print(f"python decimal loop:         {t_ref / n * 1e9:8.1f} ns/row")
    print(f"fairport.extend_lines:       {t_fp / n * 1e9:8.1f} ns/row")
    print(f"fairport.extend_lines_fixed: {t_fx / n * 1e9:8.1f} ns/row")
    print(f"ratio (decimal / extend_lines):       {t_ref / t_fp:.2f}x")
    print(f"ratio (decimal / extend_lines_fixed): {t_ref / t_fx:.1f}x")


if __name__ == "__main__":
    main()
