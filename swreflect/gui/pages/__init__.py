"""Pages of the main window; see ``registry.py`` for the list shown in the navigation rail."""
