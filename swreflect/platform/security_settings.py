"""Every security setting with its default and limits, in one table that code and docs read.

The key-derivation policy (``vault/kdf.py``), the passphrase rule (``vault/vault.py``), the
auto-lock and clipboard settings (``core/settings.py``, ``gui/clipboard.py``) take their numbers
from here, and ``docs/security-settings.md`` holds the table ``markdown_table()`` prints
(``python -m swreflect.platform.security_settings``); a test keeps the two the same.
"""

from __future__ import annotations

from swreflect.records import FrozenRecord


class Setting(FrozenRecord):
    name: str
    default: int | float
    minimum: int | float
    maximum: int | float | None  # None: no upper limit
    unit: str
    user_can_change: bool
    why: str


MIB = 1024  # KiB per MiB

AUTO_LOCK_MINUTES = Setting(
    "Auto-lock after idle", 5, 1, 60, "minutes", True,
    "KeePassXC-style idle lock; on by default (SECURITY.md row 11)",
)  # fmt: skip
CLIPBOARD_CLEAR_SECONDS = Setting(
    "Clipboard cleared after a copy", 10, 5, 60, "seconds", True,
    "cleared if still ours, and always on lock and quit (row 12)",
)  # fmt: skip
KDF_MEMORY_KIB = Setting(
    "Argon2id memory", 256 * MIB, 64 * MIB, 4 * 1024 * MIB, "KiB", False,
    "kept at the default; lowered only when the machine has under 8x that much RAM (row 9)",
)  # fmt: skip
KDF_ITERATIONS = Setting(
    "Argon2id passes", 4, 2, 12, "passes", False,
    "calibrated so unlocking takes about 0.75 s, within the floor and cap (row 9)",
)  # fmt: skip
KDF_LANES = Setting("Argon2id lanes", 4, 4, 4, "lanes", False, "RFC 9106 (row 9)")
KDF_TARGET_SECONDS = Setting(
    "Unlock time aimed at", 0.75, 0.5, 1.0, "seconds", False,
    "the window the iteration count is calibrated into (rows 9, 18)",
)  # fmt: skip
PASSPHRASE_MIN_CHARS = Setting(
    "Passphrase length", 12, 12, None, "characters", True,
    "the generator offers five random words, about 55 bits (row 9)",
)  # fmt: skip
RAM_PER_KDF_MEMORY = 8  # the KDF may use at most an eighth of the machine's RAM

ALL = (
    AUTO_LOCK_MINUTES,
    CLIPBOARD_CLEAR_SECONDS,
    KDF_MEMORY_KIB,
    KDF_ITERATIONS,
    KDF_LANES,
    KDF_TARGET_SECONDS,
    PASSPHRASE_MIN_CHARS,
)


def _fmt(value: int | float | None, unit: str) -> str:
    if value is None:
        return "none"
    if unit == "KiB" and value >= MIB:
        return f"{value // MIB:g} MiB"
    return f"{value:g}"


def markdown_table() -> str:
    lines = [
        "| Setting | Default | Minimum | Maximum | Unit | User can change | Why |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in ALL:
        unit = "MiB" if s.unit == "KiB" else s.unit
        lines.append(
            f"| {s.name} | {_fmt(s.default, s.unit)} | {_fmt(s.minimum, s.unit)} | "
            f"{_fmt(s.maximum, s.unit)} | {unit} | {'yes' if s.user_can_change else 'no'} | "
            f"{s.why} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
