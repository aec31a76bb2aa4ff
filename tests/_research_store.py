"""A small store written by hand, shaped exactly as ontology/README.md says kg writes one.

Stand-in for the session's ``seed_store`` until ingest works; used by the query, lookup,
export and serve tests.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox

from kg.vocab import GEO, ITSRDF, KG, NIF, OWL, RDF, RDFS, SCHEMA, SKOS, TOP_CLASS, XSD, base_iri

B = base_iri()
N = ox.NamedNode

# key: (iri tail, type, finer classes, label, aliases, sameAs, (lat, lon) or None)
ENTITIES = {
    "kharkiv": ("gn/706483", "Place", ["City"], "Kharkiv", ["Kharkov"],
                ["https://sws.geonames.org/706483/", "http://www.wikidata.org/entity/Q42308"], (49.98081, 36.25272)),
    "belgorod": ("gn/578072", "Place", ["City"], "Belgorod", [], ["https://sws.geonames.org/578072/"], (50.61074, 36.58015)),
    "ukraine": ("gn/690791", "Place", ["Country"], "Ukraine", [], ["https://sws.geonames.org/690791/"], (49.0, 32.0)),
    "russia": ("gn/2017370", "Place", ["Country"], "Russia", [], ["https://sws.geonames.org/2017370/"], (60.0, 100.0)),
    "kyiv": ("gn/703448", "Place", ["City"], "Kyiv", ["Kiev"], ["https://sws.geonames.org/703448/"], (50.45466, 30.5238)),
    "terekhov": ("ihor-terekhov", "Person", ["Politician"], "Ihor Terekhov", ["Igor Terekhov"], [], None),
    "putin": ("vladimir-putin", "Person", ["Politician"], "Vladimir Putin", [],
              ["http://www.wikidata.org/entity/Q7747"], None),
    "nebenzya": ("vasily-nebenzya", "Person", ["Diplomat"], "Vasily Nebenzya", ["Vassily Nebenzia"],
                 ["http://www.wikidata.org/entity/Q4158034"], None),
    "zelensky": ("volodymyr-zelensky", "Person", ["Politician"], "Volodymyr Zelensky", ["Zelenskiy", "Zelenskyy"],
                 ["http://www.wikidata.org/entity/Q3874799"], None),
    "phipps": ("person/thomas-phipps", "Person", [], "Thomas Phipps", [], [], None),
    "afp": ("agence-france-presse", "Organization", ["NewsOrganization"], "Agence France-Presse", ["AFP"],
            ["http://www.wikidata.org/entity/Q40464"], None),
    "reuters": ("reuters", "Organization", ["NewsOrganization"], "Reuters", [], [], None),
    "unsc": ("un-security-council", "Organization", ["InternationalOrganization"], "United Nations Security Council",
             ["UN Security Council"], ["http://www.wikidata.org/entity/Q37470"], None),
    "telegram": ("telegram", "Organization", ["SocialMediaPlatform"], "Telegram", [], [], None),
    "shahed": ("hesa-shahed-136", "Weapon", ["WeaponSystem", "Drone"], "HESA Shahed 136", ["Shahed", "Shaheds"], [], None),
    "cluster": ("weapon-type-cluster-munition", "Weapon", ["WeaponType", "ClusterMunition"], "cluster munition",
                ["cluster munitions"], [], None),
    "s300": ("s-300", "Weapon", ["WeaponSystem", "AirDefenceSystem"], "S-300", [], [], None),
}

# Each article: url, headline, date, publisher key, text, [(surface, entity key), ...] in text order.
ARTICLES = [
    dict(
        url="https://www.themoscowtimes.com/2023/12/31/russia-strikes-ukraine-a83618",
        headline="Russia Strikes Ukraine in Retaliation for Attack on Belgorod",
        date="2023-12-31",
        outlet="afp",
        sentences=[
            ("Russia launched fresh strikes against Ukraine early Sunday, a day after the attack on Belgorod.",
             [("Russia", "russia"), ("Ukraine", "ukraine"), ("Belgorod", "belgorod")]),
            ("Several Iranian-made Shahed drones targeted Kharkiv overnight.",
             [("Shahed", "shahed"), ("Kharkiv", "kharkiv")]),
            ('"Cafes were damaged," the city\'s mayor, Ihor Terekhov, wrote on Telegram.',
             [("Ihor Terekhov", "terekhov"), ("Telegram", "telegram")]),
            ('"We are not scared," Terekhov said.', [("Terekhov", "terekhov")]),
            ("Russian envoy Vasily Nebenzya told the UN Security Council that cluster munitions were used in Belgorod.",
             [("Vasily Nebenzya", "nebenzya"), ("UN Security Council", "unsc"), ("cluster munitions", "cluster"),
              ("Belgorod", "belgorod")]),
            ("Responsibility lay with Russian President Vladimir Putin, said British envoy Thomas Phipps.",
             [("Vladimir Putin", "putin"), ("Thomas Phipps", "phipps")]),
        ],
    ),
    dict(
        url="https://example.org/reuters/2024/01/02/kharkiv",
        headline="Missiles hit Kharkiv and Kyiv",
        date="2024-01-02",
        outlet="reuters",
        sentences=[
            ("Russian S-300 missiles struck Kharkiv on Tuesday, mayor Ihor Terekhov said.",
             [("S-300", "s300"), ("Kharkiv", "kharkiv"), ("Ihor Terekhov", "terekhov")]),
            ("President Zelenskiy said Kyiv was also hit.", [("Zelenskiy", "zelensky"), ("Kyiv", "kyiv")]),
        ],
    ),
    dict(
        url="https://example.org/reuters/2024/02/10/drones",
        headline="Drones over Kharkov",
        date="2024-02-10",
        outlet="reuters",
        sentences=[
            ("Shahed drones attacked Kharkov again, Terekhov said.",
             [("Shahed", "shahed"), ("Kharkov", "kharkiv"), ("Terekhov", "terekhov")]),
        ],
    ),
]


def entity_iri(key: str) -> ox.NamedNode:
    return N(B + "entity/" + ENTITIES[key][0])


def _entity_quads(key: str, g: ox.NamedNode | None, surfaces: list[str] | None = None) -> list[ox.Quad]:
    tail, typ, classes, label, aliases, same_as, coords = ENTITIES[key]
    e = entity_iri(key)
    q = [ox.Quad(e, N(RDF + "type"), N(TOP_CLASS[typ]), g)]
    q += [ox.Quad(e, N(RDF + "type"), N(KG + c), g) for c in classes]
    q.append(ox.Quad(e, N(RDFS + "label"), ox.Literal(label, language="en"), g))
    for a in aliases if surfaces is None else surfaces:
        if a != label:
            q.append(ox.Quad(e, N(SKOS + "altLabel"), ox.Literal(a, language="en"), g))
    q += [ox.Quad(e, N(OWL + "sameAs"), N(s), g) for s in same_as]
    if surfaces is None and coords:
        q.append(ox.Quad(e, N(GEO + "lat"), ox.Literal(str(coords[0]), datatype=N(XSD + "double")), g))
        q.append(ox.Quad(e, N(GEO + "long"), ox.Literal(str(coords[1]), datatype=N(XSD + "double")), g))
    return q


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=N(XSD + "integer"))


def article_quads(art: dict, source: str) -> tuple[ox.NamedNode, list[ox.Quad]]:
    a = N(B + "article/" + hashlib.sha1(art["url"].encode()).hexdigest())
    g = a
    ctx = N(a.value + "#context")
    text = art["headline"] + "\n\n" + " ".join(s for s, _ in art["sentences"])
    q = [
        ox.Quad(a, N(RDF + "type"), N(SCHEMA + "NewsArticle"), g),
        ox.Quad(a, N(SCHEMA + "url"), N(art["url"]), g),
        ox.Quad(a, N(SCHEMA + "headline"), ox.Literal(art["headline"]), g),
        ox.Quad(a, N(SCHEMA + "datePublished"), ox.Literal(art["date"], datatype=N(XSD + "date")), g),
        ox.Quad(a, N(SCHEMA + "publisher"), entity_iri(art["outlet"]), g),
        ox.Quad(a, N(KG + "sourceFile"), ox.Literal(source), g),
        ox.Quad(ctx, N(RDF + "type"), N(NIF + "Context"), g),
        ox.Quad(ctx, N(KG + "article"), a, g),
        ox.Quad(ctx, N(NIF + "isString"), ox.Literal(text), g),
        ox.Quad(ctx, N(NIF + "beginIndex"), _int(0), g),
        ox.Quad(ctx, N(NIF + "endIndex"), _int(len(text)), g),
        ox.Quad(ctx, N(NIF + "sourceUrl"), N(art["url"]), g),
    ]
    surfaces: dict[str, list[str]] = {}
    pos = len(art["headline"]) + 2
    for sentence, mentions in art["sentences"]:
        sb, se = pos, pos + len(sentence)
        assert text[sb:se] == sentence
        s = N(f"{a.value}#char={sb},{se}")
        q += [
            ox.Quad(s, N(RDF + "type"), N(NIF + "Sentence"), g),
            ox.Quad(s, N(NIF + "referenceContext"), ctx, g),
            ox.Quad(s, N(NIF + "beginIndex"), _int(sb), g),
            ox.Quad(s, N(NIF + "endIndex"), _int(se), g),
            ox.Quad(s, N(NIF + "anchorOf"), ox.Literal(sentence), g),
        ]
        cursor = sb
        for surface, key in mentions:
            b = text.index(surface, cursor)
            e = b + len(surface)
            cursor = e
            m = N(f"{a.value}#char={b},{e}")
            q += [
                ox.Quad(m, N(RDF + "type"), N(NIF + "Phrase"), g),
                ox.Quad(m, N(NIF + "referenceContext"), ctx, g),
                ox.Quad(m, N(NIF + "beginIndex"), _int(b), g),
                ox.Quad(m, N(NIF + "endIndex"), _int(e), g),
                ox.Quad(m, N(NIF + "anchorOf"), ox.Literal(surface), g),
                ox.Quad(m, N(NIF + "sentence"), s, g),
                ox.Quad(m, N(ITSRDF + "taIdentRef"), entity_iri(key), g),
                ox.Quad(m, N(ITSRDF + "taClassRef"), N(TOP_CLASS[ENTITIES[key][1]]), g),
                ox.Quad(m, N(KG + "confidence"), ox.Literal("0.9", datatype=N(XSD + "double")), g),
            ]
            surfaces.setdefault(key, []).append(surface)
        pos = se + 1
    surfaces.setdefault(art["outlet"], [])
    for key, forms in surfaces.items():
        q.append(ox.Quad(a, N(SCHEMA + "mentions"), entity_iri(key), g))
        q += _entity_quads(key, g, list(dict.fromkeys(forms)))
    return a, q


def build(path: Path) -> Path:
    """Write the store at ``path`` and close it; returns ``path``."""
    store = ox.Store(str(path))
    kb = N(B + "graph/kb")
    used: set[str] = set()
    for i, art in enumerate(ARTICLES):
        _, quads = article_quads(art, f"tests/article_{i}.txt")
        store.extend(quads)
        used |= {k for _, ms in art["sentences"] for _, k in ms} | {art["outlet"]}
    for key in sorted(used):
        if "/" not in ENTITIES[key][0] or ENTITIES[key][0].startswith("gn/"):
            store.extend(_entity_quads(key, kb))
    store.flush()
    del store
    return path
