"""A verification report in words (command line, Verify dialog) and as JSON.

``known`` maps certificate fingerprints to the names of people this vault has paired with; a
fingerprint found there is named as paired, otherwise the reader is asked to compare it.
"""

from __future__ import annotations

from typing import Any

from swreflect.export import record_view as view
from swreflect.export.verify import VerificationReport
from swreflect.models.vocab import IN_ROOM_LABEL
from swreflect.signing.records import format_fingerprint
from swreflect.timefmt import format_moment


def _who(fingerprint: str | None, known: dict[str, str]) -> str:
    if fingerprint and fingerprint in known:
        return f"paired with you as {known[fingerprint]}"
    return "not checked against a pairing: compare the fingerprint with theirs"


def report_lines(report: VerificationReport, known: dict[str, str] | None = None) -> list[str]:
    known = known or {}
    signer = report.pdf_signer
    when = (
        format_moment(signer.signed_at, with_zone=True) if signer.signed_at else "an unknown time"
    )
    same_key = sorted({e.role for e in report.signatures() if e.fingerprint == signer.fingerprint})
    lines = [
        "Valid: this PDF is unchanged since it was signed.",
        f"PDF self-signed by {signer.name} on {when}",
        f"  fingerprint {format_fingerprint(signer.fingerprint, 16)}",
    ]
    if same_key:
        lines.append(f"  (the same key as the {' and '.join(same_key)}'s signature below)")
    lines += [f"  ({_who(signer.fingerprint, known)})", f"The pages show {report.layout}."]
    for signed in report.records:
        record = signed.record
        lines.append("")
        lines.append(f"{view.title(record)}")
        lines.append(
            f"  record {view.text(record.get('record_id'))}, version "
            f"{view.text(record.get('version'))}, verification code "
            f"{view.verification_code(record)}"
        )
        for sig in view.signed_views(signed):
            if sig.in_room:
                lines.append(f"  {sig.role}: {sig.name}, {sig.how} {sig.when}")
                lines.append(f"    {IN_ROOM_LABEL}")
            else:
                lines.append(f"  {sig.role}: {sig.name}, signature valid, {sig.how} {sig.when}")
                lines.append(f"    fingerprint {' '.join(sig.fingerprint_lines)}")
        comments = view.comment_views(signed.notes)
        if comments:
            lines.append(f"  {view.COMMENTS_HEADING}:")
        for c in comments:
            lines.append(f"    {c.byline}: {c.text}")
        for entry in signed.signatures:
            if entry.fingerprint and entry.fingerprint in known:
                lines.append(
                    f"    {entry.role.capitalize()} is paired with you: {known[entry.fingerprint]}"
                )
    lines += report.notes
    return lines


def report_json(report: VerificationReport, known: dict[str, str] | None = None) -> dict[str, Any]:
    known = known or {}
    signer = report.pdf_signer
    return {
        "valid": True,
        "pdf_signer": {
            "name": signer.name,
            "fingerprint": signer.fingerprint,
            "signed_at": signer.signed_at.isoformat() if signer.signed_at else None,
            "paired_as": known.get(signer.fingerprint),
        },
        "pages": report.layout,
        "records": [
            {
                "record_id": signed.record_id,
                "version": signed.record.get("version"),
                "verification_code": view.verification_code(signed.record),
                "signatures": [
                    {
                        "role": e.role,
                        "name": e.signer_name,
                        "method": e.method,
                        "signed_at": e.signed_at,
                        "fingerprint": e.fingerprint,
                        "paired_as": known.get(e.fingerprint or ""),
                    }
                    for e in signed.signatures
                ],
                "comments": [
                    {
                        "kind": n.kind,
                        "role": n.role,
                        "name": n.author_name,
                        "written_at": n.written_at,
                        "in_room": n.in_room,
                        "text": n.text,
                    }
                    for n in signed.notes
                ],
                "recorded_disagreement": sorted(view.disagreeing_roles(signed.notes)),
            }
            for signed in report.records
        ],
        "notes": report.notes,
    }
