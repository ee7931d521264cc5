"""The window's claim on its vault: a file lock decides at once who is the first window, the
local endpoint opens after the first paint, and a second launch, a real second process
through the real entry point, still reaches the first window (issue 16, start-up).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from swreflect.gui.after_first_paint import AfterFirstPaint
from swreflect.gui.window_claim import WindowClaim, claim_path
from swreflect.platform.file_lock import HeldFile
from tests.gui.conftest import WAIT_MS
from tests.platform.winrules import windows_rules

HOLD_CLAIM = """
import sys, time
from PySide6.QtCore import QCoreApplication
from swreflect.gui.window_claim import WindowClaim
app = QCoreApplication([])
claim = WindowClaim(sys.argv[1])
assert claim.claim([], patience_s=0)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def _env(home: Path) -> dict[str, str]:
    env = {**os.environ, "SWREFLECT_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("SWREFLECT_EXIT_AFTER_FIRST_PAINT", None)
    return env


def _vault_dir(home: Path) -> Path:
    return home / "data" / "vault"  # what ``paths.default_vault_dir`` gives under this home


def _launch(home: Path, *files: str) -> subprocess.Popen[bytes]:
    """``swreflect [files]`` as a file manager would start it."""
    cmd = [sys.executable, "-m", "swreflect", *files]
    return subprocess.Popen(cmd, env=_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _hold_claim_elsewhere(home: Path, seconds: float) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", HOLD_CLAIM, str(_vault_dir(home)), str(seconds)]
    child = subprocess.Popen(cmd, env=_env(home), stdout=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"held"
    return child


def _wait_for_exit(qtbot, proc: subprocess.Popen[bytes], timeout_s: float = 60) -> int:
    """Keep our event loop turning (the first window answers from it) while ``proc`` runs; a
    launch that opened a window of its own instead is ended (and fails the test)."""
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=int(timeout_s * 1000))
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    return int(proc.returncode)


def test_a_second_launch_hands_its_files_to_the_first_window(qtbot, qapp, tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = WindowClaim(_vault_dir(home))
    assert first.claim([]) and first.held
    assert claim_path(_vault_dir(home)).is_file()
    assert first.listen()
    request = tmp_path / "request.swx"
    request.write_bytes(b"SWREFLECT-EXCHANGE\n")
    try:
        with qtbot.waitSignal(first.activated, timeout=WAIT_MS) as got:
            second = _launch(home, str(request))
            assert _wait_for_exit(qtbot, second) == 0, second.stderr
        assert got.args == [[str(request.resolve())]]
        with qtbot.waitSignal(first.activated, timeout=WAIT_MS) as got:
            assert _wait_for_exit(qtbot, _launch(home)) == 0  # just come to the front
        assert got.args == [[]]
    finally:
        first.close()
    assert not first.held


def test_a_launch_waits_for_a_first_window_that_is_still_starting(
    qtbot, qapp, tmp_path: Path
) -> None:
    """The first window listens only after its first paint; a launch in between waits for it
    instead of opening a second window."""
    home = tmp_path / "home"
    first = WindowClaim(_vault_dir(home))
    assert first.claim([])
    try:
        with qtbot.waitSignal(first.activated, timeout=WAIT_MS):
            began = time.monotonic()
            second = _launch(home)
            QTimer.singleShot(1500, first.listen)  # "painted" a moment later
            assert _wait_for_exit(qtbot, second) == 0
        assert time.monotonic() - began >= 1.5
    finally:
        first.close()


def test_a_crashed_window_leaves_no_stale_claim(qapp, tmp_path: Path) -> None:
    home = tmp_path / "home"
    crashed = _hold_claim_elsewhere(home, 60)
    assert not WindowClaim(_vault_dir(home)).try_lock(), "a running holder's claim was taken"
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(30)
    began = time.monotonic()
    after = WindowClaim(_vault_dir(home))
    assert after.claim([], patience_s=30) and after.held
    assert time.monotonic() - began < 5, "waited on a lock nobody holds"
    after.close()


def test_the_launch_becomes_the_window_when_the_first_one_closes(qapp, tmp_path: Path) -> None:
    home = tmp_path / "home"
    closing = _hold_claim_elsewhere(home, 1.0)  # exits without ever listening
    claim = WindowClaim(_vault_dir(home))
    began = time.monotonic()
    assert claim.claim([], patience_s=30) and claim.held
    assert time.monotonic() - began < 20
    claim.close()
    closing.wait(30)


def test_when_nobody_answers_the_launch_opens_its_own_window(qapp, tmp_path: Path) -> None:
    """The old behaviour, kept: a holder that never answers doesn't stop this launch."""
    home = tmp_path / "home"
    silent = _hold_claim_elsewhere(home, 60)
    try:
        claim = WindowClaim(_vault_dir(home))
        began = time.monotonic()
        assert claim.claim([], patience_s=0.5)
        assert time.monotonic() - began >= 0.5
        assert not claim.held  # it goes on without the lock, which the other one keeps
        claim.close()
    finally:
        silent.kill()
        silent.wait(30)


def test_the_claim_uses_msvcrt_on_windows(qapp, tmp_path: Path, monkeypatch) -> None:
    with windows_rules(monkeypatch) as rules:
        first, second = WindowClaim(tmp_path / "vault"), WindowClaim(tmp_path / "vault")
        assert first.claim([], patience_s=0)
        assert rules.msvcrt.held, "the lock went through msvcrt.locking"
        assert not second.try_lock()
        first.close()
        assert second.try_lock()
        second.close()
        assert rules.msvcrt.held == {}


class _Painted(QLabel):
    painted = 0

    def paintEvent(self, event) -> None:
        type(self).painted += 1
        super().paintEvent(event)


def test_deferred_steps_run_after_the_first_paint_one_per_turn(qtbot, qapp) -> None:
    window = QWidget()
    QVBoxLayout(window).addWidget(_Painted("swreflect"))
    qtbot.addWidget(window)
    _Painted.painted = 0
    seen: list[tuple[str, int]] = []

    def failing() -> None:
        raise RuntimeError("a broken step")

    steps = [lambda: seen.append(("a", _Painted.painted)), failing, lambda: seen.append(("b", 0))]
    window.show()
    after = AfterFirstPaint(window, steps)
    assert seen == [], "nothing runs before the event loop has painted the window"
    qtbot.waitUntil(after.finished, timeout=WAIT_MS)
    assert seen[0][0] == "a" and seen[0][1] >= 1, "the first step ran after the paint"
    assert [name for name, _ in seen] == ["a", "b"], "a failing step doesn't stop the rest"
    assert after.ran == 3


def test_steps_run_even_if_the_window_never_paints(qtbot, qapp, monkeypatch) -> None:
    from swreflect.gui import after_first_paint

    monkeypatch.setattr(after_first_paint, "FALLBACK_MS", 50)
    hidden = QWidget()  # never shown: no expose, no paint
    qtbot.addWidget(hidden)
    ran: list[int] = []
    after = AfterFirstPaint(hidden, [lambda: ran.append(1)])
    qtbot.waitUntil(after.finished, timeout=WAIT_MS)
    assert ran == [1]


def test_the_real_app_listens_after_its_first_paint(qtbot, tmp_path: Path) -> None:
    """``python -m swreflect`` twice: the second start finds the first window and ends."""
    home = tmp_path / "home"
    first = _launch(home)
    try:
        # The first window claims at once; a launch now waits until it listens (after paint).
        # (Probing takes the free lock for a moment; the first window's own retry rides that.)
        deadline = time.monotonic() + 60
        probe = HeldFile(claim_path(_vault_dir(home)))
        while time.monotonic() < deadline:
            if claim_path(_vault_dir(home)).exists() and not probe.try_acquire():
                break
            probe.release()
            time.sleep(0.05)
        second = _launch(home)
        try:
            assert second.wait(60) == 0, second.stderr
        finally:
            if second.poll() is None:
                second.kill()
                second.wait(30)
        assert first.poll() is None, "the first window is still open"
        log = (home / "logs" / "swreflect.log").read_text(encoding="utf-8")
        assert "handed over to the running window" in log
    finally:
        first.terminate()
        first.wait(30)
