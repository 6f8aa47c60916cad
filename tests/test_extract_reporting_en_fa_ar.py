"""Common ways English, Persian and Arabic news attribute a position, each with a near miss.

The sentences are written for these tests (no article's text). Each article opens with a
meeting, as a diplomatic report does, so that what follows reads as political.
"""

from __future__ import annotations

import pytest

from .drafting import draft_of, said
from .drafting import said_after_meeting as statements

# -- reporting verbs the lexicons lacked ----------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quote"),
    [
        (
            "en",
            "Pashinyan, meanwhile, has argued that the region needs open borders.",
            "nikol-pashinyan",
            "the region needs open borders",
        ),
        (
            "en",
            "Aliyev claimed that Armenia was not ready for peace.",
            "ilham-aliyev",
            "Armenia was not ready for peace",
        ),
        (
            "en",
            "Araghchi vowed to defend Iran's interests in the Caspian Sea.",
            "abbas-araghchi",
            "to defend Iran's interests in the Caspian Sea",
        ),
        (
            "en",
            '"The 3+3 format is the best mechanism for the region," Araghchi was quoted as saying.',
            "abbas-araghchi",
            "The 3+3 format is the best mechanism for the region",
        ),
        (
            "fa",
            "به باور عراقچی، مسائل قفقاز باید توسط کشورهای منطقه حل شود.",
            "abbas-araghchi",
            "مسائل قفقاز باید توسط کشورهای منطقه حل شود",
        ),
        (
            "ar",
            "وأفاد عراقجي بأن إيران مستعدة لاستضافة الاجتماع المقبل لصيغة 3+3.",
            "abbas-araghchi",
            "إيران مستعدة لاستضافة الاجتماع المقبل لصيغة 3+3",
        ),
        (
            "ar",
            "وأشاد بيراموف بموقف إيران الداعم لوحدة أراضي أذربيجان.",
            "jeyhun-bayramov",
            "بموقف إيران الداعم لوحدة أراضي أذربيجان",
        ),
        (
            "en",
            "Araghchi went on to say that Iran would never accept a change of borders.",
            "abbas-araghchi",
            "Iran would never accept a change of borders",
        ),
        (
            "en",
            "Araghchi pointed to the importance of the North-South corridor for the region.",
            "abbas-araghchi",
            "the importance of the North-South corridor for the region",
        ),
        # the formal light verbs "نمود" (for "کرد") and "داشت"
        (
            "fa",
            "عراقچی خاطرنشان نمود که مسائل منطقه باید توسط کشورهای منطقه حل شود.",
            "abbas-araghchi",
            "مسائل منطقه باید توسط کشورهای منطقه حل شود",
        ),
        (
            "fa",
            "بایراموف اعلام داشت که باکو آماده گسترش همکاری‌های ترانزیتی با تهران است.",
            "jeyhun-bayramov",
            "باکو آماده گسترش همکاری‌های ترانزیتی با تهران است",
        ),
        (
            "ar",
            "ورفض عراقجي أي تغيير في الحدود الدولية للمنطقة.",
            "abbas-araghchi",
            "أي تغيير في الحدود الدولية للمنطقة",
        ),
        (
            "ar",
            "وذكر عراقجي أن إيران مستعدة لتطوير التعاون مع أذربيجان.",
            "abbas-araghchi",
            "إيران مستعدة لتطوير التعاون مع أذربيجان",
        ),
    ],
)
def test_a_reporting_verb_of_the_language_attributes_its_content(
    language: str, sentence: str, speaker: str, quote: str
) -> None:
    assert (speaker, quote) in statements(language, sentence)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # a noun that looks like a verb's present ("claims", "notes") reports nothing
        ("en", "Azerbaijan's claims on the corridor and the diplomatic notes were on the table."),
        # "in the view of experts": no one of the article speaks
        ("fa", "به باور کارشناسان، روابط دو کشور بهبود یافته است."),
        # a participle of a reporting verb after a thing, not a person
        ("en", "The agreement mentioned in the statement of the two countries was signed."),
        # "نمودار" (a chart) is no form of "نمود"
        ("fa", "این نمودار رشد تجارت میان دو کشور را نشان می‌دهد."),
        # "الجدير بالذكر أن" (it is worth mentioning that) is the writer's aside
        ("ar", "والجدير بالذكر أن العلاقات بين البلدين شهدت تطورا ملحوظا."),
    ],
)
def test_a_word_that_only_looks_like_a_reporting_verb_states_nothing(
    language: str, sentence: str
) -> None:
    assert statements(language, sentence) == []


# -- the one who speaks: a spokesman by his role, a ministry after its verb -----------------


@pytest.mark.parametrize(
    ("language", "introduced", "sentence", "quote"),
    [
        (
            "en",
            "Esmaeil Baghaei, the spokesman for the Iranian foreign ministry, spoke to reporters.",
            "The spokesman added that Iran supported the peace process between Baku and Yerevan.",
            "Iran supported the peace process between Baku and Yerevan",
        ),
        (
            "fa",
            "اسماعیل بقائی سخنگوی وزارت امور خارجه در نشست خبری هفتگی خود حاضر شد.",
            "سخنگوی دستگاه دیپلماسی همچنین گفت که تهران از روند صلح میان باکو و ایروان "
            "استقبال می‌کند.",
            "تهران از روند صلح میان باکو و ایروان",
        ),
        (
            "ar",
            "وعقد المتحدث باسم وزارة الخارجية الإيرانية إسماعيل بقائي مؤتمره الصحفي الأسبوعي.",
            "وأوضح المتحدث أن طهران ترحب بمسار السلام بين باكو ويريفان.",
            "طهران ترحب بمسار السلام بين باكو ويريفان",
        ),
    ],
)
def test_the_spokesman_is_the_spokesperson_named_before(
    language: str, introduced: str, sentence: str, quote: str
) -> None:
    assert ("esmaeil-baghaei", quote) in statements(language, introduced, sentence)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", '"Outside powers must leave the South Caucasus," the spokesman said.'),
        ("ar", "وأوضح المتحدث أن طهران ترحب بمسار السلام بين باكو ويريفان."),
    ],
)
def test_the_spokesman_is_not_the_minister_named_before(language: str, sentence: str) -> None:
    """Near miss: with no spokesperson named, the role names neither minister of the meeting."""
    assert not any(
        s in ("abbas-araghchi", "jeyhun-bayramov") for s, _ in statements(language, sentence)
    )


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        (
            "en",
            '"The 3+3 format is the best mechanism for the region," Araghchi told IRNA.',
            "The 3+3 format is the best mechanism for the region",
        ),
        (
            "ar",
            "وقال عراقجي لوكالة إرنا إن إيران تدعم عملية السلام بين أذربيجان وأرمينيا.",
            "إيران تدعم عملية السلام بين أذربيجان وأرمينيا",
        ),
    ],
)
def test_an_outlet_spoken_to_is_not_whose_report_it_is(
    language: str, sentence: str, quote: str
) -> None:
    assert ("abbas-araghchi", quote) in statements(language, sentence)


def test_an_outlet_right_after_according_to_is_whose_report_it_is() -> None:
    """Near miss: "according to IRNA" names the report's outlet, who says nothing."""
    found = statements("en", "According to IRNA, the talks lasted for three hours in Baku.")
    assert found == []


def test_a_ministry_after_its_verb_is_the_speaker() -> None:
    found = statements(
        "ar",
        "وقالت وزارة الخارجية الإيرانية إن طهران تدعم الحل السلمي للنزاعات.",
        "وأعلنت وزارة الخارجية الإيرانية في بيان أنها تدين الاعتداء على السفارة.",
    )
    assert ("ministry-of-foreign-affairs-of-iran", "طهران تدعم الحل السلمي للنزاعات") in found
    # "أنها" (that it) opens the content: the setting "in a statement" is not said
    assert ("ministry-of-foreign-affairs-of-iran", "تدين الاعتداء على السفارة") in found


# -- meetings: who met whom ------------------------------------------------------------------


def met(language: str, *paragraphs: str) -> set[frozenset[str]]:
    draft = draft_of(language, *paragraphs)
    return {frozenset(p["person"] for p in m["participants"]) for m in draft.form["meetings"]}


ARAGHCHI_BAYRAMOV = frozenset({"abbas-araghchi", "jeyhun-bayramov"})


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # the speaker named after the meeting's partners, set off by a comma, met them
        (
            "en",
            "During the meeting with Bayramov, Araghchi said Iran supported the territorial "
            "integrity of Azerbaijan.",
        ),
        # the verb's subject after it, and a counterpart the article does not name
        ("ar", "والتقى عراقجي نظيره الأذربيجاني في طهران يوم الاثنين."),
        # "discussed with" reports talks, as "گفتگو کرد" does
        ("ar", "وبحث عراقجي مع بيراموف في طهران العلاقات الثنائية."),
        # "consulted with"
        ("fa", "عراقچی روز دوشنبه در تهران با بایراموف رایزنی کرد."),
        ("ar", "وتشاور عراقجي مع بيراموف في طهران يوم الاثنين."),
    ],
)
def test_a_meeting_told_in_the_ways_of_the_language(language: str, sentence: str) -> None:
    assert met(language, sentence) == {ARAGHCHI_BAYRAMOV}


def test_a_list_of_partners_is_cut_only_at_a_speaker() -> None:
    """Near miss: with no reporting verb, every name of the list after "with" is a partner."""
    found = met("en", "Araghchi held talks with Bayramov, Mirzoyan and Lavrov in Tehran.")
    assert frozenset({"abbas-araghchi", "sergey-lavrov"}) in found
    assert len(found) == 3


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "Araghchi held talks in a phone call with Bayramov on Monday."),
        ("ar", "وبحث عراقجي في اتصال هاتفي مع بيراموف العلاقات الثنائية."),
        ("ar", "وبحث عراقجي هاتفيا مع بيراموف العلاقات الثنائية."),
        ("fa", "عراقچی روز دوشنبه تلفنی با بایراموف رایزنی کرد."),
        ("ar", "وتشاور عراقجي هاتفيا مع بيراموف."),
    ],
)
def test_a_phone_call_before_the_partner_is_no_meeting(language: str, sentence: str) -> None:
    assert met(language, sentence) == set()


def test_a_phone_call_in_another_clause_leaves_the_meeting() -> None:
    """Near miss: the call is with someone else, in a relative clause before the talks."""
    found = met(
        "en",
        "Araghchi, who spoke by phone with Lavrov last week, held talks with Bayramov in Baku.",
    )
    assert found == {ARAGHCHI_BAYRAMOV}


# -- what is no statement ---------------------------------------------------------------------


def test_a_dateline_before_a_meeting_reported_by_a_ministry_is_no_statement() -> None:
    draft = draft_of(
        "en",
        "TEHRAN, March 12 (Wire) - Iranian Foreign Minister Abbas Araghchi received his "
        "Azerbaijani counterpart Jeyhun Bayramov in Tehran on Tuesday, the Iranian foreign "
        "ministry said in a statement.",
    )
    assert said(draft) == []
    assert len(draft.form["meetings"]) == 1


def test_a_number_in_what_is_said_is_still_said() -> None:
    """Near miss: a clause with figures and common words is a statement."""
    found = statements("en", "Araghchi said 2,000 trucks crossed the border every week.")
    assert ("abbas-araghchi", "2,000 trucks crossed the border every week") in found


def test_according_to_a_statement_names_no_speaker() -> None:
    found = statements(
        "en",
        "Pezeshkian expressed concern about the activities of Israel in the region, according "
        "to a statement from the presidential office.",
    )
    assert [q for _, q in found] == ["concern about the activities of Israel in the region"]


def test_according_to_a_person_is_what_the_person_says() -> None:
    """Near miss: "according to" with a person's name reports what that person said."""
    found = statements(
        "en", "According to Araghchi, the presence of foreign forces only complicates matters."
    )
    assert ("abbas-araghchi", "the presence of foreign forces only complicates matters") in found


def test_the_setting_of_a_statement_is_not_said() -> None:
    """ "در بیانیه‌ای" (in a statement) after the subject is where it was said, not what."""
    found = statements(
        "fa", "وزارت امور خارجه ایران در بیانیه‌ای حمله به سفارت آذربایجان را محکوم کرد."
    )
    assert ("ministry-of-foreign-affairs-of-iran", "حمله به سفارت آذربایجان را") in found


def test_a_statement_named_inside_what_is_said_stays_said() -> None:
    """Near miss: "بیانیه" inside the content (not at its start) is part of what is said."""
    found = statements(
        "fa", "عراقچی گفت که ایران بیانیه پایانی نشست ۳+۳ را تایید می‌کند و از آن حمایت می‌کند."
    )
    assert any(s == "abbas-araghchi" and "بیانیه پایانی" in q for s, q in found)


# -- a relative clause: "X met Y, who said ..." ------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quote"),
    [
        (
            "en",
            "Bayramov met with Iranian President Masoud Pezeshkian, who called for the swift "
            "completion of the railway link.",
            "masoud-pezeshkian",
            "the swift completion of the railway link",
        ),
        (
            "en",
            "Aliyev met with Araghchi, who also stressed that Iran supported the peace process "
            "in the region.",
            "abbas-araghchi",
            "Iran supported the peace process in the region",
        ),
        (
            "ar",
            "والتقى علييف عراقجي، الذي أكد أن إيران تدعم عملية السلام في المنطقة.",
            "abbas-araghchi",
            "إيران تدعم عملية السلام في المنطقة",
        ),
    ],
)
def test_who_after_a_name_makes_that_person_the_speaker(
    language: str, sentence: str, speaker: str, quote: str
) -> None:
    assert (speaker, quote) in said(draft_of(language, sentence))


def test_a_relative_clause_before_the_verb_leaves_the_subject_speaking() -> None:
    """Near miss: "X, who met Y, said ...": the relative clause holds no reporting verb."""
    draft = draft_of(
        "en",
        "Aliyev, who met Araghchi on Monday, said that Azerbaijan supported the peace process "
        "in the region.",
    )
    assert [s for s, _ in said(draft)] == ["ilham-aliyev"]


def test_commenting_on_the_talks_is_no_part_in_them() -> None:
    found = met(
        "en",
        '"Azerbaijan is committed to the normalisation of relations with Armenia," Aliyev told '
        "Lavrov.",
        "Armenian Foreign Minister Ararat Mirzoyan, commenting on the talks, insisted that "
        "Yerevan would not accept any route outside its control.",
    )
    assert not any("ararat-mirzoyan" in pair for pair in found)


def test_talks_held_after_a_comment_are_a_meeting() -> None:
    """Near miss: "commented on" in another sentence leaves the next meeting alone."""
    found = met(
        "en",
        "Mirzoyan commented on the statement of the Azerbaijani side on Monday.",
        "Mirzoyan held talks with Lavrov in Moscow on Tuesday.",
    )
    assert found == {frozenset({"ararat-mirzoyan", "sergey-lavrov"})}


@pytest.mark.parametrize(
    "sentence",
    [
        # verb first, then the two subjects joined by "و" written onto the second name
        "وأجرى عراقجي وبيراموف محادثات في طهران يوم الاثنين.",
        "وعقد عراقجي وبيراموف اجتماعا في طهران يوم الاثنين.",
    ],
)
def test_two_people_who_held_talks_met(sentence: str) -> None:
    assert met("ar", sentence) == {ARAGHCHI_BAYRAMOV}


@pytest.mark.parametrize(
    "sentence",
    [
        # talks between countries, and talks by phone, are no meeting of people
        "ودعا عراقجي إلى استئناف المحادثات بين أرمينيا وأذربيجان.",
        "وأجرى عراقجي محادثات هاتفية مع بيراموف.",
    ],
)
def test_talks_of_countries_or_by_phone_are_no_meeting(sentence: str) -> None:
    assert met("ar", sentence) == set()


def test_sat_down_with_is_a_meeting() -> None:
    assert met("en", "Bayramov sat down with Araghchi in Tehran on Monday.") == {
        frozenset({"jeyhun-bayramov", "abbas-araghchi"})
    }


def test_sat_down_for_an_interview_with_an_outlet_is_no_meeting() -> None:
    """Near miss: the partner after "with" is an outlet, not a person."""
    assert met("en", "Bayramov sat down for an interview with Euronews in Baku on Monday.") == set()
