"""Shared fixtures: offscreen Qt, a private SWREFLECT_HOME per test, cheap test KDF."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # imported lazily below: child processes import this module for its constants
    from swreflect.core.clock import FakeClock
    from swreflect.core.services import Services
    from swreflect.vault.vault import Vault

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Times are shown in local time; tests that print one expect it in UTC whatever the machine's
# zone (child processes inherit this too). A test that wants another zone sets TZ itself.
os.environ["TZ"] = "UTC"
if hasattr(time, "tzset"):  # not on Windows, whose zone tests don't depend on TZ
    time.tzset()

TEST_PASSPHRASE = "calm river under a quiet bridge"


@pytest.fixture(autouse=True)
def swreflect_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("SWREFLECT_HOME", str(home))
    # The explicit test setting for cheap key derivation (see swreflect.vault.kdf).
    monkeypatch.setenv("SWREFLECT_INSECURE_TEST_KDF", "1")
    monkeypatch.delenv("SWREFLECT_PASSPHRASE", raising=False)
    return home


def wait_for_qt_workers() -> None:
    """Let background tasks that widgets started finish before a fixture locks the vault.

    The app's own lock waits for its workers; a fixture that locks the vault under a widget a
    test left running (Home, Insights) would close a worker's connection mid-query, which can
    crash the interpreter. Qt is only touched if a test already loaded it."""
    import sys

    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        qtcore.QThreadPool.globalInstance().waitForDone(30_000)


def folder_hashes(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder``: equal means byte-identical."""
    import hashlib

    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(vault_dir: Path) -> Iterator[Vault]:
    from swreflect.vault.kdf import KdfPolicy
    from swreflect.vault.vault import Vault

    v, _recovery = Vault.create(vault_dir, TEST_PASSPHRASE, KdfPolicy.insecure_for_tests())
    yield v
    wait_for_qt_workers()
    v.lock()


@pytest.fixture
def clock() -> FakeClock:
    """A clock that moves only when a test says (a folder's conftest may start it elsewhere)."""
    from swreflect.core.clock import FakeClock

    return FakeClock()


@pytest.fixture
def services(vault: Vault, clock: FakeClock) -> Iterator[Services]:
    """Every service over the real SQLCipher ``vault``, on the test's ``clock``: the one
    ``services`` fixture (folders change the clock or the vault, never this)."""
    from swreflect.core.services import build_services

    built = build_services(vault, clock)
    yield built
    wait_for_qt_workers()
    built.close()


# ---------------------------------------------------------------------------------------------
# Network guard (SECURITY.md row 8): for the whole session, any attempt to connect or send to a
# non-AF_UNIX address is refused on the spot and fails the run, whoever makes it.
import socket as _socket  # noqa: E402
import sys as _sys  # noqa: E402

NETWORK_ATTEMPTS: list[str] = []
_AF_UNIX = getattr(_socket, "AF_UNIX", None)
_GUARDED = {"socket.connect", "socket.sendto", "socket.sendmsg"}


class NetworkUseForbidden(RuntimeError):
    """Raised inside the code that tried to reach the network during a test."""


def _network_guard(event: str, args: tuple[object, ...]) -> None:
    if event not in _GUARDED:
        return
    sock = args[0] if args else None
    family = getattr(sock, "family", None)
    if family is not None and family == _AF_UNIX:
        return
    NETWORK_ATTEMPTS.append(f"{event} to {args[1:]!r}")
    raise NetworkUseForbidden(f"swreflect tests may not use the network ({event})")


_sys.addaudithook(_network_guard)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shots",
        metavar="DIR",
        default=os.environ.get("SWREFLECT_SHOTS"),
        help="save screenshots of the screens the GUI tests build into DIR",
    )


def pytest_configure(config: pytest.Config) -> None:
    from tests import shots

    shots.configure(config.getoption("--shots"))


# ---------------------------------------------------------------------------------------------
# No silent skips in CI: with SWREFLECT_NO_SKIPS=1 (set by .ci/run) a skipped test fails the run,
# so a missing tool, a missing permission or a renamed command can't turn a check off unseen.
SKIPPED: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        SKIPPED.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if NETWORK_ATTEMPTS:
        print("\nNetwork use during the tests:\n  " + "\n  ".join(NETWORK_ATTEMPTS))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if SKIPPED and os.environ.get("SWREFLECT_NO_SKIPS") == "1":
        print("\nSkipped, which SWREFLECT_NO_SKIPS=1 does not allow:\n  " + "\n  ".join(SKIPPED))
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
