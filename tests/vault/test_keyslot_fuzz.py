"""SECURITY.md row 6 (small form): the key-slot parser never crashes on malformed input.

Every input either parses or raises a typed ``SwreflectError`` (``KeyslotFileError``, or
``VaultTooNewError`` for a higher format number). Run longer with
``SWREFLECT_FUZZ_EXAMPLES=100000``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from swreflect.errors import SwreflectError
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.keyslots import KeyslotFile, make_passphrase_slot, make_recovery_slot
from tests.vault.support import resealed

EXAMPLES = int(os.environ.get("SWREFLECT_FUZZ_EXAMPLES", "300"))


def _valid() -> bytes:
    dek = bytearray(32)
    slots = KeyslotFile("0" * 32, 1)
    params = KdfPolicy.insecure_for_tests().calibrate()
    slots = slots.with_slot(make_passphrase_slot("0" * 32, dek, "a long test passphrase", params))
    slots = slots.with_slot(make_recovery_slot("0" * 32, dek, bytes(32)))
    return slots.to_bytes()


VALID = _valid()
VALID_DOC = json.loads(VALID)


def _parse_or_typed_error(raw: bytes) -> None:
    try:
        parsed = KeyslotFile.parse(raw)
    except SwreflectError:
        return
    # Whatever parses must serialise and parse again to the same thing.
    assert KeyslotFile.parse(parsed.to_bytes()).to_bytes() == parsed.to_bytes()


def test_the_valid_file_parses() -> None:
    assert KeyslotFile.parse(VALID).to_bytes() == VALID


@settings(max_examples=EXAMPLES, deadline=None)
@given(raw=st.binary(max_size=2048))
def test_random_bytes(raw: bytes) -> None:
    _parse_or_typed_error(raw)


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    cuts=st.lists(st.integers(min_value=0, max_value=len(VALID) - 1), max_size=4),
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(VALID) - 1), st.integers(1, 255)),
        max_size=6,
    ),
)
def test_mutated_valid_file(cuts: list[int], flips: list[tuple[int, int]]) -> None:
    data = bytearray(VALID)
    for pos, mask in flips:
        data[pos % len(data)] ^= mask
    for cut in cuts:
        if len(data) > 1:
            del data[cut % len(data)]
    _parse_or_typed_error(bytes(data))


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(["argon2id", "hkdf-sha256", "passphrase", "recovery", "AAAA", "0" * 32]),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)

FIELD_PATHS = [
    ("format",),
    ("vault_id",),
    ("generation",),
    ("slots",),
    ("slots", 0),
    ("slots", 0, "id"),
    ("slots", 0, "type"),
    ("slots", 0, "kdf"),
    ("slots", 0, "kdf", "salt"),
    ("slots", 0, "kdf", "memory_kib"),
    ("slots", 0, "kdf", "iterations"),
    ("slots", 0, "kdf", "lanes"),
    ("slots", 0, "nonce"),
    ("slots", 0, "wrapped"),
    ("slots", 1, "kdf", "name"),
    ("slots", 1, "wrapped"),
]


def _replace(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = json.loads(json.dumps(doc))
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


@settings(max_examples=EXAMPLES, deadline=None)
@given(path=st.sampled_from(FIELD_PATHS), value=json_values)
def test_one_field_replaced_by_any_json(path: tuple[Any, ...], value: Any) -> None:
    doc = _replace(VALID_DOC, path, value)
    _parse_or_typed_error(json.dumps(doc).encode("utf-8"))
    # ... and with the checksum recomputed, so the field checks behind it are reached too.
    try:
        sealed = resealed(doc)
    except SwreflectError:
        return  # not serialisable as strict JSON (NaN): the checksum step refuses it
    _parse_or_typed_error(json.dumps(sealed).encode("utf-8"))


@settings(max_examples=EXAMPLES, deadline=None)
@given(doc=json_values)
def test_arbitrary_json(doc: Any) -> None:
    _parse_or_typed_error(json.dumps(doc).encode("utf-8"))
    if isinstance(doc, dict):
        try:
            sealed = resealed(doc)
        except SwreflectError:
            return
        _parse_or_typed_error(json.dumps(sealed).encode("utf-8"))


def test_every_single_bit_flip_of_the_file_reads_as_damage() -> None:
    """Bit rot anywhere in keyslots.json is "damaged", never "wrong passphrase" or "too new"."""
    from swreflect.errors import KeyslotFileError

    for pos in range(len(VALID)):
        for bit in range(8):
            data = bytearray(VALID)
            data[pos] ^= 1 << bit
            try:
                KeyslotFile.parse(bytes(data))
            except KeyslotFileError:
                continue
            raise AssertionError(f"flip at byte {pos} bit {bit} was not reported as damage")
