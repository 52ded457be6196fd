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


USER_DATA = pathlib.Path(__file__).resolve().parents[1] / "cli" / "user_data"
SHYRDAK = pathlib.Path(__file__).resolve().parents[1] / "cli" / "shyrdak_de.json"


def test_a_user_data_directory_adds_records_and_marks_them():
    # tests/cli/user_data holds one duty record (5704 90 00, 6.7 %) and no manifest: data= a
    # directory without a manifest is the user's layer over the built-in set.
    layered = fairport.datasets(str(USER_DATA))
    tariff = next(d for d in layered if d["id"] == "eu_cct_erga_omnes")
    assert [pathlib.Path(l["file"]).name for l in tariff["layers"]] == ["felt_carpets.json"]
    assert tariff["layers"][0]["version"] == "2026.11.1"
    assert len(tariff["layers"][0]["changes"]) == 1
    assert all(not d["layers"] for d in fairport.datasets())
    report = fairport.check_consignment(SHYRDAK.read_text(), data=str(USER_DATA)).to_dict()
    line = report["lines"][0]
    assert str(line["duty"]["amount"]["amount"]) == "176.17"
    sources = json.dumps(line, default=str)
    assert '"layer": "' + str(USER_DATA / "felt_carpets.json") + '"' in sources
    explicit = fairport.ReferenceData.builtin().with_layer(str(USER_DATA))
    assert explicit.dataset("eu_cct_erga_omnes")["layers"][0]["added"] == 1


def test_a_bad_user_file_names_itself(tmp_path):
    text = (USER_DATA / "felt_carpets.json").read_text().replace('"text"', '"txet"')
    (tmp_path / "mine.json").write_text(text)
    with pytest.raises(errors.DataError, match="mine.json"):
        fairport.ReferenceData.from_directory(str(tmp_path))
