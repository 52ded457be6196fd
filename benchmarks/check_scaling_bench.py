"""How the consignment check scales with the number of lines.

Builds consignments of N lines from the shipped example ``kg_felt_de`` (its two lines repeated
with new ids, the costs scaled so that each line carries the same share), runs
``fairport check FILE --format json --output OUT`` on each in a fresh process, and reports the
wall time, the peak resident memory of that process and the size of the JSON it wrote. A check
linear in its lines costs about 10x for 10x the lines; the last column is the ratio to the
previous size.

Run from a build tree:

    /usr/bin/python3 benchmarks/check_scaling_bench.py --fairport build/fairport [--lines 1000 10000]

Pass ``--baseline PATH`` (another ``fairport`` binary) to run the same files through it in the
same run and print both curves.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path


def example(fairport: str) -> dict:
    """The example consignment, as the binary prints it with ``--example --format json``."""
    here = Path(__file__).resolve().parent.parent / "src" / "examples" / "kg_felt_de.json"
    return json.loads(here.read_text(encoding="utf-8"))


def consignment(base: dict, n: int) -> dict:
    """``base`` with its lines repeated to ``n`` lines and its costs scaled to match."""
    c = copy.deepcopy(base)
    lines = base["lines"]
    c["lines"] = []
    for i in range(n):
        line = copy.deepcopy(lines[i % len(lines)])
        line["id"] = str(i + 1)
        c["lines"].append(line)
    factor = Decimal(n) / Decimal(len(lines))
    for key, cost in c["costs"].items():
        if isinstance(cost, dict) and "amount" in cost:
            cost["amount"] = str((Decimal(cost["amount"]) * factor).quantize(Decimal("0.01")))
    return c


def run(binary: str, path: Path, out: Path) -> tuple[float, int, int, int]:
    """(seconds, peak RSS in bytes, bytes written, exit status) of one check in a fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "check", str(path), "--format", "json", "--output", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss * 1024, out.stat().st_size, proc.returncode


def curve(binary: str, files: list[tuple[int, Path]], tmp: Path) -> list[tuple[int, float, int, int]]:
    rows = []
    for n, path in files:
        seconds, peak, size, status = run(binary, path, tmp / f"out_{n}.json")
        if status not in (0, 1):
            sys.exit(f"{binary} check {path} exited with {status}")
        rows.append((n, seconds, peak, size))
    return rows


def show(name: str, rows: list[tuple[int, float, int, int]]) -> None:
    print(f"{name}")
    print(f"  {'lines':>7} {'seconds':>9} {'peak MB':>9} {'JSON MB':>9} {'time x prev':>12}")
    prev = None
    for n, seconds, peak, size in rows:
        ratio = f"{seconds / prev:.1f}" if prev else "-"
        print(f"  {n:>7} {seconds:>9.3f} {peak / 1e6:>9.1f} {size / 1e6:>9.1f} {ratio:>12}")
        prev = seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fairport", default="build/fairport", help="the fairport binary")
    ap.add_argument("--baseline", help="another fairport binary to compare in the same run")
    ap.add_argument("--lines", type=int, nargs="+", default=[100, 1000, 10000])
    args = ap.parse_args()
    base = example(args.fairport)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        files = []
        for n in args.lines:
            p = tmp / f"c{n}.json"
            p.write_text(json.dumps(consignment(base, n)), encoding="utf-8")
            files.append((n, p))
        show(args.fairport, curve(args.fairport, files, tmp))
        if args.baseline:
            show(args.baseline, curve(args.baseline, files, tmp))


if __name__ == "__main__":
    main()
