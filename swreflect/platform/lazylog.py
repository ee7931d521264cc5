"""Loggers that load the ``logging`` module only when something is logged.

Why: ``logging`` brings ``traceback``, ``string``, ``weakref`` and more with it, and setting up
the log file makes folders and opens a file. A command line call such as ``swreflect journal
list`` logs nothing, yet paid for both on every run. So:

* ``get_logger(name)`` stands in for ``logging.getLogger(name)`` in modules that every command
  loads; the first message imports ``logging`` and hands over to the real logger of that name;
* ``configure_when_loaded(setup)`` defers the app's log set-up to the moment anything in the
  process imports ``logging`` (one of our loggers, a library, or the network guard): a watcher
  first in ``sys.meta_path`` wraps the module's loader so ``setup`` runs as soon as the module
  has loaded, before any record can be emitted. Every record therefore still reaches the log
  file, exactly as when the set-up ran at start-up; a process that never logs never makes it.

Pure Python, no platform assumptions: the watcher asks the finders after it (PyInstaller's
included) for the module, so a frozen bundle behaves like a source checkout.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

_MODULE = "logging"


class LazyLogger:
    """The methods of ``logging.Logger`` that swreflect calls, loading ``logging`` on first use."""

    __slots__ = ("_real", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self._real: Any = None

    def _logger(self) -> Any:
        if self._real is None:
            import logging

            self._real = logging.getLogger(self.name)
        return self._real

    # stacklevel=2: a record names the caller, not this shim (as if logged directly).
    def debug(self, msg: str, *args: object, **kwargs: Any) -> None:
        self._logger().debug(msg, *args, stacklevel=2, **kwargs)

    def info(self, msg: str, *args: object, **kwargs: Any) -> None:
        self._logger().info(msg, *args, stacklevel=2, **kwargs)

    def warning(self, msg: str, *args: object, **kwargs: Any) -> None:
        self._logger().warning(msg, *args, stacklevel=2, **kwargs)

    def error(self, msg: str, *args: object, **kwargs: Any) -> None:
        self._logger().error(msg, *args, stacklevel=2, **kwargs)

    def exception(self, msg: str, *args: object, **kwargs: Any) -> None:
        self._logger().exception(msg, *args, stacklevel=2, **kwargs)


def get_logger(name: str) -> LazyLogger:
    return LazyLogger(name)


class _SetUpAfterLoad:
    """The real loader of ``logging``, then ``setup`` once the module has run."""

    def __init__(self, loader: Any, setup: Callable[[], None]) -> None:
        self._loader = loader
        self._setup = setup

    def create_module(self, spec: Any) -> Any:
        create = getattr(self._loader, "create_module", None)
        return create(spec) if create is not None else None

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        self._setup()

    def __getattr__(self, name: str) -> Any:  # get_source etc., for tracebacks
        return getattr(self._loader, name)


class _LoggingWatcher:
    """A meta path finder that finds nothing itself: it only notices ``logging`` being loaded."""

    def __init__(self, setup: Callable[[], None]) -> None:
        self.setup = setup

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != _MODULE:
            return None
        _remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            spec = find(name, path, target) if find is not None else None
            if spec is not None and spec.loader is not None:
                spec.loader = _SetUpAfterLoad(spec.loader, self.setup)
                return spec
        return None


def _remove(watcher: _LoggingWatcher) -> None:
    if watcher in sys.meta_path:
        sys.meta_path.remove(watcher)


def configure_when_loaded(setup: Callable[[], None]) -> None:
    """Run ``setup`` now if ``logging`` is already loaded, else as soon as anything loads it."""
    if _MODULE in sys.modules:
        setup()
        return
    sys.meta_path.insert(0, _LoggingWatcher(setup))


def stop_waiting() -> None:
    """Forget a deferred set-up that has not run (a test's tidy-up)."""
    for finder in list(sys.meta_path):
        if isinstance(finder, _LoggingWatcher):
            _remove(finder)
