"""Precision of the identifier check where it now also runs: session notes, summaries,
actions and case-file decisions. Ordinary reflective writing (the journal corpus) and ordinary
session-note writing must raise nothing; the issue's reproduction must be flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.core.deidentify import find_identifiers
from swreflect.core.record_service import record_texts, spotted_in
from swreflect.signing.records import SignedRecord
from tests.signing.records import make_record

CORPUS = Path(__file__).parents[1] / "journal" / "corpus"
NAMES = ["Jordan Blake", "the Okafor family", "Jayden Smith"]


def _paragraphs(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


PARAGRAPHS = _paragraphs("ordinary_reflection.txt") + _paragraphs("session_notes.txt")


def test_both_corpora_are_big_enough() -> None:
    # Every paragraph written so far (46 ordinary, 20 session-note-like): a floor lower than
    # the corpus would let paragraphs go missing without anyone noticing.
    assert len(_paragraphs("ordinary_reflection.txt")) >= 46
    assert len(_paragraphs("session_notes.txt")) >= 20


@pytest.mark.parametrize("paragraph", PARAGRAPHS, ids=lambda p: p[:30])
def test_ordinary_writing_raises_no_flags(paragraph: str) -> None:
    assert find_identifiers(paragraph, NAMES) == []


def test_a_whole_record_of_ordinary_notes_raises_nothing_before_export() -> None:
    record = make_record()
    record["stages"][0]["notes"] = [
        {"prompt": "", "text": p} for p in _paragraphs("session_notes.txt")
    ]
    record["case_file_decisions"] = [p for p in _paragraphs("session_notes.txt") if "Family" in p]
    assert spotted_in(record_texts(SignedRecord(record)), NAMES) == []


def test_the_reproduction_is_flagged_before_export() -> None:
    record = make_record()
    record["stages"][0]["notes"] = [
        {"prompt": "", "text": "Jayden Smith (DOB 03/04/2015), 12 High St, SW1A 1AA."}
    ]
    kinds = {s.finding.kind for s in spotted_in(record_texts(SignedRecord(record)), NAMES)}
    assert kinds == {"name", "date_of_birth", "postcode"}
