"""fairport.dask: check_lines over a Dask DataFrame gives exactly the single-process result."""

import os
from decimal import Decimal

import pytest

import fairport

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe", reason="dask is not installed (Debian: python3-dask)")

import fairport.dask as fdask  # noqa: E402

# Built-in tariff extract codes; 5701109000 without an area fails on its "MAX 2,8 EUR/m2"
# component, so the table also carries error rows through the partitions.
_CODES = [
    "5602210000",
    "5701109000",
    "4202210000",
    "6912002500",
    "0813100000",
    "5810921000",
    "6117100000",
    "0409000000",
]
_EXPORTERS = ["KG", "CN", "PK", "TJ", "UZ", "BD"]
_IMPORTERS = ["DE", "NL", "FR", "IT", "EE"]


def _lines(n):
    return pd.DataFrame(
        {
            "as_of": ["2026-03-16"] * n,
            "exporter_country": [_EXPORTERS[i % 6] for i in range(n)],
            "origin_proof": [i % 4 != 3 for i in range(n)],
            "importer_country": [_IMPORTERS[i % 5] for i in range(n)],
            "incoterm": ["EXW"] * n,
            "currency": ["EUR"] * n,
            "hs_code": [_CODES[i % 8] for i in range(n)],
            "invoice_value": [Decimal(97 + 13 * i) + Decimal("0.37") for i in range(n)],
            "freight_to_border": [Decimal("12.50")] * n,
            "insurance": [Decimal("1.15")] * n,
            "freight_after_border": [Decimal(i % 4) for i in range(n)],
            "net_mass_kg": [Decimal("3.5")] * n,
            "quantity": [Decimal(2)] * n,
        },
        index=pd.RangeIndex(1000, 1000 + n),
    )


def _assert_exactly_equal(out, ref):
    assert list(out.columns) == list(ref.columns)
    assert list(out.index) == list(ref.index)
    for col in ref.columns:
        got, want = out[col].tolist(), ref[col].tolist()
        assert got == want, col
        # Same digits too, not only equal values (Decimal("0.00") == Decimal("0")).
        assert [None if v is None else str(v) for v in got] == [
            None if v is None else str(v) for v in want
        ], col
        if col in ("customs_value", "duty", "vat", "landed_cost"):
            assert all(v is None or isinstance(v, Decimal) for v in got), col


def test_partitions_give_the_single_process_result():
    df = _lines(97)
    ref = fairport.check_lines(df)
    # The table exercises preferences, third-country duty and errors.
    assert {"gsp_plus", "gsp", "eba", "none"} <= set(ref["regime"])
    assert ref["error_code"].notna().any() and ref["error_code"].isna().any()
    ddf = dd.from_pandas(df, npartitions=5)
    res = fdask.check_lines(ddf)
    assert res.npartitions == 5
    assert list(res.divisions) == list(ddf.divisions)
    assert all(str(t) == "object" for t in res.dtypes)
    _assert_exactly_equal(res.compute(scheduler="sync"), ref)


def test_the_fixed_point_form_over_partitions_equals_the_single_process_one():
    import numpy as np

    df = _lines(97)
    for k in ("invoice_value", "freight_to_border", "insurance", "freight_after_border"):
        df[k] = np.array([int(v.scaleb(2)) for v in df[k]], dtype=np.int64)
    ref = fairport.check_lines(df, fixed_scale=2)
    assert ref["landed_cost"].notna().sum() > 50 and ref["landed_cost"].isna().any()
    res = fdask.check_lines(dd.from_pandas(df, npartitions=5), fixed_scale=2)
    assert [str(t) for t in res.dtypes[:5]] == ["Int64"] * 5
    out = res.compute(scheduler="sync")
    pd.testing.assert_frame_equal(out, ref)
    # And the figures are the Decimal form's, in cents.
    exact = fairport.check_lines(_lines(97))
    for col in ("customs_value", "duty", "vat", "landed_cost"):
        assert [None if v is pd.NA else Decimal(int(v)).scaleb(-2) for v in out[col]] == \
            exact[col].tolist()


def test_the_built_in_reference_data_object_may_be_passed():
    df = _lines(8)
    data = fairport.ReferenceData.builtin()
    res = fdask.check_lines(dd.from_pandas(df, npartitions=2), data=data)
    _assert_exactly_equal(res.compute(scheduler="sync"), fairport.check_lines(df))


def test_exchange_rates_travel_to_the_partitions():
    # Invoices in USD at the customs rate of the month the caller gives: the rates cross to each
    # task as exact text and give the single-process figures. Without them, rows of November
    # 2026 (after the built-in rates end) fail with 301.
    df = _lines(12).assign(currency="USD")
    rates = [fairport.FxRate("USD", "EUR", "0.9210", "2026-03-01", "customs monthly rate")]
    ref = fairport.check_lines(df, exchange_rates=rates)
    assert ref["error_code"].isna().any()
    res = fdask.check_lines(dd.from_pandas(df, npartitions=3), exchange_rates=rates)
    _assert_exactly_equal(res.compute(scheduler="processes"), ref)
    late = df.assign(as_of="2026-11-16")
    without = fdask.check_lines(dd.from_pandas(late, npartitions=3)).compute(scheduler="sync")
    assert set(without["error_code"]) == {"fairport.data.301"}


def test_bad_arguments_fail_before_anything_runs():
    df = _lines(4)
    with pytest.raises(ValueError, match="hs_code"):
        fdask.check_lines(dd.from_pandas(df.drop(columns=["hs_code"]), npartitions=1))
    with pytest.raises(TypeError, match="data"):
        fdask.check_lines(dd.from_pandas(df, npartitions=1), data=42)


def test_meta_is_empty_and_all_object():
    meta = fdask.output_meta()
    assert list(meta.columns) == [
        "customs_value",
        "duty",
        "third_country_duty",
        "vat",
        "landed_cost",
        "result_currency",
        "regime",
        "error_code",
        "error_message",
    ]
    assert len(meta) == 0 and all(str(t) == "object" for t in meta.dtypes)


@pytest.fixture
def _fresh_event_loop():
    # Starting a cluster leaves an asyncio loop set on this thread (tornado under distributed
    # 2022.12); close it afterwards so that it does not outlive the test.
    yield
    import asyncio
    import warnings

    policy = asyncio.get_event_loop_policy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        loop = policy.get_event_loop()
    if not loop.is_running():
        loop.close()
        policy.set_event_loop(None)


# tornado (under distributed 2022.12) warns that make_current is deprecated when the cluster's
# event loop starts; that is not fairport's to fix.
@pytest.mark.filterwarnings("ignore:make_current is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:There is no current event loop:DeprecationWarning")
@pytest.mark.usefixtures("_fresh_event_loop")
def test_on_a_local_distributed_cluster_of_two_workers(monkeypatch):
    distributed = pytest.importorskip(
        "distributed", reason="dask.distributed is not installed (Debian: python3-distributed)"
    )
    # The worker processes must import this same fairport: put its directory first on their
    # PYTHONPATH (they inherit the environment).
    here = os.path.dirname(os.path.dirname(os.path.abspath(fairport.__file__)))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([here, os.environ.get("PYTHONPATH", "")]))
    df = _lines(240)
    ref = fairport.check_lines(df)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        paths = client.run(lambda: __import__("fairport").__file__)
        assert set(paths.values()) == {fairport.__file__}
        pids = set(client.run(os.getpid).values())
        assert len(pids) == 2 and os.getpid() not in pids
        res = fdask.check_lines(dd.from_pandas(df, npartitions=6))
        out = client.compute(res).result()
    _assert_exactly_equal(out, ref)
