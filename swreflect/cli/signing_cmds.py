"""Sign-off commands: identity, pairing, agreement requests, the inbox, signing.

``identity show|export``, ``people pair PERSON CARD_FILE``, ``session request-agreement ID -o
FILE``, ``session sign ID -o FILE``, ``session return ID -o FILE``, ``inbox import FILE``,
``inbox list``, ``inbox show ID``, ``inbox verify ID``. Verification failures (a bad exchange
file, a changed key, a signature that doesn't check) exit with 6.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from swreflect.cli import command_group
from swreflect.cli.context import CliContext
from swreflect.core.record_text import signature_line, status_words
from swreflect.core.services import Services
from swreflect.errors import EXIT_OK, FingerprintNotConfirmedError, SwreflectError, UsageError
from swreflect.models.vocab import IN_ROOM_LABEL, AgreementStatus, Decision, Role
from swreflect.platform.files import atomic_write

MAX_INPUT_BYTES = 16 * 1024 * 1024


def _add(group: Any, name: str, common: argparse.ArgumentParser, help_text: str) -> Any:
    return group.add_parser(name, parents=[common], help=help_text)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    identity = command_group(subparsers, common, "identity", "your signing identity")
    p = _add(identity, "show", common, "show your name and fingerprint")
    p.add_argument("--name", help="your name, used only when the identity is first made")
    p.set_defaults(func=cmd_identity_show)
    p = _add(identity, "export", common, "write your identity card to a file")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--name", help="your name, used only when the identity is first made")
    p.set_defaults(func=cmd_identity_export)

    people = command_group(
        subparsers, common, "people", "people you supervise or who supervise you"
    )
    p = _add(people, "pair", common, "trust a person's identity card")
    p.add_argument("person", help="the person's id")
    p.add_argument("card", metavar="CARD_FILE", help="their identity card file")
    p.add_argument(
        "--fingerprints-match",
        action="store_true",
        help="confirm you have compared the fingerprint with them and it matches",
    )
    p.add_argument(
        "--replace-key",
        action="store_true",
        help="accept a new key for someone already paired (after checking with them)",
    )
    p.set_defaults(func=cmd_people_pair)

    session = command_group(subparsers, common, "session", "supervision sessions")
    p = _add(session, "request-agreement", common, "make an agreement request file")
    p.add_argument("session", help="session id, or the record id of a record to send again")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--to", metavar="PERSON", help="the paired person (default: from the session)")
    p.add_argument("--as", dest="my_role", choices=tuple(Role))
    p.set_defaults(func=cmd_request_agreement)
    for name, help_text, func in (
        ("sign", "sign a record you were asked to agree", cmd_sign),
        ("return", "send a record back with your comments", cmd_return),
    ):
        p = _add(session, name, common, help_text)
        p.add_argument("record", help="record id (or its first characters)")
        p.add_argument("-o", "--output", required=True, metavar="FILE", help="the answer file")
        p.add_argument("--comment", action="append", default=[], metavar="TEXT")
        p.add_argument("--disagree", action="append", default=[], metavar="TEXT")
        p.set_defaults(func=func)

    p = _add(session, "agree-in-room", common, "record that you both agreed it face to face")
    p.add_argument("session", help="session id (or its first characters)")
    p.add_argument("--name", required=True, help="the other person's name, as they agreed")
    p.add_argument("--comment", default="", metavar="TEXT", help="their comment, in their words")
    p.add_argument(
        "--disagree", default="", metavar="TEXT", help="what they disagree with, in their words"
    )
    p.add_argument(
        "--copy",
        metavar="FILE",
        help="also write a copy for them to import, so they can add an addendum later",
    )
    p.set_defaults(func=cmd_agree_in_room)

    inbox = command_group(subparsers, common, "inbox", "agreement requests and answers")
    p = _add(inbox, "import", common, "import an agreement request or answer file")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_inbox_import)
    p = _add(inbox, "list", common, "list records sent or received for agreement")
    p.set_defaults(func=cmd_inbox_list)
    p = _add(inbox, "show", common, "show a record and its agreement history (read-only)")
    p.add_argument("record", help="record id (or its first characters)")
    p.set_defaults(func=cmd_inbox_show)
    p = _add(inbox, "verify", common, "check both signatures on an agreed record")
    p.add_argument("record", help="record id (or its first characters)")
    p.set_defaults(func=cmd_inbox_verify)


# --------------------------------------------------------------------------- helpers
def _read_input(path: str) -> bytes:
    file = Path(path)
    try:
        if file.stat().st_size > MAX_INPUT_BYTES:
            raise UsageError(
                f"{path} is far too large to be a swreflect file. Nothing was changed."
            )
        return file.read_bytes()
    except OSError as exc:
        raise UsageError(f"Couldn't read {path}. Nothing was changed.") from exc


def _writer(path: str, ctx: CliContext) -> Any:
    """Writes the file the command produced; ``-`` sends it to standard output instead."""
    if path == "-":
        ctx.claim_stdout()  # before any work, so --json with -o - is refused up front

    def deliver(data: bytes) -> None:
        if path == "-":
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        try:
            atomic_write(Path(path), data)
        except OSError as exc:
            raise UsageError(f"Couldn't write {path}. Nothing was changed.") from exc

    return deliver


# --------------------------------------------------------------------------- identity
def _own_identity(ctx: CliContext, services: Services) -> Any:
    """The owner's identity; the first time, made with the name they give (never a guess)."""
    if not services.identity.has_identity() and not (ctx.args.name or "").strip():
        raise UsageError(
            "You don't have a signing identity yet. Nothing was changed; run this again with "
            '--name "Your name" to make one with the name others will see.'
        )
    return services.identity.ensure_identity(ctx.args.name)


def cmd_identity_show(ctx: CliContext) -> int:
    services = ctx.unlock()
    ident = _own_identity(ctx, services)
    if ctx.wants_json:
        ctx.out_json(
            {
                "display_name": ident.display_name,
                "role": ident.role,
                "fingerprint": ident.fingerprint,
                "fingerprint_groups": ident.short_fingerprint,
            }
        )
        return EXIT_OK
    ctx.out(f"Name:        {ident.display_name}")
    ctx.out(f"Fingerprint: {ident.short_fingerprint}")
    ctx.out(f"Full:        {ident.fingerprint}")
    ctx.out("Read the fingerprint aloud to compare it with the other person's screen.")
    return EXIT_OK


def cmd_identity_export(ctx: CliContext) -> int:
    services = ctx.unlock()
    ident = _own_identity(ctx, services)
    _writer(ctx.args.output, ctx)(services.identity.export_card())
    ctx.out(f"Wrote your identity card to {ctx.args.output}")
    ctx.out(f"Fingerprint: {ident.short_fingerprint}")
    return EXIT_OK


def cmd_people_pair(ctx: CliContext) -> int:
    services = ctx.unlock()
    card = services.identity.read_card(_read_input(ctx.args.card))
    person = _person_ref(services, ctx.args.person)
    if not ctx.args.replace_key:
        services.identity.check_known_key(person, card)
    confirmed = bool(ctx.args.fingerprints_match)
    ctx.out(f"Card for:    {card.display_name}")
    ctx.out(f"Fingerprint: {card.short_fingerprint}")
    if not confirmed and sys.stdin is not None and sys.stdin.isatty():
        answer = input("Does this match the fingerprint on their screen? Type yes to pair: ")
        confirmed = answer.strip().lower() in ("y", "yes")
    if not confirmed:
        raise FingerprintNotConfirmedError(
            "Compare this fingerprint with the one on their screen, then run the command "
            "again with --fingerprints-match. Nothing was changed."
        )
    services.identity.pair(
        person, card, fingerprints_match=True, replace_key=bool(ctx.args.replace_key)
    )
    ctx.out(f"Paired with {card.display_name}.")
    return EXIT_OK


def _person_ref(services: Services, ref: str) -> str:
    """A person's id from their id, the first characters of it, or their name."""
    return str(services.people.find(ref).id)


# --------------------------------------------------------------------------- sessions
def cmd_request_agreement(ctx: CliContext) -> int:
    services = ctx.unlock()
    signoff, ref = services.signoff, ctx.args.session
    deliver = _writer(ctx.args.output, ctx)
    known = signoff.find(ref)
    if known is not None:
        signed = signoff.signed_record(known)
        row = signoff.latest(known)
        signoff.request_agreement(
            signed.record,
            to=ctx.args.to or row.counterpart_ref or "",
            my_role=row.my_role,
            deliver=deliver,
        )
    else:
        signoff.request_session_agreement(
            ref, to=ctx.args.to, my_role=ctx.args.my_role, deliver=deliver
        )
    ctx.result(output=ctx.args.output)
    ctx.out(f"Wrote the agreement request to {ctx.args.output}")
    ctx.out("Send it to the other person; only their vault can open it.")
    return EXIT_OK


def _respond(ctx: CliContext, decision: str) -> int:
    services = ctx.unlock()
    signoff = services.signoff
    record_id = signoff.resolve(_record_ref(services, ctx.args.record))
    for text in ctx.args.comment:
        signoff.add_note(record_id, text, kind="comment")
    for text in ctx.args.disagree:
        signoff.add_note(record_id, text, kind="disagreement")
    deliver = _writer(ctx.args.output, ctx)
    ctx.result(record_id=record_id, decision=str(decision), output=ctx.args.output)
    if decision == Decision.SIGNED:
        signoff.sign(record_id, deliver=deliver)
        ctx.out("You signed the record. Your vault keeps its own agreed copy.")
    else:
        signoff.return_with_comments(record_id, deliver=deliver)
        ctx.out("You returned the record with your comments.")
    ctx.out(f"Wrote your answer to {ctx.args.output}; send it back to the other person.")
    return EXIT_OK


def cmd_sign(ctx: CliContext) -> int:
    return _respond(ctx, Decision.SIGNED)


def cmd_return(ctx: CliContext) -> int:
    return _respond(ctx, Decision.RETURNED)


def cmd_agree_in_room(ctx: CliContext) -> int:
    services = ctx.unlock()
    session = services.sessions.find(ctx.args.session)
    record_id = services.signoff.acknowledge_session_in_room(
        session.id, ctx.args.name, comment=ctx.args.comment, disagreement=ctx.args.disagree
    )
    if ctx.args.copy:
        services.signoff.in_room_copy(record_id, deliver=_writer(ctx.args.copy, ctx))
    if ctx.wants_json:
        ctx.out_json({"id": record_id, "session_id": session.id, "copy": ctx.args.copy})
        return EXIT_OK
    if ctx.args.copy:
        ctx.out(f"Wrote their copy to {ctx.args.copy}; only their vault can open it.")
    ctx.out(f"Recorded: {ctx.args.name} acknowledged record {record_id[:8]} with you in the room.")
    if ctx.args.disagree:
        ctx.out("Their disagreement is kept with the record and shown in every export.")
    ctx.out(f"This is labelled everywhere as: {IN_ROOM_LABEL}.")
    ctx.out("Either of you can add a signed addendum later ('swreflect addendum send').")
    return EXIT_OK


def _record_ref(services: Services, ref: str) -> str:
    """Accept a session id too, when it isn't a record's: its record is the one meant."""
    if services.signoff.find(ref) is not None:
        return ref
    try:
        return str(services.sessions.find(ref).record_id)
    except SwreflectError:
        return ref  # the record id's own "not found" is the clearer message


# --------------------------------------------------------------------------- inbox
def cmd_inbox_import(ctx: CliContext) -> int:
    services = ctx.unlock()
    result = services.signoff.import_file(_read_input(ctx.args.file))
    if ctx.wants_json:
        ctx.out_json(
            {
                "kind": result.kind,
                "record_id": result.record_id,
                "version": result.version,
                "status": result.status,
                "from": result.sender_name,
                "decision": result.decision,
            }
        )
        return EXIT_OK
    short = result.record_id[:8]
    if result.kind == "copy":
        ctx.out(f"Your copy of record {short}, acknowledged in the room with {result.sender_name}.")
        ctx.out(f"Add to it any time with 'swreflect addendum send {short} TEXT -o FILE'.")
    elif result.kind == "request":
        ctx.out(
            f"{result.sender_name} asked you to agree record {short} (version {result.version})."
        )
        ctx.out(f"Read it with 'swreflect inbox show {short}', then sign or return it.")
    elif result.status == AgreementStatus.AGREED:
        ctx.out(f"{result.sender_name} signed record {short}. Both signatures check out: agreed.")
    else:
        ctx.out(f"{result.sender_name} returned record {short} with comments.")
        ctx.out(f"Read them with 'swreflect inbox show {short}'.")
    return EXIT_OK


def cmd_inbox_list(ctx: CliContext) -> int:
    rows = ctx.unlock().signoff.records()
    if ctx.wants_json:
        ctx.out_json(
            [
                {
                    "record_id": r.record_id,
                    "version": r.version,
                    "kind": r.kind,
                    "status": r.status,
                    "direction": r.direction,
                    "my_role": r.my_role,
                    "person": r.counterpart_ref,
                }
                for r in rows
            ]
        )
        return EXIT_OK
    if not rows:
        ctx.out("Nothing sent or received for agreement yet.")
    for r in rows:
        kind = "addendum" if r.kind == "addendum" else "record"
        ctx.out(f"{r.record_id[:8]}  v{r.version}  {kind}  {status_words(r.status)}")
    return EXIT_OK


def cmd_inbox_show(ctx: CliContext) -> int:
    from swreflect.cli.signing_show import show_history

    services = ctx.unlock()
    record_id = services.signoff.resolve(_record_ref(services, ctx.args.record))
    show_history(ctx, services.signoff.history(record_id))
    return EXIT_OK


def cmd_inbox_verify(ctx: CliContext) -> int:
    services = ctx.unlock()
    record_id = services.signoff.resolve(_record_ref(services, ctx.args.record))
    entries = services.signoff.verify(record_id)
    ctx.result(
        record_id=record_id,
        signatures=[
            {"role": e.role, "signer": e.signer_name, "cryptographic": e.is_cryptographic}
            for e in entries
        ],
    )
    if all(e.is_cryptographic for e in entries):
        ctx.out("Both signatures are valid and come from the keys you paired with.")
    else:
        ctx.out("Your signature is valid. The other person's agreement was given in the room:")
        ctx.out(f"it is {IN_ROOM_LABEL[0].lower() + IN_ROOM_LABEL[1:]}.")
    for entry in entries:
        ctx.out("  " + signature_line(entry))
    return EXIT_OK
