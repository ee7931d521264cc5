"""The signing tables' rows as plain data: the owner's identity, pairings, versions and notes.

``vault.signing_repo`` reads and writes them; core's sign-off services and the GUI's agreement
list pass them around. Times are ISO 8601 strings as stored. ``status`` and ``direction`` hold
``AgreementStatus`` and ``Direction`` values (see ``models.vocab``).
"""

from __future__ import annotations

from dataclasses import dataclass

from swreflect.models.vocab import AGREED_STATUSES


@dataclass(frozen=True)
class StoredIdentity:
    display_name: str
    role: str
    private_key_pem: str
    certificate_pem: str
    fingerprint: str
    created_at: str


@dataclass(frozen=True)
class Pairing:
    person_ref: str
    display_name: str
    role: str
    certificate_pem: str
    fingerprint: str
    paired_at: str


@dataclass(frozen=True)
class VersionRow:
    record_id: str
    version: int
    kind: str
    addendum_to: str | None
    canonical_json: str
    record_sha256: str
    my_role: str
    counterpart_ref: str | None
    direction: str
    status: str
    created_at: str
    updated_at: str

    @property
    def is_locked(self) -> bool:
        return self.status in AGREED_STATUSES


@dataclass(frozen=True)
class NoteRow:
    id: int
    record_id: str
    version: int
    kind: str
    author_role: str
    author_name: str
    text: str
    origin: str
    created_at: str
