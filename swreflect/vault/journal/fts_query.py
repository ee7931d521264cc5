"""Turning whatever a person types into a safe FTS5 query.

FTS5 has its own syntax (quotes, ``AND``/``OR``/``NOT``, ``*``, ``^``, ``:``, ``NEAR``,
parentheses); handing raw text to ``MATCH`` lets a stray quote raise an SQL error. Here only
words and double-quoted phrases survive, each wrapped in double quotes so no word can act as an
operator, and each word or phrase is a prefix search so results appear while typing.
"""

from __future__ import annotations

import re

# Word characters as the unicode61 tokenizer sees them: letters and digits, not underscores.
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')
MAX_TERMS = 16


def _quote(words: list[str]) -> str:
    return '"' + " ".join(words) + '"*'


def sanitise(text: str) -> str | None:
    """An FTS5 MATCH expression for ``text``, or None when nothing searchable is left.

    Terms are ANDed. ``"two words"`` stays a phrase. The result contains only quoted
    alphanumeric words, spaces and ``*``, so it can never be a syntax error.
    """
    terms: list[str] = []
    rest: list[str] = []
    last = 0
    for match in _PHRASE.finditer(text):
        rest.append(text[last : match.start()])
        last = match.end()
        words = _WORD.findall(match.group(1))
        if words:
            terms.append(_quote(words))
    rest.append(text[last:])
    for chunk in rest:
        terms.extend(_quote([w]) for w in _WORD.findall(chunk))
    terms = list(dict.fromkeys(terms))[:MAX_TERMS]
    return " ".join(terms) if terms else None
