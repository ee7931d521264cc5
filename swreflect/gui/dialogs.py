"""Seams for modal dialogs, so tests can answer them in advance and never block.

Widgets call these functions instead of ``QMessageBox``/``QFileDialog``/``QPrintDialog``/
``QInputDialog`` directly: this is the one seam for every modal. A test queues answers with
``set_next_answer`` / ``set_next_path`` / ``set_next_printer`` / ``set_next_text``; the next
dialog call takes the oldest queued answer without showing anything. With
``require_prepared_answers(True)`` (the GUI tests' conftest sets it) a call with nothing queued
raises instead of opening a real modal, so a forgotten answer fails fast.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

_queued: deque[tuple[str, Any]] = deque()
AS_OFFERED = object()  # a text answer that accepts what the dialog offers
_strict = False
shown: list[str] = []  # titles of dialogs answered from the queue, newest last (for tests)


class UnansweredDialogError(RuntimeError):
    """A dialog was requested in a test that had not prepared an answer."""


def set_next_answer(answer: bool) -> None:
    _queued.append(("answer", bool(answer)))


def set_next_path(path: Path | None) -> None:
    """``None`` answers like a cancelled file dialog."""
    _queued.append(("path", None if path is None else Path(path)))


def set_next_printer(printer: Any) -> None:
    """A configured ``QPrinter`` (or ``None`` for cancel) for the next print dialog."""
    _queued.append(("printer", printer))


def set_next_choice(index: int | None) -> None:
    """The option a test picks in the next ``choose`` (``None`` answers like closing it)."""
    _queued.append(("choice", index))


def set_next_text(text: str | object | None) -> None:
    """The text typed into the next text question; ``None`` cancels, ``AS_OFFERED`` accepts
    the text the question offered."""
    _queued.append(("text", text))


def require_prepared_answers(strict: bool) -> None:
    global _strict
    _strict = strict


def reset() -> None:
    _queued.clear()
    shown.clear()


def pending() -> int:
    return len(_queued)


def _take(kind: str, title: str) -> tuple[bool, Any]:
    if _queued:
        queued_kind, value = _queued.popleft()
        if queued_kind != kind:
            raise UnansweredDialogError(
                f"expected a {kind} answer for {title!r}, got {queued_kind}"
            )
        shown.append(title)
        return True, value
    if _strict:
        raise UnansweredDialogError(f"no prepared answer for the dialog {title!r}")
    return False, None


def confirm(parent: QWidget | None, title: str, text: str, confirm_label: str) -> bool:
    """Ask before something irreversible; the safe choice (Cancel) is the default."""
    answered, value = _take("answer", title)
    if answered:
        return bool(value)
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Question)
    ok = box.addButton(confirm_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def choose(parent: QWidget | None, title: str, text: str, options: list[str]) -> int | None:
    """One of several next steps (index into ``options``); ``None`` if closed. The last
    option is the calm default ("Not now")."""
    answered, value = _take("choice", title)
    if answered:
        return None if value is None else int(value)
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Question)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    box.setDefaultButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    return next((i for i, b in enumerate(buttons) if b is clicked), None)


def inform(parent: QWidget | None, title: str, text: str) -> None:
    answered, _ = _take("answer", title)
    if answered:
        return
    QMessageBox.information(parent, title, text)


def save_file(
    parent: QWidget | None, caption: str, suggested: Path, name_filter: str
) -> Path | None:
    """Where the user wants a file written; ``None`` if they cancelled."""
    answered, value = _take("path", caption)
    if answered:
        return value if value is None else Path(value)
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), name_filter)
    return Path(chosen) if chosen else None


def choose_printer(parent: QWidget | None, caption: str) -> Any:
    """A ``QPrinter`` the user accepted in the print dialog, or ``None``."""
    answered, value = _take("printer", caption)
    if answered:
        return value
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(caption)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer


def open_file(
    parent: QWidget | None, caption: str, suggested: Path, name_filter: str
) -> Path | None:
    """An existing file the user picked; ``None`` if they cancelled."""
    answered, value = _take("path", caption)
    if answered:
        return value if value is None else Path(value)
    chosen, _ = QFileDialog.getOpenFileName(parent, caption, str(suggested), name_filter)
    return Path(chosen) if chosen else None


def ask_text(parent: QWidget | None, title: str, label: str, offered: str = "") -> str | None:
    """Several lines of text, starting from ``offered``; ``None`` if they cancelled."""
    answered, value = _take("text", title)
    if answered:
        return offered if value is AS_OFFERED else (None if value is None else str(value))
    text, ok = QInputDialog.getMultiLineText(parent, title, label, offered)
    return text if ok else None


def ask_line(parent: QWidget | None, title: str, label: str) -> str | None:
    """One line of text; ``None`` if they cancelled."""
    answered, value = _take("text", title)
    if answered:
        return None if value is None or value is AS_OFFERED else str(value)
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None
