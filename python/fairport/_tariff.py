"""The tariff search: CN codes by words, and one code's duty, GSP coverage and list rule."""

import datetime
import os
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from . import _core
from ._data import DataArg, resolve_data


@dataclass(frozen=True)
class TariffHit:
    """One CN code that ``tariff_search`` found.

    Parameters
    ----------
    code : str
        The code's digits (2, 4, 6 or 8: ``"64052091"``).
    formatted : str
        The code as the CN prints it (``"6405 20 91"``).
    path : tuple of str
        The descriptions from the chapter down to the code's own.
    score : int
        The ranking (higher is better); not a measure of anything.
    duty : str or None
        The third-country duty on the date as the CN prints it (``"4 %"``); ``None`` without a
        date, or when the data has no single record for the code.
    duty_match : str or None
        ``"found"``, ``"none"`` (not in the data) or ``"depends_on_subcode"`` (the codes below
        it have their own duties); ``None`` without a date.
    """

    code: str
    formatted: str
    path: Tuple[str, ...]
    score: int
    duty: Optional[str]
    duty_match: Optional[str]


@dataclass(frozen=True)
class TariffSummary:
    """What the reference data says of one CN code on one date (``tariff_show``).

    Parameters
    ----------
    code : str
        The code's digits.
    path : tuple of tuple
        ``(code, description)`` of the chapter, heading, subheadings and the code itself.
    duty : str or None
        The third-country duty as the CN prints it; ``None`` when ``duty_match`` is not
        ``"found"``.
    duty_match : str
        ``"found"``, ``"none"`` or ``"depends_on_subcode"``.
    duty_reference : str or None
        The legal act and dataset record of the duty.
    annex_v : dict
        The general arrangement (Regulation (EU) No 978/2012, Annex V): ``coverage``
        (``"sensitive"``, ``"non_sensitive"``, ``"not_listed"`` or ``None`` when not in the
        data), ``section``, ``ex_description``, ``reference``, ``depends_on_subcode``.
    annex_ix : dict
        GSP+ (Annex IX), as ``annex_v`` with ``coverage`` ``"listed"`` or ``"not_listed"``.
    eba : bool or None
        Whether EBA covers the code's chapter (Art. 18(1)); ``None`` when no GSP rules hold on
        the date.
    list_rule_match : str
        ``"found"``, ``"none"`` or ``"depends_on_subcode"``.
    list_rules : tuple of dict
        The list-rule rows of Annex 22-03: ``hs``, ``row``, ``description``, ``ldc`` (column
        (a)) and ``other`` (column (b)) as lists of the alternatives' texts, ``reference``.
    """

    code: str
    path: Tuple[Tuple[str, str], ...]
    duty: Optional[str]
    duty_match: str
    duty_reference: Optional[str]
    annex_v: Dict[str, Any]
    annex_ix: Dict[str, Any]
    eba: Optional[bool]
    list_rule_match: str
    list_rules: Tuple[Dict[str, Any], ...]


def tariff_search(
    words: str,
    as_of: Optional[Union[str, datetime.date]] = None,
    data: DataArg = None,
    limit: int = 12,
) -> List[TariffHit]:
    """Return the CN codes whose descriptions hold the words, best first (``fairport tariff search``).

    The words are matched, case-blind and with a plain English plural stripped, as the start of
    a word of a code's own description or of its chapter's, heading's and subheading's; rarer
    words weigh more. The search proposes codes; a classification follows the General
    Interpretative Rules.

    Parameters
    ----------
    words : str
        What the goods are, in English (``"felt slippers"``).
    as_of : str or datetime.date, optional
        The date of the nomenclature and of the duties shown; ``None``: any date, no duties.
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data (``None``: built in).
    limit : int, optional
        At most this many codes (default 12).

    Returns
    -------
    list of TariffHit
        The codes found, best first; empty when none holds a word.

    Raises
    ------
    fairport.errors.InputError
        ``[fairport.input.106]`` when ``words`` holds no word.
    """
    return [
        TariffHit(h["code"], h["formatted"], tuple(h["path"]), h["score"], h["duty"], h["duty_match"])
        for h in _core.tariff_search(words, resolve_data(data), as_of, limit)
    ]


def tariff_show(
    code: str, as_of: Union[str, datetime.date], data: DataArg = None
) -> TariffSummary:
    """Return one code's description, duty, GSP coverage and list rule on a date.

    Parameters
    ----------
    code : str
        A CN or TARIC code of 2 to 10 digits (spaces and dots are ignored).
    as_of : str or datetime.date
        The date; duties, coverage and rules are dated.
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data (``None``: built in).

    Returns
    -------
    TariffSummary
        What the data says; lookups that find nothing say so, nothing is guessed.

    Raises
    ------
    fairport.errors.InputError
        ``[fairport.input.104]`` when ``code`` is not 2 to 10 digits.
    """
    s = _core.tariff_show(code, resolve_data(data), as_of)
    return TariffSummary(
        s["code"],
        tuple(tuple(p) for p in s["path"]),
        s["duty"],
        s["duty_match"],
        s["duty_reference"],
        s["annex_v"],
        s["annex_ix"],
        s["eba"],
        s["list_rule_match"],
        tuple(s["list_rules"]),
    )


@dataclass(frozen=True)
class XiTariffImport:
    """What ``import_xi_tariff`` made of UK Trade Tariff API (XI) responses.

    Parameters
    ----------
    dataset_json : str
        A ``fairport.tariff_duties/1`` file for dataset ``eu_cct_erga_omnes``: save it in a
        directory and pass the directory as ``data=``.
    retrieved : str
        The date the responses were read (ISO).
    records : int
        Records written (one per commodity and third-country measure).
    measures : tuple of dict
        Every measure of the responses, once: ``commodity``, ``id``, ``type``,
        ``type_description``, ``area``, ``duty_text``, ``valid_from``, ``valid_through``,
        ``fate`` (``"mapped"``, ``"not_computable"``, ``"gsp_preference"``,
        ``"out_of_scope"``), ``reason`` and ``file``.
    not_found : tuple of str
        The responses that say "not found".
    """

    dataset_json: str
    retrieved: str
    records: int
    measures: Tuple[Dict[str, Any], ...]
    not_found: Tuple[str, ...]


def import_xi_tariff(
    paths: Sequence[Union[str, "os.PathLike[str]"]],
    as_of: Optional[Union[str, datetime.date]] = None,
) -> XiTariffImport:
    """Read third-country duties from UK Trade Tariff API v2 responses for Northern Ireland.

    The responses of ``/xi/api/v2/commodities/{code}`` (the EU tariff) become a dataset file
    for ``eu_cct_erga_omnes`` (``fairport data import xi-tariff``): the third-country duty
    (measure type 103) of each code as a duty expression, or kept with its text where fairport
    does not compute it; every other measure is listed with what became of it.

    Parameters
    ----------
    paths : sequence of str or os.PathLike
        Response files, or directories whose ``*.json`` files are responses.
    as_of : str or datetime.date, optional
        The date the responses were read; ``None``: the latest date in the file names
        (``{code}-{YYYY-MM-DD}.json``).

    Returns
    -------
    XiTariffImport
        The dataset file and the account of every measure.

    Raises
    ------
    fairport.errors.InputError
        ``[fairport.consignment.401]`` for a response not in the API's format, naming the
        file; ``[fairport.input.106]`` when no date is known.
    """
    files: List[Tuple[str, str]] = []
    for p in paths:
        p = os.fspath(p)
        names = (
            sorted(os.path.join(p, n) for n in os.listdir(p) if n.endswith(".json"))
            if os.path.isdir(p)
            else [p]
        )
        for n in names:
            with open(n, encoding="utf-8") as f:
                files.append((n, f.read()))
    retrieved = "" if as_of is None else str(as_of)
    r = _core.import_xi_tariff(files, retrieved)
    return XiTariffImport(
        r["dataset_json"], r["retrieved"], r["records"], tuple(r["measures"]), tuple(r["not_found"])
    )
