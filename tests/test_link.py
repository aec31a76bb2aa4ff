"""The linker on hand-made mentions and a small knowledge base (no spaCy model)."""

from __future__ import annotations

import pytest
from conftest import mention
from hypothesis import given
from hypothesis import strategies as st

from kg.identity import entity_iri
from kg.kb.base import KBEntry, KnowledgeBase
from kg.link import Linker
from kg.mentions import clean_mention
from kg.types import Article, Mention


def kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("gn/2017370", "Place", "Russia", [], ["Country"], country="RU", origin="geonames", population=140_000_000),
            KBEntry("gn/690791", "Place", "Ukraine", [], ["Country"], country="UA", origin="geonames", population=40_000_000),
            KBEntry("gn/614540", "Place", "Georgia", [], ["Country"], country="GE", origin="geonames", population=3_700_000),
            KBEntry("gn/524901", "Place", "Moscow", ["Moskva"], ["City"], country="RU", origin="geonames", population=10_381_222),
            KBEntry("gn/5601538", "Place", "Moscow", [], ["City"], country="US", origin="geonames", population=25_060),
            KBEntry("gn/703448", "Place", "Kyiv", ["Kiev"], ["City"], country="UA", origin="geonames", population=2_952_301),
            KBEntry("gn/4671654", "Place", "Austin", [], ["City"], country="US", origin="geonames", population=974_447),
            KBEntry("vladimir-putin", "Person", "Vladimir Putin", [], ["Politician"], country="RU", wikidata="Q7747"),
            KBEntry("volodymyr-zelenskyy", "Person", "Volodymyr Zelenskyy", ["Volodymyr Zelensky"], ["Politician"], country="UA"),
            KBEntry("presidential-administration-of-russia", "Organization", "Presidential Administration of Russia", ["Kremlin"], ["GovernmentBody"], country="RU"),
            KBEntry("un-security-council", "Organization", "United Nations Security Council", ["UN Security Council"], ["InternationalOrganization"]),
        ]
    )


def article(text: str, title: str | None = None) -> Article:
    return Article(text=text, source="test.txt", title=title)



def link(text: str, spans, title=None):
    ms = [mention(text, s, label, nth) for s, label, nth in spans]
    return Linker(kb()).link(article(text, title), ms)


def test_surname_and_titled_forms_join_the_full_name():
    text = "Russian President Vladimir Putin spoke. President Putin said Putin's army would win."
    linked = link(text, [("President Vladimir Putin", "PERSON", 0), ("President Putin", "PERSON", 0), ("Putin's", "PERSON", 0)])
    assert {lm.entity.iri for lm in linked} == {entity_iri("vladimir-putin", "Person", "")}
    assert [lm.mention.text for lm in linked] == ["Vladimir Putin", "Putin", "Putin"]
    for lm in linked:  # offsets still cut the anchored text exactly
        assert text[lm.mention.start : lm.mention.end] == lm.mention.text
    assert linked[0].entity.same_as == ["http://www.wikidata.org/entity/Q7747"]


def test_surname_of_an_unknown_person_joins_within_the_article():
    text = "Mayor Petro Hnatiuk said the city held. Hnatiuk added more."
    linked = link(text, [("Petro Hnatiuk", "PERSON", 0), ("Hnatiuk", "PERSON", 0)])
    assert len({lm.entity.iri for lm in linked}) == 1
    ent = linked[0].entity
    assert ent.kb_id is None and ent.type == "Person" and ent.label == "Petro Hnatiuk"
    assert ent.iri == entity_iri(None, "Person", "Petro Hnatiuk")


def test_surname_beats_a_city_of_the_same_name():
    text = "Deputy Minister Carla Austin arrived. Austin said the convoy would leave."
    linked = link(text, [("Carla Austin", "PERSON", 0), ("Austin", "GPE", 0)])
    assert {lm.entity.type for lm in linked} == {"Person"}


def test_context_chooses_moscow_russia_and_rejects_idaho():
    text = "Moscow and Kyiv traded blame as Russia struck Ukraine."
    linked = link(text, [("Moscow", "GPE", 0), ("Kyiv", "GPE", 0), ("Russia", "GPE", 0), ("Ukraine", "GPE", 0)])
    assert linked[0].entity.kb_id == "gn/524901"


def test_knowledge_base_type_wins_over_a_mislabelled_big_city():
    text = "Kyiv accused Moscow of shelling Ukraine."
    linked = link(text, [("Kyiv", "PERSON", 0), ("Moscow", "ORG", 0), ("Ukraine", "GPE", 0)])
    assert [lm.entity.type for lm in linked] == ["Place", "Place", "Place"]


def test_the_kremlin_and_kremlin_are_one_node():
    text = "The Kremlin said nothing. Later the Kremlin denied it, and Kremlin aides left."
    linked = link(text, [("The Kremlin", "ORG", 0), ("the Kremlin", "ORG", 0), ("Kremlin", "ORG", 2)])
    assert {lm.entity.kb_id for lm in linked} == {"presidential-administration-of-russia"}


def test_part_of_a_longer_name_joins_it():
    text = "The UN Security Council met. The Security Council adjourned."
    linked = link(text, [("UN Security Council", "ORG", 0), ("Security Council", "ORG", 1)])
    assert {lm.entity.kb_id for lm in linked} == {"un-security-council"}


def test_a_short_form_told_before_the_full_name_still_joins_it():
    text = "Fighters loyal to Okello Abur Mabior raided the camp. Later, Okello Abur Mabior denied it."
    short = "Fighters loyal to Abur Mabior raided the camp. Later, Okello Abur Mabior denied it."
    linked = link(short, [("Abur Mabior", "PERSON", 0), ("Okello Abur Mabior", "PERSON", 0)])
    assert len({lm.entity.iri for lm in linked}) == 1
    assert linked[0].entity.label == "Okello Abur Mabior"
    # Two different people stay two.
    linked = link(text.replace("Later, Okello", "Later, Deng"), [("Okello Abur Mabior", "PERSON", 0), ("Deng Abur Mabior", "PERSON", 0)])
    assert len({lm.entity.iri for lm in linked}) == 2


def test_unknown_names_get_stable_nil_iris_of_their_type():
    text = "Mira Oskanova reported from Kryvoluchka village."
    a = link(text, [("Mira Oskanova", "PERSON", 0), ("Kryvoluchka", "GPE", 0)])
    b = link("Later, Mira Oskanova wrote again.", [("Mira Oskanova", "PERSON", 0)])
    assert a[0].entity.iri == b[0].entity.iri == "https://w3id.org/newskg/entity/person/mira-oskanova"
    assert a[1].entity.type == "Place" and a[1].entity.kb_id is None


def test_spurious_model_entities_are_filtered():
    text = 'Ukrainian troops said "we will hold" on 12 March. The Army moved.'
    linked = link(text, [("Ukrainian", "NORP", 0), ('"we will hold"', "ORG", 0), ("12 March", "DATE", 0), ("Army", "ORG", 0)])
    assert linked == []


def test_one_word_unknown_name_only_in_the_headline_is_dropped():
    title = "Russia Strikes Ukraine in Retaliation"
    text = title + "\n\nRussia struck Ukraine on Sunday."
    linked = link(text, [("Retaliation", "GPE", 0), ("Russia", "GPE", 1)], title=title)
    assert [lm.entity.label for lm in linked] == ["Russia"]


def test_low_confidence_candidates_are_left_unlinked():
    # A small US town is not what a person-labelled "Moscow" in a text about nothing means.
    text = "Moscow Jones sang."
    linked = Linker(KnowledgeBase([KBEntry("gn/5601538", "Place", "Moscow", [], ["City"], country="US", origin="geonames", population=25_060)])).link(
        article(text), [mention(text, "Moscow", "PERSON")]
    )
    assert linked[0].entity.kb_id is None and linked[0].entity.type == "Person"


def test_possessive_place_prefix_is_split_off():
    text = "Ukraine's Emergency Service said fires were out."
    linked = link(text, [("Ukraine's Emergency Service", "ORG", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Ukraine", "Place"), ("Emergency Service", "Organization")]


def test_confidence_is_between_zero_and_one():
    text = "Georgia and Russia met in Moscow; Vladimir Putin attended."
    linked = link(text, [("Georgia", "GPE", 0), ("Russia", "GPE", 0), ("Moscow", "GPE", 0), ("Vladimir Putin", "PERSON", 0)])
    assert all(0 <= lm.confidence <= 1 for lm in linked)
    assert linked[0].entity.kb_id == "gn/614540"


@given(st.text(max_size=60), st.integers(0, 59), st.integers(1, 60), st.sampled_from(["PERSON", "ORG", "GPE", "KB", "NORP"]))
def test_clean_mention_keeps_offsets_exact(text, start, length, label):
    end = min(len(text), start + length)
    if start >= end:
        return
    m = Mention(start, end, text[start:end], label, "ner")
    c = clean_mention(m, text)
    if c is not None:
        assert text[c.start : c.end] == c.text and m.start <= c.start < c.end <= m.end


def test_words_around_an_unknown_name_can_make_it_a_place():
    text = "A farmer from Kryvoluchka, a settlement in the south, and families at Nyaung Chaung village said Acme Corp helped."
    linked = link(text, [("Kryvoluchka", "ORG", 0), ("Nyaung Chaung", "ORG", 0), ("Acme Corp", "ORG", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Kryvoluchka", "Place"), ("Nyaung Chaung", "Place"), ("Acme Corp", "Organization")]


def test_a_peoples_generic_body_is_not_a_name():
    text = "The Burmese army and Ukraine's military said Acme Army Group fired."
    linked = link(text, [("Burmese army", "ORG", 0), ("Ukraine's military", "ORG", 0), ("Acme Army Group", "ORG", 0)])
    assert [lm.mention.text for lm in linked] == ["Ukraine", "Acme Army Group"]  # the country, not its army


def test_an_acronym_in_brackets_is_the_name_before_it():
    text = "The Kachin Independence Army (KIA) attacked. Later the KIA withdrew."
    linked = link(text, [("Kachin Independence Army", "ORG", 0), ("KIA", "ORG", 0), ("KIA", "ORG", 1)])
    assert len({lm.entity.iri for lm in linked}) == 1


def test_a_person_after_in_is_a_place_and_name_particles_stay():
    text = "Strikes in Khan Yunis killed Wissam al-Tawil, medics said."
    kbx = KnowledgeBase([KBEntry("gn/281133", "Place", "Khan Yunis", [], ["City"], country="PS", origin="geonames", population=173_183)])
    linked = Linker(kbx).link(article(text), [mention(text, "Khan Yunis", "PERSON"), mention(text, "Wissam al-Tawil", "PERSON")])
    assert [(lm.mention.text, lm.entity.type, lm.entity.kb_id) for lm in linked] == [("Khan Yunis", "Place", "gn/281133"), ("Wissam al-Tawil", "Person", None)]


def test_initials_and_surname_join_the_full_name():
    text = "Mykola Hrytsenko spoke. Later M. Hrytsenko and Oksana Hrytsenko left."
    linked = link(text, [("Mykola Hrytsenko", "PERSON", 0), ("M. Hrytsenko", "PERSON", 0), ("Oksana Hrytsenko", "PERSON", 0)])
    assert linked[0].entity.iri == linked[1].entity.iri != linked[2].entity.iri


def test_a_lower_case_head_noun_completes_a_known_name():
    kbx = KnowledgeBase([KBEntry("radwan-force", "Organization", "Radwan Force", [], ["MilitaryUnit"], country="LB")])
    text = "A commander of Hezbollah's elite Radwan force was killed."
    (lm,) = Linker(kbx).link(article(text), [mention(text, "Radwan", "PERSON")])
    assert lm.entity.kb_id == "radwan-force" and lm.mention.text == "Radwan force"
    assert text[lm.mention.start : lm.mention.end] == "Radwan force"


@given(st.text(max_size=60), st.sampled_from(["Person", "Place", "Organization", "Weapon"]))
def test_nil_iris_are_valid_and_depend_only_on_type_and_folded_name(name, type_):
    import pyoxigraph as ox

    iri = entity_iri(None, type_, name)
    ox.NamedNode(iri)  # raises on an invalid IRI
    assert iri == entity_iri(None, type_, name.upper() if name.isascii() else name)
    assert iri.startswith(f"https://w3id.org/newskg/entity/{type_.lower()}/")


def test_a_list_after_a_place_cue_is_a_list_of_places():
    text = "Jets shelled the villages of Al Faragil, Al Mandal and Salara in the west of the Dilling locality."
    linked = link(text, [("Al Faragil", "PERSON", 0), ("Al Mandal", "PERSON", 0), ("Salara", "PERSON", 0), ("Dilling", "ORG", 0)])
    assert [lm.entity.type for lm in linked] == ["Place"] * 4


def test_a_ship_is_not_an_entity():
    text = "Drones hit the patrol ship Sergey Kotov; the USS Carney and MV Nasia were near."
    linked = link(text, [("Sergey Kotov", "PERSON", 0), ("USS Carney", "ORG", 0), ("MV Nasia", "ORG", 0)])
    assert linked == []


def test_spelling_variants_of_an_unknown_name_are_one_node():
    text = "Strikes hit Kherbet Selm. Residents of Khirbet Selm fled."
    linked = link(text, [("Kherbet Selm", "GPE", 0), ("Khirbet Selm", "GPE", 0)])
    assert linked[0].entity.iri == linked[1].entity.iri
    assert linked[0].entity.surfaces == ["Kherbet Selm", "Khirbet Selm"]


def test_a_name_runs_on_over_its_capitalised_head_word():
    text = "Wounded were taken to Khalil Suleiman Hospital, the Pakistan Point News agency said."
    linked = link(text, [("Khalil Suleiman", "PERSON", 0), ("Pakistan", "GPE", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Khalil Suleiman Hospital", "Place"), ("Pakistan Point News", "Organization")]


def test_a_person_named_before_ship_is_a_ship():
    text = "Drones struck the Sergey Kotov patrol ship near Crimea."
    assert link(text, [("Sergey Kotov", "PERSON", 0)]) == []


def test_a_list_of_names_before_regions_is_a_list_of_regions():
    kbx = KnowledgeBase(
        [
            KBEntry("gn/706483", "Place", "Kharkiv", [], ["City"], country="UA", origin="geonames", population=1_421_125),
            KBEntry("gn/698740", "Place", "Odesa", [], ["City"], country="UA", origin="geonames", population=1_015_826),
            KBEntry("kharkiv-oblast", "Place", "Kharkiv Oblast", ["Kharkiv region"], ["Region"], country="UA"),
            KBEntry("odesa-oblast", "Place", "Odesa Oblast", ["Odesa region"], ["Region"], country="UA"),
        ]
    )
    text = "Drones were downed over the Odesa and Kharkiv regions. Later Kharkiv city was calm."
    ms = [mention(text, "Odesa", "GPE"), mention(text, "Kharkiv", "GPE"), mention(text, "Kharkiv", "GPE", 1)]
    linked = Linker(kbx).link(article(text), ms)
    assert [lm.entity.kb_id for lm in linked] == ["odesa-oblast", "kharkiv-oblast", "gn/706483"]


def test_the_region_of_a_name_is_the_region():
    kbx = KnowledgeBase(
        [
            KBEntry("gn/706483", "Place", "Kharkiv", [], ["City"], country="UA", origin="geonames", population=1_421_125),
            KBEntry("kharkiv-oblast", "Place", "Kharkiv Oblast", ["Kharkiv region"], ["Region"], country="UA"),
        ]
    )
    text = "A strike on the northeastern region of Kharkiv killed two. In Kharkiv the mayor spoke."
    ms = [mention(text, "Kharkiv", "GPE"), mention(text, "Kharkiv", "GPE", 1)]
    linked = Linker(kbx).link(article(text), ms)
    assert [lm.entity.kb_id for lm in linked] == ["kharkiv-oblast", "gn/706483"]


def test_a_small_towns_name_is_the_area_the_article_names_by_it():
    kbx = KnowledgeBase(
        [
            KBEntry("gn/72968", "Place", "Marib", [], ["City"], country="YE", origin="geonames", population=16_794),
            KBEntry("marib-governorate", "Place", "Marib Governorate", ["Marib province"], ["Region"], country="YE"),
            KBEntry("gn/706483", "Place", "Kharkiv", [], ["City"], country="UA", origin="geonames", population=1_421_125),
            KBEntry("kharkiv-oblast", "Place", "Kharkiv Oblast", ["Kharkiv province"], ["Region"], country="UA"),
        ]
    )
    text = "Missiles hit the province of Marib. Homes in Marib burned. The province of Kharkiv was shelled. In Kharkiv the mayor spoke."
    ms = [mention(text, "Marib", "GPE"), mention(text, "Marib", "GPE", 1), mention(text, "Kharkiv", "GPE"), mention(text, "Kharkiv", "GPE", 1)]
    linked = Linker(kbx).link(article(text), ms)
    # The small town gives way to the area; the big city keeps its own sense.
    assert [lm.entity.kb_id for lm in linked] == ["marib-governorate", "marib-governorate", "kharkiv-oblast", "gn/706483"]
    # So does a small town beside the unknown area named after it.
    kby = KnowledgeBase([KBEntry("gn/1172339", "Place", "Lakki Tarvo", [], ["City"], country="PK", origin="geonames", population=36_391)])
    text = "A blast hit a police van in Lakki Tarvo district. The site in Lakki Tarvo was cordoned off."
    ms = [mention(text, "Lakki Tarvo district", "GPE"), mention(text, "Lakki Tarvo", "PERSON", 1)]
    linked = Linker(kby).link(article(text), ms)
    assert [lm.entity.iri.rsplit("/", 1)[-1] for lm in linked] == ["lakki-tarvo-district", "lakki-tarvo-district"]


def test_a_cue_outweighs_the_models_label_across_the_article():
    # The model calls the town a person twice; "the town of" and a dateline say otherwise.
    text = "Maaret Nabo, Syria: strikes hit. Maaret Nabo was calm. Jets hit the town of Maaret Nabo. Then Maaret Nabo slept."
    ms = [mention(text, "Maaret Nabo", "PERSON", k) for k in range(4)]
    linked = Linker(kb()).link(article(text), ms)
    assert {lm.entity.type for lm in linked} == {"Place"}


def test_a_name_in_a_named_province_is_a_place():
    text = "Gendarmes died near Tamboli, in Bantou province, on Friday."
    (lm,) = link(text, [("Tamboli", "PERSON", 0)])
    assert lm.entity.type == "Place"


def test_a_short_unknown_organisation_after_in_is_a_place():
    text = "A shell on a warehouse in Qlayaa killed three. Officials of Acme Relief said so."
    linked = link(text, [("Qlayaa", "ORG", 0), ("Acme Relief", "ORG", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Qlayaa", "Place"), ("Acme Relief", "Organization")]


def test_a_byline_outlet_is_never_a_place():
    kbx = KnowledgeBase([KBEntry("gn/2330100", "Place", "Minna", [], ["City"], country="NG", origin="geonames", population=291_905)])
    text = "Attack in Borno\n\nBy MINA\n\nGunmen attacked a village."
    art = Article(text=text, source="t.txt", title="Attack in Borno", outlet="MINA", outlet_span=(text.index("MINA"), text.index("MINA") + 4))
    linked = Linker(kbx).link(art, [])
    (lm,) = [lm for lm in linked if lm.mention.text == "MINA"]
    assert lm.entity.type == "Organization" and lm.entity.kb_id is None


def test_a_place_and_a_facility_noun_are_the_facility():
    text = "Drones hit Kyiv airport at dawn. Kyiv was calm later."
    linked = link(text, [("Kyiv", "GPE", 0), ("Kyiv", "GPE", 1)])
    assert [(lm.mention.text, lm.entity.type, lm.entity.kb_id) for lm in linked] == [("Kyiv airport", "Place", None), ("Kyiv", "Place", "gn/703448")]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Missiles hit the Kyiv port at dawn.", "Kyiv port"),
        ("A drone struck the Kyiv factory.", "Kyiv factory"),
        ("Shells fell on the Kyiv refugee camp.", "Kyiv refugee camp"),
        # "the port of Kyiv", "the port city of": the city, not a facility of its own.
        ("Missiles hit the Kyiv port city at dawn.", "Kyiv"),
    ],
)
def test_facility_nouns(text, surface):
    linked = link(text, [("Kyiv", "GPE", 0)])
    assert [lm.mention.text for lm in linked] == [surface]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Two women died in a raid on a farm near the town of Kfarsir overnight. The Village of Peace said so.", "Kfarsir"),
        ("Gunmen burned the house of the chief of Dorowa village on Friday.", "Dorowa"),
        ("The ambush happened in the Kandi Pathar area near the frontier.", "Kandi Pathar"),
    ],
)
def test_a_name_the_words_around_call_a_place_is_one_even_when_the_model_missed_it(text, name):
    linked = Linker(kb()).link(article(text), [])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [(name, "Place")]


def test_a_span_across_a_lower_case_title_is_two_names():
    text = "Acme Legion head Yuri Tarkov was killed."
    linked = link(text, [("Acme Legion head Yuri Tarkov", "PERSON", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Acme Legion", "Organization"), ("Yuri Tarkov", "Person")]


def test_two_unknown_names_joined_by_and_are_two_but_a_known_one_stays_whole():
    kbx = KnowledgeBase([KBEntry("jammu-and-kashmir", "Place", "Jammu and Kashmir", [], ["Region"], country="IN")])
    text = "Rockets hit Gorfo and Debre Selam. Jammu and Kashmir was calm."
    ms = [mention(text, "Gorfo and Debre Selam", "ORG"), mention(text, "Jammu and Kashmir", "GPE")]
    linked = Linker(kbx).link(article(text), ms)
    assert [lm.mention.text for lm in linked] == ["Gorfo", "Debre Selam", "Jammu and Kashmir"]
    assert linked[2].entity.kb_id == "jammu-and-kashmir"


def test_an_organisations_name_cut_at_for_the_is_joined():
    text = "The Office for the Coordination of Humanitarian Affairs said aid stopped."
    (lm,) = link(text, [("Office", "ORG", 0), ("Coordination of Humanitarian Affairs", "ORG", 0)])
    assert lm.mention.text == "Office for the Coordination of Humanitarian Affairs" and lm.entity.type == "Organization"
    assert text[lm.mention.start : lm.mention.end] == lm.mention.text


def test_a_ship_prefix_before_or_inside_a_span_is_a_ship():
    text = "Missiles hit the MV Rubymar. Later HMS Diamond and the MV Tutor were near."
    assert link(text, [("the MV Rubymar", "ORG", 0), ("Diamond", "ORG", 0), ("Tutor", "PERSON", 0)]) == []


def test_a_title_opening_a_places_name_stays_in_it():
    text = "A drone struck a shop in the Sheikh Hamdan neighborhood east of the town."
    (lm,) = link(text, [("Hamdan", "PERSON", 0)])
    assert (lm.mention.text, lm.entity.type) == ("Sheikh Hamdan", "Place")


def test_time_zones_and_holidays_are_not_entities():
    text = "The blast happened at 10:20 pm (1920 GMT) on Christmas, police said."
    assert link(text, [("GMT", "ORG", 0), ("Christmas", "ORG", 0)]) == []


def test_a_curly_possessive_after_an_unknown_place_is_cut_and_the_place_typed():
    text = "Gunmen entered kibbutz Be’eri’s fields at dawn."
    (lm,) = link(text, [("Be’eri’s", "ORG", 0)])
    assert (lm.mention.text, lm.entity.type) == ("Be’eri", "Place")


def test_the_linker_keeps_the_typing_record_of_the_article():
    text = "Gunmen attacked the village of Dorgumi."
    linker = Linker(kb())
    (lm,) = linker.link(article(text), [mention(text, "Dorgumi", "ORG")])
    (m,) = linker.mentions
    assert linker.typing[id(m)].type == "Place" and any("village of" in e.reason for e in linker.typing[id(m)].evidence)
    assert linker.nil_typing["dorgumi"].type == lm.entity.type == "Place"


def test_an_unknown_name_and_a_lower_case_area_noun_are_the_area():
    text = "Gendarmes died near Tamboli in Bantou province, in the Ukrainian territory and in Kyiv province."
    linked = link(text, [("Bantou", "GPE", 0), ("Ukrainian", "NORP", 0), ("Kyiv", "GPE", 0)])
    assert [(lm.mention.text, lm.entity.type, lm.entity.kb_id) for lm in linked] == [("Bantou province", "Place", None), ("Kyiv", "Place", "gn/703448")]


def test_an_unknown_name_before_district_or_region_is_that_area():
    text = "A mine exploded in the Kalabaydh district and in the Dorgali region; Kyiv region was calm."
    linked = link(text, [("Kalabaydh", "GPE", 0), ("Dorgali", "GPE", 0), ("Kyiv", "GPE", 0)])
    got = [(lm.mention.text, lm.entity.kb_id) for lm in linked]
    assert ("Kalabaydh district", None) in got and ("Dorgali region", None) in got
    assert ("Kyiv", None) not in got and all(t != "Kyiv region" or k is not None for t, k in got)
    # A town the knowledge base knows, before "district": the district, not the town.
    text = "Troops were ambushed in Tordher district; Tordher itself was calm."
    got = [(lm.mention.text, lm.entity.kb_id) for lm in link(text, [("Tordher", "GPE", 0), ("Tordher", "GPE", 1)])]
    assert got[0] == ("Tordher district", None) and got[1][0] == "Tordher"


def test_a_persons_name_cut_in_two_is_joined():
    text = "President Abd-Rahim Nasser Qaid resigned."
    (lm,) = link(text, [("Abd-Rahim", "PERSON", 0), ("Nasser Qaid", "PERSON", 0)])
    assert lm.mention.text == "Abd-Rahim Nasser Qaid" and lm.entity.type == "Person"


def test_a_place_and_its_governor_cut_apart_by_the_model_stay_apart():
    text = "The blast was near the market, said Tawi Governor Musa Barakat on Sunday."
    linked = link(text, [("Tawi Governor", "PERSON", 0), ("Musa Barakat", "PERSON", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Tawi", "Place"), ("Musa Barakat", "Person")]


def test_a_cued_place_name_replaces_the_models_fragment_of_it():
    text = "A shell left a deep hole in the same Mont Clair neighbourhood."
    (lm,) = link(text, [("Mont", "PRODUCT", 0)])
    assert (lm.mention.text, lm.entity.type) == ("Mont Clair", "Place")


def test_a_span_of_a_place_in_a_place_is_two_places():
    text = "Leaflets were found in the community of El Ranchito in Coalcoman on Friday."
    linked = link(text, [("El Ranchito in Coalcoman", "ORG", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("El Ranchito", "Place"), ("Coalcoman", "Place")]


def test_a_headlines_quantifier_is_no_part_of_a_name():
    text = "Multiple Ukrainian drone attacks hit Russia."
    assert link(text, [("Multiple Ukrainian", "ORG", 0)]) == []


def test_a_span_the_model_gave_no_name_label_is_a_name_when_the_words_around_say_so():
    text = "The region's ambulance service agency, Lifeline 1188, said three were hurt. Lifeline 1188 later said more."
    linked = link(text, [("Lifeline 1188", "LAW", 0), ("Lifeline 1188", "LAW", 1)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Lifeline 1188", "Organization")] * 2


def test_a_facility_named_by_a_word_the_model_took_for_a_people():
    text = "Shells fell on the street by the Hamidi mosque and a Sunni mosque."
    linked = link(text, [("Hamidi", "NORP", 0), ("Sunni", "NORP", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Hamidi mosque", "Place")]


def test_a_photo_credit_names_its_photographer():
    text = "Rescuers dig in the rubble (Oksana Hryn/AP). Officials (ANI/Xinhua) said more."
    linked = link(text, [])
    # The credit's agency is an organisation (kg/credits.py); the photographer a person.
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Oksana Hryn", "Person"), ("AP", "Organization")]
    # A caption run into its credit, and a credit "by" a name with the agency after a space.
    text = "Families fled the fighting in the stateImage: Oksana Hryn/AFP\n\nMore came. Photo by Ivo Dansko EPA-EFE\n\nIt rained."
    assert [lm.mention.text for lm in link(text, [])] == ["Oksana Hryn", "AFP", "Ivo Dansko", "EPA-EFE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regional Governor Anela Vorsk urged calm on Saturday.", [("Anela Vorsk", "Person")]),
        ("Lieutenant-Colonel Ivo Marek Dansk, a spokesman for the army, said.", [("Ivo Marek Dansk", "Person")]),
        # Titles after the first are no part of the name; one capitalised word is not enough.
        ("Major General Ivo Dansk said the General Staff agreed.", [("Ivo Dansk", "Person")]),
        ("The Governor Office said nothing.", []),
        ("Constable Tarvo Lendu and Corporal Ivo Marek died.", [("Tarvo Lendu", "Person"), ("Ivo Marek", "Person")]),
    ],
)
def test_a_name_after_a_capitalised_title_is_a_person(text, expected):
    assert [(lm.mention.text, lm.entity.type) for lm in link(text, [])] == expected


def test_a_cartel_and_a_commands_quarter_are_part_of_the_name():
    text = "Leader of the Varno New Generation cartel, said Lt. Alvo Dresk of the Western Tarsa Command."
    linked = link(text, [("Varno New Generation", "ORG", 0), ("Tarsa Command", "ORG", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked][:1] == [("Varno New Generation cartel", "Organization")]
    assert ("Western Tarsa Command", "Organization") in [(lm.mention.text, lm.entity.type) for lm in linked]


def test_a_police_or_army_rank_is_no_part_of_the_name():
    text = "Constable Tarvo and Havildar Ivo Marek died."
    linked = link(text, [("Constable Tarvo", "PERSON", 0), ("Havildar Ivo Marek", "PERSON", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Tarvo", "Person"), ("Ivo Marek", "Person")]


def test_a_span_over_a_governors_title_is_a_place_and_a_person():
    text = "Varna Governor Ilse Merovic called an emergency meeting."
    linked = link(text, [("Varna Governor Ilse Merovic", "ORG", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Varna", "Place"), ("Ilse Merovic", "Person")]


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        ("The Harbour Mission in Varna decried the attacks.", [("Harbour Mission", "ORG"), ("Varna", "GPE")], [("Harbour Mission in Varna", "Organization")]),
        (
            "The Relief Committees in El Varno said so.",
            [("Relief Committees", "ORG"), ("El Varno", "GPE")],
            [("Relief Committees in El Varno", "Organization")],
        ),
        # Only a body named by its seat runs on over "in".
        ("The Harbour Party in Varna said so.", [("Harbour Party", "ORG"), ("Varna", "GPE")], [("Harbour Party", "Organization"), ("Varna", "Place")]),
    ],
)
def test_a_body_named_by_its_seat_runs_on_over_in(text, parts, expected):
    linked = link(text, [(s, label, 0) for s, label in parts])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == expected


@pytest.mark.parametrize(
    ("text", "parts", "expected"),
    [
        ("Soldiers of the 47th Brigade of the Army withdrew.", [("Brigade of the Army", "ORG")], [("47th Brigade", "Organization")]),
        ("Close to Varna, according to the 5th Division.", [("Varna", "GPE")], [("Varna", "Place"), ("5th Division", "Organization")]),
        ("The 412th Separate Assault Battalion said.", [], [("412th Separate Assault Battalion", "Organization")]),
        ("The 200th anniversary of the town.", [], []),
    ],
)
def test_a_numbered_unit_is_an_organisation(text, parts, expected):
    linked = link(text, [(s, label, 0) for s, label in parts])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Twenty people are hurt,” Fedorko wrote.", [("Fedorko", "Person")]),
        ("“The man has died,” Governor Ivo Fedorko said.", [("Ivo Fedorko", "Person")]),
        ("“No more,” he said. “Later,” the Ministry said.", []),
    ],
)
def test_the_speaker_of_a_quotation_is_a_person(text, expected):
    assert [(lm.mention.text, lm.entity.type) for lm in link(text, [])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Varno Relief Organisation, an aid charity, condemned the raid.", [("Varno Relief Organisation", "Organization")]),
        ("The Dansk Doctors Network said 40 died.", [("Dansk Doctors Network", "Organization")]),
        # One word before the head word is no name; nor is a generic one.
        ("The Council met. National Council said.", []),
    ],
)
def test_a_name_ending_in_a_bodys_head_word_is_an_organisation(text, expected):
    assert [(lm.mention.text, lm.entity.type) for lm in link(text, [])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Work stopped after the attack. Pavlo Malkovy, the governor, said crews were out.", [("Pavlo Malkovy", "Person")]),
        # A word the article writes in lower case too, or a common one, is no given name.
        ("Work stopped. Meanwhile Malkovy said crews were out; meanwhile it rained.", [("Malkovy", "Person")]),
        ("Work stopped. Officials Malkovy said crews were out.", [("Malkovy", "Person")]),
    ],
)
def test_a_surname_the_model_found_alone_runs_back_over_the_given_name(text, expected):
    linked = link(text, [("Malkovy", "PERSON", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops were ambushed near the town, PRVarno reported.", [("PRVarno", "Organization")]),
        ("Troops were ambushed, TheVarnoWire reported on Friday.", [("TheVarnoWire", "Organization")]),
        # One capital (a person, a town) or all capitals says nothing of an outlet here.
        ("Troops were ambushed, Varno reported.", []),
    ],
)
def test_a_name_in_mixed_capitals_that_reports_is_an_outlet(text, expected):
    assert [(lm.mention.text, lm.entity.type) for lm in link(text, [])] == expected


def test_a_persons_name_cut_at_a_place_word_or_a_left_out_given_name_is_one_person():
    text = "Privates Jhon Tavo Moscow and Ivo Dansk died. Tarvo Kyiv Lendu, who fled, spoke. Abdulvar Tarvo Dansk contributed to this report."
    spans = [("Jhon", "PERSON", 0), ("Moscow", "GPE", 0), ("Ivo Dansk", "PERSON", 0), ("Kyiv", "GPE", 0), ("Lendu", "PERSON", 0), ("Tarvo Dansk", "PERSON", 0)]
    got = [(lm.mention.text, lm.entity.type) for lm in link(text, spans)]
    assert got == [("Jhon Tavo Moscow", "Person"), ("Ivo Dansk", "Person"), ("Tarvo Kyiv Lendu", "Person"), ("Abdulvar Tarvo Dansk", "Person")]


def test_a_headline_in_title_case_makes_no_name_run():
    text = "Rebels Attack Convoy Of Dansk Aide Tarvo\n\nThe envoy spoke."
    got = [lm.mention.text for lm in link(text, [("Dansk", "GPE", 0), ("Tarvo", "PERSON", 0)])]
    assert "Dansk Aide Tarvo" not in got


def test_a_name_run_stops_at_calendar_words_and_words_the_article_writes_in_lower_case():
    text = "On Monday Ivo Dansk spoke in Kyiv. Tuesday Kyiv Dansk? No. Later Ivo Dansk left. Separately Ivo Dansk met Tarvo."
    got = [lm.mention.text for lm in link(text, [("Ivo Dansk", "PERSON", 0), ("Kyiv", "GPE", 0), ("Ivo Dansk", "PERSON", 1), ("Ivo Dansk", "PERSON", 2)])]
    assert got == ["Ivo Dansk", "Kyiv", "Ivo Dansk", "Ivo Dansk"]


def test_a_commands_quarter_opens_its_name_when_a_known_place_stands_inside_it():
    text = "said Lt. Alvo Dresk of the Western Moscow Command on Sunday."
    ms = [mention(text, "Moscow", "KB|ORG", source="kb")]
    linked = Linker(kb()).link(article(text), ms)
    # (the name after the abbreviated rank is a person the recogniser missed: kg/mentions.py's titled_names)
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Alvo Dresk", "Person"), ("Western Moscow Command", "Organization")]


def test_a_town_before_an_area_noun_is_the_area_and_the_town_beside_it_stays_a_town():
    kbx = KnowledgeBase([KBEntry("gn/219057", "Place", "Tarvo", [], ["City"], country="CD", origin="geonames", population=140_000)])
    text = "Rebels raided the eastern Tarvo territory. Residents in Tarvo fled. Two died in Dansk district; later an outlying neighbourhood of Dansk town was hit."
    ms = [mention(text, "Tarvo", "GPE"), mention(text, "Tarvo", "GPE", 1), mention(text, "Dansk district", "GPE"), mention(text, "Dansk", "PERSON", 1)]
    got = [(lm.mention.text, lm.entity.kb_id, lm.entity.iri.rsplit("/", 1)[-1]) for lm in Linker(kbx).link(article(text), ms)]
    assert got == [("Tarvo territory", None, "tarvo-territory"), ("Tarvo", "gn/219057", "219057"), ("Dansk district", None, "dansk-district"), ("Dansk", None, "dansk")]


def test_an_area_name_before_its_noun_is_found_when_the_recogniser_missed_it():
    text = "Herders from the village of Malembeto in Tarvo district were shot. The Western district and the Ukrainian territory were calm."
    got = [(lm.mention.text, lm.entity.type) for lm in link(text, [])]
    assert got == [("Malembeto", "Place"), ("Tarvo district", "Place")]


def test_a_region_named_by_its_quarter_is_found_and_a_hyphenated_compound_holds_no_part_of_it():
    kbx = KnowledgeBase(
        [
            KBEntry("iso/xx-nw", "Place", "North-West", ["North-West region", "Northwest region"], ["Region"], country="XX"),
            KBEntry("iso/xx-w", "Place", "West", ["West region"], ["Region"], country="XX"),
        ]
    )
    text = "Separatists from the Northwest region crossed into the French-speaking West region. The Western region was calm."
    got = [(lm.mention.text, lm.entity.kb_id) for lm in Linker(kbx).link(article(text), [])]
    assert got == [("Northwest region", "iso/xx-nw"), ("West region", "iso/xx-w")]
    # An unknown "West region" is no part of "North-West region" (and, all generic words, no name).
    only_nw = KnowledgeBase([KBEntry("iso/xx-nw", "Place", "North-West", ["North-West region"], ["Region"], country="XX")])
    text = "Separatists from the North-West region crossed into the French-speaking West region."
    got = [(lm.mention.text, lm.entity.kb_id) for lm in Linker(only_nw).link(article(text), [])]
    assert got == [("North-West region", "iso/xx-nw")]


def test_an_aircraft_the_sentence_makes_the_attacker_is_a_warplane():
    kbx = KnowledgeBase(
        [
            KBEntry("weapon-type-military-aircraft", "Weapon", "military aircraft", ["warplane"], ["WeaponType"]),
            KBEntry("weapon-type-military-helicopter", "Weapon", "military helicopter", [], ["WeaponType"]),
        ]
    )
    text = "A jet dropped three bombs. Helicopters opened fire on the market. The jets have been promised; the plane landed."
    got = [(lm.mention.text, lm.entity.kb_id) for lm in Linker(kbx).link(article(text), [])]
    assert got == [("jet", "weapon-type-military-aircraft"), ("Helicopters", "weapon-type-military-helicopter")]


def test_a_body_named_without_its_country_is_that_of_the_country_the_article_is_about():
    kbx = KnowledgeBase(
        [
            KBEntry("gn/1", "Place", "Varnia", [], ["Country"], country="VA", origin="geonames", population=5_000_000),
            KBEntry("gn/2", "Place", "Dansia", [], ["Country"], country="DA", origin="geonames", population=5_000_000),
            KBEntry("national-army-of-varnia", "Organization", "National Army of Varnia", [], ["MilitaryUnit"], country="VA"),
        ]
    )
    text = "Six soldiers were killed in Varnia. The National Army said rebels from Varnia attacked. The National Guard said nothing."
    ms = [mention(text, "Varnia", "GPE"), mention(text, "National Army", "ORG"), mention(text, "Varnia", "GPE", 1), mention(text, "National Guard", "ORG")]
    got = [(lm.mention.text, lm.entity.kb_id) for lm in Linker(kbx).link(article(text), ms) if lm.entity.type == "Organization"]
    assert got == [("National Army", "national-army-of-varnia"), ("National Guard", None)]  # no such guard is known: a name of its own
    # An article about two countries alike gives the body to neither.
    text = "Varnia and Dansia clashed. The National Army said."
    ms = [mention(text, "Varnia", "GPE"), mention(text, "Dansia", "GPE"), mention(text, "National Army", "ORG")]
    assert [lm.entity.kb_id for lm in Linker(kbx).link(article(text), ms) if lm.entity.type == "Organization"] == []


@pytest.mark.parametrize("noun", ["sector", "chiefdom", "commune", "tehsil", "woreda", "barangay"])
def test_an_unknown_name_before_a_local_administrative_noun_is_that_area(noun):
    text = f"Militiamen attacked a camp in the Banyoro-Kalu {noun} on Sunday."
    (lm,) = link(text, [("Banyoro-Kalu", "PERSON", 0)])
    assert lm.mention.text == f"Banyoro-Kalu {noun}" and lm.entity.type == "Place"
def _kb_with_air_force() -> KnowledgeBase:
    base = kb()
    entry = KBEntry("ukrainian-air-force", "Organization", "Ukrainian Air Force", ["Ukraine's Air Force"], ["MilitaryUnit"], country="UA")
    return KnowledgeBase([*base.entries.values(), entry])


def test_a_known_name_grown_over_a_head_word_still_splits_at_its_possessive():
    # The ruler knows "Ukraine's Air Force"; grown over "Command" it is a name the knowledge
    # base lacks, and the country before "'s" is a name of its own, not part of it.
    text = "Ukraine’s Air Force Command said 45 drones were downed. Ukraine’s Emergency Service said fires were out."
    ms = [Mention(0, 19, "Ukraine’s Air Force", "KB|GPE", "kb", "ukraine air force"), mention(text, "Ukraine’s Emergency Service", "ORG")]
    linked = Linker(_kb_with_air_force()).link(article(text), ms)
    got = [(lm.mention.text, lm.entity.type) for lm in linked]
    assert ("Air Force Command", "Organization") in got and ("Ukraine", "Place") in got
    assert not any("’s" in lm.mention.text for lm in linked)


def test_a_body_named_for_the_quarter_it_serves_is_a_name():
    # Each word of "Defense Forces South" is generic; a body's head and a quarter after it make a unit's name.
    text = "Three employees were killed, reported Ukraine's Defense Forces South. The security forces in the south said little."
    linked = link(text, [("Ukraine's Defense Forces South", "ORG", 0)])
    assert [(lm.mention.text, lm.entity.type, lm.entity.kb_id) for lm in linked][-1] == ("Defense Forces South", "Organization", None)
    assert link("Security Forces said little.", [("Security Forces", "ORG", 0)]) == []


def test_a_corps_and_its_numbered_unit_the_model_missed_are_two_bodies():
    text = "The reservist was identified as Staff Sgt. Avi Mizrahi, of the Coastal Guard Corps’ 512th Field Reconnaissance Unit, from Ashdod."
    linked = link(text, [("Avi Mizrahi", "PERSON", 0)])
    got = {(lm.mention.text, lm.entity.type) for lm in linked}
    assert ("Coastal Guard Corps", "Organization") in got
    assert ("512th Field Reconnaissance Unit", "Organization") in got


def test_a_people_before_communities_is_no_town_of_the_knowledge_base():
    # "Kuki" is a Japanese city in GeoNames; "the Naga and Kuki communities" names a people.
    towns = KnowledgeBase([*kb().entries.values(), KBEntry("gn/1858445", "Place", "Kuki", [], ["City"], country="JP", origin="geonames", population=150_000)])

    def kuki(text: str) -> list[str | None]:
        return [lm.entity.kb_id for lm in Linker(towns).link(article(text), [mention(text, "Kuki", "PERSON")])]

    assert kuki("Clashes between the Naga and Kuki communities continued.") == []
    assert kuki("Floods hit the town of Kuki in Japan.") == ["gn/1858445"]


def test_a_group_the_model_missed_is_named_by_its_head_word():
    text = "After the ambush, troops and the Rapid Response Group of the police began a manhunt."
    linked = link(text, [])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Rapid Response Group", "Organization")]


def _kb_with_bonn() -> KnowledgeBase:
    bonn = KBEntry("gn/2946447", "Place", "Bonn", ["Bona", "Bonna"], ["City"], country="DE", origin="geonames", population=330_000)
    return KnowledgeBase([*kb().entries.values(), bonn])


def test_another_name_of_a_foreign_city_does_not_link_in_an_article_about_elsewhere():
    # "Bona" is one of the names GeoNames keeps for Bonn; a village of that name in a
    # Ukrainian story is not the German city, which the article never places it in.
    text = "Gunmen raided Bona village in Ukraine overnight, and Kyiv condemned the raid."
    ms = [mention(text, s, "GPE", 0) for s in ("Bona", "Ukraine", "Kyiv")]
    linked = Linker(_kb_with_bonn()).link(article(text), ms)
    bona = next(lm.entity for lm in linked if lm.mention.text == "Bona")
    assert bona.kb_id is None and bona.type == "Place"
    # Its own name still links wherever the story is.
    text = "Ukraine's envoy met donors in Bonn, and Kyiv welcomed the pledges."
    ms = [mention(text, s, "GPE", 0) for s in ("Ukraine", "Bonn", "Kyiv")]
    linked = Linker(_kb_with_bonn()).link(article(text), ms)
    assert next(lm.entity for lm in linked if lm.mention.text == "Bonn").kb_id == "gn/2946447"


def test_spellings_that_differ_by_a_particle_are_one_node():
    text = "Fighters of the Frente del Pueblo Libre attacked the post. The Frente de Pueblo Libre denied it."
    linked = link(text, [("Frente del Pueblo Libre", "ORG", 0), ("Frente de Pueblo Libre", "ORG", 0)])
    assert linked[0].entity.iri == linked[1].entity.iri
    # Other words still tell names apart.
    text = "The Frente del Pueblo Libre and the Frente del Pueblo Unido clashed."
    linked = link(text, [("Frente del Pueblo Libre", "ORG", 0), ("Frente del Pueblo Unido", "ORG", 0)])
    assert linked[0].entity.iri != linked[1].entity.iri


def test_an_unknown_spelling_of_a_known_name_in_the_article_is_that_entity():
    kbx = KnowledgeBase([*kb().entries.values(), KBEntry("frente-del-norte", "Organization", "Frente del Norte", ["Northern Front"], ["ArmedGroup"])])
    text = "Police blamed the Northern Front. A leader of the Frente de Norte denied it."
    ms = [mention(text, "Northern Front", "ORG"), mention(text, "Frente de Norte", "ORG")]
    linked = Linker(kbx).link(article(text), ms)
    assert [lm.entity.kb_id for lm in linked] == ["frente-del-norte", "frente-del-norte"]
    # Not across types, and not when the spelling is of another name.
    text = "Police blamed the Northern Front. Frente de Norte Bajo, a town, was quiet."
    ms = [mention(text, "Northern Front", "ORG"), mention(text, "Frente de Norte Bajo", "GPE")]
    linked = Linker(kbx).link(article(text), ms)
    assert linked[1].entity.kb_id is None


@pytest.mark.parametrize(("word", "kept"), [("Wednesday", False), ("October", False), ("June", True), ("Weston", True)])
def test_a_day_or_a_month_the_model_calls_a_name_is_none(word, kept):
    text = f"Gunmen attacked the villages on {word}, an official said."
    start = text.index(word)
    c = clean_mention(Mention(start, start + len(word), word, "PERSON", "ner"), text)
    assert (c is not None) == kept


def test_a_station_the_model_cut_after_radio_is_the_whole_outlet():
    text = "Radio Kemba Tele reported the attack; Radio said nothing more."
    linked = link(text, [("Kemba Tele", "PERSON", 0)])
    assert [(lm.mention.text, lm.entity.type) for lm in linked] == [("Radio Kemba Tele", "Organization")]
