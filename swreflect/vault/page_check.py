"""Authenticating every page of a backup copy while it is being written (SECURITY.md row 16).

Why: a backup used to be copied first and then read back whole through SQLCipher, one core
after the other; the read-back was a third pass of page cryptography on top of the copy's
two (the source's pages checked and decrypted, the copy's encrypted and MACed) and a third of
the time a person waited. This module checks the copy's pages on a second thread as the copy
step writes them, so on a machine with two cores the check costs little more than the copy.

What is checked, for each page of the finished file: the HMAC-SHA512 that SQLCipher 4 (the
settings ``cipher_compatibility = 4`` pins) stores at the end of the page, over the page's
ciphertext and IV and its page number, under the HMAC key SQLCipher derives from the copy's
page key and salt (PBKDF2-HMAC-SHA512, 2 rounds, over the salt with every byte xor 0x3a).
That is what ``PRAGMA cipher_integrity_check`` computes and what SQLCipher checks before it
decrypts a page, so a page passes exactly when SQLCipher would accept it under the copy's key:
a page that was lost, torn, misplaced (the page number is in the MAC) or written under another
key fails. Tests check the two agree on real files, page by page (tests/backups).

How "as it is written" stays exact: a page read before the copy has written it fails and is
checked again at the end. A page that passed early could in principle be written again later
(SQLite rewrites page 1, the header, when the copy commits): SQLCipher gives every write of a
page a fresh random IV, so its stored MAC changes. The last pass, after the copy's connection
is closed, reads every page's stored MAC once more and checks again each page whose MAC is not
the one that passed (page 1 always), so every page as SQLite left the closed file has passed.

The page that holds SQLite's lock bytes (at 1 GiB, in a vault that large) is never read or
written by SQLite (the backup API skips it too), so it holds nothing to check and is skipped.

This thread also flushes the copy to disk as it goes (every ``FLUSH_BYTES``): left to the OS,
the whole copy waits in memory and goes to disk in one long flush at the end, and a save in
the app (a commit that waits for the disk) then queues behind it. Flushing here rather than on
the copying thread keeps the copy going while the disk catches up.

The HMAC key is a ``bytes`` value derived from the copy's key; it can authenticate pages of
this one copy and decrypts nothing.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from collections.abc import Callable
from pathlib import Path

from swreflect.platform import system

SALT_BYTES = 16
IV_BYTES = 16
TAG_BYTES = 64  # HMAC-SHA512
RESERVE_BYTES = IV_BYTES + TAG_BYTES  # SQLCipher 4's reserved space at the end of each page
KEPT_TAG_BYTES = 16  # of each passed page's MAC, kept to notice a later rewrite
_HMAC_SALT_MASK = 0x3A
_FAST_KDF_ROUNDS = 2
LOCK_BYTE_OFFSET = 0x40000000  # SQLite's pending byte: its page is never written
CHUNK_PAGES = 64  # about half a millisecond of checking
LAST_PASS_PAGES = 1024  # 4 MiB at a time for the pass over the closed copy
BEHIND_PAGES = 4096  # stay this far behind the copy: its cache may still hold those pages
FLUSH_BYTES = 16 << 20
_NO_TAG = bytes(KEPT_TAG_BYTES)


def hmac_key(key: bytearray, salt: bytes) -> bytes:
    """The HMAC key SQLCipher 4 derives from a raw page key and the file's salt."""
    mask = bytes(b ^ _HMAC_SALT_MASK for b in salt)
    return hashlib.pbkdf2_hmac("sha512", key, mask, _FAST_KDF_ROUNDS, len(key))


class PageCheck:
    """Checks the MAC of every page of the copy at ``path`` while it is written.

    The copying thread calls ``start()``, then ``copied(n)`` after each step, then, once the
    copy's connection is closed, ``finish(total)``, which returns the problems (``[]`` means
    every page authenticates). ``close()`` (always, in a ``finally``) stops the thread."""

    def __init__(self, path: Path, key: bytearray, salt: bytes, page_size: int) -> None:
        if len(salt) != SALT_BYTES or page_size <= RESERVE_BYTES:
            raise ValueError("an SQLCipher 4 copy has a 16-byte salt and room for its MAC")
        self._path = Path(path)
        self._mac = hmac.new(hmac_key(key, salt), digestmod=hashlib.sha512)
        self._size = page_size
        self._lock_page = LOCK_BYTE_OFFSET // page_size + 1
        self._kept = bytearray()  # KEPT_TAG_BYTES per page, page 1 first
        self._again: list[int] = []  # pages that failed before the copy had surely written them
        self._checked = 0  # pages 1..checked have been looked at
        self._copied = 0
        self._ending = False
        self._wake = threading.Condition()
        self._fd: int | None = None
        self._unflushed = 0
        self.alongside = 0  # pages the thread checked while the copy ran (for tests)
        self._thread = threading.Thread(target=self._run, name="backup page check", daemon=True)

    @property
    def page_size(self) -> int:
        return self._size

    # ------------------------------------------------------------ the copying thread's side
    def start(self) -> None:
        self._thread.start()

    def copied(self, pages: int) -> None:
        """The copy has put its first ``pages`` pages into its own cache or the file."""
        with self._wake:
            self._copied = pages
            self._wake.notify()

    def finish(
        self,
        total: int,
        should_stop: Callable[[], bool],
        progress: Callable[[float], None] | None = None,
    ) -> list[str]:
        """The rest, once the copy is closed: the pages not yet checked, the ones that failed
        early, and every page whose MAC changed since it passed. ``progress`` hears 0–1."""
        self._stop_thread()
        if self._fd is None:
            self._fd = os.open(self._path, os.O_RDWR | system.binary_flag())
        again = [*self._again, 1]
        for first in range(1, total + 1, LAST_PASS_PAGES):
            if should_stop():
                return []
            last = min(total, first + LAST_PASS_PAGES - 1)
            self._settle(first, last, again)
            if progress is not None:
                progress(last / total)
        bad = [p for p in sorted(set(again)) if p != self._lock_page and not self._ok(p)]
        if bad:
            shown = ", ".join(str(p) for p in bad[:5])
            return [f"{len(bad)} page(s) of the copy fail their MAC (page {shown})"]
        return []

    def _settle(self, first: int, last: int, again: list[int]) -> None:
        """Pages ``first``..``last`` in the closed copy: check those the thread didn't reach,
        and note for checking again those whose MAC is not the one that passed."""
        data = self._read(first, last)
        size = self._size
        seen = min(last, self._checked)
        if seen >= first:  # one comparison for the whole run of pages when nothing changed
            now = b"".join(
                [
                    _kept_piece(data[i * size : (i + 1) * size], size)
                    for i in range(seen - first + 1)
                ]
            )
            kept = self._kept[(first - 1) * KEPT_TAG_BYTES : seen * KEPT_TAG_BYTES]
            if now != kept:
                again.extend(
                    first + i
                    for i in range(seen - first + 1)
                    if now[i * KEPT_TAG_BYTES : (i + 1) * KEPT_TAG_BYTES]
                    != kept[i * KEPT_TAG_BYTES : (i + 1) * KEPT_TAG_BYTES]
                )
        for pgno in range(seen + 1, last + 1):
            index = pgno - first
            self._check(pgno, data[index * size : (index + 1) * size], again)

    def close(self) -> None:
        self._stop_thread()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    # ------------------------------------------------------------ the checking thread
    def _stop_thread(self) -> None:
        with self._wake:
            self._ending = True
            self._wake.notify()
        if self._thread.is_alive():
            self._thread.join()

    def _run(self) -> None:
        try:
            while True:
                with self._wake:
                    while not self._ending and self._copied - BEHIND_PAGES <= self._checked:
                        self._wake.wait()
                    if self._ending:
                        return
                    ready = self._copied - BEHIND_PAGES
                if self._fd is None:
                    self._fd = os.open(self._path, os.O_RDWR | system.binary_flag())
                self._check_range(self._checked + 1, min(ready, self._checked + CHUNK_PAGES))
        except OSError:
            return  # the copy failed or was put off; ``finish`` reads everything itself

    def _check_range(self, first: int, last: int) -> None:
        data = self._read(first, last)
        for index, pgno in enumerate(range(first, last + 1)):
            self._check(pgno, data[index * self._size : (index + 1) * self._size], self._again)
            self.alongside += 1
        self._unflushed += len(data)
        if self._unflushed >= FLUSH_BYTES and self._fd is not None:
            os.fsync(self._fd)
            self._unflushed = 0

    # ------------------------------------------------------------ pages
    def _read(self, first: int, last: int) -> memoryview:
        """Pages ``first``..``last`` as they are in the file now (fewer at its end)."""
        assert self._fd is not None
        want = (last - first + 1) * self._size
        os.lseek(self._fd, (first - 1) * self._size, os.SEEK_SET)
        data = os.read(self._fd, want)
        while 0 < len(data) < want:  # a short read that isn't the end of the file
            piece = os.read(self._fd, want - len(data))
            if not piece:
                break
            data += piece
        return memoryview(data)

    def _check(self, pgno: int, page: memoryview, again: list[int]) -> None:
        """Check one page, keep a piece of its MAC, and note it for later if it fails."""
        if pgno != self._lock_page and not self._authentic(pgno, page):
            again.append(pgno)
        self._kept += _kept_piece(page, self._size)
        self._checked = pgno

    def _ok(self, pgno: int) -> bool:
        return self._authentic(pgno, self._read(pgno, pgno))

    def _authentic(self, pgno: int, page: memoryview) -> bool:
        if len(page) != self._size:
            return False
        mac = self._mac.copy()
        mac.update(page[SALT_BYTES if pgno == 1 else 0 : self._size - TAG_BYTES])
        mac.update(pgno.to_bytes(4, "little"))
        return hmac.compare_digest(mac.digest(), page[-TAG_BYTES:])


def _kept_piece(page: memoryview, size: int) -> bytes:
    """The first bytes of a page's stored MAC (zeros for a page cut short)."""
    if len(page) != size:
        return _NO_TAG
    return bytes(page[size - TAG_BYTES : size - TAG_BYTES + KEPT_TAG_BYTES])
