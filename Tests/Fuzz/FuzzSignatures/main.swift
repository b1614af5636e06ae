import CallEvents
import FuzzSupport

// Any bytes as a JWT, a base64 or hex signature header, or a signed delivery: nothing crashes,
// a decoded JWT re-encodes to its own segments, and no random input is accepted as signed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let jwt = CompactJWT(bytes) {
        let again = Base64.encode(jwt.header, alphabet: .url, padded: false) + "."
            + Base64.encode(jwt.payload, alphabet: .url, padded: false)
        FuzzCheck.require(Array(again.utf8) == jwt.signingInput.filter { $0 != UInt8(ascii: "=") }, "JWT segments do not round-trip")
    }
    if let decoded = Base64.decode(bytes) {
        FuzzCheck.require(Base64.decode(Base64.encode(decoded).utf8) == decoded, "base64 does not round-trip")
    }
    if let decoded = Hex.decode(bytes) {
        FuzzCheck.require(Hex.decode(Hex.encode(decoded).utf8) == decoded, "hex does not round-trip")
    }
    // The first half as headers' values, the rest as the body.
    let half = bytes.count / 2
    let lookup: (String) -> [UInt8]? = { _ in Array(bytes[..<half]) }
    let body = Array(bytes[half...])
    let secrets = [Array("fuzz-secret".utf8)]
    let hmac = HMACScheme(hash: .sha256, signed: "v0:{header:t}:{body}", header: "s", prefix: "v0=",
                          timestampHeader: "t", toleranceSeconds: 0, secrets: secrets)!
    FuzzCheck.require(hmac.check(body: body, header: lookup, now: 0) != .accepted, "a random HMAC accepted")
    FuzzCheck.require(JWTScheme(location: .body, payloadHash: true, toleranceSeconds: 0, secrets: secrets)
        .check(body: bytes, header: lookup, now: 0) != .accepted, "a random JWT accepted")
    FuzzCheck.require(TwilioScheme(secrets: secrets).check(url: body, form: nil, body: body, header: lookup) != .accepted,
                      "a random Twilio signature accepted")
    if size >= 32, let key = Ed25519.PublicKey(bytes[..<32]) {
        FuzzCheck.require(!key.isValidSignature(bytes.dropFirst(32).prefix(64), for: bytes.dropFirst(96)), "a random Ed25519 signature accepted")
    }
    return 0
}
