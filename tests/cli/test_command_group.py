"""``command_group`` must never hand a new parser the groups of an old, collected one.

It used to key its cache by ``id(subparsers)``; once a parser was garbage-collected a new one
could get the same id and ``build_parser`` failed with "conflicting subparser" now and then.
"""

from __future__ import annotations

import gc

from swreflect.cli import build_parser


def test_building_the_parser_again_and_again_never_conflicts() -> None:
    """A few rounds are enough: the groups now live on the subparsers object itself, so a
    collected parser's memory being reused can't bring its groups back (the one regression test
    for that bug; it used to run 200 and 40 rounds in two places, over a minute)."""
    for command in (["journal", "list"], ["inbox", "show", "abc123"], ["people", "list"]):
        parser = build_parser()
        args = parser.parse_args(command)
        assert args.command == command[0]
        del parser
        gc.collect()


def test_two_live_parsers_each_have_their_own_groups() -> None:
    first, second = build_parser(), build_parser()
    assert first.parse_args(["people", "list"]).people_command == "list"
    assert second.parse_args(["agreement", "list"]).agreement_command == "list"
