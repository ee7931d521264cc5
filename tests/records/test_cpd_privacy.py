"""CPD output never carries what isn't the person's own learning (issue 11, practice H2).

Canaries sit in every place a CPD draft must never copy from: check-in, wellbeing, safety and
identity stages, the summary, shared notes written by the other person, ratings, comments and
case-file decisions. A child's name, date of birth and postcode must be swapped out."""

from __future__ import annotations

import re

from swreflect.core import cpd
from swreflect.signing.records import RecordNote, SignedRecord
from tests.export.factory import make_record

CANARIES = {
    "checkin": "CANARY-CHECKIN my father is in hospital",
    "wellbeing": "CANARY-WELLBEING I cried in the car",
    "safety": "CANARY-SAFETY afraid to speak in the team",
    "identity": "CANARY-IDENTITY a remark about my hair",
    "learning": "CANARY-LEARNING I missed the second referral",
    "development": "CANARY-DEVELOPMENT the supervisor's own note",
    "agenda.1": "CANARY-AGENDA Jayden Smith (DOB 03/04/2015) lives near SW1A 1AA",
}


def _record() -> dict:
    record = make_record(supervisor="Sam Okafor", supervisee="Priya Shah")
    record["stages"] = [
        {
            "key": key,
            "title": "Agenda and case discussions: Home visit to Jayden Smith"
            if key == "agenda.1"
            else key.capitalize(),
            "notes": [{"prompt": "What happened?", "text": text}],
        }
        for key, text in CANARIES.items()
    ]
    record["summary"] = "CANARY-SUMMARY everything we said, again"
    record["case_file_decisions"] = ["CANARY-DECISION Family A: a core group"]
    record["ratings"] = {"include": True, "supervisor": {"support": 1, "challenge": 5}}
    return record


def test_cpd_from_a_record_copies_none_of_the_canaries() -> None:
    record = _record()
    signed = SignedRecord(record).with_notes(
        (RecordNote("disagreement", "supervisee", "Priya Shah", "CANARY-REPLY no", "2026-03-04"),)
    )
    for role in ("supervisee", "supervisor"):
        entry = cpd.from_record(
            signed.record, my_role=role, pseudonyms={"Jayden Smith": "Person A"}
        )
        text = entry.to_text()
        assert "CANARY" not in text, text
        assert "Jayden" not in text and "SW1A" not in text and "03/04/2015" not in text
        assert "Person A" in text  # the topic stays, de-identified
        assert "a name from your never-record list" in entry.swapped
        assert "1 of 5" not in text and "support" not in text.lower().split("impact")[0]


def test_what_the_person_writes_is_kept_and_de_identified() -> None:
    entry = cpd.from_record(
        _record(),
        {"learned": "I learned to slow down with Jayden Smith, born 03/04/2015."},
        pseudonyms={"Jayden Smith": "Person A"},
    )
    assert entry.learned == "I learned to slow down with Person A, born [date of birth]."
    assert (
        entry.to_complete()
        == [
            "Why it is relevant to my practice",
            "Peer reflection: what I learned from them",
        ]
        or "Why it is relevant to my practice" in entry.to_complete()
    )


def test_two_entries_never_share_a_stock_sentence() -> None:
    first = make_record(supervisor="Sam Okafor", date="2026-03-04")
    second = make_record(supervisor="Jo Reyes", date="2026-04-01")
    second["stages"] = [
        {"key": "agenda.1", "title": "Agenda: Court statement", "notes": []},
    ]
    second["actions"][0]["description"] = "Draft the court statement"

    def sentences(text: str) -> set[str]:
        body = re.sub(r"\[To complete: [^\]]*\]", "", text)  # the prompts are not content
        headings = {h for _k, h, _p in cpd.FIELDS}
        lines = {line.strip() for line in body.splitlines()}
        return {line for line in lines if line and line not in headings and set(line) != {"-"}} - {
            cpd.SUPERVISION_TYPE
        }

    a = sentences(cpd.from_record(first).to_text())
    b = sentences(cpd.from_record(second).to_text())
    assert a and b
    assert a.isdisjoint(b), a & b


def test_a_journal_entry_cpd_is_the_persons_own_words_de_identified() -> None:
    entry = cpd.from_journal_entry(
        {
            "title": "After the visit to SW1A 1AA",
            "body": "I noticed I rushed. Mum's mobile is 07700 900123.",
            "created": "2026-02-11T20:15:00+00:00",
        }
    )
    text = entry.to_text()
    assert "SW1A 1AA" not in text and "07700 900123" not in text
    assert "I noticed I rushed." in entry.learned
    assert entry.date == "11 February 2026"
    assert "[To complete: what you do differently now" in text
