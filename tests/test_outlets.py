"""Outlets and their web domains: a URL names its publisher when no byline does."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import KnowledgeBaseError
from kg.identity import entity_iri
from kg.ingest import publisher_entity
from kg.kb import KBEntry, KnowledgeBase, load_kb, url_host
from kg.kb.build import DATA, entry_from_record, read_records
from kg.link import Linker
from kg.types import Article


def outlet(kb_id: str, label: str, *domains: str, origin: str = "curated") -> KBEntry:
    return KBEntry(kb_id, "Organization", label, classes=["NewsOrganization"], domains=tuple(domains), origin=origin)


@pytest.fixture
def small_linker() -> Linker:
    kb = KnowledgeBase(
        [
            outlet("daily-lantern", "The Daily Lantern", "dailylantern.example", "lantern-news.co.example"),
            outlet("river-wire", "River Wire", "riverwire.example"),
        ]
    )
    return Linker(kb)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.dailylantern.example/world/1", "dailylantern.example"),
        ("http://m.dailylantern.example/a?b=c", "dailylantern.example"),
        ("https://WWW2.RiverWire.Example:8443/x", "riverwire.example"),
        ("https://user:pw@edition.riverwire.example/", "edition.riverwire.example"),
        ("dailylantern.example/world/1", "dailylantern.example"),
        ("https://m.example/", "m.example"),  # "m." is the whole name here, not a prefix
        ("/world/1", None),
        ("mailto:desk@dailylantern.example", None),
        ("https://localhost/x", None),
        ("not a url at all", None),
    ],
)
def test_url_host_strips_www_and_m_and_keeps_the_rest(url, host):
    assert url_host(url) == host


def test_a_urls_domain_gives_the_publisher(small_linker):
    art = Article(text="Shelling hit the town.", source="t.txt", url="https://www.dailylantern.example/world/shelling")
    pub = publisher_entity(art, [], small_linker)
    assert pub is not None and pub.label == "The Daily Lantern" and pub.type == "Organization"
    assert pub.iri == entity_iri("daily-lantern", "Organization", "The Daily Lantern")


def test_a_subdomain_walks_up_to_the_outlets_domain(small_linker):
    for url in ("https://live.edition.riverwire.example/x", "https://amp.lantern-news.co.example/y"):
        pub = publisher_entity(Article(text="x", source="t.txt", url=url), [], small_linker)
        assert pub is not None and pub.label in ("River Wire", "The Daily Lantern"), url
    # Walking up stops at the outlet's own domain: a shared parent names nobody.
    assert publisher_entity(Article(text="x", source="t.txt", url="https://co.example/y"), [], small_linker) is None


@pytest.mark.parametrize("url", ["https://unknown-outlet.example/a", "https://example/a", "file:///tmp/a.txt", None])
def test_an_unknown_domain_or_no_url_gives_no_publisher(small_linker, url):
    assert publisher_entity(Article(text="x", source="t.txt", url=url), [], small_linker) is None


def test_a_byline_wins_over_the_domain(small_linker):
    url = "https://www.dailylantern.example/world/shelling"
    unknown = publisher_entity(Article(text="x", source="t.txt", url=url, outlet="Harbour Courier"), [], small_linker)
    assert unknown is not None and unknown.label == "Harbour Courier" and "NewsOrganization" in unknown.classes
    known = publisher_entity(Article(text="x", source="t.txt", url=url, outlet="River Wire"), [], small_linker)
    assert known is not None and known.label == "River Wire"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Drones hit the port\n\nHARBOURTON, Coastland (River Wire) — Drones hit the port.", "River Wire"),
        ("Drones hit the port\n\nHARBOURTON (River Wire) - Drones hit the port.", "River Wire"),
        ("Drones hit the port\n\nHarbourton, May 6 (River Wire) – Drones hit the port.", "River Wire"),
        ("Drones hit the port\n\nHARBOURTON, Coastland (Harbour Courier) — Drones hit the port.", None),  # unknown
        ("Drones hit the port\n\nOfficials said (River Wire) - drones hit the port.", None),  # no dateline
        ("Drones hit the port\n\nDrones hit the port, River Wire reported.", None),
    ],
)
def test_a_dateline_credit_names_a_known_agency(small_linker, text, label):
    pub = publisher_entity(Article(text=text, source="t.txt"), [], small_linker)
    assert (pub.label if pub else None) == label


def test_the_urls_domain_comes_before_a_dateline_credit(small_linker):
    art = Article(text="HARBOURTON (River Wire) — Drones hit the port.", source="t.txt", url="https://dailylantern.example/a")
    assert publisher_entity(art, [], small_linker).label == "The Daily Lantern"


def test_a_user_entry_takes_a_domain_over_and_gives_it_back():
    kb = KnowledgeBase([outlet("daily-lantern", "The Daily Lantern", "dailylantern.example")])
    kb.add(outlet("user-lantern", "Lantern (mine)", "dailylantern.example", origin="user"))
    assert kb.outlet_of_url("https://dailylantern.example/").id == "user-lantern"
    kb.add(outlet("user-lantern", "Lantern (mine)", "otherlantern.example", origin="user"))  # edited: another domain
    assert kb.outlet_of_url("https://dailylantern.example/").id == "daily-lantern"
    assert kb.outlet_of_url("https://otherlantern.example/").id == "user-lantern"


def test_ingest_names_the_publisher_from_the_url(tmp_path, ingest_into, kb):
    reuters = kb.outlet_of_url("https://www.reuters.com/")
    assert reuters is not None and reuters.id == "reuters"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Drones hit a depot near the border\n\nDrones hit a fuel depot overnight, officials said.\n\n"
        "Original url:\nhttps://www.reuters.com/world/drones-hit-depot-2024-05-06/\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "Shelling near the coast\n\nShelling damaged houses overnight, officials said.\n\n"
        "Original url:\nhttps://news.unknown-outlet.example/shelling\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_text(
        "Drones strike Kyiv overnight\n\nKYIV, Ukraine (AP) — Russian drones struck Kyiv overnight, officials said.\n\n"
        "Original url:\nhttps://unknown-outlet.example/kyiv-drones\n",
        encoding="utf-8",
    )
    report = ingest_into(tmp_path / "s", [folder])
    assert report.articles == 3 and not report.skipped
    store = ox.Store.read_only(str(tmp_path / "s"))
    rows = store.query(
        "SELECT ?url ?label WHERE { ?a <https://schema.org/url> ?url . "
        "OPTIONAL { ?a <https://schema.org/publisher> ?p . ?p <http://www.w3.org/2000/01/rdf-schema#label> ?label } }",
        use_default_graph_as_union=True,
    )
    got = {r["url"].value: (r["label"].value if r["label"] is not None else None) for r in rows}
    assert got == {
        "https://www.reuters.com/world/drones-hit-depot-2024-05-06/": "Reuters",
        "https://news.unknown-outlet.example/shelling": None,
        "https://unknown-outlet.example/kyiv-drones": "Associated Press",  # its dateline credits AP
    }


# -- the importer ------------------------------------------------------------------


def test_the_importer_normalises_domains():
    e = entry_from_record(
        {"id": "x", "type": "Organization", "label": "X News", "classes": ["NewsOrganization"],
         "domains": "WWW.XNews.Example|xnews.example|x-news.co.example."}, "here")  # fmt: skip
    assert e.domains == ("xnews.example", "x-news.co.example")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("https://xnews.example/world", "domain 'https://xnews.example/world' is not a web domain"),
        (["xnews.example:8080"], "domain 'xnews.example:8080' is not a web domain"),
        (["localhost"], "domain 'localhost' is not a web domain"),
        (["10.0.0.1"], "domain '10.0.0.1' is not a web domain"),
        (["x news.example"], "domain 'x news.example' is not a web domain"),
        ([3], "a domain must be text"),
        ({"a": 1}, "domains must be a list of web domains"),
    ],
)
def test_the_importer_refuses_a_bad_domain(value, message):
    rec = {"id": "x", "type": "Organization", "label": "X News", "domains": value}
    with pytest.raises(KnowledgeBaseError, match="^here: " + __import__("re").escape(message)):
        entry_from_record(rec, "here")


def test_only_an_organisation_has_domains():
    with pytest.raises(KnowledgeBaseError, match="^here: domains name an outlet's web site; a Person has none"):
        entry_from_record({"id": "x", "type": "Person", "label": "X Y", "domains": ["xy.example"]}, "here")


def test_kb_import_and_add_take_domains_and_ingest_uses_them(tmp_path):
    store = tmp_path / "store"
    mine = tmp_path / "mine.csv"
    mine.write_text("id,type,label,classes,domains\nharbour-courier,Organization,Harbour Courier,NewsOrganization,harbourcourier.example|hc.example\n")
    r = CliRunner().invoke(cli, ["--store", str(store), "kb", "import", str(mine)])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(cli, ["--store", str(store), "kb", "add", "Valley Post", "--type", "Organization",
                                 "--class", "NewsOrganization", "--domain", "www.valleypost.example"])  # fmt: skip
    assert r.exit_code == 0, r.output
    kb = load_kb(store)
    assert kb.outlet_of_url("https://live.hc.example/a").label == "Harbour Courier"
    assert kb.outlet_of_url("https://valleypost.example/b").label == "Valley Post"
    bad = CliRunner().invoke(cli, ["--store", str(store), "kb", "add", "Bad Post", "--type", "Organization", "--domain", "http://bad/"])
    assert bad.exit_code == 1 and "domain 'http://bad/' is not a web domain" in bad.output and "Traceback" not in bad.output


# -- the curated data ---------------------------------------------------------------


def test_curated_outlets_have_domains_each_claimed_once():
    owner: dict[str, str] = {}
    outlets = 0
    for rec, source in read_records(DATA / "organizations.jsonl"):
        e = entry_from_record(rec, source)
        if e.domains:
            assert "NewsOrganization" in e.classes, source
            outlets += 1
        for d in e.domains:
            assert d not in owner, f"{source}: {d} is already {owner[d]}'s"
            owner[d] = e.id
    assert outlets >= 300 and len(owner) >= 350


def test_the_cached_index_knows_the_curated_domains(kb):
    for url, kb_id in [("https://apnews.com/article/x", "associated-press"), ("https://edition.cnn.com/2024/x", "cnn"),
                       ("https://www.bbc.co.uk/news/world", "bbc"), ("https://english.alarabiya.net/x", "al-arabiya"),
                       ("https://www.premiumtimesng.com/news/x", "premium-times"), ("https://yahoo.com/", None)]:  # fmt: skip
        e = kb.outlet_of_url(url)
        assert (e.id if e else None) == kb_id, url
    assert json.dumps(list(kb.get("reuters").domains)) == '["reuters.com"]'
