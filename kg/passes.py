"""Passes over the whole store after a write (the incident update, the corpus pass over
unknown names): the store handle that bounds their memory, and the marker a run killed
before its pass leaves, so that the next run does the whole pass.

RocksDB keeps the blocks a long run of look-ups read until the store is closed: on a
10,000-article store that held some 120 MiB more than on a 1,000-article one. Given the
store's folder, a pass opens the store itself and opens it again every so many records
it reads, so what it holds does not grow with the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox

from kg.store import open_store

READS_PER_OPEN = 500  # records read between two openings of the store, by default


class StoreHandle:
    """The store a long run of look-ups reads. Opened here from a folder, it is closed
    and opened again every ``every`` records read (:meth:`tick`), which empties RocksDB's
    caches (see the module's docstring); wrapped around a store the caller holds, it
    only passes that store on. Given both, it starts from the store, which the caller
    lets go of, and opens it again from the folder (one opening fewer: 0.01 CPU s and an
    fsync each). Only this object holds a store it opened, and look-ups never hold an
    iterator across a tick, so closing it closes the store."""

    def __init__(self, store: ox.Store | None = None, path: Path | None = None, every: int = READS_PER_OPEN):
        if store is None and path is None:
            raise ValueError("a StoreHandle wraps a store or opens one from a folder")
        self.path, self.every = path, every
        self._store = store if store is not None else open_store(path)  # type: ignore[arg-type]
        self._reads = 0
        self.openings = 1  # how many times the store was opened (tests check the bound is kept)

    @property
    def store(self) -> ox.Store:
        return self._store

    def count_afresh(self, every: int) -> StoreHandle:
        """Start counting again, for another pass that reopens every ``every`` reads (a
        handle shared between passes bounds each pass as its own handle would)."""
        self.every, self._reads = every, 0
        return self

    def tick(self, reads: int = 1) -> None:
        """Count ``reads`` records read (whole, or the quad that locates one); open the store
        again when ``every`` were made since it was last opened (a store opened here
        only; its writes are flushed first)."""
        self._reads += reads
        if self.path is not None and self._reads >= self.every:
            self._reads = 0
            self._store.flush()
            self._store = None  # type: ignore[assignment]  # the only reference: RocksDB closes now
            self._store = open_store(self.path)
            self.openings += 1


@dataclass
class OwedPass:
    """A pass the writes since it last ran have made owed. ``marker``, a file beside the
    store, exists from the first such write until the pass is done; a run killed in
    between leaves it, and whoever finds it (``everything``) does the whole pass."""

    marker: Path | None = None
    everything: bool = False
    last_openings: int = 0  # how many times the last pass at a folder opened the store
    note: ClassVar[str] = "a pass over the store is owed: the next kg ingest or load does it\n"

    def __post_init__(self) -> None:
        if self.marker is not None and self.marker.exists():
            self.everything = True

    def _mark(self) -> None:
        if self.marker is not None and not self.marker.exists():
            try:
                self.marker.write_text(self.note)
            except OSError:
                self.everything = True  # cannot leave word for a later run: leave nothing to it

    def run_at(self, path: Path | StoreHandle, every: int, run: Callable[[StoreHandle], int]) -> int:
        """``run`` on the store in the folder ``path`` (which nothing else may hold open),
        opened here and opened again every ``every`` reads; or on a handle given instead,
        counting afresh. Flushes at the end, whatever happens."""
        handle = path.count_afresh(every) if isinstance(path, StoreHandle) else StoreHandle(path=path, every=every)
        try:
            return run(handle)
        finally:
            handle.store.flush()
            self.last_openings = handle.openings
