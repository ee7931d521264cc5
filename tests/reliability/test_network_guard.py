"""The session-wide network guard in tests/conftest.py really stops and records connections."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests import conftest


def test_an_inet_connect_is_refused_and_recorded() -> None:
    before = len(conftest.NETWORK_ATTEMPTS)
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(conftest.NetworkUseForbidden),
    ):
        sock.connect(("127.0.0.1", 9))
    assert len(conftest.NETWORK_ATTEMPTS) == before + 1
    del conftest.NETWORK_ATTEMPTS[before:]  # this deliberate attempt must not fail the run


def test_a_unix_socket_is_allowed(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no AF_UNIX here")
    path = str(tmp_path / "s")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(1)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.connect(path)
    assert conftest.NETWORK_ATTEMPTS == []
