"""Unlock, read an entry, lock, collect garbage, and copy this process's own writable memory.

Usage: ``python -m tests.privacy.memory_child VAULT_DIR DUMP_UNLOCKED DUMP_LOCKED``

While unlocked it also takes a backup (when the build has them), as the GUI does once a day,
because a backup attaches and checks a second database under the same key.

The child is never told what to look for: the parent, which knows the data key and the
canary, searches the two dumps afterwards, so the needles themselves never enter this
process. Only writable mappings are copied (a key or decrypted text can't be anywhere else);
the one reusable buffer the copy goes through is left out of the dump so it can't add copies.
Prints one JSON line: whether the vault's key buffer is all zeros after lock, and dump sizes.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import sys
from pathlib import Path

CHUNK = 1 << 20
_BUFFER = bytearray(CHUNK)
_VIEW = memoryview(_BUFFER)
_BUFFER_AT = ctypes.addressof((ctypes.c_char * CHUNK).from_buffer(_BUFFER))


def _writable_regions() -> list[tuple[int, int]]:
    regions = []
    with open("/proc/self/maps", encoding="ascii") as maps:
        for line in maps:
            fields = line.split()
            start, end = (int(x, 16) for x in fields[0].split("-"))
            name = fields[5] if len(fields) > 5 else ""
            if fields[1].startswith("rw") and name not in ("[vvar]", "[vsyscall]"):
                regions.append((start, end))
    return regions


def _without_buffer(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    skip_from, skip_to = _BUFFER_AT, _BUFFER_AT + CHUNK
    kept = []
    for start, end in regions:
        if start < skip_from:
            kept.append((start, min(end, skip_from)))
        if end > skip_to:
            kept.append((max(start, skip_to), end))
    return kept


def dump_memory(out: Path) -> int:
    """Copy every writable mapping into ``out``; returns the number of bytes copied."""
    total = 0
    fd = os.open("/proc/self/mem", os.O_RDONLY)
    try:
        with open(out, "wb") as sink:
            for start, end in _without_buffer(_writable_regions()):
                for pos in range(start, end, CHUNK):
                    size = min(CHUNK, end - pos)
                    try:
                        got = os.preadv(fd, [_VIEW[:size]], pos)
                    except OSError:
                        continue
                    sink.write(_VIEW[:got])
                    total += got
    finally:
        os.close(fd)
        _BUFFER[:] = bytes(CHUNK)
    return total


def main(argv: list[str]) -> int:
    from swreflect.core.clock import SystemClock
    from swreflect.core.services import build_services
    from swreflect.platform.hardening import harden_process
    from swreflect.vault.vault import Vault

    harden_process()
    vault = Vault.unlock(Path(argv[0]), os.environ["SWREFLECT_PASSPHRASE"])
    services = build_services(vault, SystemClock())
    rows = services.journal.list_entries(0, 10)
    entry = services.journal.get(rows[0].id)
    seen = len(entry.content.body)
    backups = getattr(services, "backups", None)
    if backups is not None:  # a backup keys a second database with the same key
        backups.create_backup()
    key_buffer = vault.data_key()  # the very bytearray the vault holds
    unlocked = dump_memory(Path(argv[1]))
    services.close()
    del services, vault, rows, entry
    gc.collect()
    locked = dump_memory(Path(argv[2]))
    result = {
        "read_chars": seen,
        "key_len": len(key_buffer),
        "key_zeroed": not any(key_buffer),
        "dumped_unlocked": unlocked,
        "dumped_locked": locked,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
