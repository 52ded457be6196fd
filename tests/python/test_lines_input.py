"""check_lines reads the column types pandas produces, and Decimal objects cross exactly.

The figures are compared with the same rows given as Decimal objects (the reference form), so
every input form must give the same Decimals, digit for digit and exponent for exponent.
"""
import os
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import fairport
from fairport import _core

ROWS = {
    "as_of": ["2026-03-16", "2026-03-16", "2026-04-02", "2026-03-16"],
    "exporter_country": ["KG", "CN", "PK", "KG"],
    "importer_country": ["DE", "NL", "IT", "FR"],
    "incoterm": ["FCA", "CIF", "FCA", "EXW"],
    "currency": ["EUR", "EUR", "EUR", "EUR"],
    "hs_code": ["5602210000", "4202210000", "4202210000", "6912002500"],
    "invoice_value": [Decimal("1234.50"), Decimal("99.99"), Decimal("10000"), Decimal("0.01")],
    "freight_to_border": [Decimal("80.00"), None, Decimal("12.5"), Decimal("3")],
    "insurance": [Decimal("4.10"), None, Decimal("0"), None],
}


def _reference():
    return fairport.check_lines(pd.DataFrame(ROWS))


def _same(got, want):
    for col in want.columns:
        g, w = got[col].tolist(), want[col].tolist()
        assert g == w, col
        # Equal and also the same exponent: 1.50 is not 1.5 on a customs declaration.
        assert [x.as_tuple() if isinstance(x, Decimal) else x for x in g] == [
            x.as_tuple() if isinstance(x, Decimal) else x for x in w
        ], col


def test_reference_rows_compute():
    ref = _reference()
    assert ref["error_code"].isna().all(), ref["error_message"].tolist()
    # Row 1: FCA, so freight and insurance to the border are added: 1234.50 + 80.00 + 4.10.
    assert ref["customs_value"][0] == Decimal("1318.60")
    assert ref["customs_value"][0].as_tuple().exponent == -2


def test_strings_categoricals_datetimes_and_int_columns_give_the_same_decimals():
    df = pd.DataFrame(ROWS)
    alt = pd.DataFrame(
        {
            "as_of": pd.to_datetime(df["as_of"]),  # datetime64[ns]
            "exporter_country": df["exporter_country"].astype("category"),
            "importer_country": df["importer_country"].astype("category"),
            "incoterm": df["incoterm"].astype("string"),  # pandas StringDtype
            "currency": df["currency"],
            "hs_code": df["hs_code"].astype("category"),
            "invoice_value": [str(v) for v in ROWS["invoice_value"]],  # as read with dtype=str
            "freight_to_border": ["80.00", np.nan, "12.5", "3"],  # NaN: read_csv's empty cell
            "insurance": ["4.10", pd.NA, "0", None],
        }
    )
    _same(fairport.check_lines(alt), _reference())


def test_int64_amount_column_is_exact():
    df = pd.DataFrame({k: v for k, v in ROWS.items() if k not in ("freight_to_border", "insurance")})
    df["invoice_value"] = np.array([1234, 99, 10000, 1], dtype=np.int64)
    as_decimals = df.assign(invoice_value=[Decimal(1234), Decimal(99), Decimal(10000), Decimal(1)])
    _same(fairport.check_lines(df), fairport.check_lines(as_decimals))
    # Narrower integer columns are widened, not read as 64-bit cells.
    for dtype in (np.int32, np.int16, np.uint32):
        narrow = df.assign(invoice_value=np.array([1234, 99, 10000, 1], dtype=dtype))
        _same(fairport.check_lines(narrow), fairport.check_lines(as_decimals))


def test_a_float_amount_column_is_refused_but_an_all_missing_one_is_empty():
    df = pd.DataFrame(ROWS)
    with pytest.raises(TypeError, match="float"):
        fairport.check_lines(df.assign(invoice_value=[1234.5, 99.99, 10000.0, 0.01]))
    with pytest.raises(TypeError, match="float"):
        fairport.check_lines(df.assign(insurance=[Decimal("1"), 0.5, None, None]))
    # A column pandas made entirely of NaN (every cell missing) is an absent optional amount.
    _same(
        fairport.check_lines(df.assign(insurance=np.full(4, np.nan))),
        fairport.check_lines(df.drop(columns="insurance")),
    )
    _same(
        fairport.check_lines(df.assign(insurance=np.full(4, np.nan, dtype=np.float32))),
        fairport.check_lines(df.drop(columns="insurance")),
    )
    with pytest.raises(TypeError, match="float"):
        fairport.check_lines(df.assign(insurance=np.array([1, np.nan, 2, 3], dtype=np.float16)))


def test_a_bad_cell_fails_its_row_only():
    df = pd.DataFrame(ROWS)
    df.loc[1, "invoice_value"] = None
    df.loc[2, "hs_code"] = "42x2"
    out = fairport.check_lines(df)
    ref = _reference()
    assert out["error_code"].tolist() == [None, "fairport.consignment.402", "fairport.input.104", None]
    assert out["error_message"][1].startswith("invoice_value: ")
    assert out["customs_value"][1] is None and out["landed_cost"][2] is None
    assert out["landed_cost"][0] == ref["landed_cost"][0]
    assert out["landed_cost"][3] == ref["landed_cost"][3]


VALUES = [
    "0", "0.00", "-0.05", "1", "12345.67", "-12345.670", "9999999999999999999",
    "10000000000000000000", "-10000000000000000001", "12345678901234567890.123456789",
    "99999999999999999999999999999999999999", "-0.00000000000000000000000000000000000001",
    "4000000000000000000.5",
]


@pytest.mark.parametrize("text", VALUES)
def test_decimals_cross_exactly_both_ways(text):
    value = fairport.parse_decimal(text)  # str -> fairport -> Decimal
    want = Decimal(text)
    assert value.as_tuple() == want.as_tuple()
    assert str(value) == str(want) and hash(value) == hash(want)
    assert value + Decimal("0.001") == want + Decimal("0.001")
    # Decimal -> fairport -> Decimal keeps coefficient and exponent.
    assert fairport.sum_decimals([want]).as_tuple() == want.as_tuple()


def test_decimals_with_a_positive_exponent_and_specials():
    assert fairport.sum_decimals([Decimal("1E+3")]) == Decimal(1000)
    for bad in ("NaN", "Infinity", "-Infinity", "sNaN"):
        with pytest.raises(fairport.errors.FairportError):
            fairport.sum_decimals([Decimal(bad)])


def test_decimal_objects_are_read_and_made_directly_on_this_interpreter():
    # Debian 12's CPython 3.11: the layout check passes, so the tests above ran the direct path.
    assert _core._direct_decimal() is True


def test_invoices_in_another_currency_take_the_callers_dated_rate():
    # The handbag of the Belastingdienst example (test_check.py) invoiced in USD: at
    # 1 USD = 0.9210 EUR, USD 216.07 + 27.14 + 10.86 convert to EUR 199.00 + 25.00 + 10.00
    # (each rounded to the cent, half up), so the EUR figures of the example come back.
    df = pd.DataFrame({
        "as_of": ["2026-03-16"], "importer_country": ["NL"], "incoterm": ["EXW"],
        "currency": ["USD"], "hs_code": ["4202210000"], "invoice_value": ["216.07"],
        "freight_to_border": ["27.14"], "insurance": ["10.86"],
    })
    direct = [fairport.FxRate("USD", "EUR", "0.9210", "2026-03-01", "customs monthly rate")]
    inverse = [fairport.FxRate("EUR", "USD", "1.0858", "2026-03-01", "customs monthly rate")]
    for rates in (direct, inverse):
        out = fairport.check_lines(df, exchange_rates=rates)
        assert out.loc[0, "customs_value"] == Decimal("234.00")
        assert out.loc[0, "duty"] == Decimal("7.02")
        assert out.loc[0, "vat"] == Decimal("50.61")
        assert out.loc[0, "landed_cost"] == Decimal("291.63")
    # No rate of the caller's for November 2026 and none built in (the built-in customs rates end
    # with April 2026): error 301 naming the month, never the rate of another month.
    late = fairport.check_lines(df.assign(as_of="2026-11-16"), exchange_rates=direct)
    assert late.loc[0, "error_code"] == "fairport.data.301"
    assert "USD->EUR for November 2026" in late.loc[0, "error_message"]
    # A customs rate of the month is dated the first day of its month; a fixing names its basis.
    with pytest.raises(ValueError, match="first day of the month"):
        fairport.FxRate("USD", "EUR", "0.9210", "2026-03-16")
    assert fairport.FxRate("USD", "EUR", "0.9210", "2026-02-18", basis="fixing").basis == "fixing"
    with pytest.raises(TypeError):
        fairport.FxRate("USD", "EUR", 0.921, "2026-03-01")


def test_the_vat_rate_follows_the_goods_unless_a_category_is_given():
    # Dried apricots into Germany: 7 % (UStG Anlage 2 Nr. 11; dataset eu_vat_goods_rates), so
    # (1000.00 + 56.00 duty) x 7 % = 73.92; declared "standard": 19 %, 200.64.
    df = pd.DataFrame({
        "as_of": ["2026-03-16"] * 3, "importer_country": ["DE", "DE", "NL"],
        "incoterm": ["DAP"] * 3, "currency": ["EUR"] * 3, "hs_code": ["0813100000"] * 3,
        "invoice_value": ["1000"] * 3,
    })
    out = fairport.check_lines(df)
    assert list(out["vat"]) == [Decimal("73.92"), Decimal("73.92"), Decimal("95.04")]
    declared = fairport.check_lines(df.assign(vat_category=["standard", None, "food"]))
    assert declared.loc[0, "vat"] == Decimal("200.64")
    assert declared.loc[1, "vat"] == Decimal("73.92")
    assert declared.loc[2, "error_code"] == "fairport.input.106"


def test_member_states_outside_the_euro_area_declare_in_their_currency():
    # A Polish row declares in PLN (Implementing Regulation (EU) 2015/2447, Art. 146(1)(b)):
    # EUR 1000 at 1 EUR = 4.2543 PLN (a test rate of the month) = PLN 4254.30; without the
    # declaration currency, or declared in EUR, the row fails with its code; a German row in
    # USD is refused (a euro-area declaration is in EUR).
    df = pd.DataFrame({
        "as_of": ["2026-03-16"] * 4, "importer_country": ["PL", "PL", "PL", "DE"],
        "incoterm": ["DAP"] * 4, "currency": ["EUR"] * 4, "hs_code": ["4202210000"] * 4,
        "invoice_value": ["1000"] * 4, "declaration_currency": ["PLN", None, "EUR", "USD"],
    })
    rates = [fairport.FxRate("EUR", "PLN", "4.2543", "2026-03-01", "test")]
    out = fairport.check_lines(df, exchange_rates=rates)
    assert out.loc[0, "result_currency"] == "PLN"
    assert out.loc[0, "customs_value"] == Decimal("4254.30")
    assert out.loc[1, "error_code"] == "fairport.consignment.402"
    assert out.loc[2, "error_code"] == "fairport.input.106"
    assert out.loc[3, "error_code"] == "fairport.input.106"
    assert fairport.check_lines(df.iloc[:1].assign(importer_country="NL", declaration_currency=None),
                                exchange_rates=rates).loc[0, "result_currency"] == "EUR"


def test_a_misspelt_column_is_refused_not_ignored():
    # "freight_to_boarder" would be ignored and the freight lost; other columns pass through.
    df = pd.DataFrame({
        "as_of": ["2026-03-16"], "importer_country": ["DE"], "incoterm": ["EXW"],
        "currency": ["EUR"], "hs_code": ["4202210000"], "invoice_value": ["100"],
        "freight_to_boarder": ["20"], "description": ["felt bag"],
    })
    with pytest.raises(fairport.errors.InputError, match='did you mean "freight_to_border"'):
        fairport.check_lines(df)
    out = fairport.check_lines(df.drop(columns=["freight_to_boarder"]))
    assert out.loc[0, "error_code"] is None


def test_a_part_of_a_column_name_is_refused_when_the_column_is_absent():
    # "exporter" for "exporter_country": the row would pay the third-country duty without a word.
    # Beside an exporter_country column it is a column of the analyst's own and passes through.
    df = pd.DataFrame({
        "as_of": ["2026-03-16"], "exporter": ["PK"], "origin_proof": ["true"],
        "importer_country": ["NL"], "incoterm": ["EXW"], "currency": ["EUR"],
        "hs_code": ["4202210000"], "invoice_value": ["199"],
    })
    with pytest.raises(fairport.errors.InputError, match='did you mean "exporter_country"'):
        fairport.check_lines(df)
    out = fairport.check_lines(df.assign(exporter_country="PK"))
    assert out.loc[0, "regime"] == "gsp_plus"


def test_read_rates_reads_the_rates_file_of_the_command_line(tmp_path):
    # tests/cli/rates.csv: the rate of the month for the USD handbag of tests/cli/lines_usd.csv.
    here = os.path.dirname(os.path.abspath(__file__))
    rates = fairport.read_rates(os.path.join(here, "..", "cli", "rates.csv"))
    assert [(r.base, r.quote, str(r.rate), r.date.isoformat(), r.basis) for r in rates] == [
        ("USD", "EUR", "0.9000", "2026-02-01", "month"), ("USD", "EUR", "0.9210", "2026-03-01", "month")]
    bad = tmp_path / "bad.csv"
    bad.write_text("base,quote,rate,date\nUSD,EUR,\"0,92\",2026-03-01\n", encoding="utf-8")
    with pytest.raises(fairport.errors.FairportError, match=r"bad\.csv row 2"):
        fairport.read_rates(bad)
    (tmp_path / "nohead.csv").write_text("from,to,rate\n", encoding="utf-8")
    with pytest.raises(fairport.errors.FairportError, match=r"fairport\.consignment\.401.*\"base\""):
        fairport.read_rates(tmp_path / "nohead.csv")
