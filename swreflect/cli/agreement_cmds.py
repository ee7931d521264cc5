"""Agreement commands: ``agreement add|change|list|show`` (split from ``supervision_cmds``).

``add`` and ``change`` take the agreement's terms (how often, how long) and its written
contents (agreement v2: ``--location``, ``--purpose``, ``--asye-start`` and the rest);
``change --dry-run`` says what a change of terms would do without saving it.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from swreflect.cli.context import CliContext
from swreflect.cli.output import json_flag, out_list
from swreflect.core.agreements import (
    DEFAULT_DETAILS,
    DETAIL_FIELDS,
    frequency_label,
    reminders,
)
from swreflect.core.supervision_schedule import describe_due, weekday_date
from swreflect.errors import EXIT_OK, UsageError
from swreflect.models.supervision import FREQUENCIES, Agreement, AgreementDetails
from swreflect.models.vocab import Role
from swreflect.timefmt import format_date, plural


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' isn't a date like 2026-03-31") from exc


def _terms_options(p: Any, **frequency: Any) -> None:
    """How often and how long: the same options on ``agreement add`` and ``agreement change``."""
    p.add_argument("--frequency", choices=FREQUENCIES, **frequency)
    p.add_argument("--every-days", type=int, help="for --frequency custom: days between sessions")
    p.add_argument("--minutes", type=int, default=90, help="usual length (default 90)")


def _terms(a: argparse.Namespace) -> dict[str, Any]:
    """Those options as the agreements service's keyword arguments (checked first)."""
    if a.frequency == "custom" and not a.every_days:
        raise UsageError("A custom frequency needs --every-days N.")
    return {"frequency": a.frequency, "custom_days": a.every_days, "usual_minutes": a.minutes}


_DETAIL_HELP = {
    "purpose": "the purpose of supervision and the four functions",
    "location": "where you meet",
    "preparation": "how each of you prepares",
    "cancellation": "cancelling and rearranging",
    "record_place": "where the agreed record is kept",
    "access": "who can see the record",
    "escalation": "where an unresolved disagreement goes",
    "difference": "how you will talk about difference and racism",
    "assessment": "the boundary between supervision and assessment",
    "assessor": "the ASYE assessor, if there is one",
    "protected_time": "protected development time",
}


def _details_options(p: Any) -> None:
    """The agreement's written contents (agreement v2), each optional."""
    p.add_argument("--asye-start", type=parse_date, help="the newly qualified year's start date")
    for name in DETAIL_FIELDS:
        p.add_argument(f"--{name.replace('_', '-')}", help=_DETAIL_HELP.get(name, name))
    p.add_argument(
        "--interruptions-ok",
        action="store_true",
        help="don't promise uninterrupted time (the default promises it)",
    )


def _details(a: argparse.Namespace, base: AgreementDetails) -> AgreementDetails:
    given = {n: getattr(a, n) for n in DETAIL_FIELDS if getattr(a, n) is not None}
    uninterrupted = False if a.interruptions_ok else base.uninterrupted
    return replace(base, uninterrupted=uninterrupted, **given)


def register_agreement(agreement: Any, common: argparse.ArgumentParser) -> None:
    p = agreement.add_parser("add", parents=[common], help="add an agreement")
    p.add_argument("--person", required=True, help="the other person's name or id")
    p.add_argument("--me", required=True, help="your own name as it should appear on records")
    _terms_options(p, default="monthly")
    p.add_argument("--start", type=parse_date, help="start date (default today)")
    p.add_argument("--review", type=parse_date, help="review date")
    p.add_argument("--record-writer", choices=tuple(Role), default="supervisor")
    p.add_argument("--record-due-days", type=int, default=14)
    p.add_argument("--disagreement", help="how disagreement with the record is recorded")
    p.add_argument("--confidentiality", help="confidentiality and its limits")
    p.add_argument("--no-review", action="store_true", help="no review date (default 12 months)")
    _details_options(p)
    p.set_defaults(func=cmd_agreement_add)
    p = agreement.add_parser(
        "change", parents=[common], help="change how often or how long from a date, or the text"
    )
    p.add_argument("agreement", help="agreement id (or its first characters)")
    p.add_argument("--from", dest="effective", type=parse_date, help="effective date of new terms")
    _terms_options(p)
    _details_options(p)
    p.add_argument(
        "--dry-run", action="store_true", help="only say what the change would do; save nothing"
    )
    p.set_defaults(func=cmd_agreement_change)
    p = agreement.add_parser("list", parents=[common], help="list agreements and what is due")
    json_flag(p)
    p.set_defaults(func=cmd_agreement_list)
    p = agreement.add_parser("show", parents=[common], help="show one agreement")
    p.add_argument("agreement", help="agreement id (or its first characters)")
    json_flag(p)
    p.set_defaults(func=cmd_agreement_show)


def _agreement_json(a: Agreement, person_name: str, due: Any = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
        "person_id": a.person_id,
        "person": person_name,
        "owner_name": a.owner_name,
        "start_date": a.start_date.isoformat(),
        "review_date": a.review_date.isoformat() if a.review_date else None,
        "record_writer": a.record_writer,
        "record_due_days": a.record_due_days,
        "disagreement": a.disagreement,
        "confidentiality": a.confidentiality,
        "asye_start": a.asye_start.isoformat() if a.asye_start else None,
        "details": asdict(a.details),
        "terms": [
            {
                "effective_from": t.effective_from.isoformat(),
                "frequency": t.frequency,
                "custom_days": t.custom_days,
                "usual_minutes": t.usual_minutes,
                "label": frequency_label(t),
            }
            for t in a.terms
        ],
    }
    if due is not None:
        out["due"] = {
            "due_on": due.due_on.isoformat(),
            "state": due.state,
            "days_late": due.days_late,
        }
    return out


def cmd_agreement_add(ctx: CliContext) -> int:
    services = ctx.unlock()
    a = ctx.args
    terms = _terms(a)
    person = services.people.find(a.person)
    extra = {"disagreement": a.disagreement, "confidentiality": a.confidentiality}
    agreement = services.agreements.add(
        person.id,
        a.me,
        start_date=a.start,
        **terms,
        record_writer=a.record_writer,
        record_due_days=a.record_due_days,
        review_date=a.review,
        no_review=a.no_review,
        asye_start=a.asye_start,
        details=_details(a, DEFAULT_DETAILS),
        **{k: v for k, v in extra.items() if v is not None},
    )
    ctx.result(id=agreement.id)
    ctx.out(f"Added an agreement with {person.display_name}, id {agreement.id}")
    return EXIT_OK


def cmd_agreement_change(ctx: CliContext) -> int:
    services = ctx.unlock()
    a = ctx.args
    agreement = services.agreements.find(a.agreement)
    details = _details(a, agreement.details)
    text_changed = details != agreement.details
    if a.frequency is None and a.effective is None:
        if not text_changed and a.asye_start is None:
            raise UsageError("Say what to change: --from DATE --frequency ..., or a text option.")
        if a.dry_run:
            ctx.out("The agreement's wording would change; how often you meet would not.")
            return EXIT_OK
        anchor = a.asye_start or agreement.asye_start
        changed = replace(agreement, details=details, asye_start=anchor)
        services.agreements.update_details(changed)
        ctx.out("The agreement's wording was changed.")
        return EXIT_OK
    if a.frequency is None or a.effective is None:
        raise UsageError("A change of how often you meet needs both --from DATE and --frequency.")
    terms = _terms(a)
    preview = services.agreements.preview_change(
        agreement.id, effective_from=a.effective, asye_start=a.asye_start, **terms
    )
    if a.dry_run:
        ctx.out(preview)
        ctx.out("Nothing was saved (--dry-run).")
        return EXIT_OK
    if text_changed:
        services.agreements.update_details(replace(agreement, details=details))
    services.agreements.change_terms(
        agreement.id, effective_from=a.effective, asye_start=a.asye_start, **terms
    )
    ctx.out(f"Changed. {preview}")
    return EXIT_OK


def cmd_agreement_list(ctx: CliContext) -> int:
    return out_list(
        ctx,
        ctx.unlock().agreements.due_summaries(),
        as_json=lambda s: _agreement_json(s.agreement, s.person.display_name, s.due),
        empty="No agreements yet. Add one with 'swreflect agreement add'.",
        line=lambda s: f"{s.agreement.id[:8]}  {s.person.display_name}  {s.wording}",
    )


def cmd_agreement_show(ctx: CliContext) -> int:
    services = ctx.unlock()
    agreement = services.agreements.find(ctx.args.agreement)
    person = services.agreements.person_of(agreement)
    due = services.agreements.due(agreement.id)
    data = _agreement_json(agreement, person.display_name, due)
    if ctx.wants_json:
        ctx.out_json(data)
        return EXIT_OK
    ctx.out(f"Agreement {agreement.id}")
    ctx.out(f"  With:            {person.display_name} ({person.role})")
    ctx.out(f"  Your name:       {agreement.owner_name}")
    ctx.out(f"  Started:         {format_date(agreement.start_date)}")
    if agreement.asye_start:
        ctx.out(f"  Newly qualified year started: {format_date(agreement.asye_start)}")
    today = services.agreements.today()
    for t in agreement.terms:
        label = frequency_label(t, agreement, max(today, t.effective_from))
        ctx.out(
            f"  From {format_date(t.effective_from)}: {label}, usually "
            f"{plural(t.usual_minutes, 'minute')}"
        )
    ctx.out(
        f"  Record:          written by the {agreement.record_writer} within "
        f"{plural(agreement.record_due_days, 'day')}"
    )
    ctx.out(f"  Disagreement:    {agreement.disagreement}")
    ctx.out(f"  Confidentiality: {agreement.confidentiality}")
    d = agreement.details
    ctx.out(f"  Uninterrupted:   {'yes' if d.uninterrupted else 'not promised'}")
    for name in DETAIL_FIELDS:
        label = name.replace("_", " ").capitalize() + ":"
        ctx.out(f"  {label:<17}{getattr(d, name) or 'not written down yet'}")
    if agreement.review_date:
        ctx.out(f"  Review by:       {weekday_date(agreement.review_date)}")
    ctx.out(f"  {describe_due(due, person.display_name)}")
    for line in reminders(agreement, today):
        ctx.out(f"  {line}")
    return EXIT_OK
