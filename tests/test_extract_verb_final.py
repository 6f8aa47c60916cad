"""Reported speech where the verb ends the clause (Turkish, Azerbaijani, Persian): what is said
comes before the verb, one statement per content clause, verb forms read by their ending, and
the speaker going on over sentences with no subject of their own.

The sentences are written for these tests (no article's text); each rule has a near miss that
must not yield a statement or must not change the speaker.
"""

from __future__ import annotations

import pytest

from kb.extract.pipeline import Options, extract

from .drafting import draft_of
from .drafting import said as statements

ARAGHCHI = "abbas-araghchi"
BAYRAMOV = "jeyhun-bayramov"
MEETING = {
    "tr": "Dışişleri Bakanı Abbas Arakçi pazartesi günü Bakü'de Ceyhun Bayramov ile görüştü.",
    "az": "Xarici işlər naziri Ceyhun Bayramov bazar ertəsi Bakıda Abbas Əraqçi ilə görüşüb.",
    "fa": "سید عباس عراقچی روز دوشنبه در باکو با جیحون بایراموف دیدار کرد.",
}


def said(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    """(speaker, quote) of every statement of a short article opening with a meeting; each
    quote checked verbatim."""
    return statements(draft_of(language, MEETING[language], *paragraphs))


# -- the content clause before the verb, one statement per nominalised clause ---------------


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quotes"),
    [
        (
            "tr",
            "Arakçi, iki ülke arasındaki ticaretin hızla büyüdüğünü ve ulaştırma "
            "projelerinin yakında tamamlanacağını söyledi.",
            ARAGHCHI,
            [
                "iki ülke arasındaki ticaretin hızla büyüdüğünü",
                "ulaştırma projelerinin yakında tamamlanacağını",
            ],
        ),
        (
            "az",
            "Bayramov iki ölkə arasında əlaqələrin sürətlə inkişaf etdiyini vurğulayıb.",
            BAYRAMOV,
            ["iki ölkə arasında əlaqələrin sürətlə inkişaf etdiyini"],
        ),
        (
            "fa",
            "عراقچی توسعه روابط اقتصادی دو کشور را یک ضرورت دانست.",
            ARAGHCHI,
            ["توسعه روابط اقتصادی دو کشور را یک ضرورت"],
        ),
    ],
)
def test_what_is_said_is_the_clause_before_the_verb(
    language: str, sentence: str, speaker: str, quotes: list[str]
) -> None:
    found = said(language, sentence)
    for quote in quotes:
        assert (speaker, quote) in found, found


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # a noun built on a reporting verb's stem is no verb ("açıklama", "bildiriş", "گفتوگو")
        ("tr", "Arakçi'nin açıklaması basında iki gün boyunca geniş yer buldu."),
        ("az", "Bayramovun bildirişi nazirliyin saytında iki gün öncə dərc olunub."),
        ("fa", "گفتوگوی دو وزیر درباره روابط دو کشور دو ساعت طول کشید."),
        # nor is a passive ("belirtildi") nor a relative participle ("dile getirdiği")
        ("tr", "Arakçi'nin dile getirdiği görüşler gazetelerde uzun uzun yer aldı."),
    ],
)
def test_a_word_built_on_a_stem_without_a_verb_ending_reports_nothing(
    language: str, sentence: str
) -> None:
    assert said(language, sentence) == []


def test_a_verb_whose_stem_changes_is_read_by_its_lemma() -> None:
    # "söylüyor" is "söyle" (simplemma's lemma), with a progressive ending of the table
    found = said("tr", "Arakçi, iki ülke arasındaki ilişkilerin hızla güçlendiğini söylüyor.")
    assert (ARAGHCHI, "iki ülke arasındaki ilişkilerin hızla güçlendiğini") in found, found


# -- participles and converbs ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sentence", "quotes"),
    [
        (
            "tr",
            "Tahran'ın, Türkiye Cumhurbaşkanı'nın bölgesel barış önerisini olumlu "
            "karşıladığını dile getiren Arakçi, iki ülke arasındaki ticaretin arttığını belirtti.",
            [
                "Tahran'ın, Türkiye Cumhurbaşkanı'nın bölgesel barış önerisini olumlu karşıladığını",
                "iki ülke arasındaki ticaretin arttığını",
            ],
        ),
        (
            "az",
            "İranın Azərbaycanla əməkdaşlığa hazır olduğunu bildirən Əraqçi, nəqliyyat "
            "dəhlizinin tezliklə açılacağını vurğulayıb.",
            [
                "İranın Azərbaycanla əməkdaşlığa hazır olduğunu",
                "nəqliyyat dəhlizinin tezliklə açılacağını",
            ],
        ),
    ],
)
def test_a_participle_and_the_verb_after_its_speaker_are_both_his(
    language: str, sentence: str, quotes: list[str]
) -> None:
    found = said(language, sentence)
    for quote in quotes:
        assert (ARAGHCHI, quote) in found, found
    assert {s for s, _ in found} == {ARAGHCHI}  # not the president named in the genitive


@pytest.mark.parametrize(
    ("language", "sentence", "quote", "not_said"),
    [
        (
            "tr",
            "Bayramov, Cumhurbaşkanı Aliyev'in selamlarını ileterek, iki ülke arasındaki "
            "ortak projelerin çok önemli olduğunu vurguladı.",
            "iki ülke arasındaki ortak projelerin çok önemli olduğunu",
            "ileterek",
        ),
        (
            "az",
            "Bayramov Prezident İlham Əliyevin salamlarını çatdıraraq, iki ölkə arasında "
            "birgə layihələrin çox vacib olduğunu qeyd edib.",
            "iki ölkə arasında birgə layihələrin çox vacib olduğunu",
            "çatdıraraq",
        ),
    ],
)
def test_a_converb_clause_that_reports_nothing_is_not_part_of_what_is_said(
    language: str, sentence: str, quote: str, not_said: str
) -> None:
    found = said(language, sentence)
    assert (BAYRAMOV, quote) in found, found
    assert not any(not_said in q for _, q in found)


def test_a_converb_continuing_a_named_speaker_starts_after_his_name() -> None:
    found = said(
        "tr",
        "Arakçi, ayrıca, iki ülke arasındaki ticaret anlaşmasının hazır olduğuna işaret "
        "ederek, anlaşmayı gelecek ay imzalamayı umduklarını sözlerine ekledi.",
    )
    assert (ARAGHCHI, "iki ülke arasındaki ticaret anlaşmasının hazır olduğuna") in found, found


# -- "Bunu X bildirib": the quotation before is X's -------------------------------------------


@pytest.mark.parametrize(
    ("language", "quotation", "attribution", "speaker", "quote"),
    [
        (
            "az",
            '"İran ilə Azərbaycan arasında ticarət sürətlə artır. Biz birgə nəqliyyat '
            'layihələrini dəstəkləyirik".',
            "Bunu xarici işlər naziri Ceyhun Bayramov jurnalistlərə bildirib.",
            BAYRAMOV,
            "Biz birgə nəqliyyat layihələrini dəstəkləyirik",
        ),
        (
            "tr",
            '"İki ülke arasındaki ticaret hızla büyüyor. Ortak ulaştırma projelerini '
            'destekliyoruz".',
            "Bunu Dışişleri Bakanı Abbas Arakçi gazetecilere söyledi.",
            ARAGHCHI,
            "Ortak ulaştırma projelerini destekliyoruz",
        ),
    ],
)
def test_a_demonstrative_object_attributes_the_quotation_before(
    language: str, quotation: str, attribution: str, speaker: str, quote: str
) -> None:
    found = said(language, quotation, attribution)
    assert (speaker, quote) in found, found
    # the attributing sentence itself says nothing: "to the journalists" is no statement
    assert not any(q.endswith(("jurnalistlərə", "gazetecilere")) for _, q in found)


def test_a_quotation_followed_by_a_sentence_without_the_demonstrative_stays_unattributed() -> None:
    found = said(
        "az",
        '"İran ilə Azərbaycan arasında ticarət sürətlə artır. Biz birgə nəqliyyat '
        'layihələrini dəstəkləyirik".',
        "Ceyhun Bayramov sabah səhər Tehrana rəsmi səfərə yola düşəcək.",
    )
    assert not any("dəstəkləyirik" in q for _, q in found), found


def test_a_that_clause_ends_at_a_colon_and_the_quotation_after_it_is_a_statement() -> None:
    found = said(
        "az",
        "Bayramov deyib ki, regionda sülh hər iki ölkənin əsas məqsədidir: "
        '"Biz qonşularımızla əməkdaşlığı genişləndirməyə hazırıq".',
    )
    assert (BAYRAMOV, "regionda sülh hər iki ölkənin əsas məqsədidir") in found, found
    assert (BAYRAMOV, "Biz qonşularımızla əməkdaşlığı genişləndirməyə hazırıq") in found, found


# -- Persian frames and a person inside an agent's statement ----------------------------------


def test_a_frame_verb_reports_what_stands_inside_the_frame() -> None:
    found = said("fa", "عراقچی خواستار گسترش همکاری های اقتصادی و ترانزیتی دو کشور شد.")
    assert (ARAGHCHI, "گسترش همکاری های اقتصادی و ترانزیتی دو کشور") in found, found


def test_a_person_inside_a_ministry_statement_speaks_for_himself() -> None:
    found = said(
        "fa",
        "سفارت آذربایجان در تهران روز سه شنبه گزارش داد که بایراموف هنگام گفت‌وگو با همتای "
        "ایرانی خود از پیشنهاد تهران برای بازگشایی مسیر ترانزیتی استقبال کرده است.",
    )
    assert any(s == BAYRAMOV and "از پیشنهاد تهران" in q for s, q in found), found


# -- speaker continuity ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "first", "going_on", "quote"),
    [
        (
            "tr",
            "Arakçi, iki ülke arasındaki ilişkilerin çok güçlü olduğunu söyledi.",
            "Ayrıca bölgede barışın korunması gerektiğini vurguladı.",
            "bölgede barışın korunması gerektiğini",
        ),
        (
            "az",
            "Bayramov iki ölkə arasında əlaqələrin güclü olduğunu vurğulayıb.",
            "Bildirib ki, regionda sülhün qorunması hər iki ölkənin maraqlarına uyğundur.",
            "regionda sülhün qorunması hər iki ölkənin maraqlarına uyğundur",
        ),
        (
            "az",
            "Bayramov iki ölkə arasında əlaqələrin güclü olduğunu vurğulayıb.",
            "Həmçinin regionda sülhün qorunmasının vacib olduğunu bildirib.",
            "regionda sülhün qorunmasının vacib olduğunu",
        ),
        (
            "fa",
            "عراقچی گفت: روابط دو کشور در مسیر درستی قرار دارد.",
            "همچنین بر حفظ صلح و ثبات در منطقه تاکید کرد.",
            "حفظ صلح و ثبات در منطقه",
        ),
        (
            "fa",
            "عراقچی گفت: روابط دو کشور در مسیر درستی قرار دارد.",
            "وی افزود: ایران از روند صلح در منطقه حمایت می کند.",
            "ایران از روند صلح در منطقه حمایت می کند",
        ),
    ],
)
def test_a_verb_without_a_subject_continues_the_current_speaker(
    language: str, first: str, going_on: str, quote: str
) -> None:
    found = said(language, first, going_on)
    speaker = ARAGHCHI if language != "az" else BAYRAMOV
    assert any(s == speaker and quote in q for s, q in found), found


@pytest.mark.parametrize(
    ("language", "first", "handed_over"),
    [
        (
            "tr",
            "Arakçi, iki ülke arasındaki ilişkilerin çok güçlü olduğunu söyledi.",
            "Öte yandan bölgede barışın korunması gerektiğini vurguladı.",
        ),
        (
            "fa",
            "عراقچی گفت: روابط دو کشور در مسیر درستی قرار دارد.",
            "از سوی دیگر بر حفظ صلح و ثبات در منطقه تاکید کرد.",
        ),
    ],
)
def test_a_turn_marker_hands_over_and_the_speaker_does_not_go_on(
    language: str, first: str, handed_over: str
) -> None:
    found = said(language, first, handed_over)
    assert not any("صلح" in q or "barışın" in q for _, q in found), found


def test_a_named_subject_after_also_is_a_new_speaker() -> None:
    found = said(
        "az",
        "Bayramov iki ölkə arasında əlaqələrin güclü olduğunu vurğulayıb.",
        "Həmçinin Abbas Əraqçi regionda sülhün qorunmasının vacib olduğunu bildirib.",
    )
    assert (ARAGHCHI, "regionda sülhün qorunmasının vacib olduğunu") in found, found
    assert not any(s == BAYRAMOV and "sülhün" in q for s, q in found), found


# -- statement nouns, announcements, possessors, discussions -----------------------------------


def test_a_statement_noun_is_its_holders_and_opening_a_sentence_goes_on() -> None:
    found = said(
        "tr",
        "Arakçi'nin görüşmeden sonra yaptığı açıklamada, \"Bölgede kalıcı barış için "
        'çalışmaya devam edeceğiz." denildi.',
        'Açıklamada, "Azerbaycan ile ilişkilerimizi her alanda geliştirmek istiyoruz." '
        "ifadeleri kullanıldı.",
    )
    assert any(s == ARAGHCHI and "kalıcı barış için" in q for s, q in found), found
    assert any(s == ARAGHCHI and "ilişkilerimizi her alanda" in q for s, q in found), found


def test_a_statement_noun_with_no_holder_and_no_one_speaking_before_says_nothing() -> None:
    draft = draft_of(
        "tr",
        'Açıklamada, "Azerbaycan ile ilişkilerimizi her alanda geliştirmek istiyoruz." '
        "ifadeleri kullanıldı.",
    )
    assert draft.form["statements"] == []


def test_a_sentence_announcing_the_speech_that_follows_is_no_statement() -> None:
    found = said("tr", "Arakçi'nin açıklamasında öne çıkan başlıklar şöyle:")
    assert found == []


def test_he_is_the_subject_before_not_the_owner_in_the_genitive() -> None:
    found = said(
        "az",
        "Abbas Əraqçi Prezident Məsud Pezeşkiyanın salamlarını Ceyhun Bayramova yetirib.",
        "O, iki ölkə arasında nəqliyyat dəhlizinin tezliklə açılacağını deyib.",
    )
    assert (ARAGHCHI, "iki ölkə arasında nəqliyyat dəhlizinin tezliklə açılacağını") in found, found


@pytest.mark.parametrize(
    ("language", "first", "discussed"),
    [
        (
            "tr",
            "Arakçi, iki ülke arasındaki ilişkilerin çok güçlü olduğunu söyledi: "
            '"Bölgede barışı destekliyoruz.',
            "Bankacılık ve sigortacılık konularını da ayrıntılı olarak konuştuk.",
        ),
    ],
)
def test_a_sentence_of_direct_speech_that_only_reports_a_discussion_is_no_statement(
    language: str, first: str, discussed: str
) -> None:
    found = said(language, first + " " + discussed + '"')
    assert not any("sigortacılık" in q for _, q in found), found


def test_a_person_in_the_genitive_is_not_the_subject_of_the_verb_ending_the_clause() -> None:
    found = said(
        "az",
        "Abbas Əraqçinin də qatıldığı görüşdə Ceyhun Bayramov iki ölkə arasında "
        "əlaqələrin genişlənəcəyini bildirib.",
    )
    assert (BAYRAMOV, "iki ölkə arasında əlaqələrin genişlənəcəyini") in found, found
    assert not any(s == ARAGHCHI for s, _ in found), found


def test_a_country_opening_what_is_said_is_part_of_it_not_the_subjects_title() -> None:
    found = said("az", "Bayramov Azərbaycanla İran arasındakı əlaqələrin güclü olduğunu qeyd edib.")
    assert (BAYRAMOV, "Azərbaycanla İran arasındakı əlaqələrin güclü olduğunu") in found, found


def test_according_to_him_takes_the_holder_right_after_the_phrase() -> None:
    found = said(
        "fa",
        "عراقچی گفت: روابط دو کشور در مسیر درستی قرار دارد.",
        "به گفته وی، تجارت میان ایران و آذربایجان در سال آینده دو برابر خواهد شد.",
    )
    assert (ARAGHCHI, "تجارت میان ایران و آذربایجان در سال آینده دو برابر خواهد شد") in found, found


def test_according_to_sources_names_no_speaker() -> None:
    found = said("fa", "به گفته منابع آگاه، تجارت میان ایران و آذربایجان دو برابر خواهد شد.")
    assert not any("دو برابر" in q for _, q in found), found


def test_a_that_clause_after_a_verb_inside_the_content_is_what_is_stated() -> None:
    found = said(
        "fa",
        "عراقچی تاکید کرد سفر اخیر رئیس جمهور به باکو یک بار دیگر نشان داد که روابط "
        "ایران و آذربایجان در مسیر درستی قرار دارد.",
    )
    assert (ARAGHCHI, "روابط ایران و آذربایجان در مسیر درستی قرار دارد") in found, found


def test_a_relative_clause_stays_inside_what_is_said() -> None:
    found = said(
        "fa", "عراقچی بر توسعه راه آهنی که ایران و آذربایجان را به هم متصل می کند تاکید کرد."
    )
    assert (ARAGHCHI, "توسعه راه آهنی که ایران و آذربایجان را به هم متصل می کند") in found or (
        ARAGHCHI,
        "بر توسعه راه آهنی که ایران و آذربایجان را به هم متصل می کند",
    ) in found, found


# -- the stored text cut mid-sentence --------------------------------------------------------


def cut(language: str, *paragraphs: str) -> list[tuple[str, str]]:
    """Statements of an article whose text ends where its last paragraph ends (no newline)."""
    text = "Talks in the region\n\n" + MEETING[language] + "\n\n" + "\n\n".join(paragraphs)
    draft = extract(text, Options(lang=language, published="2024-11-14"))
    return [(item["speaker"], item["quote"]) for item in draft.form["statements"]]


def test_a_statement_cut_off_by_the_end_of_the_text_is_dropped() -> None:
    found = cut("fa", "عراقچی گفت: تهران برای توسعه روابط تجاری با باکو آمادگی کام")
    assert not any("آمادگی" in q for _, q in found), found


def test_a_complete_clause_before_the_cut_is_kept() -> None:
    found = cut(
        "tr",
        "Arakçi yaptığı açıklamada, iki ülke arasındaki ticaretin hızla büyüdüğünü ve "
        "ulaştırma projelerinin yak",
    )
    assert (ARAGHCHI, "iki ülke arasındaki ticaretin hızla büyüdüğünü") in found, found
    assert not any("projelerinin yak" in q for _, q in found), found


def test_a_last_sentence_that_ends_with_its_full_stop_is_whole() -> None:
    found = cut("fa", "عراقچی گفت: تهران برای توسعه روابط تجاری با باکو آمادگی کامل دارد.")
    assert (ARAGHCHI, "تهران برای توسعه روابط تجاری با باکو آمادگی کامل دارد") in found, found


def test_a_turn_marker_after_the_subject_is_not_part_of_what_is_said() -> None:
    found = said(
        "tr",
        "Arakçi, iki ülke arasındaki ilişkilerin çok güçlü olduğunu söyledi.",
        "Bayramov ise bölgede kalıcı barışın korunması gerektiğini vurguladı.",
    )
    assert (BAYRAMOV, "bölgede kalıcı barışın korunması gerektiğini") in found, found


@pytest.mark.parametrize(
    ("language", "sentence", "quote"),
    [
        (
            "tr",
            "Arakçi bu görüşmede enerji alanındaki ortak yatırımların artacağını vurguladı.",
            "enerji alanındaki ortak yatırımların artacağını",
        ),
        (
            "fa",
            "عراقچی در این دیدار بر گسترش سرمایه گذاری مشترک در بخش انرژی تاکید کرد.",
            "گسترش سرمایه گذاری مشترک در بخش انرژی",
        ),
    ],
)
def test_the_meetings_setting_opening_what_is_said_is_left_out(
    language: str, sentence: str, quote: str
) -> None:
    found = said(language, sentence)
    assert any(s == ARAGHCHI and q.endswith(quote) and len(q) < len(quote) + 4 for s, q in found), (
        found
    )


# -- a name, a colon and a quotation ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "line", "speaker", "quote"),
    [
        ("tr", 'ARAKÇİ: "BARIŞ MASADA KAZANILIR"', ARAGHCHI, "BARIŞ MASADA KAZANILIR"),
        ("az", "Bayramov: “Sülh danışıqlar yolu ilə gələcək”", BAYRAMOV, "Sülh danışıqlar"),
    ],
)
def test_a_line_of_a_name_a_colon_and_a_quotation_is_his(
    language: str, line: str, speaker: str, quote: str
) -> None:
    found = said(language, line, MEETING[language])
    assert any(s == speaker and quote in q for s, q in found), found


def test_a_name_and_a_colon_without_a_quotation_is_a_label_not_speech() -> None:
    found = said("tr", "Arakçi: Bakü'deki görüşmenin fotoğrafları ve ayrıntılar", MEETING["tr"])
    assert not any("fotoğrafları" in q for _, q in found), found


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quote"),
    [
        (
            "tr",
            "Arakçi, bölgedeki sivil tesislere yönelik saldırıları sert bir dille kınadı.",
            ARAGHCHI,
            "bölgedeki sivil tesislere yönelik saldırıları sert bir dille",
        ),
        (
            "az",
            "Bayramov sərhəd yaxınlığındakı mülki obyektlərə edilən hücumları qətiyyətlə pisləyib.",
            BAYRAMOV,
            "sərhəd yaxınlığındakı mülki obyektlərə edilən hücumları qətiyyətlə",
        ),
        (
            "fa",
            "عراقچی حمله به تاسیسات غیرنظامی در منطقه را به شدت محکوم کرد.",
            ARAGHCHI,
            "حمله به تاسیسات غیرنظامی در منطقه را به شدت",
        ),
    ],
)
def test_a_verb_of_condemnation_reports_what_it_condemns(
    language: str, sentence: str, speaker: str, quote: str
) -> None:
    assert (speaker, quote) in said(language, sentence)


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("tr", "Bayramov, İsrail Başbakanı Binyamin Netanyahu'yu eleştirdi."),
        ("az", "Bayramov İsrailin Baş naziri Binyamin Netanyahunu pisləyib."),
    ],
)
def test_a_verb_of_criticism_with_only_a_person_before_it_states_nothing(
    language: str, sentence: str
) -> None:
    assert not any("Netanyahu" in q for _, q in said(language, sentence))


def test_the_head_of_our_state_is_the_president_named_before() -> None:
    draft = draft_of(
        "az",
        "Prezident İlham Əliyev bazar ertəsi Abbas Əraqçini qəbul edib.",
        "Dövlətimizin başçısı qeyd edib ki, iki ölkə arasında nəqliyyat əlaqələri sürətlə "
        "genişlənir.",
    )
    found = [(item["speaker"], item["quote"]) for item in draft.form["statements"]]
    assert any(s == "ilham-aliyev" and "nəqliyyat əlaqələri" in q for s, q in found), found


def test_a_persian_present_verb_is_read_by_its_lemma() -> None:
    # "گوید" is "گفت" (simplemma's lemma), with the present's ending of the table
    found = said("fa", "عراقچی می گوید ایران به دنبال ثبات پایدار در قفقاز جنوبی است.")
    assert (ARAGHCHI, "ایران به دنبال ثبات پایدار در قفقاز جنوبی است") in found, found


def test_believes_that_reports_the_that_clause() -> None:
    found = said("fa", "عراقچی معتقد است که گفتگو تنها راه حل اختلافات منطقه ای است.")
    assert (ARAGHCHI, "گفتگو تنها راه حل اختلافات منطقه ای است") in found, found


def test_also_after_the_subject_is_not_part_of_what_is_said() -> None:
    found = said("tr", "Bayramov da ulaştırma koridorunun yakında açılacağını vurguladı.")
    assert (BAYRAMOV, "ulaştırma koridorunun yakında açılacağını") in found, found


def test_a_prepositional_converb_says_its_phrase_and_the_verb_after_says_the_rest() -> None:
    found = said(
        "fa",
        "بایراموف ضمن قدردانی از حمایت های ایران در روند صلح، بر ضرورت گسترش روابط "
        "تجاری دو کشور تاکید کرد.",
    )
    quotes = {q for s, q in found if s == BAYRAMOV}
    assert "حمایت های ایران در روند صلح" in quotes, found
    assert any(q.endswith("ضرورت گسترش روابط تجاری دو کشور") and "صلح" not in q for q in quotes)


def test_a_prepositional_converb_without_a_comma_runs_to_the_verb() -> None:
    found = said("fa", "عراقچی با اشاره به اهمیت کریدور شمال و جنوب برای منطقه سخن گفت.")
    assert any(s == ARAGHCHI and "اهمیت کریدور شمال و جنوب" in q for s, q in found), found


@pytest.mark.parametrize(
    ("language", "sentence", "speaker", "quote"),
    [
        (
            "tr",
            'Arakçi, "Kafkasya\'da kalıcı barış artık mümkün" diye konuştu.',
            ARAGHCHI,
            "Kafkasya'da kalıcı barış artık mümkün",
        ),
        (
            "tr",
            'Bayramov, "Tahran ile enerji ortaklığımızı büyüteceğiz" ifadelerini kullandı.',
            BAYRAMOV,
            "Tahran ile enerji ortaklığımızı büyüteceğiz",
        ),
        (
            "az",
            "Əraqçinin fikrincə, nəqliyyat dəhlizi hər iki ölkənin iqtisadiyyatını gücləndirəcək.",
            ARAGHCHI,
            "nəqliyyat dəhlizi hər iki ölkənin iqtisadiyyatını gücləndirəcək",
        ),
        (
            "fa",
            "عراقچی اظهار امیدواری کرد که حجم مبادلات دو کشور سال آینده افزایش یابد.",
            ARAGHCHI,
            "حجم مبادلات دو کشور سال آینده افزایش یابد",
        ),
    ],
)
def test_other_phrasings_of_reporting(
    language: str, sentence: str, speaker: str, quote: str
) -> None:
    found = said(language, sentence)
    assert any(s == speaker and quote in q for s, q in found), found


def test_a_quotative_without_a_reporting_verb_after_it_reports_nothing() -> None:
    # "diye" (so that) before an ordinary verb is a purpose clause, not speech
    found = said("tr", "Bayramov, ticaret artsın diye gümrük kapılarının açılmasını bekliyor.")
    assert not any("gümrük" in q for _, q in found), found


# -- the subject set off by a comma, a quotation of several sentences, a setting clause ----------


def test_the_subject_set_off_by_a_comma_is_no_partner_of_with() -> None:
    found = said(
        "tr",
        "Bayramov, Arakçi ile birlikte Bakü'de enerji ticaretinin hızla büyüyeceğini söyledi.",
    )
    assert any(s == BAYRAMOV and "enerji ticaretinin hızla büyüyeceğini" in q for s, q in found)


def test_two_partners_joined_by_and_before_with_stay_partners() -> None:
    draft = draft_of(
        "tr",
        "Cumhurbaşkanı İlham Aliyev, Bakü'de Abbas Arakçi ve Ceyhun Bayramov ile görüştü.",
    )
    people = {p["person"] for m in draft.form["meetings"] for p in m["participants"]}
    assert {"ilham-aliyev", "abbas-araghchi"} <= people, draft.form["meetings"]


def test_a_verb_after_a_quotation_of_several_sentences_is_the_named_speakers() -> None:
    found = said(
        "tr",
        'Sınırdaki son gelişmeleri değerlendiren Bayramov, "Bölgede barış için yeni bir '
        'dönem başlıyor. Bu fırsatı birlikte değerlendirmeliyiz." dedi.',
    )
    assert any(s == BAYRAMOV and "Bölgede barış için yeni bir dönem" in q for s, q in found)


def test_a_verb_after_a_quotation_with_no_name_before_it_takes_no_one_from_there() -> None:
    found = said(
        "tr",
        'Gazetelerde "Bölgede barış için yeni bir dönem başlıyor. Bu fırsat '
        'kaçırılmamalı." yorumları yer aldı.',
    )
    assert not any("yeni bir dönem" in q for _, q in found), found


def test_a_leading_phrase_ending_in_the_setting_is_left_out() -> None:
    found = said(
        "tr",
        "Arakçi, Bayramov ile düzenlediği ortak basın toplantısında, enerji hatlarının "
        "gelecek yıl genişletileceğini söyledi.",
    )
    assert (ARAGHCHI, "enerji hatlarının gelecek yıl genişletileceğini") in found, found
