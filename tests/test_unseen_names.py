"""Places and people of conflicts the knowledge base does not know: the mechanisms that
type, bound and find them (kg/nametype.py, kg/mentions.py, kg/typecues.py), on texts
written here."""

from __future__ import annotations

from conftest import mention

from kg.mentions import clean_mention
from kg.nametype import junk_reason, local_decisions
from kg.types import Mention


def test_a_community_one_is_in_named_by_no_peoples_word_is_a_place():
    text = "In the Kovalivka community, a house burned. Gunmen hit the Yazidi community. Clashes between the Naga and Kuki communities continued."
    kovalivka, yazidi, kuki = (mention(text, s, "GPE") for s in ("Kovalivka", "Yazidi", "Kuki"))
    assert junk_reason(kovalivka, text) is None
    assert junk_reason(yazidi, text) == junk_reason(kuki, text) == "a people ('the X people')"
    fear = "In the Yazidi community, fear spread."
    assert junk_reason(mention(fear, "Yazidi", "GPE"), fear) is not None


def test_a_title_word_after_abd_or_abu_is_the_given_names():
    text = "Chief of Staff Abdul Amir Rashidi arrived. Duty Foot Constable Rahmatullah was hurt."
    rashidi = clean_mention(mention(text, "Abdul Amir Rashidi", "PERSON"), text)
    assert rashidi is not None and rashidi.text == "Abdul Amir Rashidi"
    rahmatullah = clean_mention(mention(text, "Duty Foot Constable Rahmatullah", "PERSON"), text)
    assert rahmatullah is not None and rahmatullah.text == "Rahmatullah"


def test_an_age_right_before_a_name_makes_it_a_person():
    text = "Those killed were 38-year-old Nang Seng Hom and the 61 year old Sai Lin Aung; Nang Seng Hom lived in Wan Hpai."
    ms = [mention(text, "Nang Seng Hom", "ORG"), mention(text, "Sai Lin Aung", "ORG"), mention(text, "Wan Hpai", "GPE")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Person", "Person", "Place"]


def test_a_rank_and_the_name_after_it_outweigh_a_rules_one_word():
    from kg.kb.base import KBEntry, KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    kb = KnowledgeBase([KBEntry("fatah", "Organization", "Fatah", ["Fateh"], ["PoliticalParty"], country="PS")])
    text = "Havildar Fateh Singh Rawat and two others were killed in the blast on Friday."
    start = text.index("Fateh")
    fateh = Mention(start, start + 5, "Fateh", "KB|FAC", "kb")
    got = {(lm.mention.text, lm.entity.type, lm.entity.kb_id) for lm in Linker(kb).link(Article(text=text, source="t.txt"), [fateh])}
    assert got == {("Fateh Singh Rawat", "Person", None)}


def test_a_posts_name_gives_way_to_its_holder_the_span_ends_with():
    from kg.posts import post_holder

    def holder(span: str) -> str | None:
        text = span + " said on Monday."
        got = post_holder(Mention(0, len(span), span, "ORG", "ner"))
        assert got is None or text[got.start : got.end] == got.text
        return got.text if got else None

    assert holder("Superintendent of Police Rakesh Bhandari") == "Rakesh Bhandari"
    assert holder("KP Inspector General of Police Tariq Mehsud") == "Tariq Mehsud"
    assert holder("Iraqi Chief of General Staff Abdul Amir Rashidi") == "Abdul Amir Rashidi"
    assert holder("Ministry of Foreign Affairs") is None
    assert holder("Inspector General of Police") is None
    assert holder("Bank of Central African States") is None


def test_a_name_the_recogniser_skipped_inside_a_list_is_an_item_of_its_kind():
    from kg.listgaps import list_gap_names

    text = "The raids hit Kalinda, Vusaka, Lomeya, Bukumbo and Matete, officials said. Police, Army and Navy units came."
    ms = [mention(text, "Kalinda", "GPE"), mention(text, "Vusaka", "GPE"), mention(text, "Bukumbo", "PERSON"), mention(text, "Matete", "ORG")]
    assert [(m.text, m.label) for m in list_gap_names(text, ms)] == [("Lomeya", "GPE")]
    assert list_gap_names(text, [mention(text, "Police", "ORG"), mention(text, "Navy", "ORG")]) == []  # generic words
    commas = "Kyiv, Kharkiv, Odesa, Lviv said nothing."  # commas alone make no list
    assert list_gap_names(commas, [mention(commas, "Kyiv", "GPE"), mention(commas, "Odesa", "GPE")]) == []


def test_a_lists_items_type_one_another_once_its_gap_is_filled():
    from kg.kb.base import KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    text = "The raids hit Kalinda, Vusaka, Lomeya, Bukumbo and Matete, officials said."
    ms = [mention(text, "Kalinda", "GPE"), mention(text, "Vusaka", "GPE"), mention(text, "Bukumbo", "PERSON"), mention(text, "Matete", "ORG")]
    got = {(lm.mention.text, lm.entity.type) for lm in Linker(KnowledgeBase([])).link(Article(text=text, source="t.txt"), ms)}
    assert got == {(n, "Place") for n in ("Kalinda", "Vusaka", "Lomeya", "Bukumbo", "Matete")}


def test_a_name_ending_with_its_quarter_in_spanish_or_portuguese_is_a_place():
    text = "Marines were attacked in Bukidnon del Sur and flown to Rio Grande do Sul. Ramon del Monte spoke."
    ms = [mention(text, "Bukidnon del Sur", "ORG"), mention(text, "Rio Grande do Sul", "PERSON")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place", "Place"]
    ramon = mention(text, "Ramon del Monte", "PERSON")
    assert local_decisions([ramon], text)[id(ramon)].type == "Person"
    group = "The faction Guerreros del Sur signed."
    comuneros = mention(group, "Guerreros del Sur", "ORG")
    assert local_decisions([comuneros], group)[id(comuneros)].type == "Organization"


def test_the_first_part_of_an_address_is_a_place():
    from kg.kb.base import KBEntry, KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    kb = KnowledgeBase([KBEntry("iso/ph-ldn", "Place", "Lanao del Norte", [], ["District"], country="PH", origin="iso3166")])
    text = "The marines were treated at a clinic in Datu Rahman Alonto, Lanao del Norte. Later Alonto Kalimpo, Lanao del Norte's governor, spoke."
    ms = [mention(text, "Datu Rahman Alonto", "ORG"), mention(text, "Lanao del Norte", "GPE"), mention(text, "Alonto Kalimpo", "PERSON"), mention(text, "Lanao del Norte", "GPE", 1)]
    got = {(lm.mention.text, lm.entity.type) for lm in Linker(kb).link(Article(text=text, source="t.txt"), ms)}
    assert ("Datu Rahman Alonto", "Place") in got and ("Alonto Kalimpo", "Person") in got


def test_a_local_units_word_opening_a_span_is_a_cue_not_part_of_the_name():
    text = "They stopped for water in Barangay Lumbayao 2 before the raid."
    cut = clean_mention(mention(text, "Barangay Lumbayao 2", "ORG"), text)
    assert cut is not None and cut.text == "Lumbayao 2"
    assert local_decisions([cut], text)[id(cut)].type == "Place"


def test_a_place_and_a_colon_opening_the_body_is_a_dateline():
    from kg.spanedges import dateline_places

    text = "Rebels fire on a patrol\n\nBy Staff Reporter\n\nPhoto: Army handout\n\nImphal: Three troopers died and five others were hurt on Friday.\n\nUkhrul: Later more came to help the wounded."
    assert [(m.text, m.label) for m in dateline_places(text, [])] == [("Imphal", "GPE")]
    assert dateline_places("Note: The figures were revised later by the ministry.", []) == []
    signed = "Two soldiers died in Arauca.\n\nBogota / EFE\n\nA boy ran. Photo: Juan Perez / AFP\nJuan Perez / AFP"
    assert [m.text for m in dateline_places(signed, [])] == ["Bogota"]


def test_a_persons_label_before_a_groups_fighters_is_junk():
    text = "The ambush by suspected Naga insurgents killed two. Kamal Naga told reporters the rebels fled."
    assert junk_reason(mention(text, "Naga", "PERSON"), text) is not None
    assert junk_reason(mention(text, "Kamal Naga", "PERSON"), text) is None


def test_a_holy_months_transliterations_are_holidays():
    text = "The raid came during the holy month of Ramazan, a week before Eid-ul-Azha."
    assert junk_reason(mention(text, "Ramazan", "PERSON"), text) == junk_reason(mention(text, "Eid-ul-Azha", "PERSON"), text) == "a holiday"


def test_a_name_in_apposition_with_a_persons_noun_is_a_person_the_model_missed():
    from kg.mentions import titled_names

    text = "A boy was hurt, according to Sengmai, an official from the youth network. Wan Hpai, the capital, was calm. The Army, a spokesman said, left."
    assert [(m.text, m.label) for m in titled_names(text, [])] == [("Sengmai", "PERSON")]
    taken = [mention(text, "Sengmai", "ORG")]
    assert titled_names(text, taken) == []
    # A day before the apposition is the attack's, not a person: "... on Friday, an official said".
    assert titled_names("Gunmen raided the camp on Friday, an official in the state said.", []) == []


def test_a_credit_lines_words_are_no_name():
    text = "Credit : Voice of America | Photo Credit : (VOA)"
    assert junk_reason(mention(text, "Photo Credit", "PERSON"), text) == "a credit line's words ('Photo Credit')"
    assert junk_reason(mention(text, "Voice of America", "ORG"), text) is None


def test_a_persons_name_misspelt_once_in_the_article_is_that_person():
    from kg.kb.base import KBEntry, KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    kb = KnowledgeBase([KBEntry("ivan-fedorenko", "Person", "Ivan Fedorenko", [], ["Politician"], country="UA")])
    text = "The governor, Ivan Fedorenco, reported the strike. Fedorenko said three were hurt. Ivan Petrenko, a driver, fled."
    ms = [mention(text, "Ivan Fedorenco", "PERSON"), mention(text, "Fedorenko", "PERSON"), mention(text, "Ivan Petrenko", "PERSON")]
    got = {(lm.mention.text, lm.entity.kb_id) for lm in Linker(kb).link(Article(text=text, source="t.txt"), ms)}
    assert got == {("Ivan Fedorenco", "ivan-fedorenko"), ("Fedorenko", "ivan-fedorenko"), ("Ivan Petrenko", None)}


def test_a_police_station_or_a_fuel_station_is_the_facility_its_name_opens():
    from kg.mentions import extend_to_facility

    text = "Rebels attacked Kondrapal police station near the Nasir fuel station, under the Tolnar police station area."
    got = [extend_to_facility(mention(text, n, "GPE"), text).text for n in ("Kondrapal", "Nasir", "Tolnar")]
    assert got == ["Kondrapal police station", "Nasir fuel station", "Tolnar"]


def test_the_place_before_based_is_a_place_the_model_missed():
    from kg.spanedges import based_places

    text = "Gunmen of the Indanan-based Abu Sayyaf and a Ukrainian-based outlet, an Army-based unit, fired."
    assert [(m.text, m.label) for m in based_places(text, [])] == [("Indanan", "GPE")]
    assert based_places(text, [mention(text, "Indanan-based Abu Sayyaf", "ORG")]) == []


def test_a_town_the_article_calls_a_city_keeps_its_sense_beside_its_province():
    from kg.kbspans import named_towns, region_senses

    names = [("Marib", frozenset({"City"}), 16_000), ("Marib", frozenset({"Region"}), 0), ("Marib", frozenset({"City"}), 16_000)]
    assert region_senses(names) == {0: 1, 2: 1}  # the province's sense throughout
    towns = named_towns("Fighters in the frontline city of Marib shelled the central province of Marib.")
    assert towns == frozenset({"marib"}) and region_senses(names, towns) == {}


def test_two_places_of_several_words_joined_by_a_hyphen_are_two_places():
    from kg.kbspans import split_place_pairs

    text = "Smugglers fired on a patrol on the Tamil Nadu-Andhra Pradesh border."
    places = {"Tamil Nadu", "Andhra Pradesh"}
    got = split_place_pairs([mention(text, "Tamil Nadu-Andhra Pradesh", "GPE")], lambda name: name in places)
    assert [(m.text, text[m.start : m.end]) for m in got] == [("Tamil Nadu", "Tamil Nadu"), ("Andhra Pradesh", "Andhra Pradesh")]


def test_an_unknown_name_after_led_by_is_a_leader():
    text = "The rebels belonged to the faction led by Tongmei, officials said. A coalition led by Tarvia left."
    khaplang = mention(text, "Tongmei", "GPE")
    tarvia = Mention(text.index("Tarvia"), text.index("Tarvia") + 6, "Tarvia", "KB|GPE", "kb")
    ds = local_decisions([khaplang, tarvia], text)
    assert ds[id(khaplang)].type == "Person" and ds[id(tarvia)].type == "Place"
