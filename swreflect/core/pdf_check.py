"""Checking a PDF someone sent: is it a genuine, unchanged swreflect record, and who signed it?

The CLI's ``verify FILE`` and the GUI's "Check a signed PDF" dialog both call ``check_pdf`` and
word the result with ``PdfCheck.lines`` (or ``as_json``), so both name signers the same way.
Nothing needs an unlocked vault; ``known`` (fingerprint -> name, from
``IdentityService.known_signers``) only adds names of paired people. Nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from swreflect.export.verify import VerificationReport


@dataclass(frozen=True)
class PdfCheck:
    """A file that passed every check, and what it proved."""

    report: VerificationReport

    def lines(self, known: dict[str, str] | None = None) -> list[str]:
        """The verdict first, then who signed what and when, with fingerprints."""
        from swreflect.export.verify_text import report_lines

        return report_lines(self.report, known)

    def as_json(self, known: dict[str, str] | None = None) -> dict[str, Any]:
        from swreflect.export.verify_text import report_json

        return report_json(self.report, known)


def check_pdf(path: Path) -> PdfCheck:
    """Read and check ``path``; raises ``VerificationFailedError`` (with the reason in plain
    words) unless it is a genuine swreflect record. Slow enough for a worker."""
    from swreflect.export.verify import verify_file

    return PdfCheck(verify_file(Path(path)))
