"""D1: an agreed record is verified again every time it is shown or exported.

A page replayed from the file's own past (or any change below the app) can alter the stored
record without SQLCipher noticing. The copy of the golden vault here has its agreed record's
text changed underneath the app (the database's own "agreed records never change" triggers
dropped first, as such a change would bypass them); showing it must then fail verification
instead of presenting altered text as agreed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.errors import VerificationFailedError
from swreflect.vault.vault import Vault

GOLDEN = Path(__file__).resolve().parents[1] / "upgrade" / "golden_v4"


def test_an_altered_agreed_record_fails_when_shown(tmp_path: Path) -> None:
    shutil.copytree(GOLDEN, tmp_path / "g")
    manifest = json.loads((tmp_path / "g" / "manifest.json").read_text(encoding="utf-8"))
    record_id = manifest["record_id"]
    services = build_services(Vault.unlock(tmp_path / "g" / "sam", manifest["passphrase"]),
                              FakeClock())  # fmt: skip
    try:
        assert len(services.signoff.history(record_id)) >= 1  # intact: shows
        conn = services.vault.conn
        for trigger in ("agreement_versions_content_fixed", "agreement_versions_agreed_fixed"):
            conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        row = conn.execute(
            "SELECT version, canonical_json FROM agreement_versions WHERE record_id = ? "
            "AND status = 'agreed'",
            (record_id,),
        ).fetchone()
        altered = row[1].replace("training day", "trainING day")
        assert altered != row[1]
        conn.execute(
            "UPDATE agreement_versions SET canonical_json = ? WHERE record_id = ? AND version = ?",
            (altered, record_id, row[0]),
        )
        with pytest.raises(VerificationFailedError):
            services.signoff.agreed_record(record_id)
        with pytest.raises(VerificationFailedError):
            services.signoff.history(record_id)
    finally:
        services.close()
