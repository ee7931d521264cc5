"""The automatic backup of the realistic vault (printed, never asserted).

Floor, in the same run: what the cheapest safe re-keyed copy of the same bytes must cost. That
is a plain copy of ``vault.db`` made durable (read, write once, fsync) plus the encryption
work on those bytes with the primitives a backup's format fixes (SQLCipher 4: check the
source's HMAC-SHA512 and decrypt AES-256-CBC, then encrypt AES-256-CBC and HMAC-SHA512 under
the copy's own key), timed in memory in 1 MiB chunks with no per-page overhead. The note also
gives the ratio against a copy plus AES-256-GCM (the floor used before, which no SQLCipher
copy can reach: GCM runs at several GB/s, HMAC-SHA512 at about 0.6 GB/s on one core).

Ours: three rounds, each a floor and then the day's automatic backup the way the shell runs
it, in a worker, with the progress indicator in a real shown window; a 5 ms heartbeat timer on
the UI thread keeps the longest gap between ticks (the stall a person would feel). The ratio
is the median of the three; the stall is the maximum. The same heartbeat over an idle stretch
before the backups shows how much of a stall is the shared machine rather than the backup.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import shutil
import statistics
import threading
import time
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from swreflect.core.services import Services, build_services
from swreflect.gui.backup_progress import BackupProgress
from swreflect.gui.workers import TaskRunner
from swreflect.vault.backups import BackupInfo
from tests.bench import table
from tests.bench.realistic import BenchData
from tests.bench.shell_probe import StallMeter

CHUNK = 1 << 20
IDLE_MS = 3000
ROUNDS = 3


def _durable_copy(src: Path, dest: Path) -> float:
    start = time.perf_counter()
    shutil.copyfile(src, dest)
    fd = os.open(dest, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    return time.perf_counter() - start


def _page_cipher(src: Path) -> float:
    """Re-keying the bytes: verify + decrypt under one key, encrypt + MAC under another."""
    old_key, new_key, mac_old, mac_new = (os.urandom(32) for _ in range(4))
    iv = os.urandom(16)
    start = time.perf_counter()
    with open(src, "rb") as plain:
        while chunk := plain.read(CHUNK):
            hmac.new(mac_old, chunk, hashlib.sha512).digest()
            data = Cipher(algorithms.AES(old_key), modes.CBC(iv)).decryptor().update(chunk)
            data = Cipher(algorithms.AES(new_key), modes.CBC(iv)).encryptor().update(data)
            hmac.new(mac_new, data, hashlib.sha512).digest()
    return time.perf_counter() - start


def _gcm(src: Path) -> float:
    aead = AESGCM(AESGCM.generate_key(bit_length=256))
    start = time.perf_counter()
    with open(src, "rb") as plain:
        while chunk := plain.read(CHUNK):
            aead.encrypt(os.urandom(12), chunk, None)
    return time.perf_counter() - start


def _idle_stall(app: QApplication) -> float:
    stall = StallMeter()
    stall.start()
    loop = QEventLoop()
    QTimer.singleShot(IDLE_MS, loop.quit)
    loop.exec()
    return stall.stop()


def _backup_in_window(
    app: QApplication, window: QMainWindow, services: Services
) -> tuple[float, float, int]:
    """One daily backup as the shell runs it: (seconds, longest stall in ms, progress values)."""
    stall = StallMeter()  # from the start: claiming and showing the bar are UI-thread work
    stall.start()
    start = time.perf_counter()
    assert services.backups.claim_daily_backup() is not False
    stop = threading.Event()
    indicator = BackupProgress.show_in(window, services.backups.progress, stop)
    shown: list[int] = []
    indicator.bar.valueChanged.connect(shown.append)
    runner = TaskRunner()
    done: list[object] = []
    loop = QEventLoop()
    task = runner.start(
        lambda: services.backups.write_daily_backup(stop.is_set), done.append, done.append
    )
    task.signals.succeeded.connect(lambda _r: loop.quit())
    task.signals.failed.connect(lambda _m: loop.quit())
    QTimer.singleShot(1_800_000, loop.quit)
    loop.exec()
    seconds = time.perf_counter() - start
    worst = stall.stop()
    indicator.finish()
    assert done and isinstance(done[0], BackupInfo), done
    done[0].path.unlink()  # the next round copies the same vault again
    services.backups.release_daily_backup(None)
    return seconds, worst, len(set(shown))


def test_backup_at_scale_against_copy_and_encryption(
    realistic_copy: BenchData, tmp_path: Path, qtbot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    vault = realistic_copy.unlock()
    services = build_services(vault)
    # Other benches in the same run share this copy and may have taken today's backup
    # already (the shell bench unlocks it as the app does): make one due again.
    services.backups.release_daily_backup(None)
    vault.checkpoint()
    db = realistic_copy.folder / "vault.db"
    size_mb = db.stat().st_size / 1e6
    window = QMainWindow()
    window.setCentralWidget(QLabel("Home"))
    window.resize(900, 600)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    idle = _idle_stall(app)

    floors: list[float] = []
    ratios: list[float] = []
    gcm_ratios: list[float] = []
    stalls: list[float] = []
    runs: list[str] = []
    cpu_ratios: list[float] = []  # all threads of this process; steadier under load
    for _round in range(ROUNDS):  # interleaved, so a busy spell on the machine hits both
        cpu = time.process_time()
        copy = _durable_copy(db, tmp_path / "copy.db")
        (tmp_path / "copy.db").unlink()
        cipher = _page_cipher(db)
        floor_cpu = time.process_time() - cpu
        gcm = _gcm(db)
        cpu = time.process_time()
        ours, worst, values = _backup_in_window(app, window, services)
        cpu_ratios.append((time.process_time() - cpu) / floor_cpu)
        floors.append(copy + cipher)
        ratios.append(ours / (copy + cipher))
        gcm_ratios.append(ours / (copy + gcm))
        stalls.append(worst)
        runs.append(f"{ours:.1f} s vs {copy:.1f} + {cipher:.1f} s ({values} progress values)")
    ratio = statistics.median(ratios)
    print(f"\nbackup of {size_mb:.0f} MB, {ROUNDS} rounds: " + "; ".join(runs))
    print(f"stalls {', '.join(f'{s:.1f}' for s in stalls)} ms; idle {idle:.1f} ms")
    print(f"CPU time against the floor's: {', '.join(f'{r:.2f}x' for r in cpu_ratios)}")
    table.record(
        f"Backup: {size_mb:.0f} MB vault against copy + encryption", ratio, 2.0, "x",
        target="<= 2x",
        note=f"median of {ROUNDS}: {'; '.join(runs)} (durable copy + SQLCipher page cipher);"
        f" vs copy + AES-GCM {statistics.median(gcm_ratios):.1f}x; CPU time against the"
        f" floor's {statistics.median(cpu_ratios):.2f}x",
    )  # fmt: skip
    table.record(
        "Backup: longest UI stall while it runs", max(stalls), 50,
        note=f"max of {ROUNDS} backups; the same heartbeat idle for {IDLE_MS / 1000:.0f} s"
        f" before: {idle:.1f} ms",
    )  # fmt: skip
    window.close()
    vault.lock()
