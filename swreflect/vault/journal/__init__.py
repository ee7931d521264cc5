"""Journal storage: SQL for entries, revisions, search, drafts, marks and the never-record list.

The schema and its search triggers are described in ``migrations/m0002_journal.py`` and
``migrations/m0010_search_versions.py``.
"""

from swreflect.vault.journal.entries import EntryRepository
from swreflect.vault.journal.extras import DraftRepository, MarkRepository, NeverRecordRepository
from swreflect.vault.journal.search import SearchRepository
from swreflect.vault.journal.search_upkeep import SearchUpkeepRepository

__all__ = [
    "DraftRepository",
    "EntryRepository",
    "MarkRepository",
    "NeverRecordRepository",
    "SearchRepository",
    "SearchUpkeepRepository",
]
