"""kg's cache folder and its pickles: the knowledge-base index, the ruler's tokens, a
store's name index. Each is rebuilt when missing or stale, so writing one is best effort."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``$KG_CACHE``, else ``$XDG_CACHE_HOME/kg`` (``~/.cache/kg``)."""
    root = os.environ.get("KG_CACHE") or os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "kg")
    return Path(root)


def save_pickle(path: Path, value: Any) -> bool:
    """Write ``value`` to ``path`` whole or not at all (a temporary file renamed into
    place, so a reader never sees half a pickle); False when the folder cannot be
    written, which only costs the rebuild next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return False
    return True


# Whether what lasting_loads() loads (and load_lasting() unpickles) is moved out of
# the cycle collector's sight (gc.freeze). Only the `kg` program turns it on (kg.cli.main): its process runs one
# command and ends, while a process that uses kg as a library (or the test suite,
# which counts on gc.collect() closing stores) keeps Python's ordinary collector.
_freeze_lasting = False


def freeze_lasting_loads() -> None:
    """Let lasting_loads() freeze what it loads, for the rest of this process.

    The knowledge base's index is some 600,000 objects that live as long as the
    process and hold no cycles; left to the cycle collector they are walked by each
    collection that follows (young, middle, old) and once more at exit: 0.8 s of
    CPU in a one-article ``kg ingest``, against 0.03 s for one collection before
    they are loaded and none after."""
    global _freeze_lasting
    _freeze_lasting = True


_lasting_depth = 0  # how many lasting_loads() blocks are open


@contextmanager
def lasting_loads() -> Iterator[None]:
    """A block that loads what a process keeps to its end: imports, the knowledge base,
    the spaCy pipeline, the ruler's patterns.

    The cycle collector is off for the block (some million small objects, none cyclic
    garbage: with it running, each collection the allocations set off walks all that
    was loaded before, and the loads take several times as long); at its end, when
    freeze_lasting_loads() was called, garbage is collected once and everything alive
    is frozen (gc.freeze), so that no later collection -- one every few hundred
    allocations while articles are worked on -- walks it again. Blocks nest: only the
    outermost collects and freezes."""
    global _lasting_depth
    enabled = gc.isenabled()
    gc.disable()
    _lasting_depth += 1
    try:
        yield
    finally:
        _lasting_depth -= 1
        if _lasting_depth == 0 and _freeze_lasting:
            gc.collect()  # so that no garbage of the loads is frozen with what they loaded
            gc.freeze()
        if enabled:
            gc.enable()


def load_lasting(raw: bytes) -> Any:
    """Unpickle an index meant to live as long as the process (the knowledge base),
    inside :func:`lasting_loads` (one of its own when none is open)."""
    if _lasting_depth:
        return pickle.loads(raw)
    if _freeze_lasting:
        gc.collect()  # what is alive before the load is frozen with it: garbage should not be
    with lasting_loads():
        return pickle.loads(raw)
