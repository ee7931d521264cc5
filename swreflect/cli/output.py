"""Output conventions shared by the command modules: the ``--json`` flag and how a list prints.

Every list command behaves alike: with ``--json`` the whole list as JSON (``[]`` when empty);
otherwise one line per item, or a friendly sentence saying there is nothing yet. Keeping that
in one place keeps the commands consistent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from swreflect.cli.context import CliContext
from swreflect.errors import EXIT_OK

T = TypeVar("T")


def json_flag(parser: Any) -> None:
    """Kept for command modules: ``--json`` is now on every command (the shared options)."""
    if hasattr(parser, "when_built"):  # not made yet (cli/lazy_parsers.py): look then
        parser.when_built(json_flag)
        return
    if "--json" not in parser._option_string_actions:
        parser.add_argument("--json", action="store_true", help="machine-readable output")


def out_list(
    ctx: CliContext,
    items: Sequence[T],
    *,
    as_json: Callable[[T], Any],
    empty: str,
    line: Callable[[T], str],
) -> int:
    """Print ``items`` as JSON or as lines (``empty`` when there are none); the exit code."""
    if ctx.wants_json:
        ctx.out_json([as_json(item) for item in items])
        return EXIT_OK
    if not items:
        ctx.out(empty)
    for item in items:
        ctx.out(line(item))
    return EXIT_OK
