"""Columnar kernels: exact results, per-row errors, nothing dropped."""
from decimal import Decimal, ROUND_HALF_UP

import pytest

import fairport
from fairport import RoundingMode as RM


def test_extend_lines_matches_decimal_and_keeps_every_row():
    prices = ["187.35", "2.345", "bad", Decimal("0.005")]
    quantities = [12, "1", 3, 1]
    out = fairport.extend_lines(prices, quantities, scale=2, mode=RM.HALF_UP)
    assert out["amount"] == [Decimal("2248.20"), Decimal("2.35"), None, Decimal("0.01")]
    assert out["error_code"] == [None, None, "fairport.input.101", None]
    assert "bad" in out["error_message"][2]
    expected = (Decimal("187.35") * 12).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert out["amount"][0] == expected


def test_extend_lines_refuses_floats_for_the_whole_call():
    with pytest.raises(TypeError):
        fairport.extend_lines([1.5], [1], scale=2, mode=RM.HALF_UP)


def test_sum_is_exact():
    assert fairport.sum_decimals(["0.1"] * 10) == Decimal("1.0")
