"""SECURITY.md row 5: one flipped bit anywhere in vault.db is always detected.

Detected means: the open refuses with "damaged", or ``integrity_problems`` lists the page.
Never an altered database that opens and checks clean. 150 random bits in the suite;
``SWREFLECT_BITROT_FLIPS=10000`` for the release figure.

The rest of row 5 is tested beside this: pages replayed from a backup and a whole older
``vault.db`` in ``test_rollback.py``, a damaged write-ahead log in ``test_wal_damage.py``,
and single pages replayed from the same file's past (the documented limit) measured in
``tests/bench/test_replay_figures.py``.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from swreflect.errors import VaultDamagedError
from swreflect.vault.vault import Vault
from tests.conftest import TEST_PASSPHRASE
from tests.vault.support import make_vault

FLIPS = int(os.environ.get("SWREFLECT_BITROT_FLIPS", "150"))


def test_random_single_bit_flips_are_all_detected(vault_dir: Path) -> None:
    make_vault(vault_dir, rows=300)
    db = vault_dir / "vault.db"
    pristine = db.read_bytes()
    seed = int(os.environ.get("SWREFLECT_RELIABILITY_SEED", str(time.time_ns())))
    rng = random.Random(seed)
    refused = listed = 0
    for _ in range(FLIPS):
        offset, bit = rng.randrange(len(pristine)), rng.randrange(8)
        data = bytearray(pristine)
        data[offset] ^= 1 << bit
        db.write_bytes(bytes(data))
        try:
            vault = Vault.unlock(vault_dir, TEST_PASSPHRASE)
        except VaultDamagedError:
            refused += 1
            continue
        try:
            problems = vault.integrity_problems()
        finally:
            vault.lock()
        assert problems, f"seed {seed}: flip at byte {offset} bit {bit} went unnoticed"
        listed += 1
        assert db.read_bytes() == bytes(data), "checking must not rewrite the file"
    print(f"bit rot (seed {seed}): {refused} refused at open, {listed} listed by the checks")
