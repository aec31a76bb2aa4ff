"""``kg shard``: the per-article work written as N-Quads shards, for a bulk load later.

The inputs are read here (reading is cheap beside the NLP), one at a time, and each
article is written to a spool file of the partition its IRI falls in (``int(iri hash)
mod shards``), so that neither this process nor the messages to the workers hold every
text; a worker reads its partition's articles from that file. The partition is a pure
function of the article, so a re-run puts every article where it was before, the same article twice
(one URL in two files) lands in one partition where the later one replaces the earlier
as ``kg ingest`` would, and a partition whose shard is already complete is skipped.

A partition's work (:func:`write_shard`) runs anywhere -- in this process, in forked
workers, or on a Dask cluster (:mod:`kg.engine_dask`) -- and writes, in ``--out``:

- ``shard-00003-of-00008.nq``: standard N-Quads, the partition's article graphs and, in
  the entity graph, the facts of the entities they name (so the file stands on its own
  in any triple store);
- ``shard-00003-of-00008.json``: its record -- the graphs it holds, counts, and the digest
  of its inputs and run; written last, so a shard is complete when its record is there.

Both are written under a hidden temporary name (``.shard-….tmp``) and renamed: a killed
worker leaves only a temporary file, never something taken for a shard. At the end
``manifest.json`` gathers every shard's record and the run record (kg version, spaCy
model, knowledge-base digest, the user's knowledge-base entries shipped to workers).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.about import __version__
from kg.cache import lasting_loads
from kg.emit import article_iri
from kg.entities import all_entity_facts, merged, seen_in
from kg.errors import KGError
from kg.kb import KBEntry, KnowledgeBase, load_kb
from kg.kb.build import sources_digest, user_entries, user_kb_path
from kg.pipeline import ArticleProcessor, ArticleRecord, too_long
from kg.store import entity_graph
from kg.types import Article, ReadProblem
from kg.vocab import base_iri
from kg.wording import plural

MANIFEST = "manifest.json"
USER_KB_COPY = "user-kb.jsonl"  # the user's entries the shards were made with
FORMAT = "kg-shards/1"
ARTICLES_PER_SHARD = 500  # when --shards is not given
SPACY_MAX_LENGTH = 1_000_000  # spaCy's default nlp.max_length, which kg keeps


class ShardError(KGError):
    """A shard folder that cannot be written, read or loaded as it is."""


@dataclass(frozen=True)
class RunRecord:
    """What the shards' content depends on besides the articles: a load into a store
    built with anything else would mix two knowledge bases."""

    kg_version: str
    model: str
    base_iri: str
    builtin_kb: str  # digest of the built-in knowledge base's sources
    user_kb: str  # sha1 of the user's knowledge-base file ("" without one)
    user_entries: int
    batch_size: int = 32

    @property
    def kb_digest(self) -> str:
        return hashlib.sha1(f"{self.builtin_kb}:{self.user_kb}".encode()).hexdigest()[:16]

    def key(self) -> str:
        """What must be equal for a shard to be reused (the batch size changes nothing)."""
        return f"{self.kg_version}|{self.model}|{self.base_iri}|{self.kb_digest}"

    def as_dict(self) -> dict:
        return {**asdict(self), "kb_digest": self.kb_digest}


def user_kb_digest(store: Path) -> str:
    path = user_kb_path(store)
    return hashlib.sha1(path.read_bytes()).hexdigest()[:16] if path.exists() else ""


def run_record(store: Path, model: str, batch_size: int = 32) -> RunRecord:
    """The run record for shards made with ``store``'s knowledge base (built-in + user's)."""
    path = user_kb_path(store)
    n = len(user_entries(path)) if path.exists() else 0
    return RunRecord(__version__, model, base_iri(), sources_digest(), user_kb_digest(store), n, batch_size)


@dataclass
class ShardSpec:
    """One partition's work, sent to whichever process writes its shard: where its
    articles wait (a spool file in ``out``, so that neither this process nor a message to
    a worker holds every text), how many there are, and what they digest to."""

    index: int
    count: int
    out: str
    spool: str  # the partition's articles, one JSON line each (see _article_line)
    size: int  # articles in the spool
    digest: str
    run: RunRecord
    user_entries: list[KBEntry] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"shard-{self.index:05d}-of-{self.count:05d}"

    @property
    def articles(self) -> Iterator[Article]:
        """The partition's articles, read one at a time from its spool."""
        try:
            with open(self.spool, encoding="utf-8", errors="surrogatepass", newline="\n") as f:
                for line in f:
                    yield _article_from_line(line)
        except FileNotFoundError:
            raise ShardError(f"{self.spool}: the articles of {self.name} are gone (the run that dealt them stopped); run again") from None


def _article_key(a: Article) -> list:
    return [a.text, a.source, a.title, a.url, a.date.isoformat() if a.date else None, a.outlet, a.author, a.outlet_span]


def _article_line(a: Article) -> str:
    """An article as one line of JSON (newlines in strings are escaped): what a spool
    holds, and what the partition's digest is made of."""
    return json.dumps(_article_key(a), ensure_ascii=False)


def _article_from_line(line: str) -> Article:
    text, source, title, url, date, outlet, author, span = json.loads(line)
    return Article(text, source, title, url, dt.date.fromisoformat(date) if date else None, outlet, author, tuple(span) if span else None)


def partition_of(article: Article, count: int) -> int:
    """The partition an article falls in: a pure function of its IRI."""
    return int(article_iri(article).rsplit("/", 1)[1], 16) % count


def spool_path(out: Path, index: int, count: int) -> Path:
    # Hidden and ending in .tmp, as a shard being written is: never taken for a shard,
    # and cleared by the next run if this one stops.
    return out / f".shard-{index:05d}-of-{count:05d}.articles.tmp"


# Bytes of article lines held before they are appended to their partitions' spools.
SPOOL_BUFFER = 16 * 1024 * 1024


class _Dealer:
    """Deals articles into ``count`` partition spools in reading order, digesting each
    partition as it goes; at most SPOOL_BUFFER bytes of text are held at a time."""

    def __init__(self, out: Path, count: int, run: RunRecord):
        self.out, self.count = out, count
        self.paths = [spool_path(out, i, count) for i in range(count)]
        for path in self.paths:
            path.write_bytes(b"")
        self.hashes = [hashlib.sha1(run.key().encode()) for _ in range(count)]
        self.sizes = [0] * count
        self.buffers: dict[int, list[str]] = {}
        self.held = 0

    def add(self, article: Article, line: str | None = None) -> None:
        line = _article_line(article) if line is None else line.rstrip("\n")
        i = partition_of(article, self.count)
        self.hashes[i].update(line.encode("utf-8", "surrogatepass"))
        self.sizes[i] += 1
        self.buffers.setdefault(i, []).append(line)
        self.held += len(line)
        if self.held >= SPOOL_BUFFER:
            self.flush()

    def flush(self) -> None:
        for i, lines in self.buffers.items():
            with open(self.paths[i], "a", encoding="utf-8", errors="surrogatepass", newline="\n") as f:
                f.write("\n".join(lines) + "\n")
        self.buffers, self.held = {}, 0

    def specs(self, run: RunRecord, kb_entries: list[KBEntry]) -> list[ShardSpec]:
        self.flush()
        return [ShardSpec(i, self.count, str(self.out), str(self.paths[i]), self.sizes[i], self.hashes[i].hexdigest(), run, list(kb_entries))
                for i in range(self.count)]


def plan(
    items: Iterable[Article | ReadProblem], out: Path, run: RunRecord, shards: int | None = None,
    kb_entries: list[KBEntry] | None = None, max_length: int = SPACY_MAX_LENGTH,
) -> tuple[list[ShardSpec], list[ReadProblem]]:
    """Read every input and deal the articles into partitions (in reading order within
    each), streaming: each article goes to a spool file in ``out`` as it is read, so
    memory does not grow with the corpus. Without ``shards`` the partition count depends
    on how many articles there are, so they are spooled in reading order first and dealt
    from there. Problems are returned to be reported, as ``kg ingest`` reports them."""
    problems: list[ReadProblem] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, Article):
                item = too_long(item, max_length) or item
            if isinstance(item, ReadProblem):
                problems.append(item)
            else:
                yield item

    if shards:
        dealer = _Dealer(out, shards, run)
        for a in articles():
            dealer.add(a)
        return dealer.specs(run, kb_entries or []), problems
    everything = out / ".shard-input.articles.tmp"
    n = 0
    try:
        with open(everything, "w", encoding="utf-8", errors="surrogatepass", newline="\n") as f:
            for a in articles():
                f.write(_article_line(a) + "\n")
                n += 1
        dealer = _Dealer(out, max(1, math.ceil(n / ARTICLES_PER_SHARD)), run)
        with open(everything, encoding="utf-8", errors="surrogatepass", newline="\n") as f:
            for line in f:
                dealer.add(_article_from_line(line), line)
        return dealer.specs(run, kb_entries or []), problems
    finally:
        everything.unlink(missing_ok=True)


def shard_record(out: Path, spec: ShardSpec) -> dict | None:
    """The record of the shard ``spec`` names when it is complete and made from the same
    articles and run; None when it must be (re)written."""
    try:
        record = json.loads((out / f"{spec.name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("digest") != spec.digest or not (out / record.get("file", "")).is_file():
        return None
    return record


# One processor per worker process and run: loading spaCy and the knowledge base is the
# costly part, done once however many partitions the process writes.
_PROCESSORS: dict[str, ArticleProcessor] = {}


def use_processor(run: RunRecord, processor: ArticleProcessor) -> None:
    """Let this process (and the workers forked from it) write shards with ``processor``."""
    _PROCESSORS.clear()
    _PROCESSORS[run.key()] = processor


def processor_for(spec: ShardSpec) -> ArticleProcessor:
    """The processor for ``spec``'s run, built on first use in this process from the
    built-in knowledge base and the user's entries the spec carries. A worker whose kg
    or knowledge base differs from the run's refuses, rather than write other IRIs."""
    run = spec.run
    found = _PROCESSORS.get(run.key())
    if found is not None:
        return found
    if __version__ != run.kg_version or sources_digest() != run.builtin_kb or base_iri() != run.base_iri:
        raise ShardError(
            f"this worker runs kg {__version__} (knowledge base {sources_digest()}, base {base_iri()}); the run "
            f"needs kg {run.kg_version} (knowledge base {run.builtin_kb}, base {run.base_iri}): install the same kg everywhere"
        )
    with lasting_loads():
        kb: KnowledgeBase = load_kb()
        for entry in spec.user_entries:
            kb.add(entry)
        processor = ArticleProcessor(kb, run.model, batch_size=run.batch_size)
    use_processor(run, processor)
    return processor


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def write_shard(spec: ShardSpec) -> dict:
    """Run the per-article work on one partition and write its shard and record; returns
    the record. Safe to run twice or to kill: the shard appears whole or not at all."""
    processor = processor_for(spec)
    out = Path(spec.out)
    graphs: dict[ox.NamedNode, ArticleRecord] = {}
    mentions = events = 0
    for rec in processor.process(spec.articles):
        graphs.pop(rec.graph, None)  # the same article twice: the later replaces the earlier
        graphs[rec.graph] = rec
        mentions += rec.mentions
        events += rec.events
    seen = merged(r.seen if r.seen is not None else seen_in(r.quads) for r in graphs.values())
    facts = list(all_entity_facts(seen, processor.kb, entity_graph()))
    quads = [q for r in graphs.values() for q in r.quads] + facts
    nq = out / f"{spec.name}.nq"
    _write_atomically(nq, lambda p: ox.serialize(quads, str(p), ox.RdfFormat.N_QUADS))
    record = {
        "file": nq.name,
        "index": spec.index,
        "count": spec.count,
        "digest": spec.digest,
        "articles": spec.size,
        "graphs": [g.value for g in graphs],
        "quads": len(quads),
        "entities": len(seen),
        "mentions": mentions,
        "events": events,
        "model_version": processor.nlp.meta.get("version", ""),
    }
    text = json.dumps(record, indent=1)
    _write_atomically(out / f"{spec.name}.json", lambda p: p.write_text(text, encoding="utf-8"))
    return record


@dataclass
class ShardReport:
    shards: int = 0
    written: int = 0  # shards written by this run
    reused: int = 0  # shards already complete, skipped
    articles: int = 0
    quads: int = 0
    skipped: list[ReadProblem] = field(default_factory=list)
    out: str = ""


def write_manifest(out: Path, run: RunRecord, records: list[dict], model_version: str) -> None:
    """The manifest: the run record and every shard's record, in partition order."""
    manifest = {"format": FORMAT, "run": {**run.as_dict(), "model_version": model_version},
                "shards": sorted(records, key=lambda r: r["index"])}
    text = json.dumps(manifest, indent=1, ensure_ascii=False)
    _write_atomically(out / MANIFEST, lambda p: p.write_text(text, encoding="utf-8"))


def prepare_out(out: Path, store: Path, run: RunRecord) -> None:
    """Create the output folder, refuse one holding shards of another run, clear the
    temporary files a stopped run left, and keep a copy of the user's knowledge base the
    shards are made with (``kg load`` uses it). One run at a time writes a folder."""
    out.mkdir(parents=True, exist_ok=True)
    old = out / MANIFEST
    if old.exists():
        try:
            prev = json.loads(old.read_text(encoding="utf-8"))["run"]
        except (OSError, ValueError, KeyError, TypeError):
            raise ShardError(f"{old}: not a kg shard manifest; give --out an empty folder") from None
        if prev.get("kb_digest") != run.kb_digest or prev.get("kg_version") != run.kg_version or prev.get("model") != run.model:
            raise ShardError(f"{out}: holds shards of another run (kg {prev.get('kg_version')}, model {prev.get('model')}, "
                             f"knowledge base {prev.get('kb_digest')}); give --out another folder or empty it")
    for stale in out.glob(".shard-*.tmp"):
        stale.unlink(missing_ok=True)  # left by a worker killed mid-write in an earlier run
    src = user_kb_path(store)
    if src.exists():
        data = src.read_bytes()
        _write_atomically(out / USER_KB_COPY, lambda p: p.write_bytes(data))


def user_kb_entries(store: Path) -> list[KBEntry]:
    path = user_kb_path(store)
    return user_entries(path) if path.exists() else []


def finish(out: Path, run: RunRecord, specs: list[ShardSpec], records: dict[int, dict], report: ShardReport) -> ShardReport:
    """Check every partition has its shard, write the manifest, fill in the report."""
    missing = [s.name for s in specs if s.index not in records]
    if missing:
        raise ShardError(f"{out}: {plural(len(missing), 'shard')} not written ({', '.join(missing[:5])}); run again to finish")
    versions = {r.get("model_version", "") for r in records.values() if r.get("model_version")}
    if len(versions) > 1:
        raise ShardError(f"{out}: the workers ran different versions of {run.model} ({', '.join(sorted(versions))}); "
                         "install the same model everywhere and run again into an empty folder")
    write_manifest(out, run, list(records.values()), versions.pop() if versions else "")
    report.shards = len(specs)
    report.articles = sum(r["articles"] for r in records.values())
    report.quads = sum(r["quads"] for r in records.values())
    report.out = str(out)
    return report


def _pool_write(spec: ShardSpec) -> dict:
    return write_shard(spec)


def _local(specs: list[ShardSpec], processes: int) -> Iterable[dict]:
    """Shards written here, or by ``processes`` forked workers (one partition at a time
    each; the processor set by :func:`use_processor` is inherited, loaded once)."""
    if processes <= 1 or len(specs) <= 1:
        for spec in specs:
            yield write_shard(spec)
        return
    import multiprocessing

    from kg.parallel import ignore_sigint

    pool = multiprocessing.get_context("fork").Pool(min(processes, len(specs)), initializer=ignore_sigint)
    try:
        done = pool.imap_unordered(_pool_write, specs)
        while True:
            try:  # in short slices, so that Ctrl-C is handled at once (see kg.parallel._result)
                yield done.next(timeout=0.2)
            except multiprocessing.TimeoutError:
                continue
            except StopIteration:
                break
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


def make_shards(
    store: Path, items: Iterable[Article | ReadProblem], out: Path, model: str, engine: str = "local",
    scheduler: str | None = None, processes: int = 1, shards: int | None = None, batch_size: int = 32,
    on_shard: Callable[[dict], None] | None = None, processor: ArticleProcessor | None = None,
) -> ShardReport:
    """Write the shards of ``items`` into ``out`` with the chosen engine, skipping the
    partitions whose shard is already complete; ``store`` gives the knowledge base (its
    user entries are shipped to the workers). A ``processor`` already loaded (built from
    that knowledge base) is used by the local engine instead of loading another."""
    from kg.errors import Interrupted

    if engine not in ("local", "dask"):
        raise ShardError(f"unknown engine {engine!r} (local or dask)")
    run = run_record(store, model, batch_size)
    entries = user_kb_entries(store)
    if engine == "dask":
        from kg.engine_dask import require_dask

        require_dask()
    prepare_out(out, store, run)
    max_length = SPACY_MAX_LENGTH  # the workers' pipelines are not loaded here
    if engine == "local":
        with lasting_loads():  # kept for the run, by this process and the workers forked from it
            processor = processor or ArticleProcessor(load_kb(store), model, batch_size=batch_size)
            max_length = processor.nlp.max_length  # loads the pipeline once, before any fork
        use_processor(run, processor)
    specs, problems = plan(items, out, run, shards, entries, max_length)
    try:
        report = ShardReport(skipped=problems)
        records: dict[int, dict] = {}
        pending = []
        for spec in specs:
            record = shard_record(out, spec)
            if record is None:
                pending.append(spec)
            else:
                records[spec.index] = record
                Path(spec.spool).unlink(missing_ok=True)
        report.reused = len(records)
        try:
            if engine == "local":
                done = _local(pending, processes)
            else:
                from kg.engine_dask import run_on_dask

                done = run_on_dask(write_shard, pending, scheduler, processes)
            for record in done:
                records[record["index"]] = record
                Path(specs[record["index"]].spool).unlink(missing_ok=True)  # its texts are in the shard now
                report.written += 1
                if on_shard:
                    on_shard(record)
        except KeyboardInterrupt:
            raise Interrupted(sum(r["articles"] for r in records.values())) from None
        return finish(out, run, specs, records, report)
    finally:
        for spec in specs:
            Path(spec.spool).unlink(missing_ok=True)
