import CallEvents

extension Configuration {
    /// One entry of `routes`: a path bound to a vendor, with its own secret and allow-list.
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
        /// Accepted as `?token=`, the Basic password, or `Bearer`; nil when none.
        var secret: Secret?
        /// Client addresses allowed; nil allows any.
        var allow: [CIDR]?

        init(name: String, path: String, vendor: VendorChoice, secret: Secret? = nil, allow: [CIDR]? = nil) {
            self.name = name
            self.path = path
            self.vendor = vendor
            self.secret = secret
            self.allow = allow
        }

        /// Neither a secret nor an allow-list: anyone may post.
        var isOpen: Bool { secret == nil && allow == nil }
    }
}
