"""The writers' lock of a SPARQL server: a lease kept in the store itself.

A server has no lock a client can hold across the several requests of one ``kb add`` (read
the KB, validate, write), so kb keeps one in a graph of its own, ``graph:lock``:

- **Take it**: one update inserts ``graph:lock lock:heldBy <me>`` (with the server's
  ``NOW()`` as ``<me> lock:heartbeat``) only if no holder is there; then a query reads every
  holder. kb holds the lock only if it is the *only* holder. Measured: neither server runs
  that conditional insert in isolation every time (Oxigraph let two of eight simultaneous
  inserts through in 2 of 40 trials; Virtuoso none in 40), so the read-back is what makes it
  sound: of two writers that both inserted, each sees the other and withdraws, then tries
  again after a random pause; a writer that sees only itself was alone when it read, and
  every later writer sees it (its insert was committed before that read).
- **Keep it**: a thread renews the heartbeat every quarter of the lease (``lease=``
  seconds in the location, default 30), and before each write kb checks that it still
  holds the lock.
- **Break it**: a holder whose heartbeat is older than the lease (a writer killed, or cut
  off from the server) is removed by the next writer, only if its heartbeat is still the one
  read (a compare-and-set); ages are the server's own clock against itself.
- **Leave it**: on close, kb removes its holder triples; a failed removal expires with the
  lease.

What it does not cover: a holder stopped (not killed) for longer than the lease between its
last check and its write could write after another writer broke its lock.
"""

from __future__ import annotations

import os
import random
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import pyoxigraph as ox

from ..errors import StoreError
from ..namespaces import BASE, GRAPH
from . import Solutions

LOCK_GRAPH = GRAPH["lock"]
_LOCK = BASE + "lock#"
HELD_BY = ox.NamedNode(_LOCK + "heldBy")
HEARTBEAT = ox.NamedNode(_LOCK + "heartbeat")
WHO = ox.NamedNode(_LOCK + "who")
LEASE = ox.NamedNode(_LOCK + "lease")  # the holder's own lease, in seconds
LEASE_SECONDS = 30.0
RETRY_SECONDS = 0.25  # a waiting writer tries again after about this long (randomised)
DEADLOCK_RETRIES = 5


class LockClient(Protocol):
    """What the lock asks of its own connection to the server (a kb.store.remote.RemoteStore)."""

    location: str

    def _update(self, sparql: str, what: str) -> None: ...

    def _select(self, sparql: str, union: bool) -> Solutions: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Holder:
    """A writer named in the lock graph, and how long ago (server time) it renewed its lease."""

    node: ox.NamedNode
    heartbeat: ox.Literal | None
    who: str
    age: float
    lease: float


class ServerLock:
    """The writers' lock of one server, taken by ``acquire`` and given back by ``release``.

    ``client`` is a store of its own (its own HTTP session), used only by the lock, so the
    heartbeat thread never shares a connection with the command's requests.
    """

    def __init__(
        self, client: LockClient, lease: float = LEASE_SECONDS, timeout: float = 30.0
    ) -> None:
        self.client = client
        self.lease = lease
        self.timeout = timeout  # of one request: how long giving the lock back may wait
        self.node = ox.NamedNode(f"urn:uuid:{uuid.uuid4()}")
        self.who = f"kb pid {os.getpid()} on {socket.gethostname()}"
        self._requests = threading.Lock()  # the heartbeat thread and the command take turns
        self._stop = threading.Event()
        self._beating: threading.Thread | None = None
        self._inserted = False  # whether an insert of this writer may be in the lock graph

    # -- taking and giving back ----------------------------------------------------------

    def acquire(self, wait: float, on_wait: Callable[[], None] | None = None) -> None:
        """Hold the lock, waiting up to ``wait`` seconds (``on_wait`` called once if it must)."""
        self._inserted = False
        try:
            self._acquire(wait, on_wait)
        except BaseException:
            if self._inserted:  # its insert went through: leave nothing behind
                try:
                    self._withdraw()
                except StoreError:
                    pass
            raise

    def _acquire(self, wait: float, on_wait: Callable[[], None] | None) -> None:
        deadline = time.monotonic() + wait
        waited = False
        while True:
            self._update(
                _TAKE.format(
                    lock=LOCK_GRAPH,
                    me=self.node,
                    who=ox.Literal(self.who),
                    lease=ox.Literal(f"{self.lease:g}", datatype=_DECIMAL),
                )
            )
            self._inserted = True
            holders = self.holders()
            others = [h for h in holders if h.node != self.node]
            if not others and holders:
                self._start_heartbeat()
                return
            if len(others) < len(holders):
                self._withdraw()  # another writer inserted at the same time: both step back
            stale = [h for h in others if h.heartbeat is not None and h.age > h.lease]
            for holder in stale:
                self._break(holder)
            if stale:
                continue
            if time.monotonic() >= deadline:
                who = f" ({others[0].who})" if others and others[0].who else ""
                raise StoreError(
                    f"the store at {self.client.location} is busy: another kb command is "
                    f"writing{who}"
                    + (f" (waited {wait:g} s; raise --wait to wait longer)" if wait else "")
                )
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            time.sleep(RETRY_SECONDS * random.uniform(0.5, 1.5))

    def release(self) -> None:
        """Give the lock back (best effort: a lock left behind expires with its lease)."""
        self._stop.set()
        if self._beating is not None:
            self._beating.join(timeout=self.timeout)
            self._beating = None
        try:
            self._withdraw()
        except StoreError:
            pass
        self.client.close()

    def confirm(self) -> None:
        """Raise unless this writer still holds the lock (checked right before a write)."""
        if [h.node for h in self.holders()] != [self.node]:
            raise StoreError(
                f"{self.client.location}: lost the writers' lock (no heartbeat for {self.lease:g} s, "
                "so another writer broke it); nothing was written: run the command again"
            )

    # -- what is in the lock graph ---------------------------------------------------------

    def holders(self) -> list[Holder]:
        rows = self._select(_HOLDERS.format(lock=LOCK_GRAPH))
        holders = []
        for row in rows:
            node, beat, who, lease, now = (row.get(k) for k in ("w", "beat", "who", "lease", "now"))
            if not isinstance(node, ox.NamedNode):
                continue
            age = _seconds(now) - _seconds(beat) if beat is not None and now is not None else 0.0
            holders.append(
                Holder(
                    node,
                    beat if isinstance(beat, ox.Literal) else None,
                    who.value if isinstance(who, ox.Literal) else "",
                    age,
                    _number(lease, default=self.lease),
                )
            )
        return holders

    def _withdraw(self) -> None:
        self._update(_LEAVE.format(lock=LOCK_GRAPH, me=self.node))

    def _break(self, holder: Holder) -> None:
        """Remove a holder whose lease ran out, if it has not renewed it since it was read."""
        if holder.heartbeat is not None:
            self._update(_BREAK.format(lock=LOCK_GRAPH, them=holder.node, beat=holder.heartbeat))

    # -- the heartbeat ----------------------------------------------------------------------

    def _start_heartbeat(self) -> None:
        self._stop.clear()
        self._beating = threading.Thread(target=self._beat, name="kb-lock-heartbeat", daemon=True)
        self._beating.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.lease / 4):
            try:
                self._update(_RENEW.format(lock=LOCK_GRAPH, me=self.node))
            except StoreError:
                pass  # tried again at the next beat; confirm() tells the writer if it lost

    # -- requests ----------------------------------------------------------------------------

    def _update(self, text: str) -> None:
        for attempt in range(DEADLOCK_RETRIES + 1):
            try:
                with self._requests:
                    self.client._update(text, "take or renew the writers' lock")  # noqa: SLF001
                return
            except StoreError as error:  # Virtuoso: "40001 ... deadlock", try it again
                if "deadlock" not in str(error).lower() or attempt == DEADLOCK_RETRIES:
                    raise
            time.sleep(RETRY_SECONDS * random.uniform(0.5, 1.5))

    def _select(self, text: str) -> list[dict[str, object]]:
        with self._requests:
            return self.client._select(text, union=False).rows  # noqa: SLF001


_TAKE = f"""INSERT {{{{ GRAPH {{lock}} {{{{ {{lock}} {HELD_BY} {{me}} .
  {{me}} {HEARTBEAT} ?now ; {WHO} {{who}} ; {LEASE} {{lease}} }}}} }}}}
WHERE {{{{ {{{{ SELECT (COUNT(?other) AS ?holders)
    WHERE {{{{ OPTIONAL {{{{ GRAPH {{lock}} {{{{ {{lock}} {HELD_BY} ?other }}}} }}}} }}}} }}}}
  FILTER(?holders = 0) BIND(NOW() AS ?now) }}}}"""
# Virtuoso 7.2 inserts nothing when OPTIONAL + FILTER(!BOUND) meets BIND(NOW()), and
# everything with FILTER NOT EXISTS (measured): hence the count.
_HOLDERS = f"""SELECT ?w ?beat ?who ?lease (NOW() AS ?now)
WHERE {{{{ GRAPH {{lock}} {{{{ {{lock}} {HELD_BY} ?w .
  OPTIONAL {{{{ ?w {HEARTBEAT} ?beat }}}} OPTIONAL {{{{ ?w {WHO} ?who }}}}
  OPTIONAL {{{{ ?w {LEASE} ?lease }}}} }}}} }}}}"""
_LEAVE = f"""DELETE {{{{ GRAPH {{lock}} {{{{ {{lock}} {HELD_BY} {{me}} . {{me}} ?p ?o }}}} }}}}
WHERE {{{{ VALUES ?p {{{{ {HEARTBEAT} {WHO} {LEASE} }}}} GRAPH {{lock}} {{{{ {{me}} ?p ?o }}}} }}}}"""
_BREAK = f"""DELETE {{{{ GRAPH {{lock}} {{{{ {{lock}} {HELD_BY} ?w . ?w ?p ?o }}}} }}}}
WHERE {{{{ VALUES ?w {{{{ {{them}} }}}} VALUES ?p {{{{ {HEARTBEAT} {WHO} {LEASE} }}}}
  GRAPH {{lock}} {{{{ {{lock}} {HELD_BY} ?w . ?w ?p ?o . ?w {HEARTBEAT} ?beat }}}}
  FILTER(?beat = {{beat}}) }}}}"""
_RENEW = f"""DELETE {{{{ GRAPH {{lock}} {{{{ {{me}} {HEARTBEAT} ?old }}}} }}}}
INSERT {{{{ GRAPH {{lock}} {{{{ {{me}} {HEARTBEAT} ?now }}}} }}}}
WHERE {{{{ GRAPH {{lock}} {{{{ {{lock}} {HELD_BY} {{me}} . {{me}} {HEARTBEAT} ?old }}}} BIND(NOW() AS ?now) }}}}"""

_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")


def _number(term: object, default: float) -> float:
    try:
        return float(term.value) if isinstance(term, ox.Literal) else default
    except ValueError:
        return default


_DATETIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$")


def _seconds(term: object) -> float:
    """An xsd:dateTime as POSIX seconds (a time without a zone is taken as UTC, as servers
    give their own clock back the same way each time)."""
    text = term.value if isinstance(term, ox.Literal) else ""
    match = _DATETIME.match(text)
    if match is None:
        return 0.0
    stamp, fraction, zone = match.groups()
    when = datetime.fromisoformat(stamp + (zone if zone and zone != "Z" else "+00:00"))
    return when.timestamp() + float(f"0.{fraction or 0}")
