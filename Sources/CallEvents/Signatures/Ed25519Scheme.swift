/// `ed25519` (vendors.md, "Signatures"): the `signed` template's bytes, signed with the
/// sender's private key; the signature is base64 in `header`, checked against the route's
/// `public_key`. Telnyx: `{header:telnyx-timestamp}|{body}` in `telnyx-signature-ed25519`.
///
/// ```swift
/// let telnyx = Ed25519Scheme(publicKey: key, signed: "{header:telnyx-timestamp}|{body}",
///                            header: "telnyx-signature-ed25519", timestampHeader: "telnyx-timestamp")!
/// telnyx.check(body: body, header: { headers[$0] }, now: now)
/// ```
public struct Ed25519Scheme: Sendable {
    public var publicKey: Ed25519.PublicKey
    public var header: String
    public var timestampHeader: String?
    public var toleranceSeconds: Int
    let pieces: [HMACScheme.Piece]

    /// nil for a template `HMACScheme` would refuse.
    public init?(publicKey: Ed25519.PublicKey, signed: String = "{body}", header: String,
                 timestampHeader: String? = nil, toleranceSeconds: Int = 300) {
        guard let pieces = HMACScheme.parse(template: signed) else { return nil }
        self.publicKey = publicKey; self.header = header.lowercased()
        self.timestampHeader = timestampHeader?.lowercased(); self.toleranceSeconds = toleranceSeconds
        self.pieces = pieces
    }

    public func check(body: [UInt8], header lookup: (String) -> [UInt8]?, now: Int) -> SignatureCheck {
        guard let presented = lookup(header), !presented.isEmpty else { return .refused(.missing) }
        if let timestampHeader {
            guard let stamp = lookup(timestampHeader), !stamp.isEmpty else { return .refused(.missing) }
            guard let seconds = Int(String(decoding: stamp, as: UTF8.self)) else { return .refused(.bad) }
            if toleranceSeconds > 0, abs(now - seconds) > toleranceSeconds { return .refused(.stale) }
        }
        guard let signature = Base64.decode(presented) else { return .refused(.bad) }
        var message: [UInt8] = []
        for piece in pieces {
            switch piece {
            case .literal(let bytes): message += bytes
            case .body: message += body
            case .header(let name): message += lookup(name) ?? []
            }
        }
        return publicKey.isValidSignature(signature, for: message) ? .accepted : .refused(.bad)
    }
}
