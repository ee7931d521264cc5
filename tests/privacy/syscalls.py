"""Running a child under ``strace`` (and ``unshare -n``), and reading back its socket calls.

``strace -yy`` annotates every descriptor with what it is (``3<UNIX-STREAM:[..]>``,
``5<UDP:[..]>``, ``7<NETLINK:[..]>``), so a send on an already-connected socket, which carries
no address, is still attributed to its family.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

TRACED = "connect,sendto,sendmsg,socket,execve"
ALLOWED = {"AF_UNIX", "AF_NETLINK"}
_CALL = re.compile(r"^\d+\s+(?P<call>connect|sendto|sendmsg|socket)\((?P<args>.*)$")
_FAMILY = re.compile(r"\b(AF_[A-Z0-9]+)\b")
_FD_KIND = re.compile(r"^\d+<(?P<kind>[A-Za-z0-9]+)")
_KINDS = {
    "UNIX": "AF_UNIX",
    "NETLINK": "AF_NETLINK",
    "TCP": "AF_INET",
    "UDP": "AF_INET",
    "TCPv6": "AF_INET6",
    "UDPv6": "AF_INET6",
}


def strace_available() -> str:
    """Empty when strace can trace children here, else the reason it can't."""
    if not shutil.which("strace"):
        return "strace is not installed (installers/linux/ensure-system-libs.sh installs it)"
    probe = subprocess.run([*strace_prefix(Path("/dev/null")), "true"], capture_output=True)
    return "" if probe.returncode == 0 else f"strace can't trace here: {probe.stderr[:200]!r}"


def unshare_available() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


def strace_prefix(out: Path) -> list[str]:
    return [
        "strace",
        "-f",
        "-qq",
        "--seccomp-bpf",
        "-yy",
        "-e",
        f"trace={TRACED}",
        "-e",
        "signal=none",
        "-o",
        str(out),
    ]


@dataclass
class SocketReport:
    calls: Counter[tuple[str, str]] = field(default_factory=Counter)  # (call, family) -> n
    offending: list[str] = field(default_factory=list)
    programs: int = 0  # successful execve calls: proves the trace followed the children

    def summary(self) -> str:
        return ", ".join(f"{c} {f}: {n}" for (c, f), n in sorted(self.calls.items())) or "none"


def family_of(call: str, args: str) -> str:
    if call == "socket":
        found = _FAMILY.search(args)
        return found.group(1) if found else "unknown"
    addr = _FAMILY.search(args)
    if addr:
        return addr.group(1)
    kind = _FD_KIND.match(args)
    if kind:
        name = kind.group("kind")
        return _KINDS.get(name.split("-")[0], _KINDS.get(name, f"unknown({name})"))
    return "unknown"


def read_trace(path: Path) -> SocketReport:
    report = SocketReport()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if " execve(" in line and line.rstrip().endswith("= 0"):
            report.programs += 1
        m = _CALL.match(line)
        if not m:
            continue
        call, family = m.group("call"), family_of(m.group("call"), m.group("args"))
        report.calls[(call, family)] += 1
        if call != "socket" and family not in ALLOWED:
            report.offending.append(line[:300])
    return report
