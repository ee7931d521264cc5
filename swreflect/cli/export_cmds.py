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
from swreflect.core.record_filter import RecordFilter
from swreflect.errors import (
    EXIT_OK,
    SwreflectError,
    UsageError,
    ValidationError,
    VerificationFailedError,
)
from swreflect.signing.records import SignedRecord

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
        ("text", "plain text for pasting into a case system"),
        ("markdown", "Markdown for pasting into a case system"),
        ("cpd", "a CPD entry (activity, learning, impact, peer reflection)"),
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
        signoff = ctx.unlock().signoff
        found += [signoff.agreed_record(signoff.resolve(ref)) for ref in args.records]
        if args.all:
            found += signoff.agreed_records()
    found = list({s.record["record_id"]: s for s in found}.values())
    chosen = RecordFilter(args.person, _day(args.since), _day(args.until))
    found = chosen.apply(found)
    if not found:
        raise ValidationError("No agreed records matched. Nothing was exported.")
    return found


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"'{text}' isn't a date like 2026-03-31.") from exc


# ---------------------------------------------------------------- commands
def cmd_export_pdf(ctx: CliContext) -> int:
    from swreflect.export.pdf_record import (
        export_batch_pdf,
        export_record_pdf,
        missing_characters,
    )

    records = _records(ctx)
    services = ctx.unlock()
    identity = services.identity.ensure_identity()
    now = services.clock.now()
    with ctx.output_path(ctx.args.out) as out:
        if len(records) == 1:
            export_record_pdf(records[0], identity, out, now)
        else:
            export_batch_pdf(records, identity, out, now)
    noun = "record" if len(records) == 1 else "records"
    ctx.result(records=[s.record_id for s in records])
    ctx.out(f"Exported {len(records)} agreed {noun} to {ctx.args.out}, signed by you.")
    gaps = missing_characters(records)
    if gaps:
        print(f"swreflect: note: {MISSING_GLYPHS} {' '.join(gaps[:12])}", file=sys.stderr)
    return EXIT_OK


def cmd_export_text(ctx: CliContext) -> int:
    from swreflect.export import cpd, text_export
    from swreflect.platform.files import atomic_write

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
        pieces.append(cpd.from_journal_entry(entry).to_text())
    has_records = ctx.args.records or ctx.args.all or ctx.args.from_file
    if has_records or not pieces:
        for signed in _records(ctx):
            if kind == "text":
                pieces.append(text_export.record_text(signed))
            elif kind == "markdown":
                pieces.append(text_export.record_markdown(signed))
            else:
                pieces.append(cpd.from_record(signed.record).to_text())
    result = "\n\n".join(pieces)
    if ctx.args.out and ctx.args.out != "-":
        try:
            atomic_write(Path(ctx.args.out), result.encode("utf-8"))
        except OSError as exc:
            from swreflect.errors import ExportFailedError

            raise ExportFailedError() from exc
        ctx.out(f"Wrote {ctx.args.out}.")
    else:
        sys.stdout.write(result)
    return EXIT_OK


def cmd_verify(ctx: CliContext) -> int:
    from swreflect.export.verify import verify_file
    from swreflect.export.verify_text import report_json, report_lines

    try:
        report = verify_file(Path(ctx.args.file))
    except VerificationFailedError as exc:
        if ctx.wants_json:
            ctx.out_json({"valid": False, "reason": exc.message})
        raise
    known = _known_people(ctx)
    if ctx.wants_json:
        ctx.out_json(report_json(report, known))
    else:
        for line in report_lines(report, known):
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
