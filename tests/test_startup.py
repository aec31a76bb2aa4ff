"""Start-up (issue 10): what a command imports, the kg program's collector policy, and
the cached ruler patterns being the patterns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click

from kg.cli import LAZY_COMMANDS, cli
from kg.kb import KBEntry, KnowledgeBase
from kg.recognise import kb_patterns, ruler_patterns, weapon_patterns

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]

# Modules only some commands need: `kg ingest` of a text file must import none of them.
NOT_FOR_INGEST = ["networkx", "rdflib", "dask", "distributed", "trafilatura", "markdown_it", "kg.cli_research",
                  "kg.query", "kg.lookup", "kg.export", "kg.export_events", "kg.serve", "kg.serve_proxy", "kg.shard",
                  "kg.dump", "kg.explain", "kg.validate", "kg.evaluate", "http.server"]


# Modules the read commands (query, lookup, export) never need: the pipeline's, the server's.
NOT_FOR_READS = ["spacy", "kg.link", "kg.emit", "kg.entities", "kg.recognise", "kg.serve", "kg.serve_proxy", "http.server"]


def imported_after(code: str, modules: list[str] = NOT_FOR_INGEST) -> list[str]:
    """The ``modules`` (NOT_FOR_INGEST unless given) that a fresh interpreter has imported after ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps([m for m in {modules!r} if m in sys.modules]))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_the_cli_imports_no_command_module():
    assert imported_after("import kg.cli") == []


def test_the_read_commands_import_neither_the_pipeline_nor_the_server():
    """Every `kg lookup` pays its imports: the entity upkeep (and the linker and emitter it
    brings) load only when kg.store writes, the server only for `kg serve`."""
    assert imported_after("import kg.cli_research, kg.store", NOT_FOR_READS) == []
    assert imported_after("import kg.cli_serve", NOT_FOR_READS) == ["kg.serve", "kg.serve_proxy", "http.server"]


def test_ingest_of_a_text_article_imports_only_what_ingest_needs(tmp_path):
    run = (
        "import kg.cli\n"
        "try:\n"
        f"    kg.cli.cli(['--store', {str(tmp_path / 'store')!r}, 'ingest', '-q', {str(SEED)!r}], standalone_mode=False)\n"
        "except SystemExit as e:\n"
        "    assert not e.code, e.code\n"
    )
    assert imported_after(run) == []
    assert (tmp_path / "store").is_dir()  # the ingest did run


def test_every_lazy_command_is_listed_and_loads_as_itself():
    ctx = click.Context(cli)
    assert set(LAZY_COMMANDS) <= set(cli.list_commands(ctx))
    for name in LAZY_COMMANDS:
        command = cli.get_command(ctx, name)
        assert isinstance(command, click.Command) and command.name == name and command.help
    listing = subprocess.run([sys.executable, "-m", "kg", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0
    listed = {line.split()[0] for line in listing.stdout.split("Commands:")[1].splitlines() if line.strip()}
    assert set(LAZY_COMMANDS) | {"ingest", "kb", "stats", "remove", "validate", "evaluate"} <= listed


def test_the_kg_program_freezes_the_loaded_knowledge_base_and_a_library_does_not():
    probe = (
        "import gc, sys\n"
        "import kg.cache\n"
        "from kg.kb.build import load_builtin_kb\n"
        "if sys.argv[1] == 'program':\n"
        "    kg.cache.freeze_lasting_loads()\n"
        "kb = load_builtin_kb()\n"
        "print(gc.get_freeze_count(), gc.isenabled(), len(kb))\n"
    )
    counts = {}
    for mode in ("library", "program"):
        done = subprocess.run([sys.executable, "-c", probe, mode], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        frozen, enabled, entries = done.stdout.split()
        assert enabled == "True" and int(entries) > 10_000
        counts[mode] = int(frozen)
    assert counts["library"] == 0
    assert counts["program"] > 100_000  # the index's objects, out of the collector's walks


def test_lasting_loads_holds_the_collector_back_inside_and_freezes_once_at_the_outermost_end():
    probe = (
        "import gc, sys, weakref\n"
        "import kg.cache\n"
        "class Node: pass\n"
        "if sys.argv[1] == 'program':\n"
        "    kg.cache.freeze_lasting_loads()\n"
        "before = gc.get_threshold()\n"
        "cycle = Node()\n"
        "cycle.me = cycle\n"
        "gone = weakref.ref(cycle)\n"
        "del cycle\n"
        "seen = []\n"
        "with kg.cache.lasting_loads():\n"
        "    with kg.cache.lasting_loads():\n"
        "        gc.disable(); gc.enable()  # as a library's own load may do\n"
        "        kept = [[i] for i in range(50_000)]\n"
        "    seen.append((gc.get_threshold()[0], gc.get_freeze_count(), gc.get_count()[0] > 50_000))\n"
        "seen.append((gc.get_threshold() == before, gc.get_freeze_count(), gone() is None))\n"
        "print(*('/'.join(map(str, s)) for s in seen))\n"
    )
    for mode in ("library", "program"):
        done = subprocess.run([sys.executable, "-c", probe, mode], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        inner, outer = done.stdout.split()
        assert inner == "0/0/True"  # no collection ran inside, even after the library's enable(); no freeze yet
        restored, frozen, collected = outer.split("/")
        assert restored == "True"
        if mode == "library":
            assert int(frozen) == 0
        else:
            assert int(frozen) > 50_000  # the lists, out of the collector's walks
            assert collected == "True"  # the garbage of before was collected, not frozen


def test_main_turns_the_freeze_on(monkeypatch):
    import kg.cache

    seen = []
    monkeypatch.setattr(kg.cache, "_freeze_lasting", False)
    monkeypatch.setattr(sys, "argv", ["kg", "--version"])
    monkeypatch.setattr("kg.cli.cli", lambda **kw: seen.append(kg.cache._freeze_lasting))
    from kg.cli import main

    main()
    assert seen == [True]


def _entry(i: str, label: str, kind: str = "Place", **kw) -> KBEntry:
    return KBEntry(id=i, type=kind, label=label, **kw)


def test_cached_ruler_patterns_are_the_patterns_and_an_added_entry_is_not_missed(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE", str(tmp_path / "cache"))
    kb = KnowledgeBase([_entry("p1", "Avdiivka", aliases=["Avdeevka"]), _entry("w1", "Kalibr", "Weapon", classes=["WeaponSystem"])])
    kb.content_key = "test-kb-1"
    first = ruler_patterns(kb)
    assert first == weapon_patterns(kb, kb_patterns(kb))
    assert any(p["pattern"] == "Kalibr" and p.get("weapon") for p in first)
    [cached] = (tmp_path / "cache").glob("ruler-patterns-*.pickle")
    assert ruler_patterns(kb) == first  # read back from the file
    kb.add(_entry("p2", "Pokrovsk"))
    assert kb.content_key is None  # an entry added by hand: the key no longer says what the entries are
    assert "Pokrovsk" in {p["pattern"] for p in ruler_patterns(kb)}
    kb.content_key = "test-kb-2"
    assert "Pokrovsk" in {p["pattern"] for p in ruler_patterns(kb)}
    assert list((tmp_path / "cache").glob("ruler-patterns-*.pickle")) != [cached]  # the older file is gone


def test_load_kb_keys_a_store_with_entries_of_its_own_apart(tmp_path):
    from kg.kb import load_kb
    from kg.kb.build import append_user_entries, sources_digest

    store = tmp_path / "store"
    builtin = f"kb-{sources_digest()}"
    assert load_kb(store).content_key == builtin
    append_user_entries(store, [({"id": "user-zzyzx", "type": "Place", "label": "Zzyzx"}, "test")])
    mine = load_kb(store)
    assert mine.content_key not in (None, builtin)
    assert "Zzyzx" in {p["pattern"] for p in ruler_patterns(mine)}
