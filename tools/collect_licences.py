"""Copy the licence texts of everything a release bundle ships into resources/licences/.

    python tools/collect_licences.py

Reads the runtime packages from installers/requirements-release.txt (build-only tools are
left out), copies each installed package's licence files from its ``*.dist-info`` folder,
adds the texts that wheels don't carry (Qt/PySide6 LGPL-3.0 with the GPL-3.0 it extends,
SQLCipher, CPython, the PyInstaller bootloader), and writes ``INDEX.txt``. The About box
lists this folder; ``tests/test_release_files.py`` checks it covers the lock file.
"""

from __future__ import annotations

import re
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licences"
LOCK = ROOT / "installers" / "requirements-release.txt"
BUILD_ONLY = {"pyinstaller-hooks-contrib", "altgraph", "setuptools", "packaging"}
BUNDLED_ONLY = {"pyinstaller"}  # only its bootloader ships (GPL with a linking exception)
COMMON = Path("/usr/share/common-licenses")
SQLCIPHER = """SQLCipher Community Edition (compiled into sqlcipher3)

Copyright (c) 2025, ZETETIC LLC
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions are met:
    * Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.
    * Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in the
      documentation and/or other materials provided with the distribution.
    * Neither the name of the ZETETIC LLC nor the
      names of its contributors may be used to endorse or promote products
      derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY ZETETIC LLC ''AS IS'' AND ANY
EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL ZETETIC LLC BE LIABLE FOR ANY
DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES
(INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES;
LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND
ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF THIS
SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""

LGPL_NOTE = """About the libraries used under the LGPL (Qt and Qt for Python / PySide6)

swreflect uses Qt and PySide6 under the GNU Lesser General Public License, version 3
(LGPL-3.0-only; its text and the GPL-3.0 it builds on are in the pyside6-essentials folder).
They are shipped as separate, unmodified shared libraries in the application folder, so you
may replace them with your own compatible build of the same version. Their source code is
available from the Qt Project (https://download.qt.io/official_releases/) and from the PyPI
source distributions of PySide6 and shiboken6 for the versions listed in INDEX.txt. On
request the swreflect developers will provide a copy of that source on a physical medium.
"""


def locked_packages() -> list[tuple[str, str]]:
    found = re.findall(r"^([A-Za-z0-9_.\-]+)==([^\s\\]+)", LOCK.read_text("utf-8"), re.M)
    return [(n.lower(), v) for n, v in found if n.lower() not in BUILD_ONLY]


def licence_files(dist: metadata.Distribution) -> list[Path]:
    files = [Path(str(dist.locate_file(f))) for f in dist.files or []]
    pattern = re.compile(r"(licen[cs]e|copying|notice|authors)", re.I)
    return [f for f in files if pattern.search(f.name) and f.suffix not in (".py", ".pyc")]


def main() -> int:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    index = ["Third-party software shipped in swreflect release builds", ""]
    for name, version in locked_packages():
        dist = metadata.distribution(name)
        folder = OUT / f"{name}-{version}"
        folder.mkdir()
        copied = 0
        for src in licence_files(dist):
            if src.is_file() and "dist-info" in str(src):
                target = folder / src.name
                if target.exists():  # same name in a sub-folder (e.g. licenses/src/...)
                    target = folder / f"{src.parent.name}-{src.name}"
                shutil.copyfile(src, target)
                copied += 1
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
        if name in ("pyside6-essentials", "shiboken6"):
            shutil.copyfile(COMMON / "LGPL-3", folder / "LGPL-3.0.txt")
            shutil.copyfile(COMMON / "GPL-3", folder / "GPL-3.0.txt")
            licence = "LGPL-3.0-only (Qt for Python and Qt, used under the LGPL)"
            copied += 2
        if name == "sqlcipher3":
            (folder / "SQLCipher-LICENSE.txt").write_text(SQLCIPHER, "utf-8")
            licence = "Zlib (the sqlcipher3 module); BSD-3-Clause (SQLCipher itself)"
            copied += 1
        if not copied:
            print(f"collect_licences: no licence file for {name}", file=sys.stderr)
            return 1
        suffix = " (bootloader only)" if name in BUNDLED_ONLY else ""
        index.append(f"{name} {version}{suffix}: {licence.splitlines()[0] if licence else ''}")
    python = OUT / f"cpython-{sys.version.split()[0]}"
    python.mkdir()
    shutil.copyfile(Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt", python / "LICENSE.txt")
    index.append(f"cpython {sys.version.split()[0]}: PSF-2.0 (the Python runtime)")
    (OUT / "INDEX.txt").write_text("\n".join(index) + "\n", "utf-8")
    (OUT / "README.txt").write_text(LGPL_NOTE, "utf-8")
    print(f"{len(index) - 2} licences written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
