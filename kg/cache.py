"""kg's cache folder and its pickles: the knowledge-base index, the ruler's tokens, a
store's name index. Each is rebuilt when missing or stale, so writing one is best effort."""

from __future__ import annotations

import gc
import os
import pickle
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


# Whether what load_lasting() unpickles is moved out of the cycle collector's sight
# (gc.freeze). Only the `kg` program turns it on (kg.cli.main): its process runs one
# command and ends, while a process that uses kg as a library (or the test suite,
# which counts on gc.collect() closing stores) keeps Python's ordinary collector.
_freeze_lasting = False


def freeze_lasting_loads() -> None:
    """Let load_lasting() freeze what it loads, for the rest of this process.

    The knowledge base's index is some 600,000 objects that live as long as the
    process and hold no cycles; left to the cycle collector they are walked by each
    collection that follows (young, middle, old) and once more at exit: 0.8 s of
    CPU in a one-article ``kg ingest``, against 0.03 s for one collection before
    they are loaded and none after."""
    global _freeze_lasting
    _freeze_lasting = True


def load_lasting(raw: bytes) -> Any:
    """Unpickle an index meant to live as long as the process (the knowledge base).

    The cycle collector is off while it loads (some million small objects, none
    cyclic garbage: with it running they take 3-6 times as long); when
    freeze_lasting_loads() was called, garbage is collected first and then
    everything alive is frozen (gc.freeze), so that no later collection walks it."""
    if _freeze_lasting:
        gc.collect()  # so that no garbage of before is frozen with the index
    enabled = gc.isenabled()
    gc.disable()
    try:
        value = pickle.loads(raw)
        if _freeze_lasting:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return value
