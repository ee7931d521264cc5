"""Prompt packs: the built-in pack, importing an organisation's pack, and every broken case."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from swreflect.core.prompt_packs import CYCLE_STEPS, load_pack_file
from swreflect.core.services import Services
from swreflect.errors import ResourceError, ValidationError
from swreflect.models.supervision import STAGE_KEYS
from swreflect.paths import resource_path

GOOD = """\
[pack]
id = "org-pack"
name = "Our council's prompts"
version = 1

[stages.checkin]
title = "Arriving"

[[prompts]]
id = "org.checkin.1"
stage = "checkin"
text = "How has your week been?"

[[prompts]]
id = "org.agenda.1"
stage = "agenda"
cycle = "analysis"
text = "What else could explain it?"
"""


def _write(tmp_path: Path, text: str, name: str = "ours.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_pack_is_complete_and_in_our_voice() -> None:
    pack = load_pack_file(resource_path("prompts", "core.toml"), "built-in")
    assert list(pack.stages) == list(STAGE_KEYS)
    for stage in pack.stages.values():
        assert len(stage.prompts) >= 3 or stage.key in {
            "review",
            "balance",
            "development",
            "closing",
        }
        assert len(stage.prompts) >= 2
    agenda = pack.stage("agenda")
    for step in CYCLE_STEPS:
        assert len(agenda.prompts_for(step)) >= 2
    text = resource_path("prompts", "core.toml").read_text(encoding="utf-8")
    assert not re.search(r"\bBAME\b", text, re.IGNORECASE)


def test_import_is_versioned_and_becomes_active(services: Services, tmp_path: Path) -> None:
    library = services.prompts
    assert library.active().id == "swreflect-core"
    pack = library.import_file(_write(tmp_path, GOOD))
    active = library.active()
    assert active.id == "org-pack" and pack.version == 1
    assert active.stage("checkin").title == "Arriving"
    assert [p.text for p in active.stage("checkin").prompts] == ["How has your week been?"]
    # Stages the pack leaves out keep the built-in prompts.
    assert active.stage("identity").prompts == library.builtin().stage("identity").prompts
    with pytest.raises(ValidationError, match="version 1 of this pack is already imported"):
        library.import_file(_write(tmp_path, GOOD))
    library.import_file(_write(tmp_path, GOOD.replace("version = 1", "version = 2")))
    assert library.active().version == 2
    with pytest.raises(ValidationError, match="built-in"):
        library.import_file(_write(tmp_path, GOOD.replace('"org-pack"', '"swreflect-core"')))
    library.set_active("swreflect-core")
    assert library.active().id == "swreflect-core"


BROKEN = [
    ("bad toml", GOOD.replace("version = 1", "version = = 1"), 4, "isn't valid TOML"),
    (
        "missing text",
        GOOD.replace('text = "How has your week been?"\n', ""),
        9,
        'missing its "text"',
    ),
    ("missing pack", GOOD.replace("[pack]\n", "[pak]\n"), None, "no [pack] section"),
    ("missing version", GOOD.replace("version = 1\n", ""), 1, 'missing its "version"'),
    ("duplicate id", GOOD.replace('"org.agenda.1"', '"org.checkin.1"'), 15, "used more than once"),
    ("unknown stage", GOOD.replace('stage = "agenda"', 'stage = "gossip"'), 16, "unknown stage"),
    ("unknown stage table", GOOD.replace("[stages.checkin]", "[stages.lunch]"), 6, "not a stage"),
    ("bad cycle", GOOD.replace('cycle = "analysis"', 'cycle = "blame"'), 17, "cycle"),
    ("bad version", GOOD.replace("version = 1", 'version = "one"'), 4, "whole number"),
]


@pytest.mark.parametrize(("label", "text", "line", "problem"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_pack_names_file_line_and_problem_and_changes_nothing(
    services: Services,
    tmp_path: Path,
    label: str,
    text: str,
    line: int | None,
    problem: str,
) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ResourceError) as caught:
        services.prompts.import_file(path)
    message = caught.value.message
    assert message.startswith("ours.toml")
    if line is not None:
        assert f"line {line}:" in message
    assert problem in message
    # Nothing was imported and sessions still run on the built-in pack.
    assert services.prompts.active().id == "swreflect-core"
    assert services.prompts.imported() == ([], [])


def test_a_damaged_stored_pack_falls_back_to_builtin(services: Services, tmp_path: Path) -> None:
    from swreflect.vault.settings_repo import SettingsRepository
    from swreflect.vault.supervision import PromptPackRepository

    services.prompts.import_file(_write(tmp_path, GOOD))
    repo = PromptPackRepository(SettingsRepository(services.vault))
    with services.vault.transaction():
        repo.save("org-pack", "ours.toml", "[pack\nbroken")
    assert services.prompts.active().id == "swreflect-core"
    problems = services.prompts.problems()
    assert problems and problems[0].message.startswith("ours.toml, line 1")


def test_builtin_folder_with_a_broken_file_keeps_the_good_one(tmp_path: Path) -> None:
    from swreflect.core.prompt_packs import load_builtin_packs

    folder = tmp_path / "prompts"
    folder.mkdir()
    (folder / "core.toml").write_text(
        resource_path("prompts", "core.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (folder / "zz-broken.toml").write_text("[pack\n", encoding="utf-8")
    packs, problems = load_builtin_packs(folder)
    assert [p.id for p in packs] == ["swreflect-core"]
    assert "zz-broken.toml, line 1" in problems[0].message


def test_a_wrong_type_in_a_later_prompt_points_at_that_prompt(
    services: Services, tmp_path: Path
) -> None:
    text = GOOD.replace('text = "What else could explain it?"', "text = 42")
    with pytest.raises(ResourceError) as caught:
        services.prompts.import_file(_write(tmp_path, text))
    assert caught.value.message == (
        'ours.toml, line 18: The prompt "org.agenda.1" needs "text" to be some text.'
    )
