"""Who is a person, by the shape of the name and the structure around it: a run of capitalised
words ending as surnames do, a name in apposition to a title, a name before its title in
Arabic script; a new person is labelled in its base form (no case ending); an office named
again stands for the person introduced with it. Each rule has a near miss that must not fire.
My own sentences, made-up people."""

from __future__ import annotations

from datetime import date

import pytest

from kb.extract.mentions import Mention, find
from kb.extract.name_forms import base_word, genitive
from kb.extract.phrases import matcher
from kb.extract.pipeline import Options, extract
from kb.extract.segment import Doc


def mentions(text: str, language: str) -> list[Mention]:
    doc = Doc.of(text)
    return find(doc, language, (None, None), [True] * len(doc.words)).mentions


def new_names(text: str, language: str) -> list[str]:
    return [x.name for x in mentions(text, language) if x.kind == "new-person"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Dünən Rüstəm Qasımov bildirib ki, işlər yaxşıdır.", "az", "Rüstəm Qasımov"),
        ("Toplantıya Elvin Haciyev de katıldı.", "tr", "Elvin Haciyev"),
        ("Вчера Тимур Ибрагимов заявил, что всё хорошо.", "ru", "Тимур Ибрагимов"),
        ("Учора Тимур Ібрагімов заявив, що все добре.", "uk", "Тимур Ібрагімов"),
        ("Yesterday Rustam Gasimov said all was well.", "en", "Rustam Gasimov"),
    ],
)
def test_capitalised_words_ending_as_surnames_do_are_a_person_without_a_title(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Посольство Соединённых Штатов заявило, что всё хорошо.", "ru"),  # common words
        ("Rostov welcomed the team.", "en"),  # one word
        ("Bakı Dövlət Universiteti bildirib ki, işlər yaxşıdır.", "az"),  # no surname ending
    ],
)
def test_capitalised_common_words_or_a_single_word_are_nobody(text: str, language: str) -> None:
    assert new_names(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Səfir Nadir Kəriminin də iştirak etdiyi görüş keçirilib.", "az", "Nadir Kərimi"),
        ("Nazir Rüstəm Qasımovla görüşüb.", "az", "Rüstəm Qasımov"),
        ("Büyükelçi Elvin Haciyev'i kabul etti.", "tr", "Elvin Haciyev"),
        ("Министр встретился с послом Ахмед Ибрагимовым.", "ru", "Ахмед Ибрагимов"),
    ],
)
def test_a_new_person_is_labelled_without_the_case_ending(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        # the -a of a female surname is no dative
        ("Səfir Aytac Məmmədova bildirib ki, işlər yaxşıdır.", "az", "Aytac Məmmədova"),
        # an inflected given name too: the name stays as written, its id is the base form
        ("Министр встретился с послом Тимуром Ибрагимовым.", "ru", "Тимуром Ибрагимовым"),
    ],
)
def test_a_name_that_only_looks_inflected_keeps_its_form(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


def test_the_id_of_an_inflected_new_person_is_its_base_form() -> None:
    (person,) = [
        x
        for x in mentions("Министр встретился с послом Тимуром Ибрагимовым.", "ru")
        if x.kind == "new-person"
    ]
    assert person.entity == "timur-ibrahimov"


@pytest.mark.parametrize(
    ("language", "word", "base"),
    [
        ("az", "kəriminin", "kərimi"),  # a vowel before the buffered genitive
        ("az", "qasımovla", "qasımov"),  # a surname ending before the plain comitative
        ("az", "kamila", "kamila"),  # a given name that ends like the comitative
        ("az", "rəhimli", "rəhimli"),
        ("tr", "haciyev'i", "haciyev"),
        ("ru", "ибрагимовым", "ибрагимов"),
        ("ru", "санаи", "санаи"),  # may be a nominative: stays
    ],
)
def test_the_base_form_of_a_name_word(language: str, word: str, base: str) -> None:
    assert base_word(matcher(language), word) == base


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "التقى نائب وزير الخارجية الإيراني، سامي كريم زاده، بالسفير.",
            "ar",
            "سامي كريم زاده",
        ),
        ("Genel Müdürü (Selim Arıkan) tarafından çağrıldı.", "tr", "Selim Arıkan"),
    ],
)
def test_a_name_in_apposition_to_a_title_is_a_person(text: str, language: str, name: str) -> None:
    assert new_names(text, language) == [name]


def test_a_relative_clause_in_apposition_to_a_title_is_nobody() -> None:
    text = "التقى نائب وزير الخارجية الإيراني، الذي زار باكو، بالسفير."
    assert new_names(text, "ar") == []


def test_an_arabic_script_name_before_its_title_is_a_person() -> None:
    text = '"کامران رحیم اف" سفیر جمهوری آذربایجان در تهران گفت که روابط خوب است.'
    assert new_names(text, "fa") == ["کامران رحیم اف"]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "مجتبی دمیرچی‌لو سفیر جمهوری اسلامی ایران در باکو گفت که روابط خوب است.",
            "fa",
            "مجتبی دمیرچی\u200cلو",
        ),
        ("مجتبى دميرجيلو سفير إيران في باكو قال إن العلاقات جيدة.", "ar", "مجتبى دميرجيلو"),
    ],
)
def test_an_arabic_script_name_opening_with_a_given_name_before_its_title_is_a_person(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


def test_a_given_name_and_a_surname_shaped_word_are_a_person_without_a_title() -> None:
    text = "وحید جلال‌زاده رئیس کمیسیون مجلس گفت که روابط خوب است."
    assert new_names(text, "fa") == ["وحید جلال\u200cزاده"]


def test_a_given_name_that_is_also_a_common_word_opens_no_name_alone() -> None:
    assert new_names("روابط بر اساس حسن همجواری و احترام متقابل است.", "fa") == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Azerbaijani MP Rasim Musabayov said ties were good.", "Rasim Musabayov", "azerbaijan"),
        ("Iranian lawmaker Ahmad Naderi said ties were good.", "Ahmad Naderi", "iran"),
        (
            "The Azerbaijani ambassador Farhad Rahimi said ties were good.",
            "Farhad Rahimi",
            "azerbaijan",
        ),
    ],
)
def test_a_country_before_a_rank_is_the_new_persons(text: str, name: str, country: str) -> None:
    found = [x for x in mentions(text, "en") if x.kind == "new-person"]
    assert [(x.name, x.country) for x in found] == [(name, country)]


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("Milletvekili Hüseyin Yayman, ilişkilerin iyi olduğunu söyledi.", "tr", "Hüseyin Yayman"),
        (
            "Milli Məclisin deputatı Rasim Musabəyov bildirib ki, hər şey yaxşıdır.",
            "az",
            "Rasim Musabəyov",
        ),
        ("Народний депутат Іван Петренко заявив, що все добре.", "uk", "Іван Петренко"),
    ],
)
def test_a_member_of_parliament_named_after_the_rank_is_a_person(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


def test_members_of_parliament_not_named_are_nobody() -> None:
    assert new_names("Депутаты Госдумы заявили, что всё хорошо.", "ru") == []


def test_a_rank_with_no_name_after_it_is_nobody() -> None:
    assert new_names("An Iranian lawmaker said ties were good.", "en") == []


@pytest.mark.parametrize(
    ("text", "language", "name", "country"),
    [
        (
            "Iranian Roads Minister Farhad Rahimi said ties were good.",
            "en",
            "Farhad Rahimi",
            "iran",
        ),
        ("Министр Фархад Рахими заявил, что всё хорошо.", "ru", "Фархад Рахими", None),
        (
            "Министр дорог и градостроительства Ирана Фархад Рахими заявил, что всё хорошо.",
            "ru",
            "Фархад Рахими",
            "iran",
        ),
    ],
)
def test_capitalised_words_right_after_a_role_noun_are_a_person(
    text: str, language: str, name: str, country: str | None
) -> None:
    found = [x for x in mentions(text, language) if x.kind == "new-person"]
    assert [(x.name, x.country) for x in found] == [(name, country)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ermeni bakan, forum marjında Türkiye-Ermenistan Normalleşme Süreci ile görüştü.", "tr"),
        ("Министр дорог Ирана посетил Баку и Нахчыван.", "ru"),
    ],
)
def test_words_past_punctuation_or_a_verb_after_a_role_noun_are_nobody(
    text: str, language: str
) -> None:
    assert new_names(text, language) == []


def test_a_given_name_with_a_preposition_before_a_title_is_nobody() -> None:
    assert new_names("کتاب علی به سفیر ایران در باکو رسید.", "fa") == []


def test_the_country_between_a_rank_and_the_name_is_the_persons_not_a_subject() -> None:
    text = "وقال سفير إيران لدى باكو مجتبى دميرجيلو إن العلاقات جيدة."
    found = {x.kind: x for x in mentions(text, "ar")}
    assert found["new-person"].name == "مجتبى دميرجيلو"
    assert found["new-person"].country == "iran"
    assert found["country"].complement


def test_words_before_a_title_without_a_surname_ending_are_nobody() -> None:
    text = "دیروز در تهران سفیر جمهوری آذربایجان گفت که روابط خوب است."
    assert new_names(text, "fa") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bakanı toplantıda konuştu.", "tr"),
        ("Attaşe görüşdə iştirak edib.", "az"),
        ("Советник президента заявил, что всё хорошо.", "ru"),
        ("The military attaché said ties were good.", "en"),
    ],
)
def test_a_rank_or_title_alone_is_nobody(text: str, language: str) -> None:
    assert [x for x in mentions(text, language) if x.kind in ("person", "new-person")] == []


def test_an_office_named_again_stands_for_the_registered_person_named_with_it() -> None:
    # the article's date is outside the person's term: the title is still the person named
    text = (
        "Iranian Defence Minister Ahmad Vahidi arrived in Baku. "
        "The Iranian defence minister said ties were good."
    )
    doc = Doc.of(text)
    found = find(doc, "en", (date(2016, 9, 17), date(2016, 9, 17)), [True] * len(doc.words))
    again = [x for x in found.mentions if x.kind == "office" and x.i > 8]
    assert again and all(x.entity == "ahmad-vahidi" for x in again)


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        (
            "Министр встретился с советником президента по экономическим вопросам Фаридом Карими.",
            "ru",
            "Фаридом Карими",
        ),
        (
            "Міністр зустрівся з радником президента економічних питань Фарідом Карімі.",
            "uk",
            "Фарідом Карімі",
        ),
    ],
)
def test_a_title_complement_may_stand_between_the_title_and_the_name(
    text: str, language: str, name: str
) -> None:
    assert new_names(text, language) == [name]


def test_a_verb_ends_a_title_complement() -> None:
    text = "Советник президента по экономическим вопросам заявил, что Центральный Банк работает."
    assert new_names(text, "ru") == []


def test_a_name_in_the_genitive_is_a_possessor_and_not_the_speaker() -> None:
    text = (
        "Səfir Nadir Kəriminin də iştirak etdiyi görüşdə Rüstəm Qasımov "
        "Azərbaycanın ərazi bütövlüyünü dəstəklədiklərini bildirib."
    )
    found = {x.name: x.possessor for x in mentions(text, "az") if x.kind == "new-person"}
    assert found == {"Nadir Kərimi": True, "Rüstəm Qasımov": False}
    draft = extract(text, Options(published="2024-05-01", lang="az"))
    assert {s["speaker"] for s in draft.form["statements"]} == {"rustam-qasimov"}


@pytest.mark.parametrize(
    ("language", "word", "possessor"),
    [
        ("az", "kəriminin", True),
        ("az", "kərimi", False),
        ("tr", "haciyev'in", True),
        ("tr", "haciyev", False),
        ("ru", "ибрагимова", False),  # no genitive endings listed: never a possessor by form
    ],
)
def test_the_genitive_of_a_name_word(language: str, word: str, possessor: bool) -> None:
    assert genitive(matcher(language), word) is possessor


ARABIC_AMBASSADOR = (
    "استقبل الوزير السفير الأذربيجاني الجديد في طهران علي كريم زاده اليوم. "
    "وقال كريم زاده إن العلاقات جيدة."
)


def test_a_rank_complement_in_arabic_script_may_stand_before_the_name() -> None:
    found = [x for x in mentions(ARABIC_AMBASSADOR, "ar") if x.kind == "new-person"]
    assert [x.name for x in found if x.how == "new"] == ["علي كريم زاده"]
    assert found[0].country == "azerbaijan"  # the demonym after the rank


def test_a_surname_of_two_words_refers_back_to_the_person() -> None:
    found = [x for x in mentions(ARABIC_AMBASSADOR, "ar") if x.kind == "new-person"]
    assert [x.how for x in found] == ["new", "surname"]
    assert found[0].entity == found[1].entity


def test_a_preposition_that_folds_to_a_given_name_is_no_name() -> None:
    assert new_names("وأكد السفير على ضرورة تعزيز العلاقات.", "ar") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Bakan ile görüşen Kemalzade, ilişkilerin geliştiğini söyledi. "
            "Kemalzade, anlaşmayı da imzalayacaklarını ekledi.",
            "tr",
        ),
        (
            "Nazirlə görüşən Kəmalzadə, əlaqələrin inkişaf etdiyini bildirib. "
            "Kəmalzadə, sazişi imzalayacaqlarını da əlavə edib.",
            "az",
        ),
    ],
)
def test_the_subject_after_a_participle_clause_is_a_person_named_by_surname(
    text: str, language: str
) -> None:
    found = [x for x in mentions(text, language) if x.kind == "new-person"]
    assert len(found) == 2 and len({x.entity for x in found}) == 1


@pytest.mark.parametrize(
    "text",
    [
        # named once only: one word is too little
        "Bakan ile görüşen Kemalzade, ilişkilerin geliştiğini söyledi.",
        # a registered place after the participle
        "Bakü'de düzenlenen Tahran, toplantıya ev sahipliği yaptı. Tahran, hazır.",
    ],
)
def test_a_word_after_a_participle_named_once_or_a_place_is_nobody(text: str) -> None:
    assert new_names(text, "tr") == []


def test_a_name_after_the_country_that_ends_the_organisation_a_title_heads() -> None:
    text = (
        "Among the guests was Head of the Cultural Heritage "
        "Organization of the Republic of Azerbaijan Farid Karimi."
    )
    assert new_names(text, "en") == ["Farid Karimi"]


def test_an_organisation_head_with_no_name_after_the_country_is_nobody() -> None:
    text = "Head of the Cultural Heritage Organization of Iran said ties were good."
    assert new_names(text, "en") == []


def test_a_title_written_out_before_a_new_name_is_that_person_elsewhere() -> None:
    text = (
        "Azerbaycan Kültür ve Turizm Bakanı, dün Tahran'da temaslarda bulundu. "
        "Azerbaycan Kültür ve Turizm Bakanı Elvin Kayalı, ziyarette konuştu."
    )
    found = [x for x in mentions(text, "tr") if x.kind == "new-person"]
    assert [x.how for x in found] == ["title", "new"]
    assert found[0].entity == found[1].entity == "elvin-kayali"


def test_a_rank_and_one_word_is_too_common_a_title_to_be_one_person() -> None:
    text = (
        "Tarım Bakanı, dün Tahran'da temaslarda bulundu. "
        "Tarım Bakanı Elvin Kayalı, ziyarette konuştu."
    )
    found = [x for x in mentions(text, "tr") if x.kind == "new-person"]
    assert [x.how for x in found] == ["new"]


def test_a_surname_in_a_headline_is_the_new_person_the_article_names_in_full_later() -> None:
    text = "Kayalı: ilişkiler gelişiyor\nBüyükelçi Elvin Kayalı, dün Bakü'de konuştu."
    found = [x for x in mentions(text, "tr") if x.kind == "new-person"]
    assert [x.how for x in found] == ["surname", "new"]
    assert found[0].entity == found[1].entity


def test_a_word_in_another_script_is_not_part_of_the_name() -> None:
    text = "Він написав у Twitter Тимур Ібрагімов, що все добре."
    assert new_names(text, "uk") == ["Тимур Ібрагімов"]


def test_words_past_a_rank_complement_must_look_like_a_name() -> None:
    text = "سفیر جمهوری آذربایجان در تهران طی گفتگویی با خبرنگاران گفت که روابط خوب است."
    assert new_names(text, "fa") == []
