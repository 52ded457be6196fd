import datetime
from typing import Any, Dict, List, Optional, Sequence, Union

from ._core import FxRate
from ._data import DataArg

DateArg = Union[datetime.date, str]
Num = Any

class Verdict(Dict[str, Any]):
    def __init__(self, result: Dict[str, Any], title: str) -> None: ...
    def _repr_html_(self) -> str: ...

def decide_preference(
    exporter: str, cn: str, destination: str, *, as_of: DateArg,
    originating: Optional[bool] = None, direct_transport: Optional[bool] = None,
    originating_value_eur: Optional[Num] = None, exporter_registered_rex: bool = False,
    exporter_name: str = "", rex_number: str = "", origin_criterion: str = "",
    data: DataArg = None,
) -> Verdict: ...
def assess_origin(
    hs: str, ex_works_price: Num, currency: str, exporter: str, *, as_of: DateArg,
    materials: Any = (), operations: Sequence[str] = (), wholly_obtained: bool = False,
    direct_transport: Optional[bool] = None, list_rule_row: str = "",
    wholly_obtained_category: str = "", data: DataArg = None,
) -> Verdict: ...
def fairtrade_price(
    product: str, *, as_of: DateArg, market_price: Optional[Num] = None,
    market_price_currency: str = "USD", market_price_unit: str = "lb", organic: bool = False,
    region: str = "all", quality: str = "standard", per_unit: Optional[str] = None,
    currency: Optional[str] = None, exchange_rates: Sequence[FxRate] = (), data: DataArg = None,
) -> Verdict: ...
def fairtrade_prices(
    product: str, market_prices: Sequence[Num], *, as_of: DateArg,
    market_price_currency: str = "USD", market_price_unit: str = "lb", organic: bool = False,
    region: str = "all", quality: str = "standard", per_unit: Optional[str] = None,
    currency: Optional[str] = None, exchange_rates: Sequence[FxRate] = (), data: DataArg = None,
) -> List[Any]: ...
def artisan_fair_price(
    *, materials_per_unit: Num, labour_minutes_per_unit: Num, hourly_wage: Num,
    overhead_rate: Num, margin_rate: Num, currency: str, as_of: DateArg,
    price_paid_per_unit: Optional[Num] = None, data: DataArg = None,
) -> Verdict: ...

class PriceChain:
    stages: List[Any]
    currency: str
    producer_share_of_retail: Any
    producer_share_of_landed_cost: Any
    producer_share_of_export_price: Any
    findings: List[Dict[str, str]]
    def __init__(self, result: Dict[str, Any]) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def _repr_html_(self) -> str: ...
    def steps(self) -> List[Any]: ...
    def plot(self, ax: Any = None) -> Any: ...

def price_chain(
    *, producer_price: Num, producer_currency: str, export_price: Num, export_currency: str,
    landed_cost: Num, landed_currency: str, wholesale_markup: Num, retail_markup: Num,
    vat_rate: Num, as_of: DateArg, export_basis: str = "FOB",
    exchange_rates: Sequence[FxRate] = (), data: DataArg = None,
) -> PriceChain: ...
