"""Unlocking builds only Home; nothing reads the journal, the sessions or the index until the
page that needs them is opened (issue 16: unlock to Home painted at a career's scale)."""

from __future__ import annotations

from typing import Any

import pytest

from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.gui.conftest import unlock_through_ui

BIG_TABLES = ("journal_entries", "journal_fts", "sessions", "session_notes", "signing_")


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement run on the UI thread's connection from the moment it is adopted."""
    seen: list[str] = []
    adopt = Vault.adopt

    def adopt_and_trace(self: Vault) -> None:
        adopt(self)
        self.conn.set_trace_callback(seen.append)

    monkeypatch.setattr(Vault, "adopt", adopt_and_trace)
    return seen


def test_unlock_builds_home_only_and_reads_no_history(
    qtbot, make_shell, existing_vault, vault_dir, statements: list[str]
) -> None:
    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    window: Any = shell.main_window
    assert [p.accessibleName() for p in window.pages.built()] == ["Home"]
    assert statements, "the trace saw nothing: the check below would prove nothing"
    history = [s for s in statements if any(t in s for t in BIG_TABLES)]
    assert history == []

    window.show_page("journal")
    assert window.pages.is_built("journal")
    assert window.current_page() is window.pages["journal"]
    assert any("journal_entries" in s for s in statements)  # the page reads when shown
