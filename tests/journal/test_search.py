from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services
from swreflect.models.journal import HIT_END, HIT_START, EntryContent, JournalFilter
from swreflect.vault.journal.fts_query import sanitise


def _seed(services: Services, clock: FakeClock) -> dict[str, int]:
    j = services.journal
    ids = {}
    ids["visit"] = j.create(
        EntryContent(title="Home visit", body="The kitchen was calm and the child laughed.")
    ).id
    clock.advance(86400)
    ids["meeting"] = j.create(
        EntryContent(
            title="Strategy meeting",
            body="Long discussion with health colleagues.",
            template_id="driscoll",
            answers={"now_what": "Book reflective supervision about thresholds."},
            tags=("multi-agency",),
        )
    ).id
    clock.advance(86400)
    ids["tagged"] = j.create(EntryContent(title="Note", body="Short.", tags=("resilience",))).id
    return ids


def test_matches_title_body_answers_and_tags_with_prefixes(
    services: Services, clock: FakeClock
) -> None:
    ids = _seed(services, clock)
    j = services.journal
    assert [h.id for h in j.search("kitch")] == [ids["visit"]]
    assert [h.id for h in j.search("strat")] == [ids["meeting"]]
    assert [h.id for h in j.search("thresh")] == [ids["meeting"]]
    assert [h.id for h in j.search("resil")] == [ids["tagged"]]
    assert [h.id for h in j.search("Kitchen CHILD")] == [ids["visit"]]
    assert j.search("kitchen thresholds") == []


def test_snippets_highlight_the_matched_words(services: Services, clock: FakeClock) -> None:
    _seed(services, clock)
    hit = services.journal.search("laugh")[0]
    assert f"{HIT_START}laughed{HIT_END}" in hit.snippet


def test_phrases_and_filters(services: Services, clock: FakeClock) -> None:
    ids = _seed(services, clock)
    j = services.journal
    assert [h.id for h in j.search('"child laughed"')] == [ids["visit"]]
    assert j.search('"laughed child"') == []
    assert [h.id for h in j.search("discuss", JournalFilter(template_id="driscoll"))] == [
        ids["meeting"]
    ]
    assert [h.id for h in j.search("short", JournalFilter(tag="resilience"))] == [ids["tagged"]]
    assert j.search("short", JournalFilter(tag="multi-agency")) == []
    day2 = FakeClock().now() + timedelta(days=1)
    window = JournalFilter(created_from=day2, created_before=day2 + timedelta(hours=1))
    assert [h.id for h in j.search("discussion", window)] == [ids["meeting"]]
    assert j.search("kitchen", window) == []


def test_best_match_first_and_limit(services: Services) -> None:
    j = services.journal
    for i in range(30):
        j.create(EntryContent(title=f"n{i}", body="boundaries " + "filler words here " * 20))
    best = j.create(EntryContent(title="boundaries", body="boundaries boundaries"))
    hits = j.search("boundaries", limit=5)
    assert len(hits) == 5
    assert hits[0].id == best.id
    assert len(j.search("boundaries", limit=10, offset=25)) == 6


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_any_user_text_becomes_safe_fts_syntax(text: str) -> None:
    import sqlite3

    query = sanitise(text)
    if query is None:
        return
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
    conn.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


def test_hostile_queries_do_not_raise(services: Services, clock: FakeClock) -> None:
    _seed(services, clock)
    j = services.journal
    for text in ['"', "NEAR(", "a OR", "-x", "title:kitchen", "^", "*", "'; DROP", "(((", ""]:
        j.search(text)
    assert [h.id for h in j.search('kitchen"')] != []
