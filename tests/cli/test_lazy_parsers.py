"""Sub-command parsers built on demand (``swreflect/cli/lazy_parsers.py``) say and do exactly
what the parsers built the ordinary way did, and a command builds only its own."""

from __future__ import annotations

import argparse
import contextlib
import io
from collections.abc import Iterator

import pytest

import swreflect.cli as cli
from swreflect.cli.docs import walk

# Mistakes a person makes, at every level of the tree.
BAD = [
    ["journl"],
    ["journal"],
    ["journal", "lst"],
    ["journal", "list", "--limit", "many"],
    ["journal", "list", "--no-such-option"],
    ["journal", "add", "title", "--body", "x", "--body-file", "f"],
    ["journal", "show"],
    ["session", "notes"],
    ["export", "pdf"],
    ["--vault"],
]
GOOD = [
    [],
    ["journal", "list", "--limit", "3", "--json"],
    ["--vault", "v", "journal", "--json", "add", "t", "--tag", "a", "--tag", "b"],
    ["session", "start", "--help"],
    ["journal", "list", "--help"],
    ["--help"],
]


@contextlib.contextmanager
def _eager(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Build with argparse's own sub-command action, as before."""
    with monkeypatch.context() as m:
        m.setattr(cli, "LazySubParsers", argparse._SubParsersAction)
        yield


def _helps(parser: argparse.ArgumentParser) -> dict[tuple[str, ...], str]:
    return {path: p.format_help() for path, p in walk(parser)}


def test_every_parser_has_the_same_help_as_when_built_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lazy = _helps(cli.build_parser())
    with _eager(monkeypatch):
        eager = _helps(cli.build_parser())
    assert len(eager) > 60
    assert lazy.keys() == eager.keys()
    for path, text in eager.items():
        assert lazy[path] == text, path


def _outcome(argv: list[str]) -> tuple[object, str, str, dict[str, object]]:
    out, err = io.StringIO(), io.StringIO()
    code: object = None
    values: dict[str, object] = {}
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            args = cli.build_parser(argv).parse_args(argv)
            values = {k: v for k, v in vars(args).items() if k != "func"}
            values["func"] = getattr(getattr(args, "func", None), "__name__", None)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue(), values


@pytest.mark.parametrize("argv", BAD + GOOD, ids=lambda a: " ".join(a) or "(nothing)")
def test_each_command_line_parses_and_fails_as_before(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lazy = _outcome(argv)
    with _eager(monkeypatch):
        eager = _outcome(argv)
    assert lazy == eager
    if argv in BAD:
        assert lazy[0] == 2 and "swreflect:" in lazy[2]


def test_journal_list_builds_only_its_own_parsers(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    real_init = cli._Parser.__init__

    def counting(self: cli._Parser, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)
        made.append(self.prog)

    monkeypatch.setattr(cli._Parser, "__init__", counting)
    argv = ["journal", "list", "--vault", "v"]
    args = cli.build_parser(argv).parse_args(argv)
    assert args.func.__name__ == "cmd_list"
    # the shared options, the program, the journal group and its list: nothing else
    assert sorted(made) == sorted(
        [made[0], "swreflect", "swreflect journal", "swreflect journal list"]
    ), made


def test_a_helper_that_reads_the_parser_runs_once_it_is_built() -> None:
    from swreflect.cli.lazy_parsers import Recorder
    from swreflect.cli.output import json_flag

    recorder = Recorder()
    recorder.add_argument("--limit", type=int)
    json_flag(recorder)  # reads the parser's options: must wait for the real one
    parser = argparse.ArgumentParser(add_help=False)
    recorder.replay(parser)
    assert parser.parse_args(["--json", "--limit", "2"]) == argparse.Namespace(json=True, limit=2)
