"""Schema version 7: an index that answers the wellbeing figures without reading any entry.

Insights draws the wellbeing trend from each live entry's date, template and check-in values.
Those columns come after the entry's text in the row, so reading them meant reading and
decrypting every entry (seconds at 100,000 entries). This covering index holds only them,
about forty bytes an entry, in the order the page reads them; it holds nothing the table does
not.
"""

from __future__ import annotations

from typing import Any

PROGRESS_TEXT = "Indexing your check-ins for Insights (a few seconds on a large journal)."
INDEX = "journal_entries_checkins"


def upgrade(conn: Any) -> None:
    conn.execute(
        f"CREATE INDEX {INDEX} ON journal_entries "
        "(deleted_at, created_at, id, template_id, energy, stress, workload)"
    )
