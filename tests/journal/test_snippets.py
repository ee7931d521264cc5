"""Search snippets follow the index's own word rules: prefixes, any case, accents folded."""

from __future__ import annotations

from swreflect.models.journal import HIT_END, HIT_START
from swreflect.vault.journal.snippets import query_words, snippet


def marked(word: str) -> str:
    return f"{HIT_START}{word}{HIT_END}"


def test_prefix_case_and_accents_are_matched_like_the_index() -> None:
    words = query_words("CAFE sup")
    text = "We met in the Café after Supervision and talked it through."
    out = snippet([text], words)
    assert marked("Café") in out and marked("Supervision") in out
    assert marked("talked") not in out


def test_a_long_text_is_cut_around_the_first_match() -> None:
    text = " ".join(f"word{i}" for i in range(200)) + " kettle " + "tail " * 50
    out = snippet([text], query_words("kettle"), tokens=10)
    assert out.startswith("…") and out.endswith("…")
    assert marked("kettle") in out
    assert len(out.split()) <= 12


def test_the_first_field_with_a_match_is_used_otherwise_the_opening() -> None:
    words = query_words("reflect")
    assert marked("Reflection") in snippet(["no match here", "", "Reflection day"], words)
    assert snippet(["Just the body text.", ""], query_words("absent")) == "Just the body text."


def test_the_quick_ascii_path_cuts_exactly_where_the_general_one_does() -> None:
    """The ASCII path reads only the words near the first match; over many texts (match at
    the start, the end, nowhere, near short tails) it gives the general path's excerpt."""
    import random

    from swreflect.vault.journal.snippets import _around_match, around_match_general

    rng = random.Random(16)
    vocabulary = ["kettle", "Kettles", "tea", "a", "visit", "home", "supervisor", "x1", "to"]
    separators = [" ", "  ", ", ", ". ", "\n", " - ", "_", "'"]
    compared = 0
    for _ in range(3000):
        count = rng.randint(0, 60)
        parts = []
        for _ in range(count):
            parts.append(rng.choice(vocabulary))
            parts.append(rng.choice(separators))
        text = rng.choice(["", " ", "..."]) + "".join(parts)
        words = tuple(rng.sample(["kett", "tea", "sup", "home", "zz", "vis"], rng.randint(1, 2)))
        tokens = rng.choice([3, 6, 10, 14])
        expected = around_match_general(text, words, tokens)
        assert _around_match(text, words, tokens) == expected, (text, words, tokens)
        compared += expected is not None
    assert compared > 1000  # most texts really had a match to cut around
