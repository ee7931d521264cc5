"""The command line imports only what a command needs, and its table of commands is true."""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
from pathlib import Path

from swreflect.cli import COMMAND_MODULES, COMMANDS, _Parser

HEAVY = ("swreflect.core.insights", "swreflect.export", "swreflect.signing", "reportlab",
         "PySide6", "swreflect.core.services")  # fmt: skip


def _commands_added_by(module: str) -> set[str]:
    common = argparse.ArgumentParser(add_help=False)
    parser = _Parser(prog="swreflect", parents=[common])
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    importlib.import_module(module).register(subparsers, common)
    return set(subparsers.choices)


def test_the_table_names_every_module_that_adds_to_each_command() -> None:
    actual: dict[str, set[str]] = {}
    for module in COMMAND_MODULES:
        for command in _commands_added_by(module):
            actual.setdefault(command, set()).add(module)
    assert set(COMMANDS) == set(actual)
    for command, (_help, modules) in COMMANDS.items():
        assert set(modules) == actual[command], command


def _loaded_after(args: list[str], tmp_path: Path) -> set[str]:
    script = (
        "import sys, json\n"
        "from swreflect.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        cwd=tmp_path, env={"SWREFLECT_HOME": str(tmp_path), "PATH": ""},
    )  # fmt: skip
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_version_and_help_import_no_command_module(tmp_path: Path) -> None:
    for args in (["--version"], ["--help"]):
        loaded = _loaded_after(args, tmp_path)
        assert not loaded & set(COMMAND_MODULES), args
        assert not any(m.startswith(("sqlcipher3", "cryptography", *HEAVY)) for m in loaded)


def test_a_journal_command_imports_only_the_journal(tmp_path: Path) -> None:
    loaded = _loaded_after(["journal", "list", "--vault", str(tmp_path / "none")], tmp_path)
    assert "swreflect.cli.journal_cmds" in loaded
    # it did try to open the vault (core's one path; no passphrase, so the vault code stays out)
    assert "swreflect.core.vault_access" in loaded
    others = set(COMMAND_MODULES) - {"swreflect.cli.journal_cmds"}
    assert not loaded & others
    assert not any(m.startswith(HEAVY[:5]) for m in loaded), sorted(
        m for m in loaded if m.startswith(HEAVY[:5])
    )
