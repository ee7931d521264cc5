"""The content lint over every built-in prompt pack and journal template, and proof that each
rule can fail (a broken copy of a real prompt or template is caught)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from swreflect.core import content_lint as lint
from swreflect.core.prompt_packs import THEMES, PromptPack, load_builtin_packs
from swreflect.core.templates import load_library
from swreflect.models.supervision import STAGE_KEYS
from swreflect.paths import resource_path


def _packs(folder: Path | None = None) -> list[PromptPack]:
    packs, problems = load_builtin_packs(folder or resource_path("prompts"))
    assert problems == []
    return packs


def test_every_builtin_pack_passes() -> None:
    packs = _packs()
    assert {p.id for p in packs} >= {"swreflect-core", "swreflect-supervisors"}
    problems = [str(p) for pack in packs for p in lint.pack_problems(pack)]
    problems += [str(p) for p in lint.theme_problems(packs)]
    assert problems == []


def test_every_builtin_template_passes() -> None:
    library = load_library([resource_path("templates")])
    assert library.problems == []
    wanted = {
        "preparing-for-supervision", "after-a-hard-visit", "peer-reflection",
        "learning-from-feedback", "identity-and-power", "critical-incident", "driscoll",
    }  # fmt: skip
    assert wanted <= set(library.templates)
    problems = [str(p) for t in library.templates.values() for p in lint.template_problems(t)]
    assert problems == []


def test_the_core_pack_covers_every_stage_and_theme() -> None:
    core = next(p for p in _packs() if p.id == "swreflect-core")
    assert set(core.stages) == set(STAGE_KEYS)
    tagged = {t for p in core.all_prompts() for t in p.themes}
    assert tagged == set(THEMES)
    assert core.stage("mediation").function == "mediation"
    assert core.stage("identity").prompts[0].id == "identity.racism"  # reached first


@pytest.mark.parametrize(
    ("prompt_id", "broken", "expected"),
    [
        ("mediation.split", "Tell us how your behavior changed.", "American spelling"),
        ("mediation.role", "How do BAME colleagues see their role?", "BAME"),
        ("checkin.self", "How could you build your resilience?", "resilience"),
        ("checkin.arriving", "The room is ready.", "neither a question nor an invitation"),
        ("mediation.change", "What should the team hear about?", "is tagged"),
    ],
)
def test_each_rule_fails_on_a_broken_prompt(prompt_id: str, broken: str, expected: str) -> None:
    core = next(p for p in _packs() if p.id == "swreflect-core")
    stage = core.stage(prompt_id.split(".")[0])
    prompts = tuple(replace(p, text=broken) if p.id == prompt_id else p for p in stage.prompts)
    stages = {**core.stages, stage.key: replace(stage, prompts=prompts)}
    problems = [str(p) for p in lint.pack_problems(replace(core, stages=stages))]
    assert any(expected in p and prompt_id in p for p in problems), problems


def test_missing_cycle_step_and_missing_theme_fail(tmp_path: Path) -> None:
    folder = tmp_path / "prompts"
    shutil.copytree(resource_path("prompts"), folder)
    core = folder / "core.toml"
    text = core.read_text(encoding="utf-8")
    # Move every agenda "reflection" prompt to "analysis" and drop all theme tags.
    text = text.replace('cycle = "reflection"', 'cycle = "analysis"')
    text = "\n".join(line for line in text.splitlines() if not line.startswith("themes ="))
    core.write_text(text, encoding="utf-8")
    supervisors = folder / "supervisors.toml"
    supervisors.unlink()
    packs = _packs(folder)
    problems = [str(p) for pack in packs for p in lint.pack_problems(pack)]
    assert any('no "reflection" prompt, so nothing serves support' in p for p in problems)
    missing = [str(p) for p in lint.theme_problems(packs)]
    assert len(missing) == len(THEMES)


def test_a_broken_template_fails(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(resource_path("templates"), folder)
    path = folder / "driscoll.toml"
    text = path.read_text(encoding="utf-8").replace('label = "Now what?"', 'label = "Next steps"')
    text = text.replace(
        'hint = "What will you do differently, and what learning or support would help?"',
        'hint = "Changes to your behavior."',
    )
    path.write_text(text, encoding="utf-8")
    library = load_library([folder])
    problems = [str(p) for p in lint.template_problems(library.templates["driscoll"])]
    assert any("American spelling" in p for p in problems)
    assert any("neither its label nor its hint" in p for p in problems)
