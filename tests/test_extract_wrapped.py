"""A paragraph hard-wrapped at a fixed width is read as one paragraph; short menu lines are not."""

from __future__ import annotations

from kb.extract.pipeline import extract
from kb.extract.segment import Doc, lines_of

WRAPPED = """Defence talks in Tehran

Tehran, 12 June 2023. Zakir Hasanov, the defence minister of Azerbaijan, who
arrived in the Iranian capital on Sunday for a two-day working visit, met
Mohammad-Reza Gharaei Ashtiani, his Iranian counterpart, at the ministry
building in the north of the city.
The two ministers talked about border security.
"""

MENU = """Home News Politics Economy Sport
World Society Culture Science Video
Photo Opinion Archive Contacts About
Hasanov and his Iranian counterpart met in Tehran on Monday to talk about border security.
"""


def test_a_hard_wrapped_paragraph_is_one_line_and_its_meeting_is_read() -> None:
    doc = Doc.of(WRAPPED)
    lines = [doc.text[line.start : line.end] for line in lines_of(doc)]
    assert lines[1].startswith("Tehran, 12 June 2023.")
    assert lines[1].endswith("north of the city.")
    meetings = extract(WRAPPED).form["meetings"]
    people = {p["person"] for m in meetings for p in m["participants"]}
    assert {"zakir-hasanov", "mohammad-reza-gharaei-ashtiani"} <= people


def test_short_menu_lines_stay_apart() -> None:
    doc = Doc.of(MENU)
    assert len(lines_of(doc)) == 4
