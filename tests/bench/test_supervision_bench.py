"""How long the supervision paths people wait on take (printed, never asserted).

Run with ``make bench``. Figures: one autosaved note edit, loading a busy session, building its
shared record, and the Home/agreements due list over a year of sessions.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.signing.canonical import canonical_bytes


def _timed(label: str, runs: int, func) -> float:
    start = time.perf_counter()
    for _ in range(runs):
        func()
    per_run = (time.perf_counter() - start) / runs * 1000
    print(f"{label}: {per_run:.2f} ms")
    return per_run


def test_supervision_timings(vault) -> None:
    clock = FakeClock(datetime(2025, 1, 6, 9, 0, tzinfo=UTC))
    services = build_services(vault, clock)
    agreements = []
    for n in range(6):
        person = services.people.add(f"Person {n}", "supervisee")
        agreements.append(services.agreements.add(person.id, "Jo", frequency="monthly").id)
    busy = ""
    for _month in range(12):
        for agreement_id in agreements:
            session = services.sessions.start(agreement_id)
            services.sessions.add_action(session.id, "Follow up", "supervisee")
            busy = session.id
        clock.advance(30 * 86400)
    for n in range(60):
        services.sessions.add_note(
            busy, "checkin", f"Note {n} " * 40, visibility="private" if n % 3 else "shared"
        )
    note_id = services.sessions.get(busy).notes[0].id
    edit = _timed(
        "autosave of one note edit",
        30,
        lambda: services.sessions.update_note(busy, note_id, text="changed " * 50),
    )
    load = _timed("load a session with 60 notes", 30, lambda: services.sessions.get(busy))
    record = _timed(
        "record_content + canonical_bytes",
        30,
        lambda: canonical_bytes(services.sessions.record_content(busy)),
    )
    due = _timed("due list over 6 agreements x 12 sessions", 10, services.agreements.due_summaries)
    print(
        f"ratio load/edit: {load / edit:.2f}; record/load: {record / load:.2f}; "
        f"due/load: {due / load:.2f}"
    )
