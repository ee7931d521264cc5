"""Journal storage: SQL for entries, revisions, search, drafts, marks and the never-record list.

The schema and its search triggers are described in ``migrations/m0002_journal.py``.
"""

from swreflect.vault.journal.entries import EntryRepository
from swreflect.vault.journal.extras import DraftRepository, MarkRepository, NeverRecordRepository
from swreflect.vault.journal.search import SearchRepository

__all__ = [
    "DraftRepository",
    "EntryRepository",
    "MarkRepository",
    "NeverRecordRepository",
    "SearchRepository",
]
