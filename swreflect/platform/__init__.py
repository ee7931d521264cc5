"""platform layer."""
