"""Backup and portability commands: ``backup create|list|restore``, ``export json``,
``import json``.

Exit codes follow docs/architecture.md §10: 3 when the passphrase or recovery key doesn't open the
backup, 4 when the backup file is damaged, incomplete or tampered with (or no automatic backup
is sound).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from swreflect.cli import command_group
from swreflect.cli.context import CliContext
from swreflect.core import backup_service
from swreflect.core.portability import PLAINTEXT_WARNING
from swreflect.errors import EXIT_OK
from swreflect.timefmt import format_stamp, plural

RECOVERY_KEY_ENV = "SWREFLECT_RECOVERY_KEY"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("backup", parents=[common], help="back up and restore the vault")
    sub = p.add_subparsers(dest="backup_command", metavar="ACTION", required=True)

    c = sub.add_parser("create", parents=[common], help="make an encrypted backup now")
    c.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write one backup file here (e.g. on a USB stick); default: the vault's backups/",
    )
    c.set_defaults(func=cmd_create)

    ls = sub.add_parser("list", parents=[common], help="list the automatic backups")
    ls.set_defaults(func=cmd_list)

    r = sub.add_parser(
        "restore", parents=[common], help="restore a backup file (or the latest good backup)"
    )
    r.add_argument("file", metavar="FILE", nargs="?", help="a file made by 'backup create -o'")
    r.add_argument(
        "--latest",
        action="store_true",
        help="restore the newest sound automatic backup from the vault's backups/",
    )
    r.add_argument("--recovery-key-file", metavar="FILE", help="open with the recovery key")
    r.add_argument(
        "--replace",
        action="store_true",
        help="allow replacing a different vault that is already in --vault",
    )
    r.set_defaults(func=cmd_restore)

    exp = command_group(subparsers, common, "export", "export records")
    j = exp.add_parser("json", parents=[common], help="everything as JSON (NOT encrypted)")  # type: ignore[attr-defined]
    j.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="where to write it (- for stdout)"
    )
    j.set_defaults(func=cmd_export_json)

    imp = command_group(subparsers, common, "import", "import records")
    i = imp.add_parser("json", parents=[common], help="a JSON export into a new, empty vault")  # type: ignore[attr-defined]
    i.add_argument("file", metavar="FILE", help="a file made by 'export json'")
    i.set_defaults(func=cmd_import_json)


def cmd_create(ctx: CliContext) -> int:
    services = ctx.unlock()
    if ctx.args.output:
        with ctx.output_path(ctx.args.output) as target:
            path = services.backups.back_up_to(target)
        ctx.out(f"Backup written to {ctx.args.output if ctx.args.output == '-' else path}")
        ctx.out("It is encrypted: your passphrase or your recovery key opens it.")
    else:
        info = services.backups.create_backup()
        ctx.result(output=str(info.path), kind=info.kind)
        ctx.out(f"Backup written to {info.path}")
    return EXIT_OK


def cmd_list(ctx: CliContext) -> int:
    services = ctx.unlock()
    backups = services.backups.list_backups()
    rows = [
        {
            "file": info.path.name,
            "kind": info.kind,
            "taken_at": info.taken_at.isoformat(timespec="seconds"),
            "schema_version": info.schema_version,
            "bytes": info.path.stat().st_size,
        }
        for info in backups
    ]
    if ctx.wants_json:
        ctx.out_json(rows)
    elif not rows:
        ctx.out("There are no backups yet.")
    else:
        for info, row in zip(backups, rows, strict=True):
            stamp = format_stamp(info.taken_at)
            ctx.out(f"{stamp}  {row['kind']:<14} {row['bytes']:>10}  {row['file']}")
    return EXIT_OK


def _restore_secret(ctx: CliContext) -> dict[str, str]:
    if getattr(ctx.args, "recovery_key_file", None) or (
        not getattr(ctx.args, "passphrase_file", None)
        and not os.environ.get("SWREFLECT_PASSPHRASE")
        and os.environ.get(RECOVERY_KEY_ENV)
    ):
        key = ctx.read_secret("Recovery key: ", env=RECOVERY_KEY_ENV, file_arg="recovery_key_file")
        return {"recovery_key": key}
    return {"passphrase": ctx.read_secret("Passphrase of the backup: ")}


def cmd_restore(ctx: CliContext) -> int:
    from swreflect.core import backup_labels

    if bool(ctx.args.file) == bool(ctx.args.latest):
        from swreflect.errors import UsageError

        raise UsageError("Name a backup FILE, or use --latest (not both).")
    # Name the backup and its date first, before asking for the secret.
    label: backup_labels.BackupLabel | None = None
    if ctx.args.latest:
        newest = backup_labels.newest_automatic(ctx.vault_dir)
        if newest is not None:
            ctx.out(f"The newest automatic backup is {newest.describe()}.")
            ctx.out("If it fails its checks, the newest sound one before it is used.")
    else:
        label = backup_labels.label_for_file(Path(ctx.args.file))
        if label is not None:
            ctx.out(f"Restoring {label.describe()}.")
    secret = _restore_secret(ctx)
    used: backup_labels.BackupLabel | None
    if ctx.args.latest:
        info = backup_service.restore_latest_backup(ctx.vault_dir, **secret)
        used = backup_labels.label_for_taken(info.path, info.taken_at)
    else:
        backup_service.restore_from_file(
            ctx.vault_dir, Path(ctx.args.file), replace_other=ctx.args.replace, **secret
        )
        used = label
    what = "the backup" if used is None else used.describe()
    if used is not None:
        ctx.result(backup=used.name, made=used.made.isoformat(timespec="seconds"))
    ctx.out(f"Restored {what} into {ctx.vault_dir}. It passed both integrity checks.")
    if not ctx.args.latest:
        ctx.out("Open it with the passphrase (or recovery key) it had when the backup was made.")
    return EXIT_OK


def cmd_export_json(ctx: CliContext) -> int:
    from swreflect.cli.record_cmds import warn_identifiers
    from swreflect.core.export_check import identifiers_in_export

    services = ctx.unlock()
    print(f"swreflect: {PLAINTEXT_WARNING}", file=sys.stderr)
    document = services.portability.export_document()
    agreed = services.signoff.agreed_records()
    warn_identifiers(
        identifiers_in_export(document, agreed, services.records.pseudonyms()),
        "exporting anyway:",
    )
    with ctx.output_path(ctx.args.output) as target:
        services.portability.export_json(target, document)
    ctx.out(f"Exported everything to {ctx.args.output}")
    return EXIT_OK


def cmd_import_json(ctx: CliContext) -> int:
    services = ctx.unlock()
    counts = services.portability.import_json(Path(ctx.args.file))
    ctx.out(f"Imported {plural(sum(counts.values()), 'row')} from {plural(len(counts), 'table')}.")
    return EXIT_OK
