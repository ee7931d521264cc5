"""Passphrase advice and suggestions for the create-vault and change-passphrase screens.

Long passphrases made of several ordinary words are both strong and memorable, so the advice
rewards length and word count rather than symbols. Length alone is fooled by repetition and
common phrases ("password password password password"), so the verdict is also capped by
zxcvbn, a maintained guess estimator (pure Python, MIT) that knows common passwords, names,
keyboard patterns and repeats; the friendlier of the two wordings is shown, the lower level
wins. Suggestions draw words from swreflect's own
list (``resources/wordlists/en-gb.txt``) with ``secrets.choice``: five words from ~2,000 give
about 55 bits, on top of the deliberately slow key derivation.
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from swreflect.paths import resource_path

ZXCVBN_MAX_CHARS = 72  # zxcvbn refuses longer input; a prefix that long is judged instead
MIN_CHARS = 12  # mirrors swreflect.vault.vault.MIN_PASSPHRASE_CHARS without importing the vault
SUGGESTED_WORDS = 5
WORDLIST = ("wordlists", "en-gb.txt")

_SEPARATORS = re.compile(r"[\s\-_.,;:/+]+")


@dataclass(frozen=True)
class Strength:
    """A verdict for the strength meter: ``level`` 0 (not yet usable) to 3 (strong)."""

    level: int
    label: str
    advice: str

    @property
    def acceptable(self) -> bool:
        return self.level > 0


@lru_cache(maxsize=1)
def load_wordlist() -> tuple[str, ...]:
    """The suggestion words, read once per process (they are not secret)."""
    text = resource_path(*WORDLIST).read_text(encoding="utf-8")
    words = (line.strip() for line in text.splitlines())
    return tuple(w for w in words if w and not w.startswith("#"))


def suggest_passphrase(words: int = SUGGESTED_WORDS, wordlist: Sequence[str] | None = None) -> str:
    """Random words joined by spaces, chosen with a cryptographic random source."""
    pool = wordlist if wordlist is not None else load_wordlist()
    if len(pool) < 1000:
        raise ValueError("the word list is too small for a safe suggestion")
    return " ".join(secrets.choice(pool) for _ in range(words))


def suggestion_bits(words: int = SUGGESTED_WORDS, wordlist: Sequence[str] | None = None) -> float:
    pool = wordlist if wordlist is not None else load_wordlist()
    return words * math.log2(len(pool))


def guess_score(passphrase: str, user_inputs: Sequence[str] = ()) -> int:
    """zxcvbn's score, 0 (guessed in under a thousand tries) to 4 (over 10^10)."""
    from zxcvbn import zxcvbn

    words = [w for text in user_inputs for w in text.split() if w]
    return int(zxcvbn(passphrase[:ZXCVBN_MAX_CHARS], user_inputs=words)["score"])


def assess(passphrase: str, user_inputs: Sequence[str] = ()) -> Strength:
    """Friendly, non-judging feedback; never repeats the passphrase back.

    ``user_inputs`` are words a guesser would try first (the person's own name, the app's)."""
    verdict = _by_shape(passphrase)
    if verdict.level == 0:
        return verdict
    score = guess_score(passphrase.strip(), ("swreflect", *user_inputs))
    if score <= 1:
        return Strength(
            0,
            "Easy to guess",
            "This is a common phrase or pattern that guessing tools try early. "
            "Choose a few unrelated words instead.",
        )
    if score == 2 and verdict.level > 1:
        return Strength(
            1,
            "Weak",
            "This repeats itself or follows a familiar pattern. "
            "A few different, unrelated words would be much stronger.",
        )
    if score == 3 and verdict.level > 2:
        return Strength(2, "Good", "Adding one more unrelated word would make it stronger still.")
    return verdict


def _by_shape(passphrase: str) -> Strength:
    text = passphrase.strip()
    words = [w for w in _SEPARATORS.split(text) if w]
    if not text:
        return Strength(0, "", "Several ordinary words in a row make a strong passphrase.")
    if len(text) < MIN_CHARS:
        return Strength(
            0,
            "Not long enough yet",
            f"Please use at least {MIN_CHARS} characters. A few ordinary words in a row work well.",
        )
    if len(set(text.lower())) < 5:
        return Strength(
            0,
            "Too repetitive",
            "This repeats the same few characters. Try a few different words instead.",
        )
    if len(words) >= 4 and len(text) >= 20:
        return Strength(
            3,
            "Strong",
            "A long passphrase of several words is hard to guess and easy to remember.",
        )
    if len(words) >= 3 or len(text) >= 18:
        return Strength(2, "Good", "Adding one more word would make it stronger still.")
    return Strength(
        1,
        "Acceptable",
        "This will work. Three or four ordinary words would be much stronger.",
    )
