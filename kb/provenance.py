"""Who did what, and when: the agents and timestamps of kb's PROV-O records.

Every command that records an activity (``kb add``, ``kb retract``, ``kb entities
merge|accept``, ``kb meetings reconcile|split``) names its agent and its time here, so one
person has one agent IRI whichever command they ran, and ``SOURCE_DATE_EPOCH`` makes every
record reproducible.
"""

from __future__ import annotations

import getpass
import os
from datetime import UTC, datetime
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Triple

from .namespaces import BASE, PROV, RDF_TYPE, RDFS, XSD

AGENT_BASE = BASE + "agent/"


def agent_name(agent: str | None = None) -> str:
    """The name given (``--agent``), else the login name, else "unknown"."""
    if agent:
        return agent
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError):  # no login name in some containers
        return "unknown"


def agent_iri(agent: str | None = None) -> NamedNode:
    """The agent's IRI: its name percent-encoded, so "Jane Doe" is ``agent/Jane%20Doe``.

    >>> agent_iri("Jane Doe").value
    'https://w3id.org/kb/agent/Jane%20Doe'
    """
    return NamedNode(AGENT_BASE + quote(agent_name(agent), safe="@.-_~"))


def extractor_iri(version: str) -> NamedNode:
    """The software agent of one extractor version."""
    return NamedNode(AGENT_BASE + "extractor/" + quote(version, safe=".-_~"))


def agent_triples(agent: str | None = None) -> list[Triple]:
    """The agent as a ``prov:Agent`` with its name as label."""
    who = agent_iri(agent)
    return [Triple(who, RDF_TYPE, PROV.Agent), Triple(who, RDFS.label, Literal(agent_name(agent)))]


def now_literal() -> Literal:
    """The time records carry: now, or SOURCE_DATE_EPOCH when set (reproducible runs)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    now = moment.isoformat(timespec="seconds").replace("+00:00", "Z")
    return Literal(now, datatype=XSD.dateTime)
