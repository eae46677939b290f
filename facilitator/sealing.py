"""Sealing a bundle with a passphrase, for the USB stick between laptops.

AES-256-GCM (authenticated: any change to the file is detected) with a key
derived by scrypt from the passphrase and a random salt. The sealed file is a
small JSON envelope, so `facilitator import` can tell it from a plain bundle.
"""

from __future__ import annotations

import base64
import json
import os

from .errors import BundleError

SEALED_FORMAT = "facilitator-bundle-sealed"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1  # 32 MiB of memory
#: What a bundle may ask of the importing laptop: the envelope names its own
#: settings, and a hostile one must not cost gigabytes or minutes. Twice the
#: memory and four times the work of today's settings leave room to raise them.
MAX_MEMORY = 2 * 128 * SCRYPT_N * SCRYPT_R  # scrypt needs 128·n·r bytes
MAX_WORK = 4 * SCRYPT_N * SCRYPT_R * SCRYPT_P  # and time in proportion to n·r·p
MIN_PASSPHRASE = 8
HEADER_KEYS = ("format", "version", "kdf", "n", "r", "p", "salt", "nonce")


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(payload: bytes, passphrase: str) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(passphrase) < MIN_PASSPHRASE:
        raise BundleError(f"Use a passphrase of at least {MIN_PASSPHRASE} characters.")
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {"format": SEALED_FORMAT, "version": 1, "kdf": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
              "salt": base64.b64encode(salt).decode(), "nonce": base64.b64encode(nonce).decode()}
    aad = json.dumps(header, sort_keys=True).encode()
    ciphertext = AESGCM(_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(nonce, payload, aad)
    return json.dumps({**header, "ciphertext": base64.b64encode(ciphertext).decode()}).encode()


def is_sealed(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == SEALED_FORMAT


def check_envelope(envelope: dict, *, name: str) -> dict:
    """The envelope's header, checked: a kind this release opens, with key
    settings within the caps. Costs nothing, so it runs before a passphrase is asked for."""
    try:
        header = {k: envelope[k] for k in HEADER_KEYS}
        if header["version"] != 1 or header["kdf"] != "scrypt":
            raise BundleError(f"{name}: a sealed bundle of a kind this release cannot open.")
        n, r, p = int(header["n"]), int(header["r"]), int(header["p"])
    except (KeyError, TypeError, ValueError):
        raise BundleError(f"{name}: the sealed bundle is damaged; refused.") from None
    if not (2**10 <= n and n & (n - 1) == 0 and r >= 1 and p >= 1):  # not what any release of ours writes
        raise BundleError(f"{name}: the sealed bundle's key settings (scrypt n={n}, r={r}, p={p}) are not valid "
                          "ones; it is damaged or was not sealed by facilitator; refused.")
    if not (128 * n * r <= MAX_MEMORY and n * r * p <= MAX_WORK):
        raise BundleError(f"{name}: the sealed bundle asks for key settings (scrypt n={n}, r={r}, p={p}) beyond "
                          f"what this release accepts (at most {MAX_MEMORY // 2**20} MiB of memory); refused.")
    return header


def unseal(envelope: dict, passphrase: str, *, name: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = check_envelope(envelope, name=name)
    try:
        salt, nonce = base64.b64decode(header["salt"]), base64.b64decode(header["nonce"])
        ciphertext = base64.b64decode(envelope["ciphertext"])
    except (KeyError, TypeError, ValueError):
        raise BundleError(f"{name}: the sealed bundle is damaged; refused.") from None
    aad = json.dumps(header, sort_keys=True).encode()
    try:
        return AESGCM(_key(passphrase, salt, int(header["n"]), int(header["r"]), int(header["p"]))).decrypt(
            nonce, ciphertext, aad)
    except (InvalidTag, ValueError):
        raise BundleError(f"{name}: wrong passphrase, or the bundle was altered; nothing was imported.") from None
