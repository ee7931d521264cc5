"""paths: SWREFLECT_HOME, platform folders, and resource_path in a checkout and a real install.

The install test runs ``pip install --no-deps --target`` on a copy of the project (a
non-editable install, as a user or a package would get it) and imports swreflect from that
folder alone, from an unrelated working directory.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from swreflect import paths

REPO = Path(__file__).resolve().parents[1]


def test_swreflect_home_puts_everything_under_one_folder(
    swreflect_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = paths.app_paths()
    assert got.vault_dir == swreflect_home / "data" / "vault"
    assert got.config_dir == swreflect_home / "config"
    assert got.log_dir == swreflect_home / "logs"
    assert paths.default_vault_dir() == got.vault_dir


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders")
def test_linux_uses_xdg_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SWREFLECT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "s"))
    got = paths.app_paths()
    assert got.data_dir == tmp_path / "d" / "swreflect"
    assert got.config_dir == tmp_path / "c" / "swreflect"
    assert got.log_dir == tmp_path / "s" / "swreflect" / "logs"


def test_resource_path_in_the_source_checkout() -> None:
    assert paths.resources_root() == REPO / "resources"
    assert paths.resource_path("x", "y.txt") == REPO / "resources" / "x" / "y.txt"


def _shipped(root: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


PROBE = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from swreflect import paths
root = paths.resources_root()
print(json.dumps({"module": paths.__file__, "root": str(root), "is_dir": root.is_dir(),
                  "styles": str(paths.resource_path("styles"))}))
"""


def test_resource_path_in_a_non_editable_install(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md"):
        if (REPO / name).exists():
            shutil.copy2(REPO / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(REPO / "swreflect", source / "swreflect", ignore=ignore)
    shutil.copytree(REPO / "resources", source / "resources", ignore=ignore)
    target = tmp_path / "target"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # -S: no site-packages, so only the install target can provide swreflect.
    probe = subprocess.run(
        [sys.executable, "-S", "-c", PROBE, str(target)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stderr
    report = json.loads(probe.stdout)
    root = Path(report["root"])
    assert Path(report["module"]).is_relative_to(target)
    assert root.is_relative_to(target) and report["is_dir"]
    assert _shipped(REPO / "resources") <= _shipped(root)  # every shipped file arrived
    if (REPO / "resources" / "styles").is_dir():
        assert Path(report["styles"]).is_dir()
