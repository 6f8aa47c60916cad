"""Reporting verbs in every form: finite verbs, converbs and participles, read as stems.

A language file lists (see ontology/lexicons/README.md):

- ``speech_verbs``: reporting verbs and constructions as printed (exact phrases, the
  phrase index of mentions.py);
- ``speech_stems``: stems of reporting verbs; a word that starts with one is that verb in any
  inflection ("vurğula" for vurğuladı, vurğulayıb, vurğulayaraq); a stem of several words
  ("ifade et") matches its last word as a prefix;
- ``converb_suffixes``, ``participle_suffixes``: endings that make a stem's word a converb
  ("vurgulayarak", "подчеркнув": the speaker is the clause's subject) or a participle before
  the speaker's name ("dile getiren Vaizi");
- ``speech_converbs``, ``speech_participles``: such forms as printed, where no suffix rule
  fits ("stressing", "مشيرا", "با تأکید بر اینکه");
- ``editorial_verbs``: words of the outlet's own voice ("напомним", "нагадаємо": let us
  recall), which start with a stem but report no one's words;
- ``verb_endings``: the checked table of what may follow a stem in a verb form (finite,
  converb, participle endings). A word that starts with a stem and goes on with anything else
  is another word: a noun ("açıklamada", "گفتوگو"), a passive ("belirtildi").

Where the stem changes in inflection ("söylüyor", "diyerek", "ederek"), the word's lemma names
the verb: simplemma's dictionary for Turkish and Persian (``verb_lemmas``), read on the word as
printed; the lemma counts only where the word still ends in a listed verb ending.

The result is one ``Match`` per verb, of kind ``finite``, ``converb`` or ``participle``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from .lexicon import language_lexicon
from .mentions import Match
from .normalize import key_tokens, normalizer
from .segment import Doc

FORMS = ("finite", "converb", "participle")


@dataclass(frozen=True)
class SpeechLexicon:
    exact: dict[tuple[str, ...], str]  # phrase -> form
    stems: dict[tuple[str, ...], str]  # stem phrase (last word a prefix) -> form ("" = by suffix)
    converb_suffixes: tuple[str, ...]
    participle_suffixes: tuple[str, ...]
    content_endings: tuple[str, ...]  # a verb so ended is a content clause ("söylediğini")
    longest: int
    clitics: tuple[str, ...]
    heads: frozenset[str]  # first words of phrases and of stems of several words
    stem_length: int  # the longest one-word stem
    endings: frozenset[str] | None  # what may follow a stem (None: anything)
    lemma: Callable[[str], str] | None  # a word as printed -> its lemma, folded
    editorial: frozenset[str] = frozenset()  # the outlet's own voice ("напомним"): no verb


@cache
def speech_lexicon(language: str) -> SpeechLexicon:
    lex = language_lexicon(language)
    exact: dict[tuple[str, ...], str] = {}
    for key, form in (
        ("speech_converbs", "converb"),  # first: a form listed here is not also finite
        ("speech_participles", "participle"),
        ("speech_verbs", "finite"),
        ("statement_nouns", "finite"),  # "açıklamada": in the statement of the one before
        ("addressed_verbs", "finite"),
    ):
        for phrase in lex.get(key) or []:
            tokens = key_tokens(str(phrase))
            if tokens:
                exact.setdefault(tokens, form)
    stems = {key_tokens(str(s)): "" for s in lex.get("speech_stems") or [] if key_tokens(str(s))}

    def suffixes(key: str) -> tuple[str, ...]:
        found = (normalizer().key(str(s)) for s in lex.get(key) or [])
        return tuple(sorted(found, key=len, reverse=True))

    keys = list(exact) + list(stems)
    listed = lex.get("verb_endings")
    endings = None if listed is None else frozenset(normalizer().key(str(e)) for e in listed)
    return SpeechLexicon(
        exact,
        stems,
        suffixes("converb_suffixes"),
        suffixes("participle_suffixes"),
        suffixes("complement_endings"),
        max((len(k) for k in keys), default=1),
        tuple(normalizer().key(str(c)) for c in lex.get("clitic_prefixes") or []),
        frozenset(k[0] for k in exact) | frozenset(k[0] for k in stems if len(k) > 1),
        max((len(k[0]) for k in stems if len(k) == 1), default=0),
        endings,
        verb_lemmatizer(str(lex.get("verb_lemmas") or "")),
        frozenset(w for e in lex.get("editorial_verbs") or [] for w in key_tokens(str(e))),
    )


def verb_lemmatizer(language: str) -> Callable[[str], str] | None:
    """simplemma's lemma of a word as printed, folded as the article is; None where the
    lexicon names no language for it. Memoised per word."""
    if not language:
        return None
    from simplemma import lemmatize

    memo: dict[str, str] = {}
    key = normalizer().key

    def lemma(word: str) -> str:
        found = memo.get(word)
        if found is None:
            found = memo[word] = key(lemmatize(word, lang=language))
        return found

    return lemma


def _inflects(lex: SpeechLexicon, rest: str) -> bool:
    """Whether what follows a stem in a word is a verb ending of the table."""
    return lex.endings is None or rest in lex.endings


def _form_by_suffix(lex: SpeechLexicon, word: str, stem: str) -> str:
    rest = word[len(stem) :]
    if any(rest.endswith(s) for s in lex.converb_suffixes):
        return "converb"
    if any(rest.endswith(s) for s in lex.participle_suffixes):
        return "participle"
    return "finite"


def verbs_of(doc: Doc, language: str, i: int = 0, j: int | None = None) -> list[Match]:
    """The reporting verbs of tokens i..j-1, longest first where they overlap, in order."""
    lex = speech_lexicon(language)
    words = doc.words
    end = len(words) if j is None else j
    out: list[Match] = []
    t = i
    while t < end:
        found = (
            _verb_at(lex, doc, t, end)
            if words[t] not in lex.editorial and (words[t] in lex.heads or _stem_of(lex, doc, t))
            else None
        )
        if found is not None and words[found.j - 1].endswith(lex.content_endings or ("\0",)):
            found = None  # "...olduğunu söylediğini": a nominalised verb is what is said
        if found is not None:
            out.append(found)
            t = found.j
        else:
            t += 1
    return out


def _stem_of(lex: SpeechLexicon, doc: Doc, t: int) -> str | None:
    """The stem of a reporting verb that word t is a form of: the longest one-word stem the
    word (or the word after a clitic) starts with, followed by a verb ending; else the word's
    lemma, where it is a stem and the word ends in a verb ending."""
    word = doc.words[t]
    for bare in (word, *(word[len(c) :] for c in lex.clitics if word.startswith(c))):
        for size in range(min(len(bare), lex.stem_length), 1, -1):
            if (bare[:size],) in lex.stems and _inflects(lex, bare[size:]):
                return bare[:size]
    lemma = _lemma(lex, doc, t)
    if lemma is not None and (lemma,) in lex.stems:
        return lemma
    return None


def _lemma(lex: SpeechLexicon, doc: Doc, t: int) -> str | None:
    """The lemma of word t where the stem changed in inflection ("söylüyor" of "söyle",
    "گوید" of "گفت"), the word still ending in a verb ending of the table; None otherwise."""
    word = doc.words[t]
    if lex.lemma is None or len(word) < 3:
        return None
    lemma = lex.lemma(_printed(doc, t))
    if lemma == word or word.startswith(lemma):
        return None  # the stem is unchanged: the prefix rule has read it
    if lex.endings is not None and not any(
        word.endswith(e) and len(word) - len(e) >= len(lemma) - 1 for e in lex.endings if e
    ):
        return None
    return lemma


def _printed(doc: Doc, t: int) -> str:
    """Token t as printed, lower-cased (Turkish dotted and dotless i kept apart)."""
    return doc.verbatim(t, t + 1).replace("I", "ı").replace("İ", "i").lower()


def _verb_at(lex: SpeechLexicon, doc: Doc, t: int, end: int) -> Match | None:
    words = doc.words
    for n in range(min(lex.longest, end - t), 0, -1):
        phrase = tuple(words[t : t + n])
        form = lex.exact.get(phrase)
        if form is not None:
            return Match(form, None, t, t + n)
        head, last = phrase[:-1], phrase[-1]
        if n == 1:
            stem = _stem_of(lex, doc, t)
            if stem is not None:
                bare = last[last.index(stem) :] if stem in last else last
                return Match(_form_by_suffix(lex, bare, stem), None, t, t + 1, "stem")
            continue
        for size in range(len(last), 1, -1):
            if head + (last[:size],) in lex.stems and _inflects(lex, last[size:]):
                return Match(_form_by_suffix(lex, last, last[:size]), None, t, t + n, "stem")
        lemma = _lemma(lex, doc, t + n - 1)
        if lemma is not None and head + (lemma,) in lex.stems:
            return Match(_form_by_suffix(lex, last, ""), None, t, t + n, "stem")
    return None
