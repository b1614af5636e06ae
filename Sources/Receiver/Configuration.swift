import CallEvents
import EventLog
import HTTPServer

/// The parsed config file (receiver.md, "Configuration"). Paths are absolute, resolved against
/// the config file's folder.
public struct Configuration: Sendable {
    public struct Route: Sendable, Equatable {
        public var name: String
        public var path: String
        public var vendor: VendorChoice
        public var secret: String?
        public var allow: [CIDR]?
    }

    public var listenHost: String
    public var listenPort: Int
    public var eventLog: String
    public var rejectsLog: String
    public var fsync: FsyncPolicy
    public var dedupeWindow: Int
    public var trustedProxies: [CIDR]
    public var adminToken: String?
    public var limits: HTTPLimits
    public var routes: [Route]
}
