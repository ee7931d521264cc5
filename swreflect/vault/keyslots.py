"""The key-slot file, ``keyslots.json``.

On-disk format (version 1), UTF-8 JSON::

    {
      "format": 1,
      "checksum": "<64 hex>",           # SHA-256 of the rest (see below)
      "vault_id": "<32 hex>",           # random, fixed for the life of the vault
      "generation": <int>,              # +1 on every rewrite
      "state": {"db_generation": <int>, # optional; the database's generation when last
                "mac": "<64 hex>"},     # opened, authenticated (see vault/generation.py)
      "slots": [
        {"id": "passphrase", "type": "passphrase",
         "kdf": {"name": "argon2id", "salt": "<b64 16 bytes>", "memory_kib": 262144,
                 "iterations": 4, "lanes": 4},
         "nonce": "<b64 12 bytes>", "wrapped": "<b64 48 bytes>"},
        {"id": "recovery", "type": "recovery",
         "kdf": {"name": "hkdf-sha256", "salt": "<b64 16 bytes>"},
         "nonce": "<b64 12 bytes>", "wrapped": "<b64 48 bytes>"}
      ]
    }

Each slot wraps the 256-bit data key (DEK) with AES-256-GCM under a key-encryption key derived
from the secret. The associated data binds the vault id, the slot id and type, and the KDF
parameters, so a slot cannot be moved to another vault or have its parameters weakened
without the GCM tag failing. A GCM failure therefore means "wrong secret".

``checksum`` is the SHA-256 of the document without it, serialised as compact sorted-key JSON.
It lets bit rot or a stray edit anywhere in the file be reported as *damage* rather than as a
wrong passphrase (a flipped bit in a wrapped key would otherwise fail the GCM tag). It is not
a security measure: anyone can recompute it, and the AAD is what binds the slots.

The file is only ever replaced atomically (see ``platform.files.atomic_write``); while a new
generation is being written, the previous one is kept as ``keyslots.json.prev`` until the new
file has been read back and proven to unwrap the DEK.
"""

from __future__ import annotations

import binascii
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from swreflect.errors import KeyslotFileError, VaultTooNewError
from swreflect.records import FrozenRecord, Record, field
from swreflect.vault.kdf import FLOOR_MEMORY_KIB, SALT_BYTES, Argon2Params

FORMAT_VERSION = 1
KEYSLOTS_NAME = "keyslots.json"
DEK_BYTES = 32
NONCE_BYTES = 12
MAX_FILE_BYTES = 64 * 1024
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"


class SlotOpenFailed(Exception):
    """The secret did not unwrap this slot (GCM tag mismatch)."""


# Base64 through ``binascii``, which is what ``base64.b64encode`` and ``b64decode(validate=True)``
# call: the ``base64`` module itself isn't needed to read the key file.
def _b64(data: bytes) -> str:
    return binascii.b2a_base64(data, newline=False).decode("ascii")


def _unb64(value: Any, expected_len: int | None, what: str) -> bytes:
    if not isinstance(value, str):
        raise KeyslotFileError()
    try:
        data = binascii.a2b_base64(value, strict_mode=True)
    except ValueError as exc:
        raise KeyslotFileError() from exc
    if expected_len is not None and len(data) != expected_len:
        raise KeyslotFileError()
    return data


class Slot(FrozenRecord):
    id: str
    type: str
    kdf: dict[str, Any]
    nonce: bytes
    wrapped: bytes

    def aad(self, vault_id: str) -> bytes:
        bound = {"vault_id": vault_id, "slot_id": self.id, "type": self.type, "kdf": self.kdf}
        return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("utf-8")

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "kdf": self.kdf,
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }

    def argon2_params(self) -> Argon2Params:
        return Argon2Params(
            memory_kib=int(self.kdf["memory_kib"]),
            iterations=int(self.kdf["iterations"]),
            lanes=int(self.kdf["lanes"]),
        )

    def derive_kek(self, secret: bytes) -> bytes:
        salt = _unb64(self.kdf["salt"], SALT_BYTES, "salt")
        if self.type == PASSPHRASE_SLOT:
            return self.argon2_params().derive(secret, salt)
        return HKDF(
            algorithm=hashes.SHA256(), length=32, salt=salt, info=b"swreflect recovery slot v1"
        ).derive(secret)

    def unwrap(self, vault_id: str, kek: bytes) -> bytearray:
        """The DEK, or ``SlotOpenFailed`` when the tag does not verify (wrong secret)."""
        # Decrypted straight into the buffer the vault keeps and wipes: ``decrypt`` would
        # return an immutable ``bytes`` copy of the key that nothing can overwrite (row 13).
        dek = bytearray(len(self.wrapped) - 16)
        try:
            AESGCM(kek).decrypt_into(self.nonce, self.wrapped, self.aad(vault_id), dek)
        except InvalidTag as exc:
            raise SlotOpenFailed() from exc
        return dek


def make_passphrase_slot(
    vault_id: str, dek: bytearray, passphrase: str, params: Argon2Params
) -> Slot:
    kdf = {
        "name": "argon2id",
        "salt": _b64(os.urandom(SALT_BYTES)),
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
    }
    return _wrap(vault_id, PASSPHRASE_SLOT, kdf, dek, passphrase.encode("utf-8"))


def make_recovery_slot(vault_id: str, dek: bytearray, recovery_key: bytes) -> Slot:
    kdf = {"name": "hkdf-sha256", "salt": _b64(os.urandom(SALT_BYTES))}
    return _wrap(vault_id, RECOVERY_SLOT, kdf, dek, recovery_key)


def _wrap(
    vault_id: str, slot_type: str, kdf: dict[str, Any], dek: bytearray, secret: bytes
) -> Slot:
    draft = Slot(id=slot_type, type=slot_type, kdf=kdf, nonce=os.urandom(NONCE_BYTES), wrapped=b"")
    kek = draft.derive_kek(secret)
    wrapped = AESGCM(kek).encrypt(draft.nonce, dek, draft.aad(vault_id))
    slot = Slot(id=draft.id, type=draft.type, kdf=kdf, nonce=draft.nonce, wrapped=wrapped)
    # Prove the slot before anyone relies on it: it must give back exactly this DEK.
    try:
        proven = slot.unwrap(vault_id, kek) == dek
    except SlotOpenFailed:
        proven = False
    if not proven:
        raise KeyslotFileError("The new key slot could not be proven. Nothing was changed.")
    return slot


class SlotState(FrozenRecord):
    """The database generation this key file last saw, with its MAC under the DEK."""

    db_generation: int
    mac: str


class KeyslotFile(Record):
    vault_id: str
    generation: int
    slots: dict[str, Slot] = field(default_factory=dict)
    state: SlotState | None = None

    def to_bytes(self) -> bytes:
        doc: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "generation": self.generation,
            "slots": [self.slots[k].to_json() for k in sorted(self.slots)],
        }
        if self.state is not None:
            doc["state"] = {"db_generation": self.state.db_generation, "mac": self.state.mac}
        doc["checksum"] = _checksum(doc)
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")

    def slot(self, slot_id: str) -> Slot:
        try:
            return self.slots[slot_id]
        except KeyError as exc:
            raise KeyslotFileError() from exc

    def with_slot(self, slot: Slot) -> KeyslotFile:
        slots = dict(self.slots)
        slots[slot.id] = slot
        return KeyslotFile(self.vault_id, self.generation + 1, slots, self.state)

    def with_state(self, state: SlotState) -> KeyslotFile:
        return KeyslotFile(self.vault_id, self.generation + 1, dict(self.slots), state)

    @classmethod
    def parse(cls, raw: bytes) -> KeyslotFile:
        """Parse and strictly validate; anything unexpected is ``KeyslotFileError``."""
        if len(raw) > MAX_FILE_BYTES:
            raise KeyslotFileError()
        try:
            doc = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            # RecursionError: deeply nested brackets from a damaged or hostile file.
            raise KeyslotFileError() from exc
        if not isinstance(doc, dict):
            raise KeyslotFileError()
        # The checksum first: a damaged "format" digit must read as damage, not "too new".
        checksum = doc.pop("checksum", None)
        if not isinstance(checksum, str) or checksum != _checksum(doc):
            raise KeyslotFileError()
        fmt = doc.get("format")
        if not isinstance(fmt, int) or isinstance(fmt, bool):
            raise KeyslotFileError()
        if fmt > FORMAT_VERSION:
            raise VaultTooNewError()
        if fmt != FORMAT_VERSION:
            raise KeyslotFileError()
        vault_id = doc.get("vault_id")
        generation = doc.get("generation")
        slots_raw = doc.get("slots")
        if (
            not isinstance(vault_id, str)
            or len(vault_id) != 32
            or any(c not in "0123456789abcdef" for c in vault_id)
            or not isinstance(generation, int)
            or isinstance(generation, bool)
            or not 1 <= generation < 2**53
            or not isinstance(slots_raw, list)
        ):
            raise KeyslotFileError()
        slots: dict[str, Slot] = {}
        for item in slots_raw:
            slot = _parse_slot(item)
            if slot.id in slots:
                raise KeyslotFileError()
            slots[slot.id] = slot
        if PASSPHRASE_SLOT not in slots:
            raise KeyslotFileError()
        return cls(vault_id, generation, slots, _parse_state(doc.get("state")))

    @classmethod
    def read(cls, vault_dir: Path) -> KeyslotFile:
        path = vault_dir / KEYSLOTS_NAME
        try:
            with open(path, "rb") as fh:
                raw = fh.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError as exc:
            raise KeyslotFileError() from exc
        except OSError as exc:
            raise KeyslotFileError() from exc
        return cls.parse(raw)


def _checksum(doc: dict[str, Any]) -> str:
    try:
        canonical = json.dumps(doc, sort_keys=True, separators=(",", ":"), allow_nan=False)
    except (ValueError, TypeError, RecursionError) as exc:
        raise KeyslotFileError() from exc
    # cryptography's SHA-256, not hashlib's: the same digest, without loading a second
    # OpenSSL (``_hashlib``) into every process that reads the key file.
    digest = hashes.Hash(hashes.SHA256())
    digest.update(canonical.encode("utf-8"))
    return digest.finalize().hex()


def _parse_state(raw: Any) -> SlotState | None:
    """The optional ``state`` object (absent in files written before it existed)."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"db_generation", "mac"}:
        raise KeyslotFileError()
    gen, mac = raw["db_generation"], raw["mac"]
    if not isinstance(gen, int) or isinstance(gen, bool) or not 0 <= gen < 2**53:
        raise KeyslotFileError()
    if not isinstance(mac, str) or len(mac) != 64 or any(c not in "0123456789abcdef" for c in mac):
        raise KeyslotFileError()
    return SlotState(gen, mac)


def _parse_slot(item: Any) -> Slot:
    if not isinstance(item, dict):
        raise KeyslotFileError()
    slot_id, slot_type, kdf = item.get("id"), item.get("type"), item.get("kdf")
    if slot_id not in (PASSPHRASE_SLOT, RECOVERY_SLOT) or slot_type != slot_id:
        raise KeyslotFileError()
    if not isinstance(kdf, dict):
        raise KeyslotFileError()
    _unb64(kdf.get("salt"), SALT_BYTES, "salt")
    if slot_type == PASSPHRASE_SLOT:
        if kdf.get("name") != "argon2id" or set(kdf) != {
            "name",
            "salt",
            "memory_kib",
            "iterations",
            "lanes",
        }:
            raise KeyslotFileError()
        for name in ("memory_kib", "iterations", "lanes"):
            value = kdf.get(name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise KeyslotFileError()
        # Refuse absurd costs (a tampered file must not make unlocking hang or exhaust memory).
        if kdf["memory_kib"] > 4 * 1024 * 1024 or kdf["iterations"] > 64 or kdf["lanes"] > 64:
            raise KeyslotFileError()
        if kdf["memory_kib"] < 8 * kdf["lanes"]:
            raise KeyslotFileError()
    elif kdf.get("name") != "hkdf-sha256" or set(kdf) != {"name", "salt"}:
        raise KeyslotFileError()
    nonce = _unb64(item.get("nonce"), NONCE_BYTES, "nonce")
    wrapped = _unb64(item.get("wrapped"), DEK_BYTES + 16, "wrapped")
    return Slot(id=slot_id, type=slot_type, kdf=dict(kdf), nonce=nonce, wrapped=wrapped)


def meets_production_floor(slot: Slot) -> bool:
    if slot.type != PASSPHRASE_SLOT:
        return True
    return slot.kdf["memory_kib"] >= FLOOR_MEMORY_KIB and slot.kdf["lanes"] == 4
