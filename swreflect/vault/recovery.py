"""Recovery keys: 256 random bits shown once as grouped base32, e.g. ``ABCD-EFGH-...``.

Parsing is forgiving about case, spaces and dashes, and reads the digits people confuse with
letters (0 as O, 1 as I, 8 as B) the way they were meant.
"""

from __future__ import annotations

import os

from swreflect.errors import WrongRecoveryKeyError

KEY_BYTES = 32
GROUP = 4
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_key() -> bytes:
    return os.urandom(KEY_BYTES)


def format_recovery_key(key: bytes) -> str:
    import base64  # here: unlocking with the passphrase needs no recovery key code

    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(text: str) -> bytes:
    import base64

    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)
    expected_chars = len(base64.b32encode(bytes(KEY_BYTES)).decode().rstrip("="))
    if len(cleaned) != expected_chars:
        raise WrongRecoveryKeyError(
            "That recovery key has the wrong length. Nothing was changed; check each group."
        )
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        key = base64.b32decode(padded)
    except (ValueError, base64.binascii.Error) as exc:  # type: ignore[attr-defined]
        raise WrongRecoveryKeyError(
            "That recovery key contains letters that can't be part of one. Nothing was changed."
        ) from exc
    if format_recovery_key(key).replace("-", "") != cleaned:
        # Base32 of 32 bytes leaves four spare bits in the last letter; accept only the one
        # spelling we print, so every changed letter is a different (wrong) key.
        raise WrongRecoveryKeyError()
    return key
