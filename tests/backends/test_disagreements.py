"""The disagreement listings answer alike on every backend, for a difference of each kind and
for accounts that agree (the meetings are found by their accounts' kb:accountDigest)."""

from __future__ import annotations

from kb.store import Store

from ..test_disagreement_digest import BOUNDS, account, kb_of, listed

DATED = BOUNDS + '; kb:date "2023-10-04"^^xsd:date'
MEETINGS = [
    (DATED, "ab", DATED, "ba"),  # the same, in another order: no row
    (DATED, "ab", DATED, "abd"),  # participants
    (DATED, "", DATED, "a"),  # participants: nobody named against someone
    (DATED, "ab", BOUNDS + '; kb:date "2023-10"^^xsd:gYearMonth', "ab"),  # date precision
    (DATED, "ab", '; kb:earliest "2023-10-05"^^xsd:date', "ab"),  # dates apart
    (DATED + "; schema:location ent:baku", "ab", DATED + "; schema:location ent:tehran", "ab"),
    (DATED, "abcdefghij", DATED, "jihgfedcba"),  # more than eight people, the same
]


def accounts() -> list[list]:
    out = []
    for n, (fields1, people1, fields2, people2) in enumerate(MEETINGS):
        meeting = f"2023-{10 + n % 3}-test-{n}"
        out.append(account(f"{n}a", people1, fields1, meeting))
        out.append(account(f"{n}b", people2, fields2, meeting))
    return out


def comparable(rows: list[dict[str, str]]) -> list[dict[str, object]]:
    """Rows with the participants as a set (GROUP_CONCAT's order is the engine's)."""
    return [
        {k: frozenset(v.split(", ")) if k == "participants" else v for k, v in row.items()}
        for row in rows
    ]


def test_every_backend_lists_the_same_disagreements(store: Store) -> None:
    kb_of(*accounts(), store=store)
    reference = kb_of(*accounts())
    for name in ("disagreements", "meeting-disagreements"):
        expected = comparable(listed(reference, name))
        assert len({row["meeting"] for row in expected}) == len(MEETINGS) - 2
        assert comparable(listed(store, name)) == expected
