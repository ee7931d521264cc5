"""What unlocking is doing, told as it happens, so a long one-off update never looks like a hang.

Why: unlocking a vault made by an earlier version runs the schema update inside the unlock (a
checked copy of the whole vault first, then each migration step). On a career's journal that is
many seconds, and one step (tidying the search index) cannot report from inside itself. The
vault layer reports each stage through an ``UnlockListener``; the GUI and the CLI word and show
them. It lives at the bottom (``models``) because the vault layer makes these reports and the
front ends read them, and neither may import the other.

The texts are the words people see, in one place, so the GUI and the CLI say the same thing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from swreflect.records import FrozenRecord


class UnlockStage(enum.Enum):
    KEY = "key"  # the slow key derivation (every unlock)
    BACKUP = "backup"  # the copy kept before an update (only when an update runs)
    MIGRATE = "migrate"  # one step of the update
    DONE = "done"  # the update has finished (only when one ran)


# Said while an update runs (GUI: under the bar; CLI: once, before the first stage line).
UPDATE_NOTE = (
    "This is a one-off update for the new version of swreflect. Please let it finish: it "
    "can't be cancelled. If the computer stops part-way, nothing is lost: your vault is only "
    "changed in whole steps, a copy of it is kept before the first one, and the update "
    "carries on the next time you unlock."
)
CLOSE_AFTER_UPDATE = "swreflect will close as soon as the update has finished."
UPDATE_NOTE_SHORT = (
    "Updating this vault for the new version of swreflect (one-off). Please don't interrupt "
    "it; a copy is kept first."
)


class UnlockProgress(FrozenRecord):
    """One report: the stage, its plain wording, and how far it has got when that is known.
    (A record, not a dataclass: every unlock makes one, command line calls included.)"""

    stage: UnlockStage
    text: str
    fraction: float | None = None  # 0..1 when the stage can tell; None: it can't (busy)
    step: int = 0  # MIGRATE: this step's place (from 1) among ``steps``
    steps: int = 0

    @property
    def updating(self) -> bool:
        """Part of a schema update (a normal unlock never reports one of these)."""
        return self.stage is not UnlockStage.KEY

    @classmethod
    def key(cls, recovery_key: bool = False) -> UnlockProgress:
        what = "recovery key" if recovery_key else "passphrase"
        return cls(UnlockStage.KEY, f"Checking your {what}…")

    @classmethod
    def backup(cls, fraction: float) -> UnlockProgress:
        return cls(
            UnlockStage.BACKUP,
            "Keeping a copy of your vault before updating it…",
            min(1.0, max(0.0, fraction)),
        )

    @classmethod
    def migration(cls, step: int, steps: int, description: str = "") -> UnlockProgress:
        text = f"Updating your vault: step {step} of {steps}."
        if description:
            text += f" {description}"
        return cls(UnlockStage.MIGRATE, text, None, step, steps)

    @classmethod
    def done(cls) -> UnlockProgress:
        return cls(UnlockStage.DONE, "Update finished: your vault is up to date.", 1.0)


UnlockListener = Callable[[UnlockProgress], None]
