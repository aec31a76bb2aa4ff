"""The query library: every shipped query runs on the seeds' store and answers what it should."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import query as kq
from kg.cli import cli
from kg.errors import QueryError
from kg.store import open_store

QUERIES = sorted(kq.QUERY_DIR.glob("*.rq"))


class Has:
    """Expected: a string containing this text."""

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, str) and self.text in other

    def __repr__(self) -> str:
        return f"Has({self.text!r})"


class AtLeast:
    def __init__(self, n: float):
        self.n = n

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (int, float)) and other >= self.n

    def __repr__(self) -> str:
        return f"AtLeast({self.n})"


# Per shipped query: the parameters to pass, rows the answer must contain (a row matches
# when it has every key with an equal value), and rows it must not contain.
EXPECT: dict[str, dict] = {
    "entities-by-type": dict(
        contains=[
            {"type": "Place", "label": "Kharkiv", "classes": Has("City"), "mentions": AtLeast(2), "articles": 2},
            {"type": "Person", "label": "Ihor Terekhov", "articles": 2},
            {"type": "Weapon", "label": "HESA Shahed 136", "classes": Has("Drone")},
            {"type": "Organization", "label": "NATO"},
        ]
    ),
    "articles-mentioning": dict(
        params={"entity": "Kharkiv"},
        contains=[
            {"date": "2023-12-31", "outlet": "Agence France-Presse", "headline": Has("Retaliation for Attack on Belgorod"),
             "url": Has("themoscowtimes.com"), "mentions": AtLeast(1)},
            {"date": "2024-03-03", "outlet": "Reuters", "headline": Has("Drones hit Kyiv")},
        ],
        rows=2,
    ),
    "co-mentioned": dict(
        params={"entity": "Kharkiv"},
        contains=[{"label": "Ihor Terekhov", "type": "Person", "sentences": AtLeast(1), "articles": 2}],
        excludes=[{"label": "Kharkiv"}],
    ),
    "people-organisations-places": dict(
        contains=[
            {"label": "Jens Stoltenberg", "organisations": Has("NATO"), "places": Has("Kyiv")},
            {"label": "Ihor Terekhov", "places": Has("Kharkiv"), "articles": 2},
        ]
    ),
    "weapons-places": dict(
        contains=[{"weaponLabel": "HESA Shahed 136", "placeLabel": "Kharkiv", "sentences": AtLeast(1),
                   "example": Has("Shahed")}]
    ),
    "places-map": dict(
        contains=[{"label": "Kharkiv", "lat": AtLeast(49.9), "lon": AtLeast(36.2),
                   "geonames": "https://sws.geonames.org/706483/"}],
        every={"lat": AtLeast(-90), "lon": AtLeast(-180)},
    ),
    "mentions-over-time": dict(
        params={"entity": "Kharkiv"},
        contains=[{"when": "2023-12", "articles": 1}, {"when": "2024-03", "articles": 1}],
        rows=2,
    ),
    "outlet-coverage": dict(
        contains=[
            {"outletLabel": "Reuters", "outletArticles": 2, "entityLabel": "Kyiv"},
            {"outletLabel": "Agence France-Presse", "entityLabel": "Belgorod", "percent": 100},
        ]
    ),
    "co-occurrence-sentences": dict(
        params={"entity": "Ihor Terekhov", "other": "Kharkiv"},
        contains=[{"sentence": Has("Terekhov"), "outlet": "Reuters", "date": "2024-03-03"}],
        every={"sentence": Has("Terekhov")},
    ),
    "entities-without-identifier": dict(
        contains=[{"label": "Thomas Phipps", "type": "Person", "forms": Has("Thomas Phipps")}],
        excludes=[{"label": "Kharkiv"}, {"label": "Vladimir Putin"}],
    ),
    "central-entities": dict(
        contains=[{"label": "Kharkiv", "type": "Place", "degree": AtLeast(3)}, {"label": "Kyiv", "degree": AtLeast(5)}],
    ),
    "articles-per-outlet-month": dict(
        contains=[
            {"outlet": "Agence France-Presse", "month": "2023-12", "articles": 1},
            {"outlet": "Reuters", "month": "2024-03", "articles": 1},
            {"outlet": "Reuters", "month": "2024-04", "articles": 1},
        ],
        rows=3,
    ),
    "surface-forms": dict(
        contains=[{"label": "Volodymyr Zelenskyy", "form": "Zelensky", "mentions": AtLeast(1)}],
    ),
    "sentences-mentioning": dict(
        params={"entity": "terekhov"},
        contains=[{"outlet": "Reuters", "form": "Ihor Terekhov", "sentence": Has("school was damaged")}],
        every={"sentence": Has("Terekhov")},
    ),
}

# The event queries, on the synthetic store of tests/data/events.trig: seven incidents
# from eight reports (the Kharkiv attack of 2023-12-31 is reported twice, once with 2
# and once with 3 killed); Kharkiv, Kyiv and Chuhuiv Raion lie in Ukraine by kg:partOf
# (Chuhuiv Raion through Kharkiv Oblast), Odesa only by its country code.
UKRAINE_ATTACKS = [
    {"location": "Kharkiv", "attacker": "Russia", "date": "2023-12-31", "killed": 3, "injured": 5, "reports": 2,
     "weapons": "HESA Shahed 136", "sentence": Has("Kharkiv")},
    {"location": "Kyiv", "weapons": Has("9K720 Iskander"), "killed": None, "reports": 1},
    {"location": "Kyiv", "weapons": Has("HESA Shahed 136")},
    {"location": "Odesa", "attacker": None, "date": None, "killed": 1, "injured": 3},
    {"location": "Chuhuiv Raion", "date": "2024-03-09", "killed": 3},
]
EVENT_EXPECT: dict[str, dict] = {
    "attacks": dict(
        contains=UKRAINE_ATTACKS + [
            {"location": "Belgorod", "attacker": "Ukraine", "killed": 22, "injured": 100, "weapons": "cluster munition"},
            {"location": None, "attacker": "Russia", "sentence": Has("elsewhere")},
        ],
        rows=7,  # incidents, not the eight reports
    ),
    "attacks-in-ukraine": dict(
        query="attacks", params={"place": "Ukraine"}, contains=UKRAINE_ATTACKS, rows=4,
        excludes=[{"location": "Belgorod"}, {"location": None}],
    ),
    "attacks-in-kharkiv-oblast": dict(
        query="attacks", params={"place": "Kharkiv region"}, contains=[{"location": "Chuhuiv Raion"}], rows=1,
    ),
    "attacks-in-kharkiv": dict(
        query="attacks", params={"place": "kharkov"}, contains=[{"location": "Kharkiv", "reports": 2}], rows=1,
    ),
    "attacks-by-russia-with-shaheds-this-year": dict(
        query="attacks", params={"actor": "Russia", "weapon": "Shahed", "since": "2024-01-01"},
        contains=[{"location": "Kyiv", "date": "2024-03-03"}], rows=1,
    ),
    "attacks-until": dict(
        query="attacks", params={"until": "2023-12-31"},
        contains=[{"location": "Kharkiv"}, {"location": "Belgorod", "date": "2023-12-30"}], rows=2,
    ),
    "attacks-by-an-organisation": dict(
        query="attacks", params={"actor": "Ukrainian Armed Forces"},
        contains=[{"location": "Belgorod", "attacker": "Armed Forces of Ukraine", "date": "2024-03-08"}], rows=1,
    ),
    "casualties-by-place-month": dict(
        contains=[
            {"month": "2023-12", "location": "Kharkiv", "attacks": 1, "killed": 3, "injured": 5, "reports": 2},
            {"month": "2023-12", "location": "Belgorod", "attacks": 1, "killed": 22, "injured": 100},
            {"month": "2024-03", "location": "Belgorod", "attacks": 1, "killed": 0},
            {"month": None, "location": "Odesa", "attacks": 1, "killed": 1},
        ],
        rows=6,  # the attack with no stated place is not in any place's row
    ),
    "casualties-in-russia": dict(
        query="casualties-by-place-month", params={"place": "Russia"},
        every={"location": "Belgorod"}, rows=2,
    ),
    "weapons-by-actor": dict(
        contains=[
            {"attacker": "Russia", "weapon": "HESA Shahed 136", "attacks": 2, "killed": 3, "injured": 5,
             "first": "2023-12-31", "last": "2024-03-03"},
            {"attacker": "Russia", "weapon": "9K720 Iskander", "attacks": 2, "killed": 3},
            {"attacker": "Ukraine", "weapon": "cluster munition", "attacks": 1, "killed": 22},
        ],
        rows=3,
    ),
    "weapons-of-russia-since": dict(
        query="weapons-by-actor", params={"actor": "Russian Federation", "since": "2024-01-01"},
        contains=[{"weapon": "HESA Shahed 136", "attacks": 1, "killed": 0}], every={"attacker": "Russia"}, rows=2,
    ),
    "attacks-per-day": dict(
        params={"place": "Ukraine"},
        contains=[
            {"date": "2023-12-31", "attacks": 1, "killed": 3, "injured": 5, "places": "Kharkiv"},
            {"date": "2024-03-03", "attacks": 1, "places": "Kyiv"},
            {"date": "2024-03-09", "attacks": 1, "killed": 3, "places": "Chuhuiv Raion"},
            {"date": None, "attacks": 1, "places": "Odesa"},
        ],
        rows=4,
    ),
    "attacks-per-day-in-belgorod": dict(
        query="attacks-per-day", params={"place": "Belgorod", "since": "2024-01-01"},
        contains=[{"date": "2024-03-08", "attacks": 1}], rows=1,
    ),
}
EVENT_QUERIES = {spec.get("query", name) for name, spec in EVENT_EXPECT.items()}


@pytest.fixture(scope="module")
def store(seed_store):
    return open_store(seed_store, read_only=True)


@pytest.fixture(scope="module")
def events(events_store):
    return open_store(events_store, read_only=True)


def test_every_shipped_query_has_an_expectation():
    assert len(QUERIES) >= 12
    assert {p.stem for p in QUERIES} == set(EXPECT) | EVENT_QUERIES
    assert not set(EXPECT) & EVENT_QUERIES


def _check(rows: list[dict], spec: dict) -> None:
    for want in spec.get("contains", []):
        assert any(all(row.get(k) == v for k, v in want.items()) for row in rows), (want, rows)
    for unwanted in spec.get("excludes", []):
        assert not any(all(row.get(k) == v for k, v in unwanted.items()) for row in rows), unwanted
    for k, v in spec.get("every", {}).items():
        assert all(row.get(k) == v for row in rows), (k, v)
    if "rows" in spec:
        assert len(rows) == spec["rows"], rows


@pytest.mark.parametrize("name", sorted(EVENT_EXPECT))
def test_event_query_answers(events, events_store, name: str):
    spec = EVENT_EXPECT[name]
    q = kq.load(spec.get("query", name))
    _check(list(kq.records(kq.run(events, q, spec.get("params", {}), folder=events_store))), spec)


def test_kg_query_attacks_in_a_country_lists_its_cities(events_store):
    result = run(events_store, "query", "attacks", "--param", "place=Ukraine", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["location"] for r in rows} == {"Kharkiv", "Kyiv", "Odesa", "Chuhuiv Raion"}
    assert rows[0]["date"] >= rows[1]["date"]  # newest first


@pytest.mark.parametrize(
    "args,message",
    [
        (["attacks", "-p", "place=Shahed"], "no place named 'Shahed'"),  # a weapon is no place
        (["attacks", "-p", "weapon=Kharkiv"], "no weapon named 'Kharkiv'"),
        (["attacks", "-p", "actor=Shahed"], "no organization or place named"),
        (["attacks-per-day"], "parameter place is required"),
        (["attacks", "-p", "since=March"], "not a date"),
    ],
)
def test_event_parameters_are_typed(events_store, args, message):
    result = CliRunner().invoke(cli, ["--store", str(events_store), "query", *args])
    assert result.exit_code == 1 and message in result.output, result.output


@pytest.mark.parametrize("path", [p for p in QUERIES if p.stem not in EVENT_QUERIES],
                         ids=[p.stem for p in QUERIES if p.stem not in EVENT_QUERIES])
def test_shipped_query_answers(store, path: Path):
    spec = EXPECT[path.stem]
    q = kq.load(path.stem)
    rows = list(kq.records(kq.run(store, q, spec.get("params", {}))))
    _check(rows, spec)


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_shipped_query_header(path: Path):
    q = kq.load_file(path)
    assert q.title and q.description.endswith(".")
    kq.check_syntax(q)  # parses as written, with no parameter bound (as YASGUI would send it)
    for p in q.params:
        assert p.kind in kq.KINDS and p.help


def run(seed_store, *args, input=None):
    return CliRunner().invoke(cli, ["--store", str(seed_store), *args], input=input, catch_exceptions=False)


def test_demo_query_prints_a_table(seed_store):
    result = run(seed_store, "query", "entities-by-type", "--limit", "15")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["type", "label", "classes"]
    assert lines[-1] == "(15 rows)"


def test_list_shows_every_query_with_its_description(seed_store):
    result = run(seed_store, "query", "--list")
    assert result.exit_code == 0
    for path in QUERIES:
        q = kq.load_file(path)
        assert q.name in result.output and q.description in result.output


@pytest.mark.parametrize("fmt", [f for f in kq.FORMATS if f not in ("turtle", "ntriples")])  # RDF: tests/test_dump.py
def test_formats(seed_store, fmt):
    result = run(seed_store, "query", "articles-mentioning", "--param", "entity=kharkov", "--format", fmt)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "entity=kharkov is Kharkiv (Place) <" in result.stderr
    if fmt == "json":
        doc = json.loads(out)
        assert "headline" in doc["head"]["vars"] and len(doc["results"]["bindings"]) == 2
        b = doc["results"]["bindings"][0]
        assert b["url"]["type"] == "uri" and b["date"]["datatype"].endswith("#date")
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        assert {r["date"] for r in rows} == {"2023-12-31", "2024-03-03"}
    elif fmt == "csv":
        assert out.splitlines()[0] == "date,outlet,headline,url,mentions,article"
    elif fmt == "tsv":
        assert out.splitlines()[0].startswith("?date\t?outlet")
        assert '"2024-03-03"^^<http://www.w3.org/2001/XMLSchema#date>' in out
    elif fmt == "xml":
        import io

        import rdflib.query

        parsed = rdflib.query.Result.parse(io.BytesIO(result.stdout_bytes), format="xml")
        assert "headline" in [str(v) for v in parsed.vars] and len(list(parsed)) == 2
        assert {str(row["date"]) for row in parsed} == {"2023-12-31", "2024-03-03"}
    else:
        assert "Reuters" in out and "(2 rows)" in out


def test_query_from_file_and_stdin(seed_store, tmp_path):
    f = tmp_path / "count.rq"
    f.write_text("# title: Count\nSELECT (COUNT(*) AS ?n) WHERE { ?a a <https://schema.org/NewsArticle> }\n")
    assert run(seed_store, "query", str(f), "-f", "csv").output.splitlines() == ["n", "3"]
    result = run(seed_store, "query", "-", "-f", "csv", input=f.read_text())
    assert result.output.splitlines() == ["n", "3"]


def test_syntax_error_reports_message_and_position(seed_store, tmp_path):
    f = tmp_path / "bad.rq"
    f.write_text("# title: bad\nSELECT ?s\nWHERE {\n  ?s foo:bar ?o }\n")
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "query", str(f)])
    assert result.exit_code == 1
    assert "bad:4:" in result.output and "syntax error" in result.output and "^" in result.output


@pytest.mark.parametrize(
    "args,message",
    [
        (["articles-mentioning"], "parameter entity is required"),
        (["articles-mentioning", "-p", "nope=1"], "no parameter nope"),
        (["articles-mentioning", "-p", "entity"], "NAME=VALUE"),
        (["articles-mentioning", "-p", "entity=Kharkiv", "-p", "since=yesterday"], "not a date"),
        (["articles-mentioning", "-p", "entity=Qwxzv Plmkj"], "no entity named"),
        (["no-such-query"], "no query named"),
    ],
)
def test_bad_invocations_fail_cleanly(seed_store, args, message):
    result = CliRunner().invoke(cli, ["--store", str(seed_store), "query", *args])
    assert result.exit_code != 0 and message in result.output


HOSTILE = ['"} DROP ALL {', "x' } ; DROP ALL ; { '", '\\"\\n}}>}', "<http://evil> } DELETE WHERE { ?s ?p ?o"]


@pytest.mark.parametrize("text", HOSTILE)
def test_parameters_are_bound_as_terms_not_pasted(seed_store, text):
    before = len(open_store(seed_store, read_only=True))
    q = kq.parse_header("# param: name string\nSELECT ?s WHERE { ?s ?p ?name }", "t")
    bound = kq.bind(q.text, kq.bindings(q, {"name": text}))
    kq.check_syntax(kq.Query("t", bound))  # still one well-formed query
    assert kq.run(open_store(seed_store, read_only=True), q, {"name": text}).rows == []
    assert len(open_store(seed_store, read_only=True)) == before


def test_bind_reaches_sub_selects_and_skips_construct_templates():
    term = ox.NamedNode("http://example.org/e")
    text = "SELECT ?n WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?m ?p ?e } } }"
    assert kq.bind(text, {"e": term}).count("VALUES ?e { <http://example.org/e> }") == 2
    text = 'CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?e }'
    assert kq.bind(text, {"e": term}) == 'CONSTRUCT { ?s ?p "{" } WHERE { VALUES ?e { <http://example.org/e> }  ?s ?p ?e }'


@pytest.mark.parametrize(
    "kind,value,expected",
    [
        ("class", "Person", ox.NamedNode("https://schema.org/Person")),
        ("class", "weapon", ox.NamedNode("https://w3id.org/newskg/ontology#Weapon")),
        ("class", "City", ox.NamedNode("https://w3id.org/newskg/ontology#City")),
        ("class", "city", ox.NamedNode("https://w3id.org/newskg/ontology#City")),
        ("class", "kg:drone", ox.NamedNode("https://w3id.org/newskg/ontology#Drone")),
        ("class", "<https://w3id.org/newskg/ontology#City>", ox.NamedNode("https://w3id.org/newskg/ontology#City")),
        ("class", "https://w3id.org/newskg/ontology#City", ox.NamedNode("https://w3id.org/newskg/ontology#City")),
        ("date", "2024-02-29", ox.Literal("2024-02-29", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
        ("class", "schema:Place", ox.NamedNode("https://schema.org/Place")),
        ("integer", "12", ox.Literal("12", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
        ("iri", "<http://a.example/b>", ox.NamedNode("http://a.example/b")),
        ("string", 'a "b" }', ox.Literal('a "b" }')),
    ],
)
def test_to_term(kind, value, expected):
    assert kq.to_term(kq.Param("p", kind), value) == expected


@pytest.mark.parametrize(
    "kind,value,message",
    [
        ("class", "Persn", "no class 'Persn' in kg's ontology"),
        ("class", "<https://w3id.org/newskg/ontology#Dron>", "no class '<https://w3id.org/newskg/ontology#Dron>'"),
        ("date", "2023-02-29", "is no day of the calendar"),
        ("date", "2024-1-5", "is not a date (e.g. 2024-01-31)"),
    ],
)
def test_to_term_refuses(kind, value, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        kq.to_term(kq.Param("p", kind), value)


def test_a_choice_parameter():
    q = kq.parse_header("# param: period day|month = month -- per day or month\nSELECT * { ?s ?p ?period }", "t")
    p = q.params[0]
    assert (p.kind, p.choices, p.default, p.shown_kind) == ("choice", ("day", "month"), "month", "day|month")
    assert kq.to_term(p, " Day ") == ox.Literal("day")
    with pytest.raises(QueryError, match="'week' is not one of day, month"):
        kq.to_term(p, "week")
    with pytest.raises(QueryError, match="the default 'year' is not one of day, month"):
        kq.parse_header("# param: period day|month = year\nSELECT * {}", "t")
    with pytest.raises(QueryError, match="bad parameter line"):
        kq.parse_header("# param: period choice\nSELECT * {}", "t")


def test_bad_header_line_is_reported():
    with pytest.raises(QueryError, match="bad parameter line"):
        kq.parse_header("# param: x nonsense\nSELECT * {}", "t")


def test_a_country_no_article_names_still_holds_its_places(tmp_path):
    """Articles name Kharkiv and Kyiv but never Ukraine: place=Ukraine is looked up in the
    knowledge base, and the store's kg:partOf and country codes do the rest."""
    from conftest import EVENTS_TRIG

    folder = tmp_path / "store"
    s = ox.Store(str(folder))
    s.load(path=str(EVENTS_TRIG), format=ox.RdfFormat.TRIG)
    s.update('DELETE WHERE { GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> "Ukraine"@en } }')
    s.flush()
    del s
    store = open_store(folder, read_only=True)
    from kg.lookup import resolve

    with pytest.raises(QueryError, match="no place named 'Ukraine'"):
        resolve(store, "Ukraine", folder, {"Place"})  # the store's names do not have it
    rows = list(kq.records(kq.run(store, kq.load("attacks"), {"place": "Ukraine"}, folder=folder)))
    assert {r["location"] for r in rows} == {"Kharkiv", "Kyiv", "Odesa", "Chuhuiv Raion"}
    with pytest.raises(QueryError, match="no place named 'Qwxzv Plmkj'"):
        kq.run(store, kq.load("attacks"), {"place": "Qwxzv Plmkj"}, folder=folder)


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_place_names_are_no_sparql(events_store, text):
    before = len(open_store(events_store, read_only=True))
    result = CliRunner().invoke(cli, ["--store", str(events_store), "query", "attacks", "-p", f"place={text}"])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    assert len(open_store(events_store, read_only=True)) == before


@pytest.mark.parametrize("values", [{}, {"class": "Person"}, {"class": "Place"}])
def test_central_entities_equal_their_earlier_form(store, values):
    # The shipped query makes the (sentence, entity) pairs distinct before joining them
    # (cheaper at 10k articles); its earlier form (tests/data/earlier-forms/) made the
    # joined rows distinct. The same rows, in the order both ask for.
    earlier = kq.load_file(Path(__file__).parent / "data" / "earlier-forms" / "central-entities.rq")
    old = list(kq.records(kq.run(store, earlier, values)))
    new = list(kq.records(kq.run(store, kq.shipped()["central-entities"], values)))
    assert len(old) > 3 and sorted(map(repr, old)) == sorted(map(repr, new))

    def ranked(rows):
        return [(r["degree"], r["weightedDegree"], r["articles"], r["label"]) for r in rows]

    assert ranked(new) == ranked(old)
