"""Schema migrations: an ordered ladder, one module per step.

Each step is a module named ``mNNNN_<what>.py`` in this package with a function
``upgrade(conn)``; NNNN is the schema version the step produces. Steps run in order inside one
transaction each, and ``PRAGMA user_version`` records the version reached. Versions are unique
and increasing (a test on the released tree also proves them contiguous from 1); a vault with a
higher version than the newest step is refused. A step that can take a while on a large vault
says what it does in ``PROGRESS_TEXT`` (plain words, shown while unlocking).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_NAME = re.compile(r"^m(\d{4})_[a-z0-9_]+$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[Any], None]
    description: str = ""  # the module's PROGRESS_TEXT, for a step that can be slow


def ladder() -> list[Migration]:
    steps: list[Migration] = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if not match:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        description = str(getattr(module, "PROGRESS_TEXT", ""))
        steps.append(Migration(int(match.group(1)), info.name, module.upgrade, description))
    steps.sort(key=lambda m: m.version)
    versions = [step.version for step in steps]
    if len(set(versions)) != len(versions):
        raise RuntimeError("two migrations share a schema version")
    return steps


def latest_version() -> int:
    steps = ladder()
    return steps[-1].version if steps else 0
