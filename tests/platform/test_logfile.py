"""The log file rotates by size into at most ``backups`` older files, and loses no line."""

from __future__ import annotations

import logging
from pathlib import Path

from swreflect.platform.logfile import RotatingLogFile


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "logs"
    folder.mkdir()
    return folder


def _logger(handler: logging.Handler) -> logging.Logger:
    log = logging.getLogger(f"test-logfile-{id(handler)}")
    log.propagate = False
    log.setLevel(logging.INFO)
    log.addHandler(handler)
    return log


def test_rotates_at_the_size_and_keeps_the_newest_lines(tmp_path: Path) -> None:
    tmp_path = _folder(tmp_path)
    path = tmp_path / "swreflect.log"
    handler = RotatingLogFile(path, max_bytes=200, backups=2)
    log = _logger(handler)
    lines = [f"line {n:03d} " + "x" * 30 for n in range(40)]  # 40 bytes each, 5 per file
    for line in lines:
        log.info(line)
    handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["swreflect.log", "swreflect.log.1", "swreflect.log.2"]
    for p in tmp_path.iterdir():
        assert 0 < p.stat().st_size <= 200, p.name
    kept = [
        *(tmp_path / "swreflect.log.2").read_text(encoding="utf-8").splitlines(),
        *(tmp_path / "swreflect.log.1").read_text(encoding="utf-8").splitlines(),
        *path.read_text(encoding="utf-8").splitlines(),
    ]
    assert kept == lines[-len(kept) :]  # oldest first, nothing missing in between
    assert len(kept) == 15


def test_appends_to_an_existing_log_and_rotates_it(tmp_path: Path) -> None:
    tmp_path = _folder(tmp_path)
    path = tmp_path / "swreflect.log"
    path.write_text("from an earlier run\n" * 10, encoding="utf-8")  # 200 bytes
    handler = RotatingLogFile(path, max_bytes=250, backups=1)
    log = _logger(handler)
    log.info("first line of this run, long enough to pass the limit: " + "y" * 20)
    handler.close()
    assert (tmp_path / "swreflect.log.1").read_text(encoding="utf-8").count("earlier") == 10
    assert path.read_text(encoding="utf-8").startswith("first line of this run")


def test_no_backups_means_the_full_file_starts_again(tmp_path: Path) -> None:
    tmp_path = _folder(tmp_path)
    path = tmp_path / "swreflect.log"
    handler = RotatingLogFile(path, max_bytes=50, backups=0)
    log = _logger(handler)
    for n in range(5):
        log.info(f"entry {n} " + "z" * 30)
    handler.close()
    assert [p.name for p in tmp_path.iterdir()] == ["swreflect.log"]
    assert path.read_text(encoding="utf-8").splitlines() == ["entry 4 " + "z" * 30]
