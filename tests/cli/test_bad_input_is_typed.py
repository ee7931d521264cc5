"""D8 and D9: input a user can type or hand over never ends in "an unexpected error".

* ``import json`` checks every value against the schema before writing: a ``created_at`` of
  "not a date", an integer of 2**64, NaN, a lone surrogate, deep nesting each get a typed
  refusal, the vault stays empty, and ``journal list`` still works afterwards.
* Arguments and standard input that aren't UTF-8 get a clear usage message (exit 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect.cli import main
from swreflect.errors import EXIT_USAGE
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import REPO_ROOT, cli_env, make_vault


@pytest.fixture
def export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    source = tmp_path / "source"
    make_vault(source)
    for title in ("first", "second"):
        assert main(["journal", "add", title, "--body", "b", "--vault", str(source)]) == 0
    path = tmp_path / "export.json"
    assert main(["export", "json", "-o", str(path), "--vault", str(source)]) == 0
    doc: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return doc


def _import(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    target = tmp_path / "target"
    if not target.exists():
        make_vault(target)
    path = tmp_path / "edited.json"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = main(["import", "json", str(path), "--vault", str(target)])
    err = capsys.readouterr().err
    assert main(["journal", "list", "--vault", str(target)]) == 0  # still usable
    listed = capsys.readouterr().out
    assert "first" not in listed, "a refused import wrote nothing"
    return code, err


@pytest.mark.parametrize(
    ("column", "value"),
    [("created_at", "not a date"), ("id", 2**64), ("title", "\ud800"), ("updated_at", 17)],
)
def test_a_bad_value_is_refused_before_anything_is_written(
    export: dict[str, object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    column: str,
    value: object,
) -> None:
    tables = export["tables"]
    assert isinstance(tables, dict)
    tables["journal_entries"][0][column] = value
    code, err = _import(tmp_path, json.dumps(export), capsys)
    assert code in (1, 2) and "unexpected" not in err, err
    assert "Nothing was changed" in err


def test_nan_and_deep_nesting_are_typed(
    export: dict[str, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(export).replace('"title": "first"', '"title": NaN', 1)
    code, err = _import(tmp_path, text, capsys)
    assert code in (1, 2) and "unexpected" not in err, err
    deep = '{"format": "swreflect-export", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    code, err = _import(tmp_path, deep, capsys)
    assert code in (1, 2) and "unexpected" not in err, err


def test_non_utf8_arguments_and_stdin_get_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "v"
    make_vault(folder)
    monkeypatch.setenv("SWREFLECT_PASSPHRASE", TEST_PASSPHRASE)
    bad = os.fsdecode(b"\xff\xfe name")  # what Python makes of non-UTF-8 argv bytes
    assert main(["people", "add", bad, "--vault", str(folder)]) == EXIT_USAGE
    assert "isn't valid UTF-8" in capsys.readouterr().err
    result = subprocess.run(
        [sys.executable, "-m", "swreflect", "journal", "add", "t", "--vault", str(folder)],
        input=b"\xff\xfe not utf-8\n",
        env=cli_env(SWREFLECT_PASSPHRASE=TEST_PASSPHRASE),
        cwd=REPO_ROOT,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == EXIT_USAGE, result.stderr
    assert b"isn't UTF-8" in result.stderr
