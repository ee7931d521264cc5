"""Sub-command parsers that are built only when argparse picks them.

Why: every ``argparse.ArgumentParser`` costs a good deal to make (it registers its actions,
asks ``gettext`` for its headings, copies the shared options), and a command line call used
to make one for every action of its command group (``journal`` has eleven) and a stand-in for
every other command, only to use two of them. ``swreflect journal list`` spent more on that
than on opening the vault.

``LazySubParsers`` is argparse's own sub-command action with one difference: ``add_parser``
records the parser's help line at once (so ``--help`` and "invalid choice" list every command,
in the order added, exactly as before) and hands back a ``Recorder``, which notes every call
the command module makes on it (``add_argument``, ``set_defaults``, a mutually exclusive group,
nested sub-commands) without doing anything. The real parser is made, and the calls replayed on
it, the first time argparse looks the name up: when it is the command being run, or when
something walks the whole tree (the man page, the completion script, the tests of every
command). Nested sub-commands of a replayed parser are lazy in the same way.

The command modules don't know any of this: they register their parsers as they always did.
``tests/cli/test_lazy_parsers.py`` compares every parser's help and every usage error with
the parsers built the ordinary way.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

# Calls whose result the command modules go on to use: the recorder hands back another one.
_GIVES_CHILD = frozenset({"add_mutually_exclusive_group", "add_argument_group", "add_subparsers"})


class Recorder:
    """Stands in for a parser, an argument group or a sub-command list until it is needed."""

    def __init__(self) -> None:
        self._calls: list[tuple[str, tuple[Any, ...], dict[str, Any], Recorder | None]] = []
        self._later: list[Callable[[Any], None]] = []

    def __getattr__(self, name: str) -> Callable[..., Any]:
        if name.startswith("_"):
            raise AttributeError(name)

        def record(*args: Any, **kwargs: Any) -> Recorder | None:
            child = Recorder() if name in _GIVES_CHILD or name == "add_parser" else None
            self._calls.append((name, args, kwargs, child))
            return child

        return record

    def when_built(self, step: Callable[[Any], None]) -> None:
        """Run ``step(parser)`` on the real parser once it exists (for helpers that read it)."""
        self._later.append(step)

    def replay(self, target: Any) -> None:
        """Make every recorded call on ``target`` (a real parser, or another recorder)."""
        for name, args, kwargs, child in self._calls:
            result = getattr(target, name)(*args, **kwargs)
            if child is not None:
                child.replay(result)
        for step in self._later:
            if isinstance(target, Recorder):
                target.when_built(step)
            else:
                step(target)


class _Pending:
    def __init__(self, parser_class: Callable[..., Any], kwargs: dict[str, Any]) -> None:
        self.parser_class = parser_class
        self.kwargs = kwargs
        self.recorder = Recorder()

    def build(self) -> Any:
        parser = self.parser_class(**self.kwargs)
        self.recorder.replay(parser)
        return parser


class _Parsers(dict[str, Any]):
    """Name -> parser, building a pending parser on first look-up. Names are all there from
    the start, so the choices argparse checks and lists are complete."""

    def __getitem__(self, name: str) -> Any:
        value = super().__getitem__(name)
        if isinstance(value, _Pending):
            pending, value = value, value.build()
            for key in [k for k, v in super().items() if v is pending]:  # with its aliases
                super().__setitem__(key, value)
        return value

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default

    def values(self) -> Any:
        return [self[name] for name in self]

    def items(self) -> Any:
        return [(name, self[name]) for name in self]


class LazySubParsers(argparse._SubParsersAction):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._name_parser_map = self.choices = _Parsers()

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if kwargs.get("prog") is None:
            kwargs["prog"] = f"{self._prog_prefix} {name}"
        aliases = kwargs.pop("aliases", ())
        if name in self._name_parser_map:
            raise argparse.ArgumentError(self, f"conflicting subparser: {name}")
        for alias in aliases:
            if alias in self._name_parser_map:
                raise argparse.ArgumentError(self, f"conflicting subparser alias: {alias}")
        if "help" in kwargs:
            help_text = kwargs.pop("help")
            self._choices_actions.append(self._ChoicesPseudoAction(name, aliases, help_text))
        pending = _Pending(self._parser_class, kwargs)
        for key in (name, *aliases):
            dict.__setitem__(self._name_parser_map, key, pending)
        return pending.recorder
