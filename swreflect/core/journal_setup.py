"""Building the journal service for an unlocked vault (used by ``build_services``).

Templates come from the bundled ``resources/templates`` and, if present, the organisation's own
folder: ``templates`` in the config folder, or ``SWREFLECT_TEMPLATES_DIR`` when set.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from swreflect.core.clock import Clock
from swreflect.core.journal import JournalRepositories, JournalService
from swreflect.paths import app_paths, resource_path
from swreflect.vault.journal import (
    DraftRepository,
    EntryRepository,
    MarkRepository,
    NeverRecordRepository,
    SearchRepository,
    SearchUpkeepRepository,
)
from swreflect.vault.vault import Vault

if TYPE_CHECKING:
    from swreflect.core.templates import TemplateLibrary

TEMPLATES_ENV = "SWREFLECT_TEMPLATES_DIR"


def template_folders() -> list[Path]:
    folders = [resource_path("templates"), app_paths().config_dir / "templates"]
    extra = os.environ.get(TEMPLATES_ENV)
    if extra:
        folders.append(Path(extra))
    return folders


def load_templates() -> TemplateLibrary:
    from swreflect.core.templates import load_library

    return load_library(template_folders())


def build_journal(vault: Vault, clock: Clock) -> JournalService:
    repos = JournalRepositories(
        entries=EntryRepository(vault),
        search=SearchRepository(vault),
        drafts=DraftRepository(vault),
        marks=MarkRepository(vault),
        never_record=NeverRecordRepository(vault),
        search_upkeep=SearchUpkeepRepository(vault),
    )
    # The templates are read when first asked for: listing or searching needs none of them.
    return JournalService(repos, vault.transaction, clock, load_templates)
