"""Places and people of conflicts the knowledge base does not know: the mechanisms that
type, bound and find them (kg/nametype.py, kg/mentions.py, kg/typecues.py), on texts
written here."""

from __future__ import annotations

from conftest import mention

from kg.mentions import clean_mention
from kg.nametype import junk_reason, local_decisions
from kg.types import Mention


def test_a_community_one_is_in_named_by_no_peoples_word_is_a_place():
    text = "In the Kovalivka community, a house burned. Gunmen hit the Yazidi community. Violence between the Meitei and Kuki communities went on."
    kovalivka, yazidi, kuki = (mention(text, s, "GPE") for s in ("Kovalivka", "Yazidi", "Kuki"))
    assert junk_reason(kovalivka, text) is None
    assert junk_reason(yazidi, text) == junk_reason(kuki, text) == "a people ('the X people')"
    fear = "In the Yazidi community, fear spread."
    assert junk_reason(mention(fear, "Yazidi", "GPE"), fear) is not None


def test_a_title_word_after_abd_or_abu_is_the_given_names():
    text = "Chief of Staff Abdel Emir Yarallah visited. Duty Foot Constable Nasrullah died."
    yarallah = clean_mention(mention(text, "Abdel Emir Yarallah", "PERSON"), text)
    assert yarallah is not None and yarallah.text == "Abdel Emir Yarallah"
    nasrullah = clean_mention(mention(text, "Duty Foot Constable Nasrullah", "PERSON"), text)
    assert nasrullah is not None and nasrullah.text == "Nasrullah"


def test_an_age_right_before_a_name_makes_it_a_person():
    text = "The victims included 46-year-old Tar Ah Swe and the 56 year old Yar Kham Li; Tar Ah Swe lived in Mongkoe."
    ms = [mention(text, "Tar Ah Swe", "ORG"), mention(text, "Yar Kham Li", "ORG"), mention(text, "Mongkoe", "GPE")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Person", "Person", "Place"]


def test_a_rank_and_the_name_after_it_outweigh_a_rules_one_word():
    from kg.kb.base import KBEntry, KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    kb = KnowledgeBase([KBEntry("fatah", "Organization", "Fatah", ["Fateh"], ["PoliticalParty"], country="PS")])
    text = "Havildar Fateh Singh Negi and two others died in the ambush on Sunday."
    start = text.index("Fateh")
    fateh = Mention(start, start + 5, "Fateh", "KB|FAC", "kb")
    got = {(lm.mention.text, lm.entity.type, lm.entity.kb_id) for lm in Linker(kb).link(Article(text=text, source="t.txt"), [fateh])}
    assert got == {("Fateh Singh Negi", "Person", None)}


def test_a_posts_name_gives_way_to_its_holder_the_span_ends_with():
    from kg.posts import post_holder

    def holder(span: str) -> str | None:
        text = span + " said on Monday."
        got = post_holder(Mention(0, len(span), span, "ORG", "ner"))
        assert got is None or text[got.start : got.end] == got.text
        return got.text if got else None

    assert holder("Superintendent of Police Ashutosh Shekhar") == "Ashutosh Shekhar"
    assert holder("KP Inspector General of Police Zulfiqar Hameed") == "Zulfiqar Hameed"
    assert holder("Iraqi Chief of General Staff Abdel Emir Yarallah") == "Abdel Emir Yarallah"
    assert holder("Ministry of Foreign Affairs") is None
    assert holder("Inspector General of Police") is None
    assert holder("Bank of Central African States") is None


def test_a_name_the_recogniser_skipped_inside_a_list_is_an_item_of_its_kind():
    from kg.listgaps import list_gap_names

    text = "The attack took place in Masalo, Torani, Kambelo, Kilomba and Kabora, officials said. Police, Army and Navy units came."
    ms = [mention(text, "Masalo", "GPE"), mention(text, "Torani", "GPE"), mention(text, "Kilomba", "PERSON"), mention(text, "Kabora", "ORG")]
    assert [(m.text, m.label) for m in list_gap_names(text, ms)] == [("Kambelo", "GPE")]
    assert list_gap_names(text, [mention(text, "Police", "ORG"), mention(text, "Navy", "ORG")]) == []  # generic words
    commas = "Kyiv, Kharkiv, Odesa, Lviv said nothing."  # commas alone make no list
    assert list_gap_names(commas, [mention(commas, "Kyiv", "GPE"), mention(commas, "Odesa", "GPE")]) == []


def test_a_lists_items_type_one_another_once_its_gap_is_filled():
    from kg.kb.base import KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    text = "The attack took place in Masalo, Torani, Kambelo, Kilomba and Kabora, officials said."
    ms = [mention(text, "Masalo", "GPE"), mention(text, "Torani", "GPE"), mention(text, "Kilomba", "PERSON"), mention(text, "Kabora", "ORG")]
    got = {(lm.mention.text, lm.entity.type) for lm in Linker(KnowledgeBase([])).link(Article(text=text, source="t.txt"), ms)}
    assert got == {(n, "Place") for n in ("Masalo", "Torani", "Kambelo", "Kilomba", "Kabora")}


def test_a_name_ending_with_its_quarter_in_spanish_or_portuguese_is_a_place():
    text = "Troops were ambushed in Maguindanao del Sur and flown to Rio Grande do Sul. Ramon del Monte spoke."
    ms = [mention(text, "Maguindanao del Sur", "ORG"), mention(text, "Rio Grande do Sul", "PERSON")]
    ds = local_decisions(ms, text)
    assert [ds[id(m)].type for m in ms] == ["Place", "Place"]
    ramon = mention(text, "Ramon del Monte", "PERSON")
    assert local_decisions([ramon], text)[id(ramon)].type == "Person"
    group = "The faction Comuneros del Sur signed."
    comuneros = mention(group, "Comuneros del Sur", "ORG")
    assert local_decisions([comuneros], group)[id(comuneros)].type == "Organization"


def test_the_first_part_of_an_address_is_a_place():
    from kg.kb.base import KBEntry, KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    kb = KnowledgeBase([KBEntry("iso/ph-mgn", "Place", "Maguindanao del Norte", [], ["District"], country="PH", origin="iso3166")])
    text = "The soldiers were buried at a camp in Datu Odin Sinsuat, Maguindanao del Norte. Later Sinsuat Kalo, Maguindanao del Norte's governor, spoke."
    ms = [mention(text, "Datu Odin Sinsuat", "ORG"), mention(text, "Maguindanao del Norte", "GPE"), mention(text, "Sinsuat Kalo", "PERSON"), mention(text, "Maguindanao del Norte", "GPE", 1)]
    got = {(lm.mention.text, lm.entity.type) for lm in Linker(kb).link(Article(text=text, source="t.txt"), ms)}
    assert ("Datu Odin Sinsuat", "Place") in got and ("Sinsuat Kalo", "Person") in got


def test_a_local_units_word_opening_a_span_is_a_cue_not_part_of_the_name():
    text = "They bought food in Barangay Tuayan 1 before the ambush."
    cut = clean_mention(mention(text, "Barangay Tuayan 1", "ORG"), text)
    assert cut is not None and cut.text == "Tuayan 1"
    assert local_decisions([cut], text)[id(cut)].type == "Place"


def test_a_place_and_a_colon_opening_the_body_is_a_dateline():
    from kg.spanedges import dateline_places

    text = "Militants ambush a convoy\n\nBy Staff Reporter\n\nPhoto: Army handout\n\nKohima: Two soldiers were killed and four others were hurt on Sunday.\n\nKiphire: Later more came to help the wounded."
    assert [(m.text, m.label) for m in dateline_places(text, [])] == [("Kohima", "GPE")]
    assert dateline_places("Note: The figures were revised later by the ministry.", []) == []
    signed = "Two soldiers died in Arauca.\n\nBogota / EFE\n\nA boy ran. Photo: Juan Perez / AFP\nJuan Perez / AFP"
    assert [m.text for m in dateline_places(signed, [])] == ["Bogota"]


def test_a_persons_label_before_a_groups_fighters_is_junk():
    text = "The ambush by suspected Naga insurgents killed two. Kamal Naga told reporters the rebels fled."
    assert junk_reason(mention(text, "Naga", "PERSON"), text) is not None
    assert junk_reason(mention(text, "Kamal Naga", "PERSON"), text) is None


def test_a_holy_months_transliterations_are_holidays():
    text = "They struck in the holy month of Ramazan, days before Eid-ul-Azha."
    assert junk_reason(mention(text, "Ramazan", "PERSON"), text) == junk_reason(mention(text, "Eid-ul-Azha", "PERSON"), text) == "a holiday"


def test_a_name_in_apposition_with_a_persons_noun_is_a_person_the_model_missed():
    from kg.mentions import titled_names

    text = "A girl died, according to Lway, an official from the women's group. Mongkoe, the capital, was calm. The Army, a spokesman said, left."
    assert [(m.text, m.label) for m in titled_names(text, [])] == [("Lway", "PERSON")]
    taken = [mention(text, "Lway", "ORG")]
    assert titled_names(text, taken) == []


def test_a_credit_lines_words_are_no_name():
    text = "Credit : Voice of America | Photo Credit : (VOA)"
    assert junk_reason(mention(text, "Photo Credit", "PERSON"), text) == "a credit line's words ('Photo Credit')"
    assert junk_reason(mention(text, "Voice of America", "ORG"), text) is None


def test_a_persons_name_misspelt_once_in_the_article_is_that_person():
    from kg.kb.base import KBEntry, KnowledgeBase
    from kg.link import Linker
    from kg.types import Article

    kb = KnowledgeBase([KBEntry("oleh-hryhorov", "Person", "Oleh Hryhorov", [], ["Politician"], country="UA")])
    text = "The head of the region, Oleh Hryhotov, reported the attack. Hryhorov said two died. Oleh Petrenko, a farmer, fled."
    ms = [mention(text, "Oleh Hryhotov", "PERSON"), mention(text, "Hryhorov", "PERSON"), mention(text, "Oleh Petrenko", "PERSON")]
    got = {(lm.mention.text, lm.entity.kb_id) for lm in Linker(kb).link(Article(text=text, source="t.txt"), ms)}
    assert got == {("Oleh Hryhotov", "oleh-hryhorov"), ("Hryhorov", "oleh-hryhorov"), ("Oleh Petrenko", None)}


def test_a_police_station_or_a_fuel_station_is_the_facility_its_name_opens():
    from kg.mentions import extend_to_facility

    text = "Gunmen struck Toklo police station near the Asghar fuel station, under the Kutru police station area."
    got = [extend_to_facility(mention(text, n, "GPE"), text).text for n in ("Toklo", "Asghar", "Kutru")]
    assert got == ["Toklo police station", "Asghar fuel station", "Kutru"]


def test_the_place_before_based_is_a_place_the_model_missed():
    from kg.spanedges import based_places

    text = "Fighters of the Patikul-based Abu Sayyaf and a Ukrainian-based outlet, an Army-based unit, attacked."
    assert [(m.text, m.label) for m in based_places(text, [])] == [("Patikul", "GPE")]
    assert based_places(text, [mention(text, "Patikul-based Abu Sayyaf", "ORG")]) == []


def test_a_town_the_article_calls_a_city_keeps_its_sense_beside_its_province():
    from kg.kbspans import named_towns, region_senses

    names = [("Marib", frozenset({"City"}), 16_000), ("Marib", frozenset({"Region"}), 0), ("Marib", frozenset({"City"}), 16_000)]
    assert region_senses(names) == {0: 1, 2: 1}  # the province's sense throughout
    towns = named_towns("Rebels in the flash point city of Marib attacked the central province of Marib.")
    assert towns == frozenset({"marib"}) and region_senses(names, towns) == {}


def test_two_places_of_several_words_joined_by_a_hyphen_are_two_places():
    from kg.kbspans import split_place_pairs

    text = "Militants ambushed a convoy on the Assam-Arunachal Pradesh border."
    places = {"Assam", "Arunachal Pradesh"}
    got = split_place_pairs([mention(text, "Assam-Arunachal Pradesh", "GPE")], lambda name: name in places)
    assert [(m.text, text[m.start : m.end]) for m in got] == [("Assam", "Assam"), ("Arunachal Pradesh", "Arunachal Pradesh")]


def test_an_unknown_name_after_led_by_is_a_leader():
    text = "The militants belonged to the faction led by Khaplang, police said. A coalition led by Tarvia left."
    khaplang = mention(text, "Khaplang", "GPE")
    tarvia = Mention(text.index("Tarvia"), text.index("Tarvia") + 6, "Tarvia", "KB|GPE", "kb")
    ds = local_decisions([khaplang, tarvia], text)
    assert ds[id(khaplang)].type == "Person" and ds[id(tarvia)].type == "Place"
