"""The export and verify commands: exit codes, wording, files written only where asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.errors import EXIT_OK, EXIT_VERIFY_FAILED
from swreflect.signing.canonical import canonical_bytes


@pytest.fixture
def signed_file(tmp_path: Path, signed) -> Path:
    path = tmp_path / "record.json"
    path.write_bytes(canonical_bytes(signed.to_json()))
    return path


def test_verify_a_valid_pdf_prints_who_signed_and_exits_0(tmp_path, signed_pdf, capsys):
    signed, data = signed_pdf
    path = tmp_path / "record.pdf"
    path.write_bytes(data)
    assert main(["verify", str(path)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Valid: this PDF is unchanged since it was signed.")
    assert "PDF self-signed by Zoë Ó Súilleabháin on 5 March 2026, 10:00" in out
    assert "Supervisee: Ольга Петренко, signature valid" in out
    fingerprint = (signed.signatures[1].fingerprint or "").upper()
    assert fingerprint[:4] + " " + fingerprint[4:8] in out


def test_verify_json(tmp_path, signed_pdf, capsys):
    signed, data = signed_pdf
    path = tmp_path / "record.pdf"
    path.write_bytes(data)
    assert main(["verify", "--json", str(path)]) == EXIT_OK
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is True
    assert report["records"][0]["record_id"] == signed.record_id
    assert report["pdf_signer"]["fingerprint"] == signed.signatures[0].fingerprint


def test_verify_a_changed_pdf_exits_6_with_one_line(tmp_path, signed_pdf, capsys):
    _signed, data = signed_pdf
    changed = bytearray(data)
    changed[len(changed) // 3] ^= 0x01
    path = tmp_path / "changed.pdf"
    path.write_bytes(bytes(changed))
    assert main(["verify", str(path)]) == EXIT_VERIFY_FAILED
    err = capsys.readouterr().err.strip()
    assert err.startswith("swreflect: ")
    assert "\n" not in err


def test_verify_a_foreign_or_missing_file(tmp_path, capsys):
    other = tmp_path / "other.pdf"
    other.write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert main(["verify", str(other)]) == EXIT_VERIFY_FAILED
    assert "damaged" in capsys.readouterr().err
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert main(["verify", str(text)]) == EXIT_VERIFY_FAILED
    assert "not a swreflect record" in capsys.readouterr().err
    assert main(["verify", str(tmp_path / "absent.pdf")]) == EXIT_VERIFY_FAILED
    assert "couldn't be read" in capsys.readouterr().err


def test_verify_needs_no_vault_or_passphrase(tmp_path, signed_pdf, monkeypatch):
    _signed, data = signed_pdf
    path = tmp_path / "record.pdf"
    path.write_bytes(data)
    monkeypatch.delenv("SWREFLECT_PASSPHRASE", raising=False)
    assert main(["verify", str(path)]) == EXIT_OK


def test_export_text_markdown_and_cpd_from_a_signed_record_file(tmp_path, signed_file, capsys):
    assert main(["export", "text", "--from-file", str(signed_file)]) == EXIT_OK
    assert "Supervision record, 4 March 2026" in capsys.readouterr().out
    out = tmp_path / "record.md"
    assert main(["export", "markdown", "--from-file", str(signed_file), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("*Confidential - supervision record*")
    assert main(["export", "cpd", "--from-file", str(signed_file)]) == EXIT_OK
    assert "Peer reflection" in capsys.readouterr().out


def test_export_cpd_from_a_journal_entry_file(tmp_path, capsys):
    entry = tmp_path / "entry.json"
    entry.write_text(
        json.dumps({"title": "Night shift", "body": "Learned to pause.", "created": "2026-02-01"})
    )
    assert main(["export", "cpd", "--journal-file", str(entry)]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Title\n-----\nNight shift\n" in out
    assert "Date\n----\n1 February 2026\n" in out
    assert "What I learned\n--------------\nLearned to pause." in out


def test_export_with_nothing_matching_is_a_usage_error(tmp_path, signed_file, capsys):
    code = main(["export", "text", "--from-file", str(signed_file), "--since", "2027-01-01"])
    assert code == 2
    assert "Nothing was exported" in capsys.readouterr().err


def test_export_filters_by_person(tmp_path, signed_file, capsys):
    assert (
        main(["export", "text", "--from-file", str(signed_file), "--person", "ольга петренко"]) == 0
    )
    assert "Supervision record" in capsys.readouterr().out
    assert main(["export", "text", "--from-file", str(signed_file), "--person", "Nobody"]) == 2


def test_export_pdf_signs_with_the_vault_identity(tmp_path, vault, vault_dir, monkeypatch, capsys):
    """``export pdf`` unlocks the vault and signs with its owner's identity."""
    from swreflect.core.services import build_services
    from swreflect.errors import EXIT_USAGE
    from tests.conftest import TEST_PASSPHRASE
    from tests.export.factory import make_record, sign_both

    services = build_services(vault)
    identity_service = getattr(services, "identity", None)
    record = make_record()
    if identity_service is not None:
        me = identity_service.ensure_identity("Zoë Ó Súilleabháin", "supervisor")
        signed = sign_both(record, me, None)
    else:
        from tests.export.factory import make_identity

        signed = sign_both(record, make_identity("Zoë Ó Súilleabháin"), None)
    vault.lock()
    source = tmp_path / "signed.json"
    source.write_bytes(canonical_bytes(signed.to_json()))
    out = tmp_path / "out.pdf"
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    code = main(
        ["export", "pdf", "--vault", str(vault_dir), "--from-file", str(source), "--out", str(out)]
    )
    if identity_service is None:
        assert code == EXIT_USAGE
        assert "no signing identity" in capsys.readouterr().err
        assert not out.exists()
        return
    assert code == EXIT_OK, capsys.readouterr().err
    assert "Exported 1 agreed record" in capsys.readouterr().out
    assert main(["verify", "--vault", str(vault_dir), str(out)]) == EXIT_OK
    report = capsys.readouterr().out
    assert "Zoë Ó Súilleabháin (you)" in report


def test_verify_with_a_vault_but_no_passphrase_still_verifies(tmp_path, signed_pdf, capsys):
    _signed, data = signed_pdf
    path = tmp_path / "record.pdf"
    path.write_bytes(data)
    assert main(["verify", "--vault", str(tmp_path / "no-vault"), str(path)]) == EXIT_OK
    captured = capsys.readouterr()
    assert captured.out.startswith("Valid:")
    assert "paired people aren't named" in captured.err


def test_verify_json_failure_names_the_reason(tmp_path, signed_pdf, capsys):
    _signed, data = signed_pdf
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    assert main(["verify", "--json", str(path)]) == EXIT_VERIFY_FAILED
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["valid"] is False
    assert report["reason"]


def test_export_without_saying_which_records_is_a_usage_error(capsys):
    assert main(["export", "text"]) == 2
    assert "Say which records" in capsys.readouterr().err
