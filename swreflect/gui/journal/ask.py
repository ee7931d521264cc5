"""The dialog seam for the journal's text questions (confirmations use ``gui.dialogs``).

Tests pre-answer with ``Ask.set_next_answer`` (like KeePassXC's MessageBox::setNextAnswer), so
no test ever blocks on a modal dialog.
"""

from __future__ import annotations

from collections import deque
from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget


class Ask:
    """Answers are queued by tests; ``Ask.AS_OFFERED`` accepts what the dialog would show."""

    AS_OFFERED = object()
    _answers: deque[Any] = deque()

    @classmethod
    def set_next_answer(cls, answer: Any) -> None:
        cls._answers.append(answer)

    @classmethod
    def reset(cls) -> None:
        cls._answers.clear()

    @classmethod
    def text(cls, parent: QWidget, title: str, label: str, initial: str = "") -> str | None:
        if cls._answers:
            answer = cls._answers.popleft()
            if answer is cls.AS_OFFERED:
                return initial
            return None if answer is None else str(answer)
        value, ok = QInputDialog.getMultiLineText(parent, title, label, initial)
        return value if ok else None

    @classmethod
    def line(cls, parent: QWidget, title: str, label: str) -> str | None:
        if cls._answers:
            answer = cls._answers.popleft()
            return None if answer is None else str(answer)
        value, ok = QInputDialog.getText(parent, title, label)
        return value if ok else None
