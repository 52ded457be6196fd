"""fairport's exceptions: one hierarchy, each error with a stable ``code``.

This module must not import ``fairport._core``: the extension imports it to raise these classes.
"""

from __future__ import annotations

from typing import Any, Dict, Optional

__all__ = [
    "FairportError",
    "InputError",
    "FairportArithmeticError",
    "DecimalOverflowError",
    "CurrencyMismatchError",
    "DataError",
    "NoValidRecordError",
    "ConsignmentError",
    "class_for_code",
]


class FairportError(Exception):
    """Root of fairport's errors. ``code`` is like ``"fairport.input.101"``; ``context`` names
    the dataset, version, file, JSON pointer or argument where known."""

    def __init__(self, message: str, code: str = "", context: Optional[Dict[str, Any]] = None):
        super().__init__(message)
        self.code = code
        self.context: Dict[str, Any] = dict(context or {})


class InputError(FairportError, ValueError):
    """1xx: malformed input (a bad decimal, currency or country code, date, unit ...)."""


class FairportArithmeticError(FairportError, ArithmeticError):
    """2xx: an arithmetic operation cannot give an exact, representable result."""


class DecimalOverflowError(FairportArithmeticError, OverflowError):
    """201: a result does not fit 38 digits or the scale range."""


class CurrencyMismatchError(FairportArithmeticError):
    """203: amounts in different currencies were combined."""


class DataError(FairportError):
    """3xx: reference data is malformed or lacks what was asked for."""


class NoValidRecordError(DataError, LookupError):
    """301: no record is valid on the as-of date (a missing rate is never guessed)."""


class ConsignmentError(FairportError):
    """4xx: a consignment is inconsistent."""


_BY_CODE = {201: DecimalOverflowError, 203: CurrencyMismatchError, 301: NoValidRecordError}
_BY_CATEGORY = {1: InputError, 2: FairportArithmeticError, 3: DataError, 4: ConsignmentError}


def class_for_code(number: int) -> type:
    """The most derived class for a numeric error code (101 -> InputError)."""
    return _BY_CODE.get(number) or _BY_CATEGORY.get(number // 100, FairportError)
