"""Serve the store over the SPARQL 1.1 Protocol with the Oxigraph server, behind a guard.

The ``oxigraph`` package ships the server binary (``oxigraph serve`` /
``oxigraph serve-read-only``). kg runs it as a child on a private loopback port, with
the union of all graphs as the default graph (as kg's own queries read it), read-only
unless asked otherwise, and listens on the public port itself: a small proxy
(:mod:`kg.serve_proxy`) checks every query before the child sees it. Why not expose
the child directly (Oxigraph 0.5.13, measured):

- a query nested a few thousand levels deep overflows the child's stack and kills it,
  so the proxy applies kg.guard's limits first;
- ``SERVICE`` makes the child fetch any URL (server-side request forgery): refused
  unless ``allow_federation``;
- ``--timeout-s`` does not stop a running query: the proxy answers 503 at the deadline
  and this module kills the child and starts a fresh one, which does stop it;
- a read-only child keeps the store as it was when it opened: after an ingest (the
  store's ``kg-generation`` file changes) a fresh child is started and takes over.

The child gets SIGKILL when kg dies, however it dies (Linux: PR_SET_PDEATHSIG).
Children are only started from the thread that called :meth:`Server.start`, because
the kernel ties that signal to the thread that forked.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import IO

from kg.errors import KGError, StoreError
from kg.journal import pending
from kg.serve_proxy import HOST, make_server

DEFAULT_PORT = 7878
GENERATION = "kg-generation"  # written by kg.ingest.mark_changed after every change
CRASHES_ALLOWED = 3  # unexpected child deaths within CRASH_WINDOW_S before kg gives up
CRASH_WINDOW_S = 60.0


def server_binary() -> str:
    """The ``oxigraph`` executable: beside this Python (the venv's bin/), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise KGError("the Oxigraph server is not installed (pip install oxigraph)")
    return found


def command(store: str | Path, port: int = DEFAULT_PORT, read_write: bool = False, cors: bool = False) -> list[str]:
    """The command line that runs the Oxigraph server on ``store`` at 127.0.0.1:``port``.

    No ``--timeout-s``: Oxigraph 0.5.13 accepts it but does not stop a running query;
    kg enforces the timeout itself.
    """
    args = [server_binary(), "serve" if read_write else "serve-read-only", "--location", str(store),
            "--bind", f"{HOST}:{port}", "--union-default-graph"]
    if cors:
        args.append("--cors")
    return args


def endpoint(port: int) -> str:
    return f"http://{HOST}:{port}/query"


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def check_store(store: str | Path, read_write: bool) -> None:
    """Refuse a folder without a store (read-only); finish a write a killed run left
    half-done (kg/journal.py), which the Oxigraph server would not know to do."""
    path = Path(store)
    if not read_write and (not path.is_dir() or not any(path.iterdir())):
        raise StoreError(f"{path}: no kg store here (run `kg ingest` first, or pass --store)")
    if pending(path):
        from kg.store import finish_killed_write  # only then: the store is otherwise the server's to open

        finish_killed_write(path)


def generation(store: str | Path) -> str:
    """The store's change mark (empty when it has none yet)."""
    try:
        return (Path(store) / GENERATION).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _die_with_parent() -> None:
    """Runs in the child between fork and exec: SIGKILL it when its parent thread dies."""
    if _PRCTL is not None:
        _PRCTL(1, int(signal.SIGKILL), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        if os.getppid() != _PARENT[0]:  # the parent died before the line above: go too
            os._exit(1)


def _load_prctl():
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()
_PARENT = [os.getpid()]


class Child:
    """One Oxigraph server process on a private port, and the requests it is answering."""

    def __init__(self, store: Path, read_write: bool, cors: bool, wait: float):
        self.port = free_port()
        self.log: IO[str] = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.inflight = 0
        self.expected_exit = False  # set when kg stops it on purpose
        self.retired_at: float | None = None
        _PARENT[0] = os.getpid()
        self.proc = subprocess.Popen(command(store, self.port, read_write, cors), stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=subprocess.STDOUT, text=True,
                                     preexec_fn=_die_with_parent if _PRCTL is not None else None)
        try:
            wait_until_ready(self.port, self.proc, wait)
        except BaseException:
            self.stop()
            raise

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """Stop it now, whatever it is doing (a query past its deadline)."""
        self.expected_exit = True
        if self.alive():
            self.proc.kill()

    def stop(self, wait: float = 10.0) -> None:
        self.expected_exit = True
        stop(self.proc, wait)
        self.log.close()

    def tail(self) -> str:
        return _tail(self.proc, self.log)


class Server:
    """kg's endpoint: the guard on the public port, an Oxigraph child behind it.

    ``start()`` binds the port (a busy port fails here, with a clear error) and starts
    the child; ``run()`` supervises until ``stop()`` or a signal: it replaces a child
    killed at a timeout or dead on its own, and in read-only mode one that serves an
    outdated store. Everything it has to say goes to ``notes`` (a callable).
    """

    def __init__(self, store: str | Path, port: int = DEFAULT_PORT, read_write: bool = False, cors: bool = False,
                 timeout_s: float | None = None, allow_federation: bool = False, wait: float = 15.0,
                 notes=None):
        self.store = Path(store)
        self.port = port
        self.read_write = read_write
        self.cors = cors
        self.timeout_s = timeout_s
        self.allow_federation = allow_federation
        self.wait = wait
        self.notes = notes or (lambda message: None)
        self.lock = threading.Condition()
        self.child: Child | None = None
        self.retired: list[Child] = []
        self.crashes: list[float] = []
        self.stopping = threading.Event()
        self.httpd = None
        self.thread: threading.Thread | None = None
        self.generation = ""

    # --- life cycle -----------------------------------------------------------------

    def start(self) -> Server:
        check_store(self.store, self.read_write)
        self.httpd = make_server(self)
        try:
            self.generation = generation(self.store)
            self.child = self._spawn()
        except BaseException:
            self.httpd.server_close()
            raise
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="kg-serve-proxy", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
        with self.lock:
            children = [c for c in [self.child, *self.retired] if c is not None]
            self.child, self.retired = None, []
            self.lock.notify_all()
        for c in children:
            c.stop()

    def run(self, poll_s: float = 0.5) -> None:
        """Supervise until stopped; raise KGError when the child keeps dying."""
        while not self.stopping.wait(poll_s):
            self.poll()

    def poll(self) -> None:
        """One round of supervision (call from the thread that called start())."""
        with self.lock:
            child = self.child
        if child is None or self.stopping.is_set():
            return
        if not child.alive():
            if not child.expected_exit:
                now = time.monotonic()
                self.crashes = [t for t in self.crashes if now - t < CRASH_WINDOW_S] + [now]
                self.notes(f"the Oxigraph server stopped unexpectedly (exit {child.proc.returncode}){child.tail()}")
                if len(self.crashes) >= CRASHES_ALLOWED:
                    raise KGError(f"the Oxigraph server stopped {len(self.crashes)} times within "
                                  f"{CRASH_WINDOW_S:.0f} s; giving up")
            self._replace(child, kill_old=True)
        elif not self.read_write and (now_generation := generation(self.store)) != self.generation:
            self.generation = now_generation
            self._replace(child, kill_old=False)
            self.notes("the store changed (a new ingest): now serving it")
        self._reap()

    def _replace(self, old: Child, kill_old: bool) -> None:
        if kill_old or self.read_write:  # a read-write store opens once at a time
            old.stop()
            new = self._spawn()
        else:  # read-only: the new child answers before the old one goes
            new = self._spawn()
            old.retired_at = time.monotonic()
            self.retired.append(old)
        with self.lock:
            self.child = new
            self.lock.notify_all()

    def _spawn(self, attempts: int = 3) -> Child:
        """A ready child; another try when its private port was taken meanwhile."""
        for _ in range(attempts - 1):
            try:
                return Child(self.store, self.read_write, self.cors, self.wait)
            except KGError as e:
                if "Address already in use" not in str(e):
                    raise
        return Child(self.store, self.read_write, self.cors, self.wait)

    def _reap(self) -> None:
        """Stop retired children once their last request is answered (or after a grace time)."""
        grace = max(self.timeout_s or 0, 60.0)
        for c in list(self.retired):
            if c.inflight == 0 or time.monotonic() - (c.retired_at or 0) > grace:
                self.retired.remove(c)
                c.stop()

    # --- used by the proxy's threads ------------------------------------------------

    def acquire(self, wait: float | None = None) -> Child | None:
        """The child to send a request to (waiting while one is being replaced)."""
        deadline = time.monotonic() + (self.wait if wait is None else wait)
        with self.lock:
            while not self.stopping.is_set():
                c = self.child
                if c is not None and c.alive() and not c.expected_exit:
                    c.inflight += 1
                    return c
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return None
                self.lock.wait(min(remaining, 0.2))
        return None

    def release(self, child: Child) -> None:
        with self.lock:
            child.inflight -= 1

    def changed(self) -> None:
        """An update went through: mark the store changed, as kg.ingest.mark_changed does."""
        (self.store / GENERATION).write_text(uuid.uuid4().hex, encoding="utf-8")
        self.generation = generation(self.store)

    def timed_out(self, child: Child) -> None:
        """A query ran past the timeout: kill its child; poll() starts another."""
        child.kill()
        self.notes(f"a query ran past {self.timeout_s:g} s and was stopped (the Oxigraph server restarts)")


def start(store: str | Path, port: int = DEFAULT_PORT, read_write: bool = False, cors: bool = False,
          timeout_s: float | None = None, allow_federation: bool = False, wait: float = 15.0,
          notes=None) -> Server:
    """Start the endpoint and return once it answers (or raise, having stopped it)."""
    return Server(store, port, read_write, cors, timeout_s, allow_federation, wait, notes).start()


def wait_until_ready(port: int, proc: subprocess.Popen | None = None, wait: float = 15.0) -> None:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise KGError(f"the Oxigraph server stopped at once (exit {proc.returncode}){_tail(proc)}")
        try:
            ask(port, "ASK { }", timeout=1.0)
            return
        except (OSError, urllib.error.URLError):
            time.sleep(0.1)
    raise KGError(f"the Oxigraph server did not answer on port {port} within {wait:.0f} s")


def stop(proc: subprocess.Popen, wait: float = 10.0) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _tail(proc: subprocess.Popen, log: IO[str] | None = None) -> str:
    log = log or getattr(proc, "log", None)
    try:
        log.seek(0)
        text = log.read().strip()
    except (AttributeError, OSError, ValueError):
        return ""
    lines = [line for line in text.splitlines() if not line.startswith("Listening for requests")]
    text = "\n".join(lines).strip()
    return f": {text[-500:]}" if text else ""


def ask(port: int, sparql: str, timeout: float = 10.0) -> dict:
    """Run ``sparql`` on the local endpoint (HTTP GET) and return the SPARQL JSON results."""
    url = endpoint(port) + "?" + urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # loopback only
        return json.loads(response.read().decode("utf-8"))
