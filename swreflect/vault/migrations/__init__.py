"""Schema migrations: an ordered ladder, one module per step.

Each step is a module named ``mNNNN_<what>.py`` in this package with a function
``upgrade(conn)``; NNNN is the schema version the step produces. Steps run in order inside one
transaction each, and ``PRAGMA user_version`` records the version reached. Versions are unique
and increasing (a test on the released tree also proves them contiguous from 1); a vault with a
higher version than the newest step is refused. A step that can take a while on a large vault
says what it does in ``PROGRESS_TEXT`` (plain words, shown while unlocking).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import re
from collections.abc import Callable
from typing import Any

from swreflect.records import FrozenRecord

_NAME = re.compile(r"^m(\d{4})_[a-z0-9_]+$")


class Migration(FrozenRecord):
    version: int
    name: str
    upgrade: Callable[[Any], None]
    description: str = ""  # the module's PROGRESS_TEXT, for a step that can be slow


def _module_names() -> list[str]:
    """The modules of this package. A folder of sources (a checkout or an installed wheel) is
    listed directly: ``pkgutil`` would load ``inspect`` (and ``ast``, ``tokenize``...) on every
    unlock. Anywhere else, such as a frozen bundle's archive, ``pkgutil`` asks the importer."""
    names: list[str] = []
    for folder in __path__:
        with contextlib.suppress(OSError):
            names += [n[:-3] for n in os.listdir(folder) if n.endswith(".py")]
    if not names:
        import pkgutil

        names = [info.name for info in pkgutil.iter_modules(__path__)]
    return names


def _steps() -> list[tuple[int, str]]:
    """(version, module name) of every step, in order, from the names alone."""
    found: list[tuple[int, str]] = []
    for name in _module_names():
        match = _NAME.match(name)
        if match:
            found.append((int(match.group(1)), name))
    found.sort()
    versions = [version for version, _name in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError("two migrations share a schema version")
    return found


def ladder() -> list[Migration]:
    """Every step with its ``upgrade``: the modules are imported only here, when a vault is
    upgraded (or a test reads them), never to learn the newest version."""
    steps: list[Migration] = []
    for version, name in _steps():
        module = importlib.import_module(f"{__name__}.{name}")
        description = str(getattr(module, "PROGRESS_TEXT", ""))
        steps.append(Migration(version, name, module.upgrade, description))
    return steps


def latest_version() -> int:
    """The newest schema version, which every unlock compares with the vault's own."""
    steps = _steps()
    return steps[-1][0] if steps else 0
