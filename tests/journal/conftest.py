"""Journal tests use the shared vault, clock and services fixtures of tests/conftest.py."""
