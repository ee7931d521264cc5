"""Templates are parsed once per content (they load at every unlock): the same file gives the
same parsed template, and a file changed in any way is parsed again, at once."""

from __future__ import annotations

from pathlib import Path

from swreflect.core.templates import load_library, load_template

TEMPLATE = """id = "mine"
name = "{name}"

[[prompts]]
id = "first"
label = "What happened?"
"""


def test_an_unchanged_template_is_not_parsed_again(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(TEMPLATE.format(name="Mine"), encoding="utf-8")
    assert load_template(path) is load_template(path)


def test_a_changed_template_is_parsed_again_even_at_the_same_size(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(TEMPLATE.format(name="Mine"), encoding="utf-8")
    assert load_library([tmp_path]).get("mine").name == "Mine"
    path.write_text(TEMPLATE.format(name="Ours"), encoding="utf-8")  # same size, same moment
    assert load_library([tmp_path]).get("mine").name == "Ours"
    path.write_text("id = ", encoding="utf-8")
    library = load_library([tmp_path])
    assert "mine" not in library.templates and library.problems  # broken: reported again
