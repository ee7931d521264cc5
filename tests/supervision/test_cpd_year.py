"""CPD across the registration year (1 December to 30 November): tagging journal entries and
sessions to the professional standards, peer reflection, the year's count, and forgetting a
piece whose entry was deleted for good."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.core.clock import FakeClock
from swreflect.core.cpd_year import registration_year, year_wording
from swreflect.core.services import Services
from swreflect.errors import ValidationError
from swreflect.models.journal import EntryContent
from tests.conftest import TEST_PASSPHRASE


def test_the_registration_year_ends_on_30_november() -> None:
    assert registration_year(date(2026, 11, 30)) == (date(2025, 12, 1), date(2026, 11, 30))
    assert registration_year(date(2026, 12, 1)) == (date(2026, 12, 1), date(2027, 11, 30))
    assert registration_year(date(2026, 1, 5)) == (date(2025, 12, 1), date(2026, 11, 30))


def test_year_wording_counts_pieces_and_peer_reflection() -> None:
    start, end = date(2025, 12, 1), date(2026, 11, 30)
    assert "No pieces of CPD are marked yet" in year_wording(start, end, 0, 0)
    assert "2 more pieces, at least one with peer reflection" in year_wording(start, end, 0, 0)
    assert "you'll want 1 more piece." in year_wording(start, end, 1, 1)
    assert "one piece that includes peer reflection" in year_wording(start, end, 2, 0)
    assert "meets Social Work England's yearly minimum" in year_wording(start, end, 2, 1)


def test_tagging_entries_and_sessions(
    services: Services, pair: tuple[str, str], clock: FakeClock
) -> None:
    _, agreement_id = pair
    peer_entry = services.journal.create(
        EntryContent(title="Talking it through with Sam", template_id="peer-reflection")
    )
    own_entry = services.journal.create(EntryContent(title="Reading on neglect"))
    assert services.cpd.tag_journal(peer_entry.id, ["4.1", "4.6"]).peer is True
    assert services.cpd.tag_journal(own_entry.id, ["4.3"]).peer is False
    session = services.sessions.start(agreement_id)
    services.sessions.finish(session.id)  # only a finished session took place
    piece = services.cpd.tag_session(session.id, ["4.2"])
    assert piece.peer and piece.on_date == date(2026, 1, 5)
    with pytest.raises(ValidationError):
        services.cpd.tag_journal(own_entry.id, ["9.9"])
    view = services.cpd.year()
    assert (view.start, view.end) == (date(2025, 12, 1), date(2026, 11, 30))
    assert [p.title for p in view.pieces] == [
        "Talking it through with Sam",
        "Reading on neglect",
        "Supervision",
    ]
    assert view.peer_count == 2
    assert "meets Social Work England's yearly minimum" in view.wording
    # Deleted for good: the piece stops counting and its row goes.
    services.journal.trash(peer_entry.id)
    services.journal.purge(peer_entry.id)
    assert services.cpd.piece("journal", str(peer_entry.id)) is None
    assert len(services.cpd.year().pieces) == 2
    # A cancelled session can't be a piece of CPD.
    dropped = services.sessions.create(agreement_id)
    services.sessions.cancel(dropped.id, by="supervisee")
    with pytest.raises(ValidationError):
        services.cpd.tag_session(dropped.id, ["4.2"])


def test_cpd_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    folder = str(tmp_path / "cli-vault")
    assert main(["init", "--vault", folder]) == 0
    assert main(["journal", "add", "Feedback from a parent", "--body", "x", "--vault", folder]) == 0
    capsys.readouterr()
    assert main(["cpd", "tag", "journal", "1", "--standard", "4.1", "--vault", folder]) == 0
    assert "Marked as CPD" in capsys.readouterr().out
    assert main(["cpd", "year", "--json", "--vault", folder]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["standards"] for p in data["pieces"]] == [["4.1"]]
    assert data["end"].endswith("-11-30") and data["peer_count"] == 0
    assert main(["cpd", "year", "--vault", folder]) == 0
    assert "4.1: feedback" in capsys.readouterr().out
