"""The engines one by one from Python: GSP preference, origin, fair prices."""

from decimal import Decimal

import pytest

import fairport


def test_preference_gsp_plus_and_none():
    # Kyrgyzstan is a GSP+ beneficiary (Regulation (EU) No 978/2012, Annex III): a knotted
    # wool carpet (CN 5701 10 90, third-country "8 % MAX 2,8 EUR/m2") enters free.
    kg = fairport.decide_preference("KG", "5701109000", "DE", as_of="2026-03-16")
    assert kg["regime"] == "gsp_plus"
    # Fail closed: origin and transport are not shown here, so the preference is not given yet
    # (Art. 33(1)); the duty it would give is "preferential_duty".
    assert kg["eligible"] is False
    assert kg["status"] == "conditional"
    assert kg["preferential_duty"] == "free"
    assert kg["third_country_duty"] == "8 % MAX 2,8 EUR/m2"
    # China is in none of Annexes II, III, IV.
    cn = fairport.decide_preference("CN", "5701109000", "DE", as_of="2026-03-16")
    assert cn["regime"] == "none"
    assert cn["eligible"] is False
    assert cn["reason"] == "not_a_beneficiary"


def test_preference_sensitive_textile_reduction_and_rex_threshold():
    # Indonesia, general arrangement: felt 5602 10 (6.7 %) is a sensitive textile of Section
    # XI(a): reduced by 20 % (Art. 7(2)) to 5.36 % and rounded down to one decimal (Art. 34).
    d = fairport.decide_preference("ID", "5602100000", "DE", as_of="2026-03-16", originating=True,
                                   direct_transport=True, originating_value_eur="6000.00")
    assert d["preferential_duty"] == "5,3 %"
    assert d["statement_on_origin"]["rex_required"] is False
    # Above EUR 6,000 only a registered exporter may make out the statement (Implementing
    # Regulation (EU) 2015/2447, Art. 92(1)).
    d = fairport.decide_preference("ID", "5602100000", "DE", as_of="2026-03-16", originating=True,
                                   direct_transport=True, originating_value_eur=Decimal("6000.01"))
    assert d["statement_on_origin"]["rex_required"] is True
    assert d["eligible"] is False
    with pytest.raises(TypeError):
        fairport.decide_preference("ID", "5602100000", "DE", as_of="2026-03-16",
                                   originating_value_eur=6000.01)


def test_origin_value_rule_boundary_with_a_dataframe():
    pd = pytest.importorskip("pandas")
    # Chapter 69 list rule, column (b): a change of heading, or non-originating materials up to
    # 50 % of the ex-works price (Delegated Regulation (EU) 2015/2446, Annex 22-03). Bowls
    # glazed and fired in Tajikistan from Chinese biscuit-fired blanks of the same heading 6912
    # fail the change of heading; blanks 4.40 + glaze 0.60 of an ex-works price of 10.00 is
    # exactly 50 % and passes, glaze at 0.61 does not (margin -0.01).
    materials = pd.DataFrame({
        "description": ["biscuit-fired bowls", "glaze"],
        "hs_code": ["691200", "3207"],
        "origin": ["CN", "CN"],
        "value": [Decimal("4.40"), Decimal("0.60")],
    })
    ops = ["ceramic_glazing", "hand_painting", "kiln_firing"]
    ok = fairport.assess_origin("691200", "10.00", "EUR", "TJ", as_of="2026-03-16",
                                materials=materials, operations=ops)
    assert ok["status"] == "originating"
    assert ok["margin"]["amount"] == Decimal("0")
    assert ok["limit"] == Decimal("0.5")
    materials.loc[1, "value"] = Decimal("0.61")
    no = fairport.assess_origin("691200", "10.00", "EUR", "TJ", as_of="2026-03-16",
                                materials=materials, operations=ops)
    assert no["status"] == "not_originating"
    assert no["margin"]["amount"] == Decimal("-0.01")
    assert no["headroom"]["amount"]["amount"] == Decimal("-0.01")
    # Sourcing either material locally would make the bowls originate: without the blanks
    # 0.61 remains, without the glaze 4.40 (both under 5.00).
    assert [f["material"] for f in no["local_sourcing_flips"]] == [0, 1]


def test_origin_unknown_material_origin_gives_undetermined():
    # The same bowls with blanks of unknown origin: originating if the blanks are, not if they
    # are not, so the verdict is undetermined and names what is missing.
    r = fairport.assess_origin("691200", "10.00", "EUR", "TJ", as_of="2026-03-16",
                               materials=[{"description": "biscuit-fired bowls",
                                           "hs_code": "691200", "origin": "unknown",
                                           "value": "6.00"}],
                               operations=["ceramic_glazing", "kiln_firing"])
    assert r["status"] == "undetermined"
    assert r["missing"]


def test_fairtrade_washed_arabica_higher_of_market_or_minimum():
    # Fairtrade Minimum Price and Premium table, washed arabica from 1 August 2023: minimum
    # USD 1.80/lb FOB, premium 0.20, organic differential 0.40 (dataset record).
    low = fairport.fairtrade_price("coffee_arabica_washed", as_of="2026-03-16",
                                   market_price="1.50")
    assert low["binding"] == "minimum"
    assert low["fair_price_per_unit"]["amount"] == Decimal("2.00")
    high = fairport.fairtrade_price("coffee_arabica_washed", as_of="2026-03-16",
                                    market_price="3.50", organic=True)
    assert high["binding"] == "market"
    assert high["fair_price_per_unit"]["amount"] == Decimal("4.10")
    column = fairport.fairtrade_prices("coffee_arabica_washed", ["1.50", "3.50", "1.80"],
                                       as_of="2026-03-16")
    assert column == [Decimal("2.00"), Decimal("3.70"), Decimal("2.00")]


def test_artisan_fair_price_and_shortfall():
    # (55 + 960 / 60 x 2.10) x 1.10 x 1.15 = 112.079 -> 112.08 (rounded up to the cent).
    r = fairport.artisan_fair_price(materials_per_unit="55.00", labour_minutes_per_unit="960",
                                    hourly_wage="2.10", overhead_rate="0.10", margin_rate="0.15",
                                    currency="USD", as_of="2026-03-16", price_paid_per_unit="100")
    assert r["fair_price_per_unit"]["amount"] == Decimal("112.08")
    assert r["is_fair"] is False
    assert r["shortfall_per_unit"]["amount"] == Decimal("12.08")
    with pytest.raises(TypeError):
        fairport.artisan_fair_price(materials_per_unit=55.0, labour_minutes_per_unit="960",
                                    hourly_wage="2.10", overhead_rate="0.10",
                                    margin_rate="0.15", currency="USD", as_of="2026-03-16")
    with pytest.raises(TypeError):
        fairport.artisan_fair_price(materials_per_unit="55", labour_minutes_per_unit="960",
                                    hourly_wage="2.10", overhead_rate="0.10",
                                    margin_rate="0.15", currency="USD", as_of=None)


def test_price_chain_stages_and_producer_shares():
    # Producer USD 150.00, FCA export price USD 190.00, landed cost EUR 220.00, 1 USD = 0.9210
    # EUR, wholesale markup 40 %, retail markup 100 %, VAT 19 %: producer EUR 138.15, wholesale
    # 308.00, retail before VAT 616.00, VAT 117.04, retail 733.04; shares 138.15 / 733.04 =
    # 0.1885, / 220.00 = 0.6280, / (190 x 0.921 = 174.99) = 0.7895.
    rate = fairport.FxRate("USD", "EUR", "0.9210", "2026-03-01", "customs monthly rate")
    chain = fairport.price_chain(producer_price="150.00", producer_currency="USD",
                                 export_price="190.00", export_currency="USD",
                                 export_basis="FCA", landed_cost="220.00", landed_currency="EUR",
                                 wholesale_markup="0.40", retail_markup="1.00", vat_rate="0.19",
                                 exchange_rates=[rate], as_of="2026-03-16")
    assert dict(chain.stages)["producer price"] == Decimal("138.15")
    assert chain.stages[-1] == ("retail price", Decimal("733.04"))
    assert chain.producer_share_of_retail == Decimal("0.1885")
    assert chain.producer_share_of_landed_cost == Decimal("0.6280")
    assert chain.producer_share_of_export_price == Decimal("0.7895")
    assert "733.04" in chain._repr_html_()
    assert 0 < chain.producer_share_of_retail < 1


def test_price_chain_waterfall_adds_up_to_the_retail_price():
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    rate = fairport.FxRate("USD", "EUR", "0.9210", "2026-03-01", "customs monthly rate")
    chain = fairport.price_chain(producer_price="150.00", producer_currency="USD",
                                 export_price="190.00", export_currency="USD",
                                 landed_cost="220.00", landed_currency="EUR",
                                 wholesale_markup="0.40", retail_markup="1.00", vat_rate="0.19",
                                 exchange_rates=[rate], as_of="2026-03-16")
    steps = chain.steps()
    assert sum((v for _, v in steps), Decimal(0)) == Decimal("733.04")
    ax = chain.plot()
    assert len(ax.patches) == len(steps) + 1  # one bar per step and the total


def test_engine_results_are_dicts_that_show_as_html():
    # The bowls of the Chapter 69 boundary case with glaze at 0.61: not originating, and the
    # notebook view names the status, the rule and its legal reference, and each finding.
    r = fairport.assess_origin("691200", "10.00", "EUR", "TJ", as_of="2026-03-16",
                               materials=[{"description": "blanks", "hs_code": "691200",
                                           "origin": "CN", "value": "4.40"},
                                          {"description": "glaze", "hs_code": "3207",
                                           "origin": "CN", "value": "0.61"}],
                               operations=["ceramic_glazing", "kiln_firing"])
    assert isinstance(r, dict) and isinstance(r, fairport.Verdict)
    assert dict(r) == r and r["status"] == "not_originating"
    html = r._repr_html_()
    assert "not_originating" in html and "Annex 22-03" in html
    assert "EUR -0.010" in html  # the margin, exactly: 50 % of 10.00 less 5.01
    assert html.count("<tr>") >= len(r["findings"]) + 1
    p = fairport.decide_preference("KG", "5701109000", "DE", as_of="2026-03-16")
    assert isinstance(p, fairport.Verdict) and "8 % MAX 2,8 EUR/m2" in p._repr_html_()
    assert "<script" not in fairport.Verdict({"x": "<script>", "findings": []}, "t")._repr_html_()


def test_origin_cumulation_is_proof_only_when_it_says_so():
    # Delegated Regulation (EU) 2015/2446, Art. 53: materials originating in the EU count as
    # originating in the beneficiary country when their originating status is proven. Bowls
    # (value rule 50 % of 10.00) from German blanks worth 6.00: not originating without the
    # proof, originating with it; False is no proof, and a wording is refused, never guessed.
    def bowls(cumulation=None):
        m = {"description": "biscuit-fired bowls", "hs_code": "691200", "origin": "DE",
             "value": "6.00"}
        if cumulation is not None:
            m["cumulation"] = cumulation
        return fairport.assess_origin("691200", "10.00", "EUR", "TJ", as_of="2026-03-16",
                                      materials=[m], operations=["ceramic_glazing", "kiln_firing"])

    assert bowls()["status"] == "not_originating"
    assert bowls(False)["status"] == "not_originating"
    assert bowls(True)["status"] == "originating"
    assert bowls("eu")["status"] == "originating"
    for bad in ("no", "", "KG"):
        with pytest.raises(fairport.errors.InputError, match="fairport.input.106"):
            bowls(bad)
    with pytest.raises(TypeError):
        bowls(1)
