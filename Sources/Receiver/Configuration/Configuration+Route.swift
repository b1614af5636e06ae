import CallEvents

extension Configuration {
    /// One entry of `routes`: a path bound to a vendor, with its own secret and allow-list.
    ///
    /// ```swift
    /// let route = Configuration.Route(name: "voipnow", path: "/hooks/voipnow",
    ///                                 vendor: .vendor(.voipnow), secret: Secret("change-me"))
    /// ```
    public struct Route: Sendable, Equatable {
        /// Unique; used in the log's `route` field and in metrics.
        public var name: String
        /// Unique; starts with `/`, no query, no trailing `/` (except the root `/`).
        public var path: String
        public var vendor: VendorChoice
        /// Accepted as `?token=`, the Basic password, or `Bearer`; nil when none.
        public var secret: Secret?
        /// Client addresses allowed; nil allows any.
        public var allow: [CIDR]?

        public init(name: String, path: String, vendor: VendorChoice, secret: Secret? = nil, allow: [CIDR]? = nil) {
            self.name = name
            self.path = path
            self.vendor = vendor
            self.secret = secret
            self.allow = allow
        }

        /// Neither a secret nor an allow-list: anyone may post.
        public var isOpen: Bool { secret == nil && allow == nil }
    }
}
