"""``command_group`` must never hand a new parser the groups of an old, collected one.

It used to key its cache by ``id(subparsers)``; once a parser was garbage-collected a new one
could get the same id and ``build_parser`` failed with "conflicting subparser" now and then.
"""

from __future__ import annotations

import gc

from swreflect.cli import build_parser


def test_building_the_parser_again_and_again_never_conflicts() -> None:
    for _ in range(200):
        parser = build_parser()
        args = parser.parse_args(["journal", "list"])
        assert args.journal_command == "list"
        del parser
        gc.collect()


def test_two_live_parsers_each_have_their_own_groups() -> None:
    first, second = build_parser(), build_parser()
    assert first.parse_args(["people", "list"]).people_command == "list"
    assert second.parse_args(["agreement", "list"]).agreement_command == "list"
