"""SQL for signing: the owner's identity, paired people, replay memory and signed versions.

Tables are described in ``migrations/m0004_signing.py``. Records are stored by record id and
version as canonical JSON with their signature entries, independent of where the record came
from (a session on this vault, or a request imported from someone else's). Database triggers
refuse changes to an agreed version; this module turns that refusal into ``RecordAgreedError``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from swreflect.errors import RecordAgreedError
from swreflect.models.signing import NoteRow, Pairing, StoredIdentity, VersionRow
from swreflect.vault.connection import Connection, DatabaseError

_VERSION_COLS = (
    "record_id, version, kind, addendum_to, canonical_json, record_sha256, my_role, "
    "counterpart_ref, direction, status, created_at, updated_at"
)


@contextlib.contextmanager
def _immutable_guard() -> Iterator[None]:
    try:
        yield
    except DatabaseError as exc:
        if "immutable" in str(exc) or "kept as written" in str(exc):
            raise RecordAgreedError() from exc
        raise


class SigningRepository:
    """Every statement that touches the signing tables. Callers own the transaction."""

    def __init__(self, conn_provider: object) -> None:
        # ``conn_provider`` is the Vault (anything with a ``conn`` property), so a locked vault
        # raises VaultLockedError rather than using a closed connection.
        self._provider = conn_provider

    @property
    def conn(self) -> Connection:
        return self._provider.conn  # type: ignore[attr-defined]

    @property
    def _w(self) -> Connection:
        """The connection for a write, inside the calling service's transaction only."""
        return self._provider.writer()  # type: ignore[attr-defined]

    # ------------------------------------------------------------- own identity
    def identity(self) -> StoredIdentity | None:
        row = self.conn.execute(
            "SELECT display_name, role, private_key_pem, certificate_pem, fingerprint, created_at"
            " FROM signing_identity WHERE id = 1"
        ).fetchone()
        return StoredIdentity(*row) if row else None

    def insert_identity(self, ident: StoredIdentity) -> None:
        self._w.execute(
            "INSERT INTO signing_identity(id, display_name, role, private_key_pem,"
            " certificate_pem, fingerprint, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)",
            (
                ident.display_name,
                ident.role,
                ident.private_key_pem,
                ident.certificate_pem,
                ident.fingerprint,
                ident.created_at,
            ),
        )

    # ------------------------------------------------------------- pairings
    _PAIR_COLS = "person_ref, display_name, role, certificate_pem, fingerprint, paired_at"

    def pairing(self, person_ref: str) -> Pairing | None:
        row = self.conn.execute(
            f"SELECT {self._PAIR_COLS} FROM paired_identities WHERE person_ref = ?",  # noqa: S608
            (person_ref,),
        ).fetchone()
        return Pairing(*row) if row else None

    def pairing_by_fingerprint(self, fingerprint: str) -> Pairing | None:
        row = self.conn.execute(
            f"SELECT {self._PAIR_COLS} FROM paired_identities WHERE fingerprint = ?",  # noqa: S608
            (fingerprint,),
        ).fetchone()
        return Pairing(*row) if row else None

    def pairings(self) -> list[Pairing]:
        rows = self.conn.execute(
            f"SELECT {self._PAIR_COLS} FROM paired_identities ORDER BY display_name"  # noqa: S608
        ).fetchall()
        return [Pairing(*r) for r in rows]

    def save_pairing(self, pairing: Pairing, event: str) -> None:
        self._w.execute(
            "INSERT INTO paired_identities(person_ref, display_name, role, certificate_pem,"
            " fingerprint, paired_at) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(person_ref) DO UPDATE SET display_name = excluded.display_name,"
            " role = excluded.role, certificate_pem = excluded.certificate_pem,"
            " fingerprint = excluded.fingerprint, paired_at = excluded.paired_at",
            (
                pairing.person_ref,
                pairing.display_name,
                pairing.role,
                pairing.certificate_pem,
                pairing.fingerprint,
                pairing.paired_at,
            ),
        )
        self._w.execute(
            "INSERT INTO pairing_events(person_ref, fingerprint, event, at) VALUES (?, ?, ?, ?)",
            (pairing.person_ref, pairing.fingerprint, event, pairing.paired_at),
        )

    def pairing_events(self, person_ref: str) -> list[tuple[str, str, str]]:
        rows = self.conn.execute(
            "SELECT fingerprint, event, at FROM pairing_events WHERE person_ref = ? ORDER BY id",
            (person_ref,),
        ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    # ------------------------------------------------------------- replay memory
    def message_seen(self, sender_fingerprint: str, message_id: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM exchange_seen WHERE sender_fingerprint = ? AND message_id = ?",
            (sender_fingerprint, message_id),
        ).fetchone()
        return row is not None

    def remember_message(self, sender_fingerprint: str, message_id: str, at: str) -> None:
        self._w.execute(
            "INSERT INTO exchange_seen(sender_fingerprint, message_id, imported_at)"
            " VALUES (?, ?, ?)",
            (sender_fingerprint, message_id, at),
        )

    # ------------------------------------------------------------- versions
    def insert_version(self, row: VersionRow) -> None:
        with _immutable_guard():
            self._w.execute(
                f"INSERT INTO agreement_versions({_VERSION_COLS})"  # noqa: S608
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row.record_id,
                    row.version,
                    row.kind,
                    row.addendum_to,
                    row.canonical_json,
                    row.record_sha256,
                    row.my_role,
                    row.counterpart_ref,
                    row.direction,
                    row.status,
                    row.created_at,
                    row.updated_at,
                ),
            )

    def version(self, record_id: str, version: int) -> VersionRow | None:
        row = self.conn.execute(
            f"SELECT {_VERSION_COLS} FROM agreement_versions"  # noqa: S608
            " WHERE record_id = ? AND version = ?",
            (record_id, version),
        ).fetchone()
        return VersionRow(*row) if row else None

    def versions(self, record_id: str) -> list[VersionRow]:
        rows = self.conn.execute(
            f"SELECT {_VERSION_COLS} FROM agreement_versions"  # noqa: S608
            " WHERE record_id = ? ORDER BY version",
            (record_id,),
        ).fetchall()
        return [VersionRow(*r) for r in rows]

    def latest_versions(self) -> list[VersionRow]:
        """The newest version of every record, most recently changed first."""
        rows = self.conn.execute(
            f"SELECT {_VERSION_COLS} FROM agreement_versions v"  # noqa: S608
            " WHERE version = (SELECT max(version) FROM agreement_versions w"
            " WHERE w.record_id = v.record_id) ORDER BY updated_at DESC, record_id"
        ).fetchall()
        return [VersionRow(*r) for r in rows]

    def record_ids_like(self, prefix: str) -> list[str]:
        rows = self.conn.execute(
            "SELECT DISTINCT record_id FROM agreement_versions WHERE substr(record_id, 1, ?) = ?",
            (len(prefix), prefix),
        ).fetchall()
        return [r[0] for r in rows]

    def set_status(self, record_id: str, version: int, status: str, at: str) -> None:
        with _immutable_guard():
            self._w.execute(
                "UPDATE agreement_versions SET status = ?, updated_at = ?"
                " WHERE record_id = ? AND version = ?",
                (status, at, record_id, version),
            )

    def update_content(self, record_id: str, version: int, canonical_json: str, sha: str) -> None:
        """Only ever refused: content is fixed once stored. Kept so tests can prove the trigger."""
        with _immutable_guard():
            self._w.execute(
                "UPDATE agreement_versions SET canonical_json = ?, record_sha256 = ?"
                " WHERE record_id = ? AND version = ?",
                (canonical_json, sha, record_id, version),
            )

    # ------------------------------------------------------------- signatures
    def put_signature(
        self, record_id: str, version: int, role: str, entry_json: str, at: str
    ) -> None:
        with _immutable_guard():
            self._w.execute(
                "INSERT INTO agreement_signatures(record_id, version, role, entry_json, added_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT(record_id, version, role)"
                " DO UPDATE SET entry_json = excluded.entry_json, added_at = excluded.added_at",
                (record_id, version, role, entry_json, at),
            )

    def signatures(self, record_id: str, version: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT entry_json FROM agreement_signatures WHERE record_id = ? AND version = ?"
            " ORDER BY role",
            (record_id, version),
        ).fetchall()
        return [r[0] for r in rows]

    # ------------------------------------------------------------- notes
    def add_note(
        self,
        record_id: str,
        version: int,
        kind: str,
        author_role: str,
        author_name: str,
        text: str,
        origin: str,
        at: str,
    ) -> None:
        with _immutable_guard():
            self._w.execute(
                "INSERT INTO agreement_notes(record_id, version, kind, author_role, author_name,"
                " text, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (record_id, version, kind, author_role, author_name, text, origin, at),
            )

    def notes(self, record_id: str, version: int | None = None) -> list[NoteRow]:
        sql = (
            "SELECT id, record_id, version, kind, author_role, author_name, text, origin,"
            " created_at FROM agreement_notes WHERE record_id = ?"
        )
        params: tuple[object, ...] = (record_id,)
        if version is not None:
            sql += " AND version = ?"
            params = (record_id, version)
        rows = self.conn.execute(sql + " ORDER BY version, id", params).fetchall()
        return [NoteRow(*r) for r in rows]
