"""Issue 11 end to end on two real vaults through the command line.

Sam (supervisor) and Priya (supervisee) each have a vault. A session is written with the new
commands; Priya signs with a recorded disagreement; the disagreement must then be in the PDF
(read back with pypdf), the text and Markdown exports and ``verify --json``. Ratings nobody chose
to include, private notes and learning-stage notes (private by default) must be in no export.
A second session is acknowledged in the room with Priya's own comment, and an addendum follows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from swreflect.cli import main
from swreflect.models.vocab import IN_ROOM_LABEL
from tests.conftest import TEST_PASSPHRASE

DISAGREE = "DISAGREE-7Q: I wasn't struggling, the rota was."
COMMENT = "COMMENT-3K: thanks for the joint visit."
IN_ROOM_COMMENT = "INROOM-5M: I'd like more time for reflection next time."
CHECKIN = "CHECKIN-CANARY-2 my father is unwell"
IDENTITY = "IDENTITY-CANARY-8 a comment about my accent"
LEARNING = "LEARNING-CANARY-4 I missed the referral"
PRIVATE = "PRIVATE-CANARY-6 worried about her"
CHILD = "Jayden Smith (DOB 03/04/2015) lives near SW1A 1AA"


class Cli:
    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, *args: str, code: int = 0) -> str:
        self.capsys.readouterr()
        assert main(list(args)) == code, self.capsys.readouterr()
        captured = self.capsys.readouterr()
        self.err = captured.err
        return captured.out

    def json(self, *args: str) -> dict:
        return json.loads(self(*args, "--json"))


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    run = Cli(capsys)
    sam, priya = ["--vault", str(tmp_path / "sam")], ["--vault", str(tmp_path / "priya")]
    for v, name in ((sam, "Sam Okafor"), (priya, "Priya Shah")):
        run("init", *v)
        run("identity", "export", *v, "--name", name, "-o", str(tmp_path / f"{name[:3]}.card"))
    run("people", "add", "Priya Shah", "--role", "supervisee", *sam)
    run("people", "add", "Sam Okafor", "--role", "supervisor", *priya)
    run("people", "pair", "Priya Shah", str(tmp_path / "Pri.card"), "--fingerprints-match", *sam)
    run("people", "pair", "Sam Okafor", str(tmp_path / "Sam.card"), "--fingerprints-match", *priya)
    run("agreement", "add", "--person", "Priya Shah", "--me", "Sam Okafor", *sam)
    return run, sam, priya, tmp_path


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _write_session(run: Cli, sam: list[str]) -> str:
    agreement = json.loads(run("agreement", "list", "--json", *sam))[0]["id"]
    sid = run.json("session", "start", agreement, *sam)["id"]
    run("session", "note", sid, "--stage", "checkin", CHECKIN, *sam)
    assert run.json("session", "note", sid, "--stage", "identity", IDENTITY, *sam)[
        "visibility"
    ] == "private"  # fmt: skip
    note = run.json("session", "note", sid, "--stage", "learning", LEARNING, *sam)
    assert note["visibility"] == "private" and note["id"]
    out = run("session", "note", sid, "--stage", "learning", "Shared learning: slow down.",
              "--shared", *sam)  # fmt: skip
    assert "signed by both" not in out  # the warning says it is signed and kept
    assert "you both sign" in out
    run("session", "note", sid, "--stage", "checkin", PRIVATE, "--private", *sam)
    run("session", "note", sid, "--stage", "agenda", CHILD, "--shared", *sam)
    assert "a date of birth" in run.err and "a postcode" in run.err  # flagged while writing
    assert run.json("session", "rate", sid, "--support", "2", "--challenge", "5", *sam)[
        "included_in_record"
    ] is False  # fmt: skip
    run("session", "summary", sid, "Discussed the visit; agreed a joint visit.", *sam)
    run("session", "decision", sid, "Family A: joint visit next week, because the school"
        " raised new worries", *sam)  # fmt: skip
    finished = run.json("session", "finish", sid, *sam)
    assert finished["id"] == sid and finished["held_on"]
    return sid


def test_a_disagreement_at_signing_is_in_every_export(two) -> None:
    run, sam, priya, tmp = two
    run("journal", "never-record", "--add", "Jayden Smith", *priya)
    sid = _write_session(run, sam)
    run("session", "request-agreement", sid, "-o", str(tmp / "req.swx"), *sam)
    rid = run.json("inbox", "import", str(tmp / "req.swx"), *priya)["record_id"]
    rated = run.json("session", "rate", rid, "--support", "3", "--challenge", "3", *priya)
    assert rated["included_in_record"] is False
    run("session", "sign", rid, "--disagree", DISAGREE, "--comment", COMMENT,
        "-o", str(tmp / "ans.swx"), *priya)  # fmt: skip
    assert run.json("inbox", "import", str(tmp / "ans.swx"), *sam)["status"] == "agreed"

    pdf = tmp / "record.pdf"
    run("export", "pdf", rid, "--out", str(pdf), *sam)
    assert "a date of birth" in run.err  # the check before export names what it found
    shown = _pdf_text(pdf)
    text = run("export", "text", rid, *sam)
    markdown = run("export", "markdown", rid, *priya)
    report = run.json("verify", str(pdf))
    comments = report["records"][0]["comments"]
    assert {(c["kind"], c["name"], c["role"]) for c in comments} == {
        ("disagreement", "Priya Shah", "supervisee"),
        ("comment", "Priya Shah", "supervisee"),
    }
    assert report["records"][0]["recorded_disagreement"] == ["supervisee"]
    for out in (" ".join(shown.split()), text, markdown.replace("\\", "")):
        assert "Comments and disagreements" in out
        assert "signed with a recorded disagreement" in out.lower()
        assert "DISAGREE-7Q" in out and "COMMENT-3K" in out
    assert DISAGREE in text
    for out in (shown, text, markdown, json.dumps(report)):
        for canary in ("IDENTITY-CANARY", "LEARNING-CANARY", "PRIVATE-CANARY"):
            assert canary not in out
        assert "Support and challenge" not in out  # nobody chose to include a rating
    assert "Shared learning: slow down." in text
    assert "Learning from mistakes" not in text  # the stage title doesn't read as an admission

    decisions = run.json("export", "decisions", rid, "--label", "Family A", *sam)
    assert decisions == [
        {
            "label": "Family A",
            "date": decisions[0]["date"],
            "supervisor": "Sam Okafor",
            "decision": "joint visit next week",
            "rationale": "The school raised new worries",
        }
    ]
    case_file = run("export", "decisions", rid, *sam)
    assert "CHECKIN-CANARY" not in case_file and "Jayden" not in case_file

    cpd = run("export", "cpd", rid, "--learned", "I learned to name the pressure of the rota.",
              *priya)  # fmt: skip
    for canary in ("CHECKIN-CANARY", "IDENTITY-CANARY", "LEARNING-CANARY", "PRIVATE-CANARY",
                   "Jayden", "SW1A", "03/04/2015", "DISAGREE-7Q", "joint visit"):  # fmt: skip
        assert canary not in cpd
    assert "I learned to name the pressure of the rota." in cpd
    assert "Supervision / reflective practice" in cpd
    assert "still to write in your own words" in run.err


def test_in_room_acknowledgement_carries_their_comment_and_takes_an_addendum(two) -> None:
    run, sam, priya, tmp = two
    sid = _write_session(run, sam)
    copy = tmp / "copy.swx"
    done = run.json("session", "agree-in-room", sid, "--name", "Priya Shah",
                    "--comment", IN_ROOM_COMMENT, "--copy", str(copy), *sam)  # fmt: skip
    rid = done["id"]
    text = run("export", "text", rid, *sam)
    assert IN_ROOM_COMMENT in text
    assert "Comment given in the room by Priya Shah (supervisee)" in text
    assert IN_ROOM_LABEL in text
    verified = run("inbox", "verify", rid, *sam)
    assert "in the room" in verified

    added = run.json("addendum", "send", rid, "ADDENDUM-9Z: the visit is booked.",
                     "-o", str(tmp / "add.swx"), *sam)  # fmt: skip
    assert added["addendum_to"] == rid
    got = run.json("inbox", "import", str(tmp / "add.swx"), *priya)
    assert got["record_id"] == added["id"]
    run("session", "sign", added["id"], "-o", str(tmp / "add-ans.swx"), *priya)
    run("inbox", "import", str(tmp / "add-ans.swx"), *sam)
    again = run("export", "text", rid, *sam)  # a later export of that record carries it
    assert "ADDENDUM-9Z" in again and IN_ROOM_COMMENT in again

    # Priya's own copy: she holds the record with her words, and answers from her vault.
    assert run.json("inbox", "import", str(copy), *priya)["kind"] == "copy"
    run("inbox", "verify", rid, *priya)
    assert IN_ROOM_COMMENT in run("export", "text", rid, *priya)
    hers = run.json("addendum", "send", rid, "PRIYA-ADDENDUM-4W: I'd add the rota change.",
                    "-o", str(tmp / "hers.swx"), *priya)  # fmt: skip
    run("inbox", "import", str(tmp / "hers.swx"), *sam)
    run("session", "sign", hers["id"], "-o", str(tmp / "hers-ans.swx"), *sam)
    run("inbox", "import", str(tmp / "hers-ans.swx"), *priya)
    assert "PRIYA-ADDENDUM-4W" in run("export", "text", rid, *sam)
    assert "PRIYA-ADDENDUM-4W" in run("export", "text", rid, *priya)
