"""A gentle check for details that could identify the people a practitioner works with.

Pure functions, no I/O. ``find_identifiers`` flags UK postcodes, NHS numbers (only with a valid
modulus-11 check digit), National Insurance numbers (only valid prefixes), UK phone numbers,
email addresses, dates of birth (a date with "born", "DOB" or "date of birth" close before it)
and names from the user's own never-record list. ``pseudonymise`` swaps what was found for
pseudonyms or neutral placeholders. Nothing here ever stops a save: it is a nudge.

Precision matters more than recall: a practitioner who is flagged for "s47", "14:30", "aged
7" or "£1,250" learns to ignore the banner. ``tests/journal/corpus`` holds ordinary reflective
writing that must raise nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

KIND_LABELS = {
    "email": "an email address",
    "name": "a name from your never-record list",
    "nhs_number": "an NHS number",
    "ni_number": "a National Insurance number",
    "phone": "a phone number",
    "postcode": "a postcode",
    "date_of_birth": "a date of birth",
}
PLACEHOLDERS = {
    "email": "[email]",
    "nhs_number": "[NHS number]",
    "ni_number": "[NI number]",
    "phone": "[phone]",
    "postcode": "[postcode]",
    "date_of_birth": "[date of birth]",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_POSTCODE = re.compile(
    r"(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ](?:[A-HK-Y]?\d[A-Z\d]?|\d[A-HJKPSTUW]) ?"
    r"\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])"
)
_NI = re.compile(
    r"(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])"
)
_NHS = re.compile(r"(?<![\d£$.,/:-])(\d{3})([ -]?)(\d{3})\2(\d{4})(?![\d%]|[.,/:]\d)")
_PHONE = re.compile(
    r"(?<![\w+£$.,/:])"
    r"(?:\+44[ -]?(?:\(0\)[ -]?)?\d{2,4}|\(0\d{2,4}\)|0\d{2,4})"
    r"(?:[ -]?\d{3,4}){1,2}"
    r"(?![\d%]|[.,/:]\d)"
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    r"(?<![\d/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{4}})(?![\d/])",
    re.IGNORECASE,
)
_BIRTH_CONTEXT = re.compile(
    r"(?:\bborn\b|\bDOB\b|\bd\.o\.b\b\.?|\bdate of birth\b|\bbirth ?date\b)[^.\n]{0,20}$",
    re.IGNORECASE,
)
_VALID_PHONE_SECOND_DIGIT = set("123578")


def nhs_check_digit_ok(digits: str) -> bool:
    """The NHS number modulus-11 check: weights 10..2 on the first nine digits."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10:
        return False
    return check == int(digits[9])


def _phone_ok(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    if text.startswith("+44"):
        digits = "0" + digits[2:]
        if "(0)" in text:
            digits = "0" + digits[2:]
    return len(digits) in (10, 11) and digits[0] == "0" and digits[1] in _VALID_PHONE_SECOND_DIGIT


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    parts = sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True)
    if not parts:
        return None
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def find_identifiers(text: str, names: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` that looks identifying, in order, without overlaps."""
    found: list[Finding] = []

    def add(kind: str, match: re.Match[str]) -> None:
        found.append(Finding(kind, match.start(), match.end(), match.group(0)))

    for m in _EMAIL.finditer(text):
        add("email", m)
    pattern = _names_pattern(names)
    if pattern is not None:
        for m in pattern.finditer(text):
            add("name", m)
    for m in _NHS.finditer(text):
        if nhs_check_digit_ok(m.group(1) + m.group(3) + m.group(4)):
            add("nhs_number", m)
    for m in _NI.finditer(text):
        add("ni_number", m)
    for m in _PHONE.finditer(text):
        if _phone_ok(m.group(0)):
            add("phone", m)
    for m in _POSTCODE.finditer(text):
        add("postcode", m)
    for m in _DATE.finditer(text):
        if _BIRTH_CONTEXT.search(text, max(0, m.start() - 40), m.start()):
            add("date_of_birth", m)
    return _without_overlaps(found)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for f in found:  # earlier kinds win: they are the more specific ones
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


def pseudonymise(text: str, findings: Iterable[Finding], pseudonyms: Mapping[str, str]) -> str:
    """``text`` with each finding swapped: names for their pseudonym, the rest for a placeholder.

    ``pseudonyms`` maps never-record names (any case) to their fixed pseudonym, so the same
    person always becomes the same "Person B" across entries."""
    lowered = {" ".join(k.lower().split()): v for k, v in pseudonyms.items()}
    out = text
    for f in sorted(findings, key=lambda f: f.start, reverse=True):
        if f.kind == "name":
            replacement = lowered.get(" ".join(f.text.lower().split()), "Person")
        else:
            replacement = PLACEHOLDERS[f.kind]
        out = out[: f.start] + replacement + out[f.end :]
    return out


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def is_family_name(name: str) -> bool:
    lowered = name.strip().lower()
    return lowered.startswith("the ") or lowered.endswith(" family")


def next_pseudonym(name: str, taken: Iterable[str]) -> str:
    """A fresh "Family A" for a family ("the Smiths", "Smith family"), else "Person A"."""
    stem = "Family" if is_family_name(name) else "Person"
    used = set(taken)
    n = 0
    while f"{stem} {_letters(n)}" in used:
        n += 1
    return f"{stem} {_letters(n)}"
