"""No network from this process, enforced, not just promised (SECURITY.md row 8, D11).

``install()`` adds a ``sys.addaudithook`` hook as the first thing the app does at start-up
(``swreflect.app.main``). From then on, in the whole process and whoever asks:

* creating any socket that is not ``AF_UNIX`` raises ``NetworkRefused`` (the one exception:
  ``socket.socketpair`` on Windows, which builds its pair from loopback sockets because that
  system has no ``AF_UNIX`` pairs; asyncio needs it and it never leaves the machine);
* every name lookup (``getaddrinfo``, ``gethostbyname`` and friends) raises ``NetworkRefused``;
* ``connect``/``sendto``/``sendmsg`` to anything but an ``AF_UNIX`` address raise too, for a
  socket made before the hook (there should be none).

Each refusal is logged with the module that tried, so a library that starts reaching out after
an update is named in the log. Audit hooks cannot be removed, which is the point. This module
never imports ``socket`` itself (see tests/test_architecture.py); it reads the address family
from the socket module only if someone else loaded it.
"""

from __future__ import annotations

import sys

_LOOKUPS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyname_ex",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
_SENDS = {"socket.connect", "socket.sendto", "socket.sendmsg", "socket.bind"}
_installed = False


class NetworkRefused(PermissionError):
    """swreflect never uses the network; something in this process just tried."""


def _af_unix() -> int | None:
    module = sys.modules.get("socket")
    return getattr(module, "AF_UNIX", None) if module is not None else None


def _who() -> str:
    """The first module on the stack that is neither this guard nor the socket module."""
    frame = sys._getframe(2)
    while frame is not None:
        name = str(frame.f_globals.get("__name__", "?"))
        if name not in (__name__, "socket") and not name.startswith("encodings"):
            return name
        frame = frame.f_back  # type: ignore[assignment]
    return "?"


def _inside_socketpair() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "socketpair" and frame.f_globals.get("__name__") == "socket":
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _refuse(event: str) -> None:
    import logging  # only when something tried: ``--version`` needn't load logging

    who = _who()
    logging.getLogger(__name__).warning("refused network use (%s) attempted by %s", event, who)
    raise NetworkRefused(f"swreflect never uses the network ({event} from {who})")


def _hook(event: str, args: tuple[object, ...]) -> None:
    if not event.startswith("socket."):
        return
    if event in _LOOKUPS:
        _refuse(event)
    elif event == "socket.__new__":
        family = args[1] if len(args) > 1 else None
        if family in (-1, None) or family == _af_unix():
            return
        if sys.platform == "win32" and _inside_socketpair():
            return
        _refuse(event)
    elif event in _SENDS:
        sock = args[0] if args else None
        if getattr(sock, "family", None) == _af_unix():
            return
        _refuse(event)


def install() -> None:
    """Install the guard once per process (idempotent)."""
    global _installed
    if _installed:
        return
    sys.addaudithook(_hook)
    _installed = True
