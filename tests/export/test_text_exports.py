"""Plain text, Markdown and CPD exports say what the PDF says, in the shape each use needs."""

from __future__ import annotations

from swreflect.core import cpd
from swreflect.export import record_view, text_export
from swreflect.models.vocab import IN_ROOM_LABEL
from tests.export.factory import make_record, sign_both


def test_plain_text_has_every_agreed_part(signed):
    text = text_export.record_text(signed)
    record = signed.record
    for fragment in (
        "CONFIDENTIAL - SUPERVISION RECORD",
        "Supervision record, 4 March 2026",
        "Supervisor: Zoë Ó Súilleabháin (Team manager)",
        "Reflecting on practice\n----------------------",
        "What happened?\n" + record["stages"][1]["notes"][0]["text"],
        "- Read the practice guidance on planned home visits "
        "(Ольга Петренко, by 18 March 2026, open)",
        "Supervisor: support 4 of 5, challenge 3 of 5",
        "Supervisor: Zoë Ó Súilleabháin, signed 4 March 2026, 15:30 (UTC+00:00), key",
        f"Verification code {record_view.verification_code(record)}",
    ):
        assert fragment in text, fragment
    assert "A stage with nothing shared" not in text
    assert "*" not in text and "#" not in text


def test_ratings_are_left_out_of_text_when_not_included(supervisor, supervisee):
    signed = sign_both(make_record(include_ratings=False), supervisor, supervisee)
    assert "Support and challenge" not in text_export.record_text(signed)
    assert "Support and challenge" not in text_export.record_markdown(signed)


def test_markdown_has_headings_a_table_and_escapes_user_text(supervisor, supervisee):
    record = make_record(notes_text="Used *stars* and # hashes | pipes")
    md = text_export.record_markdown(sign_both(record, supervisor, supervisee))
    assert md.startswith(
        "*Confidential - supervision record*\n\n# Supervision record, 4 March 2026"
    )
    assert "## Reflecting on practice" in md
    assert "| Action | Who | By | Status |" in md
    assert r"Used \*stars\* and \# hashes \| pipes" in md


def test_in_room_acknowledgement_is_labelled_in_text(supervisor):
    text = text_export.record_text(sign_both(make_record(), supervisor, None))
    assert "acknowledged" in text
    assert IN_ROOM_LABEL in text


def test_the_sign_off_record_shape_shows_ratings_and_names_action_owners():
    """As ``record_content`` writes it: ratings without an include flag, owners as roles."""
    record = make_record()
    record["ratings"] = {
        "supervisor": {"support": 4, "challenge": 3},
        "supervisee": {"support": 5, "challenge": 2},
    }
    record["parties"]["supervisee"]["role"] = "supervisee"
    record["actions"][0]["owner"] = "supervisee"
    record["stages"] = [
        {
            "key": "agenda.1",
            "title": "Agenda: a visit",
            "notes": [{"prompt": "", "text": "Saw it."}],
        }
    ]
    assert record_view.rating_rows(record) == [
        ("Supervisor", "4 of 5", "3 of 5"),
        ("Supervisee", "5 of 5", "2 of 5"),
    ]
    assert record_view.action_rows(record)[0][1] == "Ольга Петренко"
    assert ("Supervisee", "Ольга Петренко") in record_view.title_rows(record)
    assert "Saw it." not in cpd.from_record(record).to_text()  # notes are never copied
    assert "a visit" in cpd.from_record(record).peer_discussed  # the topic is
    record["ratings"] = None
    assert record_view.rating_rows(record) is None


def test_a_rating_given_by_only_one_person_shows_only_theirs():
    record = make_record()
    record["ratings"] = {"supervisor": None, "supervisee": {"support": 5, "challenge": 2}}
    assert record_view.rating_rows(record) == [("Supervisee", "5 of 5", "2 of 5")]
    record["ratings"] = {"supervisor": None, "supervisee": None}
    assert record_view.rating_rows(record) is None
