"""Build the golden vault fixtures (SECURITY.md row 15) with the code of the day they are made.

Run once per released format (``python -m tests.upgrade.make_golden <out folder>``) and commit
the output under ``tests/upgrade/golden/<name>/``. Every later build must open these folders,
verify their signed records and pass both integrity checks (``test_golden_vaults.py``); the
files are never regenerated in place, so a format or library change that locks users out of
an old vault fails that test instead of reaching them.

Two vaults, a supervisor's and a supervisee's, hold: journal entries (one edited, one in the
trash, a draft, a supervision mark), people, an agreement, a supervision session taken through
sign-off to an agreed record with both signatures, an automatic backup in ``backups/`` and a
"Back up to…" file. The insecure test KDF keeps the fixtures cheap to open; the page format,
key slots and signatures are the real ones.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from swreflect.core.clock import FakeClock
from swreflect.core.services import Services, build_services
from swreflect.models.journal import EntryContent
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault

PASSPHRASE = "golden fixtures keep their passphrase"


def _open(folder: Path, clock: FakeClock, name: str, role: str) -> tuple[Services, str]:
    vault, recovery = Vault.create(folder, PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, clock)
    services.identity.ensure_identity(name, role)
    return services, recovery


def _journal(services: Services) -> None:
    journal = services.journal
    first = journal.create(
        EntryContent(title="Golden first entry", body="Steady week.", tags=("cpd",))
    )
    journal.update(first.id, EntryContent(title="Golden first entry", body="Steady week, edited."))
    gone = journal.create(EntryContent(title="Golden trashed entry", body="Put in the trash."))
    journal.trash(gone.id)
    journal.save_draft(None, EntryContent(title="Golden draft", body="Half a thought."))
    journal.mark_for_supervision(first.id, "Steady week")


def build(out: Path) -> dict[str, object]:
    from tests.signing.sessions import pair_people, run_session

    clock = FakeClock()
    sam, sam_key = _open(out / "sam", clock, "Sam Okafor", "supervisor")
    priya, priya_key = _open(out / "priya", clock, "Priya Shah", "supervisee")
    try:
        _journal(sam)
        _journal(priya)
        priya_id, _sam_id = pair_people(sam, priya)
        sid = run_session(sam, priya_id)
        record_id = sam.sessions.get(sid).record_id
        priya.signoff.import_file(sam.signoff.request_session_agreement(sid))
        sam.signoff.import_file(priya.signoff.sign(record_id))
        assert sam.signoff.status(record_id) == "agreed"
        for side in (sam, priya):
            side.backups.create_backup()
        sam.backups.back_up_to(out / "sam.swbak")
    finally:
        sam.close()
        priya.close()
    manifest: dict[str, object] = {
        "passphrase": PASSPHRASE,
        "recovery_keys": {"sam": sam_key, "priya": priya_key},
        "record_id": record_id,
        "journal_titles": ["Golden first entry"],
        "trash_titles": ["Golden trashed entry"],
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    for lock in out.rglob("vault.lock"):
        lock.unlink()
    return manifest


if __name__ == "__main__":
    os.environ["SWREFLECT_INSECURE_TEST_KDF"] = "1"
    target = Path(sys.argv[1])
    if target.exists():
        raise SystemExit(f"{target} exists; golden fixtures are never rebuilt in place")
    build(target)
