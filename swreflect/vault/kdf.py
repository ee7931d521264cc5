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

from swreflect.platform import security_settings as settings
from swreflect.platform.release import test_setting
from swreflect.records import FrozenRecord

MIB = settings.MIB
FLOOR_MEMORY_KIB = int(settings.KDF_MEMORY_KIB.minimum)
DEFAULT_MEMORY_KIB = int(settings.KDF_MEMORY_KIB.default)
DEFAULT_LANES = int(settings.KDF_LANES.default)
FLOOR_ITERATIONS = int(settings.KDF_ITERATIONS.minimum)
MAX_ITERATIONS = int(settings.KDF_ITERATIONS.maximum or 12)
TARGET_SECONDS = float(settings.KDF_TARGET_SECONDS.default)
MAX_SECONDS = float(settings.KDF_TARGET_SECONDS.maximum or 1.0)
SALT_BYTES = 16
TEST_KDF_ENV = "SWREFLECT_INSECURE_TEST_KDF"


class Argon2Params(FrozenRecord):
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


class KdfPolicy(FrozenRecord):
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
        """Choose parameters for a new slot on this machine.

        Memory is the stronger defence, so it never depends on how busy the machine is (D12):
        it stays at the default unless the machine has less than eight times that much RAM,
        and never goes under the floor. Only the number of passes is calibrated, so that one
        derivation takes about ``target_seconds`` here, between the floor and the cap."""
        if self.fixed_iterations is not None:
            return Argon2Params(self.memory_kib, self.fixed_iterations, self.lanes)
        memory = memory_for_this_machine(self.memory_kib)
        one = _time_one_iteration(memory, self.lanes)
        iterations = int(self.target_seconds / max(one, 1e-6))
        iterations = max(FLOOR_ITERATIONS, min(MAX_ITERATIONS, iterations))
        return Argon2Params(memory, iterations, self.lanes)


def memory_for_this_machine(wanted_kib: int) -> int:
    """``wanted_kib``, halved only while it exceeds an eighth of this machine's RAM."""
    ram = total_ram_kib()
    memory = wanted_kib
    if ram is None:
        return memory
    while memory > FLOOR_MEMORY_KIB and memory * settings.RAM_PER_KDF_MEMORY > ram:
        memory = max(FLOOR_MEMORY_KIB, memory // 2)
    return memory


def total_ram_kib() -> int | None:
    """Physical memory in KiB, or ``None`` where the system won't say."""
    try:
        pages = os.sysconf("SC_PHYS_PAGES")
        size = os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):
        return _windows_ram_kib()
    return int(pages * size // 1024) if pages > 0 and size > 0 else None


def _windows_ram_kib() -> int | None:
    if os.name != "nt":
        return None
    import ctypes

    class _Status(ctypes.Structure):
        _fields_ = [
            ("length", ctypes.c_ulong),
            ("load", ctypes.c_ulong),
            ("total_phys", ctypes.c_ulonglong),
            ("avail_phys", ctypes.c_ulonglong),
            ("total_page", ctypes.c_ulonglong),
            ("avail_page", ctypes.c_ulonglong),
            ("total_virtual", ctypes.c_ulonglong),
            ("avail_virtual", ctypes.c_ulonglong),
            ("avail_ext", ctypes.c_ulonglong),
        ]

    status = _Status()
    status.length = ctypes.sizeof(_Status)
    if not ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):  # type: ignore[attr-defined]
        return None
    return int(status.total_phys // 1024)


def _time_one_iteration(memory_kib: int, lanes: int) -> float:
    params = Argon2Params(memory_kib, 1, lanes)
    start = time.perf_counter()
    params.derive(b"calibration", os.urandom(SALT_BYTES))
    return time.perf_counter() - start
