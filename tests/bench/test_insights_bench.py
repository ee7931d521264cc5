"""How long the Insights page takes to gather its figures on a busy vault (printed, never
asserted). Run with ``make bench``.

A busy vault here: six agreements with two years of monthly sessions, each timed and rated,
and 2,000 journal entries with check-ins. The page recomputes each time it is shown, so this
is what a person waits for when they open it.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.models.journal import EntryContent, Wellbeing


def _timed(label: str, runs: int, func) -> float:
    start = time.perf_counter()
    for _ in range(runs):
        func()
    per_run = (time.perf_counter() - start) / runs * 1000
    print(f"{label}: {per_run:.2f} ms")
    return per_run


def test_insights_timings(vault, qtbot) -> None:
    from swreflect.gui.pages.insights_page import InsightsPage

    clock = FakeClock(datetime(2024, 1, 8, 9, 0, tzinfo=UTC))
    services = build_services(vault, clock)
    agreements = []
    for n in range(6):
        person = services.people.add(f"Person {n}", "supervisee")
        agreements.append(services.agreements.add(person.id, "Jo", frequency="monthly").id)
    for month in range(24):
        for agreement_id in agreements:
            session = services.sessions.start(agreement_id)
            services.sessions.rate(session.id, "supervisor", 3 + month % 3, 2 + month % 4)
            services.sessions.rate(session.id, "supervisee", 2 + month % 4, 3)
            services.sessions.add_time(session.id, "agenda", 3000)
            services.sessions.add_time(session.id, "checkin", 600)
        for day in range(83):
            clock.advance(30 * 86400 / 83)
            services.journal.create(
                EntryContent(title="t", body="words " * 100, wellbeing=Wellbeing(3, 1 + day % 5, 4))
            )
    pairs = _timed("pairs over 6 agreements x 24 sessions", 5, services.insights.pairs)
    wellbeing = _timed("wellbeing over 2,000 entries", 5, services.insights.wellbeing)

    def page() -> None:
        widget = InsightsPage(services)
        qtbot.addWidget(widget)
        widget.resize(1280, 720)
        qtbot.waitUntil(lambda: widget.is_ready, timeout=60_000)  # figures come from a worker
        widget.grab()

    built = _timed("build and paint the page", 3, page)
    print(f"ratio page/(pairs+wellbeing): {built / (pairs + wellbeing):.2f}")
