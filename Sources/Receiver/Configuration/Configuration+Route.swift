import CallEvents

extension Configuration {
    /// One entry of `routes`: a path bound to a vendor, with its own secrets, allow-list and
    /// signature check.
    ///
    /// ```swift
    /// let route = Configuration.Route(name: "voipnow", path: "/hooks/voipnow",
    ///                                 vendor: .vendor(.voipnow), secret: Secret("change-me"))
    /// ```
    struct Route: Sendable, Equatable {
        /// Unique; used in the log's `route` field and in metrics.
        var name: String
        /// Unique; starts with `/`, no query, no trailing `/` (except the root `/`).
        var path: String
        var vendor: VendorChoice
        /// `secret`, or every entry of `secrets` (rotation: any one is accepted). Without
        /// `verify` each is accepted as `?token=`, the Basic password, or `Bearer`.
        var secrets: [Secret]
        /// Client addresses allowed; nil allows any.
        var allow: [CIDR]?
        /// The route's `verify`, or its vendor's default; nil when deliveries are unsigned.
        var verify: Verification?
        /// `public_url`: the address the sender signs (Twilio), as written.
        var publicURL: String?
        /// `public_key`: the Ed25519 key in base64, as written.
        var publicKey: String?
        /// `tolerance_seconds` when the route sets it (the scheme's window otherwise).
        var toleranceSeconds: Int?

        init(name: String, path: String, vendor: VendorChoice, secret: Secret? = nil, allow: [CIDR]? = nil,
             secrets: [Secret] = [], verify: Verification? = nil, publicURL: String? = nil,
             publicKey: String? = nil, toleranceSeconds: Int? = nil) {
            self.name = name
            self.path = path
            self.vendor = vendor
            self.secrets = (secret.map { [$0] } ?? []) + secrets
            self.allow = allow
            self.verify = verify
            self.publicURL = publicURL
            self.publicKey = publicKey
            self.toleranceSeconds = toleranceSeconds
        }

        /// The first secret; the only one for a route written with `secret`.
        var secret: Secret? {
            get { secrets.first }
            set { secrets = newValue.map { [$0] } ?? [] }
        }

        /// Neither a secret, a signature check nor an allow-list: anyone may post.
        var isOpen: Bool { secrets.isEmpty && verify == nil && allow == nil }
    }
}
