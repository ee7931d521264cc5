"""Schema version 5: practice content v2 (the fuller agreement, session types, CPD tags).

- ``agreements.asye_start``: the newly qualified year's start, kept across a change of
  supervisor (NULL when the agreement has no ASYE terms, or counts from them).
- ``agreements.details``: the agreement's written contents as a JSON object (purpose, location,
  uninterrupted, preparation, cancellation, record place, access, escalation, difference,
  assessment, assessor, protected time). Older agreements get ``{}``: every field empty.
- ``sessions.kind``: ``regular`` or ``debrief`` (after a critical incident); older sessions are
  regular. ``cancelled_by`` / ``cancel_reason``: who cancelled a session and, optionally, why.
  ``follow_up_on``: the check-in date a debrief asks for.
- ``agenda_items.cycle_seconds``: time per step of the 4x4x4 cycle as a JSON object, so a
  neutral "case discussion" item can split its time across the functions.
- ``actions.kind``: ``action`` or ``raise_with_organisation``.
- ``cpd_pieces``: a journal entry or session marked as a piece of CPD, tagged with the
  regulator's professional standards it relates to and whether it includes peer reflection.
"""

from __future__ import annotations

from typing import Any

_STATEMENTS = [
    "ALTER TABLE agreements ADD COLUMN asye_start TEXT",
    "ALTER TABLE agreements ADD COLUMN details TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE sessions ADD COLUMN kind TEXT NOT NULL DEFAULT 'regular'",
    "ALTER TABLE sessions ADD COLUMN cancelled_by TEXT",
    "ALTER TABLE sessions ADD COLUMN cancel_reason TEXT",
    "ALTER TABLE sessions ADD COLUMN follow_up_on TEXT",
    "ALTER TABLE agenda_items ADD COLUMN cycle_seconds TEXT NOT NULL DEFAULT '{}'",
    "ALTER TABLE actions ADD COLUMN kind TEXT NOT NULL DEFAULT 'action'",
    """CREATE TABLE cpd_pieces (
        item_type TEXT NOT NULL CHECK (item_type IN ('journal', 'session')),
        item_id TEXT NOT NULL,
        on_date TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        standards TEXT NOT NULL DEFAULT '',
        peer INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        PRIMARY KEY (item_type, item_id)
    )""",
    "CREATE INDEX cpd_pieces_date ON cpd_pieces(on_date)",
]


def upgrade(conn: Any) -> None:
    for statement in _STATEMENTS:
        conn.execute(statement)
