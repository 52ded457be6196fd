import os
from typing import Any, Dict, List, Optional, Union

from ._core import ReferenceData

DataArg = Optional[Union[ReferenceData, str, "os.PathLike[str]"]]

def resolve_data(data: DataArg = ...) -> ReferenceData: ...
def load_reference_data(directory: Union[str, "os.PathLike[str]"]) -> ReferenceData: ...
def datasets(data: DataArg = ...) -> List[Dict[str, Any]]: ...
