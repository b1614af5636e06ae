// Base64 and CompactJWT moved to the Signatures target with the hashes; users of CallEvents
// (the decoders, the receiver's Basic credentials) keep seeing them without an import.
@_exported import Signatures
