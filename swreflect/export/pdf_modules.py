"""The modules a PDF export needs, in the order they depend on each other.

Importing reportlab and pyHanko takes most of a first export's time. Importing them all at once
blocks for a third of a second or more, so they are listed here as smaller steps (each one
loading a little more than the steps before it) for whoever loads them ahead of time: the GUI,
one step per turn of its event loop (``gui/pdf_warmup.py``), and ``pdf_record.warm_up``. Only
names: importing this module loads none of them. No network library (nor one of its helpers) is
named: pyHanko loads the one it carries for its optional online features inside ``pyhanko.sign``,
the longest step.
"""

from __future__ import annotations

PDF_MODULES: tuple[str, ...] = (
    # certificates and signatures
    "asn1crypto.x509",
    "asn1crypto.cms",
    "cryptography.x509",
    # reportlab: the page layout
    "reportlab.lib.utils",
    "reportlab.lib.colors",
    "reportlab.pdfbase.pdfmetrics",
    "reportlab.pdfbase.ttfonts",
    "reportlab.pdfgen.canvas",
    "reportlab.platypus.flowables",
    "reportlab.platypus",
    # pyHanko's foundations, then pyHanko's signing itself (one step: its package loads whole)
    "asyncio",
    "pyhanko_certvalidator.registry",
    "pyhanko_certvalidator",
    "pyhanko.pdf_utils.generic",
    "pyhanko.pdf_utils.crypt",
    "pyhanko.pdf_utils.reader",
    "pyhanko.pdf_utils.content",
    "pyhanko.pdf_utils.incremental_writer",
    "pyhanko.sign",
    # swreflect's own PDF modules
    "swreflect.export.fonts",
    "swreflect.export.pdf_canvas",
    "swreflect.export.pdf_layout",
    "swreflect.export.pdf_sign",
    "swreflect.export.pdf_render",
    "swreflect.export.pdf_record",
)
