"""The shared record of a session, its draft summary and how its time was spent.

Pure functions over a loaded ``Session``. Private notes are dropped at the first step of every
function here (``_shared``), so nothing below can reach a summary, a record or an export.

``record_content`` is the contract consumed by sign-off and exports (JSON-like, no floats):

    record_id, version, kind="supervision-record",
    agreement {frequency, usual_minutes},
    parties {supervisor {name, role}, supervisee {name, role}},
    session {date "YYYY-MM-DD", duration_minutes},
    stages [{key, title, notes [{prompt, text}]}]   (shared notes only; agenda items appear as
        their own entries keyed "agenda.N" with the item in the title),
    functions_minutes {management, development, support, mediation}, or null unless both
        people agreed to include it (it measures which screen was open, not the conversation),
    actions [{description, owner, due ("YYYY-MM-DD" or null), status}],
    ratings {include: true, supervisor {support, challenge} | null, supervisee {...} | null} or
        null: only ratings their giver chose to include (``Rating.include_in_record``),
    case_file_decisions [str], summary str.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from swreflect.core.agreements import frequency_label
from swreflect.core.record_guidance import record_title
from swreflect.models.supervision import (
    CASE_DISCUSSION,
    CYCLE_FUNCTIONS,
    AgendaItem,
    Agreement,
    Note,
    Person,
    Session,
)
from swreflect.models.vocab import Function, Visibility
from swreflect.timefmt import format_minutes

RECORD_KIND = "supervision-record"
BOTH_INCLUDE_MINUTES = 3  # the supervisor's and the supervisee's yes


def _shared(session: Session) -> list[Note]:
    return [n for n in session.notes if n.visibility == Visibility.SHARED and n.text.strip()]


# Below this a session is too short to say anything about its balance.
TOO_SHORT_SECONDS = 10 * 60


def minutes(seconds: int) -> int:
    """Whole minutes, rounded to the nearest (30 seconds round up): the one rounding the
    record, the end screen and the balance message share."""
    return (seconds + 30) // 60


def too_short(session: Session) -> bool:
    return total_seconds(session) < TOO_SHORT_SECONDS


@dataclass(frozen=True)
class RecordSection:
    key: str
    title: str
    notes: tuple[Note, ...]


def sections(session: Session) -> list[RecordSection]:
    """Shared notes grouped by stage (in the session's order), agenda items split out."""
    shared = _shared(session)
    out: list[RecordSection] = []
    for stage in session.stages:
        general = tuple(n for n in shared if n.stage_key == stage.key and not n.agenda_item_id)
        if general:
            out.append(RecordSection(stage.key, record_title(stage.key, stage.title), general))
        if stage.key != "agenda":
            continue
        for number, item in enumerate(session.agenda, start=1):
            item_notes = tuple(n for n in shared if n.agenda_item_id == item.id)
            if item_notes:
                out.append(
                    RecordSection(f"agenda.{number}", f"{stage.title}: {item.title}", item_notes)
                )
    return out


def assemble_summary(session: Session) -> str:
    """A short outline to edit (never a copy of the notes): what was discussed, agreed, decided.

    The stage notes are in the record already; repeating them doubled every record."""
    discussed = [section.title for section in sections(session)]
    agreed = [a.description for a in session.actions if a.status == "open"]
    lines = [
        "Discussed: " + ("; ".join(discussed) if discussed else ""),
        "Agreed: " + ("; ".join(agreed) if agreed else ""),
        "Decided: " + ("; ".join(session.case_file_decisions) or ""),
    ]
    return "\n".join(lines)


def distinct_summary(session: Session) -> str:
    """The summary without any line that repeats a shared note word for word, and without an
    outline heading left empty ("Decided:" with nothing after it)."""
    text = session.summary or ""
    notes = {" ".join(n.text.split()).casefold() for n in _shared(session)}
    kept = []
    for line in text.splitlines():
        words = " ".join(line.strip().lstrip("-•* ").split()).casefold()
        if words and (words in notes or words in OUTLINE_HEADINGS):
            continue
        kept.append(line)
    return "\n".join(kept).strip()


OUTLINE_HEADINGS = frozenset({"discussed:", "agreed:", "decided:"})


def case_split(item: AgendaItem) -> dict[str, int]:
    """A case discussion's seconds by function: each step of the cycle counts for the function
    it serves. Time with no step recorded is shared out as the recorded time was or, if none
    was, as if each step had equal time."""
    split = dict.fromkeys((str(f) for f in Function), 0)
    steps = dict(item.cycle_seconds)
    for step, seconds in steps.items():
        if step in CYCLE_FUNCTIONS:
            split[CYCLE_FUNCTIONS[step]] += seconds
    rest = item.seconds - sum(split.values())
    if rest > 0:
        recorded = sum(split.values())
        weights = split if recorded else dict.fromkeys((str(f) for f in Function), 0)
        if not recorded:
            for function in CYCLE_FUNCTIONS.values():
                weights[function] += 1
        total_weight = sum(weights.values())
        shares = {f: rest * w // total_weight for f, w in weights.items()}
        shares["management"] += rest - sum(shares.values())  # whole seconds left by rounding
        for function, seconds in shares.items():
            split[function] += seconds
    return split


def seconds_by_function(session: Session) -> dict[str, int]:
    totals = dict.fromkeys((str(f) for f in Function), 0)
    for stage in session.stages:
        totals[stage.function] = totals.get(stage.function, 0) + stage.seconds
    for item in session.agenda:
        if item.function == CASE_DISCUSSION:
            for function, seconds in case_split(item).items():
                totals[function] += seconds
        else:
            totals[item.function] = totals.get(item.function, 0) + item.seconds
    return totals


def total_seconds(session: Session) -> int:
    return sum(s.seconds for s in session.stages) + sum(i.seconds for i in session.agenda)


def seconds_by_stage(session: Session) -> list[tuple[str, int]]:
    """(stage title, seconds) in session order; agenda item time counts towards its stage."""
    agenda_time = sum(i.seconds for i in session.agenda)
    return [
        (s.title, s.seconds + (agenda_time if s.key == "agenda" else 0)) for s in session.stages
    ]


def balance_message(session: Session) -> str | None:
    """Plain words when case management crowded out reflection and support; else None."""
    total = total_seconds(session)
    if total < TOO_SHORT_SECONDS:
        return None
    split = seconds_by_function(session)
    management = split[Function.MANAGEMENT]
    reflective = split[Function.SUPPORT] + split[Function.DEVELOPMENT]
    if management * 100 >= total * 60 and reflective * 100 < total * 25:
        return (
            f"Case management took {minutes(management)} of "
            f"{format_minutes(minutes(total))}. Support and development had "
            f"{format_minutes(minutes(reflective))} between them, so "
            "there was little room for reflection this time. You might protect time for it "
            "next session."
        )
    return None


def duration_minutes(session: Session) -> int:
    if session.duration_minutes is not None:
        return int(session.duration_minutes)
    return minutes(total_seconds(session))


def parties(agreement: Agreement, person: Person) -> dict[str, dict[str, str]]:
    if person.role == "supervisee":
        supervisor, supervisee = agreement.owner_name, person.display_name
    else:
        supervisor, supervisee = person.display_name, agreement.owner_name
    return {
        "supervisor": {"name": supervisor, "role": "supervisor"},
        "supervisee": {"name": supervisee, "role": "supervisee"},
    }


def _ratings(session: Session) -> dict[str, Any] | None:
    """Only the ratings each person chose to include; none chosen, no ratings section."""
    chosen = [r for r in session.ratings if r.include_in_record]
    if not chosen:
        return None
    out: dict[str, Any] = {"include": True, "supervisor": None, "supervisee": None}
    for rating in chosen:
        out[rating.rater] = {"support": rating.support, "challenge": rating.challenge}
    return out


def record_content(session: Session, agreement: Agreement, person: Person) -> dict[str, Any]:
    held_on = session.held_on
    terms = agreement.terms_on(held_on) if held_on else agreement.terms[-1]
    return {
        "record_id": session.record_id,
        "version": int(session.record_version),
        "kind": RECORD_KIND,
        "agreement": {
            "frequency": frequency_label(terms, agreement, held_on),
            "usual_minutes": int(terms.usual_minutes),
        },
        "parties": parties(agreement, person),
        "session": {
            "date": held_on.isoformat() if held_on else "",
            "duration_minutes": duration_minutes(session),
        },
        "stages": [
            {
                "key": section.key,
                "title": section.title,
                "notes": [{"prompt": n.prompt_text, "text": n.text} for n in section.notes],
            }
            for section in sections(session)
        ],
        "functions_minutes": (
            {k: minutes(v) for k, v in seconds_by_function(session).items()}
            if session.minutes_in_record == BOTH_INCLUDE_MINUTES
            else None
        ),
        "actions": [
            {
                "description": a.description,
                "owner": a.owner,
                "due": a.due.isoformat() if a.due else None,
                "status": a.status,
            }
            for a in session.actions
        ],
        "ratings": _ratings(session),
        "case_file_decisions": list(session.case_file_decisions),
        "summary": distinct_summary(session),
    }
