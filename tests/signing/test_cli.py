"""The sign-off commands end to end on two real vaults, with their exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.core.services import build_services
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.signing.records import RECORD_ID, make_record

Two = tuple[Path, Path, Path]


@pytest.fixture
def two(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Two:
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    sam, priya = tmp_path / "sam", tmp_path / "priya"
    for folder in (sam, priya):
        assert main(["init", "--vault", str(folder)]) == 0
    assert main(["identity", "export", "--vault", str(sam), "--name", "Sam Okafor",
                 "-o", str(tmp_path / "sam.card")]) == 0  # fmt: skip
    assert main(["identity", "export", "--vault", str(priya), "--name", "Priya Shah",
                 "-o", str(tmp_path / "priya.card")]) == 0  # fmt: skip
    capsys.readouterr()
    return sam, priya, tmp_path


def run(*args: str) -> int:
    return main(list(args))


def test_identity_show(two: Two, capsys: pytest.CaptureFixture[str]) -> None:
    sam, _priya, _tmp = two
    assert run("identity", "show", "--vault", str(sam), "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["display_name"] == "Sam Okafor"
    assert len(shown["fingerprint"]) == 64
    assert shown["fingerprint_groups"].split(" ")[0] == shown["fingerprint"][:4].upper()
    assert run("identity", "show", "--vault", str(sam)) == 0
    assert shown["fingerprint_groups"] in capsys.readouterr().out


def test_pairing_needs_confirmation_and_flags_changed_keys(
    two: Two, capsys: pytest.CaptureFixture[str]
) -> None:
    sam, _priya, tmp = two
    card = str(tmp / "priya.card")
    assert run("people", "add", "Priya Shah", "--role", "supervisee", "--vault", str(sam)) == 0
    assert run("people", "pair", "Priya Shah", card, "--vault", str(sam)) == 2
    err = capsys.readouterr()
    assert "--fingerprints-match" in err.err
    assert (
        run("people", "pair", "Priya Shah", card, "--vault", str(sam), "--fingerprints-match") == 0
    )
    # A card from a different vault under the same person: refused loudly, exit 6.
    other = tmp / "other"
    assert run("init", "--vault", str(other)) == 0
    assert run("identity", "export", "--vault", str(other), "-o", str(tmp / "o.card")) == 2
    assert "--name" in capsys.readouterr().err
    assert not (tmp / "o.card").exists()
    assert run("identity", "export", "--vault", str(other), "-o", str(tmp / "o.card"),
               "--name", "Someone Else") == 0  # fmt: skip
    capsys.readouterr()
    code = run("people", "pair", "Priya Shah", str(tmp / "o.card"), "--vault", str(sam),
               "--fingerprints-match")  # fmt: skip
    assert code == 6
    assert "different from the one you paired with" in capsys.readouterr().err
    assert run("people", "pair", "Priya Shah", str(tmp / "missing.card"), "--vault", str(sam)) == 2
    assert run("people", "pair", "Priya Shah", str(tmp / "sam"), "--vault", str(sam)) == 2
    assert run("people", "pair", "Nobody", card, "--vault", str(sam)) == 1


def test_request_sign_import_verify(two: Two, capsys: pytest.CaptureFixture[str]) -> None:
    sam, priya, tmp = two
    assert run("people", "add", "Priya Shah", "--role", "supervisee", "--vault", str(sam)) == 0
    assert run("people", "add", "Sam Okafor", "--role", "supervisor", "--vault", str(priya)) == 0
    assert run("people", "pair", "Priya Shah", str(tmp / "priya.card"), "--vault", str(sam),
               "--fingerprints-match") == 0  # fmt: skip
    assert run("people", "pair", "Sam Okafor", str(tmp / "sam.card"), "--vault", str(priya),
               "--fingerprints-match") == 0  # fmt: skip
    # The supervision side builds the record; here a record shaped like it is sent directly.
    services = build_services(Vault.unlock(sam, TEST_PASSPHRASE))
    try:
        priya_id = services.people.find("Priya Shah").id
        request = services.signoff.request_agreement(make_record(), to=priya_id)
    finally:
        services.close()
    (tmp / "request.swx").write_bytes(request)
    capsys.readouterr()

    assert run("inbox", "import", str(tmp / "request.swx"), "--vault", str(priya)) == 0
    assert "Sam Okafor asked you to agree" in capsys.readouterr().out
    assert run("inbox", "import", str(tmp / "request.swx"), "--vault", str(priya)) == 6
    assert "already been imported" in capsys.readouterr().err
    assert run("inbox", "show", RECORD_ID[:8], "--vault", str(priya)) == 0
    shown = capsys.readouterr().out
    assert "read-only" in shown and "Tired but steady." in shown
    answer = str(tmp / "answer.swx")
    assert run("session", "sign", RECORD_ID[:8], "--vault", str(priya), "-o", answer,
               "--disagree", "The caseload figure is low.") == 0  # fmt: skip
    assert run("inbox", "import", str(tmp / "answer.swx"), "--vault", str(sam)) == 0
    assert "agreed" in capsys.readouterr().out
    for vault in (sam, priya):
        assert run("inbox", "verify", RECORD_ID[:8], "--vault", str(vault)) == 0
        assert "Both signatures are valid" in capsys.readouterr().out
        assert run("inbox", "list", "--json", "--vault", str(vault)) == 0
        [row] = json.loads(capsys.readouterr().out)
        assert row["status"] == "agreed"
    assert run("inbox", "show", RECORD_ID, "--json", "--vault", str(sam)) == 0
    [version] = json.loads(capsys.readouterr().out)
    assert version["notes"][0]["kind"] == "disagreement"
    # Agreed: a new request for it is refused.
    assert run("session", "request-agreement", RECORD_ID, "-o", str(tmp / "again.swx"),
               "--vault", str(sam)) == 1  # fmt: skip
    assert "can't be changed" in capsys.readouterr().err
    assert not (tmp / "again.swx").exists()


def test_bad_files_exit_6_and_plain_words(two: Two, capsys: pytest.CaptureFixture[str]) -> None:
    _sam, priya, tmp = two
    junk = tmp / "junk.swx"
    junk.write_bytes(b"hello")
    assert run("inbox", "import", str(junk), "--vault", str(priya)) == 6
    err = capsys.readouterr().err
    assert "isn't a swreflect agreement file" in err and "Traceback" not in err
    junk.write_bytes(b'SWREFLECT-EXCHANGE\n{"format":')
    assert run("inbox", "import", str(junk), "--vault", str(priya)) == 6
    assert "incomplete" in capsys.readouterr().err


def test_request_agreement_without_sessions_is_a_plain_error(
    two: Two, capsys: pytest.CaptureFixture[str]
) -> None:
    sam, _priya, tmp = two
    code = run("session", "request-agreement", "no-such-session", "-o", str(tmp / "r.swx"),
               "--vault", str(sam))  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err.startswith("swreflect: ")
    assert not (tmp / "r.swx").exists()
