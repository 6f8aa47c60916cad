"""The canonical form of a lexicon (``ontology/lexicons/*.yaml``), comments kept.

Only what carries no order is sorted: the word lists that become phrase kinds of the
extractor's index (``kb.extract.lexicon.LIST_KINDS``: speech verbs, meeting triggers,
pronouns, ...). Each phrase there is a key of its own, so the list is a set: it is written
sorted, without repeats, as one flow list wrapped at ``WIDTH`` columns, every item exactly as
written (quotes and escapes kept, so the extractor reads the same words).

Everything else keeps its order and is left as written, because order carries meaning there:
``titles`` and ``roles`` (entries sharing a phrase are tried in order), ``publisher`` and
``wire_credit`` (the first template or marker that fits wins), ``attribution``, month and
weekday tables (read in calendar order), ``char_map`` and the other tables of ``_common.yaml``.
A top-level key written twice is refused unless both values are written alike (the later one
is then dropped: PyYAML would read the last one).

>>> text = '''# cues
... pronouns: [she, he,
...   he]  # trailing
... verb_final: false
... '''
>>> print(canonical_lexicon(text), end="")  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
LexiconFormError: line 3: a comment after the list 'pronouns': move it above the key
>>> print(canonical_lexicon(text.replace("  # trailing", "")), end="")
# cues
pronouns: [he, she]
verb_final: false
"""

from __future__ import annotations

from typing import Any

import yaml

from ..extract.lexicon import LIST_KINDS

WIDTH = 100  # columns a wrapped flow list fills
CONTINUATION = "  "  # indent of a flow list's second and later lines


class LexiconFormError(ValueError):
    """A lexicon the canonical form cannot take as it is: a person must decide."""


def canonical_lexicon(text: str) -> str:
    """The canonical form of a lexicon's text (see the module's docstring)."""
    lines = [line.rstrip() for line in text.splitlines()]
    try:
        root = yaml.compose("\n".join(lines) + "\n", Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise LexiconFormError(str(error).replace("\n", " ")) from error
    if root is None:
        return "\n".join(lines).strip("\n") + "\n"
    if not isinstance(root, yaml.MappingNode):
        raise LexiconFormError("a lexicon is a mapping")
    source = "\n".join(lines) + "\n"
    replacements: list[tuple[int, int, list[str]]] = []  # (first line, last line, new lines)
    seen: dict[str, str] = {}
    for key, value in root.value:
        name = str(key.value)
        written = source[key.start_mark.index : value.end_mark.index]
        if name in seen:
            if seen[name] != written:
                raise LexiconFormError(
                    f"line {key.start_mark.line + 1}: '{name}' is written twice with different "
                    "values: keep one"
                )
            replacements.append((key.start_mark.line, value.end_mark.line, []))
            continue
        seen[name] = written
        if name in LIST_KINDS and isinstance(value, yaml.SequenceNode):
            last = _last_line(value)
            _refuse_comments(lines, key.start_mark.line, last, name, value)
            replacements.append((key.start_mark.line, last, _flow(name, value, source)))
    for first, last, new in sorted(replacements, reverse=True):
        lines[first : last + 1] = new
    out = "\n".join(lines).strip("\n") + "\n"
    _same_reading(text, out)
    return out


def _last_line(node: yaml.Node) -> int:
    """The line a node's text ends on (a block list's end mark is on the next key's line)."""
    end = node.end_mark
    return end.line if end.column > 0 else end.line - 1


def _refuse_comments(lines: list[str], first: int, last: int, name: str, node: yaml.Node) -> None:
    for n in range(first, last + 1):
        line = lines[n]
        start = node.start_mark.column if n == node.start_mark.line else 0
        end = node.end_mark.column if n == node.end_mark.line else len(line)
        inside = line[start:end]
        if line.lstrip().startswith("#") or (n == last and line[end:].strip()):
            raise LexiconFormError(
                f"line {n + 1}: a comment after the list '{name}': move it above the key"
            )
        if " #" in inside and not _quoted_hash(node):
            raise LexiconFormError(
                f"line {n + 1}: a comment inside the list '{name}': move it above the key"
            )


def _quoted_hash(node: yaml.Node) -> bool:
    return any("#" in str(item.value) and item.style for item in node.value)


def _flow(name: str, node: yaml.SequenceNode, source: str) -> list[str]:
    items: dict[str, str] = {}  # what the extractor reads -> the item as written
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode):
            raise LexiconFormError(f"line {item.start_mark.line + 1}: '{name}' lists words only")
        written = source[item.start_mark.index : item.end_mark.index]
        if "\n" in written:
            written = item.value if not item.style else yaml.safe_dump(item.value).strip()
        read = repr(yaml.safe_load(written))
        items.setdefault(read, written)
    ordered = sorted(items.values(), key=lambda w: (_plain(w), w))
    out = [f"{name}: ["]
    for n, word in enumerate(ordered):
        piece = word + ("," if n < len(ordered) - 1 else "")
        if out[-1].endswith("[") or len(out[-1]) + 1 + len(piece) <= WIDTH:
            out[-1] += ("" if out[-1].endswith("[") else " ") + piece
        else:
            out.append(CONTINUATION + piece)
    out[-1] += "]"
    return out


def _plain(written: str) -> str:
    """The word an item spells, without its quotes, for sorting."""
    if written[:1] in "\"'" and written[-1:] == written[:1]:
        return written[1:-1]
    return written


def _same_reading(before: str, after: str) -> None:
    """The extractor (PyYAML) reads the canonical text as the original, lists as sets."""
    old, new = yaml.safe_load(before) or {}, yaml.safe_load(after) or {}

    def as_read(data: dict[str, Any]) -> dict[str, Any]:
        return {
            k: sorted(set(map(repr, v))) if k in LIST_KINDS and isinstance(v, list) else v
            for k, v in data.items()
        }

    if as_read(old) != as_read(new):  # pragma: no cover - a bug of this module
        raise LexiconFormError("the canonical form would change what the extractor reads")
