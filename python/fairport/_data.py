"""Reference data for the Python face: ``data=`` arguments and ``fairport.datasets()``."""

import os
from typing import Any, Dict, List, Optional, Union

from ._core import ReferenceData

DataArg = Optional[Union[ReferenceData, str, "os.PathLike[str]"]]


def resolve_data(data: DataArg = None) -> ReferenceData:
    """The reference data a ``data=`` argument names.

    ``None`` is the built-in set; a ``ReferenceData`` is used as it is; a path is a directory
    with a ``manifest.json`` (see ``load_reference_data``).
    """
    if data is None:
        return ReferenceData.builtin()
    if isinstance(data, ReferenceData):
        return data
    if isinstance(data, (str, os.PathLike)):
        return ReferenceData.load(os.fspath(data))
    raise TypeError(
        "data must be None, a fairport.ReferenceData or a directory path, not "
        + type(data).__name__
    )


def load_reference_data(directory: Union[str, "os.PathLike[str]"]) -> ReferenceData:
    """Loads every dataset listed in ``directory/manifest.json``, strictly.

    Raises a ``fairport.errors.DataError`` subclass naming the file, JSON Pointer, dataset and
    version when anything is wrong; nothing loads halfway.
    """
    return ReferenceData.load(os.fspath(directory))


def datasets(data: DataArg = None) -> List[Dict[str, Any]]:
    """What is loaded: one dict per dataset (id, version, coverage, source, licence, sha256)."""
    return resolve_data(data).datasets()
