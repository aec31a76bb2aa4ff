"""Serve the store over the SPARQL 1.1 Protocol with the Oxigraph server.

The ``oxigraph`` package ships the server binary (``oxigraph serve`` /
``oxigraph serve-read-only``). kg starts it on the store's folder, bound to the
loopback address, with the union of all graphs as the default graph (as kg's own
queries read it), read-only unless asked otherwise.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import IO

from kg.errors import KGError, StoreError

HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def server_binary() -> str:
    """The ``oxigraph`` executable: beside this Python (the venv's bin/), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    if here.is_file():
        return str(here)
    found = shutil.which("oxigraph")
    if not found:
        raise KGError("the Oxigraph server is not installed (pip install oxigraph)")
    return found


def command(store: str | Path, port: int = DEFAULT_PORT, read_write: bool = False, cors: bool = False,
            timeout_s: int | None = None) -> list[str]:
    """The command line that serves ``store`` on 127.0.0.1:``port``."""
    args = [server_binary(), "serve" if read_write else "serve-read-only", "--location", str(store),
            "--bind", f"{HOST}:{port}", "--union-default-graph"]
    if cors:
        args.append("--cors")
    if timeout_s:
        args += ["--timeout-s", str(timeout_s)]
    return args


def endpoint(port: int) -> str:
    return f"http://{HOST}:{port}/query"


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def check_store(store: str | Path, read_write: bool) -> None:
    path = Path(store)
    if not read_write and (not path.is_dir() or not any(path.iterdir())):
        raise StoreError(f"{path}: no kg store here (run `kg ingest` first, or pass --store)")


def start(store: str | Path, port: int = DEFAULT_PORT, read_write: bool = False, cors: bool = False,
          timeout_s: int | None = None, wait: float = 15.0, output: IO[str] | None = None) -> subprocess.Popen:
    """Start the server and return once it answers (or raise, having stopped it).

    The server's log goes to ``output`` (a real file), or to a temporary file.
    """
    check_store(store, read_write)
    log = output if output is not None else tempfile.TemporaryFile(mode="w+", encoding="utf-8")
    proc = subprocess.Popen(command(store, port, read_write, cors, timeout_s), stdin=subprocess.DEVNULL,
                            stdout=log, stderr=subprocess.STDOUT, text=True)
    proc.log = log  # type: ignore[attr-defined]
    try:
        wait_until_ready(port, proc, wait)
    except BaseException:
        stop(proc)
        raise
    return proc


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


def _tail(proc: subprocess.Popen) -> str:
    log = getattr(proc, "log", None)
    try:
        log.seek(0)
        text = log.read().strip()
    except (AttributeError, OSError, ValueError):
        return ""
    return f": {text[-500:]}" if text else ""


def ask(port: int, sparql: str, timeout: float = 10.0) -> dict:
    """Run ``sparql`` on the local endpoint (HTTP GET) and return the SPARQL JSON results."""
    url = endpoint(port) + "?" + urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # loopback only
        return json.loads(response.read().decode("utf-8"))
