"""``kg load``: bulk-load the shards ``kg shard`` wrote, so that the store equals the one
``kg ingest`` would have built from the same articles, quad for quad.

1. The manifest is checked: its kg version, base IRI and knowledge-base digest must be
   this kg's and this store's (a store whose user knowledge base is empty takes the
   shards' copy of it). Anything else is refused with what differs -- entity IRIs and
   facts depend on the knowledge base, so mixing two would give a store no ingest
   could have written.
2. The article graphs the shards list are dropped where the store has them (an article
   sharded again replaces its earlier version, as re-ingesting does); with
   ``--replace`` the whole store is emptied first.
3. Each shard is bulk-loaded (``Store.bulk_load``: no transaction log, the fast path).
4. The entity graph is recomputed from every article graph -- it is a pure function of
   the knowledge base and of them (kg/entities.py) -- and synced, which also removes the
   shards' own copies of entity facts where two shards chose differently; every unknown
   name is typed over the whole corpus (kg/corpus_names.py: the shards carry each
   article's own reading); then the ontology graph and the incidents are rebuilt as
   after an ingest (in bounded memory: ``IncidentChanges.rebuild_at``).

A load that stops half-way leaves a store that running the same load again repairs:
every step is idempotent.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.about import __version__
from kg.cache import lasting_loads
from kg.corpus_names import PENDING as NAMES_PENDING
from kg.corpus_names import NameChanges
from kg.entities import rebuild
from kg.incident_upkeep import PENDING, IncidentChanges
from kg.ingest import load_ontology, mark_changed
from kg.kb import load_kb, user_kb_path
from kg.kb.build import sources_digest
from kg.shard import FORMAT, MANIFEST, USER_KB_COPY, ShardError, user_kb_digest
from kg.store import entity_graph, migrate, needs_migration, open_store, sync_graph
from kg.vocab import base_iri
from kg.wording import plural


@dataclass
class LoadReport:
    shards: int = 0
    articles: int = 0  # article graphs in the shards
    replaced: int = 0  # of those, graphs the store had before
    quads: int = 0  # quads in the store after the load
    entities: int = 0  # quads of the entity graph
    retyped: int = 0  # articles whose unknown names the corpus pass retyped
    incidents: int = 0


def read_manifest(folder: Path) -> dict:
    """The manifest of a shard folder, with every shard it lists present."""
    path = folder / MANIFEST
    if not path.is_file():
        raise ShardError(f"{folder}: no {MANIFEST} (not a shard folder, or `kg shard` did not finish: run it again)")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        run, shards = manifest["run"], manifest["shards"]
        files = [folder / s["file"] for s in shards]
        graphs = [g for s in shards for g in s["graphs"]]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ShardError(f"{path}: not a kg shard manifest ({e})") from None
    if manifest.get("format") != FORMAT:
        raise ShardError(f"{path}: shards of format {manifest.get('format')!r}; this kg reads {FORMAT}")
    missing = [f.name for f in files if not f.is_file()]
    if missing:
        raise ShardError(f"{folder}: {plural(len(missing), 'shard file')} missing: {', '.join(missing[:5])}")
    if not isinstance(run, dict) or not all(isinstance(g, str) for g in graphs):
        raise ShardError(f"{path}: not a kg shard manifest (bad run record or graph list)")
    return manifest


def check_compatible(folder: Path, run: dict, store: Path) -> None:
    """Refuse shards made by another kg, under another base IRI, or with another
    knowledge base than the store's; adopt the shards' user knowledge base into a store
    that has none."""
    problems = []
    if run.get("kg_version") != __version__:
        problems.append(f"kg {run.get('kg_version')} (this is kg {__version__})")
    if run.get("base_iri") != base_iri():
        problems.append(f"base IRI {run.get('base_iri')} (this is {base_iri()}; see KG_BASE)")
    if run.get("builtin_kb") != sources_digest():
        problems.append(f"built-in knowledge base {run.get('builtin_kb')} (this kg's is {sources_digest()})")
    copy = folder / USER_KB_COPY
    if run.get("user_kb") and not user_kb_path(store).exists() and copy.is_file():
        user_kb_path(store).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copy, user_kb_path(store))
    if run.get("user_kb", "") != user_kb_digest(store):
        problems.append(f"user knowledge base {run.get('user_kb') or '(none)'} ({run.get('user_entries', 0)} entries; "
                        f"this store's is {user_kb_digest(store) or '(none)'})")
    if problems:
        raise ShardError(f"{folder}: the shards were made with " + "; ".join(problems)
                         + ". Make them again with this kg and store (kg shard), or load them into a store of their own")


def load_shards(store_path: Path, folder: Path, replace: bool = False) -> LoadReport:
    """Load the shards in ``folder`` into the store at ``store_path`` (see the module's doc)."""
    manifest = read_manifest(folder)
    store_path.mkdir(parents=True, exist_ok=True)
    check_compatible(folder, manifest["run"], store_path)
    with lasting_loads():
        kb = load_kb(store_path)
    store = open_store(store_path)
    if needs_migration(store):
        migrate(store, kb)
    report = LoadReport(shards=len(manifest["shards"]))
    graphs = [ox.NamedNode(g) for s in manifest["shards"] for g in s["graphs"]]
    report.articles = len(graphs)
    names = NameChanges(marker=store_path / NAMES_PENDING, everything=True)
    try:
        names._mark()  # a load that stops half-way leaves word that every name is owed a pass
        if replace:
            store.clear()
        for g in graphs:
            if store.contains_named_graph(g):
                store.remove_graph(g)
                report.replaced += 1
        for s in manifest["shards"]:
            store.bulk_load(path=str(folder / s["file"]), format=ox.RdfFormat.N_QUADS)
        load_ontology(store)
        g_ent = entity_graph()
        facts = rebuild(store, kb, g_ent)
        sync_graph(store, g_ent, facts)
        report.entities = len(facts)
        store.flush()
    except SyntaxError as e:
        raise ShardError(f"{folder}: a shard is not valid N-Quads ({e}); make the shards again") from e
    except OSError as e:
        raise ShardError(f"cannot write to the store: {e}") from e
    # The incidents from every record now in the store, with the store closed here: the
    # rebuild opens it itself, and again as it reads, so that its memory does not grow
    # with the store (kg/incident_upkeep.py).
    del store
    # Unknown names typed over the whole corpus, as after an ingest (kg/corpus_names.py):
    # the shards hold each article's own reading; every key is decided here, before the
    # incidents, which follow the entities' types.
    report.retyped = names.apply_at(store_path, kb)
    report.incidents = IncidentChanges(marker=store_path / PENDING).rebuild_at(store_path)
    store = open_store(store_path, read_only=True)
    report.quads = len(store)
    if report.retyped:
        report.entities = sum(1 for _ in store.quads_for_pattern(None, None, None, entity_graph()))
    del store
    mark_changed(store_path)
    return report
