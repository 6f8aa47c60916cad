"""Every claim is grounded: its quote is found verbatim in its source at its offsets."""

from __future__ import annotations

from kb.namespaces import sparql_prologue
from kb.store import Store

SELECTORS = (
    sparql_prologue()
    + """
SELECT ?claim ?exact ?start ?end ?text WHERE {
  ?claim kb:evidence ?evidence .
  ?evidence oa:hasSource ?source ; oa:hasSelector ?quote , ?position .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
  ?position a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?source schema:text ?text .
}"""
)


def test_every_quote_is_found_verbatim_at_its_offsets(seed_store: Store) -> None:
    rows = seed_store.select(SELECTORS).rows
    assert len(rows) > 40, "the seed KB should hold dozens of grounded claims"
    misplaced = []
    for row in rows:
        start, end = int(row["start"].value), int(row["end"].value)
        if row["text"].value[start:end] != row["exact"].value:
            misplaced.append(row["claim"].value)
    assert misplaced == []


def test_every_statement_and_meeting_account_has_evidence(seed_store: Store) -> None:
    ungrounded = seed_store.select(
        sparql_prologue()
        + """
        SELECT ?claim WHERE {
          ?claim a ?type . VALUES ?type { kb:Statement kb:MeetingAccount }
          FILTER NOT EXISTS { ?claim kb:evidence ?evidence }
        }"""
    ).rows
    assert ungrounded == []


def test_every_mention_and_attribution_is_printed_in_its_source(seed_store: Store) -> None:
    rows = seed_store.select(
        sparql_prologue()
        + """
        SELECT ?claim ?phrase ?text WHERE {
          { ?claim kb:participation/kb:mention ?phrase ; kb:source ?source }
          UNION { ?claim kb:attribution ?phrase ; kb:source ?source }
          ?source schema:text ?text .
        }"""
    ).rows
    assert rows
    assert [r["phrase"].value for r in rows if r["phrase"].value not in r["text"].value] == []
