"""What every command needs: where the vault is, how to get the passphrase, how to print.

Output conventions live here so every command follows them without repeating them:

* ``--json`` works on every command. Commands that list or show print their own JSON; any
  other command's prose is gathered and printed at the end as ``{"ok": true, "messages":
  [...], ...}`` with the fields it reported through ``result`` (new ids, written files).
* ``-o -`` means standard output: ``output_path`` hands the command a private temporary file
  inside the vault folder, then streams it to stdout and deletes it; messages then go to
  stderr so stdout carries only the data.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from swreflect.errors import UsageError
from swreflect.paths import default_vault_dir

# getpass, json, secrets and shutil are imported where used: most commands need none of them.
if TYPE_CHECKING:  # imported when a command first opens the vault, not for --help
    from swreflect.core.services import Services
    from swreflect.core.vault_access import Vault
    from swreflect.models.unlock_progress import UnlockListener, UnlockProgress

PASSPHRASE_ENV = "SWREFLECT_PASSPHRASE"


class CliContext:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.vault_dir = Path(args.vault) if getattr(args, "vault", None) else default_vault_dir()
        self._services: Services | None = None
        self._messages: list[str] = []
        self._fields: dict[str, Any] = {}
        self._json_printed = False
        self._stdout_is_data = False

    # ------------------------------------------------------------- secrets
    def read_secret(
        self, prompt: str, *, env: str | None = PASSPHRASE_ENV, file_arg: str = "passphrase_file"
    ) -> str:
        """From the environment, a file, or a TTY prompt without echo, in that order."""
        path = getattr(self.args, file_arg, None)
        if path:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"Couldn't read the passphrase file {path}.") from exc
            return text.rstrip("\r\n")
        if env and os.environ.get(env):
            return os.environ[env]
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            return getpass.getpass(prompt)
        raise UsageError(
            f"No passphrase given. Set {PASSPHRASE_ENV}, use --passphrase-file, "
            "or run in a terminal."
        )

    def read_new_secret(self, prompt: str, env: str, file_arg: str) -> str:
        """A new passphrase: from its own variable or file, or typed twice on a TTY."""
        path = getattr(self.args, file_arg, None)
        if path or os.environ.get(env):
            return self.read_secret(prompt, env=env, file_arg=file_arg)
        if sys.stdin is not None and sys.stdin.isatty():
            import getpass

            first = getpass.getpass(prompt)
            second = getpass.getpass("Type it again: ")
            if first != second:
                from swreflect.errors import PassphraseMismatchError

                raise PassphraseMismatchError()
            return first
        raise UsageError(
            f"No new passphrase given. Set {env} or use --{file_arg.replace('_', '-')}."
        )

    # ------------------------------------------------------------- vault
    def unlock(self) -> Services:
        if self._services is None:
            from swreflect.core.vault_access import unlock_vault

            passphrase = self.read_secret("Passphrase: ")
            vault = unlock_vault(self.vault_dir, passphrase, progress=self.unlock_progress())
            self._services = self.adopt(vault)
        return self._services

    def unlock_progress(self) -> UnlockListener | None:
        """Lines on stderr while an update of an older vault runs; none with ``--json``. The
        printer (``cli/unlock_lines.py``) is loaded only if an update does run."""
        if self.wants_json:
            return None
        lines: list[UnlockListener] = []

        def listener(progress: UnlockProgress) -> None:
            if not progress.updating:  # a normal unlock says nothing
                return
            if not lines:
                from swreflect.cli.unlock_lines import UpdateLines

                lines.append(UpdateLines(sys.stderr))
            lines[0](progress)

        return listener

    def adopt(self, vault: Vault) -> Services:
        """Build the services on an unlocked vault; if that fails, the vault is locked again
        (connection closed, key wiped, process lock released) before the error goes on (D6)."""
        from swreflect.core.clock import SystemClock
        from swreflect.core.services import build_services

        try:
            self._services = build_services(vault, SystemClock())
        except BaseException:
            vault.lock()
            raise
        return self._services

    def close(self) -> None:
        if self._services is not None:
            self._services.close()
            self._services = None

    # ------------------------------------------------------------- output
    @property
    def wants_json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def out(self, text: str = "") -> None:
        if self.wants_json:
            self._messages.append(text)
        elif self._stdout_is_data:
            print(text, file=sys.stderr)
        else:
            print(text)

    def out_json(self, data: Any) -> None:
        import json

        self._json_printed = True
        print(json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True))

    def claim_stdout(self) -> None:
        """Standard output now carries a file's bytes: messages move to stderr."""
        if self.wants_json:
            raise UsageError("--json and -o - both want standard output; choose one.")
        self._stdout_is_data = True

    def result(self, **fields: Any) -> None:
        """Facts for ``--json`` output (a new item's id, a written file)."""
        self._fields.update(fields)

    def finish(self) -> None:
        """After a successful command: the gathered JSON, unless the command printed its own."""
        if self.wants_json and not self._json_printed:
            messages = [m for m in self._messages if m]
            self.out_json({"ok": True, **self._fields, "messages": messages})

    @contextlib.contextmanager
    def output_path(self, value: str) -> Iterator[Path]:
        """Where a command writes ``-o VALUE`` (``-``: a temporary file streamed to stdout)."""
        if value != "-":
            yield Path(value)
            self.result(output=str(Path(value)))
            return
        import secrets
        import shutil

        self.claim_stdout()  # refuses --json before any work is done
        folder = self.vault_dir if self.vault_dir.is_dir() else None
        tmp = Path(folder or Path.cwd()) / f".swreflect-stdout-{secrets.token_hex(6)}.part"
        try:
            yield tmp
            sys.stdout.flush()
            with open(tmp, "rb") as data:
                shutil.copyfileobj(data, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
