"""A fault-injecting HTTP proxy between kb and a real server: it forwards every request, except
the one a rule picks, which it answers with a 500, rewrites, or meets by killing the server."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

import requests

from .fake import answer, serving


@dataclass(frozen=True)
class Request:
    number: int  # 1 for the first request the proxy sees
    method: str
    path: str
    body: bytes
    authorised: bool = False  # carries credentials (Virtuoso's digest: the second attempt)

    @property
    def is_write(self) -> bool:
        """An update that writes KB content (not the writers' lock or its journal)."""
        text = self.body.decode("utf-8", "replace")
        return self.method == "POST" and "/lock#" in text and "DROP SILENT GRAPH" in text


@dataclass
class Fault:
    """What the proxy does to one request: ``status`` answers it without forwarding;
    ``rewrite`` changes its body before forwarding; ``before`` runs first (kills the server)."""

    status: int | None = None
    rewrite: Callable[[bytes], bytes] | None = None
    before: Callable[[], None] | None = None


Rule = Callable[[Request], Fault | None]
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


@dataclass
class Proxy:
    base: str
    seen: list[Request] = field(default_factory=list)
    faults: list[Request] = field(default_factory=list)


@contextmanager
def fault_proxy(upstream: str, rule: Rule) -> Iterator[Proxy]:
    """A proxy to ``upstream`` on a free loopback port, applying ``rule`` to each request."""
    lock = threading.Lock()
    session = requests.Session()
    proxy = Proxy("")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _any(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            with lock:
                request = Request(
                    len(proxy.seen) + 1,
                    self.command,
                    self.path,
                    body,
                    "Authorization" in self.headers,
                )
                proxy.seen.append(request)
                fault = rule(request)
                if fault is not None:
                    proxy.faults.append(request)
            if fault is not None and fault.before is not None:
                fault.before()
            if fault is not None and fault.status is not None:
                answer(self, fault.status, b"Internal failure injected by the test proxy", {})
                return
            if fault is not None and fault.rewrite is not None:
                body = fault.rewrite(body)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
            try:
                reply = session.request(
                    self.command, upstream + self.path, data=body, headers=headers, timeout=60
                )
            except requests.RequestException:  # the server is down: as a gateway says it
                self.close_connection = True
                answer(self, 502, b"", {})
                return
            kept = {k: v for k, v in reply.headers.items() if k.lower() not in HOP_BY_HOP}
            kept.pop("Content-Encoding", None)  # requests decoded the body
            answer(self, reply.status_code, reply.content, kept)

        do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815

    with serving(Handler) as base:
        proxy.base = base
        try:
            yield proxy
        finally:
            session.close()
