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
  fits ("stressing", "مشيرا", "با تأکید بر اینکه").

The result is one ``Match`` per verb, of kind ``finite``, ``converb`` or ``participle``.
"""

from __future__ import annotations

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


@cache
def speech_lexicon(language: str) -> SpeechLexicon:
    lex = language_lexicon(language)
    exact: dict[tuple[str, ...], str] = {}
    for key, form in (
        ("speech_converbs", "converb"),  # first: a form listed here is not also finite
        ("speech_participles", "participle"),
        ("speech_verbs", "finite"),
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
    return SpeechLexicon(
        exact,
        stems,
        suffixes("converb_suffixes"),
        suffixes("participle_suffixes"),
        suffixes("complement_endings"),
        max((len(k) for k in keys), default=1),
        tuple(normalizer().key(str(c)) for c in lex.get("clitic_prefixes") or []),
    )


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
        found: Match | None = None
        for n in range(min(lex.longest, end - t), 0, -1):
            phrase = tuple(words[t : t + n])
            form = lex.exact.get(phrase)
            if form is not None:
                found = Match(form, None, t, t + n)
                break
            head, last = phrase[:-1], phrase[-1]
            bare = [last] + [last[len(c) :] for c in lex.clitics if n == 1 and last.startswith(c)]
            for word in bare:
                for size in range(len(word), 1, -1):
                    if head + (word[:size],) in lex.stems:
                        form = _form_by_suffix(lex, word, word[:size])
                        found = Match(form, None, t, t + n, "stem")
                        break
                if found is not None:
                    break
            if found is not None:
                break
        if found is not None and words[found.j - 1].endswith(lex.content_endings or ("\0",)):
            found = None  # "...olduğunu söylediğini": a nominalised verb is what is said
            t += 1
            continue
        if found is not None:
            out.append(found)
            t = found.j
        else:
            t += 1
    return out
