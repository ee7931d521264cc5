"""One rule for where a new note goes: the session service, the note editor and the CLI all
ask ``record_guidance.default_visibility``. Two copies of the rule had drifted: the one the
editor and the CLI used didn't know a debrief's own stage is private by default."""

from __future__ import annotations

from swreflect.core.record_guidance import default_visibility
from swreflect.core.sessions import SessionService
from swreflect.models.supervision import PRIVATE_BY_DEFAULT_STAGES, STAGE_KEYS


def test_every_stage_has_one_default_everywhere() -> None:
    for key in STAGE_KEYS:
        assert SessionService.default_visibility(key) == default_visibility(key), key


def test_private_stages_default_to_private() -> None:
    for key in ("learning", "identity", *PRIVATE_BY_DEFAULT_STAGES):
        assert default_visibility(key) == "private", key
    assert default_visibility("checkin") == "shared"
