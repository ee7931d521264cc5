"""A scripted whole-app CLI session, run as a child process (see test_cli_session.py).

Usage: ``python -m tests.privacy.cli_session CANARIES.json RESULT.json EXPORTS_DIR``

Each command runs as its own ``python -m swreflect`` process, exactly as a user would type it;
the few things the CLI has no command for (template answers, session notes) go through the
same services the GUI uses, in this process. Every command runs unconditionally: one that is
missing or fails shows as a failed step. The result file records every
command with its exit code and output; it is written outside the scanned folders because the
output legitimately shows the user's own words.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

STEPS: list[dict[str, Any]] = []


def swreflect(*args: str) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "swreflect", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    step = {"argv": list(args), "rc": proc.returncode, "out": proc.stdout, "err": proc.stderr}
    STEPS.append(step)
    return step


def json_of(step: dict[str, Any]) -> Any:
    return json.loads(step["out"]) if step["rc"] == 0 else None


def services_step(canaries: dict[str, str], session_id: str) -> None:
    """Template answers and session notes: no CLI command writes these, the services do."""
    from swreflect.core.clock import SystemClock
    from swreflect.core.services import build_services
    from swreflect.models.journal import EntryContent
    from swreflect.paths import default_vault_dir
    from swreflect.vault.vault import Vault

    vault = Vault.unlock(default_vault_dir(), os.environ["SWREFLECT_PASSPHRASE"])
    services = build_services(vault, SystemClock())
    try:
        services.journal.create(
            EntryContent(
                title="With answers",
                template_id="driscoll",
                answers={"what": f"It was {canaries['answer']} today"},
                tags=(canaries["tag"],),
            )
        )
        if session_id:
            session = services.sessions.get(session_id)
            stage = session.stages[0].key
            services.sessions.add_note(session_id, stage, f"Agreed: {canaries['shared']}")
            services.sessions.add_note(
                session_id, stage, f"Only mine: {canaries['private']}", visibility="private"
            )
        STEPS.append({"argv": ["<services: answers and notes>"], "rc": 0, "out": "", "err": ""})
    finally:
        services.close()


def run(canaries: dict[str, str], exports: Path) -> None:
    swreflect("init")
    first = json_of(
        swreflect(
            "journal", "add", f"Title {canaries['title']}",
            "--body", f"Body {canaries['body']}", "--tag", canaries["tag"], "--json",
        )
    )  # fmt: skip
    gone = json_of(
        swreflect(
            "journal", "add", f"Gone {canaries['purged']}",
            "--body", f"Purge me {canaries['purged']}", "--tag", canaries["purged"], "--json",
        )
    )  # fmt: skip
    swreflect("people", "add", f"Pat {canaries['person']}", "--role", "supervisee")
    swreflect("agreement", "add", "--person", f"Pat {canaries['person']}", "--me", "Sam Writer")
    agreements = json_of(swreflect("agreement", "list", "--json")) or [{"id": ""}]
    session = json_of(swreflect("session", "start", agreements[0]["id"], "--json")) or {"id": ""}
    services_step(canaries, session["id"])

    swreflect("journal", "search", canaries["body"].split("-")[1])
    swreflect("journal", "search", canaries["answer"].split("-")[1], "--json")
    swreflect("journal", "list")
    for entry in (first, gone):
        swreflect("journal", "delete", str(entry["id"] if entry else 0))
    swreflect("journal", "list", "--trash")
    swreflect("journal", "restore", str(first["id"] if first else 0))
    swreflect("journal", "delete", str(gone["id"] if gone else 0), "--purge")
    swreflect("journal", "show", str(first["id"] if first else 0))
    swreflect("session", "show", session["id"])
    swreflect("session", "show", session["id"], "--json")
    swreflect("session", "list")
    swreflect("people", "list", "--json")
    swreflect("check")
    later_commands(canaries, session["id"], exports)


def other_vault() -> Path:
    """The supervisee's vault, in the sandbox too (so it is scanned)."""
    return Path(os.environ["XDG_DATA_HOME"]) / "supervisee-vault"


def sign_off(canaries: dict[str, str], session_id: str, exports: Path) -> str:
    """Both sides sign through exchange files: pair, request, import, sign, import, verify."""
    other = ("--vault", str(other_vault()))
    me, them = exports / "me.swid", exports / "pat.swid"
    swreflect("init", *other)
    swreflect("identity", "export", "-o", str(me), "--name", "Sam Writer")
    swreflect("identity", "export", "-o", str(them), "--name", "Pat", *other)
    swreflect("people", "add", "Sam Writer", "--role", "supervisor", *other)
    swreflect("people", "pair", "Sam Writer", str(me), "--fingerprints-match", *other)
    person = f"Pat {canaries['person']}"
    swreflect("people", "pair", person, str(them), "--fingerprints-match")
    swreflect("session", "request-agreement", session_id, "-o", str(exports / "request.swx"))
    sent = json_of(swreflect("inbox", "list", "--json")) or [{}]
    record = str(sent[0].get("record_id") or "")
    swreflect("inbox", "import", str(exports / "request.swx"), *other)
    swreflect("inbox", "show", record, *other)
    swreflect("session", "sign", record, "-o", str(exports / "answer.swx"), *other)
    swreflect("inbox", "import", str(exports / "answer.swx"))
    swreflect("inbox", "verify", record)
    return record


def later_commands(canaries: dict[str, str], session_id: str, exports: Path) -> None:
    """Sign-off between two vaults, exports, verify and backups. Every step runs: a command
    that has gone missing fails the session (and test_every_command_of_the_session_succeeds)."""
    record = sign_off(canaries, session_id, exports)
    swreflect("export", "pdf", record, "--out", str(exports / "record.pdf"))
    swreflect("verify", str(exports / "record.pdf"))
    for kind, suffix in (("text", "txt"), ("markdown", "md")):
        swreflect("export", kind, record, "--out", str(exports / f"record.{suffix}"))
    swreflect("backup", "create")
    swreflect("backup", "create", "-o", str(exports / "vault-backup.swrb"))
    swreflect("backup", "list")
    swreflect("export", "json", "-o", str(exports / "everything.json"))


def main(argv: list[str]) -> int:
    canaries = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    try:
        run(canaries, Path(argv[2]))
    finally:
        Path(argv[1]).write_text(json.dumps(STEPS, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
