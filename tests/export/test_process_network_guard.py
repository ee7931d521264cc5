"""D11 (SECURITY.md row 8): the app's own audit hook stops any network use in its process.

A child process starts swreflect through its real entry point (``swreflect.app.main`` running
a command), then really tries to reach the network: an ``AF_INET`` socket, a DNS lookup, and
``urllib`` fetching a URL. Each must be refused with ``NetworkRefused`` and logged with the
module that tried; an ``AF_UNIX`` socket pair still works. In the same child, a signed PDF is
made and verified through the CLI under the hook, so validation stays offline.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.vault.support import REPO_ROOT, cli_env

CHILD = textwrap.dedent(
    """
    import socket, sys
    from pathlib import Path
    from swreflect.app import main
    from swreflect.platform.network_guard import NetworkRefused

    assert main(["verify", sys.argv[1]]) == 0  # the entry point installs the hook first
    results = []
    for name, attempt in [
        ("inet", lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM)),
        ("inet6", lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)),
        ("dns", lambda: socket.getaddrinfo("example.org", 443)),
        ("urllib", lambda: __import__("urllib.request").request.urlopen("http://example.org")),
    ]:
        try:
            attempt()
            results.append(name + ":allowed")
        except OSError as exc:  # urllib wraps the refusal in URLError(reason=...)
            refused = isinstance(exc, NetworkRefused) or isinstance(
                getattr(exc, "reason", None), NetworkRefused
            )
            results.append(name + (":refused" if refused else ":other-error"))
    a, b = socket.socketpair()
    a.sendall(b"x"); assert b.recv(1) == b"x"
    results.append("unix:works")
    print(" ".join(results))
    """
)


def test_the_entry_point_refuses_sockets_and_lookups_for_the_whole_process(
    tmp_path: Path, swreflect_home: Path, signed_pdf: tuple[object, bytes]
) -> None:
    pdf = tmp_path / "record.pdf"
    pdf.write_bytes(signed_pdf[1])
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), str(pdf)],
        cwd=REPO_ROOT,
        env=cli_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "inet:refused",
        "inet6:refused",
        "dns:refused",
        "urllib:refused",
        "unix:works",
    ]
    logged = (swreflect_home / "logs" / "swreflect.log").read_text(encoding="utf-8")
    assert "refused network use (socket.__new__) attempted by __main__" in logged
    assert "refused network use (socket.getaddrinfo) attempted by __main__" in logged
    assert "attempted by http.client" in logged or "attempted by urllib" in logged
