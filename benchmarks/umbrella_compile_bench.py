#!/usr/bin/env python3
"""CPU time to compile a file that includes only fairport/fairport.hpp, against this checkout's
headers and, in the same run, against another include folder (an older fairport), with the
standard library and Hinnant date alone as the floor.

    python3 benchmarks/umbrella_compile_bench.py --baseline-include /tmp/old/include [--repeat 5]

Reports the median user + system CPU seconds of each and the ratio now / baseline. The flags
are those a consumer gets from fairport::fairport (C++17, -O2, date's ONLY_C_LOCALE and
HAS_STRING_VIEW).
"""
import argparse
import os
import resource
import statistics
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FLAGS = ["-std=c++17", "-O2", "-DONLY_C_LOCALE=1", "-DHAS_STRING_VIEW=1"]


def cpu_seconds(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline-include", help="another fairport include folder to compare")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--compiler", default="g++")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        umbrella = os.path.join(tmp, "umbrella.cpp")
        with open(umbrella, "w") as f:
            f.write('#include "fairport/fairport.hpp"\nint main() { return 0; }\n')
        floor = os.path.join(tmp, "floor.cpp")
        with open(floor, "w") as f:
            f.write("#include <date/date.h>\n#include <map>\n#include <memory>\n"
                    "#include <optional>\n#include <string>\n#include <vector>\n"
                    "int main() { return 0; }\n")
        runs = {"now": ["-I", os.path.join(HERE, "..", "include"), umbrella],
                "date + std floor": [floor]}
        if args.baseline_include:
            runs["baseline"] = ["-I", args.baseline_include, umbrella]
        times = {k: [] for k in runs}
        for _ in range(args.repeat):  # interleaved, so both see the same machine state
            for k, extra in runs.items():
                times[k].append(cpu_seconds([args.compiler, *FLAGS, "-c", "-o", os.devnull, *extra]))
        med = {k: statistics.median(v) for k, v in times.items()}
        for k, v in med.items():
            print(f"{k:18s} {v:6.2f} s CPU (median of {args.repeat})")
        if "baseline" in med:
            print(f"ratio now / baseline: {med['now'] / med['baseline']:.2f}")


if __name__ == "__main__":
    main()
