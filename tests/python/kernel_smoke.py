"""Runs one notebook cell in the Jupyter kernel named on the command line and prints its output.

    python kernel_smoke.py KERNEL_NAME

Used by the offline-install test: the kernel registered from the venv must import the
installed fairport and compute an exact figure.
"""
import sys

import nbformat
from nbclient import NotebookClient

nb = nbformat.v4.new_notebook()
nb.cells.append(nbformat.v4.new_code_cell(
    "import sys, fairport\n"
    "print(sys.prefix)\n"
    "print(fairport.check_consignment(fairport.example_consignment()).to_dict()"
    "['totals']['landed_cost']['amount'])"))
NotebookClient(nb, kernel_name=sys.argv[1], timeout=120).execute()
for output in nb.cells[0].outputs:
    print(output.get("text", ""), end="")
