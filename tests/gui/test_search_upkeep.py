"""Idle-time search index upkeep runs only while nobody types or clicks, on a worker with a
connection of its own, and catches up once they stop (see ``gui.search_upkeep``)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QLineEdit

from swreflect.core.index_upkeep import tidy_apart
from swreflect.core.services import Services
from swreflect.gui import search_upkeep
from swreflect.gui.search_upkeep import SearchTidy
from swreflect.models.journal import EntryContent


def test_upkeep_waits_while_someone_types_then_catches_up(
    services: Services, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_upkeep, "TICK_MS", 40)
    monkeypatch.setattr(search_upkeep, "IDLE_MS", 400)
    j = services.journal
    entry = j.create(EntryContent(title="Kettle", body="apples and pears"))
    for word in ("bananas", "cherries"):
        j.update(entry.id, entry.content.with_(body=word))
    assert j.tidy_search_index(0) == 2
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    threads: list[int] = []

    def tidy_and_note_thread() -> int:
        threads.append(threading.get_ident())
        return tidy_apart(services.vault)

    tidy = SearchTidy(tidy_and_note_thread, services.vault)
    typing_until = time.monotonic() + 1.2
    while time.monotonic() < typing_until:  # a key every 100 ms: never idle for 400 ms
        qtbot.keyClick(field, "a")
        qtbot.wait(100)
    assert tidy.slices_ms == []
    assert j.tidy_search_index(0) == 2
    qtbot.waitUntil(lambda: j.tidy_search_index(0) == 0, timeout=5000)
    qtbot.waitUntil(lambda: not tidy.runner.busy and len(tidy.slices_ms) >= 2, timeout=5000)
    assert threads and threading.get_ident() not in threads  # never on the UI thread
    assert [h.id for h in j.search("cherries")] == [entry.id]
    tidy.stop()


def test_the_unlocked_shell_runs_the_upkeep(qtbot, make_shell, existing_vault, vault_dir) -> None:
    from tests.conftest import TEST_PASSPHRASE
    from tests.gui.conftest import unlock_through_ui

    shell = make_shell(vault_dir)
    unlock_through_ui(qtbot, shell, TEST_PASSPHRASE)
    found = shell.main_window.findChildren(SearchTidy)
    assert len(found) == 1 and found[0].timer.isActive()
