from __future__ import annotations

from pathlib import Path

from swreflect.core.journal_setup import TEMPLATES_ENV, load_templates, template_folders
from swreflect.core.templates import load_library
from swreflect.paths import resource_path

EXPECTED = {
    "free",
    "gibbs",
    "driscoll",
    "cycle-4x4x4",
    "critical-incident",
    "learning-from-success",
    "preparing-for-supervision",
    "after-a-hard-visit",
    "peer-reflection",
    "learning-from-feedback",
    "identity-and-power",
}


def test_bundled_templates_all_load_cleanly() -> None:
    library = load_library([resource_path("templates")])
    assert library.problems == []
    assert set(library.templates) == EXPECTED
    assert library.ordered()[0].id == "free"
    assert [p.id for p in library.get("driscoll").prompts] == ["what", "so_what", "now_what"]
    critical = [p.id for p in library.get("critical-incident").prompts]
    assert critical == ["now", "account", "response", "analysis", "learning", "implications"]
    assert [p.id for p in library.get("cycle-4x4x4").prompts] == [
        "experience",
        "reflection",
        "analysis",
        "action",
    ]
    assert len(library.get("gibbs").prompts) == 6
    assert library.get("no-such-template").id == "free"


def test_an_organisation_folder_adds_templates_and_broken_files_are_named(
    tmp_path: Path, monkeypatch: object
) -> None:
    org = tmp_path / "org"
    org.mkdir()
    (org / "team-huddle.toml").write_text(
        'id = "team-huddle"\nname = "After a team huddle"\n\n'
        '[[prompts]]\nid = "noticed"\nlabel = "What did you notice?"\n',
        encoding="utf-8",
    )
    (org / "broken.toml").write_text('id = "broken"\nname = "Broken\n', encoding="utf-8")
    (org / "demands.toml").write_text(
        'id = "demands"\nname = "Demands"\n\n[[prompts]]\nid = "who"\n'
        'label = "Name of the child"\nrequired = true\n',
        encoding="utf-8",
    )
    (org / "twins.toml").write_text(
        'id = "twins"\nname = "Twins"\n\n[[prompts]]\nid = "a"\nlabel = "A"\n\n'
        '[[prompts]]\nid = "a"\nlabel = "Again"\n',
        encoding="utf-8",
    )
    (org / "gibbs-copy.toml").write_text('id = "gibbs"\nname = "Copy"\n', encoding="utf-8")
    (org / "extra.toml").write_text('id = "extra"\nname = "E"\ncolour = "red"\n')
    monkeypatch.setenv(TEMPLATES_ENV, str(org))  # type: ignore[attr-defined]
    assert org in template_folders()
    library = load_templates()
    assert EXPECTED | {"team-huddle"} == set(library.templates)
    problems = sorted(library.problems)
    assert len(problems) == 5
    assert problems[0].startswith("broken.toml, line 2: this isn't valid TOML")
    assert problems[1].startswith("demands.toml, line 7: prompts can't be required")
    assert problems[2] == "extra.toml, line 3: 'colour' isn't a template setting."
    assert problems[3].startswith("gibbs-copy.toml: the id 'gibbs' is already used by gibbs.toml")
    assert problems[4] == "twins.toml, line 9: two prompts share the id 'a'."


def test_no_bundled_prompt_is_mandatory_or_asks_for_identity() -> None:
    library = load_library([resource_path("templates")])
    for template in library.templates.values():
        text = Path(str(template.source)).read_text(encoding="utf-8").lower()
        assert "required" not in text
        for word in ("name of", "date of birth", "address", "postcode", "nhs number"):
            assert word not in text
