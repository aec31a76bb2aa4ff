"""``kg ingest -j N``: a fork pool of workers running the per-article work.

Each worker is a copy of the parent made after the knowledge base and the spaCy
pipeline are loaded (fork: nothing is loaded twice, memory pages are shared), runs
recognise -> link -> events -> emit on chunks of articles (:mod:`kg.pipeline`) and
hands back :class:`~kg.pipeline.ArticleRecord` values; the parent only writes them.
Chunks come back in the order they were sent, so a run with workers writes exactly
what a run in one process writes, the same article twice included.

Workers ignore Ctrl-C: the parent alone hears it, stops them (SIGTERM, no
traceback), keeps the articles already written, and says so.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from multiprocessing.pool import AsyncResult

from kg.pipeline import ArticleProcessor, ArticleRecord
from kg.types import Article

# The processor a forked worker inherits: set in the parent just before the fork.
_PROCESSOR: ArticleProcessor | None = None


@contextmanager
def sigint_deferred() -> Iterator[None]:
    """Hold Ctrl-C back for the length of the block (it is raised at the end), so that a
    write and the count of what it wrote are never torn apart. Done with a Python-level
    handler, not a signal mask: the kernel may hand SIGINT to any thread of the process
    (the pool's, BLAS's), but Python runs its handlers in the main thread. Elsewhere
    than in the main thread this does nothing (only the main thread gets KeyboardInterrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)
        if pending:
            raise KeyboardInterrupt


def ignore_sigint() -> None:
    """A worker's initializer: Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(chunk: list[Article]) -> list[ArticleRecord]:
    assert _PROCESSOR is not None, "worker started without a processor"
    return _PROCESSOR.process_list(chunk)


def _chunks(articles: Iterable[Article], size: int, ahead: int = 0) -> Iterator[list[Article]]:
    """Chunks of ``size`` articles. Read ``ahead`` chunks beyond the one handed out, the
    articles of the last ``ahead`` chunks are known to be the last, and go out in twice as
    many, smaller chunks: the workers (``ahead`` of them) then finish at about the same
    time, rather than one working alone through a whole chunk while the others wait.
    Records do not depend on how articles are chunked (kg/pipeline.py)."""
    it = iter(articles)
    buffered: deque[list[Article]] = deque()
    while chunk := list(islice(it, size)):
        buffered.append(chunk)
        if len(buffered) > ahead:
            yield buffered.popleft()
    rest = [a for c in buffered for a in c]
    step = max(1, -(-len(rest) // (2 * ahead))) if ahead else size
    for i in range(0, len(rest), step):
        yield rest[i : i + step]


def _result(pending: AsyncResult) -> list[ArticleRecord]:
    """A chunk's records, waited for in short slices: a SIGINT that lands just before a
    blocking wait begins is only handled when the wait ends (the wait is not interrupted
    then), so an endless wait could hold Ctrl-C back until the chunk, or the run, is done."""
    while True:
        try:
            return pending.get(timeout=0.2)
        except multiprocessing.TimeoutError:
            continue


def article_records(
    processor: ArticleProcessor,
    articles: Iterable[Article],
    processes: int = 1,
    chunk_size: int = 8,
    on_idle: Callable[[], None] | None = None,
) -> Iterator[ArticleRecord]:
    """Records for ``articles`` in order: in this process, or in ``processes`` forked
    workers with at most two chunks each in flight (so reading runs only a little ahead
    of the work and memory stays bounded however many articles come).

    With workers, ``on_idle`` is called once the articles are all handed out, each time
    the next chunk is not back yet: the caller can write what it holds while the last
    chunks are worked on, rather than all of it after them (when the workers are done
    and only the writer works)."""
    if processes <= 1:
        yield from processor.process(articles)
        return
    global _PROCESSOR
    processor.nlp  # load the pipeline before the fork, once for every worker  # noqa: B018
    _PROCESSOR = processor
    pool = multiprocessing.get_context("fork").Pool(processes, initializer=ignore_sigint)
    try:
        waiting: deque = deque()
        for chunk in _chunks(articles, chunk_size, ahead=processes):
            waiting.append(pool.apply_async(_work, (chunk,)))
            if len(waiting) >= 2 * processes:
                yield from _result(waiting.popleft())
        while waiting:
            if on_idle is not None and not waiting[0].ready():
                on_idle()
            yield from _result(waiting.popleft())
    except BaseException:
        pool.terminate()  # Ctrl-C, an error, or the consumer stopping: workers go at once
        raise
    else:
        pool.close()
    finally:
        pool.join()
        _PROCESSOR = None
