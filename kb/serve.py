"""A read-only SPARQL 1.1 Protocol endpoint over any kb store, with a query page.

``GET /`` is a self-contained HTML form (no CDN, no script from elsewhere). ``/sparql``
answers queries by GET (``?query=``) or POST (form-encoded, or ``application/sparql-query``):
SELECT in SPARQL JSON, CSV or TSV per the Accept header, ASK in JSON, CONSTRUCT and DESCRIBE
in N-Triples or Turtle. Updates are refused with 403, and so is ``SERVICE``: the endpoint
never changes the store and never reaches another server. It listens on loopback only.
"""

from __future__ import annotations

import html
import ipaddress
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from .errors import InputError, KBError, StoreError
from .namespaces import PREFIXES, sparql_prologue
from .output import plain, to_csv, to_json, to_tsv
from .queries import check_read_only
from .store import Solutions, Store

SELECT_TYPES = {
    "application/sparql-results+json": ("application/sparql-results+json", to_json),
    "application/json": ("application/sparql-results+json", to_json),
    "text/csv": ("text/csv; charset=utf-8", to_csv),
    "text/tab-separated-values": ("text/tab-separated-values; charset=utf-8", to_tsv),
    "text/html": ("text/html; charset=utf-8", lambda solutions: results_page(solutions)),
}
GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
}
MAX_BODY = 1_000_000
# Defaults of `kb serve --timeout` and `--max-queries`.
QUERY_TIMEOUT = 30.0
MAX_QUERIES = 4


class Limits:
    """How much one server takes on: queries at once (past it, 503 at once), seconds per query
    (past it, 503; the query's thread finishes in the background and keeps its slot until then,
    so the server's load stays bounded), and the size of a request body (past it, 413)."""

    def __init__(
        self,
        timeout: float = QUERY_TIMEOUT,
        max_queries: int = MAX_QUERIES,
        max_body: int = MAX_BODY,
    ) -> None:
        self.timeout = timeout
        self.max_body = max_body
        self.slots = threading.BoundedSemaphore(max_queries)
        self.pool = ThreadPoolExecutor(max_workers=max_queries, thread_name_prefix="kb-query")


def _choose(accept: str, offered: list[str]) -> str:
    """The first offered media type the Accept header allows (the first offered by default)."""
    wanted = []
    for index, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            wanted.append((-quality, index, media.strip().lower()))
    for _, _, media in sorted(wanted):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            for item in offered:
                if media == "*/*" or item.startswith(prefix + "/"):
                    return item
    return offered[0]


class SparqlHandler(BaseHTTPRequestHandler):
    server_version = "kb-serve"
    store: Store
    limits: Limits

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002  (stdlib's name)
        pass

    def do_GET(self) -> None:  # noqa: N802  (stdlib's name)
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            self._send(200, "text/html; charset=utf-8", page().encode("utf-8"))
        elif url.path == "/sparql":
            if "update" in params:
                self._refuse_update()
            elif "query" in params:
                self._answer(params["query"][0])
            else:
                self._send(400, "text/plain; charset=utf-8", b"give ?query=...\n")
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found: try / or /sparql\n")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(404, "text/plain; charset=utf-8", b"not found: POST to /sparql\n")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > self.limits.max_body:
            self._send(413, "text/plain; charset=utf-8", b"request too large\n")
            return
        body = self.rfile.read(length).decode("utf-8", "replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            self._refuse_update()
        elif media == "application/sparql-query":
            self._answer(body)
        else:
            params = parse_qs(body)
            if "update" in params:
                self._refuse_update()
            elif "query" in params:
                self._answer(params["query"][0])
            else:
                self._send(400, "text/plain; charset=utf-8", b"give query=...\n")

    def _refuse_update(self) -> None:
        self._send(
            403, "text/plain; charset=utf-8", b"this endpoint is read-only: updates are refused\n"
        )

    def _answer(self, query: str) -> None:
        try:
            form = check_read_only(query)
        except InputError as error:
            updating = "update" in str(error)
            self._send(403 if updating else 400, "text/plain; charset=utf-8", f"{error}\n".encode())
            return
        text = sparql_prologue() + query
        accept = self.headers.get("Accept") or "*/*"
        limits = self.limits
        if not limits.slots.acquire(blocking=False):
            self._busy(f"busy: {self.server_version} answers a few queries at once; retry shortly")
            return
        try:
            work = limits.pool.submit(self._evaluate, form, text, accept)
        except RuntimeError:  # the pool is shut down: the server is stopping
            limits.slots.release()
            self._busy("the server is stopping")
            return
        work.add_done_callback(lambda _: limits.slots.release())
        try:
            content_type, body = work.result(timeout=limits.timeout)
        except FutureTimeout:
            self._busy(f"the query ran longer than {limits.timeout:g} s (kb serve --timeout)")
            return
        except InputError as error:
            self._send(400, "text/plain; charset=utf-8", f"{error}\n".encode())
            return
        except StoreError as error:
            self._send(502, "text/plain; charset=utf-8", f"{error}\n".encode())
            return
        except KBError as error:
            self._send(500, "text/plain; charset=utf-8", f"{error}\n".encode())
            return
        self._send(200, content_type, body)

    def _evaluate(self, form: str, text: str, accept: str) -> tuple[str, bytes]:
        if form == "SELECT":
            media = _choose(accept, list(SELECT_TYPES))
            content_type, render = SELECT_TYPES[media]
            return content_type, render(self.store.select(text)).encode("utf-8")
        if form == "ASK":
            body = json.dumps({"head": {}, "boolean": self.store.ask(text)}).encode()
            return "application/sparql-results+json", body
        media = _choose(accept, list(GRAPH_TYPES))
        fmt = GRAPH_TYPES[media]
        triples = self.store.construct(text)
        prefixes = dict(PREFIXES) if fmt == ox.RdfFormat.TURTLE else None
        return f"{media}; charset=utf-8", ox.serialize(
            triples, format=fmt, prefixes=prefixes
        ) or b""

    def _busy(self, why: str) -> None:
        self.send_response(503)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Retry-After", "1")
        body = f"{why}\n".encode()
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if content_type.startswith("text/html"):
            self.send_header(
                "Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
            )
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    """Loopback HTTP, a thread per request; a deep listen queue, so a burst of clients waits
    for its 200 or 503 instead of having its connection reset."""

    daemon_threads = True
    request_queue_size = 128


def make_server(
    store: Store, host: str = "127.0.0.1", port: int = 7070, limits: Limits | None = None
) -> ThreadingHTTPServer:
    """A server bound to a loopback address; refuses any other address."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    if not loopback:
        raise InputError(f"kb serve listens on loopback only (127.0.0.1, ::1), not {host!r}")
    handler = type("BoundHandler", (SparqlHandler,), {"store": store, "limits": limits or Limits()})
    try:
        return _Server((host, port), handler)
    except OSError as error:
        raise StoreError(f"cannot listen on {host}:{port}: {error.strerror or error}") from error


EXAMPLE = """SELECT ?speakerLabel ?date ?quote WHERE {
  ?statement a kb:Statement ; kb:speaker ?speaker ; kb:evidence/oa:hasSelector/oa:exact ?quote .
  ?speaker rdfs:label ?speakerLabel . FILTER (LANGMATCHES(LANG(?speakerLabel), "en"))
  OPTIONAL { ?statement kb:date ?date }
} LIMIT 20"""


def page() -> str:
    """The query page: one form, posting to /sparql; no script, no stylesheet from elsewhere."""
    prefixes = html.escape(", ".join(PREFIXES))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kb SPARQL endpoint</title>
<style>
body {{ font: 15px/1.4 system-ui, sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; }}
textarea {{ width: 100%; font: 14px/1.3 monospace; }}
code {{ background: #f3f3f3; padding: 0 .2em; }}
</style></head>
<body>
<h1>kb SPARQL endpoint</h1>
<p>Read-only (SPARQL 1.1 Protocol at <code>/sparql</code>). The prefixes {prefixes} are declared
for you. Queries see the union of all graphs.</p>
<form method="post" action="/sparql">
<p><textarea name="query" rows="14" spellcheck="false">{html.escape(EXAMPLE)}</textarea></p>
<p><button type="submit">Run query</button>
(a browser gets a table; tools choose SPARQL JSON, CSV or TSV with their Accept header)</p>
</form>
</body></html>
"""


def results_page(solutions: Solutions) -> str:
    """SELECT results as an HTML table, for a person at the query page."""
    head = "".join(f"<th>{html.escape(v)}</th>" for v in solutions.variables)
    body = "\n".join(
        "<tr>"
        + "".join(f"<td>{html.escape(plain(row.get(v)))}</td>" for v in solutions.variables)
        + "</tr>"
        for row in solutions.rows
    )
    count = len(solutions.rows)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>kb: {count} rows</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1em; }}
table {{ border-collapse: collapse; }}
td, th {{ border: 1px solid #ccc; padding: .2em .4em; vertical-align: top; }}
</style></head>
<body><p><a href="/">new query</a> &middot; {count} row{"s" if count != 1 else ""}</p>
<table><tr>{head}</tr>
{body}
</table></body></html>
"""
