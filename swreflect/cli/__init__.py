"""The headless command line. Same services as the GUI; see docs/architecture.md §10.

Each group of commands lives in its own module listed in ``COMMAND_MODULES``; a module has
``register(subparsers)`` and sets ``func(ctx) -> int`` on each parser it adds.

Only the modules a command needs are imported: ``COMMANDS`` names, for each top-level command,
its one-line help and the modules that add to it (explicit module names, so a freezer such as
PyInstaller can collect every one). ``--version`` and ``--help`` import none of them; the top
level help is built from this table. ``tests/cli/test_lazy_commands.py`` checks the table
against what the modules really register.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from swreflect import __version__
from swreflect.cli.lazy_parsers import LazySubParsers
from swreflect.errors import EXIT_ERROR, EXIT_USAGE, SwreflectError

TYPE_CHECKING = False  # as typing's own, without importing typing for --help (mypy knows it)
if TYPE_CHECKING:
    from typing import Any

EXIT_CLOSED_PIPE = 141  # as if ended by SIGPIPE, like git and restic

COMMAND_MODULES = [
    "swreflect.cli.vault_cmds",
    "swreflect.cli.journal_cmds",
    "swreflect.cli.supervision_cmds",
    "swreflect.cli.cpd_cmds",
    "swreflect.cli.backup_cmds",
    "swreflect.cli.signing_cmds",
    "swreflect.cli.export_cmds",
    "swreflect.cli.record_cmds",
]
_VAULT, _JOURNAL, _SUPERVISION, _CPD, _BACKUP, _SIGNING, _EXPORT, _RECORDS = COMMAND_MODULES

# Top-level command: (help, the modules that add to it), in the order help lists them.
COMMANDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "init": ("create a new vault", (_VAULT,)),
    "check": ("check the vault for damage", (_VAULT,)),
    "passphrase": ("passphrase commands", (_VAULT,)),
    "recover": ("set a new passphrase using your recovery key", (_VAULT,)),
    "recovery-key": ("recovery key commands", (_VAULT,)),
    "journal": ("your private journal", (_JOURNAL,)),
    "people": ("people you supervise or who supervise you", (_SUPERVISION, _SIGNING)),
    "agreement": ("supervision agreements", (_SUPERVISION,)),
    "session": ("supervision sessions", (_SUPERVISION, _SIGNING, _RECORDS)),
    "prompts": ("session prompt packs", (_SUPERVISION,)),
    "actions": ("agreed actions", (_SUPERVISION,)),
    "cpd": ("CPD across the registration year", (_CPD,)),
    "backup": ("back up and restore the vault", (_BACKUP,)),
    "export": ("export records", (_BACKUP, _EXPORT, _RECORDS)),
    "addendum": ("addenda to agreed records", (_RECORDS,)),
    "import": ("import records", (_BACKUP,)),
    "identity": ("your signing identity", (_SIGNING,)),
    "inbox": ("agreement requests and answers", (_SIGNING,)),
    "verify": ("check a swreflect PDF", (_EXPORT,)),
}


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it (``COLUMNS``, then the
    terminal, then 80), without importing shutil, which also loads bz2 and lzma."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Formatter(argparse.HelpFormatter):
    """argparse's own formatter, given the width so it needn't ask shutil (every parser
    makes one as arguments are added, so every command paid for the import)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
        width: int | None = None,
    ) -> None:  # fmt: skip
        width = _columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        # Sub-commands are built only when picked (cli/lazy_parsers.py).
        self.register("action", "parsers", LazySubParsers)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"swreflect: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def command_group(
    subparsers: object, common: argparse.ArgumentParser, name: str, help_text: str
) -> object:
    """The sub-command list of a group such as ``export``, shared by every module that adds to it.

    Two modules may each add actions to one group (``export pdf`` and ``export json``). The
    groups are remembered on the ``subparsers`` object itself: keying a global table by
    ``id(subparsers)`` handed a stale group to a later parser whose object reused the id."""
    groups: dict[str, object] | None = getattr(subparsers, "_swreflect_groups", None)
    if groups is None:
        groups = {}
        setattr(subparsers, "_swreflect_groups", groups)  # noqa: B010
    if name not in groups:
        parser = subparsers.add_parser(name, parents=[common], help=help_text)  # type: ignore[attr-defined]
        groups[name] = parser.add_subparsers(
            dest=f"{name}_command", metavar="ACTION", required=True, parser_class=_Parser
        )
    return groups[name]


def modules_for(argv: Sequence[str]) -> list[str]:
    """The command modules ``argv`` needs: those of its command, or none for a bare
    ``--help``/``--version``/unknown command (argparse then answers from the stubs)."""
    for word in argv:
        if word in COMMANDS:
            return list(COMMANDS[word][1])
    return []


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; with ``argv``, only the modules that command needs are imported (every
    other command is a stub that names it in the help), without it, all of them."""
    # SUPPRESS: the options are accepted before or after the command name, and a sub-command
    # that did not see one must not reset what the main parser read (argparse copies defaults).
    common = _Parser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument("--vault", metavar="DIR", help="vault folder (default: your data folder)")
    common.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE")
    common.add_argument("--debug", action="store_true", help="show details of errors")
    common.add_argument("--json", action="store_true", help="machine-readable output")
    parser = _Parser(
        prog="swreflect",
        description="Confidential reflective supervision, kept on your own computer.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"swreflect {__version__}")
    subparsers: Any = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    wanted = COMMAND_MODULES if argv is None else modules_for(argv)
    registered = _register(subparsers, common, wanted)
    for name, (help_text, _modules) in COMMANDS.items():
        if name not in registered:
            subparsers.add_parser(name, parents=[common], help=help_text)
    _order_like_the_table(subparsers)
    return parser


def _register(subparsers: Any, common: argparse.ArgumentParser, modules: Sequence[str]) -> set[str]:
    for name in modules:
        importlib.import_module(name).register(subparsers, common)
    return set(subparsers.choices)


def _order_like_the_table(subparsers: Any) -> None:
    """List commands in ``--help`` in the table's order, whichever were imported."""
    order = {name: i for i, name in enumerate(COMMANDS)}
    subparsers._choices_actions.sort(key=lambda a: order.get(a.dest, len(order)))


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure becomes one line on stderr and an exit code (§10)."""
    words = list(sys.argv[1:] if argv is None else argv)
    if any(not _is_utf8(arg) for arg in words):
        # D9: bytes that aren't UTF-8 arrive as lone surrogates and would fail deep inside.
        print(
            "swreflect: an argument isn't valid UTF-8 text. Nothing was changed; "
            "type it again or pass the text in a UTF-8 file.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    parser = build_parser(words)
    args = parser.parse_args(words)  # --version and --help end here
    from swreflect.cli.context import CliContext

    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    debug = bool(getattr(args, "debug", False))
    ctx = CliContext(args)
    try:
        code = int(args.func(ctx) or 0)
        ctx.finish()
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except SwreflectError as exc:
        return _report(exc, exc, debug)
    except KeyboardInterrupt:
        print("swreflect: stopped. Nothing further was changed.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:
        from swreflect.core.vault_access import typed_error_for

        typed = typed_error_for(exc)
        if typed is not None:
            return _report(typed, exc, debug)
        if debug:
            raise
        print(
            "swreflect: an unexpected error happened. Nothing was changed. "
            "Run again with --debug for details.",
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        ctx.close()


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _closed_pipe() -> int:
    """The reader went away (``swreflect journal list | head -1``): stop quietly, as git does.

    Standard output is pointed at the null device so the interpreter's own flush at exit
    can't raise again; 141 is the shell's code for a process ended by SIGPIPE."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_CLOSED_PIPE


def _report(error: SwreflectError, cause: BaseException, debug: bool) -> int:
    if debug:
        import traceback

        traceback.print_exception(cause, file=sys.stderr)
    print(f"swreflect: {error.message}", file=sys.stderr)
    return error.exit_code
