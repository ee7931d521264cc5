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


# What the real entry point (``python -m swreflect``: network guard, hardening, logging, then the
# command) may load. Libraries only an export, a signature or the window needs never load for
# commands that don't use them; the journal's templates and identifier scan wait for a command
# that shows a template or checks text.
NEVER_FOR_QUICK = ("sqlcipher3", "cryptography", "reportlab", "PySide6", "pyhanko", "pypdf",
                   "swreflect.vault", "swreflect.core")  # fmt: skip
NEVER_FOR_LIST = ("reportlab", "PySide6", "pyhanko", "pypdf", "swreflect.export",
                  "swreflect.signing", "swreflect.gui", "swreflect.core.templates",
                  "swreflect.core.deidentify", "tomllib", "logging.handlers")  # fmt: skip
# What ``journal list`` stopped loading (issue 16): ``logging`` until something logs
# (platform/lazylog.py), ``dataclasses`` and what it brings (records.py), the whole ``ctypes``
# package (platform/hardening.py), hashlib's OpenSSL (cryptography's hashes serve), the
# migration steps (only an upgrade imports them) and the search helpers (the first search).
NOT_FOR_LIST_ANY_MORE = ("logging", "dataclasses", "inspect", "ast", "tokenize", "ctypes",
                         "hashlib", "hmac", "_hashlib", "base64", "pkgutil", "unicodedata",
                         "swreflect.vault.migrations.m0", "swreflect.vault.journal.snippets",
                         "swreflect.vault.journal.ranking")  # fmt: skip


def _loaded_by_entry(args: list[str], tmp_path: Path, **env: str) -> tuple[int, set[str]]:
    """Run ``python -m swreflect ARGS`` and return its exit code and the modules it loaded."""
    listing = tmp_path / "modules.json"
    script = (
        "import atexit, json, runpy, sys\n"
        f"out = open({str(listing)!r}, 'w')\n"
        "atexit.register(lambda: out.write(json.dumps(sorted(sys.modules))) and out.close())\n"
        f"sys.argv = ['swreflect', *{args!r}]\n"
        "runpy.run_module('swreflect', run_name='__main__')\n"
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
        env={"SWREFLECT_HOME": str(tmp_path / "home"), "PATH": "", **env}, timeout=120,
    )  # fmt: skip
    return result.returncode, set(json.loads(listing.read_text(encoding="utf-8")))


def _matching(loaded: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in loaded if m == prefixes or m.startswith(prefixes))


def test_version_and_help_through_the_entry_point_load_no_library(tmp_path: Path) -> None:
    for args in (["--version"], ["--help"]):
        code, loaded = _loaded_by_entry(args, tmp_path)
        assert code == 0, args
        assert "swreflect.platform.hardening" in loaded  # the process was hardened first
        assert _matching(loaded, NEVER_FOR_QUICK) == [], args
    code, loaded = _loaded_by_entry(["--version"], tmp_path)
    assert not {"argparse", "logging"} & loaded  # one line to print: nothing to parse or log


def test_journal_list_through_the_entry_point_loads_only_what_listing_needs(
    tmp_path: Path,
) -> None:
    from swreflect.vault.kdf import KdfPolicy
    from swreflect.vault.vault import Vault

    folder = tmp_path / "vault"
    Vault.create(folder, "words for the lazy import test", KdfPolicy.insecure_for_tests())[0].lock()
    code, loaded = _loaded_by_entry(
        ["journal", "list", "--vault", str(folder)], tmp_path,
        SWREFLECT_PASSPHRASE="words for the lazy import test", SWREFLECT_INSECURE_TEST_KDF="1",
    )  # fmt: skip
    assert code == 0
    assert {"sqlcipher3", "swreflect.vault.vault", "swreflect.core.journal"} <= loaded
    assert _matching(loaded, NEVER_FOR_LIST) == []
    assert _matching(loaded, NOT_FOR_LIST_ANY_MORE) == []
