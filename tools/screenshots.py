"""Grab every screen and state of the app to PNG: 1024x600, 1366x768 at 125%, light and dark.

Usage (from the repository root)::

    python tools/screenshots.py OUTDIR [--only 1024-light,1024-dark,1366-125-light,...]

Each variant runs in its own process (the scale factor must be set before Qt starts) on a
throwaway vault in a temporary folder; nothing real is touched. PNGs are written to
``OUTDIR/<variant>/<state>.png``, where the states are those of ``tests/gui/walk.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# name -> (window size in device-independent pixels, QT_SCALE_FACTOR, scheme)
VARIANTS: dict[str, tuple[tuple[int, int], str, str]] = {
    "1024-light": ((1024, 600), "1", "light"),
    "1024-dark": ((1024, 600), "1", "dark"),
    "1366-125-light": ((int(1366 / 1.25), int(768 / 1.25)), "1.25", "light"),
    "1366-125-dark": ((int(1366 / 1.25), int(768 / 1.25)), "1.25", "dark"),
}


def grab_variant(out: Path, name: str) -> None:
    """In this process: walk every state and save it (run by ``main`` in a child)."""
    sys.path.insert(0, str(ROOT))
    from swreflect.gui.launch import make_application
    from swreflect.gui.style import apply_style
    from tests.gui.walk import walk

    size, _scale, scheme = VARIANTS[name]
    app = make_application(["screenshots"])
    apply_style(app, scheme)
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for state in walk(Path(scratch) / "vault", size):
            state.window.grab().save(str(folder / f"{state.name}.png"))
    print(f"{name}: {len(list(folder.glob('*.png')))} screens in {folder}", flush=True)
    # Tearing Qt down with the walked windows around can crash at exit; the files are written.
    os._exit(0)


def main() -> None:
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = Path(args[0])
    only = VARIANTS.keys()
    if len(args) > 2 and args[1] == "--only":
        only = [v for v in args[2].split(",") if v in VARIANTS]
    if os.environ.get("SWREFLECT_SHOTS_CHILD"):
        grab_variant(out, os.environ["SWREFLECT_SHOTS_CHILD"])
        return
    with tempfile.TemporaryDirectory() as home:
        for name in only:
            env = dict(
                os.environ,
                SWREFLECT_SHOTS_CHILD=name,
                QT_SCALE_FACTOR=VARIANTS[name][1],
                QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                SWREFLECT_INSECURE_TEST_KDF="1",
                SWREFLECT_HOME=home,
                SWREFLECT_COLOR_SCHEME=VARIANTS[name][2],  # else the system's scheme wins
            )
            subprocess.run([sys.executable, __file__, str(out)], env=env, cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
