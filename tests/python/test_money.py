"""Money, allocation and exchange rates from Python."""
import datetime
from decimal import Decimal

import pytest

import fairport
from fairport import Money, RoundingMode as RM


def test_money_is_exact_within_one_currency():
    assert Money("0.10", "EUR") + Money("0.20", "EUR") == Money("0.30", "EUR")
    assert (Money("187.35", "USD") * 12).amount == Decimal("2248.20")
    assert str(Money("2400.00", "USD")) == "USD 2400.00"


def test_mixing_currencies_raises_currency_mismatch():
    with pytest.raises(fairport.errors.CurrencyMismatchError, match=r"\[fairport\.arithmetic\.203\]"):
        Money("1", "EUR") + Money("1", "USD")


def test_bad_currency_code_is_coded():
    with pytest.raises(fairport.errors.InputError, match=r"\[fairport\.input\.102\]"):
        Money("1", "usd")


def test_allocation_adds_up_exactly():
    shares = fairport.allocate(Money("100.00", "EUR"), [1, 1, 1], scale=2)
    assert [s.amount for s in shares] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


def test_fx_conversion_rounds_once():
    r = fairport.FxRate("EUR", "USD", "1.0850", datetime.date(2026, 3, 1), "test input")
    assert r.convert_to_base(Money("2248.20", "USD"), 2, RM.HALF_UP) == Money("2072.07", "EUR")
    assert r.convert(Money("100.00", "EUR"), 2, RM.HALF_UP) == Money("108.50", "USD")
    assert r.date == datetime.date(2026, 3, 1)
    assert r.inverse(6, RM.HALF_EVEN).rate == Decimal("0.921659")
