"""The strace reader catches what it must: a positive control for the no-network tests.

Without this, a reader that silently parsed nothing would make every no-network test pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.privacy.syscalls import read_trace, strace_available, strace_prefix

SAMPLE = """\
101 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3<UNIX-STREAM:[11]>
101 connect(3<UNIX-STREAM:[11]>, {sa_family=AF_UNIX, sun_path="/run/bus"}, 110) = 0
101 sendto(3<UNIX-STREAM:[11->12]>, "x", 1, 0, NULL, 0) = 1
102 sendmsg(7<NETLINK:[ROUTE:1234]>, {msg_name={sa_family=AF_NETLINK, nl_pid=0}}, 0) = 20
103 socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP) = 5<TCPv6:[99]>
103 connect(5<TCPv6:[99]>, {sa_family=AF_INET6, sin6_port=htons(443)}, 28) = -1 ENETUNREACH
104 sendto(6<UDP:[98]>, "q", 1, 0, NULL, 0) = 1
"""


def test_reader_flags_internet_sockets_and_lets_local_ones_pass(tmp_path: Path) -> None:
    trace = tmp_path / "t.txt"
    trace.write_text(SAMPLE, encoding="utf-8")
    report = read_trace(trace)
    assert report.calls[("connect", "AF_UNIX")] == 1
    assert report.calls[("sendmsg", "AF_NETLINK")] == 1
    assert report.calls[("connect", "AF_INET6")] == 1
    assert report.calls[("sendto", "AF_INET")] == 1  # no address: known from the descriptor
    assert [line.split()[1].split("(")[0] for line in report.offending] == ["connect", "sendto"]


def test_a_real_udp_send_is_caught_under_strace(tmp_path: Path) -> None:
    reason = strace_available()
    if reason:
        pytest.skip(reason)
    trace = tmp_path / "strace.txt"
    code = (
        "import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); "
        "s.sendto(b'x', ('127.0.0.1', 9))"
    )
    subprocess.run([*strace_prefix(trace), sys.executable, "-c", code], check=True)
    report = read_trace(trace)
    assert report.calls[("sendto", "AF_INET")] == 1
    assert len(report.offending) == 1
