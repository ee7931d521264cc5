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
