"""Search snippets built in Python from the page's own rows, instead of FTS5's ``snippet()``.

``snippet()`` asks the index for every matching word's positions in the row; for a prefix
query ("sup" matches hundreds of words) on a long entry that took milliseconds per row, the
slowest part of showing a page of results. Here the text is already in hand (the page reads
each row anyway), so the first place where a query word starts a word of the text is found
with the same rules as the index: letters and digits, case folded, accents removed (the
``unicode61`` tokenizer's defaults).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

from swreflect.models.journal import HIT_END, HIT_START

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
TOKENS = 14
ELLIPSIS = "…"


def fold(word: str) -> str:
    """Lower case without accents, as the index compares words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_words(text: str) -> tuple[str, ...]:
    """The folded words of what the user typed (each is matched as a prefix)."""
    return tuple(fold(w) for w in _WORD.findall(text))


def snippet(fields: Sequence[str], words: tuple[str, ...], tokens: int = TOKENS) -> str:
    """About ``tokens`` words around the first match in the first field that has one (the
    body, then the answers, the title, the tags), matched words marked; otherwise the body's
    opening words."""
    for text in fields:
        found = _around_match(text, words, tokens)
        if found is not None:
            return found
    return _excerpt(fields[0] if fields else "", [], 0, tokens)


def _around_match(text: str, words: tuple[str, ...], tokens: int) -> str | None:
    if not text or not words:
        return None
    if text.isascii() and all(w.isascii() for w in words):
        return _around_first_ascii(text, words, tokens)
    return around_match_general(text, words, tokens)


def around_match_general(text: str, words: tuple[str, ...], tokens: int) -> str | None:
    """Any text: split every word, fold each one, mark those a query word starts."""
    spans = list(_WORD.finditer(text))
    hits = _hit_positions(text, spans, words)
    if not hits:
        return None
    start = max(0, min(hits[0] - tokens // 3, len(spans) - tokens))
    return _excerpt(text, spans, start, tokens, set(hits))


def word_starts(lowered: str, word: str) -> Iterator[int]:
    """Where ``word`` starts a word of ``lowered`` (text already folded or lower-cased): the
    same places the index matches a prefix, found with ``str.find`` (a regular expression that
    checks the word boundary first cannot skip ahead, and was the slow part)."""
    at = lowered.find(word)
    while at >= 0:
        if at == 0 or not lowered[at - 1].isalnum():
            yield at
        at = lowered.find(word, at + 1)


def _around_first_ascii(text: str, words: tuple[str, ...], tokens: int) -> str | None:
    """The same excerpt as the general path, reading only the words near the first match
    (a page of long entries made splitting every body into words the slow part of a search).

    Plain ASCII needs no accent folding, only case, so the first match is found in C; then
    only the words around it are split out: up to ``tokens + 1`` from the match on and as
    many before it as the excerpt can start back, plus one on each side to know whether
    the text goes on (the ellipses)."""
    lowered = text.lower()
    found = [next(word_starts(lowered, w), -1) for w in words if w]
    starts = [at for at in found if at >= 0]
    if not starts:
        return None
    first = min(starts)
    after: list[re.Match[str]] = []
    for m in _WORD.finditer(text, first):
        after.append(m)
        if len(after) > tokens:
            break
    back = max(tokens // 3, tokens - len(after))  # words the excerpt starts before the match
    before = _last_words(text, first, back + 1)
    spans = before + after
    hit = len(before)
    start = max(0, hit - back)
    hits = {i for i, m in enumerate(spans) if lowered.startswith(words, m.start())}
    return _excerpt(text, spans, start, tokens, hits)


def _last_words(text: str, end: int, count: int) -> list[re.Match[str]]:
    """Up to ``count`` whole words ending before ``end``, in order."""
    width = 16 * (count + 1)
    while True:
        lo = max(0, end - width)
        found = list(_WORD.finditer(text, lo, end))
        if lo > 0 and found:
            found = found[1:]  # the first may be the tail of a word cut by the window
        if len(found) >= count or lo == 0:
            return found[-count:] if count else []
        width *= 2


def _hit_positions(text: str, spans: list[re.Match[str]], words: tuple[str, ...]) -> list[int]:
    """Indexes of the words of ``text`` that start with a query word."""
    return [i for i, m in enumerate(spans) if fold(m.group()).startswith(words)]


def _excerpt(
    text: str, spans: list[re.Match[str]], start: int, tokens: int, hits: set[int] | None = None
) -> str:
    if not spans:
        spans = list(_WORD.finditer(text))
    if not spans:
        return ""
    end = min(len(spans), start + tokens)
    out: list[str] = [ELLIPSIS] if start > 0 else []
    cursor = spans[start].start()
    for i in range(start, end):
        m = spans[i]
        out.append(text[cursor : m.start()])
        out.append(f"{HIT_START}{m.group()}{HIT_END}" if hits and i in hits else m.group())
        cursor = m.end()
    if end < len(spans):
        out.append(ELLIPSIS)
    else:
        out.append(text[cursor:])
    return "".join(out).strip()
