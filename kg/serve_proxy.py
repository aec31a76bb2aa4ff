"""The HTTP front of `kg serve`: checks each SPARQL request, then hands it to Oxigraph.

A query or update is read the way the SPARQL 1.1 Protocol sends it (GET ``?query=``,
a form POST, or a ``application/sparql-query`` / ``-update`` body), checked with
kg.guard, and sent on to the child as a form POST holding exactly the text that was
checked, so the child can never read a request differently from the check. Every other
request (the query editor page, the Graph Store Protocol, CORS preflight) is passed
through as it came. Responses stream back; past the timeout the client gets 503 and the
child is killed (the only way to stop Oxigraph evaluating).
"""

from __future__ import annotations

import http.client
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

from kg import guard
from kg.errors import KGError, QueryError

if TYPE_CHECKING:  # kg.serve builds on this module; the names are for annotations only
    from kg.serve import Child, Server

HOST = "127.0.0.1"  # kg serves on the loopback address only

MAX_BODY = 2 * guard.MAX_CHARS  # a checked query or update, form-encoded
CHUNK = 64 * 1024
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
              "transfer-encoding", "upgrade", "host", "content-length"}
FORMS = {"/query": ("query", "application/sparql-query"), "/update": ("update", "application/sparql-update")}


class Refused(Exception):
    """A request answered by the proxy itself, with an HTTP status and a message."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def make_server(server: Server) -> ThreadingHTTPServer:
    """The listening proxy for ``server``; a busy port is a KGError saying so."""

    class Handler(ProxyHandler):
        owner = server

    try:
        httpd = ThreadingHTTPServer((HOST, server.port), Handler)
    except OSError as e:
        raise KGError(f"cannot listen on {HOST}:{server.port}: {e.strerror or e} "
                      "(is another server running there? choose another port with --port)") from e
    httpd.daemon_threads = True
    return httpd


class ProxyHandler(BaseHTTPRequestHandler):
    owner: Server
    server_version = "kg-serve"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # no line per request; refusals and timeouts are reported through owner.notes

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    def do_OPTIONS(self) -> None:
        self._handle()

    # --- reading and checking -------------------------------------------------------

    def _handle(self) -> None:
        try:
            path, _, raw_query = self.path.partition("?")
            if path in FORMS and self.command in ("GET", "POST"):
                method, target, body, headers = self._checked(path, raw_query)
            else:
                method, target, headers = self.command, self.path, self._passed_headers()
                body = self._body(limit=None) if self.command in ("POST", "PUT") else None
            self._forward(method, target, body, headers)
        except Refused as e:
            self._reply(e.status, str(e))
        except (TimeoutError, ConnectionError):
            pass  # the client went away

    def _checked(self, path: str, raw_query: str) -> tuple[str, str, bytes, dict[str, str]]:
        field, direct_type = FORMS[path]
        if path == "/update" and not self.owner.read_write:
            raise Refused(403, "this endpoint is read-only (start kg serve with --read-write to accept updates)")
        params = _parse(raw_query)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.command == "POST":
            body = self._body(limit=MAX_BODY) or b""
            if content_type == "application/x-www-form-urlencoded":
                params += _parse(_text(body))
            elif content_type == direct_type:
                params.append((field, _text(body)))
            else:
                raise Refused(415, f"send the {field} as application/x-www-form-urlencoded or {direct_type}")
        texts = [v for k, v in params if k == field]
        if len(texts) != 1:
            raise Refused(400, f"give exactly one {field} parameter")
        what = "the query" if field == "query" else "the update"
        try:
            guard.check(texts[0], what, self.owner.allow_federation)
        except QueryError as e:
            self.owner.notes(f"refused a request: {e}")
            raise Refused(400, str(e)) from e
        headers = self._passed_headers()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return "POST", path, urllib.parse.urlencode(params).encode("utf-8"), headers

    def _body(self, limit: int | None) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            raise Refused(411, "send a Content-Length (chunked requests are not accepted)")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise Refused(400, "bad Content-Length") from None
        if length < 0 or (limit is not None and length > limit):
            raise Refused(413, f"the request body is {length:,} bytes; kg accepts at most {limit:,} here")
        return self.rfile.read(length) if length else b""

    def _passed_headers(self) -> dict[str, str]:
        return {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}

    # --- forwarding -----------------------------------------------------------------

    def _forward(self, method: str, target: str, body: bytes | None, headers: dict[str, str]) -> None:
        owner = self.owner
        child = owner.acquire()
        if child is None:
            raise Refused(503, "the Oxigraph server is not available right now; try again")
        try:
            status = self._exchange(child, method, target, body, headers)
            if target == "/update" and status < 300:
                owner.changed()  # as after an ingest: kg lookup's cached index is stale now
        finally:
            owner.release(child)

    def _exchange(self, child: Child, method: str, target: str, body: bytes | None, headers: dict[str, str]) -> int:
        """Send the request to ``child``, stream its answer back; the answer's status."""
        owner = self.owner
        deadline = time.monotonic() + owner.timeout_s if owner.timeout_s else None
        sent_head = False

        def left() -> float | None:
            if deadline is None:
                return None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError()
            return remaining

        connection = http.client.HTTPConnection(HOST, child.port, timeout=left())
        try:
            connection.request(method, target, body=body, headers=headers)
            response = connection.getresponse()
            self.send_response(response.status, response.reason)
            for k, v in response.getheaders():
                if k.lower() not in HOP_BY_HOP | {"server", "date"} or k.lower() == "content-length":
                    self.send_header(k, v)
            self.send_header("Connection", "close")
            self.end_headers()
            sent_head = True
            while True:
                if connection.sock is not None:
                    connection.sock.settimeout(left())
                chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
                if not chunk:
                    break
                self.wfile.write(chunk)
            return response.status
        except TimeoutError:
            owner.timed_out(child)
            if not sent_head:
                raise Refused(503, f"the query ran longer than {owner.timeout_s:g} s and was stopped "
                                   "(kg serve --timeout)") from None
            self.close_connection = True  # the client sees a cut-short answer
            return 504
        except (ConnectionRefusedError, ConnectionResetError, http.client.HTTPException) as e:
            if sent_head:
                raise ConnectionError() from e
            raise Refused(503, "the Oxigraph server stopped while answering (another query may have run past "
                               "the timeout); run the query again") from e
        finally:
            connection.close()

    def _reply(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            if self.owner.cors:
                self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
        except (TimeoutError, ConnectionError):
            pass


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise Refused(400, f"the request is not UTF-8 ({e.reason} at byte {e.start})") from None


def _parse(raw: str) -> list[tuple[str, str]]:
    try:
        return urllib.parse.parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="strict")
    except (UnicodeDecodeError, ValueError) as e:
        raise Refused(400, f"cannot read the request's parameters: {e}") from None
