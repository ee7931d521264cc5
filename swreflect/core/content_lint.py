"""Checks on the words of prompt packs and journal templates (the content lint).

The prompts are the product's voice, so their rules are checked by code, not by memory:
British spelling; never "BAME" or "BME"; "resilience" never framed as something a person has
or lacks; every prompt a question or an invitation; every stage offering at least one prompt
for each supervision function it serves; and the organisational themes of the employer
standards each covered by at least one prompt whose wording really is about that theme.
The test suite runs these over every built-in pack and template; an organisation's own pack can
be checked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from swreflect.core.prompt_packs import THEMES, Prompt, PromptPack
from swreflect.core.templates import Template
from swreflect.models.supervision import CYCLE_FUNCTIONS

# American spellings (and a few Americanisms) we never use, as whole-word patterns.
AMERICAN = (
    r"color\w*", r"behavior\w*", r"organiz\w*", r"recogniz\w*", r"realiz\w*",
    r"prioritiz\w*", r"apologiz\w*", r"emphasiz\w*", r"minimiz\w*", r"summariz\w*",
    r"analyz\w*", r"center\w*", r"favor\w*", r"honor\w*", r"labor\w*", r"neighbor\w*",
    r"program", r"programs", r"defense", r"offense", r"catalog", r"dialog", r"traveling",
    r"counseling", r"counselor", r"fulfill", r"enroll", r"toward", r"gotten", r"mom",
    r"judgmental", r"math", r"vacation", r"cell ?phone",
)  # fmt: skip
_AMERICAN = re.compile(r"\b(" + "|".join(AMERICAN) + r")\b", re.IGNORECASE)
_BAME = re.compile(r"\bB\.?A?\.?M\.?E\b", re.IGNORECASE)
# "Resilience" as a trait: something a person is, has, lacks, shows or must build.
_TRAIT = re.compile(
    r"\b(you|your|you're|yourself|be|being|are|is|more|less|build|building|lack\w*|show\w*|"
    r"personal|own|worker'?s?|practitioner'?s?)\b\W+(\w+\W+){0,2}resilien\w*"
    r"|\bresilien\w*\W+(\w+\W+){0,1}(worker|practitioner|person|people|staff|you)\b",
    re.IGNORECASE,
)
INVITATIONS = (
    "tell", "describe", "take", "picture", "think", "imagine", "start", "let's", "name",
    "share", "write", "note", "set", "list", "jot", "say", "look",
)  # fmt: skip


# Words a prompt tagged with a theme must use, so a tag can't claim what the text doesn't say.
THEME_WORDS = {
    "role-clarity": r"\brole\b|expect|worry",
    "recording-vs-direct-work": r"record",
    "change-fatigue": r"chang",
    "upward-insight": r"decisions|managers above|organisation|reach",
    "unfair-scrutiny": r"check|question|oversight|scrutin",
    "psychological-safety": r"mistake|wrong|different|welcome|frank|safe",
    "critical-incidents": r"happen|incident|report|decision|how are you|turning point",
}


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def word_problems(where: str, text: str) -> list[Problem]:
    """Spelling, "BAME", and trait-framed "resilience" in any piece of text."""
    out: list[Problem] = []
    for match in _AMERICAN.finditer(text):
        out.append(Problem(where, f'American spelling "{match.group(0)}"'))
    if _BAME.search(text):
        out.append(Problem(where, 'uses "BAME"/"BME"; name the groups meant instead'))
    if _TRAIT.search(text):
        out.append(Problem(where, 'frames "resilience" as a personal trait'))
    return out


def is_invitation(text: str) -> bool:
    """A question anywhere in it, or it opens by inviting ("Tell me...", "Take us back...")."""
    if "?" in text:
        return True
    first = text.strip().split(" ", 1)[0].lower().strip(",.:;")
    return first in INVITATIONS


def pack_problems(pack: PromptPack) -> list[Problem]:
    out: list[Problem] = []
    for stage in pack.stages.values():
        where = f"{pack.id} [{stage.key}]"
        out += word_problems(f"{where} title", stage.title)
        out += word_problems(f"{where} intro", stage.intro)
        for prompt in stage.prompts:
            at = f"{pack.id} {prompt.id}"
            out += word_problems(at, prompt.text)
            if not is_invitation(prompt.text):
                out.append(Problem(at, "is neither a question nor an invitation"))
            for theme in prompt.themes:
                if not re.search(THEME_WORDS[theme], prompt.text, re.IGNORECASE):
                    out.append(Problem(at, f'is tagged "{theme}" but its words are not about it'))
        out += _function_problems(where, stage.key, stage.function, stage.prompts)
    return out


def _function_problems(
    where: str, key: str, function: str, prompts: Sequence[Prompt]
) -> list[Problem]:
    """Every function a stage serves has a prompt: its own function, and for the agenda each
    step of the cycle (so each of the functions those steps serve)."""
    if not prompts:
        return [Problem(where, f"has no prompt for its function ({function})")]
    if key != "agenda":
        return []
    out: list[Problem] = []
    steps = {p.cycle for p in prompts}
    for step, served in CYCLE_FUNCTIONS.items():
        if step not in steps:
            out.append(Problem(where, f'has no "{step}" prompt, so nothing serves {served} there'))
    return out


def theme_problems(packs: Iterable[PromptPack]) -> list[Problem]:
    covered = {theme for pack in packs for p in pack.all_prompts() for theme in p.themes}
    return [Problem("prompt packs", f'no prompt covers "{t}"') for t in THEMES if t not in covered]


def template_problems(template: Template) -> list[Problem]:
    out: list[Problem] = []
    where = f"template {template.id}"
    out += word_problems(f"{where} name", template.name)
    out += word_problems(f"{where} description", template.description)
    for prompt in template.prompts:
        at = f"{where} {prompt.id}"
        out += word_problems(at, f"{prompt.label}\n{prompt.hint}")
        if not (prompt.label.rstrip().endswith("?") or is_invitation(prompt.hint)):
            out.append(Problem(at, "neither its label nor its hint asks or invites"))
    return out
