"""Every command in the README runs as written, in order, and succeeds.

Code blocks are read from README.md. ``swreflect`` lines run through this checkout's CLI in a
scratch folder (files such as ``record.pdf`` land there); the words in capitals are filled in
with the ids the commands before them produced, looked up through the CLI's own ``--json``
output; a ``# on Sam's laptop`` comment switches to a second vault. ``make`` lines are checked to
name real targets (running ``make test`` inside ``make test`` would recurse; CI runs them).
Secrets come from the documented variables, kept in step as the passphrase and recovery key
change.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDERS = {"ID", "AGREEMENT", "SESSION", "RECORD"}


def readme_lines() -> list[str]:
    """Lines of the README's indented code blocks, in order."""
    lines, in_block, previous_blank = [], False, True
    for raw in (ROOT / "README.md").read_text("utf-8").splitlines():
        if raw.startswith("    ") and (in_block or previous_blank):
            in_block = True
            lines.append(raw.strip())
        elif raw.strip():
            in_block = False
        previous_blank = not raw.strip()
    return lines


def _strip_comment(line: str) -> str:
    return re.sub(r"\s{2,}#.*$", "", line).strip()


class Walkthrough:
    def __init__(self, work: Path) -> None:
        self.work = work
        self.laptop = "jo"
        self.known: dict[str, str] = {}
        base = {k: v for k, v in os.environ.items() if not k.startswith("SWREFLECT_")}
        base["SWREFLECT_INSECURE_TEST_KDF"] = "1"
        self.env = {
            name: {
                **base,
                "SWREFLECT_HOME": str(work / name),
                "SWREFLECT_PASSPHRASE": f"{name} walks by the quiet river",
                "SWREFLECT_NEW_PASSPHRASE": f"{name} now crosses the old stone bridge",
            }
            for name in ("jo", "sam")
        }

    def run(self, args: list[str], stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "swreflect", *args]
        return subprocess.run(
            cmd,
            input=stdin.decode(),
            capture_output=True,
            text=True,
            cwd=self.work,
            env=self.env[self.laptop],
            timeout=180,
            check=False,
        )

    def query(self, *args: str) -> list[dict[str, object]]:
        result = self.run([*args, "--json"])
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def resolve(self, word: str) -> str:
        if word == "ID":  # the newest entry, remembered (once in the Trash it isn't listed)
            key = f"{self.laptop}:ID"
            if key not in self.known:
                entries = self.query("journal", "list")
                self.known[key] = str(max(int(str(e["id"])) for e in entries))
            return self.known[key]
        if word == "AGREEMENT":
            return str(self.query("agreement", "list")[0]["id"])
        sessions = self.query("session", "list")
        if word == "SESSION":
            open_ = [s for s in sessions if s.get("status") == "in_session"]
            return str((open_ or sessions)[-1]["id"])
        records = self.query("inbox", "list")
        return str(records[0]["record_id"])

    def after(self, args: list[str], out: str) -> None:
        """Keep the documented secrets in step with what the command changed."""
        env = self.env[self.laptop]
        if args[:2] == ["journal", "add"]:
            self.known.pop(f"{self.laptop}:ID", None)
        if args[:1] == ["init"]:
            keys = re.findall(r"^ {4}(\S+)$", out, re.M)
            assert keys, out
            env["SWREFLECT_RECOVERY_KEY"] = keys[-1]
        elif args[:2] == ["recovery-key", "rotate"] and "--confirm" not in args:
            # Shown, not yet in force: the old key still works until --confirm.
            keys = re.findall(r"^ {4}(\S+)$", out, re.M)
            assert keys, out
            env["SWREFLECT_NEW_RECOVERY_KEY"] = keys[-1]
        elif args[:2] == ["recovery-key", "rotate"]:
            env["SWREFLECT_RECOVERY_KEY"] = env.pop("SWREFLECT_NEW_RECOVERY_KEY")
        if args[:2] == ["passphrase", "change"] or args[:1] == ["recover"]:
            env["SWREFLECT_PASSPHRASE"], env["SWREFLECT_NEW_PASSPHRASE"] = (
                env["SWREFLECT_NEW_PASSPHRASE"],
                env["SWREFLECT_PASSPHRASE"],
            )


def test_every_readme_command_runs_as_written(tmp_path: Path) -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    walk = Walkthrough(tmp_path)
    (tmp_path / "notes.txt").write_text("A hard visit; I stayed calm and asked for help.\n")
    ran: list[str] = []
    for line in readme_lines():
        if line.startswith("#"):
            if "Sam's laptop" in line:
                walk.laptop = "sam"
            elif "Jo's laptop" in line:
                walk.laptop = "jo"
            continue
        command = _strip_comment(line)
        if command.startswith("make "):
            target = command.split()[1]
            assert re.search(rf"^{re.escape(target)}:", makefile, re.M), command
            continue
        assert command.startswith("swreflect "), f"README code line isn't a command: {line}"
        stdin = b""
        if " < " in command:
            command, source = command.split(" < ")
            stdin = (tmp_path / source.strip()).read_bytes()
        words = shlex.split(command)[1:]
        args = [walk.resolve(w) if w in PLACEHOLDERS else w for w in words]
        result = walk.run(args, stdin)
        assert result.returncode == 0, f"{line}\n-> exit {result.returncode}: {result.stderr}"
        walk.after(args, result.stdout)
        ran.append(command)
    assert len(ran) >= 40
    assert (tmp_path / "record.pdf").read_bytes().startswith(b"%PDF")
    assert walk.query("inbox", "list")[0]["status"] == "agreed"
