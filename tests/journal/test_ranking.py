"""The window's relevance score: more matches rank higher, a match in a short entry counts
for more, every query word counts, accents and case are folded like the index does."""

from __future__ import annotations

from swreflect.vault.journal.ranking import scores
from swreflect.vault.journal.snippets import query_words

FILLER = " and a quiet afternoon of notes" * 8


def test_more_matches_and_shorter_entries_rank_higher() -> None:
    words = query_words("kettle")
    once, thrice, short = "kettle" + FILLER, "kettle kettles kettle" + FILLER, "kettle boiled"
    got = scores([[once], [thrice], [short]], words)
    assert got[1] > got[0]  # prefix matches count too ("kettles")
    assert got[2] > got[0]  # the same one match in far fewer words
    assert scores([[FILLER]], words) == [0.0]


def test_every_query_word_counts_across_fields_with_accents_folded() -> None:
    words = query_words("cafe visit")
    both = ["We met at the Café" + FILLER, "", "Home visit", ""]
    one = ["We met at the Cafe" + FILLER, "", "Home", ""]
    got = scores([both, one], words)
    assert got[0] > got[1] > 0
