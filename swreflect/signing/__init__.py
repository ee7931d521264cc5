"""Signing layer: identities, the canonical record form, signatures and exchange files.

How two people agree a record without any network (docs/architecture.md §6):

1. **Identity** (``identity``): each vault has one ECDSA P-256 key and a self-signed X.509
   certificate naming its owner, kept inside the encrypted database. Its fingerprint is the
   SHA-256 of the certificate's DER bytes, shown as eight groups of four hex digits.
2. **Pairing**: the two people swap identity cards (``*.swid``, a small JSON file with the
   certificate) and compare fingerprints aloud or side by side before confirming. A later card
   with a different key for the same person is refused unless they deliberately re-pair.
3. **Canonical form** (``canonical``): sorted-key UTF-8 JSON without whitespace or floats; the
   exact bytes that are signed. **Signatures** (``records``) cover the record's SHA-256, the
   signer's role and the signing time.
4. **Exchange files** (``exchange``, ``*.swx``): a request or answer (``messages``) signed by the
   sender and encrypted to the recipient's key (ephemeral ECDH P-256, HKDF-SHA256, AES-256-GCM,
   the header as associated data). Only the named recipient's vault can open one; tampering,
   truncation, replay, a wrong recipient or an unknown sender each has its own typed error.

Design notes and limits:
- The same P-256 key signs and receives exchange files (ECDH), as the architecture asks. Every
  signed or derived input carries its own purpose string. Reusing one key for ECDSA and ECDH
  has no known practical weakness, but a later card format could carry a separate key for each.
- Replay protection remembers every imported message id per sender; an answer for a record
  version that was already replaced or agreed is refused by state, not by id.
- Exchange files carry no date-based expiry: the flow's state (which version is out, what is
  agreed) decides what an old file may still do.
"""
