"""Schema version 3: people, supervision agreements, sessions and actions.

Layout (all inside the encrypted database; ids are UUID strings, dates ``YYYY-MM-DD``,
timestamps ISO 8601 UTC from the injected clock):

- ``people``: someone the vault owner supervises or is supervised by. ``role`` is the person's
  relation to the owner. There is deliberately no table for the people social workers work with.
- ``agreements``: one per pair; the owner's own name as it should appear on records.
- ``agreement_terms``: frequency and usual length, versioned by ``effective_from`` so that a
  change applies from its date and never rewrites what was due before it.
- ``sessions``: belongs to an agreement; ``status`` is free text checked by the core (later
  steps such as sign-off add their own statuses); ``record_id``/``record_version`` identify the
  shared record that is signed later.
- ``session_stages``: the stages of one session in their (reorderable) order, with time spent,
  whether skipped, and the supervision function the stage served.
- ``agenda_items``: topics, excerpts the supervisee chose to share, carried actions.
- ``session_notes``: each note is ``shared`` or ``private`` and stores the prompt text it answered.
- ``session_ratings``: support and challenge, 1-5, from each party.
- ``actions``: agreed actions; ``carried_over_from`` links a carried copy to its original and
  ``carried_to`` marks an original that has moved on to a later session.
- ``case_file_decisions``: what must be written on the case file elsewhere.
"""

from __future__ import annotations

from typing import Any

_TABLES = [
    """CREATE TABLE people (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('supervisee', 'supervisor')),
        pronouns TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE agreements (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people(id),
        owner_name TEXT NOT NULL,
        start_date TEXT NOT NULL,
        review_date TEXT,
        record_writer TEXT NOT NULL CHECK (record_writer IN ('supervisor', 'supervisee')),
        record_due_days INTEGER NOT NULL,
        disagreement TEXT NOT NULL DEFAULT '',
        confidentiality TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE agreement_terms (
        id TEXT PRIMARY KEY,
        agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
        effective_from TEXT NOT NULL,
        frequency TEXT NOT NULL,
        custom_days INTEGER,
        usual_minutes INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (agreement_id, effective_from)
    )""",
    """CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        agreement_id TEXT NOT NULL REFERENCES agreements(id),
        status TEXT NOT NULL,
        held_on TEXT,
        record_id TEXT NOT NULL UNIQUE,
        record_version INTEGER NOT NULL DEFAULT 1,
        duration_minutes INTEGER,
        summary TEXT,
        pack_id TEXT NOT NULL DEFAULT '',
        pack_version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE session_stages (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        stage_key TEXT NOT NULL,
        title TEXT NOT NULL,
        position INTEGER NOT NULL,
        skipped INTEGER NOT NULL DEFAULT 0,
        seconds INTEGER NOT NULL DEFAULT 0,
        function TEXT NOT NULL,
        PRIMARY KEY (session_id, stage_key)
    )""",
    """CREATE TABLE agenda_items (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('topic', 'excerpt', 'carried_action')),
        excerpt TEXT NOT NULL DEFAULT '',
        function TEXT NOT NULL,
        seconds INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL,
        action_id TEXT
    )""",
    """CREATE TABLE session_notes (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        stage_key TEXT NOT NULL,
        agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE CASCADE,
        prompt_id TEXT NOT NULL DEFAULT '',
        prompt_text TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL,
        visibility TEXT NOT NULL CHECK (visibility IN ('shared', 'private')),
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE session_ratings (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        rater TEXT NOT NULL CHECK (rater IN ('supervisor', 'supervisee')),
        support INTEGER NOT NULL CHECK (support BETWEEN 1 AND 5),
        challenge INTEGER NOT NULL CHECK (challenge BETWEEN 1 AND 5),
        PRIMARY KEY (session_id, rater)
    )""",
    """CREATE TABLE actions (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        agreement_id TEXT NOT NULL REFERENCES agreements(id),
        description TEXT NOT NULL,
        owner TEXT NOT NULL CHECK (owner IN ('supervisor', 'supervisee')),
        due TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'done')),
        carried_over_from TEXT REFERENCES actions(id),
        carried_to TEXT,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        done_at TEXT
    )""",
    """CREATE TABLE case_file_decisions (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        position INTEGER NOT NULL
    )""",
    "CREATE INDEX agreements_person ON agreements(person_id)",
    "CREATE INDEX sessions_agreement ON sessions(agreement_id)",
    "CREATE INDEX notes_session ON session_notes(session_id)",
    "CREATE INDEX actions_agreement ON actions(agreement_id, status)",
    "CREATE INDEX actions_session ON actions(session_id)",
]


def upgrade(conn: Any) -> None:
    for statement in _TABLES:
        conn.execute(statement)
