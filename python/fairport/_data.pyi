import os
from typing import Any, Dict, List, Optional, Union

from ._core import ReferenceData

DataArg = Optional[Union[ReferenceData, str, "os.PathLike[str]"]]

def resolve_data(data: DataArg = ...) -> ReferenceData: ...
def load_reference_data(directory: Union[str, "os.PathLike[str]"]) -> ReferenceData: ...
def datasets(data: DataArg = ...) -> List[Dict[str, Any]]: ...

import datetime
from dataclasses import dataclass
from typing import Tuple

@dataclass(frozen=True)
class VocabularyValue:
    id: str
    group: str
    text: str
    reference: str

@dataclass(frozen=True)
class Vocabulary:
    name: str
    field: str
    text: str
    values: Tuple[VocabularyValue, ...]
    def ids(self) -> List[str]: ...

def vocabulary(
    name: Optional[str] = ...,
    as_of: Optional[Union[str, datetime.date]] = ...,
    data: DataArg = ...,
) -> Union[Vocabulary, List[Vocabulary]]: ...
