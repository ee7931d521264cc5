"""CPD commands: ``cpd tag journal|session ID --standard 4.2 [--peer|--no-peer]``,
``cpd untag journal|session ID`` and ``cpd year [--json]`` (the registration year so far)."""

from __future__ import annotations

import argparse
from typing import Any

from swreflect.cli import command_group
from swreflect.cli.context import CliContext
from swreflect.cli.output import json_flag
from swreflect.core.cpd_year import STANDARD_CODES, STANDARDS
from swreflect.errors import EXIT_OK, UsageError
from swreflect.timefmt import format_date


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    cpd: Any = command_group(subparsers, common, "cpd", "CPD across the registration year")
    p = cpd.add_parser("tag", parents=[common], help="mark an entry or session as CPD")
    p.add_argument("kind", choices=("journal", "session"))
    p.add_argument("item", help="journal entry number, or session id (or its first characters)")
    p.add_argument(
        "--standard",
        action="append",
        default=[],
        choices=STANDARD_CODES,
        help="a professional standard it relates to (repeat for more)",
    )
    peer = p.add_mutually_exclusive_group()
    peer.add_argument("--peer", dest="peer", action="store_true", default=None)
    peer.add_argument("--no-peer", dest="peer", action="store_false")
    p.set_defaults(func=cmd_cpd_tag)
    p = cpd.add_parser("untag", parents=[common], help="stop counting an entry or session")
    p.add_argument("kind", choices=("journal", "session"))
    p.add_argument("item")
    p.set_defaults(func=cmd_cpd_untag)
    p = cpd.add_parser("year", parents=[common], help="this registration year's CPD so far")
    json_flag(p)
    p.set_defaults(func=cmd_cpd_year)


def _item_id(ctx: CliContext, kind: str, item: str) -> str:
    if kind == "session":
        return ctx.unlock().sessions.find(item).id
    if not item.isdigit():
        raise UsageError("A journal entry is given by its number.")
    return item


def cmd_cpd_tag(ctx: CliContext) -> int:
    a = ctx.args
    services = ctx.unlock()
    item_id = _item_id(ctx, a.kind, a.item)
    if a.kind == "journal":
        piece = services.cpd.tag_journal(int(item_id), a.standard, a.peer)
    else:
        piece = services.cpd.tag_session(item_id, a.standard, True if a.peer is None else a.peer)
    names = ", ".join(piece.standards) or "no standard yet"
    peer = "with peer reflection" if piece.peer else "without peer reflection"
    ctx.out(f"Marked as CPD on {format_date(piece.on_date)} ({names}; {peer}).")
    return EXIT_OK


def cmd_cpd_untag(ctx: CliContext) -> int:
    a = ctx.args
    ctx.unlock().cpd.untag(a.kind, _item_id(ctx, a.kind, a.item))
    ctx.out("No longer counted as CPD.")
    return EXIT_OK


def cmd_cpd_year(ctx: CliContext) -> int:
    view = ctx.unlock().cpd.year()
    if ctx.wants_json:
        ctx.out_json(
            {
                "start": view.start.isoformat(),
                "end": view.end.isoformat(),
                "pieces": [
                    {
                        "kind": p.piece.item_type,
                        "id": p.piece.item_id,
                        "date": p.piece.on_date.isoformat(),
                        "title": p.title,
                        "standards": list(p.piece.standards),
                        "peer": p.piece.peer,
                    }
                    for p in view.pieces
                ],
                "peer_count": view.peer_count,
                "wording": view.wording,
            }
        )
        return EXIT_OK
    ctx.out(view.wording)
    labels = dict(STANDARDS)
    for p in view.pieces:
        standards = "; ".join(labels[s] for s in p.piece.standards) or "no standard tagged"
        peer = ", peer reflection" if p.piece.peer else ""
        ctx.out(f"  {format_date(p.piece.on_date)}  {p.title}  ({standards}{peer})")
    return EXIT_OK
