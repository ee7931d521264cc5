"""Supervision sessions begun and not finished, which Home offers to carry on with.

Why a service of its own: ``SessionService`` is at its size limit, and Home asks only this one
cheap question (one indexed query, see ``vault/supervision/unfinished_repo.py``), from the
worker that gathers Home's figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from swreflect.models.supervision import SessionInProgress

if TYPE_CHECKING:
    from swreflect.vault.supervision.unfinished_repo import UnfinishedSessionRepository


class UnfinishedSessionService:
    def __init__(self, repo: UnfinishedSessionRepository) -> None:
        self._repo = repo

    def newest(self, limit: int) -> list[SessionInProgress]:
        """At most ``limit`` sessions begun and not finished, the most recently changed first."""
        return self._repo.newest(limit)
