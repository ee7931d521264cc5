"""People: those you supervise and those who supervise you (never the people you work with)."""

from __future__ import annotations

import uuid

from swreflect.core.clock import Clock
from swreflect.core.id_prefix import MIN_ID_PREFIX
from swreflect.core.unit_of_work import Transaction, atomic
from swreflect.errors import NotFoundError, ValidationError
from swreflect.models.supervision import Person
from swreflect.models.vocab import Role
from swreflect.vault.supervision import PeopleRepository

MAX_NAME = 120


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("Please give the person a name. Nothing was saved.")
    if len(name) > MAX_NAME:
        raise ValidationError("That name is too long (120 characters at most). Nothing was saved.")
    return name


def _check_role(role: str) -> str:
    if role not in tuple(Role):
        raise ValidationError(
            "The role must be 'supervisee' (someone you supervise) or 'supervisor' "
            "(someone who supervises you). Nothing was saved."
        )
    return role


class PeopleService:
    def __init__(self, repo: PeopleRepository, clock: Clock, *, transaction: Transaction) -> None:
        self._transaction = transaction
        self._repo = repo
        self._clock = clock

    @atomic
    def add(self, display_name: str, role: str, pronouns: str = "") -> Person:
        person = Person(
            str(uuid.uuid4()), _clean_name(display_name), _check_role(role), pronouns.strip()
        )
        self._repo.add(person, self._clock.now().isoformat(timespec="seconds"))
        return person

    @atomic
    def update(self, person_id: str, display_name: str, role: str, pronouns: str = "") -> Person:
        person = Person(person_id, _clean_name(display_name), _check_role(role), pronouns.strip())
        if not self._repo.update(person):
            raise NotFoundError("That person wasn't found. Nothing was changed.")
        return person

    def get(self, person_id: str) -> Person:
        person = self._repo.get(person_id)
        if person is None:
            raise NotFoundError("That person wasn't found.")
        return person

    def list(self) -> list[Person]:
        return self._repo.list()

    def find(self, id_or_name: str) -> Person:
        """By id, id prefix or exact name (case-insensitive): what the CLI accepts."""
        people = self._repo.list()
        wanted = id_or_name.strip().casefold()
        exact = [p for p in people if p.id == id_or_name or p.display_name.casefold() == wanted]
        if len(exact) == 1:
            return exact[0]
        prefixed = [p for p in people if len(wanted) >= MIN_ID_PREFIX and p.id.startswith(wanted)]
        if len(prefixed) == 1:
            return prefixed[0]
        # "--person Sam" for Sam Okafor: one whole word of exactly one person's name.
        by_word = [p for p in people if wanted in p.display_name.casefold().split()]
        if not exact and not prefixed and len(by_word) == 1:
            return by_word[0]
        if len(exact) > 1 or len(prefixed) > 1:
            raise ValidationError("More than one person matches that; use their id.")
        raise NotFoundError("Nobody with that name or id was found.")
