import datetime
from dataclasses import dataclass
import os
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

from ._data import DataArg

@dataclass(frozen=True)
class TariffHit:
    code: str
    formatted: str
    path: Tuple[str, ...]
    score: int
    duty: Optional[str]
    duty_match: Optional[str]

@dataclass(frozen=True)
class TariffSummary:
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
    as_of: Optional[Union[str, datetime.date]] = ...,
    data: DataArg = ...,
    limit: int = ...,
) -> List[TariffHit]: ...
def tariff_show(
    code: str, as_of: Union[str, datetime.date], data: DataArg = ...
) -> TariffSummary: ...

@dataclass(frozen=True)
class XiTariffImport:
    dataset_json: str
    retrieved: str
    records: int
    measures: Tuple[Dict[str, Any], ...]
    not_found: Tuple[str, ...]

def import_xi_tariff(
    paths: Sequence[Union[str, "os.PathLike[str]"]],
    as_of: Optional[Union[str, datetime.date]] = ...,
) -> XiTariffImport: ...
