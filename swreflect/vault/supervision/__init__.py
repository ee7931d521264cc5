"""Repositories for people, agreements, sessions and actions: the only SQL for supervision.

Every write runs inside the calling service's ``vault.transaction()`` (the service owns it;
``Vault.writer()`` refuses a write outside one), so a failure never leaves a half-written
session; reads use the open connection. Values are always bound parameters; the only text
built into SQL is fixed column lists and field names checked against a whitelist (hence the
``noqa: S608`` marks). Table layout: see ``migrations/m0003_supervision.py``.
"""

from swreflect.vault.supervision.actions_repo import ActionRepository
from swreflect.vault.supervision.agreements_repo import AgreementRepository
from swreflect.vault.supervision.packs_repo import PromptPackRepository
from swreflect.vault.supervision.people_repo import PeopleRepository
from swreflect.vault.supervision.sessions_repo import SessionRepository

__all__ = [
    "ActionRepository",
    "AgreementRepository",
    "PeopleRepository",
    "PromptPackRepository",
    "SessionRepository",
]
