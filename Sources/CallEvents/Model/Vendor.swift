/// The vendors callhook understands.
public enum Vendor: String, Sendable, CaseIterable {
    case voipnow, urlnetworks, voipstudio, impactpbx
}
