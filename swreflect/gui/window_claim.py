"""Is this the vault's first window? A file lock answers at once; the local socket comes later.

One window per vault (``single_instance.py``): a second launch brings the first window forward
and hands it its files. Asking that over ``QLocalServer``/``QLocalSocket`` needs QtNetwork and
the endpoint's name (a hash), about 13 ms before the window could paint. So a launch first
takes a plain file lock beside the vault folder (``.vault.window.lock``; ``platform/file_lock``,
released by the operating system when the process ends, so a crash leaves nothing stale):

* got it: this is the first window. It paints, and only then loads QtNetwork and listens
  (``listen_after_paint``), one step per event-loop turn;
* someone else holds it: load QtNetwork now and hand over. That window may still be starting
  and not listening yet, so the launch keeps trying for up to ``PATIENCE_S``; if the other
  window closes meanwhile (the lock comes free) this launch becomes the window; if it never
  answers, this launch opens a window of its own, as it always did when nobody answered.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from swreflect.platform.file_lock import HeldFile
from swreflect.platform.files import ensure_private_dir

if TYPE_CHECKING:
    from swreflect.gui.single_instance import SingleInstance

log = logging.getLogger(__name__)

PATIENCE_S = 10.0  # a first window still starting on a busy laptop
RETRY_S = 0.05


def claim_path(vault_dir: Path) -> Path:
    """The lock file for the window of ``vault_dir``: beside it, in the user's data folder."""
    folder = Path(vault_dir)
    return folder.parent / f".{folder.name}.window.lock"


class WindowClaim(QObject):
    """``claim`` decides; ``listen`` (or ``listen_after_paint``) opens the endpoint; a later
    launch's files arrive through ``activated``."""

    activated = Signal(list)  # paths (str) the other launch was asked to open; may be empty

    def __init__(self, vault_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self._lock = HeldFile(claim_path(self.vault_dir))
        self._instance: SingleInstance | None = None

    @property
    def held(self) -> bool:
        return self._lock.held

    def try_lock(self) -> bool:
        """Take the lock if it is free (True); also True when no lock can be had at all."""
        try:
            ensure_private_dir(self._lock.path.parent)
            return self._lock.try_acquire()
        except OSError as exc:  # no lock to be had: go on as the window, as before locks
            log.warning("window lock unavailable: %s", type(exc).__name__)
            return True

    def claim(self, files: list[str], patience_s: float = PATIENCE_S) -> bool:
        """True: this launch is the window. False: the running window has ``files`` now."""
        if self.try_lock():
            return True
        instance = self._endpoint()
        deadline = time.monotonic() + patience_s
        while True:
            if instance.hand_over(files):
                return False
            if self.try_lock():  # the other window closed meanwhile
                return True
            if time.monotonic() >= deadline:
                log.warning("the running window did not answer; opening another")
                return True
            time.sleep(RETRY_S)

    def _endpoint(self) -> SingleInstance:
        if self._instance is None:
            from swreflect.gui.single_instance import SingleInstance, instance_name

            self._instance = SingleInstance(instance_name(self.vault_dir), self)
            self._instance.activated.connect(self.activated.emit)
        return self._instance

    def listen(self) -> bool:
        """Open the endpoint a later launch hands over to (a stale one is replaced)."""
        return self._endpoint().listen()

    def after_paint_steps(self) -> list[Callable[[], object]]:
        """Loading QtNetwork and the endpoint's code, then listening: two turns."""

        def load() -> None:
            import swreflect.gui.single_instance  # noqa: F401  (QtNetwork, hashlib, json)

        return [load, self.listen]

    def close(self) -> None:
        if self._instance is not None:
            self._instance.close()
        self._lock.release()
