"""Which stance a statement takes: the stance cues of stances.ttl are read wherever they stand,
and the one that governs what is said decides.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

from tests.drafting import draft_of, stances

PEACE = "regional-peace-and-stability"  # a topic with no default stance of its own


def test_a_speech_verb_as_printed_is_still_a_stance_cue_by_its_lemma() -> None:
    """ "застерегла" is listed as a speech verb; by its lemma it is "застеріг", a warning."""
    assert stances(
        draft_of(
            "uk",
            "Речниця МЗС Росії Марія Захарова застерегла сторони від кроків, що підірвуть мир "
            "і стабільність у регіоні.",
        )
    ) == [(PEACE, "warns")]
    assert stances(
        draft_of(
            "ru",
            "Официальный представитель МИД России Мария Захарова предостерегла стороны от шагов, "
            "подрывающих мир и стабильность в регионе.",
        )
    ) == [(PEACE, "warns")]


def test_a_speech_verb_that_is_no_stance_by_its_lemma_only_affirms() -> None:
    assert stances(
        draft_of(
            "uk",
            "Речниця МЗС Росії Марія Захарова сказала, що мир і стабільність у регіоні залежать "
            "від сторін.",
        )
    ) == [(PEACE, "affirms")]


def test_the_verb_that_says_a_clause_gives_its_stance_over_a_cue_inside_it() -> None:
    """ "hoped that ... against", "выразил надежду, что ... поддержат", "...desteklediğini
    memnuniyetle karşıladı": the speaker hopes or welcomes what the clause says, whatever it says;
    before its clause or after it (verb-final)."""
    for language, sentence, stance in [
        (
            "en",
            "Bayramov hoped that the parties would act against any threat to peace and "
            "stability in the region.",
            "hopes",
        ),
        (
            "ru",
            "Байрамов выразил надежду, что стороны поддержат мир и стабильность в регионе.",
            "hopes",
        ),
        (
            "uk",
            "Байрамов висловив сподівання, що сторони підтримають мир і стабільність у регіоні.",
            "hopes",
        ),
        (
            "tr",
            "Bayramov, tarafların bölgede barış ve istikrarı desteklediğini memnuniyetle "
            "karşıladı.",
            "welcomes",
        ),
    ]:
        assert stances(draft_of(language, sentence)) == [(PEACE, stance)], language


def test_a_verb_that_only_says_leaves_the_stance_to_the_clause() -> None:
    for language, sentence in [
        ("ru", "Байрамов заявил, что стороны поддержат мир и стабильность в регионе."),
        ("tr", "Bayramov, tarafların bölgede barış ve istikrarı desteklediğini söyledi."),
    ]:
        assert stances(draft_of(language, sentence)) == [(PEACE, "supports")], language


def test_a_quotation_keeps_the_stance_of_its_own_words() -> None:
    """The speaker's own words say what they do; "he warned" after them does not recast them."""
    assert stances(
        draft_of("en", '"Iran supports peace and stability in the region," Bayramov warned.')
    ) == [(PEACE, "supports")]


def test_in_a_verb_final_language_the_verb_closing_the_clause_gives_its_stance() -> None:
    """ "X گفت ایران از ... حمایت می‌کند" (X said Iran supports ...): one statement, supported."""
    assert stances(draft_of("fa", "بایراموف گفت ایران از صلح و ثبات در منطقه حمایت می‌کند.")) == [
        (PEACE, "supports")
    ]
    # near miss: a closing verb that takes no stance ("considers important")
    assert stances(draft_of("fa", "بایراموف گفت ایران صلح و ثبات در منطقه را مهم می‌داند.")) == [
        (PEACE, "affirms")
    ]


def test_relations_and_visits_stressed_without_a_stance_cue_are_affirmed() -> None:
    """An assessment of relations or of visits ("are at a high level", "noted the exchange of
    visits") states the speaker's view: affirms, not supports or welcomes by default."""
    for language, sentence, position in [
        (
            "en",
            "Bayramov stressed that relations between Iran and Azerbaijan are at a high level.",
            "bilateral-relations",
        ),
        (
            "ru",
            "Байрамов подчеркнул, что отношения между Ираном и Азербайджаном находятся на "
            "высоком уровне.",
            "bilateral-relations",
        ),
        (
            "en",
            "Bayramov noted the regular exchange of visits between the two countries.",
            "diplomatic-exchanges",
        ),
    ]:
        assert stances(draft_of(language, sentence)) == [(position, "affirms")], sentence


def test_relations_and_visits_with_a_stance_cue_take_it() -> None:
    assert stances(
        draft_of(
            "en",
            "Bayramov said that Azerbaijan supports the development of relations between Iran "
            "and Azerbaijan.",
        )
    ) == [("bilateral-relations", "supports")]
    assert stances(
        draft_of(
            "en", "Bayramov welcomed the regular exchange of visits between the two countries."
        )
    ) == [("diplomatic-exchanges", "welcomes")]


def test_an_arabic_cue_matches_after_a_one_letter_clitic() -> None:
    """ "ويجب" (and must) is the cue "يجب" after the conjunction "و"."""
    assert stances(
        draft_of(
            "ar",
            "وقال بيراموف إن إيران وأذربيجان جارتان ويجب الحفاظ على السلام والاستقرار في المنطقة.",
        )
    ) == [(PEACE, "calls-for")]
    # near miss: "وواجب" (and a duty) is "و" before "واجب", which is no cue
    assert stances(
        draft_of(
            "ar",
            "وقال بيراموف إن إيران وأذربيجان جارتان وواجب الجميع الحفاظ على السلام والاستقرار "
            "في المنطقة.",
        )
    ) == [(PEACE, "affirms")]


FRAMED = [
    (
        "ru",
        "Байрамов заявил, что Азербайджан готов содействовать миру и стабильности в регионе.",
        "Байрамов заявил, что Азербайджан будет содействовать миру и стабильности в регионе.",
        "offers",
    ),
    (
        "tr",
        "Bayramov, Azerbaycan'ın bölgede barış ve istikrara katkı sunmaya hazır olduğunu "
        "vurguladı.",
        "Bayramov, Azerbaycan'ın bölgede barış ve istikrara katkı sunduğunu vurguladı.",
        "offers",
    ),
    (
        "uk",
        "Байрамов заявив: «Сподіваємося на діалог заради підтримки миру і стабільності в регіоні».",
        "Байрамов заявив: «Працюємо заради підтримки миру і стабільності в регіоні».",
        "hopes",
    ),
    (
        "en",
        "Bayramov said Azerbaijan stands ready to contribute to peace and stability in the region.",
        "Bayramov said Azerbaijan will contribute to peace and stability in the region.",
        "offers",
    ),
]


def test_readiness_hope_or_need_in_a_clause_decides_over_what_it_frames() -> None:
    """ "ready to contribute to", "hope for ... support": the speaker offers or hopes; the
    same clause without the frame supports (near miss)."""
    for language, framed, plain, stance in FRAMED:
        assert stances(draft_of(language, framed)) == [(PEACE, stance)], framed
        assert stances(draft_of(language, plain)) == [(PEACE, "supports")], plain


def test_another_verbs_stance_does_not_pass_to_what_a_later_verb_says() -> None:
    """ "welcomed X and said that Y": Y is said, not welcomed; in a verb-final language the
    cue that ends the clause before ("...memnuniyetle karşıladığını, ...") is that clause's."""
    assert stances(
        draft_of(
            "en",
            "Bayramov welcomed the growth of trade and said that peace and stability in the "
            "region had grown stronger.",
        )
    ) == [("unclassified", "welcomes"), (PEACE, "affirms")]
    assert stances(
        draft_of(
            "tr",
            "Bayramov, ticaretin arttığını memnuniyetle karşıladığını, bölgede barış ve "
            "istikrarın güçlendiğini söyledi.",
        )
    ) == [("unclassified", "welcomes"), (PEACE, "affirms")]
    # near miss: what the welcoming verb itself takes is welcomed
    assert stances(
        draft_of(
            "en", "Bayramov welcomed the growth of trade and peace and stability in the region."
        )
    ) == [(PEACE, "welcomes")]


def test_a_verb_final_clauses_cue_may_run_into_its_verb() -> None:
    """ "... yardıma hazır olduğunu söyledi": "hazır olduğunu" ends the clause and starts the
    verb; the clause offers. Near miss: "çalıştığını söyledi" only says."""
    assert stances(
        draft_of(
            "tr",
            "Bayramov, Azerbaycan'ın bölgede barış ve istikrar için her türlü yardıma hazır "
            "olduğunu söyledi.",
        )
    ) == [(PEACE, "offers")]
    assert stances(
        draft_of(
            "tr",
            "Bayramov, Azerbaycan'ın bölgede barış ve istikrar için çalıştığını söyledi.",
        )
    ) == [(PEACE, "affirms")]


def test_in_a_verb_final_clause_the_cue_that_closes_it_decides_over_one_inside() -> None:
    """ "İran'ın ... verdiği destekten dolayı memnuniyet duyduğunu söyledi": the support is
    what he is pleased with; the predicate that ends the clause (welcomes) decides, not the cue
    nearest the topic. Near miss: with no predicate cue the support inside is the stance."""
    assert stances(
        draft_of(
            "tr",
            "Bayramov, İran'ın bölgede barış ve istikrara verdiği destekten dolayı memnuniyet "
            "duyduğunu söyledi.",
        )
    ) == [(PEACE, "welcomes")]
    assert stances(
        draft_of("fa", "بایراموف گفت از حمایت ایران از صلح و ثبات در منطقه خرسندیم.")
    ) == [(PEACE, "welcomes")]
    assert stances(
        draft_of("tr", "Bayramov, İran'ın bölgede barış ve istikrara destek verdiğini söyledi.")
    ) == [(PEACE, "supports")]


def test_a_frame_just_before_a_clause_takes_all_of_it() -> None:
    """ "has no intention of taking part in operations that threaten peace": the clause the
    topic stands in is framed by the refusal before it, and a hope before a clause decides
    over the urgency inside it. Near misses: with no frame the clause's own cue decides; a frame
    of another verb, past a comma, does not reach the clause."""
    assert stances(
        draft_of(
            "en",
            "Bayramov said Azerbaijan has no intention of taking part in operations that "
            "threaten peace and stability in the region.",
        )
    ) == [(PEACE, "rejects")]
    assert stances(
        draft_of(
            "ar",
            "وأعرب بيراموف عن أمله في أن يعقد الاجتماع المقبل حول السلام والاستقرار في المنطقة "
            "في أقرب وقت.",
        )
    ) == [(PEACE, "hopes")]
    assert stances(
        draft_of(
            "en",
            "Bayramov said Azerbaijan takes part in operations that threaten peace and "
            "stability in the region.",
        )
    ) == [(PEACE, "warns")]
    assert stances(
        draft_of(
            "ar",
            "وقال بيراموف إن الاجتماع المقبل حول السلام والاستقرار في المنطقة يجب أن يعقد في "
            "أقرب وقت.",
        )
    ) == [(PEACE, "calls-for")]
    assert stances(
        draft_of(
            "en",
            "Bayramov expressed hope for new talks, and said that operations that threaten "
            "peace and stability in the region are unacceptable.",
        )
    ) == [("unclassified", "hopes"), (PEACE, "rejects")]
