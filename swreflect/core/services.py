"""The use-case services of an unlocked vault, built in one place.

``build_services`` is called by the composition roots (``app.py`` for the GUI, ``cli`` for
the command line, tests directly) once a vault is unlocked. Each feature adds its service as a
field here; widgets and commands receive this object and never construct backends themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from swreflect.core.actions import ActionService
from swreflect.core.agreement_flow import SignOffService
from swreflect.core.agreements import AgreementService
from swreflect.core.backup_service import BackupService
from swreflect.core.clock import Clock, SystemClock
from swreflect.core.identity_service import IdentityService
from swreflect.core.insights import InsightsService
from swreflect.core.journal import JournalService
from swreflect.core.journal_setup import build_journal
from swreflect.core.people import PeopleService
from swreflect.core.portability import PortabilityService
from swreflect.core.prompt_library import PromptLibrary
from swreflect.core.record_service import RecordService
from swreflect.core.security import SecurityService
from swreflect.core.sessions import SessionService
from swreflect.core.settings import SettingsService
from swreflect.core.signoff_sessions import link_sessions
from swreflect.paths import resource_path
from swreflect.vault.insights_repo import CheckinRepository
from swreflect.vault.journal.entries import purge_entries_on
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.record_ratings_repo import RecordRatingRepository
from swreflect.vault.settings_repo import SettingsRepository
from swreflect.vault.signing_repo import SigningRepository
from swreflect.vault.supervision import (
    ActionRepository,
    AgreementRepository,
    PeopleRepository,
    PromptPackRepository,
    SessionRepository,
)
from swreflect.vault.vault import Vault


@dataclass
class Services:
    vault: Vault
    clock: Clock
    identity: IdentityService
    signoff: SignOffService
    settings: SettingsService
    security: SecurityService
    journal: JournalService
    people: PeopleService
    agreements: AgreementService
    sessions: SessionService
    actions: ActionService
    prompts: PromptLibrary
    insights: InsightsService
    backups: BackupService
    portability: PortabilityService
    records: RecordService

    def close(self) -> None:
        """Lock the vault: close the database and wipe the key."""
        self.vault.lock()


def build_services(
    vault: Vault, clock: Clock | None = None, kdf: KdfPolicy | None = None
) -> Services:
    clock = clock or SystemClock()
    settings_repo = SettingsRepository(vault)
    people_repo = PeopleRepository(vault)
    agreement_repo = AgreementRepository(vault)
    session_repo = SessionRepository(vault)
    action_repo = ActionRepository(vault)
    prompts = PromptLibrary(PromptPackRepository(settings_repo), resource_path("prompts"))
    journal = build_journal(vault, clock)
    agreements = AgreementService(agreement_repo, people_repo, session_repo, clock)
    sessions = SessionService(
        session_repo, action_repo, agreement_repo, people_repo, clock, prompts
    )
    signing_repo = SigningRepository(vault)
    identity = IdentityService(vault, signing_repo, settings_repo, clock)
    signoff = SignOffService(vault, signing_repo, identity, clock)
    link_sessions(signoff, sessions)
    backup_service = BackupService(vault, clock)

    def forget_in_backups(entry_ids: list[int]) -> None:
        backup_service.remove_from_backups(lambda conn: purge_entries_on(conn, entry_ids))

    journal.on_purged(forget_in_backups)
    return Services(
        vault=vault,
        clock=clock,
        identity=identity,
        signoff=signoff,
        settings=SettingsService(settings_repo),
        security=SecurityService(vault, kdf),
        journal=journal,
        people=PeopleService(people_repo, clock),
        agreements=agreements,
        sessions=sessions,
        actions=ActionService(action_repo, clock),
        prompts=prompts,
        insights=InsightsService(
            agreements, sessions, CheckinRepository(vault), journal.templates, clock
        ),
        backups=backup_service,
        portability=PortabilityService(vault, clock),
        records=RecordService(sessions, signoff, journal, RecordRatingRepository(vault), clock),
    )
