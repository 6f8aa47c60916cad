"""Saved news pages written for kb's tests and benchmarks: invented articles, real markup habits.

**Invented.** The articles below were written for this repository. No outlet published them
(the sites do not exist) and the quotations are not real quotations; they name real people in
offices the registry gives them on the article's date, so that the extractor resolves them.

Each :class:`Article` is rendered by :func:`page` in one of several layouts that wrap the
article the way news sites do: a menu, a cookie banner, a sidebar of most-read headlines,
related links, reader comments and a footer, with the metadata in OpenGraph ``<meta>`` tags,
in JSON-LD (``NewsArticle``) or nowhere but ``<title>``. :func:`clean_text` is the same article
as an analyst would save it as plain text. The benchmark (``benchmarks/html_intake.py``) and the
tests (``tests/test_extract_html.py``) use both.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Junk:
    """What surrounds an article on a page, in the page's language."""

    menu: tuple[str, ...]
    cookies: str
    most_read: tuple[str, ...]
    related: tuple[str, ...]
    comments: tuple[str, ...]
    footer: str
    read_also: str
    dateline: str  # the date as the page prints it under the headline


@dataclass(frozen=True)
class Article:
    lang: str
    slug: str
    site: str
    title: str
    published: str  # ISO 8601, as in article:published_time
    url: str
    paragraphs: tuple[str, ...]
    junk: Junk
    rtl: bool = False
    extra: dict[str, str] = field(default_factory=dict)


ARTICLES: tuple[Article, ...] = (
    Article(
        lang="en",
        slug="araghchi-fidan-ankara",
        site="The Anatolian Ledger",
        title="Araghchi and Fidan discuss the South Caucasus in Ankara",
        published="2024-12-03T11:20:00+03:00",
        url="https://anatolian-ledger.example/politics/araghchi-fidan-ankara",
        paragraphs=(
            "Iranian Foreign Minister Abbas Araghchi held talks with Turkish Foreign Minister "
            "Hakan Fidan in Ankara on Monday, the two ministries said.",
            'Araghchi said Tehran "fully supports the territorial integrity of Azerbaijan" '
            "and wanted the region's problems solved by the countries of the region.",
            "Fidan said Ankara backed a lasting peace between Baku and Yerevan and called for "
            "the opening of transport links in the South Caucasus.",
            "The ministers also discussed trade, which both sides want to raise to 30 billion "
            "dollars a year, and the situation in Syria.",
        ),
        junk=Junk(
            menu=("Home", "Politics", "Economy", "World", "Sport", "Opinion", "Subscribe"),
            cookies="We use cookies to improve your experience. By continuing to browse the site "
            "you agree to our use of cookies. Accept all",
            most_read=(
                "Lira steadies after central bank decision",
                "Ten things to do in Cappadocia this winter",
                "Storm warning for the Black Sea coast",
            ),
            related=(
                "Erdogan receives Pezeshkian's envoy",
                "Baku and Yerevan trade proposals on a peace text",
            ),
            comments=(
                "Great article, thanks for the detailed coverage!",
                "Finally some good news from the region. Let's hope it lasts.",
            ),
            footer="© 2024 The Anatolian Ledger. All rights reserved. Privacy policy · Terms",
            read_also="Read also",
            dateline="3 December 2024, 11:20",
        ),
    ),
    Article(
        lang="ru",
        slug="lavrov-bayramov-moscow",
        site="Каспийский вестник",
        title="Лавров и Байрамов обсудили в Москве мирный процесс",
        published="2024-10-15T14:05:00+03:00",
        url="https://kaspiy-vestnik.example/politika/lavrov-bayramov",
        paragraphs=(
            "Министр иностранных дел России Сергей Лавров провел во вторник в Москве "
            "переговоры с министром иностранных дел Азербайджана Джейхуном Байрамовым.",
            "«Россия готова содействовать подписанию мирного договора между Азербайджаном и "
            "Арменией», — заявил Лавров журналистам после встречи.",
            "Байрамов, в свою очередь, сообщил, что Баку рассчитывает на скорейшее "
            "разблокирование транспортных коммуникаций в регионе.",
            "Стороны также обсудили подготовку очередного заседания межправительственной комиссии.",
        ),
        junk=Junk(
            menu=("Главная", "Политика", "Экономика", "Общество", "В мире", "Спорт"),
            cookies="Мы используем файлы cookie. Оставаясь на сайте, вы соглашаетесь с "
            "условиями их использования. Понятно",
            most_read=(
                "Курс рубля на неделю: прогноз аналитиков",
                "В Дагестане открыли новый горнолыжный курорт",
                "Погода: в регион идут морозы",
            ),
            related=(
                "Пашинян прокомментировал переговоры в Алматы",
                "Иран и Россия подписали договор о стратегическом партнерстве",
            ),
            comments=(
                "Хорошая новость, давно пора.",
                "Посмотрим, что будет дальше. Обещаний было много.",
            ),
            footer="© 2024 Каспийский вестник. Все права защищены. 18+",
            read_also="Читайте также",
            dateline="15 октября 2024, 14:05",
        ),
    ),
    Article(
        lang="uk",
        slug="sybiha-mirzoyan-kyiv",
        site="Дипломатичний огляд",
        title="Сибіга та Мірзоян обговорили у Києві безпеку Південного Кавказу",
        published="2025-02-11T09:40:00+02:00",
        url="https://dyplomat-ohliad.example/novyny/sybiha-mirzoyan",
        paragraphs=(
            "Міністр закордонних справ України Андрій Сибіга у вівторок провів у Києві "
            "переговори з міністром закордонних справ Вірменії Араратом Мірзояном.",
            "Мірзоян заявив, що Вірменія «прагне сталого миру з Азербайджаном» і готова "
            "підписати мирний договір.",
            "Сибіга наголосив, що Україна підтримує територіальну цілісність усіх держав регіону.",
            "Міністри також домовилися про розширення гуманітарної співпраці.",
        ),
        junk=Junk(
            menu=("Головна", "Політика", "Економіка", "Світ", "Спорт", "Думки"),
            cookies="Ми використовуємо файли cookie. Залишаючись на сайті, ви погоджуєтеся з "
            "їх використанням. Зрозуміло",
            most_read=(
                "Курс гривні: що чекає на валютний ринок",
                "Погода на вихідні: мороз і сніг",
                "У Львові відкрили новий музей",
            ),
            related=(
                "Вірменія та ЄС обговорили візову лібералізацію",
                "Азербайджан відповів на пропозиції Єревана",
            ),
            comments=("Дуже цікаво, дякую.", "Сподіваюся, що мир таки буде."),
            footer="© 2025 Дипломатичний огляд. Усі права захищено.",
            read_also="Читайте також",
            dateline="11 лютого 2025, 09:40",
        ),
    ),
    Article(
        lang="fa",
        slug="araghchi-bayramov-tehran",
        site="خبرنامه قفقاز",
        title="عراقچی و بایراموف در تهران درباره همکاری منطقه‌ای گفت‌وگو کردند",
        published="2025-01-20T10:30:00+03:30",
        url="https://qafqaz-news.example/fa/news/araghchi-bayramov",
        rtl=True,
        paragraphs=(
            "سید عباس عراقچی وزیر امور خارجه کشورمان روز دوشنبه در تهران با جیحون بایراموف "
            "وزیر امور خارجه جمهوری آذربایجان دیدار و گفت‌وگو کرد.",
            "عراقچی در این دیدار گفت: جمهوری اسلامی ایران از تمامیت ارضی جمهوری آذربایجان "
            "حمایت می‌کند.",
            "بایراموف نیز بر گسترش همکاری‌های اقتصادی و حمل و نقل میان دو کشور تاکید کرد.",
            "دو طرف همچنین درباره آخرین تحولات قفقاز جنوبی تبادل نظر کردند.",
        ),
        junk=Junk(
            menu=("صفحه اصلی", "سیاست", "اقتصاد", "بین الملل", "فرهنگ", "ورزش"),
            cookies="این وب‌سایت از کوکی استفاده می‌کند. با ادامه مرور، استفاده از کوکی‌ها را "
            "می‌پذیرید. پذیرفتن",
            most_read=(
                "قیمت طلا و سکه امروز",
                "پیش بینی هوای تهران برای آخر هفته",
                "برنامه لیگ برتر فوتبال اعلام شد",
            ),
            related=(
                "نشست مشترک اتاق های بازرگانی ایران و آذربایجان",
                "افزایش صادرات غیرنفتی به کشورهای همسایه",
            ),
            comments=("خبر خوبی بود، ممنون.", "امیدوارم این همکاری ها ادامه داشته باشد."),
            footer="© ۱۴۰۳ خبرنامه قفقاز. تمامی حقوق محفوظ است.",
            read_also="همچنین بخوانید",
            dateline="دوشنبه ۱ بهمن ۱۴۰۳ - ۱۰:۳۰",
        ),
    ),
    Article(
        lang="ar",
        slug="araghchi-fidan-doha",
        site="بوابة الخليج والقوقاز",
        title="عراقجي وفيدان يبحثان في الدوحة العلاقات الثنائية",
        published="2024-12-07T18:15:00+03:00",
        url="https://gulf-caucasus.example/ar/news/araghchi-fidan-doha",
        rtl=True,
        paragraphs=(
            "التقى وزير الخارجية الإيراني عباس عراقجي نظيره التركي هاكان فيدان في الدوحة يوم "
            "السبت على هامش منتدى الدوحة.",
            "وقال عراقجي إن بلاده تدعم وحدة أراضي سوريا وتريد حلا سياسيا للأزمة.",
            "من جهته، أكد فيدان أهمية التعاون بين أنقرة وطهران من أجل استقرار المنطقة.",
            "وبحث الجانبان كذلك التطورات في جنوب القوقاز.",
        ),
        junk=Junk(
            menu=("الرئيسية", "سياسة", "اقتصاد", "العالم", "رياضة", "منوعات"),
            cookies="يستخدم هذا الموقع ملفات تعريف الارتباط. بمتابعة التصفح فإنك توافق على "
            "استخدامها. موافق",
            most_read=(
                "أسعار الذهب اليوم في الأسواق",
                "حالة الطقس: أمطار غزيرة على السواحل",
                "نتائج مباريات الدوري",
            ),
            related=(
                "طهران وباكو توقعان اتفاقية للنقل",
                "أنقرة تستضيف اجتماعا إقليميا الشهر المقبل",
            ),
            comments=("خبر مهم، شكرا لكم.", "نأمل أن تنجح هذه الجهود."),
            footer="© 2024 بوابة الخليج والقوقاز. جميع الحقوق محفوظة.",
            read_also="اقرأ أيضا",
            dateline="السبت 7 ديسمبر 2024 - 18:15",
        ),
    ),
    Article(
        lang="az",
        slug="bayramov-fidan-baku",
        site="Xəzər Xəbər",
        title="Ceyhun Bayramov Hakan Fidanla Bakıda görüşüb",
        published="2025-03-04T12:00:00+04:00",
        url="https://xezer-xeber.example/az/siyaset/bayramov-fidan",
        paragraphs=(
            "Azərbaycanın xarici işlər naziri Ceyhun Bayramov Türkiyənin xarici işlər naziri "
            "Hakan Fidanla Bakıda görüşüb.",
            "Görüşdə Fidan Türkiyənin Azərbaycanın ərazi bütövlüyünü dəstəklədiyini bildirib.",
            "Bayramov isə regionda davamlı sülhün təmin edilməsinin vacibliyini vurğulayıb.",
            "Tərəflər nəqliyyat layihələri ilə bağlı fikir mübadiləsi aparıblar.",
        ),
        junk=Junk(
            menu=("Əsas səhifə", "Siyasət", "İqtisadiyyat", "Dünya", "İdman", "Mədəniyyət"),
            cookies="Bu sayt kukilərdən istifadə edir. Sayta baxmağa davam etməklə siz buna "
            "razılıq verirsiniz. Qəbul et",
            most_read=(
                "Manatın məzənnəsi açıqlandı",
                "Bakıda hava necə olacaq?",
                "Qarabağ növbəti mərhələyə yüksəldi",
            ),
            related=(
                "Prezident İlham Əliyev səfirləri qəbul edib",
                "Bakı–Tbilisi–Qars xətti ilə daşımalar artıb",
            ),
            comments=("Çox gözəl xəbərdir.", "Uğurlar olsun!"),
            footer="© 2025 Xəzər Xəbər. Bütün hüquqlar qorunur.",
            read_also="Həmçinin oxuyun",
            dateline="04 mart 2025, 12:00",
        ),
    ),
    Article(
        lang="tr",
        slug="fidan-araghchi-tahran",
        site="Kafkas Bülteni",
        title="Fidan ile Arakçi Tahran'da bölgesel konuları görüştü",
        published="2025-02-23T16:45:00+03:00",
        url="https://kafkas-bulteni.example/tr/dunya/fidan-arakci-tahran",
        paragraphs=(
            "Dışişleri Bakanı Hakan Fidan, Tahran'da İran Dışişleri Bakanı Abbas Arakçi ile "
            "bir araya geldi.",
            "Fidan, görüşmenin ardından düzenlenen basın toplantısında Türkiye'nin bölgede "
            "kalıcı barışı desteklediğini söyledi.",
            "Arakçi ise iki ülke arasındaki ticaretin artırılması gerektiğini vurguladı.",
            "Bakanlar ayrıca Suriye'deki son gelişmeleri ele aldı.",
        ),
        junk=Junk(
            menu=("Ana Sayfa", "Gündem", "Ekonomi", "Dünya", "Spor", "Yazarlar"),
            cookies="Bu sitede çerezler kullanılmaktadır. Siteyi kullanmaya devam ederek "
            "çerezleri kabul etmiş olursunuz. Kabul et",
            most_read=(
                "Dolar güne nasıl başladı?",
                "Hafta sonu hava durumu: kar geliyor",
                "Süper Lig'de haftanın sonuçları",
            ),
            related=(
                "Erdoğan, Aliyev ile telefonda görüştü",
                "Ankara'da Kafkasya konulu konferans düzenlendi",
            ),
            comments=("Güzel haber, teşekkürler.", "Umarım barış kalıcı olur."),
            footer="© 2025 Kafkas Bülteni. Tüm hakları saklıdır.",
            read_also="Bunları da okuyun",
            dateline="23 Şubat 2025 16:45",
        ),
    ),
)

LAYOUTS = ("semantic", "divsoup", "jsonld", "bare")


def clean_text(article: Article) -> str:
    """The article as an analyst saves it as text: headline, outlet, date line, paragraphs."""
    head = [article.title, "", article.site, article.junk.dateline, ""]
    return "\n".join(head) + "\n\n".join(article.paragraphs) + "\n"


def body_text(article: Article) -> str:
    """What a boilerplate remover should keep: the headline and the paragraphs."""
    return "\n".join((article.title, *article.paragraphs))


def junk_lines(article: Article) -> list[str]:
    """Every piece of boilerplate on the page, none of which should be kept."""
    j = article.junk
    return [*j.menu, j.cookies, *j.most_read, *j.related, *j.comments, j.footer]


def page(article: Article, layout: str = "semantic") -> str:
    """The article as a saved web page in one of :data:`LAYOUTS`."""
    return {
        "semantic": _semantic,
        "divsoup": _divsoup,
        "jsonld": _jsonld,
        "bare": _bare,
    }[layout](article)


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _menu(article: Article) -> str:
    items = "".join(f'<li><a href="/{n}">{_e(m)}</a></li>' for n, m in enumerate(article.junk.menu))
    return f'<nav class="main-menu"><ul>{items}</ul></nav>'


def _cookies(article: Article) -> str:
    return (
        '<div id="cookie-banner" class="cookie-consent"><p>'
        f"{_e(article.junk.cookies)}</p><button>OK</button></div>"
    )


def _sidebar(article: Article) -> str:
    items = "".join(
        f'<li><a href="/top/{n}">{_e(h)}</a></li>' for n, h in enumerate(article.junk.most_read)
    )
    return f'<aside class="sidebar"><h3>Top</h3><ol>{items}</ol></aside>'


def _related(article: Article) -> str:
    items = "".join(
        f'<li><a href="/rel/{n}">{_e(h)}</a></li>' for n, h in enumerate(article.junk.related)
    )
    return (
        f'<section class="related"><h3>{_e(article.junk.read_also)}</h3><ul>{items}</ul></section>'
    )


def _comments(article: Article) -> str:
    items = "".join(
        f'<div class="comment"><span class="author">user{n}</span><p>{_e(c)}</p></div>'
        for n, c in enumerate(article.junk.comments)
    )
    return f'<section id="comments" class="comments">{items}</section>'


def _dir(article: Article) -> str:
    return ' dir="rtl"' if article.rtl else ""


def _og(article: Article) -> str:
    return (
        f'<meta property="og:title" content="{_e(article.title)}">'
        f'<meta property="og:site_name" content="{_e(article.site)}">'
        f'<meta property="og:url" content="{_e(article.url)}">'
        '<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="{article.published}">'
        f'<link rel="canonical" href="{_e(article.url)}">'
    )


def _semantic(article: Article) -> str:
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)
    return (
        f'<!DOCTYPE html>\n<html lang="{article.lang}"{_dir(article)}><head><meta charset="utf-8">'
        f"<title>{_e(article.title)} | {_e(article.site)}</title>{_og(article)}"
        "<script>window.dataLayer = [];</script><style>body{font-family:serif}</style>"
        f'</head><body>{_cookies(article)}<header><div class="logo">{_e(article.site)}</div>'
        f"{_menu(article)}</header><main><article><h1>{_e(article.title)}</h1>"
        f'<time datetime="{article.published}">{_e(article.junk.dateline)}</time>'
        f'<div class="article-body">{paragraphs}</div></article>{_related(article)}'
        f"{_comments(article)}</main>{_sidebar(article)}<footer><p>{_e(article.junk.footer)}</p>"
        "</footer></body></html>\n"
    )


def _divsoup(article: Article) -> str:
    """Old-style markup: tables of divs, text with <br>, metadata in <meta> tags only."""
    body = "<br><br>\n".join(_e(p) for p in article.paragraphs)
    return (
        f'<html{_dir(article)}><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=utf-8">'
        f'<meta http-equiv="content-language" content="{article.lang}">'
        f"<title>{_e(article.site)} - {_e(article.title)}</title>{_og(article)}</head><body>"
        f'<div id="wrapper"><div class="top">{_cookies(article)}<div class="menu">'
        f"{_menu(article)}</div></div>"
        '<table width="100%"><tr><td class="left">'
        f'<div class="post"><div class="post-title"><h2>{_e(article.title)}</h2></div>'
        f'<div class="post-date">{_e(article.junk.dateline)}</div>'
        f'<div class="post-body">{body}</div></div>{_related(article)}{_comments(article)}'
        f'</td><td class="right">{_sidebar(article)}</td></tr></table>'
        f'<div class="footer">{_e(article.junk.footer)}</div></div></body></html>\n'
    )


def _jsonld(article: Article) -> str:
    """Metadata in JSON-LD (schema.org NewsArticle) only, no OpenGraph."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published,
        "inLanguage": article.lang,
        "mainEntityOfPage": {"@type": "WebPage", "@id": article.url},
        "publisher": {"@type": "Organization", "name": article.site},
    }
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)
    return (
        f'<!doctype html><html{_dir(article)}><head><meta charset="utf-8">'
        f"<title>{_e(article.title)}</title>"
        '<script type="application/ld+json">'
        f"{json.dumps(data, ensure_ascii=False)}</script></head><body>"
        f'<div class="page">{_menu(article)}{_cookies(article)}'
        f'<div class="content"><h1 class="headline">{_e(article.title)}</h1>'
        f'<div class="entry">{paragraphs}</div></div>{_sidebar(article)}{_related(article)}'
        f'{_comments(article)}<div class="footer">{_e(article.junk.footer)}</div></div>'
        "</body></html>\n"
    )


def _bare(article: Article) -> str:
    """No metadata but <title>: the date is only printed, in the text."""
    paragraphs = "".join(f"<p>{_e(p)}</p>" for p in article.paragraphs)
    return (
        f"<html><head><title>{_e(article.title)}</title></head><body>"
        f'{_menu(article)}<div id="main"><h1>{_e(article.title)}</h1>'
        f'<p class="date">{_e(article.junk.dateline)}</p>{paragraphs}</div>'
        f"{_sidebar(article)}{_comments(article)}<p>{_e(article.junk.footer)}</p></body></html>\n"
    )
