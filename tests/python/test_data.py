"""fairport.datasets(), ReferenceData and data= arguments: what is loaded, strictly, from where."""

import json
import pathlib
import shutil

import pytest

import fairport
from fairport import errors

SOURCE_DATA = pathlib.Path(__file__).resolve().parents[2] / "src" / "data"


def test_datasets_lists_the_builtin_set_with_sources():
    infos = {d["id"]: d for d in fairport.datasets()}
    assert {"iso4217_currencies", "iso3166_countries", "country_groups"} <= set(infos)
    countries = infos["iso3166_countries"]
    assert countries["version"] == "2026.1.0"
    assert countries["records"] == 249
    assert countries["schema"] == "fairport.countries/1"
    assert countries["coverage_from"] == "2020-01-01"
    assert countries["coverage_through"] is None
    assert len(countries["sha256"]) == 64
    assert "ISO 3166" in countries["title"]


def test_data_argument_accepts_a_directory_and_a_reference_data():
    loaded = fairport.load_reference_data(SOURCE_DATA)
    assert loaded.origin == str(SOURCE_DATA)
    assert [d["sha256"] for d in fairport.datasets(loaded)] == [
        d["sha256"] for d in fairport.datasets()
    ]
    assert [d["id"] for d in fairport.datasets(str(SOURCE_DATA))] == [
        d["id"] for d in fairport.datasets()
    ]
    with pytest.raises(TypeError):
        fairport.datasets(42)


def test_checksum_mismatch_is_a_coded_data_error(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(SOURCE_DATA, copy)
    f = copy / "iso" / "iso3166_countries.json"
    f.write_text(f.read_text(encoding="utf-8").replace('"Kyrgyzstan"', '"Kirgizia"'), encoding="utf-8")
    with pytest.raises(errors.DataError) as info:
        fairport.load_reference_data(copy)
    assert info.value.code == "fairport.data.308"
    assert info.value.context["file"] == "iso/iso3166_countries.json"


def test_override_replaces_one_dataset(tmp_path):
    doc = json.loads((SOURCE_DATA / "iso" / "iso3166_countries.json").read_text(encoding="utf-8"))
    for r in doc["records"]:
        if r["key"]["code"] == "KG":
            r["value"]["name"] = "Kyrgyz Republic"
    f = tmp_path / "countries.json"
    f.write_text(json.dumps(doc), encoding="utf-8")
    over = fairport.ReferenceData.builtin().with_override(str(f))
    assert over.dataset("iso3166_countries")["file"] == str(f)
    assert fairport.ReferenceData.builtin().dataset("iso3166_countries")["file"] == (
        "iso/iso3166_countries.json"
    )
    with pytest.raises(errors.DataError) as info:
        over.dataset("no_such_dataset")
    assert info.value.code == "fairport.data.314"
