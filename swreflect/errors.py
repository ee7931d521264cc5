"""Typed errors: each carries plain, user-safe wording and a command-line exit code.

The wording never contains record content, names or secrets, so an error can be shown,
printed to stderr or logged without leaking anything. Layers raise these; the CLI maps
``exit_code`` straight to the process exit status and the GUI shows ``message``.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_WRONG_SECRET = 3
EXIT_DAMAGED = 4
EXIT_IN_USE = 5
EXIT_VERIFY_FAILED = 6


class SwreflectError(Exception):
    """Base of every error a user may see."""

    exit_code: int = EXIT_ERROR
    default_message: str = "Something went wrong. Nothing was changed."

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class UsageError(SwreflectError):
    exit_code = EXIT_USAGE
    default_message = "That command was not understood."


class WrongPassphraseError(SwreflectError):
    exit_code = EXIT_WRONG_SECRET
    default_message = (
        "That passphrase didn't open the vault. Nothing was changed; please try again."
    )


class WrongRecoveryKeyError(SwreflectError):
    exit_code = EXIT_WRONG_SECRET
    default_message = (
        "That recovery key didn't open the vault. Nothing was changed; "
        "check each group and try again."
    )


class VaultDamagedError(SwreflectError):
    exit_code = EXIT_DAMAGED
    default_message = (
        "The vault file is damaged and can't be read safely. Nothing was changed; "
        "restore it from a backup."
    )


class KeyslotFileError(VaultDamagedError):
    default_message = (
        "The vault's key file (keyslots.json) is missing, incomplete or unreadable. "
        "Nothing was changed; restore it from a backup."
    )


class VaultRolledBackError(VaultDamagedError):
    default_message = (
        "This vault's database is an older copy than the one last opened here: it has been "
        "replaced with an earlier vault.db. Nothing was changed. Put the newest vault.db "
        "back, or restore a backup if you meant to go back in time."
    )


class WalDamagedError(VaultDamagedError):
    def __init__(self, kept_name: str) -> None:
        super().__init__(
            "The vault's log of recent changes (vault.db-wal) is damaged, so opening it would "
            f"silently lose changes. Nothing was changed; a copy of the log was kept as "
            f"{kept_name} in the vault folder. Restore the vault from a backup, keeping that "
            "copy for anyone helping you recover the lost changes."
        )


class VaultInUseError(SwreflectError):
    exit_code = EXIT_IN_USE
    default_message = (
        "The vault is open in another swreflect window or command. "
        "Close that first, then try again."
    )


class VaultNotFoundError(SwreflectError):
    default_message = "There is no vault here yet. Create one first with 'swreflect init'."


class VaultExistsError(SwreflectError):
    default_message = "A vault already exists here. Nothing was changed."


class VaultTooNewError(SwreflectError):
    default_message = (
        "This vault was written by a newer version of swreflect. Nothing was changed; "
        "please update swreflect to open it."
    )


class VaultLockedError(SwreflectError):
    default_message = "The vault is locked. Unlock it first."


class CipherUnavailableError(SwreflectError):
    default_message = (
        "swreflect can't find its encryption library (SQLCipher), so it won't open anything. "
        "Reinstall swreflect."
    )


class WeakPassphraseError(SwreflectError):
    exit_code = EXIT_USAGE
    default_message = "Please choose a longer passphrase: at least 12 characters."


class PassphraseMismatchError(SwreflectError):
    exit_code = EXIT_USAGE
    default_message = "The two passphrases don't match. Nothing was changed."


class NotFoundError(SwreflectError):
    default_message = "That item wasn't found."


class ValidationError(SwreflectError):
    exit_code = EXIT_USAGE
    default_message = "Some of what was entered isn't valid. Nothing was saved."


class ResourceError(SwreflectError):
    default_message = "A template or prompt file couldn't be read."


class VerificationFailedError(SwreflectError):
    exit_code = EXIT_VERIFY_FAILED
    default_message = "This file could not be verified."


class VaultWriteError(SwreflectError):
    default_message = (
        "swreflect couldn't save that (the disk may be full or failing). "
        "Nothing was changed; free some space and try again."
    )


class VaultIOError(SwreflectError):
    """The disk refused a read or write while opening: not damage, so never "restore"."""

    default_message = (
        "swreflect couldn't open the vault's files because the disk is full or failing. "
        "Nothing was changed and your vault is fine; free some space and try again."
    )


class VaultReadOnlyError(SwreflectError):
    default_message = (
        "This vault is on a read-only disk or folder, so it can be read but not changed. "
        "Nothing was changed; copy the vault somewhere writable to make changes."
    )


class KeyslotWriteError(SwreflectError):
    default_message = (
        "The new passphrase or recovery key couldn't be saved (the disk may be full or "
        "failing). Nothing was changed: the old one still opens the vault."
    )


class FolderNotEmptyError(SwreflectError):
    default_message = (
        "That folder already holds other files, so no vault was created there. "
        "Nothing was changed; choose a new or empty folder."
    )


class VaultFolderError(SwreflectError):
    default_message = (
        "swreflect couldn't create the vault in that folder (it may be read-only or the disk "
        "full). No vault was created; choose another folder or free some space."
    )


class JournalEntryNotFoundError(NotFoundError):
    default_message = "That journal entry wasn't found. Nothing was changed."


class JournalInputError(ValidationError):
    default_message = "Some of what was entered isn't valid. Nothing was saved."


class SessionClosedError(SwreflectError):
    default_message = (
        "This session can no longer be changed because it has moved on to sign-off. "
        "Nothing was changed."
    )


# --------------------------------------------------------------------------- backups (issue 7)
class BackupFailedError(SwreflectError):
    default_message = (
        "The backup could not be written or checked (the disk may be full or failing). "
        "Your vault was not changed."
    )


class BackupCancelledError(SwreflectError):
    default_message = "The backup was put off. Your vault was not changed; it will be made later."


class BackupFileDamagedError(SwreflectError):
    exit_code = EXIT_DAMAGED
    default_message = (
        "That backup file is damaged or incomplete, so it can't be restored safely. "
        "Your current vault was not changed; try another backup."
    )


class BackupTooNewError(SwreflectError):
    default_message = (
        "That backup was made by a newer version of swreflect. Nothing was changed; "
        "please update swreflect to restore it."
    )


class NoGoodBackupError(SwreflectError):
    exit_code = EXIT_DAMAGED
    default_message = (
        "No automatic backup could be opened and checked. Nothing was changed; "
        "restore from a backup file you saved elsewhere."
    )


class RestoreFailedError(SwreflectError):
    default_message = (
        "The restore could not be finished. Your current vault was not changed; please try again."
    )


class DifferentVaultError(SwreflectError):
    exit_code = EXIT_USAGE
    default_message = (
        "That backup belongs to a different vault from the one here. Nothing was changed; "
        "choose an empty folder, or confirm that you want to replace this vault."
    )


class ImportRefusedError(SwreflectError):
    exit_code = EXIT_USAGE
    default_message = (
        "That export can't be imported here. Nothing was changed; "
        "import it into a new, empty vault."
    )


class ExportFileInvalidError(SwreflectError):
    default_message = (
        "That file isn't a valid swreflect JSON export, or it is incomplete. Nothing was changed."
    )


class OutputFileError(SwreflectError):
    default_message = (
        "swreflect couldn't write the file there (the folder may be missing, read-only or "
        "full). Your vault was not changed; choose another place and try again."
    )


class NotAnOrdinaryFileError(OutputFileError):
    default_message = (
        "That name is a link, a device or a folder, not an ordinary file, so swreflect won't "
        "replace it. Nothing was written; choose an ordinary file name (or - for the screen)."
    )


# --------------------------------------------------------------------------- signing and exchange


class IdentityCardError(SwreflectError):
    exit_code = EXIT_VERIFY_FAILED
    default_message = (
        "That file isn't a swreflect identity card, or it has been damaged. Nothing was changed; "
        "ask the other person to export their card again."
    )


class FingerprintNotConfirmedError(SwreflectError):
    exit_code = EXIT_USAGE
    default_message = (
        "Pairing needs you to confirm that the fingerprints match, read aloud or side by side. "
        "Nothing was changed."
    )


class IdentityChangedError(SwreflectError):
    exit_code = EXIT_VERIFY_FAILED
    default_message = (
        "This person's signing key is different from the one you paired with. This can happen "
        "after a new laptop or vault, but it can also mean someone is pretending to be them. "
        "Nothing was changed. Compare fingerprints with them in person, then pair again on purpose."
    )


class NotPairedError(SwreflectError):
    default_message = (
        "You haven't paired with this person yet. Nothing was changed; "
        "import their identity card and confirm the fingerprints first."
    )


class ExchangeFileError(SwreflectError):
    """Base of every problem with an agreement exchange file; the vault is never changed."""

    exit_code = EXIT_VERIFY_FAILED
    default_message = "That agreement file couldn't be used. Nothing was changed."


class NotAnExchangeFileError(ExchangeFileError):
    default_message = (
        "That file isn't a swreflect agreement file. Nothing was changed; "
        "check you picked the file you were sent."
    )


class ExchangeTruncatedError(ExchangeFileError):
    default_message = (
        "That agreement file is incomplete: it may have been cut short while copying. "
        "Nothing was changed; ask the sender to send it again."
    )


class ExchangeTamperedError(ExchangeFileError):
    default_message = (
        "That agreement file has been changed since it was made, so it can't be trusted. "
        "Nothing was changed; ask the sender to make a new one."
    )


class ExchangeReplayedError(ExchangeFileError):
    default_message = (
        "That agreement file has already been imported. Nothing was changed; "
        "if you expected something new, ask the sender for their latest file."
    )


class ExchangeWrongRecipientError(ExchangeFileError):
    default_message = (
        "That agreement file was made for someone else's vault, so it can't be opened here. "
        "Nothing was changed."
    )


class ExchangeUnknownSenderError(ExchangeFileError):
    default_message = (
        "That agreement file comes from someone you haven't paired with. Nothing was changed; "
        "pair with them first by swapping identity cards."
    )


class ExchangeTooNewError(ExchangeFileError):
    default_message = (
        "That agreement file was made by a newer version of swreflect. Nothing was changed; "
        "please update swreflect to open it."
    )


class RecordAgreedError(SwreflectError):
    default_message = (
        "This record has been agreed and signed, so it can't be changed. Nothing was changed; "
        "add an addendum to correct or add to it."
    )


class AgreementStateError(SwreflectError):
    default_message = (
        "That step doesn't fit where this record is in its agreement. Nothing was changed."
    )


class ExportFailedError(SwreflectError):
    default_message = (
        "The export couldn't be written there. Nothing was changed in your vault; "
        "check the folder exists, that there is space, and try again."
    )


class CertificateNameError(ExportFailedError):
    default_message = (
        "Your signing certificate was made with a name that PDF signatures can't carry (it has "
        "emoji or similar characters), so no PDF was written. Nothing in your vault was changed. "
        "You can still save the record as text or Markdown."
    )


class NotASwreflectRecordError(VerificationFailedError):
    default_message = "This is not a swreflect record: it carries no swreflect signature."
