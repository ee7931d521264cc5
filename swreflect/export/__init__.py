"""Exports of agreed records: signed PDFs, text, Markdown and CPD text, and their verification.

- ``record_view``: the shared wording of a record (used by every format and by ``verify``);
- ``pdf_render`` (+ ``pdf_layout``, ``pdf_canvas``, ``fonts``): deterministic PDF bytes;
- ``pdf_sign``: records attached, PAdES signature over the whole file (pyHanko);
- ``pdf_record``: the export entry points, written atomically where the user chose;
- ``verify`` (+ ``visible``, ``verify_text``): offline checks of a PDF and their report;
- ``text_export``: the whole record as text or Markdown, for the supervision file (a case
  file gets decisions only: ``core.case_decisions``; the CPD entry is ``core.cpd``).

Importing this package (or any module above) loads neither reportlab, pyHanko nor pypdf: they are
imported inside the functions that need them, so the app starts fast.
"""
