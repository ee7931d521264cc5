"""How long backups, restores and exports take on a vault of realistic size (`make bench`)."""

from __future__ import annotations

import time
from pathlib import Path

from swreflect.core.backup_service import restore_from_file
from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE

ROWS = 5000
ROW_BYTES = 2000  # about a page of reflective writing each


def _timed(label: str, results: dict[str, float], work: object) -> object:
    started = time.perf_counter()
    value = work()  # type: ignore[operator]
    results[label] = time.perf_counter() - started
    return value


def test_backup_restore_export_timings(tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    with vault.transaction() as conn:
        conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)",
            [(f"entry.{i:05d}", ("reflection " * 200)[:ROW_BYTES]) for i in range(ROWS)],
        )
    services = build_services(vault, FakeClock())
    results: dict[str, float] = {}
    _timed("backup into backups/", results, services.backups.create_backup)
    out = tmp_path / "stick.swrbak"
    _timed("back up to a file", results, lambda: services.backups.back_up_to(out))
    _timed("export JSON", results, lambda: services.portability.export_json(tmp_path / "e.json"))
    size = (tmp_path / "vault" / "vault.db").stat().st_size
    vault.lock()
    _timed(
        "restore the file",
        results,
        lambda: restore_from_file(tmp_path / "new", out, passphrase=TEST_PASSPHRASE),
    )
    print(f"\nvault.db {size / 1e6:.1f} MB ({ROWS} rows of {ROW_BYTES} bytes)")
    for label, seconds in results.items():
        print(f"  {label:<22} {seconds * 1000:8.0f} ms")
