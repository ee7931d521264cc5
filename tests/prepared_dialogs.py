"""One guard for tests that drive dialogs: every modal needs a queued answer, and every queued
answer must be used (a test that prepares "Export anyway" and never sees the question fails)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from swreflect.gui import dialogs


@contextmanager
def prepared_answers_only() -> Iterator[None]:
    dialogs.reset()
    dialogs.require_prepared_answers(True)
    try:
        yield
    finally:
        left = dialogs.pending()
        dialogs.require_prepared_answers(False)
        dialogs.reset()
    assert left == 0, "a prepared dialog answer was never used"
