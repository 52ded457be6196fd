"""fairport.check_consignment on a one-line consignment: the cost of one call from Python.

    /usr/bin/python3 benchmarks/check_consignment_python_bench.py build/python [OTHER/python ...]

Each argument is the ``python`` folder of a build tree; each is timed in its own process on the
same document (the first line of the shipped example ``kg_felt_de``, as JSON text), so two
builds compare in one run. Two figures per build: with ``data=None`` (the built-in datasets)
and with one ``ReferenceData`` passed to every call; then the report's JSON and HTML, which a
caller asks for separately. Best of 7 rounds of 200 calls.
"""
import subprocess
import sys

PROBE = r"""
import json, time
import fairport
doc = fairport.example_consignment("kg_felt_de")
doc["lines"] = doc["lines"][:1]
text = json.dumps(doc)
data = fairport.ReferenceData.builtin()

def best(f, n=200, rounds=7):
    for _ in range(20):
        f()
    t_best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for _ in range(n):
            f()
        t_best = min(t_best, (time.perf_counter() - t) / n)
    return t_best * 1e6

print("%.0f %.0f %.0f" % (
    best(lambda: fairport.check_consignment(text)),
    best(lambda: fairport.check_consignment(text, data=data)),
    best(lambda: (lambda r: (r.to_json(), r.to_html()))(fairport.check_consignment(text, data=data))),
))
"""


def main() -> None:
    trees = sys.argv[1:] or ["build/python"]
    print(f"{'build':<40} {'data=None us':>13} {'data=rd us':>11} {'+json+html us':>14}")
    first = None
    for tree in trees:
        out = subprocess.run([sys.executable, "-c", PROBE], env={"PYTHONPATH": tree},
                             check=True, capture_output=True, text=True).stdout.split()
        none_us, data_us, render_us = (float(x) for x in out)
        ratio = f"  ({first / none_us:.2f}x the first)" if first else ""
        print(f"{tree:<40} {none_us:>13.0f} {data_us:>11.0f} {render_us:>14.0f}{ratio}")
        first = first or none_us


if __name__ == "__main__":
    main()
