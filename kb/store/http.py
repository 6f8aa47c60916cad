"""HTTP to SPARQL servers: SPARQLWrapper for queries, requests for updates and the Graph
Store Protocol, with the same retries, timeouts and one-line errors for both.

Connection failures (refused, reset, unreachable, HTTP 502/503/504) are retried with
exponential backoff; every request kb sends is idempotent (a query, or a write that
replaces graphs with given content), so a retry can never double a write. A timeout is not
retried: the server may still be working. Nothing here ever prints a password.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth
from SPARQLWrapper import BASIC, DIGEST, POST, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from ..errors import InputError, StoreError

RETRIED_STATUS = (502, 503, 504)
T = TypeVar("T")


@dataclass(frozen=True)
class Credentials:
    """A user and password; the password never appears in a repr or a message."""

    user: str
    password: str = field(repr=False)
    scheme: str = "basic"  # or "digest" (Virtuoso)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password='***', scheme={self.scheme!r})"

    def requests_auth(self) -> AuthBase:
        if self.scheme == "digest":
            return HTTPDigestAuth(self.user, self.password)
        return HTTPBasicAuth(self.user, self.password)


@dataclass(frozen=True)
class Reply:
    """A server's answer: status, body and headers."""

    status: int
    body: bytes
    content_type: str
    headers: Mapping[str, str]


class NoAnswer(StoreError):
    """The server did not answer in time: a write may still be running there."""


class _Retry(Exception):
    """A failure worth another attempt."""


class Http:
    """One server's HTTP client: retries, timeouts and errors named after ``display``."""

    def __init__(self, display: str, timeout: float, retries: int, backoff: float = 0.2) -> None:
        self.display = display
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.session = requests.Session()

    def close(self) -> None:
        self.session.close()

    # -- the shared retry loop ------------------------------------------------------------

    def _with_retries(self, what: str, attempt: Callable[[], T]) -> T:
        last = ""
        for number in range(self.retries + 1):
            if number:
                time.sleep(self.backoff * 2 ** (number - 1))
            try:
                return attempt()
            except _Retry as reason:
                last = str(reason)
        tries = self.retries + 1
        plural = "s" if tries > 1 else ""
        raise StoreError(
            f"{self.display}: cannot {what}: {last} "
            f"(after {tries} attempt{plural}); is the server running and reachable?"
        )

    def _timed_out(self, what: str, write: bool) -> NoAnswer:
        hint = (
            " The write was one request, so the server applies it whole or not at all; running "
            "the command again is safe."
            if write
            else ""
        )
        return NoAnswer(f"{self.display}: no answer within {self.timeout:g} s to {what}.{hint}")

    def _status_error(self, what: str, status: int, body: bytes, write: bool) -> StoreError:
        if status in (401, 403):
            return StoreError(
                f"{self.display}: the server refused {what} (HTTP {status}): check the user and "
                "password (USER:PASSWORD@ in the location, or KB_STORE_USER / KB_STORE_PASSWORD)"
            )
        detail = _first_line(body)
        nothing = " Nothing was written." if write and status < 500 else ""
        if status == 404:
            return StoreError(f"{self.display}: {what}: no such endpoint (HTTP 404): {detail}")
        return StoreError(f"{self.display}: {what} failed (HTTP {status}): {detail}.{nothing}")

    # -- requests: updates and the Graph Store Protocol -----------------------------------

    def send(
        self,
        method: str,
        url: str,
        what: str,
        *,
        write: bool,
        auth: Credentials | None = None,
        params: Mapping[str, str] | None = None,
        data: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        ok_missing: bool = False,
    ) -> Reply:
        """One HTTP request; a 404 is an answer when ``ok_missing`` (a graph that is not there)."""

        def attempt() -> Reply:
            try:
                response = self.session.request(
                    method,
                    url,
                    params=params,
                    data=data,
                    headers=headers,
                    auth=auth.requests_auth() if auth else None,
                    timeout=self.timeout,
                )
            except requests.Timeout as error:
                if isinstance(error, requests.ConnectTimeout):
                    raise _Retry("connection timed out") from error
                raise self._timed_out(what, write) from error
            except requests.ConnectionError as error:
                raise _Retry(_reason(error)) from error
            if response.status_code in RETRIED_STATUS:
                raise _Retry(f"HTTP {response.status_code}: {_first_line(response.content)}")
            if response.status_code == 404 and ok_missing:
                return Reply(404, b"", "", response.headers)
            if response.status_code >= 400:
                raise self._status_error(what, response.status_code, response.content, write)
            return Reply(
                response.status_code,
                response.content,
                response.headers.get("Content-Type", ""),
                response.headers,
            )

        return self._with_retries(what, attempt)

    # -- SPARQLWrapper: queries -------------------------------------------------------------

    def query(
        self,
        url: str,
        text: str,
        form: str,
        accept: str,
        *,
        params: Mapping[str, str] | None = None,
        auth: Credentials | None = None,
    ) -> Reply:
        """POST a query (form-encoded) and return the raw answer; ``form`` is SELECT, ASK, ..."""
        what = "run a query"

        def attempt() -> Reply:
            wrapper = SPARQLWrapper(url)
            wrapper.setMethod(POST)
            wrapper.setRequestMethod(URLENCODED)
            wrapper.setOnlyConneg(True)  # no format=/output= parameters: Accept decides
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                wrapper.setQuery(text)
            wrapper.queryType = form  # not guessed from the text: Virtuoso's `define`s come first
            wrapper.timeout = self.timeout  # type: ignore[assignment]  # setTimeout() rounds to int
            wrapper.addCustomHttpHeader("Accept", accept)
            for name, value in (params or {}).items():
                wrapper.addParameter(name, value)
            if auth:
                wrapper.setHTTPAuth(DIGEST if auth.scheme == "digest" else BASIC)
                wrapper.setCredentials(auth.user, auth.password)
            try:
                result = wrapper.query()
                body = result.response.read()
                headers = dict(result.info())
            except SPARQLWrapperException as error:
                status = _WRAPPER_STATUS.get(type(error).__name__, 500)
                body = str(error).encode("utf-8", "replace")
                if status == 400:
                    raise InputError(
                        f"{self.display} refused the query: {_wrapper_detail(error)}"
                    ) from None
                raise self._status_error(
                    what, status, _wrapper_detail(error).encode(), False
                ) from None
            except urllib.error.HTTPError as error:
                if error.code in RETRIED_STATUS:
                    raise _Retry(f"HTTP {error.code}") from error
                raise self._status_error(what, error.code, error.read(), False) from None
            except TimeoutError as error:
                raise self._timed_out(what, False) from error
            except urllib.error.URLError as error:
                if isinstance(error.reason, (TimeoutError, socket.timeout)):
                    raise self._timed_out(what, False) from error
                raise _Retry(str(error.reason)) from error
            except (ConnectionError, OSError) as error:
                raise _Retry(str(error) or type(error).__name__) from error
            lowered = {k.lower(): v for k, v in headers.items()}
            return Reply(200, body, lowered.get("content-type", ""), lowered)

        return self._with_retries(what, attempt)


_WRAPPER_STATUS = {
    "QueryBadFormed": 400,
    "Unauthorized": 401,
    "EndPointNotFound": 404,
    "URITooLong": 414,
    "EndPointInternalError": 500,
}


def _wrapper_detail(error: SPARQLWrapperException) -> str:
    """The server's own message from a SPARQLWrapper exception, on one line."""
    text = str(error)
    marker = "Response:\n"
    if marker in text:
        text = text.split(marker, 1)[1]
    if text.startswith("b'") or text.startswith('b"'):
        text = text[2:-1].encode("latin-1", "replace").decode("unicode_escape", "replace")
    return _first_line(text.encode("utf-8", "replace"))


def _first_line(body: bytes, limit: int = 200) -> str:
    text = body.decode("utf-8", "replace").strip()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("<"):
            return line[:limit]
    return (text.splitlines() or ["(no message)"])[0][:limit]


def _reason(error: requests.ConnectionError) -> str:
    """Why a connection failed, without the URL (which may be long) or a stack of wrappers."""
    text = str(error)
    for known in (
        "Connection refused",
        "Connection reset",
        "Name or service not known",
        "Remote end closed",
    ):
        if known.lower() in text.lower():
            return known.lower()
    return text.split(":")[-1].strip(" )'\"") or "connection failed"
