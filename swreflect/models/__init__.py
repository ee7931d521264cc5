"""The bottom layer: plain data and the shared vocabulary, imported by every other layer.

``journal`` and ``supervision`` hold the records the repositories return and the services pass
around; ``signing`` holds the signing tables' rows; ``vocab`` spells every role, function and
status once. Nothing here touches SQL, files, keys or Qt, and nothing here imports another
swreflect layer except ``errors`` (docs/architecture.md, enforced by tests/test_architecture.py).
"""
