"""Reference data for the Python face: ``data=`` arguments and ``fairport.datasets()``."""

import os
import datetime
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple, Union

from . import errors
from ._core import ReferenceData

DataArg = Optional[Union[ReferenceData, str, "os.PathLike[str]"]]


_BUILTIN: List[ReferenceData] = []


def _builtin() -> ReferenceData:
    # The built-in datasets are compiled in and immutable: one object serves every call, so the
    # engines prepared for it (see _check._checker) are built once per process.
    if not _BUILTIN:
        _BUILTIN.append(ReferenceData.builtin())
    return _BUILTIN[0]


def resolve_data(data: DataArg = None) -> ReferenceData:
    """Return the reference data a ``data=`` argument names.

    Parameters
    ----------
    data : fairport.ReferenceData or str or os.PathLike, optional
        ``None`` (the default) is the built-in set; a ``ReferenceData`` is used as it is; a path
        is a directory: with a ``manifest.json``, a complete set (see
        ``load_reference_data``); without one, the user's own dataset files merged into the
        built-in set (see ``ReferenceData.with_layer``).

    Returns
    -------
    fairport.ReferenceData
        The reference data.

    Raises
    ------
    TypeError
        If ``data`` is none of these.
    fairport.errors.DataError
        If the directory's datasets do not load (see ``load_reference_data``).
    """
    if data is None:
        return _builtin()
    if isinstance(data, ReferenceData):
        return data
    if isinstance(data, (str, os.PathLike)):
        return ReferenceData.from_directory(os.fspath(data))
    raise TypeError(
        "data must be None, a fairport.ReferenceData or a directory path, not "
        + type(data).__name__
    )


def load_reference_data(directory: Union[str, "os.PathLike[str]"]) -> ReferenceData:
    """Load every dataset listed in ``directory/manifest.json``, strictly.

    Parameters
    ----------
    directory : str or os.PathLike
        The directory that holds ``manifest.json`` and the dataset files it lists.

    Returns
    -------
    fairport.ReferenceData
        The datasets, for the ``data=`` argument of fairport's functions.

    Raises
    ------
    fairport.errors.DataError
        A subclass naming the file, JSON Pointer, dataset and version when anything is wrong;
        nothing loads halfway.
    """
    return ReferenceData.load(os.fspath(directory))


def datasets(data: DataArg = None) -> List[Dict[str, Any]]:
    """List what is loaded: one dict per dataset (id, version, coverage, source, licence, sha256).

    Parameters
    ----------
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data: ``None`` (the default) for the built-in set, a
        ``fairport.ReferenceData``, or a directory (with a ``manifest.json``, a complete set;
        without one, your own dataset files layered over the built-in set).

    Returns
    -------
    list of dict
        Per dataset: ``id``, ``version``, ``schema``, ``file``, ``sha256``, ``records``,
        ``coverage_from``, ``coverage_through`` (``None`` when open-ended), ``title``,
        ``publisher``, ``url``, ``retrieved``, ``licence``, ``note`` and ``layers``: the user
        files merged into it (``file``, ``version``, ``sha256``, ``added``, ``replaced``,
        ``withdrawn`` and ``changes``, one per user record and record it replaced).
    """
    return resolve_data(data).datasets()


@dataclass(frozen=True)
class VocabularyValue:
    """One accepted value of a vocabulary, with the legal text it stands for.

    Parameters
    ----------
    id : str
        The value as a document writes it (``"simple_packaging"``).
    group : str
        Its group within the vocabulary (``"insufficient"``, ``"working"``), or ``""``.
    text : str
        The legal wording, or what the value means.
    reference : str
        The provision first, then the dataset record.
    """

    id: str
    group: str
    text: str
    reference: str


@dataclass(frozen=True)
class Vocabulary:
    """A closed vocabulary of the consignment document: where it is used and its values.

    Parameters
    ----------
    name : str
        The vocabulary's name (``"operations"``).
    field : str
        Where the document uses it (``"lines[].origin.operations[]"``).
    text : str
        What it is.
    values : tuple of VocabularyValue
        The accepted values, in order.
    """

    name: str
    field: str
    text: str
    values: Tuple[VocabularyValue, ...]

    def ids(self) -> List[str]:
        """Return the accepted ids, in order.

        Returns
        -------
        list of str
            The ``id`` of each value.
        """
        return [v.id for v in self.values]


def vocabulary(
    name: Optional[str] = None,
    as_of: Optional[Union[str, datetime.date]] = None,
    data: DataArg = None,
) -> Union[Vocabulary, List[Vocabulary]]:
    """Return the closed vocabularies of the consignment document (``fairport vocab``).

    Parameters
    ----------
    name : str, optional
        One vocabulary (``"operations"``, ``"cumulation"``, ``"wholly_obtained_category"``,
        ``"list_rule_row"``, ``"vat_category"``, ``"unit"``, ``"incoterm"``, ``"allocation"``,
        ``"charge_kind"``, ``"addition_kind"``, ``"transport_mode"``); ``None`` for all of
        them.
    as_of : str or datetime.date, optional
        Only the values valid on this date; ``None``: the values of any date.
    data : fairport.ReferenceData or str or os.PathLike, optional
        The reference data (``None``: built in).

    Returns
    -------
    Vocabulary or list of Vocabulary
        The vocabulary ``name``, or all of them.

    Raises
    ------
    fairport.errors.InputError
        ``[fairport.input.106]`` when there is no vocabulary ``name``.
    """
    found = [
        Vocabulary(
            v["name"],
            v["field"],
            v["text"],
            tuple(VocabularyValue(e["id"], e["group"], e["text"], e["reference"]) for e in v["values"]),
        )
        for v in resolve_data(data).vocabularies(as_of)
    ]
    if name is None:
        return found
    for v in found:
        if v.name == name:
            return v
    raise errors.InputError(
        '[fairport.input.106] no vocabulary "'
        + name
        + '"; the vocabularies: '
        + ", ".join(v.name for v in found),
        code="fairport.input.106",
    )
