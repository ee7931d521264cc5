"""Schema version 4: signing identity, paired people, exchange replay memory, signed records.

- ``signing_identity``: the vault owner's one identity (row id 1): private key PEM (protected
  by the vault's own encryption), certificate PEM and fingerprint.
- ``paired_identities``: the people this vault has paired with, keyed by a person reference
  (the people table's id as text; no foreign key so this step stands alone).
- ``pairing_events``: every pairing and re-pairing, so a changed key leaves a trace.
- ``exchange_seen``: message ids already imported from each sender (replay protection).
- ``agreement_versions``: each version of a record as canonical JSON, keyed by record id and
  version, with its place in the agreement lifecycle.
- ``agreement_signatures``: the signature entries over one version, one per role.
- ``agreement_notes``: comments and recorded disagreements on a version, from either side.

Triggers keep an agreed version immutable even if a bug in the code above tried otherwise.
"""

from __future__ import annotations

from typing import Any

STATEMENTS = [
    """CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        private_key_pem TEXT NOT NULL,
        certificate_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL)""",
    """CREATE TABLE paired_identities (
        person_ref TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL,
        certificate_pem TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE,
        paired_at TEXT NOT NULL) WITHOUT ROWID""",
    """CREATE TABLE pairing_events (
        id INTEGER PRIMARY KEY,
        person_ref TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        event TEXT NOT NULL CHECK (event IN ('paired', 're-paired', 'unpaired')),
        at TEXT NOT NULL)""",
    """CREATE TABLE exchange_seen (
        sender_fingerprint TEXT NOT NULL,
        message_id TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (sender_fingerprint, message_id)) WITHOUT ROWID""",
    """CREATE TABLE agreement_versions (
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        kind TEXT NOT NULL,
        addendum_to TEXT,
        canonical_json TEXT NOT NULL,
        record_sha256 TEXT NOT NULL,
        my_role TEXT NOT NULL CHECK (my_role IN ('supervisor', 'supervisee')),
        counterpart_ref TEXT,
        direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
        status TEXT NOT NULL CHECK (status IN
            ('sent', 'received', 'returned', 'agreed', 'acknowledged-in-room', 'superseded')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (record_id, version))""",
    """CREATE TABLE agreement_signatures (
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('supervisor', 'supervisee')),
        entry_json TEXT NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (record_id, version, role),
        FOREIGN KEY (record_id, version) REFERENCES agreement_versions(record_id, version))""",
    """CREATE TABLE agreement_notes (
        id INTEGER PRIMARY KEY,
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('comment', 'disagreement')),
        author_role TEXT NOT NULL,
        author_name TEXT NOT NULL,
        text TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('mine', 'theirs')),
        created_at TEXT NOT NULL,
        FOREIGN KEY (record_id, version) REFERENCES agreement_versions(record_id, version))""",
    "CREATE INDEX agreement_notes_by_version ON agreement_notes(record_id, version)",
    # The signed content of a version never changes; a revision is a new version.
    """CREATE TRIGGER agreement_versions_content_fixed
        BEFORE UPDATE OF record_id, version, kind, addendum_to, canonical_json, record_sha256
        ON agreement_versions
        BEGIN SELECT RAISE(ABORT, 'swreflect: record content is immutable'); END""",
    """CREATE TRIGGER agreement_versions_agreed_fixed
        BEFORE UPDATE ON agreement_versions WHEN OLD.status IN ('agreed', 'acknowledged-in-room')
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreed record is immutable'); END""",
    """CREATE TRIGGER agreement_versions_agreed_kept
        BEFORE DELETE ON agreement_versions WHEN OLD.status IN ('agreed', 'acknowledged-in-room')
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreed record is immutable'); END""",
    """CREATE TRIGGER agreement_signatures_agreed_fixed
        BEFORE UPDATE ON agreement_signatures
        WHEN (SELECT status FROM agreement_versions
              WHERE record_id = OLD.record_id AND version = OLD.version)
              IN ('agreed', 'acknowledged-in-room')
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreed record is immutable'); END""",
    """CREATE TRIGGER agreement_signatures_agreed_kept
        BEFORE DELETE ON agreement_signatures
        WHEN (SELECT status FROM agreement_versions
              WHERE record_id = OLD.record_id AND version = OLD.version)
              IN ('agreed', 'acknowledged-in-room')
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreed record is immutable'); END""",
    """CREATE TRIGGER agreement_signatures_agreed_closed
        BEFORE INSERT ON agreement_signatures
        WHEN (SELECT status FROM agreement_versions
              WHERE record_id = NEW.record_id AND version = NEW.version)
              IN ('agreed', 'acknowledged-in-room')
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreed record is immutable'); END""",
    """CREATE TRIGGER agreement_notes_agreed_closed
        BEFORE INSERT ON agreement_notes
        WHEN (SELECT status FROM agreement_versions
              WHERE record_id = NEW.record_id AND version = NEW.version)
              IN ('agreed', 'acknowledged-in-room')
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreed record is immutable'); END""",
    """CREATE TRIGGER agreement_notes_fixed
        BEFORE UPDATE ON agreement_notes
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreement history is kept as written'); END""",
    """CREATE TRIGGER agreement_notes_kept
        BEFORE DELETE ON agreement_notes
        BEGIN SELECT RAISE(ABORT, 'swreflect: agreement history is kept as written'); END""",
]


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
