"""Where screenshots taken by tests go: nowhere unless ``--shots DIR`` (or SWREFLECT_SHOTS) says.

Screens hold made-up journal and supervision text; they are only written to a folder the person
running the tests named, never to a fixed path on the machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_folder: list[Path] = []


def configure(folder: str | None) -> None:
    _folder.clear()
    if folder:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        _folder.append(path)


def folder() -> Path | None:
    """The screenshot folder, or ``None`` when no screenshots were asked for."""
    return _folder[0] if _folder else None


def save(widget: Any, name: str) -> None:
    """Grab ``widget`` into ``<folder>/<name>.png`` if screenshots were asked for."""
    target = folder()
    if target is not None:
        widget.grab().save(str(target / f"{name}.png"))
