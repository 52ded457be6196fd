"""The example notebooks in python/examples run from top to bottom without an error.

Each notebook is executed with nbclient in a fresh python3 kernel (ipykernel) that imports the
same fairport as this test; a cell tagged "plot" must show exactly one figure.
"""

import os
import pathlib

import pytest

import fairport

nbformat = pytest.importorskip(
    "nbformat", reason="nbformat is not installed (Debian: python3-nbformat)"
)
nbclient = pytest.importorskip(
    "nbclient", reason="nbclient is not installed (Debian: python3-nbclient)"
)
pytest.importorskip("ipykernel", reason="ipykernel is not installed (Debian: python3-ipykernel)")
pytest.importorskip("matplotlib", reason="matplotlib is not installed (Debian: python3-matplotlib)")

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "python" / "examples"
NOTEBOOKS = sorted(p.name for p in EXAMPLES.glob("*.ipynb"))


def test_the_examples_are_there():
    assert NOTEBOOKS == [
        "coffee_fair_price.ipynb",
        "felt_market_comparison.ipynb",
        "gsp_plus_duty_savings.ipynb",
    ]


def _figures(cell):
    return sum(
        1
        for out in cell.get("outputs", [])
        if out.get("output_type") in ("display_data", "execute_result")
        and "image/png" in out.get("data", {})
    )


# jupyter_client and the kernel's event loop raise deprecation warnings of their own (platform
# directories, zmq, tornado); they are not fairport's.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::PendingDeprecationWarning")
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_draws(name, monkeypatch, tmp_path):
    # The kernel inherits the environment: let it import this fairport, and let it use the
    # inline backend (not a backend forced for the test process).
    here = os.path.dirname(os.path.dirname(os.path.abspath(fairport.__file__)))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([here, os.environ.get("PYTHONPATH", "")]))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mpl"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.setenv("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    nb = nbformat.read(str(EXAMPLES / name), as_version=4)
    # The committed notebooks carry no outputs, so they never go stale in the repository.
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=60,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError, with the traceback, when a cell fails
    plot_cells = [c for c in nb.cells if "plot" in c.get("metadata", {}).get("tags", [])]
    assert plot_cells, "a notebook without a chart"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        assert not errors, errors
        expected = 1 if cell in plot_cells else 0
        assert _figures(cell) == expected, cell.source
