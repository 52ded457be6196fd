"""fairport.tariff_search and tariff_show: CN codes by words (CN 2026 descriptions, Annex I to
Regulation (EEC) No 2658/87 as amended by Implementing Regulation (EU) 2025/1926) and one code's
duty, GSP coverage (Regulation (EU) No 978/2012, Annexes V and IX) and list rule (Annex 22-03)."""

import datetime

import pytest

import fairport
from fairport import errors


def test_the_producers_goods_are_found_by_their_words():
    day = datetime.date(2026, 11, 20)
    slippers = fairport.tariff_search("felt slippers", day)
    assert slippers[0].formatted == "6405 20 91"
    assert slippers[0].path[-1] == "Slippers and other indoor footwear"
    assert slippers[0].duty == "4 %"
    carpets = [h.code for h in fairport.tariff_search("felt carpet", "2026-11-20")]
    assert carpets[0] == "5704" and "57049000" in carpets
    apricots = fairport.tariff_search("dried apricots")
    assert apricots[0].code == "08131000"
    assert apricots[0].duty is None and apricots[0].duty_match is None  # no date, no duty
    assert fairport.tariff_search("zzzz") == []
    with pytest.raises(errors.InputError, match="fairport.input.106"):
        fairport.tariff_search(" ;; ")


def test_one_code_on_a_date():
    s = fairport.tariff_show("6405 20 91 00", datetime.date(2026, 1, 15))
    assert s.path[1] == ("6405", "Other footwear")
    assert s.duty == "4 %" and s.duty_match == "found"
    assert "2025/1926" in s.duty_reference
    assert (s.annex_v["coverage"], s.annex_v["section"]) == ("sensitive", "S-12a")
    assert s.annex_ix["coverage"] == "listed"
    assert s.eba is True
    assert s.list_rules[0]["hs"] == "ex Chapter 64"
    painting = fairport.tariff_show("9701 91 00", "2026-11-20")
    assert painting.duty == "free"
    assert painting.annex_v["coverage"] == "not_listed"  # works of art: EBA only
    unknown = fairport.tariff_show("2710", "2026-11-20")
    assert unknown.duty is None and unknown.duty_match == "none" and unknown.path == ()
    with pytest.raises(errors.InputError, match="fairport.input.104"):
        fairport.tariff_show("64x", "2026-11-20")


def test_xi_tariff_responses_become_a_user_data_file(tmp_path):
    import pathlib

    fixtures = pathlib.Path(__file__).resolve().parents[1] / "data" / "xi"
    r = fairport.import_xi_tariff([fixtures])
    assert r.retrieved == "2026-11-20" and r.records == 2 and len(r.not_found) == 1
    fates = sorted(m["fate"] for m in r.measures)
    assert fates == ["gsp_preference", "mapped", "not_computable", "out_of_scope"]
    (tmp_path / "duties.json").write_text(r.dataset_json)
    s = fairport.tariff_show("1704903000", "2026-11-20", data=str(tmp_path))
    assert s.duty == "9.10 % + 45.10 EUR / 100 kg MAX 18.90 % + 16.50 EUR / 100 kg"
    assert "user data" in s.duty_reference
