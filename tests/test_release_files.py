"""Release files agree with the code and with each other (no build needed to check these).

File types registered by the .deb/Flatpak (MIME, desktop entry, metainfo), the Windows
installer and the macOS spec all come from ``models/file_types.py``; the lock file covers every
dependency, keeps pyproject's reportlab, and every shipped package has its licence text; the
Flatpak has no network permission; release builds ignore test-only settings.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from swreflect.models.file_types import FILE_TYPES
from swreflect.platform import release
from swreflect.vault.kdf import KdfPolicy

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "installers" / "linux"
APP_ID = "org.swreflect.Swreflect"


def _locked() -> dict[str, str]:
    text = (ROOT / "installers" / "requirements-release.txt").read_text("utf-8")
    return {n.lower(): v for n, v in re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", text, re.M)}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_dependency_is_locked_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    locked = {_norm(k): v for k, v in _locked().items()}
    for spec in project["dependencies"] + project["optional-dependencies"]["dist"]:
        req = Requirement(spec)
        assert _norm(req.name) in locked, f"{req.name} missing from the lock file"
        assert req.specifier.contains(locked[_norm(req.name)]), f"{req.name} outside {spec}"
    text = (ROOT / "installers" / "requirements-release.txt").read_text("utf-8")
    for block in re.split(r"\n(?=[a-z])", text.split("\n\n", 1)[1]):
        assert "--hash=sha256:" in block, block.splitlines()[0]


def test_reportlab_in_the_lock_is_the_one_pyproject_pins() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    spec = next(Requirement(d) for d in project["dependencies"] if d.startswith("reportlab"))
    version = _locked()["reportlab"]
    assert spec.specifier.contains(version)
    pinned = [s.version for s in spec.specifier if s.operator == "=="]
    assert not pinned or pinned == [version]


def test_every_shipped_package_has_its_licence_text() -> None:
    folder = ROOT / "resources" / "licences"
    build_only = {"pyinstaller-hooks-contrib", "altgraph", "setuptools", "packaging"}
    for name, version in _locked().items():
        if name in build_only:
            continue
        entry = folder / f"{name}-{version}"
        assert entry.is_dir() and any(entry.iterdir()), f"no licence text for {name} {version}"
    qt = folder / f"pyside6-essentials-{_locked()['pyside6-essentials']}"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (qt / "LGPL-3.0.txt").read_text("utf-8")
    assert (folder / "INDEX.txt").is_file() and (folder / "README.txt").is_file()


def test_flatpak_has_no_network_permission() -> None:
    manifest = json.loads((ROOT / "installers/flatpak/org.swreflect.Swreflect.json").read_text())
    assert manifest["id"] == APP_ID
    assert not [a for a in manifest["finish-args"] if "network" in a]


def test_file_types_are_registered_everywhere() -> None:
    mime = (LINUX / f"{APP_ID}.xml").read_text("utf-8")
    desktop = (LINUX / f"{APP_ID}.desktop").read_text("utf-8")
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml").read_text("utf-8")
    inno = (ROOT / "installers/windows/swreflect.iss").read_text("utf-8")
    mime_line = next(line for line in desktop.splitlines() if line.startswith("MimeType="))
    for t in FILE_TYPES:
        assert f'type="{t.mime}"' in mime and f'pattern="*{t.extension}"' in mime
        if t.magic:
            assert f'value="{t.magic.decode()}"' in mime
        assert t.mime in mime_line.split("=", 1)[1].split(";")
        assert f"<mediatype>{t.mime}</mediatype>" in metainfo
        assert f'Subkey: "Software\\Classes\\{t.extension}"' in inno
    spec = (ROOT / "installers/pyinstaller/swreflect.spec").read_text("utf-8")
    assert "FILE_TYPES" in spec and 'collect_submodules("swreflect")' in spec


def test_the_magic_bytes_are_what_the_app_writes() -> None:
    from swreflect.vault import backup_file

    assert backup_file.MAGIC.startswith(next(t.magic for t in FILE_TYPES if t.kind == "backup"))


def test_uninstall_keeps_the_vault() -> None:
    inno = (ROOT / "installers/windows/swreflect.iss").read_text("utf-8")
    section = inno.split("[UninstallDelete]", 1)[1].split("\n[", 1)[0]
    deletions = [line for line in section.splitlines() if line and not line.startswith(";")]
    assert deletions and all("{app}" in line for line in deletions)
    assert not any("localappdata" in line.lower() for line in deletions)
    assert "PrivilegesRequired=lowest" in inno  # per-user, no administrator needed


@pytest.mark.parametrize("tool", ["appstreamcli", "desktop-file-validate"])
def test_linux_metadata_validates(tool: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (make sysdeps-dist installs it)")
    target = f"{APP_ID}.metainfo.xml" if tool == "appstreamcli" else f"{APP_ID}.desktop"
    cmd = [tool, "validate", "--no-net", target] if tool == "appstreamcli" else [tool, target]
    result = subprocess.run(cmd, cwd=LINUX, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_release_builds_ignore_test_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SWREFLECT_INSECURE_TEST_KDF", "1")
    assert KdfPolicy.from_environment().insecure  # the test suite's own setting works...
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert release.is_release_build()
    assert not KdfPolicy.from_environment().insecure  # ...and a bundle ignores it
    assert release.test_setting("SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE") is None
