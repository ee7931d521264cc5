"""Sessions and what belongs to them: stages, agenda, notes, ratings, case-file decisions.

Creating a session also copies the actions ``SessionService`` chose to carry into it (one
transaction): each gets a copy in the new session with ``carried_over_from`` pointing at it, and
the original is marked ``carried_to`` the copy. Which actions carry over is a rule of the
service (core/sessions.py), not of this module.
"""

from __future__ import annotations

import builtins
import json
import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from swreflect.models.supervision import (
    AgendaItem,
    Note,
    Rating,
    Session,
    StageState,
)
from swreflect.vault.supervision.actions_repo import ActionRepository
from swreflect.vault.supervision.held_window import held_window_sql, pending_follow_ups_sql
from swreflect.vault.vault import Vault

_SESSION_COLUMNS = (
    "id, agreement_id, status, held_on, record_id, record_version, duration_minutes, summary, "
    "pack_id, pack_version, finished_at, kind, cancelled_by, cancel_reason, follow_up_on, "
    "minutes_in_record"
)


def _new_id() -> str:
    return str(uuid.uuid4())


def _cycle_split(text: str | None) -> dict[str, int]:
    """Seconds per 4x4x4 step as stored; anything unreadable counts as no split."""
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): int(v) for k, v in raw.items() if isinstance(v, int) and v > 0}


class SessionRepository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    @property
    def _conn(self) -> Any:
        return self._vault.conn

    # ------------------------------------------------------------------ sessions
    def create(
        self,
        agreement_id: str,
        status: str,
        stages: Sequence[StageState],
        stamp: str,
        pack: tuple[str, int] = ("", 0),
        held_on: date | None = None,
        carry: Sequence[str] = (),
        kind: str = "regular",
    ) -> str:
        session_id = _new_id()
        conn = self._vault.writer()
        conn.execute(
            f"INSERT INTO sessions ({_SESSION_COLUMNS}, created_at, updated_at) "  # noqa: S608
            "VALUES (?, ?, ?, ?, ?, 1, NULL, NULL, ?, ?, NULL, ?, NULL, NULL, NULL, 0, ?, ?)",
            (
                session_id,
                agreement_id,
                status,
                held_on.isoformat() if held_on else None,
                _new_id(),
                pack[0],
                pack[1],
                kind,
                stamp,
                stamp,
            ),
        )
        for stage in stages:
            conn.execute(
                "INSERT INTO session_stages (session_id, stage_key, title, position, skipped, "
                "seconds, function) VALUES (?, ?, ?, ?, 0, 0, ?)",
                (session_id, stage.key, stage.title, stage.position, stage.function),
            )
        ActionRepository.copy_into(conn, session_id, carry, stamp)
        return session_id

    def get(self, session_id: str) -> Session | None:
        row = self._conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?",  # noqa: S608
            (session_id,),
        ).fetchone()
        return self._build(row) if row else None

    def list(self, agreement_id: str | None = None, statuses: Sequence[str] = ()) -> list[Session]:
        """Every session (of one agreement), or only those in ``statuses``."""
        sql = f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE 1"  # noqa: S608
        params: list[str] = []
        if agreement_id:
            sql += " AND agreement_id = ?"
            params.append(agreement_id)
        if statuses:
            sql += f" AND status IN ({','.join('?' for _ in statuses)})"
            params += [str(s) for s in statuses]
        sql += " ORDER BY COALESCE(held_on, substr(created_at, 1, 10)), created_at"
        return [self._build(row) for row in self._conn.execute(sql, params).fetchall()]

    def list_overview(
        self,
        agreement_id: str,
        held_window: tuple[date, date, int] | None = None,
    ) -> builtins.list[Session]:
        """An agreement's sessions with their stages, agenda times and ratings only (no notes,
        actions or decisions), in four queries for all of them: what Insights needs. With
        ``held_window`` (since, today, latest), only the held ones it reads (held_window.py)."""
        conn = self._conn
        where, params = "agreement_id = ?", [agreement_id]
        if held_window is not None:
            where, params = held_window_sql(agreement_id, *held_window)
        rows = conn.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {where} "  # noqa: S608
            "ORDER BY COALESCE(held_on, substr(created_at, 1, 10)), created_at",
            params,
        ).fetchall()
        inner = f"SELECT id FROM sessions WHERE {where}"  # noqa: S608
        stages: dict[str, list[StageState]] = {}
        for r in conn.execute(
            "SELECT session_id, stage_key, title, position, skipped, seconds, function "  # noqa: S608
            f"FROM session_stages WHERE session_id IN ({inner}) ORDER BY position, stage_key",
            params,
        ):
            stages.setdefault(r[0], []).append(
                StageState(r[1], r[2], int(r[3]), bool(r[4]), int(r[5]), r[6])
            )
        agenda: dict[str, list[AgendaItem]] = {}
        for r in conn.execute(
            "SELECT session_id, id, title, source, excerpt, function, seconds, position, "  # noqa: S608
            f"action_id, cycle_seconds FROM agenda_items WHERE session_id IN ({inner}) "
            "ORDER BY position, id",
            params,
        ):
            agenda.setdefault(r[0], []).append(
                AgendaItem(
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    int(r[6]),
                    int(r[7]),
                    r[8],
                    tuple(sorted(_cycle_split(r[9]).items())),
                )
            )
        ratings: dict[str, list[Rating]] = {}
        for r in conn.execute(
            "SELECT session_id, rater, support, challenge FROM session_ratings "  # noqa: S608
            f"WHERE session_id IN ({inner}) ORDER BY rater",
            params,
        ):
            ratings.setdefault(r[0], []).append(Rating(r[1], int(r[2]), int(r[3])))
        return [
            self._assemble(
                row,
                stages.get(row[0], []),
                agenda.get(row[0], []),
                ratings.get(row[0], []),
            )
            for row in rows
        ]

    def pending_follow_ups(self, until: date) -> builtins.list[tuple[str, date]]:
        sql, params = pending_follow_ups_sql(until)
        rows = self._conn.execute(sql, params).fetchall()
        return [(str(r[0]), date.fromisoformat(r[1])) for r in rows]

    def ids_starting(self, prefix: str, limit: int = 2) -> builtins.list[str]:
        """Ids beginning with ``prefix`` (at most ``limit``), found through the primary key
        rather than by loading every session."""
        upper = prefix + "\U0010ffff"
        rows = self._conn.execute(
            "SELECT id FROM sessions WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (prefix, upper, int(limit)),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def ids_for_record(self, record_id: str, version: int) -> builtins.list[str]:
        rows = self._conn.execute(
            "SELECT id FROM sessions WHERE record_id = ? AND record_version = ?",
            (record_id, int(version)),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def last_held_on(self, agreement_id: str, not_held: Sequence[str]) -> date | None:
        marks = ",".join("?" for _ in not_held)
        row = self._conn.execute(
            f"SELECT MAX(held_on) FROM sessions WHERE agreement_id = ? AND held_on IS NOT NULL "  # noqa: S608
            f"AND finished_at IS NOT NULL AND status NOT IN ({marks})",
            (agreement_id, *not_held),
        ).fetchone()
        return date.fromisoformat(row[0]) if row and row[0] else None

    def delete(self, session_id: str) -> None:
        """Remove a session and (by cascade) its stages, agenda, notes and ratings."""
        conn = self._vault.writer()
        conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def update_fields(self, session_id: str, stamp: str, **fields: Any) -> None:
        """Set plain session columns (status, held_on, summary, duration_minutes...)."""
        allowed = {
            "status",
            "held_on",
            "summary",
            "duration_minutes",
            "record_version",
            "finished_at",
            "cancelled_by",
            "cancel_reason",
            "follow_up_on",
            "minutes_in_record",
        }
        if not fields or set(fields) - allowed:
            raise ValueError("unknown session field")
        names = sorted(fields)
        values = [
            fields[n].isoformat() if isinstance(fields[n], date) else fields[n] for n in names
        ]
        assignments = ", ".join(f"{n} = ?" for n in names)
        conn = self._vault.writer()
        conn.execute(
            f"UPDATE sessions SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608
            (*values, stamp, session_id),
        )

    # ------------------------------------------------------------------ stages
    def set_stage_order(self, session_id: str, keys: Sequence[str]) -> None:
        conn = self._vault.writer()
        for position, key in enumerate(keys):
            conn.execute(
                "UPDATE session_stages SET position = ? WHERE session_id = ? AND stage_key = ?",
                (position, session_id, key),
            )

    def update_stage(self, session_id: str, key: str, **fields: Any) -> None:
        allowed = {"skipped", "function"}
        if not fields or set(fields) - allowed:
            raise ValueError("unknown stage field")
        names = sorted(fields)
        assignments = ", ".join(f"{n} = ?" for n in names)
        conn = self._vault.writer()
        conn.execute(
            f"UPDATE session_stages SET {assignments} WHERE session_id = ? AND stage_key = ?",  # noqa: S608
            (*[fields[n] for n in names], session_id, key),
        )

    def add_time(
        self,
        session_id: str,
        stage_key: str,
        agenda_item_id: str | None,
        seconds: int,
        cycle: str = "",
    ) -> None:
        conn = self._vault.writer()
        if agenda_item_id:
            conn.execute(
                "UPDATE agenda_items SET seconds = seconds + ? WHERE id = ? AND session_id = ?",
                (seconds, agenda_item_id, session_id),
            )
            if cycle:
                row = conn.execute(
                    "SELECT cycle_seconds FROM agenda_items WHERE id = ? AND session_id = ?",
                    (agenda_item_id, session_id),
                ).fetchone()
                split = _cycle_split(row[0] if row else None)
                split[cycle] = split.get(cycle, 0) + seconds
                conn.execute(
                    "UPDATE agenda_items SET cycle_seconds = ? WHERE id = ?",
                    (json.dumps(split, sort_keys=True), agenda_item_id),
                )
        else:
            conn.execute(
                "UPDATE session_stages SET seconds = seconds + ? "
                "WHERE session_id = ? AND stage_key = ?",
                (seconds, session_id, stage_key),
            )

    # ------------------------------------------------------------------ agenda
    def add_agenda_item(
        self,
        session_id: str,
        title: str,
        source: str,
        excerpt: str,
        function: str,
        action_id: str | None = None,
    ) -> str:
        item_id = _new_id()
        conn = self._vault.writer()
        conn.execute(
            "INSERT INTO agenda_items (id, session_id, title, source, excerpt, function, "
            "seconds, position, action_id) VALUES (?, ?, ?, ?, ?, ?, 0, "
            "(SELECT COALESCE(MAX(position), -1) + 1 FROM agenda_items WHERE session_id = ?),"
            " ?)",
            (item_id, session_id, title, source, excerpt, function, session_id, action_id),
        )
        return item_id

    def update_agenda_item(self, session_id: str, item_id: str, **fields: Any) -> None:
        allowed = {"title", "function", "excerpt", "position"}
        if not fields or set(fields) - allowed:
            raise ValueError("unknown agenda field")
        names = sorted(fields)
        assignments = ", ".join(f"{n} = ?" for n in names)
        conn = self._vault.writer()
        conn.execute(
            f"UPDATE agenda_items SET {assignments} WHERE id = ? AND session_id = ?",  # noqa: S608
            (*[fields[n] for n in names], item_id, session_id),
        )

    def remove_agenda_item(self, session_id: str, item_id: str) -> None:
        conn = self._vault.writer()
        conn.execute(
            "DELETE FROM agenda_items WHERE id = ? AND session_id = ?", (item_id, session_id)
        )

    # ------------------------------------------------------------------ notes
    def add_note(self, session_id: str, note: Note, stamp: str) -> str:
        note_id = _new_id()
        conn = self._vault.writer()
        conn.execute(
            "INSERT INTO session_notes (id, session_id, stage_key, agenda_item_id, prompt_id, "
            "prompt_text, text, visibility, position, created_at, updated_at) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM "
            "session_notes WHERE session_id = ?), ?, ?)",
            (
                note_id,
                session_id,
                note.stage_key,
                note.agenda_item_id,
                note.prompt_id,
                note.prompt_text,
                note.text,
                note.visibility,
                session_id,
                stamp,
                stamp,
            ),
        )
        return note_id

    def update_note(self, session_id: str, note_id: str, stamp: str, **fields: Any) -> bool:
        allowed = {"text", "visibility"}
        if not fields or set(fields) - allowed:
            raise ValueError("unknown note field")
        names = sorted(fields)
        assignments = ", ".join(f"{n} = ?" for n in names)
        conn = self._vault.writer()
        cur = conn.execute(
            f"UPDATE session_notes SET {assignments}, updated_at = ? "  # noqa: S608
            "WHERE id = ? AND session_id = ?",
            (*[fields[n] for n in names], stamp, note_id, session_id),
        )
        return bool(cur.rowcount)

    def delete_note(self, session_id: str, note_id: str) -> None:
        conn = self._vault.writer()
        conn.execute(
            "DELETE FROM session_notes WHERE id = ? AND session_id = ?", (note_id, session_id)
        )

    # ------------------------------------------------------------------ ratings, decisions
    def set_rating(self, session_id: str, rating: Rating) -> None:
        conn = self._vault.writer()
        conn.execute(
            "INSERT INTO session_ratings (session_id, rater, support, challenge,"
            " include_in_record) VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, rater)"
            " DO UPDATE SET support = excluded.support, challenge = excluded.challenge,"
            " include_in_record = excluded.include_in_record",
            (
                session_id,
                rating.rater,
                rating.support,
                rating.challenge,
                int(rating.include_in_record),
            ),
        )

    def set_case_file_decisions(self, session_id: str, decisions: Sequence[str]) -> None:
        conn = self._vault.writer()
        conn.execute("DELETE FROM case_file_decisions WHERE session_id = ?", (session_id,))
        for position, text in enumerate(decisions):
            conn.execute(
                "INSERT INTO case_file_decisions (id, session_id, text, position) "
                "VALUES (?, ?, ?, ?)",
                (_new_id(), session_id, text, position),
            )

    # ------------------------------------------------------------------ assembly
    def _build(self, row: tuple[Any, ...]) -> Session:
        session_id = row[0]
        conn = self._conn
        stages = tuple(
            StageState(r[0], r[1], int(r[2]), bool(r[3]), int(r[4]), r[5])
            for r in conn.execute(
                "SELECT stage_key, title, position, skipped, seconds, function "
                "FROM session_stages WHERE session_id = ? ORDER BY position, stage_key",
                (session_id,),
            ).fetchall()
        )
        agenda = tuple(
            AgendaItem(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                int(r[5]),
                int(r[6]),
                r[7],
                tuple(sorted(_cycle_split(r[8]).items())),
            )
            for r in conn.execute(
                "SELECT id, title, source, excerpt, function, seconds, position, action_id, "
                "cycle_seconds FROM agenda_items WHERE session_id = ? ORDER BY position, id",
                (session_id,),
            ).fetchall()
        )
        notes = tuple(
            Note(r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]))
            for r in conn.execute(
                "SELECT id, stage_key, agenda_item_id, prompt_id, prompt_text, text, visibility, "
                "position FROM session_notes WHERE session_id = ? ORDER BY position, id",
                (session_id,),
            ).fetchall()
        )
        ratings = tuple(
            Rating(r[0], int(r[1]), int(r[2]), bool(r[3]))
            for r in conn.execute(
                "SELECT rater, support, challenge, include_in_record FROM session_ratings"
                " WHERE session_id = ? "
                "ORDER BY rater",
                (session_id,),
            ).fetchall()
        )
        decisions = tuple(
            r[0]
            for r in conn.execute(
                "SELECT text FROM case_file_decisions WHERE session_id = ? ORDER BY position",
                (session_id,),
            ).fetchall()
        )
        actions = tuple(ActionRepository(self._vault).list_for_session(session_id))
        return self._assemble(row, stages, agenda, ratings, notes, actions, decisions)

    @staticmethod
    def _assemble(
        row: tuple[Any, ...],
        stages: Sequence[StageState],
        agenda: Sequence[AgendaItem],
        ratings: Sequence[Rating],
        notes: Sequence[Note] = (),
        actions: Sequence[Any] = (),
        decisions: Sequence[str] = (),
    ) -> Session:
        return Session(
            id=row[0],
            agreement_id=row[1],
            status=row[2],
            held_on=date.fromisoformat(row[3]) if row[3] else None,
            record_id=row[4],
            record_version=int(row[5]),
            duration_minutes=row[6],
            summary=row[7],
            pack_id=row[8],
            pack_version=int(row[9]),
            finished_at=row[10],
            stages=tuple(stages),
            agenda=tuple(agenda),
            notes=tuple(notes),
            ratings=tuple(ratings),
            actions=tuple(actions),
            case_file_decisions=tuple(decisions),
            kind=row[11] or "regular",
            cancelled_by=row[12],
            cancel_reason=row[13] or "",
            follow_up_on=date.fromisoformat(row[14]) if row[14] else None,
            minutes_in_record=int(row[15] or 0),
        )
