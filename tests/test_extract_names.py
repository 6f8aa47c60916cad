"""Who is a person: names the registry does not know, recognised by their structure (a title or
rank and name tokens); ranks and honorifics are not part of a name; registered names match as
whole words in their inflections, never as a common word. My own sentences, made-up people."""

from __future__ import annotations

import pytest

from kb.extract.mentions import Mention, find
from kb.extract.segment import Doc


def people(text: str, language: str) -> list[Mention]:
    doc = Doc.of(text)
    found = find(doc, language, (None, None), [True] * len(doc.words)).mentions
    return [x for x in found if x.kind in ("person", "new-person")]


def new_names(text: str, language: str) -> list[str]:
    return [x.name for x in people(text, language) if x.kind == "new-person"]


def registered(text: str, language: str) -> set[str]:
    return {x.entity or "" for x in people(text, language) if x.kind == "person"}


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Azerbaijani Deputy Foreign Minister Tural Qasimli said the talks went well.",
            "en",
            "Tural Qasimli",
        ),
        (
            "Заступник міністра оборони Азербайджану Орхан Керімлі заявив, що все гаразд.",
            "uk",
            "Орхан Керімлі",
        ),
        (
            "Заместитель министра обороны Азербайджана Орхан Керимли заявил, что все хорошо.",
            "ru",
            "Орхан Керимли",
        ),
        (
            "Azərbaycanın səfiri Orxan Kərimli bildirib ki, hər şey qaydasındadır.",
            "az",
            "Orxan Kərimli",
        ),
        (
            "Azerbaycan Dışişleri Bakan Yardımcısı Orhan Kerimli'yi kabul etti.",
            "tr",
            "Orhan Kerimli",  # the case ending after the apostrophe is not part of the name
        ),
        ("سفیر آذربایجان اورخان کریم‌زاده گفت که همه چیز خوب است.", "fa", "اورخان کریم‌زاده"),
        ("قال السفير الأذربيجاني أورخان كريموف إن كل شيء على ما يرام.", "ar", "أورخان كريموف"),
    ],
)
def test_a_title_and_name_tokens_introduce_a_person_nobody_registered(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Major General Tural Qasimli arrived in the capital.", "en", "Tural Qasimli"),
        ("Генерал-майор Орхан Керимли прибыл в столицу.", "ru", "Орхан Керимли"),
        ("Генерал-майор Орхан Керімлі прибув до столиці.", "uk", "Орхан Керімлі"),
        ("General-mayor Orxan Kərimli paytaxta gəlib.", "az", "Orxan Kərimli"),
        ("Tümgeneral Orhan Kerimli başkente geldi.", "tr", "Orhan Kerimli"),
        ("سرلشکر اورخان کریم‌زاده به پایتخت رسید.", "fa", "اورخان کریم‌زاده"),
        ("وصل اللواء أورخان كريموف إلى العاصمة.", "ar", "أورخان كريموف"),
    ],
)
def test_a_rank_introduces_a_name_and_is_not_part_of_it(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The general arrived in the capital.", "en"),
        ("Генерал прибыл в столицу.", "ru"),
        ("Генерал прибув до столиці.", "uk"),
        ("General paytaxta gəlib.", "az"),
        ("Tümgeneral başkente geldi.", "tr"),
        ("سرلشکر به پایتخت رسید.", "fa"),
        ("وصل اللواء إلى العاصمة.", "ar"),
    ],
)
def test_a_rank_alone_is_nobody(text: str, language: str) -> None:
    assert people(text, language) == []


def test_a_common_arabic_phrase_after_a_title_is_not_a_person() -> None:
    text = "واعتبر وزير الخارجية الإيراني إجراء تدريبات عسكرية أمرا طبيعيا."
    assert new_names(text, "ar") == []


def test_a_name_in_arabic_script_ends_at_a_verb_or_preposition() -> None:
    assert new_names("قال السفير أورخان كريموف في العاصمة إن كل شيء جيد.", "ar") == [
        "أورخان كريموف"
    ]


@pytest.mark.parametrize(
    ("text", "language", "person"),
    [
        ("Müdafiə naziri Z.Həsənov bildirib ki, hər şey yaxşıdır.", "az", "zakir-hasanov"),
        ("Министр С.В. Лавров заявил, что все хорошо.", "ru", "sergey-lavrov"),
    ],
)
def test_initials_and_a_registered_surname_are_that_person(
    text: str, language: str, person: str
) -> None:
    assert registered(text, language) == {person}


def test_another_initial_before_a_registered_surname_is_not_that_person() -> None:
    assert "ilham-aliyev" not in registered("Yanğın M.Əliyev küçəsində olub.", "az")


def test_initials_and_an_unknown_surname_are_nobody_yet() -> None:
    assert people("Министр И.И. Неизвестнов заявил, что все хорошо.", "ru") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Baş qərargah rəisi paytaxta gəlib.", "az"),  # "rəisi" is "head of", not a surname
        ("Komissiyanın rəisi bildirib ki, hər şey yaxşıdır.", "az"),
    ],
)
def test_a_registered_surname_in_lower_case_is_a_common_word(text: str, language: str) -> None:
    assert "ebrahim-raisi" not in registered(text, language)


def test_a_registered_surname_with_a_case_ending_is_that_person() -> None:
    assert "ebrahim-raisi" in registered("Prezident Rəisinin səfəri başa çatıb.", "az")


def test_an_inflected_name_is_not_a_registered_name_that_differs_in_its_last_letter() -> None:
    # "Багером" (instrumental of the given name Багер) is not the surname "Багери"
    assert "mohammad-bagheri" not in registered("Встреча с Мохаммадом Багером прошла.", "ru")


@pytest.mark.parametrize("spelling", ["علی اف", "علیاف", "علی\u200cاف"])
def test_persian_spacing_variants_of_a_name_match(spelling: str) -> None:
    assert registered(f"الهام {spelling} گفت که همه چیز خوب است.", "fa") == {"ilham-aliyev"}


def test_a_ukrainian_surname_written_in_lower_case_still_matches() -> None:
    # some outlets write a surname in lower case on purpose; the dictionary knows it as a name
    assert "vladimir-putin" in registered("При цьому путін заявив, що все гаразд.", "uk")
