"""Agreed actions across every agreement: listing with filters and marking them done.

Only "current" actions are listed (an action carried into a later session is represented by
its newest copy), so an action carried twice still appears once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from swreflect.core.clock import Clock
from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.errors import NotFoundError, ValidationError
from swreflect.models.supervision import Action
from swreflect.models.vocab import ActionStatus, Role
from swreflect.vault.supervision import ActionRepository


@dataclass(frozen=True)
class ActionFilter:
    agreement_id: str | None = None
    owner: str | None = None
    status: str | None = ActionStatus.OPEN
    due_by: date | None = None


class ActionService:
    def __init__(self, repo: ActionRepository, clock: Clock, *, transaction: Transaction) -> None:
        self._transaction = transaction
        self._repo = repo
        self._clock = clock

    def list(self, filters: ActionFilter | None = None) -> list[Action]:
        f = filters or ActionFilter()
        actions = self._repo.list_current(f.agreement_id, f.status)
        if f.owner:
            actions = [a for a in actions if a.owner == f.owner]
        if f.due_by:
            actions = [a for a in actions if a.due is not None and a.due <= f.due_by]
        return actions

    def open_count(self) -> int:
        return len(self._repo.list_current(status=ActionStatus.OPEN))

    def is_late(self, action: Action) -> bool:
        return (
            action.status == ActionStatus.OPEN
            and action.due is not None
            and action.due < self._clock.now().date()
        )

    def current(self, action_id: str) -> Action:
        """The newest copy of an action, following carry-overs forward."""
        action = self._repo.get(action_id)
        if action is None:
            raise NotFoundError("That action wasn't found.")
        seen = {action.id}
        while action.carried_to:
            nxt = self._repo.get(action.carried_to)
            if nxt is None or nxt.id in seen:
                break
            seen.add(nxt.id)
            action = nxt
        return action

    def find(self, id_or_prefix: str) -> Action:
        wanted = id_or_prefix.strip()
        from swreflect.core.id_prefix import MIN_ID_PREFIX, too_short

        if len(wanted) < MIN_ID_PREFIX:
            raise too_short("action")
        matches = [a for a in self._repo.list_current() if a.id.startswith(wanted)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise ValidationError("More than one action matches that id; give more of it.")
        return self.current(wanted)

    @atomic
    def set_done(self, action_id: str, done: bool = True) -> Action:
        action = self.current(action_id)
        stamp = self._clock.now().isoformat(timespec="seconds") if done else None
        self._repo.set_status(action.id, ActionStatus.DONE if done else ActionStatus.OPEN, stamp)
        return self.current(action.id)

    @atomic
    def update(self, action_id: str, description: str, owner: str, due: date | None) -> None:
        if not description.strip():
            raise ValidationError("Please describe the action. Nothing was saved.")
        if owner not in tuple(Role):
            raise ValidationError("An action belongs to the supervisor or the supervisee.")
        if not self._repo.update(action_id, description.strip(), owner, due):
            raise NotFoundError("That action wasn't found. Nothing was changed.")

    @atomic
    def delete(self, action_id: str) -> None:
        self._repo.delete(action_id)
