"""Pages of the main window, each built by a ``(services) -> QWidget`` factory."""
