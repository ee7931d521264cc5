"""Widgets for guided supervision sessions (the pages live in ``gui/pages``)."""
