"""The search runner on its own: results arrive from a worker, only the newest query counts."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from swreflect.errors import JournalInputError
from swreflect.gui.journal.search_worker import SearchRunner


def test_only_the_newest_query_is_delivered(qtbot: QtBot) -> None:
    runner = SearchRunner()
    release = threading.Event()
    delivered: list[object] = []
    runner.results_ready.connect(lambda result: delivered.append(result[0]))

    def slow(offset: int, limit: int) -> list[str]:
        release.wait(5)
        return ["old"]

    def fast(offset: int, limit: int) -> list[str]:
        return ["new"]

    runner.start(slow, 50)
    runner.start(fast, 50)  # the user typed another letter
    release.set()
    qtbot.waitUntil(lambda: delivered == [["new"]])
    runner.wait()
    qtbot.wait(50)  # the stale result, if any, would have been delivered by now
    assert delivered == [["new"]]


def test_a_failing_search_reports_a_calm_message(qtbot: QtBot) -> None:
    runner = SearchRunner()

    def broken(offset: int, limit: int) -> list[str]:
        raise JournalInputError("That search couldn't run. Nothing was changed.")

    with qtbot.waitSignal(runner.failed) as blocker:
        runner.start(broken, 50)
    assert blocker.args == ["That search couldn't run. Nothing was changed."]
    runner.wait()


def test_cancel_drops_a_search_on_its_way(qtbot: QtBot) -> None:
    runner = SearchRunner()
    delivered: list[object] = []
    runner.results_ready.connect(delivered.append)
    runner.start(lambda offset, limit: ["x"], 50)
    runner.cancel()
    runner.wait()
    qtbot.wait(50)
    assert delivered == []
