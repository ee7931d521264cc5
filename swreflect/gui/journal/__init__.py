"""Widgets of the Journal page (the page itself is ``gui/pages/journal_page.py``)."""
