"""A tiny local HTTP server that misbehaves on purpose: errors, silence, flakiness."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Behaviour = Callable[[int], tuple[int, bytes, float]]  # request number -> status, body, delay


@contextmanager
def fake_server(behaviour: Behaviour) -> Iterator[tuple[str, list[str]]]:
    """Serve ``behaviour`` on a free loopback port; yields the base URL and the requests seen."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            seen.append(f"{self.command} {self.path}")
            status, body, delay = behaviour(len(seen))
            time.sleep(delay)
            answer(self, status, body, {"Content-Type": "application/sparql-results+json"})

        do_GET = do_POST = do_PUT = do_DELETE = _any  # noqa: N815

    with serving(Handler) as base:
        yield base, seen


def answer(
    handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]
) -> None:
    """Send one whole answer (a client that has gone away is no error here)."""
    try:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on a free loopback port, in a thread; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
