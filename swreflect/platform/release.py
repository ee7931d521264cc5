"""Test-only settings are ignored by release (frozen) builds.

The test suite makes key derivation cheap (``SWREFLECT_INSECURE_TEST_KDF=1``) and can widen
timing windows (``SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE``). A shipped bundle must never honour
them, whatever is in the environment: someone could set them on a shared machine to make a
new vault's passphrase cheap to guess. ``test_setting`` is the one way code reads them.

``SWREFLECT_EXIT_AFTER_FIRST_PAINT`` is not on this list: it only quits after the first
paint, which the bundle smoke test uses, and it cannot weaken anything.
"""

from __future__ import annotations

import os
import sys

from swreflect.platform.lazylog import get_logger

log = get_logger(__name__)

TEST_ONLY = frozenset({"SWREFLECT_INSECURE_TEST_KDF", "SWREFLECT_TEST_ONLY_KEYSLOT_PAUSE"})


def is_release_build() -> bool:
    """True in a PyInstaller bundle (``sys.frozen``), the only form users install."""
    return bool(getattr(sys, "frozen", False))


def test_setting(name: str) -> str | None:
    """The environment value of a test-only setting, or ``None`` in a release build."""
    if name not in TEST_ONLY:
        raise ValueError(f"{name} is not a test-only setting")
    value = os.environ.get(name)
    if value is not None and is_release_build():
        log.warning("ignoring the test-only setting %s in a release build", name)
        return None
    return value
