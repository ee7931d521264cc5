from __future__ import annotations

from pathlib import Path

import pytest

from swreflect.core.deidentify import (
    find_identifiers,
    next_pseudonym,
    nhs_check_digit_ok,
    pseudonymise,
)

CORPUS = Path(__file__).parent / "corpus" / "ordinary_reflection.txt"


def _paragraphs() -> list[str]:
    return [p.strip() for p in CORPUS.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def test_corpus_is_big_enough() -> None:
    assert len(_paragraphs()) >= 40


@pytest.mark.parametrize("paragraph", _paragraphs(), ids=lambda p: p[:30])
def test_ordinary_reflective_writing_raises_no_flags(paragraph: str) -> None:
    assert find_identifiers(paragraph, names=["Jordan Blake", "the Okafor family"]) == []


POSITIVE = [
    ("They have moved to SW1A 1AA last month.", "postcode", "SW1A 1AA"),
    ("New address near M1 1AE, I think.", "postcode", "M1 1AE"),
    ("Her NHS number is 943 476 5919 apparently.", "nhs_number", "943 476 5919"),
    ("NHS no 9434765919 on the letter.", "nhs_number", "9434765919"),
    ("NI number JG 10 37 42 B was on the form.", "ni_number", "JG 10 37 42 B"),
    ("His NI is AB123456C.", "ni_number", "AB123456C"),
    ("Mum's mobile is 07700 900123.", "phone", "07700 900123"),
    ("Call the school on 0161 496 0000.", "phone", "0161 496 0000"),
    ("Use +44 7700 900123 after six.", "phone", "+44 7700 900123"),
    ("The office is (020) 7946 0018.", "phone", "(020) 7946 0018"),
    ("She emailed from jo.bloggs@example.org today.", "email", "jo.bloggs@example.org"),
    ("Born 14/02/2016 in another city.", "date_of_birth", "14/02/2016"),
    ("DOB: 3 May 2011.", "date_of_birth", "3 May 2011"),
    ("d.o.b. 2012-07-30 per the referral", "date_of_birth", "2012-07-30"),
    ("date of birth 1st June 2015", "date_of_birth", "1st June 2015"),
    ("Jordan Blake was calmer today.", "name", "Jordan Blake"),
    ("I spoke to JORDAN   blake's teacher.", "name", "JORDAN   blake"),
    ("We visited the Okafor family again.", "name", "the Okafor family"),
]


@pytest.mark.parametrize(("text", "kind", "found"), POSITIVE)
def test_identifying_details_are_flagged(text: str, kind: str, found: str) -> None:
    findings = find_identifiers(text, names=["Jordan Blake", "the Okafor family"])
    assert [(f.kind, f.text) for f in findings] == [(kind, found)]


def test_near_misses_are_not_flagged() -> None:
    for text in [
        "NHS number 943 476 5918 (wrong check digit)",
        "NI number BG 12 34 56 C (not a valid prefix)",
        "we met on 14/02/2016 at school",
        "phone 07700 90012 is too short",
        "the s47 1st stage",
        "Jordana Blakemore is someone else",
    ]:
        assert find_identifiers(text, names=["Jordan Blake"]) == [], text


def test_nhs_check_digit() -> None:
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")
    assert not nhs_check_digit_ok("94347659")


def test_pseudonym_swap_is_consistent_and_replaces_everything() -> None:
    names = {"Jordan Blake": "Person A", "the Okafor family": "Family A"}
    text = (
        "Jordan Blake (DOB 01/01/2015) lives at M1 1AE with the Okafor family; "
        "jordan blake's phone is 07700 900123."
    )
    out = pseudonymise(text, find_identifiers(text, names), names)
    assert out == (
        "Person A (DOB [date of birth]) lives at [postcode] with Family A; "
        "Person A's phone is [phone]."
    )
    assert find_identifiers(out, names) == []


def test_next_pseudonym_skips_taken_letters() -> None:
    assert next_pseudonym("Sam", []) == "Person A"
    assert next_pseudonym("Sam", ["Person A", "Family A"]) == "Person B"
    assert next_pseudonym("The Lees", ["Person A", "Family A"]) == "Family B"
    taken = [f"Person {chr(65 + i)}" for i in range(26)]
    assert next_pseudonym("X", taken) == "Person AA"
