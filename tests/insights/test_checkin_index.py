"""The wellbeing figures come from the covering index, never from the entries' rows."""

from __future__ import annotations

from swreflect.vault.insights_repo import CHECKIN_ROWS
from swreflect.vault.migrations.m0007_checkin_index import INDEX
from swreflect.vault.vault import Vault


def test_the_checkin_query_reads_only_the_covering_index(vault: Vault) -> None:
    plan = " ".join(
        str(row[-1])
        for row in vault.conn.execute(f"EXPLAIN QUERY PLAN {CHECKIN_ROWS}", ("2026-01-01",))
    )
    assert f"USING COVERING INDEX {INDEX}" in plan
    assert "TEMP B-TREE" not in plan  # no sort: the index is already in the page's order
