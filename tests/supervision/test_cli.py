"""The supervision commands end to end, through ``swreflect.cli.main`` on a real vault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from swreflect.cli import main
from tests.conftest import TEST_PASSPHRASE


def test_people_agreement_session_actions(cli) -> None:
    cli("people", "add", "Sam Okafor", "--role", "supervisee", "--pronouns", "they/them")
    people = json.loads(cli("people", "list", "--json"))
    assert people[0]["name"] == "Sam Okafor" and people[0]["role"] == "supervisee"
    assert "Sam Okafor" in cli("people", "list")

    cli(
        "agreement",
        "add",
        "--person",
        "Sam Okafor",
        "--me",
        "Jo Reyes",
        "--frequency",
        "asye",
        "--start",
        "2026-01-05",
    )
    agreements = json.loads(cli("agreement", "list", "--json"))
    agreement_id = agreements[0]["id"]
    assert agreements[0]["terms"][0]["frequency"] == "asye"
    assert agreements[0]["due"]["state"] in {"overdue", "due_today", "due_soon", "not_due"}
    shown = cli("agreement", "show", agreement_id[:8])
    assert "weekly for six weeks" in shown and "Jo Reyes" in shown

    started = json.loads(cli("session", "start", agreement_id[:8], "--json"))
    assert started["status"] == "in_session"
    sessions = json.loads(cli("session", "list", "--json"))
    assert [s["id"] for s in sessions] == [started["id"]]
    assert "Sam Okafor" in cli("session", "list")
    assert "Supervisor: Jo Reyes" in cli("session", "show", started["id"][:8])
    shown = json.loads(cli("session", "show", started["id"][:8], "--json"))
    assert shown["record"]["kind"] == "supervision-record"
    assert shown["record"]["parties"]["supervisor"]["name"] == "Jo Reyes"

    assert "No open actions" in cli("actions", "list")
    assert json.loads(cli("actions", "list", "--json")) == []


def test_actions_list_and_done(cli, tmp_path: Path) -> None:
    from swreflect.core.services import build_services
    from swreflect.vault.vault import Vault

    cli("people", "add", "Priya Shah", "--role", "supervisor")
    cli("agreement", "add", "--person", "priya shah", "--me", "Sam")
    agreement_id = json.loads(cli("agreement", "list", "--json"))[0]["id"]
    session_id = json.loads(cli("session", "start", agreement_id, "--json"))["id"]
    vault = Vault.unlock(tmp_path / "cli-vault", TEST_PASSPHRASE)
    try:
        services = build_services(vault)
        services.sessions.add_action(session_id, "Book the course", "supervisee")
    finally:
        vault.lock()
    listed = json.loads(cli("actions", "list", "--json", "--owner", "supervisee"))
    assert [a["description"] for a in listed] == ["Book the course"]
    assert "Marked done: Book the course" in cli("actions", "done", listed[0]["id"][:8])
    assert json.loads(cli("actions", "list", "--json")) == []
    assert len(json.loads(cli("actions", "list", "--all", "--json"))) == 1


def test_errors_are_plain_and_typed(cli) -> None:
    err = cli("agreement", "add", "--person", "Nobody", "--me", "Jo", expect=1)
    assert "Nobody with that name" in err
    err = cli("people", "add", "  ", "--role", "supervisee", expect=2)
    assert "name" in err
    with pytest.raises(SystemExit) as caught:
        main(["agreement", "add", "--person", "x", "--me", "Jo", "--start", "31/01/2026"])
    assert caught.value.code == 2


def test_agreement_change_and_texts(cli) -> None:
    cli("people", "add", "Sam", "--role", "supervisee")
    cli(
        "agreement",
        "add",
        "--person",
        "Sam",
        "--me",
        "Jo",
        "--start",
        "2026-01-05",
        "--disagreement",
        "Noted beside the record.",
        "--confidentiality",
        "Between us.",
    )
    agreement = json.loads(cli("agreement", "list", "--json"))[0]
    assert agreement["disagreement"] == "Noted beside the record."
    assert agreement["confidentiality"] == "Between us."
    cli(
        "agreement",
        "change",
        agreement["id"][:8],
        "--from",
        "2026-03-01",
        "--frequency",
        "custom",
        "--every-days",
        "14",
        "--minutes",
        "60",
    )
    terms = json.loads(cli("agreement", "show", agreement["id"], "--json"))["terms"]
    assert [(t["effective_from"], t["frequency"], t["usual_minutes"]) for t in terms] == [
        ("2026-01-05", "monthly", 90),
        ("2026-03-01", "custom", 60),
    ]


def test_prompt_packs_from_the_command_line(cli, tmp_path: Path) -> None:
    listed = json.loads(cli("prompts", "list", "--json"))
    assert listed["active"] == "swreflect-core" and listed["problems"] == []
    broken = tmp_path / "ours.toml"
    broken.write_text('[pack]\nid = "ours"\nname = "Ours"\nversion = 1\n', encoding="utf-8")
    err = cli("prompts", "import", str(broken), expect=1)
    assert "ours.toml" in err and "no [[prompts]]" in err
    good = tmp_path / "good.toml"
    good.write_text(
        '[pack]\nid = "ours"\nname = "Ours"\nversion = 1\n\n'
        '[[prompts]]\nid = "o.1"\nstage = "checkin"\ntext = "How are you?"\n',
        encoding="utf-8",
    )
    assert "Imported Ours" in cli("prompts", "import", str(good))
    assert json.loads(cli("prompts", "list", "--json"))["active"] == "ours"
    cli("prompts", "use", "swreflect-core")
    assert json.loads(cli("prompts", "list", "--json"))["active"] == "swreflect-core"
