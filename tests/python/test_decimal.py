"""Exact decimals through the Python face: Decimal/str/int in, Decimal out, floats refused."""
from decimal import Decimal, ROUND_HALF_EVEN, ROUND_HALF_UP, localcontext
import random

import pytest

import fairport
from fairport import RoundingMode as RM


def test_round_returns_decimal_with_the_named_mode():
    assert fairport.round("2.345", 2, RM.HALF_EVEN) == Decimal("2.34")
    assert fairport.round(Decimal("2.345"), 2, RM.HALF_UP) == Decimal("2.35")
    assert fairport.round(-2, 2, RM.DOWN).as_tuple() == Decimal("-2.00").as_tuple()


def test_a_float_is_a_type_error():
    with pytest.raises(TypeError, match="floats are ambiguous for money"):
        fairport.round(0.1, 2, RM.HALF_EVEN)
    with pytest.raises(TypeError):
        fairport.Money(1.5, "EUR")


def test_the_named_float_route_is_exact_then_rounded():
    assert fairport.decimal_from_float(0.1, places=20, mode=RM.DOWN) == Decimal(
        "0.10000000000000000555"
    )


def test_bad_text_raises_input_error_with_its_code():
    with pytest.raises(fairport.errors.InputError, match=r"\[fairport\.input\.101\]") as e:
        fairport.parse_decimal("1,5")
    assert e.value.code == "fairport.input.101"
    with pytest.raises(fairport.errors.InputError):
        fairport.round(Decimal("NaN"), 2, RM.HALF_EVEN)


def test_divide_by_zero_is_coded():
    with pytest.raises(fairport.errors.FairportArithmeticError, match=r"arithmetic\.202") as e:
        fairport.divide(1, 0, 2, RM.HALF_EVEN)
    assert isinstance(e.value, ArithmeticError)


def test_exponent_notation_never_leaks_into_results():
    # Decimal('1E+2') is accepted; the result is the plain integer 100.
    assert str(fairport.round(Decimal("1E+2"), 0, RM.DOWN)) == "100"


MODES = {
    RM.HALF_EVEN: ROUND_HALF_EVEN,
    RM.HALF_UP: ROUND_HALF_UP,
}


def test_differential_against_python_decimal_divide_and_round():
    rng = random.Random(20261124)
    for _ in range(20000):
        a = Decimal(rng.randint(-10**12, 10**12)).scaleb(-rng.randint(0, 6))
        b = Decimal(rng.randint(1, 10**8)).scaleb(-rng.randint(0, 4))
        scale = rng.randint(0, 10)
        mode = rng.choice(list(MODES))
        with localcontext() as ctx:
            ctx.prec = 100
            expected = (a / b).quantize(Decimal(1).scaleb(-scale), rounding=MODES[mode])
            expected_round = a.quantize(Decimal(1).scaleb(-scale), rounding=MODES[mode])
        got = fairport.divide(a, b, scale, mode)
        assert got == expected and got.as_tuple().exponent == -scale, (a, b, scale, mode)
        assert fairport.round(a, scale, mode) == expected_round, (a, scale, mode)
