"""Widgets for the Insights page: charts drawn in code and the per-pair card."""
