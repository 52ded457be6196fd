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


def test_extend_lines_fixed_matches_python_decimal_in_every_mode():
    np = pytest.importorskip("numpy")
    import decimal as pydec
    import random

    modes = {
        RM.UP: pydec.ROUND_UP, RM.DOWN: pydec.ROUND_DOWN, RM.CEILING: pydec.ROUND_CEILING,
        RM.FLOOR: pydec.ROUND_FLOOR, RM.HALF_UP: pydec.ROUND_HALF_UP,
        RM.HALF_DOWN: pydec.ROUND_HALF_DOWN, RM.HALF_EVEN: pydec.ROUND_HALF_EVEN,
        RM.ZERO_FIVE_UP: pydec.ROUND_05UP,
    }
    ctx = pydec.Context(prec=80, Emax=999, Emin=-999)
    rng = random.Random(20261125)
    limit = 2**63
    for mode, py_mode in modes.items():
        for _ in range(40):
            sa, sb, scale = rng.randint(0, 9), rng.randint(0, 6), rng.randint(0, 8)
            n = 200
            big = rng.random() < 0.3  # products beyond 64 bits take the exact wide path
            a = [rng.randint(-(10**18), 10**18) if big else rng.randint(-(10**8), 10**8)
                 for _ in range(n)]
            b = [rng.randint(-(10**6), 10**6) for _ in range(n)]
            r = fairport.extend_lines_fixed(np.array(a, dtype=np.int64), np.array(b, dtype=np.int64),
                                            price_scale=sa, quantity_scale=sb, scale=scale,
                                            mode=mode)
            for i in range(n):
                exact = ctx.multiply(Decimal(a[i]).scaleb(-sa, ctx), Decimal(b[i]).scaleb(-sb, ctx))
                want = exact.quantize(Decimal(1).scaleb(-scale), rounding=py_mode, context=ctx)
                coef = int(want.scaleb(scale, ctx))
                if -limit <= coef < limit:
                    assert not r["overflow"][i]
                    assert int(r["coefficient"][i]) == coef, (a[i], b[i], sa, sb, scale, mode)
                else:
                    assert r["overflow"][i] and int(r["coefficient"][i]) == 0


def test_extend_lines_fixed_refuses_floats_and_bad_scales():
    np = pytest.importorskip("numpy")
    with pytest.raises(TypeError):
        fairport.extend_lines_fixed(np.array([1.5]), np.array([1]), price_scale=2,
                                    quantity_scale=0, scale=2, mode=RM.HALF_UP)
    with pytest.raises(fairport.errors.InputError):
        fairport.extend_lines_fixed(np.array([1]), np.array([1]), price_scale=19,
                                    quantity_scale=0, scale=2, mode=RM.HALF_UP)
