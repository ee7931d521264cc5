"""Key derivation policy for the passphrase slot (Argon2id).

Production vaults use at least 64 MiB (256 MiB by default), four lanes, and an iteration count
calibrated when the vault is created so that unlocking takes about 0.5 to 1 second on the
machine that created it. Tests may ask for cheap parameters only through
``KdfPolicy.insecure_for_tests()`` or the ``SWREFLECT_INSECURE_TEST_KDF=1`` setting, and a test
asserts that the production floor holds.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

from swreflect.platform.release import test_setting

MIB = 1024
FLOOR_MEMORY_KIB = 64 * MIB
DEFAULT_MEMORY_KIB = 256 * MIB
DEFAULT_LANES = 4
FLOOR_ITERATIONS = 2
MAX_ITERATIONS = 12
TARGET_SECONDS = 0.75
MAX_SECONDS = 1.0  # the top of the 0.5-1 s window: keep the memory if the floor fits in it
SALT_BYTES = 16
TEST_KDF_ENV = "SWREFLECT_INSECURE_TEST_KDF"


@dataclass(frozen=True)
class Argon2Params:
    memory_kib: int
    iterations: int
    lanes: int

    def derive(self, secret: bytes, salt: bytes, length: int = 32) -> bytes:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # loaded on first use

        return Argon2id(
            salt=salt,
            length=length,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(secret)


@dataclass(frozen=True)
class KdfPolicy:
    memory_kib: int
    lanes: int
    target_seconds: float
    fixed_iterations: int | None = None
    insecure: bool = False

    @classmethod
    def production(cls) -> KdfPolicy:
        return cls(
            memory_kib=DEFAULT_MEMORY_KIB, lanes=DEFAULT_LANES, target_seconds=TARGET_SECONDS
        )

    @classmethod
    def insecure_for_tests(cls) -> KdfPolicy:
        """Cheap parameters for the test suite only; never reachable from normal use."""
        return cls(
            memory_kib=8 * MIB,
            lanes=DEFAULT_LANES,
            target_seconds=0.0,
            fixed_iterations=1,
            insecure=True,
        )

    @classmethod
    def from_environment(cls) -> KdfPolicy:
        if test_setting(TEST_KDF_ENV) == "1":
            return cls.insecure_for_tests()
        return cls.production()

    def calibrate(self) -> Argon2Params:
        """Choose parameters for a new slot on this machine."""
        if self.fixed_iterations is not None:
            return Argon2Params(self.memory_kib, self.fixed_iterations, self.lanes)
        memory = self.memory_kib
        while True:
            one = _time_one_iteration(memory, self.lanes)
            iterations = int(self.target_seconds / max(one, 1e-6))
            if iterations >= FLOOR_ITERATIONS or memory <= FLOOR_MEMORY_KIB:
                break
            if FLOOR_ITERATIONS * one <= MAX_SECONDS:
                # Memory is the stronger defence: rather the floor count at this size,
                # still inside the window, than more passes over less memory.
                iterations = FLOOR_ITERATIONS
                break
            memory = max(FLOOR_MEMORY_KIB, memory // 2)
        iterations = max(FLOOR_ITERATIONS, min(MAX_ITERATIONS, iterations))
        return Argon2Params(memory, iterations, self.lanes)


def _time_one_iteration(memory_kib: int, lanes: int) -> float:
    params = Argon2Params(memory_kib, 1, lanes)
    start = time.perf_counter()
    params.derive(b"calibration", os.urandom(SALT_BYTES))
    return time.perf_counter() - start
