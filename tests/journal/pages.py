"""Reading a vault's pages back with its key, as a forensic tool would, for canary tests.

SQLCipher 4 pages (4096 bytes) end in an 80-byte reserve: a 16-byte IV then a 64-byte HMAC.
The rest is AES-256-CBC under the raw data key; page 1 keeps the 16-byte salt in front. The
write-ahead log holds whole page images after a 32-byte header, each behind a 24-byte frame
header. Decrypting every page, including free pages and stale log frames, shows whether text
can still be recovered by someone who has the key.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
WAL_HEADER = 32
FRAME_HEADER = 24


def _decrypt(page: bytes, key: bytes, first: bool) -> bytes:
    start = SALT if first else 0
    body = page[start : PAGE - RESERVE]
    iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(body) + dec.finalize()


def database_pages(path: Path, key: bytes) -> Iterator[bytes]:
    data = path.read_bytes()
    for n in range(len(data) // PAGE):
        yield _decrypt(data[n * PAGE : (n + 1) * PAGE], key, n == 0)


def copy_pages(path: Path, dek: bytes) -> Iterator[bytes]:
    """The pages of a stored copy (a backup), under whichever key it was written with."""
    return database_pages(path, key_for_copy(path, dek))


def key_for_copy(path: Path, dek: bytes) -> bytes:
    """A backup's own page key (``vault.page_keys``), or the DEK for copies made before it.

    The right key is the one under which page 1 decrypts to SQLite's header fields that
    follow the salt: page size 4096, then file format versions 1 and reserve bytes 80."""
    from swreflect.vault.page_keys import copy_key

    data = path.read_bytes()[:PAGE]
    for key in (bytes(copy_key(bytearray(dek), data[:SALT])), dek):
        plain = _decrypt(data, key, True)
        if plain[:2] == b"\x10\x00" and plain[4] == RESERVE:
            return key
    raise AssertionError(f"no key decrypts {path.name}")


def wal_pages(path: Path, key: bytes) -> Iterator[bytes]:
    if not path.exists():
        return
    data = path.read_bytes()
    pos = WAL_HEADER
    while pos + FRAME_HEADER + PAGE <= len(data):
        page_no = int.from_bytes(data[pos : pos + 4], "big")
        page = data[pos + FRAME_HEADER : pos + FRAME_HEADER + PAGE]
        yield _decrypt(page, key, page_no == 1)
        pos += FRAME_HEADER + PAGE


def plaintext_of_vault(folder: Path, key: bytes) -> bytes:
    """Every decrypted page of vault.db and vault.db-wal, plus the raw -shm, concatenated."""
    parts = list(database_pages(folder / "vault.db", key))
    parts += list(wal_pages(folder / "vault.db-wal", key))
    shm = folder / "vault.db-shm"
    if shm.exists():
        parts.append(shm.read_bytes())
    return b"".join(parts)


def raw_files(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


def occurs(needle: str, haystack: bytes) -> bool:
    """UTF-8 or UTF-16 (either byte order), as a scanner of memory or files would look."""
    return any(needle.encode(enc) in haystack for enc in ("utf-8", "utf-16-le", "utf-16-be"))
