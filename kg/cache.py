"""kg's cache folder and its pickles: the knowledge-base index, the ruler's tokens, a
store's name index. Each is rebuilt when missing or stale, so writing one is best effort."""

from __future__ import annotations

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
