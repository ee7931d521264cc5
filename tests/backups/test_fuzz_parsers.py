"""Malformed backup files and JSON exports only ever produce typed errors (SECURITY row 6)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import SwreflectError
from swreflect.vault.backup_file import parse_backup_bytes
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault
from tests.backups.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real backup file's bytes, and an unlocked vault to import into."""
    folder = tmp_path_factory.mktemp("fuzz") / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, FakeClock())
    good = services.backups.back_up_to(folder.parent / "b.swrbak").read_bytes()
    yield good, services
    vault.lock()


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_mutated_backup_files_fail_typed(sample: Any, data: st.DataObject) -> None:
    good, _services = sample
    raw = bytearray(good)
    for _ in range(data.draw(st.integers(1, 4))):
        choice = data.draw(st.sampled_from(["flip", "cut", "insert", "random"]))
        if choice == "flip" and raw:
            i = data.draw(st.integers(0, len(raw) - 1))
            raw[i] ^= data.draw(st.integers(1, 255))
        elif choice == "cut":
            raw = raw[: data.draw(st.integers(0, len(raw)))]
        elif choice == "insert":
            i = data.draw(st.integers(0, len(raw)))
            raw[i:i] = data.draw(st.binary(min_size=1, max_size=16))
        else:
            raw = bytearray(data.draw(st.binary(max_size=200)))
    if bytes(raw) == good:
        return
    with pytest.raises(SwreflectError):
        opened = parse_backup_bytes(bytes(raw))
        opened.unlock("passphrase", PASSPHRASE.encode())


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    tables=st.dictionaries(
        st.sampled_from(["meta", "settings", "nope"]),
        st.lists(st.dictionaries(st.sampled_from(["key", "value", "x"]), json_values), max_size=3)
        | json_values,
        max_size=3,
    ),
    header=st.fixed_dictionaries(
        {},
        optional={
            "format": st.sampled_from(["swreflect-export", "other"]),
            "format_version": json_values,
            "schema_version": json_values,
        },
    ),
)
def test_random_export_documents_fail_typed_or_import(
    sample: Any, tables: Any, header: dict[str, Any]
) -> None:
    _good, services = sample
    doc = {**header, "tables": tables}
    conn = services.vault.conn
    before = conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
    try:
        services.portability.import_document(doc)
    except SwreflectError:
        after = conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
        assert after == before
    else:
        # Accepted: it really was a valid document for meta/settings; put things back.
        with services.vault.transaction() as c:
            c.execute("DELETE FROM settings")
            c.executemany("INSERT INTO settings(key, value) VALUES (?, ?)", before)
