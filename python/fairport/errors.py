"""The exceptions of fairport: one hierarchy, each error with a stable ``code``.

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
    """Root of fairport's errors.

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.

    Attributes
    ----------
    code : str
        The stable code, like ``"fairport.input.101"``.
    context : dict
        Names the dataset, version, file, JSON pointer or argument where known.
    """

    def __init__(self, message: str, code: str = "", context: Optional[Dict[str, Any]] = None):
        super().__init__(message)
        self.code = code
        self.context: Dict[str, Any] = dict(context or {})


class InputError(FairportError, ValueError):
    """1xx: malformed input (a bad decimal, currency or country code, date, unit ...).

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.
    """


class FairportArithmeticError(FairportError, ArithmeticError):
    """2xx: an arithmetic operation cannot give an exact, representable result.

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.
    """


class DecimalOverflowError(FairportArithmeticError, OverflowError):
    """201: a result does not fit 38 digits or the scale range.

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.
    """


class CurrencyMismatchError(FairportArithmeticError):
    """203: amounts in different currencies were combined.

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.
    """


class DataError(FairportError):
    """3xx: reference data is malformed or lacks what was asked for.

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.
    """


class NoValidRecordError(DataError, LookupError):
    """301: no record is valid on the as-of date (a missing rate is never guessed).

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.
    """


class ConsignmentError(FairportError):
    """4xx: a consignment is inconsistent.

    Parameters
    ----------
    message : str
        What went wrong; fairport's messages begin with the code in brackets.
    code : str, default ""
        The stable code, like ``"fairport.input.101"``.
    context : dict, optional
        The dataset, version, file, JSON pointer or argument where known.
    """


_BY_CODE = {201: DecimalOverflowError, 203: CurrencyMismatchError, 301: NoValidRecordError}
_BY_CATEGORY = {1: InputError, 2: FairportArithmeticError, 3: DataError, 4: ConsignmentError}


def class_for_code(number: int) -> type:
    """Return the most derived class for a numeric error code (101 -> InputError).

    Parameters
    ----------
    number : int
        The number of the code: 101 for ``"fairport.input.101"``.

    Returns
    -------
    type
        The exception class: a class of its own for 201, 203 and 301, else the class of the
        code's hundred (``InputError`` for 1xx, ``FairportArithmeticError`` for 2xx,
        ``DataError`` for 3xx, ``ConsignmentError`` for 4xx), else ``FairportError``.
    """
    return _BY_CODE.get(number) or _BY_CATEGORY.get(number // 100, FairportError)
