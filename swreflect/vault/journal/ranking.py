"""Relevance of the most recent matches, scored in Python from the rows' own text.

FTS5's ``bm25`` needs, for every query, how many entries contain each term: it counts them by
reading every match, so a common word in a career's journal (nearly every entry has "the")
cost more than the rest of the search together. Search ranks only the most recent matches
(``search.WINDOW``), and their text is read anyway for the snippets, so the score comes from
the text itself: the same BM25 shape (term frequency with saturation, shorter entries count a
match for more; length in characters, which is proportional to words and costs nothing to
measure), without the per-term weight that needed that count. Every row ranked matches every
term, so that weight mattered only for the balance between the terms of one query.
"""

from __future__ import annotations

from collections.abc import Sequence

from swreflect.vault.journal.snippets import fold, word_starts

K1 = 1.2
B = 0.75


def _text_for(fields: Sequence[str]) -> str:
    """All fields, folded as the index compares words (lower case; accents off if any)."""
    text = "\n".join(fields)
    return text.lower() if text.isascii() else fold(text)


def scores(texts: Sequence[Sequence[str]], words: tuple[str, ...]) -> list[float]:
    """A BM25-shaped score per row (higher is better), over every indexed field of each."""
    if not texts or not words:
        return [0.0 for _ in texts]
    prepared = [_text_for(fields) for fields in texts]
    lengths = [max(1, len(text)) for text in prepared]
    average = sum(lengths) / len(lengths)
    out: list[float] = []
    for text, length in zip(prepared, lengths, strict=True):
        norm = K1 * (1 - B + B * length / average)
        total = 0.0
        for word in words:
            tf = sum(1 for _ in word_starts(text, word)) if word else 0
            total += tf * (K1 + 1) / (tf + norm) if tf else 0.0
        out.append(total)
    return out
