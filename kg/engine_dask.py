"""``kg shard --engine dask``: the partitions as Dask tasks, on a cluster or on this machine.

Each partition is one task running :func:`kg.shard.write_shard` on a worker; the worker
loads the spaCy pipeline and the knowledge base on its first task and keeps them. With
``--scheduler ADDRESS`` the tasks go to a running cluster (``dask scheduler`` on a
machine of your own, dask-jobqueue on SLURM, dask-kubernetes); without it, to a
``LocalCluster`` of ``-j`` worker processes. A worker that dies mid-task (killed, out
of memory, pre-empted) costs only that task: Dask runs it again elsewhere, and a shard
is renamed into place only when whole, so a half-written one is never taken for done.
A task carries the path of its partition's articles (a spool file in ``--out``), not
their texts: ``--out`` must be a folder every worker can read and write.

Dask is an optional extra (``pip install 'kg[dask]'``); nothing here imports it until a
run asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from kg.errors import KGError

# A task whose worker dies is given to another this many times before the run fails
# (Dask's own default, said here so the behaviour is ours).
ALLOWED_FAILURES = 3


def require_dask() -> None:
    """Fail in one line when the extra is not installed."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise KGError("--engine dask needs Dask: pip install 'kg[dask]' (or use --engine local)") from None


def run_on_dask(task: Callable[[Any], dict], specs: Sequence[Any], scheduler: str | None, processes: int) -> Iterator[dict]:
    """Run ``task`` (:func:`kg.shard.write_shard`) on each of ``specs`` (shard specs: a
    ``name`` and a ``digest`` each) as Dask tasks; yield each result as it is done."""
    if not specs:
        return
    require_dask()
    import dask
    from distributed import Client, LocalCluster, as_completed

    with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
        cluster = None
        try:
            if scheduler:
                client = Client(scheduler, timeout="30s")
            else:
                cluster = LocalCluster(n_workers=max(1, processes), threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
                client = Client(cluster)
        except OSError as e:
            raise KGError(f"cannot reach the Dask scheduler {scheduler}: {e}") from e
        try:
            futures = client.map(task, specs, key=[f"kg-{s.name}-{s.digest[:12]}" for s in specs], pure=False)
            for future in as_completed(futures):
                try:
                    yield future.result()
                except KGError:
                    raise
                except Exception as e:  # a task that failed on every worker it was given
                    raise KGError(f"a shard task failed on the Dask cluster: {type(e).__name__}: {e}; run again to resume") from e
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
