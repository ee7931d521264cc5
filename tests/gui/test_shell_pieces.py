"""The Qt-free pieces behind the shell, the worker, and run_gui's composition parts."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from swreflect.core.clock import FakeClock
from swreflect.core.passphrase import assess, load_wordlist, suggest_passphrase, suggestion_bits
from swreflect.core.services import build_services
from swreflect.core.settings import AUTO_LOCK_DEFAULT_MINUTES, AUTO_LOCK_KEY, SettingsService
from swreflect.errors import ValidationError, WrongPassphraseError
from swreflect.gui.controller import State
from swreflect.gui.launch import compose, make_application
from swreflect.gui.style import (
    SCHEME_ENV,
    apply_style,
    current_scheme,
    load_stylesheet,
    platform_palette_scheme,
    startup_scheme,
)
from swreflect.gui.workers import GENERIC_FAILURE, TaskRunner
from swreflect.paths import resource_path
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.settings_repo import SettingsRepository
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE


def test_wordlist_is_ours_large_and_plain() -> None:
    words = load_wordlist()
    assert len(words) >= 1500
    assert len(set(words)) == len(words)
    assert all(w.isalpha() and w.islower() and 3 <= len(w) <= 9 for w in words)
    assert suggestion_bits(5) > 50


def test_suggestions_are_random_words() -> None:
    first, second = suggest_passphrase(), suggest_passphrase()
    assert first != second
    assert len(first.split()) == 5
    assert assess(first).level == 3
    with pytest.raises(ValueError):
        suggest_passphrase(wordlist=["too", "few"])


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("", 0),
        ("short", 0),
        ("aaaaaaaaaaaaaaaa", 0),
        ("Tr0ub4dor&3x", 1),
        ("kettle meadow harbour", 2),
        ("calm river under a quiet bridge", 3),
    ],
)
def test_strength_welcomes_long_multi_word_passphrases(text: str, level: int) -> None:
    verdict = assess(text)
    assert verdict.level == level
    assert verdict.advice
    if text:
        assert text not in verdict.advice and text not in verdict.label


def test_settings_service_defaults_validates_and_persists(vault) -> None:
    repo = SettingsRepository(vault)
    settings = SettingsService(repo, transaction=vault.transaction)
    assert settings.auto_lock_minutes() == AUTO_LOCK_DEFAULT_MINUTES == 5
    for bad in (0, 61):
        with pytest.raises(ValidationError):
            settings.set_auto_lock_minutes(bad)
    assert repo.get(AUTO_LOCK_KEY) is None  # nothing saved on a refusal
    settings.set_auto_lock_minutes(12)
    assert SettingsService(repo, transaction=vault.transaction).auto_lock_minutes() == 12
    assert SettingsService(repo, transaction=vault.transaction).auto_lock_seconds() == 720
    with vault.transaction():
        repo.set(AUTO_LOCK_KEY, "not a number")
    assert SettingsService(repo, transaction=vault.transaction).auto_lock_minutes() == 5
    with vault.transaction():
        repo.delete(AUTO_LOCK_KEY)
    assert repo.all() == {}


def test_build_services_wires_settings_and_security(vault) -> None:
    services = build_services(vault, FakeClock(), KdfPolicy.insecure_for_tests())
    assert services.settings.auto_lock_minutes() == 5
    with pytest.raises(WrongPassphraseError):
        services.security.verify_passphrase("not the passphrase at all")
    services.security.verify_passphrase(TEST_PASSPHRASE)


def test_worker_reports_typed_errors_and_results_on_the_ui_thread(qtbot, qapp) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, object, bool]] = []
    main = threading.current_thread()

    def ok(result: object) -> None:
        seen.append(("ok", result, threading.current_thread() is main))

    def failed(message: str) -> None:
        seen.append(("failed", message, threading.current_thread() is main))

    def typed() -> None:
        raise WrongPassphraseError()

    def unexpected() -> None:
        raise RuntimeError("private detail that must not be shown")

    for work in (lambda: threading.current_thread() is not main, typed, unexpected):
        with qtbot.waitSignal(runner.busy_changed, timeout=10000, check_params_cb=lambda b: not b):
            runner.start(work, ok, failed)
    assert seen == [
        ("ok", True, True),
        ("failed", WrongPassphraseError.default_message, True),
        ("failed", GENERIC_FAILURE, True),
    ]


def test_style_light_dark_and_resources(qapp, monkeypatch) -> None:
    for scheme in ("light", "dark"):
        sheet = load_stylesheet(scheme)
        assert 'QLabel[role="hint"]' in sheet
        assert apply_style(qapp, scheme) == scheme
        assert qapp.styleSheet() == sheet
    monkeypatch.setenv(SCHEME_ENV, "dark")
    assert current_scheme() == "dark"
    for name in ("home", "journal", "supervision", "actions", "insights", "settings", "lock"):
        assert resource_path("icons", f"{name}.svg").is_file()
    apply_style(qapp, "light")


def test_composition_pieces_of_run_gui(qtbot, vault_dir: Path) -> None:
    app = make_application(["swreflect"])
    assert app is QApplication.instance()
    assert app.applicationName() == "swreflect"
    shell = compose(vault_dir, FakeClock(), KdfPolicy.from_environment())
    qtbot.addWidget(shell.gate)
    assert shell.kdf.insecure  # the test setting reached the shell, and only the test one
    shell.start()
    assert shell.state is State.CREATE
    assert shell.gate.windowTitle() == "swreflect"
    assert not Vault.exists(vault_dir)  # showing the screen creates nothing
    shell.shutdown()


def test_startup_scheme_is_forced_or_read_from_the_platform_palette(qapp, monkeypatch) -> None:
    monkeypatch.setenv(SCHEME_ENV, "dark")
    assert startup_scheme() == "dark"
    monkeypatch.setenv(SCHEME_ENV, "light")
    assert startup_scheme() == "light"
    monkeypatch.delenv(SCHEME_ENV)
    guess = platform_palette_scheme()
    assert guess in ("light", "dark")
    assert startup_scheme() == guess  # the first reading is kept, whatever we apply later
    assert current_scheme() in ("light", "dark")


def test_text_that_could_be_markup_is_shown_literally(qtbot) -> None:
    from PySide6.QtCore import Qt

    from swreflect.gui.ui import MessageLabel, content_label, label

    assert content_label("<b>from the vault</b>").textFormat() == Qt.TextFormat.PlainText
    assert label("Fish & chips <i>").textFormat() == Qt.TextFormat.PlainText
    message = MessageLabel("Message")
    qtbot.addWidget(message)
    message.show_message("Saved as <img src=x>.pdf.")
    assert message.textFormat() == Qt.TextFormat.PlainText
