"""Names of the folders a restore leaves beside the vault while it works.

Kept apart from ``restore`` (which loads the crypto and database libraries) so start-up can ask
"did a restore stop part-way?" without loading them.
"""

from __future__ import annotations

from pathlib import Path


def leftover_prefix(target: Path) -> str:
    return f".{target.name}.restore-"


def leftovers(target: Path) -> list[Path]:
    parent = target.parent
    if not parent.is_dir():
        return []
    prefix = leftover_prefix(target)
    return sorted(p for p in parent.iterdir() if p.name.startswith(prefix) and p.is_dir())
