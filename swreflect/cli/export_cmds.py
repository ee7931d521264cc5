"""Export and verify commands: ``export pdf|text|markdown|cpd`` and ``verify FILE``.

Records come from the vault's agreed records (by id or prefix, or every agreed record in a date
range) or from a signed-record JSON file (``--from-file``, as written by ``export json``). The
PDF is signed with the vault owner's identity, so ``export pdf`` always unlocks the vault;
``verify`` never needs a vault, and uses one only to name paired people when ``--vault`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from swreflect.cli import command_group
from swreflect.cli.context import CliContext
from swreflect.core.record_export import SignedRecord
from swreflect.core.record_filter import RecordFilter
from swreflect.errors import (
    EXIT_OK,
    SwreflectError,
    UsageError,
    ValidationError,
    VerificationFailedError,
)

CPD_OPTIONS = (
    ("relevance", "why it is relevant to your practice"),
    ("learned", "what you learned"),
    ("impact", "the impact on your practice and the people you work with"),
    ("peer_who", "who you reflected with"),
    ("peer_discussed", "what you discussed"),
    ("peer_learned", "what you learned from them"),
    ("title", "a title"),
)
MISSING_GLYPHS = (
    "the PDF's font has no letters for some characters, which show as empty boxes "
    "(the record inside the PDF keeps them exactly):"
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    group: Any = command_group(subparsers, common, "export", "export agreed records")

    p = group.add_parser("pdf", parents=[common], help="a signed PDF of one or more records")
    _record_args(p)
    p.add_argument(
        "-o",
        "--output",
        "--out",
        dest="out",
        metavar="FILE",
        required=True,
        help="where to write the PDF (- for standard output)",
    )
    p.set_defaults(func=cmd_export_pdf)

    for name, help_text in (
        ("text", "plain text of the whole record, for the supervision file (not a case file)"),
        ("markdown", "Markdown of the whole record, for the supervision file (not a case file)"),
        ("cpd", "a CPD entry in the regulator's fields, for you to complete"),
    ):
        p = group.add_parser(name, parents=[common], help=help_text)
        _record_args(p)
        p.add_argument(
            "-o",
            "--output",
            "--out",
            dest="out",
            metavar="FILE",
            help="write to FILE instead of the screen (- for the screen)",
        )
        if name == "cpd":
            p.add_argument(
                "--journal-file",
                metavar="FILE",
                help="a journal entry as JSON (title, body, created)",
            )
            for key, heading in CPD_OPTIONS:
                p.add_argument(f"--{key.replace('_', '-')}", dest=f"cpd_{key}", metavar="TEXT",
                               help=f"{heading}, in your own words")  # fmt: skip
        p.set_defaults(func=cmd_export_text, export_kind=name)

    p = subparsers.add_parser("verify", parents=[common], help="check a swreflect PDF")
    p.add_argument("file", metavar="FILE", help="the PDF to check")
    p.set_defaults(func=cmd_verify)


def _record_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("records", nargs="*", metavar="RECORD", help="record id or its first characters")
    p.add_argument("--from-file", metavar="FILE", action="append", help="a signed record (JSON)")
    p.add_argument("--all", action="store_true", help="every agreed record (with --since/--until)")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="sessions on or after this date")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="sessions on or before this date")
    p.add_argument(
        "--person", metavar="NAME", help="only records with this supervisor or supervisee"
    )


# ---------------------------------------------------------------- gathering records
def _records(ctx: CliContext) -> list[SignedRecord]:
    args = ctx.args
    if not (args.records or args.all or args.from_file):
        raise UsageError("Say which records: give record ids, --all, or --from-file FILE.")
    found: list[SignedRecord] = []
    for path in args.from_file or []:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"Couldn't read a signed record from {path}.") from exc
        found.append(SignedRecord.from_json(data))
    if args.records or args.all:
        services = ctx.unlock()
        signoff = services.signoff
        refs = [signoff.agreed_record(signoff.resolve(ref)).record_id for ref in args.records]
        if args.all:
            refs += [
                s.record_id for s in signoff.agreed_records() if s.record.get("kind") != "addendum"
            ]
        found += services.records.agreed_with_addenda(refs)  # each record, then its addenda
    found = list({s.record["record_id"]: s for s in found}.values())
    chosen = RecordFilter(args.person, _day(args.since), _day(args.until))
    found = chosen.apply(found)
    if not found:
        raise ValidationError("No agreed records matched. Nothing was exported.")
    _check_identifiers(ctx, found)
    return found


def _check_identifiers(ctx: CliContext, records: list[SignedRecord]) -> None:
    """The last de-identification check before anything leaves the vault (stderr only)."""
    from swreflect.cli.record_cmds import warn_identifiers
    from swreflect.core.record_service import identifiers_in_records

    if getattr(ctx.args, "vault", None) or ctx.args.records or ctx.args.all:
        spotted = ctx.unlock().records.identifiers_in_records(records)  # as the GUI asks
    else:
        spotted = identifiers_in_records(records)  # a file alone: no never-record names
    warn_identifiers(spotted, "exporting anyway:")


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"'{text}' isn't a date like 2026-03-31.") from exc


# ---------------------------------------------------------------- commands
def cmd_export_pdf(ctx: CliContext) -> int:
    from swreflect.core.record_export import export_pdf

    records = _records(ctx)
    services = ctx.unlock()
    identity = services.identity.ensure_identity()
    now = services.clock.now()
    with ctx.output_path(ctx.args.out) as out:
        done = export_pdf(records, identity, out, now)
    noun = "record" if len(records) == 1 else "records"
    ctx.result(records=[s.record_id for s in records])
    ctx.out(f"Exported {len(records)} agreed {noun} to {ctx.args.out}, signed by you.")
    gaps = done.missing_characters
    if gaps:
        print(f"swreflect: note: {MISSING_GLYPHS} {' '.join(gaps[:12])}", file=sys.stderr)
    return EXIT_OK


def cmd_export_text(ctx: CliContext) -> int:
    from swreflect.core import cpd
    from swreflect.core.record_export import record_text, save_text

    kind = ctx.args.export_kind
    pieces: list[str] = []
    journal = getattr(ctx.args, "journal_file", None)
    if journal:
        try:
            entry = json.loads(Path(journal).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"Couldn't read a journal entry from {journal}.") from exc
        if not isinstance(entry, dict):
            raise UsageError("A journal entry file holds one JSON object.")
        pieces.append(_cpd_done(cpd.from_journal_entry(entry, _cpd_answers(ctx))))
    has_records = ctx.args.records or ctx.args.all or ctx.args.from_file
    if has_records or not pieces:
        for signed in _records(ctx):
            if kind in ("text", "markdown"):
                pieces.append(record_text(signed, kind))
            elif signed.record.get("kind") != "addendum":
                pieces.append(_cpd_done(_cpd_for(ctx, signed)))
    result = "\n\n".join(pieces)
    if ctx.args.out and ctx.args.out != "-":
        save_text(Path(ctx.args.out), result)
        ctx.out(f"Wrote {ctx.args.out}.")
    else:
        sys.stdout.write(result)
    return EXIT_OK


def _cpd_answers(ctx: CliContext) -> dict[str, str]:
    return {
        key: value for key, _h in CPD_OPTIONS if (value := getattr(ctx.args, f"cpd_{key}", None))
    }


def _cpd_for(ctx: CliContext, signed: SignedRecord) -> Any:
    from swreflect.core import cpd

    answers = _cpd_answers(ctx)
    services = ctx.unlock() if (ctx.args.records or ctx.args.all) else None
    if services is not None and services.signoff.find(signed.record_id) is not None:
        return services.records.cpd_from_record(signed.record_id, answers)
    return cpd.from_record(signed.record, answers)


def _cpd_done(entry: Any) -> str:
    """The entry's text; what was swapped and what is left to write go to stderr."""
    if entry.swapped:
        print(
            "swreflect: note: swapped for placeholders in the CPD text: "
            + ", ".join(entry.swapped),
            file=sys.stderr,
        )
    left = entry.to_complete()
    if left:
        print(
            "swreflect: note: still to write in your own words: " + "; ".join(left),
            file=sys.stderr,
        )
    return str(entry.to_text())


def cmd_verify(ctx: CliContext) -> int:
    from swreflect.core.pdf_check import check_pdf

    try:
        check = check_pdf(Path(ctx.args.file))
    except VerificationFailedError as exc:
        if ctx.wants_json:
            ctx.out_json({"valid": False, "reason": exc.message})
        raise
    known = _known_people(ctx)
    if ctx.wants_json:
        ctx.out_json(check.as_json(known))
    else:
        for line in check.lines(known):
            ctx.out(line)
    return EXIT_OK


def _known_people(ctx: CliContext) -> dict[str, str]:
    """Fingerprint -> paired person's name, only when a vault was named with --vault."""
    if not getattr(ctx.args, "vault", None):
        return {}
    try:
        services = ctx.unlock()
    except SwreflectError as exc:
        print(f"swreflect: paired people aren't named: {exc.message}", file=sys.stderr)
        return {}
    return services.identity.known_signers()
