"""People: those the vault owner supervises or is supervised by."""

from __future__ import annotations

from swreflect.models.supervision import Person
from swreflect.vault.vault import Vault


class PeopleRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def add(self, person: Person, created_at: str) -> None:
        conn = self._vault.writer()
        conn.execute(
            "INSERT INTO people (id, display_name, role, pronouns, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (person.id, person.display_name, person.role, person.pronouns, created_at),
        )

    def update(self, person: Person) -> bool:
        conn = self._vault.writer()
        cur = conn.execute(
            "UPDATE people SET display_name = ?, role = ?, pronouns = ? WHERE id = ?",
            (person.display_name, person.role, person.pronouns, person.id),
        )
        return bool(cur.rowcount)

    def get(self, person_id: str) -> Person | None:
        row = self._vault.conn.execute(
            "SELECT id, display_name, role, pronouns FROM people WHERE id = ?", (person_id,)
        ).fetchone()
        return Person(*row) if row else None

    def list(self) -> list[Person]:
        rows = self._vault.conn.execute(
            "SELECT id, display_name, role, pronouns FROM people "
            "ORDER BY display_name COLLATE NOCASE, id"
        ).fetchall()
        return [Person(*row) for row in rows]
