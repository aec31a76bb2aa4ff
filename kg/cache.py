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

    No collection runs inside (some million small objects, nearly none of them garbage:
    each collection their allocations set off would walk all that was loaded before it,
    and the loads take several times as long). The collector is held back by its first
    threshold (0), not gc.disable(): a library that turns the collector off and on
    again around a load of its own (srsly's msgpack_loads, which spaCy's model load
    calls) then does not let it loose on everything the block has allocated so far.

    When freeze_lasting_loads() was called, the outermost block collects first (cheap:
    little is loaded yet) and at its end freezes everything alive (gc.freeze), so that
    no later collection -- one every few hundred allocations while articles are worked
    on -- walks what was loaded. The block's own garbage, a few thousand objects, is
    frozen with it rather than paid for with a walk of the million."""
    global _lasting_depth
    outermost = _lasting_depth == 0
    thresholds = gc.get_threshold()
    if outermost and _freeze_lasting:
        gc.collect()  # so that garbage of before is not frozen with what is loaded
    gc.set_threshold(0, *thresholds[1:])
    _lasting_depth += 1
    try:
        yield
    finally:
        _lasting_depth -= 1
        if outermost and _freeze_lasting:
            gc.freeze()
        gc.set_threshold(*thresholds)


def load_lasting(raw: bytes) -> Any:
    """Unpickle an index meant to live as long as the process (the knowledge base),
    inside :func:`lasting_loads` (one of its own when none is open)."""
    with lasting_loads():
        return pickle.loads(raw)
