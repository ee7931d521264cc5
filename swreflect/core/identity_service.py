"""The vault owner's signing identity and the people they have paired with.

Pairing is deliberately a human step: the two people compare fingerprints (aloud, or side by
side) and only then confirm. A different key arriving for someone already paired is refused
with ``IdentityChangedError`` unless the caller explicitly asks to re-pair, and every pairing
and re-pairing is kept as an event.
"""

from __future__ import annotations

from swreflect.core.clock import Clock
from swreflect.errors import (
    FingerprintNotConfirmedError,
    IdentityCardError,
    IdentityChangedError,
    NotPairedError,
    ValidationError,
)
from swreflect.models.signing import Pairing, StoredIdentity
from swreflect.signing.identity import Identity, IdentityCard, new_identity, validate_card
from swreflect.vault.settings_repo import SettingsRepository
from swreflect.vault.signing_repo import SigningRepository
from swreflect.vault.vault import Vault

DEFAULT_DISPLAY_NAME = "swreflect user"
OWNER_NAME_SETTING = "owner_display_name"


class IdentityService:
    def __init__(
        self, vault: Vault, repo: SigningRepository, settings: SettingsRepository, clock: Clock
    ) -> None:
        self._vault = vault
        self._repo = repo
        self._settings = settings
        self._clock = clock
        self._cached: Identity | None = None

    # ------------------------------------------------------------- own identity
    def has_identity(self) -> bool:
        return self._repo.identity() is not None

    def ensure_identity(self, display_name: str | None = None, role: str = "") -> Identity:
        """The owner's identity, created on first need (one key per vault, never replaced)."""
        if self._cached is not None:
            return self._cached
        stored = self._repo.identity()
        if stored is None:
            name = (display_name or self._owner_name_setting() or DEFAULT_DISPLAY_NAME).strip()
            ident = new_identity(name, role, self._clock.now())
            with self._vault.transaction():
                if self._repo.identity() is None:
                    self._repo.insert_identity(
                        StoredIdentity(
                            ident.display_name,
                            ident.role,
                            ident.private_key_pem(),
                            ident.certificate_pem(),
                            ident.fingerprint,
                            self._clock.now().isoformat(timespec="seconds"),
                        )
                    )
            stored = self._repo.identity()
            assert stored is not None
        self._cached = Identity.from_pem(
            stored.display_name, stored.role, stored.private_key_pem, stored.certificate_pem
        )
        return self._cached

    def _owner_name_setting(self) -> str | None:
        value = self._settings.get(OWNER_NAME_SETTING)
        return value if value and value.strip() else None

    def known_signers(self) -> dict[str, str]:
        """Certificate fingerprint -> how to name whoever signed with it: each paired person by
        name, and the owner as "<name> (you)". The one naming every front end uses when it shows
        who signed a record or a PDF. The owner's identity is read, never created, here."""
        known = {p.fingerprint: p.display_name for p in self.pairings()}
        own = self._repo.identity()
        if own is not None:
            known[own.fingerprint] = f"{own.display_name} (you)"
        return known

    def export_card(self) -> bytes:
        return self.ensure_identity().card().to_bytes()

    # ------------------------------------------------------------- pairing
    @staticmethod
    def read_card(data: bytes) -> IdentityCard:
        return IdentityCard.parse(data)

    def pair(
        self,
        person_ref: str,
        card: IdentityCard,
        *,
        fingerprints_match: bool,
        replace_key: bool = False,
    ) -> Pairing:
        """Trust ``card`` as ``person_ref``'s identity once the user has confirmed fingerprints."""
        person_ref = str(person_ref).strip()
        if not person_ref:
            raise ValidationError("Please say who this identity card belongs to.")
        card = validate_card(card)
        if not fingerprints_match:
            raise FingerprintNotConfirmedError()
        if card.fingerprint == self.ensure_identity().fingerprint:
            raise IdentityCardError(
                "That is your own identity card. Nothing was changed; pair with the other "
                "person's card instead."
            )
        existing = self._repo.pairing(person_ref)
        other = self._repo.pairing_by_fingerprint(card.fingerprint)
        if other is not None and other.person_ref != person_ref:
            raise IdentityCardError(
                "That identity card is already paired with someone else in your vault. "
                "Nothing was changed."
            )
        event = "paired"
        if existing is not None and existing.fingerprint != card.fingerprint:
            if not replace_key:
                raise IdentityChangedError()
            event = "re-paired"
        if existing is not None and existing.fingerprint == card.fingerprint:
            return existing
        pairing = Pairing(
            person_ref,
            card.display_name,
            card.role,
            card.certificate_pem,
            card.fingerprint,
            self._clock.now().isoformat(timespec="seconds"),
        )
        with self._vault.transaction():
            self._repo.save_pairing(pairing, event)
        return pairing

    def pairing(self, person_ref: str) -> Pairing:
        found = self._repo.pairing(str(person_ref))
        if found is None:
            raise NotPairedError()
        return found

    def pairing_by_fingerprint(self, fingerprint: str) -> Pairing | None:
        return self._repo.pairing_by_fingerprint(fingerprint)

    def pairings(self) -> list[Pairing]:
        return self._repo.pairings()

    def pairing_history(self, person_ref: str) -> list[tuple[str, str, str]]:
        """(fingerprint, event, when) for every pairing and re-pairing with this person."""
        return self._repo.pairing_events(str(person_ref))

    def check_known_key(self, person_ref: str, card: IdentityCard) -> None:
        """Raise ``IdentityChangedError`` if ``card`` differs from the key paired for them."""
        existing = self._repo.pairing(str(person_ref))
        if existing is not None and existing.fingerprint != validate_card(card).fingerprint:
            raise IdentityChangedError()
