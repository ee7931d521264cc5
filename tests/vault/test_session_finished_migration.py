"""The session-finished step: sessions that reached the end screen or sign-off stay held;
sessions only created or opened are not held until finished."""

from __future__ import annotations

from sqlcipher3 import dbapi2

from swreflect.vault.migrations import ladder


def test_sessions_past_the_end_screen_are_marked_finished_and_open_ones_are_not() -> None:
    conn = dbapi2.connect(":memory:")  # the same SQLite build the vault uses
    steps = ladder()
    target = next(step for step in steps if step.name.endswith("session_finished"))
    for step in steps:
        if step.version < target.version:
            step.upgrade(conn)
    conn.execute("PRAGMA foreign_keys = OFF")
    statuses = ["draft", "in_session", "summary_drafted", "cancelled", "sent", "agreed"]
    for n, status in enumerate(statuses):
        conn.execute(
            "INSERT INTO sessions (id, agreement_id, status, held_on, record_id, record_version,"
            " pack_id, pack_version, created_at, updated_at)"
            " VALUES (?, 'a', ?, '2026-01-05', ?, 1, '', 0, '2026-01-05T10:00:00',"
            " '2026-01-06T10:00:00')",
            (f"s{n}", status, f"r{n}"),
        )
    target.upgrade(conn)
    finished = dict(conn.execute("SELECT status, finished_at FROM sessions").fetchall())
    assert finished == {
        "draft": None,
        "in_session": None,
        "summary_drafted": "2026-01-06T10:00:00",
        "cancelled": None,
        "sent": "2026-01-06T10:00:00",
        "agreed": "2026-01-06T10:00:00",
    }
