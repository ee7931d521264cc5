"""The headless command line. Same services as the GUI; see docs/architecture.md §10.

Each group of commands lives in its own module listed in ``COMMAND_MODULES``; a module has
``register(subparsers)`` and sets ``func(ctx) -> int`` on each parser it adds.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence

from swreflect import __version__
from swreflect.cli.context import CliContext
from swreflect.errors import EXIT_ERROR, EXIT_USAGE, SwreflectError
from swreflect.vault.connection import user_error_for

EXIT_CLOSED_PIPE = 141  # as if ended by SIGPIPE, like git and restic

COMMAND_MODULES = [
    "swreflect.cli.vault_cmds",
    "swreflect.cli.journal_cmds",
    "swreflect.cli.supervision_cmds",
    "swreflect.cli.backup_cmds",
    "swreflect.cli.signing_cmds",
    "swreflect.cli.export_cmds",
    "swreflect.cli.record_cmds",
]


class _Parser(argparse.ArgumentParser):
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


def build_parser() -> argparse.ArgumentParser:
    # SUPPRESS: the options are accepted before or after the command name, and a sub-command
    # that did not see one must not reset what the main parser read (argparse copies defaults).
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
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
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; every failure becomes one line on stderr and an exit code (§10)."""
    parser = build_parser()
    args = parser.parse_args(argv)
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
        typed = user_error_for(exc)
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


def _closed_pipe() -> int:
    """The reader went away (``swreflect journal list | head -1``): stop quietly, as git does.

    Standard output is pointed at the null device so the interpreter's own flush at exit
    can't raise again; 141 is the shell's code for a process ended by SIGPIPE."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return EXIT_CLOSED_PIPE


def _report(error: SwreflectError, cause: BaseException, debug: bool) -> int:
    if debug:
        traceback.print_exception(cause, file=sys.stderr)
    print(f"swreflect: {error.message}", file=sys.stderr)
    return error.exit_code
