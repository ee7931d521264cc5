"""The practice content v2 commands end to end through ``swreflect.cli.main`` on a real vault:
agreement fields, session types and cancellations, organisation actions, prompts by stage."""

from __future__ import annotations

import json

import pytest


def _agreement(cli, *extra: str) -> str:
    cli("people", "add", "Ada Price", "--role", "supervisee")
    cli("agreement", "add", "--person", "Ada Price", "--me", "Jo Reyes", *extra)
    return str(json.loads(cli("agreement", "list", "--json"))[0]["id"])


def test_agreement_add_and_change_take_the_new_fields(cli) -> None:
    agreement_id = _agreement(
        cli,
        "--start", "2026-01-05",
        "--location", "Room 4, Civic Centre",
        "--asye-start", "2025-11-03",
        "--assessor", "Priya Shah",
        "--frequency", "asye",
    )  # fmt: skip
    data = json.loads(cli("agreement", "show", agreement_id[:8], "--json"))
    assert data["asye_start"] == "2025-11-03"
    assert data["details"]["location"] == "Room 4, Civic Centre"
    assert data["details"]["assessor"] == "Priya Shah"
    assert data["details"]["uninterrupted"] is True
    assert "principal social worker" in data["details"]["escalation"]
    assert data["review_date"] == "2027-01-05"  # 12 months by default
    shown = cli("agreement", "show", agreement_id[:8])
    assert "Newly qualified year started: 3 November 2025" in shown
    assert "Location:" in shown and "Room 4, Civic Centre" in shown

    preview = cli(
        "agreement", "change", agreement_id[:8], "--from", "2026-09-01",
        "--frequency", "custom", "--every-days", "14", "--dry-run",
    )  # fmt: skip
    assert "From 1 September 2026, every two weeks, usually 90 minutes." in preview
    assert "Nothing was saved" in preview
    assert len(json.loads(cli("agreement", "show", agreement_id[:8], "--json"))["terms"]) == 1

    cli("agreement", "change", agreement_id[:8], "--location", "The quiet room")
    changed = cli(
        "agreement", "change", agreement_id[:8], "--from", "2026-09-01", "--frequency", "monthly"
    )  # fmt: skip
    assert changed.startswith("Changed. From 1 September 2026, at least monthly")
    data = json.loads(cli("agreement", "show", agreement_id[:8], "--json"))
    assert data["details"]["location"] == "The quiet room"
    assert [t["frequency"] for t in data["terms"]] == ["asye", "monthly"]
    err = cli("agreement", "change", agreement_id[:8], "--frequency", "monthly", expect=2)
    assert "--from" in err


def test_debrief_cancel_raise_and_prompts_by_stage(cli) -> None:
    agreement_id = _agreement(cli, "--start", "2026-01-05")
    started = cli("session", "start", agreement_id[:8], "--type", "debrief")
    assert started.startswith("Started a debrief")
    assert "follow-up check-in is suggested by" in started
    debrief = json.loads(cli("session", "list", "--json"))[0]
    assert debrief["kind"] == "debrief"
    assert debrief["stages"] == ["checkin", "debrief", "closing"]
    assert debrief["follow_up_on"] is not None

    regular = json.loads(cli("session", "start", agreement_id[:8], "--json"))
    assert "mediation" in regular["stages"] and "debrief" not in regular["stages"]
    out = cli(
        "session", "cancel", regular["id"][:8], "--by", "supervisor",
        "--reason", "Court hearing moved",
    )  # fmt: skip
    assert "cancelled by the supervisor (Court hearing moved)" in out
    listed = {s["id"]: s for s in json.loads(cli("session", "list", "--json"))}
    assert listed[regular["id"]]["status"] == "cancelled"
    assert listed[regular["id"]]["cancelled_by"] == "supervisor"
    assert listed[regular["id"]]["cancel_reason"] == "Court hearing moved"
    with pytest.raises(SystemExit):
        cli("session", "cancel", regular["id"][:8], "--by", "someone")

    cli(
        "actions", "add", debrief["id"][:8], "Take the staff network's concern to HR",
        "--owner", "supervisor", "--kind", "raise-with-organisation", "--due", "2026-02-01",
    )  # fmt: skip
    actions = json.loads(cli("actions", "list", "--json"))
    assert [a["kind"] for a in actions] == ["raise_with_organisation"]
    assert "raise with the organisation: Take the staff" in cli("actions", "list")

    mediation = cli("prompts", "list", "--stage", "mediation")
    assert mediation.startswith("You and the organisation (mediation)")
    assert "recording and processes" in mediation
    stage = json.loads(cli("prompts", "list", "--stage", "mediation", "--json"))
    assert stage["function"] == "mediation" and len(stage["prompts"]) >= 6
    supervisors = cli("prompts", "list", "--stage", "checkin", "--pack", "swreflect-supervisors")
    assert "carrying for your team" in supervisors
