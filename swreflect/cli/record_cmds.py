"""Commands for writing a session's record and what follows agreement (issue 11).

``session note|rate|summary|finish``, ``addendum send`` and ``export decisions``: each calls one
core use case, so a script does exactly what the GUI does. Every creating command takes
``--json`` and then prints the new id. Anything that looks identifying is reported on stderr
while writing; it never stops a save.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from swreflect.cli import command_group
from swreflect.cli.context import CliContext
from swreflect.cli.output import json_flag
from swreflect.core.case_decisions import decisions_text
from swreflect.core.record_guidance import SHARE_WARNING, default_visibility, guidance
from swreflect.core.record_service import Spotted
from swreflect.errors import EXIT_OK, UsageError
from swreflect.timefmt import format_date


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    session: Any = command_group(subparsers, common, "session", "supervision sessions")
    p = session.add_parser("note", parents=[common], help="add a note to a stage")
    p.add_argument("session", help="session id (or its first characters)")
    p.add_argument("text", help="what the note says")
    p.add_argument("--stage", required=True, metavar="KEY", help="stage key, such as agenda")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--private", action="store_true", help="keep it in your vault only")
    where.add_argument("--shared", action="store_true", help="put it in the record you both sign")
    p.add_argument("--prompt", default="", help="the prompt it answers")
    p.add_argument("--item", metavar="AGENDA_ITEM", help="agenda item id, for agenda notes")
    json_flag(p)
    p.set_defaults(func=cmd_note)

    p = session.add_parser("rate", parents=[common], help="your own support and challenge rating")
    p.add_argument("session", help="session id, or a record you were sent to review")
    p.add_argument("--support", type=int, required=True, metavar="N", help="1 to 5")
    p.add_argument("--challenge", type=int, required=True, metavar="N", help="1 to 5")
    p.add_argument(
        "--include-in-record",
        action="store_true",
        help="put your rating in the shared record (it stays private otherwise)",
    )
    json_flag(p)
    p.set_defaults(func=cmd_rate)

    p = session.add_parser("summary", parents=[common], help="write the session's short summary")
    p.add_argument("session", help="session id (or its first characters)")
    p.add_argument("text", help="a few lines: what you discussed, agreed and decided")
    json_flag(p)
    p.set_defaults(func=cmd_summary)

    p = session.add_parser(
        "decision", parents=[common], help="add a decision to write on the case file elsewhere"
    )
    p.add_argument("session", help="session id (or its first characters)")
    p.add_argument("text", help="'Family A: the decision, because the reason'")
    json_flag(p)
    p.set_defaults(func=cmd_decision)

    p = session.add_parser("finish", parents=[common], help="mark the session as held")
    p.add_argument("session", help="session id (or its first characters)")
    json_flag(p)
    p.set_defaults(func=cmd_finish)

    addendum: Any = command_group(subparsers, common, "addendum", "addenda to agreed records")
    p = addendum.add_parser("send", parents=[common], help="add to an agreed record, signed")
    p.add_argument("record", help="record id (or its first characters)")
    p.add_argument("text", help="what the addendum says")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to send")
    json_flag(p)
    p.set_defaults(func=cmd_addendum_send)

    export: Any = command_group(subparsers, common, "export", "export agreed records")
    p = export.add_parser("decisions", parents=[common], help="decisions only, for the case file")
    p.add_argument("record", help="record id (or its first characters)")
    p.add_argument("--label", help="only the decisions for this case label, such as 'Family A'")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of the screen")
    json_flag(p)
    p.set_defaults(func=cmd_export_decisions)


def warn_identifiers(spotted: list[Spotted], when: str) -> None:
    """Say what looks identifying, on stderr; the command goes on (it never blocks a save)."""
    if not spotted:
        return
    print(f"swreflect: note: {when} this might identify someone:", file=sys.stderr)
    for item in spotted[:20]:
        print(f"  - {item.describe()}", file=sys.stderr)
    if len(spotted) > 20:
        print(f"  ... and {len(spotted) - 20} more", file=sys.stderr)


def _done(ctx: CliContext, data: dict[str, Any], line: str) -> int:
    if ctx.wants_json:
        ctx.out_json(data)
    else:
        ctx.out(line)
    return EXIT_OK


def cmd_note(ctx: CliContext) -> int:
    services = ctx.unlock()
    a = ctx.args
    session = services.sessions.find(a.session)
    visibility = "private" if a.private else "shared" if a.shared else None
    note_id = services.sessions.add_note(
        session.id, a.stage, a.text, visibility=visibility, prompt_text=a.prompt,
        agenda_item_id=a.item,
    )  # fmt: skip
    shown = visibility or default_visibility(a.stage)
    if not ctx.wants_json:
        if shown == "private" and guidance(a.stage):
            ctx.out(guidance(a.stage))
        elif shown == "shared" and a.stage in ("learning", "identity"):
            ctx.out(SHARE_WARNING)
    found = services.records.identifiers_in_text(a.text)
    warn_identifiers([Spotted("This note", f) for f in found], "saved, but")
    return _done(
        ctx,
        {"id": note_id, "session_id": session.id, "stage": a.stage, "visibility": shown},
        f"Added a {shown} note, id {note_id}",
    )


def cmd_rate(ctx: CliContext) -> int:
    services = ctx.unlock()
    a = ctx.args
    if services.signoff.find(a.session) is not None:  # a record you are reviewing
        if a.include_in_record:
            raise UsageError(
                "The record was signed by the other person before you rated it, so your "
                "rating can't go into it. It is kept in your vault. Nothing was saved."
            )
        rid = services.records.rate_received(a.session, a.support, a.challenge)
        return _done(
            ctx,
            {"id": rid, "record_id": rid, "included_in_record": False},
            "Saved your rating in your own vault; it isn't sent to the other person.",
        )
    session = services.sessions.find(a.session)
    role = services.sessions.my_role(session.id)
    services.sessions.rate(
        session.id, role, a.support, a.challenge, include_in_record=a.include_in_record
    )
    where = (
        "It will be in the shared record."
        if a.include_in_record
        else "It stays in your vault and out of the shared record."
    )
    return _done(
        ctx,
        {"id": f"{session.id}:{role}", "session_id": session.id, "rater": role,
         "included_in_record": bool(a.include_in_record)},
        f"Saved your rating. {where}",
    )  # fmt: skip


def cmd_summary(ctx: CliContext) -> int:
    services = ctx.unlock()
    session = services.sessions.find(ctx.args.session)
    services.sessions.set_summary(session.id, ctx.args.text)
    found = services.records.identifiers_in_text(ctx.args.text)
    warn_identifiers([Spotted("The summary", f) for f in found], "saved, but")
    return _done(ctx, {"id": session.id}, "Saved the summary.")


def cmd_decision(ctx: CliContext) -> int:
    services = ctx.unlock()
    session = services.sessions.find(ctx.args.session)
    decisions = [*session.case_file_decisions, ctx.args.text]
    services.sessions.set_case_file_decisions(session.id, decisions)
    found = services.records.identifiers_in_text(ctx.args.text)
    warn_identifiers([Spotted("The decision", f) for f in found], "saved, but")
    return _done(
        ctx,
        {"id": f"{session.id}:{len(decisions)}", "session_id": session.id},
        f"Added decision {len(decisions)} for the case file.",
    )


def cmd_finish(ctx: CliContext) -> int:
    services = ctx.unlock()
    session = services.sessions.finish(services.sessions.find(ctx.args.session).id)
    warn_identifiers(services.records.identifiers_in_session(session.id), "finished, but")
    held = session.held_on.isoformat() if session.held_on else ""
    shown = format_date(session.held_on) if session.held_on else "its day"
    return _done(
        ctx,
        {"id": session.id, "record_id": session.record_id, "held_on": held},
        f"Finished: the session on {shown} counts as held. Send it with 'swreflect session "
        f"request-agreement {session.id[:8]} -o FILE', or agree it in the room.",
    )


def cmd_addendum_send(ctx: CliContext) -> int:
    from swreflect.cli.signing_cmds import _writer

    services = ctx.unlock()
    found = services.records.identifiers_in_text(ctx.args.text)
    warn_identifiers([Spotted("The addendum", f) for f in found], "")
    addendum_id = services.records.send_addendum(
        ctx.args.record, ctx.args.text, deliver=_writer(ctx.args.output, ctx)
    )
    return _done(
        ctx,
        {"id": addendum_id, "addendum_to": services.signoff.resolve(ctx.args.record)},
        f"Wrote addendum {addendum_id[:8]} to {ctx.args.output}; send it to the other person.",
    )


def cmd_export_decisions(ctx: CliContext) -> int:
    from swreflect.platform.files import atomic_write

    services = ctx.unlock()
    rows = services.records.decisions(ctx.args.record, ctx.args.label)
    if ctx.args.label and not rows:
        raise UsageError(f"No decisions are labelled '{ctx.args.label}' in that record.")
    if ctx.wants_json:
        ctx.out_json([row.to_json() for row in rows])
        return EXIT_OK
    text = decisions_text(rows)
    if ctx.args.out:
        try:
            atomic_write(Path(ctx.args.out), text.encode("utf-8"))
        except OSError as exc:
            from swreflect.errors import ExportFailedError

            raise ExportFailedError() from exc
        ctx.out(f"Wrote {ctx.args.out}.")
    else:
        sys.stdout.write(text)
    return EXIT_OK
