"""One lines pipeline: ``fairport check --lines`` and ``fairport.check_lines`` give the same
columns and the same figures on the same rows (both call fairport/check/lines.hpp)."""

import csv
import itertools
import os
import subprocess
from decimal import Decimal

import pandas as pd
import pytest

import fairport

CLI = os.environ.get("FAIRPORT_CLI")

INCOTERMS = ["EXW", "FCA", "FAS", "FOB", "CPT", "CIP", "CFR", "CIF", "DAP", "DPU", "DDP"]


def _rows():
    """Every Incoterms rule x exporters (GSP+, standard GSP, EBA, none, not said) x codes
    (covered, uncovered, not in the data) x EUR and USD invoices, one of them without a rate."""
    rows = []
    exporters = ["KG", "TJ", "PK", "BD", "CN", ""]
    codes = ["4202210000", "5701109000", "6110120000", "9999"]
    for i, (term, exporter, code, currency) in enumerate(
        itertools.product(INCOTERMS, exporters, codes, ["EUR", "USD"])
    ):
        rows.append(
            {
                "as_of": "2026-03-16" if i % 7 else "2026-11-02",
                "exporter_country": exporter,
                "origin_proof": "true" if i % 3 else "",
                "importer_country": ["DE", "NL", "EE"][i % 3],
                "incoterm": term,
                "currency": currency,
                "hs_code": code,
                "invoice_value": str(150 + 7 * i) + ".35",
                "freight_to_border": str(10 + i % 13) + ".10",
                "insurance": "2.5" if i % 2 else "0",
                "freight_after_border": str(i % 5) + ".75",
                "net_mass_kg": str(1 + i % 9),
                "quantity": str(1 + i % 4),
            }
        )
    return rows


@pytest.mark.skipif(CLI is None, reason="FAIRPORT_CLI is not set (the CLI is not built)")
def test_cli_lines_and_check_lines_agree(tmp_path):
    rows = _rows()
    lines = tmp_path / "lines.csv"
    with open(lines, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    # The customs rate of March 2026 only: the rows of November 2026 in USD have no rate (none
    # is built in for that month, and a rate of another month is never used): 301.
    rates = tmp_path / "rates.csv"
    rates.write_text("base,quote,rate,date,basis,source\nUSD,EUR,0.9210,2026-03-01,month,test\n")
    out = tmp_path / "out.csv"
    done = subprocess.run(
        [CLI, "check", "--lines", str(lines), "--rates", str(rates), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2, done.stderr  # some rows fail, on purpose
    cli = pd.read_csv(out, dtype=str, keep_default_na=False)

    df = pd.DataFrame(rows)
    df = df.replace({"": None})
    py = fairport.check_lines(
        df, exchange_rates=[fairport.FxRate("USD", "EUR", "0.9210", "2026-03-01", "test", "month")]
    )
    assert list(cli.columns[len(rows[0]):]) == list(py.columns)
    failed = 0
    for i in range(len(rows)):
        if py["error_code"][i] is not None:
            failed += 1
            assert cli["error_code"][i] == py["error_code"][i], i
            assert cli["regime"][i] == py["regime"][i] == "none", i
            continue
        assert cli["error_code"][i] == "", (i, cli["error_message"][i])
        for k in ("customs_value", "duty", "third_country_duty", "vat", "landed_cost"):
            assert Decimal(cli[k][i]) == py[k][i], (i, k)
            assert cli[k][i] == str(py[k][i]), (i, k)  # the same scale, too
        assert cli["regime"][i] == py["regime"][i], i
    # Both kinds of rows are there: the comparison covers figures and errors.
    assert 0 < failed < len(rows)
    assert set(py["regime"]) >= {"eba", "gsp_plus", "gsp", "none"}


def test_negative_amounts_fail_their_row():
    df = pd.DataFrame(_rows()[:3])
    df.loc[1, "invoice_value"] = "-150.35"
    df.loc[2, "freight_after_border"] = "-1"
    out = fairport.check_lines(df)
    assert out["error_code"][1] == "fairport.input.106"
    assert "invoice_value cannot be negative" in out["error_message"][1]
    assert out["error_code"][2] == "fairport.input.106"
    assert out["error_code"][0] is None
