"""Search order on a large journal: best matches among the most recent ``WINDOW`` matches,
then every older match newest first; paging across the boundary loses and repeats nothing."""

from __future__ import annotations

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.models.journal import EntryContent
from swreflect.vault.journal import search


@pytest.fixture
def journal_of_23(services: Services, clock: FakeClock) -> list[int]:
    """23 entries mentioning "kettle"; entries 20 and 3 mention it many times."""
    ids = []
    for n in range(23):
        clock.advance(3600)
        heavy = n in (3, 20)
        body = ("kettle " * 12 if heavy else "kettle ") + "and a quiet afternoon of notes " * 6
        ids.append(services.journal.create(EntryContent(title=f"Day {n}", body=body)).id)
    return ids


def test_best_matches_among_recent_come_first_then_older_newest_first(
    services: Services, journal_of_23: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "WINDOW", 5)
    hits = [h.id for h in services.journal.search("kettle", limit=50)]
    recent = journal_of_23[-5:]  # ids of the five newest entries; entry 20 is among them
    assert hits[0] == journal_of_23[20]  # the strongest match in the window leads
    assert set(hits[:5]) == set(recent)
    older = journal_of_23[:-5]
    assert hits[5:] == sorted(older, reverse=True)  # entry 3, strong but old, keeps its place


@pytest.mark.parametrize("page", [1, 2, 3, 4, 7, 50])
def test_paging_across_the_window_returns_every_match_once(
    services: Services, journal_of_23: list[int], monkeypatch: pytest.MonkeyPatch, page: int
) -> None:
    monkeypatch.setattr(search, "WINDOW", 5)
    whole = [h.id for h in services.journal.search("kettle", limit=100)]
    paged: list[int] = []
    while True:
        chunk = services.journal.search("kettle", limit=page, offset=len(paged))
        paged += [h.id for h in chunk]
        if len(chunk) < page:
            break
    assert paged == whole
    assert sorted(paged) == sorted(journal_of_23)


def test_snippets_still_mark_the_match(services: Services, journal_of_23: list[int]) -> None:
    hit = services.journal.search("kettle", limit=1)[0]
    assert "kettle" in hit.snippet.lower()
