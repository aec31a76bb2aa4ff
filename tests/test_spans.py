"""Name boundaries on names the knowledge base lacks (kg/spans.py), on texts written here
and a small knowledge base (no spaCy model)."""

from __future__ import annotations

from kg.identity import entity_iri
from kg.kb.base import KBEntry, KnowledgeBase
from kg.link import Linker
from kg.spans import (
    bracketed_places,
    cut_member_plurals,
    drop_non_names,
    extend_by_acronym,
    foreign_paragraphs,
    join_given_names,
    names_area,
    possessed_places,
    reported_outlets,
    split_bracketed_places,
    split_place_of_area,
    split_place_runs,
    unit_places,
)
from kg.types import Article, Mention


def kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("gn/1", "Place", "Arvenia", [], ["Country"], country="AV", origin="geonames", population=9_000_000),
            KBEntry("gn/2", "Place", "Tolmar", [], ["City"], country="AV", origin="geonames", population=300_000),
            KBEntry("gn/3", "Place", "Brisk", [], ["City"], country="AV", origin="geonames", population=60_000),
            KBEntry("east-arvenia", "Place", "East Arvenia", ["E&A"], ["Region"], country="AV"),
            KBEntry("arvenian-army", "Organization", "Arvenian Army", [], ["MilitaryUnit"], country="AV"),
            KBEntry("wire-press", "Organization", "Wire Press", ["AW"], ["NewsOrganization"]),
            KBEntry("oren-dask", "Person", "Oren Dask", ["Oren Malik Dask"], ["Politician"], country="AV"),
        ]
    )


KB = kb()


def at(text: str, surface: str, label: str, nth: int = 0, kb_id: str | None = None) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, label, "ner", kb_id)


def is_place(name: str) -> bool:
    return any(c.entry.type == "Place" for c in KB.candidates(name))


def test_a_town_and_its_state_in_brackets_are_two_places():
    text = "He hailed from Vorsk (East Arvenia and served in the CPI (Maoist) area."
    out = split_bracketed_places([at(text, "Vorsk (East Arvenia", "ORG"), at(text, "CPI (Maoist)", "ORG")], text, is_place)
    assert [(m.text, m.label) for m in out] == [("Vorsk", "GPE"), ("East Arvenia", "GPE"), ("CPI (Maoist)", "ORG")]
    assert all(text[m.start : m.end] == m.text for m in out)


def test_a_known_place_in_brackets_after_a_place_is_a_mention():
    text = "One soldier came from Vosh (East Arvenia), another from Pell (Maoist)."
    out = bracketed_places([at(text, "Vosh", "GPE"), at(text, "Pell", "GPE")], text, is_place)
    assert [m.text for m in out] == ["East Arvenia"]


def test_two_known_places_run_together_are_split_and_unknown_pairs_stay():
    text = "Soldiers killed Brisk Tolmar\nFighting in Upper Tolmar Gorge and Tolmar Arvenia; official Brisk Tolmar said."
    ms = [at(text, "Brisk Tolmar", "PERSON"), at(text, "Upper Tolmar Gorge", "LOC"), at(text, "Tolmar Arvenia", "LOC"), at(text, "Brisk Tolmar", "PERSON", 1)]
    out = split_place_runs(ms, KB.candidates, text.index("\n"))
    # in the headline two towns split; in the body only a town and its country or region do
    assert [m.text for m in out] == ["Brisk", "Tolmar", "Upper Tolmar Gorge", "Tolmar", "Arvenia", "Brisk Tolmar"]
    assert all(text[m.start : m.end] == m.text for m in out)


def test_a_known_body_and_its_members_is_the_body():
    text = "Five Arvenian Army Soldiers died; the Brisk Fighters held; Tolmar Police Officers and Tolmar United Members came."
    ms = [at(text, "Arvenian Army Soldiers", "ORG"), at(text, "Brisk Fighters", "ORG"), at(text, "Tolmar Police Officers", "ORG"), at(text, "Tolmar United Members", "ORG")]
    out = cut_member_plurals(ms, KB.candidates)
    assert [m.text for m in out] == ["Arvenian Army", "Brisk Fighters", "Tolmar Police", "Tolmar United Members"]


def test_a_one_word_name_before_a_persons_name_is_their_given_name():
    text = "He was succeeded by his son, Talu Oren Dask, and by Arvenia Oren Dask's men."
    ms = [at(text, "Talu", "ORG"), at(text, "Oren Dask", "PERSON"), at(text, "Arvenia", "GPE"), at(text, "Oren Dask", "PERSON", 1)]
    out = join_given_names(ms, text, KB.candidates)
    assert [(m.text, m.label) for m in out] == [("Talu Oren Dask", "PERSON"), ("Arvenia", "GPE"), ("Oren Dask", "PERSON")]
    # ... and a given name the knowledge base knows with the rest joins it too
    text = "the leader, Oren Malik Dask, said"
    (m,) = join_given_names([at(text, "Oren", "ORG"), at(text, "Malik Dask", "PERSON")], text, KB.candidates)
    assert m.text == "Oren Malik Dask"


def test_a_name_cut_at_for_runs_on_to_the_acronym_that_spells_it():
    text = "the Special Battalion for Jungle Warfare (SBJW) and the Border Guard of the North (XYZ) met"
    ms = [at(text, "Special Battalion", "ORG"), at(text, "Jungle Warfare", "ORG"), at(text, "Border Guard", "ORG")]
    out = extend_by_acronym(ms, text)
    assert [m.text for m in out] == ["Special Battalion for Jungle Warfare", "Border Guard"]


def test_hashtags_and_paragraphs_in_another_language_name_nothing_unknown():
    text = (
        "Gunmen attacked the town hall in Tolmar on Friday.\n"
        "Agresión armada en la plaza de Tolmar. Se confirman dos personas heridas y se pide no acercarse a la zona #FGJEArv\n"
        "Officials said Agresión was a word."
    )
    assert len(foreign_paragraphs(text)) == 1
    ms = [at(text, "Tolmar", "GPE"), at(text, "Agresión", "GPE"), at(text, "Tolmar", "GPE", 1), at(text, "Se", "PERSON"), at(text, "FGJEArv", "PERSON"), at(text, "Agresión", "PERSON", 1)]
    out = drop_non_names(ms, text, KB.candidates)
    assert [(m.text, m.start) for m in out] == [("Tolmar", ms[0].start), ("Tolmar", ms[2].start), ("Agresión", ms[5].start)]


def test_places_after_a_local_units_word_and_after_a_places_possessive():
    text = "A bomb went off in tambon Kok Sai, near East Arvenia's Brisk and Arvenia's Oren Dask."
    assert [m.text for m in unit_places(text, [])] == ["Kok Sai"]
    ms = [at(text, "East Arvenia", "KB|GPE"), at(text, "Arvenia", "GPE", 1)]
    assert [m.text for m in possessed_places(text, ms, KB.candidates)] == ["Brisk"]


def test_a_place_of_its_district_is_two_places():
    text = "in tambon Yara of Ramo district of Tolmar, and the Bank of Tolmar district"
    out = split_place_of_area([at(text, "Yara of Ramo district", "GPE"), at(text, "Bank of Tolmar district", "ORG")], KB.candidates)
    assert [m.text for m in out] == ["Yara", "Ramo district", "Bank of Tolmar district"]


def test_outlets_that_report_and_not_a_language():
    text = "Talks resume, according to The Morning Star. The English daily reported it; The Star reported more."
    out = reported_outlets(text, [at(text, "Star", "GPE", 0)])
    assert [m.text for m in out] == ["The Morning Star", "The Star"]


def test_an_area_the_article_names():
    assert names_area("Vosh", "blast in Vosh district on Monday")
    assert not names_area("Vosh", "blast in Voshka district")


def test_the_linker_applies_the_boundaries():
    text = "BRISK, East Arvenia (AW) — Soldiers from Vorsk (East Arvenia) were killed near Tolmar."
    ms = [at(text, "BRISK", "GPE"), at(text, "East Arvenia", "GPE"), at(text, "AW", "ORG"), at(text, "Vorsk (East Arvenia", "ORG"), at(text, "Tolmar", "GPE")]
    linked = Linker(KB).link(Article(text=text, source="t.txt"), ms)
    by_text = {lm.mention.text: lm.entity for lm in linked}
    # the wire credit's acronym stays the agency, not the country it follows
    assert by_text["AW"].iri == entity_iri("wire-press", "Organization", "Wire Press")
    assert by_text["East Arvenia"].iri == entity_iri("east-arvenia", "Place", "East Arvenia")
    assert by_text["Vorsk"].type == "Place"


def test_a_given_name_between_a_title_and_a_surname():
    text = "said Kitui County Commissioner Mwangi Ouko. Later Commissioner Police Ouko left."
    (m,) = join_given_names([at(text, "Ouko", "PERSON")], text, KB.candidates)
    assert m.text == "Mwangi Ouko"
    (m,) = join_given_names([at(text, "Ouko", "PERSON", 1)], text, KB.candidates)
    assert m.text == "Ouko"  # "Police" is no one's given name


def test_an_unknown_name_runs_on_to_a_capitalised_areas_word():
    from kg.spans import extend_to_capitalised_area

    text = "the town of Kheru, located in Enor Enawa Woreda of the Amhar region, and Tolmar District."
    out = extend_to_capitalised_area([at(text, "Enor", "ORG"), at(text, "Tolmar", "GPE")], text, KB.candidates)
    assert [(m.text, m.label) for m in out] == [("Enor Enawa Woreda", "GPE"), ("Tolmar", "GPE")]


def test_a_name_in_apposition_to_a_settlement_noun():
    from kg.spans import apposed_places

    text = "said a lawmaker who represents Zakundo, the village attacked. Meanwhile, the town slept. On Sunday, the village wept."
    assert [m.text for m in apposed_places(text, [])] == ["Zakundo"]


def test_an_acronym_that_spells_its_name_joins_it_though_the_knowledge_base_knows_it_otherwise():
    kbx = KnowledgeBase([*KB.entries.values(), KBEntry("rsa-agency", "Organization", "Road Safety Authority", ["RSA"], ["GovernmentBody"])])
    text = "medics of Red Star Aid (RSA) came. RSA spokesman said so."
    ms = [at(text, "Red Star Aid", "ORG"), at(text, "RSA", "ORG"), at(text, "RSA", "ORG", 1)]
    linked = Linker(kbx).link(Article(text=text, source="t.txt"), ms)
    assert len({lm.entity.iri for lm in linked}) == 1 and linked[0].entity.label == "Red Star Aid"


def test_a_place_cued_name_is_no_surname_and_a_town_before_a_region_noun_is_the_area():
    text = "Kathu Brisk\nSoldiers died in the Brisk region of Arvenia, an attack in Tolmar province."
    ms = [at(text, "Kathu Brisk", "PERSON"), at(text, "Brisk", "GPE", 1), at(text, "Arvenia", "GPE"), at(text, "Tolmar", "GPE")]
    linked = Linker(KB).link(Article(text=text, source="t.txt"), ms)
    by_text = {lm.mention.text: lm.entity for lm in linked}
    assert by_text["Brisk region"].type == "Place" and by_text["Brisk region"].iri != by_text["Kathu Brisk"].iri
    assert by_text["Tolmar province"].iri == entity_iri(None, "Place", "tolmar province")


def test_a_faiths_word_is_no_outlet_named_the_word():
    kbx = KnowledgeBase([*KB.entries.values(), KBEntry("the-hindu", "Organization", "The Hindu", [], ["NewsOrganization"])])
    text = "Hindu devotees gathered at the temple, The Hindu reported."
    ms = [at(text, "Hindu", "NORP"), at(text, "The Hindu", "ORG")]
    linked = Linker(kbx).link(Article(text=text, source="t.txt"), ms)
    assert [lm.mention.start for lm in linked] == [text.index("The Hindu") + 4]


def test_a_jurisdiction_and_a_post_in_one_span_then_the_person():
    from kg.spans import split_at_capitalised_title

    text = "According to the Vosh Inspector General for Police Sundar K, two died. The Tolmar Fighters Group held."
    out = split_at_capitalised_title([at(text, "Vosh Inspector General for Police", "ORG"), at(text, "Tolmar Fighters Group", "ORG")], text, KB.candidates)
    assert [(m.text, m.label) for m in out] == [("Vosh", "GPE"), ("Sundar K", "PERSON"), ("Tolmar Fighters Group", "ORG")]


def test_a_rule_matched_town_before_a_region_noun_is_the_area_and_a_weapon_stays():
    kbx = KnowledgeBase([*KB.entries.values(), KBEntry("grad", "Weapon", "Grad", [], ["Weapon"])])
    text = "Five died in the Brisk region; Grad district rockets fell."
    ms = [Mention(17, 22, "Brisk", "KB|GPE", "kb", "brisk"), Mention(31, 35, "Grad", "KB", "kb", "grad")]
    linked = Linker(kbx).link(Article(text=text, source="t.txt"), ms)
    assert [(lm.mention.text, lm.entity.kb_id) for lm in linked] == [("Brisk region", None), ("Grad", "grad")]


def test_the_country_before_a_known_bodys_possessive_is_named_too():
    from kg.spans import possessor_countries

    text = "information released by Arvenia’s Army and by Brisk’s Army"
    ms = [Mention(24, 38, "Arvenia’s Army", "KB|ORG", "kb", "arvenian army"), Mention(46, 58, "Brisk’s Army", "KB|ORG", "kb", "arvenian army")]
    assert [(m.text, m.start) for m in possessor_countries(ms, text, KB.candidates)] == [("Arvenia", 24)]  # a city owns no army


def test_the_holder_of_a_police_post_after_its_jurisdiction():
    from kg.spans import police_post_holders

    text = (
        "said Inspector General of Police (Vosh Range) Sundar K. Later Superintendent of Police Ravi Menon "
        "and Inspector General of Police Tolmar, Anil Rao spoke."
    )
    assert [m.text for m in police_post_holders(text, [])] == ["Sundar K", "Ravi Menon", "Anil Rao"]


def test_a_near_spelling_is_no_town_of_a_country_the_article_does_not_name():
    kbx = KnowledgeBase([*KB.entries.values(), KBEntry("gn/9", "Place", "Haar", [], ["City"], country="DE", origin="geonames", population=2_000_000)])
    text = "In Arvenia, the district of Khar was sealed."
    linked = Linker(kbx).link(Article(text=text, source="t.txt"), [at(text, "Arvenia", "GPE"), at(text, "Khar", "PERSON")])
    assert [(lm.mention.text, lm.entity.kb_id) for lm in linked] == [("Arvenia", "gn/1"), ("Khar", None)]


def test_a_cued_area_name_stops_at_a_possessive_and_facilities_take_their_noun():
    from kg.mentions import cued_names, extend_to_facility

    text = "An IED blast in Vosh's Kadru district and in Tolmar's Bero village killed six."
    assert sorted(m.text for m in cued_names(text, [])) == ["Bero", "Kadru district"]
    text = "Gunmen fired at Wat Sai railway station and near KPT crossing on the highway."
    assert [extend_to_facility(at(text, n, "PERSON"), text).text for n in ("Wat Sai", "KPT")] == ["Wat Sai railway station", "KPT crossing"]
    text = "Fighters stormed the Lomgate shopping centre in 2013 and camped in the Tarvo valley."
    assert [extend_to_facility(at(text, n, "PERSON"), text).text for n in ("Lomgate", "Tarvo")] == ["Lomgate shopping centre", "Tarvo valley"]


def test_a_known_town_the_model_missed_after_a_place_word_in_the_articles_country():
    text = "Arvenia's army said the convoy came from Brisk, where gold is mined. Arvenia mourned."
    linked = Linker(KB).link(Article(text=text, source="t.txt"), [at(text, "Arvenia", "GPE"), at(text, "Arvenia", "GPE", 1)])
    assert ("Brisk", "gn/3") in [(lm.mention.text, lm.entity.kb_id) for lm in linked]


def test_the_built_in_knowledge_base_knows_seleka_and_jk(kb):
    assert [c.entry.id for c in kb.candidates("Seleka rebels")] == ["seleka"]
    assert "jammu-and-kashmir" in [c.entry.id for c in kb.candidates("J&K")]
    assert "Thai" not in kb.get("gn/1736309").aliases  # Alor Setar: a demonym is no alias


def test_a_filipino_quotes_own_word_is_no_name_even_where_a_place_shares_it():
    from kg.spans import drop_non_names

    text = "He added.\n“Wala pa kaming natatanggap na ulat tungkol sa mga nasugatan sa lugar ng pagsabog,” he said."
    start = text.index("Wala")
    m = Mention(start, start + 4, "Wala", "PERSON", "ner")
    assert drop_non_names([m], text, lambda name: ["a place"]) == []


def test_trie_pattern_matches_what_the_flat_alternation_does():
    """The function-word trie finds, between letter bounds, exactly the words the flat
    alternation of the same words finds, case folded as re.I folds it."""
    import re

    from kg.spans import _FOREIGN_RE, _FOREIGN_WORDS, trie_pattern

    words = ["de", "del", "des", "du", "la", "las", "a", "al", "ako", "akong"]
    bound = r"(?<![^\W\d_])(?:{})(?![^\W\d_])"
    flat = re.compile(bound.format("|".join(sorted(words, key=len, reverse=True))), re.I)
    trie = re.compile(bound.format(trie_pattern(words)), re.I)
    text = "De la casa DEL pueblo, des amis du Akong; a la las-delas akongs dela al. Ako, ſe Del2 del_x"
    assert trie.findall(text) == flat.findall(text) and len(flat.findall(text)) > 8
    flat_foreign = re.compile(bound.format("|".join(sorted(_FOREIGN_WORDS, key=len, reverse=True))), re.I)
    sample = "El presidente dijo que la situación es muy grave, pero não há nada. Wala naman akong information na ito."
    assert _FOREIGN_RE.findall(sample) == flat_foreign.findall(sample) != []
    assert trie_pattern([]) == "" and trie_pattern(["ab"]) == "ab"


def test_cheap_gates_keep_every_match_of_their_patterns():
    """kinded_areas, police_post_holders and bare_ministries skip the text when a word every
    match holds is absent: with the word present (in any case re.I matches, for the
    ministry), they find what their patterns find."""
    from kg.bodies import BARE_MINISTRY, bare_ministries
    from kg.spans import _KINDED_AREA, _POLICE_POST_HOLDER, kinded_areas, police_post_holders

    text = ("Gunmen struck Gwoza Local Government Area and Bama Prefecture. Deputy Inspector General of Police "
            "Musa Adamu said the defence MINISTRY and the Ministry of Health, and the health mınıstry, would respond.")
    assert [m.text for m in kinded_areas(text, [])] == [h.group(0) for h in _KINDED_AREA.finditer(text)] == ["Gwoza Local Government Area", "Bama Prefecture"]
    assert [m.text for m in police_post_holders(text, [])] == [h.group(1) for h in _POLICE_POST_HOLDER.finditer(text)] == ["Musa Adamu"]
    assert [m.text for m in bare_ministries(text, [])] == [h.group(0) for h in BARE_MINISTRY.finditer(text)]
    assert len(bare_ministries(text, [])) == 3  # the dotless ı of "mınıstry" is an i to re.I
    plain = "Gunmen struck a village in the north; police said the army responded."
    assert kinded_areas(plain, []) == police_post_holders(plain, []) == bare_ministries(plain, []) == []


def test_a_date_after_a_towns_name_is_no_part_of_it():
    from kg.mentions import clean_mention

    text = "A drone hit a house near Tarmude on Aug. 14, the monitor said."
    assert clean_mention(at(text, "Tarmude on Aug", "GPE"), text).text == "Tarmude"
    text = "Fighting reached Stratford on Avon."
    assert clean_mention(at(text, "Stratford on Avon", "GPE"), text).text == "Stratford on Avon"
