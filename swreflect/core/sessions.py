"""Running a supervision session: stages, agenda, notes, time, ratings, closing.

Every change is written straight to the vault (the GUI calls these within seconds of an edit),
so a session survives a crash or an auto-lock in the middle. Lifecycle owned here:
``draft`` -> ``in_session`` -> ``summary_drafted`` (or ``cancelled``); later steps belong to
sign-off, after which the session is read-only here.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from swreflect.core import session_checks as ok
from swreflect.core import session_record
from swreflect.core.bank_holidays import working_day_on_or_before
from swreflect.core.clock import Clock
from swreflect.core.prompt_library import PromptLibrary
from swreflect.core.record_guidance import default_visibility
from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.errors import NotFoundError, SessionClosedError, ValidationError
from swreflect.models.supervision import (
    ACTION_KINDS,
    CANCELLED_BY,
    CASE_DISCUSSION,
    CYCLE_FUNCTIONS,
    DEBRIEF_FOLLOW_UP_DAYS,
    KIND_STAGES,
    SESSION_KINDS,
    STAGE_KEYS,
    STAGES,
    Agreement,
    Note,
    Person,
    Rating,
    Session,
    StageSpec,
    StageState,
)
from swreflect.models.vocab import (
    ActionStatus,
    Role,
    SessionStatus,
    other_role,
)
from swreflect.vault.supervision import (
    ActionRepository,
    AgreementRepository,
    PeopleRepository,
    SessionRepository,
)


class SessionService:
    def __init__(
        self,
        repo: SessionRepository,
        actions: ActionRepository,
        agreements: AgreementRepository,
        people: PeopleRepository,
        clock: Clock,
        prompts: PromptLibrary | None = None,
        *,
        transaction: Transaction,
    ) -> None:
        self._transaction = transaction
        self._prompts = prompts
        self._repo = repo
        self._actions = actions
        self._agreements = agreements
        self._people = people
        self._clock = clock

    def _stamp(self) -> str:
        return self._clock.now().isoformat(timespec="seconds")

    # ------------------------------------------------------------------ lifecycle
    @atomic
    def create(
        self,
        agreement_id: str,
        stages: Sequence[StageSpec] | None = None,
        pack: tuple[str, int] = ("", 0),
        kind: str = "regular",
    ) -> Session:
        """A draft session; the agreement's open actions are carried into it now. Without
        explicit stages, the active prompt pack's stages for this kind of session are used and
        the pack is remembered. ``kind`` is ``regular`` or ``debrief`` (after an incident)."""
        if self._agreements.get(agreement_id) is None:
            raise NotFoundError("That agreement wasn't found. Nothing was saved.")
        if kind not in SESSION_KINDS:
            raise ValidationError("A session is either regular or a debrief. Nothing was saved.")
        if stages is None and self._prompts is not None:
            active = self._prompts.active()
            stages, pack = active.stage_specs(kind), (active.id, active.version)
        specs = list(stages or [s for s in STAGES if s.key in KIND_STAGES[kind]])
        if [s.key for s in specs if s.key not in STAGE_KEYS]:
            raise ValidationError("A session stage isn't one swreflect knows.")
        states = [StageState(s.key, s.title, i, False, 0, s.function) for i, s in enumerate(specs)]
        session_id = self._repo.create(
            agreement_id,
            SessionStatus.DRAFT,
            states,
            self._stamp(),
            pack,
            carry=self.actions_to_carry(agreement_id),
            kind=kind,
        )
        return self.get(session_id)

    def actions_to_carry(self, agreement_id: str) -> list[str]:
        """The rule for a new session: every action of the agreement that is still open and
        hasn't already moved on to a later session comes along (a chain can be any length)."""
        return [a.id for a in self._actions.list_current(agreement_id, status=ActionStatus.OPEN)]

    @atomic
    def start(
        self,
        agreement_id: str,
        stages: Sequence[StageSpec] | None = None,
        pack: tuple[str, int] = ("", 0),
        kind: str = "regular",
    ) -> Session:
        """Create and begin in one step (what the CLI and the runner's Start button do)."""
        return self.begin(self.create(agreement_id, stages, pack, kind).id)

    @atomic
    def begin(self, session_id: str, held_on: date | None = None) -> Session:
        """Open the session. A debrief also books its follow-up check-in a week or two on."""
        session = self._editable(session_id)
        when = held_on or session.held_on or self._clock.now().date()
        status = (
            SessionStatus.IN_SESSION if session.status == SessionStatus.DRAFT else session.status
        )
        fields: dict[str, Any] = {"status": status, "held_on": when}
        if session.kind == "debrief" and session.follow_up_on is None:
            follow = when + timedelta(days=DEBRIEF_FOLLOW_UP_DAYS)
            fields["follow_up_on"] = working_day_on_or_before(follow)
        self._repo.update_fields(session_id, self._stamp(), **fields)
        return self.get(session_id)

    @atomic
    def cancel(
        self, session_id: str, by: str | None = None, reason: str = "", on: date | None = None
    ) -> Session:
        """Mark a session as not held: it never counts towards what is due. Who cancelled and
        why are kept (both optional), so repeated cancellations can be evidenced; ``on`` is
        the day it would have taken place, if known."""
        session = self._editable(session_id)
        if by is not None and by not in CANCELLED_BY:
            raise ValidationError("A session is cancelled by the supervisor or the supervisee.")
        reason = " ".join(reason.split())
        if len(reason) > 500:
            raise ValidationError("Please keep the reason short. Nothing was saved.")
        self._repo.update_fields(
            session_id,
            self._stamp(),
            status=SessionStatus.CANCELLED,
            cancelled_by=by,
            cancel_reason=reason,
            held_on=on or session.held_on,
        )
        return self.get(session_id)

    @atomic
    def set_follow_up(self, session_id: str, day: date | None) -> None:
        self._editable(session_id)
        self._repo.update_fields(session_id, self._stamp(), follow_up_on=day)

    @atomic
    def finish(self, session_id: str) -> Session:
        """The end screen's "Finish session": from now on it counts as held (met)."""
        session = self._editable(session_id)
        when = session.held_on or self._clock.now().date()
        status = (
            SessionStatus.IN_SESSION if session.status == SessionStatus.DRAFT else session.status
        )
        self._repo.update_fields(
            session_id, self._stamp(), finished_at=self._stamp(), held_on=when, status=status
        )
        return self.get(session_id)

    @atomic
    def discard(self, session_id: str) -> None:
        """Remove a session nothing has been written in (started by mistake). One with notes,
        agenda, ratings or actions is kept: it can be cancelled instead, never silently lost."""
        session = self._editable(session_id)
        if session.has_content():
            raise ValidationError(
                "Something has been written in this session, so it can't be discarded. "
                "Nothing was changed."
            )
        self._repo.delete(session_id)

    def get(self, session_id: str) -> Session:
        session = self._repo.get(session_id)
        if session is None:
            raise NotFoundError("That session wasn't found.")
        return session

    def find(self, id_or_prefix: str) -> Session:
        from swreflect.core.id_prefix import pick

        wanted = id_or_prefix.strip()
        # At most two candidates, found through the primary key rather than by loading
        # every session: enough to tell one match from an ambiguous prefix.
        candidates = self._repo.ids_starting(wanted) if wanted else []
        return self.get(pick(candidates, id_or_prefix, lambda sid: sid, "session"))

    def list(self, agreement_id: str | None = None, statuses: Sequence[str] = ()) -> list[Session]:
        """Sessions (of one agreement), all or only those in ``statuses`` (chosen in SQL)."""
        return self._repo.list(agreement_id, statuses)

    def list_overview(self, agreement_id: str) -> builtins.list[Session]:
        """An agreement's sessions with times and ratings but no notes, actions or decisions
        (for Insights); much cheaper than ``list`` on a long history."""
        return self._repo.list_overview(agreement_id)

    def insight_overview(
        self, agreement_id: str, since: date, today: date, latest: int
    ) -> builtins.list[Session]:
        """Like ``list_overview``, but only the held sessions Insights looks at: those held
        from ``since`` to ``today``, and the ``latest`` held and ``latest`` rated ones up to
        ``today`` (a career's agreement has hundreds of sessions; the page needs a handful)."""
        return self._repo.list_overview(agreement_id, held_window=(since, today, latest))

    def with_record(self, record_id: str, version: int) -> builtins.list[Session]:
        """The sessions whose shared record is this version (found by index, not by listing)."""
        return [self.get(sid) for sid in self._repo.ids_for_record(record_id, version)]

    @atomic
    def set_status(self, session_id: str, status: str) -> None:
        """For sign-off: move a session past the steps owned here (no checks on the name)."""
        self.get(session_id)
        self._repo.update_fields(session_id, self._stamp(), status=status)

    def _editable(self, session_id: str) -> Session:
        session = self.get(session_id)
        if not session.is_editable:
            raise SessionClosedError()
        return session

    # ------------------------------------------------------------------ stages and time
    @atomic
    def reorder_stages(self, session_id: str, keys: Sequence[str]) -> Session:
        session = self._editable(session_id)
        if sorted(keys) != sorted(s.key for s in session.stages):
            raise ValidationError("The new order must list each stage of the session once.")
        self._repo.set_stage_order(session_id, keys)
        return self.get(session_id)

    @atomic
    def skip_stage(self, session_id: str, key: str, skipped: bool = True) -> None:
        self._stage(session_id, key)
        self._repo.update_stage(session_id, key, skipped=int(skipped))

    @atomic
    def set_stage_function(self, session_id: str, key: str, function: str) -> None:
        self._stage(session_id, key)
        self._repo.update_stage(session_id, key, function=ok.function(function))

    @atomic
    def add_time(
        self,
        session_id: str,
        stage_key: str,
        seconds: int,
        agenda_item_id: str | None = None,
        cycle: str = "",
    ) -> None:
        """Add measured time (from the injected clock's monotonic readings) to a stage/item;
        for an agenda item, ``cycle`` names the step of the 4x4x4 cycle it was spent in."""
        if seconds <= 0:
            return
        if cycle and cycle not in CYCLE_FUNCTIONS:
            raise ValidationError("That step of the reflective cycle isn't known.")
        self._stage(session_id, stage_key)
        self._repo.add_time(session_id, stage_key, agenda_item_id, int(seconds), cycle)

    @atomic
    def include_minutes(self, session_id: str, role: str, include: bool = True) -> Session:
        """One person's say on putting the minutes-per-function table in the shared record;
        it goes in only when both the supervisor and the supervisee have said yes."""
        session = self._editable(session_id)
        if role not in tuple(Role):
            raise ValidationError("Only the supervisor or the supervisee can decide this.")
        bit = 1 if role == "supervisor" else 2
        value = session.minutes_in_record | bit if include else session.minutes_in_record & ~bit
        self._repo.update_fields(session_id, self._stamp(), minutes_in_record=value)
        return self.get(session_id)

    def _stage(self, session_id: str, key: str) -> StageState:
        try:
            return self._editable(session_id).stage(key)
        except KeyError as exc:
            raise NotFoundError("That stage isn't part of this session.") from exc

    # ------------------------------------------------------------------ agenda
    @atomic
    def add_agenda_item(
        self,
        session_id: str,
        title: str,
        *,
        source: str = "topic",
        excerpt: str = "",
        function: str = CASE_DISCUSSION,
        action_id: str | None = None,
    ) -> str:
        """A typed topic, an excerpt the supervisee chose to share (typed or pasted; never read
        from their vault), or a carried action. It starts as a neutral case discussion whose
        time is split by the step of the cycle; either person can name one function instead."""
        self._editable(session_id)
        title = ok.agenda_title(title, source)
        return self._repo.add_agenda_item(
            session_id,
            title,
            source,
            excerpt,
            ok.function(function, agenda=True),
            action_id,
        )

    @atomic
    def update_agenda_item(self, session_id: str, item_id: str, **fields: Any) -> None:
        self._editable(session_id)
        if "function" in fields:
            ok.function(fields["function"], agenda=True)
        self._repo.update_agenda_item(session_id, item_id, **fields)

    @atomic
    def remove_agenda_item(self, session_id: str, item_id: str) -> None:
        self._editable(session_id)
        self._repo.remove_agenda_item(session_id, item_id)

    # ------------------------------------------------------------------ notes
    @atomic
    def add_note(
        self,
        session_id: str,
        stage_key: str,
        text: str,
        *,
        visibility: str | None = None,
        prompt_id: str = "",
        prompt_text: str = "",
        agenda_item_id: str | None = None,
    ) -> str:
        """Store a note with the exact prompt text it answered (editing a pack never changes
        history). ``private`` notes are the note-taker's own and never leave this vault.
        Without a visibility, notes are shared, except in stages that are private by default
        (learning, identity and a debrief's)."""
        self._stage(session_id, stage_key)
        if visibility is None:
            visibility = default_visibility(stage_key)
        ok.visibility(visibility)
        ok.note_text(text)
        note = Note("", stage_key, agenda_item_id, prompt_id, prompt_text, text, visibility, 0)
        return self._repo.add_note(session_id, note, self._stamp())

    default_visibility = staticmethod(default_visibility)

    @atomic
    def update_note(
        self,
        session_id: str,
        note_id: str,
        *,
        text: str | None = None,
        visibility: str | None = None,
    ) -> None:
        self._editable(session_id)
        fields: dict[str, str] = {}
        if text is not None:
            fields["text"] = ok.note_text(text)
        if visibility is not None:
            fields["visibility"] = ok.visibility(visibility)
        if fields and not self._repo.update_note(session_id, note_id, self._stamp(), **fields):
            raise NotFoundError("That note wasn't found. Nothing was changed.")

    @atomic
    def delete_note(self, session_id: str, note_id: str) -> None:
        self._editable(session_id)
        self._repo.delete_note(session_id, note_id)

    # ------------------------------------------------------------------ ratings, actions, closing
    @atomic
    def rate(
        self,
        session_id: str,
        rater: str | None,
        support: int,
        challenge: int,
        *,
        include_in_record: bool = False,
    ) -> None:
        """A rating is its giver's own: kept in this vault and out of the shared record unless
        ``include_in_record`` (their explicit choice). ``rater`` None means the vault owner."""
        self._editable(session_id)
        if rater is None:
            rater = self.my_role(session_id)
        rating = ok.rating(Rating(rater, int(support), int(challenge), bool(include_in_record)))
        self._repo.set_rating(session_id, rating)

    def my_role(self, session_id: str) -> str:
        """The vault owner's role in a session: the opposite of the other person's."""
        _agreement, person = self._parties(self.get(session_id))
        return other_role(person.role)

    @atomic
    def add_action(
        self,
        session_id: str,
        description: str,
        owner: str,
        due: date | None = None,
        kind: str = "action",
    ) -> str:
        """An agreed action; ``raise_with_organisation`` marks one that takes something to the
        organisation (a disclosure, a workload problem) so its follow-up is tracked too."""
        session = self._editable(session_id)
        description = description.strip()
        if not description:
            raise ValidationError("Please describe the action. Nothing was saved.")
        if owner not in tuple(Role):
            raise ValidationError("An action belongs to the supervisor or the supervisee.")
        if kind not in ACTION_KINDS:
            raise ValidationError("An action is either an action or something to raise.")
        return self._actions.add(
            session_id, session.agreement_id, description, owner, due, self._stamp(), kind
        )

    @atomic
    def set_case_file_decisions(self, session_id: str, decisions: Sequence[str]) -> None:
        self._editable(session_id)
        cleaned = [d.strip() for d in decisions if d.strip()]
        self._repo.set_case_file_decisions(session_id, cleaned)

    @atomic
    def set_duration(self, session_id: str, minutes: int | None) -> None:
        self._editable(session_id)
        if minutes is not None and not 0 <= minutes <= 600:
            raise ValidationError("The session length should be between 0 and 600 minutes.")
        self._repo.update_fields(session_id, self._stamp(), duration_minutes=minutes)

    @atomic
    def draft_summary(self, session_id: str) -> str:
        """Finish the session (``finish``: it counts as held), mark the summary drafted and
        store a short outline to edit if there is no summary yet (never a copy of the notes)."""
        self.finish(session_id)
        session = self.get(session_id)
        fields: dict[str, Any] = {"status": SessionStatus.SUMMARY_DRAFTED}
        text = session.summary or ""
        if not text.strip():
            text = session_record.assemble_summary(session)
            fields["summary"] = text
        self._repo.update_fields(session_id, self._stamp(), **fields)
        return text

    @atomic
    def set_summary(self, session_id: str, text: str) -> None:
        self._editable(session_id)
        self._repo.update_fields(session_id, self._stamp(), summary=ok.note_text(text, "summary"))

    # ------------------------------------------------------------------ the shared record
    def signoff_view(self, session_id: str) -> tuple[dict[str, Any], str, str]:
        """(record, the other person's id, my role): what sign-off needs to send a session's
        record for agreement. My role is the opposite of the other person's."""
        session = self.get(session_id)
        agreement, person = self._parties(session)
        record = session_record.record_content(session, agreement, person)
        return record, person.id, other_role(person.role)

    def _parties(self, session: Session) -> tuple[Agreement, Person]:
        """The session's agreement and the other person in it (both must still exist)."""
        agreement = self._agreements.get(session.agreement_id)
        if agreement is None:
            raise NotFoundError("The agreement for this session wasn't found.")
        person = self._people.get(agreement.person_id)
        if person is None:
            raise NotFoundError("The person in this session's agreement wasn't found.")
        return agreement, person

    @atomic
    def new_record_version(self, session_id: str) -> int:
        """Start a revised version of the record (after it came back with comments): the
        version number goes up by one and the session can be edited again."""
        session = self.get(session_id)
        version = session.record_version + 1
        self._repo.update_fields(
            session_id, self._stamp(), record_version=version, status=SessionStatus.SUMMARY_DRAFTED
        )
        return version

    def record_content(self, session_id: str) -> dict[str, Any]:
        """The shared record (see ``session_record``): never any private note."""
        session = self.get(session_id)
        return session_record.record_content(session, *self._parties(session))
