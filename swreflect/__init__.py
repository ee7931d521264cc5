"""swreflect: confidential reflective supervision for social work, kept on your own computer."""

__version__ = "0.1.0"
