"""Peak memory and time of `fairport check --lines` on a long file, beside pandas reading it.

    /usr/bin/python3 benchmarks/check_lines_cli_memory.py FAIRPORT_EXE [rows]

Writes a lines CSV of `rows` rows (default 1,000,000: six exporters, six destinations, three CN
codes, FCA prices with freight and insurance, a third of the rows without a proof of origin),
then runs, each in a child process whose peak resident set size (getrusage via wait4) and wall
time are measured:

- `fairport check --lines FILE -o OUT` (reads, checks and writes in chunks);
- pandas `read_csv(FILE, dtype=str)` of the whole file, the first step of a notebook that prices
  the same rows (nothing computed yet);
- pandas `read_csv(FILE, dtype=str, chunksize=16384)` iterated, what a careful analyst writes to
  bound memory (again nothing computed).

The issue's bound for fairport is 150 MB at 1,000,000 rows; the script exits 1 above it.
"""
import os
import random
import subprocess
import sys
import tempfile
import time

BOUND_MB = 150
CODES = ["4202210000", "6304920000", "0813100000"]
EXPORTERS = ["KG", "TJ", "PK", "CN", "UZ", "BD"]
DESTINATIONS = ["DE", "NL", "FR", "EE", "IT", "ES"]


def write_csv(path, rows):
    rnd = random.Random(7)
    with open(path, "w") as f:
        f.write("as_of,exporter_country,origin_proof,importer_country,incoterm,currency,hs_code,"
                "invoice_value,freight_to_border,insurance,freight_after_border,net_mass_kg,"
                "quantity\n")
        for i in range(rows):
            f.write(f"2026-03-{1 + i % 28:02d},{EXPORTERS[i % 6]},{'true' if i % 3 else ''},"
                    f"{DESTINATIONS[(i // 6) % 6]},FCA,EUR,{CODES[i % 3]},"
                    f"{rnd.randint(100, 99999)}.{rnd.randint(0, 99):02d},{rnd.randint(0, 500)},"
                    f"{rnd.randint(0, 50)},0,{rnd.randint(1, 200)},{rnd.randint(1, 100)}\n")


def measure(cmd):
    """(peak RSS in MB, wall seconds, exit status) of a child process."""
    start = time.monotonic()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    child.stderr.close()
    return usage.ru_maxrss / 1024, wall, os.waitstatus_to_exitcode(status)


def main():
    exe = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    with tempfile.TemporaryDirectory(prefix="fairport-lines-memory-") as tmp:
        csv = os.path.join(tmp, "lines.csv")
        write_csv(csv, rows)
        size_mb = os.path.getsize(csv) / 1e6
        runs = {
            "fairport check --lines": [exe, "check", "--lines", csv, "-o",
                                       os.path.join(tmp, "out.csv")],
            "pandas read_csv (whole file, str)": [
                sys.executable, "-c",
                f"import pandas as pd; pd.read_csv({csv!r}, dtype=str)"],
            "pandas read_csv (chunks of 16384, str)": [
                sys.executable, "-c",
                f"import pandas as pd\nfor c in pd.read_csv({csv!r}, dtype=str, chunksize=16384): "
                "pass"],
        }
        print(f"{rows:,} rows, {size_mb:.1f} MB of CSV")
        print(f"{'run':42} {'peak MB':>8} {'wall s':>7} {'ns/row':>7}")
        results = {}
        for name, cmd in runs.items():
            peak, wall, code = measure(cmd)
            results[name] = peak
            print(f"{name:42} {peak:8.1f} {wall:7.2f} {wall * 1e9 / rows:7.0f}"
                  + ("" if code in (0, 2) else f"  (exit {code})"))
        peak = results["fairport check --lines"]
        if rows >= 1_000_000 and peak > BOUND_MB:
            print(f"fairport peaked at {peak:.1f} MB, above the bound of {BOUND_MB} MB")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
