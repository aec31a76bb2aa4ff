"""Incidents: attack records of several articles deduplicated into one incident each."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import random

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import cli
from kg.incident_upkeep import IncidentChanges, Neighbourhood, components, events_in
from kg.incidents import EventRecord, cluster, compatible, incident_iri, incident_of, incident_quads, incidents_of, read_events, rebuild_incidents
from kg.kb.base import KBEntry, KnowledgeBase
from kg.store import entity_graph, incidents_graph, open_store, sync_graph, write_articles
from kg.types import Article, AttackEvent, Entity
from kg.validate import validate_store
from kg.vocab import KG, NIF, SCHEMA, XSD, base_iri

D = dt.date(2023, 12, 30)
KHARKIV, BELGOROD, KYIV = "e:kharkiv", "e:belgorod", "e:kyiv"
RUSSIA, UKRAINE = "e:russia", "e:ukraine"
SHAHED, DRONE, SHELL = "e:shahed", "e:drone", "e:artillery"
CLASSES = {SHAHED: {"kg:Drone"}, DRONE: {"kg:Drone"}, SHELL: {"kg:Artillery"}}


def rec(iri: str, article: str, day: dt.date | None = D, location: str | None = KHARKIV, weapons=(), **kw) -> EventRecord:
    weapons = frozenset(weapons)
    return EventRecord(
        iri=iri, article=article, date=day, location=location, weapons=weapons, weapon_classes=frozenset(c for w in weapons for c in CLASSES[w]), **kw
    )


def iris(groups: list[list[EventRecord]]) -> list[list[str]]:
    return [[e.iri for e in g] for g in groups]


# --- the pure clustering ----------------------------------------------------------------------


def test_same_attack_in_two_articles_is_one_incident():
    a = rec("ev:1", "art:a", actor=RUSSIA, weapons=[SHAHED], killed=2, injured=5, confidence=0.7)
    b = rec("ev:2", "art:b", day=D + dt.timedelta(days=1), actor=RUSSIA, weapons=[DRONE], killed=3, confidence=0.9)
    [inc] = incidents_of([b, a])
    assert inc.events == ["ev:1", "ev:2"]
    assert inc.iri == incident_iri("ev:1") and inc.iri.startswith(base_iri() + "incident/")
    assert (inc.location, inc.actor, inc.start_date) == (KHARKIV, RUSSIA, D)
    assert inc.weapons == sorted([SHAHED, DRONE])
    assert inc.killed == (2, 3) and inc.injured == (5, 5) and inc.confidence == 0.9


@pytest.mark.parametrize(
    "other",
    [
        rec("ev:2", "art:b", location=BELGOROD),  # another place
        rec("ev:2", "art:b", day=D + dt.timedelta(days=2)),  # two days later
        rec("ev:2", "art:b", killed=22),  # 2 killed against 22
        rec("ev:2", "art:b", injured=40),  # 2 injured against 40
        rec("ev:2", "art:b", actor=UKRAINE),  # another attacker
        rec("ev:2", "art:b", weapons=[SHELL]),  # shelling, not drones
        rec("ev:2", "art:a"),  # the same article: the extractor already merged its reports
        rec("ev:2", "art:b", location=None),  # no place: nothing to match on
        rec("ev:2", "art:b", day=None),  # no date at all, against a dated one
        rec("ev:2", "art:b", day=None, published=D + dt.timedelta(days=3)),  # an undated report three days on
        rec("ev:2", "art:b", day=None, published=D - dt.timedelta(days=1)),  # published before the attack's day
    ],
)
def test_reports_that_differ_stay_apart(other):
    first = rec("ev:1", "art:a", actor=RUSSIA, weapons=[SHAHED], killed=2, injured=2)
    assert not compatible(first, other)
    assert len(cluster([first, other])) == 2


@pytest.mark.parametrize(
    "other",
    [
        rec("ev:2", "art:b", day=D - dt.timedelta(days=1)),  # a day earlier
        rec("ev:2", "art:b"),  # no actor named
        rec("ev:2", "art:b", weapons=[]),  # no weapon named
        rec("ev:2", "art:b", weapons=[DRONE]),  # "drones" for "Shahed drones"
        rec("ev:2", "art:b", killed=5),  # the toll rose: 2, then 5
        rec("ev:2", "art:b", day=None, published=D),  # dated by its article alone
        rec("ev:2", "art:b", day=None, published=D + dt.timedelta(days=2)),  # an undated report two days on
    ],
)
def test_reports_that_agree_meet(other):
    first = rec("ev:1", "art:a", actor=RUSSIA, weapons=[SHAHED], killed=2)
    assert compatible(first, other) and compatible(other, first)
    assert len(cluster([first, other])) == 1


def test_undated_reports_meet_only_undated_ones():
    a, b = rec("ev:1", "art:a", day=None), rec("ev:2", "art:b", day=None)
    dated = rec("ev:3", "art:c")
    assert iris(cluster([dated, b, a])) == [["ev:3"], ["ev:1", "ev:2"]]


def test_a_facility_meets_the_city_it_lies_in_and_gives_the_incident_its_place():
    plant = rec("ev:1", "art:a", location="e:kharkiv-power-plant", within=frozenset({KHARKIV}))
    city = rec("ev:2", "art:b", location=KHARKIV)
    [group] = cluster([city, plant])
    assert incident_of(group).location == "e:kharkiv-power-plant"


def test_no_chain_across_days():
    # Strikes on Kharkiv on three days running: each day meets the next, but the first
    # and the last are two days apart, so not all three are one incident.
    days = [rec(f"ev:{i}", f"art:{i}", day=D + dt.timedelta(days=i)) for i in range(3)]
    assert iris(cluster(days)) == [["ev:0", "ev:1"], ["ev:2"]]


def test_actor_is_the_most_common_ties_by_iri():
    members = [rec("ev:1", "art:a", actor="e:b"), rec("ev:2", "art:b", actor="e:a"), rec("ev:3", "art:c")]
    assert incident_of(members).actor == "e:a"
    members.append(rec("ev:4", "art:d", actor="e:b"))
    assert incident_of(members).actor == "e:b"


def _random_records(seed: int, n: int = 40) -> list[EventRecord]:
    r = random.Random(seed)
    return [
        rec(
            f"ev:{i:03d}",
            f"art:{r.randrange(12)}",
            day=r.choice([None, D, D + dt.timedelta(days=1), D + dt.timedelta(days=2), D + dt.timedelta(days=4)]),
            location=r.choice([KHARKIV, BELGOROD, KYIV, None]),
            actor=r.choice([None, RUSSIA, UKRAINE]),
            weapons=r.choice([[], [SHAHED], [DRONE], [SHELL], [SHAHED, SHELL]]),
            killed=r.choice([None, 0, 2, 3, 20, 22]),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("seed", range(5))
def test_the_same_records_in_any_order_give_the_same_incidents(seed):
    records = _random_records(seed)
    expected = incidents_of(records)
    assert len(expected) < len(records)  # something merged, so the test can tell orders apart
    for shuffle in range(5):
        permuted = records[:]
        random.Random(shuffle).shuffle(permuted)
        assert incidents_of(permuted) == expected
    for perm in itertools.islice(itertools.permutations(records[:6]), 0, 720, 37):
        assert incidents_of(list(perm)) == incidents_of(records[:6])


@pytest.mark.parametrize("seed", range(5))
def test_every_incident_holds_compatible_reports_of_distinct_articles(seed):
    for group in cluster(_random_records(seed)):
        assert len({e.article for e in group}) == len(group)
        assert all(compatible(a, b) for a, b in itertools.combinations(group, 2))


# --- the store ----------------------------------------------------------------------------------


def _entity(kb_id: str, type_: str, label: str, classes: list[str]) -> Entity:
    return Entity(f"{base_iri()}entity/{kb_id}", type_, label, classes, kb_id=kb_id)


KHARKIV_E = _entity("gn/706483", "Place", "Kharkiv", ["City"])
BELGOROD_E = _entity("gn/578072", "Place", "Belgorod", ["City"])
RUSSIA_E = _entity("gn/2017370", "Place", "Russia", ["Country"])
SHAHED_E = _entity("hesa-shahed-136", "Weapon", "Shahed", ["WeaponSystem", "Drone"])


def _article(url: str, date: dt.date, text: str) -> Article:
    return Article(text=text, source=url.rsplit("/", 1)[-1] + ".txt", title=text.split("\n", 1)[0], url=url, date=date)


def _event(text: str, trigger: str, sentence: str, **slots) -> AttackEvent:
    b = text.index(sentence)
    t = text.index(trigger, b)
    return AttackEvent(trigger=(t, t + len(trigger)), sentences=[(b, b + len(sentence))], **slots)


TEXT_A = "Drones hit Kharkiv\n\nRussia launched Shahed drones at Kharkiv overnight. Two people were killed, the governor said."
TEXT_B = "Deadly strike on Kharkiv\n\nThree people died when Shahed drones struck Kharkiv on Saturday, officials said. In Belgorod, shelling killed 22 people."


def _reports(attack_graph) -> dict[str, tuple[ox.NamedNode, list[ox.Quad]]]:
    a = _article("https://example.org/a", dt.date(2023, 12, 31), TEXT_A)
    b = _article("https://example.org/b", dt.date(2023, 12, 31), TEXT_B)
    sa = "Russia launched Shahed drones at Kharkiv overnight. Two people were killed, the governor said."
    events_a = [_event(TEXT_A, "launched", sa, location=KHARKIV_E, actor=RUSSIA_E, weapons=[SHAHED_E], killed=2, date=D, confidence=0.8)]
    sb1 = "Three people died when Shahed drones struck Kharkiv on Saturday, officials said."
    sb2 = "In Belgorod, shelling killed 22 people."
    events_b = [
        _event(TEXT_B, "struck", sb1, location=KHARKIV_E, weapons=[SHAHED_E], killed=3, date=D, confidence=0.7),
        _event(TEXT_B, "shelling", sb2, location=BELGOROD_E, killed=22, date=D, confidence=0.6),
    ]
    return {"a": attack_graph(a, events_a), "b": attack_graph(b, events_b)}


def _write(store: ox.Store, reports, order) -> None:
    """Write the article graphs as ingest does, their entities' facts into the entity graph."""
    for name in order:
        graph, quads = reports[name]
        write_articles(store, TEST_KB, [(graph, quads)])


def _incident_quads(store: ox.Store) -> set[ox.Quad]:
    return set(store.quads_for_pattern(None, None, None, incidents_graph()))


def _one(store: ox.Store, s, p: str):
    values = [q.object for q in store.quads_for_pattern(s, ox.NamedNode(p), None, incidents_graph())]
    assert len(values) == 1, (p, values)
    return values[0]


def test_two_articles_give_one_incident_with_both_reports(tmp_store, attack_graph):
    reports = _reports(attack_graph)
    store = open_store(tmp_store)
    _write(store, reports, ["a", "b"])
    assert rebuild_incidents(store) == 2  # Kharkiv (two reports), Belgorod (one)
    inc = ox.NamedNode(KG + "Incident")
    incidents = [q.subject for q in store.quads_for_pattern(None, None, inc, incidents_graph())]
    by_reports = {int(_one(store, i, KG + "reports").value): i for i in incidents}
    kharkiv = by_reports[2]
    events = {q.object for q in store.quads_for_pattern(kharkiv, ox.NamedNode(KG + "reportedBy"), None, incidents_graph())}
    derived = {next(store.quads_for_pattern(e, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), None, None)).object for e in events}
    assert derived == {reports["a"][0], reports["b"][0]}
    assert _one(store, kharkiv, KG + "location").value == KHARKIV_E.iri
    assert _one(store, kharkiv, KG + "actor").value == RUSSIA_E.iri
    assert _one(store, kharkiv, KG + "weapon").value == SHAHED_E.iri
    assert [int(_one(store, kharkiv, KG + p).value) for p in ("killed", "killedMin", "killedMax")] == [3, 2, 3]
    assert _one(store, kharkiv, SCHEMA + "startDate").value == D.isoformat()
    assert float(_one(store, kharkiv, KG + "confidence").value) == 0.8
    assert int(_one(store, by_reports[1], KG + "killed").value) == 22


def test_rebuild_is_stable_and_independent_of_ingest_order(tmp_path, attack_graph):
    reports = _reports(attack_graph)
    one, other = open_store(tmp_path / "one"), open_store(tmp_path / "other")
    _write(one, reports, ["a", "b"])
    _write(other, reports, ["b", "a"])
    rebuild_incidents(one)
    first = _incident_quads(one)
    assert first
    rebuild_incidents(one)
    assert _incident_quads(one) == first
    assert sync_graph(one, incidents_graph(), first) == (0, 0)  # nothing rewritten
    rebuild_incidents(other)
    assert _incident_quads(other) == first


def test_removing_an_article_leaves_an_incident_of_one_report(tmp_store, attack_graph):
    reports = _reports(attack_graph)
    store = open_store(tmp_store)
    _write(store, reports, ["a", "b"])
    rebuild_incidents(store)
    store.remove_graph(reports["b"][0])
    assert rebuild_incidents(store) == 1
    [inc] = [q.subject for q in store.quads_for_pattern(None, None, ox.NamedNode(KG + "Incident"), incidents_graph())]
    assert int(_one(store, inc, KG + "reports").value) == 1
    assert [int(_one(store, inc, KG + p).value) for p in ("killed", "killedMin", "killedMax")] == [2, 2, 2]
    store.remove_graph(reports["a"][0])
    assert rebuild_incidents(store) == 0 and not _incident_quads(store)


# --- SHACL ------------------------------------------------------------------------------------


def test_valid_events_and_incidents_pass_kg_validate(tmp_store, attack_graph):
    store = open_store(tmp_store)
    _write(store, _reports(attack_graph), ["a", "b"])
    rebuild_incidents(store)
    assert validate_store(store) == []
    assert validate_store(store, sample=1) == []
    del store
    for args in (["validate"], ["validate", "--sample", "1"]):
        result = CliRunner().invoke(cli, ["--store", str(tmp_store), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert "conforms" in result.output


def _event_of(store: ox.Store, g: ox.NamedNode) -> ox.NamedNode:
    return next(store.quads_for_pattern(None, None, ox.NamedNode(KG + "Attack"), g)).subject


def _set(store: ox.Store, s, p: str, value, g) -> None:
    """Replace every value of ``p`` on ``s`` in ``g`` by ``value``."""
    for q in list(store.quads_for_pattern(s, ox.NamedNode(p), None, g)):
        store.remove(q)
    if value is not None:
        store.add(ox.Quad(s, ox.NamedNode(p), value, g))


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def _two_locations(s: ox.Store, g) -> None:
    s.add(ox.Quad(_event_of(s, g), ox.NamedNode(KG + "location"), ox.NamedNode(BELGOROD_E.iri), g))


def _negative_killed(s: ox.Store, g) -> None:
    _set(s, _event_of(s, g), KG + "killed", _int(-2), g)


def _anchor_mismatch(s: ox.Store, g) -> None:
    trigger = next(s.quads_for_pattern(_event_of(s, g), ox.NamedNode(KG + "trigger"), None, g)).object
    _set(s, trigger, NIF + "anchorOf", ox.Literal("struck"), g)


def _trigger_elsewhere(s: ox.Store, g) -> None:
    _set(s, _event_of(s, g), KG + "trigger", ox.NamedNode(g.value + "#trigger=0,3"), g)


def _no_incident(s: ox.Store, g) -> None:
    s.remove_graph(incidents_graph())


def _wrong_report_count(s: ox.Store, g) -> None:
    for q in list(s.quads_for_pattern(None, ox.NamedNode(KG + "reports"), None, incidents_graph())):
        _set(s, q.subject, KG + "reports", _int(5), incidents_graph())


def _killed_out_of_range(s: ox.Store, g) -> None:
    for q in list(s.quads_for_pattern(None, ox.NamedNode(KG + "killed"), None, incidents_graph())):
        _set(s, q.subject, KG + "killedMax", _int(1), incidents_graph())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_two_locations, "at most one location"),
        (_negative_killed, "kg:killed is at most one xsd:integer, 0 or more"),
        (_anchor_mismatch, "nif:anchorOf is not the text between"),
        (_trigger_elsewhere, "exactly one kg:trigger, a kg:Trigger"),
        (_no_incident, "reported by exactly one incident"),
        (_wrong_report_count, "kg:reports is not the number"),
        (_killed_out_of_range, "kg:killed of an incident lies outside"),
    ],
)
def test_broken_events_are_reported(tmp_store, attack_graph, change, message):
    store = open_store(tmp_store)
    reports = _reports(attack_graph)
    g, _ = reports["a"]
    _write(store, reports, ["a"])
    rebuild_incidents(store)
    assert validate_store(store) == []
    change(store, g)
    messages = [v.message for v in validate_store(store)]
    assert any(message in m for m in messages), messages


def test_sampled_validation_brings_whole_incidents(tmp_store, attack_graph):
    reports = _reports(attack_graph)
    store = open_store(tmp_store)
    _write(store, reports, ["a", "b"])
    rebuild_incidents(store)
    from kg.validate import store_graph

    for seed in range(3):
        g = store_graph(store, sample=1, seed=seed)
        incidents = set(g.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Incident")))
        attacks = set(g.subjects(rdflib.RDF.type, rdflib.URIRef(KG + "Attack")))
        # Whichever article is drawn, the Kharkiv incident comes with both its reports.
        assert len(attacks) >= 2 and incidents
        assert {o for i in incidents for o in g.objects(i, rdflib.URIRef(KG + "reportedBy"))} <= attacks
        # And every attack that comes (article a brings b for the Kharkiv incident, and b
        # brings its Belgorod report) comes with its own incident.
        assert {s for s in attacks if not any(g.subjects(rdflib.URIRef(KG + "reportedBy"), s))} == set()


def test_every_ingest_rebuilds_the_incidents(tmp_store, attack_graph, ingest_into, extra_articles):
    reports = _reports(attack_graph)
    store = open_store(tmp_store)
    _write(store, reports, ["a", "b"])
    del store
    gc.collect()
    report = ingest_into(tmp_store, [extra_articles / "belgorod-shelling.txt"])
    store = open_store(tmp_store)
    incidents = [q.subject for q in store.quads_for_pattern(None, None, ox.NamedNode(KG + "Incident"), incidents_graph())]
    assert report.incidents == len(incidents) >= 2  # the two written above, and any the new article reports
    assert 2 in {int(_one(store, i, KG + "reports").value) for i in incidents}


UKRAINE_E = _entity("gn/690791", "Place", "Ukraine", ["Country"])
PLANT_E = _entity("kharkiv-tpp-5", "Place", "Kharkiv TPP-5", ["Facility"])
# The knowledge base the test entities come from, so that the entity graph gives them their classes.
TEST_KB = KnowledgeBase(
    [KBEntry(e.kb_id, e.type, e.label, [], list(e.classes)) for e in (KHARKIV_E, BELGOROD_E, RUSSIA_E, SHAHED_E, UKRAINE_E, PLANT_E) if e.kb_id]
)
TEXT_C = "Power plant hit\n\nA drone strike hit the Kharkiv TPP-5 power plant on Saturday."
TEXT_D = "Night of drones\n\nRussia attacked Ukraine with Shahed drones on Saturday, killing two."


def test_a_place_within_another_meets_it_but_a_country_meets_nothing(tmp_store, attack_graph):
    reports = _reports(attack_graph)
    c = _article("https://example.org/c", dt.date(2023, 12, 31), TEXT_C)
    d = _article("https://example.org/d", dt.date(2023, 12, 31), TEXT_D)
    reports["c"] = attack_graph(c, [_event(TEXT_C, "strike", TEXT_C.split("\n\n")[1], location=PLANT_E, date=D)])
    reports["d"] = attack_graph(
        d, [_event(TEXT_D, "attacked", TEXT_D.split("\n\n")[1], location=UKRAINE_E, actor=RUSSIA_E, weapons=[SHAHED_E], killed=2, date=D)]
    )
    store = open_store(tmp_store)
    _write(store, reports, ["d", "c", "b", "a"])
    part_of, kb = ox.NamedNode(KG + "partOf"), entity_graph()
    store.extend(
        [
            ox.Quad(ox.NamedNode(PLANT_E.iri), part_of, ox.NamedNode(KHARKIV_E.iri), kb),
            ox.Quad(ox.NamedNode(KHARKIV_E.iri), part_of, ox.NamedNode(UKRAINE_E.iri), kb),
        ]
    )
    assert rebuild_incidents(store) == 3  # Kharkiv (a, b, c), Belgorod (b), Ukraine (d)
    incidents = [q.subject for q in store.quads_for_pattern(None, None, ox.NamedNode(KG + "Incident"), incidents_graph())]
    by_reports = {int(_one(store, i, KG + "reports").value): i for i in incidents}
    assert sorted(by_reports) == [1, 3]
    assert _one(store, by_reports[3], KG + "location").value == PLANT_E.iri
    places = {_one(store, i, KG + "location").value for i in incidents}
    assert places == {PLANT_E.iri, BELGOROD_E.iri, UKRAINE_E.iri}
    assert validate_store(store) == []


def test_one_sparql_update_is_one_transaction(tmp_store):
    # sync_graph deletes and inserts in one update request; that is atomic only because
    # pyoxigraph runs a whole request in one transaction. Here the last operation fails,
    # and the deletion and insertion before it are undone with it.
    store = open_store(tmp_store)
    g = ox.NamedNode("http://example.org/g")
    store.update(f"INSERT DATA {{ GRAPH {g} {{ <http://example.org/a> <http://example.org/p> 1 }} }}")
    before = set(store)
    with pytest.raises(RuntimeError):
        store.update(f"DROP GRAPH {g} ; INSERT DATA {{ GRAPH {g} {{ <http://example.org/b> <http://example.org/p> 2 }} }} ; CREATE GRAPH {g}")
    assert set(store) == before
    assert sync_graph(
        store,
        g,
        [ox.Quad(ox.NamedNode("http://example.org/b"), ox.NamedNode("http://example.org/p"), ox.Literal("2.0", datatype=ox.NamedNode(XSD + "double")), g)],
    ) == (1, 1)
    assert sync_graph(
        store,
        g,
        [ox.Quad(ox.NamedNode("http://example.org/b"), ox.NamedNode("http://example.org/p"), ox.Literal("2.0", datatype=ox.NamedNode(XSD + "double")), g)],
    ) == (0, 0)
    assert [q.subject.value for q in store] == ["http://example.org/b"]


# --- the incident graph kept up to date incrementally (kg/incident_upkeep.py) ----------------

OBLAST_E = _entity("kharkiv-oblast", "Place", "Kharkiv Oblast", ["Region"])
SHELL_E = _entity("artillery", "Weapon", "artillery", ["WeaponType", "Artillery"])
# Places that lie in each other through the knowledge base (so that the entity graph's
# kg:partOf comes and goes with the articles naming them), and a country at the top.
NESTED_KB = KnowledgeBase(
    [
        KBEntry("gn/690791", "Place", "Ukraine", [], ["Country"]),
        KBEntry("kharkiv-oblast", "Place", "Kharkiv Oblast", [], ["Region"], part_of="gn/690791"),
        KBEntry("gn/706483", "Place", "Kharkiv", [], ["City"], part_of="kharkiv-oblast"),
        KBEntry("kharkiv-tpp-5", "Place", "Kharkiv TPP-5", [], ["Facility"], part_of="gn/706483"),
        KBEntry("gn/578072", "Place", "Belgorod", [], ["City"]),
        KBEntry("gn/2017370", "Place", "Russia", [], ["Country"]),
        KBEntry("hesa-shahed-136", "Weapon", "Shahed", [], ["WeaponSystem", "Drone"]),
        KBEntry("artillery", "Weapon", "artillery", [], ["WeaponType", "Artillery"]),
    ]
)
_PLACES = [KHARKIV_E, PLANT_E, OBLAST_E, BELGOROD_E, UKRAINE_E, None]


def _random_article(r: random.Random, name: str, version: int, attack_graph) -> tuple[ox.NamedNode, list[ox.Quad]]:
    """Article ``name`` (its URL; ``version`` varies its reports) with one to three
    attack reports drawn at random, each in a sentence of its own naming its entities."""
    sentences, slots = [], []
    for k in range(r.randint(1, 3)):
        # Kharkiv as an "actor" names it without placing a report there: its entity facts
        # (kg:partOf its oblast) then come and go with articles no report there shares.
        place, actor = r.choice(_PLACES), r.choice([RUSSIA_E, None, KHARKIV_E])
        weapons = r.choice([[], [SHAHED_E], [SHELL_E]])
        named = " and ".join(e.label for e in [actor, place, *weapons] if e is not None) or "someone"
        sentences.append(f"Report {k} of {version}: a strike hit near {named}.")
        killed = r.choice([None, 1, 2, 3, 9, 30])
        day = r.choice([None, D, D, D + dt.timedelta(days=1), D + dt.timedelta(days=2), D + dt.timedelta(days=3)])
        slots.append(dict(location=place, actor=actor, weapons=weapons, killed=killed, date=day, confidence=r.choice([0.5, 0.8])))
    text = f"Strikes {name}\n\n" + " ".join(sentences)
    article = _article(f"https://example.org/{name}", D + dt.timedelta(days=r.choice([0, 1, 2])), text)
    return attack_graph(article, [_event(text, "strike", s, **sl) for s, sl in zip(sentences, slots)])


def _full_rebuild(store: ox.Store) -> set[ox.Quad]:
    """The incident graph the full rebuild gives, without writing it."""
    scratch = ox.Store()
    scratch.extend(incident_quads(incidents_of(read_events(store)), incidents_graph()))
    return set(scratch)


@pytest.mark.parametrize("seed", range(6))
def test_incremental_incidents_equal_a_full_rebuild_whatever_the_order(tmp_path, attack_graph, seed):
    r = random.Random(seed)
    names = [f"n{i}" for i in range(10)]
    versions = {n: [_random_article(random.Random(f"{seed}-{n}-{v}"), n, v, attack_graph) for v in range(2)] for n in names}
    store = open_store(tmp_path / "store")
    changes = IncidentChanges(marker=tmp_path / "pending")
    present: dict[str, int] = {}
    for step in range(14):
        # A "run": a few writes (new articles, new versions of some, removals) watched by
        # one IncidentChanges, then one incremental update.
        for _ in range(r.randint(1, 4)):
            batch = r.sample(names, r.randint(1, 3))
            gone = [n for n in batch if n in present and r.random() < 0.3]
            written = [n for n in batch if n not in gone]
            for n in written:
                present[n] = r.randrange(2)
            for n in gone:
                del present[n]
            write_articles(store, NESTED_KB, [versions[n][present[n]] for n in written], remove=[versions[n][0][0] for n in gone], watch=changes)
        assert (tmp_path / "pending").exists()
        changes.apply(store)
        assert not (tmp_path / "pending").exists()
        assert _incident_quads(store) == _full_rebuild(store), f"step {step}"
    assert len(_incident_quads(store)) > 0
    # The same articles written in another order, all at once, give the same incidents.
    other = open_store(tmp_path / "other")
    final = [versions[n][v] for n, v in sorted(present.items(), reverse=True)]
    write_articles(other, NESTED_KB, final, watch=(fresh := IncidentChanges()))
    fresh.apply(other)
    assert _incident_quads(other) == _incident_quads(store)


@pytest.mark.parametrize("seed", range(3))
def test_an_update_that_opens_the_store_again_as_it_reads_gives_the_same_incidents(tmp_path, attack_graph, seed):
    # apply_at opens the store itself, and again every `every` records it reads (so that
    # RocksDB's caches do not grow with the store): the same graph as apply, written in
    # chunks between reopenings, the marker gone after.
    names = [f"n{i}" for i in range(10)]
    articles = [_random_article(random.Random(f"{seed}-{n}"), n, 0, attack_graph) for n in names]
    reference = open_store(tmp_path / "reference")
    write_articles(reference, NESTED_KB, articles, watch=(once := IncidentChanges()))
    expected = once.apply(reference)
    path = tmp_path / "store"
    store = open_store(path)
    changes = IncidentChanges(marker=tmp_path / "pending")
    write_articles(store, NESTED_KB, articles[:6], watch=changes)
    write_articles(store, NESTED_KB, articles[6:], watch=changes)
    del store
    gc.collect()
    assert changes.apply_at(path, every=2) == expected > 1
    assert changes.last_openings > 3 and not (tmp_path / "pending").exists() and not changes
    store = open_store(path)
    assert _incident_quads(store) == _incident_quads(reference) == _full_rebuild(store)


def test_a_full_rebuild_in_bounded_memory_gives_the_full_rebuild(tmp_path, attack_graph, monkeypatch):
    # rebuild_at (kg load's): the old incident graph emptied in chunks, every record
    # clustered a component at a time; an article gone and a stray incident quad, both
    # unwatched, are set right as rebuild_incidents would.
    import kg.incident_upkeep as iu

    monkeypatch.setattr(iu, "_CHUNK", 3)
    articles = [_random_article(random.Random(f"full-{n}"), f"n{n}", 0, attack_graph) for n in range(10)]
    path = tmp_path / "store"
    store = open_store(path)
    write_articles(store, NESTED_KB, articles, watch=(changes := IncidentChanges()))
    changes.apply(store)
    store.remove_graph(articles[0][0])
    stray = ox.NamedNode(base_iri() + "incident/stray")
    store.add(ox.Quad(stray, ox.NamedNode(KG + "reports"), ox.Literal("1", datatype=ox.NamedNode(XSD + "integer")), incidents_graph()))
    expected = _full_rebuild(store)
    del store
    gc.collect()
    n = IncidentChanges(marker=tmp_path / "pending").rebuild_at(path, every=2)
    store = open_store(path)
    assert _incident_quads(store) == expected and n == len({q.subject for q in expected}) > 1
    assert not (tmp_path / "pending").exists()


def test_incremental_update_redoes_only_what_a_change_reaches(tmp_store, attack_graph):
    store = open_store(tmp_store)
    changes = IncidentChanges()
    reports = _reports(attack_graph)
    write_articles(store, NESTED_KB, [reports["a"], reports["b"]], watch=changes)
    assert changes.apply(store) == 2
    far = _article("https://example.org/far", D + dt.timedelta(days=40), "Far away\n\nA strike hit Belgorod again.")
    far_quads = attack_graph(far, [_event(far.text, "strike", "A strike hit Belgorod again.", location=BELGOROD_E, date=far.date)])
    write_articles(store, NESTED_KB, [far_quads], watch=changes)
    # Forty days from the others: the component of the new record is that record alone.
    [new] = events_in(store, [far_quads[0]])
    assert components(Neighbourhood(store), changes.before_cells, changes.touched) == {new.value}
    assert changes.apply(store) == 3
    assert _incident_quads(store) == _full_rebuild(store)


def test_incidents_left_behind_by_a_killed_run_are_rebuilt(tmp_path, attack_graph):
    store = open_store(tmp_path / "store")
    reports = _reports(attack_graph)
    write_articles(store, NESTED_KB, [reports["a"]], watch=IncidentChanges(marker=tmp_path / "pending"))
    # The run is killed here: its writes are in, its incident update is not.
    assert (tmp_path / "pending").exists() and not _incident_quads(store)
    later = IncidentChanges(marker=tmp_path / "pending")
    assert later.everything
    write_articles(store, NESTED_KB, [reports["b"]], watch=later)
    assert later.apply(store) == 2
    assert _incident_quads(store) == _full_rebuild(store)


def test_a_place_named_elsewhere_joins_reports_through_its_kg_part_of(tmp_store, attack_graph):
    # Reports on a power plant and on its oblast meet only through the city between
    # them; the city's kg:partOf is in the store only while some article names the city.
    # An article that names it in passing (no report there) joins the two reports, and
    # its removal parts them again: the incremental update must see both.
    def one(name: str, sentence: str, **slots):
        article = _article(f"https://example.org/{name}", D, f"{name}\n\n{sentence}")
        return attack_graph(article, [_event(article.text, "strike", sentence, date=D, **slots)])

    plant = one("plant", "A strike hit Kharkiv TPP-5.", location=PLANT_E)
    oblast = one("oblast", "A strike hit Kharkiv Oblast.", location=OBLAST_E)
    city = one("city", "A strike hit somewhere, Kharkiv said.", actor=KHARKIV_E)
    store = open_store(tmp_store)
    changes = IncidentChanges()
    write_articles(store, NESTED_KB, [plant, oblast], watch=changes)
    assert changes.apply(store) == 2
    write_articles(store, NESTED_KB, [city], watch=changes)
    assert changes.apply(store) == 2  # the plant's and the oblast's reports are one now; the city's is alone
    reports = [int(q.object.value) for q in store.quads_for_pattern(None, ox.NamedNode(KG + "reports"), None, incidents_graph())]
    assert sorted(reports) == [1, 2]
    assert _incident_quads(store) == _full_rebuild(store)
    write_articles(store, NESTED_KB, [], remove=[city[0]], watch=changes)
    assert changes.apply(store) == 2
    assert _incident_quads(store) == _full_rebuild(store)


def test_a_replaced_article_leaves_the_store_a_first_write_of_it_would(tmp_path, attack_graph):
    # Text changed (every offset moved): the old graph is dropped and the new one written
    # whole. Text the same, a figure changed: only the quads that differ are written.
    # Either way the store is what writing the final versions into an empty store gives.
    r = random.Random(7)
    v0, v1 = (_random_article(random.Random(f"x-{v}"), "x", v, attack_graph) for v in range(2))
    y0 = _random_article(r, "y", 0, attack_graph)
    g, quads = y0
    rescored = (g, [ox.Quad(q.subject, q.predicate, _int(99), g) if q.predicate.value == KG + "killed" else q for q in quads])
    assert rescored[1] != quads  # some report states a figure
    store = open_store(tmp_path / "store")
    write_articles(store, NESTED_KB, [v0, y0])
    assert write_articles(store, NESTED_KB, [v1, rescored]).deleted > 0
    fresh = open_store(tmp_path / "fresh")
    write_articles(fresh, NESTED_KB, [v1, rescored])
    assert set(store) == set(fresh)


def test_an_update_through_a_handle_started_from_an_open_store_gives_the_same_incidents(tmp_path, attack_graph):
    # What ingest does after a run: one handle, started from the store the run wrote with
    # (no closing and opening again first), shared by the corpus-names pass and this
    # update; each pass counts its reads afresh, and the handle still reopens as it reads.
    from kg.passes import StoreHandle

    names = [f"n{i}" for i in range(8)]
    articles = [_random_article(random.Random(f"h-{n}"), n, 0, attack_graph) for n in names]
    reference = open_store(tmp_path / "reference")
    write_articles(reference, NESTED_KB, articles, watch=(once := IncidentChanges()))
    expected = once.apply(reference)
    path = tmp_path / "store"
    store = open_store(path)
    changes = IncidentChanges()
    write_articles(store, NESTED_KB, articles, watch=changes)
    handle = StoreHandle(store, path=path, every=1000)
    del store
    handle.tick(999)  # what an earlier pass read: not counted against this one
    assert changes.apply_at(handle, every=2) == expected > 1
    assert changes.last_openings > 2 and handle.every == 2
    del handle
    gc.collect()
    store = open_store(path)
    assert _incident_quads(store) == _incident_quads(reference) == _full_rebuild(store)
