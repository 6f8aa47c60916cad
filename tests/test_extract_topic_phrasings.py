"""Each topic of positions.ttl is found in the ways news agencies phrase it, in every language
(synonyms, inflections, "North–South", "3+3", "Trump Route"); a phrase names one topic only; a
named corridor, route or field of cooperation said in one phrase with a general word ("the
corridor called Zangezur", "cooperation in the defence field", "the corridor ... through Iran")
is the named (narrower) topic, not the general one. Near misses: the general wording alone
stays the general topic, and a road or cooperation with no topic's name is no topic.

The sentences are written for these tests (no article's text).
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from kb.extract.lexicon import model
from kb.extract.normalize import key_tokens
from tests.drafting import MET, draft_of, stances

PHRASINGS = [
    (
        "en",
        "Araghchi said Iran respects the sovereignty and territorial integrity of the Republic "
        "of Azerbaijan.",
        "territorial-integrity-of-azerbaijan",
    ),
    (
        "en",
        "Araghchi said Iran welcomes the initialing of the peace deal between Armenia and "
        "Azerbaijan.",
        "karabakh-conflict-settlement",
    ),
    (
        "en",
        "Araghchi said the two countries would expand cooperation in the defence sector.",
        "military-cooperation",
    ),
    (
        "en",
        "Araghchi said Iran wants peace and security in the South Caucasus.",
        "regional-peace-and-stability",
    ),
    (
        "en",
        "Araghchi said the problems of the region must be resolved by regional countries.",
        "regional-solutions",
    ),
    (
        "en",
        "Araghchi said Iran will not accept any change in the region's borders.",
        "geopolitical-changes",
    ),
    (
        "en",
        "Araghchi said Iran opposes the Trump Route for International Peace and Prosperity.",
        "zangezur-corridor",
    ),
    (
        "en",
        "Araghchi said the road to Nakhchivan via Iran would be completed next year.",
        "transit-route-through-iran",
    ),
    (
        "en",
        "Araghchi said Iran values the platform of the six neighbouring countries.",
        "3plus3-format",
    ),
    (
        "en",
        "Araghchi said Iran is ready to deploy monitors on the border between Armenia and "
        "Azerbaijan.",
        "border-observers",
    ),
    (
        "en",
        "Araghchi said the opening of regional communications would benefit all countries.",
        "regional-cooperation",
    ),
    (
        "en",
        "Araghchi said Iran welcomes the reopening of Azerbaijan's embassy in Tehran.",
        "diplomatic-exchanges",
    ),
    ("en", "Araghchi said Iran wants to prevent any escalation of tensions.", "crisis-prevention"),
    (
        "en",
        "Araghchi said the two countries aim to raise their trade volume to one billion dollars.",
        "trade-and-economic-cooperation",
    ),
    (
        "en",
        "Araghchi said the Zionist entity must not gain a foothold near Iran's borders.",
        "israel-in-the-region",
    ),
    (
        "en",
        "Araghchi said the two countries would expand cooperation in all areas.",
        "bilateral-relations",
    ),
    (
        "ru",
        "Аракчи заявил, что дорога в Нахчыван через Иран будет достроена в следующем году.",
        "transit-route-through-iran",
    ),
    (
        "ru",
        "Аракчи заявил, что коридор «Север — Юг» важен для обеих стран.",
        "transport-corridors",
    ),
    (
        "ru",
        "Аракчи заявил, что стороны расширят сотрудничество в сфере обороны.",
        "military-cooperation",
    ),
    (
        "ru",
        "Аракчи заявил, что Иран выступает за мир и стабильность на Южном Кавказе.",
        "regional-peace-and-stability",
    ),
    (
        "uk",
        "Аракчі заявив, що Іран прагне миру та стабільності на Південному Кавказі.",
        "regional-peace-and-stability",
    ),
    (
        "tr",
        "Arakçi, iki ülke arasındaki ticaret hacminin artırılması gerektiğini söyledi.",
        "trade-and-economic-cooperation",
    ),
    (
        "az",
        "Araqçi bildirib ki, tərəflər müdafiə sahəsində əməkdaşlığı genişləndirəcək.",
        "military-cooperation",
    ),
    (
        "az",
        "Araqçi bildirib ki, İran regionda sərhədlərin dəyişdirilməsinə qarşıdır.",
        "geopolitical-changes",
    ),
    (
        "fa",
        "عراقچی گفت دو کشور باید حجم مبادلات تجاری را افزایش دهند.",
        "trade-and-economic-cooperation",
    ),
    ("fa", "عراقچی گفت ایران هیچ تغییری در مرزهای منطقه را نمی‌پذیرد.", "geopolitical-changes"),
    (
        "fa",
        "عراقچی گفت ایران خواهان صلح و امنیت در قفقاز جنوبی است.",
        "regional-peace-and-stability",
    ),
    ("ar", "وقال عراقجي إن إيران لن تقبل بأي تغيير في حدود المنطقة.", "geopolitical-changes"),
    (
        "ar",
        "وقال عراقجي إن البلدين سيوسعان التعاون في المجال الدفاعي.",
        "military-cooperation",
    ),
    (
        "ar",
        "وقال عراقجي إن إيران تريد السلام والاستقرار في جنوب القوقاز.",
        "regional-peace-and-stability",
    ),
    (
        "ar",
        "وقال عراقجي إن الطريق إلى نخجوان عبر إيران سيكتمل العام المقبل.",
        "transit-route-through-iran",
    ),
]

# One phrase, one topic: the named corridor or field, not also the general word next to it.
ONE_TOPIC = [
    ("fa", "عراقچی گفت ایران با کریدور موسوم به زنگزور مخالف است.", "zangezur-corridor"),
    ("tr", "Arakçi, İran'ın Zengezur Koridoru'na karşı olduğunu söyledi.", "zangezur-corridor"),
    (
        "fa",
        "عراقچی گفت دو کشور همکاری در حوزه دفاعی را گسترش می‌دهند.",
        "military-cooperation",
    ),
    (
        "ar",
        "وقال عراقجي إن البلدين يسعيان إلى رفع حجم التبادل التجاري.",
        "trade-and-economic-cooperation",
    ),
    (
        "ru",
        "Аракчи заявил, что строительство транспортного коридора «Север — Юг» важно для региона.",
        "transport-corridors",
    ),
    (
        "az",
        "Araqçi bildirib ki, Şimal-Cənub nəqliyyat dəhlizi hər iki ölkə üçün vacibdir.",
        "transport-corridors",
    ),
    # the broader topic named first in a phrase gives way to the narrower one named after it
    (
        "tr",
        "Arakçi, Ermenistan koridora izin vermezse güzergahın İran üzerinden geçebileceğini "
        "söyledi.",
        "transit-route-through-iran",
    ),
    (
        "fa",
        "عراقچی گفت همکاری‌های دو کشور در حوزه‌های نظامی گسترش می‌یابد.",
        "military-cooperation",
    ),
    # near misses: a narrower topic named first keeps the phrase ("the corridor is an obstacle
    # to the peace agreement"); a corridor through Iran is not the route to Nakhchivan; the
    # general word alone keeps its general topic
    (
        "en",
        "Araghchi said the Zangezur corridor is an obstacle to the peace agreement.",
        "zangezur-corridor",
    ),
    (
        "en",
        "Araghchi said the North-South corridor via Iran would open soon.",
        "transport-corridors",
    ),
    ("en", "Araghchi said the North–South corridor would be finished soon.", "transport-corridors"),
    (
        "fa",
        "عراقچی گفت دو کشور همکاری در همه حوزه‌ها را گسترش می‌دهند.",
        "bilateral-relations",
    ),
]

NO_TOPIC = [
    ("en", "Araghchi said the road to Tabriz would be repaired next year."),
    ("en", "Araghchi said the new bridge over the river would open in spring."),
]


def _positions(language: str, sentence: str) -> list[str]:
    return [position for position, _ in stances(draft_of(language, MET[language], sentence))]


@pytest.mark.parametrize(("language", "sentence", "topic"), PHRASINGS)
def test_a_topic_is_found_as_news_agencies_phrase_it(
    language: str, sentence: str, topic: str
) -> None:
    assert topic in _positions(language, sentence)


@pytest.mark.parametrize(("language", "sentence", "topic"), ONE_TOPIC)
def test_one_phrase_states_one_topic(language: str, sentence: str, topic: str) -> None:
    assert _positions(language, sentence) == [topic]


@pytest.mark.parametrize(("language", "sentence"), NO_TOPIC)
def test_a_road_with_no_topic_named_is_unclassified(language: str, sentence: str) -> None:
    assert _positions(language, sentence) == ["unclassified"]


def test_no_cue_names_two_topics_in_one_language() -> None:
    concepts: dict[tuple[str, tuple[str, ...]], set[str]] = defaultdict(set)
    for scheme, concept, language, text in model().cues:
        if scheme == "positions":
            concepts[(language, key_tokens(text))].add(concept)
    assert {key: names for key, names in concepts.items() if len(names) > 1} == {}


# Opening land borders and the "Crossroads of Peace" project are regional cooperation (the
# connectivity of the region); a border named otherwise is not.
OPENINGS = [
    (
        "en",
        "Araghchi said Iran welcomed the opening of new land border crossings with Armenia.",
    ),
    ("en", "Araghchi said Tehran supports the Crossroads of Peace project."),
    ("tr", "Arakçi, iki ülke arasındaki kara sınırının yeniden açılmasını desteklediğini söyledi."),
    ("ru", "Аракчи заявил, что Иран поддерживает проект «Перекресток мира»."),
    ("uk", "Аракчі заявив, що відкриття сухопутного кордону вигідне всьому регіону."),
    ("az", "Araqçi bildirib ki, quru sərhədin açılması bütün region üçün faydalıdır."),
    ("fa", "عراقچی گفت بازگشایی مرز زمینی به نفع همه کشورهای منطقه است."),
    ("ar", "وقال عراقجي إن فتح الحدود البرية سيفيد جميع دول المنطقة."),
]


@pytest.mark.parametrize(("language", "sentence"), OPENINGS)
def test_opening_land_borders_is_regional_cooperation(language: str, sentence: str) -> None:
    assert "regional-cooperation" in _positions(language, sentence)


def test_border_guards_are_not_regional_cooperation() -> None:
    sentence = "Araghchi said the border guards of the two countries would patrol together."
    assert "regional-cooperation" not in _positions("en", sentence)
