"""Linking sign-off to supervision sessions, both ways.

- Sign-off finds a session's shared record, the other person and the owner's role through
  ``SessionService.signoff_view``, so ``session request-agreement ID`` needs nothing else.
- Sessions follow sign-off: once a version is sent the session stops being editable; when it
  comes back with comments a new record version is opened for editing; once agreed (or
  acknowledged in the room) it stays closed for good. The session moves inside sign-off's own
  transaction (a status follower), so the record and its session change together or not at
  all.
"""

from __future__ import annotations

from typing import Any

from swreflect.core.agreement_flow import SignOffService
from swreflect.core.agreement_store import SessionForSignOff
from swreflect.models.vocab import SESSION_STATUS_FOR, AgreementStatus, SessionStatus


def link_sessions(signoff: SignOffService, sessions: Any) -> None:
    """Wire ``sessions`` (a ``SessionService``) into ``signoff``; called by ``build_services``."""

    def lookup(ref: str) -> SessionForSignOff:
        session = sessions.find(ref)
        record, person_id, my_role = sessions.signoff_view(session.id)
        return SessionForSignOff(record, str(person_id), str(my_role))

    def follow(record_id: str, version: int, status: str) -> None:
        for session in sessions.with_record(record_id, version):
            if status == AgreementStatus.RETURNED:
                sessions.new_record_version(session.id)
            elif status in SESSION_STATUS_FOR:
                sessions.set_status(session.id, SESSION_STATUS_FOR[status])

    signoff.session_lookup = lookup
    signoff.status_followers.append(follow)


READY_STATUSES = (SessionStatus.IN_SESSION, SessionStatus.SUMMARY_DRAFTED)


def sessions_ready_to_send(sessions: Any, agreements: Any) -> list[tuple[str, str]]:
    """(session id, a short label) for sessions whose record can go for agreement now:
    finished (held), and not already out or agreed. Newest first."""
    ready = []
    # Only these statuses are read: building every session of a career took seconds.
    for session in sessions.list(statuses=READY_STATUSES):
        if session.status not in READY_STATUSES or not session.is_held:
            continue  # only a finished session goes for agreement
        person = agreements.person_of(agreements.get(session.agreement_id))
        label = f"{session.held_on.isoformat()} with {person.display_name}"
        if session.record_version > 1:
            label += f" (version {session.record_version})"
        ready.append((session.held_on, session.id, label))
    ready.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [(sid, label) for _day, sid, label in ready]
