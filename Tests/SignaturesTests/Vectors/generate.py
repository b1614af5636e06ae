#!/usr/bin/env python3
"""Writes hashes.json and ed25519.json beside this script: random cases computed by Python's
hashlib and hmac and the `cryptography` package, an implementation independent of ours.
Seeded, so running it again gives the same files.  Usage: python3 generate.py"""
import hashlib, hmac, json, os, random

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

rng = random.Random(20261202)
here = os.path.dirname(os.path.abspath(__file__))

def data(n):
    return bytes(rng.getrandbits(8) for _ in range(n))

hashes = []
# Every length 0..300 (all padding boundaries of 64- and 128-byte blocks), then multi-block.
lengths = list(range(0, 301)) + [511, 512, 513, 1023, 1024, 1025, 4096, 9999]
for n in lengths:
    message = data(n)
    key = data(rng.choice([0, 1, 16, 20, 32, 63, 64, 65, 128, 129, 200]))
    hashes.append({
        "message": message.hex(), "key": key.hex(),
        "sha1": hashlib.sha1(message).hexdigest(),
        "sha256": hashlib.sha256(message).hexdigest(),
        "sha512": hashlib.sha512(message).hexdigest(),
        "hmac_sha1": hmac.new(key, message, hashlib.sha1).hexdigest(),
        "hmac_sha256": hmac.new(key, message, hashlib.sha256).hexdigest(),
        "hmac_sha512": hmac.new(key, message, hashlib.sha512).hexdigest(),
    })

signatures = []
for i in range(200):
    private = Ed25519PrivateKey.from_private_bytes(data(32))
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    message = data(rng.choice([0, 1, 31, 64, 100, 300, 1024]))
    signature = private.sign(message)
    signatures.append({"public_key": public.hex(), "message": message.hex(),
                       "signature": signature.hex(), "valid": True})
    # The same signature with one bit flipped somewhere: refused.
    flipped = bytearray(signature)
    position = rng.randrange(64 * 8)
    flipped[position // 8] ^= 1 << (position % 8)
    valid = True
    try:
        private.public_key().verify(bytes(flipped), message)
    except Exception:
        valid = False
    signatures.append({"public_key": public.hex(), "message": message.hex(),
                       "signature": bytes(flipped).hex(), "valid": valid})

with open(os.path.join(here, "hashes.json"), "w") as f:
    json.dump(hashes, f, indent=0)
with open(os.path.join(here, "ed25519.json"), "w") as f:
    json.dump(signatures, f, indent=0)
