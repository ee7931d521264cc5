"""The automatic backup of the realistic vault (printed, never asserted).

Floor, in the same run: a plain copy of ``vault.db`` plus encrypting the same bytes with
AES-256-GCM (what any encrypted copy must at least do). Ours: the backup the app makes, in a
worker, while the UI thread's event loop keeps turning; the longest gap in that loop is the
stall a person would feel.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from PySide6.QtWidgets import QApplication

from swreflect.core.services import build_services
from swreflect.gui.workers import TaskRunner
from tests.bench import table
from tests.bench.realistic import BenchData
from tests.bench.shell_probe import StallMeter, pump_until

CHUNK = 1 << 20


def _copy_and_encrypt(src: Path, dest: Path) -> float:
    start = time.perf_counter()
    shutil.copyfile(src, dest)
    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    with open(dest, "rb") as plain, open(dest.with_suffix(".enc"), "wb") as out:
        while chunk := plain.read(CHUNK):
            out.write(aead.encrypt(os.urandom(12), chunk, None))
        out.flush()
        os.fsync(out.fileno())
    return time.perf_counter() - start


def test_backup_at_scale_against_copy_and_encryption(
    realistic_copy: BenchData, tmp_path: Path, qtbot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    vault = realistic_copy.unlock()
    services = build_services(vault)
    vault.checkpoint()
    size_mb = (realistic_copy.folder / "vault.db").stat().st_size / 1e6
    floor = _copy_and_encrypt(realistic_copy.folder / "vault.db", tmp_path / "copy.db")
    (tmp_path / "copy.db").unlink()
    (tmp_path / "copy.enc").unlink()

    runner = TaskRunner()
    done: list[object] = []
    stall = StallMeter()
    stall.start()
    start = time.perf_counter()
    runner.start(services.backups.create_backup, done.append, done.append)
    assert pump_until(app, lambda: bool(done), 1800)
    ours = time.perf_counter() - start
    worst = stall.stop()
    print(f"\nbackup of {size_mb:.0f} MB: {ours:.1f} s; copy + AES-GCM floor {floor:.1f} s")
    table.record(
        f"Backup: {size_mb:.0f} MB vault against copy + encryption", ours / floor, 2.0, "x",
        target="<= 2x", note=f"{ours:.1f} s vs floor {floor:.1f} s (export + both checks)",
    )  # fmt: skip
    table.record("Backup: longest UI stall while it runs", worst, 50)
    vault.lock()
