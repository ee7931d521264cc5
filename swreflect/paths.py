"""Where swreflect keeps things, and how it finds its own resources.

``SWREFLECT_HOME`` overrides everything (tests and portable use): the vault, config and logs
then live under that one folder. Otherwise the platform's usual data, config and log folders
are used. ``resource_path`` resolves ``resources/`` in a source checkout, an installed wheel
(where it is packaged as ``swreflect._resources``) and a frozen bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from swreflect.records import FrozenRecord

APP_NAME = "swreflect"


class AppPaths(FrozenRecord):
    """The three folders (a record, not a dataclass: every start-up and every command reads
    this, and ``dataclasses`` with its generated code costs them milliseconds)."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def vault_dir(self) -> Path:
        return self.data_dir / "vault"


def _platform_dirs() -> tuple[Path, Path, Path]:
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / APP_NAME
        return base / "data", base / "config", base / "logs"
    if sys.platform == "darwin":
        support = home / "Library" / "Application Support" / APP_NAME
        return support, support / "config", home / "Library" / "Logs" / APP_NAME
    data = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / APP_NAME
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config") / APP_NAME
    state = Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state") / APP_NAME
    return data, config, state / "logs"


def app_paths() -> AppPaths:
    override = os.environ.get("SWREFLECT_HOME")
    if override:
        root = Path(override).expanduser()
        return AppPaths(root / "data", root / "config", root / "logs")
    data, config, logs = _platform_dirs()
    return AppPaths(data, config, logs)


def default_vault_dir() -> Path:
    return app_paths().vault_dir


def resources_root() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    top = Path(__file__).resolve().parent.parent
    if (top / "pyproject.toml").is_file() and (top / "resources").is_dir():
        return top / "resources"
    from importlib.resources import files

    return Path(str(files("swreflect._resources")))


def resource_path(*parts: str) -> Path:
    """Absolute path of a file or folder under ``resources/``."""
    return resources_root().joinpath(*parts)
