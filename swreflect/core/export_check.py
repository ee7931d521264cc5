"""The de-identification check before the whole-vault JSON export.

The JSON export is the person's own copy of everything, written as plain text to a place they
choose, so anything identifying in it leaves the vault's protection. Like every other export
(PDF, text, Markdown, CPD), it is checked once more first: every free-text column of the
document, and the text of every agreed record, goes through the same finder the writing screens
use. The person sees what was found and goes on knowingly; nothing is ever blocked.

Only free-text columns are read: identifiers, timestamps, keys and fingerprints are left out, so
a key's digits are never mistaken for a phone number. The never-record list itself is skipped:
it holds the very names it protects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from swreflect.core.record_service import Spotted, record_texts, spotted_in
from swreflect.signing.records import SignedRecord

# Columns that hold what people wrote (see the migrations); everything else is structure.
TEXT_COLUMNS = frozenset(
    {
        "title",
        "body",
        "text",
        "summary",
        "description",
        "excerpt",
        "content",
        "answers",
        "disagreement",
        "cancel_reason",
        "entry_json",
        "confidentiality",
    }
)
SKIPPED_TABLES = frozenset({"journal_never_record", "settings", "meta", "journal_fts"})
PLACES = {
    "journal_entries": "Journal entry",
    "journal_revisions": "Earlier version of a journal entry",
    "journal_drafts": "Journal draft",
    "journal_marks": "Journal excerpt",
    "session_notes": "Session note",
    "sessions": "Session summary",
    "agenda_items": "Agenda item",
    "actions": "Action",
    "case_file_decisions": "Case-file decision",
    "agreement_notes": "Comment on a record",
    "agreements": "Agreement",
    "cpd_pieces": "CPD piece",
}


def document_texts(document: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(where, text) for every free-text value in an export document's tables."""
    texts: list[tuple[str, str]] = []
    tables = document.get("tables", {})
    for table, rows in sorted(tables.items()):
        if table in SKIPPED_TABLES:
            continue
        place = PLACES.get(table, table.replace("_", " ").capitalize())
        for row in rows:
            for column, value in sorted(row.items()):
                if column in TEXT_COLUMNS and isinstance(value, str) and value:
                    texts.append((place, value))
    return texts


def identifiers_in_export(
    document: Mapping[str, Any], agreed: Iterable[SignedRecord], names: Iterable[str]
) -> list[Spotted]:
    """What looks identifying in a JSON export: its free text and its agreed records."""
    names = list(names)
    texts = document_texts(document)
    for signed in agreed:
        texts += record_texts(signed)
    return spotted_in(texts, names)
