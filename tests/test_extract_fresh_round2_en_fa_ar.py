"""What analysis pieces and explainers in English, Persian and Arabic carry besides positions,
and the Arabic ways of citing a speaker, each with a near miss.

The sentences are written for these tests (no article's text). Each article opens with a
meeting, as a diplomatic report does, so that what follows reads as political.
"""

from __future__ import annotations

import pytest

from .drafting import draft_of, said
from .drafting import said_after_meeting as statements

ARAGHCHI_BAYRAMOV = frozenset({"abbas-araghchi", "jeyhun-bayramov"})
ALIYEV_PASHINYAN = frozenset({"ilham-aliyev", "nikol-pashinyan"})


def met(language: str, *paragraphs: str) -> set[frozenset[str]]:
    draft = draft_of(language, *paragraphs)
    return {frozenset(p["person"] for p in m["participants"]) for m in draft.form["meetings"]}


# -- meetings that have not happened -------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Aliyev is expected to meet Pashinyan in Brussels next month."),
        ("en", "Aliyev and Pashinyan had been expected to meet in Prague in October."),
        ("en", "Aliyev will travel to Yerevan on Friday, where he will meet Pashinyan."),
        ("en", "Aliyev and Pashinyan are due to meet at the summit in Brussels."),
        ("ar", "ومن المقرر أن يلتقي علييف باشينيان في بروكسل الشهر المقبل."),
        ("fa", "علی اف و پاشینیان قرار است ماه آینده در بروکسل دیدار کنند."),
        ("fa", "علی اف ماه آینده در بروکسل با پاشینیان دیدار خواهد کرد."),
    ],
)
def test_a_meeting_expected_or_planned_is_no_meeting(language: str, sentence: str) -> None:
    assert met(language, sentence) == set()


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Aliyev met Pashinyan in Abu Dhabi on July 10."),
        # the future is another clause's, after the comma
        ("en", "Aliyev met Pashinyan in Abu Dhabi on July 10, and the two will meet again soon."),
        ("ar", "والتقى علييف باشينيان في أبوظبي في العاشر من تموز."),
        ("fa", "علی اف روز پنجشنبه در ابوظبی با پاشینیان دیدار کرد."),
    ],
)
def test_a_meeting_that_happened_is_a_meeting(language: str, sentence: str) -> None:
    """Near miss: the same meetings, told in the past."""
    assert met(language, sentence) == {ALIYEV_PASHINYAN}


def test_a_meeting_that_did_not_take_place_is_no_meeting() -> None:
    assert (
        met("en", "The meeting between Aliyev and Pashinyan in Prague did not take place.") == set()
    )


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Araghchi welcomed the meeting between Aliyev and Pashinyan in Abu Dhabi."),
        ("fa", "عراقچی از دیدار میان علی اف و پاشینیان در ابوظبی استقبال کرد."),
    ],
)
def test_a_meeting_between_two_people_is_theirs_not_the_speakers(
    language: str, sentence: str
) -> None:
    assert met(language, sentence) == {ALIYEV_PASHINYAN}


def test_a_meeting_with_two_people_is_the_subjects() -> None:
    """Near miss: "with" makes each of them meet the subject."""
    found = met("en", "Araghchi held talks with Aliyev and Pashinyan in Abu Dhabi.")
    assert found == {
        frozenset({"abbas-araghchi", "ilham-aliyev"}),
        frozenset({"abbas-araghchi", "nikol-pashinyan"}),
    }


# -- what is not said by anyone of the article -------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Western diplomats said privately that the rapprochement was fragile."),
        ("en", "Analysts say that the thaw between Baku and Tehran is driven by trade."),
        ("ar", "وقال محللون إن التقارب بين البلدين يعكس مصالح اقتصادية مشتركة."),
    ],
)
def test_people_the_text_does_not_name_do_not_continue_the_speaker(
    language: str, sentence: str
) -> None:
    assert statements(language, sentence) == []


def test_the_speaker_goes_on_with_a_pronoun() -> None:
    """Near miss: "He also said" is the minister before."""
    found = statements(
        "en",
        "Bayramov said Azerbaijan would not allow its territory to be used against Iran. "
        "He also said that the two countries should settle their differences through dialogue.",
    )
    assert (
        "jeyhun-bayramov",
        "the two countries should settle their differences through dialogue",
    ) in found


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quote"),
    [
        (
            "en",
            "Asked whether Iran would accept a corridor through Syunik, Araghchi said Iran "
            'opposed "any change of internationally recognised borders".',
            "abbas-araghchi",
            "any change of internationally recognised borders",
        ),
        (
            "ar",
            "وردا على سؤال حول الممر المقترح عبر سيونيك، قال عراقجي إن إيران ترفض أي تغيير "
            "في الحدود.",
            "abbas-araghchi",
            "إيران ترفض أي تغيير في الحدود",
        ),
    ],
)
def test_a_journalists_question_is_not_what_the_speaker_says(
    language: str, sentence: str, speaker: str, quote: str
) -> None:
    found = statements(language, sentence)
    assert (speaker, quote) in found
    assert not any("corridor" in q or "الممر" in q for _, q in found)


def test_what_stands_before_the_speaker_is_what_is_said() -> None:
    """Near miss: with no question, the clause before "X said" is the content."""
    found = statements(
        "en", "Iran would never accept a change of the borders in the region, Araghchi said."
    )
    assert found == [
        ("abbas-araghchi", "Iran would never accept a change of the borders in the region")
    ]


def test_what_a_treaty_provides_is_said_by_no_one() -> None:
    found = statements(
        "en",
        "Under the 1993 friendship treaty, both countries pledged not to allow their "
        "territory to be used against each other.",
    )
    assert found == []


def test_what_the_sides_pledged_at_the_meeting_is_their_statement() -> None:
    """Near miss: the same pledge, made by the sides of the meeting."""
    found = statements(
        "en", "Both sides pledged not to allow their territory to be used against each other."
    )
    quote = "not to allow their territory to be used against each other"
    assert {("abbas-araghchi", quote), ("jeyhun-bayramov", quote)} <= set(found)


def test_a_passive_reporting_verb_names_no_speaker() -> None:
    found = statements(
        "en",
        "The platform was proposed by Turkish President Recep Tayyip Erdogan in 2020 and "
        "held its first meeting in Moscow in December 2021.",
    )
    assert found == []


def test_an_active_reporting_verb_names_its_subject() -> None:
    """Near miss: the same verb, active."""
    found = statements(
        "en",
        "Erdogan proposed the platform in 2020 to bring the countries of the region together.",
    )
    assert [s for s, _ in found] == ["recep-tayyip-erdogan"]


# -- judging talks is a position ------------------------------------------------------------


def test_welcoming_talks_is_a_position() -> None:
    found = statements("en", "Lavrov welcomed the progress in the Armenia-Azerbaijan peace talks.")
    assert found == [("sergey-lavrov", "the progress in the Armenia-Azerbaijan peace talks")]


def test_a_meeting_said_to_have_happened_is_no_position() -> None:
    """Near miss: a verb that judges nothing, reporting a meeting."""
    found = statements("en", "Lavrov recalled that he had met Araghchi in Tehran in June.")
    assert found == []


# -- Arabic: the speaker cited with "according to", the setting before what is said --------


@pytest.mark.parametrize(
    "sentence",
    [
        'وبحسب عراقجي، فإن "العلاقات بين طهران وباكو أقوى من أي وقت مضى".',
        "ووفقا لعراقجي، فإن العلاقات بين طهران وباكو أقوى من أي وقت مضى.",
    ],
)
def test_according_to_a_person_in_arabic_is_what_the_person_says(sentence: str) -> None:
    found = statements("ar", sentence)
    assert [s for s, _ in found] == ["abbas-araghchi"]
    assert "العلاقات بين طهران وباكو أقوى من أي وقت مضى" in found[0][1]


def test_according_to_what_media_reported_names_no_speaker() -> None:
    """Near miss: "بحسب ما أفادت" (according to what ... reported) cites a report."""
    found = statements(
        "ar",
        "وشدد عراقجي على ضرورة حل الخلافات عبر الحوار، بحسب ما أفادت وسائل إعلام إيرانية.",
    )
    assert found == [("abbas-araghchi", "على ضرورة حل الخلافات عبر الحوار")]


def test_according_to_an_agreement_in_arabic_does_not_continue_the_speaker() -> None:
    """Near miss: "بحسب الاتفاق" (according to the agreement) cites no one."""
    found = statements(
        "ar",
        "وقال عراقجي إن العلاقات جيدة جدا بين البلدين الجارين.",
        "وبحسب الاتفاق، فإن إيران ستزود نخجوان بالغاز عبر أراضيها.",
    )
    assert found == [("abbas-araghchi", "العلاقات جيدة جدا بين البلدين الجارين")]


@pytest.mark.parametrize(
    ("sentence", "quote"),
    [
        (
            "وشدد عراقجي خلال اللقاء على أهمية تعزيز التعاون الإقليمي بين البلدين.",
            "على أهمية تعزيز التعاون الإقليمي بين البلدين",
        ),
        (
            "كما شدد الرئيس الإيراني مسعود بزشكيان في اتصال هاتفي مع نظيره الأذربيجاني "
            "مساء الثلاثاء على أهمية تعزيز التعاون الإقليمي.",
            "على أهمية تعزيز التعاون الإقليمي",
        ),
    ],
)
def test_the_setting_after_an_arabic_verb_is_not_said(sentence: str, quote: str) -> None:
    assert quote in [q for _, q in statements("ar", sentence)]


def test_an_arabic_verb_with_no_setting_says_its_object() -> None:
    """Near miss: no setting, the object right after the subject."""
    found = statements("ar", "ودعا بيراموف إلى تسريع تنفيذ مشروع سكة حديد رشت-آستارا.")
    assert found == [("jeyhun-bayramov", "إلى تسريع تنفيذ مشروع سكة حديد رشت-آستارا")]


# -- Persian: a surname's "-yev" written apart ----------------------------------------------


def test_a_persian_surname_written_with_its_ending_apart_is_the_person() -> None:
    """As "علی اف" is Aliyev (registry labels)."""
    found = met("fa", "علی لاریجانی روز سه شنبه در تهران با حکمت حاجی اف دیدار کرد.")
    assert frozenset({"ali-larijani", "hikmet-hajiyev"}) in found


# -- an ambassador named once, then by the title alone ---------------------------------------

AMBASSADOR = {
    "en": (
        "Iranian Foreign Minister Abbas Araghchi received the new Azerbaijani ambassador "
        "Ali Alizade in Tehran on Thursday.",
        "The ambassador said his country valued its relations with Iran as a neighbour.",
        "his country valued its relations with Iran as a neighbour",
    ),
    "ar": (
        "استقبل وزير الخارجية الإيراني عباس عراقجي يوم الأربعاء السفير الأذربيجاني الجديد "
        "علي علي زاده.",
        "بدوره أكد السفير الجديد لجمهورية أذربيجان أن بلاده لن تسمح باستخدام أراضيها ضد إيران.",
        "بلاده لن تسمح باستخدام أراضيها ضد إيران",
    ),
    "fa": (
        "عراقچی روز چهارشنبه در دیدار با علی علی‌زاده سفیر جمهوری آذربایجان در تهران، "
        "درباره روابط دو کشور گفتگو کرد.",
        "در این دیدار، سفیر جمهوری آذربایجان گفت: باکو هرگز اجازه نمی‌دهد خاکش علیه "
        "همسایگان استفاده شود.",
        "باکو هرگز اجازه نمی‌دهد خاکش علیه همسایگان استفاده شود",
    ),
}


@pytest.mark.parametrize("language", sorted(AMBASSADOR))
def test_the_ambassador_is_the_ambassador_named_before(language: str) -> None:
    introduced, sentence, quote = AMBASSADOR[language]
    draft = draft_of(language, introduced, sentence)
    found = said(draft)
    assert [q for _, q in found] == [quote]
    (ambassador,) = {s for s, _ in found}
    met_him = {frozenset(p["person"] for p in m["participants"]) for m in draft.form["meetings"]}
    assert frozenset({"abbas-araghchi", ambassador}) in met_him


@pytest.mark.parametrize("language", sorted(AMBASSADOR))
def test_the_ambassador_is_not_the_minister_named_before(language: str) -> None:
    """Near miss: with no ambassador named, the title names neither minister of the meeting."""
    _, sentence, _ = AMBASSADOR[language]
    assert statements(language, sentence) == []


# -- what is no one's statement, told in the ways of the language ---------------------------


def test_a_name_that_reads_as_a_reporting_verb_is_the_name() -> None:
    """ "قاليباف" starts as "قال" (said) does: the name reports nothing."""
    found = statements(
        "ar",
        "كما التقى رئيس مجلس الشورى الإسلامي محمد باقر قاليباف رئيسة البرلمان الأذربيجاني، "
        "وبحث معها سبل تطوير العلاقات البرلمانية.",
    )
    assert found == []


def test_the_name_that_reads_as_a_verb_still_speaks() -> None:
    """Near miss: the same name with a reporting verb of its own."""
    found = statements("ar", "وقال قاليباف إن البرلمان الإيراني يدعم كل الاتفاقيات مع باكو.")
    assert found == [("mohammad-bagher-ghalibaf", "البرلمان الإيراني يدعم كل الاتفاقيات مع باكو")]


def test_thanks_for_the_welcome_in_arabic_is_a_courtesy() -> None:
    assert statements("ar", "وأعرب بيراموف عن تقديره لحفاوة الاستقبال.") == []


def test_thanks_for_a_stance_in_arabic_is_a_position() -> None:
    """Near miss: the same verb of thanks, for a political stance."""
    found = statements("ar", "وأعرب بيراموف عن تقديره لموقف إيران الداعم لوحدة أراضي أذربيجان.")
    assert [s for s, _ in found] == ["jeyhun-bayramov"]


@pytest.mark.parametrize(
    "sentence",
    [
        '"Both sides need the North-South corridor to work," said Farid Shafiyev, head of a '
        "Baku think tank.",
        "Political analyst Farid Shafiyev said both sides needed the North-South corridor.",
    ],
)
def test_an_analyst_the_registry_does_not_know_states_no_position(sentence: str) -> None:
    assert statements("en", sentence) == []


def test_an_official_the_registry_does_not_know_states_a_position() -> None:
    """Near miss: the same person, introduced with an office."""
    found = statements(
        "en",
        '"Both sides need the North-South corridor to work," said Farid Shafiyev, '
        "Azerbaijan's ambassador in Tehran.",
    )
    assert found == [("farid-shafiyev", "Both sides need the North-South corridor to work")]


def test_a_press_office_cited_before_the_speaker_names_no_one() -> None:
    """ "ووفقا للمكتب الصحفي، أكد X" (according to the press office, X stressed): X's own
    statement, and no second one for the press office's citation."""
    found = statements(
        "ar",
        "ووفقا للمكتب الصحفي للرئاسة الأذربيجانية، أكد بيراموف أن العلاقات بين أذربيجان "
        "وإيران مبنية على أسس تاريخية.",
    )
    assert found == [("jeyhun-bayramov", "العلاقات بين أذربيجان وإيران مبنية على أسس تاريخية")]


def test_a_second_verb_after_but_says_its_own_quotation() -> None:
    found = statements(
        "en",
        'Pezeshkian said Iran "supports peace and stability in the South Caucasus" but warned '
        'against "the presence of foreign forces near our borders".',
    )
    assert ("masoud-pezeshkian", "the presence of foreign forces near our borders") in found
    assert not any("supports peace" in q and "presence" in q for _, q in found)


# -- meeting dates --------------------------------------------------------------------------


def meeting_dates(language: str, sentence: str) -> list[tuple[str, str]]:
    """(earliest, latest) of every meeting, in an article published on Thursday 2024-11-14."""
    draft = draft_of(language, sentence)
    return [(str(m["date"]["earliest"]), str(m["date"]["latest"])) for m in draft.form["meetings"]]


@pytest.mark.parametrize(
    ("language", "sentence", "day"),
    [
        # an abbreviated month and its full stop, an ordinal day
        ("en", "Aliyev met Pashinyan on Oct. 9 in Abu Dhabi.", "2024-10-09"),
        ("en", "Aliyev met Pashinyan on Oct. 9, 2023 in Abu Dhabi.", "2023-10-09"),
        ("en", "Aliyev met Pashinyan in Abu Dhabi on November 9th.", "2024-11-09"),
        (
            "en",
            "Monday's meeting between Aliyev and Pashinyan in Abu Dhabi was long.",
            "2024-11-11",
        ),
        # a Persian day and month with no year, the month with "ماه"
        ("fa", "عراقچی روز ۲۰ آبان در باکو با بایراموف دیدار کرد.", "2024-11-10"),
        ("fa", "عراقچی ۲۰ آبان‌ماه در باکو با بایراموف دیدار کرد.", "2024-11-10"),
        ("fa", "عراقچی روز ۲۰ آبان‌ماه ۱۴۰۳ در باکو با بایراموف دیدار کرد.", "2024-11-10"),
        # later in the month than the publication day: the year before
        ("fa", "عراقچی روز ۲۸ آبان در باکو با بایراموف دیدار کرد.", "2023-11-19"),
        # a weekday said to be past, on that weekday's publication day: the week before
        ("en", "Aliyev met Pashinyan last Thursday in Abu Dhabi.", "2024-11-07"),
        ("ar", "التقى عراقجي بيراموف في باكو الخميس الماضي.", "2024-11-07"),
        ("fa", "عراقچی پنجشنبه گذشته در باکو با بایراموف دیدار کرد.", "2024-11-07"),
    ],
)
def test_a_meeting_date_in_the_ways_of_the_language(language: str, sentence: str, day: str) -> None:
    assert meeting_dates(language, sentence) == [(day, day)]


@pytest.mark.parametrize(
    ("language", "sentence", "day"),
    [
        # near misses: a weekday not said to be past is the publication day's
        ("en", "Aliyev met Pashinyan on Thursday in Abu Dhabi.", "2024-11-14"),
        ("ar", "التقى عراقجي بيراموف في باكو الثلاثاء الماضي.", "2024-11-12"),
        ("fa", "عراقچی روز پنجشنبه در باکو با بایراموف دیدار کرد.", "2024-11-14"),
    ],
)
def test_a_weekday_is_the_last_one_on_or_before_publication(
    language: str, sentence: str, day: str
) -> None:
    assert meeting_dates(language, sentence) == [(day, day)]


def test_a_month_with_no_day_is_the_month() -> None:
    """Near miss: "in November" with no day is the month up to the publication day."""
    assert meeting_dates("en", "Aliyev met Pashinyan in November in Abu Dhabi.") == [
        ("2024-11-01", "2024-11-14")
    ]


# -- Arabic: a title's complement between the title and the name ----------------------------


def test_a_title_with_its_complement_introduces_the_name_after_it() -> None:
    """ "مساعد وزير الخارجية الإيراني للشؤون السياسية X": X holds the title, and the title
    alone later is X."""
    draft = draft_of(
        "ar",
        "أجرى مساعد وزير الخارجية الإيراني للشؤون السياسية مجيد تخت روانجي اليوم محادثات "
        "في باكو مع نائب وزير الخارجية الأذربيجاني فاتح شعبانوف.",
        'وأضاف نائب وزير الخارجية الإيراني أن طهران "لن تقبل أي تغيير في حدود المنطقة".',
    )
    (meeting,) = draft.form["meetings"]
    deputy = meeting["participants"][0]["person"]
    # the change of the region's borders is a topic, so its quotation is the quote
    assert said(draft) == [(deputy, "لن تقبل أي تغيير في حدود المنطقة")]


def test_a_rank_and_its_complement_alone_are_nobody() -> None:
    """Near miss: "السفير الجديد للبلاد" (the country's new ambassador) names no one."""
    found = met(
        "ar", "استقبل وزير الخارجية الإيراني عباس عراقجي يوم الأربعاء السفير الجديد للبلاد."
    )
    assert found == set()


# -- the speaker's view of a meeting; "quoted X as saying" ----------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        (
            "en",
            "Araghchi said the talks had been constructive and fruitful for both countries.",
            "the talks had been constructive and fruitful for both countries",
        ),
        (
            "ar",
            'وبحسب عراقجي، فإن المحادثات كانت "بناءة وصريحة".',
            'فإن المحادثات كانت "بناءة وصريحة"',
        ),
        ("fa", "عراقچی گفت که مذاکرات دو طرف سازنده بود.", "مذاکرات دو طرف سازنده بود"),
    ],
)
def test_judging_the_talks_is_a_position(language: str, sentence: str, quote: str) -> None:
    assert ("abbas-araghchi", quote) in statements(language, sentence)


def test_telling_where_the_talks_were_held_is_no_position() -> None:
    """Near miss: the same verb reporting the talks, judging nothing."""
    assert statements("en", "Araghchi said the talks had been held in Baku on Monday.") == []


def test_an_outlet_quoting_a_person_as_saying_is_the_persons_statement() -> None:
    found = statements(
        "en",
        "Iran's state news agency IRNA quoted Araghchi as saying that \"the security of "
        'Azerbaijan is the security of Iran".',
    )
    assert [s for s, _ in found] == ["abbas-araghchi"]
    assert "the security of Azerbaijan is the security of Iran" in found[0][1]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("وأوضح رئيس الدبلوماسية الإيرانية أن طهران تدعم السلام في القوقاز.", "abbas-araghchi"),
        ("وأوضح رئيس الدبلوماسية الأذربيجانية أن باكو تدعم السلام في القوقاز.", "jeyhun-bayramov"),
        # near miss: the head of the republic is the president
        ("وأوضح رئيس الجمهورية الإيرانية أن طهران تدعم السلام في القوقاز.", "masoud-pezeshkian"),
    ],
)
def test_the_head_of_a_countrys_diplomacy_is_its_foreign_minister(
    sentence: str, speaker: str
) -> None:
    assert [s for s, _ in statements("ar", sentence)] == [speaker]


def test_irans_foreign_ministry_is_the_ministry() -> None:
    found = statements(
        "en", 'In a statement, Iran\'s foreign ministry said the talks had been "constructive".'
    )
    assert [s for s, _ in found] == ["ministry-of-foreign-affairs-of-iran"]


def test_iran_alone_is_its_government() -> None:
    """Near miss: the country named alone speaks for its government."""
    found = statements("en", 'Iran said the talks had been "constructive and useful".')
    assert [s for s, _ in found] == ["government-of-iran"]
