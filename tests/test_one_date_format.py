"""Guard: dates, times and counts shown to a person go through ``swreflect.timefmt``.

The reviews found six date formats and "1 minutes". This test reads the source of every screen
(``gui``), command (``cli``) and export (``export``) and fails on:

* a raw ``.strftime(...)`` / ``.isoformat(...)`` call, or a date format spec in an f-string
  (``f"{when:%d %b}"``), unless it is machine output: a value in a dict literal (the JSON the
  CLI prints or a hand-over between modules), or one of the few places listed in ``ALLOWED``;
* a count written straight before a plural noun (``f"{n} minutes"``), which reads "1 minutes";
  ``timefmt.plural`` / ``format_minutes`` say it right.

It parses the source (never imports it). ``test_the_guard_catches_*`` feed it small
violations, so a scanner that stops seeing anything fails here too.
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "swreflect"
SCANNED = ("gui", "cli", "export")

# (file under swreflect/, enclosing function) -> why a raw format is right there.
ALLOWED: dict[tuple[str, str], str] = {
    ("gui/pages/backups_panel.py", "BackupsPanel._today"): "a suggested file name",
    ("gui/journal/cpd_export.py", "CpdExport.on_button_clicked"): "a suggested file name",
    ("cli/docs.py", "man_page"): "the .TH date of a man page is ISO by convention",
    ("cli/backup_cmds.py", "cmd_restore"): "the --json field 'made'",
    ("cli/record_cmds.py", "cmd_finish"): "the --json field 'held_on' (the text uses format_date)",
}
# Core writes the sentences the screens show (insights, agreements), so its plurals are checked
# too; its dates are stored values (ISO by design) and are not.
PLURALS_ONLY = ("core",)
# (file, function) -> why a count before a plural noun is right there.
PLURAL_ALLOWED: dict[tuple[str, str], str] = {
    ("core/insights_words.py", "times"): "only reached for three or more ('once', 'twice' first)",
    ("core/settings.py", "SettingsService.set_auto_lock_minutes"): "a range: 'between 1 and 60 "
    "minutes'",
}
COUNT_NOUNS = (
    "minutes|hours|days|weeks|months|years|sessions|entries|actions|records|backups|items|"
    "words|people|times|files|rows|tables|drafts|agreements|pieces"
)
_PLURAL_AFTER_COUNT = re.compile(rf"^ ({COUNT_NOUNS})\b")


def _findings(source: str, rel: str, *, dates: bool = True) -> list[str]:
    tree = ast.parse(source)
    found: list[str] = []
    scope: list[str] = []
    in_dict_value: list[bool] = [False]

    class Visitor(ast.NodeVisitor):
        def _scoped(self, node: ast.AST, name: str) -> None:
            scope.append(name)
            self.generic_visit(node)
            scope.pop()

        def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
            self._scoped(node, node.name)

        def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> None:
            self._scoped(node, node.name)

        def visit_ClassDef(self, node: ast.ClassDef) -> None:
            self._scoped(node, node.name)

        def visit_Dict(self, node: ast.Dict) -> None:
            for key in node.keys:
                if key is not None:
                    self.visit(key)
            for value in node.values:
                in_dict_value.append(True)
                self.visit(value)
                in_dict_value.pop()

        def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
            in_dict_value.append(False)  # an f-string is text, even inside a dict
            parts = node.values
            for before, after in itertools.pairwise(parts):
                if (
                    isinstance(before, ast.FormattedValue)
                    and isinstance(after, ast.Constant)
                    and isinstance(after.value, str)
                    and _PLURAL_AFTER_COUNT.match(after.value)
                ):
                    self._flag(node, f"a count before '{after.value.split()[0]}'", plural=True)
            self.generic_visit(node)
            in_dict_value.pop()

        def visit_FormattedValue(self, node: ast.FormattedValue) -> None:
            if node.format_spec is not None and "%" in ast.unparse(node.format_spec):
                self._flag(node, "a date format spec in an f-string")
            self.generic_visit(node)

        def visit_Call(self, node: ast.Call) -> None:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else ""
            if name in ("strftime", "isoformat") and not in_dict_value[-1]:
                self._flag(node, f".{name}()")
            self.generic_visit(node)

        def _flag(self, node: ast.AST, what: str, *, plural: bool = False) -> None:
            where = ".".join(scope) or "<module>"
            if not plural and (not dates or (rel, where) in ALLOWED):
                return
            if plural and (rel, where) in PLURAL_ALLOWED:
                return
            found.append(f"{rel}:{getattr(node, 'lineno', 0)} {where}: {what}")

    Visitor().visit(tree)
    return found


def _scan() -> list[str]:
    found: list[str] = []
    for part in SCANNED:
        for path in sorted((ROOT / part).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            found += _findings(path.read_text(encoding="utf-8"), rel)
    for part in PLURALS_ONLY:
        for path in sorted((ROOT / part).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            found += _findings(path.read_text(encoding="utf-8"), rel, dates=False)
    return found


def test_user_facing_dates_and_counts_go_through_timefmt() -> None:
    assert _scan() == []


def test_every_allowed_place_still_exists() -> None:
    """An allow-list entry whose function no longer formats anything must be removed."""
    used: set[tuple[str, str]] = set()
    for rel, where in ALLOWED:
        source = (ROOT / rel).read_text(encoding="utf-8")
        saved = dict(ALLOWED)
        ALLOWED.pop((rel, where))
        try:
            if any(f" {where}: " in line for line in _findings(source, rel)):
                used.add((rel, where))
        finally:
            ALLOWED.clear()
            ALLOWED.update(saved)
    assert used == set(ALLOWED)


def test_the_guard_catches_a_raw_date() -> None:
    source = "def show(d):\n    return f\"Held on {d.strftime('%d %b')}\"\n"
    assert _findings(source, "gui/x.py") == ["gui/x.py:2 show: .strftime()"]


def test_the_guard_catches_a_format_spec_and_a_plural() -> None:
    source = 'def show(d, n):\n    return f"At {d:%H:%M}, {n} minutes"\n'
    found = _findings(source, "cli/x.py")
    assert any("format spec" in f for f in found)
    assert any("a count before 'minutes'" in f for f in found)


def test_json_values_are_machine_output() -> None:
    source = 'def as_json(d):\n    return {"held_on": d.isoformat() if d else None}\n'
    assert _findings(source, "cli/x.py") == []
    text = 'def show(d):\n    return {"text": f"held {d.isoformat()}"}\n'
    assert len(_findings(text, "cli/x.py")) == 1


def test_every_plural_exception_is_still_needed() -> None:
    for rel, where in list(PLURAL_ALLOWED):
        source = (ROOT / rel).read_text(encoding="utf-8")
        reason = PLURAL_ALLOWED.pop((rel, where))
        try:
            found = _findings(source, rel, dates=False)
        finally:
            PLURAL_ALLOWED[(rel, where)] = reason
        assert any(f" {where}: a count before" in line for line in found), (rel, where)
