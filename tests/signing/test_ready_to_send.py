"""The Agreements page offers the held sessions whose record can go for agreement; it reads
only sessions in those statuses rather than building every session of a career."""

from __future__ import annotations

from datetime import date

import pytest

from swreflect.core.services import Services
from swreflect.core.signoff_sessions import READY_STATUSES, sessions_ready_to_send
from swreflect.models.vocab import SessionStatus
from swreflect.vault.supervision.sessions_repo import SessionRepository


def test_only_the_sessions_ready_to_send_are_read(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = services.people.add("Sam Okafor", "supervisee")
    agreement = services.agreements.add(person.id, "Jo", start_date=date(2025, 1, 6)).id
    finished = []
    for day in range(1, 13):
        session = services.sessions.create(agreement)
        services.sessions.begin(session.id, held_on=date(2025, 2, day))
        if day % 3:
            services.sessions.finish(session.id)
            finished.append(session.id)
    for session_id in finished[:5]:  # already out for agreement or agreed
        services.sessions.set_status(session_id, SessionStatus.AGREED)
    every = services.sessions.list()
    expected = [
        s.id
        for s in sorted(every, key=lambda s: (s.held_on, s.id), reverse=True)
        if s.status in READY_STATUSES and s.is_held
    ]
    assert len(expected) == len(finished) - 5

    built: list[object] = []
    original = SessionRepository._build

    def counting(self: SessionRepository, row: tuple[object, ...]) -> object:
        built.append(row[0])
        return original(self, row)

    monkeypatch.setattr(SessionRepository, "_build", counting)
    ready = sessions_ready_to_send(services.sessions, services.agreements)
    assert [sid for sid, _label in ready] == expected
    assert ready[0][1].endswith("with Sam Okafor")
    # The agreed ones are never built; the unfinished ones are (they share the status).
    assert len(built) == len(every) - 5
