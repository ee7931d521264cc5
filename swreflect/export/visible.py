"""Does what the PDF shows match the records attached to it?

The exporting person signs the PDF, so the signature alone can't stop them showing one text while
attaching a record the other person signed. The verifier therefore re-renders the attached
records and compares:

- same renderer (``pdf_render.renderer_id``): page by page, the decoded content streams, the
  embedded font programs, images and annotations must be identical (the one invisible signature
  widget aside). Any drawn difference, even a white box over a line, fails.
- a file made by another version of the renderer (fonts or layout may have moved on): the
  extracted text, whitespace aside, must be identical; failing that (the wording around the
  record changed between versions), every word the people wrote and signed must be on the
  pages. Both are weaker than the exact check, and the report says which was used. A layout
  change must therefore bump ``pdf_render.RENDERER`` (a golden test enforces it).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from io import BytesIO
from typing import Any

from swreflect.errors import VerificationFailedError
from swreflect.export import record_view as view
from swreflect.signing.records import SignedRecord

EXACT = "exactly the records attached inside it"
TEXT_ONLY = (
    "the same text as the records attached inside it (laid out by another swreflect version)"
)
CONTENT_ONLY = "every word of the records attached inside it (worded by another swreflect version)"
MISMATCH = "The pages don't show what the attached record says: the PDF has been altered."


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _stream_digest(obj: Any) -> str:
    obj = obj.get_object()
    return _digest(obj.get_data()) if hasattr(obj, "get_data") else repr(obj)


def _font_digest(font: Any) -> tuple[str, ...]:
    font = font.get_object()
    parts = [str(font.get("/Subtype")), str(font.get("/BaseFont"))]
    descendants = font.get("/DescendantFonts")
    faces = [d.get_object() for d in descendants.get_object()] if descendants else [font]
    for face in faces:
        descriptor = face.get("/FontDescriptor")
        if descriptor is not None:
            descriptor = descriptor.get_object()
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if key in descriptor:
                    parts.append(_stream_digest(descriptor[key]))
        widths = face.get("/Widths") or face.get("/W")
        parts.append(repr(widths.get_object()) if widths is not None else "")
    for key in ("/ToUnicode", "/Encoding"):
        if key in font:
            value = font[key].get_object()
            parts.append(_stream_digest(value) if hasattr(value, "get_data") else repr(value))
    return tuple(parts)


def _plain(value: Any, pages: dict[int, int], depth: int = 0) -> Any:
    """A comparable form of a PDF value, with page references as page numbers."""
    from pypdf.generic import IndirectObject

    if depth > 6:
        return "..."
    if isinstance(value, IndirectObject):
        if value.idnum in pages:
            return ("page", pages[value.idnum])
        return _plain(value.get_object(), pages, depth + 1)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _plain(v, pages, depth + 1)) for k, v in value.items()))
    if isinstance(value, list):
        return tuple(_plain(v, pages, depth + 1) for v in value)
    return repr(value)


def _annotations(page: Any, pages: dict[int, int]) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    for annot in page.get("/Annots") or []:
        annot = annot.get_object()
        subtype = str(annot.get("/Subtype"))
        rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
        if subtype == "/Widget" and rect[0] == rect[2] and rect[1] == rect[3]:
            continue  # the invisible signature field
        dest = _plain(annot.get("/Dest"), pages)
        found.append((subtype, repr(rect), dest, _plain(annot.get("/A"), pages)))
    return found


def page_fingerprints(data: bytes) -> list[tuple[Any, ...]]:
    """Everything that decides how each page looks, reduced to comparable digests."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    numbers = {
        page.indirect_reference.idnum: index
        for index, page in enumerate(reader.pages)
        if page.indirect_reference is not None
    }
    pages = []
    fonts_seen: dict[tuple[Any, Any], tuple[str, ...]] = {}

    def font_digest(font: Any) -> tuple[str, ...]:
        """Each shared font is decoded and hashed once per file, not once per page."""
        key = (getattr(font, "idnum", None), getattr(font, "generation", None))
        if key[0] is None:
            return _font_digest(font)
        if key not in fonts_seen:
            fonts_seen[key] = _font_digest(font)
        return fonts_seen[key]

    for page in reader.pages:
        contents = page.get_contents()
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else {}
        fonts = resources.get("/Font")
        fonts = fonts.get_object() if fonts is not None else {}
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else {}
        pages.append(
            (
                _digest(contents.get_data()) if contents is not None else "",
                tuple(sorted((str(k), font_digest(v)) for k, v in fonts.items())),
                tuple(sorted((str(k), _stream_digest(v)) for k, v in xobjects.items())),
                tuple(sorted(str(k) for k in resources)),
                repr([float(v) for v in page.mediabox]),
                repr([float(v) for v in page.cropbox]),
                int(page.get("/Rotate", 0)),
                tuple(_annotations(page, numbers)),
                tuple(sorted(str(k) for k in page if k not in ("/Annots", "/Parent"))),
            )
        )
    return pages


def page_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(data))
    return "".join("".join((page.extract_text() or "").split()) for page in reader.pages)


def content_words(signed: SignedRecord) -> Counter[str]:
    """Every word the people wrote, signed or replied in a record (not labels or dates)."""
    record = signed.record
    texts = [value for _label, value in view.title_rows(record)[:2]]
    for stage in view.stages(record):
        texts.append(stage.title)
        texts += [part for note in stage.notes for part in note]
    texts += [view.summary(record), view.addendum_text(record), *view.decisions(record)]
    texts += [row[0] + " " + row[1] for row in view.action_rows(record)]
    texts += [entry.signer_name for entry in signed.signatures]
    texts += [c.name + " " + c.text for c in view.comment_views(signed.notes)]
    return Counter(word for value in texts for word in value.split())


def _all_words_shown(data: bytes, records: Sequence[SignedRecord]) -> bool:
    shown = page_text(data)
    needed: Counter[str] = Counter()
    for signed in records:
        needed.update(content_words(signed))
    return all(shown.count(word) >= count for word, count in needed.items())


def check_visible(
    data: bytes, records: Sequence[SignedRecord], renderer: str
) -> tuple[str, list[str]]:
    """Raise unless ``data`` shows ``records``; returns how closely it was matched."""
    from swreflect.export.pdf_render import render_pdf, renderer_id

    expected = render_pdf(records)
    try:
        if renderer == renderer_id():
            if page_fingerprints(data) != page_fingerprints(expected):
                raise VerificationFailedError(MISMATCH)
            return EXACT, []
        if page_text(data) == page_text(expected):
            return TEXT_ONLY, [
                "This file was laid out by another version of swreflect, so its text was "
                "compared rather than every drawn detail."
            ]
        if not _all_words_shown(data, records):
            raise VerificationFailedError(MISMATCH)
    except VerificationFailedError:
        raise
    except Exception as exc:  # pypdf raises many kinds on malformed page trees
        raise VerificationFailedError(MISMATCH) from exc
    return CONTENT_ONLY, [
        "This file was made by another version of swreflect with different wording around "
        "the record. Every word of the agreed record was found on its pages, but the rest of "
        "the page wasn't compared: read it against the record if it matters."
    ]
