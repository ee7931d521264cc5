"""The vocabulary of the realistic benchmark data, in Zipf rank order.

Real reflective writing is mostly English function words, then the words of the job, then a
long tail. The ranks here follow that shape: function words first (the commonest), then
social-work words, then our own passphrase word list as the tail (its rare words, such as
"pinecone", are the "rare word" query class). Every word is our own choice; none of it is
anyone's real writing.
"""

from __future__ import annotations

import random
from functools import cache

from swreflect.paths import resource_path


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FUNCTION_WORDS = _words(
    """
the and to of a i in that it was for with on is my about as we she he they this but at had not
be have her his what so their felt from by were me how an or do if our did them more when
been which would there all can one who after think could about him also then just than into
some like still very had what time much because where next again us need before
"""
)

WORK_WORDS = _words(
    """
team family mother father child children school visit home worried supervision court manager
plan risk safeguarding meeting social worker case assessment report support young person
carer foster placement duty referral concern police health nurse contact review conference
strategy parent baby grandmother advocate housing benefits education therapy feelings
reflection practice learning boundaries caseload workload stress tired anxious calm decision
threshold evidence chronology consent capacity record agency partner doctor teacher hospital
discharge respite direct work sibling neglect harm protection order legal hearing statement
professional curious challenge feedback training colleague office drive phone call email
deadline weekend evening supported listened noticed wondered recognised
"""
)


@cache
def ranked_words() -> tuple[str, ...]:
    """Every distinct word, commonest first."""
    tail = resource_path("wordlists", "en-gb.txt").read_text(encoding="utf-8").splitlines()
    seen: dict[str, None] = {}
    for word in (*FUNCTION_WORDS, *WORK_WORDS, *tail):
        word = word.strip().lower()
        if word and not word.startswith("#"):
            seen.setdefault(word, None)
    return tuple(seen)


@cache
def _cumulative() -> tuple[float, ...]:
    total = 0.0
    out: list[float] = []
    for rank in range(len(ranked_words())):
        total += 1.0 / (rank + 1)
        out.append(total)
    return tuple(out)


def sentence_words(rng: random.Random, count: int) -> list[str]:
    """``count`` words drawn with Zipf (1/rank) frequencies."""
    return rng.choices(ranked_words(), cum_weights=_cumulative(), k=count)


def prose(rng: random.Random, words: int) -> str:
    """Sentences of 6–22 words until ``words`` words, capitalised and full-stopped."""
    parts: list[str] = []
    left = words
    while left > 0:
        n = min(left, rng.randint(6, 22))
        chunk = sentence_words(rng, n)
        chunk[0] = chunk[0].capitalize()
        parts.append(" ".join(chunk) + ".")
        left -= n
    return " ".join(parts)
