"""Make the schema-4 vault that the migration tests open (run once, with the code of 124bbc5).

The vault in ``v4/`` was written by swreflect as it stood before practice content v2 (commit
124bbc5, schema version 4), so the migration tests open a vault the old code really wrote,
not one rebuilt from today's tables. It uses the cheap test key derivation and the test
passphrase from ``tests/conftest.py``. Kept for the record; re-running it with today's code
would make a vault of today's schema, which is not what the tests need.

    SWREFLECT_INSECURE_TEST_KDF=1 python tests/supervision/old_vault/make_old_vault.py
"""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from swreflect.core.clock import FakeClock
from swreflect.core.services import build_services
from swreflect.vault.kdf import KdfPolicy
from swreflect.vault.vault import Vault

PASSPHRASE = "calm river under a quiet bridge"
HERE = Path(__file__).resolve().parent

OLD_PACK = """\
[pack]
id = "council-pack"
name = "Our council's prompts"
version = 1

[[prompts]]
id = "our.checkin"
stage = "checkin"
text = "How has your week been?"

[[prompts]]
id = "our.agenda"
stage = "agenda"
cycle = "analysis"
text = "What else could explain what you saw?"
"""


def main() -> None:
    folder = HERE / "v4"
    if folder.exists():
        shutil.rmtree(folder)
    clock = FakeClock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    vault, _recovery = Vault.create(folder, PASSPHRASE, KdfPolicy.insecure_for_tests())
    services = build_services(vault, clock)
    sam = services.people.add("Sam Okafor", "supervisee", "they/them")
    ada = services.people.add("Ada Price", "supervisee")
    monthly = services.agreements.add(
        sam.id, "Jo Reyes", frequency="monthly", start_date=date(2026, 1, 5)
    )
    asye = services.agreements.add(
        ada.id, "Jo Reyes", frequency="asye", start_date=date(2026, 1, 5), usual_minutes=60
    )
    services.agreements.change_terms(
        monthly.id, effective_from=date(2026, 3, 1), frequency="custom", custom_days=21
    )
    pack_file = HERE / "council-pack.toml"
    pack_file.write_text(OLD_PACK, encoding="utf-8")
    services.prompts.import_file(pack_file)
    held = services.sessions.start(monthly.id)
    services.sessions.add_note(held.id, "checkin", "Arrived tired but glad to talk.")
    services.sessions.add_note(held.id, "checkin", "My own thought.", visibility="private")
    item = services.sessions.add_agenda_item(held.id, "A family who moved area")
    services.sessions.add_note(held.id, "agenda", "Talked it through.", agenda_item_id=item)
    services.sessions.add_action(held.id, "Book the joint visit", "supervisee", date(2026, 1, 20))
    services.sessions.set_duration(held.id, 70)
    services.sessions.draft_summary(held.id)
    dropped = services.sessions.create(asye.id)
    services.sessions.cancel(dropped.id)
    print(f"{sys.argv[0]}: wrote {folder}")
    services.close()
    vault.lock()


if __name__ == "__main__":
    main()
