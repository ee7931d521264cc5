"""The canonical form of a record: the exact bytes that get signed.

Rules (stable across versions; changing any of them needs a new format version):
- JSON with object keys sorted by Unicode code point, no insignificant whitespace
  (separators ``,`` and ``:``), UTF-8, non-ASCII characters written as themselves.
- Allowed values: objects with string keys, arrays, strings, integers, true/false, null.
  Floats are refused (their text form is not stable); use integers (minutes, 1-5 ratings).
- Strings are signed exactly as stored: no Unicode normalisation, no trimming.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from swreflect.errors import ValidationError


def _check(value: Any, where: str) -> None:
    if value is None or isinstance(value, bool | str):
        return
    if isinstance(value, int):
        return
    if isinstance(value, float):
        raise ValidationError(f"A record can't hold a fractional number ({where}).")
    if isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, f"{where}[{index}]")
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValidationError(f"A record's field names must be text ({where}).")
            _check(item, f"{where}.{key}")
        return
    raise ValidationError(f"A record can't hold a value of type {type(value).__name__} ({where}).")


def canonical_bytes(value: Any) -> bytes:
    _check(value, "record")
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def canonical_sha256(value: Any) -> str:
    return hashlib.sha256(canonical_bytes(value)).hexdigest()
