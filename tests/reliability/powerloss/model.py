"""Replay a power-loss recorder log (``shim.c``) and build what a power cut would leave.

The model is the strict one SQLite's own crash tests use for power loss: after a cut, a file
holds exactly the data it had at its last ``fsync``, and a name exists (or points where it
did) as of the last ``fsync`` of its directory. Anything written or renamed since is gone.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

_HEAD = struct.Struct("=cIIqqq")


@dataclass
class Op:
    kind: str
    path: str
    path2: str
    offset: int
    length: int
    data: bytes


def read_log(path: Path) -> list[Op]:
    raw = path.read_bytes()
    ops: list[Op] = []
    pos = 0
    while pos + _HEAD.size <= len(raw):
        kind, l1, l2, off, length, dlen = _HEAD.unpack_from(raw, pos)
        pos += _HEAD.size
        p1 = raw[pos : pos + l1].decode()
        pos += l1
        p2 = raw[pos : pos + l2].decode()
        pos += l2
        data = raw[pos : pos + dlen]
        pos += dlen
        ops.append(Op(kind.decode(), p1, p2, off, length, data))
    return ops


@dataclass
class Inode:
    volatile: bytearray
    durable: bytes


@dataclass
class Disk:
    """Files under one folder: what the program sees and what a power cut would leave."""

    seen: dict[str, Inode] = field(default_factory=dict)
    kept: dict[str, Inode] = field(default_factory=dict)

    @classmethod
    def of(cls, folder: Path) -> Disk:
        disk = cls()
        for p in folder.rglob("*"):
            if p.is_file():
                data = p.read_bytes()
                node = Inode(bytearray(data), data)
                disk.seen[str(p)] = disk.kept[str(p)] = node
        return disk

    def apply(self, op: Op) -> None:
        if op.kind == "O" and op.path not in self.seen and op.offset & os.O_CREAT:
            self.seen[op.path] = Inode(bytearray(), b"")
        elif op.kind == "O" and op.path in self.seen and op.offset & os.O_TRUNC:
            del self.seen[op.path].volatile[:]
        elif op.kind == "W" and op.path in self.seen:
            buf = self.seen[op.path].volatile
            if len(buf) < op.offset:
                buf.extend(bytes(op.offset - len(buf)))
            buf[op.offset : op.offset + len(op.data)] = op.data
        elif op.kind == "T" and op.path in self.seen:
            buf = self.seen[op.path].volatile
            del buf[op.offset :]
            buf.extend(bytes(max(0, op.offset - len(buf))))
        elif op.kind == "S":
            if op.path in self.seen:
                node = self.seen[op.path]
                node.durable = bytes(node.volatile)
            self._sync_dir(op.path)
        elif op.kind == "R" and op.path in self.seen:
            self.seen[op.path2] = self.seen.pop(op.path)
        elif op.kind == "U":
            self.seen.pop(op.path, None)

    def _sync_dir(self, path: str) -> None:
        """fsync of a directory makes its entries (names) durable; a file's fsync doesn't."""
        if any(name.startswith(path + "/") for name in self.seen) or path not in self.seen:
            prefix = path.rstrip("/") + "/"
            for name in [
                n for n in self.kept if n.startswith(prefix) and "/" not in n[len(prefix) :]
            ]:
                if name not in self.seen:
                    del self.kept[name]
            for name, node in self.seen.items():
                if name.startswith(prefix) and "/" not in name[len(prefix) :]:
                    self.kept[name] = node

    def write_after_power_cut(self, source: Path, dest: Path) -> None:
        for name, node in self.kept.items():
            target = dest / Path(name).relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(node.durable)


def state_after(folder: Path, ops: list[Op], crash_after: int) -> Disk:
    disk = Disk.of(folder)
    for op in ops[:crash_after]:
        disk.apply(op)
    return disk
