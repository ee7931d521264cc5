"""One window per vault: a second launch brings the first forward and hands it its files.

Why ``QLocalServer``/``QLocalSocket`` (the only part of QtNetwork swreflect uses, and the only
module allowed to import it; ``tests/test_architecture.py`` enforces both): they are *local*
IPC only, an ``AF_UNIX`` socket on Linux and macOS and a named pipe on Windows, never TCP/IP,
and they plug into Qt's event loop. The endpoint is restricted to the same user
(``UserAccessOption``: a private socket folder on POSIX, an owner-only pipe ACL on Windows),
its name is a hash of the user and the vault folder (nothing readable), and the only message
is a short JSON list of file paths, size-capped. The running app only ever *receives* paths;
it opens them the same way as its own "Import…" buttons, so nothing new can be done through it.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

MAX_MESSAGE = 64 * 1024
WAIT_MS = 1000


def instance_name(vault_dir: Path) -> str:
    """The endpoint name for this user and vault folder (no path or name is revealed)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = "user"
    key = f"{user}\0{Path(vault_dir).resolve()}".encode()
    return "swreflect-" + hashlib.sha256(key).hexdigest()[:24]


class SingleInstance(QObject):
    """``hand_over`` (second launch) or ``listen`` (first launch); emits ``activated``."""

    activated = Signal(list)  # paths (str) the other launch was asked to open; may be empty

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    def hand_over(self, files: list[str]) -> bool:
        """If a first instance is running, give it ``files`` and return True."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(WAIT_MS):
            return False
        paths = [str(Path(f).resolve()) for f in files]
        socket.write(json.dumps({"files": paths}).encode("utf-8"))
        socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(WAIT_MS)
        log.info("handed over to the running window")
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # Left behind by a crash (hand_over already found nobody answering): remove, retry.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("single-instance endpoint unavailable: %s", server.errorString())
                return False
        server.newConnection.connect(self.on_server_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            _Reader(socket, self.activated.emit)


class _Reader:
    """Collects one message, then detaches from the socket before it is deleted (a slot
    must never run on a socket that is being destroyed)."""

    def __init__(self, socket: QLocalSocket, deliver: Callable[[list[str]], None]) -> None:
        self._socket: QLocalSocket | None = socket
        self._deliver = deliver
        self._buffer = bytearray()
        _live.add(self)
        socket.readyRead.connect(self.read)
        socket.disconnected.connect(self.finish)
        if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            self.finish()

    def read(self) -> None:
        if self._socket is None:
            return
        self._buffer += bytes(self._socket.readAll().data())
        if len(self._buffer) > MAX_MESSAGE:
            self._socket.abort()

    def finish(self) -> None:
        socket, self._socket = self._socket, None
        if socket is None:
            return
        self._buffer += bytes(socket.readAll().data())
        socket.readyRead.disconnect(self.read)
        socket.disconnected.disconnect(self.finish)
        socket.deleteLater()
        _live.discard(self)
        self._deliver(_paths(bytes(self._buffer)))


_live: set[_Reader] = set()  # readers waiting for their message (kept alive until it ends)


def _paths(message: bytes) -> list[str]:
    if len(message) > MAX_MESSAGE:
        return []
    try:
        data = json.loads(message.decode("utf-8")) if message else {}
    except (UnicodeDecodeError, ValueError):
        return []
    files = data.get("files", []) if isinstance(data, dict) else []
    return [f for f in files if isinstance(f, str)][:20]
