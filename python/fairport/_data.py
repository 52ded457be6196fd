"""Reference data for the Python face: ``data=`` arguments and ``fairport.datasets()``."""

import os
from typing import Any, Dict, List, Optional, Union

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
        is a directory with a ``manifest.json`` (see ``load_reference_data``).

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
        return ReferenceData.load(os.fspath(data))
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
        ``fairport.ReferenceData``, or a directory with a ``manifest.json``.

    Returns
    -------
    list of dict
        Per dataset: ``id``, ``version``, ``schema``, ``file``, ``sha256``, ``records``,
        ``coverage_from``, ``coverage_through`` (``None`` when open-ended), ``title``,
        ``publisher``, ``url``, ``retrieved``, ``licence`` and ``note``.
    """
    return resolve_data(data).datasets()
