"""Lemmas per language: cue words and registered names match their inflected forms, and a
stem is never invented where the word is something else."""

from __future__ import annotations

import pytest

from kb.extract.mentions import find, matcher
from kb.extract.morphology import checked_stem, lemmatizer
from kb.extract.normalize import normalizer
from kb.extract.segment import Doc


def cue_kinds(text: str, language: str) -> set[str]:
    doc = Doc.of(text)
    return {c.kind for c in find(doc, language, (None, None), [True] * len(doc.words)).cues}


@pytest.mark.parametrize(
    ("language", "word", "lemma"),
    [
        ("ru", "министром", "министр"),
        ("ru", "переговорами", "переговоры"),
        ("uk", "міністром", "міністр"),
        ("uk", "зустрічами", "зустріч"),
        ("en", "minister's", "minister"),
        ("fa", "وزير", "وزير"),  # no stemmer for Arabic script: clitics are the matcher's
        ("ar", "والوزير", "والوزير"),
    ],
)
def test_a_word_has_the_lemma_of_its_language(language: str, word: str, lemma: str) -> None:
    assert lemmatizer(language).lemma(word) == lemma


@pytest.mark.parametrize(
    ("inflected", "name"),
    [("tahran'da", "tahran"), ("azerbaycan'ı", "azerbaycan"), ("ermenistan'a", "ermenistan")],
)
def test_a_turkish_ending_after_the_apostrophe_goes(inflected: str, name: str) -> None:
    """The lemma of a proper noun with its case ending is the lemma of the name as a label
    prints it (the stemmer shortens some names: both sides of the match are stemmed)."""
    tr = lemmatizer("tr")
    assert tr.lemma(inflected) == tr.lemma(name)


def test_a_turkish_word_with_an_apostrophe_is_not_another_name() -> None:
    tr = lemmatizer("tr")
    assert tr.lemma("iran'ın") != tr.lemma("irak")


def test_english_keeps_nouns_apart_from_verbs() -> None:
    en = lemmatizer("en")
    assert en.lemma("states") != en.lemma("stated")
    assert en.lemma("meetings") != en.lemma("meet")


def test_an_azerbaijani_stem_is_used_only_when_it_is_a_known_word() -> None:
    suffixes = ("nin", "in", "da")  # folded: ı is i
    known = frozenset({"bakı", "paris"})
    assert checked_stem("parisin", suffixes, known) == "paris"
    assert checked_stem("parisda", suffixes, known) == "paris"
    assert checked_stem("dənizin", suffixes, known) == "dənizin"  # "dəniz" is not known
    assert checked_stem("parisnin", suffixes, frozenset({"pari"})) == "parisnin"


def test_an_azerbaijani_country_name_keeps_its_last_letter() -> None:
    az = matcher("az")
    assert az.stem("azərbaycanin") == "azərbaycan"  # not "azərbayca"
    assert az.stem("iranin") == "iran"  # not "ira"


def test_short_words_are_their_own_lemma() -> None:
    assert lemmatizer("ru").lemma("его") == "его"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Министры обсудили это на переговорах в столице.", "ru"),
        ("Про це йшлося на зустрічах у столиці.", "uk"),
        ("Bakanlar görüşmelerinde bunu ele aldı.", "tr"),
    ],
)
def test_a_meeting_word_matches_in_another_case(text: str, language: str) -> None:
    assert "meeting_triggers" in cue_kinds(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Министры обсудили это в столице.", "ru"),
        ("Про це йшлося у столиці.", "uk"),
        ("Bakanlar bunu ele aldı.", "tr"),
    ],
)
def test_no_meeting_word_no_meeting_trigger(text: str, language: str) -> None:
    assert "meeting_triggers" not in cue_kinds(text, language)


def test_an_inflected_russian_given_name_is_read_as_its_base() -> None:
    """ "Джейхуна" is first a feminine name in the dictionary, but it is also the genitive of
    "Джейхун": the shortest reading is the one a registered label shares."""
    ru = lemmatizer("ru")
    assert ru.lemma("джейхуна") == ru.lemma("джейхун") == ru.lemma("джейхуном")
    assert ru.lemma("байрамова") == ru.lemma("байрамов")


def test_an_inner_known_stem_wins_so_a_word_and_its_listed_inflection_agree() -> None:
    suffixes = ("nin", "in", "nə", "i", "ə")
    known = frozenset({"münasibətlər", "münasibətləri"})
    assert checked_stem("münasibətlərinin", suffixes, known) == "münasibətlər"
    assert checked_stem("münasibətləri", suffixes, known) == "münasibətlər"


def test_near_miss_a_persian_name_ending_in_ye_keeps_it() -> None:
    # "رئیسی" (a surname) is not "رئیس" (head): only plural endings go
    suffixes = ("هايي", "هاي", "ها")
    assert checked_stem("رئيسي", suffixes, frozenset({"رئيس"})) == "رئيسي"
    assert checked_stem("همكاريهاي", suffixes, frozenset({"همكاري"})) == "همكاري"


def test_an_azerbaijani_name_keeps_its_own_form_under_a_case_ending() -> None:
    # near miss to the shortest-stem rule: "Əliyevanın" is the woman's name, not "Əliyev" + "a"
    az = matcher("az")
    key = normalizer().key
    assert az.stem(key("Əliyevanın")) == key("Əliyeva")
    assert az.stem(key("münasibətlərinin")) == az.stem(key("münasibətləri"))
