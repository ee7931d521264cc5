"""Where to turn: the organisation's wellbeing support and its routes for acting on a concern.

Set once per vault (Settings, "Your organisation") by whoever sets up swreflect for a team, and
shown where they help: the check-in and closing stages, beside the journal's stress note, and
(the routes) in the identity stage, so a disclosure of racism or discrimination has somewhere
named to go. Until the organisation fills them in, a plain general wording is shown, including
a crisis line that is free and open at any hour.
"""

from __future__ import annotations

from typing import Protocol

from swreflect.errors import ValidationError

SUPPORT_KEY = "organisation.wellbeing_support"
ROUTES_KEY = "organisation.disclosure_routes"
MAX_TEXT = 1500

DEFAULT_SUPPORT = (
    "Your organisation's employee assistance programme and occupational health service can "
    "help; your manager or HR can give you their details. If you are struggling to cope, "
    "Samaritans are there day and night on 116 123 (free)."
)
DEFAULT_ROUTES = (
    "Routes for taking a concern further usually include a staff network, the Freedom to Speak "
    "Up guardian, HR and your trade union. Ask your organisation which apply here."
)


class TextSettings(Protocol):
    def text_setting(self, key: str) -> str | None: ...

    def set_text_setting(self, key: str, value: str) -> None: ...


class Signposting:
    def __init__(self, settings: TextSettings) -> None:
        self._settings = settings

    def support(self) -> str:
        return self._settings.text_setting(SUPPORT_KEY) or DEFAULT_SUPPORT

    def routes(self) -> str:
        return self._settings.text_setting(ROUTES_KEY) or DEFAULT_ROUTES

    def is_set_by_organisation(self) -> bool:
        return bool(self._settings.text_setting(SUPPORT_KEY))

    def save(self, support: str, routes: str) -> None:
        """Both texts at once; an empty one goes back to the general wording."""
        support, routes = support.strip(), routes.strip()
        if len(support) > MAX_TEXT or len(routes) > MAX_TEXT:
            raise ValidationError(
                "Please keep each text under 1,500 characters. Nothing was saved."
            )
        self._settings.set_text_setting(SUPPORT_KEY, support)
        self._settings.set_text_setting(ROUTES_KEY, routes)
