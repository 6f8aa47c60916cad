"""The Armenia–Azerbaijan peace process, peace talks and the normalisation of relations between
Baku and Yerevan are the Karabakh settlement's topic in every language; a process or talks of
another kind are not.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

import pytest

from tests.drafting import MET, draft_of, stances

SETTLEMENT = "karabakh-conflict-settlement"

PEACE_PROCESS = [
    ("en", "Araghchi said Tehran supports the peace process between Baku and Yerevan."),
    ("ru", "Аракчи заявил, что Тегеран поддерживает мирный процесс между Баку и Ереваном."),
    ("fa", "عراقچی گفت تهران از روند صلح میان باکو و ایروان حمایت می‌کند."),
    ("ar", "وقال عراقجي إن طهران تدعم عملية السلام بين باكو ويريفان."),
    ("tr", "Arakçi, Tahran'ın Bakü ile Erivan arasındaki barış sürecini desteklediğini söyledi."),
    (
        "en",
        "Araghchi welcomed the normalization of relations between Armenia and Azerbaijan.",
    ),
]

OTHER_PROCESS = [
    ("en", "Araghchi said Tehran supports the visa process between the two countries."),
    ("ru", "Аракчи заявил, что Тегеран поддерживает процесс выдачи виз между двумя странами."),
]


@pytest.mark.parametrize(("language", "sentence"), PEACE_PROCESS)
def test_the_peace_process_is_the_karabakh_settlement(language: str, sentence: str) -> None:
    positions = [position for position, _ in stances(draft_of(language, MET[language], sentence))]
    assert SETTLEMENT in positions


@pytest.mark.parametrize(("language", "sentence"), OTHER_PROCESS)
def test_another_process_is_not(language: str, sentence: str) -> None:
    positions = [position for position, _ in stances(draft_of(language, MET[language], sentence))]
    assert SETTLEMENT not in positions
