"""Spare PySide's source scan of every swreflect module it sees imported.

Once PySide6 is loaded, it looks at each module imported after it to learn whether that module
asks for one of PySide's optional ``__feature__`` switches (``snake_case``, ``true_property``):
it reads the module's whole source file through ``inspect.getsource``. swreflect never uses
those switches, and the scan cost about 0.1 ms a module: some 40 before the unlock screen
paints (issue 16: start-up within 1.5x a bare window) and hundreds more at the first unlock.

``install`` adds an import finder that, as each ``swreflect`` module is about to be imported,
records in PySide's table the answer the scan would have given a module that uses PySide
without switches (0: "no features"), so the scan is skipped. The finder finds nothing itself.
The table is PySide's own (``shibokensupport.feature.pyside_feature_dict``); where a PySide
release lacks it, nothing is recorded and PySide scans as before.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

PACKAGE = "swreflect"
NO_FEATURES = 0
_FEATURE_MODULE = "shibokensupport.feature"


def _table() -> dict[str, int] | None:
    feature = sys.modules.get(_FEATURE_MODULE)
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def _ours(name: str) -> bool:
    return name == PACKAGE or name.startswith(PACKAGE + ".")


class _NoScanFinder:
    """A meta-path finder that only takes notes: it records, never finds."""

    def __init__(self) -> None:
        self._caught_up = False

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if _ours(name):
            table = _table()
            if table is not None:
                if not self._caught_up:  # ours loaded before PySide are scanned when named
                    self._caught_up = True
                    for loaded in [m for m in sys.modules if _ours(m)]:
                        table.setdefault(loaded, NO_FEATURES)
                table.setdefault(name, NO_FEATURES)
        return None


_finder = _NoScanFinder()


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once per process)."""
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
