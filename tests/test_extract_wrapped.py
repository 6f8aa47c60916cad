"""A paragraph hard-wrapped at a fixed width is read as one paragraph; short menu lines are not."""

from __future__ import annotations

from kb.extract.pipeline import extract
from kb.extract.segment import Doc, lines_of

WRAPPED = """Ministers meet

Baku, 3 May 2024. On the sidelines of the regional transport forum held in the
capital, Jeyhun Bayramov, Minister of Foreign Affairs of the Republic of
Azerbaijan, met with Hossein Amir-Abdollahian, Minister of Foreign Affairs of the
Islamic Republic of Iran.
The two ministers discussed the transport corridors.
"""

MENU = """Home News Politics Economy Sport
World Society Culture Science Video
Photo Opinion Archive Contacts About
Bayramov and Amir-Abdollahian met in Baku on Friday to discuss the transport corridors.
"""


def test_a_hard_wrapped_paragraph_is_one_line_and_its_meeting_is_read() -> None:
    doc = Doc.of(WRAPPED)
    lines = [doc.text[line.start : line.end] for line in lines_of(doc)]
    assert lines[1].startswith("Baku, 3 May 2024.") and lines[1].endswith(
        "Islamic Republic of Iran."
    )
    meetings = extract(WRAPPED).form["meetings"]
    people = {p["person"] for m in meetings for p in m["participants"]}
    assert {"jeyhun-bayramov", "hossein-amir-abdollahian"} <= people


def test_short_menu_lines_stay_apart() -> None:
    doc = Doc.of(MENU)
    assert len(lines_of(doc)) == 4
