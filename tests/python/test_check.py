"""The consignment check and the landed-cost columns from Python."""

import json
from decimal import Decimal

import pytest

import fairport
from fairport import errors


def test_example_checks_cleanly_with_exact_totals():
    report = fairport.check_consignment(fairport.example_consignment())
    d = report.to_dict()
    assert d["schema"] == "fairport.report/1"
    assert d["consignment_id"] == "KG-2026-0042"
    assert report.exit_status in (0, 1)
    total = sum((line["landed_cost"]["amount"] for line in d["lines"]), Decimal(0))
    assert isinstance(total, Decimal)
    assert total == d["totals"]["landed_cost"]["amount"]
    assert "fairport check KG-2026-0042" in report.to_text()
    assert report._repr_html_().startswith("<!DOCTYPE html>")


def test_the_built_in_example_is_listed():
    assert "kg_felt_de" in fairport.example_names()
    with pytest.raises(errors.InputError):
        fairport.example_consignment("no_such_example")


def test_float_money_is_a_type_error():
    doc = fairport.example_consignment()
    doc["lines"][0]["invoice_value"] = 2400.0
    with pytest.raises(TypeError, match="float"):
        fairport.check_consignment(doc)


def test_decimal_and_int_amounts_are_accepted():
    doc = fairport.example_consignment()
    doc["lines"][0]["invoice_value"] = Decimal("2400.00")
    doc["lines"][1]["invoice_value"] = 1300
    a = fairport.check_consignment(doc).to_dict()
    b = fairport.check_consignment(fairport.example_consignment()).to_dict()
    assert a["totals"] == b["totals"]


def test_a_bad_line_is_reported_and_the_others_are_checked():
    doc = fairport.example_consignment()
    doc["lines"][1]["hs_code"] = "57X1"
    d = fairport.check_consignment(doc).to_dict()
    assert [line["id"] for line in d["lines"]] == ["1"]
    assert d["errors"][0]["line_id"] == "2"
    assert d["errors"][0]["code"] == "fairport.input.104"
    assert d["errors"][0]["field"] == "/lines/1/hs_code"


def test_a_malformed_document_raises_a_coded_error():
    with pytest.raises(errors.ConsignmentError) as info:
        fairport.check_consignment('{"schema": "fairport.consignment/1", "id": ')
    assert info.value.code == "fairport.consignment.401"
    doc = fairport.example_consignment()
    doc["surprise"] = "x"
    with pytest.raises(errors.ConsignmentError) as info:
        fairport.check_consignment(json.dumps(doc))
    assert "/surprise" in str(info.value)


def test_landed_cost_columns_match_the_belastingdienst_example():
    # Belastingdienst (NL), "Rekenvoorbeelden", voorbeeld 2: handbag EUR 199 + 25 + 10:
    # duty 3 % = 7.02, VAT 21 % of 241.02 = 50.61.
    res = fairport.landed_cost_columns(
        {
            "as_of": ["2026-03-16", "2026-03-16"],
            "importer_country": ["NL", "NL"],
            "incoterm": ["EXW", "EXW"],
            "currency": ["EUR", "EUR"],
            "hs_code": ["4202210000", "1234"],
            "invoice_value": ["199", Decimal("199")],
            "freight_to_border": ["25", "25"],
            "insurance": ["10", "10"],
        }
    )
    assert res["customs_value"][0] == Decimal("234")
    assert res["duty"][0] == Decimal("7.02")
    assert res["vat"][0] == Decimal("50.61")
    assert res["landed_cost"][0] == Decimal("291.63")
    assert res["error_code"][0] is None
    assert res["landed_cost"][1] is None
    assert res["error_code"][1] == "fairport.data.301"


def test_landed_cost_columns_refuse_floats():
    with pytest.raises(TypeError):
        fairport.landed_cost_columns(
            {
                "as_of": ["2026-03-16"],
                "importer_country": ["NL"],
                "incoterm": ["EXW"],
                "currency": ["EUR"],
                "hs_code": ["4202210000"],
                "invoice_value": [199.0],
            }
        )


def test_check_lines_on_a_dataframe():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "as_of": ["2026-03-16"],
            "exporter_country": ["PK"],
            "origin_proof": [True],  # a statement on origin is held (IA 2015/2447, Art. 92)
            "importer_country": ["IT"],
            "incoterm": ["EXW"],
            "currency": ["EUR"],
            "hs_code": ["4202210000"],
            "invoice_value": [Decimal("1000.00")],
            "freight_to_border": [Decimal("0")],
            "insurance": [Decimal("0")],
            "freight_after_border": [Decimal("0")],
            "net_mass_kg": [Decimal("20")],
            "quantity": [Decimal("10")],
        }
    )
    out = fairport.check_lines(df)
    assert list(out.columns)[:5] == ["customs_value", "duty", "third_country_duty", "vat", "landed_cost"]
    assert out["customs_value"][0] == Decimal("1000.00")
    # Pakistan is a GSP+ beneficiary (Regulation (EU) No 978/2012, Annex III): handbags of
    # 4202 21 enter free instead of 3 %; VAT 22 % in Italy on 1000.00 = 220.00.
    assert out["regime"][0] == "gsp_plus"
    assert out["duty"][0] == Decimal("0")
    assert out["vat"][0] == Decimal("220.00")
    df["exporter_country"] = ["CN"]
    out = fairport.check_lines(df)
    assert out["regime"][0] == "none"
    assert out["duty"][0] == Decimal("30.00")
    # Fail closed (Reg. (EU) No 978/2012, Art. 33(1)): without a proof of origin the Pakistani
    # handbags pay the third-country duty too; an origin_proof that is no boolean is refused.
    df["exporter_country"] = ["PK"]
    for proof in (False, None, "false", ""):
        df["origin_proof"] = [proof]
        out = fairport.check_lines(df)
        assert out["regime"][0] == "none" and out["duty"][0] == Decimal("30.00"), proof
    df["origin_proof"] = ["yes"]
    out = fairport.check_lines(df)
    assert out["error_code"][0] == "fairport.input.106" and "origin_proof" in out["error_message"][0]
    df = df.drop(columns=["origin_proof"])
    assert fairport.check_lines(df)["duty"][0] == Decimal("30.00")


def test_report_json_follows_the_schema_kept_in_the_repository():
    jsonschema = pytest.importorskip("jsonschema")
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    schema = json.loads((root / "src" / "schema" / "fairport.report-1.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for name in fairport.example_names():
        doc = json.loads(fairport.check_consignment(fairport.example_consignment(name)).to_json())
        jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    # A line whose duty step fails keeps its origin and fair-price verdicts, with landed_cost
    # null, and the totals name it.
    consignment = fairport.example_consignment()
    consignment["lines"][1]["hs_code"] = "5705 00 80"
    doc = json.loads(fairport.check_consignment(consignment).to_json())
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    assert doc["lines"][1]["landed_cost"] is None
    assert doc["lines"][1]["origin"]["status"] == "originating"
    assert doc["totals"]["lines_left_out"] == ["2"]
    # A broken report is caught: an amount written as a number.
    doc = json.loads(fairport.check_consignment(fairport.example_consignment()).to_json())
    doc["totals"]["duty"]["amount"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)


def test_vocabulary_lists_the_operations_with_their_legal_text():
    # Delegated Regulation (EU) 2015/2446, Art. 47(1)(k): the wording behind simple_packaging.
    ops = fairport.vocabulary("operations", as_of="2026-03-01")
    assert isinstance(ops, fairport.Vocabulary)
    packaging = next(v for v in ops.values if v.id == "simple_packaging")
    assert packaging.group == "insufficient"
    assert packaging.text.startswith("(k) simple placing in bottles")
    assert packaging.reference.startswith("Commission Delegated Regulation (EU) 2015/2446, Art. 47(1)(k)")
    assert {"making_up", "felting", "kiln_firing"} <= set(ops.ids())
    names = [v.name for v in fairport.vocabulary()]
    assert names[:2] == ["operations", "cumulation"]
    with pytest.raises(fairport.errors.InputError) as e:
        fairport.vocabulary("colours")
    assert e.value.code == "fairport.input.106"


def test_an_operation_outside_the_vocabulary_is_refused_with_its_code():
    # The Chinese slippers of "labelling, repacking": a wording never counts as working
    # beyond Art. 47(1).
    with pytest.raises(fairport.errors.InputError) as e:
        fairport.assess_origin("640520", "9.00", "EUR", "KG", as_of="2026-03-01",
                               operations=["labelling"])
    assert "is not an operation id" in str(e.value)
    assert e.value.code == "fairport.input.106"
