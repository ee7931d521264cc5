"""Vault commands: init, check, passphrase change, recover, recovery-key rotate."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from swreflect.cli.context import CliContext
from swreflect.core import vault_access
from swreflect.errors import EXIT_DAMAGED, EXIT_OK, UsageError, VaultDamagedError, VaultExistsError

NEW_PASSPHRASE_ENV = "SWREFLECT_NEW_PASSPHRASE"
RECOVERY_KEY_ENV = "SWREFLECT_RECOVERY_KEY"
NEW_RECOVERY_KEY_ENV = "SWREFLECT_NEW_RECOVERY_KEY"
ROTATE_NEXT_STEP = (
    "Nothing has changed yet: your current recovery key still works.\n"
    "Once this new key is stored, run 'swreflect recovery-key rotate --confirm' and enter it\n"
    "(or set SWREFLECT_NEW_RECOVERY_KEY). Only then does the old key stop working."
)

RECOVERY_WARNING = (
    "This is your recovery key. It is shown only once.\n"
    "Write it down or print it, and keep it somewhere safe and away from this computer.\n"
    "Anyone with this key can open your vault; without it or your passphrase, nobody can."
)


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("init", parents=[common], help="create a new vault")
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser("check", parents=[common], help="check the vault for damage")
    p.set_defaults(func=cmd_check)

    p = subparsers.add_parser("passphrase", parents=[common], help="passphrase commands")
    sub = p.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    c = sub.add_parser("change", parents=[common], help="set a new passphrase")
    c.add_argument(
        "--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE"
    )
    c.set_defaults(func=cmd_passphrase_change)

    p = subparsers.add_parser(
        "recover", parents=[common], help="set a new passphrase using your recovery key"
    )
    p.add_argument("--recovery-key-file", metavar="FILE", help="read the recovery key from FILE")
    p.add_argument(
        "--new-passphrase-file", metavar="FILE", help="read the new passphrase from FILE"
    )
    p.set_defaults(func=cmd_recover)

    p = subparsers.add_parser("recovery-key", parents=[common], help="recovery key commands")
    sub = p.add_subparsers(dest="recovery_command", metavar="ACTION", required=True)
    r = sub.add_parser(
        "rotate",
        parents=[common],
        help="show a new recovery key; with --confirm, put the key you stored in place",
    )
    r.add_argument(
        "--confirm",
        action="store_true",
        help="second step: enter the new key you stored; only then does the old key stop",
    )
    r.add_argument("--recovery-key-file", metavar="FILE", help="read the new key from FILE")
    r.set_defaults(func=cmd_recovery_rotate)


def cmd_init(ctx: CliContext) -> int:
    if vault_access.vault_exists(ctx.vault_dir):
        raise VaultExistsError()  # before asking for anything, and without touching it
    passphrase = ctx.read_new_secret(
        "Choose a passphrase: ", "SWREFLECT_PASSPHRASE", "passphrase_file"
    )
    vault, recovery = vault_access.create_vault(ctx.vault_dir, passphrase)
    ctx.adopt(vault)
    ctx.result(vault=str(ctx.vault_dir), recovery_key=recovery)
    ctx.out(f"Created a vault in {ctx.vault_dir}")
    ctx.out("")
    ctx.out(RECOVERY_WARNING)
    ctx.out("")
    ctx.out(f"    {recovery}")
    return EXIT_OK


def cmd_check(ctx: CliContext) -> int:
    services = ctx.unlock()
    check = vault_access.check_vault(services.vault)
    if ctx.wants_json:
        ctx.out_json(check.as_json())
    elif not check.ok:
        print(f"swreflect: {VaultDamagedError.default_message}", file=sys.stderr)
    else:
        ctx.out("The vault is sound: both integrity checks passed.")
    return EXIT_OK if check.ok else EXIT_DAMAGED


def cmd_passphrase_change(ctx: CliContext) -> int:
    services = ctx.unlock()  # proves the current passphrase
    new = ctx.read_new_secret("New passphrase: ", NEW_PASSPHRASE_ENV, "new_passphrase_file")
    services.security.set_new_passphrase(new)
    ctx.out("Your passphrase has been changed. The old one no longer opens the vault.")
    return EXIT_OK


def cmd_recover(ctx: CliContext) -> int:
    key = ctx.read_secret("Recovery key: ", env=RECOVERY_KEY_ENV, file_arg="recovery_key_file")
    progress = ctx.unlock_progress()
    vault = vault_access.unlock_vault(ctx.vault_dir, key, recovery_key=True, progress=progress)
    services = ctx.adopt(vault)
    new = ctx.read_new_secret("New passphrase: ", NEW_PASSPHRASE_ENV, "new_passphrase_file")
    services.security.set_new_passphrase(new)
    ctx.out("Your new passphrase is set. Your recovery key still works; keep it safe.")
    return EXIT_OK


def cmd_recovery_rotate(ctx: CliContext) -> int:
    """Two steps, so a crash or a lost terminal never leaves no recovery key (D3): the new
    key is printed (and flushed) while nothing has changed; the old key stops working only
    when the user types the new one back with ``--confirm``."""
    services = ctx.unlock()
    if not ctx.args.confirm:
        recovery = services.security.propose_recovery_key()
        ctx.result(recovery_key=recovery, confirmed=False)
        ctx.out(RECOVERY_WARNING)
        ctx.out("")
        ctx.out(f"    {recovery}")
        ctx.out("")
        ctx.out(ROTATE_NEXT_STEP)
        sys.stdout.flush()
        return EXIT_OK
    given = os.environ.get(NEW_RECOVERY_KEY_ENV) or ctx.args.recovery_key_file
    if not given and not (sys.stdin is not None and sys.stdin.isatty()):
        raise UsageError(
            "No new recovery key given. Set SWREFLECT_NEW_RECOVERY_KEY, use "
            "--recovery-key-file, or run in a terminal. Nothing was changed."
        )
    key = ctx.read_secret(
        "New recovery key: ", env=NEW_RECOVERY_KEY_ENV, file_arg="recovery_key_file"
    )
    services.security.confirm_recovery_key(key)
    ctx.result(confirmed=True)
    ctx.out("Your new recovery key is in place. The old one no longer works.")
    return EXIT_OK
