"""CPD across the registration year: pieces tagged to the regulator's professional standards.

Social Work England's registration year runs from 1 December to 30 November, and each year a
social worker records at least two pieces of CPD, at least one of them including peer
reflection (a supervision discussion counts). A journal entry or a session can be marked as a
piece of CPD and tagged with the standards it relates to; the year view counts them calmly.
The standard names below are short paraphrases for choosing a tag, not the regulator's text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from swreflect.core.clock import Clock
from swreflect.core.journal import JournalService
from swreflect.core.sessions import SessionService
from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.errors import NotFoundError, SwreflectError, ValidationError
from swreflect.timefmt import format_date, plural
from swreflect.vault.cpd_repo import CpdPiece, CpdRepository

STANDARDS: tuple[tuple[str, str], ...] = (
    ("1", "1: rights, strengths and wellbeing of people"),
    ("2", "2: trust and confidence of people"),
    ("3", "3: accountability for my practice and decisions"),
    ("4", "4: continuing professional development"),
    ("4.1", "4.1: feedback"),
    ("4.2", "4.2: supervision"),
    ("4.3", "4.3: research, theories and frameworks"),
    ("4.4", "4.4: subject knowledge and current issues"),
    ("4.5", "4.5: an open and creative learning culture"),
    ("4.6", "4.6: reflection"),
    ("4.7", "4.7: recording learning"),
    ("4.8", "4.8: values and ethics"),
    ("5", "5: acting safely, ethically and with integrity"),
    ("6", "6: ethical practice and raising concerns"),
)
STANDARD_CODES = tuple(code for code, _ in STANDARDS)
PIECES_NEEDED = 2
PEER_TEMPLATES = ("peer-reflection",)


def registration_year(day: date) -> tuple[date, date]:
    """(1 December, 30 November) of the registration year that ``day`` falls in."""
    start_year = day.year if day.month == 12 else day.year - 1
    return date(start_year, 12, 1), date(start_year + 1, 11, 30)


@dataclass(frozen=True)
class PieceView:
    piece: CpdPiece
    title: str


@dataclass(frozen=True)
class YearView:
    start: date
    end: date
    pieces: tuple[PieceView, ...]
    wording: str

    @property
    def peer_count(self) -> int:
        return sum(1 for p in self.pieces if p.piece.peer)


def year_wording(start: date, end: date, count: int, peer: int) -> str:
    """Calm words for the year so far: what is marked and what the minimum still needs."""
    span = f"This registration year runs from {format_date(start)} to {format_date(end)}."
    if count:
        have = f"You have {plural(count, 'piece')} of CPD marked, {peer} with peer reflection."
    else:
        have = "No pieces of CPD are marked yet."
    missing = max(0, PIECES_NEEDED - count)
    if missing and not peer:
        need = f"{plural(missing, 'more piece')}, at least one with peer reflection"
    elif missing:
        need = plural(missing, "more piece")
    elif not peer:
        need = "one piece that includes peer reflection"
    else:
        return f"{span} {have} That meets Social Work England's yearly minimum."
    return f"{span} {have} Before {format_date(end)} you'll want {need}."


class CpdService:
    def __init__(
        self,
        repo: CpdRepository,
        journal: JournalService,
        sessions: SessionService,
        clock: Clock,
        *,
        transaction: Transaction,
    ) -> None:
        self._transaction = transaction
        self._repo = repo
        self._journal = journal
        self._sessions = sessions
        self._clock = clock

    def _standards(self, standards: Sequence[str]) -> tuple[str, ...]:
        unknown = [s for s in standards if s not in STANDARD_CODES]
        if unknown:
            raise ValidationError(
                f"{unknown[0]} isn't one of the professional standards swreflect knows "
                f"({', '.join(STANDARD_CODES)}). Nothing was saved."
            )
        return tuple(s for s in STANDARD_CODES if s in standards)

    @atomic
    def tag_journal(
        self, entry_id: int, standards: Sequence[str], peer: bool | None = None
    ) -> CpdPiece:
        entry = self._journal.get(entry_id)
        if peer is None:
            peer = entry.content.template_id in PEER_TEMPLATES
        piece = CpdPiece(
            "journal", str(entry_id), entry.created_at.date(), self._standards(standards), peer
        )
        self._repo.save(piece, self._stamp())
        return piece

    @atomic
    def tag_session(self, session_id: str, standards: Sequence[str], peer: bool = True) -> CpdPiece:
        """A supervision session; a discussion with a supervisor counts as peer reflection
        unless you say otherwise."""
        session = self._sessions.get(session_id)
        if session.held_on is None or not session.is_held:
            raise ValidationError("Only a session that took place can be a piece of CPD.")
        piece = CpdPiece("session", session.id, session.held_on, self._standards(standards), peer)
        self._repo.save(piece, self._stamp())
        return piece

    @atomic
    def untag(self, item_type: str, item_id: str) -> None:
        self._repo.remove(item_type, [item_id])

    def piece(self, item_type: str, item_id: str) -> CpdPiece | None:
        return self._repo.get(item_type, item_id)

    def year(self, today: date | None = None) -> YearView:
        today = today or self._clock.now().date()
        start, end = registration_year(today)
        views = []
        for piece in self._repo.between(start, end):
            title = self._title(piece)
            if title is not None:
                views.append(PieceView(piece, title))
        peer = sum(1 for v in views if v.piece.peer)
        return YearView(start, end, tuple(views), year_wording(start, end, len(views), peer))

    def _title(self, piece: CpdPiece) -> str | None:
        """What to call a piece; None when its entry or session is gone (it then stops
        counting)."""
        try:
            if piece.item_type == "journal":
                entry = self._journal.get(int(piece.item_id))
                return None if entry.in_trash else (entry.title or "Untitled entry")
            session = self._sessions.get(piece.item_id)
        except (NotFoundError, ValueError):
            return None
        except SwreflectError:
            return None
        return "Debrief after a critical incident" if session.kind == "debrief" else "Supervision"

    def _stamp(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")
