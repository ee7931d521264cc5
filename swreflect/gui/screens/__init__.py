"""The screens shown before the vault is open: create, recovery key, unlock, recover."""
