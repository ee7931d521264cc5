"""The use-case services of an unlocked vault, built in one place.

``build_services`` is called by the composition roots (``app.py`` for the GUI, ``cli`` for
the command line, tests directly) once a vault is unlocked. Each feature adds its service as a
property here; widgets and commands receive this object and never construct backends
themselves.

Each service is built (and its modules imported) the first time it is asked for, so a command
line call that only lists journal entries never loads signing, PDF or Insights code, and an
unlock does not pay for pages the user has not opened. Wiring between services (the journal
telling backups about purged entries, sign-off following sessions) happens when the service
that needs it is built.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from swreflect.core.clock import Clock, SystemClock

if TYPE_CHECKING:
    from swreflect.core.actions import ActionService
    from swreflect.core.agreement_flow import SignOffService
    from swreflect.core.agreements import AgreementService
    from swreflect.core.backup_service import BackupService
    from swreflect.core.cpd_year import CpdService
    from swreflect.core.identity_service import IdentityService
    from swreflect.core.insights import InsightsService
    from swreflect.core.journal import JournalService
    from swreflect.core.people import PeopleService
    from swreflect.core.portability import PortabilityService
    from swreflect.core.prompt_library import PromptLibrary
    from swreflect.core.record_service import RecordService
    from swreflect.core.security import SecurityService
    from swreflect.core.sessions import SessionService
    from swreflect.core.settings import SettingsService
    from swreflect.core.unfinished_sessions import UnfinishedSessionService
    from swreflect.vault.kdf import KdfPolicy
    from swreflect.vault.settings_repo import SettingsRepository
    from swreflect.vault.signing_repo import SigningRepository
    from swreflect.vault.supervision import (
        ActionRepository,
        AgreementRepository,
        PeopleRepository,
        SessionRepository,
    )
    from swreflect.vault.vault import Vault


class Services:
    def __init__(self, vault: Vault, clock: Clock, kdf: KdfPolicy | None = None) -> None:
        self.vault = vault
        self.clock = clock
        self._kdf = kdf

    def close(self) -> None:
        """Lock the vault: close the database and wipe the key."""
        self.vault.lock()

    # ------------------------------------------------------------- repositories
    @cached_property
    def _settings_repo(self) -> SettingsRepository:
        from swreflect.vault.settings_repo import SettingsRepository

        return SettingsRepository(self.vault)

    @cached_property
    def _people_repo(self) -> PeopleRepository:
        from swreflect.vault.supervision import PeopleRepository

        return PeopleRepository(self.vault)

    @cached_property
    def _agreement_repo(self) -> AgreementRepository:
        from swreflect.vault.supervision import AgreementRepository

        return AgreementRepository(self.vault)

    @cached_property
    def _session_repo(self) -> SessionRepository:
        from swreflect.vault.supervision import SessionRepository

        return SessionRepository(self.vault)

    @cached_property
    def _action_repo(self) -> ActionRepository:
        from swreflect.vault.supervision import ActionRepository

        return ActionRepository(self.vault)

    @cached_property
    def _signing_repo(self) -> SigningRepository:
        from swreflect.vault.signing_repo import SigningRepository

        return SigningRepository(self.vault)

    # ------------------------------------------------------------- services
    @cached_property
    def settings(self) -> SettingsService:
        from swreflect.core.settings import SettingsService

        return SettingsService(self._settings_repo, transaction=self.vault.transaction)

    @cached_property
    def security(self) -> SecurityService:
        from swreflect.core.security import SecurityService

        return SecurityService(self.vault, self._kdf)

    @cached_property
    def journal(self) -> JournalService:
        from swreflect.core.journal_setup import build_journal
        from swreflect.vault.journal.entries import purge_entries_on

        journal = build_journal(self.vault, self.clock)

        def forget_in_backups(entry_ids: list[int]) -> None:
            self.backups.remove_from_backups(lambda conn: purge_entries_on(conn, entry_ids))

        journal.on_purged(forget_in_backups)
        journal.on_purged(self._forget_cpd_pieces)
        return journal

    def _forget_cpd_pieces(self, entry_ids: list[int]) -> None:
        """An entry deleted for good stops being a piece of CPD, whether or not the CPD
        service has been built yet (it is built lazily)."""
        from swreflect.vault.cpd_repo import CpdRepository

        with self.vault.transaction():
            CpdRepository(self.vault).remove("journal", [str(i) for i in entry_ids])

    @cached_property
    def people(self) -> PeopleService:
        from swreflect.core.people import PeopleService

        return PeopleService(self._people_repo, self.clock, transaction=self.vault.transaction)

    @cached_property
    def prompts(self) -> PromptLibrary:
        from swreflect.core.prompt_library import PromptLibrary
        from swreflect.paths import resource_path
        from swreflect.vault.supervision import PromptPackRepository

        return PromptLibrary(
            PromptPackRepository(self._settings_repo),
            resource_path("prompts"),
            transaction=self.vault.transaction,
        )

    @cached_property
    def agreements(self) -> AgreementService:
        from swreflect.core.agreements import AgreementService

        return AgreementService(
            self._agreement_repo,
            self._people_repo,
            self._session_repo,
            self.clock,
            transaction=self.vault.transaction,
        )

    @cached_property
    def unfinished_sessions(self) -> UnfinishedSessionService:
        from swreflect.core.unfinished_sessions import UnfinishedSessionService
        from swreflect.vault.supervision.unfinished_repo import UnfinishedSessionRepository

        return UnfinishedSessionService(UnfinishedSessionRepository(self.vault))

    @cached_property
    def sessions(self) -> SessionService:
        from swreflect.core.sessions import SessionService

        return SessionService(
            self._session_repo,
            self._action_repo,
            self._agreement_repo,
            self._people_repo,
            self.clock,
            self.prompts,
            transaction=self.vault.transaction,
        )

    @cached_property
    def actions(self) -> ActionService:
        from swreflect.core.actions import ActionService

        return ActionService(self._action_repo, self.clock, transaction=self.vault.transaction)

    @cached_property
    def identity(self) -> IdentityService:
        from swreflect.core.identity_service import IdentityService

        return IdentityService(self.vault, self._signing_repo, self._settings_repo, self.clock)

    @cached_property
    def signoff(self) -> SignOffService:
        from swreflect.core.agreement_flow import SignOffService
        from swreflect.core.signoff_sessions import link_sessions

        signoff = SignOffService(self.vault, self._signing_repo, self.identity, self.clock)
        link_sessions(signoff, self.sessions)
        return signoff

    @cached_property
    def insights(self) -> InsightsService:
        from swreflect.core.insights import InsightsService
        from swreflect.vault.insights_repo import CheckinRepository
        from swreflect.vault.record_ratings_repo import RecordRatingRepository

        return InsightsService(
            self.agreements,
            self.sessions,
            CheckinRepository(self.vault),
            self.journal.templates,
            self.clock,
            RecordRatingRepository(self.vault).received,
        )

    @cached_property
    def backups(self) -> BackupService:
        from swreflect.core.backup_service import BackupService

        return BackupService(self.vault, self.clock)

    @cached_property
    def records(self) -> RecordService:
        from swreflect.core.record_service import RecordService
        from swreflect.vault.record_ratings_repo import RecordRatingRepository

        return RecordService(
            self.sessions,
            self.signoff,
            self.journal,
            RecordRatingRepository(self.vault),
            self.clock,
            transaction=self.vault.transaction,
        )

    @cached_property
    def portability(self) -> PortabilityService:
        from swreflect.core.portability import PortabilityService

        return PortabilityService(self.vault, self.clock)

    @cached_property
    def cpd(self) -> CpdService:
        from swreflect.core.cpd_year import CpdService
        from swreflect.vault.cpd_repo import CpdRepository

        return CpdService(
            CpdRepository(self.vault),
            self.journal,
            self.sessions,
            self.clock,
            transaction=self.vault.transaction,
        )


def build_services(
    vault: Vault, clock: Clock | None = None, kdf: KdfPolicy | None = None
) -> Services:
    return Services(vault, clock or SystemClock(), kdf)
