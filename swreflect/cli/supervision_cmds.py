"""Supervision commands: people, agreements, sessions and actions (docs/architecture.md §10).

``people add|list``, ``agreement add|list|show``, ``session start|list|show``,
``actions list|done``; list and show take ``--json``. Groups are shared through
``command_group`` so sign-off can add its own actions to ``session``.
"""

from __future__ import annotations

import argparse
from typing import Any

from swreflect.cli import command_group
from swreflect.cli.agreement_cmds import parse_date, register_agreement
from swreflect.cli.context import CliContext
from swreflect.cli.output import json_flag, out_list
from swreflect.core.actions import ActionFilter
from swreflect.core.supervision_schedule import weekday_date
from swreflect.errors import EXIT_OK, UsageError
from swreflect.models.supervision import (
    ACTION_KINDS,
    SESSION_KINDS,
    STAGE_KEYS,
    Action,
    Person,
    Session,
)
from swreflect.models.vocab import Role
from swreflect.timefmt import format_date, format_minutes, format_short_date, plural


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    people: Any = command_group(
        subparsers, common, "people", "people you supervise or who supervise you"
    )
    p = people.add_parser("add", parents=[common], help="add a person")
    p.add_argument("name", help="their name as you'd like it shown")
    p.add_argument("--role", required=True, choices=tuple(Role), help="their relation to you")
    p.add_argument("--pronouns", default="", help="optional pronouns")
    p.set_defaults(func=cmd_people_add)
    p = people.add_parser("list", parents=[common], help="list people")
    json_flag(p)
    p.set_defaults(func=cmd_people_list)

    agreement: Any = command_group(subparsers, common, "agreement", "supervision agreements")
    register_agreement(agreement, common)

    session: Any = command_group(subparsers, common, "session", "supervision sessions")
    p = session.add_parser("start", parents=[common], help="start a session")
    p.add_argument("agreement", help="agreement id (or its first characters)")
    p.add_argument(
        "--type",
        dest="kind",
        choices=SESSION_KINDS,
        default="regular",
        help="'debrief' after a critical incident: wellbeing first, notes private by default",
    )
    json_flag(p)
    p.set_defaults(func=cmd_session_start)
    p = session.add_parser("cancel", parents=[common], help="record that a session didn't happen")
    p.add_argument("session", help="session id (or its first characters)")
    p.add_argument("--by", required=True, choices=tuple(Role), help="who cancelled it")
    p.add_argument("--reason", default="", help="why, if you'd like to say")
    p.set_defaults(func=cmd_session_cancel)
    p = session.add_parser("list", parents=[common], help="list sessions")
    p.add_argument("--agreement", help="only this agreement's sessions")
    json_flag(p)
    p.set_defaults(func=cmd_session_list)
    p = session.add_parser("show", parents=[common], help="show a session's shared record")
    p.add_argument("session", help="session id (or its first characters)")
    json_flag(p)
    p.set_defaults(func=cmd_session_show)

    prompts: Any = command_group(subparsers, common, "prompts", "session prompt packs")
    p = prompts.add_parser(
        "list", parents=[common], help="list prompt packs, or one stage's prompts"
    )
    p.add_argument("--stage", choices=STAGE_KEYS, help="list this stage's prompts in the pack")
    p.add_argument("--pack", help="with --stage: which pack (default the one in use)")
    json_flag(p)
    p.set_defaults(func=cmd_prompts_list)
    p = prompts.add_parser("import", parents=[common], help="import an organisation's pack")
    p.add_argument("file", help="the pack's .toml file")
    p.set_defaults(func=cmd_prompts_import)
    p = prompts.add_parser("use", parents=[common], help="choose the pack for new sessions")
    p.add_argument("pack", help="pack id")
    p.set_defaults(func=cmd_prompts_use)

    actions: Any = command_group(subparsers, common, "actions", "agreed actions")
    p = actions.add_parser("list", parents=[common], help="list open actions")
    p.add_argument("--owner", choices=tuple(Role))
    p.add_argument("--agreement", help="only this agreement's actions")
    p.add_argument("--due-by", type=parse_date, help="only actions due on or before this date")
    p.add_argument("--all", action="store_true", help="include done actions")
    json_flag(p)
    p.set_defaults(func=cmd_actions_list)
    p = actions.add_parser("add", parents=[common], help="add an agreed action to a session")
    p.add_argument("session", help="session id (or its first characters)")
    p.add_argument("description", help="what will be done")
    p.add_argument("--owner", required=True, choices=tuple(Role))
    p.add_argument("--due", type=parse_date, help="due date")
    p.add_argument(
        "--kind",
        choices=[k.replace("_", "-") for k in ACTION_KINDS],
        default="action",
        help="'raise-with-organisation' for something to take to the organisation",
    )
    p.set_defaults(func=cmd_actions_add)
    p = actions.add_parser("done", parents=[common], help="mark an action done")
    p.add_argument("action", help="action id (or its first characters)")
    p.set_defaults(func=cmd_actions_done)


# ---------------------------------------------------------------------- people
def cmd_people_add(ctx: CliContext) -> int:
    services = ctx.unlock()
    person = services.people.add(ctx.args.name, ctx.args.role, ctx.args.pronouns)
    ctx.result(id=person.id)
    ctx.out(f"Added {person.display_name} ({person.role}), id {person.id}")
    return EXIT_OK


def _person_line(p: Person) -> str:
    pronouns = f" ({p.pronouns})" if p.pronouns else ""
    return f"{p.id[:8]}  {p.display_name}{pronouns}  {p.role}"


def cmd_people_list(ctx: CliContext) -> int:
    return out_list(
        ctx,
        ctx.unlock().people.list(),
        as_json=lambda p: {
            "id": p.id,
            "name": p.display_name,
            "role": p.role,
            "pronouns": p.pronouns,
        },
        empty="Nobody yet. Add someone with 'swreflect people add NAME --role supervisee'.",
        line=_person_line,
    )


# ---------------------------------------------------------------------- sessions
def _session_json(s: Session) -> dict[str, Any]:
    return {
        "id": s.id,
        "agreement_id": s.agreement_id,
        "status": s.status,
        "held_on": s.held_on.isoformat() if s.held_on else None,
        "record_id": s.record_id,
        "kind": s.kind,
        "stages": [st.key for st in s.stages],
        "cancelled_by": s.cancelled_by,
        "cancel_reason": s.cancel_reason or None,
        "follow_up_on": s.follow_up_on.isoformat() if s.follow_up_on else None,
        "shared_notes": len(s.shared_notes()),
        "private_notes": len(s.notes) - len(s.shared_notes()),
        "actions": len(s.actions),
    }


def cmd_session_start(ctx: CliContext) -> int:
    services = ctx.unlock()
    agreement = services.agreements.find(ctx.args.agreement)
    session = services.sessions.start(agreement.id, kind=ctx.args.kind)
    if ctx.wants_json:
        ctx.out_json(_session_json(session))
        return EXIT_OK
    carried = len(session.actions)
    what = "a debrief" if session.kind == "debrief" else "a session"
    ctx.out(f"Started {what}, id {session.id}")
    if carried:
        ctx.out(f"{plural(carried, 'open action')} from earlier sessions carried into it.")
    if session.follow_up_on:
        ctx.out(
            f"A follow-up check-in is suggested by {weekday_date(session.follow_up_on)}. "
            "Notes in the debrief stay private unless you share them."
        )
    return EXIT_OK


def cmd_session_cancel(ctx: CliContext) -> int:
    services = ctx.unlock()
    session = services.sessions.find(ctx.args.session)
    done = services.sessions.cancel(session.id, by=ctx.args.by, reason=ctx.args.reason)
    why = f" ({done.cancel_reason})" if done.cancel_reason else ""
    ctx.out(f"Recorded as cancelled by the {done.cancelled_by}{why}. It doesn't count as held.")
    return EXIT_OK


def cmd_session_list(ctx: CliContext) -> int:
    services = ctx.unlock()
    agreement_id = services.agreements.find(ctx.args.agreement).id if ctx.args.agreement else None
    sessions = services.sessions.list(agreement_id)
    names: dict[str, str] = {}
    if not ctx.wants_json:
        summaries = services.agreements.due_summaries()
        names = {d.agreement.id: d.person.display_name for d in summaries}

    def line(s: Session) -> str:
        when = format_short_date(s.held_on) if s.held_on else "not held yet"
        who = names.get(s.agreement_id, "")
        status = s.status.replace("_", " ")
        if s.cancelled_by:
            status += f" by the {s.cancelled_by}" + (
                f" ({s.cancel_reason})" if s.cancel_reason else ""
            )
        kind = "debrief  " if s.kind == "debrief" else ""
        return f"{s.id[:8]}  {when}  {who}  {kind}{status}"

    return out_list(
        ctx,
        sessions,
        as_json=_session_json,
        empty="No sessions yet. Start one with 'swreflect session start AGREEMENT'.",
        line=line,
    )


def cmd_session_show(ctx: CliContext) -> int:
    """The shared record only: private notes are never printed here."""
    services = ctx.unlock()
    session = services.sessions.find(ctx.args.session)
    record = services.sessions.record_content(session.id)
    if ctx.wants_json:
        ctx.out_json({"session": _session_json(session), "record": record})
        return EXIT_OK
    parties = record["parties"]
    ctx.out(f"Session {session.id} ({session.status.replace('_', ' ')})")
    ctx.out(
        f"  {record['session']['date'] or 'Not held yet'}, "
        f"{format_minutes(record['session']['duration_minutes'])}"
    )
    ctx.out(
        f"  Supervisor: {parties['supervisor']['name']}; "
        f"supervisee: {parties['supervisee']['name']}"
    )
    for stage in record["stages"]:
        ctx.out("")
        ctx.out(stage["title"])
        for note in stage["notes"]:
            ctx.out(f"  - {note['text']}")
    if record["actions"]:
        ctx.out("")
        ctx.out("Actions")
        for action in record["actions"]:
            due = f", by {action['due']}" if action["due"] else ""
            ctx.out(f"  - {action['description']} ({action['owner']}{due}, {action['status']})")
    private = len(session.notes) - len(session.shared_notes())
    if private:
        ctx.out("")
        ctx.out(f"({private} private note(s) are kept in your vault and not shown here.)")
    return EXIT_OK


# ---------------------------------------------------------------------- prompt packs
def cmd_prompts_stage(ctx: CliContext) -> int:
    library = ctx.unlock().prompts
    pack = library.pack_for(ctx.args.pack) if ctx.args.pack else library.active()
    content = pack.stage(ctx.args.stage)
    if ctx.wants_json:
        ctx.out_json(
            {
                "pack": pack.id,
                "stage": content.key,
                "title": content.title,
                "function": content.function,
                "intro": content.intro,
                "prompts": [
                    {"id": p.id, "text": p.text, "cycle": p.cycle or None, "themes": list(p.themes)}
                    for p in content.prompts
                ],
            }
        )
        return EXIT_OK
    ctx.out(f"{content.title} ({content.function}), from {pack.name}")
    if content.intro:
        ctx.out(f"  {content.intro}")
    for p in content.prompts:
        step = f" [{p.cycle}]" if p.cycle else ""
        ctx.out(f"- {p.text}{step}  ({p.id})")
    return EXIT_OK


def cmd_prompts_list(ctx: CliContext) -> int:
    if ctx.args.stage:
        return cmd_prompts_stage(ctx)
    if ctx.args.pack:
        raise UsageError("--pack goes with --stage.")
    library = ctx.unlock().prompts
    active = library.active()
    packs = library.packs()
    if ctx.wants_json:
        ctx.out_json(
            {
                "active": active.id,
                "packs": [
                    {
                        "id": p.id,
                        "name": p.name,
                        "version": p.version,
                        "source": p.source,
                        "prompts": p.prompt_count(),
                    }
                    for p in packs
                ],
                "problems": [problem.message for problem in library.problems()],
            }
        )
        return EXIT_OK
    for p in packs:
        mark = "*" if p.id == active.id else " "
        ctx.out(
            f"{mark} {p.id}  {p.name} (version {p.version}, {p.source}, {p.prompt_count()} prompts)"
        )
    for problem in library.problems():
        ctx.out(f"  Not usable: {problem.message}")
    return EXIT_OK


def cmd_prompts_import(ctx: CliContext) -> int:
    from pathlib import Path

    pack = ctx.unlock().prompts.import_file(Path(ctx.args.file))
    ctx.out(f"Imported {pack.name} (version {pack.version}); new sessions will use it.")
    return EXIT_OK


def cmd_prompts_use(ctx: CliContext) -> int:
    pack = ctx.unlock().prompts.set_active(ctx.args.pack)
    ctx.out(f"New sessions will use {pack.name}.")
    return EXIT_OK


# ---------------------------------------------------------------------- actions
def _action_line(x: Action) -> str:
    due = f"by {format_date(x.due)}" if x.due else "no date"
    raise_it = "raise with the organisation: " if x.kind == "raise_with_organisation" else ""
    return f"{x.id[:8]}  {raise_it}{x.description}  ({x.owner}, {due}, {x.status})"


def cmd_actions_list(ctx: CliContext) -> int:
    services = ctx.unlock()
    a = ctx.args
    agreement_id = services.agreements.find(a.agreement).id if a.agreement else None
    actions = services.actions.list(
        ActionFilter(
            agreement_id=agreement_id,
            owner=a.owner,
            status=None if a.all else "open",
            due_by=a.due_by,
        )
    )
    return out_list(
        ctx,
        actions,
        as_json=lambda x: {
            "id": x.id,
            "agreement_id": x.agreement_id,
            "session_id": x.session_id,
            "description": x.description,
            "owner": x.owner,
            "due": x.due.isoformat() if x.due else None,
            "status": x.status,
            "carried_over_from": x.carried_over_from,
            "kind": x.kind,
        },
        empty="No open actions.",
        line=_action_line,
    )


def cmd_actions_add(ctx: CliContext) -> int:
    services = ctx.unlock()
    a = ctx.args
    session = services.sessions.find(a.session)
    kind = a.kind.replace("-", "_")
    services.sessions.add_action(session.id, a.description, a.owner, a.due, kind)
    what = "Something to raise with the organisation" if kind != "action" else "An action"
    ctx.out(f"{what} was added for the {a.owner}; it's tracked with the other actions.")
    return EXIT_OK


def cmd_actions_done(ctx: CliContext) -> int:
    services = ctx.unlock()
    action = services.actions.find(ctx.args.action)
    done = services.actions.set_done(action.id)
    ctx.result(id=action.id)
    ctx.out(f"Marked done: {done.description}")
    return EXIT_OK
